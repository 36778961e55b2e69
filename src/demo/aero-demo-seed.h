/* aero-demo-seed.h - the demo engine's initial inventory
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "aero-demo-store.h"

G_BEGIN_DECLS

/* The user that owns the VMs a filtered (non-admin) login sees. */
#define AERO_DEMO_USER "user@internal"

/* The fixed creation date of the seed (epoch ms), also the frozen clock. */
#define AERO_DEMO_SEED_EPOCH_MS G_GINT64_CONSTANT (1700000000000)

/* Fills the arrays (of AeroDemoCluster, AeroDemoTemplate, AeroDemoVm) with
 * the fixed seed inventory when @n_vms is 0, else with the seed's clusters
 * and templates and @n_vms VMs generated from @seed. */
void   aero_demo_seed_build    (GPtrArray *clusters,
                                GPtrArray *templates,
                                GPtrArray *vms,
                                guint      n_vms,
                                guint      seed);
/* "a0000000-0000-4000-8000-00000000001e": VM ids are UUID-shaped and
 * follow a serial number, so generated inventories are stable. */
char  *aero_demo_seed_vm_id    (guint      serial);
/* The hosts of each cluster: the fixed ones, or (@n_vms > 0) one per 20
 * VMs, spread over the clusters. */
void   aero_demo_seed_hosts    (GPtrArray *clusters,
                                GPtrArray *hosts,
                                guint      n_vms);

G_END_DECLS
