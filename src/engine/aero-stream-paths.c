/* aero-stream-paths.c - the fields of a model reader as a tree of members
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "aero-stream-paths.h"

typedef struct
{
  const char *name;
  gsize       length;
  int         parent;
  int         first_child;
  int         next_sibling;
  int         field;
  /* A new value of this member unsets all of them, as a repeated member
   * replaces the earlier one in a tree. */
  guint64     fields_below;
} Node;

struct _AeroStreamPaths
{
  GArray *nodes;
  guint   n_fields;
  /* Every member name of a list element is looked up here (most lead to
   * no field): an open-addressed table of nodes by parent and name, where
   * walking the element's twenty-odd children for each was 5 % of the
   * CLI's time on a long list. -1 is empty. */
  int    *table;
  guint   mask;
};

#define NODE(self, i) (&g_array_index ((self)->nodes, Node, (i)))

/* Length, first and last byte tell the engine's member names apart well
 * enough, and cost the same for a long name as for a short one. */
static inline guint
slot_of (int                  parent,
         const unsigned char *key,
         gsize                length)
{
  guint hash = (guint) parent * 0x9e3779b1u;

  if (length > 0)
    hash ^= ((guint) length * 0x85ebca6bu) ^ ((guint) key[0] << 8) ^ ((guint) key[length - 1] << 16);
  return hash ^ (hash >> 15);
}

/* The child of @parent named @key, by walking its children: while the
 * table is being built. */
static int
find_child (AeroStreamPaths     *self,
            int                  parent,
            const unsigned char *key,
            gsize                length)
{
  for (int child = NODE (self, parent)->first_child; child >= 0; child = NODE (self, child)->next_sibling)
    {
      const Node *candidate = NODE (self, child);

      if (candidate->length == length && memcmp (candidate->name, key, length) == 0)
        return child;
    }

  return -1;
}

static void
build_table (AeroStreamPaths *self)
{
  guint size = 16;

  while (size < 4 * self->nodes->len)
    size *= 2;
  self->mask = size - 1;
  self->table = g_new (int, size);
  memset (self->table, 0xff, size * sizeof (int));

  /* Node 0 is the element itself: no one's child. */
  for (guint i = 1; i < self->nodes->len; i++)
    {
      const Node *node = NODE (self, i);
      guint slot = slot_of (node->parent, (const unsigned char *) node->name, node->length) & self->mask;

      while (self->table[slot] >= 0)
        slot = (slot + 1) & self->mask;
      self->table[slot] = (int) i;
    }
}

static void
add_path (AeroStreamPaths *self,
          guint            field,
          const char      *path)
{
  int parent = 0;

  for (;;)
    {
      const char *slash = strchr (path, '/');
      gsize length = slash != NULL ? (gsize) (slash - path) : strlen (path);
      int child = find_child (self, parent, (const unsigned char *) path, length);

      NODE (self, parent)->fields_below |= G_GUINT64_CONSTANT (1) << field;
      if (child < 0)
        {
          Node node = { path, length, parent, -1, NODE (self, parent)->first_child, -1, 0 };

          child = self->nodes->len;
          /* Appending may move the array: link the parent afterwards. */
          g_array_append_val (self->nodes, node);
          NODE (self, parent)->first_child = child;
        }

      parent = child;
      if (slash == NULL)
        break;
      path = slash + 1;
    }

  g_return_if_fail (NODE (self, parent)->first_child < 0);
  NODE (self, parent)->field = field;
  NODE (self, parent)->fields_below |= G_GUINT64_CONSTANT (1) << field;
}

AeroStreamPaths *
aero_stream_paths_new (const char * const *paths)
{
  AeroStreamPaths *self = g_new0 (AeroStreamPaths, 1);
  Node element = { "", 0, -1, -1, -1, -1, 0 };

  self->nodes = g_array_new (FALSE, FALSE, sizeof (Node));
  g_array_append_val (self->nodes, element);
  self->n_fields = g_strv_length ((char **) paths);
  g_return_val_if_fail (self->n_fields <= 64, self);

  for (guint i = 0; i < self->n_fields; i++)
    add_path (self, i, paths[i]);
  build_table (self);

  return self;
}

void
aero_stream_paths_free (AeroStreamPaths *self)
{
  if (self == NULL)
    return;

  g_array_unref (self->nodes);
  g_free (self->table);
  g_free (self);
}

guint
aero_stream_paths_get_n_fields (AeroStreamPaths *self)
{
  return self->n_fields;
}

int
aero_stream_paths_find (AeroStreamPaths     *self,
                        int                  node,
                        const unsigned char *key,
                        gsize                length)
{
  guint slot;

  if (node < 0 || NODE (self, node)->first_child < 0)
    return -1;

  for (slot = slot_of (node, key, length) & self->mask; self->table[slot] >= 0;
       slot = (slot + 1) & self->mask)
    {
      const Node *candidate = NODE (self, self->table[slot]);

      if (candidate->parent == node && candidate->length == length &&
          memcmp (candidate->name, key, length) == 0)
        return self->table[slot];
    }

  return -1;
}

int
aero_stream_paths_get_field (AeroStreamPaths *self,
                             int              node)
{
  return node >= 0 ? NODE (self, node)->field : -1;
}

guint64
aero_stream_paths_get_fields_below (AeroStreamPaths *self,
                                    int              node)
{
  return node >= 0 ? NODE (self, node)->fields_below : 0;
}
