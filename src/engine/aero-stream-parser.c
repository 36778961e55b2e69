/* aero-stream-parser.c - reads a collection document as a stream
 *
 * The only file that knows yajl: it turns yajl's events into one small
 * JsonObject per element of the wrapper array, so the rest of the code
 * keeps reading json-glib objects and yajl can be swapped for another
 * event parser here alone.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <yajl/yajl_parse.h>

#include "aero-engine-error.h"
#include "aero-stream-parser.h"

/* Where in the document the next event lands. */
typedef enum {
  STATE_START,       /* before the root object */
  STATE_ROOT,        /* between members of the root object */
  STATE_COLLECTION,  /* between elements of the wrapper array */
  STATE_ELEMENT,     /* inside an element, building it */
  STATE_END,         /* after the root object */
} ParserState;

struct _AeroStreamParser
{
  char *collection;
  AeroStreamElementFunc func;
  gpointer user_data;

  yajl_handle handle;
  JsonBuilder *builder;
  ParserState state;

  /* Nesting below the element object while building it (1 = the element
   * object itself). */
  guint element_depth;
  /* > 0 while a value is being skipped: its container depth. A value
   * whose first event is a scalar is skipped as soon as it is seen. */
  guint skip_depth;
  gboolean skip_pending;
  /* The root member whose value comes next is the collection. */
  gboolean collection_pending;

  guint n_elements;
  gboolean failed;
  /* Why a callback stopped the parse (yajl only says "cancelled"). */
  char *failure;
};

/* Skipping: the next value (scalar or container) is dropped entirely.
 * Returns TRUE when the event was consumed by the skipper. */
static gboolean
skip_scalar (AeroStreamParser *self)
{
  if (self->skip_depth > 0)
    return TRUE;
  if (self->skip_pending)
    {
      self->skip_pending = FALSE;
      return TRUE;
    }
  return FALSE;
}

static gboolean
skip_open (AeroStreamParser *self)
{
  if (self->skip_depth > 0)
    {
      self->skip_depth++;
      return TRUE;
    }
  if (self->skip_pending)
    {
      self->skip_pending = FALSE;
      self->skip_depth = 1;
      return TRUE;
    }
  return FALSE;
}

static gboolean
skip_close (AeroStreamParser *self)
{
  if (self->skip_depth > 0)
    {
      self->skip_depth--;
      return TRUE;
    }
  return FALSE;
}

static int
fail (AeroStreamParser *self,
      const char       *why)
{
  g_free (self->failure);
  self->failure = g_strdup (why);
  return 0;
}

/* A scalar at the current position: built into the element, or (outside
 * an element) just a root member or array item nobody reads. */
static int
on_scalar (AeroStreamParser *self,
           JsonNode         *node)
{
  g_autoptr(JsonNode) owned = node;

  if (skip_scalar (self))
    return 1;

  switch (self->state)
    {
    case STATE_ELEMENT:
      json_builder_add_value (self->builder, g_steal_pointer (&owned));
      return 1;
    case STATE_ROOT:
      /* "vm": "x" is no list; treat it like any unknown member. */
      self->collection_pending = FALSE;
      return 1;
    case STATE_COLLECTION:
      /* A non-object item: nothing to hand over. */
      return 1;
    case STATE_START:
      return fail (self, _("the document is not a JSON object"));
    case STATE_END:
    default:
      return fail (self, _("unexpected data after the document"));
    }
}

static int
on_null (void *ctx)
{
  return on_scalar (ctx, json_node_new (JSON_NODE_NULL));
}

static int
on_boolean (void *ctx,
            int   value)
{
  JsonNode *node = json_node_new (JSON_NODE_VALUE);

  json_node_set_boolean (node, value != 0);
  return on_scalar (ctx, node);
}

/* Numbers arrive as text so that no size overflows inside yajl: whole
 * numbers that fit become int nodes, the rest doubles, as json-glib's own
 * parser does. */
static int
on_number (void       *ctx,
           const char *text,
           size_t      length)
{
  JsonNode *node = json_node_new (JSON_NODE_VALUE);
  char buffer[64];
  g_autofree char *heap = NULL;
  const char *number;
  gint64 value;

  if (length < sizeof buffer)
    {
      memcpy (buffer, text, length);
      buffer[length] = '\0';
      number = buffer;
    }
  else
    number = heap = g_strndup (text, length);

  if (g_ascii_string_to_signed (number, 10, G_MININT64, G_MAXINT64, &value, NULL))
    json_node_set_int (node, value);
  else
    json_node_set_double (node, g_ascii_strtod (number, NULL));

  return on_scalar (ctx, node);
}

static int
on_string (void                *ctx,
           const unsigned char *text,
           size_t               length)
{
  AeroStreamParser *self = ctx;
  JsonNode *node;

  /* Cheap path for skipped and unread strings: no copy at all. */
  if (self->skip_depth > 0 || self->skip_pending || self->state != STATE_ELEMENT)
    return on_scalar (self, NULL);

  node = json_node_new (JSON_NODE_VALUE);
  /* yajl's text is not NUL-terminated; most engine strings are short. */
  if (length < 256)
    {
      char buffer[256];

      memcpy (buffer, text, length);
      buffer[length] = '\0';
      json_node_set_string (node, buffer);
    }
  else
    {
      g_autofree char *copy = g_strndup ((const char *) text, length);

      json_node_set_string (node, copy);
    }
  return on_scalar (self, node);
}

static int
on_start_map (void *ctx)
{
  AeroStreamParser *self = ctx;

  if (skip_open (self))
    return 1;

  switch (self->state)
    {
    case STATE_START:
      self->state = STATE_ROOT;
      return 1;
    case STATE_COLLECTION:
      self->state = STATE_ELEMENT;
      self->element_depth = 1;
      json_builder_begin_object (self->builder);
      return 1;
    case STATE_ELEMENT:
      self->element_depth++;
      json_builder_begin_object (self->builder);
      return 1;
    case STATE_ROOT:
      /* A root member that is an object: not the list, skip it. */
      self->collection_pending = FALSE;
      self->skip_depth = 1;
      return 1;
    case STATE_END:
    default:
      return fail (self, _("unexpected data after the document"));
    }
}

static gboolean
is_skipped_member (const unsigned char *key,
                   size_t               length)
{
  /* Links and actions are most of the engine's bytes and no model reads
   * them: never build them. */
  return (length == 4 && memcmp (key, "link", 4) == 0) ||
         (length == 7 && memcmp (key, "actions", 7) == 0);
}

static int
on_map_key (void                *ctx,
            const unsigned char *key,
            size_t               length)
{
  AeroStreamParser *self = ctx;
  g_autofree char *name = NULL;

  if (self->skip_depth > 0)
    return 1;

  if (self->state == STATE_ROOT)
    {
      if (strlen (self->collection) == length &&
          memcmp (self->collection, key, length) == 0)
        self->collection_pending = TRUE;
      else
        self->skip_pending = TRUE;
      return 1;
    }

  if (self->state != STATE_ELEMENT)
    return 1;

  if (is_skipped_member (key, length))
    {
      self->skip_pending = TRUE;
      return 1;
    }

  name = g_strndup ((const char *) key, length);
  json_builder_set_member_name (self->builder, name);
  return 1;
}

static void
hand_over_element (AeroStreamParser *self)
{
  g_autoptr(JsonNode) root = json_builder_get_root (self->builder);

  json_builder_reset (self->builder);
  self->n_elements++;
  if (root != NULL && JSON_NODE_TYPE (root) == JSON_NODE_OBJECT)
    self->func (json_node_get_object (root), self->user_data);
}

static int
on_end_map (void *ctx)
{
  AeroStreamParser *self = ctx;

  if (skip_close (self))
    return 1;

  switch (self->state)
    {
    case STATE_ELEMENT:
      json_builder_end_object (self->builder);
      if (--self->element_depth == 0)
        {
          hand_over_element (self);
          self->state = STATE_COLLECTION;
        }
      return 1;
    case STATE_ROOT:
      self->state = STATE_END;
      return 1;
    case STATE_START:
    case STATE_COLLECTION:
    case STATE_END:
    default:
      return fail (self, _("unbalanced object"));
    }
}

static int
on_start_array (void *ctx)
{
  AeroStreamParser *self = ctx;

  if (skip_open (self))
    return 1;

  switch (self->state)
    {
    case STATE_ROOT:
      if (self->collection_pending)
        {
          self->collection_pending = FALSE;
          self->state = STATE_COLLECTION;
        }
      else
        self->skip_depth = 1;
      return 1;
    case STATE_ELEMENT:
      self->element_depth++;
      json_builder_begin_array (self->builder);
      return 1;
    case STATE_COLLECTION:
      /* An array inside the list is no element: drop it. */
      self->skip_depth = 1;
      return 1;
    case STATE_START:
      return fail (self, _("the document is not a JSON object"));
    case STATE_END:
    default:
      return fail (self, _("unexpected data after the document"));
    }
}

static int
on_end_array (void *ctx)
{
  AeroStreamParser *self = ctx;

  if (skip_close (self))
    return 1;

  switch (self->state)
    {
    case STATE_ELEMENT:
      self->element_depth--;
      json_builder_end_array (self->builder);
      return 1;
    case STATE_COLLECTION:
      self->state = STATE_ROOT;
      return 1;
    case STATE_START:
    case STATE_ROOT:
    case STATE_END:
    default:
      return fail (self, _("unbalanced array"));
    }
}

static const yajl_callbacks callbacks = {
  .yajl_null = on_null,
  .yajl_boolean = on_boolean,
  .yajl_number = on_number,
  .yajl_string = on_string,
  .yajl_start_map = on_start_map,
  .yajl_map_key = on_map_key,
  .yajl_end_map = on_end_map,
  .yajl_start_array = on_start_array,
  .yajl_end_array = on_end_array,
};

AeroStreamParser *
aero_stream_parser_new (const char            *collection,
                        AeroStreamElementFunc  func,
                        gpointer               user_data)
{
  AeroStreamParser *self;

  g_return_val_if_fail (collection != NULL, NULL);
  g_return_val_if_fail (func != NULL, NULL);

  self = g_new0 (AeroStreamParser, 1);
  self->collection = g_strdup (collection);
  self->func = func;
  self->user_data = user_data;
  self->builder = json_builder_new ();
  self->state = STATE_START;
  /* Defaults are what we want: UTF-8 validated (json-glib relies on it),
   * no comments, no trailing garbage, exactly one value. */
  self->handle = yajl_alloc (&callbacks, NULL, self);

  return self;
}

void
aero_stream_parser_free (AeroStreamParser *self)
{
  if (self == NULL)
    return;

  yajl_free (self->handle);
  g_clear_object (&self->builder);
  g_free (self->collection);
  g_free (self->failure);
  g_free (self);
}

static gboolean
set_parse_error (AeroStreamParser     *self,
                 const unsigned char  *data,
                 gsize                 length,
                 GError              **error)
{
  g_autofree char *why = NULL;

  self->failed = TRUE;

  if (self->failure != NULL)
    why = g_strdup (self->failure);
  else
    {
      unsigned char *message = yajl_get_error (self->handle, 0, data, length);

      why = g_strchomp (g_strdup ((const char *) message));
      yajl_free_error (self->handle, message);
    }

  g_set_error (error, AERO_ENGINE_ERROR, AERO_ENGINE_ERROR_PARSE,
               /* TRANSLATORS: %s says what is wrong in the JSON text */
               _("The engine's reply is not valid JSON: %s"), why);
  return FALSE;
}

gboolean
aero_stream_parser_feed (AeroStreamParser  *self,
                         const guint8      *data,
                         gsize              length,
                         GError           **error)
{
  yajl_status status;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);

  if (self->failed)
    {
      g_set_error_literal (error, AERO_ENGINE_ERROR, AERO_ENGINE_ERROR_PARSE,
                           _("The engine's reply is not valid JSON"));
      return FALSE;
    }

  if (length == 0)
    return TRUE;

  status = yajl_parse (self->handle, data, length);
  if (status != yajl_status_ok)
    return set_parse_error (self, data, length, error);

  return TRUE;
}

gboolean
aero_stream_parser_finish (AeroStreamParser  *self,
                           GError           **error)
{
  yajl_status status;

  g_return_val_if_fail (self != NULL, FALSE);

  if (self->failed)
    {
      g_set_error_literal (error, AERO_ENGINE_ERROR, AERO_ENGINE_ERROR_PARSE,
                           _("The engine's reply is not valid JSON"));
      return FALSE;
    }

  status = yajl_complete_parse (self->handle);
  if (status != yajl_status_ok)
    return set_parse_error (self, NULL, 0, error);

  /* An empty body parses as "nothing" in yajl; for us it is truncated. */
  if (self->state != STATE_END)
    {
      g_free (self->failure);
      self->failure = g_strdup (_("the document ends too early"));
      return set_parse_error (self, NULL, 0, error);
    }

  return TRUE;
}

guint
aero_stream_parser_get_n_elements (AeroStreamParser *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_elements;
}
