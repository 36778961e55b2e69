/* aero-memory-bar.c - used / free / installed memory with a guaranteed mark
 *
 * Drawn in snapshot() rather than built from a GtkLevelBar: a level bar
 * cannot carry the guaranteed mark, which is the point of the widget (it
 * shows how far the balloon may shrink the guest).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "aero-format.h"
#include "aero-memory-bar.h"

#define BAR_HEIGHT 14
#define MARK_OVERHANG 4

struct _AeroMemoryBar
{
  GtkWidget parent_instance;

  gint64    installed;
  gint64    used;
  gint64    guaranteed;
};

G_DEFINE_FINAL_TYPE (AeroMemoryBar, aero_memory_bar, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_INSTALLED,
  PROP_USED,
  PROP_GUARANTEED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_accessible (AeroMemoryBar *self)
{
  g_autofree char *used = aero_format_bytes (self->used);
  g_autofree char *installed = aero_format_bytes (self->installed);
  g_autofree char *guaranteed = aero_format_bytes (self->guaranteed);
  g_autofree char *text = NULL;

  if (self->installed <= 0)
    text = g_strdup (_("Memory usage unknown"));
  else
    /* TRANSLATORS: accessible description of the memory bar */
    text = g_strdup_printf (_("%s used of %s installed, %s guaranteed"),
                            used, installed, guaranteed);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_MIN, 0.0,
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_MAX, (double) MAX (self->installed, 0),
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_NOW, (double) MAX (self->used, 0),
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, text,
                                  -1);
}

static void
aero_memory_bar_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 80;
      *natural = 240;
    }
  else
    {
      *minimum = *natural = BAR_HEIGHT + 2 * MARK_OVERHANG;
    }
}

static void
append_rounded (GtkSnapshot     *snapshot,
                float            x,
                float            y,
                float            width,
                float            height,
                const GdkRGBA   *color)
{
  GskRoundedRect rect;

  if (width <= 0)
    return;

  gsk_rounded_rect_init_from_rect (&rect, &GRAPHENE_RECT_INIT (x, y, width, height), MIN (height / 2, width / 2));
  gtk_snapshot_push_rounded_clip (snapshot, &rect);
  gtk_snapshot_append_color (snapshot, color, &GRAPHENE_RECT_INIT (x, y, width, height));
  gtk_snapshot_pop (snapshot);
}

static void
aero_memory_bar_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  AeroMemoryBar *self = AERO_MEMORY_BAR (widget);
  GtkStyleContext *context = gtk_widget_get_style_context (widget);
  int width = gtk_widget_get_width (widget);
  float y = MARK_OVERHANG;
  GdkRGBA fg, trough, used_color;

  /* GTK 4.8 has no gtk_widget_get_color(); the style context is the 4.8
   * way to follow the light/dark palette. */
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (context, &fg);
  if (!gtk_style_context_lookup_color (context, "accent_bg_color", &used_color))
    gdk_rgba_parse (&used_color, "#3584e4");
  G_GNUC_END_IGNORE_DEPRECATIONS

  trough = fg;
  trough.alpha = 0.15f;
  append_rounded (snapshot, 0, y, width, BAR_HEIGHT, &trough);

  if (self->installed <= 0)
    return;

  if (self->used >= 0)
    {
      double fraction = CLAMP ((double) self->used / (double) self->installed, 0.0, 1.0);

      append_rounded (snapshot, 0, y, (float) (fraction * width), BAR_HEIGHT, &used_color);
    }

  if (self->guaranteed >= 0)
    {
      double fraction = CLAMP ((double) self->guaranteed / (double) self->installed, 0.0, 1.0);
      float x = (float) (fraction * (width - 2));

      gtk_snapshot_append_color (snapshot, &fg,
                                 &GRAPHENE_RECT_INIT (x, 0, 2, BAR_HEIGHT + 2 * MARK_OVERHANG));
    }
}

static void
aero_memory_bar_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  AeroMemoryBar *self = AERO_MEMORY_BAR (object);

  switch (prop_id)
    {
    case PROP_INSTALLED:
      g_value_set_int64 (value, self->installed);
      break;
    case PROP_USED:
      g_value_set_int64 (value, self->used);
      break;
    case PROP_GUARANTEED:
      g_value_set_int64 (value, self->guaranteed);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
aero_memory_bar_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  AeroMemoryBar *self = AERO_MEMORY_BAR (object);

  switch (prop_id)
    {
    case PROP_INSTALLED:
      aero_memory_bar_set_values (self, g_value_get_int64 (value), self->used, self->guaranteed);
      break;
    case PROP_USED:
      aero_memory_bar_set_values (self, self->installed, g_value_get_int64 (value), self->guaranteed);
      break;
    case PROP_GUARANTEED:
      aero_memory_bar_set_values (self, self->installed, self->used, g_value_get_int64 (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
aero_memory_bar_class_init (AeroMemoryBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = aero_memory_bar_get_property;
  object_class->set_property = aero_memory_bar_set_property;

  widget_class->measure = aero_memory_bar_measure;
  widget_class->snapshot = aero_memory_bar_snapshot;

  properties[PROP_INSTALLED] =
    g_param_spec_int64 ("installed", NULL, NULL, -1, G_MAXINT64, -1,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_USED] =
    g_param_spec_int64 ("used", NULL, NULL, -1, G_MAXINT64, -1,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_GUARANTEED] =
    g_param_spec_int64 ("guaranteed", NULL, NULL, -1, G_MAXINT64, -1,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "memorybar");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_METER);
}

static void
aero_memory_bar_init (AeroMemoryBar *self)
{
  self->installed = -1;
  self->used = -1;
  self->guaranteed = -1;
  update_accessible (self);
}

GtkWidget *
aero_memory_bar_new (void)
{
  return g_object_new (AERO_TYPE_MEMORY_BAR, NULL);
}

void
aero_memory_bar_set_values (AeroMemoryBar *self,
                            gint64         installed,
                            gint64         used,
                            gint64         guaranteed)
{
  g_return_if_fail (AERO_IS_MEMORY_BAR (self));

  g_object_freeze_notify (G_OBJECT (self));
  if (self->installed != installed)
    {
      self->installed = installed;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INSTALLED]);
    }
  if (self->used != used)
    {
      self->used = used;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_USED]);
    }
  if (self->guaranteed != guaranteed)
    {
      self->guaranteed = guaranteed;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_GUARANTEED]);
    }
  g_object_thaw_notify (G_OBJECT (self));

  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

gint64
aero_memory_bar_get_installed (AeroMemoryBar *self)
{
  g_return_val_if_fail (AERO_IS_MEMORY_BAR (self), -1);

  return self->installed;
}

gint64
aero_memory_bar_get_used (AeroMemoryBar *self)
{
  g_return_val_if_fail (AERO_IS_MEMORY_BAR (self), -1);

  return self->used;
}

gint64
aero_memory_bar_get_guaranteed (AeroMemoryBar *self)
{
  g_return_val_if_fail (AERO_IS_MEMORY_BAR (self), -1);

  return self->guaranteed;
}
