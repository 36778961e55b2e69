/* test-vm-conflict.c - lost updates: a member the admin changed that
 * someone else changed between the edit's read and its PUT
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "aero-json.h"
#include "aero-vm-conflict.h"
#include "aero-vm-edit.h"

#define GIB "1073741824"

/* A VM as the engine answers a single GET; @memory, @description and
 * @ballooning vary. */
static AeroVm *
vm_from (const char *memory,
         const char *description,
         const char *ballooning)
{
  g_autofree char *json = g_strdup_printf (
    "{\"id\": \"vm-1\", \"name\": \"web-01\", \"description\": \"%s\", \"status\": \"down\","
    " \"memory\": \"%s\", \"type\": \"server\","
    " \"memory_policy\": {\"guaranteed\": \"" GIB "\", \"max\": \"8589934592\", \"ballooning\": \"%s\"},"
    " \"cpu\": {\"topology\": {\"sockets\": \"1\", \"cores\": \"1\", \"threads\": \"1\"}},"
    " \"cluster\": {\"id\": \"cluster-1\"}}",
    description, memory, ballooning);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) root = aero_json_parse_object (json, -1, &error);

  g_assert_no_error (error);
  return aero_json_read_vm (root);
}

static GListStore *
clusters (void)
{
  GListStore *store = g_list_store_new (AERO_TYPE_CLUSTER);
  g_autoptr(AeroCluster) cluster = aero_cluster_new ();
  g_autoptr(AeroVersion) version = aero_version_new (4, 7);

  aero_cluster_set_id (cluster, "cluster-1");
  aero_cluster_set_name (cluster, "Default");
  aero_cluster_set_version (cluster, version);
  aero_cluster_set_overcommit_percent (cluster, 100);
  g_list_store_append (store, cluster);
  return store;
}

/* The admin's changes to @read: memory 2 GiB and ballooning off. */
static GPtrArray *
admin_changes (AeroVm *read)
{
  g_autoptr(GListStore) store = clusters ();
  g_autoptr(AeroVmEdit) edit = aero_vm_edit_new_for_vm (read, G_LIST_MODEL (store));

  aero_vm_edit_set_derive_memory (edit, FALSE);
  aero_vm_edit_set_memory (edit, 2 * G_GINT64_CONSTANT (1073741824));
  aero_vm_edit_set_ballooning (edit, FALSE);
  return aero_vm_edit_list_changes (edit);
}

static void
test_nobody_else (void)
{
  g_autoptr(AeroVm) read = vm_from (GIB, "web", "true");
  g_autoptr(AeroVm) current = vm_from (GIB, "web", "true");
  g_autoptr(GPtrArray) changes = admin_changes (read);
  g_autoptr(GPtrArray) conflicts = aero_vm_find_conflicts (read, current, changes);

  g_assert_cmpuint (changes->len, ==, 2);
  g_assert_cmpuint (conflicts->len, ==, 0);
}

/* Someone else changed a member the admin did not touch: no conflict,
 * the PUT (only the admin's members) keeps it. */
static void
test_other_member (void)
{
  g_autoptr(AeroVm) read = vm_from (GIB, "web", "true");
  g_autoptr(AeroVm) current = vm_from (GIB, "changed by someone else", "true");
  g_autoptr(GPtrArray) changes = admin_changes (read);
  g_autoptr(GPtrArray) conflicts = aero_vm_find_conflicts (read, current, changes);

  g_assert_cmpuint (conflicts->len, ==, 0);
}

/* A second writer changed the memory the admin changed too: both values
 * are there to show and ask. */
static void
test_same_member (void)
{
  g_autoptr(AeroVm) read = vm_from (GIB, "web", "true");
  g_autoptr(AeroVm) current = vm_from ("4294967296", "web", "true");
  g_autoptr(GPtrArray) changes = admin_changes (read);
  g_autoptr(GPtrArray) conflicts = aero_vm_find_conflicts (read, current, changes);
  AeroVmConflict *conflict;

  g_assert_cmpuint (conflicts->len, ==, 1);
  conflict = g_ptr_array_index (conflicts, 0);
  g_assert_cmpstr (aero_vm_conflict_get_field (conflict), ==, "memory");
  g_assert_nonnull (aero_vm_conflict_get_label (conflict));
  g_assert_nonnull (strstr (aero_vm_conflict_get_read_value (conflict), "1024"));
  g_assert_nonnull (strstr (aero_vm_conflict_get_current_value (conflict), "4096"));
  g_assert_nonnull (strstr (aero_vm_conflict_get_new_value (conflict), "2048"));
}

/* Both members changed by the other writer; and ballooning that became
 * unknown counts as changed, not as equal to off. */
static void
test_several (void)
{
  g_autoptr(AeroVm) read = vm_from (GIB, "web", "true");
  g_autoptr(AeroVm) current = vm_from ("4294967296", "web", "false");
  g_autoptr(GPtrArray) changes = admin_changes (read);
  g_autoptr(GPtrArray) conflicts = aero_vm_find_conflicts (read, current, changes);
  g_autoptr(GPtrArray) fields = g_ptr_array_new ();

  g_assert_cmpuint (conflicts->len, ==, 2);
  for (guint i = 0; i < conflicts->len; i++)
    g_ptr_array_add (fields, (gpointer) aero_vm_conflict_get_field (g_ptr_array_index (conflicts, i)));
  g_assert_true (g_ptr_array_find_with_equal_func (fields, "memory", g_str_equal, NULL));
  g_assert_true (g_ptr_array_find_with_equal_func (fields, "ballooning", g_str_equal, NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/vm-conflict/nobody-else", test_nobody_else);
  g_test_add_func ("/vm-conflict/other-member", test_other_member);
  g_test_add_func ("/vm-conflict/same-member", test_same_member);
  g_test_add_func ("/vm-conflict/several", test_several);

  return g_test_run ();
}
