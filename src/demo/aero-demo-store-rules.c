/* aero-demo-store-rules.c - the engine's rules for adding, updating and
 * removing VMs, and for updating clusters and templates
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "aero-demo-store-private.h"
#include "aero-demo-seed.h"

/* guaranteed <= memory <= max <= the platform limit, in the engine's
 * words and HTTP codes. */
static gboolean
validate_memory (AeroDemoStore        *self,
                 const AeroDemoConfig *conf,
                 const char           *action,
                 const char           *what,
                 GError              **error)
{
  gint64 limit_mb;

  if (conf->memory < AERO_DEMO_MIB)
    return fail (error, 400, "Cannot %s %s. Memory size must be at least 1 MB.", action, what);
  if (conf->guaranteed < 0)
    return fail (error, 400, "Cannot %s %s. Physical Memory Guaranteed cannot be negative (%"
                 G_GINT64_FORMAT "MB).", action, what, conf->guaranteed / AERO_DEMO_MIB);
  if (conf->guaranteed > conf->memory)
    return fail (error, 400, "Cannot %s %s. Physical Memory Guaranteed cannot exceed Memory Size.",
                 action, what);
  if (conf->memory > conf->max_memory)
    return fail (error, 409, "Cannot %s %s. Memory size (%" G_GINT64_FORMAT "MB) cannot exceed "
                 "maximum memory size (%" G_GINT64_FORMAT "MB).", action, what,
                 conf->memory / AERO_DEMO_MIB, conf->max_memory / AERO_DEMO_MIB);
  /* VmHandler.validateMaxMemorySize: the limit of the guest OS's bus and
   * architecture at the effective level (0000_config.sql). */
  limit_mb = aero_demo_version_max_memory_mb (&self->version,
                                              aero_demo_store_effective_level (self, conf),
                                              conf->os_type);
  if (conf->max_memory / AERO_DEMO_MIB > limit_mb)
    return fail (error, 409, "Cannot %s %s. Maximum memory (%" G_GINT64_FORMAT "MB) cannot exceed "
                 "platform limit (%" G_GINT64_FORMAT "MB).", action, what,
                 conf->max_memory / AERO_DEMO_MIB, limit_mb);
  return TRUE;
}

/* Engines of the feature's era silently dropped the balloon device on
 * clusters below 3.1: the VM reads back ballooning false. */
static void
drop_unsupported_balloon (AeroDemoStore  *self,
                          AeroDemoConfig *conf)
{
  if (aero_demo_store_effective_level (self, conf) < 301)
    conf->ballooning = FALSE;
}

static gboolean
vm_name_in_use (AeroDemoStore    *self,
                const char       *name,
                const AeroDemoVm *except)
{
  for (guint i = 0; i < self->vms->len; i++)
    {
      AeroDemoVm *vm = g_ptr_array_index (self->vms, i);
      const AeroDemoConfig *conf = vm->persistent != NULL ? vm->persistent : vm->conf;

      if (vm != except && g_str_equal (conf->name, name))
        return TRUE;
    }
  return FALSE;
}

/* ---- VMs ---- */

AeroDemoVm *
aero_demo_store_add_vm (AeroDemoStore  *self,
                        JsonObject     *input,
                        const char     *owner,
                        GError        **error)
{
  JsonObject *cluster_in = get_object (input, "cluster");
  JsonObject *template_in = get_object (input, "template");
  JsonObject *policy = get_object (input, "memory_policy");
  g_autoptr(AeroDemoConfig) conf = NULL;
  AeroDemoCluster *cluster;
  AeroDemoTemplate *tmpl;
  AeroDemoVm *vm;
  int changed;

  /* The REST layer checks parameters in this order. */
  if (cluster_in == NULL || (get_string (cluster_in, "id") == NULL && get_string (cluster_in, "name") == NULL))
    return incomplete (error, "Vm", "cluster.id|name", "add"), NULL;
  if (get_string (input, "name") == NULL)
    return incomplete (error, "Vm", "name", "add"), NULL;
  if (template_in == NULL || (get_string (template_in, "id") == NULL && get_string (template_in, "name") == NULL))
    return incomplete (error, "Vm", "template.id|name", "add"), NULL;

  cluster = get_string (cluster_in, "id") != NULL
            ? aero_demo_store_find_cluster (self, get_string (cluster_in, "id"))
            : find_cluster_by_name (self, get_string (cluster_in, "name"));
  if (cluster == NULL)
    return fail (error, 404, "Cannot add VM. Cluster ID is not valid."), NULL;
  tmpl = get_string (template_in, "id") != NULL
         ? aero_demo_store_find_template (self, get_string (template_in, "id"))
         : find_template_by_name (self, get_string (template_in, "name"));
  if (tmpl == NULL)
    return fail (error, 404, "Cannot add VM. The relevant Template doesn't exist."), NULL;

  /* A new VM starts as a copy of its template, balloon included (Blank
   * has one: ballooning is on by default). */
  conf = aero_demo_config_copy (tmpl->conf);
  g_free (conf->cluster_id);
  conf->cluster_id = g_strdup (cluster->id);
  g_free (conf->name);
  conf->name = g_strdup ("");

  if ((changed = apply_config (self, conf, input, "add", "VM", error)) < 0)
    return NULL;

  /* Sizes derived from a new memory size, as the admin portal derives
   * them, unless given. */
  if (changed & CHANGED_MEMORY)
    {
      if (!(changed & CHANGED_GUARANTEED) && read_long (policy, "guaranteed", &(gint64) { 0 }, NULL) == 0)
        conf->guaranteed = conf->memory * 100 / MAX (cluster->over_commit, 1);
      if (!(changed & CHANGED_MAX) && read_long (policy, "max", &(gint64) { 0 }, NULL) == 0)
        conf->max_memory = 4 * conf->memory;
    }
  /* High Performance VMs are created without a balloon unless asked. */
  if (g_strcmp0 (conf->type, "high_performance") == 0
      && read_bool (policy, "ballooning", &(gboolean) { FALSE }, NULL) == 0)
    conf->ballooning = FALSE;

  if (!validate_memory (self, conf, "add", "VM", error))
    return NULL;
  if (vm_name_in_use (self, conf->name, NULL))
    return fail (error, 409, "Cannot add VM. The VM name is already in use, please choose a unique name and try again."), NULL;
  drop_unsupported_balloon (self, conf);

  vm = g_new0 (AeroDemoVm, 1);
  vm->serial = self->next_serial++;
  vm->id = aero_demo_seed_vm_id (vm->serial);
  vm->conf = g_steal_pointer (&conf);
  vm->status = g_strdup ("down");
  vm->template_id = g_strdup (tmpl->id);
  vm->owner = g_strdup (owner);
  vm->creation_time = aero_demo_store_now_ms (self);
  vm->stop_time = vm->creation_time;
  g_ptr_array_add (self->vms, vm);
  g_hash_table_insert (self->vm_by_id, vm->id, vm);
  aero_demo_store_save (self);
  return vm;
}

static AeroDemoConfig *
persistent_conf (AeroDemoVm *vm)
{
  return vm->persistent != NULL ? vm->persistent : vm->conf;
}

static void
set_text (char      **field,
          const char *value)
{
  if (g_strcmp0 (*field, value) != 0)
    {
      g_free (*field);
      *field = g_strdup (value);
    }
}

/* Statuses of VMStatus.Group.RUNNING_OR_PAUSED that the demo knows: where
 * the engine hot sets the guaranteed memory (minAllocatedMem). */
static gboolean
running_or_paused (const AeroDemoVm *vm)
{
  return g_strcmp0 (vm->status, "up") == 0 || g_strcmp0 (vm->status, "paused") == 0;
}

/* osinfo-defaults: "other" and the Windows family (derived from it) have
 * cpu.hotunplugSupport false, the Linux family (other_linux) true. */
static gboolean
os_can_hot_unplug_cpu (const char *os_type)
{
  return os_type != NULL && *os_type != '\0'
         && !g_str_equal (os_type, "other")
         && !g_str_has_prefix (os_type, "windows");
}

static void
add_dimm (AeroDemoVm *vm,
          gint64      size)
{
  if (vm->dimms == NULL)
    vm->dimms = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_array_append_val (vm->dimms, size);
}

/* Hot unplugs, as MemoryUtils.computeMemoryDevicesToHotUnplug picks them,
 * the largest hot-plugged devices that still fit in @decrease, and returns
 * how much memory went away (0 when no device fits). */
static gint64
unplug_dimms (AeroDemoVm *vm,
              gint64      decrease)
{
  gint64 unplugged = 0;

  while (vm->dimms != NULL)
    {
      guint best = G_MAXUINT;

      for (guint i = 0; i < vm->dimms->len; i++)
        {
          gint64 size = g_array_index (vm->dimms, gint64, i);

          if (unplugged + size <= decrease
              && (best == G_MAXUINT || size > g_array_index (vm->dimms, gint64, best)))
            best = i;
        }
      if (best == G_MAXUINT)
        break;
      unplugged += g_array_index (vm->dimms, gint64, best);
      g_array_remove_index (vm->dimms, best);
    }
  return unplugged;
}

/* TRUE when @a and @b differ in a member that the engine never changes in
 * a VM that is not down (@EditableVmField(onStatuses = Down) without a
 * hotSettableOnStatus): those only go to the next-run configuration. */
static gboolean
differ_in_next_run_members (const AeroDemoConfig *a,
                            const AeroDemoConfig *b)
{
  return g_strcmp0 (a->type, b->type) != 0
         || a->max_memory != b->max_memory
         || a->ballooning != b->ballooning
         || a->cores != b->cores
         || a->threads != b->threads
         || a->cpu_shares != b->cpu_shares
         || g_strcmp0 (a->os_type, b->os_type) != 0
         || g_strcmp0 (a->cluster_id, b->cluster_id) != 0
         || a->ccv_major != b->ccv_major
         || a->ccv_minor != b->ccv_minor;
}

static gboolean
sets_ballooning (JsonObject *input)
{
  JsonObject *policy = get_object (input, "memory_policy");

  return policy != NULL && json_object_has_member (policy, "ballooning");
}

/* The REST PUT of a VM, as BackendVmResource and UpdateVmCommand do it:
 *   - the members sent are laid over the VM's current configuration, or
 *     over its next-run configuration with next_run=true;
 *   - name, description and comment (@EditableVmField on any status) apply
 *     at once, with or without next_run;
 *   - without next_run the engine hot sets what is hot-settable in the
 *     VM's status (memory and CPU sockets when Up, guaranteed memory when
 *     running or paused), and when anything else changed, or a next-run
 *     configuration already exists, it stores the whole requested
 *     configuration as the next-run configuration, replacing the old one;
 *   - with next_run=true nothing else changes now. */
gboolean
aero_demo_store_update_vm (AeroDemoStore  *self,
                           AeroDemoVm     *vm,
                           JsonObject     *input,
                           gboolean        next_run,
                           GError        **error)
{
  g_autoptr(AeroDemoConfig) wanted = NULL;
  AeroDemoConfig *persist = persistent_conf (vm);
  gboolean up = g_strcmp0 (vm->status, "up") == 0;
  gboolean hot_set = !next_run;
  gboolean snapshot;
  gboolean memory_snapshot;
  AeroDemoCluster *cluster = aero_demo_store_find_cluster (self, persist->cluster_id);
  gint64 hotplug_step = aero_demo_version_hotplug_step (&self->version,
                                                        cluster != NULL ? cluster->architecture : NULL);
  gint64 delta;
  int changed;

  /* GetVmByVmIdForUpdate (the current configuration) without next_run,
   * GetVmNextRunConfiguration with it. */
  wanted = aero_demo_config_copy (next_run && vm->next_run != NULL ? vm->next_run : persist);
  if ((changed = apply_config (self, wanted, input, "edit", "VM", error)) < 0)
    return FALSE;
  if (!validate_memory (self, wanted, "edit", "VM", error))
    return FALSE;
  if ((changed & CHANGED_NAME) && vm_name_in_use (self, wanted->name, vm))
    return fail (error, 409, "Cannot edit VM. The VM name is already in use, please choose a unique name and try again.");
  drop_unsupported_balloon (self, wanted);

  /* Up to 4.4.6.4 the balloon is a device. For a VM that is not down the
   * next-run configuration gets the running VM's devices with only the
   * device fields of the command applied (ovirt-engine: VmHandler.
   * createNextRunSnapshot, VmDeviceUtils.getVmDevicesForNextRun): a PUT
   * that leaves the balloon out puts the running one back. */
  if (aero_demo_vm_is_live (vm) && !aero_demo_version_balloon_is_field (&self->version)
      && !sets_ballooning (input))
    wanted->ballooning = vm->conf->ballooning;

  if (!aero_demo_vm_is_live (vm))
    {
      aero_demo_config_free (vm->conf);
      vm->conf = g_steal_pointer (&wanted);
      g_clear_pointer (&vm->next_run, aero_demo_config_free);
      aero_demo_store_save (self);
      return TRUE;
    }

  /* The REST layer moves a VM to another cluster with ChangeVMCluster
   * before the update, next_run or not, and that command takes only a VM
   * that is down (clusterId is editable on Down only). */
  if ((changed & CHANGED_CLUSTER) && g_strcmp0 (wanted->cluster_id, persist->cluster_id) != 0)
    return fail (error, 409, "Cannot update a VM in this status. Try stopping the VM first.");

  /* UpdateVmCommand's checks of a hot set into a VM that is not down. */
  delta = wanted->memory - persist->memory;
  if (hot_set)
    {
      if (vm->next_run != NULL && wanted->memory != vm->next_run->memory
          && vm->next_run->memory != persist->memory)
        return fail (error, 400, "Cannot hot change memory because memory next run configuration already exists.");
      if (delta > 0 && delta % hotplug_step != 0)
        return fail (error, 400, "Cannot edit VM. Amount of added memory (%" G_GINT64_FORMAT "MiB) "
                     "is not dividable by %" G_GINT64_FORMAT "MiB.",
                     delta / AERO_DEMO_MIB, hotplug_step / AERO_DEMO_MIB);
      if (up && wanted->memory > persist->max_memory)
        return fail (error, 409, "Cannot edit VM. Memory size (%" G_GINT64_FORMAT "MB) cannot exceed "
                     "maximum memory size (%" G_GINT64_FORMAT "MB).",
                     wanted->memory / AERO_DEMO_MIB, persist->max_memory / AERO_DEMO_MIB);
    }

  /* UpdateVmCommand.memoryNextRunSnapshotRequired: up to 4.4.7.3 any
   * memory change, hot plugged or not, leaves a next-run configuration. */
  memory_snapshot = delta != 0 && aero_demo_version_memory_change_keeps_next_run (&self->version);

  /* isRunningConfigurationNeeded: a next-run configuration exists, a
   * member changed that is not hot-settable in this status, or the memory
   * change is not a whole number of hot plug steps. */
  snapshot = memory_snapshot
             || vm->next_run != NULL
             || differ_in_next_run_members (wanted, persist)
             || (!hot_set && (delta != 0 || wanted->sockets != persist->sockets
                              || wanted->guaranteed != persist->guaranteed))
             || (!up && (delta != 0 || wanted->sockets != persist->sockets))
             || (!running_or_paused (vm) && wanted->guaranteed != persist->guaranteed)
             || delta % hotplug_step != 0;

  /* Name, description and comment apply now, to the running and the
   * persistent configuration alike. */
  set_text (&vm->conf->name, wanted->name);
  set_text (&persist->name, wanted->name);
  set_text (&vm->conf->description, wanted->description);
  set_text (&persist->description, wanted->description);
  set_text (&vm->conf->comment, wanted->comment);
  set_text (&persist->comment, wanted->comment);

  if (hot_set)
    {
      gboolean guaranteed_now = running_or_paused (vm);

      if (up && delta > 0)
        {
          /* One memory device for the whole increase (hotPlugMemory). */
          add_dimm (vm, delta);
          if (vm->conf != persist)
            vm->conf->memory += delta;
          persist->memory = wanted->memory;
        }
      else if (up && delta < 0)
        {
          /* Only hot-plugged devices go away; when none fits, the memory
           * and the guarantee stay as they are (hotUnplugMemory). */
          gint64 unplugged = unplug_dimms (vm, -delta);

          if (vm->conf != persist)
            vm->conf->memory -= unplugged;
          persist->memory -= unplugged;
          guaranteed_now = unplugged > 0;
        }

      /* minAllocatedMem is hot-settable on running or paused VMs. The
       * engine would even store a guarantee above the memory the VM has
       * now; the demo keeps such a guarantee for the next run. */
      if (guaranteed_now && wanted->guaranteed != persist->guaranteed)
        {
          if (wanted->guaranteed <= vm->conf->memory)
            {
              vm->conf->guaranteed = wanted->guaranteed;
              persist->guaranteed = wanted->guaranteed;
            }
          else
            snapshot = TRUE;
        }

      /* CPU sockets are plugged or unplugged into an Up VM when cores and
       * threads stay (VmCommonUtils.isCpusToBeHotpluggedOrUnplugged). A
       * hot unplug the guest OS cannot do fails, and like the engine the
       * demo then keeps the sockets it has. */
      if (up && wanted->sockets != persist->sockets
          && wanted->cores == persist->cores && wanted->threads == persist->threads
          && (wanted->sockets > persist->sockets || os_can_hot_unplug_cpu (persist->os_type)))
        {
          vm->conf->sockets = wanted->sockets;
          persist->sockets = wanted->sockets;
        }
      else if (up && wanted->sockets != persist->sockets
               && (wanted->cores != persist->cores || wanted->threads != persist->threads))
        {
          /* No hot plug with a new topology, yet numOfSockets is hot-settable
           * when Up, so copyNonEditableFieldsToDestination leaves the new
           * count in the running configuration: the engine shows sockets it
           * did not plug, next to the old cores and threads. */
          vm->conf->sockets = wanted->sockets;
          persist->sockets = wanted->sockets;
        }
    }

  if (!snapshot || (config_equal (wanted, persist) && !memory_snapshot))
    g_clear_pointer (&vm->next_run, aero_demo_config_free);
  else
    {
      aero_demo_config_free (vm->next_run);
      vm->next_run = g_steal_pointer (&wanted);
    }
  aero_demo_store_save (self);
  return TRUE;
}

gboolean
aero_demo_store_remove_vm (AeroDemoStore  *self,
                           AeroDemoVm     *vm,
                           GError        **error)
{
  if (aero_demo_vm_is_live (vm))
    return fail (error, 409, "Cannot remove VM. VM is running.");
  g_hash_table_remove (self->vm_by_id, vm->id);
  g_ptr_array_remove (self->vms, vm);
  aero_demo_store_save (self);
  return TRUE;
}

/* ---- clusters and templates ---- */

gboolean
aero_demo_store_update_cluster (AeroDemoStore    *self,
                                AeroDemoCluster  *cluster,
                                JsonObject       *input,
                                GError          **error)
{
  JsonObject *policy = get_object (input, "memory_policy");
  JsonObject *over_commit = get_object (policy, "over_commit");
  JsonObject *thp = get_object (policy, "transparent_hugepages");
  JsonObject *ksm = get_object (input, "ksm");
  JsonObject *version = get_object (input, "version");
  AeroDemoCluster wanted = *cluster;
  const char *name = get_string (input, "name");
  const char *description = get_string (input, "description");
  gint64 v;

  if (read_bool (input, "ballooning_enabled", &wanted.ballooning_enabled, error) < 0
      || read_bool (ksm, "enabled", &wanted.ksm, error) < 0
      || read_bool (thp, "enabled", &wanted.thp, error) < 0)
    return FALSE;
  switch (read_long (over_commit, "percent", &v, error))
    {
    case -1:
      return FALSE;
    case 1:
      /* The member is an int: the REST layer refuses the body otherwise. */
      if (v > G_MAXINT32 || v < G_MININT32)
        return fail (error, 400, "Cannot edit Cluster. The over commit percent %" G_GINT64_FORMAT
                     " is out of the range of an integer.", v);
      /* Not refused: stored as 100, as ovirt-engine:
       * backend/manager/modules/bll/src/main/java/org/ovirt/engine/core/bll/ClusterOperationCommandBase.java
       * (checkMaxMemoryOverCommitValue) does. */
      wanted.over_commit = v <= 0 ? 100 : v;
      break;
    default:
      break;
    }
  /* A memory_policy without transparent_hugepages switches THP on, and so
   * does a version without a memory_policy (any level from 3.0):
   * ovirt-engine:
   * backend/manager/modules/restapi/types/src/main/java/org/ovirt/engine/api/restapi/types/ClusterMapper.java,
   * map(Cluster, Cluster) and map(MemoryPolicy, Cluster), 4.3 to the
   * current engine. */
  if ((policy != NULL && (thp == NULL || !json_object_has_member (thp, "enabled")))
      || (policy == NULL && version != NULL))
    wanted.thp = TRUE;
  if (version != NULL)
    {
      gint64 major = cluster->major, minor = cluster->minor;

      if (read_long (version, "major", &major, error) < 0 || read_long (version, "minor", &minor, error) < 0)
        return FALSE;
      if (major < 3 || major > 4 || minor < 0 || (major == 4 && minor > 7))
        return fail (error, 400, "Cannot edit Cluster. Selected Compatibility Version is not supported.");
      wanted.major = major;
      wanted.minor = minor;
    }
  if (name != NULL && g_strcmp0 (name, cluster->name) != 0)
    {
      if (*name == '\0')
        return fail (error, 400, "Can not edit Cluster. The given name is empty.");
      if (find_cluster_by_name (self, name) != NULL)
        return fail (error, 409, "Cannot edit Cluster. Cluster name is already in use.");
    }

  /* No level check on ballooning: 4.3 and later engines have none
   * (UpdateClusterCommand, ClusterValidator); the client keeps the 3.3
   * gate for the old levels. The one memory rule is
   * ClusterValidator.memoryOptimizationConfiguration: */
  if (wanted.over_commit > 100 && !wanted.ksm && !wanted.ballooning_enabled)
    return fail (error, 409, "KSM or ballooning must be enabled to allow memory optimization.");

  if (name != NULL)
    set_text (&cluster->name, name);
  if (description != NULL)
    set_text (&cluster->description, description);
  cluster->ballooning_enabled = wanted.ballooning_enabled;
  cluster->ksm = wanted.ksm;
  cluster->thp = wanted.thp;
  cluster->over_commit = wanted.over_commit;
  cluster->major = wanted.major;
  cluster->minor = wanted.minor;
  aero_demo_store_save (self);
  return TRUE;
}

gboolean
aero_demo_store_update_template (AeroDemoStore     *self,
                                 AeroDemoTemplate  *tmpl,
                                 JsonObject        *input,
                                 GError           **error)
{
  g_autoptr(AeroDemoConfig) wanted = aero_demo_config_copy (tmpl->conf);
  int changed;

  /* Templates take the same memory members as VMs: keeping resource
   * allocation out of the template dialog is the client's choice. */
  if ((changed = apply_config (self, wanted, input, "edit", "Template", error)) < 0)
    return FALSE;
  if (!validate_memory (self, wanted, "edit", "Template", error))
    return FALSE;
  if (changed & CHANGED_NAME)
    {
      AeroDemoTemplate *other = find_template_by_name (self, wanted->name);

      if (other != NULL && other != tmpl)
        return fail (error, 409, "Cannot edit Template. The Template name is already in use, please choose a unique name and try again.");
    }
  drop_unsupported_balloon (self, wanted);
  aero_demo_config_free (tmpl->conf);
  tmpl->conf = g_steal_pointer (&wanted);
  aero_demo_store_save (self);
  return TRUE;
}
