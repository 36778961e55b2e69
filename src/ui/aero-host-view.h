/* aero-host-view.h - the Hosts view: each host's memory and what its
 * running VMs are promised, with the memory picture of the host and of
 * its cluster
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "aero-engine.h"
#include "aero-memory-picture.h"

G_BEGIN_DECLS

#define AERO_TYPE_HOST_VIEW (aero_host_view_get_type ())
G_DECLARE_FINAL_TYPE (AeroHostView, aero_host_view, AERO, HOST_VIEW, GtkWidget)

/* Signals: "loaded", "load-failed" (GError *), "pictures-changed". */
void        aero_host_view_set_engine   (AeroHostView *self,
                                         AeroEngine   *engine);
/* GListModel of AeroCluster, for the Cluster column and the cluster's
 * settings beside its picture. */
void        aero_host_view_set_clusters (AeroHostView *self,
                                         GListModel   *clusters);
/* GListModel of AeroVm: every VM with all content, listed already (the
 * Virtual Machines view's, when it has no search), or NULL: a reload
 * then lists them itself. A new model rebuilds the figures at once. */
void        aero_host_view_set_vms      (AeroHostView *self,
                                         GListModel   *vms);
/* Lists the hosts (GET /hosts?follow=statistics, with the search entry's
 * query), every host of every cluster for the cluster pictures, and the
 * VMs with all content. */
void        aero_host_view_reload       (AeroHostView *self);
/* GListModel of AeroHost, in the list's order. */
GListModel *aero_host_view_get_model    (AeroHostView *self);
gboolean    aero_host_view_get_loaded   (AeroHostView *self);
AeroHost   *aero_host_view_get_selected (AeroHostView *self);
gboolean    aero_host_view_select_name  (AeroHostView *self,
                                         const char   *name);
void        aero_host_view_set_search   (AeroHostView *self,
                                         const char   *search);
/* Shows the detail pane where it folds away (narrow windows). */
void        aero_host_view_reveal_detail (AeroHostView *self);
/* TRUE once the detail pane is on screen (beside the list, or over it). */
gboolean    aero_host_view_get_detail_shown (AeroHostView *self);
/* The pictures of the selected host and its cluster (NULL when none). */
AeroMemoryPicture *aero_host_view_get_host_picture    (AeroHostView *self);
AeroMemoryPicture *aero_host_view_get_cluster_picture (AeroHostView *self);
/* Every cluster's picture: cluster id -> AeroMemoryPicture (NULL until
 * the hosts are listed); rebuilt, as a new table, with "pictures-changed". */
GHashTable        *aero_host_view_get_cluster_pictures   (AeroHostView *self);
/* The picture of cluster @cluster_id's hosts, once listed (else NULL). */
AeroMemoryPicture *aero_host_view_lookup_cluster_picture (AeroHostView *self,
                                                          const char   *cluster_id);
/* The words beside the cluster's picture, and whether it warns of
 * over-commit without KSM or balloon optimisation. */
const char *aero_host_view_get_cluster_text  (AeroHostView *self);
gboolean    aero_host_view_get_cluster_warns (AeroHostView *self);
/* The running VMs of the selected host, one line each. */
char       *aero_host_view_dup_vm_lines      (AeroHostView *self);

G_END_DECLS
