/* aero-window.c - the main window: login page, then the engine's views
 *
 * This file holds the pages and the session (login, refresh, log out);
 * the actions live in aero-window-actions.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "aero-accessible.h"
#include "aero-credentials.h"
#include "aero-edit-dialog.h"
#include "aero-format.h"
#include "aero-trust-dialog.h"
#include "aero-window-private.h"

G_DEFINE_FINAL_TYPE (AeroWindow, aero_window, ADW_TYPE_APPLICATION_WINDOW)

#define MAX_RECENT 6

typedef struct
{
  char     *address;
  char     *user;
  char     *password;
  gboolean  remember;
  gboolean  record;    /* add to the recent engines */
  char     *base_url;  /* the engine's canonical URL, the keyring key */
  GError   *error;     /* the login's failure, while the keyring is checked */
} ConnectData;

static void
connect_data_free (ConnectData *data)
{
  g_free (data->address);
  g_free (data->user);
  /* Do not leave the password lying in freed memory. */
  if (data->password != NULL)
    memset (data->password, 0, strlen (data->password));
  g_free (data->password);
  g_free (data->base_url);
  g_clear_error (&data->error);
  g_free (data);
}

static gboolean
is_cancelled (const GError *error)
{
  return g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
         g_error_matches (error, AERO_ENGINE_ERROR, AERO_ENGINE_ERROR_CANCELLED);
}

/* The engine's host, with its port unless it is HTTPS's own: what a
 * trusted CA is kept for, since two engines on one host but different
 * ports are different servers with certificates of their own. */
static char *
dup_engine_host (AeroEngine *engine)
{
  g_autoptr(GUri) uri = g_uri_parse (aero_engine_get_base_url (engine), G_URI_FLAGS_NONE, NULL);
  const char *host;
  int port;

  if (uri == NULL || g_uri_get_host (uri) == NULL)
    return NULL;

  host = g_uri_get_host (uri);
  port = g_uri_get_port (uri);
  if (port < 0 || port == 443)
    return g_strdup (host);
  if (strchr (host, ':') != NULL)
    return g_strdup_printf ("[%s]:%d", host, port);
  return g_strdup_printf ("%s:%d", host, port);
}

/* Recent engines */

static void
load_recent (AeroWindow *self)
{
  g_autoptr(GVariant) recent = NULL;

  if (self->settings == NULL)
    return;

  recent = g_settings_get_value (self->settings, "recent-engines");
  aero_login_page_set_recent (self->login_page, recent);
}

static void
remember_recent (AeroWindow *self,
                 const char *address,
                 const char *user)
{
  g_autoptr(GVariant) old = NULL;
  GVariantBuilder builder;
  GVariantIter iter;
  const char *a;
  const char *u;
  guint n = 1;

  if (self->settings == NULL)
    return;

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a(ss)"));
  g_variant_builder_add (&builder, "(ss)", address, user);

  old = g_settings_get_value (self->settings, "recent-engines");
  g_variant_iter_init (&iter, old);
  while (n < MAX_RECENT && g_variant_iter_next (&iter, "(&s&s)", &a, &u))
    {
      if (g_strcmp0 (a, address) == 0 && g_strcmp0 (u, user) == 0)
        continue;
      g_variant_builder_add (&builder, "(ss)", a, u);
      n++;
    }

  g_settings_set_value (self->settings, "recent-engines", g_variant_builder_end (&builder));
  load_recent (self);
}

/* The admin removes an entry from the login page's list. Only the entry:
 * a password kept for that engine stays in the keyring, where the admin
 * manages it. */
static void
forget_recent_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  AeroWindow *self = AERO_WINDOW (widget);
  g_autoptr(GVariant) old = NULL;
  GVariantBuilder builder;
  GVariantIter iter;
  const char *address;
  const char *user;
  const char *a;
  const char *u;

  if (self->settings == NULL)
    return;

  g_variant_get (parameter, "(&s&s)", &address, &user);
  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a(ss)"));
  old = g_settings_get_value (self->settings, "recent-engines");
  g_variant_iter_init (&iter, old);
  while (g_variant_iter_next (&iter, "(&s&s)", &a, &u))
    if (g_strcmp0 (a, address) != 0 || g_strcmp0 (u, user) != 0)
      g_variant_builder_add (&builder, "(ss)", a, u);

  g_settings_set_value (self->settings, "recent-engines", g_variant_builder_end (&builder));
  load_recent (self);
}

/* Session */

static gboolean
refresh_timeout_cb (gpointer user_data)
{
  AeroWindow *self = user_data;

  /* Quiet: in place, keeping selection and scroll. */
  if (self->engine != NULL && gtk_widget_get_mapped (GTK_WIDGET (self)))
    aero_window_refresh (self);

  return G_SOURCE_CONTINUE;
}

/* Menu labels take "_" as a mnemonic: keep a host's underscores. */
static char *
escape_underscores (const char *text)
{
  g_auto(GStrv) parts = g_strsplit (text ? text : "", "_", -1);

  return g_strjoinv ("__", parts);
}

static void
update_user_section (AeroWindow *self)
{
  g_autofree char *who = NULL;
  g_autofree char *label = NULL;
  g_autoptr(GMenuItem) item = NULL;

  g_menu_remove_all (self->user_section);
  if (self->engine == NULL)
    {
      adw_view_switcher_title_set_subtitle (self->switcher_title, NULL);
      return;
    }

  /* TRANSLATORS: e.g. "admin@internal on oVirt Engine 4.5.4" */
  who = g_strdup_printf (_("%s on %s %s"),
                         aero_engine_get_user (self->engine) ? aero_engine_get_user (self->engine) : "",
                         aero_engine_get_product_name (self->engine) ? aero_engine_get_product_name (self->engine) : _("oVirt Engine"),
                         aero_engine_get_product_version (self->engine) ? aero_engine_get_product_version (self->engine) : "");
  g_strchomp (who);
  adw_view_switcher_title_set_subtitle (self->switcher_title, who);

  /* An item without an action is shown insensitive: a quiet caption. */
  label = escape_underscores (who);
  item = g_menu_item_new (label, "win.session-info");
  g_menu_append_item (self->user_section, item);

  /* The engine's address, for the admin with several engines. */
  g_clear_object (&item);
  g_free (label);
  label = escape_underscores (aero_engine_get_base_url (self->engine));
  item = g_menu_item_new (label, "win.session-info");
  g_menu_append_item (self->user_section, item);
}

static gboolean
session_lost_cb (gpointer user_data)
{
  g_autoptr(AeroWindow) self = user_data;

  /* A failed request may have said more already (load_failed_cb). */
  if (self->engine != NULL && !self->logging_out && !aero_engine_get_logged_in (self->engine))
    aero_window_leave_session (self, _("The engine ended the session. Log in again."));

  return G_SOURCE_REMOVE;
}

static void
logged_in_changed_cb (AeroWindow *self,
                      GParamSpec *pspec,
                      AeroEngine *engine)
{
  /* The engine re-logs in once on a 401; when that fails too, any
   * request (a start, a detail pane fetch) ends the session. Deferred so
   * that the engine's own callbacks finish first. */
  if (engine == self->engine && !aero_engine_get_logged_in (engine) && !self->logging_out)
    g_idle_add_full (G_PRIORITY_LOW, session_lost_cb, g_object_ref (self), NULL);
}

static void
enter_session (AeroWindow *self,
               AeroEngine *engine)
{
  g_set_object (&self->engine, engine);
  g_clear_object (&self->pending);
  g_signal_connect_object (engine, "notify::logged-in",
                           G_CALLBACK (logged_in_changed_cb), self, G_CONNECT_SWAPPED);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  aero_vm_view_set_engine (self->vm_view, engine);
  aero_template_view_set_engine (self->template_view, engine);
  aero_cluster_view_set_engine (self->cluster_view, engine);
  aero_vm_view_set_clusters (self->vm_view, NULL);
  /* The Hosts view loads when first shown. */
  aero_host_view_set_engine (self->host_view, engine);
  aero_host_view_set_clusters (self->host_view, NULL);

  /* All three at once: the VM rows do not wait for the clusters; the
   * Cluster column fills in when they arrive. */
  aero_vm_view_reload (self->vm_view);
  aero_cluster_view_reload (self->cluster_view);
  aero_template_view_reload (self->template_view);

  aero_banner_set_revealed (self->session_banner, FALSE);
  adw_view_stack_set_visible_child_name (self->view_stack, "vms");
  /* No crossfade into the session: the first VM rows stream in while it
   * would run, and blending two whole pages each frame is what stalls a
   * session without GPU rendering (remote desktops, VMs) the longest. */
  gtk_stack_set_visible_child_full (self->main_stack, "session", GTK_STACK_TRANSITION_TYPE_NONE);
  update_user_section (self);

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  self->refresh_id = g_timeout_add_seconds (AERO_WINDOW_REFRESH_INTERVAL, refresh_timeout_cb, self);

  aero_window_actions_update (self);
}

void
aero_window_leave_session (AeroWindow *self,
                           const char *reason)
{
  g_return_if_fail (AERO_IS_WINDOW (self));

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  if (self->engine != NULL)
    aero_login_page_set_user (self->login_page, aero_engine_get_user (self->engine));
  g_clear_object (&self->engine);

  aero_vm_view_set_engine (self->vm_view, NULL);
  aero_template_view_set_engine (self->template_view, NULL);
  aero_cluster_view_set_engine (self->cluster_view, NULL);
  aero_host_view_set_engine (self->host_view, NULL);
  aero_cluster_view_set_pictures (self->cluster_view, NULL);

  aero_login_page_set_password (self->login_page, "");
  aero_login_page_set_busy (self->login_page, FALSE);
  aero_login_page_set_error (self->login_page, reason, FALSE);
  gtk_stack_set_visible_child_name (self->main_stack, "login");
  update_user_section (self);
  aero_window_actions_update (self);
  aero_login_page_focus (self->login_page);
}

void
aero_window_refresh (AeroWindow *self)
{
  g_return_if_fail (AERO_IS_WINDOW (self));

  if (self->engine == NULL)
    return;

  aero_vm_view_refresh (self->vm_view);
  aero_cluster_view_reload (self->cluster_view);
  aero_template_view_reload (self->template_view);
  if (aero_host_view_get_loaded (self->host_view))
    aero_host_view_reload (self->host_view);
}

static void
logout_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(AeroWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  self->logging_out = FALSE;

  /* Back to the login page either way; say so if the token may live on. */
  if (!aero_engine_logout_finish (AERO_ENGINE (object), result, &error))
    {
      g_autofree char *words = aero_format_error (error);
      g_autofree char *reason = NULL;

      /* TRANSLATORS: %s is the engine's error */
      reason = g_strdup_printf (_("Logged out, but the engine could not revoke the session: %s"), words);
      aero_window_leave_session (self, reason);
      return;
    }

  aero_window_leave_session (self, NULL);
}

void
aero_window_logout (AeroWindow *self)
{
  g_return_if_fail (AERO_IS_WINDOW (self));

  if (self->engine == NULL || self->logging_out)
    return;

  self->logging_out = TRUE;
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  aero_engine_logout_async (self->engine, NULL, logout_cb, g_object_ref (self));
}

static void
load_failed_cb (AeroWindow   *self,
                const GError *error)
{
  /* The engine already tried one re-login: the session is over. */
  if (g_error_matches (error, AERO_ENGINE_ERROR, AERO_ENGINE_ERROR_UNAUTHORIZED) && self->engine != NULL)
    {
      g_autofree char *words = aero_format_error (error);
      g_autofree char *reason = NULL;

      /* TRANSLATORS: %s is the engine's reason */
      reason = g_strdup_printf (_("The engine ended the session: %s. Log in again."), words);
      aero_window_leave_session (self, reason);
    }
}

static void
actions_changed_cb (AeroWindow *self)
{
  aero_window_actions_update (self);
}

/* The Hosts view adds up the VMs the VM list holds, when it holds them
 * all, rather than list 10,000 VMs a second time. */
static void
vms_changed_cb (AeroWindow *self)
{
  aero_host_view_set_vms (self->host_view, aero_vm_view_get_all_vms (self->vm_view));
}

/* The Clusters view's pane shows the pictures the Hosts view adds up. */
static void
pictures_changed_cb (AeroWindow *self)
{
  aero_cluster_view_set_pictures (self->cluster_view, aero_host_view_get_cluster_pictures (self->host_view));
}

/* The hosts are listed when a view that shows them is first seen. */
static void
view_changed_cb (AeroWindow *self)
{
  const char *name = adw_view_stack_get_visible_child_name (self->view_stack);

  if (self->engine != NULL &&
      (g_strcmp0 (name, "hosts") == 0 || g_strcmp0 (name, "clusters") == 0) &&
      !aero_host_view_get_loaded (self->host_view))
    aero_host_view_reload (self->host_view);
}

/* The bottom bar of a narrow window gives each of the four views a
 * quarter of it, and "Virtual Machines" is cut there: its page is named
 * "VMs" while the window is that narrow. Decided on the window's width,
 * not on the switcher title's "title-visible": the shorter name would let
 * the header's switcher fit again at some widths, and the two would flip
 * back and forth. Below this width the header never holds the switcher. */
#define NARROW_WIDTH 540

static void
width_changed_cb (AeroWindow *self)
{
  AdwViewStackPage *page = adw_view_stack_get_page (self->view_stack, GTK_WIDGET (self->vm_view));
  int width, height;
  gboolean narrow;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  narrow = width > 0 && width < NARROW_WIDTH;
  if (narrow == self->narrow)
    return;
  self->narrow = narrow;
  /* TRANSLATORS: the Virtual Machines view's short name, in the bottom
   * bar of a narrow window; keep the underlined letter of "_Virtual Machines" */
  adw_view_stack_page_set_title (page, narrow ? _("_VMs") : _("_Virtual Machines"));
}

static void
clusters_loaded_cb (AeroWindow *self)
{
  aero_host_view_set_clusters (self->host_view, aero_cluster_view_get_model (self->cluster_view));
  aero_vm_view_set_clusters (self->vm_view, aero_cluster_view_get_model (self->cluster_view));
  aero_window_actions_update (self);
}

/* Login */

static void
store_password_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(AeroWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!aero_credentials_store_finish (result, &error))
    {
      g_autofree char *text = NULL;

      /* TRANSLATORS: %s is the keyring's error */
      text = g_strdup_printf (_("The password could not be saved in the keyring: %s"), error->message);
      aero_window_show_toast (self, text);
    }
}

static void
refused_clear_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  ConnectData *data = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  if (!aero_credentials_clear_finish (result, &error))
    g_debug ("Could not forget the refused password: %s", error->message);

  g_task_return_error (task, g_steal_pointer (&data->error));
}

static void
refused_lookup_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  ConnectData *data = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autofree char *stored = NULL;

  stored = aero_credentials_lookup_finish (result, &error);
  if (stored != NULL && g_strcmp0 (stored, data->password) == 0)
    {
      memset (stored, 0, strlen (stored));
      aero_credentials_clear_async (data->base_url, data->user, NULL,
                                    refused_clear_cb, g_steal_pointer (&task));
      return;
    }

  if (stored != NULL)
    memset (stored, 0, strlen (stored));
  g_task_return_error (task, g_steal_pointer (&data->error));
}

static void
login_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  AeroWindow *self = g_task_get_source_object (task);
  ConnectData *data = g_task_get_task_data (task);
  AeroEngine *engine = AERO_ENGINE (object);
  g_autoptr(GError) error = NULL;

  /* A window closed while connecting: nothing left to show it in. */
  if (self->login_page == NULL)
    {
      if (!aero_engine_login_finish (engine, result, &error))
        g_task_return_error (task, g_steal_pointer (&error));
      else
        g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                                 "The window was closed");
      return;
    }

  aero_login_page_set_busy (self->login_page, FALSE);

  if (!aero_engine_login_finish (engine, result, &error))
    {
      if (!is_cancelled (error))
        {
          g_autofree char *text = aero_login_page_describe_error (error, data->address);

          /* Trusting is offered for a certificate the admin can check. */
          aero_login_page_set_error (self->login_page, text,
                                     g_error_matches (error, AERO_ENGINE_ERROR, AERO_ENGINE_ERROR_TLS) &&
                                     aero_engine_error_get_certificate_fingerprint (error) != NULL);
          aero_login_page_focus (self->login_page);
        }
      else
        {
          /* Cancelled: back to the form, where Cancel was. */
          aero_login_page_focus (self->login_page);
        }

      /* A stored password the engine now refuses would be offered again
       * at every start: forget it (only if it is the one refused). */
      if (g_error_matches (error, AERO_ENGINE_ERROR, AERO_ENGINE_ERROR_UNAUTHORIZED))
        {
          data->base_url = g_strdup (aero_engine_get_base_url (engine));
          data->error = g_steal_pointer (&error);
          aero_credentials_lookup_async (data->base_url, data->user, NULL,
                                         refused_lookup_cb, g_steal_pointer (&task));
          return;
        }

      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (data->remember && data->password != NULL)
    aero_credentials_store_async (aero_engine_get_base_url (engine), data->user, data->password,
                                  NULL, store_password_cb, g_object_ref (self));

  /* The canonical URL: the keyring is keyed by it too, so picking a
   * recent engine finds its stored password. */
  if (data->record)
    remember_recent (self, aero_engine_get_base_url (engine), data->user);
  enter_session (self, engine);
  g_task_return_boolean (task, TRUE);
}

/* @record: add the engine to the recent engines after the login. */
static void
connect_engine_async (AeroWindow          *self,
                      const char          *address,
                      const char          *user,
                      const char          *password,
                      gboolean             remember,
                      gboolean             record,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(AeroEngine) engine = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *host = NULL;
  g_autofree char *ca_path = NULL;
  ConnectData *data;

  g_return_if_fail (AERO_IS_WINDOW (self));
  g_return_if_fail (address != NULL);
  g_return_if_fail (user != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, aero_window_connect_async);

  data = g_new0 (ConnectData, 1);
  data->address = g_strstrip (g_strdup (address));
  data->user = g_strstrip (g_strdup (user));
  data->password = g_strdup (password ? password : "");
  data->remember = remember;
  data->record = record;
  g_task_set_task_data (task, data, (GDestroyNotify) connect_data_free);

  aero_login_page_set_address (self->login_page, data->address);
  aero_login_page_set_user (self->login_page, data->user);

  engine = aero_engine_new (data->address, &error);
  if (engine == NULL)
    {
      g_autofree char *text = NULL;

      /* TRANSLATORS: %s explains what is wrong with the address */
      text = g_strdup_printf (_("That is not an engine address: %s"), error->message);
      aero_login_page_set_error (self->login_page, text, FALSE);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* A CA the admin trusted for this engine before. */
  host = dup_engine_host (engine);
  if (host != NULL)
    ca_path = aero_trust_dialog_dup_ca_path (host);
  if (ca_path != NULL && g_file_test (ca_path, G_FILE_TEST_IS_REGULAR))
    {
      if (!aero_engine_set_ca_file (engine, ca_path, &error))
        {
          g_warning ("Trusted CA %s unusable: %s", ca_path, error->message);
          g_clear_error (&error);
        }
    }

  g_set_object (&self->pending, engine);
  /* Cancel on the login page cancels this login. */
  g_clear_object (&self->login_cancellable);
  self->login_cancellable = cancellable ? g_object_ref (cancellable) : g_cancellable_new ();
  aero_login_page_set_busy (self->login_page, TRUE);
  aero_engine_login_async (engine, data->user, data->password, self->login_cancellable,
                           login_cb, g_steal_pointer (&task));
}

void
aero_window_connect_async (AeroWindow          *self,
                           const char          *address,
                           const char          *user,
                           const char          *password,
                           gboolean             remember,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  connect_engine_async (self, address, user, password, remember, TRUE,
                        cancellable, callback, user_data);
}

/* The embedded demo engine listens on a new port at every start: as a
 * recent engine it would only push the real ones out of the list. */
void
aero_window_connect_demo_async (AeroWindow          *self,
                                const char          *url,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  connect_engine_async (self, url, "admin@internal", "demo", FALSE, FALSE,
                        cancellable, callback, user_data);
}

gboolean
aero_window_connect_finish (AeroWindow    *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (AERO_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
connect_requested_cb (AeroWindow *self,
                      const char *address,
                      const char *user,
                      const char *password,
                      gboolean    remember)
{
  aero_window_connect_async (self, address, user, password, remember, NULL, NULL, NULL);
}

static void
cancel_requested_cb (AeroWindow *self)
{
  g_cancellable_cancel (self->login_cancellable);
}

/* The application owns the embedded demo engine. Asking for it through
 * its action keeps this window from depending on the application. */
static void
demo_requested_cb (AeroWindow *self)
{
  if (!gtk_widget_activate_action (GTK_WIDGET (self), "app.demo", NULL))
    aero_window_show_demo_error (self, _("The demo engine is not available here."));
}

void
aero_window_show_demo_error (AeroWindow *self,
                             const char *reason)
{
  g_autofree char *text = NULL;

  g_return_if_fail (AERO_IS_WINDOW (self));

  /* TRANSLATORS: %s is the reason */
  text = g_strdup_printf (_("The demo engine could not start: %s"), reason);
  aero_login_page_set_error (self->login_page, text, FALSE);
}

/* TLS: trust an engine's CA after the admin compared its fingerprint. */

typedef struct
{
  AeroWindow *self;
  char       *host;
  char       *pem;
} TrustData;

static void
trust_data_free (TrustData *data)
{
  g_clear_object (&data->self);
  g_free (data->host);
  g_free (data->pem);
  g_free (data);
}

static void
trust_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   TrustData        *data)
{
  AeroWindow *self = data->self;
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "trust") == 0)
    {
      if (!aero_trust_dialog_save_ca (data->host, data->pem, &error))
        {
          g_autofree char *text = NULL;

          /* TRANSLATORS: %s is the reason */
          text = g_strdup_printf (_("The certificate could not be saved: %s"), error->message);
          aero_login_page_set_error (self->login_page, text, FALSE);
        }
      else
        {
          /* Connect again: connect_async now finds the saved CA. */
          aero_login_page_set_error (self->login_page, NULL, FALSE);
          aero_login_page_connect (self->login_page);
        }
    }

  trust_data_free (data);
}

static void
fetch_ca_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(AeroWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *fingerprint = NULL;
  g_autofree char *pem = NULL;
  TrustData *data;
  GtkWidget *dialog;

  aero_login_page_set_busy (self->login_page, FALSE);

  pem = aero_engine_fetch_ca_finish (AERO_ENGINE (object), result, &fingerprint, &error);
  if (pem == NULL)
    {
      g_autofree char *words = aero_format_error (error);
      g_autofree char *text = NULL;

      /* TRANSLATORS: %s is the reason */
      text = g_strdup_printf (_("The engine's certificate authority could not be fetched: %s"), words);
      aero_login_page_set_error (self->login_page, text, FALSE);
      return;
    }

  data = g_new0 (TrustData, 1);
  data->self = g_object_ref (self);
  data->host = dup_engine_host (AERO_ENGINE (object));
  data->pem = g_steal_pointer (&pem);

  dialog = aero_trust_dialog_new (GTK_WINDOW (self), data->host ? data->host : "", fingerprint ? fingerprint : "");
  g_signal_connect (dialog, "response", G_CALLBACK (trust_response_cb), data);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
trust_requested_cb (AeroWindow *self)
{
  g_autoptr(AeroEngine) engine = NULL;
  g_autoptr(GError) error = NULL;

  engine = aero_engine_new (aero_login_page_get_address (self->login_page), &error);
  if (engine == NULL)
    {
      aero_login_page_set_error (self->login_page, error->message, FALSE);
      return;
    }

  aero_login_page_set_busy (self->login_page, TRUE);
  aero_engine_fetch_ca_async (engine, NULL, fetch_ca_cb, g_object_ref (self));
}

/* Prefill (--engine / --user) */

static void
prefill_lookup_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(AeroWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *password = NULL;

  password = aero_credentials_lookup_finish (result, &error);
  if (password == NULL)
    {
      if (error != NULL)
        g_debug ("No stored password: %s", error->message);
      aero_login_page_focus (self->login_page);
      return;
    }

  aero_login_page_set_password (self->login_page, password);
  aero_login_page_set_remember (self->login_page, TRUE);
  aero_login_page_connect (self->login_page);
}

void
aero_window_prefill (AeroWindow *self,
                     const char *address,
                     const char *user)
{
  g_autoptr(AeroEngine) engine = NULL;

  g_return_if_fail (AERO_IS_WINDOW (self));

  if (address != NULL)
    aero_login_page_set_address (self->login_page, address);
  if (user != NULL)
    aero_login_page_set_user (self->login_page, user);

  /* The keyring is keyed by the engine's canonical URL. */
  if (address != NULL && user != NULL &&
      (engine = aero_engine_new (address, NULL)) != NULL)
    aero_credentials_lookup_async (aero_engine_get_base_url (engine), user, NULL,
                                   prefill_lookup_cb, g_object_ref (self));
  else
    aero_login_page_focus (self->login_page);
}

/* GObject */

/* Asks each dialog of @window that holds unsaved edits to close, which
 * puts its discard question up; TRUE if there was one. The dialogs are
 * not the application's windows: app.quit (the desktop's Quit, too) closes
 * only this window, and with it the process, the dialog and its edits. */
static gboolean
dialogs_keep_edits (GtkWindow *window)
{
  GListModel *toplevels = gtk_window_get_toplevels ();  /* GTK's, lent */
  gboolean kept = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (AERO_IS_EDIT_DIALOG (toplevel) &&
          gtk_window_get_transient_for (toplevel) == window &&
          aero_edit_dialog_has_changes (AERO_EDIT_DIALOG (toplevel)))
        {
          gtk_window_close (toplevel);
          kept = TRUE;
        }
    }

  return kept;
}

static gboolean
aero_window_close_request (GtkWindow *window)
{
  AeroWindow *self = AERO_WINDOW (window);

  if (dialogs_keep_edits (window))
    return TRUE;

  if (self->settings != NULL)
    {
      int width, height;

      gtk_window_get_default_size (window, &width, &height);
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
      g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
    }

  return GTK_WINDOW_CLASS (aero_window_parent_class)->close_request (window);
}

static void
aero_window_dispose (GObject *object)
{
  AeroWindow *self = AERO_WINDOW (object);

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_cancellable_cancel (self->login_cancellable);
  g_clear_object (&self->login_cancellable);

  gtk_widget_dispose_template (GTK_WIDGET (object), AERO_TYPE_WINDOW);

  g_clear_object (&self->engine);
  g_clear_object (&self->pending);
  g_clear_object (&self->settings);
  g_clear_object (&self->menu);
  g_clear_object (&self->user_section);

  G_OBJECT_CLASS (aero_window_parent_class)->dispose (object);
}

static void
aero_window_class_init (AeroWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = aero_window_dispose;
  window_class->close_request = aero_window_close_request;

  g_type_ensure (AERO_TYPE_BANNER);
  g_type_ensure (AERO_TYPE_LOGIN_PAGE);
  g_type_ensure (AERO_TYPE_VM_VIEW);
  g_type_ensure (AERO_TYPE_TEMPLATE_VIEW);
  g_type_ensure (AERO_TYPE_CLUSTER_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/aerostat/Aerostat/ui/aero-window.ui");
  gtk_widget_class_bind_template_child (widget_class, AeroWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, AeroWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, AeroWindow, login_page);
  gtk_widget_class_bind_template_child (widget_class, AeroWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, AeroWindow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, AeroWindow, session_banner);
  gtk_widget_class_bind_template_child (widget_class, AeroWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, AeroWindow, vm_view);
  gtk_widget_class_bind_template_child (widget_class, AeroWindow, template_view);
  gtk_widget_class_bind_template_child (widget_class, AeroWindow, cluster_view);
  gtk_widget_class_bind_template_child (widget_class, AeroWindow, host_view);
  gtk_widget_class_bind_template_callback (widget_class, connect_requested_cb);
  gtk_widget_class_bind_template_callback (widget_class, demo_requested_cb);
  gtk_widget_class_bind_template_callback (widget_class, trust_requested_cb);
  gtk_widget_class_bind_template_callback (widget_class, cancel_requested_cb);
  gtk_widget_class_bind_template_callback (widget_class, actions_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, load_failed_cb);
  gtk_widget_class_bind_template_callback (widget_class, clusters_loaded_cb);
  gtk_widget_class_bind_template_callback (widget_class, view_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, vms_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, pictures_changed_cb);

  aero_window_class_install_actions (widget_class);
  gtk_widget_class_install_action (widget_class, "win.forget-recent", "(ss)",
                                   forget_recent_action);
}

static GSettings *
settings_new_if_installed (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  /* Running from the build tree without the schema must not abort. */
  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema == NULL)
    return NULL;

  return g_settings_new (APP_ID);
}

static void
build_menu (AeroWindow *self)
{
  g_autoptr(GMenu) main_section = g_menu_new ();
  g_autoptr(GMenu) logout_section = g_menu_new ();

  self->menu = g_menu_new ();
  self->user_section = g_menu_new ();

  g_menu_append (main_section, _("_Refresh"), "win.refresh");
  g_menu_append (main_section, _("_Keyboard Shortcuts"), "app.shortcuts");
  g_menu_append (main_section, _("_About Aerostat"), "app.about");
  g_menu_append (logout_section, _("_Log Out"), "win.logout");

  g_menu_append_section (self->menu, NULL, G_MENU_MODEL (self->user_section));
  g_menu_append_section (self->menu, NULL, G_MENU_MODEL (main_section));
  g_menu_append_section (self->menu, NULL, G_MENU_MODEL (logout_section));
  gtk_menu_button_set_menu_model (self->menu_button, G_MENU_MODEL (self->menu));
}

/* AdwApplication loads style.css and the icons from the resource base
 * path; a window built without it (tests, screenshots) does it here. */
static void
ensure_resources_on_display (GtkWidget *widget)
{
  GdkDisplay *display = gtk_widget_get_display (widget);
  g_autoptr(GtkCssProvider) provider = NULL;

  if (g_object_get_data (G_OBJECT (display), "aero-resources") != NULL)
    return;
  g_object_set_data (G_OBJECT (display), "aero-resources", GINT_TO_POINTER (TRUE));

  gtk_icon_theme_add_resource_path (gtk_icon_theme_get_for_display (display),
                                    "/io/github/aerostat/Aerostat/icons");

  if (ADW_IS_APPLICATION (g_application_get_default ()))
    return;

  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, "/io/github/aerostat/Aerostat/style.css");
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

static void
aero_window_init (AeroWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  ensure_resources_on_display (GTK_WIDGET (self));

  build_menu (self);

  self->settings = settings_new_if_installed ();
  if (self->settings != NULL)
    {
      gtk_window_set_default_size (GTK_WINDOW (self),
                                   g_settings_get_int (self->settings, "window-width"),
                                   g_settings_get_int (self->settings, "window-height"));
      if (g_settings_get_boolean (self->settings, "window-maximized"))
        gtk_window_maximize (GTK_WINDOW (self));
    }
  else
    {
      gtk_window_set_default_size (GTK_WINDOW (self), 1100, 720);
    }

  g_signal_connect (self, "notify::default-width", G_CALLBACK (width_changed_cb), NULL);
  width_changed_cb (self);

  load_recent (self);
  gtk_stack_set_visible_child_name (self->main_stack, "login");
  /* Else the window gives its first focusable widget, the primary menu
   * button, the focus: typing the address at once must work. */
  aero_login_page_focus (self->login_page);
  aero_window_actions_update (self);
  /* GTK 4.8 named many controls twice: see aero-accessible.h. */
  aero_accessible_single_names (GTK_WIDGET (self));
}

/* Public API */

AeroWindow *
aero_window_new (AdwApplication *application)
{
  return g_object_new (AERO_TYPE_WINDOW, "application", application, NULL);
}

AeroEngine *
aero_window_get_engine (AeroWindow *self)
{
  g_return_val_if_fail (AERO_IS_WINDOW (self), NULL);

  return self->engine;
}

void
aero_window_show_toast (AeroWindow *self,
                        const char *text)
{
  AdwToast *toast;

  g_return_if_fail (AERO_IS_WINDOW (self));

  toast = adw_toast_new (text);
  adw_toast_set_timeout (toast, 6);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

const char *
aero_window_get_page (AeroWindow *self)
{
  g_return_val_if_fail (AERO_IS_WINDOW (self), NULL);

  return gtk_stack_get_visible_child_name (self->main_stack);
}

AeroLoginPage *
aero_window_get_login_page (AeroWindow *self)
{
  g_return_val_if_fail (AERO_IS_WINDOW (self), NULL);

  return self->login_page;
}

AeroVmView *
aero_window_get_vm_view (AeroWindow *self)
{
  g_return_val_if_fail (AERO_IS_WINDOW (self), NULL);

  return self->vm_view;
}

GListModel *
aero_window_get_vm_model (AeroWindow *self)
{
  g_return_val_if_fail (AERO_IS_WINDOW (self), NULL);

  return aero_vm_view_get_model (self->vm_view);
}

GListModel *
aero_window_get_cluster_model (AeroWindow *self)
{
  g_return_val_if_fail (AERO_IS_WINDOW (self), NULL);

  return aero_cluster_view_get_model (self->cluster_view);
}

GListModel *
aero_window_get_template_model (AeroWindow *self)
{
  g_return_val_if_fail (AERO_IS_WINDOW (self), NULL);

  return aero_template_view_get_model (self->template_view);
}
