/* aero-cluster.c - a cluster as the engine describes it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "aero-cluster.h"
#include "aero-enum-types.h"
#include "aero-model-private.h"

struct _AeroCluster
{
  GObject parent_instance;

  char *id;
  char *name;
  char *description;
  AeroVersion *version;
  AeroTristate ballooning_enabled;
  int overcommit_percent;
  AeroTristate ksm_enabled;
  AeroTristate transparent_hugepages;
  char *architecture;
  char *data_center_id;
};

G_DEFINE_FINAL_TYPE (AeroCluster, aero_cluster, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_DESCRIPTION,
  PROP_VERSION,
  PROP_BALLOONING_ENABLED,
  PROP_OVERCOMMIT_PERCENT,
  PROP_KSM_ENABLED,
  PROP_TRANSPARENT_HUGEPAGES,
  PROP_ARCHITECTURE,
  PROP_DATA_CENTER_ID,
  PROP_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Every property but the label, in the order of the enum above. */
static const AeroModelField fields[] = {
  AERO_MODEL_FIELD (PROP_ID, "id", AERO_MODEL_STRING, AeroCluster, id),
  AERO_MODEL_FIELD (PROP_NAME, "name", AERO_MODEL_STRING, AeroCluster, name),
  AERO_MODEL_FIELD (PROP_DESCRIPTION, "description", AERO_MODEL_STRING, AeroCluster, description),
  AERO_MODEL_FIELD (PROP_VERSION, "version", AERO_MODEL_VERSION, AeroCluster, version),
  AERO_MODEL_FIELD (PROP_BALLOONING_ENABLED, "ballooning-enabled",
                    AERO_MODEL_TRISTATE, AeroCluster, ballooning_enabled),
  AERO_MODEL_FIELD (PROP_OVERCOMMIT_PERCENT, "overcommit-percent",
                    AERO_MODEL_INT, AeroCluster, overcommit_percent),
  AERO_MODEL_FIELD (PROP_KSM_ENABLED, "ksm-enabled", AERO_MODEL_TRISTATE, AeroCluster, ksm_enabled),
  AERO_MODEL_FIELD (PROP_TRANSPARENT_HUGEPAGES, "transparent-hugepages",
                    AERO_MODEL_TRISTATE, AeroCluster, transparent_hugepages),
  AERO_MODEL_FIELD (PROP_ARCHITECTURE, "architecture", AERO_MODEL_STRING, AeroCluster, architecture),
  AERO_MODEL_FIELD (PROP_DATA_CENTER_ID, "data-center-id",
                    AERO_MODEL_STRING, AeroCluster, data_center_id),
};

/* The label is made of the name and the version: it changes with either. */
static void
notify_field (AeroCluster *self,
              guint        prop_id)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
  if (prop_id == PROP_NAME || prop_id == PROP_VERSION)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LABEL]);
}

static void
aero_cluster_finalize (GObject *object)
{
  aero_model_clear_fields (object, fields, G_N_ELEMENTS (fields));

  G_OBJECT_CLASS (aero_cluster_parent_class)->finalize (object);
}

static void
aero_cluster_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  AeroCluster *self = AERO_CLUSTER (object);
  const AeroModelField *field = aero_model_find_field (fields, G_N_ELEMENTS (fields), prop_id);

  if (field != NULL)
    aero_model_get_field (self, field, value);
  else if (prop_id == PROP_LABEL)
    g_value_take_string (value, aero_cluster_dup_label (self));
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
aero_cluster_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  AeroCluster *self = AERO_CLUSTER (object);
  const AeroModelField *field = aero_model_find_field (fields, G_N_ELEMENTS (fields), prop_id);

  if (field == NULL)
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
  else if (aero_model_set_field (self, field, value))
    notify_field (self, prop_id);
}

static void
aero_cluster_class_init (AeroClusterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = aero_cluster_finalize;
  object_class->get_property = aero_cluster_get_property;
  object_class->set_property = aero_cluster_set_property;

  aero_model_install_fields (properties, fields, G_N_ELEMENTS (fields));
  properties[PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL,
                         NULL, AERO_MODEL_PARAM_RO_FLAGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
aero_cluster_init (AeroCluster *self)
{
  aero_model_init_fields (self, fields, G_N_ELEMENTS (fields));
}

AeroCluster *
aero_cluster_new (void)
{
  return g_object_new (AERO_TYPE_CLUSTER, NULL);
}

AeroCluster *
aero_cluster_copy (AeroCluster *self)
{
  AeroCluster *copy;

  g_return_val_if_fail (AERO_IS_CLUSTER (self), NULL);

  copy = aero_cluster_new ();
  aero_model_copy_fields (copy, self, fields, G_N_ELEMENTS (fields));

  return copy;
}

void
aero_cluster_update_from (AeroCluster *self,
                          AeroCluster *other)
{
  g_return_if_fail (AERO_IS_CLUSTER (self));
  g_return_if_fail (AERO_IS_CLUSTER (other));

  if (self == other)
    return;

  g_object_freeze_notify (G_OBJECT (self));
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      if (aero_model_update_field (self, other, &fields[i]))
        notify_field (self, fields[i].prop_id);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

char *
aero_cluster_dup_label (AeroCluster *self)
{
  g_autofree char *version = NULL;

  g_return_val_if_fail (AERO_IS_CLUSTER (self), NULL);

  if (self->version == NULL)
    return g_strdup (self->name != NULL ? self->name : "");

  version = aero_version_to_string (self->version);
  /* Not translated: a name and a number, the same in every language. */
  return g_strdup_printf ("%s (%s)", self->name != NULL ? self->name : "", version);
}

const char *
aero_cluster_get_id (AeroCluster *self)
{
  g_return_val_if_fail (AERO_IS_CLUSTER (self), NULL);

  return self->id;
}

void
aero_cluster_set_id (AeroCluster *self,
                     const char  *id)
{
  g_return_if_fail (AERO_IS_CLUSTER (self));

  if (aero_model_set_string (&self->id, id))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

const char *
aero_cluster_get_name (AeroCluster *self)
{
  g_return_val_if_fail (AERO_IS_CLUSTER (self), NULL);

  return self->name;
}

void
aero_cluster_set_name (AeroCluster *self,
                       const char  *name)
{
  g_return_if_fail (AERO_IS_CLUSTER (self));

  if (aero_model_set_string (&self->name, name))
    notify_field (self, PROP_NAME);
}

const char *
aero_cluster_get_description (AeroCluster *self)
{
  g_return_val_if_fail (AERO_IS_CLUSTER (self), NULL);

  return self->description;
}

void
aero_cluster_set_description (AeroCluster *self,
                              const char  *description)
{
  g_return_if_fail (AERO_IS_CLUSTER (self));

  if (aero_model_set_string (&self->description, description))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DESCRIPTION]);
}

AeroVersion *
aero_cluster_get_version (AeroCluster *self)
{
  g_return_val_if_fail (AERO_IS_CLUSTER (self), NULL);

  return self->version;
}

void
aero_cluster_set_version (AeroCluster *self,
                          AeroVersion *version)
{
  g_return_if_fail (AERO_IS_CLUSTER (self));

  if (aero_model_set_version (&self->version, version))
    notify_field (self, PROP_VERSION);
}

AeroTristate
aero_cluster_get_ballooning_enabled (AeroCluster *self)
{
  g_return_val_if_fail (AERO_IS_CLUSTER (self), AERO_TRISTATE_UNKNOWN);

  return self->ballooning_enabled;
}

void
aero_cluster_set_ballooning_enabled (AeroCluster  *self,
                                     AeroTristate  ballooning_enabled)
{
  g_return_if_fail (AERO_IS_CLUSTER (self));

  if (aero_model_set_tristate (&self->ballooning_enabled, ballooning_enabled))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BALLOONING_ENABLED]);
}

int
aero_cluster_get_overcommit_percent (AeroCluster *self)
{
  g_return_val_if_fail (AERO_IS_CLUSTER (self), AERO_UNSET);

  return self->overcommit_percent;
}

void
aero_cluster_set_overcommit_percent (AeroCluster *self,
                                     int          overcommit_percent)
{
  g_return_if_fail (AERO_IS_CLUSTER (self));

  if (aero_model_set_int (&self->overcommit_percent, overcommit_percent))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OVERCOMMIT_PERCENT]);
}

AeroTristate
aero_cluster_get_ksm_enabled (AeroCluster *self)
{
  g_return_val_if_fail (AERO_IS_CLUSTER (self), AERO_TRISTATE_UNKNOWN);

  return self->ksm_enabled;
}

void
aero_cluster_set_ksm_enabled (AeroCluster  *self,
                              AeroTristate  ksm_enabled)
{
  g_return_if_fail (AERO_IS_CLUSTER (self));

  if (aero_model_set_tristate (&self->ksm_enabled, ksm_enabled))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KSM_ENABLED]);
}

AeroTristate
aero_cluster_get_transparent_hugepages (AeroCluster *self)
{
  g_return_val_if_fail (AERO_IS_CLUSTER (self), AERO_TRISTATE_UNKNOWN);

  return self->transparent_hugepages;
}

void
aero_cluster_set_transparent_hugepages (AeroCluster  *self,
                                        AeroTristate  transparent_hugepages)
{
  g_return_if_fail (AERO_IS_CLUSTER (self));

  if (aero_model_set_tristate (&self->transparent_hugepages, transparent_hugepages))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TRANSPARENT_HUGEPAGES]);
}

const char *
aero_cluster_get_architecture (AeroCluster *self)
{
  g_return_val_if_fail (AERO_IS_CLUSTER (self), NULL);

  return self->architecture;
}

void
aero_cluster_set_architecture (AeroCluster *self,
                               const char  *architecture)
{
  g_return_if_fail (AERO_IS_CLUSTER (self));

  if (aero_model_set_string (&self->architecture, architecture))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ARCHITECTURE]);
}

const char *
aero_cluster_get_data_center_id (AeroCluster *self)
{
  g_return_val_if_fail (AERO_IS_CLUSTER (self), NULL);

  return self->data_center_id;
}

void
aero_cluster_set_data_center_id (AeroCluster *self,
                                 const char  *data_center_id)
{
  g_return_if_fail (AERO_IS_CLUSTER (self));

  if (aero_model_set_string (&self->data_center_id, data_center_id))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATA_CENTER_ID]);
}

AeroCluster *
aero_cluster_find (GListModel *clusters,
                   const char *id)
{
  guint n;

  g_return_val_if_fail (clusters == NULL || G_IS_LIST_MODEL (clusters), NULL);

  if (clusters == NULL || id == NULL)
    return NULL;

  n = g_list_model_get_n_items (clusters);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AeroCluster) cluster = g_list_model_get_item (clusters, i);

      /* The model holds its own reference, so a borrowed pointer stays
       * valid as long as the model does. */
      if (g_strcmp0 (aero_cluster_get_id (cluster), id) == 0)
        return cluster;
    }

  return NULL;
}

gboolean
aero_cluster_overcommit_valid (gint64 percent)
{
  return percent >= AERO_CLUSTER_OVERCOMMIT_MIN && percent <= AERO_CLUSTER_OVERCOMMIT_MAX;
}
