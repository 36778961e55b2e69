/* test-codec.c - the engine's JSON wire format, read and written
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "aero-engine-error.h"
#include "aero-json.h"
#include "aero-json-text.h"
#include "nested-json.h"

/* A VM as a 4.5 engine sends it: every scalar a string. */
static const char vm_strings[] =
  "{"
  "  \"id\": \"123e4567-e89b-12d3-a456-426614174000\","
  "  \"href\": \"/ovirt-engine/api/vms/123e4567-e89b-12d3-a456-426614174000\","
  "  \"name\": \"web01\","
  "  \"description\": \"front end\","
  "  \"comment\": \"\","
  "  \"type\": \"server\","
  "  \"status\": \"powering_up\","
  "  \"memory\": \"4294967296\","
  "  \"memory_policy\": {\"guaranteed\": \"2147483648\", \"max\": \"17179869184\", \"ballooning\": \"true\"},"
  "  \"cpu\": {\"architecture\": \"x86_64\", \"topology\": {\"sockets\": \"2\", \"cores\": \"4\", \"threads\": \"1\"}},"
  "  \"cpu_shares\": \"0\","
  "  \"cluster\": {\"href\": \"/ovirt-engine/api/clusters/c1\", \"id\": \"c1\"},"
  "  \"template\": {\"href\": \"/ovirt-engine/api/templates/t1\", \"id\": \"t1\"},"
  "  \"host\": {\"id\": \"h1\"},"
  "  \"os\": {\"type\": \"rhel_9x64\", \"boot\": {\"devices\": {\"device\": [\"hd\"]}}},"
  "  \"custom_compatibility_version\": {\"major\": \"4\", \"minor\": \"7\"},"
  "  \"next_run_configuration_exists\": \"false\","
  "  \"creation_time\": 1700000000000,"
  "  \"unknown_member\": {\"deep\": [1, 2, {\"x\": null}]},"
  "  \"link\": [{\"href\": \"/x\", \"rel\": \"permissions\"}]"
  "}";

/* The same VM as an engine before 4.2.3 would send it: native scalars. */
static const char vm_native[] =
  "{"
  "  \"id\": \"123e4567-e89b-12d3-a456-426614174000\","
  "  \"name\": \"web01\","
  "  \"description\": \"front end\","
  "  \"comment\": \"\","
  "  \"type\": \"server\","
  "  \"status\": \"powering_up\","
  "  \"memory\": 4294967296,"
  "  \"memory_policy\": {\"guaranteed\": 2147483648, \"max\": 17179869184, \"ballooning\": true},"
  "  \"cpu\": {\"topology\": {\"sockets\": 2, \"cores\": 4, \"threads\": 1}},"
  "  \"cpu_shares\": 0,"
  "  \"cluster\": {\"id\": \"c1\"},"
  "  \"template\": {\"id\": \"t1\"},"
  "  \"host\": {\"id\": \"h1\"},"
  "  \"os\": {\"type\": \"rhel_9x64\"},"
  "  \"custom_compatibility_version\": {\"major\": 4, \"minor\": 7},"
  "  \"next_run_configuration_exists\": false,"
  "  \"creation_time\": \"1700000000000\""
  "}";

static const char vm_normalised[] =
  "{\"id\":\"123e4567-e89b-12d3-a456-426614174000\",\"name\":\"web01\","
  "\"description\":\"front end\",\"comment\":\"\",\"type\":\"server\","
  "\"memory\":4294967296,"
  "\"memory_policy\":{\"guaranteed\":2147483648,\"max\":17179869184,\"ballooning\":true},"
  "\"cpu\":{\"sockets\":2,\"cores\":4,\"threads\":1},\"cpu_shares\":0,"
  "\"cluster_id\":\"c1\",\"os_type\":\"rhel_9x64\",\"custom_compatibility_version\":\"4.7\","
  "\"status\":\"powering_up\",\"template_id\":\"t1\",\"host_id\":\"h1\","
  "\"next_run_configuration_exists\":false,\"creation_time\":1700000000000}";

static const char vm_unset_normalised[] =
  "{\"id\":null,\"name\":null,\"description\":null,\"comment\":null,\"type\":null,"
  "\"memory\":null,\"memory_policy\":{\"guaranteed\":null,\"max\":null,\"ballooning\":null},"
  "\"cpu\":{\"sockets\":null,\"cores\":null,\"threads\":null},\"cpu_shares\":null,"
  "\"cluster_id\":null,\"os_type\":null,\"custom_compatibility_version\":null,"
  "\"status\":null,\"template_id\":null,\"host_id\":null,"
  "\"next_run_configuration_exists\":null,\"creation_time\":null}";

static JsonObject *
parse (const char *text)
{
  g_autoptr(GError) error = NULL;
  JsonObject *object = aero_json_parse_object (text, -1, &error);

  g_assert_no_error (error);
  g_assert_nonnull (object);
  return object;
}

static char *
to_string (JsonNode *node)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();

  json_generator_set_root (generator, node);
  return json_generator_to_data (generator, NULL);
}

static void
test_tristate (void)
{
  static const struct {
    const char *json;
    AeroTristate expected;
  } cases[] = {
    { "{\"b\": \"true\"}", AERO_TRISTATE_TRUE },
    { "{\"b\": \"TRUE\"}", AERO_TRISTATE_TRUE },
    { "{\"b\": \"True\"}", AERO_TRISTATE_TRUE },
    { "{\"b\": \"1\"}", AERO_TRISTATE_TRUE },
    { "{\"b\": true}", AERO_TRISTATE_TRUE },
    { "{\"b\": 1}", AERO_TRISTATE_TRUE },
    { "{\"b\": \"false\"}", AERO_TRISTATE_FALSE },
    { "{\"b\": \"FALSE\"}", AERO_TRISTATE_FALSE },
    { "{\"b\": \"0\"}", AERO_TRISTATE_FALSE },
    { "{\"b\": false}", AERO_TRISTATE_FALSE },
    { "{\"b\": 0}", AERO_TRISTATE_FALSE },
    { "{}", AERO_TRISTATE_UNKNOWN },
    { "{\"b\": null}", AERO_TRISTATE_UNKNOWN },
    { "{\"b\": \"\"}", AERO_TRISTATE_UNKNOWN },
    { "{\"b\": \"yes\"}", AERO_TRISTATE_UNKNOWN },
    { "{\"b\": \"truex\"}", AERO_TRISTATE_UNKNOWN },
    { "{\"b\": 2}", AERO_TRISTATE_UNKNOWN },
    { "{\"b\": 1.0}", AERO_TRISTATE_UNKNOWN },
    { "{\"b\": {}}", AERO_TRISTATE_UNKNOWN },
    { "{\"b\": [true]}", AERO_TRISTATE_UNKNOWN },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(JsonObject) object = parse (cases[i].json);

      g_test_message ("%s", cases[i].json);
      g_assert_cmpint (aero_json_get_tristate (object, "b"), ==, cases[i].expected);
    }

  g_assert_cmpint (aero_json_get_tristate (NULL, "b"), ==, AERO_TRISTATE_UNKNOWN);
}

static void
test_int64 (void)
{
  static const struct {
    const char *json;
    gboolean ok;
    gint64 expected;
  } cases[] = {
    { "{\"n\": \"12\"}", TRUE, 12 },
    { "{\"n\": 12}", TRUE, 12 },
    { "{\"n\": \"-3\"}", TRUE, -3 },
    { "{\"n\": \"4294967296\"}", TRUE, G_GINT64_CONSTANT (4294967296) },
    { "{\"n\": 17179869184}", TRUE, G_GINT64_CONSTANT (17179869184) },
    { "{\"n\": \"9223372036854775807\"}", TRUE, G_MAXINT64 },
    { "{\"n\": 1.073741824E9}", TRUE, 1073741824 },
    { "{\"n\": \"12abc\"}", FALSE, 0 },
    { "{\"n\": \"abc\"}", FALSE, 0 },
    { "{\"n\": \"\"}", FALSE, 0 },
    { "{\"n\": \" 12\"}", FALSE, 0 },
    { "{\"n\": \"12 \"}", FALSE, 0 },
    { "{\"n\": \"0x10\"}", FALSE, 0 },
    { "{\"n\": \"1.5\"}", FALSE, 0 },
    { "{\"n\": \"9223372036854775808\"}", FALSE, 0 },
    { "{\"n\": 1.5}", FALSE, 0 },
    { "{\"n\": 1e300}", FALSE, 0 },
    { "{\"n\": true}", FALSE, 0 },
    { "{\"n\": null}", FALSE, 0 },
    { "{\"n\": {}}", FALSE, 0 },
    { "{\"n\": [1]}", FALSE, 0 },
    { "{}", FALSE, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(JsonObject) object = parse (cases[i].json);
      gint64 value = 42;

      g_test_message ("%s", cases[i].json);
      g_assert_cmpint (aero_json_get_int64 (object, "n", &value), ==, cases[i].ok);
      g_assert_cmpint (value, ==, cases[i].ok ? cases[i].expected : 42);
    }
}

static void
test_string_and_refs (void)
{
  g_autoptr(JsonObject) object =
    parse ("{\"s\": \"x\", \"n\": 5, \"o\": {\"id\": \"r\"}, \"bad\": {\"id\": 7},"
           " \"arr\": [\"x\"], \"ref_string\": \"c1\"}");

  g_assert_cmpstr (aero_json_get_string (object, "s"), ==, "x");
  g_assert_null (aero_json_get_string (object, "n"));
  g_assert_null (aero_json_get_string (object, "o"));
  g_assert_null (aero_json_get_string (object, "missing"));
  g_assert_cmpstr (aero_json_get_ref_id (object, "o"), ==, "r");
  g_assert_null (aero_json_get_ref_id (object, "bad"));
  g_assert_null (aero_json_get_ref_id (object, "arr"));
  g_assert_null (aero_json_get_ref_id (object, "ref_string"));
  g_assert_nonnull (aero_json_get_object (object, "o"));
  g_assert_null (aero_json_get_object (object, "arr"));
  g_assert_null (aero_json_get_object (object, "s"));
  g_assert_null (aero_json_get_object (NULL, "s"));
}

static void
assert_web01 (AeroVm *vm)
{
  AeroMemoryPolicy *policy = aero_vm_get_memory_policy (vm);
  AeroVersion *version = aero_vm_get_custom_compatibility_version (vm);

  g_assert_cmpstr (aero_vm_get_id (vm), ==, "123e4567-e89b-12d3-a456-426614174000");
  g_assert_cmpstr (aero_vm_get_name (vm), ==, "web01");
  g_assert_cmpstr (aero_vm_get_description (vm), ==, "front end");
  g_assert_cmpstr (aero_vm_get_comment (vm), ==, "");
  g_assert_cmpint (aero_vm_get_vm_type (vm), ==, AERO_VM_TYPE_SERVER);
  g_assert_cmpint (aero_vm_get_status (vm), ==, AERO_VM_STATUS_POWERING_UP);
  g_assert_cmpint (aero_vm_get_memory (vm), ==, G_GINT64_CONSTANT (4294967296));
  g_assert_cmpint (aero_memory_policy_get_guaranteed (policy), ==, G_GINT64_CONSTANT (2147483648));
  g_assert_cmpint (aero_memory_policy_get_max (policy), ==, G_GINT64_CONSTANT (17179869184));
  g_assert_cmpint (aero_memory_policy_get_ballooning (policy), ==, AERO_TRISTATE_TRUE);
  g_assert_cmpint (aero_vm_get_cpu_sockets (vm), ==, 2);
  g_assert_cmpint (aero_vm_get_cpu_cores (vm), ==, 4);
  g_assert_cmpint (aero_vm_get_cpu_threads (vm), ==, 1);
  g_assert_cmpint (aero_vm_get_cpu_shares (vm), ==, 0);
  g_assert_cmpstr (aero_vm_get_cluster_id (vm), ==, "c1");
  g_assert_cmpstr (aero_vm_get_template_id (vm), ==, "t1");
  g_assert_cmpstr (aero_vm_get_host_id (vm), ==, "h1");
  g_assert_cmpstr (aero_vm_get_os_type (vm), ==, "rhel_9x64");
  g_assert_nonnull (version);
  g_assert_cmpuint (aero_version_get_major (version), ==, 4);
  g_assert_cmpuint (aero_version_get_minor (version), ==, 7);
  g_assert_cmpint (aero_vm_get_next_run_configuration_exists (vm), ==, AERO_TRISTATE_FALSE);
  g_assert_cmpint (aero_vm_get_creation_time (vm), ==, G_GINT64_CONSTANT (1700000000000));
}

static void
test_vm_string_scalars (void)
{
  g_autoptr(JsonObject) object = parse (vm_strings);
  g_autoptr(AeroVm) vm = aero_json_read_vm (object);

  assert_web01 (vm);
}

static void
test_vm_native_scalars (void)
{
  g_autoptr(JsonObject) object = parse (vm_native);
  g_autoptr(AeroVm) vm = aero_json_read_vm (object);

  assert_web01 (vm);
}

static void
test_vm_missing_members (void)
{
  g_autoptr(JsonObject) object = parse ("{\"id\": \"x\", \"memory_policy\": {\"guaranteed\": \"1\"}}");
  g_autoptr(AeroVm) vm = aero_json_read_vm (object);
  AeroMemoryPolicy *policy = aero_vm_get_memory_policy (vm);

  g_assert_cmpstr (aero_vm_get_id (vm), ==, "x");
  g_assert_null (aero_vm_get_name (vm));
  g_assert_null (aero_vm_get_description (vm));
  g_assert_cmpint (aero_vm_get_vm_type (vm), ==, AERO_VM_TYPE_UNKNOWN);
  g_assert_cmpint (aero_vm_get_status (vm), ==, AERO_VM_STATUS_UNKNOWN);
  g_assert_cmpint (aero_vm_get_memory (vm), ==, AERO_UNSET);
  g_assert_cmpint (aero_memory_policy_get_guaranteed (policy), ==, 1);
  g_assert_cmpint (aero_memory_policy_get_max (policy), ==, AERO_UNSET);
  /* Left out of plain collections by engines up to 4.4.5: unknown, not off. */
  g_assert_cmpint (aero_memory_policy_get_ballooning (policy), ==, AERO_TRISTATE_UNKNOWN);
  g_assert_cmpint (aero_vm_get_cpu_sockets (vm), ==, AERO_UNSET);
  g_assert_cmpint (aero_vm_get_cpu_shares (vm), ==, AERO_UNSET);
  g_assert_null (aero_vm_get_cluster_id (vm));
  g_assert_null (aero_vm_get_custom_compatibility_version (vm));
  g_assert_cmpint (aero_vm_get_next_run_configuration_exists (vm), ==, AERO_TRISTATE_UNKNOWN);
  g_assert_cmpint (aero_vm_get_creation_time (vm), ==, AERO_UNSET);
}

static void
test_vm_empty_and_null (void)
{
  g_autoptr(JsonObject) object = parse ("{}");
  g_autoptr(AeroVm) vm = aero_json_read_vm (object);
  g_autoptr(AeroVm) vm_null = aero_json_read_vm (NULL);
  g_autoptr(JsonNode) node = aero_json_vm_to_normalised (vm);
  g_autoptr(JsonNode) node_null = aero_json_vm_to_normalised (vm_null);
  g_autofree char *text = to_string (node);
  g_autofree char *text_null = to_string (node_null);

  g_assert_nonnull (aero_vm_get_memory_policy (vm));
  g_assert_cmpstr (text, ==, vm_unset_normalised);
  g_assert_cmpstr (text_null, ==, vm_unset_normalised);
}

/* Wrong types in every member the reader looks at: all stay unset. */
static void
test_vm_garbage (void)
{
  static const char garbage[] =
    "{\"id\": 5, \"name\": [\"x\"], \"description\": {}, \"comment\": true,"
    " \"type\": \"spaceship\", \"status\": 3, \"memory\": \"12abc\","
    " \"memory_policy\": {\"guaranteed\": \"-5\", \"max\": {}, \"ballooning\": \"maybe\"},"
    " \"cpu\": {\"topology\": [1, 2]}, \"cpu_shares\": \"99999999999\","
    " \"cluster\": \"c1\", \"template\": {\"id\": 3}, \"host\": [],"
    " \"os\": \"linux\", \"custom_compatibility_version\": {\"major\": \"four\", \"minor\": \"7\"},"
    " \"next_run_configuration_exists\": \"\", \"creation_time\": \"yesterday\"}";
  g_autoptr(JsonObject) object = parse (garbage);
  g_autoptr(AeroVm) vm = aero_json_read_vm (object);
  g_autoptr(JsonNode) node = aero_json_vm_to_normalised (vm);
  g_autofree char *text = to_string (node);

  g_assert_cmpstr (text, ==, vm_unset_normalised);
}

/* Members of the wrong container type in every position of every model. */
static void
test_garbage_everywhere (void)
{
  static const char * const values[] = {
    "null", "true", "0", "-1", "1.5", "\"\"", "\"x\"", "[]", "{}", "[{}]", "{\"id\":{}}",
    "{\"major\":[],\"minor\":{}}", "{\"topology\":\"x\"}", "{\"over_commit\":[]}",
    "{\"value\":{}}", "{\"value\":[1]}", "{\"value\":[{\"datum\":{}}]}",
  };
  static const char * const members[] = {
    "id", "name", "type", "status", "memory", "memory_policy", "cpu", "cpu_shares",
    "cluster", "template", "host", "os", "custom_compatibility_version", "version",
    "next_run_configuration_exists", "creation_time", "ballooning_enabled", "ksm",
    "data_center", "statistic", "values", "vm",
  };

  for (guint m = 0; m < G_N_ELEMENTS (members); m++)
    for (guint v = 0; v < G_N_ELEMENTS (values); v++)
      {
        g_autofree char *text = g_strdup_printf ("{\"%s\": %s}", members[m], values[v]);
        g_autoptr(JsonObject) object = parse (text);
        g_autoptr(AeroVm) vm = aero_json_read_vm (object);
        g_autoptr(AeroTemplate) tmpl = aero_json_read_template (object);
        g_autoptr(AeroCluster) cluster = aero_json_read_cluster (object);
        g_autoptr(AeroMemoryStats) stats = aero_json_read_memory_stats (object);
        g_autoptr(GPtrArray) items = aero_json_read_collection (object, "vm",
                                                                (AeroJsonReadFunc) aero_json_read_vm);
        g_autoptr(JsonNode) a = aero_json_vm_to_normalised (vm);
        g_autoptr(JsonNode) b = aero_json_template_to_normalised (tmpl);
        g_autoptr(JsonNode) c = aero_json_cluster_to_normalised (cluster);

        g_assert_nonnull (a);
        g_assert_nonnull (b);
        g_assert_nonnull (c);
        g_assert_nonnull (items);
        g_assert_cmpint (aero_memory_stats_get_used (stats), ==, AERO_UNSET);
      }
}

static void
test_collection (void)
{
  static const struct {
    const char *json;
    guint n;
  } cases[] = {
    { "{}", 0 },
    { "{\"vm\": []}", 0 },
    { "{\"vm\": {}}", 0 },
    { "{\"vm\": \"x\"}", 0 },
    { "{\"vm\": null}", 0 },
    { "{\"template\": [{}]}", 0 },
    { "{\"vm\": [{}]}", 1 },
    { "{\"vm\": [{\"id\": \"a\"}, 5, \"x\", null, [], {\"id\": \"b\"}]}", 2 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(JsonObject) object = parse (cases[i].json);
      g_autoptr(GPtrArray) items = aero_json_read_collection (object, "vm",
                                                              (AeroJsonReadFunc) aero_json_read_vm);

      g_test_message ("%s", cases[i].json);
      g_assert_cmpuint (items->len, ==, cases[i].n);
      for (guint j = 0; j < items->len; j++)
        g_assert_true (AERO_IS_VM (g_ptr_array_index (items, j)));
    }

  {
    g_autoptr(GPtrArray) items = aero_json_read_collection (NULL, "vm",
                                                            (AeroJsonReadFunc) aero_json_read_vm);
    g_assert_cmpuint (items->len, ==, 0);
  }
}

static void
test_template (void)
{
  g_autoptr(JsonObject) object =
    parse ("{\"id\": \"t1\", \"name\": \"rhel9\", \"type\": \"high_performance\","
           " \"status\": \"ok\", \"memory\": \"1073741824\","
           " \"memory_policy\": {\"guaranteed\": 1073741824, \"ballooning\": \"false\"},"
           " \"cpu\": {\"topology\": {\"sockets\": \"1\", \"cores\": \"2\", \"threads\": \"2\"}},"
           " \"cluster\": {\"id\": \"c1\"}, \"os\": {\"type\": \"rhel_9x64\"},"
           " \"version\": {\"version_name\": \"base\", \"version_number\": \"3\","
           "   \"base_template\": {\"id\": \"t0\"}},"
           " \"custom_compatibility_version\": {\"major\": \"4\", \"minor\": \"2\"}}");
  g_autoptr(AeroTemplate) tmpl = aero_json_read_template (object);
  g_autoptr(JsonNode) node = aero_json_template_to_normalised (tmpl);
  g_autofree char *text = to_string (node);
  AeroMemoryPolicy *policy = aero_template_get_memory_policy (tmpl);

  g_assert_cmpstr (aero_template_get_id (tmpl), ==, "t1");
  g_assert_cmpint (aero_template_get_vm_type (tmpl), ==, AERO_VM_TYPE_HIGH_PERFORMANCE);
  g_assert_cmpstr (aero_template_get_status (tmpl), ==, "ok");
  g_assert_cmpint (aero_template_get_memory (tmpl), ==, 1073741824);
  g_assert_cmpint (aero_memory_policy_get_guaranteed (policy), ==, 1073741824);
  g_assert_cmpint (aero_memory_policy_get_max (policy), ==, AERO_UNSET);
  g_assert_cmpint (aero_memory_policy_get_ballooning (policy), ==, AERO_TRISTATE_FALSE);
  g_assert_cmpint (aero_template_get_cpu_cores (tmpl), ==, 2);
  g_assert_cmpstr (aero_template_get_cluster_id (tmpl), ==, "c1");
  g_assert_cmpstr (aero_template_get_version_name (tmpl), ==, "base");
  g_assert_cmpint (aero_template_get_version_number (tmpl), ==, 3);
  g_assert_true (aero_version_at_least (aero_template_get_custom_compatibility_version (tmpl), 4, 2));
  g_assert_cmpstr (text, ==,
                   "{\"id\":\"t1\",\"name\":\"rhel9\",\"description\":null,\"comment\":null,"
                   "\"type\":\"high_performance\",\"memory\":1073741824,"
                   "\"memory_policy\":{\"guaranteed\":1073741824,\"max\":null,\"ballooning\":false},"
                   "\"cpu\":{\"sockets\":1,\"cores\":2,\"threads\":2},\"cpu_shares\":null,"
                   "\"cluster_id\":\"c1\",\"os_type\":\"rhel_9x64\","
                   "\"custom_compatibility_version\":\"4.2\",\"status\":\"ok\","
                   "\"version_name\":\"base\",\"version_number\":3}");
}

static void
test_cluster (void)
{
  g_autoptr(JsonObject) strings =
    parse ("{\"id\": \"c1\", \"name\": \"Default\", \"description\": \"The default server cluster\","
           " \"version\": {\"major\": \"4\", \"minor\": \"7\"}, \"ballooning_enabled\": \"true\","
           " \"memory_policy\": {\"over_commit\": {\"percent\": \"150\"},"
           "   \"transparent_hugepages\": {\"enabled\": \"true\"}},"
           " \"ksm\": {\"enabled\": \"false\", \"merge_across_nodes\": \"true\"},"
           " \"cpu\": {\"architecture\": \"x86_64\", \"type\": \"Intel Nehalem Family\"},"
           " \"data_center\": {\"href\": \"/x\", \"id\": \"dc1\"}}");
  g_autoptr(JsonObject) native =
    parse ("{\"id\": \"c1\", \"name\": \"Default\", \"description\": \"The default server cluster\","
           " \"version\": {\"major\": 4, \"minor\": 7}, \"ballooning_enabled\": true,"
           " \"memory_policy\": {\"over_commit\": {\"percent\": 150},"
           "   \"transparent_hugepages\": {\"enabled\": true}},"
           " \"ksm\": {\"enabled\": false}, \"cpu\": {\"architecture\": \"x86_64\"},"
           " \"data_center\": {\"id\": \"dc1\"}}");
  g_autoptr(AeroCluster) a = aero_json_read_cluster (strings);
  g_autoptr(AeroCluster) b = aero_json_read_cluster (native);
  g_autoptr(AeroCluster) empty = aero_json_read_cluster (NULL);
  g_autoptr(JsonNode) node_a = aero_json_cluster_to_normalised (a);
  g_autoptr(JsonNode) node_b = aero_json_cluster_to_normalised (b);
  g_autoptr(JsonNode) node_empty = aero_json_cluster_to_normalised (empty);
  g_autofree char *text_a = to_string (node_a);
  g_autofree char *text_b = to_string (node_b);
  g_autofree char *text_empty = to_string (node_empty);
  g_autofree char *label = aero_cluster_dup_label (a);

  g_assert_cmpstr (text_a, ==,
                   "{\"id\":\"c1\",\"name\":\"Default\",\"description\":\"The default server cluster\","
                   "\"version\":\"4.7\",\"ballooning_enabled\":true,\"overcommit_percent\":150,"
                   "\"ksm_enabled\":false,\"transparent_hugepages\":true,"
                   "\"architecture\":\"x86_64\",\"data_center_id\":\"dc1\"}");
  g_assert_cmpstr (text_a, ==, text_b);
  g_assert_cmpstr (text_empty, ==,
                   "{\"id\":null,\"name\":null,\"description\":null,\"version\":null,"
                   "\"ballooning_enabled\":null,\"overcommit_percent\":null,\"ksm_enabled\":null,"
                   "\"transparent_hugepages\":null,\"architecture\":null,\"data_center_id\":null}");
  g_assert_cmpstr (label, ==, "Default (4.7)");
}

static void
test_memory_stats (void)
{
  g_autoptr(JsonObject) object =
    parse ("{\"statistic\": ["
           " {\"name\": \"memory.installed\", \"unit\": \"bytes\", \"values\": {\"value\": [{\"datum\": 1073741824}]}},"
           " {\"name\": \"memory.used\", \"values\": {\"value\": [{\"datum\": \"536870912\"}]}},"
           " {\"name\": \"memory.free\", \"values\": {\"value\": [{\"datum\": 2.68435456E8}]}},"
           " {\"name\": \"memory.buffered\", \"values\": {\"value\": [{\"datum\": \"1.2E3\"}]}},"
           " {\"name\": \"memory.cached\", \"values\": {\"value\": [{\"datum\": \"12abc\"}]}},"
           " {\"name\": \"memory.unused\", \"values\": {\"value\": []}},"
           " {\"name\": \"cpu.current.guest\", \"values\": {\"value\": [{\"datum\": 5.5}]}},"
           " {\"name\": \"memory.used\"}, 7, \"x\""
           "]}");
  g_autoptr(AeroMemoryStats) stats = aero_json_read_memory_stats (object);
  g_autoptr(AeroMemoryStats) none = aero_json_read_memory_stats (NULL);

  g_assert_cmpint (aero_memory_stats_get_installed (stats), ==, 1073741824);
  g_assert_cmpint (aero_memory_stats_get_used (stats), ==, 536870912);
  g_assert_cmpint (aero_memory_stats_get_free (stats), ==, 268435456);
  g_assert_cmpint (aero_memory_stats_get_buffered (stats), ==, 1200);
  g_assert_cmpint (aero_memory_stats_get_cached (stats), ==, AERO_UNSET);
  g_assert_cmpint (aero_memory_stats_get_unused (stats), ==, AERO_UNSET);
  g_assert_cmpint (aero_memory_stats_get_installed (none), ==, AERO_UNSET);
}

static void
test_parse_object_errors (void)
{
  static const char * const bad[] = {
    "",
    "   ",
    "[]",
    "[{\"id\": \"x\"}]",
    "\"text\"",
    "42",
    "null",
    "{",
    "{\"a\": }",
    "{\"a\": 1,}",
    "<html><body><h1>401 Unauthorized</h1></body></html>",
    "{\"a\": \"\xff\xfe\"}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonObject) object = aero_json_parse_object (bad[i], -1, &error);
      g_autofree char *escaped = g_strescape (bad[i], NULL);

      /* Escaped: invalid UTF-8 in a message would break the TAP stream. */
      g_test_message ("%s", escaped);
      g_assert_null (object);
      g_assert_error (error, AERO_ENGINE_ERROR, AERO_ENGINE_ERROR_PARSE);
    }

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(JsonObject) object = aero_json_parse_object (NULL, 0, &error);

    g_assert_null (object);
    g_assert_error (error, AERO_ENGINE_ERROR, AERO_ENGINE_ERROR_PARSE);
  }

  {
    /* A length shorter than the buffer is honoured. */
    g_autoptr(GError) error = NULL;
    g_autoptr(JsonObject) object = aero_json_parse_object ("{\"a\": \"b\"}garbage", 10, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (aero_json_get_string (object, "a"), ==, "b");
  }
}

/* json-glib recurses: deep nesting must be refused, not crash. */
static void
test_parse_object_deep (void)
{
  g_autofree char *deep = nested_json ("{\"a\": ", 200000, "}");
  g_autofree char *fine = nested_json ("{\"a\": ", 100, ", \"b\": \"[[[[\\\"[[\"}");
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) refused = aero_json_parse_object (deep, -1, &error);
  g_autoptr(JsonObject) accepted = NULL;

  g_assert_null (refused);
  g_assert_error (error, AERO_ENGINE_ERROR, AERO_ENGINE_ERROR_PARSE);
  g_clear_error (&error);

  /* Brackets inside strings do not count. */
  accepted = aero_json_parse_object (fine, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (aero_json_get_string (accepted, "b"), ==, "[[[[\"[[");
}

static void
test_fault_document (void)
{
  g_autoptr(JsonObject) bare =
    parse ("{\"reason\": \"Operation Failed\", \"detail\": \"[Cannot edit VM.]\"}");
  g_autoptr(JsonObject) action =
    parse ("{\"status\": \"failed\", \"fault\": {\"reason\": \"Operation Failed\", \"detail\": \"[x]\"}}");

  g_assert_cmpstr (aero_json_get_string (bare, "reason"), ==, "Operation Failed");
  g_assert_cmpstr (aero_json_get_string (aero_json_get_object (action, "fault"), "detail"), ==, "[x]");
}

static void
test_normalised_vm (void)
{
  g_autoptr(JsonObject) a = parse (vm_strings);
  g_autoptr(JsonObject) b = parse (vm_native);
  g_autoptr(AeroVm) vm_a = aero_json_read_vm (a);
  g_autoptr(AeroVm) vm_b = aero_json_read_vm (b);
  g_autoptr(JsonNode) node_a = aero_json_vm_to_normalised (vm_a);
  g_autoptr(JsonNode) node_b = aero_json_vm_to_normalised (vm_b);
  g_autofree char *text_a = to_string (node_a);
  g_autofree char *text_b = to_string (node_b);

  g_assert_cmpstr (text_a, ==, vm_normalised);
  g_assert_cmpstr (text_b, ==, vm_normalised);
}

/* The member lists name every member the readers use: a model read from
 * an object cut down to its list equals one read from the whole. */
static void
assert_members_suffice (const char          *json,
                        const char * const  *members,
                        JsonNode          *(*read_normalised) (JsonObject *))
{
  g_autoptr(JsonObject) full = parse (json);
  g_autoptr(JsonObject) cut = json_object_new ();
  g_autoptr(GList) names = json_object_get_members (full);
  g_autoptr(JsonNode) a = read_normalised (full);
  g_autoptr(JsonNode) b = NULL;

  for (GList *l = names; l != NULL; l = l->next)
    if (g_strv_contains (members, l->data))
      json_object_set_member (cut, l->data, json_node_copy (json_object_get_member (full, l->data)));
  b = read_normalised (cut);

  g_assert_true (json_object_get_size (cut) < json_object_get_size (full));
  g_assert_true (json_node_equal (a, b));
}

static JsonNode *
vm_normalised_from (JsonObject *object)
{
  g_autoptr(AeroVm) vm = aero_json_read_vm (object);

  return aero_json_vm_to_normalised (vm);
}

static JsonNode *
template_normalised_from (JsonObject *object)
{
  g_autoptr(AeroTemplate) tmpl = aero_json_read_template (object);

  return aero_json_template_to_normalised (tmpl);
}

static JsonNode *
cluster_normalised_from (JsonObject *object)
{
  g_autoptr(AeroCluster) cluster = aero_json_read_cluster (object);

  return aero_json_cluster_to_normalised (cluster);
}

static void
test_member_lists (void)
{
  g_assert_true (aero_json_get_collection_members ("vm") == aero_json_get_vm_members ());
  g_assert_true (aero_json_get_collection_members ("template") == aero_json_get_template_members ());
  g_assert_true (aero_json_get_collection_members ("cluster") == aero_json_get_cluster_members ());
  g_assert_null (aero_json_get_collection_members ("statistic"));
  g_assert_null (aero_json_get_collection_members (NULL));

  assert_members_suffice (vm_strings, aero_json_get_vm_members (), vm_normalised_from);
  assert_members_suffice ("{\"id\": \"t1\", \"name\": \"rhel9\", \"status\": \"ok\","
                          " \"memory\": \"1\", \"memory_policy\": {\"ballooning\": \"true\"},"
                          " \"version\": {\"version_name\": \"base\", \"version_number\": \"3\"},"
                          " \"cpu\": {\"topology\": {\"cores\": \"2\"}}, \"link\": []}",
                          aero_json_get_template_members (), template_normalised_from);
  assert_members_suffice ("{\"id\": \"c1\", \"name\": \"Default\", \"version\": {\"major\": \"4\","
                          " \"minor\": \"7\"}, \"ballooning_enabled\": \"true\","
                          " \"memory_policy\": {\"over_commit\": {\"percent\": \"150\"}},"
                          " \"ksm\": {\"enabled\": \"true\"}, \"cpu\": {\"architecture\": \"x86_64\"},"
                          " \"data_center\": {\"id\": \"dc\"}, \"scheduling_policy\": {}}",
                          aero_json_get_cluster_members (), cluster_normalised_from);
}

static void
test_builders (void)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;

  json_builder_begin_object (builder);
  aero_json_builder_add_int64 (builder, "memory", G_GINT64_CONSTANT (4294967296));
  json_builder_set_member_name (builder, "memory_policy");
  json_builder_begin_object (builder);
  aero_json_builder_add_bool (builder, "ballooning", TRUE);
  aero_json_builder_add_int64 (builder, "guaranteed", 0);
  json_builder_end_object (builder);
  aero_json_builder_add_bool (builder, "volatile", FALSE);
  json_builder_set_member_name (builder, "list");
  json_builder_begin_array (builder);
  aero_json_builder_add_bool (builder, NULL, TRUE);
  aero_json_builder_add_int64 (builder, NULL, -1);
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  text = to_string (root);
  g_assert_cmpstr (text, ==,
                   "{\"memory\":\"4294967296\",\"memory_policy\":{\"ballooning\":\"true\","
                   "\"guaranteed\":\"0\"},\"volatile\":\"false\",\"list\":[\"true\",\"-1\"]}");
}

/* A NUL in a string would cut "web-01\u0000-shadow" to "web-01", the
 * name of another VM: such a reply is refused; an escaped backslash
 * before "u0000" is only text and stays. */
static void
test_nul_in_strings (void)
{
  static const char * const bad[] = {
    "{\"id\": \"vm-2\", \"name\": \"web-01\\u0000-shadow\"}",
    "{\"vm\": [{\"id\": \"vm-2\", \"name\": \"web-01\\u0000\"}]}",
    "{\"id\": \"vm-2\\u0000\"}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonObject) object = aero_json_parse_object (bad[i], -1, &error);

      g_test_message ("%s", bad[i]);
      g_assert_null (object);
      g_assert_error (error, AERO_ENGINE_ERROR, AERO_ENGINE_ERROR_PARSE);
    }

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(JsonObject) object =
      aero_json_parse_object ("{\"id\": \"vm-2\", \"name\": \"web-01\\\\u0000\"}", -1, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (aero_json_get_string (object, "name"), ==, "web-01\\u0000");
  }
}

/* The text written straight for `aerostat-cli --json vms` is what the
 * generator writes for the normalised tree, byte for byte: every member,
 * unset ones, each status and type, every escape json-glib makes. */
static void
test_normalised_text (void)
{
  static const char * const vms[] = {
    "{}",
    "{\"id\": \"v1\", \"name\": \"web-01\", \"description\": \"quote \\\" backslash \\\\ slash /"
    " \\b\\f\\n\\r\\t \\u0001\\u001e\\u007f \\u00e9\\u20ac\\ud83d\\ude80\\u2028\", \"comment\": \"\","
    " \"type\": \"high_performance\", \"memory\": \"4294967296\", \"memory_policy\": {\"guaranteed\": 0,"
    " \"max\": \"9223372036854775807\", \"ballooning\": \"false\"}, \"cpu\": {\"topology\": {\"sockets\": 2,"
    " \"cores\": 4, \"threads\": 1}}, \"cpu_shares\": 1024, \"cluster\": {\"id\": \"c1\"},"
    " \"os\": {\"type\": \"rhel_9x64\"}, \"custom_compatibility_version\": {\"major\": 4, \"minor\": 7},"
    " \"status\": \"migrating\", \"template\": {\"id\": \"t\"}, \"host\": {\"id\": \"h\"},"
    " \"next_run_configuration_exists\": true, \"creation_time\": 1700000000000}",
    "{\"id\": \"v2\", \"type\": \"server\", \"status\": \"no-such-status\", \"memory_policy\":"
    " {\"ballooning\": true}, \"next_run_configuration_exists\": false}",
    "{\"id\": \"v3\", \"type\": \"desktop\", \"status\": \"down\", \"memory\": -5}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (vms); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonObject) object = aero_json_parse_object (vms[i], -1, &error);
      g_autoptr(AeroVm) vm = NULL;
      g_autoptr(JsonNode) tree = NULL;
      g_autofree char *expected = NULL;
      g_autoptr(GString) text = g_string_new ("[");

      g_assert_no_error (error);
      vm = aero_json_read_vm (object);
      tree = aero_json_vm_to_normalised (vm);
      json_object_set_string_member (json_node_get_object (tree), "effective_version", "4.7");
      json_object_set_null_member (json_node_get_object (tree), "extra");
      json_object_set_boolean_member (json_node_get_object (tree), "ballooning_supported", i % 2);
      expected = json_to_string (tree, FALSE);

      /* Appended to what the buffer holds. */
      aero_json_text_begin_vm (text, vm);
      aero_json_text_add_string (text, "effective_version", "4.7");
      aero_json_text_add_string (text, "extra", NULL);
      aero_json_text_add_boolean (text, "ballooning_supported", i % 2);
      aero_json_text_end_object (text);
      g_assert_cmpstr (text->str + 1, ==, expected);
      g_assert_cmpint (text->str[0], ==, '[');
    }

  /* U+001F, which json-glib 1.6 writes raw (not JSON), is escaped. */
  {
    g_autoptr(AeroVm) vm = aero_vm_new ();
    g_autoptr(GString) text = g_string_new (NULL);

    aero_vm_set_name (vm, "a\x1f" "b");
    aero_json_text_begin_vm (text, vm);
    aero_json_text_end_object (text);
    g_assert_nonnull (strstr (text->str, "\"name\":\"a\\u001fb\""));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/codec/scalar/tristate", test_tristate);
  g_test_add_func ("/codec/nul-in-strings", test_nul_in_strings);
  g_test_add_func ("/codec/scalar/int64", test_int64);
  g_test_add_func ("/codec/scalar/string-and-refs", test_string_and_refs);
  g_test_add_func ("/codec/vm/string-scalars", test_vm_string_scalars);
  g_test_add_func ("/codec/vm/native-scalars", test_vm_native_scalars);
  g_test_add_func ("/codec/vm/missing-members", test_vm_missing_members);
  g_test_add_func ("/codec/vm/empty-and-null", test_vm_empty_and_null);
  g_test_add_func ("/codec/vm/garbage", test_vm_garbage);
  g_test_add_func ("/codec/garbage-everywhere", test_garbage_everywhere);
  g_test_add_func ("/codec/collection", test_collection);
  g_test_add_func ("/codec/template", test_template);
  g_test_add_func ("/codec/cluster", test_cluster);
  g_test_add_func ("/codec/memory-stats", test_memory_stats);
  g_test_add_func ("/codec/parse-object/errors", test_parse_object_errors);
  g_test_add_func ("/codec/parse-object/deep", test_parse_object_deep);
  g_test_add_func ("/codec/parse-object/fault", test_fault_document);
  g_test_add_func ("/codec/normalised/vm", test_normalised_vm);
  g_test_add_func ("/codec/normalised/text", test_normalised_text);
  g_test_add_func ("/codec/member-lists", test_member_lists);
  g_test_add_func ("/codec/builders", test_builders);

  return g_test_run ();
}
