/* aero-cluster-memory.h - a cluster's memory picture with its over-commit,
 * KSM and balloon optimisation beside it, and the warning (with Edit
 * Cluster) where it over-commits with neither
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "aero-cluster.h"
#include "aero-memory-picture.h"

G_BEGIN_DECLS

#define AERO_TYPE_CLUSTER_MEMORY (aero_cluster_memory_get_type ())
G_DECLARE_FINAL_TYPE (AeroClusterMemory, aero_cluster_memory, AERO, CLUSTER_MEMORY, GtkWidget)

/* Property "edit-action-name": the action the warning's Edit Cluster
 * button activates (the parent's own, which knows the cluster shown). */

/* @cluster with @picture, the memory of its hosts
 * (aero_memory_picture_new_for_cluster ()). @cluster NULL: "Cluster
 * unknown", an empty bar. @picture NULL: its hosts are not listed yet. */
void               aero_cluster_memory_show        (AeroClusterMemory *self,
                                                    AeroCluster       *cluster,
                                                    AeroMemoryPicture *picture);
AeroMemoryPicture *aero_cluster_memory_get_picture (AeroClusterMemory *self);
/* The words beside the picture ("Memory over-commit 150 % · KSM Off · …"). */
const char        *aero_cluster_memory_get_text    (AeroClusterMemory *self);
/* TRUE when the warning shows: over-commit without KSM or ballooning. */
gboolean           aero_cluster_memory_get_warns   (AeroClusterMemory *self);

G_END_DECLS
