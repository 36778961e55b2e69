/* aero-vm-system-section.c - the System tab of the VM dialog
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "aero-accessible.h"
#include "aero-format.h"
#include "aero-vm-system-section.h"

struct _AeroVmSystemSection
{
  AeroVmSection   parent_instance;

  AdwActionRow   *memory_row;
  GtkSpinButton  *memory_spin;
  GtkWidget      *memory_error_row;
  GtkLabel       *memory_error;
  GtkWidget      *memory_note_row;
  GtkLabel       *memory_note;
  AdwActionRow   *max_memory_row;
  GtkSpinButton  *max_memory_spin;
  GtkWidget      *max_memory_error_row;
  GtkLabel       *max_memory_error;
  GtkWidget      *max_memory_reason_row;
  GtkLabel       *max_memory_reason;
  GtkSpinButton  *sockets_spin;
  GtkSpinButton  *cores_spin;
  GtkSpinButton  *threads_spin;
  GtkWidget      *cpu_error_row;
  GtkLabel       *cpu_error;
};

G_DEFINE_FINAL_TYPE (AeroVmSystemSection, aero_vm_system_section, AERO_TYPE_VM_SECTION)

static void
errors_changed (AeroVmSystemSection *self)
{
  AeroVmEdit *edit = aero_vm_section_get_edit (AERO_VM_SECTION (self));

  aero_vm_section_show_row_text (self->memory_error_row, self->memory_error,
                                 aero_vm_edit_get_memory_error (edit));
  aero_vm_section_show_row_text (self->max_memory_error_row, self->max_memory_error,
                                 aero_vm_edit_get_max_memory_error (edit));
  aero_vm_section_show_row_text (self->cpu_error_row, self->cpu_error,
                                 aero_vm_edit_get_cpu_error (edit));
}

/* What a Memory Size change derived is said right under it, and to
 * screen readers at the spin button: the values may be on another tab. */
static void
memory_note_changed (AeroVmSystemSection *self)
{
  AeroVmEdit *edit = aero_vm_section_get_edit (AERO_VM_SECTION (self));
  const char *note = aero_vm_edit_get_memory_note (edit);

  aero_vm_section_show_row_text (self->memory_note_row, self->memory_note, note);
  aero_accessible_describe (GTK_WIDGET (self->memory_spin), note);
}

static void
max_memory_gate_changed (AeroVmSystemSection *self)
{
  AeroVmEdit *edit = aero_vm_section_get_edit (AERO_VM_SECTION (self));
  const char *reason = aero_vm_edit_get_max_memory_reason (edit);
  gboolean sensitive = aero_vm_edit_get_max_memory_sensitive (edit);

  /* A greyed row does not grey its spin button for assistive
   * technologies (GTK 4.8 reports the spin button's own sensitivity):
   * grey both. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->max_memory_row), sensitive);
  gtk_widget_set_sensitive (GTK_WIDGET (self->max_memory_spin), sensitive);
  aero_vm_section_show_row_text (self->max_memory_reason_row, self->max_memory_reason, reason);
  aero_accessible_describe (GTK_WIDGET (self->max_memory_spin), reason);
}

/* The signal group is bound to a new edit: show its state at once. */
static void
section_sync (AeroVmSection *section)
{
  AeroVmSystemSection *self = AERO_VM_SYSTEM_SECTION (section);

  max_memory_gate_changed (self);
  errors_changed (self);
  memory_note_changed (self);
}

static void
aero_vm_system_section_dispose (GObject *object)
{
  AeroVmSystemSection *self = AERO_VM_SYSTEM_SECTION (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), AERO_TYPE_VM_SYSTEM_SECTION);

  G_OBJECT_CLASS (aero_vm_system_section_parent_class)->dispose (object);
}

static void
aero_vm_system_section_class_init (AeroVmSystemSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  AeroVmSectionClass *section_class = AERO_VM_SECTION_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = aero_vm_system_section_dispose;
  section_class->sync = section_sync;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/aerostat/Aerostat/ui/aero-vm-system-section.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, AeroVmSystemSection, name)
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
#undef BIND
}

static void
bind_spin (AeroVmSystemSection *self,
           const char          *property,
           GtkSpinButton       *spin)
{
  GBindingGroup *bindings = aero_vm_section_get_bindings (AERO_VM_SECTION (self));

  aero_accessible_spin_activates_default (spin);
  g_binding_group_bind (bindings, property,
                        gtk_spin_button_get_adjustment (spin), "value",
                        G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
}

static void
aero_vm_system_section_init (AeroVmSystemSection *self)
{
  GBindingGroup *bindings = aero_vm_section_get_bindings (AERO_VM_SECTION (self));
  GSignalGroup *signals = aero_vm_section_get_signals (AERO_VM_SECTION (self));

  gtk_widget_init_template (GTK_WIDGET (self));

  /* The base made the groups; they follow whichever edit is set. */
  bind_spin (self, "memory-mb", self->memory_spin);
  bind_spin (self, "max-memory-mb", self->max_memory_spin);
  g_binding_group_bind_full (bindings, "memory-mb", self->memory_row, "subtitle",
                             G_BINDING_SYNC_CREATE, aero_format_mib_binding, NULL, NULL, NULL);
  g_binding_group_bind_full (bindings, "max-memory-mb", self->max_memory_row, "subtitle",
                             G_BINDING_SYNC_CREATE, aero_format_mib_binding, NULL, NULL, NULL);
  bind_spin (self, "cpu-sockets", self->sockets_spin);
  bind_spin (self, "cpu-cores", self->cores_spin);
  bind_spin (self, "cpu-threads", self->threads_spin);

  g_signal_group_connect_swapped (signals, "notify::max-memory-sensitive",
                                  G_CALLBACK (max_memory_gate_changed), self);
  g_signal_group_connect_swapped (signals, "notify::max-memory-reason",
                                  G_CALLBACK (max_memory_gate_changed), self);
  g_signal_group_connect_swapped (signals, "notify::memory-error",
                                  G_CALLBACK (errors_changed), self);
  g_signal_group_connect_swapped (signals, "notify::max-memory-error",
                                  G_CALLBACK (errors_changed), self);
  g_signal_group_connect_swapped (signals, "notify::cpu-error",
                                  G_CALLBACK (errors_changed), self);
  g_signal_group_connect_swapped (signals, "notify::memory-note",
                                  G_CALLBACK (memory_note_changed), self);
}

