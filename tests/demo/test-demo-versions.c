/* test-demo-versions.c - the demo engine plays each release as it is
 *
 * Over raw HTTP, each behaviour that differs between oVirt 4.3, 4.4 and
 * 4.5, named after the engine source (oVirt/ovirt-engine) it follows.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "demo-client.h"

#define MIB ((gint64) 1024 * 1024)
#define GIB (1024 * MIB)

static void
start_version (DemoFixture *fx,
               const char  *version)
{
  g_autoptr(GError) error = NULL;
  AeroDemoEngine *engine = aero_demo_engine_new (0, 0);

  aero_demo_engine_set_frozen (engine, TRUE);
  g_assert_true (aero_demo_engine_set_engine_version (engine, version, &error));
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

/* GetProductVersionQuery: major, minor and build from the RPM version,
 * revision 0, the RPM version as full_version. */
static void
test_product_info_GetProductVersionQuery (void)
{
  static const struct { const char *version, *build, *full; } cases[] = {
    { "4.3", "10", "4.3.10.4-1.el7" },
    { "4.4", "10", "4.4.10.7-1.el8" },
    { "4.5", "6", "4.5.6-1.el8" },
    { "4.4.5.10", "5", "4.4.5.10-1.el8" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      DemoFixture fx = { 0 };
      g_autoptr(DemoReply) root = NULL;
      JsonObject *o;

      start_version (&fx, cases[i].version);
      root = demo_request (&fx, "GET", "/ovirt-engine/api", NULL);
      o = demo_reply_object (root);
      g_assert_cmpstr (demo_get_string (o, "product_info.version.major"), ==, "4");
      g_assert_cmpstr (demo_get_string (o, "product_info.version.build"), ==, cases[i].build);
      g_assert_cmpstr (demo_get_string (o, "product_info.version.revision"), ==, "0");
      g_assert_cmpstr (demo_get_string (o, "product_info.version.full_version"), ==, cases[i].full);
      demo_fixture_stop (&fx);
    }
}

static void
test_unknown_version (void)
{
  g_autoptr(AeroDemoEngine) engine = aero_demo_engine_new (0, 0);
  static const char *const bad[] = { "4.2", "4.6", "5.0.0", "4.x", "", "4.4.6.5.1" };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (aero_demo_engine_set_engine_version (engine, bad[i], &error));
      g_assert_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE);
    }
}

static gboolean
every_vm_has_ballooning (DemoReply *reply)
{
  JsonArray *vms = demo_collection (reply, "vm");
  guint with = 0;

  g_assert_cmpuint (reply->status, ==, 200);
  g_assert_cmpuint (json_array_get_length (vms), >, 0);
  for (guint i = 0; i < json_array_get_length (vms); i++)
    with += demo_has_member (json_array_get_object_element (vms, i), "memory_policy.ballooning");
  g_assert_true (with == 0 || with == json_array_get_length (vms));
  return with > 0;
}

/* BackendResource.isPopulate reads only the All-Content header up to
 * 4.4.3.7, the all_content parameter too from 4.4.3.8; VmBaseMapper puts
 * the balloon in every VM from 4.4.6.5. */
static void
test_all_content_BackendResource_isPopulate (void)
{
  static const struct { const char *version; gboolean plain, query; } cases[] = {
    { "4.3", FALSE, FALSE },
    { "4.4.3.7", FALSE, FALSE },
    { "4.4.3.8", FALSE, TRUE },
    { "4.4.6.4", FALSE, TRUE },
    { "4.4.6.5", TRUE, TRUE },
    { "4.4", TRUE, TRUE },
    { "4.5", TRUE, TRUE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      DemoFixture fx = { 0 };
      g_autoptr(DemoReply) plain = NULL;
      g_autoptr(DemoReply) query = NULL;
      g_autoptr(DemoReply) header = NULL;
      g_autoptr(DemoReply) templates = NULL;

      start_version (&fx, cases[i].version);
      plain = demo_request (&fx, "GET", "/ovirt-engine/api/vms", NULL);
      query = demo_request (&fx, "GET", "/ovirt-engine/api/vms?all_content=true", NULL);
      header = demo_request_full (&fx, "GET", "/ovirt-engine/api/vms", DEMO_ADMIN_BASIC, NULL,
                                  "All-Content", "true");
      templates = demo_request (&fx, "GET", "/ovirt-engine/api/templates", NULL);
      g_assert_cmpint (every_vm_has_ballooning (plain), ==, cases[i].plain);
      g_assert_cmpint (every_vm_has_ballooning (query), ==, cases[i].query);
      g_assert_true (every_vm_has_ballooning (header));
      g_assert_cmpint (demo_has_member (json_array_get_object_element (demo_collection (templates, "template"), 0),
                                        "memory_policy.ballooning"), ==, cases[i].plain);
      demo_fixture_stop (&fx);
    }
}

/* Up to 4.4.6.4 the balloon is a device: a next_run PUT rebuilds the
 * next-run devices from the running VM's, applying only the device fields
 * it carries (VmDeviceUtils.getVmDevicesForNextRun). */
static void
test_balloon_device_VmDeviceUtils_getVmDevicesForNextRun (void)
{
  static const struct { const char *version; gboolean reverted; } cases[] = {
    { "4.3", TRUE },
    { "4.4.6.4", TRUE },
    { "4.4", FALSE },
    { "4.5", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      DemoFixture fx = { 0 };
      g_autoptr(DemoReply) off = NULL;
      g_autoptr(DemoReply) shown = NULL;
      g_autoptr(DemoReply) other = NULL;
      g_autoptr(DemoReply) next = NULL;
      g_autoptr(DemoReply) restated = NULL;
      g_autoptr(DemoReply) next_restated = NULL;

      start_version (&fx, cases[i].version);
      /* web-01 runs with a balloon; it is to go at the next run. */
      off = vm_request (&fx, "PUT", "web-01", "?next_run=true",
                        "{\"memory_policy\": {\"ballooning\": \"false\"}}");
      g_assert_cmpuint (off->status, ==, 200);
      /* Up to 4.4.6.4 even the plain GET says what waits
       * (IsBalloonEnabledQuery reads the next-run configuration). */
      shown = vm_request (&fx, "GET", "web-01", NULL, NULL);
      g_assert_cmpstr (demo_get_string (demo_reply_object (shown), "memory_policy.ballooning"), ==,
                       cases[i].reverted ? "false" : "true");

      other = vm_request (&fx, "PUT", "web-01", "?next_run=true", "{\"cpu_shares\": \"512\"}");
      g_assert_cmpuint (other->status, ==, 200);
      next = vm_request (&fx, "GET", "web-01", ";next_run", NULL);
      g_assert_cmpstr (demo_get_string (demo_reply_object (next), "memory_policy.ballooning"), ==,
                       cases[i].reverted ? "true" : "false");
      g_assert_cmpstr (demo_get_string (demo_reply_object (next), "cpu_shares"), ==, "512");

      /* Restated, it stays. */
      restated = vm_request (&fx, "PUT", "web-01", "?next_run=true",
                             "{\"cpu_shares\": \"256\", \"memory_policy\": {\"ballooning\": \"false\"}}");
      g_assert_cmpuint (restated->status, ==, 200);
      next_restated = vm_request (&fx, "GET", "web-01", ";next_run", NULL);
      g_assert_cmpstr (demo_get_string (demo_reply_object (next_restated), "memory_policy.ballooning"), ==, "false");
      demo_fixture_stop (&fx);
    }
}

/* UpdateVmCommand: the hot plug step (HotPlugMemoryBlockSizeMb, then
 * ArchitectureType.getHotplugMemorySizeFactorMb from 4.4.8.1) and
 * memoryNextRunSnapshotRequired (any change up to 4.4.7.3). */
static void
test_memory_hotplug_UpdateVmCommand (void)
{
  static const struct { const char *version; guint step_mib; gboolean keeps_next_run; } cases[] = {
    { "4.3", 256, TRUE },
    { "4.4.7.3", 256, TRUE },
    { "4.4.7.4", 256, FALSE },
    { "4.4.8.1", 128, FALSE },
    { "4.4", 128, FALSE },
    { "4.5", 128, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      DemoFixture fx = { 0 };
      g_autoptr(DemoReply) small = NULL;
      g_autoptr(DemoReply) plugged = NULL;
      g_autoptr(DemoReply) after = NULL;
      g_autofree char *small_body = g_strdup_printf ("{\"memory\": \"%" G_GINT64_FORMAT "\"}", 4 * GIB + 128 * MIB);
      g_autofree char *step_body = g_strdup_printf ("{\"memory\": \"%" G_GINT64_FORMAT "\"}", 4 * GIB + 256 * MIB);

      start_version (&fx, cases[i].version);
      small = vm_request (&fx, "PUT", "web-01", NULL, small_body);
      if (cases[i].step_mib == 256)
        demo_assert_fault (small, 400, "Operation Failed",
                           "[Cannot edit VM. Amount of added memory (128MiB) is not dividable by 256MiB.]");
      else
        g_assert_cmpuint (small->status, ==, 200);

      plugged = vm_request (&fx, "PUT", "web-02", NULL, step_body);
      g_assert_cmpuint (plugged->status, ==, 200);
      after = vm_request (&fx, "GET", "web-02", NULL, NULL);
      g_assert_cmpstr (demo_get_string (demo_reply_object (after), "memory"), ==, "4563402752");
      g_assert_cmpstr (demo_get_string (demo_reply_object (after), "next_run_configuration_exists"), ==,
                       cases[i].keeps_next_run ? "true" : "false");
      demo_fixture_stop (&fx);
    }
}

/* VmHandler.validateMaxMemorySize with the limits of 0000_config.sql. */
static void
test_max_memory_VmHandler_validateMaxMemorySize (void)
{
  static const struct { const char *version; gint64 limit_mb; } cases[] = {
    { "4.3", 4194304 },
    { "4.4.6.2", 6291456 },
    { "4.4", 16777216 },
    { "4.5", 16777216 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      DemoFixture fx = { 0 };
      g_autoptr(DemoReply) at_limit = NULL;
      g_autoptr(DemoReply) over = NULL;
      g_autoptr(DemoReply) bit32 = NULL;
      g_autofree char *at_body = NULL;
      g_autofree char *over_body = NULL;
      g_autofree char *detail = NULL;

      /* web-03 is down, on Default (4.7), rhel_9x64. */
      start_version (&fx, cases[i].version);
      at_body = g_strdup_printf ("{\"memory_policy\": {\"max\": \"%" G_GINT64_FORMAT "\"}}",
                                 cases[i].limit_mb * MIB);
      over_body = g_strdup_printf ("{\"memory_policy\": {\"max\": \"%" G_GINT64_FORMAT "\"}}",
                                   (cases[i].limit_mb + 1) * MIB);
      over = vm_request (&fx, "PUT", "web-03", NULL, over_body);
      detail = g_strdup_printf ("[Cannot edit VM. Maximum memory (%" G_GINT64_FORMAT "MB) cannot exceed "
                                "platform limit (%" G_GINT64_FORMAT "MB).]",
                                cases[i].limit_mb + 1, cases[i].limit_mb);
      demo_assert_fault (over, 409, "Operation Failed", detail);
      at_limit = vm_request (&fx, "PUT", "web-03", NULL, at_body);
      g_assert_cmpuint (at_limit->status, ==, 200);

      /* A 32-bit guest: 20480 MB on every release. */
      bit32 = vm_request (&fx, "PUT", "web-04", NULL,
                          "{\"os\": {\"type\": \"windows_7\"}, \"memory_policy\": {\"max\": \"21475885056\"}}");
      demo_assert_fault (bit32, 409, "Operation Failed",
                         "[Cannot edit VM. Maximum memory (20481MB) cannot exceed platform limit (20480MB).]");
      demo_fixture_stop (&fx);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/demo/versions/product-info/GetProductVersionQuery",
                   test_product_info_GetProductVersionQuery);
  g_test_add_func ("/demo/versions/unknown", test_unknown_version);
  g_test_add_func ("/demo/versions/all-content/BackendResource.isPopulate",
                   test_all_content_BackendResource_isPopulate);
  g_test_add_func ("/demo/versions/balloon-device/VmDeviceUtils.getVmDevicesForNextRun",
                   test_balloon_device_VmDeviceUtils_getVmDevicesForNextRun);
  g_test_add_func ("/demo/versions/memory-hotplug/UpdateVmCommand",
                   test_memory_hotplug_UpdateVmCommand);
  g_test_add_func ("/demo/versions/max-memory/VmHandler.validateMaxMemorySize",
                   test_max_memory_VmHandler_validateMaxMemorySize);

  return g_test_run ();
}
