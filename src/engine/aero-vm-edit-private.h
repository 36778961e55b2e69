/* aero-vm-edit-private.h - what src/engine and the tests see of AeroVmEdit
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "aero-vm-edit.h"

G_BEGIN_DECLS

/* New VM: the full POST body. Edit: only the changed members (nested
 * objects with only their changed members), or NULL when nothing changed.
 * Nothing about ballooning is sent while the gate forbids it. Booleans and
 * integers as strings, like the engine. */
JsonNode         *aero_vm_edit_build_body            (AeroVmEdit   *self);

G_END_DECLS
