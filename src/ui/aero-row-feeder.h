/* aero-row-feeder.h - appends streamed items to a list store at a pace
 * the list view can absorb without blocking the main loop.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define AERO_TYPE_ROW_FEEDER (aero_row_feeder_get_type ())
G_DECLARE_FINAL_TYPE (AeroRowFeeder, aero_row_feeder, AERO, ROW_FEEDER, GObject)

/* @view is the list widget showing @store: its frame clock paces the
 * feeding. Both are borrowed; call aero_row_feeder_shutdown() before
 * the view goes away. The "busy" property is TRUE while items wait or
 * the store empties, "emptying" while it empties. */
AeroRowFeeder *aero_row_feeder_new      (GListStore    *store,
                                         GtkWidget     *view);
void           aero_row_feeder_push     (AeroRowFeeder *self,
                                         GPtrArray     *items);
void           aero_row_feeder_flush    (AeroRowFeeder *self);
void           aero_row_feeder_clear    (AeroRowFeeder *self);
void           aero_row_feeder_empty    (AeroRowFeeder *self);
gboolean       aero_row_feeder_get_busy (AeroRowFeeder *self);
gboolean       aero_row_feeder_get_emptying (AeroRowFeeder *self);
void           aero_row_feeder_shutdown (AeroRowFeeder *self);

G_END_DECLS
