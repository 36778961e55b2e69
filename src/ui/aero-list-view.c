/* aero-list-view.c - the base of the Templates and Clusters views
 *
 * Each subclass holds only its template, its columns and what it adds
 * (the Clusters view: the detail pane); the loading, the pages, the
 * selection, the signals and the Retry and row actions are here, around
 * AeroListLoader.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "aero-list-view.h"

typedef struct
{
  AeroListLoader *loader;

  /* From the subclass's template. */
  GtkColumnView  *column_view;
  GtkStack       *stack;
  GtkSpinner     *spinner;
  AdwStatusPage  *error_page;
} AeroListViewPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (AeroListView, aero_list_view, GTK_TYPE_WIDGET)

enum {
  LOADED,
  LOAD_FAILED,
  SELECTION_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
forward_loaded_cb (AeroListView *self)
{
  g_signal_emit (self, signals[LOADED], 0);
}

static void
forward_load_failed_cb (AeroListView *self,
                        GError       *error)
{
  g_signal_emit (self, signals[LOAD_FAILED], 0, error);
}

static void
forward_selection_changed_cb (AeroListView *self)
{
  g_signal_emit (self, signals[SELECTION_CHANGED], 0);
}

static void
row_activate_cb (AeroListView *self,
                 guint         position)
{
  AeroListViewPrivate *priv = aero_list_view_get_instance_private (self);
  const char *action = AERO_LIST_VIEW_GET_CLASS (self)->row_action;

  aero_list_loader_select_position (priv->loader, position);
  if (action != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), action, NULL);
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  aero_list_view_reload (AERO_LIST_VIEW (widget));
}

static void
aero_list_view_dispose (GObject *object)
{
  AeroListView *self = AERO_LIST_VIEW (object);
  AeroListViewPrivate *priv = aero_list_view_get_instance_private (self);
  GtkWidget *child;

  if (priv->loader != NULL)
    aero_list_loader_shutdown (priv->loader);

  gtk_widget_dispose_template (GTK_WIDGET (object), G_OBJECT_TYPE (object));
  /* dispose_template() only unparents bound children; the top-level
   * child of the template may not be one. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  g_clear_object (&priv->loader);

  G_OBJECT_CLASS (aero_list_view_parent_class)->dispose (object);
}

static void
aero_list_view_class_init (AeroListViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = aero_list_view_dispose;

  signals[LOADED] =
    g_signal_new ("loaded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  G_STRUCT_OFFSET (AeroListViewClass, loaded), NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[LOAD_FAILED] =
    g_signal_new ("load-failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_ERROR);
  signals[SELECTION_CHANGED] =
    g_signal_new ("selection-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  G_STRUCT_OFFSET (AeroListViewClass, selection_changed), NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_install_action (widget_class, "list.reload", NULL, reload_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
aero_list_view_init (AeroListView *self)
{
}

void
aero_list_view_class_set_template (GtkWidgetClass *widget_class,
                                   const char     *resource_path)
{
  g_return_if_fail (g_type_is_a (G_TYPE_FROM_CLASS (widget_class), AERO_TYPE_LIST_VIEW));

  gtk_widget_class_set_template_from_resource (widget_class, resource_path);
  /* Into this class's private data: its offset from the instance is the
   * same in every subclass. */
  gtk_widget_class_bind_template_child_full (widget_class, "column_view", FALSE,
                                             G_PRIVATE_OFFSET (AeroListView, column_view));
  gtk_widget_class_bind_template_child_full (widget_class, "stack", FALSE,
                                             G_PRIVATE_OFFSET (AeroListView, stack));
  gtk_widget_class_bind_template_child_full (widget_class, "spinner", FALSE,
                                             G_PRIVATE_OFFSET (AeroListView, spinner));
  gtk_widget_class_bind_template_child_full (widget_class, "error_page", FALSE,
                                             G_PRIVATE_OFFSET (AeroListView, error_page));
  /* Set on the subclass too: GTK does not document that it is inherited. */
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

GtkColumnView *
aero_list_view_get_column_view (AeroListView *self)
{
  AeroListViewPrivate *priv = aero_list_view_get_instance_private (self);

  g_return_val_if_fail (AERO_IS_LIST_VIEW (self), NULL);

  return priv->column_view;
}

void
aero_list_view_start (AeroListView       *self,
                      GType               item_type,
                      AeroListAsyncFunc   list_async,
                      AeroListFinishFunc  list_finish,
                      AeroListIdFunc      get_id)
{
  AeroListViewPrivate *priv = aero_list_view_get_instance_private (self);
  GtkColumnView *column_view;

  g_return_if_fail (AERO_IS_LIST_VIEW (self));
  g_return_if_fail (priv->loader == NULL);

  column_view = priv->column_view;
  priv->loader = aero_list_loader_new (item_type, list_async, list_finish, get_id, column_view,
                                       priv->stack, priv->spinner, priv->error_page);
  g_signal_connect_object (priv->loader, "loaded",
                           G_CALLBACK (forward_loaded_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (priv->loader, "load-failed",
                           G_CALLBACK (forward_load_failed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (priv->loader, "selection-changed",
                           G_CALLBACK (forward_selection_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (column_view, "activate",
                           G_CALLBACK (row_activate_cb), self, G_CONNECT_SWAPPED);
}

void
aero_list_view_set_engine (AeroListView *self,
                           AeroEngine   *engine)
{
  AeroListViewPrivate *priv = aero_list_view_get_instance_private (self);

  g_return_if_fail (AERO_IS_LIST_VIEW (self));

  aero_list_loader_set_engine (priv->loader, engine);
}

void
aero_list_view_reload (AeroListView *self)
{
  AeroListViewPrivate *priv = aero_list_view_get_instance_private (self);

  g_return_if_fail (AERO_IS_LIST_VIEW (self));

  aero_list_loader_reload (priv->loader);
}

GListModel *
aero_list_view_get_model (AeroListView *self)
{
  AeroListViewPrivate *priv = aero_list_view_get_instance_private (self);

  g_return_val_if_fail (AERO_IS_LIST_VIEW (self), NULL);

  return aero_list_loader_get_model (priv->loader);
}

gpointer
aero_list_view_get_selected (AeroListView *self)
{
  AeroListViewPrivate *priv = aero_list_view_get_instance_private (self);

  g_return_val_if_fail (AERO_IS_LIST_VIEW (self), NULL);

  return aero_list_loader_get_selected (priv->loader);
}

gboolean
aero_list_view_get_loaded (AeroListView *self)
{
  AeroListViewPrivate *priv = aero_list_view_get_instance_private (self);

  g_return_val_if_fail (AERO_IS_LIST_VIEW (self), FALSE);

  return aero_list_loader_get_loaded (priv->loader);
}

gboolean
aero_list_view_select_id (AeroListView *self,
                          const char   *id)
{
  AeroListViewPrivate *priv = aero_list_view_get_instance_private (self);

  g_return_val_if_fail (AERO_IS_LIST_VIEW (self), FALSE);

  return aero_list_loader_select_id (priv->loader, id);
}
