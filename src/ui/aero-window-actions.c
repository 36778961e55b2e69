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
  gtk_widget_action_set_enabled (widget, "win.shutdown-vm", any_stop);
  gtk_widget_action_set_enabled (widget, "win.poweroff-vm", any_stop);
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

/* A new VM: say so, and select it once the refresh lists it, so the
 * admin sees where it went (webadmin selects it too). */
static void
vm_created_cb (AeroWindow *self,
               GObject    *object)
{
  g_autofree char *text = NULL;

  if (!AERO_IS_VM (object))
    return;

  aero_vm_view_select_when_listed (self->vm_view, aero_vm_get_id (AERO_VM (object)));
  /* TRANSLATORS: a toast; %s is the new virtual machine's name */
  text = g_strdup_printf (_("Created %s"), aero_vm_get_name (AERO_VM (object)));
  aero_window_show_toast (self, text);
}

static void
new_vm_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  AeroWindow *self = AERO_WINDOW (widget);
  GtkWidget *dialog;

  dialog = aero_dialogs_new_vm (GTK_WINDOW (self), self->engine,
                                aero_window_get_cluster_model (self),
                                aero_window_get_template_model (self),
                                dialog_done_cb, window_weak_ref (self));
  /* After the handler that starts the refresh: the new VM is selected
   * when a load lists it. */
  g_signal_connect_object (dialog, "saved", G_CALLBACK (vm_created_cb), self,
                           G_CONNECT_SWAPPED);
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

/* Start, Shut Down and Power Off: done here, each outcome as a toast in
 * the engine's words. Shut Down and Power Off ask first, as webadmin does
 * (ovirt-engine: frontend/webadmin/modules/uicommonweb/.../vms/VmListModel.java,
 * shutdown() and stop(): a confirmation listing the VMs). */

typedef enum {
  POWER_START,
  POWER_SHUTDOWN,   /* POST /shutdown: the guest shuts itself down */
  POWER_OFF,        /* POST /stop: as if the power were cut */
} PowerKind;

/* Names listed in the question; more are counted, not named. */
#define POWER_LIST_MAX 10

/* One power action over the selected VMs: how many answers are awaited,
 * and who succeeded, for the one toast at the end. */
typedef struct
{
  GWeakRef   window;
  PowerKind  kind;
  guint      pending;
  guint      succeeded;
  char      *first_succeeded;
} PowerBatch;

typedef struct
{
  PowerBatch *batch;
  char       *name;
} PowerData;

static void
power_batch_free (PowerBatch *batch)
{
  g_weak_ref_clear (&batch->window);
  g_free (batch->first_succeeded);
  g_free (batch);
}

static char *
power_failure_text (PowerKind   kind,
                    const char *name,
                    const char *words)
{
  switch (kind)
    {
    case POWER_START:
      /* TRANSLATORS: first %s is the VM, second the engine's words */
      return g_strdup_printf (_("Could not start %s: %s"), name, words);
    case POWER_SHUTDOWN:
      /* TRANSLATORS: first %s is the VM, second the engine's words */
      return g_strdup_printf (_("Could not shut down %s: %s"), name, words);
    case POWER_OFF:
      /* TRANSLATORS: first %s is the VM, second the engine's words */
      return g_strdup_printf (_("Could not power off %s: %s"), name, words);
    default:
      g_assert_not_reached ();
    }
}

static char *
power_success_text (PowerBatch *batch)
{
  if (batch->succeeded == 1)
    {
      switch (batch->kind)
        {
        case POWER_START:
          return g_strdup_printf (_("Started %s"), batch->first_succeeded);
        case POWER_SHUTDOWN:
          /* The engine has asked the guest; it goes down in its own time. */
          return g_strdup_printf (_("Shutting down %s"), batch->first_succeeded);
        case POWER_OFF:
          return g_strdup_printf (_("Powered off %s"), batch->first_succeeded);
        default:
          g_assert_not_reached ();
        }
    }

  switch (batch->kind)
    {
    case POWER_START:
      return g_strdup_printf (ngettext ("Started %u virtual machine",
                                        "Started %u virtual machines", batch->succeeded),
                              batch->succeeded);
    case POWER_SHUTDOWN:
      return g_strdup_printf (ngettext ("Shutting down %u virtual machine",
                                        "Shutting down %u virtual machines", batch->succeeded),
                              batch->succeeded);
    case POWER_OFF:
      return g_strdup_printf (ngettext ("Powered off %u virtual machine",
                                        "Powered off %u virtual machines", batch->succeeded),
                              batch->succeeded);
    default:
      g_assert_not_reached ();
    }
}

static void
power_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  PowerData *data = user_data;
  PowerBatch *batch = data->batch;
  g_autoptr(AeroWindow) self = g_weak_ref_get (&batch->window);
  g_autoptr(GError) error = NULL;
  gboolean ok = FALSE;

  switch (batch->kind)
    {
    case POWER_START:
      ok = aero_engine_start_vm_finish (AERO_ENGINE (object), result, &error);
      break;
    case POWER_SHUTDOWN:
      ok = aero_engine_shutdown_vm_finish (AERO_ENGINE (object), result, &error);
      break;
    case POWER_OFF:
      ok = aero_engine_stop_vm_finish (AERO_ENGINE (object), result, &error);
      break;
    default:
      g_assert_not_reached ();
    }

  if (ok)
    {
      if (batch->succeeded++ == 0)
        batch->first_succeeded = g_strdup (data->name);
    }
  else if (self != NULL)
    {
      /* Each failure on its own, naming the VM. */
      g_autofree char *words = aero_format_error (error);
      g_autofree char *text = power_failure_text (batch->kind, data->name, words);

      aero_window_show_toast (self, text);
    }

  if (--batch->pending == 0)
    {
      if (self != NULL)
        {
          if (batch->succeeded > 0)
            {
              g_autofree char *text = power_success_text (batch);

              aero_window_show_toast (self, text);
            }
          aero_window_refresh (self);
        }
      power_batch_free (batch);
    }

  g_free (data->name);
  g_free (data);
}

/* The selected VMs @kind applies to. */
static GPtrArray *
power_targets (AeroWindow *self,
               PowerKind   kind)
{
  g_autoptr(GPtrArray) selected = aero_vm_view_dup_selected (self->vm_view);
  GPtrArray *targets = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < selected->len; i++)
    {
      AeroVm *vm = g_ptr_array_index (selected, i);

      if (kind == POWER_START ? vm_can_start (vm) : vm_can_stop (vm))
        g_ptr_array_add (targets, g_object_ref (vm));
    }

  return targets;
}

static void
power_send (AeroWindow *self,
            PowerKind   kind,
            GPtrArray  *vms)
{
  PowerBatch *batch;

  if (self->engine == NULL || vms->len == 0)
    return;

  batch = g_new0 (PowerBatch, 1);
  g_weak_ref_init (&batch->window, self);
  batch->kind = kind;
  batch->pending = vms->len;

  for (guint i = 0; i < vms->len; i++)
    {
      AeroVm *vm = g_ptr_array_index (vms, i);
      PowerData *data = g_new0 (PowerData, 1);

      data->batch = batch;
      data->name = g_strdup (aero_vm_get_name (vm));

      switch (kind)
        {
        case POWER_START:
          aero_engine_start_vm_async (self->engine, aero_vm_get_id (vm), NULL, power_cb, data);
          break;
        case POWER_SHUTDOWN:
          aero_engine_shutdown_vm_async (self->engine, aero_vm_get_id (vm), NULL, power_cb, data);
          break;
        case POWER_OFF:
          aero_engine_stop_vm_async (self->engine, aero_vm_get_id (vm), NULL, power_cb, data);
          break;
        default:
          g_assert_not_reached ();
        }
    }
}

/* "• web-01\n• web-02", at most POWER_LIST_MAX names, then how many more. */
static char *
power_list (GPtrArray *vms)
{
  GString *out = g_string_new (NULL);
  guint shown = MIN (vms->len, POWER_LIST_MAX);

  for (guint i = 0; i < shown; i++)
    {
      if (i > 0)
        g_string_append_c (out, '\n');
      /* TRANSLATORS: one line of a list of virtual machines */
      g_string_append_printf (out, _("• %s"), aero_vm_get_name (g_ptr_array_index (vms, i)));
    }
  if (vms->len > shown)
    {
      g_string_append_c (out, '\n');
      g_string_append_printf (out, ngettext ("and %u more", "and %u more", vms->len - shown),
                              vms->len - shown);
    }

  return g_string_free (out, FALSE);
}

static void
power_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   gpointer          user_data)
{
  GPtrArray *vms = g_object_get_data (G_OBJECT (dialog), "aero-power-vms");
  PowerKind kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "aero-power-kind"));
  g_autoptr(AeroWindow) self = g_weak_ref_get (user_data);

  if (self == NULL || g_strcmp0 (response, "cancel") == 0)
    return;

  power_send (self, kind, vms);
}

static void
weak_ref_free (gpointer  data,
               GClosure *closure)
{
  g_weak_ref_clear (data);
  g_free (data);
}

/* The question before Shut Down or Power Off: what happens, to which VMs.
 * Cancel is the default and has the focus: Enter does nothing harmful. */
static AdwMessageDialog *
power_question_new (AeroWindow *self,
                    PowerKind   kind,
                    GPtrArray  *vms)
{
  AdwMessageDialog *dialog;
  g_autofree char *heading = NULL;
  g_autofree char *list = NULL;
  g_autofree char *body = NULL;
  g_autofree char *body_with_warning = NULL;
  gboolean forced = FALSE;
  const char *what;
  GWeakRef *ref;

  if (kind == POWER_SHUTDOWN)
    {
      what = ngettext ("The guest operating system is asked to shut down. A guest that does not respond stays up.",
                       "Each guest operating system is asked to shut down. A guest that does not respond stays up.",
                       vms->len);
      if (vms->len == 1)
        /* TRANSLATORS: %s is a virtual machine */
        heading = g_strdup_printf (_("Shut Down %s?"), aero_vm_get_name (g_ptr_array_index (vms, 0)));
      else
        heading = g_strdup_printf (ngettext ("Shut Down %u Virtual Machine?",
                                             "Shut Down %u Virtual Machines?", vms->len),
                                   vms->len);
    }
  else
    {
      what = ngettext ("The virtual machine is stopped at once, as if its power were cut. "
                       "Whatever the guest has not written to disk is lost.",
                       "The virtual machines are stopped at once, as if their power were cut. "
                       "Whatever the guests have not written to disk is lost.",
                       vms->len);
      if (vms->len == 1)
        /* TRANSLATORS: %s is a virtual machine */
        heading = g_strdup_printf (_("Power Off %s?"), aero_vm_get_name (g_ptr_array_index (vms, 0)));
      else
        heading = g_strdup_printf (ngettext ("Power Off %u Virtual Machine?",
                                             "Power Off %u Virtual Machines?", vms->len),
                                   vms->len);
    }

  if (vms->len == 1)
    body = g_strdup (what);
  else
    {
      list = power_list (vms);
      body = g_strdup_printf ("%s\n\n%s", what, list);
    }

  /* A VM that is not Up cannot shut down: the engine stops it instead
   * (ShutdownVmCommand.canShutdownVm), so the question says so and the
   * answer is styled as the power-off it is for those. */
  if (kind == POWER_SHUTDOWN)
    {
      g_autoptr(GPtrArray) not_up = g_ptr_array_new ();

      for (guint i = 0; i < vms->len; i++)
        if (aero_vm_get_status (g_ptr_array_index (vms, i)) != AERO_VM_STATUS_UP)
          g_ptr_array_add (not_up, g_ptr_array_index (vms, i));
      if (not_up->len > 0)
        {
          g_autofree char *names = power_list (not_up);
          g_autofree char *warning = NULL;

          forced = TRUE;
          if (vms->len == 1)
            warning = g_strdup (_("It is not up, so the engine powers it off instead, "
                                  "as if its power were cut."));
          else
            warning = g_strdup_printf (ngettext ("This one is not up, so the engine powers it off instead, "
                                                 "as if its power were cut:\n%s",
                                                 "These are not up, so the engine powers them off instead, "
                                                 "as if their power were cut:\n%s",
                                                 not_up->len),
                                       names);
          body_with_warning = g_strdup_printf ("%s\n\n%s", body, warning);
        }
    }

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading,
                                                       body_with_warning != NULL ? body_with_warning : body));
  adw_message_dialog_add_response (dialog, "cancel", _("_Cancel"));
  if (kind == POWER_SHUTDOWN)
    {
      adw_message_dialog_add_response (dialog, "shutdown", _("_Shut Down"));
      adw_message_dialog_set_response_appearance (dialog, "shutdown",
                                                  forced ? ADW_RESPONSE_DESTRUCTIVE : ADW_RESPONSE_SUGGESTED);
    }
  else
    {
      adw_message_dialog_add_response (dialog, "poweroff", _("_Power Off"));
      adw_message_dialog_set_response_appearance (dialog, "poweroff", ADW_RESPONSE_DESTRUCTIVE);
    }
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");

  g_object_set_data_full (G_OBJECT (dialog), "aero-power-vms", g_ptr_array_ref (vms),
                          (GDestroyNotify) g_ptr_array_unref);
  g_object_set_data (G_OBJECT (dialog), "aero-power-kind", GINT_TO_POINTER (kind));
  ref = g_new0 (GWeakRef, 1);
  g_weak_ref_init (ref, self);
  g_signal_connect_data (dialog, "response", G_CALLBACK (power_response_cb),
                         ref, weak_ref_free, 0);

  return dialog;
}

/* Focus on the safe choice once the question is shown (AdwMessageDialog
 * 1.2 focuses the first response otherwise only by chance of order). */
static void
focus_cancel (GtkWidget *widget,
              gpointer   user_data)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_BUTTON (child)
          && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (child)), _("_Cancel")) == 0)
        {
          gtk_widget_grab_focus (child);
          return;
        }
      focus_cancel (child, user_data);
    }
}

static void
power_ask (AeroWindow *self,
           PowerKind   kind)
{
  g_autoptr(GPtrArray) vms = NULL;
  AdwMessageDialog *dialog;

  if (self->engine == NULL)
    return;

  vms = power_targets (self, kind);
  if (vms->len == 0)
    return;

  dialog = power_question_new (self, kind, vms);
  gtk_window_present (GTK_WINDOW (dialog));
  focus_cancel (GTK_WIDGET (dialog), NULL);
}

static void
start_vm_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  AeroWindow *self = AERO_WINDOW (widget);
  g_autoptr(GPtrArray) vms = power_targets (self, POWER_START);

  /* Nothing is lost by a start: no question. */
  power_send (self, POWER_START, vms);
}

static void
shutdown_vm_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  power_ask (AERO_WINDOW (widget), POWER_SHUTDOWN);
}

static void
poweroff_vm_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  power_ask (AERO_WINDOW (widget), POWER_OFF);
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
  gtk_widget_class_install_action (widget_class, "win.shutdown-vm", NULL, shutdown_vm_action);
  gtk_widget_class_install_action (widget_class, "win.poweroff-vm", NULL, poweroff_vm_action);
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
  /* Both ask first, so a slip of the fingers stops nothing. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_S, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.start-vm", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_D, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.shutdown-vm", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_P, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.poweroff-vm", NULL);
}
