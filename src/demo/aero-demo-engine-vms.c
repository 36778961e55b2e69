/* aero-demo-engine-vms.c - the demo engine's /vms resources and actions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "aero-demo-engine-private.h"

/* ---- resources ---- */

gboolean
is_filtered (const char *user)
{
  return g_strcmp0 (user, ADMIN_USER) != 0;
}

static void
get_vms (AeroDemoEngine    *self,
         SoupServerMessage *msg,
         GHashTable        *query,
         const char        *owner)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) vms = NULL;
  gint64 max;

  if (!read_max (msg, query, &max))
    return;
  vms = aero_demo_store_search_vms (self->store, query != NULL ? g_hash_table_lookup (query, "search") : NULL,
                                    owner, &error);
  if (vms == NULL)
    {
      respond_fault (msg, error);
      return;
    }
  if (max >= 0 && vms->len > max)
    g_ptr_array_set_size (vms, max);
  respond_vm_stream (self, msg, vms, vm_flags (self, msg, query, FALSE));
}

static void
respond_vm (AeroDemoEngine    *self,
            SoupServerMessage *msg,
            guint              status,
            AeroDemoVm        *vm,
            guint              flags)
{
  GString *out = g_string_new (NULL);
  AeroDemoWriter w;

  aero_demo_writer_init (&w, out);
  aero_demo_render_vm (&w, self->store, vm, flags | AERO_DEMO_RENDER_BALLOONING);
  respond_object (msg, status, out);
}

static void
respond_action_complete (SoupServerMessage *msg,
                         AeroDemoVm        *vm)
{
  GString *out = g_string_new (NULL);
  AeroDemoWriter w;

  aero_demo_writer_init (&w, out);
  aero_demo_writer_begin_object (&w, NULL);
  aero_demo_writer_string (&w, "status", "complete");
  aero_demo_writer_ref (&w, "vm", "vms", vm->id);
  aero_demo_writer_end_object (&w);
  respond_object (msg, 200, out);
}

static void
vm_action (AeroDemoEngine    *self,
           SoupServerMessage *msg,
           AeroDemoVm        *vm,
           const char        *action)
{
  static const char *const actions[] = { "start", "stop", "shutdown", "suspend", "reboot", NULL };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *body;
  gboolean ok;

  if (!g_strv_contains (actions, action))
    {
      respond_not_found (msg, action);
      return;
    }
  if (soup_server_message_get_method (msg) != SOUP_METHOD_POST)
    {
      soup_server_message_set_status (msg, 405, NULL);
      return;
    }
  body = read_json_body (msg, parser, FALSE);
  if (body == NULL && soup_server_message_get_status (msg) != 0)
    return;

  if (g_str_equal (action, "start"))
    ok = aero_demo_store_start_vm (self->store, vm, body, &error);
  else if (g_str_equal (action, "stop"))
    ok = aero_demo_store_stop_vm (self->store, vm, &error);
  else if (g_str_equal (action, "shutdown"))
    ok = aero_demo_store_shutdown_vm (self->store, vm, &error);
  else if (g_str_equal (action, "suspend"))
    ok = aero_demo_store_suspend_vm (self->store, vm, &error);
  else
    ok = aero_demo_store_reboot_vm (self->store, vm, &error);
  if (ok)
    respond_action_complete (msg, vm);
  else
    respond_action_fault (msg, error);
}

static void
respond_rendered_vm_view (AeroDemoEngine    *self,
                          SoupServerMessage *msg,
                          AeroDemoVm        *vm,
                          gboolean           statistics)
{
  GString *out = g_string_new (NULL);
  AeroDemoWriter w;

  aero_demo_writer_init (&w, out);
  if (statistics)
    aero_demo_render_statistics (&w, self->store, vm);
  else
    aero_demo_render_devices (&w, self->store, vm);
  respond_object (msg, 200, out);
}

void
handle_vms (AeroDemoEngine    *self,
            SoupServerMessage *msg,
            GHashTable        *query,
            char             **segs,
            const char        *user)
{
  const char *method = soup_server_message_get_method (msg);
  const char *owner = is_filtered (user) ? user : NULL;
  g_autofree char *id = NULL;
  gboolean next_run = FALSE;
  AeroDemoVm *vm;

  if (segs[1] == NULL)
    {
      if (method == SOUP_METHOD_GET)
        get_vms (self, msg, query, owner);
      else if (method == SOUP_METHOD_POST)
        {
          g_autoptr(JsonParser) parser = json_parser_new ();
          g_autoptr(GError) error = NULL;
          JsonObject *body = read_json_body (msg, parser, TRUE);
          g_autofree char *location = NULL;

          if (body == NULL)
            return;
          vm = aero_demo_store_add_vm (self->store, body, owner, &error);
          if (vm == NULL)
            {
              respond_fault (msg, error);
              return;
            }
          /* An absolute URL, as the engine sends it. */
          location = g_strdup_printf ("%s/vms/%s", self->api_url, vm->id);
          soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Location", location);
          respond_vm (self, msg, 201, vm, 0);
        }
      else
        soup_server_message_set_status (msg, 405, NULL);
      return;
    }

  /* "ID;next_run" (a matrix parameter) or "?next_run=true". */
  {
    char *semi = strchr (segs[1], ';');

    id = g_strndup (segs[1], semi != NULL ? (gsize) (semi - segs[1]) : strlen (segs[1]));
    if (semi != NULL && g_str_has_prefix (semi + 1, "next_run"))
      {
        const char *eq = strchr (semi + 1, '=');

        next_run = eq == NULL || truthy (eq + 1);
      }
    if (query != NULL && g_hash_table_contains (query, "next_run"))
      next_run = truthy (g_hash_table_lookup (query, "next_run"));
  }

  vm = aero_demo_store_find_vm (self->store, id);
  /* A filtered user does not see what it does not own. */
  if (vm == NULL || (owner != NULL && g_strcmp0 (vm->owner, owner) != 0))
    {
      respond_not_found (msg, id);
      return;
    }

  if (segs[2] != NULL)
    {
      if (g_str_equal (segs[2], "statistics") || g_str_equal (segs[2], "devices"))
        {
          if (method != SOUP_METHOD_GET)
            soup_server_message_set_status (msg, 405, NULL);
          else
            respond_rendered_vm_view (self, msg, vm, g_str_equal (segs[2], "statistics"));
          return;
        }
      vm_action (self, msg, vm, segs[2]);
      return;
    }

  if (method == SOUP_METHOD_GET)
    respond_vm (self, msg, 200, vm, vm_flags (self, msg, query, TRUE) | (next_run ? AERO_DEMO_RENDER_NEXT_RUN : 0));
  else if (method == SOUP_METHOD_PUT)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(GError) error = NULL;
      JsonObject *body = read_json_body (msg, parser, TRUE);

      if (body == NULL)
        return;
      /* With next_run the engine answers with the next-run configuration. */
      if (!aero_demo_store_update_vm (self->store, vm, body, next_run, &error))
        respond_fault (msg, error);
      else
        respond_vm (self, msg, 200, vm, next_run ? AERO_DEMO_RENDER_NEXT_RUN : 0);
    }
  else if (method == SOUP_METHOD_DELETE)
    {
      g_autoptr(GError) error = NULL;

      if (!aero_demo_store_remove_vm (self->store, vm, &error))
        respond_fault (msg, error);
      else
        soup_server_message_set_status (msg, 200, NULL);
    }
  else
    soup_server_message_set_status (msg, 405, NULL);
}
