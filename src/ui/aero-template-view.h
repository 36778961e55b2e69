/* aero-template-view.h - the Templates view
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "aero-engine.h"

G_BEGIN_DECLS

#define AERO_TYPE_TEMPLATE_VIEW (aero_template_view_get_type ())
G_DECLARE_FINAL_TYPE (AeroTemplateView, aero_template_view, AERO, TEMPLATE_VIEW, GtkWidget)

/* Signals: "loaded" (the model was replaced), "load-failed" (GError *),
 * "selection-changed". */
void         aero_template_view_set_engine   (AeroTemplateView *self,
                                             AeroEngine      *engine);
void         aero_template_view_reload       (AeroTemplateView *self);
/* GListModel of AeroTemplate. */
GListModel  *aero_template_view_get_model    (AeroTemplateView *self);
AeroTemplate *aero_template_view_get_selected (AeroTemplateView *self);
gboolean     aero_template_view_get_loaded   (AeroTemplateView *self);
/* Selects the template with @id; FALSE when it is not listed. */
gboolean     aero_template_view_select_id    (AeroTemplateView *self,
                                              const char       *id);

G_END_DECLS
