/* aero-vm-change.h - one row of "Pending Virtual Machine changes"
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* When a change to a RUNNING VM takes effect. For a VM that is down every
 * change applies at once and the distinction does not matter. */
typedef enum {
  AERO_VM_CHANGE_NOW,       /* name, description, comment: editable in any
                             * status, applied live even with next_run */
  AERO_VM_CHANGE_HOTPLUG,   /* hot-settable (VmBase hotSettableOnStatus):
                             * memory increase in 256 MiB steps and CPU
                             * sockets (VM up), guaranteed memory (running
                             * or paused): live, or later if the user asks */
  AERO_VM_CHANGE_NEXT_RUN,  /* editable on Down only (ballooning, maximum
                             * memory, type, cores, threads, CPU shares),
                             * or hot-settable but not possible live:
                             * after restart */
} AeroVmChangeWhen;

#define AERO_TYPE_VM_CHANGE (aero_vm_change_get_type ())
G_DECLARE_FINAL_TYPE (AeroVmChange, aero_vm_change, AERO, VM_CHANGE, GObject)

/* Read-only properties (construct-only):
 *   "field"     untranslated key ("memory", "max-memory", "guaranteed",
 *               "ballooning", "vm-type", "name", "description", "comment",
 *               "cluster", "cpu", "cpu-shares", "template")
 *   "label"     translated, the dialog's wording ("Memory Size", ...)
 *   "old-value" display text of the original value ("" when none)
 *   "new-value" display text of the edited value
 *   "when"      AeroVmChangeWhen */
AeroVmChange     *aero_vm_change_new           (const char       *field,
                                                const char       *label,
                                                const char       *old_value,
                                                const char       *new_value,
                                                AeroVmChangeWhen  when);
const char       *aero_vm_change_get_field     (AeroVmChange     *self);
const char       *aero_vm_change_get_label     (AeroVmChange     *self);
const char       *aero_vm_change_get_old_value (AeroVmChange     *self);
const char       *aero_vm_change_get_new_value (AeroVmChange     *self);
AeroVmChangeWhen  aero_vm_change_get_when      (AeroVmChange     *self);

G_END_DECLS
