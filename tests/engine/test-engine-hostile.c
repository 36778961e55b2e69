/* test-engine-hostile.c - an engine that answers too much or too slowly:
 * every whole answer is bounded in size after gzip decoding, every
 * request by the engine's deadline, and a list written out as it
 * arrives is not kept
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "aero-engine.h"
#include "aero-engine-limits.h"
#include "fake-engine.h"

#define TOKEN_PATH "/ovirt-engine/sso/oauth/token"
#define ROOT_PATH  "/ovirt-engine/api"
#define VM_PATH    "/ovirt-engine/api/vms/vm-1"
#define VMS_PATH   "/ovirt-engine/api/vms"

#define VM_JSON \
  "{\"id\": \"vm-1\", \"name\": \"web-01\", \"memory\": \"2147483648\"," \
  " \"status\": \"up\", \"cluster\": {\"id\": \"cluster-1\"}}"

/* Decodes to more than the limit; the old whole-body read took it all. */
#define BOMB_SIZE (AERO_ENGINE_MAX_BODY_SIZE + 16 * 1024 * 1024)

typedef FakeFixture Fixture;

static AeroVm *
get_vm (Fixture  *fixture,
        GError  **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  aero_engine_get_vm_async (fixture->engine, "vm-1", FALSE, NULL, fake_async_result_cb, &result);
  return aero_engine_get_vm_finish (fixture->engine, fake_wait_for_result (&result), error);
}

static GListModel *
list_vms (Fixture        *fixture,
          AeroListFlags   flags,
          AeroBatchFunc   batch_func,
          gpointer        batch_data,
          GError        **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  aero_engine_list_vms_async (fixture->engine, NULL, -1, flags, batch_func, batch_data, NULL,
                              fake_async_result_cb, &result);
  return aero_engine_list_vms_finish (fixture->engine, fake_wait_for_result (&result), error);
}

static void
assert_too_large (GError *error)
{
  g_test_message ("%s", error->message);
  g_assert_error (error, AERO_ENGINE_ERROR, AERO_ENGINE_ERROR_PARSE);
  g_assert_nonnull (strstr (error->message, "larger than 64.0"));
}

static void
test_bomb_vm (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AeroVm) vm = NULL;

  fake_engine_set_gzip_bomb (fixture->fake, "GET", VM_PATH, BOMB_SIZE);
  vm = get_vm (fixture, &error);
  g_assert_null (vm);
  assert_too_large (error);

  /* The session goes on working after the dropped connection. */
  g_clear_error (&error);
  fake_engine_set_gzip_bomb (fixture->fake, "GET", "/nothing", 0);
  fake_engine_set_response (fixture->fake, "GET", "/vms/vm-1", 200, "application/json", VM_JSON);
  g_clear_object (&vm);
  vm = get_vm (fixture, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (aero_vm_get_id (vm), ==, "vm-1");
}

/* Just below the limit is read whole (and then found to be no VM). */
static void
test_bomb_below_limit (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AeroVm) vm = NULL;

  fake_engine_set_gzip_bomb (fixture->fake, "GET", VM_PATH, AERO_ENGINE_MAX_BODY_SIZE - 1);
  vm = get_vm (fixture, &error);
  g_assert_null (vm);
  g_assert_error (error, AERO_ENGINE_ERROR, AERO_ENGINE_ERROR_PARSE);
  g_assert_null (strstr (error->message, "larger than"));
}

static void
test_bomb_login (Fixture       *fixture,
                 gconstpointer  data)
{
  const char *paths[] = { TOKEN_PATH, ROOT_PATH };

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autoptr(GError) error = NULL;

      g_test_message ("%s", paths[i]);
      fake_engine_set_gzip_bomb (fixture->fake, i == 0 ? "POST" : "GET", paths[i], BOMB_SIZE);
      g_assert_false (fake_fixture_login (fixture, FAKE_PASSWORD, &error));
      assert_too_large (error);
    }
}

static void
assert_deadline (GError *error,
                 gint64  start)
{
  double seconds = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;

  g_assert_error (error, AERO_ENGINE_ERROR, AERO_ENGINE_ERROR_NETWORK);
  g_assert_nonnull (strstr (error->message, "within 1 second"));
  /* One second, and not the 20 s the drip takes, nor libsoup's idle
   * timeout (the drip never idles that long). */
  g_assert_cmpfloat (seconds, <, 8.0);
}

/* An engine sending one byte every 100 ms never trips the idle timeout:
 * only the deadline ends the wait. */
static void
test_deadline_document (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AeroVm) vm = NULL;
  gint64 start = g_get_monotonic_time ();

  g_object_set (fixture->engine, "deadline", 1, NULL);
  g_assert_cmpuint (aero_engine_get_deadline (fixture->engine), ==, 1);
  fake_engine_set_drip (fixture->fake, VM_PATH, VM_JSON, 100);
  vm = get_vm (fixture, &error);
  g_assert_null (vm);
  assert_deadline (error, start);
}

static void
test_deadline_list (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) vms = NULL;
  g_autofree char *list = g_strdup_printf ("{\"vm\": [%s]}", VM_JSON);
  gint64 start = g_get_monotonic_time ();

  aero_engine_set_deadline (fixture->engine, 1);
  fake_engine_set_drip (fixture->fake, VMS_PATH, list, 100);
  vms = list_vms (fixture, AERO_LIST_NONE, NULL, NULL, &error);
  g_assert_null (vms);
  assert_deadline (error, start);
}

static void
test_deadline_login (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();

  aero_engine_set_deadline (fixture->engine, 1);
  fake_engine_set_drip (fixture->fake, TOKEN_PATH,
                        "{\"access_token\": \"t\", \"token_type\": \"bearer\"}", 100);
  g_assert_false (fake_fixture_login (fixture, FAKE_PASSWORD, &error));
  assert_deadline (error, start);
}

/* A cancel by the caller is still a cancel, not the deadline. */
static void
test_deadline_cancel (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(AeroVm) vm = NULL;

  aero_engine_set_deadline (fixture->engine, 1);
  fake_engine_set_drip (fixture->fake, VM_PATH, VM_JSON, 100);
  aero_engine_get_vm_async (fixture->engine, "vm-1", FALSE, cancellable,
                            fake_async_result_cb, &result);
  g_cancellable_cancel (cancellable);
  vm = aero_engine_get_vm_finish (fixture->engine, fake_wait_for_result (&result), &error);
  g_assert_null (vm);
  g_assert_error (error, AERO_ENGINE_ERROR, AERO_ENGINE_ERROR_CANCELLED);
}

static void
count_batch (GPtrArray *items,
             gpointer   user_data)
{
  guint *count = user_data;

  *count += items->len;
}

/* A list written out as it arrives is not kept as well. */
static void
test_batches_only (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) vms = NULL;
  g_autofree char *list = fake_vm_collection_json (0, 1000, TRUE, TRUE);
  guint count = 0;

  fake_engine_set_response (fixture->fake, "GET", "/vms", 200, "application/json", list);
  vms = list_vms (fixture, AERO_LIST_BATCHES_ONLY, count_batch, &count, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count, ==, 1000);
  g_assert_cmpuint (g_list_model_get_n_items (vms), ==, 0);

  /* Without the flag the result holds them all. */
  g_clear_object (&vms);
  count = 0;
  vms = list_vms (fixture, AERO_LIST_NONE, count_batch, &count, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count, ==, 1000);
  g_assert_cmpuint (g_list_model_get_n_items (vms), ==, 1000);
}

/* A list that never ends stops at the bound with an error; what was
 * delivered before is all the caller got. */
static void
test_endless_list (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) vms = NULL;
  guint count = 0;

  fake_engine_set_endless_list (fixture->fake, VMS_PATH);
  vms = list_vms (fixture, AERO_LIST_BATCHES_ONLY, count_batch, &count, &error);
  g_assert_null (vms);
  g_assert_error (error, AERO_ENGINE_ERROR, AERO_ENGINE_ERROR_PARSE);
  g_assert_nonnull (strstr (error->message, "more than 1000000 items"));
  g_assert_cmpuint (count, <=, AERO_ENGINE_MAX_COLLECTION_ITEMS);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fake_fixture_set_up_logged_in, func, fake_fixture_tear_down)
#define ADD_LOGGED_OUT(path, func) \
  g_test_add (path, Fixture, NULL, fake_fixture_set_up, func, fake_fixture_tear_down)

  ADD ("/engine/hostile/gzip-bomb-vm", test_bomb_vm);
  ADD ("/engine/hostile/gzip-bomb-below-limit", test_bomb_below_limit);
  ADD_LOGGED_OUT ("/engine/hostile/gzip-bomb-login", test_bomb_login);
  ADD ("/engine/hostile/deadline-document", test_deadline_document);
  ADD ("/engine/hostile/deadline-list", test_deadline_list);
  ADD_LOGGED_OUT ("/engine/hostile/deadline-login", test_deadline_login);
  ADD ("/engine/hostile/deadline-cancel", test_deadline_cancel);
  ADD ("/engine/hostile/batches-only", test_batches_only);
  ADD ("/engine/hostile/endless-list", test_endless_list);

  return g_test_run ();
}
