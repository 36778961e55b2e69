/* aero-vm-change.c - one row of "Pending Virtual Machine changes"
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "aero-enum-types.h"
#include "aero-vm-change.h"

struct _AeroVmChange
{
  GObject           parent_instance;

  char             *field;
  char             *label;
  char             *old_value;
  char             *new_value;
  AeroVmChangeWhen  when;
};

G_DEFINE_FINAL_TYPE (AeroVmChange, aero_vm_change, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_FIELD,
  PROP_LABEL,
  PROP_OLD_VALUE,
  PROP_NEW_VALUE,
  PROP_WHEN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
aero_vm_change_finalize (GObject *object)
{
  AeroVmChange *self = AERO_VM_CHANGE (object);

  g_clear_pointer (&self->field, g_free);
  g_clear_pointer (&self->label, g_free);
  g_clear_pointer (&self->old_value, g_free);
  g_clear_pointer (&self->new_value, g_free);

  G_OBJECT_CLASS (aero_vm_change_parent_class)->finalize (object);
}

static void
aero_vm_change_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  AeroVmChange *self = AERO_VM_CHANGE (object);

  switch (prop_id)
    {
    case PROP_FIELD:
      g_value_set_string (value, self->field);
      break;
    case PROP_LABEL:
      g_value_set_string (value, self->label);
      break;
    case PROP_OLD_VALUE:
      g_value_set_string (value, self->old_value);
      break;
    case PROP_NEW_VALUE:
      g_value_set_string (value, self->new_value);
      break;
    case PROP_WHEN:
      g_value_set_enum (value, self->when);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
aero_vm_change_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  AeroVmChange *self = AERO_VM_CHANGE (object);

  switch (prop_id)
    {
    case PROP_FIELD:
      self->field = g_value_dup_string (value);
      break;
    case PROP_LABEL:
      self->label = g_value_dup_string (value);
      break;
    case PROP_OLD_VALUE:
      self->old_value = g_value_dup_string (value);
      break;
    case PROP_NEW_VALUE:
      self->new_value = g_value_dup_string (value);
      break;
    case PROP_WHEN:
      self->when = g_value_get_enum (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
aero_vm_change_class_init (AeroVmChangeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = aero_vm_change_finalize;
  object_class->get_property = aero_vm_change_get_property;
  object_class->set_property = aero_vm_change_set_property;

  properties[PROP_FIELD] = g_param_spec_string ("field", NULL, NULL, NULL, flags);
  properties[PROP_LABEL] = g_param_spec_string ("label", NULL, NULL, NULL, flags);
  properties[PROP_OLD_VALUE] = g_param_spec_string ("old-value", NULL, NULL, NULL, flags);
  properties[PROP_NEW_VALUE] = g_param_spec_string ("new-value", NULL, NULL, NULL, flags);
  properties[PROP_WHEN] = g_param_spec_enum ("when", NULL, NULL,
                                             AERO_TYPE_VM_CHANGE_WHEN,
                                             AERO_VM_CHANGE_NOW, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
aero_vm_change_init (AeroVmChange *self)
{
}

AeroVmChange *
aero_vm_change_new (const char       *field,
                    const char       *label,
                    const char       *old_value,
                    const char       *new_value,
                    AeroVmChangeWhen  when)
{
  g_return_val_if_fail (field != NULL, NULL);
  g_return_val_if_fail (label != NULL, NULL);

  return g_object_new (AERO_TYPE_VM_CHANGE,
                       "field", field,
                       "label", label,
                       "old-value", old_value != NULL ? old_value : "",
                       "new-value", new_value != NULL ? new_value : "",
                       "when", when,
                       NULL);
}

const char *
aero_vm_change_get_field (AeroVmChange *self)
{
  g_return_val_if_fail (AERO_IS_VM_CHANGE (self), NULL);

  return self->field;
}

const char *
aero_vm_change_get_label (AeroVmChange *self)
{
  g_return_val_if_fail (AERO_IS_VM_CHANGE (self), NULL);

  return self->label;
}

const char *
aero_vm_change_get_old_value (AeroVmChange *self)
{
  g_return_val_if_fail (AERO_IS_VM_CHANGE (self), NULL);

  return self->old_value;
}

const char *
aero_vm_change_get_new_value (AeroVmChange *self)
{
  g_return_val_if_fail (AERO_IS_VM_CHANGE (self), NULL);

  return self->new_value;
}

AeroVmChangeWhen
aero_vm_change_get_when (AeroVmChange *self)
{
  g_return_val_if_fail (AERO_IS_VM_CHANGE (self), AERO_VM_CHANGE_NOW);

  return self->when;
}
