/* aero-edit-dialog.h - what every edit dialog shares
 *
 * The VM, Run Once and Edit Cluster dialogs derive from this window. It
 * owns the skeleton they had each written out: the busy state (OK greyed,
 * the form locked, a spinner), the engine-fault card with Retry, the
 * cancellable of their requests (cancelled on close), the "Discard
 * changes?" question on Escape / Cancel, the OK / Cancel / Retry actions
 * ("dialog.ok", "dialog.cancel", "dialog.retry"), and the focus of OK.
 *
 * A subclass template holds the parts by these ids (see
 * aero_edit_dialog_class_bind_skeleton()): banner_revealer, banner_reason,
 * banner_detail, banner_retry, and for a dialog that loads first also
 * busy_spinner and main_stack (the form, locked while busy, which the
 * subclass binds as a template child of its own).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define AERO_TYPE_EDIT_DIALOG (aero_edit_dialog_get_type ())
G_DECLARE_DERIVABLE_TYPE (AeroEditDialog, aero_edit_dialog, AERO, EDIT_DIALOG, AdwWindow)

struct _AeroEditDialogClass
{
  AdwWindowClass parent_class;

  /* TRUE once the form shows what it edits (after the GET, if any).
   * Default: TRUE. */
  gboolean (*is_ready)      (AeroEditDialog *self);
  /* TRUE when the form passes its own checks: OK is enabled. Default: TRUE. */
  gboolean (*is_valid)      (AeroEditDialog *self);
  /* TRUE when closing would lose something the admin did: Cancel and
   * Escape ask first. Default: FALSE. */
  gboolean (*has_changes)   (AeroEditDialog *self);
  /* OK was pressed on a form that is not valid: show every error. May be
   * NULL. */
  void     (*reveal_errors) (AeroEditDialog *self);
  /* OK on a ready, valid form with no request in flight: start the save
   * (or ask a question first). */
  void     (*save)          (AeroEditDialog *self);
  /* Retry before the form is ready: load again. May be NULL. */
  void     (*load)          (AeroEditDialog *self);
  /* Marks the widget that shows @field (a key of
   * aero_engine_error_get_field(): "name") as refused, with @message
   * beside it, or takes the mark away when @message is NULL. Returns
   * FALSE when this dialog shows no such field. May be NULL. */
  gboolean (*mark_field)    (AeroEditDialog *self,
                             const char     *field,
                             const char     *message);

  gpointer padding[8];
};

/* Binds the skeleton's parts of the subclass template to the base (call
 * after gtk_widget_class_set_template_from_resource()). @loads: the
 * template also has busy_spinner (and binds main_stack itself). */
void          aero_edit_dialog_class_bind_skeleton (GtkWidgetClass *widget_class,
                                                    gboolean        loads);

/* Cancelled when the dialog closes: every request of the dialog uses it. */
GCancellable *aero_edit_dialog_get_cancellable     (AeroEditDialog *self);

/* TRUE while a request (load or save) is in flight. While busy on a
 * ready form the form is locked (edits stay on screen) and the spinner
 * turns; the focus comes back to the same field afterwards. */
gboolean      aero_edit_dialog_get_busy            (AeroEditDialog *self);
void          aero_edit_dialog_set_busy            (AeroEditDialog *self,
                                                    gboolean        busy);

/* TRUE when closing would lose the admin's edits (what Cancel asks about). */
gboolean      aero_edit_dialog_has_changes         (AeroEditDialog *self);

/* Enables OK from is_ready, is_valid and busy: call whenever the first two
 * may have changed. */
void          aero_edit_dialog_update_actions      (AeroEditDialog *self);

/* The fault card: the engine's reason and detail, and Retry for a fault
 * worth another try (a lost connection, a gateway's 5xx) or a load that
 * failed. A fault that names a field the dialog shows also marks that
 * field (mark_field), until the card goes: on the next save, or when the
 * admin changes the field (aero_edit_dialog_field_changed()). */
void          aero_edit_dialog_show_error          (AeroEditDialog *self,
                                                    const GError   *error);
/* The card with words of the dialog's own (not a fault of the engine). */
void          aero_edit_dialog_show_message        (AeroEditDialog *self,
                                                    const char     *reason,
                                                    const char     *detail,
                                                    gboolean        retry);
void          aero_edit_dialog_hide_error          (AeroEditDialog *self);

/* The subclass says the admin changed @field: a fault card about that
 * field goes, and so does its mark. Any other card stays. */
void          aero_edit_dialog_field_changed       (AeroEditDialog *self,
                                                    const char     *field);
/* The field the card's fault marks, or NULL. */
const char   *aero_edit_dialog_get_marked_field    (AeroEditDialog *self);

/* TRUE for the error of a request cancelled because the dialog closed:
 * nothing is to be shown then, and the dialog may be gone. */
gboolean      aero_edit_dialog_error_is_cancelled  (const GError   *error);

/* Gives the focus to OK once the dialog is shown (see
 * aero_accessible_focus_default()). */
void          aero_edit_dialog_focus_default       (AeroEditDialog *self);

/* The "Discard changes?" question while it is shown, else NULL. */
GtkWindow    *aero_edit_dialog_get_discard_dialog  (AeroEditDialog *self);

/* The question itself, transient for @parent, not yet presented. Its
 * responses are "keep" (also on Escape) and "discard". */
GtkWindow    *aero_edit_dialog_new_discard_question (GtkWindow     *parent);

G_END_DECLS
