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
#include "aero-list-loader.h"

struct _AeroClusterView
{
  GtkWidget       parent_instance;

  AeroListLoader *loader;
  GHashTable     *pictures;   /* cluster id -> AeroMemoryPicture, or NULL */

  AdwFlap        *flap;
  GtkStack       *detail_stack;
  AeroClusterMemory *cluster_memory;
  GtkStack       *stack;
  GtkSpinner     *spinner;
  GtkColumnView  *column_view;
  AdwStatusPage  *error_page;
};

G_DEFINE_FINAL_TYPE (AeroClusterView, aero_cluster_view, GTK_TYPE_WIDGET)

enum {
  LOADED,
  LOAD_FAILED,
  SELECTION_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

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
add_columns (AeroClusterView *self)
{
  AeroColumnSpec specs[] = {
    { "name", _("Name"), format_name, format_name_accessible, self, TRUE, 0, 0.0f, NULL, NULL },
    { "version", _("Compatibility Version"), format_version, NULL, self, FALSE, 180, 0.0f, NULL, NULL },
    { "overcommit", _("Memory Over-commit"), format_overcommit, NULL, self, FALSE, 160, 1.0f, NULL, NULL },
    { "ballooning", _("Memory Balloon Optimization"), format_balloon, NULL, self, FALSE, 230, 0.5f, NULL, NULL },
    { "ksm", _("KSM"), format_ksm, NULL, self, FALSE, 80, 0.5f, NULL, NULL },
  };

  aero_columns_append (self->column_view, &specs[0],
                       GTK_SORTER (gtk_string_sorter_new (gtk_property_expression_new (AERO_TYPE_CLUSTER, NULL, "name"))));
  aero_columns_append (self->column_view, &specs[1],
                       GTK_SORTER (gtk_custom_sorter_new (compare_version, NULL, NULL)));
  aero_columns_append (self->column_view, &specs[2],
                       GTK_SORTER (gtk_custom_sorter_new (compare_overcommit, NULL, NULL)));
  aero_columns_append (self->column_view, &specs[3],
                       GTK_SORTER (gtk_custom_sorter_new (compare_balloon, NULL, NULL)));
  aero_columns_append (self->column_view, &specs[4],
                       GTK_SORTER (gtk_custom_sorter_new (compare_ksm, NULL, NULL)));
}

static void
update_detail (AeroClusterView *self)
{
  AeroCluster *cluster = aero_list_loader_get_selected (self->loader);
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
retry_cb (AeroClusterView *self)
{
  aero_list_loader_reload (self->loader);
}

static void
row_activate_cb (AeroClusterView *self,
                 guint           position)
{
  aero_list_loader_select_position (self->loader, position);
  gtk_widget_activate_action (GTK_WIDGET (self), "win.edit-cluster", NULL);
}

static void
aero_cluster_view_dispose (GObject *object)
{
  AeroClusterView *self = AERO_CLUSTER_VIEW (object);
  GtkWidget *child;

  if (self->loader != NULL)
    aero_list_loader_shutdown (self->loader);

  gtk_widget_dispose_template (GTK_WIDGET (object), AERO_TYPE_CLUSTER_VIEW);
  /* dispose_template() only unparents bound children; the top-level
   * child of the template may not be one. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  g_clear_object (&self->loader);
  g_clear_pointer (&self->pictures, g_hash_table_unref);

  G_OBJECT_CLASS (aero_cluster_view_parent_class)->dispose (object);
}

static void
aero_cluster_view_class_init (AeroClusterViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = aero_cluster_view_dispose;

  signals[LOADED] =
    g_signal_new ("loaded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[LOAD_FAILED] =
    g_signal_new ("load-failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_ERROR);
  signals[SELECTION_CHANGED] =
    g_signal_new ("selection-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (AERO_TYPE_CLUSTER_MEMORY);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/aerostat/Aerostat/ui/aero-cluster-view.ui");
  gtk_widget_class_bind_template_child (widget_class, AeroClusterView, flap);
  gtk_widget_class_bind_template_child (widget_class, AeroClusterView, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, AeroClusterView, cluster_memory);
  gtk_widget_class_bind_template_child (widget_class, AeroClusterView, stack);
  gtk_widget_class_bind_template_child (widget_class, AeroClusterView, spinner);
  gtk_widget_class_bind_template_child (widget_class, AeroClusterView, column_view);
  gtk_widget_class_bind_template_child (widget_class, AeroClusterView, error_page);
  gtk_widget_class_bind_template_callback (widget_class, retry_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activate_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
forward_loaded_cb (AeroClusterView *self)
{
  update_detail (self);
  g_signal_emit (self, signals[LOADED], 0);
}

static void
forward_load_failed_cb (AeroClusterView *self,
                        GError          *error)
{
  g_signal_emit (self, signals[LOAD_FAILED], 0, error);
}

static void
forward_selection_changed_cb (AeroClusterView *self)
{
  update_detail (self);
  g_signal_emit (self, signals[SELECTION_CHANGED], 0);
}

static void
aero_cluster_view_init (AeroClusterView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  add_columns (self);
  self->loader = aero_list_loader_new (AERO_TYPE_CLUSTER,
                                       aero_engine_list_clusters_async,
                                       aero_engine_list_clusters_finish,
                                       (AeroListIdFunc) aero_cluster_get_id,
                                       self->column_view, self->stack,
                                       self->spinner, self->error_page);
  g_signal_connect_object (self->loader, "loaded",
                           G_CALLBACK (forward_loaded_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->loader, "load-failed",
                           G_CALLBACK (forward_load_failed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->loader, "selection-changed",
                           G_CALLBACK (forward_selection_changed_cb), self, G_CONNECT_SWAPPED);
  update_detail (self);
}

void
aero_cluster_view_set_engine (AeroClusterView *self,
                              AeroEngine      *engine)
{
  g_return_if_fail (AERO_IS_CLUSTER_VIEW (self));

  aero_list_loader_set_engine (self->loader, engine);
}

void
aero_cluster_view_reload (AeroClusterView *self)
{
  g_return_if_fail (AERO_IS_CLUSTER_VIEW (self));

  aero_list_loader_reload (self->loader);
}

GListModel *
aero_cluster_view_get_model (AeroClusterView *self)
{
  g_return_val_if_fail (AERO_IS_CLUSTER_VIEW (self), NULL);

  return aero_list_loader_get_model (self->loader);
}

AeroCluster *
aero_cluster_view_get_selected (AeroClusterView *self)
{
  g_return_val_if_fail (AERO_IS_CLUSTER_VIEW (self), NULL);

  return aero_list_loader_get_selected (self->loader);
}

gboolean
aero_cluster_view_get_loaded (AeroClusterView *self)
{
  g_return_val_if_fail (AERO_IS_CLUSTER_VIEW (self), FALSE);

  return aero_list_loader_get_loaded (self->loader);
}

gboolean
aero_cluster_view_select_id (AeroClusterView *self,
                             const char      *id)
{
  g_return_val_if_fail (AERO_IS_CLUSTER_VIEW (self), FALSE);

  return aero_list_loader_select_id (self->loader, id);
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

  return aero_list_loader_get_selected (self->loader) != NULL ? self->cluster_memory : NULL;
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
