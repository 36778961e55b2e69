/* aero-demo-version.c - which oVirt engine release the demo engine plays
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "aero-demo-version.h"

static const struct {
  const char      *alias;
  AeroDemoVersion  version;
} aliases[] = {
  /* The last release of each line. */
  { "4.3", { 4, 3, 10, 4 } },
  { "4.4", { 4, 4, 10, 7 } },
  { "4.5", { 4, 5, 6, 0 } },
};

gboolean
aero_demo_version_parse (const char       *text,
                         AeroDemoVersion  *out,
                         GError          **error)
{
  g_auto(GStrv) parts = NULL;
  guint numbers[4] = { 0, 0, 0, 0 };
  guint n;

  for (guint i = 0; i < G_N_ELEMENTS (aliases); i++)
    if (g_strcmp0 (text, aliases[i].alias) == 0)
      {
        *out = aliases[i].version;
        return TRUE;
      }

  parts = g_strsplit (text != NULL ? text : "", ".", -1);
  n = g_strv_length (parts);
  if (n < 3 || n > 4)
    goto bad;
  for (guint i = 0; i < n; i++)
    {
      guint64 value;

      if (!g_ascii_string_to_unsigned (parts[i], 10, 0, 999, &value, NULL))
        goto bad;
      numbers[i] = (guint) value;
    }
  if (numbers[0] != 4 || numbers[1] < 3 || numbers[1] > 5)
    goto bad;

  out->major = numbers[0];
  out->minor = numbers[1];
  out->build = numbers[2];
  out->revision = numbers[3];
  return TRUE;

bad:
  g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
               "Unknown engine version \"%s\": use 4.3, 4.4, 4.5 or a release "
               "such as 4.4.5.10", text != NULL ? text : "");
  return FALSE;
}

gboolean
aero_demo_version_at_least (const AeroDemoVersion *self,
                            guint                  major,
                            guint                  minor,
                            guint                  build,
                            guint                  revision)
{
  const guint have[4] = { self->major, self->minor, self->build, self->revision };
  const guint want[4] = { major, minor, build, revision };

  for (guint i = 0; i < 4; i++)
    if (have[i] != want[i])
      return have[i] > want[i];
  return TRUE;
}

/* 4.3 was built for EL7, the later lines for EL8; 4.5 releases have
 * three numbers. */
char *
aero_demo_version_dup_full (const AeroDemoVersion *self)
{
  const char *dist = self->minor <= 3 ? "el7" : "el8";

  if (self->revision == 0)
    return g_strdup_printf ("%u.%u.%u-1.%s", self->major, self->minor, self->build, dist);
  return g_strdup_printf ("%u.%u.%u.%u-1.%s", self->major, self->minor, self->build,
                          self->revision, dist);
}

gboolean
aero_demo_version_reads_all_content_query (const AeroDemoVersion *self)
{
  return aero_demo_version_at_least (self, 4, 4, 3, 8);
}

gboolean
aero_demo_version_balloon_is_field (const AeroDemoVersion *self)
{
  return aero_demo_version_at_least (self, 4, 4, 6, 5);
}

/* UpdateVmCommand: Config HotPlugMemoryBlockSizeMb (256) up to 4.4.8.0,
 * then ArchitectureType.getHotplugMemorySizeFactorMb () of the cluster's
 * architecture (backend/manager/modules/common/src/main/java/org/ovirt/
 * engine/core/common/businessentities/ArchitectureType.java): 128 for
 * the x86 family, 256 for the ppc family. */
gint64
aero_demo_version_hotplug_step (const AeroDemoVersion *self,
                                const char            *architecture)
{
  gboolean power = architecture != NULL && g_str_has_prefix (architecture, "ppc");

  return (aero_demo_version_at_least (self, 4, 4, 8, 1) && !power ? 128 : 256) * (gint64) 1024 * 1024;
}

gboolean
aero_demo_version_memory_change_keeps_next_run (const AeroDemoVersion *self)
{
  return !aero_demo_version_at_least (self, 4, 4, 7, 4);
}

gint64
aero_demo_version_max_memory_mb (const AeroDemoVersion *self,
                                 guint                  level,
                                 const char            *os_type)
{
  static const char *const bus_32[] = {
    "rhel_3", "rhel_4", "rhel_5", "rhel_6", "windows_xp", "windows_2003",
    "windows_2008", "windows_7", "windows_8", "windows_10", "freebsd", NULL,
  };
  gboolean raised = aero_demo_version_at_least (self, 4, 4, 1, 2);

  if (os_type != NULL && g_strv_contains (bus_32, os_type))
    return 20480;
  if (os_type != NULL && strstr (os_type, "ppc64") != NULL)
    return raised && level >= 404 ? 6291456 : 1048576;
  if (raised && level >= 406 && aero_demo_version_at_least (self, 4, 4, 6, 3))
    return 16777216;
  if (raised && level >= 402)
    return 6291456;
  return 4194304;
}
