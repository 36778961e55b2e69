/* aero-dialogs.c - entry points that create and present the dialogs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "aero-accessible.h"
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

void
aero_dialogs_wrap_check_buttons (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  if (GTK_IS_CHECK_BUTTON (root))
    {
      for (GtkWidget *child = gtk_widget_get_first_child (root);
           child != NULL;
           child = gtk_widget_get_next_sibling (child))
        if (GTK_IS_LABEL (child))
          {
            gtk_label_set_wrap (GTK_LABEL (child), TRUE);
            gtk_label_set_wrap_mode (GTK_LABEL (child), PANGO_WRAP_WORD_CHAR);
          }
      return;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    aero_dialogs_wrap_check_buttons (child);
}

GtkWindow *
aero_dialogs_new_discard_question (GtkWindow *parent)
{
  GtkWidget *dialog;

  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);

  dialog = adw_message_dialog_new (parent,
                                   _("Discard changes?"),
                                   _("The changes you made in this dialog will be lost."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "keep", _("_Keep Editing"),
                                    "discard", _("_Discard"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  /* Its response buttons have mnemonics: "_Discard Discard" on GTK 4.8. */
  aero_accessible_single_names (dialog);

  return GTK_WINDOW (dialog);
}

static gboolean
destroy_idle_cb (gpointer user_data)
{
  gtk_window_destroy (GTK_WINDOW (user_data));
  return G_SOURCE_REMOVE;
}

void
aero_dialogs_close_discarded (GtkWindow    *dialog,
                              GCancellable *cancellable)
{
  g_return_if_fail (GTK_IS_WINDOW (dialog));

  g_cancellable_cancel (cancellable);
  gtk_widget_set_visible (GTK_WIDGET (dialog), FALSE);
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, destroy_idle_cb,
                   g_object_ref (dialog), g_object_unref);
}

static void
focus_default_now (GtkWindow *window)
{
  GtkWidget *widget = gtk_window_get_default_widget (window);
  GtkWidget *focus = gtk_window_get_focus (window);

  /* Only over GTK's own choice (the first control), never over the
   * user's: GTK focuses the first control, the header's Cancel. */
  if (widget == NULL || !gtk_widget_is_sensitive (widget))
    return;
  if (focus != NULL && focus != widget && !GTK_IS_BUTTON (focus))
    return;
  gtk_widget_grab_focus (widget);
}

static void
focus_default_on_map (GtkWidget *widget)
{
  g_signal_handlers_disconnect_by_func (widget, focus_default_on_map, NULL);
  focus_default_now (GTK_WINDOW (widget));
}

void
aero_dialogs_focus_default (GtkWindow *window)
{
  g_return_if_fail (GTK_IS_WINDOW (window));

  /* Not before the window is shown: GTK 4.8 then never announces the
   * window to assistive technologies. */
  if (gtk_widget_get_mapped (GTK_WIDGET (window)))
    focus_default_now (window);
  else
    g_signal_connect (window, "map", G_CALLBACK (focus_default_on_map), NULL);
}
