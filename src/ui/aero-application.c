/* aero-application.c - the aerostat application (io.github.aerostat.Aerostat)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>

#include <glib/gi18n.h>

#include "aero-application.h"
#include "aero-demo-engine.h"
#include "aero-release-notes.h"
#include "aero-window.h"

struct _AeroApplication
{
  AdwApplication  parent_instance;

  AeroDemoEngine *demo;
  guint           demo_vms;
  char           *demo_engine_version;
};

G_DEFINE_FINAL_TYPE (AeroApplication, aero_application, ADW_TYPE_APPLICATION)

static const GOptionEntry option_entries[] = {
  { "demo", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
    N_("Start the embedded demo engine and log in to it"), NULL },
  { "engine", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, NULL,
    N_("Engine address to fill in on the login page"), N_("URL") },
  { "user", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, NULL,
    N_("User to fill in on the login page, e.g. admin@internal"), N_("USER") },
  { "version", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
    N_("Show the version and exit"), NULL },
  { "engine-version", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, NULL,
    N_("With --demo: the engine release the demo plays, 4.3, 4.4 or 4.5 (default)"), N_("VERSION") },
  { "demo-vms", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_INT, NULL,
    N_("Number of generated VMs in the demo engine (performance work)"), N_("N") },
  { NULL }
};

static AeroWindow *
get_window (AeroApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (AERO_IS_WINDOW (window))
    return AERO_WINDOW (window);

  return aero_window_new (ADW_APPLICATION (self));
}

static void
aero_application_activate (GApplication *app)
{
  AeroWindow *window = get_window (AERO_APPLICATION (app));

  gtk_window_present (GTK_WINDOW (window));
}

static int
aero_application_command_line (GApplication            *app,
                               GApplicationCommandLine *command_line)
{
  AeroApplication *self = AERO_APPLICATION (app);
  GVariantDict *options = g_application_command_line_get_options_dict (command_line);
  g_autoptr(GError) error = NULL;
  const char *engine = NULL;
  const char *user = NULL;
  const char *engine_version = NULL;
  gboolean demo = FALSE;
  int demo_vms = 0;
  AeroWindow *window;

  g_variant_dict_lookup (options, "demo", "b", &demo);
  g_variant_dict_lookup (options, "engine", "&s", &engine);
  g_variant_dict_lookup (options, "user", "&s", &user);
  if (g_variant_dict_lookup (options, "engine-version", "&s", &engine_version))
    {
      g_free (self->demo_engine_version);
      self->demo_engine_version = g_strdup (engine_version);
    }
  if (g_variant_dict_lookup (options, "demo-vms", "i", &demo_vms) && demo_vms > 0)
    aero_application_set_demo_vms (self, (guint) demo_vms);

  window = get_window (self);
  gtk_window_present (GTK_WINDOW (window));

  if (demo)
    {
      const char *url = aero_application_ensure_demo_engine (self, &error);

      if (url == NULL)
        {
          g_application_command_line_printerr (command_line, "aerostat: %s\n", error->message);
          return EXIT_FAILURE;
        }

      /* Scripts and tests read this line to find the engine. */
      g_application_command_line_print (command_line, "demo engine: %s\n", url);
      fflush (stdout);

      aero_window_connect_demo_async (window, url, NULL, NULL, NULL);
    }
  else if (engine != NULL || user != NULL)
    {
      aero_window_prefill (window, engine, user);
    }

  return EXIT_SUCCESS;
}

static void
about_action (GSimpleAction *action,
              GVariant      *param,
              gpointer       user_data)
{
  GtkApplication *app = user_data;
  const char *developers[] = { "The Aerostat developers", NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *notes = NULL;
  g_autofree char *notes_version = NULL;
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (app),
                        "application-name", _("Aerostat"),
                        "application-icon", APP_ID,
                        "version", PACKAGE_VERSION,
                        "developer-name", _("The Aerostat developers"),
                        "developers", developers,
                        "comments", _("Edit oVirt virtual machines, templates and clusters, "
                                      "with memory ballooning and over-commit at the centre."),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "website", "https://github.com/aerostat/aerostat",
                        "issue-url", "https://github.com/aerostat/aerostat/issues",
                        /* TRANSLATORS: your name(s), one per line */
                        "translator-credits", _("translator-credits"),
                        NULL);

  /* libadwaita 1.2 cannot read the metainfo itself. */
  notes = aero_release_notes_from_resource (PACKAGE_VERSION, &notes_version, &error);
  if (notes != NULL)
    {
      adw_about_window_set_release_notes (ADW_ABOUT_WINDOW (about), notes);
      adw_about_window_set_release_notes_version (ADW_ABOUT_WINDOW (about), notes_version);
    }
  else
    {
      g_debug ("No release notes: %s", error->message);
    }

  gtk_window_present (GTK_WINDOW (about));
}

static void
shortcuts_action (GSimpleAction *action,
                  GVariant      *param,
                  gpointer       user_data)
{
  GtkApplication *app = user_data;
  g_autoptr(GtkBuilder) builder = NULL;
  GtkWindow *window;

  builder = gtk_builder_new_from_resource ("/io/github/aerostat/Aerostat/ui/aero-shortcuts-window.ui");
  window = GTK_WINDOW (gtk_builder_get_object (builder, "shortcuts_window"));
  gtk_window_set_transient_for (window, gtk_application_get_active_window (app));
  gtk_window_present (window);
}

static void
quit_action (GSimpleAction *action,
             GVariant      *param,
             gpointer       user_data)
{
  GtkApplication *app = user_data;
  GList *windows = gtk_application_get_windows (app);

  /* Through close-request, so each window saves its size. */
  while (windows != NULL)
    {
      GList *next = windows->next;

      gtk_window_close (GTK_WINDOW (windows->data));
      windows = next;
    }
}

/* "Try the Demo Engine" on a login page: that window logs in to the
 * embedded demo engine, started on first use. */
static void
demo_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  AeroApplication *self = AERO_APPLICATION (user_data);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  g_autoptr(GError) error = NULL;
  const char *url;

  if (!AERO_IS_WINDOW (window))
    return;

  url = aero_application_ensure_demo_engine (self, &error);
  if (url == NULL)
    aero_window_show_demo_error (AERO_WINDOW (window), error->message);
  else
    aero_window_connect_demo_async (AERO_WINDOW (window), url, NULL, NULL, NULL);
}

static const GActionEntry app_actions[] = {
  { "demo", demo_action, NULL, NULL, NULL, { 0 } },
  { "about", about_action, NULL, NULL, NULL, { 0 } },
  { "shortcuts", shortcuts_action, NULL, NULL, NULL, { 0 } },
  { "quit", quit_action, NULL, NULL, NULL, { 0 } },
};

static void
aero_application_startup (GApplication *app)
{
  static const char *shortcuts_accels[] = { "<Control>question", NULL };
  static const char *quit_accels[] = { "<Control>q", NULL };

  G_APPLICATION_CLASS (aero_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions, G_N_ELEMENTS (app_actions), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.shortcuts", shortcuts_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
}

static void
aero_application_shutdown (GApplication *app)
{
  AeroApplication *self = AERO_APPLICATION (app);

  if (self->demo != NULL)
    aero_demo_engine_stop (self->demo);
  g_clear_object (&self->demo);

  G_APPLICATION_CLASS (aero_application_parent_class)->shutdown (app);
}

static void
aero_application_dispose (GObject *object)
{
  AeroApplication *self = AERO_APPLICATION (object);

  if (self->demo != NULL)
    aero_demo_engine_stop (self->demo);
  g_clear_object (&self->demo);
  g_clear_pointer (&self->demo_engine_version, g_free);

  G_OBJECT_CLASS (aero_application_parent_class)->dispose (object);
}

/* --version is answered here, in the process that was started: no
 * display and no running instance are needed for it. */
static int
aero_application_handle_local_options (GApplication *app,
                                       GVariantDict *options)
{
  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("aerostat %s\n", PACKAGE_VERSION);
      return 0;
    }

  return -1;
}

static void
aero_application_class_init (AeroApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = aero_application_dispose;
  app_class->activate = aero_application_activate;
  app_class->command_line = aero_application_command_line;
  app_class->handle_local_options = aero_application_handle_local_options;
  app_class->startup = aero_application_startup;
  app_class->shutdown = aero_application_shutdown;
}

static void
aero_application_init (AeroApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Administer oVirt virtual machines, templates and clusters."));
}

AeroApplication *
aero_application_new (void)
{
  return g_object_new (AERO_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_COMMAND_LINE,
                       "resource-base-path", "/io/github/aerostat/Aerostat",
                       NULL);
}

const char *
aero_application_ensure_demo_engine (AeroApplication  *self,
                                     GError          **error)
{
  g_return_val_if_fail (AERO_IS_APPLICATION (self), NULL);

  if (self->demo == NULL)
    {
      g_autoptr(AeroDemoEngine) demo = aero_demo_engine_new (self->demo_vms, 1);

      if (self->demo_engine_version != NULL
          && !aero_demo_engine_set_engine_version (demo, self->demo_engine_version, error))
        return NULL;
      if (!aero_demo_engine_start (demo, "127.0.0.1", 0, error))
        return NULL;
      self->demo = g_steal_pointer (&demo);
    }

  return aero_demo_engine_get_api_url (self->demo);
}

void
aero_application_set_demo_vms (AeroApplication *self,
                               guint            n_vms)
{
  g_return_if_fail (AERO_IS_APPLICATION (self));

  self->demo_vms = n_vms;
}
