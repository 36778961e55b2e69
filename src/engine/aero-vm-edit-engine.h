/* aero-vm-edit-engine.h - the engine release's rules in the VM edit model
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "aero-engine-version.h"
#include "aero-vm-edit.h"

G_BEGIN_DECLS

/* Makes @self follow engine release @version (aero_engine_get_engine_version ()):
 * the memory hot plug step of the "applies now / after restart" split,
 * and "max-memory-limit", the platform limit for the guest OS at the
 * effective level, kept up to date when the cluster or template changes. */
void    aero_vm_edit_follow_engine      (AeroVmEdit              *self,
                                         const AeroEngineVersion *version);
/* Bytes; 256 MiB until a release is followed. */
gint64  aero_vm_edit_get_hotplug_step   (AeroVmEdit              *self);

G_END_DECLS
