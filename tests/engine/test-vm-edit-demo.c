/* test-vm-edit-demo.c - the bodies AeroVmEdit builds, sent by AeroEngine
 * to the demo engine over loopback, and what the engine makes of them
 *
 * The demo engine implements the wire format and the memory rules on its
 * own, so this catches a body the engine would read differently from what
 * the edit model meant.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "aero-engine-calls-private.h"
#include "aero-features.h"
#include "aero-bulk-ballooning.h"
#include "aero-test-demo.h"
#include "aero-test-wait.h"
#include "aero-vm-conflict.h"
#include "aero-vm-edit-private.h"

#define MIB AERO_MIB
#define GIB (1024 * AERO_MIB)

/* The demo engine on loopback and a client logged in to it. */
typedef AeroTestDemo Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  aero_test_demo_open (f, NULL, FALSE);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  aero_test_demo_close (f);
}

static AeroCluster *
cluster_named (Fixture    *f,
               const char *name)
{
  guint n = g_list_model_get_n_items (f->clusters);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AeroCluster) cluster = g_list_model_get_item (f->clusters, i);

      if (g_strcmp0 (aero_cluster_get_name (cluster), name) == 0)
        return cluster;
    }
  g_error ("no cluster %s", name);
  return NULL;
}

static AeroVm *
get_vm (Fixture    *f,
        const char *id,
        gboolean    next_run)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  GAsyncResult *slot = NULL;
  AeroVm *vm;

  aero_engine_get_vm_async (f->engine, id, next_run, NULL, aero_test_store_result, &slot);
  result = aero_test_wait_result (&slot, NULL);
  vm = aero_engine_get_vm_finish (f->engine, result, &error);
  g_assert_no_error (error);

  return vm;
}

/* The VM named @name, from a single GET (ballooning known). */
static AeroVm *
vm_named (Fixture    *f,
          const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GListModel) vms = NULL;
  g_autofree char *search = g_strdup_printf ("name=%s", name);
  g_autoptr(AeroVm) listed = NULL;
  GAsyncResult *slot = NULL;

  aero_engine_list_vms_async (f->engine, search, -1, AERO_LIST_NONE, NULL, NULL, NULL,
                              aero_test_store_result, &slot);
  result = aero_test_wait_result (&slot, NULL);
  vms = aero_engine_list_vms_finish (f->engine, result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (vms), ==, 1);
  listed = g_list_model_get_item (vms, 0);

  return get_vm (f, aero_vm_get_id (listed), FALSE);
}

static AeroVm *
put_vm (Fixture     *f,
        AeroVm      *vm,
        JsonNode    *body,
        gboolean     next_run,
        GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  GAsyncResult *slot = NULL;

  aero_engine_update_vm_async (f->engine, aero_vm_get_id (vm), body, next_run, NULL,
                               aero_test_store_result, &slot);
  result = aero_test_wait_result (&slot, NULL);

  return aero_engine_update_vm_finish (f->engine, result, error);
}

/* The bulk dialog's call: only memory_policy.ballooning. */
static AeroVm *
set_ballooning (Fixture     *f,
                AeroVm      *vm,
                gboolean     enable,
                gboolean     next_run,
                GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  GAsyncResult *slot = NULL;

  aero_engine_set_vm_ballooning_async (f->engine, aero_vm_get_id (vm), enable, next_run, NULL,
                                       aero_test_store_result, &slot);
  result = aero_test_wait_result (&slot, NULL);

  return aero_engine_set_vm_ballooning_finish (f->engine, result, error);
}

static AeroVm *
post_vm (Fixture  *f,
         JsonNode *body)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  GAsyncResult *slot = NULL;
  AeroVm *vm;

  aero_engine_add_vm_async (f->engine, body, NULL, aero_test_store_result, &slot);
  result = aero_test_wait_result (&slot, NULL);
  vm = aero_engine_add_vm_finish (f->engine, result, &error);
  g_assert_no_error (error);

  return vm;
}

static AeroTristate
ballooning_of (AeroVm *vm)
{
  return aero_memory_policy_get_ballooning (aero_vm_get_memory_policy (vm));
}

/* ------------------------------------------------------------------ */

static void
test_post_new_vm (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(AeroVmEdit) edit = NULL;
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(AeroVm) created = NULL;
  g_autoptr(AeroVm) fetched = NULL;
  AeroCluster *cluster = cluster_named (f, "Default");
  AeroMemoryPolicy *policy;

  edit = aero_vm_edit_new_for_new_vm (f->clusters, f->templates,
                                      aero_engine_get_blank_template_id (f->engine));
  aero_vm_edit_set_cluster (edit, cluster);
  aero_vm_edit_set_name (edit, "edit-new-1");
  aero_vm_edit_set_vm_type (edit, AERO_VM_TYPE_SERVER);
  aero_vm_edit_set_memory (edit, 2048 * MIB);
  aero_vm_edit_set_cpu_sockets (edit, 2);
  g_assert_true (aero_vm_edit_get_valid (edit));
  g_assert_true (aero_vm_edit_get_ballooning (edit));

  body = aero_vm_edit_build_body (edit);
  created = post_vm (f, body);
  fetched = get_vm (f, aero_vm_get_id (created), FALSE);
  policy = aero_vm_get_memory_policy (fetched);

  g_assert_cmpstr (aero_vm_get_name (fetched), ==, "edit-new-1");
  g_assert_cmpstr (aero_vm_get_cluster_id (fetched), ==, aero_cluster_get_id (cluster));
  g_assert_cmpint (aero_vm_get_vm_type (fetched), ==, AERO_VM_TYPE_SERVER);
  g_assert_cmpint (aero_vm_get_memory (fetched), ==, 2 * GIB);
  /* Default over-commits 150 %: 2048 * 100 / 150 = 1365 MiB. */
  g_assert_cmpint (aero_memory_policy_get_guaranteed (policy), ==, 1365 * MIB);
  g_assert_cmpint (aero_memory_policy_get_max (policy), ==, 8 * GIB);
  g_assert_cmpint (aero_memory_policy_get_ballooning (policy), ==, AERO_TRISTATE_TRUE);
  g_assert_cmpint (aero_vm_get_cpu_sockets (fetched), ==, 2);
}

static void
test_post_on_gated_cluster (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(AeroVmEdit) edit = NULL;
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(AeroVm) created = NULL;
  g_autoptr(AeroVm) fetched = NULL;
  JsonObject *policy;

  edit = aero_vm_edit_new_for_new_vm (f->clusters, f->templates,
                                      aero_engine_get_blank_template_id (f->engine));
  aero_vm_edit_set_cluster (edit, cluster_named (f, "Legacy"));
  aero_vm_edit_set_name (edit, "edit-legacy-1");
  g_assert_false (aero_vm_edit_get_ballooning_sensitive (edit));

  body = aero_vm_edit_build_body (edit);
  policy = json_object_get_object_member (json_node_get_object (body), "memory_policy");
  g_assert_false (json_object_has_member (policy, "ballooning"));

  created = post_vm (f, body);
  fetched = get_vm (f, aero_vm_get_id (created), FALSE);
  g_assert_cmpint (ballooning_of (fetched), ==, AERO_TRISTATE_FALSE);
}

static void
test_put_only_changes (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(AeroVm) vm = vm_named (f, "web-03");
  g_autoptr(AeroVm) updated = NULL;
  g_autoptr(AeroVm) fetched = NULL;
  g_autoptr(AeroVmEdit) edit = NULL;
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (aero_vm_get_status (vm), ==, AERO_VM_STATUS_DOWN);
  g_assert_cmpint (ballooning_of (vm), ==, AERO_TRISTATE_TRUE);

  edit = aero_vm_edit_new_for_vm (vm, f->clusters);
  aero_vm_edit_set_ballooning (edit, FALSE);
  aero_vm_edit_set_comment (edit, "no balloon");
  g_assert_false (aero_vm_edit_needs_next_run_confirmation (edit));
  body = aero_vm_edit_build_body (edit);
  updated = put_vm (f, vm, body, FALSE, &error);
  g_assert_no_error (error);

  fetched = get_vm (f, aero_vm_get_id (vm), FALSE);
  g_assert_cmpint (ballooning_of (fetched), ==, AERO_TRISTATE_FALSE);
  g_assert_cmpstr (aero_vm_get_comment (fetched), ==, "no balloon");
  g_assert_cmpint (aero_vm_get_memory (fetched), ==, aero_vm_get_memory (vm));
  g_assert_cmpint (aero_memory_policy_get_guaranteed (aero_vm_get_memory_policy (fetched)), ==,
                   aero_memory_policy_get_guaranteed (aero_vm_get_memory_policy (vm)));
  g_assert_cmpstr (aero_vm_get_description (fetched), ==, aero_vm_get_description (vm));

  /* The engine's answer becomes the baseline: nothing left to send. */
  aero_vm_edit_reset_original (edit, fetched);
  g_assert_false (aero_vm_edit_get_has_changes (edit));
  g_assert_null (aero_vm_edit_build_body (edit));
}

static void
test_running_vm_next_run (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(AeroVm) vm = vm_named (f, "web-01");
  g_autoptr(AeroVm) updated = NULL;
  g_autoptr(AeroVm) current = NULL;
  g_autoptr(AeroVm) next = NULL;
  g_autoptr(AeroVmEdit) edit = NULL;
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (aero_vm_get_status (vm), ==, AERO_VM_STATUS_UP);
  edit = aero_vm_edit_new_for_vm (vm, f->clusters);
  g_assert_true (aero_vm_edit_get_running (edit));
  aero_vm_edit_set_ballooning (edit, FALSE);
  g_assert_true (aero_vm_edit_needs_next_run_confirmation (edit));

  body = aero_vm_edit_build_body (edit);
  updated = put_vm (f, vm, body, FALSE, &error);
  g_assert_no_error (error);

  /* Ballooning waits for the restart: the engine keeps a next-run
   * configuration, and the running one is unchanged. */
  current = get_vm (f, aero_vm_get_id (vm), FALSE);
  g_assert_cmpint (aero_vm_get_next_run_configuration_exists (current), ==, AERO_TRISTATE_TRUE);
  /* Up to 4.4.6.4 the engine reads a VM's balloon from its next-run
   * configuration when there is one (IsBalloonEnabledQuery). */
  if (aero_engine_version_lists_ballooning (aero_engine_get_engine_version (f->engine)))
    g_assert_cmpint (ballooning_of (current), ==, AERO_TRISTATE_TRUE);
  next = get_vm (f, aero_vm_get_id (vm), TRUE);
  g_assert_cmpint (ballooning_of (next), ==, AERO_TRISTATE_FALSE);
}

/* aero_vm_edit_save_async () picks the PUT and next_run itself: "Apply
 * later" makes a hot-pluggable memory increase wait for the restart, and
 * the engine's answer becomes the baseline. */
static void
test_save_apply_later (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(AeroVm) vm = vm_named (f, "web-01");
  g_autoptr(AeroVm) saved = NULL;
  g_autoptr(AeroVm) again = NULL;
  g_autoptr(AeroVm) current = NULL;
  g_autoptr(AeroVm) next = NULL;
  g_autoptr(AeroVmEdit) edit = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GAsyncResult *slot = NULL;
  gint64 memory = aero_vm_get_memory (vm);

  g_assert_cmpint (aero_vm_get_status (vm), ==, AERO_VM_STATUS_UP);
  edit = aero_vm_edit_new_for_vm (vm, f->clusters);
  aero_vm_edit_set_derive_memory (edit, FALSE);
  aero_vm_edit_set_memory (edit, memory + 256 * MIB);
  g_assert_false (aero_vm_edit_get_sends_next_run (edit));
  aero_vm_edit_set_apply_later (edit, TRUE);
  g_assert_true (aero_vm_edit_get_sends_next_run (edit));

  aero_vm_edit_save_async (edit, f->engine, NULL, aero_test_store_result, &slot);
  result = aero_test_wait_result (&slot, NULL);
  saved = aero_vm_edit_save_finish (edit, result, &error);
  g_assert_no_error (error);
  g_assert_true (AERO_IS_VM (saved));
  g_assert_false (aero_vm_edit_get_has_changes (edit));
  g_assert_false (aero_vm_edit_get_apply_later (edit));

  current = get_vm (f, aero_vm_get_id (vm), FALSE);
  g_assert_cmpint (aero_vm_get_memory (current), ==, memory);
  next = get_vm (f, aero_vm_get_id (vm), TRUE);
  g_assert_cmpint (aero_vm_get_memory (next), ==, memory + 256 * MIB);

  /* Nothing left to change: nothing is sent, the original comes back. */
  g_clear_object (&result);
  aero_vm_edit_save_async (edit, f->engine, NULL, aero_test_store_result, &slot);
  result = aero_test_wait_result (&slot, NULL);
  again = aero_vm_edit_save_finish (edit, result, &error);
  g_assert_no_error (error);
  g_assert_true (again == aero_vm_edit_get_vm (edit));
}

static AeroVm *
get_vm_for_edit (Fixture    *f,
                 const char *id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  GAsyncResult *slot = NULL;
  AeroVm *vm;

  aero_engine_get_vm_for_edit_async (f->engine, id, NULL, aero_test_store_result, &slot);
  result = aero_test_wait_result (&slot, NULL);
  vm = aero_engine_get_vm_for_edit_finish (f->engine, result, &error);
  g_assert_no_error (error);

  return vm;
}

/* An edit starts from what the VM will start with: the running values
 * while nothing waits, the next-run configuration once something does,
 * with the running status and flag (they decide next_run=true). */
static void
test_vm_for_edit (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(AeroVm) vm = vm_named (f, "web-01");
  g_autoptr(AeroVm) plain = NULL;
  g_autoptr(AeroVm) updated = NULL;
  g_autoptr(AeroVm) pending = NULL;
  g_autoptr(JsonNode) body = json_from_string ("{\"memory_policy\":{\"ballooning\":\"false\"}}", NULL);
  g_autoptr(GError) error = NULL;

  plain = get_vm_for_edit (f, aero_vm_get_id (vm));
  g_assert_false (aero_vm_get_next_run_pending (plain));
  g_assert_cmpint (ballooning_of (plain), ==, AERO_TRISTATE_TRUE);

  updated = put_vm (f, vm, body, TRUE, &error);
  g_assert_no_error (error);

  pending = get_vm_for_edit (f, aero_vm_get_id (vm));
  g_assert_true (aero_vm_get_next_run_pending (pending));
  g_assert_cmpint (aero_vm_get_status (pending), ==, AERO_VM_STATUS_UP);
  g_assert_cmpint (ballooning_of (pending), ==, AERO_TRISTATE_FALSE);
}

static void
test_engine_agrees_on_validation (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr(AeroVm) vm = vm_named (f, "web-04");
  g_autoptr(AeroVm) updated = NULL;
  g_autoptr(AeroVmEdit) edit = aero_vm_edit_new_for_vm (vm, f->clusters);
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(GError) error = NULL;
  const char *message;

  aero_vm_edit_set_guaranteed (edit, aero_vm_get_memory (vm) + GIB);
  message = aero_vm_edit_get_guaranteed_error (edit);
  g_assert_nonnull (message);
  g_assert_false (aero_vm_edit_get_valid (edit));

  /* Sent anyway, the engine refuses it in the same words. */
  body = aero_vm_edit_build_body (edit);
  updated = put_vm (f, vm, body, FALSE, &error);
  g_assert_null (updated);
  g_assert_error (error, AERO_ENGINE_ERROR, AERO_ENGINE_ERROR_FAULT);
  g_assert_nonnull (strstr (aero_engine_error_get_detail (error), message));
}

static void
test_bulk_enable (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GPtrArray) vms = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) plan = NULL;
  AeroBulkBallooningItem *item;

  g_ptr_array_add (vms, vm_named (f, "prod-app-02"));  /* 3.1, down, off */
  g_ptr_array_add (vms, vm_named (f, "stable-02"));    /* 3.6, up, off */
  g_ptr_array_add (vms, vm_named (f, "legacy-web"));   /* 3.0 */
  g_ptr_array_add (vms, vm_named (f, "web-02"));       /* already on */

  plan = aero_bulk_ballooning_plan (vms, f->clusters, TRUE);
  g_assert_cmpint (((AeroBulkBallooningItem *) plan->pdata[0])->action, ==, AERO_BULK_BALLOONING_CHANGE_NOW);
  g_assert_cmpint (((AeroBulkBallooningItem *) plan->pdata[1])->action, ==, AERO_BULK_BALLOONING_CHANGE_NEXT_RUN);
  g_assert_cmpint (((AeroBulkBallooningItem *) plan->pdata[2])->action, ==, AERO_BULK_BALLOONING_SKIP_LEVEL);
  g_assert_cmpint (((AeroBulkBallooningItem *) plan->pdata[3])->action, ==, AERO_BULK_BALLOONING_SKIP_ALREADY);

  for (guint i = 0; i < plan->len; i++)
    {
      g_autoptr(AeroVm) updated = NULL;
      g_autoptr(AeroVm) fetched = NULL;
      g_autoptr(GError) error = NULL;

      item = plan->pdata[i];
      if (item->action != AERO_BULK_BALLOONING_CHANGE_NOW &&
          item->action != AERO_BULK_BALLOONING_CHANGE_NEXT_RUN)
        continue;

      updated = set_ballooning (f, item->vm, TRUE, FALSE, &error);
      g_assert_no_error (error);
      fetched = get_vm (f, aero_vm_get_id (item->vm),
                        item->action == AERO_BULK_BALLOONING_CHANGE_NEXT_RUN);
      g_assert_cmpint (ballooning_of (fetched), ==, AERO_TRISTATE_TRUE);
    }
}

/* ------------------------------------------------------------------ */
/* What the client predicts for a running VM is what the engine does.  */
/* ------------------------------------------------------------------ */

typedef struct {
  const char *path;
  const char *vm;
  void      (*edit) (Fixture *f, AeroVmEdit *edit);
  /* Whether the client must send the PUT with next_run=true. */
  gboolean    required;
  /* A PUT of the same edit without next_run is refused (else it applies
   * differently from what the admin asked). */
  gboolean    live_fault;
  /* Put a ballooning change into the next-run configuration first. */
  gboolean    pending;
} RunningCase;

static char *
field_text (AeroVm     *vm,
            const char *field)
{
  AeroMemoryPolicy *policy = aero_vm_get_memory_policy (vm);

  if (g_str_equal (field, "name"))
    return g_strdup (aero_vm_get_name (vm));
  if (g_str_equal (field, "description"))
    return g_strdup (aero_vm_get_description (vm));
  if (g_str_equal (field, "comment"))
    return g_strdup (aero_vm_get_comment (vm));
  if (g_str_equal (field, "memory"))
    return aero_vm_edit_format_memory (aero_vm_get_memory (vm));
  if (g_str_equal (field, "guaranteed"))
    return aero_vm_edit_format_memory (aero_memory_policy_get_guaranteed (policy));
  if (g_str_equal (field, "max-memory"))
    return aero_vm_edit_format_memory (aero_memory_policy_get_max (policy));
  if (g_str_equal (field, "ballooning"))
    return g_strdup (aero_memory_policy_get_ballooning (policy) == AERO_TRISTATE_TRUE
                     ? "Enabled" : "Disabled");
  if (g_str_equal (field, "cpu-shares"))
    return g_strdup_printf ("%d", aero_vm_get_cpu_shares (vm));
  if (g_str_equal (field, "cpu"))
    return g_strdup_printf ("%d (%d:%d:%d)",
                            aero_vm_get_cpu_sockets (vm) * aero_vm_get_cpu_cores (vm)
                            * aero_vm_get_cpu_threads (vm),
                            aero_vm_get_cpu_sockets (vm), aero_vm_get_cpu_cores (vm),
                            aero_vm_get_cpu_threads (vm));
  if (g_str_equal (field, "vm-type"))
    switch (aero_vm_get_vm_type (vm))
      {
      case AERO_VM_TYPE_DESKTOP:
        return g_strdup ("Desktop");
      case AERO_VM_TYPE_SERVER:
        return g_strdup ("Server");
      case AERO_VM_TYPE_HIGH_PERFORMANCE:
        return g_strdup ("High Performance");
      default:
        return g_strdup ("Unknown");
      }
  g_error ("no text for %s", field);
  return NULL;
}

/* Compares the VM and its ;next_run view with the predicted changes: NOW
 * and HOTPLUG changes are in both, NEXT_RUN ones only in the next-run
 * view. With @strict a difference fails the test, else it returns FALSE. */
static gboolean
prediction_met (Fixture   *f,
                AeroVm    *vm,
                GPtrArray *changes,
                gboolean   pending,
                gboolean   strict)
{
  g_autoptr(AeroVm) current = get_vm (f, aero_vm_get_id (vm), FALSE);
  g_autoptr(AeroVm) next = get_vm (f, aero_vm_get_id (vm), TRUE);
  gboolean later = pending;

  for (guint i = 0; i < changes->len; i++)
    {
      AeroVmChange *change = g_ptr_array_index (changes, i);
      const char *field = aero_vm_change_get_field (change);
      AeroVmChangeWhen when = aero_vm_change_get_when (change);
      const char *now_expected = when == AERO_VM_CHANGE_NEXT_RUN
                                 ? aero_vm_change_get_old_value (change)
                                 : aero_vm_change_get_new_value (change);
      g_autofree char *now_text = field_text (current, field);
      g_autofree char *next_text = field_text (next, field);

      /* Up to 4.4.6.4 the engine reads the balloon from the next-run
       * configuration, for the running view too (IsBalloonEnabledQuery). */
      if (g_str_equal (field, "ballooning")
          && !aero_engine_version_lists_ballooning (aero_engine_get_engine_version (f->engine)))
        now_expected = aero_vm_change_get_new_value (change);
      later = later || when == AERO_VM_CHANGE_NEXT_RUN;
      /* Up to 4.4.7.3 any memory change of a running VM also leaves a
       * next-run configuration (UpdateVmCommand.memoryNextRunSnapshotRequired). */
      if (g_str_equal (field, "memory")
          && aero_engine_version_memory_change_keeps_next_run (aero_engine_get_engine_version (f->engine)))
        later = TRUE;
      if (strict)
        {
          g_test_message ("%s: now %s, next run %s", field, now_text, next_text);
          g_assert_cmpstr (now_text, ==, now_expected);
          g_assert_cmpstr (next_text, ==, aero_vm_change_get_new_value (change));
        }
      else if (g_strcmp0 (now_text, now_expected) != 0
               || g_strcmp0 (next_text, aero_vm_change_get_new_value (change)) != 0)
        return FALSE;
    }

  /* What was pending before is still pending. */
  if (pending && ballooning_of (next) != AERO_TRISTATE_FALSE)
    {
      g_assert_false (strict);
      return FALSE;
    }

  if (strict)
    g_assert_cmpint (aero_vm_get_next_run_configuration_exists (current), ==,
                     later ? AERO_TRISTATE_TRUE : AERO_TRISTATE_FALSE);
  return aero_vm_get_next_run_configuration_exists (current)
         == (later ? AERO_TRISTATE_TRUE : AERO_TRISTATE_FALSE);
}

static AeroVmEdit *
running_case_edit (Fixture           *f,
                   const RunningCase *rc,
                   AeroVm           **vm_out)
{
  g_autoptr(AeroVm) vm = vm_named (f, rc->vm);
  AeroVmEdit *edit;

  if (rc->pending)
    {
      g_autoptr(AeroVm) updated = NULL;
      g_autoptr(GError) error = NULL;

      updated = set_ballooning (f, vm, FALSE, TRUE, &error);
      g_assert_no_error (error);
      g_clear_object (&vm);
      vm = vm_named (f, rc->vm);
      g_assert_cmpint (aero_vm_get_next_run_configuration_exists (vm), ==, AERO_TRISTATE_TRUE);
    }

  g_assert_true (aero_vm_edit_get_running (edit = aero_vm_edit_new_for_vm (vm, f->clusters)));
  rc->edit (f, edit);
  g_assert_true (aero_vm_edit_get_has_changes (edit));
  *vm_out = g_steal_pointer (&vm);
  return edit;
}

/* The edit sent as the client sends it: next_run only when required. */
static void
test_running_prediction (Fixture       *f,
                         gconstpointer  data)
{
  const RunningCase *rc = data;
  g_autoptr(AeroVm) vm = NULL;
  g_autoptr(AeroVmEdit) edit = running_case_edit (f, rc, &vm);
  g_autoptr(GPtrArray) changes = aero_vm_edit_list_changes (edit);
  g_autoptr(JsonNode) body = aero_vm_edit_build_body (edit);
  g_autoptr(AeroVm) updated = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (aero_vm_edit_get_valid (edit));
  g_assert_cmpint (aero_vm_edit_get_next_run_required (edit), ==, rc->required);
  updated = put_vm (f, vm, body, aero_vm_edit_get_next_run_required (edit), &error);
  g_assert_no_error (error);
  prediction_met (f, vm, changes, rc->pending, TRUE);
}

/* The same edit without next_run: why the client must not send it so. */
static void
test_running_live (Fixture       *f,
                   gconstpointer  data)
{
  const RunningCase *rc = data;
  g_autoptr(AeroVm) vm = NULL;
  g_autoptr(AeroVmEdit) edit = running_case_edit (f, rc, &vm);
  g_autoptr(GPtrArray) changes = aero_vm_edit_list_changes (edit);
  g_autoptr(JsonNode) body = aero_vm_edit_build_body (edit);
  g_autoptr(AeroVm) updated = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (aero_vm_edit_get_next_run_required (edit));
  updated = put_vm (f, vm, body, FALSE, &error);
  if (rc->live_fault)
    {
      g_assert_error (error, AERO_ENGINE_ERROR, AERO_ENGINE_ERROR_FAULT);
      return;
    }
  g_assert_no_error (error);
  /* Up to 4.4.7.3 the engine keeps any memory change of a running VM in
   * a next-run configuration (UpdateVmCommand.memoryNextRunSnapshotRequired):
   * a decrease sent live is not lost there. */
  if (g_str_has_prefix (rc->path, "memory-down")
      && aero_engine_version_memory_change_keeps_next_run (aero_engine_get_engine_version (f->engine)))
    return;
  g_assert_false (prediction_met (f, vm, changes, rc->pending, FALSE));
}

static void
edit_name (Fixture *f, AeroVmEdit *edit)
{
  aero_vm_edit_set_name (edit, "web-01-renamed");
}

static void
edit_description (Fixture *f, AeroVmEdit *edit)
{
  aero_vm_edit_set_description (edit, "front end");
}

static void
edit_comment (Fixture *f, AeroVmEdit *edit)
{
  aero_vm_edit_set_comment (edit, "see ticket 42");
}

/* 4 -> 5 GiB: memory and the derived guarantee hot plug, the derived
 * maximum waits. */
static void
edit_memory_step (Fixture *f, AeroVmEdit *edit)
{
  aero_vm_edit_set_memory (edit, 5 * GIB);
}

static void
edit_memory_odd (Fixture *f, AeroVmEdit *edit)
{
  aero_vm_edit_set_memory (edit, 4 * GIB + 300 * MIB);
}

/* With the maximum kept, nothing else asks for a next-run configuration:
 * without next_run the engine finds no memory device to unplug and drops
 * the decrease. */
static void
edit_memory_down (Fixture *f, AeroVmEdit *edit)
{
  gint64 max = aero_vm_edit_get_max_memory (edit);

  /* Touched, so that it is no longer derived from the memory. */
  aero_vm_edit_set_max_memory (edit, max + MIB);
  aero_vm_edit_set_max_memory (edit, max);
  aero_vm_edit_set_memory (edit, 3 * GIB);
}

static void
edit_memory_over_max (Fixture *f, AeroVmEdit *edit)
{
  aero_vm_edit_set_max_memory (edit, 16 * GIB);
  aero_vm_edit_set_memory (edit, 10 * GIB);
}

static void
edit_guaranteed (Fixture *f, AeroVmEdit *edit)
{
  aero_vm_edit_set_guaranteed (edit, 1 * GIB);
}

static void
edit_guaranteed_up (Fixture *f, AeroVmEdit *edit)
{
  aero_vm_edit_set_guaranteed (edit, 3 * GIB);
}

static void
edit_memory_paused (Fixture *f, AeroVmEdit *edit)
{
  aero_vm_edit_set_memory (edit, 5 * GIB);
  aero_vm_edit_set_guaranteed (edit, 2 * GIB);
}

static void
edit_max_memory (Fixture *f, AeroVmEdit *edit)
{
  aero_vm_edit_set_max_memory (edit, 8 * GIB);
}

static void
edit_ballooning (Fixture *f, AeroVmEdit *edit)
{
  aero_vm_edit_set_ballooning (edit, FALSE);
}

static void
edit_type (Fixture *f, AeroVmEdit *edit)
{
  aero_vm_edit_set_vm_type (edit, AERO_VM_TYPE_DESKTOP);
}

static void
edit_sockets_more (Fixture *f, AeroVmEdit *edit)
{
  aero_vm_edit_set_cpu_sockets (edit, 3);
}

static void
edit_sockets_fewer (Fixture *f, AeroVmEdit *edit)
{
  aero_vm_edit_set_cpu_sockets (edit, 1);
}

static void
edit_cores (Fixture *f, AeroVmEdit *edit)
{
  aero_vm_edit_set_cpu_cores (edit, 2);
}

static void
edit_sockets_and_cores (Fixture *f, AeroVmEdit *edit)
{
  aero_vm_edit_set_cpu_sockets (edit, 2);
  aero_vm_edit_set_cpu_cores (edit, 2);
}

static void
edit_cpu_shares (Fixture *f, AeroVmEdit *edit)
{
  aero_vm_edit_set_cpu_shares (edit, 1024);
}

static void
edit_everything_live (Fixture *f, AeroVmEdit *edit)
{
  aero_vm_edit_set_description (edit, "bigger");
  aero_vm_edit_set_memory (edit, 6 * GIB);
  aero_vm_edit_set_cpu_sockets (edit, 2);
  aero_vm_edit_set_ballooning (edit, FALSE);
}

/* web-01, web-05 (paused), desk-bob (suspended), mon-01 (2 GiB, max 8):
 * RHEL guests unless said; build-01 has 2 sockets, desk-alice is a
 * Windows guest with 2 sockets. */
static const RunningCase running_cases[] = {
  { "name", "web-01", edit_name, FALSE, FALSE, FALSE },
  { "description", "web-01", edit_description, FALSE, FALSE, FALSE },
  { "comment", "web-01", edit_comment, FALSE, FALSE, FALSE },
  { "memory-step", "web-01", edit_memory_step, FALSE, FALSE, FALSE },
  { "memory-odd", "web-01", edit_memory_odd, TRUE, TRUE, FALSE },
  { "memory-down", "web-01", edit_memory_down, TRUE, FALSE, FALSE },
  { "memory-over-max", "mon-01", edit_memory_over_max, TRUE, TRUE, FALSE },
  { "memory-paused", "web-05", edit_memory_paused, FALSE, FALSE, FALSE },
  { "guaranteed", "web-01", edit_guaranteed, FALSE, FALSE, FALSE },
  { "guaranteed-paused", "web-05", edit_guaranteed_up, FALSE, FALSE, FALSE },
  { "guaranteed-suspended", "desk-bob", edit_guaranteed, FALSE, FALSE, FALSE },
  { "max-memory", "web-01", edit_max_memory, FALSE, FALSE, FALSE },
  { "ballooning", "web-01", edit_ballooning, FALSE, FALSE, FALSE },
  { "type", "web-01", edit_type, FALSE, FALSE, FALSE },
  { "cpu-shares", "web-01", edit_cpu_shares, FALSE, FALSE, FALSE },
  { "sockets-more", "build-01", edit_sockets_more, FALSE, FALSE, FALSE },
  { "sockets-fewer-linux", "build-01", edit_sockets_fewer, FALSE, FALSE, FALSE },
  { "sockets-fewer-windows", "desk-alice", edit_sockets_fewer, TRUE, FALSE, FALSE },
  { "sockets-paused", "web-05", edit_sockets_more, FALSE, FALSE, FALSE },
  { "cores", "web-01", edit_cores, FALSE, FALSE, FALSE },
  { "sockets-and-cores", "web-01", edit_sockets_and_cores, TRUE, FALSE, FALSE },
  { "mixed", "web-01", edit_everything_live, FALSE, FALSE, FALSE },
  { "pending-next-run", "web-01", edit_description, TRUE, FALSE, TRUE },
};

/* The cluster of a running VM: the client refuses it, and so does the
 * engine, with next_run or without. */
static void
test_running_cluster (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(AeroVm) vm = vm_named (f, "stable-01");
  g_autoptr(AeroVmEdit) edit = aero_vm_edit_new_for_vm (vm, f->clusters);
  g_autoptr(JsonNode) body = NULL;

  aero_vm_edit_set_cluster (edit, cluster_named (f, "Default"));
  g_assert_nonnull (aero_vm_edit_get_cluster_error (edit));
  g_assert_false (aero_vm_edit_get_valid (edit));

  body = aero_vm_edit_build_body (edit);
  for (int next_run = 0; next_run <= 1; next_run++)
    {
      g_autoptr(AeroVm) updated = NULL;
      g_autoptr(GError) error = NULL;

      updated = put_vm (f, vm, body, next_run, &error);
      g_assert_null (updated);
      g_assert_error (error, AERO_ENGINE_ERROR, AERO_ENGINE_ERROR_FAULT);
    }
}


/* ------------------------------------------------------------------ */
/* Lost updates: a second writer between the edit's GET and its PUT    */
/* ------------------------------------------------------------------ */

/* Another admin: a session of its own, writing one raw body. */
static void
other_admin_puts (Fixture    *f,
                  const char *id,
                  const char *json)
{
  g_autoptr(AeroEngine) other = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(JsonNode) body = json_from_string (json, &error);
  g_autoptr(AeroVm) updated = NULL;
  GAsyncResult *slot = NULL;

  g_assert_no_error (error);
  other = aero_engine_new (aero_demo_engine_get_api_url (f->demo), &error);
  g_assert_no_error (error);
  aero_engine_login_async (other, "admin@internal", "demo", NULL, aero_test_store_result, &slot);
  result = aero_test_wait_result (&slot, NULL);
  g_assert_true (aero_engine_login_finish (other, result, &error));
  g_clear_object (&result);

  aero_engine_update_vm_async (other, id, body, FALSE, NULL, aero_test_store_result, &slot);
  result = aero_test_wait_result (&slot, NULL);
  updated = aero_engine_update_vm_finish (other, result, &error);
  g_assert_no_error (error);
  g_assert_nonnull (updated);
}

/* The same with next_run=true: a change waiting for the restart. */
static void
other_admin_puts_next_run (Fixture    *f,
                           const char *id,
                           const char *json)
{
  g_autoptr(JsonNode) body = json_from_string (json, NULL);
  g_autoptr(AeroVm) vm = get_vm (f, id, FALSE);
  g_autoptr(AeroVm) updated = NULL;
  g_autoptr(GError) error = NULL;

  updated = put_vm (f, vm, body, TRUE, &error);
  g_assert_no_error (error);
}

static gpointer
save_edit (Fixture     *f,
           AeroVmEdit  *edit,
           GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  GAsyncResult *slot = NULL;

  aero_vm_edit_save_async (edit, f->engine, NULL, aero_test_store_result, &slot);
  result = aero_test_wait_result (&slot, NULL);

  return aero_vm_edit_save_finish (edit, result, error);
}

/* The admin and someone else change the memory of one VM: nothing is
 * sent until the admin says "Overwrite", and a third change after that
 * answer is asked about again. */
static void
test_conflict_overwrite (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(AeroVm) vm = vm_named (f, "web-03");
  g_autoptr(AeroVm) read = get_vm_for_edit (f, aero_vm_get_id (vm));
  g_autoptr(AeroVmEdit) edit = aero_vm_edit_new_for_vm (read, f->clusters);
  g_autoptr(AeroVm) saved = NULL;
  g_autoptr(AeroVm) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *theirs = NULL;
  g_autofree char *read_text = NULL;
  g_autofree char *mine = NULL;
  GPtrArray *conflicts;
  AeroVmConflict *conflict;

  g_assert_cmpint (aero_vm_get_memory (read), ==, 4 * GIB);
  aero_vm_edit_set_derive_memory (edit, FALSE);
  aero_vm_edit_set_memory (edit, 6 * GIB);
  other_admin_puts (f, aero_vm_get_id (vm), "{\"memory\":\"5368709120\"}");

  saved = save_edit (f, edit, &error);
  g_assert_null (saved);
  g_assert_error (error, AERO_VM_EDIT_ERROR, AERO_VM_EDIT_ERROR_CONFLICT);
  g_clear_error (&error);
  conflicts = aero_vm_edit_get_conflicts (edit);
  g_assert_cmpuint (conflicts->len, ==, 1);
  conflict = g_ptr_array_index (conflicts, 0);
  g_assert_cmpstr (aero_vm_conflict_get_field (conflict), ==, "memory");
  read_text = g_strdup_printf ("%d MiB", 4096);
  theirs = g_strdup_printf ("%d MiB", 5120);
  mine = aero_vm_edit_format_memory (6 * GIB);
  g_assert_cmpstr (aero_vm_conflict_get_read_value (conflict), ==, read_text);
  g_assert_cmpstr (aero_vm_conflict_get_current_value (conflict), ==, theirs);
  g_assert_cmpstr (aero_vm_conflict_get_new_value (conflict), ==, mine);
  /* Nothing was sent: the engine keeps the other admin's value, and the
   * admin's edit is still there. */
  stored = get_vm (f, aero_vm_get_id (vm), FALSE);
  g_assert_cmpint (aero_vm_get_memory (stored), ==, 5 * GIB);
  g_assert_cmpint (aero_vm_edit_get_memory (edit), ==, 6 * GIB);
  g_assert_true (aero_vm_edit_get_has_changes (edit));

  /* Someone changes it once more after the question: asked again. */
  aero_vm_edit_overwrite_conflicts (edit);
  g_assert_cmpuint (aero_vm_edit_get_conflicts (edit)->len, ==, 0);
  other_admin_puts (f, aero_vm_get_id (vm), "{\"memory\":\"5637144576\"}");
  saved = save_edit (f, edit, &error);
  g_assert_error (error, AERO_VM_EDIT_ERROR, AERO_VM_EDIT_ERROR_CONFLICT);
  g_clear_error (&error);
  conflict = g_ptr_array_index (aero_vm_edit_get_conflicts (edit), 0);
  /* Compared with what the first question showed. */
  g_assert_cmpstr (aero_vm_conflict_get_read_value (conflict), ==, theirs);
  g_clear_object (&stored);
  stored = get_vm (f, aero_vm_get_id (vm), FALSE);
  g_assert_cmpint (aero_vm_get_memory (stored), ==, 5376 * MIB);

  /* "Overwrite": the admin's value goes. */
  aero_vm_edit_overwrite_conflicts (edit);
  saved = save_edit (f, edit, &error);
  g_assert_no_error (error);
  g_assert_cmpint (aero_vm_get_memory (saved), ==, 6 * GIB);
  g_clear_object (&stored);
  stored = get_vm (f, aero_vm_get_id (vm), FALSE);
  g_assert_cmpint (aero_vm_get_memory (stored), ==, 6 * GIB);
  g_assert_false (aero_vm_edit_get_has_changes (edit));
}

/* "Keep Theirs": their memory comes into the edit and is not sent; the
 * admin's other change goes. */
static void
test_conflict_keep_theirs (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(AeroVm) vm = vm_named (f, "web-03");
  g_autoptr(AeroVmEdit) edit = aero_vm_edit_new_for_vm (vm, f->clusters);
  g_autoptr(AeroVm) saved = NULL;
  g_autoptr(AeroVm) stored = NULL;
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *object;

  aero_vm_edit_set_derive_memory (edit, FALSE);
  aero_vm_edit_set_memory (edit, 6 * GIB);
  aero_vm_edit_set_description (edit, "mine");
  other_admin_puts (f, aero_vm_get_id (vm), "{\"memory\":\"5368709120\"}");

  saved = save_edit (f, edit, &error);
  g_assert_error (error, AERO_VM_EDIT_ERROR, AERO_VM_EDIT_ERROR_CONFLICT);
  g_clear_error (&error);
  /* The description nobody else touched is not part of the question. */
  g_assert_cmpuint (aero_vm_edit_get_conflicts (edit)->len, ==, 1);

  aero_vm_edit_keep_theirs (edit);
  g_assert_cmpint (aero_vm_edit_get_memory (edit), ==, 5 * GIB);
  g_assert_cmpstr (aero_vm_edit_get_description (edit), ==, "mine");
  g_assert_true (aero_vm_edit_get_has_changes (edit));
  body = aero_vm_edit_build_body (edit);
  object = json_node_get_object (body);
  g_assert_false (json_object_has_member (object, "memory"));
  g_assert_true (json_object_has_member (object, "description"));

  saved = save_edit (f, edit, &error);
  g_assert_no_error (error);
  stored = get_vm (f, aero_vm_get_id (vm), FALSE);
  g_assert_cmpint (aero_vm_get_memory (stored), ==, 5 * GIB);
  g_assert_cmpstr (aero_vm_get_description (stored), ==, "mine");
}

/* Keep Theirs on a size the form derived guaranteed and maximum memory
 * from: those go back to the engine's values with it, untouched by the
 * admin, so nothing about memory is sent and nothing is left to fix. */
static void
test_conflict_keep_theirs_derived (Fixture       *f,
                                   gconstpointer  data)
{
  g_autoptr(AeroVm) vm = vm_named (f, "web-03");
  g_autoptr(AeroVmEdit) edit = aero_vm_edit_new_for_vm (vm, f->clusters);
  g_autoptr(AeroVm) saved = NULL;
  g_autoptr(AeroVm) stored = NULL;
  g_autoptr(GError) error = NULL;
  gint64 guaranteed = aero_memory_policy_get_guaranteed (aero_vm_get_memory_policy (vm));
  gint64 max_memory = aero_memory_policy_get_max (aero_vm_get_memory_policy (vm));

  aero_vm_edit_set_derive_memory (edit, TRUE);
  aero_vm_edit_set_memory (edit, 6 * GIB);
  /* The form derived them from 6 GiB. */
  g_assert_cmpint (aero_vm_edit_get_guaranteed (edit), !=, guaranteed);
  g_assert_cmpint (aero_vm_edit_get_max_memory (edit), !=, max_memory);
  other_admin_puts (f, aero_vm_get_id (vm), "{\"memory\":\"5368709120\"}");

  saved = save_edit (f, edit, &error);
  g_assert_error (error, AERO_VM_EDIT_ERROR, AERO_VM_EDIT_ERROR_CONFLICT);
  g_clear_error (&error);

  aero_vm_edit_keep_theirs (edit);
  g_assert_cmpint (aero_vm_edit_get_memory (edit), ==, 5 * GIB);
  g_assert_cmpint (aero_vm_edit_get_guaranteed (edit), ==, guaranteed);
  g_assert_cmpint (aero_vm_edit_get_max_memory (edit), ==, max_memory);
  g_assert_true (aero_vm_edit_get_valid (edit));
  g_assert_false (aero_vm_edit_get_has_changes (edit));
  g_assert_null (aero_vm_edit_build_body (edit));

  stored = get_vm (f, aero_vm_get_id (vm), FALSE);
  g_assert_cmpint (aero_vm_get_memory (stored), ==, 5 * GIB);
  g_assert_cmpint (aero_memory_policy_get_guaranteed (aero_vm_get_memory_policy (stored)), ==,
                   guaranteed);
}

/* Someone else changed a member the admin left alone: no question, and
 * theirs stays (only the admin's members are sent). */
static void
test_conflict_other_member (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(AeroVm) vm = vm_named (f, "web-03");
  g_autoptr(AeroVmEdit) edit = aero_vm_edit_new_for_vm (vm, f->clusters);
  g_autoptr(AeroVm) saved = NULL;
  g_autoptr(AeroVm) stored = NULL;
  g_autoptr(GError) error = NULL;

  aero_vm_edit_set_derive_memory (edit, FALSE);
  aero_vm_edit_set_memory (edit, 6 * GIB);
  other_admin_puts (f, aero_vm_get_id (vm),
                    "{\"description\":\"theirs\",\"cpu_shares\":\"2048\"}");

  saved = save_edit (f, edit, &error);
  g_assert_no_error (error);
  g_assert_nonnull (saved);
  g_assert_cmpuint (aero_vm_edit_get_conflicts (edit)->len, ==, 0);
  stored = get_vm (f, aero_vm_get_id (vm), FALSE);
  g_assert_cmpint (aero_vm_get_memory (stored), ==, 6 * GIB);
  g_assert_cmpstr (aero_vm_get_description (stored), ==, "theirs");
  g_assert_cmpint (aero_vm_get_cpu_shares (stored), ==, 2048);
}

/* A running VM with changes waiting for its restart: the edit started
 * from the next-run configuration, and so does the re-read. Another
 * admin's next-run change of the same member is a conflict; the running
 * values, which differ from the waiting ones, are none. */
static void
test_conflict_next_run (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(AeroVm) vm = vm_named (f, "web-01");
  g_autoptr(AeroVm) read = NULL;
  g_autoptr(AeroVmEdit) edit = NULL;
  g_autoptr(AeroVm) saved = NULL;
  g_autoptr(AeroVm) next = NULL;
  g_autoptr(GError) error = NULL;
  AeroVmConflict *conflict;
  gint64 memory = aero_vm_get_memory (vm);

  other_admin_puts_next_run (f, aero_vm_get_id (vm), "{\"cpu_shares\":\"2048\"}");
  read = get_vm_for_edit (f, aero_vm_get_id (vm));
  g_assert_true (aero_vm_get_next_run_pending (read));
  edit = aero_vm_edit_new_for_vm (read, f->clusters);
  aero_vm_edit_set_cpu_shares (edit, 512);
  aero_vm_edit_set_description (edit, "mine");

  /* Nothing changed meanwhile: the comparison is with the next-run
   * configuration, not with the running values (CPU shares 2048 waits). */
  saved = save_edit (f, edit, &error);
  g_assert_no_error (error);
  g_clear_object (&saved);

  aero_vm_edit_set_cpu_shares (edit, 1024);
  other_admin_puts_next_run (f, aero_vm_get_id (vm), "{\"cpu_shares\":\"100\"}");
  saved = save_edit (f, edit, &error);
  g_assert_error (error, AERO_VM_EDIT_ERROR, AERO_VM_EDIT_ERROR_CONFLICT);
  g_assert_cmpuint (aero_vm_edit_get_conflicts (edit)->len, ==, 1);
  conflict = g_ptr_array_index (aero_vm_edit_get_conflicts (edit), 0);
  g_assert_cmpstr (aero_vm_conflict_get_field (conflict), ==, "cpu-shares");
  g_assert_cmpstr (aero_vm_conflict_get_read_value (conflict), ==, "512");
  g_assert_cmpstr (aero_vm_conflict_get_current_value (conflict), ==, "100");
  next = get_vm (f, aero_vm_get_id (vm), TRUE);
  g_assert_cmpint (aero_vm_get_cpu_shares (next), ==, 100);
  g_assert_cmpint (aero_vm_get_memory (next), ==, memory);
}

/* A re-read that fails sends nothing, and says why. */
static void
test_conflict_reread_fails (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(AeroVm) vm = vm_named (f, "web-03");
  g_autoptr(AeroVmEdit) edit = aero_vm_edit_new_for_vm (vm, f->clusters);
  g_autoptr(AeroVm) saved = NULL;
  g_autoptr(GError) error = NULL;

  aero_vm_edit_set_derive_memory (edit, FALSE);
  aero_vm_edit_set_memory (edit, 6 * GIB);
  aero_demo_engine_stop (f->demo);

  saved = save_edit (f, edit, &error);
  g_assert_null (saved);
  g_assert_error (error, AERO_ENGINE_ERROR, AERO_ENGINE_ERROR_NETWORK);
  g_assert_nonnull (strstr (error->message, "nothing was sent"));
  g_assert_cmpint (aero_vm_edit_get_memory (edit), ==, 6 * GIB);
}

/* Starts (or powers off) @id through the admin's own session. */
static void
power (Fixture    *f,
       const char *id,
       gboolean    start)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GAsyncResult *slot = NULL;

  if (start)
    aero_engine_start_vm_async (f->engine, id, NULL, aero_test_store_result, &slot);
  else
    aero_engine_stop_vm_async (f->engine, id, NULL, aero_test_store_result, &slot);
  result = aero_test_wait_result (&slot, NULL);
  if (start)
    g_assert_true (aero_engine_start_vm_finish (f->engine, result, &error));
  else
    g_assert_true (aero_engine_stop_vm_finish (f->engine, result, &error));
  g_assert_no_error (error);
}

/* The VM was started while the edit was open: a memory size off the
 * 256 MiB steps, fine for a down VM, must wait for the next run of a
 * running one. Nothing is sent; the edit learns the VM runs, so the form
 * shows the change waiting for the restart, and the next save sends it
 * so. */
static void
test_run_state_started (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(AeroVm) vm = vm_named (f, "web-03");
  g_autoptr(AeroVm) read = get_vm_for_edit (f, aero_vm_get_id (vm));
  g_autoptr(AeroVmEdit) edit = aero_vm_edit_new_for_vm (read, f->clusters);
  g_autoptr(AeroVm) saved = NULL;
  g_autoptr(AeroVm) stored = NULL;
  g_autoptr(AeroVm) next = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_false (aero_vm_edit_get_running (edit));
  aero_vm_edit_set_derive_memory (edit, FALSE);
  aero_vm_edit_set_memory (edit, 4 * GIB + 300 * MIB);
  g_assert_false (aero_vm_edit_get_sends_next_run (edit));
  power (f, aero_vm_get_id (vm), TRUE);

  saved = save_edit (f, edit, &error);
  g_assert_null (saved);
  g_assert_error (error, AERO_VM_EDIT_ERROR, AERO_VM_EDIT_ERROR_RUN_STATE);
  g_assert_nonnull (strstr (error->message, "nothing was sent"));
  g_clear_error (&error);
  stored = get_vm (f, aero_vm_get_id (vm), FALSE);
  g_assert_cmpint (aero_vm_get_memory (stored), ==, 4 * GIB);
  g_assert_cmpint (aero_vm_edit_get_memory (edit), ==, 4 * GIB + 300 * MIB);
  g_assert_true (aero_vm_edit_get_running (edit));
  g_assert_true (aero_vm_edit_get_next_run_required (edit));
  g_assert_true (aero_vm_edit_get_sends_next_run (edit));

  saved = save_edit (f, edit, &error);
  g_assert_no_error (error);
  g_clear_object (&stored);
  stored = get_vm (f, aero_vm_get_id (vm), FALSE);
  g_assert_cmpint (aero_vm_get_memory (stored), ==, 4 * GIB);
  next = get_vm (f, aero_vm_get_id (vm), TRUE);
  g_assert_cmpint (aero_vm_get_memory (next), ==, 4 * GIB + 300 * MIB);
}

/* The VM was stopped while the edit was open, its change set to wait for
 * the restart: there is no running configuration to keep apart any more.
 * Nothing is sent until the admin saves again, then it applies at once. */
static void
test_run_state_stopped (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(AeroVm) vm = vm_named (f, "web-01");
  g_autoptr(AeroVm) read = get_vm_for_edit (f, aero_vm_get_id (vm));
  g_autoptr(AeroVmEdit) edit = aero_vm_edit_new_for_vm (read, f->clusters);
  g_autoptr(AeroVm) saved = NULL;
  g_autoptr(AeroVm) stored = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (aero_vm_edit_get_running (edit));
  aero_vm_edit_set_derive_memory (edit, FALSE);
  aero_vm_edit_set_memory (edit, 5 * GIB);
  aero_vm_edit_set_apply_later (edit, TRUE);
  g_assert_true (aero_vm_edit_get_sends_next_run (edit));
  power (f, aero_vm_get_id (vm), FALSE);

  saved = save_edit (f, edit, &error);
  g_assert_error (error, AERO_VM_EDIT_ERROR, AERO_VM_EDIT_ERROR_RUN_STATE);
  g_clear_error (&error);
  stored = get_vm (f, aero_vm_get_id (vm), FALSE);
  g_assert_cmpint (aero_vm_get_memory (stored), ==, 4 * GIB);
  g_assert_false (aero_vm_edit_get_running (edit));
  g_assert_false (aero_vm_edit_get_sends_next_run (edit));

  saved = save_edit (f, edit, &error);
  g_assert_no_error (error);
  g_clear_object (&stored);
  stored = get_vm (f, aero_vm_get_id (vm), FALSE);
  g_assert_cmpint (aero_vm_get_memory (stored), ==, 5 * GIB);
  g_assert_cmpint (aero_vm_get_next_run_configuration_exists (stored), !=, AERO_TRISTATE_TRUE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/vm-edit-demo/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("post-new-vm", test_post_new_vm);
  ADD ("post-on-gated-cluster", test_post_on_gated_cluster);
  ADD ("put-only-changes", test_put_only_changes);
  ADD ("running-vm-next-run", test_running_vm_next_run);
  ADD ("save-apply-later", test_save_apply_later);
  ADD ("engine-agrees-on-validation", test_engine_agrees_on_validation);
  ADD ("bulk-enable", test_bulk_enable);
  ADD ("vm-for-edit", test_vm_for_edit);
  ADD ("running-cluster", test_running_cluster);
  ADD ("conflict-overwrite", test_conflict_overwrite);
  ADD ("conflict-keep-theirs", test_conflict_keep_theirs);
  ADD ("conflict-keep-theirs-derived", test_conflict_keep_theirs_derived);
  ADD ("conflict-other-member", test_conflict_other_member);
  ADD ("conflict-reread-fails", test_conflict_reread_fails);
  ADD ("conflict-next-run", test_conflict_next_run);
  ADD ("run-state-started", test_run_state_started);
  ADD ("run-state-stopped", test_run_state_stopped);

  for (guint i = 0; i < G_N_ELEMENTS (running_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/vm-edit-demo/running/%s", running_cases[i].path);

      g_test_add (path, Fixture, &running_cases[i], fixture_set_up, test_running_prediction,
                  fixture_tear_down);
      if (running_cases[i].required)
        {
          g_autofree char *live = g_strdup_printf ("/vm-edit-demo/running-live/%s", running_cases[i].path);

          g_test_add (live, Fixture, &running_cases[i], fixture_set_up, test_running_live,
                      fixture_tear_down);
        }
    }

#undef ADD

  return g_test_run ();
}
