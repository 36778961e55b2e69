/* aero-template-view.h - the Templates view
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "aero-engine.h"
#include "aero-list-view.h"

G_BEGIN_DECLS

#define AERO_TYPE_TEMPLATE_VIEW (aero_template_view_get_type ())
G_DECLARE_FINAL_TYPE (AeroTemplateView, aero_template_view, AERO, TEMPLATE_VIEW, AeroListView)

/* The AeroListView calls, typed (signals and behaviour: aero-list-view.h). */
static inline void
aero_template_view_set_engine (AeroTemplateView *self, AeroEngine *engine)
{
  aero_list_view_set_engine (AERO_LIST_VIEW (self), engine);
}

static inline void
aero_template_view_reload (AeroTemplateView *self)
{
  aero_list_view_reload (AERO_LIST_VIEW (self));
}

/* GListModel of AeroTemplate. */
static inline GListModel *
aero_template_view_get_model (AeroTemplateView *self)
{
  return aero_list_view_get_model (AERO_LIST_VIEW (self));
}

static inline AeroTemplate *
aero_template_view_get_selected (AeroTemplateView *self)
{
  return aero_list_view_get_selected (AERO_LIST_VIEW (self));
}

static inline gboolean
aero_template_view_get_loaded (AeroTemplateView *self)
{
  return aero_list_view_get_loaded (AERO_LIST_VIEW (self));
}

static inline gboolean
aero_template_view_select_id (AeroTemplateView *self, const char *id)
{
  return aero_list_view_select_id (AERO_LIST_VIEW (self), id);
}

G_END_DECLS
