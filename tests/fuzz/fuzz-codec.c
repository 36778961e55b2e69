/* fuzz-codec.c - libFuzzer target for the JSON codec and stream parser
 *
 * Any input must come back as models or a PARSE error: no crash, no
 * leak, no critical. The same bytes go through the tree reader (every
 * aero_json_read_*) and through the stream parser, split in two chunks
 * at a point the input itself chooses, with or without the member filter.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "fuzz-target.h"

#include <stdint.h>

#include "aero-engine-error.h"
#include "aero-json.h"
#include "aero-stream-parser.h"

/* Serialises the normalised form so every getter runs. */
static void
consume_node (JsonNode *node)
{
  g_autofree char *text = json_to_string (node, FALSE);

  g_assert (text != NULL);
  json_node_unref (node);
}

static void
read_every_model (JsonObject *object)
{
  g_autoptr(AeroVm) vm = aero_json_read_vm (object);
  g_autoptr(AeroTemplate) tmpl = aero_json_read_template (object);
  g_autoptr(AeroCluster) cluster = aero_json_read_cluster (object);
  g_autoptr(AeroMemoryStats) stats = aero_json_read_memory_stats (object);
  g_autoptr(AeroVm) copy = aero_vm_copy (vm);
  g_autofree char *label = aero_cluster_dup_label (cluster);
  gint64 value;

  aero_vm_update_from (copy, vm);
  g_assert (label != NULL);
  g_assert (aero_memory_stats_get_used (stats) >= AERO_UNSET);
  consume_node (aero_json_vm_to_normalised (vm));
  consume_node (aero_json_template_to_normalised (tmpl));
  consume_node (aero_json_cluster_to_normalised (cluster));

  /* The scalar readers on the fault and root members the session reads. */
  (void) aero_json_get_string (object, "reason");
  (void) aero_json_get_string (aero_json_get_object (object, "fault"), "detail");
  (void) aero_json_get_tristate (object, "status");
  (void) aero_json_get_int64 (object, "exp", &value);
  (void) aero_json_get_ref_id (object, "blank_template");
}

static void
on_element (JsonObject *element,
            gpointer    user_data)
{
  read_every_model (element);
}

static void
read_collections (JsonObject *root)
{
  static const char * const collections[] = { "vm", "template", "cluster" };
  static const AeroJsonReadFunc readers[] = {
    (AeroJsonReadFunc) aero_json_read_vm,
    (AeroJsonReadFunc) aero_json_read_template,
    (AeroJsonReadFunc) aero_json_read_cluster,
  };

  for (guint i = 0; i < G_N_ELEMENTS (collections); i++)
    {
      g_autoptr(GPtrArray) items = aero_json_read_collection (root, collections[i], readers[i]);

      g_assert (items != NULL);
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) root = NULL;
  g_autoptr(AeroStreamParser) parser = NULL;
  gsize split;

  /* The tree path. */
  root = aero_json_parse_object ((const char *) data, (gssize) size, &error);
  if (root != NULL)
    {
      read_every_model (root);
      read_collections (root);
    }
  else
    g_assert (g_error_matches (error, AERO_ENGINE_ERROR, AERO_ENGINE_ERROR_PARSE));
  g_clear_error (&error);

  /* The stream path, in two chunks. */
  split = size > 0 ? data[0] % (size + 1) : 0;
  parser = aero_stream_parser_new ("vm", on_element, NULL);
  /* Half the inputs with the member filter the session uses. */
  if (size > 0 && (data[0] & 0x80) != 0)
    aero_stream_parser_set_element_members (parser, aero_json_get_vm_members ());
  if (aero_stream_parser_feed (parser, data, split, &error) &&
      aero_stream_parser_feed (parser, data + split, size - split, &error) &&
      aero_stream_parser_finish (parser, &error))
    g_assert (error == NULL);
  else
    g_assert (g_error_matches (error, AERO_ENGINE_ERROR, AERO_ENGINE_ERROR_PARSE));

  return 0;
}
