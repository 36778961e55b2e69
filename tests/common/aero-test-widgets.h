/* aero-test-widgets.h - finding widgets in the tests that run GTK
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The widget under @root (or @root) built from a .ui with this id:
 * template children keep their GtkBuildable id. NULL when none. */
GtkWidget *aero_test_find_widget (GtkWidget  *root,
                                  const char *id);

G_END_DECLS
