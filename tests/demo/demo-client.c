/* demo-client.c - raw HTTP helpers for the demo engine tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "demo-client.h"

void
demo_fixture_start (DemoFixture    *fx,
                    AeroDemoEngine *engine)
{
  g_autoptr(GError) error = NULL;

  fx->engine = engine;
  g_assert_true (aero_demo_engine_start (fx->engine, "127.0.0.1", 0, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (aero_demo_engine_get_port (fx->engine), >, 0);
  fx->base = g_strdup_printf ("http://127.0.0.1:%u", aero_demo_engine_get_port (fx->engine));
  fx->session = soup_session_new ();
}

void
demo_fixture_stop (DemoFixture *fx)
{
  g_clear_object (&fx->session);
  aero_demo_engine_stop (fx->engine);
  g_assert_finalize_object (fx->engine);
  fx->engine = NULL;
  g_clear_pointer (&fx->base, g_free);
}

DemoReply *
demo_request_full (DemoFixture *fx,
                   const char  *method,
                   const char  *path,
                   const char  *auth,
                   const char  *body,
                   const char  *header_name,
                   const char  *header_value)
{
  g_autofree char *url = g_strconcat (fx->base, path, NULL);
  g_autoptr(SoupMessage) msg = soup_message_new (method, url);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  SoupMessageHeaders *headers;
  DemoReply *reply;

  g_assert_nonnull (msg);
  headers = soup_message_get_request_headers (msg);
  soup_message_headers_replace (headers, "Accept", "application/json");
  soup_message_headers_replace (headers, "Version", "4");
  if (auth == NULL)
    soup_message_headers_replace (headers, "Authorization", DEMO_ADMIN_BASIC);
  else if (*auth != '\0')
    soup_message_headers_replace (headers, "Authorization", auth);
  if (header_name != NULL)
    {
      if (header_value != NULL)
        soup_message_headers_replace (headers, header_name, header_value);
      else
        soup_message_headers_remove (headers, header_name);
    }
  if (body != NULL)
    {
      g_autoptr(GBytes) request = g_bytes_new (body, strlen (body));
      const char *type = g_str_has_prefix (body, "{") ? "application/json"
                                                      : "application/x-www-form-urlencoded";

      soup_message_set_request_body_from_bytes (msg, type, request);
    }

  bytes = soup_session_send_and_read (fx->session, msg, NULL, &error);
  g_assert_no_error (error);

  reply = g_new0 (DemoReply, 1);
  reply->status = soup_message_get_status (msg);
  reply->length = g_bytes_get_size (bytes);
  reply->body = g_strndup (g_bytes_get_data (bytes, NULL), reply->length);
  reply->headers = soup_message_headers_ref (soup_message_get_response_headers (msg));
  if (g_strcmp0 (soup_message_headers_get_content_type (reply->headers, NULL), "application/json") == 0)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();

      json_parser_load_from_data (parser, reply->body, reply->length, &error);
      g_assert_no_error (error);
      reply->json = json_node_copy (json_parser_get_root (parser));
    }
  return reply;
}

DemoReply *
demo_request (DemoFixture *fx,
              const char  *method,
              const char  *path,
              const char  *body)
{
  return demo_request_full (fx, method, path, NULL, body, NULL, NULL);
}

void
demo_reply_free (DemoReply *reply)
{
  g_free (reply->body);
  soup_message_headers_unref (reply->headers);
  g_clear_pointer (&reply->json, json_node_unref);
  g_free (reply);
}

JsonObject *
demo_reply_object (DemoReply *reply)
{
  g_assert_nonnull (reply->json);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (reply->json));
  return json_node_get_object (reply->json);
}

static JsonNode *
lookup (JsonObject *object,
        const char *path)
{
  g_auto(GStrv) parts = g_strsplit (path, ".", -1);
  JsonNode *node = NULL;

  for (guint i = 0; parts[i] != NULL; i++)
    {
      if (object == NULL || !json_object_has_member (object, parts[i]))
        return NULL;
      node = json_object_get_member (object, parts[i]);
      object = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
    }
  return node;
}

const char *
demo_get_string (JsonObject *object,
                 const char *path)
{
  JsonNode *node = lookup (object, path);

  if (node == NULL)
    return NULL;
  /* The wire format: every scalar but dates and decimals is a string. */
  g_assert_true (JSON_NODE_HOLDS_VALUE (node));
  g_assert_cmpint (json_node_get_value_type (node), ==, G_TYPE_STRING);
  return json_node_get_string (node);
}

gboolean
demo_has_member (JsonObject *object,
                 const char *path)
{
  return lookup (object, path) != NULL;
}

JsonArray *
demo_collection (DemoReply  *reply,
                 const char *key)
{
  static JsonArray *empty;
  JsonObject *object = demo_reply_object (reply);

  if (empty == NULL)
    empty = json_array_new ();
  if (!json_object_has_member (object, key))
    return empty;
  return json_object_get_array_member (object, key);
}

char *
demo_search_path (const char *collection,
                  const char *search,
                  const char *extra_query)
{
  g_autofree char *escaped = g_uri_escape_string (search, NULL, FALSE);

  return g_strdup_printf ("/ovirt-engine/api/%s?search=%s%s%s", collection, escaped,
                          extra_query != NULL ? "&" : "", extra_query != NULL ? extra_query : "");
}

char *
demo_vm_id (DemoFixture *fx,
            const char  *name)
{
  g_autofree char *search = g_strdup_printf ("name=%s", name);
  g_autofree char *path = demo_search_path ("vms", search, NULL);
  g_autoptr(DemoReply) reply = demo_request (fx, "GET", path, NULL);
  JsonArray *vms;

  g_assert_cmpuint (reply->status, ==, 200);
  vms = demo_collection (reply, "vm");
  g_assert_cmpuint (json_array_get_length (vms), ==, 1);
  return g_strdup (demo_get_string (json_array_get_object_element (vms, 0), "id"));
}

void
demo_assert_fault (DemoReply  *reply,
                   guint       status,
                   const char *reason,
                   const char *detail)
{
  JsonObject *fault;

  g_assert_cmpuint (reply->status, ==, status);
  fault = demo_reply_object (reply);
  /* Action faults wrap the fault; CRUD faults are bare. */
  if (json_object_has_member (fault, "status"))
    {
      g_assert_cmpstr (demo_get_string (fault, "status"), ==, "failed");
      fault = json_object_get_object_member (fault, "fault");
    }
  g_assert_cmpstr (demo_get_string (fault, "reason"), ==, reason);
  if (detail != NULL)
    g_assert_cmpstr (demo_get_string (fault, "detail"), ==, detail);
}
