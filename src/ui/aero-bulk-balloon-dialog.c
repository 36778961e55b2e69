/* aero-bulk-balloon-dialog.c - Enable / Disable Ballooning on a selection
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "aero-accessible.h"
#include "aero-bulk-balloon-dialog.h"
#include "aero-bulk-ballooning.h"
#include "aero-vm-edit.h"

typedef enum {
  OUTCOME_PENDING,
  OUTCOME_CHANGED,
  OUTCOME_SKIPPED,
  OUTCOME_FAILED,
  OUTCOME_STOPPED,  /* the admin stopped the run before it was sent */
} Outcome;

/* One VM of the selection, from plan to result. */
typedef struct {
  AeroVm                   *vm;
  AeroBulkBallooningAction  action;
  char                     *reason;   /* why skipped, from the plan */
  Outcome                   outcome;
  char                     *message;  /* the engine's words on failure */
} Item;

struct _AeroBulkBalloonDialog
{
  AdwWindow       parent_instance;

  AeroEngine     *engine;
  GListModel     *clusters;
  GPtrArray      *vms;      /* AeroVm, the selection */
  GPtrArray      *items;    /* Item, same order */
  gboolean        enable;
  GCancellable   *cancellable;
  const char     *stage;
  guint           n_fetching;  /* GETs still to finish */
  guint           next_fetch;  /* next item to look at for a GET */
  guint           n_fetch_in_flight;
  guint           n_to_fetch;
  guint           next_index;  /* next item to send */
  guint           n_in_flight;
  guint           n_to_send;
  guint           n_sent;
  guint           n_changed;
  guint           n_failed;
  gboolean        stopping;

  AdwWindowTitle *window_title;
  GtkWidget      *cancel_button;
  GtkButton      *ok_button;
  GtkStack       *main_stack;
  GtkSpinner     *checking_spinner;
  GtkLabel       *checking_label;
  GtkLabel       *summary_label;
  GtkListView    *summary_list;
  GtkLabel       *progress_label;
  GtkProgressBar *progress_bar;
  GtkLabel       *results_label;
  GtkListView    *results_list;
};

G_DEFINE_FINAL_TYPE (AeroBulkBalloonDialog, aero_bulk_balloon_dialog, ADW_TYPE_WINDOW)

enum {
  READY,
  FINISHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
item_free (gpointer data)
{
  Item *item = data;

  g_clear_object (&item->vm);
  g_free (item->reason);
  g_free (item->message);
  g_free (item);
}

/* g_strv_builder_take () is GLib 2.80. */
static void
builder_take (GStrvBuilder *builder,
              char         *text)
{
  g_strv_builder_add (builder, text);
  g_free (text);
}

static gboolean
is_cancelled (const GError *error)
{
  return g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED)
         || g_error_matches (error, AERO_ENGINE_ERROR, AERO_ENGINE_ERROR_CANCELLED);
}

static char *
error_text (const GError *error)
{
  const char *reason = aero_engine_error_get_reason (error);
  const char *detail = aero_engine_error_get_detail (error);

  if (reason != NULL && detail != NULL)
    return g_strdup_printf ("%s: %s", reason, detail);
  if (reason != NULL)
    return g_strdup (reason);
  return g_strdup (error->message);
}

static void
set_stage (AeroBulkBalloonDialog *self,
           const char            *stage)
{
  self->stage = stage;
  gtk_stack_set_visible_child_name (self->main_stack, stage);
}

/* --- summary ------------------------------------------------------------- */

static const char *
action_text (AeroBulkBalloonDialog *self,
             Item                  *item)
{
  switch (item->action)
    {
    case AERO_BULK_BALLOONING_CHANGE_NOW:
      return self->enable ? _("Ballooning will be enabled now")
                          : _("Ballooning will be disabled now");
    /* Any VM that is not down (running, paused, suspended, migrating)
     * takes the change at its next start. */
    case AERO_BULK_BALLOONING_CHANGE_NEXT_RUN:
      return self->enable ? _("Not shut down: ballooning will be enabled when it next starts")
                          : _("Not shut down: ballooning will be disabled when it next starts");
    case AERO_BULK_BALLOONING_SKIP_LEVEL:
    case AERO_BULK_BALLOONING_SKIP_ALREADY:
    case AERO_BULK_BALLOONING_UNKNOWN:
    default:
      return item->reason != NULL ? item->reason : _("Skipped");
    }
}

static guint
count_action (AeroBulkBalloonDialog    *self,
              AeroBulkBallooningAction  action)
{
  guint n = 0;

  for (guint i = 0; i < self->items->len; i++)
    if (((Item *) g_ptr_array_index (self->items, i))->action == action)
      n++;

  return n;
}

GStrv
aero_bulk_balloon_dialog_dup_summary (AeroBulkBalloonDialog *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  guint n;

  g_return_val_if_fail (AERO_IS_BULK_BALLOON_DIALOG (self), NULL);

  if ((n = count_action (self, AERO_BULK_BALLOONING_CHANGE_NOW)) > 0)
    builder_take (builder,
                         g_strdup_printf (ngettext ("%'u virtual machine will change now.",
                                                    "%'u virtual machines will change now.", n), n));
  if ((n = count_action (self, AERO_BULK_BALLOONING_CHANGE_NEXT_RUN)) > 0)
    builder_take (builder,
                         g_strdup_printf (ngettext ("%'u virtual machine is not shut down and will change when it next starts.",
                                                    "%'u virtual machines are not shut down and will change when they next start.", n), n));
  if ((n = count_action (self, AERO_BULK_BALLOONING_SKIP_LEVEL)) > 0)
    builder_take (builder,
                         g_strdup_printf (ngettext ("%'u virtual machine will be skipped: its compatibility version is below 3.1.",
                                                    "%'u virtual machines will be skipped: their compatibility version is below 3.1.", n), n));
  if ((n = count_action (self, AERO_BULK_BALLOONING_SKIP_ALREADY)) > 0)
    {
      if (self->enable)
        builder_take (builder,
                             g_strdup_printf (ngettext ("%'u virtual machine will be skipped: ballooning is already enabled.",
                                                        "%'u virtual machines will be skipped: ballooning is already enabled.", n), n));
      else
        builder_take (builder,
                             g_strdup_printf (ngettext ("%'u virtual machine will be skipped: ballooning is already disabled.",
                                                        "%'u virtual machines will be skipped: ballooning is already disabled.", n), n));
    }
  if ((n = count_action (self, AERO_BULK_BALLOONING_UNKNOWN)) > 0)
    builder_take (builder,
                         g_strdup_printf (ngettext ("%'u virtual machine will be skipped: its current setting could not be read.",
                                                    "%'u virtual machines will be skipped: their current setting could not be read.", n), n));

  return g_strv_builder_end (builder);
}

/* The rows of both lists are built only for what is on screen: the
 * model is a list of names, and each row finds its item by position. */
static GListModel *
names_model_new (AeroBulkBalloonDialog *self)
{
  g_autofree const char **names = g_new0 (const char *, self->items->len + 1);

  for (guint i = 0; i < self->items->len; i++)
    {
      const char *name = aero_vm_get_name (((Item *) g_ptr_array_index (self->items, i))->vm);

      names[i] = name != NULL ? name : "";
    }

  return G_LIST_MODEL (gtk_string_list_new (names));
}

static void
set_model (GtkListView *view,
           GListModel  *names)
{
  g_autoptr(GtkNoSelection) selection = gtk_no_selection_new (g_object_ref (names));

  gtk_list_view_set_model (view, GTK_SELECTION_MODEL (selection));
}

static void
row_setup_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *icon = gtk_image_new ();
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *text = gtk_label_new (NULL);

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_widget_set_visible (icon, FALSE);
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (text), 0);
  gtk_label_set_wrap (GTK_LABEL (text), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (text), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (text, "dim-label");
  gtk_widget_add_css_class (text, "caption");
  gtk_widget_set_hexpand (texts, TRUE);

  gtk_box_append (GTK_BOX (texts), name);
  gtk_box_append (GTK_BOX (texts), text);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), texts);
  g_object_set_data (G_OBJECT (box), "icon", icon);
  g_object_set_data (G_OBJECT (box), "name", name);
  g_object_set_data (G_OBJECT (box), "text", text);
  gtk_list_item_set_child (list_item, box);
  gtk_list_item_set_activatable (list_item, FALSE);
}

static void
row_fill (GtkListItem *list_item,
          const char  *name,
          const char  *text,
          const char  *icon_name)
{
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *icon = g_object_get_data (G_OBJECT (box), "icon");

  gtk_label_set_text (g_object_get_data (G_OBJECT (box), "name"), name != NULL ? name : "");
  gtk_label_set_text (g_object_get_data (G_OBJECT (box), "text"), text != NULL ? text : "");
  gtk_widget_set_visible (icon, icon_name != NULL);
  if (icon_name != NULL)
    gtk_image_set_from_icon_name (GTK_IMAGE (icon), icon_name);
}

static Item *
list_item_get_item (AeroBulkBalloonDialog *self,
                    GtkListItem           *list_item)
{
  guint position = gtk_list_item_get_position (list_item);

  if (position >= self->items->len)
    return NULL;
  return g_ptr_array_index (self->items, position);
}

static void
summary_bind_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 AeroBulkBalloonDialog    *self)
{
  Item *item = list_item_get_item (self, list_item);

  if (item != NULL)
    row_fill (list_item, aero_vm_get_name (item->vm), action_text (self, item), NULL);
}

static void
show_summary (AeroBulkBalloonDialog *self)
{
  g_auto(GStrv) lines = aero_bulk_balloon_dialog_dup_summary (self);
  g_autofree char *text = g_strjoinv ("\n", lines);
  guint n_changes = count_action (self, AERO_BULK_BALLOONING_CHANGE_NOW)
                    + count_action (self, AERO_BULK_BALLOONING_CHANGE_NEXT_RUN);

  g_autoptr(GListModel) names = names_model_new (self);

  gtk_label_set_text (self->summary_label, text);
  set_model (self->summary_list, names);

  set_stage (self, "summary");
  gtk_spinner_set_spinning (self->checking_spinner, FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dialog.ok", n_changes > 0);
  aero_accessible_focus_default (GTK_WINDOW (self));
  g_signal_emit (self, signals[READY], 0);
}

static void
make_plan (AeroBulkBalloonDialog *self)
{
  g_autoptr(GPtrArray) plan = aero_bulk_ballooning_plan (self->vms, self->clusters,
                                                                  self->enable);

  g_ptr_array_set_size (self->items, 0);
  for (guint i = 0; i < plan->len; i++)
    {
      AeroBulkBallooningItem *planned = g_ptr_array_index (plan, i);
      Item *item = g_new0 (Item, 1);

      item->vm = g_object_ref (planned->vm);
      item->action = planned->action;
      item->reason = g_strdup (planned->reason);
      item->outcome = OUTCOME_PENDING;
      g_ptr_array_add (self->items, item);
    }
}

static void fetch_next (AeroBulkBalloonDialog *self);

static void
update_checking (AeroBulkBalloonDialog *self)
{
  g_autofree char *text = NULL;

  /* TRANSLATORS: progress of the GETs before the summary, "(12 of 40)" */
  text = g_strdup_printf (_("Reading the current setting of the selected virtual machines (%'u of %'u)…"),
                          self->n_to_fetch - self->n_fetching, self->n_to_fetch);
  gtk_label_set_text (self->checking_label, text);
}

static void
fetched_one (AeroBulkBalloonDialog *self)
{
  self->n_fetch_in_flight--;
  if (--self->n_fetching > 0)
    {
      update_checking (self);
      fetch_next (self);
      return;
    }

  make_plan (self);
  show_summary (self);
}

typedef struct {
  AeroBulkBalloonDialog *self;
  guint                  index;
  gboolean               next_run;
} Fetch;

/* A VM whose restart waits with a next-run configuration starts with
 * that: the flag the list showed (the running one) may not be its. */
static gboolean
needs_reading (Item *item)
{
  AeroBulkBallooningItem planned = { item->vm, item->action, item->reason };

  return aero_bulk_ballooning_needs_reading (&planned);
}

static void
get_vm_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  Fetch *fetch = user_data;
  g_autoptr(AeroBulkBalloonDialog) self = fetch->self;
  guint index = fetch->index;
  g_autoptr(GError) error = NULL;
  g_autoptr(AeroVm) vm = NULL;

  vm = aero_engine_get_vm_finish (AERO_ENGINE (source), result, &error);
  if (is_cancelled (error))
    {
      g_free (fetch);
      return;
    }

  /* The next-run configuration, with the running VM's status and flag:
   * the plan puts such a VM's change at its next run. */
  if (vm != NULL && fetch->next_run)
    aero_vm_take_running_state (vm, g_ptr_array_index (self->vms, index));
  g_free (fetch);

  /* A VM that cannot be read stays "unknown" and is skipped: the summary
   * says so, nothing is guessed. */
  if (vm != NULL)
    {
      g_object_unref (g_ptr_array_index (self->vms, index));
      g_ptr_array_index (self->vms, index) = g_steal_pointer (&vm);
    }

  fetched_one (self);
}

/* A few GETs at a time, like the PUTs: a selection of thousands of VMs
 * whose flag a list left out must not flood the engine. */
static void
fetch_next (AeroBulkBalloonDialog *self)
{
  while (self->n_fetch_in_flight < AERO_BULK_BALLOON_PARALLEL
         && self->next_fetch < self->items->len)
    {
      guint index = self->next_fetch++;
      Item *item = g_ptr_array_index (self->items, index);
      Fetch *fetch;

      if (!needs_reading (item))
        continue;

      fetch = g_new0 (Fetch, 1);
      fetch->self = g_object_ref (self);
      fetch->index = index;
      /* What a running VM will start with is what the change is to. */
      fetch->next_run = aero_vm_status_is_running (aero_vm_get_status (item->vm));
      self->n_fetch_in_flight++;
      aero_engine_get_vm_async (self->engine, aero_vm_get_id (item->vm), fetch->next_run,
                                self->cancellable, get_vm_cb, fetch);
    }
}

static void
check (AeroBulkBalloonDialog *self)
{
  guint n_to_read = 0;

  make_plan (self);
  for (guint i = 0; i < self->items->len; i++)
    n_to_read += needs_reading (g_ptr_array_index (self->items, i));
  if (n_to_read == 0)
    {
      show_summary (self);
      return;
    }

  set_stage (self, "checking");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dialog.ok", FALSE);

  self->n_fetching = n_to_read;
  self->n_to_fetch = n_to_read;
  self->next_fetch = 0;
  self->n_fetch_in_flight = 0;
  update_checking (self);
  fetch_next (self);
}

/* --- sending ------------------------------------------------------------- */

static void send_next (AeroBulkBalloonDialog *self);

static const char *
outcome_text (AeroBulkBalloonDialog *self,
              Item                  *item)
{
  switch (item->outcome)
    {
    case OUTCOME_CHANGED:
      if (item->action == AERO_BULK_BALLOONING_CHANGE_NEXT_RUN)
        return self->enable ? _("Ballooning will be enabled at the next run")
                            : _("Ballooning will be disabled at the next run");
      return self->enable ? _("Ballooning enabled") : _("Ballooning disabled");
    case OUTCOME_FAILED:
      return item->message;
    case OUTCOME_STOPPED:
      return _("Not changed: stopped before it was sent");
    case OUTCOME_SKIPPED:
    case OUTCOME_PENDING:
    default:
      return action_text (self, item);
    }
}

GStrv
aero_bulk_balloon_dialog_dup_results (AeroBulkBalloonDialog *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (AERO_IS_BULK_BALLOON_DIALOG (self), NULL);

  for (guint i = 0; i < self->items->len; i++)
    {
      Item *item = g_ptr_array_index (self->items, i);
      const char *prefix = item->outcome == OUTCOME_FAILED ? _("Failed: ") : "";

      builder_take (builder,
                           g_strdup_printf ("%s: %s%s", aero_vm_get_name (item->vm),
                                            prefix, outcome_text (self, item)));
    }

  return g_strv_builder_end (builder);
}

static void
results_bind_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 AeroBulkBalloonDialog    *self)
{
  Item *item = list_item_get_item (self, list_item);
  g_autofree char *line = NULL;
  const char *icon = NULL;

  if (item == NULL)
    return;

  switch (item->outcome)
    {
    case OUTCOME_CHANGED:
      icon = "emblem-ok-symbolic";
      line = g_strdup (outcome_text (self, item));
      break;
    case OUTCOME_FAILED:
      icon = "dialog-error-symbolic";
      /* TRANSLATORS: %s is the engine's own message */
      line = g_strdup_printf (_("Failed: %s"), item->message);
      break;
    case OUTCOME_STOPPED:
      icon = "action-unavailable-symbolic";
      line = g_strdup (outcome_text (self, item));
      break;
    case OUTCOME_SKIPPED:
    case OUTCOME_PENDING:
    default:
      icon = "action-unavailable-symbolic";
      /* TRANSLATORS: %s says why, e.g. "ballooning is already enabled" */
      line = g_strdup_printf (_("Skipped: %s"), outcome_text (self, item));
      break;
    }

  row_fill (list_item, aero_vm_get_name (item->vm), line, icon);
}

static void
show_results (AeroBulkBalloonDialog *self)
{
  g_autofree char *text = NULL;
  g_autoptr(GListModel) names = names_model_new (self);

  set_model (self->results_list, names);

  if (self->stopping)
    text = g_strdup_printf (ngettext ("Stopped: %'u of %'u update was sent.",
                                      "Stopped: %'u of %'u updates were sent.",
                                      self->n_to_send),
                            self->n_sent, self->n_to_send);
  else if (self->n_failed == 0)
    text = g_strdup_printf (ngettext ("%'u virtual machine was updated.",
                                      "%'u virtual machines were updated.", self->n_changed),
                            self->n_changed);
  else
    text = g_strdup_printf (ngettext ("%'u of %'u update failed; the others were not affected.",
                                      "%'u of %'u updates failed; the others were not affected.",
                                      self->n_to_send),
                            self->n_failed, self->n_to_send);
  gtk_label_set_text (self->results_label, text);

  set_stage (self, "results");
  gtk_widget_set_visible (self->cancel_button, FALSE);
  gtk_button_set_label (self->ok_button, _("_Close"));
  /* The button no longer confirms: its name follows its label again. */
  aero_accessible_follow_label (self->ok_button);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dialog.ok", TRUE);
  aero_accessible_focus_default (GTK_WINDOW (self));
  g_signal_emit (self, signals[FINISHED], 0, self->n_changed, self->n_failed);
}

static void
update_progress (AeroBulkBalloonDialog *self)
{
  g_autofree char *text = NULL;

  /* TRANSLATORS: progress of the updates, "2 of 5" */
  text = g_strdup_printf (_("%'u of %'u"), self->n_sent, self->n_to_send);
  gtk_progress_bar_set_text (self->progress_bar, text);
  gtk_progress_bar_set_fraction (self->progress_bar,
                                 self->n_to_send > 0 ? (double) self->n_sent / self->n_to_send : 1.0);
}

typedef struct {
  AeroBulkBalloonDialog *self;
  Item                  *item;
} Send;

static void
update_vm_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  Send *send = user_data;
  g_autoptr(AeroBulkBalloonDialog) self = send->self;
  Item *item = send->item;
  g_autoptr(GError) error = NULL;
  g_autoptr(AeroVm) vm = NULL;

  g_free (send);
  vm = aero_engine_set_vm_ballooning_finish (AERO_ENGINE (source), result, &error);
  if (is_cancelled (error))
    return;

  self->n_in_flight--;
  self->n_sent++;
  if (vm != NULL)
    {
      item->outcome = OUTCOME_CHANGED;
      self->n_changed++;
    }
  else
    {
      /* Recorded, and the others go on. */
      item->outcome = OUTCOME_FAILED;
      item->message = error_text (error);
      self->n_failed++;
    }

  update_progress (self);
  send_next (self);
}

static void
send_next (AeroBulkBalloonDialog *self)
{
  while (!self->stopping
         && self->n_in_flight < AERO_BULK_BALLOON_PARALLEL
         && self->next_index < self->items->len)
    {
      Item *item = g_ptr_array_index (self->items, self->next_index++);
      Send *send;

      if (item->action != AERO_BULK_BALLOONING_CHANGE_NOW
          && item->action != AERO_BULK_BALLOONING_CHANGE_NEXT_RUN)
        {
          item->outcome = OUTCOME_SKIPPED;
          continue;
        }

      /* Only memory_policy.ballooning: nothing else of the VM is touched. */
      send = g_new0 (Send, 1);
      send->self = g_object_ref (self);
      send->item = item;
      self->n_in_flight++;
      aero_engine_set_vm_ballooning_async (self->engine, aero_vm_get_id (item->vm), self->enable,
                                           item->action == AERO_BULK_BALLOONING_CHANGE_NEXT_RUN,
                                           self->cancellable, update_vm_cb, send);
    }

  if (self->n_in_flight > 0)
    return;

  if (self->stopping)
    for (; self->next_index < self->items->len; self->next_index++)
      {
        Item *item = g_ptr_array_index (self->items, self->next_index);

        item->outcome = (item->action == AERO_BULK_BALLOONING_CHANGE_NOW
                         || item->action == AERO_BULK_BALLOONING_CHANGE_NEXT_RUN)
                        ? OUTCOME_STOPPED : OUTCOME_SKIPPED;
      }

  if (self->next_index >= self->items->len)
    show_results (self);
}

static void
start_sending (AeroBulkBalloonDialog *self)
{
  self->n_to_send = count_action (self, AERO_BULK_BALLOONING_CHANGE_NOW)
                    + count_action (self, AERO_BULK_BALLOONING_CHANGE_NEXT_RUN);
  self->next_index = 0;
  self->n_sent = 0;

  gtk_label_set_text (self->progress_label,
                      self->enable ? _("Enabling ballooning…") : _("Disabling ballooning…"));
  update_progress (self);
  set_stage (self, "progress");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dialog.ok", FALSE);
  send_next (self);
}

/* --- actions ------------------------------------------------------------- */

static void
dialog_ok (GtkWidget  *widget,
           const char *action_name,
           GVariant   *parameter)
{
  AeroBulkBalloonDialog *self = AERO_BULK_BALLOON_DIALOG (widget);

  if (g_strcmp0 (self->stage, "summary") == 0)
    start_sending (self);
  else if (g_strcmp0 (self->stage, "results") == 0)
    gtk_window_destroy (GTK_WINDOW (self));
}

static void
dialog_cancel (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AeroBulkBalloonDialog *self = AERO_BULK_BALLOON_DIALOG (widget);

  /* Half-way, Cancel stops sending but lets the updates already sent
   * finish, then shows what changed and what was not sent: the admin
   * must know where the run stopped. A second Cancel closes at once. */
  if (g_strcmp0 (self->stage, "progress") == 0 && !self->stopping)
    {
      self->stopping = TRUE;
      gtk_label_set_text (self->progress_label,
                          _("Stopping after the updates already sent…"));
      send_next (self);
      return;
    }

  g_cancellable_cancel (self->cancellable);
  /* Stopped half-way: what did change must still reach the caller. */
  if (g_strcmp0 (self->stage, "progress") == 0 && self->n_changed > 0)
    g_signal_emit (self, signals[FINISHED], 0, self->n_changed, self->n_failed);
  gtk_window_destroy (GTK_WINDOW (self));
}

const char *
aero_bulk_balloon_dialog_get_stage (AeroBulkBalloonDialog *self)
{
  g_return_val_if_fail (AERO_IS_BULK_BALLOON_DIALOG (self), NULL);

  return self->stage;
}

static gboolean
aero_bulk_balloon_dialog_close_request (GtkWindow *window)
{
  g_cancellable_cancel (AERO_BULK_BALLOON_DIALOG (window)->cancellable);

  return GTK_WINDOW_CLASS (aero_bulk_balloon_dialog_parent_class)->close_request (window);
}

static void
aero_bulk_balloon_dialog_dispose (GObject *object)
{
  AeroBulkBalloonDialog *self = AERO_BULK_BALLOON_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), AERO_TYPE_BULK_BALLOON_DIALOG);

  G_OBJECT_CLASS (aero_bulk_balloon_dialog_parent_class)->dispose (object);
}

static void
aero_bulk_balloon_dialog_finalize (GObject *object)
{
  AeroBulkBalloonDialog *self = AERO_BULK_BALLOON_DIALOG (object);

  g_clear_object (&self->engine);
  g_clear_object (&self->clusters);
  g_clear_pointer (&self->vms, g_ptr_array_unref);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (aero_bulk_balloon_dialog_parent_class)->finalize (object);
}

static void
aero_bulk_balloon_dialog_class_init (AeroBulkBalloonDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = aero_bulk_balloon_dialog_dispose;
  object_class->finalize = aero_bulk_balloon_dialog_finalize;
  window_class->close_request = aero_bulk_balloon_dialog_close_request;

  signals[READY] =
    g_signal_new ("ready",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
  signals[FINISHED] =
    g_signal_new ("finished",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_UINT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/aerostat/Aerostat/ui/aero-bulk-balloon-dialog.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, AeroBulkBalloonDialog, name)
  BIND (window_title);
  BIND (cancel_button);
  BIND (ok_button);
  BIND (main_stack);
  BIND (checking_spinner);
  BIND (checking_label);
  BIND (summary_label);
  BIND (summary_list);
  BIND (progress_label);
  BIND (progress_bar);
  BIND (results_label);
  BIND (results_list);
#undef BIND

  gtk_widget_class_install_action (widget_class, "dialog.ok", NULL, dialog_ok);
  gtk_widget_class_install_action (widget_class, "dialog.cancel", NULL, dialog_cancel);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "dialog.cancel", NULL);
}

static void
aero_bulk_balloon_dialog_init (AeroBulkBalloonDialog *self)
{
  g_autoptr(GtkListItemFactory) summary_factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkListItemFactory) results_factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  aero_accessible_single_names (GTK_WIDGET (self));

  g_signal_connect (summary_factory, "setup", G_CALLBACK (row_setup_cb), NULL);
  g_signal_connect (summary_factory, "bind", G_CALLBACK (summary_bind_cb), self);
  gtk_list_view_set_factory (self->summary_list, summary_factory);
  g_signal_connect (results_factory, "setup", G_CALLBACK (row_setup_cb), NULL);
  g_signal_connect (results_factory, "bind", G_CALLBACK (results_bind_cb), self);
  gtk_list_view_set_factory (self->results_list, results_factory);

  self->cancellable = g_cancellable_new ();
  self->items = g_ptr_array_new_with_free_func (item_free);
  self->stage = "checking";
}

AeroBulkBalloonDialog *
aero_bulk_balloon_dialog_new (AeroEngine *engine,
                              GPtrArray  *vms,
                              GListModel *clusters,
                              gboolean    enable)
{
  AeroBulkBalloonDialog *self;
  g_autofree char *subtitle = NULL;

  g_return_val_if_fail (AERO_IS_ENGINE (engine), NULL);
  g_return_val_if_fail (vms != NULL, NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (clusters), NULL);

  self = g_object_new (AERO_TYPE_BULK_BALLOON_DIALOG, NULL);
  self->engine = g_object_ref (engine);
  self->clusters = g_object_ref (clusters);
  self->enable = !!enable;
  self->vms = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < vms->len; i++)
    g_ptr_array_add (self->vms, g_object_ref (g_ptr_array_index (vms, i)));

  gtk_window_set_title (GTK_WINDOW (self),
                        enable ? _("Enable Ballooning") : _("Disable Ballooning"));
  adw_window_title_set_title (self->window_title,
                              enable ? _("Enable Ballooning") : _("Disable Ballooning"));
  subtitle = g_strdup_printf (ngettext ("%'u virtual machine selected",
                                        "%'u virtual machines selected", vms->len), vms->len);
  adw_window_title_set_subtitle (self->window_title, subtitle);

  check (self);

  return self;
}
