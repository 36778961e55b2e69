/* aero-test-widgets.c - finding widgets in the tests that run GTK
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "aero-test-widgets.h"

GtkWidget *
aero_test_find_widget (GtkWidget  *root,
                       const char *id)
{
  const char *root_id = gtk_buildable_get_buildable_id (GTK_BUILDABLE (root));

  if (g_strcmp0 (root_id, id) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = aero_test_find_widget (child, id);

      if (found != NULL)
        return found;
    }

  return NULL;
}
