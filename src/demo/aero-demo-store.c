/* aero-demo-store.c - the demo engine's inventory and the engine's rules
 *
 * Rule messages are the engine's own (ovirt-engine AppErrors.properties),
 * expanded as the REST layer expands them: "${action} ${type}" filled in,
 * the list of validation messages printed as a Java list "[...]".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "aero-demo-seed.h"
#include "aero-demo-state.h"
#include "aero-demo-store.h"
#include "aero-demo-version.h"
#include "aero-demo-writer.h"

/* The x86 hot plug memory size factor: UpdateVmCommand refuses to hot plug
 * an amount of memory that is not a multiple of it. */
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

G_DEFINE_FINAL_TYPE (AeroDemoStore, aero_demo_store, G_TYPE_OBJECT)

G_DEFINE_QUARK (aero-demo-fault-quark, aero_demo_fault)
G_DEFINE_QUARK (aero-demo-fault-incomplete-quark, aero_demo_fault_incomplete)

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

static gboolean
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

static AeroDemoCluster *
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

static AeroDemoTemplate *
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

/* ---- faults ---- */

G_GNUC_PRINTF (3, 4)
static gboolean
fail (GError    **error,
      guint       status,
      const char *format,
      ...)
{
  va_list args;
  g_autofree char *message = NULL;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, AERO_DEMO_FAULT, status, "[%s]", message);
  return FALSE;
}

static gboolean
incomplete (GError    **error,
            const char *type,
            const char *fields,
            const char *method)
{
  g_set_error (error, AERO_DEMO_FAULT_INCOMPLETE, 400, "%s [%s] required for %s", type, fields, method);
  return FALSE;
}

/* ---- reading input: the engine accepts strings and native values ---- */

static gboolean
parse_bool (JsonNode  *node,
            gboolean  *out,
            GError   **error)
{
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_BOOLEAN)
    {
      *out = json_node_get_boolean (node);
      return TRUE;
    }
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    {
      const char *s = json_node_get_string (node);

      if (g_ascii_strcasecmp (s, "true") == 0 || g_str_equal (s, "1"))
        {
          *out = TRUE;
          return TRUE;
        }
      if (g_ascii_strcasecmp (s, "false") == 0 || g_str_equal (s, "0"))
        {
          *out = FALSE;
          return TRUE;
        }
    }
  return fail (error, 400, "Invalid value for a boolean");
}

static gboolean
parse_long (JsonNode  *node,
            gint64    *out,
            GError   **error)
{
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_INT64)
    {
      *out = json_node_get_int (node);
      return TRUE;
    }
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_DOUBLE)
    {
      *out = (gint64) json_node_get_double (node);
      return TRUE;
    }
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    {
      const char *s = json_node_get_string (node);
      char *end = NULL;
      gint64 v = g_ascii_strtoll (s, &end, 10);

      if (*s != '\0' && end != NULL && *end == '\0')
        {
          *out = v;
          return TRUE;
        }
    }
  /* The engine's own words for a malformed number. */
  return fail (error, 400, "Value isn't a valid number");
}

static JsonObject *
get_object (JsonObject *obj,
            const char *member)
{
  JsonNode *node;

  if (obj == NULL || !json_object_has_member (obj, member))
    return NULL;
  node = json_object_get_member (obj, member);
  return JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static const char *
get_string (JsonObject *obj,
            const char *member)
{
  JsonNode *node;

  if (obj == NULL || !json_object_has_member (obj, member))
    return NULL;
  node = json_object_get_member (obj, member);
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    return json_node_get_string (node);
  return NULL;
}

/* Returns -1 on error, 0 when absent, 1 when read. */
static int
read_bool (JsonObject  *obj,
           const char  *member,
           gboolean    *out,
           GError     **error)
{
  if (obj == NULL || !json_object_has_member (obj, member))
    return 0;
  return parse_bool (json_object_get_member (obj, member), out, error) ? 1 : -1;
}

static int
read_long (JsonObject  *obj,
           const char  *member,
           gint64      *out,
           GError     **error)
{
  if (obj == NULL || !json_object_has_member (obj, member))
    return 0;
  return parse_long (json_object_get_member (obj, member), out, error) ? 1 : -1;
}

/* Letters (any script), digits, '_', '-' and '.', like the engine's
 * NO_SPECIAL_CHARACTERS_I18N pattern for VM names. */
static gboolean
valid_name (const char *name)
{
  if (!g_utf8_validate (name, -1, NULL))
    return FALSE;
  for (const char *p = name; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isalnum (c) && c != '_' && c != '-' && c != '.')
        return FALSE;
    }
  return TRUE;
}

static gboolean
known_enum (const char        *value,
            const char *const *allowed)
{
  return value != NULL && g_strv_contains (allowed, value);
}

static const char *const vm_types[] = { "desktop", "server", "high_performance", NULL };

/* Applies the VmBase members of @input to @conf. @what is "VM" or
 * "Template" and @action the engine's verb, for messages. Returns the
 * changed members, or -1 with @error set. */
static int
apply_config (AeroDemoStore  *self,
              AeroDemoConfig *conf,
              JsonObject     *input,
              const char     *action,
              const char     *what,
              GError        **error)
{
  JsonObject *policy = get_object (input, "memory_policy");
  JsonObject *cpu = get_object (input, "cpu");
  JsonObject *topology = get_object (cpu, "topology");
  JsonObject *os = get_object (input, "os");
  JsonObject *cluster = get_object (input, "cluster");
  JsonObject *ccv = get_object (input, "custom_compatibility_version");
  const char *s;
  gint64 v;
  gboolean b;
  int r;
  int changed = 0;

  if ((s = get_string (input, "name")) != NULL && g_strcmp0 (s, conf->name) != 0)
    {
      if (*s == '\0')
        return fail (error, 400, "Can not %s %s. The given name is empty.", action, what), -1;
      if (!valid_name (s))
        return fail (error, 400, "Can not %s %s. The given name contains special characters. "
                     "Only lower-case and upper-case letters, numbers, '_', '-', '.' are allowed.",
                     action, what), -1;
      g_free (conf->name);
      conf->name = g_strdup (s);
      changed |= CHANGED_NAME;
    }
  if ((s = get_string (input, "description")) != NULL)
    {
      g_free (conf->description);
      conf->description = g_strdup (s);
      changed |= CHANGED_TEXT;
    }
  if ((s = get_string (input, "comment")) != NULL)
    {
      g_free (conf->comment);
      conf->comment = g_strdup (s);
      changed |= CHANGED_TEXT;
    }
  if ((s = get_string (input, "type")) != NULL && g_strcmp0 (s, conf->type) != 0)
    {
      if (!known_enum (s, vm_types))
        return fail (error, 400, "Invalid value '%s' for type. Possible values are desktop, server, high_performance.", s), -1;
      g_free (conf->type);
      conf->type = g_strdup (s);
      changed |= CHANGED_OTHER;
    }
  if ((r = read_long (input, "memory", &v, error)) < 0)
    return -1;
  if (r > 0 && v != conf->memory)
    {
      conf->memory = v;
      changed |= CHANGED_MEMORY;
    }
  if ((r = read_long (policy, "guaranteed", &v, error)) < 0)
    return -1;
  if (r > 0 && v != conf->guaranteed)
    {
      conf->guaranteed = v;
      changed |= CHANGED_GUARANTEED;
    }
  if ((r = read_long (policy, "max", &v, error)) < 0)
    return -1;
  if (r > 0 && v != conf->max_memory)
    {
      conf->max_memory = v;
      changed |= CHANGED_MAX;
    }
  if ((r = read_bool (policy, "ballooning", &b, error)) < 0)
    return -1;
  if (r > 0 && b != conf->ballooning)
    {
      conf->ballooning = b;
      changed |= CHANGED_BALLOONING;
    }
  if ((r = read_long (topology, "sockets", &v, error)) < 0)
    return -1;
  if (r > 0 && v > 0 && (guint) v != conf->sockets)
    conf->sockets = v, changed |= CHANGED_OTHER;
  if ((r = read_long (topology, "cores", &v, error)) < 0)
    return -1;
  if (r > 0 && v > 0 && (guint) v != conf->cores)
    conf->cores = v, changed |= CHANGED_OTHER;
  if ((r = read_long (topology, "threads", &v, error)) < 0)
    return -1;
  if (r > 0 && v > 0 && (guint) v != conf->threads)
    conf->threads = v, changed |= CHANGED_OTHER;
  if ((r = read_long (input, "cpu_shares", &v, error)) < 0)
    return -1;
  if (r > 0 && (v < 0 || v > CPU_SHARES_MAX))
    return fail (error, 400, "Cannot set the cpu shares to the requested value. "
                 "It has to be between 0 and %d.", CPU_SHARES_MAX), -1;
  if (r > 0 && (guint) v != conf->cpu_shares)
    conf->cpu_shares = v, changed |= CHANGED_OTHER;
  if ((s = get_string (os, "type")) != NULL && g_strcmp0 (s, conf->os_type) != 0)
    {
      g_free (conf->os_type);
      conf->os_type = g_strdup (s);
      changed |= CHANGED_OTHER;
    }
  if (cluster != NULL)
    {
      AeroDemoCluster *c = get_string (cluster, "id") != NULL
                           ? aero_demo_store_find_cluster (self, get_string (cluster, "id"))
                           : find_cluster_by_name (self, get_string (cluster, "name"));

      if (c == NULL)
        return fail (error, 404, "Cannot %s %s. Cluster ID is not valid.", action, what), -1;
      if (g_strcmp0 (c->id, conf->cluster_id) != 0)
        {
          g_free (conf->cluster_id);
          conf->cluster_id = g_strdup (c->id);
          changed |= CHANGED_CLUSTER;
        }
    }
  if (ccv != NULL)
    {
      gint64 major = 0, minor = 0;

      if (read_long (ccv, "major", &major, error) < 0 || read_long (ccv, "minor", &minor, error) < 0)
        return -1;
      if (major < 0 || minor < 0)
        return fail (error, 400, "Cannot %s %s. Custom Compatibility Version is not supported: %"
                     G_GINT64_FORMAT ".%" G_GINT64_FORMAT ".", action, what, major, minor), -1;
      if ((guint) major != conf->ccv_major || (guint) minor != conf->ccv_minor)
        {
          conf->ccv_major = major;
          conf->ccv_minor = minor;
          changed |= CHANGED_OTHER;
        }
    }
  return changed;
}

/* guaranteed <= memory <= max <= the platform limit, in the engine's
 * words and HTTP codes. */
static gboolean
validate_memory (AeroDemoStore        *self,
                 const AeroDemoConfig *conf,
                 const char           *action,
                 const char           *what,
                 GError              **error)
{
  gint64 limit_mb;

  if (conf->memory < AERO_DEMO_MIB)
    return fail (error, 400, "Cannot %s %s. Memory size must be at least 1 MB.", action, what);
  if (conf->guaranteed < 0)
    return fail (error, 400, "Cannot %s %s. Physical Memory Guaranteed cannot be negative (%"
                 G_GINT64_FORMAT "MB).", action, what, conf->guaranteed / AERO_DEMO_MIB);
  if (conf->guaranteed > conf->memory)
    return fail (error, 400, "Cannot %s %s. Physical Memory Guaranteed cannot exceed Memory Size.",
                 action, what);
  if (conf->memory > conf->max_memory)
    return fail (error, 409, "Cannot %s %s. Memory size (%" G_GINT64_FORMAT "MB) cannot exceed "
                 "maximum memory size (%" G_GINT64_FORMAT "MB).", action, what,
                 conf->memory / AERO_DEMO_MIB, conf->max_memory / AERO_DEMO_MIB);
  /* VmHandler.validateMaxMemorySize: the limit of the guest OS's bus and
   * architecture at the effective level (0000_config.sql). */
  limit_mb = aero_demo_version_max_memory_mb (&self->version,
                                              aero_demo_store_effective_level (self, conf),
                                              conf->os_type);
  if (conf->max_memory / AERO_DEMO_MIB > limit_mb)
    return fail (error, 409, "Cannot %s %s. Maximum memory (%" G_GINT64_FORMAT "MB) cannot exceed "
                 "platform limit (%" G_GINT64_FORMAT "MB).", action, what,
                 conf->max_memory / AERO_DEMO_MIB, limit_mb);
  return TRUE;
}

/* Engines of the feature's era silently dropped the balloon device on
 * clusters below 3.1: the VM reads back ballooning false. */
static void
drop_unsupported_balloon (AeroDemoStore  *self,
                          AeroDemoConfig *conf)
{
  if (aero_demo_store_effective_level (self, conf) < 301)
    conf->ballooning = FALSE;
}

static gboolean
vm_name_in_use (AeroDemoStore    *self,
                const char       *name,
                const AeroDemoVm *except)
{
  for (guint i = 0; i < self->vms->len; i++)
    {
      AeroDemoVm *vm = g_ptr_array_index (self->vms, i);
      const AeroDemoConfig *conf = vm->persistent != NULL ? vm->persistent : vm->conf;

      if (vm != except && g_str_equal (conf->name, name))
        return TRUE;
    }
  return FALSE;
}

/* ---- VMs ---- */

AeroDemoVm *
aero_demo_store_add_vm (AeroDemoStore  *self,
                        JsonObject     *input,
                        const char     *owner,
                        GError        **error)
{
  JsonObject *cluster_in = get_object (input, "cluster");
  JsonObject *template_in = get_object (input, "template");
  JsonObject *policy = get_object (input, "memory_policy");
  g_autoptr(AeroDemoConfig) conf = NULL;
  AeroDemoCluster *cluster;
  AeroDemoTemplate *tmpl;
  AeroDemoVm *vm;
  int changed;

  /* The REST layer checks parameters in this order. */
  if (cluster_in == NULL || (get_string (cluster_in, "id") == NULL && get_string (cluster_in, "name") == NULL))
    return incomplete (error, "Vm", "cluster.id|name", "add"), NULL;
  if (get_string (input, "name") == NULL)
    return incomplete (error, "Vm", "name", "add"), NULL;
  if (template_in == NULL || (get_string (template_in, "id") == NULL && get_string (template_in, "name") == NULL))
    return incomplete (error, "Vm", "template.id|name", "add"), NULL;

  cluster = get_string (cluster_in, "id") != NULL
            ? aero_demo_store_find_cluster (self, get_string (cluster_in, "id"))
            : find_cluster_by_name (self, get_string (cluster_in, "name"));
  if (cluster == NULL)
    return fail (error, 404, "Cannot add VM. Cluster ID is not valid."), NULL;
  tmpl = get_string (template_in, "id") != NULL
         ? aero_demo_store_find_template (self, get_string (template_in, "id"))
         : find_template_by_name (self, get_string (template_in, "name"));
  if (tmpl == NULL)
    return fail (error, 404, "Cannot add VM. The relevant Template doesn't exist."), NULL;

  /* A new VM starts as a copy of its template, balloon included (Blank
   * has one: ballooning is on by default). */
  conf = aero_demo_config_copy (tmpl->conf);
  g_free (conf->cluster_id);
  conf->cluster_id = g_strdup (cluster->id);
  g_free (conf->name);
  conf->name = g_strdup ("");

  if ((changed = apply_config (self, conf, input, "add", "VM", error)) < 0)
    return NULL;

  /* Sizes derived from a new memory size, as the admin portal derives
   * them, unless given. */
  if (changed & CHANGED_MEMORY)
    {
      if (!(changed & CHANGED_GUARANTEED) && read_long (policy, "guaranteed", &(gint64) { 0 }, NULL) == 0)
        conf->guaranteed = conf->memory * 100 / MAX (cluster->over_commit, 1);
      if (!(changed & CHANGED_MAX) && read_long (policy, "max", &(gint64) { 0 }, NULL) == 0)
        conf->max_memory = 4 * conf->memory;
    }
  /* High Performance VMs are created without a balloon unless asked. */
  if (g_strcmp0 (conf->type, "high_performance") == 0
      && read_bool (policy, "ballooning", &(gboolean) { FALSE }, NULL) == 0)
    conf->ballooning = FALSE;

  if (!validate_memory (self, conf, "add", "VM", error))
    return NULL;
  if (vm_name_in_use (self, conf->name, NULL))
    return fail (error, 409, "Cannot add VM. The VM name is already in use, please choose a unique name and try again."), NULL;
  drop_unsupported_balloon (self, conf);

  vm = g_new0 (AeroDemoVm, 1);
  vm->serial = self->next_serial++;
  vm->id = aero_demo_seed_vm_id (vm->serial);
  vm->conf = g_steal_pointer (&conf);
  vm->status = g_strdup ("down");
  vm->template_id = g_strdup (tmpl->id);
  vm->owner = g_strdup (owner);
  vm->creation_time = aero_demo_store_now_ms (self);
  vm->stop_time = vm->creation_time;
  g_ptr_array_add (self->vms, vm);
  g_hash_table_insert (self->vm_by_id, vm->id, vm);
  aero_demo_store_save (self);
  return vm;
}

static AeroDemoConfig *
persistent_conf (AeroDemoVm *vm)
{
  return vm->persistent != NULL ? vm->persistent : vm->conf;
}

static void
set_text (char      **field,
          const char *value)
{
  if (g_strcmp0 (*field, value) != 0)
    {
      g_free (*field);
      *field = g_strdup (value);
    }
}

/* Statuses of VMStatus.Group.RUNNING_OR_PAUSED that the demo knows: where
 * the engine hot sets the guaranteed memory (minAllocatedMem). */
static gboolean
running_or_paused (const AeroDemoVm *vm)
{
  return g_strcmp0 (vm->status, "up") == 0 || g_strcmp0 (vm->status, "paused") == 0;
}

/* osinfo-defaults: "other" and the Windows family (derived from it) have
 * cpu.hotunplugSupport false, the Linux family (other_linux) true. */
static gboolean
os_can_hot_unplug_cpu (const char *os_type)
{
  return os_type != NULL && *os_type != '\0'
         && !g_str_equal (os_type, "other")
         && !g_str_has_prefix (os_type, "windows");
}

static void
add_dimm (AeroDemoVm *vm,
          gint64      size)
{
  if (vm->dimms == NULL)
    vm->dimms = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_array_append_val (vm->dimms, size);
}

/* Hot unplugs, as MemoryUtils.computeMemoryDevicesToHotUnplug picks them,
 * the largest hot-plugged devices that still fit in @decrease, and returns
 * how much memory went away (0 when no device fits). */
static gint64
unplug_dimms (AeroDemoVm *vm,
              gint64      decrease)
{
  gint64 unplugged = 0;

  while (vm->dimms != NULL)
    {
      guint best = G_MAXUINT;

      for (guint i = 0; i < vm->dimms->len; i++)
        {
          gint64 size = g_array_index (vm->dimms, gint64, i);

          if (unplugged + size <= decrease
              && (best == G_MAXUINT || size > g_array_index (vm->dimms, gint64, best)))
            best = i;
        }
      if (best == G_MAXUINT)
        break;
      unplugged += g_array_index (vm->dimms, gint64, best);
      g_array_remove_index (vm->dimms, best);
    }
  return unplugged;
}

/* TRUE when @a and @b differ in a member that the engine never changes in
 * a VM that is not down (@EditableVmField(onStatuses = Down) without a
 * hotSettableOnStatus): those only go to the next-run configuration. */
static gboolean
differ_in_next_run_members (const AeroDemoConfig *a,
                            const AeroDemoConfig *b)
{
  return g_strcmp0 (a->type, b->type) != 0
         || a->max_memory != b->max_memory
         || a->ballooning != b->ballooning
         || a->cores != b->cores
         || a->threads != b->threads
         || a->cpu_shares != b->cpu_shares
         || g_strcmp0 (a->os_type, b->os_type) != 0
         || g_strcmp0 (a->cluster_id, b->cluster_id) != 0
         || a->ccv_major != b->ccv_major
         || a->ccv_minor != b->ccv_minor;
}

static gboolean
sets_ballooning (JsonObject *input)
{
  JsonObject *policy = get_object (input, "memory_policy");

  return policy != NULL && json_object_has_member (policy, "ballooning");
}

/* The REST PUT of a VM, as BackendVmResource and UpdateVmCommand do it:
 *   - the members sent are laid over the VM's current configuration, or
 *     over its next-run configuration with next_run=true;
 *   - name, description and comment (@EditableVmField on any status) apply
 *     at once, with or without next_run;
 *   - without next_run the engine hot sets what is hot-settable in the
 *     VM's status (memory and CPU sockets when Up, guaranteed memory when
 *     running or paused), and when anything else changed, or a next-run
 *     configuration already exists, it stores the whole requested
 *     configuration as the next-run configuration, replacing the old one;
 *   - with next_run=true nothing else changes now. */
gboolean
aero_demo_store_update_vm (AeroDemoStore  *self,
                           AeroDemoVm     *vm,
                           JsonObject     *input,
                           gboolean        next_run,
                           GError        **error)
{
  g_autoptr(AeroDemoConfig) wanted = NULL;
  AeroDemoConfig *persist = persistent_conf (vm);
  gboolean up = g_strcmp0 (vm->status, "up") == 0;
  gboolean hot_set = !next_run;
  gboolean snapshot;
  gboolean memory_snapshot;
  gint64 hotplug_step = aero_demo_version_hotplug_step (&self->version);
  gint64 delta;
  int changed;

  /* GetVmByVmIdForUpdate (the current configuration) without next_run,
   * GetVmNextRunConfiguration with it. */
  wanted = aero_demo_config_copy (next_run && vm->next_run != NULL ? vm->next_run : persist);
  if ((changed = apply_config (self, wanted, input, "edit", "VM", error)) < 0)
    return FALSE;
  if (!validate_memory (self, wanted, "edit", "VM", error))
    return FALSE;
  if ((changed & CHANGED_NAME) && vm_name_in_use (self, wanted->name, vm))
    return fail (error, 409, "Cannot edit VM. The VM name is already in use, please choose a unique name and try again.");
  drop_unsupported_balloon (self, wanted);

  /* Up to 4.4.6.4 the balloon is a device. For a VM that is not down the
   * next-run configuration gets the running VM's devices with only the
   * device fields of the command applied (ovirt-engine: VmHandler.
   * createNextRunSnapshot, VmDeviceUtils.getVmDevicesForNextRun): a PUT
   * that leaves the balloon out puts the running one back. */
  if (aero_demo_vm_is_live (vm) && !aero_demo_version_balloon_is_field (&self->version)
      && !sets_ballooning (input))
    wanted->ballooning = vm->conf->ballooning;

  if (!aero_demo_vm_is_live (vm))
    {
      aero_demo_config_free (vm->conf);
      vm->conf = g_steal_pointer (&wanted);
      g_clear_pointer (&vm->next_run, aero_demo_config_free);
      aero_demo_store_save (self);
      return TRUE;
    }

  /* The REST layer moves a VM to another cluster with ChangeVMCluster
   * before the update, next_run or not, and that command takes only a VM
   * that is down (clusterId is editable on Down only). */
  if ((changed & CHANGED_CLUSTER) && g_strcmp0 (wanted->cluster_id, persist->cluster_id) != 0)
    return fail (error, 409, "Cannot update a VM in this status. Try stopping the VM first.");

  /* UpdateVmCommand's checks of a hot set into a VM that is not down. */
  delta = wanted->memory - persist->memory;
  if (hot_set)
    {
      if (vm->next_run != NULL && wanted->memory != vm->next_run->memory
          && vm->next_run->memory != persist->memory)
        return fail (error, 400, "Cannot hot change memory because memory next run configuration already exists.");
      if (delta > 0 && delta % hotplug_step != 0)
        return fail (error, 400, "Cannot edit VM. Amount of added memory (%" G_GINT64_FORMAT "MiB) "
                     "is not dividable by %" G_GINT64_FORMAT "MiB.",
                     delta / AERO_DEMO_MIB, hotplug_step / AERO_DEMO_MIB);
      if (up && wanted->memory > persist->max_memory)
        return fail (error, 409, "Cannot edit VM. Memory size (%" G_GINT64_FORMAT "MB) cannot exceed "
                     "maximum memory size (%" G_GINT64_FORMAT "MB).",
                     wanted->memory / AERO_DEMO_MIB, persist->max_memory / AERO_DEMO_MIB);
    }

  /* UpdateVmCommand.memoryNextRunSnapshotRequired: up to 4.4.7.3 any
   * memory change, hot plugged or not, leaves a next-run configuration. */
  memory_snapshot = delta != 0 && aero_demo_version_memory_change_keeps_next_run (&self->version);

  /* isRunningConfigurationNeeded: a next-run configuration exists, a
   * member changed that is not hot-settable in this status, or the memory
   * change is not a whole number of hot plug steps. */
  snapshot = memory_snapshot
             || vm->next_run != NULL
             || differ_in_next_run_members (wanted, persist)
             || (!hot_set && (delta != 0 || wanted->sockets != persist->sockets
                              || wanted->guaranteed != persist->guaranteed))
             || (!up && (delta != 0 || wanted->sockets != persist->sockets))
             || (!running_or_paused (vm) && wanted->guaranteed != persist->guaranteed)
             || delta % hotplug_step != 0;

  /* Name, description and comment apply now, to the running and the
   * persistent configuration alike. */
  set_text (&vm->conf->name, wanted->name);
  set_text (&persist->name, wanted->name);
  set_text (&vm->conf->description, wanted->description);
  set_text (&persist->description, wanted->description);
  set_text (&vm->conf->comment, wanted->comment);
  set_text (&persist->comment, wanted->comment);

  if (hot_set)
    {
      gboolean guaranteed_now = running_or_paused (vm);

      if (up && delta > 0)
        {
          /* One memory device for the whole increase (hotPlugMemory). */
          add_dimm (vm, delta);
          if (vm->conf != persist)
            vm->conf->memory += delta;
          persist->memory = wanted->memory;
        }
      else if (up && delta < 0)
        {
          /* Only hot-plugged devices go away; when none fits, the memory
           * and the guarantee stay as they are (hotUnplugMemory). */
          gint64 unplugged = unplug_dimms (vm, -delta);

          if (vm->conf != persist)
            vm->conf->memory -= unplugged;
          persist->memory -= unplugged;
          guaranteed_now = unplugged > 0;
        }

      /* minAllocatedMem is hot-settable on running or paused VMs. The
       * engine would even store a guarantee above the memory the VM has
       * now; the demo keeps such a guarantee for the next run. */
      if (guaranteed_now && wanted->guaranteed != persist->guaranteed)
        {
          if (wanted->guaranteed <= vm->conf->memory)
            {
              vm->conf->guaranteed = wanted->guaranteed;
              persist->guaranteed = wanted->guaranteed;
            }
          else
            snapshot = TRUE;
        }

      /* CPU sockets are plugged or unplugged into an Up VM when cores and
       * threads stay (VmCommonUtils.isCpusToBeHotpluggedOrUnplugged). A
       * hot unplug the guest OS cannot do fails, and like the engine the
       * demo then keeps the sockets it has. */
      if (up && wanted->sockets != persist->sockets
          && wanted->cores == persist->cores && wanted->threads == persist->threads
          && (wanted->sockets > persist->sockets || os_can_hot_unplug_cpu (persist->os_type)))
        {
          vm->conf->sockets = wanted->sockets;
          persist->sockets = wanted->sockets;
        }
      else if (up && wanted->sockets != persist->sockets
               && (wanted->cores != persist->cores || wanted->threads != persist->threads))
        {
          /* No hot plug with a new topology, yet numOfSockets is hot-settable
           * when Up, so copyNonEditableFieldsToDestination leaves the new
           * count in the running configuration: the engine shows sockets it
           * did not plug, next to the old cores and threads. */
          vm->conf->sockets = wanted->sockets;
          persist->sockets = wanted->sockets;
        }
    }

  if (!snapshot || (config_equal (wanted, persist) && !memory_snapshot))
    g_clear_pointer (&vm->next_run, aero_demo_config_free);
  else
    {
      aero_demo_config_free (vm->next_run);
      vm->next_run = g_steal_pointer (&wanted);
    }
  aero_demo_store_save (self);
  return TRUE;
}

gboolean
aero_demo_store_remove_vm (AeroDemoStore  *self,
                           AeroDemoVm     *vm,
                           GError        **error)
{
  if (aero_demo_vm_is_live (vm))
    return fail (error, 409, "Cannot remove VM. VM is running.");
  g_hash_table_remove (self->vm_by_id, vm->id);
  g_ptr_array_remove (self->vms, vm);
  aero_demo_store_save (self);
  return TRUE;
}

static const char *
status_label (const char *status)
{
  if (g_strcmp0 (status, "down") == 0)
    return "Down";
  if (g_strcmp0 (status, "paused") == 0)
    return "Paused";
  if (g_strcmp0 (status, "suspended") == 0)
    return "Suspended";
  return "Up";
}

static void
set_status (AeroDemoVm *vm,
            const char *status)
{
  g_free (vm->status);
  vm->status = g_strdup (status);
  /* Down or suspended, it holds no host memory; it is placed anew when
   * it runs again (aero_demo_store_vm_host). */
  if (!aero_demo_vm_is_live (vm) || g_str_equal (status, "suspended"))
    vm->host = NULL;
}

/* Power-off: run-once overrides end, pending next-run changes apply. */
static void
power_off (AeroDemoStore *self,
           AeroDemoVm    *vm)
{
  if (vm->persistent != NULL)
    {
      aero_demo_config_free (vm->conf);
      vm->conf = g_steal_pointer (&vm->persistent);
    }
  vm->run_once = FALSE;
  vm->run_once_volatile = FALSE;
  if (vm->next_run != NULL)
    {
      aero_demo_config_free (vm->conf);
      vm->conf = g_steal_pointer (&vm->next_run);
    }
  /* The next start plugs the whole memory in at boot. */
  g_clear_pointer (&vm->dimms, g_array_unref);
  set_status (vm, "down");
  vm->stop_time = aero_demo_store_now_ms (self);
}

gboolean
aero_demo_store_start_vm (AeroDemoStore  *self,
                          AeroDemoVm     *vm,
                          JsonObject     *action,
                          GError        **error)
{
  JsonObject *overrides = get_object (action, "vm");
  gboolean is_volatile = FALSE;
  gboolean pause = FALSE;

  if (read_bool (action, "volatile", &is_volatile, error) < 0
      || read_bool (action, "pause", &pause, error) < 0)
    return FALSE;

  if (g_strcmp0 (vm->status, "up") == 0)
    return fail (error, 409, "Cannot run VM. VM is running.");

  /* A start with a "vm" is Run Once (BackendVmResource.start). Its
   * RunVmOnceParams take boot, display, initialization and similar
   * one-run settings from the VM given (VmMapper.map (Vm,
   * RunVmOnceParams)), none of which the demo models: memory, the
   * memory policy, CPU, type and description are ignored by every
   * release, the balloon included (RunVmParams.balloonEnabled is never
   * set from REST). */
  if (g_strcmp0 (vm->status, "down") == 0 && overrides != NULL)
    {
      vm->run_once = TRUE;
      vm->run_once_volatile = is_volatile;
    }

  if (g_strcmp0 (vm->status, "down") == 0)
    vm->start_time = aero_demo_store_now_ms (self);
  set_status (vm, pause ? "paused" : "up");
  aero_demo_store_save (self);
  return TRUE;
}

gboolean
aero_demo_store_stop_vm (AeroDemoStore  *self,
                         AeroDemoVm     *vm,
                         GError        **error)
{
  if (!aero_demo_vm_is_live (vm))
    return fail (error, 409, "Cannot stop VM. VM is not running.");
  power_off (self, vm);
  aero_demo_store_save (self);
  return TRUE;
}

/* A shut down in progress: the VM, known by id (it may be removed
 * meanwhile) and by the start it belongs to (it may be powered off and
 * started again meanwhile). */
typedef struct
{
  AeroDemoStore *store;
  char          *vm_id;
  gint64         start_time;
} ShutdownData;

static void
shutdown_data_free (gpointer user_data)
{
  ShutdownData *data = user_data;

  g_object_unref (data->store);
  g_free (data->vm_id);
  g_free (data);
}

static gboolean
shutdown_done_cb (gpointer user_data)
{
  ShutdownData *data = user_data;
  AeroDemoVm *vm = aero_demo_store_find_vm (data->store, data->vm_id);

  if (vm != NULL && g_strcmp0 (vm->status, "powering_down") == 0
      && vm->start_time == data->start_time)
    {
      power_off (data->store, vm);
      aero_demo_store_save (data->store);
    }
  return G_SOURCE_REMOVE;
}

/* The guest asked to shut down has an agent: the demo's desktops (OS
 * "other") run none. */
static gboolean
guest_has_agent (const AeroDemoVm *vm)
{
  return g_strcmp0 (vm->conf->os_type, "other") != 0;
}

/* As ovirt-engine:
 * backend/manager/modules/bll/src/main/java/org/ovirt/engine/core/bll/ShutdownVmCommand.java
 * does: a VM that is Up, with ACPI enabled or a guest agent, is asked to
 * shut down (DestroyVm, gracefully): the agent does it, or without one the
 * ACPI power button. It is powering_down until the guest has gone. Any
 * other running VM (paused, suspended, already powering down) cannot shut
 * down and is stopped instead, at once. ACPI is always on in the demo (a
 * real VM may have it off; without an agent too it would be stopped). */
gboolean
aero_demo_store_shutdown_vm (AeroDemoStore  *self,
                             AeroDemoVm     *vm,
                             GError        **error)
{
  ShutdownData *data;
  GSource *source;

  if (!aero_demo_vm_is_live (vm))
    return fail (error, 409, "Cannot shutdown VM. VM is not running.");

  if (g_strcmp0 (vm->status, "up") != 0)
    {
      power_off (self, vm);
      aero_demo_store_save (self);
      return TRUE;
    }

  /* Not saved: a demo engine started again from the state file finds the
   * VM up, as a real one would after losing the shut down request. */
  set_status (vm, "powering_down");

  data = g_new0 (ShutdownData, 1);
  data->store = g_object_ref (self);
  data->vm_id = g_strdup (vm->id);
  data->start_time = vm->start_time;
  /* The ACPI path leaves the guest more to do (no agent to close the
   * session first): it takes longer. */
  source = g_timeout_source_new (guest_has_agent (vm) ? self->shutdown_delay_ms
                                                      : self->shutdown_delay_ms * 2);
  g_source_set_callback (source, shutdown_done_cb, data, shutdown_data_free);
  g_source_set_name (source, "aero-demo-shutdown");
  g_source_attach (source, g_main_context_get_thread_default ());
  g_source_unref (source);
  return TRUE;
}

gboolean
aero_demo_store_suspend_vm (AeroDemoStore  *self,
                            AeroDemoVm     *vm,
                            GError        **error)
{
  if (g_strcmp0 (vm->status, "up") != 0)
    return fail (error, 409, "Cannot hibernate VM because the VM is in %s status.", status_label (vm->status));
  set_status (vm, "suspended");
  aero_demo_store_save (self);
  return TRUE;
}

gboolean
aero_demo_store_reboot_vm (AeroDemoStore  *self,
                           AeroDemoVm     *vm,
                           GError        **error)
{
  if (g_strcmp0 (vm->status, "up") != 0)
    return fail (error, 409, "Cannot reboot VM. VM is not running.");
  /* A volatile run configuration does not survive even a reboot; a plain
   * run-once lasts until power-off. */
  if (vm->run_once && vm->run_once_volatile)
    {
      if (vm->persistent != NULL)
        {
          aero_demo_config_free (vm->conf);
          vm->conf = g_steal_pointer (&vm->persistent);
        }
      vm->run_once = FALSE;
      vm->run_once_volatile = FALSE;
    }
  vm->start_time = aero_demo_store_now_ms (self);
  aero_demo_store_save (self);
  return TRUE;
}

/* ---- clusters and templates ---- */

gboolean
aero_demo_store_update_cluster (AeroDemoStore    *self,
                                AeroDemoCluster  *cluster,
                                JsonObject       *input,
                                GError          **error)
{
  JsonObject *policy = get_object (input, "memory_policy");
  JsonObject *over_commit = get_object (policy, "over_commit");
  JsonObject *thp = get_object (policy, "transparent_hugepages");
  JsonObject *ksm = get_object (input, "ksm");
  JsonObject *version = get_object (input, "version");
  AeroDemoCluster wanted = *cluster;
  const char *name = get_string (input, "name");
  const char *description = get_string (input, "description");
  gint64 v;

  if (read_bool (input, "ballooning_enabled", &wanted.ballooning_enabled, error) < 0
      || read_bool (ksm, "enabled", &wanted.ksm, error) < 0
      || read_bool (thp, "enabled", &wanted.thp, error) < 0)
    return FALSE;
  switch (read_long (over_commit, "percent", &v, error))
    {
    case -1:
      return FALSE;
    case 1:
      /* The member is an int: the REST layer refuses the body otherwise. */
      if (v > G_MAXINT32 || v < G_MININT32)
        return fail (error, 400, "Cannot edit Cluster. The over commit percent %" G_GINT64_FORMAT
                     " is out of the range of an integer.", v);
      /* Not refused: stored as 100, as ovirt-engine:
       * backend/manager/modules/bll/src/main/java/org/ovirt/engine/core/bll/ClusterOperationCommandBase.java
       * (checkMaxMemoryOverCommitValue) does. */
      wanted.over_commit = v <= 0 ? 100 : v;
      break;
    default:
      break;
    }
  /* A memory_policy without transparent_hugepages switches THP on, and so
   * does a version without a memory_policy (any level from 3.0):
   * ovirt-engine:
   * backend/manager/modules/restapi/types/src/main/java/org/ovirt/engine/api/restapi/types/ClusterMapper.java,
   * map(Cluster, Cluster) and map(MemoryPolicy, Cluster), 4.3 to the
   * current engine. */
  if ((policy != NULL && (thp == NULL || !json_object_has_member (thp, "enabled")))
      || (policy == NULL && version != NULL))
    wanted.thp = TRUE;
  if (version != NULL)
    {
      gint64 major = cluster->major, minor = cluster->minor;

      if (read_long (version, "major", &major, error) < 0 || read_long (version, "minor", &minor, error) < 0)
        return FALSE;
      if (major < 3 || major > 4 || minor < 0 || (major == 4 && minor > 7))
        return fail (error, 400, "Cannot edit Cluster. Selected Compatibility Version is not supported.");
      wanted.major = major;
      wanted.minor = minor;
    }
  if (name != NULL && g_strcmp0 (name, cluster->name) != 0)
    {
      if (*name == '\0')
        return fail (error, 400, "Can not edit Cluster. The given name is empty.");
      if (find_cluster_by_name (self, name) != NULL)
        return fail (error, 409, "Cannot edit Cluster. Cluster name is already in use.");
    }

  /* No level check on ballooning: 4.3 and later engines have none
   * (UpdateClusterCommand, ClusterValidator); the client keeps the 3.3
   * gate for the old levels. The one memory rule is
   * ClusterValidator.memoryOptimizationConfiguration: */
  if (wanted.over_commit > 100 && !wanted.ksm && !wanted.ballooning_enabled)
    return fail (error, 409, "KSM or ballooning must be enabled to allow memory optimization.");

  if (name != NULL)
    set_text (&cluster->name, name);
  if (description != NULL)
    set_text (&cluster->description, description);
  cluster->ballooning_enabled = wanted.ballooning_enabled;
  cluster->ksm = wanted.ksm;
  cluster->thp = wanted.thp;
  cluster->over_commit = wanted.over_commit;
  cluster->major = wanted.major;
  cluster->minor = wanted.minor;
  aero_demo_store_save (self);
  return TRUE;
}

gboolean
aero_demo_store_update_template (AeroDemoStore     *self,
                                 AeroDemoTemplate  *tmpl,
                                 JsonObject        *input,
                                 GError           **error)
{
  g_autoptr(AeroDemoConfig) wanted = aero_demo_config_copy (tmpl->conf);
  int changed;

  /* Templates take the same memory members as VMs: keeping resource
   * allocation out of the template dialog is the client's choice. */
  if ((changed = apply_config (self, wanted, input, "edit", "Template", error)) < 0)
    return FALSE;
  if (!validate_memory (self, wanted, "edit", "Template", error))
    return FALSE;
  if (changed & CHANGED_NAME)
    {
      AeroDemoTemplate *other = find_template_by_name (self, wanted->name);

      if (other != NULL && other != tmpl)
        return fail (error, 409, "Cannot edit Template. The Template name is already in use, please choose a unique name and try again.");
    }
  drop_unsupported_balloon (self, wanted);
  aero_demo_config_free (tmpl->conf);
  tmpl->conf = g_steal_pointer (&wanted);
  aero_demo_store_save (self);
  return TRUE;
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
