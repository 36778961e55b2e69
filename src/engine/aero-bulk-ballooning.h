/* aero-bulk-ballooning.h - the plan of "Enable/Disable Ballooning" over
 * a selection of VMs
 *
 * Each VM is changed with aero_engine_set_vm_ballooning_async (), which
 * sends memory_policy.ballooning and nothing else.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "aero-vm.h"

G_BEGIN_DECLS

typedef enum {
  AERO_BULK_BALLOONING_CHANGE_NOW,       /* VM down: applies at once */
  AERO_BULK_BALLOONING_CHANGE_NEXT_RUN,  /* VM running: after restart */
  AERO_BULK_BALLOONING_SKIP_LEVEL,       /* effective level below 3.1 */
  AERO_BULK_BALLOONING_SKIP_ALREADY,     /* already in that state */
  AERO_BULK_BALLOONING_UNKNOWN,          /* flag unknown: GET the VM first */
} AeroBulkBallooningAction;

typedef struct {
  AeroVm                   *vm;      /* a reference */
  AeroBulkBallooningAction  action;
  char                     *reason;  /* translated; set for skips/unknown */
} AeroBulkBallooningItem;

void              aero_bulk_ballooning_item_free     (AeroBulkBallooningItem *item);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AeroBulkBallooningItem, aero_bulk_ballooning_item_free)

/* One item per VM of @vms (GPtrArray of AeroVm), in order, clusters
 * resolved through @clusters. Returns a GPtrArray of
 * AeroBulkBallooningItem that frees its items. */
GPtrArray        *aero_bulk_ballooning_plan          (GPtrArray    *vms,
                                                      GListModel   *clusters,
                                                      gboolean      enable);
guint             aero_bulk_ballooning_count         (GPtrArray    *plan,
                                                      AeroBulkBallooningAction action);
/* Whether @item's VM must be read (GET) before its plan holds: its flag
 * is unknown, or a next-run configuration waits (the list shows the
 * running flag, the VM starts with the waiting one). Read a running VM
 * with next_run=true and plan again. */
gboolean          aero_bulk_ballooning_needs_reading (const AeroBulkBallooningItem *item);

G_END_DECLS
