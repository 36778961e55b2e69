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
#include "aero-engine-limits.h"
#include "aero-stream-parser.h"

/* Where in the document the next event lands. */
typedef enum {
  STATE_START,       /* before the root object */
  STATE_ROOT,        /* between members of the root object */
  STATE_COLLECTION,  /* between elements of the wrapper array */
  STATE_ELEMENT,     /* inside an element, building it */
  STATE_END,         /* after the root object */
} ParserState;

/* Keys are copied out of yajl's buffer (only valid during the callback)
 * until their value arrives; engine keys are short. */
#define KEY_BUFFER_SIZE 128

struct _AeroStreamParser
{
  char *collection;
  gsize collection_length;
  AeroStreamElementFunc func;
  gpointer user_data;
  /* Top-level members of an element worth building, or NULL for all. */
  GHashTable *members;

  yajl_handle handle;
  ParserState state;

  /* The containers being built, innermost last; [0] is the element and
   * the only one owned here (the others belong to their parents). */
  GPtrArray *stack;
  char key_buffer[KEY_BUFFER_SIZE];
  char *key_heap;
  const char *key;

  /* > 0 while a value is being skipped: its container depth. A value
   * whose first event is a scalar is skipped as soon as it is seen. */
  guint skip_depth;
  gboolean skip_pending;
  /* The root member whose value comes next is the collection. */
  gboolean collection_pending;

  guint n_elements;
  guint max_elements;
  gboolean failed;

  /* yajl re-reads a token that a chunk cut in two from its first byte
   * each time more arrives (yajl_lex.c rewinds its buffer, bufOff = 0),
   * so a long string fed in 64 kB chunks costs quadratic time. Strings
   * are therefore never cut: the text from the opening quote of a string
   * still open at the end of a chunk is held here until it closes. */
  GByteArray *held;
  gboolean in_string;
  gboolean escaped;
  gsize string_length;
  gsize max_string_length;
  /* Why a callback stopped the parse (yajl only says "cancelled"). */
  char *failure;
};

/* Skipping: the next value (scalar or container) is dropped entirely.
 * Each returns TRUE when the event was consumed by the skipper. */
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

static int
fail_not_a_list (AeroStreamParser *self)
{
  g_autofree char *why = g_strdup_printf (_("the “%s” member is not a list"),
                                          self->collection);

  return fail (self, why);
}

/* A number, string, null or list among the items: skipping it would
 * report a list the engine did not send. */
static int
fail_not_an_object (AeroStreamParser *self)
{
  g_autofree char *why = g_strdup_printf (_("an item of the “%s” list is not an object"),
                                          self->collection);

  return fail (self, why);
}

static void
set_key (AeroStreamParser    *self,
         const unsigned char *key,
         size_t               length)
{
  g_clear_pointer (&self->key_heap, g_free);

  if (length < KEY_BUFFER_SIZE)
    {
      memcpy (self->key_buffer, key, length);
      self->key_buffer[length] = '\0';
      self->key = self->key_buffer;
    }
  else
    self->key = self->key_heap = g_strndup ((const char *) key, length);
}

/* Puts @node (owned) into the innermost container being built. */
static void
add_node (AeroStreamParser *self,
          JsonNode         *node)
{
  JsonNode *parent = g_ptr_array_index (self->stack, self->stack->len - 1);

  if (JSON_NODE_TYPE (parent) == JSON_NODE_OBJECT)
    json_object_set_member (json_node_get_object (parent), self->key, node);
  else
    json_array_add_element (json_node_get_array (parent), node);
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
      add_node (self, g_steal_pointer (&owned));
      return 1;
    case STATE_ROOT:
      /* The engine writes no list as no member ("{}"); a null stands for
       * the same (on_null ()). Any other scalar where the list belongs is a document
       * of another shape than the engine's: reading it as an empty list
       * would report success with nothing. */
      if (self->collection_pending)
        return fail_not_a_list (self);
      return 1;
    case STATE_COLLECTION:
      return fail_not_an_object (self);
    case STATE_START:
      return fail (self, _("the document is not a JSON object"));
    case STATE_END:
    default:
      return fail (self, _("unexpected data after the document"));
    }
}

/* Scalars only need a node when they will be kept. */
static gboolean
wants_scalar (AeroStreamParser *self)
{
  return self->skip_depth == 0 && !self->skip_pending && self->state == STATE_ELEMENT;
}

static int
on_null (void *ctx)
{
  AeroStreamParser *self = ctx;

  /* "vm": null is no list, as the engine's "{}" is. */
  if (self->skip_depth == 0 && self->state == STATE_ROOT && self->collection_pending)
    {
      self->collection_pending = FALSE;
      return 1;
    }

  return on_scalar (self, wants_scalar (self) ? json_node_new (JSON_NODE_NULL) : NULL);
}

static int
on_boolean (void *ctx,
            int   value)
{
  AeroStreamParser *self = ctx;
  JsonNode *node = NULL;

  if (wants_scalar (self))
    {
      node = json_node_new (JSON_NODE_VALUE);
      json_node_set_boolean (node, value != 0);
    }
  return on_scalar (self, node);
}

/* yajl's text is not NUL-terminated: a terminated copy in @buffer when it
 * fits (most engine numbers and strings are short), else in *@heap. */
static const char *
terminated_text (const void  *text,
                 size_t       length,
                 char        *buffer,
                 size_t       size,
                 char       **heap)
{
  if (length < size)
    {
      memcpy (buffer, text, length);
      buffer[length] = '\0';
      return buffer;
    }

  *heap = g_strndup (text, length);
  return *heap;
}

/* Numbers arrive as text so that no size overflows inside yajl: whole
 * numbers that fit become int nodes, the rest doubles, as json-glib's own
 * parser does (except that it wraps huge integers around). */
static int
on_number (void       *ctx,
           const char *text,
           size_t      length)
{
  AeroStreamParser *self = ctx;
  JsonNode *node;
  char buffer[64];
  g_autofree char *heap = NULL;
  const char *number;
  gint64 value;

  if (!wants_scalar (self))
    return on_scalar (self, NULL);

  number = terminated_text (text, length, buffer, sizeof buffer, &heap);
  node = json_node_new (JSON_NODE_VALUE);
  if (g_ascii_string_to_signed (number, 10, G_MININT64, G_MAXINT64, &value, NULL))
    json_node_set_int (node, value);
  else
    json_node_set_double (node, g_ascii_strtod (number, NULL));

  return on_scalar (self, node);
}

static int
on_string (void                *ctx,
           const unsigned char *text,
           size_t               length)
{
  AeroStreamParser *self = ctx;
  JsonNode *node;
  char buffer[256];
  g_autofree char *heap = NULL;

  /* Skipped and unread strings are never copied. */
  if (!wants_scalar (self))
    return on_scalar (self, NULL);

  /* "web-01\u0000-shadow" would read as "web-01" and so alias another
   * VM's name: a string the engine cannot mean is refused, not cut. */
  if (memchr (text, '\0', length) != NULL)
    return fail (self, _("a string contains a NUL character"));

  node = json_node_new (JSON_NODE_VALUE);
  json_node_set_string (node, terminated_text (text, length, buffer, sizeof buffer, &heap));
  return on_scalar (self, node);
}

/* json-glib frees and copies nodes recursively, so a pathologically deep
 * element would overflow the stack later; engine elements nest about ten
 * levels. Skipped members are only counted and may nest at will. */
#define MAX_ELEMENT_NESTING 256

/* Opens an object or array inside the element (or the element itself). */
static int
open_container (AeroStreamParser *self,
                JsonNodeType      type)
{
  JsonNode *node;

  if (self->stack->len >= MAX_ELEMENT_NESTING)
    return fail (self, _("the document is nested too deeply"));

  node = json_node_alloc ();

  if (type == JSON_NODE_OBJECT)
    json_node_take_object (json_node_init (node, JSON_NODE_OBJECT), json_object_new ());
  else
    json_node_take_array (json_node_init (node, JSON_NODE_ARRAY), json_array_new ());

  if (self->stack->len > 0)
    add_node (self, node);
  g_ptr_array_add (self->stack, node);
  return 1;
}

static void
hand_over_element (AeroStreamParser *self)
{
  g_autoptr(JsonNode) element = g_ptr_array_steal_index (self->stack, 0);

  self->n_elements++;
  self->func (json_node_get_object (element), self->user_data);
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
      if (self->n_elements >= self->max_elements)
        {
          g_autofree char *why =
            g_strdup_printf (_("the “%s” list has more than %u items, more than any engine holds"),
                             self->collection, self->max_elements);

          return fail (self, why);
        }
      self->state = STATE_ELEMENT;
      return open_container (self, JSON_NODE_OBJECT);
    case STATE_ELEMENT:
      return open_container (self, JSON_NODE_OBJECT);
    case STATE_ROOT:
      /* An object where the list belongs ("vm": {...}) is not the
       * engine's shape; any other root member that is an object is
       * skipped. */
      if (self->collection_pending)
        return fail_not_a_list (self);
      self->skip_depth = 1;
      return 1;
    case STATE_END:
    default:
      return fail (self, _("unexpected data after the document"));
    }
}

static gboolean
is_skipped_member (AeroStreamParser    *self,
                   const unsigned char *key,
                   size_t               length)
{
  /* Links and actions are most of the engine's bytes and no model reads
   * them: never build them. */
  if ((length == 4 && memcmp (key, "link", 4) == 0) ||
      (length == 7 && memcmp (key, "actions", 7) == 0))
    return TRUE;

  /* Only the element's own members are filtered; nested ones are part of
   * a member that was asked for. */
  return self->members != NULL && self->stack->len == 1 &&
         !g_hash_table_contains (self->members, self->key);
}

static int
on_map_key (void                *ctx,
            const unsigned char *key,
            size_t               length)
{
  AeroStreamParser *self = ctx;

  if (self->skip_depth > 0)
    return 1;

  switch (self->state)
    {
    case STATE_ROOT:
      if (length == self->collection_length &&
          memcmp (self->collection, key, length) == 0)
        self->collection_pending = TRUE;
      else
        self->skip_pending = TRUE;
      return 1;
    case STATE_ELEMENT:
      /* A key cut at a NUL could pass for another member. */
      if (memchr (key, '\0', length) != NULL)
        return fail (self, _("a member name contains a NUL character"));
      set_key (self, key, length);
      if (is_skipped_member (self, key, length))
        self->skip_pending = TRUE;
      return 1;
    case STATE_START:
    case STATE_COLLECTION:
    case STATE_END:
    default:
      return 1;
    }
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
      if (self->stack->len == 1)
        {
          hand_over_element (self);
          self->state = STATE_COLLECTION;
        }
      else
        g_ptr_array_set_size (self->stack, self->stack->len - 1);
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
      return open_container (self, JSON_NODE_ARRAY);
    case STATE_COLLECTION:
      return fail_not_an_object (self);
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
      /* Arrays only occur below the element object: never its end. */
      g_ptr_array_set_size (self->stack, self->stack->len - 1);
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
  self->collection_length = strlen (collection);
  self->func = func;
  self->user_data = user_data;
  self->stack = g_ptr_array_new ();
  self->state = STATE_START;
  self->max_elements = AERO_ENGINE_MAX_COLLECTION_ITEMS;
  self->held = g_byte_array_new ();
  self->max_string_length = AERO_ENGINE_MAX_STRING_LENGTH;
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
  /* A document that stopped inside an element: only [0] is ours. */
  if (self->stack->len > 0)
    json_node_unref (g_ptr_array_index (self->stack, 0));
  g_ptr_array_unref (self->stack);
  g_clear_pointer (&self->members, g_hash_table_unref);
  g_free (self->key_heap);
  g_free (self->collection);
  g_free (self->failure);
  g_byte_array_unref (self->held);
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

static gboolean
parse (AeroStreamParser  *self,
       const guint8      *data,
       gsize              length,
       GError           **error)
{
  if (length == 0)
    return TRUE;

  if (yajl_parse (self->handle, data, length) != yajl_status_ok)
    return set_parse_error (self, data, length, error);

  return TRUE;
}

static gboolean
fail_long_string (AeroStreamParser  *self,
                  GError           **error)
{
  g_autofree char *limit = g_format_size_full (self->max_string_length, G_FORMAT_SIZE_IEC_UNITS);

  self->failed = TRUE;
  g_byte_array_set_size (self->held, 0);
  g_set_error (error, AERO_ENGINE_ERROR, AERO_ENGINE_ERROR_PARSE,
               /* TRANSLATORS: %s is a size such as "1.0 MiB" */
               _("The engine's reply holds a text longer than %s, more than Aerostat accepts"),
               limit);
  return FALSE;
}

/* Whether the quote at @quote closes the string whose text so far in
 * this chunk began at @from: it does unless an odd number of backslashes
 * precedes it (one left pending by the previous chunk counts too). */
static gboolean
is_closing_quote (AeroStreamParser *self,
                  const guint8     *text,
                  gsize             from,
                  gsize             quote)
{
  gsize backslashes = 0;

  while (quote - backslashes > from && text[quote - backslashes - 1] == '\\')
    backslashes++;
  if (quote - backslashes == from && self->escaped)
    backslashes++;

  return backslashes % 2 == 0;
}

/* Follows strings through @text from @start on; returns where the string
 * still open at its end began (or @length when none is open), and FALSE
 * once a string is longer than the limit. @open is where the string open
 * at @start began.
 *
 * This runs over every byte of the document before yajl does, so it
 * jumps from quote to quote with memchr () rather than looking at each
 * byte: a byte-wise loop was an eighth of the whole CLI's time on a
 * 10,000-VM list. */
static gboolean
scan_strings (AeroStreamParser *self,
              const guint8     *text,
              gsize             start,
              gsize             length,
              gsize             open,
              gsize            *out_open)
{
  gsize i = start;

  while (i < length)
    {
      const guint8 *quote;

      if (!self->in_string)
        {
          quote = memchr (text + i, '"', length - i);
          if (quote == NULL)
            break;
          self->in_string = TRUE;
          self->escaped = FALSE;
          self->string_length = 0;
          open = quote - text;
          i = open + 1;
          continue;
        }

      /* Inside a string: the next quote that is not escaped ends it. */
      {
        gsize from = i;
        gsize end = length;
        gsize q = i;

        while ((quote = memchr (text + q, '"', length - q)) != NULL)
          {
            q = quote - text;
            if (is_closing_quote (self, text, from, q))
              {
                end = q;
                break;
              }
            q++;
          }

        self->string_length += end - from;
        if (self->string_length > self->max_string_length)
          return FALSE;

        if (end < length)
          {
            self->in_string = FALSE;
            i = end + 1;
            continue;
          }

        /* The chunk ends inside the string: whether its last byte escapes
         * the first of the next chunk. */
        {
          gsize backslashes = 0;

          while (length - backslashes > from && text[length - backslashes - 1] == '\\')
            backslashes++;
          if (length - backslashes == from && self->escaped)
            backslashes++;
          self->escaped = backslashes % 2 == 1;
        }
        i = length;
      }
    }

  *out_open = self->in_string ? open : length;
  return TRUE;
}

gboolean
aero_stream_parser_feed (AeroStreamParser  *self,
                         const guint8      *data,
                         gsize              length,
                         GError           **error)
{
  gsize open;

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

  /* Most chunks end outside a string: parsed as they are, nothing held. */
  if (self->held->len == 0)
    {
      if (!scan_strings (self, data, 0, length, 0, &open))
        return fail_long_string (self, error);
      if (!parse (self, data, open, error))
        return FALSE;
      if (open < length)
        g_byte_array_append (self->held, data + open, length - open);
      return TRUE;
    }

  /* A string began in an earlier chunk: it starts the held text. */
  {
    gsize start = self->held->len;

    g_byte_array_append (self->held, data, length);
    if (!scan_strings (self, self->held->data, start, self->held->len, 0, &open))
      return fail_long_string (self, error);
    if (!parse (self, self->held->data, open, error))
      return FALSE;
    g_byte_array_remove_range (self->held, 0, open);
  }

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

  /* A string left open: yajl says the document is cut short. */
  if (!parse (self, self->held->data, self->held->len, error))
    return FALSE;
  g_byte_array_set_size (self->held, 0);

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

void
aero_stream_parser_set_element_members (AeroStreamParser   *self,
                                        const char * const *members)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (self->state == STATE_START);

  g_clear_pointer (&self->members, g_hash_table_unref);
  if (members == NULL)
    return;

  self->members = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; members[i] != NULL; i++)
    g_hash_table_add (self->members, g_strdup (members[i]));
}

void
aero_stream_parser_set_limits (AeroStreamParser *self,
                               guint             max_elements,
                               gsize             max_string_length)
{
  g_return_if_fail (self != NULL);

  self->max_elements = max_elements;
  self->max_string_length = max_string_length;
}

guint
aero_stream_parser_get_n_elements (AeroStreamParser *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_elements;
}
