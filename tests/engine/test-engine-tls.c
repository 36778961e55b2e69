/* test-engine-tls.c - HTTPS with a CA generated for the test: untrusted
 * certificate with its fingerprint, CA download, per-engine CA file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "aero-engine.h"
#include "fake-engine.h"

typedef struct
{
  char *dir;
  char *ca_pem_path;
  char *server_pem_path;
  char *server_key_path;
  char *ca_pem;
  char *ca_fingerprint;      /* as openssl computes it */
  char *server_fingerprint;
} Pki;

static Pki pki;

typedef FakeFixture Fixture;

static void
run_openssl (const char *const *args)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  int status = 0;

  if (!g_spawn_sync (pki.dir, (char **) args, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL,
                     NULL, NULL, NULL, &err, &status, &error))
    g_error ("cannot run openssl: %s", error->message);
  if (!g_spawn_check_wait_status (status, &error))
    g_error ("openssl %s failed: %s\n%s", args[1], error->message, err);
}

/* "sha256 Fingerprint=AB:CD:..." (or "SHA256 Fingerprint=") -> "AB:CD:..." */
static char *
openssl_fingerprint (const char *pem_path)
{
  const char *args[] = { "openssl", "x509", "-in", pem_path, "-noout", "-fingerprint", "-sha256", NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  const char *equals;
  int status = 0;

  if (!g_spawn_sync (pki.dir, (char **) args, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, &out, NULL, &status, &error))
    g_error ("cannot run openssl: %s", error->message);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  equals = strchr (out, '=');
  g_assert_nonnull (equals);
  return g_strstrip (g_strdup (equals + 1));
}

/* A CA, and a server certificate for 127.0.0.1 signed by it. */
static gboolean
pki_generate (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *ext_path = NULL;
  g_autofree char *openssl = g_find_program_in_path ("openssl");

  if (openssl == NULL)
    return FALSE;

  pki.dir = g_dir_make_tmp ("aero-tls-XXXXXX", &error);
  g_assert_no_error (error);
  pki.ca_pem_path = g_build_filename (pki.dir, "ca.pem", NULL);
  pki.server_pem_path = g_build_filename (pki.dir, "server.pem", NULL);
  pki.server_key_path = g_build_filename (pki.dir, "server.key", NULL);
  ext_path = g_build_filename (pki.dir, "server.ext", NULL);

  g_file_set_contents (ext_path,
                       "subjectAltName=IP:127.0.0.1\n"
                       "basicConstraints=CA:FALSE\n"
                       "keyUsage=critical,digitalSignature,keyEncipherment\n"
                       "extendedKeyUsage=serverAuth\n", -1, &error);
  g_assert_no_error (error);

  {
    const char *ca[] = { "openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt",
                         "ec_paramgen_curve:prime256v1", "-nodes", "-keyout", "ca.key",
                         "-out", "ca.pem", "-days", "2", "-subj", "/CN=Aerostat Test Engine CA",
                         "-addext", "basicConstraints=critical,CA:TRUE",
                         "-addext", "keyUsage=critical,keyCertSign,cRLSign", NULL };
    const char *csr[] = { "openssl", "req", "-new", "-newkey", "ec", "-pkeyopt",
                          "ec_paramgen_curve:prime256v1", "-nodes", "-keyout", "server.key",
                          "-out", "server.csr", "-subj", "/CN=127.0.0.1", NULL };
    const char *sign[] = { "openssl", "x509", "-req", "-in", "server.csr", "-CA", "ca.pem",
                           "-CAkey", "ca.key", "-CAcreateserial", "-out", "server.pem",
                           "-days", "2", "-extfile", "server.ext", NULL };

    run_openssl (ca);
    run_openssl (csr);
    run_openssl (sign);
  }

  g_file_get_contents (pki.ca_pem_path, &pki.ca_pem, NULL, &error);
  g_assert_no_error (error);
  pki.ca_fingerprint = openssl_fingerprint (pki.ca_pem_path);
  pki.server_fingerprint = openssl_fingerprint (pki.server_pem_path);
  return TRUE;
}

static void
pki_remove (void)
{
  const char *files[] = { "ca.pem", "ca.key", "ca.srl", "server.pem", "server.key",
                          "server.csr", "server.ext", "garbage.pem" };

  if (pki.dir == NULL)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = g_build_filename (pki.dir, files[i], NULL);

      g_unlink (path);
    }
  g_rmdir (pki.dir);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GTlsCertificate) certificate = NULL;

  certificate = g_tls_certificate_new_from_files (pki.server_pem_path, pki.server_key_path, &error);
  g_assert_no_error (error);

  fake_fixture_open (fixture, certificate);
  fake_engine_set_ca_pem (fixture->fake, pki.ca_pem);
  g_assert_true (g_str_has_prefix (aero_engine_get_base_url (fixture->engine), "https://127.0.0.1:"));
}

static void
test_untrusted (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GTlsCertificate) reported = NULL;
  g_autoptr(GTlsCertificate) served = NULL;

  g_assert_false (fake_fixture_login (fixture, FAKE_PASSWORD, &error));
  g_assert_error (error, AERO_ENGINE_ERROR, AERO_ENGINE_ERROR_TLS);
  g_assert_cmpstr (aero_engine_error_get_certificate_fingerprint (error), ==, pki.server_fingerprint);

  /* The PEM is the certificate the server presented. */
  g_assert_nonnull (aero_engine_error_get_certificate_pem (error));
  reported = g_tls_certificate_new_from_pem (aero_engine_error_get_certificate_pem (error), -1, NULL);
  served = g_tls_certificate_new_from_file (pki.server_pem_path, NULL);
  g_assert_nonnull (reported);
  g_assert_nonnull (served);
  g_assert_true (g_tls_certificate_is_same (reported, served));

  g_assert_false (aero_engine_get_logged_in (fixture->engine));
  /* Nothing, least of all the password, reached the server. */
  g_assert_cmpuint (fake_engine_get_requests (fixture->fake)->len, ==, 0);
}

static void
test_fetch_ca (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GTlsCertificate) fetched = NULL;
  g_autoptr(GTlsCertificate) expected = NULL;
  g_autofree char *fingerprint = NULL;
  g_autofree char *pem = NULL;
  FakeRequest *request;

  aero_engine_fetch_ca_async (fixture->engine, NULL, fake_async_result_cb, &result);
  pem = aero_engine_fetch_ca_finish (fixture->engine, fake_wait_for_result (&result), &fingerprint, &error);
  g_assert_no_error (error);
  g_assert_nonnull (pem);
  g_assert_cmpstr (fingerprint, ==, pki.ca_fingerprint);

  fetched = g_tls_certificate_new_from_pem (pem, -1, NULL);
  expected = g_tls_certificate_new_from_file (pki.ca_pem_path, NULL);
  g_assert_true (g_tls_certificate_is_same (fetched, expected));

  request = fake_engine_find_request (fixture->fake, "GET", "/ovirt-engine/services/pki-resource");
  g_assert_nonnull (request);
  g_assert_cmpstr (request->query, ==, "resource=ca-certificate&format=X509-PEM-CA");

  /* The certificate was accepted for that download only: the next
   * request is verified again and refused. */
  g_assert_false (fake_fixture_login (fixture, FAKE_PASSWORD, &error));
  g_assert_error (error, AERO_ENGINE_ERROR, AERO_ENGINE_ERROR_TLS);
}

static void
test_ca_file (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (aero_engine_set_ca_file (fixture->engine, pki.ca_pem_path, &error));
  g_assert_no_error (error);

  g_assert_true (fake_fixture_login (fixture, FAKE_PASSWORD, &error));
  g_assert_no_error (error);
  g_assert_true (aero_engine_get_logged_in (fixture->engine));
  g_assert_cmpstr (aero_engine_get_product_name (fixture->engine), ==, "oVirt Engine");
}

/* The flow of the login page: refused, CA fetched and confirmed by its
 * fingerprint, stored, trusted, and the same engine object logs in. */
static void
test_trust_flow (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autofree char *fingerprint = NULL;
  g_autofree char *pem = NULL;
  g_autofree char *stored = g_build_filename (pki.dir, "stored.pem", NULL);

  g_assert_false (fake_fixture_login (fixture, FAKE_PASSWORD, &error));
  g_assert_error (error, AERO_ENGINE_ERROR, AERO_ENGINE_ERROR_TLS);
  g_clear_error (&error);

  aero_engine_fetch_ca_async (fixture->engine, NULL, fake_async_result_cb, &result);
  pem = aero_engine_fetch_ca_finish (fixture->engine, fake_wait_for_result (&result), &fingerprint, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (fingerprint, ==, pki.ca_fingerprint);

  g_file_set_contents (stored, pem, -1, &error);
  g_assert_no_error (error);
  g_assert_true (aero_engine_set_ca_file (fixture->engine, stored, &error));
  g_assert_no_error (error);

  g_assert_true (fake_fixture_login (fixture, FAKE_PASSWORD, &error));
  g_assert_no_error (error);
  g_assert_true (aero_engine_get_logged_in (fixture->engine));
  g_unlink (stored);
}

static void
test_ca_file_is_per_engine (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AeroEngine) other = NULL;
  g_autoptr(GAsyncResult) result = NULL;

  g_assert_true (aero_engine_set_ca_file (fixture->engine, pki.ca_pem_path, &error));
  g_assert_no_error (error);

  other = aero_engine_new (fake_engine_get_base_url (fixture->fake), &error);
  g_assert_no_error (error);
  aero_engine_login_async (other, FAKE_USER, FAKE_PASSWORD, NULL, fake_async_result_cb, &result);
  g_assert_false (aero_engine_login_finish (other, fake_wait_for_result (&result), &error));
  g_assert_error (error, AERO_ENGINE_ERROR, AERO_ENGINE_ERROR_TLS);
}

static void
test_ca_file_invalid (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *garbage = g_build_filename (pki.dir, "garbage.pem", NULL);
  g_autofree char *missing = g_build_filename (pki.dir, "missing.pem", NULL);

  g_file_set_contents (garbage, "not a certificate\n", -1, &error);
  g_assert_no_error (error);

  g_assert_false (aero_engine_set_ca_file (fixture->engine, garbage, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  g_assert_false (aero_engine_set_ca_file (fixture->engine, missing, &error));
  g_assert_nonnull (error);
}

/* A certificate issued for another name (here 127.0.0.1, reached as
 * localhost): the error says so, and offers no certificate to trust,
 * since trusting its CA would not help. */
static void
test_name_mismatch (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GUri) uri = g_uri_parse (fake_engine_get_base_url (fixture->fake), G_URI_FLAGS_NONE, NULL);
  g_autofree char *address = g_strdup_printf ("https://localhost:%d/ovirt-engine", g_uri_get_port (uri));

  for (guint trusted = 0; trusted < 2; trusted++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(AeroEngine) other = NULL;
      g_autoptr(GAsyncResult) result = NULL;

      other = aero_engine_new (address, &error);
      g_assert_no_error (error);
      if (trusted)
        {
          g_assert_true (aero_engine_set_ca_file (other, pki.ca_pem_path, &error));
          g_assert_no_error (error);
        }
      aero_engine_login_async (other, FAKE_USER, FAKE_PASSWORD, NULL, fake_async_result_cb, &result);
      g_assert_false (aero_engine_login_finish (other, fake_wait_for_result (&result), &error));
      g_test_message ("%s", error->message);
      g_assert_error (error, AERO_ENGINE_ERROR, AERO_ENGINE_ERROR_TLS);
      g_assert_nonnull (strstr (error->message, "does not match its name “localhost”"));
      g_assert_null (strstr (error->message, "not trusted"));
      g_assert_null (aero_engine_error_get_certificate_fingerprint (error));
    }

  g_assert_cmpuint (fake_engine_get_requests (fixture->fake)->len, ==, 0);
}

static void
test_skipped (void)
{
  g_test_skip ("openssl is needed to generate the test certificates");
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  g_test_init (&argc, &argv, NULL);

  if (!pki_generate ())
    {
      g_test_add_func ("/engine/tls/skipped", test_skipped);
      return g_test_run ();
    }

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fake_fixture_tear_down)

  ADD ("/engine/tls/untrusted", test_untrusted);
  ADD ("/engine/tls/fetch-ca", test_fetch_ca);
  ADD ("/engine/tls/ca-file", test_ca_file);
  ADD ("/engine/tls/trust-flow", test_trust_flow);
  ADD ("/engine/tls/ca-file-is-per-engine", test_ca_file_is_per_engine);
  ADD ("/engine/tls/ca-file-invalid", test_ca_file_invalid);
  ADD ("/engine/tls/name-mismatch", test_name_mismatch);

#undef ADD

  ret = g_test_run ();
  pki_remove ();

  return ret;
}
