/* aero-cluster-view.h - the Clusters view: levels and memory policy
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "aero-engine.h"

G_BEGIN_DECLS

#define AERO_TYPE_CLUSTER_VIEW (aero_cluster_view_get_type ())
G_DECLARE_FINAL_TYPE (AeroClusterView, aero_cluster_view, AERO, CLUSTER_VIEW, GtkWidget)

/* Signals: "loaded" (the model was replaced), "load-failed" (GError *),
 * "selection-changed". */
void         aero_cluster_view_set_engine   (AeroClusterView *self,
                                             AeroEngine      *engine);
void         aero_cluster_view_reload       (AeroClusterView *self);
/* GListModel of AeroCluster. */
GListModel  *aero_cluster_view_get_model    (AeroClusterView *self);
AeroCluster *aero_cluster_view_get_selected (AeroClusterView *self);
gboolean     aero_cluster_view_get_loaded   (AeroClusterView *self);
/* Selects the cluster with @id; FALSE when it is not listed. */
gboolean     aero_cluster_view_select_id    (AeroClusterView *self,
                                             const char      *id);

G_END_DECLS
