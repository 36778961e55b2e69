/* aero-demo-writer.h - a pretty-printing JSON writer into a GString
 *
 * Real engines answer with Jackson's default pretty printer ("key" : value,
 * two-space indent, "[ {" ... "}, {" ... "} ]"). Collections of thousands
 * of VMs are written piece by piece into successive buffers, so the writer
 * keeps its nesting state apart from the buffer it writes to.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define AERO_DEMO_WRITER_MAX_DEPTH 32

typedef struct
{
  GString  *out;
  guint     depth;
  /* Jackson indents by object nesting only: arrays stay on the line. */
  guint     objects;
  /* per level: number of values written so far, and whether it is an array */
  guint     count[AERO_DEMO_WRITER_MAX_DEPTH];
  gboolean  is_array[AERO_DEMO_WRITER_MAX_DEPTH];
} AeroDemoWriter;

void aero_demo_writer_init         (AeroDemoWriter *w,
                                    GString        *out);
void aero_demo_writer_begin_object (AeroDemoWriter *w,
                                    const char     *key);
void aero_demo_writer_end_object   (AeroDemoWriter *w);
void aero_demo_writer_begin_array  (AeroDemoWriter *w,
                                    const char     *key);
void aero_demo_writer_end_array    (AeroDemoWriter *w);
void aero_demo_writer_string       (AeroDemoWriter *w,
                                    const char     *key,
                                    const char     *value);
/* Booleans, integers and longs go on the wire as strings, as the engine
 * sends them. */
void aero_demo_writer_bool         (AeroDemoWriter *w,
                                    const char     *key,
                                    gboolean        value);
void aero_demo_writer_int          (AeroDemoWriter *w,
                                    const char     *key,
                                    gint64          value);
/* Dates (epoch milliseconds) and statistics are JSON numbers. */
void aero_demo_writer_number       (AeroDemoWriter *w,
                                    const char     *key,
                                    gint64          value);
void aero_demo_writer_double       (AeroDemoWriter *w,
                                    const char     *key,
                                    double          value);
/* {"href": "/ovirt-engine/api/<collection>/<id>", "id": "<id>"} */
void aero_demo_writer_ref          (AeroDemoWriter *w,
                                    const char     *key,
                                    const char     *collection,
                                    const char     *id);

/* "href" : "/ovirt-engine/api/<collection>/<id>[/<rel>]", then "rel" or
 * "id"; ids, collections and rels are plain ASCII, written as they are. */
void aero_demo_writer_href         (AeroDemoWriter *w,
                                    const char     *collection,
                                    const char     *id,
                                    const char     *rel);

void aero_demo_json_escape         (GString        *out,
                                    const char     *value);

G_END_DECLS
