/* aero-cli-cluster.c - "aerostat-cli clusters", "cluster ..." and "templates"
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "aero-cli-private.h"
#include "aero-features.h"
#include "aero-json.h"

/* ------------------------------------------------------------------ */
/* clusters, cluster set, templates                                    */
/* ------------------------------------------------------------------ */

static const int cluster_widths[] = { 24, 8, 11, 11, 0 };
static const int template_widths[] = { 24, 38, -10, 0 };

static void
print_cluster_row (AeroCluster *cluster)
{
  AeroVersion *version = aero_cluster_get_version (cluster);
  g_autofree char *level = version != NULL ? aero_version_to_string (version) : g_strdup ("-");
  int percent = aero_cluster_get_overcommit_percent (cluster);
  g_autofree char *overcommit = percent >= 0 ? g_strdup_printf ("%d %%", percent) : g_strdup ("-");
  /* Engine text: no terminal escapes reach the terminal. */
  g_autofree char *name = aero_cli_escape_text (aero_cluster_get_name (cluster), FALSE);

  const char *cells[] = {
    name, level, overcommit,
    tristate_text (aero_cluster_get_ballooning_enabled (cluster)),
    tristate_text (aero_cluster_get_ksm_enabled (cluster)),
  };

  print_row (cluster_widths, cells, G_N_ELEMENTS (cells));
}

int
cmd_clusters (AeroCli  *cli,
              int       argc,
              char    **argv)
{
  g_autoptr(GError) error = NULL;
  GListModel *clusters;
  int code;
  guint n;

  if ((code = begin_list_command (cli, "clusters", NULL, &argc, &argv)) != AERO_CLI_EXIT_OK)
    return code;
  clusters = get_clusters (cli, &error);
  if (clusters == NULL)
    return report_error (error);

  n = g_list_model_get_n_items (clusters);
  if (cli->json)
    {
      print_json_list (clusters);
    }
  else
    {
      const char *header[] = {
        _("NAME"), _("LEVEL"), _("OVERCOMMIT"), _("BALLOONING"), _("KSM"),
      };

      print_row (cluster_widths, header, G_N_ELEMENTS (header));
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(AeroCluster) cluster = g_list_model_get_item (clusters, i);

          print_cluster_row (cluster);
        }
    }

  return AERO_CLI_EXIT_OK;
}

/* Reads an on|off option into @change: @member is marked changed. */
static gboolean
parse_cluster_switch (const char               *option,
                      const char               *text,
                      AeroClusterMemoryMembers  member,
                      gboolean                 *value,
                      AeroClusterMemoryChange  *change)
{
  if (text == NULL)
    return TRUE;
  if (!aero_cli_parse_switch (text, value))
    {
      usage_error (_("--%s takes \"on\" or \"off\", not \"%s\""), option, text);
      return FALSE;
    }
  change->changed |= member;
  return TRUE;
}

int
cmd_hosts (AeroCli  *cli,
           int       argc,
           char    **argv)
{
  g_autofree char *search = NULL;
  GOptionEntry entries[] = {
    { "search", 0, 0, G_OPTION_ARG_STRING, &search,
      N_("Only the hosts matching this engine search"), N_("QUERY") },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  GListModel *clusters;
  int code;

  if ((code = begin_list_command (cli, "hosts", entries, &argc, &argv)) != AERO_CLI_EXIT_OK)
    return code;
  clusters = get_clusters (cli, &error);
  if (clusters == NULL ||
      !aero_cli_print_hosts (cli->engine, cli->cancellable, clusters, search, cli->json, &error))
    return report_error (error);

  return AERO_CLI_EXIT_OK;
}

int
cmd_cluster_show (AeroCli  *cli,
                  int       argc,
                  char    **argv)
{
  g_autoptr(GError) error = NULL;
  AeroCluster *cluster;
  int code;

  if ((code = parse_command_line (cli, "cluster show", "CLUSTER",
                                  _("\"cluster show\" needs a CLUSTER (name or id)"),
                                  NULL, &argc, &argv)) != AERO_CLI_EXIT_OK)
    return code;
  if ((code = connect_engine (cli)) != AERO_CLI_EXIT_OK)
    return code;
  cluster = find_cluster (cli, argv[1], &error);
  if (cluster == NULL ||
      !aero_cli_print_cluster (cli->engine, cli->cancellable, cluster, cli->json, &error))
    return report_error (error);

  return AERO_CLI_EXIT_OK;
}

int
cmd_cluster_set (AeroCli  *cli,
                 int       argc,
                 char    **argv)
{
  g_autofree char *ballooning = NULL;
  g_autofree char *ksm = NULL;
  g_autofree char *thp = NULL;
  int overcommit = G_MININT;
  GOptionEntry entries[] = {
    { "ballooning", 0, 0, G_OPTION_ARG_STRING, &ballooning,
      N_("Memory balloon optimisation"), N_("on|off") },
    { "overcommit", 0, 0, G_OPTION_ARG_INT, &overcommit,
      N_("Memory over-commit in percent"), N_("PERCENT") },
    { "ksm", 0, 0, G_OPTION_ARG_STRING, &ksm,
      N_("Kernel same-page merging"), N_("on|off") },
    { "transparent-hugepages", 0, 0, G_OPTION_ARG_STRING, &thp,
      N_("Transparent Huge Pages"), N_("on|off") },
    { NULL }
  };
  AeroClusterMemoryChange change = { 0 };
  g_autoptr(AeroCluster) updated = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  AeroCluster *cluster;
  int code = AERO_CLI_EXIT_OK;

  if ((code = parse_command_line (cli, "cluster set", "CLUSTER",
                                  _("\"cluster set\" needs a CLUSTER (name or id)"),
                                  entries, &argc, &argv)) != AERO_CLI_EXIT_OK)
    return code;
  if (!parse_cluster_switch ("ballooning", ballooning, AERO_CLUSTER_MEMORY_BALLOONING,
                             &change.ballooning, &change)
      || !parse_cluster_switch ("ksm", ksm, AERO_CLUSTER_MEMORY_KSM, &change.ksm, &change)
      || !parse_cluster_switch ("transparent-hugepages", thp,
                                AERO_CLUSTER_MEMORY_TRANSPARENT_HUGEPAGES,
                                &change.transparent_hugepages, &change))
    return AERO_CLI_EXIT_USAGE;
  if (overcommit != G_MININT)
    {
      /* The same range as the Edit Cluster dialog (aero-cluster.h). */
      if (!aero_cluster_overcommit_valid (overcommit))
        return usage_error (_("--overcommit takes a percentage from %d to %d"),
                            AERO_CLUSTER_OVERCOMMIT_MIN, AERO_CLUSTER_OVERCOMMIT_MAX);
      change.overcommit_percent = overcommit;
      change.changed |= AERO_CLUSTER_MEMORY_OVERCOMMIT;
    }
  if (change.changed == AERO_CLUSTER_MEMORY_NONE)
    return usage_error (_("nothing to set: give --ballooning, --overcommit, --ksm or --transparent-hugepages"));

  if ((code = connect_engine (cli)) != AERO_CLI_EXIT_OK)
    return code;
  cluster = find_cluster (cli, argv[1], &error);
  if (cluster == NULL)
    return report_error (error);

  if ((change.changed & AERO_CLUSTER_MEMORY_BALLOONING) && change.ballooning)
    {
      g_autofree char *reason =
        aero_feature_dup_reason (AERO_FEATURE_CLUSTER_BALLOON_OPTIMIZATION,
                                 aero_cluster_get_version (cluster));

      if (reason != NULL)
        return failure ("%s", reason);
    }

  /* Only what was given is sent (with THP restated as the engine
   * requires, see aero_engine_update_cluster_memory_async()). */
  aero_engine_update_cluster_memory_async (cli->engine, cluster, &change,
                                           NULL, on_result, cli);
  result = wait_for_result (cli);
  updated = aero_engine_update_cluster_memory_finish (cli->engine, result, &error);
  if (updated == NULL)
    return report_error (error);

  if (cli->json)
    {
      g_autoptr(JsonNode) node = aero_json_cluster_to_normalised (updated);

      print_json_node (node);
    }
  else
    {
      g_autofree char *name = aero_cli_escape_text (aero_cluster_get_name (cluster), FALSE);

      g_print (_("Updated cluster %s.\n"), name);
    }

  return AERO_CLI_EXIT_OK;
}

int
cmd_templates (AeroCli  *cli,
               int       argc,
               char    **argv)
{
  g_autoptr(GListModel) templates = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  int code;
  guint n;

  if ((code = begin_list_command (cli, "templates", NULL, &argc, &argv)) != AERO_CLI_EXIT_OK)
    return code;

  aero_engine_list_templates_async (cli->engine, NULL, on_result, cli);
  result = wait_for_result (cli);
  templates = aero_engine_list_templates_finish (cli->engine, result, &error);
  if (templates == NULL)
    return report_error (error);

  n = g_list_model_get_n_items (templates);
  if (cli->json)
    {
      print_json_list (templates);
    }
  else
    {
      const char *header[] = { _("NAME"), _("ID"), _("MEMORY"), _("BALLOONING") };

      print_row (template_widths, header, G_N_ELEMENTS (header));
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(AeroTemplate) tmpl = g_list_model_get_item (templates, i);
          AeroMemoryPolicy *policy = aero_template_get_memory_policy (tmpl);
          g_autofree char *memory = format_mib (aero_template_get_memory (tmpl));
          g_autofree char *name = aero_cli_escape_text (aero_template_get_name (tmpl), FALSE);
          g_autofree char *id = aero_cli_escape_text (aero_template_get_id (tmpl), FALSE);

          const char *cells[] = {
            name, id, memory,
            tristate_text (aero_memory_policy_get_ballooning (policy)),
          };

          print_row (template_widths, cells, G_N_ELEMENTS (cells));
        }
    }

  return AERO_CLI_EXIT_OK;
}
