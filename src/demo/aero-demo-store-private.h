/* aero-demo-store-private.h - what the files of AeroDemoStore share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "aero-demo-store.h"
#include "aero-demo-version.h"

G_BEGIN_DECLS

/* How long a guest with an agent takes to shut down (twice that by ACPI). */
#define DEFAULT_SHUTDOWN_DELAY_MS 1000
/* The engine's isCpuSharesValid range. */
#define CPU_SHARES_MAX 262144

struct _AeroDemoStore
{
  GObject     parent_instance;

  GPtrArray  *clusters;
  GPtrArray  *templates;
  GPtrArray  *vms;
  GPtrArray  *hosts;
  GHashTable *vm_by_id;
  guint       next_serial;
  char       *state_path;
  gboolean    frozen;
  gint64      started_us;
  guint       shutdown_delay_ms;
  /* The engine release whose rules apply. */
  AeroDemoVersion version;
};

/* Changed members, to tell what can apply to a running VM. */
enum
{
  CHANGED_NAME        = 1 << 0,
  CHANGED_TEXT        = 1 << 1,
  CHANGED_MEMORY      = 1 << 2,
  CHANGED_GUARANTEED  = 1 << 3,
  CHANGED_MAX         = 1 << 4,
  CHANGED_BALLOONING  = 1 << 5,
  CHANGED_OTHER       = 1 << 6,
  CHANGED_CLUSTER     = 1 << 7,
};

/* aero-demo-store.c */
gboolean config_equal (const AeroDemoConfig *a, const AeroDemoConfig *b);
AeroDemoCluster *find_cluster_by_name (AeroDemoStore *self, const char *name);
AeroDemoTemplate *find_template_by_name (AeroDemoStore *self, const char *name);

/* aero-demo-store-input.c */
gboolean fail (GError **error, guint status, const char *format, ...) G_GNUC_PRINTF (3, 4);
gboolean incomplete (GError **error, const char *type, const char *fields, const char *method);
JsonObject *get_object (JsonObject *obj, const char *member);
const char *get_string (JsonObject *obj, const char *member);
int read_bool (JsonObject *obj, const char *member, gboolean *out, GError **error);
int read_long (JsonObject *obj, const char *member, gint64 *out, GError **error);
int apply_config (AeroDemoStore *self, AeroDemoConfig *conf, JsonObject *input, const char *action, const char *what, GError **error);

G_END_DECLS
