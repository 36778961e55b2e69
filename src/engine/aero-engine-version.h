/* aero-engine-version.h - what a given oVirt engine release does
 *
 * The engine's own version (product_info.version of the API root, e.g.
 * 4.4.6.5), not a cluster compatibility level (AeroVersion). Every rule
 * here names the engine release that changed it and the engine source
 * that shows it, so that the client asks for and sends what that release
 * needs, once, for the window, the CLI and bulk ballooning alike.
 *
 * An unknown version (an engine that did not say) gets the behaviour that
 * is safe on every release: ask with the All-Content header, restate the
 * balloon on next-run edits, no platform limit on maximum memory.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "aero-version.h"

G_BEGIN_DECLS

typedef struct {
  guint major;
  guint minor;
  guint build;
  guint revision;
} AeroEngineVersion;

/* From product_info.version: the engine fills major, minor and build
 * from its RPM version and always sends revision 0; the fourth number
 * (4.4.6.5) is only in full_version ("4.4.6.5-1.el8"), so that one wins
 * (ovirt-engine: backend/manager/modules/bll/src/main/java/org/ovirt/
 * engine/core/bll/GetProductVersionQuery.java). "4.5", "4.4.6.5" and
 * "4.4.10.7-1.el8" are accepted; FALSE (and @out zeroed) otherwise. */
gboolean aero_engine_version_parse             (const char              *text,
                                                AeroEngineVersion       *out);
gboolean aero_engine_version_is_known          (const AeroEngineVersion *self);
gboolean aero_engine_version_at_least          (const AeroEngineVersion *self,
                                                guint                    major,
                                                guint                    minor,
                                                guint                    build,
                                                guint                    revision);
/* "4.4.6.5" (revision left out when 0); NULL when unknown. */
char    *aero_engine_version_to_string         (const AeroEngineVersion *self);

/* From 4.4.6.5 a plain VM list carries memory_policy.ballooning: the
 * balloon became a VM field (VmBaseMapper). Before, only a list asked
 * with all content has it. */
gboolean aero_engine_version_lists_ballooning  (const AeroEngineVersion *self);
/* Before 4.4.6.5 the balloon is a device, and a next_run=true PUT that
 * leaves it out rebuilds the next-run devices from the running VM's:
 * a waiting balloon change is lost unless the PUT restates it. */
gboolean aero_engine_version_balloon_is_device (const AeroEngineVersion *self);
/* Memory is hot plugged in steps of this many bytes into a VM of a
 * cluster of @architecture (the cluster's cpu.architecture, or NULL when
 * not known): 256 MiB up to 4.4.8.0 (engine-config HotPlugMemoryBlockSizeMb,
 * any architecture); from 4.4.8.1 ArchitectureType.getHotplugMemorySizeFactorMb:
 * 256 MiB for the POWER family, 128 MiB for x86 (and where not known). */
gint64   aero_engine_version_memory_hotplug_step (const AeroEngineVersion *self,
                                                  const char              *architecture);
/* Up to 4.4.7.3 any memory change to a VM that is not down also leaves a
 * next-run configuration (UpdateVmCommand.memoryNextRunSnapshotRequired),
 * even when the memory is hot plugged. */
gboolean aero_engine_version_memory_change_keeps_next_run (const AeroEngineVersion *self);

/* The largest maximum memory, in bytes, the engine accepts for a guest
 * OS (@os_type, e.g. "rhel_8x64") at the effective compatibility @level
 * (VmHandler.validateMaxMemorySize, VmCommonUtils.maxMemorySizeWithHotplugInMb,
 * limits in packaging/dbscripts/upgrade/pre_upgrade/0000_config.sql).
 * AERO_UNSET when the engine version, the level or the OS is unknown. */
gint64   aero_engine_version_max_memory_limit  (const AeroEngineVersion *self,
                                                AeroVersion             *level,
                                                const char              *os_type);

G_END_DECLS
