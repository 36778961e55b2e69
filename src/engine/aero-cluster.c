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

static void
aero_cluster_finalize (GObject *object)
{
  AeroCluster *self = AERO_CLUSTER (object);

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_object (&self->version);
  g_clear_pointer (&self->architecture, g_free);
  g_clear_pointer (&self->data_center_id, g_free);

  G_OBJECT_CLASS (aero_cluster_parent_class)->finalize (object);
}

static void
aero_cluster_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  AeroCluster *self = AERO_CLUSTER (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;
    case PROP_VERSION:
      g_value_set_object (value, self->version);
      break;
    case PROP_BALLOONING_ENABLED:
      g_value_set_enum (value, self->ballooning_enabled);
      break;
    case PROP_OVERCOMMIT_PERCENT:
      g_value_set_int (value, self->overcommit_percent);
      break;
    case PROP_KSM_ENABLED:
      g_value_set_enum (value, self->ksm_enabled);
      break;
    case PROP_TRANSPARENT_HUGEPAGES:
      g_value_set_enum (value, self->transparent_hugepages);
      break;
    case PROP_ARCHITECTURE:
      g_value_set_string (value, self->architecture);
      break;
    case PROP_DATA_CENTER_ID:
      g_value_set_string (value, self->data_center_id);
      break;
    case PROP_LABEL:
      g_value_take_string (value, aero_cluster_dup_label (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
aero_cluster_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  AeroCluster *self = AERO_CLUSTER (object);

  switch (prop_id)
    {
    case PROP_ID:
      aero_cluster_set_id (self, g_value_get_string (value));
      break;
    case PROP_NAME:
      aero_cluster_set_name (self, g_value_get_string (value));
      break;
    case PROP_DESCRIPTION:
      aero_cluster_set_description (self, g_value_get_string (value));
      break;
    case PROP_VERSION:
      aero_cluster_set_version (self, g_value_get_object (value));
      break;
    case PROP_BALLOONING_ENABLED:
      aero_cluster_set_ballooning_enabled (self, g_value_get_enum (value));
      break;
    case PROP_OVERCOMMIT_PERCENT:
      aero_cluster_set_overcommit_percent (self, g_value_get_int (value));
      break;
    case PROP_KSM_ENABLED:
      aero_cluster_set_ksm_enabled (self, g_value_get_enum (value));
      break;
    case PROP_TRANSPARENT_HUGEPAGES:
      aero_cluster_set_transparent_hugepages (self, g_value_get_enum (value));
      break;
    case PROP_ARCHITECTURE:
      aero_cluster_set_architecture (self, g_value_get_string (value));
      break;
    case PROP_DATA_CENTER_ID:
      aero_cluster_set_data_center_id (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
aero_cluster_class_init (AeroClusterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = aero_cluster_finalize;
  object_class->get_property = aero_cluster_get_property;
  object_class->set_property = aero_cluster_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL,
                         NULL, AERO_MODEL_PARAM_FLAGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         NULL, AERO_MODEL_PARAM_FLAGS);
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL,
                         NULL, AERO_MODEL_PARAM_FLAGS);
  properties[PROP_VERSION] =
    g_param_spec_object ("version", NULL, NULL,
                         AERO_TYPE_VERSION, AERO_MODEL_PARAM_FLAGS);
  properties[PROP_BALLOONING_ENABLED] =
    g_param_spec_enum ("ballooning-enabled", NULL, NULL,
                       AERO_TYPE_TRISTATE, AERO_TRISTATE_UNKNOWN, AERO_MODEL_PARAM_FLAGS);
  properties[PROP_OVERCOMMIT_PERCENT] =
    g_param_spec_int ("overcommit-percent", NULL, NULL,
                      AERO_UNSET, G_MAXINT, AERO_UNSET, AERO_MODEL_PARAM_FLAGS);
  properties[PROP_KSM_ENABLED] =
    g_param_spec_enum ("ksm-enabled", NULL, NULL,
                       AERO_TYPE_TRISTATE, AERO_TRISTATE_UNKNOWN, AERO_MODEL_PARAM_FLAGS);
  properties[PROP_TRANSPARENT_HUGEPAGES] =
    g_param_spec_enum ("transparent-hugepages", NULL, NULL,
                       AERO_TYPE_TRISTATE, AERO_TRISTATE_UNKNOWN, AERO_MODEL_PARAM_FLAGS);
  properties[PROP_ARCHITECTURE] =
    g_param_spec_string ("architecture", NULL, NULL,
                         NULL, AERO_MODEL_PARAM_FLAGS);
  properties[PROP_DATA_CENTER_ID] =
    g_param_spec_string ("data-center-id", NULL, NULL,
                         NULL, AERO_MODEL_PARAM_FLAGS);
  properties[PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL,
                         NULL, AERO_MODEL_PARAM_RO_FLAGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
aero_cluster_init (AeroCluster *self)
{
  self->ballooning_enabled = AERO_TRISTATE_UNKNOWN;
  self->overcommit_percent = AERO_UNSET;
  self->ksm_enabled = AERO_TRISTATE_UNKNOWN;
  self->transparent_hugepages = AERO_TRISTATE_UNKNOWN;
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
  copy->id = g_strdup (self->id);
  copy->name = g_strdup (self->name);
  copy->description = g_strdup (self->description);
  copy->version = aero_model_copy_version (self->version);
  copy->ballooning_enabled = self->ballooning_enabled;
  copy->overcommit_percent = self->overcommit_percent;
  copy->ksm_enabled = self->ksm_enabled;
  copy->transparent_hugepages = self->transparent_hugepages;
  copy->architecture = g_strdup (self->architecture);
  copy->data_center_id = g_strdup (self->data_center_id);

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
  aero_cluster_set_id (self, other->id);
  aero_cluster_set_name (self, other->name);
  aero_cluster_set_description (self, other->description);
  aero_cluster_set_version (self, other->version);
  aero_cluster_set_ballooning_enabled (self, other->ballooning_enabled);
  aero_cluster_set_overcommit_percent (self, other->overcommit_percent);
  aero_cluster_set_ksm_enabled (self, other->ksm_enabled);
  aero_cluster_set_transparent_hugepages (self, other->transparent_hugepages);
  aero_cluster_set_architecture (self, other->architecture);
  aero_cluster_set_data_center_id (self, other->data_center_id);
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
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LABEL]);
    }
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
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VERSION]);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LABEL]);
    }
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
