/* aero-vm-edit-private.h - the instance of AeroVmEdit, shared by its files
 *
 * AeroVmEdit is one GObject split by concern: aero-vm-edit.c (values,
 * properties, gates and validation), aero-vm-edit-save.c (the request
 * bodies and saving) and aero-vm-edit-changes.c (the change list and the
 * next-run split). The tests use aero_vm_edit_build_body () to look at
 * what would be sent.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "aero-engine-version.h"
#include "aero-vm-edit.h"

G_BEGIN_DECLS

/* The editable values, once as the dialog opened them (the baseline that
 * "changed" compares with) and once as edited. */
typedef struct {
  AeroCluster  *cluster;
  AeroTemplate *tmpl;
  char         *name;
  char         *description;
  char         *comment;
  AeroVmType    vm_type;
  gint64        memory;
  gint64        guaranteed;
  gint64        max_memory;
  int           cpu_sockets;
  int           cpu_cores;
  int           cpu_threads;
  int           cpu_shares;
  gboolean      ballooning;
  AeroVersion  *custom_version;  /* custom compatibility version, or NULL */
} AeroVmValues;

struct _AeroVmEdit
{
  GObject         parent_instance;

  AeroVmEditMode  mode;
  GListModel     *clusters;
  GListModel     *templates;
  AeroVm         *vm;
  AeroTemplate   *original_template;
  /* The original VM's cluster id: the cluster object may be missing. */
  char           *original_cluster_id;

  AeroVmValues    orig;
  AeroVmValues    cur;
  /* The original ballooning flag as the engine said it, unknown included;
   * cur.ballooning is the USER's choice, kept while the gate forbids it. */
  AeroTristate    orig_ballooning;

  guint           guaranteed_edited : 1;
  guint           max_memory_edited : 1;
  guint           cpu_shares_custom : 1;
  /* FALSE: memory derives neither guaranteed nor maximum memory (the
   * CLI sends only what it is told). */
  guint           derive_memory : 1;
  /* A running VM's hot-pluggable changes wait for the restart too. */
  guint           apply_later : 1;
  /* The platform's largest maximum memory in MiB (AERO_UNSET: unknown):
   * caps the derived maximum and bounds the admin's. */
  gint64          max_memory_limit;
  /* The engine release followed (aero-vm-edit-engine.c); zero: unknown. */
  AeroEngineVersion engine_version;
  char           *resource_allocation_reason;

  /* Derived state, cached so that notify fires only on real changes. */
  AeroVersion    *effective_version;
  gboolean        ballooning_sensitive;
  char           *ballooning_reason;
  gboolean        ballooning;
  gboolean        max_memory_sensitive;
  char           *max_memory_reason;
  char           *name_error;
  char           *memory_error;
  char           *guaranteed_error;
  char           *max_memory_error;
  char           *cpu_error;
  char           *cluster_error;
  char           *memory_note;
  gboolean        next_run_required;
  gboolean        valid;
  gboolean        has_changes;
  AeroCpuSharesLevel cpu_shares_level;
  guint           cluster_position;
  guint           template_position;

  /* Lost updates (aero-vm-edit-save.c): the conflicts of the last save,
   * the VM that save read again, and for each member whose question was
   * answered, the VM its value is compared with from then on (instead of
   * "vm"). */
  GPtrArray      *conflicts;
  AeroVm         *conflict_vm;
  GHashTable     *conflict_bases;
};

/* Which members go into the body: everything for a new VM, only what
 * changed for an edit. */
typedef struct {
  gboolean name, description, comment, cluster, tmpl, vm_type, memory;
  gboolean guaranteed, max_memory, ballooning;
  gboolean sockets, cores, threads, cpu_shares;
  gboolean custom_version;
} AeroVmEditMembers;

static inline const char *
aero_vm_edit_cluster_id (AeroCluster *cluster)
{
  return cluster != NULL ? aero_cluster_get_id (cluster) : NULL;
}

/* aero-vm-edit.c */
/* After "engine_version" changed, from editable (what
 * aero_vm_edit_resource_allocation_editable () said before). */
void              aero_vm_edit_engine_changed        (AeroVmEdit   *self,
                                                      gboolean      was_editable);
gboolean          aero_vm_edit_custom_version_changed (AeroVmEdit *self);
gboolean          aero_vm_edit_resource_allocation_editable (AeroVmEdit *self);
/* Whether the ballooning the admin sees differs from the original (only
 * an explicit choice counts when the original was not known). */
gboolean          aero_vm_edit_ballooning_changed    (AeroVmEdit   *self);

/* Sets the members named by @fields (AeroVmChange keys) to their values
 * in @vm, both as original and as edited, without deriving anything. */
void              aero_vm_edit_take_members          (AeroVmEdit         *self,
                                                      AeroVm             *vm,
                                                      const char * const *fields);

/* The VM was started or stopped since the edit read it: @current's run
 * state becomes the original's, and the gates that depend on it (apply
 * now or at the next run, hot-plug steps, the cluster) follow. */
void              aero_vm_edit_take_run_state        (AeroVmEdit   *self,
                                                      AeroVm       *current);

/* aero-vm-edit-save.c */
/* Drops the conflict state: after a save, or at the end. */
void              aero_vm_edit_forget_conflicts      (AeroVmEdit   *self);
AeroVmEditMembers aero_vm_edit_members               (AeroVmEdit   *self);
/* New VM: the full POST body. Edit: only the changed members (nested
 * objects with only their changed members), or NULL when nothing changed.
 * Nothing about ballooning is sent while the gate forbids it. Booleans and
 * integers as strings, like the engine. */
JsonNode         *aero_vm_edit_build_body            (AeroVmEdit   *self);

/* aero-vm-edit-changes.c */
/* What "next-run-required" says, computed afresh. */
gboolean          aero_vm_edit_compute_next_run_required (AeroVmEdit *self);

G_END_DECLS
