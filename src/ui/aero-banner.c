/* aero-banner.c - a persistent message strip with an optional button
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "aero-accessible.h"
#include "aero-banner.h"

struct _AeroBanner
{
  GtkWidget    parent_instance;

  GtkRevealer *revealer;
  GtkLabel    *title_label;
  GtkButton   *button;
};

G_DEFINE_FINAL_TYPE (AeroBanner, aero_banner, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_BUTTON_LABEL,
  PROP_ACTION_NAME,
  PROP_REVEALED,
  N_PROPS
};

enum {
  BUTTON_CLICKED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
button_clicked_cb (AeroBanner *self)
{
  g_signal_emit (self, signals[BUTTON_CLICKED], 0);
}

static void
aero_banner_dispose (GObject *object)
{
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (object), AERO_TYPE_BANNER);
  /* dispose_template() only unparents bound children; the top-level
   * child of the template may not be one. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (aero_banner_parent_class)->dispose (object);
}

static void
aero_banner_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  AeroBanner *self = AERO_BANNER (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, aero_banner_get_title (self));
      break;
    case PROP_BUTTON_LABEL:
      g_value_set_string (value, aero_banner_get_button_label (self));
      break;
    case PROP_ACTION_NAME:
      g_value_set_string (value, gtk_actionable_get_action_name (GTK_ACTIONABLE (self->button)));
      break;
    case PROP_REVEALED:
      g_value_set_boolean (value, aero_banner_get_revealed (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
aero_banner_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  AeroBanner *self = AERO_BANNER (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      aero_banner_set_title (self, g_value_get_string (value));
      break;
    case PROP_BUTTON_LABEL:
      aero_banner_set_button_label (self, g_value_get_string (value));
      break;
    case PROP_ACTION_NAME:
      aero_banner_set_action_name (self, g_value_get_string (value));
      break;
    case PROP_REVEALED:
      aero_banner_set_revealed (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
aero_banner_class_init (AeroBannerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = aero_banner_dispose;
  object_class->get_property = aero_banner_get_property;
  object_class->set_property = aero_banner_set_property;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUTTON_LABEL] =
    g_param_spec_string ("button-label", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ACTION_NAME] =
    g_param_spec_string ("action-name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_REVEALED] =
    g_param_spec_boolean ("revealed", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[BUTTON_CLICKED] =
    g_signal_new ("button-clicked",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/aerostat/Aerostat/ui/aero-banner.ui");
  gtk_widget_class_bind_template_child (widget_class, AeroBanner, revealer);
  gtk_widget_class_bind_template_child (widget_class, AeroBanner, title_label);
  gtk_widget_class_bind_template_child (widget_class, AeroBanner, button);
  gtk_widget_class_bind_template_callback (widget_class, button_clicked_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "banner");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
aero_banner_init (AeroBanner *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_add_css_class (GTK_WIDGET (self), "aero-banner");
}

GtkWidget *
aero_banner_new (const char *title)
{
  return g_object_new (AERO_TYPE_BANNER, "title", title, NULL);
}

const char *
aero_banner_get_title (AeroBanner *self)
{
  g_return_val_if_fail (AERO_IS_BANNER (self), NULL);

  return gtk_label_get_label (self->title_label);
}

void
aero_banner_set_title (AeroBanner *self,
                       const char *title)
{
  g_return_if_fail (AERO_IS_BANNER (self));

  if (g_strcmp0 (title, gtk_label_get_label (self->title_label)) == 0)
    return;

  gtk_label_set_label (self->title_label, title ? title : "");
  /* The banner is announced as a whole by screen readers. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title ? title : "",
                                  -1);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

const char *
aero_banner_get_button_label (AeroBanner *self)
{
  g_return_val_if_fail (AERO_IS_BANNER (self), NULL);

  if (!gtk_widget_get_visible (GTK_WIDGET (self->button)))
    return NULL;

  return gtk_button_get_label (self->button);
}

void
aero_banner_set_button_label (AeroBanner *self,
                              const char *label)
{
  gboolean has_button;

  g_return_if_fail (AERO_IS_BANNER (self));

  has_button = label != NULL && *label != '\0';
  gtk_button_set_label (self->button, has_button ? label : NULL);
  if (has_button)
    {
      gtk_button_set_use_underline (self->button, TRUE);
      /* GTK 4.8 names the button by its raw label again ("_Retry"). */
      aero_accessible_follow_label (self->button);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->button), has_button);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUTTON_LABEL]);
}

gboolean
aero_banner_get_revealed (AeroBanner *self)
{
  g_return_val_if_fail (AERO_IS_BANNER (self), FALSE);

  return gtk_revealer_get_reveal_child (self->revealer);
}

void
aero_banner_set_revealed (AeroBanner *self,
                          gboolean    revealed)
{
  g_return_if_fail (AERO_IS_BANNER (self));

  revealed = !!revealed;
  if (revealed == gtk_revealer_get_reveal_child (self->revealer))
    return;

  gtk_revealer_set_reveal_child (self->revealer, revealed);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REVEALED]);
}

void
aero_banner_set_action_name (AeroBanner *self,
                             const char *action_name)
{
  g_return_if_fail (AERO_IS_BANNER (self));

  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->button), action_name);
}
