/* test-engine-url.c - engine addresses: normalisation and http refusal
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "aero-engine.h"

static void
test_normalise (void)
{
  static const struct {
    const char *address;
    const char *base_url;
  } cases[] = {
    { "engine.example.com", "https://engine.example.com/ovirt-engine" },
    { "  engine.example.com  ", "https://engine.example.com/ovirt-engine" },
    { "engine.example.com:8443", "https://engine.example.com:8443/ovirt-engine" },
    { "https://engine.example.com", "https://engine.example.com/ovirt-engine" },
    { "https://engine.example.com/", "https://engine.example.com/ovirt-engine" },
    { "https://engine.example.com/ovirt-engine", "https://engine.example.com/ovirt-engine" },
    { "https://engine.example.com/ovirt-engine/", "https://engine.example.com/ovirt-engine" },
    { "https://engine.example.com/ovirt-engine/api", "https://engine.example.com/ovirt-engine" },
    { "https://engine.example.com/ovirt-engine/api/", "https://engine.example.com/ovirt-engine" },
    { "HTTPS://engine.example.com:443/ovirt-engine/api", "https://engine.example.com:443/ovirt-engine" },
    { "engine.example.com/ovirt-engine/api", "https://engine.example.com/ovirt-engine" },
    { "https://[2001:db8::1]:8443/ovirt-engine/api", "https://[2001:db8::1]:8443/ovirt-engine" },
    { "http://127.0.0.1:8080/ovirt-engine/api", "http://127.0.0.1:8080/ovirt-engine" },
    { "http://127.1.2.3/ovirt-engine", "http://127.1.2.3/ovirt-engine" },
    { "http://localhost:9000", "http://localhost:9000/ovirt-engine" },
    { "http://[::1]:9000/ovirt-engine", "http://[::1]:9000/ovirt-engine" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(AeroEngine) engine = aero_engine_new (cases[i].address, &error);
      g_autofree char *api = NULL;

      g_test_message ("address %s", cases[i].address);
      g_assert_no_error (error);
      g_assert_nonnull (engine);
      g_assert_cmpstr (aero_engine_get_base_url (engine), ==, cases[i].base_url);
      api = g_strconcat (cases[i].base_url, "/api", NULL);
      g_assert_cmpstr (aero_engine_get_api_url (engine), ==, api);
      g_assert_false (aero_engine_get_logged_in (engine));
    }
}

static void
test_refused (void)
{
  static const char *const refused[] = {
    "http://engine.example.com/ovirt-engine",
    "http://10.0.0.1/ovirt-engine/api",
    "http://192.168.1.1:80",
    "http://[2001:db8::1]/ovirt-engine",
    "ftp://engine.example.com/",
    "https://admin:secret@engine.example.com/ovirt-engine",
    "",
    "   ",
    "https:///ovirt-engine",
  };

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(AeroEngine) engine = aero_engine_new (refused[i], &error);

      g_test_message ("address %s", refused[i]);
      g_assert_null (engine);
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
      g_assert_nonnull (error->message);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/engine/url/normalise", test_normalise);
  g_test_add_func ("/engine/url/refused", test_refused);

  return g_test_run ();
}
