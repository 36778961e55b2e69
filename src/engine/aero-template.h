/* aero-template.h - a VM template as the engine describes it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "aero-memory-policy.h"
#include "aero-types.h"
#include "aero-version.h"

G_BEGIN_DECLS

#define AERO_TYPE_TEMPLATE (aero_template_get_type ())
G_DECLARE_FINAL_TYPE (AeroTemplate, aero_template, AERO, TEMPLATE, GObject)

/* Properties, with the same names and conventions as AeroVm where they
 * share the engine's VmBase: "id", "name", "description", "comment",
 * "vm-type", "memory", "memory-policy" (never NULL), "cpu-sockets",
 * "cpu-cores", "cpu-threads", "cpu-shares", "cluster-id", "os-type",
 * "custom-compatibility-version"; and "status" (string: "ok", "locked",
 * "illegal"), "version-name" (string), "version-number" (int). */
AeroTemplate     *aero_template_new               (void);
AeroTemplate     *aero_template_copy              (AeroTemplate     *self);
/* Copies every property of @other into @self, notifying only what changed. */
void              aero_template_update_from       (AeroTemplate     *self,
                                                   AeroTemplate     *other);

const char       *aero_template_get_id            (AeroTemplate     *self);
void              aero_template_set_id            (AeroTemplate     *self,
                                                   const char       *id);
const char       *aero_template_get_name          (AeroTemplate     *self);
void              aero_template_set_name          (AeroTemplate     *self,
                                                   const char       *name);
const char       *aero_template_get_description   (AeroTemplate     *self);
void              aero_template_set_description   (AeroTemplate     *self,
                                                   const char       *description);
const char       *aero_template_get_comment       (AeroTemplate     *self);
void              aero_template_set_comment       (AeroTemplate     *self,
                                                   const char       *comment);
AeroVmType        aero_template_get_vm_type       (AeroTemplate     *self);
void              aero_template_set_vm_type       (AeroTemplate     *self,
                                                   AeroVmType        type);
gint64            aero_template_get_memory        (AeroTemplate     *self);
void              aero_template_set_memory        (AeroTemplate     *self,
                                                   gint64            bytes);
AeroMemoryPolicy *aero_template_get_memory_policy (AeroTemplate     *self);
void              aero_template_set_memory_policy (AeroTemplate     *self,
                                                   AeroMemoryPolicy *policy);
int               aero_template_get_cpu_sockets   (AeroTemplate     *self);
void              aero_template_set_cpu_sockets   (AeroTemplate     *self,
                                                   int               sockets);
int               aero_template_get_cpu_cores     (AeroTemplate     *self);
void              aero_template_set_cpu_cores     (AeroTemplate     *self,
                                                   int               cores);
int               aero_template_get_cpu_threads   (AeroTemplate     *self);
void              aero_template_set_cpu_threads   (AeroTemplate     *self,
                                                   int               threads);
int               aero_template_get_cpu_shares    (AeroTemplate     *self);
void              aero_template_set_cpu_shares    (AeroTemplate     *self,
                                                   int               shares);
const char       *aero_template_get_cluster_id    (AeroTemplate     *self);
void              aero_template_set_cluster_id    (AeroTemplate     *self,
                                                   const char       *id);
const char       *aero_template_get_os_type       (AeroTemplate     *self);
void              aero_template_set_os_type       (AeroTemplate     *self,
                                                   const char       *os_type);
AeroVersion      *aero_template_get_custom_compatibility_version (AeroTemplate *self);
void              aero_template_set_custom_compatibility_version (AeroTemplate *self,
                                                                  AeroVersion  *version);
const char       *aero_template_get_status        (AeroTemplate     *self);
void              aero_template_set_status        (AeroTemplate     *self,
                                                   const char       *status);
const char       *aero_template_get_version_name  (AeroTemplate     *self);
void              aero_template_set_version_name  (AeroTemplate     *self,
                                                   const char       *name);
int               aero_template_get_version_number (AeroTemplate    *self);
void              aero_template_set_version_number (AeroTemplate    *self,
                                                    int              number);

G_END_DECLS
