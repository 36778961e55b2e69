/* aero-run-once-dialog.h - Run Once: start a down VM with one-time overrides
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "aero-edit-dialog.h"
#include "aero-engine.h"

G_BEGIN_DECLS

#define AERO_TYPE_RUN_ONCE_DIALOG (aero_run_once_dialog_get_type ())
G_DECLARE_FINAL_TYPE (AeroRunOnceDialog, aero_run_once_dialog, AERO, RUN_ONCE_DIALOG, AeroEditDialog)

/* Fetches @vm with a single GET first, so the balloon override starts from
 * the VM's real setting. Signals: "loaded" (), "started" () right before
 * the dialog closes. */
AeroRunOnceDialog *aero_run_once_dialog_new           (AeroEngine        *engine,
                                                       AeroVm            *vm,
                                                       GListModel        *clusters);
gboolean           aero_run_once_dialog_get_loaded    (AeroRunOnceDialog *self);
/* The "Discard changes?" question while it is shown, else NULL. */
GtkWindow         *aero_run_once_dialog_get_discard_dialog (AeroRunOnceDialog *self);

G_END_DECLS
