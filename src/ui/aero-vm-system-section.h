/* aero-vm-system-section.h - the System tab of the VM dialog
 *
 * Memory size, maximum memory and virtual CPUs, bound to an AeroVmEdit,
 * which owns every rule: the tab only shows its values, its gate, what a
 * memory change derived, and its errors, and writes the admin's changes
 * back.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "aero-vm-section.h"

G_BEGIN_DECLS

#define AERO_TYPE_VM_SYSTEM_SECTION (aero_vm_system_section_get_type ())
G_DECLARE_FINAL_TYPE (AeroVmSystemSection, aero_vm_system_section, AERO, VM_SYSTEM_SECTION, AeroVmSection)

G_END_DECLS
