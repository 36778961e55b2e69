/* test-release-notes.c - release notes for the About window, from the metainfo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: test-release-notes [--tap] MERGED-METAINFO
 */
#include "config.h"

#include <string.h>

#include <gio/gio.h>

#include "aero-release-notes.h"

static const char *merged_metainfo_path;

static const char synthetic[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<component type=\"desktop-application\">\n"
  "  <id>org.example.Test</id>\n"
  "  <description><p>Not a release note.</p></description>\n"
  "  <releases>\n"
  "    <release version=\"2.0\" date=\"2026-02-01\">\n"
  "      <description>\n"
  "        <p>\n"
  "          Faster &amp; <em>smaller</em>,\n"
  "          with <code>--json</code> output.\n"
  "        </p>\n"
  "        <p xml:lang=\"de\">Schneller &amp; <em>kleiner</em>.</p>\n"
  "        <ol>\n"
  "          <li>First</li>\n"
  "          <li xml:lang=\"de\">Erstens</li>\n"
  "          <li xml:lang=\"fr\">Premièrement</li>\n"
  "          <li>Second, untranslated</li>\n"
  "        </ol>\n"
  "        <p>Closing words.</p>\n"
  "      </description>\n"
  "    </release>\n"
  "    <release version=\"1.0\" date=\"2026-01-01\">\n"
  "      <description><p>First &lt;release&gt;.</p></description>\n"
  "    </release>\n"
  "  </releases>\n"
  "</component>\n";

static GBytes *
synthetic_bytes (void)
{
  return g_bytes_new_static (synthetic, sizeof synthetic - 1);
}

static void
test_newest_release (void)
{
  g_autoptr(GBytes) bytes = synthetic_bytes ();
  g_autoptr(GError) error = NULL;
  g_autofree char *version = NULL;
  g_autofree char *notes = NULL;

  g_setenv ("LANGUAGE", "C", TRUE);
  notes = aero_release_notes_from_metainfo (bytes, NULL, &version, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (version, ==, "2.0");
  /* Wrapping collapsed, inline markup and entities kept, one list, the
   * untranslated original everywhere. */
  g_assert_cmpstr (notes, ==,
                   "<p>Faster &amp; <em>smaller</em>, with <code>--json</code> output.</p>"
                   "<ol><li>First</li><li>Second, untranslated</li></ol>"
                   "<p>Closing words.</p>");
}

static void
test_older_release (void)
{
  g_autoptr(GBytes) bytes = synthetic_bytes ();
  g_autoptr(GError) error = NULL;
  g_autofree char *version = NULL;
  g_autofree char *notes = NULL;

  notes = aero_release_notes_from_metainfo (bytes, "1.0", &version, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (version, ==, "1.0");
  g_assert_cmpstr (notes, ==, "<p>First &lt;release&gt;.</p>");
}

static void
test_best_language (void)
{
  g_autoptr(GBytes) bytes = synthetic_bytes ();
  g_autoptr(GError) error = NULL;
  g_autofree char *notes = NULL;

  /* German where translated, the original where not. */
  g_setenv ("LANGUAGE", "de_DE:de", TRUE);
  notes = aero_release_notes_from_metainfo (bytes, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (notes, ==,
                   "<p>Schneller &amp; <em>kleiner</em>.</p>"
                   "<ol><li>Erstens</li><li>Second, untranslated</li></ol>"
                   "<p>Closing words.</p>");
  g_clear_pointer (&notes, g_free);

  /* The first language the user reads wins. */
  g_setenv ("LANGUAGE", "fr:de", TRUE);
  notes = aero_release_notes_from_metainfo (bytes, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (notes, "<p>Schneller"));
  g_assert_nonnull (strstr (notes, "<li>Premièrement</li>"));
  g_setenv ("LANGUAGE", "C", TRUE);
}

static void
test_missing_release (void)
{
  g_autoptr(GBytes) bytes = synthetic_bytes ();
  g_autoptr(GError) error = NULL;
  g_autofree char *version = NULL;
  g_autofree char *notes = NULL;

  notes = aero_release_notes_from_metainfo (bytes, "9.9", &version, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_null (notes);
  g_assert_null (version);
}

static void
test_malformed (void)
{
  static const char broken[] = "<component><releases><release version=\"1\"><description><p>x";
  g_autoptr(GBytes) bytes = g_bytes_new_static (broken, sizeof broken - 1);
  g_autoptr(GError) error = NULL;
  g_autofree char *notes = NULL;

  notes = aero_release_notes_from_metainfo (bytes, NULL, NULL, &error);
  g_assert_error (error, G_MARKUP_ERROR, G_MARKUP_ERROR_PARSE);
  g_assert_null (notes);
}

/* The metainfo the About window really embeds: the newest release is the
 * project's version, and its notes are translated. */
static void
test_shipped_metainfo (void)
{
  g_autoptr(GFile) file = g_file_new_for_path (merged_metainfo_path);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *version = NULL;
  g_autofree char *notes = NULL;
  g_autofree char *german = NULL;

  bytes = g_file_load_bytes (file, NULL, NULL, &error);
  g_assert_no_error (error);

  g_setenv ("LANGUAGE", "C", TRUE);
  notes = aero_release_notes_from_metainfo (bytes, NULL, &version, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (version, ==, PACKAGE_VERSION);
  g_assert_true (g_str_has_prefix (notes, "<p>The first release of Aerostat.</p><ul><li>"));
  g_assert_null (strstr (notes, "\n"));

  g_setenv ("LANGUAGE", "de", TRUE);
  german = aero_release_notes_from_metainfo (bytes, PACKAGE_VERSION, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (german, "<p>Die erste Veröffentlichung von Aerostat.</p><ul><li>"));
  g_setenv ("LANGUAGE", "C", TRUE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  if (argc > 1)
    merged_metainfo_path = argv[1];

  g_test_add_func ("/release-notes/newest", test_newest_release);
  g_test_add_func ("/release-notes/older", test_older_release);
  g_test_add_func ("/release-notes/language", test_best_language);
  g_test_add_func ("/release-notes/missing", test_missing_release);
  g_test_add_func ("/release-notes/malformed", test_malformed);
  if (merged_metainfo_path != NULL)
    g_test_add_func ("/release-notes/shipped-metainfo", test_shipped_metainfo);

  return g_test_run ();
}
