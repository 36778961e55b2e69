/* aero-features.c - what each compatibility level allows, in one table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "aero-features.h"

typedef struct {
  AeroFeature  feature;
  guint        min_major;
  guint        min_minor;
  /* printf format for the translated reason; takes the minimum level as
   * "%u.%u" and, where it says so, the level at hand as "%s". */
  const char  *reason_format;
  gboolean     reason_has_level;
} AeroFeatureGate;

/* The only place that knows the levels. The reasons are oVirt's wording
 * where the admin portal has one (the cluster balloon optimisation). */
static const AeroFeatureGate gates[AERO_N_FEATURES] = {
  {
    AERO_FEATURE_VM_BALLOON, 3, 1,
    /* TRANSLATORS: shown under the disabled "Memory Balloon Device Enabled"
     * check box; the first is the minimum level, the second the level of
     * the VM's cluster, e.g. "3.1" and "3.0". */
    N_("Memory ballooning requires cluster compatibility version %u.%u or later (this cluster: %s)."),
    TRUE,
  },
  {
    AERO_FEATURE_CLUSTER_BALLOON_OPTIMIZATION, 3, 3,
    /* TRANSLATORS: oVirt's wording for the disabled "Enable Memory Balloon
     * Optimization" check box; the level is the minimum, "3.3". */
    N_("Ballooning is only available for Cluster compatibility version %u.%u and higher"),
    FALSE,
  },
  {
    AERO_FEATURE_MAX_MEMORY, 4, 1,
    /* TRANSLATORS: the first is the minimum level, the second the
     * cluster's, e.g. "4.1" and "4.0". */
    N_("Maximum memory requires cluster compatibility version %u.%u or later (this cluster: %s)."),
    TRUE,
  },
};

static const AeroFeatureGate *
lookup_gate (AeroFeature feature)
{
  g_return_val_if_fail (feature < AERO_N_FEATURES, NULL);
  g_assert (gates[feature].feature == feature);

  return &gates[feature];
}

gboolean
aero_feature_supported (AeroFeature  feature,
                        AeroVersion *level)
{
  const AeroFeatureGate *gate = lookup_gate (feature);

  g_return_val_if_fail (level == NULL || AERO_IS_VERSION (level), FALSE);

  if (gate == NULL || level == NULL)
    return FALSE;

  return aero_version_at_least (level, gate->min_major, gate->min_minor);
}

guint
aero_feature_min_major (AeroFeature feature)
{
  const AeroFeatureGate *gate = lookup_gate (feature);

  return gate != NULL ? gate->min_major : 0;
}

guint
aero_feature_min_minor (AeroFeature feature)
{
  const AeroFeatureGate *gate = lookup_gate (feature);

  return gate != NULL ? gate->min_minor : 0;
}

/* The format strings come from the table above only, never from input. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"

char *
aero_feature_dup_reason (AeroFeature  feature,
                         AeroVersion *level)
{
  const AeroFeatureGate *gate = lookup_gate (feature);
  g_autofree char *level_text = NULL;

  g_return_val_if_fail (level == NULL || AERO_IS_VERSION (level), NULL);

  if (gate == NULL || aero_feature_supported (feature, level))
    return NULL;

  if (!gate->reason_has_level)
    return g_strdup_printf (_(gate->reason_format),
                            gate->min_major, gate->min_minor);

  /* TRANSLATORS: stands for a compatibility level that is not known */
  level_text = level != NULL ? aero_version_to_string (level) : g_strdup (_("unknown"));

  return g_strdup_printf (_(gate->reason_format),
                          gate->min_major, gate->min_minor, level_text);
}

#pragma GCC diagnostic pop

AeroVersion *
aero_vm_effective_version (AeroVm      *vm,
                           AeroCluster *cluster)
{
  AeroVersion *custom;

  g_return_val_if_fail (vm == NULL || AERO_IS_VM (vm), NULL);
  g_return_val_if_fail (cluster == NULL || AERO_IS_CLUSTER (cluster), NULL);

  /* A custom compatibility version overrides the cluster's level for this
   * VM only (oVirt's VmBase.custom_compatibility_version). */
  custom = vm != NULL ? aero_vm_get_custom_compatibility_version (vm) : NULL;
  if (custom != NULL)
    return custom;

  return cluster != NULL ? aero_cluster_get_version (cluster) : NULL;
}
