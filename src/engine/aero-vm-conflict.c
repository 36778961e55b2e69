/* aero-vm-conflict.c - lost updates: oVirt has no ETags, so two admins
 * editing one VM write over each other. Sending only changed members is
 * the main defence; this is the other: just before the PUT the VM is read
 * again, and each member the admin changed is compared between the read
 * the edit started from and now. A difference means someone else changed
 * it meanwhile: both values are shown and the admin decides.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "aero-types.h"
#include "aero-memory-policy.h"
#include "aero-vm-change.h"
#include "aero-vm-conflict.h"

struct _AeroVmConflict
{
  GObject  parent_instance;

  char    *field;
  char    *label;
  char    *read_value;
  char    *current_value;
  char    *new_value;
};

G_DEFINE_FINAL_TYPE (AeroVmConflict, aero_vm_conflict, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_FIELD,
  PROP_LABEL,
  PROP_READ_VALUE,
  PROP_CURRENT_VALUE,
  PROP_NEW_VALUE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
aero_vm_conflict_finalize (GObject *object)
{
  AeroVmConflict *self = AERO_VM_CONFLICT (object);

  g_free (self->field);
  g_free (self->label);
  g_free (self->read_value);
  g_free (self->current_value);
  g_free (self->new_value);

  G_OBJECT_CLASS (aero_vm_conflict_parent_class)->finalize (object);
}

static char **
field_for_prop (AeroVmConflict *self,
                guint           prop_id)
{
  switch (prop_id)
    {
    case PROP_FIELD:
      return &self->field;
    case PROP_LABEL:
      return &self->label;
    case PROP_READ_VALUE:
      return &self->read_value;
    case PROP_CURRENT_VALUE:
      return &self->current_value;
    case PROP_NEW_VALUE:
      return &self->new_value;
    default:
      return NULL;
    }
}

static void
aero_vm_conflict_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  char **field = field_for_prop (AERO_VM_CONFLICT (object), prop_id);

  if (field == NULL)
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
  else
    g_value_set_string (value, *field);
}

static void
aero_vm_conflict_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  char **field = field_for_prop (AERO_VM_CONFLICT (object), prop_id);

  if (field == NULL)
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
  else
    {
      g_free (*field);
      *field = g_value_dup_string (value);
    }
}

static void
aero_vm_conflict_class_init (AeroVmConflictClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const char *names[N_PROPS] = {
    NULL, "field", "label", "read-value", "current-value", "new-value",
  };

  object_class->finalize = aero_vm_conflict_finalize;
  object_class->get_property = aero_vm_conflict_get_property;
  object_class->set_property = aero_vm_conflict_set_property;

  for (guint i = PROP_FIELD; i < N_PROPS; i++)
    properties[i] = g_param_spec_string (names[i], NULL, NULL, NULL,
                                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                                         G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
aero_vm_conflict_init (AeroVmConflict *self)
{
}

const char *
aero_vm_conflict_get_field (AeroVmConflict *self)
{
  g_return_val_if_fail (AERO_IS_VM_CONFLICT (self), NULL);
  return self->field;
}

const char *
aero_vm_conflict_get_label (AeroVmConflict *self)
{
  g_return_val_if_fail (AERO_IS_VM_CONFLICT (self), NULL);
  return self->label;
}

const char *
aero_vm_conflict_get_read_value (AeroVmConflict *self)
{
  g_return_val_if_fail (AERO_IS_VM_CONFLICT (self), NULL);
  return self->read_value;
}

const char *
aero_vm_conflict_get_current_value (AeroVmConflict *self)
{
  g_return_val_if_fail (AERO_IS_VM_CONFLICT (self), NULL);
  return self->current_value;
}

const char *
aero_vm_conflict_get_new_value (AeroVmConflict *self)
{
  g_return_val_if_fail (AERO_IS_VM_CONFLICT (self), NULL);
  return self->new_value;
}

/* --- comparing -------------------------------------------------------- */

static char *
size_text (gint64 bytes)
{
  if (bytes < 0)
    return g_strdup ("");
  /* TRANSLATORS: a memory size in MiB, as the dialog shows it */
  return g_strdup_printf (_("%" G_GINT64_FORMAT " MB"), bytes / (1024 * 1024));
}

static char *
tristate_text (AeroTristate value)
{
  switch (value)
    {
    case AERO_TRISTATE_TRUE:
      return g_strdup (_("On"));
    case AERO_TRISTATE_FALSE:
      return g_strdup (_("Off"));
    case AERO_TRISTATE_UNKNOWN:
    default:
      return g_strdup ("");
    }
}

static char *
number_text (int value)
{
  return value < 0 ? g_strdup ("") : g_strdup_printf ("%d", value);
}

static char *
cpu_text (AeroVm *vm)
{
  int sockets = aero_vm_get_cpu_sockets (vm);
  int cores = aero_vm_get_cpu_cores (vm);
  int threads = aero_vm_get_cpu_threads (vm);

  if (sockets < 0 || cores < 0 || threads < 0)
    return g_strdup ("");
  /* TRANSLATORS: total virtual CPUs, then sockets:cores:threads */
  return g_strdup_printf (_("%d (%d:%d:%d)"), sockets * cores * threads, sockets, cores, threads);
}

/* The display text of @field of @vm; NULL for a field not compared. The
 * texts compare equal exactly when the values do. */
static char *
field_text (AeroVm     *vm,
            const char *field)
{
  AeroMemoryPolicy *policy = aero_vm_get_memory_policy (vm);

  if (g_str_equal (field, "name"))
    return g_strdup (aero_vm_get_name (vm) != NULL ? aero_vm_get_name (vm) : "");
  if (g_str_equal (field, "description"))
    return g_strdup (aero_vm_get_description (vm) != NULL ? aero_vm_get_description (vm) : "");
  if (g_str_equal (field, "comment"))
    return g_strdup (aero_vm_get_comment (vm) != NULL ? aero_vm_get_comment (vm) : "");
  if (g_str_equal (field, "cluster"))
    return g_strdup (aero_vm_get_cluster_id (vm) != NULL ? aero_vm_get_cluster_id (vm) : "");
  if (g_str_equal (field, "template"))
    return g_strdup (aero_vm_get_template_id (vm) != NULL ? aero_vm_get_template_id (vm) : "");
  if (g_str_equal (field, "vm-type"))
    {
      const char *type = aero_vm_type_to_wire (aero_vm_get_vm_type (vm));

      return g_strdup (type != NULL ? type : "");
    }
  if (g_str_equal (field, "memory"))
    return g_strdup_printf ("%" G_GINT64_FORMAT, aero_vm_get_memory (vm));
  if (g_str_equal (field, "max-memory"))
    return g_strdup_printf ("%" G_GINT64_FORMAT, aero_memory_policy_get_max (policy));
  if (g_str_equal (field, "guaranteed"))
    return g_strdup_printf ("%" G_GINT64_FORMAT, aero_memory_policy_get_guaranteed (policy));
  if (g_str_equal (field, "ballooning"))
    return g_strdup_printf ("%d", aero_memory_policy_get_ballooning (policy));
  if (g_str_equal (field, "cpu"))
    return cpu_text (vm);
  if (g_str_equal (field, "cpu-shares"))
    return number_text (aero_vm_get_cpu_shares (vm));

  return NULL;
}

/* What the admin sees for @field of @vm. */
static char *
display_text (AeroVm     *vm,
              const char *field)
{
  AeroMemoryPolicy *policy = aero_vm_get_memory_policy (vm);

  if (g_str_equal (field, "memory"))
    return size_text (aero_vm_get_memory (vm));
  if (g_str_equal (field, "max-memory"))
    return size_text (aero_memory_policy_get_max (policy));
  if (g_str_equal (field, "guaranteed"))
    return size_text (aero_memory_policy_get_guaranteed (policy));
  if (g_str_equal (field, "ballooning"))
    return tristate_text (aero_memory_policy_get_ballooning (policy));

  return field_text (vm, field);
}

GPtrArray *
aero_vm_find_conflicts (AeroVm    *read,
                        AeroVm    *current,
                        GPtrArray *changes)
{
  GPtrArray *conflicts = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_val_if_fail (AERO_IS_VM (read), conflicts);
  g_return_val_if_fail (AERO_IS_VM (current), conflicts);
  g_return_val_if_fail (changes != NULL, conflicts);

  for (guint i = 0; i < changes->len; i++)
    {
      AeroVmChange *change = g_ptr_array_index (changes, i);
      const char *field = aero_vm_change_get_field (change);
      g_autofree char *before = field_text (read, field);
      g_autofree char *now = field_text (current, field);
      g_autofree char *read_text = NULL;
      g_autofree char *current_text = NULL;

      if (before == NULL || now == NULL || g_str_equal (before, now))
        continue;

      read_text = display_text (read, field);
      current_text = display_text (current, field);
      g_ptr_array_add (conflicts,
                       g_object_new (AERO_TYPE_VM_CONFLICT,
                                     "field", field,
                                     "label", aero_vm_change_get_label (change),
                                     "read-value", read_text,
                                     "current-value", current_text,
                                     "new-value", aero_vm_change_get_new_value (change),
                                     NULL));
    }

  return conflicts;
}
