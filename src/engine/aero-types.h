/* aero-types.h - enumerations shared by the engine models
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Integers and longs the engine left out are "unset", never 0. */
#define AERO_UNSET (-1)

/* A boolean the engine may leave out (e.g. memory_policy.ballooning in
 * plain collection responses of engines up to 4.4.5): unknown is not false. */
typedef enum {
  AERO_TRISTATE_UNKNOWN = -1,
  AERO_TRISTATE_FALSE = 0,
  AERO_TRISTATE_TRUE = 1,
} AeroTristate;

typedef enum {
  AERO_VM_TYPE_UNKNOWN,
  AERO_VM_TYPE_DESKTOP,
  AERO_VM_TYPE_SERVER,
  AERO_VM_TYPE_HIGH_PERFORMANCE,
} AeroVmType;

typedef enum {
  AERO_VM_STATUS_UNKNOWN,
  AERO_VM_STATUS_DOWN,
  AERO_VM_STATUS_UP,
  AERO_VM_STATUS_POWERING_UP,
  AERO_VM_STATUS_PAUSED,
  AERO_VM_STATUS_MIGRATING,
  AERO_VM_STATUS_SUSPENDED,
  AERO_VM_STATUS_IMAGE_LOCKED,
  AERO_VM_STATUS_POWERING_DOWN,
  AERO_VM_STATUS_NOT_RESPONDING,
  AERO_VM_STATUS_WAIT_FOR_LAUNCH,
  AERO_VM_STATUS_REBOOT_IN_PROGRESS,
  AERO_VM_STATUS_SAVING_STATE,
  AERO_VM_STATUS_RESTORING_STATE,
  AERO_VM_STATUS_UNASSIGNED,
} AeroVmStatus;

/* Wire names ("high_performance", "powering_up"); unknown strings map to
 * the _UNKNOWN value, NULL is returned for _UNKNOWN. */
const char   *aero_vm_type_to_wire     (AeroVmType   type);
AeroVmType    aero_vm_type_from_wire   (const char  *wire);
const char   *aero_vm_status_to_wire   (AeroVmStatus status);
AeroVmStatus  aero_vm_status_from_wire (const char  *wire);

/* TRUE when the VM runs in the sense of next-run configurations: any state
 * other than down (and unknown). */
gboolean      aero_vm_status_is_running (AeroVmStatus status);

G_END_DECLS
