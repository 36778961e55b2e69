/* aero-json-fields.h - the members a model reader looks at, by path
 *
 * The VM, template and cluster readers name each scalar they read by its
 * path from the element ("memory_policy/guaranteed"). The stream parser
 * fills those scalars straight from its events, building no tree; the
 * same readers take them from a json-glib object for single documents.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "aero-json-value.h"

G_BEGIN_DECLS

/* Builds a model from the values of a field set's paths, in order. */
typedef gpointer (*AeroJsonFieldsReadFunc) (const AeroJsonValue *values);

typedef struct
{
  /* "id", "memory_policy/guaranteed", ...; NULL-terminated. Objects are
   * followed member by member; nothing inside an array is read. */
  const char * const     *paths;
  guint                   n_fields;
  /* The index of "id" among @paths. */
  guint                   id_field;
  AeroJsonFieldsReadFunc  read;
} AeroJsonFields;

/* For the "vm", "template" and "cluster" collections, else NULL. */
const AeroJsonFields *aero_json_get_collection_fields (const char *element);

G_END_DECLS
