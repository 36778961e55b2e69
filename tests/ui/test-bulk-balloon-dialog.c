/* test-bulk-balloon-dialog.c - bulk ballooning (Enable / Disable Ballooning)
 * against the demo engine
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "aero-bulk-balloon-dialog.h"
#include "aero-engine-calls-private.h"
#include "test-dialog-fixture.h"

static void
test_bulk_mixed (DialogFixture *fixture,
                 gconstpointer  data)
{
  const char *names[] = { "prod-app-02", "stable-02", "legacy-web", "web-03" };
  g_autoptr(GPtrArray) vms = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(AeroVm) changed = NULL;
  g_autoptr(AeroVm) running = NULL;
  g_autoptr(AeroVm) running_next = NULL;
  g_autoptr(AeroVm) legacy = NULL;
  g_auto(GStrv) summary = NULL;
  g_auto(GStrv) results = NULL;
  g_autofree char *summary_text = NULL;
  g_autofree char *results_text = NULL;
  AeroBulkBalloonDialog *dialog;
  gboolean *closed;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    g_ptr_array_add (vms, find_by_name (fixture->vms, names[i]));

  dialog = aero_bulk_balloon_dialog_new (fixture->engine, vms, fixture->clusters, TRUE);
  closed = watch_destroy (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  if (g_strcmp0 (aero_bulk_balloon_dialog_get_stage (dialog), "summary") != 0)
    wait_signal (dialog, "ready");

  summary = aero_bulk_balloon_dialog_dup_summary (dialog);
  summary_text = g_strjoinv ("\n", summary);
  g_test_message ("summary:\n%s", summary_text);
  g_assert_cmpstr (summary_text, ==,
                   "1 virtual machine will change now.\n"
                   "1 virtual machine is not shut down and will change when it next starts.\n"
                   "1 virtual machine will be skipped: its compatibility version is below 3.1.\n"
                   "1 virtual machine will be skipped: ballooning is already enabled.");
  g_assert_true (ok_enabled (dialog));

  gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.ok", NULL);
  if (g_strcmp0 (aero_bulk_balloon_dialog_get_stage (dialog), "results") != 0)
    wait_signal (dialog, "finished");

  results = aero_bulk_balloon_dialog_dup_results (dialog);
  results_text = g_strjoinv ("\n", results);
  g_test_message ("results:\n%s", results_text);
  g_assert_cmpstr (results[0], ==, "prod-app-02: Ballooning enabled");
  g_assert_cmpstr (results[1], ==, "stable-02: Ballooning will be enabled at the next run");
  g_assert_true (g_str_has_prefix (results[2], "legacy-web: "));
  g_assert_true (g_str_has_prefix (results[3], "web-03: "));

  /* Two PUTs, each carrying the flag and nothing else; the running VM's
   * for its next run. */
  {
    g_autoptr(GPtrArray) puts = recorded_with_method (fixture, "PUT");

    g_assert_cmpuint (puts->len, ==, 2);
    for (guint i = 0; i < puts->len; i++)
      {
        Recorded *put = g_ptr_array_index (puts, i);
        g_autofree char *sent = normalised_json (put->body);
        g_autofree char *running_path = g_strdup_printf ("/ovirt-engine/api/vms/%s",
                                                         aero_vm_get_id (g_ptr_array_index (vms, 1)));

        g_assert_cmpstr (sent, ==, "{\"memory_policy\":{\"ballooning\":\"true\"}}");
        if (g_strcmp0 (put->path, running_path) == 0)
          g_assert_cmpstr (put->query, ==, "next_run=true");
        else
          g_assert_null (put->query);
      }
  }

  changed = fixture_get_vm (fixture, aero_vm_get_id (g_ptr_array_index (vms, 0)), FALSE);
  g_assert_cmpint (aero_memory_policy_get_ballooning (aero_vm_get_memory_policy (changed)), ==, AERO_TRISTATE_TRUE);
  /* Nothing but the flag moved. */
  g_assert_cmpint (aero_vm_get_memory (changed), ==, aero_vm_get_memory (g_ptr_array_index (vms, 0)));
  g_assert_cmpint (vm_guaranteed (changed), ==, vm_guaranteed (g_ptr_array_index (vms, 0)));
  g_assert_cmpstr (aero_vm_get_description (changed), ==, aero_vm_get_description (g_ptr_array_index (vms, 0)));

  running = fixture_get_vm (fixture, aero_vm_get_id (g_ptr_array_index (vms, 1)), FALSE);
  running_next = fixture_get_vm (fixture, aero_vm_get_id (g_ptr_array_index (vms, 1)), TRUE);
  g_assert_cmpint (aero_vm_get_next_run_configuration_exists (running), ==, AERO_TRISTATE_TRUE);
  g_assert_cmpint (aero_memory_policy_get_ballooning (aero_vm_get_memory_policy (running_next)), ==, AERO_TRISTATE_TRUE);

  legacy = fixture_get_vm (fixture, aero_vm_get_id (g_ptr_array_index (vms, 2)), FALSE);
  g_assert_cmpint (aero_memory_policy_get_ballooning (aero_vm_get_memory_policy (legacy)), ==, AERO_TRISTATE_FALSE);

  gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.ok", NULL);
  aero_test_wait_flag (closed, "the dialog to close");
  g_free (closed);
}

/* A copy of @vm as a plain list of engines up to 4.4.5 gives it: whether
 * it balloons unknown. */
static AeroVm *
copy_ballooning_unknown (AeroVm *vm)
{
  AeroVm *copy = aero_vm_copy (vm);
  g_autoptr(AeroMemoryPolicy) policy = aero_memory_policy_copy (aero_vm_get_memory_policy (copy));

  aero_memory_policy_set_ballooning (policy, AERO_TRISTATE_UNKNOWN);
  aero_vm_set_memory_policy (copy, policy);
  return copy;
}

static void
test_bulk_unknown_fetched (DialogFixture *fixture,
                           gconstpointer  data)
{
  const char *names[] = { "prod-app-02", "web-03" };
  g_autoptr(GPtrArray) vms = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) gets = NULL;
  g_auto(GStrv) summary = NULL;
  g_autofree char *summary_text = NULL;
  AeroBulkBalloonDialog *dialog;

  /* As a plain list of engines up to 4.4.5 gives them: flag unknown. */
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(AeroVm) listed = find_by_name (fixture->vms, names[i]);

      g_ptr_array_add (vms, copy_ballooning_unknown (listed));
    }

  dialog = aero_bulk_balloon_dialog_new (fixture->engine, vms, fixture->clusters, TRUE);
  gtk_window_present (GTK_WINDOW (dialog));
  /* Nothing is guessed: the dialog reads each VM first. */
  g_assert_cmpstr (aero_bulk_balloon_dialog_get_stage (dialog), ==, "checking");
  g_assert_false (ok_enabled (dialog));
  wait_signal (dialog, "ready");

  gets = recorded_with_method (fixture, "GET");
  g_assert_cmpuint (gets->len, ==, 2);
  summary = aero_bulk_balloon_dialog_dup_summary (dialog);
  summary_text = g_strjoinv ("\n", summary);
  g_assert_cmpstr (summary_text, ==,
                   "1 virtual machine will change now.\n"
                   "1 virtual machine will be skipped: ballooning is already enabled.");
  g_assert_true (ok_enabled (dialog));
}

/* A running VM whose restart would turn ballooning off, listed with the
 * running flag (on): enabling it is a change, to its next run. */
static void
test_bulk_pending_read (DialogFixture *fixture,
                        gconstpointer  data)
{
  g_autoptr(AeroVm) listed = find_by_name (fixture->vms, "web-01");
  g_autoptr(GPtrArray) vms = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(JsonNode) body = json_from_string ("{\"memory_policy\":{\"ballooning\":\"false\"}}", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(AeroVm) updated = NULL;
  g_autoptr(AeroVm) running = NULL;
  g_autoptr(AeroVm) next = NULL;
  g_autoptr(GPtrArray) gets = NULL;
  g_auto(GStrv) summary = NULL;
  g_autofree char *summary_text = NULL;
  GAsyncResult *result = NULL;
  AeroBulkBalloonDialog *dialog;
  gboolean *closed;

  aero_engine_update_vm_async (fixture->engine, aero_vm_get_id (listed), body, TRUE,
                               NULL, aero_test_store_result, &result);
  updated = aero_engine_update_vm_finish (fixture->engine, wait_result (&result, "PUT vm"), &error);
  g_object_unref (result);
  g_assert_no_error (error);
  recorded_reset (fixture);

  /* The list: running, ballooning on, a next-run configuration waiting. */
  {
    AeroVm *vm = aero_vm_copy (listed);

    aero_vm_set_next_run_configuration_exists (vm, AERO_TRISTATE_TRUE);
    g_ptr_array_add (vms, vm);
  }

  dialog = aero_bulk_balloon_dialog_new (fixture->engine, vms, fixture->clusters, TRUE);
  closed = watch_destroy (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  g_assert_cmpstr (aero_bulk_balloon_dialog_get_stage (dialog), ==, "checking");
  wait_signal (dialog, "ready");

  gets = recorded_with_method (fixture, "GET");
  g_assert_cmpuint (gets->len, ==, 1);
  g_assert_true (g_str_has_suffix (((Recorded *) g_ptr_array_index (gets, 0))->path, ";next_run"));
  summary = aero_bulk_balloon_dialog_dup_summary (dialog);
  summary_text = g_strjoinv ("\n", summary);
  g_assert_cmpstr (summary_text, ==,
                   "1 virtual machine is not shut down and will change when it next starts.");

  gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.ok", NULL);
  if (g_strcmp0 (aero_bulk_balloon_dialog_get_stage (dialog), "results") != 0)
    wait_signal (dialog, "finished");
  running = fixture_get_vm (fixture, aero_vm_get_id (listed), FALSE);
  next = fixture_get_vm (fixture, aero_vm_get_id (listed), TRUE);
  g_assert_cmpint (aero_memory_policy_get_ballooning (aero_vm_get_memory_policy (running)), ==, AERO_TRISTATE_TRUE);
  g_assert_cmpint (aero_memory_policy_get_ballooning (aero_vm_get_memory_policy (next)), ==, AERO_TRISTATE_TRUE);

  gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.ok", NULL);
  aero_test_wait_flag (closed, "the dialog to close");
  g_free (closed);
}

static void
test_bulk_failure_goes_on (DialogFixture *fixture,
                           gconstpointer  data)
{
  const char *names[] = { "prod-app-02", "stable-02", "stable-04" };
  g_autoptr(GPtrArray) vms = g_ptr_array_new_with_free_func (g_object_unref);
  g_auto(GStrv) results = NULL;
  AeroBulkBalloonDialog *dialog;
  AeroVm *ghost;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    g_ptr_array_add (vms, find_by_name (fixture->vms, names[i]));
  /* The first VM vanishes before the update: the engine answers 404. */
  ghost = aero_vm_copy (g_ptr_array_index (vms, 0));
  aero_vm_set_id (ghost, "a0000000-0000-4000-8000-0000000000ff");
  aero_vm_set_name (ghost, "ghost");
  g_ptr_array_insert (vms, 0, ghost);

  dialog = aero_bulk_balloon_dialog_new (fixture->engine, vms, fixture->clusters, TRUE);
  gtk_window_present (GTK_WINDOW (dialog));
  if (g_strcmp0 (aero_bulk_balloon_dialog_get_stage (dialog), "summary") != 0)
    wait_signal (dialog, "ready");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.ok", NULL);
  if (g_strcmp0 (aero_bulk_balloon_dialog_get_stage (dialog), "results") != 0)
    wait_signal (dialog, "finished");

  results = aero_bulk_balloon_dialog_dup_results (dialog);
  g_assert_true (g_str_has_prefix (results[0], "ghost: Failed: "));
  g_assert_cmpstr (results[1], ==, "prod-app-02: Ballooning enabled");
  g_assert_cmpstr (results[2], ==, "stable-02: Ballooning will be enabled at the next run");
  g_assert_true (g_str_has_prefix (results[3], "stable-04: "));
}


static void
test_bulk_stop (DialogFixture *fixture,
                gconstpointer  data)
{
  g_autoptr(GPtrArray) vms = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(AeroVm) down = find_by_name (fixture->vms, "prod-app-02");
  g_autoptr(GPtrArray) puts = NULL;
  g_auto(GStrv) results = NULL;
  AeroBulkBalloonDialog *dialog;
  gboolean *closed;
  guint n_stopped = 0;

  for (guint i = 0; i < 20; i++)
    {
      AeroVm *vm = aero_vm_copy (down);
      g_autofree char *name = g_strdup_printf ("stop-%02u", i);

      aero_vm_set_name (vm, name);
      g_ptr_array_add (vms, vm);
    }

  dialog = aero_bulk_balloon_dialog_new (fixture->engine, vms, fixture->clusters, TRUE);
  closed = watch_destroy (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  if (g_strcmp0 (aero_bulk_balloon_dialog_get_stage (dialog), "summary") != 0)
    wait_signal (dialog, "ready");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.ok", NULL);
  g_assert_cmpstr (aero_bulk_balloon_dialog_get_stage (dialog), ==, "progress");

  gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.cancel", NULL);
  g_assert_false (*closed);
  if (g_strcmp0 (aero_bulk_balloon_dialog_get_stage (dialog), "results") != 0)
    wait_signal (dialog, "finished");
  g_assert_false (*closed);

  puts = recorded_with_method (fixture, "PUT");
  g_assert_cmpuint (puts->len, <=, AERO_BULK_BALLOON_PARALLEL);
  results = aero_bulk_balloon_dialog_dup_results (dialog);
  for (guint i = 0; results[i] != NULL; i++)
    if (g_str_has_suffix (results[i], ": Not changed: stopped before it was sent"))
      n_stopped++;
  g_assert_cmpuint (n_stopped, ==, 20 - puts->len);
  g_assert_true (g_str_has_prefix (gtk_label_get_text (GTK_LABEL (get_widget (dialog, "results_label"))),
                                   "Stopped: "));

  gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.ok", NULL);
  aero_test_wait_flag (closed, "the dialog to close");
  g_free (closed);
}

/* The children a list widget built, whatever their kind. */
static guint
count_children (GtkWidget *widget)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n++;
  return n;
}

static guint
list_view_n_items (GtkWidget *widget)
{
  g_assert_true (GTK_IS_LIST_VIEW (widget));
  return g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (widget))));
}

/* Ctrl+A over 10,000 VMs, then Disable Ballooning: the summary and the
 * results must not build a row per VM (that froze the window for
 * minutes), only the rows on screen. */
#define MANY_VMS 5000

static void
test_bulk_many (DialogFixture *fixture,
                gconstpointer  data)
{
  g_autoptr(GPtrArray) vms = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(AeroVm) legacy = find_by_name (fixture->vms, "legacy-web");
  g_autoptr(GPtrArray) puts = NULL;
  g_auto(GStrv) summary = NULL;
  g_auto(GStrv) results = NULL;
  AeroBulkBalloonDialog *dialog;
  GtkWidget *list;
  gint64 start;
  double seconds;

  /* One VM that changes, and thousands skipped for their level. GtkListView
   * keeps about 200 rows around the visible ones in GTK 4.8. */
  g_ptr_array_add (vms, find_by_name (fixture->vms, "prod-app-02"));
  for (guint i = 0; i < MANY_VMS; i++)
    {
      AeroVm *vm = aero_vm_copy (legacy);
      g_autofree char *name = g_strdup_printf ("many-%05u", i);

      aero_vm_set_name (vm, name);
      g_ptr_array_add (vms, vm);
    }

  start = g_get_monotonic_time ();
  dialog = aero_bulk_balloon_dialog_new (fixture->engine, vms, fixture->clusters, TRUE);
  gtk_window_set_default_size (GTK_WINDOW (dialog), 560, 600);
  gtk_window_present (GTK_WINDOW (dialog));
  if (g_strcmp0 (aero_bulk_balloon_dialog_get_stage (dialog), "summary") != 0)
    wait_signal (dialog, "ready");
  settle ();
  seconds = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
  g_test_message ("summary of %u VMs shown in %.3f s", vms->len, seconds);

  summary = aero_bulk_balloon_dialog_dup_summary (dialog);
  g_assert_cmpstr (summary[0], ==, "1 virtual machine will change now.");
  g_assert_cmpstr (summary[1], ==,
                   "5000 virtual machines will be skipped: their compatibility version is below 3.1.");

  list = get_widget (dialog, "summary_list");
  g_assert_cmpuint (list_view_n_items (list), ==, vms->len);
  g_assert_cmpuint (count_children (list), <, 300);
  g_assert_cmpfloat (seconds, <, 5.0);

  gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.ok", NULL);
  if (g_strcmp0 (aero_bulk_balloon_dialog_get_stage (dialog), "results") != 0)
    wait_signal (dialog, "finished");
  settle ();

  /* The skipped ones cost no request. */
  puts = recorded_with_method (fixture, "PUT");
  g_assert_cmpuint (puts->len, ==, 1);

  list = get_widget (dialog, "results_list");
  g_assert_cmpuint (list_view_n_items (list), ==, vms->len);
  g_assert_cmpuint (count_children (list), <, 300);
  results = aero_bulk_balloon_dialog_dup_results (dialog);
  g_assert_cmpstr (results[0], ==, "prod-app-02: Ballooning enabled");
  g_assert_true (g_str_has_prefix (results[MANY_VMS], "many-04999: "));
}

/* VMs whose flag a list left out are read a few at a time, and the
 * waiting page counts them. */
static void
test_bulk_unknown_progress (DialogFixture *fixture,
                            gconstpointer  data)
{
  g_autoptr(GPtrArray) vms = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(AeroVm) listed = find_by_name (fixture->vms, "prod-app-02");
  g_autoptr(GPtrArray) gets = NULL;
  g_auto(GStrv) summary = NULL;
  AeroBulkBalloonDialog *dialog;
  const char *label;

  for (guint i = 0; i < 12; i++)
    g_ptr_array_add (vms, copy_ballooning_unknown (listed));

  dialog = aero_bulk_balloon_dialog_new (fixture->engine, vms, fixture->clusters, TRUE);
  gtk_window_present (GTK_WINDOW (dialog));
  g_assert_cmpstr (aero_bulk_balloon_dialog_get_stage (dialog), ==, "checking");
  label = gtk_label_get_text (GTK_LABEL (get_widget (dialog, "checking_label")));
  g_assert_nonnull (strstr (label, "(0 of 12)"));
  wait_signal (dialog, "ready");

  gets = recorded_with_method (fixture, "GET");
  g_assert_cmpuint (gets->len, ==, 12);
  summary = aero_bulk_balloon_dialog_dup_summary (dialog);
  g_assert_cmpstr (summary[0], ==, "12 virtual machines will change now.");
}

int
main (int   argc,
      char *argv[])
{
  dialog_test_init (&argc, &argv);

#define ADD(path, func) DIALOG_TEST_ADD (path, func)
  ADD ("/bulk-balloon-dialog/mixed", test_bulk_mixed);
  ADD ("/bulk-balloon-dialog/failure-goes-on", test_bulk_failure_goes_on);
  ADD ("/bulk-balloon-dialog/unknown-fetched", test_bulk_unknown_fetched);
  ADD ("/bulk-balloon-dialog/pending-read", test_bulk_pending_read);
  ADD ("/bulk-balloon-dialog/unknown-progress", test_bulk_unknown_progress);
  ADD ("/bulk-balloon-dialog/many", test_bulk_many);
  ADD ("/bulk-balloon-dialog/stop", test_bulk_stop);
#undef ADD

  return g_test_run ();
}
