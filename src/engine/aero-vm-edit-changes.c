/* aero-vm-edit-changes.c - AeroVmEdit: the change list and the next-run
 * split
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "aero-vm-edit-engine.h"
#include "aero-vm-edit-private.h"

/* The x86 hot plug memory size factor: UpdateVmCommand refuses to hot plug
 * into a VM that is not down an amount that is not a multiple of it. */

static const char *
vm_type_label (AeroVmType type)
{
  switch (type)
    {
    case AERO_VM_TYPE_DESKTOP:
      return _("Desktop");
    case AERO_VM_TYPE_SERVER:
      return _("Server");
    case AERO_VM_TYPE_HIGH_PERFORMANCE:
      return _("High Performance");
    case AERO_VM_TYPE_UNKNOWN:
    default:
      return _("Unknown");
    }
}

/* ------------------------------------------------------------------ */
/* Changes and the next-run split                                      */
/* ------------------------------------------------------------------ */

static char *
cpu_text (const AeroVmValues *values)
{
  /* TRANSLATORS: total virtual CPUs, then sockets:cores:threads */
  return g_strdup_printf (_("%d (%d:%d:%d)"),
                          values->cpu_sockets * values->cpu_cores * values->cpu_threads,
                          values->cpu_sockets, values->cpu_cores, values->cpu_threads);
}

static char *
cluster_text (AeroVmEdit  *self,
              AeroCluster *cluster,
              const char  *fallback_id)
{
  if (cluster != NULL)
    return aero_cluster_dup_label (cluster);

  cluster = aero_cluster_find (self->clusters, fallback_id);
  if (cluster != NULL)
    return aero_cluster_dup_label (cluster);

  return g_strdup (fallback_id != NULL ? fallback_id : "");
}

static char *
version_text (AeroVersion *version)
{
  return version != NULL ? aero_version_to_string (version) : g_strdup (_("None"));
}

static const char *
ballooning_text (AeroTristate value)
{
  switch (value)
    {
    case AERO_TRISTATE_TRUE:
      return _("Enabled");
    case AERO_TRISTATE_FALSE:
      return _("Disabled");
    case AERO_TRISTATE_UNKNOWN:
    default:
      return _("Unknown");
    }
}

static void
add_change (GPtrArray        *changes,
            gboolean          running,
            const char       *field,
            const char       *label,
            char             *old_value,
            char             *new_value,
            AeroVmChangeWhen  when)
{
  g_autofree char *old_owned = old_value;
  g_autofree char *new_owned = new_value;

  /* For a VM that is down everything applies at once. */
  if (!running)
    when = AERO_VM_CHANGE_NOW;

  g_ptr_array_add (changes, aero_vm_change_new (field, label, old_owned, new_owned, when));
}

/* VMStatus.Group.UP: where the engine hot plugs memory and CPU sockets. */
static gboolean
status_up (AeroVmEdit *self)
{
  return self->vm != NULL && aero_vm_get_status (self->vm) == AERO_VM_STATUS_UP;
}

/* VMStatus.isRunning (): where UpdateVmCommand checks a live memory
 * change against the current maximum. */
static gboolean
status_engine_running (AeroVmEdit *self)
{
  if (self->vm == NULL)
    return FALSE;

  switch (aero_vm_get_status (self->vm))
    {
    case AERO_VM_STATUS_UP:
    case AERO_VM_STATUS_POWERING_UP:
    case AERO_VM_STATUS_POWERING_DOWN:
    case AERO_VM_STATUS_MIGRATING:
    case AERO_VM_STATUS_WAIT_FOR_LAUNCH:
    case AERO_VM_STATUS_REBOOT_IN_PROGRESS:
      return TRUE;
    default:
      return FALSE;
    }
}

/* VMStatus.Group.RUNNING_OR_PAUSED: where the guaranteed memory
 * (minAllocatedMem) is hot-settable. */
static gboolean
status_running_or_paused (AeroVmEdit *self)
{
  if (self->vm == NULL)
    return FALSE;

  switch (aero_vm_get_status (self->vm))
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

/* osinfo-defaults: "other" and the Windows family (derived from it) have
 * cpu.hotunplugSupport false, the Linux family (other_linux) true. */
static gboolean
os_can_hot_unplug_cpu (const char *os_type)
{
  return os_type != NULL && *os_type != '\0'
         && !g_str_equal (os_type, "other")
         && !g_str_has_prefix (os_type, "windows");
}

/* What the engine does with the hot-settable members of a running VM
 * when the PUT goes without next_run. */
typedef struct {
  AeroVmChangeWhen memory;
  AeroVmChangeWhen guaranteed;
  AeroVmChangeWhen cpu;
  /* Without next_run the engine would refuse the PUT or drop part of it:
   * it has to go with next_run=true, so nothing but name, description
   * and comment applies now. */
  gboolean         next_run_required;
} RunningPlan;

static RunningPlan
running_plan (AeroVmEdit        *self,
              const AeroVmEditMembers *m)
{
  const AeroVmValues *o = &self->orig;
  const AeroVmValues *c = &self->cur;
  gboolean up = status_up (self);
  gint64 live_memory = o->memory;
  RunningPlan plan = { AERO_VM_CHANGE_NEXT_RUN, AERO_VM_CHANGE_NEXT_RUN,
                       AERO_VM_CHANGE_NEXT_RUN, FALSE };

  /* Without next_run the engine lays the PUT over the CURRENT
   * configuration and replaces the pending next-run configuration with
   * it (BackendVmResource, UpdateVmCommand.isRunningConfigurationNeeded):
   * next_run=true keeps what is pending. */
  if (self->vm != NULL
      && aero_vm_get_next_run_configuration_exists (self->vm) == AERO_TRISTATE_TRUE)
    plan.next_run_required = TRUE;

  if (m->memory)
    {
      gint64 delta = c->memory - o->memory;

      if (delta > 0 && delta % aero_vm_edit_get_hotplug_step (self) != 0)
        /* UpdateVmCommand refuses it live in any status but Down: "Amount
         * of added memory is not dividable by 256MiB" (128 MiB from
         * 4.4.8.1: aero-vm-edit-engine.c). */
        plan.next_run_required = TRUE;
      else if (delta < 0)
        /* The REST API always tries a hot unplug, which only gives back
         * memory devices hot plugged before; when none fits the decrease
         * is dropped without a next-run configuration. */
        plan.next_run_required = TRUE;
      else if (status_engine_running (self) && c->memory > o->max_memory)
        /* Live, the memory may not pass the maximum the VM runs with. */
        plan.next_run_required = TRUE;
      else if (up)
        {
          /* memSizeMb: hotSettableOnStatus = UP. */
          plan.memory = AERO_VM_CHANGE_HOTPLUG;
          live_memory = c->memory;
        }
    }

  if (m->sockets && (m->cores || m->threads))
    /* No hot plug then, yet the engine would store the new sockets in the
     * running configuration. */
    plan.next_run_required = TRUE;
  else if (m->sockets && up)
    {
      /* numOfSockets: hotSettableOnStatus = UP, plugged or unplugged
       * (VmCommonUtils.isCpusToBeHotpluggedOrUnplugged); a hot unplug the
       * guest OS cannot do fails and the engine keeps the sockets. */
      if (c->cpu_sockets > o->cpu_sockets || os_can_hot_unplug_cpu (aero_vm_get_os_type (self->vm)))
        plan.cpu = AERO_VM_CHANGE_HOTPLUG;
      else
        plan.next_run_required = TRUE;
    }

  if (m->guaranteed && status_running_or_paused (self))
    {
      /* minAllocatedMem: hotSettableOnStatus = RUNNING_OR_PAUSED, with or
       * without a memory change; the engine would even store a guarantee
       * above the memory the VM keeps running with. */
      if (c->guaranteed <= live_memory)
        plan.guaranteed = AERO_VM_CHANGE_HOTPLUG;
      else
        plan.next_run_required = TRUE;
    }

  /* "Apply later": the hot-pluggable changes wait for the restart too. */
  if (plan.next_run_required || self->apply_later)
    plan.memory = plan.guaranteed = plan.cpu = AERO_VM_CHANGE_NEXT_RUN;

  return plan;
}

gboolean
aero_vm_edit_compute_next_run_required (AeroVmEdit *self)
{
  AeroVmEditMembers m;

  if (self->mode != AERO_VM_EDIT_VM || !aero_vm_edit_get_running (self) || !self->has_changes)
    return FALSE;

  m = aero_vm_edit_members (self);
  return running_plan (self, &m).next_run_required;
}

/* Which member applies when follows the engine's @EditableVmField
 * annotations (VmBase): name, description and comment are editable in any
 * status, so they apply at once even with next_run; memory, guaranteed
 * memory and CPU sockets are hot-settable (see running_plan ()); the rest
 * of what the dialog edits (cluster, type, maximum memory, ballooning,
 * cores, threads, CPU shares) is editable on Down only and waits for the
 * next run. */
GPtrArray *
aero_vm_edit_list_changes (AeroVmEdit *self)
{
  GPtrArray *changes;
  const AeroVmValues *o;
  const AeroVmValues *c;
  gboolean running;
  RunningPlan plan;
  AeroVmEditMembers m;

  g_return_val_if_fail (AERO_IS_VM_EDIT (self), NULL);

  changes = g_ptr_array_new_with_free_func (g_object_unref);
  if (self->mode == AERO_VM_EDIT_NEW_VM || !self->has_changes)
    return changes;

  o = &self->orig;
  c = &self->cur;
  running = aero_vm_edit_get_running (self);
  m = aero_vm_edit_members (self);
  plan = running_plan (self, &m);

  /* The dialog's order: General, System, Resource Allocation. */
  if (m.cluster)
    add_change (changes, running, "cluster", _("Cluster"),
                cluster_text (self, NULL, self->original_cluster_id),
                cluster_text (self, c->cluster, NULL),
                AERO_VM_CHANGE_NEXT_RUN);
  if (m.name)
    add_change (changes, running, "name", _("Name"),
                g_strdup (o->name), g_strdup (c->name), AERO_VM_CHANGE_NOW);
  if (m.description)
    add_change (changes, running, "description", _("Description"),
                g_strdup (o->description), g_strdup (c->description), AERO_VM_CHANGE_NOW);
  if (m.comment)
    add_change (changes, running, "comment", _("Comment"),
                g_strdup (o->comment), g_strdup (c->comment), AERO_VM_CHANGE_NOW);
  if (m.custom_version)
    add_change (changes, running, "custom-version", _("Custom Compatibility Version"),
                version_text (o->custom_version), version_text (c->custom_version),
                AERO_VM_CHANGE_NEXT_RUN);
  if (m.vm_type)
    add_change (changes, running, "vm-type", _("Optimized for"),
                g_strdup (vm_type_label (o->vm_type)), g_strdup (vm_type_label (c->vm_type)),
                AERO_VM_CHANGE_NEXT_RUN);

  if (m.memory)
    add_change (changes, running, "memory", _("Memory Size"),
                aero_vm_edit_format_memory (o->memory), aero_vm_edit_format_memory (c->memory),
                plan.memory);
  if (m.max_memory)
    add_change (changes, running, "max-memory", _("Maximum Memory"),
                aero_vm_edit_format_memory (o->max_memory),
                aero_vm_edit_format_memory (c->max_memory),
                AERO_VM_CHANGE_NEXT_RUN);
  if (m.sockets || m.cores || m.threads)
    add_change (changes, running, "cpu", _("Virtual CPUs"), cpu_text (o), cpu_text (c),
                m.cores || m.threads ? AERO_VM_CHANGE_NEXT_RUN : plan.cpu);

  if (m.cpu_shares)
    add_change (changes, running, "cpu-shares", _("CPU Shares"),
                g_strdup_printf ("%d", o->cpu_shares), g_strdup_printf ("%d", c->cpu_shares),
                AERO_VM_CHANGE_NEXT_RUN);
  if (m.guaranteed)
    add_change (changes, running, "guaranteed", _("Physical Memory Guaranteed"),
                aero_vm_edit_format_memory (o->guaranteed),
                aero_vm_edit_format_memory (c->guaranteed),
                plan.guaranteed);
  if (m.ballooning)
    add_change (changes, running, "ballooning", _("Memory Balloon Device Enabled"),
                g_strdup (ballooning_text (self->orig_ballooning)),
                g_strdup (ballooning_text (self->ballooning ? AERO_TRISTATE_TRUE
                                                            : AERO_TRISTATE_FALSE)),
                AERO_VM_CHANGE_NEXT_RUN);

  return changes;
}

GListModel *
aero_vm_edit_list_changes_model (AeroVmEdit *self)
{
  g_autoptr(GPtrArray) changes = NULL;
  GListStore *store;

  g_return_val_if_fail (AERO_IS_VM_EDIT (self), NULL);

  changes = aero_vm_edit_list_changes (self);
  store = g_list_store_new (AERO_TYPE_VM_CHANGE);
  g_list_store_splice (store, 0, 0, changes->pdata, changes->len);

  return G_LIST_MODEL (store);
}

gboolean
aero_vm_edit_needs_next_run_confirmation (AeroVmEdit *self)
{
  g_autoptr(GPtrArray) changes = NULL;

  g_return_val_if_fail (AERO_IS_VM_EDIT (self), FALSE);

  if (!aero_vm_edit_get_running (self))
    return FALSE;

  changes = aero_vm_edit_list_changes (self);
  for (guint i = 0; i < changes->len; i++)
    if (aero_vm_change_get_when (g_ptr_array_index (changes, i)) != AERO_VM_CHANGE_NOW)
      return TRUE;

  return FALSE;
}

/* ovirt-engine UpdateVmCommand.memoryNextRunSnapshotRequired (): up to
 * 4.4.7.3 any memory change of a VM that is not down also makes a
 * next-run snapshot (aero_engine_version_memory_change_keeps_next_run ()).
 * Only said for a release known to do so. */
char *
aero_vm_edit_dup_memory_copy_note (AeroVmEdit *self)
{
  g_autofree char *version = NULL;

  g_return_val_if_fail (AERO_IS_VM_EDIT (self), NULL);

  if (self->mode != AERO_VM_EDIT_VM || !aero_vm_edit_get_running (self)
      || self->cur.memory == self->orig.memory
      || !aero_engine_version_is_known (&self->engine_version)
      || !aero_engine_version_memory_change_keeps_next_run (&self->engine_version))
    return NULL;

  version = aero_engine_version_to_string (&self->engine_version);
  return g_strdup_printf (_("This engine (%s) also keeps a memory change of a running virtual "
                            "machine as its next-run configuration: until the virtual machine "
                            "restarts, it is marked as having pending changes, though it "
                            "already runs with them."),
                          version);
}
