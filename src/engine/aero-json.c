/* aero-json.c - the engine's JSON wire format (ovirt-api.md section 1)
 *
 * Every reader checks node types before it reads: the engine's JSON is
 * generated from a schema, but proxies, older engines and broken
 * deployments send anything, and a bad member must only stay unset.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "aero-engine-error.h"
#include "aero-json.h"
#include "aero-json-value.h"

/* The member as a scalar value node, or NULL (missing, null, container). */
static JsonNode *
get_value_node (JsonObject *object,
                const char *member)
{
  JsonNode *node;

  if (object == NULL || member == NULL)
    return NULL;

  node = json_object_get_member (object, member);
  if (node == NULL || JSON_NODE_TYPE (node) != JSON_NODE_VALUE)
    return NULL;

  return node;
}

AeroTristate
aero_json_get_tristate (JsonObject *object,
                        const char *member)
{
  AeroJsonValue value = aero_json_value_from_node (get_value_node (object, member));

  return aero_json_value_tristate (&value);
}

gboolean
aero_json_get_int64 (JsonObject *object,
                     const char *member,
                     gint64     *out_value)
{
  AeroJsonValue value = aero_json_value_from_node (get_value_node (object, member));

  return aero_json_value_int64 (&value, out_value);
}

const char *
aero_json_get_string (JsonObject *object,
                      const char *member)
{
  JsonNode *node = get_value_node (object, member);

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

JsonObject *
aero_json_get_object (JsonObject *object,
                      const char *member)
{
  JsonNode *node;

  if (object == NULL || member == NULL)
    return NULL;

  node = json_object_get_member (object, member);
  if (node == NULL || JSON_NODE_TYPE (node) != JSON_NODE_OBJECT)
    return NULL;

  return json_node_get_object (node);
}

const char *
aero_json_get_ref_id (JsonObject *object,
                      const char *member)
{
  return aero_json_get_string (aero_json_get_object (object, member), "id");
}

/* Sizes, counts and times: a negative or missing value is unset. */
static gint64
get_size (JsonObject *object,
          const char *member)
{
  AeroJsonValue value = aero_json_value_from_node (get_value_node (object, member));

  return aero_json_value_size (&value);
}

static int
get_count (JsonObject *object,
           const char *member)
{
  AeroJsonValue value = aero_json_value_from_node (get_value_node (object, member));

  return aero_json_value_count (&value);
}

/* Keep these in step with the readers below; test-codec checks that a
 * VM read from only these members equals one read from all of them. */
#define VM_BASE_MEMBERS \
  "id", "name", "description", "comment", "type", "memory", "memory_policy", "cpu", \
  "cpu_shares", "cluster", "os", "custom_compatibility_version"

static const char * const vm_members[] = {
  VM_BASE_MEMBERS,
  "status", "template", "host", "next_run_configuration_exists", "creation_time",
  NULL
};

static const char * const template_members[] = {
  VM_BASE_MEMBERS,
  "status", "version",
  NULL
};

/* ovirt-engine-api-model: types/Host.java; "statistics" is there when
 * the list was asked with follow=statistics. */
static const char * const host_statistic_properties[] = {
  "memory-total", "memory-used", "memory-free", "memory-shared", "memory-buffers",
  "memory-cached", "swap-total", "swap-used", "swap-free", "ksm-cpu-current",
  NULL
};

static const char * const host_members[] = {
  "id", "name", "description", "address", "status", "cluster", "memory",
  "max_scheduling_memory", "ksm", "transparent_hugepages", "summary", "statistics",
  NULL
};

static const char * const cluster_members[] = {
  "id", "name", "description", "version", "ballooning_enabled", "memory_policy", "ksm",
  "cpu", "data_center",
  NULL
};

const char * const *
aero_json_get_vm_members (void)
{
  return vm_members;
}

const char * const *
aero_json_get_template_members (void)
{
  return template_members;
}

const char * const *
aero_json_get_cluster_members (void)
{
  return cluster_members;
}

const char * const *
aero_json_get_collection_members (const char *element)
{
  if (g_strcmp0 (element, "vm") == 0)
    return vm_members;
  if (g_strcmp0 (element, "template") == 0)
    return template_members;
  if (g_strcmp0 (element, "cluster") == 0)
    return cluster_members;
  if (g_strcmp0 (element, "host") == 0)
    return host_members;
  return NULL;
}

/* The elements of a wrapped list ({"value": [...]}) or NULL. */
static JsonArray *
get_array (JsonObject *object,
           const char *member)
{
  JsonNode *node;

  if (object == NULL)
    return NULL;

  node = json_object_get_member (object, member);
  if (node == NULL || JSON_NODE_TYPE (node) != JSON_NODE_ARRAY)
    return NULL;

  return json_node_get_array (node);
}

/* The first datum of a statistic: a number, or a string holding one
 * ("1073741824" or "1.073741824E9"). */
static gboolean
get_statistic_datum (JsonObject *statistic,
                     gint64     *out_value)
{
  JsonArray *values = get_array (aero_json_get_object (statistic, "values"), "value");
  JsonObject *first;
  const char *text;
  char *end = NULL;
  double value;

  if (values == NULL || json_array_get_length (values) == 0)
    return FALSE;

  if (JSON_NODE_TYPE (json_array_get_element (values, 0)) != JSON_NODE_OBJECT)
    return FALSE;
  first = json_array_get_object_element (values, 0);

  if (aero_json_get_int64 (first, "datum", out_value))
    return TRUE;

  text = aero_json_get_string (first, "datum");
  if (text == NULL || *text == '\0')
    return FALSE;

  value = g_ascii_strtod (text, &end);
  if (end == NULL || *end != '\0')
    return FALSE;

  /* Bytes are whole; a decimal string of them is rounded, not refused. */
  return aero_json_double_to_int64 (isfinite (value) ? round (value) : value, out_value);
}

AeroMemoryStats *
aero_json_read_memory_stats (JsonObject *object)
{
  g_autoptr(AeroMemoryStats) stats = aero_memory_stats_new ();
  JsonArray *list = get_array (object, "statistic");
  guint n = list != NULL ? json_array_get_length (list) : 0;

  for (guint i = 0; i < n; i++)
    {
      JsonObject *statistic;
      const char *name;
      gint64 value;

      if (JSON_NODE_TYPE (json_array_get_element (list, i)) != JSON_NODE_OBJECT)
        continue;

      statistic = json_array_get_object_element (list, i);
      name = aero_json_get_string (statistic, "name");
      if (name != NULL && get_statistic_datum (statistic, &value) && value >= 0)
        aero_memory_stats_set_by_name (stats, name, value);
    }

  return g_steal_pointer (&stats);
}

/* The first datum of a statistic as a decimal ("ksm.cpu.current" is a
 * percentage with decimals): a number or a string holding one. */
static gboolean
get_statistic_decimal (JsonObject *statistic,
                       double     *out_value)
{
  JsonArray *values = get_array (aero_json_get_object (statistic, "values"), "value");
  JsonNode *datum;
  const char *text;
  char *end = NULL;

  if (values == NULL || json_array_get_length (values) == 0 ||
      JSON_NODE_TYPE (json_array_get_element (values, 0)) != JSON_NODE_OBJECT)
    return FALSE;

  datum = json_object_get_member (json_array_get_object_element (values, 0), "datum");
  if (datum == NULL || JSON_NODE_TYPE (datum) != JSON_NODE_VALUE)
    return FALSE;

  switch (json_node_get_value_type (datum))
    {
    case G_TYPE_INT64:
      *out_value = (double) json_node_get_int (datum);
      return TRUE;
    case G_TYPE_DOUBLE:
      *out_value = json_node_get_double (datum);
      return isfinite (*out_value);
    case G_TYPE_STRING:
      text = json_node_get_string (datum);
      if (text == NULL || *text == '\0')
        return FALSE;
      *out_value = g_ascii_strtod (text, &end);
      return end != NULL && *end == '\0' && isfinite (*out_value);
    default:
      return FALSE;
    }
}

AeroHost *
aero_json_read_host (JsonObject *object)
{
  g_autoptr(AeroHost) host = aero_host_new ();
  JsonObject *summary;
  JsonArray *list;
  guint n;

  if (object == NULL)
    return g_steal_pointer (&host);

  summary = aero_json_get_object (object, "summary");
  g_object_set (host,
                "id", aero_json_get_string (object, "id"),
                "name", aero_json_get_string (object, "name"),
                "description", aero_json_get_string (object, "description"),
                "address", aero_json_get_string (object, "address"),
                "status", aero_json_get_string (object, "status"),
                "cluster-id", aero_json_get_ref_id (object, "cluster"),
                "memory", get_size (object, "memory"),
                "max-scheduling-memory", get_size (object, "max_scheduling_memory"),
                "ksm-enabled", aero_json_get_tristate (aero_json_get_object (object, "ksm"), "enabled"),
                "transparent-hugepages",
                aero_json_get_tristate (aero_json_get_object (object, "transparent_hugepages"), "enabled"),
                "vms-active", get_count (summary, "active"),
                "vms-migrating", get_count (summary, "migrating"),
                "vms-total", get_count (summary, "total"),
                NULL);

  /* follow=statistics embeds {"statistic": [...]} as at /hosts/{id}/statistics. */
  list = get_array (aero_json_get_object (object, "statistics"), "statistic");
  n = list != NULL ? json_array_get_length (list) : 0;
  for (guint i = 0; i < n; i++)
    {
      JsonObject *statistic;
      double value;

      if (JSON_NODE_TYPE (json_array_get_element (list, i)) != JSON_NODE_OBJECT)
        continue;
      statistic = json_array_get_object_element (list, i);
      if (get_statistic_decimal (statistic, &value) && value >= 0)
        aero_host_set_statistic (host, aero_json_get_string (statistic, "name"), value);
    }

  return g_steal_pointer (&host);
}

void
aero_json_read_host_statistics (AeroHost   *host,
                                JsonObject *object)
{
  g_autoptr(JsonObject) wrapper = json_object_new ();
  g_autoptr(AeroHost) read = NULL;

  g_return_if_fail (AERO_IS_HOST (host));

  if (object == NULL)
    return;
  json_object_set_object_member (wrapper, "statistics", json_object_ref (object));
  read = aero_json_read_host (wrapper);
  for (guint i = 0; host_statistic_properties[i] != NULL; i++)
    {
      GValue value = G_VALUE_INIT;

      g_object_get_property (G_OBJECT (read), host_statistic_properties[i], &value);
      g_object_set_property (G_OBJECT (host), host_statistic_properties[i], &value);
      g_value_unset (&value);
    }
}

/* json-glib parses, copies and frees recursively: a few hundred thousand
 * nested brackets overflow the stack. No engine document nests deeper
 * than a dozen levels, so anything past this is refused before parsing. */
#define MAX_NESTING 256

/* A string escape that decodes to NUL: json-glib keeps strings as C
 * strings, so "web-01\u0000-shadow" would read as "web-01" and alias
 * another VM's name. @escape points at the backslash. */
static gboolean
is_nul_escape (const char *escape,
               gsize       left)
{
  return left >= 6 && escape[1] == 'u' && strncmp (escape + 2, "0000", 4) == 0;
}

/* Checks what json-glib would get wrong: nesting (*out_nul FALSE) and
 * NUL characters in strings (*out_nul TRUE). */
static gboolean
structure_within_limits (const char *data,
                         gsize       length,
                         gboolean   *out_nul)
{
  gboolean in_string = FALSE;
  guint depth = 0;

  *out_nul = FALSE;
  for (gsize i = 0; i < length; i++)
    {
      char c = data[i];

      if (in_string)
        {
          if (c == '\\')
            {
              if (is_nul_escape (data + i, length - i))
                {
                  *out_nul = TRUE;
                  return FALSE;
                }
              i++;
            }
          else if (c == '"')
            in_string = FALSE;
        }
      else if (c == '"')
        in_string = TRUE;
      else if (c == '{' || c == '[')
        {
          if (++depth > MAX_NESTING)
            return FALSE;
        }
      else if ((c == '}' || c == ']') && depth > 0)
        depth--;
    }

  return TRUE;
}

JsonObject *
aero_json_parse_object (const char  *data,
                        gssize       length,
                        GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) local_error = NULL;
  gboolean has_nul;
  JsonNode *root;

  if (data == NULL)
    {
      g_set_error_literal (error, AERO_ENGINE_ERROR, AERO_ENGINE_ERROR_PARSE,
                           _("The engine's reply is empty"));
      return NULL;
    }

  if (length < 0)
    length = strlen (data);

  /* json-glib assumes valid UTF-8; the engine's replies are, anything
   * else is not a reply from the engine. */
  if (!g_utf8_validate (data, length, NULL))
    {
      g_set_error_literal (error, AERO_ENGINE_ERROR, AERO_ENGINE_ERROR_PARSE,
                           _("The engine's reply is not valid UTF-8"));
      return NULL;
    }

  if (!structure_within_limits (data, length, &has_nul))
    {
      g_set_error_literal (error, AERO_ENGINE_ERROR, AERO_ENGINE_ERROR_PARSE,
                           has_nul ? _("The engine's reply has a NUL character in a string")
                                   : _("The engine's reply is nested too deeply"));
      return NULL;
    }

  if (!json_parser_load_from_data (parser, data, length, &local_error))
    {
      g_set_error (error, AERO_ENGINE_ERROR, AERO_ENGINE_ERROR_PARSE,
                   _("The engine's reply is not valid JSON: %s"), local_error->message);
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (root == NULL || JSON_NODE_TYPE (root) != JSON_NODE_OBJECT)
    {
      g_set_error_literal (error, AERO_ENGINE_ERROR, AERO_ENGINE_ERROR_PARSE,
                           _("The engine's reply is not a JSON object"));
      return NULL;
    }

  return json_object_ref (json_node_get_object (root));
}

GPtrArray *
aero_json_read_collection (JsonObject       *root,
                           const char       *element,
                           AeroJsonReadFunc  read)
{
  GPtrArray *items = g_ptr_array_new_with_free_func (g_object_unref);
  JsonArray *array;
  guint n;

  g_return_val_if_fail (read != NULL, items);

  /* {} is how the engine says "no items": the wrapper member is absent. */
  array = get_array (root, element);
  n = array != NULL ? json_array_get_length (array) : 0;

  for (guint i = 0; i < n; i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      gpointer item;

      if (JSON_NODE_TYPE (node) != JSON_NODE_OBJECT)
        continue;

      item = read (json_node_get_object (node));
      if (item != NULL)
        g_ptr_array_add (items, item);
    }

  return items;
}

void
aero_json_builder_add_bool (JsonBuilder *builder,
                            const char  *member,
                            gboolean     value)
{
  g_return_if_fail (JSON_IS_BUILDER (builder));

  if (member != NULL)
    json_builder_set_member_name (builder, member);
  /* The engine's own spelling; it reads native booleans too, but the
   * string form is what every engine version accepts. */
  json_builder_add_string_value (builder, value ? "true" : "false");
}

void
aero_json_builder_add_int64 (JsonBuilder *builder,
                             const char  *member,
                             gint64       value)
{
  char text[G_ASCII_DTOSTR_BUF_SIZE];

  g_return_if_fail (JSON_IS_BUILDER (builder));

  if (member != NULL)
    json_builder_set_member_name (builder, member);
  /* Strings, like the engine sends its integers and longs. */
  g_snprintf (text, sizeof text, "%" G_GINT64_FORMAT, value);
  json_builder_add_string_value (builder, text);
}

/* Normalised output: a number, or null when unset. */
static void
add_normalised_number (JsonBuilder *builder,
                       const char  *member,
                       gint64       value)
{
  json_builder_set_member_name (builder, member);
  if (value < 0)
    json_builder_add_null_value (builder);
  else
    json_builder_add_int_value (builder, value);
}

static void
add_normalised_string (JsonBuilder *builder,
                       const char  *member,
                       const char  *value)
{
  json_builder_set_member_name (builder, member);
  if (value == NULL)
    json_builder_add_null_value (builder);
  else
    json_builder_add_string_value (builder, value);
}

static void
add_normalised_tristate (JsonBuilder  *builder,
                         const char   *member,
                         AeroTristate  value)
{
  json_builder_set_member_name (builder, member);
  if (value == AERO_TRISTATE_UNKNOWN)
    json_builder_add_null_value (builder);
  else
    json_builder_add_boolean_value (builder, value == AERO_TRISTATE_TRUE);
}

static void
add_normalised_version (JsonBuilder *builder,
                        const char  *member,
                        AeroVersion *version)
{
  g_autofree char *text = version != NULL ? aero_version_to_string (version) : NULL;

  add_normalised_string (builder, member, text);
}

/* The VmBase members of a VM or template, read through their shared
 * property names. */
static void
add_normalised_vm_base (JsonBuilder *builder,
                        GObject     *model)
{
  g_autofree char *id = NULL, *name = NULL, *description = NULL, *comment = NULL;
  g_autofree char *cluster_id = NULL, *os_type = NULL;
  g_autoptr(AeroMemoryPolicy) policy = NULL;
  g_autoptr(AeroVersion) custom_version = NULL;
  AeroVmType type;
  gint64 memory;
  int sockets, cores, threads, shares;

  g_object_get (model,
                "id", &id,
                "name", &name,
                "description", &description,
                "comment", &comment,
                "vm-type", &type,
                "memory", &memory,
                "memory-policy", &policy,
                "cpu-sockets", &sockets,
                "cpu-cores", &cores,
                "cpu-threads", &threads,
                "cpu-shares", &shares,
                "cluster-id", &cluster_id,
                "os-type", &os_type,
                "custom-compatibility-version", &custom_version,
                NULL);

  add_normalised_string (builder, "id", id);
  add_normalised_string (builder, "name", name);
  add_normalised_string (builder, "description", description);
  add_normalised_string (builder, "comment", comment);
  add_normalised_string (builder, "type", aero_vm_type_to_wire (type));
  add_normalised_number (builder, "memory", memory);

  json_builder_set_member_name (builder, "memory_policy");
  json_builder_begin_object (builder);
  add_normalised_number (builder, "guaranteed", aero_memory_policy_get_guaranteed (policy));
  add_normalised_number (builder, "max", aero_memory_policy_get_max (policy));
  add_normalised_tristate (builder, "ballooning", aero_memory_policy_get_ballooning (policy));
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "cpu");
  json_builder_begin_object (builder);
  add_normalised_number (builder, "sockets", sockets);
  add_normalised_number (builder, "cores", cores);
  add_normalised_number (builder, "threads", threads);
  json_builder_end_object (builder);

  add_normalised_number (builder, "cpu_shares", shares);
  add_normalised_string (builder, "cluster_id", cluster_id);
  add_normalised_string (builder, "os_type", os_type);
  add_normalised_version (builder, "custom_compatibility_version", custom_version);
}

JsonNode *
aero_json_vm_to_normalised (AeroVm *vm)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (AERO_IS_VM (vm), NULL);

  json_builder_begin_object (builder);
  add_normalised_vm_base (builder, G_OBJECT (vm));
  add_normalised_string (builder, "status", aero_vm_status_to_wire (aero_vm_get_status (vm)));
  add_normalised_string (builder, "template_id", aero_vm_get_template_id (vm));
  add_normalised_string (builder, "host_id", aero_vm_get_host_id (vm));
  add_normalised_tristate (builder, "next_run_configuration_exists",
                           aero_vm_get_next_run_configuration_exists (vm));
  add_normalised_number (builder, "creation_time", aero_vm_get_creation_time (vm));
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

JsonNode *
aero_json_template_to_normalised (AeroTemplate *tmpl)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (AERO_IS_TEMPLATE (tmpl), NULL);

  json_builder_begin_object (builder);
  add_normalised_vm_base (builder, G_OBJECT (tmpl));
  add_normalised_string (builder, "status", aero_template_get_status (tmpl));
  add_normalised_string (builder, "version_name", aero_template_get_version_name (tmpl));
  add_normalised_number (builder, "version_number", aero_template_get_version_number (tmpl));
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

JsonNode *
aero_json_cluster_to_normalised (AeroCluster *cluster)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (AERO_IS_CLUSTER (cluster), NULL);

  json_builder_begin_object (builder);
  add_normalised_string (builder, "id", aero_cluster_get_id (cluster));
  add_normalised_string (builder, "name", aero_cluster_get_name (cluster));
  add_normalised_string (builder, "description", aero_cluster_get_description (cluster));
  add_normalised_version (builder, "version", aero_cluster_get_version (cluster));
  add_normalised_tristate (builder, "ballooning_enabled",
                           aero_cluster_get_ballooning_enabled (cluster));
  add_normalised_number (builder, "overcommit_percent",
                         aero_cluster_get_overcommit_percent (cluster));
  add_normalised_tristate (builder, "ksm_enabled", aero_cluster_get_ksm_enabled (cluster));
  add_normalised_tristate (builder, "transparent_hugepages",
                           aero_cluster_get_transparent_hugepages (cluster));
  add_normalised_string (builder, "architecture", aero_cluster_get_architecture (cluster));
  add_normalised_string (builder, "data_center_id", aero_cluster_get_data_center_id (cluster));
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

JsonNode *
aero_json_host_to_normalised (AeroHost *host)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  double ksm_cpu;

  g_return_val_if_fail (AERO_IS_HOST (host), NULL);

  json_builder_begin_object (builder);
  add_normalised_string (builder, "id", aero_host_get_id (host));
  add_normalised_string (builder, "name", aero_host_get_name (host));
  add_normalised_string (builder, "status", aero_host_get_status (host));
  add_normalised_string (builder, "cluster_id", aero_host_get_cluster_id (host));
  add_normalised_number (builder, "memory", aero_host_get_memory (host));
  add_normalised_number (builder, "max_scheduling_memory",
                         aero_host_get_max_scheduling_memory (host));
  add_normalised_tristate (builder, "ksm_enabled", aero_host_get_ksm_enabled (host));
  add_normalised_number (builder, "vms_active", aero_host_get_vms_active (host));

  json_builder_set_member_name (builder, "statistics");
  json_builder_begin_object (builder);
  for (guint i = 0; host_statistic_properties[i] != NULL; i++)
    {
      const char *property = host_statistic_properties[i];
      g_autofree char *member = NULL;
      gint64 value;

      if (strcmp (property, "ksm-cpu-current") == 0)
        continue;
      g_object_get (host, property, &value, NULL);
      member = g_strdelimit (g_strdup (property), "-", '_');
      add_normalised_number (builder, member, value);
    }
  ksm_cpu = aero_host_get_ksm_cpu_current (host);
  json_builder_set_member_name (builder, "ksm_cpu_current");
  if (ksm_cpu < 0)
    json_builder_add_null_value (builder);
  else
    json_builder_add_double_value (builder, ksm_cpu);
  json_builder_end_object (builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

JsonNode *
aero_json_memory_picture_to_normalised (AeroMemoryPicture *picture)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  int percent;

  g_return_val_if_fail (AERO_IS_MEMORY_PICTURE (picture), NULL);

  percent = aero_memory_picture_get_committed_percent (picture);
  json_builder_begin_object (builder);
  add_normalised_number (builder, "hosts", aero_memory_picture_get_hosts (picture));
  add_normalised_number (builder, "running_vms", aero_memory_picture_get_running_vms (picture));
  add_normalised_number (builder, "incomplete_vms", aero_memory_picture_get_incomplete_vms (picture));
  add_normalised_number (builder, "physical", aero_memory_picture_get_physical (picture));
  add_normalised_number (builder, "used", aero_memory_picture_get_used (picture));
  add_normalised_number (builder, "shared", aero_memory_picture_get_shared (picture));
  add_normalised_number (builder, "max_free", aero_memory_picture_get_max_free (picture));
  add_normalised_number (builder, "guaranteed", aero_memory_picture_get_guaranteed (picture));
  add_normalised_number (builder, "committed", aero_memory_picture_get_committed (picture));
  add_normalised_number (builder, "committed_percent", percent);
  add_normalised_number (builder, "balloon_headroom",
                         aero_memory_picture_get_balloon_headroom (picture));
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}
