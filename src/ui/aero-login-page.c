/* aero-login-page.c - engine address, user, password, recent engines
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "aero-accessible.h"
#include "aero-credentials.h"
#include "aero-engine-error.h"
#include "aero-format.h"
#include "aero-login-page.h"

struct _AeroLoginPage
{
  GtkWidget         parent_instance;

  GCancellable     *cancellable;
  gboolean          busy;

  GtkWidget        *error_box;
  GtkLabel         *error_label;
  GtkWidget        *trust_button;
  AdwEntryRow      *address_row;
  AdwEntryRow      *user_row;
  AdwEntryRow      *password_row;
  GtkSwitch        *remember_switch;
  GtkWidget        *connect_button;
  GtkWidget        *cancel_button;
  GtkSpinner       *spinner;
  GtkWidget        *demo_button;
  GtkWidget        *recent_group;
  GtkListBox       *recent_list;
};

G_DEFINE_FINAL_TYPE (AeroLoginPage, aero_login_page, GTK_TYPE_WIDGET)

enum {
  CONNECT_REQUESTED,
  DEMO_REQUESTED,
  TRUST_REQUESTED,
  CANCEL_REQUESTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
connect_clicked_cb (AeroLoginPage *self)
{
  const char *address = gtk_editable_get_text (GTK_EDITABLE (self->address_row));
  const char *user = gtk_editable_get_text (GTK_EDITABLE (self->user_row));
  const char *password = gtk_editable_get_text (GTK_EDITABLE (self->password_row));

  if (self->busy)
    return;

  if (address == NULL || *address == '\0')
    {
      aero_login_page_set_error (self, _("Enter the address of the engine, e.g. engine.example.com."), FALSE);
      gtk_widget_grab_focus (GTK_WIDGET (self->address_row));
      return;
    }
  if (user == NULL || *user == '\0')
    {
      aero_login_page_set_error (self, _("Enter a user, e.g. admin@internal."), FALSE);
      gtk_widget_grab_focus (GTK_WIDGET (self->user_row));
      return;
    }

  g_signal_emit (self, signals[CONNECT_REQUESTED], 0,
                 address, user, password,
                 gtk_switch_get_active (self->remember_switch));
}

static void
cancel_clicked_cb (AeroLoginPage *self)
{
  if (self->busy)
    g_signal_emit (self, signals[CANCEL_REQUESTED], 0);
}

static void
demo_clicked_cb (AeroLoginPage *self)
{
  if (!self->busy)
    g_signal_emit (self, signals[DEMO_REQUESTED], 0);
}

static void
trust_clicked_cb (AeroLoginPage *self)
{
  if (!self->busy)
    g_signal_emit (self, signals[TRUST_REQUESTED], 0);
}

static void
lookup_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(AeroLoginPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *password = NULL;

  password = aero_credentials_lookup_finish (result, &error);
  if (error != NULL)
    {
      /* No keyring is not a failure of the login: the admin types it. */
      g_debug ("Password lookup failed: %s", error->message);
      return;
    }

  if (password != NULL)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->password_row), password);
      gtk_switch_set_active (self->remember_switch, TRUE);
    }
}

static void
recent_activated_cb (AeroLoginPage *self,
                     GtkListBoxRow *row)
{
  const char *address = g_object_get_data (G_OBJECT (row), "aero-address");
  const char *user = g_object_get_data (G_OBJECT (row), "aero-user");

  aero_login_page_set_address (self, address);
  aero_login_page_set_user (self, user);
  aero_login_page_set_password (self, "");

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  aero_credentials_lookup_async (address, user, self->cancellable, lookup_cb, g_object_ref (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->password_row));
}

static void
aero_login_page_dispose (GObject *object)
{
  AeroLoginPage *self = AERO_LOGIN_PAGE (object);
  GtkWidget *child;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  gtk_widget_dispose_template (GTK_WIDGET (object), AERO_TYPE_LOGIN_PAGE);
  /* dispose_template() only unparents bound children; the top-level
   * child of the template may not be one. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (aero_login_page_parent_class)->dispose (object);
}

static void
aero_login_page_class_init (AeroLoginPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = aero_login_page_dispose;

  signals[CONNECT_REQUESTED] =
    g_signal_new ("connect-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 4,
                  G_TYPE_STRING, G_TYPE_STRING, G_TYPE_STRING, G_TYPE_BOOLEAN);
  signals[DEMO_REQUESTED] =
    g_signal_new ("demo-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[TRUST_REQUESTED] =
    g_signal_new ("trust-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[CANCEL_REQUESTED] =
    g_signal_new ("cancel-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/aerostat/Aerostat/ui/aero-login-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AeroLoginPage, error_box);
  gtk_widget_class_bind_template_child (widget_class, AeroLoginPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, AeroLoginPage, trust_button);
  gtk_widget_class_bind_template_child (widget_class, AeroLoginPage, address_row);
  gtk_widget_class_bind_template_child (widget_class, AeroLoginPage, user_row);
  gtk_widget_class_bind_template_child (widget_class, AeroLoginPage, password_row);
  gtk_widget_class_bind_template_child (widget_class, AeroLoginPage, remember_switch);
  gtk_widget_class_bind_template_child (widget_class, AeroLoginPage, connect_button);
  gtk_widget_class_bind_template_child (widget_class, AeroLoginPage, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, AeroLoginPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, AeroLoginPage, demo_button);
  gtk_widget_class_bind_template_child (widget_class, AeroLoginPage, recent_group);
  gtk_widget_class_bind_template_child (widget_class, AeroLoginPage, recent_list);
  gtk_widget_class_bind_template_callback (widget_class, connect_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, cancel_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, demo_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, trust_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, recent_activated_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

/* libadwaita 1.2 gives the password row's peek icon the button role but
 * no name (screen readers say "GtkImage"); name whatever plays that
 * part, in any version. */
static void
name_peek_button (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (child)) == GTK_ACCESSIBLE_ROLE_BUTTON ||
          GTK_IS_BUTTON (child))
        {
          gtk_accessible_update_property (GTK_ACCESSIBLE (child),
                                          GTK_ACCESSIBLE_PROPERTY_LABEL, _("Show Password"),
                                          -1);
          continue;
        }
      name_peek_button (child);
    }
}

static void
aero_login_page_init (AeroLoginPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  name_peek_button (GTK_WIDGET (self->password_row));
  aero_accessible_single_names (GTK_WIDGET (self));

  /* The error text is announced when it appears. */
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->connect_button),
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, self->error_label, NULL,
                                  -1);
}

void
aero_login_page_set_address (AeroLoginPage *self,
                             const char    *address)
{
  g_return_if_fail (AERO_IS_LOGIN_PAGE (self));

  gtk_editable_set_text (GTK_EDITABLE (self->address_row), address ? address : "");
}

const char *
aero_login_page_get_address (AeroLoginPage *self)
{
  g_return_val_if_fail (AERO_IS_LOGIN_PAGE (self), NULL);

  return gtk_editable_get_text (GTK_EDITABLE (self->address_row));
}

void
aero_login_page_set_user (AeroLoginPage *self,
                          const char    *user)
{
  g_return_if_fail (AERO_IS_LOGIN_PAGE (self));

  gtk_editable_set_text (GTK_EDITABLE (self->user_row), user ? user : "");
}

const char *
aero_login_page_get_user (AeroLoginPage *self)
{
  g_return_val_if_fail (AERO_IS_LOGIN_PAGE (self), NULL);

  return gtk_editable_get_text (GTK_EDITABLE (self->user_row));
}

void
aero_login_page_set_password (AeroLoginPage *self,
                              const char    *password)
{
  g_return_if_fail (AERO_IS_LOGIN_PAGE (self));

  gtk_editable_set_text (GTK_EDITABLE (self->password_row), password ? password : "");
}

void
aero_login_page_set_remember (AeroLoginPage *self,
                              gboolean       remember)
{
  g_return_if_fail (AERO_IS_LOGIN_PAGE (self));

  gtk_switch_set_active (self->remember_switch, remember);
}

void
aero_login_page_set_busy (AeroLoginPage *self,
                          gboolean       busy)
{
  g_return_if_fail (AERO_IS_LOGIN_PAGE (self));

  self->busy = !!busy;
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_spinner_set_spinning (self->spinner, busy);
  /* An engine that does not answer holds the login until the timeout:
   * Cancel takes the demo button's place meanwhile. */
  gtk_widget_set_visible (self->demo_button, !busy);
  gtk_widget_set_visible (self->cancel_button, busy);
  /* Focus Cancel before the fields go insensitive: keyboard users can
   * cancel with Enter, and a focused text field made insensitive keeps
   * its cursor blinking (GTK 4.8 warns when it is destroyed). */
  if (busy && gtk_widget_get_mapped (self->cancel_button))
    {
      GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (self)));

      if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self)))
        gtk_widget_grab_focus (self->cancel_button);
    }
  gtk_widget_set_sensitive (GTK_WIDGET (self->address_row), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->user_row), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->password_row), !busy);
  gtk_widget_set_sensitive (self->trust_button, !busy);
  gtk_widget_set_sensitive (self->recent_group, !busy);
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->connect_button),
                               GTK_ACCESSIBLE_STATE_BUSY, busy,
                               -1);
  if (busy)
    aero_login_page_set_error (self, NULL, FALSE);
}

gboolean
aero_login_page_get_busy (AeroLoginPage *self)
{
  g_return_val_if_fail (AERO_IS_LOGIN_PAGE (self), FALSE);

  return self->busy;
}

void
aero_login_page_set_error (AeroLoginPage *self,
                           const char    *message,
                           gboolean       offer_trust)
{
  g_return_if_fail (AERO_IS_LOGIN_PAGE (self));

  gtk_label_set_label (self->error_label, message ? message : "");
  gtk_widget_set_visible (self->error_box, message != NULL);
  gtk_widget_set_visible (self->trust_button, message != NULL && offer_trust);
}

const char *
aero_login_page_get_error (AeroLoginPage *self)
{
  g_return_val_if_fail (AERO_IS_LOGIN_PAGE (self), NULL);

  if (!gtk_widget_get_visible (self->error_box))
    return NULL;

  return gtk_label_get_label (self->error_label);
}

char *
aero_login_page_describe_error (const GError *error,
                                const char   *address)
{
  g_autofree char *words = aero_format_error (error);

  if (error->domain != AERO_ENGINE_ERROR)
    return g_steal_pointer (&words);

  switch ((AeroEngineErrorCode) error->code)
    {
    case AERO_ENGINE_ERROR_UNAUTHORIZED:
      /* TRANSLATORS: %s is the engine's own message, e.g. "Cannot
       * authenticate user 'admin@internal': ..." */
      return g_strdup_printf (_("The engine refused the login: %s"), words);
    case AERO_ENGINE_ERROR_FORBIDDEN:
      return g_strdup_printf (_("The engine refused access: %s"), words);
    case AERO_ENGINE_ERROR_NETWORK:
      /* TRANSLATORS: first %s is the address, second the system's reason */
      return g_strdup_printf (_("Could not reach an engine at %s. Check the address and the network. (%s)"),
                              address, error->message);
    case AERO_ENGINE_ERROR_TLS:
      /* No certificate to check (one issued for another name, a failed
       * handshake): trusting would not help, so it is not suggested. */
      if (aero_engine_error_get_certificate_fingerprint (error) == NULL)
        /* TRANSLATORS: %s is the address, then the reason */
        return g_strdup_printf (_("The secure connection to %s failed, so nothing was sent. (%s)"),
                                address, error->message);
      return g_strdup_printf (_("The certificate of %s is not trusted, so nothing was sent. "
                                "Check its fingerprint with the engine's administrator before you trust it. (%s)"),
                              address, error->message);
    case AERO_ENGINE_ERROR_PARSE:
    case AERO_ENGINE_ERROR_NOT_FOUND:
      return g_strdup_printf (_("%s answered, but it is not an oVirt engine: no oVirt API was found there."),
                              address);
    case AERO_ENGINE_ERROR_FAULT:
      return g_strdup_printf (_("The engine refused: %s"), words);
    case AERO_ENGINE_ERROR_CANCELLED:
      return g_strdup (_("The connection was cancelled."));
    default:
      return g_steal_pointer (&words);
    }
}

static GtkWidget *
recent_row_new (const char *address,
                const char *user)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name ("go-next-symbolic");
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  g_autofree char *label = NULL;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), address);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), user);
  /* An address has no spaces to wrap at: one ellipsized line, or a long
   * one would set the window's minimum width (360 px must work). */
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 1);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 1);
  gtk_widget_set_tooltip_text (row, address);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  /* Removes the entry (win.forget-recent); the row itself stays the
   * button that fills in the form. */
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, _("Remove From Recent Engines"));
  /* TRANSLATORS: accessible name of the button; %s is an engine address */
  label = g_strdup_printf (_("Remove %s from recent engines"), address);
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (remove), "win.forget-recent");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (remove), "(ss)", address, user);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), icon);
  g_object_set_data_full (G_OBJECT (row), "aero-address", g_strdup (address), g_free);
  g_object_set_data_full (G_OBJECT (row), "aero-user", g_strdup (user), g_free);

  return row;
}

void
aero_login_page_set_recent (AeroLoginPage *self,
                            GVariant      *recent)
{
  GtkWidget *child;
  GVariantIter iter;
  const char *address;
  const char *user;
  guint n = 0;

  g_return_if_fail (AERO_IS_LOGIN_PAGE (self));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->recent_list))) != NULL)
    gtk_list_box_remove (self->recent_list, child);

  if (recent != NULL && g_variant_is_of_type (recent, G_VARIANT_TYPE ("a(ss)")))
    {
      g_variant_iter_init (&iter, recent);
      while (g_variant_iter_next (&iter, "(&s&s)", &address, &user))
        {
          gtk_list_box_append (self->recent_list, recent_row_new (address, user));
          n++;
        }
    }

  gtk_widget_set_visible (self->recent_group, n > 0);
}

void
aero_login_page_focus (AeroLoginPage *self)
{
  g_return_if_fail (AERO_IS_LOGIN_PAGE (self));

  if (*gtk_editable_get_text (GTK_EDITABLE (self->address_row)) == '\0')
    gtk_widget_grab_focus (GTK_WIDGET (self->address_row));
  else if (*gtk_editable_get_text (GTK_EDITABLE (self->user_row)) == '\0')
    gtk_widget_grab_focus (GTK_WIDGET (self->user_row));
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->password_row));
}

void
aero_login_page_connect (AeroLoginPage *self)
{
  g_return_if_fail (AERO_IS_LOGIN_PAGE (self));

  connect_clicked_cb (self);
}

void
aero_login_page_cancel (AeroLoginPage *self)
{
  g_return_if_fail (AERO_IS_LOGIN_PAGE (self));

  gtk_widget_activate (self->cancel_button);
}
