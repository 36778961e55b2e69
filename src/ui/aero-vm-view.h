/* aero-vm-view.h - the Virtual Machines view: search, list, detail pane
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "aero-engine.h"

G_BEGIN_DECLS

#define AERO_TYPE_VM_VIEW (aero_vm_view_get_type ())
G_DECLARE_FINAL_TYPE (AeroVmView, aero_vm_view, AERO, VM_VIEW, GtkWidget)

/* Signals: "selection-changed" (the window recomputes its actions),
 * "load-failed" (GError *, so the window can go back to the login page on
 * an UNAUTHORIZED error), "loaded" (a load or a quiet refresh is done).
 * Property "loading" (boolean). */

/* Clears the list; NULL on log out. */
void          aero_vm_view_set_engine        (AeroVmView  *self,
                                              AeroEngine  *engine);
/* The clusters behind the Cluster column ("Legacy (3.0)"). */
void          aero_vm_view_set_clusters      (AeroVmView  *self,
                                              GListModel  *clusters);
AeroCluster  *aero_vm_view_lookup_cluster    (AeroVmView  *self,
                                              const char  *cluster_id);
/* Empties the list and streams it in again (spinner, then rows). */
void          aero_vm_view_reload            (AeroVmView  *self);
/* Quiet: updates the AeroVm objects in place, inserts and removes only
 * what changed; selection and scroll position stay. */
void          aero_vm_view_refresh           (AeroVmView  *self);
gboolean      aero_vm_view_get_loading       (AeroVmView  *self);
/* TRUE while a load or a quiet refresh is in flight. */
gboolean      aero_vm_view_is_busy           (AeroVmView  *self);

/* Engine search language ("name=web*"); reloads. */
void          aero_vm_view_set_search        (AeroVmView  *self,
                                              const char  *search);
const char   *aero_vm_view_get_search        (AeroVmView  *self);
void          aero_vm_view_focus_search      (AeroVmView  *self);

/* The GListStore of AeroVm, in engine order. */
GListModel   *aero_vm_view_get_model         (AeroVmView  *self);
/* The list's VMs when it holds every VM (loaded without a search), for
 * others to read rather than list them again; else NULL. */
GListModel   *aero_vm_view_get_all_vms       (AeroVmView  *self);
/* What the column view shows: sorted, with the multiple selection. */
GtkSelectionModel *aero_vm_view_get_selection (AeroVmView *self);
GtkColumnView *aero_vm_view_get_column_view  (AeroVmView  *self);
/* Selected VMs (AeroVm, referenced), in list order. */
GPtrArray    *aero_vm_view_dup_selected      (AeroVmView  *self);
/* The one selected VM, or NULL when none or several are selected. */
AeroVm       *aero_vm_view_get_selected_vm   (AeroVmView  *self);
/* Selects the VM with @id when the next load (or refresh) that lists it
 * ends: a VM the admin just created. */
void          aero_vm_view_select_when_listed (AeroVmView *self,
                                               const char *id);
guint         aero_vm_view_get_n_selected    (AeroVmView  *self);
/* Texts for tests and the benchmark: what the state page says. */
const char   *aero_vm_view_get_state         (AeroVmView  *self);
const char   *aero_vm_view_get_message       (AeroVmView  *self);
GtkWidget    *aero_vm_view_get_detail        (AeroVmView  *self);

G_END_DECLS
