/* test-engine-calls.c - single-object calls: 401 retry, faults, parse
 * errors, request bodies, cancellation and network errors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "aero-engine-calls-private.h"
#include "fake-engine.h"

#define TOKEN_PATH "/ovirt-engine/sso/oauth/token"
#define VM_PATH    "/ovirt-engine/api/vms/vm-1"

#define VM_JSON \
  "{\"id\": \"vm-1\", \"name\": \"web-01\", \"memory\": \"2147483648\"," \
  " \"memory_policy\": {\"guaranteed\": \"1073741824\", \"ballooning\": \"false\"}," \
  " \"status\": \"up\", \"cluster\": {\"id\": \"cluster-1\"}}"

#define HTML_401 "<html><head><title>Error</title></head><body>Unauthorized</body></html>"

typedef FakeFixture Fixture;

static AeroVm *
get_vm (Fixture     *fixture,
        gboolean     next_run,
        GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  aero_engine_get_vm_async (fixture->engine, "vm-1", next_run, NULL, fake_async_result_cb, &result);
  return aero_engine_get_vm_finish (fixture->engine, fake_wait_for_result (&result), error);
}

static AeroVm *
update_vm (Fixture     *fixture,
           const char  *json,
           gboolean     next_run,
           GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(JsonNode) body = json_from_string (json, NULL);

  g_assert_nonnull (body);
  aero_engine_update_vm_async (fixture->engine, "vm-1", body, next_run, NULL,
                               fake_async_result_cb, &result);
  return aero_engine_update_vm_finish (fixture->engine, fake_wait_for_result (&result), error);
}

static gboolean
start_vm (Fixture  *fixture,
          GError  **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  aero_engine_start_vm_async (fixture->engine, "vm-1", NULL, fake_async_result_cb, &result);
  return aero_engine_start_vm_finish (fixture->engine, fake_wait_for_result (&result), error);
}

static void
assert_same_json (const char *actual,
                  const char *expected)
{
  g_autoptr(JsonNode) a = json_from_string (actual, NULL);
  g_autoptr(JsonNode) b = json_from_string (expected, NULL);

  g_assert_nonnull (a);
  g_assert_nonnull (b);
  if (!json_node_equal (a, b))
    g_error ("JSON differs: got %s, expected %s", actual, expected);
}

static void
test_get_vm (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AeroVm) vm = NULL;
  FakeRequest *request;

  fake_engine_set_response (fixture->fake, "GET", "/vms/vm-1", 200, "application/json", VM_JSON);
  vm = get_vm (fixture, FALSE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (vm);
  g_assert_cmpstr (aero_vm_get_id (vm), ==, "vm-1");
  g_assert_cmpstr (aero_vm_get_name (vm), ==, "web-01");
  g_assert_cmpint (aero_vm_get_memory (vm), ==, G_GINT64_CONSTANT (2147483648));

  request = fake_engine_find_request (fixture->fake, "GET", VM_PATH);
  g_assert_nonnull (request);
  g_assert_cmpstr (soup_message_headers_get_one (request->headers, "Accept"), ==, "application/json");
  g_assert_cmpstr (soup_message_headers_get_one (request->headers, "Version"), ==, "4");
  g_assert_cmpstr (soup_message_headers_get_one (request->headers, "Authorization"), ==,
                   "Bearer fake-token-1");
}

static void
test_get_vm_next_run (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AeroVm) vm = NULL;

  fake_engine_set_response (fixture->fake, "GET", "/vms/vm-1;next_run", 200, "application/json",
                            VM_JSON);
  vm = get_vm (fixture, TRUE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (vm);
  g_assert_nonnull (fake_engine_find_request (fixture->fake, "GET", VM_PATH ";next_run"));
}

/* Tokens expire: the first 401 (with the engine's HTML body) leads to one
 * new SSO login and one resend with the new token. */
static void
test_401_relogin (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AeroVm) vm = NULL;
  GPtrArray *requests;
  FakeRequest *last;

  fake_engine_set_response (fixture->fake, "GET", "/vms/vm-1", 200, "application/json", VM_JSON);
  fake_engine_expire_tokens (fixture->fake);

  vm = get_vm (fixture, FALSE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (vm);
  g_assert_cmpstr (aero_vm_get_name (vm), ==, "web-01");

  requests = fake_engine_get_requests (fixture->fake);
  g_assert_cmpuint (requests->len, ==, 3);
  g_assert_cmpstr (((FakeRequest *) requests->pdata[0])->path, ==, VM_PATH);
  g_assert_cmpstr (((FakeRequest *) requests->pdata[1])->path, ==, TOKEN_PATH);
  last = requests->pdata[2];
  g_assert_cmpstr (last->path, ==, VM_PATH);
  g_assert_cmpstr (soup_message_headers_get_one (last->headers, "Authorization"), ==,
                   "Bearer fake-token-2");
  g_assert_true (aero_engine_get_logged_in (fixture->engine));
}

/* Calls hit together by an expired token share one new login. */
static void
test_401_relogin_shared (Fixture       *fixture,
                         gconstpointer  data)
{
  GAsyncResult *results[4] = { NULL, };
  FakeRequest *token;

  fake_engine_set_response (fixture->fake, "GET", "/vms/vm-1", 200, "application/json", VM_JSON);
  fake_engine_expire_tokens (fixture->fake);

  for (guint i = 0; i < G_N_ELEMENTS (results); i++)
    aero_engine_get_vm_async (fixture->engine, "vm-1", FALSE, NULL, fake_async_result_cb, &results[i]);

  for (guint i = 0; i < G_N_ELEMENTS (results); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(AeroVm) vm = NULL;

      vm = aero_engine_get_vm_finish (fixture->engine, fake_wait_for_result (&results[i]), &error);
      g_assert_no_error (error);
      g_assert_cmpstr (aero_vm_get_id (vm), ==, "vm-1");
      g_clear_object (&results[i]);
    }

  g_assert_cmpuint (fake_engine_count_requests (fixture->fake, "POST", TOKEN_PATH), ==, 1);
  g_assert_cmpuint (fake_engine_count_requests (fixture->fake, "GET", VM_PATH), ==, 2 * G_N_ELEMENTS (results));
  token = fake_engine_find_request (fixture->fake, "GET", VM_PATH);
  g_assert_cmpstr (soup_message_headers_get_one (token->headers, "Authorization"), ==,
                   "Bearer fake-token-2");
}

static void
test_401_twice (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AeroVm) vm = NULL;

  fake_engine_set_response (fixture->fake, "GET", "/vms/vm-1", 401, "text/html", HTML_401);

  vm = get_vm (fixture, FALSE, &error);
  g_assert_null (vm);
  g_assert_error (error, AERO_ENGINE_ERROR, AERO_ENGINE_ERROR_UNAUTHORIZED);
  g_assert_cmpuint (aero_engine_error_get_http_status (error), ==, 401);
  /* The HTML was not taken for the engine's words. */
  g_assert_null (aero_engine_error_get_reason (error));
  g_assert_null (strstr (error->message, "html"));

  g_assert_cmpuint (fake_engine_count_requests (fixture->fake, "GET", VM_PATH), ==, 2);
  g_assert_cmpuint (fake_engine_count_requests (fixture->fake, "POST", TOKEN_PATH), ==, 1);
}

static void
test_401_relogin_refused (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AeroVm) vm = NULL;

  /* The password was changed meanwhile: the re-login fails with the
   * engine's message, and the call is not sent a second time. */
  fake_engine_expire_tokens (fixture->fake);
  fake_engine_set_login_refused (fixture->fake, TRUE);

  vm = get_vm (fixture, FALSE, &error);
  g_assert_null (vm);
  g_assert_error (error, AERO_ENGINE_ERROR, AERO_ENGINE_ERROR_UNAUTHORIZED);
  g_assert_cmpstr (error->message, ==, "The request is not valid for this endpoint.");
  g_assert_cmpuint (fake_engine_count_requests (fixture->fake, "GET", VM_PATH), ==, 1);
}

static void
test_fault_bare (Fixture       *fixture,
                 gconstpointer  data)
{
  static const struct {
    guint status;
    AeroEngineErrorCode code;
  } cases[] = {
    { 400, AERO_ENGINE_ERROR_FAULT },
    { 409, AERO_ENGINE_ERROR_FAULT },
    { 500, AERO_ENGINE_ERROR_FAULT },
    { 403, AERO_ENGINE_ERROR_FORBIDDEN },
    { 404, AERO_ENGINE_ERROR_NOT_FOUND },
  };
  const char *detail = "[Cannot edit VM. Physical Memory Guaranteed cannot exceed Memory Size.]";

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(AeroVm) vm = NULL;
      g_autofree char *body = NULL;

      body = g_strdup_printf ("{\"reason\": \"Operation Failed\", \"detail\": \"%s\"}", detail);
      fake_engine_push_response (fixture->fake, "PUT", "/vms/vm-1", cases[i].status,
                                 "application/json", body);

      vm = update_vm (fixture, "{\"memory\": \"1024\"}", FALSE, &error);
      g_assert_null (vm);
      g_assert_error (error, AERO_ENGINE_ERROR, cases[i].code);
      g_assert_cmpstr (aero_engine_error_get_reason (error), ==, "Operation Failed");
      /* The engine's brackets around its message list are dropped. */
      g_assert_cmpstr (aero_engine_error_get_detail (error), ==,
                       "Cannot edit VM. Physical Memory Guaranteed cannot exceed Memory Size.");
      g_assert_cmpuint (aero_engine_error_get_http_status (error), ==, cases[i].status);
      g_assert_nonnull (strstr (error->message, "Physical Memory Guaranteed cannot exceed"));
    }
}

static void
test_fault_action (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const char *body =
    "{\"status\": \"failed\", \"fault\": {\"reason\": \"Operation Failed\","
    " \"detail\": \"[Cannot run VM. There is no host that satisfies current scheduling constraints.]\"}}";

  fake_engine_push_response (fixture->fake, "POST", "/vms/vm-1/start", 409, "application/json", body);
  g_assert_false (start_vm (fixture, &error));
  g_assert_error (error, AERO_ENGINE_ERROR, AERO_ENGINE_ERROR_FAULT);
  g_assert_cmpstr (aero_engine_error_get_reason (error), ==, "Operation Failed");
  g_assert_nonnull (strstr (aero_engine_error_get_detail (error), "no host that satisfies"));
  g_assert_cmpuint (aero_engine_error_get_http_status (error), ==, 409);
  g_clear_error (&error);

  /* "failed" is a failure even with a 200. */
  fake_engine_push_response (fixture->fake, "POST", "/vms/vm-1/start", 200, "application/json", body);
  g_assert_false (start_vm (fixture, &error));
  g_assert_error (error, AERO_ENGINE_ERROR, AERO_ENGINE_ERROR_FAULT);
  g_assert_cmpuint (aero_engine_error_get_http_status (error), ==, 200);
  g_assert_cmpstr (aero_engine_error_get_reason (error), ==, "Operation Failed");
}

static void
test_action_complete (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autofree char *body = NULL;
  FakeRequest *request;

  fake_engine_set_response (fixture->fake, "POST", "/vms/vm-1/start", 200, "application/json",
                            "{\"status\": \"complete\", \"vm\": {\"id\": \"vm-1\"}}");
  g_assert_true (start_vm (fixture, &error));
  g_assert_no_error (error);

  request = fake_engine_find_request (fixture->fake, "POST", VM_PATH "/start");
  g_assert_nonnull (request);
  g_assert_cmpstr (soup_message_headers_get_content_type (request->headers, NULL), ==,
                   "application/json");
  body = fake_request_body_text (request);
  g_assert_cmpstr (body, ==, "{}");

  fake_engine_set_response (fixture->fake, "POST", "/vms/vm-1/stop", 200, "application/json",
                            "{\"status\": \"complete\"}");
  aero_engine_stop_vm_async (fixture->engine, "vm-1", NULL, fake_async_result_cb, &result);
  g_assert_true (aero_engine_stop_vm_finish (fixture->engine, fake_wait_for_result (&result), &error));
  g_assert_no_error (error);
  g_assert_nonnull (fake_engine_find_request (fixture->fake, "POST", VM_PATH "/stop"));
  g_clear_object (&result);

  /* Shut down is its own action: the guest goes down itself. */
  fake_engine_set_response (fixture->fake, "POST", "/vms/vm-1/shutdown", 200, "application/json",
                            "{\"status\": \"complete\"}");
  aero_engine_shutdown_vm_async (fixture->engine, "vm-1", NULL, fake_async_result_cb, &result);
  g_assert_true (aero_engine_shutdown_vm_finish (fixture->engine, fake_wait_for_result (&result), &error));
  g_assert_no_error (error);
  request = fake_engine_find_request (fixture->fake, "POST", VM_PATH "/shutdown");
  g_assert_nonnull (request);
  g_free (body);
  body = fake_request_body_text (request);
  g_assert_cmpstr (body, ==, "{}");
  g_assert_cmpuint (fake_engine_count_requests (fixture->fake, "POST", VM_PATH "/stop"), ==, 1);
}

static void
run_once (Fixture      *fixture,
          gboolean      volatile_,
          gboolean      pause)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;

  aero_engine_run_once_async (fixture->engine, "vm-1", volatile_, pause, NULL,
                              fake_async_result_cb, &result);
  g_assert_true (aero_engine_run_once_finish (fixture->engine, fake_wait_for_result (&result), &error));
  g_assert_no_error (error);
}

static void
test_run_once_body (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *body = NULL;

  fake_engine_set_response (fixture->fake, "POST", "/vms/vm-1/start", 200, "application/json",
                            "{\"status\": \"complete\"}");

  /* Always a "vm": without one the engine runs a plain RunVm and drops
   * "volatile" (ovirt-engine: backend/manager/modules/restapi/jaxrs/src/
   * main/java/org/ovirt/engine/api/restapi/resource/BackendVmResource.java
   * start). Never a memory policy: VmMapper.map (Vm, RunVmOnceParams)
   * ignores it in every release. */
  run_once (fixture, TRUE, FALSE);
  body = fake_request_body_text (fake_engine_find_request (fixture->fake, "POST", VM_PATH "/start"));
  assert_same_json (body, "{\"vm\": {}, \"volatile\": \"true\", \"pause\": \"false\"}");
  g_clear_pointer (&body, g_free);

  run_once (fixture, FALSE, TRUE);
  body = fake_request_body_text (fake_engine_find_request (fixture->fake, "POST", VM_PATH "/start"));
  assert_same_json (body, "{\"vm\": {}, \"volatile\": \"false\", \"pause\": \"true\"}");
}

static void
test_update_next_run (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AeroVm) vm = NULL;
  g_autofree char *body = NULL;
  FakeRequest *request;

  fake_engine_set_response (fixture->fake, "PUT", "/vms/vm-1", 200, "application/json", VM_JSON);

  vm = update_vm (fixture, "{ \"memory_policy\" : { \"ballooning\" : \"true\" } }", TRUE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (vm);

  request = fake_engine_find_request (fixture->fake, "PUT", VM_PATH);
  g_assert_nonnull (request);
  g_assert_cmpstr (request->query, ==, "next_run=true");
  g_assert_cmpstr (soup_message_headers_get_content_type (request->headers, NULL), ==,
                   "application/json");
  /* Compact, only the members given. */
  body = fake_request_body_text (request);
  g_assert_cmpstr (body, ==, "{\"memory_policy\":{\"ballooning\":\"true\"}}");
  g_clear_object (&vm);

  vm = update_vm (fixture, "{\"memory\": \"1024\"}", FALSE, &error);
  g_assert_no_error (error);
  request = fake_engine_find_request (fixture->fake, "PUT", VM_PATH);
  g_assert_null (request->query);
}

#define NEXT_RUN_JSON(ballooning) \
  "{\"id\": \"vm-1\", \"name\": \"web-01\", \"memory\": \"2147483648\"," \
  " \"memory_policy\": {\"guaranteed\": \"1073741824\", \"ballooning\": \"" ballooning "\"}," \
  " \"status\": \"up\", \"next_run_configuration_exists\": \"true\"}"

/* Up to 4.4.6.4 the balloon is a device, and a next_run PUT rebuilds the
 * next-run devices from the running VM's, keeping only the device fields
 * it carries (ovirt-engine: backend/manager/modules/bll/src/main/java/org/
 * ovirt/engine/core/bll/utils/VmDeviceUtils.java getVmDevicesForNextRun):
 * the PUT restates the balloon that waits in the next-run configuration. */
static void
test_next_run_restates_balloon_VmDeviceUtils_getVmDevicesForNextRun (Fixture       *fixture,
                                                                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AeroVm) vm = NULL;
  g_autofree char *body = NULL;

  fake_engine_set_full_version (fixture->fake, "4.3.10.4-1.el7");
  g_assert_true (fake_fixture_login (fixture, FAKE_PASSWORD, &error));
  fake_engine_clear_requests (fixture->fake);
  fake_engine_set_response (fixture->fake, "GET", "/vms/vm-1;next_run", 200, "application/json",
                            NEXT_RUN_JSON ("false"));
  fake_engine_set_response (fixture->fake, "PUT", "/vms/vm-1", 200, "application/json", VM_JSON);

  vm = update_vm (fixture, "{\"memory_policy\": {\"guaranteed\": \"536870912\"}, \"cpu_shares\": \"512\"}",
                  TRUE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (vm);
  g_assert_cmpuint (fake_engine_count_requests (fixture->fake, "GET", VM_PATH ";next_run"), ==, 1);
  body = fake_request_body_text (fake_engine_find_request (fixture->fake, "PUT", VM_PATH));
  assert_same_json (body, "{\"memory_policy\": {\"guaranteed\": \"536870912\", \"ballooning\": \"false\"},"
                          " \"cpu_shares\": \"512\"}");
  g_clear_pointer (&body, g_free);
  g_clear_object (&vm);

  /* A PUT that sets the balloon itself needs nothing read. */
  fake_engine_clear_requests (fixture->fake);
  vm = update_vm (fixture, "{\"memory_policy\": {\"ballooning\": \"true\"}}", TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (fake_engine_count_requests (fixture->fake, "GET", VM_PATH ";next_run"), ==, 0);
  g_clear_object (&vm);

  /* Without next_run nothing is rebuilt from the running devices. */
  vm = update_vm (fixture, "{\"name\": \"web-02\"}", FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (fake_engine_count_requests (fixture->fake, "GET", VM_PATH ";next_run"), ==, 0);
  g_clear_object (&vm);

  /* When the next-run configuration cannot be read, nothing is sent. */
  fake_engine_clear_requests (fixture->fake);
  fake_engine_push_response (fixture->fake, "GET", "/vms/vm-1;next_run", 500, "application/json",
                             "{\"reason\": \"Operation Failed\", \"detail\": \"boom\"}");
  vm = update_vm (fixture, "{\"cpu_shares\": \"256\"}", TRUE, &error);
  g_assert_null (vm);
  g_assert_error (error, AERO_ENGINE_ERROR, AERO_ENGINE_ERROR_FAULT);
  g_assert_null (fake_engine_find_request (fixture->fake, "PUT", VM_PATH));
  g_clear_error (&error);

  /* Nor when it does not say whether the VM balloons. */
  fake_engine_push_response (fixture->fake, "GET", "/vms/vm-1;next_run", 200, "application/json",
                             "{\"id\": \"vm-1\", \"memory_policy\": {}}");
  vm = update_vm (fixture, "{\"cpu_shares\": \"256\"}", TRUE, &error);
  g_assert_null (vm);
  g_assert_error (error, AERO_ENGINE_ERROR, AERO_ENGINE_ERROR_PARSE);
  g_assert_null (fake_engine_find_request (fixture->fake, "PUT", VM_PATH));
  g_clear_error (&error);

  /* From 4.4.6.5 the balloon is a VM field: only the members given. */
  fake_engine_set_full_version (fixture->fake, "4.4.6.5-1.el8");
  g_assert_true (fake_fixture_login (fixture, FAKE_PASSWORD, &error));
  fake_engine_clear_requests (fixture->fake);
  vm = update_vm (fixture, "{\"cpu_shares\": \"256\"}", TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (fake_engine_count_requests (fixture->fake, "GET", VM_PATH ";next_run"), ==, 0);
  body = fake_request_body_text (fake_engine_find_request (fixture->fake, "PUT", VM_PATH));
  assert_same_json (body, "{\"cpu_shares\": \"256\"}");
}

/* The bulk dialog's typed call: only memory_policy.ballooning. */
static void
test_set_vm_ballooning (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AeroVm) vm = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autofree char *body = NULL;
  FakeRequest *request;

  fake_engine_set_response (fixture->fake, "PUT", "/vms/vm-1", 200, "application/json", VM_JSON);

  aero_engine_set_vm_ballooning_async (fixture->engine, "vm-1", FALSE, TRUE, NULL,
                                       fake_async_result_cb, &result);
  vm = aero_engine_set_vm_ballooning_finish (fixture->engine, fake_wait_for_result (&result), &error);
  g_assert_no_error (error);
  g_assert_nonnull (vm);

  request = fake_engine_find_request (fixture->fake, "PUT", VM_PATH);
  g_assert_cmpstr (request->query, ==, "next_run=true");
  body = fake_request_body_text (request);
  g_assert_cmpstr (body, ==, "{\"memory_policy\":{\"ballooning\":\"false\"}}");
}

static void
test_add_vm (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(JsonNode) body = json_from_string ("{\"name\": \"web-01\", \"cluster\": {\"id\": \"cluster-1\"},"
                                               " \"template\": {\"id\": \"blank\"}}", NULL);
  g_autoptr(AeroVm) vm = NULL;
  g_autofree char *sent = NULL;

  fake_engine_set_response (fixture->fake, "POST", "/vms", 201, "application/json", VM_JSON);
  aero_engine_add_vm_async (fixture->engine, body, NULL, fake_async_result_cb, &result);
  vm = aero_engine_add_vm_finish (fixture->engine, fake_wait_for_result (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (aero_vm_get_id (vm), ==, "vm-1");

  sent = fake_request_body_text (fake_engine_find_request (fixture->fake, "POST", "/ovirt-engine/api/vms"));
  assert_same_json (sent, "{\"name\": \"web-01\", \"cluster\": {\"id\": \"cluster-1\"},"
                          " \"template\": {\"id\": \"blank\"}}");
}

static void
test_parse_errors (Fixture       *fixture,
                   gconstpointer  data)
{
  static const struct {
    guint status;
    const char *content_type;
    const char *body;
  } cases[] = {
    { 500, "text/html", "<html><body><h1>Internal Server Error</h1></body></html>" },
    { 502, "text/html", "<html><body>Bad Gateway</body></html>" },
    { 200, "application/json", "{\"id\": \"vm-1\", \"name\": " },
    { 200, "application/json", "{\"id\": \"vm-1\"}} trailing" },
    { 200, "application/json", "[1, 2, 3]" },
    { 200, "text/html", "<html></html>" },
    { 400, "application/json", "{\"unexpected\": true}" },
    { 500, "application/json", "{\"reason\": " },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(AeroVm) vm = NULL;

      g_test_message ("case %u: %u %s", i, cases[i].status, cases[i].body);
      fake_engine_push_response (fixture->fake, "GET", "/vms/vm-1", cases[i].status,
                                 cases[i].content_type, cases[i].body);
      vm = get_vm (fixture, FALSE, &error);
      g_assert_null (vm);
      g_assert_error (error, AERO_ENGINE_ERROR, AERO_ENGINE_ERROR_PARSE);
      g_assert_cmpuint (aero_engine_error_get_http_status (error), ==, cases[i].status);
    }
}

/* An answer without the identity of what was asked for is an error,
 * never a model: an empty or id-less VM cannot be edited, and another
 * VM's answer would send the next PUT to that other VM. */
static void
test_identity (Fixture       *fixture,
               gconstpointer  data)
{
  static const struct {
    guint status;
    const char *body;
  } cases[] = {
    { 200, "{}" },
    { 200, "" },
    { 204, "" },
    { 200, "{\"name\": \"web-01\", \"status\": \"up\"}" },
    { 200, "{\"id\": \"\", \"name\": \"web-01\"}" },
    { 200, "{\"id\": 17, \"name\": \"web-01\"}" },
    { 200, "{\"id\": \"vm-2\", \"name\": \"web-02\"}" },
    { 200, "{\"id\": \"vm-1-shadow\", \"name\": \"web-01\"}" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(AeroVm) vm = NULL;

      g_test_message ("case %u: %s", i, cases[i].body);
      fake_engine_push_response (fixture->fake, "GET", "/vms/vm-1", cases[i].status,
                                 "application/json", cases[i].body);
      vm = get_vm (fixture, FALSE, &error);
      g_assert_null (vm);
      g_assert_error (error, AERO_ENGINE_ERROR, AERO_ENGINE_ERROR_PARSE);

      fake_engine_push_response (fixture->fake, "PUT", "/vms/vm-1", cases[i].status,
                                 "application/json", cases[i].body);
      g_clear_error (&error);
      vm = update_vm (fixture, "{\"memory\": \"1024\"}", FALSE, &error);
      g_assert_null (vm);
      g_assert_error (error, AERO_ENGINE_ERROR, AERO_ENGINE_ERROR_PARSE);
    }

  /* The message names both ids, so the admin sees what went wrong. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(AeroVm) vm = NULL;
    g_autoptr(GAsyncResult) result = NULL;
    g_autoptr(AeroCluster) cluster = NULL;

    fake_engine_push_response (fixture->fake, "GET", "/vms/vm-1", 200, "application/json",
                               "{\"id\": \"vm-2\"}");
    vm = get_vm (fixture, FALSE, &error);
    g_assert_nonnull (error);
    g_assert_nonnull (strstr (error->message, "vm-2"));
    g_assert_nonnull (strstr (error->message, "vm-1"));

    fake_engine_push_response (fixture->fake, "GET", "/clusters/cluster-1", 200,
                               "application/json", "{\"name\": \"Default\"}");
    aero_engine_get_cluster_async (fixture->engine, "cluster-1", NULL, fake_async_result_cb, &result);
    cluster = aero_engine_get_cluster_finish (fixture->engine, fake_wait_for_result (&result), NULL);
    g_assert_null (cluster);
  }
}

static void
test_statistics (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(AeroMemoryStats) stats = NULL;

  fake_engine_set_response (fixture->fake, "GET", "/vms/vm-1/statistics", 200, "application/json",
    "{\"statistic\": ["
    " {\"name\": \"memory.installed\", \"unit\": \"bytes\", \"values\": {\"value\": [{\"datum\": 2147483648}]}},"
    " {\"name\": \"memory.used\", \"unit\": \"bytes\", \"values\": {\"value\": [{\"datum\": 1073741824}]}},"
    " {\"name\": \"cpu.current.guest\", \"unit\": \"percent\", \"values\": {\"value\": [{\"datum\": 3.5}]}}"
    "]}");

  aero_engine_get_vm_statistics_async (fixture->engine, "vm-1", NULL, fake_async_result_cb, &result);
  stats = aero_engine_get_vm_statistics_finish (fixture->engine, fake_wait_for_result (&result), &error);
  g_assert_no_error (error);
  g_assert_nonnull (stats);
  g_assert_cmpint (aero_memory_stats_get_installed (stats), ==, G_GINT64_CONSTANT (2147483648));
  g_assert_cmpint (aero_memory_stats_get_used (stats), ==, G_GINT64_CONSTANT (1073741824));
  g_assert_nonnull (fake_engine_find_request (fixture->fake, "GET", VM_PATH "/statistics"));
}

static void
test_clusters_and_templates (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(AeroCluster) cluster = NULL;
  g_autoptr(AeroTemplate) tmpl = NULL;
  g_autoptr(JsonNode) body = json_from_string ("{\"ballooning_enabled\": \"true\"}", NULL);
  g_autofree char *sent = NULL;

  fake_engine_set_response (fixture->fake, "GET", "/clusters/cluster-1", 200, "application/json",
                            "{\"id\": \"cluster-1\", \"name\": \"Default\", \"ballooning_enabled\": \"false\","
                            " \"version\": {\"major\": \"4\", \"minor\": \"7\"}}");
  aero_engine_get_cluster_async (fixture->engine, "cluster-1", NULL, fake_async_result_cb, &result);
  cluster = aero_engine_get_cluster_finish (fixture->engine, fake_wait_for_result (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (aero_cluster_get_name (cluster), ==, "Default");
  g_clear_object (&result);
  g_clear_object (&cluster);

  {
    AeroClusterMemoryChange change = { AERO_CLUSTER_MEMORY_BALLOONING, .ballooning = TRUE };
    g_autoptr(AeroCluster) before = aero_cluster_new ();

    aero_cluster_set_id (before, "cluster-1");
    fake_engine_set_response (fixture->fake, "PUT", "/clusters/cluster-1", 200, "application/json",
                              "{\"id\": \"cluster-1\", \"name\": \"Default\", \"ballooning_enabled\": \"true\"}");
    aero_engine_update_cluster_memory_async (fixture->engine, before, &change, NULL, fake_async_result_cb, &result);
    cluster = aero_engine_update_cluster_memory_finish (fixture->engine, fake_wait_for_result (&result), &error);
    g_assert_no_error (error);
    g_assert_cmpint (aero_cluster_get_ballooning_enabled (cluster), ==, AERO_TRISTATE_TRUE);
    sent = fake_request_body_text (fake_engine_find_request (fixture->fake, "PUT", "/ovirt-engine/api/clusters/cluster-1"));
    g_assert_cmpstr (sent, ==, "{\"ballooning_enabled\":\"true\"}");
    g_clear_object (&result);
  }

  fake_engine_set_response (fixture->fake, "GET", "/templates/tmpl-1", 200, "application/json",
                            "{\"id\": \"tmpl-1\", \"name\": \"rhel9\", \"memory\": 1073741824}");
  aero_engine_get_template_async (fixture->engine, "tmpl-1", NULL, fake_async_result_cb, &result);
  tmpl = aero_engine_get_template_finish (fixture->engine, fake_wait_for_result (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (aero_template_get_name (tmpl), ==, "rhel9");
  g_clear_object (&result);
  g_clear_object (&tmpl);

  fake_engine_set_response (fixture->fake, "PUT", "/templates/tmpl-1", 409, "application/json",
                            "{\"reason\": \"Operation Failed\", \"detail\": \"[Cannot edit Template.]\"}");
  aero_engine_update_template_async (fixture->engine, "tmpl-1", body, NULL, fake_async_result_cb, &result);
  tmpl = aero_engine_update_template_finish (fixture->engine, fake_wait_for_result (&result), &error);
  g_assert_null (tmpl);
  g_assert_error (error, AERO_ENGINE_ERROR, AERO_ENGINE_ERROR_FAULT);
  g_assert_cmpstr (aero_engine_error_get_detail (error), ==, "Cannot edit Template.");
}

/* Sends @change for @cluster and returns the body sent, or NULL (with
 * @error set) when the call refused before sending. */
static char *
send_cluster_change (Fixture                       *fixture,
                     AeroCluster                   *cluster,
                     const AeroClusterMemoryChange *change,
                     GError                       **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(AeroCluster) updated = NULL;
  FakeRequest *request;

  fake_engine_clear_requests (fixture->fake);
  fake_engine_set_response (fixture->fake, "PUT", "/clusters/cluster-1", 200, "application/json",
                            "{\"id\": \"cluster-1\", \"name\": \"Default\"}");
  aero_engine_update_cluster_memory_async (fixture->engine, cluster, change, NULL,
                                           fake_async_result_cb, &result);
  updated = aero_engine_update_cluster_memory_finish (fixture->engine, fake_wait_for_result (&result), error);
  request = fake_engine_find_request (fixture->fake, "PUT", "/ovirt-engine/api/clusters/cluster-1");
  if (updated == NULL)
    {
      g_assert_null (request);
      return NULL;
    }
  g_assert_nonnull (request);
  return fake_request_body_text (request);
}

/* A memory_policy without transparent_hugepages switches THP on in a real
 * engine (ovirt-engine: backend/manager/modules/restapi/types/.../ClusterMapper.java,
 * map(MemoryPolicy, Cluster), 4.3 to the current engine): every
 * memory_policy sent restates it, and nothing else is sent that did not
 * change. */
static void
test_cluster_memory_restates_thp (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autoptr(AeroCluster) cluster = aero_cluster_new ();
  g_autoptr(GError) error = NULL;
  AeroClusterMemoryChange change = { 0 };
  g_autofree char *sent = NULL;

  aero_cluster_set_id (cluster, "cluster-1");
  aero_cluster_set_name (cluster, "Default");
  aero_cluster_set_overcommit_percent (cluster, 150);
  aero_cluster_set_ksm_enabled (cluster, AERO_TRISTATE_FALSE);
  aero_cluster_set_ballooning_enabled (cluster, AERO_TRISTATE_TRUE);
  aero_cluster_set_transparent_hugepages (cluster, AERO_TRISTATE_FALSE);

  /* Over-commit only: THP goes along as stored (off). */
  change = (AeroClusterMemoryChange) { AERO_CLUSTER_MEMORY_OVERCOMMIT, .overcommit_percent = 50 };
  sent = send_cluster_change (fixture, cluster, &change, &error);
  g_assert_no_error (error);
  assert_same_json (sent, "{\"memory_policy\": {\"over_commit\": {\"percent\": \"50\"},"
                          " \"transparent_hugepages\": {\"enabled\": \"false\"}}}");
  g_clear_pointer (&sent, g_free);

  /* KSM only: no memory_policy at all, so THP needs no restating. */
  change = (AeroClusterMemoryChange) { AERO_CLUSTER_MEMORY_KSM, .ksm = TRUE };
  sent = send_cluster_change (fixture, cluster, &change, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sent, ==, "{\"ksm\":{\"enabled\":\"true\"}}");
  g_clear_pointer (&sent, g_free);

  /* THP itself, changed. */
  change = (AeroClusterMemoryChange) { AERO_CLUSTER_MEMORY_TRANSPARENT_HUGEPAGES, .transparent_hugepages = TRUE };
  sent = send_cluster_change (fixture, cluster, &change, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sent, ==, "{\"memory_policy\":{\"transparent_hugepages\":{\"enabled\":\"true\"}}}");
  g_clear_pointer (&sent, g_free);

  /* Everything at once, the over-commit with the THP change. */
  change = (AeroClusterMemoryChange) {
    AERO_CLUSTER_MEMORY_BALLOONING | AERO_CLUSTER_MEMORY_OVERCOMMIT | AERO_CLUSTER_MEMORY_KSM
    | AERO_CLUSTER_MEMORY_TRANSPARENT_HUGEPAGES,
    .ballooning = FALSE, .overcommit_percent = 1000, .ksm = TRUE, .transparent_hugepages = TRUE };
  sent = send_cluster_change (fixture, cluster, &change, &error);
  g_assert_no_error (error);
  assert_same_json (sent, "{\"ballooning_enabled\": \"false\","
                          " \"memory_policy\": {\"over_commit\": {\"percent\": \"1000\"},"
                          " \"transparent_hugepages\": {\"enabled\": \"true\"}},"
                          " \"ksm\": {\"enabled\": \"true\"}}");
  g_clear_pointer (&sent, g_free);

  /* Out of the range the engine stores as given (0 would become 100):
   * refused, nothing sent. */
  change = (AeroClusterMemoryChange) { AERO_CLUSTER_MEMORY_OVERCOMMIT, .overcommit_percent = 0 };
  sent = send_cluster_change (fixture, cluster, &change, &error);
  g_assert_null (sent);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  /* THP not known: an over-commit change would switch it on. Refused. */
  aero_cluster_set_transparent_hugepages (cluster, AERO_TRISTATE_UNKNOWN);
  change = (AeroClusterMemoryChange) { AERO_CLUSTER_MEMORY_OVERCOMMIT, .overcommit_percent = 120 };
  sent = send_cluster_change (fixture, cluster, &change, &error);
  g_assert_null (sent);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_assert_nonnull (strstr (error->message, "Transparent Huge Pages"));
}

static void
test_id_is_escaped (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(AeroVm) vm = NULL;
  FakeRequest *request;

  aero_engine_get_vm_async (fixture->engine, "web 01?max=1#x", FALSE, NULL, fake_async_result_cb, &result);
  vm = aero_engine_get_vm_finish (fixture->engine, fake_wait_for_result (&result), &error);
  g_assert_error (error, AERO_ENGINE_ERROR, AERO_ENGINE_ERROR_NOT_FOUND);

  request = g_ptr_array_index (fake_engine_get_requests (fixture->fake), 0);
  /* The server decodes the path: the whole id arrived as one segment. */
  g_assert_cmpstr (request->path, ==, "/ovirt-engine/api/vms/web 01?max=1#x");
  g_assert_null (request->query);
}

/* Redirects are not followed: they would take the token elsewhere. */
static void
test_redirect_not_followed (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AeroVm) vm = NULL;
  g_autofree char *elsewhere = g_strconcat (fake_engine_get_base_url (fixture->fake),
                                            "/api/vms/vm-2", NULL);

  fake_engine_set_response (fixture->fake, "GET", "/vms/vm-1", 302, NULL, elsewhere);
  fake_engine_set_response (fixture->fake, "GET", "/vms/vm-2", 200, "application/json", VM_JSON);

  vm = get_vm (fixture, FALSE, &error);
  g_assert_null (vm);
  g_assert_error (error, AERO_ENGINE_ERROR, AERO_ENGINE_ERROR_PARSE);
  g_assert_cmpuint (aero_engine_error_get_http_status (error), ==, 302);
  g_assert_cmpuint (fake_engine_count_requests (fixture->fake, "GET", VM_PATH), ==, 1);
  g_assert_cmpuint (fake_engine_count_requests (fixture->fake, "GET", "/ovirt-engine/api/vms/vm-2"), ==, 0);
}

static gboolean
stream_started (gpointer data)
{
  return fake_engine_stream_started (data);
}

static void
test_cancel (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(AeroVm) vm = NULL;

  /* The answer never completes until released: cancel while waiting. */
  fake_engine_set_held_stream (fixture->fake, "/vms/vm-1", "{\"id\": \"vm-1\", ", "\"name\": \"x\"}");
  aero_engine_get_vm_async (fixture->engine, "vm-1", FALSE, cancellable, fake_async_result_cb, &result);
  fake_iterate_until (stream_started, fixture->fake);
  g_cancellable_cancel (cancellable);

  vm = aero_engine_get_vm_finish (fixture->engine, fake_wait_for_result (&result), &error);
  g_assert_null (vm);
  g_assert_error (error, AERO_ENGINE_ERROR, AERO_ENGINE_ERROR_CANCELLED);
  g_clear_error (&error);
  g_clear_object (&result);

  /* Cancelled before it started. */
  aero_engine_start_vm_async (fixture->engine, "vm-1", cancellable, fake_async_result_cb, &result);
  g_assert_false (aero_engine_start_vm_finish (fixture->engine, fake_wait_for_result (&result), &error));
  g_assert_error (error, AERO_ENGINE_ERROR, AERO_ENGINE_ERROR_CANCELLED);
}

static void
test_connection_refused (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GSocketListener) listener = g_socket_listener_new ();
  g_autoptr(AeroEngine) engine = NULL;
  g_autofree char *address = NULL;
  guint16 port;

  /* A port that was just free: nothing listens there any more. */
  port = g_socket_listener_add_any_inet_port (listener, NULL, &error);
  g_assert_no_error (error);
  g_socket_listener_close (listener);

  address = g_strdup_printf ("http://127.0.0.1:%u/ovirt-engine", port);
  engine = aero_engine_new (address, &error);
  g_assert_no_error (error);

  aero_engine_login_async (engine, FAKE_USER, FAKE_PASSWORD, NULL, fake_async_result_cb, &result);
  g_assert_false (aero_engine_login_finish (engine, fake_wait_for_result (&result), &error));
  g_assert_error (error, AERO_ENGINE_ERROR, AERO_ENGINE_ERROR_NETWORK);
  g_assert_false (aero_engine_get_logged_in (engine));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fake_fixture_set_up_logged_in, func, fake_fixture_tear_down)

  ADD ("/engine/calls/get-vm", test_get_vm);
  ADD ("/engine/calls/get-vm-next-run", test_get_vm_next_run);
  ADD ("/engine/calls/401-relogin", test_401_relogin);
  ADD ("/engine/calls/401-relogin-shared", test_401_relogin_shared);
  ADD ("/engine/calls/401-twice", test_401_twice);
  ADD ("/engine/calls/401-relogin-refused", test_401_relogin_refused);
  ADD ("/engine/calls/fault-bare", test_fault_bare);
  ADD ("/engine/calls/fault-action", test_fault_action);
  ADD ("/engine/calls/action-complete", test_action_complete);
  ADD ("/engine/calls/run-once-body", test_run_once_body);
  ADD ("/engine/calls/update-next-run", test_update_next_run);
  ADD ("/engine/calls/set-vm-ballooning", test_set_vm_ballooning);
  ADD ("/engine/calls/add-vm", test_add_vm);
  ADD ("/engine/calls/next-run-restates-balloon/VmDeviceUtils.getVmDevicesForNextRun",
       test_next_run_restates_balloon_VmDeviceUtils_getVmDevicesForNextRun);
  ADD ("/engine/calls/parse-errors", test_parse_errors);
  ADD ("/engine/calls/identity", test_identity);
  ADD ("/engine/calls/statistics", test_statistics);
  ADD ("/engine/calls/clusters-and-templates", test_clusters_and_templates);
  ADD ("/engine/calls/cluster-memory-restates-thp", test_cluster_memory_restates_thp);
  ADD ("/engine/calls/id-is-escaped", test_id_is_escaped);
  ADD ("/engine/calls/redirect-not-followed", test_redirect_not_followed);
  ADD ("/engine/calls/cancel", test_cancel);
  g_test_add_func ("/engine/calls/connection-refused", test_connection_refused);

#undef ADD

  return g_test_run ();
}
