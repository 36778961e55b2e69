/* aero-template-view.c - the Templates view
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "aero-columns.h"
#include "aero-format.h"
#include "aero-template-view.h"

struct _AeroTemplateView
{
  AeroListView parent_instance;
};

G_DEFINE_FINAL_TYPE (AeroTemplateView, aero_template_view, AERO_TYPE_LIST_VIEW)

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
add_columns (AeroTemplateView *self,
             GtkColumnView    *column_view)
{
  AeroColumnSpec specs[] = {
    { "name", _("Name"), format_name, format_name_accessible, self, TRUE, 0, 0.0f, NULL, NULL },
    { "version", _("Version"), format_version, NULL, self, FALSE, 160, 0.0f, NULL, NULL },
    { "memory", _("Memory"), format_memory, NULL, self, FALSE, 90, 1.0f, NULL, NULL },
    { "guaranteed", _("Guaranteed"), format_guaranteed, NULL, self, FALSE, 100, 1.0f, NULL, NULL },
    { "ballooning", _("Ballooning"), format_ballooning, NULL, self, FALSE, 100, 0.5f, NULL, NULL },
    { "status", _("Status"), format_status, NULL, self, FALSE, 90, 0.0f, NULL, NULL },
  };

  aero_columns_append (column_view, &specs[0],
                       GTK_SORTER (gtk_string_sorter_new (gtk_property_expression_new (AERO_TYPE_TEMPLATE, NULL, "name"))));
  aero_columns_append (column_view, &specs[1], NULL);
  aero_columns_append (column_view, &specs[2],
                       GTK_SORTER (gtk_custom_sorter_new (compare_memory, NULL, NULL)));
  aero_columns_append (column_view, &specs[3], NULL);
  aero_columns_append (column_view, &specs[4],
                       GTK_SORTER (gtk_custom_sorter_new (compare_ballooning, NULL, NULL)));
  aero_columns_append (column_view, &specs[5], NULL);
}

static void
aero_template_view_class_init (AeroTemplateViewClass *klass)
{
  AERO_LIST_VIEW_CLASS (klass)->row_action = "win.edit-template";
  aero_list_view_class_set_template (GTK_WIDGET_CLASS (klass),
                                     "/io/github/aerostat/Aerostat/ui/aero-template-view.ui");
}

static void
aero_template_view_init (AeroTemplateView *self)
{
  AeroListView *list = AERO_LIST_VIEW (self);

  gtk_widget_init_template (GTK_WIDGET (self));
  add_columns (self, aero_list_view_get_column_view (list));
  aero_list_view_start (list, AERO_TYPE_TEMPLATE,
                        aero_engine_list_templates_async, aero_engine_list_templates_finish,
                        (AeroListIdFunc) aero_template_get_id);
}
