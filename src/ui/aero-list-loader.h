/* aero-list-loader.h - loads one small engine collection (templates,
 * clusters) into a sorted, single-selection list and drives the
 * loading / list / empty / error pages of the view that shows it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "aero-engine.h"

G_BEGIN_DECLS

/* The engine call that lists the collection, e.g.
 * aero_engine_list_clusters_async / _finish. */
typedef void        (*AeroListAsyncFunc)  (AeroEngine          *engine,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
typedef GListModel *(*AeroListFinishFunc) (AeroEngine          *engine,
                                           GAsyncResult        *result,
                                           GError             **error);
/* The stable id of an item, e.g. aero_cluster_get_id. */
typedef const char *(*AeroListIdFunc)     (gpointer             item);

#define AERO_TYPE_LIST_LOADER (aero_list_loader_get_type ())
G_DECLARE_FINAL_TYPE (AeroListLoader, aero_list_loader, AERO, LIST_LOADER, GObject)

/* @stack has the pages "loading", "list", "empty" and "error"; the
 * column view gets the loader's selection model (sorted by its columns,
 * so append the columns first).
 *
 * Signals: "loaded" (the model was replaced), "load-failed" (GError *),
 * "selection-changed". */
AeroListLoader *aero_list_loader_new           (GType               item_type,
                                                AeroListAsyncFunc   list_async,
                                                AeroListFinishFunc  list_finish,
                                                AeroListIdFunc      get_id,
                                                GtkColumnView      *column_view,
                                                GtkStack           *stack,
                                                GtkSpinner         *spinner,
                                                AdwStatusPage      *error_page);
void            aero_list_loader_set_engine    (AeroListLoader     *self,
                                                AeroEngine         *engine);
void            aero_list_loader_reload        (AeroListLoader     *self);
/* Stops any load and forgets the widgets (call from the view's dispose). */
void            aero_list_loader_shutdown      (AeroListLoader     *self);
GListModel     *aero_list_loader_get_model     (AeroListLoader     *self);
gpointer        aero_list_loader_get_selected  (AeroListLoader     *self);
gboolean        aero_list_loader_get_loaded    (AeroListLoader     *self);
/* Selects the item with @id; FALSE when it is not listed. */
gboolean        aero_list_loader_select_id     (AeroListLoader     *self,
                                                const char         *id);
/* Selects the row at @position of the column view (sorted order). */
void            aero_list_loader_select_position (AeroListLoader   *self,
                                                  guint             position);

G_END_DECLS
