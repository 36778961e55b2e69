/* aero-demo-search.c - the part of oVirt's search language the client uses
 *
 * "name=web* and cluster=Default and status=up sortby name desc page 2":
 * conditions joined by "and" (and "or"), values with "*" as a glob,
 * compared case-insensitively as the engine does. An unknown field is a
 * syntax error, reported in the engine's terms.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "aero-demo-store.h"

/* The engine's page size when "page" is used without "max". */
#define DEFAULT_PAGE_SIZE 100

typedef struct
{
  char         *field;
  gboolean      negate;
  GPatternSpec *pattern;
} Condition;

typedef struct
{
  GPtrArray *groups;    /* of GPtrArray of Condition: OR of ANDs */
  char      *sort_field;
  gboolean   sort_desc;
  guint      page;
} Query;

typedef const char *(*FieldGetter) (AeroDemoStore *store,
                                    gpointer       item,
                                    const char    *field);

static void
condition_free (gpointer data)
{
  Condition *c = data;

  g_free (c->field);
  g_pattern_spec_free (c->pattern);
  g_free (c);
}

static void
query_clear (Query *q)
{
  g_clear_pointer (&q->groups, g_ptr_array_unref);
  g_clear_pointer (&q->sort_field, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Query, query_clear)

static gboolean
syntax_error (GError    **error,
              const char *code)
{
  /* The engine reports the syntax checker's code as the detail. */
  g_set_error_literal (error, AERO_DEMO_FAULT, 400, code);
  return FALSE;
}

/* Splits on blanks outside double quotes, and makes "=" and "!=" stick to
 * their field and value ("name = web*" reads as "name=web*"). */
static GPtrArray *
tokenize (const char *text)
{
  g_autoptr(GString) squeezed = g_string_new (NULL);
  GPtrArray *tokens = g_ptr_array_new_with_free_func (g_free);
  GString *token = NULL;
  gboolean quoted = FALSE;

  for (const char *p = text; *p; p++)
    {
      if (*p == '"')
        quoted = !quoted;
      if (!quoted && g_ascii_isspace (*p))
        {
          const char *next = p;

          while (g_ascii_isspace (*next))
            next++;
          if (*next == '=' || (next[0] == '!' && next[1] == '=')
              || (squeezed->len > 0 && squeezed->str[squeezed->len - 1] == '='))
            {
              p = next - 1;
              continue;
            }
        }
      g_string_append_c (squeezed, *p);
    }

  quoted = FALSE;
  for (const char *p = squeezed->str;; p++)
    {
      if (*p == '\0' || (!quoted && g_ascii_isspace (*p)))
        {
          if (token != NULL)
            g_ptr_array_add (tokens, g_string_free (g_steal_pointer (&token), FALSE));
          if (*p == '\0')
            break;
          continue;
        }
      if (*p == '"')
        {
          quoted = !quoted;
          if (token == NULL)
            token = g_string_new (NULL);
          continue;
        }
      if (token == NULL)
        token = g_string_new (NULL);
      g_string_append_c (token, *p);
    }
  return tokens;
}

static gboolean
parse_query (const char        *search,
             const char *const *fields,
             Query             *q,
             GError           **error)
{
  g_autoptr(GPtrArray) tokens = NULL;
  GPtrArray *group;
  const char *colon;
  guint i = 0;

  q->groups = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  group = g_ptr_array_new_with_free_func (condition_free);
  g_ptr_array_add (q->groups, group);

  /* "Vms: name=..." as typed in the admin portal. */
  colon = strchr (search, ':');
  if (colon != NULL && strchr (search, '=') != NULL && colon < strchr (search, '='))
    search = colon + 1;

  tokens = tokenize (search);
  while (i < tokens->len)
    {
      const char *tok = g_ptr_array_index (tokens, i);
      const char *eq;

      if (g_ascii_strcasecmp (tok, "and") == 0)
        {
          i++;
          continue;
        }
      if (g_ascii_strcasecmp (tok, "or") == 0)
        {
          group = g_ptr_array_new_with_free_func (condition_free);
          g_ptr_array_add (q->groups, group);
          i++;
          continue;
        }
      if (g_ascii_strcasecmp (tok, "sortby") == 0)
        {
          if (i + 1 >= tokens->len)
            return syntax_error (error, "INVALID_SORT_FIELD");
          q->sort_field = g_ascii_strdown (g_ptr_array_index (tokens, i + 1), -1);
          if (!g_strv_contains (fields, q->sort_field))
            return syntax_error (error, "INVALID_SORT_FIELD");
          i += 2;
          if (i < tokens->len)
            {
              const char *dir = g_ptr_array_index (tokens, i);

              if (g_ascii_strcasecmp (dir, "desc") == 0 || g_ascii_strcasecmp (dir, "asc") == 0)
                {
                  q->sort_desc = g_ascii_strcasecmp (dir, "desc") == 0;
                  i++;
                }
            }
          continue;
        }
      if (g_ascii_strcasecmp (tok, "page") == 0)
        {
          guint64 page = 0;

          if (i + 1 >= tokens->len
              || !g_ascii_string_to_unsigned (g_ptr_array_index (tokens, i + 1), 10, 1, G_MAXUINT, &page, NULL))
            return syntax_error (error, "INVALID_PAGE_FEILD");
          q->page = page;
          i += 2;
          if (i < tokens->len)
            return syntax_error (error, "NOTHING_COMES_AFTER_PAGE_VALUE");
          continue;
        }

      eq = strchr (tok, '=');
      if (eq == tok)
        return syntax_error (error, "INVALID_CONDITION_FILED_OR_SORTBY");
      if (eq == NULL)
        {
          /* Free text matches the name anywhere, as in the portal. */
          g_autofree char *lower = g_utf8_strdown (tok, -1);
          g_autofree char *glob = g_strdup_printf ("*%s*", lower);
          Condition *c = g_new0 (Condition, 1);

          c->field = g_strdup ("name");
          c->pattern = g_pattern_spec_new (glob);
          g_ptr_array_add (group, c);
          i++;
          continue;
        }
      {
        gboolean negate = eq[-1] == '!';
        g_autofree char *field = g_ascii_strdown (tok, (eq - tok) - (negate ? 1 : 0));
        g_autofree char *value = g_utf8_strdown (eq + 1, -1);
        Condition *c;

        if (!g_strv_contains (fields, field))
          return syntax_error (error, "INVALID_CONDITION_FILED_OR_SORTBY");
        c = g_new0 (Condition, 1);
        c->field = g_steal_pointer (&field);
        c->negate = negate;
        c->pattern = g_pattern_spec_new (value);
        g_ptr_array_add (group, c);
      }
      i++;
    }
  return TRUE;
}

static gboolean
matches (AeroDemoStore *store,
         Query         *q,
         gpointer       item,
         FieldGetter    getter)
{
  for (guint g = 0; g < q->groups->len; g++)
    {
      GPtrArray *group = g_ptr_array_index (q->groups, g);
      gboolean all = TRUE;

      for (guint i = 0; all && i < group->len; i++)
        {
          Condition *c = g_ptr_array_index (group, i);
          g_autofree char *value = g_utf8_strdown (getter (store, item, c->field), -1);
          gboolean hit = g_pattern_spec_match_string (c->pattern, value);

          all = c->negate ? !hit : hit;
        }
      if (all)
        return TRUE;
    }
  return FALSE;
}

typedef struct
{
  AeroDemoStore *store;
  FieldGetter    getter;
  const char    *field;
  gboolean       desc;
} SortContext;

static int
compare_items (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  SortContext *ctx = user_data;
  gpointer ia = *(gpointer const *) a;
  gpointer ib = *(gpointer const *) b;
  int r = g_ascii_strcasecmp (ctx->getter (ctx->store, ia, ctx->field),
                              ctx->getter (ctx->store, ib, ctx->field));

  return ctx->desc ? -r : r;
}

static GPtrArray *
run_query (AeroDemoStore     *store,
           GPtrArray         *items,
           const char        *search,
           const char *const *fields,
           FieldGetter        getter,
           const char        *owner,
           GError           **error)
{
  g_auto(Query) q = { 0 };
  GPtrArray *result = g_ptr_array_new ();

  if (search != NULL && !parse_query (search, fields, &q, error))
    {
      g_ptr_array_unref (result);
      return NULL;
    }
  for (guint i = 0; i < items->len; i++)
    {
      gpointer item = g_ptr_array_index (items, i);

      if (owner != NULL && g_strcmp0 (((AeroDemoVm *) item)->owner, owner) != 0)
        continue;
      if (search == NULL || matches (store, &q, item, getter))
        g_ptr_array_add (result, item);
    }
  if (q.sort_field != NULL)
    {
      SortContext ctx = { store, getter, q.sort_field, q.sort_desc };

      g_ptr_array_sort_with_data (result, compare_items, &ctx);
    }
  if (q.page > 0)
    {
      guint start = (q.page - 1) * DEFAULT_PAGE_SIZE;

      if (start >= result->len)
        g_ptr_array_set_size (result, 0);
      else
        {
          g_ptr_array_remove_range (result, 0, start);
          if (result->len > DEFAULT_PAGE_SIZE)
            g_ptr_array_set_size (result, DEFAULT_PAGE_SIZE);
        }
    }
  return result;
}

static const char *
vm_field (AeroDemoStore *store,
          gpointer       item,
          const char    *field)
{
  AeroDemoVm *vm = item;

  if (g_str_equal (field, "name"))
    return vm->conf->name;
  if (g_str_equal (field, "status"))
    return vm->status;
  if (g_str_equal (field, "cluster"))
    {
      AeroDemoCluster *c = aero_demo_store_find_cluster (store, vm->conf->cluster_id);

      return c != NULL ? c->name : "";
    }
  if (g_str_equal (field, "template"))
    {
      AeroDemoTemplate *t = aero_demo_store_find_template (store, vm->template_id);

      return t != NULL ? t->conf->name : "";
    }
  if (g_str_equal (field, "description"))
    return vm->conf->description;
  if (g_str_equal (field, "comment"))
    return vm->conf->comment;
  if (g_str_equal (field, "type"))
    return vm->conf->type;
  if (g_str_equal (field, "id"))
    return vm->id;
  if (g_str_equal (field, "host"))
    {
      AeroDemoHost *host = aero_demo_store_vm_host (store, vm);

      return host != NULL ? host->name : "";
    }
  return "";
}

GPtrArray *
aero_demo_store_search_vms (AeroDemoStore  *self,
                            const char     *search,
                            const char     *owner,
                            GError        **error)
{
  static const char *const fields[] = { "name", "status", "cluster", "template", "description",
                                        "comment", "type", "id", "host", NULL };

  return run_query (self, aero_demo_store_get_vms (self), search, fields, vm_field, owner, error);
}

static const char *
named_field (AeroDemoStore *store,
             gpointer       item,
             const char    *field)
{
  /* Clusters and templates are told apart by their first member. */
  if (aero_demo_store_find_cluster (store, *(char **) item) == item)
    {
      AeroDemoCluster *c = item;

      return g_str_equal (field, "name") ? c->name : g_str_equal (field, "description") ? c->description : c->id;
    }
  else
    {
      AeroDemoTemplate *t = item;

      return g_str_equal (field, "name") ? t->conf->name
             : g_str_equal (field, "description") ? t->conf->description : t->id;
    }
}

GPtrArray *
aero_demo_store_search_named (AeroDemoStore  *self,
                              GPtrArray      *items,
                              const char     *search,
                              GError        **error)
{
  static const char *const fields[] = { "name", "description", "id", NULL };

  return run_query (self, items, search, fields, named_field, NULL, error);
}

static const char *
host_field (AeroDemoStore *store,
            gpointer       item,
            const char    *field)
{
  AeroDemoHost *host = item;

  if (g_str_equal (field, "name"))
    return host->name;
  if (g_str_equal (field, "address"))
    return host->address;
  if (g_str_equal (field, "status"))
    return "up";
  if (g_str_equal (field, "cluster"))
    {
      AeroDemoCluster *c = aero_demo_store_find_cluster (store, host->cluster_id);

      return c != NULL ? c->name : "";
    }
  return host->id;
}

GPtrArray *
aero_demo_store_search_hosts (AeroDemoStore  *self,
                              const char     *search,
                              GError        **error)
{
  static const char *const fields[] = { "name", "address", "status", "cluster", "id", NULL };

  return run_query (self, aero_demo_store_get_hosts (self), search, fields, host_field, NULL, error);
}
