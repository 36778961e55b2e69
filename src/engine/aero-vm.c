/* aero-vm.c - a virtual machine as the engine describes it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "aero-enum-types.h"
#include "aero-model-private.h"
#include "aero-vm.h"

struct _AeroVm
{
  GObject parent_instance;

  char *id;
  char *name;
  char *description;
  char *comment;
  AeroVmType vm_type;
  AeroVmStatus status;
  gint64 memory;
  int cpu_sockets;
  int cpu_cores;
  int cpu_threads;
  int cpu_shares;
  char *cluster_id;
  char *template_id;
  char *host_id;
  char *os_type;
  AeroVersion *custom_compatibility_version;
  AeroTristate next_run_configuration_exists;
  gint64 creation_time;
  /* Never NULL. Owned; its notify signal is forwarded to the read-only
   * mirror properties below. */
  AeroMemoryPolicy *memory_policy;
  gulong policy_notify_id;
};

G_DEFINE_FINAL_TYPE (AeroVm, aero_vm, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_DESCRIPTION,
  PROP_COMMENT,
  PROP_VM_TYPE,
  PROP_STATUS,
  PROP_MEMORY,
  PROP_CPU_SOCKETS,
  PROP_CPU_CORES,
  PROP_CPU_THREADS,
  PROP_CPU_SHARES,
  PROP_CLUSTER_ID,
  PROP_TEMPLATE_ID,
  PROP_HOST_ID,
  PROP_OS_TYPE,
  PROP_CUSTOM_COMPATIBILITY_VERSION,
  PROP_NEXT_RUN_CONFIGURATION_EXISTS,
  PROP_CREATION_TIME,
  PROP_MEMORY_POLICY,
  PROP_GUARANTEED,
  PROP_MAX_MEMORY,
  PROP_BALLOONING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The list columns bind to "guaranteed", "max-memory" and "ballooning" on
 * the VM itself (a binding cannot follow a property path), so a change
 * inside the policy is re-announced here. */
static void
on_policy_notify (AeroMemoryPolicy *policy,
                  GParamSpec       *pspec,
                  AeroVm           *self)
{
  const char *name = g_param_spec_get_name (pspec);

  if (g_strcmp0 (name, "guaranteed") == 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_GUARANTEED]);
  else if (g_strcmp0 (name, "max") == 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MAX_MEMORY]);
  else if (g_strcmp0 (name, "ballooning") == 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BALLOONING]);
}

static void
aero_vm_dispose (GObject *object)
{
  AeroVm *self = AERO_VM (object);

  if (self->memory_policy != NULL)
    g_clear_signal_handler (&self->policy_notify_id, self->memory_policy);
  g_clear_object (&self->memory_policy);

  G_OBJECT_CLASS (aero_vm_parent_class)->dispose (object);
}

static void
aero_vm_finalize (GObject *object)
{
  AeroVm *self = AERO_VM (object);

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->comment, g_free);
  g_clear_pointer (&self->cluster_id, g_free);
  g_clear_pointer (&self->template_id, g_free);
  g_clear_pointer (&self->host_id, g_free);
  g_clear_pointer (&self->os_type, g_free);
  g_clear_object (&self->custom_compatibility_version);

  G_OBJECT_CLASS (aero_vm_parent_class)->finalize (object);
}

static void
aero_vm_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  AeroVm *self = AERO_VM (object);

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
    case PROP_STATUS:
      g_value_set_enum (value, self->status);
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
    case PROP_TEMPLATE_ID:
      g_value_set_string (value, self->template_id);
      break;
    case PROP_HOST_ID:
      g_value_set_string (value, self->host_id);
      break;
    case PROP_OS_TYPE:
      g_value_set_string (value, self->os_type);
      break;
    case PROP_CUSTOM_COMPATIBILITY_VERSION:
      g_value_set_object (value, self->custom_compatibility_version);
      break;
    case PROP_NEXT_RUN_CONFIGURATION_EXISTS:
      g_value_set_enum (value, self->next_run_configuration_exists);
      break;
    case PROP_CREATION_TIME:
      g_value_set_int64 (value, self->creation_time);
      break;
    case PROP_MEMORY_POLICY:
      g_value_set_object (value, self->memory_policy);
      break;
    case PROP_GUARANTEED:
      g_value_set_int64 (value, aero_memory_policy_get_guaranteed (self->memory_policy));
      break;
    case PROP_MAX_MEMORY:
      g_value_set_int64 (value, aero_memory_policy_get_max (self->memory_policy));
      break;
    case PROP_BALLOONING:
      g_value_set_enum (value, aero_memory_policy_get_ballooning (self->memory_policy));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
aero_vm_set_property (GObject      *object,
                      guint         prop_id,
                      const GValue *value,
                      GParamSpec   *pspec)
{
  AeroVm *self = AERO_VM (object);

  switch (prop_id)
    {
    case PROP_ID:
      aero_vm_set_id (self, g_value_get_string (value));
      break;
    case PROP_NAME:
      aero_vm_set_name (self, g_value_get_string (value));
      break;
    case PROP_DESCRIPTION:
      aero_vm_set_description (self, g_value_get_string (value));
      break;
    case PROP_COMMENT:
      aero_vm_set_comment (self, g_value_get_string (value));
      break;
    case PROP_VM_TYPE:
      aero_vm_set_vm_type (self, g_value_get_enum (value));
      break;
    case PROP_STATUS:
      aero_vm_set_status (self, g_value_get_enum (value));
      break;
    case PROP_MEMORY:
      aero_vm_set_memory (self, g_value_get_int64 (value));
      break;
    case PROP_CPU_SOCKETS:
      aero_vm_set_cpu_sockets (self, g_value_get_int (value));
      break;
    case PROP_CPU_CORES:
      aero_vm_set_cpu_cores (self, g_value_get_int (value));
      break;
    case PROP_CPU_THREADS:
      aero_vm_set_cpu_threads (self, g_value_get_int (value));
      break;
    case PROP_CPU_SHARES:
      aero_vm_set_cpu_shares (self, g_value_get_int (value));
      break;
    case PROP_CLUSTER_ID:
      aero_vm_set_cluster_id (self, g_value_get_string (value));
      break;
    case PROP_TEMPLATE_ID:
      aero_vm_set_template_id (self, g_value_get_string (value));
      break;
    case PROP_HOST_ID:
      aero_vm_set_host_id (self, g_value_get_string (value));
      break;
    case PROP_OS_TYPE:
      aero_vm_set_os_type (self, g_value_get_string (value));
      break;
    case PROP_CUSTOM_COMPATIBILITY_VERSION:
      aero_vm_set_custom_compatibility_version (self, g_value_get_object (value));
      break;
    case PROP_NEXT_RUN_CONFIGURATION_EXISTS:
      aero_vm_set_next_run_configuration_exists (self, g_value_get_enum (value));
      break;
    case PROP_CREATION_TIME:
      aero_vm_set_creation_time (self, g_value_get_int64 (value));
      break;
    case PROP_MEMORY_POLICY:
      aero_vm_set_memory_policy (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
aero_vm_class_init (AeroVmClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = aero_vm_dispose;
  object_class->finalize = aero_vm_finalize;
  object_class->get_property = aero_vm_get_property;
  object_class->set_property = aero_vm_set_property;

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
  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL,
                       AERO_TYPE_VM_STATUS, 0, AERO_MODEL_PARAM_FLAGS);
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
  properties[PROP_TEMPLATE_ID] =
    g_param_spec_string ("template-id", NULL, NULL,
                         NULL, AERO_MODEL_PARAM_FLAGS);
  properties[PROP_HOST_ID] =
    g_param_spec_string ("host-id", NULL, NULL,
                         NULL, AERO_MODEL_PARAM_FLAGS);
  properties[PROP_OS_TYPE] =
    g_param_spec_string ("os-type", NULL, NULL,
                         NULL, AERO_MODEL_PARAM_FLAGS);
  properties[PROP_CUSTOM_COMPATIBILITY_VERSION] =
    g_param_spec_object ("custom-compatibility-version", NULL, NULL,
                         AERO_TYPE_VERSION, AERO_MODEL_PARAM_FLAGS);
  properties[PROP_NEXT_RUN_CONFIGURATION_EXISTS] =
    g_param_spec_enum ("next-run-configuration-exists", NULL, NULL,
                       AERO_TYPE_TRISTATE, AERO_TRISTATE_UNKNOWN, AERO_MODEL_PARAM_FLAGS);
  properties[PROP_CREATION_TIME] =
    g_param_spec_int64 ("creation-time", NULL, NULL,
                        AERO_UNSET, G_MAXINT64, AERO_UNSET, AERO_MODEL_PARAM_FLAGS);
  properties[PROP_MEMORY_POLICY] =
    g_param_spec_object ("memory-policy", NULL, NULL,
                         AERO_TYPE_MEMORY_POLICY, AERO_MODEL_PARAM_FLAGS);
  properties[PROP_GUARANTEED] =
    g_param_spec_int64 ("guaranteed", NULL, NULL,
                        AERO_UNSET, G_MAXINT64, AERO_UNSET, AERO_MODEL_PARAM_RO_FLAGS);
  properties[PROP_MAX_MEMORY] =
    g_param_spec_int64 ("max-memory", NULL, NULL,
                        AERO_UNSET, G_MAXINT64, AERO_UNSET, AERO_MODEL_PARAM_RO_FLAGS);
  properties[PROP_BALLOONING] =
    g_param_spec_enum ("ballooning", NULL, NULL,
                       AERO_TYPE_TRISTATE, AERO_TRISTATE_UNKNOWN, AERO_MODEL_PARAM_RO_FLAGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

/* Takes ownership of @policy. */
static void
attach_policy (AeroVm           *self,
               AeroMemoryPolicy *policy)
{
  self->memory_policy = policy;
  self->policy_notify_id = g_signal_connect_object (policy, "notify",
                                                    G_CALLBACK (on_policy_notify),
                                                    self, G_CONNECT_DEFAULT);
}

static void
aero_vm_init (AeroVm *self)
{
  self->memory = AERO_UNSET;
  self->cpu_sockets = AERO_UNSET;
  self->cpu_cores = AERO_UNSET;
  self->cpu_threads = AERO_UNSET;
  self->cpu_shares = AERO_UNSET;
  self->next_run_configuration_exists = AERO_TRISTATE_UNKNOWN;
  self->creation_time = AERO_UNSET;
  attach_policy (self, aero_memory_policy_new ());
}

AeroVm *
aero_vm_new (void)
{
  return g_object_new (AERO_TYPE_VM, NULL);
}

AeroVm *
aero_vm_copy (AeroVm *self)
{
  AeroVm *copy;

  g_return_val_if_fail (AERO_IS_VM (self), NULL);

  copy = aero_vm_new ();
  copy->id = g_strdup (self->id);
  copy->name = g_strdup (self->name);
  copy->description = g_strdup (self->description);
  copy->comment = g_strdup (self->comment);
  copy->vm_type = self->vm_type;
  copy->status = self->status;
  copy->memory = self->memory;
  copy->cpu_sockets = self->cpu_sockets;
  copy->cpu_cores = self->cpu_cores;
  copy->cpu_threads = self->cpu_threads;
  copy->cpu_shares = self->cpu_shares;
  copy->cluster_id = g_strdup (self->cluster_id);
  copy->template_id = g_strdup (self->template_id);
  copy->host_id = g_strdup (self->host_id);
  copy->os_type = g_strdup (self->os_type);
  copy->custom_compatibility_version = aero_model_copy_version (self->custom_compatibility_version);
  copy->next_run_configuration_exists = self->next_run_configuration_exists;
  copy->creation_time = self->creation_time;
  aero_memory_policy_update_from (copy->memory_policy, self->memory_policy);

  return copy;
}

void
aero_vm_update_from (AeroVm *self,
                     AeroVm *other)
{
  g_return_if_fail (AERO_IS_VM (self));
  g_return_if_fail (AERO_IS_VM (other));

  if (self == other)
    return;

  g_object_freeze_notify (G_OBJECT (self));
  aero_vm_set_id (self, other->id);
  aero_vm_set_name (self, other->name);
  aero_vm_set_description (self, other->description);
  aero_vm_set_comment (self, other->comment);
  aero_vm_set_vm_type (self, other->vm_type);
  aero_vm_set_status (self, other->status);
  aero_vm_set_memory (self, other->memory);
  aero_vm_set_cpu_sockets (self, other->cpu_sockets);
  aero_vm_set_cpu_cores (self, other->cpu_cores);
  aero_vm_set_cpu_threads (self, other->cpu_threads);
  aero_vm_set_cpu_shares (self, other->cpu_shares);
  aero_vm_set_cluster_id (self, other->cluster_id);
  aero_vm_set_template_id (self, other->template_id);
  aero_vm_set_host_id (self, other->host_id);
  aero_vm_set_os_type (self, other->os_type);
  aero_vm_set_custom_compatibility_version (self, other->custom_compatibility_version);
  aero_vm_set_next_run_configuration_exists (self, other->next_run_configuration_exists);
  aero_vm_set_creation_time (self, other->creation_time);
  /* The policy object itself stays: whoever holds or binds it keeps
   * seeing this VM's policy, and only changed members notify. */
  aero_memory_policy_update_from (self->memory_policy, other->memory_policy);
  g_object_thaw_notify (G_OBJECT (self));
}

const char *
aero_vm_get_id (AeroVm *self)
{
  g_return_val_if_fail (AERO_IS_VM (self), NULL);

  return self->id;
}

void
aero_vm_set_id (AeroVm     *self,
                const char *id)
{
  g_return_if_fail (AERO_IS_VM (self));

  if (aero_model_set_string (&self->id, id))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

const char *
aero_vm_get_name (AeroVm *self)
{
  g_return_val_if_fail (AERO_IS_VM (self), NULL);

  return self->name;
}

void
aero_vm_set_name (AeroVm     *self,
                  const char *name)
{
  g_return_if_fail (AERO_IS_VM (self));

  if (aero_model_set_string (&self->name, name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

const char *
aero_vm_get_description (AeroVm *self)
{
  g_return_val_if_fail (AERO_IS_VM (self), NULL);

  return self->description;
}

void
aero_vm_set_description (AeroVm     *self,
                         const char *description)
{
  g_return_if_fail (AERO_IS_VM (self));

  if (aero_model_set_string (&self->description, description))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DESCRIPTION]);
}

const char *
aero_vm_get_comment (AeroVm *self)
{
  g_return_val_if_fail (AERO_IS_VM (self), NULL);

  return self->comment;
}

void
aero_vm_set_comment (AeroVm     *self,
                     const char *comment)
{
  g_return_if_fail (AERO_IS_VM (self));

  if (aero_model_set_string (&self->comment, comment))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMMENT]);
}

AeroVmType
aero_vm_get_vm_type (AeroVm *self)
{
  g_return_val_if_fail (AERO_IS_VM (self), 0);

  return self->vm_type;
}

void
aero_vm_set_vm_type (AeroVm     *self,
                     AeroVmType  vm_type)
{
  g_return_if_fail (AERO_IS_VM (self));

  if (self->vm_type == vm_type)
    return;
  self->vm_type = vm_type;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VM_TYPE]);
}

AeroVmStatus
aero_vm_get_status (AeroVm *self)
{
  g_return_val_if_fail (AERO_IS_VM (self), 0);

  return self->status;
}

void
aero_vm_set_status (AeroVm       *self,
                    AeroVmStatus  status)
{
  g_return_if_fail (AERO_IS_VM (self));

  if (self->status == status)
    return;
  self->status = status;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

gint64
aero_vm_get_memory (AeroVm *self)
{
  g_return_val_if_fail (AERO_IS_VM (self), AERO_UNSET);

  return self->memory;
}

void
aero_vm_set_memory (AeroVm *self,
                    gint64  memory)
{
  g_return_if_fail (AERO_IS_VM (self));

  if (aero_model_set_int64 (&self->memory, memory))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MEMORY]);
}

int
aero_vm_get_cpu_sockets (AeroVm *self)
{
  g_return_val_if_fail (AERO_IS_VM (self), AERO_UNSET);

  return self->cpu_sockets;
}

void
aero_vm_set_cpu_sockets (AeroVm *self,
                         int     cpu_sockets)
{
  g_return_if_fail (AERO_IS_VM (self));

  if (aero_model_set_int (&self->cpu_sockets, cpu_sockets))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CPU_SOCKETS]);
}

int
aero_vm_get_cpu_cores (AeroVm *self)
{
  g_return_val_if_fail (AERO_IS_VM (self), AERO_UNSET);

  return self->cpu_cores;
}

void
aero_vm_set_cpu_cores (AeroVm *self,
                       int     cpu_cores)
{
  g_return_if_fail (AERO_IS_VM (self));

  if (aero_model_set_int (&self->cpu_cores, cpu_cores))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CPU_CORES]);
}

int
aero_vm_get_cpu_threads (AeroVm *self)
{
  g_return_val_if_fail (AERO_IS_VM (self), AERO_UNSET);

  return self->cpu_threads;
}

void
aero_vm_set_cpu_threads (AeroVm *self,
                         int     cpu_threads)
{
  g_return_if_fail (AERO_IS_VM (self));

  if (aero_model_set_int (&self->cpu_threads, cpu_threads))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CPU_THREADS]);
}

int
aero_vm_get_cpu_shares (AeroVm *self)
{
  g_return_val_if_fail (AERO_IS_VM (self), AERO_UNSET);

  return self->cpu_shares;
}

void
aero_vm_set_cpu_shares (AeroVm *self,
                        int     cpu_shares)
{
  g_return_if_fail (AERO_IS_VM (self));

  if (aero_model_set_int (&self->cpu_shares, cpu_shares))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CPU_SHARES]);
}

const char *
aero_vm_get_cluster_id (AeroVm *self)
{
  g_return_val_if_fail (AERO_IS_VM (self), NULL);

  return self->cluster_id;
}

void
aero_vm_set_cluster_id (AeroVm     *self,
                        const char *cluster_id)
{
  g_return_if_fail (AERO_IS_VM (self));

  if (aero_model_set_string (&self->cluster_id, cluster_id))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLUSTER_ID]);
}

const char *
aero_vm_get_template_id (AeroVm *self)
{
  g_return_val_if_fail (AERO_IS_VM (self), NULL);

  return self->template_id;
}

void
aero_vm_set_template_id (AeroVm     *self,
                         const char *template_id)
{
  g_return_if_fail (AERO_IS_VM (self));

  if (aero_model_set_string (&self->template_id, template_id))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEMPLATE_ID]);
}

const char *
aero_vm_get_host_id (AeroVm *self)
{
  g_return_val_if_fail (AERO_IS_VM (self), NULL);

  return self->host_id;
}

void
aero_vm_set_host_id (AeroVm     *self,
                     const char *host_id)
{
  g_return_if_fail (AERO_IS_VM (self));

  if (aero_model_set_string (&self->host_id, host_id))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HOST_ID]);
}

const char *
aero_vm_get_os_type (AeroVm *self)
{
  g_return_val_if_fail (AERO_IS_VM (self), NULL);

  return self->os_type;
}

void
aero_vm_set_os_type (AeroVm     *self,
                     const char *os_type)
{
  g_return_if_fail (AERO_IS_VM (self));

  if (aero_model_set_string (&self->os_type, os_type))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OS_TYPE]);
}

AeroVersion *
aero_vm_get_custom_compatibility_version (AeroVm *self)
{
  g_return_val_if_fail (AERO_IS_VM (self), NULL);

  return self->custom_compatibility_version;
}

void
aero_vm_set_custom_compatibility_version (AeroVm      *self,
                                          AeroVersion *custom_compatibility_version)
{
  g_return_if_fail (AERO_IS_VM (self));

  if (aero_model_set_version (&self->custom_compatibility_version, custom_compatibility_version))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CUSTOM_COMPATIBILITY_VERSION]);
}

AeroTristate
aero_vm_get_next_run_configuration_exists (AeroVm *self)
{
  g_return_val_if_fail (AERO_IS_VM (self), AERO_TRISTATE_UNKNOWN);

  return self->next_run_configuration_exists;
}

void
aero_vm_set_next_run_configuration_exists (AeroVm       *self,
                                           AeroTristate  next_run_configuration_exists)
{
  g_return_if_fail (AERO_IS_VM (self));

  if (aero_model_set_tristate (&self->next_run_configuration_exists, next_run_configuration_exists))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NEXT_RUN_CONFIGURATION_EXISTS]);
}

gint64
aero_vm_get_creation_time (AeroVm *self)
{
  g_return_val_if_fail (AERO_IS_VM (self), AERO_UNSET);

  return self->creation_time;
}

void
aero_vm_set_creation_time (AeroVm *self,
                           gint64  creation_time)
{
  g_return_if_fail (AERO_IS_VM (self));

  if (aero_model_set_int64 (&self->creation_time, creation_time))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CREATION_TIME]);
}
AeroMemoryPolicy *
aero_vm_get_memory_policy (AeroVm *self)
{
  g_return_val_if_fail (AERO_IS_VM (self), NULL);

  return self->memory_policy;
}

void
aero_vm_set_memory_policy (AeroVm           *self,
                           AeroMemoryPolicy *policy)
{
  g_autoptr(AeroMemoryPolicy) fresh = NULL;
  gboolean guaranteed_changed, max_changed, ballooning_changed;

  g_return_if_fail (AERO_IS_VM (self));
  g_return_if_fail (policy == NULL || AERO_IS_MEMORY_POLICY (policy));

  if (policy == self->memory_policy)
    return;

  /* "Never NULL": clearing the policy means a policy with unset members. */
  if (policy == NULL)
    policy = fresh = aero_memory_policy_new ();

  guaranteed_changed = aero_memory_policy_get_guaranteed (policy) !=
                       aero_memory_policy_get_guaranteed (self->memory_policy);
  max_changed = aero_memory_policy_get_max (policy) !=
                aero_memory_policy_get_max (self->memory_policy);
  ballooning_changed = aero_memory_policy_get_ballooning (policy) !=
                       aero_memory_policy_get_ballooning (self->memory_policy);

  g_clear_signal_handler (&self->policy_notify_id, self->memory_policy);
  g_clear_object (&self->memory_policy);
  attach_policy (self, g_object_ref (policy));

  g_object_freeze_notify (G_OBJECT (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MEMORY_POLICY]);
  if (guaranteed_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_GUARANTEED]);
  if (max_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MAX_MEMORY]);
  if (ballooning_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BALLOONING]);
  g_object_thaw_notify (G_OBJECT (self));
}
