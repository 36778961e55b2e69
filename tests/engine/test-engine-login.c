/* test-engine-login.c - SSO login, Basic fallback, API root probe, logout
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "aero-engine.h"
#include "fake-engine.h"

#define TOKEN_PATH  "/ovirt-engine/sso/oauth/token"
#define LOGOUT_PATH "/ovirt-engine/services/sso-logout"
#define API_PATH    "/ovirt-engine/api"

typedef FakeFixture Fixture;

static void
assert_password_nowhere_in_urls (FakeEngine *fake)
{
  GPtrArray *requests = fake_engine_get_requests (fake);

  for (guint i = 0; i < requests->len; i++)
    {
      FakeRequest *request = g_ptr_array_index (requests, i);

      g_assert_null (strstr (request->path, "ss w"));
      if (request->query != NULL)
        {
          g_assert_null (strstr (request->query, "password"));
          g_assert_null (strstr (request->query, "p%26ss"));
        }
    }
}

static void
test_login_success (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) form = NULL;
  g_autofree char *body = NULL;
  FakeRequest *token;
  FakeRequest *root;
  const char *content_type;

  g_assert_true (fake_fixture_login (fixture, FAKE_PASSWORD, &error));
  g_assert_no_error (error);

  g_assert_true (aero_engine_get_logged_in (fixture->engine));
  g_assert_cmpstr (aero_engine_get_user (fixture->engine), ==, FAKE_USER);
  g_assert_cmpstr (aero_engine_get_product_name (fixture->engine), ==, "oVirt Engine");
  g_assert_cmpstr (aero_engine_get_product_version (fixture->engine), ==, "4.5.4-1.el8");
  g_assert_cmpstr (aero_engine_get_blank_template_id (fixture->engine), ==,
                   "00000000-0000-0000-0000-000000000000");

  /* The SSO request: exactly this Accept, a properly encoded form. */
  token = fake_engine_find_request (fixture->fake, "POST", TOKEN_PATH);
  g_assert_nonnull (token);
  g_assert_cmpstr (soup_message_headers_get_list (token->headers, "Accept"), ==, "application/json");
  content_type = soup_message_headers_get_content_type (token->headers, NULL);
  g_assert_cmpstr (content_type, ==, "application/x-www-form-urlencoded");
  g_assert_null (token->query);

  body = fake_request_body_text (token);
  g_assert_nonnull (strstr (body, "username=admin%40internal"));
  /* "&", "=", "%", "+" and the space must not break the form apart. */
  g_assert_null (strstr (body, FAKE_PASSWORD));
  form = soup_form_decode (body);
  g_assert_cmpuint (g_hash_table_size (form), ==, 4);
  g_assert_cmpstr (g_hash_table_lookup (form, "grant_type"), ==, "password");
  g_assert_cmpstr (g_hash_table_lookup (form, "scope"), ==, "ovirt-app-api");
  g_assert_cmpstr (g_hash_table_lookup (form, "username"), ==, FAKE_USER);
  g_assert_cmpstr (g_hash_table_lookup (form, "password"), ==, FAKE_PASSWORD);

  /* The probe of the API root, with the headers of every API call. */
  root = fake_engine_find_request (fixture->fake, "GET", API_PATH);
  g_assert_nonnull (root);
  g_assert_cmpstr (soup_message_headers_get_one (root->headers, "Accept"), ==, "application/json");
  g_assert_cmpstr (soup_message_headers_get_one (root->headers, "Version"), ==, "4");
  g_assert_cmpstr (soup_message_headers_get_one (root->headers, "Authorization"), ==,
                   "Bearer fake-token-1");
  g_assert_cmpstr (soup_message_headers_get_one (root->headers, "User-Agent"), ==,
                   "Aerostat/" PACKAGE_VERSION);

  assert_password_nowhere_in_urls (fixture->fake);
}

static void
test_login_wrong_password (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (fake_fixture_login (fixture, "wrong", &error));
  g_assert_error (error, AERO_ENGINE_ERROR, AERO_ENGINE_ERROR_UNAUTHORIZED);
  /* The engine's own words reach the user. */
  g_assert_nonnull (strstr (error->message, "Cannot authenticate user 'admin@internal'"));
  g_assert_nonnull (strstr (aero_engine_error_get_reason (error),
                            "The username or password is incorrect"));
  g_assert_cmpuint (aero_engine_error_get_http_status (error), ==, 400);

  g_assert_false (aero_engine_get_logged_in (fixture->engine));
  g_assert_null (aero_engine_get_user (fixture->engine));
  g_assert_cmpuint (fake_engine_count_requests (fixture->fake, "GET", API_PATH), ==, 0);
}

/* The engine's SSO refuses any Accept other than exactly
 * "application/json"; so does the fake engine, which proves that the
 * successful login above sent exactly that. */
static void
test_login_accept_is_checked (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(SoupMessage) msg = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = g_strconcat (fake_engine_get_base_url (fixture->fake), "/sso/oauth/token", NULL);
  g_autofree char *text = NULL;

  msg = soup_message_new_from_encoded_form ("POST", uri,
                                            soup_form_encode ("grant_type", "password",
                                                              "scope", "ovirt-app-api",
                                                              "username", FAKE_USER,
                                                              "password", FAKE_PASSWORD,
                                                              NULL));
  soup_message_headers_replace (soup_message_get_request_headers (msg),
                                "Accept", "application/json, */*");
  /* Async: the fake engine serves from this thread's main context. */
  soup_session_send_and_read_async (session, msg, G_PRIORITY_DEFAULT, NULL,
                                    fake_async_result_cb, &result);
  body = soup_session_send_and_read_finish (session, fake_wait_for_result (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (soup_message_get_status (msg), ==, 400);
  text = g_strndup (g_bytes_get_data (body, NULL), g_bytes_get_size (body));
  g_assert_nonnull (strstr (text, "invalid_request"));

  /* And when the engine answers that way, its description is shown. */
  fake_engine_set_login_refused (fixture->fake, TRUE);
  g_assert_false (fake_fixture_login (fixture, FAKE_PASSWORD, &error));
  g_assert_error (error, AERO_ENGINE_ERROR, AERO_ENGINE_ERROR_UNAUTHORIZED);
  g_assert_cmpstr (error->message, ==, "The request is not valid for this endpoint.");
}

static void
test_login_basic_fallback (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *encoded = NULL;
  FakeRequest *root;

  fake_engine_set_sso (fixture->fake, FALSE);

  g_assert_true (fake_fixture_login (fixture, FAKE_PASSWORD, &error));
  g_assert_no_error (error);
  g_assert_true (aero_engine_get_logged_in (fixture->engine));

  encoded = g_base64_encode ((const guchar *) FAKE_USER ":" FAKE_PASSWORD,
                             strlen (FAKE_USER ":" FAKE_PASSWORD));
  expected = g_strconcat ("Basic ", encoded, NULL);
  root = fake_engine_find_request (fixture->fake, "GET", API_PATH);
  g_assert_nonnull (root);
  g_assert_cmpstr (soup_message_headers_get_one (root->headers, "Authorization"), ==, expected);
  assert_password_nowhere_in_urls (fixture->fake);
}

static void
test_login_basic_wrong_password (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fake_engine_set_sso (fixture->fake, FALSE);

  g_assert_false (fake_fixture_login (fixture, "wrong", &error));
  g_assert_error (error, AERO_ENGINE_ERROR, AERO_ENGINE_ERROR_UNAUTHORIZED);
  g_assert_cmpuint (aero_engine_error_get_http_status (error), ==, 401);
  g_assert_false (aero_engine_get_logged_in (fixture->engine));
  /* The probe is what checks Basic credentials: no second attempt. */
  g_assert_cmpuint (fake_engine_count_requests (fixture->fake, "GET", API_PATH), ==, 1);
}

static void
test_login_not_an_engine (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fake_engine_push_response (fixture->fake, "GET", "", 200, "text/html",
                             "<!DOCTYPE html><html><body>Welcome to nginx!</body></html>");
  g_assert_false (fake_fixture_login (fixture, FAKE_PASSWORD, &error));
  g_assert_error (error, AERO_ENGINE_ERROR, AERO_ENGINE_ERROR_PARSE);
  g_assert_cmpuint (aero_engine_error_get_http_status (error), ==, 200);
  g_assert_nonnull (strstr (error->message, "oVirt engine"));
  g_assert_false (aero_engine_get_logged_in (fixture->engine));
  g_clear_error (&error);

  /* JSON, but no API root. */
  fake_engine_push_response (fixture->fake, "GET", "", 200, "application/json",
                             "{\"hello\": \"world\"}");
  g_assert_false (fake_fixture_login (fixture, FAKE_PASSWORD, &error));
  g_assert_error (error, AERO_ENGINE_ERROR, AERO_ENGINE_ERROR_PARSE);
  g_assert_cmpuint (aero_engine_error_get_http_status (error), ==, 200);
  g_clear_error (&error);

  /* A web server without the API at all. */
  fake_engine_push_response (fixture->fake, "GET", "", 404, "text/html",
                             "<html><body>Not Found</body></html>");
  g_assert_false (fake_fixture_login (fixture, FAKE_PASSWORD, &error));
  g_assert_error (error, AERO_ENGINE_ERROR, AERO_ENGINE_ERROR_PARSE);
  g_assert_cmpuint (aero_engine_error_get_http_status (error), ==, 404);
}

/* The form with the password is not re-posted to another place. */
static void
test_login_redirect_not_followed (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *elsewhere = g_strconcat (fake_engine_get_base_url (fixture->fake),
                                            "/elsewhere", NULL);

  fake_engine_set_response (fixture->fake, "POST", "/sso/oauth/token", 303, NULL, elsewhere);
  g_assert_false (fake_fixture_login (fixture, FAKE_PASSWORD, &error));
  g_assert_nonnull (error);
  g_assert_cmpuint (aero_engine_error_get_http_status (error), ==, 303);
  g_assert_cmpuint (fake_engine_get_requests (fixture->fake)->len, ==, 1);
  g_assert_false (aero_engine_get_logged_in (fixture->engine));
}

static void
test_login_version_without_full_version (Fixture       *fixture,
                                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fake_engine_push_response (fixture->fake, "GET", "", 200, "application/json",
                             "{\"product_info\": {\"name\": \"Red Hat Virtualization Manager\","
                             " \"version\": {\"major\": 4, \"minor\": \"3\", \"build\": \"11\"}}}");
  g_assert_true (fake_fixture_login (fixture, FAKE_PASSWORD, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (aero_engine_get_product_name (fixture->engine), ==,
                   "Red Hat Virtualization Manager");
  g_assert_cmpstr (aero_engine_get_product_version (fixture->engine), ==, "4.3.11");
  g_assert_null (aero_engine_get_blank_template_id (fixture->engine));
}

static void
on_notify (GObject    *object,
           GParamSpec *pspec,
           gpointer    user_data)
{
  guint *count = user_data;

  (*count)++;
}

static void
test_logout (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GAsyncResult) vm_result = NULL;
  g_autoptr(GHashTable) form = NULL;
  g_autoptr(AeroVm) vm = NULL;
  g_autofree char *body = NULL;
  FakeRequest *logout;
  FakeRequest *after;
  guint notified = 0;

  g_assert_true (fake_fixture_login (fixture, FAKE_PASSWORD, &error));
  g_assert_no_error (error);

  g_signal_connect (fixture->engine, "notify::logged-in", G_CALLBACK (on_notify), &notified);
  aero_engine_logout_async (fixture->engine, NULL, fake_async_result_cb, &result);
  g_assert_true (aero_engine_logout_finish (fixture->engine, fake_wait_for_result (&result), &error));
  g_assert_no_error (error);
  g_assert_false (aero_engine_get_logged_in (fixture->engine));
  g_assert_cmpuint (notified, ==, 1);

  logout = fake_engine_find_request (fixture->fake, "POST", LOGOUT_PATH);
  g_assert_nonnull (logout);
  body = fake_request_body_text (logout);
  form = soup_form_decode (body);
  g_assert_cmpstr (g_hash_table_lookup (form, "scope"), ==, "ovirt-app-api");
  g_assert_cmpstr (g_hash_table_lookup (form, "token"), ==, "fake-token-1");

  /* Token and password are gone: a call is refused, and no new login is
   * attempted with forgotten credentials. */
  fake_engine_clear_requests (fixture->fake);
  aero_engine_get_vm_async (fixture->engine, "vm-1", FALSE, NULL, fake_async_result_cb, &vm_result);
  vm = aero_engine_get_vm_finish (fixture->engine, fake_wait_for_result (&vm_result), &error);
  g_assert_null (vm);
  g_assert_error (error, AERO_ENGINE_ERROR, AERO_ENGINE_ERROR_UNAUTHORIZED);
  after = fake_engine_find_request (fixture->fake, "GET", API_PATH "/vms/vm-1");
  g_assert_nonnull (after);
  g_assert_null (soup_message_headers_get_one (after->headers, "Authorization"));
  g_assert_cmpuint (fake_engine_count_requests (fixture->fake, "POST", TOKEN_PATH), ==, 0);
}

static void
test_logout_unreachable (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;

  g_assert_true (fake_fixture_login (fixture, FAKE_PASSWORD, &error));
  g_assert_no_error (error);

  /* The engine is gone: the state is cleared all the same. */
  g_clear_pointer (&fixture->fake, fake_engine_free);
  aero_engine_logout_async (fixture->engine, NULL, fake_async_result_cb, &result);
  g_assert_false (aero_engine_logout_finish (fixture->engine, fake_wait_for_result (&result), &error));
  g_assert_error (error, AERO_ENGINE_ERROR, AERO_ENGINE_ERROR_NETWORK);
  g_assert_false (aero_engine_get_logged_in (fixture->engine));
}

/* Without a token there is nothing to revoke: nothing is sent. */
static void
test_logout_without_login (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;

  aero_engine_logout_async (fixture->engine, NULL, fake_async_result_cb, &result);
  g_assert_true (aero_engine_logout_finish (fixture->engine, fake_wait_for_result (&result), &error));
  g_assert_no_error (error);
  g_assert_false (aero_engine_get_logged_in (fixture->engine));
  g_assert_cmpuint (fake_engine_get_requests (fixture->fake)->len, ==, 0);

  /* A login after it works as the first one. */
  g_assert_true (fake_fixture_login (fixture, FAKE_PASSWORD, &error));
  g_assert_no_error (error);
  g_assert_true (aero_engine_get_logged_in (fixture->engine));
}

/* A token with CR or LF would split the Authorization header of every
 * later request (and libsoup refuses it with a critical): login fails
 * with a clear error and no request carries it. */
static void
test_login_token_control_characters (Fixture       *fixture,
                                     gconstpointer  data)
{
  static const char * const tokens[] = { "abc\\r\\nX-Injected: 1", "abc\\n", "a\\tb" };

  for (guint i = 0; i < G_N_ELEMENTS (tokens); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *body = g_strdup_printf ("{\"access_token\": \"%s\", \"scope\": \"ovirt-app-api\","
                                               " \"exp\": \"9999999999999\", \"token_type\": \"bearer\"}",
                                               tokens[i]);

      g_test_message ("%s", body);
      fake_engine_set_response (fixture->fake, "POST", "/sso/oauth/token", 200, "application/json", body);
      g_assert_false (fake_fixture_login (fixture, FAKE_PASSWORD, &error));
      g_assert_error (error, AERO_ENGINE_ERROR, AERO_ENGINE_ERROR_PARSE);
      g_assert_nonnull (strstr (error->message, "token"));
      g_assert_false (aero_engine_get_logged_in (fixture->engine));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fake_fixture_set_up, func, fake_fixture_tear_down)

  ADD ("/engine/login/success", test_login_success);
  ADD ("/engine/login/token-control-characters", test_login_token_control_characters);
  ADD ("/engine/login/wrong-password", test_login_wrong_password);
  ADD ("/engine/login/accept-is-checked", test_login_accept_is_checked);
  ADD ("/engine/login/basic-fallback", test_login_basic_fallback);
  ADD ("/engine/login/basic-wrong-password", test_login_basic_wrong_password);
  ADD ("/engine/login/not-an-engine", test_login_not_an_engine);
  ADD ("/engine/login/redirect-not-followed", test_login_redirect_not_followed);
  ADD ("/engine/login/version-parts", test_login_version_without_full_version);
  ADD ("/engine/logout/revokes", test_logout);
  ADD ("/engine/logout/unreachable", test_logout_unreachable);
  ADD ("/engine/logout/without-login", test_logout_without_login);

#undef ADD

  return g_test_run ();
}
