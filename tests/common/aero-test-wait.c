/* aero-test-wait.c - waiting in tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "aero-test-wait.h"

static gboolean
wake_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

gboolean
aero_test_wait_for (AeroTestCondition  condition,
                    gpointer           data,
                    guint              seconds,
                    const char        *what)
{
  gint64 deadline = g_get_monotonic_time () + seconds * G_USEC_PER_SEC;
  /* A blocking iteration returns only when a source fires: the wake-up
   * lets a condition that no source announces (a widget's state) and the
   * deadline be looked at. */
  guint wake = g_timeout_add (10, wake_cb, NULL);
  gboolean met;

  while (!(met = condition (data)) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);

  g_source_remove (wake);
  if (!met && what != NULL)
    g_error ("Timed out waiting for %s", what);
  return met;
}

static gboolean
flag_set (gpointer data)
{
  return *(gboolean *) data;
}

void
aero_test_wait_flag (gboolean   *flag,
                     const char *what)
{
  aero_test_wait_for (flag_set, flag, AERO_TEST_WAIT_SECONDS, what);
}

void
aero_test_store_result (GObject      *source,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  GAsyncResult **slot = user_data;

  g_assert_null (*slot);
  *slot = g_object_ref (result);
}

static gboolean
slot_filled (gpointer data)
{
  return *(GAsyncResult **) data != NULL;
}

GAsyncResult *
aero_test_wait_result (GAsyncResult **slot,
                       const char    *what)
{
  aero_test_wait_for (slot_filled, slot, AERO_TEST_WAIT_SECONDS,
                      what != NULL ? what : "an async call");
  return g_steal_pointer (slot);
}
