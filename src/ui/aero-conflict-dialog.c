/* aero-conflict-dialog.c - "Changed by Someone Else"
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "aero-accessible.h"
#include "aero-conflict-dialog.h"
#include "aero-vm-conflict.h"

struct _AeroConflictDialog
{
  AdwWindow   parent_instance;

  GtkListBox *list;
};

G_DEFINE_FINAL_TYPE (AeroConflictDialog, aero_conflict_dialog, ADW_TYPE_WINDOW)

enum {
  ANSWERED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
shown (const char *value)
{
  /* TRANSLATORS: a setting that has no value */
  return value != NULL && *value != '\0' ? value : _("(none)");
}

/* The three values under the setting's name, one a line, so that a
 * narrow window wraps none of them into the next. */
static GtkWidget *
conflict_row_new (AeroVmConflict *conflict)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *subtitle = NULL;

  subtitle = g_strdup_printf (/* TRANSLATORS: the three values of a setting two admins changed */
                              _("When you opened it: %s\nNow, changed by someone else: %s\nYours: %s"),
                              shown (aero_vm_conflict_get_read_value (conflict)),
                              shown (aero_vm_conflict_get_current_value (conflict)),
                              shown (aero_vm_conflict_get_new_value (conflict)));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), aero_vm_conflict_get_label (conflict));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  /* Engine text is shown as it is, not read as markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  g_object_set_data_full (G_OBJECT (row), "aero-text",
                          g_strdup_printf ("%s\n%s", aero_vm_conflict_get_label (conflict), subtitle),
                          g_free);

  return row;
}

static void
answer (AeroConflictDialog *self,
        gboolean            overwrite)
{
  /* Keep ourselves alive through the handlers, which may send at once. */
  g_object_ref (self);
  g_signal_emit (self, signals[ANSWERED], 0, overwrite);
  gtk_window_destroy (GTK_WINDOW (self));
  g_object_unref (self);
}

static void
conflict_overwrite (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  answer (AERO_CONFLICT_DIALOG (widget), TRUE);
}

static void
conflict_keep_theirs (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  answer (AERO_CONFLICT_DIALOG (widget), FALSE);
}

static void
conflict_close (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  gtk_window_destroy (GTK_WINDOW (widget));
}

static void
aero_conflict_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), AERO_TYPE_CONFLICT_DIALOG);

  G_OBJECT_CLASS (aero_conflict_dialog_parent_class)->dispose (object);
}

static void
aero_conflict_dialog_class_init (AeroConflictDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = aero_conflict_dialog_dispose;

  signals[ANSWERED] =
    g_signal_new ("answered",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_BOOLEAN);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/aerostat/Aerostat/ui/aero-conflict-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AeroConflictDialog, list);

  gtk_widget_class_install_action (widget_class, "conflict.overwrite", NULL, conflict_overwrite);
  gtk_widget_class_install_action (widget_class, "conflict.keep-theirs", NULL, conflict_keep_theirs);
  gtk_widget_class_install_action (widget_class, "conflict.close", NULL, conflict_close);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "conflict.close", NULL);
}

static void
aero_conflict_dialog_init (AeroConflictDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  aero_accessible_single_names (GTK_WIDGET (self));
}

AeroConflictDialog *
aero_conflict_dialog_new (GPtrArray *conflicts)
{
  AeroConflictDialog *self;

  g_return_val_if_fail (conflicts != NULL, NULL);

  self = g_object_new (AERO_TYPE_CONFLICT_DIALOG, NULL);
  for (guint i = 0; i < conflicts->len; i++)
    gtk_list_box_append (self->list, conflict_row_new (g_ptr_array_index (conflicts, i)));

  aero_accessible_focus_default (GTK_WINDOW (self));

  return self;
}

GStrv
aero_conflict_dialog_dup_rows (AeroConflictDialog *self)
{
  g_autoptr(GStrvBuilder) builder = NULL;

  g_return_val_if_fail (AERO_IS_CONFLICT_DIALOG (self), NULL);

  builder = g_strv_builder_new ();
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      const char *text = g_object_get_data (G_OBJECT (child), "aero-text");

      if (text != NULL)
        g_strv_builder_add (builder, text);
    }

  return g_strv_builder_end (builder);
}
