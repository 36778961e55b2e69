/* aero-json.h - the engine's JSON wire format (ovirt-api.md section 1)
 *
 * Reading is lenient the way the engine's own clients are: booleans and
 * integers as strings or native, longs as either, "{}" for an empty
 * collection, unknown members ignored, missing members left unset.
 * Writing follows the engine: booleans as "true"/"false".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "aero-cluster.h"
#include "aero-host.h"
#include "aero-memory-picture.h"
#include "aero-memory-stats.h"
#include "aero-template.h"
#include "aero-types.h"
#include "aero-vm.h"

G_BEGIN_DECLS

/* Scalar readers: FALSE / AERO_TRISTATE_UNKNOWN / NULL when the member is
 * missing, null or of a type that cannot be read as asked. */
AeroTristate  aero_json_get_tristate (JsonObject  *object,
                                      const char  *member);
gboolean      aero_json_get_int64    (JsonObject  *object,
                                      const char  *member,
                                      gint64      *out_value);
const char   *aero_json_get_string   (JsonObject  *object,
                                      const char  *member);
/* The object member, or NULL when missing or not an object. */
JsonObject   *aero_json_get_object   (JsonObject  *object,
                                      const char  *member);
/* "id" of a reference member ("cluster": {"id": ...}), or NULL. */
const char   *aero_json_get_ref_id   (JsonObject  *object,
                                      const char  *member);

/* Models from one object of the engine's JSON. Never fail: members that
 * are missing or unreadable stay unset. */
AeroVm          *aero_json_read_vm        (JsonObject *object);
AeroCluster     *aero_json_read_cluster   (JsonObject *object);
AeroTemplate    *aero_json_read_template  (JsonObject *object);
AeroHost        *aero_json_read_host      (JsonObject *object);
/* {"statistic": [...]} as served by /hosts/{id}/statistics, into @host. */
void             aero_json_read_host_statistics (AeroHost   *host,
                                                 JsonObject *object);
/* {"statistic": [...]} as served by /vms/{id}/statistics. */
AeroMemoryStats *aero_json_read_memory_stats (JsonObject *object);

/* The top-level members each reader looks at (NULL-terminated, static):
 * for aero_stream_parser_set_element_members(), so a big collection only
 * builds what becomes the model. */
const char * const *aero_json_get_vm_members       (void);
const char * const *aero_json_get_template_members (void);
const char * const *aero_json_get_cluster_members  (void);
/* The list for a collection's wrapper member ("vm", "template",
 * "cluster"), or NULL (build everything) for any other. */
const char * const *aero_json_get_collection_members (const char *element);

/* Parses a whole small document (single objects, faults, statistics):
 * returns the root object or NULL with a PARSE error of the
 * AERO_ENGINE_ERROR domain. */
JsonObject      *aero_json_parse_object   (const char *data,
                                           gssize      length,
                                           GError    **error);

/* The items of a small collection document ({"vm": [...]} or {}), with
 * @read turning each element object into a model. */
typedef gpointer (*AeroJsonReadFunc) (JsonObject *object);
GPtrArray       *aero_json_read_collection (JsonObject       *root,
                                            const char       *element,
                                            AeroJsonReadFunc  read);

/* Writers for request bodies. */
void             aero_json_builder_add_bool  (JsonBuilder *builder,
                                              const char  *member,
                                              gboolean     value);
void             aero_json_builder_add_int64 (JsonBuilder *builder,
                                              const char  *member,
                                              gint64       value);
/* The whole model in the normalised form of `aerostat-cli --json`: numbers
 * as numbers (bytes), booleans as booleans, null for unknown. */
JsonNode        *aero_json_vm_to_normalised       (AeroVm       *vm);
JsonNode        *aero_json_cluster_to_normalised  (AeroCluster  *cluster);
JsonNode        *aero_json_template_to_normalised (AeroTemplate *tmpl);
/* The figures of a memory picture (bytes, null when unknown). */
JsonNode        *aero_json_memory_picture_to_normalised (AeroMemoryPicture *picture);
/* A host, its statistics under "statistics". */
JsonNode        *aero_json_host_to_normalised     (AeroHost     *host);

G_END_DECLS
