/* aero-cluster-view.h - the Clusters view: levels and memory policy, and
 * the selected cluster's memory picture
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "aero-cluster-memory.h"
#include "aero-engine.h"
#include "aero-list-view.h"

G_BEGIN_DECLS

#define AERO_TYPE_CLUSTER_VIEW (aero_cluster_view_get_type ())
G_DECLARE_FINAL_TYPE (AeroClusterView, aero_cluster_view, AERO, CLUSTER_VIEW, AeroListView)

/* The AeroListView calls, typed (signals and behaviour: aero-list-view.h). */
static inline void
aero_cluster_view_set_engine (AeroClusterView *self, AeroEngine *engine)
{
  aero_list_view_set_engine (AERO_LIST_VIEW (self), engine);
}

static inline void
aero_cluster_view_reload (AeroClusterView *self)
{
  aero_list_view_reload (AERO_LIST_VIEW (self));
}

/* GListModel of AeroCluster. */
static inline GListModel *
aero_cluster_view_get_model (AeroClusterView *self)
{
  return aero_list_view_get_model (AERO_LIST_VIEW (self));
}

static inline AeroCluster *
aero_cluster_view_get_selected (AeroClusterView *self)
{
  return aero_list_view_get_selected (AERO_LIST_VIEW (self));
}

static inline gboolean
aero_cluster_view_get_loaded (AeroClusterView *self)
{
  return aero_list_view_get_loaded (AERO_LIST_VIEW (self));
}

static inline gboolean
aero_cluster_view_select_id (AeroClusterView *self, const char *id)
{
  return aero_list_view_select_id (AERO_LIST_VIEW (self), id);
}
/* The memory pictures of the clusters (cluster id -> AeroMemoryPicture,
 * as the Hosts view builds them), NULL until the hosts are listed. */
void         aero_cluster_view_set_pictures (AeroClusterView *self,
                                             GHashTable      *pictures);
/* The detail pane's picture and settings of the selected cluster; NULL
 * when none is selected. */
AeroClusterMemory *aero_cluster_view_get_memory (AeroClusterView *self);
/* Shows the detail pane where it folds away (narrow windows). */
void         aero_cluster_view_reveal_detail (AeroClusterView *self);
/* TRUE once the detail pane is on screen (beside the list, or over it). */
gboolean     aero_cluster_view_get_detail_shown (AeroClusterView *self);

G_END_DECLS
