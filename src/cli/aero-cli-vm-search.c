/* aero-cli-vm-search.c - "aerostat-cli vm set --search": many VMs, one login
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "aero-bulk-ballooning.h"
#include "aero-cli-private.h"

/* ------------------------------------------------------------------ */
/* vm set --search: many VMs, one login                                */
/* ------------------------------------------------------------------ */

/* The same plan as Enable / Disable Ballooning in the window
 * (aero_bulk_ballooning_plan()): the rules live there, this
 * only reads, sends and reports. */

typedef enum {
  SEARCH_PLANNED,
  SEARCH_CHANGED,
  SEARCH_SKIPPED,
  SEARCH_FAILED,
} SearchOutcome;

/* The engine's words for a failure, on one line (escaped when printed). */
static char *
search_error_text (const GError *error)
{
  const char *reason = aero_engine_error_get_reason (error);
  const char *detail = aero_engine_error_get_detail (error);

  if (reason != NULL && detail != NULL)
    return g_strdup_printf ("%s: %s", reason, detail);

  return g_strdup (reason != NULL ? reason : error->message);
}

static const char *
search_outcome_name (SearchOutcome outcome)
{
  switch (outcome)
    {
    case SEARCH_CHANGED:
      return "changed";
    case SEARCH_SKIPPED:
      return "skipped";
    case SEARCH_FAILED:
      return "failed";
    case SEARCH_PLANNED:
    default:
      return "planned";
    }
}

static gboolean
search_item_changes (const AeroBulkBallooningItem *item)
{
  return item->action == AERO_BULK_BALLOONING_CHANGE_NOW
         || item->action == AERO_BULK_BALLOONING_CHANGE_NEXT_RUN;
}

/* One line per VM: "NAME: what: detail". The words before the second
 * colon are fixed (a script may match them); the rest is for people. */
static void
search_print_line (AeroCli                      *cli,
                   JsonBuilder                  *json,
                   const AeroBulkBallooningItem *item,
                   gboolean                      enable,
                   SearchOutcome                 outcome,
                   const char                   *error_text)
{
  g_autofree char *name = aero_cli_escape_text (aero_vm_get_name (item->vm), FALSE);
  g_autofree char *reason = aero_cli_escape_text (item->reason, FALSE);
  g_autofree char *error = aero_cli_escape_text (error_text, FALSE);
  const char *change = enable ? _("ballooning on") : _("ballooning off");
  gboolean next_run = item->action == AERO_BULK_BALLOONING_CHANGE_NEXT_RUN;

  if (json != NULL)
    {
      json_builder_begin_object (json);
      json_builder_set_member_name (json, "id");
      json_builder_add_string_value (json, aero_vm_get_id (item->vm));
      json_builder_set_member_name (json, "name");
      json_builder_add_string_value (json, aero_vm_get_name (item->vm));
      json_builder_set_member_name (json, "action");
      json_builder_add_string_value (json, !search_item_changes (item) ? "skip"
                                           : next_run ? "next-run" : "now");
      json_builder_set_member_name (json, "ballooning");
      json_builder_add_boolean_value (json, enable);
      json_builder_set_member_name (json, "outcome");
      json_builder_add_string_value (json, search_outcome_name (outcome));
      if (item->reason != NULL && !search_item_changes (item))
        {
          json_builder_set_member_name (json, "reason");
          json_builder_add_string_value (json, item->reason);
        }
      if (error_text != NULL)
        {
          json_builder_set_member_name (json, "error");
          json_builder_add_string_value (json, error_text);
        }
      json_builder_end_object (json);
      return;
    }

  switch (outcome)
    {
    case SEARCH_PLANNED:
      /* TRANSLATORS: --dry-run, one VM: its name and the change */
      g_print (next_run ? _("%s: at the next run: %s (not shut down)\n")
                        : _("%s: now: %s\n"), name, change);
      break;
    case SEARCH_CHANGED:
      g_print (next_run ? _("%s: changed for the next run: %s (not shut down)\n")
                        : _("%s: changed now: %s\n"), name, change);
      break;
    case SEARCH_SKIPPED:
      g_print (_("%s: skipped: %s\n"), name, reason != NULL ? reason : "");
      break;
    case SEARCH_FAILED:
    default:
      g_print (_("%s: failed: %s\n"), name, error);
      break;
    }
}

/* A VM of the plan that must be read first (unknown flag, or a next-run
 * configuration waiting), read as the bulk dialog reads it. Replaces
 * @vms[@index]; FALSE with @error when it cannot be read. */
static gboolean
search_read_vm (AeroCli    *cli,
                GPtrArray  *vms,
                guint       index,
                GError    **error)
{
  AeroVm *listed = g_ptr_array_index (vms, index);
  gboolean next_run = aero_vm_status_is_running (aero_vm_get_status (listed));
  AeroVm *fresh = get_vm (cli, aero_vm_get_id (listed), next_run, error);

  if (fresh == NULL)
    return FALSE;
  /* The next-run configuration, with the running VM's status and flag:
   * the plan puts such a VM's change at its next run. */
  if (next_run)
    aero_vm_take_running_state (fresh, listed);
  g_ptr_array_index (vms, index) = fresh;
  g_object_unref (listed);

  return TRUE;
}

static int
vm_set_search (AeroCli    *cli,
               const char *search,
               gboolean    enable,
               gboolean    dry_run)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GListModel) listed = NULL;
  g_autoptr(GPtrArray) vms = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) plan = NULL;
  g_autoptr(GPtrArray) read_errors = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(JsonBuilder) json = cli->json ? json_builder_new () : NULL;
  g_autoptr(GError) error = NULL;
  gboolean any_read = FALSE;
  guint n_failed = 0, n_changed = 0;
  guint n;
  int code;

  if ((code = connect_engine (cli)) != AERO_CLI_EXIT_OK)
    return code;
  if (get_clusters (cli, &error) == NULL)
    return report_error (error);

  /* all_content: the balloon flag of each VM, in one request. */
  aero_engine_list_vms_async (cli->engine, search, -1, AERO_LIST_ALL_CONTENT, NULL, NULL,
                              NULL, on_result, cli);
  result = wait_for_result (cli);
  listed = aero_engine_list_vms_finish (cli->engine, result, &error);
  if (listed == NULL)
    return report_error (error);

  n = g_list_model_get_n_items (listed);
  if (n == 0)
    return failure (_("No virtual machine matches \"%s\"."), search);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (vms, g_list_model_get_item (listed, i));

  plan = aero_bulk_ballooning_plan (vms, cli->clusters, enable);
  g_ptr_array_set_size (read_errors, n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GError) read_error = NULL;

      if (!aero_bulk_ballooning_needs_reading (g_ptr_array_index (plan, i)))
        continue;
      any_read = TRUE;
      if (!search_read_vm (cli, vms, i, &read_error))
        g_ptr_array_index (read_errors, i) = search_error_text (read_error);
    }
  if (any_read)
    {
      g_clear_pointer (&plan, g_ptr_array_unref);
      plan = aero_bulk_ballooning_plan (vms, cli->clusters, enable);
    }

  if (json != NULL)
    json_builder_begin_array (json);

  for (guint i = 0; i < plan->len; i++)
    {
      AeroBulkBallooningItem *item = g_ptr_array_index (plan, i);
      const char *read_error = g_ptr_array_index (read_errors, i);
      g_autoptr(AeroVm) updated = NULL;
      g_autoptr(GError) put_error = NULL;
      g_autofree char *put_text = NULL;

      /* A VM that could not be read is not guessed at: it failed. */
      if (read_error != NULL)
        {
          n_failed++;
          search_print_line (cli, json, item, enable, SEARCH_FAILED, read_error);
          continue;
        }
      if (!search_item_changes (item))
        {
          search_print_line (cli, json, item, enable, SEARCH_SKIPPED, NULL);
          continue;
        }
      if (dry_run)
        {
          search_print_line (cli, json, item, enable, SEARCH_PLANNED, NULL);
          continue;
        }

      /* Only memory_policy.ballooning: nothing else of the VM is touched. */
      aero_engine_set_vm_ballooning_async (cli->engine, aero_vm_get_id (item->vm), enable,
                                           item->action == AERO_BULK_BALLOONING_CHANGE_NEXT_RUN,
                                           NULL, on_result, cli);
      g_clear_object (&result);
      result = wait_for_result (cli);
      updated = aero_engine_set_vm_ballooning_finish (cli->engine, result, &put_error);
      if (updated == NULL)
        {
          /* Recorded, and the others go on, as in the window. */
          n_failed++;
          put_text = search_error_text (put_error);
          search_print_line (cli, json, item, enable, SEARCH_FAILED, put_text);
        }
      else
        {
          n_changed++;
          search_print_line (cli, json, item, enable, SEARCH_CHANGED, NULL);
        }
    }

  if (json != NULL)
    {
      g_autoptr(JsonNode) root = NULL;

      json_builder_end_array (json);
      root = json_builder_get_root (json);
      print_json_node (root);
    }

  if (n_failed > 0)
    g_printerr (ngettext ("%s: %u virtual machine failed, %u changed.\n",
                          "%s: %u virtual machines failed, %u changed.\n", n_failed),
                PROGRAM, n_failed, n_changed);
  if (dry_run)
    g_printerr (_("Dry run: nothing was sent.\n"));

  return n_failed > 0 ? AERO_CLI_EXIT_FAILURE : AERO_CLI_EXIT_OK;
}

/* vm set --search / --dry-run: the usage rules, then the run. Only the
 * balloon has a bulk plan; other options are refused, not guessed at. */
int
vm_set_search_command (AeroCli   *cli,
                       const char *search,
                       gboolean   has_ballooning,
                       gboolean   enable,
                       gboolean   has_other,
                       gboolean   dry_run,
                       int        argc,
                       char     **argv)
{
  if (search == NULL)
    return usage_error (_("--dry-run goes with --search"));
  if (argc > 1)
    return usage_error (_("give either a VM or --search, not both"));
  if (has_other)
    return usage_error (_("with --search only --ballooning can be changed"));
  if (!has_ballooning)
    return usage_error (_("--search needs --ballooning on|off"));

  return vm_set_search (cli, search, enable, dry_run);
}
