/* test-demo-wire.c - the demo engine's authentication and wire format,
 * checked from raw HTTP
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "demo-client.h"

#define BLANK_ID "00000000-0000-0000-0000-000000000000"
#define TOKEN_PATH "/ovirt-engine/sso/oauth/token"
#define TOKEN_FORM "grant_type=password&scope=ovirt-app-api&username=admin%40internal&password="

static void
setup (DemoFixture   *fx,
       gconstpointer  data)
{
  demo_fixture_start (fx, aero_demo_engine_new (0, 0));
}

static void
teardown (DemoFixture   *fx,
          gconstpointer  data)
{
  demo_fixture_stop (fx);
}

static char *
get_token (DemoFixture *fx)
{
  g_autoptr(DemoReply) reply = demo_request_full (fx, "POST", TOKEN_PATH, DEMO_NO_AUTH,
                                                  TOKEN_FORM "demo", NULL, NULL);
  JsonObject *o;

  g_assert_cmpuint (reply->status, ==, 200);
  o = demo_reply_object (reply);
  return g_strdup_printf ("Bearer %s", demo_get_string (o, "access_token"));
}

static void
test_sso_success (DemoFixture   *fx,
                  gconstpointer  data)
{
  g_autoptr(DemoReply) reply = demo_request_full (fx, "POST", TOKEN_PATH, DEMO_NO_AUTH,
                                                  TOKEN_FORM "demo", NULL, NULL);
  g_autoptr(DemoReply) api = NULL;
  g_autofree char *bearer = NULL;
  JsonObject *o;
  gint64 exp, now_ms = g_get_real_time () / 1000;

  g_assert_cmpuint (reply->status, ==, 200);
  o = demo_reply_object (reply);
  g_assert_nonnull (demo_get_string (o, "access_token"));
  g_assert_cmpstr (demo_get_string (o, "token_type"), ==, "bearer");
  g_assert_cmpstr (demo_get_string (o, "scope"), ==, "ovirt-app-api");
  /* "exp" is epoch milliseconds, as a string, about 30 minutes ahead. */
  exp = g_ascii_strtoll (demo_get_string (o, "exp"), NULL, 10);
  g_assert_cmpint (exp, >, now_ms + 1700 * 1000);
  g_assert_cmpint (exp, <, now_ms + 1900 * 1000);

  bearer = g_strdup_printf ("Bearer %s", demo_get_string (o, "access_token"));
  api = demo_request_full (fx, "GET", "/ovirt-engine/api", bearer, NULL, NULL, NULL);
  g_assert_cmpuint (api->status, ==, 200);
}

static void
test_sso_failure (DemoFixture   *fx,
                  gconstpointer  data)
{
  g_autoptr(DemoReply) reply = demo_request_full (fx, "POST", TOKEN_PATH, DEMO_NO_AUTH,
                                                  TOKEN_FORM "wrong", NULL, NULL);
  JsonObject *o;

  g_assert_cmpuint (reply->status, ==, 400);
  o = demo_reply_object (reply);
  g_assert_cmpstr (demo_get_string (o, "error_code"), ==, "access_denied");
  g_assert_true (g_str_has_prefix (demo_get_string (o, "error"),
                                   "Cannot authenticate user 'admin@internal'"));
  g_assert_null (demo_get_string (o, "access_token"));
}

static void
test_sso_accept (DemoFixture   *fx,
                 gconstpointer  data)
{
  static const char *const wrong[] = { "application/json, */*", "*/*", "application/xml", NULL };

  for (guint i = 0; i < G_N_ELEMENTS (wrong); i++)
    {
      g_autoptr(DemoReply) reply = demo_request_full (fx, "POST", TOKEN_PATH, DEMO_NO_AUTH,
                                                      TOKEN_FORM "demo", "Accept", wrong[i]);
      JsonObject *o;

      g_assert_cmpuint (reply->status, ==, 400);
      o = demo_reply_object (reply);
      g_assert_cmpstr (demo_get_string (o, "error_code"), ==, "invalid_request");
      g_assert_false (demo_has_member (o, "access_token"));
    }
}

static void
test_sso_logout (DemoFixture   *fx,
                 gconstpointer  data)
{
  g_autofree char *bearer = get_token (fx);
  g_autofree char *form = g_strdup_printf ("scope=ovirt-app-api&token=%s", bearer + strlen ("Bearer "));
  g_autoptr(DemoReply) before = demo_request_full (fx, "GET", "/ovirt-engine/api", bearer, NULL, NULL, NULL);
  g_autoptr(DemoReply) logout = demo_request_full (fx, "POST", "/ovirt-engine/services/sso-logout",
                                                   DEMO_NO_AUTH, form, NULL, NULL);
  g_autoptr(DemoReply) after = demo_request_full (fx, "GET", "/ovirt-engine/api", bearer, NULL, NULL, NULL);

  g_assert_cmpuint (before->status, ==, 200);
  g_assert_cmpuint (logout->status, ==, 200);
  g_assert_cmpuint (after->status, ==, 401);
}

static void
test_basic (DemoFixture   *fx,
            gconstpointer  data)
{
  g_autoptr(DemoReply) admin = demo_request_full (fx, "GET", "/ovirt-engine/api", DEMO_ADMIN_BASIC, NULL, NULL, NULL);
  g_autoptr(DemoReply) user = demo_request_full (fx, "GET", "/ovirt-engine/api", DEMO_USER_BASIC, NULL, NULL, NULL);
  /* admin@internal:wrong */
  g_autoptr(DemoReply) bad = demo_request_full (fx, "GET", "/ovirt-engine/api",
                                                "Basic YWRtaW5AaW50ZXJuYWw6d3Jvbmc=", NULL, NULL, NULL);

  g_assert_cmpuint (admin->status, ==, 200);
  g_assert_cmpuint (user->status, ==, 200);
  g_assert_cmpuint (bad->status, ==, 401);
}

static void
assert_html_401 (DemoReply *reply)
{
  g_assert_cmpuint (reply->status, ==, 401);
  g_assert_cmpstr (soup_message_headers_get_one (reply->headers, "WWW-Authenticate"), ==,
                   "Basic realm=\"RESTAPI\"");
  g_assert_cmpstr (soup_message_headers_get_content_type (reply->headers, NULL), ==, "text/html");
  g_assert_null (reply->json);
  g_assert_true (g_str_has_prefix (reply->body, "<html>"));
}

static void
test_unauthorized (DemoFixture   *fx,
                   gconstpointer  data)
{
  g_autoptr(DemoReply) none = demo_request_full (fx, "GET", "/ovirt-engine/api/vms", DEMO_NO_AUTH, NULL, NULL, NULL);
  g_autoptr(DemoReply) bogus = demo_request_full (fx, "GET", "/ovirt-engine/api/vms", "Bearer nonsense",
                                                  NULL, NULL, NULL);

  assert_html_401 (none);
  assert_html_401 (bogus);
}

static void
test_token_expiry (void)
{
  DemoFixture fx = { 0 };
  AeroDemoEngine *engine = aero_demo_engine_new (0, 0);
  g_autofree char *bearer = NULL;
  g_autoptr(DemoReply) fresh = NULL;
  g_autoptr(DemoReply) expired = NULL;
  g_autoptr(DemoReply) token = NULL;

  aero_demo_engine_set_token_lifetime (engine, 1);
  demo_fixture_start (&fx, engine);

  token = demo_request_full (&fx, "POST", TOKEN_PATH, DEMO_NO_AUTH, TOKEN_FORM "demo", NULL, NULL);
  g_assert_cmpuint (token->status, ==, 200);
  bearer = g_strdup_printf ("Bearer %s", demo_get_string (demo_reply_object (token), "access_token"));

  fresh = demo_request_full (&fx, "GET", "/ovirt-engine/api", bearer, NULL, NULL, NULL);
  g_assert_cmpuint (fresh->status, ==, 200);
  g_usleep (1200 * 1000);
  expired = demo_request_full (&fx, "GET", "/ovirt-engine/api", bearer, NULL, NULL, NULL);
  assert_html_401 (expired);

  demo_fixture_stop (&fx);
}

static void
test_version_header (DemoFixture   *fx,
                     gconstpointer  data)
{
  g_autoptr(DemoReply) v3 = demo_request_full (fx, "GET", "/ovirt-engine/api/vms", NULL, NULL, "Version", "3");
  g_autoptr(DemoReply) v4 = demo_request_full (fx, "GET", "/ovirt-engine/api", NULL, NULL, "Version", "4");
  g_autoptr(DemoReply) none = demo_request_full (fx, "GET", "/ovirt-engine/api", NULL, NULL, "Version", NULL);

  demo_assert_fault (v3, 400, "Operation Failed", NULL);
  g_assert_cmpuint (v4->status, ==, 200);
  g_assert_cmpuint (none->status, ==, 200);
}

static void
test_api_root (DemoFixture   *fx,
               gconstpointer  data)
{
  g_autoptr(DemoReply) reply = demo_request (fx, "GET", "/ovirt-engine/api", NULL);
  JsonObject *o = demo_reply_object (reply);

  g_assert_cmpuint (reply->status, ==, 200);
  g_assert_cmpstr (demo_get_string (o, "product_info.name"), ==, "oVirt Engine");
  g_assert_cmpstr (demo_get_string (o, "product_info.version.major"), ==, "4");
  g_assert_cmpstr (demo_get_string (o, "product_info.version.minor"), ==, "5");
  g_assert_nonnull (demo_get_string (o, "product_info.version.full_version"));
  g_assert_cmpstr (demo_get_string (o, "special_objects.blank_template.id"), ==, BLANK_ID);
  g_assert_cmpstr (demo_get_string (o, "summary.vms.total"), ==, "33");
  g_assert_nonnull (demo_get_string (o, "summary.vms.active"));
}

static void
test_vm_types (DemoFixture   *fx,
               gconstpointer  data)
{
  g_autofree char *id = demo_vm_id (fx, "web-01");
  g_autofree char *path = g_strdup_printf ("/ovirt-engine/api/vms/%s", id);
  g_autofree char *href = NULL;
  g_autoptr(DemoReply) reply = demo_request (fx, "GET", path, NULL);
  JsonObject *vm = demo_reply_object (reply);
  JsonNode *created;
  JsonArray *links, *actions;
  gboolean has_start = FALSE, has_statistics = FALSE;

  g_assert_cmpuint (reply->status, ==, 200);
  g_assert_cmpstr (soup_message_headers_get_content_type (reply->headers, NULL), ==, "application/json");
  /* A single object is bare. */
  g_assert_false (json_object_has_member (vm, "vm"));
  g_assert_cmpstr (demo_get_string (vm, "id"), ==, id);
  href = g_strdup_printf ("/ovirt-engine/api/vms/%s", id);
  g_assert_cmpstr (demo_get_string (vm, "href"), ==, href);
  g_assert_cmpstr (demo_get_string (vm, "name"), ==, "web-01");
  g_assert_cmpstr (demo_get_string (vm, "status"), ==, "up");
  g_assert_cmpstr (demo_get_string (vm, "type"), ==, "server");
  /* Booleans, integers and longs as strings; dates as numbers. */
  g_assert_cmpstr (demo_get_string (vm, "next_run_configuration_exists"), ==, "false");
  g_assert_cmpstr (demo_get_string (vm, "memory"), ==, "4294967296");
  g_assert_cmpstr (demo_get_string (vm, "memory_policy.guaranteed"), ==, "2147483648");
  g_assert_cmpstr (demo_get_string (vm, "memory_policy.max"), ==, "17179869184");
  g_assert_cmpstr (demo_get_string (vm, "memory_policy.ballooning"), ==, "true");
  g_assert_cmpstr (demo_get_string (vm, "cpu.topology.sockets"), ==, "1");
  g_assert_cmpstr (demo_get_string (vm, "cluster.id"), ==, "c0000000-0000-4000-8000-000000000004");
  g_assert_cmpstr (demo_get_string (vm, "cluster.href"), ==,
                   "/ovirt-engine/api/clusters/c0000000-0000-4000-8000-000000000004");
  created = json_object_get_member (vm, "creation_time");
  g_assert_cmpint (json_node_get_value_type (created), ==, G_TYPE_INT64);
  /* Nested lists are wrapped by their element name. */
  g_assert_true (demo_has_member (vm, "os.boot.devices.device"));

  links = json_object_get_array_member (vm, "link");
  for (guint i = 0; i < json_array_get_length (links); i++)
    has_statistics |= g_strcmp0 (demo_get_string (json_array_get_object_element (links, i), "rel"),
                                 "statistics") == 0;
  actions = json_object_get_array_member (json_object_get_object_member (vm, "actions"), "link");
  for (guint i = 0; i < json_array_get_length (actions); i++)
    has_start |= g_strcmp0 (demo_get_string (json_array_get_object_element (actions, i), "rel"),
                            "start") == 0;
  g_assert_true (has_statistics);
  g_assert_true (has_start);
  /* As large as a real engine's VM. */
  g_assert_cmpuint (reply->length, >, 6000);
}

static void
test_cluster_types (DemoFixture   *fx,
                    gconstpointer  data)
{
  g_autoptr(DemoReply) reply = demo_request (fx, "GET", "/ovirt-engine/api/clusters", NULL);
  JsonArray *clusters = demo_collection (reply, "cluster");
  static const char *const names[] = { "Legacy", "Production-3.1", "Stable", "Default", "Overnight" };
  static const char *const versions[] = { "3.0", "3.1", "3.6", "4.7", "4.2" };

  g_assert_cmpuint (reply->status, ==, 200);
  g_assert_cmpuint (json_array_get_length (clusters), ==, 5);
  for (guint i = 0; i < 5; i++)
    {
      JsonObject *c = json_array_get_object_element (clusters, i);
      g_autofree char *version = g_strdup_printf ("%s.%s", demo_get_string (c, "version.major"),
                                                  demo_get_string (c, "version.minor"));

      g_assert_cmpstr (demo_get_string (c, "name"), ==, names[i]);
      g_assert_cmpstr (version, ==, versions[i]);
      g_assert_nonnull (demo_get_string (c, "ballooning_enabled"));
      g_assert_nonnull (demo_get_string (c, "memory_policy.over_commit.percent"));
      g_assert_nonnull (demo_get_string (c, "ksm.enabled"));
      g_assert_nonnull (demo_get_string (c, "data_center.id"));
    }
}

static void
test_templates (DemoFixture   *fx,
                gconstpointer  data)
{
  g_autoptr(DemoReply) list = demo_request (fx, "GET", "/ovirt-engine/api/templates", NULL);
  g_autoptr(DemoReply) blank = demo_request (fx, "GET", "/ovirt-engine/api/templates/" BLANK_ID, NULL);
  JsonArray *templates = demo_collection (list, "template");

  g_assert_cmpuint (json_array_get_length (templates), ==, 3);
  g_assert_cmpstr (demo_get_string (json_array_get_object_element (templates, 0), "name"), ==, "Blank");
  /* 4.5 (the default): the balloon is a field of every VmBase, so a plain
   * template list has it too (VmBaseMapper). */
  g_assert_cmpstr (demo_get_string (json_array_get_object_element (templates, 0), "memory_policy.ballooning"), ==, "true");
  g_assert_cmpuint (blank->status, ==, 200);
  g_assert_cmpstr (demo_get_string (demo_reply_object (blank), "name"), ==, "Blank");
  g_assert_cmpstr (demo_get_string (demo_reply_object (blank), "memory_policy.ballooning"), ==, "true");
  g_assert_cmpstr (demo_get_string (demo_reply_object (blank), "status"), ==, "ok");
}

static void
test_empty_collection (DemoFixture   *fx,
                       gconstpointer  data)
{
  g_autofree char *path = demo_search_path ("vms", "name=nothing-like-this*", NULL);
  g_autoptr(DemoReply) reply = demo_request (fx, "GET", path, NULL);

  g_assert_cmpuint (reply->status, ==, 200);
  g_assert_cmpstr (g_strstrip (reply->body), ==, "{}");
  g_assert_cmpuint (json_object_get_size (demo_reply_object (reply)), ==, 0);
}

static void
assert_ballooning_everywhere (DemoReply *reply,
                              gboolean   present)
{
  JsonArray *vms = demo_collection (reply, "vm");

  g_assert_cmpuint (reply->status, ==, 200);
  g_assert_cmpuint (json_array_get_length (vms), ==, 33);
  for (guint i = 0; i < json_array_get_length (vms); i++)
    {
      JsonObject *vm = json_array_get_object_element (vms, i);

      g_assert_true (demo_has_member (vm, "memory_policy.guaranteed"));
      g_assert_cmpint (demo_has_member (vm, "memory_policy.ballooning"), ==, present);
    }
}

static void
test_ballooning_visibility (DemoFixture   *fx,
                            gconstpointer  data)
{
  g_autoptr(DemoReply) plain = demo_request (fx, "GET", "/ovirt-engine/api/vms", NULL);
  g_autoptr(DemoReply) all = demo_request (fx, "GET", "/ovirt-engine/api/vms?all_content=true", NULL);
  g_autoptr(DemoReply) header = demo_request_full (fx, "GET", "/ovirt-engine/api/vms", NULL, NULL,
                                                   "All-Content", "true");

  /* 4.5 (the default) has it in plain lists too (VmBaseMapper, 4.4.6.5);
   * test-demo-versions.c checks the older releases. */
  assert_ballooning_everywhere (plain, TRUE);
  assert_ballooning_everywhere (all, TRUE);
  assert_ballooning_everywhere (header, TRUE);
}

static void
test_streamed (DemoFixture   *fx,
               gconstpointer  data)
{
  g_autoptr(DemoReply) reply = demo_request (fx, "GET", "/ovirt-engine/api/vms?all_content=true", NULL);

  g_assert_cmpint (soup_message_headers_get_encoding (reply->headers), ==, SOUP_ENCODING_CHUNKED);
  /* About 8 kB per VM, like a real engine. */
  g_assert_cmpuint (reply->length / 33, >, 6000);
  g_assert_cmpuint (reply->length / 33, <, 12000);
}

static guint
count_search (DemoFixture *fx,
              const char  *search,
              const char  *extra)
{
  g_autofree char *path = demo_search_path ("vms", search, extra);
  g_autoptr(DemoReply) reply = demo_request (fx, "GET", path, NULL);

  g_assert_cmpuint (reply->status, ==, 200);
  return json_array_get_length (demo_collection (reply, "vm"));
}

static void
test_search (DemoFixture   *fx,
             gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autoptr(DemoReply) both = NULL;
  g_autoptr(DemoReply) sorted = NULL;
  g_autoptr(DemoReply) bad = NULL;
  JsonArray *vms;

  g_assert_cmpuint (count_search (fx, "name=web*", NULL), ==, 5);
  g_assert_cmpuint (count_search (fx, "NAME=WEB-0*", NULL), ==, 5);
  g_assert_cmpuint (count_search (fx, "name = web-01", NULL), ==, 1);
  g_assert_cmpuint (count_search (fx, "cluster=Legacy", NULL), ==, 3);
  g_assert_cmpuint (count_search (fx, "cluster=production-3.1", NULL), ==, 4);
  g_assert_cmpuint (count_search (fx, "status=suspended", NULL), ==, 3);
  g_assert_cmpuint (count_search (fx, "name=web* and status=down", NULL), ==, 2);
  g_assert_cmpuint (count_search (fx, "name=web* AND cluster=Default and status=up", NULL), ==, 2);
  g_assert_cmpuint (count_search (fx, "name=web* or name=desk*", NULL), ==, 8);
  g_assert_cmpuint (count_search (fx, "name=web*", "max=2"), ==, 2);
  g_assert_cmpuint (count_search (fx, "name=nothing*", NULL), ==, 0);

  path = demo_search_path ("vms", "name=web* and status=up", NULL);
  both = demo_request (fx, "GET", path, NULL);
  vms = demo_collection (both, "vm");
  g_assert_cmpuint (json_array_get_length (vms), ==, 2);
  g_assert_cmpstr (demo_get_string (json_array_get_object_element (vms, 0), "name"), ==, "web-01");
  g_assert_cmpstr (demo_get_string (json_array_get_object_element (vms, 1), "name"), ==, "web-02");
  g_clear_pointer (&path, g_free);

  path = demo_search_path ("vms", "name=web* sortby name desc", NULL);
  sorted = demo_request (fx, "GET", path, NULL);
  vms = demo_collection (sorted, "vm");
  g_assert_cmpstr (demo_get_string (json_array_get_object_element (vms, 0), "name"), ==, "web-05");
  g_clear_pointer (&path, g_free);

  /* An unknown field is a syntax error, a 400 fault like the engine's. */
  path = demo_search_path ("vms", "colour=blue", NULL);
  bad = demo_request (fx, "GET", path, NULL);
  demo_assert_fault (bad, 400, "Operation Failed", NULL);
}

static void
test_max (DemoFixture   *fx,
          gconstpointer  data)
{
  g_autoptr(DemoReply) three = demo_request (fx, "GET", "/ovirt-engine/api/vms?max=3", NULL);
  g_autoptr(DemoReply) zero = demo_request (fx, "GET", "/ovirt-engine/api/vms?max=0", NULL);
  g_autoptr(DemoReply) clusters = demo_request (fx, "GET", "/ovirt-engine/api/clusters?max=1", NULL);
  g_autoptr(DemoReply) bad = demo_request (fx, "GET", "/ovirt-engine/api/vms?max=lots", NULL);

  g_assert_cmpuint (json_array_get_length (demo_collection (three, "vm")), ==, 3);
  g_assert_cmpuint (json_object_get_size (demo_reply_object (zero)), ==, 0);
  g_assert_cmpuint (json_array_get_length (demo_collection (clusters, "cluster")), ==, 1);
  g_assert_cmpuint (bad->status, ==, 400);
}

static void
test_follow (DemoFixture   *fx,
             gconstpointer  data)
{
  g_autofree char *path = demo_search_path ("vms", "name=legacy-db", "follow=cluster,template");
  g_autoptr(DemoReply) reply = demo_request (fx, "GET", path, NULL);
  JsonObject *vm = json_array_get_object_element (demo_collection (reply, "vm"), 0);

  g_assert_cmpstr (demo_get_string (vm, "cluster.name"), ==, "Legacy");
  g_assert_cmpstr (demo_get_string (vm, "cluster.version.major"), ==, "3");
  g_assert_cmpstr (demo_get_string (vm, "template.name"), ==, "Blank");
}

static void
test_not_found (DemoFixture   *fx,
                gconstpointer  data)
{
  g_autoptr(DemoReply) vm = demo_request (fx, "GET", "/ovirt-engine/api/vms/a0000000-0000-4000-8000-0000deadbeef", NULL);
  g_autoptr(DemoReply) cluster = demo_request (fx, "GET", "/ovirt-engine/api/clusters/nope", NULL);

  demo_assert_fault (vm, 404, "Operation Failed", NULL);
  demo_assert_fault (cluster, 404, "Operation Failed", NULL);
}

/* Clusters and templates answer the same methods: GET and, for the
 * admin only, PUT on one object; GET on the list. */
static void
test_named_methods (DemoFixture   *fx,
                    gconstpointer  data)
{
  const char *const cluster_path = "/ovirt-engine/api/clusters/c0000000-0000-4000-8000-000000000003";
  const char *const template_path = "/ovirt-engine/api/templates/" BLANK_ID;
  g_autoptr(DemoReply) edited = demo_request (fx, "PUT", template_path,
                                              "{\"description\": \"edited\"}");
  g_autoptr(DemoReply) user_cluster = demo_request_full (fx, "PUT", cluster_path, DEMO_USER_BASIC,
                                                         "{\"description\": \"no\"}", NULL, NULL);
  g_autoptr(DemoReply) user_template = demo_request_full (fx, "PUT", template_path, DEMO_USER_BASIC,
                                                          "{\"description\": \"no\"}", NULL, NULL);
  g_autoptr(DemoReply) post_list = demo_request (fx, "POST", "/ovirt-engine/api/clusters", "{}");
  g_autoptr(DemoReply) delete_one = demo_request (fx, "DELETE", template_path, NULL);
  g_autoptr(DemoReply) below = demo_request (fx, "GET", "/ovirt-engine/api/templates/" BLANK_ID "/x", NULL);
  g_autoptr(DemoReply) after = demo_request (fx, "GET", template_path, NULL);

  g_assert_cmpuint (edited->status, ==, 200);
  g_assert_cmpstr (demo_get_string (demo_reply_object (edited), "description"), ==, "edited");
  g_assert_cmpstr (demo_get_string (demo_reply_object (after), "description"), ==, "edited");
  /* One template always says whether it balloons. */
  g_assert_true (demo_has_member (demo_reply_object (after), "memory_policy.ballooning"));
  g_assert_cmpuint (user_cluster->status, ==, 403);
  g_assert_cmpuint (user_template->status, ==, 403);
  g_assert_cmpuint (post_list->status, ==, 405);
  g_assert_cmpuint (delete_one->status, ==, 405);
  demo_assert_fault (below, 404, "Operation Failed", NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, DemoFixture, NULL, setup, func, teardown)
  ADD ("/demo/sso/success", test_sso_success);
  ADD ("/demo/sso/failure", test_sso_failure);
  ADD ("/demo/sso/accept", test_sso_accept);
  ADD ("/demo/sso/logout", test_sso_logout);
  ADD ("/demo/auth/basic", test_basic);
  ADD ("/demo/auth/unauthorized", test_unauthorized);
  g_test_add_func ("/demo/auth/token-expiry", test_token_expiry);
  ADD ("/demo/wire/version-header", test_version_header);
  ADD ("/demo/wire/api-root", test_api_root);
  ADD ("/demo/wire/vm", test_vm_types);
  ADD ("/demo/wire/clusters", test_cluster_types);
  ADD ("/demo/wire/templates", test_templates);
  ADD ("/demo/wire/named-methods", test_named_methods);
  ADD ("/demo/wire/empty-collection", test_empty_collection);
  ADD ("/demo/wire/ballooning-visibility", test_ballooning_visibility);
  ADD ("/demo/wire/streamed", test_streamed);
  ADD ("/demo/wire/not-found", test_not_found);
  ADD ("/demo/search/forms", test_search);
  ADD ("/demo/search/max", test_max);
  ADD ("/demo/search/follow", test_follow);
#undef ADD

  return g_test_run ();
}
