/* test-demo-rules.c - the engine's rules and messages in the demo engine:
 * adding and editing VMs, clusters and templates, next-run configurations,
 * memory hot plug, run once, statistics, the device view and the filtered
 * user; checked from raw HTTP
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "demo-client.h"

#define GIB G_GINT64_CONSTANT (1073741824)
#define MIB G_GINT64_CONSTANT (1048576)
#define CLUSTER_LEGACY "/ovirt-engine/api/clusters/c0000000-0000-4000-8000-000000000001"
#define CLUSTER_PROD31 "/ovirt-engine/api/clusters/c0000000-0000-4000-8000-000000000002"
#define CLUSTER_STABLE "/ovirt-engine/api/clusters/c0000000-0000-4000-8000-000000000003"
#define CLUSTER_DEFAULT "/ovirt-engine/api/clusters/c0000000-0000-4000-8000-000000000004"
#define TEMPLATE_RHEL "/ovirt-engine/api/templates/70000000-0000-4000-8000-000000000001"

static void
setup (DemoFixture   *fx,
       gconstpointer  data)
{
  AeroDemoEngine *engine = aero_demo_engine_new (0, 0);

  /* Only the statistics test wants a moving clock. */
  aero_demo_engine_set_frozen (engine, data == NULL);
  demo_fixture_start (fx, engine);
}

static void
teardown (DemoFixture   *fx,
          gconstpointer  data)
{
  demo_fixture_stop (fx);
}

static char *
vm_path (DemoFixture *fx,
         const char  *name,
         const char  *suffix)
{
  g_autofree char *id = demo_vm_id (fx, name);

  return g_strdup_printf ("/ovirt-engine/api/vms/%s%s", id, suffix != NULL ? suffix : "");
}

static DemoReply *
vm_request (DemoFixture *fx,
            const char  *method,
            const char  *name,
            const char  *suffix,
            const char  *body)
{
  g_autofree char *path = vm_path (fx, name, suffix);

  return demo_request (fx, method, path, body);
}

static gint64
long_member (JsonObject *o,
             const char *path)
{
  const char *s = demo_get_string (o, path);

  g_assert_nonnull (s);
  return g_ascii_strtoll (s, NULL, 10);
}

/* ---- adding VMs ---- */

static void
test_add_incomplete (DemoFixture   *fx,
                     gconstpointer  data)
{
  g_autoptr(DemoReply) no_cluster = demo_request (fx, "POST", "/ovirt-engine/api/vms",
                                                  "{\"name\": \"new-01\", \"template\": {\"name\": \"Blank\"}}");
  g_autoptr(DemoReply) no_name = demo_request (fx, "POST", "/ovirt-engine/api/vms",
                                               "{\"cluster\": {\"name\": \"Default\"}, \"template\": {\"name\": \"Blank\"}}");
  g_autoptr(DemoReply) no_template = demo_request (fx, "POST", "/ovirt-engine/api/vms",
                                                   "{\"name\": \"new-01\", \"cluster\": {\"name\": \"Default\"}}");

  demo_assert_fault (no_cluster, 400, "Incomplete parameters", "Vm [cluster.id|name] required for add");
  demo_assert_fault (no_name, 400, "Incomplete parameters", "Vm [name] required for add");
  demo_assert_fault (no_template, 400, "Incomplete parameters", "Vm [template.id|name] required for add");
}

static void
test_add_rules (DemoFixture   *fx,
                gconstpointer  data)
{
  g_autoptr(DemoReply) taken = demo_request (fx, "POST", "/ovirt-engine/api/vms",
    "{\"name\": \"web-01\", \"cluster\": {\"name\": \"Default\"}, \"template\": {\"name\": \"Blank\"}}");
  g_autoptr(DemoReply) guaranteed = demo_request (fx, "POST", "/ovirt-engine/api/vms",
    "{\"name\": \"new-01\", \"cluster\": {\"name\": \"Default\"}, \"template\": {\"name\": \"Blank\"},"
    " \"memory\": \"2147483648\", \"memory_policy\": {\"guaranteed\": \"3221225472\"}}");
  g_autoptr(DemoReply) max = demo_request (fx, "POST", "/ovirt-engine/api/vms",
    "{\"name\": \"new-01\", \"cluster\": {\"name\": \"Default\"}, \"template\": {\"name\": \"Blank\"},"
    " \"memory\": \"8589934592\", \"memory_policy\": {\"max\": \"4294967296\", \"guaranteed\": \"1073741824\"}}");
  g_autoptr(DemoReply) bad_name = demo_request (fx, "POST", "/ovirt-engine/api/vms",
    "{\"name\": \"new 01!\", \"cluster\": {\"name\": \"Default\"}, \"template\": {\"name\": \"Blank\"}}");
  g_autoptr(DemoReply) no_such_cluster = demo_request (fx, "POST", "/ovirt-engine/api/vms",
    "{\"name\": \"new-01\", \"cluster\": {\"name\": \"Nowhere\"}, \"template\": {\"name\": \"Blank\"}}");
  g_autoptr(DemoReply) garbage = demo_request (fx, "POST", "/ovirt-engine/api/vms", "{not json");

  demo_assert_fault (taken, 409, "Operation Failed",
                     "[Cannot add VM. The VM name is already in use, please choose a unique name and try again.]");
  demo_assert_fault (guaranteed, 400, "Operation Failed",
                     "[Cannot add VM. Physical Memory Guaranteed cannot exceed Memory Size.]");
  demo_assert_fault (max, 409, "Operation Failed",
                     "[Cannot add VM. Memory size (8192MB) cannot exceed maximum memory size (4096MB).]");
  demo_assert_fault (bad_name, 400, "Operation Failed", NULL);
  g_assert_cmpuint (no_such_cluster->status, ==, 404);
  g_assert_cmpuint (garbage->status, ==, 400);
}

static void
test_add_defaults (DemoFixture   *fx,
                   gconstpointer  data)
{
  g_autoptr(DemoReply) created = demo_request (fx, "POST", "/ovirt-engine/api/vms",
    "{\"name\": \"new-01\", \"cluster\": {\"name\": \"Default\"}, \"template\": {\"name\": \"Blank\"},"
    " \"memory\": \"2147483648\"}");
  g_autoptr(DemoReply) fetched = NULL;
  const char *location = soup_message_headers_get_one (created->headers, "Location");
  JsonObject *vm = demo_reply_object (created);

  g_assert_cmpuint (created->status, ==, 201);
  g_assert_nonnull (location);
  g_assert_true (g_str_has_prefix (location, fx->base));
  g_assert_true (g_str_has_suffix (location, demo_get_string (vm, "id")));
  g_assert_cmpstr (demo_get_string (vm, "status"), ==, "down");
  /* New VMs get a balloon by default. */
  g_assert_cmpstr (demo_get_string (vm, "memory_policy.ballooning"), ==, "true");
  g_assert_cmpint (long_member (vm, "memory"), ==, 2 * GIB);
  /* Derived like the admin portal: memory * 100 / over-commit (150 %),
   * and four times the memory as the maximum. */
  g_assert_cmpint (long_member (vm, "memory_policy.guaranteed"), ==, 2 * GIB * 100 / 150);
  g_assert_cmpint (long_member (vm, "memory_policy.max"), ==, 8 * GIB);
  g_assert_cmpstr (demo_get_string (vm, "template.id"), ==, "00000000-0000-0000-0000-000000000000");

  fetched = demo_request (fx, "GET", strstr (location, "/ovirt-engine/api/"), NULL);
  g_assert_cmpuint (fetched->status, ==, 200);
  g_assert_cmpstr (demo_get_string (demo_reply_object (fetched), "name"), ==, "new-01");
}

static void
test_add_ballooning (DemoFixture   *fx,
                     gconstpointer  data)
{
  g_autoptr(DemoReply) hp = demo_request (fx, "POST", "/ovirt-engine/api/vms",
    "{\"name\": \"hp-new\", \"type\": \"high_performance\", \"cluster\": {\"name\": \"Default\"},"
    " \"template\": {\"name\": \"Blank\"}}");
  g_autoptr(DemoReply) hp_on = demo_request (fx, "POST", "/ovirt-engine/api/vms",
    "{\"name\": \"hp-on\", \"type\": \"high_performance\", \"cluster\": {\"name\": \"Default\"},"
    " \"template\": {\"name\": \"Blank\"}, \"memory_policy\": {\"ballooning\": \"true\"}}");
  g_autoptr(DemoReply) legacy = demo_request (fx, "POST", "/ovirt-engine/api/vms",
    "{\"name\": \"legacy-new\", \"cluster\": {\"name\": \"Legacy\"}, \"template\": {\"name\": \"Blank\"},"
    " \"memory_policy\": {\"ballooning\": \"true\"}}");
  g_autoptr(DemoReply) prod31 = demo_request (fx, "POST", "/ovirt-engine/api/vms",
    "{\"name\": \"prod-new\", \"cluster\": {\"name\": \"Production-3.1\"}, \"template\": {\"name\": \"Blank\"},"
    " \"memory_policy\": {\"ballooning\": \"TRUE\"}}");
  g_autoptr(DemoReply) ccv = demo_request (fx, "POST", "/ovirt-engine/api/vms",
    "{\"name\": \"ccv-new\", \"cluster\": {\"name\": \"Default\"}, \"template\": {\"name\": \"Blank\"},"
    " \"custom_compatibility_version\": {\"major\": \"3\", \"minor\": \"0\"},"
    " \"memory_policy\": {\"ballooning\": \"true\"}}");
  /* Native JSON numbers and booleans are accepted on input. */
  g_autoptr(DemoReply) native = demo_request (fx, "POST", "/ovirt-engine/api/vms",
    "{\"name\": \"native-new\", \"cluster\": {\"id\": \"c0000000-0000-4000-8000-000000000004\"},"
    " \"template\": {\"id\": \"70000000-0000-4000-8000-000000000001\"}, \"memory\": 1073741824,"
    " \"memory_policy\": {\"ballooning\": false, \"guaranteed\": 536870912, \"max\": 2147483648}}");
  g_autoptr(DemoReply) legacy_get = NULL;
  g_autofree char *legacy_path = NULL;

  g_assert_cmpuint (hp->status, ==, 201);
  g_assert_cmpstr (demo_get_string (demo_reply_object (hp), "memory_policy.ballooning"), ==, "false");
  g_assert_cmpstr (demo_get_string (demo_reply_object (hp_on), "memory_policy.ballooning"), ==, "true");
  /* Below 3.1 the device is silently dropped. */
  g_assert_cmpuint (legacy->status, ==, 201);
  g_assert_cmpstr (demo_get_string (demo_reply_object (legacy), "memory_policy.ballooning"), ==, "false");
  legacy_path = g_strdup_printf ("/ovirt-engine/api/vms/%s", demo_get_string (demo_reply_object (legacy), "id"));
  legacy_get = demo_request (fx, "GET", legacy_path, NULL);
  g_assert_cmpstr (demo_get_string (demo_reply_object (legacy_get), "memory_policy.ballooning"), ==, "false");
  g_assert_cmpstr (demo_get_string (demo_reply_object (prod31), "memory_policy.ballooning"), ==, "true");
  g_assert_cmpstr (demo_get_string (demo_reply_object (ccv), "memory_policy.ballooning"), ==, "false");
  g_assert_cmpstr (demo_get_string (demo_reply_object (ccv), "custom_compatibility_version.major"), ==, "3");
  g_assert_cmpuint (native->status, ==, 201);
  g_assert_cmpstr (demo_get_string (demo_reply_object (native), "memory_policy.ballooning"), ==, "false");
  g_assert_cmpint (long_member (demo_reply_object (native), "memory"), ==, GIB);
  g_assert_cmpint (long_member (demo_reply_object (native), "memory_policy.guaranteed"), ==, GIB / 2);
}

/* ---- editing VMs ---- */

static void
test_update_rules (DemoFixture   *fx,
                   gconstpointer  data)
{
  g_autoptr(DemoReply) guaranteed = vm_request (fx, "PUT", "web-03", NULL,
                                                "{\"memory_policy\": {\"guaranteed\": \"8589934592\"}}");
  g_autoptr(DemoReply) max = vm_request (fx, "PUT", "web-03", NULL, "{\"memory\": \"34359738368\"}");
  g_autoptr(DemoReply) taken = vm_request (fx, "PUT", "web-03", NULL, "{\"name\": \"web-01\"}");
  g_autoptr(DemoReply) ok = vm_request (fx, "PUT", "web-03", NULL,
                                        "{\"description\": \"edited\", \"memory_policy\": {\"ballooning\": \"false\"}}");
  g_autoptr(DemoReply) legacy = vm_request (fx, "PUT", "legacy-web", NULL,
                                            "{\"memory_policy\": {\"ballooning\": \"true\"}}");
  g_autoptr(DemoReply) tiny = vm_request (fx, "PUT", "web-03", NULL,
                                          "{\"memory\": \"1024\", \"memory_policy\": {\"guaranteed\": \"0\"}}");
  g_autoptr(DemoReply) unicode = vm_request (fx, "PUT", "web-04", NULL, "{\"name\": \"web-\u00e9t\u00e9\"}");
  g_autoptr(DemoReply) after = vm_request (fx, "GET", "web-03", NULL, NULL);

  demo_assert_fault (tiny, 400, "Operation Failed", NULL);
  g_assert_cmpuint (unicode->status, ==, 200);
  g_assert_cmpstr (demo_get_string (demo_reply_object (unicode), "name"), ==, "web-\u00e9t\u00e9");
  demo_assert_fault (guaranteed, 400, "Operation Failed",
                     "[Cannot edit VM. Physical Memory Guaranteed cannot exceed Memory Size.]");
  demo_assert_fault (max, 409, "Operation Failed",
                     "[Cannot edit VM. Memory size (32768MB) cannot exceed maximum memory size (16384MB).]");
  demo_assert_fault (taken, 409, "Operation Failed",
                     "[Cannot edit VM. The VM name is already in use, please choose a unique name and try again.]");
  /* A down VM takes every change at once. */
  g_assert_cmpuint (ok->status, ==, 200);
  g_assert_cmpstr (demo_get_string (demo_reply_object (after), "description"), ==, "edited");
  g_assert_cmpstr (demo_get_string (demo_reply_object (after), "memory_policy.ballooning"), ==, "false");
  g_assert_cmpstr (demo_get_string (demo_reply_object (after), "next_run_configuration_exists"), ==, "false");
  /* Below 3.1 the balloon cannot be turned on: it reads back false. */
  g_assert_cmpuint (legacy->status, ==, 200);
  g_assert_cmpstr (demo_get_string (demo_reply_object (legacy), "memory_policy.ballooning"), ==, "false");
}

static void
test_delete (DemoFixture   *fx,
             gconstpointer  data)
{
  g_autofree char *path = vm_path (fx, "web-04", NULL);
  g_autoptr(DemoReply) running = vm_request (fx, "DELETE", "web-01", NULL, NULL);
  g_autoptr(DemoReply) removed = demo_request (fx, "DELETE", path, NULL);
  g_autoptr(DemoReply) gone = demo_request (fx, "GET", path, NULL);

  demo_assert_fault (running, 409, "Operation Failed", "[Cannot remove VM. VM is running.]");
  g_assert_cmpuint (removed->status, ==, 200);
  g_assert_cmpuint (gone->status, ==, 404);
}

/* ---- clusters and templates ---- */

static void
test_cluster_rules (DemoFixture   *fx,
                    gconstpointer  data)
{
  g_autoptr(DemoReply) no_optimization = demo_request (fx, "PUT", CLUSTER_DEFAULT, "{\"ballooning_enabled\": \"false\"}");
  g_autoptr(DemoReply) with_ksm = demo_request (fx, "PUT", CLUSTER_DEFAULT,
                                                "{\"ballooning_enabled\": \"false\", \"ksm\": {\"enabled\": \"true\"}}");
  g_autoptr(DemoReply) legacy_overcommit = demo_request (fx, "PUT", CLUSTER_LEGACY,
                                                         "{\"memory_policy\": {\"over_commit\": {\"percent\": \"150\"}}}");
  g_autoptr(DemoReply) legacy_balloon = demo_request (fx, "PUT", CLUSTER_LEGACY, "{\"ballooning_enabled\": \"true\"}");
  g_autoptr(DemoReply) prod_balloon = demo_request (fx, "PUT", CLUSTER_PROD31, "{\"ballooning_enabled\": \"true\"}");
  g_autoptr(DemoReply) stable = demo_request (fx, "PUT", CLUSTER_STABLE,
                                              "{\"memory_policy\": {\"over_commit\": {\"percent\": \"100\"},"
                                              " \"transparent_hugepages\": {\"enabled\": \"false\"}}}");
  g_autoptr(DemoReply) name = demo_request (fx, "PUT", CLUSTER_STABLE, "{\"name\": \"Legacy\"}");
  g_autoptr(DemoReply) check = demo_request (fx, "GET", CLUSTER_DEFAULT, NULL);

  demo_assert_fault (no_optimization, 409, "Operation Failed",
                     "[KSM or ballooning must be enabled to allow memory optimization.]");
  g_assert_cmpuint (with_ksm->status, ==, 200);
  g_assert_cmpstr (demo_get_string (demo_reply_object (with_ksm), "ballooning_enabled"), ==, "false");
  g_assert_cmpstr (demo_get_string (demo_reply_object (with_ksm), "ksm.enabled"), ==, "true");
  g_assert_cmpstr (demo_get_string (demo_reply_object (check), "ksm.enabled"), ==, "true");
  demo_assert_fault (legacy_overcommit, 409, "Operation Failed",
                     "[KSM or ballooning must be enabled to allow memory optimization.]");
  /* No engine from 4.3 on refuses cluster ballooning by level
   * (UpdateClusterCommand, ClusterValidator): the 3.3 gate is the
   * client's, for old engines. */
  g_assert_cmpuint (legacy_balloon->status, ==, 200);
  g_assert_cmpstr (demo_get_string (demo_reply_object (legacy_balloon), "ballooning_enabled"), ==, "true");
  g_assert_cmpuint (prod_balloon->status, ==, 200);
  g_assert_cmpuint (stable->status, ==, 200);
  g_assert_cmpstr (demo_get_string (demo_reply_object (stable), "memory_policy.over_commit.percent"), ==, "100");
  g_assert_cmpstr (demo_get_string (demo_reply_object (stable), "memory_policy.transparent_hugepages.enabled"), ==, "false");
  demo_assert_fault (name, 409, "Operation Failed", "[Cannot edit Cluster. Cluster name is already in use.]");
}

/* checkMaxMemoryOverCommitValue (ovirt-engine:
 * backend/manager/modules/bll/.../ClusterOperationCommandBase.java): an
 * over-commit <= 0 is not refused but stored as 100. */
static void
test_cluster_overcommit_not_positive (DemoFixture   *fx,
                                      gconstpointer  data)
{
  g_autoptr(DemoReply) zero = demo_request (fx, "PUT", CLUSTER_STABLE,
                                            "{\"memory_policy\": {\"over_commit\": {\"percent\": \"0\"},"
                                            " \"transparent_hugepages\": {\"enabled\": \"false\"}}}");
  g_autoptr(DemoReply) fifty = demo_request (fx, "PUT", CLUSTER_STABLE,
                                             "{\"memory_policy\": {\"over_commit\": {\"percent\": \"50\"},"
                                             " \"transparent_hugepages\": {\"enabled\": \"false\"}}}");
  g_autoptr(DemoReply) negative = demo_request (fx, "PUT", CLUSTER_PROD31,
                                                "{\"memory_policy\": {\"over_commit\": {\"percent\": \"-20\"},"
                                                " \"transparent_hugepages\": {\"enabled\": \"false\"}}}");
  g_autoptr(DemoReply) too_big = demo_request (fx, "PUT", CLUSTER_PROD31,
                                               "{\"memory_policy\": {\"over_commit\": {\"percent\": \"3000000000\"}}}");
  g_autoptr(DemoReply) after = demo_request (fx, "GET", CLUSTER_PROD31, NULL);

  g_assert_cmpuint (zero->status, ==, 200);
  g_assert_cmpstr (demo_get_string (demo_reply_object (zero), "memory_policy.over_commit.percent"), ==, "100");
  /* Below 100 is a value like any other. */
  g_assert_cmpuint (fifty->status, ==, 200);
  g_assert_cmpstr (demo_get_string (demo_reply_object (fifty), "memory_policy.over_commit.percent"), ==, "50");
  g_assert_cmpuint (negative->status, ==, 200);
  g_assert_cmpstr (demo_get_string (demo_reply_object (negative), "memory_policy.over_commit.percent"), ==, "100");
  /* Not an int: refused, nothing stored. */
  g_assert_cmpuint (too_big->status, ==, 400);
  g_assert_cmpstr (demo_get_string (demo_reply_object (after), "memory_policy.over_commit.percent"), ==, "100");
}

/* ClusterMapper.map(MemoryPolicy, Cluster) (ovirt-engine:
 * backend/manager/modules/restapi/types/.../ClusterMapper.java, 4.3 to the
 * current engine): a memory_policy without transparent_hugepages switches
 * THP on; other members leave it alone. */
static void
test_cluster_thp_default (DemoFixture   *fx,
                          gconstpointer  data)
{
  g_autoptr(DemoReply) before = demo_request (fx, "GET", CLUSTER_PROD31, NULL);
  g_autoptr(DemoReply) ksm = demo_request (fx, "PUT", CLUSTER_PROD31, "{\"ksm\": {\"enabled\": \"true\"}}");
  g_autoptr(DemoReply) restated = demo_request (fx, "PUT", CLUSTER_PROD31,
                                                "{\"memory_policy\": {\"over_commit\": {\"percent\": \"120\"},"
                                                " \"transparent_hugepages\": {\"enabled\": \"false\"}}}");
  g_autoptr(DemoReply) left_out = demo_request (fx, "PUT", CLUSTER_PROD31,
                                                "{\"memory_policy\": {\"over_commit\": {\"percent\": \"130\"}}}");

  g_assert_cmpstr (demo_get_string (demo_reply_object (before), "memory_policy.transparent_hugepages.enabled"), ==, "false");
  g_assert_cmpuint (ksm->status, ==, 200);
  g_assert_cmpstr (demo_get_string (demo_reply_object (ksm), "memory_policy.transparent_hugepages.enabled"), ==, "false");
  g_assert_cmpuint (restated->status, ==, 200);
  g_assert_cmpstr (demo_get_string (demo_reply_object (restated), "memory_policy.transparent_hugepages.enabled"), ==, "false");
  g_assert_cmpstr (demo_get_string (demo_reply_object (restated), "memory_policy.over_commit.percent"), ==, "120");
  g_assert_cmpuint (left_out->status, ==, 200);
  g_assert_cmpstr (demo_get_string (demo_reply_object (left_out), "memory_policy.transparent_hugepages.enabled"), ==, "true");
}

static void
test_template_update (DemoFixture   *fx,
                      gconstpointer  data)
{
  g_autoptr(DemoReply) ok = demo_request (fx, "PUT", TEMPLATE_RHEL,
                                          "{\"memory_policy\": {\"guaranteed\": \"1073741824\", \"ballooning\": \"false\"}}");
  g_autoptr(DemoReply) bad = demo_request (fx, "PUT", TEMPLATE_RHEL,
                                           "{\"memory_policy\": {\"guaranteed\": \"8589934592\"}}");
  g_autoptr(DemoReply) after = demo_request (fx, "GET", TEMPLATE_RHEL, NULL);

  /* Templates take the same memory members as VMs. */
  g_assert_cmpuint (ok->status, ==, 200);
  g_assert_cmpint (long_member (demo_reply_object (after), "memory_policy.guaranteed"), ==, GIB);
  g_assert_cmpstr (demo_get_string (demo_reply_object (after), "memory_policy.ballooning"), ==, "false");
  demo_assert_fault (bad, 400, "Operation Failed",
                     "[Cannot edit Template. Physical Memory Guaranteed cannot exceed Memory Size.]");
}

/* ---- running VMs ---- */

static void
test_next_run (DemoFixture   *fx,
               gconstpointer  data)
{
  g_autoptr(DemoReply) put = vm_request (fx, "PUT", "web-01", NULL, "{\"memory_policy\": {\"ballooning\": \"false\"}}");
  g_autoptr(DemoReply) now = vm_request (fx, "GET", "web-01", NULL, NULL);
  g_autoptr(DemoReply) next = vm_request (fx, "GET", "web-01", ";next_run", NULL);
  g_autoptr(DemoReply) next_query = vm_request (fx, "GET", "web-01", "?next_run=true", NULL);
  g_autoptr(DemoReply) max = vm_request (fx, "PUT", "web-01", "?next_run=true", "{\"memory_policy\": {\"max\": \"8589934592\"}}");
  g_autoptr(DemoReply) later = vm_request (fx, "PUT", "web-01", "?next_run=true", "{\"comment\": \"later\"}");
  g_autoptr(DemoReply) before_stop = vm_request (fx, "GET", "web-01", NULL, NULL);
  g_autoptr(DemoReply) stop = vm_request (fx, "POST", "web-01", "/stop", "{}");
  g_autoptr(DemoReply) after = vm_request (fx, "GET", "web-01", NULL, NULL);
  JsonObject *o;

  g_assert_cmpuint (put->status, ==, 200);
  g_assert_cmpstr (demo_get_string (demo_reply_object (put), "next_run_configuration_exists"), ==, "true");
  o = demo_reply_object (now);
  g_assert_cmpstr (demo_get_string (o, "next_run_configuration_exists"), ==, "true");
  g_assert_cmpstr (demo_get_string (o, "memory_policy.ballooning"), ==, "true");
  g_assert_cmpstr (demo_get_string (demo_reply_object (next), "memory_policy.ballooning"), ==, "false");
  g_assert_cmpstr (demo_get_string (demo_reply_object (next_query), "memory_policy.ballooning"), ==, "false");

  /* With next_run the members go over the next-run configuration, and
   * the comment (editable in any status) applies at once all the same. */
  g_assert_cmpuint (max->status, ==, 200);
  g_assert_cmpuint (later->status, ==, 200);
  g_assert_cmpstr (demo_get_string (demo_reply_object (later), "comment"), ==, "later");
  o = demo_reply_object (before_stop);
  g_assert_cmpint (long_member (o, "memory_policy.max"), ==, 16 * GIB);
  g_assert_cmpstr (demo_get_string (o, "memory_policy.ballooning"), ==, "true");
  g_assert_cmpstr (demo_get_string (o, "comment"), ==, "later");

  g_assert_cmpuint (stop->status, ==, 200);
  g_assert_cmpstr (demo_get_string (demo_reply_object (stop), "status"), ==, "complete");
  o = demo_reply_object (after);
  g_assert_cmpstr (demo_get_string (o, "status"), ==, "down");
  g_assert_cmpstr (demo_get_string (o, "next_run_configuration_exists"), ==, "false");
  g_assert_cmpstr (demo_get_string (o, "memory_policy.ballooning"), ==, "false");
  g_assert_cmpint (long_member (o, "memory_policy.max"), ==, 8 * GIB);
  g_assert_cmpstr (demo_get_string (o, "comment"), ==, "later");
}

/* Without next_run the engine lays the members over the CURRENT
 * configuration and replaces the next-run configuration with the result:
 * what was pending and is not sent again is gone. */
static void
test_next_run_replaced (DemoFixture   *fx,
                        gconstpointer  data)
{
  g_autoptr(DemoReply) balloon = vm_request (fx, "PUT", "web-01", NULL, "{\"memory_policy\": {\"ballooning\": \"false\"}}");
  g_autoptr(DemoReply) type = vm_request (fx, "PUT", "web-01", NULL, "{\"type\": \"desktop\"}");
  g_autoptr(DemoReply) next = vm_request (fx, "GET", "web-01", ";next_run", NULL);
  g_autoptr(DemoReply) text = vm_request (fx, "PUT", "web-01", NULL, "{\"description\": \"hot\"}");
  g_autoptr(DemoReply) stop = vm_request (fx, "POST", "web-01", "/stop", "{}");
  g_autoptr(DemoReply) after = vm_request (fx, "GET", "web-01", NULL, NULL);
  JsonObject *o;

  g_assert_cmpuint (balloon->status, ==, 200);
  g_assert_cmpuint (type->status, ==, 200);
  o = demo_reply_object (next);
  g_assert_cmpstr (demo_get_string (o, "type"), ==, "desktop");
  g_assert_cmpstr (demo_get_string (o, "memory_policy.ballooning"), ==, "true");
  g_assert_cmpuint (text->status, ==, 200);
  g_assert_cmpstr (demo_get_string (demo_reply_object (text), "description"), ==, "hot");
  g_assert_cmpstr (demo_get_string (demo_reply_object (text), "next_run_configuration_exists"), ==, "false");
  g_assert_cmpuint (stop->status, ==, 200);
  o = demo_reply_object (after);
  g_assert_cmpstr (demo_get_string (o, "type"), ==, "server");
  g_assert_cmpstr (demo_get_string (o, "memory_policy.ballooning"), ==, "true");
  g_assert_cmpstr (demo_get_string (o, "description"), ==, "hot");
}

static void
test_next_run_members (DemoFixture   *fx,
                       gconstpointer  data)
{
  g_autoptr(DemoReply) guaranteed = vm_request (fx, "PUT", "web-02", NULL,
                                                "{\"memory_policy\": {\"guaranteed\": \"1073741824\"}}");
  g_autoptr(DemoReply) paused_guaranteed = vm_request (fx, "PUT", "web-05", NULL,
                                                       "{\"memory_policy\": {\"guaranteed\": \"3221225472\"}}");
  g_autoptr(DemoReply) suspended_guaranteed = vm_request (fx, "PUT", "desk-bob", NULL,
                                                          "{\"memory_policy\": {\"guaranteed\": \"2147483648\"}}");
  g_autoptr(DemoReply) type = vm_request (fx, "PUT", "build-01", NULL, "{\"type\": \"desktop\"}");
  g_autoptr(DemoReply) shares = vm_request (fx, "PUT", "stable-01", NULL, "{\"cpu_shares\": \"1024\"}");
  g_autoptr(DemoReply) same = vm_request (fx, "PUT", "mon-01", NULL, "{\"memory_policy\": {\"ballooning\": \"true\"}}");
  g_autoptr(DemoReply) sockets = vm_request (fx, "PUT", "ci-runner-02", NULL,
                                             "{\"cpu\": {\"topology\": {\"sockets\": \"4\"}}}");
  g_autoptr(DemoReply) cores = vm_request (fx, "PUT", "desk-alice", NULL,
                                           "{\"cpu\": {\"topology\": {\"cores\": \"2\"}}}");
  g_autoptr(DemoReply) both = vm_request (fx, "PUT", "stable-02", NULL,
                                          "{\"cpu\": {\"topology\": {\"sockets\": \"2\", \"cores\": \"2\"}}}");

  /* minAllocatedMem is hot-settable on running and paused VMs, alone too. */
  g_assert_cmpuint (guaranteed->status, ==, 200);
  g_assert_cmpstr (demo_get_string (demo_reply_object (guaranteed), "next_run_configuration_exists"), ==, "false");
  g_assert_cmpint (long_member (demo_reply_object (guaranteed), "memory_policy.guaranteed"), ==, 1 * GIB);
  g_assert_cmpstr (demo_get_string (demo_reply_object (paused_guaranteed), "next_run_configuration_exists"), ==, "false");
  g_assert_cmpint (long_member (demo_reply_object (paused_guaranteed), "memory_policy.guaranteed"), ==, 3 * GIB);
  /* Not on a suspended one. */
  g_assert_cmpstr (demo_get_string (demo_reply_object (suspended_guaranteed), "next_run_configuration_exists"), ==, "true");
  g_assert_cmpint (long_member (demo_reply_object (suspended_guaranteed), "memory_policy.guaranteed"), ==, 4 * GIB);
  g_assert_cmpstr (demo_get_string (demo_reply_object (type), "next_run_configuration_exists"), ==, "true");
  g_assert_cmpstr (demo_get_string (demo_reply_object (type), "type"), ==, "server");
  /* cpuShares is editable on Down only. */
  g_assert_cmpstr (demo_get_string (demo_reply_object (shares), "next_run_configuration_exists"), ==, "true");
  g_assert_cmpstr (demo_get_string (demo_reply_object (shares), "cpu_shares"), ==, "0");
  /* Sockets hot plug; cores wait for the next run. Sockets changed
   * together with cores are not plugged, yet the engine shows the new
   * count in the running configuration. */
  g_assert_cmpstr (demo_get_string (demo_reply_object (sockets), "cpu.topology.sockets"), ==, "4");
  g_assert_cmpstr (demo_get_string (demo_reply_object (sockets), "next_run_configuration_exists"), ==, "false");
  g_assert_cmpstr (demo_get_string (demo_reply_object (cores), "cpu.topology.cores"), ==, "1");
  g_assert_cmpstr (demo_get_string (demo_reply_object (cores), "next_run_configuration_exists"), ==, "true");
  g_assert_cmpstr (demo_get_string (demo_reply_object (both), "cpu.topology.sockets"), ==, "2");
  g_assert_cmpstr (demo_get_string (demo_reply_object (both), "cpu.topology.cores"), ==, "1");
  g_assert_cmpstr (demo_get_string (demo_reply_object (both), "next_run_configuration_exists"), ==, "true");
  /* Nothing changes: no next-run configuration. */
  g_assert_cmpstr (demo_get_string (demo_reply_object (same), "next_run_configuration_exists"), ==, "false");
}

static void
test_cpu_unplug (DemoFixture   *fx,
                 gconstpointer  data)
{
  /* A Linux guest gives a socket back at once; Windows cannot, and the
   * engine keeps the sockets without a next-run configuration. */
  g_autoptr(DemoReply) linux_guest = vm_request (fx, "PUT", "build-01", NULL,
                                                 "{\"cpu\": {\"topology\": {\"sockets\": \"1\"}}}");
  g_autoptr(DemoReply) windows_guest = vm_request (fx, "PUT", "desk-alice", NULL,
                                                   "{\"cpu\": {\"topology\": {\"sockets\": \"1\"}}}");
  g_autoptr(DemoReply) later = vm_request (fx, "PUT", "win-test-02", "?next_run=true",
                                           "{\"cpu\": {\"topology\": {\"sockets\": \"1\"}}}");

  g_assert_cmpstr (demo_get_string (demo_reply_object (linux_guest), "cpu.topology.sockets"), ==, "1");
  g_assert_cmpstr (demo_get_string (demo_reply_object (linux_guest), "next_run_configuration_exists"), ==, "false");
  g_assert_cmpuint (windows_guest->status, ==, 200);
  g_assert_cmpstr (demo_get_string (demo_reply_object (windows_guest), "cpu.topology.sockets"), ==, "2");
  g_assert_cmpstr (demo_get_string (demo_reply_object (windows_guest), "next_run_configuration_exists"), ==, "false");
  g_assert_cmpstr (demo_get_string (demo_reply_object (later), "next_run_configuration_exists"), ==, "true");
}

static void
test_hotplug (DemoFixture   *fx,
              gconstpointer  data)
{
  /* 4 GiB + 600 MiB: not a whole number of 128 MiB steps (the default
   * engine is 4.5), refused live. */
  g_autoptr(DemoReply) odd = vm_request (fx, "PUT", "web-02", NULL, "{\"memory\": \"4924112896\"}");
  g_autoptr(DemoReply) odd_later = vm_request (fx, "PUT", "web-02", "?next_run=true", "{\"memory\": \"4924112896\"}");
  g_autoptr(DemoReply) current = vm_request (fx, "GET", "web-02", NULL, NULL);
  g_autoptr(DemoReply) next = vm_request (fx, "GET", "web-02", ";next_run", NULL);
  g_autoptr(DemoReply) blocked = vm_request (fx, "PUT", "web-02", NULL, "{\"memory\": \"5368709120\"}");
  g_autoptr(DemoReply) whole = vm_request (fx, "PUT", "build-01", NULL,
                                           "{\"memory\": \"9663676416\", \"memory_policy\": {\"guaranteed\": \"9663676416\"}}");
  g_autoptr(DemoReply) over_max = vm_request (fx, "PUT", "mon-01", NULL,
                                              "{\"memory\": \"10737418240\", \"memory_policy\": {\"max\": \"10737418240\"}}");
  g_autoptr(DemoReply) paused = vm_request (fx, "PUT", "web-05", NULL, "{\"memory\": \"5368709120\"}");
  g_autoptr(DemoReply) paused_odd = vm_request (fx, "PUT", "prod-cache", NULL, "{\"memory\": \"2252341248\"}");
  g_autoptr(DemoReply) stop = vm_request (fx, "POST", "web-02", "/stop", "{}");
  g_autoptr(DemoReply) after = vm_request (fx, "GET", "web-02", NULL, NULL);
  JsonObject *o;

  demo_assert_fault (odd, 400, "Operation Failed",
                     "[Cannot edit VM. Amount of added memory (600MiB) is not dividable by 128MiB.]");
  g_assert_cmpuint (odd_later->status, ==, 200);
  /* With next_run the reply is the next-run configuration. */
  g_assert_cmpint (long_member (demo_reply_object (odd_later), "memory"), ==, 4 * GIB + 600 * MIB);
  g_assert_cmpint (long_member (demo_reply_object (current), "memory"), ==, 4 * GIB);
  g_assert_cmpint (long_member (demo_reply_object (next), "memory"), ==, 4 * GIB + 600 * MIB);
  /* A memory change pending for the next run blocks another live one. */
  demo_assert_fault (blocked, 400, "Operation Failed",
                     "[Cannot hot change memory because memory next run configuration already exists.]");

  /* A whole number of steps applies entirely now, with the guarantee. */
  o = demo_reply_object (whole);
  g_assert_cmpint (long_member (o, "memory"), ==, 9 * GIB);
  g_assert_cmpint (long_member (o, "memory_policy.guaranteed"), ==, 9 * GIB);
  g_assert_cmpstr (demo_get_string (o, "next_run_configuration_exists"), ==, "false");

  /* Live, memory may not pass the maximum the VM runs with. */
  demo_assert_fault (over_max, 409, "Operation Failed",
                     "[Cannot edit VM. Memory size (10240MB) cannot exceed maximum memory size (8192MB).]");

  /* No hot plug into a paused VM; an odd amount is refused there too. */
  g_assert_cmpint (long_member (demo_reply_object (paused), "memory"), ==, 4 * GIB);
  g_assert_cmpstr (demo_get_string (demo_reply_object (paused), "next_run_configuration_exists"), ==, "true");
  g_assert_cmpuint (paused_odd->status, ==, 400);

  g_assert_cmpuint (stop->status, ==, 200);
  g_assert_cmpint (long_member (demo_reply_object (after), "memory"), ==, 4 * GIB + 600 * MIB);
}

static void
test_hot_unplug (DemoFixture   *fx,
                 gconstpointer  data)
{
  /* Boot memory cannot be unplugged: the decrease is dropped. */
  g_autoptr(DemoReply) boot = vm_request (fx, "PUT", "web-01", NULL, "{\"memory\": \"3221225472\"}");
  /* 4 -> 5 -> 6 GiB: two 1 GiB devices. */
  g_autoptr(DemoReply) plug1 = vm_request (fx, "PUT", "web-02", NULL, "{\"memory\": \"5368709120\"}");
  g_autoptr(DemoReply) plug2 = vm_request (fx, "PUT", "web-02", NULL, "{\"memory\": \"6442450944\"}");
  /* Back to 4.5 GiB: one device fits in the 1.5 GiB decrease, the rest
   * of a whole-step decrease is dropped. */
  g_autoptr(DemoReply) unplug = vm_request (fx, "PUT", "web-02", NULL, "{\"memory\": \"4831838208\"}");
  /* 5 GiB -> 4 GiB + 100 MiB: no device fits; an odd decrease waits for
   * the next run. */
  g_autoptr(DemoReply) odd = vm_request (fx, "PUT", "web-02", NULL, "{\"memory\": \"4399824896\"}");
  g_autoptr(DemoReply) next = vm_request (fx, "GET", "web-02", ";next_run", NULL);
  g_autoptr(DemoReply) later = vm_request (fx, "PUT", "web-03", NULL, "{\"memory\": \"3221225472\"}");
  JsonObject *o;

  o = demo_reply_object (boot);
  g_assert_cmpuint (boot->status, ==, 200);
  g_assert_cmpint (long_member (o, "memory"), ==, 4 * GIB);
  g_assert_cmpstr (demo_get_string (o, "next_run_configuration_exists"), ==, "false");
  g_assert_cmpint (long_member (demo_reply_object (plug1), "memory"), ==, 5 * GIB);
  g_assert_cmpint (long_member (demo_reply_object (plug2), "memory"), ==, 6 * GIB);
  o = demo_reply_object (unplug);
  g_assert_cmpuint (unplug->status, ==, 200);
  g_assert_cmpint (long_member (o, "memory"), ==, 5 * GIB);
  g_assert_cmpstr (demo_get_string (o, "next_run_configuration_exists"), ==, "false");
  o = demo_reply_object (odd);
  g_assert_cmpuint (odd->status, ==, 200);
  g_assert_cmpint (long_member (o, "memory"), ==, 5 * GIB);
  g_assert_cmpstr (demo_get_string (o, "next_run_configuration_exists"), ==, "true");
  g_assert_cmpint (long_member (demo_reply_object (next), "memory"), ==, 4 * GIB + 100 * MIB);
  /* A VM that is down takes any size. */
  g_assert_cmpint (long_member (demo_reply_object (later), "memory"), ==, 3 * GIB);
}

static void
test_running_cluster (DemoFixture   *fx,
                      gconstpointer  data)
{
  g_autoptr(DemoReply) now = vm_request (fx, "PUT", "stable-01", NULL,
                                         "{\"cluster\": {\"name\": \"Default\"}}");
  g_autoptr(DemoReply) later = vm_request (fx, "PUT", "stable-01", "?next_run=true",
                                           "{\"cluster\": {\"name\": \"Default\"}}");
  g_autoptr(DemoReply) same = vm_request (fx, "PUT", "stable-01", NULL,
                                          "{\"cluster\": {\"name\": \"Stable\"}, \"comment\": \"kept\"}");
  g_autoptr(DemoReply) down = vm_request (fx, "PUT", "stable-03", NULL,
                                          "{\"cluster\": {\"name\": \"Default\"}}");

  demo_assert_fault (now, 409, "Operation Failed", "[Cannot update a VM in this status. Try stopping the VM first.]");
  demo_assert_fault (later, 409, "Operation Failed", "[Cannot update a VM in this status. Try stopping the VM first.]");
  g_assert_cmpuint (same->status, ==, 200);
  g_assert_cmpstr (demo_get_string (demo_reply_object (same), "comment"), ==, "kept");
  g_assert_cmpuint (down->status, ==, 200);
  g_assert_cmpstr (demo_get_string (demo_reply_object (down), "cluster.id"), ==,
                   "c0000000-0000-4000-8000-000000000004");
}

static void
test_cpu_shares_range (DemoFixture   *fx,
                       gconstpointer  data)
{
  g_autoptr(DemoReply) negative = vm_request (fx, "PUT", "web-03", NULL, "{\"cpu_shares\": \"-1\"}");
  g_autoptr(DemoReply) high = vm_request (fx, "PUT", "web-03", NULL, "{\"cpu_shares\": \"262145\"}");
  g_autoptr(DemoReply) top = vm_request (fx, "PUT", "web-03", NULL, "{\"cpu_shares\": \"262144\"}");

  demo_assert_fault (negative, 400, "Operation Failed",
                     "[Cannot set the cpu shares to the requested value. It has to be between 0 and 262144.]");
  demo_assert_fault (high, 400, "Operation Failed",
                     "[Cannot set the cpu shares to the requested value. It has to be between 0 and 262144.]");
  g_assert_cmpstr (demo_get_string (demo_reply_object (top), "cpu_shares"), ==, "262144");
}

static const char *
balloon_model (DemoFixture *fx,
               const char  *name)
{
  g_autoptr(DemoReply) reply = vm_request (fx, "GET", name, "/devices", NULL);
  JsonArray *devices = demo_collection (reply, "device");
  static char model[16];

  g_assert_cmpuint (reply->status, ==, 200);
  for (guint i = 0; i < json_array_get_length (devices); i++)
    {
      JsonObject *d = json_array_get_object_element (devices, i);

      if (g_strcmp0 (demo_get_string (d, "type"), "balloon") == 0)
        {
          g_assert_cmpstr (demo_get_string (d, "device"), ==, "memballoon");
          g_strlcpy (model, demo_get_string (d, "model"), sizeof model);
          return model;
        }
    }
  g_assert_not_reached ();
  return NULL;
}

static void
test_run_once (DemoFixture   *fx,
               gconstpointer  data)
{
  g_autoptr(DemoReply) start = vm_request (fx, "POST", "web-03", "/start",
    "{\"vm\": {\"memory\": \"6442450944\", \"memory_policy\": {\"ballooning\": \"false\"}}}");
  g_autoptr(DemoReply) running = vm_request (fx, "GET", "web-03", NULL, NULL);
  g_autoptr(DemoReply) reboot = NULL;
  g_autoptr(DemoReply) rebooted = NULL;
  g_autoptr(DemoReply) stop = NULL;
  g_autoptr(DemoReply) after = NULL;
  JsonObject *o;

  g_assert_cmpuint (start->status, ==, 200);
  g_assert_cmpstr (demo_get_string (demo_reply_object (start), "status"), ==, "complete");
  o = demo_reply_object (running);
  g_assert_cmpstr (demo_get_string (o, "status"), ==, "up");
  g_assert_cmpstr (demo_get_string (o, "run_once"), ==, "true");
  /* Memory and the memory policy of a Run Once are ignored by every
   * release (ovirt-engine: backend/manager/modules/restapi/types/src/main/
   * java/org/ovirt/engine/api/restapi/types/VmMapper.java
   * map (Vm, RunVmOnceParams); RunVmParams.balloonEnabled is never set
   * from REST). */
  g_assert_cmpint (long_member (o, "memory"), ==, 4 * GIB);
  g_assert_cmpstr (demo_get_string (o, "memory_policy.ballooning"), ==, "true");
  g_assert_cmpstr (balloon_model (fx, "web-03"), ==, "virtio");

  /* Not volatile: the run stays a Run Once across a reboot... */
  reboot = vm_request (fx, "POST", "web-03", "/reboot", "{}");
  g_assert_cmpuint (reboot->status, ==, 200);
  rebooted = vm_request (fx, "GET", "web-03", NULL, NULL);
  g_assert_cmpstr (demo_get_string (demo_reply_object (rebooted), "run_once"), ==, "true");

  /* ...and ends at power-off. */
  stop = vm_request (fx, "POST", "web-03", "/stop", "{}");
  g_assert_cmpuint (stop->status, ==, 200);
  after = vm_request (fx, "GET", "web-03", NULL, NULL);
  o = demo_reply_object (after);
  g_assert_cmpstr (demo_get_string (o, "run_once"), ==, "false");
  g_assert_cmpint (long_member (o, "memory"), ==, 4 * GIB);
  g_assert_cmpstr (demo_get_string (o, "memory_policy.ballooning"), ==, "true");
  g_assert_cmpstr (balloon_model (fx, "web-03"), ==, "virtio");
}

static void
test_run_once_volatile (DemoFixture   *fx,
                        gconstpointer  data)
{
  g_autoptr(DemoReply) start = vm_request (fx, "POST", "web-04", "/start",
    "{\"volatile\": \"true\", \"vm\": {\"memory_policy\": {\"ballooning\": \"false\"}}}");
  g_autoptr(DemoReply) running = vm_request (fx, "GET", "web-04", NULL, NULL);
  g_autoptr(DemoReply) reboot = vm_request (fx, "POST", "web-04", "/reboot", "{}");
  g_autoptr(DemoReply) after = vm_request (fx, "GET", "web-04", NULL, NULL);

  g_assert_cmpuint (start->status, ==, 200);
  /* Ignored, as by every release (VmMapper.map (Vm, RunVmOnceParams)). */
  g_assert_cmpstr (demo_get_string (demo_reply_object (running), "memory_policy.ballooning"), ==, "true");
  g_assert_cmpstr (demo_get_string (demo_reply_object (running), "run_once"), ==, "true");
  g_assert_cmpuint (reboot->status, ==, 200);
  /* A volatile run configuration is discarded even by a reboot. */
  g_assert_cmpstr (demo_get_string (demo_reply_object (after), "status"), ==, "up");
  g_assert_cmpstr (demo_get_string (demo_reply_object (after), "run_once"), ==, "false");
  g_assert_cmpstr (demo_get_string (demo_reply_object (after), "memory_policy.ballooning"), ==, "true");
}

static void
test_actions (DemoFixture   *fx,
              gconstpointer  data)
{
  g_autoptr(DemoReply) start_up = vm_request (fx, "POST", "web-01", "/start", "{}");
  g_autoptr(DemoReply) stop_down = vm_request (fx, "POST", "web-03", "/stop", "{}");
  g_autoptr(DemoReply) bad_once = vm_request (fx, "POST", "web-03", "/start",
    "{\"vm\": {\"memory_policy\": {\"guaranteed\": \"68719476736\"}}}");
  g_autoptr(DemoReply) paused = vm_request (fx, "POST", "web-04", "/start", "{\"pause\": \"true\"}");
  g_autoptr(DemoReply) paused_get = vm_request (fx, "GET", "web-04", NULL, NULL);
  g_autoptr(DemoReply) resume = vm_request (fx, "POST", "desk-bob", "/start", NULL);
  g_autoptr(DemoReply) resumed = vm_request (fx, "GET", "desk-bob", NULL, NULL);
  g_autoptr(DemoReply) suspend = vm_request (fx, "POST", "web-02", "/suspend", "{}");
  g_autoptr(DemoReply) shutdown = vm_request (fx, "POST", "build-01", "/shutdown", "{}");

  /* Failed actions wrap the fault. */
  g_assert_true (json_object_has_member (demo_reply_object (start_up), "fault"));
  demo_assert_fault (start_up, 409, "Operation Failed", "[Cannot run VM. VM is running.]");
  demo_assert_fault (stop_down, 409, "Operation Failed", "[Cannot stop VM. VM is not running.]");
  /* A Run Once's memory policy is never read, so nothing in it can be
   * refused (VmMapper.map (Vm, RunVmOnceParams)). */
  g_assert_cmpuint (bad_once->status, ==, 200);
  g_assert_cmpuint (paused->status, ==, 200);
  g_assert_cmpstr (demo_get_string (demo_reply_object (paused_get), "status"), ==, "paused");
  g_assert_cmpuint (resume->status, ==, 200);
  g_assert_cmpstr (demo_get_string (demo_reply_object (resumed), "status"), ==, "up");
  g_assert_cmpuint (suspend->status, ==, 200);
  g_assert_cmpuint (shutdown->status, ==, 200);
}

/* Waits until @name's status is @status; fails after 10 s. */
static void
wait_for_status (DemoFixture *fx,
                 const char  *name,
                 const char  *status)
{
  gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  for (;;)
    {
      g_autoptr(DemoReply) reply = vm_request (fx, "GET", name, NULL, NULL);

      if (g_strcmp0 (demo_get_string (demo_reply_object (reply), "status"), status) == 0)
        return;
      if (g_get_monotonic_time () > end)
        g_error ("%s did not become %s (it is %s)", name, status,
                 demo_get_string (demo_reply_object (reply), "status"));
      g_usleep (50 * 1000);
    }
}

/* ShutdownVmCommand (ovirt-engine:
 * backend/manager/modules/bll/.../ShutdownVmCommand.java): an Up VM is
 * asked to shut down, by its agent or without one by ACPI, and is
 * powering_down until it has; one that is not Up is stopped at once. */
static void
test_shutdown (DemoFixture   *fx,
               gconstpointer  data)
{
  g_autoptr(DemoReply) agent = vm_request (fx, "POST", "build-01", "/shutdown", "{}");
  g_autoptr(DemoReply) agent_now = vm_request (fx, "GET", "build-01", NULL, NULL);
  /* A desktop of OS "other": no guest agent, the ACPI path. */
  g_autoptr(DemoReply) acpi_start = vm_request (fx, "POST", "stable-03", "/start", "{}");
  g_autoptr(DemoReply) acpi = vm_request (fx, "POST", "stable-03", "/shutdown", "{}");
  g_autoptr(DemoReply) acpi_now = vm_request (fx, "GET", "stable-03", NULL, NULL);
  g_autoptr(DemoReply) paused = vm_request (fx, "POST", "web-05", "/shutdown", "{}");
  g_autoptr(DemoReply) paused_now = vm_request (fx, "GET", "web-05", NULL, NULL);
  g_autoptr(DemoReply) down = vm_request (fx, "POST", "web-03", "/shutdown", "{}");
  g_autoptr(DemoReply) forced = NULL;
  g_autoptr(DemoReply) forced_now = NULL;

  g_assert_cmpuint (agent->status, ==, 200);
  g_assert_cmpstr (demo_get_string (demo_reply_object (agent), "status"), ==, "complete");
  g_assert_cmpstr (demo_get_string (demo_reply_object (agent_now), "status"), ==, "powering_down");
  g_assert_cmpuint (acpi_start->status, ==, 200);
  g_assert_cmpuint (acpi->status, ==, 200);
  g_assert_cmpstr (demo_get_string (demo_reply_object (acpi_now), "status"), ==, "powering_down");
  g_assert_cmpuint (paused->status, ==, 200);
  g_assert_cmpstr (demo_get_string (demo_reply_object (paused_now), "status"), ==, "down");
  demo_assert_fault (down, 409, "Operation Failed", "[Cannot shutdown VM. VM is not running.]");

  wait_for_status (fx, "build-01", "down");
  wait_for_status (fx, "stable-03", "down");

  /* Power off while it powers down: down at once. */
  {
    g_autoptr(DemoReply) again = vm_request (fx, "POST", "web-01", "/shutdown", "{}");

    g_assert_cmpuint (again->status, ==, 200);
  }
  forced = vm_request (fx, "POST", "web-01", "/stop", "{}");
  forced_now = vm_request (fx, "GET", "web-01", NULL, NULL);
  g_assert_cmpuint (forced->status, ==, 200);
  g_assert_cmpstr (demo_get_string (demo_reply_object (forced_now), "status"), ==, "down");
}

/* ---- statistics and devices ---- */

static void
read_memory (DemoFixture *fx,
             const char  *name,
             gint64       values[6])
{
  static const char *const names[] = {
    "memory.installed", "memory.used", "memory.free", "memory.buffered", "memory.cached", "memory.unused"
  };
  g_autoptr(DemoReply) reply = vm_request (fx, "GET", name, "/statistics", NULL);
  JsonArray *stats = demo_collection (reply, "statistic");

  g_assert_cmpuint (reply->status, ==, 200);
  for (guint n = 0; n < G_N_ELEMENTS (names); n++)
    {
      gboolean found = FALSE;

      for (guint i = 0; i < json_array_get_length (stats); i++)
        {
          JsonObject *s = json_array_get_object_element (stats, i);
          JsonArray *value;
          JsonNode *datum;

          if (g_strcmp0 (demo_get_string (s, "name"), names[n]) != 0)
            continue;
          g_assert_cmpstr (demo_get_string (s, "unit"), ==, "bytes");
          value = json_object_get_array_member (json_object_get_object_member (s, "values"), "value");
          datum = json_object_get_member (json_array_get_object_element (value, 0), "datum");
          /* Decimals are JSON numbers. */
          g_assert_true (json_node_get_value_type (datum) == G_TYPE_INT64
                         || json_node_get_value_type (datum) == G_TYPE_DOUBLE);
          values[n] = (gint64) json_node_get_double (datum);
          found = TRUE;
        }
      g_assert_true (found);
    }
}

static void
test_statistics_frozen (DemoFixture   *fx,
                        gconstpointer  data)
{
  gint64 a[6], b[6], off[6], down[6];

  read_memory (fx, "web-01", a);
  g_usleep (300 * 1000);
  read_memory (fx, "web-01", b);
  g_assert_cmpmem (a, sizeof a, b, sizeof b);
  /* A ballooned VM sits between its guaranteed memory and its memory. */
  g_assert_cmpint (a[0], >=, 2 * GIB);
  g_assert_cmpint (a[0], <=, 4 * GIB);
  g_assert_cmpint (a[1] + a[2], ==, a[0]);
  g_assert_cmpint (a[1], >, 0);

  read_memory (fx, "stable-02", off);
  g_assert_cmpint (off[0], ==, 4 * GIB);
  read_memory (fx, "web-03", down);
  g_assert_cmpint (down[1], ==, 0);
}

static void
test_statistics_moving (DemoFixture   *fx,
                        gconstpointer  data)
{
  gint64 first[6], v[6];
  gboolean moved = FALSE;

  read_memory (fx, "web-01", first);
  for (guint i = 0; i < 6; i++)
    {
      gint64 off[6], legacy[6];

      g_usleep (400 * 1000);
      read_memory (fx, "web-01", v);
      moved |= memcmp (first, v, sizeof v) != 0;
      g_assert_cmpint (v[0], >=, 2 * GIB);
      g_assert_cmpint (v[0], <=, 4 * GIB);
      g_assert_cmpint (v[1] + v[2], ==, v[0]);
      /* Without a balloon the guest never has less than its memory. */
      read_memory (fx, "stable-02", off);
      g_assert_cmpint (off[0], ==, 4 * GIB);
      read_memory (fx, "legacy-db", legacy);
      g_assert_cmpint (legacy[0], ==, 2 * GIB);
    }
  g_assert_true (moved);
}

static void
test_devices (DemoFixture   *fx,
              gconstpointer  data)
{
  g_autoptr(DemoReply) off = NULL;

  g_assert_cmpstr (balloon_model (fx, "web-01"), ==, "virtio");
  g_assert_cmpstr (balloon_model (fx, "prod-app-01"), ==, "virtio");
  g_assert_cmpstr (balloon_model (fx, "legacy-db"), ==, "none");
  g_assert_cmpstr (balloon_model (fx, "stable-02"), ==, "none");
  g_assert_cmpstr (balloon_model (fx, "hpc-01"), ==, "none");
  g_assert_cmpstr (balloon_model (fx, "compat-legacy"), ==, "none");
  off = vm_request (fx, "PUT", "web-03", NULL, "{\"memory_policy\": {\"ballooning\": \"false\"}}");
  g_assert_cmpuint (off->status, ==, 200);
  g_assert_cmpstr (balloon_model (fx, "web-03"), ==, "none");
}

/* ---- the seed and the filtered user ---- */

static void
test_seed (DemoFixture   *fx,
           gconstpointer  data)
{
  g_autoptr(DemoReply) all = demo_request (fx, "GET", "/ovirt-engine/api/vms?all_content=true", NULL);
  JsonArray *vms = demo_collection (all, "vm");
  guint up = 0, down = 0, paused = 0, suspended = 0, off = 0, hp = 0, ccv = 0;

  g_assert_cmpuint (json_array_get_length (vms), ==, 33);
  g_assert_cmpstr (demo_get_string (json_array_get_object_element (vms, 0), "id"), ==,
                   "a0000000-0000-4000-8000-000000000001");
  for (guint i = 0; i < json_array_get_length (vms); i++)
    {
      JsonObject *vm = json_array_get_object_element (vms, i);
      const char *status = demo_get_string (vm, "status");

      up += g_str_equal (status, "up");
      down += g_str_equal (status, "down");
      paused += g_str_equal (status, "paused");
      suspended += g_str_equal (status, "suspended");
      off += g_str_equal (demo_get_string (vm, "memory_policy.ballooning"), "false");
      hp += g_str_equal (demo_get_string (vm, "type"), "high_performance");
      ccv += demo_has_member (vm, "custom_compatibility_version");
      g_assert_cmpint (long_member (vm, "memory_policy.guaranteed"), <=, long_member (vm, "memory"));
      g_assert_cmpint (long_member (vm, "memory"), <=, long_member (vm, "memory_policy.max"));
    }
  g_assert_cmpuint (up + down + paused + suspended, ==, 33);
  g_assert_cmpuint (up, >, 0);
  g_assert_cmpuint (paused, >, 0);
  g_assert_cmpuint (suspended, >, 0);
  g_assert_cmpuint (off, >, 0);
  g_assert_cmpuint (hp, >=, 1);
  g_assert_cmpuint (ccv, >=, 1);
}

static void
test_filtered_user (DemoFixture   *fx,
                    gconstpointer  data)
{
  g_autofree char *web01 = vm_path (fx, "web-01", NULL);
  g_autoptr(DemoReply) list = demo_request_full (fx, "GET", "/ovirt-engine/api/vms", DEMO_USER_BASIC,
                                                 NULL, "Filter", "true");
  g_autoptr(DemoReply) other = demo_request_full (fx, "GET", web01, DEMO_USER_BASIC, NULL, "Filter", "true");
  g_autoptr(DemoReply) clusters = demo_request_full (fx, "GET", "/ovirt-engine/api/clusters", DEMO_USER_BASIC,
                                                     NULL, "Filter", "true");
  g_autoptr(DemoReply) cluster_put = demo_request_full (fx, "PUT", CLUSTER_DEFAULT, DEMO_USER_BASIC,
                                                        "{\"description\": \"mine\"}", "Filter", "true");
  g_autoptr(DemoReply) created = demo_request_full (fx, "POST", "/ovirt-engine/api/vms", DEMO_USER_BASIC,
    "{\"name\": \"desk-new\", \"cluster\": {\"name\": \"Default\"}, \"template\": {\"name\": \"win11-desktop\"}}",
    "Filter", "true");
  g_autoptr(DemoReply) again = demo_request_full (fx, "GET", "/ovirt-engine/api/vms", DEMO_USER_BASIC,
                                                  NULL, "Filter", "true");
  g_autoptr(DemoReply) root = demo_request_full (fx, "GET", "/ovirt-engine/api", DEMO_USER_BASIC,
                                                 NULL, "Filter", "true");
  JsonArray *vms = demo_collection (list, "vm");

  g_assert_cmpuint (json_array_get_length (vms), ==, 3);
  for (guint i = 0; i < json_array_get_length (vms); i++)
    g_assert_true (g_str_has_prefix (demo_get_string (json_array_get_object_element (vms, i), "name"), "desk-"));
  g_assert_cmpuint (other->status, ==, 404);
  g_assert_cmpuint (json_array_get_length (demo_collection (clusters, "cluster")), ==, 5);
  demo_assert_fault (cluster_put, 403, "Operation Failed", "[User is not authorized to perform this action.]");
  g_assert_cmpuint (created->status, ==, 201);
  g_assert_cmpuint (json_array_get_length (demo_collection (again, "vm")), ==, 4);
  g_assert_cmpstr (demo_get_string (demo_reply_object (root), "summary.vms.total"), ==, "4");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, DemoFixture, NULL, setup, func, teardown)
  ADD ("/demo/vms/add-incomplete", test_add_incomplete);
  ADD ("/demo/vms/add-rules", test_add_rules);
  ADD ("/demo/vms/add-defaults", test_add_defaults);
  ADD ("/demo/vms/add-ballooning", test_add_ballooning);
  ADD ("/demo/vms/update-rules", test_update_rules);
  ADD ("/demo/vms/delete", test_delete);
  ADD ("/demo/vms/next-run", test_next_run);
  ADD ("/demo/vms/next-run-members", test_next_run_members);
  ADD ("/demo/vms/hotplug", test_hotplug);
  ADD ("/demo/vms/next-run-replaced", test_next_run_replaced);
  ADD ("/demo/vms/cpu-unplug", test_cpu_unplug);
  ADD ("/demo/vms/hot-unplug", test_hot_unplug);
  ADD ("/demo/vms/running-cluster", test_running_cluster);
  ADD ("/demo/vms/cpu-shares-range", test_cpu_shares_range);
  ADD ("/demo/vms/run-once", test_run_once);
  ADD ("/demo/vms/run-once-volatile", test_run_once_volatile);
  ADD ("/demo/vms/actions", test_actions);
  ADD ("/demo/vms/shutdown", test_shutdown);
  ADD ("/demo/vms/statistics-frozen", test_statistics_frozen);
  g_test_add ("/demo/vms/statistics-moving", DemoFixture, "moving", setup, test_statistics_moving, teardown);
  ADD ("/demo/vms/devices", test_devices);
  ADD ("/demo/vms/seed", test_seed);
  ADD ("/demo/clusters/rules", test_cluster_rules);
  ADD ("/demo/clusters/overcommit-not-positive", test_cluster_overcommit_not_positive);
  ADD ("/demo/clusters/thp-default", test_cluster_thp_default);
  ADD ("/demo/templates/update", test_template_update);
  ADD ("/demo/users/filtered", test_filtered_user);
#undef ADD

  return g_test_run ();
}
