/* aero-engine-request.c - sending API requests: headers, the single
 * re-login after a 401, and turning responses into models or errors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "aero-engine-private.h"

#define PEER_CERTIFICATE_KEY "aero-peer-certificate"
#define PEER_ERRORS_KEY      "aero-peer-errors"

void
aero_response_free (AeroResponse *response)
{
  if (response == NULL)
    return;

  g_clear_object (&response->msg);
  g_clear_pointer (&response->body, g_bytes_unref);
  g_clear_object (&response->stream);
  g_free (response);
}

static gboolean
on_accept_certificate_record (SoupMessage          *msg,
                              GTlsCertificate      *certificate,
                              GTlsCertificateFlags  errors,
                              gpointer              user_data)
{
  /* Remembered so that the TLS error can carry the fingerprint the admin
   * has to compare, and say what is wrong; the certificate is still
   * refused. */
  g_object_set_data_full (G_OBJECT (msg), PEER_CERTIFICATE_KEY,
                          g_object_ref (certificate), g_object_unref);
  g_object_set_data (G_OBJECT (msg), PEER_ERRORS_KEY, GUINT_TO_POINTER (errors));
  return FALSE;
}

static gboolean
on_accept_certificate_accept (SoupMessage          *msg,
                              GTlsCertificate      *certificate,
                              GTlsCertificateFlags  errors,
                              gpointer              user_data)
{
  g_object_set_data_full (G_OBJECT (msg), PEER_CERTIFICATE_KEY,
                          g_object_ref (certificate), g_object_unref);
  return TRUE;
}

/* With @accept, an untrusted certificate is accepted for this one message
 * only (the CA download the admin confirms by fingerprint). */
void
aero_engine_watch_certificate (SoupMessage *msg,
                               gboolean     accept)
{
  g_signal_connect (msg, "accept-certificate",
                    accept ? G_CALLBACK (on_accept_certificate_accept)
                           : G_CALLBACK (on_accept_certificate_record),
                    NULL);
}

/* An error in our own words: reason and detail stay NULL, as they are the
 * engine's words only. @message replaces the default text of @code; the
 * @cause (GIO's or the parser's text) is appended. */
GError *
aero_engine_error_new_own (AeroEngineErrorCode  code,
                           guint                http_status,
                           const char          *message,
                           const char          *cause)
{
  GError *error = aero_engine_error_new_fault (code, http_status, NULL, NULL);
  g_autofree char *text = NULL;

  if (message != NULL)
    text = g_strdup (message);
  else
    text = g_strdup (error->message);

  if (cause != NULL && *cause != '\0')
    {
      char *with_cause = g_strdup_printf ("%s: %s", text, cause);

      g_free (text);
      text = with_cause;
    }

  g_free (error->message);
  error->message = g_steal_pointer (&text);
  return error;
}

GError *
aero_engine_error_from_transport (GError      *error,
                                  SoupMessage *msg)
{
  GError *result;

  g_return_val_if_fail (error != NULL, NULL);

  if (error->domain == AERO_ENGINE_ERROR)
    return g_error_copy (error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return aero_engine_error_new_own (AERO_ENGINE_ERROR_CANCELLED, 0, NULL, NULL);

  if (error->domain == G_TLS_ERROR)
    {
      GTlsCertificate *certificate = NULL;
      const char *message = NULL;
      GTlsCertificateFlags flags = 0;

      if (msg != NULL)
        flags = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (msg), PEER_ERRORS_KEY));

      /* A certificate for another name: trusting its CA would not help
       * (and would be wrong), so the error says what is wrong and
       * carries no certificate to trust. */
      if (g_error_matches (error, G_TLS_ERROR, G_TLS_ERROR_BAD_CERTIFICATE) &&
          (flags & G_TLS_CERTIFICATE_BAD_IDENTITY) != 0)
        {
          const char *host = g_uri_get_host (soup_message_get_uri (msg));
          g_autofree char *text =
            g_strdup_printf (_("The engine's certificate does not match its name “%s”: "
                               "it was issued for another server"), host != NULL ? host : "");

          return aero_engine_error_new_own (AERO_ENGINE_ERROR_TLS, 0, text, NULL);
        }

      if (!g_error_matches (error, G_TLS_ERROR, G_TLS_ERROR_BAD_CERTIFICATE))
        message = _("The secure connection to the engine failed");

      result = aero_engine_error_new_own (AERO_ENGINE_ERROR_TLS, 0, message, error->message);

      if (msg != NULL)
        certificate = g_object_get_data (G_OBJECT (msg), PEER_CERTIFICATE_KEY);
      if (certificate == NULL && msg != NULL)
        certificate = soup_message_get_tls_peer_certificate (msg);
      if (certificate != NULL)
        {
          g_autofree char *fingerprint = aero_engine_dup_certificate_fingerprint (certificate);
          g_autofree char *pem = NULL;

          g_object_get (certificate, "certificate-pem", &pem, NULL);
          aero_engine_error_set_certificate (result, fingerprint, pem);
        }

      return result;
    }

  return aero_engine_error_new_own (AERO_ENGINE_ERROR_NETWORK, 0, NULL, error->message);
}

static AeroEngineErrorCode
code_for_status (guint status)
{
  switch (status)
    {
    case SOUP_STATUS_UNAUTHORIZED:
      return AERO_ENGINE_ERROR_UNAUTHORIZED;
    case SOUP_STATUS_FORBIDDEN:
      return AERO_ENGINE_ERROR_FORBIDDEN;
    case SOUP_STATUS_NOT_FOUND:
      return AERO_ENGINE_ERROR_NOT_FOUND;
    default:
      return AERO_ENGINE_ERROR_FAULT;
    }
}

/* Only bodies that start like a JSON object are handed to the JSON
 * parser: HTML error pages (401, proxies) are never parsed. */
static gboolean
looks_like_json_object (GBytes *body)
{
  const char *data;
  gsize size;
  gsize i = 0;

  if (body == NULL)
    return FALSE;

  data = g_bytes_get_data (body, &size);
  while (i < size && g_ascii_isspace (data[i]))
    i++;

  return i < size && data[i] == '{';
}

/* Both fault shapes: bare {"reason", "detail"} from CRUD calls and
 * {"status": "failed", "fault": {...}} from actions. NULL when @root
 * holds neither. */
static GError *
fault_from_object (AeroEngineErrorCode  code,
                   guint                status,
                   JsonObject          *root)
{
  JsonObject *fault = aero_json_get_object (root, "fault");
  const char *reason;
  const char *detail;

  if (fault == NULL)
    fault = root;

  reason = aero_json_get_string (fault, "reason");
  detail = aero_json_get_string (fault, "detail");
  if (reason == NULL && detail == NULL)
    return NULL;

  return aero_engine_error_new_fault (code, status, reason, detail);
}

static GError *
new_parse_error (guint       status,
                 const char *cause)
{
  return aero_engine_error_new_own (AERO_ENGINE_ERROR_PARSE, status, NULL, cause);
}

/* The error for a response whose status is not 2xx. */
GError *
aero_engine_error_from_status (guint   status,
                               GBytes *body)
{
  AeroEngineErrorCode code = code_for_status (status);

  if (status == SOUP_STATUS_UNAUTHORIZED)
    return aero_engine_error_new_own (AERO_ENGINE_ERROR_UNAUTHORIZED, status, NULL, NULL);

  if (looks_like_json_object (body))
    {
      g_autoptr(JsonObject) root = NULL;
      gsize size;
      const char *data = g_bytes_get_data (body, &size);

      root = aero_json_parse_object (data, size, NULL);
      if (root != NULL)
        {
          GError *fault = fault_from_object (code, status, root);

          if (fault != NULL)
            return fault;
        }
    }

  /* An HTML page or a document that is no fault: the status alone still
   * tells a missing object or a refused permission apart. */
  switch (code)
    {
    case AERO_ENGINE_ERROR_FORBIDDEN:
    case AERO_ENGINE_ERROR_NOT_FOUND:
      return aero_engine_error_new_own (code, status, NULL, NULL);
    default:
      return new_parse_error (status, NULL);
    }
}

/**
 * aero_engine_parse_response:
 *
 * The root object of a response, or the error it stands for: non-2xx
 * statuses, action results with "status": "failed" (even with 200) and
 * bodies that are not a JSON object.
 */
JsonObject *
aero_engine_parse_response (guint    status,
                            GBytes  *body,
                            GError **error)
{
  g_autoptr(GError) parse_error = NULL;
  g_autoptr(JsonObject) root = NULL;
  const char *data = NULL;
  gsize size = 0;

  if (!SOUP_STATUS_IS_SUCCESSFUL (status))
    {
      g_propagate_error (error, aero_engine_error_from_status (status, body));
      return NULL;
    }

  if (body != NULL)
    data = g_bytes_get_data (body, &size);

  /* 204 No Content, or an action answered without a document. */
  if (size == 0)
    return json_object_new ();

  if (!looks_like_json_object (body))
    {
      g_propagate_error (error, new_parse_error (status, NULL));
      return NULL;
    }

  root = aero_json_parse_object (data, size, &parse_error);
  if (root == NULL)
    {
      g_propagate_error (error, new_parse_error (status, parse_error ? parse_error->message : NULL));
      return NULL;
    }

  if (g_strcmp0 (aero_json_get_string (root, "status"), "failed") == 0)
    {
      GError *fault = fault_from_object (AERO_ENGINE_ERROR_FAULT, status, root);

      if (fault == NULL)
        fault = aero_engine_error_new_own (AERO_ENGINE_ERROR_FAULT, status, NULL, NULL);
      g_propagate_error (error, fault);
      return NULL;
    }

  return g_steal_pointer (&root);
}

GBytes *
aero_engine_serialise_body (JsonNode *body)
{
  g_autoptr(JsonGenerator) generator = NULL;
  gsize length = 0;
  char *data;

  if (body == NULL)
    return NULL;

  generator = json_generator_new ();
  json_generator_set_pretty (generator, FALSE);
  json_generator_set_root (generator, body);
  data = json_generator_to_data (generator, &length);

  return g_bytes_new_take (data, length);
}

/* A message to the API with the headers every call carries. */
SoupMessage *
aero_engine_new_message (AeroEngine *self,
                         const char *method,
                         const char *uri)
{
  SoupMessage *msg;
  SoupMessageHeaders *headers;

  msg = soup_message_new (method, uri);
  g_return_val_if_fail (msg != NULL, NULL);

  /* A redirect would carry the credentials (and, with 307, a body) to
   * wherever the Location points: never followed, it is an error. */
  soup_message_add_flags (msg, SOUP_MESSAGE_NO_REDIRECT);

  headers = soup_message_get_request_headers (msg);
  soup_message_headers_replace (headers, "Accept", "application/json");
  soup_message_headers_replace (headers, "Version", "4");

  if (self->token != NULL && !self->basic_auth)
    {
      g_autofree char *value = g_strconcat ("Bearer ", self->token, NULL);

      soup_message_headers_replace (headers, "Authorization", value);
    }
  else if (self->basic_auth && self->auth_user != NULL && self->password != NULL)
    {
      g_autofree char *pair = g_strconcat (self->auth_user, ":", self->password, NULL);
      g_autofree char *encoded = g_base64_encode ((const guchar *) pair, strlen (pair));
      g_autofree char *value = g_strconcat ("Basic ", encoded, NULL);

      memset (pair, 0, strlen (pair));
      soup_message_headers_replace (headers, "Authorization", value);
    }

  aero_engine_watch_certificate (msg, FALSE);

  return msg;
}

/* --- deadlines and bounded reads --------------------------------------- */

static gboolean
on_deadline (gpointer user_data)
{
  AeroDeadline *deadline = user_data;

  deadline->passed = TRUE;
  g_cancellable_cancel (deadline->cancellable);
  g_clear_pointer (&deadline->timer, g_source_unref);
  return G_SOURCE_REMOVE;
}

static void
on_deadline_caller_cancelled (GCancellable *caller,
                              gpointer      user_data)
{
  g_cancellable_cancel (G_CANCELLABLE (user_data));
}

/**
 * aero_deadline_new:
 * @caller: (nullable): the caller's cancellable, which still cancels
 *
 * Starts the engine's deadline for one request on the thread-default
 * main context: when it passes, the deadline's own cancellable (the one
 * to give libsoup) is cancelled and aero_deadline_map_error() tells it
 * from a cancel by the caller.
 */
AeroDeadline *
aero_deadline_new (AeroEngine   *self,
                   GCancellable *caller)
{
  AeroDeadline *deadline = g_new0 (AeroDeadline, 1);

  deadline->seconds = self->deadline;
  deadline->cancellable = g_cancellable_new ();
  if (caller != NULL)
    {
      deadline->caller = g_object_ref (caller);
      deadline->caller_handler =
        g_cancellable_connect (caller, G_CALLBACK (on_deadline_caller_cancelled),
                               g_object_ref (deadline->cancellable), g_object_unref);
    }

  deadline->timer = g_timeout_source_new_seconds (deadline->seconds);
  g_source_set_callback (deadline->timer, on_deadline, deadline, NULL);
  g_source_set_static_name (deadline->timer, "[aerostat] request deadline");
  g_source_attach (deadline->timer, g_main_context_get_thread_default ());

  return deadline;
}

void
aero_deadline_free (AeroDeadline *deadline)
{
  if (deadline == NULL)
    return;

  if (deadline->timer != NULL)
    {
      g_source_destroy (deadline->timer);
      g_source_unref (deadline->timer);
    }
  if (deadline->caller_handler != 0)
    g_cancellable_disconnect (deadline->caller, deadline->caller_handler);
  g_clear_object (&deadline->caller);
  g_clear_object (&deadline->cancellable);
  g_free (deadline);
}

GCancellable *
aero_deadline_get_cancellable (AeroDeadline *deadline)
{
  return deadline->cancellable;
}

/* The error for a failed transport @error: the deadline's own when it
 * passed, else what aero_engine_error_from_transport() makes of it. */
GError *
aero_deadline_map_error (AeroDeadline *deadline,
                         GError       *error,
                         SoupMessage  *msg)
{
  if (deadline != NULL && deadline->passed &&
      (deadline->caller == NULL || !g_cancellable_is_cancelled (deadline->caller)))
    {
      g_autofree char *text =
        g_strdup_printf (ngettext ("The engine did not send its whole answer within %u second",
                                   "The engine did not send its whole answer within %u seconds",
                                   deadline->seconds),
                         deadline->seconds);

      return aero_engine_error_new_own (AERO_ENGINE_ERROR_NETWORK, 0, text, NULL);
    }

  return aero_engine_error_from_transport (error, msg);
}

/* The answer (after gzip decoding) is bigger than anything an engine
 * sends: reading on would only exhaust memory. */
GError *
aero_engine_error_new_too_large (guint       http_status,
                                 const char *what)
{
  g_autofree char *limit = g_format_size_full (AERO_ENGINE_MAX_BODY_SIZE, G_FORMAT_SIZE_IEC_UNITS);
  g_autofree char *text = NULL;

  /* TRANSLATORS: %s is a size such as "64.0 MiB" */
  text = g_strdup_printf (_("The engine's reply is larger than %s, more than any engine sends"),
                          limit);
  return aero_engine_error_new_own (AERO_ENGINE_ERROR_PARSE, http_status, text, what);
}

#define READ_CHUNK_SIZE (64 * 1024)

typedef struct
{
  SoupSession  *session;
  SoupMessage  *msg;
  AeroDeadline *deadline;
  GInputStream *stream;
  GByteArray   *body;
} ReadData;

static void
read_data_free (ReadData *data)
{
  g_clear_object (&data->session);
  g_clear_object (&data->msg);
  /* Dropped without closing: closing would make libsoup read the rest of
   * an over-long body to reuse the connection. Every path that gives up
   * early has cancelled the message, which drops the connection. */
  g_clear_object (&data->stream);
  g_clear_pointer (&data->body, g_byte_array_unref);
  aero_deadline_free (data->deadline);
  g_free (data);
}

static void read_next (GTask *task);

static void
fail_read (GTask  *task,
           GError *transport_error)
{
  ReadData *data = g_task_get_task_data (task);
  GError *error = aero_deadline_map_error (data->deadline, transport_error, data->msg);

  g_cancellable_cancel (data->deadline->cancellable);
  g_task_return_error (task, error);
}

static void
on_body_read (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) chunk = NULL;
  ReadData *data = g_task_get_task_data (task);
  gsize size;

  chunk = g_input_stream_read_bytes_finish (G_INPUT_STREAM (object), result, &error);
  if (chunk == NULL)
    {
      fail_read (task, error);
      return;
    }

  size = g_bytes_get_size (chunk);
  if (size == 0)
    {
      /* The end: closing hands the connection back to the session. */
      g_input_stream_close_async (data->stream, G_PRIORITY_DEFAULT, NULL, NULL, NULL);
      g_task_return_pointer (task, g_byte_array_free_to_bytes (g_steal_pointer (&data->body)),
                             (GDestroyNotify) g_bytes_unref);
      return;
    }

  if (size > AERO_ENGINE_MAX_BODY_SIZE - data->body->len)
    {
      g_cancellable_cancel (data->deadline->cancellable);
      g_task_return_error (task,
                           aero_engine_error_new_too_large (soup_message_get_status (data->msg),
                                                            NULL));
      return;
    }

  g_byte_array_append (data->body, g_bytes_get_data (chunk, NULL), size);
  read_next (task);
}

static void
read_next (GTask *task)
{
  ReadData *data = g_task_get_task_data (task);

  g_input_stream_read_bytes_async (data->stream, READ_CHUNK_SIZE, G_PRIORITY_DEFAULT,
                                   data->deadline->cancellable, on_body_read,
                                   g_object_ref (task));
}

static void
on_message_sent (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  ReadData *data = g_task_get_task_data (task);

  data->stream = soup_session_send_finish (SOUP_SESSION (object), result, &error);
  if (data->stream == NULL)
    {
      fail_read (task, error);
      return;
    }

  read_next (task);
}

static GTask *
new_read_task (AeroEngine          *self,
               SoupMessage         *msg,
               GCancellable        *cancellable,
               GAsyncReadyCallback  callback,
               gpointer             user_data)
{
  GTask *task = aero_engine_new_task (self, cancellable, callback, user_data,
                                      aero_engine_read_message_async);
  ReadData *data = g_new0 (ReadData, 1);

  data->msg = g_object_ref (msg);
  data->deadline = aero_deadline_new (self, cancellable);
  data->body = g_byte_array_new ();
  g_task_set_task_data (task, data, (GDestroyNotify) read_data_free);
  return task;
}

/**
 * aero_engine_read_message_async:
 * @session: (nullable): the session to send on, or NULL for the engine's
 *
 * Sends @msg and reads its whole answer, bounded by
 * AERO_ENGINE_MAX_BODY_SIZE after decoding and by the engine's deadline.
 * Errors are mapped to AERO_ENGINE_ERROR already; the status is for the
 * caller to judge.
 */
void
aero_engine_read_message_async (AeroEngine          *self,
                                SoupSession         *session,
                                SoupMessage         *msg,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  GTask *task = new_read_task (self, msg, cancellable, callback, user_data);
  ReadData *data = g_task_get_task_data (task);

  data->session = g_object_ref (session != NULL ? session : self->session);
  soup_session_send_async (data->session, msg, G_PRIORITY_DEFAULT,
                           data->deadline->cancellable, on_message_sent, task);
}

/* The rest of an answer whose headers are in and whose body is @stream. */
void
aero_engine_read_stream_async (AeroEngine          *self,
                               SoupMessage         *msg,
                               GInputStream        *stream,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  GTask *task = new_read_task (self, msg, cancellable, callback, user_data);
  ReadData *data = g_task_get_task_data (task);

  data->stream = g_object_ref (stream);
  read_next (task);
  g_object_unref (task);
}

GBytes *
aero_engine_read_message_finish (AeroEngine    *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  return aero_engine_propagate_pointer (self, result, aero_engine_read_message_async, error);
}

/* --- sending, with one re-login on 401 ------------------------------- */

typedef struct
{
  char             *method;
  char             *uri;
  GBytes           *json_body;
  AeroRequestFlags  flags;
  gboolean          retried;
  char             *sent_token;   /* the token this attempt carried */
  SoupMessage      *msg;
} SendData;

static void
send_data_free (SendData *data)
{
  g_free (data->method);
  g_free (data->uri);
  g_clear_pointer (&data->json_body, g_bytes_unref);
  g_free (data->sent_token);
  g_clear_object (&data->msg);
  g_free (data);
}

static void send_start (GTask *task);

static void
return_response (GTask        *task,
                 GBytes       *body,
                 GInputStream *stream)
{
  SendData *data = g_task_get_task_data (task);
  AeroResponse *response = g_new0 (AeroResponse, 1);

  response->msg = g_object_ref (data->msg);
  response->body = body != NULL ? g_bytes_ref (body) : NULL;
  response->stream = stream != NULL ? g_object_ref (stream) : NULL;

  g_task_return_pointer (task, response, (GDestroyNotify) aero_response_free);
}

/* Several calls hit by the same expired token share one new login: the
 * engine would otherwise open one SSO session per call. */
static void
on_reauthenticated (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  AeroEngine *self = AERO_ENGINE (object);
  g_autoptr(GPtrArray) waiting = g_steal_pointer (&self->reauth_waiting);
  g_autoptr(GError) error = NULL;

  aero_engine_authenticate_finish (self, result, &error);

  for (guint i = 0; i < waiting->len; i++)
    {
      GTask *task = g_ptr_array_index (waiting, i);

      if (error != NULL)
        g_task_return_error (task, g_error_copy (error));
      else
        send_start (g_object_ref (task));
    }
}

static void
reauthenticate (AeroEngine *self,
                GTask      *task)
{
  SendData *data = g_task_get_task_data (task);

  /* Another call already logged in again since this one was sent. */
  if (self->token != NULL && g_strcmp0 (self->token, data->sent_token) != 0)
    {
      send_start (g_object_ref (task));
      return;
    }

  if (self->reauth_waiting != NULL)
    {
      g_ptr_array_add (self->reauth_waiting, g_object_ref (task));
      return;
    }

  g_debug ("401 on %s %s, logging in again", data->method, data->uri);
  self->reauth_waiting = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_add (self->reauth_waiting, g_object_ref (task));
  /* Shared by all waiting calls, so no single caller's cancellable: a
   * cancelled caller finds out when its resend starts. */
  aero_engine_authenticate_async (self, NULL, on_reauthenticated, NULL);
}

/* The whole body is in; a first 401 triggers a new login and one resend
 * (tokens are not refreshed, they expire). */
static void
handle_complete_response (GTask  *task,
                          GBytes *body)
{
  SendData *data = g_task_get_task_data (task);
  AeroEngine *self = g_task_get_source_object (task);

  if (soup_message_get_status (data->msg) == SOUP_STATUS_UNAUTHORIZED &&
      !data->retried &&
      (data->flags & AERO_REQUEST_NO_RETRY) == 0 &&
      self->auth_user != NULL && self->password != NULL)
    {
      data->retried = TRUE;
      reauthenticate (self, task);
      return;
    }

  return_response (task, body, NULL);
}

static void
on_read_all (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = NULL;

  body = aero_engine_read_message_finish (AERO_ENGINE (object), result, &error);
  if (body == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  handle_complete_response (task, body);
}

static void
on_send (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GInputStream) stream = NULL;
  SendData *data = g_task_get_task_data (task);

  stream = soup_session_send_finish (SOUP_SESSION (object), result, &error);
  if (stream == NULL)
    {
      g_task_return_error (task, aero_engine_error_from_transport (error, data->msg));
      return;
    }

  if (SOUP_STATUS_IS_SUCCESSFUL (soup_message_get_status (data->msg)))
    {
      return_response (task, NULL, stream);
      return;
    }

  /* Error bodies are small: read them whole (and bounded), as for other
   * requests. */
  aero_engine_read_stream_async (g_task_get_source_object (task), data->msg, stream,
                                 g_task_get_cancellable (task),
                                 on_read_all, g_object_ref (task));
}

static void
send_start (GTask *task)
{
  AeroEngine *self = g_task_get_source_object (task);
  SendData *data = g_task_get_task_data (task);

  g_clear_object (&data->msg);
  data->msg = aero_engine_new_message (self, data->method, data->uri);
  g_free (data->sent_token);
  data->sent_token = g_strdup (self->token);
  if (data->flags & AERO_REQUEST_ALL_CONTENT)
    soup_message_headers_replace (soup_message_get_request_headers (data->msg),
                                  "All-Content", "true");
  if (data->json_body != NULL)
    soup_message_set_request_body_from_bytes (data->msg, "application/json", data->json_body);

  if (data->flags & AERO_REQUEST_STREAM)
    soup_session_send_async (self->session, data->msg, G_PRIORITY_DEFAULT,
                             g_task_get_cancellable (task), on_send, task);
  else
    aero_engine_read_message_async (self, NULL, data->msg, g_task_get_cancellable (task),
                                    on_read_all, task);
}

/**
 * aero_engine_send_async:
 * @path_and_query: relative to the API URL ("/vms?max=10"), or "" for the
 *   API root
 * @json_body: (nullable): the request body, sent as application/json
 *
 * Sends one API request with the common headers; a 401 leads to one new
 * login with the kept credentials and one resend (unless
 * AERO_REQUEST_NO_RETRY). Errors are transport errors only: the status
 * is for the caller to judge.
 */
void
aero_engine_send_async (AeroEngine          *self,
                        const char          *method,
                        const char          *path_and_query,
                        GBytes              *json_body,
                        AeroRequestFlags     flags,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  SendData *data;

  g_return_if_fail (AERO_IS_ENGINE (self));
  g_return_if_fail (method != NULL);
  g_return_if_fail (path_and_query != NULL);

  task = aero_engine_new_task (self, cancellable, callback, user_data,
                               aero_engine_send_async);

  data = g_new0 (SendData, 1);
  data->method = g_strdup (method);
  data->uri = aero_engine_dup_api_uri (self, path_and_query);
  data->json_body = json_body != NULL ? g_bytes_ref (json_body) : NULL;
  data->flags = flags;
  g_task_set_task_data (task, data, (GDestroyNotify) send_data_free);

  send_start (g_steal_pointer (&task));
}

AeroResponse *
aero_engine_send_finish (AeroEngine    *self,
                         GAsyncResult  *result,
                         GError       **error)
{
  return aero_engine_propagate_pointer (self, result, aero_engine_send_async, error);
}

/* --- small documents -------------------------------------------------- */

typedef struct
{
  guint   status;
  GBytes *body;
} ParseData;

static void
parse_data_free (ParseData *data)
{
  g_bytes_unref (data->body);
  g_free (data);
}

static void
parse_in_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  ParseData *data = task_data;
  GError *error = NULL;
  JsonObject *root;

  root = aero_engine_parse_response (data->status, data->body, &error);
  if (root == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, root, (GDestroyNotify) json_object_unref);
}

static void
on_parsed_in_thread (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  JsonObject *root;

  root = g_task_propagate_pointer (G_TASK (result), &error);
  if (root == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, root, (GDestroyNotify) json_object_unref);
}

static void
on_call_sent (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(AeroResponse) response = NULL;
  JsonObject *root;

  response = aero_engine_send_finish (AERO_ENGINE (object), result, &error);
  if (response == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* Big single documents would stall the main loop while parsed. */
  if (response->body != NULL &&
      g_bytes_get_size (response->body) > AERO_ENGINE_THREAD_PARSE_SIZE)
    {
      ParseData *data = g_new0 (ParseData, 1);
      g_autoptr(GTask) parse_task = NULL;

      /* A task of its own without the engine: the worker thread drops
       * its reference to a thread task only after the result is back in
       * the caller's context, and the engine must not outlive that by
       * chance. */
      data->status = soup_message_get_status (response->msg);
      data->body = g_bytes_ref (response->body);
      parse_task = g_task_new (NULL, NULL, on_parsed_in_thread, g_steal_pointer (&task));
      g_task_set_task_data (parse_task, data, (GDestroyNotify) parse_data_free);
      g_task_run_in_thread (parse_task, parse_in_thread);
      return;
    }

  root = aero_engine_parse_response (soup_message_get_status (response->msg),
                                     response->body, &error);
  if (root == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, root, (GDestroyNotify) json_object_unref);
}

void
aero_engine_call_full_async (AeroEngine          *self,
                             const char          *method,
                             const char          *path_and_query,
                             GBytes              *json_body,
                             AeroRequestFlags     flags,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail ((flags & AERO_REQUEST_STREAM) == 0);

  task = aero_engine_new_task (self, cancellable, callback, user_data,
                               aero_engine_call_async);

  aero_engine_send_async (self, method, path_and_query, json_body,
                          flags, cancellable,
                          on_call_sent, g_steal_pointer (&task));
}

void
aero_engine_call_async (AeroEngine          *self,
                        const char          *method,
                        const char          *path_and_query,
                        GBytes              *json_body,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  aero_engine_call_full_async (self, method, path_and_query, json_body,
                               AERO_REQUEST_READ_ALL, cancellable, callback, user_data);
}

JsonObject *
aero_engine_call_finish (AeroEngine    *self,
                         GAsyncResult  *result,
                         GError       **error)
{
  return aero_engine_propagate_pointer (self, result, aero_engine_call_async, error);
}
