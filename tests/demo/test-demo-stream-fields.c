/* test-demo-stream-fields.c - the lists read straight into models equal
 * the lists read through trees, on the demo engine's documents
 *
 * The seed inventory and a generated one, with and without all_content,
 * and the templates and clusters: each document is read once as before
 * (json-glib's whole-document parser, then the model readers) and once
 * by the stream parser filling the readers' fields from its events in
 * 64 kB chunks, as aerostat-cli and the window read them; every property
 * of every model must match.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "aero-engine-error.h"
#include "aero-json.h"
#include "aero-json-fields.h"
#include "aero-stream-parser.h"
#include "demo-client.h"
#include "../engine/model-equal.h"

typedef struct
{
  const AeroJsonFields *fields;
  GPtrArray            *models;
} Collected;

static void
collect (const AeroJsonValue *values,
         gpointer             user_data)
{
  Collected *collected = user_data;

  g_ptr_array_add (collected->models, collected->fields->read (values));
}

static void
assert_same_models (DemoFixture      *fx,
                    const char       *path,
                    const char       *collection,
                    AeroJsonReadFunc  read,
                    guint             min_items)
{
  g_autoptr(DemoReply) reply = demo_request (fx, "GET", path, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) root = NULL;
  g_autoptr(GPtrArray) expected = NULL;
  g_autoptr(AeroStreamParser) parser = NULL;
  Collected collected = { aero_json_get_collection_fields (collection),
                          g_ptr_array_new_with_free_func (g_object_unref) };

  g_assert_cmpuint (reply->status, ==, 200);
  root = aero_json_parse_object (reply->body, reply->length, &error);
  g_assert_no_error (error);
  expected = aero_json_read_collection (root, collection, read);
  g_assert_cmpuint (expected->len, >=, min_items);

  parser = aero_stream_parser_new_fields (collection, collected.fields->paths, collect, &collected);
  for (gsize offset = 0; offset < reply->length; offset += 64 * 1024)
    {
      aero_stream_parser_feed (parser, (const guint8 *) reply->body + offset,
                               MIN (64 * 1024, reply->length - offset), &error);
      g_assert_no_error (error);
    }
  aero_stream_parser_finish (parser, &error);
  g_assert_no_error (error);

  g_assert_cmpuint (collected.models->len, ==, expected->len);
  for (guint i = 0; i < expected->len; i++)
    {
      g_autofree char *where = g_strdup_printf ("%s %u", path, i);

      assert_models_equal (g_ptr_array_index (expected, i),
                           g_ptr_array_index (collected.models, i), where);
    }
  g_ptr_array_unref (collected.models);
}

static void
check_engine (AeroDemoEngine *engine,
              guint           min_vms)
{
  DemoFixture fx = { 0 };

  demo_fixture_start (&fx, engine);
  assert_same_models (&fx, "/ovirt-engine/api/vms?all_content=true", "vm",
                      (AeroJsonReadFunc) aero_json_read_vm, min_vms);
  assert_same_models (&fx, "/ovirt-engine/api/vms", "vm",
                      (AeroJsonReadFunc) aero_json_read_vm, min_vms);
  assert_same_models (&fx, "/ovirt-engine/api/templates", "template",
                      (AeroJsonReadFunc) aero_json_read_template, 1);
  assert_same_models (&fx, "/ovirt-engine/api/clusters", "cluster",
                      (AeroJsonReadFunc) aero_json_read_cluster, 1);
  demo_fixture_stop (&fx);
}

static void
test_seed_inventory (void)
{
  check_engine (aero_demo_engine_new (0, 0), 5);
}

static void
test_generated_inventory (void)
{
  check_engine (aero_demo_engine_new (2000, 0), 2000);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/demo/stream-fields/seed-inventory", test_seed_inventory);
  g_test_add_func ("/demo/stream-fields/generated-inventory", test_generated_inventory);

  return g_test_run ();
}
