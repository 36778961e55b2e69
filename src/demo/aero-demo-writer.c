/* aero-demo-writer.c - a pretty-printing JSON writer into a GString
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "aero-demo-writer.h"

#define API_PREFIX "/ovirt-engine/api/"

void
aero_demo_writer_init (AeroDemoWriter *w,
                       GString        *out)
{
  memset (w, 0, sizeof *w);
  w->out = out;
}

void
aero_demo_json_escape (GString    *out,
                       const char *value)
{
  const char *p;
  const char *run = value;

  g_string_append_c (out, '"');
  for (p = value; *p; p++)
    {
      guchar c = (guchar) *p;

      if (c >= 0x20 && c != '"' && c != '\\')
        continue;
      g_string_append_len (out, run, p - run);
      switch (c)
        {
        case '"': g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        case '\t': g_string_append (out, "\\t"); break;
        default: g_string_append_printf (out, "\\u%04x", c); break;
        }
      run = p + 1;
    }
  g_string_append_len (out, run, p - run);
  g_string_append_c (out, '"');
}

static void
indent (AeroDemoWriter *w,
        guint           depth)
{
  static const char spaces[] = "                                                                ";
  guint n = MIN (depth * 2, sizeof spaces - 1);

  g_string_append_c (w->out, '\n');
  g_string_append_len (w->out, spaces, n);
}

/* Writes what comes before a value: the separator, the line break and the
 * key inside objects; ", " between array elements. */
static void
before_value (AeroDemoWriter *w,
              const char     *key)
{
  if (w->depth == 0)
    return;

  if (w->is_array[w->depth])
    {
      g_string_append (w->out, w->count[w->depth] > 0 ? ", " : " ");
    }
  else
    {
      if (w->count[w->depth] > 0)
        g_string_append_c (w->out, ',');
      indent (w, w->objects);
      aero_demo_json_escape (w->out, key != NULL ? key : "");
      g_string_append (w->out, " : ");
    }
  w->count[w->depth]++;
}

static void
push (AeroDemoWriter *w,
      gboolean        is_array)
{
  g_return_if_fail (w->depth + 1 < AERO_DEMO_WRITER_MAX_DEPTH);
  w->depth++;
  w->count[w->depth] = 0;
  w->is_array[w->depth] = is_array;
  if (!is_array)
    w->objects++;
}

void
aero_demo_writer_begin_object (AeroDemoWriter *w,
                               const char     *key)
{
  before_value (w, key);
  g_string_append_c (w->out, '{');
  push (w, FALSE);
}

void
aero_demo_writer_end_object (AeroDemoWriter *w)
{
  g_return_if_fail (w->depth > 0 && !w->is_array[w->depth]);
  w->objects--;
  if (w->count[w->depth] > 0)
    indent (w, w->objects);
  g_string_append_c (w->out, '}');
  w->depth--;
}

void
aero_demo_writer_begin_array (AeroDemoWriter *w,
                              const char     *key)
{
  before_value (w, key);
  g_string_append_c (w->out, '[');
  push (w, TRUE);
}

void
aero_demo_writer_end_array (AeroDemoWriter *w)
{
  g_return_if_fail (w->depth > 0 && w->is_array[w->depth]);
  g_string_append (w->out, w->count[w->depth] > 0 ? " ]" : "]");
  w->depth--;
}

void
aero_demo_writer_string (AeroDemoWriter *w,
                         const char     *key,
                         const char     *value)
{
  before_value (w, key);
  aero_demo_json_escape (w->out, value != NULL ? value : "");
}

void
aero_demo_writer_bool (AeroDemoWriter *w,
                       const char     *key,
                       gboolean        value)
{
  before_value (w, key);
  g_string_append (w->out, value ? "\"true\"" : "\"false\"");
}

/* printf is the hot spot of a 100 MB list: integers by hand. */
static void
append_int (GString *out,
            gint64   value)
{
  char buf[24];
  char *p = buf + sizeof buf;
  guint64 v = value < 0 ? -(guint64) value : (guint64) value;

  do
    {
      *--p = '0' + v % 10;
      v /= 10;
    }
  while (v != 0);
  if (value < 0)
    *--p = '-';
  g_string_append_len (out, p, buf + sizeof buf - p);
}

void
aero_demo_writer_int (AeroDemoWriter *w,
                      const char     *key,
                      gint64          value)
{
  before_value (w, key);
  g_string_append_c (w->out, '"');
  append_int (w->out, value);
  g_string_append_c (w->out, '"');
}

void
aero_demo_writer_number (AeroDemoWriter *w,
                         const char     *key,
                         gint64          value)
{
  before_value (w, key);
  append_int (w->out, value);
}

void
aero_demo_writer_double (AeroDemoWriter *w,
                         const char     *key,
                         double          value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  before_value (w, key);
  /* Integral values as integers: the engine's "datum" is a decimal. */
  if (value == (double) (gint64) value)
    g_string_append_printf (w->out, "%" G_GINT64_FORMAT, (gint64) value);
  else
    g_string_append (w->out, g_ascii_dtostr (buf, sizeof buf, value));
}

void
aero_demo_writer_href (AeroDemoWriter *w,
                       const char     *collection,
                       const char     *id,
                       const char     *rel)
{
  before_value (w, "href");
  g_string_append_c (w->out, '"');
  g_string_append (w->out, API_PREFIX);
  g_string_append (w->out, collection);
  g_string_append_c (w->out, '/');
  g_string_append (w->out, id);
  if (rel != NULL)
    {
      g_string_append_c (w->out, '/');
      g_string_append (w->out, rel);
    }
  g_string_append_c (w->out, '"');
  if (rel != NULL)
    aero_demo_writer_string (w, "rel", rel);
  else
    aero_demo_writer_string (w, "id", id);
}

void
aero_demo_writer_ref (AeroDemoWriter *w,
                      const char     *key,
                      const char     *collection,
                      const char     *id)
{
  aero_demo_writer_begin_object (w, key);
  aero_demo_writer_href (w, collection, id, NULL);
  aero_demo_writer_end_object (w);
}
