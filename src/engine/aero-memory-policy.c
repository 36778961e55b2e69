/* aero-memory-policy.c - memory_policy of a VM or template
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

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

static const AeroModelField fields[] = {
  AERO_MODEL_FIELD (PROP_GUARANTEED, "guaranteed", AERO_MODEL_INT64, AeroMemoryPolicy, guaranteed),
  AERO_MODEL_FIELD (PROP_MAX, "max", AERO_MODEL_INT64, AeroMemoryPolicy, max),
  AERO_MODEL_FIELD (PROP_BALLOONING, "ballooning", AERO_MODEL_TRISTATE, AeroMemoryPolicy, ballooning),
};

static void
aero_memory_policy_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  const AeroModelField *field = aero_model_find_field (fields, G_N_ELEMENTS (fields), prop_id);

  if (field != NULL)
    aero_model_get_field (object, field, value);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
aero_memory_policy_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  const AeroModelField *field = aero_model_find_field (fields, G_N_ELEMENTS (fields), prop_id);

  if (field == NULL)
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
  else if (aero_model_set_field (object, field, value))
    g_object_notify_by_pspec (object, properties[prop_id]);
}

static void
aero_memory_policy_class_init (AeroMemoryPolicyClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = aero_memory_policy_get_property;
  object_class->set_property = aero_memory_policy_set_property;

  aero_model_install_fields (properties, fields, G_N_ELEMENTS (fields));
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
aero_memory_policy_init (AeroMemoryPolicy *self)
{
  aero_model_init_fields (self, fields, G_N_ELEMENTS (fields));
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
  aero_model_copy_fields (copy, self, fields, G_N_ELEMENTS (fields));

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
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      if (aero_model_update_field (self, other, &fields[i]))
        g_object_notify_by_pspec (G_OBJECT (self), properties[fields[i].prop_id]);
    }
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
