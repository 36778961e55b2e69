/* aero-engine-auth.c - SSO login (Basic as fallback), the API root probe,
 * logout and the download of the engine's CA certificate
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "aero-engine-private.h"

#define SSO_SCOPE "ovirt-app-api"

/* A message to the SSO or services part of the engine (outside /api):
 * form body, and an Accept header of exactly "application/json", or the
 * engine's SSO refuses the request. */
static SoupMessage *
new_form_message (AeroEngine *self,
                  const char *path,
                  char       *encoded_form)
{
  g_autofree char *uri = aero_engine_dup_base_uri (self, path);
  SoupMessage *msg;

  msg = soup_message_new_from_encoded_form (SOUP_METHOD_POST, uri, encoded_form);
  g_return_val_if_fail (msg != NULL, NULL);

  /* The password must not follow a redirect (a 307 re-posts the form). */
  soup_message_add_flags (msg, SOUP_MESSAGE_NO_REDIRECT);
  soup_message_headers_replace (soup_message_get_request_headers (msg),
                                "Accept", "application/json");
  aero_engine_watch_certificate (msg, FALSE);

  return msg;
}

/* Sends @msg (taken: it becomes the task data of @task, taken too) and
 * reads the whole answer, bounded in size and time like every other;
 * @callback gets it with finish_read(). */
static void
send_read (AeroEngine          *self,
           GTask               *task,
           SoupMessage         *msg,
           GAsyncReadyCallback  callback)
{
  g_task_set_task_data (task, msg, g_object_unref);
  aero_engine_read_message_async (self, NULL, msg, g_task_get_cancellable (task),
                                  callback, task);
}

/* The body of a request sent with send_read() for @task; NULL once the
 * error is returned on @task. */
static GBytes *
finish_read (GObject      *engine,
             GAsyncResult *result,
             GTask        *task)
{
  GError *error = NULL;
  GBytes *body;

  body = aero_engine_read_message_finish (AERO_ENGINE (engine), result, &error);
  if (body == NULL)
    g_task_return_error (task, error);

  return body;
}

/* Failure bodies of the SSO come in two shapes:
 * {"error_code": "access_denied", "error": "Cannot authenticate ..."} and
 * {"error": "invalid_grant", "error_description": "..."}. */
static GError *
sso_error (guint   status,
           GBytes *body)
{
  g_autoptr(JsonObject) root = NULL;
  const char *message = NULL;
  gsize size = 0;
  const char *data = body != NULL ? g_bytes_get_data (body, &size) : NULL;

  if (data != NULL && size > 0)
    root = aero_json_parse_object (data, size, NULL);

  if (root == NULL)
    {
      if (status == SOUP_STATUS_UNAUTHORIZED)
        return aero_engine_error_from_status (status, NULL);
      return aero_engine_error_new_own (AERO_ENGINE_ERROR_PARSE, status,
                                        _("The engine’s login service sent a reply that could not be read"),
                                        NULL);
    }

  if (aero_json_get_string (root, "error_code") != NULL)
    message = aero_json_get_string (root, "error");
  if (message == NULL)
    message = aero_json_get_string (root, "error_description");
  if (message == NULL)
    message = aero_json_get_string (root, "error");
  if (message == NULL)
    return aero_engine_error_new_own (AERO_ENGINE_ERROR_UNAUTHORIZED, status, NULL, NULL);

  return aero_engine_error_new_fault (AERO_ENGINE_ERROR_UNAUTHORIZED, status, message, NULL);
}

static void
on_token_received (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(JsonObject) root = NULL;
  AeroEngine *self = g_task_get_source_object (task);
  SoupMessage *msg = g_task_get_task_data (task);
  const char *token;
  guint status;
  gsize size;
  const char *data;

  body = finish_read (object, result, task);
  if (body == NULL)
    return;

  status = soup_message_get_status (msg);

  /* Engines without SSO (before 4.0) only know Basic authentication; the
   * API root probe or the call itself then checks the credentials. */
  if (status == SOUP_STATUS_NOT_FOUND)
    {
      g_debug ("No SSO endpoint on %s, using Basic authentication", self->base_url);
      aero_engine_set_token (self, NULL, TRUE);
      g_task_return_boolean (task, TRUE);
      return;
    }

  if (!SOUP_STATUS_IS_SUCCESSFUL (status))
    {
      g_task_return_error (task, sso_error (status, body));
      return;
    }

  data = g_bytes_get_data (body, &size);
  root = aero_json_parse_object (data, size, NULL);
  token = root != NULL ? aero_json_get_string (root, "access_token") : NULL;
  if (token == NULL || *token == '\0')
    {
      g_task_return_error (task, sso_error (status, body));
      return;
    }

  /* The token goes back in every Authorization header: a CR or LF would
   * split the header (libsoup stops at it with a critical), any other
   * control character is no bearer token either (RFC 6750 b64token). */
  for (const char *c = token; *c != '\0'; c++)
    if ((guchar) *c < 0x20 || (guchar) *c == 0x7f)
      {
        g_task_return_error (task,
                             aero_engine_error_new_own (AERO_ENGINE_ERROR_PARSE, status,
                                                        _("The engine's login answer holds an access token with control characters"),
                                                        NULL));
        return;
      }

  aero_engine_set_token (self, token, FALSE);
  g_task_return_boolean (task, TRUE);
}

void
aero_engine_authenticate_async (AeroEngine          *self,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  SoupMessage *msg;
  char *form;

  task = aero_engine_new_task (self, cancellable, callback, user_data,
                               aero_engine_authenticate_async);

  if (self->auth_user == NULL || self->password == NULL)
    {
      g_task_return_error (task,
                           aero_engine_error_new_own (AERO_ENGINE_ERROR_UNAUTHORIZED, 0,
                                                      _("Not logged in"), NULL));
      return;
    }

  /* soup_form_encode() escapes "@" in user names and anything in the
   * password; the form body, not the URL, carries the password. */
  form = soup_form_encode ("grant_type", "password",
                           "scope", SSO_SCOPE,
                           "username", self->auth_user,
                           "password", self->password,
                           NULL);
  msg = new_form_message (self, "/sso/oauth/token", form);
  send_read (self, g_steal_pointer (&task), msg, on_token_received);
}

gboolean
aero_engine_authenticate_finish (AeroEngine    *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  return aero_engine_propagate_boolean (self, result, aero_engine_authenticate_async, error);
}

/* --- login ------------------------------------------------------------ */

static char *
dup_product_version (JsonObject *version)
{
  const char *full;
  gint64 major, minor, build;

  if (version == NULL)
    return NULL;

  full = aero_json_get_string (version, "full_version");
  if (full != NULL && *full != '\0')
    return g_strdup (full);

  if (!aero_json_get_int64 (version, "major", &major) ||
      !aero_json_get_int64 (version, "minor", &minor))
    return NULL;

  if (aero_json_get_int64 (version, "build", &build))
    return g_strdup_printf ("%" G_GINT64_FORMAT ".%" G_GINT64_FORMAT ".%" G_GINT64_FORMAT,
                            major, minor, build);

  return g_strdup_printf ("%" G_GINT64_FORMAT ".%" G_GINT64_FORMAT, major, minor);
}

static GError *
not_an_engine_error (guint status)
{
  g_autofree char *message = NULL;

  /* TRANSLATORS: %u is an HTTP status code such as 200 */
  message = g_strdup_printf (_("This address does not answer as an oVirt engine (HTTP %u)"), status);
  return aero_engine_error_new_own (AERO_ENGINE_ERROR_PARSE, status, message, NULL);
}

static void
login_failed (GTask  *task,
              GError *error)
{
  AeroEngine *self = g_task_get_source_object (task);

  aero_engine_forget_credentials (self);
  aero_engine_set_logged_in (self, FALSE);
  g_task_return_error (task, error);
}

static void
on_api_root (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(AeroResponse) response = NULL;
  g_autoptr(JsonObject) root = NULL;
  g_autofree char *version = NULL;
  AeroEngine *self = AERO_ENGINE (object);
  const char *user = g_task_get_task_data (task);
  JsonObject *product;
  JsonObject *special;
  guint status;

  response = aero_engine_send_finish (self, result, &error);
  if (response == NULL)
    {
      login_failed (task, g_steal_pointer (&error));
      return;
    }

  status = soup_message_get_status (response->msg);
  root = aero_engine_parse_response (status, response->body, &error);
  if (root == NULL)
    {
      /* A web server that is not an engine: a 404 page or some HTML. */
      if (g_error_matches (error, AERO_ENGINE_ERROR, AERO_ENGINE_ERROR_PARSE) ||
          g_error_matches (error, AERO_ENGINE_ERROR, AERO_ENGINE_ERROR_NOT_FOUND))
        {
          g_clear_error (&error);
          error = not_an_engine_error (status);
        }
      login_failed (task, g_steal_pointer (&error));
      return;
    }

  product = aero_json_get_object (root, "product_info");
  if (product == NULL)
    {
      login_failed (task, not_an_engine_error (status));
      return;
    }

  version = dup_product_version (aero_json_get_object (product, "version"));
  special = aero_json_get_object (root, "special_objects");

  aero_engine_set_user (self, user);
  aero_engine_set_product (self,
                           aero_json_get_string (product, "name"),
                           version,
                           special != NULL ? aero_json_get_ref_id (special, "blank_template") : NULL);
  aero_engine_set_logged_in (self, TRUE);

  g_task_return_boolean (task, TRUE);
}

static void
on_login_authenticated (GObject      *object,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  AeroEngine *self = AERO_ENGINE (object);
  GCancellable *cancellable;

  if (!aero_engine_authenticate_finish (self, result, &error))
    {
      login_failed (task, g_steal_pointer (&error));
      return;
    }

  /* The probe checks the address really is an engine, and with Basic it
   * is what checks the credentials: no second login on its 401. */
  cancellable = g_task_get_cancellable (task);
  aero_engine_send_async (self, SOUP_METHOD_GET, "", NULL, AERO_REQUEST_NO_RETRY,
                          cancellable, on_api_root, g_steal_pointer (&task));
}

/**
 * aero_engine_login_async:
 *
 * Logs in with SSO (Basic when the engine has none), then reads the API
 * root: product name and version, blank template id. Errors:
 * UNAUTHORIZED with the engine's message for wrong credentials, PARSE
 * when the address is not an oVirt engine, NETWORK, TLS, CANCELLED.
 */
void
aero_engine_login_async (AeroEngine          *self,
                         const char          *user,
                         const char          *password,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (AERO_IS_ENGINE (self));
  g_return_if_fail (user != NULL);
  g_return_if_fail (password != NULL);

  task = aero_engine_new_task (self, cancellable, callback, user_data,
                               aero_engine_login_async);
  g_task_set_task_data (task, g_strdup (user), g_free);

  aero_engine_forget_credentials (self);
  self->auth_user = g_strdup (user);
  self->password = g_strdup (password);

  aero_engine_authenticate_async (self, cancellable, on_login_authenticated,
                                  g_steal_pointer (&task));
}

gboolean
aero_engine_login_finish (AeroEngine    *self,
                          GAsyncResult  *result,
                          GError       **error)
{
  return aero_engine_propagate_boolean (self, result, aero_engine_login_async, error);
}

/* --- logout ----------------------------------------------------------- */

static void
on_logout (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GBytes) body = NULL;

  /* The token is forgotten either way: whatever the engine answered, the
   * request is done. Only a transport failure is worth reporting. */
  body = finish_read (object, result, task);
  if (body != NULL)
    g_task_return_boolean (task, TRUE);
}

void
aero_engine_logout_async (AeroEngine          *self,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  SoupMessage *msg = NULL;

  g_return_if_fail (AERO_IS_ENGINE (self));

  task = aero_engine_new_task (self, cancellable, callback, user_data,
                               aero_engine_logout_async);

  if (self->token != NULL)
    msg = new_form_message (self, "/services/sso-logout",
                            soup_form_encode ("scope", SSO_SCOPE,
                                              "token", self->token,
                                              NULL));

  /* Forgotten before the answer, so that nothing sent meanwhile uses a
   * token that is being revoked. */
  aero_engine_forget_credentials (self);
  aero_engine_set_logged_in (self, FALSE);

  /* Without a token there is nothing to revoke. */
  if (msg == NULL)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  send_read (self, g_steal_pointer (&task), msg, on_logout);
}

gboolean
aero_engine_logout_finish (AeroEngine    *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  return aero_engine_propagate_boolean (self, result, aero_engine_logout_async, error);
}

/* --- CA certificate --------------------------------------------------- */

typedef struct
{
  char *pem;
  char *fingerprint;
} FetchedCa;

static void
fetched_ca_free (FetchedCa *ca)
{
  g_free (ca->pem);
  g_free (ca->fingerprint);
  g_free (ca);
}

static void
on_ca_fetched (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GTlsCertificate) certificate = NULL;
  g_autofree char *pem = NULL;
  SoupMessage *msg = g_task_get_task_data (task);
  FetchedCa *ca;
  guint status;
  gsize size;
  const char *data;

  body = finish_read (object, result, task);
  if (body == NULL)
    return;

  status = soup_message_get_status (msg);
  if (!SOUP_STATUS_IS_SUCCESSFUL (status))
    {
      g_task_return_error (task, aero_engine_error_from_status (status, body));
      return;
    }

  data = g_bytes_get_data (body, &size);
  pem = g_strndup (data, size);
  certificate = g_tls_certificate_new_from_pem (pem, -1, NULL);
  if (certificate == NULL)
    {
      g_task_return_error (task,
                           aero_engine_error_new_own (AERO_ENGINE_ERROR_PARSE, status,
                                                      _("The engine sent no valid CA certificate"),
                                                      NULL));
      return;
    }

  ca = g_new0 (FetchedCa, 1);
  ca->fingerprint = aero_engine_dup_certificate_fingerprint (certificate);
  ca->pem = g_steal_pointer (&pem);
  g_task_return_pointer (task, ca, (GDestroyNotify) fetched_ca_free);
}

/**
 * aero_engine_fetch_ca_async:
 *
 * Downloads the engine's CA certificate from its pki-resource URL. The
 * server certificate is accepted for this single request (it cannot be
 * verified before the CA is known); the connection is not reused. The
 * certificate returned must be confirmed by the admin by fingerprint
 * before it is passed to aero_engine_set_ca_file().
 */
void
aero_engine_fetch_ca_async (AeroEngine          *self,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(SoupSession) session = NULL;
  g_autofree char *uri = NULL;
  SoupMessage *msg;

  g_return_if_fail (AERO_IS_ENGINE (self));

  task = aero_engine_new_task (self, cancellable, callback, user_data,
                               aero_engine_fetch_ca_async);

  uri = aero_engine_dup_base_uri (self,
                                  "/services/pki-resource?resource=ca-certificate&format=X509-PEM-CA");
  msg = soup_message_new (SOUP_METHOD_GET, uri);
  aero_engine_watch_certificate (msg, TRUE);
  /* A connection whose certificate was accepted unverified must serve this
   * request only, never a later API call: it goes over a session of its
   * own, dropped with it, and nothing else is ever sent over that. */
  soup_message_add_flags (msg, SOUP_MESSAGE_NEW_CONNECTION | SOUP_MESSAGE_NO_REDIRECT);
  soup_message_headers_replace (soup_message_get_request_headers (msg), "Connection", "close");
  session = aero_engine_new_session ();
  g_task_set_task_data (task, msg, g_object_unref);
  aero_engine_read_message_async (self, session, msg, cancellable, on_ca_fetched,
                                  g_steal_pointer (&task));
}

char *
aero_engine_fetch_ca_finish (AeroEngine    *self,
                             GAsyncResult  *result,
                             char         **out_fingerprint,
                             GError       **error)
{
  FetchedCa *ca;
  char *pem;

  ca = aero_engine_propagate_pointer (self, result, aero_engine_fetch_ca_async, error);
  if (ca == NULL)
    return NULL;

  if (out_fingerprint != NULL)
    *out_fingerprint = g_steal_pointer (&ca->fingerprint);
  pem = g_steal_pointer (&ca->pem);
  fetched_ca_free (ca);

  return pem;
}
