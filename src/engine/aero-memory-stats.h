/* aero-memory-stats.h - memory statistics of a running VM
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define AERO_TYPE_MEMORY_STATS (aero_memory_stats_get_type ())
G_DECLARE_FINAL_TYPE (AeroMemoryStats, aero_memory_stats, AERO, MEMORY_STATS, GObject)

/* Read-only gint64 properties in bytes, AERO_UNSET when the engine sent
 * none: "installed", "used", "free", "buffered", "cached", "unused". */
AeroMemoryStats *aero_memory_stats_new           (void);
gint64           aero_memory_stats_get_installed (AeroMemoryStats *self);
gint64           aero_memory_stats_get_used      (AeroMemoryStats *self);
gint64           aero_memory_stats_get_free      (AeroMemoryStats *self);
gint64           aero_memory_stats_get_buffered  (AeroMemoryStats *self);
gint64           aero_memory_stats_get_cached    (AeroMemoryStats *self);
gint64           aero_memory_stats_get_unused    (AeroMemoryStats *self);
/* Sets one statistic by its engine name ("memory.used"); other names are
 * ignored. Returns TRUE when the name was a memory statistic. */
gboolean         aero_memory_stats_set_by_name   (AeroMemoryStats *self,
                                                  const char      *name,
                                                  gint64           value);

G_END_DECLS
