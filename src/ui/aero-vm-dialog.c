/* aero-vm-dialog.c - New / Edit VM, and Edit Template
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "aero-accessible.h"
#include "aero-conflict-dialog.h"
#include "aero-next-run-dialog.h"
#include "aero-dialogs.h"
#include "aero-format.h"
#include "aero-vm-dialog.h"
#include "aero-vm-edit-engine.h"

struct _AeroVmDialog
{
  AdwWindow          parent_instance;

  AeroEngine        *engine;
  GListModel        *clusters;
  GListModel        *cluster_choices;  /* the drop-down's: by name */
  GListModel        *templates;
  AeroVm            *vm;        /* as handed in, before the GET */
  AeroTemplate      *tmpl;      /* idem, template mode */
  AeroVmEditMode     mode;
  AeroVmEdit        *edit;
  GCancellable      *cancellable;
  gboolean           busy;
  gboolean           dirty;     /* the user touched a new VM's form */
  GtkWindow         *pending_dialog;
  GtkWindow         *discard_dialog;
  GtkWidget         *saved_focus;  /* weak, while busy */

  AdwWindowTitle    *window_title;
  GtkWidget         *saving_spinner;
  GtkRevealer       *banner_revealer;
  GtkLabel          *banner_reason;
  GtkLabel          *banner_detail;
  GtkWidget         *banner_retry;
  GtkStack          *main_stack;
  GtkSpinner        *loading_spinner;
  GtkLabel          *loading_label;
  GtkStack          *tabs;
  GtkWidget         *form_box;
  GtkWidget         *general_group;
  GtkWidget         *next_run_group;
  GtkWidget         *sidebar;
  GtkWidget         *sidebar_separator;
  gboolean           narrow;
  guint              layout_idle;

  GtkStackPage      *general_tab;
  GtkStackPage      *system_tab;
  GtkStackPage      *resources_tab;

  AdwComboRow       *cluster_row;
  GtkWidget         *cluster_error_row;
  GtkLabel          *cluster_error;
  AdwComboRow       *custom_compat_row;
  GPtrArray         *custom_versions;  /* AeroVersion, the row's items after "None" */
  AdwComboRow       *template_row;
  AdwEntryRow       *name_row;
  GtkWidget         *name_error_row;
  /* The admin has been at the name (typed, or left it): only then does a
   * required-field error show, not when New VM opens. */
  gboolean           name_checked;
  gboolean           name_has_focus;
  GtkLabel          *name_error;
  AdwEntryRow       *description_row;
  AdwEntryRow       *comment_row;
  AdwComboRow       *type_row;

  AdwActionRow      *memory_row;
  GtkSpinButton     *memory_spin;
  GtkWidget         *memory_error_row;
  GtkLabel          *memory_error;
  GtkWidget         *memory_note_row;
  GtkLabel          *memory_note;
  AdwActionRow      *max_memory_row;
  GtkSpinButton     *max_memory_spin;
  GtkWidget         *max_memory_error_row;
  GtkLabel          *max_memory_error;
  GtkWidget         *max_memory_reason_row;
  GtkLabel          *max_memory_reason;
  GtkSpinButton     *sockets_spin;
  GtkSpinButton     *cores_spin;
  GtkSpinButton     *threads_spin;
  GtkWidget         *cpu_error_row;
  GtkLabel          *cpu_error;

  GtkLabel          *resources_reason;
  GtkWidget         *resources_page;
  AdwComboRow       *shares_row;
  GtkWidget         *custom_shares_row;
  GtkSpinButton     *custom_shares_spin;
  AdwActionRow      *guaranteed_row;
  GtkSpinButton     *guaranteed_spin;
  GtkWidget         *guaranteed_error_row;
  GtkLabel          *guaranteed_error;
  GtkCheckButton    *balloon_check;
  GtkLabel          *balloon_reason;
};

G_DEFINE_FINAL_TYPE (AeroVmDialog, aero_vm_dialog, ADW_TYPE_WINDOW)

enum {
  LOADED,
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void load (AeroVmDialog *self);

/* --- state --------------------------------------------------------------- */

static void
update_actions (AeroVmDialog *self)
{
  gboolean ready = self->edit != NULL && !self->busy;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dialog.ok",
                                 ready && aero_vm_edit_get_valid (self->edit));
  gtk_widget_set_visible (self->saving_spinner, self->busy && self->edit != NULL);
  gtk_spinner_set_spinning (GTK_SPINNER (self->saving_spinner), self->busy && self->edit != NULL);
}

static void
set_busy (AeroVmDialog *self,
          gboolean      busy)
{
  gboolean lock = busy && self->edit != NULL;

  self->busy = busy;

  /* Edits stay on screen but cannot change under a request in flight.
   * Focus leaves the form first (GTK 4.8 complains when a focused text
   * turns insensitive) and comes back to the same field afterwards. */
  if (lock)
    {
      GtkWidget *focus = gtk_window_get_focus (GTK_WINDOW (self));

      if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->main_stack)))
        {
          g_set_weak_pointer (&self->saved_focus, focus);
          gtk_window_set_focus (GTK_WINDOW (self), NULL);
        }
    }
  gtk_widget_set_sensitive (GTK_WIDGET (self->main_stack), !lock);
  if (!lock && self->saved_focus != NULL)
    {
      gtk_widget_grab_focus (self->saved_focus);
      g_clear_weak_pointer (&self->saved_focus);
    }

  update_actions (self);
}

static void
hide_error (AeroVmDialog *self)
{
  gtk_revealer_set_reveal_child (self->banner_revealer, FALSE);
}

static gboolean
is_cancelled (const GError *error)
{
  return g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED)
         || g_error_matches (error, AERO_ENGINE_ERROR, AERO_ENGINE_ERROR_CANCELLED);
}

static void
show_error (AeroVmDialog *self,
            const GError *error)
{
  const char *reason = aero_engine_error_get_reason (error);
  const char *detail = aero_engine_error_get_detail (error);
  gboolean network = g_error_matches (error, AERO_ENGINE_ERROR, AERO_ENGINE_ERROR_NETWORK);
  /* A gateway in front of the engine answers 502/503/504 while the engine
   * is down: as worth another try as a dropped connection. */
  gboolean retry = network || aero_engine_error_get_http_status (error) >= 500;

  if (reason == NULL)
    {
      reason = network ? _("The connection to the engine was lost.") : error->message;
      detail = network ? error->message : NULL;
    }

  gtk_label_set_text (self->banner_reason, reason);
  gtk_label_set_text (self->banner_detail, detail != NULL ? detail : "");
  gtk_widget_set_visible (GTK_WIDGET (self->banner_detail), detail != NULL && *detail != '\0');
  /* A refusal is not worth another try. */
  gtk_widget_set_visible (self->banner_retry, retry || self->edit == NULL);
  gtk_revealer_set_reveal_child (self->banner_revealer, TRUE);
}

/* --- bindings to the edit model ------------------------------------------ */

/* Enum properties read as enums, or as plain ints if declared so. */
static int
value_get_enumish (const GValue *value)
{
  if (G_VALUE_HOLDS_ENUM (value))
    return g_value_get_enum (value);
  if (G_VALUE_HOLDS_UINT (value))
    return (int) g_value_get_uint (value);
  return g_value_get_int (value);
}

static void
value_set_enumish (GValue *value,
                   int     v)
{
  if (G_VALUE_HOLDS_ENUM (value))
    g_value_set_enum (value, v);
  else if (G_VALUE_HOLDS_UINT (value))
    g_value_set_uint (value, (guint) v);
  else
    g_value_set_int (value, v);
}

/* The "Optimized for" rows in order: Desktop, Server, High Performance. */
static gboolean
type_to_selected (GBinding     *binding,
                  const GValue *from,
                  GValue       *to,
                  gpointer      user_data)
{
  switch (value_get_enumish (from))
    {
    case AERO_VM_TYPE_DESKTOP:
      g_value_set_uint (to, 0);
      break;
    case AERO_VM_TYPE_SERVER:
      g_value_set_uint (to, 1);
      break;
    case AERO_VM_TYPE_HIGH_PERFORMANCE:
      g_value_set_uint (to, 2);
      break;
    case AERO_VM_TYPE_UNKNOWN:
    default:
      g_value_set_uint (to, GTK_INVALID_LIST_POSITION);
      break;
    }
  return TRUE;
}

static gboolean
selected_to_type (GBinding     *binding,
                  const GValue *from,
                  GValue       *to,
                  gpointer      user_data)
{
  static const AeroVmType types[] = {
    AERO_VM_TYPE_DESKTOP, AERO_VM_TYPE_SERVER, AERO_VM_TYPE_HIGH_PERFORMANCE,
  };
  guint position = g_value_get_uint (from);

  if (position >= G_N_ELEMENTS (types))
    return FALSE;
  value_set_enumish (to, types[position]);
  return TRUE;
}

static gboolean
level_to_selected (GBinding     *binding,
                   const GValue *from,
                   GValue       *to,
                   gpointer      user_data)
{
  g_value_set_uint (to, (guint) value_get_enumish (from));
  return TRUE;
}

static gboolean
selected_to_level (GBinding     *binding,
                   const GValue *from,
                   GValue       *to,
                   gpointer      user_data)
{
  guint position = g_value_get_uint (from);

  if (position > AERO_CPU_SHARES_CUSTOM)
    return FALSE;
  value_set_enumish (to, (int) position);
  return TRUE;
}

static gboolean
mb_to_gb_text (GBinding     *binding,
               const GValue *from,
               GValue       *to,
               gpointer      user_data)
{
  gint64 mb = g_value_get_int64 (from);

  /* The MiB value of a memory field in the largest binary unit, as the
   * lists show it ("4 GiB", "1.5 GiB"). */
  g_value_take_string (to, aero_format_bytes (mb * 1024 * 1024));
  return TRUE;
}

static void
bind_spin (AeroVmDialog  *self,
           const char    *property,
           GtkSpinButton *spin)
{
  g_object_bind_property (self->edit, property,
                          gtk_spin_button_get_adjustment (spin), "value",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
}

static void
set_field_error (GtkWidget  *row,
                 GtkLabel   *label,
                 const char *error)
{
  gtk_label_set_text (label, error != NULL ? error : "");
  gtk_widget_set_visible (row, error != NULL);
}

static void
errors_changed (AeroVmDialog *self)
{
  set_field_error (self->cluster_error_row, self->cluster_error,
                   aero_vm_edit_get_cluster_error (self->edit));
  const char *name_error = self->name_checked ? aero_vm_edit_get_name_error (self->edit) : NULL;

  set_field_error (self->name_error_row, self->name_error, name_error);
  set_field_error (self->memory_error_row, self->memory_error,
                   aero_vm_edit_get_memory_error (self->edit));
  set_field_error (self->max_memory_error_row, self->max_memory_error,
                   aero_vm_edit_get_max_memory_error (self->edit));
  set_field_error (self->guaranteed_error_row, self->guaranteed_error,
                   aero_vm_edit_get_guaranteed_error (self->edit));
  set_field_error (self->cpu_error_row, self->cpu_error,
                   aero_vm_edit_get_cpu_error (self->edit));

  if (name_error != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->name_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->name_row), "error");

  /* OK may be greyed by a field on another tab: the sidebar marks the
   * tab that holds the reason. */
  gtk_stack_page_set_needs_attention (self->general_tab,
                                      name_error != NULL
                                      || aero_vm_edit_get_cluster_error (self->edit) != NULL);
  gtk_stack_page_set_needs_attention (self->system_tab,
                                      aero_vm_edit_get_memory_error (self->edit) != NULL
                                      || aero_vm_edit_get_max_memory_error (self->edit) != NULL
                                      || aero_vm_edit_get_cpu_error (self->edit) != NULL);
  gtk_stack_page_set_needs_attention (self->resources_tab,
                                      aero_vm_edit_get_guaranteed_error (self->edit) != NULL);

  update_actions (self);
}

static void
name_checked (AeroVmDialog *self)
{
  /* Focus also leaves while the dialog goes away. */
  if (self->name_checked || self->edit == NULL || self->name_error == NULL
      || gtk_widget_in_destruction (GTK_WIDGET (self)))
    return;
  self->name_checked = TRUE;
  errors_changed (self);
}

/* A greyed row does not grey its spin button for assistive technologies
 * (GTK 4.8 reports the spin button's own sensitivity): grey both. */
static void
greyed_spins_update (AeroVmDialog *self)
{
  gboolean resources = aero_vm_edit_get_resource_allocation_editable (self->edit);
  gboolean custom = aero_vm_edit_get_cpu_shares_level (self->edit) == AERO_CPU_SHARES_CUSTOM;
  gboolean max_memory = aero_vm_edit_get_max_memory_sensitive (self->edit);

  gtk_widget_set_sensitive (GTK_WIDGET (self->max_memory_row), max_memory);
  gtk_widget_set_sensitive (GTK_WIDGET (self->max_memory_spin), max_memory);
  gtk_widget_set_sensitive (GTK_WIDGET (self->custom_shares_row), custom);
  gtk_widget_set_sensitive (GTK_WIDGET (self->custom_shares_spin), resources && custom);
  gtk_widget_set_sensitive (GTK_WIDGET (self->guaranteed_spin), resources);
}

/* What a Memory Size change derived is said right under it, and to
 * screen readers at the spin button: the values may be on another tab. */
static void
memory_note_changed (AeroVmDialog *self)
{
  const char *note = aero_vm_edit_get_memory_note (self->edit);

  gtk_label_set_text (self->memory_note, note != NULL ? note : "");
  gtk_widget_set_visible (self->memory_note_row, note != NULL);
  if (note != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->memory_spin),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, note,
                                    -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (self->memory_spin),
                                   GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

static void
balloon_gate_changed (AeroVmDialog *self)
{
  const char *reason = aero_vm_edit_get_ballooning_reason (self->edit);

  /* A template's whole tab is greyed with its own reason: a second one
   * about the level (of a template that may have no cluster: "this
   * cluster: unknown") would only confuse. */
  if (!aero_vm_edit_get_resource_allocation_editable (self->edit))
    reason = aero_vm_edit_get_resource_allocation_reason (self->edit);

  gtk_widget_set_sensitive (GTK_WIDGET (self->balloon_check),
                            aero_vm_edit_get_ballooning_sensitive (self->edit));
  gtk_label_set_text (self->balloon_reason, reason != NULL ? reason : "");
  gtk_widget_set_visible (GTK_WIDGET (self->balloon_reason),
                          reason != NULL && aero_vm_edit_get_resource_allocation_editable (self->edit));

  /* Screen readers hear why the box is greyed, not only sighted users. */
  if (reason != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->balloon_check),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, reason,
                                    -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (self->balloon_check),
                                   GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

static void
max_memory_gate_changed (AeroVmDialog *self)
{
  const char *reason = aero_vm_edit_get_max_memory_reason (self->edit);

  greyed_spins_update (self);
  gtk_label_set_text (self->max_memory_reason, reason != NULL ? reason : "");
  gtk_widget_set_visible (self->max_memory_reason_row, reason != NULL);
  if (reason != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->max_memory_spin),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, reason,
                                    -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (self->max_memory_spin),
                                   GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

static void
resources_gate_changed (AeroVmDialog *self)
{
  gboolean editable = aero_vm_edit_get_resource_allocation_editable (self->edit);
  const char *reason = aero_vm_edit_get_resource_allocation_reason (self->edit);

  gtk_widget_set_sensitive (self->resources_page, editable);
  gtk_label_set_text (self->resources_reason, reason != NULL ? reason : "");
  gtk_widget_set_visible (GTK_WIDGET (self->resources_reason), !editable && reason != NULL);
  if (reason != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->resources_page),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, reason,
                                    -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (self->resources_page),
                                   GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

static void
focus_widget_changed_cb (AeroVmDialog *self)
{
  GtkWidget *focus = gtk_window_get_focus (GTK_WINDOW (self));
  gboolean inside = focus != NULL && self->name_row != NULL
                    && (focus == GTK_WIDGET (self->name_row)
                        || gtk_widget_is_ancestor (focus, GTK_WIDGET (self->name_row)));

  if (self->name_has_focus && !inside)
    name_checked (self);
  self->name_has_focus = inside;
}

static void
edit_notify_cb (AeroVmDialog *self,
                GParamSpec   *pspec)
{
  /* Any change after the form was set up comes from the user. */
  self->dirty = TRUE;
}

/* GtkSpinButton has no activates-default before GTK 4.14, but its text
 * child does: the spin button commits the value first, then Enter
 * reaches the default widget. */
static void
spin_activates_default (GtkSpinButton *spin)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (spin));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_TEXT (child))
      gtk_text_set_activates_default (GTK_TEXT (child), TRUE);
}

static void
set_titles (AeroVmDialog *self)
{
  const char *title = NULL;
  const char *name = NULL;
  g_autofree char *window_title = NULL;

  switch (self->mode)
    {
    case AERO_VM_EDIT_NEW_VM:
      title = _("New Virtual Machine");
      break;
    case AERO_VM_EDIT_VM:
      title = _("Edit Virtual Machine");
      name = self->vm != NULL ? aero_vm_get_name (self->vm) : NULL;
      break;
    case AERO_VM_EDIT_TEMPLATE:
      title = _("Edit Template");
      name = self->tmpl != NULL ? aero_template_get_name (self->tmpl) : NULL;
      break;
    default:
      g_assert_not_reached ();
    }

  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, name);

  /* The window's own title names what is edited, for window lists and
   * screen readers, which do not see the header's subtitle. */
  if (name != NULL)
    /* TRANSLATORS: window title, "Edit Virtual Machine – web-01" */
    window_title = g_strdup_printf (_("%s – %s"), title, name);
  else
    window_title = g_strdup (title);
  gtk_window_set_title (GTK_WINDOW (self), window_title);
}

static void
focus_name_on_map (AeroVmDialog *self)
{
  g_signal_handlers_disconnect_by_func (self, focus_name_on_map, NULL);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
}

/* A VM or template with a custom compatibility version is judged by it,
 * not by its cluster's: say so, or "(this cluster: 3.0)" under a
 * "Default (4.7)" cluster would read as a contradiction. */
static gboolean
custom_version_to_selected (GBinding     *binding,
                            const GValue *from,
                            GValue       *to,
                            gpointer      user_data)
{
  AeroVmDialog *self = user_data;
  AeroVersion *version = g_value_get_object (from);
  guint position = 0;

  if (version != NULL)
    for (guint i = 0; i < self->custom_versions->len; i++)
      if (aero_version_equal (g_ptr_array_index (self->custom_versions, i), version))
        position = i + 1;
  g_value_set_uint (to, position);
  return TRUE;
}

static gboolean
selected_to_custom_version (GBinding     *binding,
                            const GValue *from,
                            GValue       *to,
                            gpointer      user_data)
{
  AeroVmDialog *self = user_data;
  guint position = g_value_get_uint (from);

  if (position == GTK_INVALID_LIST_POSITION || position > self->custom_versions->len)
    return FALSE;
  g_value_set_object (to, position == 0 ? NULL : g_ptr_array_index (self->custom_versions, position - 1));
  return TRUE;
}

/* "None", then the levels the edit model offers: the VM's own level,
 * which overrides its cluster's, is seen and changed on General. */
static void
setup_custom_compatibility (AeroVmDialog *self)
{
  g_autoptr(GtkStringList) items = gtk_string_list_new (NULL);

  g_clear_pointer (&self->custom_versions, g_ptr_array_unref);
  self->custom_versions = aero_vm_edit_list_custom_versions (self->edit);
  /* TRANSLATORS: no custom compatibility version: the cluster's applies */
  gtk_string_list_append (items, _("None"));
  for (guint i = 0; i < self->custom_versions->len; i++)
    {
      g_autofree char *text = aero_version_to_string (g_ptr_array_index (self->custom_versions, i));

      gtk_string_list_append (items, text);
    }
  adw_combo_row_set_model (self->custom_compat_row, G_LIST_MODEL (items));
  g_object_bind_property_full (self->edit, "custom-compatibility-version",
                               self->custom_compat_row, "selected",
                               G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE,
                               custom_version_to_selected, selected_to_custom_version,
                               self, NULL);
}

static guint
cluster_choice_position (AeroVmDialog *self,
                         AeroCluster  *cluster)
{
  guint n = g_list_model_get_n_items (self->cluster_choices);

  if (cluster == NULL)
    return GTK_INVALID_LIST_POSITION;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AeroCluster) item = g_list_model_get_item (self->cluster_choices, i);

      if (item == cluster ||
          g_strcmp0 (aero_cluster_get_id (item), aero_cluster_get_id (cluster)) == 0)
        return i;
    }

  return GTK_INVALID_LIST_POSITION;
}

static gboolean
cluster_to_selected (GBinding     *binding,
                     const GValue *from,
                     GValue       *to,
                     gpointer      user_data)
{
  g_value_set_uint (to, cluster_choice_position (user_data, g_value_get_object (from)));
  return TRUE;
}

static gboolean
selected_to_cluster (GBinding     *binding,
                     const GValue *from,
                     GValue       *to,
                     gpointer      user_data)
{
  AeroVmDialog *self = user_data;
  guint position = g_value_get_uint (from);

  /* No selection (a VM whose cluster is not listed) changes nothing. */
  if (position >= g_list_model_get_n_items (self->cluster_choices))
    return FALSE;
  g_value_take_object (to, g_list_model_get_item (self->cluster_choices, position));
  return TRUE;
}

static void
setup_form (AeroVmDialog *self)
{
  GtkExpression *expression;
  GListModel *templates = aero_vm_edit_get_templates (self->edit);

  expression = gtk_property_expression_new (AERO_TYPE_CLUSTER, NULL, "label");
  adw_combo_row_set_expression (self->cluster_row, expression);
  gtk_expression_unref (expression);
  adw_combo_row_set_model (self->cluster_row, self->cluster_choices);
  /* By item: the drop-down's order is its own. */
  g_object_bind_property_full (self->edit, "cluster", self->cluster_row, "selected",
                               G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE,
                               cluster_to_selected, selected_to_cluster, self, NULL);

  /* Without templates a new VM starts from oVirt's Blank defaults, and an
   * empty drop-down would only puzzle. */
  gtk_widget_set_visible (GTK_WIDGET (self->template_row),
                          templates != NULL && g_list_model_get_n_items (templates) > 0);
  if (templates != NULL)
    {
      expression = gtk_property_expression_new (AERO_TYPE_TEMPLATE, NULL, "name");
      adw_combo_row_set_expression (self->template_row, expression);
      gtk_expression_unref (expression);
      adw_combo_row_set_model (self->template_row, templates);
      g_object_bind_property (self->edit, "template-position", self->template_row, "selected",
                              G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
    }

  setup_custom_compatibility (self);
  /* Say that the form holds what waits for the restart, not what runs
   * (aero_engine_get_vm_for_edit_async() loaded that). */
  gtk_widget_set_visible (self->next_run_group,
                          self->mode == AERO_VM_EDIT_VM && self->vm != NULL
                          && aero_vm_get_next_run_pending (self->vm));

  g_object_bind_property (self->edit, "name", self->name_row, "text",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_object_bind_property (self->edit, "description", self->description_row, "text",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_object_bind_property (self->edit, "comment", self->comment_row, "text",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_object_bind_property_full (self->edit, "vm-type", self->type_row, "selected",
                               G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE,
                               type_to_selected, selected_to_type, NULL, NULL);

  bind_spin (self, "memory-mb", self->memory_spin);
  bind_spin (self, "max-memory-mb", self->max_memory_spin);
  bind_spin (self, "guaranteed-mb", self->guaranteed_spin);
  g_object_bind_property_full (self->edit, "memory-mb", self->memory_row, "subtitle",
                               G_BINDING_SYNC_CREATE, mb_to_gb_text, NULL, NULL, NULL);
  g_object_bind_property_full (self->edit, "max-memory-mb", self->max_memory_row, "subtitle",
                               G_BINDING_SYNC_CREATE, mb_to_gb_text, NULL, NULL, NULL);
  g_object_bind_property_full (self->edit, "guaranteed-mb", self->guaranteed_row, "subtitle",
                               G_BINDING_SYNC_CREATE, mb_to_gb_text, NULL, NULL, NULL);
  bind_spin (self, "cpu-sockets", self->sockets_spin);
  bind_spin (self, "cpu-cores", self->cores_spin);
  bind_spin (self, "cpu-threads", self->threads_spin);

  g_object_bind_property_full (self->edit, "cpu-shares-level", self->shares_row, "selected",
                               G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE,
                               level_to_selected, selected_to_level, NULL, NULL);
  g_signal_connect_object (self->edit, "notify::cpu-shares-level",
                           G_CALLBACK (greyed_spins_update), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->edit, "notify::resource-allocation-editable",
                           G_CALLBACK (greyed_spins_update), self, G_CONNECT_SWAPPED);
  bind_spin (self, "cpu-shares", self->custom_shares_spin);

  g_object_bind_property (self->edit, "ballooning", self->balloon_check, "active",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);

  g_signal_connect_object (self->edit, "notify::ballooning-sensitive",
                           G_CALLBACK (balloon_gate_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->edit, "notify::ballooning-reason",
                           G_CALLBACK (balloon_gate_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->edit, "notify::max-memory-sensitive",
                           G_CALLBACK (max_memory_gate_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->edit, "notify::max-memory-reason",
                           G_CALLBACK (max_memory_gate_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->edit, "notify::resource-allocation-editable",
                           G_CALLBACK (resources_gate_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->edit, "notify::resource-allocation-editable",
                           G_CALLBACK (balloon_gate_changed), self, G_CONNECT_SWAPPED);
  balloon_gate_changed (self);
  max_memory_gate_changed (self);
  resources_gate_changed (self);

  g_signal_connect_object (self->edit, "notify::valid",
                           G_CALLBACK (errors_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->edit, "notify::cluster-error",
                           G_CALLBACK (errors_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->edit, "notify::name-error",
                           G_CALLBACK (errors_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->edit, "notify::memory-error",
                           G_CALLBACK (errors_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->edit, "notify::max-memory-error",
                           G_CALLBACK (errors_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->edit, "notify::guaranteed-error",
                           G_CALLBACK (errors_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->edit, "notify::cpu-error",
                           G_CALLBACK (errors_changed), self, G_CONNECT_SWAPPED);
  errors_changed (self);
  g_signal_connect_object (self->edit, "notify::memory-note",
                           G_CALLBACK (memory_note_changed), self, G_CONNECT_SWAPPED);
  memory_note_changed (self);

  self->dirty = FALSE;
  g_signal_connect_object (self->edit, "notify",
                           G_CALLBACK (edit_notify_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->edit, "notify::name",
                           G_CALLBACK (name_checked), self, G_CONNECT_SWAPPED);

  gtk_stack_set_visible_child_name (self->main_stack, "form");
  gtk_spinner_set_spinning (self->loading_spinner, FALSE);
  update_actions (self);

  /* Start where the user types: the name. Not before the window is
   * shown: GTK 4.8 then never announces the window to assistive
   * technologies. */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
  else
    g_signal_connect (self, "map", G_CALLBACK (focus_name_on_map), NULL);

  g_signal_emit (self, signals[LOADED], 0);
}

/* --- loading ------------------------------------------------------------- */

static void
get_vm_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(AeroVmDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(AeroVm) vm = NULL;

  vm = aero_engine_get_vm_for_edit_finish (AERO_ENGINE (source), result, &error);
  if (is_cancelled (error))
    return;

  set_busy (self, FALSE);
  if (vm == NULL)
    {
      gtk_spinner_set_spinning (self->loading_spinner, FALSE);
      gtk_label_set_text (self->loading_label, _("The virtual machine could not be loaded."));
      show_error (self, error);
      return;
    }

  g_set_object (&self->vm, vm);
  set_titles (self);
  self->edit = aero_vm_edit_new_for_vm (vm, self->clusters);
  aero_vm_edit_follow_engine (self->edit, aero_engine_get_engine_version (self->engine));
  setup_form (self);
}

static void
get_template_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(AeroVmDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(AeroTemplate) tmpl = NULL;

  tmpl = aero_engine_get_template_finish (AERO_ENGINE (source), result, &error);
  if (is_cancelled (error))
    return;

  set_busy (self, FALSE);
  if (tmpl == NULL)
    {
      gtk_spinner_set_spinning (self->loading_spinner, FALSE);
      gtk_label_set_text (self->loading_label, _("The template could not be loaded."));
      show_error (self, error);
      return;
    }

  g_set_object (&self->tmpl, tmpl);
  set_titles (self);
  self->edit = aero_vm_edit_new_for_template (tmpl, self->clusters);
  aero_vm_edit_follow_engine (self->edit, aero_engine_get_engine_version (self->engine));
  setup_form (self);
}

static void
load (AeroVmDialog *self)
{
  hide_error (self);
  gtk_stack_set_visible_child_name (self->main_stack, "loading");
  gtk_spinner_set_spinning (self->loading_spinner, TRUE);
  set_busy (self, TRUE);

  /* Never edit what a list said: the list may have left the balloon flag
   * out, and an unknown is not a "no". */
  if (self->mode == AERO_VM_EDIT_VM)
    {
      gtk_label_set_text (self->loading_label, _("Loading the virtual machine…"));
      /* Changes waiting for the next restart are what is edited: the
       * values the VM runs with now would hide them. */
      aero_engine_get_vm_for_edit_async (self->engine, aero_vm_get_id (self->vm),
                                         self->cancellable, get_vm_cb, g_object_ref (self));
    }
  else
    {
      gtk_label_set_text (self->loading_label, _("Loading the template…"));
      aero_engine_get_template_async (self->engine, aero_template_get_id (self->tmpl),
                                      self->cancellable, get_template_cb, g_object_ref (self));
    }
}

/* --- saving -------------------------------------------------------------- */

static void
saved (AeroVmDialog *self,
       GObject      *object)
{
  g_signal_emit (self, signals[SAVED], 0, object);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void save (AeroVmDialog *self);

/* Lost updates: the question's answer. Either way the dialog stays open;
 * "Overwrite" saves again at once, "Keep Theirs" puts the engine's
 * values in the form for the admin to look at. */
static void
conflict_answered_cb (AeroVmDialog *self,
                      gboolean      overwrite)
{
  if (overwrite)
    {
      aero_vm_edit_overwrite_conflicts (self->edit);
      save (self);
    }
  else
    {
      aero_vm_edit_keep_theirs (self->edit);
    }
}

static void
save_failed (AeroVmDialog *self,
             const GError *error)
{
  /* Every edit stays where it was; only the banner is new. */
  set_busy (self, FALSE);
  if (g_error_matches (error, AERO_VM_EDIT_ERROR, AERO_VM_EDIT_ERROR_CONFLICT))
    {
      AeroConflictDialog *question =
        aero_conflict_dialog_new (aero_vm_edit_get_conflicts (self->edit));

      gtk_window_set_transient_for (GTK_WINDOW (question), GTK_WINDOW (self));
      g_signal_connect_object (question, "answered",
                               G_CALLBACK (conflict_answered_cb), self, G_CONNECT_SWAPPED);
      gtk_window_present (GTK_WINDOW (question));
      return;
    }
  show_error (self, error);
}

static void
save_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(AeroVmDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GObject) object = NULL;

  object = aero_vm_edit_save_finish (AERO_VM_EDIT (source), result, &error);
  if (is_cancelled (error))
    return;
  if (object == NULL)
    save_failed (self, error);
  else
    saved (self, object);
}

/* One way down: the edit model picks POST or PUT and next_run, and sends
 * only what changed. */
static void
save (AeroVmDialog *self)
{
  if (!aero_vm_edit_get_has_changes (self->edit))
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }

  hide_error (self);
  set_busy (self, TRUE);
  aero_vm_edit_save_async (self->edit, self->engine, self->cancellable,
                           save_cb, g_object_ref (self));
}

static void
pending_confirmed_cb (AeroVmDialog *self,
                      gboolean      apply_later)
{
  aero_vm_edit_set_apply_later (self->edit, apply_later);
  save (self);
}

static void
pending_destroyed_cb (AeroVmDialog *self)
{
  self->pending_dialog = NULL;
}

static void
ask_pending_changes (AeroVmDialog *self)
{
  g_autoptr(GListModel) changes = aero_vm_edit_list_changes_model (self->edit);
  AeroNextRunDialog *dialog = aero_next_run_dialog_new (changes);

  self->pending_dialog = GTK_WINDOW (dialog);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (self));
  g_signal_connect_object (dialog, "confirmed",
                           G_CALLBACK (pending_confirmed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (dialog, "destroy",
                           G_CALLBACK (pending_destroyed_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
dialog_ok (GtkWidget  *widget,
           const char *action_name,
           GVariant   *parameter)
{
  AeroVmDialog *self = AERO_VM_DIALOG (widget);

  if (self->edit == NULL || self->busy)
    return;
  if (!aero_vm_edit_get_valid (self->edit))
    {
      /* OK was tried: every error shows, the required ones too. */
      name_checked (self);
      return;
    }
  if (self->pending_dialog != NULL)
    {
      gtk_window_present (self->pending_dialog);
      return;
    }

  /* A running VM's changes that wait or hot plug are listed first; the
   * answer says whether the hot-pluggable ones wait too. */
  aero_vm_edit_set_apply_later (self->edit, FALSE);
  if (aero_vm_edit_needs_next_run_confirmation (self->edit))
    ask_pending_changes (self);
  else
    save (self);
}

static void
dialog_retry (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  AeroVmDialog *self = AERO_VM_DIALOG (widget);

  if (self->edit == NULL)
    load (self);
  else
    gtk_widget_activate_action (widget, "dialog.ok", NULL);
}

/* --- cancelling ---------------------------------------------------------- */

static gboolean
has_edits (AeroVmDialog *self)
{
  if (self->edit == NULL)
    return FALSE;
  if (aero_vm_edit_get_mode (self->edit) == AERO_VM_EDIT_NEW_VM)
    return self->dirty;
  return aero_vm_edit_get_has_changes (self->edit);
}

static void
discard_response_cb (AeroVmDialog *self,
                     const char   *response)
{
  self->discard_dialog = NULL;
  if (g_strcmp0 (response, "discard") == 0)
    aero_dialogs_close_discarded (GTK_WINDOW (self), self->cancellable);
}

static void
ask_discard (AeroVmDialog *self)
{
  GtkWidget *dialog;

  if (self->discard_dialog != NULL)
    return;

  dialog = GTK_WIDGET (aero_dialogs_new_discard_question (GTK_WINDOW (self)));
  g_signal_connect_object (dialog, "response",
                           G_CALLBACK (discard_response_cb), self, G_CONNECT_SWAPPED);
  self->discard_dialog = GTK_WINDOW (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
dialog_cancel (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AeroVmDialog *self = AERO_VM_DIALOG (widget);

  if (has_edits (self))
    {
      ask_discard (self);
      return;
    }

  g_cancellable_cancel (self->cancellable);
  gtk_window_destroy (GTK_WINDOW (self));
}

static gboolean
aero_vm_dialog_close_request (GtkWindow *window)
{
  AeroVmDialog *self = AERO_VM_DIALOG (window);

  if (has_edits (self))
    {
      ask_discard (self);
      return TRUE;
    }

  g_cancellable_cancel (self->cancellable);
  return GTK_WINDOW_CLASS (aero_vm_dialog_parent_class)->close_request (window);
}

/* --- accessibility ------------------------------------------------------- */

static GtkWidget *
find_list_box (GtkWidget *widget)
{
  if (GTK_IS_LIST_BOX (widget))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_list_box (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}


/* GTK 4.8 names neither the rows of a GtkStackSidebar (screen readers
 * heard three empty list items) nor the list of a preferences group
 * without a title (it fell back to "GtkListBox"). */
static void
name_lists (AeroVmDialog *self)
{
  GtkWidget *list = find_list_box (self->sidebar);
  GtkWidget *row;
  guint i = 0;
  g_autoptr(GtkSelectionModel) pages = gtk_stack_get_pages (self->tabs);

  if (list != NULL)
    for (row = gtk_widget_get_first_child (list); row != NULL; row = gtk_widget_get_next_sibling (row))
      {
        g_autoptr(GObject) page = NULL;

        if (!GTK_IS_LIST_BOX_ROW (row))
          continue;
        page = g_list_model_get_item (G_LIST_MODEL (pages), i++);
        if (page != NULL)
          gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                          GTK_ACCESSIBLE_PROPERTY_LABEL, gtk_stack_page_get_title (GTK_STACK_PAGE (page)),
                                          -1);
      }

  list = find_list_box (self->general_group);
  if (list != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (list),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, _("General"),
                                    -1);
}

/* --- keyboard ------------------------------------------------------------ */

/* In GTK 4 Tab walks every row of a list, and the sidebar switches the
 * page as its rows take focus: Tab from "System" selected "Resource
 * Allocation", so the System page could not be reached without a mouse.
 * As in a tab strip, the arrows move between tabs and Tab enters the
 * page shown. */
static void
dialog_focus_page (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  AeroVmDialog *self = AERO_VM_DIALOG (widget);
  GtkWidget *page = gtk_stack_get_visible_child (self->tabs);

  if (page == NULL || !gtk_widget_child_focus (page, GTK_DIR_TAB_FORWARD))
    gtk_widget_child_focus (GTK_WIDGET (self), GTK_DIR_TAB_FORWARD);
}

static void
setup_sidebar_keys (AeroVmDialog *self)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();
  GtkShortcut *shortcut;

  shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Tab, 0),
                               gtk_named_action_new ("dialog.focus-page"));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), shortcut);
  shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_KP_Tab, 0),
                               gtk_named_action_new ("dialog.focus-page"));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), shortcut);
  /* Before the list box sees the key. */
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  gtk_widget_add_controller (self->sidebar, controller);
}

/* --- narrow screens ------------------------------------------------------ */

/* Below this width the tabs go above the form instead of beside it. */
#define NARROW_WIDTH 560

static int
sidebar_rows_height (GtkWidget *sidebar)
{
  GtkWidget *list = find_list_box (sidebar);
  int natural = -1;

  if (list != NULL)
    gtk_widget_measure (list, GTK_ORIENTATION_VERTICAL, -1, NULL, &natural, NULL, NULL);
  return natural;
}

static gboolean
apply_layout_cb (gpointer user_data)
{
  AeroVmDialog *self = user_data;

  self->layout_idle = 0;
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self->form_box),
                                  self->narrow ? GTK_ORIENTATION_VERTICAL : GTK_ORIENTATION_HORIZONTAL);
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self->sidebar_separator),
                                  self->narrow ? GTK_ORIENTATION_HORIZONTAL : GTK_ORIENTATION_VERTICAL);
  /* Above the form the sidebar would shrink to one row: ask for all of
   * its rows (its list scrolls inside it). */
  gtk_widget_set_size_request (self->sidebar, self->narrow ? -1 : 180,
                               self->narrow ? sidebar_rows_height (self->sidebar) : -1);

  return G_SOURCE_REMOVE;
}

/* GTK 4.8 and libadwaita 1.2 have no breakpoints: the layout follows the
 * allocated width, changed after the allocation and never during it. */
static void
aero_vm_dialog_size_allocate (GtkWidget *widget,
                              int        width,
                              int        height,
                              int        baseline)
{
  AeroVmDialog *self = AERO_VM_DIALOG (widget);
  gboolean narrow = width < NARROW_WIDTH;

  GTK_WIDGET_CLASS (aero_vm_dialog_parent_class)->size_allocate (widget, width, height, baseline);

  if (narrow != self->narrow)
    {
      self->narrow = narrow;
      if (self->layout_idle == 0)
        self->layout_idle = g_idle_add (apply_layout_cb, self);
    }
}

/* --- GObject ------------------------------------------------------------- */

static void
aero_vm_dialog_dispose (GObject *object)
{
  AeroVmDialog *self = AERO_VM_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  if (self->pending_dialog != NULL)
    gtk_window_destroy (self->pending_dialog);
  if (self->discard_dialog != NULL)
    gtk_window_destroy (self->discard_dialog);
  self->pending_dialog = NULL;
  self->discard_dialog = NULL;
  g_clear_weak_pointer (&self->saved_focus);
  g_clear_handle_id (&self->layout_idle, g_source_remove);

  gtk_widget_dispose_template (GTK_WIDGET (self), AERO_TYPE_VM_DIALOG);

  G_OBJECT_CLASS (aero_vm_dialog_parent_class)->dispose (object);
}

static void
aero_vm_dialog_finalize (GObject *object)
{
  AeroVmDialog *self = AERO_VM_DIALOG (object);

  g_clear_object (&self->engine);
  g_clear_object (&self->clusters);
  g_clear_object (&self->cluster_choices);
  g_clear_pointer (&self->custom_versions, g_ptr_array_unref);
  g_clear_object (&self->templates);
  g_clear_object (&self->vm);
  g_clear_object (&self->tmpl);
  g_clear_object (&self->edit);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (aero_vm_dialog_parent_class)->finalize (object);
}

static void
aero_vm_dialog_class_init (AeroVmDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = aero_vm_dialog_dispose;
  object_class->finalize = aero_vm_dialog_finalize;
  window_class->close_request = aero_vm_dialog_close_request;
  widget_class->size_allocate = aero_vm_dialog_size_allocate;

  signals[LOADED] =
    g_signal_new ("loaded",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
  signals[SAVED] =
    g_signal_new ("saved",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_OBJECT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/aerostat/Aerostat/ui/aero-vm-dialog.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, AeroVmDialog, name)
  BIND (window_title);
  BIND (saving_spinner);
  BIND (banner_revealer);
  BIND (banner_reason);
  BIND (banner_detail);
  BIND (banner_retry);
  BIND (main_stack);
  BIND (loading_spinner);
  BIND (loading_label);
  BIND (tabs);
  BIND (form_box);
  BIND (general_group);
  BIND (next_run_group);
  BIND (sidebar);
  BIND (sidebar_separator);
  BIND (general_tab);
  BIND (system_tab);
  BIND (resources_tab);
  BIND (cluster_row);
  BIND (cluster_error_row);
  BIND (cluster_error);
  BIND (custom_compat_row);
  BIND (template_row);
  BIND (name_row);
  BIND (name_error_row);
  BIND (name_error);
  BIND (description_row);
  BIND (comment_row);
  BIND (type_row);
  BIND (memory_row);
  BIND (memory_spin);
  BIND (memory_error_row);
  BIND (memory_error);
  BIND (memory_note_row);
  BIND (memory_note);
  BIND (max_memory_row);
  BIND (max_memory_spin);
  BIND (max_memory_error_row);
  BIND (max_memory_error);
  BIND (max_memory_reason_row);
  BIND (max_memory_reason);
  BIND (sockets_spin);
  BIND (cores_spin);
  BIND (threads_spin);
  BIND (cpu_error_row);
  BIND (cpu_error);
  BIND (resources_reason);
  BIND (resources_page);
  BIND (shares_row);
  BIND (custom_shares_row);
  BIND (custom_shares_spin);
  BIND (guaranteed_row);
  BIND (guaranteed_spin);
  BIND (guaranteed_error_row);
  BIND (guaranteed_error);
  BIND (balloon_check);
  BIND (balloon_reason);
#undef BIND

  gtk_widget_class_install_action (widget_class, "dialog.ok", NULL, dialog_ok);
  gtk_widget_class_install_action (widget_class, "dialog.cancel", NULL, dialog_cancel);
  gtk_widget_class_install_action (widget_class, "dialog.retry", NULL, dialog_retry);
  gtk_widget_class_install_action (widget_class, "dialog.focus-page", NULL, dialog_focus_page);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "dialog.cancel", NULL);
}

static void
aero_vm_dialog_init (AeroVmDialog *self)
{
  GtkSpinButton *spins[] = {
    NULL, NULL, NULL, NULL, NULL, NULL, NULL,
  };

  gtk_widget_init_template (GTK_WIDGET (self));
  aero_dialogs_wrap_check_buttons (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();

  spins[0] = self->memory_spin;
  spins[1] = self->max_memory_spin;
  spins[2] = self->guaranteed_spin;
  spins[3] = self->sockets_spin;
  spins[4] = self->cores_spin;
  spins[5] = self->threads_spin;
  spins[6] = self->custom_shares_spin;
  for (guint i = 0; i < G_N_ELEMENTS (spins); i++)
    spin_activates_default (spins[i]);
  name_lists (self);
  /* Last: after every name above is given. */
  aero_accessible_single_names (GTK_WIDGET (self));
  setup_sidebar_keys (self);

  /* Leaving the name, filled or not, is having been there. The focus
   * widget is watched, not focus events: those also come when the window
   * merely stops being the active one. */
  g_signal_connect (self, "notify::focus-widget", G_CALLBACK (focus_widget_changed_cb), NULL);

  update_actions (self);
}

static AeroVmDialog *
create (AeroEngine     *engine,
        GListModel     *clusters,
        AeroVmEditMode  mode)
{
  AeroVmDialog *self = g_object_new (AERO_TYPE_VM_DIALOG, NULL);
  GtkSorter *sorter;

  self->engine = g_object_ref (engine);
  self->clusters = g_object_ref (clusters);
  /* The Cluster drop-down lists clusters by name, as oVirt does. */
  sorter = GTK_SORTER (gtk_string_sorter_new (gtk_property_expression_new (AERO_TYPE_CLUSTER, NULL, "name")));
  self->cluster_choices = G_LIST_MODEL (gtk_sort_list_model_new (g_object_ref (clusters), sorter));
  self->mode = mode;

  return self;
}

AeroVmDialog *
aero_vm_dialog_new_for_new_vm (AeroEngine *engine,
                               GListModel *clusters,
                               GListModel *templates)
{
  AeroVmDialog *self;

  g_return_val_if_fail (AERO_IS_ENGINE (engine), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (clusters), NULL);
  g_return_val_if_fail (templates == NULL || G_IS_LIST_MODEL (templates), NULL);

  self = create (engine, clusters, AERO_VM_EDIT_NEW_VM);
  if (templates != NULL)
    self->templates = g_object_ref (templates);
  else
    self->templates = G_LIST_MODEL (g_list_store_new (AERO_TYPE_TEMPLATE));

  set_titles (self);
  self->edit = aero_vm_edit_new_for_new_vm (self->clusters, self->templates,
                                            aero_engine_get_blank_template_id (engine));
  aero_vm_edit_follow_engine (self->edit, aero_engine_get_engine_version (engine));
  setup_form (self);

  return self;
}

AeroVmDialog *
aero_vm_dialog_new_for_vm (AeroEngine *engine,
                           AeroVm     *vm,
                           GListModel *clusters)
{
  AeroVmDialog *self;

  g_return_val_if_fail (AERO_IS_ENGINE (engine), NULL);
  g_return_val_if_fail (AERO_IS_VM (vm), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (clusters), NULL);

  self = create (engine, clusters, AERO_VM_EDIT_VM);
  self->vm = g_object_ref (vm);
  set_titles (self);
  load (self);

  return self;
}

AeroVmDialog *
aero_vm_dialog_new_for_template (AeroEngine   *engine,
                                 AeroTemplate *tmpl,
                                 GListModel   *clusters)
{
  AeroVmDialog *self;

  g_return_val_if_fail (AERO_IS_ENGINE (engine), NULL);
  g_return_val_if_fail (AERO_IS_TEMPLATE (tmpl), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (clusters), NULL);

  self = create (engine, clusters, AERO_VM_EDIT_TEMPLATE);
  self->tmpl = g_object_ref (tmpl);
  set_titles (self);
  load (self);

  return self;
}

AeroVmEdit *
aero_vm_dialog_get_edit (AeroVmDialog *self)
{
  g_return_val_if_fail (AERO_IS_VM_DIALOG (self), NULL);

  return self->edit;
}

GtkWindow *
aero_vm_dialog_get_pending_dialog (AeroVmDialog *self)
{
  g_return_val_if_fail (AERO_IS_VM_DIALOG (self), NULL);

  return self->pending_dialog;
}

GtkWindow *
aero_vm_dialog_get_discard_dialog (AeroVmDialog *self)
{
  g_return_val_if_fail (AERO_IS_VM_DIALOG (self), NULL);

  return self->discard_dialog;
}

gboolean
aero_vm_dialog_get_busy (AeroVmDialog *self)
{
  g_return_val_if_fail (AERO_IS_VM_DIALOG (self), FALSE);

  return self->busy;
}
