/* aero-demo-engine.c - an oVirt engine emulator on SoupServer
 *
 * This file holds the object and the server thread; the answers are in
 * aero-demo-engine-respond.c, the SSO in aero-demo-engine-auth.c and the
 * resources in aero-demo-engine-vms.c and aero-demo-engine-api.c.
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

#include "aero-demo-engine.h"
#include "aero-demo-engine-private.h"

G_DEFINE_FINAL_TYPE (AeroDemoEngine, aero_demo_engine, G_TYPE_OBJECT)

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
