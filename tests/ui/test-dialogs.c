/* test-dialogs.c - the entry points that open the dialogs, and what the
 * Run Once, Edit Cluster and bulk-ballooning dialogs owe the keyboard and
 * a narrow screen, against the demo engine
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "aero-bulk-balloon-dialog.h"
#include "aero-cluster-dialog.h"
#include "aero-dialogs.h"
#include "aero-run-once-dialog.h"
#include "aero-vm-dialog.h"
#include "test-dialog-fixture.h"

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
  aero_test_wait_flag (closed, "the cluster dialog to close");
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
  aero_test_wait_flag (closed, "the VM dialog to close");
  g_free (closed);
  g_assert_cmpuint (count, ==, 2);

  /* Run Once started: done. */
  aero_dialogs_run_once (parent, fixture->engine, vm, fixture->clusters, done_cb, &count);
  dialog = find_toplevel (AERO_TYPE_RUN_ONCE_DIALOG);
  wait_signal (dialog, "loaded");
  closed = watch_destroy (dialog);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.ok", NULL);
  aero_test_wait_flag (closed, "the Run Once dialog to close");
  g_free (closed);
  g_assert_cmpuint (count, ==, 3);

  gtk_window_destroy (parent);
}

int
main (int   argc,
      char *argv[])
{
  dialog_test_init (&argc, &argv);

#define ADD(path, func) DIALOG_TEST_ADD (path, func)
  ADD ("/dialogs/entry-points", test_entry_points);
  ADD ("/dialogs/keyboard-tab-stops", test_keyboard_tab_stops);
  ADD ("/dialogs/narrow", test_narrow);
  ADD ("/dialogs/keyboard-return-reaches-ok", test_keyboard_return_reaches_ok);
#undef ADD

  return g_test_run ();
}
