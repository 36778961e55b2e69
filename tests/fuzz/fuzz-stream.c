/* fuzz-stream.c - libFuzzer target for the stream parser in small chunks
 *
 * The engine's lists arrive in pieces of any size, cut anywhere: inside a
 * string, an escape, a number or a UTF-8 sequence. The input's first byte
 * picks the collection ("vm", "template" or "cluster"), the member filter
 * and, now and then, tiny limits; the next four seed the chunk sizes
 * (1 to 64 bytes); the rest is the document. It is parsed twice, whole and
 * in those chunks, and both must agree: the same elements in the same
 * order on success, an error (PARSE, nothing else) for both otherwise.
 * Every element goes through the collection's model reader. With the
 * member filter, it is parsed a third time straight into the readers'
 * fields (no tree), and must give the same answer and equal models,
 * property by property. A document yajl itself refuses is refused by
 * every parse: the values of "link" and "actions", which the parser
 * passes over without yajl (aero-json-skip.c), get no leniency.
 * No crash, no leak, no critical.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "fuzz-target.h"

#include <stdint.h>
#include <string.h>

#include <yajl/yajl_parse.h>

#include "aero-engine-error.h"
#include "aero-json.h"
#include "aero-json-fields.h"
#include "aero-stream-parser.h"
#include "../engine/model-equal.h"

static const char * const collections[] = { "vm", "template", "cluster" };
static const AeroJsonReadFunc readers[] = {
  (AeroJsonReadFunc) aero_json_read_vm,
  (AeroJsonReadFunc) aero_json_read_template,
  (AeroJsonReadFunc) aero_json_read_cluster,
};

typedef struct
{
  AeroJsonReadFunc  read;
  GPtrArray        *elements;  /* each element as JSON text */
  GPtrArray        *models;    /* what the reader made of each */
  const AeroJsonFields *fields;
} Collected;

static void
on_element (JsonObject *element,
            gpointer    user_data)
{
  Collected *collected = user_data;
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);
  gpointer model = collected->read (element);

  g_ptr_array_add (collected->models, model);
  json_node_set_object (node, element);
  g_ptr_array_add (collected->elements, json_to_string (node, FALSE));
}

static void
on_values (const AeroJsonValue *values,
           gpointer             user_data)
{
  Collected *collected = user_data;

  g_ptr_array_add (collected->models, collected->fields->read (values));
}

/* yajl's own answer on the whole document, with the stream parser's
 * settings (its defaults), building nothing. */
static gboolean
yajl_accepts (const guint8 *text,
              gsize         length)
{
  yajl_handle handle = yajl_alloc (NULL, NULL, NULL);
  gboolean ok = yajl_parse (handle, text, length) == yajl_status_ok &&
                yajl_complete_parse (handle) == yajl_status_ok;

  yajl_free (handle);
  return ok;
}

static gboolean
parse (guint8         mode,
       const guint8  *text,
       gsize          length,
       guint32        seed,
       gboolean       fields,
       Collected     *collected,
       GError       **error)
{
  guint which = (mode & 0x3f) % G_N_ELEMENTS (collections);
  g_autoptr(AeroStreamParser) parser = NULL;
  guint32 state = seed != 0 ? seed : 0x9e3779b9;

  collected->read = readers[which];
  collected->fields = aero_json_get_collection_fields (collections[which]);
  if (fields)
    parser = aero_stream_parser_new_fields (collections[which], collected->fields->paths,
                                            on_values, collected);
  else
    parser = aero_stream_parser_new (collections[which], on_element, collected);
  if ((mode & 0x40) && !fields)
    aero_stream_parser_set_element_members (parser, aero_json_get_collection_members (collections[which]));
  /* Now and then limits small enough for a short input to reach. */
  if (mode & 0x80)
    aero_stream_parser_set_limits (parser, 1 + (mode >> 2) % 4, 1 + (mode >> 2) % 16);

  for (gsize offset = 0; offset < length;)
    {
      /* Not inside MIN (), which would draw twice. */
      gsize chunk = seed == 0 ? length : fuzz_next_chunk (&state);

      chunk = MIN (chunk, length - offset);

      if (!aero_stream_parser_feed (parser, text + offset, chunk, error))
        return FALSE;
      offset += chunk;
    }

  return aero_stream_parser_finish (parser, error);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) whole_error = NULL;
  g_autoptr(GError) chunked_error = NULL;
  g_autoptr(GError) fields_error = NULL;
  Collected whole = { NULL, g_ptr_array_new_with_free_func (g_free),
                      g_ptr_array_new_with_free_func (g_object_unref), NULL };
  Collected chunked = { NULL, g_ptr_array_new_with_free_func (g_free),
                        g_ptr_array_new_with_free_func (g_object_unref), NULL };
  Collected read = { NULL, g_ptr_array_new_with_free_func (g_free),
                     g_ptr_array_new_with_free_func (g_object_unref), NULL };
  gboolean whole_ok, chunked_ok;
  guint32 seed;
  guint8 mode;

  if (size < 5)
    goto out;

  mode = data[0];
  memcpy (&seed, data + 1, sizeof seed);
  seed |= 1;  /* never 0, which means "whole" below */

  whole_ok = parse (mode, data + 5, size - 5, 0, FALSE, &whole, &whole_error);
  chunked_ok = parse (mode, data + 5, size - 5, seed, FALSE, &chunked, &chunked_error);

  g_assert (whole_ok == (whole_error == NULL));
  g_assert (chunked_ok == (chunked_error == NULL));
  if (!whole_ok)
    g_assert (g_error_matches (whole_error, AERO_ENGINE_ERROR, AERO_ENGINE_ERROR_PARSE));
  if (!chunked_ok)
    g_assert (g_error_matches (chunked_error, AERO_ENGINE_ERROR, AERO_ENGINE_ERROR_PARSE));

  /* However the document is cut, the answer is the same. */
  g_assert (whole_ok == chunked_ok);
  if (whole_ok)
    g_assert (yajl_accepts (data + 5, size - 5));
  if (whole_ok)
    {
      g_assert (whole.elements->len == chunked.elements->len);
      for (guint i = 0; i < whole.elements->len; i++)
        g_assert (strcmp (g_ptr_array_index (whole.elements, i),
                          g_ptr_array_index (chunked.elements, i)) == 0);
    }

  /* Read straight into the fields: what the trees of the reader's members
   * gave, the same failures included. */
  if (mode & 0x40)
    {
      gboolean fields_ok = parse (mode, data + 5, size - 5, seed, TRUE, &read, &fields_error);

      g_assert (fields_ok == chunked_ok);
      if (!fields_ok)
        g_assert (strcmp (fields_error->message, chunked_error->message) == 0);
      g_assert (read.models->len == chunked.models->len);
      for (guint i = 0; i < read.models->len; i++)
        assert_models_equal (g_ptr_array_index (chunked.models, i),
                             g_ptr_array_index (read.models, i), "fuzz");
    }

out:
  for (guint i = 0; i < 3; i++)
    {
      Collected *c = i == 0 ? &whole : i == 1 ? &chunked : &read;

      g_ptr_array_unref (c->elements);
      g_ptr_array_unref (c->models);
    }
  return 0;
}
