/* test-other-dialogs.c - Run Once, Edit Cluster and bulk ballooning
 * against the demo engine
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "aero-bulk-balloon-dialog.h"
#include "aero-cluster-dialog.h"
#include "aero-dialogs.h"
#include "aero-engine-calls-private.h"
#include "aero-vm-dialog.h"
#include "aero-run-once-dialog.h"
#include "test-dialog-fixture.h"

#define REASON_CLUSTER "Ballooning is only available for Cluster compatibility version 3.3 and higher"
#define KSM_OR_BALLOON "KSM or ballooning must be enabled to allow memory optimization."

static void
assert_description (gpointer    widget,
                    const char *expected)
{
  g_autofree char *problem = NULL;

  problem = gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget),
                                                GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                                expected);
  if (problem != NULL)
    g_error ("accessible description: %s", problem);
}

static gboolean
check_active (gpointer    dialog,
              const char *id)
{
  return gtk_check_button_get_active (GTK_CHECK_BUTTON (get_widget (dialog, id)));
}

static void
set_check (gpointer    dialog,
           const char *id,
           gboolean    active)
{
  gtk_check_button_set_active (GTK_CHECK_BUTTON (get_widget (dialog, id)), active);
}

/* --- Run Once ------------------------------------------------------------ */

static AeroRunOnceDialog *
open_run_once (DialogFixture *fixture,
               const char    *name)
{
  g_autoptr(AeroVm) vm = find_by_name (fixture->vms, name);
  AeroRunOnceDialog *dialog = aero_run_once_dialog_new (fixture->engine, vm, fixture->clusters);

  gtk_window_present (GTK_WINDOW (dialog));
  g_assert_false (aero_run_once_dialog_get_loaded (dialog));
  g_assert_false (ok_enabled (dialog));
  wait_signal (dialog, "loaded");
  g_assert_true (ok_enabled (dialog));
  return dialog;
}

/* No balloon override: the engine ignores a Run Once's memory policy in
 * every release (ovirt-engine: backend/manager/modules/restapi/types/src/
 * main/java/org/ovirt/engine/api/restapi/types/VmMapper.java
 * map (Vm, RunVmOnceParams)); the dialog shows the stored setting and
 * why it is fixed. */
static void
test_run_once_no_balloon_override_VmMapper (DialogFixture *fixture,
                                            gconstpointer  data)
{
  AeroRunOnceDialog *dialog = open_run_once (fixture, "web-03");

  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (get_widget (dialog, "balloon_state"))), ==, "Enabled");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (get_widget (dialog, "balloon_row"))), ==,
                   "A run cannot change it: the engine starts the virtual machine with its stored setting. "
                   "Change it with Edit.");
  {
    g_autofree char *paused = check_label_shown (get_widget (dialog, "paused_check"));
    g_autofree char *rollback = check_label_shown (get_widget (dialog, "volatile_check"));

    g_assert_cmpstr (paused, ==, "Start in paused mode");
    g_assert_cmpuint (check_mnemonic (get_widget (dialog, "paused_check")), ==, GDK_KEY_p);
    g_assert_cmpstr (rollback, ==, "Rollback this configuration during reboots");
    g_assert_cmpuint (check_mnemonic (get_widget (dialog, "volatile_check")), ==, GDK_KEY_d);
  }
  gtk_window_destroy (GTK_WINDOW (dialog));

  dialog = open_run_once (fixture, "legacy-web");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (get_widget (dialog, "balloon_state"))), ==, "Disabled");
}

static void
test_run_once_running (DialogFixture *fixture,
                       gconstpointer  data)
{
  g_autoptr(AeroVm) vm = find_by_name (fixture->vms, "web-01");
  AeroRunOnceDialog *dialog = aero_run_once_dialog_new (fixture->engine, vm, fixture->clusters);

  gtk_window_present (GTK_WINDOW (dialog));
  wait_signal (dialog, "loaded");
  g_assert_false (ok_enabled (dialog));
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (get_widget (dialog, "banner_revealer"))));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (get_widget (dialog, "banner_reason"))),
                   ==, "This virtual machine is already running.");
  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (get_widget (dialog, "banner"))),
                   ==, GTK_ACCESSIBLE_ROLE_ALERT);
}

static void
test_run_once_leaves_vm (DialogFixture *fixture,
                         gconstpointer  data)
{
  AeroRunOnceDialog *dialog = open_run_once (fixture, "web-03");
  g_autoptr(AeroVm) vm = find_by_name (fixture->vms, "web-03");
  g_autoptr(AeroVm) running = NULL;
  g_autoptr(AeroVm) after = NULL;
  gboolean *closed = watch_destroy (dialog);
  GAsyncResult *result = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_false (check_active (dialog, "paused_check"));
  g_assert_false (check_active (dialog, "volatile_check"));

  set_check (dialog, "paused_check", TRUE);
  set_check (dialog, "volatile_check", TRUE);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.ok", NULL);
  wait_flag (closed, "the dialog to close");
  g_free (closed);

  /* One start request with the overrides, and no edit of the VM. */
  {
    g_autoptr(GPtrArray) posts = recorded_with_method (fixture, "POST");
    g_autoptr(GPtrArray) puts = recorded_with_method (fixture, "PUT");
    g_autoptr(JsonParser) parser = json_parser_new ();
    g_autofree char *path = g_strdup_printf ("/ovirt-engine/api/vms/%s/start", aero_vm_get_id (vm));
    Recorded *start;
    JsonObject *root;

    g_assert_cmpuint (posts->len, ==, 1);
    g_assert_cmpuint (puts->len, ==, 0);
    start = g_ptr_array_index (posts, 0);
    g_assert_cmpstr (start->path, ==, path);
    g_assert_true (json_parser_load_from_data (parser, start->body, -1, NULL));
    root = json_node_get_object (json_parser_get_root (parser));
    /* A "vm" (else the engine's plain RunVm drops "volatile"), empty. */
    g_assert_nonnull (aero_json_get_object (root, "vm"));
    g_assert_cmpuint (json_object_get_size (aero_json_get_object (root, "vm")), ==, 0);
    g_assert_cmpint (aero_json_get_tristate (root, "pause"), ==, AERO_TRISTATE_TRUE);
    g_assert_cmpint (aero_json_get_tristate (root, "volatile"), ==, AERO_TRISTATE_TRUE);
  }

  running = fixture_get_vm (fixture, aero_vm_get_id (vm), FALSE);
  g_assert_true (aero_vm_status_is_running (aero_vm_get_status (running)));
  g_assert_cmpint (aero_vm_get_next_run_configuration_exists (running), !=, AERO_TRISTATE_TRUE);

  /* Power off: the stored configuration is what it was. */
  aero_engine_stop_vm_async (fixture->engine, aero_vm_get_id (vm), NULL, result_cb, &result);
  g_assert_true (aero_engine_stop_vm_finish (fixture->engine, wait_result (&result, "stop"), &error));
  g_assert_no_error (error);
  g_clear_object (&result);

  after = fixture_get_vm (fixture, aero_vm_get_id (vm), FALSE);
  g_assert_cmpint (aero_memory_policy_get_ballooning (aero_vm_get_memory_policy (after)), ==, AERO_TRISTATE_TRUE);
  g_assert_cmpint (aero_vm_get_memory (after), ==, aero_vm_get_memory (vm));
  g_assert_cmpint (vm_guaranteed (after), ==, vm_guaranteed (vm));
}

/* Overrides chosen: Escape asks first; none: it just closes. */
static void
test_run_once_escape_asks (DialogFixture *fixture,
                           gconstpointer  data)
{
  AeroRunOnceDialog *dialog = open_run_once (fixture, "web-04");
  gboolean *closed = watch_destroy (dialog);
  GtkWindow *question;

  set_check (dialog, "paused_check", TRUE);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.cancel", NULL);
  question = aero_run_once_dialog_get_discard_dialog (dialog);
  g_assert_nonnull (question);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (question), "keep");
  settle ();
  g_assert_false (*closed);
  g_assert_true (check_active (dialog, "paused_check"));

  gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.cancel", NULL);
  question = aero_run_once_dialog_get_discard_dialog (dialog);
  g_assert_nonnull (question);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (question), "discard");
  wait_flag (closed, "the dialog to close");
  g_free (closed);
  {
    g_autoptr(GPtrArray) posts = recorded_with_method (fixture, "POST");

    g_assert_cmpuint (posts->len, ==, 0);
  }

  dialog = open_run_once (fixture, "web-04");
  closed = watch_destroy (dialog);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.cancel", NULL);
  g_assert_true (*closed);
  g_free (closed);
}

/* --- Edit Cluster -------------------------------------------------------- */

static AeroClusterDialog *
open_cluster (DialogFixture *fixture,
              const char    *name)
{
  g_autoptr(AeroCluster) cluster = find_by_name (fixture->clusters, name);
  AeroClusterDialog *dialog = aero_cluster_dialog_new (fixture->engine, cluster);

  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

/* Presses OK, waits for the dialog to close and returns the one PUT it
 * sent (normalised JSON). */
static char *
save_cluster_dialog (DialogFixture     *fixture,
                     AeroClusterDialog *dialog,
                     AeroCluster       *cluster)
{
  gboolean *closed = watch_destroy (dialog);
  g_autoptr(GPtrArray) puts = NULL;
  g_autofree char *path = g_strdup_printf ("/ovirt-engine/api/clusters/%s", aero_cluster_get_id (cluster));

  g_assert_true (ok_enabled (dialog));
  gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.ok", NULL);
  wait_flag (closed, "the dialog to close");
  g_free (closed);

  puts = recorded_with_method (fixture, "PUT");
  g_assert_cmpuint (puts->len, ==, 1);
  g_assert_cmpstr (((Recorded *) g_ptr_array_index (puts, 0))->path, ==, path);
  return normalised_json (((Recorded *) g_ptr_array_index (puts, 0))->body);
}

static void
test_cluster_gate (DialogFixture *fixture,
                   gconstpointer  data)
{
  AeroClusterDialog *dialog = open_cluster (fixture, "Legacy");
  GtkWidget *check = get_widget (dialog, "balloon_check");
  GtkWidget *reason = get_widget (dialog, "balloon_reason");

  {
    g_autofree char *shown = check_label_shown (check);
    g_autofree char *ksm = check_label_shown (get_widget (dialog, "ksm_check"));

    g_assert_cmpstr (shown, ==, "Enable Memory Balloon Optimization");
    g_assert_cmpuint (check_mnemonic (check), ==, GDK_KEY_b);
    g_assert_cmpstr (ksm, ==, "Enable KSM");
    g_assert_cmpuint (check_mnemonic (get_widget (dialog, "ksm_check")), ==, GDK_KEY_k);
  }
  /* The names screen readers and tests use carry no mnemonic underscore. */
  {
    g_autofree char *problem = gtk_test_accessible_check_property (GTK_ACCESSIBLE (check),
                                                                   GTK_ACCESSIBLE_PROPERTY_LABEL,
                                                                   "Enable Memory Balloon Optimization");
    g_autofree char *ksm_problem = gtk_test_accessible_check_property (GTK_ACCESSIBLE (get_widget (dialog, "ksm_check")),
                                                                       GTK_ACCESSIBLE_PROPERTY_LABEL,
                                                                       "Enable KSM");

    g_assert_null (problem);
    g_assert_null (ksm_problem);
  }
  g_assert_false (gtk_widget_get_sensitive (check));
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
  g_assert_true (gtk_widget_get_visible (reason));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (reason)), ==, REASON_CLUSTER);
  assert_description (check, REASON_CLUSTER);
  /* Legacy: None – 100 %, KSM off: valid. */
  g_assert_true (check_active (dialog, "radio_none"));
  g_assert_true (ok_enabled (dialog));
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* 3.1 is still below 3.3. */
  dialog = open_cluster (fixture, "Production-3.1");
  g_assert_false (gtk_widget_get_sensitive (get_widget (dialog, "balloon_check")));
  g_assert_true (check_active (dialog, "radio_server"));
  g_assert_true (check_active (dialog, "ksm_check"));
  gtk_window_destroy (GTK_WINDOW (dialog));

  dialog = open_cluster (fixture, "Stable");
  g_assert_true (gtk_widget_get_sensitive (get_widget (dialog, "balloon_check")));
  g_assert_true (check_active (dialog, "balloon_check"));
  g_assert_true (check_active (dialog, "radio_desktop"));
  g_assert_false (gtk_widget_get_visible (get_widget (dialog, "balloon_reason")));
}

static void
test_cluster_ksm_or_balloon (DialogFixture *fixture,
                             gconstpointer  data)
{
  AeroClusterDialog *dialog = open_cluster (fixture, "Production-3.1");
  GtkWidget *message = get_widget (dialog, "validation_label");

  /* 150 %, ballooning unavailable below 3.3: KSM is what allows it. */
  g_assert_false (gtk_widget_get_visible (message));
  set_check (dialog, "ksm_check", FALSE);
  g_assert_true (gtk_widget_get_visible (message));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (message)), ==, KSM_OR_BALLOON);
  g_assert_false (aero_cluster_dialog_get_valid (dialog));
  g_assert_false (ok_enabled (dialog));

  /* No over-commit: nothing to allow. */
  set_check (dialog, "radio_none", TRUE);
  g_assert_false (gtk_widget_get_visible (message));
  g_assert_true (ok_enabled (dialog));

  set_check (dialog, "radio_custom", TRUE);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (get_widget (dialog, "custom_spin")), 120);
  g_assert_false (ok_enabled (dialog));
  set_check (dialog, "ksm_check", TRUE);
  g_assert_true (ok_enabled (dialog));
}

static void
test_cluster_saves (DialogFixture *fixture,
                    gconstpointer  data)
{
  AeroClusterDialog *dialog = open_cluster (fixture, "Default");
  g_autoptr(AeroCluster) cluster = find_by_name (fixture->clusters, "Default");
  g_autoptr(AeroCluster) after = NULL;
  g_autofree char *sent = NULL;

  /* Default: 150 %, KSM off, ballooning on, THP on. */
  g_assert_true (check_active (dialog, "balloon_check"));
  g_assert_true (check_active (dialog, "thp_check"));
  set_check (dialog, "balloon_check", FALSE);
  g_assert_false (ok_enabled (dialog));
  set_check (dialog, "ksm_check", TRUE);
  set_check (dialog, "radio_desktop", TRUE);
  g_assert_true (ok_enabled (dialog));

  sent = save_cluster_dialog (fixture, dialog, cluster);
  /* THP goes along with the memory_policy, as stored: a real engine would
   * switch it on otherwise. */
  g_assert_cmpstr (sent, ==,
                   "{\"ballooning_enabled\":\"false\",\"memory_policy\":{\"over_commit\":{\"percent\":\"200\"},"
                   "\"transparent_hugepages\":{\"enabled\":\"true\"}},\"ksm\":{\"enabled\":\"true\"}}");

  after = fixture_get_cluster (fixture, aero_cluster_get_id (cluster));
  g_assert_cmpint (aero_cluster_get_ballooning_enabled (after), ==, AERO_TRISTATE_FALSE);
  g_assert_cmpint (aero_cluster_get_ksm_enabled (after), ==, AERO_TRISTATE_TRUE);
  g_assert_cmpint (aero_cluster_get_overcommit_percent (after), ==, 200);
  g_assert_cmpint (aero_cluster_get_transparent_hugepages (after), ==, AERO_TRISTATE_TRUE);
}

/* Runs aerostat-cli with @args against the fixture's demo engine (not
 * through the recording proxy, which serves on this thread), and returns
 * the cluster named @name as the engine then describes it. */
static AeroCluster *
run_cli_on_cluster (DialogFixture      *fixture,
                    const char         *name,
                    const char * const *args)
{
  g_autoptr(AeroCluster) cluster = find_by_name (fixture->clusters, name);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) envp = g_get_environ ();
  g_autofree char *url = g_strconcat (fixture->demo_base, "/ovirt-engine/api", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_ptr_array_add (argv, (gpointer) AERO_TEST_CLI);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);
  envp = g_environ_setenv (envp, "AEROSTAT_ENGINE", url, TRUE);
  envp = g_environ_setenv (envp, "AEROSTAT_USER", "admin@internal", TRUE);
  envp = g_environ_setenv (envp, "AEROSTAT_PASSWORD", "demo", TRUE);

  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL,
                               &out, &err, &status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, &error))
    g_error ("aerostat-cli failed: %s\n%s", error->message, err);
  return fixture_get_cluster (fixture, aero_cluster_get_id (cluster));
}

/* A cluster set to 50 % by "aerostat-cli cluster set" shows "Custom 50";
 * ticking only KSM sends only KSM, and the over-commit and THP stay as
 * they were. */
static void
test_cluster_exact_overcommit (DialogFixture *fixture,
                               gconstpointer  data)
{
  const char *args[] = { "cluster", "set", "Stable", "--overcommit", "50", NULL };
  g_autoptr(AeroCluster) cluster = run_cli_on_cluster (fixture, "Stable", args);
  AeroClusterDialog *dialog = aero_cluster_dialog_new (fixture->engine, cluster);
  g_autoptr(AeroCluster) after = NULL;
  g_autofree char *sent = NULL;

  gtk_window_present (GTK_WINDOW (dialog));
  g_assert_cmpint (aero_cluster_get_overcommit_percent (cluster), ==, 50);
  g_assert_true (check_active (dialog, "radio_custom"));
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (get_widget (dialog, "custom_spin"))), ==, 50);
  g_assert_true (gtk_widget_get_sensitive (get_widget (dialog, "custom_spin")));
  /* Stable (3.6) keeps THP off. */
  g_assert_false (check_active (dialog, "thp_check"));
  g_assert_true (ok_enabled (dialog));

  /* Nothing changed yet: nothing to send. */
  {
    AeroClusterMemoryChange change;

    g_assert_false (aero_cluster_dialog_get_change (dialog, &change));
  }

  set_check (dialog, "ksm_check", FALSE);
  sent = save_cluster_dialog (fixture, dialog, cluster);
  g_assert_cmpstr (sent, ==, "{\"ksm\":{\"enabled\":\"false\"}}");

  after = fixture_get_cluster (fixture, aero_cluster_get_id (cluster));
  g_assert_cmpint (aero_cluster_get_overcommit_percent (after), ==, 50);
  g_assert_cmpint (aero_cluster_get_ksm_enabled (after), ==, AERO_TRISTATE_FALSE);
  g_assert_cmpint (aero_cluster_get_transparent_hugepages (after), ==, AERO_TRISTATE_FALSE);
}

/* Custom starts from the stored value; the accepted range is what the
 * engine stores as given, the same as the CLI's; 10 stays 10. */
static void
test_cluster_custom_range (DialogFixture *fixture,
                           gconstpointer  data)
{
  AeroClusterDialog *dialog = open_cluster (fixture, "Production-3.1");
  g_autoptr(AeroCluster) cluster = find_by_name (fixture->clusters, "Production-3.1");
  GtkSpinButton *spin = GTK_SPIN_BUTTON (get_widget (dialog, "custom_spin"));
  GtkAdjustment *adjustment = gtk_spin_button_get_adjustment (spin);
  g_autoptr(AeroCluster) after = NULL;
  g_autofree char *sent = NULL;
  AeroClusterMemoryChange change;

  g_assert_cmpfloat (gtk_adjustment_get_lower (adjustment), ==, AERO_CLUSTER_OVERCOMMIT_MIN);
  g_assert_cmpfloat (gtk_adjustment_get_upper (adjustment), ==, AERO_CLUSTER_OVERCOMMIT_MAX);

  /* Production-3.1 is at 150 %: Custom starts there, which changes nothing. */
  g_assert_true (check_active (dialog, "radio_server"));
  set_check (dialog, "radio_custom", TRUE);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (spin), ==, 150);
  g_assert_false (aero_cluster_dialog_get_change (dialog, &change));

  gtk_editable_set_text (GTK_EDITABLE (spin), "10");
  gtk_spin_button_update (spin);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (spin), ==, 10);
  g_assert_true (aero_cluster_dialog_get_change (dialog, &change));
  g_assert_cmpint (change.changed, ==, AERO_CLUSTER_MEMORY_OVERCOMMIT);
  g_assert_cmpint (change.overcommit_percent, ==, 10);

  sent = save_cluster_dialog (fixture, dialog, cluster);
  g_assert_cmpstr (sent, ==, "{\"memory_policy\":{\"over_commit\":{\"percent\":\"10\"},"
                   "\"transparent_hugepages\":{\"enabled\":\"false\"}}}");
  after = fixture_get_cluster (fixture, aero_cluster_get_id (cluster));
  g_assert_cmpint (aero_cluster_get_overcommit_percent (after), ==, 10);
  g_assert_cmpint (aero_cluster_get_transparent_hugepages (after), ==, AERO_TRISTATE_FALSE);
}

/* THP is shown, and a change of it alone is sent alone. */
static void
test_cluster_thp (DialogFixture *fixture,
                  gconstpointer  data)
{
  AeroClusterDialog *dialog = open_cluster (fixture, "Stable");
  g_autoptr(AeroCluster) cluster = find_by_name (fixture->clusters, "Stable");
  g_autoptr(AeroCluster) after = NULL;
  g_autofree char *sent = NULL;
  GtkWidget *check = get_widget (dialog, "thp_check");

  {
    g_autofree char *shown = check_label_shown (check);

    g_assert_cmpstr (shown, ==, "Enable Transparent Huge Pages");
    g_assert_cmpuint (check_mnemonic (check), ==, GDK_KEY_t);
  }
  g_assert_true (gtk_widget_get_sensitive (check));
  g_assert_false (check_active (dialog, "thp_check"));
  set_check (dialog, "thp_check", TRUE);

  sent = save_cluster_dialog (fixture, dialog, cluster);
  g_assert_cmpstr (sent, ==, "{\"memory_policy\":{\"transparent_hugepages\":{\"enabled\":\"true\"}}}");
  after = fixture_get_cluster (fixture, aero_cluster_get_id (cluster));
  g_assert_cmpint (aero_cluster_get_transparent_hugepages (after), ==, AERO_TRISTATE_TRUE);
  g_assert_cmpint (aero_cluster_get_overcommit_percent (after), ==, 200);
}

static void
test_cluster_dropped_connection (DialogFixture *fixture,
                                 gconstpointer  data)
{
  AeroClusterDialog *dialog = open_cluster (fixture, "Stable");
  gboolean *closed = watch_destroy (dialog);

  set_check (dialog, "radio_server", TRUE);
  soup_server_disconnect (fixture->proxy);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.ok", NULL);
  while (!gtk_revealer_get_reveal_child (GTK_REVEALER (get_widget (dialog, "banner_revealer"))) && !*closed)
    g_main_context_iteration (NULL, TRUE);

  /* Still open, the choice intact, Retry offered. */
  g_assert_false (*closed);
  g_assert_true (gtk_widget_get_visible (get_widget (dialog, "banner_retry")));
  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (get_widget (dialog, "banner"))),
                   ==, GTK_ACCESSIBLE_ROLE_ALERT);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (get_widget (dialog, "banner_reason"))),
                   ==, "The connection to the engine was lost.");
  g_assert_true (check_active (dialog, "radio_server"));
  g_assert_true (ok_enabled (dialog));
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_free (closed);
}

/* The over-commit choices are radio buttons to screen readers too. */
static void
test_cluster_radio_role (DialogFixture *fixture,
                         gconstpointer  data)
{
  const char *ids[] = { "radio_none", "radio_server", "radio_desktop", "radio_custom" };
  g_autoptr(AeroCluster) cluster = find_by_name (fixture->clusters, "Stable");
  AeroClusterDialog *dialog = aero_cluster_dialog_new (fixture->engine, cluster);

  gtk_window_present (GTK_WINDOW (dialog));
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (get_widget (dialog, ids[i]))),
                     ==, GTK_ACCESSIBLE_ROLE_RADIO);
}

/* Escape with choices made asks first; without, it just closes. */
static void
test_cluster_escape_asks (DialogFixture *fixture,
                          gconstpointer  data)
{
  g_autoptr(AeroCluster) cluster = find_by_name (fixture->clusters, "Stable");
  AeroClusterDialog *dialog = aero_cluster_dialog_new (fixture->engine, cluster);
  gboolean *closed = watch_destroy (dialog);
  GtkWindow *question;

  gtk_window_present (GTK_WINDOW (dialog));
  set_check (dialog, "ksm_check", FALSE);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.cancel", NULL);
  question = aero_cluster_dialog_get_discard_dialog (dialog);
  g_assert_nonnull (question);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (question)), ==, "Discard changes?");
  g_assert_false (*closed);

  adw_message_dialog_response (ADW_MESSAGE_DIALOG (question), "keep");
  settle ();
  g_assert_false (*closed);
  g_assert_null (aero_cluster_dialog_get_discard_dialog (dialog));
  g_assert_false (check_active (dialog, "ksm_check"));

  gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.cancel", NULL);
  question = aero_cluster_dialog_get_discard_dialog (dialog);
  g_assert_nonnull (question);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (question), "discard");
  wait_flag (closed, "the dialog to close");
  g_free (closed);
  /* Nothing was sent. */
  g_assert_cmpuint (fixture->recorded->len, ==, 0);

  /* No choice changed: Escape closes at once. */
  dialog = aero_cluster_dialog_new (fixture->engine, cluster);
  closed = watch_destroy (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.cancel", NULL);
  g_assert_true (*closed);
  g_free (closed);
}

/* --- bulk ballooning ----------------------------------------------------- */

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
  wait_flag (closed, "the dialog to close");
  g_free (closed);
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
      AeroVm *vm = aero_vm_copy (listed);
      g_autoptr(AeroMemoryPolicy) policy = aero_memory_policy_copy (aero_vm_get_memory_policy (vm));

      aero_memory_policy_set_ballooning (policy, AERO_TRISTATE_UNKNOWN);
      aero_vm_set_memory_policy (vm, policy);
      g_ptr_array_add (vms, vm);
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
                               NULL, result_cb, &result);
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
  wait_flag (closed, "the dialog to close");
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
test_keyboard_tab_stops (DialogFixture *fixture,
                         gconstpointer  data)
{
  g_autoptr(AeroCluster) cluster = find_by_name (fixture->clusters, "Stable");
  AeroClusterDialog *cluster_dialog = aero_cluster_dialog_new (fixture->engine, cluster);
  AeroRunOnceDialog *run_once = open_run_once (fixture, "web-04");

  assert_no_frame_tab_stops (GTK_WIDGET (run_once));
  gtk_window_present (GTK_WINDOW (cluster_dialog));
  assert_no_frame_tab_stops (GTK_WIDGET (cluster_dialog));
}

static void
test_narrow (DialogFixture *fixture,
             gconstpointer  data)
{
  g_autoptr(AeroCluster) cluster = find_by_name (fixture->clusters, "Stable");
  g_autoptr(GPtrArray) vms = g_ptr_array_new_with_free_func (g_object_unref);
  AeroClusterDialog *cluster_dialog = aero_cluster_dialog_new (fixture->engine, cluster);
  AeroRunOnceDialog *run_once = open_run_once (fixture, "web-04");
  AeroBulkBalloonDialog *bulk;

  assert_fits_narrow (run_once);
  gtk_window_present (GTK_WINDOW (cluster_dialog));
  assert_fits_narrow (cluster_dialog);

  g_ptr_array_add (vms, find_by_name (fixture->vms, "prod-app-02"));
  g_ptr_array_add (vms, find_by_name (fixture->vms, "legacy-web"));
  bulk = aero_bulk_balloon_dialog_new (fixture->engine, vms, fixture->clusters, TRUE);
  gtk_window_present (GTK_WINDOW (bulk));
  if (g_strcmp0 (aero_bulk_balloon_dialog_get_stage (bulk), "summary") != 0)
    wait_signal (bulk, "ready");
  assert_fits_narrow (bulk);
}

static void
test_keyboard_return_reaches_ok (DialogFixture *fixture,
                                 gconstpointer  data)
{
  g_autoptr(AeroCluster) cluster = find_by_name (fixture->clusters, "Stable");
  g_autoptr(GPtrArray) vms = g_ptr_array_new_with_free_func (g_object_unref);
  AeroRunOnceDialog *run_once = open_run_once (fixture, "web-04");
  AeroClusterDialog *cluster_dialog;
  AeroBulkBalloonDialog *bulk;

  assert_focus_on_ok (run_once);
  gtk_window_destroy (GTK_WINDOW (run_once));

  cluster_dialog = aero_cluster_dialog_new (fixture->engine, cluster);
  gtk_window_present (GTK_WINDOW (cluster_dialog));
  assert_focus_on_ok (cluster_dialog);
  gtk_window_destroy (GTK_WINDOW (cluster_dialog));

  g_ptr_array_add (vms, find_by_name (fixture->vms, "prod-app-02"));
  bulk = aero_bulk_balloon_dialog_new (fixture->engine, vms, fixture->clusters, TRUE);
  gtk_window_present (GTK_WINDOW (bulk));
  if (g_strcmp0 (aero_bulk_balloon_dialog_get_stage (bulk), "summary") != 0)
    wait_signal (bulk, "ready");
  assert_focus_on_ok (bulk);
  gtk_widget_activate_action (GTK_WIDGET (bulk), "dialog.ok", NULL);
  if (g_strcmp0 (aero_bulk_balloon_dialog_get_stage (bulk), "results") != 0)
    wait_signal (bulk, "finished");
  /* Close, now. */
  assert_focus_on_ok (bulk);
}

/* Cancel half-way: the updates already sent finish, the rest is not
 * sent, and the results say which is which. */
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
  wait_flag (closed, "the dialog to close");
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
    {
      AeroVm *vm = aero_vm_copy (listed);
      g_autoptr(AeroMemoryPolicy) policy = aero_memory_policy_copy (aero_vm_get_memory_policy (vm));

      aero_memory_policy_set_ballooning (policy, AERO_TRISTATE_UNKNOWN);
      aero_vm_set_memory_policy (vm, policy);
      g_ptr_array_add (vms, vm);
    }

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

/* --- entry points --------------------------------------------------------- */

static void
done_cb (gpointer user_data)
{
  guint *count = user_data;

  (*count)++;
}

/* The one toplevel of @type that is open. */
static gpointer
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint n = g_list_model_get_n_items (toplevels);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type))
        return window;
    }

  g_error ("no %s open", g_type_name (type));
  return NULL;
}

static void
test_entry_points (DialogFixture *fixture,
                   gconstpointer  data)
{
  g_autoptr(AeroCluster) cluster = find_by_name (fixture->clusters, "Stable");
  g_autoptr(AeroVm) vm = find_by_name (fixture->vms, "web-04");
  GtkWindow *parent = GTK_WINDOW (gtk_window_new ());
  guint count = 0;
  gpointer dialog;
  gboolean *closed;

  gtk_window_present (parent);

  /* Edit Cluster: done once the engine accepted the change. */
  aero_dialogs_edit_cluster (parent, fixture->engine, cluster, done_cb, &count);
  dialog = find_toplevel (AERO_TYPE_CLUSTER_DIALOG);
  g_assert_true (gtk_window_get_transient_for (dialog) == parent);
  g_assert_true (gtk_window_get_modal (dialog));
  closed = watch_destroy (dialog);
  set_check (dialog, "ksm_check", FALSE);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.ok", NULL);
  wait_flag (closed, "the cluster dialog to close");
  g_free (closed);
  g_assert_cmpuint (count, ==, 1);

  /* Edit VM cancelled: no done. */
  aero_dialogs_edit_vm (parent, fixture->engine, vm, fixture->clusters, fixture->templates,
                        done_cb, &count);
  dialog = find_toplevel (AERO_TYPE_VM_DIALOG);
  wait_signal (dialog, "loaded");
  closed = watch_destroy (dialog);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.cancel", NULL);
  g_assert_true (*closed);
  g_free (closed);
  g_assert_cmpuint (count, ==, 1);

  /* New VM saved: done. */
  aero_dialogs_new_vm (parent, fixture->engine, fixture->clusters, fixture->templates,
                       done_cb, &count);
  dialog = find_toplevel (AERO_TYPE_VM_DIALOG);
  closed = watch_destroy (dialog);
  gtk_editable_set_text (GTK_EDITABLE (get_widget (dialog, "name_row")), "from-entry-point");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.ok", NULL);
  wait_flag (closed, "the VM dialog to close");
  g_free (closed);
  g_assert_cmpuint (count, ==, 2);

  /* Run Once started: done. */
  aero_dialogs_run_once (parent, fixture->engine, vm, fixture->clusters, done_cb, &count);
  dialog = find_toplevel (AERO_TYPE_RUN_ONCE_DIALOG);
  wait_signal (dialog, "loaded");
  closed = watch_destroy (dialog);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.ok", NULL);
  wait_flag (closed, "the Run Once dialog to close");
  g_free (closed);
  g_assert_cmpuint (count, ==, 3);

  gtk_window_destroy (parent);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func) \
  g_test_add (path, DialogFixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/run-once-dialog/no-balloon-override/VmMapper", test_run_once_no_balloon_override_VmMapper);
  ADD ("/run-once-dialog/leaves-vm-unchanged", test_run_once_leaves_vm);
  ADD ("/run-once-dialog/running", test_run_once_running);
  ADD ("/run-once-dialog/escape-asks", test_run_once_escape_asks);
  ADD ("/cluster-dialog/gate", test_cluster_gate);
  ADD ("/cluster-dialog/ksm-or-balloon", test_cluster_ksm_or_balloon);
  ADD ("/cluster-dialog/saves", test_cluster_saves);
  ADD ("/cluster-dialog/exact-overcommit", test_cluster_exact_overcommit);
  ADD ("/cluster-dialog/custom-range", test_cluster_custom_range);
  ADD ("/cluster-dialog/thp", test_cluster_thp);
  ADD ("/cluster-dialog/dropped-connection", test_cluster_dropped_connection);
  ADD ("/cluster-dialog/escape-asks", test_cluster_escape_asks);
  ADD ("/cluster-dialog/radio-role", test_cluster_radio_role);
  ADD ("/bulk-balloon-dialog/mixed", test_bulk_mixed);
  ADD ("/bulk-balloon-dialog/failure-goes-on", test_bulk_failure_goes_on);
  ADD ("/bulk-balloon-dialog/unknown-fetched", test_bulk_unknown_fetched);
  ADD ("/bulk-balloon-dialog/pending-read", test_bulk_pending_read);
  ADD ("/bulk-balloon-dialog/unknown-progress", test_bulk_unknown_progress);
  ADD ("/bulk-balloon-dialog/many", test_bulk_many);
  ADD ("/bulk-balloon-dialog/stop", test_bulk_stop);
  ADD ("/dialogs/entry-points", test_entry_points);
  ADD ("/dialogs/keyboard-tab-stops", test_keyboard_tab_stops);
  ADD ("/dialogs/narrow", test_narrow);
  ADD ("/dialogs/keyboard-return-reaches-ok", test_keyboard_return_reaches_ok);
#undef ADD

  return g_test_run ();
}
