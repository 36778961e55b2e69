/* test-cli-args.c - aerostat-cli argument parsing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "aero-cli.h"

#define MIB ((gint64) 1024 * 1024)

static void
test_sizes (void)
{
  struct {
    const char *text;
    gint64      bytes;
  } good[] = {
    { "4096", 4096 * MIB },
    { "0", 0 },
    { "512M", 512 * MIB },
    { "512MB", 512 * MIB },
    { "512MiB", 512 * MIB },
    { "512mib", 512 * MIB },
    { "4G", 4096 * MIB },
    { "4GiB", 4096 * MIB },
    { "4gb", 4096 * MIB },
    { "1.5G", 1536 * MIB },
    { "0.5", MIB / 2 },
  };
  const char *bad[] = {
    "", "G", "-1", "-4G", "4T", "4 G", "4GiBs", "abc", "4K", "1e3", "0.0000001",
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      gint64 bytes = -1;

      g_assert_true (aero_cli_parse_size (good[i].text, &bytes));
      g_assert_cmpint (bytes, ==, good[i].bytes);
    }

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      gint64 bytes = -1;

      if (aero_cli_parse_size (bad[i], &bytes))
        g_error ("\"%s\" was read as %" G_GINT64_FORMAT " bytes", bad[i], bytes);
    }
}

static void
test_switches (void)
{
  gboolean value = FALSE;

  g_assert_true (aero_cli_parse_switch ("on", &value));
  g_assert_true (value);
  g_assert_true (aero_cli_parse_switch ("off", &value));
  g_assert_false (value);
  g_assert_false (aero_cli_parse_switch ("yes", &value));
  g_assert_false (aero_cli_parse_switch ("", &value));
  g_assert_false (aero_cli_parse_switch (NULL, &value));
}

static void
test_display_width (void)
{
  g_assert_cmpint (aero_cli_display_width (""), ==, 0);
  g_assert_cmpint (aero_cli_display_width ("web-01"), ==, 6);
  /* Seven columns, eight bytes; decomposed: nine bytes, still seven. */
  g_assert_cmpint (aero_cli_display_width ("b\xc3\xbcro-01"), ==, 7);
  g_assert_cmpint (aero_cli_display_width ("bu\xcc\x88ro-01"), ==, 7);
  /* Wide CJK: two columns each. */
  g_assert_cmpint (aero_cli_display_width ("\xe6\x9d\xb1\xe4\xba\xac-01"), ==, 7);
}

/* Engine text reaches the terminal without its control characters. */
static void
test_escape_text (void)
{
  static const struct {
    const char *text;
    gboolean keep_newlines;
    const char *escaped;
  } cases[] = {
    { "web-01", FALSE, "web-01" },
    { "caf\xc3\xa9 \xe2\x9c\x93", FALSE, "caf\xc3\xa9 \xe2\x9c\x93" },
    { "web\x1b]0;owned\x07", FALSE, "web\\x1b]0;owned\\x07" },
    { "a\r\nb\tc\x7f", FALSE, "a\\x0d\\x0ab\\x09c\\x7f" },
    { "line 1\nline\x1b[2J 2", TRUE, "line 1\nline\\x1b[2J 2" },
    { "c1 \xc2\x9b" "31m", FALSE, "c1 \\u{009b}31m" },
    { "bad \xff\xfe utf-8", FALSE, "bad \\xff\\xfe utf-8" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *escaped = aero_cli_escape_text (cases[i].text, cases[i].keep_newlines);

      g_assert_cmpstr (escaped, ==, cases[i].escaped);
    }
  g_assert_null (aero_cli_escape_text (NULL, FALSE));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/sizes", test_sizes);
  g_test_add_func ("/cli/switches", test_switches);
  g_test_add_func ("/cli/display-width", test_display_width);
  g_test_add_func ("/cli/escape-text", test_escape_text);

  return g_test_run ();
}
