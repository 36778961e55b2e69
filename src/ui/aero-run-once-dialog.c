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
#include "aero-run-once-dialog.h"

struct _AeroRunOnceDialog
{
  AeroEditDialog  parent_instance;

  AeroEngine     *engine;
  AeroVm         *vm;
  GListModel     *clusters;
  gboolean        loaded;
  gboolean        startable;

  AdwWindowTitle *window_title;
  GtkStack       *main_stack;
  GtkSpinner     *loading_spinner;
  GtkLabel       *loading_label;
  GtkLabel       *balloon_state;
  GtkCheckButton *paused_check;
  GtkCheckButton *volatile_check;
};

G_DEFINE_FINAL_TYPE (AeroRunOnceDialog, aero_run_once_dialog, AERO_TYPE_EDIT_DIALOG)

enum {
  LOADED,
  STARTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void load (AeroEditDialog *dialog);

static gboolean
aero_run_once_dialog_is_ready (AeroEditDialog *dialog)
{
  return AERO_RUN_ONCE_DIALOG (dialog)->loaded;
}

/* The list the action came from may be stale: only a VM that is down
 * can be run once. */
static gboolean
aero_run_once_dialog_is_valid (AeroEditDialog *dialog)
{
  return AERO_RUN_ONCE_DIALOG (dialog)->startable;
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

  self->startable = !aero_vm_status_is_running (aero_vm_get_status (self->vm));
  if (!self->startable)
    aero_edit_dialog_show_message (AERO_EDIT_DIALOG (self),
                                   _("This virtual machine is already running."),
                                   _("Run Once starts a virtual machine that is down."),
                                   FALSE);

  self->loaded = TRUE;
  gtk_stack_set_visible_child_name (self->main_stack, "form");
  gtk_spinner_set_spinning (self->loading_spinner, FALSE);
  aero_edit_dialog_update_actions (AERO_EDIT_DIALOG (self));
  aero_edit_dialog_focus_default (AERO_EDIT_DIALOG (self));
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
  if (aero_edit_dialog_error_is_cancelled (error))
    return;

  aero_edit_dialog_set_busy (AERO_EDIT_DIALOG (self), FALSE);
  if (vm == NULL)
    {
      gtk_spinner_set_spinning (self->loading_spinner, FALSE);
      gtk_label_set_text (self->loading_label, _("The virtual machine could not be loaded."));
      aero_edit_dialog_show_error (AERO_EDIT_DIALOG (self), error);
      return;
    }

  g_set_object (&self->vm, vm);
  fill_form (self);
}

static void
load (AeroEditDialog *dialog)
{
  AeroRunOnceDialog *self = AERO_RUN_ONCE_DIALOG (dialog);

  aero_edit_dialog_hide_error (dialog);
  gtk_label_set_text (self->loading_label, _("Loading the virtual machine…"));
  gtk_spinner_set_spinning (self->loading_spinner, TRUE);
  aero_edit_dialog_set_busy (dialog, TRUE);
  aero_engine_get_vm_async (self->engine, aero_vm_get_id (self->vm), FALSE,
                            aero_edit_dialog_get_cancellable (dialog),
                            get_vm_cb, g_object_ref (self));
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
      if (aero_edit_dialog_error_is_cancelled (error))
        return;
      aero_edit_dialog_set_busy (AERO_EDIT_DIALOG (self), FALSE);
      aero_edit_dialog_show_error (AERO_EDIT_DIALOG (self), error);
      return;
    }

  aero_edit_dialog_set_busy (AERO_EDIT_DIALOG (self), FALSE);
  g_signal_emit (self, signals[STARTED], 0);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
aero_run_once_dialog_save (AeroEditDialog *dialog)
{
  AeroRunOnceDialog *self = AERO_RUN_ONCE_DIALOG (dialog);

  aero_edit_dialog_hide_error (dialog);
  aero_edit_dialog_set_busy (dialog, TRUE);
  aero_engine_run_once_async (self->engine,
                              aero_vm_get_id (self->vm),
                              gtk_check_button_get_active (self->volatile_check),
                              gtk_check_button_get_active (self->paused_check),
                              aero_edit_dialog_get_cancellable (dialog),
                              run_once_cb,
                              g_object_ref (self));
}

/* Escape or Cancel with overrides chosen asks first, as the VM and
 * cluster dialogs do. */
static gboolean
aero_run_once_dialog_has_changes (AeroEditDialog *dialog)
{
  AeroRunOnceDialog *self = AERO_RUN_ONCE_DIALOG (dialog);

  if (!self->loaded || aero_edit_dialog_get_busy (dialog))
    return FALSE;
  return gtk_check_button_get_active (self->paused_check)
         || gtk_check_button_get_active (self->volatile_check);
}

GtkWindow *
aero_run_once_dialog_get_discard_dialog (AeroRunOnceDialog *self)
{
  g_return_val_if_fail (AERO_IS_RUN_ONCE_DIALOG (self), NULL);

  return aero_edit_dialog_get_discard_dialog (AERO_EDIT_DIALOG (self));
}

static void
aero_run_once_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), AERO_TYPE_RUN_ONCE_DIALOG);

  G_OBJECT_CLASS (aero_run_once_dialog_parent_class)->dispose (object);
}

static void
aero_run_once_dialog_finalize (GObject *object)
{
  AeroRunOnceDialog *self = AERO_RUN_ONCE_DIALOG (object);

  g_clear_object (&self->engine);
  g_clear_object (&self->vm);
  g_clear_object (&self->clusters);

  G_OBJECT_CLASS (aero_run_once_dialog_parent_class)->finalize (object);
}

static void
aero_run_once_dialog_class_init (AeroRunOnceDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  AeroEditDialogClass *dialog_class = AERO_EDIT_DIALOG_CLASS (klass);

  object_class->dispose = aero_run_once_dialog_dispose;
  object_class->finalize = aero_run_once_dialog_finalize;
  dialog_class->is_ready = aero_run_once_dialog_is_ready;
  dialog_class->is_valid = aero_run_once_dialog_is_valid;
  dialog_class->has_changes = aero_run_once_dialog_has_changes;
  dialog_class->save = aero_run_once_dialog_save;
  dialog_class->load = load;

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
  BIND (main_stack);
  BIND (loading_spinner);
  BIND (loading_label);
  BIND (balloon_state);
  BIND (paused_check);
  BIND (volatile_check);
#undef BIND
  aero_edit_dialog_class_bind_skeleton (widget_class, TRUE);
}

static void
aero_run_once_dialog_init (AeroRunOnceDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  aero_accessible_single_names (GTK_WIDGET (self));
  aero_edit_dialog_update_actions (AERO_EDIT_DIALOG (self));
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
  load (AERO_EDIT_DIALOG (self));

  return self;
}
