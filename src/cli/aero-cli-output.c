/* aero-cli-output.c - aerostat-cli's output: error messages, tables, escaped engine
 * text, --json documents, and the write errors of standard output
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "aero-cli-private.h"
#include "aero-features.h"
#include "aero-json.h"
#include "aero-json-text.h"
#include "aero-vm-edit.h"

G_GNUC_PRINTF (1, 2)
int
usage_error (const char *format,
             ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_printerr ("%s: %s\n", PROGRAM, message);
  g_printerr (_("Try \"%s --help\" for more information.\n"), PROGRAM);

  return AERO_CLI_EXIT_USAGE;
}

G_GNUC_PRINTF (1, 2)
int
failure (const char *format,
         ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_printerr ("%s: %s\n", PROGRAM, message);

  return AERO_CLI_EXIT_FAILURE;
}

/**
 * aero_cli_escape_text:
 * @text: (nullable): text from the engine
 * @keep_newlines: leave "\n" as it is (multi-line messages)
 *
 * @text with every control character (C0, DEL, C1) written as \xNN or
 * \u{NNNN} and invalid UTF-8 bytes as \xNN: a VM name or fault text
 * holding ESC sequences must not move the cursor, retitle or clear the
 * terminal. `--json` needs none of this, JSON escapes them itself.
 *
 * Returns: (transfer full) (nullable): the text to print, NULL for NULL
 */
char *
aero_cli_escape_text (const char *text,
                      gboolean    keep_newlines)
{
  GString *escaped;
  const char *p;

  if (text == NULL)
    return NULL;

  escaped = g_string_sized_new (strlen (text));
  for (p = text; *p != '\0';)
    {
      gunichar c = g_utf8_get_char_validated (p, -1);

      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          g_string_append_printf (escaped, "\\x%02x", (guchar) *p);
          p++;
          continue;
        }

      if (c == '\n' && keep_newlines)
        g_string_append_c (escaped, '\n');
      else if (c < 0x20 || c == 0x7f)
        g_string_append_printf (escaped, "\\x%02x", c);
      else if (c >= 0x80 && c <= 0x9f)
        g_string_append_printf (escaped, "\\u{%04x}", c);
      else
        g_string_append_len (escaped, p, g_utf8_next_char (p) - p);
      p = g_utf8_next_char (p);
    }

  return g_string_free (escaped, FALSE);
}

/* The engine's reason and detail, each on its own line, as it said them
 * but for control characters: engine text must not drive the terminal. */
int
report_error (const GError *error)
{
  g_autofree char *reason = aero_cli_escape_text (aero_engine_error_get_reason (error), FALSE);
  g_autofree char *detail = aero_cli_escape_text (aero_engine_error_get_detail (error), FALSE);
  g_autofree char *message = aero_cli_escape_text (error->message, TRUE);
  const char *fingerprint = aero_engine_error_get_certificate_fingerprint (error);

  if (reason != NULL || detail != NULL)
    {
      g_printerr ("%s: %s\n", PROGRAM, reason != NULL ? reason : message);
      if (detail != NULL)
        g_printerr ("%s: %s\n", PROGRAM, detail);
    }
  else
    {
      g_printerr ("%s: %s\n", PROGRAM, message);
    }

  if (fingerprint != NULL)
    g_printerr (_("%s: the engine's certificate has the SHA-256 fingerprint %s; "
                  "if you trust it, pass its CA with --ca-file.\n"),
                PROGRAM, fingerprint);

  return AERO_CLI_EXIT_FAILURE;
}

/* ------------------------------------------------------------------ */
/* Standard output                                                     */
/* ------------------------------------------------------------------ */

/* The first error writing standard output, 0 while nothing was lost. */
static int output_errno;

/* g_print()'s writer: as GLib's own (a flush per call, so that a pipe
 * reader sees each table row as it comes), but the error is kept: a
 * listing written to a full disk must not exit 0. */
void
print_to_stdout (const char *text)
{
  if ((fputs (text, stdout) == EOF || fflush (stdout) != 0) && output_errno == 0)
    output_errno = errno != 0 ? errno : EIO;
}

gboolean
output_lost (void)
{
  if (output_errno == 0 && ferror (stdout))
    output_errno = errno != 0 ? errno : EIO;
  return output_errno != 0;
}

/* ------------------------------------------------------------------ */
/* Output                                                              */
/* ------------------------------------------------------------------ */

void
print_json_node (JsonNode *node)
{
  g_autofree char *text = json_to_string (node, TRUE);

  fputs (text, stdout);
  fputc ('\n', stdout);
}

/* The normalised VM plus what the gates say about it. */
/* A JSON array of the normalised clusters or templates of @items. */
void
print_json_list (GListModel *items)
{
  guint n = g_list_model_get_n_items (items);
  g_autoptr(JsonNode) root = json_node_new (JSON_NODE_ARRAY);
  g_autoptr(JsonArray) array = json_array_sized_new (n);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (items, i);

      if (AERO_IS_CLUSTER (item))
        json_array_add_element (array, aero_json_cluster_to_normalised (AERO_CLUSTER (item)));
      else
        json_array_add_element (array, aero_json_template_to_normalised (AERO_TEMPLATE (item)));
    }
  json_node_set_array (root, array);
  print_json_node (root);
}

JsonNode *
vm_to_json (AeroVm      *vm,
            GListModel  *clusters)
{
  AeroCluster *cluster = aero_cluster_find (clusters, aero_vm_get_cluster_id (vm));
  AeroVersion *level = aero_vm_effective_version (vm, cluster);
  JsonNode *node = aero_json_vm_to_normalised (vm);
  JsonObject *object = json_node_get_object (node);

  if (level != NULL)
    {
      g_autofree char *text = aero_version_to_string (level);

      json_object_set_string_member (object, "effective_version", text);
    }
  else
    {
      json_object_set_null_member (object, "effective_version");
    }
  json_object_set_boolean_member (object, "ballooning_supported",
                                  aero_feature_supported (AERO_FEATURE_VM_BALLOON, level));

  return node;
}

/* What json_to_string (vm_to_json ()) gives, written straight into @out. */
void
append_vm_json (GString     *out,
                AeroVm      *vm,
                GListModel  *clusters)
{
  AeroCluster *cluster = aero_cluster_find (clusters, aero_vm_get_cluster_id (vm));
  AeroVersion *level = aero_vm_effective_version (vm, cluster);
  g_autofree char *level_text = level != NULL ? aero_version_to_string (level) : NULL;

  aero_json_text_begin_vm (out, vm);
  aero_json_text_add_string (out, "effective_version", level_text);
  aero_json_text_add_boolean (out, "ballooning_supported",
                              aero_feature_supported (AERO_FEATURE_VM_BALLOON, level));
  aero_json_text_end_object (out);
}

/* The largest binary unit that gives a whole number: "4 GiB", "2730 MiB". */
char *
format_mib (gint64 bytes)
{
  const gint64 gib = 1024 * AERO_MIB;
  const gint64 tib = 1024 * gib;

  if (bytes < 0)
    return g_strdup ("-");
  if (bytes >= tib && bytes % tib == 0)
    return g_strdup_printf ("%" G_GINT64_FORMAT " TiB", bytes / tib);
  if (bytes >= gib && bytes % gib == 0)
    return g_strdup_printf ("%" G_GINT64_FORMAT " GiB", bytes / gib);
  return g_strdup_printf ("%" G_GINT64_FORMAT " MiB", bytes / AERO_MIB);
}

/* Not translated: scripts read these ("on" in every language). */
const char *
tristate_text (AeroTristate value)
{
  switch (value)
    {
    case AERO_TRISTATE_TRUE:
      return "on";
    case AERO_TRISTATE_FALSE:
      return "off";
    case AERO_TRISTATE_UNKNOWN:
    default:
      return "unknown";
    }
}

glong
aero_cli_display_width (const char *text)
{
  glong width = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iszerowidth (c))
        continue;
      width += g_unichar_iswide (c) ? 2 : 1;
    }

  return width;
}

/* One table row: each cell padded to its column's terminal width (a
 * negative width aligns right); the last one is not padded. printf's
 * widths count bytes, which puts "büro-01" one column off. */
void
print_row (const int         *widths,
           const char *const *cells,
           guint              n_cells)
{
  g_autoptr(GString) line = g_string_new (NULL);

  for (guint i = 0; i < n_cells; i++)
    {
      const char *cell = cells[i] != NULL ? cells[i] : "-";
      glong pad = MAX (ABS (widths[i]) - aero_cli_display_width (cell), 0);

      if (i > 0)
        g_string_append_c (line, ' ');
      if (i + 1 == n_cells)
        {
          g_string_append (line, cell);
          break;
        }
      if (widths[i] < 0)
        {
          for (glong j = 0; j < pad; j++)
            g_string_append_c (line, ' ');
          g_string_append (line, cell);
        }
      else
        {
          g_string_append (line, cell);
          for (glong j = 0; j < pad; j++)
            g_string_append_c (line, ' ');
        }
    }
  g_string_append_c (line, '\n');
  g_print ("%s", line->str);
}

const int vm_widths[] = { 24, 14, 22, -10, -10, -10, 0 };

static char *
cluster_label (GListModel *clusters,
               const char *id)
{
  AeroCluster *cluster = aero_cluster_find (clusters, id);

  g_autofree char *label = NULL;

  if (cluster != NULL)
    label = aero_cluster_dup_label (cluster);
  else
    label = g_strdup (id != NULL ? id : "-");
  /* Engine text: no terminal escapes reach the terminal. */
  return aero_cli_escape_text (label, FALSE);
}

void
print_vm_row (AeroVm     *vm,
              GListModel *clusters)
{
  AeroMemoryPolicy *policy = aero_vm_get_memory_policy (vm);
  g_autofree char *cluster = cluster_label (clusters, aero_vm_get_cluster_id (vm));
  g_autofree char *memory = format_mib (aero_vm_get_memory (vm));
  g_autofree char *guaranteed = format_mib (aero_memory_policy_get_guaranteed (policy));
  g_autofree char *max_memory = format_mib (aero_memory_policy_get_max (policy));
  const char *status = aero_vm_status_to_wire (aero_vm_get_status (vm));

  g_autofree char *name = aero_cli_escape_text (aero_vm_get_name (vm), FALSE);
  const char *cells[] = {
    name != NULL ? name : "-", status != NULL ? status : "unknown",
    cluster, memory, guaranteed, max_memory,
    tristate_text (aero_memory_policy_get_ballooning (policy)),
  };

  print_row (vm_widths, cells, G_N_ELEMENTS (cells));
}

static void
print_vm_details (AeroVm     *vm,
                  GListModel *clusters)
{
  AeroMemoryPolicy *policy = aero_vm_get_memory_policy (vm);
  AeroCluster *cluster = aero_cluster_find (clusters, aero_vm_get_cluster_id (vm));
  AeroVersion *level = aero_vm_effective_version (vm, cluster);
  g_autofree char *cluster_text = cluster_label (clusters, aero_vm_get_cluster_id (vm));
  g_autofree char *level_text = level != NULL ? aero_version_to_string (level) : g_strdup ("-");
  g_autofree char *memory = format_mib (aero_vm_get_memory (vm));
  g_autofree char *guaranteed = format_mib (aero_memory_policy_get_guaranteed (policy));
  g_autofree char *max_memory = format_mib (aero_memory_policy_get_max (policy));
  g_autofree char *reason = aero_feature_dup_reason (AERO_FEATURE_VM_BALLOON, level);
  const char *status = aero_vm_status_to_wire (aero_vm_get_status (vm));
  const char *type = aero_vm_type_to_wire (aero_vm_get_vm_type (vm));
  g_autofree char *name = aero_cli_escape_text (aero_vm_get_name (vm), FALSE);
  g_autofree char *id = aero_cli_escape_text (aero_vm_get_id (vm), FALSE);

  g_print ("%-20s %s\n", _("Name:"), name);
  g_print ("%-20s %s\n", _("ID:"), id);
  g_print ("%-20s %s\n", _("Status:"), status != NULL ? status : "unknown");
  g_print ("%-20s %s\n", _("Cluster:"), cluster_text);
  g_print ("%-20s %s\n", _("Effective level:"), level_text);
  g_print ("%-20s %s\n", _("Optimized for:"), type != NULL ? type : "unknown");
  g_print ("%-20s %s\n", _("Memory:"), memory);
  g_print ("%-20s %s\n", _("Guaranteed:"), guaranteed);
  g_print ("%-20s %s\n", _("Maximum memory:"), max_memory);
  g_print ("%-20s %s\n", _("Ballooning:"), tristate_text (aero_memory_policy_get_ballooning (policy)));
  if (reason != NULL)
    g_print ("%-20s %s\n", "", reason);
  g_print ("%-20s %d:%d:%d\n", _("CPU topology:"), aero_vm_get_cpu_sockets (vm),
           aero_vm_get_cpu_cores (vm), aero_vm_get_cpu_threads (vm));
  g_print ("%-20s %d\n", _("CPU shares:"), aero_vm_get_cpu_shares (vm));
  g_print ("%-20s %s\n", _("Next run pending:"),
           tristate_text (aero_vm_get_next_run_configuration_exists (vm)));
}

void
print_vm (AeroCli *cli,
          AeroVm  *vm)
{
  if (cli->json)
    {
      g_autoptr(JsonNode) node = vm_to_json (vm, cli->clusters);

      print_json_node (node);
    }
  else
    {
      print_vm_details (vm, cli->clusters);
    }
}

int
aero_cli_finish_output (int code)
{
  output_lost ();
  if (fflush (stdout) != 0 && output_errno == 0)
    output_errno = errno;
  /* The close is where a file system may report the last of it lost. */
  if (fclose (stdout) != 0 && output_errno == 0)
    output_errno = errno;

  if (output_errno == EPIPE)
    {
      /* The reader has gone (… | head): end as a program killed by
       * SIGPIPE does, without a word. GIO ignores the signal for its
       * sockets, so it comes back for this one. */
      signal (SIGPIPE, SIG_DFL);
      raise (SIGPIPE);
    }
  if (output_errno != 0)
    {
      g_printerr ("%s: %s: %s\n", PROGRAM, _("cannot write the output"),
                  g_strerror (output_errno));
      return AERO_CLI_EXIT_FAILURE;
    }

  return code;
}
