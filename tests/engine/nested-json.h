/* nested-json.h - deeply nested JSON documents for the parser tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* @prefix, then @depth arrays one inside the other, then @suffix:
 * nested_json ("{\"a\": ", 2, "}") is {"a": [[]]}. */
static inline char *
nested_json (const char *prefix,
             guint       depth,
             const char *suffix)
{
  GString *text = g_string_new (prefix);

  for (guint i = 0; i < depth; i++)
    g_string_append_c (text, '[');
  for (guint i = 0; i < depth; i++)
    g_string_append_c (text, ']');
  g_string_append (text, suffix);
  return g_string_free (text, FALSE);
}

G_END_DECLS
