/* aero-demo-store.h - the demo engine's inventory and the engine's rules
 *
 * The store holds the data centre, clusters, templates and VMs, applies
 * the engine's validation and memory rules to every change and keeps the
 * state file. It belongs to the server thread: nothing here is locked.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "aero-demo-version.h"

G_BEGIN_DECLS

/* Faults carry the HTTP status as their code and the engine's detail as
 * their message; the domain picks the reason. */
#define AERO_DEMO_FAULT (aero_demo_fault_quark ())
#define AERO_DEMO_FAULT_INCOMPLETE (aero_demo_fault_incomplete_quark ())
GQuark aero_demo_fault_quark            (void);
GQuark aero_demo_fault_incomplete_quark (void);

#define AERO_DEMO_DATA_CENTER_ID "d0000000-0000-4000-8000-000000000001"
#define AERO_DEMO_BLANK_TEMPLATE_ID "00000000-0000-0000-0000-000000000000"
#define AERO_DEMO_GIB ((gint64) 1024 * 1024 * 1024)
#define AERO_DEMO_MIB ((gint64) 1024 * 1024)

/* What a VM or template is configured with (VmBase on the wire). */
typedef struct
{
  char     *name;
  char     *description;
  char     *comment;
  char     *type;          /* desktop, server, high_performance */
  gint64    memory;
  gint64    guaranteed;
  gint64    max_memory;
  gboolean  ballooning;
  guint     sockets;
  guint     cores;
  guint     threads;
  guint     cpu_shares;
  char     *os_type;
  char     *cluster_id;    /* NULL for the Blank template */
  guint     ccv_major;     /* custom compatibility version, 0.0 = none */
  guint     ccv_minor;
} AeroDemoConfig;

typedef struct
{
  char     *id;
  char     *name;
  char     *description;
  guint     major;
  guint     minor;
  gboolean  ballooning_enabled;
  gboolean  ksm;
  gboolean  thp;
  guint     over_commit;
  char     *architecture;  /* cpu.architecture: "x86_64", "ppc64le" */
} AeroDemoCluster;

typedef struct
{
  char           *id;
  AeroDemoConfig *conf;
  gint64          creation_time;
} AeroDemoTemplate;

/* A host: fixed at start (no host is added, edited or removed). */
typedef struct
{
  char     *id;
  char     *name;
  char     *address;
  char     *cluster_id;
  gint64    memory;        /* physical, bytes */
} AeroDemoHost;

/* What a host's memory looks like now, with MOM's balloon applied. */
typedef struct
{
  guint    running;        /* VMs that hold memory on it */
  gint64   committed;      /* sum of their memory */
  gint64   reclaimable;    /* memory - guaranteed of those with a balloon */
  gint64   reclaimed;      /* what the balloons hold back now */
  double   fraction;       /* reclaimed / reclaimable, 0 without pressure */
  gint64   used;
  gint64   free;
  gint64   shared;         /* merged by KSM */
  gint64   swap_total;
  gint64   swap_used;
  double   ksm_cpu;        /* percent */
  gint64   max_scheduling; /* bytes */
} AeroDemoHostLoad;

typedef struct
{
  char           *id;
  /* What the VM runs with now (or starts with, when down). */
  AeroDemoConfig *conf;
  /* While a run-once is active: the configuration to return to at
   * power-off. Only this one is persisted. */
  AeroDemoConfig *persistent;
  /* Pending changes that apply when the VM stops. */
  AeroDemoConfig *next_run;
  /* Sizes (gint64 bytes) of the memory devices hot plugged since the VM
   * started: only these can be hot unplugged. Not kept in the state file. */
  GArray         *dimms;
  gboolean        run_once;
  gboolean        run_once_volatile;
  char           *status;
  char           *template_id;
  char           *owner;       /* the non-admin user that owns it, or NULL */
  gint64          creation_time;
  gint64          start_time;
  gint64          stop_time;
  guint           serial;      /* phase of its statistics */
  AeroDemoHost   *host;        /* where it runs, NULL when not running */
} AeroDemoVm;

#define AERO_TYPE_DEMO_STORE (aero_demo_store_get_type ())
G_DECLARE_FINAL_TYPE (AeroDemoStore, aero_demo_store, AERO, DEMO_STORE, GObject)

AeroDemoStore    *aero_demo_store_new            (guint           n_vms,
                                                  guint           seed);
gboolean          aero_demo_store_set_state_file (AeroDemoStore  *self,
                                                  const char     *path,
                                                  GError        **error);
/* The engine release whose rules the store follows (the default until
 * set: AERO_DEMO_VERSION_DEFAULT). */
void              aero_demo_store_set_version    (AeroDemoStore         *self,
                                                  const AeroDemoVersion *version);
const AeroDemoVersion *aero_demo_store_get_version (AeroDemoStore       *self);
void              aero_demo_store_set_frozen     (AeroDemoStore  *self,
                                                  gboolean        frozen);
gboolean          aero_demo_store_get_frozen     (AeroDemoStore  *self);
/* Epoch milliseconds; fixed while frozen. */
gint64            aero_demo_store_now_ms         (AeroDemoStore  *self);
/* Seconds the statistics have moved on (0 while frozen). */
double            aero_demo_store_clock          (AeroDemoStore  *self);

GPtrArray        *aero_demo_store_get_clusters   (AeroDemoStore  *self);
GPtrArray        *aero_demo_store_get_templates  (AeroDemoStore  *self);
GPtrArray        *aero_demo_store_get_vms        (AeroDemoStore  *self);
GPtrArray        *aero_demo_store_get_hosts      (AeroDemoStore  *self);
AeroDemoHost     *aero_demo_store_find_host      (AeroDemoStore  *self,
                                                  const char     *id);
/* Places every running VM on a host of its cluster, in serial order. */
void              aero_demo_store_place_vms      (AeroDemoStore  *self);
void              aero_demo_host_free            (gpointer        host);
/* The host @vm runs on (placing it when it has just started), or NULL
 * when it holds no memory on any host (down or suspended). */
AeroDemoHost     *aero_demo_store_vm_host        (AeroDemoStore  *self,
                                                  AeroDemoVm     *vm);
/* The host's memory now, MOM's balloon applied (see aero-demo-hosts.c). */
void              aero_demo_store_host_load      (AeroDemoStore    *self,
                                                  AeroDemoHost     *host,
                                                  AeroDemoHostLoad *load);
/* Between these two, host loads come from the VMs grouped by host once,
 * not from a pass over every VM per host (500 hosts over 10,000 VMs:
 * 120 ms in one handler). Nothing may change the store in between. */
void              aero_demo_store_begin_host_loads (AeroDemoStore  *self);
void              aero_demo_store_end_host_loads   (AeroDemoStore  *self);
/* The memory @vm has now: its memory less what its balloon holds back. */
gint64            aero_demo_store_vm_balloon_size (AeroDemoStore *self,
                                                   AeroDemoVm    *vm);
GPtrArray        *aero_demo_store_search_hosts   (AeroDemoStore  *self,
                                                  const char     *search,
                                                  GError        **error);
AeroDemoCluster  *aero_demo_store_find_cluster   (AeroDemoStore  *self,
                                                  const char     *id);
AeroDemoTemplate *aero_demo_store_find_template  (AeroDemoStore  *self,
                                                  const char     *id);
AeroDemoVm       *aero_demo_store_find_vm        (AeroDemoStore  *self,
                                                  const char     *id);

/* Effective compatibility level of a configuration: its custom level when
 * set, else its cluster's; as major * 100 + minor. */
guint             aero_demo_store_effective_level (AeroDemoStore        *self,
                                                   const AeroDemoConfig *conf);
/* The balloon as the host receives it. */
gboolean          aero_demo_store_balloon_device  (AeroDemoStore        *self,
                                                   const AeroDemoConfig *conf);
gboolean          aero_demo_vm_is_live            (const AeroDemoVm     *vm);

/* Search: "name=web* and cluster=Default and status=up", optionally
 * followed by "sortby name [asc|desc]" and "page N". @owner restricts to
 * the VMs of a filtered user. Returns the matching VMs (borrowed). */
GPtrArray        *aero_demo_store_search_vms     (AeroDemoStore  *self,
                                                  const char     *search,
                                                  const char     *owner,
                                                  GError        **error);
GPtrArray        *aero_demo_store_search_named   (AeroDemoStore  *self,
                                                  GPtrArray      *items,
                                                  const char     *search,
                                                  GError        **error);

AeroDemoVm       *aero_demo_store_add_vm         (AeroDemoStore  *self,
                                                  JsonObject     *input,
                                                  const char     *owner,
                                                  GError        **error);
gboolean          aero_demo_store_update_vm      (AeroDemoStore  *self,
                                                  AeroDemoVm     *vm,
                                                  JsonObject     *input,
                                                  gboolean        next_run,
                                                  GError        **error);
gboolean          aero_demo_store_remove_vm      (AeroDemoStore  *self,
                                                  AeroDemoVm     *vm,
                                                  GError        **error);
/* Actions: @action is the action body (may be NULL). */
gboolean          aero_demo_store_start_vm       (AeroDemoStore  *self,
                                                  AeroDemoVm     *vm,
                                                  JsonObject     *action,
                                                  GError        **error);
/* Power off, at once. */
gboolean          aero_demo_store_stop_vm        (AeroDemoStore  *self,
                                                  AeroDemoVm     *vm,
                                                  GError        **error);
/* The graceful shut down: an Up VM is powering_down, and down after the
 * shutdown delay, run by the thread-default main context. */
gboolean          aero_demo_store_shutdown_vm    (AeroDemoStore  *self,
                                                  AeroDemoVm     *vm,
                                                  GError        **error);
void              aero_demo_store_set_shutdown_delay (AeroDemoStore *self,
                                                      guint          milliseconds);
gboolean          aero_demo_store_suspend_vm     (AeroDemoStore  *self,
                                                  AeroDemoVm     *vm,
                                                  GError        **error);
gboolean          aero_demo_store_reboot_vm      (AeroDemoStore  *self,
                                                  AeroDemoVm     *vm,
                                                  GError        **error);
gboolean          aero_demo_store_update_cluster (AeroDemoStore   *self,
                                                  AeroDemoCluster *cluster,
                                                  JsonObject      *input,
                                                  GError         **error);
gboolean          aero_demo_store_update_template (AeroDemoStore    *self,
                                                   AeroDemoTemplate *tmpl,
                                                   JsonObject       *input,
                                                   GError          **error);

/* Writes the state file if there is one (after each change). */
void              aero_demo_store_save           (AeroDemoStore  *self);

AeroDemoConfig   *aero_demo_config_copy          (const AeroDemoConfig *conf);
void              aero_demo_config_free          (AeroDemoConfig       *conf);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AeroDemoConfig, aero_demo_config_free)

G_END_DECLS
