/* aero-cluster-memory.c - a cluster's memory picture and its settings
 *
 * Shown in the Hosts view's pane (the selected host's cluster) and in the
 * Clusters view's pane (the selected cluster): one widget, so that both
 * read the same figures and the same warning.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "aero-cluster-memory.h"
#include "aero-format.h"
#include "aero-memory-chart.h"

struct _AeroClusterMemory
{
  GtkWidget          parent_instance;

  AeroMemoryPicture *picture;
  char              *text;
  gboolean           warns;

  GtkLabel          *title;
  GtkLabel          *settings;
  AeroMemoryChart   *chart;
  GtkLabel          *legend;
  GtkWidget         *warning_box;
  GtkButton         *edit_button;
};

G_DEFINE_FINAL_TYPE (AeroClusterMemory, aero_cluster_memory, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_EDIT_ACTION_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
aero_cluster_memory_dispose (GObject *object)
{
  AeroClusterMemory *self = AERO_CLUSTER_MEMORY (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (object), AERO_TYPE_CLUSTER_MEMORY);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->picture);

  G_OBJECT_CLASS (aero_cluster_memory_parent_class)->dispose (object);
}

static void
aero_cluster_memory_finalize (GObject *object)
{
  AeroClusterMemory *self = AERO_CLUSTER_MEMORY (object);

  g_free (self->text);

  G_OBJECT_CLASS (aero_cluster_memory_parent_class)->finalize (object);
}

static void
aero_cluster_memory_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  AeroClusterMemory *self = AERO_CLUSTER_MEMORY (object);

  switch (prop_id)
    {
    case PROP_EDIT_ACTION_NAME:
      g_value_set_string (value, gtk_actionable_get_action_name (GTK_ACTIONABLE (self->edit_button)));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
aero_cluster_memory_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  AeroClusterMemory *self = AERO_CLUSTER_MEMORY (object);

  switch (prop_id)
    {
    case PROP_EDIT_ACTION_NAME:
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->edit_button), g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
aero_cluster_memory_class_init (AeroClusterMemoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = aero_cluster_memory_dispose;
  object_class->finalize = aero_cluster_memory_finalize;
  object_class->get_property = aero_cluster_memory_get_property;
  object_class->set_property = aero_cluster_memory_set_property;

  properties[PROP_EDIT_ACTION_NAME] =
    g_param_spec_string ("edit-action-name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (AERO_TYPE_MEMORY_CHART);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/aerostat/Aerostat/ui/aero-cluster-memory.ui");
  gtk_widget_class_bind_template_child (widget_class, AeroClusterMemory, title);
  gtk_widget_class_bind_template_child (widget_class, AeroClusterMemory, settings);
  gtk_widget_class_bind_template_child (widget_class, AeroClusterMemory, chart);
  gtk_widget_class_bind_template_child (widget_class, AeroClusterMemory, legend);
  gtk_widget_class_bind_template_child (widget_class, AeroClusterMemory, warning_box);
  gtk_widget_class_bind_template_child (widget_class, AeroClusterMemory, edit_button);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
aero_cluster_memory_init (AeroClusterMemory *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

void
aero_cluster_memory_show (AeroClusterMemory *self,
                          AeroCluster       *cluster,
                          AeroMemoryPicture *picture)
{
  g_return_if_fail (AERO_IS_CLUSTER_MEMORY (self));

  g_clear_object (&self->picture);
  if (cluster != NULL && picture != NULL)
    self->picture = g_object_ref (picture);
  g_clear_pointer (&self->text, g_free);
  self->warns = FALSE;

  if (cluster != NULL)
    {
      g_autofree char *label = aero_cluster_dup_label (cluster);
      g_autofree char *heading = NULL;
      int percent = aero_cluster_get_overcommit_percent (cluster);
      g_autofree char *overcommit = percent >= 0 ? g_strdup_printf (_("%d %%"), percent)
                                                 : g_strdup (AERO_FORMAT_UNKNOWN);

      if (self->picture != NULL)
        {
          guint n_hosts;

          n_hosts = aero_memory_picture_get_hosts (self->picture);
          /* TRANSLATORS: heading of the cluster's picture, e.g. "Cluster Default (4.7), 2 hosts" */
          heading = g_strdup_printf (ngettext ("Cluster %s, %u host", "Cluster %s, %u hosts", n_hosts),
                                     label, n_hosts);
        }
      else
        {
          /* TRANSLATORS: heading of a cluster's picture while its hosts load */
          heading = g_strdup_printf (_("Cluster %s"), label);
        }
      /* TRANSLATORS: the cluster's memory settings beside its picture */
      self->text = g_strdup_printf (_("Memory over-commit %s · KSM %s · Balloon optimization %s"),
                                    overcommit,
                                    aero_format_tristate (aero_cluster_get_ksm_enabled (cluster)),
                                    aero_format_tristate (aero_cluster_get_ballooning_enabled (cluster)));
      self->warns = aero_memory_picture_cluster_unprotected (cluster);
      gtk_label_set_label (self->title, heading);
      gtk_label_set_label (self->settings, self->text);
    }
  else
    {
      gtk_label_set_label (self->title, _("Cluster unknown"));
      gtk_label_set_label (self->settings, "");
    }
  aero_memory_chart_set_picture (self->chart, self->picture);
  if (self->picture != NULL)
    aero_memory_chart_show_legend (self->chart, self->legend);
  else
    gtk_label_set_label (self->legend, "");
  gtk_widget_set_visible (self->warning_box, self->warns);
}

AeroMemoryPicture *
aero_cluster_memory_get_picture (AeroClusterMemory *self)
{
  g_return_val_if_fail (AERO_IS_CLUSTER_MEMORY (self), NULL);
  return self->picture;
}

const char *
aero_cluster_memory_get_text (AeroClusterMemory *self)
{
  g_return_val_if_fail (AERO_IS_CLUSTER_MEMORY (self), NULL);
  return self->text;
}

gboolean
aero_cluster_memory_get_warns (AeroClusterMemory *self)
{
  g_return_val_if_fail (AERO_IS_CLUSTER_MEMORY (self), FALSE);
  return self->warns;
}
