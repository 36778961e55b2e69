/* aero-json-value.c - one scalar of the engine's JSON, however it came
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "aero-json-value.h"

AeroJsonValue
aero_json_value_from_node (JsonNode *node)
{
  AeroJsonValue value = { AERO_JSON_VALUE_NONE, FALSE, 0, 0.0, NULL };
  GType type;

  if (node == NULL || JSON_NODE_TYPE (node) != JSON_NODE_VALUE)
    return value;

  type = json_node_get_value_type (node);
  if (type == G_TYPE_BOOLEAN)
    {
      value.type = AERO_JSON_VALUE_BOOLEAN;
      value.boolean = json_node_get_boolean (node);
    }
  else if (type == G_TYPE_INT64)
    {
      value.type = AERO_JSON_VALUE_INT;
      value.integer = json_node_get_int (node);
    }
  else if (type == G_TYPE_DOUBLE)
    {
      value.type = AERO_JSON_VALUE_DOUBLE;
      value.number = json_node_get_double (node);
    }
  else if (type == G_TYPE_STRING)
    {
      value.type = AERO_JSON_VALUE_STRING;
      value.string = json_node_get_string (node);
    }

  return value;
}

AeroTristate
aero_json_value_tristate (const AeroJsonValue *value)
{
  switch (value->type)
    {
    case AERO_JSON_VALUE_BOOLEAN:
      return value->boolean ? AERO_TRISTATE_TRUE : AERO_TRISTATE_FALSE;
    case AERO_JSON_VALUE_STRING:
      /* What the engine itself accepts on input. */
      if (g_ascii_strcasecmp (value->string, "true") == 0 || strcmp (value->string, "1") == 0)
        return AERO_TRISTATE_TRUE;
      if (g_ascii_strcasecmp (value->string, "false") == 0 || strcmp (value->string, "0") == 0)
        return AERO_TRISTATE_FALSE;
      return AERO_TRISTATE_UNKNOWN;
    case AERO_JSON_VALUE_INT:
      if (value->integer == 0 || value->integer == 1)
        return value->integer ? AERO_TRISTATE_TRUE : AERO_TRISTATE_FALSE;
      return AERO_TRISTATE_UNKNOWN;
    case AERO_JSON_VALUE_DOUBLE:
    case AERO_JSON_VALUE_NONE:
    default:
      return AERO_TRISTATE_UNKNOWN;
    }
}

gboolean
aero_json_double_to_int64 (double  value,
                           gint64 *out_value)
{
  /* 2^63 is exactly representable; anything at or above it overflows. */
  if (!isfinite (value) || value != floor (value) ||
      value < -9223372036854775808.0 || value >= 9223372036854775808.0)
    return FALSE;

  *out_value = (gint64) value;
  return TRUE;
}

/* A whole-string decimal integer; "12abc", "", " 12" and overflows are
 * not numbers. A statistic may come as 1.073741824E9, a size never as
 * 1.5: doubles only count when whole. */
gboolean
aero_json_value_int64 (const AeroJsonValue *value,
                       gint64              *out_value)
{
  gint64 result;

  switch (value->type)
    {
    case AERO_JSON_VALUE_INT:
      result = value->integer;
      break;
    case AERO_JSON_VALUE_STRING:
      if (value->string == NULL ||
          !g_ascii_string_to_signed (value->string, 10, G_MININT64, G_MAXINT64, &result, NULL))
        return FALSE;
      break;
    case AERO_JSON_VALUE_DOUBLE:
      if (!aero_json_double_to_int64 (value->number, &result))
        return FALSE;
      break;
    case AERO_JSON_VALUE_BOOLEAN:
    case AERO_JSON_VALUE_NONE:
    default:
      return FALSE;
    }

  if (out_value != NULL)
    *out_value = result;
  return TRUE;
}

const char *
aero_json_value_string (const AeroJsonValue *value)
{
  return value->type == AERO_JSON_VALUE_STRING ? value->string : NULL;
}

gint64
aero_json_value_size (const AeroJsonValue *value)
{
  gint64 result;

  if (!aero_json_value_int64 (value, &result) || result < 0)
    return AERO_UNSET;

  return result;
}

int
aero_json_value_count (const AeroJsonValue *value)
{
  gint64 result = aero_json_value_size (value);

  return result <= G_MAXINT ? (int) result : AERO_UNSET;
}
