/* test-vm-edit.c - the VM edit model: rules of the New / Edit VM dialog
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "aero-enum-types.h"
#include "aero-features.h"
#include "aero-bulk-ballooning.h"
#include "aero-vm-edit-engine.h"
#include "aero-vm-edit-private.h"

#define MIB AERO_MIB
#define BLANK_ID "00000000-0000-0000-0000-000000000000"
#define REASON_30 "Memory ballooning requires cluster compatibility version 3.1 or later (this cluster: 3.0)."

typedef struct {
  GListStore   *clusters;
  GListStore   *templates;
  AeroCluster  *c30;   /* "Legacy (3.0)", over-commit 100 % */
  AeroCluster  *c31;   /* "Old (3.1)", over-commit 150 % */
  AeroCluster  *c40;   /* "Four (4.0)", over-commit 100 % */
  AeroCluster  *c47;   /* "Default (4.7)", over-commit 200 % */
  AeroTemplate *blank;
  AeroTemplate *hp;    /* a High Performance template, 4 GiB, 2 sockets */
} Fixture;

static AeroCluster *
make_cluster (const char *id,
              const char *name,
              guint       major,
              guint       minor,
              int         overcommit)
{
  AeroCluster *cluster = aero_cluster_new ();
  g_autoptr(AeroVersion) version = aero_version_new (major, minor);

  aero_cluster_set_id (cluster, id);
  aero_cluster_set_name (cluster, name);
  aero_cluster_set_version (cluster, version);
  aero_cluster_set_overcommit_percent (cluster, overcommit);

  return cluster;
}

static AeroTemplate *
make_template (const char *id,
               const char *name,
               gint64      memory,
               AeroVmType  type,
               int         sockets)
{
  AeroTemplate *tmpl = aero_template_new ();
  AeroMemoryPolicy *policy = aero_template_get_memory_policy (tmpl);

  aero_template_set_id (tmpl, id);
  aero_template_set_name (tmpl, name);
  aero_template_set_memory (tmpl, memory);
  aero_template_set_vm_type (tmpl, type);
  aero_template_set_cpu_sockets (tmpl, sockets);
  aero_template_set_cpu_cores (tmpl, 1);
  aero_template_set_cpu_threads (tmpl, 1);
  aero_template_set_cpu_shares (tmpl, 0);
  aero_memory_policy_set_guaranteed (policy, memory);
  aero_memory_policy_set_max (policy, 4 * memory);
  aero_memory_policy_set_ballooning (policy, AERO_TRISTATE_TRUE);

  return tmpl;
}

/* A VM as a single GET returns it: ballooning known. */
static AeroVm *
make_vm (const char   *id,
         AeroCluster  *cluster,
         AeroVmStatus  status,
         AeroTristate  ballooning)
{
  AeroVm *vm = aero_vm_new ();
  AeroMemoryPolicy *policy = aero_vm_get_memory_policy (vm);

  aero_vm_set_id (vm, id);
  aero_vm_set_name (vm, id);
  aero_vm_set_description (vm, "");
  aero_vm_set_comment (vm, "");
  aero_vm_set_cluster_id (vm, aero_cluster_get_id (cluster));
  aero_vm_set_template_id (vm, BLANK_ID);
  aero_vm_set_status (vm, status);
  aero_vm_set_vm_type (vm, AERO_VM_TYPE_SERVER);
  aero_vm_set_memory (vm, 1024 * MIB);
  aero_memory_policy_set_guaranteed (policy, 512 * MIB);
  aero_memory_policy_set_max (policy, 4096 * MIB);
  aero_memory_policy_set_ballooning (policy, ballooning);
  aero_vm_set_cpu_sockets (vm, 1);
  aero_vm_set_cpu_cores (vm, 1);
  aero_vm_set_cpu_threads (vm, 1);
  aero_vm_set_cpu_shares (vm, 0);

  return vm;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->c47 = make_cluster ("c47", "Default", 4, 7, 200);
  f->c30 = make_cluster ("c30", "Legacy", 3, 0, 100);
  f->c31 = make_cluster ("c31", "Old", 3, 1, 150);
  f->c40 = make_cluster ("c40", "Four", 4, 0, 100);
  f->clusters = g_list_store_new (AERO_TYPE_CLUSTER);
  g_list_store_append (f->clusters, f->c47);
  g_list_store_append (f->clusters, f->c30);
  g_list_store_append (f->clusters, f->c31);
  g_list_store_append (f->clusters, f->c40);

  f->hp = make_template ("t-hp", "fast", 4096 * MIB, AERO_VM_TYPE_HIGH_PERFORMANCE, 2);
  f->blank = make_template (BLANK_ID, "Blank", 1024 * MIB, AERO_VM_TYPE_SERVER, 1);
  f->templates = g_list_store_new (AERO_TYPE_TEMPLATE);
  /* Blank is not first: the constructor must pick it by id. */
  g_list_store_append (f->templates, f->hp);
  g_list_store_append (f->templates, f->blank);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->clusters);
  g_clear_object (&f->templates);
  g_clear_object (&f->c30);
  g_clear_object (&f->c31);
  g_clear_object (&f->c40);
  g_clear_object (&f->c47);
  g_clear_object (&f->blank);
  g_clear_object (&f->hp);
}

static AeroVmEdit *
new_vm_edit (Fixture *f)
{
  return aero_vm_edit_new_for_new_vm (G_LIST_MODEL (f->clusters),
                                      G_LIST_MODEL (f->templates),
                                      BLANK_ID);
}

/* Compares @node with the JSON text @expected, member order aside. */
static void
assert_json (JsonNode   *node,
             const char *expected)
{
  g_autoptr(JsonNode) want = NULL;
  g_autofree char *got_text = NULL;
  g_autoptr(GError) error = NULL;

  want = json_from_string (expected, &error);
  g_assert_no_error (error);
  g_assert_nonnull (node);
  got_text = json_to_string (node, FALSE);
  if (!json_node_equal (node, want))
    g_error ("JSON body differs:\n  got:      %s\n  expected: %s", got_text, expected);
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *counter)
{
  (*counter)++;
}

static AeroVmChange *
find_change (GPtrArray  *changes,
             const char *field)
{
  for (guint i = 0; i < changes->len; i++)
    {
      AeroVmChange *change = g_ptr_array_index (changes, i);

      if (g_strcmp0 (aero_vm_change_get_field (change), field) == 0)
        return change;
    }
  return NULL;
}

/* ------------------------------------------------------------------ */

static void
test_new_vm_defaults (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(AeroVmEdit) edit = new_vm_edit (f);

  g_assert_cmpint (aero_vm_edit_get_mode (edit), ==, AERO_VM_EDIT_NEW_VM);
  g_assert_true (aero_vm_edit_get_cluster (edit) == f->c47);
  g_assert_cmpuint (aero_vm_edit_get_cluster_position (edit), ==, 0);
  g_assert_true (aero_vm_edit_get_template (edit) == f->blank);
  g_assert_cmpuint (aero_vm_edit_get_template_position (edit), ==, 1);

  /* product.md: checked by default. */
  g_assert_true (aero_vm_edit_get_ballooning (edit));
  g_assert_true (aero_vm_edit_get_ballooning_sensitive (edit));
  g_assert_null (aero_vm_edit_get_ballooning_reason (edit));
  g_assert_true (aero_vm_edit_get_ballooning_known (edit));
  g_assert_true (aero_vm_edit_get_max_memory_sensitive (edit));

  g_assert_cmpint (aero_vm_edit_get_memory (edit), ==, 1024 * MIB);
  g_assert_cmpint (aero_vm_edit_get_memory_mb (edit), ==, 1024);
  g_assert_cmpint (aero_vm_edit_get_vm_type (edit), ==, AERO_VM_TYPE_SERVER);
  g_assert_cmpint (aero_vm_edit_get_cpu_sockets (edit), ==, 1);
  g_assert_cmpint (aero_vm_edit_get_cpu_shares_level (edit), ==, AERO_CPU_SHARES_DISABLED);
  g_assert_true (aero_version_equal (aero_vm_edit_get_effective_version (edit),
                                     aero_cluster_get_version (f->c47)));

  /* The name is required; nothing else is wrong. */
  g_assert_false (aero_vm_edit_get_valid (edit));
  g_assert_cmpstr (aero_vm_edit_get_name_error (edit), ==, "This field can't be empty.");
  g_assert_null (aero_vm_edit_get_memory_error (edit));
  g_assert_null (aero_vm_edit_get_guaranteed_error (edit));
  g_assert_null (aero_vm_edit_get_max_memory_error (edit));
  aero_vm_edit_set_name (edit, "web-01");
  g_assert_true (aero_vm_edit_get_valid (edit));
  g_assert_null (aero_vm_edit_get_name_error (edit));

  g_assert_true (aero_vm_edit_get_has_changes (edit));
  g_assert_false (aero_vm_edit_get_running (edit));
  g_assert_true (aero_vm_edit_get_resource_allocation_editable (edit));
  g_assert_null (aero_vm_edit_get_resource_allocation_reason (edit));
  g_assert_false (aero_vm_edit_needs_next_run_confirmation (edit));
}

/* Issue 13: a new VM's empty description and comment are sent, so that
 * the engine does not copy the template's. */
static void
test_new_vm_sends_empty_texts (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(AeroVmEdit) edit = aero_vm_edit_new_for_new_vm (G_LIST_MODEL (f->clusters),
                                                            G_LIST_MODEL (f->templates), BLANK_ID);
  g_autoptr(JsonNode) body = NULL;
  JsonObject *object;

  aero_vm_edit_set_name (edit, "fresh");
  body = aero_vm_edit_build_body (edit);
  object = json_node_get_object (body);
  g_assert_cmpstr (json_object_get_string_member (object, "description"), ==, "");
  g_assert_cmpstr (json_object_get_string_member (object, "comment"), ==, "");
}

/* Issue 13: the custom compatibility version is the admin's to see and
 * change, and the balloon reason names it as the source. */
static void
test_custom_version (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(AeroVm) vm = make_vm ("compat", f->c47, AERO_VM_STATUS_DOWN, AERO_TRISTATE_FALSE);
  g_autoptr(AeroVersion) v30 = aero_version_new (3, 0);
  g_autoptr(AeroVersion) v40 = aero_version_new (4, 0);
  g_autoptr(AeroVmEdit) edit = NULL;
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GPtrArray) versions = NULL;
  AeroVmChange *change;

  aero_vm_set_custom_compatibility_version (vm, v30);
  edit = aero_vm_edit_new_for_vm (vm, G_LIST_MODEL (f->clusters));
  g_assert_true (aero_version_equal (aero_vm_edit_get_custom_compatibility_version (edit), v30));
  g_assert_false (aero_vm_edit_get_ballooning_sensitive (edit));
  g_assert_cmpstr (aero_vm_edit_get_ballooning_reason (edit), ==,
                   "Memory ballooning requires compatibility version 3.1 or later "
                   "(this virtual machine's custom compatibility version: 3.0).");

  /* Offered: the clusters' levels and the VM's own, lowest first. */
  versions = aero_vm_edit_list_custom_versions (edit);
  g_assert_cmpuint (versions->len, ==, 4);
  g_assert_true (aero_version_equal (g_ptr_array_index (versions, 0), v30));

  /* Cleared: the cluster's 4.7 applies, and an empty version is sent. */
  aero_vm_edit_set_custom_compatibility_version (edit, NULL);
  g_assert_true (aero_vm_edit_get_ballooning_sensitive (edit));
  g_assert_null (aero_vm_edit_get_ballooning_reason (edit));
  body = aero_vm_edit_build_body (edit);
  assert_json (body, "{\"custom_compatibility_version\": {}}");
  g_clear_pointer (&body, json_node_unref);
  changes = aero_vm_edit_list_changes (edit);
  change = find_change (changes, "custom-version");
  g_assert_cmpstr (aero_vm_change_get_old_value (change), ==, "3.0");
  g_assert_cmpstr (aero_vm_change_get_new_value (change), ==, "None");

  aero_vm_edit_set_custom_compatibility_version (edit, v40);
  g_assert_false (aero_vm_edit_get_max_memory_sensitive (edit));
  g_assert_cmpstr (aero_vm_edit_get_max_memory_reason (edit), ==,
                   "Maximum memory requires compatibility version 4.1 or later "
                   "(this virtual machine's custom compatibility version: 4.0).");
  body = aero_vm_edit_build_body (edit);
  assert_json (body, "{\"custom_compatibility_version\": {\"major\": \"4\", \"minor\": \"0\"}}");

  /* Back to the original: nothing to send. */
  aero_vm_edit_set_custom_compatibility_version (edit, v30);
  g_assert_false (aero_vm_edit_get_has_changes (edit));
}

static void
test_memory_derivations (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(AeroVmEdit) edit = new_vm_edit (f);
  guint guaranteed_notifies = 0;

  g_signal_connect (edit, "notify::guaranteed", G_CALLBACK (count_notify), &guaranteed_notifies);

  /* Default (4.7) over-commits 200 %: guaranteed = memory * 100 / 200. */
  aero_vm_edit_set_memory (edit, 4096 * MIB);
  g_assert_cmpint (aero_vm_edit_get_guaranteed (edit), ==, 2048 * MIB);
  g_assert_cmpint (aero_vm_edit_get_max_memory (edit), ==, 16384 * MIB);
  g_assert_cmpuint (guaranteed_notifies, ==, 1);

  /* Through the MiB mirror, as a spin button does. */
  g_object_set (edit, "memory-mb", (gint64) 3000, NULL);
  g_assert_cmpint (aero_vm_edit_get_memory (edit), ==, 3000 * MIB);
  g_assert_cmpint (aero_vm_edit_get_guaranteed_mb (edit), ==, 1500);
  g_assert_cmpint (aero_vm_edit_get_max_memory_mb (edit), ==, 12000);

  /* Another cluster's over-commit (150 %) re-derives a new VM's
   * guaranteed memory: 3000 * 100 / 150. */
  aero_vm_edit_set_cluster (edit, f->c31);
  g_assert_cmpint (aero_vm_edit_get_guaranteed_mb (edit), ==, 2000);
  aero_vm_edit_set_cluster (edit, f->c47);
  g_assert_cmpint (aero_vm_edit_get_guaranteed_mb (edit), ==, 1500);
}

static void
test_user_edits_stop_derivation (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(AeroVmEdit) edit = new_vm_edit (f);

  aero_vm_edit_set_guaranteed (edit, 512 * MIB);
  aero_vm_edit_set_memory (edit, 4096 * MIB);
  /* Guaranteed is the user's now; max still follows. */
  g_assert_cmpint (aero_vm_edit_get_guaranteed (edit), ==, 512 * MIB);
  g_assert_cmpint (aero_vm_edit_get_max_memory (edit), ==, 16384 * MIB);

  g_object_set (edit, "max-memory-mb", (gint64) 6000, NULL);
  aero_vm_edit_set_memory (edit, 3000 * MIB);
  g_assert_cmpint (aero_vm_edit_get_max_memory (edit), ==, 6000 * MIB);
  g_assert_cmpint (aero_vm_edit_get_guaranteed (edit), ==, 512 * MIB);

  /* The user's cluster switch leaves the user's guaranteed alone. */
  aero_vm_edit_set_cluster (edit, f->c31);
  g_assert_cmpint (aero_vm_edit_get_guaranteed (edit), ==, 512 * MIB);
}

static void
test_mib_mirrors_do_not_round (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(AeroVm) vm = make_vm ("vm1", f->c47, AERO_VM_STATUS_DOWN, AERO_TRISTATE_TRUE);
  g_autoptr(AeroVmEdit) edit = NULL;

  /* 1.5 MiB more than 512 MiB: not a whole number of MiB. */
  aero_memory_policy_set_guaranteed (aero_vm_get_memory_policy (vm), 512 * MIB + MIB / 2);
  edit = aero_vm_edit_new_for_vm (vm, G_LIST_MODEL (f->clusters));
  g_assert_cmpint (aero_vm_edit_get_guaranteed_mb (edit), ==, 512);

  /* A spin button echoing the value it shows changes nothing. */
  g_object_set (edit, "guaranteed-mb", (gint64) 512, NULL);
  g_assert_cmpint (aero_vm_edit_get_guaranteed (edit), ==, 512 * MIB + MIB / 2);
  g_assert_false (aero_vm_edit_get_has_changes (edit));
  g_assert_null (aero_vm_edit_build_body (edit));
}

static void
test_validation_messages (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(AeroVmEdit) edit = new_vm_edit (f);
  g_autofree char *long_name = g_strnfill (256, 'a');
  guint valid_notifies = 0;

  aero_vm_edit_set_name (edit, "db");
  g_assert_true (aero_vm_edit_get_valid (edit));
  g_signal_connect (edit, "notify::valid", G_CALLBACK (count_notify), &valid_notifies);

  aero_vm_edit_set_guaranteed (edit, 2048 * MIB);
  g_assert_cmpstr (aero_vm_edit_get_guaranteed_error (edit), ==,
                   "Physical Memory Guaranteed cannot exceed Memory Size.");
  g_assert_false (aero_vm_edit_get_valid (edit));
  g_assert_cmpuint (valid_notifies, ==, 1);
  aero_vm_edit_set_guaranteed (edit, 1024 * MIB);
  g_assert_null (aero_vm_edit_get_guaranteed_error (edit));
  g_assert_true (aero_vm_edit_get_valid (edit));
  g_assert_cmpuint (valid_notifies, ==, 2);

  aero_vm_edit_set_max_memory (edit, 1000 * MIB);
  g_assert_cmpstr (aero_vm_edit_get_max_memory_error (edit), ==,
                   "Maximum Memory has to be larger than or equal to Memory Size.");
  g_assert_false (aero_vm_edit_get_valid (edit));
  aero_vm_edit_set_max_memory (edit, 1024 * MIB);
  g_assert_null (aero_vm_edit_get_max_memory_error (edit));
  g_assert_true (aero_vm_edit_get_valid (edit));

  aero_vm_edit_set_memory (edit, MIB / 2);
  g_assert_cmpstr (aero_vm_edit_get_memory_error (edit), ==, "Memory Size must be at least 1 MiB.");
  g_assert_false (aero_vm_edit_get_valid (edit));
  aero_vm_edit_set_memory (edit, MIB);
  g_assert_null (aero_vm_edit_get_memory_error (edit));
  /* The user's guaranteed (1024 MiB) is not derived down. */
  g_assert_nonnull (aero_vm_edit_get_guaranteed_error (edit));
  aero_vm_edit_set_guaranteed (edit, MIB);
  g_assert_null (aero_vm_edit_get_guaranteed_error (edit));
  g_assert_true (aero_vm_edit_get_valid (edit));

  aero_vm_edit_set_name (edit, "");
  g_assert_cmpstr (aero_vm_edit_get_name_error (edit), ==, "This field can't be empty.");
  aero_vm_edit_set_name (edit, "web server");
  g_assert_nonnull (strstr (aero_vm_edit_get_name_error (edit), "special characters"));
  aero_vm_edit_set_name (edit, "web/1");
  g_assert_nonnull (aero_vm_edit_get_name_error (edit));
  aero_vm_edit_set_name (edit, long_name);
  g_assert_nonnull (strstr (aero_vm_edit_get_name_error (edit), "255"));
  long_name[255] = '\0';
  aero_vm_edit_set_name (edit, long_name);
  g_assert_null (aero_vm_edit_get_name_error (edit));
  aero_vm_edit_set_name (edit, "Überserver_2.prod-1");
  g_assert_null (aero_vm_edit_get_name_error (edit));
  g_assert_true (aero_vm_edit_get_valid (edit));

  aero_vm_edit_set_cpu_sockets (edit, 0);
  g_assert_nonnull (aero_vm_edit_get_cpu_error (edit));
  g_assert_false (aero_vm_edit_get_valid (edit));
  aero_vm_edit_set_cpu_sockets (edit, 2);
  g_assert_null (aero_vm_edit_get_cpu_error (edit));
  g_assert_true (aero_vm_edit_get_valid (edit));
}

static void
test_new_vm_post_body (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(AeroVmEdit) edit = new_vm_edit (f);
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(GPtrArray) changes = NULL;

  aero_vm_edit_set_name (edit, "web-01");
  aero_vm_edit_set_description (edit, "front end");
  aero_vm_edit_set_memory (edit, 2048 * MIB);
  aero_vm_edit_set_cpu_cores (edit, 2);
  aero_vm_edit_set_cpu_shares_level (edit, AERO_CPU_SHARES_LOW);

  body = aero_vm_edit_build_body (edit);
  assert_json (body,
               "{\"name\": \"web-01\","
               " \"description\": \"front end\","
               " \"comment\": \"\","
               " \"cluster\": {\"id\": \"c47\"},"
               " \"template\": {\"id\": \"" BLANK_ID "\"},"
               " \"type\": \"server\","
               " \"memory\": \"2147483648\","
               " \"memory_policy\": {\"guaranteed\": \"1073741824\","
               "                     \"max\": \"8589934592\","
               "                     \"ballooning\": \"true\"},"
               " \"cpu\": {\"topology\": {\"sockets\": \"1\", \"cores\": \"2\", \"threads\": \"1\"}},"
               " \"cpu_shares\": \"512\"}");
  /* Nothing to list for a new VM: it is one POST. */
  changes = aero_vm_edit_list_changes (edit);
  g_assert_cmpuint (changes->len, ==, 0);
}

static void
test_gated_cluster (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(AeroVmEdit) edit = new_vm_edit (f);
  g_autoptr(JsonNode) body = NULL;
  JsonObject *policy;
  guint ballooning_notifies = 0;
  guint sensitive_notifies = 0;

  aero_vm_edit_set_name (edit, "legacy-01");
  g_signal_connect (edit, "notify::ballooning", G_CALLBACK (count_notify), &ballooning_notifies);
  g_signal_connect (edit, "notify::ballooning-sensitive", G_CALLBACK (count_notify), &sensitive_notifies);

  g_object_set (edit, "cluster-position", 1u, NULL);
  g_assert_true (aero_vm_edit_get_cluster (edit) == f->c30);
  g_assert_false (aero_vm_edit_get_ballooning_sensitive (edit));
  g_assert_false (aero_vm_edit_get_ballooning (edit));
  g_assert_cmpstr (aero_vm_edit_get_ballooning_reason (edit), ==, REASON_30);
  g_assert_cmpuint (ballooning_notifies, ==, 1);
  g_assert_cmpuint (sensitive_notifies, ==, 1);
  /* 3.0 has no max memory either (>= 4.1). */
  g_assert_false (aero_vm_edit_get_max_memory_sensitive (edit));
  g_assert_nonnull (aero_vm_edit_get_max_memory_reason (edit));

  /* A write while insensitive (a binding echoing) changes nothing. */
  aero_vm_edit_set_ballooning (edit, TRUE);
  g_assert_false (aero_vm_edit_get_ballooning (edit));

  /* Nothing about ballooning is sent for such a VM. */
  body = aero_vm_edit_build_body (edit);
  policy = json_object_get_object_member (json_node_get_object (body), "memory_policy");
  g_assert_nonnull (policy);
  g_assert_false (json_object_has_member (policy, "ballooning"));
  g_assert_false (json_object_has_member (policy, "max"));
  g_assert_true (json_object_has_member (policy, "guaranteed"));
  g_clear_pointer (&body, json_node_unref);

  /* Back to 4.7: the user's choice (checked) returns. */
  aero_vm_edit_set_cluster (edit, f->c47);
  g_assert_true (aero_vm_edit_get_ballooning_sensitive (edit));
  g_assert_true (aero_vm_edit_get_ballooning (edit));
  g_assert_null (aero_vm_edit_get_ballooning_reason (edit));
  g_assert_cmpuint (ballooning_notifies, ==, 2);

  /* The user unchecks; a round trip through 3.0 keeps it unchecked. */
  aero_vm_edit_set_ballooning (edit, FALSE);
  aero_vm_edit_set_cluster (edit, f->c30);
  aero_vm_edit_set_cluster (edit, f->c31);
  g_assert_true (aero_vm_edit_get_ballooning_sensitive (edit));
  g_assert_false (aero_vm_edit_get_ballooning (edit));
  body = aero_vm_edit_build_body (edit);
  policy = json_object_get_object_member (json_node_get_object (body), "memory_policy");
  g_assert_cmpstr (json_object_get_string_member (policy, "ballooning"), ==, "false");
}

static void
test_high_performance (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(AeroVmEdit) edit = new_vm_edit (f);

  aero_vm_edit_set_vm_type (edit, AERO_VM_TYPE_HIGH_PERFORMANCE);
  g_assert_false (aero_vm_edit_get_ballooning (edit));
  g_assert_true (aero_vm_edit_get_ballooning_sensitive (edit));
  /* The user may check it again. */
  aero_vm_edit_set_ballooning (edit, TRUE);
  g_assert_true (aero_vm_edit_get_ballooning (edit));
  /* Switching to another type does not touch it. */
  aero_vm_edit_set_vm_type (edit, AERO_VM_TYPE_DESKTOP);
  g_assert_true (aero_vm_edit_get_ballooning (edit));
}

static void
test_choose_template (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(AeroVmEdit) edit = new_vm_edit (f);

  g_object_set (edit, "template-position", 0u, NULL);
  g_assert_true (aero_vm_edit_get_template (edit) == f->hp);
  g_assert_cmpint (aero_vm_edit_get_memory (edit), ==, 4096 * MIB);
  g_assert_cmpint (aero_vm_edit_get_guaranteed (edit), ==, 4096 * MIB);
  g_assert_cmpint (aero_vm_edit_get_max_memory (edit), ==, 4 * 4096 * MIB);
  g_assert_cmpint (aero_vm_edit_get_cpu_sockets (edit), ==, 2);
  g_assert_cmpint (aero_vm_edit_get_vm_type (edit), ==, AERO_VM_TYPE_HIGH_PERFORMANCE);
  /* A High Performance type unchecks the balloon. */
  g_assert_false (aero_vm_edit_get_ballooning (edit));

  /* The template's values are defaults: a memory change derives again. */
  aero_vm_edit_set_memory (edit, 2048 * MIB);
  g_assert_cmpint (aero_vm_edit_get_guaranteed (edit), ==, 1024 * MIB);
}

static void
test_edit_minimal_put (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(AeroVm) vm = make_vm ("vm1", f->c47, AERO_VM_STATUS_DOWN, AERO_TRISTATE_TRUE);
  g_autoptr(AeroVmEdit) edit = aero_vm_edit_new_for_vm (vm, G_LIST_MODEL (f->clusters));
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  guint changes_notifies = 0;

  g_assert_cmpint (aero_vm_edit_get_mode (edit), ==, AERO_VM_EDIT_VM);
  g_assert_true (aero_vm_edit_get_cluster (edit) == f->c47);
  g_assert_true (aero_vm_edit_get_ballooning (edit));
  g_assert_true (aero_vm_edit_get_valid (edit));
  g_assert_false (aero_vm_edit_get_has_changes (edit));
  g_assert_null (aero_vm_edit_build_body (edit));
  changes = aero_vm_edit_list_changes (edit);
  g_assert_cmpuint (changes->len, ==, 0);

  g_signal_connect (edit, "notify::has-changes", G_CALLBACK (count_notify), &changes_notifies);

  aero_vm_edit_set_ballooning (edit, FALSE);
  g_assert_true (aero_vm_edit_get_has_changes (edit));
  g_assert_cmpuint (changes_notifies, ==, 1);
  body = aero_vm_edit_build_body (edit);
  assert_json (body, "{\"memory_policy\": {\"ballooning\": \"false\"}}");
  g_clear_pointer (&body, json_node_unref);

  /* Back to the original value: nothing to send again. */
  aero_vm_edit_set_ballooning (edit, TRUE);
  g_assert_false (aero_vm_edit_get_has_changes (edit));
  g_assert_cmpuint (changes_notifies, ==, 2);
  g_assert_null (aero_vm_edit_build_body (edit));

  aero_vm_edit_set_description (edit, "db");
  aero_vm_edit_set_cpu_sockets (edit, 2);
  body = aero_vm_edit_build_body (edit);
  assert_json (body, "{\"description\": \"db\", \"cpu\": {\"topology\": {\"sockets\": \"2\"}}}");
  g_clear_pointer (&body, json_node_unref);
  aero_vm_edit_set_description (edit, "");
  aero_vm_edit_set_cpu_sockets (edit, 1);

  /* Memory re-derives guaranteed (200 %) and max: all three change. */
  aero_vm_edit_set_memory (edit, 2048 * MIB);
  body = aero_vm_edit_build_body (edit);
  assert_json (body,
               "{\"memory\": \"2147483648\","
               " \"memory_policy\": {\"guaranteed\": \"1073741824\", \"max\": \"8589934592\"}}");
  g_clear_pointer (&body, json_node_unref);

  /* A guaranteed edit alone. */
  aero_vm_edit_set_memory (edit, 1024 * MIB);
  aero_vm_edit_set_max_memory (edit, 4096 * MIB);
  aero_vm_edit_set_guaranteed (edit, 768 * MIB);
  body = aero_vm_edit_build_body (edit);
  assert_json (body, "{\"memory_policy\": {\"guaranteed\": \"805306368\"}}");
  g_clear_pointer (&body, json_node_unref);

  /* Cluster change sends a reference. */
  aero_vm_edit_set_guaranteed (edit, 512 * MIB);
  aero_vm_edit_set_cluster (edit, f->c31);
  body = aero_vm_edit_build_body (edit);
  assert_json (body, "{\"cluster\": {\"id\": \"c31\"}}");
  g_clear_pointer (&body, json_node_unref);

  /* After a save the edits are the baseline. */
  aero_vm_edit_reset_original (edit, NULL);
  g_assert_false (aero_vm_edit_get_has_changes (edit));
  g_assert_null (aero_vm_edit_build_body (edit));
}

static void
test_edit_vm_on_gated_cluster (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(AeroVm) vm = make_vm ("old1", f->c30, AERO_VM_STATUS_DOWN, AERO_TRISTATE_FALSE);
  g_autoptr(AeroVmEdit) edit = aero_vm_edit_new_for_vm (vm, G_LIST_MODEL (f->clusters));
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(AeroVersion) v42 = aero_version_new (4, 2);
  g_autoptr(AeroVmEdit) custom = NULL;

  g_assert_false (aero_vm_edit_get_ballooning_sensitive (edit));
  g_assert_cmpstr (aero_vm_edit_get_ballooning_reason (edit), ==, REASON_30);
  aero_vm_edit_set_ballooning (edit, TRUE);
  aero_vm_edit_set_name (edit, "old2");
  body = aero_vm_edit_build_body (edit);
  assert_json (body, "{\"name\": \"old2\"}");

  /* Moving it to a 4.7 cluster lifts the gate; the box is its own. */
  aero_vm_edit_set_cluster (edit, f->c47);
  g_assert_true (aero_vm_edit_get_ballooning_sensitive (edit));
  g_assert_false (aero_vm_edit_get_ballooning (edit));

  /* A custom compatibility version overrides the cluster's level. */
  aero_vm_set_custom_compatibility_version (vm, v42);
  custom = aero_vm_edit_new_for_vm (vm, G_LIST_MODEL (f->clusters));
  g_assert_true (aero_vm_edit_get_ballooning_sensitive (custom));
  g_assert_true (aero_version_equal (aero_vm_edit_get_effective_version (custom), v42));
}

static void
test_ballooning_unknown (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(AeroVm) vm = make_vm ("vm1", f->c47, AERO_VM_STATUS_DOWN, AERO_TRISTATE_UNKNOWN);
  g_autoptr(AeroVmEdit) edit = aero_vm_edit_new_for_vm (vm, G_LIST_MODEL (f->clusters));
  g_autoptr(JsonNode) body = NULL;

  g_assert_false (aero_vm_edit_get_ballooning_known (edit));
  g_assert_false (aero_vm_edit_get_has_changes (edit));
  aero_vm_edit_set_ballooning (edit, TRUE);
  body = aero_vm_edit_build_body (edit);
  assert_json (body, "{\"memory_policy\": {\"ballooning\": \"true\"}}");
}

/* Issue 13: Memory Size derives as webadmin does, never over what the
 * admin set, never out of sight, and never past the platform limit. */
static void
test_memory_derivation (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(AeroVm) down = make_vm ("down", f->c47, AERO_VM_STATUS_DOWN, AERO_TRISTATE_TRUE);
  g_autoptr(AeroVm) up = make_vm ("up", f->c47, AERO_VM_STATUS_UP, AERO_TRISTATE_TRUE);
  g_autoptr(AeroVmEdit) edit = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(JsonNode) body = NULL;

  /* A VM that is down: both follow (200 % over-commit), the maximum up
   * to the platform limit, and the note names both. */
  edit = aero_vm_edit_new_for_vm (down, G_LIST_MODEL (f->clusters));
  g_assert_null (aero_vm_edit_get_memory_note (edit));
  g_assert_cmpint (aero_vm_edit_get_max_memory_limit (edit), ==, AERO_UNSET);
  aero_vm_edit_set_max_memory_limit (edit, 6144);
  aero_vm_edit_set_memory (edit, 2048 * MIB);
  g_assert_cmpint (aero_vm_edit_get_guaranteed (edit), ==, 1024 * MIB);
  g_assert_cmpint (aero_vm_edit_get_max_memory (edit), ==, 6144 * MIB);
  g_assert_cmpstr (aero_vm_edit_get_memory_note (edit), ==,
                   "Guaranteed memory will become 1024 MiB\n"
                   "Maximum memory will become 6144 MiB");
  changes = aero_vm_edit_list_changes (edit);
  g_assert_nonnull (find_change (changes, "guaranteed"));
  g_assert_nonnull (find_change (changes, "max-memory"));
  g_clear_pointer (&changes, g_ptr_array_unref);

  /* A value the admin set is never derived again, and leaves the note. */
  aero_vm_edit_set_guaranteed (edit, 700 * MIB);
  aero_vm_edit_set_memory (edit, 3072 * MIB);
  g_assert_cmpint (aero_vm_edit_get_guaranteed (edit), ==, 700 * MIB);
  g_assert_cmpstr (aero_vm_edit_get_memory_note (edit), ==, "Maximum memory will become 6144 MiB");

  /* A maximum above the limit is an error at Maximum Memory. */
  aero_vm_edit_set_max_memory (edit, 8192 * MIB);
  g_assert_cmpstr (aero_vm_edit_get_max_memory_error (edit), ==,
                   "Maximum Memory has to be smaller than or equal to 6144 MiB.");
  g_assert_false (aero_vm_edit_get_valid (edit));
  aero_vm_edit_set_max_memory_limit (edit, AERO_UNSET);
  g_assert_null (aero_vm_edit_get_max_memory_error (edit));
  g_assert_true (aero_vm_edit_get_valid (edit));
  g_clear_object (&edit);

  /* A running VM keeps its maximum; guaranteed memory still follows. */
  edit = aero_vm_edit_new_for_vm (up, G_LIST_MODEL (f->clusters));
  aero_vm_edit_set_memory (edit, 2048 * MIB);
  g_assert_cmpint (aero_vm_edit_get_max_memory (edit), ==, 4096 * MIB);
  g_assert_cmpint (aero_vm_edit_get_guaranteed (edit), ==, 1024 * MIB);
  g_assert_cmpstr (aero_vm_edit_get_memory_note (edit), ==, "Guaranteed memory will become 1024 MiB");
  body = aero_vm_edit_build_body (edit);
  assert_json (body, "{\"memory\": \"2147483648\", "
                     "\"memory_policy\": {\"guaranteed\": \"1073741824\"}}");
  g_clear_pointer (&body, json_node_unref);
  g_clear_object (&edit);

  /* A template keeps its guaranteed memory (webadmin's template behaviour
   * has no updateMinAllocatedMemory); its maximum follows. */
  edit = aero_vm_edit_new_for_template (f->blank, G_LIST_MODEL (f->clusters));
  aero_vm_edit_set_memory (edit, 2048 * MIB);
  g_assert_cmpint (aero_vm_edit_get_guaranteed (edit), ==, 1024 * MIB);
  g_assert_cmpint (aero_vm_edit_get_max_memory (edit), ==, 8192 * MIB);
  g_clear_object (&edit);

  /* Derivation off (the CLI): only the memory changes, no note. */
  edit = aero_vm_edit_new_for_vm (down, G_LIST_MODEL (f->clusters));
  aero_vm_edit_set_derive_memory (edit, FALSE);
  aero_vm_edit_set_memory (edit, 2048 * MIB);
  g_assert_null (aero_vm_edit_get_memory_note (edit));
  body = aero_vm_edit_build_body (edit);
  assert_json (body, "{\"memory\": \"2147483648\"}");
}

static void
test_next_run_split (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(AeroVm) vm = make_vm ("run1", f->c47, AERO_VM_STATUS_UP, AERO_TRISTATE_TRUE);
  g_autoptr(AeroVmEdit) edit = aero_vm_edit_new_for_vm (vm, G_LIST_MODEL (f->clusters));
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GListModel) model = NULL;
  AeroVmChange *change;

  g_assert_true (aero_vm_edit_get_running (edit));

  /* Live-only changes need no confirmation. */
  aero_vm_edit_set_name (edit, "run2");
  aero_vm_edit_set_comment (edit, "renamed");
  g_assert_false (aero_vm_edit_needs_next_run_confirmation (edit));
  changes = aero_vm_edit_list_changes (edit);
  g_assert_cmpuint (changes->len, ==, 2);
  change = find_change (changes, "name");
  g_assert_cmpstr (aero_vm_change_get_label (change), ==, "Name");
  g_assert_cmpstr (aero_vm_change_get_old_value (change), ==, "run1");
  g_assert_cmpstr (aero_vm_change_get_new_value (change), ==, "run2");
  g_assert_cmpint (aero_vm_change_get_when (change), ==, AERO_VM_CHANGE_NOW);
  g_clear_pointer (&changes, g_ptr_array_unref);

  /* Ballooning waits for the restart. */
  aero_vm_edit_set_ballooning (edit, FALSE);
  g_assert_true (aero_vm_edit_needs_next_run_confirmation (edit));
  changes = aero_vm_edit_list_changes (edit);
  change = find_change (changes, "ballooning");
  g_assert_cmpstr (aero_vm_change_get_label (change), ==, "Memory Balloon Device Enabled");
  g_assert_cmpstr (aero_vm_change_get_old_value (change), ==, "Enabled");
  g_assert_cmpstr (aero_vm_change_get_new_value (change), ==, "Disabled");
  g_assert_cmpint (aero_vm_change_get_when (change), ==, AERO_VM_CHANGE_NEXT_RUN);
  g_clear_pointer (&changes, g_ptr_array_unref);
  aero_vm_edit_set_ballooning (edit, TRUE);

  /* Memory up by 256 MiB hot plugs; a running VM keeps its maximum
   * (webadmin's ExistingVmModelBehavior.updateMaxMemory), the derived
   * guaranteed memory is listed and named under Memory Size. */
  aero_vm_edit_set_memory (edit, 1280 * MIB);
  changes = aero_vm_edit_list_changes (edit);
  change = find_change (changes, "memory");
  g_assert_cmpstr (aero_vm_change_get_label (change), ==, "Memory Size");
  g_assert_cmpstr (aero_vm_change_get_old_value (change), ==, "1024 MiB");
  g_assert_cmpstr (aero_vm_change_get_new_value (change), ==, "1280 MiB");
  g_assert_cmpint (aero_vm_change_get_when (change), ==, AERO_VM_CHANGE_HOTPLUG);
  g_assert_null (find_change (changes, "max-memory"));
  g_assert_cmpint (aero_vm_edit_get_max_memory (edit), ==, 4096 * MIB);
  g_assert_cmpstr (aero_vm_edit_get_memory_note (edit), ==, "Guaranteed memory will become 640 MiB");
  change = find_change (changes, "guaranteed");
  g_assert_cmpstr (aero_vm_change_get_label (change), ==, "Physical Memory Guaranteed");
  g_assert_cmpint (aero_vm_change_get_when (change), ==, AERO_VM_CHANGE_HOTPLUG);
  g_clear_pointer (&changes, g_ptr_array_unref);

  /* With max kept, a hot plug alone still asks (apply now or later). */
  aero_vm_edit_set_max_memory (edit, 4096 * MIB);
  aero_vm_edit_set_guaranteed (edit, 512 * MIB);
  changes = aero_vm_edit_list_changes (edit);
  g_assert_null (find_change (changes, "max-memory"));
  g_assert_null (find_change (changes, "guaranteed"));
  g_assert_true (aero_vm_edit_needs_next_run_confirmation (edit));
  g_clear_pointer (&changes, g_ptr_array_unref);

  g_assert_false (aero_vm_edit_get_next_run_required (edit));

  /* Not a whole 256 MiB step (the engine refuses it live), or downward
   * (a hot unplug may drop it): next run, and the PUT must say so; the
   * name still applies now. */
  aero_vm_edit_set_memory (edit, 1124 * MIB);
  changes = aero_vm_edit_list_changes (edit);
  g_assert_cmpint (aero_vm_change_get_when (find_change (changes, "memory")), ==, AERO_VM_CHANGE_NEXT_RUN);
  g_assert_cmpint (aero_vm_change_get_when (find_change (changes, "name")), ==, AERO_VM_CHANGE_NOW);
  g_assert_true (aero_vm_edit_get_next_run_required (edit));
  g_clear_pointer (&changes, g_ptr_array_unref);
  aero_vm_edit_set_memory (edit, 768 * MIB);
  changes = aero_vm_edit_list_changes (edit);
  g_assert_cmpint (aero_vm_change_get_when (find_change (changes, "memory")), ==, AERO_VM_CHANGE_NEXT_RUN);
  g_assert_true (aero_vm_edit_get_next_run_required (edit));
  g_clear_pointer (&changes, g_ptr_array_unref);
  aero_vm_edit_set_memory (edit, 1024 * MIB);
  g_assert_false (aero_vm_edit_get_next_run_required (edit));

  /* Guaranteed alone is hot-settable too (RUNNING_OR_PAUSED). */
  aero_vm_edit_set_guaranteed (edit, 256 * MIB);
  changes = aero_vm_edit_list_changes (edit);
  g_assert_cmpint (aero_vm_change_get_when (find_change (changes, "guaranteed")), ==, AERO_VM_CHANGE_HOTPLUG);
  g_clear_pointer (&changes, g_ptr_array_unref);
  aero_vm_edit_set_guaranteed (edit, 512 * MIB);

  /* More sockets hot plug; more cores do not. */
  aero_vm_edit_set_cpu_sockets (edit, 2);
  changes = aero_vm_edit_list_changes (edit);
  change = find_change (changes, "cpu");
  g_assert_cmpstr (aero_vm_change_get_label (change), ==, "Virtual CPUs");
  g_assert_cmpint (aero_vm_change_get_when (change), ==, AERO_VM_CHANGE_HOTPLUG);
  g_clear_pointer (&changes, g_ptr_array_unref);
  aero_vm_edit_set_cpu_cores (edit, 2);
  changes = aero_vm_edit_list_changes (edit);
  g_assert_cmpint (aero_vm_change_get_when (find_change (changes, "cpu")), ==, AERO_VM_CHANGE_NEXT_RUN);
  g_assert_true (aero_vm_edit_get_next_run_required (edit));
  g_clear_pointer (&changes, g_ptr_array_unref);
  aero_vm_edit_set_cpu_sockets (edit, 1);
  aero_vm_edit_set_cpu_cores (edit, 1);

  aero_vm_edit_set_vm_type (edit, AERO_VM_TYPE_DESKTOP);
  changes = aero_vm_edit_list_changes (edit);
  change = find_change (changes, "vm-type");
  g_assert_cmpstr (aero_vm_change_get_label (change), ==, "Optimized for");
  g_assert_cmpstr (aero_vm_change_get_old_value (change), ==, "Server");
  g_assert_cmpstr (aero_vm_change_get_new_value (change), ==, "Desktop");
  g_assert_cmpint (aero_vm_change_get_when (change), ==, AERO_VM_CHANGE_NEXT_RUN);
  g_clear_pointer (&changes, g_ptr_array_unref);

  /* The same as a list model. */
  model = aero_vm_edit_list_changes_model (edit);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);
  g_assert_true (g_list_model_get_item_type (model) == AERO_TYPE_VM_CHANGE);
}

static AeroVmChangeWhen
when_of (AeroVmEdit *edit,
         const char *field)
{
  g_autoptr(GPtrArray) changes = aero_vm_edit_list_changes (edit);
  AeroVmChange *change = find_change (changes, field);

  g_assert_nonnull (change);
  return aero_vm_change_get_when (change);
}

/* The engine's classification beyond the basic split: statuses, the
 * guest OS, the current maximum, a pending next-run configuration. */
static void
test_running_rules (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(AeroVm) up = make_vm ("up1", f->c47, AERO_VM_STATUS_UP, AERO_TRISTATE_TRUE);
  g_autoptr(AeroVm) paused = make_vm ("paused1", f->c47, AERO_VM_STATUS_PAUSED, AERO_TRISTATE_TRUE);
  g_autoptr(AeroVm) suspended = make_vm ("susp1", f->c47, AERO_VM_STATUS_SUSPENDED, AERO_TRISTATE_TRUE);
  g_autoptr(AeroVm) pending = make_vm ("pend1", f->c47, AERO_VM_STATUS_UP, AERO_TRISTATE_TRUE);
  g_autoptr(AeroVm) down = make_vm ("down1", f->c47, AERO_VM_STATUS_DOWN, AERO_TRISTATE_TRUE);
  g_autoptr(AeroVmEdit) edit = NULL;

  aero_vm_set_cpu_sockets (up, 2);
  aero_vm_set_os_type (up, "rhel_9x64");

  /* Fewer sockets: a Linux guest unplugs them live... */
  edit = aero_vm_edit_new_for_vm (up, G_LIST_MODEL (f->clusters));
  aero_vm_edit_set_cpu_sockets (edit, 1);
  g_assert_cmpint (when_of (edit, "cpu"), ==, AERO_VM_CHANGE_HOTPLUG);
  g_assert_false (aero_vm_edit_get_next_run_required (edit));
  g_clear_object (&edit);
  /* ...Windows cannot, and the engine would drop it. */
  aero_vm_set_os_type (up, "windows_11");
  edit = aero_vm_edit_new_for_vm (up, G_LIST_MODEL (f->clusters));
  aero_vm_edit_set_cpu_sockets (edit, 1);
  g_assert_cmpint (when_of (edit, "cpu"), ==, AERO_VM_CHANGE_NEXT_RUN);
  g_assert_true (aero_vm_edit_get_next_run_required (edit));
  aero_vm_edit_set_cpu_sockets (edit, 3);
  g_assert_cmpint (when_of (edit, "cpu"), ==, AERO_VM_CHANGE_HOTPLUG);
  g_assert_false (aero_vm_edit_get_next_run_required (edit));
  aero_vm_edit_set_cpu_sockets (edit, 2);

  /* Live, memory may not pass the current maximum, even when the maximum
   * grows in the same edit. */
  aero_vm_edit_set_max_memory (edit, 8192 * MIB);
  aero_vm_edit_set_memory (edit, 5120 * MIB);
  g_assert_cmpint (when_of (edit, "memory"), ==, AERO_VM_CHANGE_NEXT_RUN);
  g_assert_true (aero_vm_edit_get_next_run_required (edit));
  aero_vm_edit_set_memory (edit, 4096 * MIB);
  g_assert_cmpint (when_of (edit, "memory"), ==, AERO_VM_CHANGE_HOTPLUG);
  g_assert_false (aero_vm_edit_get_next_run_required (edit));

  /* CPU shares: editable on Down only. */
  aero_vm_edit_set_cpu_shares (edit, 1024);
  g_assert_cmpint (when_of (edit, "cpu-shares"), ==, AERO_VM_CHANGE_NEXT_RUN);
  g_assert_false (aero_vm_edit_get_next_run_required (edit));

  /* The cluster of a running VM cannot change at all. */
  g_assert_null (aero_vm_edit_get_cluster_error (edit));
  aero_vm_edit_set_cluster (edit, f->c40);
  g_assert_cmpstr (aero_vm_edit_get_cluster_error (edit), ==,
                   "The cluster of a running VM cannot be changed. Try stopping the VM first.");
  g_assert_false (aero_vm_edit_get_valid (edit));
  aero_vm_edit_set_cluster (edit, f->c47);
  g_assert_null (aero_vm_edit_get_cluster_error (edit));
  g_assert_true (aero_vm_edit_get_valid (edit));
  g_clear_object (&edit);

  /* Paused: no memory or CPU hot plug, but the guarantee is hot set. */
  edit = aero_vm_edit_new_for_vm (paused, G_LIST_MODEL (f->clusters));
  aero_vm_edit_set_memory (edit, 2048 * MIB);
  aero_vm_edit_set_guaranteed (edit, 1024 * MIB);
  aero_vm_edit_set_cpu_sockets (edit, 2);
  g_assert_cmpint (when_of (edit, "memory"), ==, AERO_VM_CHANGE_NEXT_RUN);
  g_assert_cmpint (when_of (edit, "cpu"), ==, AERO_VM_CHANGE_NEXT_RUN);
  g_assert_cmpint (when_of (edit, "guaranteed"), ==, AERO_VM_CHANGE_HOTPLUG);
  g_assert_false (aero_vm_edit_get_next_run_required (edit));
  /* A guarantee above the memory the VM keeps must wait. */
  aero_vm_edit_set_guaranteed (edit, 2048 * MIB);
  g_assert_cmpint (when_of (edit, "guaranteed"), ==, AERO_VM_CHANGE_NEXT_RUN);
  g_assert_true (aero_vm_edit_get_next_run_required (edit));
  g_clear_object (&edit);

  /* Paused is not "running" for the check against the current maximum;
   * powering up is, though memory waits there anyway. */
  edit = aero_vm_edit_new_for_vm (paused, G_LIST_MODEL (f->clusters));
  aero_vm_edit_set_max_memory (edit, 8192 * MIB);
  aero_vm_edit_set_guaranteed (edit, 1024 * MIB);
  aero_vm_edit_set_memory (edit, 6144 * MIB);
  g_assert_cmpint (when_of (edit, "memory"), ==, AERO_VM_CHANGE_NEXT_RUN);
  g_assert_false (aero_vm_edit_get_next_run_required (edit));
  g_clear_object (&edit);
  aero_vm_set_status (paused, AERO_VM_STATUS_POWERING_UP);
  edit = aero_vm_edit_new_for_vm (paused, G_LIST_MODEL (f->clusters));
  aero_vm_edit_set_max_memory (edit, 8192 * MIB);
  aero_vm_edit_set_guaranteed (edit, 1024 * MIB);
  aero_vm_edit_set_memory (edit, 6144 * MIB);
  g_assert_cmpint (when_of (edit, "memory"), ==, AERO_VM_CHANGE_NEXT_RUN);
  g_assert_true (aero_vm_edit_get_next_run_required (edit));
  g_clear_object (&edit);

  /* Suspended is not RUNNING_OR_PAUSED. */
  edit = aero_vm_edit_new_for_vm (suspended, G_LIST_MODEL (f->clusters));
  aero_vm_edit_set_guaranteed (edit, 256 * MIB);
  g_assert_cmpint (when_of (edit, "guaranteed"), ==, AERO_VM_CHANGE_NEXT_RUN);
  g_assert_true (aero_vm_edit_needs_next_run_confirmation (edit));
  g_clear_object (&edit);

  /* A pending next-run configuration would be replaced without next_run. */
  aero_vm_set_next_run_configuration_exists (pending, AERO_TRISTATE_TRUE);
  edit = aero_vm_edit_new_for_vm (pending, G_LIST_MODEL (f->clusters));
  aero_vm_edit_set_description (edit, "still now");
  g_assert_cmpint (when_of (edit, "description"), ==, AERO_VM_CHANGE_NOW);
  g_assert_true (aero_vm_edit_get_next_run_required (edit));
  aero_vm_edit_set_memory (edit, 1280 * MIB);
  g_assert_cmpint (when_of (edit, "memory"), ==, AERO_VM_CHANGE_NEXT_RUN);
  g_clear_object (&edit);

  /* A VM that is down: nothing of this. */
  edit = aero_vm_edit_new_for_vm (down, G_LIST_MODEL (f->clusters));
  aero_vm_edit_set_memory (edit, 1124 * MIB);
  aero_vm_edit_set_cluster (edit, f->c40);
  g_assert_false (aero_vm_edit_get_next_run_required (edit));
  g_assert_null (aero_vm_edit_get_cluster_error (edit));
}

static void
test_down_vm_applies_now (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(AeroVm) vm = make_vm ("vm1", f->c47, AERO_VM_STATUS_DOWN, AERO_TRISTATE_TRUE);
  g_autoptr(AeroVmEdit) edit = aero_vm_edit_new_for_vm (vm, G_LIST_MODEL (f->clusters));
  g_autoptr(GPtrArray) changes = NULL;

  aero_vm_edit_set_ballooning (edit, FALSE);
  aero_vm_edit_set_memory (edit, 4096 * MIB);
  g_assert_false (aero_vm_edit_get_running (edit));
  g_assert_false (aero_vm_edit_needs_next_run_confirmation (edit));
  changes = aero_vm_edit_list_changes (edit);
  g_assert_cmpuint (changes->len, ==, 4);
  for (guint i = 0; i < changes->len; i++)
    g_assert_cmpint (aero_vm_change_get_when (g_ptr_array_index (changes, i)), ==, AERO_VM_CHANGE_NOW);
}

static void
follow_engine (AeroVmEdit *edit,
               const char *text)
{
  AeroEngineVersion version;

  g_assert_true (aero_engine_version_parse (text, &version));
  aero_vm_edit_follow_engine (edit, &version);
}

/* From 4.4.8.1 the engine hot plugs memory in steps of the cluster's
 * architecture (ArchitectureType.getHotplugMemorySizeFactorMb): 128 MiB
 * on x86, 256 MiB on POWER. 128 MiB more for a running VM is hot plugged
 * on the one and waits for the next run on the other. */
static void
test_hotplug_step_architecture (Fixture       *f,
                                gconstpointer  data)
{
  static const struct { const char *arch; const char *engine; gboolean next_run; } cases[] = {
    { "x86_64", "4.5.6", FALSE },
    { NULL, "4.5.6", FALSE },
    { "ppc64le", "4.5.6", TRUE },
    { "ppc64", "4.4.8.1", TRUE },
    { "x86_64", "4.4.8.0", TRUE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(AeroVm) up = make_vm ("up1", f->c47, AERO_VM_STATUS_UP, AERO_TRISTATE_TRUE);
      g_autoptr(AeroVmEdit) edit = NULL;

      aero_cluster_set_architecture (f->c47, cases[i].arch);
      edit = aero_vm_edit_new_for_vm (up, G_LIST_MODEL (f->clusters));
      follow_engine (edit, cases[i].engine);
      aero_vm_edit_set_memory (edit, 1024 * MIB + 128 * MIB);
      g_test_message ("%s on %s", cases[i].arch, cases[i].engine);
      g_assert_cmpint (aero_vm_edit_get_next_run_required (edit), ==, cases[i].next_run);
      g_assert_cmpint (when_of (edit, "memory"), ==,
                       cases[i].next_run ? AERO_VM_CHANGE_NEXT_RUN : AERO_VM_CHANGE_HOTPLUG);
    }
}

/* Up to 4.4.7.3 the engine keeps any memory change of a running VM as a
 * next-run configuration too (UpdateVmCommand.memoryNextRunSnapshotRequired):
 * said where the changes are listed, for a release known to do so. */
static void
test_memory_copy_note (Fixture       *f,
                       gconstpointer  data)
{
  static const struct { const char *engine; AeroVmStatus status; gboolean memory; gboolean note; } cases[] = {
    { "4.4.7.3", AERO_VM_STATUS_UP, TRUE, TRUE },
    { "4.3.10", AERO_VM_STATUS_PAUSED, TRUE, TRUE },
    { "4.4.7.4", AERO_VM_STATUS_UP, TRUE, FALSE },
    { "4.4.7.3", AERO_VM_STATUS_DOWN, TRUE, FALSE },
    { "4.4.7.3", AERO_VM_STATUS_UP, FALSE, FALSE },
    { NULL, AERO_VM_STATUS_UP, TRUE, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(AeroVm) vm = make_vm ("vm1", f->c47, cases[i].status, AERO_TRISTATE_TRUE);
      g_autoptr(AeroVmEdit) edit = aero_vm_edit_new_for_vm (vm, G_LIST_MODEL (f->clusters));
      g_autofree char *note = NULL;

      if (cases[i].engine != NULL)
        follow_engine (edit, cases[i].engine);
      if (cases[i].memory)
        aero_vm_edit_set_memory (edit, 1280 * MIB);
      else
        aero_vm_edit_set_description (edit, "other");
      note = aero_vm_edit_dup_memory_copy_note (edit);
      g_test_message ("%s", note != NULL ? note : "(none)");
      g_assert_cmpint (note != NULL, ==, cases[i].note);
      if (note != NULL)
        g_assert_nonnull (strstr (note, cases[i].engine));
    }
}

static void
test_template_mode (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(AeroTemplate) tmpl = make_template ("t1", "base", 2048 * MIB, AERO_VM_TYPE_SERVER, 1);
  g_autoptr(AeroVmEdit) edit = NULL;
  g_autoptr(JsonNode) body = NULL;

  aero_template_set_cluster_id (tmpl, "c47");
  edit = aero_vm_edit_new_for_template (tmpl, G_LIST_MODEL (f->clusters));
  /* An engine before 3.6.1 cannot store a template's memory_policy. */
  follow_engine (edit, "3.6.0.3-1.el6");

  g_assert_cmpint (aero_vm_edit_get_mode (edit), ==, AERO_VM_EDIT_TEMPLATE);
  g_assert_false (aero_vm_edit_get_resource_allocation_editable (edit));
  g_assert_cmpstr (aero_vm_edit_get_resource_allocation_reason (edit), ==,
                   "The resource allocation of a template can be edited with oVirt Engine 3.6.1 "
                   "or later (this engine: 3.6.0.3).");
  g_assert_false (aero_vm_edit_get_ballooning_sensitive (edit));
  g_assert_false (aero_vm_edit_get_running (edit));
  g_assert_false (aero_vm_edit_get_has_changes (edit));

  /* Resource allocation writes are refused. */
  aero_vm_edit_set_guaranteed (edit, 1024 * MIB);
  aero_vm_edit_set_ballooning (edit, FALSE);
  aero_vm_edit_set_cpu_shares (edit, 2048);
  g_assert_cmpint (aero_vm_edit_get_guaranteed (edit), ==, 2048 * MIB);
  g_assert_cmpint (aero_vm_edit_get_cpu_shares (edit), ==, 0);
  g_assert_false (aero_vm_edit_get_has_changes (edit));

  /* Memory below the guaranteed memory the admin cannot reach: OK waits,
   * with the reason at Memory Size, never on the greyed tab. */
  aero_vm_edit_set_memory (edit, 1024 * MIB);
  g_assert_false (aero_vm_edit_get_valid (edit));
  g_assert_null (aero_vm_edit_get_guaranteed_error (edit));
  g_assert_cmpstr (aero_vm_edit_get_memory_error (edit), ==,
                   "Memory Size cannot be below the template's Physical Memory Guaranteed "
                   "(2048 MiB), which this engine cannot change.");

  /* Memory up: guaranteed is not derived for a template. */
  aero_vm_edit_set_name (edit, "base2");
  aero_vm_edit_set_memory (edit, 4096 * MIB);
  g_assert_true (aero_vm_edit_get_valid (edit));
  body = aero_vm_edit_build_body (edit);
  assert_json (body,
               "{\"name\": \"base2\", \"memory\": \"4294967296\","
               " \"memory_policy\": {\"max\": \"17179869184\"}}");
  g_clear_pointer (&body, json_node_unref);
  g_clear_object (&edit);

  /* Current engines store it (TemplateService.Update takes
   * memory_policy): the tab is the admin's, and the error of a guaranteed
   * memory above the memory size is on it. */
  edit = aero_vm_edit_new_for_template (tmpl, G_LIST_MODEL (f->clusters));
  follow_engine (edit, "4.5.4-1.el8");
  g_assert_true (aero_vm_edit_get_resource_allocation_editable (edit));
  g_assert_null (aero_vm_edit_get_resource_allocation_reason (edit));
  g_assert_true (aero_vm_edit_get_ballooning_sensitive (edit));
  aero_vm_edit_set_memory (edit, 1024 * MIB);
  g_assert_nonnull (aero_vm_edit_get_guaranteed_error (edit));
  g_assert_null (aero_vm_edit_get_memory_error (edit));
  aero_vm_edit_set_guaranteed (edit, 512 * MIB);
  aero_vm_edit_set_ballooning (edit, FALSE);
  g_assert_true (aero_vm_edit_get_valid (edit));
  body = aero_vm_edit_build_body (edit);
  assert_json (body,
               "{\"memory\": \"1073741824\","
               " \"memory_policy\": {\"guaranteed\": \"536870912\", \"max\": \"4294967296\","
               " \"ballooning\": \"false\"}}");
  g_clear_object (&edit);

  /* An engine that does not say its version is taken as a current one. */
  edit = aero_vm_edit_new_for_template (tmpl, G_LIST_MODEL (f->clusters));
  g_assert_true (aero_vm_edit_get_resource_allocation_editable (edit));
}

/* Issue 13: a new VM takes the balloon state of the chosen template. */
static void
test_template_balloon_state (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(AeroTemplate) off = make_template ("t-off", "no-balloon", 2048 * MIB, AERO_VM_TYPE_SERVER, 1);
  g_autoptr(AeroVmEdit) edit = new_vm_edit (f);
  g_autoptr(JsonNode) body = NULL;
  JsonObject *policy;

  aero_memory_policy_set_ballooning (aero_template_get_memory_policy (off), AERO_TRISTATE_FALSE);
  g_assert_true (aero_vm_edit_get_ballooning (edit));
  aero_vm_edit_set_template (edit, off);
  g_assert_false (aero_vm_edit_get_ballooning (edit));
  aero_vm_edit_set_name (edit, "from-off");
  body = aero_vm_edit_build_body (edit);
  policy = json_object_get_object_member (json_node_get_object (body), "memory_policy");
  g_assert_cmpstr (json_object_get_string_member (policy, "ballooning"), ==, "false");

  aero_vm_edit_set_template (edit, f->blank);
  g_assert_true (aero_vm_edit_get_ballooning (edit));
}

static void
test_cpu_shares_level (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(AeroVmEdit) edit = new_vm_edit (f);
  guint level_notifies = 0;

  g_signal_connect (edit, "notify::cpu-shares-level", G_CALLBACK (count_notify), &level_notifies);

  aero_vm_edit_set_cpu_shares_level (edit, AERO_CPU_SHARES_HIGH);
  g_assert_cmpint (aero_vm_edit_get_cpu_shares (edit), ==, 2048);
  g_assert_cmpuint (level_notifies, ==, 1);
  aero_vm_edit_set_cpu_shares_level (edit, AERO_CPU_SHARES_MEDIUM);
  g_assert_cmpint (aero_vm_edit_get_cpu_shares (edit), ==, 1024);

  /* Custom keeps the value for the user to change. */
  aero_vm_edit_set_cpu_shares_level (edit, AERO_CPU_SHARES_CUSTOM);
  g_assert_cmpint (aero_vm_edit_get_cpu_shares (edit), ==, 1024);
  g_assert_cmpint (aero_vm_edit_get_cpu_shares_level (edit), ==, AERO_CPU_SHARES_CUSTOM);
  aero_vm_edit_set_cpu_shares (edit, 700);
  g_assert_cmpint (aero_vm_edit_get_cpu_shares_level (edit), ==, AERO_CPU_SHARES_CUSTOM);

  aero_vm_edit_set_cpu_shares_level (edit, AERO_CPU_SHARES_DISABLED);
  g_assert_cmpint (aero_vm_edit_get_cpu_shares (edit), ==, 0);
  aero_vm_edit_set_cpu_shares (edit, 512);
  g_assert_cmpint (aero_vm_edit_get_cpu_shares_level (edit), ==, AERO_CPU_SHARES_LOW);
}

static void
test_bulk_plan (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GPtrArray) vms = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) plan = NULL;
  g_autoptr(AeroVersion) v42 = aero_version_new (4, 2);
  g_autoptr(JsonNode) body = NULL;
  AeroBulkBallooningItem *item;
  AeroVm *custom;

  g_ptr_array_add (vms, make_vm ("down-off", f->c47, AERO_VM_STATUS_DOWN, AERO_TRISTATE_FALSE));
  g_ptr_array_add (vms, make_vm ("up-off", f->c47, AERO_VM_STATUS_UP, AERO_TRISTATE_FALSE));
  g_ptr_array_add (vms, make_vm ("legacy", f->c30, AERO_VM_STATUS_DOWN, AERO_TRISTATE_FALSE));
  g_ptr_array_add (vms, make_vm ("already", f->c31, AERO_VM_STATUS_DOWN, AERO_TRISTATE_TRUE));
  g_ptr_array_add (vms, make_vm ("unknown", f->c47, AERO_VM_STATUS_DOWN, AERO_TRISTATE_UNKNOWN));
  custom = make_vm ("custom", f->c30, AERO_VM_STATUS_DOWN, AERO_TRISTATE_FALSE);
  aero_vm_set_custom_compatibility_version (custom, v42);
  g_ptr_array_add (vms, custom);
  /* An unknown flag on a 3.0 cluster is skipped for its level. */
  g_ptr_array_add (vms, make_vm ("legacy-unknown", f->c30, AERO_VM_STATUS_UP, AERO_TRISTATE_UNKNOWN));

  plan = aero_bulk_ballooning_plan (vms, G_LIST_MODEL (f->clusters), TRUE);
  g_assert_cmpuint (plan->len, ==, 7);

  item = g_ptr_array_index (plan, 0);
  g_assert_true (item->vm == g_ptr_array_index (vms, 0));
  g_assert_cmpint (item->action, ==, AERO_BULK_BALLOONING_CHANGE_NOW);
  g_assert_null (item->reason);
  item = g_ptr_array_index (plan, 1);
  g_assert_cmpint (item->action, ==, AERO_BULK_BALLOONING_CHANGE_NEXT_RUN);
  item = g_ptr_array_index (plan, 2);
  g_assert_cmpint (item->action, ==, AERO_BULK_BALLOONING_SKIP_LEVEL);
  g_assert_cmpstr (item->reason, ==, REASON_30);
  item = g_ptr_array_index (plan, 3);
  g_assert_cmpint (item->action, ==, AERO_BULK_BALLOONING_SKIP_ALREADY);
  g_assert_nonnull (item->reason);
  item = g_ptr_array_index (plan, 4);
  g_assert_cmpint (item->action, ==, AERO_BULK_BALLOONING_UNKNOWN);
  item = g_ptr_array_index (plan, 5);
  g_assert_cmpint (item->action, ==, AERO_BULK_BALLOONING_CHANGE_NOW);
  item = g_ptr_array_index (plan, 6);
  g_assert_cmpint (item->action, ==, AERO_BULK_BALLOONING_SKIP_LEVEL);

  g_assert_cmpuint (aero_bulk_ballooning_count (plan, AERO_BULK_BALLOONING_CHANGE_NOW), ==, 2);
  g_assert_cmpuint (aero_bulk_ballooning_count (plan, AERO_BULK_BALLOONING_SKIP_LEVEL), ==, 2);
  g_clear_pointer (&plan, g_ptr_array_unref);

  /* Disabling: the enabled one changes, the disabled ones are skipped. */
  plan = aero_bulk_ballooning_plan (vms, G_LIST_MODEL (f->clusters), FALSE);
  g_assert_cmpint (((AeroBulkBallooningItem *) g_ptr_array_index (plan, 0))->action, ==,
                   AERO_BULK_BALLOONING_SKIP_ALREADY);
  g_assert_cmpint (((AeroBulkBallooningItem *) g_ptr_array_index (plan, 3))->action, ==,
                   AERO_BULK_BALLOONING_CHANGE_NOW);
}

static void
test_reset_original_from_engine (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(AeroVm) vm = make_vm ("vm1", f->c47, AERO_VM_STATUS_DOWN, AERO_TRISTATE_TRUE);
  g_autoptr(AeroVmEdit) edit = aero_vm_edit_new_for_vm (vm, G_LIST_MODEL (f->clusters));
  g_autoptr(AeroVm) saved = aero_vm_copy (vm);

  aero_vm_edit_set_ballooning (edit, FALSE);
  aero_vm_edit_set_name (edit, "vm2");
  aero_vm_set_name (saved, "vm2");
  aero_memory_policy_set_ballooning (aero_vm_get_memory_policy (saved), AERO_TRISTATE_FALSE);

  aero_vm_edit_reset_original (edit, saved);
  g_assert_false (aero_vm_edit_get_has_changes (edit));
  g_assert_false (aero_vm_edit_get_ballooning (edit));
  g_assert_cmpstr (aero_vm_edit_get_name (edit), ==, "vm2");
  g_assert_cmpstr (aero_vm_get_name (aero_vm_edit_get_vm (edit)), ==, "vm2");
  g_assert_null (aero_vm_edit_build_body (edit));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/vm-edit/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("new-vm-defaults", test_new_vm_defaults);
  ADD ("memory-derivations", test_memory_derivations);
  ADD ("user-edits-stop-derivation", test_user_edits_stop_derivation);
  ADD ("mib-mirrors-do-not-round", test_mib_mirrors_do_not_round);
  ADD ("validation-messages", test_validation_messages);
  ADD ("new-vm-post-body", test_new_vm_post_body);
  ADD ("gated-cluster", test_gated_cluster);
  ADD ("high-performance", test_high_performance);
  ADD ("choose-template", test_choose_template);
  ADD ("edit-minimal-put", test_edit_minimal_put);
  ADD ("edit-vm-on-gated-cluster", test_edit_vm_on_gated_cluster);
  ADD ("ballooning-unknown", test_ballooning_unknown);
  ADD ("next-run-split", test_next_run_split);
  ADD ("memory-derivation", test_memory_derivation);
  ADD ("custom-version", test_custom_version);
  ADD ("new-vm-sends-empty-texts", test_new_vm_sends_empty_texts);
  ADD ("template-balloon-state", test_template_balloon_state);
  ADD ("running-rules", test_running_rules);
  ADD ("down-vm-applies-now", test_down_vm_applies_now);
  ADD ("template-mode", test_template_mode);
  ADD ("hotplug-step-architecture", test_hotplug_step_architecture);
  ADD ("memory-copy-note", test_memory_copy_note);
  ADD ("cpu-shares-level", test_cpu_shares_level);
  ADD ("bulk-plan", test_bulk_plan);
  ADD ("reset-original-from-engine", test_reset_original_from_engine);

#undef ADD

  return g_test_run ();
}
