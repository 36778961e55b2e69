/* aero-scene.c - the screenshot scenes and how one is brought on screen
 *
 * Scenes drive the UI the way the main window does: through the entry
 * points of aero-dialogs.h, with models fetched from the demo engine by
 * the client library. They wait on the dialogs' own state (loaded, stage,
 * revealed banner), never on a fixed delay.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "aero-application.h"
#include "aero-conflict-dialog.h"
#include "aero-demo-engine.h"
#include "aero-dialogs.h"
#include "aero-engine.h"
#include "aero-scene.h"
#include "aero-test-widgets.h"
#include "aero-vm-dialog.h"
#include "aero-vm-edit.h"
#include "aero-vm-edit-engine.h"
#include "aero-run-once-dialog.h"
#include "aero-cluster-dialog.h"
#include "aero-bulk-balloon-dialog.h"
#include "aero-cluster-view.h"
#include "aero-host-view.h"
#include "aero-template-view.h"
#include "aero-vm-view.h"
#include "aero-window.h"

#define DEMO_USER     "admin@internal"
#define DEMO_PASSWORD "demo"

struct _AeroSceneContext
{
  GApplication   *app;
  AeroDemoEngine *demo;
  AeroEngine     *engine;
  GListModel     *clusters;
  GListModel     *templates;
  GtkWindow      *parent;
};

/* --- waiting without fixed delays ------------------------------------------ */

static void
store_result (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static void
await_result (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);
}

static gboolean
keep_waking (gpointer user_data)
{
  return G_SOURCE_CONTINUE;
}

typedef gboolean (*Predicate) (gpointer data);

/* Polls @predicate while the main loop runs; the program's watchdog ends
 * a scene that never gets there. */
static void
wait_until (Predicate predicate,
            gpointer  data)
{
  guint id = g_timeout_add (20, keep_waking, NULL);

  while (!predicate (data))
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (id);
}

static gboolean
tick_count_cb (GtkWidget     *widget,
               GdkFrameClock *clock,
               gpointer       user_data)
{
  guint *remaining = user_data;

  if (*remaining > 0)
    (*remaining)--;
  return *remaining > 0 ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
}

static void
wait_frames (GtkWidget *widget,
             guint      n_frames)
{
  guint remaining = n_frames;

  gtk_widget_add_tick_callback (widget, tick_count_cb, &remaining, NULL);
  gtk_widget_queue_draw (widget);
  while (remaining > 0)
    g_main_context_iteration (NULL, TRUE);
}

static void
drain (void)
{
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

/* --- finding widgets ------------------------------------------------------- */

static GtkWidget *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (window))
        return window;
    }
  return NULL;
}

static gboolean
toplevel_shown (gpointer data)
{
  GtkWidget *window = find_toplevel (GPOINTER_TO_SIZE (data));

  return window != NULL && gtk_widget_get_mapped (window);
}

static GtkWidget *
wait_for_toplevel (GType type)
{
  wait_until (toplevel_shown, GSIZE_TO_POINTER (type));
  return find_toplevel (type);
}

/* A spinner that is spinning, shown, under @root: a scene still loading. */
static GtkWidget *
find_spinning (GtkWidget *root)
{
  if (GTK_IS_SPINNER (root) && gtk_widget_get_mapped (root) &&
      gtk_spinner_get_spinning (GTK_SPINNER (root)))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_spinning (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
require_widget (GtkWidget   *widget,
                const char  *what,
                GError     **error)
{
  if (widget != NULL)
    return TRUE;
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "no %s in the window", what);
  return FALSE;
}

/* --- the session with the demo engine -------------------------------------- */

static gboolean
connect_engine (AeroSceneContext  *context,
                GError           **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  context->demo = aero_demo_engine_new (0, 0);
  aero_demo_engine_set_frozen (context->demo, TRUE);
  if (!aero_demo_engine_start (context->demo, "127.0.0.1", 0, error))
    return FALSE;

  context->engine = aero_engine_new (aero_demo_engine_get_api_url (context->demo), error);
  if (context->engine == NULL)
    return FALSE;

  aero_engine_login_async (context->engine, DEMO_USER, DEMO_PASSWORD, NULL,
                           store_result, &result);
  await_result (&result);
  return aero_engine_login_finish (context->engine, result, error);
}

static gboolean
load_lists (AeroSceneContext  *context,
            GError           **error)
{
  g_autoptr(GAsyncResult) clusters = NULL;
  g_autoptr(GAsyncResult) templates = NULL;

  aero_engine_list_clusters_async (context->engine, NULL, store_result, &clusters);
  aero_engine_list_templates_async (context->engine, NULL, store_result, &templates);
  await_result (&clusters);
  await_result (&templates);

  context->clusters = aero_engine_list_clusters_finish (context->engine, clusters, error);
  if (context->clusters == NULL)
    return FALSE;
  context->templates = aero_engine_list_templates_finish (context->engine, templates, error);
  return context->templates != NULL;
}

static AeroVm *
find_vm (AeroSceneContext  *context,
         const char        *name,
         GError           **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GListModel) vms = NULL;
  g_autofree char *search = g_strdup_printf ("name=%s", name);

  aero_engine_list_vms_async (context->engine, search, -1, AERO_LIST_ALL_CONTENT,
                              NULL, NULL, NULL, store_result, &result);
  await_result (&result);
  vms = aero_engine_list_vms_finish (context->engine, result, error);
  if (vms == NULL)
    return NULL;

  for (guint i = 0; i < g_list_model_get_n_items (vms); i++)
    {
      g_autoptr(AeroVm) vm = g_list_model_get_item (vms, i);

      if (g_strcmp0 (aero_vm_get_name (vm), name) == 0)
        return g_steal_pointer (&vm);
    }

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "no VM named %s", name);
  return NULL;
}

static gpointer
find_named (GListModel  *model,
            const char  *name,
            const char *(*get_name) (gpointer),
            GError     **error)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);

      if (g_strcmp0 (get_name (item), name) == 0)
        return g_steal_pointer (&item);
    }

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "no object named %s", name);
  return NULL;
}

static const char *
cluster_name (gpointer cluster)
{
  return aero_cluster_get_name (cluster);
}

static const char *
template_name (gpointer tmpl)
{
  return aero_template_get_name (tmpl);
}

/* The dialogs' parent: never shown, the scenes capture the dialog alone. */
static GtkWindow *
ensure_parent (AeroSceneContext *context)
{
  if (context->parent == NULL)
    context->parent = GTK_WINDOW (gtk_window_new ());
  return context->parent;
}

static gboolean
open_session (AeroSceneContext  *context,
              GError           **error)
{
  return connect_engine (context, error) && load_lists (context, error);
}

/* --- the main window ------------------------------------------------------ */

#define MAIN_WINDOW_WIDTH  1100
#define MAIN_WINDOW_HEIGHT 720

static GtkWidget *
new_main_window (AeroSceneContext *context,
                 const AeroScene  *scene)
{
  GtkWidget *window = GTK_WIDGET (aero_window_new (ADW_APPLICATION (context->app)));

  gtk_window_set_default_size (GTK_WINDOW (window),
                               scene->width > 0 ? scene->width : MAIN_WINDOW_WIDTH,
                               scene->height > 0 ? scene->height : MAIN_WINDOW_HEIGHT);
  gtk_window_present (GTK_WINDOW (window));
  return window;
}

static gboolean
widget_mapped (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

static GtkWidget *
show_login (AeroSceneContext  *context,
            const AeroScene   *scene,
            GError           **error)
{
  GtkWidget *window = new_main_window (context, scene);

  wait_until (widget_mapped, window);
  return window;
}

/* Every view of the window loaded: the clusters give the VM list its
 * Cluster column, so a capture before they arrive would differ. */
static gboolean
main_window_loaded (gpointer data)
{
  GtkWidget *window = data;
  AeroVmView *vms = AERO_VM_VIEW (aero_test_find_widget (window, "vm_view"));
  AeroClusterView *clusters = AERO_CLUSTER_VIEW (aero_test_find_widget (window, "cluster_view"));
  AeroTemplateView *templates = AERO_TEMPLATE_VIEW (aero_test_find_widget (window, "template_view"));

  return !aero_vm_view_get_loading (vms) &&
         g_list_model_get_n_items (G_LIST_MODEL (aero_vm_view_get_selection (vms))) > 0 &&
         aero_cluster_view_get_loaded (clusters) &&
         aero_template_view_get_loaded (templates);
}

/* No spinner turning under @data: e.g. the memory bar of the VM detail
 * pane, drawn from /statistics, has arrived. */
static gboolean
nothing_spinning (gpointer data)
{
  return find_spinning (data) == NULL;
}

/* The Virtual Machines view logged in to the demo engine, with @scene's
 * object (a VM) selected so that the detail pane shows its memory. */
static GtkWidget *
show_vm_list (AeroSceneContext  *context,
              const AeroScene   *scene,
              GError           **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  GtkWidget *window;
  AeroVmView *view;
  GtkSelectionModel *selection;

  if (!connect_engine (context, error))
    return NULL;

  window = new_main_window (context, scene);
  aero_window_connect_async (AERO_WINDOW (window),
                             aero_demo_engine_get_api_url (context->demo),
                             DEMO_USER, DEMO_PASSWORD, FALSE, NULL,
                             store_result, &result);
  await_result (&result);
  if (!aero_window_connect_finish (AERO_WINDOW (window), result, error))
    return NULL;

  view = AERO_VM_VIEW (aero_test_find_widget (window, "vm_view"));
  if (!require_widget (GTK_WIDGET (view), "VM view", error) ||
      !require_widget (aero_test_find_widget (window, "cluster_view"), "cluster view", error) ||
      !require_widget (aero_test_find_widget (window, "template_view"), "template view", error))
    return NULL;
  wait_until (main_window_loaded, window);

  selection = aero_vm_view_get_selection (view);
  for (guint i = 0; scene->object != NULL && i < g_list_model_get_n_items (G_LIST_MODEL (selection)); i++)
    {
      g_autoptr(AeroVm) vm = g_list_model_get_item (G_LIST_MODEL (selection), i);

      if (g_strcmp0 (aero_vm_get_name (vm), scene->object) == 0)
        {
          gtk_selection_model_select_item (selection, i, TRUE);
          break;
        }
    }
  wait_until (nothing_spinning, aero_vm_view_get_detail (view));

  /* Another view of the window: "templates" or "clusters". */
  if (scene->page != NULL)
    {
      GtkWidget *stack = aero_test_find_widget (window, "view_stack");

      if (!require_widget (stack, "view stack", error))
        return NULL;
      adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (stack), scene->page);
    }
  return window;
}

static gboolean
hosts_loaded (gpointer data)
{
  return aero_host_view_get_loaded (data);
}

static gboolean
host_detail_shown (gpointer data)
{
  return aero_host_view_get_detail_shown (data);
}

/* The window as the VM list scene brings it up, no VM selected, switched
 * to the view @page of the stack: the view (the widget @view_id), and the
 * window in *@out_window. */
static GtkWidget *
show_view (AeroSceneContext  *context,
           const AeroScene   *scene,
           const char        *page,
           const char        *view_id,
           GtkWidget        **out_window,
           GError           **error)
{
  AeroScene vm_scene = *scene;
  GtkWidget *window, *stack, *view;

  vm_scene.object = NULL;
  vm_scene.page = NULL;
  window = show_vm_list (context, &vm_scene, error);
  if (window == NULL)
    return NULL;
  stack = aero_test_find_widget (window, "view_stack");
  view = aero_test_find_widget (window, view_id);
  if (!require_widget (stack, "view stack", error) || !require_widget (view, view_id, error))
    return NULL;
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (stack), page);
  *out_window = window;
  return view;
}

/* The Hosts view with @scene's object (a host) selected: its picture,
 * its cluster's and its running VMs. */
static GtkWidget *
show_host_list (AeroSceneContext  *context,
                const AeroScene   *scene,
                GError           **error)
{
  GtkWidget *window, *view;

  view = show_view (context, scene, "hosts", "host_view", &window, error);
  if (view == NULL)
    return NULL;
  wait_until (hosts_loaded, view);
  /* The load can end before the page is first laid out; only then does
   * the pane know whether it is folded at this width. */
  wait_frames (view, 3);
  if (scene->object != NULL && !aero_host_view_select_name (AERO_HOST_VIEW (view), scene->object))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "no host %s", scene->object);
      return NULL;
    }
  /* At 360 px the pane folds away: show it, as a click on the row does. */
  aero_host_view_reveal_detail (AERO_HOST_VIEW (view));
  wait_until (host_detail_shown, view);
  wait_until (nothing_spinning, window);
  wait_frames (view, 2);
  return window;
}

static gboolean
cluster_picture_shown (gpointer data)
{
  AeroClusterMemory *memory = aero_cluster_view_get_memory (data);

  return memory != NULL && aero_cluster_memory_get_picture (memory) != NULL &&
         aero_cluster_view_get_detail_shown (data);
}

/* The Clusters view with @scene's object (a cluster) selected: the memory
 * picture of its hosts, its settings and, where it over-commits with
 * neither KSM nor balloon optimization, the warning. */
static GtkWidget *
show_cluster_list (AeroSceneContext  *context,
                   const AeroScene   *scene,
                   GError           **error)
{
  GtkWidget *window, *view;
  GListModel *model;
  gboolean found = FALSE;

  view = show_view (context, scene, "clusters", "cluster_view", &window, error);
  if (view == NULL)
    return NULL;
  wait_frames (view, 3);
  model = aero_cluster_view_get_model (AERO_CLUSTER_VIEW (view));
  for (guint i = 0; i < g_list_model_get_n_items (model) && !found; i++)
    {
      g_autoptr(AeroCluster) cluster = g_list_model_get_item (model, i);

      if (g_strcmp0 (aero_cluster_get_name (cluster), scene->object) == 0)
        found = aero_cluster_view_select_id (AERO_CLUSTER_VIEW (view), aero_cluster_get_id (cluster));
    }
  if (!found)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "no cluster %s", scene->object);
      return NULL;
    }
  /* At 360 px the pane folds away: show it, as its button does. */
  aero_cluster_view_reveal_detail (AERO_CLUSTER_VIEW (view));
  wait_until (cluster_picture_shown, view);
  wait_until (nothing_spinning, window);
  wait_frames (view, 2);
  return window;
}

/* --- VM dialog scenes ------------------------------------------------------ */

static gboolean
vm_dialog_loaded (gpointer data)
{
  AeroVmDialog *dialog = data;

  return aero_vm_dialog_get_edit (dialog) != NULL && !aero_vm_dialog_get_busy (dialog);
}

static AeroVmDialog *
wait_vm_dialog (const char  *page,
                GError     **error)
{
  AeroVmDialog *dialog = AERO_VM_DIALOG (wait_for_toplevel (AERO_TYPE_VM_DIALOG));
  GtkWidget *tabs;

  wait_until (vm_dialog_loaded, dialog);

  tabs = aero_test_find_widget (GTK_WIDGET (dialog), "tabs");
  if (!require_widget (tabs, "tab stack \"tabs\"", error))
    return NULL;
  if (page != NULL)
    gtk_stack_set_visible_child_name (GTK_STACK (tabs), page);
  return dialog;
}

static AeroVmDialog *
open_edit_vm (AeroSceneContext  *context,
              const char        *vm_name,
              const char        *page,
              GError           **error)
{
  g_autoptr(AeroVm) vm = NULL;

  if (!open_session (context, error))
    return NULL;
  vm = find_vm (context, vm_name, error);
  if (vm == NULL)
    return NULL;

  aero_dialogs_edit_vm (ensure_parent (context), context->engine, vm,
                        context->clusters, context->templates, NULL, NULL);
  return wait_vm_dialog (page, error);
}

static GtkWidget *
show_edit_vm (AeroSceneContext  *context,
              const AeroScene   *scene,
              GError           **error)
{
  return GTK_WIDGET (open_edit_vm (context, scene->object, scene->page, error));
}

static GtkWidget *
show_new_vm (AeroSceneContext  *context,
             const AeroScene   *scene,
             GError           **error)
{
  if (!open_session (context, error))
    return NULL;

  aero_dialogs_new_vm (ensure_parent (context), context->engine,
                       context->clusters, context->templates, NULL, NULL);
  return GTK_WIDGET (wait_vm_dialog (scene->page, error));
}

static GtkWidget *
show_edit_template (AeroSceneContext  *context,
                    const AeroScene   *scene,
                    GError           **error)
{
  g_autoptr(AeroTemplate) tmpl = NULL;

  if (!open_session (context, error))
    return NULL;
  tmpl = find_named (context->templates, scene->object, template_name, error);
  if (tmpl == NULL)
    return NULL;

  aero_dialogs_edit_template (ensure_parent (context), context->engine, tmpl,
                              context->clusters, NULL, NULL);
  return GTK_WIDGET (wait_vm_dialog (scene->page, error));
}

/* Guaranteed memory above the memory size: the field says why and OK is
 * insensitive. */
static GtkWidget *
show_validation_error (AeroSceneContext  *context,
                       const AeroScene   *scene,
                       GError           **error)
{
  AeroVmDialog *dialog = open_edit_vm (context, scene->object, scene->page, error);
  AeroVmEdit *edit;

  if (dialog == NULL)
    return NULL;

  edit = aero_vm_dialog_get_edit (dialog);
  aero_vm_edit_set_guaranteed (edit, aero_vm_edit_get_memory (edit) * 2);
  return GTK_WIDGET (dialog);
}

static gboolean
banner_revealed (gpointer data)
{
  GtkRevealer *revealer = data;

  return gtk_revealer_get_child_revealed (revealer);
}

/* A name already in use passes the client's checks; the engine refuses
 * the PUT with a 409 and the dialog shows its fault in the banner and
 * marks Name, the field the fault names. */
static GtkWidget *
show_engine_fault (AeroSceneContext  *context,
                   const AeroScene   *scene,
                   GError           **error)
{
  AeroVmDialog *dialog = open_edit_vm (context, scene->object, scene->page, error);
  GtkWidget *revealer;

  if (dialog == NULL)
    return NULL;

  revealer = aero_test_find_widget (GTK_WIDGET (dialog), "banner_revealer");
  if (!require_widget (revealer, "banner", error))
    return NULL;

  aero_vm_edit_set_name (aero_vm_dialog_get_edit (dialog), "web-01");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.ok", NULL);
  wait_until (banner_revealed, revealer);
  wait_until (vm_dialog_loaded, dialog);
  return GTK_WIDGET (dialog);
}

static gboolean
pending_dialog_shown (gpointer data)
{
  GtkWindow *pending = aero_vm_dialog_get_pending_dialog (data);

  return pending != NULL && gtk_widget_get_mapped (GTK_WIDGET (pending));
}

/* Ballooning off on a running VM applies at the next run: OK first asks
 * with "Pending Virtual Machine changes". */
static GtkWidget *
show_pending_changes (AeroSceneContext  *context,
                      const AeroScene   *scene,
                      GError           **error)
{
  AeroVmDialog *dialog = open_edit_vm (context, scene->object, "resources", error);
  AeroVmEdit *edit;

  if (dialog == NULL)
    return NULL;

  edit = aero_vm_dialog_get_edit (dialog);
  g_object_set (edit,
                "ballooning", FALSE,
                "memory", aero_vm_edit_get_memory (edit) + 256 * 1024 * 1024,
                NULL);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.ok", NULL);
  wait_until (pending_dialog_shown, dialog);
  return GTK_WIDGET (aero_vm_dialog_get_pending_dialog (dialog));
}

/* A hot-plugged memory change on an engine before 4.4.7.4, which keeps it
 * as a next-run configuration too: the question says so under the list.
 * The embedded engine is 4.5; the edit follows 4.4.7.3 as it would after
 * logging in to one. */
static GtkWidget *
show_pending_changes_memory_copy (AeroSceneContext  *context,
                                  const AeroScene   *scene,
                                  GError           **error)
{
  AeroVmDialog *dialog = open_edit_vm (context, scene->object, "system", error);
  AeroEngineVersion release;
  AeroVmEdit *edit;

  if (dialog == NULL)
    return NULL;

  edit = aero_vm_dialog_get_edit (dialog);
  g_assert_true (aero_engine_version_parse ("4.4.7.3", &release));
  aero_vm_edit_follow_engine (edit, &release);
  aero_vm_edit_set_memory (edit, aero_vm_edit_get_memory (edit) + 256 * 1024 * 1024);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.ok", NULL);
  wait_until (pending_dialog_shown, dialog);
  return GTK_WIDGET (aero_vm_dialog_get_pending_dialog (dialog));
}

static gboolean
conflict_question_shown (gpointer data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();  /* not ours */
  guint n = g_list_model_get_n_items (toplevels);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (AERO_IS_CONFLICT_DIALOG (window) && gtk_widget_get_mapped (GTK_WIDGET (window)))
        {
          *(GtkWidget **) data = GTK_WIDGET (window);
          return TRUE;
        }
    }
  return FALSE;
}

/* Another admin set the memory of web-03 while its Edit dialog was open
 * with a new memory size: OK asks before overwriting it. */
static GtkWidget *
show_conflict (AeroSceneContext  *context,
               const AeroScene   *scene,
               GError           **error)
{
  AeroVmDialog *dialog = open_edit_vm (context, scene->object, "resources", error);
  g_autoptr(AeroVm) vm = NULL;
  g_autoptr(AeroVmEdit) other = NULL;
  g_autoptr(GObject) saved = NULL;
  GAsyncResult *result = NULL;
  GtkWidget *question = NULL;

  if (dialog == NULL)
    return NULL;
  vm = find_vm (context, scene->object, error);
  if (vm == NULL)
    return NULL;

  aero_vm_edit_set_memory (aero_vm_dialog_get_edit (dialog), (gint64) 6 * 1024 * 1024 * 1024);

  /* The other admin, through an edit of its own. */
  other = aero_vm_edit_new_for_vm (vm, context->clusters);
  aero_vm_edit_set_derive_memory (other, FALSE);
  aero_vm_edit_set_memory (other, (gint64) 5 * 1024 * 1024 * 1024);
  aero_vm_edit_save_async (other, context->engine, NULL, store_result, &result);
  await_result (&result);
  saved = aero_vm_edit_save_finish (other, result, error);
  g_object_unref (result);
  if (saved == NULL)
    return NULL;

  gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.ok", NULL);
  wait_until (conflict_question_shown, &question);
  if (scene->width > 0)
    {
      /* A shown window only grows: the same question again, made at
       * the narrow size (closing the first one answers nothing). */
      GtkWindow *narrow =
        GTK_WINDOW (aero_conflict_dialog_new (aero_vm_edit_get_conflicts (aero_vm_dialog_get_edit (dialog))));

      gtk_window_destroy (GTK_WINDOW (question));
      gtk_window_set_default_size (narrow, scene->width, scene->height);
      gtk_window_set_transient_for (narrow, GTK_WINDOW (dialog));
      gtk_window_present (narrow);
      question = GTK_WIDGET (narrow);
      wait_until ((Predicate) gtk_widget_get_mapped, question);
    }
  return question;
}

/* --- the other dialogs ----------------------------------------------------- */

static gboolean
run_once_loaded (gpointer data)
{
  return aero_run_once_dialog_get_loaded (data);
}

static GtkWidget *
show_run_once (AeroSceneContext  *context,
               const AeroScene   *scene,
               GError           **error)
{
  g_autoptr(AeroVm) vm = NULL;
  GtkWidget *dialog;

  if (!open_session (context, error))
    return NULL;
  vm = find_vm (context, scene->object, error);
  if (vm == NULL)
    return NULL;

  aero_dialogs_run_once (ensure_parent (context), context->engine, vm,
                         context->clusters, NULL, NULL);
  dialog = wait_for_toplevel (AERO_TYPE_RUN_ONCE_DIALOG);
  wait_until (run_once_loaded, dialog);
  return dialog;
}

static GtkWidget *
show_edit_cluster (AeroSceneContext  *context,
                   const AeroScene   *scene,
                   GError           **error)
{
  g_autoptr(AeroCluster) cluster = NULL;

  if (!open_session (context, error))
    return NULL;
  cluster = find_named (context->clusters, scene->object, cluster_name, error);
  if (cluster == NULL)
    return NULL;

  aero_dialogs_edit_cluster (ensure_parent (context), context->engine, cluster, NULL, NULL);
  return wait_for_toplevel (AERO_TYPE_CLUSTER_DIALOG);
}

typedef struct
{
  AeroBulkBalloonDialog *dialog;
  const char            *stage;
} StageWait;

static gboolean
bulk_at_stage (gpointer data)
{
  StageWait *wait = data;

  return g_strcmp0 (aero_bulk_balloon_dialog_get_stage (wait->dialog), wait->stage) == 0;
}

/* "Disable Ballooning" on a running VM, a 3.0-cluster VM and a VM that is
 * down: the summary counts one of each; the results list each outcome. */
static GtkWidget *
show_bulk (AeroSceneContext  *context,
           const AeroScene   *scene,
           GError           **error)
{
  const char *const names[] = { "web-01", "legacy-web", "web-03" };
  g_autoptr(GPtrArray) vms = g_ptr_array_new_with_free_func (g_object_unref);
  StageWait wait;

  if (!open_session (context, error))
    return NULL;
  for (gsize i = 0; i < G_N_ELEMENTS (names); i++)
    {
      AeroVm *vm = find_vm (context, names[i], error);

      if (vm == NULL)
        return NULL;
      g_ptr_array_add (vms, vm);
    }

  aero_dialogs_bulk_ballooning (ensure_parent (context), context->engine, vms,
                                context->clusters, FALSE, NULL, NULL);
  wait.dialog = AERO_BULK_BALLOON_DIALOG (wait_for_toplevel (AERO_TYPE_BULK_BALLOON_DIALOG));
  wait.stage = "summary";
  wait_until (bulk_at_stage, &wait);

  if (g_strcmp0 (scene->page, "results") == 0)
    {
      gtk_widget_activate_action (GTK_WIDGET (wait.dialog), "dialog.ok", NULL);
      wait.stage = "results";
      wait_until (bulk_at_stage, &wait);
    }
  return GTK_WIDGET (wait.dialog);
}

/* --- power actions ---------------------------------------------------------- */

static gboolean
message_dialog_mapped (gpointer data)
{
  GtkWidget *dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);

  return dialog != NULL && gtk_widget_get_mapped (dialog);
}

/* Power Off with web-01, web-02 and build-01 selected: the question names
 * them, Power Off in red, Cancel with the focus. */
static GtkWidget *
show_power_off (AeroSceneContext  *context,
                const AeroScene   *scene,
                GError           **error)
{
  const char *const names[] = { "web-01", "web-02", "build-01" };
  GtkWidget *window = show_vm_list (context, scene, error);
  GtkWidget *view;
  GtkSelectionModel *selection;
  GtkWidget *dialog;

  if (window == NULL)
    return NULL;
  view = aero_test_find_widget (window, "vm_view");
  selection = aero_vm_view_get_selection (AERO_VM_VIEW (view));
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (selection)); i++)
    {
      g_autoptr(AeroVm) vm = g_list_model_get_item (G_LIST_MODEL (selection), i);

      if (g_strv_contains (names, aero_vm_get_name (vm)))
        gtk_selection_model_select_item (selection, i, FALSE);
    }

  gtk_widget_activate_action (window, "win.poweroff-vm", NULL);
  wait_until (message_dialog_mapped, NULL);
  dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  wait_frames (dialog, 3);
  return dialog;
}

/* --- the table ------------------------------------------------------------- */

/* Every scene in light and dark; the light one may double as an AppStream
 * screenshot. */
#define SCENE_PAIR(base, show, object, page, appstream) \
  { base "-light", show, object, page, FALSE, FALSE, NULL, 0, 0, appstream, { { 0 } }, 0 }, \
  { base "-dark", show, object, page, TRUE, FALSE, NULL, 0, 0, NULL, { { 0 } }, 0 }

/* The same at a fixed window size (AppStream wants at least 620 px wide). */
#define SCENE_PAIR_SIZED(base, show, object, page, width, height, appstream) \
  { base "-light", show, object, page, FALSE, FALSE, NULL, width, height, appstream, { { 0 } }, 0 }, \
  { base "-dark", show, object, page, TRUE, FALSE, NULL, width, height, NULL, { { 0 } }, 0 }

static const AeroScene scenes[] = {
  SCENE_PAIR ("login", show_login, NULL, NULL, NULL),
  SCENE_PAIR ("vm-list", show_vm_list, "web-01", NULL, "vm-list.png"),
  SCENE_PAIR ("template-list", show_vm_list, NULL, "templates", NULL),
  SCENE_PAIR ("cluster-list", show_vm_list, NULL, "clusters", NULL),
  /* Overnight over-commits with neither KSM nor balloon optimization. */
  SCENE_PAIR ("cluster-unprotected", show_cluster_list, "Overnight", NULL, NULL),
  { "cluster-unprotected-narrow-light", show_cluster_list, "Overnight", NULL, FALSE, FALSE, NULL, 360, 720, NULL, { { 0 } }, 0 },
  { "cluster-unprotected-narrow-dark", show_cluster_list, "Overnight", NULL, TRUE, FALSE, NULL, 360, 720, NULL, { { 0 } }, 0 },
  /* Hosts: an over-committed, ballooned host of Default, and Overnight's
   * host, over-committed with neither KSM nor balloon optimization. */
  SCENE_PAIR ("host-list", show_host_list, "host-01", NULL, NULL),
  SCENE_PAIR ("host-unprotected", show_host_list, "night-host-01", NULL, NULL),
  { "host-list-narrow-light", show_host_list, "night-host-01", NULL, FALSE, FALSE, NULL, 360, 720, NULL, { { 0 } }, 0 },
  { "host-list-narrow-dark", show_host_list, "night-host-01", NULL, TRUE, FALSE, NULL, 360, 720, NULL, { { 0 } }, 0 },
  { "vm-list-narrow-light", show_vm_list, NULL, NULL, FALSE, FALSE, NULL, 360, 720, NULL, { { 0 } }, 0 },
  { "vm-list-narrow-dark", show_vm_list, NULL, NULL, TRUE, FALSE, NULL, 360, 720, NULL, { { 0 } }, 0 },
  /* Right to left: Hebrew has no catalogue of ours, GTK's own strings
   * and the layout turn around. */
  { "vm-list-rtl-light", show_vm_list, "web-01", NULL, FALSE, TRUE, "he", 0, 0, NULL, { { 0 } }, 0 },
  { "edit-vm-resource-allocation-rtl-light", show_edit_vm, "web-03", "resources", FALSE, TRUE, "he", 0, 0,
    NULL, { { 0 } }, 0 },
  /* German, from po/de.po. */
  { "vm-list-de-light", show_vm_list, "web-01", NULL, FALSE, FALSE, "de", 0, 0, "vm-list-de.png",
    { { 0 } }, 0 },
  { "edit-vm-resource-allocation-de-light", show_edit_vm, "web-03", "resources", FALSE, FALSE, "de", 0, 0,
    NULL, { { 0 } }, 0 },
  SCENE_PAIR ("edit-vm-general", show_edit_vm, "web-03", "general", NULL),
  SCENE_PAIR ("edit-vm-system", show_edit_vm, "web-03", "system", NULL),
  SCENE_PAIR ("edit-vm-resource-allocation", show_edit_vm, "web-03", "resources",
              "vm-resource-allocation.png"),
  SCENE_PAIR ("edit-vm-legacy-resource-allocation", show_edit_vm, "legacy-web", "resources",
              "vm-balloon-unavailable.png"),
  SCENE_PAIR ("new-vm", show_new_vm, NULL, "general", NULL),
  SCENE_PAIR ("edit-template", show_edit_template, "rhel9-server", "resources", NULL),
  SCENE_PAIR ("validation-error", show_validation_error, "web-03", "resources", NULL),
  SCENE_PAIR ("engine-fault", show_engine_fault, "web-03", "general", NULL),
  SCENE_PAIR_SIZED ("pending-changes", show_pending_changes, "web-01", NULL, 720, 620, "pending-changes.png"),
  { "pending-changes-memory-copy-light", show_pending_changes_memory_copy, "web-01", NULL, FALSE, FALSE, NULL,
    720, 620, NULL, { { 0 } }, 0 },
  SCENE_PAIR ("conflict", show_conflict, "web-03", NULL, NULL),
  { "conflict-narrow-light", show_conflict, "web-03", NULL, FALSE, FALSE, NULL, 360, 640, NULL, { { 0 } }, 0 },
  { "conflict-narrow-dark", show_conflict, "web-03", NULL, TRUE, FALSE, NULL, 360, 640, NULL, { { 0 } }, 0 },
  SCENE_PAIR ("run-once", show_run_once, "web-03", NULL, NULL),
  SCENE_PAIR_SIZED ("edit-cluster", show_edit_cluster, "Default", NULL, 720, 780, "cluster-optimization.png"),
  /* Below 3.3 "Enable Memory Balloon Optimization" is greyed with its reason. */
  SCENE_PAIR ("edit-cluster-legacy", show_edit_cluster, "Legacy", NULL, NULL),
  SCENE_PAIR ("bulk-confirmation", show_bulk, NULL, "summary", NULL),
  SCENE_PAIR ("bulk-results", show_bulk, NULL, "results", NULL),
  SCENE_PAIR ("power-off-question", show_power_off, "web-01", NULL, NULL),
  { NULL }
};

const AeroScene *
aero_scene_get_all (void)
{
  return scenes;
}

const AeroScene *
aero_scene_lookup (const char *name)
{
  for (const AeroScene *scene = scenes; scene->name != NULL; scene++)
    if (g_str_equal (scene->name, name))
      return scene;
  return NULL;
}

/* --- rendering ------------------------------------------------------------- */

typedef struct
{
  GtkWidget *window;
  int        width;
  int        height;
} SizeWait;

static gboolean
has_size (gpointer data)
{
  SizeWait *wait = data;

  /* The request counts the client-side decorations, the allocation
   * does not; the content may also ask for more than requested. */
  return gtk_widget_get_width (wait->window) >= wait->width - 24 &&
         gtk_widget_get_height (wait->window) >= wait->height - 24;
}

/* A dialog shown at a size of the scene's choosing (the AppStream
 * screenshots want a minimum width). GTK 4 ignores a new default size on a
 * shown window, but grows it to a larger size request; with no window
 * manager the X server grants it at once. */
static void
resize (GtkWidget *window,
        int        width,
        int        height)
{
  SizeWait wait = { window, width, height };

  gtk_widget_set_size_request (window, width, height);
  wait_until (has_size, &wait);
}

static GdkTexture *
capture (GtkWidget *window)
{
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  GtkSnapshot *snapshot;
  GskRenderer *renderer;
  int width, height;

  /* A spinning spinner means something is still loading, and would never
   * give the same pixels twice. */
  wait_until (nothing_spinning, window);

  /* Let bindings, relayouts and redraws triggered by the scene settle. */
  for (guint i = 0; i < 3; i++)
    {
      drain ();
      wait_frames (window, 2);
    }

  width = gtk_widget_get_width (window);
  height = gtk_widget_get_height (window);
  paintable = gtk_widget_paintable_new (window);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);

  renderer = gtk_native_get_renderer (GTK_NATIVE (window));
  return gsk_renderer_render_texture (renderer, node,
                                      &GRAPHENE_RECT_INIT (0, 0, width, height));
}

GdkTexture *
aero_scene_render (const AeroScene  *scene,
                   GError          **error)
{
  g_autoptr(AeroApplication) app = NULL;
  AeroSceneContext context = { NULL };
  GtkWidget *window;
  GdkTexture *texture = NULL;

  /* Aerostat's own application object gives the style sheet, icons and
   * actions; it is started (registered) but never activated, and never
   * claims to be the running instance. */
  app = aero_application_new ();
  g_application_set_flags (G_APPLICATION (app),
                           g_application_get_flags (G_APPLICATION (app)) | G_APPLICATION_NON_UNIQUE);
  if (!g_application_register (G_APPLICATION (app), NULL, error))
    return NULL;
  context.app = G_APPLICATION (app);

  window = scene->show (&context, scene, error);
  if (window != NULL && scene->width > 0 && scene->height > 0)
    resize (window, scene->width, scene->height);
  if (window != NULL)
    texture = capture (window);

  if (context.demo != NULL)
    aero_demo_engine_stop (context.demo);
  g_clear_object (&context.clusters);
  g_clear_object (&context.templates);
  g_clear_object (&context.engine);
  g_clear_object (&context.demo);
  return texture;
}
