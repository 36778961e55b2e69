/* aero-engine-calls.c - the VM, cluster and template calls of AeroEngine
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "aero-engine-calls-private.h"
#include "aero-engine-private.h"

/* --- helpers ---------------------------------------------------------- */

/* "/vms/ID/suffix" with the id escaped: ids come from the engine, but a
 * name typed by the admin must never change the path. */
static char *
object_path (const char *collection,
             const char *id,
             const char *suffix)
{
  g_autofree char *escaped = g_uri_escape_string (id, NULL, FALSE);

  return g_strconcat ("/", collection, "/", escaped, suffix, NULL);
}

/* What a model call reads: the reader, and the id of the object asked
 * for (NULL for actions and for answers that carry no identity). */
typedef struct
{
  AeroJsonReadFunc  read;
  char             *id;
} ModelCall;

static void
model_call_free (gpointer data)
{
  ModelCall *call = data;

  g_free (call->id);
  g_free (call);
}

/* A model is known by its id: one without an id cannot be edited, and
 * one with another id than the one asked for is another object, which a
 * PUT built from it would change instead. So both are errors here, once
 * for the CLI and the window, before any caller can send a request
 * built from the answer. */
static gboolean
check_identity (gpointer     model,
                const char  *expected_id,
                GError     **error)
{
  g_autofree char *id = NULL;

  if (expected_id == NULL || model == NULL ||
      g_object_class_find_property (G_OBJECT_GET_CLASS (model), "id") == NULL)
    return TRUE;

  g_object_get (model, "id", &id, NULL);
  if (id == NULL || *id == '\0')
    {
      g_set_error (error, AERO_ENGINE_ERROR, AERO_ENGINE_ERROR_PARSE,
                   _("The engine's answer for %s has no id"), expected_id);
      return FALSE;
    }
  if (strcmp (id, expected_id) != 0)
    {
      g_set_error (error, AERO_ENGINE_ERROR, AERO_ENGINE_ERROR_PARSE,
                   _("The engine answered for %s when asked for %s"), id, expected_id);
      return FALSE;
    }

  return TRUE;
}

static void
on_model_call (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) root = NULL;
  g_autoptr(GObject) model = NULL;
  ModelCall *call = g_task_get_task_data (task);

  root = aero_engine_call_finish (AERO_ENGINE (object), result, &error);
  if (root == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (call->read == NULL)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  model = call->read (root);
  if (!check_identity (model, call->id, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, g_steal_pointer (&model), g_object_unref);
}

/* One request whose answer is a single object turned into a model by
 * @read, or (@read NULL) an action whose answer only says complete or
 * failed. Takes @body. With @id, the model read must have that id. */
static void
model_call_full (AeroEngine          *self,
                 const char          *method,
                 const char          *path,
                 GBytes              *body,
                 AeroRequestFlags     flags,
                 AeroJsonReadFunc     read,
                 const char          *id,
                 gpointer             source_tag,
                 GCancellable        *cancellable,
                 GAsyncReadyCallback  callback,
                 gpointer             user_data)
{
  g_autoptr(GBytes) owned_body = body;
  ModelCall *call = g_new0 (ModelCall, 1);
  GTask *task;

  task = aero_engine_new_task (self, cancellable, callback, user_data, source_tag);
  call->read = read;
  call->id = g_strdup (id);
  g_task_set_task_data (task, call, model_call_free);

  aero_engine_call_full_async (self, method, path, owned_body, flags, cancellable,
                               on_model_call, task);
}

static void
model_call (AeroEngine          *self,
            const char          *method,
            const char          *path,
            GBytes              *body,
            AeroJsonReadFunc     read,
            const char          *id,
            gpointer             source_tag,
            GCancellable        *cancellable,
            GAsyncReadyCallback  callback,
            gpointer             user_data)
{
  model_call_full (self, method, path, body, AERO_REQUEST_READ_ALL, read, id, source_tag,
                   cancellable, callback, user_data);
}

static gpointer
read_vm (JsonObject *object)
{
  return aero_json_read_vm (object);
}

static gpointer
read_cluster (JsonObject *object)
{
  return aero_json_read_cluster (object);
}

static gpointer
read_host (JsonObject *object)
{
  return aero_json_read_host (object);
}

static gpointer
read_template (JsonObject *object)
{
  return aero_json_read_template (object);
}

static gpointer
read_memory_stats (JsonObject *object)
{
  return aero_json_read_memory_stats (object);
}

/* GET /@collection/@id@suffix, the answer read into a model by @read. */
static void
get_object (AeroEngine          *self,
            const char          *collection,
            const char          *id,
            const char          *suffix,
            AeroJsonReadFunc     read,
            gpointer             source_tag,
            GCancellable        *cancellable,
            GAsyncReadyCallback  callback,
            gpointer             user_data)
{
  g_autofree char *path = object_path (collection, id, suffix);

  model_call (self, SOUP_METHOD_GET, path, NULL, read, id, source_tag,
              cancellable, callback, user_data);
}

/* PUT /@collection/@id@suffix with @body, the answer read into a model
 * by @read. */
static void
put_object (AeroEngine          *self,
            const char          *collection,
            const char          *id,
            const char          *suffix,
            JsonNode            *body,
            AeroJsonReadFunc     read,
            gpointer             source_tag,
            GCancellable        *cancellable,
            GAsyncReadyCallback  callback,
            gpointer             user_data)
{
  g_autofree char *path = object_path (collection, id, suffix);

  model_call (self, SOUP_METHOD_PUT, path, aero_engine_serialise_body (body), read,
              id, source_tag, cancellable, callback, user_data);
}

/* POST /vms/@id/@action with @body (taken): the answer only says
 * complete or failed. */
static void
vm_action (AeroEngine          *self,
           const char          *id,
           const char          *action,
           GBytes              *body,
           gpointer             source_tag,
           GCancellable        *cancellable,
           GAsyncReadyCallback  callback,
           gpointer             user_data)
{
  g_autofree char *path = object_path ("vms", id, action);

  model_call (self, SOUP_METHOD_POST, path, body, NULL, NULL, source_tag,
              cancellable, callback, user_data);
}

/* Appends @name=@value (already escaped) to @path: "?" before the first
 * parameter, "&" before the others. */
static void
append_query (GString    *path,
              const char *name,
              const char *value)
{
  g_string_append_c (path, strchr (path->str, '?') == NULL ? '?' : '&');
  g_string_append_printf (path, "%s=%s", name, value);
}

/* What a list of VMs or templates needs so that it says whether each one
 * balloons: nothing from 4.4.6.5, where the plain list carries it
 * (VmBaseMapper); before, the All-Content header, which every release
 * reads, where the all_content query parameter is ignored up to 4.4.3.7
 * (ovirt-engine: backend/manager/modules/restapi/jaxrs/src/main/java/org/
 * ovirt/engine/api/restapi/resource/BackendResource.java isPopulate). All
 * content costs device queries and an OVF per VM (BackendVmsResource.
 * doPopulate), so it is asked for only where it is needed. */
static AeroRequestFlags
ballooning_request_flags (AeroEngine *self)
{
  return aero_engine_version_lists_ballooning (&self->engine_version)
         ? AERO_REQUEST_READ_ALL : AERO_REQUEST_ALL_CONTENT;
}

/* --- VMs -------------------------------------------------------------- */

/**
 * aero_engine_list_vms_follow_async:
 * @follow: (nullable): linked objects to embed, "cluster,template"
 *
 * As aero_engine_list_vms_async(), with the engine's follow= parameter.
 * Finish with aero_engine_list_vms_finish().
 */
void
aero_engine_list_vms_follow_async (AeroEngine          *self,
                                   const char          *search,
                                   int                  max,
                                   AeroListFlags        flags,
                                   const char          *follow,
                                   AeroBatchFunc        batch_func,
                                   gpointer             batch_data,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autoptr(GString) path = g_string_new ("/vms");

  g_return_if_fail (AERO_IS_ENGINE (self));

  if (search != NULL && *search != '\0')
    {
      g_autofree char *escaped = g_uri_escape_string (search, NULL, FALSE);

      append_query (path, "search", escaped);
    }
  if (max >= 0)
    {
      g_autofree char *number = g_strdup_printf ("%d", max);

      append_query (path, "max", number);
    }
  if (follow != NULL && *follow != '\0')
    {
      g_autofree char *escaped = g_uri_escape_string (follow, ",", FALSE);

      append_query (path, "follow", escaped);
    }

  aero_engine_read_collection_async (self, path->str, "vm", AERO_TYPE_VM, read_vm,
                                     (flags & AERO_LIST_ALL_CONTENT)
                                     ? ballooning_request_flags (self) : AERO_REQUEST_READ_ALL,
                                     batch_func, batch_data,
                                     (flags & AERO_LIST_BATCHES_ONLY) == 0, cancellable,
                                     callback, user_data);
}

void
aero_engine_list_vms_async (AeroEngine          *self,
                            const char          *search,
                            int                  max,
                            AeroListFlags        flags,
                            AeroBatchFunc        batch_func,
                            gpointer             batch_data,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  aero_engine_list_vms_follow_async (self, search, max, flags, NULL,
                                     batch_func, batch_data, cancellable,
                                     callback, user_data);
}

GListModel *
aero_engine_list_vms_finish (AeroEngine    *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  return aero_engine_read_collection_finish (self, result, error);
}

void
aero_engine_get_vm_async (AeroEngine          *self,
                          const char          *id,
                          gboolean             next_run,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_return_if_fail (AERO_IS_ENGINE (self));
  g_return_if_fail (id != NULL);

  get_object (self, "vms", id, next_run ? ";next_run" : "", read_vm,
              aero_engine_get_vm_async, cancellable, callback, user_data);
}

/**
 * aero_engine_get_vm_all_content_async:
 *
 * As aero_engine_get_vm_async(), with "All-Content: true": the engine
 * then also says whether the VM balloons, which it may leave out
 * otherwise. Finish with aero_engine_get_vm_finish().
 */
void
aero_engine_get_vm_all_content_async (AeroEngine          *self,
                                      const char          *id,
                                      gboolean             next_run,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_autofree char *path = NULL;

  g_return_if_fail (AERO_IS_ENGINE (self));
  g_return_if_fail (id != NULL);

  path = object_path ("vms", id, next_run ? ";next_run" : "");
  model_call_full (self, SOUP_METHOD_GET, path, NULL, AERO_REQUEST_ALL_CONTENT, read_vm, id,
                   aero_engine_get_vm_async, cancellable, callback, user_data);
}

AeroVm *
aero_engine_get_vm_finish (AeroEngine    *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  return aero_engine_propagate_pointer (self, result, aero_engine_get_vm_async, error);
}

static void
on_next_run_for_edit (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(AeroVm) next = NULL;

  next = aero_engine_get_vm_finish (AERO_ENGINE (object), result, &error);
  if (next == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  aero_vm_take_running_state (next, g_task_get_task_data (task));
  g_task_return_pointer (task, g_steal_pointer (&next), g_object_unref);
}

static void
on_vm_for_edit (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(AeroVm) vm = NULL;
  GCancellable *cancellable;

  vm = aero_engine_get_vm_finish (AERO_ENGINE (object), result, &error);
  if (vm == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (!aero_vm_get_next_run_pending (vm))
    {
      g_task_return_pointer (task, g_steal_pointer (&vm), g_object_unref);
      return;
    }

  cancellable = g_task_get_cancellable (task);
  g_task_set_task_data (task, g_object_ref (vm), g_object_unref);
  aero_engine_get_vm_async (AERO_ENGINE (object), aero_vm_get_id (vm), TRUE,
                            cancellable, on_next_run_for_edit, g_steal_pointer (&task));
}

void
aero_engine_get_vm_for_edit_async (AeroEngine          *self,
                                   const char          *id,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (AERO_IS_ENGINE (self));
  g_return_if_fail (id != NULL);

  task = aero_engine_new_task (self, cancellable, callback, user_data,
                               aero_engine_get_vm_for_edit_async);
  aero_engine_get_vm_async (self, id, FALSE, cancellable, on_vm_for_edit, task);
}

AeroVm *
aero_engine_get_vm_for_edit_finish (AeroEngine    *self,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  return aero_engine_propagate_pointer (self, result, aero_engine_get_vm_for_edit_async, error);
}

void
aero_engine_add_vm_async (AeroEngine          *self,
                          JsonNode            *body,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_return_if_fail (AERO_IS_ENGINE (self));
  g_return_if_fail (body != NULL);

  model_call (self, SOUP_METHOD_POST, "/vms", aero_engine_serialise_body (body), read_vm, NULL,
              aero_engine_add_vm_async, cancellable, callback, user_data);
}

AeroVm *
aero_engine_add_vm_finish (AeroEngine    *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  return aero_engine_propagate_pointer (self, result, aero_engine_add_vm_async, error);
}

/* The PUT of a VM update, whose answer goes to the task of
 * aero_engine_update_vm_async(). */
typedef struct
{
  char     *id;
  JsonNode *body;
} VmUpdate;

static void
vm_update_free (gpointer data)
{
  VmUpdate *update = data;

  g_free (update->id);
  json_node_unref (update->body);
  g_free (update);
}

static void
vm_put (AeroEngine          *self,
        const char          *id,
        JsonNode            *body,
        gboolean             next_run,
        GCancellable        *cancellable,
        GAsyncReadyCallback  callback,
        gpointer             user_data)
{
  put_object (self, "vms", id, next_run ? "?next_run=true" : "", body, read_vm,
              vm_put, cancellable, callback, user_data);
}

static void
on_vm_put (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  AeroVm *vm;

  vm = aero_engine_propagate_pointer (AERO_ENGINE (object), result, vm_put, &error);
  if (vm == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, vm, g_object_unref);
}

static gboolean
body_sets_ballooning (JsonNode *body)
{
  JsonObject *policy;

  if (!JSON_NODE_HOLDS_OBJECT (body))
    return FALSE;
  policy = aero_json_get_object (json_node_get_object (body), "memory_policy");
  return policy != NULL && json_object_has_member (policy, "ballooning");
}

/* @body with memory_policy.ballooning set to @ballooning, the rest of
 * memory_policy as it was. */
static JsonNode *
body_with_ballooning (JsonNode *body,
                      gboolean  ballooning)
{
  JsonNode *copy = json_node_copy (body);
  JsonObject *object = json_node_get_object (copy);
  JsonObject *policy = aero_json_get_object (object, "memory_policy");

  if (policy == NULL)
    {
      policy = json_object_new ();
      json_object_set_object_member (object, "memory_policy", policy);
    }
  /* The spelling of aero_json_builder_add_bool (). */
  json_object_set_string_member (policy, "ballooning", ballooning ? "true" : "false");
  return copy;
}

static void
on_next_run_to_restate (GObject      *object,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(AeroVm) next = NULL;
  g_autoptr(JsonNode) body = NULL;
  VmUpdate *update = g_task_get_task_data (task);
  AeroMemoryPolicy *policy;
  AeroTristate ballooning;

  next = aero_engine_get_vm_finish (AERO_ENGINE (object), result, &error);
  if (next == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  policy = aero_vm_get_memory_policy (next);
  ballooning = policy != NULL ? aero_memory_policy_get_ballooning (policy) : AERO_TRISTATE_UNKNOWN;
  if (ballooning == AERO_TRISTATE_UNKNOWN)
    {
      /* Sending the change anyway would set the balloon to what the VM
       * runs with, which may not be what waits for its restart. */
      g_task_return_new_error (task, AERO_ENGINE_ERROR, AERO_ENGINE_ERROR_PARSE,
                               _("The engine did not say whether %s balloons after its restart, "
                                 "so the change was not sent: it would have reset the balloon"),
                               update->id);
      return;
    }

  body = body_with_ballooning (update->body, ballooning == AERO_TRISTATE_TRUE);
  vm_put (AERO_ENGINE (object), update->id, body, TRUE, g_task_get_cancellable (task),
          on_vm_put, g_object_ref (task));
}

/**
 * aero_engine_update_vm_async:
 *
 * Before 4.4.6.5 the balloon is a device, and a next_run=true PUT
 * rebuilds the next-run devices from the running VM's, keeping only the
 * device fields it carries (ovirt-engine: backend/manager/modules/bll/
 * src/main/java/org/ovirt/engine/core/bll/utils/VmDeviceUtils.java
 * getVmDevicesForNextRun, VmHandler.getVmDevicesFieldsToUpdateOnNextRun).
 * A balloon change waiting for the restart would silently come back, so
 * on those engines a next-run PUT that leaves the balloon out restates
 * the one GET /vms/{id};next_run reports: IsBalloonEnabledQuery reads it
 * from the next-run configuration when there is one. The other devices
 * of that list (console, sound card, VirtIO-SCSI, RNG, watchdog,
 * graphics) are never edited here, and REST reports them from the
 * running VM's devices, so there is nothing truer to restate.
 */
void
aero_engine_update_vm_async (AeroEngine          *self,
                             const char          *id,
                             JsonNode            *body,
                             gboolean             next_run,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  VmUpdate *update;

  g_return_if_fail (AERO_IS_ENGINE (self));
  g_return_if_fail (id != NULL);
  g_return_if_fail (body != NULL);

  task = aero_engine_new_task (self, cancellable, callback, user_data,
                               aero_engine_update_vm_async);
  if (!next_run || !aero_engine_version_balloon_is_device (&self->engine_version)
      || body_sets_ballooning (body))
    {
      vm_put (self, id, body, next_run, cancellable, on_vm_put, g_steal_pointer (&task));
      return;
    }

  update = g_new0 (VmUpdate, 1);
  update->id = g_strdup (id);
  update->body = json_node_copy (body);
  g_task_set_task_data (task, update, vm_update_free);
  aero_engine_get_vm_async (self, id, TRUE, cancellable, on_next_run_to_restate,
                            g_steal_pointer (&task));
}

AeroVm *
aero_engine_update_vm_finish (AeroEngine    *self,
                              GAsyncResult  *result,
                              GError       **error)
{
  return aero_engine_propagate_pointer (self, result, aero_engine_update_vm_async, error);
}

/* {"memory_policy": {"ballooning": "true"}} - nothing else of the VM. */
static JsonNode *
build_ballooning_body (gboolean enable)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "memory_policy");
  json_builder_begin_object (builder);
  aero_json_builder_add_bool (builder, "ballooning", enable);
  json_builder_end_object (builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

void
aero_engine_set_vm_ballooning_async (AeroEngine          *self,
                                     const char          *id,
                                     gboolean             enable,
                                     gboolean             next_run,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_autoptr(JsonNode) body = NULL;

  g_return_if_fail (AERO_IS_ENGINE (self));
  g_return_if_fail (id != NULL);

  body = build_ballooning_body (enable);
  put_object (self, "vms", id, next_run ? "?next_run=true" : "", body, read_vm,
              aero_engine_set_vm_ballooning_async, cancellable, callback, user_data);
}

AeroVm *
aero_engine_set_vm_ballooning_finish (AeroEngine    *self,
                                      GAsyncResult  *result,
                                      GError       **error)
{
  return aero_engine_propagate_pointer (self, result, aero_engine_set_vm_ballooning_async, error);
}

static GBytes *
empty_action (void)
{
  static const char body[] = "{}";

  return g_bytes_new_static (body, sizeof body - 1);
}

void
aero_engine_start_vm_async (AeroEngine          *self,
                            const char          *id,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_return_if_fail (AERO_IS_ENGINE (self));
  g_return_if_fail (id != NULL);

  vm_action (self, id, "/start", empty_action (), aero_engine_start_vm_async,
             cancellable, callback, user_data);
}

gboolean
aero_engine_start_vm_finish (AeroEngine    *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  return aero_engine_propagate_boolean (self, result, aero_engine_start_vm_async, error);
}

void
aero_engine_stop_vm_async (AeroEngine          *self,
                           const char          *id,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_return_if_fail (AERO_IS_ENGINE (self));
  g_return_if_fail (id != NULL);

  vm_action (self, id, "/stop", empty_action (), aero_engine_stop_vm_async,
             cancellable, callback, user_data);
}

gboolean
aero_engine_stop_vm_finish (AeroEngine    *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  return aero_engine_propagate_boolean (self, result, aero_engine_stop_vm_async, error);
}

void
aero_engine_shutdown_vm_async (AeroEngine          *self,
                               const char          *id,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_return_if_fail (AERO_IS_ENGINE (self));
  g_return_if_fail (id != NULL);

  vm_action (self, id, "/shutdown", empty_action (), aero_engine_shutdown_vm_async,
             cancellable, callback, user_data);
}

gboolean
aero_engine_shutdown_vm_finish (AeroEngine    *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  return aero_engine_propagate_boolean (self, result, aero_engine_shutdown_vm_async, error);
}

/* {"vm": {}, "volatile": "false", "pause": "false"}. The "vm" member is
 * what makes the start a Run Once: without it the engine runs a plain
 * RunVm and ignores "volatile" (ovirt-engine: backend/manager/modules/
 * restapi/jaxrs/src/main/java/org/ovirt/engine/api/restapi/resource/
 * BackendVmResource.java start). It stays empty: the memory members of
 * a Run Once's VM are ignored by every release (types/VmMapper.java
 * map (Vm, RunVmOnceParams)), the balloon included. */
static JsonNode *
build_run_once_body (gboolean volatile_,
                     gboolean pause)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "vm");
  json_builder_begin_object (builder);
  json_builder_end_object (builder);
  aero_json_builder_add_bool (builder, "volatile", volatile_);
  aero_json_builder_add_bool (builder, "pause", pause);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

void
aero_engine_run_once_async (AeroEngine          *self,
                            const char          *id,
                            gboolean             volatile_,
                            gboolean             pause,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(JsonNode) body = NULL;

  g_return_if_fail (AERO_IS_ENGINE (self));
  g_return_if_fail (id != NULL);

  body = build_run_once_body (volatile_, pause);
  vm_action (self, id, "/start", aero_engine_serialise_body (body),
             aero_engine_run_once_async, cancellable, callback, user_data);
}

gboolean
aero_engine_run_once_finish (AeroEngine    *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  return aero_engine_propagate_boolean (self, result, aero_engine_run_once_async, error);
}

void
aero_engine_get_vm_statistics_async (AeroEngine          *self,
                                     const char          *id,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_return_if_fail (AERO_IS_ENGINE (self));
  g_return_if_fail (id != NULL);

  get_object (self, "vms", id, "/statistics", read_memory_stats,
              aero_engine_get_vm_statistics_async, cancellable, callback, user_data);
}

AeroMemoryStats *
aero_engine_get_vm_statistics_finish (AeroEngine    *self,
                                      GAsyncResult  *result,
                                      GError       **error)
{
  return aero_engine_propagate_pointer (self, result, aero_engine_get_vm_statistics_async, error);
}

/* --- clusters --------------------------------------------------------- */

void
aero_engine_list_clusters_async (AeroEngine          *self,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_return_if_fail (AERO_IS_ENGINE (self));

  aero_engine_read_collection_async (self, "/clusters", "cluster", AERO_TYPE_CLUSTER,
                                     read_cluster, AERO_REQUEST_READ_ALL, NULL, NULL, TRUE, cancellable,
                                     callback, user_data);
}

GListModel *
aero_engine_list_clusters_finish (AeroEngine    *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  return aero_engine_read_collection_finish (self, result, error);
}

void
aero_engine_get_cluster_async (AeroEngine          *self,
                               const char          *id,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_return_if_fail (AERO_IS_ENGINE (self));
  g_return_if_fail (id != NULL);

  get_object (self, "clusters", id, "", read_cluster,
              aero_engine_get_cluster_async, cancellable, callback, user_data);
}

AeroCluster *
aero_engine_get_cluster_finish (AeroEngine    *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  return aero_engine_propagate_pointer (self, result, aero_engine_get_cluster_async, error);
}

/* The body of a cluster memory change: the changed members only, and
 * Transparent Huge Pages with every memory_policy. A memory_policy
 * without transparent_hugepages switches THP on, on 4.3 through the
 * current engine: ovirt-engine:
 * backend/manager/modules/restapi/types/src/main/java/org/ovirt/engine/api/restapi/types/ClusterMapper.java,
 * map(MemoryPolicy, Cluster), for any cluster level from 3.0
 * (min_thp_version). So THP is restated as the admin last saw it. */
static JsonNode *
build_cluster_memory_body (AeroCluster                    *cluster,
                           const AeroClusterMemoryChange  *change,
                           GError                        **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  AeroClusterMemoryMembers changed = change->changed;

  if ((changed & AERO_CLUSTER_MEMORY_OVERCOMMIT)
      && !aero_cluster_overcommit_valid (change->overcommit_percent))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("The memory over-commit must be between %d and %d percent, not %d."),
                   AERO_CLUSTER_OVERCOMMIT_MIN, AERO_CLUSTER_OVERCOMMIT_MAX,
                   change->overcommit_percent);
      return NULL;
    }

  json_builder_begin_object (builder);
  if (changed & AERO_CLUSTER_MEMORY_BALLOONING)
    aero_json_builder_add_bool (builder, "ballooning_enabled", change->ballooning);

  if (changed & (AERO_CLUSTER_MEMORY_OVERCOMMIT | AERO_CLUSTER_MEMORY_TRANSPARENT_HUGEPAGES))
    {
      gboolean thp;

      if (changed & AERO_CLUSTER_MEMORY_TRANSPARENT_HUGEPAGES)
        thp = change->transparent_hugepages;
      else if (aero_cluster_get_transparent_hugepages (cluster) != AERO_TRISTATE_UNKNOWN)
        thp = aero_cluster_get_transparent_hugepages (cluster) == AERO_TRISTATE_TRUE;
      else
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                       _("The engine did not say whether Transparent Huge Pages are on in cluster %s: "
                         "changing its over-commit would switch them on."),
                       aero_cluster_get_name (cluster));
          return NULL;
        }

      json_builder_set_member_name (builder, "memory_policy");
      json_builder_begin_object (builder);
      if (changed & AERO_CLUSTER_MEMORY_OVERCOMMIT)
        {
          json_builder_set_member_name (builder, "over_commit");
          json_builder_begin_object (builder);
          aero_json_builder_add_int64 (builder, "percent", change->overcommit_percent);
          json_builder_end_object (builder);
        }
      json_builder_set_member_name (builder, "transparent_hugepages");
      json_builder_begin_object (builder);
      aero_json_builder_add_bool (builder, "enabled", thp);
      json_builder_end_object (builder);
      json_builder_end_object (builder);
    }

  if (changed & AERO_CLUSTER_MEMORY_KSM)
    {
      json_builder_set_member_name (builder, "ksm");
      json_builder_begin_object (builder);
      aero_json_builder_add_bool (builder, "enabled", change->ksm);
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

void
aero_engine_update_cluster_memory_async (AeroEngine                    *self,
                                         AeroCluster                   *cluster,
                                         const AeroClusterMemoryChange *change,
                                         GCancellable                  *cancellable,
                                         GAsyncReadyCallback            callback,
                                         gpointer                       user_data)
{
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (AERO_IS_ENGINE (self));
  g_return_if_fail (AERO_IS_CLUSTER (cluster));
  g_return_if_fail (aero_cluster_get_id (cluster) != NULL);
  g_return_if_fail (change != NULL && change->changed != AERO_CLUSTER_MEMORY_NONE);

  body = build_cluster_memory_body (cluster, change, &error);
  if (body == NULL)
    {
      g_autoptr(GTask) task = aero_engine_new_task (self, cancellable, callback, user_data,
                                                    aero_engine_update_cluster_memory_async);

      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  put_object (self, "clusters", aero_cluster_get_id (cluster), "", body, read_cluster,
              aero_engine_update_cluster_memory_async, cancellable, callback, user_data);
}

AeroCluster *
aero_engine_update_cluster_memory_finish (AeroEngine    *self,
                                          GAsyncResult  *result,
                                          GError       **error)
{
  return aero_engine_propagate_pointer (self, result, aero_engine_update_cluster_memory_async, error);
}

/* --- templates -------------------------------------------------------- */

void
aero_engine_list_templates_async (AeroEngine          *self,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_return_if_fail (AERO_IS_ENGINE (self));

  aero_engine_read_collection_async (self, "/templates", "template", AERO_TYPE_TEMPLATE,
                                     read_template, ballooning_request_flags (self),
                                     NULL, NULL, TRUE, cancellable,
                                     callback, user_data);
}

GListModel *
aero_engine_list_templates_finish (AeroEngine    *self,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  return aero_engine_read_collection_finish (self, result, error);
}

void
aero_engine_get_template_async (AeroEngine          *self,
                                const char          *id,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_return_if_fail (AERO_IS_ENGINE (self));
  g_return_if_fail (id != NULL);

  get_object (self, "templates", id, "", read_template,
              aero_engine_get_template_async, cancellable, callback, user_data);
}

AeroTemplate *
aero_engine_get_template_finish (AeroEngine    *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  return aero_engine_propagate_pointer (self, result, aero_engine_get_template_async, error);
}

void
aero_engine_update_template_async (AeroEngine          *self,
                                   const char          *id,
                                   JsonNode            *body,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_return_if_fail (AERO_IS_ENGINE (self));
  g_return_if_fail (id != NULL);
  g_return_if_fail (body != NULL);

  put_object (self, "templates", id, "", body, read_template,
              aero_engine_update_template_async, cancellable, callback, user_data);
}

AeroTemplate *
aero_engine_update_template_finish (AeroEngine    *self,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  return aero_engine_propagate_pointer (self, result, aero_engine_update_template_async, error);
}

/* --- hosts ------------------------------------------------------------ */

/* follow=statistics embeds every host's statistics in the one answer:
 * the engine follows any link of a listed entity (ovirt-engine:
 * backend/manager/modules/restapi/jaxrs/.../BaseBackendResource.java,
 * follow(), with utils/LinkFollower.java), so a list of 500 hosts is one
 * request, not 501. */
void
aero_engine_list_hosts_async (AeroEngine          *self,
                              const char          *search,
                              AeroBatchFunc        batch_func,
                              gpointer             batch_data,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GString) path = g_string_new ("/hosts");

  g_return_if_fail (AERO_IS_ENGINE (self));

  if (search != NULL && *search != '\0')
    {
      g_autofree char *escaped = g_uri_escape_string (search, NULL, FALSE);

      append_query (path, "search", escaped);
    }
  append_query (path, "follow", "statistics");

  aero_engine_read_collection_async (self, path->str, "host", AERO_TYPE_HOST, read_host,
                                     AERO_REQUEST_READ_ALL, batch_func, batch_data, TRUE, cancellable,
                                     callback, user_data);
}

GListModel *
aero_engine_list_hosts_finish (AeroEngine    *self,
                               GAsyncResult  *result,
                               GError       **error)
{
  return aero_engine_read_collection_finish (self, result, error);
}

void
aero_engine_get_host_async (AeroEngine          *self,
                            const char          *id,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_return_if_fail (AERO_IS_ENGINE (self));
  g_return_if_fail (id != NULL);

  get_object (self, "hosts", id, "?follow=statistics", read_host,
              aero_engine_get_host_async, cancellable, callback, user_data);
}

AeroHost *
aero_engine_get_host_finish (AeroEngine    *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  return aero_engine_propagate_pointer (self, result, aero_engine_get_host_async, error);
}
