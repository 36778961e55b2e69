/* aero-json-value.h - one scalar of the engine's JSON, however it came
 *
 * The models are read either from a json-glib tree (single objects,
 * small documents) or straight from the stream parser's events (long
 * lists); both hand the readers the same scalar values, and the rules
 * that turn them into sizes, counts and switches live here once.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "aero-types.h"

G_BEGIN_DECLS

typedef enum {
  AERO_JSON_VALUE_NONE,     /* missing, null, an object or an array */
  AERO_JSON_VALUE_BOOLEAN,
  AERO_JSON_VALUE_INT,      /* a whole number that fits in 64 bits */
  AERO_JSON_VALUE_DOUBLE,   /* any other number */
  AERO_JSON_VALUE_STRING,
} AeroJsonValueType;

typedef struct
{
  AeroJsonValueType type;
  gboolean          boolean;
  gint64            integer;
  double            number;
  /* Owned by whoever handed the value over; valid while it is read. */
  const char       *string;
} AeroJsonValue;

/* The value of a member node (NONE unless it is a scalar). */
AeroJsonValue  aero_json_value_from_node (JsonNode            *node);

AeroTristate   aero_json_value_tristate  (const AeroJsonValue *value);
gboolean       aero_json_value_int64     (const AeroJsonValue *value,
                                          gint64              *out_value);
const char    *aero_json_value_string    (const AeroJsonValue *value);
/* A size, count or time: AERO_UNSET when missing or negative. */
gint64         aero_json_value_size      (const AeroJsonValue *value);
/* A size that fits an int, else AERO_UNSET. */
int            aero_json_value_count     (const AeroJsonValue *value);

/* Doubles only count when they are whole numbers that fit. */
gboolean       aero_json_double_to_int64 (double               value,
                                          gint64              *out_value);

G_END_DECLS
