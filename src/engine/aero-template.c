/* aero-template.c - a VM template as the engine describes it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "aero-enum-types.h"
#include "aero-model-private.h"
#include "aero-template.h"

struct _AeroTemplate
{
  GObject parent_instance;

  char *id;
  char *name;
  char *description;
  char *comment;
  AeroVmType vm_type;
  gint64 memory;
  int cpu_sockets;
  int cpu_cores;
  int cpu_threads;
  int cpu_shares;
  char *cluster_id;
  char *os_type;
  AeroVersion *custom_compatibility_version;
  char *status;
  char *version_name;
  int version_number;
  /* Never NULL. */
  AeroMemoryPolicy *memory_policy;
};

G_DEFINE_FINAL_TYPE (AeroTemplate, aero_template, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_DESCRIPTION,
  PROP_COMMENT,
  PROP_VM_TYPE,
  PROP_MEMORY,
  PROP_CPU_SOCKETS,
  PROP_CPU_CORES,
  PROP_CPU_THREADS,
  PROP_CPU_SHARES,
  PROP_CLUSTER_ID,
  PROP_OS_TYPE,
  PROP_CUSTOM_COMPATIBILITY_VERSION,
  PROP_STATUS,
  PROP_VERSION_NAME,
  PROP_VERSION_NUMBER,
  PROP_MEMORY_POLICY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
aero_template_dispose (GObject *object)
{
  AeroTemplate *self = AERO_TEMPLATE (object);

  g_clear_object (&self->memory_policy);

  G_OBJECT_CLASS (aero_template_parent_class)->dispose (object);
}

static void
aero_template_finalize (GObject *object)
{
  AeroTemplate *self = AERO_TEMPLATE (object);

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->comment, g_free);
  g_clear_pointer (&self->cluster_id, g_free);
  g_clear_pointer (&self->os_type, g_free);
  g_clear_object (&self->custom_compatibility_version);
  g_clear_pointer (&self->status, g_free);
  g_clear_pointer (&self->version_name, g_free);

  G_OBJECT_CLASS (aero_template_parent_class)->finalize (object);
}

static void
aero_template_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  AeroTemplate *self = AERO_TEMPLATE (object);

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
    case PROP_COMMENT:
      g_value_set_string (value, self->comment);
      break;
    case PROP_VM_TYPE:
      g_value_set_enum (value, self->vm_type);
      break;
    case PROP_MEMORY:
      g_value_set_int64 (value, self->memory);
      break;
    case PROP_CPU_SOCKETS:
      g_value_set_int (value, self->cpu_sockets);
      break;
    case PROP_CPU_CORES:
      g_value_set_int (value, self->cpu_cores);
      break;
    case PROP_CPU_THREADS:
      g_value_set_int (value, self->cpu_threads);
      break;
    case PROP_CPU_SHARES:
      g_value_set_int (value, self->cpu_shares);
      break;
    case PROP_CLUSTER_ID:
      g_value_set_string (value, self->cluster_id);
      break;
    case PROP_OS_TYPE:
      g_value_set_string (value, self->os_type);
      break;
    case PROP_CUSTOM_COMPATIBILITY_VERSION:
      g_value_set_object (value, self->custom_compatibility_version);
      break;
    case PROP_STATUS:
      g_value_set_string (value, self->status);
      break;
    case PROP_VERSION_NAME:
      g_value_set_string (value, self->version_name);
      break;
    case PROP_VERSION_NUMBER:
      g_value_set_int (value, self->version_number);
      break;
    case PROP_MEMORY_POLICY:
      g_value_set_object (value, self->memory_policy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
aero_template_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  AeroTemplate *self = AERO_TEMPLATE (object);

  switch (prop_id)
    {
    case PROP_ID:
      aero_template_set_id (self, g_value_get_string (value));
      break;
    case PROP_NAME:
      aero_template_set_name (self, g_value_get_string (value));
      break;
    case PROP_DESCRIPTION:
      aero_template_set_description (self, g_value_get_string (value));
      break;
    case PROP_COMMENT:
      aero_template_set_comment (self, g_value_get_string (value));
      break;
    case PROP_VM_TYPE:
      aero_template_set_vm_type (self, g_value_get_enum (value));
      break;
    case PROP_MEMORY:
      aero_template_set_memory (self, g_value_get_int64 (value));
      break;
    case PROP_CPU_SOCKETS:
      aero_template_set_cpu_sockets (self, g_value_get_int (value));
      break;
    case PROP_CPU_CORES:
      aero_template_set_cpu_cores (self, g_value_get_int (value));
      break;
    case PROP_CPU_THREADS:
      aero_template_set_cpu_threads (self, g_value_get_int (value));
      break;
    case PROP_CPU_SHARES:
      aero_template_set_cpu_shares (self, g_value_get_int (value));
      break;
    case PROP_CLUSTER_ID:
      aero_template_set_cluster_id (self, g_value_get_string (value));
      break;
    case PROP_OS_TYPE:
      aero_template_set_os_type (self, g_value_get_string (value));
      break;
    case PROP_CUSTOM_COMPATIBILITY_VERSION:
      aero_template_set_custom_compatibility_version (self, g_value_get_object (value));
      break;
    case PROP_STATUS:
      aero_template_set_status (self, g_value_get_string (value));
      break;
    case PROP_VERSION_NAME:
      aero_template_set_version_name (self, g_value_get_string (value));
      break;
    case PROP_VERSION_NUMBER:
      aero_template_set_version_number (self, g_value_get_int (value));
      break;
    case PROP_MEMORY_POLICY:
      aero_template_set_memory_policy (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
aero_template_class_init (AeroTemplateClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = aero_template_dispose;
  object_class->finalize = aero_template_finalize;
  object_class->get_property = aero_template_get_property;
  object_class->set_property = aero_template_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL,
                         NULL, AERO_MODEL_PARAM_FLAGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         NULL, AERO_MODEL_PARAM_FLAGS);
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL,
                         NULL, AERO_MODEL_PARAM_FLAGS);
  properties[PROP_COMMENT] =
    g_param_spec_string ("comment", NULL, NULL,
                         NULL, AERO_MODEL_PARAM_FLAGS);
  properties[PROP_VM_TYPE] =
    g_param_spec_enum ("vm-type", NULL, NULL,
                       AERO_TYPE_VM_TYPE, 0, AERO_MODEL_PARAM_FLAGS);
  properties[PROP_MEMORY] =
    g_param_spec_int64 ("memory", NULL, NULL,
                        AERO_UNSET, G_MAXINT64, AERO_UNSET, AERO_MODEL_PARAM_FLAGS);
  properties[PROP_CPU_SOCKETS] =
    g_param_spec_int ("cpu-sockets", NULL, NULL,
                      AERO_UNSET, G_MAXINT, AERO_UNSET, AERO_MODEL_PARAM_FLAGS);
  properties[PROP_CPU_CORES] =
    g_param_spec_int ("cpu-cores", NULL, NULL,
                      AERO_UNSET, G_MAXINT, AERO_UNSET, AERO_MODEL_PARAM_FLAGS);
  properties[PROP_CPU_THREADS] =
    g_param_spec_int ("cpu-threads", NULL, NULL,
                      AERO_UNSET, G_MAXINT, AERO_UNSET, AERO_MODEL_PARAM_FLAGS);
  properties[PROP_CPU_SHARES] =
    g_param_spec_int ("cpu-shares", NULL, NULL,
                      AERO_UNSET, G_MAXINT, AERO_UNSET, AERO_MODEL_PARAM_FLAGS);
  properties[PROP_CLUSTER_ID] =
    g_param_spec_string ("cluster-id", NULL, NULL,
                         NULL, AERO_MODEL_PARAM_FLAGS);
  properties[PROP_OS_TYPE] =
    g_param_spec_string ("os-type", NULL, NULL,
                         NULL, AERO_MODEL_PARAM_FLAGS);
  properties[PROP_CUSTOM_COMPATIBILITY_VERSION] =
    g_param_spec_object ("custom-compatibility-version", NULL, NULL,
                         AERO_TYPE_VERSION, AERO_MODEL_PARAM_FLAGS);
  properties[PROP_STATUS] =
    g_param_spec_string ("status", NULL, NULL,
                         NULL, AERO_MODEL_PARAM_FLAGS);
  properties[PROP_VERSION_NAME] =
    g_param_spec_string ("version-name", NULL, NULL,
                         NULL, AERO_MODEL_PARAM_FLAGS);
  properties[PROP_VERSION_NUMBER] =
    g_param_spec_int ("version-number", NULL, NULL,
                      AERO_UNSET, G_MAXINT, AERO_UNSET, AERO_MODEL_PARAM_FLAGS);
  properties[PROP_MEMORY_POLICY] =
    g_param_spec_object ("memory-policy", NULL, NULL,
                         AERO_TYPE_MEMORY_POLICY, AERO_MODEL_PARAM_FLAGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
aero_template_init (AeroTemplate *self)
{
  self->memory = AERO_UNSET;
  self->cpu_sockets = AERO_UNSET;
  self->cpu_cores = AERO_UNSET;
  self->cpu_threads = AERO_UNSET;
  self->cpu_shares = AERO_UNSET;
  self->version_number = AERO_UNSET;
  self->memory_policy = aero_memory_policy_new ();
}

AeroTemplate *
aero_template_new (void)
{
  return g_object_new (AERO_TYPE_TEMPLATE, NULL);
}

AeroTemplate *
aero_template_copy (AeroTemplate *self)
{
  AeroTemplate *copy;

  g_return_val_if_fail (AERO_IS_TEMPLATE (self), NULL);

  copy = aero_template_new ();
  copy->id = g_strdup (self->id);
  copy->name = g_strdup (self->name);
  copy->description = g_strdup (self->description);
  copy->comment = g_strdup (self->comment);
  copy->vm_type = self->vm_type;
  copy->memory = self->memory;
  copy->cpu_sockets = self->cpu_sockets;
  copy->cpu_cores = self->cpu_cores;
  copy->cpu_threads = self->cpu_threads;
  copy->cpu_shares = self->cpu_shares;
  copy->cluster_id = g_strdup (self->cluster_id);
  copy->os_type = g_strdup (self->os_type);
  copy->custom_compatibility_version = aero_model_copy_version (self->custom_compatibility_version);
  copy->status = g_strdup (self->status);
  copy->version_name = g_strdup (self->version_name);
  copy->version_number = self->version_number;
  aero_memory_policy_update_from (copy->memory_policy, self->memory_policy);

  return copy;
}

void
aero_template_update_from (AeroTemplate *self,
                           AeroTemplate *other)
{
  g_return_if_fail (AERO_IS_TEMPLATE (self));
  g_return_if_fail (AERO_IS_TEMPLATE (other));

  if (self == other)
    return;

  g_object_freeze_notify (G_OBJECT (self));
  aero_template_set_id (self, other->id);
  aero_template_set_name (self, other->name);
  aero_template_set_description (self, other->description);
  aero_template_set_comment (self, other->comment);
  aero_template_set_vm_type (self, other->vm_type);
  aero_template_set_memory (self, other->memory);
  aero_template_set_cpu_sockets (self, other->cpu_sockets);
  aero_template_set_cpu_cores (self, other->cpu_cores);
  aero_template_set_cpu_threads (self, other->cpu_threads);
  aero_template_set_cpu_shares (self, other->cpu_shares);
  aero_template_set_cluster_id (self, other->cluster_id);
  aero_template_set_os_type (self, other->os_type);
  aero_template_set_custom_compatibility_version (self, other->custom_compatibility_version);
  aero_template_set_status (self, other->status);
  aero_template_set_version_name (self, other->version_name);
  aero_template_set_version_number (self, other->version_number);
  /* The policy object stays; only its changed members notify. */
  aero_memory_policy_update_from (self->memory_policy, other->memory_policy);
  g_object_thaw_notify (G_OBJECT (self));
}

const char *
aero_template_get_id (AeroTemplate *self)
{
  g_return_val_if_fail (AERO_IS_TEMPLATE (self), NULL);

  return self->id;
}

void
aero_template_set_id (AeroTemplate *self,
                      const char   *id)
{
  g_return_if_fail (AERO_IS_TEMPLATE (self));

  if (aero_model_set_string (&self->id, id))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

const char *
aero_template_get_name (AeroTemplate *self)
{
  g_return_val_if_fail (AERO_IS_TEMPLATE (self), NULL);

  return self->name;
}

void
aero_template_set_name (AeroTemplate *self,
                        const char   *name)
{
  g_return_if_fail (AERO_IS_TEMPLATE (self));

  if (aero_model_set_string (&self->name, name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

const char *
aero_template_get_description (AeroTemplate *self)
{
  g_return_val_if_fail (AERO_IS_TEMPLATE (self), NULL);

  return self->description;
}

void
aero_template_set_description (AeroTemplate *self,
                               const char   *description)
{
  g_return_if_fail (AERO_IS_TEMPLATE (self));

  if (aero_model_set_string (&self->description, description))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DESCRIPTION]);
}

const char *
aero_template_get_comment (AeroTemplate *self)
{
  g_return_val_if_fail (AERO_IS_TEMPLATE (self), NULL);

  return self->comment;
}

void
aero_template_set_comment (AeroTemplate *self,
                           const char   *comment)
{
  g_return_if_fail (AERO_IS_TEMPLATE (self));

  if (aero_model_set_string (&self->comment, comment))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMMENT]);
}

AeroVmType
aero_template_get_vm_type (AeroTemplate *self)
{
  g_return_val_if_fail (AERO_IS_TEMPLATE (self), 0);

  return self->vm_type;
}

void
aero_template_set_vm_type (AeroTemplate *self,
                           AeroVmType    vm_type)
{
  g_return_if_fail (AERO_IS_TEMPLATE (self));

  if (self->vm_type == vm_type)
    return;
  self->vm_type = vm_type;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VM_TYPE]);
}

gint64
aero_template_get_memory (AeroTemplate *self)
{
  g_return_val_if_fail (AERO_IS_TEMPLATE (self), AERO_UNSET);

  return self->memory;
}

void
aero_template_set_memory (AeroTemplate *self,
                          gint64        memory)
{
  g_return_if_fail (AERO_IS_TEMPLATE (self));

  if (aero_model_set_int64 (&self->memory, memory))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MEMORY]);
}

int
aero_template_get_cpu_sockets (AeroTemplate *self)
{
  g_return_val_if_fail (AERO_IS_TEMPLATE (self), AERO_UNSET);

  return self->cpu_sockets;
}

void
aero_template_set_cpu_sockets (AeroTemplate *self,
                               int           cpu_sockets)
{
  g_return_if_fail (AERO_IS_TEMPLATE (self));

  if (aero_model_set_int (&self->cpu_sockets, cpu_sockets))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CPU_SOCKETS]);
}

int
aero_template_get_cpu_cores (AeroTemplate *self)
{
  g_return_val_if_fail (AERO_IS_TEMPLATE (self), AERO_UNSET);

  return self->cpu_cores;
}

void
aero_template_set_cpu_cores (AeroTemplate *self,
                             int           cpu_cores)
{
  g_return_if_fail (AERO_IS_TEMPLATE (self));

  if (aero_model_set_int (&self->cpu_cores, cpu_cores))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CPU_CORES]);
}

int
aero_template_get_cpu_threads (AeroTemplate *self)
{
  g_return_val_if_fail (AERO_IS_TEMPLATE (self), AERO_UNSET);

  return self->cpu_threads;
}

void
aero_template_set_cpu_threads (AeroTemplate *self,
                               int           cpu_threads)
{
  g_return_if_fail (AERO_IS_TEMPLATE (self));

  if (aero_model_set_int (&self->cpu_threads, cpu_threads))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CPU_THREADS]);
}

int
aero_template_get_cpu_shares (AeroTemplate *self)
{
  g_return_val_if_fail (AERO_IS_TEMPLATE (self), AERO_UNSET);

  return self->cpu_shares;
}

void
aero_template_set_cpu_shares (AeroTemplate *self,
                              int           cpu_shares)
{
  g_return_if_fail (AERO_IS_TEMPLATE (self));

  if (aero_model_set_int (&self->cpu_shares, cpu_shares))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CPU_SHARES]);
}

const char *
aero_template_get_cluster_id (AeroTemplate *self)
{
  g_return_val_if_fail (AERO_IS_TEMPLATE (self), NULL);

  return self->cluster_id;
}

void
aero_template_set_cluster_id (AeroTemplate *self,
                              const char   *cluster_id)
{
  g_return_if_fail (AERO_IS_TEMPLATE (self));

  if (aero_model_set_string (&self->cluster_id, cluster_id))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLUSTER_ID]);
}

const char *
aero_template_get_os_type (AeroTemplate *self)
{
  g_return_val_if_fail (AERO_IS_TEMPLATE (self), NULL);

  return self->os_type;
}

void
aero_template_set_os_type (AeroTemplate *self,
                           const char   *os_type)
{
  g_return_if_fail (AERO_IS_TEMPLATE (self));

  if (aero_model_set_string (&self->os_type, os_type))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OS_TYPE]);
}

AeroVersion *
aero_template_get_custom_compatibility_version (AeroTemplate *self)
{
  g_return_val_if_fail (AERO_IS_TEMPLATE (self), NULL);

  return self->custom_compatibility_version;
}

void
aero_template_set_custom_compatibility_version (AeroTemplate *self,
                                                AeroVersion  *custom_compatibility_version)
{
  g_return_if_fail (AERO_IS_TEMPLATE (self));

  if (aero_model_set_version (&self->custom_compatibility_version, custom_compatibility_version))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CUSTOM_COMPATIBILITY_VERSION]);
}

const char *
aero_template_get_status (AeroTemplate *self)
{
  g_return_val_if_fail (AERO_IS_TEMPLATE (self), NULL);

  return self->status;
}

void
aero_template_set_status (AeroTemplate *self,
                          const char   *status)
{
  g_return_if_fail (AERO_IS_TEMPLATE (self));

  if (aero_model_set_string (&self->status, status))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

const char *
aero_template_get_version_name (AeroTemplate *self)
{
  g_return_val_if_fail (AERO_IS_TEMPLATE (self), NULL);

  return self->version_name;
}

void
aero_template_set_version_name (AeroTemplate *self,
                                const char   *version_name)
{
  g_return_if_fail (AERO_IS_TEMPLATE (self));

  if (aero_model_set_string (&self->version_name, version_name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VERSION_NAME]);
}

int
aero_template_get_version_number (AeroTemplate *self)
{
  g_return_val_if_fail (AERO_IS_TEMPLATE (self), AERO_UNSET);

  return self->version_number;
}

void
aero_template_set_version_number (AeroTemplate *self,
                                  int           version_number)
{
  g_return_if_fail (AERO_IS_TEMPLATE (self));

  if (aero_model_set_int (&self->version_number, version_number))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VERSION_NUMBER]);
}
AeroMemoryPolicy *
aero_template_get_memory_policy (AeroTemplate *self)
{
  g_return_val_if_fail (AERO_IS_TEMPLATE (self), NULL);

  return self->memory_policy;
}

void
aero_template_set_memory_policy (AeroTemplate     *self,
                                 AeroMemoryPolicy *policy)
{
  g_return_if_fail (AERO_IS_TEMPLATE (self));
  g_return_if_fail (policy == NULL || AERO_IS_MEMORY_POLICY (policy));

  if (policy == self->memory_policy)
    return;

  /* "Never NULL": clearing the policy means a policy with unset members. */
  if (policy == NULL)
    {
      g_clear_object (&self->memory_policy);
      self->memory_policy = aero_memory_policy_new ();
    }
  else
    {
      g_set_object (&self->memory_policy, policy);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MEMORY_POLICY]);
}
