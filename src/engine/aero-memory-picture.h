/* aero-memory-picture.h - the memory of a host or a cluster's hosts, and
 * what the running VMs on them are promised
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "aero-cluster.h"
#include "aero-host.h"
#include "aero-vm.h"

G_BEGIN_DECLS

#define AERO_TYPE_MEMORY_PICTURE (aero_memory_picture_get_type ())
G_DECLARE_FINAL_TYPE (AeroMemoryPicture, aero_memory_picture, AERO, MEMORY_PICTURE, GObject)

/* Figures in bytes, AERO_UNSET when nothing they add up was known:
 *   physical    the hosts' memory;
 *   used        their "memory.used" statistic;
 *   shared      merged by KSM ("memory.shared");
 *   max-free    the memory the scheduler still has for new VMs
 *               (max_scheduling_memory);
 *   guaranteed  the sum of guaranteed memory of the running VMs: the
 *               floor the balloons can take them down to;
 *   committed   the sum of memory of the running VMs (may exceed
 *               physical);
 *   balloon-headroom  committed minus guaranteed over the running VMs
 *               whose balloon is enabled: what the balloons can give back.
 * Counts: "hosts", "running-vms", and "incomplete-vms", the running VMs
 * whose memory, guaranteed memory or ballooning the engine did not say
 * (left out of the sums they would be in, so those are lower bounds). */

/* A running VM holds memory on its host: the engine's
 * VMStatus.isRunningOrPaused(). */
gboolean           aero_memory_picture_vm_is_running  (AeroVm     *vm);

/* @vms: AeroVm, all of them or only the host's; the picture takes those
 * running on @host (by their host link). */
AeroMemoryPicture *aero_memory_picture_new_for_host    (AeroHost   *host,
                                                        GListModel *vms);
/* The hosts of @hosts in cluster @cluster_id and the running VMs of @vms
 * on them. */
AeroMemoryPicture *aero_memory_picture_new_for_cluster (const char *cluster_id,
                                                        GListModel *hosts,
                                                        GListModel *vms);

guint   aero_memory_picture_get_hosts            (AeroMemoryPicture *self);
guint   aero_memory_picture_get_running_vms      (AeroMemoryPicture *self);
guint   aero_memory_picture_get_incomplete_vms   (AeroMemoryPicture *self);
gint64  aero_memory_picture_get_physical         (AeroMemoryPicture *self);
gint64  aero_memory_picture_get_used             (AeroMemoryPicture *self);
gint64  aero_memory_picture_get_shared           (AeroMemoryPicture *self);
gint64  aero_memory_picture_get_max_free         (AeroMemoryPicture *self);
gint64  aero_memory_picture_get_guaranteed       (AeroMemoryPicture *self);
gint64  aero_memory_picture_get_committed        (AeroMemoryPicture *self);
gint64  aero_memory_picture_get_balloon_headroom (AeroMemoryPicture *self);
/* committed * 100 / physical, rounded down; -1 when physical is unknown
 * or 0. */
int     aero_memory_picture_get_committed_percent (AeroMemoryPicture *self);

/* TRUE when @cluster over-commits (over-commit above 100 %) with both KSM
 * and balloon optimisation known to be off: nothing on its hosts takes
 * memory back. The engine refuses to store that now (the rule "KSM or
 * ballooning must be enabled to allow memory optimization."); a cluster
 * from an older engine may still be so. */
gboolean aero_memory_picture_cluster_unprotected (AeroCluster *cluster);

G_END_DECLS
