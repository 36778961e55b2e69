/* aero-conflict-dialog.h - "Changed by Someone Else": the question when a
 * save would overwrite another admin's change
 *
 * Lists each setting the admin changed that someone else changed too
 * since the VM was read: its value then, now, and the admin's. "Overwrite"
 * sends the admin's values; "Keep Theirs" takes the engine's into the
 * form. Closing the window answers neither: nothing is sent and the edit
 * stays as it is.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define AERO_TYPE_CONFLICT_DIALOG (aero_conflict_dialog_get_type ())
G_DECLARE_FINAL_TYPE (AeroConflictDialog, aero_conflict_dialog, AERO, CONFLICT_DIALOG, AdwWindow)

/* Signal "answered" (gboolean overwrite): TRUE for "Overwrite", FALSE for
 * "Keep Theirs"; the dialog closes right after. */
/* @conflicts: AeroVmConflict, as aero_vm_edit_get_conflicts () lists them. */
AeroConflictDialog *aero_conflict_dialog_new       (GPtrArray          *conflicts);
/* Each row as shown, title and subtitle lines joined by "\n" (for tests). */
GStrv               aero_conflict_dialog_dup_rows  (AeroConflictDialog *self);

G_END_DECLS
