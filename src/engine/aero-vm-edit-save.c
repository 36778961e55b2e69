/* aero-vm-edit-save.c - AeroVmEdit: the request bodies and saving
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "aero-engine-calls-private.h"
#include "aero-json.h"
#include "aero-vm-edit-private.h"

/* ------------------------------------------------------------------ */
/* Bodies                                                              */
/* ------------------------------------------------------------------ */

static void
add_string (JsonBuilder *builder,
            const char  *member,
            const char  *value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_string_value (builder, value);
}

static void
add_ref (JsonBuilder *builder,
         const char  *member,
         const char  *id)
{
  json_builder_set_member_name (builder, member);
  json_builder_begin_object (builder);
  add_string (builder, "id", id);
  json_builder_end_object (builder);
}

AeroVmEditMembers
aero_vm_edit_members (AeroVmEdit *self)
{
  const AeroVmValues *o = &self->orig;
  const AeroVmValues *c = &self->cur;
  gboolean all = self->mode == AERO_VM_EDIT_NEW_VM;
  gboolean resources = aero_vm_edit_resource_allocation_editable (self);
  AeroVmEditMembers m;

  m.name = all || g_strcmp0 (o->name, c->name) != 0;
  /* A new VM sends its description and comment even when empty: left
   * out, the engine would copy the template's. webadmin sends what the
   * admin left too (CommonUnitToVmBaseBuilder: "vm.setDescription(
   * model.getDescription().getEntity())"). */
  m.description = all || g_strcmp0 (o->description, c->description) != 0;
  m.comment = all || g_strcmp0 (o->comment, c->comment) != 0;
  m.cluster = c->cluster != NULL &&
              (all || g_strcmp0 (self->original_cluster_id, aero_vm_edit_cluster_id (c->cluster)) != 0);
  m.tmpl = all && c->tmpl != NULL;
  m.vm_type = c->vm_type != AERO_VM_TYPE_UNKNOWN && (all || o->vm_type != c->vm_type);
  m.memory = all || o->memory != c->memory;
  m.guaranteed = resources && (all || o->guaranteed != c->guaranteed);
  m.max_memory = self->max_memory_sensitive && (all || o->max_memory != c->max_memory);
  /* Nothing about ballooning while the gate forbids it. */
  m.ballooning = self->ballooning_sensitive && (all || aero_vm_edit_ballooning_changed (self));
  m.sockets = all || o->cpu_sockets != c->cpu_sockets;
  m.cores = all || o->cpu_cores != c->cpu_cores;
  m.threads = all || o->cpu_threads != c->cpu_threads;
  m.cpu_shares = resources && (all || o->cpu_shares != c->cpu_shares);

  return m;
}

JsonNode *
aero_vm_edit_build_body (AeroVmEdit *self)
{
  g_autoptr(JsonBuilder) builder = NULL;
  const AeroVmValues *c;
  AeroVmEditMembers m;

  g_return_val_if_fail (AERO_IS_VM_EDIT (self), NULL);

  if (!self->has_changes)
    return NULL;

  c = &self->cur;
  m = aero_vm_edit_members (self);
  builder = json_builder_new ();
  json_builder_begin_object (builder);

  if (m.name)
    add_string (builder, "name", c->name);
  if (m.description)
    add_string (builder, "description", c->description);
  if (m.comment)
    add_string (builder, "comment", c->comment);
  if (m.cluster)
    add_ref (builder, "cluster", aero_vm_edit_cluster_id (c->cluster));
  if (m.tmpl)
    add_ref (builder, "template", aero_template_get_id (c->tmpl));
  if (m.vm_type)
    add_string (builder, "type", aero_vm_type_to_wire (c->vm_type));
  if (m.memory)
    aero_json_builder_add_int64 (builder, "memory", c->memory);

  if (m.guaranteed || m.max_memory || m.ballooning)
    {
      json_builder_set_member_name (builder, "memory_policy");
      json_builder_begin_object (builder);
      if (m.guaranteed)
        aero_json_builder_add_int64 (builder, "guaranteed", c->guaranteed);
      if (m.max_memory)
        aero_json_builder_add_int64 (builder, "max", c->max_memory);
      if (m.ballooning)
        aero_json_builder_add_bool (builder, "ballooning", self->ballooning);
      json_builder_end_object (builder);
    }

  if (m.sockets || m.cores || m.threads)
    {
      json_builder_set_member_name (builder, "cpu");
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "topology");
      json_builder_begin_object (builder);
      if (m.sockets)
        aero_json_builder_add_int64 (builder, "sockets", c->cpu_sockets);
      if (m.cores)
        aero_json_builder_add_int64 (builder, "cores", c->cpu_cores);
      if (m.threads)
        aero_json_builder_add_int64 (builder, "threads", c->cpu_threads);
      json_builder_end_object (builder);
      json_builder_end_object (builder);
    }

  if (m.cpu_shares)
    aero_json_builder_add_int64 (builder, "cpu_shares", c->cpu_shares);

  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/* ------------------------------------------------------------------ */
/* Saving                                                              */
/* ------------------------------------------------------------------ */

static void
saved_vm_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  AeroVmEdit *self = g_task_get_source_object (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(AeroVm) vm = NULL;

  if (g_task_get_task_data (task) == aero_engine_add_vm_async)
    vm = aero_engine_add_vm_finish (AERO_ENGINE (source), result, &error);
  else
    vm = aero_engine_update_vm_finish (AERO_ENGINE (source), result, &error);
  if (vm == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  aero_vm_edit_reset_original (self, vm);
  /* The answer was for these changes, not for the next ones. */
  aero_vm_edit_set_apply_later (self, FALSE);
  g_task_return_pointer (task, g_steal_pointer (&vm), g_object_unref);
}

static void
saved_template_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  AeroVmEdit *self = g_task_get_source_object (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(AeroTemplate) tmpl = NULL;

  tmpl = aero_engine_update_template_finish (AERO_ENGINE (source), result, &error);
  if (tmpl == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_set_object (&self->original_template, tmpl);
  aero_vm_edit_reset_original (self, NULL);
  g_task_return_pointer (task, g_steal_pointer (&tmpl), g_object_unref);
}

void
aero_vm_edit_save_async (AeroVmEdit          *self,
                         AeroEngine          *engine,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(JsonNode) body = NULL;

  g_return_if_fail (AERO_IS_VM_EDIT (self));
  g_return_if_fail (AERO_IS_ENGINE (engine));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, aero_vm_edit_save_async);

  body = aero_vm_edit_build_body (self);
  if (body == NULL)
    {
      /* Nothing changed: nothing to send. */
      GObject *original = self->vm != NULL ? G_OBJECT (self->vm)
                                           : G_OBJECT (self->original_template);

      g_task_return_pointer (task, original != NULL ? g_object_ref (original) : NULL,
                             g_object_unref);
      return;
    }

  switch (self->mode)
    {
    case AERO_VM_EDIT_NEW_VM:
      g_task_set_task_data (task, aero_engine_add_vm_async, NULL);
      aero_engine_add_vm_async (engine, body, cancellable,
                                saved_vm_cb, g_steal_pointer (&task));
      break;

    case AERO_VM_EDIT_VM:
      aero_engine_update_vm_async (engine, aero_vm_get_id (self->vm), body,
                                   aero_vm_edit_get_sends_next_run (self), cancellable,
                                   saved_vm_cb, g_steal_pointer (&task));
      break;

    case AERO_VM_EDIT_TEMPLATE:
      aero_engine_update_template_async (engine, aero_template_get_id (self->original_template),
                                         body, cancellable,
                                         saved_template_cb, g_steal_pointer (&task));
      break;

    default:
      g_assert_not_reached ();
    }
}

gpointer
aero_vm_edit_save_finish (AeroVmEdit    *self,
                          GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (AERO_IS_VM_EDIT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == aero_vm_edit_save_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
