/* aero-host.c - a host (hypervisor) as the engine describes it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "aero-host.h"
#include "aero-model-private.h"

struct _AeroHost
{
  GObject parent_instance;

  char *id;
  char *name;
  char *description;
  char *address;
  char *status;
  char *cluster_id;
  gint64 memory;
  gint64 max_scheduling_memory;
  AeroTristate ksm_enabled;
  AeroTristate transparent_hugepages;
  int vms_active;
  int vms_migrating;
  int vms_total;
  gint64 memory_total;
  gint64 memory_used;
  gint64 memory_free;
  gint64 memory_shared;
  gint64 memory_buffers;
  gint64 memory_cached;
  gint64 swap_total;
  gint64 swap_used;
  gint64 swap_free;
  double ksm_cpu_current;
};

G_DEFINE_FINAL_TYPE (AeroHost, aero_host, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_DESCRIPTION,
  PROP_ADDRESS,
  PROP_STATUS,
  PROP_CLUSTER_ID,
  PROP_MEMORY,
  PROP_MAX_SCHEDULING_MEMORY,
  PROP_KSM_ENABLED,
  PROP_TRANSPARENT_HUGEPAGES,
  PROP_VMS_ACTIVE,
  PROP_VMS_MIGRATING,
  PROP_VMS_TOTAL,
  PROP_MEMORY_TOTAL,
  PROP_MEMORY_USED,
  PROP_MEMORY_FREE,
  PROP_MEMORY_SHARED,
  PROP_MEMORY_BUFFERS,
  PROP_MEMORY_CACHED,
  PROP_SWAP_TOTAL,
  PROP_SWAP_USED,
  PROP_SWAP_FREE,
  PROP_KSM_CPU_CURRENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define FIELD(PROP, name, kind, member) AERO_MODEL_FIELD (PROP, name, kind, AeroHost, member)

/* Every property but "ksm-cpu-current" (a decimal), in enum order. */
static const AeroModelField fields[] = {
  FIELD (PROP_ID, "id", AERO_MODEL_STRING, id),
  FIELD (PROP_NAME, "name", AERO_MODEL_STRING, name),
  FIELD (PROP_DESCRIPTION, "description", AERO_MODEL_STRING, description),
  FIELD (PROP_ADDRESS, "address", AERO_MODEL_STRING, address),
  FIELD (PROP_STATUS, "status", AERO_MODEL_STRING, status),
  FIELD (PROP_CLUSTER_ID, "cluster-id", AERO_MODEL_STRING, cluster_id),
  FIELD (PROP_MEMORY, "memory", AERO_MODEL_INT64, memory),
  FIELD (PROP_MAX_SCHEDULING_MEMORY, "max-scheduling-memory", AERO_MODEL_INT64, max_scheduling_memory),
  FIELD (PROP_KSM_ENABLED, "ksm-enabled", AERO_MODEL_TRISTATE, ksm_enabled),
  FIELD (PROP_TRANSPARENT_HUGEPAGES, "transparent-hugepages", AERO_MODEL_TRISTATE, transparent_hugepages),
  FIELD (PROP_VMS_ACTIVE, "vms-active", AERO_MODEL_INT, vms_active),
  FIELD (PROP_VMS_MIGRATING, "vms-migrating", AERO_MODEL_INT, vms_migrating),
  FIELD (PROP_VMS_TOTAL, "vms-total", AERO_MODEL_INT, vms_total),
  FIELD (PROP_MEMORY_TOTAL, "memory-total", AERO_MODEL_INT64, memory_total),
  FIELD (PROP_MEMORY_USED, "memory-used", AERO_MODEL_INT64, memory_used),
  FIELD (PROP_MEMORY_FREE, "memory-free", AERO_MODEL_INT64, memory_free),
  FIELD (PROP_MEMORY_SHARED, "memory-shared", AERO_MODEL_INT64, memory_shared),
  FIELD (PROP_MEMORY_BUFFERS, "memory-buffers", AERO_MODEL_INT64, memory_buffers),
  FIELD (PROP_MEMORY_CACHED, "memory-cached", AERO_MODEL_INT64, memory_cached),
  FIELD (PROP_SWAP_TOTAL, "swap-total", AERO_MODEL_INT64, swap_total),
  FIELD (PROP_SWAP_USED, "swap-used", AERO_MODEL_INT64, swap_used),
  FIELD (PROP_SWAP_FREE, "swap-free", AERO_MODEL_INT64, swap_free),
};

/* The engine's statistic names (ovirt-engine:
 * backend/manager/modules/restapi/jaxrs/.../HostStatisticalQuery.java),
 * all in bytes. memory.buffers and memory.cached were dropped in 4.4
 * (they were always 0); an older engine still sends them. */
static const struct {
  const char *engine_name;
  guint       prop_id;
} statistics[] = {
  { "memory.total", PROP_MEMORY_TOTAL },
  { "memory.used", PROP_MEMORY_USED },
  { "memory.free", PROP_MEMORY_FREE },
  { "memory.shared", PROP_MEMORY_SHARED },
  { "memory.buffers", PROP_MEMORY_BUFFERS },
  { "memory.cached", PROP_MEMORY_CACHED },
  { "swap.total", PROP_SWAP_TOTAL },
  { "swap.used", PROP_SWAP_USED },
  { "swap.free", PROP_SWAP_FREE },
};

static gboolean
set_ksm_cpu_current (AeroHost *self,
                     double    percent)
{
  if (!isfinite (percent) || percent < 0)
    percent = -1;
  if (self->ksm_cpu_current == percent)
    return FALSE;
  self->ksm_cpu_current = percent;
  return TRUE;
}

static void
aero_host_finalize (GObject *object)
{
  aero_model_clear_fields (object, fields, G_N_ELEMENTS (fields));

  G_OBJECT_CLASS (aero_host_parent_class)->finalize (object);
}

static void
aero_host_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  AeroHost *self = AERO_HOST (object);
  const AeroModelField *field = aero_model_find_field (fields, G_N_ELEMENTS (fields), prop_id);

  if (field != NULL)
    aero_model_get_field (self, field, value);
  else if (prop_id == PROP_KSM_CPU_CURRENT)
    g_value_set_double (value, self->ksm_cpu_current);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
aero_host_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  AeroHost *self = AERO_HOST (object);
  const AeroModelField *field = aero_model_find_field (fields, G_N_ELEMENTS (fields), prop_id);

  if (field != NULL)
    {
      if (aero_model_set_field (self, field, value))
        g_object_notify_by_pspec (object, pspec);
    }
  else if (prop_id == PROP_KSM_CPU_CURRENT)
    {
      if (set_ksm_cpu_current (self, g_value_get_double (value)))
        g_object_notify_by_pspec (object, pspec);
    }
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
aero_host_class_init (AeroHostClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = aero_host_finalize;
  object_class->get_property = aero_host_get_property;
  object_class->set_property = aero_host_set_property;

  aero_model_install_fields (properties, fields, G_N_ELEMENTS (fields));
  properties[PROP_KSM_CPU_CURRENT] =
    g_param_spec_double ("ksm-cpu-current", NULL, NULL,
                         -1, G_MAXDOUBLE, -1, AERO_MODEL_PARAM_FLAGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
aero_host_init (AeroHost *self)
{
  aero_model_init_fields (self, fields, G_N_ELEMENTS (fields));
  self->ksm_cpu_current = -1;
}

AeroHost *
aero_host_new (void)
{
  return g_object_new (AERO_TYPE_HOST, NULL);
}

AeroHost *
aero_host_copy (AeroHost *self)
{
  AeroHost *copy;

  g_return_val_if_fail (AERO_IS_HOST (self), NULL);

  copy = aero_host_new ();
  aero_model_copy_fields (copy, self, fields, G_N_ELEMENTS (fields));
  copy->ksm_cpu_current = self->ksm_cpu_current;

  return copy;
}

void
aero_host_update_from (AeroHost *self,
                       AeroHost *other)
{
  g_return_if_fail (AERO_IS_HOST (self));
  g_return_if_fail (AERO_IS_HOST (other));

  if (self == other)
    return;

  g_object_freeze_notify (G_OBJECT (self));
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      if (aero_model_update_field (self, other, &fields[i]))
        g_object_notify_by_pspec (G_OBJECT (self), properties[fields[i].prop_id]);
    }
  if (set_ksm_cpu_current (self, other->ksm_cpu_current))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KSM_CPU_CURRENT]);
  g_object_thaw_notify (G_OBJECT (self));
}

gboolean
aero_host_set_statistic (AeroHost   *self,
                         const char *name,
                         double      value)
{
  g_return_val_if_fail (AERO_IS_HOST (self), FALSE);

  if (name == NULL)
    return FALSE;

  /* A percentage, as a decimal. */
  if (strcmp (name, "ksm.cpu.current") == 0)
    {
      if (set_ksm_cpu_current (self, value))
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KSM_CPU_CURRENT]);
      return TRUE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (statistics); i++)
    {
      const AeroModelField *field;
      gint64 bytes;

      if (strcmp (statistics[i].engine_name, name) != 0)
        continue;

      /* Bytes are whole; a value no gint64 holds is no value. */
      bytes = isfinite (value) && value >= 0 && value < 9.2e18 ? (gint64) round (value) : AERO_UNSET;
      field = aero_model_find_field (fields, G_N_ELEMENTS (fields), statistics[i].prop_id);
      if (aero_model_set_int64 (G_STRUCT_MEMBER_P (self, field->offset), bytes))
        g_object_notify_by_pspec (G_OBJECT (self), properties[statistics[i].prop_id]);
      return TRUE;
    }

  return FALSE;
}

#define GETTER(type, name, fallback) \
  type \
  aero_host_get_##name (AeroHost *self) \
  { \
    g_return_val_if_fail (AERO_IS_HOST (self), fallback); \
    return self->name; \
  }

GETTER (const char *, id, NULL)
GETTER (const char *, name, NULL)
GETTER (const char *, status, NULL)
GETTER (const char *, cluster_id, NULL)
GETTER (gint64, memory, AERO_UNSET)
GETTER (gint64, max_scheduling_memory, AERO_UNSET)
GETTER (AeroTristate, ksm_enabled, AERO_TRISTATE_UNKNOWN)
GETTER (int, vms_active, AERO_UNSET)
GETTER (gint64, memory_total, AERO_UNSET)
GETTER (gint64, memory_used, AERO_UNSET)
GETTER (gint64, memory_free, AERO_UNSET)
GETTER (gint64, memory_shared, AERO_UNSET)
GETTER (gint64, swap_used, AERO_UNSET)
GETTER (double, ksm_cpu_current, -1)
