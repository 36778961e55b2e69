/* aero-window.h - the main window: login page, then the engine's views
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "aero-engine.h"

G_BEGIN_DECLS

#define AERO_TYPE_WINDOW (aero_window_get_type ())
G_DECLARE_FINAL_TYPE (AeroWindow, aero_window, AERO, WINDOW, AdwApplicationWindow)

AeroWindow *aero_window_new            (AdwApplication *application);

/* Logs in to @address and opens the views; failures are shown on the
 * login page (and returned). @remember stores the password in the keyring
 * after a successful login. */
void        aero_window_connect_async  (AeroWindow          *self,
                                        const char          *address,
                                        const char          *user,
                                        const char          *password,
                                        gboolean             remember,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data);
/* As aero_window_connect_async() for the embedded demo engine at @url
 * (its user and password), which is not added to the recent engines.
 * Finish with aero_window_connect_finish(). */
void        aero_window_connect_demo_async (AeroWindow          *self,
                                            const char          *url,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
gboolean    aero_window_connect_finish (AeroWindow          *self,
                                        GAsyncResult        *result,
                                        GError             **error);

/* Fills the login page (--engine/--user); uses a stored password if the
 * keyring has one. */
void        aero_window_prefill        (AeroWindow          *self,
                                        const char          *address,
                                        const char          *user);
/* The session's engine, NULL on the login page. */
AeroEngine *aero_window_get_engine     (AeroWindow          *self);
void        aero_window_show_toast     (AeroWindow          *self,
                                        const char          *text);
/* Says on the login page that the embedded demo engine did not start. */
void        aero_window_show_demo_error (AeroWindow         *self,
                                         const char         *reason);

G_END_DECLS
