/* aero-trust-dialog.c - "Trust this engine?" with the CA's fingerprint
 *
 * The admin compares the SHA-256 fingerprint with the one the engine's
 * administrator reads from the engine host; only then is the CA kept, and
 * only for that engine. There is deliberately no "ignore errors" path.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "aero-accessible.h"
#include "aero-trust-dialog.h"

struct _AeroTrustDialog
{
  AdwMessageDialog  parent_instance;

  char             *fingerprint;
  GtkLabel         *fingerprint_label;
};

G_DEFINE_FINAL_TYPE (AeroTrustDialog, aero_trust_dialog, ADW_TYPE_MESSAGE_DIALOG)

static void
aero_trust_dialog_finalize (GObject *object)
{
  AeroTrustDialog *self = AERO_TRUST_DIALOG (object);

  g_free (self->fingerprint);

  G_OBJECT_CLASS (aero_trust_dialog_parent_class)->finalize (object);
}

static void
aero_trust_dialog_class_init (AeroTrustDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = aero_trust_dialog_finalize;
}

static void
aero_trust_dialog_init (AeroTrustDialog *self)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (self);
  GtkWidget *label;

  adw_message_dialog_set_heading (dialog, _("Trust This Engine?"));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "trust", _("_Trust"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "trust", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");

  label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_CHAR);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
  gtk_widget_add_css_class (label, "aero-fingerprint");
  gtk_accessible_update_property (GTK_ACCESSIBLE (label),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("SHA-256 fingerprint"),
                                  -1);
  self->fingerprint_label = GTK_LABEL (label);
  adw_message_dialog_set_extra_child (dialog, label);
  /* Its response buttons have mnemonics: "_Trust Trust" on GTK 4.8. */
  aero_accessible_single_names (GTK_WIDGET (self));
}

GtkWidget *
aero_trust_dialog_new (GtkWindow  *parent,
                       const char *host,
                       const char *fingerprint)
{
  AeroTrustDialog *self;
  g_autofree char *body = NULL;

  g_return_val_if_fail (host != NULL, NULL);
  g_return_val_if_fail (fingerprint != NULL, NULL);

  self = g_object_new (AERO_TYPE_TRUST_DIALOG,
                       "transient-for", parent,
                       "modal", TRUE,
                       NULL);
  self->fingerprint = g_strdup (fingerprint);

  /* TRANSLATORS: %s is the engine's host name */
  body = g_strdup_printf (_("The certificate authority of %s is not known to this computer. "
                            "Compare its SHA-256 fingerprint below with the one on the engine "
                            "(ask its administrator) and trust it only if they match. "
                            "It will be used for this engine only."),
                          host);
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self), body);
  gtk_label_set_label (self->fingerprint_label, fingerprint);

  return GTK_WIDGET (self);
}

const char *
aero_trust_dialog_get_fingerprint (AeroTrustDialog *self)
{
  g_return_val_if_fail (AERO_IS_TRUST_DIALOG (self), NULL);

  return self->fingerprint;
}

char *
aero_trust_dialog_dup_ca_path (const char *host)
{
  g_autofree char *name = NULL;

  g_return_val_if_fail (host != NULL && *host != '\0', NULL);

  /* A host name never holds '/', but be safe against odd input. */
  name = g_strdelimit (g_strdup_printf ("%s.pem", host), "/\\", '_');

  return g_build_filename (g_get_user_data_dir (), "aerostat", "ca", name, NULL);
}

gboolean
aero_trust_dialog_save_ca (const char  *host,
                           const char  *pem,
                           GError     **error)
{
  g_autofree char *path = aero_trust_dialog_dup_ca_path (host);
  g_autofree char *dir = g_path_get_dirname (path);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not create %s: %s"), dir, g_strerror (saved_errno));
      return FALSE;
    }

  return g_file_set_contents_full (path, pem, -1,
                                   G_FILE_SET_CONTENTS_CONSISTENT,
                                   0600, error);
}
