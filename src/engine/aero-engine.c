/* aero-engine.c - the session object: addresses, TLS settings, state
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "aero-engine-private.h"
#include "aero-model-private.h"

#define AERO_ENGINE_DEFAULT_TIMEOUT 60

G_DEFINE_FINAL_TYPE (AeroEngine, aero_engine, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_BASE_URL,
  PROP_API_URL,
  PROP_USER,
  PROP_LOGGED_IN,
  PROP_PRODUCT_NAME,
  PROP_PRODUCT_VERSION,
  PROP_BLANK_TEMPLATE_ID,
  PROP_DEADLINE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
aero_engine_finalize (GObject *object)
{
  AeroEngine *self = AERO_ENGINE (object);

  g_clear_object (&self->session);
  g_clear_pointer (&self->reauth_waiting, g_ptr_array_unref);
  g_clear_pointer (&self->base_url, g_free);
  g_clear_pointer (&self->api_url, g_free);
  g_clear_pointer (&self->user, g_free);
  aero_engine_forget_credentials (self);
  g_clear_pointer (&self->product_name, g_free);
  g_clear_pointer (&self->product_version, g_free);
  g_clear_pointer (&self->blank_template_id, g_free);

  G_OBJECT_CLASS (aero_engine_parent_class)->finalize (object);
}

static void
aero_engine_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  AeroEngine *self = AERO_ENGINE (object);

  switch (prop_id)
    {
    case PROP_BASE_URL:
      g_value_set_string (value, self->base_url);
      break;

    case PROP_API_URL:
      g_value_set_string (value, self->api_url);
      break;

    case PROP_USER:
      g_value_set_string (value, self->user);
      break;

    case PROP_LOGGED_IN:
      g_value_set_boolean (value, self->logged_in);
      break;

    case PROP_PRODUCT_NAME:
      g_value_set_string (value, self->product_name);
      break;

    case PROP_PRODUCT_VERSION:
      g_value_set_string (value, self->product_version);
      break;

    case PROP_BLANK_TEMPLATE_ID:
      g_value_set_string (value, self->blank_template_id);
      break;

    case PROP_DEADLINE:
      g_value_set_uint (value, self->deadline);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
aero_engine_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  AeroEngine *self = AERO_ENGINE (object);

  switch (prop_id)
    {
    case PROP_DEADLINE:
      aero_engine_set_deadline (self, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
aero_engine_class_init (AeroEngineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = aero_engine_finalize;
  object_class->get_property = aero_engine_get_property;
  object_class->set_property = aero_engine_set_property;

  properties[PROP_BASE_URL] =
    g_param_spec_string ("base-url", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_API_URL] =
    g_param_spec_string ("api-url", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_USER] =
    g_param_spec_string ("user", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOGGED_IN] =
    g_param_spec_boolean ("logged-in", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PRODUCT_NAME] =
    g_param_spec_string ("product-name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PRODUCT_VERSION] =
    g_param_spec_string ("product-version", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BLANK_TEMPLATE_ID] =
    g_param_spec_string ("blank-template-id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Seconds from sending a request to the end of its answer. */
  properties[PROP_DEADLINE] =
    g_param_spec_uint ("deadline", NULL, NULL, 1, G_MAXUINT, AERO_ENGINE_DEFAULT_DEADLINE,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

/* A session as every request to an engine goes over. */
SoupSession *
aero_engine_new_session (void)
{
  SoupSession *session = g_object_new (SOUP_TYPE_SESSION,
                                       "user-agent", "Aerostat/" PACKAGE_VERSION,
                                       "timeout", AERO_ENGINE_DEFAULT_TIMEOUT,
                                       NULL);

  /* Credentials are sent explicitly on every request; the auth manager
   * would otherwise react to the engine's "WWW-Authenticate: Basic" on a
   * 401 and get in the way of the single re-login. */
  soup_session_remove_feature_by_type (session, SOUP_TYPE_AUTH_MANAGER);
  return session;
}

static void
aero_engine_init (AeroEngine *self)
{
  self->deadline = AERO_ENGINE_DEFAULT_DEADLINE;
  self->session = aero_engine_new_session ();
}

static gboolean
host_is_loopback (const char *host)
{
  g_autoptr(GInetAddress) address = NULL;

  if (g_ascii_strcasecmp (host, "localhost") == 0)
    return TRUE;

  address = g_inet_address_new_from_string (host);
  return address != NULL && g_inet_address_get_is_loopback (address);
}

/* Returns the base URL ("https://host[:port]/ovirt-engine") of whatever
 * form of address the admin typed. */
char *
aero_engine_normalise_address (const char  *address,
                               GError     **error)
{
  g_autofree char *trimmed = NULL;
  g_autofree char *with_scheme = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GUri) uri = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *scheme;
  const char *host;
  gsize len;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  trimmed = g_strstrip (g_strdup (address != NULL ? address : ""));
  if (*trimmed == '\0')
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("The engine address is empty"));
      return NULL;
    }

  if (strstr (trimmed, "://") == NULL)
    with_scheme = g_strconcat ("https://", trimmed, NULL);
  else
    with_scheme = g_strdup (trimmed);

  uri = g_uri_parse (with_scheme, G_URI_FLAGS_NONE, &local_error);
  if (uri == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("“%s” is not a valid engine address"), trimmed);
      return NULL;
    }

  scheme = g_uri_get_scheme (uri);
  host = g_uri_get_host (uri);
  if (host == NULL || *host == '\0')
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("“%s” is not a valid engine address"), trimmed);
      return NULL;
    }

  /* A password in the address would end up in logs and recent lists. */
  if (g_uri_get_userinfo (uri) != NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("The engine address must not contain a user name or password"));
      return NULL;
    }

  if (g_ascii_strcasecmp (scheme, "https") != 0)
    {
      if (g_ascii_strcasecmp (scheme, "http") != 0)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                       _("Unsupported address scheme “%s”: use https://"), scheme);
          return NULL;
        }
      /* Passwords and tokens must not cross a network in clear text; only
       * an engine on this machine (the demo engine) may use plain http. */
      if (!host_is_loopback (host))
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                               _("Plain http:// is only allowed to this computer; use https://"));
          return NULL;
        }
    }

  path = g_strdup (g_uri_get_path (uri));
  len = strlen (path);
  while (len > 0 && path[len - 1] == '/')
    path[--len] = '\0';
  if (g_str_has_suffix (path, "/api"))
    {
      len -= strlen ("/api");
      path[len] = '\0';
    }
  if (len == 0)
    aero_model_set_string (&path, "/ovirt-engine");

  return g_uri_join (G_URI_FLAGS_NONE,
                     g_ascii_strcasecmp (scheme, "https") == 0 ? "https" : "http",
                     NULL, host, g_uri_get_port (uri), path, NULL, NULL);
}

/**
 * aero_engine_new:
 * @address: "host", "host:port", "https://host/ovirt-engine" or
 *   "https://host/ovirt-engine/api"
 * @error: a G_IO_ERROR_INVALID_ARGUMENT for a malformed address or plain
 *   http:// to another machine
 */
AeroEngine *
aero_engine_new (const char  *address,
                 GError     **error)
{
  g_autofree char *base_url = NULL;
  AeroEngine *self;

  base_url = aero_engine_normalise_address (address, error);
  if (base_url == NULL)
    return NULL;

  self = g_object_new (AERO_TYPE_ENGINE, NULL);
  self->api_url = g_strconcat (base_url, "/api", NULL);
  self->base_url = g_steal_pointer (&base_url);

  return self;
}

const char *
aero_engine_get_base_url (AeroEngine *self)
{
  g_return_val_if_fail (AERO_IS_ENGINE (self), NULL);

  return self->base_url;
}

const char *
aero_engine_get_api_url (AeroEngine *self)
{
  g_return_val_if_fail (AERO_IS_ENGINE (self), NULL);

  return self->api_url;
}

/**
 * aero_engine_set_ca_file:
 *
 * Trusts the certificates in @path (PEM) for this engine, instead of the
 * system CAs. Nothing else in the process is affected.
 */
gboolean
aero_engine_set_ca_file (AeroEngine  *self,
                         const char  *path,
                         GError     **error)
{
  g_autoptr(GTlsDatabase) database = NULL;
  g_autoptr(GList) certificates = NULL;

  g_return_val_if_fail (AERO_IS_ENGINE (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  /* A file without a certificate would make every connection fail with a
   * confusing TLS error; say what is wrong instead. */
  certificates = g_tls_certificate_list_new_from_file (path, error);
  if (certificates == NULL)
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                     _("“%s” contains no certificate"), path);
      return FALSE;
    }
  g_list_foreach (certificates, (GFunc) g_object_unref, NULL);

  database = g_tls_file_database_new (path, error);
  if (database == NULL)
    return FALSE;

  soup_session_set_tls_database (self->session, database);
  return TRUE;
}

void
aero_engine_set_timeout (AeroEngine *self,
                         guint       seconds)
{
  g_return_if_fail (AERO_IS_ENGINE (self));

  soup_session_set_timeout (self->session, seconds);
}

const char *
aero_engine_get_user (AeroEngine *self)
{
  g_return_val_if_fail (AERO_IS_ENGINE (self), NULL);

  return self->user;
}

gboolean
aero_engine_get_logged_in (AeroEngine *self)
{
  g_return_val_if_fail (AERO_IS_ENGINE (self), FALSE);

  return self->logged_in;
}

const char *
aero_engine_get_product_name (AeroEngine *self)
{
  g_return_val_if_fail (AERO_IS_ENGINE (self), NULL);

  return self->product_name;
}

const char *
aero_engine_get_product_version (AeroEngine *self)
{
  g_return_val_if_fail (AERO_IS_ENGINE (self), NULL);

  return self->product_version;
}

const AeroEngineVersion *
aero_engine_get_engine_version (AeroEngine *self)
{
  g_return_val_if_fail (AERO_IS_ENGINE (self), NULL);

  return &self->engine_version;
}

const char *
aero_engine_get_blank_template_id (AeroEngine *self)
{
  g_return_val_if_fail (AERO_IS_ENGINE (self), NULL);

  return self->blank_template_id;
}

/* Every task of the engine reports cancellation itself, as
 * AERO_ENGINE_ERROR_CANCELLED: GTask's own check would turn it into a
 * G_IO_ERROR the callers do not expect. */
GTask *
aero_engine_new_task (AeroEngine          *self,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data,
                      gpointer             source_tag)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  g_task_set_check_cancellable (task, FALSE);
  return task;
}

gpointer
aero_engine_propagate_pointer (AeroEngine    *self,
                               GAsyncResult  *result,
                               gpointer       source_tag,
                               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

gboolean
aero_engine_propagate_boolean (AeroEngine    *self,
                               GAsyncResult  *result,
                               gpointer       source_tag,
                               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

char *
aero_engine_dup_api_uri (AeroEngine *self,
                         const char *path_and_query)
{
  return g_strconcat (self->api_url, path_and_query, NULL);
}

char *
aero_engine_dup_base_uri (AeroEngine *self,
                          const char *path_and_query)
{
  return g_strconcat (self->base_url, path_and_query, NULL);
}

void
aero_engine_set_token (AeroEngine *self,
                       const char *token,
                       gboolean    basic_auth)
{
  aero_model_set_string (&self->token, token);
  self->basic_auth = basic_auth;
}

void
aero_engine_set_logged_in (AeroEngine *self,
                           gboolean    logged_in)
{
  logged_in = !!logged_in;
  if (self->logged_in == logged_in)
    return;

  self->logged_in = logged_in;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOGGED_IN]);
}

void
aero_engine_set_user (AeroEngine *self,
                      const char *user)
{
  if (aero_model_set_string (&self->user, user))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_USER]);
}

void
aero_engine_set_product (AeroEngine *self,
                         const char *name,
                         const char *version,
                         const char *blank_template_id)
{
  if (aero_model_set_string (&self->product_name, name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PRODUCT_NAME]);
  if (aero_model_set_string (&self->product_version, version))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PRODUCT_VERSION]);
  /* An engine that does not say gets what is safe on every release. */
  aero_engine_version_parse (version, &self->engine_version);
  if (aero_model_set_string (&self->blank_template_id, blank_template_id))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BLANK_TEMPLATE_ID]);
}

/* Wipes the password before freeing it, so it does not linger in freed
 * heap memory longer than needed. */
void
aero_engine_forget_credentials (AeroEngine *self)
{
  if (self->password != NULL)
    {
      memset (self->password, 0, strlen (self->password));
      g_clear_pointer (&self->password, g_free);
    }
  g_clear_pointer (&self->auth_user, g_free);
  g_clear_pointer (&self->token, g_free);
  self->basic_auth = FALSE;
}

/* "AB:CD:..." over the DER bytes, as engines and browsers show it. */
char *
aero_engine_dup_certificate_fingerprint (GTlsCertificate *certificate)
{
  g_autoptr(GByteArray) der = NULL;
  g_autoptr(GChecksum) checksum = NULL;
  guint8 digest[32];
  gsize digest_len = sizeof digest;
  GString *text;

  g_return_val_if_fail (G_IS_TLS_CERTIFICATE (certificate), NULL);

  g_object_get (certificate, "certificate", &der, NULL);
  if (der == NULL)
    return NULL;

  checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_checksum_update (checksum, der->data, der->len);
  g_checksum_get_digest (checksum, digest, &digest_len);

  text = g_string_sized_new (digest_len * 3);
  for (gsize i = 0; i < digest_len; i++)
    g_string_append_printf (text, i == 0 ? "%02X" : ":%02X", digest[i]);

  return g_string_free (text, FALSE);
}

/**
 * aero_engine_set_deadline:
 * @seconds: at least 1
 *
 * How long one request may take, from sending it to the end of its
 * answer (a streamed list included); past it the request fails with an
 * error saying so. Requests already sent keep the deadline they had.
 */
void
aero_engine_set_deadline (AeroEngine *self,
                          guint       seconds)
{
  g_return_if_fail (AERO_IS_ENGINE (self));
  g_return_if_fail (seconds > 0);

  if (self->deadline == seconds)
    return;

  self->deadline = seconds;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DEADLINE]);
}

guint
aero_engine_get_deadline (AeroEngine *self)
{
  g_return_val_if_fail (AERO_IS_ENGINE (self), 0);

  return self->deadline;
}
