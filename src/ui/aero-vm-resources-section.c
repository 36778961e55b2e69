/* aero-vm-resources-section.c - the Resource Allocation tab of the VM dialog
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "aero-accessible.h"
#include "aero-format.h"
#include "aero-vm-resources-section.h"

struct _AeroVmResourcesSection
{
  AeroVmSection   parent_instance;

  GtkLabel       *resources_reason;
  GtkWidget      *resources_page;
  AdwComboRow    *shares_row;
  GtkWidget      *custom_shares_row;
  GtkSpinButton  *custom_shares_spin;
  AdwActionRow   *guaranteed_row;
  GtkSpinButton  *guaranteed_spin;
  GtkWidget      *guaranteed_error_row;
  GtkLabel       *guaranteed_error;
  GtkCheckButton *balloon_check;
  GtkLabel       *balloon_reason;
};

G_DEFINE_FINAL_TYPE (AeroVmResourcesSection, aero_vm_resources_section, AERO_TYPE_VM_SECTION)

/* --- transforms ---------------------------------------------------------- */

/* The CPU shares levels are the drop-down's positions, in order. */
static gboolean
level_to_selected (GBinding     *binding,
                   const GValue *from,
                   GValue       *to,
                   gpointer      user_data)
{
  g_value_set_uint (to, (guint) g_value_get_enum (from));
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
  g_value_set_enum (to, (int) position);
  return TRUE;
}

/* --- gates and errors ---------------------------------------------------- */

/* A greyed row does not grey its spin button for assistive technologies
 * (GTK 4.8 reports the spin button's own sensitivity): grey both. */
static void
greyed_spins_update (AeroVmResourcesSection *self)
{
  AeroVmEdit *edit = aero_vm_section_get_edit (AERO_VM_SECTION (self));
  gboolean resources = aero_vm_edit_get_resource_allocation_editable (edit);
  gboolean custom = aero_vm_edit_get_cpu_shares_level (edit) == AERO_CPU_SHARES_CUSTOM;

  gtk_widget_set_sensitive (GTK_WIDGET (self->custom_shares_row), custom);
  gtk_widget_set_sensitive (GTK_WIDGET (self->custom_shares_spin), resources && custom);
  gtk_widget_set_sensitive (GTK_WIDGET (self->guaranteed_spin), resources);
}

static void
balloon_gate_changed (AeroVmResourcesSection *self)
{
  AeroVmEdit *edit = aero_vm_section_get_edit (AERO_VM_SECTION (self));
  const char *reason = aero_vm_edit_get_ballooning_reason (edit);

  /* A template's whole tab is greyed with its own reason: a second one
   * about the level (of a template that may have no cluster: "this
   * cluster: unknown") would only confuse. */
  if (!aero_vm_edit_get_resource_allocation_editable (edit))
    reason = aero_vm_edit_get_resource_allocation_reason (edit);

  gtk_widget_set_sensitive (GTK_WIDGET (self->balloon_check),
                            aero_vm_edit_get_ballooning_sensitive (edit));
  gtk_label_set_text (self->balloon_reason, reason != NULL ? reason : "");
  gtk_widget_set_visible (GTK_WIDGET (self->balloon_reason),
                          reason != NULL && aero_vm_edit_get_resource_allocation_editable (edit));

  /* Screen readers hear why the box is greyed, not only sighted users. */
  aero_accessible_describe (GTK_WIDGET (self->balloon_check), reason);
}

static void
resources_gate_changed (AeroVmResourcesSection *self)
{
  AeroVmEdit *edit = aero_vm_section_get_edit (AERO_VM_SECTION (self));
  gboolean editable = aero_vm_edit_get_resource_allocation_editable (edit);
  const char *reason = aero_vm_edit_get_resource_allocation_reason (edit);

  gtk_widget_set_sensitive (self->resources_page, editable);
  gtk_label_set_text (self->resources_reason, reason != NULL ? reason : "");
  gtk_widget_set_visible (GTK_WIDGET (self->resources_reason), !editable && reason != NULL);
  aero_accessible_describe (GTK_WIDGET (self->resources_page), reason);
}

static void
guaranteed_error_changed (AeroVmResourcesSection *self)
{
  AeroVmEdit *edit = aero_vm_section_get_edit (AERO_VM_SECTION (self));
  const char *error = aero_vm_edit_get_guaranteed_error (edit);

  aero_vm_section_show_row_text (self->guaranteed_error_row, self->guaranteed_error, error);
}

static void
resource_allocation_changed (AeroVmResourcesSection *self)
{
  greyed_spins_update (self);
  resources_gate_changed (self);
  balloon_gate_changed (self);
}

/* The signal group is bound to a new edit: show its state at once. */
static void
section_sync (AeroVmSection *section)
{
  AeroVmResourcesSection *self = AERO_VM_RESOURCES_SECTION (section);

  resource_allocation_changed (self);
  guaranteed_error_changed (self);
}

/* --- GObject ------------------------------------------------------------- */

static void
aero_vm_resources_section_dispose (GObject *object)
{
  AeroVmResourcesSection *self = AERO_VM_RESOURCES_SECTION (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), AERO_TYPE_VM_RESOURCES_SECTION);

  G_OBJECT_CLASS (aero_vm_resources_section_parent_class)->dispose (object);
}

static void
aero_vm_resources_section_class_init (AeroVmResourcesSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  AeroVmSectionClass *section_class = AERO_VM_SECTION_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = aero_vm_resources_section_dispose;
  section_class->sync = section_sync;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/aerostat/Aerostat/ui/aero-vm-resources-section.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, AeroVmResourcesSection, name)
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
}

static void
aero_vm_resources_section_init (AeroVmResourcesSection *self)
{
  GBindingGroup *bindings = aero_vm_section_get_bindings (AERO_VM_SECTION (self));
  GSignalGroup *signals = aero_vm_section_get_signals (AERO_VM_SECTION (self));
  GBindingFlags both = G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE;

  gtk_widget_init_template (GTK_WIDGET (self));
  aero_accessible_spin_activates_default (self->custom_shares_spin);
  aero_accessible_spin_activates_default (self->guaranteed_spin);

  /* The base made the groups; they follow whichever edit is set. */
  g_binding_group_bind_full (bindings, "cpu-shares-level", self->shares_row, "selected",
                             both, level_to_selected, selected_to_level, NULL, NULL);
  g_binding_group_bind (bindings, "cpu-shares",
                        gtk_spin_button_get_adjustment (self->custom_shares_spin), "value", both);
  g_binding_group_bind (bindings, "guaranteed-mb",
                        gtk_spin_button_get_adjustment (self->guaranteed_spin), "value", both);
  g_binding_group_bind_full (bindings, "guaranteed-mb", self->guaranteed_row, "subtitle",
                             G_BINDING_SYNC_CREATE, aero_format_mib_binding, NULL, NULL, NULL);
  g_binding_group_bind (bindings, "ballooning", self->balloon_check, "active", both);

  g_signal_group_connect_swapped (signals, "notify::cpu-shares-level",
                                  G_CALLBACK (greyed_spins_update), self);
  g_signal_group_connect_swapped (signals, "notify::resource-allocation-editable",
                                  G_CALLBACK (resource_allocation_changed), self);
  g_signal_group_connect_swapped (signals, "notify::ballooning-sensitive",
                                  G_CALLBACK (balloon_gate_changed), self);
  g_signal_group_connect_swapped (signals, "notify::ballooning-reason",
                                  G_CALLBACK (balloon_gate_changed), self);
  g_signal_group_connect_swapped (signals, "notify::guaranteed-error",
                                  G_CALLBACK (guaranteed_error_changed), self);
}

