/* aero-cli.h - aerostat-cli: the client library from a terminal
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Exit codes (issue 2): success, engine or network error, bad usage. */
typedef enum {
  AERO_CLI_EXIT_OK = 0,
  AERO_CLI_EXIT_FAILURE = 1,
  AERO_CLI_EXIT_USAGE = 2,
} AeroCliExit;

/* Parses a SIZE argument: MiB by default ("4096"), or with a unit "M",
 * "MB", "MiB", "G", "GB", "GiB" (case-insensitive, "1.5G" allowed).
 * Returns FALSE for anything else, or a negative or fractional-byte size.
 * (oVirt's "MB" is a MiB, so both read the same.) */
gboolean   aero_cli_parse_size (const char *text,
                                gint64     *out_bytes);

/* Parses "on" / "off"; FALSE for anything else. */
gboolean   aero_cli_parse_switch (const char *text,
                                  gboolean   *out_value);

/* The columns @text takes in a terminal: wide characters count two,
 * combining marks none. */
glong      aero_cli_display_width (const char *text);

/* Runs the whole program; returns an AeroCliExit. @argv is modified. */
/* Control characters of engine text written out, for terminal output. */
char      *aero_cli_escape_text (const char *text,
                                 gboolean    keep_newlines);

int        aero_cli_main (int    argc,
                          char **argv);

/* Flushes and closes standard output after aero_cli_main(); returns
 * @code, or AERO_CLI_EXIT_FAILURE (with a message) when output was lost.
 * A reader that has gone away ends the process as SIGPIPE would. */
int        aero_cli_finish_output (int code);

G_END_DECLS
