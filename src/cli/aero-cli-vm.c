/* aero-cli-vm.c - "aerostat-cli vms" and "aerostat-cli vm ..."
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>

#include <glib/gi18n.h>

#include "aero-cli-private.h"
#include "aero-vm-conflict.h"
#include "aero-vm-edit-engine.h"

/* ------------------------------------------------------------------ */
/* vms                                                                 */
/* ------------------------------------------------------------------ */

static void
write_vm_batch (GPtrArray *items,
                gpointer   user_data)
{
  AeroCli *cli = user_data;

  for (guint i = 0; i < items->len; i++)
    {
      AeroVm *vm = g_ptr_array_index (items, i);

      if (cli->json)
        {
          /* Written straight as text, the same as vm_to_json () through a
           * generator: the tree and the generator were most of the time
           * spent writing out 10,000 VMs. One buffer for the whole list. */
          if (cli->line == NULL)
            cli->line = g_string_sized_new (1024);
          g_string_assign (cli->line, cli->n_written == 0 ? "[\n" : ",\n");
          append_vm_json (cli->line, vm, cli->clusters);
          fwrite (cli->line->str, 1, cli->line->len, stdout);
        }
      else
        {
          print_vm_row (vm, cli->clusters);
        }
      cli->n_written++;
    }

  /* Nobody reads any more (a closed pipe, a full disk): stop the
   * engine's pages rather than fetch 10,000 VMs for nothing. */
  if (output_lost ())
    g_cancellable_cancel (cli->cancellable);
}

int
cmd_vms (AeroCli  *cli,
         int       argc,
         char    **argv)
{
  g_autofree char *search = NULL;
  gboolean all_content = FALSE;
  GOptionEntry entries[] = {
    { "search", 0, 0, G_OPTION_ARG_STRING, &search,
      N_("Only the VMs matching this engine search"), N_("QUERY") },
    { "all-content", 0, 0, G_OPTION_ARG_NONE, &all_content,
      N_("Ask for all content (ballooning known for every VM)"), NULL },
    { NULL }
  };
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GListModel) vms = NULL;
  g_autoptr(GError) error = NULL;
  int code = AERO_CLI_EXIT_OK;

  if ((code = begin_list_command (cli, "vms", entries, &argc, &argv)) != AERO_CLI_EXIT_OK)
    return code;
  if (get_clusters (cli, &error) == NULL)
    return report_error (error);

  if (!cli->json)
    {
      const char *cells[] = {
        _("NAME"), _("STATUS"), _("CLUSTER"), _("MEMORY"), _("GUARANTEED"),
        _("MAXIMUM"), _("BALLOONING"),
      };

      print_row (vm_widths, cells, G_N_ELEMENTS (cells));
    }

  /* Each VM is written as it arrives and not kept. */
  aero_engine_list_vms_async (cli->engine, search, -1,
                              AERO_LIST_BATCHES_ONLY |
                              (all_content ? AERO_LIST_ALL_CONTENT : AERO_LIST_NONE),
                              write_vm_batch, cli, cli->cancellable, on_result, cli);
  result = wait_for_result (cli);
  vms = aero_engine_list_vms_finish (cli->engine, result, &error);
  /* The lost output is the error; aero_cli_finish_output() tells it. */
  if (output_lost ())
    return AERO_CLI_EXIT_FAILURE;
  if (vms == NULL)
    {
      /* A half-written array is left unterminated on purpose: a reader
       * must not take it for the whole list. */
      fflush (stdout);
      return report_error (error);
    }

  if (cli->json)
    fputs (cli->n_written == 0 ? "[]\n" : "\n]\n", stdout);

  return AERO_CLI_EXIT_OK;
}

/* ------------------------------------------------------------------ */
/* vm ...                                                              */
/* ------------------------------------------------------------------ */

/* Common start of every "vm VERB VM" command: one VM argument (the
 * command's own options are parsed before), the login and the VM from a
 * single GET. */
static int
begin_vm_command (AeroCli       *cli,
                  const char    *verb,
                  int           *argc,
                  char        ***argv,
                  AeroVm       **out_vm)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *command = g_strdup_printf ("vm %s", verb);
  g_autofree char *missing = g_strdup_printf (_("\"%s\" needs a VM (name or id)"), command);
  int code;

  if ((code = parse_command_line (cli, command, "VM", missing, NULL, argc, argv)) != AERO_CLI_EXIT_OK)
    return code;
  if ((code = connect_engine (cli)) != AERO_CLI_EXIT_OK)
    return code;
  if (get_clusters (cli, &error) == NULL)
    return report_error (error);

  *out_vm = find_vm (cli, (*argv)[1], &error);
  if (*out_vm == NULL)
    return report_error (error);

  return AERO_CLI_EXIT_OK;
}

int
cmd_vm_show (AeroCli  *cli,
             int       argc,
             char    **argv)
{
  g_autoptr(AeroVm) vm = NULL;
  int code;

  if ((code = begin_vm_command (cli, "show", &argc, &argv, &vm)) != AERO_CLI_EXIT_OK)
    return code;

  print_vm (cli, vm);
  return AERO_CLI_EXIT_OK;
}

static const char *
when_text (AeroVmChangeWhen when)
{
  switch (when)
    {
    case AERO_VM_CHANGE_HOTPLUG:
      return _("now (hot plug)");
    case AERO_VM_CHANGE_NEXT_RUN:
      return _("at the next run");
    case AERO_VM_CHANGE_NOW:
    default:
      return _("now");
    }
}

/* Saves @edit into *@out_updated. The edit model reads the VM again just
 * before its PUT: when someone else changed a setting given here since
 * this command read the VM, nothing is sent and each one is printed with
 * the three values; --force answers "Overwrite" once (the VM is read
 * again, and a change made in between is a conflict again). */
static int
save_vm_edit (AeroCli     *cli,
              AeroVmEdit  *edit,
              gboolean     force,
              AeroVm     **out_updated)
{
  for (guint attempt = 0;; attempt++)
    {
      g_autoptr(GAsyncResult) result = NULL;
      g_autoptr(GError) error = NULL;
      GPtrArray *conflicts;

      aero_vm_edit_save_async (edit, cli->engine, NULL, on_result, cli);
      result = wait_for_result (cli);
      *out_updated = aero_vm_edit_save_finish (edit, result, &error);
      if (*out_updated != NULL)
        return AERO_CLI_EXIT_OK;
      if (!g_error_matches (error, AERO_VM_EDIT_ERROR, AERO_VM_EDIT_ERROR_CONFLICT))
        return report_error (error);

      conflicts = aero_vm_edit_get_conflicts (edit);
      for (guint i = 0; i < conflicts->len; i++)
        {
          AeroVmConflict *conflict = g_ptr_array_index (conflicts, i);
          g_autofree char *read = aero_cli_escape_text (aero_vm_conflict_get_read_value (conflict), FALSE);
          g_autofree char *now = aero_cli_escape_text (aero_vm_conflict_get_current_value (conflict), FALSE);
          g_autofree char *mine = aero_cli_escape_text (aero_vm_conflict_get_new_value (conflict), FALSE);

          g_printerr (_("%s: read %s, now %s (changed by someone else), yours %s\n"),
                      aero_vm_conflict_get_label (conflict), read, now, mine);
        }
      if (!force || attempt > 0)
        {
          report_error (error);
          return failure (_("run again to start from the values the engine holds now, "
                            "or add --force to send yours over them"));
        }
      aero_vm_edit_overwrite_conflicts (edit);
    }
}

int
cmd_vm_set (AeroCli  *cli,
            int       argc,
            char    **argv)
{
  g_autofree char *ballooning = NULL;
  g_autofree char *memory = NULL;
  g_autofree char *guaranteed = NULL;
  g_autofree char *max_memory = NULL;
  gboolean next_run = FALSE;
  gboolean force = FALSE;
  g_autofree char *search = NULL;
  gboolean dry_run = FALSE;
  GOptionEntry entries[] = {
    { "ballooning", 0, 0, G_OPTION_ARG_STRING, &ballooning,
      N_("Memory balloon device"), N_("on|off") },
    { "memory", 0, 0, G_OPTION_ARG_STRING, &memory,
      N_("Memory size (MiB, or with M/MiB/G/GiB)"), N_("SIZE") },
    { "guaranteed", 0, 0, G_OPTION_ARG_STRING, &guaranteed,
      N_("Physical memory guaranteed"), N_("SIZE") },
    { "max", 0, 0, G_OPTION_ARG_STRING, &max_memory,
      N_("Maximum memory"), N_("SIZE") },
    { "next-run", 0, 0, G_OPTION_ARG_NONE, &next_run,
      N_("Apply every change at the next run of a running VM"), NULL },
    { "force", 0, 0, G_OPTION_ARG_NONE, &force,
      N_("Send even when someone else changed the same settings since they were read"), NULL },
    { "search", 0, 0, G_OPTION_ARG_STRING, &search,
      N_("Every VM matching this engine search instead of one VM (with --ballooning)"),
      N_("QUERY") },
    { "dry-run", 0, 0, G_OPTION_ARG_NONE, &dry_run,
      N_("With --search: print the plan for each VM and send nothing"), NULL },
    { NULL }
  };
  g_autoptr(AeroVm) vm = NULL;
  g_autoptr(AeroVm) updated = NULL;
  g_autoptr(AeroVmEdit) edit = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  gboolean ballooning_value = FALSE;
  gint64 memory_bytes = -1, guaranteed_bytes = -1, max_bytes = -1;
  gboolean later = FALSE;
  const char *errors[5];
  int code = AERO_CLI_EXIT_OK;

  /* Usage first: nothing is fetched for a malformed command line. */
  if (!parse_command_options (cli, "vm set", "VM", entries, &argc, &argv, &code))
    return code;
  if (ballooning != NULL && !aero_cli_parse_switch (ballooning, &ballooning_value))
    return usage_error (_("--ballooning takes \"on\" or \"off\", not \"%s\""), ballooning);
  if (memory != NULL && !aero_cli_parse_size (memory, &memory_bytes))
    return usage_error (_("not a size: \"%s\""), memory);
  if (guaranteed != NULL && !aero_cli_parse_size (guaranteed, &guaranteed_bytes))
    return usage_error (_("not a size: \"%s\""), guaranteed);
  if (max_memory != NULL && !aero_cli_parse_size (max_memory, &max_bytes))
    return usage_error (_("not a size: \"%s\""), max_memory);
  if (search != NULL || dry_run)
    return vm_set_search_command (cli, search, ballooning != NULL, ballooning_value,
                                  memory != NULL || guaranteed != NULL
                                  || max_memory != NULL || next_run,
                                  dry_run, argc, argv);

  if ((code = begin_vm_command (cli, "set", &argc, &argv, &vm)) != AERO_CLI_EXIT_OK)
    return code;

  /* Changes already wait for the next run: those are what is edited, as
   * in the Edit dialog (aero_engine_get_vm_for_edit_async(), whose first
   * GET find_vm() has made), and the PUT goes with next_run=true over
   * them. */
  if (aero_vm_get_next_run_pending (vm))
    {
      g_autoptr(AeroVm) pending = get_vm (cli, aero_vm_get_id (vm), TRUE, &error);

      if (pending == NULL)
        return report_error (error);
      aero_vm_take_running_state (pending, vm);
      g_set_object (&vm, pending);
    }

  /* The engine may leave ballooning out of a VM (it did for "vm set
   * --ballooning off" to end as "Nothing to change"): unknown is not
   * off, so the VM is read again with all its content, which says. */
  if (ballooning != NULL &&
      aero_memory_policy_get_ballooning (aero_vm_get_memory_policy (vm)) == AERO_TRISTATE_UNKNOWN)
    {
      g_autoptr(AeroVm) full = get_vm_all_content (cli, vm, &error);

      if (full == NULL)
        return report_error (error);
      g_set_object (&vm, full);
      if (aero_memory_policy_get_ballooning (aero_vm_get_memory_policy (vm)) == AERO_TRISTATE_UNKNOWN)
        {
          name = aero_cli_escape_text (aero_vm_get_name (vm), FALSE);
          return failure (_("The engine does not say whether VM %s balloons; nothing was changed"),
                          name);
        }
    }

  edit = aero_vm_edit_new_for_vm (vm, cli->clusters);
  aero_vm_edit_follow_engine (edit, aero_engine_get_engine_version (cli->engine));

  /* The gates refuse before anything is sent. */
  if (ballooning != NULL && ballooning_value &&
      !aero_vm_edit_get_ballooning_sensitive (edit))
    return failure ("%s", aero_vm_edit_get_ballooning_reason (edit));
  if (max_memory != NULL && !aero_vm_edit_get_max_memory_sensitive (edit))
    return failure ("%s", aero_vm_edit_get_max_memory_reason (edit));

  /* The CLI derives nothing (unlike the Edit dialog): a new memory size
   * is sent alone, and one that no longer fits between the VM's
   * guaranteed and maximum memory is refused, naming what fixes it. */
  aero_vm_edit_set_derive_memory (edit, FALSE);
  if (memory != NULL)
    {
      gint64 low = guaranteed != NULL ? guaranteed_bytes : aero_vm_edit_get_guaranteed (edit);
      gint64 high = max_memory != NULL ? max_bytes : aero_vm_edit_get_max_memory (edit);
      g_autofree char *size = format_mib (memory_bytes);

      if (guaranteed == NULL && low > memory_bytes)
        {
          g_autofree char *low_text = format_mib (low);

          return usage_error (_("--memory %s is below the guaranteed memory (%s); "
                                "give --guaranteed too"), size, low_text);
        }
      if (max_memory == NULL && high >= 0 && memory_bytes > high)
        {
          g_autofree char *high_text = format_mib (high);

          return usage_error (_("--memory %s is above the maximum memory (%s); "
                                "give --max too"), size, high_text);
        }
    }

  if (memory != NULL)
    aero_vm_edit_set_memory (edit, memory_bytes);
  if (guaranteed != NULL)
    aero_vm_edit_set_guaranteed (edit, guaranteed_bytes);
  if (max_memory != NULL)
    aero_vm_edit_set_max_memory (edit, max_bytes);
  if (ballooning != NULL)
    aero_vm_edit_set_ballooning (edit, ballooning_value);

  if (!aero_vm_edit_get_valid (edit))
    {
      errors[0] = aero_vm_edit_get_memory_error (edit);
      errors[1] = aero_vm_edit_get_guaranteed_error (edit);
      errors[2] = aero_vm_edit_get_max_memory_error (edit);
      errors[3] = aero_vm_edit_get_name_error (edit);
      errors[4] = aero_vm_edit_get_cpu_error (edit);
      for (guint i = 0; i < G_N_ELEMENTS (errors); i++)
        if (errors[i] != NULL)
          return failure ("%s", errors[i]);
      return failure (_("The changes are not valid."));
    }

  if (!aero_vm_edit_get_has_changes (edit))
    {
      if (!cli->json)
        g_print (_("Nothing to change.\n"));
      else
        print_vm (cli, vm);
      return AERO_CLI_EXIT_OK;
    }

  /* --next-run: what could be hot plugged waits as well. Whether the PUT
   * needs next_run anyway is the edit model's rule, as in the dialog. */
  aero_vm_edit_set_apply_later (edit, next_run);

  changes = aero_vm_edit_list_changes (edit);
  for (guint i = 0; i < changes->len; i++)
    {
      AeroVmChange *change = g_ptr_array_index (changes, i);
      AeroVmChangeWhen when = aero_vm_change_get_when (change);

      later = later || when == AERO_VM_CHANGE_NEXT_RUN;
      /* The plan goes to stderr so that --json keeps one document. */
      g_printerr ("%s: %s -> %s (%s)\n",
                  aero_vm_change_get_label (change),
                  aero_vm_change_get_old_value (change),
                  aero_vm_change_get_new_value (change),
                  when_text (when));
    }

  if ((code = save_vm_edit (cli, edit, force, &updated)) != AERO_CLI_EXIT_OK)
    return code;

  name = aero_cli_escape_text (aero_vm_get_name (vm), FALSE);
  if (cli->json)
    print_vm (cli, updated);
  else if (later && aero_vm_edit_get_running (edit))
    g_print (_("Updated %s; some changes apply at the next run.\n"), name);
  else
    g_print (_("Updated %s.\n"), name);

  return AERO_CLI_EXIT_OK;
}

/* The end of an action on @vm: with --json the VM as it is now (a new
 * GET), otherwise @message. */
static int
report_vm_action (AeroCli    *cli,
                  AeroVm     *vm,
                  const char *message)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AeroVm) fresh = NULL;

  if (!cli->json)
    {
      g_print ("%s", message);
      return AERO_CLI_EXIT_OK;
    }

  fresh = get_vm_by_id (cli, aero_vm_get_id (vm), &error);
  if (fresh == NULL)
    return report_error (error);
  print_vm (cli, fresh);

  return AERO_CLI_EXIT_OK;
}

int
cmd_vm_run_once (AeroCli  *cli,
                 int       argc,
                 char    **argv)
{
  g_autofree char *ballooning = NULL;
  gboolean volatile_ = FALSE;
  gboolean pause = FALSE;
  GOptionEntry entries[] = {
    /* Kept only to say why it is gone. */
    { "ballooning", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_STRING, &ballooning, NULL, NULL },
    { "volatile", 0, 0, G_OPTION_ARG_NONE, &volatile_,
      N_("Roll this configuration back during reboots"), NULL },
    { "pause", 0, 0, G_OPTION_ARG_NONE, &pause,
      N_("Start in paused mode"), NULL },
    { NULL }
  };
  g_autoptr(AeroVm) vm = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  g_autofree char *name = NULL;
  int code = AERO_CLI_EXIT_OK;

  if (!parse_command_options (cli, "vm run-once", "VM", entries, &argc, &argv, &code))
    return code;
  /* The engine's REST start ignores a Run Once's memory policy in every
   * release (VmMapper.map (Vm, RunVmOnceParams)): an override would be
   * silently dropped. */
  if (ballooning != NULL)
    return usage_error ("%s", _("--ballooning is not offered for Run Once: the engine starts a VM "
                                "with its stored balloon setting (change it with \"vm set --ballooning\")"));

  if ((code = begin_vm_command (cli, "run-once", &argc, &argv, &vm)) != AERO_CLI_EXIT_OK)
    return code;

  aero_engine_run_once_async (cli->engine, aero_vm_get_id (vm), volatile_, pause,
                              NULL, on_result, cli);
  result = wait_for_result (cli);
  if (!aero_engine_run_once_finish (cli->engine, result, &error))
    return report_error (error);

  name = aero_cli_escape_text (aero_vm_get_name (vm), FALSE);
  message = g_strdup_printf (_("Started %s once.\n"), name);
  return report_vm_action (cli, vm, message);
}

/* No question here: a script asked for it (the window asks first). */
int
cmd_vm_power (AeroCli  *cli,
              int       argc,
              char    **argv,
              VmPower   power)
{
  static const char *const verbs[] = { "start", "shutdown", "stop" };
  g_autoptr(AeroVm) vm = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  g_autofree char *name = NULL;
  gboolean ok = FALSE;
  int code;

  code = begin_vm_command (cli, verbs[power], &argc, &argv, &vm);
  if (code != AERO_CLI_EXIT_OK)
    return code;

  /* Engine text goes to the terminal escaped. */
  name = aero_cli_escape_text (aero_vm_get_name (vm), FALSE);
  switch (power)
    {
    case VM_POWER_START:
      aero_engine_start_vm_async (cli->engine, aero_vm_get_id (vm), NULL, on_result, cli);
      result = wait_for_result (cli);
      ok = aero_engine_start_vm_finish (cli->engine, result, &error);
      message = g_strdup_printf (_("Started %s.\n"), name);
      break;
    case VM_POWER_SHUTDOWN:
      aero_engine_shutdown_vm_async (cli->engine, aero_vm_get_id (vm), NULL, on_result, cli);
      result = wait_for_result (cli);
      ok = aero_engine_shutdown_vm_finish (cli->engine, result, &error);
      /* The engine has asked the guest; it goes down in its own time. */
      message = g_strdup_printf (_("Shutting down %s.\n"), name);
      break;
    case VM_POWER_STOP:
      aero_engine_stop_vm_async (cli->engine, aero_vm_get_id (vm), NULL, on_result, cli);
      result = wait_for_result (cli);
      ok = aero_engine_stop_vm_finish (cli->engine, result, &error);
      message = g_strdup_printf (_("Powered off %s.\n"), name);
      break;
    default:
      g_assert_not_reached ();
    }
  if (!ok)
    return report_error (error);

  return report_vm_action (cli, vm, message);
}
