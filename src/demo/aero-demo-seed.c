/* aero-demo-seed.c - the demo engine's initial inventory
 *
 * The seed inventory is fixed and deterministic: tests and screenshots
 * depend on every name, id and value below.
 *
 * Data centre "Default" (d0000000-0000-4000-8000-000000000001).
 *
 * Clusters (ids c0000000-0000-4000-8000-00000000000N):
 *   1 Legacy          3.0  over-commit 100 %, KSM off, ballooning off
 *   2 Production-3.1  3.1  over-commit 150 %, KSM on,  ballooning off (< 3.3)
 *   3 Stable          3.6  over-commit 200 %, KSM on,  ballooning on
 *   4 Default         4.7  over-commit 150 %, KSM off, ballooning on
 *   5 Overnight       4.2  over-commit 200 %, KSM off, ballooning off
 *                     (made before the engine asked for KSM or ballooning
 *                     with over-commit: no safety net; any edit that keeps
 *                     it so is refused)
 *
 * Templates:
 *   Blank          00000000-0000-0000-0000-000000000000 (as in oVirt)
 *                  desktop, 1 GiB, guaranteed 1 GiB, max 4 GiB, balloon on
 *   rhel9-server   70000000-0000-4000-8000-000000000001, on Default
 *                  server, 4 GiB, guaranteed 2 GiB, max 16 GiB, balloon on
 *   win11-desktop  70000000-0000-4000-8000-000000000002, on Default
 *                  desktop, 8 GiB, guaranteed 4 GiB, max 32 GiB, balloon on
 *
 * VMs (ids a0000000-0000-4000-8000-0000000000NN, NN = serial in hex):
 *   Default 4.7:  web-01 up, web-02 up, web-03 down, web-04 down,
 *                 web-05 paused (web-* servers, 4 GiB, balloon on),
 *                 db-01 up (16 GiB, guaranteed 16 GiB),
 *                 hpc-01 down (High Performance, balloon off),
 *                 desk-alice up, desk-bob suspended, desk-carol down
 *                 (desktops owned by user@internal: its filtered view),
 *                 build-01 up, mon-01 up, ci-runner-01 down,
 *                 ci-runner-02 up, win-test-01 down, win-test-02 up,
 *                 app-42 down (custom compatibility version 4.2),
 *                 compat-legacy down (custom compatibility version 3.0,
 *                 so its effective level is 3.0 and its balloon is off)
 *   Legacy 3.0:   legacy-db up, legacy-web down, legacy-mail suspended
 *                 (all balloon off: the device does not exist before 3.1)
 *   Production-3.1: prod-app-01 up (on), prod-app-02 down (off, as if
 *                 upgraded from before the feature), prod-db down (on),
 *                 prod-cache paused (off, upgraded)
 *   Stable 3.6:   stable-01 up (on), stable-02 up (off, upgraded),
 *                 stable-03 down (on), stable-04 suspended (off,
 *                 upgraded), stable-05 down (on)
 *   Overnight 4.2: night-01 up (8 GiB, guaranteed 4, on), night-02 up
 *                 (8 GiB, guaranteed 8, off), night-03 up (8 GiB,
 *                 guaranteed 4, on)
 *
 * Hosts (ids b0000000-0000-4000-8000-0000000000NN), physical memory:
 *   Legacy: legacy-host-01 16 GiB; Production-3.1: prod-host-01 16 GiB;
 *   Stable: stable-host-01 8 GiB (100 % committed: MOM's balloon takes
 *   stable-01 down to its guaranteed memory); Default: host-01 32 GiB and
 *   host-02 24 GiB (over-committed, ballooned); Overnight: night-host-01
 *   16 GiB (150 % committed and nothing to take it back: it swaps).
 *   Running VMs go to the host of their cluster with the most memory
 *   left, in serial order (aero-demo-hosts.c).
 *
 * Test scenarios: a down 4.7 VM with ballooning on (web-03), an up 4.7 VM
 * (web-01), a 3.0 VM (legacy-db), a 3.1 VM (prod-app-01), a High
 * Performance VM (hpc-01).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "aero-demo-seed.h"

#define GIB AERO_DEMO_GIB

#define CLUSTER_LEGACY "c0000000-0000-4000-8000-000000000001"
#define CLUSTER_PROD31 "c0000000-0000-4000-8000-000000000002"
#define CLUSTER_STABLE "c0000000-0000-4000-8000-000000000003"
#define CLUSTER_DEFAULT "c0000000-0000-4000-8000-000000000004"
#define CLUSTER_NIGHT "c0000000-0000-4000-8000-000000000005"
#define TEMPLATE_RHEL "70000000-0000-4000-8000-000000000001"
#define TEMPLATE_WIN "70000000-0000-4000-8000-000000000002"

char *
aero_demo_seed_vm_id (guint serial)
{
  return g_strdup_printf ("a0000000-0000-4000-8000-%012x", serial);
}

static AeroDemoCluster *
cluster_new (const char *id,
             const char *name,
             const char *description,
             guint       major,
             guint       minor,
             guint       over_commit,
             gboolean    ksm,
             gboolean    ballooning)
{
  AeroDemoCluster *c = g_new0 (AeroDemoCluster, 1);

  c->id = g_strdup (id);
  c->name = g_strdup (name);
  c->description = g_strdup (description);
  c->major = major;
  c->minor = minor;
  c->over_commit = over_commit;
  c->ksm = ksm;
  c->ballooning_enabled = ballooning;
  c->thp = major >= 4;
  c->architecture = g_strdup ("x86_64");
  return c;
}

static AeroDemoConfig *
config_new (const char *name,
            const char *type,
            gint64      memory,
            gint64      guaranteed,
            gint64      max_memory,
            gboolean    ballooning,
            const char *os_type,
            const char *cluster_id)
{
  AeroDemoConfig *conf = g_new0 (AeroDemoConfig, 1);

  conf->name = g_strdup (name);
  conf->description = g_strdup ("");
  conf->comment = g_strdup ("");
  conf->type = g_strdup (type);
  conf->memory = memory;
  conf->guaranteed = guaranteed;
  conf->max_memory = max_memory;
  conf->ballooning = ballooning;
  conf->sockets = memory >= 8 * GIB ? 2 : 1;
  conf->cores = 1;
  conf->threads = 1;
  conf->cpu_shares = 0;
  conf->os_type = g_strdup (os_type);
  conf->cluster_id = g_strdup (cluster_id);
  return conf;
}

static void
add_template (GPtrArray      *templates,
              const char     *id,
              AeroDemoConfig *conf,
              const char     *description)
{
  AeroDemoTemplate *t = g_new0 (AeroDemoTemplate, 1);

  t->id = g_strdup (id);
  t->conf = conf;
  g_free (conf->description);
  conf->description = g_strdup (description);
  t->creation_time = AERO_DEMO_SEED_EPOCH_MS - G_GINT64_CONSTANT (86400000) * 30;
  g_ptr_array_add (templates, t);
}

static AeroDemoVm *
add_vm (GPtrArray      *vms,
        AeroDemoConfig *conf,
        const char     *status,
        const char     *template_id,
        const char     *owner)
{
  AeroDemoVm *vm = g_new0 (AeroDemoVm, 1);
  guint serial = vms->len + 1;

  vm->id = aero_demo_seed_vm_id (serial);
  vm->serial = serial;
  vm->conf = conf;
  vm->status = g_strdup (status);
  vm->template_id = g_strdup (template_id);
  vm->owner = g_strdup (owner);
  vm->creation_time = AERO_DEMO_SEED_EPOCH_MS - G_GINT64_CONSTANT (3600000) * (200 - serial);
  if (g_strcmp0 (status, "down") == 0)
    vm->stop_time = AERO_DEMO_SEED_EPOCH_MS - G_GINT64_CONSTANT (60000) * serial;
  else
    vm->start_time = AERO_DEMO_SEED_EPOCH_MS - G_GINT64_CONSTANT (60000) * serial;
  g_ptr_array_add (vms, vm);
  return vm;
}

static void
seed_clusters_and_templates (GPtrArray *clusters,
                             GPtrArray *templates)
{
  g_ptr_array_add (clusters, cluster_new (CLUSTER_LEGACY, "Legacy",
                                          "Hosts kept at the 3.0 level", 3, 0, 100, FALSE, FALSE));
  g_ptr_array_add (clusters, cluster_new (CLUSTER_PROD31, "Production-3.1",
                                          "Production at the 3.1 level", 3, 1, 150, TRUE, FALSE));
  g_ptr_array_add (clusters, cluster_new (CLUSTER_STABLE, "Stable",
                                          "Stable workloads", 3, 6, 200, TRUE, TRUE));
  g_ptr_array_add (clusters, cluster_new (CLUSTER_DEFAULT, "Default",
                                          "The default server cluster", 4, 7, 150, FALSE, TRUE));
  g_ptr_array_add (clusters, cluster_new (CLUSTER_NIGHT, "Overnight",
                                          "Overnight batch jobs", 4, 2, 200, FALSE, FALSE));

  add_template (templates, AERO_DEMO_BLANK_TEMPLATE_ID,
                config_new ("Blank", "desktop", 1 * GIB, 1 * GIB, 4 * GIB, TRUE, "other", NULL),
                "Blank template");
  add_template (templates, TEMPLATE_RHEL,
                config_new ("rhel9-server", "server", 4 * GIB, 2 * GIB, 16 * GIB, TRUE,
                            "rhel_9x64", CLUSTER_DEFAULT),
                "Red Hat Enterprise Linux 9 server");
  add_template (templates, TEMPLATE_WIN,
                config_new ("win11-desktop", "desktop", 8 * GIB, 4 * GIB, 32 * GIB, TRUE,
                            "windows_11", CLUSTER_DEFAULT),
                "Windows 11 desktop");
}

typedef struct
{
  const char *name;
  const char *cluster;
  const char *status;
  const char *type;
  guint       memory_gib;
  guint       guaranteed_gib;
  gboolean    ballooning;
  const char *template_id;
  const char *owner;
  guint       ccv_major;
  guint       ccv_minor;
} SeedVm;

static const SeedVm seed_vms[] = {
  { "web-01", CLUSTER_DEFAULT, "up", "server", 4, 2, TRUE, TEMPLATE_RHEL, NULL, 0, 0 },
  { "web-02", CLUSTER_DEFAULT, "up", "server", 4, 2, TRUE, TEMPLATE_RHEL, NULL, 0, 0 },
  { "web-03", CLUSTER_DEFAULT, "down", "server", 4, 2, TRUE, TEMPLATE_RHEL, NULL, 0, 0 },
  { "web-04", CLUSTER_DEFAULT, "down", "server", 4, 2, TRUE, TEMPLATE_RHEL, NULL, 0, 0 },
  { "web-05", CLUSTER_DEFAULT, "paused", "server", 4, 2, TRUE, TEMPLATE_RHEL, NULL, 0, 0 },
  { "db-01", CLUSTER_DEFAULT, "up", "server", 16, 16, TRUE, TEMPLATE_RHEL, NULL, 0, 0 },
  { "hpc-01", CLUSTER_DEFAULT, "down", "high_performance", 32, 32, FALSE, AERO_DEMO_BLANK_TEMPLATE_ID, NULL, 0, 0 },
  { "desk-alice", CLUSTER_DEFAULT, "up", "desktop", 8, 4, TRUE, TEMPLATE_WIN, AERO_DEMO_USER, 0, 0 },
  { "desk-bob", CLUSTER_DEFAULT, "suspended", "desktop", 8, 4, TRUE, TEMPLATE_WIN, AERO_DEMO_USER, 0, 0 },
  { "desk-carol", CLUSTER_DEFAULT, "down", "desktop", 4, 2, TRUE, TEMPLATE_WIN, AERO_DEMO_USER, 0, 0 },
  { "build-01", CLUSTER_DEFAULT, "up", "server", 8, 4, TRUE, TEMPLATE_RHEL, NULL, 0, 0 },
  { "mon-01", CLUSTER_DEFAULT, "up", "server", 2, 1, TRUE, AERO_DEMO_BLANK_TEMPLATE_ID, NULL, 0, 0 },
  { "ci-runner-01", CLUSTER_DEFAULT, "down", "server", 8, 4, TRUE, TEMPLATE_RHEL, NULL, 0, 0 },
  { "ci-runner-02", CLUSTER_DEFAULT, "up", "server", 8, 4, TRUE, TEMPLATE_RHEL, NULL, 0, 0 },
  { "win-test-01", CLUSTER_DEFAULT, "down", "desktop", 8, 4, TRUE, TEMPLATE_WIN, NULL, 0, 0 },
  { "app-42", CLUSTER_DEFAULT, "down", "server", 4, 2, TRUE, TEMPLATE_RHEL, NULL, 4, 2 },
  { "compat-legacy", CLUSTER_DEFAULT, "down", "server", 2, 2, FALSE, AERO_DEMO_BLANK_TEMPLATE_ID, NULL, 3, 0 },
  { "legacy-db", CLUSTER_LEGACY, "up", "server", 2, 2, FALSE, AERO_DEMO_BLANK_TEMPLATE_ID, NULL, 0, 0 },
  { "legacy-web", CLUSTER_LEGACY, "down", "server", 1, 1, FALSE, AERO_DEMO_BLANK_TEMPLATE_ID, NULL, 0, 0 },
  { "legacy-mail", CLUSTER_LEGACY, "suspended", "server", 1, 1, FALSE, AERO_DEMO_BLANK_TEMPLATE_ID, NULL, 0, 0 },
  { "prod-app-01", CLUSTER_PROD31, "up", "server", 4, 3, TRUE, AERO_DEMO_BLANK_TEMPLATE_ID, NULL, 0, 0 },
  { "prod-app-02", CLUSTER_PROD31, "down", "server", 4, 3, FALSE, AERO_DEMO_BLANK_TEMPLATE_ID, NULL, 0, 0 },
  { "prod-db", CLUSTER_PROD31, "down", "server", 8, 6, TRUE, AERO_DEMO_BLANK_TEMPLATE_ID, NULL, 0, 0 },
  { "prod-cache", CLUSTER_PROD31, "paused", "server", 2, 2, FALSE, AERO_DEMO_BLANK_TEMPLATE_ID, NULL, 0, 0 },
  { "stable-01", CLUSTER_STABLE, "up", "server", 4, 2, TRUE, AERO_DEMO_BLANK_TEMPLATE_ID, NULL, 0, 0 },
  { "stable-02", CLUSTER_STABLE, "up", "server", 4, 2, FALSE, AERO_DEMO_BLANK_TEMPLATE_ID, NULL, 0, 0 },
  { "stable-03", CLUSTER_STABLE, "down", "desktop", 2, 1, TRUE, AERO_DEMO_BLANK_TEMPLATE_ID, NULL, 0, 0 },
  { "stable-04", CLUSTER_STABLE, "suspended", "desktop", 2, 1, FALSE, AERO_DEMO_BLANK_TEMPLATE_ID, NULL, 0, 0 },
  { "stable-05", CLUSTER_STABLE, "down", "server", 8, 4, TRUE, AERO_DEMO_BLANK_TEMPLATE_ID, NULL, 0, 0 },
  { "win-test-02", CLUSTER_DEFAULT, "up", "desktop", 8, 4, TRUE, TEMPLATE_WIN, NULL, 0, 0 },
  { "night-01", CLUSTER_NIGHT, "up", "server", 8, 4, TRUE, AERO_DEMO_BLANK_TEMPLATE_ID, NULL, 0, 0 },
  { "night-02", CLUSTER_NIGHT, "up", "server", 8, 8, FALSE, AERO_DEMO_BLANK_TEMPLATE_ID, NULL, 0, 0 },
  { "night-03", CLUSTER_NIGHT, "up", "server", 8, 4, TRUE, AERO_DEMO_BLANK_TEMPLATE_ID, NULL, 0, 0 },
};

static const char *
os_for (const char *template_id,
        const char *type)
{
  if (g_strcmp0 (template_id, TEMPLATE_WIN) == 0)
    return "windows_11";
  if (g_strcmp0 (template_id, TEMPLATE_RHEL) == 0)
    return "rhel_9x64";
  return g_strcmp0 (type, "desktop") == 0 ? "other" : "rhel_8x64";
}

static void
seed_fixed_vms (GPtrArray *vms)
{
  for (guint i = 0; i < G_N_ELEMENTS (seed_vms); i++)
    {
      const SeedVm *s = &seed_vms[i];
      AeroDemoConfig *conf;

      conf = config_new (s->name, s->type, s->memory_gib * GIB, s->guaranteed_gib * GIB,
                         4 * s->memory_gib * GIB, s->ballooning,
                         os_for (s->template_id, s->type), s->cluster);
      conf->ccv_major = s->ccv_major;
      conf->ccv_minor = s->ccv_minor;
      add_vm (vms, conf, s->status, s->template_id, s->owner);
      if (g_str_has_prefix (s->name, "web-"))
        {
          g_free (conf->description);
          conf->description = g_strdup ("Web front end");
        }
    }
}

static const char *const generated_status[] = { "up", "up", "up", "down", "down", "down", "paused", "suspended" };
static const char *const generated_type[] = { "server", "server", "desktop", "high_performance" };
static const guint generated_memory_gib[] = { 1, 2, 4, 4, 8, 16 };

static void
generate_vms (GPtrArray *clusters,
              GPtrArray *vms,
              guint      n_vms,
              guint      seed)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);

  for (guint i = 0; i < n_vms; i++)
    {
      AeroDemoCluster *cluster = g_ptr_array_index (clusters, g_rand_int_range (rand, 0, clusters->len));
      const char *type = generated_type[g_rand_int_range (rand, 0, G_N_ELEMENTS (generated_type))];
      const char *status = generated_status[g_rand_int_range (rand, 0, G_N_ELEMENTS (generated_status))];
      gint64 memory = generated_memory_gib[g_rand_int_range (rand, 0, G_N_ELEMENTS (generated_memory_gib))] * GIB;
      gboolean ballooning = g_rand_int_range (rand, 0, 10) < 8;
      g_autofree char *name = g_strdup_printf ("vm-%05u", i + 1);
      const char *template_id;
      AeroDemoConfig *conf;

      /* As the engine does: no balloon below 3.1, and High Performance
       * VMs are created without one. */
      if (cluster->major * 100 + cluster->minor < 301 || g_str_equal (type, "high_performance"))
        ballooning = FALSE;
      template_id = g_str_equal (type, "desktop") && cluster->major >= 4 ? TEMPLATE_WIN
                    : g_str_equal (type, "server") && cluster->major >= 4 ? TEMPLATE_RHEL
                    : AERO_DEMO_BLANK_TEMPLATE_ID;
      conf = config_new (name, type, memory, memory * 100 / cluster->over_commit, 4 * memory,
                         ballooning, os_for (template_id, type), cluster->id);
      add_vm (vms, conf, status, template_id, i % 10 == 0 ? AERO_DEMO_USER : NULL);
    }
}

void
aero_demo_seed_build (GPtrArray *clusters,
                      GPtrArray *templates,
                      GPtrArray *vms,
                      guint      n_vms,
                      guint      seed)
{
  seed_clusters_and_templates (clusters, templates);
  if (n_vms == 0)
    seed_fixed_vms (vms);
  else
    generate_vms (clusters, vms, n_vms, seed);
}

static void
add_host (GPtrArray  *hosts,
          const char *name,
          const char *cluster_id,
          gint64      memory)
{
  AeroDemoHost *host = g_new0 (AeroDemoHost, 1);

  host->id = g_strdup_printf ("b0000000-0000-4000-8000-%012x", hosts->len + 1);
  host->name = g_strdup (name);
  host->address = g_strdup_printf ("%s.example.com", name);
  host->cluster_id = g_strdup (cluster_id);
  host->memory = memory;
  g_ptr_array_add (hosts, host);
}

void
aero_demo_seed_hosts (GPtrArray *clusters,
                      GPtrArray *hosts,
                      guint      n_vms)
{
  /* Sizes that make about half of the generated hosts over-committed. */
  static const guint generated_gib[] = { 48, 64, 96, 64 };
  guint n_hosts;

  if (n_vms == 0)
    {
      add_host (hosts, "legacy-host-01", CLUSTER_LEGACY, 16 * GIB);
      add_host (hosts, "prod-host-01", CLUSTER_PROD31, 16 * GIB);
      add_host (hosts, "stable-host-01", CLUSTER_STABLE, 8 * GIB);
      add_host (hosts, "host-01", CLUSTER_DEFAULT, 32 * GIB);
      add_host (hosts, "host-02", CLUSTER_DEFAULT, 24 * GIB);
      add_host (hosts, "night-host-01", CLUSTER_NIGHT, 16 * GIB);
      return;
    }

  /* One host per 20 VMs (10,000 VMs: 500 hosts), at least one per
   * cluster, taken in turn. */
  n_hosts = MAX (n_vms / 20, clusters->len);
  for (guint i = 0; i < n_hosts; i++)
    {
      AeroDemoCluster *cluster = g_ptr_array_index (clusters, i % clusters->len);
      g_autofree char *name = g_strdup_printf ("host-%03u", i + 1);

      add_host (hosts, name, cluster->id, generated_gib[(i / clusters->len) % G_N_ELEMENTS (generated_gib)] * GIB);
    }
}
