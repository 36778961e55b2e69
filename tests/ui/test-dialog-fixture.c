/* test-dialog-fixture.c - shared set-up of the dialog tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "aero-run-once-dialog.h"
#include "aero-test-wait.h"
#include "aero-test-widgets.h"
#include "test-dialog-fixture.h"

gint64
vm_guaranteed (AeroVm *vm)
{
  return aero_memory_policy_get_guaranteed (aero_vm_get_memory_policy (vm));
}

gint64
vm_max_memory (AeroVm *vm)
{
  return aero_memory_policy_get_max (aero_vm_get_memory_policy (vm));
}

/* Lets pending idles and redraws run. */
void
settle (void)
{
  for (guint i = 0; i < 50 && g_main_context_pending (NULL); i++)
    g_main_context_iteration (NULL, FALSE);
}

static gboolean
slot_filled (gpointer data)
{
  return *(GAsyncResult **) data != NULL;
}

/* Unlike aero_test_wait_result (), the result stays in @slot (which the
 * caller frees): the dialog tests read it more than once. */
GAsyncResult *
wait_result (GAsyncResult **slot,
             const char    *what)
{
  aero_test_wait_for (slot_filled, slot, AERO_TEST_WAIT_SECONDS, what);
  return *slot;
}

static void
signal_fired_cb (gboolean *flag)
{
  *flag = TRUE;
}

/* Connects to @signal of @object and waits for its emission. */
void
wait_signal (gpointer    object,
             const char *signal)
{
  gboolean fired = FALSE;
  gulong id = g_signal_connect_swapped (object, signal, G_CALLBACK (signal_fired_cb), &fired);

  aero_test_wait_flag (&fired, signal);
  g_signal_handler_disconnect (object, id);
}

static void
destroyed_cb (gboolean *flag)
{
  *flag = TRUE;
}

/* Returns a flag that turns TRUE when @widget is destroyed. */
gboolean *
watch_destroy (gpointer widget)
{
  gboolean *flag = g_new0 (gboolean, 1);

  g_signal_connect_swapped (widget, "destroy", G_CALLBACK (destroyed_cb), flag);
  return flag;
}

AeroVm *
fixture_get_vm (DialogFixture *fixture,
                const char    *id,
                gboolean       next_run)
{
  GAsyncResult *result = NULL;
  g_autoptr(GError) error = NULL;
  AeroVm *vm;

  aero_engine_get_vm_async (fixture->engine, id, next_run, NULL, aero_test_store_result, &result);
  vm = aero_engine_get_vm_finish (fixture->engine, wait_result (&result, "GET vm"), &error);
  g_object_unref (result);
  g_assert_no_error (error);
  return vm;
}

AeroCluster *
fixture_get_cluster (DialogFixture *fixture,
                     const char    *id)
{
  GAsyncResult *result = NULL;
  g_autoptr(GError) error = NULL;
  AeroCluster *cluster;

  aero_engine_get_cluster_async (fixture->engine, id, NULL, aero_test_store_result, &result);
  cluster = aero_engine_get_cluster_finish (fixture->engine, wait_result (&result, "GET cluster"), &error);
  g_object_unref (result);
  g_assert_no_error (error);
  return cluster;
}

/* The item of @model whose "name" is @name (a new reference). */
gpointer
find_by_name (GListModel *model,
              const char *name)
{
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);
      g_autofree char *item_name = NULL;

      g_object_get (item, "name", &item_name, NULL);
      if (g_strcmp0 (item_name, name) == 0)
        return g_steal_pointer (&item);
    }

  g_error ("no item named %s", name);
  return NULL;
}

guint
position_of (GListModel *model,
             const char *name)
{
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);
      g_autofree char *item_name = NULL;

      g_object_get (item, "name", &item_name, NULL);
      if (g_strcmp0 (item_name, name) == 0)
        return i;
    }

  g_error ("no item named %s", name);
  return G_MAXUINT;
}

GtkWidget *
get_widget (gpointer    root,
            const char *id)
{
  GtkWidget *widget = aero_test_find_widget (GTK_WIDGET (root), id);

  if (widget == NULL)
    g_error ("no widget with id %s", id);
  return widget;
}

/* OK follows the "dialog.ok" action: insensitive while it is disabled. */
gboolean
ok_enabled (gpointer dialog)
{
  return gtk_widget_get_sensitive (get_widget (dialog, "ok_button"));
}

/* Rows that only hold text (an error, a reason) or hold their own control
 * are no Tab stops: keyboard users reach the controls, not the frames. */
void
assert_no_frame_tab_stops (GtkWidget *widget)
{
  if (G_OBJECT_TYPE (widget) == ADW_TYPE_PREFERENCES_ROW && gtk_widget_get_focusable (widget))
    g_error ("a text row (%s) takes keyboard focus",
             gtk_buildable_get_buildable_id (GTK_BUILDABLE (widget)));

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    assert_no_frame_tab_stops (child);
}

/* A phone-width screen: a dialog fits 360 px, or scrolls. */
void
assert_fits_narrow (gpointer dialog)
{
  int minimum = 0;

  gtk_widget_measure (GTK_WIDGET (dialog), GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  g_test_message ("%s: minimum width %d", G_OBJECT_TYPE_NAME (dialog), minimum);
  g_assert_cmpint (minimum, <=, 360);
}

/* Return reaches OK: the dialog starts with the keyboard focus on it
 * (GTK would start on Cancel, and Return on a check box toggles it). */
void
assert_focus_on_ok (gpointer dialog)
{
  GtkWidget *ok = get_widget (dialog, "ok_button");

  for (guint i = 0; i < 20 && gtk_window_get_focus (GTK_WINDOW (dialog)) != ok; i++)
    {
      g_usleep (10000);
      settle ();
    }
  g_assert_true (gtk_window_get_default_widget (GTK_WINDOW (dialog)) == ok);
  g_assert_true (gtk_window_get_focus (GTK_WINDOW (dialog)) == ok);
}

/* The label of a check button as shown (mnemonic underscore removed),
 * and its mnemonic key through the label it shows. */
char *
check_label_shown (gpointer check)
{
  const char *label = gtk_check_button_get_label (GTK_CHECK_BUTTON (check));
  GString *shown = g_string_new (NULL);

  g_assert_true (gtk_check_button_get_use_underline (GTK_CHECK_BUTTON (check)));
  for (const char *p = label; p != NULL && *p != '\0'; p++)
    if (*p != '_')
      g_string_append_c (shown, *p);
  return g_string_free (shown, FALSE);
}

guint
check_mnemonic (gpointer check)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (check));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LABEL (child))
      return gdk_keyval_to_lower (gtk_label_get_mnemonic_keyval (GTK_LABEL (child)));
  return GDK_KEY_VoidSymbol;
}

static void
recorded_free (gpointer data)
{
  Recorded *r = data;

  g_free (r->method);
  g_free (r->path);
  g_free (r->query);
  g_free (r->body);
  g_free (r);
}

static void
copy_header (const char *name,
             const char *value,
             gpointer    user_data)
{
  if (g_ascii_strcasecmp (name, "Host") != 0
      && g_ascii_strcasecmp (name, "Content-Length") != 0
      && g_ascii_strcasecmp (name, "Connection") != 0
      /* The upstream session already decoded the body. */
      && g_ascii_strcasecmp (name, "Content-Encoding") != 0
      && g_ascii_strcasecmp (name, "Transfer-Encoding") != 0)
    soup_message_headers_append (user_data, name, value);
}

/* The recording proxy: what the dialogs send is checked on the wire, not
 * only through the engine's state afterwards. The demo engine serves from
 * its own thread, so a synchronous forward here cannot deadlock. */
static void
proxy_handler (SoupServer        *server,
               SoupServerMessage *msg,
               const char        *path,
               GHashTable        *query,
               gpointer           user_data)
{
  DialogFixture *fixture = user_data;
  GUri *uri = soup_server_message_get_uri (msg);
  SoupMessageBody *request_body = soup_server_message_get_request_body (msg);
  g_autoptr(GBytes) request_bytes = soup_message_body_flatten (request_body);
  g_autoptr(SoupMessage) forward = NULL;
  g_autoptr(GBytes) response = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  Recorded *r = g_new0 (Recorded, 1);
  gsize size;
  const char *data = g_bytes_get_data (request_bytes, &size);

  r->method = g_strdup (soup_server_message_get_method (msg));
  r->path = g_strdup (g_uri_get_path (uri));
  r->query = g_strdup (g_uri_get_query (uri));
  r->body = g_strndup (data != NULL ? data : "", size);
  g_ptr_array_add (fixture->recorded, r);

  url = g_strdup_printf ("%s%s%s%s", fixture->demo_base, r->path,
                         r->query != NULL ? "?" : "", r->query != NULL ? r->query : "");
  forward = soup_message_new (r->method, url);
  soup_message_headers_foreach (soup_server_message_get_request_headers (msg), copy_header,
                                soup_message_get_request_headers (forward));
  if (size > 0)
    soup_message_set_request_body_from_bytes (forward,
                                              soup_message_headers_get_content_type (soup_server_message_get_request_headers (msg), NULL),
                                              request_bytes);

  response = soup_session_send_and_read (fixture->upstream, forward, NULL, &error);
  if (response == NULL)
    {
      soup_server_message_set_status (msg, SOUP_STATUS_BAD_GATEWAY, NULL);
      return;
    }

  soup_server_message_set_status (msg, soup_message_get_status (forward), NULL);
  soup_message_headers_foreach (soup_message_get_response_headers (forward), copy_header,
                                soup_server_message_get_response_headers (msg));
  soup_message_body_append_bytes (soup_server_message_get_response_body (msg), response);
}

/* The requests of @method recorded since the last reset. */
GPtrArray *
recorded_with_method (DialogFixture *fixture,
                      const char    *method)
{
  GPtrArray *out = g_ptr_array_new ();

  for (guint i = 0; i < fixture->recorded->len; i++)
    {
      Recorded *r = g_ptr_array_index (fixture->recorded, i);

      if (g_strcmp0 (r->method, method) == 0)
        g_ptr_array_add (out, r);
    }
  return out;
}

void
recorded_reset (DialogFixture *fixture)
{
  g_ptr_array_set_size (fixture->recorded, 0);
}

void
fixture_set_up (DialogFixture *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *proxy_url = NULL;
  GAsyncResult *result = NULL;
  GSList *uris;

  fixture->demo = aero_demo_engine_new (0, 0);
  aero_demo_engine_set_frozen (fixture->demo, TRUE);
  g_assert_true (aero_demo_engine_start (fixture->demo, "127.0.0.1", 0, &error));
  g_assert_no_error (error);
  fixture->demo_base = g_strdup_printf ("http://127.0.0.1:%u", aero_demo_engine_get_port (fixture->demo));

  fixture->recorded = g_ptr_array_new_with_free_func (recorded_free);
  fixture->upstream = soup_session_new ();
  fixture->proxy = soup_server_new (NULL, NULL);
  soup_server_add_handler (fixture->proxy, NULL, proxy_handler, fixture, NULL);
  g_assert_true (soup_server_listen_local (fixture->proxy, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error));
  g_assert_no_error (error);
  uris = soup_server_get_uris (fixture->proxy);
  proxy_url = g_strdup_printf ("http://127.0.0.1:%d/ovirt-engine/api", g_uri_get_port (uris->data));
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  fixture->engine = aero_engine_new (proxy_url, &error);
  g_assert_no_error (error);

  aero_engine_login_async (fixture->engine, "admin@internal", "demo", NULL, aero_test_store_result, &result);
  g_assert_true (aero_engine_login_finish (fixture->engine, wait_result (&result, "login"), &error));
  g_assert_no_error (error);
  g_clear_object (&result);

  aero_engine_list_clusters_async (fixture->engine, NULL, aero_test_store_result, &result);
  fixture->clusters = aero_engine_list_clusters_finish (fixture->engine,
                                                        wait_result (&result, "clusters"), &error);
  g_assert_no_error (error);
  g_clear_object (&result);

  aero_engine_list_templates_async (fixture->engine, NULL, aero_test_store_result, &result);
  fixture->templates = aero_engine_list_templates_finish (fixture->engine,
                                                          wait_result (&result, "templates"), &error);
  g_assert_no_error (error);
  g_clear_object (&result);

  aero_engine_list_vms_async (fixture->engine, NULL, -1, AERO_LIST_ALL_CONTENT, NULL, NULL,
                              NULL, aero_test_store_result, &result);
  fixture->vms = aero_engine_list_vms_finish (fixture->engine, wait_result (&result, "vms"), &error);
  g_assert_no_error (error);
  g_clear_object (&result);

  recorded_reset (fixture);
}

void
fixture_tear_down (DialogFixture *fixture,
                   gconstpointer  data)
{
  GList *toplevels = gtk_window_list_toplevels ();

  /* Close whatever a failed step left open. */
  for (GList *l = toplevels; l != NULL; l = l->next)
    gtk_window_destroy (l->data);
  g_list_free (toplevels);
  settle ();

  g_clear_object (&fixture->vms);
  g_clear_object (&fixture->templates);
  g_clear_object (&fixture->clusters);
  g_clear_object (&fixture->engine);
  soup_server_disconnect (fixture->proxy);
  g_clear_object (&fixture->proxy);
  g_clear_object (&fixture->upstream);
  g_clear_pointer (&fixture->recorded, g_ptr_array_unref);
  g_clear_pointer (&fixture->demo_base, g_free);
  aero_demo_engine_stop (fixture->demo);
  g_clear_object (&fixture->demo);
}

/* @text re-printed compactly, for exact comparisons of bodies. */
char *
normalised_json (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  return json_to_string (json_parser_get_root (parser), FALSE);
}

/* The JSON text of @node, for exact comparisons. */
char *
json_text (JsonNode *node)
{
  return json_to_string (node, FALSE);
}

void
assert_description (gpointer    widget,
                    const char *expected)
{
  g_autofree char *problem = NULL;

  problem = gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget),
                                                GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                                expected);
  if (problem != NULL)
    g_error ("accessible description: %s", problem);
}

gboolean
check_active (gpointer    dialog,
              const char *id)
{
  return gtk_check_button_get_active (GTK_CHECK_BUTTON (get_widget (dialog, id)));
}

void
set_check (gpointer    dialog,
           const char *id,
           gboolean    active)
{
  gtk_check_button_set_active (GTK_CHECK_BUTTON (get_widget (dialog, id)), active);
}

/* Opens Run Once on @name and waits until it has loaded. */
gpointer
open_run_once (DialogFixture *fixture,
               const char    *name)
{
  g_autoptr(AeroVm) vm = find_by_name (fixture->vms, name);
  AeroRunOnceDialog *dialog = aero_run_once_dialog_new (fixture->engine, vm, fixture->clusters);

  gtk_window_present (GTK_WINDOW (dialog));
  g_assert_false (aero_run_once_dialog_get_loaded (dialog));
  g_assert_false (ok_enabled (dialog));
  wait_signal (dialog, "loaded");
  g_assert_true (ok_enabled (dialog));
  return dialog;
}

void
dialog_test_init (int    *argc,
                  char ***argv)
{
  gtk_test_init (argc, argv, NULL);
  adw_init ();
}
