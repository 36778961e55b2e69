/* aero-format.h - the words and units the lists and panes show
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "aero-types.h"
#include "aero-version.h"

G_BEGIN_DECLS

/* Shown for a value the engine did not send; cells showing it are dimmed
 * so it never reads as a fact. */
#define AERO_FORMAT_UNKNOWN "—"

/* "1.5 GiB", "512 MiB", "4 TiB"; AERO_FORMAT_UNKNOWN for a negative (unset) value. */
char       *aero_format_bytes     (gint64        bytes);
/* "Up", "Powering Up", ... (translated) */
const char *aero_format_vm_status (AeroVmStatus  status);
/* A GBindingTransformFunc: a gint64 of MiB as aero_format_bytes() text,
 * for a row's subtitle bound to an edit's "...-mb" property. */
gboolean    aero_format_mib_binding (GBinding     *binding,
                                     const GValue *from,
                                     GValue       *to,
                                     gpointer      user_data);
/* "On" / "Off" / AERO_FORMAT_UNKNOWN */
const char *aero_format_tristate  (AeroTristate  value);
/* "4.7", or AERO_FORMAT_UNKNOWN for NULL */
char       *aero_format_version   (AeroVersion  *version);
/* The engine's own words for an engine error ("reason: detail"), else the
 * error message. */
char       *aero_format_error     (const GError *error);

G_END_DECLS
