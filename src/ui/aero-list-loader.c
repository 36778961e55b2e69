/* aero-list-loader.c - one engine collection in a sorted list with
 * loading, empty and error pages: what the Templates and Clusters views
 * share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "aero-format.h"
#include "aero-list-loader.h"

struct _AeroListLoader
{
  GObject             parent_instance;

  AeroListAsyncFunc   list_async;
  AeroListFinishFunc  list_finish;
  AeroListIdFunc      get_id;

  AeroEngine         *engine;
  GListStore         *store;
  GtkSingleSelection *selection;
  GCancellable       *cancellable;
  gboolean            loaded;

  /* Borrowed from the view's template; NULL after shutdown. */
  GtkStack           *stack;
  GtkSpinner         *spinner;
  AdwStatusPage      *error_page;
};

G_DEFINE_FINAL_TYPE (AeroListLoader, aero_list_loader, G_TYPE_OBJECT)

enum {
  LOADED,
  LOAD_FAILED,
  SELECTION_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
list_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(AeroListLoader) self = user_data;
  g_autoptr(GListModel) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autofree char *selected_id = NULL;
  gpointer selected;

  list = self->list_finish (AERO_ENGINE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
      g_error_matches (error, AERO_ENGINE_ERROR, AERO_ENGINE_ERROR_CANCELLED) ||
      self->stack == NULL)
    return;

  gtk_spinner_set_spinning (self->spinner, FALSE);

  if (list == NULL)
    {
      g_autofree char *text = aero_format_error (error);

      adw_status_page_set_description (self->error_page, text);
      gtk_stack_set_visible_child_name (self->stack, "error");
      g_signal_emit (self, signals[LOAD_FAILED], 0, error);
      return;
    }

  items = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    g_ptr_array_add (items, g_list_model_get_item (list, i));

  /* Lists are small: replace them, but keep the admin's selection. */
  selected = gtk_single_selection_get_selected_item (self->selection);
  selected_id = selected ? g_strdup (self->get_id (selected)) : NULL;

  g_list_store_splice (self->store, 0, g_list_model_get_n_items (G_LIST_MODEL (self->store)),
                       items->pdata, items->len);

  if (selected_id != NULL)
    aero_list_loader_select_id (self, selected_id);
  self->loaded = TRUE;
  gtk_stack_set_visible_child_name (self->stack, items->len > 0 ? "list" : "empty");
  g_signal_emit (self, signals[LOADED], 0);
}

static void
selection_changed_cb (AeroListLoader *self)
{
  g_signal_emit (self, signals[SELECTION_CHANGED], 0);
}

static void
aero_list_loader_dispose (GObject *object)
{
  AeroListLoader *self = AERO_LIST_LOADER (object);

  aero_list_loader_shutdown (self);
  g_clear_object (&self->selection);
  g_clear_object (&self->store);
  g_clear_object (&self->engine);

  G_OBJECT_CLASS (aero_list_loader_parent_class)->dispose (object);
}

static void
aero_list_loader_class_init (AeroListLoaderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = aero_list_loader_dispose;

  signals[LOADED] =
    g_signal_new ("loaded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[LOAD_FAILED] =
    g_signal_new ("load-failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_ERROR);
  signals[SELECTION_CHANGED] =
    g_signal_new ("selection-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
aero_list_loader_init (AeroListLoader *self)
{
}

AeroListLoader *
aero_list_loader_new (GType               item_type,
                      AeroListAsyncFunc   list_async,
                      AeroListFinishFunc  list_finish,
                      AeroListIdFunc      get_id,
                      GtkColumnView      *column_view,
                      GtkStack           *stack,
                      GtkSpinner         *spinner,
                      AdwStatusPage      *error_page)
{
  g_autoptr(GtkSortListModel) sorted = NULL;
  AeroListLoader *self;

  g_return_val_if_fail (list_async != NULL && list_finish != NULL && get_id != NULL, NULL);
  g_return_val_if_fail (GTK_IS_COLUMN_VIEW (column_view), NULL);

  self = g_object_new (AERO_TYPE_LIST_LOADER, NULL);
  self->list_async = list_async;
  self->list_finish = list_finish;
  self->get_id = get_id;
  self->stack = stack;
  self->spinner = spinner;
  self->error_page = error_page;

  self->store = g_list_store_new (item_type);
  sorted = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->store)),
                                    g_object_ref (gtk_column_view_get_sorter (column_view)));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (g_steal_pointer (&sorted)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_column_view_set_model (column_view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_object (self->selection, "notify::selected",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);

  return self;
}

void
aero_list_loader_shutdown (AeroListLoader *self)
{
  g_return_if_fail (AERO_IS_LIST_LOADER (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->stack = NULL;
  self->spinner = NULL;
  self->error_page = NULL;
}

void
aero_list_loader_set_engine (AeroListLoader *self,
                             AeroEngine     *engine)
{
  g_return_if_fail (AERO_IS_LIST_LOADER (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_set_object (&self->engine, engine);
  g_list_store_remove_all (self->store);
  self->loaded = FALSE;
  if (self->stack != NULL)
    gtk_stack_set_visible_child_name (self->stack, "loading");
}

void
aero_list_loader_reload (AeroListLoader *self)
{
  g_return_if_fail (AERO_IS_LIST_LOADER (self));

  if (self->engine == NULL || self->stack == NULL)
    return;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  if (!self->loaded)
    {
      gtk_spinner_set_spinning (self->spinner, TRUE);
      gtk_stack_set_visible_child_name (self->stack, "loading");
    }

  self->list_async (self->engine, self->cancellable, list_cb, g_object_ref (self));
}

GListModel *
aero_list_loader_get_model (AeroListLoader *self)
{
  g_return_val_if_fail (AERO_IS_LIST_LOADER (self), NULL);

  return G_LIST_MODEL (self->store);
}

gpointer
aero_list_loader_get_selected (AeroListLoader *self)
{
  g_return_val_if_fail (AERO_IS_LIST_LOADER (self), NULL);

  return gtk_single_selection_get_selected_item (self->selection);
}

gboolean
aero_list_loader_get_loaded (AeroListLoader *self)
{
  g_return_val_if_fail (AERO_IS_LIST_LOADER (self), FALSE);

  return self->loaded;
}

gboolean
aero_list_loader_select_id (AeroListLoader *self,
                            const char     *id)
{
  GListModel *model;

  g_return_val_if_fail (AERO_IS_LIST_LOADER (self), FALSE);

  model = G_LIST_MODEL (self->selection);
  for (guint i = 0; id != NULL && i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);

      if (g_strcmp0 (self->get_id (item), id) == 0)
        {
          gtk_single_selection_set_selected (self->selection, i);
          return TRUE;
        }
    }

  return FALSE;
}

void
aero_list_loader_select_position (AeroListLoader *self,
                                  guint           position)
{
  g_return_if_fail (AERO_IS_LIST_LOADER (self));

  gtk_single_selection_set_selected (self->selection, position);
}
