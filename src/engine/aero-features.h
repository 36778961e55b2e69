/* aero-features.h - what each compatibility level allows, in one table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "aero-cluster.h"
#include "aero-version.h"
#include "aero-vm.h"

G_BEGIN_DECLS

typedef enum {
  AERO_FEATURE_VM_BALLOON,                   /* memory_policy.ballooning, >= 3.1 */
  AERO_FEATURE_CLUSTER_BALLOON_OPTIMIZATION, /* cluster ballooning_enabled, >= 3.3 */
  AERO_FEATURE_MAX_MEMORY,                   /* memory_policy.max, >= 4.1 */
  AERO_N_FEATURES,
} AeroFeature;

/* FALSE when @level is NULL (unknown level: nothing is assumed). */
gboolean     aero_feature_supported      (AeroFeature  feature,
                                          AeroVersion *level);
guint        aero_feature_min_major      (AeroFeature  feature);
guint        aero_feature_min_minor      (AeroFeature  feature);
/* Translated reason why @feature is not available at @level, e.g.
 * "Memory ballooning requires cluster compatibility version 3.1 or later
 * (this cluster: 3.0)."; NULL when it is available. */
char        *aero_feature_dup_reason     (AeroFeature  feature,
                                          AeroVersion *level);

/* The VM's custom compatibility version if set, else its cluster's
 * (@cluster may be NULL: then only the custom level counts). */
AeroVersion *aero_vm_effective_version   (AeroVm      *vm,
                                          AeroCluster *cluster);

G_END_DECLS
