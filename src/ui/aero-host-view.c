/* aero-host-view.c - the Hosts view
 *
 * Three lists, one request each, make the view: the hosts the search
 * entry asks for, every host (a cluster's picture adds up all of its
 * hosts, whatever the search shows) and every VM with all content (its
 * ballooning, host link, memory and guaranteed memory). The VMs are the
 * Virtual Machines view's own when it lists them all (aero_host_view_set_vms ()):
 * 10,000 VMs held twice cost some 100 MB. The figures of a row and of the
 * pictures come from AeroMemoryPicture, built once per load from the VMs
 * grouped by host and by cluster, so binding a row costs a lookup.
 *
 * Rows go in through AeroRowFeeder, as in the VM list; a reload updates
 * the listed hosts in place, so rows, selection and scrolling stay.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "aero-cluster-memory.h"
#include "aero-columns.h"
#include "aero-dialogs.h"
#include "aero-format.h"
#include "aero-host-view.h"
#include "aero-memory-chart.h"
#include "aero-memory-picture.h"
#include "aero-row-feeder.h"

struct _AeroHostView
{
  GtkWidget           parent_instance;

  AeroEngine         *engine;
  GListModel         *clusters;
  GCancellable       *cancellable;
  char               *search;

  GListStore         *store;        /* the hosts shown */
  GtkSingleSelection *selection;
  GListModel         *all_hosts;    /* every host, for the cluster pictures */
  GListModel         *vms;          /* the VMs the pictures were built from */
  GListModel         *shared_vms;   /* every VM, listed by someone else; or NULL */
  GHashTable         *pictures;     /* host id -> AeroMemoryPicture */
  GHashTable         *cluster_pictures; /* cluster id -> AeroMemoryPicture */
  GHashTable         *vms_by_host;  /* host id -> GListStore of AeroVm */
  gboolean            loaded;
  gboolean            finishing;    /* listed; the feeder still has rows */
  AeroRowFeeder      *feeder;

  /* The load in progress. */
  guint               pending;
  GListModel         *new_shown;
  GListModel         *new_all;
  GListModel         *new_vms;
  GError             *load_error;

  GtkSearchEntry     *search_entry;
  AdwFlap            *flap;
  GtkStack           *stack;
  GtkSpinner         *spinner;
  GtkColumnView      *column_view;
  AdwStatusPage      *error_page;
  GtkStack           *detail_stack;
  GtkLabel           *host_title;
  GtkLabel           *host_subtitle;
  AeroMemoryChart    *host_chart;
  GtkLabel           *host_legend;
  AeroClusterMemory  *cluster_memory;
  GtkListBox         *vm_list;
  GtkLabel           *vm_heading;
};

G_DEFINE_FINAL_TYPE (AeroHostView, aero_host_view, GTK_TYPE_WIDGET)

enum {
  LOADED,
  LOAD_FAILED,
  PICTURES_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void update_detail (AeroHostView *self);

/* --- lookups ----------------------------------------------------------- */

static AeroMemoryPicture *
picture_of (AeroHostView *self,
            AeroHost     *host)
{
  const char *id = aero_host_get_id (host);

  return id != NULL && self->pictures != NULL ? g_hash_table_lookup (self->pictures, id) : NULL;
}

static AeroCluster *
find_cluster (AeroHostView *self,
              const char   *id)
{
  guint n = self->clusters != NULL ? g_list_model_get_n_items (self->clusters) : 0;

  for (guint i = 0; i < n && id != NULL; i++)
    {
      g_autoptr(AeroCluster) cluster = g_list_model_get_item (self->clusters, i);

      if (g_strcmp0 (aero_cluster_get_id (cluster), id) == 0)
        return cluster;
    }
  return NULL;
}

static char *
dup_cluster_label (AeroHostView *self,
                   AeroHost     *host)
{
  AeroCluster *cluster = find_cluster (self, aero_host_get_cluster_id (host));

  if (cluster != NULL)
    return aero_cluster_dup_label (cluster);
  return g_strdup (AERO_FORMAT_UNKNOWN);
}

/* "up" -> "Up", "non_responsive" -> "Non Responsive": the engine's
 * HostStatus words, shown as the admin portal does. */
static char *
dup_status (AeroHost *host)
{
  const char *status = aero_host_get_status (host);
  g_autofree char *spaced = NULL;
  g_auto(GStrv) words = NULL;

  if (status == NULL)
    return g_strdup (AERO_FORMAT_UNKNOWN);
  if (g_str_equal (status, "up"))
    return g_strdup (_("Up"));
  if (g_str_equal (status, "maintenance"))
    return g_strdup (_("Maintenance"));
  if (g_str_equal (status, "non_responsive"))
    return g_strdup (_("Non Responsive"));
  if (g_str_equal (status, "non_operational"))
    return g_strdup (_("Non Operational"));
  if (g_str_equal (status, "down"))
    return g_strdup (_("Down"));
  /* Any other state in the engine's own word. */
  spaced = g_strdelimit (g_strdup (status), "_", ' ');
  words = g_strsplit (spaced, " ", -1);
  for (guint i = 0; words[i] != NULL; i++)
    if (words[i][0] != '\0')
      words[i][0] = g_ascii_toupper (words[i][0]);
  return g_strjoinv (" ", words);
}

/* --- columns ----------------------------------------------------------- */

static char *
format_name (gpointer item,
             gpointer data)
{
  return g_strdup (aero_host_get_name (item));
}

static char *
format_name_accessible (gpointer item,
                        gpointer data)
{
  /* TRANSLATORS: accessible name of a host row, e.g. "Host host-01" */
  return g_strdup_printf (_("Host %s"), aero_host_get_name (item));
}

static char *
format_status (gpointer item,
               gpointer data)
{
  return dup_status (item);
}

static char *
format_cluster (gpointer item,
                gpointer data)
{
  return dup_cluster_label (data, item);
}

static char *
format_physical (gpointer item,
                 gpointer data)
{
  return aero_format_bytes (aero_host_get_memory (item));
}

static char *
format_used (gpointer item,
             gpointer data)
{
  return aero_format_bytes (aero_host_get_memory_used (item));
}

static char *
format_shared (gpointer item,
               gpointer data)
{
  return aero_format_bytes (aero_host_get_memory_shared (item));
}

static char *
format_max_free (gpointer item,
                 gpointer data)
{
  return aero_format_bytes (aero_host_get_max_scheduling_memory (item));
}

static char *
format_running (gpointer item,
                gpointer data)
{
  AeroMemoryPicture *picture = picture_of (data, item);

  if (picture == NULL)
    return g_strdup (AERO_FORMAT_UNKNOWN);
  return g_strdup_printf ("%u", aero_memory_picture_get_running_vms (picture));
}

static char *
format_committed (gpointer item,
                  gpointer data)
{
  AeroMemoryPicture *picture = picture_of (data, item);

  return aero_format_bytes (picture != NULL ? aero_memory_picture_get_committed (picture) : AERO_UNSET);
}

static char *
format_percent (gpointer item,
                gpointer data)
{
  AeroMemoryPicture *picture = picture_of (data, item);
  int percent = picture != NULL ? aero_memory_picture_get_committed_percent (picture) : -1;

  if (percent < 0)
    return g_strdup (AERO_FORMAT_UNKNOWN);
  /* TRANSLATORS: committed memory as a share of physical, e.g. "112 %" */
  return g_strdup_printf (_("%d %%"), percent);
}

static gint64
picture_figure (AeroHostView *self,
                AeroHost     *host,
                guint         which)
{
  AeroMemoryPicture *picture = picture_of (self, host);

  if (picture == NULL)
    return AERO_UNSET;
  switch (which)
    {
    case 0:
      return aero_memory_picture_get_running_vms (picture);
    case 1:
      return aero_memory_picture_get_committed (picture);
    default:
      return aero_memory_picture_get_committed_percent (picture);
    }
}

#define INT64_SORTER(fn, expr) \
  static int \
  fn (gconstpointer a, gconstpointer b, gpointer data) \
  { \
    AeroHost *host_a = (AeroHost *) a, *host_b = (AeroHost *) b; \
    (void) data; \
    return aero_columns_compare_int64 (expr (host_a), expr (host_b)); \
  }

#define HOST_MEMORY(h) aero_host_get_memory (h)
#define HOST_USED(h) aero_host_get_memory_used (h)
#define HOST_SHARED(h) aero_host_get_memory_shared (h)
#define HOST_MAX_FREE(h) aero_host_get_max_scheduling_memory (h)
INT64_SORTER (compare_physical, HOST_MEMORY)
INT64_SORTER (compare_used, HOST_USED)
INT64_SORTER (compare_shared, HOST_SHARED)
INT64_SORTER (compare_max_free, HOST_MAX_FREE)

static int
compare_running (gconstpointer a, gconstpointer b, gpointer data)
{
  return aero_columns_compare_int64 (picture_figure (data, (AeroHost *) a, 0),
                                     picture_figure (data, (AeroHost *) b, 0));
}

static int
compare_committed (gconstpointer a, gconstpointer b, gpointer data)
{
  return aero_columns_compare_int64 (picture_figure (data, (AeroHost *) a, 1),
                                     picture_figure (data, (AeroHost *) b, 1));
}

static int
compare_percent (gconstpointer a, gconstpointer b, gpointer data)
{
  return aero_columns_compare_int64 (picture_figure (data, (AeroHost *) a, 2),
                                     picture_figure (data, (AeroHost *) b, 2));
}

static int
compare_cluster (gconstpointer a, gconstpointer b, gpointer data)
{
  g_autofree char *label_a = dup_cluster_label (data, (AeroHost *) a);
  g_autofree char *label_b = dup_cluster_label (data, (AeroHost *) b);

  return g_utf8_collate (label_a, label_b);
}

static void
add_columns (AeroHostView *self)
{
  AeroColumnSpec specs[] = {
    { "name", _("Name"), format_name, format_name_accessible, self, TRUE, 0, 0.0f, NULL, NULL },
    { "status", _("Status"), format_status, NULL, self, FALSE, 56, 0.0f, NULL, NULL },
    { "cluster", _("Cluster"), format_cluster, NULL, self, FALSE, 116, 0.0f, NULL, NULL },
    { "physical", _("Physical"), format_physical, NULL, self, FALSE, 68, 1.0f, NULL, NULL },
    { "used", _("Used"), format_used, NULL, self, FALSE, 68, 1.0f, NULL, NULL },
    { "shared", _("Shared"), format_shared, NULL, self, FALSE, 72, 1.0f, NULL, NULL },
    { "max-free", _("Max Free"), format_max_free, NULL, self, FALSE, 72, 1.0f, NULL, NULL },
    /* A reload keeps the rows: these follow the new pictures. */
    { "running", _("VMs"), format_running, NULL, self, FALSE, 44, 1.0f, G_OBJECT (self), "pictures-changed" },
    { "committed", _("Committed"), format_committed, NULL, self, FALSE, 80, 1.0f, G_OBJECT (self), "pictures-changed" },
    { "percent", _("Committed %"), format_percent, NULL, self, FALSE, 84, 1.0f, G_OBJECT (self), "pictures-changed" },
  };
  GtkSorter *sorters[] = {
    GTK_SORTER (gtk_string_sorter_new (gtk_property_expression_new (AERO_TYPE_HOST, NULL, "name"))),
    GTK_SORTER (gtk_string_sorter_new (gtk_property_expression_new (AERO_TYPE_HOST, NULL, "status"))),
    GTK_SORTER (gtk_custom_sorter_new (compare_cluster, self, NULL)),
    GTK_SORTER (gtk_custom_sorter_new (compare_physical, self, NULL)),
    GTK_SORTER (gtk_custom_sorter_new (compare_used, self, NULL)),
    GTK_SORTER (gtk_custom_sorter_new (compare_shared, self, NULL)),
    GTK_SORTER (gtk_custom_sorter_new (compare_max_free, self, NULL)),
    GTK_SORTER (gtk_custom_sorter_new (compare_running, self, NULL)),
    GTK_SORTER (gtk_custom_sorter_new (compare_committed, self, NULL)),
    GTK_SORTER (gtk_custom_sorter_new (compare_percent, self, NULL)),
  };

  for (guint i = 0; i < G_N_ELEMENTS (specs); i++)
    aero_columns_append (self->column_view, &specs[i], sorters[i]);
}

/* --- loading ------------------------------------------------------------ */

static GListStore *
store_of (GPtrArray *vms)
{
  GListStore *store = g_list_store_new (AERO_TYPE_VM);

  g_list_store_splice (store, 0, 0, vms->pdata, vms->len);
  return store;
}

/* The running VMs by host (vms_by_host) and by the cluster of their host
 * (returned: cluster id -> GListStore), in one pass over every VM. */
static GHashTable *
group_vms (AeroHostView *self)
{
  g_autoptr(GHashTable) host_cluster = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) by_host = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                         (GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GHashTable) by_cluster = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                            (GDestroyNotify) g_ptr_array_unref);
  GHashTable *cluster_vms = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  guint n_hosts = g_list_model_get_n_items (self->all_hosts);
  guint n = self->vms != NULL ? g_list_model_get_n_items (self->vms) : 0;
  GHashTableIter iter;
  gpointer key, value;

  for (guint i = 0; i < n_hosts; i++)
    {
      g_autoptr(AeroHost) host = g_list_model_get_item (self->all_hosts, i);

      /* Borrowed: all_hosts holds the hosts. */
      if (aero_host_get_id (host) != NULL && aero_host_get_cluster_id (host) != NULL)
        g_hash_table_insert (host_cluster, (gpointer) aero_host_get_id (host),
                             (gpointer) aero_host_get_cluster_id (host));
    }

  for (guint i = 0; i < n; i++)
    {
      AeroVm *vm = g_list_model_get_item (self->vms, i);
      const char *host_id = aero_vm_get_host_id (vm);
      const char *cluster_id;
      GPtrArray *list;

      if (host_id == NULL || !aero_memory_picture_vm_is_running (vm))
        {
          g_object_unref (vm);
          continue;
        }
      list = g_hash_table_lookup (by_host, host_id);
      if (list == NULL)
        {
          list = g_ptr_array_new_with_free_func (g_object_unref);
          g_hash_table_insert (by_host, g_strdup (host_id), list);
        }
      g_ptr_array_add (list, vm);
      cluster_id = g_hash_table_lookup (host_cluster, host_id);
      if (cluster_id != NULL)
        {
          list = g_hash_table_lookup (by_cluster, cluster_id);
          if (list == NULL)
            {
              list = g_ptr_array_new ();
              g_hash_table_insert (by_cluster, (gpointer) cluster_id, list);
            }
          g_ptr_array_add (list, vm);
        }
    }

  g_clear_pointer (&self->vms_by_host, g_hash_table_unref);
  self->vms_by_host = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  g_hash_table_iter_init (&iter, by_host);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (self->vms_by_host, g_strdup (key), store_of (value));
  g_hash_table_iter_init (&iter, by_cluster);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (cluster_vms, g_strdup (key), store_of (value));
  return cluster_vms;
}

static void
build_pictures (AeroHostView *self)
{
  guint n = g_list_model_get_n_items (self->all_hosts);
  g_autoptr(GHashTable) cluster_vms = group_vms (self);

  g_clear_pointer (&self->pictures, g_hash_table_unref);
  self->pictures = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AeroHost) host = g_list_model_get_item (self->all_hosts, i);
      const char *id = aero_host_get_id (host);

      if (id == NULL)
        continue;
      g_hash_table_insert (self->pictures, g_strdup (id),
                           aero_memory_picture_new_for_host (host, g_hash_table_lookup (self->vms_by_host, id)));
    }

  /* Each cluster's, now: the VMs they add up may be another view's, and
   * change under it later (a search there). */
  g_clear_pointer (&self->cluster_pictures, g_hash_table_unref);
  self->cluster_pictures = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AeroHost) host = g_list_model_get_item (self->all_hosts, i);
      const char *cluster_id = aero_host_get_cluster_id (host);

      if (cluster_id == NULL || g_hash_table_contains (self->cluster_pictures, cluster_id))
        continue;
      g_hash_table_insert (self->cluster_pictures, g_strdup (cluster_id),
                           aero_memory_picture_new_for_cluster (cluster_id, self->all_hosts,
                                                                g_hash_table_lookup (cluster_vms, cluster_id)));
    }
  g_signal_emit (self, signals[PICTURES_CHANGED], 0);
}

/* The listed hosts become @shown: those listed already are updated in
 * place, those gone are removed, and new ones go in through the feeder. */
static void
update_rows (AeroHostView *self,
             GListModel   *shown)
{
  g_autoptr(GHashTable) fresh = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) listed = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) added = g_ptr_array_new_with_free_func (g_object_unref);
  GListModel *store = G_LIST_MODEL (self->store);
  guint n = g_list_model_get_n_items (shown);
  guint i;

  /* Rows of the last load still waiting go in first, to be compared. */
  aero_row_feeder_flush (self->feeder);
  for (i = 0; i < n; i++)
    {
      g_autoptr(AeroHost) host = g_list_model_get_item (shown, i);

      if (aero_host_get_id (host) != NULL)
        g_hash_table_insert (fresh, (gpointer) aero_host_get_id (host), host);
    }

  /* Backwards, removing runs in one splice each. */
  i = g_list_model_get_n_items (store);
  while (i > 0)
    {
      guint end = i;

      while (i > 0)
        {
          g_autoptr(AeroHost) host = g_list_model_get_item (store, i - 1);
          const char *id = aero_host_get_id (host);
          AeroHost *update = id != NULL ? g_hash_table_lookup (fresh, id) : NULL;

          if (update != NULL)
            {
              aero_host_update_from (host, update);
              g_hash_table_add (listed, (gpointer) aero_host_get_id (update));
              break;
            }
          i--;
        }
      if (i < end)
        g_list_store_splice (self->store, i, end - i, NULL, 0);
      if (i > 0)
        i--;
    }

  for (i = 0; i < n; i++)
    {
      g_autoptr(AeroHost) host = g_list_model_get_item (shown, i);
      const char *id = aero_host_get_id (host);

      if (id == NULL || !g_hash_table_contains (listed, id))
        g_ptr_array_add (added, g_steal_pointer (&host));
    }
  if (added->len > 0)
    {
      /* On screen first: the feeder paces rows by the list's frames. */
      gtk_stack_set_visible_child_name (self->stack, "list");
      aero_row_feeder_push (self->feeder, added);
    }
}

/* Every row is in: the load is done. */
static void
complete_load (AeroHostView *self)
{
  self->finishing = FALSE;
  self->loaded = TRUE;
  gtk_stack_set_visible_child_name (self->stack,
                                    g_list_model_get_n_items (G_LIST_MODEL (self->store)) > 0 ? "list" : "empty");
  update_detail (self);
  g_signal_emit (self, signals[LOADED], 0);
}

static void
feeder_busy_cb (AeroHostView *self)
{
  if (self->finishing && !aero_row_feeder_get_busy (self->feeder))
    complete_load (self);
}

static void
finish_load (AeroHostView *self)
{
  gtk_spinner_stop (self->spinner);
  if (self->load_error != NULL)
    {
      g_autoptr(GError) error = g_steal_pointer (&self->load_error);
      g_autofree char *words = aero_format_error (error);

      g_clear_object (&self->new_shown);
      g_clear_object (&self->new_all);
      g_clear_object (&self->new_vms);
      adw_status_page_set_description (self->error_page, words);
      gtk_stack_set_visible_child_name (self->stack, "error");
      g_signal_emit (self, signals[LOAD_FAILED], 0, error);
      return;
    }

  g_set_object (&self->all_hosts, self->new_all);
  if (self->new_vms != NULL)
    g_set_object (&self->vms, self->new_vms);
  else
    g_set_object (&self->vms, self->shared_vms);
  build_pictures (self);
  update_rows (self, self->new_shown != NULL ? self->new_shown : self->new_all);
  g_clear_object (&self->new_shown);
  g_clear_object (&self->new_all);
  g_clear_object (&self->new_vms);

  if (aero_row_feeder_get_busy (self->feeder))
    {
      self->finishing = TRUE;
      return;
    }
  complete_load (self);
}

typedef enum {
  PART_SHOWN,
  PART_ALL,
  PART_VMS,
} LoadPart;

typedef struct
{
  AeroHostView *self;
  LoadPart      part;
  GCancellable *cancellable;   /* of the load it belongs to */
} PartData;

static void
on_part_loaded (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  PartData *data = user_data;
  g_autoptr(AeroHostView) self = data->self;
  LoadPart part = data->part;
  g_autoptr(GError) error = NULL;
  GListModel *model;

  g_autoptr(GCancellable) cancellable = data->cancellable;

  g_free (data);
  if (part == PART_VMS)
    model = aero_engine_list_vms_finish (AERO_ENGINE (object), result, &error);
  else
    model = aero_engine_list_hosts_finish (AERO_ENGINE (object), result, &error);

  /* A newer load (or none: the session ended) took over, maybe after
   * this part had already finished. */
  if (cancellable != self->cancellable || g_cancellable_is_cancelled (cancellable))
    {
      g_clear_object (&model);
      return;
    }

  if (model == NULL && self->load_error == NULL)
    self->load_error = g_steal_pointer (&error);
  if (part == PART_SHOWN)
    self->new_shown = model;
  else if (part == PART_ALL)
    self->new_all = model;
  else
    self->new_vms = model;

  if (--self->pending == 0)
    finish_load (self);
}

static void
load_part (AeroHostView *self,
           LoadPart      part)
{
  PartData *data = g_new0 (PartData, 1);

  data->self = g_object_ref (self);
  data->part = part;
  data->cancellable = g_object_ref (self->cancellable);
  self->pending++;
  if (part == PART_VMS)
    aero_engine_list_vms_async (self->engine, NULL, -1, AERO_LIST_ALL_CONTENT, NULL, NULL,
                                self->cancellable, on_part_loaded, data);
  else
    aero_engine_list_hosts_async (self->engine, part == PART_SHOWN ? self->search : NULL,
                                  NULL, NULL, self->cancellable, on_part_loaded, data);
}

static void
cancel_load (AeroHostView *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->pending = 0;
  self->finishing = FALSE;
  g_clear_object (&self->new_shown);
  g_clear_object (&self->new_all);
  g_clear_object (&self->new_vms);
  g_clear_error (&self->load_error);
}

/* --- the detail pane ---------------------------------------------------- */

static GtkWidget *
vm_row_new (AeroVm *vm)
{
  AeroMemoryPolicy *policy = aero_vm_get_memory_policy (vm);
  g_autofree char *memory = aero_format_bytes (aero_vm_get_memory (vm));
  g_autofree char *guaranteed = aero_format_bytes (aero_columns_policy_guaranteed (policy));
  g_autofree char *subtitle = NULL;
  GtkWidget *row = adw_action_row_new ();

  /* TRANSLATORS: a running VM of a host: memory, guaranteed, ballooning */
  subtitle = g_strdup_printf (_("Memory %s · Guaranteed %s · Ballooning %s"), memory, guaranteed,
                              aero_format_tristate (aero_columns_policy_ballooning (policy)));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), aero_vm_get_name (vm));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  return row;
}

static void
update_detail (AeroHostView *self)
{
  AeroHost *host = aero_host_view_get_selected (self);
  AeroCluster *cluster;
  AeroMemoryPicture *picture;
  GListModel *vms;
  GtkWidget *child;
  g_autofree char *status = NULL, *label = NULL, *subtitle = NULL;
  guint n_vms;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->vm_list))) != NULL)
    gtk_list_box_remove (self->vm_list, child);
  if (host == NULL)
    {
      gtk_stack_set_visible_child_name (self->detail_stack, "none");
      return;
    }
  gtk_stack_set_visible_child_name (self->detail_stack, "host");

  status = dup_status (host);
  label = dup_cluster_label (self, host);
  /* TRANSLATORS: under a host's name: its status and its cluster */
  subtitle = g_strdup_printf (_("%s · Cluster %s"), status, label);
  gtk_label_set_label (self->host_title, aero_host_get_name (host));
  gtk_label_set_label (self->host_subtitle, subtitle);

  picture = picture_of (self, host);
  aero_memory_chart_set_picture (self->host_chart, picture);
  aero_memory_chart_show_legend (self->host_chart, self->host_legend);

  cluster = find_cluster (self, aero_host_get_cluster_id (host));
  aero_cluster_memory_show (self->cluster_memory, cluster,
                            cluster != NULL ? aero_host_view_lookup_cluster_picture (self, aero_cluster_get_id (cluster)) : NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "hosts.edit-cluster", cluster != NULL);

  vms = self->vms_by_host != NULL ? g_hash_table_lookup (self->vms_by_host, aero_host_get_id (host)) : NULL;
  n_vms = vms != NULL ? g_list_model_get_n_items (vms) : 0;
  for (guint i = 0; i < n_vms; i++)
    {
      g_autoptr(AeroVm) vm = g_list_model_get_item (vms, i);

      gtk_list_box_append (self->vm_list, vm_row_new (vm));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->vm_list), n_vms > 0);
  {
    g_autofree char *heading = n_vms > 0
      ? g_strdup_printf (ngettext ("%u running VM", "%u running VMs", n_vms), n_vms)
      : g_strdup (_("No running VMs"));

    gtk_label_set_label (self->vm_heading, heading);
  }
}

/* --- callbacks and actions ---------------------------------------------- */

static void
selection_changed_cb (AeroHostView *self)
{
  update_detail (self);
}

/* Enter or a double click on a row: its details, also where they fold. */
static void
row_activate_cb (AeroHostView *self,
                 guint         position)
{
  gtk_single_selection_set_selected (self->selection, position);
  aero_host_view_reveal_detail (self);
}

static void
search_activate_cb (AeroHostView *self)
{
  aero_host_view_set_search (self, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

static void
retry_cb (AeroHostView *self)
{
  aero_host_view_reload (self);
}

static void
cluster_saved_cb (gpointer user_data)
{
  GWeakRef *ref = user_data;
  g_autoptr(AeroHostView) self = g_weak_ref_get (ref);

  /* The window reloads the clusters; the pictures follow with the hosts. */
  if (self != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.refresh", NULL);
}

static void
edit_cluster_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  AeroHostView *self = AERO_HOST_VIEW (widget);
  AeroHost *host = aero_host_view_get_selected (self);
  AeroCluster *cluster = host != NULL ? find_cluster (self, aero_host_get_cluster_id (host)) : NULL;
  GWeakRef *ref;
  GtkRoot *root = gtk_widget_get_root (widget);

  if (cluster == NULL || self->engine == NULL || !GTK_IS_WINDOW (root))
    return;

  /* One weak reference per view, never freed per call: the dialog may
   * outlive the view and is not told when it is cancelled. */
  ref = g_object_get_data (G_OBJECT (self), "aero-weak-ref");
  if (ref == NULL)
    {
      ref = g_new0 (GWeakRef, 1);
      g_weak_ref_init (ref, self);
      g_object_set_data (G_OBJECT (self), "aero-weak-ref", ref);
    }
  aero_dialogs_edit_cluster (GTK_WINDOW (root), self->engine, cluster, cluster_saved_cb, ref);
}

/* --- GObject ------------------------------------------------------------ */

static void
aero_host_view_dispose (GObject *object)
{
  AeroHostView *self = AERO_HOST_VIEW (object);
  GtkWidget *child;

  cancel_load (self);
  if (self->feeder != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->feeder, self);
      aero_row_feeder_shutdown (self->feeder);
    }
  gtk_widget_dispose_template (GTK_WIDGET (object), AERO_TYPE_HOST_VIEW);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  g_clear_object (&self->engine);
  g_clear_object (&self->clusters);
  g_clear_object (&self->selection);
  g_clear_object (&self->store);
  g_clear_object (&self->all_hosts);
  g_clear_object (&self->vms);
  g_clear_object (&self->shared_vms);
  g_clear_object (&self->feeder);
  g_clear_pointer (&self->pictures, g_hash_table_unref);
  g_clear_pointer (&self->cluster_pictures, g_hash_table_unref);
  g_clear_pointer (&self->vms_by_host, g_hash_table_unref);

  G_OBJECT_CLASS (aero_host_view_parent_class)->dispose (object);
}

static void
aero_host_view_finalize (GObject *object)
{
  AeroHostView *self = AERO_HOST_VIEW (object);

  g_free (self->search);

  G_OBJECT_CLASS (aero_host_view_parent_class)->finalize (object);
}

static void
aero_host_view_class_init (AeroHostViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = aero_host_view_dispose;
  object_class->finalize = aero_host_view_finalize;

  signals[LOADED] =
    g_signal_new ("loaded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[LOAD_FAILED] =
    g_signal_new ("load-failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_ERROR);
  /* The figures of the rows and pictures were built anew. */
  signals[PICTURES_CHANGED] =
    g_signal_new ("pictures-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (AERO_TYPE_MEMORY_CHART);
  g_type_ensure (AERO_TYPE_CLUSTER_MEMORY);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/aerostat/Aerostat/ui/aero-host-view.ui");
  gtk_widget_class_bind_template_child (widget_class, AeroHostView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, AeroHostView, flap);
  gtk_widget_class_bind_template_child (widget_class, AeroHostView, stack);
  gtk_widget_class_bind_template_child (widget_class, AeroHostView, spinner);
  gtk_widget_class_bind_template_child (widget_class, AeroHostView, column_view);
  gtk_widget_class_bind_template_child (widget_class, AeroHostView, error_page);
  gtk_widget_class_bind_template_child (widget_class, AeroHostView, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, AeroHostView, host_title);
  gtk_widget_class_bind_template_child (widget_class, AeroHostView, host_subtitle);
  gtk_widget_class_bind_template_child (widget_class, AeroHostView, host_chart);
  gtk_widget_class_bind_template_child (widget_class, AeroHostView, host_legend);
  gtk_widget_class_bind_template_child (widget_class, AeroHostView, cluster_memory);
  gtk_widget_class_bind_template_child (widget_class, AeroHostView, vm_list);
  gtk_widget_class_bind_template_child (widget_class, AeroHostView, vm_heading);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, retry_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activate_cb);

  gtk_widget_class_install_action (widget_class, "hosts.edit-cluster", NULL, edit_cluster_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
aero_host_view_init (AeroHostView *self)
{
  GtkSortListModel *sorted;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->store = g_list_store_new (AERO_TYPE_HOST);
  add_columns (self);
  sorted = gtk_sort_list_model_new (G_LIST_MODEL (g_object_ref (self->store)),
                                    g_object_ref (gtk_column_view_get_sorter (self->column_view)));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (sorted));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  self->feeder = aero_row_feeder_new (self->store, GTK_WIDGET (self->column_view));
  g_signal_connect_swapped (self->feeder, "notify::busy", G_CALLBACK (feeder_busy_cb), self);
  g_signal_connect_object (self->selection, "selection-changed",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
  /* Sorted by name until the admin picks a column. */
  {
    g_autoptr(GtkColumnViewColumn) name = g_list_model_get_item (gtk_column_view_get_columns (self->column_view), 0);

    gtk_column_view_sort_by_column (self->column_view, name, GTK_SORT_ASCENDING);
  }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "hosts.edit-cluster", FALSE);
  update_detail (self);
}

/* --- public ------------------------------------------------------------- */

void
aero_host_view_set_engine (AeroHostView *self,
                           AeroEngine   *engine)
{
  g_return_if_fail (AERO_IS_HOST_VIEW (self));

  cancel_load (self);
  g_set_object (&self->engine, engine);
  if (engine == NULL)
    {
      self->loaded = FALSE;
      aero_row_feeder_clear (self->feeder);
      g_list_store_remove_all (self->store);
      g_clear_object (&self->all_hosts);
      g_clear_object (&self->vms);
      g_clear_object (&self->shared_vms);
      g_clear_pointer (&self->pictures, g_hash_table_unref);
      g_clear_pointer (&self->cluster_pictures, g_hash_table_unref);
      g_clear_pointer (&self->vms_by_host, g_hash_table_unref);
      update_detail (self);
    }
}

void
aero_host_view_set_clusters (AeroHostView *self,
                             GListModel   *clusters)
{
  g_return_if_fail (AERO_IS_HOST_VIEW (self));

  g_set_object (&self->clusters, clusters);
  update_detail (self);
  /* The Cluster column's labels. */
  if (self->loaded)
    g_list_model_items_changed (G_LIST_MODEL (self->store), 0,
                                g_list_model_get_n_items (G_LIST_MODEL (self->store)),
                                g_list_model_get_n_items (G_LIST_MODEL (self->store)));
}

void
aero_host_view_reload (AeroHostView *self)
{
  g_return_if_fail (AERO_IS_HOST_VIEW (self));

  if (self->engine == NULL)
    return;

  cancel_load (self);
  self->cancellable = g_cancellable_new ();
  if (!self->loaded)
    {
      gtk_stack_set_visible_child_name (self->stack, "loading");
      gtk_spinner_start (self->spinner);
    }
  if (self->search != NULL && *self->search != '\0')
    load_part (self, PART_SHOWN);
  load_part (self, PART_ALL);
  if (self->shared_vms == NULL)
    load_part (self, PART_VMS);
}

void
aero_host_view_set_vms (AeroHostView *self,
                        GListModel   *vms)
{
  g_return_if_fail (AERO_IS_HOST_VIEW (self));
  g_return_if_fail (vms == NULL || G_IS_LIST_MODEL (vms));

  g_set_object (&self->shared_vms, vms);
  if (vms == NULL)
    return;
  /* Listed anew (a refresh there): the figures follow, the rows stay. */
  if (self->loaded && self->pending == 0 && self->all_hosts != NULL)
    {
      g_set_object (&self->vms, vms);
      build_pictures (self);
      update_detail (self);
    }
}

GHashTable *
aero_host_view_get_cluster_pictures (AeroHostView *self)
{
  g_return_val_if_fail (AERO_IS_HOST_VIEW (self), NULL);
  return self->cluster_pictures;
}

AeroMemoryPicture *
aero_host_view_lookup_cluster_picture (AeroHostView *self,
                                       const char   *cluster_id)
{
  g_return_val_if_fail (AERO_IS_HOST_VIEW (self), NULL);

  if (cluster_id == NULL || self->cluster_pictures == NULL)
    return NULL;
  return g_hash_table_lookup (self->cluster_pictures, cluster_id);
}

GListModel *
aero_host_view_get_model (AeroHostView *self)
{
  g_return_val_if_fail (AERO_IS_HOST_VIEW (self), NULL);
  return G_LIST_MODEL (self->selection);
}

gboolean
aero_host_view_get_loaded (AeroHostView *self)
{
  g_return_val_if_fail (AERO_IS_HOST_VIEW (self), FALSE);
  return self->loaded;
}

AeroHost *
aero_host_view_get_selected (AeroHostView *self)
{
  g_return_val_if_fail (AERO_IS_HOST_VIEW (self), NULL);
  return gtk_single_selection_get_selected_item (self->selection);
}

gboolean
aero_host_view_select_name (AeroHostView *self,
                            const char   *name)
{
  GListModel *model;
  guint n;

  g_return_val_if_fail (AERO_IS_HOST_VIEW (self), FALSE);

  model = G_LIST_MODEL (self->selection);
  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AeroHost) host = g_list_model_get_item (model, i);

      if (g_strcmp0 (aero_host_get_name (host), name) == 0)
        {
          gtk_single_selection_set_selected (self->selection, i);
          return TRUE;
        }
    }
  return FALSE;
}

void
aero_host_view_set_search (AeroHostView *self,
                           const char   *search)
{
  g_return_if_fail (AERO_IS_HOST_VIEW (self));

  g_free (self->search);
  self->search = g_strstrip (g_strdup (search != NULL ? search : ""));
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)), self->search) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->search_entry), self->search);
  aero_host_view_reload (self);
}

void
aero_host_view_reveal_detail (AeroHostView *self)
{
  g_return_if_fail (AERO_IS_HOST_VIEW (self));

  if (adw_flap_get_folded (self->flap))
    adw_flap_set_reveal_flap (self->flap, TRUE);
}

gboolean
aero_host_view_get_detail_shown (AeroHostView *self)
{
  g_return_val_if_fail (AERO_IS_HOST_VIEW (self), FALSE);

  return !adw_flap_get_folded (self->flap) || adw_flap_get_reveal_progress (self->flap) >= 1.0;
}

AeroMemoryPicture *
aero_host_view_get_host_picture (AeroHostView *self)
{
  AeroHost *host;

  g_return_val_if_fail (AERO_IS_HOST_VIEW (self), NULL);
  host = aero_host_view_get_selected (self);
  return host != NULL ? picture_of (self, host) : NULL;
}

AeroMemoryPicture *
aero_host_view_get_cluster_picture (AeroHostView *self)
{
  g_return_val_if_fail (AERO_IS_HOST_VIEW (self), NULL);
  return aero_host_view_get_selected (self) != NULL ? aero_cluster_memory_get_picture (self->cluster_memory) : NULL;
}

const char *
aero_host_view_get_cluster_text (AeroHostView *self)
{
  g_return_val_if_fail (AERO_IS_HOST_VIEW (self), NULL);
  return aero_host_view_get_selected (self) != NULL ? aero_cluster_memory_get_text (self->cluster_memory) : NULL;
}

gboolean
aero_host_view_get_cluster_warns (AeroHostView *self)
{
  g_return_val_if_fail (AERO_IS_HOST_VIEW (self), FALSE);
  return aero_host_view_get_selected (self) != NULL && aero_cluster_memory_get_warns (self->cluster_memory);
}

char *
aero_host_view_dup_vm_lines (AeroHostView *self)
{
  g_autoptr(GString) lines = g_string_new (NULL);
  GtkWidget *row;

  g_return_val_if_fail (AERO_IS_HOST_VIEW (self), NULL);

  for (row = gtk_widget_get_first_child (GTK_WIDGET (self->vm_list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      if (!ADW_IS_ACTION_ROW (row))
        continue;
      g_string_append_printf (lines, "%s: %s\n",
                              adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)),
                              adw_action_row_get_subtitle (ADW_ACTION_ROW (row)));
    }
  return g_string_free (g_steal_pointer (&lines), FALSE);
}
