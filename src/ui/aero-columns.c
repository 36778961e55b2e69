/* aero-columns.c - text columns for the engine lists
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "aero-columns.h"
#include "aero-format.h"

typedef struct
{
  char                 *id;
  AeroColumnFormatFunc  format;
  AeroColumnFormatFunc  accessible;
  gpointer              user_data;
  float                 xalign;
  gboolean              expand;
  GWeakRef              watch;
  char                 *watch_signal;
} ColumnInfo;

static void
column_info_free (gpointer data)
{
  ColumnInfo *info = data;

  g_free (info->id);
  g_free (info->watch_signal);
  g_weak_ref_clear (&info->watch);
  g_free (info);
}

static void
cell_update (GtkListItem *list_item,
             ColumnInfo  *info)
{
  GtkWidget *label = gtk_list_item_get_child (list_item);
  gpointer item = gtk_list_item_get_item (list_item);
  g_autofree char *text = NULL;

  if (label == NULL || item == NULL)
    return;

  text = info->format (item, info->user_data);
  gtk_label_set_label (GTK_LABEL (label), text ? text : "");

  /* An unknown value is dimmed, so it never reads as a fact. */
  if (g_strcmp0 (text, AERO_FORMAT_UNKNOWN) == 0)
    gtk_widget_add_css_class (label, "aero-unknown");
  else
    gtk_widget_remove_css_class (label, "aero-unknown");

  if (info->accessible != NULL)
    {
      g_autofree char *name = info->accessible (item, info->user_data);

      gtk_accessible_update_property (GTK_ACCESSIBLE (label),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                      -1);
    }
  else if (g_strcmp0 (text, AERO_FORMAT_UNKNOWN) == 0)
    {
      gtk_accessible_update_property (GTK_ACCESSIBLE (label),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Unknown"),
                                      -1);
    }
  else
    {
      gtk_accessible_reset_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LABEL);
    }
}

static void
item_notify_cb (GObject    *item,
                GParamSpec *pspec,
                gpointer    list_item)
{
  ColumnInfo *info = g_object_get_data (G_OBJECT (list_item), "aero-column-info");

  cell_update (list_item, info);
}

static void
watch_cb (gpointer list_item)
{
  ColumnInfo *info = g_object_get_data (G_OBJECT (list_item), "aero-column-info");

  cell_update (list_item, info);
}

/* A long name is ellipsized: the pointer shows all of it. Asked for on
 * hover rather than set on each bind, where gtk_widget_set_tooltip_text()
 * would look for the widget under the pointer once per row. */
static gboolean
query_tooltip_cb (GtkWidget  *label,
                  int         x,
                  int         y,
                  gboolean    keyboard,
                  GtkTooltip *tooltip,
                  gpointer    data)
{
  const char *text = gtk_label_get_label (GTK_LABEL (label));

  if (text == NULL || *text == '\0')
    return FALSE;

  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item,
          ColumnInfo               *info)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), info->xalign);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
  /* The expanding column names the row: it never shrinks to a few
   * letters while fixed columns keep their width. */
  if (info->expand)
    {
      gtk_label_set_width_chars (GTK_LABEL (label), AERO_COLUMNS_EXPAND_MIN_CHARS);
      gtk_widget_set_has_tooltip (label, TRUE);
      g_signal_connect (label, "query-tooltip", G_CALLBACK (query_tooltip_cb), NULL);
    }
  gtk_list_item_set_child (list_item, label);
  g_object_set_data (G_OBJECT (list_item), "aero-column-info", info);
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *list_item,
         ColumnInfo               *info)
{
  GObject *item = gtk_list_item_get_item (list_item);
  g_autoptr(GObject) watch = g_weak_ref_get (&info->watch);
  gulong id;

  cell_update (list_item, info);

  /* Refreshes update models in place; following "notify" keeps visible
   * cells right without rebinding rows (selection and scroll stay). */
  id = g_signal_connect (item, "notify", G_CALLBACK (item_notify_cb), list_item);
  g_object_set_data (G_OBJECT (list_item), "aero-notify-id", GSIZE_TO_POINTER (id));

  if (watch != NULL && info->watch_signal != NULL)
    {
      id = g_signal_connect_swapped (watch, info->watch_signal, G_CALLBACK (watch_cb), list_item);
      g_object_set_data (G_OBJECT (list_item), "aero-watch-id", GSIZE_TO_POINTER (id));
    }
}

static void
unbind_cb (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           ColumnInfo               *info)
{
  GObject *item = gtk_list_item_get_item (list_item);
  g_autoptr(GObject) watch = g_weak_ref_get (&info->watch);
  gulong id;

  id = GPOINTER_TO_SIZE (g_object_steal_data (G_OBJECT (list_item), "aero-notify-id"));
  if (id != 0 && item != NULL)
    g_signal_handler_disconnect (item, id);

  id = GPOINTER_TO_SIZE (g_object_steal_data (G_OBJECT (list_item), "aero-watch-id"));
  if (id != 0 && watch != NULL)
    g_signal_handler_disconnect (watch, id);
}

GtkColumnViewColumn *
aero_columns_append (GtkColumnView        *view,
                     const AeroColumnSpec *spec,
                     GtkSorter            *sorter)
{
  g_autoptr(GtkListItemFactory) factory = NULL;
  g_autoptr(GtkColumnViewColumn) column = NULL;
  ColumnInfo *info;

  g_return_val_if_fail (GTK_IS_COLUMN_VIEW (view), NULL);
  g_return_val_if_fail (spec != NULL && spec->format != NULL, NULL);

  info = g_new0 (ColumnInfo, 1);
  info->id = g_strdup (spec->id);
  info->format = spec->format;
  info->accessible = spec->accessible;
  info->user_data = spec->user_data;
  info->xalign = spec->xalign;
  info->expand = spec->expand;
  g_weak_ref_init (&info->watch, spec->watch);
  info->watch_signal = g_strdup (spec->watch_signal);

  factory = gtk_signal_list_item_factory_new ();
  g_object_set_data_full (G_OBJECT (factory), "aero-column-info", info, column_info_free);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), info);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), info);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cb), info);

  column = gtk_column_view_column_new (spec->title, g_object_ref (factory));
  /* gtk_column_view_column_set_id() is GTK 4.10: tests find columns by
   * this instead. */
  g_object_set_data_full (G_OBJECT (column), "aero-column-id", g_strdup (spec->id), g_free);
  gtk_column_view_column_set_expand (column, spec->expand);
  gtk_column_view_column_set_resizable (column, TRUE);
  if (spec->fixed_width > 0)
    gtk_column_view_column_set_fixed_width (column, spec->fixed_width);
  if (sorter != NULL)
    gtk_column_view_column_set_sorter (column, sorter);

  gtk_column_view_append_column (view, column);
  g_clear_object (&sorter);

  return column;
}

gint64
aero_columns_policy_guaranteed (AeroMemoryPolicy *policy)
{
  return policy ? aero_memory_policy_get_guaranteed (policy) : AERO_UNSET;
}

gint64
aero_columns_policy_max (AeroMemoryPolicy *policy)
{
  return policy ? aero_memory_policy_get_max (policy) : AERO_UNSET;
}

AeroTristate
aero_columns_policy_ballooning (AeroMemoryPolicy *policy)
{
  return policy ? aero_memory_policy_get_ballooning (policy) : AERO_TRISTATE_UNKNOWN;
}

int
aero_columns_compare_int64 (gint64 a,
                            gint64 b)
{
  return a < b ? -1 : a > b ? 1 : 0;
}
