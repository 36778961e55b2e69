/* aero-window-actions.c - the window's actions and their enabled state
 *
 * Every action is installed on the class (gtk_widget_class_install_action)
 * and its enabled state is recomputed in one place,
 * aero_window_actions_update(), whenever the session, the selection or a
 * list changes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "aero-dialogs.h"
#include "aero-format.h"
#include "aero-window-private.h"

static void
dialog_done_cb (gpointer user_data)
{
  GWeakRef *ref = user_data;
  g_autoptr(AeroWindow) self = g_weak_ref_get (ref);

  if (self != NULL)
    aero_window_refresh (self);
}

/* The dialogs may outlive the window: they call back through a weak
 * reference that is intentionally never freed per call (one per window). */
static GWeakRef *
window_weak_ref (AeroWindow *self)
{
  GWeakRef *ref = g_object_get_data (G_OBJECT (self), "aero-weak-ref");

  if (ref == NULL)
    {
      ref = g_new0 (GWeakRef, 1);
      g_weak_ref_init (ref, self);
      g_object_set_data (G_OBJECT (self), "aero-weak-ref", ref);
    }

  return ref;
}

static gboolean
vm_can_start (AeroVm *vm)
{
  AeroVmStatus status = aero_vm_get_status (vm);

  return status == AERO_VM_STATUS_DOWN ||
         status == AERO_VM_STATUS_SUSPENDED ||
         status == AERO_VM_STATUS_PAUSED;
}

static gboolean
vm_can_stop (AeroVm *vm)
{
  AeroVmStatus status = aero_vm_get_status (vm);

  return status != AERO_VM_STATUS_DOWN && status != AERO_VM_STATUS_UNKNOWN &&
         status != AERO_VM_STATUS_IMAGE_LOCKED;
}

void
aero_window_actions_update (AeroWindow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean in_session;
  gboolean clusters_loaded;
  g_autoptr(GPtrArray) selected = NULL;
  AeroVm *single = NULL;
  gboolean any_start = FALSE;
  gboolean any_stop = FALSE;

  g_return_if_fail (AERO_IS_WINDOW (self));

  in_session = self->engine != NULL;
  clusters_loaded = in_session && aero_cluster_view_get_loaded (self->cluster_view);

  if (in_session)
    {
      selected = aero_vm_view_dup_selected (self->vm_view);
      if (selected->len == 1)
        single = g_ptr_array_index (selected, 0);
      for (guint i = 0; i < selected->len; i++)
        {
          any_start |= vm_can_start (g_ptr_array_index (selected, i));
          any_stop |= vm_can_stop (g_ptr_array_index (selected, i));
        }
    }

  gtk_widget_action_set_enabled (widget, "win.new-vm", clusters_loaded);
  gtk_widget_action_set_enabled (widget, "win.edit-vm", single != NULL);
  gtk_widget_action_set_enabled (widget, "win.run-once",
                                 single != NULL && aero_vm_get_status (single) == AERO_VM_STATUS_DOWN);
  gtk_widget_action_set_enabled (widget, "win.start-vm", any_start);
  gtk_widget_action_set_enabled (widget, "win.stop-vm", any_stop);
  gtk_widget_action_set_enabled (widget, "win.enable-ballooning", selected != NULL && selected->len > 0);
  gtk_widget_action_set_enabled (widget, "win.disable-ballooning", selected != NULL && selected->len > 0);
  gtk_widget_action_set_enabled (widget, "win.edit-template",
                                 in_session && aero_template_view_get_selected (self->template_view) != NULL);
  gtk_widget_action_set_enabled (widget, "win.edit-cluster",
                                 in_session && aero_cluster_view_get_selected (self->cluster_view) != NULL);
  gtk_widget_action_set_enabled (widget, "win.refresh", in_session);
  gtk_widget_action_set_enabled (widget, "win.logout", in_session && !self->logging_out);
  gtk_widget_action_set_enabled (widget, "win.search", in_session);
}

/* Dialog actions: the dialogs module does the work. */

static void
new_vm_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  AeroWindow *self = AERO_WINDOW (widget);

  aero_dialogs_new_vm (GTK_WINDOW (self), self->engine,
                       aero_window_get_cluster_model (self),
                       aero_window_get_template_model (self),
                       dialog_done_cb, window_weak_ref (self));
}

static void
edit_vm_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  AeroWindow *self = AERO_WINDOW (widget);
  AeroVm *vm = aero_vm_view_get_selected_vm (self->vm_view);

  if (vm == NULL)
    return;

  aero_dialogs_edit_vm (GTK_WINDOW (self), self->engine, vm,
                        aero_window_get_cluster_model (self),
                        aero_window_get_template_model (self),
                        dialog_done_cb, window_weak_ref (self));
}

static void
run_once_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  AeroWindow *self = AERO_WINDOW (widget);
  AeroVm *vm = aero_vm_view_get_selected_vm (self->vm_view);

  if (vm == NULL)
    return;

  aero_dialogs_run_once (GTK_WINDOW (self), self->engine, vm,
                         aero_window_get_cluster_model (self),
                         dialog_done_cb, window_weak_ref (self));
}

static void
bulk_ballooning (AeroWindow *self,
                 gboolean    enable)
{
  g_autoptr(GPtrArray) vms = aero_vm_view_dup_selected (self->vm_view);

  if (vms->len == 0)
    return;

  aero_dialogs_bulk_ballooning (GTK_WINDOW (self), self->engine, vms,
                                aero_window_get_cluster_model (self),
                                enable, dialog_done_cb, window_weak_ref (self));
}

static void
enable_ballooning_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *param)
{
  bulk_ballooning (AERO_WINDOW (widget), TRUE);
}

static void
disable_ballooning_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *param)
{
  bulk_ballooning (AERO_WINDOW (widget), FALSE);
}

static void
edit_template_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  AeroWindow *self = AERO_WINDOW (widget);
  AeroTemplate *tmpl = aero_template_view_get_selected (self->template_view);

  if (tmpl == NULL)
    return;

  aero_dialogs_edit_template (GTK_WINDOW (self), self->engine, tmpl,
                              aero_window_get_cluster_model (self),
                              dialog_done_cb, window_weak_ref (self));
}

static void
edit_cluster_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  AeroWindow *self = AERO_WINDOW (widget);
  AeroCluster *cluster = aero_cluster_view_get_selected (self->cluster_view);

  if (cluster == NULL)
    return;

  aero_dialogs_edit_cluster (GTK_WINDOW (self), self->engine, cluster,
                             dialog_done_cb, window_weak_ref (self));
}

/* Start and stop: done here, failures as toasts in the engine's words. */

typedef struct
{
  GWeakRef  window;
  char     *name;
  gboolean  start;
} PowerData;

static void
power_data_free (PowerData *data)
{
  g_weak_ref_clear (&data->window);
  g_free (data->name);
  g_free (data);
}

static void
power_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  PowerData *data = user_data;
  g_autoptr(AeroWindow) self = g_weak_ref_get (&data->window);
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (data->start)
    ok = aero_engine_start_vm_finish (AERO_ENGINE (object), result, &error);
  else
    ok = aero_engine_stop_vm_finish (AERO_ENGINE (object), result, &error);

  if (self != NULL)
    {
      if (!ok)
        {
          g_autofree char *words = aero_format_error (error);
          g_autofree char *text = NULL;

          if (data->start)
            /* TRANSLATORS: first %s is the VM, second the engine's words */
            text = g_strdup_printf (_("Could not start %s: %s"), data->name, words);
          else
            text = g_strdup_printf (_("Could not stop %s: %s"), data->name, words);
          aero_window_show_toast (self, text);
        }
      aero_window_refresh (self);
    }

  power_data_free (data);
}

static void
power_selected (AeroWindow *self,
                gboolean    start)
{
  g_autoptr(GPtrArray) vms = aero_vm_view_dup_selected (self->vm_view);

  if (self->engine == NULL)
    return;

  for (guint i = 0; i < vms->len; i++)
    {
      AeroVm *vm = g_ptr_array_index (vms, i);
      PowerData *data;

      if (start ? !vm_can_start (vm) : !vm_can_stop (vm))
        continue;

      data = g_new0 (PowerData, 1);
      g_weak_ref_init (&data->window, self);
      data->name = g_strdup (aero_vm_get_name (vm));
      data->start = start;

      if (start)
        aero_engine_start_vm_async (self->engine, aero_vm_get_id (vm), NULL, power_cb, data);
      else
        aero_engine_stop_vm_async (self->engine, aero_vm_get_id (vm), NULL, power_cb, data);
    }
}

static void
start_vm_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  power_selected (AERO_WINDOW (widget), TRUE);
}

static void
stop_vm_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  power_selected (AERO_WINDOW (widget), FALSE);
}

/* Session actions */

static void
refresh_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  aero_window_refresh (AERO_WINDOW (widget));
}

static void
logout_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  aero_window_logout (AERO_WINDOW (widget));
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  AeroWindow *self = AERO_WINDOW (widget);

  adw_view_stack_set_visible_child_name (self->view_stack, "vms");
  aero_vm_view_focus_search (self->vm_view);
}

void
aero_window_class_install_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.new-vm", NULL, new_vm_action);
  gtk_widget_class_install_action (widget_class, "win.edit-vm", NULL, edit_vm_action);
  gtk_widget_class_install_action (widget_class, "win.run-once", NULL, run_once_action);
  gtk_widget_class_install_action (widget_class, "win.start-vm", NULL, start_vm_action);
  gtk_widget_class_install_action (widget_class, "win.stop-vm", NULL, stop_vm_action);
  gtk_widget_class_install_action (widget_class, "win.enable-ballooning", NULL, enable_ballooning_action);
  gtk_widget_class_install_action (widget_class, "win.disable-ballooning", NULL, disable_ballooning_action);
  gtk_widget_class_install_action (widget_class, "win.edit-template", NULL, edit_template_action);
  gtk_widget_class_install_action (widget_class, "win.edit-cluster", NULL, edit_cluster_action);
  gtk_widget_class_install_action (widget_class, "win.refresh", NULL, refresh_action);
  gtk_widget_class_install_action (widget_class, "win.logout", NULL, logout_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.new-vm", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.edit-vm", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "win.refresh", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "win.refresh", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search", NULL);
}
