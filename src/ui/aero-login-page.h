/* aero-login-page.h - engine address, user, password, recent engines
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define AERO_TYPE_LOGIN_PAGE (aero_login_page_get_type ())
G_DECLARE_FINAL_TYPE (AeroLoginPage, aero_login_page, AERO, LOGIN_PAGE, GtkWidget)

/* Signals:
 *   "connect-requested" (address, user, password, remember): Connect.
 *   "demo-requested": "Try the Demo Engine".
 *   "trust-requested": the admin wants to check the engine certificate.
 *   "cancel-requested": Cancel, while busy connecting. */

void        aero_login_page_set_address   (AeroLoginPage *self,
                                           const char    *address);
const char *aero_login_page_get_address   (AeroLoginPage *self);
void        aero_login_page_set_user      (AeroLoginPage *self,
                                           const char    *user);
const char *aero_login_page_get_user      (AeroLoginPage *self);
void        aero_login_page_set_password  (AeroLoginPage *self,
                                           const char    *password);
void        aero_login_page_set_remember  (AeroLoginPage *self,
                                           gboolean       remember);
/* Spinner in Connect, form insensitive. */
void        aero_login_page_set_busy      (AeroLoginPage *self,
                                           gboolean       busy);
gboolean    aero_login_page_get_busy      (AeroLoginPage *self);
/* Shows the failure in words; @offer_trust shows "Check the Engine
 * Certificate…". NULL hides it. */
void        aero_login_page_set_error     (AeroLoginPage *self,
                                           const char    *message,
                                           gboolean       offer_trust);
/* Words for a failed connection to @address (wrong password with the
 * engine's own message, unreachable, not an oVirt engine, TLS). */
char       *aero_login_page_describe_error (const GError *error,
                                            const char   *address);
const char *aero_login_page_get_error     (AeroLoginPage *self);
/* a(ss): (address, user) pairs, most recent first. */
void        aero_login_page_set_recent    (AeroLoginPage *self,
                                           GVariant      *recent);
/* Focuses the first empty field. */
void        aero_login_page_focus         (AeroLoginPage *self);
/* Presses Connect (tests). */
void        aero_login_page_connect       (AeroLoginPage *self);
/* Presses Cancel while connecting (tests). */
void        aero_login_page_cancel        (AeroLoginPage *self);

G_END_DECLS
