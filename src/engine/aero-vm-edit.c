/* aero-vm-edit.c - the edit model behind the New / Edit VM dialog: values,
 * properties, gates and validation (see aero-vm-edit-private.h)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "aero-enum-types.h"
#include "aero-features.h"
#include "aero-vm-edit-private.h"

/* oVirt's BusinessEntitiesDefinitions.VM_NAME_SIZE */
#define NAME_MAX_LENGTH 255
/* oVirt accepts CPU shares from 0 to 262144 (cgroup cpu.shares range). */
#define CPU_SHARES_MAX 262144
#define DEFAULT_MEMORY (1024 * AERO_MIB)
#define INVALID_POSITION G_MAXUINT

G_DEFINE_FINAL_TYPE (AeroVmEdit, aero_vm_edit, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_MODE,
  PROP_VM,
  PROP_ORIGINAL_TEMPLATE,
  PROP_CLUSTER,
  PROP_CLUSTER_POSITION,
  PROP_TEMPLATE,
  PROP_TEMPLATE_POSITION,
  PROP_NAME,
  PROP_DESCRIPTION,
  PROP_COMMENT,
  PROP_VM_TYPE,
  PROP_MEMORY,
  PROP_MEMORY_MB,
  PROP_GUARANTEED,
  PROP_GUARANTEED_MB,
  PROP_MAX_MEMORY,
  PROP_MAX_MEMORY_MB,
  PROP_CPU_SOCKETS,
  PROP_CPU_CORES,
  PROP_CPU_THREADS,
  PROP_CPU_SHARES,
  PROP_CPU_SHARES_LEVEL,
  PROP_BALLOONING,
  PROP_BALLOONING_SENSITIVE,
  PROP_BALLOONING_REASON,
  PROP_BALLOONING_KNOWN,
  PROP_MAX_MEMORY_SENSITIVE,
  PROP_MAX_MEMORY_REASON,
  PROP_EFFECTIVE_VERSION,
  PROP_NAME_ERROR,
  PROP_MEMORY_ERROR,
  PROP_GUARANTEED_ERROR,
  PROP_MAX_MEMORY_ERROR,
  PROP_CPU_ERROR,
  PROP_CLUSTER_ERROR,
  PROP_NEXT_RUN_REQUIRED,
  PROP_VALID,
  PROP_HAS_CHANGES,
  PROP_RUNNING,
  PROP_RESOURCE_ALLOCATION_EDITABLE,
  PROP_RESOURCE_ALLOCATION_REASON,
  PROP_DERIVE_MEMORY,
  PROP_APPLY_LATER,
  PROP_MAX_MEMORY_LIMIT,
  PROP_MEMORY_NOTE,
  PROP_CUSTOM_VERSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ------------------------------------------------------------------ */
/* Small helpers                                                       */
/* ------------------------------------------------------------------ */

static void
values_clear (AeroVmValues *values)
{
  g_clear_object (&values->cluster);
  g_clear_object (&values->tmpl);
  g_clear_object (&values->custom_version);
  g_clear_pointer (&values->name, g_free);
  g_clear_pointer (&values->description, g_free);
  g_clear_pointer (&values->comment, g_free);
}

static void
values_copy (AeroVmValues       *dest,
             const AeroVmValues *src)
{
  values_clear (dest);
  *dest = *src;
  dest->cluster = src->cluster != NULL ? g_object_ref (src->cluster) : NULL;
  dest->tmpl = src->tmpl != NULL ? g_object_ref (src->tmpl) : NULL;
  dest->custom_version = src->custom_version != NULL ? g_object_ref (src->custom_version) : NULL;
  dest->name = g_strdup (src->name);
  dest->description = g_strdup (src->description);
  dest->comment = g_strdup (src->comment);
}

static gboolean
replace_string (char       **field,
                const char  *value)
{
  if (value == NULL)
    value = "";
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;
  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

/* Takes @value; TRUE when it differs from *@field. */
static gboolean
take_string (char **field,
             char  *value)
{
  if (g_strcmp0 (*field, value) == 0)
    {
      g_free (value);
      return FALSE;
    }
  g_free (*field);
  *field = value;
  return TRUE;
}

static guint
find_position (GListModel  *model,
               gpointer     item,
               const char *(*get_id) (gpointer))
{
  guint n;

  if (model == NULL || item == NULL)
    return INVALID_POSITION;

  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) other = g_list_model_get_item (model, i);

      if ((gpointer) other == item ||
          g_strcmp0 (get_id (other), get_id (item)) == 0)
        return i;
    }

  return INVALID_POSITION;
}

static const char *
cluster_get_id_cb (gpointer item)
{
  return aero_cluster_get_id (item);
}

static const char *
template_get_id_cb (gpointer item)
{
  return aero_template_get_id (item);
}

char *
aero_vm_edit_format_memory (gint64 bytes)
{
  if (bytes < 0)
    return g_strdup (_("Unknown"));

  if (bytes % AERO_MIB == 0)
    /* TRANSLATORS: a memory size in MiB ("1024 MiB") */
    return g_strdup_printf (_("%lld MiB"), (long long) (bytes / AERO_MIB));

  /* TRANSLATORS: a memory size that is not a whole number of MiB */
  return g_strdup_printf (_("%lld bytes"), (long long) bytes);
}

/* guaranteed = memory * 100 / over-commit %, in whole MiB like oVirt's
 * admin portal when the memory is a whole number of MiB. */
static gint64
derive_guaranteed (gint64       memory,
                   AeroCluster *cluster)
{
  int percent = cluster != NULL ? aero_cluster_get_overcommit_percent (cluster) : AERO_UNSET;

  if (percent <= 0)
    percent = 100;

  if (memory % AERO_MIB == 0)
    return (memory / AERO_MIB) * 100 / percent * AERO_MIB;

  return memory * 100 / percent;
}

/* webadmin, VmModelBehaviorBase.updateMaxMemory: "calculatedMaxMemory =
 * VmCommonUtils.getMaxMemorySizeDefault(memoryMb)" (4 x memory), then
 * "Math.min(calculatedMaxMemory, allowedMaxMemory)" with the platform
 * limit (getMaxMaxMemorySize): "max-memory-limit" here. */
static gint64
derive_max_memory (AeroVmEdit *self,
                   gint64      memory)
{
  gint64 max_memory = 4 * memory;

  if (self->max_memory_limit > 0 && max_memory > self->max_memory_limit * AERO_MIB)
    max_memory = self->max_memory_limit * AERO_MIB;

  return max_memory;
}

static AeroCpuSharesLevel
level_for_shares (int shares)
{
  switch (shares)
    {
    case 0:
      return AERO_CPU_SHARES_DISABLED;
    case 512:
      return AERO_CPU_SHARES_LOW;
    case 1024:
      return AERO_CPU_SHARES_MEDIUM;
    case 2048:
      return AERO_CPU_SHARES_HIGH;
    default:
      return AERO_CPU_SHARES_CUSTOM;
    }
}

static int
shares_for_level (AeroCpuSharesLevel level)
{
  switch (level)
    {
    case AERO_CPU_SHARES_DISABLED:
      return 0;
    case AERO_CPU_SHARES_LOW:
      return 512;
    case AERO_CPU_SHARES_MEDIUM:
      return 1024;
    case AERO_CPU_SHARES_HIGH:
      return 2048;
    case AERO_CPU_SHARES_CUSTOM:
    default:
      return -1;
    }
}

/* Whether the engine stores a template's memory_policy. It does since
 * oVirt Engine 3.6.1: ovirt-engine
 * backend/manager/modules/restapi/jaxrs/.../BackendTemplateResource.java
 * hands memory_policy.ballooning to UpdateVmTemplate, and
 * backend/manager/modules/restapi/types/.../VmBaseMapper.java (used by
 * TemplateMapper) memory_policy.guaranteed; 3.6.0 had neither. An engine
 * that does not say its version is taken as a current one. */
static gboolean
engine_stores_template_memory_policy (const AeroEngineVersion *version)
{
  return !aero_engine_version_is_known (version)
         || aero_engine_version_at_least (version, 3, 6, 1, 0);
}

gboolean
aero_vm_edit_resource_allocation_editable (AeroVmEdit *self)
{
  return self->mode != AERO_VM_EDIT_TEMPLATE
         || engine_stores_template_memory_policy (&self->engine_version);
}

static gboolean
versions_equal (AeroVersion *a,
                AeroVersion *b)
{
  return a == b || (a != NULL && b != NULL && aero_version_equal (a, b));
}

gboolean
aero_vm_edit_custom_version_changed (AeroVmEdit *self)
{
  return !versions_equal (self->orig.custom_version, self->cur.custom_version);
}

/* The gate's reason, naming where the level comes from: the VM's own
 * custom compatibility version overrides its cluster's. */
static char *
dup_gate_reason (AeroFeature  feature,
                 AeroVersion *level,
                 gboolean     custom)
{
  g_autofree char *text = NULL;
  guint major = aero_feature_min_major (feature);
  guint minor = aero_feature_min_minor (feature);

  if (!custom || aero_feature_supported (feature, level))
    return aero_feature_dup_reason (feature, level);

  text = aero_version_to_string (level);
  switch (feature)
    {
    case AERO_FEATURE_VM_BALLOON:
      return g_strdup_printf (_("Memory ballooning requires compatibility version %u.%u or later (this virtual machine's custom compatibility version: %s)."),
                              major, minor, text);
    case AERO_FEATURE_MAX_MEMORY:
      return g_strdup_printf (_("Maximum memory requires compatibility version %u.%u or later (this virtual machine's custom compatibility version: %s)."),
                              major, minor, text);
    case AERO_FEATURE_CLUSTER_BALLOON_OPTIMIZATION:
    case AERO_N_FEATURES:
    default:
      return aero_feature_dup_reason (feature, level);
    }
}

/* ------------------------------------------------------------------ */
/* Derived state                                                       */
/* ------------------------------------------------------------------ */

static char *
validate_name (const char *name)
{
  glong length;

  if (name == NULL || *name == '\0')
    /* TRANSLATORS: oVirt's wording for an empty required field */
    return g_strdup (_("This field can't be empty."));

  length = g_utf8_strlen (name, -1);
  if (length > NAME_MAX_LENGTH)
    return g_strdup_printf (_("Name must be at most %d characters long."), NAME_MAX_LENGTH);

  /* oVirt's ValidI18NName: letters of any script, digits, '_', '-', '.' */
  for (const char *p = name; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalpha (c) || (c >= '0' && c <= '9') ||
          c == '_' || c == '-' || c == '.')
        continue;

      /* TRANSLATORS: the engine's wording for a name with special characters */
      return g_strdup (_("The given name contains special characters. Only lower-case and upper-case letters, numbers, '_', '-', '.' are allowed."));
    }

  return NULL;
}

/* webadmin, UnitVmModel.validateMaxMemorySize: not below the memory
 * size, and not above the platform limit ("maxMaxMemoryIs"). */
static char *
validate_max_memory (AeroVmEdit *self,
                     gboolean    sensitive)
{
  if (!sensitive)
    return NULL;
  if (self->cur.max_memory < self->cur.memory)
    return g_strdup (_("Maximum Memory has to be larger than or equal to Memory Size."));
  if (self->max_memory_limit > 0 && self->cur.max_memory > self->max_memory_limit * AERO_MIB)
    return g_strdup_printf (_("Maximum Memory has to be smaller than or equal to %lld MiB."),
                            (long long) self->max_memory_limit);
  return NULL;
}

/* The derived values that differ from the original, named where the
 * admin edits memory: webadmin shows Physical Memory Guaranteed right
 * under Memory Size, here it may be on another tab. */
static char *
compute_memory_note (AeroVmEdit *self)
{
  g_autoptr(GString) note = g_string_new (NULL);

  if (!self->guaranteed_edited && aero_vm_edit_resource_allocation_editable (self)
      && self->cur.guaranteed != self->orig.guaranteed)
    /* TRANSLATORS: under Memory Size; %lld is a number of MiB */
    g_string_append_printf (note, _("Guaranteed memory will become %lld MiB"),
                            (long long) (self->cur.guaranteed / AERO_MIB));

  if (!self->max_memory_edited && self->max_memory_sensitive
      && self->cur.max_memory != self->orig.max_memory)
    {
      if (note->len > 0)
        g_string_append_c (note, '\n');
      /* TRANSLATORS: under Memory Size; %lld is a number of MiB */
      g_string_append_printf (note, _("Maximum memory will become %lld MiB"),
                              (long long) (self->cur.max_memory / AERO_MIB));
    }

  return note->len > 0 ? g_string_free (g_steal_pointer (&note), FALSE) : NULL;
}

static gboolean
values_equal_cpu (const AeroVmValues *a,
                  const AeroVmValues *b)
{
  return a->cpu_sockets == b->cpu_sockets &&
         a->cpu_cores == b->cpu_cores &&
         a->cpu_threads == b->cpu_threads;
}

gboolean
aero_vm_edit_ballooning_changed (AeroVmEdit *self)
{
  if (!self->ballooning_sensitive || !aero_vm_edit_resource_allocation_editable (self))
    return FALSE;

  if (self->orig_ballooning == AERO_TRISTATE_UNKNOWN)
    /* Only an explicit choice of the user is worth sending. */
    return self->cur.ballooning != self->orig.ballooning;

  return self->ballooning != (self->orig_ballooning == AERO_TRISTATE_TRUE);
}

static gboolean
compute_has_changes (AeroVmEdit *self)
{
  const AeroVmValues *o = &self->orig;
  const AeroVmValues *c = &self->cur;

  if (self->mode == AERO_VM_EDIT_NEW_VM)
    return TRUE;

  if (g_strcmp0 (o->name, c->name) != 0 ||
      g_strcmp0 (o->description, c->description) != 0 ||
      g_strcmp0 (o->comment, c->comment) != 0 ||
      o->vm_type != c->vm_type ||
      o->memory != c->memory ||
      !values_equal_cpu (o, c) ||
      aero_vm_edit_custom_version_changed (self) ||
      (c->cluster != NULL &&
       g_strcmp0 (self->original_cluster_id, aero_vm_edit_cluster_id (c->cluster)) != 0))
    return TRUE;

  if (self->max_memory_sensitive && o->max_memory != c->max_memory)
    return TRUE;

  if (aero_vm_edit_resource_allocation_editable (self) &&
      (o->guaranteed != c->guaranteed || o->cpu_shares != c->cpu_shares))
    return TRUE;

  return aero_vm_edit_ballooning_changed (self);
}

#define NOTIFY_IF(cond, prop) \
  G_STMT_START { if (cond) g_object_notify_by_pspec (G_OBJECT (self), properties[prop]); } G_STMT_END

static void
sync_derived (AeroVmEdit *self)
{
  AeroVersion *level;
  gboolean sensitive;
  gboolean ballooning;
  gboolean max_sensitive;
  AeroCpuSharesLevel shares_level;
  guint position;
  char *reason;
  gboolean valid;
  gboolean has_changes;
  gboolean ungated;

  level = self->cur.custom_version;
  if (level == NULL && self->cur.cluster != NULL)
    level = aero_cluster_get_version (self->cur.cluster);
  if (level != self->effective_version &&
      (level == NULL || self->effective_version == NULL ||
       !aero_version_equal (level, self->effective_version)))
    {
      g_set_object (&self->effective_version, level);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EFFECTIVE_VERSION]);
    }

  /* The balloon gate: below 3.1 the box is insensitive and unchecked, with
   * the reason; the user's own choice stays in cur.ballooning. */
  /* A template without a cluster (Blank) has no level of its own: what
   * it holds is gated where a VM made from it runs, not here. */
  ungated = self->mode == AERO_VM_EDIT_TEMPLATE && level == NULL;
  reason = ungated ? NULL : dup_gate_reason (AERO_FEATURE_VM_BALLOON, level,
                                             self->cur.custom_version != NULL);
  NOTIFY_IF (take_string (&self->ballooning_reason, reason), PROP_BALLOONING_REASON);
  sensitive = self->ballooning_reason == NULL && aero_vm_edit_resource_allocation_editable (self);
  if (sensitive != self->ballooning_sensitive)
    {
      self->ballooning_sensitive = sensitive;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BALLOONING_SENSITIVE]);
    }
  if (self->ballooning_reason == NULL)
    ballooning = self->cur.ballooning;
  else
    ballooning = FALSE;
  if (ballooning != self->ballooning)
    {
      self->ballooning = ballooning;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BALLOONING]);
    }

  reason = ungated ? NULL : dup_gate_reason (AERO_FEATURE_MAX_MEMORY, level,
                                             self->cur.custom_version != NULL);
  NOTIFY_IF (take_string (&self->max_memory_reason, reason), PROP_MAX_MEMORY_REASON);
  max_sensitive = self->max_memory_reason == NULL;
  if (max_sensitive != self->max_memory_sensitive)
    {
      self->max_memory_sensitive = max_sensitive;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MAX_MEMORY_SENSITIVE]);
    }

  /* Validation, in the engine's words. */
  NOTIFY_IF (take_string (&self->name_error, validate_name (self->cur.name)), PROP_NAME_ERROR);
  /* Where the engine cannot store a template's guaranteed memory, the
   * admin cannot reach it either: the clash is said, and fixed, at
   * Memory Size, never on the greyed tab. */
  NOTIFY_IF (take_string (&self->memory_error,
                          self->cur.memory < AERO_MIB
                          ? g_strdup (_("Memory Size must be at least 1 MiB."))
                          : !aero_vm_edit_resource_allocation_editable (self)
                            && self->cur.guaranteed > self->cur.memory
                          ? g_strdup_printf (_("Memory Size cannot be below the template's Physical Memory Guaranteed (%lld MiB), which this engine cannot change."),
                                             (long long) (self->cur.guaranteed / AERO_MIB))
                          : NULL),
             PROP_MEMORY_ERROR);
  NOTIFY_IF (take_string (&self->guaranteed_error,
                          !aero_vm_edit_resource_allocation_editable (self)
                          ? NULL
                          : self->cur.guaranteed > self->cur.memory
                          ? g_strdup (_("Physical Memory Guaranteed cannot exceed Memory Size."))
                          : self->cur.guaranteed < 0
                          ? g_strdup (_("Physical Memory Guaranteed cannot be negative."))
                          : NULL),
             PROP_GUARANTEED_ERROR);
  NOTIFY_IF (take_string (&self->max_memory_error, validate_max_memory (self, max_sensitive)),
             PROP_MAX_MEMORY_ERROR);
  NOTIFY_IF (take_string (&self->cpu_error,
                          self->cur.cpu_sockets < 1 || self->cur.cpu_cores < 1 || self->cur.cpu_threads < 1
                          ? g_strdup (_("Sockets, cores per socket and threads per core must each be at least 1."))
                          : self->cur.cpu_shares < 0 || self->cur.cpu_shares > CPU_SHARES_MAX
                          ? g_strdup_printf (_("CPU Shares must be between 0 and %d."), CPU_SHARES_MAX)
                          : NULL),
             PROP_CPU_ERROR);

  NOTIFY_IF (take_string (&self->memory_note, compute_memory_note (self)), PROP_MEMORY_NOTE);

  /* The REST layer moves a VM with ChangeVMCluster, next_run or not, and
   * that command refuses a VM that is not down (clusterId is editable on
   * Down only). */
  NOTIFY_IF (take_string (&self->cluster_error,
                          aero_vm_edit_get_running (self) && self->cur.cluster != NULL &&
                          g_strcmp0 (self->original_cluster_id, aero_vm_edit_cluster_id (self->cur.cluster)) != 0
                          ? g_strdup (_("The cluster of a running VM cannot be changed. Try stopping the VM first."))
                          : NULL),
             PROP_CLUSTER_ERROR);

  valid = self->name_error == NULL && self->memory_error == NULL &&
          self->guaranteed_error == NULL && self->max_memory_error == NULL &&
          self->cpu_error == NULL && self->cluster_error == NULL &&
          (self->cur.cluster != NULL || self->mode != AERO_VM_EDIT_NEW_VM);
  if (valid != self->valid)
    {
      self->valid = valid;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALID]);
    }

  has_changes = compute_has_changes (self);
  if (has_changes != self->has_changes)
    {
      self->has_changes = has_changes;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_CHANGES]);
    }

  if (aero_vm_edit_compute_next_run_required (self) != self->next_run_required)
    {
      self->next_run_required = !self->next_run_required;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NEXT_RUN_REQUIRED]);
    }

  shares_level = self->cpu_shares_custom ? AERO_CPU_SHARES_CUSTOM
                                         : level_for_shares (self->cur.cpu_shares);
  if (shares_level != self->cpu_shares_level)
    {
      self->cpu_shares_level = shares_level;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CPU_SHARES_LEVEL]);
    }

  position = find_position (self->clusters, self->cur.cluster, cluster_get_id_cb);
  if (position != self->cluster_position)
    {
      self->cluster_position = position;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLUSTER_POSITION]);
    }

  position = find_position (self->templates, self->cur.tmpl, template_get_id_cb);
  if (position != self->template_position)
    {
      self->template_position = position;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEMPLATE_POSITION]);
    }
}

/* ------------------------------------------------------------------ */
/* Setters of the raw values (no derivations)                          */
/* ------------------------------------------------------------------ */

static void
store_memory (AeroVmEdit *self,
              gint64      bytes)
{
  if (self->cur.memory == bytes)
    return;
  self->cur.memory = bytes;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MEMORY]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MEMORY_MB]);
}

static void
store_guaranteed (AeroVmEdit *self,
                  gint64      bytes)
{
  if (self->cur.guaranteed == bytes)
    return;
  self->cur.guaranteed = bytes;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_GUARANTEED]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_GUARANTEED_MB]);
}

static void
store_max_memory (AeroVmEdit *self,
                  gint64      bytes)
{
  if (self->cur.max_memory == bytes)
    return;
  self->cur.max_memory = bytes;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MAX_MEMORY]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MAX_MEMORY_MB]);
}

static void
store_int (AeroVmEdit *self,
           int        *field,
           int         value,
           guint       prop)
{
  if (*field == value)
    return;
  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static void
store_vm_type (AeroVmEdit *self,
               AeroVmType  type)
{
  if (self->cur.vm_type == type)
    return;

  /* oVirt: a High Performance VM has no balloon by default. It is the
   * user's choice that goes, so the user may check it again. */
  if (type == AERO_VM_TYPE_HIGH_PERFORMANCE)
    self->cur.ballooning = FALSE;

  self->cur.vm_type = type;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VM_TYPE]);
}

static void
fill_from_template (AeroVmEdit   *self,
                    AeroTemplate *tmpl)
{
  AeroMemoryPolicy *policy = aero_template_get_memory_policy (tmpl);
  gint64 memory = aero_template_get_memory (tmpl);
  gint64 guaranteed = policy != NULL ? aero_memory_policy_get_guaranteed (policy) : AERO_UNSET;
  gint64 max_memory = policy != NULL ? aero_memory_policy_get_max (policy) : AERO_UNSET;
  AeroVmType type = aero_template_get_vm_type (tmpl);

  if (memory < AERO_MIB)
    memory = DEFAULT_MEMORY;
  store_memory (self, memory);
  store_guaranteed (self, guaranteed >= 0 ? guaranteed
                                          : derive_guaranteed (memory, self->cur.cluster));
  store_max_memory (self, max_memory >= memory ? max_memory : derive_max_memory (self, memory));
  /* The template's values are defaults again: a memory change derives. */
  self->guaranteed_edited = FALSE;
  self->max_memory_edited = FALSE;

  /* The balloon state comes from the template, as in webadmin
   * (InstanceTypeManager: "maybeSetEntity(model.getMemoryBalloonEnabled(),
   * vmBase.isBalloonEnabled())"); a template that does not say keeps the
   * default, on. Then the type has its say: webadmin's vmTypeChanged ()
   * unchecks it for High Performance. */
  if (policy != NULL && aero_memory_policy_get_ballooning (policy) != AERO_TRISTATE_UNKNOWN)
    self->cur.ballooning = aero_memory_policy_get_ballooning (policy) == AERO_TRISTATE_TRUE;
  else
    self->cur.ballooning = TRUE;
  if (type != AERO_VM_TYPE_UNKNOWN)
    store_vm_type (self, type);

  store_int (self, &self->cur.cpu_sockets,
             MAX (1, aero_template_get_cpu_sockets (tmpl)), PROP_CPU_SOCKETS);
  store_int (self, &self->cur.cpu_cores,
             MAX (1, aero_template_get_cpu_cores (tmpl)), PROP_CPU_CORES);
  store_int (self, &self->cur.cpu_threads,
             MAX (1, aero_template_get_cpu_threads (tmpl)), PROP_CPU_THREADS);
  if (aero_template_get_cpu_shares (tmpl) >= 0)
    {
      self->cpu_shares_custom = FALSE;
      store_int (self, &self->cur.cpu_shares,
                 aero_template_get_cpu_shares (tmpl), PROP_CPU_SHARES);
    }
}

/* ------------------------------------------------------------------ */
/* GObject                                                             */
/* ------------------------------------------------------------------ */

static void
aero_vm_edit_finalize (GObject *object)
{
  AeroVmEdit *self = AERO_VM_EDIT (object);

  g_clear_object (&self->clusters);
  g_clear_object (&self->templates);
  g_clear_object (&self->vm);
  g_clear_object (&self->original_template);
  g_clear_pointer (&self->original_cluster_id, g_free);
  values_clear (&self->orig);
  values_clear (&self->cur);
  g_clear_object (&self->effective_version);
  g_clear_pointer (&self->ballooning_reason, g_free);
  g_clear_pointer (&self->max_memory_reason, g_free);
  g_clear_pointer (&self->name_error, g_free);
  g_clear_pointer (&self->memory_error, g_free);
  g_clear_pointer (&self->guaranteed_error, g_free);
  g_clear_pointer (&self->max_memory_error, g_free);
  g_clear_pointer (&self->cpu_error, g_free);
  g_clear_pointer (&self->cluster_error, g_free);
  g_clear_pointer (&self->memory_note, g_free);
  g_clear_pointer (&self->resource_allocation_reason, g_free);
  aero_vm_edit_forget_conflicts (self);

  G_OBJECT_CLASS (aero_vm_edit_parent_class)->finalize (object);
}

static void
aero_vm_edit_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  AeroVmEdit *self = AERO_VM_EDIT (object);

  switch (prop_id)
    {
    case PROP_MODE:
      g_value_set_enum (value, self->mode);
      break;
    case PROP_VM:
      g_value_set_object (value, self->vm);
      break;
    case PROP_ORIGINAL_TEMPLATE:
      g_value_set_object (value, self->original_template);
      break;
    case PROP_CLUSTER:
      g_value_set_object (value, self->cur.cluster);
      break;
    case PROP_CLUSTER_POSITION:
      g_value_set_uint (value, self->cluster_position);
      break;
    case PROP_TEMPLATE:
      g_value_set_object (value, self->cur.tmpl);
      break;
    case PROP_TEMPLATE_POSITION:
      g_value_set_uint (value, self->template_position);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->cur.name);
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, self->cur.description);
      break;
    case PROP_COMMENT:
      g_value_set_string (value, self->cur.comment);
      break;
    case PROP_VM_TYPE:
      g_value_set_enum (value, self->cur.vm_type);
      break;
    case PROP_MEMORY:
      g_value_set_int64 (value, self->cur.memory);
      break;
    case PROP_MEMORY_MB:
      g_value_set_int64 (value, aero_vm_edit_get_memory_mb (self));
      break;
    case PROP_GUARANTEED:
      g_value_set_int64 (value, self->cur.guaranteed);
      break;
    case PROP_GUARANTEED_MB:
      g_value_set_int64 (value, aero_vm_edit_get_guaranteed_mb (self));
      break;
    case PROP_MAX_MEMORY:
      g_value_set_int64 (value, self->cur.max_memory);
      break;
    case PROP_MAX_MEMORY_MB:
      g_value_set_int64 (value, aero_vm_edit_get_max_memory_mb (self));
      break;
    case PROP_CPU_SOCKETS:
      g_value_set_int (value, self->cur.cpu_sockets);
      break;
    case PROP_CPU_CORES:
      g_value_set_int (value, self->cur.cpu_cores);
      break;
    case PROP_CPU_THREADS:
      g_value_set_int (value, self->cur.cpu_threads);
      break;
    case PROP_CPU_SHARES:
      g_value_set_int (value, self->cur.cpu_shares);
      break;
    case PROP_CPU_SHARES_LEVEL:
      g_value_set_enum (value, self->cpu_shares_level);
      break;
    case PROP_BALLOONING:
      g_value_set_boolean (value, self->ballooning);
      break;
    case PROP_BALLOONING_SENSITIVE:
      g_value_set_boolean (value, self->ballooning_sensitive);
      break;
    case PROP_BALLOONING_REASON:
      g_value_set_string (value, self->ballooning_reason);
      break;
    case PROP_BALLOONING_KNOWN:
      g_value_set_boolean (value, aero_vm_edit_get_ballooning_known (self));
      break;
    case PROP_MAX_MEMORY_SENSITIVE:
      g_value_set_boolean (value, self->max_memory_sensitive);
      break;
    case PROP_MAX_MEMORY_REASON:
      g_value_set_string (value, self->max_memory_reason);
      break;
    case PROP_EFFECTIVE_VERSION:
      g_value_set_object (value, self->effective_version);
      break;
    case PROP_NAME_ERROR:
      g_value_set_string (value, self->name_error);
      break;
    case PROP_MEMORY_ERROR:
      g_value_set_string (value, self->memory_error);
      break;
    case PROP_GUARANTEED_ERROR:
      g_value_set_string (value, self->guaranteed_error);
      break;
    case PROP_MAX_MEMORY_ERROR:
      g_value_set_string (value, self->max_memory_error);
      break;
    case PROP_CPU_ERROR:
      g_value_set_string (value, self->cpu_error);
      break;
    case PROP_CLUSTER_ERROR:
      g_value_set_string (value, self->cluster_error);
      break;
    case PROP_NEXT_RUN_REQUIRED:
      g_value_set_boolean (value, self->next_run_required);
      break;
    case PROP_VALID:
      g_value_set_boolean (value, self->valid);
      break;
    case PROP_HAS_CHANGES:
      g_value_set_boolean (value, self->has_changes);
      break;
    case PROP_RUNNING:
      g_value_set_boolean (value, aero_vm_edit_get_running (self));
      break;
    case PROP_RESOURCE_ALLOCATION_EDITABLE:
      g_value_set_boolean (value, aero_vm_edit_get_resource_allocation_editable (self));
      break;
    case PROP_RESOURCE_ALLOCATION_REASON:
      g_value_set_string (value, aero_vm_edit_get_resource_allocation_reason (self));
      break;
    case PROP_DERIVE_MEMORY:
      g_value_set_boolean (value, self->derive_memory);
      break;
    case PROP_APPLY_LATER:
      g_value_set_boolean (value, self->apply_later);
      break;
    case PROP_MAX_MEMORY_LIMIT:
      g_value_set_int64 (value, self->max_memory_limit);
      break;
    case PROP_MEMORY_NOTE:
      g_value_set_string (value, self->memory_note);
      break;
    case PROP_CUSTOM_VERSION:
      g_value_set_object (value, self->cur.custom_version);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
aero_vm_edit_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  AeroVmEdit *self = AERO_VM_EDIT (object);

  switch (prop_id)
    {
    case PROP_DERIVE_MEMORY:
      aero_vm_edit_set_derive_memory (self, g_value_get_boolean (value));
      break;
    case PROP_APPLY_LATER:
      aero_vm_edit_set_apply_later (self, g_value_get_boolean (value));
      break;
    case PROP_MAX_MEMORY_LIMIT:
      aero_vm_edit_set_max_memory_limit (self, g_value_get_int64 (value));
      break;
    case PROP_CUSTOM_VERSION:
      aero_vm_edit_set_custom_compatibility_version (self, g_value_get_object (value));
      break;
    case PROP_CLUSTER:
      aero_vm_edit_set_cluster (self, g_value_get_object (value));
      break;
    case PROP_CLUSTER_POSITION:
      aero_vm_edit_set_cluster_position (self, g_value_get_uint (value));
      break;
    case PROP_TEMPLATE:
      aero_vm_edit_set_template (self, g_value_get_object (value));
      break;
    case PROP_TEMPLATE_POSITION:
      aero_vm_edit_set_template_position (self, g_value_get_uint (value));
      break;
    case PROP_NAME:
      aero_vm_edit_set_name (self, g_value_get_string (value));
      break;
    case PROP_DESCRIPTION:
      aero_vm_edit_set_description (self, g_value_get_string (value));
      break;
    case PROP_COMMENT:
      aero_vm_edit_set_comment (self, g_value_get_string (value));
      break;
    case PROP_VM_TYPE:
      aero_vm_edit_set_vm_type (self, g_value_get_enum (value));
      break;
    case PROP_MEMORY:
      aero_vm_edit_set_memory (self, g_value_get_int64 (value));
      break;
    case PROP_MEMORY_MB:
      aero_vm_edit_set_memory_mb (self, g_value_get_int64 (value));
      break;
    case PROP_GUARANTEED:
      aero_vm_edit_set_guaranteed (self, g_value_get_int64 (value));
      break;
    case PROP_GUARANTEED_MB:
      aero_vm_edit_set_guaranteed_mb (self, g_value_get_int64 (value));
      break;
    case PROP_MAX_MEMORY:
      aero_vm_edit_set_max_memory (self, g_value_get_int64 (value));
      break;
    case PROP_MAX_MEMORY_MB:
      aero_vm_edit_set_max_memory_mb (self, g_value_get_int64 (value));
      break;
    case PROP_CPU_SOCKETS:
      aero_vm_edit_set_cpu_sockets (self, g_value_get_int (value));
      break;
    case PROP_CPU_CORES:
      aero_vm_edit_set_cpu_cores (self, g_value_get_int (value));
      break;
    case PROP_CPU_THREADS:
      aero_vm_edit_set_cpu_threads (self, g_value_get_int (value));
      break;
    case PROP_CPU_SHARES:
      aero_vm_edit_set_cpu_shares (self, g_value_get_int (value));
      break;
    case PROP_CPU_SHARES_LEVEL:
      aero_vm_edit_set_cpu_shares_level (self, g_value_get_enum (value));
      break;
    case PROP_BALLOONING:
      aero_vm_edit_set_ballooning (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
aero_vm_edit_class_init (AeroVmEditClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = aero_vm_edit_finalize;
  object_class->get_property = aero_vm_edit_get_property;
  object_class->set_property = aero_vm_edit_set_property;

  properties[PROP_MODE] =
    g_param_spec_enum ("mode", NULL, NULL, AERO_TYPE_VM_EDIT_MODE, AERO_VM_EDIT_NEW_VM, ro);
  properties[PROP_VM] =
    g_param_spec_object ("vm", NULL, NULL, AERO_TYPE_VM, ro);
  properties[PROP_ORIGINAL_TEMPLATE] =
    g_param_spec_object ("original-template", NULL, NULL, AERO_TYPE_TEMPLATE, ro);
  properties[PROP_CLUSTER] =
    g_param_spec_object ("cluster", NULL, NULL, AERO_TYPE_CLUSTER, rw);
  properties[PROP_CLUSTER_POSITION] =
    g_param_spec_uint ("cluster-position", NULL, NULL, 0, G_MAXUINT, INVALID_POSITION, rw);
  properties[PROP_TEMPLATE] =
    g_param_spec_object ("template", NULL, NULL, AERO_TYPE_TEMPLATE, rw);
  properties[PROP_TEMPLATE_POSITION] =
    g_param_spec_uint ("template-position", NULL, NULL, 0, G_MAXUINT, INVALID_POSITION, rw);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, "", rw);
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, "", rw);
  properties[PROP_COMMENT] =
    g_param_spec_string ("comment", NULL, NULL, "", rw);
  properties[PROP_VM_TYPE] =
    g_param_spec_enum ("vm-type", NULL, NULL, AERO_TYPE_VM_TYPE, AERO_VM_TYPE_UNKNOWN, rw);
  properties[PROP_MEMORY] =
    g_param_spec_int64 ("memory", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_MEMORY_MB] =
    g_param_spec_int64 ("memory-mb", NULL, NULL, 0, G_MAXINT64 / AERO_MIB, 0, rw);
  properties[PROP_GUARANTEED] =
    g_param_spec_int64 ("guaranteed", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_GUARANTEED_MB] =
    g_param_spec_int64 ("guaranteed-mb", NULL, NULL, 0, G_MAXINT64 / AERO_MIB, 0, rw);
  properties[PROP_MAX_MEMORY] =
    g_param_spec_int64 ("max-memory", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_MAX_MEMORY_MB] =
    g_param_spec_int64 ("max-memory-mb", NULL, NULL, 0, G_MAXINT64 / AERO_MIB, 0, rw);
  properties[PROP_CPU_SOCKETS] =
    g_param_spec_int ("cpu-sockets", NULL, NULL, 0, G_MAXINT, 1, rw);
  properties[PROP_CPU_CORES] =
    g_param_spec_int ("cpu-cores", NULL, NULL, 0, G_MAXINT, 1, rw);
  properties[PROP_CPU_THREADS] =
    g_param_spec_int ("cpu-threads", NULL, NULL, 0, G_MAXINT, 1, rw);
  properties[PROP_CPU_SHARES] =
    g_param_spec_int ("cpu-shares", NULL, NULL, 0, G_MAXINT, 0, rw);
  properties[PROP_CPU_SHARES_LEVEL] =
    g_param_spec_enum ("cpu-shares-level", NULL, NULL, AERO_TYPE_CPU_SHARES_LEVEL,
                       AERO_CPU_SHARES_DISABLED, rw);
  properties[PROP_BALLOONING] =
    g_param_spec_boolean ("ballooning", NULL, NULL, FALSE, rw);
  properties[PROP_BALLOONING_SENSITIVE] =
    g_param_spec_boolean ("ballooning-sensitive", NULL, NULL, FALSE, ro);
  properties[PROP_BALLOONING_REASON] =
    g_param_spec_string ("ballooning-reason", NULL, NULL, NULL, ro);
  properties[PROP_BALLOONING_KNOWN] =
    g_param_spec_boolean ("ballooning-known", NULL, NULL, TRUE, ro);
  properties[PROP_MAX_MEMORY_SENSITIVE] =
    g_param_spec_boolean ("max-memory-sensitive", NULL, NULL, FALSE, ro);
  properties[PROP_MAX_MEMORY_REASON] =
    g_param_spec_string ("max-memory-reason", NULL, NULL, NULL, ro);
  properties[PROP_EFFECTIVE_VERSION] =
    g_param_spec_object ("effective-version", NULL, NULL, AERO_TYPE_VERSION, ro);
  properties[PROP_NAME_ERROR] =
    g_param_spec_string ("name-error", NULL, NULL, NULL, ro);
  properties[PROP_MEMORY_ERROR] =
    g_param_spec_string ("memory-error", NULL, NULL, NULL, ro);
  properties[PROP_GUARANTEED_ERROR] =
    g_param_spec_string ("guaranteed-error", NULL, NULL, NULL, ro);
  properties[PROP_MAX_MEMORY_ERROR] =
    g_param_spec_string ("max-memory-error", NULL, NULL, NULL, ro);
  properties[PROP_CPU_ERROR] =
    g_param_spec_string ("cpu-error", NULL, NULL, NULL, ro);
  properties[PROP_CLUSTER_ERROR] =
    g_param_spec_string ("cluster-error", NULL, NULL, NULL, ro);
  properties[PROP_NEXT_RUN_REQUIRED] =
    g_param_spec_boolean ("next-run-required", NULL, NULL, FALSE, ro);
  properties[PROP_VALID] =
    g_param_spec_boolean ("valid", NULL, NULL, FALSE, ro);
  properties[PROP_HAS_CHANGES] =
    g_param_spec_boolean ("has-changes", NULL, NULL, FALSE, ro);
  properties[PROP_RUNNING] =
    g_param_spec_boolean ("running", NULL, NULL, FALSE, ro);
  properties[PROP_RESOURCE_ALLOCATION_EDITABLE] =
    g_param_spec_boolean ("resource-allocation-editable", NULL, NULL, TRUE, ro);
  properties[PROP_RESOURCE_ALLOCATION_REASON] =
    g_param_spec_string ("resource-allocation-reason", NULL, NULL, NULL, ro);
  properties[PROP_DERIVE_MEMORY] =
    g_param_spec_boolean ("derive-memory", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_APPLY_LATER] =
    g_param_spec_boolean ("apply-later", NULL, NULL, FALSE, rw);
  properties[PROP_MAX_MEMORY_LIMIT] =
    g_param_spec_int64 ("max-memory-limit", NULL, NULL,
                        AERO_UNSET, G_MAXINT64 / AERO_MIB, AERO_UNSET, rw);
  properties[PROP_MEMORY_NOTE] =
    g_param_spec_string ("memory-note", NULL, NULL, NULL, ro);
  properties[PROP_CUSTOM_VERSION] =
    g_param_spec_object ("custom-compatibility-version", NULL, NULL, AERO_TYPE_VERSION, rw);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
aero_vm_edit_init (AeroVmEdit *self)
{
  self->cluster_position = INVALID_POSITION;
  self->template_position = INVALID_POSITION;
  self->derive_memory = TRUE;
  self->max_memory_limit = AERO_UNSET;
  self->cur.name = g_strdup ("");
  self->cur.description = g_strdup ("");
  self->cur.comment = g_strdup ("");
  self->cur.cpu_sockets = self->cur.cpu_cores = self->cur.cpu_threads = 1;
  self->orig_ballooning = AERO_TRISTATE_UNKNOWN;
}

/* ------------------------------------------------------------------ */
/* Constructors                                                        */
/* ------------------------------------------------------------------ */

/* Copies cur into orig and computes the derived state once, without
 * anybody listening yet. */
static void
finish_construction (AeroVmEdit *self)
{
  values_copy (&self->orig, &self->cur);
  sync_derived (self);
}

/* A new VM starts in the cluster listed first, and clusters are listed
 * by name, as oVirt does: whatever order @clusters has. */
static AeroCluster *
first_cluster_by_name (GListModel *clusters)
{
  guint n = g_list_model_get_n_items (clusters);
  AeroCluster *first = NULL;
  g_autofree char *first_key = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AeroCluster) cluster = g_list_model_get_item (clusters, i);
      g_autofree char *folded = g_utf8_casefold (aero_cluster_get_name (cluster) != NULL
                                                 ? aero_cluster_get_name (cluster) : "", -1);

      if (first == NULL || g_utf8_collate (folded, first_key) < 0)
        {
          g_set_object (&first, cluster);
          g_free (first_key);
          first_key = g_steal_pointer (&folded);
        }
    }

  return first;
}

AeroVmEdit *
aero_vm_edit_new_for_new_vm (GListModel *clusters,
                             GListModel *templates,
                             const char *blank_template_id)
{
  AeroVmEdit *self;
  g_autoptr(AeroTemplate) tmpl = NULL;

  g_return_val_if_fail (G_IS_LIST_MODEL (clusters), NULL);
  g_return_val_if_fail (templates == NULL || G_IS_LIST_MODEL (templates), NULL);

  self = g_object_new (AERO_TYPE_VM_EDIT, NULL);
  self->mode = AERO_VM_EDIT_NEW_VM;
  self->clusters = g_object_ref (clusters);
  self->templates = templates != NULL ? g_object_ref (templates) : NULL;

  self->cur.cluster = first_cluster_by_name (clusters);

  if (templates != NULL)
    {
      guint n = g_list_model_get_n_items (templates);

      for (guint i = 0; i < n && tmpl == NULL; i++)
        {
          g_autoptr(AeroTemplate) candidate = g_list_model_get_item (templates, i);

          if (g_strcmp0 (aero_template_get_id (candidate), blank_template_id) == 0)
            tmpl = g_steal_pointer (&candidate);
        }
      if (tmpl == NULL && n > 0)
        tmpl = g_list_model_get_item (templates, 0);
    }

  /* Defaults of oVirt's Blank template, used when there is none: the
   * balloon device on (product.md). */
  self->cur.ballooning = TRUE;
  self->cur.vm_type = AERO_VM_TYPE_SERVER;
  self->cur.memory = DEFAULT_MEMORY;
  self->cur.guaranteed = derive_guaranteed (DEFAULT_MEMORY, self->cur.cluster);
  self->cur.max_memory = 4 * DEFAULT_MEMORY;
  if (tmpl != NULL)
    {
      self->cur.tmpl = g_object_ref (tmpl);
      fill_from_template (self, tmpl);
    }

  self->orig_ballooning = self->cur.ballooning ? AERO_TRISTATE_TRUE : AERO_TRISTATE_FALSE;

  finish_construction (self);

  return self;
}

AeroVmEdit *
aero_vm_edit_new_for_vm (AeroVm     *vm,
                         GListModel *clusters)
{
  AeroVmEdit *self;
  AeroMemoryPolicy *policy;

  g_return_val_if_fail (AERO_IS_VM (vm), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (clusters), NULL);

  self = g_object_new (AERO_TYPE_VM_EDIT, NULL);
  self->mode = AERO_VM_EDIT_VM;
  self->clusters = g_object_ref (clusters);
  self->vm = aero_vm_copy (vm);
  self->original_cluster_id = g_strdup (aero_vm_get_cluster_id (vm));

  g_set_object (&self->cur.cluster, aero_cluster_find (clusters, self->original_cluster_id));
  replace_string (&self->cur.name, aero_vm_get_name (vm));
  replace_string (&self->cur.description, aero_vm_get_description (vm));
  replace_string (&self->cur.comment, aero_vm_get_comment (vm));
  g_set_object (&self->cur.custom_version, aero_vm_get_custom_compatibility_version (vm));
  self->cur.vm_type = aero_vm_get_vm_type (vm);
  self->cur.memory = MAX (aero_vm_get_memory (vm), 0);

  policy = aero_vm_get_memory_policy (vm);
  self->cur.guaranteed = aero_memory_policy_get_guaranteed (policy);
  if (self->cur.guaranteed < 0)
    self->cur.guaranteed = self->cur.memory;
  self->cur.max_memory = aero_memory_policy_get_max (policy);
  if (self->cur.max_memory < 0)
    self->cur.max_memory = 4 * self->cur.memory;
  self->orig_ballooning = aero_memory_policy_get_ballooning (policy);
  self->cur.ballooning = self->orig_ballooning == AERO_TRISTATE_TRUE;

  self->cur.cpu_sockets = MAX (aero_vm_get_cpu_sockets (vm), 1);
  self->cur.cpu_cores = MAX (aero_vm_get_cpu_cores (vm), 1);
  self->cur.cpu_threads = MAX (aero_vm_get_cpu_threads (vm), 1);
  self->cur.cpu_shares = MAX (aero_vm_get_cpu_shares (vm), 0);

  finish_construction (self);

  return self;
}

AeroVmEdit *
aero_vm_edit_new_for_template (AeroTemplate *tmpl,
                               GListModel   *clusters)
{
  AeroVmEdit *self;
  AeroMemoryPolicy *policy;

  g_return_val_if_fail (AERO_IS_TEMPLATE (tmpl), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (clusters), NULL);

  self = g_object_new (AERO_TYPE_VM_EDIT, NULL);
  self->mode = AERO_VM_EDIT_TEMPLATE;
  self->clusters = g_object_ref (clusters);
  self->original_template = aero_template_copy (tmpl);
  self->original_cluster_id = g_strdup (aero_template_get_cluster_id (tmpl));

  g_set_object (&self->cur.cluster, aero_cluster_find (clusters, self->original_cluster_id));
  replace_string (&self->cur.name, aero_template_get_name (tmpl));
  replace_string (&self->cur.description, aero_template_get_description (tmpl));
  replace_string (&self->cur.comment, aero_template_get_comment (tmpl));
  g_set_object (&self->cur.custom_version, aero_template_get_custom_compatibility_version (tmpl));
  self->cur.vm_type = aero_template_get_vm_type (tmpl);
  self->cur.memory = MAX (aero_template_get_memory (tmpl), 0);

  policy = aero_template_get_memory_policy (tmpl);
  self->cur.guaranteed = aero_memory_policy_get_guaranteed (policy);
  if (self->cur.guaranteed < 0)
    self->cur.guaranteed = self->cur.memory;
  self->cur.max_memory = aero_memory_policy_get_max (policy);
  if (self->cur.max_memory < 0)
    self->cur.max_memory = 4 * self->cur.memory;
  self->orig_ballooning = aero_memory_policy_get_ballooning (policy);
  self->cur.ballooning = self->orig_ballooning == AERO_TRISTATE_TRUE;

  self->cur.cpu_sockets = MAX (aero_template_get_cpu_sockets (tmpl), 1);
  self->cur.cpu_cores = MAX (aero_template_get_cpu_cores (tmpl), 1);
  self->cur.cpu_threads = MAX (aero_template_get_cpu_threads (tmpl), 1);
  self->cur.cpu_shares = MAX (aero_template_get_cpu_shares (tmpl), 0);

  finish_construction (self);

  return self;
}

/* ------------------------------------------------------------------ */
/* Accessors                                                           */
/* ------------------------------------------------------------------ */

AeroVmEditMode
aero_vm_edit_get_mode (AeroVmEdit *self)
{
  g_return_val_if_fail (AERO_IS_VM_EDIT (self), AERO_VM_EDIT_NEW_VM);

  return self->mode;
}

AeroVm *
aero_vm_edit_get_vm (AeroVmEdit *self)
{
  g_return_val_if_fail (AERO_IS_VM_EDIT (self), NULL);

  return self->vm;
}

AeroTemplate *
aero_vm_edit_get_original_template (AeroVmEdit *self)
{
  g_return_val_if_fail (AERO_IS_VM_EDIT (self), NULL);

  return self->original_template;
}

GListModel *
aero_vm_edit_get_clusters (AeroVmEdit *self)
{
  g_return_val_if_fail (AERO_IS_VM_EDIT (self), NULL);

  return self->clusters;
}

GListModel *
aero_vm_edit_get_templates (AeroVmEdit *self)
{
  g_return_val_if_fail (AERO_IS_VM_EDIT (self), NULL);

  return self->templates;
}

AeroCluster *
aero_vm_edit_get_cluster (AeroVmEdit *self)
{
  g_return_val_if_fail (AERO_IS_VM_EDIT (self), NULL);

  return self->cur.cluster;
}

void
aero_vm_edit_set_cluster (AeroVmEdit  *self,
                          AeroCluster *cluster)
{
  g_return_if_fail (AERO_IS_VM_EDIT (self));
  g_return_if_fail (cluster == NULL || AERO_IS_CLUSTER (cluster));

  if (self->cur.cluster == cluster)
    return;

  g_object_freeze_notify (G_OBJECT (self));
  g_set_object (&self->cur.cluster, cluster);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLUSTER]);

  /* A new VM's guaranteed memory follows the cluster's over-commit until
   * the user sets it. */
  if (self->mode == AERO_VM_EDIT_NEW_VM && !self->guaranteed_edited)
    store_guaranteed (self, derive_guaranteed (self->cur.memory, cluster));

  sync_derived (self);
  g_object_thaw_notify (G_OBJECT (self));
}

guint
aero_vm_edit_get_cluster_position (AeroVmEdit *self)
{
  g_return_val_if_fail (AERO_IS_VM_EDIT (self), INVALID_POSITION);

  return self->cluster_position;
}

void
aero_vm_edit_set_cluster_position (AeroVmEdit *self,
                                   guint       position)
{
  g_autoptr(AeroCluster) cluster = NULL;

  g_return_if_fail (AERO_IS_VM_EDIT (self));

  if (position == INVALID_POSITION || position == self->cluster_position)
    return;

  cluster = g_list_model_get_item (self->clusters, position);
  if (cluster != NULL)
    aero_vm_edit_set_cluster (self, cluster);
}

AeroTemplate *
aero_vm_edit_get_template (AeroVmEdit *self)
{
  g_return_val_if_fail (AERO_IS_VM_EDIT (self), NULL);

  return self->cur.tmpl;
}

void
aero_vm_edit_set_template (AeroVmEdit   *self,
                           AeroTemplate *tmpl)
{
  g_return_if_fail (AERO_IS_VM_EDIT (self));
  g_return_if_fail (tmpl == NULL || AERO_IS_TEMPLATE (tmpl));

  /* Only a new VM is based on a template of the user's choice. */
  if (self->mode != AERO_VM_EDIT_NEW_VM || self->cur.tmpl == tmpl)
    return;

  g_object_freeze_notify (G_OBJECT (self));
  g_set_object (&self->cur.tmpl, tmpl);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEMPLATE]);
  if (tmpl != NULL)
    fill_from_template (self, tmpl);
  sync_derived (self);
  g_object_thaw_notify (G_OBJECT (self));
}

guint
aero_vm_edit_get_template_position (AeroVmEdit *self)
{
  g_return_val_if_fail (AERO_IS_VM_EDIT (self), INVALID_POSITION);

  return self->template_position;
}

void
aero_vm_edit_set_template_position (AeroVmEdit *self,
                                    guint       position)
{
  g_autoptr(AeroTemplate) tmpl = NULL;

  g_return_if_fail (AERO_IS_VM_EDIT (self));

  if (self->templates == NULL || position == INVALID_POSITION ||
      position == self->template_position)
    return;

  tmpl = g_list_model_get_item (self->templates, position);
  if (tmpl != NULL)
    aero_vm_edit_set_template (self, tmpl);
}

static void
set_text (AeroVmEdit  *self,
          char       **field,
          const char  *value,
          guint        prop)
{
  if (!replace_string (field, value))
    return;

  g_object_freeze_notify (G_OBJECT (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
  sync_derived (self);
  g_object_thaw_notify (G_OBJECT (self));
}

const char *
aero_vm_edit_get_name (AeroVmEdit *self)
{
  g_return_val_if_fail (AERO_IS_VM_EDIT (self), NULL);

  return self->cur.name;
}

void
aero_vm_edit_set_name (AeroVmEdit *self,
                       const char *name)
{
  g_return_if_fail (AERO_IS_VM_EDIT (self));

  set_text (self, &self->cur.name, name, PROP_NAME);
}

const char *
aero_vm_edit_get_description (AeroVmEdit *self)
{
  g_return_val_if_fail (AERO_IS_VM_EDIT (self), NULL);

  return self->cur.description;
}

void
aero_vm_edit_set_description (AeroVmEdit *self,
                              const char *description)
{
  g_return_if_fail (AERO_IS_VM_EDIT (self));

  set_text (self, &self->cur.description, description, PROP_DESCRIPTION);
}

const char *
aero_vm_edit_get_comment (AeroVmEdit *self)
{
  g_return_val_if_fail (AERO_IS_VM_EDIT (self), NULL);

  return self->cur.comment;
}

void
aero_vm_edit_set_comment (AeroVmEdit *self,
                          const char *comment)
{
  g_return_if_fail (AERO_IS_VM_EDIT (self));

  set_text (self, &self->cur.comment, comment, PROP_COMMENT);
}

AeroVmType
aero_vm_edit_get_vm_type (AeroVmEdit *self)
{
  g_return_val_if_fail (AERO_IS_VM_EDIT (self), AERO_VM_TYPE_UNKNOWN);

  return self->cur.vm_type;
}

void
aero_vm_edit_set_vm_type (AeroVmEdit *self,
                          AeroVmType  type)
{
  g_return_if_fail (AERO_IS_VM_EDIT (self));

  if (self->cur.vm_type == type)
    return;

  g_object_freeze_notify (G_OBJECT (self));
  store_vm_type (self, type);
  sync_derived (self);
  g_object_thaw_notify (G_OBJECT (self));
}

/* webadmin's updateMinAllocatedMemory: NewVmModelBehavior and
 * ExistingVmModelBehavior set "VmCommonUtils.calcMinMemory(memSize,
 * cluster.getMaxVdsMemoryOverCommit())"; TemplateVmModelBehavior keeps
 * VmModelBehaviorBase's, which does nothing: a template's guaranteed
 * memory stays. */
static gboolean
derives_guaranteed (AeroVmEdit *self)
{
  return self->derive_memory && !self->guaranteed_edited
         && self->mode != AERO_VM_EDIT_TEMPLATE
         && aero_vm_edit_resource_allocation_editable (self);
}

/* ExistingVmModelBehavior.updateMaxMemory: "if (vm.getStatus() !=
 * VMStatus.Up) super.updateMaxMemory()". A VM in any other running state
 * keeps its maximum too: the engine takes a new one at the next run only,
 * so deriving it would add a next-run change the admin did not ask for. */
static gboolean
derives_max_memory (AeroVmEdit *self)
{
  return self->derive_memory && !self->max_memory_edited
         && !(self->mode == AERO_VM_EDIT_VM && aero_vm_edit_get_running (self));
}

gint64
aero_vm_edit_get_memory (AeroVmEdit *self)
{
  g_return_val_if_fail (AERO_IS_VM_EDIT (self), 0);

  return self->cur.memory;
}

void
aero_vm_edit_set_memory (AeroVmEdit *self,
                         gint64      bytes)
{
  g_return_if_fail (AERO_IS_VM_EDIT (self));

  bytes = MAX (bytes, 0);
  if (self->cur.memory == bytes)
    return;

  g_object_freeze_notify (G_OBJECT (self));
  store_memory (self, bytes);
  /* As webadmin's UnitVmModel.memSize_EntityChanged does (its behaviour's
   * updateMinAllocatedMemory () and updateMaxMemory ()), but never over a
   * value the admin set in this dialog, and never out of sight: see
   * "memory-note". */
  if (derives_guaranteed (self))
    store_guaranteed (self, derive_guaranteed (bytes, self->cur.cluster));
  if (derives_max_memory (self))
    store_max_memory (self, derive_max_memory (self, bytes));
  sync_derived (self);
  g_object_thaw_notify (G_OBJECT (self));
}

gboolean
aero_vm_edit_get_derive_memory (AeroVmEdit *self)
{
  g_return_val_if_fail (AERO_IS_VM_EDIT (self), TRUE);

  return self->derive_memory;
}

void
aero_vm_edit_set_derive_memory (AeroVmEdit *self,
                                gboolean    derive)
{
  g_return_if_fail (AERO_IS_VM_EDIT (self));

  if (self->derive_memory == !!derive)
    return;
  self->derive_memory = !!derive;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DERIVE_MEMORY]);
}

gint64
aero_vm_edit_get_memory_mb (AeroVmEdit *self)
{
  g_return_val_if_fail (AERO_IS_VM_EDIT (self), 0);

  return self->cur.memory / AERO_MIB;
}

void
aero_vm_edit_set_memory_mb (AeroVmEdit *self,
                            gint64      mib)
{
  g_return_if_fail (AERO_IS_VM_EDIT (self));

  if (mib == aero_vm_edit_get_memory_mb (self))
    return;
  aero_vm_edit_set_memory (self, mib * AERO_MIB);
}

gint64
aero_vm_edit_get_guaranteed (AeroVmEdit *self)
{
  g_return_val_if_fail (AERO_IS_VM_EDIT (self), 0);

  return self->cur.guaranteed;
}

void
aero_vm_edit_set_guaranteed (AeroVmEdit *self,
                             gint64      bytes)
{
  g_return_if_fail (AERO_IS_VM_EDIT (self));

  if (!aero_vm_edit_resource_allocation_editable (self) || self->cur.guaranteed == bytes)
    return;

  g_object_freeze_notify (G_OBJECT (self));
  self->guaranteed_edited = TRUE;
  store_guaranteed (self, bytes);
  sync_derived (self);
  g_object_thaw_notify (G_OBJECT (self));
}

gint64
aero_vm_edit_get_guaranteed_mb (AeroVmEdit *self)
{
  g_return_val_if_fail (AERO_IS_VM_EDIT (self), 0);

  return self->cur.guaranteed / AERO_MIB;
}

void
aero_vm_edit_set_guaranteed_mb (AeroVmEdit *self,
                                gint64      mib)
{
  g_return_if_fail (AERO_IS_VM_EDIT (self));

  if (mib == aero_vm_edit_get_guaranteed_mb (self))
    return;
  aero_vm_edit_set_guaranteed (self, mib * AERO_MIB);
}

gint64
aero_vm_edit_get_max_memory (AeroVmEdit *self)
{
  g_return_val_if_fail (AERO_IS_VM_EDIT (self), 0);

  return self->cur.max_memory;
}

void
aero_vm_edit_set_max_memory (AeroVmEdit *self,
                             gint64      bytes)
{
  g_return_if_fail (AERO_IS_VM_EDIT (self));

  if (self->cur.max_memory == bytes)
    return;

  g_object_freeze_notify (G_OBJECT (self));
  self->max_memory_edited = TRUE;
  store_max_memory (self, bytes);
  sync_derived (self);
  g_object_thaw_notify (G_OBJECT (self));
}

gint64
aero_vm_edit_get_max_memory_mb (AeroVmEdit *self)
{
  g_return_val_if_fail (AERO_IS_VM_EDIT (self), 0);

  return self->cur.max_memory / AERO_MIB;
}

void
aero_vm_edit_set_max_memory_mb (AeroVmEdit *self,
                                gint64      mib)
{
  g_return_if_fail (AERO_IS_VM_EDIT (self));

  if (mib == aero_vm_edit_get_max_memory_mb (self))
    return;
  aero_vm_edit_set_max_memory (self, mib * AERO_MIB);
}

static void
set_int (AeroVmEdit *self,
         int        *field,
         int         value,
         guint       prop)
{
  if (*field == value)
    return;

  g_object_freeze_notify (G_OBJECT (self));
  store_int (self, field, value, prop);
  sync_derived (self);
  g_object_thaw_notify (G_OBJECT (self));
}

int
aero_vm_edit_get_cpu_sockets (AeroVmEdit *self)
{
  g_return_val_if_fail (AERO_IS_VM_EDIT (self), 0);

  return self->cur.cpu_sockets;
}

void
aero_vm_edit_set_cpu_sockets (AeroVmEdit *self,
                              int         sockets)
{
  g_return_if_fail (AERO_IS_VM_EDIT (self));

  set_int (self, &self->cur.cpu_sockets, sockets, PROP_CPU_SOCKETS);
}

int
aero_vm_edit_get_cpu_cores (AeroVmEdit *self)
{
  g_return_val_if_fail (AERO_IS_VM_EDIT (self), 0);

  return self->cur.cpu_cores;
}

void
aero_vm_edit_set_cpu_cores (AeroVmEdit *self,
                            int         cores)
{
  g_return_if_fail (AERO_IS_VM_EDIT (self));

  set_int (self, &self->cur.cpu_cores, cores, PROP_CPU_CORES);
}

int
aero_vm_edit_get_cpu_threads (AeroVmEdit *self)
{
  g_return_val_if_fail (AERO_IS_VM_EDIT (self), 0);

  return self->cur.cpu_threads;
}

void
aero_vm_edit_set_cpu_threads (AeroVmEdit *self,
                              int         threads)
{
  g_return_if_fail (AERO_IS_VM_EDIT (self));

  set_int (self, &self->cur.cpu_threads, threads, PROP_CPU_THREADS);
}

int
aero_vm_edit_get_cpu_shares (AeroVmEdit *self)
{
  g_return_val_if_fail (AERO_IS_VM_EDIT (self), 0);

  return self->cur.cpu_shares;
}

void
aero_vm_edit_set_cpu_shares (AeroVmEdit *self,
                             int         shares)
{
  g_return_if_fail (AERO_IS_VM_EDIT (self));

  if (!aero_vm_edit_resource_allocation_editable (self))
    return;

  set_int (self, &self->cur.cpu_shares, shares, PROP_CPU_SHARES);
}

AeroCpuSharesLevel
aero_vm_edit_get_cpu_shares_level (AeroVmEdit *self)
{
  g_return_val_if_fail (AERO_IS_VM_EDIT (self), AERO_CPU_SHARES_DISABLED);

  return self->cpu_shares_level;
}

void
aero_vm_edit_set_cpu_shares_level (AeroVmEdit         *self,
                                   AeroCpuSharesLevel  level)
{
  g_return_if_fail (AERO_IS_VM_EDIT (self));

  if (!aero_vm_edit_resource_allocation_editable (self))
    return;

  g_object_freeze_notify (G_OBJECT (self));
  /* "Custom" keeps whatever value is there for the user to change. */
  self->cpu_shares_custom = level == AERO_CPU_SHARES_CUSTOM;
  if (level != AERO_CPU_SHARES_CUSTOM)
    store_int (self, &self->cur.cpu_shares, shares_for_level (level), PROP_CPU_SHARES);
  sync_derived (self);
  g_object_thaw_notify (G_OBJECT (self));
}

gboolean
aero_vm_edit_get_ballooning (AeroVmEdit *self)
{
  g_return_val_if_fail (AERO_IS_VM_EDIT (self), FALSE);

  return self->ballooning;
}

void
aero_vm_edit_set_ballooning (AeroVmEdit *self,
                             gboolean    ballooning)
{
  g_return_if_fail (AERO_IS_VM_EDIT (self));

  ballooning = !!ballooning;

  /* While the gate forbids it, the box is insensitive: a write (e.g. a
   * binding echoing FALSE back) must not overwrite the user's choice. */
  if (!self->ballooning_sensitive || self->cur.ballooning == ballooning)
    return;

  g_object_freeze_notify (G_OBJECT (self));
  self->cur.ballooning = ballooning;
  sync_derived (self);
  g_object_thaw_notify (G_OBJECT (self));
}

gboolean
aero_vm_edit_get_ballooning_sensitive (AeroVmEdit *self)
{
  g_return_val_if_fail (AERO_IS_VM_EDIT (self), FALSE);

  return self->ballooning_sensitive;
}

const char *
aero_vm_edit_get_ballooning_reason (AeroVmEdit *self)
{
  g_return_val_if_fail (AERO_IS_VM_EDIT (self), NULL);

  return self->ballooning_reason;
}

gboolean
aero_vm_edit_get_ballooning_known (AeroVmEdit *self)
{
  g_return_val_if_fail (AERO_IS_VM_EDIT (self), FALSE);

  return self->mode == AERO_VM_EDIT_NEW_VM ||
         self->orig_ballooning != AERO_TRISTATE_UNKNOWN;
}

gboolean
aero_vm_edit_get_max_memory_sensitive (AeroVmEdit *self)
{
  g_return_val_if_fail (AERO_IS_VM_EDIT (self), FALSE);

  return self->max_memory_sensitive;
}

const char *
aero_vm_edit_get_max_memory_reason (AeroVmEdit *self)
{
  g_return_val_if_fail (AERO_IS_VM_EDIT (self), NULL);

  return self->max_memory_reason;
}

AeroVersion *
aero_vm_edit_get_effective_version (AeroVmEdit *self)
{
  g_return_val_if_fail (AERO_IS_VM_EDIT (self), NULL);

  return self->effective_version;
}

const char *
aero_vm_edit_get_name_error (AeroVmEdit *self)
{
  g_return_val_if_fail (AERO_IS_VM_EDIT (self), NULL);

  return self->name_error;
}

const char *
aero_vm_edit_get_memory_error (AeroVmEdit *self)
{
  g_return_val_if_fail (AERO_IS_VM_EDIT (self), NULL);

  return self->memory_error;
}

const char *
aero_vm_edit_get_guaranteed_error (AeroVmEdit *self)
{
  g_return_val_if_fail (AERO_IS_VM_EDIT (self), NULL);

  return self->guaranteed_error;
}

const char *
aero_vm_edit_get_max_memory_error (AeroVmEdit *self)
{
  g_return_val_if_fail (AERO_IS_VM_EDIT (self), NULL);

  return self->max_memory_error;
}

const char *
aero_vm_edit_get_cpu_error (AeroVmEdit *self)
{
  g_return_val_if_fail (AERO_IS_VM_EDIT (self), NULL);

  return self->cpu_error;
}

const char *
aero_vm_edit_get_cluster_error (AeroVmEdit *self)
{
  g_return_val_if_fail (AERO_IS_VM_EDIT (self), NULL);

  return self->cluster_error;
}

gboolean
aero_vm_edit_get_next_run_required (AeroVmEdit *self)
{
  g_return_val_if_fail (AERO_IS_VM_EDIT (self), FALSE);

  return self->next_run_required;
}

gboolean
aero_vm_edit_get_valid (AeroVmEdit *self)
{
  g_return_val_if_fail (AERO_IS_VM_EDIT (self), FALSE);

  return self->valid;
}

gboolean
aero_vm_edit_get_has_changes (AeroVmEdit *self)
{
  g_return_val_if_fail (AERO_IS_VM_EDIT (self), FALSE);

  return self->has_changes;
}

gboolean
aero_vm_edit_get_running (AeroVmEdit *self)
{
  g_return_val_if_fail (AERO_IS_VM_EDIT (self), FALSE);

  return self->vm != NULL && aero_vm_status_is_running (aero_vm_get_status (self->vm));
}

gboolean
aero_vm_edit_get_resource_allocation_editable (AeroVmEdit *self)
{
  g_return_val_if_fail (AERO_IS_VM_EDIT (self), FALSE);

  return aero_vm_edit_resource_allocation_editable (self);
}

const char *
aero_vm_edit_get_resource_allocation_reason (AeroVmEdit *self)
{
  g_return_val_if_fail (AERO_IS_VM_EDIT (self), NULL);

  if (aero_vm_edit_resource_allocation_editable (self))
    return NULL;

  return self->resource_allocation_reason;
}

void
aero_vm_edit_reset_original (AeroVmEdit *self,
                             AeroVm     *vm)
{
  g_return_if_fail (AERO_IS_VM_EDIT (self));
  g_return_if_fail (vm == NULL || AERO_IS_VM (vm));

  g_object_freeze_notify (G_OBJECT (self));

  if (vm != NULL && self->mode != AERO_VM_EDIT_TEMPLATE)
    {
      /* What the engine says now is the truth; the edits are dropped in
       * favour of it. */
      g_autoptr(AeroVmEdit) fresh = aero_vm_edit_new_for_vm (vm, self->clusters);

      g_set_object (&self->vm, fresh->vm);
      g_set_object (&self->original_template, NULL);
      g_free (self->original_cluster_id);
      self->original_cluster_id = g_strdup (fresh->original_cluster_id);
      self->mode = AERO_VM_EDIT_VM;
      self->orig_ballooning = fresh->orig_ballooning;
      values_copy (&self->orig, &fresh->orig);

      aero_vm_edit_set_cluster (self, fresh->cur.cluster);
      aero_vm_edit_set_name (self, fresh->cur.name);
      aero_vm_edit_set_description (self, fresh->cur.description);
      aero_vm_edit_set_comment (self, fresh->cur.comment);
      aero_vm_edit_set_custom_compatibility_version (self, fresh->cur.custom_version);
      store_vm_type (self, fresh->cur.vm_type);
      store_memory (self, fresh->cur.memory);
      store_guaranteed (self, fresh->cur.guaranteed);
      store_max_memory (self, fresh->cur.max_memory);
      store_int (self, &self->cur.cpu_sockets, fresh->cur.cpu_sockets, PROP_CPU_SOCKETS);
      store_int (self, &self->cur.cpu_cores, fresh->cur.cpu_cores, PROP_CPU_CORES);
      store_int (self, &self->cur.cpu_threads, fresh->cur.cpu_threads, PROP_CPU_THREADS);
      store_int (self, &self->cur.cpu_shares, fresh->cur.cpu_shares, PROP_CPU_SHARES);
      self->cur.ballooning = fresh->cur.ballooning;
    }
  else
    {
      /* The edits become the baseline. */
      g_free (self->original_cluster_id);
      self->original_cluster_id = g_strdup (aero_vm_edit_cluster_id (self->cur.cluster));
      if (self->ballooning_sensitive)
        self->orig_ballooning = self->ballooning ? AERO_TRISTATE_TRUE : AERO_TRISTATE_FALSE;
      values_copy (&self->orig, &self->cur);
    }

  aero_vm_edit_forget_conflicts (self);
  self->guaranteed_edited = FALSE;
  self->max_memory_edited = FALSE;
  /* A new VM once saved is a VM: has-changes means something again. */
  if (self->mode == AERO_VM_EDIT_NEW_VM)
    self->mode = AERO_VM_EDIT_VM;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VM]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BALLOONING_KNOWN]);
  sync_derived (self);
  g_object_thaw_notify (G_OBJECT (self));
}

void
aero_vm_edit_take_run_state (AeroVmEdit *self,
                             AeroVm     *current)
{
  g_return_if_fail (AERO_IS_VM_EDIT (self));
  g_return_if_fail (AERO_IS_VM (current));
  g_return_if_fail (self->vm != NULL);

  g_object_freeze_notify (G_OBJECT (self));
  aero_vm_take_running_state (self->vm, current);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);
  sync_derived (self);
  g_object_thaw_notify (G_OBJECT (self));
}

void
aero_vm_edit_take_members (AeroVmEdit         *self,
                           AeroVm             *vm,
                           const char * const *fields)
{
  /* The values as an edit of @vm starts with them: the same reading of
   * the engine's unset members as aero_vm_edit_new_for_vm (). */
  g_autoptr(AeroVmEdit) fresh = aero_vm_edit_new_for_vm (vm, self->clusters);

  g_object_freeze_notify (G_OBJECT (self));

  for (guint i = 0; fields[i] != NULL; i++)
    {
      const char *field = fields[i];

      if (g_str_equal (field, "name"))
        {
          replace_string (&self->orig.name, fresh->orig.name);
          aero_vm_edit_set_name (self, fresh->cur.name);
        }
      else if (g_str_equal (field, "description"))
        {
          replace_string (&self->orig.description, fresh->orig.description);
          aero_vm_edit_set_description (self, fresh->cur.description);
        }
      else if (g_str_equal (field, "comment"))
        {
          replace_string (&self->orig.comment, fresh->orig.comment);
          aero_vm_edit_set_comment (self, fresh->cur.comment);
        }
      else if (g_str_equal (field, "cluster"))
        {
          g_free (self->original_cluster_id);
          self->original_cluster_id = g_strdup (fresh->original_cluster_id);
          g_set_object (&self->orig.cluster, fresh->orig.cluster);
          aero_vm_edit_set_cluster (self, fresh->cur.cluster);
        }
      else if (g_str_equal (field, "vm-type"))
        {
          /* Their type, not the admin's balloon choice that a High
           * Performance type would otherwise uncheck. */
          gboolean ballooning = self->cur.ballooning;

          self->orig.vm_type = fresh->orig.vm_type;
          store_vm_type (self, fresh->cur.vm_type);
          self->cur.ballooning = ballooning;
        }
      else if (g_str_equal (field, "memory"))
        {
          self->orig.memory = fresh->orig.memory;
          store_memory (self, fresh->cur.memory);
        }
      else if (g_str_equal (field, "guaranteed"))
        {
          self->orig.guaranteed = fresh->orig.guaranteed;
          store_guaranteed (self, fresh->cur.guaranteed);
        }
      else if (g_str_equal (field, "max-memory"))
        {
          self->orig.max_memory = fresh->orig.max_memory;
          store_max_memory (self, fresh->cur.max_memory);
        }
      else if (g_str_equal (field, "ballooning"))
        {
          self->orig_ballooning = fresh->orig_ballooning;
          self->orig.ballooning = fresh->orig.ballooning;
          self->cur.ballooning = fresh->cur.ballooning;
        }
      else if (g_str_equal (field, "cpu"))
        {
          self->orig.cpu_sockets = fresh->orig.cpu_sockets;
          self->orig.cpu_cores = fresh->orig.cpu_cores;
          self->orig.cpu_threads = fresh->orig.cpu_threads;
          store_int (self, &self->cur.cpu_sockets, fresh->cur.cpu_sockets, PROP_CPU_SOCKETS);
          store_int (self, &self->cur.cpu_cores, fresh->cur.cpu_cores, PROP_CPU_CORES);
          store_int (self, &self->cur.cpu_threads, fresh->cur.cpu_threads, PROP_CPU_THREADS);
        }
      else if (g_str_equal (field, "cpu-shares"))
        {
          self->orig.cpu_shares = fresh->orig.cpu_shares;
          store_int (self, &self->cur.cpu_shares, fresh->cur.cpu_shares, PROP_CPU_SHARES);
        }
    }

  sync_derived (self);
  g_object_thaw_notify (G_OBJECT (self));
}

/* ------------------------------------------------------------------ */
/* Next run                                                            */
/* ------------------------------------------------------------------ */

gboolean
aero_vm_edit_get_apply_later (AeroVmEdit *self)
{
  g_return_val_if_fail (AERO_IS_VM_EDIT (self), FALSE);

  return self->apply_later;
}

void
aero_vm_edit_set_apply_later (AeroVmEdit *self,
                              gboolean    apply_later)
{
  g_return_if_fail (AERO_IS_VM_EDIT (self));

  if (self->apply_later == !!apply_later)
    return;
  self->apply_later = !!apply_later;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_APPLY_LATER]);
}

gboolean
aero_vm_edit_get_sends_next_run (AeroVmEdit *self)
{
  g_return_val_if_fail (AERO_IS_VM_EDIT (self), FALSE);

  /* Some edits of a running VM are refused, or partly dropped, by the
   * engine unless they are sent as a next-run configuration (e.g. memory
   * added in other than 256 MiB steps): next-run-required knows which. */
  return self->mode == AERO_VM_EDIT_VM && aero_vm_edit_get_running (self) &&
         (self->apply_later || self->next_run_required);
}

/* ------------------------------------------------------------------ */
/* Memory limits and derivations                                       */
/* ------------------------------------------------------------------ */

gint64
aero_vm_edit_get_max_memory_limit (AeroVmEdit *self)
{
  g_return_val_if_fail (AERO_IS_VM_EDIT (self), AERO_UNSET);

  return self->max_memory_limit;
}

void
aero_vm_edit_set_max_memory_limit (AeroVmEdit *self,
                                   gint64      mib)
{
  g_return_if_fail (AERO_IS_VM_EDIT (self));

  if (mib <= 0)
    mib = AERO_UNSET;
  if (self->max_memory_limit == mib)
    return;

  g_object_freeze_notify (G_OBJECT (self));
  self->max_memory_limit = mib;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MAX_MEMORY_LIMIT]);
  sync_derived (self);
  g_object_thaw_notify (G_OBJECT (self));
}

const char *
aero_vm_edit_get_memory_note (AeroVmEdit *self)
{
  g_return_val_if_fail (AERO_IS_VM_EDIT (self), NULL);

  return self->memory_note;
}

/* aero_vm_edit_follow_engine () has set a new engine release: what a
 * template's Resource Allocation tab allows may have changed. */
void
aero_vm_edit_engine_changed (AeroVmEdit *self,
                             gboolean    was_editable)
{
  g_autofree char *version = aero_engine_version_to_string (&self->engine_version);

  g_object_freeze_notify (G_OBJECT (self));
  g_clear_pointer (&self->resource_allocation_reason, g_free);
  if (version != NULL)
    /* TRANSLATORS: %s is the engine's version, e.g. "3.6.0" */
    self->resource_allocation_reason =
      g_strdup_printf (_("The resource allocation of a template can be edited with oVirt Engine 3.6.1 or later (this engine: %s)."),
                       version);
  if (was_editable != aero_vm_edit_resource_allocation_editable (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RESOURCE_ALLOCATION_EDITABLE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RESOURCE_ALLOCATION_REASON]);
  sync_derived (self);
  g_object_thaw_notify (G_OBJECT (self));
}

/* ------------------------------------------------------------------ */
/* Custom compatibility version                                        */
/* ------------------------------------------------------------------ */

AeroVersion *
aero_vm_edit_get_custom_compatibility_version (AeroVmEdit *self)
{
  g_return_val_if_fail (AERO_IS_VM_EDIT (self), NULL);

  return self->cur.custom_version;
}

void
aero_vm_edit_set_custom_compatibility_version (AeroVmEdit  *self,
                                               AeroVersion *version)
{
  g_return_if_fail (AERO_IS_VM_EDIT (self));
  g_return_if_fail (version == NULL || AERO_IS_VERSION (version));

  if (versions_equal (self->cur.custom_version, version))
    return;

  g_object_freeze_notify (G_OBJECT (self));
  g_set_object (&self->cur.custom_version, version);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CUSTOM_VERSION]);
  sync_derived (self);
  g_object_thaw_notify (G_OBJECT (self));
}

static gint
compare_versions_cb (gconstpointer a,
                     gconstpointer b)
{
  return aero_version_compare (*(AeroVersion **) a, *(AeroVersion **) b);
}

static void
add_version (GPtrArray   *versions,
             AeroVersion *version)
{
  if (version == NULL)
    return;
  for (guint i = 0; i < versions->len; i++)
    if (aero_version_equal (g_ptr_array_index (versions, i), version))
      return;
  g_ptr_array_add (versions, g_object_ref (version));
}

/* webadmin offers the data center's versions (VmModelBehaviorBase.
 * updateCompatibilityVersion: getDataCenterVersions), plus the VM's own
 * (ExistingVmModelBehavior.loadDataCenter). The levels of the clusters
 * of the same data center stand for the data center's here, with the
 * original and current custom level kept choosable. */
GPtrArray *
aero_vm_edit_list_custom_versions (AeroVmEdit *self)
{
  GPtrArray *versions;
  const char *data_center = NULL;
  guint n;

  g_return_val_if_fail (AERO_IS_VM_EDIT (self), NULL);

  versions = g_ptr_array_new_with_free_func (g_object_unref);
  if (self->cur.cluster != NULL)
    data_center = aero_cluster_get_data_center_id (self->cur.cluster);

  n = self->clusters != NULL ? g_list_model_get_n_items (self->clusters) : 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AeroCluster) cluster = g_list_model_get_item (self->clusters, i);

      if (data_center == NULL
          || g_strcmp0 (aero_cluster_get_data_center_id (cluster), data_center) == 0)
        add_version (versions, aero_cluster_get_version (cluster));
    }
  add_version (versions, self->orig.custom_version);
  add_version (versions, self->cur.custom_version);
  g_ptr_array_sort (versions, compare_versions_cb);

  return versions;
}
