/* test-row-feeder.c - streamed rows reach the list paced by frames, in
 * order, all of them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gtk/gtk.h>

#include "aero-row-feeder.h"
#include "aero-test-wait.h"

#define N_ITEMS 1000

typedef struct
{
  GtkWindow     *window;
  GtkWidget     *list;
  GListStore    *store;
  AeroRowFeeder *feeder;
  int            busy_notifies;
} Fixture;

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *item)
{
  gtk_list_item_set_child (item, gtk_label_new (NULL));
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *item)
{
  GtkStringObject *string = gtk_list_item_get_item (item);

  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (item)),
                       gtk_string_object_get_string (string));
}

static void
busy_cb (Fixture *fixture)
{
  fixture->busy_notifies++;
}

static gboolean
count_frame_cb (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       data)
{
  int *frames = data;

  (*frames)++;
  return G_SOURCE_CONTINUE;
}

static void
wait_frames (GtkWidget *widget,
             int        n)
{
  int frames = 0;
  guint id = gtk_widget_add_tick_callback (widget, count_frame_cb, &frames, NULL);

  while (frames < n)
    g_main_context_iteration (NULL, TRUE);
  gtk_widget_remove_tick_callback (widget, id);
}

/* data: 0 off screen, 1 just mapped, 2 on screen and drawn */
static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkWidget *scroller = gtk_scrolled_window_new ();
  int state = GPOINTER_TO_INT (data);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), NULL);

  fixture->store = g_list_store_new (GTK_TYPE_STRING_OBJECT);
  fixture->list = gtk_list_view_new (GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (fixture->store)))),
                                     factory);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), fixture->list);
  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 400, 600);
  gtk_window_set_child (fixture->window, scroller);

  fixture->feeder = aero_row_feeder_new (fixture->store, fixture->list);
  g_signal_connect_swapped (fixture->feeder, "notify::busy", G_CALLBACK (busy_cb), fixture);

  if (state > 0)
    {
      gtk_window_present (fixture->window);
      while (!gtk_widget_get_mapped (fixture->list))
        g_main_context_iteration (NULL, TRUE);
    }
  if (state > 1)
    wait_frames (fixture->list, 2);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  aero_row_feeder_shutdown (fixture->feeder);
  g_clear_object (&fixture->feeder);
  gtk_window_destroy (fixture->window);
  g_clear_object (&fixture->store);
}

static GPtrArray *
make_items (guint first,
            guint n)
{
  GPtrArray *items = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = first; i < first + n; i++)
    {
      g_autofree char *text = g_strdup_printf ("vm-%05u", i);

      g_ptr_array_add (items, gtk_string_object_new (text));
    }

  return items;
}

static void
assert_in_order (GListStore *store,
                 guint       n)
{
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (G_LIST_MODEL (store), i);
      g_autofree char *expected = g_strdup_printf ("vm-%05u", i);

      g_assert_cmpstr (gtk_string_object_get_string (item), ==, expected);
    }
}

static gboolean
feeder_idle (gpointer data)
{
  Fixture *fixture = data;

  return !aero_row_feeder_get_busy (fixture->feeder);
}

static void
wait_idle (Fixture *fixture)
{
  aero_test_wait_for (feeder_idle, fixture, 20, "the feeder to finish");
}

/* On screen: the first rows at once, the rest over later frames, in
 * the order they came, through two pushes. */
static void
test_paced (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GPtrArray) first = make_items (0, N_ITEMS / 2);
  g_autoptr(GPtrArray) second = make_items (N_ITEMS / 2, N_ITEMS / 2);
  guint shown;

  aero_row_feeder_push (fixture->feeder, first);
  shown = g_list_model_get_n_items (G_LIST_MODEL (fixture->store));
  g_test_message ("%u rows in the first slice", shown);
  g_assert_cmpuint (shown, >, 0);
  /* GTK before 4.12 builds a widget for each of its first 200 rows as
   * they are added: those must not all go in at once. */
  if (gtk_get_minor_version () < 12)
    g_assert_cmpuint (shown, <, 200);
  g_assert_true (aero_row_feeder_get_busy (fixture->feeder));
  g_assert_cmpint (fixture->busy_notifies, ==, 1);

  aero_row_feeder_push (fixture->feeder, second);
  wait_idle (fixture);

  assert_in_order (fixture->store, N_ITEMS);
  g_assert_cmpint (fixture->busy_notifies, ==, 2);
}

/* Just on screen: its first frame is the page's alone, rows follow. */
static void
test_just_mapped (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GPtrArray) items = make_items (0, N_ITEMS);

  aero_row_feeder_push (fixture->feeder, items);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->store)), ==, 0);
  g_assert_true (aero_row_feeder_get_busy (fixture->feeder));

  wait_frames (fixture->list, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->store)), ==, 0);

  wait_idle (fixture);
  assert_in_order (fixture->store, N_ITEMS);
}

/* Off screen no frame comes: everything goes in at once. */
static void
test_unmapped (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GPtrArray) items = make_items (0, N_ITEMS);

  aero_row_feeder_push (fixture->feeder, items);

  assert_in_order (fixture->store, N_ITEMS);
  g_assert_false (aero_row_feeder_get_busy (fixture->feeder));
}

/* Hidden while rows wait: they go in at once too. */
static void
test_unmap_flushes (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GPtrArray) items = make_items (0, N_ITEMS);

  aero_row_feeder_push (fixture->feeder, items);
  g_assert_true (aero_row_feeder_get_busy (fixture->feeder));

  gtk_widget_set_visible (GTK_WIDGET (fixture->window), FALSE);

  assert_in_order (fixture->store, N_ITEMS);
  g_assert_false (aero_row_feeder_get_busy (fixture->feeder));
}

static void
test_flush (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GPtrArray) items = make_items (0, N_ITEMS);

  aero_row_feeder_push (fixture->feeder, items);
  aero_row_feeder_flush (fixture->feeder);

  assert_in_order (fixture->store, N_ITEMS);
  g_assert_false (aero_row_feeder_get_busy (fixture->feeder));
  g_assert_cmpint (fixture->busy_notifies, ==, 2);
}

/* An abandoned load: what waits is dropped, no later frame adds it. */
static void
test_clear (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GPtrArray) items = make_items (0, N_ITEMS);
  guint shown;

  aero_row_feeder_push (fixture->feeder, items);
  shown = g_list_model_get_n_items (G_LIST_MODEL (fixture->store));
  aero_row_feeder_clear (fixture->feeder);
  g_assert_false (aero_row_feeder_get_busy (fixture->feeder));

  for (int i = 0; i < 20; i++)
    g_main_context_iteration (NULL, FALSE);
  g_usleep (50 * 1000);
  for (int i = 0; i < 20; i++)
    g_main_context_iteration (NULL, FALSE);

  assert_in_order (fixture->store, shown);
}

static void
fill (Fixture *fixture,
      guint    n)
{
  g_autoptr(GPtrArray) items = make_items (100000, n);

  g_list_store_splice (fixture->store, 0, 0, items->pdata, items->len);
}

/* A reload: the old rows leave by steps, the new ones wait for them and
 * come in order; none of the old stays. */
static void
test_empty_then_feed (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GPtrArray) items = make_items (0, N_ITEMS);
  guint steps = 0;

  fill (fixture, 5000);
  wait_frames (fixture->list, 2);

  aero_row_feeder_empty (fixture->feeder);
  g_assert_true (aero_row_feeder_get_emptying (fixture->feeder));
  g_assert_true (aero_row_feeder_get_busy (fixture->feeder));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->store)), ==, 5000);

  aero_row_feeder_push (fixture->feeder, items);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->store)), ==, 5000);

  while (aero_row_feeder_get_emptying (fixture->feeder))
    {
      g_main_context_iteration (NULL, TRUE);
      steps++;
    }
  g_test_message ("emptied in %u steps", steps);
  g_assert_cmpuint (steps, >, 2);

  wait_idle (fixture);
  assert_in_order (fixture->store, N_ITEMS);
}

/* Flushing while it empties: empty and full at once. */
static void
test_empty_flush (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GPtrArray) items = make_items (0, N_ITEMS);

  fill (fixture, 5000);
  aero_row_feeder_empty (fixture->feeder);
  aero_row_feeder_push (fixture->feeder, items);
  aero_row_feeder_flush (fixture->feeder);

  g_assert_false (aero_row_feeder_get_emptying (fixture->feeder));
  g_assert_false (aero_row_feeder_get_busy (fixture->feeder));
  assert_in_order (fixture->store, N_ITEMS);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

  g_test_add ("/row-feeder/paced", Fixture, GINT_TO_POINTER (2),
              fixture_setup, test_paced, fixture_teardown);
  g_test_add ("/row-feeder/just-mapped", Fixture, GINT_TO_POINTER (1),
              fixture_setup, test_just_mapped, fixture_teardown);
  g_test_add ("/row-feeder/unmapped", Fixture, GINT_TO_POINTER (0),
              fixture_setup, test_unmapped, fixture_teardown);
  g_test_add ("/row-feeder/unmap-flushes", Fixture, GINT_TO_POINTER (2),
              fixture_setup, test_unmap_flushes, fixture_teardown);
  g_test_add ("/row-feeder/flush", Fixture, GINT_TO_POINTER (2),
              fixture_setup, test_flush, fixture_teardown);
  g_test_add ("/row-feeder/clear", Fixture, GINT_TO_POINTER (2),
              fixture_setup, test_clear, fixture_teardown);
  g_test_add ("/row-feeder/empty-then-feed", Fixture, GINT_TO_POINTER (2),
              fixture_setup, test_empty_then_feed, fixture_teardown);
  g_test_add ("/row-feeder/empty-flush", Fixture, GINT_TO_POINTER (2),
              fixture_setup, test_empty_flush, fixture_teardown);

  return g_test_run ();
}
