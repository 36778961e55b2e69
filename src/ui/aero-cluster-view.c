/* aero-cluster-view.c - the Clusters view: levels and memory policy,
 * and the selected cluster's memory picture in the detail pane
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "aero-cluster-memory.h"
#include "aero-cluster-view.h"
#include "aero-columns.h"
#include "aero-format.h"

struct _AeroClusterView
{
  AeroListView       parent_instance;

  GHashTable        *pictures;   /* cluster id -> AeroMemoryPicture, or NULL */

  AdwFlap           *flap;
  GtkStack          *detail_stack;
  AeroClusterMemory *cluster_memory;
};

G_DEFINE_FINAL_TYPE (AeroClusterView, aero_cluster_view, AERO_TYPE_LIST_VIEW)

static char *
format_name (gpointer item,
             gpointer data)
{
  return g_strdup (aero_cluster_get_name (item));
}

static char *
format_name_accessible (gpointer item,
                        gpointer data)
{
  g_autofree char *label = aero_cluster_dup_label (item);

  /* TRANSLATORS: accessible name of a cluster row, e.g. "Cluster Default (4.7)" */
  return g_strdup_printf (_("Cluster %s"), label);
}

static char *
format_version (gpointer item,
                gpointer data)
{
  return aero_format_version (aero_cluster_get_version (item));
}

static char *
format_overcommit (gpointer item,
                   gpointer data)
{
  int percent = aero_cluster_get_overcommit_percent (item);

  if (percent < 0)
    return g_strdup (AERO_FORMAT_UNKNOWN);

  /* TRANSLATORS: memory over-commit, e.g. "150 %" */
  return g_strdup_printf (_("%d %%"), percent);
}

static char *
format_balloon (gpointer item,
                gpointer data)
{
  return g_strdup (aero_format_tristate (aero_cluster_get_ballooning_enabled (item)));
}

static char *
format_ksm (gpointer item,
            gpointer data)
{
  return g_strdup (aero_format_tristate (aero_cluster_get_ksm_enabled (item)));
}

static int
compare_version (gconstpointer a,
                 gconstpointer b,
                 gpointer      data)
{
  return aero_version_compare (aero_cluster_get_version ((AeroCluster *) a),
                               aero_cluster_get_version ((AeroCluster *) b));
}

static int
compare_overcommit (gconstpointer a,
                    gconstpointer b,
                    gpointer      data)
{
  return aero_cluster_get_overcommit_percent ((AeroCluster *) a) -
         aero_cluster_get_overcommit_percent ((AeroCluster *) b);
}

static int
compare_balloon (gconstpointer a,
                 gconstpointer b,
                 gpointer      data)
{
  return (int) aero_cluster_get_ballooning_enabled ((AeroCluster *) a) -
         (int) aero_cluster_get_ballooning_enabled ((AeroCluster *) b);
}

static int
compare_ksm (gconstpointer a,
             gconstpointer b,
             gpointer      data)
{
  return (int) aero_cluster_get_ksm_enabled ((AeroCluster *) a) -
         (int) aero_cluster_get_ksm_enabled ((AeroCluster *) b);
}

static void
add_columns (AeroClusterView *self,
             GtkColumnView   *column_view)
{
  AeroColumnSpec specs[] = {
    { "name", _("Name"), format_name, format_name_accessible, self, TRUE, 0, 0.0f, NULL, NULL },
    { "version", _("Compatibility Version"), format_version, NULL, self, FALSE, 180, 0.0f, NULL, NULL },
    { "overcommit", _("Memory Over-commit"), format_overcommit, NULL, self, FALSE, 160, 1.0f, NULL, NULL },
    { "ballooning", _("Memory Balloon Optimization"), format_balloon, NULL, self, FALSE, 230, 0.5f, NULL, NULL },
    { "ksm", _("KSM"), format_ksm, NULL, self, FALSE, 80, 0.5f, NULL, NULL },
  };

  aero_columns_append (column_view, &specs[0],
                       GTK_SORTER (gtk_string_sorter_new (gtk_property_expression_new (AERO_TYPE_CLUSTER, NULL, "name"))));
  aero_columns_append (column_view, &specs[1],
                       GTK_SORTER (gtk_custom_sorter_new (compare_version, NULL, NULL)));
  aero_columns_append (column_view, &specs[2],
                       GTK_SORTER (gtk_custom_sorter_new (compare_overcommit, NULL, NULL)));
  aero_columns_append (column_view, &specs[3],
                       GTK_SORTER (gtk_custom_sorter_new (compare_balloon, NULL, NULL)));
  aero_columns_append (column_view, &specs[4],
                       GTK_SORTER (gtk_custom_sorter_new (compare_ksm, NULL, NULL)));
}

static void
update_detail (AeroClusterView *self)
{
  AeroCluster *cluster = aero_list_view_get_selected (AERO_LIST_VIEW (self));
  AeroMemoryPicture *picture = NULL;

  if (cluster == NULL)
    {
      gtk_stack_set_visible_child_name (self->detail_stack, "none");
      return;
    }
  if (self->pictures != NULL && aero_cluster_get_id (cluster) != NULL)
    picture = g_hash_table_lookup (self->pictures, aero_cluster_get_id (cluster));
  aero_cluster_memory_show (self->cluster_memory, cluster, picture);
  gtk_stack_set_visible_child_name (self->detail_stack, "cluster");
}

static void
aero_cluster_view_dispose (GObject *object)
{
  AeroClusterView *self = AERO_CLUSTER_VIEW (object);

  g_clear_pointer (&self->pictures, g_hash_table_unref);

  G_OBJECT_CLASS (aero_cluster_view_parent_class)->dispose (object);
}

static void
aero_cluster_view_class_init (AeroClusterViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  AeroListViewClass *list_class = AERO_LIST_VIEW_CLASS (klass);

  object_class->dispose = aero_cluster_view_dispose;
  list_class->row_action = "win.edit-cluster";
  list_class->loaded = (void (*) (AeroListView *)) update_detail;
  list_class->selection_changed = (void (*) (AeroListView *)) update_detail;

  g_type_ensure (AERO_TYPE_CLUSTER_MEMORY);
  aero_list_view_class_set_template (widget_class, "/io/github/aerostat/Aerostat/ui/aero-cluster-view.ui");
  gtk_widget_class_bind_template_child (widget_class, AeroClusterView, flap);
  gtk_widget_class_bind_template_child (widget_class, AeroClusterView, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, AeroClusterView, cluster_memory);
}

static void
aero_cluster_view_init (AeroClusterView *self)
{
  AeroListView *list = AERO_LIST_VIEW (self);

  gtk_widget_init_template (GTK_WIDGET (self));
  add_columns (self, aero_list_view_get_column_view (list));
  aero_list_view_start (list, AERO_TYPE_CLUSTER,
                        aero_engine_list_clusters_async, aero_engine_list_clusters_finish,
                        (AeroListIdFunc) aero_cluster_get_id);
  update_detail (self);
}

void
aero_cluster_view_set_pictures (AeroClusterView *self,
                                GHashTable      *pictures)
{
  g_return_if_fail (AERO_IS_CLUSTER_VIEW (self));

  if (pictures != NULL)
    g_hash_table_ref (pictures);
  g_clear_pointer (&self->pictures, g_hash_table_unref);
  self->pictures = pictures;
  update_detail (self);
}

AeroClusterMemory *
aero_cluster_view_get_memory (AeroClusterView *self)
{
  g_return_val_if_fail (AERO_IS_CLUSTER_VIEW (self), NULL);

  return aero_list_view_get_selected (AERO_LIST_VIEW (self)) != NULL ? self->cluster_memory : NULL;
}

void
aero_cluster_view_reveal_detail (AeroClusterView *self)
{
  g_return_if_fail (AERO_IS_CLUSTER_VIEW (self));

  if (adw_flap_get_folded (self->flap))
    adw_flap_set_reveal_flap (self->flap, TRUE);
}

gboolean
aero_cluster_view_get_detail_shown (AeroClusterView *self)
{
  g_return_val_if_fail (AERO_IS_CLUSTER_VIEW (self), FALSE);

  return !adw_flap_get_folded (self->flap) || adw_flap_get_reveal_progress (self->flap) >= 1.0;
}
