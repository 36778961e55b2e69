/* aero-template-view.c - the Templates view
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "aero-columns.h"
#include "aero-format.h"
#include "aero-list-loader.h"
#include "aero-template-view.h"

struct _AeroTemplateView
{
  GtkWidget       parent_instance;

  AeroListLoader *loader;

  GtkStack       *stack;
  GtkSpinner     *spinner;
  GtkColumnView  *column_view;
  AdwStatusPage  *error_page;
};

G_DEFINE_FINAL_TYPE (AeroTemplateView, aero_template_view, GTK_TYPE_WIDGET)

enum {
  LOADED,
  LOAD_FAILED,
  SELECTION_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static char *
format_name (gpointer item,
             gpointer data)
{
  return g_strdup (aero_template_get_name (item));
}

static char *
format_name_accessible (gpointer item,
                        gpointer data)
{
  /* TRANSLATORS: accessible name of a template row */
  return g_strdup_printf (_("Template %s"), aero_template_get_name (item));
}

static char *
format_version (gpointer item,
                gpointer data)
{
  const char *name = aero_template_get_version_name (item);
  int number = aero_template_get_version_number (item);

  if (number < 0)
    return g_strdup (name ? name : AERO_FORMAT_UNKNOWN);
  if (name == NULL || *name == '\0')
    return g_strdup_printf ("%d", number);

  /* TRANSLATORS: template version, e.g. "base version (1)" */
  return g_strdup_printf (_("%s (%d)"), name, number);
}

static char *
format_memory (gpointer item,
               gpointer data)
{
  return aero_format_bytes (aero_template_get_memory (item));
}

static char *
format_guaranteed (gpointer item,
                   gpointer data)
{
  return aero_format_bytes (aero_columns_policy_guaranteed (aero_template_get_memory_policy (item)));
}

static AeroTristate
template_ballooning (AeroTemplate *tmpl)
{
  return aero_columns_policy_ballooning (aero_template_get_memory_policy (tmpl));
}

static char *
format_ballooning (gpointer item,
                   gpointer data)
{
  return g_strdup (aero_format_tristate (template_ballooning (item)));
}

static char *
format_status (gpointer item,
               gpointer data)
{
  const char *status = aero_template_get_status (item);

  if (g_strcmp0 (status, "ok") == 0)
    return g_strdup (C_("template status", "OK"));
  if (g_strcmp0 (status, "locked") == 0)
    return g_strdup (C_("template status", "Locked"));
  if (g_strcmp0 (status, "illegal") == 0)
    return g_strdup (C_("template status", "Illegal"));

  return g_strdup (status ? status : AERO_FORMAT_UNKNOWN);
}

static int
compare_memory (gconstpointer a,
                gconstpointer b,
                gpointer      data)
{
  return aero_columns_compare_int64 (aero_template_get_memory ((AeroTemplate *) a),
                                     aero_template_get_memory ((AeroTemplate *) b));
}

static int
compare_ballooning (gconstpointer a,
                    gconstpointer b,
                    gpointer      data)
{
  return (int) template_ballooning ((AeroTemplate *) a) - (int) template_ballooning ((AeroTemplate *) b);
}

static void
add_columns (AeroTemplateView *self)
{
  AeroColumnSpec specs[] = {
    { "name", _("Name"), format_name, format_name_accessible, self, TRUE, 0, 0.0f, NULL, NULL },
    { "version", _("Version"), format_version, NULL, self, FALSE, 160, 0.0f, NULL, NULL },
    { "memory", _("Memory"), format_memory, NULL, self, FALSE, 90, 1.0f, NULL, NULL },
    { "guaranteed", _("Guaranteed"), format_guaranteed, NULL, self, FALSE, 100, 1.0f, NULL, NULL },
    { "ballooning", _("Ballooning"), format_ballooning, NULL, self, FALSE, 100, 0.5f, NULL, NULL },
    { "status", _("Status"), format_status, NULL, self, FALSE, 90, 0.0f, NULL, NULL },
  };

  aero_columns_append (self->column_view, &specs[0],
                       GTK_SORTER (gtk_string_sorter_new (gtk_property_expression_new (AERO_TYPE_TEMPLATE, NULL, "name"))));
  aero_columns_append (self->column_view, &specs[1], NULL);
  aero_columns_append (self->column_view, &specs[2],
                       GTK_SORTER (gtk_custom_sorter_new (compare_memory, NULL, NULL)));
  aero_columns_append (self->column_view, &specs[3], NULL);
  aero_columns_append (self->column_view, &specs[4],
                       GTK_SORTER (gtk_custom_sorter_new (compare_ballooning, NULL, NULL)));
  aero_columns_append (self->column_view, &specs[5], NULL);
}

static void
retry_cb (AeroTemplateView *self)
{
  aero_list_loader_reload (self->loader);
}

static void
row_activate_cb (AeroTemplateView *self,
                 guint            position)
{
  aero_list_loader_select_position (self->loader, position);
  gtk_widget_activate_action (GTK_WIDGET (self), "win.edit-template", NULL);
}

static void
aero_template_view_dispose (GObject *object)
{
  AeroTemplateView *self = AERO_TEMPLATE_VIEW (object);
  GtkWidget *child;

  if (self->loader != NULL)
    aero_list_loader_shutdown (self->loader);

  gtk_widget_dispose_template (GTK_WIDGET (object), AERO_TYPE_TEMPLATE_VIEW);
  /* dispose_template() only unparents bound children; the top-level
   * child of the template may not be one. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  g_clear_object (&self->loader);

  G_OBJECT_CLASS (aero_template_view_parent_class)->dispose (object);
}

static void
aero_template_view_class_init (AeroTemplateViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = aero_template_view_dispose;

  signals[LOADED] =
    g_signal_new ("loaded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[LOAD_FAILED] =
    g_signal_new ("load-failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_ERROR);
  signals[SELECTION_CHANGED] =
    g_signal_new ("selection-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/aerostat/Aerostat/ui/aero-template-view.ui");
  gtk_widget_class_bind_template_child (widget_class, AeroTemplateView, stack);
  gtk_widget_class_bind_template_child (widget_class, AeroTemplateView, spinner);
  gtk_widget_class_bind_template_child (widget_class, AeroTemplateView, column_view);
  gtk_widget_class_bind_template_child (widget_class, AeroTemplateView, error_page);
  gtk_widget_class_bind_template_callback (widget_class, retry_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activate_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
forward_loaded_cb (AeroTemplateView *self)
{
  g_signal_emit (self, signals[LOADED], 0);
}

static void
forward_load_failed_cb (AeroTemplateView *self,
                        GError           *error)
{
  g_signal_emit (self, signals[LOAD_FAILED], 0, error);
}

static void
forward_selection_changed_cb (AeroTemplateView *self)
{
  g_signal_emit (self, signals[SELECTION_CHANGED], 0);
}

static void
aero_template_view_init (AeroTemplateView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  add_columns (self);
  self->loader = aero_list_loader_new (AERO_TYPE_TEMPLATE,
                                       aero_engine_list_templates_async,
                                       aero_engine_list_templates_finish,
                                       (AeroListIdFunc) aero_template_get_id,
                                       self->column_view, self->stack,
                                       self->spinner, self->error_page);
  g_signal_connect_object (self->loader, "loaded",
                           G_CALLBACK (forward_loaded_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->loader, "load-failed",
                           G_CALLBACK (forward_load_failed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->loader, "selection-changed",
                           G_CALLBACK (forward_selection_changed_cb), self, G_CONNECT_SWAPPED);
}

void
aero_template_view_set_engine (AeroTemplateView *self,
                               AeroEngine       *engine)
{
  g_return_if_fail (AERO_IS_TEMPLATE_VIEW (self));

  aero_list_loader_set_engine (self->loader, engine);
}

void
aero_template_view_reload (AeroTemplateView *self)
{
  g_return_if_fail (AERO_IS_TEMPLATE_VIEW (self));

  aero_list_loader_reload (self->loader);
}

GListModel *
aero_template_view_get_model (AeroTemplateView *self)
{
  g_return_val_if_fail (AERO_IS_TEMPLATE_VIEW (self), NULL);

  return aero_list_loader_get_model (self->loader);
}

AeroTemplate *
aero_template_view_get_selected (AeroTemplateView *self)
{
  g_return_val_if_fail (AERO_IS_TEMPLATE_VIEW (self), NULL);

  return aero_list_loader_get_selected (self->loader);
}

gboolean
aero_template_view_get_loaded (AeroTemplateView *self)
{
  g_return_val_if_fail (AERO_IS_TEMPLATE_VIEW (self), FALSE);

  return aero_list_loader_get_loaded (self->loader);
}

gboolean
aero_template_view_select_id (AeroTemplateView *self,
                              const char       *id)
{
  g_return_val_if_fail (AERO_IS_TEMPLATE_VIEW (self), FALSE);

  return aero_list_loader_select_id (self->loader, id);
}
