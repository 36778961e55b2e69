/* aero-vm-general-section.c - the General tab of the VM dialog
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "aero-accessible.h"
#include "aero-vm-general-section.h"

struct _AeroVmGeneralSection
{
  AeroVmSection   parent_instance;
  GListModel     *cluster_choices;  /* the drop-down's: by name */
  GPtrArray      *custom_versions;  /* AeroVersion, the row's items after "None" */
  /* The admin has been at the name (typed, or left it) or tried OK: only
   * then does a required-field error show, not when New VM opens. */
  gboolean        name_checked;
  gboolean        name_has_focus;
  /* The engine refused the name (a name in use): said beside it. */
  char           *name_fault;
  gboolean        needs_attention;

  GtkWidget      *next_run_group;
  GtkWidget      *general_group;
  AdwComboRow    *cluster_row;
  GtkWidget      *cluster_error_row;
  GtkLabel       *cluster_error;
  AdwComboRow    *custom_compat_row;
  AdwComboRow    *template_row;
  AdwEntryRow    *name_row;
  GtkWidget      *name_error_row;
  GtkLabel       *name_error;
  AdwEntryRow    *description_row;
  AdwEntryRow    *comment_row;
  AdwComboRow    *type_row;
};

G_DEFINE_FINAL_TYPE (AeroVmGeneralSection, aero_vm_general_section, AERO_TYPE_VM_SECTION)

enum {
  PROP_0,
  PROP_NEEDS_ATTENTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* --- transforms ---------------------------------------------------------- */

/* The "Optimized for" rows in order: Desktop, Server, High Performance. */
static gboolean
type_to_selected (GBinding     *binding,
                  const GValue *from,
                  GValue       *to,
                  gpointer      user_data)
{
  switch (g_value_get_enum (from))
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
  g_value_set_enum (to, types[position]);
  return TRUE;
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
  AeroVmGeneralSection *self = user_data;
  AeroVersion *version = g_value_get_object (from);
  guint position = 0;

  if (version != NULL && self->custom_versions != NULL)
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
  AeroVmGeneralSection *self = user_data;
  guint position = g_value_get_uint (from);

  if (self->custom_versions == NULL || position == GTK_INVALID_LIST_POSITION
      || position > self->custom_versions->len)
    return FALSE;
  g_value_set_object (to, position == 0 ? NULL : g_ptr_array_index (self->custom_versions, position - 1));
  return TRUE;
}

static guint
cluster_choice_position (AeroVmGeneralSection *self,
                         AeroCluster          *cluster)
{
  guint n;

  if (cluster == NULL || self->cluster_choices == NULL)
    return GTK_INVALID_LIST_POSITION;
  n = g_list_model_get_n_items (self->cluster_choices);
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
  AeroVmGeneralSection *self = user_data;
  guint position = g_value_get_uint (from);

  /* No selection (a VM whose cluster is not listed) changes nothing. */
  if (self->cluster_choices == NULL || position >= g_list_model_get_n_items (self->cluster_choices))
    return FALSE;
  g_value_take_object (to, g_list_model_get_item (self->cluster_choices, position));
  return TRUE;
}

/* --- errors -------------------------------------------------------------- */

static void
errors_changed (AeroVmGeneralSection *self)
{
  AeroVmEdit *edit = aero_vm_section_get_edit (AERO_VM_SECTION (self));
  const char *cluster_error = aero_vm_edit_get_cluster_error (edit);
  const char *name_error = self->name_checked ? aero_vm_edit_get_name_error (edit) : NULL;
  gboolean needs_attention;

  /* The form's own rule first: an empty name is no name in use. */
  if (name_error == NULL)
    name_error = self->name_fault;
  aero_vm_section_show_row_text (self->cluster_error_row, self->cluster_error, cluster_error);
  aero_vm_section_show_row_text (self->name_error_row, self->name_error, name_error);

  /* Seen and heard: the error style, and for a screen reader the field
   * is invalid and described by the reason. */
  if (name_error != NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->name_row), "error");
      gtk_accessible_update_state (GTK_ACCESSIBLE (self->name_row),
                                   GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE,
                                   -1);
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->name_row), "error");
      gtk_accessible_reset_state (GTK_ACCESSIBLE (self->name_row), GTK_ACCESSIBLE_STATE_INVALID);
    }
  aero_accessible_describe (GTK_WIDGET (self->name_row), name_error);

  /* OK may be greyed by a field on this tab while another is shown: the
   * sidebar marks the tab that holds the reason. */
  needs_attention = name_error != NULL || cluster_error != NULL;
  if (needs_attention != self->needs_attention)
    {
      self->needs_attention = needs_attention;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NEEDS_ATTENTION]);
    }
}

static void
name_checked (AeroVmGeneralSection *self)
{
  AeroVmEdit *edit = aero_vm_section_get_edit (AERO_VM_SECTION (self));
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  /* Focus also leaves while the dialog goes away. */
  if (self->name_checked || edit == NULL || self->name_error == NULL
      || (root != NULL && gtk_widget_in_destruction (GTK_WIDGET (root))))
    return;
  self->name_checked = TRUE;
  errors_changed (self);
}

/* Leaving the name, filled or not, is having been there. The focus
 * widget is watched, not focus events: those also come when the window
 * merely stops being the active one. */
static void
focus_widget_changed_cb (AeroVmGeneralSection *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  gboolean inside = focus != NULL && self->name_row != NULL
                    && (focus == GTK_WIDGET (self->name_row)
                        || gtk_widget_is_ancestor (focus, GTK_WIDGET (self->name_row)));

  if (self->name_has_focus && !inside)
    name_checked (self);
  self->name_has_focus = inside;
}

/* "None", then the levels the edit model offers: the VM's own level,
 * which overrides its cluster's, is seen and changed here. */
static void
setup_custom_compatibility (AeroVmGeneralSection *self)
{
  AeroVmEdit *edit = aero_vm_section_get_edit (AERO_VM_SECTION (self));
  g_autoptr(GtkStringList) items = gtk_string_list_new (NULL);

  g_clear_pointer (&self->custom_versions, g_ptr_array_unref);
  self->custom_versions = aero_vm_edit_list_custom_versions (edit);
  /* TRANSLATORS: no custom compatibility version: the cluster's applies */
  gtk_string_list_append (items, _("None"));
  for (guint i = 0; i < self->custom_versions->len; i++)
    {
      g_autofree char *text = aero_version_to_string (g_ptr_array_index (self->custom_versions, i));

      gtk_string_list_append (items, text);
    }
  adw_combo_row_set_model (self->custom_compat_row, G_LIST_MODEL (items));
}

/* The drop-downs get their models before the bindings select in them. */
static void
section_setup (AeroVmSection *section,
               AeroVmEdit    *edit)
{
  AeroVmGeneralSection *self = AERO_VM_GENERAL_SECTION (section);
  GListModel *templates;
  GtkExpression *expression;
  GtkSorter *sorter;
  AeroVm *vm;

  /* The Cluster drop-down lists clusters by name, as oVirt does. */
  g_clear_object (&self->cluster_choices);
  sorter = GTK_SORTER (gtk_string_sorter_new (gtk_property_expression_new (AERO_TYPE_CLUSTER, NULL, "name")));
  self->cluster_choices = G_LIST_MODEL (gtk_sort_list_model_new (g_object_ref (aero_vm_edit_get_clusters (edit)),
                                                                 sorter));
  expression = gtk_property_expression_new (AERO_TYPE_CLUSTER, NULL, "label");
  adw_combo_row_set_expression (self->cluster_row, expression);
  gtk_expression_unref (expression);
  adw_combo_row_set_model (self->cluster_row, self->cluster_choices);

  /* Without templates a new VM starts from oVirt's Blank defaults, and an
   * empty drop-down would only puzzle. */
  templates = aero_vm_edit_get_templates (edit);
  gtk_widget_set_visible (GTK_WIDGET (self->template_row),
                          templates != NULL && g_list_model_get_n_items (templates) > 0);
  if (templates != NULL)
    {
      expression = gtk_property_expression_new (AERO_TYPE_TEMPLATE, NULL, "name");
      adw_combo_row_set_expression (self->template_row, expression);
      gtk_expression_unref (expression);
      adw_combo_row_set_model (self->template_row, templates);
      g_object_bind_property (edit, "template-position", self->template_row, "selected",
                              G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
    }

  setup_custom_compatibility (self);

  /* Say that the form holds what waits for the restart, not what runs
   * (aero_engine_get_vm_for_edit_async() loaded that). */
  vm = aero_vm_edit_get_vm (edit);
  gtk_widget_set_visible (self->next_run_group,
                          aero_vm_edit_get_mode (edit) == AERO_VM_EDIT_VM && vm != NULL
                          && aero_vm_get_next_run_pending (vm));
}

/* The signal group is bound to the edit: show its state at once. */
static void
section_sync (AeroVmSection *section)
{
  AeroVmGeneralSection *self = AERO_VM_GENERAL_SECTION (section);

  errors_changed (self);
}

/* --- GObject ------------------------------------------------------------- */

static void
aero_vm_general_section_root (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (aero_vm_general_section_parent_class)->root (widget);

  g_signal_connect_object (gtk_widget_get_root (widget), "notify::focus-widget",
                           G_CALLBACK (focus_widget_changed_cb), widget, G_CONNECT_SWAPPED);
}

static void
aero_vm_general_section_unroot (GtkWidget *widget)
{
  g_signal_handlers_disconnect_by_func (gtk_widget_get_root (widget),
                                        focus_widget_changed_cb, widget);

  GTK_WIDGET_CLASS (aero_vm_general_section_parent_class)->unroot (widget);
}

static void
aero_vm_general_section_dispose (GObject *object)
{
  AeroVmGeneralSection *self = AERO_VM_GENERAL_SECTION (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), AERO_TYPE_VM_GENERAL_SECTION);

  G_OBJECT_CLASS (aero_vm_general_section_parent_class)->dispose (object);
}

static void
aero_vm_general_section_finalize (GObject *object)
{
  AeroVmGeneralSection *self = AERO_VM_GENERAL_SECTION (object);

  g_clear_object (&self->cluster_choices);
  g_clear_pointer (&self->custom_versions, g_ptr_array_unref);
  g_clear_pointer (&self->name_fault, g_free);

  G_OBJECT_CLASS (aero_vm_general_section_parent_class)->finalize (object);
}

static void
aero_vm_general_section_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  AeroVmGeneralSection *self = AERO_VM_GENERAL_SECTION (object);

  switch (prop_id)
    {
    case PROP_NEEDS_ATTENTION:
      g_value_set_boolean (value, self->needs_attention);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
aero_vm_general_section_class_init (AeroVmGeneralSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  AeroVmSectionClass *section_class = AERO_VM_SECTION_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = aero_vm_general_section_dispose;
  object_class->finalize = aero_vm_general_section_finalize;
  object_class->get_property = aero_vm_general_section_get_property;
  section_class->setup = section_setup;
  section_class->sync = section_sync;
  widget_class->root = aero_vm_general_section_root;
  widget_class->unroot = aero_vm_general_section_unroot;

  properties[PROP_NEEDS_ATTENTION] =
    g_param_spec_boolean ("needs-attention", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/aerostat/Aerostat/ui/aero-vm-general-section.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, AeroVmGeneralSection, name)
  BIND (next_run_group);
  BIND (general_group);
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
#undef BIND
}

static void
aero_vm_general_section_init (AeroVmGeneralSection *self)
{
  GBindingGroup *bindings = aero_vm_section_get_bindings (AERO_VM_SECTION (self));
  GSignalGroup *signals = aero_vm_section_get_signals (AERO_VM_SECTION (self));
  GBindingFlags both = G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE;
  GtkWidget *list;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* GTK 4.8 names no list of a preferences group without a title: it
   * fell back to "GtkListBox". */
  list = aero_accessible_find_list_box (self->general_group);
  if (list != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (list),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, _("General"),
                                    -1);

  /* Bound when the edit is set, after section_setup () gave the
   * drop-downs their models. By item: the drop-down's order is its own. */
  g_binding_group_bind_full (bindings, "cluster", self->cluster_row, "selected",
                             both, cluster_to_selected, selected_to_cluster, self, NULL);
  g_binding_group_bind_full (bindings, "custom-compatibility-version",
                             self->custom_compat_row, "selected",
                             both, custom_version_to_selected, selected_to_custom_version,
                             self, NULL);
  g_binding_group_bind (bindings, "name", self->name_row, "text", both);
  g_binding_group_bind (bindings, "description", self->description_row, "text", both);
  g_binding_group_bind (bindings, "comment", self->comment_row, "text", both);
  g_binding_group_bind_full (bindings, "vm-type", self->type_row, "selected",
                             both, type_to_selected, selected_to_type, NULL, NULL);

  g_signal_group_connect_swapped (signals, "notify::cluster-error",
                                  G_CALLBACK (errors_changed), self);
  g_signal_group_connect_swapped (signals, "notify::name-error",
                                  G_CALLBACK (errors_changed), self);
  g_signal_group_connect_swapped (signals, "notify::valid",
                                  G_CALLBACK (errors_changed), self);
  g_signal_group_connect_swapped (signals, "notify::name",
                                  G_CALLBACK (name_checked), self);
}

gboolean
aero_vm_general_section_get_needs_attention (AeroVmGeneralSection *self)
{
  g_return_val_if_fail (AERO_IS_VM_GENERAL_SECTION (self), FALSE);

  return self->needs_attention;
}

void
aero_vm_general_section_check_name (AeroVmGeneralSection *self)
{
  g_return_if_fail (AERO_IS_VM_GENERAL_SECTION (self));

  name_checked (self);
}

void
aero_vm_general_section_mark_name (AeroVmGeneralSection *self,
                                   const char           *message)
{
  AeroVmEdit *edit = aero_vm_section_get_edit (AERO_VM_SECTION (self));

  g_return_if_fail (AERO_IS_VM_GENERAL_SECTION (self));

  if (edit == NULL)
    return;
  g_free (self->name_fault);
  self->name_fault = g_strdup (message);
  errors_changed (self);
}

void
aero_vm_general_section_focus_name (AeroVmGeneralSection *self)
{
  g_return_if_fail (AERO_IS_VM_GENERAL_SECTION (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
}
