/* aero-vm-section.h - what the VM dialog's tabs share
 *
 * Each tab (General, System, Resource Allocation) shows one AeroVmEdit:
 * its values through a binding group, its gates, notes and errors
 * through a signal group, both made here once and moved to whichever edit
 * is set. A tab binds its controls in its init and says in sync () how to
 * show the state of an edit it has just been given.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "aero-vm-edit.h"

G_BEGIN_DECLS

#define AERO_TYPE_VM_SECTION (aero_vm_section_get_type ())
G_DECLARE_DERIVABLE_TYPE (AeroVmSection, aero_vm_section, AERO, VM_SECTION, AdwBin)

struct _AeroVmSectionClass
{
  AdwBinClass parent_class;

  /* @edit was set, before the groups follow it: what a tab sets up from
   * an edit itself (lists, choices). Optional. */
  void (*setup) (AeroVmSection *self,
                 AeroVmEdit    *edit);
  /* The groups now follow an edit: show its gates, notes and errors. */
  void (*sync)  (AeroVmSection *self);
};

/* Property "edit": the AeroVmEdit shown, or NULL (nothing bound). */
AeroVmEdit    *aero_vm_section_get_edit     (AeroVmSection *self);
void           aero_vm_section_set_edit     (AeroVmSection *self,
                                             AeroVmEdit    *edit);

/* For the tabs: the controls <-> the edit, and the edit's notifications. */
GBindingGroup *aero_vm_section_get_bindings (AeroVmSection *self);
GSignalGroup  *aero_vm_section_get_signals  (AeroVmSection *self);

/* @text under a field (its error, a note, the reason it is greyed) in
 * @label, with @row shown; @row hidden when @text is NULL. */
void           aero_vm_section_show_row_text (GtkWidget  *row,
                                              GtkLabel   *label,
                                              const char *text);

G_END_DECLS
