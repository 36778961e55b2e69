/* aero-demo-hosts.c - where the demo's VMs run, and MOM's balloon
 *
 * A running VM is placed on the host of its cluster with the most memory
 * left (physical less the memory of the VMs already there), in serial
 * order; it stays there until it stops or is suspended.
 *
 * The balloon follows MOM's Auto-Balloon policy as VDSM installs it
 * (oVirt/mom, the "balloon" rules: pressure_threshold 0.20): when a
 * host's free memory would fall below 20 % of its memory, MOM shrinks
 * the guests that have a balloon, never below their balloon minimum,
 * which VDSM sets from the VM's guaranteed memory. MOM balloons only on
 * hosts of a cluster with "Enable Memory Balloon Optimization"
 * (ballooning_enabled); a VM without a balloon device gives nothing
 * back. The demo takes the same share of every balloon's headroom, at
 * once, where MOM moves by steps of 5 % every few seconds.
 *
 * KSM (the cluster's ksm.enabled) merges a tenth of the guests' memory.
 * What does not fit in the host's memory is shown as swapped.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "aero-demo-store.h"

#define PRESSURE_THRESHOLD 0.20
#define KSM_SHARE 0.10
/* The demo's stand-in for what the engine reserves on every host
 * (vds_static.reserved_mem) when it computes max_scheduling_memory. */
#define RESERVED_MEMORY (256 * AERO_DEMO_MIB)

void
aero_demo_host_free (gpointer data)
{
  AeroDemoHost *host = data;

  g_free (host->id);
  g_free (host->name);
  g_free (host->address);
  g_free (host->cluster_id);
  g_free (host);
}

static gboolean
holds_memory (const AeroDemoVm *vm)
{
  return aero_demo_vm_is_live (vm) && g_strcmp0 (vm->status, "suspended") != 0;
}

static gint64
committed_on (AeroDemoStore *self,
              AeroDemoHost  *host)
{
  GPtrArray *vms = aero_demo_store_get_vms (self);
  gint64 committed = 0;

  for (guint i = 0; i < vms->len; i++)
    {
      AeroDemoVm *vm = g_ptr_array_index (vms, i);

      if (vm->host == host)
        committed += vm->conf->memory;
    }
  return committed;
}

static AeroDemoHost *
place (AeroDemoStore *self,
       AeroDemoVm    *vm,
       GHashTable    *committed)
{
  GPtrArray *hosts = aero_demo_store_get_hosts (self);
  AeroDemoHost *best = NULL;
  gint64 best_left = G_MININT64;

  for (guint i = 0; i < hosts->len; i++)
    {
      AeroDemoHost *host = g_ptr_array_index (hosts, i);
      gint64 *sum;
      gint64 left;

      if (g_strcmp0 (host->cluster_id, vm->conf->cluster_id) != 0)
        continue;
      sum = committed != NULL ? g_hash_table_lookup (committed, host) : NULL;
      left = host->memory - (sum != NULL ? *sum : committed_on (self, host));
      if (left > best_left)
        {
          best = host;
          best_left = left;
        }
    }
  return best;
}

void
aero_demo_store_place_vms (AeroDemoStore *self)
{
  GPtrArray *vms = aero_demo_store_get_vms (self);
  g_autoptr(GHashTable) committed = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  GPtrArray *hosts = aero_demo_store_get_hosts (self);

  for (guint i = 0; i < hosts->len; i++)
    g_hash_table_insert (committed, g_ptr_array_index (hosts, i), g_new0 (gint64, 1));

  for (guint i = 0; i < vms->len; i++)
    {
      AeroDemoVm *vm = g_ptr_array_index (vms, i);

      vm->host = holds_memory (vm) ? place (self, vm, committed) : NULL;
      if (vm->host != NULL)
        *(gint64 *) g_hash_table_lookup (committed, vm->host) += vm->conf->memory;
    }
}

AeroDemoHost *
aero_demo_store_find_host (AeroDemoStore *self,
                           const char    *id)
{
  GPtrArray *hosts = aero_demo_store_get_hosts (self);

  for (guint i = 0; i < hosts->len; i++)
    {
      AeroDemoHost *host = g_ptr_array_index (hosts, i);

      if (g_strcmp0 (host->id, id) == 0)
        return host;
    }
  return NULL;
}

AeroDemoHost *
aero_demo_store_vm_host (AeroDemoStore *self,
                         AeroDemoVm    *vm)
{
  if (!holds_memory (vm))
    vm->host = NULL;
  else if (vm->host == NULL)
    vm->host = place (self, vm, NULL);
  return vm->host;
}

/* What a balloon VM gives back at @fraction of its headroom, whole MiB. */
static gint64
held_back (AeroDemoStore *self,
           AeroDemoVm    *vm,
           double         fraction)
{
  gint64 headroom;
  gint64 held;

  if (!aero_demo_store_balloon_device (self, vm->conf) || vm->conf->memory <= vm->conf->guaranteed)
    return 0;
  headroom = vm->conf->memory - vm->conf->guaranteed;
  held = (gint64) (headroom * fraction);
  held -= held % AERO_DEMO_MIB;
  return CLAMP (held, 0, headroom);
}

/* The VMs each host holds memory for: host -> GPtrArray of AeroDemoVm. */
static GHashTable *
vms_by_host (AeroDemoStore *self)
{
  GPtrArray *vms = aero_demo_store_get_vms (self);
  GHashTable *by_host = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);

  for (guint i = 0; i < vms->len; i++)
    {
      AeroDemoVm *vm = g_ptr_array_index (vms, i);
      AeroDemoHost *host = aero_demo_store_vm_host (self, vm);
      GPtrArray *on_host;

      if (host == NULL)
        continue;
      on_host = g_hash_table_lookup (by_host, host);
      if (on_host == NULL)
        {
          on_host = g_ptr_array_new ();
          g_hash_table_insert (by_host, host, on_host);
        }
      g_ptr_array_add (on_host, vm);
    }
  return by_host;
}

/* @vms: the VMs on @host (NULL: none). */
static void
compute_load (AeroDemoStore    *self,
              AeroDemoHost     *host,
              GPtrArray        *vms,
              AeroDemoHostLoad *load)
{
  AeroDemoCluster *cluster = aero_demo_store_find_cluster (self, host->cluster_id);
  gboolean mom_balloons = cluster != NULL && cluster->ballooning_enabled;
  gboolean ksm = cluster != NULL && cluster->ksm;
  gint64 base = host->memory / 16;   /* the host's own use */
  gint64 demand, needed, guests, raw_used, limit;
  guint n = vms != NULL ? vms->len : 0;

  memset (load, 0, sizeof *load);
  for (guint i = 0; i < n; i++)
    {
      AeroDemoVm *vm = g_ptr_array_index (vms, i);

      load->running++;
      load->committed += vm->conf->memory;
      load->reclaimable += held_back (self, vm, 1.0);
    }

  /* MOM: free memory below the threshold is pressure. */
  demand = base + load->committed - (ksm ? (gint64) (load->committed * KSM_SHARE) : 0);
  needed = demand - (gint64) (host->memory * (1.0 - PRESSURE_THRESHOLD));
  if (mom_balloons && needed > 0 && load->reclaimable > 0)
    load->fraction = MIN (1.0, (double) needed / load->reclaimable);

  for (guint i = 0; i < n && load->fraction > 0; i++)
    load->reclaimed += held_back (self, g_ptr_array_index (vms, i), load->fraction);

  guests = load->committed - load->reclaimed;
  load->shared = ksm ? (gint64) (guests * KSM_SHARE) : 0;
  load->shared -= load->shared % 4096;
  load->ksm_cpu = ksm && load->running > 0 ? 1.5 : 0.0;
  load->swap_total = host->memory / 4;
  raw_used = base + guests - load->shared;
  load->used = MIN (raw_used, host->memory);
  load->free = host->memory - load->used;
  load->swap_used = CLAMP (raw_used - host->memory, 0, load->swap_total);

  /* ovirt-engine: backend/manager/modules/common/.../VDS.java,
   * calculateFreeSchedulingMemoryCache(): the over-commit share of
   * physical memory less what is committed and reserved. */
  limit = cluster != NULL ? host->memory / 100 * cluster->over_commit : host->memory;
  load->max_scheduling = MAX (0, limit - load->committed - RESERVED_MEMORY);
}

#define BATCH_KEY "aero-demo-host-vms"

void
aero_demo_store_host_load (AeroDemoStore    *self,
                           AeroDemoHost     *host,
                           AeroDemoHostLoad *load)
{
  GHashTable *batch = g_object_get_data (G_OBJECT (self), BATCH_KEY);
  g_autoptr(GPtrArray) on_host = NULL;

  if (batch != NULL)
    {
      compute_load (self, host, g_hash_table_lookup (batch, host), load);
      return;
    }

  on_host = g_ptr_array_new ();
  for (guint i = 0; i < aero_demo_store_get_vms (self)->len; i++)
    {
      AeroDemoVm *vm = g_ptr_array_index (aero_demo_store_get_vms (self), i);

      if (aero_demo_store_vm_host (self, vm) == host)
        g_ptr_array_add (on_host, vm);
    }
  compute_load (self, host, on_host, load);
}

void
aero_demo_store_begin_host_loads (AeroDemoStore *self)
{
  g_object_set_data_full (G_OBJECT (self), BATCH_KEY, vms_by_host (self),
                          (GDestroyNotify) g_hash_table_unref);
}

void
aero_demo_store_end_host_loads (AeroDemoStore *self)
{
  g_object_set_data (G_OBJECT (self), BATCH_KEY, NULL);
}

gint64
aero_demo_store_vm_balloon_size (AeroDemoStore *self,
                                 AeroDemoVm    *vm)
{
  AeroDemoHost *host = aero_demo_store_vm_host (self, vm);
  AeroDemoHostLoad load;

  if (host == NULL)
    return vm->conf->memory;
  aero_demo_store_host_load (self, host, &load);
  return vm->conf->memory - held_back (self, vm, load.fraction);
}
