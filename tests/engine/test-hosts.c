/* test-hosts.c - hosts on the wire, their list call, and the memory
 * picture of a host and of a cluster
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "aero-engine.h"
#include "aero-json.h"
#include "aero-memory-picture.h"
#include "fake-engine.h"

#define GIB G_GINT64_CONSTANT (1073741824)

/* As a 4.5 engine sends a host with follow=statistics (strings for
 * integers and longs, numbers for the statistics' datum). */
#define HOST_JSON \
  "{\"id\": \"h1\", \"name\": \"host-01\", \"address\": \"h1.example.com\", \"status\": \"up\"," \
  " \"cluster\": {\"href\": \"/ovirt-engine/api/clusters/c1\", \"id\": \"c1\"}," \
  " \"memory\": \"68719476736\", \"max_scheduling_memory\": \"21474836480\"," \
  " \"ksm\": {\"enabled\": \"true\", \"merge_across_nodes\": \"true\"}," \
  " \"summary\": {\"active\": \"3\", \"migrating\": \"0\", \"total\": \"3\"}," \
  " \"statistics\": {\"statistic\": [" \
  "  {\"name\": \"memory.total\", \"unit\": \"bytes\", \"type\": \"integer\", \"values\": {\"value\": [{\"datum\": 68719476736}]}}," \
  "  {\"name\": \"memory.used\", \"unit\": \"bytes\", \"type\": \"integer\", \"values\": {\"value\": [{\"datum\": 34359738368}]}}," \
  "  {\"name\": \"memory.free\", \"unit\": \"bytes\", \"type\": \"integer\", \"values\": {\"value\": [{\"datum\": 34359738368}]}}," \
  "  {\"name\": \"memory.shared\", \"unit\": \"bytes\", \"type\": \"integer\", \"values\": {\"value\": [{\"datum\": 0}]}}," \
  "  {\"name\": \"swap.used\", \"unit\": \"bytes\", \"type\": \"integer\", \"values\": {\"value\": [{\"datum\": \"1.073741824E9\"}]}}," \
  "  {\"name\": \"ksm.cpu.current\", \"unit\": \"percent\", \"type\": \"decimal\", \"values\": {\"value\": [{\"datum\": 1.5}]}}," \
  "  {\"name\": \"cpu.current.user\", \"unit\": \"percent\", \"type\": \"decimal\", \"values\": {\"value\": [{\"datum\": 12}]}}" \
  " ]}}"

static AeroHost *
read_host (const char *json)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) object = aero_json_parse_object (json, -1, &error);

  g_assert_no_error (error);
  return aero_json_read_host (object);
}

static void
test_read_host (void)
{
  g_autoptr(AeroHost) host = read_host (HOST_JSON);
  g_autoptr(AeroHost) bare = read_host ("{\"id\": \"h2\"}");
  g_autoptr(AeroHost) copy = NULL;
  gint64 buffers;

  g_assert_cmpstr (aero_host_get_id (host), ==, "h1");
  g_assert_cmpstr (aero_host_get_name (host), ==, "host-01");
  g_assert_cmpstr (aero_host_get_status (host), ==, "up");
  g_assert_cmpstr (aero_host_get_cluster_id (host), ==, "c1");
  g_assert_cmpint (aero_host_get_memory (host), ==, 64 * GIB);
  g_assert_cmpint (aero_host_get_max_scheduling_memory (host), ==, 20 * GIB);
  g_assert_cmpint (aero_host_get_ksm_enabled (host), ==, AERO_TRISTATE_TRUE);
  g_assert_cmpint (aero_host_get_vms_active (host), ==, 3);
  g_assert_cmpint (aero_host_get_memory_total (host), ==, 64 * GIB);
  g_assert_cmpint (aero_host_get_memory_used (host), ==, 32 * GIB);
  g_assert_cmpint (aero_host_get_memory_free (host), ==, 32 * GIB);
  /* Zero is a value, not "unset". */
  g_assert_cmpint (aero_host_get_memory_shared (host), ==, 0);
  g_assert_cmpint (aero_host_get_swap_used (host), ==, GIB);
  g_assert_cmpfloat (aero_host_get_ksm_cpu_current (host), ==, 1.5);
  /* A 4.4+ engine sends no memory.buffers. */
  g_object_get (host, "memory-buffers", &buffers, NULL);
  g_assert_cmpint (buffers, ==, AERO_UNSET);

  /* Without follow=statistics: everything unset, nothing zero. */
  g_assert_cmpint (aero_host_get_memory (bare), ==, AERO_UNSET);
  g_assert_cmpint (aero_host_get_memory_used (bare), ==, AERO_UNSET);
  g_assert_cmpint (aero_host_get_memory_shared (bare), ==, AERO_UNSET);
  g_assert_cmpint (aero_host_get_ksm_enabled (bare), ==, AERO_TRISTATE_UNKNOWN);
  g_assert_cmpfloat (aero_host_get_ksm_cpu_current (bare), ==, -1);

  copy = aero_host_copy (host);
  g_assert_cmpint (aero_host_get_memory_used (copy), ==, 32 * GIB);
  g_assert_cmpfloat (aero_host_get_ksm_cpu_current (copy), ==, 1.5);
  aero_host_update_from (copy, bare);
  g_assert_cmpstr (aero_host_get_id (copy), ==, "h2");
  g_assert_cmpint (aero_host_get_memory_used (copy), ==, AERO_UNSET);
  g_assert_cmpfloat (aero_host_get_ksm_cpu_current (copy), ==, -1);
}

static void
test_host_normalised (void)
{
  g_autoptr(AeroHost) host = read_host (HOST_JSON);
  g_autoptr(JsonNode) node = aero_json_host_to_normalised (host);
  g_autofree char *text = json_to_string (node, FALSE);

  g_assert_cmpstr (text, ==,
                   "{\"id\":\"h1\",\"name\":\"host-01\",\"status\":\"up\",\"cluster_id\":\"c1\","
                   "\"memory\":68719476736,\"max_scheduling_memory\":21474836480,"
                   "\"ksm_enabled\":true,\"vms_active\":3,\"statistics\":{"
                   "\"memory_total\":68719476736,\"memory_used\":34359738368,"
                   "\"memory_free\":34359738368,\"memory_shared\":0,\"memory_buffers\":null,"
                   "\"memory_cached\":null,\"swap_total\":null,\"swap_used\":1073741824,"
                   "\"swap_free\":null,\"ksm_cpu_current\":1.5}}");
}

static AeroVm *
vm_new (const char *host_id,
        const char *status,
        gint64      memory,
        gint64      guaranteed,
        const char *ballooning)
{
  g_autofree char *json = g_strdup_printf (
    "{\"id\": \"vm-%p\", \"status\": \"%s\", \"memory\": \"%" G_GINT64_FORMAT "\","
    " \"memory_policy\": {\"guaranteed\": \"%" G_GINT64_FORMAT "\"%s%s%s}%s%s%s}",
    (void *) &json, status, memory, guaranteed,
    ballooning != NULL ? ", \"ballooning\": \"" : "", ballooning != NULL ? ballooning : "",
    ballooning != NULL ? "\"" : "",
    host_id != NULL ? ", \"host\": {\"id\": \"" : "", host_id != NULL ? host_id : "",
    host_id != NULL ? "\"}" : "");
  g_autoptr(JsonObject) object = aero_json_parse_object (json, -1, NULL);

  g_assert_nonnull (object);
  return aero_json_read_vm (object);
}

static GListModel *
sample_vms (void)
{
  GListStore *vms = g_list_store_new (AERO_TYPE_VM);
  AeroVm *list[] = {
    /* On h1: two balloons (8-4, 4-2), one without (16-16 off). */
    vm_new ("h1", "up", 8 * GIB, 4 * GIB, "true"),
    vm_new ("h1", "paused", 4 * GIB, 2 * GIB, "true"),
    vm_new ("h1", "up", 16 * GIB, 8 * GIB, "false"),
    /* A down VM keeps its last host link in no engine; if it did, it
     * holds no memory. */
    vm_new ("h1", "down", 32 * GIB, 32 * GIB, "true"),
    /* Ballooning unknown (a list without all_content). */
    vm_new ("h1", "migrating", 2 * GIB, 1 * GIB, NULL),
    /* On h2, same cluster. */
    vm_new ("h2", "up", 64 * GIB, 16 * GIB, "true"),
    /* On h3, another cluster; and one with no host. */
    vm_new ("h3", "up", 8 * GIB, 8 * GIB, "true"),
    vm_new (NULL, "up", 8 * GIB, 8 * GIB, "true"),
  };

  for (guint i = 0; i < G_N_ELEMENTS (list); i++)
    {
      g_list_store_append (vms, list[i]);
      g_object_unref (list[i]);
    }
  return G_LIST_MODEL (vms);
}

static GListModel *
sample_hosts (void)
{
  GListStore *hosts = g_list_store_new (AERO_TYPE_HOST);
  g_autoptr(AeroHost) h1 = read_host (HOST_JSON);
  g_autoptr(AeroHost) h2 = read_host ("{\"id\": \"h2\", \"cluster\": {\"id\": \"c1\"}, \"memory\": \"34359738368\"}");
  g_autoptr(AeroHost) h3 = read_host ("{\"id\": \"h3\", \"cluster\": {\"id\": \"c2\"}, \"memory\": \"8589934592\"}");

  g_list_store_append (hosts, h1);
  g_list_store_append (hosts, h2);
  g_list_store_append (hosts, h3);
  return G_LIST_MODEL (hosts);
}

static void
test_picture_host (void)
{
  g_autoptr(GListModel) vms = sample_vms ();
  g_autoptr(AeroHost) host = read_host (HOST_JSON);
  g_autoptr(AeroMemoryPicture) picture = aero_memory_picture_new_for_host (host, vms);
  g_autoptr(AeroHost) empty = read_host ("{\"id\": \"h9\"}");
  g_autoptr(AeroMemoryPicture) nothing = aero_memory_picture_new_for_host (empty, vms);

  g_assert_cmpuint (aero_memory_picture_get_hosts (picture), ==, 1);
  g_assert_cmpuint (aero_memory_picture_get_running_vms (picture), ==, 4);
  g_assert_cmpuint (aero_memory_picture_get_incomplete_vms (picture), ==, 1);
  g_assert_cmpint (aero_memory_picture_get_physical (picture), ==, 64 * GIB);
  g_assert_cmpint (aero_memory_picture_get_used (picture), ==, 32 * GIB);
  g_assert_cmpint (aero_memory_picture_get_shared (picture), ==, 0);
  g_assert_cmpint (aero_memory_picture_get_max_free (picture), ==, 20 * GIB);
  g_assert_cmpint (aero_memory_picture_get_committed (picture), ==, (8 + 4 + 16 + 2) * GIB);
  g_assert_cmpint (aero_memory_picture_get_guaranteed (picture), ==, (4 + 2 + 8 + 1) * GIB);
  /* Only the balloons that are known to be there: 8-4 and 4-2. */
  g_assert_cmpint (aero_memory_picture_get_balloon_headroom (picture), ==, 6 * GIB);
  g_assert_cmpint (aero_memory_picture_get_committed_percent (picture), ==, 30 * 100 / 64);

  /* Nothing known of the host, nothing running on it. */
  g_assert_cmpint (aero_memory_picture_get_physical (nothing), ==, AERO_UNSET);
  g_assert_cmpint (aero_memory_picture_get_used (nothing), ==, AERO_UNSET);
  g_assert_cmpint (aero_memory_picture_get_committed (nothing), ==, 0);
  g_assert_cmpint (aero_memory_picture_get_balloon_headroom (nothing), ==, 0);
  g_assert_cmpint (aero_memory_picture_get_committed_percent (nothing), ==, -1);
}

static void
test_picture_cluster (void)
{
  g_autoptr(GListModel) vms = sample_vms ();
  g_autoptr(GListModel) hosts = sample_hosts ();
  g_autoptr(AeroMemoryPicture) c1 = aero_memory_picture_new_for_cluster ("c1", hosts, vms);
  g_autoptr(AeroMemoryPicture) c2 = aero_memory_picture_new_for_cluster ("c2", hosts, vms);
  g_autoptr(AeroMemoryPicture) none = aero_memory_picture_new_for_cluster ("c3", hosts, vms);

  g_assert_cmpuint (aero_memory_picture_get_hosts (c1), ==, 2);
  g_assert_cmpuint (aero_memory_picture_get_running_vms (c1), ==, 5);
  g_assert_cmpint (aero_memory_picture_get_physical (c1), ==, 96 * GIB);
  /* h2 sent no statistics: the sum is h1's alone. */
  g_assert_cmpint (aero_memory_picture_get_used (c1), ==, 32 * GIB);
  g_assert_cmpint (aero_memory_picture_get_committed (c1), ==, 94 * GIB);
  g_assert_cmpint (aero_memory_picture_get_guaranteed (c1), ==, 31 * GIB);
  g_assert_cmpint (aero_memory_picture_get_balloon_headroom (c1), ==, (6 + 48) * GIB);
  g_assert_cmpint (aero_memory_picture_get_committed_percent (c1), ==, 97);

  g_assert_cmpuint (aero_memory_picture_get_hosts (c2), ==, 1);
  g_assert_cmpint (aero_memory_picture_get_committed (c2), ==, 8 * GIB);
  g_assert_cmpint (aero_memory_picture_get_balloon_headroom (c2), ==, 0);
  g_assert_cmpint (aero_memory_picture_get_committed_percent (c2), ==, 100);

  g_assert_cmpuint (aero_memory_picture_get_hosts (none), ==, 0);
  g_assert_cmpint (aero_memory_picture_get_physical (none), ==, AERO_UNSET);
  g_assert_cmpint (aero_memory_picture_get_committed_percent (none), ==, -1);
}

static void
test_picture_normalised (void)
{
  g_autoptr(GListModel) vms = sample_vms ();
  g_autoptr(AeroHost) empty = read_host ("{\"id\": \"h9\"}");
  g_autoptr(AeroMemoryPicture) nothing = aero_memory_picture_new_for_host (empty, vms);
  g_autoptr(JsonNode) node = aero_json_memory_picture_to_normalised (nothing);
  g_autofree char *text = json_to_string (node, FALSE);

  /* Unknown stays null, a sum of nothing is 0. */
  g_assert_cmpstr (text, ==,
                   "{\"hosts\":1,\"running_vms\":0,\"incomplete_vms\":0,\"physical\":null,"
                   "\"used\":null,\"shared\":null,\"max_free\":null,\"guaranteed\":0,"
                   "\"committed\":0,\"committed_percent\":null,\"balloon_headroom\":0}");
}

static void
test_unprotected (void)
{
  g_autoptr(AeroCluster) cluster = aero_cluster_new ();

  aero_cluster_set_overcommit_percent (cluster, 200);
  aero_cluster_set_ksm_enabled (cluster, AERO_TRISTATE_FALSE);
  /* Ballooning unknown: nothing to say. */
  g_assert_false (aero_memory_picture_cluster_unprotected (cluster));
  aero_cluster_set_ballooning_enabled (cluster, AERO_TRISTATE_FALSE);
  g_assert_true (aero_memory_picture_cluster_unprotected (cluster));
  aero_cluster_set_ksm_enabled (cluster, AERO_TRISTATE_TRUE);
  g_assert_false (aero_memory_picture_cluster_unprotected (cluster));
  aero_cluster_set_ksm_enabled (cluster, AERO_TRISTATE_FALSE);
  aero_cluster_set_overcommit_percent (cluster, 100);
  g_assert_false (aero_memory_picture_cluster_unprotected (cluster));
}

static void
test_list_hosts (FakeFixture   *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GListModel) hosts = NULL;
  g_autoptr(AeroHost) first = NULL;
  FakeRequest *request;

  fake_engine_set_response (fixture->fake, "GET", "/hosts", 200, "application/json",
                            "{\"host\": [" HOST_JSON ", {\"id\": \"h2\", \"name\": \"host-02\"}]}");
  aero_engine_list_hosts_async (fixture->engine, "cluster=Default", NULL, NULL, NULL,
                                fake_async_result_cb, &result);
  hosts = aero_engine_list_hosts_finish (fixture->engine, fake_wait_for_result (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (hosts), ==, 2);
  first = g_list_model_get_item (hosts, 0);
  /* The statistics came with the list, through the stream parser. */
  g_assert_cmpint (aero_host_get_memory_used (first), ==, 32 * GIB);
  g_assert_cmpfloat (aero_host_get_ksm_cpu_current (first), ==, 1.5);

  /* One request for the whole list, statistics included. */
  g_assert_cmpuint (fake_engine_get_requests (fixture->fake)->len, ==, 1);
  request = fake_engine_find_request (fixture->fake, "GET", "/ovirt-engine/api/hosts");
  g_assert_nonnull (request);
  g_assert_cmpstr (request->query, ==, "search=cluster%3DDefault&follow=statistics");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/hosts/read", test_read_host);
  g_test_add_func ("/hosts/normalised", test_host_normalised);
  g_test_add_func ("/hosts/picture-host", test_picture_host);
  g_test_add_func ("/hosts/picture-cluster", test_picture_cluster);
  g_test_add_func ("/hosts/picture-normalised", test_picture_normalised);
  g_test_add_func ("/hosts/unprotected", test_unprotected);
  g_test_add ("/hosts/list", FakeFixture, NULL, fake_fixture_set_up_logged_in,
              test_list_hosts, fake_fixture_tear_down);

  return g_test_run ();
}
