/* test-dialog-fixture.h - shared set-up of the dialog tests
 *
 * A small static library (test-dialog-fixture.c) linked by each dialog
 * test program.
 *
 * Each test gets a fresh demo engine (tests change its inventory), a
 * logged-in AeroEngine and the engine's clusters, templates and VMs.
 * Helpers wait on the main context with a timeout (tests/common), so a
 * hung request fails the test instead of the whole run.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "aero-demo-engine.h"
#include "aero-engine.h"
#include "aero-json.h"
#include "aero-test-wait.h"

#include <libsoup/soup.h>

G_BEGIN_DECLS

gint64 vm_guaranteed (AeroVm *vm);

gint64 vm_max_memory (AeroVm *vm);

/* One request as it went over the wire. */
typedef struct {
  char *method;
  char *path;
  char *query;   /* NULL when none */
  char *body;    /* "" when none */
} Recorded;

typedef struct {
  AeroDemoEngine *demo;
  SoupServer     *proxy;     /* records, then forwards to the demo engine */
  SoupSession    *upstream;
  char           *demo_base; /* "http://127.0.0.1:PORT" */
  GPtrArray      *recorded;  /* Recorded */
  AeroEngine     *engine;
  GListModel     *clusters;
  GListModel     *templates;
  GListModel     *vms;
} DialogFixture;

/* Lets pending idles and redraws run. */
void settle (void);

/* Waits until aero_test_store_result () filled *@slot; the result stays
 * there. */
GAsyncResult *wait_result (GAsyncResult **slot, const char *what);

/* Connects to @signal of @object and waits for its emission. */
void wait_signal (gpointer object, const char *signal);

/* Returns a flag that turns TRUE when @widget is destroyed. */
gboolean *watch_destroy (gpointer widget);

AeroVm *fixture_get_vm (DialogFixture *fixture, const char *id, gboolean next_run);

AeroCluster *fixture_get_cluster (DialogFixture *fixture, const char *id);

/* The item of @model whose "name" is @name (a new reference). */
gpointer find_by_name (GListModel *model, const char *name);

guint position_of (GListModel *model, const char *name);

GtkWidget *get_widget (gpointer root, const char *id);

/* OK follows the "dialog.ok" action: insensitive while it is disabled. */
gboolean ok_enabled (gpointer dialog);

/* Rows that only hold text (an error, a reason) or hold their own control
 * are no Tab stops: keyboard users reach the controls, not the frames. */
void assert_no_frame_tab_stops (GtkWidget *widget);

/* A phone-width screen: a dialog fits 360 px, or scrolls. */
void assert_fits_narrow (gpointer dialog);

/* Return reaches OK: the dialog starts with the keyboard focus on it
 * (GTK would start on Cancel, and Return on a check box toggles it). */
void assert_focus_on_ok (gpointer dialog);

/* The label of a check button as shown (mnemonic underscore removed),
 * and its mnemonic key through the label it shows. */
char *check_label_shown (gpointer check);

guint check_mnemonic (gpointer check);

/* The requests of @method recorded since the last reset. */
GPtrArray *recorded_with_method (DialogFixture *fixture, const char *method);

void recorded_reset (DialogFixture *fixture);

void fixture_set_up (DialogFixture *fixture, gconstpointer data);

void fixture_tear_down (DialogFixture *fixture, gconstpointer data);

/* Each dialog test program's start: GTK in test mode, and libadwaita. */
void dialog_test_init (int *argc, char ***argv);

/* A test at @path with the fixture: the demo engine behind a recording
 * proxy, logged in, its lists read. */
#define DIALOG_TEST_ADD(path, func) \
  g_test_add ((path), DialogFixture, NULL, fixture_set_up, (func), fixture_tear_down)

/* @text re-printed compactly, for exact comparisons of bodies. */
char *normalised_json (const char *text);

/* The JSON text of @node, for exact comparisons. */
char *json_text (JsonNode *node);

/* The accessible description of @widget is @expected, or the test fails. */
void assert_description (gpointer widget, const char *expected);

gboolean check_active (gpointer dialog, const char *id);

void set_check (gpointer dialog, const char *id, gboolean active);

/* Opens Run Once on the VM called @name, presented, and waits until it
 * has loaded: an AeroRunOnceDialog. */
gpointer open_run_once (DialogFixture *fixture, const char *name);

G_END_DECLS
