/* aero-json-text.c - the normalised VM written straight as JSON text
 *
 * The same text a json-glib generator (compact) writes for the tree of
 * aero_json_vm_to_normalised (), which tests/engine/test-codec.c checks
 * byte for byte, but for one thing: json-glib 1.6 leaves U+001F raw,
 * which is not JSON; it is escaped here like every control character.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "aero-json-text.h"
#include "aero-memory-policy.h"
#include "aero-version.h"

static void
append_quoted (GString    *out,
               const char *text)
{
  const char *run = text;

  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      guchar c = *p;
      const char *escape = NULL;
      char code[8];

      if (c >= 0x20 && c != '"' && c != '\\' && c != 0x7f)
        continue;

      switch (c)
        {
        case '"': escape = "\\\""; break;
        case '\\': escape = "\\\\"; break;
        case '\b': escape = "\\b"; break;
        case '\f': escape = "\\f"; break;
        case '\n': escape = "\\n"; break;
        case '\r': escape = "\\r"; break;
        case '\t': escape = "\\t"; break;
        default:
          g_snprintf (code, sizeof code, "\\u%04x", c);
          escape = code;
          break;
        }

      g_string_append_len (out, run, p - run);
      g_string_append (out, escape);
      run = p + 1;
    }
  g_string_append (out, run);
  g_string_append_c (out, '"');
}

static void
append_member (GString    *out,
               const char *member,
               gboolean    first)
{
  if (!first)
    g_string_append_c (out, ',');
  append_quoted (out, member);
  g_string_append_c (out, ':');
}

static void
add_string (GString    *out,
            const char *member,
            const char *value,
            gboolean    first)
{
  append_member (out, member, first);
  if (value == NULL)
    g_string_append (out, "null");
  else
    append_quoted (out, value);
}

/* A number, or null when unset (negative). */
static void
add_number (GString    *out,
            const char *member,
            gint64      value,
            gboolean    first)
{
  append_member (out, member, first);
  if (value < 0)
    g_string_append (out, "null");
  else
    g_string_append_printf (out, "%" G_GINT64_FORMAT, value);
}

static void
add_tristate (GString      *out,
              const char   *member,
              AeroTristate  value)
{
  append_member (out, member, FALSE);
  g_string_append (out, value == AERO_TRISTATE_UNKNOWN ? "null" :
                        value == AERO_TRISTATE_TRUE ? "true" : "false");
}

void
aero_json_text_begin_vm (GString *out,
                         AeroVm  *vm)
{
  AeroMemoryPolicy *policy;
  AeroVersion *custom_version;
  g_autofree char *custom_text = NULL;

  g_return_if_fail (out != NULL);
  g_return_if_fail (AERO_IS_VM (vm));

  policy = aero_vm_get_memory_policy (vm);
  custom_version = aero_vm_get_custom_compatibility_version (vm);
  custom_text = custom_version != NULL ? aero_version_to_string (custom_version) : NULL;

  g_string_append_c (out, '{');
  add_string (out, "id", aero_vm_get_id (vm), TRUE);
  add_string (out, "name", aero_vm_get_name (vm), FALSE);
  add_string (out, "description", aero_vm_get_description (vm), FALSE);
  add_string (out, "comment", aero_vm_get_comment (vm), FALSE);
  add_string (out, "type", aero_vm_type_to_wire (aero_vm_get_vm_type (vm)), FALSE);
  add_number (out, "memory", aero_vm_get_memory (vm), FALSE);

  append_member (out, "memory_policy", FALSE);
  g_string_append_c (out, '{');
  add_number (out, "guaranteed", aero_memory_policy_get_guaranteed (policy), TRUE);
  add_number (out, "max", aero_memory_policy_get_max (policy), FALSE);
  add_tristate (out, "ballooning", aero_memory_policy_get_ballooning (policy));
  g_string_append_c (out, '}');

  append_member (out, "cpu", FALSE);
  g_string_append_c (out, '{');
  add_number (out, "sockets", aero_vm_get_cpu_sockets (vm), TRUE);
  add_number (out, "cores", aero_vm_get_cpu_cores (vm), FALSE);
  add_number (out, "threads", aero_vm_get_cpu_threads (vm), FALSE);
  g_string_append_c (out, '}');

  add_number (out, "cpu_shares", aero_vm_get_cpu_shares (vm), FALSE);
  add_string (out, "cluster_id", aero_vm_get_cluster_id (vm), FALSE);
  add_string (out, "os_type", aero_vm_get_os_type (vm), FALSE);
  add_string (out, "custom_compatibility_version", custom_text, FALSE);
  add_string (out, "status", aero_vm_status_to_wire (aero_vm_get_status (vm)), FALSE);
  add_string (out, "template_id", aero_vm_get_template_id (vm), FALSE);
  add_string (out, "host_id", aero_vm_get_host_id (vm), FALSE);
  add_tristate (out, "next_run_configuration_exists", aero_vm_get_next_run_configuration_exists (vm));
  add_number (out, "creation_time", aero_vm_get_creation_time (vm), FALSE);
}

void
aero_json_text_add_string (GString    *out,
                           const char *member,
                           const char *value)
{
  add_string (out, member, value, FALSE);
}

void
aero_json_text_add_boolean (GString    *out,
                            const char *member,
                            gboolean    value)
{
  append_member (out, member, FALSE);
  g_string_append (out, value ? "true" : "false");
}

void
aero_json_text_end_object (GString *out)
{
  g_string_append_c (out, '}');
}
