/* test-host-view.c - the Hosts view against the in-process demo engine:
 * its rows and figures, sorting, the engine search, the pictures of a
 * host and its cluster, the warning with Edit Cluster, and what the
 * picture reads out to a screen reader
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "aero-demo-engine.h"
#include "aero-test-demo.h"
#include "aero-test-wait.h"
#include "aero-host-view.h"
#include "aero-memory-chart.h"
#include "aero-vm-detail.h"

#define GIB G_GINT64_CONSTANT (1073741824)

static AeroDemoEngine *demo;

typedef AeroTestCondition Condition;

static void
wait_for (Condition   condition,
          gpointer    data,
          const char *what)
{
  aero_test_wait_for (condition, data, AERO_TEST_WAIT_SECONDS, what);
}

static void
store_result (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static gboolean
result_set (gpointer data)
{
  return *(GAsyncResult **) data != NULL;
}

static gboolean
view_loaded (gpointer data)
{
  return aero_host_view_get_loaded (data);
}

typedef struct
{
  AeroEngine   *engine;
  GListModel   *clusters;
  GtkWidget    *window;
  AeroHostView *view;
  gulong        loads;
} Fixture;

static void
count_load (Fixture *fixture)
{
  fixture->loads++;
}

static gboolean
loaded_again (gpointer data)
{
  Fixture *fixture = data;

  return fixture->loads > GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (fixture->view), "loads-before"));
}

static void
reload_and_wait (Fixture *fixture)
{
  g_object_set_data (G_OBJECT (fixture->view), "loads-before", GUINT_TO_POINTER (fixture->loads));
  aero_host_view_reload (fixture->view);
  wait_for (loaded_again, fixture, "the hosts again");
}

static void
setup (Fixture       *fixture,
       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GAsyncResult *result = NULL;

  fixture->engine = aero_engine_new (aero_demo_engine_get_api_url (demo), &error);
  g_assert_no_error (error);
  aero_engine_login_async (fixture->engine, "admin@internal", "demo", NULL, store_result, &result);
  wait_for (result_set, &result, "the login");
  g_assert_true (aero_engine_login_finish (fixture->engine, result, &error));
  g_clear_object (&result);
  aero_engine_list_clusters_async (fixture->engine, NULL, store_result, &result);
  wait_for (result_set, &result, "the clusters");
  fixture->clusters = aero_engine_list_clusters_finish (fixture->engine, result, &error);
  g_assert_no_error (error);
  g_clear_object (&result);

  fixture->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1100, 700);
  fixture->view = g_object_new (AERO_TYPE_HOST_VIEW, NULL);
  gtk_window_set_child (GTK_WINDOW (fixture->window), GTK_WIDGET (fixture->view));
  gtk_window_present (GTK_WINDOW (fixture->window));
  g_signal_connect_swapped (fixture->view, "loaded", G_CALLBACK (count_load), fixture);
  aero_host_view_set_engine (fixture->view, fixture->engine);
  aero_host_view_set_clusters (fixture->view, fixture->clusters);
  aero_host_view_reload (fixture->view);
  wait_for (view_loaded, fixture->view, "the hosts");
}

static void
teardown (Fixture       *fixture,
          gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_clear_object (&fixture->clusters);
  g_clear_object (&fixture->engine);
}

static char **
names (Fixture *fixture)
{
  GListModel *model = aero_host_view_get_model (fixture->view);
  guint n = g_list_model_get_n_items (model);
  char **out = g_new0 (char *, n + 1);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AeroHost) host = g_list_model_get_item (model, i);

      out[i] = g_strdup (aero_host_get_name (host));
    }
  return out;
}

static GtkColumnViewColumn *
column (Fixture    *fixture,
        const char *id)
{
  GtkColumnView *view = NULL;
  GListModel *columns;

  for (GtkWidget *w = GTK_WIDGET (fixture->view); w != NULL;)
    {
      if (GTK_IS_COLUMN_VIEW (w))
        {
          view = GTK_COLUMN_VIEW (w);
          break;
        }
      /* Depth first through the view's own widgets. */
      if (gtk_widget_get_first_child (w) != NULL)
        w = gtk_widget_get_first_child (w);
      else
        {
          while (w != NULL && gtk_widget_get_next_sibling (w) == NULL)
            w = gtk_widget_get_parent (w);
          w = w != NULL ? gtk_widget_get_next_sibling (w) : NULL;
        }
    }
  g_assert_nonnull (view);
  columns = gtk_column_view_get_columns (view);
  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) c = g_list_model_get_item (columns, i);

      if (g_strcmp0 (g_object_get_data (G_OBJECT (c), "aero-column-id"), id) == 0)
        return c;
    }
  g_error ("no column %s", id);
}

static void
test_rows (Fixture       *fixture,
           gconstpointer  data)
{
  g_auto(GStrv) sorted = names (fixture);
  const char *const expected[] = { "host-01", "host-02", "legacy-host-01", "night-host-01",
                                   "prod-host-01", "stable-host-01", NULL };
  GtkColumnView *view;
  g_auto(GStrv) by_percent = NULL;

  /* Sorted by name at first. */
  g_assert_true (g_strv_equal ((const char *const *) sorted, expected));

  /* By committed share, highest first. */
  view = GTK_COLUMN_VIEW (gtk_column_view_column_get_column_view (column (fixture, "percent")));
  gtk_column_view_sort_by_column (view, column (fixture, "percent"), GTK_SORT_DESCENDING);
  by_percent = names (fixture);
  g_assert_cmpstr (by_percent[0], ==, "night-host-01");   /* 150 % */
  g_assert_cmpstr (by_percent[1], ==, "host-01");         /* 112 % */
  g_assert_cmpstr (by_percent[5], ==, "legacy-host-01");  /* 12 % */
}

static void
test_pictures (Fixture       *fixture,
               gconstpointer  data)
{
  AeroMemoryPicture *host, *cluster;
  g_autofree char *lines = NULL;

  g_assert_true (aero_host_view_select_name (fixture->view, "host-02"));
  host = aero_host_view_get_host_picture (fixture->view);
  cluster = aero_host_view_get_cluster_picture (fixture->view);
  g_assert_nonnull (host);
  g_assert_nonnull (cluster);
  /* host-02: db-01 16 GiB (guaranteed 16), mon-01 2 (1), ci-runner-02 8 (4). */
  g_assert_cmpint (aero_memory_picture_get_physical (host), ==, 24 * GIB);
  g_assert_cmpint (aero_memory_picture_get_committed (host), ==, 26 * GIB);
  g_assert_cmpint (aero_memory_picture_get_guaranteed (host), ==, 21 * GIB);
  g_assert_cmpint (aero_memory_picture_get_balloon_headroom (host), ==, 5 * GIB);
  g_assert_cmpint (aero_memory_picture_get_committed_percent (host), ==, 108);
  /* Default: host-01 and host-02, nine running VMs. */
  g_assert_cmpuint (aero_memory_picture_get_hosts (cluster), ==, 2);
  g_assert_cmpint (aero_memory_picture_get_physical (cluster), ==, 56 * GIB);
  g_assert_cmpint (aero_memory_picture_get_committed (cluster), ==, 62 * GIB);
  g_assert_cmpstr (aero_host_view_get_cluster_text (fixture->view), ==,
                   "Memory over-commit 150 % · KSM Off · Balloon optimization On");
  g_assert_false (aero_host_view_get_cluster_warns (fixture->view));

  lines = aero_host_view_dup_vm_lines (fixture->view);
  g_assert_cmpstr (lines, ==,
                   "db-01: Memory 16\u00a0GiB · Guaranteed 16\u00a0GiB · Ballooning On\n"
                   "mon-01: Memory 2\u00a0GiB · Guaranteed 1\u00a0GiB · Ballooning On\n"
                   "ci-runner-02: Memory 8\u00a0GiB · Guaranteed 4\u00a0GiB · Ballooning On\n");

  /* Overnight: over-commit with neither KSM nor balloon optimization. */
  g_assert_true (aero_host_view_select_name (fixture->view, "night-host-01"));
  g_assert_true (aero_host_view_get_cluster_warns (fixture->view));
  g_assert_cmpint (aero_memory_picture_get_committed_percent (aero_host_view_get_host_picture (fixture->view)),
                   ==, 150);
}

/* The chart's accessible description is its legend, figure for figure. */
static void
test_chart_accessible (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GListModel) vms = NULL;
  AeroMemoryChart *chart = AERO_MEMORY_CHART (aero_memory_chart_new ());
  g_autofree char *legend = NULL;

  g_object_ref_sink (chart);
  g_assert_true (aero_host_view_select_name (fixture->view, "stable-host-01"));
  aero_memory_chart_set_picture (chart, aero_host_view_get_host_picture (fixture->view));
  legend = aero_memory_picture_dup_legend (aero_host_view_get_host_picture (fixture->view));
  g_assert_cmpstr (aero_memory_chart_get_legend (chart), ==, legend);
  g_assert_cmpstr (legend, ==,
                   "Physical memory: 8\u00a0GiB\n"
                   "In use: 6.5\u00a0GiB\n"
                   "Guaranteed floor of running VMs: 4\u00a0GiB\n"
                   "Committed to running VMs: 8\u00a0GiB, 100 % of physical\n"
                   "Balloon headroom: 2\u00a0GiB");
  g_object_unref (chart);
}

static void
test_search (Fixture       *fixture,
             gconstpointer  data)
{
  g_auto(GStrv) found = NULL;
  g_autoptr(GError) error = NULL;

  g_object_set_data (G_OBJECT (fixture->view), "loads-before", GUINT_TO_POINTER (fixture->loads));
  aero_host_view_set_search (fixture->view, "cluster=Default");
  wait_for (loaded_again, fixture, "the search");
  found = names (fixture);
  g_assert_cmpuint (g_strv_length (found), ==, 2);
  g_assert_cmpstr (found[0], ==, "host-01");
  g_assert_cmpstr (found[1], ==, "host-02");

  /* The cluster picture still adds up all of the cluster's hosts. */
  g_assert_true (aero_host_view_select_name (fixture->view, "host-01"));
  g_assert_cmpuint (aero_memory_picture_get_hosts (aero_host_view_get_cluster_picture (fixture->view)), ==, 2);

  aero_host_view_set_search (fixture->view, "");
  reload_and_wait (fixture);
  g_strfreev (found);
  found = names (fixture);
  g_assert_cmpuint (g_strv_length (found), ==, 6);
}

/* A reload updates the listed hosts in place: rows and selection keep
 * their objects. */
static void
test_reload_in_place (Fixture       *fixture,
                      gconstpointer  data)
{
  GListModel *model = aero_host_view_get_model (fixture->view);
  g_autoptr(AeroHost) before = NULL;
  g_autoptr(AeroHost) after = NULL;

  g_assert_true (aero_host_view_select_name (fixture->view, "host-02"));
  before = g_object_ref (aero_host_view_get_selected (fixture->view));
  reload_and_wait (fixture);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 6);
  after = g_object_ref (aero_host_view_get_selected (fixture->view));
  g_assert_true (before == after);
  g_assert_nonnull (aero_host_view_get_host_picture (fixture->view));
}

/* A reload right after another: each host is listed once. */
static void
test_reload_twice (Fixture       *fixture,
                   gconstpointer  data)
{
  g_auto(GStrv) listed = NULL;

  g_object_set_data (G_OBJECT (fixture->view), "loads-before", GUINT_TO_POINTER (fixture->loads));
  aero_host_view_reload (fixture->view);
  aero_host_view_set_search (fixture->view, "");
  wait_for (loaded_again, fixture, "the hosts again");
  listed = names (fixture);
  g_assert_cmpuint (g_strv_length (listed), ==, 6);
}

static gboolean
pictures_seen (gpointer data)
{
  return *(guint *) data > 0;
}

static void
count_pictures (guint *count)
{
  (*count)++;
}

/* The VMs another view listed already: the pictures add them up, a
 * reload does not list them again, and a new list rebuilds the figures
 * without a reload. */
static void
test_shared_vms (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GListStore) none = g_list_store_new (AERO_TYPE_VM);
  g_autoptr(GListModel) vms = NULL;
  g_autoptr(GError) error = NULL;
  GAsyncResult *result = NULL;
  AeroMemoryPicture *host;
  guint rebuilt = 0;

  /* No VMs at all: host-02 is promised nothing. */
  aero_host_view_set_vms (fixture->view, G_LIST_MODEL (none));
  reload_and_wait (fixture);
  g_assert_true (aero_host_view_select_name (fixture->view, "host-02"));
  host = aero_host_view_get_host_picture (fixture->view);
  g_assert_cmpint (aero_memory_picture_get_committed (host), ==, 0);
  g_assert_cmpuint (aero_memory_picture_get_running_vms (host), ==, 0);

  /* The whole list, handed over: the figures follow at once. */
  aero_engine_list_vms_async (fixture->engine, NULL, -1, AERO_LIST_ALL_CONTENT,
                              NULL, NULL, NULL, store_result, &result);
  wait_for (result_set, &result, "the VMs");
  vms = aero_engine_list_vms_finish (fixture->engine, result, &error);
  g_assert_no_error (error);
  g_clear_object (&result);
  g_signal_connect_swapped (fixture->view, "pictures-changed", G_CALLBACK (count_pictures), &rebuilt);
  aero_host_view_set_vms (fixture->view, vms);
  wait_for (pictures_seen, &rebuilt, "the figures");
  host = aero_host_view_get_host_picture (fixture->view);
  g_assert_cmpint (aero_memory_picture_get_committed (host), ==, 26 * GIB);
  g_assert_cmpint (aero_memory_picture_get_balloon_headroom (host), ==, 5 * GIB);
  g_assert_cmpuint (aero_memory_picture_get_hosts (aero_host_view_get_cluster_picture (fixture->view)), ==, 2);
  g_assert_cmpint (aero_memory_picture_get_committed (aero_host_view_lookup_cluster_picture (fixture->view,
                     aero_host_get_cluster_id (aero_host_view_get_selected (fixture->view)))), ==, 62 * GIB);
  g_signal_handlers_disconnect_by_data (fixture->view, &rebuilt);
}

static AdwActionRow *
find_row (GtkWidget  *root,
          const char *title)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      AdwActionRow *found;

      if (ADW_IS_ACTION_ROW (child) &&
          g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (child)), title) == 0)
        return ADW_ACTION_ROW (child);
      if ((found = find_row (child, title)) != NULL)
        return found;
    }
  return NULL;
}

static gboolean
host_named (gpointer data)
{
  return g_strcmp0 (adw_action_row_get_subtitle (data), "host-02") == 0;
}

/* From a VM to its host: the VM pane names the host it runs on. */
static void
test_vm_names_host (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GAsyncResult *result = NULL;
  g_autoptr(GListModel) vms = NULL;
  g_autoptr(AeroVm) running = NULL, down = NULL;
  AeroVmDetail *detail = g_object_new (AERO_TYPE_VM_DETAIL, NULL);
  GtkWidget *window = gtk_window_new ();
  AdwActionRow *row;

  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (detail));
  aero_engine_list_vms_async (fixture->engine, "name=mon-01 or name=web-03", -1, AERO_LIST_ALL_CONTENT,
                              NULL, NULL, NULL, store_result, &result);
  wait_for (result_set, &result, "the VMs");
  vms = aero_engine_list_vms_finish (fixture->engine, result, &error);
  g_assert_no_error (error);
  g_clear_object (&result);
  for (guint i = 0; i < g_list_model_get_n_items (vms); i++)
    {
      AeroVm *vm = g_list_model_get_item (vms, i);

      if (g_str_equal (aero_vm_get_name (vm), "mon-01"))
        running = vm;
      else
        down = vm;
    }
  g_assert_nonnull (running);
  g_assert_nonnull (down);

  aero_vm_detail_set_engine (detail, fixture->engine);
  aero_vm_detail_show (detail, running, NULL, 1);
  row = find_row (GTK_WIDGET (detail), "Host");
  g_assert_nonnull (row);
  wait_for (host_named, row, "the host's name");

  aero_vm_detail_show (detail, down, NULL, 1);
  g_assert_cmpstr (adw_action_row_get_subtitle (row), ==, "Not running on a host");
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;

  gtk_test_init (&argc, &argv, NULL);
  g_main_context_acquire (g_main_context_default ());
  adw_init ();

  demo = aero_demo_engine_new (0, 1);
  aero_demo_engine_set_frozen (demo, TRUE);
  aero_test_demo_start (demo);

  g_test_add ("/host-view/rows", Fixture, NULL, setup, test_rows, teardown);
  g_test_add ("/host-view/pictures", Fixture, NULL, setup, test_pictures, teardown);
  g_test_add ("/host-view/chart-accessible", Fixture, NULL, setup, test_chart_accessible, teardown);
  g_test_add ("/host-view/search", Fixture, NULL, setup, test_search, teardown);
  g_test_add ("/host-view/vm-names-host", Fixture, NULL, setup, test_vm_names_host, teardown);
  g_test_add ("/host-view/reload-in-place", Fixture, NULL, setup, test_reload_in_place, teardown);
  g_test_add ("/host-view/reload-twice", Fixture, NULL, setup, test_reload_twice, teardown);
  g_test_add ("/host-view/shared-vms", Fixture, NULL, setup, test_shared_vms, teardown);

  return g_test_run ();
}
