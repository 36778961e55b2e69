/* bench-parse.c - how fast and how big: stream parser vs. json-glib tree
 *
 * Generates an engine-like VM list (~8 kB of pretty-printed JSON per VM,
 * every scalar a string, "link" and "actions" as a real engine sends
 * them) and reads it into AeroVm models two ways, each in its own forked
 * child so the peak RSS (VmHWM) of one does not hide the other:
 *   stream  the body fed in 64 kB chunks to AeroStreamParser, generated
 *           chunk by chunk as a network body would arrive;
 *   tree    the whole body in memory, JsonParser, aero_json_read_collection.
 * Usage: bench-parse [--stream-only|--tree-only] [N_VMS...]
 *        (default 1000 10000 50000)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "aero-json.h"
#include "aero-json-fields.h"
#include "aero-stream-parser.h"

#define CHUNK_SIZE (64 * 1024)

static const char * const link_rels[] = {
  "affinitylabels", "applications", "cdroms", "diskattachments", "graphicsconsoles",
  "hostdevices", "katelloerrata", "mediateddevices", "nics", "numanodes",
  "permissions", "reporteddevices", "sessions", "snapshots", "statistics",
};

static const char * const action_rels[] = {
  "cancelmigration", "clone", "commitsnapshot", "detach", "export", "exporttoexportdomain",
  "exporttopathonhost", "freezefilesystems", "logon", "maintenance", "migrate",
  "previewsnapshot", "reboot", "reordermacaddresses", "shutdown", "start", "stop",
  "suspend", "thawfilesystems", "ticket", "undosnapshot", "autopincpuandnumanodes",
  "screenshot", "ping", "reset",
};

/* One VM the way an engine pretty-prints it (Jackson: two-space indent,
 * " : " between name and value), all_content=true. @ID@ and @N@ are
 * replaced per VM. */
static const char vm_body[] =
  "    \"next_run_configuration_exists\" : \"false\",\n"
  "    \"numa_tune_mode\" : \"interleave\",\n"
  "    \"status\" : \"up\",\n"
  "    \"stop_time\" : 1700000000000,\n"
  "    \"start_time\" : 1700000100000,\n"
  "    \"original_template\" : {\n"
  "      \"href\" : \"/ovirt-engine/api/templates/00000000-0000-0000-0000-000000000000\",\n"
  "      \"id\" : \"00000000-0000-0000-0000-000000000000\"\n"
  "    },\n"
  "    \"template\" : {\n"
  "      \"href\" : \"/ovirt-engine/api/templates/00000000-0000-0000-0000-000000000000\",\n"
  "      \"id\" : \"00000000-0000-0000-0000-000000000000\"\n"
  "    },\n"
  "    \"bios\" : {\n"
  "      \"boot_menu\" : {\n"
  "        \"enabled\" : \"false\"\n"
  "      },\n"
  "      \"type\" : \"q35_ovmf\"\n"
  "    },\n"
  "    \"cpu\" : {\n"
  "      \"architecture\" : \"x86_64\",\n"
  "      \"topology\" : {\n"
  "        \"cores\" : \"2\",\n"
  "        \"sockets\" : \"2\",\n"
  "        \"threads\" : \"1\"\n"
  "      }\n"
  "    },\n"
  "    \"cpu_shares\" : \"0\",\n"
  "    \"creation_time\" : 1690000000000,\n"
  "    \"delete_protected\" : \"false\",\n"
  "    \"display\" : {\n"
  "      \"allow_override\" : \"false\",\n"
  "      \"copy_paste_enabled\" : \"true\",\n"
  "      \"disconnect_action\" : \"LOCK_SCREEN\",\n"
  "      \"file_transfer_enabled\" : \"true\",\n"
  "      \"monitors\" : \"1\",\n"
  "      \"smartcard_enabled\" : \"false\",\n"
  "      \"type\" : \"vnc\"\n"
  "    },\n"
  "    \"high_availability\" : {\n"
  "      \"enabled\" : \"false\",\n"
  "      \"priority\" : \"0\"\n"
  "    },\n"
  "    \"io\" : {\n"
  "      \"threads\" : \"1\"\n"
  "    },\n"
  "    \"large_icon\" : {\n"
  "      \"href\" : \"/ovirt-engine/api/icons/9cb0ed6d-6b41-4d65-9a0a-2b4e0e9b1d8a\",\n"
  "      \"id\" : \"9cb0ed6d-6b41-4d65-9a0a-2b4e0e9b1d8a\"\n"
  "    },\n"
  "    \"memory\" : \"4294967296\",\n"
  "    \"memory_policy\" : {\n"
  "      \"guaranteed\" : \"2147483648\",\n"
  "      \"max\" : \"17179869184\",\n"
  "      \"ballooning\" : \"true\"\n"
  "    },\n"
  "    \"migration\" : {\n"
  "      \"auto_converge\" : \"inherit\",\n"
  "      \"compressed\" : \"inherit\",\n"
  "      \"encrypted\" : \"inherit\",\n"
  "      \"parallel_migrations_policy\" : \"inherit\"\n"
  "    },\n"
  "    \"migration_downtime\" : \"-1\",\n"
  "    \"multi_queues_enabled\" : \"true\",\n"
  "    \"origin\" : \"ovirt\",\n"
  "    \"os\" : {\n"
  "      \"boot\" : {\n"
  "        \"devices\" : {\n"
  "          \"device\" : [ \"hd\" ]\n"
  "        }\n"
  "      },\n"
  "      \"type\" : \"rhel_9x64\"\n"
  "    },\n"
  "    \"placement_policy\" : {\n"
  "      \"affinity\" : \"migratable\"\n"
  "    },\n"
  "    \"small_icon\" : {\n"
  "      \"href\" : \"/ovirt-engine/api/icons/a1b2c3d4-0000-4000-8000-000000000001\",\n"
  "      \"id\" : \"a1b2c3d4-0000-4000-8000-000000000001\"\n"
  "    },\n"
  "    \"sso\" : {\n"
  "      \"methods\" : {\n"
  "        \"method\" : [ {\n"
  "          \"id\" : \"guest_agent\"\n"
  "        } ]\n"
  "      }\n"
  "    },\n"
  "    \"start_paused\" : \"false\",\n"
  "    \"stateless\" : \"false\",\n"
  "    \"storage_error_resume_behaviour\" : \"auto_resume\",\n"
  "    \"time_zone\" : {\n"
  "      \"name\" : \"Etc/GMT\"\n"
  "    },\n"
  "    \"type\" : \"server\",\n"
  "    \"usb\" : {\n"
  "      \"enabled\" : \"false\"\n"
  "    },\n"
  "    \"virtio_scsi_multi_queues_enabled\" : \"true\",\n"
  "    \"cluster\" : {\n"
  "      \"href\" : \"/ovirt-engine/api/clusters/3a4e6a2c-5f1d-11ee-9d4e-00163e000001\",\n"
  "      \"id\" : \"3a4e6a2c-5f1d-11ee-9d4e-00163e000001\"\n"
  "    },\n"
  "    \"cpu_profile\" : {\n"
  "      \"href\" : \"/ovirt-engine/api/cpuprofiles/58ca604e-01a7-003f-01de-000000000250\",\n"
  "      \"id\" : \"58ca604e-01a7-003f-01de-000000000250\"\n"
  "    },\n"
  "    \"host\" : {\n"
  "      \"href\" : \"/ovirt-engine/api/hosts/6b1c2d3e-0000-4000-8000-00000000beef\",\n"
  "      \"id\" : \"6b1c2d3e-0000-4000-8000-00000000beef\"\n"
  "    },\n"
  "    \"quota\" : {\n"
  "      \"id\" : \"58ca604e-01a7-003f-01de-000000000310\"\n"
  "    },\n"
  "    \"name\" : \"vm-@N@\",\n"
  "    \"description\" : \"Benchmark virtual machine number @N@\",\n"
  "    \"comment\" : \"\",\n"
  "    \"href\" : \"/ovirt-engine/api/vms/@ID@\",\n"
  "    \"id\" : \"@ID@\",\n";

static void
append_links (GString            *out,
              const char         *indent,
              const char         *id,
              const char * const *rels,
              guint               n_rels)
{
  for (guint i = 0; i < n_rels; i++)
    {
      g_string_append_printf (out,
                              "%s{\n"
                              "%s  \"href\" : \"/ovirt-engine/api/vms/%s/%s\",\n"
                              "%s  \"rel\" : \"%s\"\n"
                              "%s}%s",
                              i == 0 ? "" : indent, indent, id, rels[i], indent, rels[i],
                              indent, i + 1 < n_rels ? ", " : "");
    }
}

static void
append_vm (GString *out,
           guint    n)
{
  char id[37];
  char number[16];
  const char *p = vm_body;

  g_snprintf (id, sizeof id, "%08x-5f1d-11ee-9d4e-%012x", n, n * 7919u);
  g_snprintf (number, sizeof number, "%u", n);

  g_string_append (out, n == 0 ? "  " : ", ");
  g_string_append (out, "{\n    \"actions\" : {\n      \"link\" : [ ");
  append_links (out, "      ", id, action_rels, G_N_ELEMENTS (action_rels));
  g_string_append (out, " ]\n    },\n");

  while (*p != '\0')
    {
      const char *at = strchr (p, '@');

      if (at == NULL)
        {
          g_string_append (out, p);
          break;
        }
      g_string_append_len (out, p, at - p);
      if (g_str_has_prefix (at, "@ID@"))
        {
          g_string_append (out, id);
          p = at + 4;
        }
      else if (g_str_has_prefix (at, "@N@"))
        {
          g_string_append (out, number);
          p = at + 3;
        }
      else
        {
          g_string_append_c (out, '@');
          p = at + 1;
        }
    }

  g_string_append (out, "    \"link\" : [ ");
  append_links (out, "    ", id, link_rels, G_N_ELEMENTS (link_rels));
  g_string_append (out, " ]\n  }");
}

static const char document_head[] = "{\n  \"vm\" : [ ";
static const char document_tail[] = " ]\n}\n";

static GString *
generate_document (guint n_vms)
{
  GString *out = g_string_sized_new ((gsize) n_vms * 8300 + 64);

  g_string_append (out, document_head);
  for (guint i = 0; i < n_vms; i++)
    append_vm (out, i);
  g_string_append (out, document_tail);
  return out;
}

/* Peak resident set of this process in kB, from the kernel. */
static long
peak_rss_kb (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;
  line = strstr (status, "VmHWM:");
  return line != NULL ? strtol (line + 6, NULL, 10) : -1;
}

static double
cpu_seconds (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6 +
         usage.ru_stime.tv_sec + usage.ru_stime.tv_usec / 1e6;
}

typedef struct
{
  double seconds;
  double cpu;
  double megabytes;
  long peak_kb;
  guint n_models;
} Result;

static void
on_element (JsonObject *element,
            gpointer    user_data)
{
  g_ptr_array_add (user_data, aero_json_read_vm (element));
}

static void
on_values (const AeroJsonValue *values,
           gpointer             user_data)
{
  g_ptr_array_add (user_data, aero_json_get_collection_fields ("vm")->read (values));
}

/* Feeds the body as it would arrive: generated one 64 kB chunk at a time,
 * never held whole. Only the parser's time is counted. @filtered reads
 * as the product does (straight into the reader's fields), else a whole
 * tree per VM. */
static gboolean
run_stream_members (guint     n_vms,
                    gboolean  filtered,
                    Result   *result)
{
  g_autoptr(GPtrArray) vms = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(AeroStreamParser) parser = NULL;
  g_autoptr(GString) pending = g_string_sized_new (2 * CHUNK_SIZE);
  g_autoptr(GError) error = NULL;
  double parse_time = 0, parse_cpu = 0;
  gsize total = 0;
  guint next = 0;
  gboolean tail_added = FALSE;

  if (filtered)
    parser = aero_stream_parser_new_fields ("vm", aero_json_get_collection_fields ("vm")->paths,
                                            on_values, vms);
  else
    parser = aero_stream_parser_new ("vm", on_element, vms);

  g_string_append (pending, document_head);
  while (pending->len > 0 || !tail_added)
    {
      gint64 start;
      double start_cpu;
      gsize length;

      while (pending->len < CHUNK_SIZE && !tail_added)
        {
          if (next < n_vms)
            append_vm (pending, next++);
          else
            {
              g_string_append (pending, document_tail);
              tail_added = TRUE;
            }
        }

      length = MIN (pending->len, CHUNK_SIZE);
      start = g_get_monotonic_time ();
      start_cpu = cpu_seconds ();
      if (!aero_stream_parser_feed (parser, (const guint8 *) pending->str, length, &error))
        {
          g_printerr ("stream: %s\n", error->message);
          return FALSE;
        }
      parse_time += (g_get_monotonic_time () - start) / 1e6;
      parse_cpu += cpu_seconds () - start_cpu;
      total += length;
      g_string_erase (pending, 0, length);
    }

  {
    gint64 start = g_get_monotonic_time ();
    double start_cpu = cpu_seconds ();

    if (!aero_stream_parser_finish (parser, &error))
      {
        g_printerr ("stream: %s\n", error->message);
        return FALSE;
      }
    parse_time += (g_get_monotonic_time () - start) / 1e6;
    parse_cpu += cpu_seconds () - start_cpu;
  }

  result->seconds = parse_time;
  result->cpu = parse_cpu;
  result->megabytes = total / 1e6;
  result->n_models = vms->len;
  result->peak_kb = peak_rss_kb ();
  return TRUE;
}

static gboolean
run_stream (guint   n_vms,
            Result *result)
{
  return run_stream_members (n_vms, TRUE, result);
}

static gboolean
run_stream_all (guint   n_vms,
                Result *result)
{
  return run_stream_members (n_vms, FALSE, result);
}

static gboolean
run_tree (guint   n_vms,
          Result *result)
{
  g_autoptr(GString) document = generate_document (n_vms);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) vms = NULL;
  gint64 start = g_get_monotonic_time ();
  double start_cpu = cpu_seconds ();
  JsonNode *root;

  if (!json_parser_load_from_data (parser, document->str, document->len, &error))
    {
      g_printerr ("tree: %s\n", error->message);
      return FALSE;
    }
  root = json_parser_get_root (parser);
  vms = aero_json_read_collection (json_node_get_object (root), "vm",
                                   (AeroJsonReadFunc) aero_json_read_vm);

  result->seconds = (g_get_monotonic_time () - start) / 1e6;
  result->cpu = cpu_seconds () - start_cpu;
  result->megabytes = document->len / 1e6;
  result->n_models = vms->len;
  result->peak_kb = peak_rss_kb ();
  return TRUE;
}

/* Runs one variant in a child and reads its Result back through a pipe. */
static gboolean
run_in_child (gboolean (*variant) (guint, Result *),
              guint     n_vms,
              Result   *result)
{
  int fds[2];
  pid_t pid;
  int status = 0;
  ssize_t got;

  if (pipe (fds) != 0)
    return FALSE;

  pid = fork ();
  if (pid < 0)
    return FALSE;

  if (pid == 0)
    {
      Result child = { 0, };
      gboolean ok;

      close (fds[0]);
      ok = variant (n_vms, &child);
      if (ok && write (fds[1], &child, sizeof child) != sizeof child)
        ok = FALSE;
      _exit (ok ? 0 : 1);
    }

  close (fds[1]);
  got = read (fds[0], result, sizeof *result);
  close (fds[0]);
  while (waitpid (pid, &status, 0) < 0 && errno == EINTR)
    ;

  return got == sizeof *result && WIFEXITED (status) && WEXITSTATUS (status) == 0;
}

/* json-glib's tree needs several times the document in memory: skip it
 * where it cannot fit rather than let the kernel kill the benchmark. */
static gboolean
tree_fits (guint n_vms)
{
  g_autofree char *meminfo = NULL;
  const char *line;
  double needed_kb = n_vms * 8.3 * 10;

  if (!g_file_get_contents ("/proc/meminfo", &meminfo, NULL, NULL))
    return TRUE;
  line = strstr (meminfo, "MemAvailable:");
  return line == NULL || strtol (line + 13, NULL, 10) > needed_kb;
}

static void
print_result (const char   *variant,
              guint         n_vms,
              const Result *result)
{
  printf ("%-10s %6u VMs %7.1f MB %7.3f s %7.3f s CPU %8.0f VMs/s %7.1f MB/s %7.1f MB peak RSS\n",
          variant, n_vms, result->megabytes, result->seconds, result->cpu,
          result->seconds > 0 ? result->n_models / result->seconds : 0,
          result->seconds > 0 ? result->megabytes / result->seconds : 0,
          result->peak_kb / 1024.0);
  fflush (stdout);
}

static gboolean
run_variant (const char *name,
             gboolean  (*variant) (guint, Result *),
             guint       n_vms)
{
  Result result;

  if (run_in_child (variant, n_vms, &result) && result.n_models == n_vms)
    {
      print_result (name, n_vms, &result);
      return TRUE;
    }

  printf ("%-10s %6u VMs FAILED\n", name, n_vms);
  return FALSE;
}

int
main (int   argc,
      char *argv[])
{
  static const guint default_sizes[] = { 1000, 10000, 50000 };
  g_autoptr(GArray) sizes = g_array_new (FALSE, FALSE, sizeof (guint));
  gboolean ok = TRUE;
  gboolean do_stream = TRUE, do_tree = TRUE;

  for (int i = 1; i < argc; i++)
    {
      guint64 n;

      if (strcmp (argv[i], "--stream-only") == 0)
        {
          do_tree = FALSE;
          continue;
        }
      if (strcmp (argv[i], "--tree-only") == 0)
        {
          do_stream = FALSE;
          continue;
        }

      if (!g_ascii_string_to_unsigned (argv[i], 10, 1, 10000000, &n, NULL))
        {
          g_printerr ("usage: %s [--stream-only|--tree-only] [N_VMS...]\n", argv[0]);
          return 2;
        }
      g_array_append_val (sizes, n);
    }
  if (sizes->len == 0)
    g_array_append_vals (sizes, default_sizes, G_N_ELEMENTS (default_sizes));

  {
    g_autoptr(GString) one = g_string_new (NULL);

    append_vm (one, 1);
    printf ("# one VM is %" G_GSIZE_FORMAT " bytes of pretty-printed JSON; chunks of %d kB\n",
            one->len, CHUNK_SIZE / 1024);
  }

  for (guint i = 0; i < sizes->len; i++)
    {
      guint n = g_array_index (sizes, guint, i);

      if (do_stream)
        {
          ok &= run_variant ("stream", run_stream, n);
          ok &= run_variant ("stream-all", run_stream_all, n);
        }

      if (!do_tree)
        continue;
      if (!tree_fits (n))
        printf ("%-10s %6u VMs skipped: not enough memory for json-glib's tree\n", "tree", n);
      else
        ok &= run_variant ("tree", run_tree, n);
    }

  return ok ? 0 : 1;
}
