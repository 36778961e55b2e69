/* aero-engine-error.h - errors of the engine layer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define AERO_ENGINE_ERROR (aero_engine_error_quark ())

typedef enum {
  AERO_ENGINE_ERROR_NETWORK,       /* unreachable, dropped connection, timeout */
  AERO_ENGINE_ERROR_TLS,           /* certificate not trusted or TLS failure */
  AERO_ENGINE_ERROR_UNAUTHORIZED,  /* wrong credentials, or 401 after one re-login */
  AERO_ENGINE_ERROR_FORBIDDEN,     /* 403 */
  AERO_ENGINE_ERROR_NOT_FOUND,     /* 404 */
  AERO_ENGINE_ERROR_FAULT,         /* the engine refused: reason and detail */
  AERO_ENGINE_ERROR_PARSE,         /* HTML or malformed body, with the HTTP status */
  AERO_ENGINE_ERROR_CANCELLED,
} AeroEngineErrorCode;

/* An extended error domain (G_DEFINE_EXTENDED_ERROR): the GError keeps the
 * engine's own words and the HTTP status, so the UI can show them apart. */
GQuark       aero_engine_error_quark (void);

/* Creates an error; @reason/@detail may be NULL. The message is
 * "reason: detail" style text suitable for a terminal. */
GError      *aero_engine_error_new_fault (AeroEngineErrorCode  code,
                                          guint                http_status,
                                          const char          *reason,
                                          const char          *detail);

/* Accessors; NULL / 0 when the error is not of this domain or has none. */
const char  *aero_engine_error_get_reason      (const GError *error);
const char  *aero_engine_error_get_detail      (const GError *error);
guint        aero_engine_error_get_http_status (const GError *error);
/* The form field a fault of the engine is about, when its words say so
 * recognisably: "name" for a name already in use. NULL for any other
 * error. @message, if not NULL, gets a short sentence for beside the
 * field (translated, static). */
const char  *aero_engine_error_get_field       (const GError  *error,
                                                const char   **message);
/* For TLS errors: the peer certificate's SHA-256 fingerprint as
 * "AB:CD:..." and its PEM, so the UI can offer to trust it. */
const char  *aero_engine_error_get_certificate_fingerprint (const GError *error);
const char  *aero_engine_error_get_certificate_pem         (const GError *error);
void         aero_engine_error_set_certificate (GError     *error,
                                                const char *fingerprint,
                                                const char *pem);

G_END_DECLS
