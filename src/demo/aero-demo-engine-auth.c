/* aero-demo-engine-auth.c - the demo engine's SSO: tokens, logout, and
 * the bearer or basic authentication of every API request
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "aero-demo-engine-private.h"
#include "aero-demo-seed.h"

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

void
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

void
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
char *
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
