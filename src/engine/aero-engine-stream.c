/* aero-engine-stream.c - collections read as a stream
 *
 * A real engine sends ~8 kB of JSON per VM: a 10,000-VM list is ~100 MB.
 * The body is never held whole: the caller's main context reads it in
 * 64 kB chunks and queues them to a worker thread, which feeds the
 * streaming parser and builds the models; the worker hands the models
 * back in batches (every ~200 items or ~20 ms) to the caller's context.
 * At most MAX_QUEUED_CHUNKS chunks wait in the queue: when the worker
 * falls behind, reading pauses until it catches up.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "aero-engine-private.h"
#include "aero-json-fields.h"
#include "aero-stream-parser.h"

#define CHUNK_SIZE          (64 * 1024)
#define MAX_QUEUED_CHUNKS   16
#define BATCH_ITEMS         200
#define BATCH_INTERVAL_USEC (20 * 1000)

/* Queued after the last chunk, and when reading failed. */
static char end_marker;
static char abort_marker;

typedef struct
{
  /* Set up before the worker starts, read-only afterwards. */
  GMainContext     *context;
  char             *element;
  GType             item_type;
  AeroJsonReadFunc  read;
  /* Instead of @read for the collections that have them. */
  const AeroJsonFields *fields;
  AeroBatchFunc     batch_func;
  gpointer          batch_data;
  guint             http_status;
  GAsyncQueue      *queue;
  /* Items go to @batch_func only, the result stays empty: a list
   * written out as it arrives must not be kept as well. */
  gboolean          keep_items;
  /* Cancels the request: by the caller's cancellable, at the deadline,
   * or by us when the document turned out to be malformed. */
  AeroDeadline     *deadline;
  GCancellable     *cancellable;

  /* Caller's context only. */
  GListStore       *store;
  SoupMessage      *msg;
  GInputStream     *stream;
  GThread          *thread;
  GError           *read_error;
  gboolean          read_pending;
  gboolean          finished;

  /* Shared, under @lock. */
  GMutex            lock;
  guint             queued;
  gboolean          reader_waiting;
  gint              stop;             /* atomic: the worker gave up */

  /* Worker only. */
  GPtrArray        *pending;
  gint64            last_flush;
  GError           *parse_error;
} StreamJob;

typedef struct
{
  GTask     *task;
  GPtrArray *items;
} Batch;

static void
queue_item_free (gpointer item)
{
  if (item != &end_marker && item != &abort_marker)
    g_bytes_unref (item);
}

static void
stream_job_free (StreamJob *job)
{
  /* The worker has always been joined by now (see on_worker_done). */
  g_assert (job->thread == NULL);

  g_clear_object (&job->cancellable);
  aero_deadline_free (job->deadline);
  g_clear_pointer (&job->context, g_main_context_unref);
  g_free (job->element);
  g_clear_pointer (&job->queue, g_async_queue_unref);
  g_clear_object (&job->store);
  g_clear_object (&job->msg);
  g_clear_object (&job->stream);
  g_clear_error (&job->read_error);
  g_mutex_clear (&job->lock);
  g_clear_pointer (&job->pending, g_ptr_array_unref);
  g_clear_error (&job->parse_error);
  g_free (job);
}

static void
batch_free (Batch *batch)
{
  g_clear_object (&batch->task);
  g_clear_pointer (&batch->items, g_ptr_array_unref);
  g_free (batch);
}

static void read_next_chunk (GTask *task);

/* --- caller's context ------------------------------------------------- */

/* Queues @func on the caller's context. Never g_main_context_invoke() from
 * the worker: when the caller's context happens to be owned by nobody at
 * that instant, invoke runs the function right here in the worker thread. */
static void
invoke_in_context (GMainContext   *context,
                   GSourceFunc     func,
                   gpointer        data,
                   GDestroyNotify  notify)
{
  g_autoptr(GSource) source = g_idle_source_new ();

  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, func, data, notify);
  g_source_set_static_name (source, "[aerostat] stream batch");
  g_source_attach (source, context);
}


static gboolean
deliver_batch (gpointer user_data)
{
  Batch *batch = user_data;
  StreamJob *job = g_task_get_task_data (batch->task);

  /* Nothing reaches the caller once it cancelled, even what was parsed
   * before it noticed. */
  if (job->finished || job->read_error != NULL ||
      g_cancellable_is_cancelled (job->cancellable))
    return G_SOURCE_REMOVE;

  if (job->keep_items)
    g_list_store_splice (job->store,
                         g_list_model_get_n_items (G_LIST_MODEL (job->store)),
                         0, batch->items->pdata, batch->items->len);
  if (job->batch_func != NULL)
    job->batch_func (batch->items, job->batch_data);

  return G_SOURCE_REMOVE;
}

static gboolean
resume_reading (gpointer user_data)
{
  GTask *task = user_data;
  StreamJob *job = g_task_get_task_data (task);

  if (!job->finished && !job->read_pending && job->read_error == NULL &&
      !g_atomic_int_get (&job->stop))
    read_next_chunk (task);

  return G_SOURCE_REMOVE;
}

/* Closing the body stream early would make libsoup read the rest of it
 * (to reuse the connection), i.e. download the remainder of a possibly
 * huge list nobody wants any more; cancelling the message drops the
 * connection instead. */
static void
abandon_stream (StreamJob *job)
{
  g_cancellable_cancel (job->cancellable);
  g_clear_object (&job->stream);
}

static gboolean
on_worker_done (gpointer user_data)
{
  GTask *task = user_data;
  StreamJob *job = g_task_get_task_data (task);

  job->finished = TRUE;
  g_thread_join (g_steal_pointer (&job->thread));
  if (job->parse_error != NULL)
    abandon_stream (job);

  if (job->read_error != NULL)
    {
      g_task_return_error (task, g_steal_pointer (&job->read_error));
    }
  else if (job->parse_error != NULL)
    {
      g_task_return_error (task,
                           aero_engine_error_new_own (AERO_ENGINE_ERROR_PARSE, job->http_status,
                                                      NULL, job->parse_error->message));
    }
  else
    {
      g_task_return_pointer (task, g_object_ref (job->store), g_object_unref);
    }

  return G_SOURCE_REMOVE;
}

static void
on_chunk_read (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) chunk = NULL;
  StreamJob *job = g_task_get_task_data (task);
  gboolean full;

  job->read_pending = FALSE;
  chunk = g_input_stream_read_bytes_finish (G_INPUT_STREAM (object), result, &error);

  /* The worker gave up on a malformed document: nothing more to read. */
  if (job->finished || g_atomic_int_get (&job->stop))
    {
      abandon_stream (job);
      return;
    }

  if (chunk == NULL)
    {
      job->read_error = aero_deadline_map_error (job->deadline, error, job->msg);
      g_async_queue_push (job->queue, &abort_marker);
      return;
    }

  if (g_bytes_get_size (chunk) == 0)
    {
      /* At the end of the body, closing hands the connection back to
       * the session for the next request. */
      g_input_stream_close_async (job->stream, G_PRIORITY_DEFAULT, NULL, NULL, NULL);
      g_clear_object (&job->stream);
      g_async_queue_push (job->queue, &end_marker);
      return;
    }

  g_mutex_lock (&job->lock);
  job->queued++;
  g_async_queue_push (job->queue, g_steal_pointer (&chunk));
  full = job->queued >= MAX_QUEUED_CHUNKS;
  if (full)
    job->reader_waiting = TRUE;
  g_mutex_unlock (&job->lock);

  if (!full)
    read_next_chunk (task);
}

static void
read_next_chunk (GTask *task)
{
  StreamJob *job = g_task_get_task_data (task);

  job->read_pending = TRUE;
  g_input_stream_read_bytes_async (job->stream, CHUNK_SIZE, G_PRIORITY_DEFAULT,
                                   job->cancellable, on_chunk_read, g_object_ref (task));
}

/* --- worker thread ---------------------------------------------------- */

static void
flush_pending (GTask     *task,
               StreamJob *job)
{
  Batch *batch;

  job->last_flush = g_get_monotonic_time ();
  if (job->pending->len == 0)
    return;

  batch = g_new0 (Batch, 1);
  batch->task = g_object_ref (task);
  batch->items = g_steal_pointer (&job->pending);
  job->pending = g_ptr_array_new_with_free_func (g_object_unref);

  invoke_in_context (job->context,
                     deliver_batch, batch, (GDestroyNotify) batch_free);
}

typedef struct
{
  GTask     *task;
  StreamJob *job;
} ElementContext;

/* @item (owned) was read from an element whose "id" is @id. */
static void
take_item (ElementContext *ctx,
           const char     *id,
           gpointer        item)
{
  /* An item is known by its id: without one it cannot be shown apart
   * from another or edited, and a request built from it would go to
   * "/vms/" itself. The whole list fails, as for any malformed part. */
  if (id == NULL || *id == '\0')
    {
      g_set_error (&ctx->job->parse_error, AERO_ENGINE_ERROR, AERO_ENGINE_ERROR_PARSE,
                   _("An item of the engine's %s list has no id"), ctx->job->element);
      g_clear_object (&item);
      return;
    }

  if (item == NULL)
    return;

  g_ptr_array_add (ctx->job->pending, item);
  if (ctx->job->pending->len >= BATCH_ITEMS ||
      g_get_monotonic_time () - ctx->job->last_flush >= BATCH_INTERVAL_USEC)
    flush_pending (ctx->task, ctx->job);
}

static void
on_element (JsonObject *element,
            gpointer    user_data)
{
  ElementContext *ctx = user_data;

  /* Items after a bad one in the same chunk are dropped: the list fails. */
  if (ctx->job->parse_error != NULL)
    return;

  take_item (ctx, aero_json_get_string (element, "id"), ctx->job->read (element));
}

/* The same for the collections read straight into models. */
static void
on_values (const AeroJsonValue *values,
           gpointer             user_data)
{
  ElementContext *ctx = user_data;

  if (ctx->job->parse_error != NULL)
    return;

  take_item (ctx, aero_json_value_string (&values[ctx->job->fields->id_field]),
             ctx->job->fields->read (values));
}

/* Blocks for the next queued item, delivering what is parsed so far first
 * so that a slow network still shows items as they arrive. */
static gpointer
next_queued (GTask     *task,
             StreamJob *job)
{
  gpointer item = g_async_queue_try_pop (job->queue);

  if (item == NULL)
    {
      flush_pending (task, job);
      item = g_async_queue_pop (job->queue);
    }

  return item;
}

static gpointer
stream_worker (gpointer user_data)
{
  GTask *task = user_data;
  StreamJob *job = g_task_get_task_data (task);
  ElementContext ctx = { task, job };
  g_autoptr(AeroStreamParser) parser = NULL;
  gboolean aborted = FALSE;

  /* VMs, templates and clusters are read straight from the parser's
   * events, with no tree in between; the rest from a tree of only the
   * members the model readers look at: most of a VM's ~8 kB are links
   * and fields no model reads. */
  if (job->fields != NULL)
    parser = aero_stream_parser_new_fields (job->element, job->fields->paths, on_values, &ctx);
  else
    {
      parser = aero_stream_parser_new (job->element, on_element, &ctx);
      aero_stream_parser_set_element_members (parser, aero_json_get_collection_members (job->element));
    }
  job->last_flush = g_get_monotonic_time ();

  for (;;)
    {
      gpointer item = next_queued (task, job);
      gboolean resume = FALSE;
      gboolean ok;

      if (item == &abort_marker)
        {
          aborted = TRUE;
          break;
        }

      if (item == &end_marker)
        {
          aero_stream_parser_finish (parser, &job->parse_error);
          break;
        }

      g_mutex_lock (&job->lock);
      job->queued--;
      if (job->reader_waiting && job->queued <= MAX_QUEUED_CHUNKS / 2)
        {
          job->reader_waiting = FALSE;
          resume = TRUE;
        }
      g_mutex_unlock (&job->lock);

      if (resume)
        invoke_in_context (job->context, resume_reading,
                           g_object_ref (task), g_object_unref);

      ok = aero_stream_parser_feed (parser, g_bytes_get_data (item, NULL),
                                    g_bytes_get_size (item), &job->parse_error);
      g_bytes_unref (item);
      /* on_element () may have failed the list while the parser went on. */
      if (ok && job->parse_error != NULL)
        ok = FALSE;
      if (!ok)
        {
          g_atomic_int_set (&job->stop, TRUE);
          break;
        }
    }

  if (!aborted && job->parse_error == NULL)
    flush_pending (task, job);

  /* Hands the worker's reference over to the caller's context. */
  invoke_in_context (job->context,
                     on_worker_done, task, g_object_unref);
  return NULL;
}

/* --- start ------------------------------------------------------------ */

static void
on_collection_sent (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(AeroResponse) response = NULL;
  g_autoptr(JsonObject) root = NULL;
  StreamJob *job = g_task_get_task_data (task);

  response = aero_engine_send_finish (AERO_ENGINE (object), result, &error);
  if (response == NULL)
    {
      g_task_return_error (task, aero_deadline_map_error (job->deadline, error, NULL));
      return;
    }

  job->http_status = soup_message_get_status (response->msg);
  if (response->stream == NULL)
    {
      /* Not a 2xx: the error document was read whole. */
      root = aero_engine_parse_response (job->http_status, response->body, &error);
      if (root == NULL)
        g_task_return_error (task, g_steal_pointer (&error));
      else
        g_task_return_pointer (task, g_object_ref (job->store), g_object_unref);
      return;
    }

  job->msg = g_object_ref (response->msg);
  job->stream = g_object_ref (response->stream);
  job->thread = g_thread_new ("aero-stream", stream_worker, g_object_ref (task));

  read_next_chunk (task);
}

void
aero_engine_read_collection_async (AeroEngine          *self,
                                   const char          *path_and_query,
                                   const char          *element,
                                   GType                item_type,
                                   AeroJsonReadFunc     read,
                                   AeroRequestFlags     flags,
                                   AeroBatchFunc        batch_func,
                                   gpointer             batch_data,
                                   gboolean             keep_items,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  StreamJob *job;

  task = aero_engine_new_task (self, cancellable, callback, user_data,
                               aero_engine_read_collection_async);

  job = g_new0 (StreamJob, 1);
  job->context = g_main_context_ref_thread_default ();
  job->element = g_strdup (element);
  job->item_type = item_type;
  job->read = read;
  job->fields = aero_json_get_collection_fields (element);
  job->batch_func = batch_func;
  job->batch_data = batch_data;
  job->keep_items = keep_items || batch_func == NULL;
  job->queue = g_async_queue_new_full (queue_item_free);
  job->store = g_list_store_new (item_type);
  job->pending = g_ptr_array_new_with_free_func (g_object_unref);
  g_mutex_init (&job->lock);
  /* The deadline runs from the request to the end of the list. */
  job->deadline = aero_deadline_new (self, cancellable);
  job->cancellable = g_object_ref (aero_deadline_get_cancellable (job->deadline));
  g_task_set_task_data (task, job, (GDestroyNotify) stream_job_free);

  aero_engine_send_async (self, SOUP_METHOD_GET, path_and_query, NULL,
                          flags | AERO_REQUEST_STREAM, job->cancellable,
                          on_collection_sent, g_steal_pointer (&task));
}

GListModel *
aero_engine_read_collection_finish (AeroEngine    *self,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  return aero_engine_propagate_pointer (self, result, aero_engine_read_collection_async, error);
}
