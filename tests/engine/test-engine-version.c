/* test-engine-version.c - the rules of each engine release
 *
 * Each test names the engine source it follows (oVirt/ovirt-engine at the
 * release tags 4.3.10, 4.4.x and 4.5.6).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include "aero-engine-version.h"
#include "aero-types.h"

#define MIB ((gint64) 1024 * 1024)

static AeroEngineVersion
parse (const char *text)
{
  AeroEngineVersion v;

  g_assert_true (aero_engine_version_parse (text, &v));
  return v;
}

/* GetProductVersionQuery: major.minor.build from the RPM version, the
 * fourth number only in full_version. */
static void
test_parse (void)
{
  AeroEngineVersion v;
  g_autofree char *text = NULL;

  v = parse ("4.4.6.5-1.el8");
  g_assert_cmpuint (v.major, ==, 4);
  g_assert_cmpuint (v.minor, ==, 4);
  g_assert_cmpuint (v.build, ==, 6);
  g_assert_cmpuint (v.revision, ==, 5);
  text = aero_engine_version_to_string (&v);
  g_assert_cmpstr (text, ==, "4.4.6.5");

  v = parse ("4.5.6-1.el8");
  g_assert_cmpuint (v.build, ==, 6);
  g_assert_cmpuint (v.revision, ==, 0);
  v = parse ("4.3");
  g_assert_cmpuint (v.minor, ==, 3);
  g_assert_cmpuint (v.build, ==, 0);

  g_assert_false (aero_engine_version_parse (NULL, &v));
  g_assert_false (aero_engine_version_is_known (&v));
  g_assert_false (aero_engine_version_parse ("4", &v));
  g_assert_false (aero_engine_version_parse ("4.x", &v));
  g_assert_false (aero_engine_version_parse ("four.five", &v));
  g_assert_false (aero_engine_version_parse ("4.5.6 beta", &v));
  g_assert_false (aero_engine_version_parse ("0.0.0", &v));
  g_assert_false (aero_engine_version_parse ("99999999999.1", &v));
  g_assert_null (aero_engine_version_to_string (&v));
}

/* VmBaseMapper (4.4.6.5) and VmDeviceUtils.getVmDevicesForNextRun. */
static void
test_balloon_field (void)
{
  AeroEngineVersion v;
  AeroEngineVersion unknown = { 0, 0, 0, 0 };

  v = parse ("4.3.10.4-1.el7");
  g_assert_false (aero_engine_version_lists_ballooning (&v));
  g_assert_true (aero_engine_version_balloon_is_device (&v));
  v = parse ("4.4.6.4");
  g_assert_true (aero_engine_version_balloon_is_device (&v));
  v = parse ("4.4.6.5");
  g_assert_true (aero_engine_version_lists_ballooning (&v));
  g_assert_false (aero_engine_version_balloon_is_device (&v));
  v = parse ("4.5.6");
  g_assert_false (aero_engine_version_balloon_is_device (&v));
  /* Unknown: what is safe everywhere. */
  g_assert_false (aero_engine_version_lists_ballooning (&unknown));
  g_assert_true (aero_engine_version_balloon_is_device (&unknown));
}

/* UpdateVmCommand: HotPlugMemoryBlockSizeMb then
 * ArchitectureType.getHotplugMemorySizeFactorMb; memoryNextRunSnapshotRequired. */
static void
test_memory_hotplug (void)
{
  AeroEngineVersion v;

  v = parse ("4.3.10");
  g_assert_cmpint (aero_engine_version_memory_hotplug_step (&v, "x86_64"), ==, 256 * MIB);
  g_assert_true (aero_engine_version_memory_change_keeps_next_run (&v));
  v = parse ("4.4.7.3");
  g_assert_true (aero_engine_version_memory_change_keeps_next_run (&v));
  v = parse ("4.4.7.4");
  g_assert_false (aero_engine_version_memory_change_keeps_next_run (&v));
  v = parse ("4.4.8");
  g_assert_cmpint (aero_engine_version_memory_hotplug_step (&v, "x86_64"), ==, 256 * MIB);
  v = parse ("4.4.8.1");
  g_assert_cmpint (aero_engine_version_memory_hotplug_step (&v, "x86_64"), ==, 128 * MIB);
  g_assert_cmpint (aero_engine_version_memory_hotplug_step (&v, "ppc64le"), ==, 256 * MIB);
  v = parse ("4.5.6");
  g_assert_cmpint (aero_engine_version_memory_hotplug_step (&v, "x86_64"), ==, 128 * MIB);
  g_assert_cmpint (aero_engine_version_memory_hotplug_step (&v, NULL), ==, 128 * MIB);
  g_assert_cmpint (aero_engine_version_memory_hotplug_step (&v, "ppc64"), ==, 256 * MIB);
  g_assert_cmpint (aero_engine_version_memory_hotplug_step (&v, "ppc64le"), ==, 256 * MIB);
  v = parse ("4.4.7.3");
  g_assert_cmpint (aero_engine_version_memory_hotplug_step (&v, "ppc64"), ==, 256 * MIB);
  v = parse ("4.5.6");
  g_assert_false (aero_engine_version_memory_change_keeps_next_run (&v));
}

/* VmHandler.validateMaxMemorySize with the limits of 0000_config.sql. */
static void
test_max_memory_limit (void)
{
  g_autoptr(AeroVersion) l41 = aero_version_new (4, 1);
  g_autoptr(AeroVersion) l43 = aero_version_new (4, 3);
  g_autoptr(AeroVersion) l45 = aero_version_new (4, 5);
  g_autoptr(AeroVersion) l46 = aero_version_new (4, 6);
  g_autoptr(AeroVersion) l47 = aero_version_new (4, 7);
  AeroEngineVersion e43 = parse ("4.3.10.4");
  AeroEngineVersion e44 = parse ("4.4.10.7");
  AeroEngineVersion e445 = parse ("4.4.5.10");
  AeroEngineVersion e45 = parse ("4.5.6");
  AeroEngineVersion unknown = { 0, 0, 0, 0 };

  /* 32-bit guests, on every release. */
  g_assert_cmpint (aero_engine_version_max_memory_limit (&e43, l43, "windows_7"), ==, 20480 * MIB);
  g_assert_cmpint (aero_engine_version_max_memory_limit (&e45, l47, "rhel_6"), ==, 20480 * MIB);
  g_assert_cmpint (aero_engine_version_max_memory_limit (&e45, l47, "freebsd"), ==, 20480 * MIB);

  /* 64-bit x86_64: 4 TiB on 4.3, 6 TiB from 4.4.1.2 for 4.2+, 16 TiB from
   * 4.4.6.3 for 4.6+. */
  g_assert_cmpint (aero_engine_version_max_memory_limit (&e43, l43, "rhel_7x64"), ==, 4194304 * MIB);
  g_assert_cmpint (aero_engine_version_max_memory_limit (&e43, l41, "other"), ==, 4194304 * MIB);
  g_assert_cmpint (aero_engine_version_max_memory_limit (&e44, l45, "rhel_8x64"), ==, 6291456 * MIB);
  g_assert_cmpint (aero_engine_version_max_memory_limit (&e44, l46, "rhel_8x64"), ==, 16777216 * MIB);
  g_assert_cmpint (aero_engine_version_max_memory_limit (&e445, l46, "rhel_8x64"), ==, 6291456 * MIB);
  g_assert_cmpint (aero_engine_version_max_memory_limit (&e45, l47, "windows_2022"), ==, 16777216 * MIB);
  g_assert_cmpint (aero_engine_version_max_memory_limit (&e45, l41, "other_linux"), ==, 4194304 * MIB);

  /* ppc64 */
  g_assert_cmpint (aero_engine_version_max_memory_limit (&e43, l43, "rhel_7_ppc64"), ==, 1048576 * MIB);
  g_assert_cmpint (aero_engine_version_max_memory_limit (&e45, l47, "rhel_8_ppc64"), ==, 6291456 * MIB);

  /* Nothing is guessed. */
  g_assert_cmpint (aero_engine_version_max_memory_limit (&unknown, l47, "rhel_8x64"), ==, AERO_UNSET);
  g_assert_cmpint (aero_engine_version_max_memory_limit (&e45, NULL, "rhel_8x64"), ==, AERO_UNSET);
  g_assert_cmpint (aero_engine_version_max_memory_limit (&e45, l47, NULL), ==, AERO_UNSET);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/engine-version/parse", test_parse);
  g_test_add_func ("/engine-version/balloon-field/VmBaseMapper", test_balloon_field);
  g_test_add_func ("/engine-version/memory-hotplug/UpdateVmCommand", test_memory_hotplug);
  g_test_add_func ("/engine-version/max-memory/validateMaxMemorySize", test_max_memory_limit);

  return g_test_run ();
}
