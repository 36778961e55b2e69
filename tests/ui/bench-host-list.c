/* bench-host-list.c - the Hosts view with 500 hosts and 10,000 VMs
 *
 * Starts the demo engine in-process with 10,000 generated VMs (one host
 * per 20: 500 hosts), runs the real window, logs in, lets the VM list
 * load, then opens the Hosts view and measures: time until its rows and
 * pictures are there, the longest main loop stall meanwhile (a
 * high-priority 5 ms timer measuring its own lateness), sorting by the
 * committed share, a reload, and the peak RSS. Targets as for the VM
 * list (issue 4): stall < 50 ms, peak RSS < 200 MB.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <adwaita.h>

#include "aero-test-demo.h"
#include "aero-test-wait.h"
#include "aero-window-private.h"

#define N_VMS 10000
#define N_HOSTS (N_VMS / 20)
#define PROBE_MS 5

static gint64 probe_last;
static gint64 max_stall;
static gboolean login_done;

static double
ms (gint64 usec)
{
  return usec / 1000.0;
}

static gboolean
probe_cb (gpointer data)
{
  gint64 now = g_get_monotonic_time ();
  gint64 late = now - probe_last - PROBE_MS * 1000;

  if (late > max_stall)
    max_stall = late;
  probe_last = now;
  return G_SOURCE_CONTINUE;
}

static void
connect_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!aero_window_connect_finish (AERO_WINDOW (object), result, &error))
    g_error ("login: %s", error->message);
  login_done = TRUE;
}

static void
run_until (AeroTestCondition done,
           gpointer          data,
           guint             seconds)
{
  aero_test_wait_for (done, data, seconds, "the benchmark step");
}

static void
settle (guint msec)
{
  gint64 end = g_get_monotonic_time () + msec * 1000;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

static gboolean
vms_loaded (gpointer data)
{
  AeroWindow *window = data;

  return login_done && !aero_vm_view_get_loading (aero_window_get_vm_view (window)) &&
         g_list_model_get_n_items (aero_window_get_vm_model (window)) == N_VMS;
}

static guint loads;

static void
loaded_cb (AeroHostView *view,
           gpointer      data)
{
  loads++;
}

static gboolean
loaded_times (gpointer data)
{
  return loads >= GPOINTER_TO_UINT (data);
}

static long
peak_rss_kb (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;
  line = strstr (status, "VmHWM:");
  return line != NULL ? strtol (line + strlen ("VmHWM:"), NULL, 10) : -1;
}

static GtkColumnView *
find_column_view (GtkWidget *root)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkColumnView *found;

      if (GTK_IS_COLUMN_VIEW (child))
        return GTK_COLUMN_VIEW (child);
      if ((found = find_column_view (child)) != NULL)
        return found;
    }
  return NULL;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AeroDemoEngine) demo = NULL;
  g_autoptr(GError) error = NULL;
  AeroWindow *window;
  AeroHostView *hosts;
  GtkColumnView *column_view;
  GListModel *columns;
  gint64 t_open, t_sort, t_reload, open_stall, reload_stall;
  long rss_kb, rss_vms_kb;
  guint n_rows;
  gboolean ok = TRUE;

  g_setenv ("GSETTINGS_SCHEMA_DIR", AERO_TEST_SCHEMA_DIR, TRUE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);

  gtk_init ();
  g_main_context_acquire (g_main_context_default ());
  adw_init ();

  demo = aero_demo_engine_new (N_VMS, 1);
  aero_demo_engine_set_frozen (demo, TRUE);
  aero_test_demo_start (demo);

  window = aero_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  gtk_window_present (GTK_WINDOW (window));
  hosts = window->host_view;
  g_signal_connect (hosts, "loaded", G_CALLBACK (loaded_cb), NULL);
  for (int i = 0; i < 50; i++)
    g_main_context_iteration (NULL, FALSE);

  aero_window_connect_async (window, aero_demo_engine_get_api_url (demo),
                             "admin@internal", "demo", FALSE, NULL, connect_cb, NULL);
  run_until (vms_loaded, window, 120);
  settle (200);
  rss_vms_kb = peak_rss_kb ();

  /* Open the Hosts view: it lists the hosts twice and the 10,000 VMs. */
  probe_last = g_get_monotonic_time ();
  g_timeout_add_full (G_PRIORITY_HIGH, PROBE_MS, probe_cb, NULL, NULL);
  max_stall = 0;
  t_open = g_get_monotonic_time ();
  adw_view_stack_set_visible_child_name (window->view_stack, "hosts");
  run_until (loaded_times, GUINT_TO_POINTER (1), 120);
  t_open = g_get_monotonic_time () - t_open;
  settle (100);
  open_stall = max_stall;

  column_view = find_column_view (GTK_WIDGET (hosts));
  columns = gtk_column_view_get_columns (column_view);
  t_sort = g_get_monotonic_time ();
  {
    g_autoptr(GtkColumnViewColumn) percent = g_list_model_get_item (columns, g_list_model_get_n_items (columns) - 1);

    gtk_column_view_sort_by_column (column_view, percent, GTK_SORT_DESCENDING);
  }
  settle (0);
  t_sort = g_get_monotonic_time () - t_sort;
  settle (100);

  max_stall = 0;
  t_reload = g_get_monotonic_time ();
  aero_host_view_reload (hosts);
  run_until (loaded_times, GUINT_TO_POINTER (2), 120);
  t_reload = g_get_monotonic_time () - t_reload;
  settle (100);
  reload_stall = max_stall;

  rss_kb = peak_rss_kb ();
  n_rows = g_list_model_get_n_items (aero_host_view_get_model (hosts));

  printf ("hosts listed:                  %u\n", n_rows);
  printf ("Hosts view loaded:             %.1f ms (longest stall %.1f ms)\n", ms (t_open), ms (open_stall));
  printf ("sort by committed share:       %.1f ms\n", ms (t_sort));
  printf ("reload:                        %.1f ms (longest stall %.1f ms)\n", ms (t_reload), ms (reload_stall));
  printf ("peak RSS:                      %.1f MB (%.1f MB with the VM list alone)\n",
          rss_kb / 1024.0, rss_vms_kb / 1024.0);
  fflush (stdout);

  if (n_rows != N_HOSTS)
    ok = FALSE, printf ("FAIL: %u hosts listed, not %u\n", n_rows, N_HOSTS);
  if (open_stall > 50 * 1000 || reload_stall > 50 * 1000)
    ok = FALSE, printf ("FAIL: main loop blocked longer than 50 ms\n");
  if (rss_kb > 200 * 1024)
    ok = FALSE, printf ("FAIL: peak RSS above 200 MB\n");

  gtk_window_destroy (GTK_WINDOW (window));
  aero_demo_engine_stop (demo);

  return ok ? 0 : 1;
}
