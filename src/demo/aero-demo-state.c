/* aero-demo-state.c - the demo engine's state file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "aero-demo-state.h"
#include "aero-demo-writer.h"

#define STATE_FORMAT "aerostat-demo-state"
#define STATE_VERSION 1

static void
write_config (AeroDemoWriter       *w,
              const char           *key,
              const AeroDemoConfig *conf)
{
  if (conf == NULL)
    return;
  aero_demo_writer_begin_object (w, key);
  aero_demo_writer_string (w, "name", conf->name);
  aero_demo_writer_string (w, "description", conf->description);
  aero_demo_writer_string (w, "comment", conf->comment);
  aero_demo_writer_string (w, "type", conf->type);
  aero_demo_writer_number (w, "memory", conf->memory);
  aero_demo_writer_number (w, "guaranteed", conf->guaranteed);
  aero_demo_writer_number (w, "max", conf->max_memory);
  aero_demo_writer_bool (w, "ballooning", conf->ballooning);
  aero_demo_writer_number (w, "sockets", conf->sockets);
  aero_demo_writer_number (w, "cores", conf->cores);
  aero_demo_writer_number (w, "threads", conf->threads);
  aero_demo_writer_number (w, "cpu_shares", conf->cpu_shares);
  aero_demo_writer_string (w, "os", conf->os_type);
  if (conf->cluster_id != NULL)
    aero_demo_writer_string (w, "cluster", conf->cluster_id);
  aero_demo_writer_number (w, "ccv_major", conf->ccv_major);
  aero_demo_writer_number (w, "ccv_minor", conf->ccv_minor);
  aero_demo_writer_end_object (w);
}

GString *
aero_demo_state_serialize (GPtrArray *clusters,
                           GPtrArray *templates,
                           GPtrArray *vms)
{
  GString *out = g_string_sized_new (1024 + vms->len * 512);
  AeroDemoWriter w;

  aero_demo_writer_init (&w, out);
  aero_demo_writer_begin_object (&w, NULL);
  aero_demo_writer_string (&w, "format", STATE_FORMAT);
  aero_demo_writer_number (&w, "version", STATE_VERSION);

  aero_demo_writer_begin_array (&w, "clusters");
  for (guint i = 0; i < clusters->len; i++)
    {
      AeroDemoCluster *c = g_ptr_array_index (clusters, i);

      aero_demo_writer_begin_object (&w, NULL);
      aero_demo_writer_string (&w, "id", c->id);
      aero_demo_writer_string (&w, "name", c->name);
      aero_demo_writer_string (&w, "description", c->description);
      aero_demo_writer_number (&w, "major", c->major);
      aero_demo_writer_number (&w, "minor", c->minor);
      aero_demo_writer_bool (&w, "ballooning_enabled", c->ballooning_enabled);
      aero_demo_writer_bool (&w, "ksm", c->ksm);
      aero_demo_writer_bool (&w, "thp", c->thp);
      aero_demo_writer_number (&w, "over_commit", c->over_commit);
      aero_demo_writer_string (&w, "architecture", c->architecture);
      aero_demo_writer_end_object (&w);
    }
  aero_demo_writer_end_array (&w);

  aero_demo_writer_begin_array (&w, "templates");
  for (guint i = 0; i < templates->len; i++)
    {
      AeroDemoTemplate *t = g_ptr_array_index (templates, i);

      aero_demo_writer_begin_object (&w, NULL);
      aero_demo_writer_string (&w, "id", t->id);
      aero_demo_writer_number (&w, "creation_time", t->creation_time);
      write_config (&w, "conf", t->conf);
      aero_demo_writer_end_object (&w);
    }
  aero_demo_writer_end_array (&w);

  aero_demo_writer_begin_array (&w, "vms");
  for (guint i = 0; i < vms->len; i++)
    {
      AeroDemoVm *vm = g_ptr_array_index (vms, i);

      aero_demo_writer_begin_object (&w, NULL);
      aero_demo_writer_string (&w, "id", vm->id);
      aero_demo_writer_number (&w, "serial", vm->serial);
      aero_demo_writer_string (&w, "status", vm->status);
      aero_demo_writer_string (&w, "template", vm->template_id);
      if (vm->owner != NULL)
        aero_demo_writer_string (&w, "owner", vm->owner);
      aero_demo_writer_number (&w, "creation_time", vm->creation_time);
      aero_demo_writer_number (&w, "start_time", vm->start_time);
      aero_demo_writer_number (&w, "stop_time", vm->stop_time);
      write_config (&w, "conf", vm->persistent != NULL ? vm->persistent : vm->conf);
      write_config (&w, "next_run", vm->next_run);
      aero_demo_writer_end_object (&w);
    }
  aero_demo_writer_end_array (&w);
  aero_demo_writer_end_object (&w);
  g_string_append_c (out, '\n');
  return out;
}

static const char *
str_member (JsonObject *o,
            const char *name,
            const char *fallback)
{
  JsonNode *n = o != NULL ? json_object_get_member (o, name) : NULL;

  if (n != NULL && JSON_NODE_HOLDS_VALUE (n) && json_node_get_value_type (n) == G_TYPE_STRING)
    return json_node_get_string (n);
  return fallback;
}

static gint64
int_member (JsonObject *o,
            const char *name)
{
  JsonNode *n = o != NULL ? json_object_get_member (o, name) : NULL;

  if (n != NULL && JSON_NODE_HOLDS_VALUE (n) && json_node_get_value_type (n) == G_TYPE_INT64)
    return json_node_get_int (n);
  return 0;
}

static gboolean
bool_member (JsonObject *o,
             const char *name)
{
  return g_strcmp0 (str_member (o, name, "false"), "true") == 0;
}

static AeroDemoConfig *
read_config (JsonObject *parent,
             const char *key)
{
  JsonNode *node = json_object_get_member (parent, key);
  JsonObject *o;
  AeroDemoConfig *conf;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;
  o = json_node_get_object (node);
  conf = g_new0 (AeroDemoConfig, 1);
  conf->name = g_strdup (str_member (o, "name", ""));
  conf->description = g_strdup (str_member (o, "description", ""));
  conf->comment = g_strdup (str_member (o, "comment", ""));
  conf->type = g_strdup (str_member (o, "type", "server"));
  conf->memory = int_member (o, "memory");
  conf->guaranteed = int_member (o, "guaranteed");
  conf->max_memory = int_member (o, "max");
  conf->ballooning = bool_member (o, "ballooning");
  conf->sockets = MAX (int_member (o, "sockets"), 1);
  conf->cores = MAX (int_member (o, "cores"), 1);
  conf->threads = MAX (int_member (o, "threads"), 1);
  conf->cpu_shares = int_member (o, "cpu_shares");
  conf->os_type = g_strdup (str_member (o, "os", "other"));
  conf->cluster_id = g_strdup (str_member (o, "cluster", NULL));
  conf->ccv_major = int_member (o, "ccv_major");
  conf->ccv_minor = int_member (o, "ccv_minor");
  return conf;
}

static JsonArray *
array_member (JsonObject *o,
              const char *name)
{
  JsonNode *n = json_object_get_member (o, name);

  return n != NULL && JSON_NODE_HOLDS_ARRAY (n) ? json_node_get_array (n) : NULL;
}

gboolean
aero_demo_state_parse (const char  *contents,
                       gsize        length,
                       GPtrArray   *clusters,
                       GPtrArray   *templates,
                       GPtrArray   *vms,
                       GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  JsonObject *root;
  JsonArray *a_clusters, *a_templates, *a_vms;

  if (!json_parser_load_from_data (parser, contents, length, error))
    return FALSE;
  if (!JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser))
      || g_strcmp0 (str_member (json_node_get_object (json_parser_get_root (parser)), "format", NULL),
                    STATE_FORMAT) != 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("This is not a demo engine state file"));
      return FALSE;
    }
  root = json_node_get_object (json_parser_get_root (parser));
  a_clusters = array_member (root, "clusters");
  a_templates = array_member (root, "templates");
  a_vms = array_member (root, "vms");
  if (a_clusters == NULL || a_templates == NULL || a_vms == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("The demo engine state file is incomplete"));
      return FALSE;
    }

  for (guint i = 0; i < json_array_get_length (a_clusters); i++)
    {
      JsonObject *o = json_array_get_object_element (a_clusters, i);
      AeroDemoCluster *c = g_new0 (AeroDemoCluster, 1);

      c->id = g_strdup (str_member (o, "id", ""));
      c->name = g_strdup (str_member (o, "name", ""));
      c->description = g_strdup (str_member (o, "description", ""));
      c->major = int_member (o, "major");
      c->minor = int_member (o, "minor");
      c->ballooning_enabled = bool_member (o, "ballooning_enabled");
      c->ksm = bool_member (o, "ksm");
      c->thp = bool_member (o, "thp");
      c->over_commit = MAX (int_member (o, "over_commit"), 1);
      /* State files written before clusters had one: all were x86_64. */
      c->architecture = g_strdup (str_member (o, "architecture", "x86_64"));
      g_ptr_array_add (clusters, c);
    }
  for (guint i = 0; i < json_array_get_length (a_templates); i++)
    {
      JsonObject *o = json_array_get_object_element (a_templates, i);
      AeroDemoTemplate *t = g_new0 (AeroDemoTemplate, 1);

      t->id = g_strdup (str_member (o, "id", ""));
      t->creation_time = int_member (o, "creation_time");
      t->conf = read_config (o, "conf");
      if (t->conf == NULL)
        t->conf = g_new0 (AeroDemoConfig, 1);
      g_ptr_array_add (templates, t);
    }
  for (guint i = 0; i < json_array_get_length (a_vms); i++)
    {
      JsonObject *o = json_array_get_object_element (a_vms, i);
      AeroDemoVm *vm = g_new0 (AeroDemoVm, 1);

      vm->id = g_strdup (str_member (o, "id", ""));
      vm->serial = int_member (o, "serial");
      vm->status = g_strdup (str_member (o, "status", "down"));
      vm->template_id = g_strdup (str_member (o, "template", NULL));
      vm->owner = g_strdup (str_member (o, "owner", NULL));
      vm->creation_time = int_member (o, "creation_time");
      vm->start_time = int_member (o, "start_time");
      vm->stop_time = int_member (o, "stop_time");
      vm->conf = read_config (o, "conf");
      vm->next_run = read_config (o, "next_run");
      g_ptr_array_add (vms, vm);
      if (vm->conf == NULL || vm->conf->name == NULL || *vm->id == '\0')
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("The demo engine state file has a VM without a configuration"));
          return FALSE;
        }
    }
  return TRUE;
}
