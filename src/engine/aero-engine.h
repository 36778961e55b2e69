/* aero-engine.h - a session with one oVirt engine over its REST API (v4)
 *
 * One SoupSession per engine. Every call is _async/_finish with a
 * GCancellable; callbacks run in the thread-default main context of the
 * caller. Collections are read as a stream and parsed off the calling
 * thread (see aero-stream-parser.h).
 *
 * Errors of every call are AERO_ENGINE_ERROR (aero-engine-error.h):
 *   NETWORK       unreachable, refused, dropped, timed out;
 *   TLS           certificate not trusted (fingerprint and PEM of the
 *                 peer certificate set on the error) or TLS failure;
 *   UNAUTHORIZED  wrong credentials (the SSO's own message), or a 401
 *                 that persisted after one new login;
 *   FORBIDDEN     403, NOT_FOUND 404 (with the engine's reason/detail
 *                 when it sent a fault);
 *   FAULT         the engine refused: {"reason", "detail"} or
 *                 {"status": "failed", "fault": {...}} (also with 200);
 *   PARSE         HTML, malformed JSON or not an oVirt API (also "this
 *                 is not an oVirt engine" at login), with the HTTP status;
 *   CANCELLED     the GCancellable was cancelled.
 * reason/detail accessors only hold the engine's own words; the message
 * is always suitable for a terminal or a banner.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "aero-cluster.h"
#include "aero-engine-error.h"
#include "aero-host.h"
#include "aero-engine-version.h"
#include "aero-memory-stats.h"
#include "aero-template.h"
#include "aero-vm.h"

G_BEGIN_DECLS

#define AERO_TYPE_ENGINE (aero_engine_get_type ())
G_DECLARE_FINAL_TYPE (AeroEngine, aero_engine, AERO, ENGINE, GObject)

/* Accepts "host", "host:port", "https://host/ovirt-engine" or
 * ".../ovirt-engine/api". Plain http:// is refused unless the host is a
 * loopback address (127.0.0.0/8, ::1, localhost); so are user info in
 * the address and schemes other than http(s): G_IO_ERROR_INVALID_ARGUMENT. */
AeroEngine  *aero_engine_new              (const char   *address,
                                           GError      **error);
/* "https://host/ovirt-engine" */
const char  *aero_engine_get_base_url     (AeroEngine   *self);
/* "https://host/ovirt-engine/api" */
const char  *aero_engine_get_api_url      (AeroEngine   *self);
/* Verify the engine against this CA (PEM file) instead of the system CAs,
 * for this engine only. FALSE when the file holds no certificate. */
gboolean     aero_engine_set_ca_file      (AeroEngine   *self,
                                           const char   *path,
                                           GError      **error);
void         aero_engine_set_timeout      (AeroEngine   *self,
                                           guint         seconds);

/* Properties (read-only, notify): "user", "logged-in" (boolean),
 * "product-name" ("oVirt Engine"), "product-version" ("4.5.4"),
 * "blank-template-id". */
const char  *aero_engine_get_user            (AeroEngine *self);
gboolean     aero_engine_get_logged_in       (AeroEngine *self);
const char  *aero_engine_get_product_name    (AeroEngine *self);
const char  *aero_engine_get_product_version (AeroEngine *self);
const char  *aero_engine_get_blank_template_id (AeroEngine *self);
/* The release parsed from "product-version" at login, whose rules the
 * calls follow (aero-engine-version.h); all zero (unknown) before. */
const AeroEngineVersion *aero_engine_get_engine_version (AeroEngine *self);
void         aero_engine_set_deadline        (AeroEngine *self,
                                              guint       seconds);
guint        aero_engine_get_deadline        (AeroEngine *self);

/* SSO password login (Basic as fallback when the engine has no SSO), then
 * the API root probe. The password is kept in memory only, for the one
 * re-login a 401 triggers. */
void         aero_engine_login_async   (AeroEngine          *self,
                                        const char          *user,
                                        const char          *password,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data);
gboolean     aero_engine_login_finish  (AeroEngine          *self,
                                        GAsyncResult        *result,
                                        GError             **error);
/* Revokes the token (sso-logout) and forgets token and password. */
void         aero_engine_logout_async  (AeroEngine          *self,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data);
gboolean     aero_engine_logout_finish (AeroEngine          *self,
                                        GAsyncResult        *result,
                                        GError             **error);

/* Fetches the engine's CA certificate from its pki-resource URL without
 * trusting it (for the admin to confirm by fingerprint). Returns the PEM;
 * @out_fingerprint gets "AB:CD:..." (SHA-256). */
void         aero_engine_fetch_ca_async  (AeroEngine          *self,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data);
char        *aero_engine_fetch_ca_finish (AeroEngine          *self,
                                          GAsyncResult        *result,
                                          char               **out_fingerprint,
                                          GError             **error);

/* Called on the caller's main context with each batch of models
 * (GPtrArray of AeroVm / AeroCluster / AeroTemplate) as a collection
 * streams in, before the _finish of the call. */
typedef void (*AeroBatchFunc) (GPtrArray *items,
                               gpointer   user_data);

typedef enum {
  AERO_LIST_NONE        = 0,
  /* Each VM must say whether it balloons: the engine layer asks with the
   * All-Content header before 4.4.6.5, with nothing from then on. */
  AERO_LIST_ALL_CONTENT = 1 << 0,
  /* Each VM goes to the batch function only and the result stays empty,
   * for a caller that writes the list out as it arrives: memory then
   * stays flat however long the list is. */
  AERO_LIST_BATCHES_ONLY = 1 << 1,
} AeroListFlags;

/* GET /vms?search=&max= (see AERO_LIST_ALL_CONTENT); @max < 0 for no limit. The result is
 * a GListModel of AeroVm (all of them, batches included). */
void         aero_engine_list_vms_async  (AeroEngine          *self,
                                          const char          *search,
                                          int                  max,
                                          AeroListFlags        flags,
                                          AeroBatchFunc        batch_func,
                                          gpointer             batch_data,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data);
GListModel  *aero_engine_list_vms_finish (AeroEngine          *self,
                                          GAsyncResult        *result,
                                          GError             **error);

/* As aero_engine_list_vms_async() with follow=@follow ("cluster,template":
 * the linked objects embedded); finish with aero_engine_list_vms_finish(). */
void         aero_engine_list_vms_follow_async (AeroEngine          *self,
                                                const char          *search,
                                                int                  max,
                                                AeroListFlags        flags,
                                                const char          *follow,
                                                AeroBatchFunc        batch_func,
                                                gpointer             batch_data,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);

/* GET /vms/{id} (or /vms/{id};next_run when @next_run). */
void         aero_engine_get_vm_async    (AeroEngine          *self,
                                          const char          *id,
                                          gboolean             next_run,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data);
/* With "All-Content: true", so that ballooning is known; finish with
 * aero_engine_get_vm_finish(). */
void         aero_engine_get_vm_all_content_async (AeroEngine          *self,
                                                   const char          *id,
                                                   gboolean             next_run,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
AeroVm      *aero_engine_get_vm_finish   (AeroEngine          *self,
                                          GAsyncResult        *result,
                                          GError             **error);

/* The VM as an edit starts from: GET /vms/{id}, and when changes wait
 * for its restart (aero_vm_get_next_run_pending()) the next-run
 * configuration those are in, with the running status and flag (as the
 * engine's own portal does with GetVmNextRunConfiguration). */
void         aero_engine_get_vm_for_edit_async  (AeroEngine          *self,
                                                 const char          *id,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
AeroVm      *aero_engine_get_vm_for_edit_finish (AeroEngine          *self,
                                                 GAsyncResult        *result,
                                                 GError             **error);

/* PUT /vms/{id}[?next_run=true] with {"memory_policy": {"ballooning":
 * ...}} and nothing else: the bulk "Enable/Disable Ballooning". The VM
 * as the engine returned it. (New and edited VMs and templates are saved
 * through aero_vm_edit_save_async().) */
void         aero_engine_set_vm_ballooning_async  (AeroEngine          *self,
                                                   const char          *id,
                                                   gboolean             enable,
                                                   gboolean             next_run,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
AeroVm      *aero_engine_set_vm_ballooning_finish (AeroEngine          *self,
                                                   GAsyncResult        *result,
                                                   GError             **error);

/* POST /vms/{id}/start and /stop (power off) with an empty action. */
void         aero_engine_start_vm_async  (AeroEngine          *self,
                                          const char          *id,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data);
gboolean     aero_engine_start_vm_finish (AeroEngine          *self,
                                          GAsyncResult        *result,
                                          GError             **error);
void         aero_engine_stop_vm_async   (AeroEngine          *self,
                                          const char          *id,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data);
gboolean     aero_engine_stop_vm_finish  (AeroEngine          *self,
                                          GAsyncResult        *result,
                                          GError             **error);

/* POST /vms/{id}/shutdown with an empty action: the graceful shut down
 * (the guest agent or ACPI), where /stop powers the VM off. */
void         aero_engine_shutdown_vm_async  (AeroEngine          *self,
                                             const char          *id,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
gboolean     aero_engine_shutdown_vm_finish (AeroEngine          *self,
                                             GAsyncResult        *result,
                                             GError             **error);

/* Run Once: one POST /vms/{id}/start with {"vm": {}, "volatile": ...,
 * "pause": ...}. There is no memory or balloon override: the engine's
 * REST start ignores both in every release (VmMapper.map (Vm,
 * RunVmOnceParams)), so offering one would promise what never happens. */
void         aero_engine_run_once_async  (AeroEngine          *self,
                                          const char          *id,
                                          gboolean             volatile_,
                                          gboolean             pause,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data);
gboolean     aero_engine_run_once_finish (AeroEngine          *self,
                                          GAsyncResult        *result,
                                          GError             **error);

/* GET /vms/{id}/statistics */
void             aero_engine_get_vm_statistics_async  (AeroEngine          *self,
                                                       const char          *id,
                                                       GCancellable        *cancellable,
                                                       GAsyncReadyCallback  callback,
                                                       gpointer             user_data);
AeroMemoryStats *aero_engine_get_vm_statistics_finish (AeroEngine          *self,
                                                       GAsyncResult        *result,
                                                       GError             **error);

/* Clusters: GListModel of AeroCluster. */
void         aero_engine_list_clusters_async   (AeroEngine          *self,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
GListModel  *aero_engine_list_clusters_finish  (AeroEngine          *self,
                                                GAsyncResult        *result,
                                                GError             **error);
void         aero_engine_get_cluster_async     (AeroEngine          *self,
                                                const char          *id,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
AeroCluster *aero_engine_get_cluster_finish    (AeroEngine          *self,
                                                GAsyncResult        *result,
                                                GError             **error);
/* PUT /clusters/{id} with the members in @change->changed, no others.
 * A real engine switches Transparent Huge Pages on whenever a
 * memory_policy arrives without them, so every memory_policy sent
 * restates THP: the changed value, or the one @cluster holds. Fails with
 * G_IO_ERROR_INVALID_ARGUMENT, sending nothing, when that value is not
 * known or an over-commit is out of AERO_CLUSTER_OVERCOMMIT_MIN..MAX. */
void         aero_engine_update_cluster_memory_async  (AeroEngine                    *self,
                                                       AeroCluster                   *cluster,
                                                       const AeroClusterMemoryChange *change,
                                                       GCancellable                  *cancellable,
                                                       GAsyncReadyCallback            callback,
                                                       gpointer                       user_data);
AeroCluster *aero_engine_update_cluster_memory_finish (AeroEngine                    *self,
                                                       GAsyncResult                  *result,
                                                       GError                       **error);

/* Hosts: GET /hosts?search=&follow=statistics, a GListModel of AeroHost
 * with their statistics, in one request. */
void         aero_engine_list_hosts_async    (AeroEngine          *self,
                                              const char          *search,
                                              AeroBatchFunc        batch_func,
                                              gpointer             batch_data,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
GListModel  *aero_engine_list_hosts_finish   (AeroEngine          *self,
                                              GAsyncResult        *result,
                                              GError             **error);
/* GET /hosts/{id}?follow=statistics */
void         aero_engine_get_host_async      (AeroEngine          *self,
                                              const char          *id,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
AeroHost    *aero_engine_get_host_finish     (AeroEngine          *self,
                                              GAsyncResult        *result,
                                              GError             **error);

/* Templates: GListModel of AeroTemplate. */
void          aero_engine_list_templates_async   (AeroEngine          *self,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data);
GListModel   *aero_engine_list_templates_finish  (AeroEngine          *self,
                                                  GAsyncResult        *result,
                                                  GError             **error);
void          aero_engine_get_template_async     (AeroEngine          *self,
                                                  const char          *id,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data);
AeroTemplate *aero_engine_get_template_finish    (AeroEngine          *self,
                                                  GAsyncResult        *result,
                                                  GError             **error);

G_END_DECLS
