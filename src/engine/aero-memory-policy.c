/* aero-memory-policy.c - memory_policy of a VM or template
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "aero-enum-types.h"
#include "aero-memory-policy.h"
#include "aero-model-private.h"

struct _AeroMemoryPolicy
{
  GObject parent_instance;

  gint64 guaranteed;
  gint64 max;
  AeroTristate ballooning;
};

G_DEFINE_FINAL_TYPE (AeroMemoryPolicy, aero_memory_policy, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_GUARANTEED,
  PROP_MAX,
  PROP_BALLOONING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
aero_memory_policy_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  AeroMemoryPolicy *self = AERO_MEMORY_POLICY (object);

  switch (prop_id)
    {
    case PROP_GUARANTEED:
      g_value_set_int64 (value, self->guaranteed);
      break;
    case PROP_MAX:
      g_value_set_int64 (value, self->max);
      break;
    case PROP_BALLOONING:
      g_value_set_enum (value, self->ballooning);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
aero_memory_policy_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  AeroMemoryPolicy *self = AERO_MEMORY_POLICY (object);

  switch (prop_id)
    {
    case PROP_GUARANTEED:
      aero_memory_policy_set_guaranteed (self, g_value_get_int64 (value));
      break;
    case PROP_MAX:
      aero_memory_policy_set_max (self, g_value_get_int64 (value));
      break;
    case PROP_BALLOONING:
      aero_memory_policy_set_ballooning (self, g_value_get_enum (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
aero_memory_policy_class_init (AeroMemoryPolicyClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = aero_memory_policy_get_property;
  object_class->set_property = aero_memory_policy_set_property;

  properties[PROP_GUARANTEED] =
    g_param_spec_int64 ("guaranteed", NULL, NULL,
                        AERO_UNSET, G_MAXINT64, AERO_UNSET, AERO_MODEL_PARAM_FLAGS);
  properties[PROP_MAX] =
    g_param_spec_int64 ("max", NULL, NULL,
                        AERO_UNSET, G_MAXINT64, AERO_UNSET, AERO_MODEL_PARAM_FLAGS);
  properties[PROP_BALLOONING] =
    g_param_spec_enum ("ballooning", NULL, NULL,
                       AERO_TYPE_TRISTATE, AERO_TRISTATE_UNKNOWN, AERO_MODEL_PARAM_FLAGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
aero_memory_policy_init (AeroMemoryPolicy *self)
{
  self->guaranteed = AERO_UNSET;
  self->max = AERO_UNSET;
  self->ballooning = AERO_TRISTATE_UNKNOWN;
}

AeroMemoryPolicy *
aero_memory_policy_new (void)
{
  return g_object_new (AERO_TYPE_MEMORY_POLICY, NULL);
}

AeroMemoryPolicy *
aero_memory_policy_copy (AeroMemoryPolicy *self)
{
  AeroMemoryPolicy *copy;

  g_return_val_if_fail (AERO_IS_MEMORY_POLICY (self), NULL);

  copy = aero_memory_policy_new ();
  copy->guaranteed = self->guaranteed;
  copy->max = self->max;
  copy->ballooning = self->ballooning;

  return copy;
}

void
aero_memory_policy_update_from (AeroMemoryPolicy *self,
                                AeroMemoryPolicy *other)
{
  g_return_if_fail (AERO_IS_MEMORY_POLICY (self));
  g_return_if_fail (AERO_IS_MEMORY_POLICY (other));

  /* One notification burst, so a binding sees a consistent policy. */
  g_object_freeze_notify (G_OBJECT (self));
  aero_memory_policy_set_guaranteed (self, other->guaranteed);
  aero_memory_policy_set_max (self, other->max);
  aero_memory_policy_set_ballooning (self, other->ballooning);
  g_object_thaw_notify (G_OBJECT (self));
}

gboolean
aero_memory_policy_equal (AeroMemoryPolicy *a,
                          AeroMemoryPolicy *b)
{
  if (a == b)
    return TRUE;
  if (a == NULL || b == NULL)
    return FALSE;

  return a->guaranteed == b->guaranteed &&
         a->max == b->max &&
         a->ballooning == b->ballooning;
}

gint64
aero_memory_policy_get_guaranteed (AeroMemoryPolicy *self)
{
  g_return_val_if_fail (AERO_IS_MEMORY_POLICY (self), AERO_UNSET);

  return self->guaranteed;
}

void
aero_memory_policy_set_guaranteed (AeroMemoryPolicy *self,
                                   gint64            bytes)
{
  g_return_if_fail (AERO_IS_MEMORY_POLICY (self));

  if (aero_model_set_int64 (&self->guaranteed, bytes))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_GUARANTEED]);
}

gint64
aero_memory_policy_get_max (AeroMemoryPolicy *self)
{
  g_return_val_if_fail (AERO_IS_MEMORY_POLICY (self), AERO_UNSET);

  return self->max;
}

void
aero_memory_policy_set_max (AeroMemoryPolicy *self,
                            gint64            bytes)
{
  g_return_if_fail (AERO_IS_MEMORY_POLICY (self));

  if (aero_model_set_int64 (&self->max, bytes))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MAX]);
}

AeroTristate
aero_memory_policy_get_ballooning (AeroMemoryPolicy *self)
{
  g_return_val_if_fail (AERO_IS_MEMORY_POLICY (self), AERO_TRISTATE_UNKNOWN);

  return self->ballooning;
}

void
aero_memory_policy_set_ballooning (AeroMemoryPolicy *self,
                                   AeroTristate      ballooning)
{
  g_return_if_fail (AERO_IS_MEMORY_POLICY (self));

  if (aero_model_set_tristate (&self->ballooning, ballooning))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BALLOONING]);
}
