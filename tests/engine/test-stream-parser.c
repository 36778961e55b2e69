/* test-stream-parser.c - the streaming collection parser
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <time.h>

#include <yajl/yajl_parse.h>

#include "aero-engine-error.h"
#include "aero-engine-limits.h"
#include "aero-json.h"
#include "aero-json-fields.h"
#include "aero-stream-parser.h"
#include "model-equal.h"
#include "nested-json.h"

/* A collection the way an engine sends it, with everything the parser
 * must get through: links and actions, nested arrays and objects,
 * escapes, unicode, numbers of every shape, null, booleans, members
 * around the wrapper array. */
static const char sample[] =
  "{\n"
  "  \"before\": {\"vm\": [{\"id\": \"decoy\"}], \"x\": [1, [2, {}]]},\n"
  "  \"vm\": [\n"
  "    {\n"
  "      \"actions\": {\"link\": [{\"href\": \"/a/start\", \"rel\": \"start\"},"
  "                     {\"href\": \"/a/stop\", \"rel\": \"stop\"}]},\n"
  "      \"name\": \"web01\",\n"
  "      \"description\": \"quote \\\" backslash \\\\ tab \\t unicode \\u00e9\\u20ac \\ud83d\\ude80\",\n"
  "      \"memory\": \"4294967296\",\n"
  "      \"memory_policy\": {\"guaranteed\": 2147483648, \"max\": \"17179869184\","
  " \"ballooning\": \"true\"},\n"
  "      \"cpu\": {\"topology\": {\"sockets\": 2, \"cores\": \"4\", \"threads\": 1}},\n"
  "      \"cpu_shares\": 0,\n"
  "      \"ratio\": -1.5e-3,\n"
  "      \"flag\": true, \"off\": false, \"none\": null,\n"
  "      \"os\": {\"boot\": {\"devices\": {\"device\": [\"hd\", \"cdrom\"]}}, \"type\": \"other\"},\n"
  "      \"nested\": [[1, 2], [], [{}], {\"a\": [null]}],\n"
  "      \"cluster\": {\"href\": \"/ovirt-engine/api/clusters/c1\", \"id\": \"c1\"},\n"
  "      \"link\": [{\"href\": \"/x/permissions\", \"rel\": \"permissions\"},"
  " {\"href\": \"/x/tags\", \"rel\": \"tags\"}],\n"
  "      \"id\": \"id-1\"\n"
  "    },\n"
  "    {},\n"
  "    {\"id\": \"id-3\", \"link\": [], \"actions\": {}, \"empty\": {}, \"list\": [],"
  " \"status\": \"up\"}\n"
  "  ],\n"
  "  \"after\": [{\"id\": \"decoy\"}],\n"
  "  \"count\": 3\n"
  "}";

typedef struct
{
  GPtrArray *elements;  /* JsonNode, copies of what the parser handed over */
} Collected;

static void
collect (JsonObject *element,
         gpointer    user_data)
{
  Collected *collected = user_data;
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  /* The element is only valid during the call: keep a deep copy. */
  json_node_set_object (node, element);
  g_ptr_array_add (collected->elements, json_node_copy (node));
  json_node_unref (node);
}

static void
collected_init (Collected *collected)
{
  collected->elements = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);
}

static void
collected_clear (Collected *collected)
{
  g_clear_pointer (&collected->elements, g_ptr_array_unref);
}

/* What the stream parser must produce: the tree parser's elements with
 * "link" and "actions" removed. */
static GPtrArray *
expected_elements (const char *document,
                   const char *collection)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) root = aero_json_parse_object (document, -1, &error);
  GPtrArray *expected = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);
  JsonNode *list;

  g_assert_no_error (error);
  list = json_object_get_member (root, collection);
  if (list == NULL || JSON_NODE_TYPE (list) != JSON_NODE_ARRAY)
    return expected;

  for (guint i = 0; i < json_array_get_length (json_node_get_array (list)); i++)
    {
      JsonNode *element = json_array_get_element (json_node_get_array (list), i);
      JsonNode *copy;

      if (JSON_NODE_TYPE (element) != JSON_NODE_OBJECT)
        continue;
      copy = json_node_copy (element);
      json_object_remove_member (json_node_get_object (copy), "link");
      json_object_remove_member (json_node_get_object (copy), "actions");
      g_ptr_array_add (expected, copy);
    }

  return expected;
}

static gboolean
parse_in_chunks (const char  *document,
                 gsize        length,
                 gsize        chunk,
                 Collected   *collected,
                 GError     **error)
{
  g_autoptr(AeroStreamParser) parser = aero_stream_parser_new ("vm", collect, collected);

  for (gsize offset = 0; offset < length; offset += chunk)
    {
      if (!aero_stream_parser_feed (parser, (const guint8 *) document + offset,
                                    MIN (chunk, length - offset), error))
        return FALSE;
    }

  if (!aero_stream_parser_finish (parser, error))
    return FALSE;

  g_assert_cmpuint (aero_stream_parser_get_n_elements (parser), ==, collected->elements->len);
  return TRUE;
}

static void
assert_same_elements (GPtrArray *expected,
                      GPtrArray *actual)
{
  g_assert_cmpuint (actual->len, ==, expected->len);
  for (guint i = 0; i < expected->len; i++)
    {
      if (!json_node_equal (g_ptr_array_index (expected, i), g_ptr_array_index (actual, i)))
        {
          g_autofree char *a = json_to_string (g_ptr_array_index (expected, i), FALSE);
          g_autofree char *b = json_to_string (g_ptr_array_index (actual, i), FALSE);

          g_error ("element %u differs:\n  tree:   %s\n  stream: %s", i, a, b);
        }
    }
}

static void
test_equals_tree (void)
{
  g_autoptr(GPtrArray) expected = expected_elements (sample, "vm");
  gsize length = strlen (sample);

  /* Three objects in the list; the decoys outside it do not count. */
  g_assert_cmpuint (expected->len, ==, 3);

  /* Every chunk size from one byte to the whole document: every token
   * gets split at every position somewhere in this loop. */
  for (gsize chunk = 1; chunk <= length; chunk++)
    {
      g_autoptr(GError) error = NULL;
      Collected collected;

      collected_init (&collected);
      if (!parse_in_chunks (sample, length, chunk, &collected, &error))
        g_error ("chunk size %" G_GSIZE_FORMAT ": %s", chunk, error->message);
      assert_same_elements (expected, collected.elements);
      collected_clear (&collected);
    }
}

/* Runs of backslashes right before a quote, an escaped quote first and
 * last in a string, empty strings, a quote inside a key: the scanner that
 * finds where strings end (so that none is cut between chunks) must tell
 * an escaped quote from a closing one at every split. Blanks follow each
 * string: taken for string text they break the length limit below. */
#define PAD "                                        "
static const char escapes[] =
  "{\"vm\": [{\"id\": \"a\\\\\"" PAD ", \"name\": \"\\\\\\\"\"" PAD ", \"comment\": \"\\\"x\\\"\"" PAD ","
  " \"description\": \"\\\\\\\\\\\\\\\\\"" PAD ", \"k\\\"ey\": \"\"" PAD ", \"e\": [\"\", \"\\\\\\\\\\\"\\\\\"" PAD "]},"
  " {\"id\": \"\\\\\"" PAD ", \"os\": \"\\t\\u00e9\\n\"" PAD ", \"type\": \"x\\ty\"" PAD "}]}";
#undef PAD

static void
test_escape_runs (void)
{
  g_autoptr(GPtrArray) expected = expected_elements (escapes, "vm");
  gsize length = strlen (escapes);

  g_assert_cmpuint (expected->len, ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (g_ptr_array_index (expected, 0)),
                                                  "description"), ==, "\\\\\\\\");

  /* Every chunk size, and the whole document behind 0 to 31 blanks, so
   * that each escape also falls at every place of a 16-byte block. */
  for (gsize chunk = 1; chunk <= length + 32; chunk++)
    {
      g_autoptr(AeroStreamParser) parser = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *shifted = NULL;
      const char *document = escapes;
      gsize document_length = length;
      Collected collected;

      if (chunk > length)
        {
          shifted = g_strdup_printf ("%*s%s", (int) (chunk - length - 1), "", escapes);
          document = shifted;
          document_length = strlen (shifted);
        }

      collected_init (&collected);
      parser = aero_stream_parser_new ("vm", collect, &collected);
      /* No string or key here is longer than 11 bytes as written. */
      aero_stream_parser_set_limits (parser, 10, 11);
      for (gsize offset = 0; offset < document_length && error == NULL; offset += chunk)
        aero_stream_parser_feed (parser, (const guint8 *) document + offset,
                                 MIN (chunk, document_length - offset), &error);
      if (error == NULL)
        aero_stream_parser_finish (parser, &error);
      if (error != NULL)
        g_error ("chunk size %" G_GSIZE_FORMAT ": %s", chunk, error->message);
      assert_same_elements (expected, collected.elements);
      collected_clear (&collected);
    }
}

/* Reading the models straight from the events (no tree) must give what
 * the readers give from the tree of the same element: repeated members
 * (the last one counts, wholly), members of the wrong type on the way to
 * a field or at it, fields inside arrays, null, numbers of every shape. */
static const char fields_vms[] =
  "{\"vm\": ["
  "{\"id\": \"v1\", \"name\": \"a\", \"memory_policy\": {\"guaranteed\": 1, \"max\": \"2\","
  " \"ballooning\": \"true\"}, \"memory_policy\": {\"max\": 3}, \"cpu\": {\"topology\":"
  " {\"sockets\": 2, \"cores\": \"4\", \"threads\": 1.0}}, \"cluster\": {\"id\": \"c1\"},"
  " \"cluster\": \"c2\", \"os\": {\"boot\": {\"devices\": {\"device\": [\"hd\"]}}, \"type\": \"rhel_9x64\"}},"
  "{\"id\": \"v2\", \"cpu\": [{\"topology\": {\"sockets\": 2}}], \"os\": {\"type\": null},"
  " \"template\": {\"id\": {\"x\": 1}}, \"host\": {\"id\": [\"h\"]}, \"memory\": 1e3,"
  " \"creation_time\": \"12abc\", \"next_run_configuration_exists\": 1,"
  " \"custom_compatibility_version\": {\"major\": 4, \"minor\": 7}, \"status\": \"up\","
  " \"name\": \"x\", \"name\": \"y\", \"description\": \"\\u00e9 \\\"q\\\"\", \"memory_policy\": 5,"
  " \"type\": \"server\", \"cpu_shares\": -1, \"link\": [{\"id\": \"zz\"}]},"
  "{\"id\": \"v3\", \"memory_policy\": {\"guaranteed\": {\"a\": 1}, \"max\": [1], \"ballooning\": false},"
  " \"memory_policy\": {\"guaranteed\": 7, \"ballooning\": \"0\"}, \"comment\": true},"
  "{\"id\": \"v4\", \"cpu\": {\"topology\": {\"sockets\": 1}, \"topology\": null},"
  " \"custom_compatibility_version\": {\"major\": \"4\", \"minor\": 7.5},"
  " \"memory\": 9223372036854775808, \"cpu_shares\": 2147483648, \"creation_time\": 1.5e3,"
  " \"next_run_configuration_exists\": \"TRUE\", \"host\": {\"id\": \"h1\", \"id\": \"h2\"}},"
  "{\"id\": \"v5\", \"actions\": {\"id\": \"nope\"}, \"nested\": {\"id\": \"deep\"}, \"id\": \"v5b\","
  " \"memory_policy\": {\"over\": {\"guaranteed\": 1}, \"max\": -5}}"
  "]}";

static const char fields_templates[] =
  "{\"template\": [{\"id\": \"t1\", \"version\": {\"version_name\": \"base\", \"version_number\": \"2\"},"
  " \"status\": \"ok\", \"memory_policy\": {\"ballooning\": 0}, \"memory\": \"1073741824\"},"
  " {\"id\": \"t2\", \"version\": [], \"status\": 3}]}";

static const char fields_clusters[] =
  "{\"cluster\": [{\"id\": \"c1\", \"version\": {\"major\": 4, \"minor\": 8}, \"memory_policy\":"
  " {\"over_commit\": {\"percent\": 150}, \"transparent_hugepages\": {\"enabled\": true}},"
  " \"ksm\": {\"enabled\": \"false\"}, \"cpu\": {\"architecture\": \"x86_64\"},"
  " \"data_center\": {\"id\": \"d\"}, \"ballooning_enabled\": true},"
  " {\"id\": \"c2\", \"memory_policy\": {\"over_commit\": {\"percent\": 100}, \"over_commit\": 3},"
  " \"version\": {\"major\": 4}}]}";

typedef struct
{
  const AeroJsonFields *fields;
  AeroJsonReadFunc      read;
  GPtrArray            *models;
} ModelsCollected;

static void
collect_model_from_tree (JsonObject *element,
                         gpointer    user_data)
{
  ModelsCollected *collected = user_data;

  g_ptr_array_add (collected->models, collected->read (element));
}

static void
collect_model_from_values (const AeroJsonValue *values,
                           gpointer             user_data)
{
  ModelsCollected *collected = user_data;

  g_ptr_array_add (collected->models, collected->fields->read (values));
}

/* The models of @document read as before: a tree of the reader's members
 * per element, then the reader. */
static GPtrArray *
models_from_trees (const char        *document,
                   const char        *collection,
                   AeroJsonReadFunc   read,
                   GError           **error)
{
  g_autoptr(AeroStreamParser) parser = NULL;
  ModelsCollected collected = { NULL, read, g_ptr_array_new_with_free_func (g_object_unref) };

  parser = aero_stream_parser_new (collection, collect_model_from_tree, &collected);
  aero_stream_parser_set_element_members (parser, aero_json_get_collection_members (collection));
  if (!aero_stream_parser_feed (parser, (const guint8 *) document, strlen (document), error) ||
      !aero_stream_parser_finish (parser, error))
    g_clear_pointer (&collected.models, g_ptr_array_unref);

  return collected.models;
}

static GPtrArray *
models_from_values (const char  *document,
                    const char  *collection,
                    gsize        chunk,
                    GError     **error)
{
  const AeroJsonFields *fields = aero_json_get_collection_fields (collection);
  g_autoptr(AeroStreamParser) parser = NULL;
  ModelsCollected collected = { fields, NULL, g_ptr_array_new_with_free_func (g_object_unref) };
  gsize length = strlen (document);

  parser = aero_stream_parser_new_fields (collection, fields->paths, collect_model_from_values,
                                          &collected);
  for (gsize offset = 0; offset < length; offset += chunk)
    if (!aero_stream_parser_feed (parser, (const guint8 *) document + offset,
                                  MIN (chunk, length - offset), error))
      {
        g_clear_pointer (&collected.models, g_ptr_array_unref);
        return NULL;
      }
  if (!aero_stream_parser_finish (parser, error))
    g_clear_pointer (&collected.models, g_ptr_array_unref);

  return collected.models;
}

static void
assert_fields_equal_trees (const char       *document,
                           const char       *collection,
                           AeroJsonReadFunc  read,
                           guint             n_expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) expected = models_from_trees (document, collection, read, &error);
  gsize length = strlen (document);

  g_assert_no_error (error);
  g_assert_cmpuint (expected->len, ==, n_expected);

  for (gsize chunk = 1; chunk <= length; chunk++)
    {
      g_autoptr(GPtrArray) actual = models_from_values (document, collection, chunk, &error);

      g_assert_no_error (error);
      g_assert_cmpuint (actual->len, ==, expected->len);
      for (guint i = 0; i < expected->len; i++)
        {
          g_autofree char *where = g_strdup_printf ("%s %u (chunks of %" G_GSIZE_FORMAT ")",
                                                    collection, i, chunk);

          assert_models_equal (g_ptr_array_index (expected, i), g_ptr_array_index (actual, i), where);
        }
    }
}

static void
test_fields_equal_trees (void)
{
  g_autoptr(GPtrArray) vms = NULL;
  g_autoptr(GError) error = NULL;

  assert_fields_equal_trees (fields_vms, "vm", (AeroJsonReadFunc) aero_json_read_vm, 5);
  assert_fields_equal_trees (fields_templates, "template", (AeroJsonReadFunc) aero_json_read_template, 2);
  assert_fields_equal_trees (fields_clusters, "cluster", (AeroJsonReadFunc) aero_json_read_cluster, 2);

  /* Not only equal, but what the readers mean: a few by hand. */
  vms = models_from_values (fields_vms, "vm", 7, &error);
  g_assert_no_error (error);
  g_assert_cmpint (aero_memory_policy_get_max (aero_vm_get_memory_policy (g_ptr_array_index (vms, 0))), ==, 3);
  g_assert_cmpint (aero_memory_policy_get_guaranteed (aero_vm_get_memory_policy (g_ptr_array_index (vms, 0))), ==, AERO_UNSET);
  g_assert_cmpint (aero_vm_get_cpu_cores (g_ptr_array_index (vms, 0)), ==, 4);
  g_assert_null (aero_vm_get_cluster_id (g_ptr_array_index (vms, 0)));
  g_assert_cmpstr (aero_vm_get_os_type (g_ptr_array_index (vms, 0)), ==, "rhel_9x64");
  g_assert_cmpstr (aero_vm_get_name (g_ptr_array_index (vms, 1)), ==, "y");
  g_assert_cmpstr (aero_vm_get_description (g_ptr_array_index (vms, 1)), ==, "\xc3\xa9 \"q\"");
  g_assert_cmpint (aero_vm_get_memory (g_ptr_array_index (vms, 1)), ==, 1000);
  g_assert_cmpint (aero_vm_get_cpu_sockets (g_ptr_array_index (vms, 1)), ==, AERO_UNSET);
  g_assert_cmpint (aero_memory_policy_get_guaranteed (aero_vm_get_memory_policy (g_ptr_array_index (vms, 2))), ==, 7);
  g_assert_cmpint (aero_memory_policy_get_ballooning (aero_vm_get_memory_policy (g_ptr_array_index (vms, 2))), ==, AERO_TRISTATE_FALSE);
  g_assert_cmpint (aero_vm_get_cpu_sockets (g_ptr_array_index (vms, 3)), ==, AERO_UNSET);
  g_assert_cmpstr (aero_vm_get_host_id (g_ptr_array_index (vms, 3)), ==, "h2");
  g_assert_cmpstr (aero_vm_get_id (g_ptr_array_index (vms, 4)), ==, "v5b");
}

/* A document that fails as trees fails the same way read into values:
 * the checks look at the same members. */
static void
test_fields_fail_as_trees (void)
{
  static const char * const documents[] = {
    "{\"vm\": [{\"id\": \"v1\", \"os\": {\"boot\": \"a\\u0000b\"}}]}",
    "{\"vm\": [{\"id\": \"v1\", \"cpu\": {\"a\\u0000\": 1}}]}",
    "{\"vm\": [{\"id\": \"v1\", \"cpu\": {\"topology\": {\"sockets\": 1}]}",
    "{\"vm\": [{\"id\": \"v1\"}, 5]}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (documents); i++)
    {
      g_autoptr(GError) tree_error = NULL;
      g_autoptr(GError) values_error = NULL;
      g_autoptr(GPtrArray) expected = models_from_trees (documents[i], "vm",
                                                         (AeroJsonReadFunc) aero_json_read_vm,
                                                         &tree_error);
      g_autoptr(GPtrArray) actual = models_from_values (documents[i], "vm", 3, &values_error);

      g_assert_null (expected);
      g_assert_null (actual);
      g_assert_error (values_error, AERO_ENGINE_ERROR, AERO_ENGINE_ERROR_PARSE);
      g_assert_cmpstr (values_error->message, ==, tree_error->message);
    }

  /* Too deep below a member that leads to fields. */
  {
    g_autoptr(GString) deep = g_string_new ("{\"vm\": [{\"id\": \"v1\", \"cpu\": ");
    g_autoptr(GError) tree_error = NULL;
    g_autoptr(GError) values_error = NULL;
    g_autoptr(GPtrArray) expected = NULL;
    g_autoptr(GPtrArray) actual = NULL;

    for (guint i = 0; i < 300; i++)
      g_string_append (deep, "{\"x\": ");
    g_string_append (deep, "1");
    for (guint i = 0; i < 300; i++)
      g_string_append_c (deep, '}');
    g_string_append (deep, "}]}");

    expected = models_from_trees (deep->str, "vm", (AeroJsonReadFunc) aero_json_read_vm, &tree_error);
    actual = models_from_values (deep->str, "vm", 4096, &values_error);
    g_assert_null (expected);
    g_assert_null (actual);
    g_assert_cmpstr (values_error->message, ==, tree_error->message);
  }
}

static void
test_links_and_actions_skipped (void)
{
  g_autoptr(GError) error = NULL;
  Collected collected;
  JsonObject *first;

  collected_init (&collected);
  g_assert_true (parse_in_chunks (sample, strlen (sample), 4096, &collected, &error));
  g_assert_no_error (error);

  first = json_node_get_object (g_ptr_array_index (collected.elements, 0));
  g_assert_false (json_object_has_member (first, "link"));
  g_assert_false (json_object_has_member (first, "actions"));
  g_assert_cmpstr (json_object_get_string_member (first, "id"), ==, "id-1");
  g_assert_cmpstr (json_object_get_string_member (first, "description"), ==,
                   "quote \" backslash \\ tab \t unicode \xc3\xa9\xe2\x82\xac \xf0\x9f\x9a\x80");
  /* Numbers keep json-glib's node types: ints as ints, the rest doubles. */
  g_assert_cmpint (json_node_get_value_type (json_object_get_member (first, "cpu_shares")), ==, G_TYPE_INT64);
  g_assert_cmpint (json_node_get_value_type (json_object_get_member (first, "ratio")), ==, G_TYPE_DOUBLE);

  {
    g_autoptr(AeroVm) vm = aero_json_read_vm (first);

    g_assert_cmpint (aero_vm_get_memory (vm), ==, G_GINT64_CONSTANT (4294967296));
    g_assert_cmpint (aero_memory_policy_get_ballooning (aero_vm_get_memory_policy (vm)), ==,
                     AERO_TRISTATE_TRUE);
    g_assert_cmpint (aero_vm_get_cpu_cores (vm), ==, 4);
    g_assert_cmpstr (aero_vm_get_cluster_id (vm), ==, "c1");
  }

  collected_clear (&collected);
}

/* The values of "link" and "actions" never reach yajl: the parser passes
 * over them itself (aero-json-skip.c). It must accept and refuse exactly
 * what yajl does, cut anywhere, and read on after them. */
static const struct {
  const char *value;
  gboolean valid;
} skipped_values[] = {
  { "null", TRUE }, { "true", TRUE }, { "false", TRUE },
  { "0", TRUE }, { "-0", TRUE }, { "12", TRUE }, { "-12.5e+3", TRUE }, { "1E5", TRUE },
  { "0.5", TRUE }, { "-0.0e-0", TRUE }, { "1e400", TRUE },
  { "\"\"", TRUE }, { "\"link\"", TRUE }, { "\"a\\\"b\\\\\"", TRUE },
  { "\"\\/\\b\\f\\n\\r\\t\\u00e9\\uD83D\\ude80\"", TRUE },
  { "\"\xc3\xa9\xe2\x82\xac\xf0\x9f\x9a\x80\"", TRUE },
  { "{}", TRUE }, { "[]", TRUE }, { "[[], {}, [{}]]", TRUE },
  { "{\"a\": [1, {\"b\": null}], \"c\": \"d\"}", TRUE },
  { "{\"link\": {\"link\": 1}, \"actions\": []}", TRUE },
  { " \t\n\v\f\r[ 1 ,\t2 ]\r\n ", TRUE },
  { "[{\"href\": \"/ovirt-engine/api/vms/1/start\", \"rel\": \"start\"}]", TRUE },
  /* Refused by yajl. */
  { "", FALSE }, { "nul", FALSE }, { "nulll", FALSE }, { "tru", FALSE }, { "True", FALSE },
  { "01", FALSE }, { "-", FALSE }, { "1.", FALSE }, { ".5", FALSE }, { "1e", FALSE },
  { "1e+", FALSE }, { "+1", FALSE }, { "0x10", FALSE }, { "NaN", FALSE },
  { "[1,]", FALSE }, { "[,1]", FALSE }, { "{\"a\": 1,}", FALSE }, { "{,}", FALSE },
  { "{\"a\"}", FALSE }, { "{\"a\" 1}", FALSE }, { "{1: 2}", FALSE }, { "{'a': 1}", FALSE },
  { "[1 2]", FALSE }, { "[1}", FALSE }, { "{\"a\": 1]", FALSE }, { "[1]]", FALSE },
  { "[", FALSE }, { "]", FALSE }, { "\"open", FALSE }, { "1 2", FALSE },
  { "\"\\x\"", FALSE }, { "\"\\u12G4\"", FALSE }, { "\"tab\there\"", FALSE },
  { "\"\x01\"", FALSE }, { "\"\xff\"", FALSE }, { "\"\xc3\"", FALSE }, { "\"\x80\"", FALSE },
  { "\"\xe2\x82\"", FALSE }, { "/* c */ 1", FALSE },
};

static gboolean
yajl_accepts (const char *text)
{
  yajl_handle handle = yajl_alloc (NULL, NULL, NULL);
  gboolean ok = yajl_parse (handle, (const guint8 *) text, strlen (text)) == yajl_status_ok &&
                yajl_complete_parse (handle) == yajl_status_ok;

  yajl_free (handle);
  return ok;
}

static void
test_skipped_values_as_yajl (void)
{
  /* Before and after the value. */
  static const char * const shapes[][2] = {
    { "{\"vm\": [{\"id\": \"a\", \"link\": ", ", \"name\": \"after\"}]}" },
    { "{\"vm\": [{\"id\": \"a\", \"os\": {\"actions\" :\n ", "}, \"name\": \"after\"}]}" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (skipped_values); i++)
    for (guint s = 0; s < G_N_ELEMENTS (shapes); s++)
      {
        g_autofree char *document = g_strconcat (shapes[s][0], skipped_values[i].value,
                                                  shapes[s][1], NULL);
        gsize length = strlen (document);

        g_autofree char *shown = g_strescape (document, NULL);

        g_test_message ("%s", shown);
        g_assert_cmpint (yajl_accepts (document), ==, skipped_values[i].valid);

        for (gsize chunk = 1; chunk <= length; chunk = chunk < 8 ? chunk + 1 : chunk * 2)
          {
            g_autoptr(GError) error = NULL;
            Collected collected;
            gboolean ok;

            collected_init (&collected);
            ok = parse_in_chunks (document, length, chunk, &collected, &error);
            g_assert_cmpint (ok, ==, skipped_values[i].valid);
            if (ok)
              {
                JsonObject *vm = json_node_get_object (g_ptr_array_index (collected.elements, 0));

                g_assert_cmpstr (json_object_get_string_member (vm, "name"), ==, "after");
                g_assert_false (json_object_has_member (vm, "link"));
              }
            else
              g_assert_error (error, AERO_ENGINE_ERROR, AERO_ENGINE_ERROR_PARSE);
            collected_clear (&collected);
          }
      }
}

/* A string too long inside a skipped value is refused as anywhere else. */
static void
test_skipped_long_string (void)
{
  g_autofree char *long_text = g_strnfill (AERO_ENGINE_MAX_STRING_LENGTH + 1, 'x');
  g_autofree char *bad = g_strdup_printf ("{\"vm\": [{\"id\": \"a\", \"actions\": "
                                          "{\"link\": [{\"href\": \"%s\"}]}}]}", long_text);
  g_autofree char *escaped = g_strdup_printf ("{\"vm\": [{\"id\": \"a\", \"link\": "
                                              "[\"\\u0041%s\"]}]}", long_text + 6);
  const char *documents[] = { bad, escaped };

  for (guint i = 0; i < G_N_ELEMENTS (documents); i++)
    for (gsize chunk = 4096; chunk <= 4 * 1024 * 1024; chunk *= 32)
      {
        g_autoptr(GError) error = NULL;
        Collected collected;

        collected_init (&collected);
        g_assert_false (parse_in_chunks (documents[i], strlen (documents[i]), chunk,
                                         &collected, &error));
        g_assert_error (error, AERO_ENGINE_ERROR, AERO_ENGINE_ERROR_PARSE);
        g_assert_nonnull (strstr (error->message, "longer than"));
        collected_clear (&collected);
      }
}

static void
test_empty_collections (void)
{
  static const char * const empty[] = {
    "{}",
    " \n{ } \n",
    "{\"vm\": []}",
    "{\"vm\": null}",
    "{\"vms\": [{\"id\": \"x\"}]}",
    "{\"template\": [{\"id\": \"x\"}]}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (empty); i++)
    {
      g_autoptr(GError) error = NULL;
      Collected collected;

      g_test_message ("%s", empty[i]);
      collected_init (&collected);
      g_assert_true (parse_in_chunks (empty[i], strlen (empty[i]), 1, &collected, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (collected.elements->len, ==, 0);
      collected_clear (&collected);
    }
}

/* The list's member holding anything but a list (or null) is a document
 * of another shape than the engine's: an error, not an empty list. */
static void
test_wrong_shape (void)
{
  static const char * const documents[] = {
    "{\"vm\": {}}",
    "{\"vm\": {\"id\": \"vm-1\", \"name\": \"web-01\"}}",
    "{\"vm\": \"x\"}",
    "{\"vm\": 1}",
    "{\"vm\": true}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (documents); i++)
    {
      g_autoptr(GError) error = NULL;
      Collected collected;

      g_test_message ("%s", documents[i]);
      collected_init (&collected);
      g_assert_false (parse_in_chunks (documents[i], strlen (documents[i]), 1, &collected, &error));
      g_assert_error (error, AERO_ENGINE_ERROR, AERO_ENGINE_ERROR_PARSE);
      g_assert_nonnull (strstr (error->message, "vm"));
      g_assert_cmpuint (collected.elements->len, ==, 0);
      collected_clear (&collected);
    }
}

/* A list item that is no object is no VM the engine could mean:
 * skipping it would report a list the engine did not send. */
static void
test_non_object_items (void)
{
  static const char * const documents[] = {
    "{\"vm\": [1, \"x\", null]}",
    "{\"vm\": [{\"id\": \"vm-1\"}, 42]}",
    "{\"vm\": [{\"id\": \"vm-1\"}, \"text\"]}",
    "{\"vm\": [null]}",
    "{\"vm\": [true]}",
    "{\"vm\": [[{\"id\": \"in-array\"}]]}",
    "{\"vm\": [{\"id\": \"vm-1\"}, []]}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (documents); i++)
    {
      for (gsize chunk = 1; chunk <= strlen (documents[i]); chunk *= 3)
        {
          g_autoptr(GError) error = NULL;
          Collected collected;

          g_test_message ("%s, chunks of %" G_GSIZE_FORMAT, documents[i], chunk);
          collected_init (&collected);
          g_assert_false (parse_in_chunks (documents[i], strlen (documents[i]), chunk,
                                           &collected, &error));
          g_assert_error (error, AERO_ENGINE_ERROR, AERO_ENGINE_ERROR_PARSE);
          g_assert_nonnull (strstr (error->message, "not an object"));
          collected_clear (&collected);
        }
    }
}

/* Parses a list of @n VMs with a description of @length bytes each, in
 * chunks of @chunk bytes; the processor time it took, in seconds. */
static double
time_long_strings (guint n,
                   gsize length,
                   gsize chunk)
{
  g_autofree char *text = g_strnfill (length, 'x');
  g_autoptr(GString) doc = g_string_new ("{\"vm\": [");
  g_autoptr(AeroStreamParser) parser = NULL;
  g_autoptr(GError) error = NULL;
  Collected collected;
  struct timespec start, end;

  for (guint i = 0; i < n; i++)
    g_string_append_printf (doc, "%s{\"id\": \"vm-%u\", \"description\": \"%s\"}",
                            i > 0 ? ", " : "", i, text);
  g_string_append (doc, "]}");

  collected_init (&collected);
  parser = aero_stream_parser_new ("vm", collect, &collected);
  aero_stream_parser_set_element_members (parser, (const char *[]) { "id", NULL });
  aero_stream_parser_set_limits (parser, n, length);
  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &start);
  for (gsize offset = 0; offset < doc->len; offset += chunk)
    g_assert_true (aero_stream_parser_feed (parser, (const guint8 *) doc->str + offset,
                                            MIN (chunk, doc->len - offset), &error));
  g_assert_true (aero_stream_parser_finish (parser, &error));
  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &end);
  g_assert_no_error (error);
  g_assert_cmpuint (collected.elements->len, ==, n);
  collected_clear (&collected);

  return (end.tv_sec - start.tv_sec) + (end.tv_nsec - start.tv_nsec) / 1e9;
}

/* yajl re-reads a token cut by a chunk from its start for every chunk
 * that follows, so one long string cost quadratic time: 8 MiB in 4 kB
 * chunks took 7 s, eight strings of 1 MiB 0.8 s. The same document now
 * takes about the same time fed in 4 kB chunks as fed whole, however its
 * bytes are split into strings (the best of three runs, processor time,
 * with a margin). Comparing the same bytes fed whole keeps cache effects
 * (large under AddressSanitizer) out of the ratio; quadratic time would
 * put it in the hundreds. */
/* Feeding in chunks copies a long string into the held text as it grows:
 * twice the memory traffic of feeding it whole, which a busy machine (or
 * AddressSanitizer, for which every byte copied costs more) stretches to
 * about five times the time. Quadratic time is hundreds of times. */
#define LINEAR_MARGIN 10.0

static void
test_long_string_linear (void)
{
  const gsize mib = 1024 * 1024;
  const gsize chunk = 4096;
  const struct { guint n; gsize length; } shapes[] = { { 8, mib }, { 1, 8 * mib } };

  for (guint i = 0; i < G_N_ELEMENTS (shapes); i++)
    {
      double t_whole = G_MAXDOUBLE;
      double t_chunked = G_MAXDOUBLE;
      double ratio;

      for (guint run = 0; run < 3; run++)
        {
          t_whole = MIN (t_whole, time_long_strings (shapes[i].n, shapes[i].length, 64 * mib));
          t_chunked = MIN (t_chunked, time_long_strings (shapes[i].n, shapes[i].length, chunk));
        }

      ratio = t_chunked / MAX (t_whole, 1e-4);
      g_test_message ("%u x %" G_GSIZE_FORMAT " bytes: whole %.4f s, in 4 kB chunks %.4f s, ratio %.1f",
                      shapes[i].n, shapes[i].length, t_whole, t_chunked, ratio);
      g_assert_cmpfloat (ratio, <, LINEAR_MARGIN);
    }
}

/* A string longer than a model could hold ends the parse with a clear
 * error, before it is read whole, whatever the chunking. */
static void
test_long_string_limit (void)
{
  g_autofree char *ok = g_strnfill (AERO_ENGINE_MAX_STRING_LENGTH, 'x');
  g_autofree char *long_text = g_strnfill (AERO_ENGINE_MAX_STRING_LENGTH + 1, 'x');
  g_autofree char *good = g_strdup_printf ("{\"vm\": [{\"id\": \"vm-1\", \"description\": \"%s\"}]}", ok);
  g_autofree char *bad = g_strdup_printf ("{\"vm\": [{\"id\": \"vm-1\", \"description\": \"%s\"}]}", long_text);
  g_autofree char *bad_key = g_strdup_printf ("{\"vm\": [{\"%s\": 1}]}", long_text);
  const gsize chunks[] = { 4096, 65536, G_MAXSIZE };

  for (guint i = 0; i < G_N_ELEMENTS (chunks); i++)
    {
      g_autoptr(GError) error = NULL;
      Collected collected;

      collected_init (&collected);
      g_assert_true (parse_in_chunks (good, strlen (good), MIN (chunks[i], strlen (good)),
                                      &collected, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (collected.elements->len, ==, 1);
      collected_clear (&collected);

      collected_init (&collected);
      g_assert_false (parse_in_chunks (bad, strlen (bad), MIN (chunks[i], strlen (bad)),
                                       &collected, &error));
      g_assert_error (error, AERO_ENGINE_ERROR, AERO_ENGINE_ERROR_PARSE);
      g_assert_nonnull (strstr (error->message, "longer than"));
      g_assert_cmpuint (collected.elements->len, ==, 0);
      g_clear_error (&error);
      collected_clear (&collected);

      collected_init (&collected);
      g_assert_false (parse_in_chunks (bad_key, strlen (bad_key), MIN (chunks[i], strlen (bad_key)),
                                       &collected, &error));
      g_assert_error (error, AERO_ENGINE_ERROR, AERO_ENGINE_ERROR_PARSE);
      collected_clear (&collected);
    }
}

/* A list longer than any engine holds ends with an error. */
static void
test_too_many_items (void)
{
  g_autoptr(GString) doc = g_string_new ("{\"vm\": [");
  g_autoptr(AeroStreamParser) parser = NULL;
  g_autoptr(GError) error = NULL;
  Collected collected;

  for (guint i = 0; i < 4; i++)
    g_string_append_printf (doc, "%s{\"id\": \"vm-%u\"}", i > 0 ? "," : "", i);
  g_string_append (doc, "]}");

  collected_init (&collected);
  parser = aero_stream_parser_new ("vm", collect, &collected);
  aero_stream_parser_set_limits (parser, 3, 100);
  g_assert_false (aero_stream_parser_feed (parser, (const guint8 *) doc->str, doc->len, &error));
  g_assert_error (error, AERO_ENGINE_ERROR, AERO_ENGINE_ERROR_PARSE);
  g_assert_nonnull (strstr (error->message, "more than 3 items"));
  g_assert_cmpuint (collected.elements->len, ==, 3);
  collected_clear (&collected);
}

/* A NUL in a string or member name would cut it short, so that a name
 * aliases another VM's: the document is refused, whatever the chunking;
 * an escaped backslash before "u0000" is only text. */
static void
test_nul_in_strings (void)
{
  static const char * const bad[] = {
    "{\"vm\": [{\"id\": \"vm-2\", \"name\": \"web-01\\u0000-shadow\"}]}",
    "{\"vm\": [{\"id\": \"vm-2\\u0000\"}]}",
    "{\"vm\": [{\"id\": \"vm-2\", \"name\\u0000x\": \"web-01\"}]}",
  };
  static const char good[] = "{\"vm\": [{\"id\": \"vm-2\", \"name\": \"web-01\\\\u0000\"}]}";

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    for (gsize chunk = 1; chunk <= 16; chunk *= 4)
      {
        g_autoptr(GError) error = NULL;
        Collected collected;

        g_test_message ("%s in chunks of %" G_GSIZE_FORMAT, bad[i], chunk);
        collected_init (&collected);
        g_assert_false (parse_in_chunks (bad[i], strlen (bad[i]), chunk, &collected, &error));
        g_assert_error (error, AERO_ENGINE_ERROR, AERO_ENGINE_ERROR_PARSE);
        g_assert_cmpuint (collected.elements->len, ==, 0);
        collected_clear (&collected);
      }

  {
    g_autoptr(GError) error = NULL;
    Collected collected;

    collected_init (&collected);
    g_assert_true (parse_in_chunks (good, strlen (good), 3, &collected, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (collected.elements->len, ==, 1);
    g_assert_cmpstr (aero_json_get_string (json_node_get_object (g_ptr_array_index (collected.elements, 0)),
                                           "name"), ==, "web-01\\u0000");
    collected_clear (&collected);
  }
}

/* Every proper prefix of a valid document is a truncated one. */
static void
test_truncated (void)
{
  gsize length = strlen (sample);

  for (gsize cut = 0; cut < length; cut++)
    {
      g_autoptr(GError) error = NULL;
      Collected collected;

      /* Whitespace at the very end is not content: cutting it is fine. */
      if (g_ascii_isspace (sample[cut]) && cut + 1 == length)
        continue;

      collected_init (&collected);
      if (parse_in_chunks (sample, cut, 7, &collected, &error))
        g_error ("a document cut at %" G_GSIZE_FORMAT " of %" G_GSIZE_FORMAT " parsed", cut, length);
      g_assert_error (error, AERO_ENGINE_ERROR, AERO_ENGINE_ERROR_PARSE);
      collected_clear (&collected);
    }
}

static void
test_malformed (void)
{
  static const char * const bad[] = {
    "",
    "   ",
    "[]",
    "[{\"id\": \"x\"}]",
    "\"vm\"",
    "42",
    "null",
    "{\"vm\": [}",
    "{\"vm\": [{\"id\": \"a\",}]}",
    "{\"vm\": [{\"id\": \"a\"}] x}",
    "{\"vm\": []}}",
    "{\"vm\": []} {}",
    "{\"vm\": []} x",
    "{\"vm\": []} \"x",
    "{\"vm\": []}\"x\\\"",
    "{\"vm\": [{\"id\": 'a'}]}",
    "{\"vm\": [{\"id\": \"a\" /* c */}]}",
    "{\"vm\": [{\"id\": \"\xff\"}]}",
    "{\"vm\": [{\"id\": \"\\x\"}]}",
    "{\"vm\": [{\"n\": 01}]}",
    "{\"vm\": [{\"n\": 1.}]}",
    "{\"vm\": [{\"n\": tru}]}",
    "<html><head><title>Error</title></head><body>401 Unauthorized</body></html>",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GError) again = NULL;
      Collected collected;
      g_autoptr(AeroStreamParser) parser = NULL;
      gboolean ok;
      g_autofree char *escaped = g_strescape (bad[i], NULL);

      /* Escaped: invalid UTF-8 in a message would break the TAP stream. */
      g_test_message ("%s", escaped);
      collected_init (&collected);
      g_assert_false (parse_in_chunks (bad[i], strlen (bad[i]), 3, &collected, &error));
      g_assert_error (error, AERO_ENGINE_ERROR, AERO_ENGINE_ERROR_PARSE);
      collected_clear (&collected);

      /* Once failed, the parser refuses more input. */
      collected_init (&collected);
      parser = aero_stream_parser_new ("vm", collect, &collected);
      ok = aero_stream_parser_feed (parser, (const guint8 *) bad[i], strlen (bad[i]), NULL) &&
           aero_stream_parser_finish (parser, NULL);
      g_assert_false (ok);
      g_assert_false (aero_stream_parser_feed (parser, (const guint8 *) "{}", 2, &again));
      g_assert_error (again, AERO_ENGINE_ERROR, AERO_ENGINE_ERROR_PARSE);
      collected_clear (&collected);
    }
}

/* Elements are handed over as soon as they are complete, before the
 * document ends. */
static void
test_incremental (void)
{
  static const char first_part[] = "{\"vm\": [{\"id\": \"a\"}, {\"id\": \"b\"";
  static const char second_part[] = "}]}";
  g_autoptr(GError) error = NULL;
  g_autoptr(AeroStreamParser) parser = NULL;
  Collected collected;

  collected_init (&collected);
  parser = aero_stream_parser_new ("vm", collect, &collected);
  g_assert_true (aero_stream_parser_feed (parser, (const guint8 *) first_part,
                                          strlen (first_part), &error));
  g_assert_cmpuint (collected.elements->len, ==, 1);
  g_assert_true (aero_stream_parser_feed (parser, (const guint8 *) second_part,
                                          strlen (second_part), &error));
  g_assert_cmpuint (collected.elements->len, ==, 2);
  g_assert_true (aero_stream_parser_feed (parser, NULL, 0, &error));
  g_assert_true (aero_stream_parser_finish (parser, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (aero_stream_parser_get_n_elements (parser), ==, 2);
  collected_clear (&collected);
}

static char *
normalised_vm_text (JsonObject *element)
{
  g_autoptr(AeroVm) vm = aero_json_read_vm (element);
  g_autoptr(JsonNode) node = aero_json_vm_to_normalised (vm);

  return json_to_string (node, FALSE);
}

/* With the reader's member list only those members are built, and the
 * model read from them is the same as from the whole element. */
static void
test_element_members (void)
{
  g_autoptr(GPtrArray) expected = expected_elements (sample, "vm");
  g_autoptr(GError) error = NULL;
  g_autoptr(AeroStreamParser) parser = NULL;
  const char * const *members = aero_json_get_vm_members ();
  Collected collected;

  collected_init (&collected);
  parser = aero_stream_parser_new ("vm", collect, &collected);
  aero_stream_parser_set_element_members (parser, members);
  for (gsize offset = 0; offset < strlen (sample); offset += 5)
    g_assert_true (aero_stream_parser_feed (parser, (const guint8 *) sample + offset,
                                            MIN (5, strlen (sample) - offset), &error));
  g_assert_true (aero_stream_parser_finish (parser, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (collected.elements->len, ==, expected->len);

  for (guint i = 0; i < expected->len; i++)
    {
      JsonObject *filtered = json_node_get_object (g_ptr_array_index (collected.elements, i));
      JsonObject *full = json_node_get_object (g_ptr_array_index (expected, i));
      g_autoptr(GList) names = json_object_get_members (filtered);
      g_autofree char *a = normalised_vm_text (full);
      g_autofree char *b = normalised_vm_text (filtered);

      for (GList *l = names; l != NULL; l = l->next)
        g_assert_true (g_strv_contains (members, l->data));
      g_assert_cmpstr (a, ==, b);
    }

  /* Nested members are kept whole: "os" brings its "boot" along. */
  g_assert_true (json_object_has_member (
    aero_json_get_object (json_node_get_object (g_ptr_array_index (collected.elements, 0)), "os"),
    "boot"));
  g_assert_false (json_object_has_member (
    json_node_get_object (g_ptr_array_index (collected.elements, 0)), "nested"));

  collected_clear (&collected);
}

static gboolean
parse_whole (const char  *document,
             Collected   *collected,
             GError     **error)
{
  return parse_in_chunks (document, strlen (document), 65536, collected, error);
}

/* Deep nesting inside an element is refused (json-glib would recurse
 * over it later). Inside the members no model reads (a link passed over
 * without yajl, a root member yajl reads through) it costs a byte a
 * level, and is read far deeper than any engine nests, but not without
 * end: an answer of nothing but "[" must not take all memory. */
static void
test_deep_nesting (void)
{
  const guint deep = AERO_ENGINE_MAX_NESTING - 10;
  g_autofree char *deep_element = nested_json ("{\"vm\": [{\"a\": ", 200000, "}]}");
  g_autofree char *deep_link = nested_json ("{\"vm\": [{\"id\": \"x\", \"link\": ", deep, "}]}");
  g_autofree char *deep_root = nested_json ("{\"other\": ", deep, ", \"vm\": [{\"id\": \"y\"}]}");
  g_autofree char *moderate = nested_json ("{\"vm\": [{\"a\": ", 100, "}]}");
  char *too_deep[] = {
    nested_json ("{\"vm\": [{\"id\": \"x\", \"link\": ", AERO_ENGINE_MAX_NESTING + 1, "}]}"),
    nested_json ("{\"vm\": [{\"id\": \"x\", \"other\": ", AERO_ENGINE_MAX_NESTING + 1, "}]}"),
    nested_json ("{\"other\": ", AERO_ENGINE_MAX_NESTING + 1, ", \"vm\": []}"),
  };
  const char *fine[] = { deep_link, deep_root, moderate };
  g_autoptr(GError) error = NULL;
  Collected collected;

  collected_init (&collected);
  g_assert_false (parse_whole (deep_element, &collected, &error));
  g_assert_error (error, AERO_ENGINE_ERROR, AERO_ENGINE_ERROR_PARSE);
  g_clear_error (&error);
  collected_clear (&collected);

  for (guint i = 0; i < G_N_ELEMENTS (fine); i++)
    {
      collected_init (&collected);
      g_assert_true (parse_whole (fine[i], &collected, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (collected.elements->len, ==, 1);
      collected_clear (&collected);
    }

  for (guint i = 0; i < G_N_ELEMENTS (too_deep); i++)
    {
      collected_init (&collected);
      g_assert_false (parse_whole (too_deep[i], &collected, &error));
      g_assert_error (error, AERO_ENGINE_ERROR, AERO_ENGINE_ERROR_PARSE);
      g_assert_nonnull (strstr (error->message, "nested too deeply"));
      g_clear_error (&error);
      collected_clear (&collected);
      g_free (too_deep[i]);
    }
}

/* Integers beyond 64 bits become doubles (json-glib's own parser wraps
 * them to garbage), so a size that large reads as unset, not as a lie. */
static void
test_big_numbers (void)
{
  static const char doc[] =
    "{\"vm\": [{\"big\": 123456789012345678901234567890, \"max\": 9223372036854775807,"
    " \"min\": -9223372036854775808, \"memory\": 99999999999999999999}]}";
  g_autoptr(GError) error = NULL;
  g_autoptr(AeroVm) vm = NULL;
  Collected collected;
  JsonObject *element;

  collected_init (&collected);
  g_assert_true (parse_whole (doc, &collected, &error));
  g_assert_no_error (error);

  element = json_node_get_object (g_ptr_array_index (collected.elements, 0));
  g_assert_cmpint (json_node_get_value_type (json_object_get_member (element, "big")), ==, G_TYPE_DOUBLE);
  g_assert_cmpfloat (json_object_get_double_member (element, "big"), >, 1e29);
  g_assert_cmpint (json_object_get_int_member (element, "max"), ==, G_MAXINT64);
  g_assert_cmpint (json_object_get_int_member (element, "min"), ==, G_MININT64);

  vm = aero_json_read_vm (element);
  g_assert_cmpint (aero_vm_get_memory (vm), ==, AERO_UNSET);
  collected_clear (&collected);
}

/* Strings and numbers on either side of the parser's stack buffers
 * (256 bytes for strings, 64 for numbers) come out whole. */
static void
test_long_scalars (void)
{
  const gsize lengths[] = { 0, 1, 63, 64, 65, 255, 256, 257, 5000 };

  for (guint i = 0; i < G_N_ELEMENTS (lengths); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *text = g_strnfill (lengths[i], 'x');
      /* A number of that many digits (at least one): 1000...0 */
      g_autofree char *zeros = g_strnfill (lengths[i], '0');
      g_autofree char *number = g_strconcat ("1", zeros, NULL);
      g_autofree char *doc = g_strdup_printf ("{\"vm\": [{\"text\": \"%s\", \"number\": %s}]}",
                                              text, number);
      Collected collected;
      JsonObject *element;
      JsonNode *member;

      g_test_message ("length %" G_GSIZE_FORMAT, lengths[i]);
      collected_init (&collected);
      g_assert_true (parse_whole (doc, &collected, &error));
      g_assert_no_error (error);

      element = json_node_get_object (g_ptr_array_index (collected.elements, 0));
      g_assert_cmpstr (json_object_get_string_member (element, "text"), ==, text);
      member = json_object_get_member (element, "number");
      if (strlen (number) <= 18)
        g_assert_cmpint (json_node_get_int (member), ==, g_ascii_strtoll (number, NULL, 10));
      else
        g_assert_cmpfloat (json_node_get_double (member), ==, g_ascii_strtod (number, NULL));
      collected_clear (&collected);
    }
}

static void
test_other_collections (void)
{
  static const char clusters[] =
    "{\"cluster\": [{\"id\": \"c1\", \"name\": \"Default\", \"version\": {\"major\": \"4\", \"minor\": \"7\"},"
    " \"link\": [{\"rel\": \"networks\"}]}]}";
  g_autoptr(GError) error = NULL;
  g_autoptr(AeroStreamParser) parser = NULL;
  g_autoptr(AeroCluster) cluster = NULL;
  Collected collected;
  g_autofree char *label = NULL;

  collected_init (&collected);
  parser = aero_stream_parser_new ("cluster", collect, &collected);
  g_assert_true (aero_stream_parser_feed (parser, (const guint8 *) clusters, strlen (clusters), &error));
  g_assert_true (aero_stream_parser_finish (parser, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (collected.elements->len, ==, 1);

  cluster = aero_json_read_cluster (json_node_get_object (g_ptr_array_index (collected.elements, 0)));
  label = aero_cluster_dup_label (cluster);
  g_assert_cmpstr (label, ==, "Default (4.7)");
  collected_clear (&collected);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/stream-parser/equals-tree", test_equals_tree);
  g_test_add_func ("/stream-parser/escape-runs", test_escape_runs);
  g_test_add_func ("/stream-parser/fields-equal-trees", test_fields_equal_trees);
  g_test_add_func ("/stream-parser/fields-fail-as-trees", test_fields_fail_as_trees);
  g_test_add_func ("/stream-parser/links-and-actions-skipped", test_links_and_actions_skipped);
  g_test_add_func ("/stream-parser/skipped-values-as-yajl", test_skipped_values_as_yajl);
  g_test_add_func ("/stream-parser/skipped-long-string", test_skipped_long_string);
  g_test_add_func ("/stream-parser/empty-collections", test_empty_collections);
  g_test_add_func ("/stream-parser/wrong-shape", test_wrong_shape);
  g_test_add_func ("/stream-parser/nul-in-strings", test_nul_in_strings);
  g_test_add_func ("/stream-parser/non-object-items", test_non_object_items);
  g_test_add_func ("/stream-parser/long-string-linear", test_long_string_linear);
  g_test_add_func ("/stream-parser/long-string-limit", test_long_string_limit);
  g_test_add_func ("/stream-parser/too-many-items", test_too_many_items);
  g_test_add_func ("/stream-parser/truncated", test_truncated);
  g_test_add_func ("/stream-parser/malformed", test_malformed);
  g_test_add_func ("/stream-parser/incremental", test_incremental);
  g_test_add_func ("/stream-parser/element-members", test_element_members);
  g_test_add_func ("/stream-parser/deep-nesting", test_deep_nesting);
  g_test_add_func ("/stream-parser/big-numbers", test_big_numbers);
  g_test_add_func ("/stream-parser/long-scalars", test_long_scalars);
  g_test_add_func ("/stream-parser/other-collections", test_other_collections);

  return g_test_run ();
}
