/* test-run-once-dialog.c - Run Once
 * against the demo engine
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "aero-run-once-dialog.h"
#include "test-dialog-fixture.h"

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
  aero_test_wait_flag (closed, "the dialog to close");
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
  aero_engine_stop_vm_async (fixture->engine, aero_vm_get_id (vm), NULL, aero_test_store_result, &result);
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
  aero_test_wait_flag (closed, "the dialog to close");
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

int
main (int   argc,
      char *argv[])
{
  dialog_test_init (&argc, &argv);

#define ADD(path, func) DIALOG_TEST_ADD (path, func)
  ADD ("/run-once-dialog/no-balloon-override/VmMapper", test_run_once_no_balloon_override_VmMapper);
  ADD ("/run-once-dialog/leaves-vm-unchanged", test_run_once_leaves_vm);
  ADD ("/run-once-dialog/running", test_run_once_running);
  ADD ("/run-once-dialog/escape-asks", test_run_once_escape_asks);
#undef ADD

  return g_test_run ();
}
