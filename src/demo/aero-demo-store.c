/* aero-demo-store.c - the demo engine's inventory and the engine's rules
 *
 * This file holds the object, its lookups and the state file; the reading
 * of request bodies is in aero-demo-store-input.c, the rules for changes
 * in aero-demo-store-rules.c and the power actions in
 * aero-demo-store-power.c.
 *
 * Rule messages are the engine's own (ovirt-engine AppErrors.properties),
 * expanded as the REST layer expands them: "${action} ${type}" filled in,
 * the list of validation messages printed as a Java list "[...]".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "aero-demo-store.h"
#include "aero-demo-store-private.h"
#include "aero-demo-seed.h"
#include "aero-demo-state.h"

G_DEFINE_FINAL_TYPE (AeroDemoStore, aero_demo_store, G_TYPE_OBJECT)

G_DEFINE_QUARK (aero-demo-fault-quark, aero_demo_fault)
G_DEFINE_QUARK (aero-demo-fault-incomplete-quark, aero_demo_fault_incomplete)

/* ---- configurations ---- */

AeroDemoConfig *
aero_demo_config_copy (const AeroDemoConfig *conf)
{
  AeroDemoConfig *copy = g_memdup2 (conf, sizeof *conf);

  copy->name = g_strdup (conf->name);
  copy->description = g_strdup (conf->description);
  copy->comment = g_strdup (conf->comment);
  copy->type = g_strdup (conf->type);
  copy->os_type = g_strdup (conf->os_type);
  copy->cluster_id = g_strdup (conf->cluster_id);
  return copy;
}

void
aero_demo_config_free (AeroDemoConfig *conf)
{
  if (conf == NULL)
    return;
  g_free (conf->name);
  g_free (conf->description);
  g_free (conf->comment);
  g_free (conf->type);
  g_free (conf->os_type);
  g_free (conf->cluster_id);
  g_free (conf);
}

gboolean
config_equal (const AeroDemoConfig *a,
              const AeroDemoConfig *b)
{
  return g_strcmp0 (a->name, b->name) == 0
         && g_strcmp0 (a->description, b->description) == 0
         && g_strcmp0 (a->comment, b->comment) == 0
         && g_strcmp0 (a->type, b->type) == 0
         && a->memory == b->memory
         && a->guaranteed == b->guaranteed
         && a->max_memory == b->max_memory
         && a->ballooning == b->ballooning
         && a->sockets == b->sockets
         && a->cores == b->cores
         && a->threads == b->threads
         && a->cpu_shares == b->cpu_shares
         && g_strcmp0 (a->os_type, b->os_type) == 0
         && g_strcmp0 (a->cluster_id, b->cluster_id) == 0
         && a->ccv_major == b->ccv_major
         && a->ccv_minor == b->ccv_minor;
}

static void
cluster_free (gpointer data)
{
  AeroDemoCluster *c = data;

  g_free (c->id);
  g_free (c->name);
  g_free (c->description);
  g_free (c->architecture);
  g_free (c);
}

static void
template_free (gpointer data)
{
  AeroDemoTemplate *t = data;

  g_free (t->id);
  aero_demo_config_free (t->conf);
  g_free (t);
}

static void
vm_free (gpointer data)
{
  AeroDemoVm *vm = data;

  g_free (vm->id);
  aero_demo_config_free (vm->conf);
  aero_demo_config_free (vm->persistent);
  aero_demo_config_free (vm->next_run);
  g_clear_pointer (&vm->dimms, g_array_unref);
  g_free (vm->status);
  g_free (vm->template_id);
  g_free (vm->owner);
  g_free (vm);
}

/* ---- the object ---- */

static void
aero_demo_store_finalize (GObject *object)
{
  AeroDemoStore *self = AERO_DEMO_STORE (object);

  g_clear_pointer (&self->vm_by_id, g_hash_table_unref);
  g_clear_pointer (&self->vms, g_ptr_array_unref);
  g_clear_pointer (&self->hosts, g_ptr_array_unref);
  g_clear_pointer (&self->templates, g_ptr_array_unref);
  g_clear_pointer (&self->clusters, g_ptr_array_unref);
  g_clear_pointer (&self->state_path, g_free);

  G_OBJECT_CLASS (aero_demo_store_parent_class)->finalize (object);
}

static void
aero_demo_store_class_init (AeroDemoStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = aero_demo_store_finalize;
}

static void
aero_demo_store_init (AeroDemoStore *self)
{
  self->clusters = g_ptr_array_new_with_free_func (cluster_free);
  self->templates = g_ptr_array_new_with_free_func (template_free);
  self->vms = g_ptr_array_new_with_free_func (vm_free);
  self->hosts = g_ptr_array_new_with_free_func (aero_demo_host_free);
  self->vm_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->started_us = g_get_monotonic_time ();
  self->shutdown_delay_ms = DEFAULT_SHUTDOWN_DELAY_MS;
  aero_demo_version_parse (AERO_DEMO_VERSION_DEFAULT, &self->version, NULL);
}

static void
index_vms (AeroDemoStore *self)
{
  g_hash_table_remove_all (self->vm_by_id);
  self->next_serial = 1;
  for (guint i = 0; i < self->vms->len; i++)
    {
      AeroDemoVm *vm = g_ptr_array_index (self->vms, i);

      g_hash_table_insert (self->vm_by_id, vm->id, vm);
      self->next_serial = MAX (self->next_serial, vm->serial + 1);
    }
}

AeroDemoStore *
aero_demo_store_new (guint n_vms,
                     guint seed)
{
  AeroDemoStore *self = g_object_new (AERO_TYPE_DEMO_STORE, NULL);

  aero_demo_seed_build (self->clusters, self->templates, self->vms, n_vms, seed);
  aero_demo_seed_hosts (self->clusters, self->hosts, n_vms);
  index_vms (self);
  aero_demo_store_place_vms (self);
  return self;
}

void
aero_demo_store_set_version (AeroDemoStore         *self,
                             const AeroDemoVersion *version)
{
  self->version = *version;
}

const AeroDemoVersion *
aero_demo_store_get_version (AeroDemoStore *self)
{
  return &self->version;
}

void
aero_demo_store_set_frozen (AeroDemoStore *self,
                            gboolean       frozen)
{
  g_return_if_fail (AERO_IS_DEMO_STORE (self));
  self->frozen = !!frozen;
}

void
aero_demo_store_set_shutdown_delay (AeroDemoStore *self,
                                    guint          milliseconds)
{
  g_return_if_fail (AERO_IS_DEMO_STORE (self));
  self->shutdown_delay_ms = milliseconds;
}

gboolean
aero_demo_store_get_frozen (AeroDemoStore *self)
{
  return self->frozen;
}

gint64
aero_demo_store_now_ms (AeroDemoStore *self)
{
  if (self->frozen)
    return AERO_DEMO_SEED_EPOCH_MS;
  return g_get_real_time () / 1000;
}

double
aero_demo_store_clock (AeroDemoStore *self)
{
  if (self->frozen)
    return 0.0;
  return (g_get_monotonic_time () - self->started_us) / (double) G_USEC_PER_SEC;
}

GPtrArray *
aero_demo_store_get_clusters (AeroDemoStore *self)
{
  return self->clusters;
}

GPtrArray *
aero_demo_store_get_templates (AeroDemoStore *self)
{
  return self->templates;
}

GPtrArray *
aero_demo_store_get_vms (AeroDemoStore *self)
{
  return self->vms;
}

GPtrArray *
aero_demo_store_get_hosts (AeroDemoStore *self)
{
  return self->hosts;
}

AeroDemoCluster *
aero_demo_store_find_cluster (AeroDemoStore *self,
                              const char    *id)
{
  for (guint i = 0; id != NULL && i < self->clusters->len; i++)
    {
      AeroDemoCluster *c = g_ptr_array_index (self->clusters, i);

      if (g_str_equal (c->id, id))
        return c;
    }
  return NULL;
}

AeroDemoCluster *
find_cluster_by_name (AeroDemoStore *self,
                      const char    *name)
{
  for (guint i = 0; name != NULL && i < self->clusters->len; i++)
    {
      AeroDemoCluster *c = g_ptr_array_index (self->clusters, i);

      if (g_str_equal (c->name, name))
        return c;
    }
  return NULL;
}

AeroDemoTemplate *
aero_demo_store_find_template (AeroDemoStore *self,
                               const char    *id)
{
  for (guint i = 0; id != NULL && i < self->templates->len; i++)
    {
      AeroDemoTemplate *t = g_ptr_array_index (self->templates, i);

      if (g_str_equal (t->id, id))
        return t;
    }
  return NULL;
}

AeroDemoTemplate *
find_template_by_name (AeroDemoStore *self,
                       const char    *name)
{
  for (guint i = 0; name != NULL && i < self->templates->len; i++)
    {
      AeroDemoTemplate *t = g_ptr_array_index (self->templates, i);

      if (g_str_equal (t->conf->name, name))
        return t;
    }
  return NULL;
}

AeroDemoVm *
aero_demo_store_find_vm (AeroDemoStore *self,
                         const char    *id)
{
  if (id == NULL)
    return NULL;
  return g_hash_table_lookup (self->vm_by_id, id);
}

guint
aero_demo_store_effective_level (AeroDemoStore        *self,
                                 const AeroDemoConfig *conf)
{
  AeroDemoCluster *cluster;

  if (conf->ccv_major > 0)
    return conf->ccv_major * 100 + conf->ccv_minor;
  cluster = aero_demo_store_find_cluster (self, conf->cluster_id);
  /* The Blank template has no cluster: it follows the newest level. */
  if (cluster == NULL)
    return 407;
  return cluster->major * 100 + cluster->minor;
}

gboolean
aero_demo_store_balloon_device (AeroDemoStore        *self,
                                const AeroDemoConfig *conf)
{
  return conf->ballooning && aero_demo_store_effective_level (self, conf) >= 301;
}

gboolean
aero_demo_vm_is_live (const AeroDemoVm *vm)
{
  return g_strcmp0 (vm->status, "down") != 0;
}

/* ---- the state file ---- */

gboolean
aero_demo_store_set_state_file (AeroDemoStore  *self,
                                const char     *path,
                                GError        **error)
{
  g_autofree char *contents = NULL;
  gsize length = 0;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (AERO_IS_DEMO_STORE (self), FALSE);

  g_free (self->state_path);
  self->state_path = g_strdup (path);
  if (path == NULL)
    return TRUE;

  if (!g_file_get_contents (path, &contents, &length, &local_error))
    {
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        {
          aero_demo_store_save (self);
          return TRUE;
        }
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  else
    {
      g_autoptr(GPtrArray) clusters = g_ptr_array_new_with_free_func (cluster_free);
      g_autoptr(GPtrArray) templates = g_ptr_array_new_with_free_func (template_free);
      g_autoptr(GPtrArray) vms = g_ptr_array_new_with_free_func (vm_free);

      if (!aero_demo_state_parse (contents, length, clusters, templates, vms, error))
        {
          g_prefix_error (error, "%s: ", path);
          return FALSE;
        }
      g_ptr_array_unref (self->clusters);
      self->clusters = g_steal_pointer (&clusters);
      g_ptr_array_unref (self->templates);
      self->templates = g_steal_pointer (&templates);
      g_ptr_array_unref (self->vms);
      self->vms = g_steal_pointer (&vms);
      index_vms (self);
      aero_demo_store_place_vms (self);
      return TRUE;
    }
}

void
aero_demo_store_save (AeroDemoStore *self)
{
  g_autoptr(GString) data = NULL;
  g_autoptr(GError) error = NULL;

  if (self->state_path == NULL)
    return;
  data = aero_demo_state_serialize (self->clusters, self->templates, self->vms);
  /* g_file_set_contents() writes a temporary file and renames it over the
   * old one: a crash mid-write leaves the previous state intact. */
  if (!g_file_set_contents (self->state_path, data->str, data->len, &error))
    g_warning ("Cannot save the demo engine state: %s", error->message);
}
