/* aero-vm-conflict.h - a member the admin changed that someone else
 * changed too, between the read an edit started from and its PUT
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "aero-vm.h"

G_BEGIN_DECLS

#define AERO_TYPE_VM_CONFLICT (aero_vm_conflict_get_type ())
G_DECLARE_FINAL_TYPE (AeroVmConflict, aero_vm_conflict, AERO, VM_CONFLICT, GObject)

/* Read-only (construct-only) properties:
 *   "field"          the change's key, as AeroVmChange's "field"
 *   "label"          translated, the change's wording
 *   "read-value"     display text of the value the edit started from
 *   "current-value"  display text of the value the engine holds now
 *   "new-value"      display text of the admin's value */
const char     *aero_vm_conflict_get_field         (AeroVmConflict *self);
const char     *aero_vm_conflict_get_label         (AeroVmConflict *self);
const char     *aero_vm_conflict_get_read_value    (AeroVmConflict *self);
const char     *aero_vm_conflict_get_current_value (AeroVmConflict *self);
const char     *aero_vm_conflict_get_new_value     (AeroVmConflict *self);

/* The members of @changes (AeroVmChange, what the admin changed) whose
 * value differs between @read (the VM the edit started from) and
 * @current (the VM read again just before the PUT): a GPtrArray of
 * AeroVmConflict, empty when the PUT overwrites nobody's change. */
GPtrArray      *aero_vm_find_conflicts (AeroVm    *read,
                                        AeroVm    *current,
                                        GPtrArray *changes);

G_END_DECLS
