/* aero-cluster.h - a cluster as the engine describes it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "aero-types.h"
#include "aero-version.h"

G_BEGIN_DECLS

#define AERO_TYPE_CLUSTER (aero_cluster_get_type ())
G_DECLARE_FINAL_TYPE (AeroCluster, aero_cluster, AERO, CLUSTER, GObject)

/* Properties (all read-write, notify on change): "id", "name",
 * "description", "version" (AeroVersion, compatibility level, nullable),
 * "ballooning-enabled" (AeroTristate), "overcommit-percent" (int, AERO_UNSET),
 * "ksm-enabled" (AeroTristate), "transparent-hugepages" (AeroTristate),
 * "architecture" (string), "data-center-id" (string),
 * "label" (read-only, "Default (4.7)"). */
AeroCluster  *aero_cluster_new                    (void);
AeroCluster  *aero_cluster_copy                   (AeroCluster  *self);
/* Copies every property of @other into @self, notifying only what changed. */
void          aero_cluster_update_from            (AeroCluster  *self,
                                                   AeroCluster  *other);

const char   *aero_cluster_get_id                 (AeroCluster  *self);
void          aero_cluster_set_id                 (AeroCluster  *self,
                                                   const char   *id);
const char   *aero_cluster_get_name               (AeroCluster  *self);
void          aero_cluster_set_name               (AeroCluster  *self,
                                                   const char   *name);
const char   *aero_cluster_get_description        (AeroCluster  *self);
void          aero_cluster_set_description        (AeroCluster  *self,
                                                   const char   *description);
AeroVersion  *aero_cluster_get_version            (AeroCluster  *self);
void          aero_cluster_set_version            (AeroCluster  *self,
                                                   AeroVersion  *version);
AeroTristate  aero_cluster_get_ballooning_enabled (AeroCluster  *self);
void          aero_cluster_set_ballooning_enabled (AeroCluster  *self,
                                                   AeroTristate  enabled);
int           aero_cluster_get_overcommit_percent (AeroCluster  *self);
void          aero_cluster_set_overcommit_percent (AeroCluster  *self,
                                                   int           percent);
AeroTristate  aero_cluster_get_ksm_enabled        (AeroCluster  *self);
void          aero_cluster_set_ksm_enabled        (AeroCluster  *self,
                                                   AeroTristate  enabled);
AeroTristate  aero_cluster_get_transparent_hugepages (AeroCluster  *self);
void          aero_cluster_set_transparent_hugepages (AeroCluster  *self,
                                                      AeroTristate  enabled);
const char   *aero_cluster_get_architecture       (AeroCluster  *self);
void          aero_cluster_set_architecture       (AeroCluster  *self,
                                                   const char   *architecture);
const char   *aero_cluster_get_data_center_id     (AeroCluster  *self);
void          aero_cluster_set_data_center_id     (AeroCluster  *self,
                                                   const char   *id);
/* "Default (4.7)", or just the name when the version is unknown. */
char         *aero_cluster_dup_label              (AeroCluster  *self);

/* The cluster with @id in @clusters (a GListModel of AeroCluster, or
 * NULL), without a new reference, or NULL. */
AeroCluster  *aero_cluster_find                   (GListModel   *clusters,
                                                   const char   *id);

/* The over-commit percentages an engine stores as given. The REST member
 * is an int, and UpdateClusterCommand stores any value above 0 unchanged
 * (a value <= 0 becomes 100: ovirt-engine:
 * backend/manager/modules/bll/.../ClusterOperationCommandBase.java,
 * checkMaxMemoryOverCommitValue), so below 1 would be stored as another
 * value than the one asked for. The dialog and the CLI both use these. */
#define AERO_CLUSTER_OVERCOMMIT_MIN 1
#define AERO_CLUSTER_OVERCOMMIT_MAX G_MAXINT32

gboolean      aero_cluster_overcommit_valid       (gint64        percent);

/* The memory members of a cluster an edit may change. */
typedef enum {
  AERO_CLUSTER_MEMORY_NONE                  = 0,
  AERO_CLUSTER_MEMORY_BALLOONING            = 1 << 0,
  AERO_CLUSTER_MEMORY_OVERCOMMIT            = 1 << 1,
  AERO_CLUSTER_MEMORY_KSM                   = 1 << 2,
  AERO_CLUSTER_MEMORY_TRANSPARENT_HUGEPAGES = 1 << 3,
} AeroClusterMemoryMembers;

/* A change of those members: only the ones in @changed are meant. */
typedef struct
{
  AeroClusterMemoryMembers changed;
  gboolean                 ballooning;
  int                      overcommit_percent;
  gboolean                 ksm;
  gboolean                 transparent_hugepages;
} AeroClusterMemoryChange;

G_END_DECLS
