/* aero-test-wait.h - waiting in tests: the main context runs until a
 * condition holds or an async call has finished, with a time limit
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* What the tests allow an answer from the demo engine over loopback. */
#define AERO_TEST_WAIT_SECONDS 30

typedef gboolean (*AeroTestCondition) (gpointer data);

/* Iterates the default main context until @condition (@data) is TRUE, at
 * most @seconds. On time out: g_error () naming @what, or FALSE when @what
 * is NULL (a test that expects nothing to happen). */
gboolean      aero_test_wait_for     (AeroTestCondition   condition,
                                      gpointer            data,
                                      guint               seconds,
                                      const char         *what);
/* The same for a flag a callback sets. */
void          aero_test_wait_flag    (gboolean           *flag,
                                      const char         *what);

/* A GAsyncReadyCallback that stores a reference to the result in the
 * GAsyncResult * that @user_data points to. */
void          aero_test_store_result (GObject            *source,
                                      GAsyncResult       *result,
                                      gpointer            user_data);
/* Waits until aero_test_store_result () has filled *@slot and takes it
 * (transfer full), leaving *@slot NULL for the next call. @what names
 * the call in the time-out error (NULL: "an async call"). */
GAsyncResult *aero_test_wait_result  (GAsyncResult      **slot,
                                      const char         *what);

G_END_DECLS
