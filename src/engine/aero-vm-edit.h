/* aero-vm-edit.h - the edit model behind the New / Edit VM dialog
 *
 * AeroVmEdit holds the original VM (or template) and the edited fields,
 * and owns every rule of product.md "New / Edit VM dialog": the balloon
 * gate by effective compatibility level, memory derivations, validation
 * with the engine's wording, which changes apply now and which at the
 * next run, and the JSON body to send. The dialog only binds to it.
 *
 * Saving: aero_vm_edit_save_async () sends what the edit holds, once:
 *   - New VM: POST /vms with every member.
 *   - Edit VM / template: ONE PUT with only the members that changed
 *     (nothing is sent when nothing changed).
 *   - A RUNNING VM with a NEXT_RUN or HOTPLUG change
 *     (aero_vm_edit_needs_next_run_confirmation ()): the caller first
 *     shows "Pending Virtual Machine changes" from aero_vm_edit_list_changes
 *     () and sets "apply-later" from the answer; the PUT goes with
 *     next_run=true when "apply-later" is set (the hot-pluggable changes
 *     wait for the restart too) or when aero_vm_edit_get_next_run_required
 *     (), else without next_run (the engine applies live what it can and
 *     stores the rest as the VM's next-run configuration).
 *   After a successful save, what the engine returned is the new baseline.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "aero-cluster.h"
#include "aero-engine.h"
#include "aero-template.h"
#include "aero-types.h"
#include "aero-version.h"
#include "aero-vm-change.h"
#include "aero-vm.h"

G_BEGIN_DECLS

/* Saving failed before anything was sent. */
#define AERO_VM_EDIT_ERROR (aero_vm_edit_error_quark ())

typedef enum {
  /* Someone else changed a member the admin changed too, since the edit
   * read the VM: aero_vm_edit_get_conflicts () lists them. */
  AERO_VM_EDIT_ERROR_CONFLICT,
  /* The VM was started or stopped since the edit read it: whether the
   * changes apply now or at the next run was decided for the other
   * state. The edit has taken the new one (its gates show how the changes
   * apply now); saving again sends them that way. */
  AERO_VM_EDIT_ERROR_RUN_STATE,
} AeroVmEditError;

GQuark            aero_vm_edit_error_quark           (void);

typedef enum {
  AERO_VM_EDIT_NEW_VM,
  AERO_VM_EDIT_VM,
  AERO_VM_EDIT_TEMPLATE,
} AeroVmEditMode;

/* The CPU Shares combo of the Resource Allocation tab. */
typedef enum {
  AERO_CPU_SHARES_DISABLED,  /* 0 */
  AERO_CPU_SHARES_LOW,       /* 512 */
  AERO_CPU_SHARES_MEDIUM,    /* 1024 */
  AERO_CPU_SHARES_HIGH,      /* 2048 */
  AERO_CPU_SHARES_CUSTOM,    /* any other value, in "cpu-shares" */
} AeroCpuSharesLevel;

#define AERO_MIB ((gint64) 1024 * 1024)

#define AERO_TYPE_VM_EDIT (aero_vm_edit_get_type ())
G_DECLARE_FINAL_TYPE (AeroVmEdit, aero_vm_edit, AERO, VM_EDIT, GObject)

/* Properties (notify only on real changes):
 * Read-write, what the dialog binds to:
 *   "cluster"          AeroCluster (an item of the clusters model)
 *   "cluster-position" guint, its position in the clusters model
 *                      (GTK_INVALID_LIST_POSITION when not in it), for
 *                      GtkDropDown:selected
 *   "template-position" guint, likewise for "template" (new VM only)
 *   "template"         AeroTemplate (new VM only; choosing one fills memory,
 *                      guaranteed, max, type and CPU from it)
 *   "name", "description", "comment"   strings (never NULL, "" when empty)
 *   "vm-type"          AeroVmType ("Optimized for")
 *   "memory", "guaranteed", "max-memory"   gint64 BYTES
 *   "memory-mb", "guaranteed-mb", "max-memory-mb"   gint64 MiB mirrors
 *   "cpu-sockets", "cpu-cores", "cpu-threads"   int (>= 1)
 *   "cpu-shares"       int (>= 0)
 *   "cpu-shares-level" AeroCpuSharesLevel (setting a level other than
 *                      CUSTOM sets "cpu-shares"; CUSTOM keeps the value)
 *   "ballooning"       gboolean, the "Memory Balloon Device Enabled" box;
 *                      always FALSE while insensitive
 * Read-only:
 *   "mode"                       AeroVmEditMode
 *   "vm" / "original-template"   the original object (NULL for a new VM)
 *   "custom-compatibility-version"  read-write AeroVersion or NULL
 *   "effective-version"          AeroVersion (custom level, else the
 *                                cluster's; NULL when unknown)
 *   "ballooning-sensitive"       gboolean
 *   "ballooning-reason"          string or NULL, e.g. "Memory ballooning
 *                                requires cluster compatibility version
 *                                3.1 or later (this cluster: 3.0)."
 *   "max-memory-sensitive"       FALSE below level 4.1 (not sent then)
 *   "max-memory-reason"          why not, or NULL
 *   "ballooning-known"           FALSE when the VM came from a list that
 *                                left the flag out: fetch it with a single
 *                                GET before editing (never show a guess)
 *   "name-error", "memory-error", "guaranteed-error", "max-memory-error",
 *   "cpu-error"                  translated strings or NULL
 *   "cluster-error"              set when the cluster of a running VM is
 *                                changed: the engine refuses that
 *   "next-run-required"          a running VM whose edit the engine would
 *                                refuse or partly drop without next_run
 *                                (memory increase not a multiple of 256
 *                                MiB or over the current maximum, memory
 *                                decrease, sockets together with cores or
 *                                threads, a CPU hot unplug the guest OS
 *                                cannot do, a pending next-run
 *                                configuration): send the PUT with
 *                                next_run=true whatever the admin picks
 *   "max-memory-limit"           read-write gint64 MiB: the platform's
 *                                largest maximum memory (AERO_UNSET when
 *                                unknown); caps the derived maximum, and a
 *                                larger maximum is an error
 *   "memory-note"                string or NULL: the values a Memory Size
 *                                change derived, for a line under Memory
 *                                Size ("Guaranteed memory will become
 *                                5461 MiB")
 *   "apply-later"                read-write: a running VM's hot-pluggable
 *                                changes wait for the restart as well
 *                                (the "Apply later" answer, the CLI's
 *                                --next-run); FALSE at first
 *   "valid"                      no error at all (OK sensitive)
 *   "has-changes"                something differs from the original (for
 *                                a new VM: always TRUE)
 *   "running"                    the original VM is not down
 *   "resource-allocation-editable"  FALSE for templates on an engine that
 *                                   cannot store their memory_policy
 *                                   (before 3.6.1: see
 *                                   aero_vm_edit_follow_engine ())
 *   "resource-allocation-reason"    why not, naming the engine version,
 *                                   or NULL
 */

/* @clusters and @templates: GListModel of AeroCluster / AeroTemplate (kept
 * by reference, as the dialog's drop-downs show them). The first cluster
 * and the template with @blank_template_id (else the first) are selected.
 * Ballooning starts checked (product.md). */
AeroVmEdit       *aero_vm_edit_new_for_new_vm        (GListModel   *clusters,
                                                      GListModel   *templates,
                                                      const char   *blank_template_id);
/* @vm must come from a single GET (or all_content), so its ballooning is
 * known; it is copied, later changes to @vm are not seen. */
AeroVmEdit       *aero_vm_edit_new_for_vm            (AeroVm       *vm,
                                                      GListModel   *clusters);
AeroVmEdit       *aero_vm_edit_new_for_template      (AeroTemplate *tmpl,
                                                      GListModel   *clusters);

AeroVmEditMode    aero_vm_edit_get_mode              (AeroVmEdit   *self);
AeroVm           *aero_vm_edit_get_vm                (AeroVmEdit   *self);
AeroTemplate     *aero_vm_edit_get_original_template (AeroVmEdit   *self);
GListModel       *aero_vm_edit_get_clusters          (AeroVmEdit   *self);
/* NULL unless new VM. */
GListModel       *aero_vm_edit_get_templates         (AeroVmEdit   *self);

AeroCluster      *aero_vm_edit_get_cluster           (AeroVmEdit   *self);
void              aero_vm_edit_set_cluster           (AeroVmEdit   *self,
                                                      AeroCluster  *cluster);
/* Position of the current cluster in the clusters model, or
 * GTK_INVALID_LIST_POSITION (G_MAXUINT); for GtkDropDown:selected. */
guint             aero_vm_edit_get_cluster_position  (AeroVmEdit   *self);
void              aero_vm_edit_set_cluster_position  (AeroVmEdit   *self,
                                                      guint         position);
guint             aero_vm_edit_get_template_position (AeroVmEdit   *self);
void              aero_vm_edit_set_template_position (AeroVmEdit   *self,
                                                      guint         position);
AeroTemplate     *aero_vm_edit_get_template          (AeroVmEdit   *self);
void              aero_vm_edit_set_template          (AeroVmEdit   *self,
                                                      AeroTemplate *tmpl);

const char       *aero_vm_edit_get_name              (AeroVmEdit   *self);
void              aero_vm_edit_set_name              (AeroVmEdit   *self,
                                                      const char   *name);
const char       *aero_vm_edit_get_description       (AeroVmEdit   *self);
void              aero_vm_edit_set_description       (AeroVmEdit   *self,
                                                      const char   *description);
const char       *aero_vm_edit_get_comment           (AeroVmEdit   *self);
void              aero_vm_edit_set_comment           (AeroVmEdit   *self,
                                                      const char   *comment);
AeroVmType        aero_vm_edit_get_vm_type           (AeroVmEdit   *self);
void              aero_vm_edit_set_vm_type           (AeroVmEdit   *self,
                                                      AeroVmType    type);

/* Setting memory re-derives, as webadmin does, guaranteed (memory * 100 /
 * over-commit %; not for templates) and max (4 * memory, at most
 * "max-memory-limit"; not for a running VM), each until the admin sets it
 * in this edit. "memory-note" names what was derived. */
gint64            aero_vm_edit_get_memory            (AeroVmEdit   *self);
/* Whether a new memory size derives guaranteed and maximum memory
 * (TRUE, as the Edit dialog does) or leaves them as they are. */
gboolean          aero_vm_edit_get_derive_memory     (AeroVmEdit   *self);
void              aero_vm_edit_set_derive_memory     (AeroVmEdit   *self,
                                                      gboolean      derive);
void              aero_vm_edit_set_memory            (AeroVmEdit   *self,
                                                      gint64        bytes);
gint64            aero_vm_edit_get_guaranteed        (AeroVmEdit   *self);
void              aero_vm_edit_set_guaranteed        (AeroVmEdit   *self,
                                                      gint64        bytes);
gint64            aero_vm_edit_get_max_memory        (AeroVmEdit   *self);
void              aero_vm_edit_set_max_memory        (AeroVmEdit   *self,
                                                      gint64        bytes);
/* The MiB mirrors; setting the value they already show is a no-op, so a
 * spin button bound to them never rounds a byte value it did not edit. */
gint64            aero_vm_edit_get_memory_mb         (AeroVmEdit   *self);
void              aero_vm_edit_set_memory_mb         (AeroVmEdit   *self,
                                                      gint64        mib);
gint64            aero_vm_edit_get_guaranteed_mb     (AeroVmEdit   *self);
void              aero_vm_edit_set_guaranteed_mb     (AeroVmEdit   *self,
                                                      gint64        mib);
gint64            aero_vm_edit_get_max_memory_mb     (AeroVmEdit   *self);
void              aero_vm_edit_set_max_memory_mb     (AeroVmEdit   *self,
                                                      gint64        mib);

int               aero_vm_edit_get_cpu_sockets       (AeroVmEdit   *self);
void              aero_vm_edit_set_cpu_sockets       (AeroVmEdit   *self,
                                                      int           sockets);
int               aero_vm_edit_get_cpu_cores         (AeroVmEdit   *self);
void              aero_vm_edit_set_cpu_cores         (AeroVmEdit   *self,
                                                      int           cores);
int               aero_vm_edit_get_cpu_threads       (AeroVmEdit   *self);
void              aero_vm_edit_set_cpu_threads       (AeroVmEdit   *self,
                                                      int           threads);
int               aero_vm_edit_get_cpu_shares        (AeroVmEdit   *self);
void              aero_vm_edit_set_cpu_shares        (AeroVmEdit   *self,
                                                      int           shares);
AeroCpuSharesLevel aero_vm_edit_get_cpu_shares_level (AeroVmEdit   *self);
void              aero_vm_edit_set_cpu_shares_level  (AeroVmEdit   *self,
                                                      AeroCpuSharesLevel level);

/* The user's choice is remembered apart from the gated value: while the
 * gate forbids ballooning, set_ballooning () is ignored and get returns
 * FALSE; when the cluster changes back, the user's choice returns. */
gboolean          aero_vm_edit_get_ballooning        (AeroVmEdit   *self);
void              aero_vm_edit_set_ballooning        (AeroVmEdit   *self,
                                                      gboolean      ballooning);
gboolean          aero_vm_edit_get_ballooning_sensitive (AeroVmEdit *self);
const char       *aero_vm_edit_get_ballooning_reason (AeroVmEdit   *self);
gboolean          aero_vm_edit_get_ballooning_known  (AeroVmEdit   *self);
gboolean          aero_vm_edit_get_max_memory_sensitive (AeroVmEdit *self);
gint64            aero_vm_edit_get_max_memory_limit  (AeroVmEdit   *self);
void              aero_vm_edit_set_max_memory_limit  (AeroVmEdit   *self,
                                                      gint64        mib);
const char       *aero_vm_edit_get_memory_note       (AeroVmEdit   *self);
/* The custom compatibility version ("custom-compatibility-version"), NULL
 * for none (the cluster's level applies). Setting NULL clears it. */
AeroVersion      *aero_vm_edit_get_custom_compatibility_version (AeroVmEdit  *self);
void              aero_vm_edit_set_custom_compatibility_version (AeroVmEdit  *self,
                                                                 AeroVersion *version);
/* The levels to offer for it, lowest first (GPtrArray of AeroVersion);
 * "none" is not among them. */
GPtrArray        *aero_vm_edit_list_custom_versions  (AeroVmEdit   *self);
const char       *aero_vm_edit_get_max_memory_reason (AeroVmEdit   *self);
AeroVersion      *aero_vm_edit_get_effective_version (AeroVmEdit   *self);

const char       *aero_vm_edit_get_name_error        (AeroVmEdit   *self);
const char       *aero_vm_edit_get_memory_error      (AeroVmEdit   *self);
const char       *aero_vm_edit_get_guaranteed_error  (AeroVmEdit   *self);
const char       *aero_vm_edit_get_max_memory_error  (AeroVmEdit   *self);
const char       *aero_vm_edit_get_cpu_error         (AeroVmEdit   *self);
const char       *aero_vm_edit_get_cluster_error     (AeroVmEdit   *self);
/* TRUE when the PUT must carry next_run=true: see "next-run-required".
 * aero_vm_edit_list_changes () then shows every change but name,
 * description and comment as NEXT_RUN. */
gboolean          aero_vm_edit_get_next_run_required (AeroVmEdit   *self);
gboolean          aero_vm_edit_get_valid             (AeroVmEdit   *self);
gboolean          aero_vm_edit_get_has_changes       (AeroVmEdit   *self);
gboolean          aero_vm_edit_get_running           (AeroVmEdit   *self);
gboolean          aero_vm_edit_get_resource_allocation_editable (AeroVmEdit *self);
const char       *aero_vm_edit_get_resource_allocation_reason   (AeroVmEdit *self);

/* The changes for "Pending Virtual Machine changes": a GPtrArray of
 * AeroVmChange (owning references), in the dialog's order. Empty for a
 * new VM. */
GPtrArray        *aero_vm_edit_list_changes          (AeroVmEdit   *self);
/* The same as a GListModel of AeroVmChange, for a GtkListView. */
GListModel       *aero_vm_edit_list_changes_model    (AeroVmEdit   *self);
/* For a running VM whose memory changes, on engines before 4.4.7.4: they
 * store any such change as a next-run configuration too (the hot plug
 * still goes live), so the VM is marked as having pending changes until
 * it restarts. Said where the changes are listed; NULL when it does not
 * apply. A new string. */
char             *aero_vm_edit_dup_memory_copy_note  (AeroVmEdit   *self);
/* TRUE for a running VM with a NEXT_RUN or HOTPLUG change. */
gboolean          aero_vm_edit_needs_next_run_confirmation (AeroVmEdit *self);
gboolean          aero_vm_edit_get_apply_later       (AeroVmEdit   *self);
void              aero_vm_edit_set_apply_later       (AeroVmEdit   *self,
                                                      gboolean      apply_later);
/* Whether saving sends next_run=true: "apply-later" or
 * "next-run-required", for a running VM. */
gboolean          aero_vm_edit_get_sends_next_run    (AeroVmEdit   *self);

/* Saves the edit through @engine: POST for a new VM, else one PUT of the
 * changed members, with next_run as aero_vm_edit_get_sends_next_run ()
 * says. An existing VM is read again first, and a conflict sends nothing
 * (AERO_VM_EDIT_ERROR_CONFLICT: see aero_vm_edit_get_conflicts ()), nor
 * does a VM started or stopped meanwhile (AERO_VM_EDIT_ERROR_RUN_STATE). On success the object the engine returned (AeroVm, or
 * AeroTemplate for a template) is the edit's new original, and _finish
 * returns it (a new reference). Without changes nothing is sent and
 * _finish returns the original object. On failure the edits stay. */
void              aero_vm_edit_save_async            (AeroVmEdit          *self,
                                                      AeroEngine          *engine,
                                                      GCancellable        *cancellable,
                                                      GAsyncReadyCallback  callback,
                                                      gpointer             user_data);
gpointer          aero_vm_edit_save_finish           (AeroVmEdit          *self,
                                                      GAsyncResult        *result,
                                                      GError             **error);
/* Lost updates (oVirt has no ETags). Before the PUT of an existing VM the
 * save reads the VM again, as the edit read it (with its next-run
 * configuration when one waits). When a member the admin changed has a
 * different value there than when the edit read it, nothing is sent and
 * the save fails with AERO_VM_EDIT_ERROR_CONFLICT. Members the admin did
 * not change never count: they are not sent, so the engine keeps what
 * someone else stored. A failed re-read sends nothing either.
 *
 * The conflicts of the last save (GPtrArray of AeroVmConflict, owned by
 * the edit; empty unless that save ended with the conflict error). */
GPtrArray        *aero_vm_edit_get_conflicts         (AeroVmEdit   *self);
/* "Overwrite": the admin saw the other values and keeps his own. The next
 * save reads the VM again and does not ask about these members again
 * unless they changed once more since this question. */
void              aero_vm_edit_overwrite_conflicts   (AeroVmEdit   *self);
/* "Keep Theirs": the conflicting members take the engine's current values,
 * as edited and as original, so they are no longer changes; the admin's
 * other edits stay. */
void              aero_vm_edit_keep_theirs           (AeroVmEdit   *self);

/* After a successful save: @vm (as the engine returned it, or NULL to
 * take the edited values) becomes the original; has-changes turns FALSE. */
void              aero_vm_edit_reset_original        (AeroVmEdit   *self,
                                                      AeroVm       *vm);

/* Shared with the CLI and the dialog. */
/* "1024 MB" / "1.5 GB" style text for sizes in the changes list. */
char             *aero_vm_edit_format_memory         (gint64        bytes);

G_END_DECLS
