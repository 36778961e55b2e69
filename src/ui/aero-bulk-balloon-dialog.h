/* aero-bulk-balloon-dialog.h - Enable / Disable Ballooning on a selection
 *
 * A summary first (what changes now, what at the next run, what is
 * skipped and why), then one PUT per VM carrying only
 * memory_policy.ballooning (a few in parallel, with progress; one failure
 * does not stop the others), then a result list. Cancel during the
 * updates stops sending, lets those sent finish and shows the results
 * with the rest marked as not sent; a second Cancel closes at once.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "aero-engine.h"

G_BEGIN_DECLS

#define AERO_TYPE_BULK_BALLOON_DIALOG (aero_bulk_balloon_dialog_get_type ())
G_DECLARE_FINAL_TYPE (AeroBulkBalloonDialog, aero_bulk_balloon_dialog, AERO, BULK_BALLOON_DIALOG, AdwWindow)

/* How many PUTs run at the same time. */
#define AERO_BULK_BALLOON_PARALLEL 3

/* @vms: GPtrArray of AeroVm. VMs whose flag is unknown (from a plain
 * list) are fetched with a single GET each before the summary.
 * Signals: "ready" () when the summary shows; "finished" (guint
 * n_changed, guint n_failed) when the results show. */
AeroBulkBalloonDialog *aero_bulk_balloon_dialog_new (AeroEngine            *engine,
                                                     GPtrArray             *vms,
                                                     GListModel            *clusters,
                                                     gboolean               enable);
/* "checking", "summary", "progress" or "results". */
const char *aero_bulk_balloon_dialog_get_stage      (AeroBulkBalloonDialog *self);
/* The summary's count lines, in order: change now, next run, skipped
 * (level), skipped (already), unknown; only the non-zero ones. */
GStrv       aero_bulk_balloon_dialog_dup_summary    (AeroBulkBalloonDialog *self);
/* One "Name: outcome" line per VM of the selection, in order. */
GStrv       aero_bulk_balloon_dialog_dup_results    (AeroBulkBalloonDialog *self);

G_END_DECLS
