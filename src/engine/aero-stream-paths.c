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
};

#define NODE(self, i) (&g_array_index ((self)->nodes, Node, (i)))

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
      int child = aero_stream_paths_find (self, parent, (const unsigned char *) path, length);

      NODE (self, parent)->fields_below |= G_GUINT64_CONSTANT (1) << field;
      if (child < 0)
        {
          Node node = { path, length, -1, NODE (self, parent)->first_child, -1, 0 };

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
  Node element = { "", 0, -1, -1, -1, 0 };

  self->nodes = g_array_new (FALSE, FALSE, sizeof (Node));
  g_array_append_val (self->nodes, element);
  self->n_fields = g_strv_length ((char **) paths);
  g_return_val_if_fail (self->n_fields <= 64, self);

  for (guint i = 0; i < self->n_fields; i++)
    add_path (self, i, paths[i]);

  return self;
}

void
aero_stream_paths_free (AeroStreamPaths *self)
{
  if (self == NULL)
    return;

  g_array_unref (self->nodes);
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
  if (node < 0)
    return -1;

  for (int child = NODE (self, node)->first_child; child >= 0; child = NODE (self, child)->next_sibling)
    {
      const Node *candidate = NODE (self, child);

      /* Most keys of an element lead to no field: tell them apart by
       * length and first byte before comparing. */
      if (candidate->length == length &&
          (length == 0 || candidate->name[0] == (char) key[0]) &&
          memcmp (candidate->name, key, length) == 0)
        return child;
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
