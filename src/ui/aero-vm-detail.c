/* aero-vm-detail.c - the detail pane of the selected virtual machine
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "aero-banner.h"
#include "aero-features.h"
#include "aero-format.h"
#include "aero-memory-bar.h"
#include "aero-vm-detail.h"

struct _AeroVmDetail
{
  GtkWidget        parent_instance;

  AeroEngine      *engine;
  AeroVm          *vm;
  AeroCluster     *cluster;
  AeroMemoryStats *stats;
  AeroVm          *next_run;    /* the pending configuration, once fetched */
  char            *host_name;   /* of the host it runs on, once fetched */
  GCancellable    *cancellable;
  gulong           notify_id;

  GtkStack        *stack;
  AdwStatusPage   *many_page;
  AeroBanner      *next_run_banner;
  GtkLabel        *name_label;
  GtkLabel        *status_label;
  AeroMemoryBar   *memory_bar;
  GtkLabel        *legend_label;
  GtkLabel        *balloon_label;
  AdwActionRow    *cluster_row;
  AdwActionRow    *host_row;
  AdwActionRow    *memory_row;
  AdwActionRow    *guaranteed_row;
  AdwActionRow    *max_row;
};

G_DEFINE_FINAL_TYPE (AeroVmDetail, aero_vm_detail, GTK_TYPE_WIDGET)

static char *
dup_balloon_text (AeroVmDetail *self)
{
  AeroVm *vm = self->vm;
  /* Borrowed from the VM or the cluster. */
  AeroVersion *level = aero_vm_effective_version (vm, self->cluster);
  AeroMemoryPolicy *policy = aero_vm_get_memory_policy (vm);
  AeroTristate ballooning = policy ? aero_memory_policy_get_ballooning (policy) : AERO_TRISTATE_UNKNOWN;
  gint64 guaranteed = policy ? aero_memory_policy_get_guaranteed (policy) : AERO_UNSET;

  /* Below 3.1 the device does not exist, whatever the flag says. */
  if (level != NULL && !aero_feature_supported (AERO_FEATURE_VM_BALLOON, level))
    return aero_feature_dup_reason (AERO_FEATURE_VM_BALLOON, level);

  if (ballooning == AERO_TRISTATE_TRUE)
    {
      g_autofree char *amount = aero_format_bytes (guaranteed);

      if (guaranteed < 0)
        return g_strdup (_("Ballooning on — the host may reclaim memory down to the guaranteed amount"));
      /* TRANSLATORS: %s is an amount of memory, e.g. "1 GiB" */
      return g_strdup_printf (_("Ballooning on — the host may reclaim down to %s"), amount);
    }

  if (ballooning == AERO_TRISTATE_FALSE)
    {
      g_autofree char *amount = aero_format_bytes (aero_vm_get_memory (vm));

      /* TRANSLATORS: %s is an amount of memory, e.g. "4 GiB" */
      return g_strdup_printf (_("Ballooning off — the guest keeps all of its %s"), amount);
    }

  return g_strdup (_("Ballooning state not known yet — asking the engine…"));
}

static void
update_legend (AeroVmDetail *self)
{
  gint64 installed = AERO_UNSET;
  gint64 used = AERO_UNSET;
  gint64 free_ = AERO_UNSET;
  gint64 guaranteed = AERO_UNSET;
  AeroMemoryPolicy *policy = aero_vm_get_memory_policy (self->vm);

  if (policy != NULL)
    guaranteed = aero_memory_policy_get_guaranteed (policy);

  if (self->stats != NULL)
    {
      installed = aero_memory_stats_get_installed (self->stats);
      used = aero_memory_stats_get_used (self->stats);
      free_ = aero_memory_stats_get_free (self->stats);
    }
  if (installed < 0)
    installed = aero_vm_get_memory (self->vm);
  if (used < 0 && free_ >= 0 && installed >= 0)
    used = installed - free_;
  if (free_ < 0 && used >= 0 && installed >= 0)
    free_ = installed - used;

  aero_memory_bar_set_values (self->memory_bar, installed, used, guaranteed);

  if (used >= 0)
    {
      g_autofree char *u = aero_format_bytes (used);
      g_autofree char *f = aero_format_bytes (free_);
      g_autofree char *i = aero_format_bytes (installed);
      g_autofree char *g = aero_format_bytes (guaranteed);
      g_autofree char *text = NULL;

      /* TRANSLATORS: legend under the memory bar; the line across the
       * bar is the guaranteed amount */
      text = g_strdup_printf (_("Used %s · Free %s · Installed %s · Guaranteed %s"), u, f, i, g);
      gtk_label_set_label (self->legend_label, text);
    }
  else if (aero_vm_status_is_running (aero_vm_get_status (self->vm)))
    {
      gtk_label_set_label (self->legend_label, _("Reading memory statistics…"));
    }
  else
    {
      gtk_label_set_label (self->legend_label, _("Not running: no memory in use"));
    }
}

static void
append_change (GString    *out,
               const char *change)
{
  if (out->len > 0)
    /* TRANSLATORS: separates the pending changes of a VM */
    g_string_append (out, C_("list separator", ", "));
  g_string_append (out, change);
}

/* What the pending configuration changes, in words; the generic sentence
 * until it is fetched, or when nothing shown here differs. */
static char *
dup_next_run_text (AeroVmDetail *self)
{
  g_autoptr(GString) changes = g_string_new (NULL);
  AeroMemoryPolicy *now;
  AeroMemoryPolicy *next;

  if (self->next_run == NULL)
    return g_strdup (_("Changes are pending until the next restart"));

  now = aero_vm_get_memory_policy (self->vm);
  next = aero_vm_get_memory_policy (self->next_run);

  if (aero_vm_get_memory (self->next_run) >= 0 &&
      aero_vm_get_memory (self->next_run) != aero_vm_get_memory (self->vm))
    {
      g_autofree char *amount = aero_format_bytes (aero_vm_get_memory (self->next_run));
      g_autofree char *change = NULL;

      /* TRANSLATORS: a pending change, e.g. "memory 8 GiB" */
      change = g_strdup_printf (_("memory %s"), amount);
      append_change (changes, change);
    }

  if (next != NULL)
    {
      gint64 guaranteed = aero_memory_policy_get_guaranteed (next);
      gint64 max = aero_memory_policy_get_max (next);
      AeroTristate ballooning = aero_memory_policy_get_ballooning (next);

      if (guaranteed >= 0 && (now == NULL || guaranteed != aero_memory_policy_get_guaranteed (now)))
        {
          g_autofree char *amount = aero_format_bytes (guaranteed);
          g_autofree char *change = NULL;

          /* TRANSLATORS: a pending change, e.g. "guaranteed 2 GiB" */
          change = g_strdup_printf (_("guaranteed %s"), amount);
          append_change (changes, change);
        }
      if (max >= 0 && (now == NULL || max != aero_memory_policy_get_max (now)))
        {
          g_autofree char *amount = aero_format_bytes (max);
          g_autofree char *change = NULL;

          /* TRANSLATORS: a pending change, e.g. "maximum memory 8 GiB" */
          change = g_strdup_printf (_("maximum memory %s"), amount);
          append_change (changes, change);
        }
      if (ballooning != AERO_TRISTATE_UNKNOWN &&
          (now == NULL || ballooning != aero_memory_policy_get_ballooning (now)))
        append_change (changes, ballooning == AERO_TRISTATE_TRUE
                                ? _("ballooning on")
                                : _("ballooning off"));
    }

  if (changes->len == 0)
    return g_strdup (_("Changes are pending until the next restart"));

  /* TRANSLATORS: %s lists the pending changes, e.g. "maximum memory
   * 8 GB, ballooning off" */
  return g_strdup_printf (_("At the next restart: %s"), changes->str);
}

static void
update_next_run (AeroVmDetail *self)
{
  gboolean pending = aero_vm_get_next_run_configuration_exists (self->vm) == AERO_TRISTATE_TRUE;

  if (pending)
    {
      g_autofree char *text = dup_next_run_text (self);

      aero_banner_set_title (self->next_run_banner, text);
    }
  aero_banner_set_revealed (self->next_run_banner, pending);
}

static void
update_texts (AeroVmDetail *self)
{
  AeroMemoryPolicy *policy;
  g_autofree char *balloon = NULL;
  g_autofree char *memory = NULL;
  g_autofree char *guaranteed = NULL;
  g_autofree char *max = NULL;
  g_autofree char *cluster = NULL;

  if (self->vm == NULL)
    return;

  policy = aero_vm_get_memory_policy (self->vm);
  gtk_label_set_label (self->name_label, aero_vm_get_name (self->vm));
  gtk_label_set_label (self->status_label, aero_format_vm_status (aero_vm_get_status (self->vm)));

  balloon = dup_balloon_text (self);
  gtk_label_set_label (self->balloon_label, balloon);

  memory = aero_format_bytes (aero_vm_get_memory (self->vm));
  guaranteed = aero_format_bytes (policy ? aero_memory_policy_get_guaranteed (policy) : AERO_UNSET);
  max = aero_format_bytes (policy ? aero_memory_policy_get_max (policy) : AERO_UNSET);
  cluster = self->cluster ? aero_cluster_dup_label (self->cluster) : g_strdup (AERO_FORMAT_UNKNOWN);
  adw_action_row_set_subtitle (self->cluster_row, cluster);
  /* The VM's host link is the engine's word for where it runs. */
  if (aero_vm_get_host_id (self->vm) == NULL)
    adw_action_row_set_subtitle (self->host_row, _("Not running on a host"));
  else
    adw_action_row_set_subtitle (self->host_row, self->host_name != NULL ? self->host_name : AERO_FORMAT_UNKNOWN);
  adw_action_row_set_subtitle (self->memory_row, memory);
  adw_action_row_set_subtitle (self->guaranteed_row, guaranteed);
  adw_action_row_set_subtitle (self->max_row, max);

  update_next_run (self);
  update_legend (self);
}

static void
vm_notify_cb (AeroVmDetail *self)
{
  update_texts (self);
}

static void
statistics_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(AeroVmDetail) self = user_data;
  g_autoptr(AeroMemoryStats) stats = NULL;
  g_autoptr(GError) error = NULL;

  stats = aero_engine_get_vm_statistics_finish (AERO_ENGINE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
      g_error_matches (error, AERO_ENGINE_ERROR, AERO_ENGINE_ERROR_CANCELLED))
    return;

  if (error != NULL)
    {
      /* The bar falls back to the configured size; the pane stays usable. */
      g_debug ("statistics: %s", error->message);
      gtk_label_set_label (self->legend_label, _("Memory statistics are not available"));
      return;
    }

  g_set_object (&self->stats, stats);
  if (self->vm != NULL)
    update_legend (self);
}

static void
host_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(AeroVmDetail) self = user_data;
  g_autoptr(AeroHost) host = NULL;
  g_autoptr(GError) error = NULL;

  host = aero_engine_get_host_finish (AERO_ENGINE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
      g_error_matches (error, AERO_ENGINE_ERROR, AERO_ENGINE_ERROR_CANCELLED))
    return;
  /* A user without host permissions gets none: the row keeps the dash. */
  if (host == NULL)
    {
      g_debug ("host: %s", error->message);
      return;
    }
  g_free (self->host_name);
  self->host_name = g_strdup (aero_host_get_name (host));
  if (self->vm != NULL)
    update_texts (self);
}

static void
get_vm_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(AeroVmDetail) self = user_data;
  g_autoptr(AeroVm) full = NULL;
  g_autoptr(GError) error = NULL;

  full = aero_engine_get_vm_finish (AERO_ENGINE (object), result, &error);
  if (full == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) &&
          !g_error_matches (error, AERO_ENGINE_ERROR, AERO_ENGINE_ERROR_CANCELLED))
        gtk_label_set_label (self->balloon_label, _("Ballooning state unknown: the engine did not say"));
      return;
    }

  /* The list row shares this object: it learns the fact too. */
  if (self->vm != NULL && g_strcmp0 (aero_vm_get_id (self->vm), aero_vm_get_id (full)) == 0)
    aero_vm_update_from (self->vm, full);
}

static void
next_run_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(AeroVmDetail) self = user_data;
  g_autoptr(AeroVm) next_run = NULL;
  g_autoptr(GError) error = NULL;

  next_run = aero_engine_get_vm_finish (AERO_ENGINE (object), result, &error);
  if (next_run == NULL)
    {
      /* The banner keeps its generic sentence. */
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) &&
          !g_error_matches (error, AERO_ENGINE_ERROR, AERO_ENGINE_ERROR_CANCELLED))
        g_debug ("next run configuration: %s", error->message);
      return;
    }

  if (self->vm == NULL || g_strcmp0 (aero_vm_get_id (self->vm), aero_vm_get_id (next_run)) != 0)
    return;

  g_set_object (&self->next_run, next_run);
  update_next_run (self);
}

static void
fetch (AeroVmDetail *self)
{
  AeroMemoryPolicy *policy;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->stats);
  g_clear_object (&self->next_run);
  g_clear_pointer (&self->host_name, g_free);

  if (self->engine == NULL || self->vm == NULL || aero_vm_get_id (self->vm) == NULL)
    return;

  self->cancellable = g_cancellable_new ();

  if (aero_vm_get_host_id (self->vm) != NULL)
    aero_engine_get_host_async (self->engine, aero_vm_get_host_id (self->vm),
                                self->cancellable, host_cb, g_object_ref (self));

  if (aero_vm_status_is_running (aero_vm_get_status (self->vm)))
    aero_engine_get_vm_statistics_async (self->engine, aero_vm_get_id (self->vm),
                                         self->cancellable, statistics_cb,
                                         g_object_ref (self));

  /* The banner says what will change, not only that something will. */
  if (aero_vm_get_next_run_configuration_exists (self->vm) == AERO_TRISTATE_TRUE)
    aero_engine_get_vm_async (self->engine, aero_vm_get_id (self->vm), TRUE,
                              self->cancellable, next_run_cb, g_object_ref (self));

  /* Lists may leave the flag out: fetch the VM itself rather than guess. */
  policy = aero_vm_get_memory_policy (self->vm);
  if (policy == NULL || aero_memory_policy_get_ballooning (policy) == AERO_TRISTATE_UNKNOWN)
    aero_engine_get_vm_async (self->engine, aero_vm_get_id (self->vm), FALSE,
                              self->cancellable, get_vm_cb, g_object_ref (self));
}

static void
aero_vm_detail_dispose (GObject *object)
{
  AeroVmDetail *self = AERO_VM_DETAIL (object);
  GtkWidget *child;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_signal_handler (&self->notify_id, self->vm);
  g_clear_object (&self->vm);
  g_clear_object (&self->cluster);
  g_clear_object (&self->stats);
  g_clear_object (&self->next_run);
  g_clear_pointer (&self->host_name, g_free);
  g_clear_object (&self->engine);

  gtk_widget_dispose_template (GTK_WIDGET (object), AERO_TYPE_VM_DETAIL);
  /* dispose_template() only unparents bound children; the top-level
   * child of the template may not be one. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (aero_vm_detail_parent_class)->dispose (object);
}

static void
aero_vm_detail_class_init (AeroVmDetailClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = aero_vm_detail_dispose;

  g_type_ensure (AERO_TYPE_BANNER);
  g_type_ensure (AERO_TYPE_MEMORY_BAR);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/aerostat/Aerostat/ui/aero-vm-detail.ui");
  gtk_widget_class_bind_template_child (widget_class, AeroVmDetail, stack);
  gtk_widget_class_bind_template_child (widget_class, AeroVmDetail, many_page);
  gtk_widget_class_bind_template_child (widget_class, AeroVmDetail, next_run_banner);
  gtk_widget_class_bind_template_child (widget_class, AeroVmDetail, name_label);
  gtk_widget_class_bind_template_child (widget_class, AeroVmDetail, status_label);
  gtk_widget_class_bind_template_child (widget_class, AeroVmDetail, memory_bar);
  gtk_widget_class_bind_template_child (widget_class, AeroVmDetail, legend_label);
  gtk_widget_class_bind_template_child (widget_class, AeroVmDetail, balloon_label);
  gtk_widget_class_bind_template_child (widget_class, AeroVmDetail, cluster_row);
  gtk_widget_class_bind_template_child (widget_class, AeroVmDetail, host_row);
  gtk_widget_class_bind_template_child (widget_class, AeroVmDetail, memory_row);
  gtk_widget_class_bind_template_child (widget_class, AeroVmDetail, guaranteed_row);
  gtk_widget_class_bind_template_child (widget_class, AeroVmDetail, max_row);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "vmdetail");
}

static void
aero_vm_detail_init (AeroVmDetail *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

void
aero_vm_detail_set_engine (AeroVmDetail *self,
                           AeroEngine   *engine)
{
  g_return_if_fail (AERO_IS_VM_DETAIL (self));

  if (g_set_object (&self->engine, engine))
    aero_vm_detail_show (self, NULL, NULL, 0);
}

void
aero_vm_detail_show (AeroVmDetail *self,
                     AeroVm       *vm,
                     AeroCluster  *cluster,
                     guint         n_selected)
{
  g_return_if_fail (AERO_IS_VM_DETAIL (self));

  g_set_object (&self->cluster, cluster);

  if (vm != self->vm)
    {
      g_clear_signal_handler (&self->notify_id, self->vm);
      g_set_object (&self->vm, vm);
      if (vm != NULL)
        self->notify_id = g_signal_connect_swapped (vm, "notify", G_CALLBACK (vm_notify_cb), self);
      fetch (self);
    }

  if (vm != NULL)
    {
      update_texts (self);
      gtk_stack_set_visible_child_name (self->stack, "vm");
    }
  else if (n_selected > 1)
    {
      g_autofree char *title = NULL;

      title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "%'u Virtual Machine Selected",
                                            "%'u Virtual Machines Selected",
                                            n_selected),
                               n_selected);
      adw_status_page_set_title (self->many_page, title);
      gtk_stack_set_visible_child_name (self->stack, "many");
    }
  else
    {
      gtk_stack_set_visible_child_name (self->stack, "none");
    }
}

AeroVm *
aero_vm_detail_get_vm (AeroVmDetail *self)
{
  g_return_val_if_fail (AERO_IS_VM_DETAIL (self), NULL);

  return self->vm;
}

void
aero_vm_detail_reload (AeroVmDetail *self)
{
  g_return_if_fail (AERO_IS_VM_DETAIL (self));

  if (self->vm == NULL)
    return;

  fetch (self);
  update_texts (self);
}

const char *
aero_vm_detail_get_balloon_text (AeroVmDetail *self)
{
  g_return_val_if_fail (AERO_IS_VM_DETAIL (self), NULL);

  return gtk_label_get_label (self->balloon_label);
}

const char *
aero_vm_detail_get_next_run_text (AeroVmDetail *self)
{
  g_return_val_if_fail (AERO_IS_VM_DETAIL (self), NULL);

  if (self->vm == NULL || !aero_banner_get_revealed (self->next_run_banner))
    return NULL;

  return aero_banner_get_title (self->next_run_banner);
}
