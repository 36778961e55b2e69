/* aero-json-models.c - VMs, templates and clusters from the engine's JSON
 *
 * Each reader reads its fields through a source: a json-glib object
 * (single objects, small documents) or the values the stream parser
 * filled from its events (long lists, aero-stream-parser.c). A field is
 * a path of object members; a member of another type on the way, or a
 * container at the end, leaves the field unset, in both sources alike.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "aero-json.h"
#include "aero-json-fields.h"

typedef struct
{
  JsonObject          *object;
  const AeroJsonValue *values;
  const char * const  *paths;
} Source;

/* The scalar at @paths[field] below the source's object. */
static AeroJsonValue
object_value (JsonObject *object,
              const char *path)
{
  const char *slash;
  char name[64];

  while (object != NULL && (slash = strchr (path, '/')) != NULL)
    {
      gsize length = slash - path;

      g_assert (length < sizeof name);
      memcpy (name, path, length);
      name[length] = '\0';
      object = aero_json_get_object (object, name);
      path = slash + 1;
    }

  return aero_json_value_from_node (object != NULL ? json_object_get_member (object, path) : NULL);
}

static AeroJsonValue
get (const Source *source,
     guint         field)
{
  if (source->values != NULL)
    return source->values[field];

  return object_value (source->object, source->paths[field]);
}

static const char *
get_string (const Source *source,
            guint         field)
{
  AeroJsonValue value = get (source, field);

  return aero_json_value_string (&value);
}

static gint64
get_size (const Source *source,
          guint         field)
{
  AeroJsonValue value = get (source, field);

  return aero_json_value_size (&value);
}

static int
get_count (const Source *source,
           guint         field)
{
  AeroJsonValue value = get (source, field);

  return aero_json_value_count (&value);
}

static AeroTristate
get_tristate (const Source *source,
              guint         field)
{
  AeroJsonValue value = get (source, field);

  return aero_json_value_tristate (&value);
}

/* {"major": "4", "minor": "7"}; both numbers are needed. */
static AeroVersion *
get_version (const Source *source,
             guint         major_field,
             guint         minor_field)
{
  gint64 major = get_size (source, major_field);
  gint64 minor = get_size (source, minor_field);

  if (major == AERO_UNSET || minor == AERO_UNSET || major > G_MAXUINT || minor > G_MAXUINT)
    return NULL;

  return aero_version_new ((guint) major, (guint) minor);
}

/* --- VMs and templates ------------------------------------------------ */

/* The engine's VmBase, shared by VMs and templates: both models have the
 * same property names, so one reader serves both. */
enum {
  BASE_ID,
  BASE_NAME,
  BASE_DESCRIPTION,
  BASE_COMMENT,
  BASE_TYPE,
  BASE_MEMORY,
  BASE_GUARANTEED,
  BASE_MAX,
  BASE_BALLOONING,
  BASE_SOCKETS,
  BASE_CORES,
  BASE_THREADS,
  BASE_CPU_SHARES,
  BASE_CLUSTER,
  BASE_OS_TYPE,
  BASE_CUSTOM_MAJOR,
  BASE_CUSTOM_MINOR,
  N_BASE_FIELDS
};

#define VM_BASE_PATHS \
  "id", "name", "description", "comment", "type", "memory", \
  "memory_policy/guaranteed", "memory_policy/max", "memory_policy/ballooning", \
  "cpu/topology/sockets", "cpu/topology/cores", "cpu/topology/threads", "cpu_shares", \
  "cluster/id", "os/type", \
  "custom_compatibility_version/major", "custom_compatibility_version/minor"

enum {
  VM_STATUS = N_BASE_FIELDS,
  VM_TEMPLATE,
  VM_HOST,
  VM_NEXT_RUN,
  VM_CREATION_TIME,
  N_VM_FIELDS
};

static const char * const vm_paths[] = {
  VM_BASE_PATHS,
  "status", "template/id", "host/id", "next_run_configuration_exists", "creation_time",
  NULL
};

enum {
  TEMPLATE_STATUS = N_BASE_FIELDS,
  TEMPLATE_VERSION_NAME,
  TEMPLATE_VERSION_NUMBER,
  N_TEMPLATE_FIELDS
};

static const char * const template_paths[] = {
  VM_BASE_PATHS,
  "status", "version/version_name", "version/version_number",
  NULL
};

static void
read_vm_base (GObject      *model,
              const Source *source)
{
  g_autoptr(AeroVersion) custom_version = get_version (source, BASE_CUSTOM_MAJOR, BASE_CUSTOM_MINOR);
  g_autoptr(AeroMemoryPolicy) policy = aero_memory_policy_new ();

  aero_memory_policy_set_guaranteed (policy, get_size (source, BASE_GUARANTEED));
  aero_memory_policy_set_max (policy, get_size (source, BASE_MAX));
  aero_memory_policy_set_ballooning (policy, get_tristate (source, BASE_BALLOONING));

  g_object_set (model,
                "id", get_string (source, BASE_ID),
                "name", get_string (source, BASE_NAME),
                "description", get_string (source, BASE_DESCRIPTION),
                "comment", get_string (source, BASE_COMMENT),
                "vm-type", aero_vm_type_from_wire (get_string (source, BASE_TYPE)),
                "memory", get_size (source, BASE_MEMORY),
                "memory-policy", policy,
                "cpu-sockets", get_count (source, BASE_SOCKETS),
                "cpu-cores", get_count (source, BASE_CORES),
                "cpu-threads", get_count (source, BASE_THREADS),
                "cpu-shares", get_count (source, BASE_CPU_SHARES),
                "cluster-id", get_string (source, BASE_CLUSTER),
                "os-type", get_string (source, BASE_OS_TYPE),
                "custom-compatibility-version", custom_version,
                NULL);
}

static AeroVm *
read_vm (const Source *source)
{
  g_autoptr(AeroVm) vm = aero_vm_new ();

  read_vm_base (G_OBJECT (vm), source);
  aero_vm_set_status (vm, aero_vm_status_from_wire (get_string (source, VM_STATUS)));
  aero_vm_set_template_id (vm, get_string (source, VM_TEMPLATE));
  aero_vm_set_host_id (vm, get_string (source, VM_HOST));
  aero_vm_set_next_run_configuration_exists (vm, get_tristate (source, VM_NEXT_RUN));
  aero_vm_set_creation_time (vm, get_size (source, VM_CREATION_TIME));

  return g_steal_pointer (&vm);
}

static AeroTemplate *
read_template (const Source *source)
{
  g_autoptr(AeroTemplate) tmpl = aero_template_new ();

  read_vm_base (G_OBJECT (tmpl), source);
  aero_template_set_status (tmpl, get_string (source, TEMPLATE_STATUS));
  aero_template_set_version_name (tmpl, get_string (source, TEMPLATE_VERSION_NAME));
  aero_template_set_version_number (tmpl, get_count (source, TEMPLATE_VERSION_NUMBER));

  return g_steal_pointer (&tmpl);
}

/* --- clusters --------------------------------------------------------- */

enum {
  CLUSTER_ID,
  CLUSTER_NAME,
  CLUSTER_DESCRIPTION,
  CLUSTER_MAJOR,
  CLUSTER_MINOR,
  CLUSTER_BALLOONING,
  CLUSTER_OVERCOMMIT,
  CLUSTER_HUGEPAGES,
  CLUSTER_KSM,
  CLUSTER_ARCHITECTURE,
  CLUSTER_DATA_CENTER,
  N_CLUSTER_FIELDS
};

static const char * const cluster_paths[] = {
  "id", "name", "description", "version/major", "version/minor", "ballooning_enabled",
  "memory_policy/over_commit/percent", "memory_policy/transparent_hugepages/enabled",
  "ksm/enabled", "cpu/architecture", "data_center/id",
  NULL
};

static AeroCluster *
read_cluster (const Source *source)
{
  g_autoptr(AeroCluster) cluster = aero_cluster_new ();
  g_autoptr(AeroVersion) version = get_version (source, CLUSTER_MAJOR, CLUSTER_MINOR);

  aero_cluster_set_id (cluster, get_string (source, CLUSTER_ID));
  aero_cluster_set_name (cluster, get_string (source, CLUSTER_NAME));
  aero_cluster_set_description (cluster, get_string (source, CLUSTER_DESCRIPTION));
  aero_cluster_set_version (cluster, version);
  aero_cluster_set_ballooning_enabled (cluster, get_tristate (source, CLUSTER_BALLOONING));
  aero_cluster_set_overcommit_percent (cluster, get_count (source, CLUSTER_OVERCOMMIT));
  aero_cluster_set_transparent_hugepages (cluster, get_tristate (source, CLUSTER_HUGEPAGES));
  aero_cluster_set_ksm_enabled (cluster, get_tristate (source, CLUSTER_KSM));
  aero_cluster_set_architecture (cluster, get_string (source, CLUSTER_ARCHITECTURE));
  aero_cluster_set_data_center_id (cluster, get_string (source, CLUSTER_DATA_CENTER));

  return g_steal_pointer (&cluster);
}

/* --- the two sources -------------------------------------------------- */

AeroVm *
aero_json_read_vm (JsonObject *object)
{
  Source source = { object, NULL, vm_paths };

  if (object == NULL)
    return aero_vm_new ();
  return read_vm (&source);
}

AeroTemplate *
aero_json_read_template (JsonObject *object)
{
  Source source = { object, NULL, template_paths };

  if (object == NULL)
    return aero_template_new ();
  return read_template (&source);
}

AeroCluster *
aero_json_read_cluster (JsonObject *object)
{
  Source source = { object, NULL, cluster_paths };

  if (object == NULL)
    return aero_cluster_new ();
  return read_cluster (&source);
}

static gpointer
read_vm_values (const AeroJsonValue *values)
{
  Source source = { NULL, values, vm_paths };

  return read_vm (&source);
}

static gpointer
read_template_values (const AeroJsonValue *values)
{
  Source source = { NULL, values, template_paths };

  return read_template (&source);
}

static gpointer
read_cluster_values (const AeroJsonValue *values)
{
  Source source = { NULL, values, cluster_paths };

  return read_cluster (&source);
}

static const AeroJsonFields vm_fields = { vm_paths, N_VM_FIELDS, BASE_ID, read_vm_values };
static const AeroJsonFields template_fields = {
  template_paths, N_TEMPLATE_FIELDS, BASE_ID, read_template_values
};
static const AeroJsonFields cluster_fields = {
  cluster_paths, N_CLUSTER_FIELDS, CLUSTER_ID, read_cluster_values
};

const AeroJsonFields *
aero_json_get_collection_fields (const char *element)
{
  if (g_strcmp0 (element, "vm") == 0)
    return &vm_fields;
  if (g_strcmp0 (element, "template") == 0)
    return &template_fields;
  if (g_strcmp0 (element, "cluster") == 0)
    return &cluster_fields;
  return NULL;
}
