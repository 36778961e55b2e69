/* aero-bulk-ballooning.c - the plan of "Enable/Disable Ballooning"
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "aero-bulk-ballooning.h"
#include "aero-cluster.h"
#include "aero-features.h"

void
aero_bulk_ballooning_item_free (AeroBulkBallooningItem *item)
{
  if (item == NULL)
    return;

  g_clear_object (&item->vm);
  g_clear_pointer (&item->reason, g_free);
  g_free (item);
}

GPtrArray *
aero_bulk_ballooning_plan (GPtrArray  *vms,
                           GListModel *clusters,
                           gboolean    enable)
{
  GPtrArray *plan;

  g_return_val_if_fail (vms != NULL, NULL);
  g_return_val_if_fail (clusters == NULL || G_IS_LIST_MODEL (clusters), NULL);

  plan = g_ptr_array_new_with_free_func ((GDestroyNotify) aero_bulk_ballooning_item_free);

  for (guint i = 0; i < vms->len; i++)
    {
      AeroVm *vm = g_ptr_array_index (vms, i);
      AeroCluster *cluster = aero_cluster_find (clusters, aero_vm_get_cluster_id (vm));
      AeroVersion *level = aero_vm_effective_version (vm, cluster);
      AeroTristate current = aero_memory_policy_get_ballooning (aero_vm_get_memory_policy (vm));
      AeroBulkBallooningItem *item = g_new0 (AeroBulkBallooningItem, 1);

      item->vm = g_object_ref (vm);

      /* The level decides first: such a VM is skipped whatever its flag. */
      if (!aero_feature_supported (AERO_FEATURE_VM_BALLOON, level))
        {
          item->action = AERO_BULK_BALLOONING_SKIP_LEVEL;
          item->reason = aero_feature_dup_reason (AERO_FEATURE_VM_BALLOON, level);
        }
      else if (current == AERO_TRISTATE_UNKNOWN)
        {
          item->action = AERO_BULK_BALLOONING_UNKNOWN;
          item->reason = g_strdup (_("The ballooning state of this virtual machine is not known yet."));
        }
      else if ((current == AERO_TRISTATE_TRUE) == !!enable)
        {
          item->action = AERO_BULK_BALLOONING_SKIP_ALREADY;
          item->reason = g_strdup (enable ? _("Ballooning is already enabled.")
                                          : _("Ballooning is already disabled."));
        }
      else if (aero_vm_status_is_running (aero_vm_get_status (vm)))
        {
          item->action = AERO_BULK_BALLOONING_CHANGE_NEXT_RUN;
        }
      else
        {
          item->action = AERO_BULK_BALLOONING_CHANGE_NOW;
        }

      g_ptr_array_add (plan, item);
    }

  return plan;
}

guint
aero_bulk_ballooning_count (GPtrArray                *plan,
                            AeroBulkBallooningAction  action)
{
  guint count = 0;

  g_return_val_if_fail (plan != NULL, 0);

  for (guint i = 0; i < plan->len; i++)
    {
      AeroBulkBallooningItem *item = g_ptr_array_index (plan, i);

      if (item->action == action)
        count++;
    }

  return count;
}

gboolean
aero_bulk_ballooning_needs_reading (const AeroBulkBallooningItem *item)
{
  g_return_val_if_fail (item != NULL, FALSE);

  return item->action == AERO_BULK_BALLOONING_UNKNOWN
         || (item->action != AERO_BULK_BALLOONING_SKIP_LEVEL
             && aero_vm_get_next_run_pending (item->vm));
}
