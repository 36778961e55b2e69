/* aero-demo-engine-api.c - the demo engine's other resources: clusters,
 * templates, data centers, hosts, and the dispatch of /api
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "aero-demo-engine-private.h"

/* The clusters and the templates are served alike: a list with search
 * and max, and one object to GET or (the admin only) PUT. What differs
 * is the store's collection and how an object is found, updated and
 * rendered. */
typedef struct
{
  const char  *element;      /* the list's member: "cluster" */
  GPtrArray *(*get_all) (AeroDemoStore *store);
  gpointer   (*find)    (AeroDemoStore *store,
                         const char    *id);
  gboolean   (*update)  (AeroDemoStore  *store,
                         gpointer        object,
                         JsonObject     *body,
                         GError        **error);
  void       (*render)  (AeroDemoWriter *w,
                         AeroDemoStore  *store,
                         gpointer        object,
                         guint           flags);
} NamedKind;

typedef void (*RenderFunc) (AeroDemoWriter *w,
                            AeroDemoStore  *store,
                            gpointer        object,
                            guint           flags);

/* The answer to a list request: a fault when the search failed, {} when
 * it found nothing (as the engine answers), else {"ELEMENT": [...]} of
 * what it found, cut to the request's "max". */
static void
respond_found (AeroDemoEngine    *self,
               SoupServerMessage *msg,
               GPtrArray         *found,
               const GError      *error,
               gint64             max,
               const char        *element,
               RenderFunc         render,
               guint              flags)
{
  GString *out;
  AeroDemoWriter w;

  if (found == NULL)
    {
      respond_fault (msg, error);
      return;
    }
  if (max >= 0 && found->len > max)
    g_ptr_array_set_size (found, max);
  if (found->len == 0)
    {
      respond_take (msg, 200, "application/json", g_string_new ("{}\n"));
      return;
    }
  out = g_string_new (NULL);
  aero_demo_writer_init (&w, out);
  aero_demo_writer_begin_object (&w, NULL);
  aero_demo_writer_begin_array (&w, element);
  for (guint i = 0; i < found->len; i++)
    render (&w, self->store, g_ptr_array_index (found, i), flags);
  aero_demo_writer_end_array (&w);
  aero_demo_writer_end_object (&w);
  respond_object (msg, 200, out);
}

static gpointer
find_cluster (AeroDemoStore *store,
              const char    *id)
{
  return aero_demo_store_find_cluster (store, id);
}

static gboolean
update_cluster (AeroDemoStore  *store,
                gpointer        cluster,
                JsonObject     *body,
                GError        **error)
{
  return aero_demo_store_update_cluster (store, cluster, body, error);
}

/* A cluster has nothing that all_content or follow would add. */
static void
render_cluster (AeroDemoWriter *w,
                AeroDemoStore  *store,
                gpointer        cluster,
                guint           flags)
{
  aero_demo_render_cluster (w, store, cluster, NULL);
}

static gpointer
find_template (AeroDemoStore *store,
               const char    *id)
{
  return aero_demo_store_find_template (store, id);
}

static gboolean
update_template (AeroDemoStore  *store,
                 gpointer        tmpl,
                 JsonObject     *body,
                 GError        **error)
{
  return aero_demo_store_update_template (store, tmpl, body, error);
}

static void
render_template (AeroDemoWriter *w,
                 AeroDemoStore  *store,
                 gpointer        tmpl,
                 guint           flags)
{
  aero_demo_render_template (w, store, tmpl, flags, NULL);
}

static const NamedKind cluster_kind = {
  "cluster", aero_demo_store_get_clusters, find_cluster, update_cluster, render_cluster,
};

static const NamedKind template_kind = {
  "template", aero_demo_store_get_templates, find_template, update_template, render_template,
};

static void
handle_named (AeroDemoEngine    *self,
              SoupServerMessage *msg,
              GHashTable        *query,
              char             **segs,
              const char        *user,
              const NamedKind   *kind)
{
  const char *method = soup_server_message_get_method (msg);
  /* One object always says whether it balloons; a list only with
   * all_content. */
  guint flags = vm_flags (self, msg, query, segs[1] != NULL);
  GString *out = NULL;
  AeroDemoWriter w;
  gpointer object;

  if (segs[1] == NULL)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) found = NULL;
      gint64 max;

      if (method != SOUP_METHOD_GET)
        {
          soup_server_message_set_status (msg, 405, NULL);
          return;
        }
      if (!read_max (msg, query, &max))
        return;
      found = aero_demo_store_search_named (self->store, kind->get_all (self->store),
                                            query != NULL ? g_hash_table_lookup (query, "search") : NULL,
                                            &error);
      respond_found (self, msg, found, error, max, kind->element, kind->render, flags);
      return;
    }

  object = kind->find (self->store, segs[1]);
  if (object == NULL || segs[2] != NULL)
    {
      respond_not_found (msg, segs[1]);
      return;
    }
  if (method == SOUP_METHOD_PUT)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(GError) error = NULL;
      JsonObject *body;

      if (is_filtered (user))
        {
          respond_forbidden (msg);
          return;
        }
      body = read_json_body (msg, parser, TRUE);
      if (body == NULL)
        return;
      if (!kind->update (self->store, object, body, &error))
        {
          respond_fault (msg, error);
          return;
        }
    }
  else if (method != SOUP_METHOD_GET)
    {
      soup_server_message_set_status (msg, 405, NULL);
      return;
    }
  out = g_string_new (NULL);
  aero_demo_writer_init (&w, out);
  kind->render (&w, self->store, object, flags);
  respond_object (msg, 200, out);
}

static void
handle_datacenters (AeroDemoEngine    *self,
                    SoupServerMessage *msg,
                    char             **segs)
{
  GString *out = g_string_new (NULL);
  AeroDemoWriter w;

  if (segs[1] != NULL && !g_str_equal (segs[1], AERO_DEMO_DATA_CENTER_ID))
    {
      g_string_free (out, TRUE);
      respond_not_found (msg, segs[1]);
      return;
    }
  aero_demo_writer_init (&w, out);
  if (segs[1] == NULL)
    {
      aero_demo_writer_begin_object (&w, NULL);
      aero_demo_writer_begin_array (&w, "data_center");
    }
  aero_demo_render_data_center (&w, self->store);
  if (segs[1] == NULL)
    {
      aero_demo_writer_end_array (&w);
      aero_demo_writer_end_object (&w);
    }
  respond_object (msg, 200, out);
}

/* /hosts[?search=&max=&follow=statistics], /hosts/{id}[?follow=...] and
 * /hosts/{id}/statistics; hosts are only read. */
static void
render_host (AeroDemoWriter *w,
             AeroDemoStore  *store,
             gpointer        host,
             guint           flags)
{
  aero_demo_render_host (w, store, host, flags);
}

static void
handle_hosts (AeroDemoEngine    *self,
              SoupServerMessage *msg,
              GHashTable        *query,
              char             **segs)
{
  guint flags = vm_flags (self, msg, query, segs[1] != NULL);
  GString *out = NULL;
  AeroDemoWriter w;
  AeroDemoHost *host;

  if (soup_server_message_get_method (msg) != SOUP_METHOD_GET)
    {
      soup_server_message_set_status (msg, 405, NULL);
      return;
    }
  if (segs[1] == NULL)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) found = NULL;
      gint64 max;

      if (!read_max (msg, query, &max))
        return;
      found = aero_demo_store_search_hosts (self->store,
                                            query != NULL ? g_hash_table_lookup (query, "search") : NULL,
                                            &error);
      /* Each host's VM sums, made in one pass over the VMs for the list. */
      if (found != NULL)
        aero_demo_store_begin_host_loads (self->store);
      respond_found (self, msg, found, error, max, "host", render_host, flags);
      if (found != NULL)
        aero_demo_store_end_host_loads (self->store);
      return;
    }

  host = aero_demo_store_find_host (self->store, segs[1]);
  if (host == NULL || (segs[2] != NULL && (!g_str_equal (segs[2], "statistics") || segs[3] != NULL)))
    {
      respond_not_found (msg, segs[1]);
      return;
    }
  out = g_string_new (NULL);
  aero_demo_writer_init (&w, out);
  if (segs[2] != NULL)
    aero_demo_render_host_statistics (&w, self->store, host, NULL);
  else
    aero_demo_render_host (&w, self->store, host, flags);
  respond_object (msg, 200, out);
}

void
handle_api (AeroDemoEngine    *self,
            SoupServerMessage *msg,
            const char        *path,
            GHashTable        *query)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  const char *version = soup_message_headers_get_one (headers, "Version");
  g_autofree char *user = authenticate (self, msg);
  g_auto(GStrv) segs = NULL;
  const char *rest = path + strlen (API_PATH);

  if (user == NULL)
    {
      respond_unauthorized (msg);
      return;
    }
  /* Version 3 of the API is gone since engine 4.3. */
  if (version != NULL && !g_str_equal (version, "4"))
    {
      g_autofree char *detail = g_strdup_printf ("Version \"%s\" isn't supported", version);

      respond_fault_literal (msg, 400, "Operation Failed", detail);
      return;
    }

  while (*rest == '/')
    rest++;
  if (*rest == '\0')
    {
      GString *out = g_string_new (NULL);
      AeroDemoWriter w;

      if (soup_server_message_get_method (msg) != SOUP_METHOD_GET)
        {
          g_string_free (out, TRUE);
          soup_server_message_set_status (msg, 405, NULL);
          return;
        }
      aero_demo_writer_init (&w, out);
      aero_demo_render_api (&w, self->store, is_filtered (user) ? user : NULL);
      respond_object (msg, 200, out);
      return;
    }

  segs = g_strsplit (rest, "/", 4);
  /* Trailing slashes leave empty segments: ignore them. */
  for (guint i = 0; segs[i] != NULL; i++)
    if (*segs[i] == '\0')
      {
        g_free (segs[i]);
        segs[i] = NULL;
        break;
      }

  if (g_str_equal (segs[0], "vms"))
    handle_vms (self, msg, query, segs, user);
  else if (g_str_equal (segs[0], "clusters"))
    handle_named (self, msg, query, segs, user, &cluster_kind);
  else if (g_str_equal (segs[0], "templates"))
    handle_named (self, msg, query, segs, user, &template_kind);
  else if (g_str_equal (segs[0], "datacenters"))
    handle_datacenters (self, msg, segs);
  else if (g_str_equal (segs[0], "hosts") && !is_filtered (user))
    handle_hosts (self, msg, query, segs);
  else
    respond_not_found (msg, segs[0]);
}
