/* aero-vm.h - a virtual machine as the engine describes it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "aero-memory-policy.h"
#include "aero-types.h"
#include "aero-version.h"

G_BEGIN_DECLS

#define AERO_TYPE_VM (aero_vm_get_type ())
G_DECLARE_FINAL_TYPE (AeroVm, aero_vm, AERO, VM, GObject)

/* Properties (read-write, notify on change; strings NULL when unset,
 * numbers AERO_UNSET when unset, booleans AeroTristate):
 *   "id", "name", "description", "comment", "vm-type" (AeroVmType),
 *   "status" (AeroVmStatus), "memory" (gint64 bytes),
 *   "memory-policy" (AeroMemoryPolicy, never NULL: a policy with unset
 *   members when the engine sent none), "cpu-sockets", "cpu-cores",
 *   "cpu-threads", "cpu-shares" (int), "cluster-id", "template-id",
 *   "host-id", "os-type" (strings), "custom-compatibility-version"
 *   (AeroVersion, nullable), "next-run-configuration-exists" (AeroTristate),
 *   "creation-time" (gint64 epoch ms).
 * Convenience read-only mirrors for list columns and bindings:
 *   "guaranteed", "max-memory" (gint64), "ballooning" (AeroTristate). */
AeroVm           *aero_vm_new                     (void);
/* Deep copy (the memory policy and versions are copied too). */
AeroVm           *aero_vm_copy                    (AeroVm           *self);
/* Copies every property of @other into @self, notifying only what changed
 * (keeps list rows and bindings stable across refreshes). */
void              aero_vm_update_from             (AeroVm           *self,
                                                   AeroVm           *other);
/* TRUE when the VM is not down and a next-run configuration waits for
 * its restart: the configuration it starts with is then not this one. */
gboolean          aero_vm_get_next_run_pending    (AeroVm           *self);
/* @self is the next-run configuration of @running (GET ;next_run): gives
 * it @running's status and next-run flag, which decide whether a PUT
 * needs next_run=true, whatever that answer said of them. */
void              aero_vm_take_running_state      (AeroVm           *self,
                                                   AeroVm           *running);

const char       *aero_vm_get_id                  (AeroVm           *self);
void              aero_vm_set_id                  (AeroVm           *self,
                                                   const char       *id);
const char       *aero_vm_get_name                (AeroVm           *self);
void              aero_vm_set_name                (AeroVm           *self,
                                                   const char       *name);
const char       *aero_vm_get_description         (AeroVm           *self);
void              aero_vm_set_description         (AeroVm           *self,
                                                   const char       *description);
const char       *aero_vm_get_comment             (AeroVm           *self);
void              aero_vm_set_comment             (AeroVm           *self,
                                                   const char       *comment);
AeroVmType        aero_vm_get_vm_type             (AeroVm           *self);
void              aero_vm_set_vm_type             (AeroVm           *self,
                                                   AeroVmType        type);
AeroVmStatus      aero_vm_get_status              (AeroVm           *self);
void              aero_vm_set_status              (AeroVm           *self,
                                                   AeroVmStatus      status);
gint64            aero_vm_get_memory              (AeroVm           *self);
void              aero_vm_set_memory              (AeroVm           *self,
                                                   gint64            bytes);
AeroMemoryPolicy *aero_vm_get_memory_policy       (AeroVm           *self);
void              aero_vm_set_memory_policy       (AeroVm           *self,
                                                   AeroMemoryPolicy *policy);
int               aero_vm_get_cpu_sockets         (AeroVm           *self);
void              aero_vm_set_cpu_sockets         (AeroVm           *self,
                                                   int               sockets);
int               aero_vm_get_cpu_cores           (AeroVm           *self);
void              aero_vm_set_cpu_cores           (AeroVm           *self,
                                                   int               cores);
int               aero_vm_get_cpu_threads         (AeroVm           *self);
void              aero_vm_set_cpu_threads         (AeroVm           *self,
                                                   int               threads);
int               aero_vm_get_cpu_shares          (AeroVm           *self);
void              aero_vm_set_cpu_shares          (AeroVm           *self,
                                                   int               shares);
const char       *aero_vm_get_cluster_id          (AeroVm           *self);
void              aero_vm_set_cluster_id          (AeroVm           *self,
                                                   const char       *id);
const char       *aero_vm_get_template_id         (AeroVm           *self);
void              aero_vm_set_template_id         (AeroVm           *self,
                                                   const char       *id);
const char       *aero_vm_get_host_id             (AeroVm           *self);
void              aero_vm_set_host_id             (AeroVm           *self,
                                                   const char       *id);
const char       *aero_vm_get_os_type             (AeroVm           *self);
void              aero_vm_set_os_type             (AeroVm           *self,
                                                   const char       *os_type);
AeroVersion      *aero_vm_get_custom_compatibility_version (AeroVm      *self);
void              aero_vm_set_custom_compatibility_version (AeroVm      *self,
                                                            AeroVersion *version);
AeroTristate      aero_vm_get_next_run_configuration_exists (AeroVm       *self);
void              aero_vm_set_next_run_configuration_exists (AeroVm       *self,
                                                             AeroTristate  exists);
gint64            aero_vm_get_creation_time       (AeroVm           *self);
void              aero_vm_set_creation_time       (AeroVm           *self,
                                                   gint64            epoch_ms);

G_END_DECLS
