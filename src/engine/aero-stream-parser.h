/* aero-stream-parser.h - reads a collection document as a stream
 *
 * A real engine sends ~8 kB of JSON per VM, so 10,000 VMs are ~100 MB.
 * This parser is fed the body in chunks as it arrives and hands over each
 * element of the collection ({"vm": [ {...}, ... ]}) as a small JsonObject
 * the moment it is complete; the whole document is never held, and bulky
 * members no model reads ("link", "actions") are skipped without being
 * built. The event parser behind it (yajl) stays inside aero-stream-parser.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "aero-json-value.h"

G_BEGIN_DECLS

typedef struct _AeroStreamParser AeroStreamParser;

/* Called once per element; @element is owned by the parser and only valid
 * during the call. */
typedef void (*AeroStreamElementFunc) (JsonObject *element,
                                       gpointer    user_data);

/* Called once per element with the values of the paths given to
 * aero_stream_parser_new_fields (), in their order; owned by the parser
 * and only valid during the call. */
typedef void (*AeroStreamValuesFunc) (const AeroJsonValue *values,
                                      gpointer             user_data);

/* @collection is the wrapper member ("vm", "cluster", "template"). */
AeroStreamParser *aero_stream_parser_new    (const char             *collection,
                                             AeroStreamElementFunc   func,
                                             gpointer                user_data);
/* Builds no tree: fills the scalars at @paths (aero-json-fields.h, at
 * most 64, static) from each element and hands them to @func. */
AeroStreamParser *aero_stream_parser_new_fields (const char           *collection,
                                                 const char * const   *paths,
                                                 AeroStreamValuesFunc  func,
                                                 gpointer              user_data);
void              aero_stream_parser_free   (AeroStreamParser       *self);
/* Builds only these top-level members of each element (NULL-terminated;
 * NULL builds all but "link" and "actions"). A reader needs only what it
 * reads: see aero_json_get_vm_members() and friends. Call before the
 * first feed. */
void              aero_stream_parser_set_element_members (AeroStreamParser   *self,
                                                          const char * const *members);
/* FALSE with a PARSE error of AERO_ENGINE_ERROR on malformed input; once
 * failed, the parser refuses further input. */
gboolean          aero_stream_parser_feed   (AeroStreamParser       *self,
                                             const guint8           *data,
                                             gsize                   length,
                                             GError                **error);
/* Ends the document; FALSE when it was truncated or malformed. */
gboolean          aero_stream_parser_finish (AeroStreamParser       *self,
                                             GError                **error);
/* Instead of the engine's limits (aero-engine-limits.h): at most
 * @max_elements items, and strings of at most @max_string_length bytes
 * as written in the document; beyond them the parse fails. */
void              aero_stream_parser_set_limits (AeroStreamParser *self,
                                                 guint             max_elements,
                                                 gsize             max_string_length);
/* Number of elements handed over so far. */
guint             aero_stream_parser_get_n_elements (AeroStreamParser *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AeroStreamParser, aero_stream_parser_free)

G_END_DECLS
