/* aero-vm-resources-section.h - the Resource Allocation tab of the VM dialog
 *
 * CPU shares, guaranteed memory and the balloon device, bound to an
 * AeroVmEdit, which owns every rule: the tab only shows its values, its
 * gates and their reasons, and writes the admin's changes back.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "aero-vm-section.h"

G_BEGIN_DECLS

#define AERO_TYPE_VM_RESOURCES_SECTION (aero_vm_resources_section_get_type ())
G_DECLARE_FINAL_TYPE (AeroVmResourcesSection, aero_vm_resources_section, AERO, VM_RESOURCES_SECTION, AeroVmSection)

G_END_DECLS
