/* aero-stream-parser.c - reads a collection document as a stream
 *
 * The only file that knows yajl: it turns yajl's events into one small
 * JsonObject per element of the wrapper array, so the rest of the code
 * keeps reading json-glib objects and yajl can be swapped for another
 * event parser here alone. For the VM, template and cluster lists it
 * builds no tree at all: it fills the scalars the model reader names by
 * path (aero-json-fields.h) straight from the events, and hands over
 * those values per element. Building and freeing the trees was most of
 * the time of a long list after yajl itself. The values of "link" and
 * "actions", which nothing reads, do not go through yajl at all: it gets
 * a null for each, and aero-json-skip.c checks their text, faster.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include <glib/gi18n.h>
#include <yajl/yajl_parse.h>

#include "aero-engine-error.h"
#include "aero-engine-limits.h"
#include "aero-json-skip.h"
#include "aero-stream-parser.h"
#include "aero-stream-paths.h"

/* Where in the document the next event lands. */
typedef enum {
  STATE_START,       /* before the root object */
  STATE_ROOT,        /* between members of the root object */
  STATE_COLLECTION,  /* between elements of the wrapper array */
  STATE_ELEMENT,     /* inside an element, building it */
  STATE_END,         /* after the root object */
} ParserState;

/* How the text before yajl is read. */
typedef enum {
  MODE_SCAN,   /* following strings for yajl */
  MODE_NAME,   /* after the string "link" or "actions": a colon? */
  MODE_COLON,  /* after its colon: the value begins at the next non-space */
  MODE_SKIP,   /* inside that value, which yajl never sees */
} ReadMode;

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
  /* Where in the current text the open string began. */
  gsize open;
  gsize string_length;
  gsize max_string_length;
  /* Passing over the value of a "link" or "actions" member. */
  ReadMode mode;
  AeroJsonSkip *skip;
  /* Why a callback stopped the parse (yajl only says "cancelled"). */
  char *failure;

  /* With fields (aero_stream_parser_new_fields ()): no tree is built. */
  AeroStreamValuesFunc values_func;
  AeroStreamPaths *paths;
  AeroJsonValue *values;
  GString **texts;
  guint n_fields;
  /* The field node of each open container of the element, or -1 when no
   * field lies below it; @depth of them, the element first. */
  int path[256];
  guint depth;
  /* The field node whose value comes next, or -1. */
  int pending_node;
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

/* With fields: the value for the field whose member came last, if it is
 * one (a member on the way to fields was unset by its key already). */
static AeroJsonValue *
take_field_value (AeroStreamParser *self)
{
  int node = self->pending_node;
  int field;

  self->pending_node = -1;
  if (node < 0)
    return NULL;

  field = aero_stream_paths_get_field (self->paths, node);
  return field >= 0 ? &self->values[field] : NULL;
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

  /* A null field stays unset: its key unset it. */
  if (self->values_func != NULL && wants_scalar (self))
    {
      take_field_value (self);
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

  if (self->values_func != NULL && wants_scalar (self))
    {
      AeroJsonValue *field = take_field_value (self);

      if (field != NULL)
        {
          field->type = AERO_JSON_VALUE_BOOLEAN;
          field->boolean = value != 0;
        }
      return 1;
    }

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

  if (self->values_func != NULL)
    {
      AeroJsonValue *field = take_field_value (self);

      if (field == NULL)
        return 1;

      /* The same types as the nodes below. */
      number = terminated_text (text, length, buffer, sizeof buffer, &heap);
      if (g_ascii_string_to_signed (number, 10, G_MININT64, G_MAXINT64, &value, NULL))
        {
          field->type = AERO_JSON_VALUE_INT;
          field->integer = value;
        }
      else
        {
          field->type = AERO_JSON_VALUE_DOUBLE;
          field->number = g_ascii_strtod (number, NULL);
        }
      return 1;
    }

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

  if (self->values_func != NULL)
    {
      AeroJsonValue *field = take_field_value (self);

      if (field != NULL)
        {
          GString *copy = self->texts[field - self->values];

          g_string_truncate (copy, 0);
          g_string_append_len (copy, (const char *) text, length);
          field->type = AERO_JSON_VALUE_STRING;
          field->string = copy->str;
        }
      return 1;
    }

  node = json_node_new (JSON_NODE_VALUE);
  json_node_set_string (node, terminated_text (text, length, buffer, sizeof buffer, &heap));
  return on_scalar (self, node);
}

/* json-glib frees and copies nodes recursively, so a pathologically deep
 * element would overflow the stack later; engine elements nest about ten
 * levels. Skipped members are only counted and may nest at will. */
#define MAX_ELEMENT_NESTING 256

G_STATIC_ASSERT (MAX_ELEMENT_NESTING == G_N_ELEMENTS (((AeroStreamParser *) NULL)->path));

/* Containers open in the element, the element itself first. */
static guint
element_depth (AeroStreamParser *self)
{
  return self->values_func != NULL ? self->depth : self->stack->len;
}

/* With fields: follows the member that opened a container (or the
 * element itself), so that the keys inside it find their fields. */
static void
open_field_container (AeroStreamParser *self,
                      JsonNodeType      type)
{
  int node = self->depth == 0 ? 0 : self->pending_node;

  self->pending_node = -1;
  /* Nothing inside an array is a field, nor inside a field itself. */
  if (type != JSON_NODE_OBJECT ||
      (node > 0 && aero_stream_paths_get_field (self->paths, node) >= 0))
    node = -1;
  if (self->depth == 0)
    {
      for (guint i = 0; i < self->n_fields; i++)
        self->values[i].type = AERO_JSON_VALUE_NONE;
    }
  self->path[self->depth++] = node;
}

/* Opens an object or array inside the element (or the element itself). */
static int
open_container (AeroStreamParser *self,
                JsonNodeType      type)
{
  JsonNode *node;

  if (element_depth (self) >= MAX_ELEMENT_NESTING)
    return fail (self, _("the document is nested too deeply"));

  if (self->values_func != NULL)
    {
      open_field_container (self, type);
      return 1;
    }

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
  g_autoptr(JsonNode) element = NULL;

  if (self->values_func != NULL)
    {
      self->depth = 0;
      self->n_elements++;
      self->values_func (self->values, self->user_data);
      return;
    }

  element = g_ptr_array_steal_index (self->stack, 0);
  self->n_elements++;
  self->func (json_node_get_object (element), self->user_data);
}

static int
on_start_map (void *ctx)
{
  AeroStreamParser *self = ctx;

  if (self->skip_depth >= AERO_ENGINE_MAX_NESTING)
    return fail (self, _("the document is nested too deeply"));
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

/* With fields: a member of the element, or inside it. The element's own
 * members that lead to no field are skipped, as the member list skips
 * them in a tree; deeper ones are still read through, so that a document
 * fails (a NUL, too deep) exactly as when its tree is built. */
static void
on_field_key (AeroStreamParser    *self,
              const unsigned char *key,
              size_t               length)
{
  int node;

  if ((length == 4 && memcmp (key, "link", 4) == 0) ||
      (length == 7 && memcmp (key, "actions", 7) == 0))
    {
      self->skip_pending = TRUE;
      self->pending_node = -1;
      return;
    }

  node = aero_stream_paths_find (self->paths, self->path[self->depth - 1], key, length);
  self->pending_node = node;
  if (node < 0)
    {
      if (self->depth == 1)
        self->skip_pending = TRUE;
      return;
    }

  {
    guint64 below = aero_stream_paths_get_fields_below (self->paths, node);

    for (guint i = 0; below != 0; i++, below >>= 1)
      if (below & 1)
        self->values[i].type = AERO_JSON_VALUE_NONE;
  }
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
      if (self->values_func != NULL)
        {
          on_field_key (self, key, length);
          return 1;
        }
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
      if (element_depth (self) == 1)
        {
          hand_over_element (self);
          self->state = STATE_COLLECTION;
        }
      else if (self->values_func != NULL)
        self->depth--;
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

  if (self->skip_depth >= AERO_ENGINE_MAX_NESTING)
    return fail (self, _("the document is nested too deeply"));
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
      if (self->values_func != NULL)
        self->depth--;
      else
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

static AeroStreamParser *
parser_new (const char *collection,
            gpointer    user_data)
{
  AeroStreamParser *self;

  self = g_new0 (AeroStreamParser, 1);
  self->collection = g_strdup (collection);
  self->collection_length = strlen (collection);
  self->user_data = user_data;
  self->stack = g_ptr_array_new ();
  self->state = STATE_START;
  self->max_elements = AERO_ENGINE_MAX_COLLECTION_ITEMS;
  self->held = g_byte_array_new ();
  self->max_string_length = AERO_ENGINE_MAX_STRING_LENGTH;
  self->skip = aero_json_skip_new (self->max_string_length, AERO_ENGINE_MAX_NESTING);
  /* Defaults are what we want: UTF-8 validated (json-glib relies on it),
   * no comments, no trailing garbage, exactly one value. */
  self->handle = yajl_alloc (&callbacks, NULL, self);

  return self;
}

AeroStreamParser *
aero_stream_parser_new (const char            *collection,
                        AeroStreamElementFunc  func,
                        gpointer               user_data)
{
  AeroStreamParser *self;

  g_return_val_if_fail (collection != NULL, NULL);
  g_return_val_if_fail (func != NULL, NULL);

  self = parser_new (collection, user_data);
  self->func = func;

  return self;
}

AeroStreamParser *
aero_stream_parser_new_fields (const char           *collection,
                               const char * const   *paths,
                               AeroStreamValuesFunc  func,
                               gpointer              user_data)
{
  AeroStreamParser *self;

  g_return_val_if_fail (collection != NULL, NULL);
  g_return_val_if_fail (paths != NULL, NULL);
  g_return_val_if_fail (func != NULL, NULL);

  self = parser_new (collection, user_data);
  self->values_func = func;
  self->pending_node = -1;
  self->paths = aero_stream_paths_new (paths);
  self->n_fields = aero_stream_paths_get_n_fields (self->paths);
  self->values = g_new0 (AeroJsonValue, self->n_fields);
  self->texts = g_new0 (GString *, self->n_fields);
  for (guint i = 0; i < self->n_fields; i++)
    self->texts[i] = g_string_new (NULL);

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
  aero_json_skip_free (self->skip);
  g_clear_pointer (&self->paths, aero_stream_paths_free);
  for (guint i = 0; i < self->n_fields; i++)
    g_string_free (self->texts[i], TRUE);
  g_free (self->texts);
  g_free (self->values);
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

/* A failure the parser finds itself, outside yajl's callbacks. */
static gboolean
fail_document (AeroStreamParser  *self,
               const char        *why,
               GError           **error)
{
  fail (self, why);
  return set_parse_error (self, NULL, 0, error);
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

/* What the string scan stopped at. */
typedef enum {
  SCAN_END,       /* the end of the text */
  SCAN_NAME,      /* the close of "link" or "actions" */
  SCAN_TOO_LONG,  /* a string longer than the limit */
} ScanResult;

/* The members no model reads and the engine writes most of: their values
 * are passed over (aero-json-skip.h) instead of going through yajl. Any
 * member of these names, at any depth, is skipped by the events too (see
 * on_field_key () and is_skipped_member ()), so yajl sees a null instead
 * and nothing read changes. */
static inline gboolean
is_unread_name (const guint8 *text,
                gsize         length)
{
  return (length == 4 && memcmp (text, "link", 4) == 0) ||
         (length == 7 && memcmp (text, "actions", 7) == 0);
}

/* One byte of the string scan. Inside a string, @seg_start is where its
 * text in the current buffer begins. */
static inline ScanResult
scan_byte (AeroStreamParser *self,
           const guint8     *text,
           gsize             i,
           gsize            *seg_start)
{
  guint8 c = text[i];

  if (!self->in_string)
    {
      if (c == '"')
        {
          self->in_string = TRUE;
          self->escaped = FALSE;
          self->string_length = 0;
          self->open = i;
          *seg_start = i + 1;
        }
    }
  else if (self->escaped)
    self->escaped = FALSE;
  else if (c == '\\')
    self->escaped = TRUE;
  else if (c == '"')
    {
      self->in_string = FALSE;
      self->string_length += i - *seg_start;
      if (self->string_length > self->max_string_length)
        return SCAN_TOO_LONG;
      /* The whole string is in this buffer: a string open at the end of
       * a chunk is held until it closes. */
      if (is_unread_name (text + self->open + 1, i - self->open - 1))
        return SCAN_NAME;
    }

  return SCAN_END;
}

/* Follows strings through @text from *@at on, up to @length or to just
 * after a string that may name a member to pass over (*@at is then where
 * it stopped). self->open is where the string open at *@at began.
 *
 * This runs over every byte yajl reads, before it, and was an eighth of
 * the whole CLI's time on a 10,000-VM list as a plain loop over bytes.
 * Sixteen bytes with no backslash (most of them) are taken at once: only
 * their quotes are looked at. */
static ScanResult
scan_strings (AeroStreamParser *self,
              const guint8     *text,
              gsize            *at,
              gsize             length)
{
  gsize i = *at;
  gsize seg_start = i;
  ScanResult result;

#ifdef __SSE2__
  const __m128i quote = _mm_set1_epi8 ('"');
  const __m128i backslash = _mm_set1_epi8 ('\\');

  while (i + 16 <= length)
    {
      /* An unaligned load: through void *, so clang's -Wcast-align
       * does not take it for an aligned one. */
      __m128i block = _mm_loadu_si128 ((const void *) (text + i));
      guint quotes = _mm_movemask_epi8 (_mm_cmpeq_epi8 (block, quote));

      if (self->escaped || _mm_movemask_epi8 (_mm_cmpeq_epi8 (block, backslash)) != 0)
        {
          for (gsize end = i + 16; i < end; i++)
            if ((result = scan_byte (self, text, i, &seg_start)) != SCAN_END)
              goto stop;
          continue;
        }

      /* No escapes: every quote opens or closes a string. */
      for (; quotes != 0; quotes &= quotes - 1)
        if ((result = scan_byte (self, text, i + __builtin_ctz (quotes), &seg_start)) != SCAN_END)
          {
            i += __builtin_ctz (quotes);
            goto stop;
          }
      i += 16;
    }
#endif

  for (; i < length; i++)
    if ((result = scan_byte (self, text, i, &seg_start)) != SCAN_END)
      goto stop;

  /* The text so far of a string the next chunk goes on with. */
  if (self->in_string)
    {
      self->string_length += length - seg_start;
      if (self->string_length > self->max_string_length)
        return SCAN_TOO_LONG;
    }

  *at = length;
  return SCAN_END;

stop:
  *at = i + 1;
  return result;
}

/* Hands yajl @text[0, length), but for the values of the members passed
 * over; *@out_open is where a string still open at the end began (or
 * @length): the caller holds that text. Scanning begins at @start, where
 * an earlier call stopped in the same string. */
static gboolean
read_text (AeroStreamParser  *self,
           const guint8      *text,
           gsize              start,
           gsize              length,
           gsize             *out_open,
           GError           **error)
{
  gsize fed = 0;  /* yajl has @text up to here */
  gsize i = start;
  gsize open;

  self->open = 0;
  while (i < length)
    {
      switch (self->mode)
        {
        case MODE_SCAN:
          switch (scan_strings (self, text, &i, length))
            {
            case SCAN_TOO_LONG:
              return fail_long_string (self, error);
            case SCAN_NAME:
              self->mode = MODE_NAME;
              break;
            case SCAN_END:
            default:
              break;
            }
          break;

        case MODE_NAME:
          /* A colon after the string makes it a member's name. */
          i = aero_json_whitespace_end (text, i, length);
          if (i < length)
            {
              self->mode = text[i] == ':' ? MODE_COLON : MODE_SCAN;
              if (self->mode == MODE_COLON)
                i++;
            }
          break;

        case MODE_COLON:
          i = aero_json_whitespace_end (text, i, length);
          if (i < length)
            {
              /* yajl gets the member's name, and a null for its value. */
              if (!parse (self, text + fed, i - fed, error) ||
                  !parse (self, (const guint8 *) "null", 4, error))
                return FALSE;
              fed = i;
              aero_json_skip_start (self->skip);
              self->mode = MODE_SKIP;
            }
          break;

        case MODE_SKIP:
          {
            gsize used;

            switch (aero_json_skip_feed (self->skip, text + i, length - i, &used))
              {
              case AERO_JSON_SKIP_INVALID:
                return fail_document (self, aero_json_skip_get_error (self->skip), error);
              case AERO_JSON_SKIP_TOO_LONG:
                return fail_long_string (self, error);
              case AERO_JSON_SKIP_DONE:
                self->mode = MODE_SCAN;
                break;
              case AERO_JSON_SKIP_MORE:
              default:
                break;
              }
            i += used;
            fed = i;
          }
          break;

        default:
          g_assert_not_reached ();
        }
    }

  open = self->mode == MODE_SCAN && self->in_string ? self->open : length;
  if (!parse (self, text + fed, open - fed, error))
    return FALSE;
  *out_open = open;
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
      if (!read_text (self, data, 0, length, &open, error))
        return FALSE;
      if (open < length)
        g_byte_array_append (self->held, data + open, length - open);
      return TRUE;
    }

  /* A string began in an earlier chunk: it starts the held text. */
  {
    gsize start = self->held->len;

    g_byte_array_append (self->held, data, length);
    if (!read_text (self, self->held->data, start, self->held->len, &open, error))
      return FALSE;
    /* Removing nothing still moves the whole held text onto itself (a
     * range check of all of it under AddressSanitizer): once per chunk,
     * that is quadratic in a long string. */
    if (open > 0)
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

  /* Inside a value passed over: the document is cut short (and yajl,
   * which has a null for it, still waits for the rest of its object). */
  if (self->mode == MODE_SKIP)
    return fail_document (self, _("the document ends too early"), error);

  /* A string left open: yajl says the document is cut short. */
  if (!parse (self, self->held->data, self->held->len, error))
    return FALSE;
  g_byte_array_set_size (self->held, 0);

  /* Except after the document's end, where yajl lets a string that
   * never closes pass ({"vm": []} "x): data after it all the same. */
  if (self->in_string)
    return fail_document (self, self->state == STATE_END ? _("unexpected data after the document")
                                                         : _("the document ends too early"),
                          error);

  status = yajl_complete_parse (self->handle);
  if (status != yajl_status_ok)
    return set_parse_error (self, NULL, 0, error);

  /* An empty body parses as "nothing" in yajl; for us it is truncated. */
  if (self->state != STATE_END)
    return fail_document (self, _("the document ends too early"), error);

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
  aero_json_skip_free (self->skip);
  self->skip = aero_json_skip_new (max_string_length, AERO_ENGINE_MAX_NESTING);
}

guint
aero_stream_parser_get_n_elements (AeroStreamParser *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_elements;
}
