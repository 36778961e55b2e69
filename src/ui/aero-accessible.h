/* aero-accessible.h - one accessible name per control
 *
 * GTK 4.8 (gtk/gtkatcontext.c, gtk_at_context_get_name_accumulate) joins
 * with a space every name it finds for a control: its label property and
 * the name of each widget of its labelled-by relation. GTK and libadwaita
 * add that relation by themselves (a button's or check box's mnemonic
 * label, the title of an AdwActionRow's activatable widget, the title of
 * an AdwEntryRow or AdwComboRow), so a control that also carries the
 * stable, untranslated label the end-to-end tests find it by was announced
 * twice: "Cancel Cancel". GTK 4.10 and later prefer the relation to the
 * property instead, which would make the name translated. With one of the
 * two left, the name is the same on every GTK.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Gives @widget the accessible name @name (untranslated, where tests find
 * the control by it) and nothing else: drops any labelled-by relation. */
void aero_accessible_set_name      (GtkWidget  *widget,
                                    const char *name);

/* Gives @widget the accessible description @description (what a screen
 * reader says after its name: an error, why it is greyed), or none when
 * @description is NULL. */
void aero_accessible_describe      (GtkWidget  *widget,
                                    const char *description);

/* Walks @root and everything below it and leaves each control one name:
 * where a control has both an explicit label and a labelled-by relation,
 * the explicit label wins; where GTK 4.8 copied the raw text of a button's
 * or check box's mnemonic label into its label property ("_Retry", heard
 * as "underscore Retry Retry"), the words the label shows win. Call it
 * after gtk_widget_init_template() and after building controls at run
 * time. */
void aero_accessible_single_names  (GtkWidget  *root);

/* After gtk_button_set_label() on a button whose stable name no longer
 * fits (its label changed meaning): names it by its visible label, once. */
void aero_accessible_follow_label  (GtkButton  *button);

/* Gives keyboard focus to the default widget (OK) of @window, now if it
 * is shown, else once it is: GTK starts on the first control, Cancel, and
 * Return on a check box toggles it, so Return would never reach OK.
 * Nothing happens if the user has moved the focus meanwhile. */
void aero_accessible_focus_default (GtkWindow  *window);

/* Lets Return in @spin reach the window's default widget (OK), after the
 * spin button took the typed value: GtkSpinButton has no
 * activates-default before GTK 4.14, but its text child does. */
void aero_accessible_spin_activates_default (GtkSpinButton *spin);

/* The first GtkListBox at or under @root (a preferences group's list, a
 * stack sidebar's), for naming it: GTK 4.8 names neither. */
GtkWidget *aero_accessible_find_list_box (GtkWidget *root);

G_END_DECLS
