/* fuzz-skip.c - libFuzzer target: the value skipper against yajl
 *
 * The stream parser passes over the values of "link" and "actions"
 * without yajl (aero-json-skip.c), and must accept exactly what yajl
 * accepts there. The input's first four bytes seed the chunk sizes (1 to
 * 64 bytes); the rest is a value V, and maybe more of the object. yajl
 * parses {"link":V}. The skipper is fed V} in those chunks, and yajl then
 * gets what the stream parser would hand it: {"link":null and the text
 * after the value's end. Both answers must be the same.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "fuzz-target.h"

#include <stdint.h>
#include <string.h>

#include <yajl/yajl_parse.h>

#include "aero-json-skip.h"

/* yajl ignores a string left open after the end of the document
 * ({"link":1}"x is accepted: its lexer waits for the string to close, and
 * complete_parse () does not ask). The stream parser never gets there
 * (the root object ends its state machine), so here the document counts
 * as accepted when yajl accepts it and only whitespace follows its end. */
typedef struct
{
  yajl_handle handle;
  guint depth;
  gsize end;
} Tracked;

static int
on_open (void *ctx)
{
  ((Tracked *) ctx)->depth++;
  return 1;
}

static int
on_close (void *ctx)
{
  Tracked *tracked = ctx;

  if (--tracked->depth == 0)
    tracked->end = yajl_get_bytes_consumed (tracked->handle);
  return 1;
}

static const yajl_callbacks tracking = {
  .yajl_start_map = on_open,
  .yajl_end_map = on_close,
  .yajl_start_array = on_open,
  .yajl_end_array = on_close,
};

static gboolean
yajl_accepts (const guint8 *text,
              gsize         length)
{
  Tracked tracked = { NULL, 0, 0 };
  gboolean ok;

  tracked.handle = yajl_alloc (&tracking, NULL, &tracked);
  ok = yajl_parse (tracked.handle, text, length) == yajl_status_ok &&
       yajl_complete_parse (tracked.handle) == yajl_status_ok;
  yajl_free (tracked.handle);

  if (!ok || tracked.end == 0)
    return FALSE;
  for (gsize i = tracked.end; i < length; i++)
    if (strchr (" \t\n\v\f\r", text[i]) == NULL || text[i] == '\0')
      return FALSE;
  return TRUE;
}

/* Feeds @text to the skipper in chunks: where the value ended, or
 * G_MAXSIZE when it did not end or is not JSON. */
static gsize
skipper_end (const guint8 *text,
             gsize         length,
             guint32       seed)
{
  g_autoptr(AeroJsonSkip) skip = aero_json_skip_new (G_MAXSIZE, G_MAXUINT);
  guint32 state = seed | 1;
  gsize offset = 0;

  aero_json_skip_start (skip);
  while (offset < length)
    {
      /* Not inside MIN (), which would draw twice. */
      gsize chunk = fuzz_next_chunk (&state);
      gsize used = 0;

      chunk = MIN (chunk, length - offset);
      switch (aero_json_skip_feed (skip, text + offset, chunk, &used))
        {
        case AERO_JSON_SKIP_DONE:
          return offset + used;
        case AERO_JSON_SKIP_MORE:
          g_assert (used == chunk);
          break;
        case AERO_JSON_SKIP_INVALID:
          g_assert (aero_json_skip_get_error (skip) != NULL);
          return G_MAXSIZE;
        case AERO_JSON_SKIP_TOO_LONG:
        default:
          g_assert_not_reached ();
        }
      offset += chunk;
    }

  return G_MAXSIZE;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GByteArray) document = g_byte_array_new ();
  g_autoptr(GByteArray) value = g_byte_array_new ();
  g_autoptr(GByteArray) replaced = g_byte_array_new ();
  gboolean skipped_ok = FALSE;
  guint32 seed;
  gsize end;

  if (size < 4)
    return 0;

  memcpy (&seed, data, sizeof seed);
  g_byte_array_append (document, (const guint8 *) "{\"link\":", 8);
  g_byte_array_append (document, data + 4, size - 4);
  g_byte_array_append (document, (const guint8 *) "}", 1);
  g_byte_array_append (value, data + 4, size - 4);
  g_byte_array_append (value, (const guint8 *) "}", 1);

  /* What the stream parser hands yajl: a null where the value was, then
   * the rest of the text. */
  end = skipper_end (value->data, value->len, seed);
  if (end != G_MAXSIZE)
    {
      g_assert (end <= value->len);
      g_byte_array_append (replaced, (const guint8 *) "{\"link\":null", 12);
      g_byte_array_append (replaced, value->data + end, value->len - end);
      skipped_ok = yajl_accepts (replaced->data, replaced->len);
    }

  g_assert (yajl_accepts (document->data, document->len) == skipped_ok);
  return 0;
}
