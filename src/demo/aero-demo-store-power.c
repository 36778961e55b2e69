/* aero-demo-store-power.c - the demo engine's power actions: start, stop,
 * shutdown, suspend and reboot
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "aero-demo-store-private.h"

static const char *
status_label (const char *status)
{
  if (g_strcmp0 (status, "down") == 0)
    return "Down";
  if (g_strcmp0 (status, "paused") == 0)
    return "Paused";
  if (g_strcmp0 (status, "suspended") == 0)
    return "Suspended";
  return "Up";
}

static void
set_status (AeroDemoVm *vm,
            const char *status)
{
  g_free (vm->status);
  vm->status = g_strdup (status);
  /* Down or suspended, it holds no host memory; it is placed anew when
   * it runs again (aero_demo_store_vm_host). */
  if (!aero_demo_vm_is_live (vm) || g_str_equal (status, "suspended"))
    vm->host = NULL;
}

/* Power-off: run-once overrides end, pending next-run changes apply. */
static void
power_off (AeroDemoStore *self,
           AeroDemoVm    *vm)
{
  if (vm->persistent != NULL)
    {
      aero_demo_config_free (vm->conf);
      vm->conf = g_steal_pointer (&vm->persistent);
    }
  vm->run_once = FALSE;
  vm->run_once_volatile = FALSE;
  if (vm->next_run != NULL)
    {
      aero_demo_config_free (vm->conf);
      vm->conf = g_steal_pointer (&vm->next_run);
    }
  /* The next start plugs the whole memory in at boot. */
  g_clear_pointer (&vm->dimms, g_array_unref);
  set_status (vm, "down");
  vm->stop_time = aero_demo_store_now_ms (self);
}

gboolean
aero_demo_store_start_vm (AeroDemoStore  *self,
                          AeroDemoVm     *vm,
                          JsonObject     *action,
                          GError        **error)
{
  JsonObject *overrides = get_object (action, "vm");
  gboolean is_volatile = FALSE;
  gboolean pause = FALSE;

  if (read_bool (action, "volatile", &is_volatile, error) < 0
      || read_bool (action, "pause", &pause, error) < 0)
    return FALSE;

  if (g_strcmp0 (vm->status, "up") == 0)
    return fail (error, 409, "Cannot run VM. VM is running.");

  /* A start with a "vm" is Run Once (BackendVmResource.start). Its
   * RunVmOnceParams take boot, display, initialization and similar
   * one-run settings from the VM given (VmMapper.map (Vm,
   * RunVmOnceParams)), none of which the demo models: memory, the
   * memory policy, CPU, type and description are ignored by every
   * release, the balloon included (RunVmParams.balloonEnabled is never
   * set from REST). */
  if (g_strcmp0 (vm->status, "down") == 0 && overrides != NULL)
    {
      vm->run_once = TRUE;
      vm->run_once_volatile = is_volatile;
    }

  if (g_strcmp0 (vm->status, "down") == 0)
    vm->start_time = aero_demo_store_now_ms (self);
  set_status (vm, pause ? "paused" : "up");
  aero_demo_store_save (self);
  return TRUE;
}

gboolean
aero_demo_store_stop_vm (AeroDemoStore  *self,
                         AeroDemoVm     *vm,
                         GError        **error)
{
  if (!aero_demo_vm_is_live (vm))
    return fail (error, 409, "Cannot stop VM. VM is not running.");
  power_off (self, vm);
  aero_demo_store_save (self);
  return TRUE;
}

/* A shut down in progress: the VM, known by id (it may be removed
 * meanwhile) and by the start it belongs to (it may be powered off and
 * started again meanwhile). */
typedef struct
{
  AeroDemoStore *store;
  char          *vm_id;
  gint64         start_time;
} ShutdownData;

static void
shutdown_data_free (gpointer user_data)
{
  ShutdownData *data = user_data;

  g_object_unref (data->store);
  g_free (data->vm_id);
  g_free (data);
}

static gboolean
shutdown_done_cb (gpointer user_data)
{
  ShutdownData *data = user_data;
  AeroDemoVm *vm = aero_demo_store_find_vm (data->store, data->vm_id);

  if (vm != NULL && g_strcmp0 (vm->status, "powering_down") == 0
      && vm->start_time == data->start_time)
    {
      power_off (data->store, vm);
      aero_demo_store_save (data->store);
    }
  return G_SOURCE_REMOVE;
}

/* The guest asked to shut down has an agent: the demo's desktops (OS
 * "other") run none. */
static gboolean
guest_has_agent (const AeroDemoVm *vm)
{
  return g_strcmp0 (vm->conf->os_type, "other") != 0;
}

/* As ovirt-engine:
 * backend/manager/modules/bll/src/main/java/org/ovirt/engine/core/bll/ShutdownVmCommand.java
 * does: a VM that is Up, with ACPI enabled or a guest agent, is asked to
 * shut down (DestroyVm, gracefully): the agent does it, or without one the
 * ACPI power button. It is powering_down until the guest has gone. Any
 * other running VM (paused, suspended, already powering down) cannot shut
 * down and is stopped instead, at once. ACPI is always on in the demo (a
 * real VM may have it off; without an agent too it would be stopped). */
gboolean
aero_demo_store_shutdown_vm (AeroDemoStore  *self,
                             AeroDemoVm     *vm,
                             GError        **error)
{
  ShutdownData *data;
  GSource *source;

  if (!aero_demo_vm_is_live (vm))
    return fail (error, 409, "Cannot shutdown VM. VM is not running.");

  if (g_strcmp0 (vm->status, "up") != 0)
    {
      power_off (self, vm);
      aero_demo_store_save (self);
      return TRUE;
    }

  /* Not saved: a demo engine started again from the state file finds the
   * VM up, as a real one would after losing the shut down request. */
  set_status (vm, "powering_down");

  data = g_new0 (ShutdownData, 1);
  data->store = g_object_ref (self);
  data->vm_id = g_strdup (vm->id);
  data->start_time = vm->start_time;
  /* The ACPI path leaves the guest more to do (no agent to close the
   * session first): it takes longer. */
  source = g_timeout_source_new (guest_has_agent (vm) ? self->shutdown_delay_ms
                                                      : self->shutdown_delay_ms * 2);
  g_source_set_callback (source, shutdown_done_cb, data, shutdown_data_free);
  g_source_set_name (source, "aero-demo-shutdown");
  g_source_attach (source, g_main_context_get_thread_default ());
  g_source_unref (source);
  return TRUE;
}

gboolean
aero_demo_store_suspend_vm (AeroDemoStore  *self,
                            AeroDemoVm     *vm,
                            GError        **error)
{
  if (g_strcmp0 (vm->status, "up") != 0)
    return fail (error, 409, "Cannot hibernate VM because the VM is in %s status.", status_label (vm->status));
  set_status (vm, "suspended");
  aero_demo_store_save (self);
  return TRUE;
}

gboolean
aero_demo_store_reboot_vm (AeroDemoStore  *self,
                           AeroDemoVm     *vm,
                           GError        **error)
{
  if (g_strcmp0 (vm->status, "up") != 0)
    return fail (error, 409, "Cannot reboot VM. VM is not running.");
  /* A volatile run configuration does not survive even a reboot; a plain
   * run-once lasts until power-off. */
  if (vm->run_once && vm->run_once_volatile)
    {
      if (vm->persistent != NULL)
        {
          aero_demo_config_free (vm->conf);
          vm->conf = g_steal_pointer (&vm->persistent);
        }
      vm->run_once = FALSE;
      vm->run_once_volatile = FALSE;
    }
  vm->start_time = aero_demo_store_now_ms (self);
  aero_demo_store_save (self);
  return TRUE;
}
