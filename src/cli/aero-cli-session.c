/* aero-cli-session.c - aerostat-cli's session: waiting for the engine, the
 * password sources, the login, and the lookups every command starts with
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
#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "aero-cli-private.h"

/* ------------------------------------------------------------------ */
/* Waiting for the engine                                              */
/* ------------------------------------------------------------------ */

void
on_result (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  AeroCli *cli = user_data;

  g_set_object (&cli->result, result);
}

GAsyncResult *
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
int
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

/* Common start of the commands that take no argument (vms, clusters,
 * templates): their options, then the login. */
int
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

GListModel *
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

AeroCluster *
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

AeroVm *
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
AeroVm *
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

AeroVm *
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
AeroVm *
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
