/* aero-next-run-dialog.c - "Pending Virtual Machine changes"
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "aero-accessible.h"
#include "aero-next-run-dialog.h"
#include "aero-vm-change.h"

struct _AeroNextRunDialog
{
  AdwWindow       parent_instance;

  GListModel     *changes;
  char           *memory_note;

  GtkWidget      *now_group;
  GtkListBox     *now_list;
  GtkWidget      *later_group;
  GtkListBox     *later_list;
  GtkWidget      *apply_later_group;
  GtkCheckButton *apply_later_check;
  GtkWidget      *copy_note_group;
  GtkLabel       *copy_note;
};

G_DEFINE_FINAL_TYPE (AeroNextRunDialog, aero_next_run_dialog, ADW_TYPE_WINDOW)

enum {
  CONFIRMED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static GtkWidget *
change_row_new (AeroVmChange *change)
{
  GtkWidget *row = adw_action_row_new ();
  const char *old_value = aero_vm_change_get_old_value (change);
  g_autofree char *subtitle = NULL;

  if (old_value != NULL && *old_value != '\0')
    /* TRANSLATORS: a changed value, "old → new" */
    subtitle = g_strdup_printf (_("%s → %s"), old_value, aero_vm_change_get_new_value (change));
  else
    subtitle = g_strdup (aero_vm_change_get_new_value (change));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), aero_vm_change_get_label (change));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  g_object_set_data_full (G_OBJECT (row), "aero-label",
                          g_strdup (aero_vm_change_get_label (change)), g_free);

  return row;
}

static void
rebuild (AeroNextRunDialog *self)
{
  gboolean apply_later = gtk_check_button_get_active (self->apply_later_check);
  guint n = g_list_model_get_n_items (self->changes);
  guint n_now = 0, n_later = 0, n_hotplug = 0;
  gboolean memory_now = FALSE;

  clear_list (self->now_list);
  clear_list (self->later_list);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AeroVmChange) change = g_list_model_get_item (self->changes, i);
      AeroVmChangeWhen when = aero_vm_change_get_when (change);
      gboolean later;

      if (when == AERO_VM_CHANGE_HOTPLUG)
        n_hotplug++;

      /* Hot-pluggable changes go live unless the admin keeps them for the
       * restart; the rest is decided by the engine. */
      later = when == AERO_VM_CHANGE_NEXT_RUN
              || (when == AERO_VM_CHANGE_HOTPLUG && apply_later);

      if (later)
        {
          gtk_list_box_append (self->later_list, change_row_new (change));
          n_later++;
        }
      else
        {
          gtk_list_box_append (self->now_list, change_row_new (change));
          n_now++;
          if (g_strcmp0 (aero_vm_change_get_field (change), "memory") == 0)
            memory_now = TRUE;
        }
    }

  /* Only while the memory goes live: kept for the restart, it is a real
   * next-run configuration, listed as one. */
  gtk_label_set_text (self->copy_note, self->memory_note != NULL ? self->memory_note : "");
  gtk_widget_set_visible (self->copy_note_group, memory_now && self->memory_note != NULL);

  gtk_widget_set_visible (self->now_group, n_now > 0);
  gtk_widget_set_visible (self->later_group, n_later > 0);
  gtk_widget_set_visible (self->apply_later_group, n_hotplug > 0);
}

static GStrv
dup_labels (GtkListBox *list)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      const char *label = g_object_get_data (G_OBJECT (child), "aero-label");

      if (label != NULL)
        g_strv_builder_add (builder, label);
    }

  return g_strv_builder_end (builder);
}

GStrv
aero_next_run_dialog_dup_now_labels (AeroNextRunDialog *self)
{
  g_return_val_if_fail (AERO_IS_NEXT_RUN_DIALOG (self), NULL);

  return dup_labels (self->now_list);
}

GStrv
aero_next_run_dialog_dup_later_labels (AeroNextRunDialog *self)
{
  g_return_val_if_fail (AERO_IS_NEXT_RUN_DIALOG (self), NULL);

  return dup_labels (self->later_list);
}

gboolean
aero_next_run_dialog_get_apply_later (AeroNextRunDialog *self)
{
  g_return_val_if_fail (AERO_IS_NEXT_RUN_DIALOG (self), FALSE);

  return gtk_check_button_get_active (self->apply_later_check);
}

void
aero_next_run_dialog_set_apply_later (AeroNextRunDialog *self,
                                      gboolean           apply_later)
{
  g_return_if_fail (AERO_IS_NEXT_RUN_DIALOG (self));

  gtk_check_button_set_active (self->apply_later_check, apply_later);
}

static void
dialog_ok (GtkWidget  *widget,
           const char *action_name,
           GVariant   *parameter)
{
  AeroNextRunDialog *self = AERO_NEXT_RUN_DIALOG (widget);
  gboolean apply_later = gtk_check_button_get_active (self->apply_later_check);

  /* Keep ourselves alive through the handlers, which may send at once. */
  g_object_ref (self);
  g_signal_emit (self, signals[CONFIRMED], 0, apply_later);
  gtk_window_destroy (GTK_WINDOW (self));
  g_object_unref (self);
}

static void
dialog_cancel (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  gtk_window_destroy (GTK_WINDOW (widget));
}

static void
aero_next_run_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), AERO_TYPE_NEXT_RUN_DIALOG);

  G_OBJECT_CLASS (aero_next_run_dialog_parent_class)->dispose (object);
}

static void
aero_next_run_dialog_finalize (GObject *object)
{
  AeroNextRunDialog *self = AERO_NEXT_RUN_DIALOG (object);

  g_clear_object (&self->changes);
  g_clear_pointer (&self->memory_note, g_free);

  G_OBJECT_CLASS (aero_next_run_dialog_parent_class)->finalize (object);
}

static void
aero_next_run_dialog_class_init (AeroNextRunDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = aero_next_run_dialog_dispose;
  object_class->finalize = aero_next_run_dialog_finalize;

  signals[CONFIRMED] =
    g_signal_new ("confirmed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_BOOLEAN);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/aerostat/Aerostat/ui/aero-next-run-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AeroNextRunDialog, now_group);
  gtk_widget_class_bind_template_child (widget_class, AeroNextRunDialog, now_list);
  gtk_widget_class_bind_template_child (widget_class, AeroNextRunDialog, later_group);
  gtk_widget_class_bind_template_child (widget_class, AeroNextRunDialog, later_list);
  gtk_widget_class_bind_template_child (widget_class, AeroNextRunDialog, apply_later_group);
  gtk_widget_class_bind_template_child (widget_class, AeroNextRunDialog, apply_later_check);
  gtk_widget_class_bind_template_child (widget_class, AeroNextRunDialog, copy_note_group);
  gtk_widget_class_bind_template_child (widget_class, AeroNextRunDialog, copy_note);

  gtk_widget_class_install_action (widget_class, "dialog.ok", NULL, dialog_ok);
  gtk_widget_class_install_action (widget_class, "dialog.cancel", NULL, dialog_cancel);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "dialog.cancel", NULL);
}

static void
aero_next_run_dialog_init (AeroNextRunDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  aero_accessible_single_names (GTK_WIDGET (self));

  g_signal_connect_swapped (self->apply_later_check, "toggled", G_CALLBACK (rebuild), self);
}

AeroNextRunDialog *
aero_next_run_dialog_new (GListModel *changes)
{
  AeroNextRunDialog *self;

  g_return_val_if_fail (G_IS_LIST_MODEL (changes), NULL);

  self = g_object_new (AERO_TYPE_NEXT_RUN_DIALOG, NULL);
  self->changes = g_object_ref (changes);
  rebuild (self);

  aero_accessible_focus_default (GTK_WINDOW (self));

  return self;
}

void
aero_next_run_dialog_set_memory_note (AeroNextRunDialog *self,
                                      const char        *note)
{
  g_return_if_fail (AERO_IS_NEXT_RUN_DIALOG (self));

  g_free (self->memory_note);
  self->memory_note = g_strdup (note);
  rebuild (self);
}

const char *
aero_next_run_dialog_get_shown_note (AeroNextRunDialog *self)
{
  g_return_val_if_fail (AERO_IS_NEXT_RUN_DIALOG (self), NULL);

  return gtk_widget_get_visible (self->copy_note_group) ? gtk_label_get_text (self->copy_note) : NULL;
}
