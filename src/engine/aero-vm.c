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

/* Every property but the policy and its mirrors, in the order of the
 * enum above. */
static const AeroModelField fields[] = {
  AERO_MODEL_FIELD (PROP_ID, "id", AERO_MODEL_STRING, AeroVm, id),
  AERO_MODEL_FIELD (PROP_NAME, "name", AERO_MODEL_STRING, AeroVm, name),
  AERO_MODEL_FIELD (PROP_DESCRIPTION, "description", AERO_MODEL_STRING, AeroVm, description),
  AERO_MODEL_FIELD (PROP_COMMENT, "comment", AERO_MODEL_STRING, AeroVm, comment),
  AERO_MODEL_ENUM_FIELD (PROP_VM_TYPE, "vm-type", aero_vm_type_get_type, AeroVm, vm_type),
  AERO_MODEL_ENUM_FIELD (PROP_STATUS, "status", aero_vm_status_get_type, AeroVm, status),
  AERO_MODEL_FIELD (PROP_MEMORY, "memory", AERO_MODEL_INT64, AeroVm, memory),
  AERO_MODEL_FIELD (PROP_CPU_SOCKETS, "cpu-sockets", AERO_MODEL_INT, AeroVm, cpu_sockets),
  AERO_MODEL_FIELD (PROP_CPU_CORES, "cpu-cores", AERO_MODEL_INT, AeroVm, cpu_cores),
  AERO_MODEL_FIELD (PROP_CPU_THREADS, "cpu-threads", AERO_MODEL_INT, AeroVm, cpu_threads),
  AERO_MODEL_FIELD (PROP_CPU_SHARES, "cpu-shares", AERO_MODEL_INT, AeroVm, cpu_shares),
  AERO_MODEL_FIELD (PROP_CLUSTER_ID, "cluster-id", AERO_MODEL_STRING, AeroVm, cluster_id),
  AERO_MODEL_FIELD (PROP_TEMPLATE_ID, "template-id", AERO_MODEL_STRING, AeroVm, template_id),
  AERO_MODEL_FIELD (PROP_HOST_ID, "host-id", AERO_MODEL_STRING, AeroVm, host_id),
  AERO_MODEL_FIELD (PROP_OS_TYPE, "os-type", AERO_MODEL_STRING, AeroVm, os_type),
  AERO_MODEL_FIELD (PROP_CUSTOM_COMPATIBILITY_VERSION, "custom-compatibility-version",
                    AERO_MODEL_VERSION, AeroVm, custom_compatibility_version),
  AERO_MODEL_FIELD (PROP_NEXT_RUN_CONFIGURATION_EXISTS, "next-run-configuration-exists",
                    AERO_MODEL_TRISTATE, AeroVm, next_run_configuration_exists),
  AERO_MODEL_FIELD (PROP_CREATION_TIME, "creation-time", AERO_MODEL_INT64, AeroVm, creation_time),
};

static void
aero_vm_finalize (GObject *object)
{
  aero_model_clear_fields (object, fields, G_N_ELEMENTS (fields));

  G_OBJECT_CLASS (aero_vm_parent_class)->finalize (object);
}

static void
aero_vm_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  AeroVm *self = AERO_VM (object);
  const AeroModelField *field = aero_model_find_field (fields, G_N_ELEMENTS (fields), prop_id);

  if (field != NULL)
    {
      aero_model_get_field (self, field, value);
      return;
    }

  switch (prop_id)
    {
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
  const AeroModelField *field = aero_model_find_field (fields, G_N_ELEMENTS (fields), prop_id);

  if (field != NULL)
    {
      if (aero_model_set_field (self, field, value))
        g_object_notify_by_pspec (object, properties[prop_id]);
    }
  else if (prop_id == PROP_MEMORY_POLICY)
    aero_vm_set_memory_policy (self, g_value_get_object (value));
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
aero_vm_class_init (AeroVmClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = aero_vm_dispose;
  object_class->finalize = aero_vm_finalize;
  object_class->get_property = aero_vm_get_property;
  object_class->set_property = aero_vm_set_property;

  aero_model_install_fields (properties, fields, G_N_ELEMENTS (fields));
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
  aero_model_init_fields (self, fields, G_N_ELEMENTS (fields));
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
  aero_model_copy_fields (copy, self, fields, G_N_ELEMENTS (fields));
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
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      if (aero_model_update_field (self, other, &fields[i]))
        g_object_notify_by_pspec (G_OBJECT (self), properties[fields[i].prop_id]);
    }
  /* The policy object itself stays: whoever holds or binds it keeps
   * seeing this VM's policy, and only changed members notify. */
  aero_memory_policy_update_from (self->memory_policy, other->memory_policy);
  g_object_thaw_notify (G_OBJECT (self));
}

gboolean
aero_vm_get_next_run_pending (AeroVm *self)
{
  g_return_val_if_fail (AERO_IS_VM (self), FALSE);

  return aero_vm_status_is_running (self->status)
         && self->next_run_configuration_exists == AERO_TRISTATE_TRUE;
}

void
aero_vm_take_running_state (AeroVm *self,
                            AeroVm *running)
{
  g_return_if_fail (AERO_IS_VM (self));
  g_return_if_fail (AERO_IS_VM (running));

  aero_vm_set_status (self, running->status);
  if (running->next_run_configuration_exists == AERO_TRISTATE_TRUE)
    aero_vm_set_next_run_configuration_exists (self, AERO_TRISTATE_TRUE);
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
