/* aero-vm-dialog.c - New / Edit VM, and Edit Template
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "aero-accessible.h"
#include "aero-conflict-dialog.h"
#include "aero-next-run-dialog.h"
#include "aero-format.h"
#include "aero-vm-dialog.h"
#include "aero-vm-edit-engine.h"
#include "aero-vm-general-section.h"
#include "aero-vm-resources-section.h"
#include "aero-vm-system-section.h"

struct _AeroVmDialog
{
  AeroEditDialog     parent_instance;

  AeroEngine        *engine;
  GListModel        *clusters;
  GListModel        *templates;
  AeroVm            *vm;        /* as handed in, before the GET */
  AeroTemplate      *tmpl;      /* idem, template mode */
  AeroVmEditMode     mode;
  AeroVmEdit        *edit;
  gboolean           dirty;     /* the user touched a new VM's form */
  GtkWindow         *pending_dialog;

  AdwWindowTitle    *window_title;
  GtkStack          *main_stack;
  GtkSpinner        *loading_spinner;
  GtkLabel          *loading_label;
  GtkStack          *tabs;
  GtkWidget         *form_box;
  GtkWidget         *sidebar;
  GtkWidget         *sidebar_separator;
  gboolean           narrow;
  guint              layout_idle;

  GtkStackPage      *general_tab;
  GtkStackPage      *system_tab;
  GtkStackPage      *resources_tab;

  AeroVmGeneralSection   *general_section;
  AeroVmSystemSection    *system_section;
  AeroVmResourcesSection *resources_section;
};

G_DEFINE_FINAL_TYPE (AeroVmDialog, aero_vm_dialog, AERO_TYPE_EDIT_DIALOG)

enum {
  LOADED,
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void load (AeroEditDialog *dialog);

/* --- state --------------------------------------------------------------- */

static void
update_actions (AeroVmDialog *self)
{
  aero_edit_dialog_update_actions (AERO_EDIT_DIALOG (self));
}

static void
set_busy (AeroVmDialog *self,
          gboolean      busy)
{
  aero_edit_dialog_set_busy (AERO_EDIT_DIALOG (self), busy);
}

static gboolean
aero_vm_dialog_is_ready (AeroEditDialog *dialog)
{
  return AERO_VM_DIALOG (dialog)->edit != NULL;
}

static gboolean
aero_vm_dialog_is_valid (AeroEditDialog *dialog)
{
  AeroVmDialog *self = AERO_VM_DIALOG (dialog);

  return self->edit != NULL && aero_vm_edit_get_valid (self->edit);
}

/* --- bindings to the edit model ------------------------------------------ */

static void
errors_changed (AeroVmDialog *self)
{
  /* OK may be greyed by a field on another tab: the sidebar marks the
   * tab that holds the reason (General marks itself). */
  gtk_stack_page_set_needs_attention (self->system_tab,
                                      aero_vm_edit_get_memory_error (self->edit) != NULL
                                      || aero_vm_edit_get_max_memory_error (self->edit) != NULL
                                      || aero_vm_edit_get_cpu_error (self->edit) != NULL);
  gtk_stack_page_set_needs_attention (self->resources_tab,
                                      aero_vm_edit_get_guaranteed_error (self->edit) != NULL);

  update_actions (self);
}

/* The name the engine refused is the admin's to change: once changed,
 * the fault no longer holds. */
static void
name_changed (AeroVmDialog *self)
{
  aero_edit_dialog_field_changed (AERO_EDIT_DIALOG (self), "name");
}

static gboolean
aero_vm_dialog_mark_field (AeroEditDialog *dialog,
                           const char     *field,
                           const char     *message)
{
  AeroVmDialog *self = AERO_VM_DIALOG (dialog);

  if (g_strcmp0 (field, "name") != 0 || self->edit == NULL)
    return FALSE;

  aero_vm_general_section_mark_name (self->general_section, message);
  return TRUE;
}

static void
edit_notify_cb (AeroVmDialog *self,
                GParamSpec   *pspec)
{
  /* Any change after the form was set up comes from the user. */
  self->dirty = TRUE;
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
  aero_vm_general_section_focus_name (self->general_section);
}

static void
setup_form (AeroVmDialog *self)
{
  /* The tabs are widgets of their own, bound to the same edit. */
  aero_vm_section_set_edit (AERO_VM_SECTION (self->general_section), self->edit);
  aero_vm_section_set_edit (AERO_VM_SECTION (self->system_section), self->edit);
  aero_vm_section_set_edit (AERO_VM_SECTION (self->resources_section), self->edit);

  /* The attention marks of System and Resource Allocation. */
  g_signal_connect_object (self->edit, "notify::valid",
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

  self->dirty = FALSE;
  g_signal_connect_object (self->edit, "notify",
                           G_CALLBACK (edit_notify_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->edit, "notify::name",
                           G_CALLBACK (name_changed), self, G_CONNECT_SWAPPED);

  gtk_stack_set_visible_child_name (self->main_stack, "form");
  gtk_spinner_set_spinning (self->loading_spinner, FALSE);
  update_actions (self);

  /* Start where the user types: the name. Not before the window is
   * shown: GTK 4.8 then never announces the window to assistive
   * technologies. */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    aero_vm_general_section_focus_name (self->general_section);
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
  if (aero_edit_dialog_error_is_cancelled (error))
    return;

  set_busy (self, FALSE);
  if (vm == NULL)
    {
      gtk_spinner_set_spinning (self->loading_spinner, FALSE);
      gtk_label_set_text (self->loading_label, _("The virtual machine could not be loaded."));
      aero_edit_dialog_show_error (AERO_EDIT_DIALOG (self), error);
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
  if (aero_edit_dialog_error_is_cancelled (error))
    return;

  set_busy (self, FALSE);
  if (tmpl == NULL)
    {
      gtk_spinner_set_spinning (self->loading_spinner, FALSE);
      gtk_label_set_text (self->loading_label, _("The template could not be loaded."));
      aero_edit_dialog_show_error (AERO_EDIT_DIALOG (self), error);
      return;
    }

  g_set_object (&self->tmpl, tmpl);
  set_titles (self);
  self->edit = aero_vm_edit_new_for_template (tmpl, self->clusters);
  aero_vm_edit_follow_engine (self->edit, aero_engine_get_engine_version (self->engine));
  setup_form (self);
}

static void
load (AeroEditDialog *dialog)
{
  AeroVmDialog *self = AERO_VM_DIALOG (dialog);
  GCancellable *cancellable = aero_edit_dialog_get_cancellable (dialog);

  aero_edit_dialog_hide_error (dialog);
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
                                         cancellable, get_vm_cb, g_object_ref (self));
    }
  else
    {
      gtk_label_set_text (self->loading_label, _("Loading the template…"));
      aero_engine_get_template_async (self->engine, aero_template_get_id (self->tmpl),
                                      cancellable, get_template_cb, g_object_ref (self));
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
  aero_edit_dialog_show_error (AERO_EDIT_DIALOG (self), error);
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
  if (aero_edit_dialog_error_is_cancelled (error))
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

  aero_edit_dialog_hide_error (AERO_EDIT_DIALOG (self));
  set_busy (self, TRUE);
  aero_vm_edit_save_async (self->edit, self->engine,
                           aero_edit_dialog_get_cancellable (AERO_EDIT_DIALOG (self)),
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
  g_autofree char *note = aero_vm_edit_dup_memory_copy_note (self->edit);
  AeroNextRunDialog *dialog = aero_next_run_dialog_new (changes);

  aero_next_run_dialog_set_memory_note (dialog, note);

  self->pending_dialog = GTK_WINDOW (dialog);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (self));
  g_signal_connect_object (dialog, "confirmed",
                           G_CALLBACK (pending_confirmed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (dialog, "destroy",
                           G_CALLBACK (pending_destroyed_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* OK was tried: every error shows, the required ones too. */
static void
aero_vm_dialog_reveal_errors (AeroEditDialog *dialog)
{
  aero_vm_general_section_check_name (AERO_VM_DIALOG (dialog)->general_section);
}

static void
aero_vm_dialog_save (AeroEditDialog *dialog)
{
  AeroVmDialog *self = AERO_VM_DIALOG (dialog);

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

/* --- cancelling ---------------------------------------------------------- */

static gboolean
aero_vm_dialog_has_changes (AeroEditDialog *dialog)
{
  AeroVmDialog *self = AERO_VM_DIALOG (dialog);

  if (self->edit == NULL)
    return FALSE;
  if (aero_vm_edit_get_mode (self->edit) == AERO_VM_EDIT_NEW_VM)
    return self->dirty;
  return aero_vm_edit_get_has_changes (self->edit);
}

/* --- accessibility ------------------------------------------------------- */


/* GTK 4.8 does not name the rows of a GtkStackSidebar: screen readers
 * heard three empty list items. */
static void
name_lists (AeroVmDialog *self)
{
  GtkWidget *list = aero_accessible_find_list_box (self->sidebar);
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
  GtkWidget *list = aero_accessible_find_list_box (sidebar);
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

  g_cancellable_cancel (aero_edit_dialog_get_cancellable (AERO_EDIT_DIALOG (self)));
  if (self->pending_dialog != NULL)
    gtk_window_destroy (self->pending_dialog);
  self->pending_dialog = NULL;
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
  g_clear_object (&self->templates);
  g_clear_object (&self->vm);
  g_clear_object (&self->tmpl);
  g_clear_object (&self->edit);

  G_OBJECT_CLASS (aero_vm_dialog_parent_class)->finalize (object);
}

static void
aero_vm_dialog_class_init (AeroVmDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  AeroEditDialogClass *dialog_class = AERO_EDIT_DIALOG_CLASS (klass);

  object_class->dispose = aero_vm_dialog_dispose;
  object_class->finalize = aero_vm_dialog_finalize;
  dialog_class->is_ready = aero_vm_dialog_is_ready;
  dialog_class->is_valid = aero_vm_dialog_is_valid;
  dialog_class->has_changes = aero_vm_dialog_has_changes;
  dialog_class->reveal_errors = aero_vm_dialog_reveal_errors;
  dialog_class->save = aero_vm_dialog_save;
  dialog_class->load = load;
  dialog_class->mark_field = aero_vm_dialog_mark_field;
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

  /* The template holds the tabs by their type names. */
  g_type_ensure (AERO_TYPE_VM_GENERAL_SECTION);
  g_type_ensure (AERO_TYPE_VM_SYSTEM_SECTION);
  g_type_ensure (AERO_TYPE_VM_RESOURCES_SECTION);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/aerostat/Aerostat/ui/aero-vm-dialog.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, AeroVmDialog, name)
  BIND (window_title);
  BIND (main_stack);
  BIND (loading_spinner);
  BIND (loading_label);
  BIND (tabs);
  BIND (form_box);
  BIND (sidebar);
  BIND (sidebar_separator);
  BIND (general_tab);
  BIND (system_tab);
  BIND (resources_tab);
  BIND (general_section);
  BIND (system_section);
  BIND (resources_section);
#undef BIND

  aero_edit_dialog_class_bind_skeleton (widget_class, TRUE);

  gtk_widget_class_install_action (widget_class, "dialog.focus-page", NULL, dialog_focus_page);
}

static void
aero_vm_dialog_init (AeroVmDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  name_lists (self);
  /* Last: after every name above is given. */
  aero_accessible_single_names (GTK_WIDGET (self));
  setup_sidebar_keys (self);

  update_actions (self);
}

static AeroVmDialog *
create (AeroEngine     *engine,
        GListModel     *clusters,
        AeroVmEditMode  mode)
{
  AeroVmDialog *self = g_object_new (AERO_TYPE_VM_DIALOG, NULL);

  self->engine = g_object_ref (engine);
  self->clusters = g_object_ref (clusters);
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
  load (AERO_EDIT_DIALOG (self));

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
  load (AERO_EDIT_DIALOG (self));

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

  return aero_edit_dialog_get_discard_dialog (AERO_EDIT_DIALOG (self));
}

gboolean
aero_vm_dialog_get_busy (AeroVmDialog *self)
{
  g_return_val_if_fail (AERO_IS_VM_DIALOG (self), FALSE);

  return aero_edit_dialog_get_busy (AERO_EDIT_DIALOG (self));
}
