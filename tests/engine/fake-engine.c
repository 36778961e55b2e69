/* fake-engine.c - a tiny oVirt engine on loopback for the AeroEngine tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "fake-engine.h"

#define PREFIX     "/ovirt-engine"
#define API_PREFIX "/ovirt-engine/api"

#define API_ROOT_JSON \
  "{\n" \
  "  \"product_info\" : {\n" \
  "    \"name\" : \"oVirt Engine\",\n" \
  "    \"vendor\" : \"ovirt.org\",\n" \
  "    \"version\" : {\n" \
  "      \"build\" : \"4\",\n" \
  "      \"full_version\" : \"%s\",\n" \
  "      \"major\" : \"4\",\n" \
  "      \"minor\" : \"5\",\n" \
  "      \"revision\" : \"0\"\n" \
  "    }\n" \
  "  },\n" \
  "  \"special_objects\" : {\n" \
  "    \"blank_template\" : {\n" \
  "      \"href\" : \"/ovirt-engine/api/templates/00000000-0000-0000-0000-000000000000\",\n" \
  "      \"id\" : \"00000000-0000-0000-0000-000000000000\"\n" \
  "    }\n" \
  "  },\n" \
  "  \"link\" : [ { \"href\" : \"/ovirt-engine/api/vms\", \"rel\" : \"vms\" } ]\n" \
  "}\n"

#define UNAUTHORIZED_HTML \
  "<html><head><title>Error</title></head><body>Unauthorized</body></html>"

typedef struct
{
  guint  status;
  char  *content_type;
  char  *body;
} Canned;

struct _FakeEngine
{
  SoupServer        *server;
  char              *base_url;
  gboolean           sso;
  gboolean           login_refused;
  guint              next_token;
  GHashTable        *tokens;      /* valid tokens */
  char              *ca_pem;
  char              *full_version; /* product_info.version.full_version */
  GHashTable        *queued;      /* "METHOD path" -> GQueue of Canned */
  GHashTable        *sticky;      /* "METHOD path" -> Canned */
  GPtrArray         *requests;

  char              *held_path;
  char              *held_first;
  char              *held_rest;
  SoupServerMessage *held_msg;
  gboolean           held_started;
  gboolean           held_disconnected;

  char              *bomb_key;    /* "METHOD full-path" */
  gsize              bomb_size;

  char              *drip_path;   /* full path */
  char              *drip_body;
  guint              drip_interval;
  GPtrArray         *drips;       /* Drip */

  char              *endless_path;  /* full path */
  guint              endless_next;
};

/* A response sent one byte at a time. */
typedef struct
{
  FakeEngine        *engine;
  SoupServerMessage *msg;
  const char        *next;
  guint              timer;
} Drip;

static void
canned_free (Canned *canned)
{
  g_free (canned->content_type);
  g_free (canned->body);
  g_free (canned);
}

static Canned *
canned_new (guint       status,
            const char *content_type,
            const char *body)
{
  Canned *canned = g_new0 (Canned, 1);

  canned->status = status;
  canned->content_type = g_strdup (content_type);
  canned->body = g_strdup (body);
  return canned;
}

static void
canned_queue_free (GQueue *queue)
{
  g_queue_free_full (queue, (GDestroyNotify) canned_free);
}

static void
fake_request_free (FakeRequest *request)
{
  g_free (request->method);
  g_free (request->path);
  g_free (request->query);
  g_clear_pointer (&request->headers, soup_message_headers_unref);
  g_clear_pointer (&request->body, g_bytes_unref);
  g_free (request);
}

static void
respond (SoupServerMessage *msg,
         guint              status,
         const char        *content_type,
         const char        *body)
{
  /* Canned redirects carry their Location as the body. */
  if (SOUP_STATUS_IS_REDIRECTION (status))
    {
      soup_server_message_set_redirect (msg, status, body);
      return;
    }

  soup_server_message_set_status (msg, status, NULL);
  if (body != NULL)
    soup_server_message_set_response (msg, content_type, SOUP_MEMORY_COPY, body, strlen (body));
}

static void
respond_json (SoupServerMessage *msg,
              guint              status,
              const char        *body)
{
  respond (msg, status, "application/json", body);
}

static GHashTable *
decode_form (SoupServerMessage *msg)
{
  g_autoptr(GBytes) body = NULL;
  g_autofree char *text = NULL;
  gsize size;
  const char *data;

  body = soup_message_body_flatten (soup_server_message_get_request_body (msg));
  data = g_bytes_get_data (body, &size);
  text = g_strndup (data, size);

  return soup_form_decode (text);
}

static void
handle_token (FakeEngine        *self,
              SoupServerMessage *msg)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  g_autoptr(GHashTable) form = NULL;
  g_autofree char *token = NULL;
  g_autofree char *body = NULL;
  Canned *canned = g_hash_table_lookup (self->sticky, "POST /sso/oauth/token");

  /* A canned answer replaces the SSO, e.g. a redirect. */
  if (canned != NULL)
    {
      respond (msg, canned->status, canned->content_type, canned->body);
      return;
    }

  if (!self->sso)
    {
      respond (msg, SOUP_STATUS_NOT_FOUND, "text/html", "<html><body>Not Found</body></html>");
      return;
    }

  /* The engine's SSO insists on exactly this Accept value. */
  if (g_strcmp0 (soup_message_headers_get_one (headers, "Accept"), "application/json") != 0 ||
      self->login_refused)
    {
      respond_json (msg, SOUP_STATUS_BAD_REQUEST,
                    "{\"error\":\"invalid_request\","
                    "\"error_description\":\"The request is not valid for this endpoint.\"}");
      return;
    }

  form = decode_form (msg);
  if (g_strcmp0 (g_hash_table_lookup (form, "grant_type"), "password") != 0 ||
      g_strcmp0 (g_hash_table_lookup (form, "scope"), "ovirt-app-api") != 0 ||
      g_strcmp0 (g_hash_table_lookup (form, "username"), FAKE_USER) != 0 ||
      g_strcmp0 (g_hash_table_lookup (form, "password"), FAKE_PASSWORD) != 0)
    {
      body = g_strdup_printf ("{\"error_code\":\"access_denied\","
                              "\"error\":\"Cannot authenticate user '%s': "
                              "The username or password is incorrect..\"}",
                              (const char *) g_hash_table_lookup (form, "username"));
      respond_json (msg, SOUP_STATUS_BAD_REQUEST, body);
      return;
    }

  token = g_strdup_printf ("fake-token-%u", ++self->next_token);
  g_hash_table_add (self->tokens, g_strdup (token));
  body = g_strdup_printf ("{\"access_token\":\"%s\",\"scope\":\"ovirt-app-api\","
                          "\"exp\":\"9999999999999\",\"token_type\":\"bearer\"}", token);
  respond_json (msg, SOUP_STATUS_OK, body);
}

static void
handle_logout (FakeEngine        *self,
               SoupServerMessage *msg)
{
  g_autoptr(GHashTable) form = decode_form (msg);
  const char *token = g_hash_table_lookup (form, "token");

  if (token != NULL)
    g_hash_table_remove (self->tokens, token);
  respond_json (msg, SOUP_STATUS_OK, "{}");
}

static gboolean
is_authorized (FakeEngine        *self,
               SoupServerMessage *msg)
{
  const char *value = soup_message_headers_get_one (soup_server_message_get_request_headers (msg),
                                                    "Authorization");

  if (value == NULL)
    return FALSE;

  if (g_str_has_prefix (value, "Bearer "))
    return g_hash_table_contains (self->tokens, value + strlen ("Bearer "));

  if (!self->sso && g_str_has_prefix (value, "Basic "))
    {
      g_autofree guchar *decoded = NULL;
      g_autofree char *expected = g_strconcat (FAKE_USER, ":", FAKE_PASSWORD, NULL);
      gsize length = 0;

      decoded = g_base64_decode (value + strlen ("Basic "), &length);
      return length == strlen (expected) && memcmp (decoded, expected, length) == 0;
    }

  return FALSE;
}

static void
on_held_disconnected (SoupServerMessage *msg,
                      gpointer           user_data)
{
  FakeEngine *self = user_data;

  self->held_disconnected = TRUE;
  if (self->held_msg == msg)
    {
      g_signal_handlers_disconnect_by_data (msg, self);
      g_clear_object (&self->held_msg);
    }
}

static void
start_held_stream (FakeEngine        *self,
                   SoupServerMessage *msg)
{
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);
  SoupMessageBody *body = soup_server_message_get_response_body (msg);

  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_message_headers_set_encoding (headers, SOUP_ENCODING_CHUNKED);
  soup_message_headers_set_content_type (headers, "application/json", NULL);
  soup_message_body_append (body, SOUP_MEMORY_COPY, self->held_first, strlen (self->held_first));

  g_clear_object (&self->held_msg);
  self->held_msg = g_object_ref (msg);
  self->held_started = TRUE;
  self->held_disconnected = FALSE;
  g_signal_connect (msg, "disconnected", G_CALLBACK (on_held_disconnected), self);
}

static void
handle_api (FakeEngine        *self,
            SoupServerMessage *msg,
            const char        *api_path)
{
  const char *method = soup_server_message_get_method (msg);
  g_autofree char *key = g_strconcat (method, " ", api_path, NULL);
  GQueue *queue;
  Canned *canned;

  if (!is_authorized (self, msg))
    {
      soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                    "WWW-Authenticate", "Basic realm=\"RESTAPI\"");
      respond (msg, SOUP_STATUS_UNAUTHORIZED, "text/html", UNAUTHORIZED_HTML);
      return;
    }

  queue = g_hash_table_lookup (self->queued, key);
  if (queue != NULL && !g_queue_is_empty (queue))
    {
      canned = g_queue_pop_head (queue);
      respond (msg, canned->status, canned->content_type, canned->body);
      canned_free (canned);
      return;
    }

  canned = g_hash_table_lookup (self->sticky, key);
  if (canned != NULL)
    {
      respond (msg, canned->status, canned->content_type, canned->body);
      return;
    }

  if (self->held_path != NULL && g_str_equal (method, "GET") &&
      g_str_equal (api_path, self->held_path))
    {
      start_held_stream (self, msg);
      return;
    }

  if (g_str_equal (method, "GET") && *api_path == '\0')
    {
      g_autofree char *root = g_strdup_printf (API_ROOT_JSON,
                                               self->full_version != NULL
                                               ? self->full_version : "4.5.4-1.el8");

      respond_json (msg, SOUP_STATUS_OK, root);
      return;
    }

  respond_json (msg, SOUP_STATUS_NOT_FOUND,
                "{\"reason\":\"Not Found\",\"detail\":\"No such entity\"}");
}

static void
record_request (FakeEngine        *self,
                SoupServerMessage *msg,
                const char        *path)
{
  FakeRequest *request = g_new0 (FakeRequest, 1);
  GUri *uri = soup_server_message_get_uri (msg);

  request->method = g_strdup (soup_server_message_get_method (msg));
  request->path = g_strdup (path);
  request->query = g_strdup (g_uri_get_query (uri));
  request->headers = soup_message_headers_ref (soup_server_message_get_request_headers (msg));
  request->body = soup_message_body_flatten (soup_server_message_get_request_body (msg));
  g_ptr_array_add (self->requests, request);
}

/* "{" and @size spaces, gzip-compressed: a few kB on the wire. */
static GBytes *
gzip_bomb (gsize size)
{
  g_autoptr(GConverter) compressor = G_CONVERTER (g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP, 9));
  g_autoptr(GByteArray) out = g_byte_array_new ();
  g_autofree char *spaces = g_strnfill (1024 * 1024, ' ');
  char buffer[64 * 1024];
  gsize left = size;
  gboolean first = TRUE;

  for (;;)
    {
      const char *in = first ? "{" : spaces;
      gsize in_size = first ? 1 : MIN (left, 1024 * 1024);
      GConverterFlags flags = (!first && in_size == left) ? G_CONVERTER_INPUT_AT_END : G_CONVERTER_NO_FLAGS;
      GConverterResult result;

      do
        {
          gsize read = 0, written = 0;
          g_autoptr(GError) error = NULL;

          result = g_converter_convert (compressor, in, in_size, buffer, sizeof buffer,
                                        flags, &read, &written, &error);
          g_assert_no_error (error);
          g_byte_array_append (out, (const guint8 *) buffer, written);
          in += read;
          in_size -= read;
          if (!first)
            left -= read;
        }
      while (in_size > 0 || (flags == G_CONVERTER_INPUT_AT_END && result != G_CONVERTER_FINISHED));

      if (!first && left == 0)
        break;
      first = FALSE;
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}

static void
respond_bomb (FakeEngine        *self,
              SoupServerMessage *msg)
{
  g_autoptr(GBytes) body = gzip_bomb (self->bomb_size);

  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                "Content-Encoding", "gzip");
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_COPY,
                                    g_bytes_get_data (body, NULL), g_bytes_get_size (body));
}

static void
drip_free (Drip *drip)
{
  g_clear_handle_id (&drip->timer, g_source_remove);
  g_signal_handlers_disconnect_by_data (drip->msg, drip);
  g_object_unref (drip->msg);
  g_free (drip);
}

static gboolean
on_drip (gpointer user_data)
{
  Drip *drip = user_data;
  SoupMessageBody *body = soup_server_message_get_response_body (drip->msg);

  if (*drip->next == '\0')
    {
      drip->timer = 0;
      soup_message_body_complete (body);
      soup_server_message_unpause (drip->msg);
      g_ptr_array_remove (drip->engine->drips, drip);
      return G_SOURCE_REMOVE;
    }

  soup_message_body_append (body, SOUP_MEMORY_COPY, drip->next++, 1);
  soup_server_message_unpause (drip->msg);
  return G_SOURCE_CONTINUE;
}

static void
on_drip_disconnected (SoupServerMessage *msg,
                      gpointer           user_data)
{
  Drip *drip = user_data;

  g_ptr_array_remove (drip->engine->drips, drip);
}

static void
start_drip (FakeEngine        *self,
            SoupServerMessage *msg)
{
  Drip *drip = g_new0 (Drip, 1);
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);

  drip->engine = self;
  drip->msg = g_object_ref (msg);
  drip->next = self->drip_body;
  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_message_headers_set_encoding (headers, SOUP_ENCODING_CHUNKED);
  soup_message_headers_set_content_type (headers, "application/json", NULL);
  g_signal_connect (msg, "disconnected", G_CALLBACK (on_drip_disconnected), drip);
  g_ptr_array_add (self->drips, drip);
  soup_server_message_pause (msg);
  drip->timer = g_timeout_add (self->drip_interval, on_drip, drip);
}

/* The next part of a list that never ends: a few thousand tiny VMs. */
static void
append_endless_part (SoupServerMessage *msg,
                     FakeEngine        *self)
{
  SoupMessageBody *body = soup_server_message_get_response_body (msg);
  GString *part = g_string_new (NULL);

  for (guint i = 0; i < 8192; i++, self->endless_next++)
    g_string_append_printf (part, "%s{\"id\":\"vm-%u\"}",
                            self->endless_next > 0 ? "," : "", self->endless_next);
  soup_message_body_append (body, SOUP_MEMORY_TAKE, part->str, part->len);
  g_string_free (part, FALSE);
}

static void
on_endless_wrote_chunk (SoupServerMessage *msg,
                        gpointer           user_data)
{
  append_endless_part (msg, user_data);
}

static void
start_endless (FakeEngine        *self,
               SoupServerMessage *msg)
{
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);
  SoupMessageBody *body = soup_server_message_get_response_body (msg);

  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_message_headers_set_encoding (headers, SOUP_ENCODING_CHUNKED);
  soup_message_headers_set_content_type (headers, "application/json", NULL);
  /* What is written is dropped, or the server would keep it all. */
  soup_message_body_set_accumulate (body, FALSE);
  soup_message_body_append (body, SOUP_MEMORY_STATIC, "{\"vm\": [", 8);
  self->endless_next = 0;
  append_endless_part (msg, self);
  g_signal_connect (msg, "wrote-chunk", G_CALLBACK (on_endless_wrote_chunk), self);
}

static void
server_callback (SoupServer        *server,
                 SoupServerMessage *msg,
                 const char        *path,
                 GHashTable        *query,
                 gpointer           user_data)
{
  FakeEngine *self = user_data;
  const char *method = soup_server_message_get_method (msg);

  record_request (self, msg, path);

  if (self->bomb_key != NULL)
    {
      g_autofree char *key = g_strconcat (method, " ", path, NULL);

      if (g_str_equal (key, self->bomb_key))
        {
          respond_bomb (self, msg);
          return;
        }
    }

  if (self->endless_path != NULL && g_str_equal (path, self->endless_path))
    {
      start_endless (self, msg);
      return;
    }

  if (self->drip_path != NULL && g_str_equal (path, self->drip_path))
    {
      start_drip (self, msg);
      return;
    }

  if (g_str_equal (path, PREFIX "/sso/oauth/token") && g_str_equal (method, "POST"))
    handle_token (self, msg);
  else if (g_str_equal (path, PREFIX "/services/sso-logout") && g_str_equal (method, "POST"))
    handle_logout (self, msg);
  else if (g_str_equal (path, PREFIX "/services/pki-resource") && self->ca_pem != NULL)
    respond (msg, SOUP_STATUS_OK, "application/x-x509-ca-cert", self->ca_pem);
  else if (g_str_equal (path, API_PREFIX))
    handle_api (self, msg, "");
  else if (g_str_has_prefix (path, API_PREFIX "/"))
    handle_api (self, msg, path + strlen (API_PREFIX));
  else
    respond (msg, SOUP_STATUS_NOT_FOUND, "text/html", "<html><body>Not Found</body></html>");
}

FakeEngine *
fake_engine_new (GTlsCertificate *certificate)
{
  g_autoptr(GError) error = NULL;
  g_autoslist(GUri) uris = NULL;
  FakeEngine *self = g_new0 (FakeEngine, 1);
  SoupServerListenOptions options = SOUP_SERVER_LISTEN_IPV4_ONLY;

  self->sso = TRUE;
  self->tokens = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->queued = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                        (GDestroyNotify) canned_queue_free);
  self->sticky = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                        (GDestroyNotify) canned_free);
  self->requests = g_ptr_array_new_with_free_func ((GDestroyNotify) fake_request_free);
  self->drips = g_ptr_array_new_with_free_func ((GDestroyNotify) drip_free);

  if (certificate != NULL)
    {
      self->server = soup_server_new ("tls-certificate", certificate, NULL);
      options |= SOUP_SERVER_LISTEN_HTTPS;
    }
  else
    {
      self->server = soup_server_new (NULL, NULL);
    }

  soup_server_add_handler (self->server, NULL, server_callback, self, NULL);
  if (!soup_server_listen_local (self->server, 0, options, &error))
    g_error ("fake engine: cannot listen: %s", error->message);

  uris = soup_server_get_uris (self->server);
  g_assert_nonnull (uris);
  self->base_url = g_strdup_printf ("%s://127.0.0.1:%d" PREFIX,
                                    certificate != NULL ? "https" : "http",
                                    g_uri_get_port (uris->data));

  return self;
}

void
fake_engine_free (FakeEngine *self)
{
  if (self == NULL)
    return;

  if (self->held_msg != NULL)
    fake_engine_release_stream (self);

  g_ptr_array_set_size (self->drips, 0);
  soup_server_disconnect (self->server);
  g_clear_object (&self->server);
  g_free (self->base_url);
  g_hash_table_unref (self->tokens);
  g_free (self->ca_pem);
  g_free (self->full_version);
  g_hash_table_unref (self->queued);
  g_hash_table_unref (self->sticky);
  g_ptr_array_unref (self->requests);
  g_free (self->held_path);
  g_free (self->held_first);
  g_free (self->held_rest);
  g_ptr_array_unref (self->drips);
  g_free (self->bomb_key);
  g_free (self->drip_path);
  g_free (self->drip_body);
  g_free (self->endless_path);
  g_free (self);
}

void
fake_engine_set_endless_list (FakeEngine *self,
                              const char *full_path)
{
  g_free (self->endless_path);
  self->endless_path = g_strdup (full_path);
}

void
fake_engine_set_gzip_bomb (FakeEngine *self,
                           const char *method,
                           const char *full_path,
                           gsize       inflated_size)
{
  g_free (self->bomb_key);
  self->bomb_key = g_strconcat (method, " ", full_path, NULL);
  self->bomb_size = inflated_size;
}

void
fake_engine_set_drip (FakeEngine *self,
                      const char *full_path,
                      const char *body,
                      guint       interval_ms)
{
  g_free (self->drip_path);
  g_free (self->drip_body);
  self->drip_path = g_strdup (full_path);
  self->drip_body = g_strdup (body);
  self->drip_interval = interval_ms;
}

const char *
fake_engine_get_base_url (FakeEngine *self)
{
  return self->base_url;
}

void
fake_engine_set_sso (FakeEngine *self,
                     gboolean    enabled)
{
  self->sso = enabled;
}

void
fake_engine_expire_tokens (FakeEngine *self)
{
  g_hash_table_remove_all (self->tokens);
}

void
fake_engine_set_login_refused (FakeEngine *self,
                               gboolean    refused)
{
  self->login_refused = refused;
}

void
fake_engine_set_ca_pem (FakeEngine *self,
                        const char *pem)
{
  g_free (self->ca_pem);
  self->ca_pem = g_strdup (pem);
}

void
fake_engine_set_full_version (FakeEngine *self,
                              const char *full_version)
{
  g_free (self->full_version);
  self->full_version = g_strdup (full_version);
}

void
fake_engine_push_response (FakeEngine *self,
                           const char *method,
                           const char *path,
                           guint       status,
                           const char *content_type,
                           const char *body)
{
  char *key = g_strconcat (method, " ", path, NULL);
  GQueue *queue = g_hash_table_lookup (self->queued, key);

  if (queue == NULL)
    {
      queue = g_queue_new ();
      g_hash_table_insert (self->queued, key, queue);
    }
  else
    {
      g_free (key);
    }

  g_queue_push_tail (queue, canned_new (status, content_type, body));
}

void
fake_engine_set_response (FakeEngine *self,
                          const char *method,
                          const char *path,
                          guint       status,
                          const char *content_type,
                          const char *body)
{
  g_hash_table_insert (self->sticky, g_strconcat (method, " ", path, NULL),
                       canned_new (status, content_type, body));
}

void
fake_engine_set_held_stream (FakeEngine *self,
                             const char *path,
                             const char *first,
                             const char *rest)
{
  g_free (self->held_path);
  g_free (self->held_first);
  g_free (self->held_rest);
  self->held_path = g_strdup (path);
  self->held_first = g_strdup (first);
  self->held_rest = g_strdup (rest);
  self->held_started = FALSE;
}

void
fake_engine_release_stream (FakeEngine *self)
{
  SoupMessageBody *body;

  if (self->held_msg == NULL)
    return;

  body = soup_server_message_get_response_body (self->held_msg);
  soup_message_body_append (body, SOUP_MEMORY_COPY, self->held_rest, strlen (self->held_rest));
  soup_message_body_complete (body);
  soup_server_message_unpause (self->held_msg);
  g_signal_handlers_disconnect_by_data (self->held_msg, self);
  g_clear_object (&self->held_msg);
}

gboolean
fake_engine_stream_started (FakeEngine *self)
{
  return self->held_started;
}

/* A paused response does not read from its socket, so libsoup would not
 * notice the client going away; the socket becoming readable (EOF) is
 * the sign, as an HTTP/1.1 client sends nothing while it waits. */
gboolean
fake_engine_stream_disconnected (FakeEngine *self)
{
  GSocket *socket;

  if (self->held_disconnected)
    return TRUE;
  if (self->held_msg == NULL)
    return FALSE;

  socket = soup_server_message_get_socket (self->held_msg);
  return socket != NULL &&
         g_socket_condition_check (socket, G_IO_IN | G_IO_HUP | G_IO_ERR) != 0;
}

GPtrArray *
fake_engine_get_requests (FakeEngine *self)
{
  return self->requests;
}

FakeRequest *
fake_engine_find_request (FakeEngine *self,
                          const char *method,
                          const char *path)
{
  for (guint i = self->requests->len; i > 0; i--)
    {
      FakeRequest *request = g_ptr_array_index (self->requests, i - 1);

      if (g_str_equal (request->method, method) && g_str_equal (request->path, path))
        return request;
    }

  return NULL;
}

guint
fake_engine_count_requests (FakeEngine *self,
                            const char *method,
                            const char *path)
{
  guint count = 0;

  for (guint i = 0; i < self->requests->len; i++)
    {
      FakeRequest *request = g_ptr_array_index (self->requests, i);

      if (g_str_equal (request->method, method) && g_str_equal (request->path, path))
        count++;
    }

  return count;
}

void
fake_engine_clear_requests (FakeEngine *self)
{
  g_ptr_array_set_size (self->requests, 0);
}

void
fake_async_result_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  GAsyncResult **out = user_data;

  g_assert_null (*out);
  *out = g_object_ref (result);
}

GAsyncResult *
fake_wait_for_result (GAsyncResult **result)
{
  while (*result == NULL)
    g_main_context_iteration (NULL, TRUE);

  return *result;
}

static gboolean
wake_up (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

/* Also polls: some conditions (a socket state) wake no main loop. */
void
fake_iterate_until (gboolean (*done) (gpointer data),
                    gpointer   data)
{
  guint id = g_timeout_add (10, wake_up, NULL);

  while (!done (data))
    g_main_context_iteration (NULL, TRUE);

  g_source_remove (id);
}

char *
fake_vm_collection_json (guint    first,
                         guint    n,
                         gboolean open,
                         gboolean close)
{
  GString *json = g_string_new (open ? "{\n  \"vm\" : [ " : "");

  for (guint i = first; i < first + n; i++)
    {
      if (!(open && i == first))
        g_string_append (json, ", ");

      g_string_append_printf (json,
        "{\n"
        "    \"actions\" : {\n"
        "      \"link\" : [ {\n"
        "        \"href\" : \"/ovirt-engine/api/vms/vm-%u/start\",\n"
        "        \"rel\" : \"start\"\n"
        "      }, {\n"
        "        \"href\" : \"/ovirt-engine/api/vms/vm-%u/stop\",\n"
        "        \"rel\" : \"stop\"\n"
        "      } ]\n"
        "    },\n"
        "    \"name\" : \"vm-%u\",\n"
        "    \"description\" : \"\",\n"
        "    \"memory\" : \"1073741824\",\n"
        "    \"memory_policy\" : {\n"
        "      \"guaranteed\" : \"536870912\",\n"
        "      \"max\" : \"4294967296\",\n"
        "      \"ballooning\" : \"true\"\n"
        "    },\n"
        "    \"status\" : \"down\",\n"
        "    \"type\" : \"server\",\n"
        "    \"cluster\" : {\n"
        "      \"href\" : \"/ovirt-engine/api/clusters/cluster-1\",\n"
        "      \"id\" : \"cluster-1\"\n"
        "    },\n"
        "    \"link\" : [ {\n"
        "      \"href\" : \"/ovirt-engine/api/vms/vm-%u/permissions\",\n"
        "      \"rel\" : \"permissions\"\n"
        "    } ],\n"
        "    \"href\" : \"/ovirt-engine/api/vms/vm-%u\",\n"
        "    \"id\" : \"vm-%u\"\n"
        "  }",
        i, i, i, i, i, i);
    }

  if (close)
    g_string_append (json, " ]\n}\n");

  return g_string_free (json, FALSE);
}

char *
fake_request_body_text (FakeRequest *request)
{
  gsize size;
  const char *data = g_bytes_get_data (request->body, &size);

  return g_strndup (data, size);
}

void
fake_fixture_open (FakeFixture     *fixture,
                   GTlsCertificate *certificate)
{
  g_autoptr(GError) error = NULL;

  fixture->fake = fake_engine_new (certificate);
  fixture->engine = aero_engine_new (fake_engine_get_base_url (fixture->fake), &error);
  g_assert_no_error (error);
}

void
fake_fixture_set_up (FakeFixture   *fixture,
                     gconstpointer  data)
{
  fake_fixture_open (fixture, NULL);
}

void
fake_fixture_set_up_logged_in (FakeFixture   *fixture,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fake_fixture_set_up (fixture, data);
  g_assert_true (fake_fixture_login (fixture, FAKE_PASSWORD, &error));
  g_assert_no_error (error);
  fake_engine_clear_requests (fixture->fake);
}

void
fake_fixture_tear_down (FakeFixture   *fixture,
                        gconstpointer  data)
{
  g_assert_finalize_object (fixture->engine);
  fake_engine_free (fixture->fake);
}

gboolean
fake_fixture_login (FakeFixture  *fixture,
                    const char   *password,
                    GError      **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  aero_engine_login_async (fixture->engine, FAKE_USER, password, NULL,
                           fake_async_result_cb, &result);
  return aero_engine_login_finish (fixture->engine, fake_wait_for_result (&result), error);
}
