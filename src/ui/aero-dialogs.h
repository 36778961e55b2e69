/* aero-dialogs.h - entry points that create and present the dialogs
 *
 * A thin module of functions, not a GObject: the main window calls these
 * from its actions (win.new-vm, win.edit-vm, win.run-once, win.edit-template,
 * win.edit-cluster, win.enable-ballooning, win.disable-ballooning). Each
 * call presents a modal dialog transient for @parent and returns at once;
 * @done is called (on the main context) after something was saved, so the
 * caller can refresh its lists. @done may be NULL.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "aero-cluster.h"
#include "aero-engine.h"
#include "aero-template.h"
#include "aero-vm.h"

G_BEGIN_DECLS

/* Called after something was saved. */
typedef void (*AeroDialogDoneFunc) (gpointer user_data);

/* @clusters: GListModel of AeroCluster; @templates: GListModel of
 * AeroTemplate (may be NULL: the new VM then starts from oVirt's Blank
 * defaults, without a Template drop-down). */
/* Returns the dialog (borrowed), whose "saved" signal carries the new
 * AeroVm. */
GtkWidget *aero_dialogs_new_vm    (GtkWindow          *parent,
                                   AeroEngine         *engine,
                                   GListModel         *clusters,
                                   GListModel         *templates,
                                   AeroDialogDoneFunc  done,
                                   gpointer            user_data);

/* @vm may come from a list (ballooning unknown): the dialog fetches the
 * single VM before it lets the user edit. @templates is not used (an
 * existing VM keeps its template); it is accepted for symmetry. */
void aero_dialogs_edit_vm         (GtkWindow          *parent,
                                   AeroEngine         *engine,
                                   AeroVm             *vm,
                                   GListModel         *clusters,
                                   GListModel         *templates,
                                   AeroDialogDoneFunc  done,
                                   gpointer            user_data);

/* For a VM that is down. */
void aero_dialogs_run_once        (GtkWindow          *parent,
                                   AeroEngine         *engine,
                                   AeroVm             *vm,
                                   GListModel         *clusters,
                                   AeroDialogDoneFunc  done,
                                   gpointer            user_data);

void aero_dialogs_edit_template   (GtkWindow          *parent,
                                   AeroEngine         *engine,
                                   AeroTemplate       *tmpl,
                                   GListModel         *clusters,
                                   AeroDialogDoneFunc  done,
                                   gpointer            user_data);

void aero_dialogs_edit_cluster    (GtkWindow          *parent,
                                   AeroEngine         *engine,
                                   AeroCluster        *cluster,
                                   AeroDialogDoneFunc  done,
                                   gpointer            user_data);

/* @vms: GPtrArray of AeroVm (the selection); @enable: TRUE for "Enable
 * Ballooning", FALSE for "Disable Ballooning". */
void aero_dialogs_bulk_ballooning (GtkWindow          *parent,
                                   AeroEngine         *engine,
                                   GPtrArray          *vms,
                                   GListModel         *clusters,
                                   gboolean            enable,
                                   AeroDialogDoneFunc  done,
                                   gpointer            user_data);

G_END_DECLS
