/* aero-demo-store-input.c - the demo engine's reading of request bodies:
 * faults, strings and native values, and the VmBase members of a VM or
 * template
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "aero-demo-store-private.h"

/* ---- faults ---- */

G_GNUC_PRINTF (3, 4)
gboolean
fail (GError    **error,
      guint       status,
      const char *format,
      ...)
{
  va_list args;
  g_autofree char *message = NULL;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, AERO_DEMO_FAULT, status, "[%s]", message);
  return FALSE;
}

gboolean
incomplete (GError    **error,
            const char *type,
            const char *fields,
            const char *method)
{
  g_set_error (error, AERO_DEMO_FAULT_INCOMPLETE, 400, "%s [%s] required for %s", type, fields, method);
  return FALSE;
}

/* ---- reading input: the engine accepts strings and native values ---- */

static gboolean
parse_bool (JsonNode  *node,
            gboolean  *out,
            GError   **error)
{
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_BOOLEAN)
    {
      *out = json_node_get_boolean (node);
      return TRUE;
    }
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    {
      const char *s = json_node_get_string (node);

      if (g_ascii_strcasecmp (s, "true") == 0 || g_str_equal (s, "1"))
        {
          *out = TRUE;
          return TRUE;
        }
      if (g_ascii_strcasecmp (s, "false") == 0 || g_str_equal (s, "0"))
        {
          *out = FALSE;
          return TRUE;
        }
    }
  return fail (error, 400, "Invalid value for a boolean");
}

static gboolean
parse_long (JsonNode  *node,
            gint64    *out,
            GError   **error)
{
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_INT64)
    {
      *out = json_node_get_int (node);
      return TRUE;
    }
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_DOUBLE)
    {
      *out = (gint64) json_node_get_double (node);
      return TRUE;
    }
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    {
      const char *s = json_node_get_string (node);
      char *end = NULL;
      gint64 v = g_ascii_strtoll (s, &end, 10);

      if (*s != '\0' && end != NULL && *end == '\0')
        {
          *out = v;
          return TRUE;
        }
    }
  /* The engine's own words for a malformed number. */
  return fail (error, 400, "Value isn't a valid number");
}

JsonObject *
get_object (JsonObject *obj,
            const char *member)
{
  JsonNode *node;

  if (obj == NULL || !json_object_has_member (obj, member))
    return NULL;
  node = json_object_get_member (obj, member);
  return JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

const char *
get_string (JsonObject *obj,
            const char *member)
{
  JsonNode *node;

  if (obj == NULL || !json_object_has_member (obj, member))
    return NULL;
  node = json_object_get_member (obj, member);
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    return json_node_get_string (node);
  return NULL;
}

/* Returns -1 on error, 0 when absent, 1 when read. */
int
read_bool (JsonObject  *obj,
           const char  *member,
           gboolean    *out,
           GError     **error)
{
  if (obj == NULL || !json_object_has_member (obj, member))
    return 0;
  return parse_bool (json_object_get_member (obj, member), out, error) ? 1 : -1;
}

int
read_long (JsonObject  *obj,
           const char  *member,
           gint64      *out,
           GError     **error)
{
  if (obj == NULL || !json_object_has_member (obj, member))
    return 0;
  return parse_long (json_object_get_member (obj, member), out, error) ? 1 : -1;
}

/* Letters (any script), digits, '_', '-' and '.', like the engine's
 * NO_SPECIAL_CHARACTERS_I18N pattern for VM names. */
static gboolean
valid_name (const char *name)
{
  if (!g_utf8_validate (name, -1, NULL))
    return FALSE;
  for (const char *p = name; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isalnum (c) && c != '_' && c != '-' && c != '.')
        return FALSE;
    }
  return TRUE;
}

static gboolean
known_enum (const char        *value,
            const char *const *allowed)
{
  return value != NULL && g_strv_contains (allowed, value);
}

static const char *const vm_types[] = { "desktop", "server", "high_performance", NULL };

/* Applies the VmBase members of @input to @conf. @what is "VM" or
 * "Template" and @action the engine's verb, for messages. Returns the
 * changed members, or -1 with @error set. */
int
apply_config (AeroDemoStore  *self,
              AeroDemoConfig *conf,
              JsonObject     *input,
              const char     *action,
              const char     *what,
              GError        **error)
{
  JsonObject *policy = get_object (input, "memory_policy");
  JsonObject *cpu = get_object (input, "cpu");
  JsonObject *topology = get_object (cpu, "topology");
  JsonObject *os = get_object (input, "os");
  JsonObject *cluster = get_object (input, "cluster");
  JsonObject *ccv = get_object (input, "custom_compatibility_version");
  const char *s;
  gint64 v;
  gboolean b;
  int r;
  int changed = 0;

  if ((s = get_string (input, "name")) != NULL && g_strcmp0 (s, conf->name) != 0)
    {
      if (*s == '\0')
        return fail (error, 400, "Can not %s %s. The given name is empty.", action, what), -1;
      if (!valid_name (s))
        return fail (error, 400, "Can not %s %s. The given name contains special characters. "
                     "Only lower-case and upper-case letters, numbers, '_', '-', '.' are allowed.",
                     action, what), -1;
      g_free (conf->name);
      conf->name = g_strdup (s);
      changed |= CHANGED_NAME;
    }
  if ((s = get_string (input, "description")) != NULL)
    {
      g_free (conf->description);
      conf->description = g_strdup (s);
      changed |= CHANGED_TEXT;
    }
  if ((s = get_string (input, "comment")) != NULL)
    {
      g_free (conf->comment);
      conf->comment = g_strdup (s);
      changed |= CHANGED_TEXT;
    }
  if ((s = get_string (input, "type")) != NULL && g_strcmp0 (s, conf->type) != 0)
    {
      if (!known_enum (s, vm_types))
        return fail (error, 400, "Invalid value '%s' for type. Possible values are desktop, server, high_performance.", s), -1;
      g_free (conf->type);
      conf->type = g_strdup (s);
      changed |= CHANGED_OTHER;
    }
  if ((r = read_long (input, "memory", &v, error)) < 0)
    return -1;
  if (r > 0 && v != conf->memory)
    {
      conf->memory = v;
      changed |= CHANGED_MEMORY;
    }
  if ((r = read_long (policy, "guaranteed", &v, error)) < 0)
    return -1;
  if (r > 0 && v != conf->guaranteed)
    {
      conf->guaranteed = v;
      changed |= CHANGED_GUARANTEED;
    }
  if ((r = read_long (policy, "max", &v, error)) < 0)
    return -1;
  if (r > 0 && v != conf->max_memory)
    {
      conf->max_memory = v;
      changed |= CHANGED_MAX;
    }
  if ((r = read_bool (policy, "ballooning", &b, error)) < 0)
    return -1;
  if (r > 0 && b != conf->ballooning)
    {
      conf->ballooning = b;
      changed |= CHANGED_BALLOONING;
    }
  if ((r = read_long (topology, "sockets", &v, error)) < 0)
    return -1;
  if (r > 0 && v > 0 && (guint) v != conf->sockets)
    conf->sockets = v, changed |= CHANGED_OTHER;
  if ((r = read_long (topology, "cores", &v, error)) < 0)
    return -1;
  if (r > 0 && v > 0 && (guint) v != conf->cores)
    conf->cores = v, changed |= CHANGED_OTHER;
  if ((r = read_long (topology, "threads", &v, error)) < 0)
    return -1;
  if (r > 0 && v > 0 && (guint) v != conf->threads)
    conf->threads = v, changed |= CHANGED_OTHER;
  if ((r = read_long (input, "cpu_shares", &v, error)) < 0)
    return -1;
  if (r > 0 && (v < 0 || v > CPU_SHARES_MAX))
    return fail (error, 400, "Cannot set the cpu shares to the requested value. "
                 "It has to be between 0 and %d.", CPU_SHARES_MAX), -1;
  if (r > 0 && (guint) v != conf->cpu_shares)
    conf->cpu_shares = v, changed |= CHANGED_OTHER;
  if ((s = get_string (os, "type")) != NULL && g_strcmp0 (s, conf->os_type) != 0)
    {
      g_free (conf->os_type);
      conf->os_type = g_strdup (s);
      changed |= CHANGED_OTHER;
    }
  if (cluster != NULL)
    {
      AeroDemoCluster *c = get_string (cluster, "id") != NULL
                           ? aero_demo_store_find_cluster (self, get_string (cluster, "id"))
                           : find_cluster_by_name (self, get_string (cluster, "name"));

      if (c == NULL)
        return fail (error, 404, "Cannot %s %s. Cluster ID is not valid.", action, what), -1;
      if (g_strcmp0 (c->id, conf->cluster_id) != 0)
        {
          g_free (conf->cluster_id);
          conf->cluster_id = g_strdup (c->id);
          changed |= CHANGED_CLUSTER;
        }
    }
  if (ccv != NULL)
    {
      gint64 major = 0, minor = 0;

      if (read_long (ccv, "major", &major, error) < 0 || read_long (ccv, "minor", &minor, error) < 0)
        return -1;
      if (major < 0 || minor < 0)
        return fail (error, 400, "Cannot %s %s. Custom Compatibility Version is not supported: %"
                     G_GINT64_FORMAT ".%" G_GINT64_FORMAT ".", action, what, major, minor), -1;
      if ((guint) major != conf->ccv_major || (guint) minor != conf->ccv_minor)
        {
          conf->ccv_major = major;
          conf->ccv_minor = minor;
          changed |= CHANGED_OTHER;
        }
    }
  return changed;
}
