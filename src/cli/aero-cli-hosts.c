/* aero-cli-hosts.c - "aerostat-cli hosts" and "aerostat-cli cluster show"
 *
 * Both print the memory picture the engine layer adds up
 * (aero-memory-picture.h) from three lists, one request each: the hosts
 * with their statistics (follow=statistics), every VM with all content
 * (its ballooning and host link) and the clusters.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>

#include <glib/gi18n.h>

#include "aero-cli-private.h"
#include "aero-json.h"
#include "aero-memory-picture.h"
#include "aero-vm-edit.h"

static const int host_widths[] = { 20, 9, 20, -9, -9, -9, -9, -4, -10, 0 };

static void
on_hosts_result (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static GAsyncResult *
wait_for (GAsyncResult **result)
{
  while (*result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return g_steal_pointer (result);
}

static GListModel *
list_hosts (AeroEngine    *engine,
            GCancellable  *cancellable,
            const char    *search,
            GError       **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  GAsyncResult *pending = NULL;

  aero_engine_list_hosts_async (engine, search, NULL, NULL, cancellable, on_hosts_result, &pending);
  result = wait_for (&pending);
  return aero_engine_list_hosts_finish (engine, result, error);
}

/* Every VM, with all content: a plain list leaves ballooning out on
 * engines up to 4.4.5, and the headroom needs it. */
static GListModel *
list_vms (AeroEngine    *engine,
          GCancellable  *cancellable,
          GError       **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  GAsyncResult *pending = NULL;

  aero_engine_list_vms_async (engine, NULL, -1, AERO_LIST_ALL_CONTENT, NULL, NULL,
                              cancellable, on_hosts_result, &pending);
  result = wait_for (&pending);
  return aero_engine_list_vms_finish (engine, result, error);
}

static char *
percent_text (int percent)
{
  return percent >= 0 ? g_strdup_printf ("%d %%", percent) : g_strdup ("-");
}

static void
print_host_row (AeroHost          *host,
                AeroMemoryPicture *picture,
                GListModel        *clusters)
{
  AeroCluster *cluster = aero_cluster_find (clusters, aero_host_get_cluster_id (host));
  g_autofree char *name = aero_cli_escape_text (aero_host_get_name (host), FALSE);
  g_autofree char *status = aero_cli_escape_text (aero_host_get_status (host), FALSE);
  g_autofree char *label = cluster != NULL ? aero_cluster_dup_label (cluster)
                                           : g_strdup (aero_host_get_cluster_id (host));
  g_autofree char *cluster_text = aero_cli_escape_text (label, FALSE);
  g_autofree char *physical = format_mib (aero_memory_picture_get_physical (picture));
  g_autofree char *used = format_mib (aero_memory_picture_get_used (picture));
  g_autofree char *shared = format_mib (aero_memory_picture_get_shared (picture));
  g_autofree char *max_free = format_mib (aero_memory_picture_get_max_free (picture));
  g_autofree char *running = g_strdup_printf ("%u", aero_memory_picture_get_running_vms (picture));
  g_autofree char *committed = format_mib (aero_memory_picture_get_committed (picture));
  g_autofree char *percent = percent_text (aero_memory_picture_get_committed_percent (picture));
  const char *cells[] = {
    name, status, cluster_text, physical, used, shared, max_free, running, committed, percent,
  };

  print_row (host_widths, cells, G_N_ELEMENTS (cells));
}

gboolean
aero_cli_print_hosts (AeroEngine    *engine,
                      GCancellable  *cancellable,
                      GListModel    *clusters,
                      const char    *search,
                      gboolean       json,
                      GError       **error)
{
  g_autoptr(GListModel) hosts = list_hosts (engine, cancellable, search, error);
  g_autoptr(GListModel) vms = NULL;
  g_autoptr(JsonArray) array = NULL;
  guint n;

  if (hosts == NULL)
    return FALSE;
  vms = list_vms (engine, cancellable, error);
  if (vms == NULL)
    return FALSE;

  n = g_list_model_get_n_items (hosts);
  if (json)
    array = json_array_sized_new (n);
  else
    {
      const char *header[] = {
        _("NAME"), _("STATUS"), _("CLUSTER"), _("PHYSICAL"), _("USED"), _("SHARED"),
        _("MAX FREE"), _("VMS"), _("COMMITTED"), _("COMMITTED%"),
      };

      print_row (host_widths, header, G_N_ELEMENTS (header));
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AeroHost) host = g_list_model_get_item (hosts, i);
      g_autoptr(AeroMemoryPicture) picture = aero_memory_picture_new_for_host (host, vms);

      if (json)
        {
          JsonNode *node = aero_json_host_to_normalised (host);

          json_object_set_member (json_node_get_object (node), "memory_picture",
                                  aero_json_memory_picture_to_normalised (picture));
          json_array_add_element (array, node);
        }
      else
        print_host_row (host, picture, clusters);
    }

  if (json)
    {
      g_autoptr(JsonNode) root = json_node_new (JSON_NODE_ARRAY);

      json_node_set_array (root, array);
      print_json_node (root);
    }
  return TRUE;
}

static void
print_figure (const char *label,
              gint64      bytes)
{
  g_autofree char *text = format_mib (bytes);

  g_print ("  %-22s %s\n", label, text);
}

gboolean
aero_cli_print_cluster (AeroEngine    *engine,
                        GCancellable  *cancellable,
                        AeroCluster   *cluster,
                        gboolean       json,
                        GError       **error)
{
  g_autofree char *escaped = NULL;
  g_autofree char *search = NULL;
  g_autoptr(GListModel) hosts = NULL;
  g_autoptr(GListModel) vms = NULL;
  g_autoptr(AeroMemoryPicture) picture = NULL;
  g_autofree char *label = NULL;
  g_autofree char *overcommit = NULL;
  g_autofree char *percent = NULL;
  gboolean unprotected;

  /* The whole list: a search by cluster name would need quoting rules
   * for every name an admin can give; the picture takes the cluster's
   * own hosts by id. */
  hosts = list_hosts (engine, cancellable, NULL, error);
  if (hosts == NULL)
    return FALSE;
  vms = list_vms (engine, cancellable, error);
  if (vms == NULL)
    return FALSE;

  picture = aero_memory_picture_new_for_cluster (aero_cluster_get_id (cluster), hosts, vms);
  unprotected = aero_memory_picture_cluster_unprotected (cluster);

  if (json)
    {
      g_autoptr(JsonNode) root = aero_json_cluster_to_normalised (cluster);
      g_autoptr(JsonArray) names = json_array_new ();
      JsonObject *object = json_node_get_object (root);
      guint n = g_list_model_get_n_items (hosts);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(AeroHost) host = g_list_model_get_item (hosts, i);

          if (g_strcmp0 (aero_host_get_cluster_id (host), aero_cluster_get_id (cluster)) == 0)
            json_array_add_string_element (names, aero_host_get_name (host));
        }
      json_object_set_array_member (object, "hosts", g_steal_pointer (&names));
      json_object_set_member (object, "memory_picture",
                              aero_json_memory_picture_to_normalised (picture));
      json_object_set_boolean_member (object, "unprotected_overcommit", unprotected);
      print_json_node (root);
      return TRUE;
    }

  label = aero_cluster_dup_label (cluster);
  escaped = aero_cli_escape_text (label, FALSE);
  overcommit = percent_text (aero_cluster_get_overcommit_percent (cluster));
  percent = percent_text (aero_memory_picture_get_committed_percent (picture));

  g_print (_("Cluster %s\n"), escaped);
  g_print ("  %-22s %s\n", _("Over-commit"), overcommit);
  g_print ("  %-22s %s\n", _("KSM"), tristate_text (aero_cluster_get_ksm_enabled (cluster)));
  g_print ("  %-22s %s\n", _("Balloon optimisation"),
           tristate_text (aero_cluster_get_ballooning_enabled (cluster)));
  g_print ("  %-22s %u\n", _("Hosts"), aero_memory_picture_get_hosts (picture));
  g_print ("  %-22s %u\n", _("Running VMs"), aero_memory_picture_get_running_vms (picture));
  print_figure (_("Physical memory"), aero_memory_picture_get_physical (picture));
  print_figure (_("In use"), aero_memory_picture_get_used (picture));
  print_figure (_("Shared (KSM)"), aero_memory_picture_get_shared (picture));
  print_figure (_("Max free to schedule"), aero_memory_picture_get_max_free (picture));
  print_figure (_("Guaranteed"), aero_memory_picture_get_guaranteed (picture));
  print_figure (_("Committed"), aero_memory_picture_get_committed (picture));
  g_print ("  %-22s %s\n", _("Committed of physical"), percent);
  print_figure (_("Balloon headroom"), aero_memory_picture_get_balloon_headroom (picture));
  if (aero_memory_picture_get_incomplete_vms (picture) > 0)
    g_print (ngettext ("%u running VM does not say its memory or ballooning: "
                       "the sums leave it out.\n",
                       "%u running VMs do not say their memory or ballooning: "
                       "the sums leave them out.\n",
                       aero_memory_picture_get_incomplete_vms (picture)),
             aero_memory_picture_get_incomplete_vms (picture));
  if (unprotected)
    g_print (_("Over-commit is above 100 %% with both KSM and balloon optimisation off: "
               "nothing takes memory back from the VMs.\n"));
  return TRUE;
}
