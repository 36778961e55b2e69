/* aero-vm-general-section.h - the General tab of the VM dialog
 *
 * Cluster, custom compatibility version, template, name, description,
 * comment and type, bound to an AeroVmEdit, which owns every rule. The
 * tab shows the required-name error only once the admin has been at the
 * name (or tried OK), and the engine's refusal of a name beside it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "aero-vm-section.h"

G_BEGIN_DECLS

#define AERO_TYPE_VM_GENERAL_SECTION (aero_vm_general_section_get_type ())
G_DECLARE_FINAL_TYPE (AeroVmGeneralSection, aero_vm_general_section, AERO, VM_GENERAL_SECTION, AeroVmSection)

/* Property "needs-attention": a field of the tab shows an error. */
gboolean    aero_vm_general_section_get_needs_attention (AeroVmGeneralSection *self);

/* OK was tried: the required-name error shows from now on. */
void        aero_vm_general_section_check_name          (AeroVmGeneralSection *self);
/* Shows @message beside Name, the engine's refusal of it; NULL takes it
 * away. */
void        aero_vm_general_section_mark_name           (AeroVmGeneralSection *self,
                                                         const char           *message);
/* Gives Name the keyboard focus (the window must be shown). */
void        aero_vm_general_section_focus_name          (AeroVmGeneralSection *self);

G_END_DECLS
