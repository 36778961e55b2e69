/* test-demo-hosts.c - hosts on the wire, where VMs run, and MOM's balloon
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "aero-demo-engine.h"
#include "demo-client.h"

#define API "/ovirt-engine/api"
#define GIB G_GINT64_CONSTANT (1073741824)

static void
setup (DemoFixture   *fx,
       gconstpointer  data)
{
  AeroDemoEngine *engine = aero_demo_engine_new (GPOINTER_TO_UINT (data), 7);

  aero_demo_engine_set_frozen (engine, TRUE);
  demo_fixture_start (fx, engine);
}

static void
teardown (DemoFixture   *fx,
          gconstpointer  data)
{
  demo_fixture_stop (fx);
}

/* The datum of statistic @name in {"statistic": [...]}, or -1. */
static double
statistic (JsonObject *statistics,
           const char *name)
{
  JsonArray *list = json_object_get_array_member (statistics, "statistic");

  for (guint i = 0; i < json_array_get_length (list); i++)
    {
      JsonObject *s = json_array_get_object_element (list, i);

      if (g_str_equal (json_object_get_string_member (s, "name"), name))
        {
          JsonArray *values = json_object_get_array_member (json_object_get_object_member (s, "values"), "value");

          return json_node_get_double (json_object_get_member (json_array_get_object_element (values, 0), "datum"));
        }
    }
  return -1;
}

static JsonObject *
find_named (JsonArray  *items,
            const char *name)
{
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *item = json_array_get_object_element (items, i);

      if (g_strcmp0 (demo_get_string (item, "name"), name) == 0)
        return item;
    }
  g_error ("no %s", name);
}

static double
vm_statistic (DemoFixture *fx,
              const char  *vm,
              const char  *name)
{
  g_autofree char *id = demo_vm_id (fx, vm);
  g_autofree char *path = g_strdup_printf (API "/vms/%s/statistics", id);
  g_autoptr(DemoReply) reply = demo_request (fx, "GET", path, NULL);

  g_assert_cmpuint (reply->status, ==, 200);
  return statistic (demo_reply_object (reply), name);
}

static double
host_statistic (DemoFixture *fx,
                const char  *host,
                const char  *name)
{
  g_autoptr(DemoReply) list = demo_request (fx, "GET", API "/hosts?follow=statistics", NULL);
  JsonObject *h = find_named (demo_collection (list, "host"), host);

  return statistic (json_object_get_object_member (h, "statistics"), name);
}

static void
test_wire (DemoFixture   *fx,
           gconstpointer  data)
{
  g_autoptr(DemoReply) plain = demo_request (fx, "GET", API "/hosts", NULL);
  g_autoptr(DemoReply) followed = demo_request (fx, "GET", API "/hosts?follow=statistics", NULL);
  g_autoptr(DemoReply) one = demo_request (fx, "GET", API "/hosts/b0000000-0000-4000-8000-000000000004", NULL);
  g_autoptr(DemoReply) stats = demo_request (fx, "GET", API "/hosts/b0000000-0000-4000-8000-000000000004/statistics", NULL);
  g_autoptr(DemoReply) missing = demo_request (fx, "GET", API "/hosts/nope", NULL);
  g_autofree char *search = demo_search_path ("hosts", "cluster=Default", NULL);
  g_autoptr(DemoReply) found = demo_request (fx, "GET", search, NULL);
  g_autoptr(DemoReply) filtered = demo_request_full (fx, "GET", API "/hosts", DEMO_USER_BASIC, NULL,
                                                     "Filter", "true");
  JsonArray *hosts = demo_collection (followed, "host");
  JsonObject *host = demo_reply_object (one);

  g_assert_cmpuint (json_array_get_length (demo_collection (plain, "host")), ==, 6);
  g_assert_false (demo_has_member (json_array_get_object_element (demo_collection (plain, "host"), 0),
                                   "statistics"));
  g_assert_cmpuint (json_array_get_length (hosts), ==, 6);
  g_assert_true (demo_has_member (json_array_get_object_element (hosts, 0), "statistics.statistic"));

  /* Strings for longs and integers, as the engine writes them. */
  g_assert_cmpstr (demo_get_string (host, "name"), ==, "host-01");
  g_assert_cmpstr (demo_get_string (host, "memory"), ==, "34359738368");
  g_assert_cmpstr (demo_get_string (host, "status"), ==, "up");
  g_assert_cmpstr (demo_get_string (host, "cluster.id"), ==, "c0000000-0000-4000-8000-000000000004");
  g_assert_cmpstr (demo_get_string (host, "ksm.enabled"), ==, "false");
  g_assert_nonnull (demo_get_string (host, "max_scheduling_memory"));
  g_assert_cmpstr (demo_get_string (host, "summary.active"), ==, "6");
  g_assert_false (demo_has_member (host, "statistics"));

  /* HostStatisticalQuery's names; numbers for the datum. */
  g_assert_cmpfloat (statistic (demo_reply_object (stats), "memory.total"), ==, 32 * GIB);
  g_assert_cmpfloat (statistic (demo_reply_object (stats), "memory.used"), >, 0);
  g_assert_cmpfloat (statistic (demo_reply_object (stats), "memory.shared"), ==, 0);
  g_assert_cmpfloat (statistic (demo_reply_object (stats), "ksm.cpu.current"), ==, 0);
  g_assert_cmpfloat (statistic (demo_reply_object (stats), "swap.used"), >=, 0);
  g_assert_cmpfloat (statistic (demo_reply_object (stats), "memory.buffers"), ==, -1);

  g_assert_cmpuint (missing->status, ==, 404);
  g_assert_cmpuint (json_array_get_length (demo_collection (found, "host")), ==, 2);
  /* A filtered user sees no hosts. */
  g_assert_cmpuint (filtered->status, ==, 404);
}

static void
test_placement (DemoFixture   *fx,
                gconstpointer  data)
{
  g_autoptr(DemoReply) vms = demo_request (fx, "GET", API "/vms", NULL);
  g_autoptr(DemoReply) hosts = demo_request (fx, "GET", API "/hosts", NULL);
  g_autofree char *search = demo_search_path ("vms", "host=host-02", NULL);
  g_autoptr(DemoReply) on_host = demo_request (fx, "GET", search, NULL);
  g_autoptr(GHashTable) cluster_of = g_hash_table_new (g_str_hash, g_str_equal);
  JsonArray *list = demo_collection (vms, "vm");
  JsonArray *host_list = demo_collection (hosts, "host");
  guint placed = 0;

  for (guint i = 0; i < json_array_get_length (host_list); i++)
    {
      JsonObject *h = json_array_get_object_element (host_list, i);

      g_hash_table_insert (cluster_of, (gpointer) demo_get_string (h, "id"),
                           (gpointer) demo_get_string (h, "cluster.id"));
    }
  for (guint i = 0; i < json_array_get_length (list); i++)
    {
      JsonObject *vm = json_array_get_object_element (list, i);
      const char *status = demo_get_string (vm, "status");
      const char *host = demo_get_string (vm, "host.id");
      gboolean holds = g_str_equal (status, "up") || g_str_equal (status, "paused");

      g_assert_cmpint (host != NULL, ==, holds);
      if (host == NULL)
        continue;
      placed++;
      g_assert_cmpstr (g_hash_table_lookup (cluster_of, host), ==, demo_get_string (vm, "cluster.id"));
    }
  g_assert_cmpuint (placed, ==, 17);
  /* db-01, mon-01 and ci-runner-02 went to the host with most room. */
  g_assert_cmpuint (json_array_get_length (demo_collection (on_host, "vm")), ==, 3);
}

static void
test_balloon (DemoFixture   *fx,
              gconstpointer  data)
{
  g_autofree char *stable02 = demo_vm_id (fx, "stable-02");
  g_autofree char *stop_path = g_strdup_printf (API "/vms/%s/stop", stable02);
  g_autoptr(DemoReply) stop = NULL;
  double used_before, used_after;

  /* stable-host-01 (8 GiB) runs stable-01 (4 GiB, guaranteed 2, balloon)
   * and stable-02 (4 GiB, no balloon): short of memory, MOM takes memory
   * back from stable-01, towards its guaranteed memory (KSM merges some
   * too, so not all of it); stable-02 keeps all of its memory. */
  g_assert_cmpfloat (vm_statistic (fx, "stable-01", "memory.installed"), <, 4 * GIB);
  g_assert_cmpfloat (vm_statistic (fx, "stable-01", "memory.installed"), >, 2 * GIB);
  g_assert_cmpfloat (vm_statistic (fx, "stable-02", "memory.installed"), ==, 4 * GIB);
  used_before = host_statistic (fx, "stable-host-01", "memory.used");

  stop = demo_request (fx, "POST", stop_path, "{}");
  g_assert_cmpuint (stop->status, ==, 200);
  /* No pressure any more: the balloon gives stable-01 its memory back. */
  g_assert_cmpfloat (vm_statistic (fx, "stable-01", "memory.installed"), ==, 4 * GIB);
  used_after = host_statistic (fx, "stable-host-01", "memory.used");
  g_assert_cmpfloat (used_after, <, used_before);

  /* Overnight: balloon optimisation off in the cluster, so MOM takes nothing
   * back, even from a VM with a balloon; the host swaps. */
  g_assert_cmpfloat (vm_statistic (fx, "night-01", "memory.installed"), ==, 8 * GIB);
  g_assert_cmpfloat (host_statistic (fx, "night-host-01", "swap.used"), >, 0);
  g_assert_cmpfloat (host_statistic (fx, "night-host-01", "memory.free"), ==, 0);

  /* Default's host-02 (24 GiB) is so short that every balloon is down to
   * its guaranteed memory: ci-runner-02 8 -> 4 GiB; db-01 (guaranteed =
   * memory) has nothing to give. */
  g_assert_cmpfloat (vm_statistic (fx, "ci-runner-02", "memory.installed"), ==, 4 * GIB);
  g_assert_cmpfloat (vm_statistic (fx, "db-01", "memory.installed"), ==, 16 * GIB);
}

static void
test_scaled (DemoFixture   *fx,
             gconstpointer  data)
{
  g_autoptr(DemoReply) hosts = demo_request (fx, "GET", API "/hosts?follow=statistics", NULL);
  g_autoptr(DemoReply) root = demo_request (fx, "GET", API, NULL);

  /* One host per 20 VMs. */
  g_assert_cmpuint (json_array_get_length (demo_collection (hosts, "host")), ==, 50);
  g_assert_cmpstr (demo_get_string (demo_reply_object (root), "summary.hosts.total"), ==, "50");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/demo/hosts/wire", DemoFixture, NULL, setup, test_wire, teardown);
  g_test_add ("/demo/hosts/placement", DemoFixture, NULL, setup, test_placement, teardown);
  g_test_add ("/demo/hosts/balloon", DemoFixture, NULL, setup, test_balloon, teardown);
  g_test_add ("/demo/hosts/scaled", DemoFixture, GUINT_TO_POINTER (1000), setup, test_scaled, teardown);

  return g_test_run ();
}
