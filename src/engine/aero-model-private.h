/* aero-model-private.h - small helpers shared by the model classes
 *
 * The models notify only on real changes (G_PARAM_EXPLICIT_NOTIFY), so
 * every setter first asks one of these whether the value differs.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <string.h>

#include <glib-object.h>

#include "aero-types.h"
#include "aero-version.h"

G_BEGIN_DECLS

#define AERO_MODEL_PARAM_FLAGS \
  (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS)
#define AERO_MODEL_PARAM_RO_FLAGS \
  (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS)

/* Replaces *@field by a copy of @value; TRUE when it changed. The copy
 * is made first, so @value may point into the old string. (g_set_str()
 * does this from GLib 2.76; the floor is 2.74.) */
static inline gboolean
aero_model_set_string (char       **field,
                       const char  *value)
{
  char *copy;

  if (*field == value || g_strcmp0 (*field, value) == 0)
    return FALSE;
  copy = g_strdup (value);
  g_free (*field);
  *field = copy;
  return TRUE;
}

/* Any negative number is "unset": the engine never sends one for the
 * sizes and counts the models hold. */
static inline gboolean
aero_model_set_int64 (gint64 *field,
                      gint64  value)
{
  if (value < 0)
    value = AERO_UNSET;
  if (*field == value)
    return FALSE;
  *field = value;
  return TRUE;
}

static inline gboolean
aero_model_set_int (int *field,
                    int  value)
{
  if (value < 0)
    value = AERO_UNSET;
  if (*field == value)
    return FALSE;
  *field = value;
  return TRUE;
}

static inline gboolean
aero_model_set_tristate (AeroTristate *field,
                         AeroTristate  value)
{
  if (value != AERO_TRISTATE_FALSE && value != AERO_TRISTATE_TRUE)
    value = AERO_TRISTATE_UNKNOWN;
  if (*field == value)
    return FALSE;
  *field = value;
  return TRUE;
}

/* Versions compare by value: a new object of the same version is no
 * change, so bindings do not flicker on refresh. */
static inline gboolean
aero_model_set_version (AeroVersion **field,
                        AeroVersion  *value)
{
  if (aero_version_equal (*field, value))
    return FALSE;
  g_set_object (field, value);
  return TRUE;
}

static inline AeroVersion *
aero_model_copy_version (AeroVersion *version)
{
  if (version == NULL)
    return NULL;
  return aero_version_new (aero_version_get_major (version),
                           aero_version_get_minor (version));
}

/* The plain properties of a model (a string, a number, an enum or a
 * version kept in one member of the instance) are described by a table
 * of AeroModelField, so that installing them, get_property and
 * set_property, copying, updating and freeing them are written once
 * (aero-model.c) for every model class. */
typedef enum
{
  AERO_MODEL_STRING,    /* char *, NULL when unset */
  AERO_MODEL_INT,       /* int, AERO_UNSET when unset */
  AERO_MODEL_INT64,     /* gint64, AERO_UNSET when unset */
  AERO_MODEL_ENUM,      /* a value of enum_type, 0 by default */
  AERO_MODEL_TRISTATE,  /* AeroTristate, AERO_TRISTATE_UNKNOWN when unset */
  AERO_MODEL_VERSION,   /* AeroVersion *, NULL when unset */
} AeroModelKind;

typedef struct
{
  guint          prop_id;
  const char    *name;
  AeroModelKind  kind;
  gsize          offset;          /* of the member in the instance */
  GType        (*enum_type) (void); /* AERO_MODEL_ENUM only */
} AeroModelField;

#define AERO_MODEL_FIELD(prop_id, name, kind, Type, member) \
  { prop_id, name, kind, G_STRUCT_OFFSET (Type, member), NULL }
#define AERO_MODEL_ENUM_FIELD(prop_id, name, enum_type, Type, member) \
  { prop_id, name, AERO_MODEL_ENUM, G_STRUCT_OFFSET (Type, member), enum_type }

/* Creates properties[field->prop_id] for each field. */
void                  aero_model_install_fields (GParamSpec           **properties,
                                                 const AeroModelField  *fields,
                                                 guint                  n_fields);
/* Sets the numbers and tristates to unset (the strings are already NULL). */
void                  aero_model_init_fields    (gpointer               instance,
                                                 const AeroModelField  *fields,
                                                 guint                  n_fields);
/* Frees the strings and versions, for finalize. */
void                  aero_model_clear_fields   (gpointer               instance,
                                                 const AeroModelField  *fields,
                                                 guint                  n_fields);
/* Copies every field of @src into @dest (a new instance) without
 * notifying; versions are copied, not shared. */
void                  aero_model_copy_fields    (gpointer               dest,
                                                 gpointer               src,
                                                 const AeroModelField  *fields,
                                                 guint                  n_fields);
/* The field of @prop_id, or NULL for a property the table does not hold. */
const AeroModelField *aero_model_find_field     (const AeroModelField  *fields,
                                                 guint                  n_fields,
                                                 guint                  prop_id);
void                  aero_model_get_field      (gpointer               instance,
                                                 const AeroModelField  *field,
                                                 GValue                *value);
/* The setters below go through the aero_model_set_*() of the field's
 * kind, as the public setters do; TRUE when the value changed (the
 * caller notifies). */
gboolean              aero_model_set_field      (gpointer               instance,
                                                 const AeroModelField  *field,
                                                 const GValue          *value);
/* Sets the field of @instance to the one of @other. */
gboolean              aero_model_update_field   (gpointer               instance,
                                                 gpointer               other,
                                                 const AeroModelField  *field);

G_END_DECLS
