/* aero-screenshot-scenes.c - renders Aerostat's scenes and compares them
 *
 * One program, four uses:
 *   aero-screenshot-scenes [g_test options]   the 'screenshots' test suite:
 *       renders every scene (each in a fresh process) and compares it with
 *       tests/reference/<scene>.png; a reference without a scene fails too
 *   --list                        prints the scene names
 *   --render SCENE --output FILE  renders one scene into a PNG
 *   --write-all DIR               renders every scene into DIR/<scene>.png
 *                                 (tests/update-references uses it)
 *   --appstream-dir DIR           renders the AppStream screenshots
 *
 * Determinism: the demo engine runs in this process with its fixed seed
 * inventory and frozen statistics; fonts come from tests/fonts/fonts.conf
 * (FONTCONFIG_FILE); animations and cursor blinking are off; GSK renders
 * with cairo; windows have fixed sizes. Each scene renders in a process of
 * its own, so the colour scheme, text direction and locale of one scene
 * cannot leak into the next.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <stdlib.h>

#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "aero-screenshot-compare.h"
#include "aero-scene.h"

/* A scene that takes longer than this is stuck: fail rather than hang. */
#define SCENE_TIMEOUT_SECONDS 60

/* The same pixels whether meson test or tests/update-references runs the
 * program: the renderer, fonts and scale are pinned here, before GTK or
 * fontconfig read them. */
static void
pin_environment (void)
{
  g_setenv ("FONTCONFIG_FILE", AERO_TEST_FONTS_CONF, TRUE);
  g_setenv ("GSK_RENDERER", "cairo", TRUE);
  g_setenv ("GDK_DISABLE", "vulkan", TRUE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_setenv ("GSETTINGS_SCHEMA_DIR", AERO_TEST_SCHEMA_DIR, FALSE);
  g_setenv ("AERO_TEST_LOCALEDIR", AERO_TEST_LOCALEDIR, FALSE);
  g_setenv ("NO_AT_BRIDGE", "1", TRUE);
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  g_unsetenv ("LANGUAGE");
  g_unsetenv ("GDK_SCALE");
  g_unsetenv ("GDK_DPI_SCALE");
  g_unsetenv ("GTK_THEME");
}

/* --- rendering one scene ---------------------------------------------------- */

static gboolean
watchdog_cb (gpointer user_data)
{
  g_printerr ("scene %s: not ready after %d s\n", (const char *) user_data, SCENE_TIMEOUT_SECONDS);
  exit (EXIT_FAILURE);
  return G_SOURCE_REMOVE;
}

/* Everything that could make two runs differ, set before any widget
 * exists. */
static void
setup_determinism (const AeroScene *scene)
{
  GtkSettings *settings = gtk_settings_get_default ();

  g_object_set (settings,
                "gtk-enable-animations", FALSE,
                "gtk-cursor-blink", FALSE,
                "gtk-font-name", "Cantarell 11",
                "gtk-icon-theme-name", "Adwaita",
                "gtk-xft-antialias", 1,
                "gtk-xft-hinting", 1,
                "gtk-xft-hintstyle", "hintslight",
                "gtk-xft-rgba", "none",
                "gtk-xft-dpi", 96 * 1024,
                "gtk-decoration-layout", "menu:close",
                "gtk-error-bell", FALSE,
                NULL);

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      scene->dark ? ADW_COLOR_SCHEME_FORCE_DARK
                                                  : ADW_COLOR_SCHEME_FORCE_LIGHT);
  if (scene->rtl)
    gtk_widget_set_default_direction (GTK_TEXT_DIR_RTL);

  /* The application icon, from the source tree as it is not installed. */
  gtk_icon_theme_add_search_path (gtk_icon_theme_get_for_display (gdk_display_get_default ()),
                                  AERO_TEST_ICON_DIR);
}

/* A scene's language: the catalogue built from po/ in the build tree, as
 * the installed one is not there yet while testing. */
static void
setup_language (const AeroScene *scene)
{
  const char *localedir = g_getenv ("AERO_TEST_LOCALEDIR");

  /* The C.UTF-8 locale of the test environment is enough: glibc honours
   * LANGUAGE in it (unlike in plain C). */
  if (scene->language != NULL)
    g_setenv ("LANGUAGE", scene->language, TRUE);
  if (localedir != NULL)
    bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

static int
render_scene (const char *name,
              const char *output)
{
  const AeroScene *scene = aero_scene_lookup (name);
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;

  if (scene == NULL)
    {
      g_printerr ("no scene named %s (see --list)\n", name);
      return EXIT_FAILURE;
    }

  /* Own the main context for the whole scene, as g_main_loop_run() does
   * in Aerostat: otherwise, between two iterations of the waits below, a
   * worker thread calling g_main_context_invoke() could acquire it and run
   * main-thread code itself. */
  if (!g_main_context_acquire (NULL))
    {
      g_printerr ("scene %s: cannot own the main context\n", name);
      return EXIT_FAILURE;
    }

  setup_language (scene);
  gtk_init ();
  adw_init ();
  setup_determinism (scene);

  g_timeout_add_seconds (SCENE_TIMEOUT_SECONDS, watchdog_cb, (gpointer) name);

  texture = aero_scene_render (scene, &error);
  if (texture == NULL)
    {
      g_printerr ("scene %s: %s\n", name, error->message);
      return EXIT_FAILURE;
    }

  if (!gdk_texture_save_to_png (texture, output))
    {
      g_printerr ("scene %s: cannot write %s\n", name, output);
      return EXIT_FAILURE;
    }

  return EXIT_SUCCESS;
}

/* --- running scenes in child processes ------------------------------------- */

static gboolean
spawn_render (const char  *self_path,
              const char  *name,
              const char  *output,
              GError     **error)
{
  g_autoptr(GSubprocess) process = NULL;

  process = g_subprocess_new (G_SUBPROCESS_FLAGS_NONE, error,
                              self_path, "--render", name, "--output", output, NULL);
  if (process == NULL)
    return FALSE;

  return g_subprocess_wait_check (process, NULL, error);
}

static int
write_all (const char *self_path,
           const char *dir)
{
  int status = EXIT_SUCCESS;

  g_mkdir_with_parents (dir, 0755);
  for (const AeroScene *scene = aero_scene_get_all (); scene->name != NULL; scene++)
    {
      g_autofree char *basename = g_strconcat (scene->name, ".png", NULL);
      g_autofree char *path = g_build_filename (dir, basename, NULL);
      g_autoptr(GError) error = NULL;

      if (!spawn_render (self_path, scene->name, path, &error))
        {
          g_printerr ("%s: %s\n", scene->name, error->message);
          status = EXIT_FAILURE;
          continue;
        }
      g_print ("%s\n", path);
    }

  return status;
}

static int
write_appstream (const char *self_path,
                 const char *dir)
{
  int status = EXIT_SUCCESS;

  g_mkdir_with_parents (dir, 0755);
  for (const AeroScene *scene = aero_scene_get_all (); scene->name != NULL; scene++)
    {
      g_autofree char *path = NULL;
      g_autoptr(GError) error = NULL;

      if (scene->appstream == NULL)
        continue;

      path = g_build_filename (dir, scene->appstream, NULL);
      if (!spawn_render (self_path, scene->name, path, &error))
        {
          g_printerr ("%s: %s\n", scene->name, error->message);
          status = EXIT_FAILURE;
          continue;
        }
      g_print ("%s\n", path);
    }

  return status;
}

/* --- the test suite -------------------------------------------------------- */

static char *self_path;

static char *
output_dir (void)
{
  return g_test_build_filename (G_TEST_BUILT, "screenshots", "output", NULL);
}

static char *
reference_dir (void)
{
  return g_test_build_filename (G_TEST_DIST, "reference", NULL);
}

/* What aero_screenshot_check() writes for a failing scene. */
static const char *const failure_suffixes[] = { "", "-reference", "-delta" };

static void
test_scene (gconstpointer data)
{
  const AeroScene *scene = data;
  g_autofree char *out_dir = output_dir ();
  g_autofree char *ref_dir = reference_dir ();
  g_autofree char *rendered_dir = g_build_filename (out_dir, "rendered", NULL);
  g_autofree char *basename = g_strconcat (scene->name, ".png", NULL);
  g_autofree char *rendered = g_build_filename (rendered_dir, basename, NULL);
  g_autoptr(GdkTexture) actual = NULL;
  g_autoptr(GError) error = NULL;

  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_test_skip ("no display: run the suite under tests/with-display (./run test)");
      return;
    }

  /* Images of an earlier failure would mislead whoever reads the output. */
  for (guint i = 0; i < G_N_ELEMENTS (failure_suffixes); i++)
    {
      g_autofree char *stale_name = g_strconcat (scene->name, failure_suffixes[i], ".png", NULL);
      g_autofree char *stale = g_build_filename (out_dir, stale_name, NULL);

      g_remove (stale);
    }

  g_mkdir_with_parents (rendered_dir, 0755);
  if (!spawn_render (self_path, scene->name, rendered, &error))
    {
      g_test_message ("scene %s could not be rendered: %s", scene->name, error->message);
      g_test_fail ();
      return;
    }

  actual = gdk_texture_new_from_filename (rendered, &error);
  g_assert_no_error (error);

  if (!aero_screenshot_check (scene->name, actual, ref_dir, out_dir,
                              scene->ignored, scene->n_ignored, &error))
    {
      g_test_message ("%s", error->message);
      g_printerr ("%s\n", error->message);
      g_test_fail ();
    }
}

/* A reference nobody renders any more is a stale file that hides a
 * removed scene: fail on it too. */
static void
test_every_reference_has_a_scene (void)
{
  g_autofree char *ref_dir = reference_dir ();
  g_autoptr(GDir) dir = g_dir_open (ref_dir, 0, NULL);
  const char *entry;
  guint n_orphans = 0;

  g_assert_nonnull (dir);
  while ((entry = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *name = NULL;

      if (!g_str_has_suffix (entry, ".png"))
        continue;

      name = g_strndup (entry, strlen (entry) - strlen (".png"));
      if (aero_scene_lookup (name) == NULL)
        {
          g_test_message ("tests/reference/%s has no scene", entry);
          g_printerr ("tests/reference/%s has no scene\n", entry);
          n_orphans++;
        }
    }

  g_assert_cmpuint (n_orphans, ==, 0);
}

static int
run_tests (int    argc,
           char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/screenshots/every-reference-has-a-scene",
                   test_every_reference_has_a_scene);
  for (const AeroScene *scene = aero_scene_get_all (); scene->name != NULL; scene++)
    {
      g_autofree char *path = g_strconcat ("/screenshots/", scene->name, NULL);

      g_test_add_data_func (path, scene, test_scene);
    }

  return g_test_run ();
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *render = NULL;
  g_autofree char *output = NULL;
  g_autofree char *all_dir = NULL;
  g_autofree char *appstream_dir = NULL;
  gboolean list = FALSE;
  const GOptionEntry entries[] = {
    { "list", 0, 0, G_OPTION_ARG_NONE, &list, "Print the scene names", NULL },
    { "render", 0, 0, G_OPTION_ARG_STRING, &render, "Render one scene", "SCENE" },
    { "output", 0, 0, G_OPTION_ARG_FILENAME, &output, "Where --render writes", "FILE" },
    { "write-all", 0, 0, G_OPTION_ARG_FILENAME, &all_dir, "Render every scene into DIR", "DIR" },
    { "appstream-dir", 0, 0, G_OPTION_ARG_FILENAME, &appstream_dir,
      "Render the AppStream screenshots into DIR", "DIR" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) self_file = NULL;

  pin_environment ();
  setlocale (LC_ALL, "");

  /* The test suite's own options (-p, --tap...) go to g_test_init(). */
  if (argc < 2 || !g_str_has_prefix (argv[1], "--") ||
      g_str_equal (argv[1], "--tap") || g_str_has_prefix (argv[1], "--GTestSkipCount"))
    {
      self_file = g_file_new_for_commandline_arg (argv[0]);
      self_path = g_file_get_path (self_file);
      return run_tests (argc, argv);
    }

  context = g_option_context_new ("- render Aerostat's screenshot scenes");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }

  self_file = g_file_new_for_commandline_arg (argv[0]);
  self_path = g_file_get_path (self_file);

  if (list)
    {
      for (const AeroScene *scene = aero_scene_get_all (); scene->name != NULL; scene++)
        g_print ("%s\n", scene->name);
      return EXIT_SUCCESS;
    }
  if (render != NULL)
    {
      if (output == NULL)
        {
          g_printerr ("--render needs --output\n");
          return 2;
        }
      return render_scene (render, output);
    }
  if (all_dir != NULL)
    return write_all (self_path, all_dir);
  if (appstream_dir != NULL)
    return write_appstream (self_path, appstream_dir);

  g_printerr ("nothing to do (see --help)\n");
  return 2;
}
