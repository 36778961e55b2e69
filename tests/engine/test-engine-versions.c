/* test-engine-versions.c - the client against the demo engine playing
 * oVirt 4.3, 4.4 and 4.5: what the admin asked for is what the engine
 * keeps, on every release
 *
 * Each test names the engine source (oVirt/ovirt-engine) of the rule it
 * checks; the same rules are in src/demo/README.md.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "aero-engine.h"
#include "aero-test-demo.h"
#include "aero-test-wait.h"
#include "aero-vm-edit-engine.h"
#include "aero-vm-edit.h"

#define MIB AERO_MIB
#define GIB (1024 * AERO_MIB)

/* The demo engine on loopback and a client logged in to it. */
typedef AeroTestDemo Fixture;

static GListModel *
list_vms (Fixture       *f,
          const char    *search,
          AeroListFlags  flags)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  GAsyncResult *slot = NULL;
  GListModel *vms;

  aero_engine_list_vms_async (f->engine, search, -1, flags, NULL, NULL, NULL,
                              aero_test_store_result, &slot);
  result = aero_test_wait_result (&slot, NULL);
  vms = aero_engine_list_vms_finish (f->engine, result, &error);
  g_assert_no_error (error);
  return vms;
}

/* The VM as an edit starts from (its next-run configuration when one
 * waits). */
static AeroVm *
vm_for_edit (Fixture    *f,
             const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autofree char *search = g_strdup_printf ("name=%s", name);
  g_autoptr(GListModel) vms = list_vms (f, search, AERO_LIST_NONE);
  g_autoptr(AeroVm) listed = g_list_model_get_item (vms, 0);
  GAsyncResult *slot = NULL;
  AeroVm *vm;

  aero_engine_get_vm_for_edit_async (f->engine, aero_vm_get_id (listed), NULL,
                                     aero_test_store_result, &slot);
  result = aero_test_wait_result (&slot, NULL);
  vm = aero_engine_get_vm_for_edit_finish (f->engine, result, &error);
  g_assert_no_error (error);
  return vm;
}

static AeroVm *
get_vm (Fixture  *f,
        AeroVm   *vm,
        gboolean  next_run)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  GAsyncResult *slot = NULL;
  AeroVm *got;

  aero_engine_get_vm_async (f->engine, aero_vm_get_id (vm), next_run, NULL,
                            aero_test_store_result, &slot);
  result = aero_test_wait_result (&slot, NULL);
  got = aero_engine_get_vm_finish (f->engine, result, &error);
  g_assert_no_error (error);
  return got;
}

static AeroVmEdit *
edit_vm (Fixture *f,
         AeroVm  *vm)
{
  AeroVmEdit *edit = aero_vm_edit_new_for_vm (vm, f->clusters);

  aero_vm_edit_follow_engine (edit, aero_engine_get_engine_version (f->engine));
  return edit;
}

static void
save (Fixture    *f,
      AeroVmEdit *edit)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GObject) saved = NULL;
  GAsyncResult *slot = NULL;

  g_assert_true (aero_vm_edit_get_valid (edit));
  aero_vm_edit_save_async (edit, f->engine, NULL, aero_test_store_result, &slot);
  result = aero_test_wait_result (&slot, NULL);
  saved = aero_vm_edit_save_finish (edit, result, &error);
  g_assert_no_error (error);
}

static AeroTristate
ballooning (AeroVm *vm)
{
  return aero_memory_policy_get_ballooning (aero_vm_get_memory_policy (vm));
}

static const char *const versions[] = { "4.3", "4.4.5.10", "4.4", "4.5" };

/* product_info.version read at login: full_version carries the fourth
 * number (GetProductVersionQuery). */
static void
test_release_read_at_login (void)
{
  static const struct { const char *version; guint build, revision; } cases[] = {
    { "4.3", 10, 4 }, { "4.4.5.10", 5, 10 }, { "4.4", 10, 7 }, { "4.5", 6, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      Fixture f = { 0 };
      const AeroEngineVersion *v;

      aero_test_demo_open (&f, cases[i].version, TRUE);
      v = aero_engine_get_engine_version (f.engine);
      g_assert_cmpuint (v->major, ==, 4);
      g_assert_cmpuint (v->build, ==, cases[i].build);
      g_assert_cmpuint (v->revision, ==, cases[i].revision);
      aero_test_demo_close (&f);
    }
}

/* Every release's list says whether each VM balloons when asked
 * (BackendResource.isPopulate, VmBaseMapper). */
static void
test_list_ballooning_BackendResource_isPopulate (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (versions); i++)
    {
      Fixture f = { 0 };
      g_autoptr(GListModel) vms = NULL;

      aero_test_demo_open (&f, versions[i], TRUE);
      vms = list_vms (&f, NULL, AERO_LIST_ALL_CONTENT);
      g_assert_cmpuint (g_list_model_get_n_items (vms), >, 0);
      for (guint j = 0; j < g_list_model_get_n_items (vms); j++)
        {
          g_autoptr(AeroVm) vm = g_list_model_get_item (vms, j);

          g_assert_cmpint (ballooning (vm), !=, AERO_TRISTATE_UNKNOWN);
        }
      aero_test_demo_close (&f);
    }
}

/* A balloon change waiting for the restart survives a second next-run
 * edit, also where the balloon is a device that the engine rebuilds from
 * the running VM (VmDeviceUtils.getVmDevicesForNextRun, up to 4.4.6.4). */
static void
test_waiting_balloon_kept_VmDeviceUtils_getVmDevicesForNextRun (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (versions); i++)
    {
      Fixture f = { 0 };
      g_autoptr(AeroVm) vm = NULL;
      g_autoptr(AeroVm) again = NULL;
      g_autoptr(AeroVm) next = NULL;
      g_autoptr(AeroVmEdit) first = NULL;
      g_autoptr(AeroVmEdit) second = NULL;

      aero_test_demo_open (&f, versions[i], TRUE);
      vm = vm_for_edit (&f, "web-01");
      g_assert_true (aero_vm_status_is_running (aero_vm_get_status (vm)));
      g_assert_cmpint (ballooning (vm), ==, AERO_TRISTATE_TRUE);

      first = edit_vm (&f, vm);
      aero_vm_edit_set_ballooning (first, FALSE);
      save (&f, first);

      /* Something else, before the restart. */
      again = vm_for_edit (&f, "web-01");
      g_assert_cmpint (ballooning (again), ==, AERO_TRISTATE_FALSE);
      second = edit_vm (&f, again);
      aero_vm_edit_set_cpu_shares_level (second, AERO_CPU_SHARES_HIGH);
      save (&f, second);

      next = get_vm (&f, vm, TRUE);
      g_assert_cmpint (ballooning (next), ==, AERO_TRISTATE_FALSE);
      g_assert_cmpint (aero_vm_get_cpu_shares (next), ==, 2048);
      aero_test_demo_close (&f);
    }
}

/* The hot plug step of the pending-changes split (UpdateVmCommand:
 * HotPlugMemoryBlockSizeMb, ArchitectureType.getHotplugMemorySizeFactorMb
 * from 4.4.8.1): +128 MiB applies now from 4.4.8.1, waits before. */
static void
test_hotplug_step_UpdateVmCommand (void)
{
  static const struct { const char *version; gboolean now; } cases[] = {
    { "4.3", FALSE }, { "4.4.5.10", FALSE }, { "4.4", TRUE }, { "4.5", TRUE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      Fixture f = { 0 };
      g_autoptr(AeroVm) vm = NULL;
      g_autoptr(AeroVm) after = NULL;
      g_autoptr(AeroVmEdit) edit = NULL;

      aero_test_demo_open (&f, cases[i].version, TRUE);
      vm = vm_for_edit (&f, "web-02");
      edit = edit_vm (&f, vm);
      aero_vm_edit_set_memory (edit, aero_vm_get_memory (vm) + 128 * MIB);
      g_assert_cmpint (aero_vm_edit_get_next_run_required (edit), ==, !cases[i].now);
      save (&f, edit);

      after = get_vm (&f, vm, FALSE);
      g_assert_cmpint (aero_vm_get_memory (after), ==,
                       aero_vm_get_memory (vm) + (cases[i].now ? 128 * MIB : 0));
      aero_test_demo_close (&f);
    }
}

/* Maximum memory is bounded by the limit the engine would apply
 * (VmHandler.validateMaxMemorySize, 0000_config.sql), before anything is
 * sent. */
static void
test_max_memory_limit_VmHandler_validateMaxMemorySize (void)
{
  static const struct { const char *version; gint64 limit_mib; } cases[] = {
    { "4.3", 4194304 }, { "4.4.5.10", 6291456 }, { "4.4", 16777216 }, { "4.5", 16777216 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      Fixture f = { 0 };
      g_autoptr(AeroVm) vm = NULL;
      g_autoptr(AeroVm) after = NULL;
      g_autoptr(AeroVmEdit) edit = NULL;

      /* web-03: down, Default (4.7), rhel_9x64. */
      aero_test_demo_open (&f, cases[i].version, TRUE);
      vm = vm_for_edit (&f, "web-03");
      edit = edit_vm (&f, vm);
      g_assert_cmpint (aero_vm_edit_get_max_memory_limit (edit), ==, cases[i].limit_mib);
      aero_vm_edit_set_max_memory (edit, (cases[i].limit_mib + 1) * MIB);
      g_assert_false (aero_vm_edit_get_valid (edit));
      g_assert_nonnull (aero_vm_edit_get_max_memory_error (edit));
      aero_vm_edit_set_max_memory (edit, cases[i].limit_mib * MIB);
      g_assert_null (aero_vm_edit_get_max_memory_error (edit));
      save (&f, edit);

      after = get_vm (&f, vm, FALSE);
      g_assert_cmpint (aero_memory_policy_get_max (aero_vm_get_memory_policy (after)), ==, cases[i].limit_mib * MIB);
      aero_test_demo_close (&f);
    }
}

/* Run Once starts with the stored balloon on every release
 * (VmMapper.map (Vm, RunVmOnceParams)), and is a Run Once, so that
 * "volatile" counts (BackendVmResource.start). */
static void
test_run_once_VmMapper (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (versions); i++)
    {
      Fixture f = { 0 };
      g_autoptr(GError) error = NULL;
      g_autoptr(GAsyncResult) result = NULL;
      g_autoptr(AeroVm) vm = NULL;
      g_autoptr(AeroVm) running = NULL;
      GAsyncResult *slot = NULL;

      aero_test_demo_open (&f, versions[i], TRUE);
      vm = vm_for_edit (&f, "web-04");
      aero_engine_run_once_async (f.engine, aero_vm_get_id (vm), TRUE, FALSE, NULL,
                                  aero_test_store_result, &slot);
      result = aero_test_wait_result (&slot, NULL);
      g_assert_true (aero_engine_run_once_finish (f.engine, result, &error));
      g_assert_no_error (error);
      running = get_vm (&f, vm, FALSE);
      g_assert_true (aero_vm_status_is_running (aero_vm_get_status (running)));
      g_assert_cmpint (ballooning (running), ==, ballooning (vm));
      g_assert_cmpint (aero_vm_get_memory (running), ==, aero_vm_get_memory (vm));
      aero_test_demo_close (&f);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/engine-versions/release-read-at-login", test_release_read_at_login);
  g_test_add_func ("/engine-versions/list-ballooning/BackendResource.isPopulate",
                   test_list_ballooning_BackendResource_isPopulate);
  g_test_add_func ("/engine-versions/waiting-balloon-kept/VmDeviceUtils.getVmDevicesForNextRun",
                   test_waiting_balloon_kept_VmDeviceUtils_getVmDevicesForNextRun);
  g_test_add_func ("/engine-versions/hotplug-step/UpdateVmCommand", test_hotplug_step_UpdateVmCommand);
  g_test_add_func ("/engine-versions/max-memory-limit/VmHandler.validateMaxMemorySize",
                   test_max_memory_limit_VmHandler_validateMaxMemorySize);
  g_test_add_func ("/engine-versions/run-once/VmMapper", test_run_once_VmMapper);

  return g_test_run ();
}
