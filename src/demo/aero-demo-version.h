/* aero-demo-version.h - which oVirt engine release the demo engine plays
 *
 * The demo engine answers as one real release does: 4.3 (4.3.10.4),
 * 4.4 (4.4.10.7) or 4.5 (4.5.6, the default), or any release given in
 * full from 4.3.0 to 4.5.x ("4.4.5.10"). Each rule below names the
 * release that changed it; src/demo/README.md has the table with the
 * engine source of each. This file shares nothing with src/engine/.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  guint major;
  guint minor;
  guint build;
  guint revision;
} AeroDemoVersion;

/* The release when neither --engine-version nor the environment
 * variable AERO_DEMO_ENGINE_VERSION says another. */
#define AERO_DEMO_VERSION_DEFAULT "4.5"

/* "4.3", "4.4", "4.5" or a full release such as "4.4.5.10"; anything
 * else, or a release outside 4.3.0 - 4.5.x, is G_OPTION_ERROR_BAD_VALUE. */
gboolean aero_demo_version_parse        (const char            *text,
                                         AeroDemoVersion       *out,
                                         GError               **error);
gboolean aero_demo_version_at_least     (const AeroDemoVersion *self,
                                         guint                  major,
                                         guint                  minor,
                                         guint                  build,
                                         guint                  revision);
/* product_info.version.full_version, the RPM version: "4.4.10.7-1.el8". */
char    *aero_demo_version_dup_full     (const AeroDemoVersion *self);

/* The all_content query parameter counts (4.4.3.8); the All-Content
 * header always does. */
gboolean aero_demo_version_reads_all_content_query (const AeroDemoVersion *self);
/* A plain VM or template list carries memory_policy.ballooning (4.4.6.5);
 * before, the balloon is a device. */
gboolean aero_demo_version_balloon_is_field        (const AeroDemoVersion *self);
/* Memory hot plug step in bytes for a cluster of @architecture: 256 MiB;
 * from 4.4.8.1 128 MiB on x86 and 256 MiB on POWER (ppc*). */
gint64   aero_demo_version_hotplug_step            (const AeroDemoVersion *self,
                                                    const char            *architecture);
/* Any memory change of a VM that is not down leaves a next-run
 * configuration (up to 4.4.7.3). */
gboolean aero_demo_version_memory_change_keeps_next_run (const AeroDemoVersion *self);
/* The platform limit of maximum memory in MB for @os_type at @level
 * (major * 100 + minor). */
gint64   aero_demo_version_max_memory_mb           (const AeroDemoVersion *self,
                                                    guint                  level,
                                                    const char            *os_type);
G_END_DECLS
