/* aero-accessible.c - one accessible name per control
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "aero-accessible.h"

void
aero_accessible_set_name (GtkWidget  *widget,
                          const char *name)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (name != NULL);

  gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  -1);
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (widget),
                                 GTK_ACCESSIBLE_RELATION_LABELLED_BY);
}

void
aero_accessible_describe (GtkWidget  *widget,
                          const char *description)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (description != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                    -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (widget),
                                   GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

/* "_Retry" -> "Retry", "A__B" -> "A_B": the words a mnemonic label shows. */
static char *
strip_mnemonic (const char *text)
{
  GString *out = g_string_sized_new (strlen (text));

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '_' && p[1] != '\0')
        p++;
      g_string_append_c (out, *p);
    }

  return g_string_free (out, FALSE);
}

/* The raw text of a button's or check box's label, mnemonic underline
 * included, when it uses one; NULL for other widgets. */
static const char *
raw_mnemonic_label (GtkWidget *widget)
{
  if (GTK_IS_BUTTON (widget) && gtk_button_get_use_underline (GTK_BUTTON (widget)))
    return gtk_button_get_label (GTK_BUTTON (widget));
  if (GTK_IS_CHECK_BUTTON (widget) && gtk_check_button_get_use_underline (GTK_CHECK_BUTTON (widget)))
    return gtk_check_button_get_label (GTK_CHECK_BUTTON (widget));

  return NULL;
}

/* Whether GTK copied the raw label of @widget into its label property, as
 * GTK 4.8 does for buttons and check boxes ("_Retry"): then it is not a
 * name we gave. GTK 4.8 has no getter for accessible properties;
 * its test API compares values, reads only what the widget's context
 * already holds and works with any accessibility backend. */
static gboolean
label_is_raw (GtkWidget *widget)
{
  const char *raw = raw_mnemonic_label (widget);
  g_autofree char *differs = NULL;

  if (raw == NULL)
    return FALSE;
  differs = gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget),
                                                GTK_ACCESSIBLE_PROPERTY_LABEL, raw);
  return differs == NULL;
}

/* Names @widget by the words its label shows, once. */
static void
name_by_visible_label (GtkWidget *widget)
{
  const char *raw = raw_mnemonic_label (widget);
  g_autofree char *text = NULL;

  if (raw == NULL)
    return;
  text = strip_mnemonic (raw);
  aero_accessible_set_name (widget, text);
}

static void
single_name (GtkWidget *widget)
{
  GtkAccessible *accessible = GTK_ACCESSIBLE (widget);

  if (!gtk_test_accessible_has_property (accessible, GTK_ACCESSIBLE_PROPERTY_LABEL))
    return;

  if (label_is_raw (widget))
    name_by_visible_label (widget);
  else if (gtk_test_accessible_has_relation (accessible, GTK_ACCESSIBLE_RELATION_LABELLED_BY))
    gtk_accessible_reset_relation (accessible, GTK_ACCESSIBLE_RELATION_LABELLED_BY);
}

void
aero_accessible_single_names (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  single_name (root);
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    aero_accessible_single_names (child);
}

void
aero_accessible_follow_label (GtkButton *button)
{
  g_return_if_fail (GTK_IS_BUTTON (button));

  if (raw_mnemonic_label (GTK_WIDGET (button)) != NULL)
    {
      name_by_visible_label (GTK_WIDGET (button));
      return;
    }

  /* Without a mnemonic GTK labels the button by its label child alone. */
  gtk_accessible_reset_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL);
  if (GTK_IS_LABEL (gtk_button_get_child (button)))
    gtk_accessible_update_relation (GTK_ACCESSIBLE (button),
                                    GTK_ACCESSIBLE_RELATION_LABELLED_BY, gtk_button_get_child (button), NULL,
                                    -1);
}

static void
focus_default_now (GtkWindow *window)
{
  GtkWidget *widget = gtk_window_get_default_widget (window);
  GtkWidget *focus = gtk_window_get_focus (window);

  /* Only over GTK's own choice (the first control), never over the
   * user's: GTK focuses the first control, the header's Cancel. */
  if (widget == NULL || !gtk_widget_is_sensitive (widget))
    return;
  if (focus != NULL && focus != widget && !GTK_IS_BUTTON (focus))
    return;
  gtk_widget_grab_focus (widget);
}

static void
focus_default_on_map (GtkWidget *widget)
{
  g_signal_handlers_disconnect_by_func (widget, focus_default_on_map, NULL);
  focus_default_now (GTK_WINDOW (widget));
}

void
aero_accessible_focus_default (GtkWindow *window)
{
  g_return_if_fail (GTK_IS_WINDOW (window));

  /* Not before the window is shown: GTK 4.8 then never announces the
   * window to assistive technologies. */
  if (gtk_widget_get_mapped (GTK_WIDGET (window)))
    focus_default_now (window);
  else
    g_signal_connect (window, "map", G_CALLBACK (focus_default_on_map), NULL);
}

void
aero_accessible_spin_activates_default (GtkSpinButton *spin)
{
  g_return_if_fail (GTK_IS_SPIN_BUTTON (spin));

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (spin));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_TEXT (child))
      gtk_text_set_activates_default (GTK_TEXT (child), TRUE);
}

GtkWidget *
aero_accessible_find_list_box (GtkWidget *root)
{
  g_return_val_if_fail (GTK_IS_WIDGET (root), NULL);

  if (GTK_IS_LIST_BOX (root))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = aero_accessible_find_list_box (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}
