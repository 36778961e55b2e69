/* aero-window-private.h - AeroWindow's instance, shared by its files
 * (aero-window.c: pages and session; aero-window-actions.c: actions) and
 * by the widget tests.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "aero-banner.h"
#include "aero-cluster-view.h"
#include "aero-host-view.h"
#include "aero-login-page.h"
#include "aero-template-view.h"
#include "aero-vm-view.h"
#include "aero-window.h"

G_BEGIN_DECLS

/* Seconds between quiet refreshes of the lists. */
#define AERO_WINDOW_REFRESH_INTERVAL 30

struct _AeroWindow
{
  AdwApplicationWindow  parent_instance;

  AeroEngine           *engine;        /* NULL on the login page */
  AeroEngine           *pending;       /* engine of a login in progress or a TLS failure */
  GCancellable         *login_cancellable; /* of the login in progress (Cancel) */
  GCancellable         *cancellable;   /* the session's requests */
  GSettings            *settings;      /* NULL when the schema is not installed */
  GMenu                *menu;
  GMenu                *user_section;
  guint                 refresh_id;
  gboolean              logging_out;
  gboolean              narrow;        /* the VMs page has its short name */

  AdwToastOverlay      *toast_overlay;
  GtkStack             *main_stack;
  AeroLoginPage        *login_page;
  AdwViewSwitcherTitle *switcher_title;
  GtkMenuButton        *menu_button;
  AeroBanner           *session_banner;
  AdwViewStack         *view_stack;
  AeroVmView           *vm_view;
  AeroTemplateView     *template_view;
  AeroClusterView      *cluster_view;
  AeroHostView         *host_view;
};

/* aero-window-actions.c */
void           aero_window_class_install_actions (GtkWidgetClass *widget_class);
void           aero_window_actions_update        (AeroWindow     *self);

/* aero-window.c */
void           aero_window_refresh               (AeroWindow     *self);
void           aero_window_logout                (AeroWindow     *self);
/* Back to the login page, with @reason shown there (NULL for none). */
void           aero_window_leave_session         (AeroWindow     *self,
                                                  const char     *reason);

/* For tests: "login" or "session". */
const char    *aero_window_get_page              (AeroWindow     *self);
AeroLoginPage *aero_window_get_login_page        (AeroWindow     *self);
AeroVmView    *aero_window_get_vm_view           (AeroWindow     *self);
/* The GListStore of AeroVm behind the VM list. */
GListModel    *aero_window_get_vm_model          (AeroWindow     *self);
GListModel    *aero_window_get_cluster_model     (AeroWindow     *self);
GListModel    *aero_window_get_template_model    (AeroWindow     *self);

G_END_DECLS
