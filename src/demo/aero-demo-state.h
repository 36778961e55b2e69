/* aero-demo-state.h - the demo engine's state file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "aero-demo-store.h"

G_BEGIN_DECLS

/* The inventory as JSON. Run-once overrides are never written: a VM
 * running once is saved with the configuration it returns to. */
GString  *aero_demo_state_serialize (GPtrArray   *clusters,
                                     GPtrArray   *templates,
                                     GPtrArray   *vms);
/* Fills the (empty) arrays from a state file's contents. */
gboolean  aero_demo_state_parse     (const char  *contents,
                                     gsize        length,
                                     GPtrArray   *clusters,
                                     GPtrArray   *templates,
                                     GPtrArray   *vms,
                                     GError     **error);

G_END_DECLS
