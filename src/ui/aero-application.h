/* aero-application.h - the aerostat application (io.github.aerostat.Aerostat)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define AERO_TYPE_APPLICATION (aero_application_get_type ())
G_DECLARE_FINAL_TYPE (AeroApplication, aero_application, AERO, APPLICATION, AdwApplication)

/* Options: --demo, --engine URL, --user USER (and --demo-vms N for
 * performance work). */
AeroApplication *aero_application_new                (void);
/* Starts the embedded demo engine on 127.0.0.1 once (it lives as long as
 * the application) and returns its API URL, or NULL with @error. */
const char      *aero_application_ensure_demo_engine (AeroApplication  *self,
                                                      GError          **error);
/* Number of generated VMs for the demo engine (0: the seed inventory);
 * set before the demo engine starts. */
void             aero_application_set_demo_vms       (AeroApplication  *self,
                                                      guint             n_vms);

G_END_DECLS
