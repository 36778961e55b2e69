/* aero-cli.c - aerostat-cli: the client library from a terminal
 *
 * Every engine call is the library's own _async call; the program waits
 * for each by iterating the default main context, so the streaming
 * collection readers deliver their batches here as they arrive (and a
 * 10,000-VM list is written out one VM at a time).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "aero-cli.h"
#include "aero-bulk-ballooning.h"
#include "aero-cli-private.h"
#include "aero-engine.h"
#include "aero-features.h"
#include "aero-json.h"
#include "aero-vm-conflict.h"
#include "aero-vm-edit.h"
#include "aero-vm-edit-engine.h"

#define PROGRAM "aerostat-cli"
#define DEFAULT_USER "admin@internal"

typedef struct {
  /* Global options */
  char         *engine_url;
  char         *user;
  char         *password_file;
  char         *ca_file;
  /* --timeout (or AEROSTAT_TIMEOUT), parsed once the engine is made. */
  char         *timeout;
  gboolean      json;
  gboolean      password_stdin;

  AeroEngine   *engine;
  GListModel   *clusters;
  GAsyncResult *result;
  /* Cancelled when the output is lost: nothing more is read. */
  GCancellable *cancellable;

  /* vms --json: the array is written as the VMs stream in. */
  guint         n_written;
  JsonGenerator *generator;
  GString      *line;
} AeroCli;

static void
aero_cli_clear (AeroCli *cli)
{
  g_clear_pointer (&cli->engine_url, g_free);
  g_clear_pointer (&cli->user, g_free);
  g_clear_pointer (&cli->password_file, g_free);
  g_clear_pointer (&cli->ca_file, g_free);
  g_clear_pointer (&cli->timeout, g_free);
  g_clear_object (&cli->engine);
  g_clear_object (&cli->clusters);
  g_clear_object (&cli->result);
  g_clear_object (&cli->cancellable);
  g_clear_object (&cli->generator);
  if (cli->line != NULL)
    g_string_free (g_steal_pointer (&cli->line), TRUE);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (AeroCli, aero_cli_clear)

/* ------------------------------------------------------------------ */
/* Parsing helpers                                                     */
/* ------------------------------------------------------------------ */

gboolean
aero_cli_parse_size (const char *text,
                     gint64     *out_bytes)
{
  const gint64 mib = 1024 * 1024;
  g_autofree char *number = NULL;
  const char *unit;
  gdouble value;
  gdouble bytes;
  gint64 multiplier;
  guint n_dots = 0;

  g_return_val_if_fail (out_bytes != NULL, FALSE);

  if (text == NULL)
    return FALSE;

  /* Plain decimal digits with at most one point: no signs, exponents,
   * hexadecimal or locale-dependent forms. */
  for (unit = text; g_ascii_isdigit (*unit) || *unit == '.'; unit++)
    n_dots += *unit == '.';
  if (unit == text || n_dots > 1 || (unit - text == 1 && *text == '.'))
    return FALSE;

  number = g_strndup (text, unit - text);
  value = g_ascii_strtod (number, NULL);

  if (*unit == '\0' || g_ascii_strcasecmp (unit, "M") == 0 ||
      g_ascii_strcasecmp (unit, "MB") == 0 || g_ascii_strcasecmp (unit, "MiB") == 0)
    multiplier = mib;
  else if (g_ascii_strcasecmp (unit, "G") == 0 || g_ascii_strcasecmp (unit, "GB") == 0 ||
           g_ascii_strcasecmp (unit, "GiB") == 0)
    multiplier = 1024 * mib;
  else
    return FALSE;

  bytes = value * (gdouble) multiplier;
  if (bytes > (gdouble) (G_MAXINT64 / 2) || bytes != (gdouble) (gint64) bytes)
    return FALSE;

  *out_bytes = (gint64) bytes;
  return TRUE;
}

gboolean
aero_cli_parse_switch (const char *text,
                       gboolean   *out_value)
{
  g_return_val_if_fail (out_value != NULL, FALSE);

  if (g_strcmp0 (text, "on") == 0)
    *out_value = TRUE;
  else if (g_strcmp0 (text, "off") == 0)
    *out_value = FALSE;
  else
    return FALSE;

  return TRUE;
}

G_GNUC_PRINTF (1, 2)
static int
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
static int
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
static int
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
/* Global options                                                      */
/* ------------------------------------------------------------------ */

/* Each global option is a callback rather than a pointer into AeroCli:
 * the group is parsed twice (before the command and among its words),
 * and a value given in both places replaces the first one instead of
 * leaking it. The last one wins, as with every other option. */
static gboolean
on_global_option (const char  *name,
                  const char  *value,
                  gpointer     user_data,
                  GError     **error)
{
  AeroCli *cli = user_data;
  char **target = NULL;

  if (g_str_equal (name, "--json"))
    {
      cli->json = TRUE;
      return TRUE;
    }
  if (g_str_equal (name, "--password-stdin"))
    {
      cli->password_stdin = TRUE;
      return TRUE;
    }
  if (g_str_equal (name, "--engine"))
    target = &cli->engine_url;
  else if (g_str_equal (name, "--user"))
    target = &cli->user;
  else if (g_str_equal (name, "--password-file"))
    target = &cli->password_file;
  else if (g_str_equal (name, "--ca-file"))
    target = &cli->ca_file;
  else if (g_str_equal (name, "--timeout"))
    target = &cli->timeout;
  g_return_val_if_fail (target != NULL, FALSE);

  g_free (*target);
  *target = g_strdup (value);
  return TRUE;
}

static GOptionGroup *
global_option_group (AeroCli *cli)
{
  static const GOptionEntry entries[] = {
    { "engine", 0, 0, G_OPTION_ARG_CALLBACK, (gpointer) on_global_option,
      N_("Engine address (host, https://host/ovirt-engine or .../api)"), N_("URL") },
    { "user", 0, 0, G_OPTION_ARG_CALLBACK, (gpointer) on_global_option,
      N_("User name (default admin@internal)"), N_("USER") },
    { "password-file", 0, G_OPTION_FLAG_FILENAME, G_OPTION_ARG_CALLBACK,
      (gpointer) on_global_option,
      N_("Read the password from the first line of FILE"), N_("FILE") },
    { "password-stdin", 0, G_OPTION_FLAG_NO_ARG, G_OPTION_ARG_CALLBACK,
      (gpointer) on_global_option,
      N_("Read the password from the first line of standard input"), NULL },
    { "ca-file", 0, G_OPTION_FLAG_FILENAME, G_OPTION_ARG_CALLBACK,
      (gpointer) on_global_option,
      N_("Trust the engine CA in this PEM file"), N_("FILE") },
    { "timeout", 0, 0, G_OPTION_ARG_CALLBACK, (gpointer) on_global_option,
      N_("Give up on a request the engine has not answered in full after SECONDS (default 300)"),
      N_("SECONDS") },
    { "json", 0, G_OPTION_FLAG_NO_ARG, G_OPTION_ARG_CALLBACK, (gpointer) on_global_option,
      N_("Write one JSON document (the normalised model)"), NULL },
    { NULL }
  };
  GOptionGroup *group = g_option_group_new ("global", _("Global Options:"),
                                            _("Show the global options"), cli, NULL);

  g_option_group_set_translation_domain (group, GETTEXT_PACKAGE);
  g_option_group_add_entries (group, entries);

  return group;
}

/* ------------------------------------------------------------------ */
/* Standard output                                                     */
/* ------------------------------------------------------------------ */

/* The first error writing standard output, 0 while nothing was lost. */
static int output_errno;

/* g_print()'s writer: as GLib's own (a flush per call, so that a pipe
 * reader sees each table row as it comes), but the error is kept: a
 * listing written to a full disk must not exit 0. */
static void
print_to_stdout (const char *text)
{
  if ((fputs (text, stdout) == EOF || fflush (stdout) != 0) && output_errno == 0)
    output_errno = errno != 0 ? errno : EIO;
}

static gboolean
output_lost (void)
{
  if (output_errno == 0 && ferror (stdout))
    output_errno = errno != 0 ? errno : EIO;
  return output_errno != 0;
}

/* ------------------------------------------------------------------ */
/* Command options                                                     */
/* ------------------------------------------------------------------ */

/* Parses the options of one command; the leftover words stay in argv. */
static gboolean
parse_command_options (AeroCli       *cli,
                       const char    *command,
                       const char    *parameters,
                       GOptionEntry  *entries,
                       int           *argc,
                       char        ***argv,
                       int           *exit_code)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = g_strdup_printf ("%s %s", command, parameters);

  context = g_option_context_new (title);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  /* The global options are understood after the command too, as git and
   * virsh do: "vm show web-01 --json". */
  g_option_context_add_group (context, global_option_group (cli));

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      *exit_code = usage_error ("%s", error->message);
      return FALSE;
    }

  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Waiting for the engine                                              */
/* ------------------------------------------------------------------ */

static void
on_result (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  AeroCli *cli = user_data;

  g_set_object (&cli->result, result);
}

static GAsyncResult *
wait_for_result (AeroCli *cli)
{
  while (cli->result == NULL)
    g_main_context_iteration (NULL, TRUE);

  return g_steal_pointer (&cli->result);
}

/* The first line of standard input, without its line end. A sandbox
 * (Flatpak) cannot read a --password-file on the host, and a pipe keeps
 * the password out of argv and the environment. */
static char *
read_password_stdin (GError **error)
{
  char *line = NULL;
  size_t size = 0;
  ssize_t length;
  char *password;

  errno = 0;
  length = getline (&line, &size, stdin);
  if (length < 0)
    {
      int saved = errno;

      free (line);
      if (saved != 0)
        g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                     _("cannot read the password from standard input: %s"),
                     g_strerror (saved));
      else
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                     _("standard input ended before a password"));
      return NULL;
    }

  line[strcspn (line, "\r\n")] = '\0';
  password = g_strdup (line);
  /* getline()'s buffer is not ours to keep: wipe it before freeing. */
  memset (line, 0, size);
  free (line);

  return password;
}

static char *
read_password (AeroCli  *cli,
               GError  **error)
{
  g_autofree char *contents = NULL;
  gsize length = 0;
  char *newline;

  if (cli->password_stdin && cli->password_file != NULL)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                           _("--password-file and --password-stdin exclude each other"));
      return NULL;
    }
  if (cli->password_stdin)
    return read_password_stdin (error);
  if (cli->password_file == NULL)
    return g_strdup (g_getenv ("AEROSTAT_PASSWORD"));

  if (!g_file_get_contents (cli->password_file, &contents, &length, error))
    return NULL;

  /* The first line is the password; the file may end with a newline. */
  newline = strpbrk (contents, "\r\n");
  if (newline != NULL)
    *newline = '\0';

  return g_steal_pointer (&contents);
}

static void
forget_password (char *password)
{
  if (password == NULL)
    return;
  /* Do not leave it lying around in freed memory. */
  memset (password, 0, strlen (password));
  g_free (password);
}

/* A password: zeroed when it goes out of scope. */
typedef char AeroSecret;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AeroSecret, forget_password)

/* Creates the engine and logs in. Usage problems (no engine, no password,
 * a bad address or CA file) are AERO_CLI_EXIT_USAGE. */
static int
connect_engine (AeroCli *cli)
{
  g_autoptr(AeroSecret) password = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  const char *url = cli->engine_url != NULL ? cli->engine_url : g_getenv ("AEROSTAT_ENGINE");
  const char *user = cli->user != NULL ? cli->user : g_getenv ("AEROSTAT_USER");
  const char *timeout = cli->timeout != NULL ? cli->timeout : g_getenv ("AEROSTAT_TIMEOUT");
  guint64 seconds = 0;

  if (url == NULL || *url == '\0')
    return usage_error (_("no engine given: use --engine or AEROSTAT_ENGINE"));
  if (user == NULL || *user == '\0')
    user = DEFAULT_USER;
  /* Every request, the login included, ends by this deadline: the whole
   * answer, not only the time between two reads (AeroEngine:deadline). */
  if (timeout != NULL && *timeout != '\0' &&
      !g_ascii_string_to_unsigned (timeout, 10, 1, G_MAXUINT, &seconds, NULL))
    return usage_error (_("--timeout takes a whole number of seconds (1 or more), not \"%s\""),
                        timeout);

  password = read_password (cli, &error);
  if (error != NULL && error->domain == G_OPTION_ERROR)
    return usage_error ("%s", error->message);
  if (error != NULL && cli->password_stdin)
    return usage_error ("%s", error->message);
  if (error != NULL)
    return usage_error (_("cannot read the password file: %s"), error->message);
  if (password == NULL)
    return usage_error (_("no password given: use --password-file, --password-stdin or AEROSTAT_PASSWORD"));

  cli->engine = aero_engine_new (url, &error);
  if (cli->engine == NULL)
    return usage_error ("%s", error->message);

  if (cli->ca_file != NULL && !aero_engine_set_ca_file (cli->engine, cli->ca_file, &error))
    return usage_error (_("cannot use the CA file: %s"), error->message);
  if (seconds > 0)
    aero_engine_set_deadline (cli->engine, seconds);

  aero_engine_login_async (cli->engine, user, password, NULL, on_result, cli);
  result = wait_for_result (cli);
  if (!aero_engine_login_finish (cli->engine, result, &error))
    return report_error (error);

  return AERO_CLI_EXIT_OK;
}

/* The options of @command, then its words: none, or exactly one
 * (@parameter, e.g. "VM") whose absence @missing explains. */
static int
parse_command_line (AeroCli       *cli,
                    const char    *command,
                    const char    *parameter,
                    const char    *missing,
                    GOptionEntry  *entries,
                    int           *argc,
                    char        ***argv)
{
  int n_words = missing != NULL ? 2 : 1;
  int code = AERO_CLI_EXIT_OK;

  if (!parse_command_options (cli, command, parameter, entries, argc, argv, &code))
    return code;
  if (*argc < n_words)
    return usage_error ("%s", missing);
  if (*argc > n_words)
    return usage_error (_("unexpected argument \"%s\""), (*argv)[n_words]);

  return AERO_CLI_EXIT_OK;
}

/* Common start of the commands that take no argument (vms, clusters,
 * templates): their options, then the login. */
static int
begin_list_command (AeroCli       *cli,
                    const char    *command,
                    GOptionEntry  *entries,
                    int           *argc,
                    char        ***argv)
{
  int code = parse_command_line (cli, command, "", NULL, entries, argc, argv);

  if (code != AERO_CLI_EXIT_OK)
    return code;

  return connect_engine (cli);
}

static GListModel *
get_clusters (AeroCli  *cli,
              GError  **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  if (cli->clusters != NULL)
    return cli->clusters;

  aero_engine_list_clusters_async (cli->engine, NULL, on_result, cli);
  result = wait_for_result (cli);
  cli->clusters = aero_engine_list_clusters_finish (cli->engine, result, error);

  return cli->clusters;
}

static AeroCluster *
find_cluster (AeroCli     *cli,
              const char  *ref,
              GError     **error)
{
  GListModel *clusters = get_clusters (cli, error);
  guint n;

  if (clusters == NULL)
    return NULL;

  n = g_list_model_get_n_items (clusters);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AeroCluster) cluster = g_list_model_get_item (clusters, i);

      if (g_strcmp0 (aero_cluster_get_id (cluster), ref) == 0 ||
          g_strcmp0 (aero_cluster_get_name (cluster), ref) == 0)
        return cluster;
    }

  g_set_error (error, AERO_ENGINE_ERROR, AERO_ENGINE_ERROR_NOT_FOUND,
               _("No cluster named \"%s\"."), ref);
  return NULL;
}

static AeroVm *
get_vm (AeroCli     *cli,
        const char  *id,
        gboolean     next_run,
        GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  aero_engine_get_vm_async (cli->engine, id, next_run, NULL, on_result, cli);
  result = wait_for_result (cli);

  return aero_engine_get_vm_finish (cli->engine, result, error);
}

/* @vm again with "All-Content: true", as the configuration @vm is (the
 * next-run one or the running one). */
static AeroVm *
get_vm_all_content (AeroCli  *cli,
                    AeroVm   *vm,
                    GError  **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(AeroVm) full = NULL;
  gboolean next_run = aero_vm_get_next_run_pending (vm);

  aero_engine_get_vm_all_content_async (cli->engine, aero_vm_get_id (vm), next_run, NULL,
                                        on_result, cli);
  result = wait_for_result (cli);
  full = aero_engine_get_vm_finish (cli->engine, result, error);
  if (full != NULL && next_run)
    aero_vm_take_running_state (full, vm);

  return g_steal_pointer (&full);
}

static AeroVm *
get_vm_by_id (AeroCli     *cli,
              const char  *id,
              GError     **error)
{
  return get_vm (cli, id, FALSE, error);
}

/* Fails a name lookup that matched several VMs, listing them (only the
 * exact matches when @exact_only) so the admin can pick one by id.
 * Returns NULL for the caller's convenience. */
static AeroVm *
set_ambiguous_error (GListModel  *vms,
                     const char  *ref,
                     gboolean     exact_only,
                     GError     **error)
{
  g_autoptr(GString) candidates = g_string_new (NULL);
  guint n = g_list_model_get_n_items (vms);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AeroVm) vm = g_list_model_get_item (vms, i);

      if (exact_only && g_strcmp0 (aero_vm_get_name (vm), ref) != 0)
        continue;
      /* TRANSLATORS: one candidate of an ambiguous name: its name and id */
      g_string_append_printf (candidates, _("\n  %s (%s)"),
                              aero_vm_get_name (vm), aero_vm_get_id (vm));
    }

  g_set_error (error, AERO_ENGINE_ERROR, AERO_ENGINE_ERROR_NOT_FOUND,
               _("Several virtual machines match the name \"%s\"; give one by its id:%s"),
               ref, candidates->str);
  return NULL;
}

/* VM is a name or an id; either way the answer comes from a single GET,
 * so ballooning is known. */
static AeroVm *
find_vm (AeroCli     *cli,
         const char  *ref,
         GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GListModel) vms = NULL;
  g_autofree char *search = NULL;
  g_autofree char *id = NULL;
  guint n;

  if (g_uuid_string_is_valid (ref))
    return get_vm_by_id (cli, ref, error);

  search = g_strdup_printf ("name=\"%s\"", ref);
  aero_engine_list_vms_async (cli->engine, search, -1, AERO_LIST_NONE, NULL, NULL,
                              NULL, on_result, cli);
  result = wait_for_result (cli);
  vms = aero_engine_list_vms_finish (cli->engine, result, error);
  if (vms == NULL)
    return NULL;

  /* The engine compares names case-insensitively; the exact one wins.
   * Otherwise a single match is the one meant. Anything else is
   * ambiguous: picking one could edit a VM the admin did not name. */
  n = g_list_model_get_n_items (vms);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AeroVm) vm = g_list_model_get_item (vms, i);

      if (g_strcmp0 (aero_vm_get_name (vm), ref) != 0)
        continue;
      if (id != NULL)
        return set_ambiguous_error (vms, ref, TRUE, error);
      id = g_strdup (aero_vm_get_id (vm));
    }
  if (id == NULL && n == 1)
    {
      g_autoptr(AeroVm) vm = g_list_model_get_item (vms, 0);

      id = g_strdup (aero_vm_get_id (vm));
    }
  if (id == NULL && n > 1)
    return set_ambiguous_error (vms, ref, FALSE, error);
  if (id == NULL)
    {
      g_set_error (error, AERO_ENGINE_ERROR, AERO_ENGINE_ERROR_NOT_FOUND,
                   _("No virtual machine named \"%s\"."), ref);
      return NULL;
    }

  return get_vm_by_id (cli, id, error);
}

/* ------------------------------------------------------------------ */
/* Output                                                              */
/* ------------------------------------------------------------------ */

static void
print_json_node (JsonNode *node)
{
  g_autofree char *text = json_to_string (node, TRUE);

  fputs (text, stdout);
  fputc ('\n', stdout);
}

/* The normalised VM plus what the gates say about it. */
/* A JSON array of the normalised clusters or templates of @items. */
static void
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

static JsonNode *
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

/* The largest binary unit that gives a whole number: "4 GiB", "2730 MiB". */
static char *
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
static const char *
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
static void
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

static const int vm_widths[] = { 24, 14, 22, -10, -10, -10, 0 };
static const int cluster_widths[] = { 24, 8, 11, 11, 0 };
static const int template_widths[] = { 24, 38, -10, 0 };

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

static void
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

static void
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

/* ------------------------------------------------------------------ */
/* vms                                                                 */
/* ------------------------------------------------------------------ */

static void
write_vm_batch (GPtrArray *items,
                gpointer   user_data)
{
  AeroCli *cli = user_data;

  for (guint i = 0; i < items->len; i++)
    {
      AeroVm *vm = g_ptr_array_index (items, i);

      if (cli->json)
        {
          g_autoptr(JsonNode) node = vm_to_json (vm, cli->clusters);

          /* One generator and one buffer for the whole list: a new pair
           * per VM was a tenth of the time writing out 10,000. */
          if (cli->generator == NULL)
            {
              cli->generator = json_generator_new ();
              cli->line = g_string_sized_new (1024);
            }
          g_string_assign (cli->line, cli->n_written == 0 ? "[\n" : ",\n");
          json_generator_set_root (cli->generator, node);
          json_generator_to_gstring (cli->generator, cli->line);
          fwrite (cli->line->str, 1, cli->line->len, stdout);
        }
      else
        {
          print_vm_row (vm, cli->clusters);
        }
      cli->n_written++;
    }

  /* Nobody reads any more (a closed pipe, a full disk): stop the
   * engine's pages rather than fetch 10,000 VMs for nothing. */
  if (output_lost ())
    g_cancellable_cancel (cli->cancellable);
}

static int
cmd_vms (AeroCli  *cli,
         int       argc,
         char    **argv)
{
  g_autofree char *search = NULL;
  gboolean all_content = FALSE;
  GOptionEntry entries[] = {
    { "search", 0, 0, G_OPTION_ARG_STRING, &search,
      N_("Only the VMs matching this engine search"), N_("QUERY") },
    { "all-content", 0, 0, G_OPTION_ARG_NONE, &all_content,
      N_("Ask for all content (ballooning known for every VM)"), NULL },
    { NULL }
  };
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GListModel) vms = NULL;
  g_autoptr(GError) error = NULL;
  int code = AERO_CLI_EXIT_OK;

  if ((code = begin_list_command (cli, "vms", entries, &argc, &argv)) != AERO_CLI_EXIT_OK)
    return code;
  if (get_clusters (cli, &error) == NULL)
    return report_error (error);

  if (!cli->json)
    {
      const char *cells[] = {
        _("NAME"), _("STATUS"), _("CLUSTER"), _("MEMORY"), _("GUARANTEED"),
        _("MAXIMUM"), _("BALLOONING"),
      };

      print_row (vm_widths, cells, G_N_ELEMENTS (cells));
    }

  /* Each VM is written as it arrives and not kept. */
  aero_engine_list_vms_async (cli->engine, search, -1,
                              AERO_LIST_BATCHES_ONLY |
                              (all_content ? AERO_LIST_ALL_CONTENT : AERO_LIST_NONE),
                              write_vm_batch, cli, cli->cancellable, on_result, cli);
  result = wait_for_result (cli);
  vms = aero_engine_list_vms_finish (cli->engine, result, &error);
  /* The lost output is the error; aero_cli_finish_output() tells it. */
  if (output_lost ())
    return AERO_CLI_EXIT_FAILURE;
  if (vms == NULL)
    {
      /* A half-written array is left unterminated on purpose: a reader
       * must not take it for the whole list. */
      fflush (stdout);
      return report_error (error);
    }

  if (cli->json)
    fputs (cli->n_written == 0 ? "[]\n" : "\n]\n", stdout);

  return AERO_CLI_EXIT_OK;
}

/* ------------------------------------------------------------------ */
/* vm set --search: many VMs, one login                                */
/* ------------------------------------------------------------------ */

/* The same plan as Enable / Disable Ballooning in the window
 * (aero_bulk_ballooning_plan()): the rules live there, this
 * only reads, sends and reports. */

typedef enum {
  SEARCH_PLANNED,
  SEARCH_CHANGED,
  SEARCH_SKIPPED,
  SEARCH_FAILED,
} SearchOutcome;

/* The engine's words for a failure, on one line (escaped when printed). */
static char *
search_error_text (const GError *error)
{
  const char *reason = aero_engine_error_get_reason (error);
  const char *detail = aero_engine_error_get_detail (error);

  if (reason != NULL && detail != NULL)
    return g_strdup_printf ("%s: %s", reason, detail);

  return g_strdup (reason != NULL ? reason : error->message);
}

static const char *
search_outcome_name (SearchOutcome outcome)
{
  switch (outcome)
    {
    case SEARCH_CHANGED:
      return "changed";
    case SEARCH_SKIPPED:
      return "skipped";
    case SEARCH_FAILED:
      return "failed";
    case SEARCH_PLANNED:
    default:
      return "planned";
    }
}

static gboolean
search_item_changes (const AeroBulkBallooningItem *item)
{
  return item->action == AERO_BULK_BALLOONING_CHANGE_NOW
         || item->action == AERO_BULK_BALLOONING_CHANGE_NEXT_RUN;
}

/* One line per VM: "NAME: what: detail". The words before the second
 * colon are fixed (a script may match them); the rest is for people. */
static void
search_print_line (AeroCli                      *cli,
                   JsonBuilder                  *json,
                   const AeroBulkBallooningItem *item,
                   gboolean                      enable,
                   SearchOutcome                 outcome,
                   const char                   *error_text)
{
  g_autofree char *name = aero_cli_escape_text (aero_vm_get_name (item->vm), FALSE);
  g_autofree char *reason = aero_cli_escape_text (item->reason, FALSE);
  g_autofree char *error = aero_cli_escape_text (error_text, FALSE);
  const char *change = enable ? _("ballooning on") : _("ballooning off");
  gboolean next_run = item->action == AERO_BULK_BALLOONING_CHANGE_NEXT_RUN;

  if (json != NULL)
    {
      json_builder_begin_object (json);
      json_builder_set_member_name (json, "id");
      json_builder_add_string_value (json, aero_vm_get_id (item->vm));
      json_builder_set_member_name (json, "name");
      json_builder_add_string_value (json, aero_vm_get_name (item->vm));
      json_builder_set_member_name (json, "action");
      json_builder_add_string_value (json, !search_item_changes (item) ? "skip"
                                           : next_run ? "next-run" : "now");
      json_builder_set_member_name (json, "ballooning");
      json_builder_add_boolean_value (json, enable);
      json_builder_set_member_name (json, "outcome");
      json_builder_add_string_value (json, search_outcome_name (outcome));
      if (item->reason != NULL && !search_item_changes (item))
        {
          json_builder_set_member_name (json, "reason");
          json_builder_add_string_value (json, item->reason);
        }
      if (error_text != NULL)
        {
          json_builder_set_member_name (json, "error");
          json_builder_add_string_value (json, error_text);
        }
      json_builder_end_object (json);
      return;
    }

  switch (outcome)
    {
    case SEARCH_PLANNED:
      /* TRANSLATORS: --dry-run, one VM: its name and the change */
      g_print (next_run ? _("%s: at the next run: %s (not shut down)\n")
                        : _("%s: now: %s\n"), name, change);
      break;
    case SEARCH_CHANGED:
      g_print (next_run ? _("%s: changed for the next run: %s (not shut down)\n")
                        : _("%s: changed now: %s\n"), name, change);
      break;
    case SEARCH_SKIPPED:
      g_print (_("%s: skipped: %s\n"), name, reason != NULL ? reason : "");
      break;
    case SEARCH_FAILED:
    default:
      g_print (_("%s: failed: %s\n"), name, error);
      break;
    }
}

/* A VM of the plan that must be read first (unknown flag, or a next-run
 * configuration waiting), read as the bulk dialog reads it. Replaces
 * @vms[@index]; FALSE with @error when it cannot be read. */
static gboolean
search_read_vm (AeroCli    *cli,
                GPtrArray  *vms,
                guint       index,
                GError    **error)
{
  AeroVm *listed = g_ptr_array_index (vms, index);
  gboolean next_run = aero_vm_status_is_running (aero_vm_get_status (listed));
  AeroVm *fresh = get_vm (cli, aero_vm_get_id (listed), next_run, error);

  if (fresh == NULL)
    return FALSE;
  /* The next-run configuration, with the running VM's status and flag:
   * the plan puts such a VM's change at its next run. */
  if (next_run)
    aero_vm_take_running_state (fresh, listed);
  g_ptr_array_index (vms, index) = fresh;
  g_object_unref (listed);

  return TRUE;
}

static int
vm_set_search (AeroCli    *cli,
               const char *search,
               gboolean    enable,
               gboolean    dry_run)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GListModel) listed = NULL;
  g_autoptr(GPtrArray) vms = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) plan = NULL;
  g_autoptr(GPtrArray) read_errors = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(JsonBuilder) json = cli->json ? json_builder_new () : NULL;
  g_autoptr(GError) error = NULL;
  gboolean any_read = FALSE;
  guint n_failed = 0, n_changed = 0;
  guint n;
  int code;

  if ((code = connect_engine (cli)) != AERO_CLI_EXIT_OK)
    return code;
  if (get_clusters (cli, &error) == NULL)
    return report_error (error);

  /* all_content: the balloon flag of each VM, in one request. */
  aero_engine_list_vms_async (cli->engine, search, -1, AERO_LIST_ALL_CONTENT, NULL, NULL,
                              NULL, on_result, cli);
  result = wait_for_result (cli);
  listed = aero_engine_list_vms_finish (cli->engine, result, &error);
  if (listed == NULL)
    return report_error (error);

  n = g_list_model_get_n_items (listed);
  if (n == 0)
    return failure (_("No virtual machine matches \"%s\"."), search);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (vms, g_list_model_get_item (listed, i));

  plan = aero_bulk_ballooning_plan (vms, cli->clusters, enable);
  g_ptr_array_set_size (read_errors, n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GError) read_error = NULL;

      if (!aero_bulk_ballooning_needs_reading (g_ptr_array_index (plan, i)))
        continue;
      any_read = TRUE;
      if (!search_read_vm (cli, vms, i, &read_error))
        g_ptr_array_index (read_errors, i) = search_error_text (read_error);
    }
  if (any_read)
    {
      g_clear_pointer (&plan, g_ptr_array_unref);
      plan = aero_bulk_ballooning_plan (vms, cli->clusters, enable);
    }

  if (json != NULL)
    json_builder_begin_array (json);

  for (guint i = 0; i < plan->len; i++)
    {
      AeroBulkBallooningItem *item = g_ptr_array_index (plan, i);
      const char *read_error = g_ptr_array_index (read_errors, i);
      g_autoptr(AeroVm) updated = NULL;
      g_autoptr(GError) put_error = NULL;
      g_autofree char *put_text = NULL;

      /* A VM that could not be read is not guessed at: it failed. */
      if (read_error != NULL)
        {
          n_failed++;
          search_print_line (cli, json, item, enable, SEARCH_FAILED, read_error);
          continue;
        }
      if (!search_item_changes (item))
        {
          search_print_line (cli, json, item, enable, SEARCH_SKIPPED, NULL);
          continue;
        }
      if (dry_run)
        {
          search_print_line (cli, json, item, enable, SEARCH_PLANNED, NULL);
          continue;
        }

      /* Only memory_policy.ballooning: nothing else of the VM is touched. */
      aero_engine_set_vm_ballooning_async (cli->engine, aero_vm_get_id (item->vm), enable,
                                           item->action == AERO_BULK_BALLOONING_CHANGE_NEXT_RUN,
                                           NULL, on_result, cli);
      g_clear_object (&result);
      result = wait_for_result (cli);
      updated = aero_engine_set_vm_ballooning_finish (cli->engine, result, &put_error);
      if (updated == NULL)
        {
          /* Recorded, and the others go on, as in the window. */
          n_failed++;
          put_text = search_error_text (put_error);
          search_print_line (cli, json, item, enable, SEARCH_FAILED, put_text);
        }
      else
        {
          n_changed++;
          search_print_line (cli, json, item, enable, SEARCH_CHANGED, NULL);
        }
    }

  if (json != NULL)
    {
      g_autoptr(JsonNode) root = NULL;

      json_builder_end_array (json);
      root = json_builder_get_root (json);
      print_json_node (root);
    }

  if (n_failed > 0)
    g_printerr (ngettext ("%s: %u virtual machine failed, %u changed.\n",
                          "%s: %u virtual machines failed, %u changed.\n", n_failed),
                PROGRAM, n_failed, n_changed);
  if (dry_run)
    g_printerr (_("Dry run: nothing was sent.\n"));

  return n_failed > 0 ? AERO_CLI_EXIT_FAILURE : AERO_CLI_EXIT_OK;
}

/* vm set --search / --dry-run: the usage rules, then the run. Only the
 * balloon has a bulk plan; other options are refused, not guessed at. */
static int
vm_set_search_command (AeroCli   *cli,
                       const char *search,
                       gboolean   has_ballooning,
                       gboolean   enable,
                       gboolean   has_other,
                       gboolean   dry_run,
                       int        argc,
                       char     **argv)
{
  if (search == NULL)
    return usage_error (_("--dry-run goes with --search"));
  if (argc > 1)
    return usage_error (_("give either a VM or --search, not both"));
  if (has_other)
    return usage_error (_("with --search only --ballooning can be changed"));
  if (!has_ballooning)
    return usage_error (_("--search needs --ballooning on|off"));

  return vm_set_search (cli, search, enable, dry_run);
}

/* ------------------------------------------------------------------ */
/* vm ...                                                              */
/* ------------------------------------------------------------------ */

/* Common start of every "vm VERB VM" command: one VM argument (the
 * command's own options are parsed before), the login and the VM from a
 * single GET. */
static int
begin_vm_command (AeroCli       *cli,
                  const char    *verb,
                  int           *argc,
                  char        ***argv,
                  AeroVm       **out_vm)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *command = g_strdup_printf ("vm %s", verb);
  g_autofree char *missing = g_strdup_printf (_("\"%s\" needs a VM (name or id)"), command);
  int code;

  if ((code = parse_command_line (cli, command, "VM", missing, NULL, argc, argv)) != AERO_CLI_EXIT_OK)
    return code;
  if ((code = connect_engine (cli)) != AERO_CLI_EXIT_OK)
    return code;
  if (get_clusters (cli, &error) == NULL)
    return report_error (error);

  *out_vm = find_vm (cli, (*argv)[1], &error);
  if (*out_vm == NULL)
    return report_error (error);

  return AERO_CLI_EXIT_OK;
}

static int
cmd_vm_show (AeroCli  *cli,
             int       argc,
             char    **argv)
{
  g_autoptr(AeroVm) vm = NULL;
  int code;

  if ((code = begin_vm_command (cli, "show", &argc, &argv, &vm)) != AERO_CLI_EXIT_OK)
    return code;

  print_vm (cli, vm);
  return AERO_CLI_EXIT_OK;
}

static const char *
when_text (AeroVmChangeWhen when)
{
  switch (when)
    {
    case AERO_VM_CHANGE_HOTPLUG:
      return _("now (hot plug)");
    case AERO_VM_CHANGE_NEXT_RUN:
      return _("at the next run");
    case AERO_VM_CHANGE_NOW:
    default:
      return _("now");
    }
}

/* Saves @edit into *@out_updated. The edit model reads the VM again just
 * before its PUT: when someone else changed a setting given here since
 * this command read the VM, nothing is sent and each one is printed with
 * the three values; --force answers "Overwrite" once (the VM is read
 * again, and a change made in between is a conflict again). */
static int
save_vm_edit (AeroCli     *cli,
              AeroVmEdit  *edit,
              gboolean     force,
              AeroVm     **out_updated)
{
  for (guint attempt = 0;; attempt++)
    {
      g_autoptr(GAsyncResult) result = NULL;
      g_autoptr(GError) error = NULL;
      GPtrArray *conflicts;

      aero_vm_edit_save_async (edit, cli->engine, NULL, on_result, cli);
      result = wait_for_result (cli);
      *out_updated = aero_vm_edit_save_finish (edit, result, &error);
      if (*out_updated != NULL)
        return AERO_CLI_EXIT_OK;
      if (!g_error_matches (error, AERO_VM_EDIT_ERROR, AERO_VM_EDIT_ERROR_CONFLICT))
        return report_error (error);

      conflicts = aero_vm_edit_get_conflicts (edit);
      for (guint i = 0; i < conflicts->len; i++)
        {
          AeroVmConflict *conflict = g_ptr_array_index (conflicts, i);
          g_autofree char *read = aero_cli_escape_text (aero_vm_conflict_get_read_value (conflict), FALSE);
          g_autofree char *now = aero_cli_escape_text (aero_vm_conflict_get_current_value (conflict), FALSE);
          g_autofree char *mine = aero_cli_escape_text (aero_vm_conflict_get_new_value (conflict), FALSE);

          g_printerr (_("%s: read %s, now %s (changed by someone else), yours %s\n"),
                      aero_vm_conflict_get_label (conflict), read, now, mine);
        }
      if (!force || attempt > 0)
        {
          report_error (error);
          return failure (_("run again to start from the values the engine holds now, "
                            "or add --force to send yours over them"));
        }
      aero_vm_edit_overwrite_conflicts (edit);
    }
}

static int
cmd_vm_set (AeroCli  *cli,
            int       argc,
            char    **argv)
{
  g_autofree char *ballooning = NULL;
  g_autofree char *memory = NULL;
  g_autofree char *guaranteed = NULL;
  g_autofree char *max_memory = NULL;
  gboolean next_run = FALSE;
  gboolean force = FALSE;
  g_autofree char *search = NULL;
  gboolean dry_run = FALSE;
  GOptionEntry entries[] = {
    { "ballooning", 0, 0, G_OPTION_ARG_STRING, &ballooning,
      N_("Memory balloon device"), N_("on|off") },
    { "memory", 0, 0, G_OPTION_ARG_STRING, &memory,
      N_("Memory size (MiB, or with M/MiB/G/GiB)"), N_("SIZE") },
    { "guaranteed", 0, 0, G_OPTION_ARG_STRING, &guaranteed,
      N_("Physical memory guaranteed"), N_("SIZE") },
    { "max", 0, 0, G_OPTION_ARG_STRING, &max_memory,
      N_("Maximum memory"), N_("SIZE") },
    { "next-run", 0, 0, G_OPTION_ARG_NONE, &next_run,
      N_("Apply every change at the next run of a running VM"), NULL },
    { "force", 0, 0, G_OPTION_ARG_NONE, &force,
      N_("Send even when someone else changed the same settings since they were read"), NULL },
    { "search", 0, 0, G_OPTION_ARG_STRING, &search,
      N_("Every VM matching this engine search instead of one VM (with --ballooning)"),
      N_("QUERY") },
    { "dry-run", 0, 0, G_OPTION_ARG_NONE, &dry_run,
      N_("With --search: print the plan for each VM and send nothing"), NULL },
    { NULL }
  };
  g_autoptr(AeroVm) vm = NULL;
  g_autoptr(AeroVm) updated = NULL;
  g_autoptr(AeroVmEdit) edit = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  gboolean ballooning_value = FALSE;
  gint64 memory_bytes = -1, guaranteed_bytes = -1, max_bytes = -1;
  gboolean later = FALSE;
  const char *errors[5];
  int code = AERO_CLI_EXIT_OK;

  /* Usage first: nothing is fetched for a malformed command line. */
  if (!parse_command_options (cli, "vm set", "VM", entries, &argc, &argv, &code))
    return code;
  if (ballooning != NULL && !aero_cli_parse_switch (ballooning, &ballooning_value))
    return usage_error (_("--ballooning takes \"on\" or \"off\", not \"%s\""), ballooning);
  if (memory != NULL && !aero_cli_parse_size (memory, &memory_bytes))
    return usage_error (_("not a size: \"%s\""), memory);
  if (guaranteed != NULL && !aero_cli_parse_size (guaranteed, &guaranteed_bytes))
    return usage_error (_("not a size: \"%s\""), guaranteed);
  if (max_memory != NULL && !aero_cli_parse_size (max_memory, &max_bytes))
    return usage_error (_("not a size: \"%s\""), max_memory);
  if (search != NULL || dry_run)
    return vm_set_search_command (cli, search, ballooning != NULL, ballooning_value,
                                  memory != NULL || guaranteed != NULL
                                  || max_memory != NULL || next_run,
                                  dry_run, argc, argv);

  if ((code = begin_vm_command (cli, "set", &argc, &argv, &vm)) != AERO_CLI_EXIT_OK)
    return code;

  /* Changes already wait for the next run: those are what is edited, as
   * in the Edit dialog (aero_engine_get_vm_for_edit_async(), whose first
   * GET find_vm() has made), and the PUT goes with next_run=true over
   * them. */
  if (aero_vm_get_next_run_pending (vm))
    {
      g_autoptr(AeroVm) pending = get_vm (cli, aero_vm_get_id (vm), TRUE, &error);

      if (pending == NULL)
        return report_error (error);
      aero_vm_take_running_state (pending, vm);
      g_set_object (&vm, pending);
    }

  /* The engine may leave ballooning out of a VM (it did for "vm set
   * --ballooning off" to end as "Nothing to change"): unknown is not
   * off, so the VM is read again with all its content, which says. */
  if (ballooning != NULL &&
      aero_memory_policy_get_ballooning (aero_vm_get_memory_policy (vm)) == AERO_TRISTATE_UNKNOWN)
    {
      g_autoptr(AeroVm) full = get_vm_all_content (cli, vm, &error);

      if (full == NULL)
        return report_error (error);
      g_set_object (&vm, full);
      if (aero_memory_policy_get_ballooning (aero_vm_get_memory_policy (vm)) == AERO_TRISTATE_UNKNOWN)
        {
          name = aero_cli_escape_text (aero_vm_get_name (vm), FALSE);
          return failure (_("The engine does not say whether VM %s balloons; nothing was changed"),
                          name);
        }
    }

  edit = aero_vm_edit_new_for_vm (vm, cli->clusters);
  aero_vm_edit_follow_engine (edit, aero_engine_get_engine_version (cli->engine));

  /* The gates refuse before anything is sent. */
  if (ballooning != NULL && ballooning_value &&
      !aero_vm_edit_get_ballooning_sensitive (edit))
    return failure ("%s", aero_vm_edit_get_ballooning_reason (edit));
  if (max_memory != NULL && !aero_vm_edit_get_max_memory_sensitive (edit))
    return failure ("%s", aero_vm_edit_get_max_memory_reason (edit));

  /* The CLI derives nothing (unlike the Edit dialog): a new memory size
   * is sent alone, and one that no longer fits between the VM's
   * guaranteed and maximum memory is refused, naming what fixes it. */
  aero_vm_edit_set_derive_memory (edit, FALSE);
  if (memory != NULL)
    {
      gint64 low = guaranteed != NULL ? guaranteed_bytes : aero_vm_edit_get_guaranteed (edit);
      gint64 high = max_memory != NULL ? max_bytes : aero_vm_edit_get_max_memory (edit);
      g_autofree char *size = format_mib (memory_bytes);

      if (guaranteed == NULL && low > memory_bytes)
        {
          g_autofree char *low_text = format_mib (low);

          return usage_error (_("--memory %s is below the guaranteed memory (%s); "
                                "give --guaranteed too"), size, low_text);
        }
      if (max_memory == NULL && high >= 0 && memory_bytes > high)
        {
          g_autofree char *high_text = format_mib (high);

          return usage_error (_("--memory %s is above the maximum memory (%s); "
                                "give --max too"), size, high_text);
        }
    }

  if (memory != NULL)
    aero_vm_edit_set_memory (edit, memory_bytes);
  if (guaranteed != NULL)
    aero_vm_edit_set_guaranteed (edit, guaranteed_bytes);
  if (max_memory != NULL)
    aero_vm_edit_set_max_memory (edit, max_bytes);
  if (ballooning != NULL)
    aero_vm_edit_set_ballooning (edit, ballooning_value);

  if (!aero_vm_edit_get_valid (edit))
    {
      errors[0] = aero_vm_edit_get_memory_error (edit);
      errors[1] = aero_vm_edit_get_guaranteed_error (edit);
      errors[2] = aero_vm_edit_get_max_memory_error (edit);
      errors[3] = aero_vm_edit_get_name_error (edit);
      errors[4] = aero_vm_edit_get_cpu_error (edit);
      for (guint i = 0; i < G_N_ELEMENTS (errors); i++)
        if (errors[i] != NULL)
          return failure ("%s", errors[i]);
      return failure (_("The changes are not valid."));
    }

  if (!aero_vm_edit_get_has_changes (edit))
    {
      if (!cli->json)
        g_print (_("Nothing to change.\n"));
      else
        print_vm (cli, vm);
      return AERO_CLI_EXIT_OK;
    }

  /* --next-run: what could be hot plugged waits as well. Whether the PUT
   * needs next_run anyway is the edit model's rule, as in the dialog. */
  aero_vm_edit_set_apply_later (edit, next_run);

  changes = aero_vm_edit_list_changes (edit);
  for (guint i = 0; i < changes->len; i++)
    {
      AeroVmChange *change = g_ptr_array_index (changes, i);
      AeroVmChangeWhen when = aero_vm_change_get_when (change);

      later = later || when == AERO_VM_CHANGE_NEXT_RUN;
      /* The plan goes to stderr so that --json keeps one document. */
      g_printerr ("%s: %s -> %s (%s)\n",
                  aero_vm_change_get_label (change),
                  aero_vm_change_get_old_value (change),
                  aero_vm_change_get_new_value (change),
                  when_text (when));
    }

  if ((code = save_vm_edit (cli, edit, force, &updated)) != AERO_CLI_EXIT_OK)
    return code;

  name = aero_cli_escape_text (aero_vm_get_name (vm), FALSE);
  if (cli->json)
    print_vm (cli, updated);
  else if (later && aero_vm_edit_get_running (edit))
    g_print (_("Updated %s; some changes apply at the next run.\n"), name);
  else
    g_print (_("Updated %s.\n"), name);

  return AERO_CLI_EXIT_OK;
}

/* The end of an action on @vm: with --json the VM as it is now (a new
 * GET), otherwise @message. */
static int
report_vm_action (AeroCli    *cli,
                  AeroVm     *vm,
                  const char *message)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AeroVm) fresh = NULL;

  if (!cli->json)
    {
      g_print ("%s", message);
      return AERO_CLI_EXIT_OK;
    }

  fresh = get_vm_by_id (cli, aero_vm_get_id (vm), &error);
  if (fresh == NULL)
    return report_error (error);
  print_vm (cli, fresh);

  return AERO_CLI_EXIT_OK;
}

static int
cmd_vm_run_once (AeroCli  *cli,
                 int       argc,
                 char    **argv)
{
  g_autofree char *ballooning = NULL;
  gboolean volatile_ = FALSE;
  gboolean pause = FALSE;
  GOptionEntry entries[] = {
    /* Kept only to say why it is gone. */
    { "ballooning", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_STRING, &ballooning, NULL, NULL },
    { "volatile", 0, 0, G_OPTION_ARG_NONE, &volatile_,
      N_("Roll this configuration back during reboots"), NULL },
    { "pause", 0, 0, G_OPTION_ARG_NONE, &pause,
      N_("Start in paused mode"), NULL },
    { NULL }
  };
  g_autoptr(AeroVm) vm = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  g_autofree char *name = NULL;
  int code = AERO_CLI_EXIT_OK;

  if (!parse_command_options (cli, "vm run-once", "VM", entries, &argc, &argv, &code))
    return code;
  /* The engine's REST start ignores a Run Once's memory policy in every
   * release (VmMapper.map (Vm, RunVmOnceParams)): an override would be
   * silently dropped. */
  if (ballooning != NULL)
    return usage_error ("%s", _("--ballooning is not offered for Run Once: the engine starts a VM "
                                "with its stored balloon setting (change it with \"vm set --ballooning\")"));

  if ((code = begin_vm_command (cli, "run-once", &argc, &argv, &vm)) != AERO_CLI_EXIT_OK)
    return code;

  aero_engine_run_once_async (cli->engine, aero_vm_get_id (vm), volatile_, pause,
                              NULL, on_result, cli);
  result = wait_for_result (cli);
  if (!aero_engine_run_once_finish (cli->engine, result, &error))
    return report_error (error);

  name = aero_cli_escape_text (aero_vm_get_name (vm), FALSE);
  message = g_strdup_printf (_("Started %s once.\n"), name);
  return report_vm_action (cli, vm, message);
}

typedef enum {
  VM_POWER_START,
  VM_POWER_SHUTDOWN,   /* POST /shutdown: the guest shuts itself down */
  VM_POWER_STOP,       /* POST /stop: power off, as pulling the plug */
} VmPower;

/* No question here: a script asked for it (the window asks first). */
static int
cmd_vm_power (AeroCli  *cli,
              int       argc,
              char    **argv,
              VmPower   power)
{
  static const char *const verbs[] = { "start", "shutdown", "stop" };
  g_autoptr(AeroVm) vm = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  g_autofree char *name = NULL;
  gboolean ok = FALSE;
  int code;

  code = begin_vm_command (cli, verbs[power], &argc, &argv, &vm);
  if (code != AERO_CLI_EXIT_OK)
    return code;

  /* Engine text goes to the terminal escaped. */
  name = aero_cli_escape_text (aero_vm_get_name (vm), FALSE);
  switch (power)
    {
    case VM_POWER_START:
      aero_engine_start_vm_async (cli->engine, aero_vm_get_id (vm), NULL, on_result, cli);
      result = wait_for_result (cli);
      ok = aero_engine_start_vm_finish (cli->engine, result, &error);
      message = g_strdup_printf (_("Started %s.\n"), name);
      break;
    case VM_POWER_SHUTDOWN:
      aero_engine_shutdown_vm_async (cli->engine, aero_vm_get_id (vm), NULL, on_result, cli);
      result = wait_for_result (cli);
      ok = aero_engine_shutdown_vm_finish (cli->engine, result, &error);
      /* The engine has asked the guest; it goes down in its own time. */
      message = g_strdup_printf (_("Shutting down %s.\n"), name);
      break;
    case VM_POWER_STOP:
      aero_engine_stop_vm_async (cli->engine, aero_vm_get_id (vm), NULL, on_result, cli);
      result = wait_for_result (cli);
      ok = aero_engine_stop_vm_finish (cli->engine, result, &error);
      message = g_strdup_printf (_("Powered off %s.\n"), name);
      break;
    default:
      g_assert_not_reached ();
    }
  if (!ok)
    return report_error (error);

  return report_vm_action (cli, vm, message);
}

/* ------------------------------------------------------------------ */
/* clusters, cluster set, templates                                    */
/* ------------------------------------------------------------------ */

static void
print_cluster_row (AeroCluster *cluster)
{
  AeroVersion *version = aero_cluster_get_version (cluster);
  g_autofree char *level = version != NULL ? aero_version_to_string (version) : g_strdup ("-");
  int percent = aero_cluster_get_overcommit_percent (cluster);
  g_autofree char *overcommit = percent >= 0 ? g_strdup_printf ("%d %%", percent) : g_strdup ("-");
  /* Engine text: no terminal escapes reach the terminal. */
  g_autofree char *name = aero_cli_escape_text (aero_cluster_get_name (cluster), FALSE);

  const char *cells[] = {
    name, level, overcommit,
    tristate_text (aero_cluster_get_ballooning_enabled (cluster)),
    tristate_text (aero_cluster_get_ksm_enabled (cluster)),
  };

  print_row (cluster_widths, cells, G_N_ELEMENTS (cells));
}

static int
cmd_clusters (AeroCli  *cli,
              int       argc,
              char    **argv)
{
  g_autoptr(GError) error = NULL;
  GListModel *clusters;
  int code;
  guint n;

  if ((code = begin_list_command (cli, "clusters", NULL, &argc, &argv)) != AERO_CLI_EXIT_OK)
    return code;
  clusters = get_clusters (cli, &error);
  if (clusters == NULL)
    return report_error (error);

  n = g_list_model_get_n_items (clusters);
  if (cli->json)
    {
      print_json_list (clusters);
    }
  else
    {
      const char *header[] = {
        _("NAME"), _("LEVEL"), _("OVERCOMMIT"), _("BALLOONING"), _("KSM"),
      };

      print_row (cluster_widths, header, G_N_ELEMENTS (header));
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(AeroCluster) cluster = g_list_model_get_item (clusters, i);

          print_cluster_row (cluster);
        }
    }

  return AERO_CLI_EXIT_OK;
}

/* Reads an on|off option into @change: @member is marked changed. */
static gboolean
parse_cluster_switch (const char               *option,
                      const char               *text,
                      AeroClusterMemoryMembers  member,
                      gboolean                 *value,
                      AeroClusterMemoryChange  *change)
{
  if (text == NULL)
    return TRUE;
  if (!aero_cli_parse_switch (text, value))
    {
      usage_error (_("--%s takes \"on\" or \"off\", not \"%s\""), option, text);
      return FALSE;
    }
  change->changed |= member;
  return TRUE;
}

static int
cmd_hosts (AeroCli  *cli,
           int       argc,
           char    **argv)
{
  g_autofree char *search = NULL;
  GOptionEntry entries[] = {
    { "search", 0, 0, G_OPTION_ARG_STRING, &search,
      N_("Only the hosts matching this engine search"), N_("QUERY") },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  GListModel *clusters;
  int code;

  if ((code = begin_list_command (cli, "hosts", entries, &argc, &argv)) != AERO_CLI_EXIT_OK)
    return code;
  clusters = get_clusters (cli, &error);
  if (clusters == NULL ||
      !aero_cli_print_hosts (cli->engine, cli->cancellable, clusters, search, cli->json, &error))
    return report_error (error);

  return AERO_CLI_EXIT_OK;
}

static int
cmd_cluster_show (AeroCli  *cli,
                  int       argc,
                  char    **argv)
{
  g_autoptr(GError) error = NULL;
  AeroCluster *cluster;
  int code;

  if ((code = parse_command_line (cli, "cluster show", "CLUSTER",
                                  _("\"cluster show\" needs a CLUSTER (name or id)"),
                                  NULL, &argc, &argv)) != AERO_CLI_EXIT_OK)
    return code;
  if ((code = connect_engine (cli)) != AERO_CLI_EXIT_OK)
    return code;
  cluster = find_cluster (cli, argv[1], &error);
  if (cluster == NULL ||
      !aero_cli_print_cluster (cli->engine, cli->cancellable, cluster, cli->json, &error))
    return report_error (error);

  return AERO_CLI_EXIT_OK;
}

static int
cmd_cluster_set (AeroCli  *cli,
                 int       argc,
                 char    **argv)
{
  g_autofree char *ballooning = NULL;
  g_autofree char *ksm = NULL;
  g_autofree char *thp = NULL;
  int overcommit = G_MININT;
  GOptionEntry entries[] = {
    { "ballooning", 0, 0, G_OPTION_ARG_STRING, &ballooning,
      N_("Memory balloon optimisation"), N_("on|off") },
    { "overcommit", 0, 0, G_OPTION_ARG_INT, &overcommit,
      N_("Memory over-commit in percent"), N_("PERCENT") },
    { "ksm", 0, 0, G_OPTION_ARG_STRING, &ksm,
      N_("Kernel same-page merging"), N_("on|off") },
    { "transparent-hugepages", 0, 0, G_OPTION_ARG_STRING, &thp,
      N_("Transparent Huge Pages"), N_("on|off") },
    { NULL }
  };
  AeroClusterMemoryChange change = { 0 };
  g_autoptr(AeroCluster) updated = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  AeroCluster *cluster;
  int code = AERO_CLI_EXIT_OK;

  if ((code = parse_command_line (cli, "cluster set", "CLUSTER",
                                  _("\"cluster set\" needs a CLUSTER (name or id)"),
                                  entries, &argc, &argv)) != AERO_CLI_EXIT_OK)
    return code;
  if (!parse_cluster_switch ("ballooning", ballooning, AERO_CLUSTER_MEMORY_BALLOONING,
                             &change.ballooning, &change)
      || !parse_cluster_switch ("ksm", ksm, AERO_CLUSTER_MEMORY_KSM, &change.ksm, &change)
      || !parse_cluster_switch ("transparent-hugepages", thp,
                                AERO_CLUSTER_MEMORY_TRANSPARENT_HUGEPAGES,
                                &change.transparent_hugepages, &change))
    return AERO_CLI_EXIT_USAGE;
  if (overcommit != G_MININT)
    {
      /* The same range as the Edit Cluster dialog (aero-cluster.h). */
      if (!aero_cluster_overcommit_valid (overcommit))
        return usage_error (_("--overcommit takes a percentage from %d to %d"),
                            AERO_CLUSTER_OVERCOMMIT_MIN, AERO_CLUSTER_OVERCOMMIT_MAX);
      change.overcommit_percent = overcommit;
      change.changed |= AERO_CLUSTER_MEMORY_OVERCOMMIT;
    }
  if (change.changed == AERO_CLUSTER_MEMORY_NONE)
    return usage_error (_("nothing to set: give --ballooning, --overcommit, --ksm or --transparent-hugepages"));

  if ((code = connect_engine (cli)) != AERO_CLI_EXIT_OK)
    return code;
  cluster = find_cluster (cli, argv[1], &error);
  if (cluster == NULL)
    return report_error (error);

  if ((change.changed & AERO_CLUSTER_MEMORY_BALLOONING) && change.ballooning)
    {
      g_autofree char *reason =
        aero_feature_dup_reason (AERO_FEATURE_CLUSTER_BALLOON_OPTIMIZATION,
                                 aero_cluster_get_version (cluster));

      if (reason != NULL)
        return failure ("%s", reason);
    }

  /* Only what was given is sent (with THP restated as the engine
   * requires, see aero_engine_update_cluster_memory_async()). */
  aero_engine_update_cluster_memory_async (cli->engine, cluster, &change,
                                           NULL, on_result, cli);
  result = wait_for_result (cli);
  updated = aero_engine_update_cluster_memory_finish (cli->engine, result, &error);
  if (updated == NULL)
    return report_error (error);

  if (cli->json)
    {
      g_autoptr(JsonNode) node = aero_json_cluster_to_normalised (updated);

      print_json_node (node);
    }
  else
    {
      g_autofree char *name = aero_cli_escape_text (aero_cluster_get_name (cluster), FALSE);

      g_print (_("Updated cluster %s.\n"), name);
    }

  return AERO_CLI_EXIT_OK;
}

static int
cmd_templates (AeroCli  *cli,
               int       argc,
               char    **argv)
{
  g_autoptr(GListModel) templates = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  int code;
  guint n;

  if ((code = begin_list_command (cli, "templates", NULL, &argc, &argv)) != AERO_CLI_EXIT_OK)
    return code;

  aero_engine_list_templates_async (cli->engine, NULL, on_result, cli);
  result = wait_for_result (cli);
  templates = aero_engine_list_templates_finish (cli->engine, result, &error);
  if (templates == NULL)
    return report_error (error);

  n = g_list_model_get_n_items (templates);
  if (cli->json)
    {
      print_json_list (templates);
    }
  else
    {
      const char *header[] = { _("NAME"), _("ID"), _("MEMORY"), _("BALLOONING") };

      print_row (template_widths, header, G_N_ELEMENTS (header));
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(AeroTemplate) tmpl = g_list_model_get_item (templates, i);
          AeroMemoryPolicy *policy = aero_template_get_memory_policy (tmpl);
          g_autofree char *memory = format_mib (aero_template_get_memory (tmpl));
          g_autofree char *name = aero_cli_escape_text (aero_template_get_name (tmpl), FALSE);
          g_autofree char *id = aero_cli_escape_text (aero_template_get_id (tmpl), FALSE);

          const char *cells[] = {
            name, id, memory,
            tristate_text (aero_memory_policy_get_ballooning (policy)),
          };

          print_row (template_widths, cells, G_N_ELEMENTS (cells));
        }
    }

  return AERO_CLI_EXIT_OK;
}

/* ------------------------------------------------------------------ */
/* main                                                                */
/* ------------------------------------------------------------------ */

static const char commands_help[] =
  N_("Commands:\n"
     "  vms [--search QUERY] [--all-content]\n"
     "  vm show VM\n"
     "  vm set VM [--ballooning on|off] [--memory SIZE] [--guaranteed SIZE]\n"
     "            [--max SIZE] [--next-run] [--force]\n"
     "  vm set --search QUERY --ballooning on|off [--dry-run]\n"
     "  vm run-once VM [--volatile] [--pause]\n"
     "  vm start VM\n"
     "  vm shutdown VM    (graceful: the guest shuts itself down)\n"
     "  vm stop VM        (power off, as pulling the plug)\n"
     "  clusters\n"
     "  cluster show CLUSTER\n"
     "  cluster set CLUSTER [--ballooning on|off] [--overcommit PERCENT]\n"
     "                      [--ksm on|off] [--transparent-hugepages on|off]\n"
     "  hosts [--search QUERY]\n"
     "  templates\n"
     "\n"
     "VM and CLUSTER are a name or an id. SIZE is in MiB, or with M/MiB/G/GiB.\n"
     "Environment: AEROSTAT_ENGINE, AEROSTAT_USER, AEROSTAT_PASSWORD,\n"
     "AEROSTAT_TIMEOUT (as --timeout).\n"
     "Exit status: 0 on success, 1 on an engine or network error (or when any VM\n"
     "of a --search failed), 2 on bad usage.");

/* "vm --help": the vm lines of the command list (a line indented deeper
 * continues the one above), so that one list stays the only one. */
static void
print_vm_commands (void)
{
  g_auto(GStrv) lines = g_strsplit (_(commands_help), "\n", -1);
  gboolean in_vm = FALSE;

  g_print (_("Usage:\n  %s [OPTION...] vm COMMAND VM [OPTION...]\n\n"), PROGRAM);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (g_str_has_prefix (lines[i], "  vm "))
        in_vm = TRUE;
      else if (!g_str_has_prefix (lines[i], "    "))
        in_vm = FALSE;
      if (in_vm)
        g_print ("%s\n", lines[i]);
    }
  g_print (_("\nTry \"%s vm COMMAND --help\" for the options of one.\n"), PROGRAM);
}

int
aero_cli_main (int    argc,
               char **argv)
{
  g_auto(AeroCli) cli = { 0 };
  gboolean version = FALSE;
  GOptionEntry entries[] = {
    { "version", 0, 0, G_OPTION_ARG_NONE, &version,
      N_("Show the version and exit"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  const char *command;
  int code;

  g_set_print_handler (print_to_stdout);
  cli.cancellable = g_cancellable_new ();

  context = g_option_context_new (_("COMMAND [ARGS...]"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_main_group (context, global_option_group (&cli));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_description (context, _(commands_help));
  /* Parsing stops at the command: its own options, and global ones
   * after it, are parsed by the command. */
  g_option_context_set_strict_posix (context, TRUE);

  if (!g_option_context_parse (context, &argc, &argv, &error))
    return usage_error ("%s", error->message);

  if (version)
    {
      g_print ("%s %s\n", PROGRAM, PACKAGE_VERSION);
      return AERO_CLI_EXIT_OK;
    }

  if (argc < 2)
    return usage_error (_("no command given"));

  command = argv[1];
  if (g_str_equal (command, "vms"))
    code = cmd_vms (&cli, argc - 1, argv + 1);
  else if (g_str_equal (command, "clusters"))
    code = cmd_clusters (&cli, argc - 1, argv + 1);
  else if (g_str_equal (command, "templates"))
    code = cmd_templates (&cli, argc - 1, argv + 1);
  else if (g_str_equal (command, "hosts"))
    code = cmd_hosts (&cli, argc - 1, argv + 1);
  else if (g_str_equal (command, "cluster"))
    {
      if (argc >= 3 && g_str_equal (argv[2], "show"))
        code = cmd_cluster_show (&cli, argc - 2, argv + 2);
      else if (argc >= 3 && g_str_equal (argv[2], "set"))
        code = cmd_cluster_set (&cli, argc - 2, argv + 2);
      else
        return usage_error (_("unknown cluster command; try \"cluster show\" or \"cluster set\""));
    }
  else if (g_str_equal (command, "vm"))
    {
      const char *verb = argc >= 3 ? argv[2] : NULL;

      if (verb != NULL && (g_str_equal (verb, "--help") || g_str_equal (verb, "-h")))
        {
          print_vm_commands ();
          code = AERO_CLI_EXIT_OK;
        }
      else if (verb == NULL)
        return usage_error (_("\"vm\" needs one of: show, set, run-once, start, shutdown, stop"));
      else if (g_str_equal (verb, "show"))
        code = cmd_vm_show (&cli, argc - 2, argv + 2);
      else if (g_str_equal (verb, "set"))
        code = cmd_vm_set (&cli, argc - 2, argv + 2);
      else if (g_str_equal (verb, "run-once"))
        code = cmd_vm_run_once (&cli, argc - 2, argv + 2);
      else if (g_str_equal (verb, "start"))
        code = cmd_vm_power (&cli, argc - 2, argv + 2, VM_POWER_START);
      else if (g_str_equal (verb, "shutdown"))
        code = cmd_vm_power (&cli, argc - 2, argv + 2, VM_POWER_SHUTDOWN);
      else if (g_str_equal (verb, "stop"))
        code = cmd_vm_power (&cli, argc - 2, argv + 2, VM_POWER_STOP);
      else
        return usage_error (_("unknown vm command \"%s\""), verb);
    }
  else
    {
      return usage_error (_("unknown command \"%s\""), command);
    }

  return code;
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

/* For the other command files (aero-cli-private.h). */

void
aero_cli_print_row (const int         *widths,
                    const char *const *cells,
                    guint              n_cells)
{
  print_row (widths, cells, n_cells);
}

char *
aero_cli_format_size (gint64 bytes)
{
  return format_mib (bytes);
}

const char *
aero_cli_switch_text (AeroTristate value)
{
  return tristate_text (value);
}

void
aero_cli_print_json (JsonNode *node)
{
  print_json_node (node);
}
