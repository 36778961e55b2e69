/* main.c - aerostat-cli entry point
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <unistd.h>

#include <glib/gi18n.h>

#include "aero-cli.h"

/* GLib's own writer sends debug and info lines to stdout, where they
 * would mix with the output (`--json` must stay parseable with
 * G_MESSAGES_DEBUG=all): every log line goes to stderr. */
static GLogWriterOutput
write_log_to_stderr (GLogLevelFlags   log_level,
                     const GLogField *fields,
                     gsize            n_fields,
                     gpointer         user_data)
{
  g_autofree char *line = NULL;
  const char *domain = NULL;

  for (gsize i = 0; i < n_fields; i++)
    if (g_strcmp0 (fields[i].key, "GLIB_DOMAIN") == 0 && fields[i].length < 0)
      domain = fields[i].value;

  if (g_log_writer_default_would_drop (log_level, domain))
    return G_LOG_WRITER_HANDLED;

  line = g_log_writer_format_fields (log_level, fields, n_fields, g_log_writer_supports_color (fileno (stderr)));
  fprintf (stderr, "%s\n", line);
  fflush (stderr);
  return G_LOG_WRITER_HANDLED;
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_log_set_writer_func (write_log_to_stderr, NULL, NULL);

  return aero_cli_finish_output (aero_cli_main (argc, argv));
}
