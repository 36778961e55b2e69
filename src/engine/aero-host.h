/* aero-host.h - a host (hypervisor) as the engine describes it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "aero-types.h"

G_BEGIN_DECLS

#define AERO_TYPE_HOST (aero_host_get_type ())
G_DECLARE_FINAL_TYPE (AeroHost, aero_host, AERO, HOST, GObject)

/* Properties (read-write, notify on change; strings NULL when unset,
 * numbers AERO_UNSET when unset, booleans AeroTristate):
 *   "id", "name", "description", "address", "status" (the engine's word:
 *   "up", "maintenance", "non_responsive"...), "cluster-id",
 *   "memory" (physical, bytes), "max-scheduling-memory" (bytes),
 *   "ksm-enabled", "transparent-hugepages" (AeroTristate),
 *   "vms-active", "vms-migrating", "vms-total" (int, the host's summary).
 * From its statistics (ovirt-engine: HostStatisticalQuery), in bytes:
 *   "memory-total", "memory-used", "memory-free", "memory-shared" (merged
 *   by KSM), "memory-buffers", "memory-cached" (only engines before 4.4
 *   sent these two, always 0), "swap-total", "swap-used", "swap-free";
 *   and "ksm-cpu-current" (double, percent, -1 when unset). */
AeroHost     *aero_host_new                       (void);
AeroHost     *aero_host_copy                      (AeroHost    *self);
/* Copies every property of @other into @self, notifying only what changed. */
void          aero_host_update_from               (AeroHost    *self,
                                                   AeroHost    *other);
/* Sets one statistic by its engine name ("memory.shared"); TRUE when the
 * name is one the host keeps. */
gboolean      aero_host_set_statistic             (AeroHost    *self,
                                                   const char  *name,
                                                   double       value);

const char   *aero_host_get_id                    (AeroHost    *self);
const char   *aero_host_get_name                  (AeroHost    *self);
const char   *aero_host_get_status                (AeroHost    *self);
const char   *aero_host_get_cluster_id            (AeroHost    *self);
gint64        aero_host_get_memory                (AeroHost    *self);
gint64        aero_host_get_max_scheduling_memory (AeroHost    *self);
AeroTristate  aero_host_get_ksm_enabled           (AeroHost    *self);
int           aero_host_get_vms_active            (AeroHost    *self);
gint64        aero_host_get_memory_total          (AeroHost    *self);
gint64        aero_host_get_memory_used           (AeroHost    *self);
gint64        aero_host_get_memory_free           (AeroHost    *self);
gint64        aero_host_get_memory_shared         (AeroHost    *self);
gint64        aero_host_get_swap_used             (AeroHost    *self);
double        aero_host_get_ksm_cpu_current       (AeroHost    *self);

G_END_DECLS
