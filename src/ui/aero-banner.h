/* aero-banner.h - a persistent message strip with an optional button
 *
 * libadwaita 1.2 has no AdwBanner (1.3): this is a GtkRevealer holding a
 * styled box, a title and an optional button, styled like AdwBanner.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define AERO_TYPE_BANNER (aero_banner_get_type ())
G_DECLARE_FINAL_TYPE (AeroBanner, aero_banner, AERO, BANNER, GtkWidget)

/* Properties: "title", "button-label" (no button when NULL or empty),
 * "action-name" (activated by the button, optional), "revealed".
 * Signal: "button-clicked". Add the "error" style class for failures. */
GtkWidget  *aero_banner_new              (const char *title);
const char *aero_banner_get_title        (AeroBanner *self);
void        aero_banner_set_title        (AeroBanner *self,
                                          const char *title);
const char *aero_banner_get_button_label (AeroBanner *self);
void        aero_banner_set_button_label (AeroBanner *self,
                                          const char *label);
gboolean    aero_banner_get_revealed     (AeroBanner *self);
void        aero_banner_set_revealed     (AeroBanner *self,
                                          gboolean    revealed);
void        aero_banner_set_action_name  (AeroBanner *self,
                                          const char *action_name);

G_END_DECLS
