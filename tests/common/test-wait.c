/* test-wait.c - the waits of tests/common end when they should
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "aero-test-wait.h"

static gboolean
set_flag (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

static gboolean
never (gpointer data)
{
  return FALSE;
}

/* A flag set from a source is seen, long before the limit. */
static void
test_flag_seen (void)
{
  gboolean flag = FALSE;
  gint64 start = g_get_monotonic_time ();

  g_timeout_add (50, set_flag, &flag);
  aero_test_wait_flag (&flag, "the flag");
  g_assert_true (flag);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 5 * G_USEC_PER_SEC);
}

/* A condition that never holds ends the wait at the limit, even with no
 * source to wake the loop: FALSE when no one is named. */
static void
test_limit (void)
{
  gint64 start = g_get_monotonic_time ();

  g_assert_false (aero_test_wait_for (never, NULL, 1, NULL));
  g_assert_cmpint (g_get_monotonic_time () - start, >=, G_USEC_PER_SEC);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 5 * G_USEC_PER_SEC);
}

static void
sleep_thread (GTask        *task,
              gpointer      source,
              gpointer      data,
              GCancellable *cancellable)
{
  g_usleep (G_USEC_PER_SEC / 20);
  g_task_return_boolean (task, TRUE);
}

/* The result of an async call is handed over and the slot left empty. */
static void
test_result_taken (void)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  GAsyncResult *slot = NULL;

  task = g_task_new (NULL, NULL, aero_test_store_result, &slot);
  g_task_run_in_thread (task, sleep_thread);
  result = aero_test_wait_result (&slot, "the task");
  g_assert_null (slot);
  g_assert_true (g_task_propagate_boolean (G_TASK (result), NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/test-common/wait/flag-seen", test_flag_seen);
  g_test_add_func ("/test-common/wait/limit", test_limit);
  g_test_add_func ("/test-common/wait/result-taken", test_result_taken);

  return g_test_run ();
}
