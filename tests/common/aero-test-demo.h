/* aero-test-demo.h - the demo engine in the test's process, and a client
 * logged in to it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "aero-demo-engine.h"
#include "aero-engine.h"

G_BEGIN_DECLS

/* Starts @demo (made and set up by the caller) on a free loopback port;
 * g_error () when it cannot listen. */
void aero_test_demo_start (AeroDemoEngine *demo);

typedef struct {
  AeroDemoEngine *demo;
  AeroEngine     *engine;
  /* The engine's clusters and templates as the client read them at login. */
  GListModel     *clusters;
  GListModel     *templates;
} AeroTestDemo;

/* Starts the demo engine with its seed inventory, playing release
 * @version ("4.3", "4.5.4", ...; NULL: AERO_DEMO_ENGINE_VERSION or its
 * default), its clock stopped when @frozen; logs in as the admin and
 * reads the clusters and templates. */
void aero_test_demo_open  (AeroTestDemo *self,
                           const char   *version,
                           gboolean      frozen);
void aero_test_demo_close (AeroTestDemo *self);

G_END_DECLS
