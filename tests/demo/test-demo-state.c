/* test-demo-state.c - the demo engine's state file and the
 * aerostat-demo-engine program
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <signal.h>
#include <string.h>
#include <sys/stat.h>

#include <glib/gstdio.h>

#include "demo-client.h"

#define GIB G_GINT64_CONSTANT (1073741824)

typedef struct
{
  char *dir;
  char *path;
} StateDir;

static void
state_dir_init (StateDir *sd)
{
  g_autoptr(GError) error = NULL;

  sd->dir = g_dir_make_tmp ("aero-demo-state-XXXXXX", &error);
  g_assert_no_error (error);
  sd->path = g_build_filename (sd->dir, "state.json", NULL);
}

static void
state_dir_clear (StateDir *sd)
{
  g_autoptr(GDir) dir = g_dir_open (sd->dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *file = g_build_filename (sd->dir, name, NULL);

      g_unlink (file);
    }
  g_rmdir (sd->dir);
  g_free (sd->dir);
  g_free (sd->path);
}

static void
start_with_state (DemoFixture *fx,
                  const char  *path)
{
  AeroDemoEngine *engine = aero_demo_engine_new (0, 0);
  g_autoptr(GError) error = NULL;

  g_assert_true (aero_demo_engine_set_state_file (engine, path, &error));
  g_assert_no_error (error);
  demo_fixture_start (fx, engine);
}

static DemoReply *
vm_request (DemoFixture *fx,
            const char  *method,
            const char  *name,
            const char  *suffix,
            const char  *body)
{
  g_autofree char *id = demo_vm_id (fx, name);
  g_autofree char *path = g_strdup_printf ("/ovirt-engine/api/vms/%s%s", id, suffix != NULL ? suffix : "");

  return demo_request (fx, method, path, body);
}

static char *
replace_all (const char *text,
             const char *from,
             const char *to)
{
  g_auto(GStrv) parts = g_strsplit (text, from, -1);

  return g_strjoinv (to, parts);
}

static guint
count_files (const char *dirname)
{
  g_autoptr(GDir) dir = g_dir_open (dirname, 0, NULL);
  guint n = 0;

  while (dir != NULL && g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

static void
assert_valid_json_file (const char *path)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (json_parser_load_from_file (parser, path, &error));
  g_assert_no_error (error);
}

static void
test_round_trip (void)
{
  StateDir sd;
  DemoFixture fx = { 0 };
  GStatBuf before, after;

  state_dir_init (&sd);

  start_with_state (&fx, sd.path);
  /* A new state file starts from the seed at once. */
  g_assert_true (g_file_test (sd.path, G_FILE_TEST_EXISTS));
  {
    g_autoptr(DemoReply) edit = vm_request (&fx, "PUT", "web-03", NULL, "{\"description\": \"kept\"}");
    g_autoptr(DemoReply) add = demo_request (&fx, "POST", "/ovirt-engine/api/vms",
      "{\"name\": \"added\", \"cluster\": {\"name\": \"Stable\"}, \"template\": {\"name\": \"Blank\"}}");
    g_autoptr(DemoReply) cluster = demo_request (&fx, "PUT",
      "/ovirt-engine/api/clusters/c0000000-0000-4000-8000-000000000003",
      "{\"memory_policy\": {\"over_commit\": {\"percent\": \"120\"}}}");
    g_autoptr(DemoReply) next = vm_request (&fx, "PUT", "web-01", NULL,
                                            "{\"memory_policy\": {\"ballooning\": \"false\"}}");
    g_autoptr(DemoReply) removed = vm_request (&fx, "DELETE", "web-04", NULL, NULL);

    g_assert_cmpuint (edit->status, ==, 200);
    g_assert_cmpuint (add->status, ==, 201);
    g_assert_cmpuint (cluster->status, ==, 200);
    g_assert_cmpuint (next->status, ==, 200);
    g_assert_cmpuint (removed->status, ==, 200);
  }

  /* Each change replaces the file by a rename: a new inode, never a
   * half-written file, no temporary left behind. */
  g_assert_cmpint (g_stat (sd.path, &before), ==, 0);
  {
    g_autoptr(DemoReply) edit = vm_request (&fx, "PUT", "web-03", NULL, "{\"comment\": \"again\"}");

    g_assert_cmpuint (edit->status, ==, 200);
  }
  g_assert_cmpint (g_stat (sd.path, &after), ==, 0);
  g_assert_cmpuint (before.st_ino, !=, after.st_ino);
  g_assert_cmpuint (count_files (sd.dir), ==, 1);
  assert_valid_json_file (sd.path);
  demo_fixture_stop (&fx);

  start_with_state (&fx, sd.path);
  {
    g_autoptr(DemoReply) web03 = vm_request (&fx, "GET", "web-03", NULL, NULL);
    g_autoptr(DemoReply) web01 = vm_request (&fx, "GET", "web-01", NULL, NULL);
    g_autoptr(DemoReply) next = vm_request (&fx, "GET", "web-01", ";next_run", NULL);
    g_autoptr(DemoReply) stable = demo_request (&fx, "GET",
      "/ovirt-engine/api/clusters/c0000000-0000-4000-8000-000000000003", NULL);
    g_autofree char *added = demo_vm_id (&fx, "added");
    g_autofree char *web04 = demo_search_path ("vms", "name=web-04", NULL);
    g_autoptr(DemoReply) gone = demo_request (&fx, "GET", web04, NULL);

    g_assert_cmpstr (demo_get_string (demo_reply_object (web03), "description"), ==, "kept");
    g_assert_cmpstr (demo_get_string (demo_reply_object (web03), "comment"), ==, "again");
    g_assert_cmpstr (demo_get_string (demo_reply_object (web01), "next_run_configuration_exists"), ==, "true");
    g_assert_cmpstr (demo_get_string (demo_reply_object (next), "memory_policy.ballooning"), ==, "false");
    g_assert_cmpstr (demo_get_string (demo_reply_object (stable), "memory_policy.over_commit.percent"), ==, "120");
    g_assert_nonnull (added);
    g_assert_cmpuint (json_object_get_size (demo_reply_object (gone)), ==, 0);
  }
  demo_fixture_stop (&fx);
  state_dir_clear (&sd);
}

/* A cluster's CPU architecture is kept, and decides the memory hot plug
 * step from 4.4.8.1 (ArchitectureType.getHotplugMemorySizeFactorMb): on
 * POWER 256 MiB, so 128 MiB more for a running VM is refused live. A
 * state file from before architectures were kept reads as x86_64. */
static void
test_cluster_architecture (void)
{
  StateDir sd;
  DemoFixture fx = { 0 };
  g_autofree char *contents = NULL;
  g_autofree char *power = NULL;
  g_autofree char *old = NULL;

  state_dir_init (&sd);
  start_with_state (&fx, sd.path);
  {
    g_autoptr(DemoReply) touch = vm_request (&fx, "PUT", "web-03", NULL, "{\"comment\": \"x\"}");

    g_assert_cmpuint (touch->status, ==, 200);
  }
  demo_fixture_stop (&fx);

  g_assert_true (g_file_get_contents (sd.path, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "\"architecture\" : \"x86_64\""));
  power = replace_all (contents, "\"architecture\" : \"x86_64\"", "\"architecture\" : \"ppc64le\"");
  g_assert_true (g_file_set_contents (sd.path, power, -1, NULL));

  start_with_state (&fx, sd.path);
  {
    g_autoptr(DemoReply) clusters = demo_request (&fx, "GET", "/ovirt-engine/api/clusters", NULL);
    g_autoptr(DemoReply) odd = vm_request (&fx, "PUT", "web-01", NULL, "{\"memory\": \"4429185024\"}");
    g_autoptr(DemoReply) whole = vm_request (&fx, "PUT", "web-01", NULL, "{\"memory\": \"4563402752\"}");

    g_assert_nonnull (strstr (clusters->body, "\"architecture\" : \"ppc64le\""));
    demo_assert_fault (odd, 400, "Operation Failed",
                       "[Cannot edit VM. Amount of added memory (128MiB) is not dividable by 256MiB.]");
    g_assert_cmpuint (whole->status, ==, 200);
    g_assert_cmpstr (demo_get_string (demo_reply_object (whole), "memory"), ==, "4563402752");
  }
  demo_fixture_stop (&fx);

  old = replace_all (contents, ",\n    \"architecture\" : \"x86_64\"", "");
  g_assert_null (strstr (old, "architecture"));
  g_assert_true (g_file_set_contents (sd.path, old, -1, NULL));
  start_with_state (&fx, sd.path);
  {
    g_autoptr(DemoReply) clusters = demo_request (&fx, "GET", "/ovirt-engine/api/clusters", NULL);

    g_assert_nonnull (strstr (clusters->body, "\"architecture\" : \"x86_64\""));
  }
  demo_fixture_stop (&fx);
  state_dir_clear (&sd);
}

static void
test_run_once_not_persisted (void)
{
  StateDir sd;
  DemoFixture fx = { 0 };
  g_autofree char *contents = NULL;

  state_dir_init (&sd);
  start_with_state (&fx, sd.path);
  {
    g_autoptr(DemoReply) start = vm_request (&fx, "POST", "web-03", "/start",
      "{\"volatile\": \"true\", \"vm\": {\"memory\": \"7516192768\", \"memory_policy\": {\"ballooning\": \"false\"}}}");
    g_autoptr(DemoReply) running = vm_request (&fx, "GET", "web-03", NULL, NULL);

    g_assert_cmpuint (start->status, ==, 200);
    /* Every release ignores memory and the memory policy of a Run Once
     * (VmMapper.map (Vm, RunVmOnceParams)). */
    g_assert_cmpstr (demo_get_string (demo_reply_object (running), "memory"), ==, "4294967296");
    g_assert_cmpstr (demo_get_string (demo_reply_object (running), "memory_policy.ballooning"), ==, "true");
    g_assert_cmpstr (demo_get_string (demo_reply_object (running), "run_once"), ==, "true");
  }
  demo_fixture_stop (&fx);

  /* 7 GiB appears nowhere in the file. */
  g_assert_true (g_file_get_contents (sd.path, &contents, NULL, NULL));
  g_assert_null (strstr (contents, "7516192768"));

  start_with_state (&fx, sd.path);
  {
    g_autoptr(DemoReply) web03 = vm_request (&fx, "GET", "web-03", NULL, NULL);
    JsonObject *o = demo_reply_object (web03);

    g_assert_cmpstr (demo_get_string (o, "status"), ==, "up");
    g_assert_cmpstr (demo_get_string (o, "run_once"), ==, "false");
    g_assert_cmpstr (demo_get_string (o, "memory"), ==, "4294967296");
    g_assert_cmpstr (demo_get_string (o, "memory_policy.ballooning"), ==, "true");
  }
  demo_fixture_stop (&fx);
  state_dir_clear (&sd);
}

static void
test_corrupt_state (void)
{
  StateDir sd;
  g_autoptr(AeroDemoEngine) engine = aero_demo_engine_new (0, 0);
  g_autoptr(GError) error = NULL;

  state_dir_init (&sd);
  g_assert_true (g_file_set_contents (sd.path, "{\"vm\": [", -1, NULL));
  g_assert_false (aero_demo_engine_set_state_file (engine, sd.path, &error));
  g_assert_nonnull (error);
  state_dir_clear (&sd);
}

static void
test_generated (void)
{
  DemoFixture fx = { 0 };
  g_autoptr(DemoReply) list = NULL;
  g_autoptr(DemoReply) again = NULL;
  AeroDemoEngine *other;

  demo_fixture_start (&fx, aero_demo_engine_new (500, 7));
  list = demo_request (&fx, "GET", "/ovirt-engine/api/vms?all_content=true", NULL);
  g_assert_cmpuint (json_array_get_length (demo_collection (list, "vm")), ==, 500);
  demo_fixture_stop (&fx);

  /* The same seed gives the same inventory. */
  other = aero_demo_engine_new (500, 7);
  aero_demo_engine_set_frozen (other, TRUE);
  demo_fixture_start (&fx, other);
  again = demo_request (&fx, "GET", "/ovirt-engine/api/vms?all_content=true", NULL);
  g_assert_cmpuint (json_array_get_length (demo_collection (again, "vm")), ==, 500);
  for (guint i = 0; i < 500; i += 37)
    {
      JsonObject *a = json_array_get_object_element (demo_collection (list, "vm"), i);
      JsonObject *b = json_array_get_object_element (demo_collection (again, "vm"), i);

      g_assert_cmpstr (demo_get_string (a, "name"), ==, demo_get_string (b, "name"));
      g_assert_cmpstr (demo_get_string (a, "memory"), ==, demo_get_string (b, "memory"));
      g_assert_cmpstr (demo_get_string (a, "status"), ==, demo_get_string (b, "status"));
      g_assert_cmpstr (demo_get_string (a, "memory_policy.ballooning"), ==,
                       demo_get_string (b, "memory_policy.ballooning"));
    }
  demo_fixture_stop (&fx);
}

static void
test_non_loopback (void)
{
  g_autoptr(AeroDemoEngine) engine = aero_demo_engine_new (0, 0);
  g_autoptr(GError) error = NULL;

  g_assert_false (aero_demo_engine_start (engine, "0.0.0.0", 0, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_assert_null (aero_demo_engine_get_api_url (engine));
}

static void
test_restart (void)
{
  DemoFixture fx = { 0 };
  AeroDemoEngine *engine = aero_demo_engine_new (0, 0);
  g_autoptr(GError) error = NULL;

  demo_fixture_start (&fx, engine);
  {
    g_autoptr(DemoReply) edit = vm_request (&fx, "PUT", "web-03", NULL, "{\"description\": \"before restart\"}");

    g_assert_cmpuint (edit->status, ==, 200);
  }
  aero_demo_engine_stop (engine);
  aero_demo_engine_stop (engine);
  g_clear_pointer (&fx.base, g_free);

  /* Started again, the same engine keeps its inventory. */
  g_assert_true (aero_demo_engine_start (engine, "localhost", 0, &error));
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (aero_demo_engine_get_api_url (engine), "http://127.0.0.1:"));
  fx.base = g_strdup_printf ("http://127.0.0.1:%u", aero_demo_engine_get_port (engine));
  {
    g_autoptr(DemoReply) web03 = vm_request (&fx, "GET", "web-03", NULL, NULL);

    g_assert_cmpstr (demo_get_string (demo_reply_object (web03), "description"), ==, "before restart");
  }
  demo_fixture_stop (&fx);
}

static void
test_stop_while_streaming (void)
{
  AeroDemoEngine *engine = aero_demo_engine_new (2000, 1);
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autoptr(SoupMessage) msg = NULL;
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  char buffer[4096];
  gssize n;
  gint64 start;

  g_assert_true (aero_demo_engine_start (engine, NULL, 0, &error));
  url = g_strdup_printf ("%s/vms?all_content=true", aero_demo_engine_get_api_url (engine));
  msg = soup_message_new ("GET", url);
  soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", DEMO_ADMIN_BASIC);
  stream = soup_session_send (session, msg, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (soup_message_get_status (msg), ==, 200);
  n = g_input_stream_read (stream, buffer, sizeof buffer, NULL, &error);
  g_assert_cmpint (n, >, 0);

  /* The reader stalls half-way: stopping must not wait for it. */
  start = g_get_monotonic_time ();
  aero_demo_engine_stop (engine);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 5 * G_USEC_PER_SEC);
  g_assert_finalize_object (engine);

  /* The rest of the body is cut short, never hangs. */
  while ((n = g_input_stream_read (stream, buffer, sizeof buffer, NULL, NULL)) > 0)
    ;
  g_assert_cmpint (n, <=, 0);
}

/* ---- the program ---- */

static GSubprocess *
spawn_program (GDataInputStream **out,
               const char        *first_arg,
               ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  GSubprocess *process;
  va_list args;

  g_ptr_array_add (argv, (gpointer) DEMO_ENGINE_PROGRAM);
  va_start (args, first_arg);
  for (const char *arg = first_arg; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  process = g_subprocess_newv ((const char *const *) argv->pdata,
                               G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_SILENCE, &error);
  g_assert_no_error (error);
  *out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (process));
  return process;
}

static void
run_program (int signum)
{
  g_autoptr(GDataInputStream) out = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GRegex) regex = g_regex_new ("^demo engine: http://127\\.0\\.0\\.1:([0-9]+)/ovirt-engine/api$",
                                         0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *line = NULL;
  g_autofree char *port = NULL;
  g_autofree char *url = NULL;
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autoptr(SoupMessage) msg = NULL;
  g_autoptr(GBytes) body = NULL;

  process = spawn_program (&out, "--port", "0", "--frozen", NULL);
  line = g_data_input_stream_read_line (out, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (line);
  g_assert_true (g_regex_match (regex, line, 0, &match));
  port = g_match_info_fetch (match, 1);
  g_assert_cmpint (atoi (port), >, 0);

  url = g_strdup_printf ("http://127.0.0.1:%s/ovirt-engine/api", port);
  msg = soup_message_new ("GET", url);
  soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", DEMO_ADMIN_BASIC);
  soup_message_headers_replace (soup_message_get_request_headers (msg), "Accept", "application/json");
  body = soup_session_send_and_read (session, msg, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (soup_message_get_status (msg), ==, 200);

  g_subprocess_send_signal (process, signum);
  g_assert_true (g_subprocess_wait (process, NULL, &error));
  g_assert_no_error (error);
  /* A clean stop, not death by the signal. */
  g_assert_true (g_subprocess_get_if_exited (process));
  g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 0);
}

static void
test_program_sigterm (void)
{
  run_program (SIGTERM);
}

static void
test_program_sigint (void)
{
  run_program (SIGINT);
}

static void
test_program_refuses_remote (void)
{
  static const char *const addresses[] = { "0.0.0.0", "192.0.2.10", "::", "example.org" };

  for (guint i = 0; i < G_N_ELEMENTS (addresses); i++)
    {
      g_autoptr(GDataInputStream) out = NULL;
      g_autoptr(GSubprocess) process = spawn_program (&out, "--address", addresses[i], NULL);
      g_autoptr(GError) error = NULL;
      g_autofree char *line = NULL;

      g_assert_true (g_subprocess_wait (process, NULL, &error));
      g_assert_true (g_subprocess_get_if_exited (process));
      g_assert_cmpint (g_subprocess_get_exit_status (process), !=, 0);
      line = g_data_input_stream_read_line (out, NULL, NULL, NULL);
      g_assert_null (line);
    }
}

static void
test_program_state (void)
{
  StateDir sd;
  g_autoptr(GDataInputStream) out = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *line = NULL;

  state_dir_init (&sd);
  process = spawn_program (&out, "--state", sd.path, "--vms", "20", "--seed", "3", NULL);
  line = g_data_input_stream_read_line (out, NULL, NULL, &error);
  g_assert_nonnull (line);
  g_assert_true (g_str_has_prefix (line, "demo engine: http://127.0.0.1:"));
  g_assert_true (g_file_test (sd.path, G_FILE_TEST_EXISTS));
  assert_valid_json_file (sd.path);
  g_subprocess_send_signal (process, SIGTERM);
  g_assert_true (g_subprocess_wait_check (process, NULL, &error));
  g_assert_no_error (error);
  state_dir_clear (&sd);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/demo/state/round-trip", test_round_trip);
  g_test_add_func ("/demo/state/run-once-not-persisted", test_run_once_not_persisted);
  g_test_add_func ("/demo/state/corrupt", test_corrupt_state);
  g_test_add_func ("/demo/state/cluster-architecture", test_cluster_architecture);
  g_test_add_func ("/demo/engine/generated", test_generated);
  g_test_add_func ("/demo/engine/non-loopback", test_non_loopback);
  g_test_add_func ("/demo/engine/stop-while-streaming", test_stop_while_streaming);
  g_test_add_func ("/demo/engine/restart", test_restart);
  g_test_add_func ("/demo/program/sigterm", test_program_sigterm);
  g_test_add_func ("/demo/program/sigint", test_program_sigint);
  g_test_add_func ("/demo/program/refuses-remote", test_program_refuses_remote);
  g_test_add_func ("/demo/program/state", test_program_state);

  return g_test_run ();
}
