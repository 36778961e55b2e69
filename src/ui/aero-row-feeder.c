/* aero-row-feeder.c - moves streamed items into a list store, and out of
 * it, at a pace the list view can absorb without blocking the main loop
 *
 * GTK 4.8's list views keep about 200 rows alive whatever their height
 * (GTK_LIST_VIEW_MAX_LIST_ITEMS), and build the widgets of new rows
 * inside the store's "items-changed" emission; their style and size are
 * then computed in the next frame. Splicing the first 200 items at once
 * costs 1,400 cells in one go: well over 50 ms on a 2-core machine.
 *
 * So until the store holds that many items, each frame gets a slice of
 * the waiting items, cut by time rather than by count; past it, new
 * items no longer build rows and go in as they come. The first slice
 * goes in at once, so the first rows are not a frame late, unless the
 * view has just come on screen: its first frame (the whole page laid out
 * and painted) is costly enough alone, so rows start with the next.
 *
 * Emptying a big store is paced the same way, from the end: first the
 * items past the built rows, a few thousand at a time (each one freed
 * is a model finalized), then the built rows a few at a time (each one
 * destroys its widgets). Items pushed meanwhile wait for it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "aero-row-feeder.h"

/* GTK 4.8 builds at most 200 rows plus a few extra around its anchor. */
#define WARM_ITEMS   256
/* Time spent splicing per frame: styling the new rows in the same frame
 * costs about as much again, and the frame must still be painted. */
#define SLICE_USEC   (4 * 1000)
#define SLICE_CHUNK  4
/* Per step of emptying: items without rows, then rows. */
#define EMPTY_ITEMS  2000
#define EMPTY_ROWS   32

struct _AeroRowFeeder
{
  GObject     parent_instance;

  GListStore *store;     /* borrowed; NULL after shutdown */
  GtkWidget  *view;      /* borrowed; NULL after shutdown */
  GPtrArray  *pending;   /* items waiting, in order */
  guint       consumed;  /* items of @pending already appended */
  guint       tick_id;
  guint       empty_id;  /* idle emptying the store */
  gulong      map_id;
  gulong      unmap_id;
  gint64      mapped_frame;  /* the frame counter when the view was mapped */
  gboolean    busy;      /* as last notified */
};

G_DEFINE_FINAL_TYPE (AeroRowFeeder, aero_row_feeder, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_BUSY,
  PROP_EMPTYING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static guint
n_waiting (AeroRowFeeder *self)
{
  return self->pending->len - self->consumed;
}

static void
update_busy (AeroRowFeeder *self)
{
  gboolean busy = n_waiting (self) > 0 || self->empty_id != 0;

  if (busy == self->busy)
    return;

  self->busy = busy;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
forget_waiting (AeroRowFeeder *self)
{
  g_ptr_array_set_size (self->pending, 0);
  self->consumed = 0;
}

static void
append_waiting (AeroRowFeeder *self,
                guint          n)
{
  guint position = g_list_model_get_n_items (G_LIST_MODEL (self->store));
  gpointer *items = self->pending->pdata + self->consumed;

  /* Counted before the splice: a handler of its "items-changed" may
   * flush or clear, and must not see these again. */
  self->consumed += n;
  g_list_store_splice (self->store, position, 0, items, n);
}

static void
stop_ticking (AeroRowFeeder *self)
{
  if (self->tick_id != 0 && self->view != NULL)
    gtk_widget_remove_tick_callback (self->view, self->tick_id);
  self->tick_id = 0;
}

/* Appends what one frame can take. Returns TRUE when nothing waits. */
static gboolean
feed_slice (AeroRowFeeder *self)
{
  gint64 started = g_get_monotonic_time ();

  while (n_waiting (self) > 0)
    {
      guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->store));

      if (n_items >= WARM_ITEMS)
        {
          append_waiting (self, n_waiting (self));
          break;
        }
      append_waiting (self, MIN (SLICE_CHUNK, n_waiting (self)));
      if (g_get_monotonic_time () - started >= SLICE_USEC)
        break;
    }

  if (n_waiting (self) > 0)
    return FALSE;

  forget_waiting (self);
  update_busy (self);

  return TRUE;
}

/* TRUE once the view has been drawn since it was mapped. Frame counters
 * count frames begun: inside the first frame after mapping the counter
 * is one past the mapped one, outside of it already so. */
static gboolean
view_painted (AeroRowFeeder *self,
              gboolean       in_frame)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (self->view);

  if (clock == NULL)
    return FALSE;

  return gdk_frame_clock_get_frame_counter (clock) > self->mapped_frame + (in_frame ? 1 : 0);
}

static gboolean
tick_cb (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       user_data)
{
  AeroRowFeeder *self = user_data;

  if (self->empty_id != 0 || !view_painted (self, TRUE))
    return G_SOURCE_CONTINUE;

  if (!feed_slice (self))
    return G_SOURCE_CONTINUE;

  self->tick_id = 0;
  return G_SOURCE_REMOVE;
}

/* Feeds what waits: on screen a slice now (if the view was drawn) and
 * the rest frame by frame; off screen, where no frame comes, at once. */
static void
start_feeding (AeroRowFeeder *self)
{
  if (n_waiting (self) == 0 || self->empty_id != 0 || self->tick_id != 0)
    return;

  if (!gtk_widget_get_mapped (self->view))
    {
      aero_row_feeder_flush (self);
      return;
    }

  if (!view_painted (self, FALSE) || !feed_slice (self))
    self->tick_id = gtk_widget_add_tick_callback (self->view, tick_cb, self, NULL);
}

static void
stop_emptying (AeroRowFeeder *self)
{
  g_clear_handle_id (&self->empty_id, g_source_remove);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EMPTYING]);
}

static gboolean
empty_step_cb (gpointer user_data)
{
  AeroRowFeeder *self = user_data;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->store));
  guint cut;

  if (n > WARM_ITEMS)
    cut = MIN (n - WARM_ITEMS, EMPTY_ITEMS);
  else
    cut = MIN (n, EMPTY_ROWS);
  g_list_store_splice (self->store, n - cut, cut, NULL, 0);

  if (g_list_model_get_n_items (G_LIST_MODEL (self->store)) > 0)
    return G_SOURCE_CONTINUE;

  self->empty_id = 0;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EMPTYING]);
  start_feeding (self);
  update_busy (self);

  return G_SOURCE_REMOVE;
}

static void
view_map_cb (AeroRowFeeder *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (self->view);

  self->mapped_frame = clock != NULL ? gdk_frame_clock_get_frame_counter (clock) : 0;
}

/* A view that is not on screen builds no frames: the tick would never
 * come, so everything goes in at once. Emptying goes on: it needs no
 * frames. */
static void
view_unmap_cb (AeroRowFeeder *self)
{
  if (self->empty_id == 0)
    aero_row_feeder_flush (self);
}

static void
aero_row_feeder_finalize (GObject *object)
{
  AeroRowFeeder *self = AERO_ROW_FEEDER (object);

  aero_row_feeder_shutdown (self);
  g_ptr_array_unref (self->pending);

  G_OBJECT_CLASS (aero_row_feeder_parent_class)->finalize (object);
}

static void
aero_row_feeder_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  AeroRowFeeder *self = AERO_ROW_FEEDER (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, aero_row_feeder_get_busy (self));
      break;
    case PROP_EMPTYING:
      g_value_set_boolean (value, aero_row_feeder_get_emptying (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
aero_row_feeder_class_init (AeroRowFeederClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = aero_row_feeder_finalize;
  object_class->get_property = aero_row_feeder_get_property;

  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_EMPTYING] =
    g_param_spec_boolean ("emptying", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
aero_row_feeder_init (AeroRowFeeder *self)
{
  self->pending = g_ptr_array_new_with_free_func (g_object_unref);
}

AeroRowFeeder *
aero_row_feeder_new (GListStore *store,
                     GtkWidget  *view)
{
  AeroRowFeeder *self;

  g_return_val_if_fail (G_IS_LIST_STORE (store), NULL);
  g_return_val_if_fail (GTK_IS_WIDGET (view), NULL);

  self = g_object_new (AERO_TYPE_ROW_FEEDER, NULL);
  self->store = store;
  self->view = view;
  self->map_id = g_signal_connect_swapped (view, "map", G_CALLBACK (view_map_cb), self);
  self->unmap_id = g_signal_connect_swapped (view, "unmap", G_CALLBACK (view_unmap_cb), self);
  if (gtk_widget_get_mapped (view))
    view_map_cb (self);

  return self;
}

/* Queues @items (referenced) behind the ones already waiting. */
void
aero_row_feeder_push (AeroRowFeeder *self,
                      GPtrArray     *items)
{
  g_return_if_fail (AERO_IS_ROW_FEEDER (self));
  g_return_if_fail (items != NULL);

  if (items->len == 0 || self->store == NULL)
    return;

  for (guint i = 0; i < items->len; i++)
    g_ptr_array_add (self->pending, g_object_ref (g_ptr_array_index (items, i)));

  update_busy (self);
  start_feeding (self);
}

/* Empties the store now and appends everything waiting, in one splice. */
void
aero_row_feeder_flush (AeroRowFeeder *self)
{
  g_return_if_fail (AERO_IS_ROW_FEEDER (self));

  stop_ticking (self);
  if (self->store == NULL)
    return;

  if (self->empty_id != 0)
    {
      g_list_store_remove_all (self->store);
      stop_emptying (self);
    }
  if (n_waiting (self) > 0)
    append_waiting (self, n_waiting (self));
  forget_waiting (self);
  update_busy (self);
}

/* Drops everything waiting: the load it came from was abandoned. An
 * emptying store goes on emptying. */
void
aero_row_feeder_clear (AeroRowFeeder *self)
{
  g_return_if_fail (AERO_IS_ROW_FEEDER (self));

  stop_ticking (self);
  forget_waiting (self);
  update_busy (self);
}

/* Empties the store step by step (see the top of this file); what is
 * pushed meanwhile goes in once it is empty. */
void
aero_row_feeder_empty (AeroRowFeeder *self)
{
  g_return_if_fail (AERO_IS_ROW_FEEDER (self));

  if (self->store == NULL || self->empty_id != 0 ||
      g_list_model_get_n_items (G_LIST_MODEL (self->store)) == 0)
    return;

  stop_ticking (self);
  self->empty_id = g_idle_add_full (G_PRIORITY_DEFAULT, empty_step_cb, self, NULL);
  g_source_set_static_name (g_main_context_find_source_by_id (NULL, self->empty_id),
                            "[aerostat] empty list");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EMPTYING]);
  update_busy (self);
}

gboolean
aero_row_feeder_get_busy (AeroRowFeeder *self)
{
  g_return_val_if_fail (AERO_IS_ROW_FEEDER (self), FALSE);

  return n_waiting (self) > 0 || self->empty_id != 0;
}

gboolean
aero_row_feeder_get_emptying (AeroRowFeeder *self)
{
  g_return_val_if_fail (AERO_IS_ROW_FEEDER (self), FALSE);

  return self->empty_id != 0;
}

/* Forgets the store and the view; waiting items are dropped. */
void
aero_row_feeder_shutdown (AeroRowFeeder *self)
{
  g_return_if_fail (AERO_IS_ROW_FEEDER (self));

  stop_ticking (self);
  g_clear_handle_id (&self->empty_id, g_source_remove);
  if (self->view != NULL)
    {
      g_clear_signal_handler (&self->map_id, self->view);
      g_clear_signal_handler (&self->unmap_id, self->view);
    }
  self->view = NULL;
  self->store = NULL;
  forget_waiting (self);
}
