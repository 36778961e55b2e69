/* aero-cli-private.h - what the command files of aerostat-cli share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "aero-cli.h"
#include "aero-engine.h"

G_BEGIN_DECLS

/* aero-cli.c: one table row, each cell padded to the terminal width of
 * its column (negative: aligned right; the last cell is not padded). */
void        aero_cli_print_row    (const int         *widths,
                                   const char *const *cells,
                                   guint              n_cells);
/* "4 GiB", "2730 MiB", "-" when unset. */
char       *aero_cli_format_size  (gint64             bytes);
/* "on", "off", "unknown": not translated, scripts read them. */
const char *aero_cli_switch_text  (AeroTristate       value);
/* Pretty JSON and a newline on standard output. */
void        aero_cli_print_json   (JsonNode          *node);

/* aero-cli-hosts.c: "hosts" and "cluster show", once logged in. FALSE
 * with @error when the engine could not be read. */
gboolean    aero_cli_print_hosts   (AeroEngine    *engine,
                                    GCancellable  *cancellable,
                                    GListModel    *clusters,
                                    const char    *search,
                                    gboolean       json,
                                    GError       **error);
gboolean    aero_cli_print_cluster (AeroEngine    *engine,
                                    GCancellable  *cancellable,
                                    AeroCluster   *cluster,
                                    gboolean       json,
                                    GError       **error);

G_END_DECLS
