/* aero-vm-edit-save.c - AeroVmEdit: the request bodies and saving
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "aero-engine-calls-private.h"
#include "aero-engine-error.h"
#include "aero-json.h"
#include "aero-memory-policy.h"
#include "aero-vm-conflict.h"
#include "aero-vm-edit-private.h"

G_DEFINE_QUARK (aero-vm-edit-error-quark, aero_vm_edit_error)

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
  m.custom_version = all ? c->custom_version != NULL : aero_vm_edit_custom_version_changed (self);

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

  /* An empty version clears it (VmBaseMapper: "isNotValid() ? null"). */
  if (m.custom_version)
    {
      json_builder_set_member_name (builder, "custom_compatibility_version");
      json_builder_begin_object (builder);
      if (c->custom_version != NULL)
        {
          aero_json_builder_add_int64 (builder, "major", aero_version_get_major (c->custom_version));
          aero_json_builder_add_int64 (builder, "minor", aero_version_get_minor (c->custom_version));
        }
      json_builder_end_object (builder);
    }

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

/* ------------------------------------------------------------------ */
/* Lost updates                                                        */
/* ------------------------------------------------------------------ */

/* What one save of an existing VM sends, made once before the re-read so
 * that the PUT is exactly what the check was for. */
typedef struct {
  AeroEngine *engine;
  JsonNode   *body;
  GPtrArray  *changes;
  gboolean    next_run;
  /* The re-read while its content is read in full. */
  AeroVm     *current;
} VmSave;

static void
vm_save_free (gpointer data)
{
  VmSave *save = data;

  g_object_unref (save->engine);
  json_node_unref (save->body);
  g_ptr_array_unref (save->changes);
  g_clear_object (&save->current);
  g_free (save);
}

static gboolean
changes_field (GPtrArray  *changes,
               const char *field)
{
  for (guint i = 0; i < changes->len; i++)
    if (g_str_equal (aero_vm_change_get_field (g_ptr_array_index (changes, i)), field))
      return TRUE;
  return FALSE;
}

/* Each change compared between the VM its value was last seen in (the
 * read the edit started from, or the re-read of a question already
 * answered for it) and @current. */
static GPtrArray *
find_conflicts (AeroVmEdit *self,
                AeroVm     *current,
                GPtrArray  *changes)
{
  GPtrArray *conflicts = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < changes->len; i++)
    {
      AeroVmChange *change = g_ptr_array_index (changes, i);
      AeroVm *base = NULL;
      g_autoptr(GPtrArray) one = g_ptr_array_new ();

      if (self->conflict_bases != NULL)
        base = g_hash_table_lookup (self->conflict_bases, aero_vm_change_get_field (change));
      g_ptr_array_add (one, change);
      g_ptr_array_extend_and_steal (conflicts,
                                    aero_vm_find_conflicts (base != NULL ? base : self->vm,
                                                            current, one));
    }

  return conflicts;
}

static void
put_unless_conflicts (GTask  *task,
                      AeroVm *current)
{
  AeroVmEdit *self = g_task_get_source_object (task);
  VmSave *save = g_task_get_task_data (task);
  g_autoptr(GPtrArray) conflicts = NULL;
  AeroVmStatus status = aero_vm_get_status (current);

  /* Started or stopped meanwhile: next_run, the hot-plug steps and what
   * the admin was shown were decided for the other state. Nothing is
   * sent; the edit takes the new state, so that the form shows how the
   * changes apply now and the next save sends them so. */
  if (status != AERO_VM_STATUS_UNKNOWN &&
      aero_vm_status_is_running (status) != aero_vm_edit_get_running (self))
    {
      gboolean started = aero_vm_status_is_running (status);

      aero_vm_edit_take_run_state (self, current);
      g_task_return_new_error (task, AERO_VM_EDIT_ERROR, AERO_VM_EDIT_ERROR_RUN_STATE, "%s",
                               started ? _("The virtual machine was started since it was read, "
                                           "so nothing was sent: the changes were planned for a "
                                           "virtual machine that is down.")
                                       : _("The virtual machine was stopped since it was read, "
                                           "so nothing was sent: the changes were planned for a "
                                           "running virtual machine."));
      return;
    }

  conflicts = find_conflicts (self, current, save->changes);

  if (conflicts->len > 0)
    {
      g_autoptr(GString) labels = g_string_new (NULL);

      for (guint i = 0; i < conflicts->len; i++)
        {
          if (i > 0)
            /* TRANSLATORS: between the names of changed settings */
            g_string_append (labels, _(", "));
          g_string_append (labels, aero_vm_conflict_get_label (g_ptr_array_index (conflicts, i)));
        }
      g_clear_pointer (&self->conflicts, g_ptr_array_unref);
      self->conflicts = g_steal_pointer (&conflicts);
      g_set_object (&self->conflict_vm, current);
      g_task_return_new_error (task, AERO_VM_EDIT_ERROR, AERO_VM_EDIT_ERROR_CONFLICT,
                               /* TRANSLATORS: %s lists settings, "Memory Size, CPU Shares" */
                               _("Someone else changed %s since the virtual machine was read; "
                                 "nothing was sent."),
                               labels->str);
      return;
    }

  /* No member the admin changed moved. Others may have (someone renamed
   * the VM, say): nothing to do about them, the body carries only the
   * admin's members, so the engine keeps what the other writer stored. */
  g_clear_pointer (&self->conflicts, g_ptr_array_unref);
  aero_engine_update_vm_async (save->engine, aero_vm_get_id (self->vm), save->body, save->next_run,
                               g_task_get_cancellable (task), saved_vm_cb, g_object_ref (task));
}

static void
reread_all_content_cb (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(AeroVm) full = NULL;
  VmSave *save = g_task_get_task_data (task);

  full = aero_engine_get_vm_finish (AERO_ENGINE (source), result, &error);
  if (full == NULL)
    {
      g_prefix_error (&error, _("The virtual machine could not be read again before saving, "
                                "so nothing was sent: "));
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (aero_vm_get_next_run_pending (save->current))
    aero_vm_take_running_state (full, save->current);
  if (aero_memory_policy_get_ballooning (aero_vm_get_memory_policy (full)) == AERO_TRISTATE_UNKNOWN)
    {
      g_task_return_new_error (task, AERO_ENGINE_ERROR, AERO_ENGINE_ERROR_PARSE,
                               _("The engine no longer says whether the virtual machine "
                                 "balloons, so nothing was sent."));
      return;
    }

  put_unless_conflicts (task, full);
}

static void
reread_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  AeroVmEdit *self = g_task_get_source_object (task);
  VmSave *save = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(AeroVm) current = NULL;

  current = aero_engine_get_vm_for_edit_finish (AERO_ENGINE (source), result, &error);
  if (current == NULL)
    {
      g_prefix_error (&error, _("The virtual machine could not be read again before saving, "
                                "so nothing was sent: "));
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (g_strcmp0 (aero_vm_get_id (current), aero_vm_get_id (self->vm)) != 0)
    {
      g_task_return_new_error (task, AERO_ENGINE_ERROR, AERO_ENGINE_ERROR_PARSE,
                               _("The engine answered with another virtual machine when this "
                                 "one was read again, so nothing was sent."));
      return;
    }

  /* A single GET may leave ballooning out (the edit was then started
   * from one with all its content): unknown is not a change by someone
   * else, so read it as the edit did. */
  if (changes_field (save->changes, "ballooning")
      && aero_memory_policy_get_ballooning (aero_vm_get_memory_policy (current)) == AERO_TRISTATE_UNKNOWN)
    {
      GCancellable *cancellable = g_task_get_cancellable (task);

      g_set_object (&save->current, current);
      aero_engine_get_vm_all_content_async (AERO_ENGINE (source), aero_vm_get_id (current),
                                            aero_vm_get_next_run_pending (current),
                                            cancellable,
                                            reread_all_content_cb, g_steal_pointer (&task));
      return;
    }

  put_unless_conflicts (task, current);
}

void
aero_vm_edit_forget_conflicts (AeroVmEdit *self)
{
  g_clear_pointer (&self->conflicts, g_ptr_array_unref);
  g_clear_object (&self->conflict_vm);
  g_clear_pointer (&self->conflict_bases, g_hash_table_unref);
}

/* From now on the conflicting members are compared with the VM of the
 * question, whose values the admin has seen. */
static void
answer_conflicts (AeroVmEdit *self)
{
  if (self->conflict_bases == NULL)
    self->conflict_bases = g_hash_table_new_full (g_str_hash, g_str_equal,
                                                  g_free, g_object_unref);
  for (guint i = 0; self->conflicts != NULL && i < self->conflicts->len; i++)
    g_hash_table_replace (self->conflict_bases,
                          g_strdup (aero_vm_conflict_get_field (g_ptr_array_index (self->conflicts, i))),
                          g_object_ref (self->conflict_vm));
  g_clear_pointer (&self->conflicts, g_ptr_array_unref);
}

GPtrArray *
aero_vm_edit_get_conflicts (AeroVmEdit *self)
{
  g_return_val_if_fail (AERO_IS_VM_EDIT (self), NULL);

  if (self->conflicts == NULL)
    self->conflicts = g_ptr_array_new_with_free_func (g_object_unref);
  return self->conflicts;
}

void
aero_vm_edit_overwrite_conflicts (AeroVmEdit *self)
{
  g_return_if_fail (AERO_IS_VM_EDIT (self));

  if (self->conflicts == NULL || self->conflicts->len == 0)
    return;
  answer_conflicts (self);
}

void
aero_vm_edit_keep_theirs (AeroVmEdit *self)
{
  g_autoptr(GStrvBuilder) builder = NULL;
  g_auto(GStrv) fields = NULL;

  g_return_if_fail (AERO_IS_VM_EDIT (self));

  if (self->conflicts == NULL || self->conflicts->len == 0)
    return;

  builder = g_strv_builder_new ();
  for (guint i = 0; i < self->conflicts->len; i++)
    {
      const char *field = aero_vm_conflict_get_field (g_ptr_array_index (self->conflicts, i));

      g_strv_builder_add (builder, field);
      if (!g_str_equal (field, "memory"))
        continue;
      /* Guaranteed and maximum memory that followed the admin's size
       * (webadmin's derivation), not typed in: with their size they go
       * back to what the engine holds, as members the admin did not
       * touch. Left derived from a size that is no longer in the form,
       * they would be sent, or refused as bigger than the memory. Named
       * twice when they are conflicts too: taking a member is the same
       * the second time. */
      if (!self->guaranteed_edited)
        g_strv_builder_add (builder, "guaranteed");
      if (!self->max_memory_edited)
        g_strv_builder_add (builder, "max-memory");
    }
  fields = g_strv_builder_end (builder);

  aero_vm_edit_take_members (self, self->conflict_vm, (const char * const *) fields);
  answer_conflicts (self);
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
      {
        VmSave *save = g_new0 (VmSave, 1);

        /* The VM is read again just before the PUT, as the edit read it
         * (aero_engine_get_vm_for_edit_async (): the next-run
         * configuration when one waits), and nothing is sent when someone
         * else changed a member the admin changed. Templates are not
         * checked: aero_vm_find_conflicts () compares VMs. */
        save->engine = g_object_ref (engine);
        save->body = g_steal_pointer (&body);
        save->changes = aero_vm_edit_list_changes (self);
        save->next_run = aero_vm_edit_get_sends_next_run (self);
        g_task_set_task_data (task, save, vm_save_free);
        aero_engine_get_vm_for_edit_async (engine, aero_vm_get_id (self->vm), cancellable,
                                           reread_cb, g_steal_pointer (&task));
      }
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
