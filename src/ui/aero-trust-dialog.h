/* aero-trust-dialog.h - "Trust this engine?" with the CA's fingerprint
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define AERO_TYPE_TRUST_DIALOG (aero_trust_dialog_get_type ())
G_DECLARE_FINAL_TYPE (AeroTrustDialog, aero_trust_dialog, AERO, TRUST_DIALOG, AdwMessageDialog)

/* Responses: "cancel" and "trust". */
GtkWidget  *aero_trust_dialog_new             (GtkWindow  *parent,
                                               const char *host,
                                               const char *fingerprint);
const char *aero_trust_dialog_get_fingerprint (AeroTrustDialog *self);

/* Where the trusted CA of @host ("host", or "host:port" for a port other
 * than 443) is kept: <user data dir>/aerostat/ca/<host>.pem */
char       *aero_trust_dialog_dup_ca_path     (const char *host);
/* Writes @pem there (directories created, mode 0600). */
gboolean    aero_trust_dialog_save_ca         (const char  *host,
                                               const char  *pem,
                                               GError     **error);

G_END_DECLS
