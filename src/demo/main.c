/* main.c - aerostat-demo-engine, the demo oVirt engine as a program
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <stdio.h>

#include <glib/gi18n.h>
#include <glib-unix.h>

#include "aero-demo-engine.h"

static gboolean
on_signal (gpointer user_data)
{
  g_main_loop_quit (user_data);
  return G_SOURCE_REMOVE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(AeroDemoEngine) engine = NULL;
  g_autoptr(GMainLoop) loop = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *address = NULL;
  g_autofree char *state = NULL;
  g_autofree char *engine_version = NULL;
  int port = 0;
  int n_vms = 0;
  int seed = 1;
  int token_lifetime = 1800;
  gboolean frozen = FALSE;
  gboolean version = FALSE;
  GOptionEntry entries[] = {
    { "port", 0, 0, G_OPTION_ARG_INT, &port, N_("Port to listen on (0 picks a free one)"), N_("PORT") },
    { "address", 0, 0, G_OPTION_ARG_STRING, &address, N_("Loopback address to listen on"), N_("ADDRESS") },
    { "vms", 0, 0, G_OPTION_ARG_INT, &n_vms, N_("Generate this many VMs instead of the seed inventory"), N_("N") },
    { "seed", 0, 0, G_OPTION_ARG_INT, &seed, N_("Seed of the generated VMs"), N_("N") },
    { "state", 0, 0, G_OPTION_ARG_FILENAME, &state, N_("Keep the inventory in this file across restarts"), N_("FILE") },
    { "token-lifetime", 0, 0, G_OPTION_ARG_INT, &token_lifetime, N_("Lifetime of SSO tokens in seconds"), N_("SECONDS") },
    { "frozen", 0, 0, G_OPTION_ARG_NONE, &frozen, N_("Statistics and clock do not move"), NULL },
    { "engine-version", 0, 0, G_OPTION_ARG_STRING, &engine_version,
      N_("Answer as this engine release: 4.3, 4.4 or 4.5 (default), or e.g. 4.4.5.10"), N_("VERSION") },
    { "version", 0, 0, G_OPTION_ARG_NONE, &version, N_("Show the version and exit"), NULL },
    { NULL }
  };

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context, _("An oVirt engine emulator for trying Aerostat and for tests."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  if (version)
    {
      g_print ("aerostat-demo-engine %s\n", PACKAGE_VERSION);
      return 0;
    }
  if (port < 0 || port > 65535 || n_vms < 0 || seed < 0 || token_lifetime < 1)
    {
      g_printerr ("%s\n", _("Invalid option value"));
      return 2;
    }

  /* Handlers first: whoever read the line below may signal at once. */
  loop = g_main_loop_new (NULL, FALSE);
  g_unix_signal_add (SIGINT, on_signal, loop);
  g_unix_signal_add (SIGTERM, on_signal, loop);

  engine = aero_demo_engine_new (n_vms, seed);
  aero_demo_engine_set_token_lifetime (engine, token_lifetime);
  aero_demo_engine_set_frozen (engine, frozen);
  if (engine_version != NULL && !aero_demo_engine_set_engine_version (engine, engine_version, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  if (state != NULL && !aero_demo_engine_set_state_file (engine, state, &error))
    {
      g_printerr (_("Cannot load the state file: %s\n"), error->message);
      return 1;
    }
  if (!aero_demo_engine_start (engine, address != NULL ? address : "127.0.0.1", port, &error))
    {
      g_printerr (_("Cannot start the demo engine: %s\n"), error->message);
      return 1;
    }

  /* Scripts and tests wait for exactly this line: never translated. */
  printf ("demo engine: %s\n", aero_demo_engine_get_api_url (engine));
  fflush (stdout);

  g_main_loop_run (loop);

  aero_demo_engine_stop (engine);
  return 0;
}
