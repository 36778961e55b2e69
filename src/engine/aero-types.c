/* aero-types.c - wire names of the engine's enumerations
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "aero-types.h"

/* Indexed by the enum value; NULL for _UNKNOWN, which has no wire name of
 * its own in the type table ("unknown" is read back as _UNKNOWN anyway). */
static const char * const vm_type_wire[] = {
  [AERO_VM_TYPE_UNKNOWN] = NULL,
  [AERO_VM_TYPE_DESKTOP] = "desktop",
  [AERO_VM_TYPE_SERVER] = "server",
  [AERO_VM_TYPE_HIGH_PERFORMANCE] = "high_performance",
};

static const char * const vm_status_wire[] = {
  [AERO_VM_STATUS_UNKNOWN] = NULL,
  [AERO_VM_STATUS_DOWN] = "down",
  [AERO_VM_STATUS_UP] = "up",
  [AERO_VM_STATUS_POWERING_UP] = "powering_up",
  [AERO_VM_STATUS_PAUSED] = "paused",
  [AERO_VM_STATUS_MIGRATING] = "migrating",
  [AERO_VM_STATUS_SUSPENDED] = "suspended",
  [AERO_VM_STATUS_IMAGE_LOCKED] = "image_locked",
  [AERO_VM_STATUS_POWERING_DOWN] = "powering_down",
  [AERO_VM_STATUS_NOT_RESPONDING] = "not_responding",
  [AERO_VM_STATUS_WAIT_FOR_LAUNCH] = "wait_for_launch",
  [AERO_VM_STATUS_REBOOT_IN_PROGRESS] = "reboot_in_progress",
  [AERO_VM_STATUS_SAVING_STATE] = "saving_state",
  [AERO_VM_STATUS_RESTORING_STATE] = "restoring_state",
  [AERO_VM_STATUS_UNASSIGNED] = "unassigned",
};

static int
wire_lookup (const char * const *table,
             guint               n_entries,
             const char         *wire)
{
  if (wire == NULL)
    return 0;

  for (guint i = 0; i < n_entries; i++)
    {
      /* The engine sends lower case; accept any case like its own parser. */
      if (table[i] != NULL && g_ascii_strcasecmp (table[i], wire) == 0)
        return (int) i;
    }

  return 0;
}

const char *
aero_vm_type_to_wire (AeroVmType type)
{
  if ((guint) type >= G_N_ELEMENTS (vm_type_wire))
    return NULL;
  return vm_type_wire[type];
}

AeroVmType
aero_vm_type_from_wire (const char *wire)
{
  return (AeroVmType) wire_lookup (vm_type_wire, G_N_ELEMENTS (vm_type_wire), wire);
}

const char *
aero_vm_status_to_wire (AeroVmStatus status)
{
  if ((guint) status >= G_N_ELEMENTS (vm_status_wire))
    return NULL;
  return vm_status_wire[status];
}

AeroVmStatus
aero_vm_status_from_wire (const char *wire)
{
  return (AeroVmStatus) wire_lookup (vm_status_wire, G_N_ELEMENTS (vm_status_wire), wire);
}

gboolean
aero_vm_status_is_running (AeroVmStatus status)
{
  return status != AERO_VM_STATUS_DOWN && status != AERO_VM_STATUS_UNKNOWN;
}
