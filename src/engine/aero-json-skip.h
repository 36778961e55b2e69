/* aero-json-skip.h - checks and passes over one JSON value, in pieces
 *
 * The stream parser hands yajl a null in place of the values no model
 * reads (the engine's "link" and "actions", two thirds of a VM's bytes)
 * and passes over their text here. It accepts exactly what yajl accepts
 * (yajl_lex.c and yajl_parser.c of yajl 2.1, with their defaults), so a
 * document is refused or read the same with or without it; only faster.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _AeroJsonSkip AeroJsonSkip;

typedef enum {
  AERO_JSON_SKIP_MORE,     /* all of the text was the value's; it goes on */
  AERO_JSON_SKIP_DONE,     /* the value ended within the text */
  AERO_JSON_SKIP_INVALID,  /* the text is not JSON */
  AERO_JSON_SKIP_TOO_LONG, /* a string is longer than the limit */
} AeroJsonSkipResult;

/* Strings (raw, between their quotes) longer than @max_string_length
 * are refused, as the stream parser refuses them elsewhere, and so are
 * containers nested more than @max_nesting deep (yajl has no limit). */
AeroJsonSkip      *aero_json_skip_new   (gsize               max_string_length,
                                         guint               max_nesting);
void               aero_json_skip_free  (AeroJsonSkip      *self);
/* Starts a new value; its first byte is the next one fed. */
void               aero_json_skip_start (AeroJsonSkip      *self);
/* Passes over @text; *@used is how much of it belongs to the value (all
 * of it unless DONE: a number ends only at the byte after it, which is
 * not the value's). */
AeroJsonSkipResult aero_json_skip_feed  (AeroJsonSkip      *self,
                                         const guint8      *text,
                                         gsize              length,
                                         gsize             *used);
/* Where the whitespace yajl takes (space, tab, newline, return, vertical
 * tab, form feed) that begins at @text[@i] ends, at most @length. */
gsize              aero_json_whitespace_end (const guint8 *text,
                                             gsize         i,
                                             gsize         length);
/* After INVALID: what is wrong, translated. */
const char        *aero_json_skip_get_error (AeroJsonSkip  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AeroJsonSkip, aero_json_skip_free)

G_END_DECLS
