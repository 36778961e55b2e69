/* aero-memory-chart.h - the memory picture of a host or a cluster as one
 * bar: physical, in use, the guaranteed floor, committed (which may run
 * past physical) and the balloon headroom
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "aero-memory-picture.h"

G_BEGIN_DECLS

#define AERO_TYPE_MEMORY_CHART (aero_memory_chart_get_type ())
G_DECLARE_FINAL_TYPE (AeroMemoryChart, aero_memory_chart, AERO, MEMORY_CHART, GtkWidget)

GtkWidget         *aero_memory_chart_new         (void);
/* Property "picture" (AeroMemoryPicture, nullable: an empty bar). */
void               aero_memory_chart_set_picture (AeroMemoryChart   *self,
                                                  AeroMemoryPicture *picture);
AeroMemoryPicture *aero_memory_chart_get_picture (AeroMemoryChart   *self);
/* The legend in words, one figure a line ("Physical memory: 56 GB"...);
 * the accessible description reads the same. */
char              *aero_memory_picture_dup_legend (AeroMemoryPicture *picture);
const char        *aero_memory_chart_get_legend  (AeroMemoryChart   *self);
/* Puts the legend in @label, each line keyed by the colour or mark it
 * has in the bar. */
void               aero_memory_chart_show_legend (AeroMemoryChart   *self,
                                                  GtkLabel          *label);

G_END_DECLS
