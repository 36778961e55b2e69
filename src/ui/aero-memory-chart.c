/* aero-memory-chart.c - the memory picture of a host or a cluster as one
 * bar
 *
 * The bar's scale is the larger of physical and committed memory, so an
 * over-commit shows as committed running past the end of physical memory
 * (drawn in the warning colour). In use fills the bar from the left; the
 * guaranteed floor is a mark; the balloon headroom is a band under the
 * committed end, from committed less headroom to committed: what the
 * balloons can give back.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "aero-format.h"
#include "aero-memory-chart.h"

#define BAR_HEIGHT 18
#define BAND_HEIGHT 6
#define MARK_OVERHANG 4

struct _AeroMemoryChart
{
  GtkWidget          parent_instance;

  AeroMemoryPicture *picture;
  char              *legend;
};

G_DEFINE_FINAL_TYPE (AeroMemoryChart, aero_memory_chart, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_PICTURE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
aero_memory_chart_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 120;
      *natural = 320;
    }
  else
    {
      *minimum = *natural = BAR_HEIGHT + 2 * MARK_OVERHANG;
    }
}

static void
append_rect (GtkSnapshot   *snapshot,
             float          x,
             float          y,
             float          width,
             float          height,
             const GdkRGBA *color)
{
  if (width <= 0)
    return;
  gtk_snapshot_append_color (snapshot, color, &GRAPHENE_RECT_INIT (x, y, width, height));
}

static GdkRGBA
lookup_color (GtkWidget  *widget,
              const char *name,
              const char *fallback)
{
  GdkRGBA color;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  if (!gtk_style_context_lookup_color (gtk_widget_get_style_context (widget), name, &color))
    gdk_rgba_parse (&color, fallback);
  G_GNUC_END_IGNORE_DEPRECATIONS
  return color;
}

static void
aero_memory_chart_snapshot (GtkWidget   *widget,
                            GtkSnapshot *snapshot)
{
  AeroMemoryChart *self = AERO_MEMORY_CHART (widget);
  float width = gtk_widget_get_width (widget);
  float y = MARK_OVERHANG;
  gint64 physical, used, guaranteed, committed, headroom, scale;
  GdkRGBA fg, trough, used_color, over_color, band_color;
  GskRoundedRect clip;
  float x_physical;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
  G_GNUC_END_IGNORE_DEPRECATIONS
  used_color = lookup_color (widget, "accent_bg_color", "#3584e4");
  over_color = lookup_color (widget, "warning_color", "#c01c28");
  band_color = lookup_color (widget, "success_color", "#2ec27e");
  trough = fg;
  trough.alpha = 0.15f;
  over_color.alpha = 0.45f;

  gsk_rounded_rect_init_from_rect (&clip, &GRAPHENE_RECT_INIT (0, y, width, BAR_HEIGHT), 4);
  gtk_snapshot_push_rounded_clip (snapshot, &clip);
  append_rect (snapshot, 0, y, width, BAR_HEIGHT, &trough);
  if (self->picture == NULL || aero_memory_picture_get_physical (self->picture) <= 0)
    {
      gtk_snapshot_pop (snapshot);
      return;
    }

  physical = aero_memory_picture_get_physical (self->picture);
  used = aero_memory_picture_get_used (self->picture);
  guaranteed = aero_memory_picture_get_guaranteed (self->picture);
  committed = aero_memory_picture_get_committed (self->picture);
  headroom = aero_memory_picture_get_balloon_headroom (self->picture);
  scale = MAX (physical, MAX (committed, used));

#define X(bytes) ((float) ((double) (bytes) / (double) scale * width))
  x_physical = X (physical);
  /* Past physical memory, up to committed: the over-commit. */
  if (committed > physical)
    append_rect (snapshot, x_physical, y, width - x_physical, BAR_HEIGHT, &over_color);
  if (used > 0)
    append_rect (snapshot, 0, y, X (used), BAR_HEIGHT, &used_color);
  /* The headroom, as a band along the bottom ending at committed. */
  if (committed > 0 && headroom > 0)
    append_rect (snapshot, X (committed - headroom), y + BAR_HEIGHT - BAND_HEIGHT,
                 X (headroom), BAND_HEIGHT, &band_color);
  gtk_snapshot_pop (snapshot);

  /* Marks that reach past the bar: the end of physical memory (thick),
   * committed and the guaranteed floor (thin). */
  append_rect (snapshot, MIN (x_physical, width - 3), 0, 3, BAR_HEIGHT + 2 * MARK_OVERHANG, &fg);
  if (committed > 0)
    append_rect (snapshot, MIN (X (committed), width - 1) - 1, y - 2, 2, BAR_HEIGHT + 4, &fg);
  if (guaranteed > 0)
    {
      GdkRGBA dim = fg;

      dim.alpha = 0.6f;
      append_rect (snapshot, MIN (X (guaranteed), width - 2), 0, 2, BAR_HEIGHT + 2 * MARK_OVERHANG, &dim);
    }
#undef X
}

static void
aero_memory_chart_finalize (GObject *object)
{
  AeroMemoryChart *self = AERO_MEMORY_CHART (object);

  g_clear_object (&self->picture);
  g_clear_pointer (&self->legend, g_free);

  G_OBJECT_CLASS (aero_memory_chart_parent_class)->finalize (object);
}

static void
aero_memory_chart_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  AeroMemoryChart *self = AERO_MEMORY_CHART (object);

  if (prop_id == PROP_PICTURE)
    g_value_set_object (value, self->picture);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
aero_memory_chart_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  AeroMemoryChart *self = AERO_MEMORY_CHART (object);

  if (prop_id == PROP_PICTURE)
    aero_memory_chart_set_picture (self, g_value_get_object (value));
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
aero_memory_chart_class_init (AeroMemoryChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = aero_memory_chart_finalize;
  object_class->get_property = aero_memory_chart_get_property;
  object_class->set_property = aero_memory_chart_set_property;

  widget_class->measure = aero_memory_chart_measure;
  widget_class->snapshot = aero_memory_chart_snapshot;

  properties[PROP_PICTURE] =
    g_param_spec_object ("picture", NULL, NULL, AERO_TYPE_MEMORY_PICTURE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "memorychart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
aero_memory_chart_init (AeroMemoryChart *self)
{
  aero_memory_chart_set_picture (self, NULL);
}

GtkWidget *
aero_memory_chart_new (void)
{
  return g_object_new (AERO_TYPE_MEMORY_CHART, NULL);
}

char *
aero_memory_picture_dup_legend (AeroMemoryPicture *picture)
{
  g_autofree char *physical = NULL, *used = NULL, *guaranteed = NULL;
  g_autofree char *committed = NULL, *headroom = NULL, *percent = NULL;
  int share;

  if (picture == NULL)
    return g_strdup (_("Memory unknown"));

  physical = aero_format_bytes (aero_memory_picture_get_physical (picture));
  used = aero_format_bytes (aero_memory_picture_get_used (picture));
  guaranteed = aero_format_bytes (aero_memory_picture_get_guaranteed (picture));
  committed = aero_format_bytes (aero_memory_picture_get_committed (picture));
  headroom = aero_format_bytes (aero_memory_picture_get_balloon_headroom (picture));
  share = aero_memory_picture_get_committed_percent (picture);
  percent = share >= 0 ? g_strdup_printf (_("%d %% of physical"), share) : g_strdup (AERO_FORMAT_UNKNOWN);

  /* TRANSLATORS: the legend of the memory picture, one figure a line */
  return g_strdup_printf (_("Physical memory: %s\n"
                            "In use: %s\n"
                            "Guaranteed floor of running VMs: %s\n"
                            "Committed to running VMs: %s, %s\n"
                            "Balloon headroom: %s"),
                          physical, used, guaranteed, committed, percent, headroom);
}

void
aero_memory_chart_set_picture (AeroMemoryChart   *self,
                               AeroMemoryPicture *picture)
{
  g_return_if_fail (AERO_IS_MEMORY_CHART (self));
  g_return_if_fail (picture == NULL || AERO_IS_MEMORY_PICTURE (picture));

  if (picture != NULL && picture == self->picture)
    return;
  g_set_object (&self->picture, picture);
  g_free (self->legend);
  self->legend = aero_memory_picture_dup_legend (picture);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, self->legend,
                                  -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PICTURE]);
}

AeroMemoryPicture *
aero_memory_chart_get_picture (AeroMemoryChart *self)
{
  g_return_val_if_fail (AERO_IS_MEMORY_CHART (self), NULL);
  return self->picture;
}

const char *
aero_memory_chart_get_legend (AeroMemoryChart *self)
{
  g_return_val_if_fail (AERO_IS_MEMORY_CHART (self), NULL);
  return self->legend;
}

static char *
color_span (const GdkRGBA *color,
            const char    *glyph)
{
  return g_strdup_printf ("<span foreground=\"#%02x%02x%02x\">%s</span>",
                          (guint) (color->red * 255), (guint) (color->green * 255),
                          (guint) (color->blue * 255), glyph);
}

void
aero_memory_chart_show_legend (AeroMemoryChart *self,
                               GtkLabel        *label)
{
  GtkWidget *widget = GTK_WIDGET (self);
  g_auto(GStrv) lines = NULL;
  g_autoptr(GString) markup = g_string_new (NULL);
  GdkRGBA fg, keys[5];
  /* Line order of the legend: physical, in use, guaranteed, committed,
   * headroom; each keyed by its colour or mark in the bar. */
  static const char *const glyphs[5] = { "▌", "■", "│", "┃", "▂" };

  g_return_if_fail (AERO_IS_MEMORY_CHART (self));
  g_return_if_fail (GTK_IS_LABEL (label));

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
  G_GNUC_END_IGNORE_DEPRECATIONS
  keys[0] = fg;
  keys[1] = lookup_color (widget, "accent_bg_color", "#3584e4");
  keys[2] = fg;
  keys[3] = lookup_color (widget, "warning_color", "#c01c28");
  keys[4] = lookup_color (widget, "success_color", "#2ec27e");

  lines = g_strsplit (self->legend, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *escaped = g_markup_escape_text (lines[i], -1);

      if (i > 0)
        g_string_append_c (markup, '\n');
      if (self->picture != NULL && i < G_N_ELEMENTS (glyphs))
        {
          g_autofree char *key = color_span (&keys[i], glyphs[i]);

          g_string_append_printf (markup, "%s ", key);
        }
      g_string_append (markup, escaped);
    }
  gtk_label_set_markup (label, markup->str);
}
