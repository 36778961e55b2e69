/* aero-demo-engine.h - an oVirt engine emulator on SoupServer
 *
 * The demo engine serves the oVirt REST API (v4, JSON) on loopback, with
 * SSO and Basic authentication, the engine's faults and memory rules, a
 * deterministic seed inventory and optional persistence. It is embedded by
 * "aerostat --demo", shipped as the program aerostat-demo-engine, and every
 * integration test runs against it.
 *
 * Threading: the server runs in a dedicated thread with its own
 * GMainContext, and the inventory lives in that thread. Configure the
 * engine (state file, token lifetime, frozen) before
 * aero_demo_engine_start(); the getters are safe once it returned.
 *
 * It shares no code with src/engine/: two independent implementations of
 * the wire format are how a misnamed member gets caught.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define AERO_TYPE_DEMO_ENGINE (aero_demo_engine_get_type ())
G_DECLARE_FINAL_TYPE (AeroDemoEngine, aero_demo_engine, AERO, DEMO_ENGINE, GObject)

/* @n_vms: 0 serves the fixed seed inventory; N > 0 generates N VMs
 * deterministically from @seed (for performance work). */
AeroDemoEngine *aero_demo_engine_new             (guint            n_vms,
                                                  guint            seed);
/* Keeps the inventory in @path across restarts: loads it now if it exists,
 * and rewrites it atomically after each change. */
gboolean        aero_demo_engine_set_state_file  (AeroDemoEngine  *self,
                                                  const char      *path,
                                                  GError         **error);
/* Lifetime of SSO tokens in seconds (default 1800); 1 lets a test force a
 * 401 on an expired token. */
void            aero_demo_engine_set_token_lifetime (AeroDemoEngine *self,
                                                     guint           seconds);
/* Deterministic mode for screenshot tests: statistics and the clock do not
 * move. */
/* Plays engine release @version: "4.3", "4.4", "4.5" (the default) or a
 * full release such as "4.4.5.10" (aero-demo-version.h). The environment
 * variable AERO_DEMO_ENGINE_VERSION sets it for every new engine. */
gboolean        aero_demo_engine_set_engine_version (AeroDemoEngine *self,
                                                     const char     *version,
                                                     GError        **error);
void            aero_demo_engine_set_frozen      (AeroDemoEngine  *self,
                                                  gboolean         frozen);
/* How long a guest with an agent takes to shut down (POST /shutdown);
 * twice that by ACPI. Before the start. */
void            aero_demo_engine_set_shutdown_delay (AeroDemoEngine *self,
                                                     guint           milliseconds);

/* Serves on @address (loopback only: NULL or "localhost" mean 127.0.0.1,
 * "::1" works too) and @port (0 = a free port) in a dedicated thread with
 * its own GMainContext. Returns once listening. */
gboolean        aero_demo_engine_start           (AeroDemoEngine  *self,
                                                  const char      *address,
                                                  guint            port,
                                                  GError         **error);
/* Stops serving and joins the server thread; safe to call twice. */
void            aero_demo_engine_stop            (AeroDemoEngine  *self);

/* "http://127.0.0.1:PORT/ovirt-engine/api", NULL before start. */
const char     *aero_demo_engine_get_api_url     (AeroDemoEngine  *self);
guint           aero_demo_engine_get_port        (AeroDemoEngine  *self);

G_END_DECLS
