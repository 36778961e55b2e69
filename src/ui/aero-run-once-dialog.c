/* aero-run-once-dialog.c - Run Once: start a down VM with one-time options
 *
 * No memory or balloon override: the engine's REST start ignores the
 * memory policy of a Run Once in every release (ovirt-engine: backend/
 * manager/modules/restapi/types/src/main/java/org/ovirt/engine/api/
 * restapi/types/VmMapper.java map (Vm, RunVmOnceParams)), so the dialog
 * shows the stored setting the run will use and says why it is fixed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "aero-accessible.h"
#include "aero-dialogs.h"
#include "aero-run-once-dialog.h"

struct _AeroRunOnceDialog
{
  AdwWindow       parent_instance;

  AeroEngine     *engine;
  AeroVm         *vm;
  GListModel     *clusters;
  GCancellable   *cancellable;
  gboolean        loaded;
  gboolean        busy;
  gboolean        startable;
  GtkWindow      *discard_dialog;

  AdwWindowTitle *window_title;
  GtkWidget      *busy_spinner;
  GtkRevealer    *banner_revealer;
  GtkLabel       *banner_reason;
  GtkLabel       *banner_detail;
  GtkWidget      *banner_retry;
  GtkStack       *main_stack;
  GtkSpinner     *loading_spinner;
  GtkLabel       *loading_label;
  GtkLabel       *balloon_state;
  GtkCheckButton *paused_check;
  GtkCheckButton *volatile_check;
};

G_DEFINE_FINAL_TYPE (AeroRunOnceDialog, aero_run_once_dialog, ADW_TYPE_WINDOW)

enum {
  LOADED,
  STARTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void load (AeroRunOnceDialog *self);

static gboolean
is_cancelled (const GError *error)
{
  return g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED)
         || g_error_matches (error, AERO_ENGINE_ERROR, AERO_ENGINE_ERROR_CANCELLED);
}

static void
update_actions (AeroRunOnceDialog *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dialog.ok",
                                 self->loaded && self->startable && !self->busy);
  gtk_widget_set_visible (self->busy_spinner, self->busy && self->loaded);
  gtk_spinner_set_spinning (GTK_SPINNER (self->busy_spinner), self->busy && self->loaded);
  gtk_widget_set_sensitive (GTK_WIDGET (self->main_stack), !(self->busy && self->loaded));
}

static void
show_error (AeroRunOnceDialog *self,
            const GError      *error)
{
  const char *reason = aero_engine_error_get_reason (error);
  const char *detail = aero_engine_error_get_detail (error);
  gboolean network = g_error_matches (error, AERO_ENGINE_ERROR, AERO_ENGINE_ERROR_NETWORK);
  /* A gateway in front of the engine answers 502/503/504 while the engine
   * is down: as worth another try as a dropped connection. */
  gboolean retry = network || aero_engine_error_get_http_status (error) >= 500;

  if (reason == NULL)
    {
      reason = network ? _("The connection to the engine was lost.") : error->message;
      detail = network ? error->message : NULL;
    }

  gtk_label_set_text (self->banner_reason, reason);
  gtk_label_set_text (self->banner_detail, detail != NULL ? detail : "");
  gtk_widget_set_visible (GTK_WIDGET (self->banner_detail), detail != NULL && *detail != '\0');
  gtk_widget_set_visible (self->banner_retry, retry || !self->loaded);
  gtk_revealer_set_reveal_child (self->banner_revealer, TRUE);
}

static void
set_titles (AeroRunOnceDialog *self)
{
  g_autofree char *title = NULL;

  adw_window_title_set_subtitle (self->window_title, aero_vm_get_name (self->vm));
  /* TRANSLATORS: window title, "Run Once – web-01" */
  title = g_strdup_printf (_("%s – %s"), _("Run Once"), aero_vm_get_name (self->vm));
  gtk_window_set_title (GTK_WINDOW (self), title);
}

static const char *
ballooning_text (AeroTristate ballooning)
{
  switch (ballooning)
    {
    case AERO_TRISTATE_TRUE:
      return _("Enabled");
    case AERO_TRISTATE_FALSE:
      return _("Disabled");
    case AERO_TRISTATE_UNKNOWN:
    default:
      return _("Unknown");
    }
}

static void
fill_form (AeroRunOnceDialog *self)
{
  AeroMemoryPolicy *policy = aero_vm_get_memory_policy (self->vm);

  set_titles (self);

  gtk_label_set_text (self->balloon_state,
                      ballooning_text (policy != NULL ? aero_memory_policy_get_ballooning (policy)
                                                      : AERO_TRISTATE_UNKNOWN));

  /* The list the action came from may be stale: only a VM that is down
   * can be run once. */
  self->startable = !aero_vm_status_is_running (aero_vm_get_status (self->vm));
  if (!self->startable)
    {
      gtk_label_set_text (self->banner_reason, _("This virtual machine is already running."));
      gtk_label_set_text (self->banner_detail, _("Run Once starts a virtual machine that is down."));
      gtk_widget_set_visible (GTK_WIDGET (self->banner_detail), TRUE);
      gtk_widget_set_visible (self->banner_retry, FALSE);
      gtk_revealer_set_reveal_child (self->banner_revealer, TRUE);
    }

  self->loaded = TRUE;
  gtk_stack_set_visible_child_name (self->main_stack, "form");
  gtk_spinner_set_spinning (self->loading_spinner, FALSE);
  update_actions (self);
  aero_dialogs_focus_default (GTK_WINDOW (self));
  g_signal_emit (self, signals[LOADED], 0);
}

static void
get_vm_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(AeroRunOnceDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(AeroVm) vm = NULL;

  vm = aero_engine_get_vm_finish (AERO_ENGINE (source), result, &error);
  if (is_cancelled (error))
    return;

  self->busy = FALSE;
  if (vm == NULL)
    {
      gtk_spinner_set_spinning (self->loading_spinner, FALSE);
      gtk_label_set_text (self->loading_label, _("The virtual machine could not be loaded."));
      show_error (self, error);
      update_actions (self);
      return;
    }

  g_set_object (&self->vm, vm);
  fill_form (self);
}

static void
load (AeroRunOnceDialog *self)
{
  gtk_revealer_set_reveal_child (self->banner_revealer, FALSE);
  gtk_label_set_text (self->loading_label, _("Loading the virtual machine…"));
  gtk_spinner_set_spinning (self->loading_spinner, TRUE);
  self->busy = TRUE;
  update_actions (self);
  aero_engine_get_vm_async (self->engine, aero_vm_get_id (self->vm), FALSE,
                            self->cancellable, get_vm_cb, g_object_ref (self));
}

gboolean
aero_run_once_dialog_get_loaded (AeroRunOnceDialog *self)
{
  g_return_val_if_fail (AERO_IS_RUN_ONCE_DIALOG (self), FALSE);

  return self->loaded;
}

static void
run_once_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(AeroRunOnceDialog) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!aero_engine_run_once_finish (AERO_ENGINE (source), result, &error))
    {
      if (is_cancelled (error))
        return;
      self->busy = FALSE;
      update_actions (self);
      show_error (self, error);
      return;
    }

  self->busy = FALSE;
  g_signal_emit (self, signals[STARTED], 0);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
dialog_ok (GtkWidget  *widget,
           const char *action_name,
           GVariant   *parameter)
{
  AeroRunOnceDialog *self = AERO_RUN_ONCE_DIALOG (widget);

  if (!self->loaded || !self->startable || self->busy)
    return;

  gtk_revealer_set_reveal_child (self->banner_revealer, FALSE);
  self->busy = TRUE;
  update_actions (self);
  aero_engine_run_once_async (self->engine,
                              aero_vm_get_id (self->vm),
                              gtk_check_button_get_active (self->volatile_check),
                              gtk_check_button_get_active (self->paused_check),
                              self->cancellable,
                              run_once_cb,
                              g_object_ref (self));
}

static void
dialog_retry (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  AeroRunOnceDialog *self = AERO_RUN_ONCE_DIALOG (widget);

  if (!self->loaded)
    load (self);
  else
    gtk_widget_activate_action (widget, "dialog.ok", NULL);
}

/* Escape or Cancel with overrides chosen asks first, as the VM and
 * cluster dialogs do. */
static gboolean
has_edits (AeroRunOnceDialog *self)
{
  if (!self->loaded || self->busy)
    return FALSE;
  return gtk_check_button_get_active (self->paused_check)
         || gtk_check_button_get_active (self->volatile_check);
}

static void
discard_response_cb (AeroRunOnceDialog *self,
                     const char        *response)
{
  self->discard_dialog = NULL;
  if (g_strcmp0 (response, "discard") == 0)
    aero_dialogs_close_discarded (GTK_WINDOW (self), self->cancellable);
}

static void
ask_discard (AeroRunOnceDialog *self)
{
  if (self->discard_dialog != NULL)
    return;

  self->discard_dialog = aero_dialogs_new_discard_question (GTK_WINDOW (self));
  g_signal_connect_object (self->discard_dialog, "response",
                           G_CALLBACK (discard_response_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (self->discard_dialog);
}

static void
dialog_cancel (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AeroRunOnceDialog *self = AERO_RUN_ONCE_DIALOG (widget);

  if (has_edits (self))
    {
      ask_discard (self);
      return;
    }

  g_cancellable_cancel (self->cancellable);
  gtk_window_destroy (GTK_WINDOW (self));
}

static gboolean
aero_run_once_dialog_close_request (GtkWindow *window)
{
  AeroRunOnceDialog *self = AERO_RUN_ONCE_DIALOG (window);

  if (has_edits (self))
    {
      ask_discard (self);
      return TRUE;
    }

  g_cancellable_cancel (self->cancellable);

  return GTK_WINDOW_CLASS (aero_run_once_dialog_parent_class)->close_request (window);
}

GtkWindow *
aero_run_once_dialog_get_discard_dialog (AeroRunOnceDialog *self)
{
  g_return_val_if_fail (AERO_IS_RUN_ONCE_DIALOG (self), NULL);

  return self->discard_dialog;
}

static void
aero_run_once_dialog_dispose (GObject *object)
{
  AeroRunOnceDialog *self = AERO_RUN_ONCE_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  if (self->discard_dialog != NULL)
    gtk_window_destroy (self->discard_dialog);
  self->discard_dialog = NULL;
  gtk_widget_dispose_template (GTK_WIDGET (self), AERO_TYPE_RUN_ONCE_DIALOG);

  G_OBJECT_CLASS (aero_run_once_dialog_parent_class)->dispose (object);
}

static void
aero_run_once_dialog_finalize (GObject *object)
{
  AeroRunOnceDialog *self = AERO_RUN_ONCE_DIALOG (object);

  g_clear_object (&self->engine);
  g_clear_object (&self->vm);
  g_clear_object (&self->clusters);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (aero_run_once_dialog_parent_class)->finalize (object);
}

static void
aero_run_once_dialog_class_init (AeroRunOnceDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = aero_run_once_dialog_dispose;
  object_class->finalize = aero_run_once_dialog_finalize;
  window_class->close_request = aero_run_once_dialog_close_request;

  signals[LOADED] =
    g_signal_new ("loaded",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
  signals[STARTED] =
    g_signal_new ("started",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/aerostat/Aerostat/ui/aero-run-once-dialog.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, AeroRunOnceDialog, name)
  BIND (window_title);
  BIND (busy_spinner);
  BIND (banner_revealer);
  BIND (banner_reason);
  BIND (banner_detail);
  BIND (banner_retry);
  BIND (main_stack);
  BIND (loading_spinner);
  BIND (loading_label);
  BIND (balloon_state);
  BIND (paused_check);
  BIND (volatile_check);
#undef BIND

  gtk_widget_class_install_action (widget_class, "dialog.ok", NULL, dialog_ok);
  gtk_widget_class_install_action (widget_class, "dialog.cancel", NULL, dialog_cancel);
  gtk_widget_class_install_action (widget_class, "dialog.retry", NULL, dialog_retry);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "dialog.cancel", NULL);
}

static void
aero_run_once_dialog_init (AeroRunOnceDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  aero_accessible_single_names (GTK_WIDGET (self));
  aero_dialogs_wrap_check_buttons (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  update_actions (self);
}

AeroRunOnceDialog *
aero_run_once_dialog_new (AeroEngine *engine,
                          AeroVm     *vm,
                          GListModel *clusters)
{
  AeroRunOnceDialog *self;

  g_return_val_if_fail (AERO_IS_ENGINE (engine), NULL);
  g_return_val_if_fail (AERO_IS_VM (vm), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (clusters), NULL);

  self = g_object_new (AERO_TYPE_RUN_ONCE_DIALOG, NULL);
  self->engine = g_object_ref (engine);
  self->vm = g_object_ref (vm);
  self->clusters = g_object_ref (clusters);
  set_titles (self);
  load (self);

  return self;
}
