/* aero-stream-paths.h - the fields of a model reader as a tree of members
 *
 * "cpu/topology/sockets" is member "sockets" of "topology" of "cpu": the
 * stream parser follows each key it meets down this tree to know whether
 * the value that comes next is a field, leads to fields, or neither.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _AeroStreamPaths AeroStreamPaths;

/* Node 0 is the element itself. @paths: NULL-terminated, static, at most
 * 64, none inside another. */
AeroStreamPaths *aero_stream_paths_new         (const char * const *paths);
void             aero_stream_paths_free        (AeroStreamPaths    *self);
guint            aero_stream_paths_get_n_fields (AeroStreamPaths   *self);
/* The child of @node for member @key, or -1. */
int              aero_stream_paths_find        (AeroStreamPaths    *self,
                                                int                 node,
                                                const unsigned char *key,
                                                gsize               length);
/* The field @node is, or -1 for a member on the way to fields. */
int              aero_stream_paths_get_field   (AeroStreamPaths    *self,
                                                int                 node);
/* The fields at or below @node, one bit each. */
guint64          aero_stream_paths_get_fields_below (AeroStreamPaths *self,
                                                     int              node);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AeroStreamPaths, aero_stream_paths_free)

G_END_DECLS
