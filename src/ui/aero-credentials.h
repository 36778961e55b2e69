/* aero-credentials.h - engine passwords in the user's keyring (libsecret)
 *
 * Passwords are kept only in the Secret Service, under the schema
 * "io.github.aerostat.Aerostat.Password" keyed by engine URL and user;
 * never in GSettings, logs or argv.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

void      aero_credentials_store_async   (const char           *engine_url,
                                          const char           *user,
                                          const char           *password,
                                          GCancellable         *cancellable,
                                          GAsyncReadyCallback   callback,
                                          gpointer              user_data);
gboolean  aero_credentials_store_finish  (GAsyncResult         *result,
                                          GError              **error);

/* Returns the password, or NULL without error when none is stored. */
void      aero_credentials_lookup_async  (const char           *engine_url,
                                          const char           *user,
                                          GCancellable         *cancellable,
                                          GAsyncReadyCallback   callback,
                                          gpointer              user_data);
char     *aero_credentials_lookup_finish (GAsyncResult         *result,
                                          GError              **error);

void      aero_credentials_clear_async   (const char           *engine_url,
                                          const char           *user,
                                          GCancellable         *cancellable,
                                          GAsyncReadyCallback   callback,
                                          gpointer              user_data);
gboolean  aero_credentials_clear_finish  (GAsyncResult         *result,
                                          GError              **error);

G_END_DECLS
