/* aero-model.c - the plain properties of the model classes, driven by
 * their AeroModelField tables (see aero-model-private.h)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "aero-enum-types.h"
#include "aero-model-private.h"

#define FIELD_STRING(instance, field)   G_STRUCT_MEMBER (char *, instance, (field)->offset)
#define FIELD_INT(instance, field)      G_STRUCT_MEMBER (int, instance, (field)->offset)
#define FIELD_INT64(instance, field)    G_STRUCT_MEMBER (gint64, instance, (field)->offset)
#define FIELD_TRISTATE(instance, field) G_STRUCT_MEMBER (AeroTristate, instance, (field)->offset)
#define FIELD_VERSION(instance, field)  G_STRUCT_MEMBER (AeroVersion *, instance, (field)->offset)

static GParamSpec *
field_param_spec (const AeroModelField *field)
{
  switch (field->kind)
    {
    case AERO_MODEL_STRING:
      return g_param_spec_string (field->name, NULL, NULL,
                                  NULL, AERO_MODEL_PARAM_FLAGS);
    case AERO_MODEL_INT:
      return g_param_spec_int (field->name, NULL, NULL,
                               AERO_UNSET, G_MAXINT, AERO_UNSET, AERO_MODEL_PARAM_FLAGS);
    case AERO_MODEL_INT64:
      return g_param_spec_int64 (field->name, NULL, NULL,
                                 AERO_UNSET, G_MAXINT64, AERO_UNSET, AERO_MODEL_PARAM_FLAGS);
    case AERO_MODEL_ENUM:
      return g_param_spec_enum (field->name, NULL, NULL,
                                field->enum_type (), 0, AERO_MODEL_PARAM_FLAGS);
    case AERO_MODEL_TRISTATE:
      return g_param_spec_enum (field->name, NULL, NULL,
                                AERO_TYPE_TRISTATE, AERO_TRISTATE_UNKNOWN,
                                AERO_MODEL_PARAM_FLAGS);
    case AERO_MODEL_VERSION:
      return g_param_spec_object (field->name, NULL, NULL,
                                  AERO_TYPE_VERSION, AERO_MODEL_PARAM_FLAGS);
    default:
      g_assert_not_reached ();
    }
}

void
aero_model_install_fields (GParamSpec           **properties,
                           const AeroModelField  *fields,
                           guint                  n_fields)
{
  for (guint i = 0; i < n_fields; i++)
    properties[fields[i].prop_id] = field_param_spec (&fields[i]);
}

void
aero_model_init_fields (gpointer              instance,
                        const AeroModelField *fields,
                        guint                 n_fields)
{
  for (guint i = 0; i < n_fields; i++)
    {
      const AeroModelField *field = &fields[i];

      if (field->kind == AERO_MODEL_INT)
        FIELD_INT (instance, field) = AERO_UNSET;
      else if (field->kind == AERO_MODEL_INT64)
        FIELD_INT64 (instance, field) = AERO_UNSET;
      else if (field->kind == AERO_MODEL_TRISTATE)
        FIELD_TRISTATE (instance, field) = AERO_TRISTATE_UNKNOWN;
    }
}

void
aero_model_clear_fields (gpointer              instance,
                         const AeroModelField *fields,
                         guint                 n_fields)
{
  for (guint i = 0; i < n_fields; i++)
    {
      const AeroModelField *field = &fields[i];

      if (field->kind == AERO_MODEL_STRING)
        g_clear_pointer (&FIELD_STRING (instance, field), g_free);
      else if (field->kind == AERO_MODEL_VERSION)
        g_clear_object (&FIELD_VERSION (instance, field));
    }
}

void
aero_model_copy_fields (gpointer              dest,
                        gpointer              src,
                        const AeroModelField *fields,
                        guint                 n_fields)
{
  for (guint i = 0; i < n_fields; i++)
    {
      const AeroModelField *field = &fields[i];

      switch (field->kind)
        {
        case AERO_MODEL_STRING:
          FIELD_STRING (dest, field) = g_strdup (FIELD_STRING (src, field));
          break;
        case AERO_MODEL_INT:
        case AERO_MODEL_ENUM:
        case AERO_MODEL_TRISTATE:
          FIELD_INT (dest, field) = FIELD_INT (src, field);
          break;
        case AERO_MODEL_INT64:
          FIELD_INT64 (dest, field) = FIELD_INT64 (src, field);
          break;
        case AERO_MODEL_VERSION:
          FIELD_VERSION (dest, field) = aero_model_copy_version (FIELD_VERSION (src, field));
          break;
        default:
          g_assert_not_reached ();
        }
    }
}

const AeroModelField *
aero_model_find_field (const AeroModelField *fields,
                       guint                 n_fields,
                       guint                 prop_id)
{
  for (guint i = 0; i < n_fields; i++)
    {
      if (fields[i].prop_id == prop_id)
        return &fields[i];
    }

  return NULL;
}

void
aero_model_get_field (gpointer              instance,
                      const AeroModelField *field,
                      GValue               *value)
{
  switch (field->kind)
    {
    case AERO_MODEL_STRING:
      g_value_set_string (value, FIELD_STRING (instance, field));
      break;
    case AERO_MODEL_INT:
      g_value_set_int (value, FIELD_INT (instance, field));
      break;
    case AERO_MODEL_INT64:
      g_value_set_int64 (value, FIELD_INT64 (instance, field));
      break;
    case AERO_MODEL_ENUM:
    case AERO_MODEL_TRISTATE:
      g_value_set_enum (value, FIELD_INT (instance, field));
      break;
    case AERO_MODEL_VERSION:
      g_value_set_object (value, FIELD_VERSION (instance, field));
      break;
    default:
      g_assert_not_reached ();
    }
}

/* An enum member is compared and stored as it comes: every value of its
 * type is a valid one. */
static gboolean
set_enum (int *field,
          int  value)
{
  if (*field == value)
    return FALSE;
  *field = value;
  return TRUE;
}

gboolean
aero_model_set_field (gpointer              instance,
                      const AeroModelField *field,
                      const GValue         *value)
{
  switch (field->kind)
    {
    case AERO_MODEL_STRING:
      return aero_model_set_string (&FIELD_STRING (instance, field), g_value_get_string (value));
    case AERO_MODEL_INT:
      return aero_model_set_int (&FIELD_INT (instance, field), g_value_get_int (value));
    case AERO_MODEL_INT64:
      return aero_model_set_int64 (&FIELD_INT64 (instance, field), g_value_get_int64 (value));
    case AERO_MODEL_ENUM:
      return set_enum (&FIELD_INT (instance, field), g_value_get_enum (value));
    case AERO_MODEL_TRISTATE:
      return aero_model_set_tristate (&FIELD_TRISTATE (instance, field), g_value_get_enum (value));
    case AERO_MODEL_VERSION:
      return aero_model_set_version (&FIELD_VERSION (instance, field), g_value_get_object (value));
    default:
      g_assert_not_reached ();
    }
}

gboolean
aero_model_update_field (gpointer              instance,
                         gpointer              other,
                         const AeroModelField *field)
{
  switch (field->kind)
    {
    case AERO_MODEL_STRING:
      return aero_model_set_string (&FIELD_STRING (instance, field), FIELD_STRING (other, field));
    case AERO_MODEL_INT:
      return aero_model_set_int (&FIELD_INT (instance, field), FIELD_INT (other, field));
    case AERO_MODEL_INT64:
      return aero_model_set_int64 (&FIELD_INT64 (instance, field), FIELD_INT64 (other, field));
    case AERO_MODEL_ENUM:
      return set_enum (&FIELD_INT (instance, field), FIELD_INT (other, field));
    case AERO_MODEL_TRISTATE:
      return aero_model_set_tristate (&FIELD_TRISTATE (instance, field),
                                      FIELD_TRISTATE (other, field));
    case AERO_MODEL_VERSION:
      return aero_model_set_version (&FIELD_VERSION (instance, field),
                                     FIELD_VERSION (other, field));
    default:
      g_assert_not_reached ();
    }
}
