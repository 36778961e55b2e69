/* aero-engine-error.c - errors of the engine layer
 *
 * An extended error domain: besides the message, each GError of this
 * domain carries the engine's reason and detail, the HTTP status and, for
 * TLS failures, the peer certificate, all copied with the error.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "aero-engine-error.h"

typedef struct
{
  char *reason;
  char *detail;
  guint http_status;
  char *fingerprint;
  char *pem;
} AeroEngineErrorPrivate;

static void
aero_engine_error_private_init (AeroEngineErrorPrivate *priv)
{
}

static void
aero_engine_error_private_copy (const AeroEngineErrorPrivate *src,
                                AeroEngineErrorPrivate       *dest)
{
  dest->reason = g_strdup (src->reason);
  dest->detail = g_strdup (src->detail);
  dest->http_status = src->http_status;
  dest->fingerprint = g_strdup (src->fingerprint);
  dest->pem = g_strdup (src->pem);
}

static void
aero_engine_error_private_clear (AeroEngineErrorPrivate *priv)
{
  g_clear_pointer (&priv->reason, g_free);
  g_clear_pointer (&priv->detail, g_free);
  g_clear_pointer (&priv->fingerprint, g_free);
  g_clear_pointer (&priv->pem, g_free);
}

/* GLib places the private data at a suitably aligned offset before the
 * GError; clang cannot see that through the macro's byte arithmetic. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wcast-align"
G_DEFINE_EXTENDED_ERROR (AeroEngineError, aero_engine_error)
#pragma GCC diagnostic pop

/* The generated accessor is critical about other domains; the public
 * getters are documented to answer NULL / 0 instead. */
static AeroEngineErrorPrivate *
get_private (const GError *error)
{
  if (error == NULL || error->domain != AERO_ENGINE_ERROR)
    return NULL;

  return aero_engine_error_get_private (error);
}

static const char *
default_message (AeroEngineErrorCode code)
{
  switch (code)
    {
    case AERO_ENGINE_ERROR_NETWORK:
      return _("The engine cannot be reached");
    case AERO_ENGINE_ERROR_TLS:
      return _("The engine's certificate is not trusted");
    case AERO_ENGINE_ERROR_UNAUTHORIZED:
      return _("The engine did not accept the user name or password");
    case AERO_ENGINE_ERROR_FORBIDDEN:
      return _("The engine does not allow this for this user");
    case AERO_ENGINE_ERROR_NOT_FOUND:
      return _("The engine does not know this object");
    case AERO_ENGINE_ERROR_FAULT:
      return _("The engine refused the request");
    case AERO_ENGINE_ERROR_PARSE:
      return _("The engine's reply could not be read");
    case AERO_ENGINE_ERROR_CANCELLED:
      return _("The request was cancelled");
    default:
      return _("Unknown engine error");
    }
}

GError *
aero_engine_error_new_fault (AeroEngineErrorCode  code,
                             guint                http_status,
                             const char          *reason,
                             const char          *detail)
{
  AeroEngineErrorPrivate *priv;
  g_autofree char *message = NULL;
  g_autofree char *unbracketed = NULL;
  GError *error;

  if (reason != NULL && *reason == '\0')
    reason = NULL;
  if (detail != NULL && *detail == '\0')
    detail = NULL;

  /* The engine sends its validation messages as a list printed in
   * brackets ("[Cannot add VM. The VM name is already in use.]"): the
   * brackets are no part of the sentence an administrator reads. */
  if (detail != NULL && detail[0] == '[' && g_str_has_suffix (detail, "]"))
    {
      unbracketed = g_strstrip (g_strndup (detail + 1, strlen (detail) - 2));
      detail = *unbracketed != '\0' ? unbracketed : NULL;
    }

  /* The engine's own words when it gave some (they are what an oVirt
   * administrator searches for), else our description of the code. */
  if (reason != NULL && detail != NULL)
    message = g_strdup_printf ("%s: %s", reason, detail);
  else if (reason != NULL || detail != NULL)
    message = g_strdup (reason != NULL ? reason : detail);
  else if (http_status != 0)
    /* TRANSLATORS: %s is an error description, %u an HTTP status code */
    message = g_strdup_printf (_("%s (HTTP %u)"), default_message (code), http_status);
  else
    message = g_strdup (default_message (code));

  error = g_error_new_literal (AERO_ENGINE_ERROR, code, message);
  priv = get_private (error);
  priv->reason = g_strdup (reason);
  priv->detail = g_strdup (detail);
  priv->http_status = http_status;

  return error;
}

const char *
aero_engine_error_get_reason (const GError *error)
{
  AeroEngineErrorPrivate *priv = get_private (error);

  return priv != NULL ? priv->reason : NULL;
}

const char *
aero_engine_error_get_detail (const GError *error)
{
  AeroEngineErrorPrivate *priv = get_private (error);

  return priv != NULL ? priv->detail : NULL;
}

guint
aero_engine_error_get_http_status (const GError *error)
{
  AeroEngineErrorPrivate *priv = get_private (error);

  return priv != NULL ? priv->http_status : 0;
}

/* ovirt-engine: frontend/webadmin/modules/frontend/src/main/resources/org/
 * ovirt/engine/ui/frontend/AppErrors.properties (the backend's bundle is
 * built from it), ACTION_TYPE_FAILED_NAME_ALREADY_USED: "Cannot ${action}
 * ${type}. The ${type} name is already in use, please choose a unique
 * name and try again." AddVmCommand.canAddVm and UpdateVmCommand.validate
 * (backend/manager/modules/bll/.../bll/) both fail with it, the REST layer
 * puts it in the fault's detail. Matched by its fixed words, so any
 * action and type (add or edit, VM or Template) is recognised. */
static gboolean
names_name_in_use (const char *detail)
{
  const char *in_use = strstr (detail, " name is already in use");
  const char *sentence;

  if (in_use == NULL)
    return FALSE;

  /* "... . The VM name is already in use": the sentence that names the
   * type, right after the "Cannot edit VM." one. */
  sentence = g_strrstr_len (detail, in_use - detail, ". The ");
  return sentence != NULL && strstr (detail, "Cannot ") != NULL
         && strstr (detail, "Cannot ") < sentence;
}

const char *
aero_engine_error_get_field (const GError  *error,
                             const char   **message)
{
  const char *detail;

  if (message != NULL)
    *message = NULL;
  if (!g_error_matches (error, AERO_ENGINE_ERROR, AERO_ENGINE_ERROR_FAULT))
    return NULL;

  detail = aero_engine_error_get_detail (error);
  if (detail == NULL || !names_name_in_use (detail))
    return NULL;

  if (message != NULL)
    *message = _("This name is already in use.");
  return "name";
}

const char *
aero_engine_error_get_certificate_fingerprint (const GError *error)
{
  AeroEngineErrorPrivate *priv = get_private (error);

  return priv != NULL ? priv->fingerprint : NULL;
}

const char *
aero_engine_error_get_certificate_pem (const GError *error)
{
  AeroEngineErrorPrivate *priv = get_private (error);

  return priv != NULL ? priv->pem : NULL;
}

void
aero_engine_error_set_certificate (GError     *error,
                                   const char *fingerprint,
                                   const char *pem)
{
  AeroEngineErrorPrivate *priv = get_private (error);

  g_return_if_fail (priv != NULL);

  g_free (priv->fingerprint);
  priv->fingerprint = g_strdup (fingerprint);
  g_free (priv->pem);
  priv->pem = g_strdup (pem);
}
