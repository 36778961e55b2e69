/* aero-next-run-dialog.h - "Pending Virtual Machine changes"
 *
 * Shown before saving a running VM whose changes include fields that
 * apply only after a restart: what applies now, what after the restart,
 * and "Apply later" for the hot-pluggable ones.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define AERO_TYPE_NEXT_RUN_DIALOG (aero_next_run_dialog_get_type ())
G_DECLARE_FINAL_TYPE (AeroNextRunDialog, aero_next_run_dialog, AERO, NEXT_RUN_DIALOG, AdwWindow)

/* Signal "confirmed" (gboolean apply_later): OK was pressed; the dialog
 * closes right after. Cancel closes it without a signal. */
/* @changes: GListModel of AeroVmChange. */
AeroNextRunDialog *aero_next_run_dialog_new             (GListModel        *changes);
gboolean           aero_next_run_dialog_get_apply_later (AeroNextRunDialog *self);
void               aero_next_run_dialog_set_apply_later (AeroNextRunDialog *self,
                                                         gboolean           apply_later);
/* A note for when the memory change is applied now (see
 * aero_vm_edit_dup_memory_copy_note ()); NULL for none. */
void               aero_next_run_dialog_set_memory_note (AeroNextRunDialog *self,
                                                         const char        *note);
/* The note as shown now, or NULL while hidden (for tests). */
const char        *aero_next_run_dialog_get_shown_note  (AeroNextRunDialog *self);
/* Labels of the changes listed under "Applied now" / "After restart",
 * in order (for tests and accessibility checks). */
GStrv              aero_next_run_dialog_dup_now_labels  (AeroNextRunDialog *self);
GStrv              aero_next_run_dialog_dup_later_labels (AeroNextRunDialog *self);

G_END_DECLS
