/* aero-cluster-dialog.h - Edit Cluster, Optimization page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "aero-cluster.h"
#include "aero-edit-dialog.h"
#include "aero-engine.h"

G_BEGIN_DECLS

#define AERO_TYPE_CLUSTER_DIALOG (aero_cluster_dialog_get_type ())
G_DECLARE_FINAL_TYPE (AeroClusterDialog, aero_cluster_dialog, AERO, CLUSTER_DIALOG, AeroEditDialog)

/* Signal "saved" (AeroCluster *updated): emitted once the engine accepted
 * the change, right before the dialog closes. */
AeroClusterDialog *aero_cluster_dialog_new         (AeroEngine        *engine,
                                                    AeroCluster       *cluster);
/* Whether the form passes the client-side checks (OK is sensitive). */
gboolean           aero_cluster_dialog_get_valid   (AeroClusterDialog *self);
/* What a save would change (only what differs from what the engine
 * stored) into @change; FALSE when nothing changed. */
gboolean           aero_cluster_dialog_get_change  (AeroClusterDialog       *self,
                                                    AeroClusterMemoryChange *change);
/* The "Discard changes?" question while it is shown, else NULL. */
GtkWindow         *aero_cluster_dialog_get_discard_dialog (AeroClusterDialog *self);

G_END_DECLS
