/* test-vm-dialog.c - the New / Edit VM dialog against the demo engine
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "aero-conflict-dialog.h"
#include "aero-engine-calls-private.h"
#include "aero-vm-dialog.h"
#include "aero-vm-edit-engine.h"
#include "aero-vm-edit-private.h"
#include "aero-next-run-dialog.h"
#include "test-dialog-fixture.h"

#define BALLOON_LABEL "Memory Balloon Device Enabled"
#define OLD_ENGINE_REASON "The resource allocation of a template can be edited with oVirt Engine 3.6.1 or later (this engine: 3.6.0)."
#define REASON_30 "Memory ballooning requires cluster compatibility version 3.1 or later (this cluster: 3.0)."

static AeroVmDialog *
open_new (DialogFixture *fixture)
{
  AeroVmDialog *dialog = aero_vm_dialog_new_for_new_vm (fixture->engine, fixture->clusters,
                                                        fixture->templates);

  gtk_window_present (GTK_WINDOW (dialog));
  g_assert_nonnull (aero_vm_dialog_get_edit (dialog));
  return dialog;
}

static AeroVmDialog *
open_edit (DialogFixture *fixture,
           const char    *name)
{
  g_autoptr(AeroVm) vm = NULL;
  AeroVmDialog *dialog;

  /* A save before re-read the VM it saved: only this dialog's GETs count. */
  recorded_reset (fixture);
  vm = find_by_name (fixture->vms, name);
  dialog = aero_vm_dialog_new_for_vm (fixture->engine, vm, fixture->clusters);

  gtk_window_present (GTK_WINDOW (dialog));
  /* A spinner first: nothing is editable before the single GET. */
  g_assert_null (aero_vm_dialog_get_edit (dialog));
  g_assert_true (aero_vm_dialog_get_busy (dialog));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (get_widget (dialog, "main_stack"))),
                   ==, "loading");
  g_assert_false (ok_enabled (dialog));
  wait_signal (dialog, "loaded");
  g_assert_nonnull (aero_vm_dialog_get_edit (dialog));
  {
    g_autoptr(GPtrArray) gets = recorded_with_method (fixture, "GET");
    g_autofree char *path = g_strdup_printf ("/ovirt-engine/api/vms/%s", aero_vm_get_id (vm));
    g_autofree char *next_run_path = g_strdup_printf ("%s;next_run", path);

    /* The single GET the form was filled from; with changes waiting for
     * the restart, a second one for those. */
    g_assert_cmpuint (gets->len, >=, 1);
    g_assert_cmpuint (gets->len, <=, 2);
    g_assert_cmpstr (((Recorded *) g_ptr_array_index (gets, 0))->path, ==, path);
    if (gets->len == 2)
      g_assert_cmpstr (((Recorded *) g_ptr_array_index (gets, 1))->path, ==, next_run_path);
  }
  recorded_reset (fixture);
  return dialog;
}

static void
select_cluster (DialogFixture *fixture,
                AeroVmDialog  *dialog,
                const char    *name)
{
  AdwComboRow *row = ADW_COMBO_ROW (get_widget (dialog, "cluster_row"));

  adw_combo_row_set_selected (row, position_of (adw_combo_row_get_model (row), name));
}

static GtkCheckButton *
balloon_check (AeroVmDialog *dialog)
{
  GtkCheckButton *check = GTK_CHECK_BUTTON (get_widget (dialog, "balloon_check"));

  {
    g_autofree char *shown = check_label_shown (check);

    g_assert_cmpstr (shown, ==, BALLOON_LABEL);
    g_assert_cmpuint (check_mnemonic (check), ==, GDK_KEY_b);
  }
  {
    g_autofree char *problem = gtk_test_accessible_check_property (GTK_ACCESSIBLE (check),
                                                                   GTK_ACCESSIBLE_PROPERTY_LABEL,
                                                                   BALLOON_LABEL);
    if (problem != NULL)
      g_error ("accessible label: %s", problem);
  }
  return check;
}

static void
set_spin (AeroVmDialog *dialog,
          const char   *id,
          double        value)
{
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (get_widget (dialog, id)), value);
}

static void
set_text (AeroVmDialog *dialog,
          const char   *id,
          const char   *text)
{
  gtk_editable_set_text (GTK_EDITABLE (get_widget (dialog, id)), text);
}

static void
assert_disabled (gpointer widget,
                 gboolean disabled)
{
  g_autofree char *problem = gtk_test_accessible_check_state (GTK_ACCESSIBLE (widget),
                                                              GTK_ACCESSIBLE_STATE_DISABLED,
                                                              disabled);

  if (problem != NULL)
    g_error ("accessible disabled state: %s", problem);
}

static void
test_new_defaults (DialogFixture *fixture,
                   gconstpointer  data)
{
  AeroVmDialog *dialog = open_new (fixture);
  AeroVmEdit *edit = aero_vm_dialog_get_edit (dialog);
  GtkCheckButton *check = balloon_check (dialog);
  g_autoptr(AeroTemplate) blank = NULL;

  g_assert_cmpint (aero_vm_edit_get_mode (edit), ==, AERO_VM_EDIT_NEW_VM);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==, "New Virtual Machine");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (get_widget (dialog, "main_stack"))),
                   ==, "form");

  /* Blank is the default template, shown in the drop-down. */
  g_assert_true (gtk_widget_get_visible (get_widget (dialog, "template_row")));
  blank = find_by_name (fixture->templates, "Blank");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (get_widget (dialog, "template_row"))),
                    ==, position_of (fixture->templates, "Blank"));
  g_assert_true (aero_vm_edit_get_template (edit) == blank);

  /* Clusters by name, as oVirt lists them: Default (4.7) comes first and
   * is preselected, so the balloon is on and can be changed. */
  {
    g_autoptr(AeroCluster) first = g_list_model_get_item (adw_combo_row_get_model (ADW_COMBO_ROW (get_widget (dialog, "cluster_row"))), 0);

    g_assert_cmpstr (aero_cluster_get_name (first), ==, "Default");
    g_assert_cmpstr (aero_cluster_get_name (aero_vm_edit_get_cluster (edit)), ==, "Default");
    g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (get_widget (dialog, "cluster_row"))), ==, 0);
  }
  g_assert_true (gtk_check_button_get_active (check));
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (check)));
  g_assert_false (gtk_widget_get_visible (get_widget (dialog, "balloon_reason")));

  /* Blank's memory (1 GiB), guaranteed from the 150 % over-commit of
   * Default, maximum 4 × memory. */
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (get_widget (dialog, "memory_spin"))), ==, 1024);
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (get_widget (dialog, "max_memory_spin"))), ==, 4096);
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (get_widget (dialog, "guaranteed_spin"))),
                     ==, aero_vm_edit_get_guaranteed_mb (edit));

  /* No name yet: OK waits, but no error in red before the admin has been
   * at the name (issue 13); leaving it empty, or emptying it, says why. */
  g_assert_false (ok_enabled (dialog));
  g_assert_false (gtk_widget_get_visible (get_widget (dialog, "name_error_row")));
  g_assert_false (gtk_widget_has_css_class (get_widget (dialog, "name_row"), "error"));
  g_assert_false (gtk_stack_page_get_needs_attention (
                    gtk_stack_get_page (GTK_STACK (get_widget (dialog, "tabs")),
                                        gtk_stack_get_child_by_name (GTK_STACK (get_widget (dialog, "tabs")), "general"))));
  set_text (dialog, "name_row", "x");
  set_text (dialog, "name_row", "");
  g_assert_true (gtk_widget_get_visible (get_widget (dialog, "name_error_row")));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (get_widget (dialog, "name_error"))),
                   ==, "This field can't be empty.");
  g_assert_false (ok_enabled (dialog));

  set_text (dialog, "name_row", "new-vm-01");
  g_assert_false (gtk_widget_get_visible (get_widget (dialog, "name_error_row")));
  g_assert_true (ok_enabled (dialog));
  g_assert_true (gtk_widget_get_sensitive (get_widget (dialog, "resources_page")));
  g_assert_true (gtk_window_get_default_widget (GTK_WINDOW (dialog)) == get_widget (dialog, "ok_button"));

  /* Choosing a template fills memory and type from it. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (get_widget (dialog, "template_row")),
                              position_of (fixture->templates, "rhel9-server"));
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (get_widget (dialog, "memory_spin"))), ==, 4096);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (get_widget (dialog, "type_row"))), ==, 1);
  g_assert_true (gtk_check_button_get_active (check));
}

static void
test_legacy_greyed (DialogFixture *fixture,
                    gconstpointer  data)
{
  AeroVmDialog *dialog = open_edit (fixture, "legacy-db");
  GtkCheckButton *check = balloon_check (dialog);
  GtkWidget *reason = get_widget (dialog, "balloon_reason");

  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (check)));
  g_assert_false (gtk_check_button_get_active (check));
  g_assert_true (gtk_widget_get_visible (reason));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (reason)), ==, REASON_30);
  /* Right under the check box, in the same box. */
  g_assert_true (gtk_widget_get_prev_sibling (reason) == GTK_WIDGET (check));
  assert_description (check, REASON_30);

  /* Nothing about ballooning goes out for such a VM. */
  set_text (dialog, "description_row", "still 3.0");
  {
    g_autoptr(JsonNode) body = aero_vm_edit_build_body (aero_vm_dialog_get_edit (dialog));
    g_autofree char *text = json_text (body);

    g_assert_null (strstr (text, "ballooning"));
  }
}

static void
test_cluster_switch (DialogFixture *fixture,
                     gconstpointer  data)
{
  AeroVmDialog *dialog = open_new (fixture);
  GtkCheckButton *check = balloon_check (dialog);

  select_cluster (fixture, dialog, "Default");
  g_assert_true (gtk_check_button_get_active (check));

  select_cluster (fixture, dialog, "Legacy");
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (check)));
  g_assert_false (gtk_check_button_get_active (check));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (get_widget (dialog, "balloon_reason"))), ==, REASON_30);
  assert_description (check, REASON_30);

  select_cluster (fixture, dialog, "Default");
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (check)));
  g_assert_true (gtk_check_button_get_active (check));
  g_assert_false (gtk_widget_get_visible (get_widget (dialog, "balloon_reason")));

  /* The user's "off" survives a trip through 3.0 as well. */
  gtk_check_button_set_active (check, FALSE);
  select_cluster (fixture, dialog, "Legacy");
  select_cluster (fixture, dialog, "Default");
  g_assert_false (gtk_check_button_get_active (check));
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (check)));
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* The same for an existing VM: its stored "on" comes back. */
  dialog = open_edit (fixture, "web-03");
  check = balloon_check (dialog);
  g_assert_true (gtk_check_button_get_active (check));
  select_cluster (fixture, dialog, "Legacy");
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (check)));
  g_assert_false (gtk_check_button_get_active (check));
  assert_description (check, REASON_30);
  select_cluster (fixture, dialog, "Default");
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (check)));
  g_assert_true (gtk_check_button_get_active (check));
  /* Back where it started: nothing to send. */
  g_assert_null (aero_vm_edit_build_body (aero_vm_dialog_get_edit (dialog)));
}

static void
test_high_performance (DialogFixture *fixture,
                       gconstpointer  data)
{
  AeroVmDialog *dialog = open_new (fixture);
  GtkCheckButton *check = balloon_check (dialog);

  select_cluster (fixture, dialog, "Default");
  g_assert_true (gtk_check_button_get_active (check));

  /* Desktop, Server, High Performance */
  adw_combo_row_set_selected (ADW_COMBO_ROW (get_widget (dialog, "type_row")), 2);
  g_assert_cmpint (aero_vm_edit_get_vm_type (aero_vm_dialog_get_edit (dialog)),
                   ==, AERO_VM_TYPE_HIGH_PERFORMANCE);
  g_assert_false (gtk_check_button_get_active (check));
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (check)));

  /* The admin may still want it. */
  gtk_check_button_set_active (check, TRUE);
  g_assert_true (aero_vm_edit_get_ballooning (aero_vm_dialog_get_edit (dialog)));
}

static void
test_validation (DialogFixture *fixture,
                 gconstpointer  data)
{
  AeroVmDialog *dialog = open_new (fixture);

  select_cluster (fixture, dialog, "Default");
  set_text (dialog, "name_row", "bad name!");
  g_assert_true (gtk_widget_get_visible (get_widget (dialog, "name_error_row")));
  g_assert_false (ok_enabled (dialog));
  set_text (dialog, "name_row", "valid-name");
  g_assert_true (ok_enabled (dialog));

  /* Memory re-derives the others until they are touched. */
  set_spin (dialog, "memory_spin", 2048);
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (get_widget (dialog, "max_memory_spin"))), ==, 8192);

  set_spin (dialog, "guaranteed_spin", 4096);
  g_assert_true (gtk_widget_get_visible (get_widget (dialog, "guaranteed_error_row")));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (get_widget (dialog, "guaranteed_error"))),
                   ==, "Physical Memory Guaranteed cannot exceed Memory Size.");
  g_assert_false (ok_enabled (dialog));
  set_spin (dialog, "guaranteed_spin", 1024);
  g_assert_false (gtk_widget_get_visible (get_widget (dialog, "guaranteed_error_row")));
  g_assert_true (ok_enabled (dialog));

  set_spin (dialog, "max_memory_spin", 1024);
  g_assert_true (gtk_widget_get_visible (get_widget (dialog, "max_memory_error_row")));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (get_widget (dialog, "max_memory_error"))),
                   ==, "Maximum Memory has to be larger than or equal to Memory Size.");
  g_assert_false (ok_enabled (dialog));
  set_spin (dialog, "max_memory_spin", 8192);
  g_assert_true (ok_enabled (dialog));

  set_spin (dialog, "memory_spin", 0);
  g_assert_true (gtk_widget_get_visible (get_widget (dialog, "memory_error_row")));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (get_widget (dialog, "memory_error"))),
                   ==, "Memory Size must be at least 1 MiB.");
  g_assert_false (ok_enabled (dialog));

  /* OK does nothing while invalid. */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.ok", NULL);
  g_assert_false (aero_vm_dialog_get_busy (dialog));
}

static void
saved_object_cb (AeroVmDialog  *dialog,
                 GObject       *object,
                 AeroVm       **out)
{
  g_set_object (out, AERO_VM (object));
}

static void
test_new_vm_saves (DialogFixture *fixture,
                   gconstpointer  data)
{
  AeroVmDialog *dialog = open_new (fixture);
  gboolean *closed = watch_destroy (dialog);
  g_autoptr(AeroVm) saved = NULL;
  g_autoptr(AeroVm) fetched = NULL;
  g_autoptr(JsonNode) sent = NULL;

  select_cluster (fixture, dialog, "Default");
  /* A template with a description; the admin leaves the VM's empty. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (get_widget (dialog, "template_row")),
                              position_of (fixture->templates, "rhel9-server"));
  set_text (dialog, "name_row", "fresh-01");
  g_signal_connect (dialog, "saved", G_CALLBACK (saved_object_cb), &saved);
  /* Enter in a field activates OK (the default widget). */
  gtk_widget_activate_default (GTK_WIDGET (dialog));
  aero_test_wait_flag (closed, "the dialog to close");
  g_free (closed);

  g_assert_nonnull (saved);
  {
    g_autoptr(GPtrArray) posts = recorded_with_method (fixture, "POST");
    g_autoptr(GPtrArray) puts = recorded_with_method (fixture, "PUT");

    g_assert_cmpuint (posts->len, ==, 1);
    g_assert_cmpuint (puts->len, ==, 0);
    g_assert_cmpstr (((Recorded *) g_ptr_array_index (posts, 0))->path, ==, "/ovirt-engine/api/vms");
    /* Empty, but sent: left out, the engine copies the template's. */
    sent = json_from_string (((Recorded *) g_ptr_array_index (posts, 0))->body, NULL);
    g_assert_cmpstr (json_object_get_string_member (json_node_get_object (sent), "description"), ==, "");
    g_assert_cmpstr (json_object_get_string_member (json_node_get_object (sent), "comment"), ==, "");
  }
  fetched = fixture_get_vm (fixture, aero_vm_get_id (saved), FALSE);
  g_assert_cmpstr (aero_vm_get_name (fetched), ==, "fresh-01");
  g_assert_cmpstr (aero_vm_get_description (fetched), ==, "");
  g_assert_cmpint (aero_memory_policy_get_ballooning (aero_vm_get_memory_policy (fetched)),
                   ==, AERO_TRISTATE_TRUE);
}

static void
saved_cb (AeroVmDialog *dialog,
          GObject      *object,
          gboolean     *flag)
{
  *flag = TRUE;
}

static void
test_edit_put_body (DialogFixture *fixture,
                    gconstpointer  data)
{
  g_autoptr(AeroVm) before = NULL;
  g_autoptr(AeroVm) after = NULL;
  g_autoptr(JsonNode) body = NULL;
  g_autofree char *text = NULL;
  AeroVmDialog *dialog;
  gboolean *closed;
  gboolean was_saved = FALSE;

  dialog = open_edit (fixture, "web-03");
  before = aero_vm_copy (aero_vm_edit_get_vm (aero_vm_dialog_get_edit (dialog)));
  closed = watch_destroy (dialog);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==, "Edit Virtual Machine – web-03");

  /* Nothing edited: nothing to send. */
  g_assert_null (aero_vm_edit_build_body (aero_vm_dialog_get_edit (dialog)));

  set_text (dialog, "description_row", "front end");
  gtk_check_button_set_active (balloon_check (dialog), FALSE);

  body = aero_vm_edit_build_body (aero_vm_dialog_get_edit (dialog));
  text = json_text (body);
  g_assert_cmpstr (text, ==,
                   "{\"description\":\"front end\",\"memory_policy\":{\"ballooning\":\"false\"}}");

  g_signal_connect (dialog, "saved", G_CALLBACK (saved_cb), &was_saved);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.ok", NULL);
  /* A down VM: no confirmation, straight to the PUT. */
  g_assert_null (aero_vm_dialog_get_pending_dialog (dialog));
  aero_test_wait_flag (closed, "the dialog to close");
  g_free (closed);
  g_assert_true (was_saved);

  /* On the wire: one PUT, no next_run, exactly those members. */
  {
    g_autoptr(GPtrArray) puts = recorded_with_method (fixture, "PUT");
    g_autoptr(GPtrArray) posts = recorded_with_method (fixture, "POST");
    g_autofree char *path = g_strdup_printf ("/ovirt-engine/api/vms/%s", aero_vm_get_id (before));
    g_autofree char *sent = NULL;
    Recorded *put;

    g_assert_cmpuint (puts->len, ==, 1);
    g_assert_cmpuint (posts->len, ==, 0);
    put = g_ptr_array_index (puts, 0);
    g_assert_cmpstr (put->path, ==, path);
    g_assert_null (put->query);
    sent = normalised_json (put->body);
    g_assert_cmpstr (sent, ==,
                     "{\"description\":\"front end\",\"memory_policy\":{\"ballooning\":\"false\"}}");
  }

  /* Only those two members changed on the engine. */
  after = fixture_get_vm (fixture, aero_vm_get_id (before), FALSE);
  g_assert_cmpstr (aero_vm_get_description (after), ==, "front end");
  g_assert_cmpint (aero_memory_policy_get_ballooning (aero_vm_get_memory_policy (after)), ==, AERO_TRISTATE_FALSE);
  g_assert_cmpstr (aero_vm_get_name (after), ==, aero_vm_get_name (before));
  g_assert_cmpstr (aero_vm_get_comment (after), ==, aero_vm_get_comment (before));
  g_assert_cmpint (aero_vm_get_memory (after), ==, aero_vm_get_memory (before));
  g_assert_cmpint (vm_guaranteed (after), ==, vm_guaranteed (before));
  g_assert_cmpint (vm_max_memory (after), ==, vm_max_memory (before));
  g_assert_cmpint (aero_vm_get_vm_type (after), ==, aero_vm_get_vm_type (before));
  g_assert_cmpint (aero_vm_get_cpu_sockets (after), ==, aero_vm_get_cpu_sockets (before));
  g_assert_cmpint (aero_vm_get_cpu_shares (after), ==, aero_vm_get_cpu_shares (before));
  g_assert_cmpstr (aero_vm_get_cluster_id (after), ==, aero_vm_get_cluster_id (before));
}

/* OK in the Pending Changes question: it closes, and so does the VM
 * dialog (@closed, from watch_destroy (), is freed). */
static void
accept_pending (AeroNextRunDialog *pending,
                gboolean          *closed)
{
  gboolean *pending_closed = watch_destroy (pending);

  gtk_widget_activate_action (GTK_WIDGET (pending), "dialog.ok", NULL);
  aero_test_wait_flag (pending_closed, "the pending dialog to close");
  aero_test_wait_flag (closed, "the dialog to close");
  g_free (closed);
  g_free (pending_closed);
}

static void
test_next_run (DialogFixture *fixture,
               gconstpointer  data)
{
  AeroVmDialog *dialog = open_edit (fixture, "web-01");
  g_autoptr(AeroVm) now = NULL;
  g_autoptr(AeroVm) next = NULL;
  g_auto(GStrv) now_labels = NULL;
  g_auto(GStrv) later_labels = NULL;
  AeroNextRunDialog *pending;
  gboolean *closed = watch_destroy (dialog);
  g_autofree char *id = g_strdup (aero_vm_get_id (aero_vm_edit_get_vm (aero_vm_dialog_get_edit (dialog))));

  set_text (dialog, "description_row", "changed live");
  gtk_check_button_set_active (balloon_check (dialog), FALSE);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.ok", NULL);

  pending = AERO_NEXT_RUN_DIALOG (aero_vm_dialog_get_pending_dialog (dialog));
  g_assert_nonnull (pending);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (pending)), ==, "Pending Virtual Machine changes");
  g_assert_false (aero_vm_dialog_get_busy (dialog));

  now_labels = aero_next_run_dialog_dup_now_labels (pending);
  later_labels = aero_next_run_dialog_dup_later_labels (pending);
  g_assert_true (g_strv_contains ((const char * const *) now_labels, "Description"));
  g_assert_true (g_strv_contains ((const char * const *) later_labels, BALLOON_LABEL));
  g_assert_false (g_strv_contains ((const char * const *) now_labels, BALLOON_LABEL));

  accept_pending (pending, closed);

  {
    g_autoptr(GPtrArray) puts = recorded_with_method (fixture, "PUT");

    /* One PUT; the engine keeps for the restart what cannot go live. */
    g_assert_cmpuint (puts->len, ==, 1);
    g_assert_null (((Recorded *) g_ptr_array_index (puts, 0))->query);
  }

  now = fixture_get_vm (fixture, id, FALSE);
  next = fixture_get_vm (fixture, id, TRUE);
  g_assert_cmpstr (aero_vm_get_description (now), ==, "changed live");
  /* Still on in the running configuration, off after the restart. */
  g_assert_cmpint (aero_memory_policy_get_ballooning (aero_vm_get_memory_policy (now)), ==, AERO_TRISTATE_TRUE);
  g_assert_cmpint (aero_vm_get_next_run_configuration_exists (now), ==, AERO_TRISTATE_TRUE);
  g_assert_cmpint (aero_memory_policy_get_ballooning (aero_vm_get_memory_policy (next)), ==, AERO_TRISTATE_FALSE);
}

static void
test_next_run_apply_later (DialogFixture *fixture,
                           gconstpointer  data)
{
  AeroVmDialog *dialog = open_edit (fixture, "web-01");
  AeroNextRunDialog *pending;
  gboolean *closed = watch_destroy (dialog);
  g_auto(GStrv) now_labels = NULL;
  g_auto(GStrv) later_labels = NULL;
  g_autoptr(GPtrArray) puts = NULL;

  /* A memory increase is hot-pluggable; the admin keeps it for later. */
  set_spin (dialog, "memory_spin", 6144);
  gtk_check_button_set_active (balloon_check (dialog), FALSE);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.ok", NULL);
  pending = AERO_NEXT_RUN_DIALOG (aero_vm_dialog_get_pending_dialog (dialog));
  g_assert_nonnull (pending);

  now_labels = aero_next_run_dialog_dup_now_labels (pending);
  g_assert_true (g_strv_contains ((const char * const *) now_labels, "Memory Size"));
  g_assert_true (gtk_widget_get_visible (get_widget (pending, "apply_later_group")));

  aero_next_run_dialog_set_apply_later (pending, TRUE);
  later_labels = aero_next_run_dialog_dup_later_labels (pending);
  g_assert_true (g_strv_contains ((const char * const *) later_labels, "Memory Size"));
  g_assert_true (g_strv_contains ((const char * const *) later_labels, BALLOON_LABEL));

  gtk_widget_activate_action (GTK_WIDGET (pending), "dialog.ok", NULL);
  aero_test_wait_flag (closed, "the dialog to close");
  g_free (closed);

  puts = recorded_with_method (fixture, "PUT");
  g_assert_cmpuint (puts->len, ==, 1);
  g_assert_cmpstr (((Recorded *) g_ptr_array_index (puts, 0))->query, ==, "next_run=true");
}

/* Issue 13: on running web-02, Memory Size 4096 -> 8192 keeps the
 * maximum (webadmin leaves a running VM's maximum alone), and the derived
 * guaranteed memory is named under Memory Size and in the pending list;
 * the PUT carries only those two. */
static void
test_memory_note_running (DialogFixture *fixture,
                          gconstpointer  data)
{
  AeroVmDialog *dialog = open_edit (fixture, "web-02");
  AeroVmEdit *edit = aero_vm_dialog_get_edit (dialog);
  g_autoptr(AeroVm) next = NULL;
  g_auto(GStrv) later_labels = NULL;
  g_auto(GStrv) now_labels = NULL;
  g_autofree char *id = g_strdup (aero_vm_get_id (aero_vm_edit_get_vm (edit)));
  g_autofree char *expected_note = NULL;
  g_autofree char *expected_body = NULL;
  gint64 max_before = aero_vm_edit_get_max_memory (edit);
  gint64 guaranteed;
  AeroNextRunDialog *pending;
  gboolean *closed = watch_destroy (dialog);

  g_assert_cmpint (aero_vm_edit_get_memory_mb (edit), ==, 4096);
  g_assert_false (gtk_widget_get_visible (get_widget (dialog, "memory_note_row")));

  set_spin (dialog, "memory_spin", 8192);
  guaranteed = aero_vm_edit_get_guaranteed (edit);
  g_assert_cmpint (guaranteed, !=, aero_memory_policy_get_guaranteed (aero_vm_get_memory_policy (aero_vm_edit_get_vm (edit))));
  g_assert_cmpint (aero_vm_edit_get_max_memory (edit), ==, max_before);
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (get_widget (dialog, "max_memory_spin"))),
                     ==, max_before / (1024 * 1024));
  expected_note = g_strdup_printf ("Guaranteed memory will become %" G_GINT64_FORMAT " MiB",
                                   guaranteed / (1024 * 1024));
  g_assert_true (gtk_widget_get_visible (get_widget (dialog, "memory_note_row")));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (get_widget (dialog, "memory_note"))), ==, expected_note);
  assert_description (get_widget (dialog, "memory_spin"), expected_note);

  gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.ok", NULL);
  pending = AERO_NEXT_RUN_DIALOG (aero_vm_dialog_get_pending_dialog (dialog));
  g_assert_nonnull (pending);
  now_labels = aero_next_run_dialog_dup_now_labels (pending);
  later_labels = aero_next_run_dialog_dup_later_labels (pending);
  g_assert_true (g_strv_contains ((const char * const *) now_labels, "Memory Size"));
  g_assert_true (g_strv_contains ((const char * const *) now_labels, "Physical Memory Guaranteed"));
  g_assert_false (g_strv_contains ((const char * const *) now_labels, "Maximum Memory"));
  g_assert_false (g_strv_contains ((const char * const *) later_labels, "Maximum Memory"));

  aero_next_run_dialog_set_apply_later (pending, TRUE);
  gtk_widget_activate_action (GTK_WIDGET (pending), "dialog.ok", NULL);
  aero_test_wait_flag (closed, "the dialog to close");
  g_free (closed);

  {
    g_autoptr(GPtrArray) puts = recorded_with_method (fixture, "PUT");
    g_autofree char *sent = NULL;

    g_assert_cmpuint (puts->len, ==, 1);
    g_assert_cmpstr (((Recorded *) g_ptr_array_index (puts, 0))->query, ==, "next_run=true");
    sent = normalised_json (((Recorded *) g_ptr_array_index (puts, 0))->body);
    expected_body = g_strdup_printf ("{\"memory\":\"8589934592\",\"memory_policy\":"
                                     "{\"guaranteed\":\"%" G_GINT64_FORMAT "\"}}", guaranteed);
    g_assert_cmpstr (sent, ==, expected_body);
  }

  next = fixture_get_vm (fixture, id, TRUE);
  g_assert_cmpint (aero_vm_get_memory (next), ==, (gint64) 8192 * 1024 * 1024);
  g_assert_cmpint (vm_max_memory (next), ==, max_before);
  g_assert_cmpint (vm_guaranteed (next), ==, guaranteed);
}

/* Issue 13: leaving the name empty shows the required-field error. */
static void
test_required_after_leaving (DialogFixture *fixture,
                             gconstpointer  data)
{
  AeroVmDialog *dialog = open_new (fixture);

  gtk_widget_grab_focus (get_widget (dialog, "name_row"));
  settle ();
  g_assert_false (gtk_widget_get_visible (get_widget (dialog, "name_error_row")));
  gtk_widget_grab_focus (get_widget (dialog, "description_row"));
  settle ();
  g_assert_true (gtk_widget_get_visible (get_widget (dialog, "name_error_row")));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (get_widget (dialog, "name_error"))),
                   ==, "This field can't be empty.");
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* Issue 13: greyed spin buttons are disabled for assistive technologies
 * too, not only their rows. */
static void
test_greyed_spins_accessible (DialogFixture *fixture,
                              gconstpointer  data)
{
  AeroVmDialog *dialog = open_edit (fixture, "legacy-web");
  AeroVmEdit *edit = aero_vm_dialog_get_edit (dialog);

  /* Below 4.1 there is no maximum memory to edit. */
  g_assert_false (aero_vm_edit_get_max_memory_sensitive (edit));
  assert_disabled (get_widget (dialog, "max_memory_spin"), TRUE);

  /* Custom CPU Shares only with the Custom level. */
  aero_vm_edit_set_cpu_shares_level (edit, AERO_CPU_SHARES_LOW);
  assert_disabled (get_widget (dialog, "custom_shares_spin"), TRUE);
  aero_vm_edit_set_cpu_shares_level (edit, AERO_CPU_SHARES_CUSTOM);
  assert_disabled (get_widget (dialog, "custom_shares_spin"), FALSE);
  gtk_window_destroy (GTK_WINDOW (dialog));

  dialog = open_edit (fixture, "web-03");
  assert_disabled (get_widget (dialog, "max_memory_spin"), FALSE);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_next_run_cancel_keeps_edits (DialogFixture *fixture,
                                  gconstpointer  data)
{
  AeroVmDialog *dialog = open_edit (fixture, "web-01");
  GtkWindow *pending;

  gtk_check_button_set_active (balloon_check (dialog), FALSE);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.ok", NULL);
  pending = aero_vm_dialog_get_pending_dialog (dialog);
  g_assert_nonnull (pending);
  gtk_widget_activate_action (GTK_WIDGET (pending), "dialog.cancel", NULL);
  settle ();

  g_assert_null (aero_vm_dialog_get_pending_dialog (dialog));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  g_assert_false (gtk_check_button_get_active (balloon_check (dialog)));
  g_assert_false (aero_vm_dialog_get_busy (dialog));
  {
    g_autoptr(GPtrArray) puts = recorded_with_method (fixture, "PUT");

    g_assert_cmpuint (puts->len, ==, 0);
  }
}

static void
test_fault_kept (DialogFixture *fixture,
                 gconstpointer  data)
{
  AeroVmDialog *dialog = open_edit (fixture, "web-03");
  g_autoptr(AeroVm) after = NULL;
  g_autofree char *id = g_strdup (aero_vm_get_id (aero_vm_edit_get_vm (aero_vm_dialog_get_edit (dialog))));
  gboolean *closed = watch_destroy (dialog);
  GtkRevealer *banner = GTK_REVEALER (get_widget (dialog, "banner_revealer"));

  /* Another VM's name: the engine refuses. */
  set_text (dialog, "name_row", "web-01");
  set_text (dialog, "comment_row", "keep me");
  set_spin (dialog, "memory_spin", 6144);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.ok", NULL);
  g_assert_true (aero_vm_dialog_get_busy (dialog));
  while (aero_vm_dialog_get_busy (dialog) && !*closed)
    g_main_context_iteration (NULL, TRUE);

  g_assert_false (*closed);
  g_assert_true (gtk_revealer_get_reveal_child (banner));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (get_widget (dialog, "banner_reason"))), !=, "");
  /* Announced to screen readers as it appears. */
  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (get_widget (dialog, "banner"))),
                   ==, GTK_ACCESSIBLE_ROLE_ALERT);
  g_test_message ("fault: %s / %s",
                  gtk_label_get_text (GTK_LABEL (get_widget (dialog, "banner_reason"))),
                  gtk_label_get_text (GTK_LABEL (get_widget (dialog, "banner_detail"))));
  /* A refusal is not retried. */
  g_assert_false (gtk_widget_get_visible (get_widget (dialog, "banner_retry")));

  /* Every edit is intact and OK can be pressed again. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (get_widget (dialog, "name_row"))), ==, "web-01");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (get_widget (dialog, "comment_row"))), ==, "keep me");
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (get_widget (dialog, "memory_spin"))), ==, 6144);
  g_assert_true (gtk_widget_get_sensitive (get_widget (dialog, "main_stack")));
  g_assert_true (ok_enabled (dialog));

  after = fixture_get_vm (fixture, id, FALSE);
  g_assert_cmpstr (aero_vm_get_name (after), ==, "web-03");

  /* Fixing the name saves, and the banner goes. */
  set_text (dialog, "name_row", "web-03b");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.ok", NULL);
  aero_test_wait_flag (closed, "the dialog to close");
  g_free (closed);
}

static gboolean
name_marked (AeroVmDialog *dialog)
{
  return gtk_widget_has_css_class (get_widget (dialog, "name_row"), "error")
         && gtk_widget_get_visible (get_widget (dialog, "name_error_row"));
}

static void
press_ok_and_wait (AeroVmDialog *dialog,
                   gboolean     *closed)
{
  gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.ok", NULL);
  g_assert_true (aero_vm_dialog_get_busy (dialog));
  while (aero_vm_dialog_get_busy (dialog) && !*closed)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (*closed);
}

/* The engine's "name is already in use" names a field: Name is marked
 * beside the card, and changing Name (only Name) answers it. */
static void
test_fault_marks_name (DialogFixture *fixture,
                       gconstpointer  data)
{
  AeroVmDialog *dialog = open_edit (fixture, "web-03");
  gboolean *closed = watch_destroy (dialog);
  GtkRevealer *banner = GTK_REVEALER (get_widget (dialog, "banner_revealer"));
  AeroVmDialog *new_vm;
  gboolean *new_closed;

  g_assert_false (name_marked (dialog));
  set_text (dialog, "name_row", "web-01");
  set_text (dialog, "comment_row", "keep me");
  press_ok_and_wait (dialog, closed);

  /* PUT refused: card shown, Name marked with a sentence of its own. */
  g_assert_true (gtk_revealer_get_reveal_child (banner));
  g_assert_cmpstr (aero_edit_dialog_get_marked_field (AERO_EDIT_DIALOG (dialog)), ==, "name");
  g_assert_true (name_marked (dialog));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (get_widget (dialog, "name_error"))), !=, "");
  assert_description (get_widget (dialog, "name_row"),
                      gtk_label_get_text (GTK_LABEL (get_widget (dialog, "name_error"))));
  g_assert_true (gtk_test_accessible_has_state (GTK_ACCESSIBLE (get_widget (dialog, "name_row")),
                                                GTK_ACCESSIBLE_STATE_INVALID));

  /* Another field changed: the fault still holds. */
  set_text (dialog, "comment_row", "keep me too");
  g_assert_true (gtk_revealer_get_reveal_child (banner));
  g_assert_true (name_marked (dialog));

  /* Name changed: card and mark go; every edit stays. */
  set_text (dialog, "name_row", "web-01x");
  g_assert_false (gtk_revealer_get_reveal_child (banner));
  g_assert_false (name_marked (dialog));
  g_assert_null (aero_edit_dialog_get_marked_field (AERO_EDIT_DIALOG (dialog)));
  g_assert_false (gtk_test_accessible_has_property (GTK_ACCESSIBLE (get_widget (dialog, "name_row")),
                                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (get_widget (dialog, "name_row"))), ==, "web-01x");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (get_widget (dialog, "comment_row"))), ==, "keep me too");
  g_assert_true (ok_enabled (dialog));
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_free (closed);

  /* POST refused the same way, and marks the same field. */
  new_vm = open_new (fixture);
  new_closed = watch_destroy (new_vm);
  set_text (new_vm, "name_row", "web-02");
  press_ok_and_wait (new_vm, new_closed);
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (get_widget (new_vm, "banner_revealer"))));
  g_assert_true (name_marked (new_vm));
  set_text (new_vm, "name_row", "web-02x");
  g_assert_false (name_marked (new_vm));
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (get_widget (new_vm, "banner_revealer"))));
  gtk_window_destroy (GTK_WINDOW (new_vm));
  g_free (new_closed);
}

static void
test_dropped_connection (DialogFixture *fixture,
                         gconstpointer  data)
{
  AeroVmDialog *dialog = open_edit (fixture, "web-03");
  gboolean *closed = watch_destroy (dialog);

  set_text (dialog, "description_row", "after the outage");
  /* The engine goes away: nothing answers on its port any more. */
  soup_server_disconnect (fixture->proxy);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.ok", NULL);
  while (aero_vm_dialog_get_busy (dialog) && !*closed)
    g_main_context_iteration (NULL, TRUE);

  g_assert_false (*closed);
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (get_widget (dialog, "banner_revealer"))));
  g_assert_true (gtk_widget_get_visible (get_widget (dialog, "banner_retry")));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (get_widget (dialog, "description_row"))),
                   ==, "after the outage");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_true (*closed);
  g_free (closed);
}

static void
test_retry_after_outage (DialogFixture *fixture,
                         gconstpointer  data)
{
  AeroVmDialog *dialog = open_edit (fixture, "web-03");
  gboolean *closed = watch_destroy (dialog);
  guint port = aero_demo_engine_get_port (fixture->demo);
  g_autoptr(GError) error = NULL;
  g_autoptr(AeroVm) after = NULL;
  g_autofree char *id = g_strdup (aero_vm_get_id (aero_vm_edit_get_vm (aero_vm_dialog_get_edit (dialog))));

  /* The engine is down behind a gateway that answers 502. */
  set_text (dialog, "description_row", "saved on the second try");
  aero_demo_engine_stop (fixture->demo);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.ok", NULL);
  while (aero_vm_dialog_get_busy (dialog) && !*closed)
    g_main_context_iteration (NULL, TRUE);

  g_assert_false (*closed);
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (get_widget (dialog, "banner_revealer"))));
  g_assert_true (gtk_widget_get_visible (get_widget (dialog, "banner_retry")));

  /* Back up on the same port: Retry sends the same edit. */
  g_assert_true (aero_demo_engine_start (fixture->demo, "127.0.0.1", port, &error));
  g_assert_no_error (error);
  /* Pressed once the banner has slid in. */
  while (!gtk_widget_get_mapped (get_widget (dialog, "banner_retry")))
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (gtk_widget_activate (get_widget (dialog, "banner_retry")));
  aero_test_wait_flag (closed, "the dialog to close");
  g_free (closed);

  after = fixture_get_vm (fixture, id, FALSE);
  g_assert_cmpstr (aero_vm_get_description (after), ==, "saved on the second try");
}

static void
test_template_mode (DialogFixture *fixture,
                    gconstpointer  data)
{
  g_autoptr(AeroTemplate) tmpl = find_by_name (fixture->templates, "rhel9-server");
  AeroVmDialog *dialog = aero_vm_dialog_new_for_template (fixture->engine, tmpl, fixture->clusters);
  GtkWidget *reason;
  GtkStackPage *page;

  gtk_window_present (GTK_WINDOW (dialog));
  wait_signal (dialog, "loaded");

  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==, "Edit Template – rhel9-server");
  g_assert_cmpint (aero_vm_edit_get_mode (aero_vm_dialog_get_edit (dialog)), ==, AERO_VM_EDIT_TEMPLATE);

  /* The demo engine (4.5) stores a template's memory_policy: the tab is
   * the admin's. */
  g_assert_true (aero_vm_edit_get_resource_allocation_editable (aero_vm_dialog_get_edit (dialog)));
  g_assert_true (gtk_widget_get_sensitive (get_widget (dialog, "resources_page")));
  g_assert_false (gtk_widget_get_visible (get_widget (dialog, "resources_reason")));
  g_assert_true (gtk_widget_get_sensitive (get_widget (dialog, "balloon_check")));
  g_assert_false (gtk_widget_get_visible (get_widget (dialog, "template_row")));

  /* An engine before 3.6.1 cannot: the tab is there, its content greyed,
   * the reason in words. */
  {
    AeroEngineVersion old_engine;

    g_assert_true (aero_engine_version_parse ("3.6.0", &old_engine));
    aero_vm_edit_follow_engine (aero_vm_dialog_get_edit (dialog), &old_engine);
  }
  page = gtk_stack_get_page (GTK_STACK (get_widget (dialog, "tabs")),
                             gtk_stack_get_child_by_name (GTK_STACK (get_widget (dialog, "tabs")), "resources"));
  g_assert_true (gtk_stack_page_get_visible (page));
  g_assert_false (gtk_widget_get_sensitive (get_widget (dialog, "resources_page")));
  reason = get_widget (dialog, "resources_reason");
  g_assert_true (gtk_widget_get_visible (reason));
  g_assert_true (gtk_widget_is_sensitive (reason));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (reason)), ==, OLD_ENGINE_REASON);
  /* One reason, the template's: none about a level under the check box,
   * and the screen reader hears the template's reason for it too. */
  g_assert_false (gtk_widget_get_visible (get_widget (dialog, "balloon_reason")));
  assert_description (get_widget (dialog, "balloon_check"), OLD_ENGINE_REASON);
  assert_disabled (get_widget (dialog, "guaranteed_spin"), TRUE);

  /* Memory below the guaranteed memory it cannot reach: the reason is at
   * Memory Size, and the Resource Allocation tab is not marked. */
  set_spin (dialog, "memory_spin", 1024);
  g_assert_false (ok_enabled (dialog));
  g_assert_true (gtk_widget_get_visible (get_widget (dialog, "memory_error_row")));
  g_assert_false (gtk_widget_get_visible (get_widget (dialog, "guaranteed_error_row")));
  g_assert_false (gtk_stack_page_get_needs_attention (page));
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* Blank has no cluster: still no "(this cluster: unknown)". */
  {
    g_autoptr(AeroTemplate) blank = find_by_name (fixture->templates, "Blank");

    dialog = aero_vm_dialog_new_for_template (fixture->engine, blank, fixture->clusters);
    gtk_window_present (GTK_WINDOW (dialog));
    wait_signal (dialog, "loaded");
    g_assert_false (gtk_widget_get_visible (get_widget (dialog, "balloon_reason")));
    gtk_window_destroy (GTK_WINDOW (dialog));
  }

  dialog = aero_vm_dialog_new_for_template (fixture->engine, tmpl, fixture->clusters);
  gtk_window_present (GTK_WINDOW (dialog));
  wait_signal (dialog, "loaded");

  /* The template saves, its resource allocation included: only what
   * changed goes, and the engine stores it. */
  {
    gboolean *closed = watch_destroy (dialog);
    g_autoptr(GPtrArray) puts = NULL;
    g_autoptr(GAsyncResult) result = NULL;
    g_autoptr(AeroTemplate) stored = NULL;
    g_autoptr(GError) error = NULL;
    g_autofree char *sent = NULL;
    GAsyncResult *slot = NULL;

    set_text (dialog, "description_row", "RHEL 9 server, edited");
    set_spin (dialog, "guaranteed_spin", 1024);
    gtk_check_button_set_active (balloon_check (dialog), FALSE);
    gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.ok", NULL);
    aero_test_wait_flag (closed, "the dialog to close");
    g_free (closed);

    puts = recorded_with_method (fixture, "PUT");
    g_assert_cmpuint (puts->len, ==, 1);
    sent = normalised_json (((Recorded *) g_ptr_array_index (puts, 0))->body);
    g_assert_cmpstr (sent, ==,
                     "{\"description\":\"RHEL 9 server, edited\","
                     "\"memory_policy\":{\"guaranteed\":\"1073741824\",\"ballooning\":\"false\"}}");

    aero_engine_get_template_async (fixture->engine, aero_template_get_id (tmpl), NULL, aero_test_store_result, &slot);
    result = wait_result (&slot, "the template");
    stored = aero_engine_get_template_finish (fixture->engine, result, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (aero_template_get_description (stored), ==, "RHEL 9 server, edited");
    g_assert_cmpint (aero_memory_policy_get_guaranteed (aero_template_get_memory_policy (stored)), ==,
                     (gint64) 1024 * 1024 * 1024);
    g_assert_cmpint (aero_memory_policy_get_ballooning (aero_template_get_memory_policy (stored)), ==,
                     AERO_TRISTATE_FALSE);
  }
}

static void
test_escape_asks (DialogFixture *fixture,
                  gconstpointer  data)
{
  AeroVmDialog *dialog = open_edit (fixture, "web-03");
  gboolean *closed = watch_destroy (dialog);
  GtkWindow *question;

  set_text (dialog, "description_row", "unsaved");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.cancel", NULL);
  question = aero_vm_dialog_get_discard_dialog (dialog);
  g_assert_nonnull (question);
  g_assert_true (ADW_IS_MESSAGE_DIALOG (question));
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (question)), ==, "Discard changes?");
  g_assert_false (*closed);

  /* Keep editing: everything stays. */
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (question), "keep");
  settle ();
  g_assert_false (*closed);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (get_widget (dialog, "description_row"))), ==, "unsaved");

  gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.cancel", NULL);
  question = aero_vm_dialog_get_discard_dialog (dialog);
  g_assert_nonnull (question);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (question), "discard");
  aero_test_wait_flag (closed, "the dialog to close");
  g_free (closed);

  /* No edits: Escape closes at once. */
  dialog = open_edit (fixture, "web-04");
  closed = watch_destroy (dialog);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.cancel", NULL);
  g_assert_true (*closed);
  g_free (closed);
}

static gboolean
tab_needs_attention (AeroVmDialog *dialog,
                     const char   *name)
{
  GtkStack *tabs = GTK_STACK (get_widget (dialog, "tabs"));

  return gtk_stack_page_get_needs_attention (gtk_stack_get_page (tabs, gtk_stack_get_child_by_name (tabs, name)));
}

/* The engine refuses to move a running VM to another cluster: OK greys,
 * and the reason shows under the Cluster row, not nowhere. */
static void
test_running_cluster_error (DialogFixture *fixture,
                            gconstpointer  data)
{
  AeroVmDialog *dialog = open_edit (fixture, "web-01");
  AeroVmEdit *edit = aero_vm_dialog_get_edit (dialog);
  GtkWidget *row = get_widget (dialog, "cluster_error_row");

  g_assert_true (ok_enabled (dialog));
  g_assert_false (gtk_widget_get_visible (row));

  select_cluster (fixture, dialog, "Stable");
  g_assert_nonnull (aero_vm_edit_get_cluster_error (edit));
  g_assert_false (ok_enabled (dialog));
  g_assert_true (gtk_widget_get_visible (row));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (get_widget (dialog, "cluster_error"))),
                   ==, aero_vm_edit_get_cluster_error (edit));
  g_assert_true (tab_needs_attention (dialog, "general"));

  select_cluster (fixture, dialog, "Default");
  g_assert_false (gtk_widget_get_visible (row));
  g_assert_false (tab_needs_attention (dialog, "general"));
  g_assert_true (ok_enabled (dialog));
}

/* An error on a tab that is not shown still explains the grey OK: the
 * sidebar marks its tab. */
static void
test_tab_needs_attention (DialogFixture *fixture,
                          gconstpointer  data)
{
  AeroVmDialog *dialog = open_new (fixture);

  set_text (dialog, "name_row", "attention");
  g_assert_false (tab_needs_attention (dialog, "system"));
  set_spin (dialog, "memory_spin", 0);
  g_assert_true (tab_needs_attention (dialog, "system"));
  g_assert_false (tab_needs_attention (dialog, "general"));
  set_spin (dialog, "memory_spin", 2048);
  g_assert_false (tab_needs_attention (dialog, "system"));

  set_spin (dialog, "guaranteed_spin", 4096);
  g_assert_true (tab_needs_attention (dialog, "resources"));
  set_spin (dialog, "guaranteed_spin", 1024);
  g_assert_false (tab_needs_attention (dialog, "resources"));

  set_text (dialog, "name_row", "bad name!");
  g_assert_true (tab_needs_attention (dialog, "general"));
}

static char *
selected_text (GtkWidget *combo_row)
{
  AdwComboRow *row = ADW_COMBO_ROW (combo_row);
  GObject *item = adw_combo_row_get_selected_item (row);

  return item != NULL ? g_strdup (gtk_string_object_get_string (GTK_STRING_OBJECT (item))) : NULL;
}

/* Issue 13: a VM judged by its own custom level shows it on General,
 * editable, and the balloon reason names it as the source. */
static void
test_custom_compatibility (DialogFixture *fixture,
                           gconstpointer  data)
{
  AeroVmDialog *dialog = open_edit (fixture, "compat-legacy");
  GtkWidget *row = get_widget (dialog, "custom_compat_row");
  g_autofree char *text = selected_text (row);
  g_autofree char *id = g_strdup (aero_vm_get_id (aero_vm_edit_get_vm (aero_vm_dialog_get_edit (dialog))));
  g_autoptr(AeroVm) stored = NULL;
  g_autoptr(GPtrArray) puts = NULL;
  g_autofree char *sent = NULL;
  gboolean *closed;

  g_assert_true (gtk_widget_get_visible (row));
  g_assert_cmpstr (text, ==, "3.0");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (get_widget (dialog, "balloon_reason"))), ==,
                   "Memory ballooning requires compatibility version 3.1 or later "
                   "(this virtual machine's custom compatibility version: 3.0).");
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (balloon_check (dialog))));

  /* "None": the cluster's level (4.7) applies, the balloon box opens. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), 0);
  g_assert_null (aero_vm_edit_get_custom_compatibility_version (aero_vm_dialog_get_edit (dialog)));
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (balloon_check (dialog))));
  g_assert_false (gtk_widget_get_visible (get_widget (dialog, "balloon_reason")));

  closed = watch_destroy (dialog);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.ok", NULL);
  if (aero_vm_dialog_get_pending_dialog (dialog) != NULL)
    gtk_widget_activate_action (GTK_WIDGET (aero_vm_dialog_get_pending_dialog (dialog)), "dialog.ok", NULL);
  aero_test_wait_flag (closed, "the dialog to close");
  g_free (closed);
  puts = recorded_with_method (fixture, "PUT");
  g_assert_cmpuint (puts->len, ==, 1);
  sent = normalised_json (((Recorded *) g_ptr_array_index (puts, 0))->body);
  g_assert_cmpstr (sent, ==, "{\"custom_compatibility_version\":{}}");
  stored = fixture_get_vm (fixture, id, FALSE);
  if (aero_vm_get_next_run_configuration_exists (stored) == AERO_TRISTATE_TRUE)
    {
      g_clear_object (&stored);
      stored = fixture_get_vm (fixture, id, TRUE);
    }
  g_assert_null (aero_vm_get_custom_compatibility_version (stored));
  recorded_reset (fixture);

  dialog = open_edit (fixture, "app-42");
  g_clear_pointer (&text, g_free);
  text = selected_text (get_widget (dialog, "custom_compat_row"));
  g_assert_cmpstr (text, ==, "4.2");
  gtk_window_destroy (GTK_WINDOW (dialog));

  dialog = open_edit (fixture, "web-03");
  g_clear_pointer (&text, g_free);
  text = selected_text (get_widget (dialog, "custom_compat_row"));
  g_assert_cmpstr (text, ==, "None");
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_keyboard_tab_stops (DialogFixture *fixture,
                         gconstpointer  data)
{
  AeroVmDialog *dialog = open_new (fixture);

  assert_no_frame_tab_stops (GTK_WIDGET (dialog));
}

static GtkWidget *
first_list_box (GtkWidget *widget)
{
  if (GTK_IS_LIST_BOX (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = first_list_box (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
assert_label (gpointer    widget,
              const char *expected)
{
  g_autofree char *problem = gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget),
                                                                 GTK_ACCESSIBLE_PROPERTY_LABEL,
                                                                 expected);

  if (problem != NULL)
    g_error ("accessible label: %s", problem);
}

/* Screen readers hear the tabs by their names, and the General list by
 * a name rather than "GtkListBox". */
static void
test_accessible_names (DialogFixture *fixture,
                       gconstpointer  data)
{
  const char *tabs[] = { "General", "System", "Resource Allocation" };
  AeroVmDialog *dialog = open_new (fixture);
  GtkWidget *sidebar_list = first_list_box (get_widget (dialog, "sidebar"));
  GtkWidget *row;
  guint i = 0;

  g_assert_nonnull (sidebar_list);
  for (row = gtk_widget_get_first_child (sidebar_list); row != NULL; row = gtk_widget_get_next_sibling (row))
    if (GTK_IS_LIST_BOX_ROW (row))
      {
        g_assert_cmpuint (i, <, G_N_ELEMENTS (tabs));
        assert_label (row, tabs[i++]);
      }
  g_assert_cmpuint (i, ==, G_N_ELEMENTS (tabs));

  assert_label (first_list_box (get_widget (dialog, "general_group")), "General");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (get_widget (dialog, "balloon_row"))),
                   ==, BALLOON_LABEL);
}

/* Tab from a sidebar tab enters the page it shows (in GTK 4 it walked to
 * the next tab, which switched the page: System was out of reach). */
static void
test_keyboard_tab_enters_page (DialogFixture *fixture,
                               gconstpointer  data)
{
  AeroVmDialog *dialog = open_edit (fixture, "web-03");
  GtkStack *tabs = GTK_STACK (get_widget (dialog, "tabs"));
  GtkWidget *sidebar = get_widget (dialog, "sidebar");
  GtkWidget *focus;
  GListModel *controllers = gtk_widget_observe_controllers (sidebar);
  gboolean tab_bound = FALSE;

  /* The Tab key of the sidebar runs dialog.focus-page. */
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          g_autofree char *trigger = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));
          g_autofree char *action = gtk_shortcut_action_to_string (gtk_shortcut_get_action (shortcut));

          if (g_strcmp0 (trigger, "Tab") == 0 && g_strcmp0 (action, "action(dialog.focus-page)") == 0)
            tab_bound = TRUE;
        }
    }
  g_object_unref (controllers);
  g_assert_true (tab_bound);

  gtk_stack_set_visible_child_name (tabs, "system");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.focus-page", NULL);
  focus = gtk_window_get_focus (GTK_WINDOW (dialog));
  g_assert_nonnull (focus);
  g_assert_true (gtk_widget_is_ancestor (focus, gtk_stack_get_child_by_name (tabs, "system")));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (tabs), ==, "system");
}

/* The GiB beside a memory field never wraps apart from its number. */
static void
test_gb_subtitle (DialogFixture *fixture,
                  gconstpointer  data)
{
  AeroVmDialog *dialog = open_new (fixture);

  set_spin (dialog, "memory_spin", 2048);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (get_widget (dialog, "memory_row"))),
                   ==, "2\u00a0GiB");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (get_widget (dialog, "max_memory_row"))),
                   ==, "8\u00a0GiB");
}

/* A running VM with changes waiting for its restart: the form shows
 * them and says so, and what the admin changes is added to them. */
static void
test_pending_notice (DialogFixture *fixture,
                     gconstpointer  data)
{
  AeroVmDialog *dialog = open_edit (fixture, "web-01");
  gboolean *closed = watch_destroy (dialog);
  GtkWindow *pending;

  g_assert_false (gtk_widget_get_visible (get_widget (dialog, "next_run_group")));

  /* Leave a change for the next run. */
  gtk_check_button_set_active (balloon_check (dialog), FALSE);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.ok", NULL);
  pending = aero_vm_dialog_get_pending_dialog (dialog);
  g_assert_nonnull (pending);
  gtk_widget_activate_action (GTK_WIDGET (pending), "dialog.ok", NULL);
  aero_test_wait_flag (closed, "the dialog to close");
  g_free (closed);

  dialog = open_edit (fixture, "web-01");
  closed = watch_destroy (dialog);
  g_assert_true (gtk_widget_get_visible (get_widget (dialog, "next_run_group")));
  g_assert_true (g_str_has_prefix (adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (get_widget (dialog, "next_run_group"))),
                                   "This virtual machine already has changes waiting for its next restart."));
  /* The waiting balloon change, not the running value. */
  g_assert_false (gtk_check_button_get_active (balloon_check (dialog)));
  g_assert_false (aero_vm_edit_get_has_changes (aero_vm_dialog_get_edit (dialog)));

  /* A new description: sent alone, with next_run=true, so the waiting
   * balloon change stays. */
  gtk_editable_set_text (GTK_EDITABLE (get_widget (dialog, "description_row")), "still pending");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.ok", NULL);
  pending = aero_vm_dialog_get_pending_dialog (dialog);
  if (pending != NULL)
    gtk_widget_activate_action (GTK_WIDGET (pending), "dialog.ok", NULL);
  aero_test_wait_flag (closed, "the dialog to close");
  g_free (closed);
  {
    g_autoptr(GPtrArray) puts = recorded_with_method (fixture, "PUT");
    g_autofree char *sent = NULL;
    g_autoptr(AeroVm) vm = find_by_name (fixture->vms, "web-01");
    g_autoptr(AeroVm) running = NULL;
    g_autoptr(AeroVm) next = NULL;

    g_assert_cmpuint (puts->len, ==, 1);
    g_assert_cmpstr (((Recorded *) g_ptr_array_index (puts, 0))->query, ==, "next_run=true");
    sent = normalised_json (((Recorded *) g_ptr_array_index (puts, 0))->body);
    g_assert_cmpstr (sent, ==, "{\"description\":\"still pending\"}");

    running = fixture_get_vm (fixture, aero_vm_get_id (vm), FALSE);
    next = fixture_get_vm (fixture, aero_vm_get_id (vm), TRUE);
    g_assert_cmpint (aero_memory_policy_get_ballooning (aero_vm_get_memory_policy (running)), ==, AERO_TRISTATE_TRUE);
    g_assert_cmpint (aero_memory_policy_get_ballooning (aero_vm_get_memory_policy (next)), ==, AERO_TRISTATE_FALSE);
    g_assert_cmpstr (aero_vm_get_description (next), ==, "still pending");
  }
}

/* A phone-width screen: every dialog fits 360 px, or scrolls. */
static void
test_narrow (DialogFixture *fixture,
             gconstpointer  data)
{
  AeroVmDialog *dialog = open_new (fixture);
  g_autoptr(GListModel) changes = NULL;
  AeroNextRunDialog *pending;
  GtkOrientable *form = GTK_ORIENTABLE (get_widget (dialog, "form_box"));

  assert_fits_narrow (dialog);
  /* Wide: the tabs beside the form. */
  settle ();
  g_assert_cmpint (gtk_orientable_get_orientation (form), ==, GTK_ORIENTATION_HORIZONTAL);
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* Narrow: above it, and then it fits without scrolling sideways. */
  dialog = aero_vm_dialog_new_for_new_vm (fixture->engine, fixture->clusters, fixture->templates);
  gtk_window_set_default_size (GTK_WINDOW (dialog), 360, 640);
  gtk_window_present (GTK_WINDOW (dialog));
  form = GTK_ORIENTABLE (get_widget (dialog, "form_box"));
  for (guint i = 0; i < 50 && gtk_orientable_get_orientation (form) != GTK_ORIENTATION_VERTICAL; i++)
    {
      g_usleep (20000);
      settle ();
    }
  g_assert_cmpint (gtk_orientable_get_orientation (form), ==, GTK_ORIENTATION_VERTICAL);
  {
    int minimum = 0;

    gtk_widget_measure (GTK_WIDGET (form), GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
    g_test_message ("narrow form: minimum width %d", minimum);
    g_assert_cmpint (minimum, <=, 360);
  }
  /* All three tabs stay in view above the form. */
  {
    GtkWidget *sidebar = get_widget (dialog, "sidebar");
    GtkWidget *name_row = get_widget (dialog, "name_row");

    for (guint i = 0; i < 10; i++)
      {
        g_usleep (20000);
        settle ();
      }
    g_test_message ("narrow sidebar: %d px high", gtk_widget_get_height (sidebar));
    g_assert_cmpint (gtk_widget_get_height (sidebar), >=, 3 * gtk_widget_get_height (name_row) / 2);
  }
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* Editing a running VM, and the pending changes it then asks about. */
  dialog = open_edit (fixture, "web-01");
  assert_fits_narrow (dialog);
  gtk_check_button_set_active (balloon_check (dialog), FALSE);
  changes = aero_vm_edit_list_changes_model (aero_vm_dialog_get_edit (dialog));
  pending = aero_next_run_dialog_new (changes);
  gtk_window_present (GTK_WINDOW (pending));
  assert_fits_narrow (pending);
  assert_focus_on_ok (pending);
}


/* Another admin, straight to the demo engine (not through the recording
 * proxy): a session of its own writes @json to VM @id. */
static void
other_admin_puts (DialogFixture *fixture,
                  const char    *id,
                  const char    *json)
{
  g_autofree char *url = g_strdup_printf ("%s/ovirt-engine/api", fixture->demo_base);
  g_autoptr(AeroEngine) other = NULL;
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(AeroVm) updated = NULL;
  g_autoptr(GError) error = NULL;
  GAsyncResult *result = NULL;

  other = aero_engine_new (url, &error);
  g_assert_no_error (error);
  aero_engine_login_async (other, "admin@internal", "demo", NULL, aero_test_store_result, &result);
  g_assert_true (aero_engine_login_finish (other, wait_result (&result, "login"), &error));
  g_assert_no_error (error);
  g_clear_object (&result);

  body = json_from_string (json, &error);
  g_assert_no_error (error);
  aero_engine_update_vm_async (other, id, body, FALSE, NULL, aero_test_store_result, &result);
  updated = aero_engine_update_vm_finish (other, wait_result (&result, "PUT"), &error);
  g_clear_object (&result);
  g_assert_no_error (error);
}

static AeroConflictDialog *
conflict_dialog_of (AeroVmDialog *dialog)
{
  GListModel *toplevels = gtk_window_get_toplevels ();  /* not ours */
  guint n = g_list_model_get_n_items (toplevels);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (AERO_IS_CONFLICT_DIALOG (window)
          && gtk_window_get_transient_for (window) == GTK_WINDOW (dialog))
        return AERO_CONFLICT_DIALOG (window);
    }
  return NULL;
}

static void
wait_until (gboolean   (*done) (gpointer),
            gpointer     data,
            const char  *what)
{
  gint64 end = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  while (!done (data))
    {
      if (g_get_monotonic_time () > end)
        g_error ("timed out waiting for %s", what);
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }
}

static gboolean
conflict_shown (gpointer dialog)
{
  return conflict_dialog_of (dialog) != NULL && !aero_vm_dialog_get_busy (dialog);
}

/* Someone else changes the memory while the dialog is open: OK asks,
 * with the value read, theirs and the admin's; "Keep Theirs" takes
 * theirs into the form and sends nothing; "Overwrite" sends the
 * admin's. */
static void
test_conflict (DialogFixture *fixture,
               gconstpointer  data)
{
  AeroVmDialog *dialog = open_edit (fixture, "web-03");
  AeroVmEdit *edit = aero_vm_dialog_get_edit (dialog);
  g_autoptr(AeroVm) vm = find_by_name (fixture->vms, "web-03");
  AeroConflictDialog *question;
  g_auto(GStrv) rows = NULL;
  gboolean *closed = watch_destroy (dialog);
  g_autofree char *sent = NULL;

  g_assert_cmpint (aero_vm_edit_get_memory (edit), ==, 4 * AERO_MIB * 1024);
  set_spin (dialog, "memory_spin", 6144);
  set_text (dialog, "description_row", "mine");
  other_admin_puts (fixture, aero_vm_get_id (vm), "{\"memory\":\"5368709120\"}");

  gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.ok", NULL);
  wait_until (conflict_shown, dialog, "the question");
  question = conflict_dialog_of (dialog);
  {
    g_autoptr(GPtrArray) puts = recorded_with_method (fixture, "PUT");

    g_assert_cmpuint (puts->len, ==, 0);
  }
  g_assert_false (*closed);
  rows = aero_conflict_dialog_dup_rows (question);
  /* Memory only: the description nobody else touched is no question
   * (the edit derived guaranteed and maximum memory, which nobody else
   * changed either). */
  g_assert_cmpuint (g_strv_length (rows), ==, 1);
  g_assert_true (g_str_has_prefix (rows[0], "Memory Size\n"));
  g_assert_nonnull (strstr (rows[0], "When you opened it: 4096 MiB"));
  g_assert_nonnull (strstr (rows[0], "Now, changed by someone else: 5120 MiB"));
  g_assert_nonnull (strstr (rows[0], "Yours: 6144 MiB"));
  assert_fits_narrow (question);

  /* Keep Theirs: their memory in the form, the description stays,
   * nothing sent, the dialog open. */
  gtk_widget_activate_action (GTK_WIDGET (question), "conflict.keep-theirs", NULL);
  settle ();
  g_assert_null (conflict_dialog_of (dialog));
  g_assert_false (*closed);
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (get_widget (dialog, "memory_spin"))),
                     ==, 5120);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (get_widget (dialog, "description_row"))),
                   ==, "mine");
  {
    g_autoptr(GPtrArray) puts = recorded_with_method (fixture, "PUT");

    g_assert_cmpuint (puts->len, ==, 0);
  }

  /* The admin sets the memory again; the other admin changes it again:
   * asked again, and Overwrite sends the admin's value. */
  set_spin (dialog, "memory_spin", 7168);
  other_admin_puts (fixture, aero_vm_get_id (vm), "{\"memory\":\"5637144576\"}");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.ok", NULL);
  wait_until (conflict_shown, dialog, "the second question");
  question = conflict_dialog_of (dialog);
  g_strfreev (rows);
  rows = aero_conflict_dialog_dup_rows (question);
  g_assert_cmpuint (g_strv_length (rows), ==, 1);
  g_assert_nonnull (strstr (rows[0], "When you opened it: 5120 MiB"));
  g_assert_nonnull (strstr (rows[0], "Now, changed by someone else: 5376 MiB"));
  gtk_widget_activate_action (GTK_WIDGET (question), "conflict.overwrite", NULL);
  aero_test_wait_flag (closed, "the dialog to close");
  g_free (closed);
  {
    g_autoptr(GPtrArray) puts = recorded_with_method (fixture, "PUT");
    g_autoptr(AeroVm) stored = fixture_get_vm (fixture, aero_vm_get_id (vm), FALSE);

    g_assert_cmpuint (puts->len, ==, 1);
    sent = normalised_json (((Recorded *) g_ptr_array_index (puts, 0))->body);
    g_assert_nonnull (strstr (sent, "\"memory\":\"7516192768\""));
    g_assert_nonnull (strstr (sent, "\"description\":\"mine\""));
    g_assert_cmpint (aero_vm_get_memory (stored), ==, 7 * AERO_MIB * 1024);
  }
}

/* The VM is started while its dialog is open, with a memory size that a
 * running VM can only take at its next run: OK sends nothing and says
 * why, every edit stays, and OK again asks as for any running VM. */
/* The note of an engine that keeps a memory change as a next-run
 * configuration too shows while the memory goes live, not once Apply
 * Later keeps it for the restart (then it is a real next-run change). */
static void
test_memory_copy_note (DialogFixture *fixture,
                       gconstpointer  data)
{
  AeroVmDialog *dialog = open_edit (fixture, "web-01");
  AeroVmEdit *edit = aero_vm_dialog_get_edit (dialog);
  g_autoptr(GListModel) changes = NULL;
  AeroNextRunDialog *pending;

  aero_vm_edit_set_memory (edit, aero_vm_edit_get_memory (edit) + 256 * AERO_MIB);
  changes = aero_vm_edit_list_changes_model (edit);
  pending = aero_next_run_dialog_new (changes);
  g_assert_null (aero_next_run_dialog_get_shown_note (pending));
  aero_next_run_dialog_set_memory_note (pending, "kept for the next run too");
  g_assert_cmpstr (aero_next_run_dialog_get_shown_note (pending), ==, "kept for the next run too");
  aero_next_run_dialog_set_apply_later (pending, TRUE);
  g_assert_null (aero_next_run_dialog_get_shown_note (pending));
  aero_next_run_dialog_set_apply_later (pending, FALSE);
  g_assert_nonnull (aero_next_run_dialog_get_shown_note (pending));
  gtk_window_destroy (GTK_WINDOW (pending));

  /* The demo engine is 4.5: none from the dialog itself. */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.ok", NULL);
  pending = AERO_NEXT_RUN_DIALOG (aero_vm_dialog_get_pending_dialog (dialog));
  g_assert_nonnull (pending);
  g_assert_null (aero_next_run_dialog_get_shown_note (pending));
}

static void
test_run_state_changed (DialogFixture *fixture,
                        gconstpointer  data)
{
  AeroVmDialog *dialog = open_edit (fixture, "web-03");
  g_autoptr(AeroVm) vm = find_by_name (fixture->vms, "web-03");
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) later_labels = NULL;
  gboolean *closed = watch_destroy (dialog);
  GtkRevealer *banner = GTK_REVEALER (get_widget (dialog, "banner_revealer"));
  AeroNextRunDialog *pending;

  set_spin (dialog, "memory_spin", 4396);
  aero_engine_start_vm_async (fixture->engine, aero_vm_get_id (vm), NULL,
                              aero_test_store_result, &result);
  g_assert_true (aero_engine_start_vm_finish (fixture->engine, wait_result (&result, "start"),
                                              &error));
  g_assert_no_error (error);
  recorded_reset (fixture);

  gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.ok", NULL);
  while (aero_vm_dialog_get_busy (dialog) && !*closed)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (*closed);
  g_assert_true (gtk_revealer_get_reveal_child (banner));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (get_widget (dialog, "banner_reason"))),
                            "started"));
  {
    g_autoptr(GPtrArray) puts = recorded_with_method (fixture, "PUT");

    g_assert_cmpuint (puts->len, ==, 0);
  }
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (get_widget (dialog, "memory_spin"))),
                     ==, 4396);
  g_assert_true (aero_vm_edit_get_running (aero_vm_dialog_get_edit (dialog)));

  gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.ok", NULL);
  pending = AERO_NEXT_RUN_DIALOG (aero_vm_dialog_get_pending_dialog (dialog));
  g_assert_nonnull (pending);
  later_labels = aero_next_run_dialog_dup_later_labels (pending);
  g_assert_true (g_strv_contains ((const char * const *) later_labels, "Memory Size"));
  accept_pending (pending, closed);
  {
    g_autoptr(GPtrArray) puts = recorded_with_method (fixture, "PUT");

    g_assert_cmpuint (puts->len, ==, 1);
    g_assert_cmpstr (((Recorded *) g_ptr_array_index (puts, 0))->query, ==, "next_run=true");
  }
}

int
main (int   argc,
      char *argv[])
{
  dialog_test_init (&argc, &argv);

#define ADD(path, func) DIALOG_TEST_ADD ("/vm-dialog/" path, func)
  ADD ("new-defaults", test_new_defaults);
  ADD ("legacy-greyed", test_legacy_greyed);
  ADD ("cluster-switch", test_cluster_switch);
  ADD ("high-performance", test_high_performance);
  ADD ("validation", test_validation);
  ADD ("new-vm-saves", test_new_vm_saves);
  ADD ("edit-put-body", test_edit_put_body);
  ADD ("next-run", test_next_run);
  ADD ("next-run-apply-later", test_next_run_apply_later);
  ADD ("memory-note-running", test_memory_note_running);
  ADD ("required-after-leaving", test_required_after_leaving);
  ADD ("greyed-spins-accessible", test_greyed_spins_accessible);
  ADD ("next-run-cancel-keeps-edits", test_next_run_cancel_keeps_edits);
  ADD ("fault-kept", test_fault_kept);
  ADD ("run-state-changed", test_run_state_changed);
  ADD ("memory-copy-note", test_memory_copy_note);
  ADD ("fault-marks-name", test_fault_marks_name);
  ADD ("dropped-connection", test_dropped_connection);
  ADD ("retry-after-outage", test_retry_after_outage);
  ADD ("template-mode", test_template_mode);
  ADD ("escape-asks", test_escape_asks);
  ADD ("running-cluster-error", test_running_cluster_error);
  ADD ("tab-needs-attention", test_tab_needs_attention);
  ADD ("custom-compatibility", test_custom_compatibility);
  ADD ("keyboard-tab-stops", test_keyboard_tab_stops);
  ADD ("narrow", test_narrow);
  ADD ("gb-subtitle", test_gb_subtitle);
  ADD ("pending-notice", test_pending_notice);
  ADD ("accessible-names", test_accessible_names);
  ADD ("keyboard-tab-enters-page", test_keyboard_tab_enters_page);
  ADD ("conflict", test_conflict);
#undef ADD

  return g_test_run ();
}
