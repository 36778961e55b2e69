/* test-cluster-dialog.c - Edit Cluster
 * against the demo engine
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "aero-cluster-dialog.h"
#include "test-dialog-fixture.h"

#define REASON_CLUSTER "Ballooning is only available for Cluster compatibility version 3.3 and higher"
#define KSM_OR_BALLOON "KSM or ballooning must be enabled to allow memory optimization."

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
  aero_test_wait_flag (closed, "the dialog to close");
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
  aero_test_wait_flag (closed, "the dialog to close");
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

int
main (int   argc,
      char *argv[])
{
  dialog_test_init (&argc, &argv);

#define ADD(path, func) DIALOG_TEST_ADD (path, func)
  ADD ("/cluster-dialog/gate", test_cluster_gate);
  ADD ("/cluster-dialog/ksm-or-balloon", test_cluster_ksm_or_balloon);
  ADD ("/cluster-dialog/saves", test_cluster_saves);
  ADD ("/cluster-dialog/exact-overcommit", test_cluster_exact_overcommit);
  ADD ("/cluster-dialog/custom-range", test_cluster_custom_range);
  ADD ("/cluster-dialog/thp", test_cluster_thp);
  ADD ("/cluster-dialog/dropped-connection", test_cluster_dropped_connection);
  ADD ("/cluster-dialog/escape-asks", test_cluster_escape_asks);
  ADD ("/cluster-dialog/radio-role", test_cluster_radio_role);
#undef ADD

  return g_test_run ();
}
