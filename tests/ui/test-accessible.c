/* test-accessible.c - one accessible name per control
 *
 * GTK 4.8 announces a control by its explicit accessible label AND by the
 * labels of its labelled-by relation, joined ("Cancel Cancel"), and copies
 * a mnemonic button's raw label into its label property ("_Retry Retry").
 * These tests check the attributes behind that on single widgets and on
 * every widget of each dialog and of the login page: never both a label
 * and a labelled-by relation, never a raw mnemonic label. The attributes
 * are read with GTK's test API (GTK_A11Y=test), so the checks hold on any
 * GTK, whatever it makes of the attributes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "aero-accessible.h"
#include "aero-bulk-balloon-dialog.h"
#include "aero-cluster-dialog.h"
#include "aero-conflict-dialog.h"
#include "aero-dialogs.h"
#include "aero-edit-dialog.h"
#include "aero-login-page.h"
#include "aero-next-run-dialog.h"
#include "aero-run-once-dialog.h"
#include "aero-vm-dialog.h"

static gboolean
has_label (GtkWidget *widget)
{
  return gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL);
}

static gboolean
has_labelled_by (GtkWidget *widget)
{
  return gtk_test_accessible_has_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
}

/* NULL when the label property of @widget is @expected, else what it is. */
static char *
label_differs (GtkWidget  *widget,
               const char *expected)
{
  return gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, expected);
}

static void
assert_label (GtkWidget  *widget,
              const char *expected)
{
  g_autofree char *differs = label_differs (widget, expected);

  g_assert_true (has_label (widget));
  if (differs != NULL)
    g_error ("accessible label is '%s', not '%s'", differs, expected);
}

/* The words a button or check box shows, when it has a mnemonic. */
static const char *
mnemonic_label (GtkWidget *widget)
{
  if (GTK_IS_BUTTON (widget) && gtk_button_get_use_underline (GTK_BUTTON (widget)))
    return gtk_button_get_label (GTK_BUTTON (widget));
  if (GTK_IS_CHECK_BUTTON (widget) && gtk_check_button_get_use_underline (GTK_CHECK_BUTTON (widget)))
    return gtk_check_button_get_label (GTK_CHECK_BUTTON (widget));
  return NULL;
}

/* Collects, for @root and everything below it, the widgets GTK 4.8 would
 * name twice or with an underscore. */
static void
collect_problems (GtkWidget *root,
                  GString   *problems)
{
  const char *raw = mnemonic_label (root);

  if (has_label (root) && has_labelled_by (root))
    g_string_append_printf (problems, "%s has a label and a labelled-by relation; ",
                            G_OBJECT_TYPE_NAME (root));
  if (raw != NULL && strchr (raw, '_') != NULL && has_label (root))
    {
      g_autofree char *differs = label_differs (root, raw);

      if (differs == NULL)
        g_string_append_printf (problems, "%s is named by its raw label '%s'; ",
                                G_OBJECT_TYPE_NAME (root), raw);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_problems (child, problems);
}

static void
assert_single_names (GtkWidget *root)
{
  g_autoptr(GString) problems = g_string_new (NULL);

  collect_problems (root, problems);
  if (problems->len > 0)
    g_error ("%s: %s", G_OBJECT_TYPE_NAME (root), problems->str);
}

/* A stable name set the way GtkBuilder sets <accessibility> (after the
 * label) wins over the mnemonic label GTK relates the button to. */
static void
test_stable_name_wins (void)
{
  GtkWidget *button = g_object_ref_sink (gtk_button_new_with_mnemonic ("_Abbrechen"));

  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, "Cancel", -1);
  aero_accessible_single_names (button);

  assert_label (button, "Cancel");
  g_assert_false (has_labelled_by (button));
  g_object_unref (button);
}

/* A mnemonic button without a stable name is named by the words it shows,
 * once: by its label child alone, or by a label property without the
 * underline. */
static void
test_mnemonic_button (void)
{
  GtkWidget *button = g_object_ref_sink (gtk_button_new_with_mnemonic ("_Retry"));

  aero_accessible_single_names (button);

  g_assert_false (has_label (button) && has_labelled_by (button));
  if (has_label (button))
    assert_label (button, "Retry");
  else
    g_assert_true (has_labelled_by (button));
  g_object_unref (button);
}

static void
test_mnemonic_check_button (void)
{
  GtkWidget *check = g_object_ref_sink (gtk_check_button_new_with_mnemonic ("Re_member A__B"));

  aero_accessible_single_names (check);

  g_assert_false (has_label (check) && has_labelled_by (check));
  if (has_label (check))
    assert_label (check, "Remember A_B");
  g_object_unref (check);
}

/* libadwaita labels a row's activatable widget by the row's title; a
 * stable name on the widget leaves it named once. */
static void
test_action_row_widget (void)
{
  GtkWidget *row = g_object_ref_sink (adw_action_row_new ());
  GtkWidget *spin = gtk_spin_button_new_with_range (0, 100, 1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), "Speicher");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL, "Memory Size", -1);
  aero_accessible_single_names (row);

  assert_label (spin, "Memory Size");
  g_assert_false (has_labelled_by (spin));
  g_object_unref (row);
}

static void
test_set_name (void)
{
  GtkWidget *check = g_object_ref_sink (gtk_check_button_new_with_mnemonic ("_Merken"));
  GtkWidget *label = g_object_ref_sink (gtk_label_new ("Merken"));

  gtk_accessible_update_relation (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL, -1);
  aero_accessible_set_name (check, "Remember Password");

  assert_label (check, "Remember Password");
  g_assert_false (has_labelled_by (check));
  g_object_unref (check);
  g_object_unref (label);
}

/* A confirming button with a stable name that becomes "Close". */
static void
test_follow_label (void)
{
  GtkWidget *button = g_object_ref_sink (gtk_button_new_with_mnemonic ("_Disable"));

  aero_accessible_set_name (button, "OK");
  gtk_button_set_label (GTK_BUTTON (button), "_Close");
  aero_accessible_follow_label (GTK_BUTTON (button));

  assert_label (button, "Close");
  g_assert_false (has_labelled_by (button));
  g_object_unref (button);
}

static void
test_widget_type (gconstpointer data)
{
  GType type = GPOINTER_TO_SIZE (data);
  GtkWidget *widget = g_object_new (type, NULL);

  if (g_type_is_a (type, GTK_TYPE_WINDOW))
    {
      assert_single_names (widget);
      gtk_window_destroy (GTK_WINDOW (widget));
    }
  else
    {
      g_object_ref_sink (widget);
      assert_single_names (widget);
      g_object_unref (widget);
    }
}

/* libadwaita's response buttons have mnemonic labels. */
static void
test_discard_question (void)
{
  GtkWidget *parent = gtk_window_new ();
  GtkWindow *question = aero_edit_dialog_new_discard_question (GTK_WINDOW (parent));

  assert_single_names (GTK_WIDGET (question));
  gtk_window_destroy (question);
  gtk_window_destroy (GTK_WINDOW (parent));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/accessible/stable-name-wins", test_stable_name_wins);
  g_test_add_func ("/accessible/mnemonic-button", test_mnemonic_button);
  g_test_add_func ("/accessible/mnemonic-check-button", test_mnemonic_check_button);
  g_test_add_func ("/accessible/action-row-widget", test_action_row_widget);
  g_test_add_func ("/accessible/set-name", test_set_name);
  g_test_add_func ("/accessible/follow-label", test_follow_label);
  g_test_add_func ("/accessible/single-names/discard-question", test_discard_question);

  g_test_add_data_func ("/accessible/single-names/login-page",
                        GSIZE_TO_POINTER (AERO_TYPE_LOGIN_PAGE), test_widget_type);
  g_test_add_data_func ("/accessible/single-names/vm-dialog",
                        GSIZE_TO_POINTER (AERO_TYPE_VM_DIALOG), test_widget_type);
  g_test_add_data_func ("/accessible/single-names/run-once-dialog",
                        GSIZE_TO_POINTER (AERO_TYPE_RUN_ONCE_DIALOG), test_widget_type);
  g_test_add_data_func ("/accessible/single-names/cluster-dialog",
                        GSIZE_TO_POINTER (AERO_TYPE_CLUSTER_DIALOG), test_widget_type);
  g_test_add_data_func ("/accessible/single-names/bulk-balloon-dialog",
                        GSIZE_TO_POINTER (AERO_TYPE_BULK_BALLOON_DIALOG), test_widget_type);
  g_test_add_data_func ("/accessible/single-names/next-run-dialog",
                        GSIZE_TO_POINTER (AERO_TYPE_NEXT_RUN_DIALOG), test_widget_type);
  g_test_add_data_func ("/accessible/single-names/conflict-dialog",
                        GSIZE_TO_POINTER (AERO_TYPE_CONFLICT_DIALOG), test_widget_type);

  return g_test_run ();
}
