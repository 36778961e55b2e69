/* aero-test-demo.c - the demo engine in the test's process
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "aero-test-demo.h"
#include "aero-test-wait.h"

void
aero_test_demo_start (AeroDemoEngine *demo)
{
  g_autoptr(GError) error = NULL;

  if (!aero_demo_engine_start (demo, "127.0.0.1", 0, &error))
    g_error ("demo engine: %s", error->message);
}

void
aero_test_demo_open (AeroTestDemo *self,
                     const char   *version,
                     gboolean      frozen)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  GAsyncResult *slot = NULL;

  self->demo = aero_demo_engine_new (0, 0);
  aero_demo_engine_set_frozen (self->demo, frozen);
  if (version != NULL && !aero_demo_engine_set_engine_version (self->demo, version, &error))
    g_error ("demo engine version %s: %s", version, error->message);
  aero_test_demo_start (self->demo);

  self->engine = aero_engine_new (aero_demo_engine_get_api_url (self->demo), &error);
  g_assert_no_error (error);
  aero_engine_login_async (self->engine, "admin@internal", "demo", NULL,
                           aero_test_store_result, &slot);
  result = aero_test_wait_result (&slot, "the login");
  g_assert_true (aero_engine_login_finish (self->engine, result, &error));
  g_assert_no_error (error);
  g_clear_object (&result);

  aero_engine_list_clusters_async (self->engine, NULL, aero_test_store_result, &slot);
  result = aero_test_wait_result (&slot, "the clusters");
  self->clusters = aero_engine_list_clusters_finish (self->engine, result, &error);
  g_assert_no_error (error);
  g_clear_object (&result);

  aero_engine_list_templates_async (self->engine, NULL, aero_test_store_result, &slot);
  result = aero_test_wait_result (&slot, "the templates");
  self->templates = aero_engine_list_templates_finish (self->engine, result, &error);
  g_assert_no_error (error);
}

void
aero_test_demo_close (AeroTestDemo *self)
{
  g_clear_object (&self->clusters);
  g_clear_object (&self->templates);
  g_clear_object (&self->engine);
  if (self->demo != NULL)
    aero_demo_engine_stop (self->demo);
  g_clear_object (&self->demo);
}
