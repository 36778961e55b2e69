/* aero-dialogs.c - entry points that create and present the dialogs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "aero-bulk-balloon-dialog.h"
#include "aero-cluster-dialog.h"
#include "aero-dialogs.h"
#include "aero-run-once-dialog.h"
#include "aero-vm-dialog.h"

typedef struct {
  AeroDialogDoneFunc done;
  gpointer           user_data;
} Done;

static void
done_cb (Done *done)
{
  if (done->done != NULL)
    done->done (done->user_data);
}

static void
bulk_finished_cb (GtkWidget *dialog,
                  guint      n_changed,
                  guint      n_failed,
                  Done      *done)
{
  /* The caller refreshes its list only when something did change. */
  if (n_changed > 0)
    done_cb (done);
}

static void
done_free (gpointer  data,
           GClosure *closure)
{
  g_free (data);
}

static void
connect_done (gpointer            dialog,
              const char         *signal,
              GCallback           callback,
              GConnectFlags       flags,
              AeroDialogDoneFunc  func,
              gpointer            user_data)
{
  Done *done = g_new0 (Done, 1);

  done->done = func;
  done->user_data = user_data;
  g_signal_connect_data (dialog, signal, callback, done, done_free, flags);
}

static void
present (GtkWindow *dialog,
         GtkWindow *parent)
{
  if (parent != NULL)
    gtk_window_set_transient_for (dialog, parent);
  gtk_window_present (dialog);
}

GtkWidget *
aero_dialogs_new_vm (GtkWindow          *parent,
                     AeroEngine         *engine,
                     GListModel         *clusters,
                     GListModel         *templates,
                     AeroDialogDoneFunc  done,
                     gpointer            user_data)
{
  AeroVmDialog *dialog = aero_vm_dialog_new_for_new_vm (engine, clusters, templates);

  connect_done (dialog, "saved", G_CALLBACK (done_cb), G_CONNECT_SWAPPED, done, user_data);
  present (GTK_WINDOW (dialog), parent);
  return GTK_WIDGET (dialog);
}

void
aero_dialogs_edit_vm (GtkWindow          *parent,
                      AeroEngine         *engine,
                      AeroVm             *vm,
                      GListModel         *clusters,
                      GListModel         *templates,
                      AeroDialogDoneFunc  done,
                      gpointer            user_data)
{
  /* Templates only matter for a new VM: an existing VM keeps its own. */
  AeroVmDialog *dialog = aero_vm_dialog_new_for_vm (engine, vm, clusters);

  connect_done (dialog, "saved", G_CALLBACK (done_cb), G_CONNECT_SWAPPED, done, user_data);
  present (GTK_WINDOW (dialog), parent);
}

void
aero_dialogs_run_once (GtkWindow          *parent,
                       AeroEngine         *engine,
                       AeroVm             *vm,
                       GListModel         *clusters,
                       AeroDialogDoneFunc  done,
                       gpointer            user_data)
{
  AeroRunOnceDialog *dialog = aero_run_once_dialog_new (engine, vm, clusters);

  connect_done (dialog, "started", G_CALLBACK (done_cb), G_CONNECT_SWAPPED, done, user_data);
  present (GTK_WINDOW (dialog), parent);
}

void
aero_dialogs_edit_template (GtkWindow          *parent,
                            AeroEngine         *engine,
                            AeroTemplate       *tmpl,
                            GListModel         *clusters,
                            AeroDialogDoneFunc  done,
                            gpointer            user_data)
{
  AeroVmDialog *dialog = aero_vm_dialog_new_for_template (engine, tmpl, clusters);

  connect_done (dialog, "saved", G_CALLBACK (done_cb), G_CONNECT_SWAPPED, done, user_data);
  present (GTK_WINDOW (dialog), parent);
}

void
aero_dialogs_edit_cluster (GtkWindow          *parent,
                           AeroEngine         *engine,
                           AeroCluster        *cluster,
                           AeroDialogDoneFunc  done,
                           gpointer            user_data)
{
  AeroClusterDialog *dialog = aero_cluster_dialog_new (engine, cluster);

  connect_done (dialog, "saved", G_CALLBACK (done_cb), G_CONNECT_SWAPPED, done, user_data);
  present (GTK_WINDOW (dialog), parent);
}

void
aero_dialogs_bulk_ballooning (GtkWindow          *parent,
                              AeroEngine         *engine,
                              GPtrArray          *vms,
                              GListModel         *clusters,
                              gboolean            enable,
                              AeroDialogDoneFunc  done,
                              gpointer            user_data)
{
  AeroBulkBalloonDialog *dialog = aero_bulk_balloon_dialog_new (engine, vms, clusters, enable);

  connect_done (dialog, "finished", G_CALLBACK (bulk_finished_cb), 0, done, user_data);
  present (GTK_WINDOW (dialog), parent);
}
