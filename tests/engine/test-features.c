/* test-features.c - the feature gates by compatibility level
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "aero-features.h"

static void
test_vm_balloon_gate (void)
{
  g_autoptr(AeroVersion) v30 = aero_version_new (3, 0);
  g_autoptr(AeroVersion) v31 = aero_version_new (3, 1);
  g_autoptr(AeroVersion) v47 = aero_version_new (4, 7);
  g_autoptr(AeroVersion) v26 = aero_version_new (2, 6);
  g_autofree char *reason30 = NULL;
  g_autofree char *reason26 = NULL;
  g_autofree char *reason_unknown = NULL;

  g_assert_false (aero_feature_supported (AERO_FEATURE_VM_BALLOON, v30));
  g_assert_false (aero_feature_supported (AERO_FEATURE_VM_BALLOON, v26));
  g_assert_true (aero_feature_supported (AERO_FEATURE_VM_BALLOON, v31));
  g_assert_true (aero_feature_supported (AERO_FEATURE_VM_BALLOON, v47));
  /* An unknown level assumes nothing. */
  g_assert_false (aero_feature_supported (AERO_FEATURE_VM_BALLOON, NULL));

  g_assert_cmpuint (aero_feature_min_major (AERO_FEATURE_VM_BALLOON), ==, 3);
  g_assert_cmpuint (aero_feature_min_minor (AERO_FEATURE_VM_BALLOON), ==, 1);

  reason30 = aero_feature_dup_reason (AERO_FEATURE_VM_BALLOON, v30);
  g_assert_cmpstr (reason30, ==,
                   "Memory ballooning requires cluster compatibility version 3.1 or later (this cluster: 3.0).");
  reason26 = aero_feature_dup_reason (AERO_FEATURE_VM_BALLOON, v26);
  g_assert_cmpstr (reason26, ==,
                   "Memory ballooning requires cluster compatibility version 3.1 or later (this cluster: 2.6).");
  reason_unknown = aero_feature_dup_reason (AERO_FEATURE_VM_BALLOON, NULL);
  g_assert_nonnull (reason_unknown);
  g_assert_null (aero_feature_dup_reason (AERO_FEATURE_VM_BALLOON, v31));
  g_assert_null (aero_feature_dup_reason (AERO_FEATURE_VM_BALLOON, v47));
}

static void
test_cluster_balloon_optimization_gate (void)
{
  g_autoptr(AeroVersion) v32 = aero_version_new (3, 2);
  g_autoptr(AeroVersion) v33 = aero_version_new (3, 3);
  g_autoptr(AeroVersion) v41 = aero_version_new (4, 1);
  g_autofree char *reason = NULL;

  g_assert_false (aero_feature_supported (AERO_FEATURE_CLUSTER_BALLOON_OPTIMIZATION, v32));
  g_assert_true (aero_feature_supported (AERO_FEATURE_CLUSTER_BALLOON_OPTIMIZATION, v33));
  g_assert_true (aero_feature_supported (AERO_FEATURE_CLUSTER_BALLOON_OPTIMIZATION, v41));

  reason = aero_feature_dup_reason (AERO_FEATURE_CLUSTER_BALLOON_OPTIMIZATION, v32);
  g_assert_cmpstr (reason, ==,
                   "Ballooning is only available for Cluster compatibility version 3.3 and higher");
  g_assert_null (aero_feature_dup_reason (AERO_FEATURE_CLUSTER_BALLOON_OPTIMIZATION, v33));
}

static void
test_max_memory_gate (void)
{
  g_autoptr(AeroVersion) v40 = aero_version_new (4, 0);
  g_autoptr(AeroVersion) v41 = aero_version_new (4, 1);
  g_autoptr(AeroVersion) v50 = aero_version_new (5, 0);
  g_autofree char *reason = NULL;

  g_assert_false (aero_feature_supported (AERO_FEATURE_MAX_MEMORY, v40));
  g_assert_true (aero_feature_supported (AERO_FEATURE_MAX_MEMORY, v41));
  g_assert_true (aero_feature_supported (AERO_FEATURE_MAX_MEMORY, v50));
  g_assert_cmpuint (aero_feature_min_major (AERO_FEATURE_MAX_MEMORY), ==, 4);
  g_assert_cmpuint (aero_feature_min_minor (AERO_FEATURE_MAX_MEMORY), ==, 1);

  reason = aero_feature_dup_reason (AERO_FEATURE_MAX_MEMORY, v40);
  g_assert_nonnull (reason);
  g_assert_nonnull (strstr (reason, "4.1"));
  g_assert_nonnull (strstr (reason, "4.0"));
}

static void
test_effective_version (void)
{
  g_autoptr(AeroVm) vm = aero_vm_new ();
  g_autoptr(AeroCluster) cluster = aero_cluster_new ();
  g_autoptr(AeroVersion) v30 = aero_version_new (3, 0);
  g_autoptr(AeroVersion) v36 = aero_version_new (3, 6);

  g_assert_null (aero_vm_effective_version (vm, NULL));
  g_assert_null (aero_vm_effective_version (vm, cluster));

  aero_cluster_set_version (cluster, v30);
  g_assert_true (aero_version_equal (aero_vm_effective_version (vm, cluster), v30));

  /* The VM's custom compatibility version overrides the cluster's. */
  aero_vm_set_custom_compatibility_version (vm, v36);
  g_assert_true (aero_version_equal (aero_vm_effective_version (vm, cluster), v36));
  g_assert_true (aero_version_equal (aero_vm_effective_version (vm, NULL), v36));
  g_assert_true (aero_feature_supported (AERO_FEATURE_VM_BALLOON,
                                         aero_vm_effective_version (vm, cluster)));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/features/vm-balloon", test_vm_balloon_gate);
  g_test_add_func ("/features/cluster-balloon-optimization", test_cluster_balloon_optimization_gate);
  g_test_add_func ("/features/max-memory", test_max_memory_gate);
  g_test_add_func ("/features/effective-version", test_effective_version);

  return g_test_run ();
}
