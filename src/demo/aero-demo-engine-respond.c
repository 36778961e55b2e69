/* aero-demo-engine-respond.c - the demo engine's answers: faults in the
 * engine's words, request bodies and parameters, streamed VM collections
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "aero-demo-engine-private.h"

/* ---- responses ---- */

void
respond_take (SoupServerMessage *msg,
              guint              status,
              const char        *content_type,
              GString           *body)
{
  gsize len = body->len;

  soup_server_message_set_status (msg, status, NULL);
  soup_server_message_set_response (msg, content_type, SOUP_MEMORY_TAKE,
                                    g_string_free (body, FALSE), len);
}

void
respond_fault_literal (SoupServerMessage *msg,
                       guint              status,
                       const char        *reason,
                       const char        *detail)
{
  GString *out = g_string_new (NULL);
  AeroDemoWriter w;

  aero_demo_writer_init (&w, out);
  aero_demo_writer_begin_object (&w, NULL);
  aero_demo_writer_string (&w, "detail", detail);
  aero_demo_writer_string (&w, "reason", reason);
  aero_demo_writer_end_object (&w);
  respond_take (msg, status, "application/json", out);
}

static const char *
fault_reason (const GError *error)
{
  return error->domain == AERO_DEMO_FAULT_INCOMPLETE ? "Incomplete parameters" : "Operation Failed";
}

static guint
fault_status (const GError *error)
{
  if (error->domain == AERO_DEMO_FAULT || error->domain == AERO_DEMO_FAULT_INCOMPLETE)
    return error->code;
  return 400;
}

/* CRUD failures: a bare fault. */
void
respond_fault (SoupServerMessage *msg,
               const GError      *error)
{
  respond_fault_literal (msg, fault_status (error), fault_reason (error), error->message);
}

/* Failed actions: the action, with status "failed" and the fault. */
void
respond_action_fault (SoupServerMessage *msg,
                      const GError      *error)
{
  GString *out = g_string_new (NULL);
  AeroDemoWriter w;

  aero_demo_writer_init (&w, out);
  aero_demo_writer_begin_object (&w, NULL);
  aero_demo_writer_begin_object (&w, "fault");
  aero_demo_writer_string (&w, "detail", error->message);
  aero_demo_writer_string (&w, "reason", fault_reason (error));
  aero_demo_writer_end_object (&w);
  aero_demo_writer_string (&w, "status", "failed");
  aero_demo_writer_end_object (&w);
  respond_take (msg, fault_status (error), "application/json", out);
}

void
respond_not_found (SoupServerMessage *msg,
                   const char        *id)
{
  g_autofree char *detail = g_strdup_printf ("Entity not found: %s", id != NULL ? id : "");

  respond_fault_literal (msg, 404, "Operation Failed", detail);
}

void
respond_forbidden (SoupServerMessage *msg)
{
  respond_fault_literal (msg, 403, "Operation Failed", "[User is not authorized to perform this action.]");
}

/* The application server answers unauthenticated API calls with HTML. */
void
respond_unauthorized (SoupServerMessage *msg)
{
  static const char body[] =
    "<html><head><title>Error</title></head><body>Unauthorized</body></html>";

  soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                "WWW-Authenticate", "Basic realm=\"RESTAPI\"");
  soup_server_message_set_status (msg, 401, NULL);
  soup_server_message_set_response (msg, "text/html;charset=UTF-8", SOUP_MEMORY_STATIC,
                                    body, strlen (body));
}

void
respond_sso_error (SoupServerMessage *msg,
                   const char        *code,
                   const char        *message)
{
  GString *out = g_string_new (NULL);
  AeroDemoWriter w;

  aero_demo_writer_init (&w, out);
  aero_demo_writer_begin_object (&w, NULL);
  aero_demo_writer_string (&w, "error_code", code);
  aero_demo_writer_string (&w, "error", message);
  aero_demo_writer_end_object (&w);
  respond_take (msg, 400, "application/json", out);
}

/* ---- request helpers ---- */

gboolean
truthy (const char *value)
{
  return value != NULL && (g_ascii_strcasecmp (value, "true") == 0 || g_str_equal (value, "1")
                           || *value == '\0');
}

JsonObject *
read_json_body (SoupServerMessage  *msg,
                JsonParser         *parser,
                gboolean            required)
{
  SoupMessageBody *body = soup_server_message_get_request_body (msg);
  g_autoptr(GBytes) bytes = soup_message_body_flatten (body);
  g_autoptr(GError) error = NULL;
  JsonNode *root;

  if (g_bytes_get_size (bytes) == 0)
    {
      if (required)
        respond_fault_literal (msg, 400, "Operation Failed", "Request syntactically incorrect.");
      return NULL;
    }
  if (!json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error)
      || !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      respond_fault_literal (msg, 400, "Operation Failed", "Request syntactically incorrect.");
      return NULL;
    }
  root = json_parser_get_root (parser);
  return json_node_get_object (root);
}

void
respond_object (SoupServerMessage *msg,
                guint              status,
                GString           *out)
{
  g_string_append_c (out, '\n');
  respond_take (msg, status, "application/json", out);
}

guint
vm_flags (AeroDemoEngine    *self,
          SoupServerMessage *msg,
          GHashTable        *query,
          gboolean           single)
{
  const char *all = query != NULL ? g_hash_table_lookup (query, "all_content") : NULL;
  const char *header = soup_message_headers_get_one (soup_server_message_get_request_headers (msg),
                                                     "All-Content");
  const char *follow = query != NULL ? g_hash_table_lookup (query, "follow") : NULL;
  const AeroDemoVersion *version = aero_demo_store_get_version (self->store);
  guint flags = 0;

  /* A single object always says whether it balloons; a list from 4.4.6.5,
   * where the balloon is a VM field (VmBaseMapper), or when populated. */
  if (single || aero_demo_version_balloon_is_field (version))
    flags |= AERO_DEMO_RENDER_BALLOONING;
  /* BackendResource.isPopulate reads the All-Content header, and the
   * all_content query parameter only from 4.4.3.8. */
  if ((all != NULL && g_ascii_strcasecmp (all, "true") == 0
       && aero_demo_version_reads_all_content_query (version))
      || (header != NULL && g_ascii_strcasecmp (header, "true") == 0))
    flags |= AERO_DEMO_RENDER_BALLOONING | AERO_DEMO_RENDER_ALL_CONTENT;
  if (follow != NULL)
    {
      g_auto(GStrv) parts = g_strsplit (follow, ",", -1);

      for (guint i = 0; parts[i] != NULL; i++)
        {
          g_strstrip (parts[i]);
          if (g_str_equal (parts[i], "cluster"))
            flags |= AERO_DEMO_RENDER_FOLLOW_CLUSTER;
          else if (g_str_equal (parts[i], "template"))
            flags |= AERO_DEMO_RENDER_FOLLOW_TEMPLATE;
          else if (g_str_equal (parts[i], "statistics"))
            flags |= AERO_DEMO_RENDER_FOLLOW_STATISTICS;
        }
    }
  return flags;
}

/* "max" caps a collection; a malformed value is the engine's 400. */
gboolean
read_max (SoupServerMessage *msg,
          GHashTable        *query,
          gint64            *max)
{
  const char *value = query != NULL ? g_hash_table_lookup (query, "max") : NULL;
  gint64 v;

  *max = -1;
  if (value == NULL)
    return TRUE;
  if (!g_ascii_string_to_signed (value, 10, -1, G_MAXINT, &v, NULL))
    {
      g_autofree char *detail = g_strdup_printf ("Value '%s' of parameter 'max' isn't a valid number", value);

      respond_fault_literal (msg, 400, "Invalid value", detail);
      return FALSE;
    }
  *max = v;
  return TRUE;
}

/* ---- streamed VM collections ---- */

typedef struct
{
  AeroDemoStore  *store;
  GPtrArray      *ids;
  guint           next;
  guint           flags;
  AeroDemoWriter  w;
  gboolean        done;
} VmStream;

static void
vm_stream_free (gpointer data)
{
  VmStream *stream = data;

  g_ptr_array_unref (stream->ids);
  g_object_unref (stream->store);
  g_free (stream);
}

/* Appends the next batch of VMs (or the end of the document) to the
 * response body. */
static void
vm_stream_fill (SoupServerMessage *msg,
                VmStream          *stream)
{
  SoupMessageBody *body = soup_server_message_get_response_body (msg);
  GString *out;
  gsize len;

  if (stream->done)
    return;
  out = g_string_sized_new (STREAM_CHUNK_SIZE + 16 * 1024);
  stream->w.out = out;
  while (stream->next < stream->ids->len && out->len < STREAM_CHUNK_SIZE)
    {
      const char *id = g_ptr_array_index (stream->ids, stream->next++);
      AeroDemoVm *vm = aero_demo_store_find_vm (stream->store, id);

      /* A VM removed while the list is being written is left out. */
      if (vm != NULL)
        aero_demo_render_vm (&stream->w, stream->store, vm, stream->flags);
    }
  if (stream->next >= stream->ids->len)
    {
      aero_demo_writer_end_array (&stream->w);
      aero_demo_writer_end_object (&stream->w);
      g_string_append_c (out, '\n');
      stream->done = TRUE;
    }
  len = out->len;
  soup_message_body_append_take (body, (guchar *) g_string_free (out, FALSE), len);
  if (stream->done)
    soup_message_body_complete (body);
}

static void
on_vm_stream_wrote_chunk (SoupServerMessage *msg,
                          gpointer           user_data)
{
  vm_stream_fill (msg, user_data);
}

void
respond_vm_stream (AeroDemoEngine    *self,
                   SoupServerMessage *msg,
                   GPtrArray         *vms,
                   guint              flags)
{
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);
  VmStream *stream;

  if (vms->len == 0)
    {
      respond_take (msg, 200, "application/json", g_string_new ("{}\n"));
      return;
    }

  stream = g_new0 (VmStream, 1);
  /* The store, not the engine: the last reference to the engine must not
   * be dropped in the server thread. */
  stream->store = g_object_ref (self->store);
  stream->flags = flags;
  stream->ids = g_ptr_array_new_full (vms->len, g_free);
  for (guint i = 0; i < vms->len; i++)
    g_ptr_array_add (stream->ids, g_strdup (((AeroDemoVm *) g_ptr_array_index (vms, i))->id));

  soup_server_message_set_status (msg, 200, NULL);
  soup_message_headers_set_content_type (headers, "application/json", NULL);
  soup_message_headers_set_encoding (headers, SOUP_ENCODING_CHUNKED);
  soup_message_body_set_accumulate (soup_server_message_get_response_body (msg), FALSE);

  aero_demo_writer_init (&stream->w, NULL);
  stream->w.out = g_string_new (NULL);
  aero_demo_writer_begin_object (&stream->w, NULL);
  aero_demo_writer_begin_array (&stream->w, "vm");
  {
    gsize len = stream->w.out->len;

    soup_message_body_append_take (soup_server_message_get_response_body (msg),
                                   (guchar *) g_string_free (stream->w.out, FALSE), len);
  }
  stream->w.out = NULL;

  g_signal_connect (msg, "wrote-chunk", G_CALLBACK (on_vm_stream_wrote_chunk), stream);
  g_object_set_data_full (G_OBJECT (msg), "aero-demo-vm-stream", stream, vm_stream_free);
}
