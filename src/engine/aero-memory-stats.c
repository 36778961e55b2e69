/* aero-memory-stats.c - memory statistics of a running VM
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "aero-memory-stats.h"
#include "aero-model-private.h"

enum {
  STAT_INSTALLED,
  STAT_USED,
  STAT_FREE,
  STAT_BUFFERED,
  STAT_CACHED,
  STAT_UNUSED,
  N_STATS
};

struct _AeroMemoryStats
{
  GObject parent_instance;

  gint64 values[N_STATS];
};

G_DEFINE_FINAL_TYPE (AeroMemoryStats, aero_memory_stats, G_TYPE_OBJECT)

/* Property ids are the statistic index + 1, so one table serves the
 * engine names, the property names and the storage. */
static const struct {
  const char *engine_name;
  const char *property;
} stats[N_STATS] = {
  [STAT_INSTALLED] = { "memory.installed", "installed" },
  [STAT_USED] = { "memory.used", "used" },
  [STAT_FREE] = { "memory.free", "free" },
  [STAT_BUFFERED] = { "memory.buffered", "buffered" },
  [STAT_CACHED] = { "memory.cached", "cached" },
  [STAT_UNUSED] = { "memory.unused", "unused" },
};

static GParamSpec *properties[N_STATS + 1];

static void
aero_memory_stats_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  AeroMemoryStats *self = AERO_MEMORY_STATS (object);

  if (prop_id >= 1 && prop_id <= N_STATS)
    g_value_set_int64 (value, self->values[prop_id - 1]);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
aero_memory_stats_class_init (AeroMemoryStatsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = aero_memory_stats_get_property;

  for (guint i = 0; i < N_STATS; i++)
    properties[i + 1] = g_param_spec_int64 (stats[i].property, NULL, NULL,
                                            AERO_UNSET, G_MAXINT64, AERO_UNSET,
                                            G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY |
                                            G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_STATS + 1, properties);
}

static void
aero_memory_stats_init (AeroMemoryStats *self)
{
  for (guint i = 0; i < N_STATS; i++)
    self->values[i] = AERO_UNSET;
}

AeroMemoryStats *
aero_memory_stats_new (void)
{
  return g_object_new (AERO_TYPE_MEMORY_STATS, NULL);
}

static gint64
get_stat (AeroMemoryStats *self,
          guint            stat)
{
  g_return_val_if_fail (AERO_IS_MEMORY_STATS (self), AERO_UNSET);

  return self->values[stat];
}

gint64
aero_memory_stats_get_installed (AeroMemoryStats *self)
{
  return get_stat (self, STAT_INSTALLED);
}

gint64
aero_memory_stats_get_used (AeroMemoryStats *self)
{
  return get_stat (self, STAT_USED);
}

gint64
aero_memory_stats_get_free (AeroMemoryStats *self)
{
  return get_stat (self, STAT_FREE);
}

gint64
aero_memory_stats_get_buffered (AeroMemoryStats *self)
{
  return get_stat (self, STAT_BUFFERED);
}

gint64
aero_memory_stats_get_cached (AeroMemoryStats *self)
{
  return get_stat (self, STAT_CACHED);
}

gint64
aero_memory_stats_get_unused (AeroMemoryStats *self)
{
  return get_stat (self, STAT_UNUSED);
}

gboolean
aero_memory_stats_set_by_name (AeroMemoryStats *self,
                               const char      *name,
                               gint64           value)
{
  g_return_val_if_fail (AERO_IS_MEMORY_STATS (self), FALSE);

  if (name == NULL)
    return FALSE;

  for (guint i = 0; i < N_STATS; i++)
    {
      if (strcmp (stats[i].engine_name, name) != 0)
        continue;

      if (aero_model_set_int64 (&self->values[i], value))
        g_object_notify_by_pspec (G_OBJECT (self), properties[i + 1]);
      return TRUE;
    }

  return FALSE;
}
