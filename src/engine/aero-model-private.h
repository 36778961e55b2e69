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

/* Replaces *@field by a copy of @value; TRUE when it changed. */
static inline gboolean
aero_model_set_string (char       **field,
                       const char  *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;
  g_free (*field);
  *field = g_strdup (value);
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

G_END_DECLS
