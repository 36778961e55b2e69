/* aero-engine-calls-private.h - the engine calls that take a request body
 *
 * Only src/engine builds request bodies: AeroVmEdit saves through these
 * (aero_vm_edit_save_async ()), and the tests use them to send bodies of
 * their own. Everything above the engine layer calls typed functions.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "aero-engine.h"

G_BEGIN_DECLS

/* POST /vms with @body (a JSON object node). */
void          aero_engine_add_vm_async           (AeroEngine          *self,
                                                  JsonNode            *body,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data);
AeroVm       *aero_engine_add_vm_finish          (AeroEngine          *self,
                                                  GAsyncResult        *result,
                                                  GError             **error);

/* PUT /vms/{id}[?next_run=true] with only the members in @body; on
 * engines before 4.4.6.5 a next-run PUT without the balloon first reads
 * it from GET /vms/{id};next_run and restates it (see the .c file). */
void          aero_engine_update_vm_async        (AeroEngine          *self,
                                                  const char          *id,
                                                  JsonNode            *body,
                                                  gboolean             next_run,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data);
AeroVm       *aero_engine_update_vm_finish       (AeroEngine          *self,
                                                  GAsyncResult        *result,
                                                  GError             **error);

/* PUT /templates/{id} with only the members in @body. */
void          aero_engine_update_template_async  (AeroEngine          *self,
                                                  const char          *id,
                                                  JsonNode            *body,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data);
AeroTemplate *aero_engine_update_template_finish (AeroEngine          *self,
                                                  GAsyncResult        *result,
                                                  GError             **error);

G_END_DECLS
