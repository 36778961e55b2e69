/* aero-cli.c - aerostat-cli: the client library from a terminal
 *
 * This file parses the global and command options and hands each command
 * to its file: aero-cli-vm.c, aero-cli-vm-search.c, aero-cli-cluster.c and
 * aero-cli-hosts.c. They share the login and lookups of
 * aero-cli-session.c and the output of aero-cli-output.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "aero-cli-private.h"

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
/* Command options                                                     */
/* ------------------------------------------------------------------ */

/* Parses the options of one command; the leftover words stay in argv. */
gboolean
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

/* The options of @command, then its words: none, or exactly one
 * (@parameter, e.g. "VM") whose absence @missing explains. */
int
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
