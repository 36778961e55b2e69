/* aero-engine-version.c - what a given oVirt engine release does
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "aero-engine-version.h"
#include "aero-types.h"

#define MIB ((gint64) 1024 * 1024)

/* Reads "N" into @out and moves @p past it; FALSE without a digit or
 * when the number does not fit. */
static gboolean
read_number (const char **p,
             guint       *out)
{
  guint64 value = 0;

  if (!g_ascii_isdigit (**p))
    return FALSE;
  while (g_ascii_isdigit (**p))
    {
      value = value * 10 + (guint64) (**p - '0');
      if (value > G_MAXUINT16)
        return FALSE;
      (*p)++;
    }
  *out = (guint) value;
  return TRUE;
}

gboolean
aero_engine_version_parse (const char        *text,
                           AeroEngineVersion *out)
{
  guint parts[4] = { 0, 0, 0, 0 };
  const char *p = text;
  guint n = 0;

  g_return_val_if_fail (out != NULL, FALSE);

  memset (out, 0, sizeof *out);
  if (text == NULL)
    return FALSE;

  while (n < G_N_ELEMENTS (parts))
    {
      if (!read_number (&p, &parts[n]))
        return FALSE;
      n++;
      if (*p != '.')
        break;
      p++;
    }
  /* The RPM release ("-1.el8") may follow; anything else is not a
   * version. */
  if (n < 2 || (*p != '\0' && *p != '-'))
    return FALSE;
  if (parts[0] == 0)
    return FALSE;

  out->major = parts[0];
  out->minor = parts[1];
  out->build = parts[2];
  out->revision = parts[3];
  return TRUE;
}

gboolean
aero_engine_version_is_known (const AeroEngineVersion *self)
{
  return self != NULL && self->major > 0;
}

gboolean
aero_engine_version_at_least (const AeroEngineVersion *self,
                              guint                    major,
                              guint                    minor,
                              guint                    build,
                              guint                    revision)
{
  const guint have[4] = { self->major, self->minor, self->build, self->revision };
  const guint want[4] = { major, minor, build, revision };

  for (guint i = 0; i < 4; i++)
    if (have[i] != want[i])
      return have[i] > want[i];
  return TRUE;
}

char *
aero_engine_version_to_string (const AeroEngineVersion *self)
{
  if (!aero_engine_version_is_known (self))
    return NULL;
  if (self->revision == 0)
    return g_strdup_printf ("%u.%u.%u", self->major, self->minor, self->build);
  return g_strdup_printf ("%u.%u.%u.%u", self->major, self->minor, self->build, self->revision);
}

/* ovirt-engine: backend/manager/modules/restapi/types/src/main/java/org/
 * ovirt/engine/api/restapi/types/VmBaseMapper.java maps balloonEnabled
 * from 4.4.6.5 on; before, MemoryPolicyHelper.setupMemoryBalloon fills it
 * in a list only when it is populated (BackendResource.isPopulate). */
gboolean
aero_engine_version_lists_ballooning (const AeroEngineVersion *self)
{
  return aero_engine_version_is_known (self)
         && aero_engine_version_at_least (self, 4, 4, 6, 5);
}

/* ovirt-engine: backend/manager/modules/bll/src/main/java/org/ovirt/
 * engine/core/bll/utils/VmDeviceUtils.java getVmDevicesForNextRun starts
 * from the running VM's devices and applies only the device fields the
 * command carries (VmHandler.getVmDevicesFieldsToUpdateOnNextRun); the
 * balloon is such a field (VmManagementParametersBase.balloonEnabled,
 * @EditableDeviceOnVmStatusField) until 4.4.6.5. */
gboolean
aero_engine_version_balloon_is_device (const AeroEngineVersion *self)
{
  return !aero_engine_version_lists_ballooning (self);
}

/* ovirt-engine: backend/manager/modules/bll/src/main/java/org/ovirt/
 * engine/core/bll/UpdateVmCommand.java: Config HotPlugMemoryBlockSizeMb
 * (256 in packaging/dbscripts/upgrade/pre_upgrade/0000_config.sql) up to
 * 4.4.8.0, ArchitectureType.getHotplugMemorySizeFactorMb () from 4.4.8.1
 * (backend/manager/modules/common/.../businessentities/ArchitectureType.java:
 * HOTPLUG_MEMORY_FACTOR_X86_MB 128 for x86 and x86_64,
 * HOTPLUG_MEMORY_FACTOR_PPC_MB 256 for ppc, ppc64, ppc64le and ppcle).
 * An admin may have changed the former with engine-config; 256 is its
 * default. */
gint64
aero_engine_version_memory_hotplug_step (const AeroEngineVersion *self,
                                         const char              *architecture)
{
  if (!aero_engine_version_is_known (self)
      || !aero_engine_version_at_least (self, 4, 4, 8, 1))
    return 256 * MIB;
  if (architecture != NULL && g_str_has_prefix (architecture, "ppc"))
    return 256 * MIB;
  return 128 * MIB;
}

/* ovirt-engine: UpdateVmCommand.memoryNextRunSnapshotRequired () is true
 * for any memory change of a VM that is not down up to 4.4.7.3; from
 * 4.4.7.4 only for a decrease (and from 4.4.8.1 for a change that is not
 * a whole number of hot plug steps). */
gboolean
aero_engine_version_memory_change_keeps_next_run (const AeroEngineVersion *self)
{
  return !aero_engine_version_is_known (self)
         || !aero_engine_version_at_least (self, 4, 4, 7, 4);
}

/* osinfo-defaults.properties: the OSes whose bus is 32 (rhel_3,
 * windows_xp, freebsd) and those derived from them without a bus of
 * their own. The same on 4.3.10 and 4.5.6. */
static gboolean
os_is_32_bit (const char *os_type)
{
  static const char *const os_32[] = {
    "rhel_3", "rhel_4", "rhel_5", "rhel_6",
    "windows_xp", "windows_2003", "windows_2008", "windows_7", "windows_8", "windows_10",
    "freebsd", NULL,
  };

  return g_strv_contains (os_32, os_type);
}

/* VmCommonUtils.getMaxMemConfigValueByOsId: VM32BitMaxMemorySizeInMB,
 * VMPpc64BitMaxMemorySizeInMB or VM64BitMaxMemorySizeInMB, per
 * compatibility level, as 0000_config.sql sets them:
 *   32-bit OS            20480 MB on every release and level;
 *   64-bit x86_64        4 TiB up to 4.4.1.1; from 4.4.1.2 6 TiB for
 *                        levels 4.2 and later (older levels keep 4 TiB);
 *                        from 4.4.6.3 16 TiB for levels 4.6 and later;
 *   ppc64                1 TiB up to 4.4.1.1; from 4.4.1.2 6 TiB for
 *                        levels 4.4 and later. */
gint64
aero_engine_version_max_memory_limit (const AeroEngineVersion *self,
                                      AeroVersion             *level,
                                      const char              *os_type)
{
  gboolean newer;

  if (!aero_engine_version_is_known (self) || level == NULL
      || os_type == NULL || *os_type == '\0')
    return AERO_UNSET;

  if (os_is_32_bit (os_type))
    return 20480 * MIB;

  newer = aero_engine_version_at_least (self, 4, 4, 1, 2);
  if (strstr (os_type, "ppc64") != NULL)
    return (newer && aero_version_at_least (level, 4, 4) ? 6291456 : 1048576) * MIB;

  if (newer && aero_version_at_least (level, 4, 6)
      && aero_engine_version_at_least (self, 4, 4, 6, 3))
    return 16777216 * MIB;
  if (newer && aero_version_at_least (level, 4, 2))
    return 6291456 * MIB;
  return 4194304 * MIB;
}
