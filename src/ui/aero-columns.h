/* aero-columns.h - text columns for the engine lists (VMs, templates,
 * clusters), built in code so every cell stays cheap: one label, one
 * formatted string, re-formatted only when its item notifies.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "aero-memory-policy.h"

G_BEGIN_DECLS

/* The narrowest an expanding column gets, in characters. */
#define AERO_COLUMNS_EXPAND_MIN_CHARS 12

/* Returns the cell text for @item (newly allocated). */
typedef char *(*AeroColumnFormatFunc) (gpointer item,
                                       gpointer user_data);

typedef struct
{
  const char           *id;          /* stable, untranslated: "name" */
  const char           *title;       /* translated header */
  AeroColumnFormatFunc  format;
  /* Optional: accessible label of the cell (e.g. "Virtual machine web-01,
   * up") so screen readers name the row by its first cell. */
  AeroColumnFormatFunc  accessible;
  gpointer              user_data;
  gboolean              expand;
  int                   fixed_width; /* 0 for natural width */
  float                 xalign;
  /* Optional: re-format when this object emits this signal (e.g. the
   * cluster table changed under the Cluster column). */
  GObject              *watch;
  const char           *watch_signal;
} AeroColumnSpec;

/* Appends a column; takes ownership of @sorter (may be NULL). */
GtkColumnViewColumn *aero_columns_append (GtkColumnView        *view,
                                          const AeroColumnSpec *spec,
                                          GtkSorter            *sorter);

/* The memory columns the VM and template lists share: a missing policy
 * reads as unknown (AERO_UNSET, AERO_TRISTATE_UNKNOWN), never as zero. */
gint64       aero_columns_policy_guaranteed (AeroMemoryPolicy *policy);
gint64       aero_columns_policy_max        (AeroMemoryPolicy *policy);
AeroTristate aero_columns_policy_ballooning (AeroMemoryPolicy *policy);
/* -1, 0 or 1, for sorters of 64-bit values (a difference overflows). */
int          aero_columns_compare_int64     (gint64            a,
                                             gint64            b);

G_END_DECLS
