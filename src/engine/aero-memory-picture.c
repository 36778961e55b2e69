/* aero-memory-picture.c - the memory of a host or a cluster's hosts, and
 * what the running VMs on them are promised
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "aero-memory-picture.h"
#include "aero-model-private.h"
#include "aero-vm.h"

enum {
  FIG_PHYSICAL,
  FIG_USED,
  FIG_SHARED,
  FIG_MAX_FREE,
  FIG_GUARANTEED,
  FIG_COMMITTED,
  FIG_BALLOON_HEADROOM,
  N_FIGURES
};

struct _AeroMemoryPicture
{
  GObject parent_instance;

  guint hosts;
  guint running_vms;
  guint incomplete_vms;
  gint64 figures[N_FIGURES];
};

G_DEFINE_FINAL_TYPE (AeroMemoryPicture, aero_memory_picture, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_HOSTS,
  PROP_RUNNING_VMS,
  PROP_INCOMPLETE_VMS,
  PROP_FIGURES,
  N_PROPS = PROP_FIGURES + N_FIGURES
};

static const char *const figure_names[N_FIGURES] = {
  "physical", "used", "shared", "max-free", "guaranteed", "committed", "balloon-headroom",
};

static GParamSpec *properties[N_PROPS];

/* Adds @value to a sum that starts unset: unknown parts are left out. */
static void
add_known (gint64 *sum,
           gint64  value)
{
  if (value < 0)
    return;
  *sum = (*sum < 0 ? 0 : *sum) + value;
}

static void
add_host (AeroMemoryPicture *self,
          AeroHost          *host)
{
  self->hosts++;
  add_known (&self->figures[FIG_PHYSICAL], aero_host_get_memory (host));
  add_known (&self->figures[FIG_USED], aero_host_get_memory_used (host));
  add_known (&self->figures[FIG_SHARED], aero_host_get_memory_shared (host));
  add_known (&self->figures[FIG_MAX_FREE], aero_host_get_max_scheduling_memory (host));
}

static void
add_vm (AeroMemoryPicture *self,
        AeroVm            *vm)
{
  AeroMemoryPolicy *policy = aero_vm_get_memory_policy (vm);
  gint64 memory = aero_vm_get_memory (vm);
  gint64 guaranteed = aero_memory_policy_get_guaranteed (policy);
  AeroTristate ballooning = aero_memory_policy_get_ballooning (policy);

  self->running_vms++;
  /* Sums start at 0 once a host is there: no VM is 0 bytes, not unknown. */
  add_known (&self->figures[FIG_COMMITTED], memory);
  add_known (&self->figures[FIG_GUARANTEED], guaranteed);
  if (memory < 0 || guaranteed < 0 || ballooning == AERO_TRISTATE_UNKNOWN)
    self->incomplete_vms++;
  else if (ballooning == AERO_TRISTATE_TRUE && memory > guaranteed)
    add_known (&self->figures[FIG_BALLOON_HEADROOM], memory - guaranteed);
}

static void
start_vm_sums (AeroMemoryPicture *self)
{
  self->figures[FIG_GUARANTEED] = 0;
  self->figures[FIG_COMMITTED] = 0;
  self->figures[FIG_BALLOON_HEADROOM] = 0;
}

/* Adds the running VMs of @vms whose host is in @host_ids. */
static void
add_vms_on (AeroMemoryPicture *self,
            GHashTable        *host_ids,
            GListModel        *vms)
{
  guint n = vms != NULL ? g_list_model_get_n_items (vms) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AeroVm) vm = g_list_model_get_item (vms, i);
      const char *host_id = aero_vm_get_host_id (vm);

      if (host_id != NULL && g_hash_table_contains (host_ids, host_id) &&
          aero_memory_picture_vm_is_running (vm))
        add_vm (self, vm);
    }
}

static void
aero_memory_picture_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  AeroMemoryPicture *self = AERO_MEMORY_PICTURE (object);

  if (prop_id == PROP_HOSTS)
    g_value_set_uint (value, self->hosts);
  else if (prop_id == PROP_RUNNING_VMS)
    g_value_set_uint (value, self->running_vms);
  else if (prop_id == PROP_INCOMPLETE_VMS)
    g_value_set_uint (value, self->incomplete_vms);
  else if (prop_id >= PROP_FIGURES && prop_id < N_PROPS)
    g_value_set_int64 (value, self->figures[prop_id - PROP_FIGURES]);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
aero_memory_picture_class_init (AeroMemoryPictureClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = aero_memory_picture_get_property;

  properties[PROP_HOSTS] = g_param_spec_uint ("hosts", NULL, NULL, 0, G_MAXUINT, 0,
                                              AERO_MODEL_PARAM_RO_FLAGS);
  properties[PROP_RUNNING_VMS] = g_param_spec_uint ("running-vms", NULL, NULL, 0, G_MAXUINT, 0,
                                                    AERO_MODEL_PARAM_RO_FLAGS);
  properties[PROP_INCOMPLETE_VMS] = g_param_spec_uint ("incomplete-vms", NULL, NULL,
                                                       0, G_MAXUINT, 0,
                                                       AERO_MODEL_PARAM_RO_FLAGS);
  for (guint i = 0; i < N_FIGURES; i++)
    properties[PROP_FIGURES + i] = g_param_spec_int64 (figure_names[i], NULL, NULL,
                                                       AERO_UNSET, G_MAXINT64, AERO_UNSET,
                                                       AERO_MODEL_PARAM_RO_FLAGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
aero_memory_picture_init (AeroMemoryPicture *self)
{
  for (guint i = 0; i < N_FIGURES; i++)
    self->figures[i] = AERO_UNSET;
}

gboolean
aero_memory_picture_vm_is_running (AeroVm *vm)
{
  g_return_val_if_fail (AERO_IS_VM (vm), FALSE);

  /* ovirt-engine: backend/manager/modules/common/.../VMStatus.java,
   * isRunningOrPaused(): running, paused, hibernating or restoring. The
   * API's "migrating" stands for MigratingFrom and MigratingTo. */
  switch (aero_vm_get_status (vm))
    {
    case AERO_VM_STATUS_UP:
    case AERO_VM_STATUS_POWERING_UP:
    case AERO_VM_STATUS_POWERING_DOWN:
    case AERO_VM_STATUS_MIGRATING:
    case AERO_VM_STATUS_WAIT_FOR_LAUNCH:
    case AERO_VM_STATUS_REBOOT_IN_PROGRESS:
    case AERO_VM_STATUS_PAUSED:
    case AERO_VM_STATUS_SAVING_STATE:
    case AERO_VM_STATUS_RESTORING_STATE:
      return TRUE;
    default:
      return FALSE;
    }
}

AeroMemoryPicture *
aero_memory_picture_new_for_host (AeroHost   *host,
                                  GListModel *vms)
{
  g_autoptr(AeroMemoryPicture) self = g_object_new (AERO_TYPE_MEMORY_PICTURE, NULL);
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);

  g_return_val_if_fail (AERO_IS_HOST (host), NULL);
  g_return_val_if_fail (vms == NULL || G_IS_LIST_MODEL (vms), NULL);

  add_host (self, host);
  start_vm_sums (self);
  if (aero_host_get_id (host) != NULL)
    g_hash_table_add (ids, (gpointer) aero_host_get_id (host));
  add_vms_on (self, ids, vms);

  return g_steal_pointer (&self);
}

AeroMemoryPicture *
aero_memory_picture_new_for_cluster (const char *cluster_id,
                                     GListModel *hosts,
                                     GListModel *vms)
{
  g_autoptr(AeroMemoryPicture) self = g_object_new (AERO_TYPE_MEMORY_PICTURE, NULL);
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n;

  g_return_val_if_fail (cluster_id != NULL, NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (hosts), NULL);
  g_return_val_if_fail (vms == NULL || G_IS_LIST_MODEL (vms), NULL);

  n = g_list_model_get_n_items (hosts);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AeroHost) host = g_list_model_get_item (hosts, i);

      if (g_strcmp0 (aero_host_get_cluster_id (host), cluster_id) != 0)
        continue;
      add_host (self, host);
      if (aero_host_get_id (host) != NULL)
        g_hash_table_add (ids, g_strdup (aero_host_get_id (host)));
    }
  start_vm_sums (self);
  add_vms_on (self, ids, vms);

  return g_steal_pointer (&self);
}

guint
aero_memory_picture_get_hosts (AeroMemoryPicture *self)
{
  g_return_val_if_fail (AERO_IS_MEMORY_PICTURE (self), 0);
  return self->hosts;
}

guint
aero_memory_picture_get_running_vms (AeroMemoryPicture *self)
{
  g_return_val_if_fail (AERO_IS_MEMORY_PICTURE (self), 0);
  return self->running_vms;
}

guint
aero_memory_picture_get_incomplete_vms (AeroMemoryPicture *self)
{
  g_return_val_if_fail (AERO_IS_MEMORY_PICTURE (self), 0);
  return self->incomplete_vms;
}

static gint64
get_figure (AeroMemoryPicture *self,
            guint              figure)
{
  g_return_val_if_fail (AERO_IS_MEMORY_PICTURE (self), AERO_UNSET);
  return self->figures[figure];
}

gint64
aero_memory_picture_get_physical (AeroMemoryPicture *self)
{
  return get_figure (self, FIG_PHYSICAL);
}

gint64
aero_memory_picture_get_used (AeroMemoryPicture *self)
{
  return get_figure (self, FIG_USED);
}

gint64
aero_memory_picture_get_shared (AeroMemoryPicture *self)
{
  return get_figure (self, FIG_SHARED);
}

gint64
aero_memory_picture_get_max_free (AeroMemoryPicture *self)
{
  return get_figure (self, FIG_MAX_FREE);
}

gint64
aero_memory_picture_get_guaranteed (AeroMemoryPicture *self)
{
  return get_figure (self, FIG_GUARANTEED);
}

gint64
aero_memory_picture_get_committed (AeroMemoryPicture *self)
{
  return get_figure (self, FIG_COMMITTED);
}

gint64
aero_memory_picture_get_balloon_headroom (AeroMemoryPicture *self)
{
  return get_figure (self, FIG_BALLOON_HEADROOM);
}

int
aero_memory_picture_get_committed_percent (AeroMemoryPicture *self)
{
  gint64 physical = get_figure (self, FIG_PHYSICAL);
  gint64 committed = get_figure (self, FIG_COMMITTED);

  if (physical <= 0 || committed < 0)
    return -1;
  /* Both well below 2^53 bytes in practice; divide first to stay clear of
   * overflow for absurd ones. */
  if (committed > G_MAXINT64 / 100)
    return (int) MIN (committed / (physical / 100 + 1), G_MAXINT);
  return (int) MIN (committed * 100 / physical, G_MAXINT);
}

gboolean
aero_memory_picture_cluster_unprotected (AeroCluster *cluster)
{
  g_return_val_if_fail (AERO_IS_CLUSTER (cluster), FALSE);

  return aero_cluster_get_overcommit_percent (cluster) > 100 &&
         aero_cluster_get_ksm_enabled (cluster) == AERO_TRISTATE_FALSE &&
         aero_cluster_get_ballooning_enabled (cluster) == AERO_TRISTATE_FALSE;
}
