/* aero-list-view.h - the base of the views that list one small engine
 * collection (Templates, Clusters): loading, empty and error pages, a
 * sorted single-selection list, its signals and its accessors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "aero-engine.h"
#include "aero-list-loader.h"

G_BEGIN_DECLS

#define AERO_TYPE_LIST_VIEW (aero_list_view_get_type ())
G_DECLARE_DERIVABLE_TYPE (AeroListView, aero_list_view, AERO, LIST_VIEW, GtkWidget)

struct _AeroListViewClass
{
  GtkWidgetClass parent_class;

  /* Activated on a row's Enter or double click, the row selected first
   * (e.g. "win.edit-cluster"); NULL for none. */
  const char *row_action;

  /* Signals: "loaded" (the model was replaced), "load-failed" (GError *),
   * "selection-changed". */
  void (*loaded)            (AeroListView *self);
  void (*selection_changed) (AeroListView *self);

  gpointer padding[4];
};

/* For subclasses, from class_init: the template, which must hold a
 * GtkColumnView "column_view" and a GtkStack "stack" with the pages
 * "loading" (a GtkSpinner "spinner"), "list", "empty" and "error" (an
 * AdwStatusPage "error_page", whose Retry button activates
 * "list.reload"). */
void            aero_list_view_class_set_template (GtkWidgetClass     *widget_class,
                                                   const char         *resource_path);
/* For subclasses, from init, after gtk_widget_init_template () and once
 * the columns are appended: the engine call that lists the collection. */
GtkColumnView  *aero_list_view_get_column_view    (AeroListView       *self);
void            aero_list_view_start              (AeroListView       *self,
                                                   GType               item_type,
                                                   AeroListAsyncFunc   list_async,
                                                   AeroListFinishFunc  list_finish,
                                                   AeroListIdFunc      get_id);

void            aero_list_view_set_engine         (AeroListView       *self,
                                                   AeroEngine         *engine);
void            aero_list_view_reload             (AeroListView       *self);
GListModel     *aero_list_view_get_model          (AeroListView       *self);
gpointer        aero_list_view_get_selected       (AeroListView       *self);
gboolean        aero_list_view_get_loaded         (AeroListView       *self);
/* Selects the item with @id; FALSE when it is not listed. */
gboolean        aero_list_view_select_id          (AeroListView       *self,
                                                   const char         *id);

G_END_DECLS
