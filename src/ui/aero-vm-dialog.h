/* aero-vm-dialog.h - New / Edit VM, and Edit Template
 *
 * The widgets bind to an AeroVmEdit, which owns every rule; the dialog
 * only loads (one GET before editing), shows, and sends.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "aero-edit-dialog.h"
#include "aero-engine.h"
#include "aero-vm-edit.h"

G_BEGIN_DECLS

#define AERO_TYPE_VM_DIALOG (aero_vm_dialog_get_type ())
G_DECLARE_FINAL_TYPE (AeroVmDialog, aero_vm_dialog, AERO, VM_DIALOG, AeroEditDialog)

/* Signals:
 *   "loaded" ()              the form is ready (at once for a new VM, after
 *                            the single GET for an edit)
 *   "saved" (GObject *obj)   the engine accepted the save; @obj is the
 *                            AeroVm or AeroTemplate it returned. The dialog
 *                            closes right after. */
AeroVmDialog *aero_vm_dialog_new_for_new_vm   (AeroEngine   *engine,
                                               GListModel   *clusters,
                                               GListModel   *templates);
/* Fetches @vm with a single GET first (a spinner shows meanwhile). */
AeroVmDialog *aero_vm_dialog_new_for_vm       (AeroEngine   *engine,
                                               AeroVm       *vm,
                                               GListModel   *clusters);
/* Fetches @tmpl with a single GET first. */
AeroVmDialog *aero_vm_dialog_new_for_template (AeroEngine   *engine,
                                               AeroTemplate *tmpl,
                                               GListModel   *clusters);

/* The edit model, NULL while loading. */
AeroVmEdit   *aero_vm_dialog_get_edit         (AeroVmDialog *self);
/* "Pending Virtual Machine changes" while it is shown, else NULL. */
GtkWindow    *aero_vm_dialog_get_pending_dialog (AeroVmDialog *self);
/* The "Discard changes?" question while it is shown, else NULL. */
GtkWindow    *aero_vm_dialog_get_discard_dialog (AeroVmDialog *self);
/* TRUE while a request (load or save) is in flight. */
gboolean      aero_vm_dialog_get_busy         (AeroVmDialog *self);

G_END_DECLS
