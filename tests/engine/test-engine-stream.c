/* test-engine-stream.c - collections read as a stream, in batches
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "aero-engine.h"
#include "fake-engine.h"

#define VMS_PATH "/ovirt-engine/api/vms"

typedef FakeFixture Fixture;

typedef struct
{
  FakeEngine *fake;
  guint       n_batches;
  guint       n_items;
  guint       items_when_released;
  gboolean    finished;
  gboolean    release_on_first;
  gboolean    released;
  gboolean    cancel_on_first;
  GCancellable *cancellable;
  GAsyncResult *result;
  GThread      *caller;
} Watch;

static void
on_batch (GPtrArray *items,
          gpointer   user_data)
{
  Watch *watch = user_data;

  /* Batches come before the end of the call, never after. */
  g_assert_false (watch->finished);
  g_assert_cmpuint (items->len, >, 0);
  if (watch->caller != NULL)
    g_assert_true (g_thread_self () == watch->caller);
  for (guint i = 0; i < items->len; i++)
    g_assert_true (AERO_IS_VM (items->pdata[i]));

  watch->n_batches++;
  watch->n_items += items->len;

  if (watch->release_on_first && !watch->released)
    {
      watch->released = TRUE;
      watch->items_when_released = watch->n_items;
      fake_engine_release_stream (watch->fake);
    }

  if (watch->cancel_on_first)
    g_cancellable_cancel (watch->cancellable);
}

static void
on_listed (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  Watch *watch = user_data;

  if (watch->caller != NULL)
    g_assert_true (g_thread_self () == watch->caller);
  watch->finished = TRUE;
  watch->result = g_object_ref (result);
}

static gboolean
on_timeout (gpointer data)
{
  g_error ("timed out: batches not delivered while streaming, or a connection not dropped");
  return G_SOURCE_REMOVE;
}

static GListModel *
list_vms (Fixture     *fixture,
          Watch       *watch,
          const char  *search,
          int          max,
          AeroListFlags flags,
          GError     **error)
{
  guint timeout_id;
  GListModel *model;

  watch->fake = fixture->fake;
  timeout_id = g_timeout_add_seconds (20, on_timeout, NULL);
  aero_engine_list_vms_async (fixture->engine, search, max, flags, on_batch, watch,
                              watch->cancellable, on_listed, watch);
  fake_wait_for_result (&watch->result);
  g_source_remove (timeout_id);

  model = aero_engine_list_vms_finish (fixture->engine, watch->result, error);
  g_clear_object (&watch->result);
  return model;
}

static void
test_empty (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) model = NULL;
  Watch watch = { 0 };

  fake_engine_set_response (fixture->fake, "GET", "/vms", 200, "application/json", "{ }");
  model = list_vms (fixture, &watch, NULL, -1, AERO_LIST_NONE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (model);
  g_assert_true (g_list_model_get_item_type (model) == AERO_TYPE_VM);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);
  g_assert_cmpuint (watch.n_batches, ==, 0);

  g_assert_null (fake_engine_find_request (fixture->fake, "GET", VMS_PATH)->query);
}

static void
test_query (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) model = NULL;
  g_autoptr(GHashTable) query = NULL;
  Watch watch = { 0 };
  const char *search = "name=web* and cluster=Default & status=up";
  FakeRequest *request;

  fake_engine_set_response (fixture->fake, "GET", "/vms", 200, "application/json", "{}");
  model = list_vms (fixture, &watch, search, 50, AERO_LIST_ALL_CONTENT, &error);
  g_assert_no_error (error);

  request = fake_engine_find_request (fixture->fake, "GET", VMS_PATH);
  g_assert_nonnull (request->query);
  /* No raw space, "&" or "=" of the search leaks into the query. */
  g_assert_null (strchr (request->query, ' '));
  query = soup_form_decode (request->query);
  g_assert_cmpuint (g_hash_table_size (query), ==, 2);
  g_assert_cmpstr (g_hash_table_lookup (query, "search"), ==, search);
  g_assert_cmpstr (g_hash_table_lookup (query, "max"), ==, "50");
  /* The fake engine is 4.5.4: its plain list carries the balloon
   * (VmBaseMapper, 4.4.6.5), so no costly all content is asked for. */
  g_assert_null (soup_message_headers_get_one (request->headers, "All-Content"));
  g_assert_cmpstr (soup_message_headers_get_one (request->headers, "Accept"), ==, "application/json");
}

/* Before 4.4.6.5 only a populated list says whether each VM balloons,
 * and the all_content query parameter is ignored up to 4.4.3.7: the
 * All-Content header is what every release reads (ovirt-engine: backend/
 * manager/modules/restapi/jaxrs/src/main/java/org/ovirt/engine/api/
 * restapi/resource/BackendResource.java isPopulate). */
static void
test_all_content_header_BackendResource_isPopulate (Fixture       *fixture,
                                                    gconstpointer  data)
{
  static const char *const versions[] = { "4.3.10.4-1.el7", "4.4.5.10-1.el8", "4.4.6.4-1.el8" };

  for (guint i = 0; i < G_N_ELEMENTS (versions); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GListModel) model = NULL;
      Watch watch = { 0 };
      FakeRequest *request;

      fake_engine_set_full_version (fixture->fake, versions[i]);
      g_assert_true (fake_fixture_login (fixture, FAKE_PASSWORD, &error));
      fake_engine_set_response (fixture->fake, "GET", "/vms", 200, "application/json", "{}");
      model = list_vms (fixture, &watch, NULL, -1, AERO_LIST_ALL_CONTENT, &error);
      g_assert_no_error (error);

      request = fake_engine_find_request (fixture->fake, "GET", VMS_PATH);
      g_assert_cmpstr (soup_message_headers_get_one (request->headers, "All-Content"), ==, "true");
      g_assert_null (request->query);

      /* A list that does not need the balloon never asks for it. */
      g_clear_object (&model);
      model = list_vms (fixture, &watch, NULL, -1, AERO_LIST_NONE, &error);
      request = fake_engine_find_request (fixture->fake, "GET", VMS_PATH);
      g_assert_null (soup_message_headers_get_one (request->headers, "All-Content"));
    }
}

static void
test_follow (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GListModel) model = NULL;
  FakeRequest *request;

  fake_engine_set_response (fixture->fake, "GET", "/vms", 200, "application/json", "{}");
  aero_engine_list_vms_follow_async (fixture->engine, NULL, -1, AERO_LIST_NONE, "cluster,template",
                                     NULL, NULL, NULL, fake_async_result_cb, &result);
  model = aero_engine_list_vms_finish (fixture->engine, fake_wait_for_result (&result), &error);
  g_assert_no_error (error);

  request = fake_engine_find_request (fixture->fake, "GET", VMS_PATH);
  g_assert_cmpstr (request->query, ==, "follow=cluster,template");
}

static void
test_many (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) model = NULL;
  g_autofree char *json = fake_vm_collection_json (0, 1000, TRUE, TRUE);
  Watch watch = { 0 };

  fake_engine_set_response (fixture->fake, "GET", "/vms", 200, "application/json", json);
  model = list_vms (fixture, &watch, NULL, -1, AERO_LIST_NONE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1000);
  g_assert_cmpuint (watch.n_items, ==, 1000);
  /* At most ~200 items per batch. */
  g_assert_cmpuint (watch.n_batches, >=, 5);

  for (guint i = 0; i < 1000; i += 97)
    {
      g_autoptr(AeroVm) vm = g_list_model_get_item (model, i);
      g_autofree char *id = g_strdup_printf ("vm-%u", i);

      g_assert_cmpstr (aero_vm_get_id (vm), ==, id);
      g_assert_cmpint (aero_vm_get_memory (vm), ==, G_GINT64_CONSTANT (1073741824));
    }
}

/* The engine sends the first part of the list, then waits until the
 * client has shown items from it before it sends the rest: only a client
 * that parses while the body arrives gets there. */
static void
test_batches_while_streaming (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) model = NULL;
  g_autofree char *first = fake_vm_collection_json (0, 300, TRUE, FALSE);
  g_autofree char *rest = fake_vm_collection_json (300, 200, FALSE, TRUE);
  Watch watch = { 0 };

  fake_engine_set_held_stream (fixture->fake, "/vms", first, rest);
  watch.release_on_first = TRUE;

  model = list_vms (fixture, &watch, NULL, -1, AERO_LIST_NONE, &error);
  g_assert_no_error (error);
  g_assert_true (watch.released);
  g_assert_cmpuint (watch.items_when_released, >, 0);
  g_assert_cmpuint (watch.items_when_released, <=, 300);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 500);
  g_assert_cmpuint (watch.n_items, ==, 500);
}

static gboolean
stream_disconnected (gpointer data)
{
  return fake_engine_stream_disconnected (data);
}

static void
test_cancel_while_streaming (Fixture       *fixture,
                             gconstpointer  data)
{
  guint timeout_id;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) model = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *first = fake_vm_collection_json (0, 300, TRUE, FALSE);
  g_autofree char *rest = fake_vm_collection_json (300, 200, FALSE, TRUE);
  Watch watch = { 0 };

  fake_engine_set_held_stream (fixture->fake, "/vms", first, rest);
  watch.cancel_on_first = TRUE;
  watch.cancellable = cancellable;

  model = list_vms (fixture, &watch, NULL, -1, AERO_LIST_NONE, &error);
  g_assert_null (model);
  g_assert_error (error, AERO_ENGINE_ERROR, AERO_ENGINE_ERROR_CANCELLED);
  /* Nothing more is delivered once cancelled. */
  g_assert_cmpuint (watch.n_batches, ==, 1);
  g_assert_cmpuint (watch.n_items, <=, 300);

  /* The connection is dropped, not drained: the rest of a huge list is
   * not downloaded after the admin moved on. */
  timeout_id = g_timeout_add_seconds (10, on_timeout, NULL);
  fake_iterate_until (stream_disconnected, fixture->fake);
  g_source_remove (timeout_id);
}

static void
test_malformed (Fixture       *fixture,
                gconstpointer  data)
{
  static const struct {
    const char *content_type;
    const char *body;
  } cases[] = {
    { "application/json", "{\"vm\": [ {\"id\": \"vm-1\"}, {\"id\": " },
    { "application/json", "{\"vm\": [ {\"id\": \"vm-1\"} ]} {" },
    { "text/html", "<html><body>Maintenance</body></html>" },
    { "application/json", "" },
    /* Items without their identity. */
    { "application/json", "{\"vm\": [ {\"id\": \"vm-1\"}, {\"name\": \"web-02\"} ]}" },
    { "application/json", "{\"vm\": [ {\"id\": \"\", \"name\": \"web-01\"} ]}" },
    { "application/json", "{\"vm\": [ {\"id\": null} ]}" },
    { "application/json", "{\"vm\": [ {\"id\": [\"vm-1\"]} ]}" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GListModel) model = NULL;
      Watch watch = { 0 };

      g_test_message ("case %u: %s", i, cases[i].body);
      fake_engine_push_response (fixture->fake, "GET", "/vms", 200, cases[i].content_type,
                                 cases[i].body);
      model = list_vms (fixture, &watch, NULL, -1, AERO_LIST_NONE, &error);
      g_assert_null (model);
      g_assert_error (error, AERO_ENGINE_ERROR, AERO_ENGINE_ERROR_PARSE);
      g_assert_cmpuint (aero_engine_error_get_http_status (error), ==, 200);
    }
}

/* A document broken half-way: the error comes at once, not when the
 * engine has sent the rest, and the connection is dropped. */
static void
test_malformed_while_streaming (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) model = NULL;
  g_autofree char *first = fake_vm_collection_json (0, 300, TRUE, FALSE);
  g_autofree char *broken = g_strconcat (first, ", {\"id\": ]", NULL);
  g_autofree char *rest = fake_vm_collection_json (300, 200, FALSE, TRUE);
  Watch watch = { 0 };
  guint timeout_id;

  fake_engine_set_held_stream (fixture->fake, "/vms", broken, rest);
  model = list_vms (fixture, &watch, NULL, -1, AERO_LIST_NONE, &error);
  g_assert_null (model);
  g_assert_error (error, AERO_ENGINE_ERROR, AERO_ENGINE_ERROR_PARSE);
  g_assert_cmpuint (aero_engine_error_get_http_status (error), ==, 200);

  timeout_id = g_timeout_add_seconds (10, on_timeout, NULL);
  fake_iterate_until (stream_disconnected, fixture->fake);
  g_source_remove (timeout_id);
}

static void
test_errors (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) model = NULL;
  Watch watch = { 0 };

  fake_engine_push_response (fixture->fake, "GET", "/vms", 400, "application/json",
                             "{\"reason\": \"Operation Failed\", \"detail\": \"Invalid search: syntax error\"}");
  model = list_vms (fixture, &watch, "name=", -1, AERO_LIST_NONE, &error);
  g_assert_null (model);
  g_assert_error (error, AERO_ENGINE_ERROR, AERO_ENGINE_ERROR_FAULT);
  g_assert_cmpstr (aero_engine_error_get_detail (error), ==, "Invalid search: syntax error");
  g_assert_cmpuint (aero_engine_error_get_http_status (error), ==, 400);
  g_clear_error (&error);

  fake_engine_push_response (fixture->fake, "GET", "/vms", 500, "text/html",
                             "<html><body>Internal Server Error</body></html>");
  model = list_vms (fixture, &watch, NULL, -1, AERO_LIST_NONE, &error);
  g_assert_error (error, AERO_ENGINE_ERROR, AERO_ENGINE_ERROR_PARSE);
  g_assert_cmpuint (aero_engine_error_get_http_status (error), ==, 500);
}

static void
test_401_relogin (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) model = NULL;
  g_autofree char *json = fake_vm_collection_json (0, 3, TRUE, TRUE);
  Watch watch = { 0 };

  fake_engine_set_response (fixture->fake, "GET", "/vms", 200, "application/json", json);
  fake_engine_expire_tokens (fixture->fake);

  model = list_vms (fixture, &watch, NULL, -1, AERO_LIST_NONE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);
  g_assert_cmpuint (fake_engine_count_requests (fixture->fake, "GET", VMS_PATH), ==, 2);
  g_assert_cmpuint (fake_engine_count_requests (fixture->fake, "POST", "/ovirt-engine/sso/oauth/token"), ==, 1);
}

static void
test_clusters_and_templates (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GListModel) clusters = NULL;
  g_autoptr(GListModel) templates = NULL;
  g_autoptr(AeroCluster) cluster = NULL;

  fake_engine_set_response (fixture->fake, "GET", "/clusters", 200, "application/json",
                            "{\"cluster\": [ {\"id\": \"c1\", \"name\": \"Default\","
                            " \"version\": {\"major\": \"4\", \"minor\": \"7\"}},"
                            " {\"id\": \"c2\", \"name\": \"Legacy\"} ]}");
  aero_engine_list_clusters_async (fixture->engine, NULL, fake_async_result_cb, &result);
  clusters = aero_engine_list_clusters_finish (fixture->engine, fake_wait_for_result (&result), &error);
  g_assert_no_error (error);
  g_assert_true (g_list_model_get_item_type (clusters) == AERO_TYPE_CLUSTER);
  g_assert_cmpuint (g_list_model_get_n_items (clusters), ==, 2);
  cluster = g_list_model_get_item (clusters, 1);
  g_assert_cmpstr (aero_cluster_get_name (cluster), ==, "Legacy");
  g_clear_object (&result);

  fake_engine_set_response (fixture->fake, "GET", "/templates", 200, "application/json", "{}");
  aero_engine_list_templates_async (fixture->engine, NULL, fake_async_result_cb, &result);
  templates = aero_engine_list_templates_finish (fixture->engine, fake_wait_for_result (&result), &error);
  g_assert_no_error (error);
  g_assert_true (g_list_model_get_item_type (templates) == AERO_TYPE_TEMPLATE);
  g_assert_cmpuint (g_list_model_get_n_items (templates), ==, 0);
}

/* Batches and the result come on the caller's thread even when the
 * caller's context is owned by nobody while the worker hands them over
 * (a caller that iterates its context now and then, as a CLI does). */
static void
test_caller_thread (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) model = NULL;
  g_autofree char *json = fake_vm_collection_json (0, 2000, TRUE, TRUE);
  Watch watch = { 0 };
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  watch.caller = g_thread_self ();
  fake_engine_set_response (fixture->fake, "GET", "/vms", 200, "application/json", json);
  aero_engine_list_vms_async (fixture->engine, NULL, -1, AERO_LIST_NONE, on_batch, &watch,
                              NULL, on_listed, &watch);
  while (watch.result == NULL)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
      /* The context is owned by nobody while this thread sleeps. */
      g_usleep (200);
    }

  model = aero_engine_list_vms_finish (fixture->engine, watch.result, &error);
  g_clear_object (&watch.result);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2000);
  g_assert_cmpuint (watch.n_items, ==, 2000);
}

/* Every AeroVm the engine library makes goes through here (linked with
 * --wrap=aero_vm_new), so the test can count those alive. */
static gint vms_alive;

AeroVm *__real_aero_vm_new (void);
AeroVm *__wrap_aero_vm_new (void);

static void
vm_finalized (gpointer  data,
              GObject  *where_the_object_was)
{
  g_atomic_int_add (&vms_alive, -1);
}

AeroVm *
__wrap_aero_vm_new (void)
{
  AeroVm *vm = __real_aero_vm_new ();

  g_atomic_int_inc (&vms_alive);
  g_object_weak_ref (G_OBJECT (vm), vm_finalized, NULL);
  return vm;
}

typedef struct
{
  guint         n_items;
  int           max_alive;
  GAsyncResult *result;
} SlowCaller;

/* A caller slower than the parser (a terminal, a pipe): each batch
 * takes it 10 ms. */
static void
on_slow_batch (GPtrArray *items,
               gpointer   user_data)
{
  SlowCaller *caller = user_data;

  caller->n_items += items->len;
  caller->max_alive = MAX (caller->max_alive, g_atomic_int_get (&vms_alive));
  g_usleep (10 * 1000);
}

static void
on_slow_listed (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  SlowCaller *caller = user_data;

  caller->result = g_object_ref (result);
}

/* With the items not kept (AERO_LIST_BATCHES_ONLY, as aerostat-cli vms
 * asks), only the VMs in flight are alive, never the whole list, even
 * for a caller slower than the parser: memory does not grow with the
 * list. */
static void
test_slow_caller_bounded (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) model = NULL;
  g_autofree char *json = fake_vm_collection_json (0, 10000, TRUE, TRUE);
  SlowCaller caller = { 0 };

  fake_engine_set_response (fixture->fake, "GET", "/vms", 200, "application/json", json);
  aero_engine_list_vms_async (fixture->engine, NULL, -1, AERO_LIST_BATCHES_ONLY,
                              on_slow_batch, &caller, NULL, on_slow_listed, &caller);
  while (caller.result == NULL)
    g_main_context_iteration (NULL, TRUE);

  model = aero_engine_list_vms_finish (fixture->engine, caller.result, &error);
  g_clear_object (&caller.result);
  g_assert_no_error (error);
  g_assert_cmpuint (caller.n_items, ==, 10000);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);
  /* The chunks queued for the parser and the batches on their way: a
   * few hundred VMs, far from 10,000. */
  g_assert_cmpint (caller.max_alive, <=, 2000);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fake_fixture_set_up_logged_in, func, fake_fixture_tear_down)

  ADD ("/engine/stream/empty", test_empty);
  ADD ("/engine/stream/query", test_query);
  ADD ("/engine/stream/follow", test_follow);
  ADD ("/engine/stream/many", test_many);
  ADD ("/engine/stream/caller-thread", test_caller_thread);
  ADD ("/engine/stream/batches-while-streaming", test_batches_while_streaming);
  ADD ("/engine/stream/cancel-while-streaming", test_cancel_while_streaming);
  ADD ("/engine/stream/malformed", test_malformed);
  ADD ("/engine/stream/malformed-while-streaming", test_malformed_while_streaming);
  ADD ("/engine/stream/errors", test_errors);
  ADD ("/engine/stream/401-relogin", test_401_relogin);
  ADD ("/engine/stream/all-content-header/BackendResource.isPopulate",
       test_all_content_header_BackendResource_isPopulate);
  ADD ("/engine/stream/clusters-and-templates", test_clusters_and_templates);
  ADD ("/engine/stream/slow-caller-bounded", test_slow_caller_bounded);

#undef ADD

  return g_test_run ();
}
