/* aero-vm-detail.h - the detail pane of the selected virtual machine
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "aero-cluster.h"
#include "aero-engine.h"
#include "aero-vm.h"

G_BEGIN_DECLS

#define AERO_TYPE_VM_DETAIL (aero_vm_detail_get_type ())
G_DECLARE_FINAL_TYPE (AeroVmDetail, aero_vm_detail, AERO, VM_DETAIL, GtkWidget)

void    aero_vm_detail_set_engine  (AeroVmDetail *self,
                                    AeroEngine   *engine);
/* Shows @vm (NULL: the pane says how many are selected, @n_selected).
 * @cluster gives the compatibility level for the balloon words. */
void    aero_vm_detail_show        (AeroVmDetail *self,
                                    AeroVm       *vm,
                                    AeroCluster  *cluster,
                                    guint         n_selected);
AeroVm *aero_vm_detail_get_vm      (AeroVmDetail *self);
/* Fetches the statistics again (after a refresh). */
void    aero_vm_detail_reload      (AeroVmDetail *self);
/* The balloon state in words, e.g. "Ballooning on — the host may reclaim
 * down to 1 GB" (exposed for tests). */
const char *aero_vm_detail_get_balloon_text (AeroVmDetail *self);
/* The pending next-run changes in words ("At the next restart: maximum
 * memory 8 GB, ballooning off"), or NULL when none are pending. */
const char *aero_vm_detail_get_next_run_text (AeroVmDetail *self);

G_END_DECLS
