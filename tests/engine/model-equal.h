/* model-equal.h - two models compared property by property
 *
 * Every readable property of the model, and of the models it holds (its
 * memory policy, its versions), must be equal; the first difference is
 * reported by name.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

static inline void
assert_models_equal (GObject    *expected,
                     GObject    *actual,
                     const char *where)
{
  g_autofree GParamSpec **specs = NULL;
  guint n_specs;

  if (expected == NULL || actual == NULL)
    {
      if (expected != actual)
        g_error ("%s: one of the two is unset", where);
      return;
    }

  g_assert_cmpstr (G_OBJECT_TYPE_NAME (expected), ==, G_OBJECT_TYPE_NAME (actual));
  specs = g_object_class_list_properties (G_OBJECT_GET_CLASS (expected), &n_specs);
  for (guint i = 0; i < n_specs; i++)
    {
      g_auto(GValue) a = G_VALUE_INIT;
      g_auto(GValue) b = G_VALUE_INIT;
      g_autofree char *inner = NULL;

      if (!(specs[i]->flags & G_PARAM_READABLE))
        continue;

      g_object_get_property (expected, specs[i]->name, &a);
      g_object_get_property (actual, specs[i]->name, &b);
      inner = g_strdup_printf ("%s.%s", where, specs[i]->name);

      if (G_VALUE_HOLDS_OBJECT (&a))
        assert_models_equal (g_value_get_object (&a), g_value_get_object (&b), inner);
      else if (g_param_values_cmp (specs[i], &a, &b) != 0)
        {
          g_autofree char *text_a = g_strdup_value_contents (&a);
          g_autofree char *text_b = g_strdup_value_contents (&b);

          g_error ("%s differs: %s, not %s", inner, text_b, text_a);
        }
    }
}
