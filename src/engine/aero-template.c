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

/* Every property but the policy, in the order of the enum above. */
static const AeroModelField fields[] = {
  AERO_MODEL_FIELD (PROP_ID, "id", AERO_MODEL_STRING, AeroTemplate, id),
  AERO_MODEL_FIELD (PROP_NAME, "name", AERO_MODEL_STRING, AeroTemplate, name),
  AERO_MODEL_FIELD (PROP_DESCRIPTION, "description", AERO_MODEL_STRING, AeroTemplate, description),
  AERO_MODEL_FIELD (PROP_COMMENT, "comment", AERO_MODEL_STRING, AeroTemplate, comment),
  AERO_MODEL_ENUM_FIELD (PROP_VM_TYPE, "vm-type", aero_vm_type_get_type, AeroTemplate, vm_type),
  AERO_MODEL_FIELD (PROP_MEMORY, "memory", AERO_MODEL_INT64, AeroTemplate, memory),
  AERO_MODEL_FIELD (PROP_CPU_SOCKETS, "cpu-sockets", AERO_MODEL_INT, AeroTemplate, cpu_sockets),
  AERO_MODEL_FIELD (PROP_CPU_CORES, "cpu-cores", AERO_MODEL_INT, AeroTemplate, cpu_cores),
  AERO_MODEL_FIELD (PROP_CPU_THREADS, "cpu-threads", AERO_MODEL_INT, AeroTemplate, cpu_threads),
  AERO_MODEL_FIELD (PROP_CPU_SHARES, "cpu-shares", AERO_MODEL_INT, AeroTemplate, cpu_shares),
  AERO_MODEL_FIELD (PROP_CLUSTER_ID, "cluster-id", AERO_MODEL_STRING, AeroTemplate, cluster_id),
  AERO_MODEL_FIELD (PROP_OS_TYPE, "os-type", AERO_MODEL_STRING, AeroTemplate, os_type),
  AERO_MODEL_FIELD (PROP_CUSTOM_COMPATIBILITY_VERSION, "custom-compatibility-version",
                    AERO_MODEL_VERSION, AeroTemplate, custom_compatibility_version),
  AERO_MODEL_FIELD (PROP_STATUS, "status", AERO_MODEL_STRING, AeroTemplate, status),
  AERO_MODEL_FIELD (PROP_VERSION_NAME, "version-name", AERO_MODEL_STRING, AeroTemplate, version_name),
  AERO_MODEL_FIELD (PROP_VERSION_NUMBER, "version-number", AERO_MODEL_INT, AeroTemplate, version_number),
};

static void
aero_template_finalize (GObject *object)
{
  aero_model_clear_fields (object, fields, G_N_ELEMENTS (fields));

  G_OBJECT_CLASS (aero_template_parent_class)->finalize (object);
}

static void
aero_template_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  AeroTemplate *self = AERO_TEMPLATE (object);
  const AeroModelField *field = aero_model_find_field (fields, G_N_ELEMENTS (fields), prop_id);

  if (field != NULL)
    aero_model_get_field (self, field, value);
  else if (prop_id == PROP_MEMORY_POLICY)
    g_value_set_object (value, self->memory_policy);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
aero_template_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  AeroTemplate *self = AERO_TEMPLATE (object);
  const AeroModelField *field = aero_model_find_field (fields, G_N_ELEMENTS (fields), prop_id);

  if (field != NULL)
    {
      if (aero_model_set_field (self, field, value))
        g_object_notify_by_pspec (object, properties[prop_id]);
    }
  else if (prop_id == PROP_MEMORY_POLICY)
    aero_template_set_memory_policy (self, g_value_get_object (value));
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
aero_template_class_init (AeroTemplateClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = aero_template_dispose;
  object_class->finalize = aero_template_finalize;
  object_class->get_property = aero_template_get_property;
  object_class->set_property = aero_template_set_property;

  aero_model_install_fields (properties, fields, G_N_ELEMENTS (fields));
  properties[PROP_MEMORY_POLICY] =
    g_param_spec_object ("memory-policy", NULL, NULL,
                         AERO_TYPE_MEMORY_POLICY, AERO_MODEL_PARAM_FLAGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
aero_template_init (AeroTemplate *self)
{
  aero_model_init_fields (self, fields, G_N_ELEMENTS (fields));
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
  aero_model_copy_fields (copy, self, fields, G_N_ELEMENTS (fields));
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
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      if (aero_model_update_field (self, other, &fields[i]))
        g_object_notify_by_pspec (G_OBJECT (self), properties[fields[i].prop_id]);
    }
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
