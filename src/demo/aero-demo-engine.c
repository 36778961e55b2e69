/* aero-demo-engine.c - an oVirt engine emulator on SoupServer
 *
 * The server runs in its own thread and main context; the store lives
 * there too, so handlers need no locks. Collections of VMs are written as
 * a chunked stream, a batch of VMs per chunk, each batch generated when
 * the previous one has gone out: a 10,000 VM answer never exists in
 * memory as a whole.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <libsoup/soup.h>

#include "aero-demo-engine.h"
#include "aero-demo-render.h"
#include "aero-demo-seed.h"
#include "aero-demo-store.h"

#define API_PATH "/ovirt-engine/api"
#define SSO_TOKEN_PATH "/ovirt-engine/sso/oauth/token"
#define SSO_LOGOUT_PATH "/ovirt-engine/services/sso-logout"
#define ADMIN_USER "admin@internal"
#define DEMO_PASSWORD "demo"
#define DEFAULT_TOKEN_LIFETIME 1800
/* About eight VMs per chunk. */
#define STREAM_CHUNK_SIZE (64 * 1024)

struct _AeroDemoEngine
{
  GObject        parent_instance;

  AeroDemoStore *store;
  guint          token_lifetime;

  /* Server thread. */
  GThread       *thread;
  GMainContext  *context;
  GMainLoop     *loop;
  SoupServer    *server;
  GHashTable    *tokens;      /* token -> Token */

  /* Start-up handshake. */
  GMutex         lock;
  GCond          cond;
  gboolean       ready;
  GError        *start_error;

  char          *address;
  guint          port;
  char          *api_url;
};

G_DEFINE_FINAL_TYPE (AeroDemoEngine, aero_demo_engine, G_TYPE_OBJECT)

typedef struct
{
  char   *user;
  gint64  expires_us;   /* real time */
} Token;

static void
token_free (gpointer data)
{
  Token *token = data;

  g_free (token->user);
  g_free (token);
}

static void
aero_demo_engine_finalize (GObject *object)
{
  AeroDemoEngine *self = AERO_DEMO_ENGINE (object);

  aero_demo_engine_stop (self);
  g_clear_object (&self->store);
  g_clear_pointer (&self->tokens, g_hash_table_unref);
  g_clear_error (&self->start_error);
  g_clear_pointer (&self->address, g_free);
  g_clear_pointer (&self->api_url, g_free);
  g_mutex_clear (&self->lock);
  g_cond_clear (&self->cond);

  G_OBJECT_CLASS (aero_demo_engine_parent_class)->finalize (object);
}

static void
aero_demo_engine_class_init (AeroDemoEngineClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = aero_demo_engine_finalize;
}

static void
aero_demo_engine_init (AeroDemoEngine *self)
{
  self->token_lifetime = DEFAULT_TOKEN_LIFETIME;
  self->tokens = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, token_free);
  g_mutex_init (&self->lock);
  g_cond_init (&self->cond);
}

AeroDemoEngine *
aero_demo_engine_new (guint n_vms,
                      guint seed)
{
  AeroDemoEngine *self = g_object_new (AERO_TYPE_DEMO_ENGINE, NULL);
  const char *version = g_getenv ("AERO_DEMO_ENGINE_VERSION");
  g_autoptr(GError) error = NULL;

  self->store = aero_demo_store_new (n_vms, seed);
  /* The test suites run once per release with this variable set. */
  if (version != NULL && *version != '\0'
      && !aero_demo_engine_set_engine_version (self, version, &error))
    g_critical ("AERO_DEMO_ENGINE_VERSION: %s", error->message);
  return self;
}

gboolean
aero_demo_engine_set_engine_version (AeroDemoEngine  *self,
                                     const char      *version,
                                     GError         **error)
{
  AeroDemoVersion parsed;

  g_return_val_if_fail (AERO_IS_DEMO_ENGINE (self), FALSE);
  g_return_val_if_fail (self->thread == NULL, FALSE);

  if (!aero_demo_version_parse (version, &parsed, error))
    return FALSE;
  aero_demo_store_set_version (self->store, &parsed);
  return TRUE;
}

gboolean
aero_demo_engine_set_state_file (AeroDemoEngine  *self,
                                 const char      *path,
                                 GError         **error)
{
  g_return_val_if_fail (AERO_IS_DEMO_ENGINE (self), FALSE);
  g_return_val_if_fail (self->thread == NULL, FALSE);

  return aero_demo_store_set_state_file (self->store, path, error);
}

void
aero_demo_engine_set_token_lifetime (AeroDemoEngine *self,
                                     guint           seconds)
{
  g_return_if_fail (AERO_IS_DEMO_ENGINE (self));
  /* Atomic: a test may shorten it while the server thread reads it. */
  g_atomic_int_set (&self->token_lifetime, seconds);
}

void
aero_demo_engine_set_frozen (AeroDemoEngine *self,
                             gboolean        frozen)
{
  g_return_if_fail (AERO_IS_DEMO_ENGINE (self));
  g_return_if_fail (self->thread == NULL);
  aero_demo_store_set_frozen (self->store, frozen);
}

void
aero_demo_engine_set_shutdown_delay (AeroDemoEngine *self,
                                     guint           milliseconds)
{
  g_return_if_fail (AERO_IS_DEMO_ENGINE (self));
  g_return_if_fail (self->thread == NULL);
  aero_demo_store_set_shutdown_delay (self->store, milliseconds);
}

const char *
aero_demo_engine_get_api_url (AeroDemoEngine *self)
{
  g_return_val_if_fail (AERO_IS_DEMO_ENGINE (self), NULL);
  return self->api_url;
}

guint
aero_demo_engine_get_port (AeroDemoEngine *self)
{
  g_return_val_if_fail (AERO_IS_DEMO_ENGINE (self), 0);
  return self->port;
}

/* ---- responses ---- */

static void
respond_take (SoupServerMessage *msg,
              guint              status,
              const char        *content_type,
              GString           *body)
{
  gsize len = body->len;

  soup_server_message_set_status (msg, status, NULL);
  soup_server_message_set_response (msg, content_type, SOUP_MEMORY_TAKE,
                                    g_string_free (body, FALSE), len);
}

static void
respond_fault_literal (SoupServerMessage *msg,
                       guint              status,
                       const char        *reason,
                       const char        *detail)
{
  GString *out = g_string_new (NULL);
  AeroDemoWriter w;

  aero_demo_writer_init (&w, out);
  aero_demo_writer_begin_object (&w, NULL);
  aero_demo_writer_string (&w, "detail", detail);
  aero_demo_writer_string (&w, "reason", reason);
  aero_demo_writer_end_object (&w);
  respond_take (msg, status, "application/json", out);
}

static const char *
fault_reason (const GError *error)
{
  return error->domain == AERO_DEMO_FAULT_INCOMPLETE ? "Incomplete parameters" : "Operation Failed";
}

static guint
fault_status (const GError *error)
{
  if (error->domain == AERO_DEMO_FAULT || error->domain == AERO_DEMO_FAULT_INCOMPLETE)
    return error->code;
  return 400;
}

/* CRUD failures: a bare fault. */
static void
respond_fault (SoupServerMessage *msg,
               const GError      *error)
{
  respond_fault_literal (msg, fault_status (error), fault_reason (error), error->message);
}

/* Failed actions: the action, with status "failed" and the fault. */
static void
respond_action_fault (SoupServerMessage *msg,
                      const GError      *error)
{
  GString *out = g_string_new (NULL);
  AeroDemoWriter w;

  aero_demo_writer_init (&w, out);
  aero_demo_writer_begin_object (&w, NULL);
  aero_demo_writer_begin_object (&w, "fault");
  aero_demo_writer_string (&w, "detail", error->message);
  aero_demo_writer_string (&w, "reason", fault_reason (error));
  aero_demo_writer_end_object (&w);
  aero_demo_writer_string (&w, "status", "failed");
  aero_demo_writer_end_object (&w);
  respond_take (msg, fault_status (error), "application/json", out);
}

static void
respond_not_found (SoupServerMessage *msg,
                   const char        *id)
{
  g_autofree char *detail = g_strdup_printf ("Entity not found: %s", id != NULL ? id : "");

  respond_fault_literal (msg, 404, "Operation Failed", detail);
}

static void
respond_forbidden (SoupServerMessage *msg)
{
  respond_fault_literal (msg, 403, "Operation Failed", "[User is not authorized to perform this action.]");
}

/* The application server answers unauthenticated API calls with HTML. */
static void
respond_unauthorized (SoupServerMessage *msg)
{
  static const char body[] =
    "<html><head><title>Error</title></head><body>Unauthorized</body></html>";

  soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                "WWW-Authenticate", "Basic realm=\"RESTAPI\"");
  soup_server_message_set_status (msg, 401, NULL);
  soup_server_message_set_response (msg, "text/html;charset=UTF-8", SOUP_MEMORY_STATIC,
                                    body, strlen (body));
}

static void
respond_sso_error (SoupServerMessage *msg,
                   const char        *code,
                   const char        *message)
{
  GString *out = g_string_new (NULL);
  AeroDemoWriter w;

  aero_demo_writer_init (&w, out);
  aero_demo_writer_begin_object (&w, NULL);
  aero_demo_writer_string (&w, "error_code", code);
  aero_demo_writer_string (&w, "error", message);
  aero_demo_writer_end_object (&w);
  respond_take (msg, 400, "application/json", out);
}

/* ---- authentication ---- */

static gboolean
check_password (const char *user,
                const char *password)
{
  return (g_strcmp0 (user, ADMIN_USER) == 0 || g_strcmp0 (user, AERO_DEMO_USER) == 0)
         && g_strcmp0 (password, DEMO_PASSWORD) == 0;
}

static GHashTable *
read_form (SoupServerMessage *msg)
{
  SoupMessageBody *body = soup_server_message_get_request_body (msg);
  g_autoptr(GBytes) bytes = soup_message_body_flatten (body);
  g_autofree char *text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

  return soup_form_decode (text);
}

static void
handle_sso_token (AeroDemoEngine    *self,
                  SoupServerMessage *msg,
                  GHashTable        *query)
{
  const char *accept = soup_message_headers_get_one (soup_server_message_get_request_headers (msg), "Accept");
  g_autoptr(GHashTable) form = NULL;
  const char *grant_type, *user, *password, *scope;
  g_autofree char *token = NULL;
  Token *entry;
  GString *out;
  AeroDemoWriter w;
  gint64 exp_ms;

  /* The SSO service refuses anything but exactly this Accept value. */
  if (g_strcmp0 (accept, "application/json") != 0)
    {
      respond_sso_error (msg, "invalid_request", "Missing parameter: 'Accept Header'");
      return;
    }
  if (soup_server_message_get_method (msg) != SOUP_METHOD_POST)
    {
      soup_server_message_set_status (msg, 405, NULL);
      return;
    }
  form = read_form (msg);
  grant_type = g_hash_table_lookup (form, "grant_type");
  user = g_hash_table_lookup (form, "username");
  password = g_hash_table_lookup (form, "password");
  scope = g_hash_table_lookup (form, "scope");
  if (grant_type == NULL)
    {
      respond_sso_error (msg, "invalid_request", "Missing parameter: 'grant_type'");
      return;
    }
  if (!g_str_equal (grant_type, "password"))
    {
      respond_sso_error (msg, "unsupported_grant_type", "The authorization grant type is not supported.");
      return;
    }
  if (user == NULL || password == NULL)
    {
      respond_sso_error (msg, "invalid_request",
                         user == NULL ? "Missing parameter: 'username'" : "Missing parameter: 'password'");
      return;
    }
  if (!check_password (user, password))
    {
      g_autofree char *message =
        g_strdup_printf ("Cannot authenticate user '%s': The username or password is incorrect..", user);

      respond_sso_error (msg, "access_denied", message);
      return;
    }

  token = g_uuid_string_random ();
  g_strdelimit (token, "-", 'x');
  entry = g_new0 (Token, 1);
  entry->user = g_strdup (user);
  entry->expires_us = g_get_real_time ()
                      + (gint64) (guint) g_atomic_int_get (&self->token_lifetime) * G_USEC_PER_SEC;
  g_hash_table_replace (self->tokens, g_strdup (token), entry);
  exp_ms = entry->expires_us / 1000;

  out = g_string_new (NULL);
  aero_demo_writer_init (&w, out);
  aero_demo_writer_begin_object (&w, NULL);
  aero_demo_writer_string (&w, "access_token", token);
  aero_demo_writer_string (&w, "scope", scope != NULL ? scope : "ovirt-app-api");
  aero_demo_writer_int (&w, "exp", exp_ms);
  aero_demo_writer_string (&w, "token_type", "bearer");
  aero_demo_writer_end_object (&w);
  respond_take (msg, 200, "application/json", out);
}

static void
handle_sso_logout (AeroDemoEngine    *self,
                   SoupServerMessage *msg)
{
  g_autoptr(GHashTable) form = read_form (msg);
  const char *token = g_hash_table_lookup (form, "token");

  if (token != NULL)
    g_hash_table_remove (self->tokens, token);
  respond_take (msg, 200, "application/json", g_string_new ("{}"));
}

/* Returns the authenticated user, or NULL. */
static char *
authenticate (AeroDemoEngine    *self,
              SoupServerMessage *msg)
{
  const char *header = soup_message_headers_get_one (soup_server_message_get_request_headers (msg),
                                                     "Authorization");

  if (header == NULL)
    return NULL;
  if (g_ascii_strncasecmp (header, "Bearer ", 7) == 0)
    {
      Token *token = g_hash_table_lookup (self->tokens, header + 7);

      if (token == NULL)
        return NULL;
      if (g_get_real_time () >= token->expires_us)
        {
          g_hash_table_remove (self->tokens, header + 7);
          return NULL;
        }
      return g_strdup (token->user);
    }
  if (g_ascii_strncasecmp (header, "Basic ", 6) == 0)
    {
      gsize len = 0;
      g_autofree guchar *decoded = g_base64_decode (header + 6, &len);
      g_autofree char *text = g_strndup ((const char *) decoded, len);
      char *colon = strrchr (text, ':');

      if (colon == NULL)
        return NULL;
      *colon = '\0';
      if (check_password (text, colon + 1))
        return g_strdup (text);
    }
  return NULL;
}

/* ---- request helpers ---- */

static gboolean
truthy (const char *value)
{
  return value != NULL && (g_ascii_strcasecmp (value, "true") == 0 || g_str_equal (value, "1")
                           || *value == '\0');
}

static JsonObject *
read_json_body (SoupServerMessage  *msg,
                JsonParser         *parser,
                gboolean            required)
{
  SoupMessageBody *body = soup_server_message_get_request_body (msg);
  g_autoptr(GBytes) bytes = soup_message_body_flatten (body);
  g_autoptr(GError) error = NULL;
  JsonNode *root;

  if (g_bytes_get_size (bytes) == 0)
    {
      if (required)
        respond_fault_literal (msg, 400, "Operation Failed", "Request syntactically incorrect.");
      return NULL;
    }
  if (!json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error)
      || !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      respond_fault_literal (msg, 400, "Operation Failed", "Request syntactically incorrect.");
      return NULL;
    }
  root = json_parser_get_root (parser);
  return json_node_get_object (root);
}

static void
respond_object (SoupServerMessage *msg,
                guint              status,
                GString           *out)
{
  g_string_append_c (out, '\n');
  respond_take (msg, status, "application/json", out);
}

static guint
vm_flags (AeroDemoEngine    *self,
          SoupServerMessage *msg,
          GHashTable        *query,
          gboolean           single)
{
  const char *all = query != NULL ? g_hash_table_lookup (query, "all_content") : NULL;
  const char *header = soup_message_headers_get_one (soup_server_message_get_request_headers (msg),
                                                     "All-Content");
  const char *follow = query != NULL ? g_hash_table_lookup (query, "follow") : NULL;
  const AeroDemoVersion *version = aero_demo_store_get_version (self->store);
  guint flags = 0;

  /* A single object always says whether it balloons; a list from 4.4.6.5,
   * where the balloon is a VM field (VmBaseMapper), or when populated. */
  if (single || aero_demo_version_balloon_is_field (version))
    flags |= AERO_DEMO_RENDER_BALLOONING;
  /* BackendResource.isPopulate reads the All-Content header, and the
   * all_content query parameter only from 4.4.3.8. */
  if ((all != NULL && g_ascii_strcasecmp (all, "true") == 0
       && aero_demo_version_reads_all_content_query (version))
      || (header != NULL && g_ascii_strcasecmp (header, "true") == 0))
    flags |= AERO_DEMO_RENDER_BALLOONING | AERO_DEMO_RENDER_ALL_CONTENT;
  if (follow != NULL)
    {
      g_auto(GStrv) parts = g_strsplit (follow, ",", -1);

      for (guint i = 0; parts[i] != NULL; i++)
        {
          g_strstrip (parts[i]);
          if (g_str_equal (parts[i], "cluster"))
            flags |= AERO_DEMO_RENDER_FOLLOW_CLUSTER;
          else if (g_str_equal (parts[i], "template"))
            flags |= AERO_DEMO_RENDER_FOLLOW_TEMPLATE;
          else if (g_str_equal (parts[i], "statistics"))
            flags |= AERO_DEMO_RENDER_FOLLOW_STATISTICS;
        }
    }
  return flags;
}

/* "max" caps a collection; a malformed value is the engine's 400. */
static gboolean
read_max (SoupServerMessage *msg,
          GHashTable        *query,
          gint64            *max)
{
  const char *value = query != NULL ? g_hash_table_lookup (query, "max") : NULL;
  gint64 v;

  *max = -1;
  if (value == NULL)
    return TRUE;
  if (!g_ascii_string_to_signed (value, 10, -1, G_MAXINT, &v, NULL))
    {
      g_autofree char *detail = g_strdup_printf ("Value '%s' of parameter 'max' isn't a valid number", value);

      respond_fault_literal (msg, 400, "Invalid value", detail);
      return FALSE;
    }
  *max = v;
  return TRUE;
}

/* ---- streamed VM collections ---- */

typedef struct
{
  AeroDemoStore  *store;
  GPtrArray      *ids;
  guint           next;
  guint           flags;
  AeroDemoWriter  w;
  gboolean        done;
} VmStream;

static void
vm_stream_free (gpointer data)
{
  VmStream *stream = data;

  g_ptr_array_unref (stream->ids);
  g_object_unref (stream->store);
  g_free (stream);
}

/* Appends the next batch of VMs (or the end of the document) to the
 * response body. */
static void
vm_stream_fill (SoupServerMessage *msg,
                VmStream          *stream)
{
  SoupMessageBody *body = soup_server_message_get_response_body (msg);
  GString *out;
  gsize len;

  if (stream->done)
    return;
  out = g_string_sized_new (STREAM_CHUNK_SIZE + 16 * 1024);
  stream->w.out = out;
  while (stream->next < stream->ids->len && out->len < STREAM_CHUNK_SIZE)
    {
      const char *id = g_ptr_array_index (stream->ids, stream->next++);
      AeroDemoVm *vm = aero_demo_store_find_vm (stream->store, id);

      /* A VM removed while the list is being written is left out. */
      if (vm != NULL)
        aero_demo_render_vm (&stream->w, stream->store, vm, stream->flags);
    }
  if (stream->next >= stream->ids->len)
    {
      aero_demo_writer_end_array (&stream->w);
      aero_demo_writer_end_object (&stream->w);
      g_string_append_c (out, '\n');
      stream->done = TRUE;
    }
  len = out->len;
  soup_message_body_append_take (body, (guchar *) g_string_free (out, FALSE), len);
  if (stream->done)
    soup_message_body_complete (body);
}

static void
on_vm_stream_wrote_chunk (SoupServerMessage *msg,
                          gpointer           user_data)
{
  vm_stream_fill (msg, user_data);
}

static void
respond_vm_stream (AeroDemoEngine    *self,
                   SoupServerMessage *msg,
                   GPtrArray         *vms,
                   guint              flags)
{
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);
  VmStream *stream;

  if (vms->len == 0)
    {
      respond_take (msg, 200, "application/json", g_string_new ("{}\n"));
      return;
    }

  stream = g_new0 (VmStream, 1);
  /* The store, not the engine: the last reference to the engine must not
   * be dropped in the server thread. */
  stream->store = g_object_ref (self->store);
  stream->flags = flags;
  stream->ids = g_ptr_array_new_full (vms->len, g_free);
  for (guint i = 0; i < vms->len; i++)
    g_ptr_array_add (stream->ids, g_strdup (((AeroDemoVm *) g_ptr_array_index (vms, i))->id));

  soup_server_message_set_status (msg, 200, NULL);
  soup_message_headers_set_content_type (headers, "application/json", NULL);
  soup_message_headers_set_encoding (headers, SOUP_ENCODING_CHUNKED);
  soup_message_body_set_accumulate (soup_server_message_get_response_body (msg), FALSE);

  aero_demo_writer_init (&stream->w, NULL);
  stream->w.out = g_string_new (NULL);
  aero_demo_writer_begin_object (&stream->w, NULL);
  aero_demo_writer_begin_array (&stream->w, "vm");
  {
    gsize len = stream->w.out->len;

    soup_message_body_append_take (soup_server_message_get_response_body (msg),
                                   (guchar *) g_string_free (stream->w.out, FALSE), len);
  }
  stream->w.out = NULL;

  g_signal_connect (msg, "wrote-chunk", G_CALLBACK (on_vm_stream_wrote_chunk), stream);
  g_object_set_data_full (G_OBJECT (msg), "aero-demo-vm-stream", stream, vm_stream_free);
}

/* ---- resources ---- */

static gboolean
is_filtered (const char *user)
{
  return g_strcmp0 (user, ADMIN_USER) != 0;
}

static void
get_vms (AeroDemoEngine    *self,
         SoupServerMessage *msg,
         GHashTable        *query,
         const char        *owner)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) vms = NULL;
  gint64 max;

  if (!read_max (msg, query, &max))
    return;
  vms = aero_demo_store_search_vms (self->store, query != NULL ? g_hash_table_lookup (query, "search") : NULL,
                                    owner, &error);
  if (vms == NULL)
    {
      respond_fault (msg, error);
      return;
    }
  if (max >= 0 && vms->len > max)
    g_ptr_array_set_size (vms, max);
  respond_vm_stream (self, msg, vms, vm_flags (self, msg, query, FALSE));
}

static void
respond_vm (AeroDemoEngine    *self,
            SoupServerMessage *msg,
            guint              status,
            AeroDemoVm        *vm,
            guint              flags)
{
  GString *out = g_string_new (NULL);
  AeroDemoWriter w;

  aero_demo_writer_init (&w, out);
  aero_demo_render_vm (&w, self->store, vm, flags | AERO_DEMO_RENDER_BALLOONING);
  respond_object (msg, status, out);
}

static void
respond_action_complete (SoupServerMessage *msg,
                         AeroDemoVm        *vm)
{
  GString *out = g_string_new (NULL);
  AeroDemoWriter w;

  aero_demo_writer_init (&w, out);
  aero_demo_writer_begin_object (&w, NULL);
  aero_demo_writer_string (&w, "status", "complete");
  aero_demo_writer_ref (&w, "vm", "vms", vm->id);
  aero_demo_writer_end_object (&w);
  respond_object (msg, 200, out);
}

static void
vm_action (AeroDemoEngine    *self,
           SoupServerMessage *msg,
           AeroDemoVm        *vm,
           const char        *action)
{
  static const char *const actions[] = { "start", "stop", "shutdown", "suspend", "reboot", NULL };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *body;
  gboolean ok;

  if (!g_strv_contains (actions, action))
    {
      respond_not_found (msg, action);
      return;
    }
  if (soup_server_message_get_method (msg) != SOUP_METHOD_POST)
    {
      soup_server_message_set_status (msg, 405, NULL);
      return;
    }
  body = read_json_body (msg, parser, FALSE);
  if (body == NULL && soup_server_message_get_status (msg) != 0)
    return;

  if (g_str_equal (action, "start"))
    ok = aero_demo_store_start_vm (self->store, vm, body, &error);
  else if (g_str_equal (action, "stop"))
    ok = aero_demo_store_stop_vm (self->store, vm, &error);
  else if (g_str_equal (action, "shutdown"))
    ok = aero_demo_store_shutdown_vm (self->store, vm, &error);
  else if (g_str_equal (action, "suspend"))
    ok = aero_demo_store_suspend_vm (self->store, vm, &error);
  else
    ok = aero_demo_store_reboot_vm (self->store, vm, &error);
  if (ok)
    respond_action_complete (msg, vm);
  else
    respond_action_fault (msg, error);
}

static void
respond_rendered_vm_view (AeroDemoEngine    *self,
                          SoupServerMessage *msg,
                          AeroDemoVm        *vm,
                          gboolean           statistics)
{
  GString *out = g_string_new (NULL);
  AeroDemoWriter w;

  aero_demo_writer_init (&w, out);
  if (statistics)
    aero_demo_render_statistics (&w, self->store, vm);
  else
    aero_demo_render_devices (&w, self->store, vm);
  respond_object (msg, 200, out);
}

static void
handle_vms (AeroDemoEngine    *self,
            SoupServerMessage *msg,
            GHashTable        *query,
            char             **segs,
            const char        *user)
{
  const char *method = soup_server_message_get_method (msg);
  const char *owner = is_filtered (user) ? user : NULL;
  g_autofree char *id = NULL;
  gboolean next_run = FALSE;
  AeroDemoVm *vm;

  if (segs[1] == NULL)
    {
      if (method == SOUP_METHOD_GET)
        get_vms (self, msg, query, owner);
      else if (method == SOUP_METHOD_POST)
        {
          g_autoptr(JsonParser) parser = json_parser_new ();
          g_autoptr(GError) error = NULL;
          JsonObject *body = read_json_body (msg, parser, TRUE);
          g_autofree char *location = NULL;

          if (body == NULL)
            return;
          vm = aero_demo_store_add_vm (self->store, body, owner, &error);
          if (vm == NULL)
            {
              respond_fault (msg, error);
              return;
            }
          /* An absolute URL, as the engine sends it. */
          location = g_strdup_printf ("%s/vms/%s", self->api_url, vm->id);
          soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Location", location);
          respond_vm (self, msg, 201, vm, 0);
        }
      else
        soup_server_message_set_status (msg, 405, NULL);
      return;
    }

  /* "ID;next_run" (a matrix parameter) or "?next_run=true". */
  {
    char *semi = strchr (segs[1], ';');

    id = g_strndup (segs[1], semi != NULL ? (gsize) (semi - segs[1]) : strlen (segs[1]));
    if (semi != NULL && g_str_has_prefix (semi + 1, "next_run"))
      {
        const char *eq = strchr (semi + 1, '=');

        next_run = eq == NULL || truthy (eq + 1);
      }
    if (query != NULL && g_hash_table_contains (query, "next_run"))
      next_run = truthy (g_hash_table_lookup (query, "next_run"));
  }

  vm = aero_demo_store_find_vm (self->store, id);
  /* A filtered user does not see what it does not own. */
  if (vm == NULL || (owner != NULL && g_strcmp0 (vm->owner, owner) != 0))
    {
      respond_not_found (msg, id);
      return;
    }

  if (segs[2] != NULL)
    {
      if (g_str_equal (segs[2], "statistics") || g_str_equal (segs[2], "devices"))
        {
          if (method != SOUP_METHOD_GET)
            soup_server_message_set_status (msg, 405, NULL);
          else
            respond_rendered_vm_view (self, msg, vm, g_str_equal (segs[2], "statistics"));
          return;
        }
      vm_action (self, msg, vm, segs[2]);
      return;
    }

  if (method == SOUP_METHOD_GET)
    respond_vm (self, msg, 200, vm, vm_flags (self, msg, query, TRUE) | (next_run ? AERO_DEMO_RENDER_NEXT_RUN : 0));
  else if (method == SOUP_METHOD_PUT)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(GError) error = NULL;
      JsonObject *body = read_json_body (msg, parser, TRUE);

      if (body == NULL)
        return;
      /* With next_run the engine answers with the next-run configuration. */
      if (!aero_demo_store_update_vm (self->store, vm, body, next_run, &error))
        respond_fault (msg, error);
      else
        respond_vm (self, msg, 200, vm, next_run ? AERO_DEMO_RENDER_NEXT_RUN : 0);
    }
  else if (method == SOUP_METHOD_DELETE)
    {
      g_autoptr(GError) error = NULL;

      if (!aero_demo_store_remove_vm (self->store, vm, &error))
        respond_fault (msg, error);
      else
        soup_server_message_set_status (msg, 200, NULL);
    }
  else
    soup_server_message_set_status (msg, 405, NULL);
}

/* The clusters and the templates are served alike: a list with search
 * and max, and one object to GET or (the admin only) PUT. What differs
 * is the store's collection and how an object is found, updated and
 * rendered. */
typedef struct
{
  const char  *element;      /* the list's member: "cluster" */
  GPtrArray *(*get_all) (AeroDemoStore *store);
  gpointer   (*find)    (AeroDemoStore *store,
                         const char    *id);
  gboolean   (*update)  (AeroDemoStore  *store,
                         gpointer        object,
                         JsonObject     *body,
                         GError        **error);
  void       (*render)  (AeroDemoWriter *w,
                         AeroDemoStore  *store,
                         gpointer        object,
                         guint           flags);
} NamedKind;

static gpointer
find_cluster (AeroDemoStore *store,
              const char    *id)
{
  return aero_demo_store_find_cluster (store, id);
}

static gboolean
update_cluster (AeroDemoStore  *store,
                gpointer        cluster,
                JsonObject     *body,
                GError        **error)
{
  return aero_demo_store_update_cluster (store, cluster, body, error);
}

/* A cluster has nothing that all_content or follow would add. */
static void
render_cluster (AeroDemoWriter *w,
                AeroDemoStore  *store,
                gpointer        cluster,
                guint           flags)
{
  aero_demo_render_cluster (w, store, cluster, NULL);
}

static gpointer
find_template (AeroDemoStore *store,
               const char    *id)
{
  return aero_demo_store_find_template (store, id);
}

static gboolean
update_template (AeroDemoStore  *store,
                 gpointer        tmpl,
                 JsonObject     *body,
                 GError        **error)
{
  return aero_demo_store_update_template (store, tmpl, body, error);
}

static void
render_template (AeroDemoWriter *w,
                 AeroDemoStore  *store,
                 gpointer        tmpl,
                 guint           flags)
{
  aero_demo_render_template (w, store, tmpl, flags, NULL);
}

static const NamedKind cluster_kind = {
  "cluster", aero_demo_store_get_clusters, find_cluster, update_cluster, render_cluster,
};

static const NamedKind template_kind = {
  "template", aero_demo_store_get_templates, find_template, update_template, render_template,
};

static void
handle_named (AeroDemoEngine    *self,
              SoupServerMessage *msg,
              GHashTable        *query,
              char             **segs,
              const char        *user,
              const NamedKind   *kind)
{
  const char *method = soup_server_message_get_method (msg);
  /* One object always says whether it balloons; a list only with
   * all_content. */
  guint flags = vm_flags (self, msg, query, segs[1] != NULL);
  GString *out = NULL;
  AeroDemoWriter w;
  gpointer object;

  if (segs[1] == NULL)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) found = NULL;
      gint64 max;

      if (method != SOUP_METHOD_GET)
        {
          soup_server_message_set_status (msg, 405, NULL);
          return;
        }
      if (!read_max (msg, query, &max))
        return;
      found = aero_demo_store_search_named (self->store, kind->get_all (self->store),
                                            query != NULL ? g_hash_table_lookup (query, "search") : NULL,
                                            &error);
      if (found == NULL)
        {
          respond_fault (msg, error);
          return;
        }
      if (max >= 0 && found->len > max)
        g_ptr_array_set_size (found, max);
      if (found->len == 0)
        {
          respond_take (msg, 200, "application/json", g_string_new ("{}\n"));
          return;
        }
      out = g_string_new (NULL);
      aero_demo_writer_init (&w, out);
      aero_demo_writer_begin_object (&w, NULL);
      aero_demo_writer_begin_array (&w, kind->element);
      for (guint i = 0; i < found->len; i++)
        kind->render (&w, self->store, g_ptr_array_index (found, i), flags);
      aero_demo_writer_end_array (&w);
      aero_demo_writer_end_object (&w);
      respond_object (msg, 200, out);
      return;
    }

  object = kind->find (self->store, segs[1]);
  if (object == NULL || segs[2] != NULL)
    {
      respond_not_found (msg, segs[1]);
      return;
    }
  if (method == SOUP_METHOD_PUT)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(GError) error = NULL;
      JsonObject *body;

      if (is_filtered (user))
        {
          respond_forbidden (msg);
          return;
        }
      body = read_json_body (msg, parser, TRUE);
      if (body == NULL)
        return;
      if (!kind->update (self->store, object, body, &error))
        {
          respond_fault (msg, error);
          return;
        }
    }
  else if (method != SOUP_METHOD_GET)
    {
      soup_server_message_set_status (msg, 405, NULL);
      return;
    }
  out = g_string_new (NULL);
  aero_demo_writer_init (&w, out);
  kind->render (&w, self->store, object, flags);
  respond_object (msg, 200, out);
}

static void
handle_datacenters (AeroDemoEngine    *self,
                    SoupServerMessage *msg,
                    char             **segs)
{
  GString *out = g_string_new (NULL);
  AeroDemoWriter w;

  if (segs[1] != NULL && !g_str_equal (segs[1], AERO_DEMO_DATA_CENTER_ID))
    {
      g_string_free (out, TRUE);
      respond_not_found (msg, segs[1]);
      return;
    }
  aero_demo_writer_init (&w, out);
  if (segs[1] == NULL)
    {
      aero_demo_writer_begin_object (&w, NULL);
      aero_demo_writer_begin_array (&w, "data_center");
    }
  aero_demo_render_data_center (&w, self->store);
  if (segs[1] == NULL)
    {
      aero_demo_writer_end_array (&w);
      aero_demo_writer_end_object (&w);
    }
  respond_object (msg, 200, out);
}

/* /hosts[?search=&max=&follow=statistics], /hosts/{id}[?follow=...] and
 * /hosts/{id}/statistics; hosts are only read. */
static void
handle_hosts (AeroDemoEngine    *self,
              SoupServerMessage *msg,
              GHashTable        *query,
              char             **segs)
{
  guint flags = vm_flags (self, msg, query, segs[1] != NULL);
  GString *out = NULL;
  AeroDemoWriter w;
  AeroDemoHost *host;

  if (soup_server_message_get_method (msg) != SOUP_METHOD_GET)
    {
      soup_server_message_set_status (msg, 405, NULL);
      return;
    }
  if (segs[1] == NULL)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) found = NULL;
      gint64 max;

      if (!read_max (msg, query, &max))
        return;
      found = aero_demo_store_search_hosts (self->store,
                                            query != NULL ? g_hash_table_lookup (query, "search") : NULL,
                                            &error);
      if (found == NULL)
        {
          respond_fault (msg, error);
          return;
        }
      if (max >= 0 && found->len > max)
        g_ptr_array_set_size (found, max);
      if (found->len == 0)
        {
          respond_take (msg, 200, "application/json", g_string_new ("{}\n"));
          return;
        }
      out = g_string_new (NULL);
      aero_demo_writer_init (&w, out);
      aero_demo_writer_begin_object (&w, NULL);
      aero_demo_writer_begin_array (&w, "host");
      aero_demo_store_begin_host_loads (self->store);
      for (guint i = 0; i < found->len; i++)
        aero_demo_render_host (&w, self->store, g_ptr_array_index (found, i), flags);
      aero_demo_store_end_host_loads (self->store);
      aero_demo_writer_end_array (&w);
      aero_demo_writer_end_object (&w);
      respond_object (msg, 200, out);
      return;
    }

  host = aero_demo_store_find_host (self->store, segs[1]);
  if (host == NULL || (segs[2] != NULL && (!g_str_equal (segs[2], "statistics") || segs[3] != NULL)))
    {
      respond_not_found (msg, segs[1]);
      return;
    }
  out = g_string_new (NULL);
  aero_demo_writer_init (&w, out);
  if (segs[2] != NULL)
    aero_demo_render_host_statistics (&w, self->store, host, NULL);
  else
    aero_demo_render_host (&w, self->store, host, flags);
  respond_object (msg, 200, out);
}

static void
handle_api (AeroDemoEngine    *self,
            SoupServerMessage *msg,
            const char        *path,
            GHashTable        *query)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  const char *version = soup_message_headers_get_one (headers, "Version");
  g_autofree char *user = authenticate (self, msg);
  g_auto(GStrv) segs = NULL;
  const char *rest = path + strlen (API_PATH);

  if (user == NULL)
    {
      respond_unauthorized (msg);
      return;
    }
  /* Version 3 of the API is gone since engine 4.3. */
  if (version != NULL && !g_str_equal (version, "4"))
    {
      g_autofree char *detail = g_strdup_printf ("Version \"%s\" isn't supported", version);

      respond_fault_literal (msg, 400, "Operation Failed", detail);
      return;
    }

  while (*rest == '/')
    rest++;
  if (*rest == '\0')
    {
      GString *out = g_string_new (NULL);
      AeroDemoWriter w;

      if (soup_server_message_get_method (msg) != SOUP_METHOD_GET)
        {
          g_string_free (out, TRUE);
          soup_server_message_set_status (msg, 405, NULL);
          return;
        }
      aero_demo_writer_init (&w, out);
      aero_demo_render_api (&w, self->store, is_filtered (user) ? user : NULL);
      respond_object (msg, 200, out);
      return;
    }

  segs = g_strsplit (rest, "/", 4);
  /* Trailing slashes leave empty segments: ignore them. */
  for (guint i = 0; segs[i] != NULL; i++)
    if (*segs[i] == '\0')
      {
        g_free (segs[i]);
        segs[i] = NULL;
        break;
      }

  if (g_str_equal (segs[0], "vms"))
    handle_vms (self, msg, query, segs, user);
  else if (g_str_equal (segs[0], "clusters"))
    handle_named (self, msg, query, segs, user, &cluster_kind);
  else if (g_str_equal (segs[0], "templates"))
    handle_named (self, msg, query, segs, user, &template_kind);
  else if (g_str_equal (segs[0], "datacenters"))
    handle_datacenters (self, msg, segs);
  else if (g_str_equal (segs[0], "hosts") && !is_filtered (user))
    handle_hosts (self, msg, query, segs);
  else
    respond_not_found (msg, segs[0]);
}

static void
handle_request (SoupServer        *server,
                SoupServerMessage *msg,
                const char        *path,
                GHashTable        *query,
                gpointer           user_data)
{
  AeroDemoEngine *self = user_data;

  if (g_str_equal (path, SSO_TOKEN_PATH))
    handle_sso_token (self, msg, query);
  else if (g_str_equal (path, SSO_LOGOUT_PATH))
    handle_sso_logout (self, msg);
  else if (g_str_equal (path, API_PATH) || g_str_has_prefix (path, API_PATH "/"))
    handle_api (self, msg, path, query);
  else
    soup_server_message_set_status (msg, 404, NULL);
}

/* ---- the server thread ---- */

static gpointer
server_thread (gpointer user_data)
{
  AeroDemoEngine *self = user_data;
  g_autoptr(GSocketAddress) address = NULL;
  g_autoptr(GError) error = NULL;
  GSList *uris;

  g_main_context_push_thread_default (self->context);

  self->server = soup_server_new ("server-header", "aerostat-demo-engine ", NULL);
  soup_server_add_handler (self->server, NULL, handle_request, self, NULL);
  address = g_inet_socket_address_new_from_string (self->address, self->port);
  if (!soup_server_listen (self->server, address, 0, &error))
    {
      g_mutex_lock (&self->lock);
      self->start_error = g_steal_pointer (&error);
      self->ready = TRUE;
      g_cond_signal (&self->cond);
      g_mutex_unlock (&self->lock);
      g_clear_object (&self->server);
      g_main_context_pop_thread_default (self->context);
      return NULL;
    }

  uris = soup_server_get_uris (self->server);
  g_mutex_lock (&self->lock);
  if (uris != NULL)
    self->port = g_uri_get_port (uris->data);
  g_free (self->api_url);
  /* IPv6 literals need brackets in a URL. */
  if (strchr (self->address, ':') != NULL)
    self->api_url = g_strdup_printf ("http://[%s]:%u" API_PATH, self->address, self->port);
  else
    self->api_url = g_strdup_printf ("http://%s:%u" API_PATH, self->address, self->port);
  self->ready = TRUE;
  g_cond_signal (&self->cond);
  g_mutex_unlock (&self->lock);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  g_main_loop_run (self->loop);

  soup_server_disconnect (self->server);
  g_clear_object (&self->server);
  /* Let finished connections release their messages. */
  while (g_main_context_iteration (self->context, FALSE))
    ;
  g_main_context_pop_thread_default (self->context);
  return NULL;
}

gboolean
aero_demo_engine_start (AeroDemoEngine  *self,
                        const char      *address,
                        guint            port,
                        GError         **error)
{
  g_autoptr(GInetAddress) inet = NULL;

  g_return_val_if_fail (AERO_IS_DEMO_ENGINE (self), FALSE);
  g_return_val_if_fail (self->thread == NULL, FALSE);

  if (address == NULL || g_ascii_strcasecmp (address, "localhost") == 0)
    address = "127.0.0.1";
  inet = g_inet_address_new_from_string (address);
  /* The demo engine has fixed passwords: never reachable from elsewhere. */
  if (inet == NULL || !g_inet_address_get_is_loopback (inet))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("The demo engine listens on loopback addresses only, not on “%s”"), address);
      return FALSE;
    }
  if (port > 65535)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, _("Invalid port %u"), port);
      return FALSE;
    }

  g_free (self->address);
  self->address = g_strdup (address);
  self->port = port;
  self->ready = FALSE;
  self->context = g_main_context_new ();
  self->loop = g_main_loop_new (self->context, FALSE);
  self->thread = g_thread_new ("aero-demo-engine", server_thread, self);

  g_mutex_lock (&self->lock);
  while (!self->ready)
    g_cond_wait (&self->cond, &self->lock);
  g_mutex_unlock (&self->lock);

  if (self->start_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&self->start_error));
      aero_demo_engine_stop (self);
      return FALSE;
    }
  return TRUE;
}

static gboolean
quit_loop (gpointer user_data)
{
  g_main_loop_quit (user_data);
  return G_SOURCE_REMOVE;
}

void
aero_demo_engine_stop (AeroDemoEngine *self)
{
  g_return_if_fail (AERO_IS_DEMO_ENGINE (self));

  if (self->thread == NULL)
    return;
  g_main_context_invoke (self->context, quit_loop, self->loop);
  g_thread_join (g_steal_pointer (&self->thread));
  g_clear_pointer (&self->loop, g_main_loop_unref);
  g_clear_pointer (&self->context, g_main_context_unref);
  g_hash_table_remove_all (self->tokens);
}
