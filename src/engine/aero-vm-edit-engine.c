/* aero-vm-edit-engine.c - the engine release's rules in the VM edit model
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "aero-vm-edit-engine.h"
#include "aero-vm-edit-private.h"

/* The guest OS the limit depends on: the VM's, or for a new VM the
 * template's it starts from (the dialog does not change the OS). */
static const char *
guest_os (AeroVmEdit *self)
{
  if (self->vm != NULL)
    return aero_vm_get_os_type (self->vm);
  if (self->cur.tmpl != NULL)
    return aero_template_get_os_type (self->cur.tmpl);
  if (self->original_template != NULL)
    return aero_template_get_os_type (self->original_template);
  return NULL;
}

static void
update_limit (AeroVmEdit *self)
{
  gint64 limit = aero_engine_version_max_memory_limit (&self->engine_version,
                                                       self->effective_version,
                                                       guest_os (self));

  aero_vm_edit_set_max_memory_limit (self, limit > 0 ? limit / AERO_MIB : AERO_UNSET);
}

void
aero_vm_edit_follow_engine (AeroVmEdit              *self,
                            const AeroEngineVersion *version)
{
  gboolean first;
  gboolean editable;

  g_return_if_fail (AERO_IS_VM_EDIT (self));
  g_return_if_fail (version != NULL);

  first = !aero_engine_version_is_known (&self->engine_version);
  editable = aero_vm_edit_resource_allocation_editable (self);
  self->engine_version = *version;
  /* A template's resource allocation is stored from 3.6.1. */
  aero_vm_edit_engine_changed (self, editable);
  if (first)
    {
      g_signal_connect (self, "notify::effective-version", G_CALLBACK (update_limit), NULL);
      g_signal_connect (self, "notify::template", G_CALLBACK (update_limit), NULL);
    }
  update_limit (self);
}

gint64
aero_vm_edit_get_hotplug_step (AeroVmEdit *self)
{
  g_return_val_if_fail (AERO_IS_VM_EDIT (self), 256 * AERO_MIB);

  /* The VM's own cluster: a running VM cannot change it. */
  AeroCluster *cluster = self->orig.cluster != NULL ? self->orig.cluster : self->cur.cluster;

  return aero_engine_version_memory_hotplug_step (&self->engine_version,
                                                  cluster != NULL ? aero_cluster_get_architecture (cluster)
                                                                  : NULL);
}
