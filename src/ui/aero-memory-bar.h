/* aero-memory-bar.h - used / free / installed memory with a guaranteed mark
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define AERO_TYPE_MEMORY_BAR (aero_memory_bar_get_type ())
G_DECLARE_FINAL_TYPE (AeroMemoryBar, aero_memory_bar, AERO, MEMORY_BAR, GtkWidget)

/* gint64 properties in bytes, AERO_UNSET (-1) when unknown: "installed",
 * "used", "guaranteed". With nothing installed known, the bar is empty. */
GtkWidget *aero_memory_bar_new            (void);
void       aero_memory_bar_set_values     (AeroMemoryBar *self,
                                           gint64         installed,
                                           gint64         used,
                                           gint64         guaranteed);
gint64     aero_memory_bar_get_installed  (AeroMemoryBar *self);
gint64     aero_memory_bar_get_used       (AeroMemoryBar *self);
gint64     aero_memory_bar_get_guaranteed (AeroMemoryBar *self);

G_END_DECLS
