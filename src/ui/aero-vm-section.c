/* aero-vm-section.c - what the VM dialog's tabs share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "aero-vm-section.h"

typedef struct
{
  AeroVmEdit    *edit;
  GBindingGroup *bindings;  /* the controls <-> the edit */
  GSignalGroup  *signals;   /* the edit's gates, notes and errors */
} AeroVmSectionPrivate;

G_DEFINE_TYPE_WITH_PRIVATE (AeroVmSection, aero_vm_section, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_EDIT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The signal group is bound to an edit: show its state at once. */
static void
signals_bind_cb (AeroVmSection *self)
{
  AeroVmSectionClass *klass = AERO_VM_SECTION_GET_CLASS (self);

  if (klass->sync != NULL)
    klass->sync (self);
}

static void
aero_vm_section_dispose (GObject *object)
{
  AeroVmSection *self = AERO_VM_SECTION (object);
  AeroVmSectionPrivate *priv = aero_vm_section_get_instance_private (self);

  g_binding_group_set_source (priv->bindings, NULL);
  g_signal_group_set_target (priv->signals, NULL);
  g_clear_object (&priv->edit);

  G_OBJECT_CLASS (aero_vm_section_parent_class)->dispose (object);
}

static void
aero_vm_section_finalize (GObject *object)
{
  AeroVmSection *self = AERO_VM_SECTION (object);
  AeroVmSectionPrivate *priv = aero_vm_section_get_instance_private (self);

  g_clear_object (&priv->bindings);
  g_clear_object (&priv->signals);

  G_OBJECT_CLASS (aero_vm_section_parent_class)->finalize (object);
}

static void
aero_vm_section_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  AeroVmSection *self = AERO_VM_SECTION (object);

  switch (prop_id)
    {
    case PROP_EDIT:
      g_value_set_object (value, aero_vm_section_get_edit (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
aero_vm_section_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  AeroVmSection *self = AERO_VM_SECTION (object);

  switch (prop_id)
    {
    case PROP_EDIT:
      aero_vm_section_set_edit (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
aero_vm_section_class_init (AeroVmSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = aero_vm_section_dispose;
  object_class->finalize = aero_vm_section_finalize;
  object_class->get_property = aero_vm_section_get_property;
  object_class->set_property = aero_vm_section_set_property;

  properties[PROP_EDIT] =
    g_param_spec_object ("edit", NULL, NULL,
                         AERO_TYPE_VM_EDIT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
aero_vm_section_init (AeroVmSection *self)
{
  AeroVmSectionPrivate *priv = aero_vm_section_get_instance_private (self);

  /* Made once, before a tab's own init binds its controls to them. */
  priv->bindings = g_binding_group_new ();
  priv->signals = g_signal_group_new (AERO_TYPE_VM_EDIT);
  g_signal_connect_swapped (priv->signals, "bind", G_CALLBACK (signals_bind_cb), self);
}

AeroVmEdit *
aero_vm_section_get_edit (AeroVmSection *self)
{
  AeroVmSectionPrivate *priv = aero_vm_section_get_instance_private (self);

  g_return_val_if_fail (AERO_IS_VM_SECTION (self), NULL);

  return priv->edit;
}

void
aero_vm_section_set_edit (AeroVmSection *self,
                          AeroVmEdit    *edit)
{
  AeroVmSectionPrivate *priv = aero_vm_section_get_instance_private (self);
  AeroVmSectionClass *klass;

  g_return_if_fail (AERO_IS_VM_SECTION (self));
  g_return_if_fail (edit == NULL || AERO_IS_VM_EDIT (edit));

  if (!g_set_object (&priv->edit, edit))
    return;

  klass = AERO_VM_SECTION_GET_CLASS (self);
  if (edit != NULL && klass->setup != NULL)
    klass->setup (self, edit);
  g_binding_group_set_source (priv->bindings, edit);
  g_signal_group_set_target (priv->signals, edit);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EDIT]);
}

GBindingGroup *
aero_vm_section_get_bindings (AeroVmSection *self)
{
  AeroVmSectionPrivate *priv = aero_vm_section_get_instance_private (self);

  g_return_val_if_fail (AERO_IS_VM_SECTION (self), NULL);

  return priv->bindings;
}

GSignalGroup *
aero_vm_section_get_signals (AeroVmSection *self)
{
  AeroVmSectionPrivate *priv = aero_vm_section_get_instance_private (self);

  g_return_val_if_fail (AERO_IS_VM_SECTION (self), NULL);

  return priv->signals;
}

void
aero_vm_section_show_row_text (GtkWidget  *row,
                               GtkLabel   *label,
                               const char *text)
{
  gtk_label_set_text (label, text != NULL ? text : "");
  gtk_widget_set_visible (row, text != NULL);
}
