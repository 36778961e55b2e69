/* aero-demo-render.c - the inventory as the engine writes it (JSON)
 *
 * Members, links and actions follow what oVirt 4.5 engines send, so that
 * bodies are as large as a real engine's (about 8 kB per VM).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "aero-demo-render.h"
#include "aero-demo-seed.h"

#define API "/ovirt-engine/api"

static const char *const vm_actions[] = {
  "autopincpuandnumanodes", "cancelmigration", "clone", "commitsnapshot", "detach", "export",
  "exporttoexportdomain", "exporttopathonhost", "freezefilesystems", "logon", "maintenance",
  "migrate", "previewsnapshot", "reboot", "reordermacaddresses", "reset", "screenshot",
  "shutdown", "start", "stop", "suspend", "thawfilesystems", "ticket", "undosnapshot", NULL
};

static const char *const vm_links[] = {
  "affinitylabels", "applications", "backups", "cdroms", "checkpoints", "diskattachments",
  "graphicsconsoles", "hostdevices", "katelloerrata", "mediateddevices", "nics", "numanodes",
  "permissions", "reporteddevices", "sessions", "snapshots", "statistics", "tags", "watchdogs",
  NULL
};

static const char *const template_links[] = {
  "cdroms", "diskattachments", "graphicsconsoles", "mediateddevices", "nics", "permissions",
  "tags", "watchdogs", NULL
};

static const char *const cluster_links[] = {
  "affinitygroups", "cpuprofiles", "enabledfeatures", "externalnetworkproviders",
  "glusterhooks", "glustervolumes", "networkfilters", "networks", "permissions", NULL
};

static const char *const cluster_actions[] = {
  "refreshglusterhealstatus", "resetemulatedmachine", "syncallnetworks", "upgrade", NULL
};

static const char *const host_links[] = {
  "affinitylabels", "agents", "devices", "externalnetworkproviderconfigurations", "hooks",
  "katelloerrata", "networkattachments", "nics", "numanodes", "permissions", "statistics",
  "storage", "storageconnectionextensions", "tags", "unmanagednetworks", NULL
};

static const char *const host_actions[] = {
  "activate", "approve", "commitnetconfig", "deactivate", "enrollcertificate", "fence",
  "forceselectspm", "install", "refresh", "upgrade", "upgradecheck", NULL
};

static void
write_link_list (AeroDemoWriter    *w,
                 const char        *collection,
                 const char        *id,
                 const char *const *rels)
{
  aero_demo_writer_begin_array (w, "link");
  for (guint i = 0; rels[i] != NULL; i++)
    {
      aero_demo_writer_begin_object (w, NULL);
      aero_demo_writer_href (w, collection, id, rels[i]);
      aero_demo_writer_end_object (w);
    }
  aero_demo_writer_end_array (w);
}

static void
write_actions (AeroDemoWriter    *w,
               const char        *collection,
               const char        *id,
               const char *const *rels)
{
  aero_demo_writer_begin_object (w, "actions");
  write_link_list (w, collection, id, rels);
  aero_demo_writer_end_object (w);
}

static void
write_href (AeroDemoWriter *w,
            const char     *collection,
            const char     *id)
{
  aero_demo_writer_href (w, collection, id, NULL);
}

static void
write_version (AeroDemoWriter *w,
               const char     *key,
               guint           major,
               guint           minor)
{
  aero_demo_writer_begin_object (w, key);
  aero_demo_writer_int (w, "major", major);
  aero_demo_writer_int (w, "minor", minor);
  aero_demo_writer_end_object (w);
}

/* The VmBase members shared by VMs and templates. */
static void
write_config (AeroDemoWriter       *w,
              AeroDemoStore        *store,
              const AeroDemoConfig *conf,
              gint64                creation_time,
              guint                 flags)
{
  aero_demo_writer_begin_object (w, "bios");
  aero_demo_writer_begin_object (w, "boot_menu");
  aero_demo_writer_bool (w, "enabled", FALSE);
  aero_demo_writer_end_object (w);
  aero_demo_writer_string (w, "type", "q35_ovmf");
  aero_demo_writer_end_object (w);
  aero_demo_writer_begin_object (w, "cpu");
  aero_demo_writer_string (w, "architecture", "x86_64");
  aero_demo_writer_begin_object (w, "topology");
  aero_demo_writer_int (w, "cores", conf->cores);
  aero_demo_writer_int (w, "sockets", conf->sockets);
  aero_demo_writer_int (w, "threads", conf->threads);
  aero_demo_writer_end_object (w);
  aero_demo_writer_end_object (w);
  aero_demo_writer_string (w, "cpu_pinning_policy", "none");
  aero_demo_writer_int (w, "cpu_shares", conf->cpu_shares);
  aero_demo_writer_number (w, "creation_time", creation_time);
  if (conf->ccv_major > 0)
    write_version (w, "custom_compatibility_version", conf->ccv_major, conf->ccv_minor);
  aero_demo_writer_bool (w, "delete_protected", FALSE);
  aero_demo_writer_begin_object (w, "display");
  aero_demo_writer_bool (w, "allow_override", FALSE);
  aero_demo_writer_bool (w, "copy_paste_enabled", TRUE);
  aero_demo_writer_string (w, "disconnect_action", "LOCK_SCREEN");
  aero_demo_writer_int (w, "disconnect_action_delay", 0);
  aero_demo_writer_bool (w, "file_transfer_enabled", TRUE);
  aero_demo_writer_int (w, "monitors", 1);
  aero_demo_writer_bool (w, "single_qxl_pci", FALSE);
  aero_demo_writer_bool (w, "smartcard_enabled", FALSE);
  aero_demo_writer_string (w, "type", "vnc");
  aero_demo_writer_end_object (w);
  aero_demo_writer_begin_object (w, "high_availability");
  aero_demo_writer_bool (w, "enabled", FALSE);
  aero_demo_writer_int (w, "priority", 0);
  aero_demo_writer_end_object (w);
  aero_demo_writer_begin_object (w, "io");
  aero_demo_writer_int (w, "threads", 1);
  aero_demo_writer_end_object (w);
  aero_demo_writer_int (w, "memory", conf->memory);
  aero_demo_writer_begin_object (w, "memory_policy");
  if (flags & AERO_DEMO_RENDER_BALLOONING)
    aero_demo_writer_bool (w, "ballooning", conf->ballooning);
  aero_demo_writer_int (w, "guaranteed", conf->guaranteed);
  aero_demo_writer_int (w, "max", conf->max_memory);
  aero_demo_writer_end_object (w);
  aero_demo_writer_begin_object (w, "migration");
  aero_demo_writer_string (w, "auto_converge", "inherit");
  aero_demo_writer_string (w, "compressed", "inherit");
  aero_demo_writer_string (w, "encrypted", "inherit");
  aero_demo_writer_bool (w, "parallel_migrations_policy", FALSE);
  aero_demo_writer_end_object (w);
  aero_demo_writer_int (w, "migration_downtime", -1);
  aero_demo_writer_bool (w, "multi_queues_enabled", TRUE);
  aero_demo_writer_begin_object (w, "os");
  aero_demo_writer_begin_object (w, "boot");
  aero_demo_writer_begin_object (w, "devices");
  aero_demo_writer_begin_array (w, "device");
  aero_demo_writer_string (w, NULL, "hd");
  aero_demo_writer_end_array (w);
  aero_demo_writer_end_object (w);
  aero_demo_writer_end_object (w);
  aero_demo_writer_string (w, "type", conf->os_type);
  aero_demo_writer_end_object (w);
  aero_demo_writer_begin_object (w, "placement_policy");
  aero_demo_writer_string (w, "affinity", "migratable");
  aero_demo_writer_end_object (w);
  aero_demo_writer_begin_object (w, "sso");
  aero_demo_writer_begin_object (w, "methods");
  aero_demo_writer_begin_array (w, "method");
  aero_demo_writer_begin_object (w, NULL);
  aero_demo_writer_string (w, "id", "guest_agent");
  aero_demo_writer_end_object (w);
  aero_demo_writer_end_array (w);
  aero_demo_writer_end_object (w);
  aero_demo_writer_end_object (w);
  aero_demo_writer_bool (w, "start_paused", FALSE);
  aero_demo_writer_bool (w, "stateless", FALSE);
  aero_demo_writer_string (w, "storage_error_resume_behaviour", "auto_resume");
  aero_demo_writer_begin_object (w, "time_zone");
  aero_demo_writer_string (w, "name", "Etc/GMT");
  aero_demo_writer_end_object (w);
  aero_demo_writer_string (w, "type", conf->type);
  aero_demo_writer_begin_object (w, "usb");
  aero_demo_writer_bool (w, "enabled", FALSE);
  aero_demo_writer_end_object (w);
  aero_demo_writer_bool (w, "virtio_scsi_multi_queues_enabled", FALSE);
}

static void
write_cluster_ref (AeroDemoWriter *w,
                   AeroDemoStore  *store,
                   const char     *cluster_id,
                   guint           flags)
{
  AeroDemoCluster *cluster = aero_demo_store_find_cluster (store, cluster_id);

  if (cluster == NULL)
    return;
  if (flags & AERO_DEMO_RENDER_FOLLOW_CLUSTER)
    {
      /* A followed link embeds the whole object under the same key. */
      aero_demo_render_cluster (w, store, cluster, "cluster");
      return;
    }
  aero_demo_writer_ref (w, "cluster", "clusters", cluster->id);
}

void
aero_demo_render_vm (AeroDemoWriter *w,
                     AeroDemoStore  *store,
                     AeroDemoVm     *vm,
                     guint           flags)
{
  const AeroDemoConfig *conf = vm->conf;
  AeroDemoConfig shown;

  if ((flags & AERO_DEMO_RENDER_NEXT_RUN) && vm->next_run != NULL)
    conf = vm->next_run;
  else if ((flags & AERO_DEMO_RENDER_NEXT_RUN) && vm->persistent != NULL)
    conf = vm->persistent;
  else if (vm->next_run != NULL
           && !aero_demo_version_balloon_is_field (aero_demo_store_get_version (store)))
    {
      /* Up to 4.4.6.4 the balloon is read with IsBalloonEnabledQuery,
       * which looks in the next-run configuration when there is one,
       * for the plain GET too (ovirt-engine: MemoryPolicyHelper). */
      shown = *conf;
      shown.ballooning = vm->next_run->ballooning;
      conf = &shown;
    }

  aero_demo_writer_begin_object (w, NULL);
  aero_demo_writer_bool (w, "next_run_configuration_exists", vm->next_run != NULL);
  aero_demo_writer_string (w, "numa_tune_mode", "interleave");
  aero_demo_writer_bool (w, "run_once", vm->run_once);
  if (vm->start_time > 0 && aero_demo_vm_is_live (vm))
    aero_demo_writer_number (w, "start_time", vm->start_time);
  aero_demo_writer_string (w, "status", vm->status);
  if (vm->stop_time > 0 && !aero_demo_vm_is_live (vm))
    aero_demo_writer_number (w, "stop_time", vm->stop_time);
  if (vm->template_id != NULL)
    aero_demo_writer_ref (w, "original_template", "templates", vm->template_id);
  if (vm->template_id != NULL)
    {
      AeroDemoTemplate *tmpl = aero_demo_store_find_template (store, vm->template_id);

      if (tmpl != NULL && (flags & AERO_DEMO_RENDER_FOLLOW_TEMPLATE))
        aero_demo_render_template (w, store, tmpl, AERO_DEMO_RENDER_BALLOONING, "template");
      else
        aero_demo_writer_ref (w, "template", "templates", vm->template_id);
    }
  write_actions (w, "vms", vm->id, vm_actions);
  aero_demo_writer_string (w, "name", conf->name);
  aero_demo_writer_string (w, "description", conf->description);
  aero_demo_writer_string (w, "comment", conf->comment);
  write_href (w, "vms", vm->id);
  write_config (w, store, conf, vm->creation_time, flags);
  if (aero_demo_store_vm_host (store, vm) != NULL)
    aero_demo_writer_ref (w, "host", "hosts", aero_demo_store_vm_host (store, vm)->id);
  write_cluster_ref (w, store, conf->cluster_id, flags);
  aero_demo_writer_ref (w, "cpu_profile", "cpuprofiles", "e0000000-0000-4000-8000-000000000001");
  aero_demo_writer_ref (w, "large_icon", "icons", "f0000000-0000-4000-8000-000000000001");
  aero_demo_writer_ref (w, "small_icon", "icons", "f0000000-0000-4000-8000-000000000002");
  aero_demo_writer_begin_object (w, "quota");
  aero_demo_writer_string (w, "id", "90000000-0000-4000-8000-000000000001");
  aero_demo_writer_end_object (w);
  write_link_list (w, "vms", vm->id, vm_links);
  aero_demo_writer_end_object (w);
}

void
aero_demo_render_template (AeroDemoWriter   *w,
                           AeroDemoStore    *store,
                           AeroDemoTemplate *tmpl,
                           guint             flags,
                           const char       *key)
{
  aero_demo_writer_begin_object (w, key);
  aero_demo_writer_begin_object (w, "actions");
  aero_demo_writer_begin_array (w, "link");
  {
    g_autofree char *href = g_strdup_printf (API "/templates/%s/export", tmpl->id);

    aero_demo_writer_begin_object (w, NULL);
    aero_demo_writer_string (w, "href", href);
    aero_demo_writer_string (w, "rel", "export");
    aero_demo_writer_end_object (w);
  }
  aero_demo_writer_end_array (w);
  aero_demo_writer_end_object (w);
  aero_demo_writer_string (w, "name", tmpl->conf->name);
  aero_demo_writer_string (w, "description", tmpl->conf->description);
  aero_demo_writer_string (w, "comment", tmpl->conf->comment);
  write_href (w, "templates", tmpl->id);
  write_config (w, store, tmpl->conf, tmpl->creation_time, flags);
  aero_demo_writer_string (w, "status", "ok");
  aero_demo_writer_begin_object (w, "version");
  aero_demo_writer_string (w, "version_name", "base version");
  aero_demo_writer_int (w, "version_number", 1);
  aero_demo_writer_ref (w, "base_template", "templates", tmpl->id);
  aero_demo_writer_end_object (w);
  if (tmpl->conf->cluster_id != NULL)
    aero_demo_writer_ref (w, "cluster", "clusters", tmpl->conf->cluster_id);
  write_link_list (w, "templates", tmpl->id, template_links);
  aero_demo_writer_end_object (w);
}

void
aero_demo_render_cluster (AeroDemoWriter  *w,
                          AeroDemoStore   *store,
                          AeroDemoCluster *c,
                          const char      *key)
{
  aero_demo_writer_begin_object (w, key);
  write_actions (w, "clusters", c->id, cluster_actions);
  aero_demo_writer_string (w, "name", c->name);
  aero_demo_writer_string (w, "description", c->description);
  aero_demo_writer_string (w, "comment", "");
  write_href (w, "clusters", c->id);
  aero_demo_writer_bool (w, "ballooning_enabled", c->ballooning_enabled);
  aero_demo_writer_string (w, "bios_type", c->major >= 4 ? "q35_ovmf" : "i440fx_sea_bios");
  aero_demo_writer_begin_object (w, "cpu");
  aero_demo_writer_string (w, "architecture", c->architecture);
  aero_demo_writer_string (w, "type", c->major >= 4 ? "Secure Intel Cascadelake Server Family"
                                                   : "Intel Conroe Family");
  aero_demo_writer_end_object (w);
  aero_demo_writer_begin_object (w, "error_handling");
  aero_demo_writer_string (w, "on_error", "migrate");
  aero_demo_writer_end_object (w);
  aero_demo_writer_bool (w, "gluster_service", FALSE);
  aero_demo_writer_bool (w, "ha_reservation", FALSE);
  aero_demo_writer_begin_object (w, "ksm");
  aero_demo_writer_bool (w, "enabled", c->ksm);
  aero_demo_writer_bool (w, "merge_across_nodes", TRUE);
  aero_demo_writer_end_object (w);
  aero_demo_writer_begin_object (w, "memory_policy");
  aero_demo_writer_begin_object (w, "over_commit");
  aero_demo_writer_int (w, "percent", c->over_commit);
  aero_demo_writer_end_object (w);
  aero_demo_writer_begin_object (w, "transparent_hugepages");
  aero_demo_writer_bool (w, "enabled", c->thp);
  aero_demo_writer_end_object (w);
  aero_demo_writer_end_object (w);
  aero_demo_writer_bool (w, "threads_as_cores", FALSE);
  aero_demo_writer_bool (w, "trusted_service", FALSE);
  aero_demo_writer_bool (w, "tunnel_migration", FALSE);
  write_version (w, "version", c->major, c->minor);
  aero_demo_writer_bool (w, "virt_service", TRUE);
  aero_demo_writer_ref (w, "data_center", "datacenters", AERO_DEMO_DATA_CENTER_ID);
  write_link_list (w, "clusters", c->id, cluster_links);
  aero_demo_writer_end_object (w);
}

void
aero_demo_render_data_center (AeroDemoWriter *w,
                              AeroDemoStore  *store)
{
  aero_demo_writer_begin_object (w, NULL);
  aero_demo_writer_string (w, "name", "Default");
  aero_demo_writer_string (w, "description", "The default Data Center");
  write_href (w, "datacenters", AERO_DEMO_DATA_CENTER_ID);
  aero_demo_writer_bool (w, "local", FALSE);
  aero_demo_writer_string (w, "quota_mode", "disabled");
  aero_demo_writer_string (w, "status", "up");
  aero_demo_writer_string (w, "storage_format", "v5");
  write_version (w, "version", 4, 7);
  aero_demo_writer_end_object (w);
}

static void
write_summary_item (AeroDemoWriter *w,
                    const char     *key,
                    guint           active,
                    guint           total)
{
  aero_demo_writer_begin_object (w, key);
  aero_demo_writer_int (w, "active", active);
  aero_demo_writer_int (w, "total", total);
  aero_demo_writer_end_object (w);
}

void
aero_demo_render_api (AeroDemoWriter *w,
                      AeroDemoStore  *store,
                      const char     *owner)
{
  static const char *const collections[] = {
    "clusters", "datacenters", "hosts", "templates", "vms", "users", NULL
  };
  GPtrArray *vms = aero_demo_store_get_vms (store);
  const AeroDemoVersion *version = aero_demo_store_get_version (store);
  g_autofree char *full_version = aero_demo_version_dup_full (version);
  guint active = 0, total = 0;

  for (guint i = 0; i < vms->len; i++)
    {
      AeroDemoVm *vm = g_ptr_array_index (vms, i);

      if (owner != NULL && g_strcmp0 (vm->owner, owner) != 0)
        continue;
      total++;
      if (aero_demo_vm_is_live (vm) && g_strcmp0 (vm->status, "suspended") != 0)
        active++;
    }

  aero_demo_writer_begin_object (w, NULL);
  aero_demo_writer_begin_array (w, "link");
  for (guint i = 0; collections[i] != NULL; i++)
    {
      g_autofree char *href = g_strdup_printf (API "/%s", collections[i]);
      g_autofree char *search_href = g_strdup_printf (API "/%s?search={query}", collections[i]);
      g_autofree char *search_rel = g_strdup_printf ("%s/search", collections[i]);

      aero_demo_writer_begin_object (w, NULL);
      aero_demo_writer_string (w, "href", href);
      aero_demo_writer_string (w, "rel", collections[i]);
      aero_demo_writer_end_object (w);
      aero_demo_writer_begin_object (w, NULL);
      aero_demo_writer_string (w, "href", search_href);
      aero_demo_writer_string (w, "rel", search_rel);
      aero_demo_writer_end_object (w);
    }
  aero_demo_writer_end_array (w);
  aero_demo_writer_begin_object (w, "product_info");
  aero_demo_writer_string (w, "instance_id", "5a1ed0a0-0000-4000-8000-000000000001");
  aero_demo_writer_string (w, "name", "oVirt Engine");
  aero_demo_writer_string (w, "vendor", "ovirt.org");
  /* GetProductVersionQuery: major, minor and build from the RPM version,
   * revision always 0; the RPM version itself is full_version. */
  aero_demo_writer_begin_object (w, "version");
  aero_demo_writer_int (w, "build", version->build);
  aero_demo_writer_string (w, "full_version", full_version);
  aero_demo_writer_int (w, "major", version->major);
  aero_demo_writer_int (w, "minor", version->minor);
  aero_demo_writer_int (w, "revision", 0);
  aero_demo_writer_end_object (w);
  aero_demo_writer_end_object (w);
  aero_demo_writer_begin_object (w, "special_objects");
  aero_demo_writer_ref (w, "blank_template", "templates", AERO_DEMO_BLANK_TEMPLATE_ID);
  aero_demo_writer_ref (w, "root_tag", "tags", "00000000-0000-0000-0000-000000000000");
  aero_demo_writer_end_object (w);
  aero_demo_writer_begin_object (w, "summary");
  write_summary_item (w, "hosts", aero_demo_store_get_hosts (store)->len,
                      aero_demo_store_get_hosts (store)->len);
  write_summary_item (w, "storage_domains", 1, 1);
  write_summary_item (w, "users", 2, 2);
  write_summary_item (w, "vms", active, total);
  aero_demo_writer_end_object (w);
  aero_demo_writer_number (w, "time", aero_demo_store_now_ms (store));
  aero_demo_writer_end_object (w);
}

/* Memory as the guest reports it. A running VM's balloon gives memory
 * back, down to its guaranteed memory, when its host is short of memory;
 * without a balloon device the guest always has all of its memory. The
 * guest's use moves with the clock and stays put while frozen. */
static void
compute_memory (AeroDemoStore *store,
                AeroDemoVm    *vm,
                gint64         values[6])
{
  const AeroDemoConfig *conf = vm->conf;
  gboolean running = g_strcmp0 (vm->status, "up") == 0 || g_strcmp0 (vm->status, "paused") == 0;
  double t = aero_demo_store_clock (store);
  double phase = vm->serial * 0.7;
  gint64 installed = conf->memory;
  gint64 used = 0;

  if (running)
    {
      /* What MOM's balloon holds back on its host (aero-demo-hosts.c). */
      installed = aero_demo_store_vm_balloon_size (store, vm);
      used = (gint64) (installed * (0.35 + 0.3 * (0.5 + 0.5 * sin (t / 5.0 + phase * 1.3))));
      used -= used % 4096;
    }
  values[0] = installed;              /* installed */
  values[1] = used;                   /* used */
  values[2] = running ? installed - used : 0;  /* free */
  values[3] = used / 20;              /* buffered */
  values[4] = used / 6;               /* cached */
  values[5] = running ? installed - used : 0;  /* unused */
}

void
aero_demo_render_statistics (AeroDemoWriter *w,
                             AeroDemoStore  *store,
                             AeroDemoVm     *vm)
{
  static const char *const names[] = {
    "memory.installed", "memory.used", "memory.free", "memory.buffered", "memory.cached", "memory.unused"
  };
  static const char *const descriptions[] = {
    "Total memory configured", "Memory used (agent)", "Memory free (agent)",
    "Memory buffered (agent)", "Memory cached (agent)", "Memory unused (agent)"
  };
  gint64 values[6];

  compute_memory (store, vm, values);
  aero_demo_writer_begin_object (w, NULL);
  aero_demo_writer_begin_array (w, "statistic");
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *id = g_strdup_printf ("%08x-0000-4000-8000-%012x", i + 1, vm->serial);
      g_autofree char *href = g_strdup_printf (API "/vms/%s/statistics/%s", vm->id, id);

      aero_demo_writer_begin_object (w, NULL);
      aero_demo_writer_string (w, "kind", "gauge");
      aero_demo_writer_string (w, "type", "integer");
      aero_demo_writer_string (w, "unit", "bytes");
      aero_demo_writer_begin_object (w, "values");
      aero_demo_writer_begin_array (w, "value");
      aero_demo_writer_begin_object (w, NULL);
      aero_demo_writer_double (w, "datum", (double) values[i]);
      aero_demo_writer_end_object (w);
      aero_demo_writer_end_array (w);
      aero_demo_writer_end_object (w);
      aero_demo_writer_ref (w, "vm", "vms", vm->id);
      aero_demo_writer_string (w, "name", names[i]);
      aero_demo_writer_string (w, "description", descriptions[i]);
      aero_demo_writer_string (w, "href", href);
      aero_demo_writer_string (w, "id", id);
      aero_demo_writer_end_object (w);
    }
  aero_demo_writer_end_array (w);
  aero_demo_writer_end_object (w);
}

void
aero_demo_render_devices (AeroDemoWriter *w,
                          AeroDemoStore  *store,
                          AeroDemoVm     *vm)
{
  gboolean balloon = aero_demo_store_balloon_device (store, vm->conf);
  const char *model = balloon ? "virtio" : "none";
  g_autofree char *domain_xml = g_strdup_printf ("<memballoon model='%s'/>", model);

  /* Not in the real API: the devices as VDSM would receive them. */
  aero_demo_writer_begin_object (w, NULL);
  aero_demo_writer_begin_array (w, "device");
  aero_demo_writer_begin_object (w, NULL);
  aero_demo_writer_string (w, "type", "balloon");
  aero_demo_writer_string (w, "device", "memballoon");
  aero_demo_writer_string (w, "model", model);
  aero_demo_writer_string (w, "libvirt", domain_xml);
  aero_demo_writer_end_object (w);
  aero_demo_writer_begin_object (w, NULL);
  aero_demo_writer_string (w, "type", "video");
  aero_demo_writer_string (w, "device", "vga");
  aero_demo_writer_end_object (w);
  aero_demo_writer_begin_object (w, NULL);
  aero_demo_writer_string (w, "type", "controller");
  aero_demo_writer_string (w, "device", "virtio-scsi");
  aero_demo_writer_end_object (w);
  aero_demo_writer_end_array (w);
  aero_demo_writer_end_object (w);
}

static void
write_statistic (AeroDemoWriter *w,
                 const char     *owner_key,
                 const char     *collection,
                 const char     *owner_id,
                 guint           index,
                 const char     *name,
                 const char     *description,
                 const char     *unit,
                 gboolean        decimal,
                 double          value)
{
  g_autofree char *id = g_strdup_printf ("%08x-0000-4000-8000-00000000b%03x", index + 1, index);
  g_autofree char *href = g_strdup_printf (API "/%s/%s/statistics/%s", collection, owner_id, id);

  aero_demo_writer_begin_object (w, NULL);
  aero_demo_writer_string (w, "kind", "gauge");
  aero_demo_writer_string (w, "type", decimal ? "decimal" : "integer");
  aero_demo_writer_string (w, "unit", unit);
  aero_demo_writer_begin_object (w, "values");
  aero_demo_writer_begin_array (w, "value");
  aero_demo_writer_begin_object (w, NULL);
  aero_demo_writer_double (w, "datum", value);
  aero_demo_writer_end_object (w);
  aero_demo_writer_end_array (w);
  aero_demo_writer_end_object (w);
  aero_demo_writer_ref (w, owner_key, collection, owner_id);
  aero_demo_writer_string (w, "name", name);
  aero_demo_writer_string (w, "description", description);
  aero_demo_writer_string (w, "href", href);
  aero_demo_writer_string (w, "id", id);
  aero_demo_writer_end_object (w);
}

/* ovirt-engine: backend/manager/modules/restapi/jaxrs/.../HostStatisticalQuery.java:
 * names, descriptions and units as the engine sends them (the CPU and
 * boot time figures are left out: nothing here reads them). */
void
aero_demo_render_host_statistics (AeroDemoWriter *w,
                                  AeroDemoStore  *store,
                                  AeroDemoHost   *host,
                                  const char     *key)
{
  AeroDemoHostLoad load;
  const struct {
    const char *name;
    const char *description;
    const char *unit;
    gboolean    decimal;
    double      value;
  } stats[] = {
    { "memory.total", "Total memory", "bytes", FALSE, 0 },
    { "memory.used", "Used memory", "bytes", FALSE, 0 },
    { "memory.free", "Free memory", "bytes", FALSE, 0 },
    { "memory.shared", "The amount of memory, in bytes, shared among Virtual-Machines on this Host "
                       "by Kernel Same-page Merging (KSM)", "bytes", FALSE, 0 },
    { "swap.total", "Total swap", "bytes", FALSE, 0 },
    { "swap.free", "Free swap", "bytes", FALSE, 0 },
    { "swap.used", "Used swap", "bytes", FALSE, 0 },
    { "ksm.cpu.current", "KSM CPU usage", "percent", TRUE, 0 },
  };
  double values[G_N_ELEMENTS (stats)];

  aero_demo_store_host_load (store, host, &load);
  values[0] = host->memory;
  values[1] = load.used;
  values[2] = load.free;
  values[3] = load.shared;
  values[4] = load.swap_total;
  values[5] = load.swap_total - load.swap_used;
  values[6] = load.swap_used;
  values[7] = load.ksm_cpu;

  aero_demo_writer_begin_object (w, key);
  aero_demo_writer_begin_array (w, "statistic");
  for (guint i = 0; i < G_N_ELEMENTS (stats); i++)
    write_statistic (w, "host", "hosts", host->id, i, stats[i].name, stats[i].description,
                     stats[i].unit, stats[i].decimal, values[i]);
  aero_demo_writer_end_array (w);
  aero_demo_writer_end_object (w);
}

void
aero_demo_render_host (AeroDemoWriter *w,
                       AeroDemoStore  *store,
                       AeroDemoHost   *host,
                       guint           flags)
{
  AeroDemoCluster *cluster = aero_demo_store_find_cluster (store, host->cluster_id);
  AeroDemoHostLoad load;

  aero_demo_store_host_load (store, host, &load);
  aero_demo_writer_begin_object (w, NULL);
  write_actions (w, "hosts", host->id, host_actions);
  aero_demo_writer_string (w, "name", host->name);
  aero_demo_writer_string (w, "comment", "");
  write_href (w, "hosts", host->id);
  aero_demo_writer_string (w, "address", host->address);
  aero_demo_writer_begin_object (w, "ksm");
  aero_demo_writer_bool (w, "enabled", cluster != NULL && cluster->ksm);
  aero_demo_writer_bool (w, "merge_across_nodes", TRUE);
  aero_demo_writer_end_object (w);
  aero_demo_writer_int (w, "max_scheduling_memory", load.max_scheduling);
  aero_demo_writer_int (w, "memory", host->memory);
  aero_demo_writer_int (w, "port", 54321);
  aero_demo_writer_string (w, "status", "up");
  aero_demo_writer_begin_object (w, "summary");
  aero_demo_writer_int (w, "active", load.running);
  aero_demo_writer_int (w, "migrating", 0);
  aero_demo_writer_int (w, "total", load.running);
  aero_demo_writer_end_object (w);
  aero_demo_writer_begin_object (w, "transparent_hugepages");
  aero_demo_writer_bool (w, "enabled", cluster != NULL && cluster->thp);
  aero_demo_writer_end_object (w);
  aero_demo_writer_string (w, "type", "rhel");
  aero_demo_writer_ref (w, "cluster", "clusters", host->cluster_id);
  if (flags & AERO_DEMO_RENDER_FOLLOW_STATISTICS)
    aero_demo_render_host_statistics (w, store, host, "statistics");
  aero_demo_writer_string (w, "id", host->id);
  write_link_list (w, "hosts", host->id, host_links);
  aero_demo_writer_end_object (w);
}
