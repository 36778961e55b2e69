/* aero-vm-view.c - the Virtual Machines view: search, list, detail pane
 *
 * The list is GListStore -> GtkSortListModel -> GtkMultiSelection ->
 * GtkColumnView. Rows stream in as the engine's batches arrive, and a
 * quiet refresh updates the existing AeroVm objects in place so that rows,
 * selection and scroll position survive it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "aero-banner.h"
#include "aero-columns.h"
#include "aero-format.h"
#include "aero-row-feeder.h"
#include "aero-vm-detail.h"
#include "aero-vm-view.h"

struct _AeroVmView
{
  GtkWidget          parent_instance;

  AeroEngine        *engine;
  GListStore        *store;
  GtkSortListModel  *sort_model;
  GtkMultiSelection *selection;
  GHashTable        *by_id;       /* id (owned copy) -> AeroVm (borrowed from store) */
  GHashTable        *clusters;    /* id -> AeroCluster */
  GCancellable      *cancellable;
  char              *search;
  char              *loaded_search;
  char              *select_id;   /* select once listed (a new VM) */
  GtkSorter         *cluster_sorter;
  AeroRowFeeder     *feeder;
  gint64             count_updated;
  guint              loading : 1;
  guint              refreshing : 1;
  guint              finishing : 1;   /* loaded; the feeder still has rows */
  guint              listed_all : 1;  /* the store holds every VM (no search) */

  GtkSearchEntry    *search_entry;
  AeroBanner        *banner;
  AdwFlap           *flap;
  GtkStack          *stack;
  GtkSpinner        *spinner;
  GtkScrolledWindow *scroller;
  GtkColumnView     *column_view;
  AdwStatusPage     *empty_page;
  AdwStatusPage     *error_page;
  AeroVmDetail      *detail;
  GtkLabel          *count_label;
};

G_DEFINE_FINAL_TYPE (AeroVmView, aero_vm_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_LOADING,
  N_PROPS
};

enum {
  SELECTION_CHANGED,
  LOAD_FAILED,
  CLUSTERS_CHANGED,
  LOADED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

typedef struct
{
  AeroVmView   *self;
  GCancellable *cancellable;
  gboolean      quiet;
  GHashTable   *seen;    /* ids present in this answer (quiet refresh) */
  GPtrArray    *added;   /* VMs new since the last load (quiet refresh) */
  guint         delivered; /* VMs the batches brought */
  gint64        started;
} LoadData;

static void
load_data_free (LoadData *load)
{
  g_clear_object (&load->self);
  g_clear_object (&load->cancellable);
  g_clear_pointer (&load->seen, g_hash_table_unref);
  g_clear_pointer (&load->added, g_ptr_array_unref);
  g_free (load);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LoadData, load_data_free)

static gboolean
is_cancelled_error (const GError *error)
{
  return g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
         g_error_matches (error, AERO_ENGINE_ERROR, AERO_ENGINE_ERROR_CANCELLED);
}

/* Columns */

static char *
format_name (gpointer item,
             gpointer data)
{
  return g_strdup (aero_vm_get_name (item));
}

static char *
format_name_accessible (gpointer item,
                        gpointer data)
{
  AeroVm *vm = item;

  /* TRANSLATORS: accessible name of a VM row: name, then status */
  return g_strdup_printf (_("Virtual machine %s, %s"),
                          aero_vm_get_name (vm),
                          aero_format_vm_status (aero_vm_get_status (vm)));
}

static char *
format_status (gpointer item,
               gpointer data)
{
  return g_strdup (aero_format_vm_status (aero_vm_get_status (item)));
}

static char *
format_cluster (gpointer item,
                gpointer data)
{
  AeroVmView *self = data;
  AeroCluster *cluster = aero_vm_view_lookup_cluster (self, aero_vm_get_cluster_id (item));

  if (cluster == NULL)
    return g_strdup (AERO_FORMAT_UNKNOWN);

  return aero_cluster_dup_label (cluster);
}

static char *
format_memory (gpointer item,
               gpointer data)
{
  return aero_format_bytes (aero_vm_get_memory (item));
}

static char *
format_guaranteed (gpointer item,
                   gpointer data)
{
  return aero_format_bytes (aero_columns_policy_guaranteed (aero_vm_get_memory_policy (item)));
}

static char *
format_max (gpointer item,
            gpointer data)
{
  return aero_format_bytes (aero_columns_policy_max (aero_vm_get_memory_policy (item)));
}

static AeroTristate
vm_ballooning (AeroVm *vm)
{
  return aero_columns_policy_ballooning (aero_vm_get_memory_policy (vm));
}

static char *
format_ballooning (gpointer item,
                   gpointer data)
{
  return g_strdup (aero_format_tristate (vm_ballooning (item)));
}

static int
compare_status (gconstpointer a,
                gconstpointer b,
                gpointer      data)
{
  /* By the words shown, so the order matches what the eye reads. */
  return g_utf8_collate (aero_format_vm_status (aero_vm_get_status ((AeroVm *) a)),
                         aero_format_vm_status (aero_vm_get_status ((AeroVm *) b)));
}

static int
compare_cluster (gconstpointer a,
                 gconstpointer b,
                 gpointer      data)
{
  AeroVmView *self = data;
  AeroCluster *ca = aero_vm_view_lookup_cluster (self, aero_vm_get_cluster_id ((AeroVm *) a));
  AeroCluster *cb = aero_vm_view_lookup_cluster (self, aero_vm_get_cluster_id ((AeroVm *) b));

  if (ca == cb)
    return 0;
  if (ca == NULL)
    return -1;
  if (cb == NULL)
    return 1;

  return g_utf8_collate (aero_cluster_get_name (ca) ? aero_cluster_get_name (ca) : "",
                         aero_cluster_get_name (cb) ? aero_cluster_get_name (cb) : "");
}

static int
compare_memory (gconstpointer a,
                gconstpointer b,
                gpointer      data)
{
  return aero_columns_compare_int64 (aero_vm_get_memory ((AeroVm *) a), aero_vm_get_memory ((AeroVm *) b));
}

static int
compare_guaranteed (gconstpointer a,
                    gconstpointer b,
                    gpointer      data)
{
  return aero_columns_compare_int64 (aero_columns_policy_guaranteed (aero_vm_get_memory_policy ((AeroVm *) a)),
                                     aero_columns_policy_guaranteed (aero_vm_get_memory_policy ((AeroVm *) b)));
}

static int
compare_max (gconstpointer a,
             gconstpointer b,
             gpointer      data)
{
  return aero_columns_compare_int64 (aero_columns_policy_max (aero_vm_get_memory_policy ((AeroVm *) a)),
                                     aero_columns_policy_max (aero_vm_get_memory_policy ((AeroVm *) b)));
}

static int
compare_ballooning (gconstpointer a,
                    gconstpointer b,
                    gpointer      data)
{
  return (int) vm_ballooning ((AeroVm *) a) - (int) vm_ballooning ((AeroVm *) b);
}

static void
add_columns (AeroVmView *self)
{
  GtkColumnViewColumn *name_column;
  GtkSorter *name_sorter;
  AeroColumnSpec specs[] = {
    { "name", _("Name"), format_name, format_name_accessible, self, TRUE, 0, 0.0f, NULL, NULL },
    /* Wide enough for the title and the sort arrow, narrow enough that
     * Name keeps room for a name beside the detail pane at 1100 px. */
    { "status", _("Status"), format_status, NULL, self, FALSE, 120, 0.0f, NULL, NULL },
    { "cluster", _("Cluster"), format_cluster, NULL, self, FALSE, 128, 0.0f, G_OBJECT (self), "clusters-changed" },
    { "memory", _("Memory"), format_memory, NULL, self, FALSE, 88, 1.0f, NULL, NULL },
    { "guaranteed", _("Guaranteed"), format_guaranteed, NULL, self, FALSE, 112, 1.0f, NULL, NULL },
    { "maximum", _("Maximum"), format_max, NULL, self, FALSE, 98, 1.0f, NULL, NULL },
    { "ballooning", _("Ballooning"), format_ballooning, NULL, self, FALSE, 108, 0.5f, NULL, NULL },
  };

  name_sorter = GTK_SORTER (gtk_string_sorter_new (gtk_property_expression_new (AERO_TYPE_VM, NULL, "name")));
  name_column = aero_columns_append (self->column_view, &specs[0], name_sorter);
  aero_columns_append (self->column_view, &specs[1],
                       GTK_SORTER (gtk_custom_sorter_new (compare_status, NULL, NULL)));
  self->cluster_sorter = GTK_SORTER (gtk_custom_sorter_new (compare_cluster, self, NULL));
  aero_columns_append (self->column_view, &specs[2], g_object_ref (self->cluster_sorter));
  aero_columns_append (self->column_view, &specs[3],
                       GTK_SORTER (gtk_custom_sorter_new (compare_memory, NULL, NULL)));
  aero_columns_append (self->column_view, &specs[4],
                       GTK_SORTER (gtk_custom_sorter_new (compare_guaranteed, NULL, NULL)));
  aero_columns_append (self->column_view, &specs[5],
                       GTK_SORTER (gtk_custom_sorter_new (compare_max, NULL, NULL)));
  aero_columns_append (self->column_view, &specs[6],
                       GTK_SORTER (gtk_custom_sorter_new (compare_ballooning, NULL, NULL)));

  (void) name_column;
}

/* States */

static void
update_count (AeroVmView *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->store));
  guint n_selected = aero_vm_view_get_n_selected (self);
  g_autofree char *text = NULL;

  if (self->engine == NULL)
    {
      gtk_label_set_label (self->count_label, "");
      return;
    }

  /* %'u: "10,000" where the locale groups digits. */
  if (self->loading)
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "Loading… %'u virtual machine so far",
                                         "Loading… %'u virtual machines so far", n), n);
  else if (n_selected > 0)
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%'u virtual machine, %'u selected",
                                         "%'u virtual machines, %'u selected", n), n, n_selected);
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%'u virtual machine",
                                         "%'u virtual machines", n), n);

  gtk_label_set_label (self->count_label, text);
  self->count_updated = g_get_monotonic_time ();
}

static void
set_loading (AeroVmView *self,
             gboolean    loading)
{
  if (self->loading == !!loading)
    return;

  self->loading = !!loading;
  gtk_spinner_set_spinning (self->spinner, loading);
  update_count (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
show_list_or_empty (AeroVmView *self)
{
  if (g_list_model_get_n_items (G_LIST_MODEL (self->store)) > 0)
    {
      gtk_stack_set_visible_child_name (self->stack, "list");
      return;
    }

  if (self->search != NULL && *self->search != '\0')
    {
      g_autofree char *description = NULL;

      adw_status_page_set_title (self->empty_page, _("No Results"));
      /* TRANSLATORS: %s is the search the user typed */
      description = g_strdup_printf (_("No virtual machine matches “%s”."), self->search);
      adw_status_page_set_description (self->empty_page, description);
      adw_status_page_set_icon_name (self->empty_page, "edit-find-symbolic");
    }
  else
    {
      adw_status_page_set_title (self->empty_page, _("No Virtual Machines"));
      adw_status_page_set_description (self->empty_page,
                                       _("This engine has no virtual machines yet. Create one with the + button."));
      adw_status_page_set_icon_name (self->empty_page, "computer-symbolic");
    }
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

static void
show_error (AeroVmView   *self,
            const GError *error)
{
  g_autofree char *text = aero_format_error (error);

  if (g_error_matches (error, AERO_ENGINE_ERROR, AERO_ENGINE_ERROR_FAULT) &&
      self->search != NULL && *self->search != '\0')
    adw_status_page_set_title (self->error_page, _("The Engine Refused the Search"));
  else
    adw_status_page_set_title (self->error_page, _("Could Not Load Virtual Machines"));
  adw_status_page_set_description (self->error_page, text);
  gtk_stack_set_visible_child_name (self->stack, "error");
}

/* Loading */

static void
index_items (AeroVmView *self,
             GPtrArray  *items)
{
  for (guint i = 0; i < items->len; i++)
    {
      AeroVm *vm = g_ptr_array_index (items, i);
      const char *id = aero_vm_get_id (vm);

      if (id != NULL)
        g_hash_table_insert (self->by_id, g_strdup (id), vm);
    }
}

/* Indexed now, shown as the feeder paces them: a quiet refresh then
 * finds rows still waiting too. */
static void
append_items (AeroVmView *self,
              GPtrArray  *items)
{
  if (items->len == 0)
    return;

  index_items (self, items);
  aero_row_feeder_push (self->feeder, items);
}

static void
merge_batch (LoadData  *load,
             GPtrArray *items)
{
  AeroVmView *self = load->self;

  for (guint i = 0; i < items->len; i++)
    {
      AeroVm *vm = g_ptr_array_index (items, i);
      const char *id = aero_vm_get_id (vm);
      AeroVm *existing = id ? g_hash_table_lookup (self->by_id, id) : NULL;

      if (id == NULL)
        continue;

      g_hash_table_add (load->seen, g_strdup (id));
      /* In place: rows, bindings and the selection keep their objects. */
      if (existing != NULL)
        aero_vm_update_from (existing, vm);
      else
        g_ptr_array_add (load->added, g_object_ref (vm));
    }
}

static void
batch_cb (GPtrArray *items,
          gpointer   user_data)
{
  LoadData *load = user_data;
  AeroVmView *self = load->self;

  if (g_cancellable_is_cancelled (load->cancellable))
    return;

  if (load->quiet)
    {
      merge_batch (load, items);
      return;
    }

  load->delivered += items->len;
  /* The list goes on screen first: the feeder paces rows by its frames.
   * While the last load's rows are still going, it waits for them. */
  if (items->len > 0 && !aero_row_feeder_get_emptying (self->feeder))
    gtk_stack_set_visible_child_name (self->stack, "list");
  append_items (self, items);

  /* A label that changes size relayouts the window: a few times a
   * second is enough while rows stream in. */
  if (g_get_monotonic_time () - self->count_updated > 250 * 1000)
    update_count (self);
}

static void
remove_unseen (AeroVmView *self,
               GHashTable *seen)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->store));
  guint i = n;

  /* Backwards, removing runs in one splice each: rows that stay are not
   * touched. */
  while (i > 0)
    {
      guint end = i;

      while (i > 0)
        {
          g_autoptr(AeroVm) vm = g_list_model_get_item (G_LIST_MODEL (self->store), i - 1);

          if (g_hash_table_contains (seen, aero_vm_get_id (vm)))
            break;
          g_hash_table_remove (self->by_id, aero_vm_get_id (vm));
          i--;
        }

      if (i < end)
        g_list_store_splice (self->store, i, end - i, NULL, 0);

      if (i > 0)
        i--;
    }
}

/* Rows stream in as the engine sends them and are sorted once, when all
 * are in: sorting 10,000 rows as they arrive reorders the visible rows
 * every frame. */
static void
unsort_list (AeroVmView *self)
{
  gtk_sort_list_model_set_sorter (self->sort_model, NULL);
}

/* Empties the list at once, for a session that ends. GTK 4.8 takes
 * 50-80 ms to drop 10,000 items from a list view with its rows built;
 * detached, the view drops its rows at once. Loads empty it by steps
 * instead (aero_row_feeder_empty()). */
static void
clear_list (AeroVmView *self)
{
  self->listed_all = FALSE;
  gtk_column_view_set_model (self->column_view, NULL);
  unsort_list (self);
  g_hash_table_remove_all (self->by_id);
  g_list_store_remove_all (self->store);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
}

static void
sort_list (AeroVmView *self)
{
  GtkSorter *sorter = gtk_column_view_get_sorter (self->column_view);

  if (gtk_sort_list_model_get_sorter (self->sort_model) != sorter)
    gtk_sort_list_model_set_sorter (self->sort_model, sorter);
}

/* After a quiet refresh too: the sorter is then attached and the view
 * not loading, and only the page and the count may change. */
/* Selects the VM aero_vm_view_select_when_listed () asked for, once a
 * load lists it. A load already under way may end before the new VM
 * is in it, so the wish waits for a later one; a new search drops it. */
static void
select_pending (AeroVmView *self)
{
  GListModel *model = G_LIST_MODEL (self->selection);
  guint n = g_list_model_get_n_items (model);

  if (self->select_id == NULL)
    return;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AeroVm) vm = g_list_model_get_item (model, i);

      if (g_strcmp0 (aero_vm_get_id (vm), self->select_id) == 0)
        {
          g_clear_pointer (&self->select_id, g_free);
          gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), i, TRUE);
          return;
        }
    }
}

static void
finish_load (AeroVmView *self)
{
  self->finishing = FALSE;
  self->listed_all = self->loaded_search == NULL || *self->loaded_search == '\0';
  sort_list (self);
  set_loading (self, FALSE);
  show_list_or_empty (self);
  update_count (self);
  select_pending (self);
  g_signal_emit (self, signals[LOADED], 0);
}

static void
feeder_emptying_cb (AeroVmView *self)
{
  if (!aero_row_feeder_get_emptying (self->feeder) &&
      aero_row_feeder_get_busy (self->feeder))
    gtk_stack_set_visible_child_name (self->stack, "list");
}

static void
feeder_busy_cb (AeroVmView *self)
{
  if (self->finishing && !aero_row_feeder_get_busy (self->feeder))
    finish_load (self);
}

static void
list_vms_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(LoadData) load = user_data;
  AeroVmView *self = load->self;
  g_autoptr(GListModel) all = NULL;
  g_autoptr(GError) error = NULL;

  all = aero_engine_list_vms_finish (AERO_ENGINE (object), result, &error);
  if (is_cancelled_error (error) || g_cancellable_is_cancelled (load->cancellable))
    return;

  if (load->quiet)
    self->refreshing = FALSE;

  if (error != NULL)
    {
      g_autofree char *text = aero_format_error (error);

      aero_row_feeder_flush (self->feeder);
      sort_list (self);
      if (!load->quiet)
        set_loading (self, FALSE);

      g_debug ("Listing VMs failed: %s", error->message);
      if (load->quiet && g_list_model_get_n_items (G_LIST_MODEL (self->store)) > 0)
        {
          g_autofree char *title = NULL;

          /* TRANSLATORS: %s is the engine's error */
          title = g_strdup_printf (_("Could not refresh the list: %s"), text);
          aero_banner_set_title (self->banner, title);
          aero_banner_set_revealed (self->banner, TRUE);
        }
      else
        {
          self->listed_all = FALSE;
          show_error (self, error);
        }
      update_count (self);
      g_signal_emit (self, signals[LOAD_FAILED], 0, error);
      return;
    }

  aero_banner_set_revealed (self->banner, FALSE);

  if (load->quiet)
    {
      /* An engine that never called the batch function: merge the result. */
      if (g_hash_table_size (load->seen) == 0 && all != NULL)
        {
          g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

          for (guint i = 0; i < g_list_model_get_n_items (all); i++)
            g_ptr_array_add (items, g_list_model_get_item (all, i));
          merge_batch (load, items);
        }
      remove_unseen (self, load->seen);
      append_items (self, load->added);
      aero_vm_detail_reload (self->detail);
    }
  else if (load->delivered == 0 && all != NULL)
    {
      g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint i = 0; i < g_list_model_get_n_items (all); i++)
        g_ptr_array_add (items, g_list_model_get_item (all, i));
      append_items (self, items);
    }

  g_debug ("Listed %u VMs in %.3f s",
           g_hash_table_size (self->by_id),
           (g_get_monotonic_time () - load->started) / (double) G_USEC_PER_SEC);

  /* Loaded means every row is in the list. */
  if (!load->quiet && aero_row_feeder_get_busy (self->feeder))
    {
      self->finishing = TRUE;
      return;
    }
  finish_load (self);
}

static void
start_load (AeroVmView *self,
            gboolean    quiet)
{
  LoadData *load;

  if (self->engine == NULL)
    return;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  load = g_new0 (LoadData, 1);
  load->self = g_object_ref (self);
  load->cancellable = g_object_ref (self->cancellable);
  load->quiet = quiet;
  load->started = g_get_monotonic_time ();

  if (quiet)
    {
      /* Every row in the list before comparing with the engine's. */
      aero_row_feeder_flush (self->feeder);
      load->seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      load->added = g_ptr_array_new_with_free_func (g_object_unref);
      self->refreshing = TRUE;
    }
  else
    {
      self->refreshing = FALSE;
      self->finishing = FALSE;
      self->listed_all = FALSE;
      aero_row_feeder_clear (self->feeder);
      unsort_list (self);
      g_hash_table_remove_all (self->by_id);
      aero_row_feeder_empty (self->feeder);
      aero_banner_set_revealed (self->banner, FALSE);
      g_free (self->loaded_search);
      self->loaded_search = g_strdup (self->search);
      gtk_stack_set_visible_child_name (self->stack, "loading");
      set_loading (self, TRUE);
    }

  /* The Ballooning column needs memory_policy.ballooning: the engine layer
   * asks for it as the engine's release needs (aero-engine-version.h). */
  aero_engine_list_vms_async (self->engine,
                              self->search && *self->search ? self->search : NULL,
                              -1,
                              AERO_LIST_ALL_CONTENT,
                              batch_cb, load,
                              self->cancellable,
                              list_vms_cb, load);
}

/* Selection */

static void
selection_changed_cb (AeroVmView *self)
{
  AeroVm *vm = aero_vm_view_get_selected_vm (self);
  guint n = aero_vm_view_get_n_selected (self);
  AeroCluster *cluster = NULL;

  if (vm != NULL)
    cluster = aero_vm_view_lookup_cluster (self, aero_vm_get_cluster_id (vm));

  aero_vm_detail_show (self->detail, vm, cluster, n);
  if (!self->loading)
    update_count (self);
  g_signal_emit (self, signals[SELECTION_CHANGED], 0);
}

static void
row_activate_cb (AeroVmView *self,
                 guint       position)
{
  GtkSelectionModel *model = GTK_SELECTION_MODEL (self->selection);

  if (!gtk_selection_model_is_selected (model, position))
    gtk_selection_model_select_item (model, position, TRUE);

  gtk_widget_activate_action (GTK_WIDGET (self), "win.edit-vm", NULL);
}

static void
search_activate_cb (AeroVmView *self)
{
  aero_vm_view_set_search (self, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

static void
search_changed_cb (AeroVmView *self)
{
  /* Searching waits for Enter (each search is a request to the engine),
   * but clearing the entry shows everything again at once. */
  if (*gtk_editable_get_text (GTK_EDITABLE (self->search_entry)) == '\0' &&
      self->search != NULL && *self->search != '\0')
    aero_vm_view_set_search (self, "");
}

static void
retry_cb (AeroVmView *self)
{
  aero_vm_view_reload (self);
}

/* GObject */

static void
aero_vm_view_dispose (GObject *object)
{
  AeroVmView *self = AERO_VM_VIEW (object);
  GtkWidget *child;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  /* The column view drops its model below: nothing to show any more. */
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  if (self->feeder != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->feeder, self);
      aero_row_feeder_shutdown (self->feeder);
    }

  gtk_widget_dispose_template (GTK_WIDGET (object), AERO_TYPE_VM_VIEW);
  /* dispose_template() only unparents bound children; the top-level
   * child of the template may not be one. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  g_clear_object (&self->feeder);
  g_clear_object (&self->selection);
  g_clear_object (&self->sort_model);
  g_clear_object (&self->cluster_sorter);
  g_clear_object (&self->store);
  g_clear_object (&self->engine);
  g_clear_pointer (&self->by_id, g_hash_table_unref);
  g_clear_pointer (&self->clusters, g_hash_table_unref);

  G_OBJECT_CLASS (aero_vm_view_parent_class)->dispose (object);
}

static void
aero_vm_view_finalize (GObject *object)
{
  AeroVmView *self = AERO_VM_VIEW (object);

  g_free (self->search);
  g_free (self->loaded_search);
  g_free (self->select_id);

  G_OBJECT_CLASS (aero_vm_view_parent_class)->finalize (object);
}

static void
aero_vm_view_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  AeroVmView *self = AERO_VM_VIEW (object);

  switch (prop_id)
    {
    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
aero_vm_view_class_init (AeroVmViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = aero_vm_view_dispose;
  object_class->finalize = aero_vm_view_finalize;
  object_class->get_property = aero_vm_view_get_property;

  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SELECTION_CHANGED] =
    g_signal_new ("selection-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[LOAD_FAILED] =
    g_signal_new ("load-failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_ERROR);
  signals[CLUSTERS_CHANGED] =
    g_signal_new ("clusters-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[LOADED] =
    g_signal_new ("loaded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (AERO_TYPE_BANNER);
  g_type_ensure (AERO_TYPE_VM_DETAIL);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/aerostat/Aerostat/ui/aero-vm-view.ui");
  gtk_widget_class_bind_template_child (widget_class, AeroVmView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, AeroVmView, banner);
  gtk_widget_class_bind_template_child (widget_class, AeroVmView, flap);
  gtk_widget_class_bind_template_child (widget_class, AeroVmView, stack);
  gtk_widget_class_bind_template_child (widget_class, AeroVmView, spinner);
  gtk_widget_class_bind_template_child (widget_class, AeroVmView, scroller);
  gtk_widget_class_bind_template_child (widget_class, AeroVmView, column_view);
  gtk_widget_class_bind_template_child (widget_class, AeroVmView, empty_page);
  gtk_widget_class_bind_template_child (widget_class, AeroVmView, error_page);
  gtk_widget_class_bind_template_child (widget_class, AeroVmView, detail);
  gtk_widget_class_bind_template_child (widget_class, AeroVmView, count_label);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, retry_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activate_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "vmview");
}

static void
aero_vm_view_init (AeroVmView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* Own the keys: aero_vm_update_from() may replace the id string. */
  self->by_id = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->clusters = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->store = g_list_store_new (AERO_TYPE_VM);

  add_columns (self);

  self->sort_model = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->store)),
                                              g_object_ref (gtk_column_view_get_sorter (self->column_view)));
  self->selection = gtk_multi_selection_new (g_object_ref (G_LIST_MODEL (self->sort_model)));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_object (self->selection, "selection-changed",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
  /* Removals during a refresh may drop selected rows. */
  g_signal_connect_object (self->selection, "items-changed",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);

  self->feeder = aero_row_feeder_new (self->store, GTK_WIDGET (self->column_view));
  g_signal_connect_swapped (self->feeder, "notify::busy", G_CALLBACK (feeder_busy_cb), self);
  g_signal_connect_swapped (self->feeder, "notify::emptying", G_CALLBACK (feeder_emptying_cb), self);

  gtk_stack_set_visible_child_name (self->stack, "loading");
}

/* Public API */

void
aero_vm_view_set_engine (AeroVmView *self,
                         AeroEngine *engine)
{
  g_return_if_fail (AERO_IS_VM_VIEW (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_set_object (&self->engine, engine);
  aero_row_feeder_clear (self->feeder);
  clear_list (self);
  self->refreshing = FALSE;
  self->finishing = FALSE;
  set_loading (self, FALSE);
  g_clear_pointer (&self->search, g_free);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  aero_banner_set_revealed (self->banner, FALSE);
  aero_vm_detail_set_engine (self->detail, engine);
  gtk_stack_set_visible_child_name (self->stack, "loading");
  update_count (self);
}

void
aero_vm_view_set_clusters (AeroVmView *self,
                           GListModel *clusters)
{
  g_return_if_fail (AERO_IS_VM_VIEW (self));

  g_hash_table_remove_all (self->clusters);
  for (guint i = 0; clusters != NULL && i < g_list_model_get_n_items (clusters); i++)
    {
      g_autoptr(AeroCluster) cluster = g_list_model_get_item (clusters, i);

      if (aero_cluster_get_id (cluster) != NULL)
        g_hash_table_insert (self->clusters,
                             g_strdup (aero_cluster_get_id (cluster)),
                             g_object_ref (cluster));
    }

  g_signal_emit (self, signals[CLUSTERS_CHANGED], 0);
  gtk_sorter_changed (self->cluster_sorter, GTK_SORTER_CHANGE_DIFFERENT);
  selection_changed_cb (self);
}

AeroCluster *
aero_vm_view_lookup_cluster (AeroVmView *self,
                             const char *cluster_id)
{
  g_return_val_if_fail (AERO_IS_VM_VIEW (self), NULL);

  if (cluster_id == NULL)
    return NULL;

  return g_hash_table_lookup (self->clusters, cluster_id);
}

void
aero_vm_view_reload (AeroVmView *self)
{
  g_return_if_fail (AERO_IS_VM_VIEW (self));

  start_load (self, FALSE);
}

void
aero_vm_view_refresh (AeroVmView *self)
{
  g_return_if_fail (AERO_IS_VM_VIEW (self));

  if (self->engine == NULL || self->loading || self->refreshing)
    return;

  /* After a failed load or a new search there is nothing to keep. */
  if (g_strcmp0 (self->search, self->loaded_search) != 0 ||
      g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "error") == 0)
    {
      start_load (self, FALSE);
      return;
    }

  start_load (self, TRUE);
}

gboolean
aero_vm_view_get_loading (AeroVmView *self)
{
  g_return_val_if_fail (AERO_IS_VM_VIEW (self), FALSE);

  return self->loading;
}

gboolean
aero_vm_view_is_busy (AeroVmView *self)
{
  g_return_val_if_fail (AERO_IS_VM_VIEW (self), FALSE);

  return self->loading || self->refreshing || aero_row_feeder_get_busy (self->feeder);
}

void
aero_vm_view_set_search (AeroVmView *self,
                         const char *search)
{
  g_autofree char *stripped = NULL;

  g_return_if_fail (AERO_IS_VM_VIEW (self));

  stripped = g_strstrip (g_strdup (search ? search : ""));
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)), search ? search : "") != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->search_entry), search ? search : "");

  g_free (self->search);
  self->search = g_steal_pointer (&stripped);
  g_clear_pointer (&self->select_id, g_free);
  start_load (self, FALSE);
}

const char *
aero_vm_view_get_search (AeroVmView *self)
{
  g_return_val_if_fail (AERO_IS_VM_VIEW (self), NULL);

  return self->search;
}

void
aero_vm_view_focus_search (AeroVmView *self)
{
  g_return_if_fail (AERO_IS_VM_VIEW (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

GListModel *
aero_vm_view_get_model (AeroVmView *self)
{
  g_return_val_if_fail (AERO_IS_VM_VIEW (self), NULL);

  return G_LIST_MODEL (self->store);
}

GListModel *
aero_vm_view_get_all_vms (AeroVmView *self)
{
  g_return_val_if_fail (AERO_IS_VM_VIEW (self), NULL);

  if (self->engine == NULL || !self->listed_all)
    return NULL;
  return G_LIST_MODEL (self->store);
}

GtkSelectionModel *
aero_vm_view_get_selection (AeroVmView *self)
{
  g_return_val_if_fail (AERO_IS_VM_VIEW (self), NULL);

  return GTK_SELECTION_MODEL (self->selection);
}

GtkColumnView *
aero_vm_view_get_column_view (AeroVmView *self)
{
  g_return_val_if_fail (AERO_IS_VM_VIEW (self), NULL);

  return self->column_view;
}

GPtrArray *
aero_vm_view_dup_selected (AeroVmView *self)
{
  g_autoptr(GtkBitset) selected = NULL;
  GPtrArray *vms;
  GtkBitsetIter iter;
  guint position;

  g_return_val_if_fail (AERO_IS_VM_VIEW (self), NULL);

  vms = g_ptr_array_new_with_free_func (g_object_unref);
  selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  if (gtk_bitset_iter_init_first (&iter, selected, &position))
    {
      do
        g_ptr_array_add (vms, g_list_model_get_item (G_LIST_MODEL (self->selection), position));
      while (gtk_bitset_iter_next (&iter, &position));
    }

  return vms;
}

guint
aero_vm_view_get_n_selected (AeroVmView *self)
{
  g_autoptr(GtkBitset) selected = NULL;

  g_return_val_if_fail (AERO_IS_VM_VIEW (self), 0);

  selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  return (guint) gtk_bitset_get_size (selected);
}

AeroVm *
aero_vm_view_get_selected_vm (AeroVmView *self)
{
  g_autoptr(GtkBitset) selected = NULL;
  g_autoptr(AeroVm) vm = NULL;

  g_return_val_if_fail (AERO_IS_VM_VIEW (self), NULL);

  selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  if (gtk_bitset_get_size (selected) != 1)
    return NULL;

  vm = g_list_model_get_item (G_LIST_MODEL (self->selection), gtk_bitset_get_minimum (selected));
  /* Borrowed: the store holds it. */
  return vm;
}

const char *
aero_vm_view_get_state (AeroVmView *self)
{
  g_return_val_if_fail (AERO_IS_VM_VIEW (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

const char *
aero_vm_view_get_message (AeroVmView *self)
{
  const char *state;

  g_return_val_if_fail (AERO_IS_VM_VIEW (self), NULL);

  state = gtk_stack_get_visible_child_name (self->stack);
  if (g_strcmp0 (state, "error") == 0)
    return adw_status_page_get_description (self->error_page);
  if (g_strcmp0 (state, "empty") == 0)
    return adw_status_page_get_title (self->empty_page);
  if (aero_banner_get_revealed (self->banner))
    return aero_banner_get_title (self->banner);

  return NULL;
}

GtkWidget *
aero_vm_view_get_detail (AeroVmView *self)
{
  g_return_val_if_fail (AERO_IS_VM_VIEW (self), NULL);

  return GTK_WIDGET (self->detail);
}

void
aero_vm_view_select_when_listed (AeroVmView *self,
                                 const char *id)
{
  g_return_if_fail (AERO_IS_VM_VIEW (self));

  g_free (self->select_id);
  self->select_id = g_strdup (id);
}
