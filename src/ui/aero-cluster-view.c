/* aero-cluster-view.c - the Clusters view: levels and memory policy
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "aero-cluster-view.h"
#include "aero-columns.h"
#include "aero-format.h"

struct _AeroClusterView
{
  GtkWidget           parent_instance;

  AeroEngine         *engine;
  GListStore         *store;
  GtkSingleSelection *selection;
  GCancellable       *cancellable;
  gboolean            loaded;

  GtkStack           *stack;
  GtkSpinner         *spinner;
  GtkColumnView      *column_view;
  AdwStatusPage      *error_page;
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
list_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(AeroClusterView) self = user_data;
  g_autoptr(GListModel) clusters = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autofree char *text = NULL;
  g_autofree char *selected_id = NULL;
  gpointer selected;

  clusters = aero_engine_list_clusters_finish (AERO_ENGINE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
      g_error_matches (error, AERO_ENGINE_ERROR, AERO_ENGINE_ERROR_CANCELLED))
    return;

  gtk_spinner_set_spinning (self->spinner, FALSE);

  if (clusters == NULL)
    {
      text = aero_format_error (error);
      adw_status_page_set_description (self->error_page, text);
      gtk_stack_set_visible_child_name (self->stack, "error");
      g_signal_emit (self, signals[LOAD_FAILED], 0, error);
      return;
    }

  items = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < g_list_model_get_n_items (clusters); i++)
    g_ptr_array_add (items, g_list_model_get_item (clusters, i));

  /* Lists are small: replace them, but keep the admin's selection. */
  selected = gtk_single_selection_get_selected_item (self->selection);
  selected_id = selected ? g_strdup (aero_cluster_get_id (selected)) : NULL;

  g_list_store_splice (self->store, 0, g_list_model_get_n_items (G_LIST_MODEL (self->store)),
                       items->pdata, items->len);

  if (selected_id != NULL)
    aero_cluster_view_select_id (self, selected_id);
  self->loaded = TRUE;
  gtk_stack_set_visible_child_name (self->stack, items->len > 0 ? "list" : "empty");
  g_signal_emit (self, signals[LOADED], 0);
}

static void
retry_cb (AeroClusterView *self)
{
  aero_cluster_view_reload (self);
}

static void
row_activate_cb (AeroClusterView *self,
                 guint            position)
{
  gtk_single_selection_set_selected (self->selection, position);
  gtk_widget_activate_action (GTK_WIDGET (self), "win.edit-cluster", NULL);
}

static void
selection_changed_cb (AeroClusterView *self)
{
  g_signal_emit (self, signals[SELECTION_CHANGED], 0);
}

static void
aero_cluster_view_dispose (GObject *object)
{
  AeroClusterView *self = AERO_CLUSTER_VIEW (object);
  GtkWidget *child;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  gtk_widget_dispose_template (GTK_WIDGET (object), AERO_TYPE_CLUSTER_VIEW);
  /* dispose_template() only unparents bound children; the top-level
   * child of the template may not be one. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  g_clear_object (&self->selection);
  g_clear_object (&self->store);
  g_clear_object (&self->engine);

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

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/aerostat/Aerostat/ui/aero-cluster-view.ui");
  gtk_widget_class_bind_template_child (widget_class, AeroClusterView, stack);
  gtk_widget_class_bind_template_child (widget_class, AeroClusterView, spinner);
  gtk_widget_class_bind_template_child (widget_class, AeroClusterView, column_view);
  gtk_widget_class_bind_template_child (widget_class, AeroClusterView, error_page);
  gtk_widget_class_bind_template_callback (widget_class, retry_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activate_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
aero_cluster_view_init (AeroClusterView *self)
{
  g_autoptr(GtkSortListModel) sorted = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->store = g_list_store_new (AERO_TYPE_CLUSTER);
  add_columns (self);

  sorted = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->store)),
                                    g_object_ref (gtk_column_view_get_sorter (self->column_view)));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (g_steal_pointer (&sorted)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_object (self->selection, "notify::selected",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
}

void
aero_cluster_view_set_engine (AeroClusterView *self,
                              AeroEngine      *engine)
{
  g_return_if_fail (AERO_IS_CLUSTER_VIEW (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_set_object (&self->engine, engine);
  g_list_store_remove_all (self->store);
  self->loaded = FALSE;
  gtk_stack_set_visible_child_name (self->stack, "loading");
}

void
aero_cluster_view_reload (AeroClusterView *self)
{
  g_return_if_fail (AERO_IS_CLUSTER_VIEW (self));

  if (self->engine == NULL)
    return;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  if (!self->loaded)
    {
      gtk_spinner_set_spinning (self->spinner, TRUE);
      gtk_stack_set_visible_child_name (self->stack, "loading");
    }

  aero_engine_list_clusters_async (self->engine, self->cancellable, list_cb, g_object_ref (self));
}

GListModel *
aero_cluster_view_get_model (AeroClusterView *self)
{
  g_return_val_if_fail (AERO_IS_CLUSTER_VIEW (self), NULL);

  return G_LIST_MODEL (self->store);
}

AeroCluster *
aero_cluster_view_get_selected (AeroClusterView *self)
{
  g_return_val_if_fail (AERO_IS_CLUSTER_VIEW (self), NULL);

  return gtk_single_selection_get_selected_item (self->selection);
}

gboolean
aero_cluster_view_get_loaded (AeroClusterView *self)
{
  g_return_val_if_fail (AERO_IS_CLUSTER_VIEW (self), FALSE);

  return self->loaded;
}

gboolean
aero_cluster_view_select_id (AeroClusterView *self,
                             const char      *id)
{
  GListModel *model;

  g_return_val_if_fail (AERO_IS_CLUSTER_VIEW (self), FALSE);

  model = G_LIST_MODEL (self->selection);
  for (guint i = 0; id != NULL && i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(AeroCluster) item = g_list_model_get_item (model, i);

      if (g_strcmp0 (aero_cluster_get_id (item), id) == 0)
        {
          gtk_single_selection_set_selected (self->selection, i);
          return TRUE;
        }
    }

  return FALSE;
}
