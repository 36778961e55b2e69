/* test-models.c - versions, notification behaviour, copies and updates
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "aero-cluster.h"
#include "aero-engine-error.h"
#include "aero-enum-types.h"
#include "aero-memory-stats.h"
#include "aero-model-private.h"
#include "aero-template.h"
#include "aero-vm.h"

/* Counts notify emissions per property name. */
typedef struct
{
  GHashTable *counts;
} NotifyLog;

static void
on_notify (GObject    *object,
           GParamSpec *pspec,
           NotifyLog  *log)
{
  const char *name = g_param_spec_get_name (pspec);
  guint n = GPOINTER_TO_UINT (g_hash_table_lookup (log->counts, name));

  g_hash_table_insert (log->counts, (gpointer) name, GUINT_TO_POINTER (n + 1));
}

static void
notify_log_init (NotifyLog *log,
                 gpointer   object)
{
  log->counts = g_hash_table_new (g_str_hash, g_str_equal);
  g_signal_connect (object, "notify", G_CALLBACK (on_notify), log);
}

static guint
notify_count (NotifyLog  *log,
              const char *name)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (log->counts, name));
}

static guint
notify_total (NotifyLog *log)
{
  GHashTableIter iter;
  gpointer value;
  guint total = 0;

  g_hash_table_iter_init (&iter, log->counts);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    total += GPOINTER_TO_UINT (value);
  return total;
}

static void
notify_log_reset (NotifyLog *log)
{
  g_hash_table_remove_all (log->counts);
}

static void
notify_log_clear (NotifyLog *log,
                  gpointer   object)
{
  g_signal_handlers_disconnect_by_func (object, on_notify, log);
  g_clear_pointer (&log->counts, g_hash_table_unref);
}

static void
test_version_parse (void)
{
  static const struct {
    const char *text;
    gboolean ok;
    guint major, minor;
  } cases[] = {
    { "4.7", TRUE, 4, 7 },
    { "3.0", TRUE, 3, 0 },
    { "4.7.1", TRUE, 4, 7 },
    { "4.5.4.1", TRUE, 4, 5 },
    { "10.12", TRUE, 10, 12 },
    { "4", FALSE, 0, 0 },
    { "4.", FALSE, 0, 0 },
    { ".7", FALSE, 0, 0 },
    { "4.7abc", FALSE, 0, 0 },
    { "a.b", FALSE, 0, 0 },
    { " 4.7", FALSE, 0, 0 },
    { "-4.7", FALSE, 0, 0 },
    { "", FALSE, 0, 0 },
    { "99999999999.1", FALSE, 0, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(AeroVersion) version = aero_version_parse (cases[i].text);

      g_test_message ("'%s'", cases[i].text);
      if (!cases[i].ok)
        {
          g_assert_null (version);
          continue;
        }
      g_assert_nonnull (version);
      g_assert_cmpuint (aero_version_get_major (version), ==, cases[i].major);
      g_assert_cmpuint (aero_version_get_minor (version), ==, cases[i].minor);
    }

  g_assert_null (aero_version_parse (NULL));
}

static void
test_version_compare (void)
{
  g_autoptr(AeroVersion) v30 = aero_version_new (3, 0);
  g_autoptr(AeroVersion) v31 = aero_version_new (3, 1);
  g_autoptr(AeroVersion) v310 = aero_version_new (3, 10);
  g_autoptr(AeroVersion) v47 = aero_version_new (4, 7);
  g_autoptr(AeroVersion) v47b = aero_version_parse ("4.7");
  g_autofree char *text = aero_version_to_string (v310);

  g_assert_cmpint (aero_version_compare (v30, v31), <, 0);
  g_assert_cmpint (aero_version_compare (v31, v30), >, 0);
  /* Numeric, not textual: 3.10 is after 3.1. */
  g_assert_cmpint (aero_version_compare (v31, v310), <, 0);
  g_assert_cmpint (aero_version_compare (v310, v47), <, 0);
  g_assert_cmpint (aero_version_compare (v47, v47b), ==, 0);
  g_assert_cmpint (aero_version_compare (NULL, v30), <, 0);
  g_assert_cmpint (aero_version_compare (v30, NULL), >, 0);
  g_assert_cmpint (aero_version_compare (NULL, NULL), ==, 0);

  g_assert_true (aero_version_equal (v47, v47b));
  g_assert_false (aero_version_equal (v47, v31));
  g_assert_false (aero_version_equal (v47, NULL));
  g_assert_true (aero_version_equal (NULL, NULL));

  g_assert_true (aero_version_at_least (v31, 3, 1));
  g_assert_true (aero_version_at_least (v310, 3, 3));
  g_assert_true (aero_version_at_least (v47, 3, 3));
  g_assert_false (aero_version_at_least (v30, 3, 1));
  g_assert_false (aero_version_at_least (v47, 4, 8));
  g_assert_false (aero_version_at_least (v47, 5, 0));
  g_assert_false (aero_version_at_least (NULL, 0, 0));

  g_assert_cmpstr (text, ==, "3.10");
}

static void
test_wire_names (void)
{
  GEnumClass *klass = g_type_class_ref (AERO_TYPE_VM_STATUS);

  for (guint i = 0; i < klass->n_values; i++)
    {
      AeroVmStatus status = klass->values[i].value;
      const char *wire = aero_vm_status_to_wire (status);

      if (status == AERO_VM_STATUS_UNKNOWN)
        {
          g_assert_null (wire);
          continue;
        }
      g_assert_nonnull (wire);
      g_assert_cmpint (aero_vm_status_from_wire (wire), ==, status);
    }
  g_type_class_unref (klass);

  g_assert_cmpstr (aero_vm_status_to_wire (AERO_VM_STATUS_POWERING_UP), ==, "powering_up");
  g_assert_cmpstr (aero_vm_status_to_wire (AERO_VM_STATUS_REBOOT_IN_PROGRESS), ==, "reboot_in_progress");
  g_assert_cmpint (aero_vm_status_from_wire ("UP"), ==, AERO_VM_STATUS_UP);
  g_assert_cmpint (aero_vm_status_from_wire ("unknown"), ==, AERO_VM_STATUS_UNKNOWN);
  g_assert_cmpint (aero_vm_status_from_wire ("flying"), ==, AERO_VM_STATUS_UNKNOWN);
  g_assert_cmpint (aero_vm_status_from_wire (NULL), ==, AERO_VM_STATUS_UNKNOWN);
  g_assert_cmpstr (aero_vm_status_to_wire (999), ==, NULL);

  g_assert_cmpstr (aero_vm_type_to_wire (AERO_VM_TYPE_HIGH_PERFORMANCE), ==, "high_performance");
  g_assert_cmpstr (aero_vm_type_to_wire (AERO_VM_TYPE_DESKTOP), ==, "desktop");
  g_assert_null (aero_vm_type_to_wire (AERO_VM_TYPE_UNKNOWN));
  g_assert_cmpint (aero_vm_type_from_wire ("server"), ==, AERO_VM_TYPE_SERVER);
  g_assert_cmpint (aero_vm_type_from_wire ("high_performance"), ==, AERO_VM_TYPE_HIGH_PERFORMANCE);
  g_assert_cmpint (aero_vm_type_from_wire (""), ==, AERO_VM_TYPE_UNKNOWN);

  g_assert_false (aero_vm_status_is_running (AERO_VM_STATUS_DOWN));
  g_assert_false (aero_vm_status_is_running (AERO_VM_STATUS_UNKNOWN));
  g_assert_true (aero_vm_status_is_running (AERO_VM_STATUS_UP));
  g_assert_true (aero_vm_status_is_running (AERO_VM_STATUS_PAUSED));
  g_assert_true (aero_vm_status_is_running (AERO_VM_STATUS_POWERING_UP));
}

static void
test_vm_defaults (void)
{
  g_autoptr(AeroVm) vm = aero_vm_new ();
  AeroTristate ballooning;
  gint64 guaranteed, max_memory;

  g_assert_null (aero_vm_get_id (vm));
  g_assert_cmpint (aero_vm_get_memory (vm), ==, AERO_UNSET);
  g_assert_cmpint (aero_vm_get_cpu_sockets (vm), ==, AERO_UNSET);
  g_assert_cmpint (aero_vm_get_creation_time (vm), ==, AERO_UNSET);
  g_assert_cmpint (aero_vm_get_next_run_configuration_exists (vm), ==, AERO_TRISTATE_UNKNOWN);
  g_assert_nonnull (aero_vm_get_memory_policy (vm));

  g_object_get (vm, "guaranteed", &guaranteed, "max-memory", &max_memory,
                "ballooning", &ballooning, NULL);
  g_assert_cmpint (guaranteed, ==, AERO_UNSET);
  g_assert_cmpint (max_memory, ==, AERO_UNSET);
  g_assert_cmpint (ballooning, ==, AERO_TRISTATE_UNKNOWN);

  /* NULL clears to a fresh policy, never to NULL. */
  aero_vm_set_memory_policy (vm, NULL);
  g_assert_nonnull (aero_vm_get_memory_policy (vm));
  g_object_set (vm, "memory-policy", NULL, NULL);
  g_assert_nonnull (aero_vm_get_memory_policy (vm));

  /* Negative sizes are unset, not stored. */
  aero_vm_set_memory (vm, -5);
  g_assert_cmpint (aero_vm_get_memory (vm), ==, AERO_UNSET);
}

static void
test_vm_notify (void)
{
  g_autoptr(AeroVm) vm = aero_vm_new ();
  g_autoptr(AeroVersion) v47 = aero_version_new (4, 7);
  g_autoptr(AeroVersion) v47b = aero_version_new (4, 7);
  NotifyLog log;

  notify_log_init (&log, vm);

  aero_vm_set_name (vm, "web01");
  aero_vm_set_name (vm, "web01");
  g_assert_cmpuint (notify_count (&log, "name"), ==, 1);

  aero_vm_set_memory (vm, 1024);
  aero_vm_set_memory (vm, 1024);
  g_object_set (vm, "memory", (gint64) 1024, NULL);
  g_assert_cmpuint (notify_count (&log, "memory"), ==, 1);

  aero_vm_set_status (vm, AERO_VM_STATUS_UP);
  g_object_set (vm, "status", AERO_VM_STATUS_UP, NULL);
  g_assert_cmpuint (notify_count (&log, "status"), ==, 1);

  aero_vm_set_custom_compatibility_version (vm, v47);
  /* An equal version is no change. */
  aero_vm_set_custom_compatibility_version (vm, v47b);
  g_assert_cmpuint (notify_count (&log, "custom-compatibility-version"), ==, 1);
  aero_vm_set_custom_compatibility_version (vm, NULL);
  g_assert_cmpuint (notify_count (&log, "custom-compatibility-version"), ==, 2);

  aero_vm_set_next_run_configuration_exists (vm, AERO_TRISTATE_TRUE);
  aero_vm_set_next_run_configuration_exists (vm, AERO_TRISTATE_TRUE);
  g_assert_cmpuint (notify_count (&log, "next-run-configuration-exists"), ==, 1);

  g_assert_cmpuint (notify_total (&log), ==, 6);
  notify_log_clear (&log, vm);
}

/* The list columns bind the VM's mirrors: a change inside the policy
 * must reach them, and only the member that changed. */
static void
test_vm_policy_mirrors (void)
{
  g_autoptr(AeroVm) vm = aero_vm_new ();
  AeroMemoryPolicy *policy = aero_vm_get_memory_policy (vm);
  g_autoptr(AeroMemoryPolicy) other = aero_memory_policy_new ();
  g_autoptr(AeroMemoryPolicy) same = NULL;
  AeroTristate ballooning;
  gint64 guaranteed;
  NotifyLog log;

  notify_log_init (&log, vm);

  aero_memory_policy_set_guaranteed (policy, 512);
  aero_memory_policy_set_guaranteed (policy, 512);
  g_assert_cmpuint (notify_count (&log, "guaranteed"), ==, 1);
  aero_memory_policy_set_max (policy, 4096);
  g_assert_cmpuint (notify_count (&log, "max-memory"), ==, 1);
  aero_memory_policy_set_ballooning (policy, AERO_TRISTATE_TRUE);
  g_assert_cmpuint (notify_count (&log, "ballooning"), ==, 1);
  g_assert_cmpuint (notify_total (&log), ==, 3);

  g_object_get (vm, "guaranteed", &guaranteed, "ballooning", &ballooning, NULL);
  g_assert_cmpint (guaranteed, ==, 512);
  g_assert_cmpint (ballooning, ==, AERO_TRISTATE_TRUE);

  /* A replacement policy: "memory-policy" and the mirrors that differ. */
  notify_log_reset (&log);
  aero_memory_policy_set_guaranteed (other, 512);
  aero_memory_policy_set_max (other, 8192);
  aero_memory_policy_set_ballooning (other, AERO_TRISTATE_TRUE);
  aero_vm_set_memory_policy (vm, other);
  g_assert_true (aero_vm_get_memory_policy (vm) == other);
  g_assert_cmpuint (notify_count (&log, "memory-policy"), ==, 1);
  g_assert_cmpuint (notify_count (&log, "max-memory"), ==, 1);
  g_assert_cmpuint (notify_count (&log, "guaranteed"), ==, 0);
  g_assert_cmpuint (notify_count (&log, "ballooning"), ==, 0);

  /* The old policy is no longer followed, the new one is. */
  notify_log_reset (&log);
  same = aero_memory_policy_copy (other);
  aero_vm_set_memory_policy (vm, same);
  notify_log_reset (&log);
  aero_memory_policy_set_ballooning (other, AERO_TRISTATE_FALSE);
  g_assert_cmpuint (notify_total (&log), ==, 0);
  aero_memory_policy_set_ballooning (same, AERO_TRISTATE_FALSE);
  g_assert_cmpuint (notify_count (&log, "ballooning"), ==, 1);

  notify_log_clear (&log, vm);
}

static AeroVm *
make_vm (void)
{
  g_autoptr(AeroVm) vm = aero_vm_new ();
  g_autoptr(AeroVersion) version = aero_version_new (4, 2);
  AeroMemoryPolicy *policy = aero_vm_get_memory_policy (vm);

  aero_vm_set_id (vm, "id-1");
  aero_vm_set_name (vm, "web01");
  aero_vm_set_description (vm, "front end");
  aero_vm_set_comment (vm, "c");
  aero_vm_set_vm_type (vm, AERO_VM_TYPE_SERVER);
  aero_vm_set_status (vm, AERO_VM_STATUS_DOWN);
  aero_vm_set_memory (vm, 1073741824);
  aero_vm_set_cpu_sockets (vm, 1);
  aero_vm_set_cpu_cores (vm, 2);
  aero_vm_set_cpu_threads (vm, 1);
  aero_vm_set_cpu_shares (vm, 512);
  aero_vm_set_cluster_id (vm, "c1");
  aero_vm_set_template_id (vm, "t0");
  aero_vm_set_host_id (vm, "h1");
  aero_vm_set_os_type (vm, "other");
  aero_vm_set_custom_compatibility_version (vm, version);
  aero_vm_set_next_run_configuration_exists (vm, AERO_TRISTATE_FALSE);
  aero_vm_set_creation_time (vm, 1700000000000);
  aero_memory_policy_set_guaranteed (policy, 536870912);
  aero_memory_policy_set_max (policy, 4294967296);
  aero_memory_policy_set_ballooning (policy, AERO_TRISTATE_TRUE);

  return g_steal_pointer (&vm);
}

/* Every readable property of two objects of the same class is equal. */
static void
assert_same_properties (GObject *a,
                        GObject *b)
{
  g_autofree GParamSpec **pspecs = NULL;
  guint n;

  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (a), &n);
  for (guint i = 0; i < n; i++)
    {
      g_auto(GValue) va = G_VALUE_INIT;
      g_auto(GValue) vb = G_VALUE_INIT;

      g_value_init (&va, pspecs[i]->value_type);
      g_value_init (&vb, pspecs[i]->value_type);
      g_object_get_property (a, pspecs[i]->name, &va);
      g_object_get_property (b, pspecs[i]->name, &vb);

      g_test_message ("property %s", pspecs[i]->name);
      if (pspecs[i]->value_type == AERO_TYPE_VERSION)
        g_assert_true (aero_version_equal (g_value_get_object (&va), g_value_get_object (&vb)));
      else if (pspecs[i]->value_type == AERO_TYPE_MEMORY_POLICY)
        g_assert_true (aero_memory_policy_equal (g_value_get_object (&va), g_value_get_object (&vb)));
      else
        g_assert_cmpint (g_param_values_cmp (pspecs[i], &va, &vb), ==, 0);
    }
}

static void
test_vm_copy (void)
{
  g_autoptr(AeroVm) vm = make_vm ();
  g_autoptr(AeroVm) copy = aero_vm_copy (vm);

  assert_same_properties (G_OBJECT (vm), G_OBJECT (copy));

  /* Deep: the copy's policy and version are its own. */
  g_assert_true (aero_vm_get_memory_policy (vm) != aero_vm_get_memory_policy (copy));
  g_assert_true (aero_vm_get_custom_compatibility_version (vm) !=
                 aero_vm_get_custom_compatibility_version (copy));
  aero_memory_policy_set_ballooning (aero_vm_get_memory_policy (copy), AERO_TRISTATE_FALSE);
  g_assert_cmpint (aero_memory_policy_get_ballooning (aero_vm_get_memory_policy (vm)), ==,
                   AERO_TRISTATE_TRUE);

  g_assert_finalize_object (g_steal_pointer (&copy));
}

static void
test_vm_update_from (void)
{
  g_autoptr(AeroVm) vm = make_vm ();
  g_autoptr(AeroVm) refreshed = make_vm ();
  AeroMemoryPolicy *policy = aero_vm_get_memory_policy (vm);
  NotifyLog log;

  notify_log_init (&log, vm);

  /* Identical refresh: nothing notifies. */
  aero_vm_update_from (vm, refreshed);
  g_assert_cmpuint (notify_total (&log), ==, 0);

  /* Two members changed, one inside the policy. */
  aero_vm_set_status (refreshed, AERO_VM_STATUS_UP);
  aero_memory_policy_set_ballooning (aero_vm_get_memory_policy (refreshed), AERO_TRISTATE_FALSE);
  aero_vm_update_from (vm, refreshed);
  g_assert_cmpuint (notify_count (&log, "status"), ==, 1);
  g_assert_cmpuint (notify_count (&log, "ballooning"), ==, 1);
  g_assert_cmpuint (notify_total (&log), ==, 2);
  /* The policy object stays the one bindings hold. */
  g_assert_true (aero_vm_get_memory_policy (vm) == policy);
  g_assert_cmpint (aero_memory_policy_get_ballooning (policy), ==, AERO_TRISTATE_FALSE);

  /* Unsetting is a change too. */
  notify_log_reset (&log);
  aero_vm_set_name (refreshed, NULL);
  aero_vm_set_custom_compatibility_version (refreshed, NULL);
  aero_vm_update_from (vm, refreshed);
  g_assert_null (aero_vm_get_name (vm));
  g_assert_null (aero_vm_get_custom_compatibility_version (vm));
  g_assert_cmpuint (notify_total (&log), ==, 2);

  assert_same_properties (G_OBJECT (vm), G_OBJECT (refreshed));
  notify_log_clear (&log, vm);
}

static void
test_vm_finalize (void)
{
  AeroVm *vm = make_vm ();
  AeroMemoryPolicy *policy = g_object_ref (aero_vm_get_memory_policy (vm));

  g_assert_finalize_object (vm);
  /* The policy outlives the VM without calling back into it. */
  aero_memory_policy_set_max (policy, 1);
  g_assert_finalize_object (policy);
}

static void
test_template_model (void)
{
  g_autoptr(AeroTemplate) tmpl = aero_template_new ();
  g_autoptr(AeroTemplate) copy = NULL;
  NotifyLog log;

  g_assert_nonnull (aero_template_get_memory_policy (tmpl));
  g_assert_cmpint (aero_template_get_version_number (tmpl), ==, AERO_UNSET);

  notify_log_init (&log, tmpl);
  aero_template_set_status (tmpl, "ok");
  aero_template_set_status (tmpl, "ok");
  aero_template_set_version_number (tmpl, 2);
  aero_template_set_version_number (tmpl, 2);
  aero_template_set_memory (tmpl, 1024);
  g_assert_cmpuint (notify_total (&log), ==, 3);
  notify_log_clear (&log, tmpl);

  copy = aero_template_copy (tmpl);
  assert_same_properties (G_OBJECT (tmpl), G_OBJECT (copy));
  g_assert_true (aero_template_get_memory_policy (tmpl) != aero_template_get_memory_policy (copy));

  /* update_from: only changes notify, the policy object stays. */
  {
    AeroMemoryPolicy *policy = aero_template_get_memory_policy (copy);

    notify_log_init (&log, copy);
    aero_template_update_from (copy, tmpl);
    g_assert_cmpuint (notify_total (&log), ==, 0);
    aero_template_set_version_name (tmpl, "v2");
    aero_memory_policy_set_ballooning (aero_template_get_memory_policy (tmpl), AERO_TRISTATE_TRUE);
    aero_template_update_from (copy, tmpl);
    g_assert_cmpuint (notify_count (&log, "version-name"), ==, 1);
    g_assert_cmpuint (notify_total (&log), ==, 1);
    g_assert_true (aero_template_get_memory_policy (copy) == policy);
    g_assert_cmpint (aero_memory_policy_get_ballooning (policy), ==, AERO_TRISTATE_TRUE);
    assert_same_properties (G_OBJECT (tmpl), G_OBJECT (copy));
    notify_log_clear (&log, copy);
  }
}

static void
test_cluster_model (void)
{
  g_autoptr(AeroCluster) cluster = aero_cluster_new ();
  g_autoptr(AeroCluster) copy = NULL;
  g_autoptr(AeroVersion) v47 = aero_version_new (4, 7);
  g_autofree char *label1 = NULL;
  g_autofree char *label2 = NULL;
  g_autofree char *label3 = NULL;
  NotifyLog log;

  g_assert_cmpint (aero_cluster_get_overcommit_percent (cluster), ==, AERO_UNSET);
  g_assert_cmpint (aero_cluster_get_ballooning_enabled (cluster), ==, AERO_TRISTATE_UNKNOWN);

  notify_log_init (&log, cluster);
  aero_cluster_set_name (cluster, "Default");
  label1 = aero_cluster_dup_label (cluster);
  g_assert_cmpstr (label1, ==, "Default");
  g_assert_cmpuint (notify_count (&log, "label"), ==, 1);
  aero_cluster_set_version (cluster, v47);
  g_object_get (cluster, "label", &label2, NULL);
  g_assert_cmpstr (label2, ==, "Default (4.7)");
  g_assert_cmpuint (notify_count (&log, "label"), ==, 2);
  aero_cluster_set_overcommit_percent (cluster, 150);
  aero_cluster_set_overcommit_percent (cluster, 150);
  g_assert_cmpuint (notify_count (&log, "overcommit-percent"), ==, 1);
  aero_cluster_set_ballooning_enabled (cluster, AERO_TRISTATE_TRUE);
  g_assert_cmpuint (notify_count (&log, "ballooning-enabled"), ==, 1);
  notify_log_clear (&log, cluster);

  copy = aero_cluster_copy (cluster);
  assert_same_properties (G_OBJECT (cluster), G_OBJECT (copy));

  notify_log_init (&log, copy);
  aero_cluster_update_from (copy, cluster);
  g_assert_cmpuint (notify_total (&log), ==, 0);
  aero_cluster_set_name (cluster, "Prod");
  aero_cluster_update_from (copy, cluster);
  g_assert_cmpuint (notify_count (&log, "name"), ==, 1);
  g_assert_cmpuint (notify_count (&log, "label"), ==, 1);
  label3 = aero_cluster_dup_label (copy);
  g_assert_cmpstr (label3, ==, "Prod (4.7)");
  notify_log_clear (&log, copy);
}

/* g_object_set() stores a value as the model's setter does (unset for
 * a negative number) and notifies once, only on a change. */
static void
test_set_property (void)
{
  g_autoptr(AeroVm) vm = aero_vm_new ();
  g_autoptr(AeroTemplate) tmpl = aero_template_new ();
  g_autoptr(AeroCluster) cluster = aero_cluster_new ();
  g_autoptr(AeroMemoryPolicy) policy = aero_memory_policy_new ();
  g_autoptr(AeroVersion) v48 = aero_version_new (4, 8);
  g_autoptr(AeroVersion) same_v48 = aero_version_new (4, 8);
  NotifyLog log;

  notify_log_init (&log, vm);
  for (guint i = 0; i < 2; i++)
    g_object_set (vm,
                  "name", "web",
                  "cpu-cores", 4,
                  "creation-time", (gint64) 1700000000000,
                  "vm-type", AERO_VM_TYPE_SERVER,
                  "status", AERO_VM_STATUS_UP,
                  "next-run-configuration-exists", AERO_TRISTATE_TRUE,
                  "custom-compatibility-version", i == 0 ? v48 : same_v48,
                  NULL);
  g_assert_cmpstr (aero_vm_get_name (vm), ==, "web");
  g_assert_cmpint (aero_vm_get_cpu_cores (vm), ==, 4);
  g_assert_cmpint (aero_vm_get_creation_time (vm), ==, 1700000000000);
  g_assert_cmpint (aero_vm_get_vm_type (vm), ==, AERO_VM_TYPE_SERVER);
  g_assert_cmpint (aero_vm_get_status (vm), ==, AERO_VM_STATUS_UP);
  g_assert_cmpint (aero_vm_get_next_run_configuration_exists (vm), ==, AERO_TRISTATE_TRUE);
  g_assert_true (aero_vm_get_custom_compatibility_version (vm) == v48);
  g_assert_cmpuint (notify_total (&log), ==, 7);
  notify_log_reset (&log);
  g_object_set (vm, "cpu-cores", -1, "name", NULL, NULL);
  g_assert_cmpint (aero_vm_get_cpu_cores (vm), ==, AERO_UNSET);
  g_assert_null (aero_vm_get_name (vm));
  g_assert_cmpuint (notify_total (&log), ==, 2);
  notify_log_clear (&log, vm);

  notify_log_init (&log, tmpl);
  g_object_set (tmpl, "memory", (gint64) 2048, "version-name", "base", NULL);
  g_object_set (tmpl, "memory", (gint64) 2048, "version-name", "base", NULL);
  g_assert_cmpint (aero_template_get_memory (tmpl), ==, 2048);
  g_assert_cmpstr (aero_template_get_version_name (tmpl), ==, "base");
  g_assert_cmpuint (notify_total (&log), ==, 2);
  notify_log_clear (&log, tmpl);

  /* The label follows the name and the version. */
  notify_log_init (&log, cluster);
  g_object_set (cluster, "name", "Default", "ksm-enabled", AERO_TRISTATE_TRUE, NULL);
  g_object_set (cluster, "version", v48, NULL);
  g_object_set (cluster, "name", "Default", "version", same_v48, NULL);
  g_assert_cmpuint (notify_count (&log, "name"), ==, 1);
  g_assert_cmpuint (notify_count (&log, "version"), ==, 1);
  g_assert_cmpuint (notify_count (&log, "ksm-enabled"), ==, 1);
  g_assert_cmpuint (notify_count (&log, "label"), ==, 2);
  g_assert_cmpint (aero_cluster_get_ksm_enabled (cluster), ==, AERO_TRISTATE_TRUE);
  notify_log_clear (&log, cluster);

  notify_log_init (&log, policy);
  g_object_set (policy, "max", (gint64) 4096, "ballooning", AERO_TRISTATE_FALSE, NULL);
  g_object_set (policy, "max", (gint64) 4096, "ballooning", AERO_TRISTATE_FALSE, NULL);
  g_assert_cmpint (aero_memory_policy_get_max (policy), ==, 4096);
  g_assert_cmpint (aero_memory_policy_get_ballooning (policy), ==, AERO_TRISTATE_FALSE);
  g_assert_cmpuint (notify_total (&log), ==, 2);
  notify_log_clear (&log, policy);
}

/* A new model holds the default of every writable plain property. */
static void
assert_defaults (GType type)
{
  g_autoptr(GObject) object = g_object_new (type, NULL);
  g_autofree GParamSpec **pspecs = NULL;
  guint n;

  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (object), &n);
  for (guint i = 0; i < n; i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;

      if (!(pspecs[i]->flags & G_PARAM_WRITABLE) ||
          G_TYPE_IS_OBJECT (pspecs[i]->value_type))
        continue;

      g_test_message ("property %s", pspecs[i]->name);
      g_value_init (&value, pspecs[i]->value_type);
      g_object_get_property (object, pspecs[i]->name, &value);
      g_assert_cmpint (g_param_values_cmp (pspecs[i], &value,
                                           g_param_spec_get_default_value (pspecs[i])), ==, 0);
    }
}

static void
test_defaults (void)
{
  assert_defaults (AERO_TYPE_VM);
  assert_defaults (AERO_TYPE_TEMPLATE);
  assert_defaults (AERO_TYPE_CLUSTER);
  assert_defaults (AERO_TYPE_MEMORY_POLICY);
}

/* The string setter of the models and the engine: only a real change
 * counts, and the new value may point into the old one. */
static void
test_set_string (void)
{
  g_autofree char *field = NULL;

  g_assert_false (aero_model_set_string (&field, NULL));
  g_assert_true (aero_model_set_string (&field, "abcdef"));
  g_assert_false (aero_model_set_string (&field, "abcdef"));
  g_assert_false (aero_model_set_string (&field, field));
  g_assert_true (aero_model_set_string (&field, field + 2));
  g_assert_cmpstr (field, ==, "cdef");
  g_assert_true (aero_model_set_string (&field, NULL));
  g_assert_null (field);
}

static void
test_memory_stats_model (void)
{
  g_autoptr(AeroMemoryStats) stats = aero_memory_stats_new ();
  gint64 used;
  NotifyLog log;

  g_assert_cmpint (aero_memory_stats_get_installed (stats), ==, AERO_UNSET);

  notify_log_init (&log, stats);
  g_assert_true (aero_memory_stats_set_by_name (stats, "memory.used", 100));
  g_assert_true (aero_memory_stats_set_by_name (stats, "memory.used", 100));
  g_assert_false (aero_memory_stats_set_by_name (stats, "cpu.current.guest", 5));
  g_assert_false (aero_memory_stats_set_by_name (stats, NULL, 5));
  g_assert_true (aero_memory_stats_set_by_name (stats, "memory.installed", 1000));
  g_assert_cmpuint (notify_count (&log, "used"), ==, 1);
  g_assert_cmpuint (notify_total (&log), ==, 2);
  notify_log_clear (&log, stats);

  g_object_get (stats, "used", &used, NULL);
  g_assert_cmpint (used, ==, 100);
  g_assert_cmpint (aero_memory_stats_get_installed (stats), ==, 1000);
  g_assert_cmpint (aero_memory_stats_get_free (stats), ==, AERO_UNSET);
}

static void
test_engine_error (void)
{
  g_autoptr(GError) fault = aero_engine_error_new_fault (AERO_ENGINE_ERROR_FAULT, 400,
                                                         "Operation Failed",
                                                         "[Cannot edit VM.]");
  g_autoptr(GError) copy = NULL;
  g_autoptr(GError) bare = aero_engine_error_new_fault (AERO_ENGINE_ERROR_PARSE, 401, NULL, NULL);
  g_autoptr(GError) plain = g_error_new_literal (AERO_ENGINE_ERROR, AERO_ENGINE_ERROR_NETWORK, "x");
  g_autoptr(GError) other = g_error_new_literal (G_URI_ERROR, G_URI_ERROR_FAILED, "x");

  g_assert_error (fault, AERO_ENGINE_ERROR, AERO_ENGINE_ERROR_FAULT);
  g_assert_cmpstr (fault->message, ==, "Operation Failed: Cannot edit VM.");
  g_assert_cmpstr (aero_engine_error_get_reason (fault), ==, "Operation Failed");
  g_assert_cmpstr (aero_engine_error_get_detail (fault), ==, "Cannot edit VM.");
  g_assert_cmpuint (aero_engine_error_get_http_status (fault), ==, 400);

  aero_engine_error_set_certificate (fault, "AB:CD", "-----BEGIN CERTIFICATE-----");
  copy = g_error_copy (fault);
  g_assert_cmpstr (aero_engine_error_get_reason (copy), ==, "Operation Failed");
  g_assert_cmpuint (aero_engine_error_get_http_status (copy), ==, 400);
  g_assert_cmpstr (aero_engine_error_get_certificate_fingerprint (copy), ==, "AB:CD");
  g_assert_cmpstr (aero_engine_error_get_certificate_pem (copy), ==, "-----BEGIN CERTIFICATE-----");

  g_assert_error (bare, AERO_ENGINE_ERROR, AERO_ENGINE_ERROR_PARSE);
  g_assert_nonnull (strstr (bare->message, "401"));
  g_assert_null (aero_engine_error_get_reason (bare));
  g_assert_cmpuint (aero_engine_error_get_http_status (bare), ==, 401);

  g_assert_null (aero_engine_error_get_reason (plain));
  g_assert_cmpuint (aero_engine_error_get_http_status (plain), ==, 0);

  g_assert_null (aero_engine_error_get_reason (other));
  g_assert_null (aero_engine_error_get_certificate_pem (other));
  g_assert_cmpuint (aero_engine_error_get_http_status (other), ==, 0);
  g_assert_null (aero_engine_error_get_detail (NULL));
}

/* The engine's words for a name in use (AppErrors.properties,
 * ACTION_TYPE_FAILED_NAME_ALREADY_USED), as REST sends them on POST and
 * PUT, VM and Template alike, alone or in a list; nothing else marks a
 * field. */
static void
test_engine_error_field (void)
{
  const char *in_use[] = {
    "[Cannot add VM. The VM name is already in use, please choose a unique name and try again.]",
    "[Cannot edit VM. The VM name is already in use, please choose a unique name and try again.]",
    "[Cannot edit Template. The Template name is already in use, please choose a unique name and try again.]",
    "[Cannot edit VM. Physical Memory Guaranteed cannot exceed Memory Size., "
      "Cannot edit VM. The VM name is already in use, please choose a unique name and try again.]",
  };
  const char *others[] = {
    "[Cannot edit VM. Physical Memory Guaranteed cannot exceed Memory Size.]",
    "[Cannot edit Cluster. Cluster name is already in use.]",
    "The name is already in use",
  };
  const char *message = "unset";

  for (guint i = 0; i < G_N_ELEMENTS (in_use); i++)
    {
      g_autoptr(GError) fault = aero_engine_error_new_fault (AERO_ENGINE_ERROR_FAULT, 409,
                                                             "Operation Failed", in_use[i]);

      message = NULL;
      g_assert_cmpstr (aero_engine_error_get_field (fault, &message), ==, "name");
      g_assert_nonnull (message);
      g_assert_cmpstr (aero_engine_error_get_field (fault, NULL), ==, "name");
    }

  for (guint i = 0; i < G_N_ELEMENTS (others); i++)
    {
      g_autoptr(GError) fault = aero_engine_error_new_fault (AERO_ENGINE_ERROR_FAULT, 409,
                                                             "Operation Failed", others[i]);

      message = "unset";
      g_assert_null (aero_engine_error_get_field (fault, &message));
      g_assert_null (message);
    }

  {
    /* The same words from elsewhere (a 404 page, a dropped connection)
     * are no refusal of the engine. */
    g_autoptr(GError) lost = aero_engine_error_new_fault (AERO_ENGINE_ERROR_NETWORK, 0, NULL, in_use[0]);
    g_autoptr(GError) other = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_FAILED, in_use[0]);

    g_assert_null (aero_engine_error_get_field (lost, NULL));
    g_assert_null (aero_engine_error_get_field (other, NULL));
    g_assert_null (aero_engine_error_get_field (NULL, NULL));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/models/version/parse", test_version_parse);
  g_test_add_func ("/models/version/compare", test_version_compare);
  g_test_add_func ("/models/types/wire-names", test_wire_names);
  g_test_add_func ("/models/vm/defaults", test_vm_defaults);
  g_test_add_func ("/models/vm/notify", test_vm_notify);
  g_test_add_func ("/models/vm/policy-mirrors", test_vm_policy_mirrors);
  g_test_add_func ("/models/vm/copy", test_vm_copy);
  g_test_add_func ("/models/vm/update-from", test_vm_update_from);
  g_test_add_func ("/models/vm/finalize", test_vm_finalize);
  g_test_add_func ("/models/template", test_template_model);
  g_test_add_func ("/models/cluster", test_cluster_model);
  g_test_add_func ("/models/set-property", test_set_property);
  g_test_add_func ("/models/defaults", test_defaults);
  g_test_add_func ("/models/set-string", test_set_string);
  g_test_add_func ("/models/memory-stats", test_memory_stats_model);
  g_test_add_func ("/models/engine-error", test_engine_error);
  g_test_add_func ("/models/engine-error/field", test_engine_error_field);

  return g_test_run ();
}
