/* aero-cluster-dialog.c - Edit Cluster, Optimization page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "aero-accessible.h"
#include "aero-cluster-dialog.h"
#include "aero-features.h"

struct _AeroClusterDialog
{
  AeroEditDialog  parent_instance;

  AeroEngine     *engine;
  AeroCluster    *cluster;

  AdwWindowTitle *window_title;
  GtkWidget      *ok_button;
  GtkCheckButton *radio_none;
  GtkCheckButton *radio_server;
  GtkCheckButton *radio_desktop;
  GtkCheckButton *radio_custom;
  GtkSpinButton  *custom_spin;
  GtkCheckButton *balloon_check;
  GtkLabel       *balloon_reason;
  GtkCheckButton *ksm_check;
  GtkCheckButton *thp_check;
  GtkWidget      *validation_label;
};

G_DEFINE_FINAL_TYPE (AeroClusterDialog, aero_cluster_dialog, AERO_TYPE_EDIT_DIALOG)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
balloon_supported (AeroClusterDialog *self)
{
  return aero_feature_supported (AERO_FEATURE_CLUSTER_BALLOON_OPTIMIZATION,
                                 aero_cluster_get_version (self->cluster));
}

/* The chosen over-commit, or AERO_UNSET while no choice is made (the
 * engine did not say, and the admin has not chosen). */
static int
current_percent (AeroClusterDialog *self)
{
  if (gtk_check_button_get_active (self->radio_none))
    return 100;
  if (gtk_check_button_get_active (self->radio_server))
    return 150;
  if (gtk_check_button_get_active (self->radio_desktop))
    return 200;
  if (gtk_check_button_get_active (self->radio_custom))
    return gtk_spin_button_get_value_as_int (self->custom_spin);
  return AERO_UNSET;
}

static gboolean
current_ballooning (AeroClusterDialog *self)
{
  /* A greyed box is never sent as "on", whatever the engine stored. */
  return balloon_supported (self) && gtk_check_button_get_active (self->balloon_check);
}

gboolean
aero_cluster_dialog_get_valid (AeroClusterDialog *self)
{
  g_return_val_if_fail (AERO_IS_CLUSTER_DIALOG (self), FALSE);

  /* The engine's own rule (HTTP 409), checked here so the admin sees it
   * before anything is sent. */
  if (current_percent (self) > 100
      && !current_ballooning (self)
      && !gtk_check_button_get_active (self->ksm_check))
    return FALSE;

  return TRUE;
}

static void
update_state (AeroClusterDialog *self)
{
  gboolean valid = aero_cluster_dialog_get_valid (self);

  gtk_widget_set_sensitive (GTK_WIDGET (self->custom_spin),
                            gtk_check_button_get_active (self->radio_custom));
  /* The whole group goes, so no empty gap is left at the top. */
  gtk_widget_set_visible (self->validation_label, !valid);
  gtk_widget_set_visible (gtk_widget_get_ancestor (self->validation_label, ADW_TYPE_PREFERENCES_GROUP),
                          !valid);
  aero_edit_dialog_update_actions (AERO_EDIT_DIALOG (self));
}

static gboolean
stored_true (AeroTristate value)
{
  return value == AERO_TRISTATE_TRUE;
}

gboolean
aero_cluster_dialog_get_change (AeroClusterDialog       *self,
                                AeroClusterMemoryChange *change)
{
  AeroCluster *cluster;
  int percent;

  g_return_val_if_fail (AERO_IS_CLUSTER_DIALOG (self), FALSE);
  g_return_val_if_fail (change != NULL, FALSE);

  cluster = self->cluster;
  *change = (AeroClusterMemoryChange) { 0 };

  /* Each member is compared with what the engine stored: one the admin
   * left as it was is not sent. */
  if (balloon_supported (self))
    {
      change->ballooning = current_ballooning (self);
      if (stored_true (aero_cluster_get_ballooning_enabled (cluster)) != change->ballooning)
        change->changed |= AERO_CLUSTER_MEMORY_BALLOONING;
    }

  percent = current_percent (self);
  if (percent != AERO_UNSET && percent != aero_cluster_get_overcommit_percent (cluster))
    {
      change->overcommit_percent = percent;
      change->changed |= AERO_CLUSTER_MEMORY_OVERCOMMIT;
    }

  change->ksm = gtk_check_button_get_active (self->ksm_check);
  if (stored_true (aero_cluster_get_ksm_enabled (cluster)) != change->ksm)
    change->changed |= AERO_CLUSTER_MEMORY_KSM;

  /* Not known and not touched: nothing to send (the engine call refuses
   * an over-commit change then, rather than let THP go on). */
  if (!gtk_check_button_get_inconsistent (self->thp_check))
    {
      AeroTristate stored = aero_cluster_get_transparent_hugepages (cluster);

      change->transparent_hugepages = gtk_check_button_get_active (self->thp_check);
      if (stored == AERO_TRISTATE_UNKNOWN || stored_true (stored) != change->transparent_hugepages)
        change->changed |= AERO_CLUSTER_MEMORY_TRANSPARENT_HUGEPAGES;
    }

  return change->changed != AERO_CLUSTER_MEMORY_NONE;
}

static void
update_cluster_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(AeroClusterDialog) self = user_data;
  g_autoptr(AeroCluster) updated = NULL;
  g_autoptr(GError) error = NULL;

  updated = aero_engine_update_cluster_memory_finish (AERO_ENGINE (source), result, &error);

  if (aero_edit_dialog_error_is_cancelled (error))
    return;

  aero_edit_dialog_set_busy (AERO_EDIT_DIALOG (self), FALSE);

  if (updated == NULL)
    {
      /* The dialog stays open with every choice intact. */
      aero_edit_dialog_show_error (AERO_EDIT_DIALOG (self), error);
      update_state (self);
      return;
    }

  g_signal_emit (self, signals[SAVED], 0, updated);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
aero_cluster_dialog_save (AeroEditDialog *dialog)
{
  AeroClusterDialog *self = AERO_CLUSTER_DIALOG (dialog);
  AeroClusterMemoryChange change;

  if (!aero_cluster_dialog_get_change (self, &change))
    {
      /* Nothing changed: nothing to send. */
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }

  aero_edit_dialog_hide_error (dialog);
  aero_edit_dialog_set_busy (dialog, TRUE);
  update_state (self);
  aero_engine_update_cluster_memory_async (self->engine,
                                           self->cluster,
                                           &change,
                                           aero_edit_dialog_get_cancellable (dialog),
                                           update_cluster_cb,
                                           g_object_ref (self));
}

static gboolean
aero_cluster_dialog_is_valid (AeroEditDialog *dialog)
{
  return aero_cluster_dialog_get_valid (AERO_CLUSTER_DIALOG (dialog));
}

/* Escape or Cancel with choices made asks first, as the VM dialog does. */
static gboolean
aero_cluster_dialog_has_changes (AeroEditDialog *dialog)
{
  AeroClusterMemoryChange change;

  return !aero_edit_dialog_get_busy (dialog)
         && aero_cluster_dialog_get_change (AERO_CLUSTER_DIALOG (dialog), &change);
}

GtkWindow *
aero_cluster_dialog_get_discard_dialog (AeroClusterDialog *self)
{
  g_return_val_if_fail (AERO_IS_CLUSTER_DIALOG (self), NULL);

  return aero_edit_dialog_get_discard_dialog (AERO_EDIT_DIALOG (self));
}

static void
on_changed (AeroClusterDialog *self)
{
  update_state (self);
}

/* A click on a box shown as "not known" makes it a choice. */
static void
on_thp_toggled (AeroClusterDialog *self)
{
  gtk_check_button_set_inconsistent (self->thp_check, FALSE);
  update_state (self);
}

static void
load_cluster (AeroClusterDialog *self)
{
  g_autofree char *label = aero_cluster_dup_label (self->cluster);
  int percent = aero_cluster_get_overcommit_percent (self->cluster);
  g_autofree char *title = NULL;

  adw_window_title_set_subtitle (self->window_title, label);
  /* TRANSLATORS: window title, "Edit Cluster – Default (4.7)" */
  title = g_strdup_printf (_("%s – %s"), _("Edit Cluster"), label);
  gtk_window_set_title (GTK_WINDOW (self), title);

  /* The stored value exactly, as webadmin's ClusterModel.setMemoryOverCommit
   * does (ovirt-engine: frontend/webadmin/modules/uicommonweb/.../clusters/ClusterModel.java):
   * a value other than the three presets is Custom with that value. The
   * spin button starts from it when Custom is chosen later. Not known:
   * no choice is shown, and none is sent unless the admin makes one. */
  if (percent != AERO_UNSET)
    gtk_spin_button_set_value (self->custom_spin, percent);
  if (percent == 100)
    gtk_check_button_set_active (self->radio_none, TRUE);
  else if (percent == 150)
    gtk_check_button_set_active (self->radio_server, TRUE);
  else if (percent == 200)
    gtk_check_button_set_active (self->radio_desktop, TRUE);
  else if (percent != AERO_UNSET)
    gtk_check_button_set_active (self->radio_custom, TRUE);

  /* webadmin has no box for this and stores THP on at every save
   * (ClusterListModel.buildCluster); here it shows what the engine holds,
   * and is sent again with every over-commit change so that it stays. */
  if (aero_cluster_get_transparent_hugepages (self->cluster) == AERO_TRISTATE_UNKNOWN)
    gtk_check_button_set_inconsistent (self->thp_check, TRUE);
  else
    gtk_check_button_set_active (self->thp_check,
                                 aero_cluster_get_transparent_hugepages (self->cluster) == AERO_TRISTATE_TRUE);

  gtk_check_button_set_active (self->ksm_check,
                               aero_cluster_get_ksm_enabled (self->cluster) == AERO_TRISTATE_TRUE);

  if (balloon_supported (self))
    {
      gtk_check_button_set_active (self->balloon_check,
                                   aero_cluster_get_ballooning_enabled (self->cluster) == AERO_TRISTATE_TRUE);
      gtk_widget_set_visible (GTK_WIDGET (self->balloon_reason), FALSE);
      aero_accessible_describe (GTK_WIDGET (self->balloon_check), NULL);
    }
  else
    {
      g_autofree char *reason = NULL;

      reason = aero_feature_dup_reason (AERO_FEATURE_CLUSTER_BALLOON_OPTIMIZATION,
                                        aero_cluster_get_version (self->cluster));
      gtk_check_button_set_active (self->balloon_check, FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->balloon_check), FALSE);
      gtk_label_set_text (self->balloon_reason, reason);
      gtk_widget_set_visible (GTK_WIDGET (self->balloon_reason), TRUE);
      aero_accessible_describe (GTK_WIDGET (self->balloon_check), reason);
    }

  update_state (self);
}

static void
aero_cluster_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), AERO_TYPE_CLUSTER_DIALOG);

  G_OBJECT_CLASS (aero_cluster_dialog_parent_class)->dispose (object);
}

static void
aero_cluster_dialog_finalize (GObject *object)
{
  AeroClusterDialog *self = AERO_CLUSTER_DIALOG (object);

  g_clear_object (&self->engine);
  g_clear_object (&self->cluster);

  G_OBJECT_CLASS (aero_cluster_dialog_parent_class)->finalize (object);
}

static void
aero_cluster_dialog_class_init (AeroClusterDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  AeroEditDialogClass *dialog_class = AERO_EDIT_DIALOG_CLASS (klass);

  object_class->dispose = aero_cluster_dialog_dispose;
  object_class->finalize = aero_cluster_dialog_finalize;
  dialog_class->is_valid = aero_cluster_dialog_is_valid;
  dialog_class->has_changes = aero_cluster_dialog_has_changes;
  dialog_class->save = aero_cluster_dialog_save;

  signals[SAVED] =
    g_signal_new ("saved",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, AERO_TYPE_CLUSTER);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/aerostat/Aerostat/ui/aero-cluster-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AeroClusterDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, AeroClusterDialog, ok_button);
  gtk_widget_class_bind_template_child (widget_class, AeroClusterDialog, radio_none);
  gtk_widget_class_bind_template_child (widget_class, AeroClusterDialog, radio_server);
  gtk_widget_class_bind_template_child (widget_class, AeroClusterDialog, radio_desktop);
  gtk_widget_class_bind_template_child (widget_class, AeroClusterDialog, radio_custom);
  gtk_widget_class_bind_template_child (widget_class, AeroClusterDialog, custom_spin);
  gtk_widget_class_bind_template_child (widget_class, AeroClusterDialog, balloon_check);
  gtk_widget_class_bind_template_child (widget_class, AeroClusterDialog, balloon_reason);
  gtk_widget_class_bind_template_child (widget_class, AeroClusterDialog, ksm_check);
  gtk_widget_class_bind_template_child (widget_class, AeroClusterDialog, thp_check);
  gtk_widget_class_bind_template_child (widget_class, AeroClusterDialog, validation_label);
  aero_edit_dialog_class_bind_skeleton (widget_class, FALSE);
}

static void
aero_cluster_dialog_init (AeroClusterDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  aero_accessible_single_names (GTK_WIDGET (self));

  g_signal_connect_swapped (self->radio_none, "toggled", G_CALLBACK (on_changed), self);
  g_signal_connect_swapped (self->radio_server, "toggled", G_CALLBACK (on_changed), self);
  g_signal_connect_swapped (self->radio_desktop, "toggled", G_CALLBACK (on_changed), self);
  g_signal_connect_swapped (self->radio_custom, "toggled", G_CALLBACK (on_changed), self);
  g_signal_connect_swapped (self->custom_spin, "value-changed", G_CALLBACK (on_changed), self);
  aero_accessible_spin_activates_default (self->custom_spin);
  g_signal_connect_swapped (self->balloon_check, "toggled", G_CALLBACK (on_changed), self);
  g_signal_connect_swapped (self->ksm_check, "toggled", G_CALLBACK (on_changed), self);
  g_signal_connect_swapped (self->thp_check, "toggled", G_CALLBACK (on_thp_toggled), self);
  /* The range an engine stores as given, defined once for the dialog and
   * the CLI. */
  gtk_adjustment_configure (gtk_spin_button_get_adjustment (self->custom_spin),
                            100, AERO_CLUSTER_OVERCOMMIT_MIN, AERO_CLUSTER_OVERCOMMIT_MAX,
                            10, 50, 0);
}

AeroClusterDialog *
aero_cluster_dialog_new (AeroEngine  *engine,
                         AeroCluster *cluster)
{
  AeroClusterDialog *self;

  g_return_val_if_fail (AERO_IS_ENGINE (engine), NULL);
  g_return_val_if_fail (AERO_IS_CLUSTER (cluster), NULL);

  self = g_object_new (AERO_TYPE_CLUSTER_DIALOG, NULL);
  self->engine = g_object_ref (engine);
  self->cluster = aero_cluster_copy (cluster);
  load_cluster (self);
  aero_edit_dialog_focus_default (AERO_EDIT_DIALOG (self));

  return self;
}
