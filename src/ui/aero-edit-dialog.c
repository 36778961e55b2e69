/* aero-edit-dialog.c - what every edit dialog shares
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "aero-accessible.h"
#include "aero-edit-dialog.h"
#include "aero-engine-error.h"

typedef struct
{
  GCancellable *cancellable;
  gboolean      busy;
  GtkWindow    *discard_dialog;
  GtkWidget    *saved_focus;  /* weak, while busy */
  const char   *marked_field; /* static, from aero_engine_error_get_field() */

  /* Template children of the subclass. */
  GtkRevealer  *banner_revealer;
  GtkLabel     *banner_reason;
  GtkLabel     *banner_detail;
  GtkWidget    *banner_retry;
  GtkWidget    *busy_spinner;  /* NULL for a dialog that does not load */
} AeroEditDialogPrivate;

G_DEFINE_TYPE_WITH_PRIVATE (AeroEditDialog, aero_edit_dialog, ADW_TYPE_WINDOW)

#define PRIV(self) ((AeroEditDialogPrivate *) aero_edit_dialog_get_instance_private (self))

static gboolean
is_ready (AeroEditDialog *self)
{
  AeroEditDialogClass *klass = AERO_EDIT_DIALOG_GET_CLASS (self);

  return klass->is_ready == NULL || klass->is_ready (self);
}

static gboolean
is_valid (AeroEditDialog *self)
{
  AeroEditDialogClass *klass = AERO_EDIT_DIALOG_GET_CLASS (self);

  return klass->is_valid == NULL || klass->is_valid (self);
}

static gboolean
has_changes (AeroEditDialog *self)
{
  AeroEditDialogClass *klass = AERO_EDIT_DIALOG_GET_CLASS (self);

  return klass->has_changes != NULL && klass->has_changes (self);
}

void
aero_edit_dialog_class_bind_skeleton (GtkWidgetClass *widget_class,
                                      gboolean        loads)
{
  g_return_if_fail (g_type_is_a (G_TYPE_FROM_CLASS (widget_class), AERO_TYPE_EDIT_DIALOG));

#define BIND(name) \
  gtk_widget_class_bind_template_child_full (widget_class, #name, FALSE, \
                                             G_PRIVATE_OFFSET (AeroEditDialog, name))
  BIND (banner_revealer);
  BIND (banner_reason);
  BIND (banner_detail);
  BIND (banner_retry);
  if (loads)
    BIND (busy_spinner);
#undef BIND
}

GCancellable *
aero_edit_dialog_get_cancellable (AeroEditDialog *self)
{
  g_return_val_if_fail (AERO_IS_EDIT_DIALOG (self), NULL);

  return PRIV (self)->cancellable;
}

gboolean
aero_edit_dialog_get_busy (AeroEditDialog *self)
{
  g_return_val_if_fail (AERO_IS_EDIT_DIALOG (self), FALSE);

  return PRIV (self)->busy;
}

gboolean
aero_edit_dialog_has_changes (AeroEditDialog *self)
{
  g_return_val_if_fail (AERO_IS_EDIT_DIALOG (self), FALSE);

  return has_changes (self);
}

void
aero_edit_dialog_update_actions (AeroEditDialog *self)
{
  AeroEditDialogPrivate *priv;
  gboolean ready;

  g_return_if_fail (AERO_IS_EDIT_DIALOG (self));

  priv = PRIV (self);
  ready = is_ready (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dialog.ok",
                                 ready && !priv->busy && is_valid (self));
  if (priv->busy_spinner != NULL)
    {
      gtk_widget_set_visible (priv->busy_spinner, priv->busy && ready);
      gtk_spinner_set_spinning (GTK_SPINNER (priv->busy_spinner), priv->busy && ready);
    }
}

void
aero_edit_dialog_set_busy (AeroEditDialog *self,
                           gboolean        busy)
{
  AeroEditDialogPrivate *priv;
  GObject *form;
  gboolean lock;

  g_return_if_fail (AERO_IS_EDIT_DIALOG (self));

  priv = PRIV (self);
  priv->busy = busy;
  lock = busy && is_ready (self);
  /* The subclass binds its form itself (it works with it): a second
   * binding of one id would break the template's disposal. */
  form = gtk_widget_get_template_child (GTK_WIDGET (self), G_OBJECT_TYPE (self), "main_stack");

  /* Edits stay on screen but cannot change under a request in flight.
   * Focus leaves the form first (GTK 4.8 complains when a focused text
   * turns insensitive) and comes back to the same field afterwards. */
  if (form != NULL)
    {
      if (lock)
        {
          GtkWidget *focus = gtk_window_get_focus (GTK_WINDOW (self));

          if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (form)))
            {
              g_set_weak_pointer (&priv->saved_focus, focus);
              gtk_window_set_focus (GTK_WINDOW (self), NULL);
            }
        }
      gtk_widget_set_sensitive (GTK_WIDGET (form), !lock);
      if (!lock && priv->saved_focus != NULL)
        {
          gtk_widget_grab_focus (priv->saved_focus);
          g_clear_weak_pointer (&priv->saved_focus);
        }
    }

  aero_edit_dialog_update_actions (self);
}

static void
unmark_field (AeroEditDialog *self)
{
  AeroEditDialogPrivate *priv = PRIV (self);
  const char *field = g_steal_pointer (&priv->marked_field);

  if (field != NULL)
    AERO_EDIT_DIALOG_GET_CLASS (self)->mark_field (self, field, NULL);
}

/* The recognition of the engine's words is the engine layer's; which
 * widget shows the field is the subclass's. */
static void
mark_field (AeroEditDialog *self,
            const GError   *error)
{
  AeroEditDialogClass *klass = AERO_EDIT_DIALOG_GET_CLASS (self);
  const char *message = NULL;
  const char *field = aero_engine_error_get_field (error, &message);

  if (field != NULL && klass->mark_field != NULL && klass->mark_field (self, field, message))
    PRIV (self)->marked_field = field;
}

void
aero_edit_dialog_show_message (AeroEditDialog *self,
                               const char     *reason,
                               const char     *detail,
                               gboolean        retry)
{
  AeroEditDialogPrivate *priv;

  g_return_if_fail (AERO_IS_EDIT_DIALOG (self));

  priv = PRIV (self);
  /* A new card: whatever the last one marked is no longer said. */
  unmark_field (self);
  gtk_label_set_text (priv->banner_reason, reason != NULL ? reason : "");
  gtk_label_set_text (priv->banner_detail, detail != NULL ? detail : "");
  gtk_widget_set_visible (GTK_WIDGET (priv->banner_detail), detail != NULL && *detail != '\0');
  gtk_widget_set_visible (priv->banner_retry, retry);
  gtk_revealer_set_reveal_child (priv->banner_revealer, TRUE);
}

void
aero_edit_dialog_show_error (AeroEditDialog *self,
                             const GError   *error)
{
  const char *reason;
  const char *detail;
  gboolean network;
  gboolean retry;

  g_return_if_fail (AERO_IS_EDIT_DIALOG (self));
  g_return_if_fail (error != NULL);

  reason = aero_engine_error_get_reason (error);
  detail = aero_engine_error_get_detail (error);
  network = g_error_matches (error, AERO_ENGINE_ERROR, AERO_ENGINE_ERROR_NETWORK);
  /* A gateway in front of the engine answers 502/503/504 while the engine
   * is down: as worth another try as a dropped connection. A refusal is
   * not, but a load that failed is (there is nothing else to do). */
  retry = network || aero_engine_error_get_http_status (error) >= 500 || !is_ready (self);

  if (reason == NULL)
    {
      reason = network ? _("The connection to the engine was lost.") : error->message;
      detail = network ? error->message : NULL;
    }

  aero_edit_dialog_show_message (self, reason, detail, retry);
  mark_field (self, error);
}

void
aero_edit_dialog_hide_error (AeroEditDialog *self)
{
  g_return_if_fail (AERO_IS_EDIT_DIALOG (self));

  gtk_revealer_set_reveal_child (PRIV (self)->banner_revealer, FALSE);
  unmark_field (self);
}

void
aero_edit_dialog_field_changed (AeroEditDialog *self,
                                const char     *field)
{
  g_return_if_fail (AERO_IS_EDIT_DIALOG (self));
  g_return_if_fail (field != NULL);

  /* The admin answered the fault: it no longer says anything true. */
  if (g_strcmp0 (PRIV (self)->marked_field, field) == 0)
    aero_edit_dialog_hide_error (self);
}

const char *
aero_edit_dialog_get_marked_field (AeroEditDialog *self)
{
  g_return_val_if_fail (AERO_IS_EDIT_DIALOG (self), NULL);

  return PRIV (self)->marked_field;
}

gboolean
aero_edit_dialog_error_is_cancelled (const GError *error)
{
  return g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED)
         || g_error_matches (error, AERO_ENGINE_ERROR, AERO_ENGINE_ERROR_CANCELLED);
}

void
aero_edit_dialog_focus_default (AeroEditDialog *self)
{
  g_return_if_fail (AERO_IS_EDIT_DIALOG (self));

  aero_accessible_focus_default (GTK_WINDOW (self));
}

GtkWindow *
aero_edit_dialog_get_discard_dialog (AeroEditDialog *self)
{
  g_return_val_if_fail (AERO_IS_EDIT_DIALOG (self), NULL);

  return PRIV (self)->discard_dialog;
}

/* --- actions ------------------------------------------------------------- */

static void
dialog_ok (GtkWidget  *widget,
           const char *action_name,
           GVariant   *parameter)
{
  AeroEditDialog *self = AERO_EDIT_DIALOG (widget);
  AeroEditDialogClass *klass = AERO_EDIT_DIALOG_GET_CLASS (self);

  if (!is_ready (self) || PRIV (self)->busy)
    return;
  if (!is_valid (self))
    {
      /* OK was tried: every error shows, the required ones too. */
      if (klass->reveal_errors != NULL)
        klass->reveal_errors (self);
      return;
    }
  klass->save (self);
}

static void
dialog_retry (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  AeroEditDialog *self = AERO_EDIT_DIALOG (widget);
  AeroEditDialogClass *klass = AERO_EDIT_DIALOG_GET_CLASS (self);

  if (!is_ready (self) && klass->load != NULL)
    klass->load (self);
  else
    gtk_widget_activate_action (widget, "dialog.ok", NULL);
}

GtkWindow *
aero_edit_dialog_new_discard_question (GtkWindow *parent)
{
  GtkWidget *dialog;

  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);

  dialog = adw_message_dialog_new (parent,
                                   _("Discard changes?"),
                                   _("The changes you made in this dialog will be lost."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "keep", _("_Keep Editing"),
                                    "discard", _("_Discard"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  /* Its response buttons have mnemonics: "_Discard Discard" on GTK 4.8. */
  aero_accessible_single_names (dialog);

  return GTK_WINDOW (dialog);
}

static gboolean
destroy_idle_cb (gpointer user_data)
{
  gtk_window_destroy (GTK_WINDOW (user_data));
  return G_SOURCE_REMOVE;
}

static void
discard_response_cb (AeroEditDialog *self,
                     const char     *response)
{
  AeroEditDialogPrivate *priv = PRIV (self);

  priv->discard_dialog = NULL;
  if (g_strcmp0 (response, "discard") != 0)
    return;

  /* The question is still answering and transient for this dialog: this
   * one goes once the question has closed. */
  g_cancellable_cancel (priv->cancellable);
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, destroy_idle_cb,
                   g_object_ref (self), g_object_unref);
}

static void
ask_discard (AeroEditDialog *self)
{
  AeroEditDialogPrivate *priv = PRIV (self);

  if (priv->discard_dialog != NULL)
    return;

  priv->discard_dialog = aero_edit_dialog_new_discard_question (GTK_WINDOW (self));
  g_signal_connect_object (priv->discard_dialog, "response",
                           G_CALLBACK (discard_response_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (priv->discard_dialog);
}

static void
dialog_cancel (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AeroEditDialog *self = AERO_EDIT_DIALOG (widget);

  if (has_changes (self))
    {
      ask_discard (self);
      return;
    }

  /* A request in flight holds a reference: stop it so the dialog goes. */
  g_cancellable_cancel (PRIV (self)->cancellable);
  gtk_window_destroy (GTK_WINDOW (self));
}

static gboolean
aero_edit_dialog_close_request (GtkWindow *window)
{
  AeroEditDialog *self = AERO_EDIT_DIALOG (window);

  if (has_changes (self))
    {
      ask_discard (self);
      return TRUE;
    }

  g_cancellable_cancel (PRIV (self)->cancellable);

  return GTK_WINDOW_CLASS (aero_edit_dialog_parent_class)->close_request (window);
}

/* GtkCheckButton has no wrap property before GTK 4.18 and a custom child
 * would lose its plain label: the labels of the template's check buttons
 * wrap, so a dialog fits a phone-width screen. */
static void
wrap_check_buttons (GtkWidget *root)
{
  if (GTK_IS_CHECK_BUTTON (root))
    {
      for (GtkWidget *child = gtk_widget_get_first_child (root);
           child != NULL;
           child = gtk_widget_get_next_sibling (child))
        if (GTK_IS_LABEL (child))
          {
            gtk_label_set_wrap (GTK_LABEL (child), TRUE);
            gtk_label_set_wrap_mode (GTK_LABEL (child), PANGO_WRAP_WORD_CHAR);
          }
      return;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    wrap_check_buttons (child);
}

/* --- GObject ------------------------------------------------------------- */

static void
aero_edit_dialog_constructed (GObject *object)
{
  AeroEditDialog *self = AERO_EDIT_DIALOG (object);

  G_OBJECT_CLASS (aero_edit_dialog_parent_class)->constructed (object);

  /* After the subclass built its template. */
  wrap_check_buttons (GTK_WIDGET (self));
}

static void
aero_edit_dialog_dispose (GObject *object)
{
  AeroEditDialogPrivate *priv = PRIV (AERO_EDIT_DIALOG (object));

  g_cancellable_cancel (priv->cancellable);
  if (priv->discard_dialog != NULL)
    gtk_window_destroy (priv->discard_dialog);
  priv->discard_dialog = NULL;
  g_clear_weak_pointer (&priv->saved_focus);

  G_OBJECT_CLASS (aero_edit_dialog_parent_class)->dispose (object);
}

static void
aero_edit_dialog_finalize (GObject *object)
{
  AeroEditDialogPrivate *priv = PRIV (AERO_EDIT_DIALOG (object));

  g_clear_object (&priv->cancellable);

  G_OBJECT_CLASS (aero_edit_dialog_parent_class)->finalize (object);
}

static void
aero_edit_dialog_class_init (AeroEditDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = aero_edit_dialog_constructed;
  object_class->dispose = aero_edit_dialog_dispose;
  object_class->finalize = aero_edit_dialog_finalize;
  window_class->close_request = aero_edit_dialog_close_request;

  gtk_widget_class_install_action (widget_class, "dialog.ok", NULL, dialog_ok);
  gtk_widget_class_install_action (widget_class, "dialog.cancel", NULL, dialog_cancel);
  gtk_widget_class_install_action (widget_class, "dialog.retry", NULL, dialog_retry);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "dialog.cancel", NULL);
}

static void
aero_edit_dialog_init (AeroEditDialog *self)
{
  PRIV (self)->cancellable = g_cancellable_new ();
}
