/* aero-release-notes.c - release notes for the About window, from the metainfo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * libadwaita 1.2 has no adw_about_window_new_from_appdata() (it came in
 * 1.4), so the release notes are read here from the same metainfo that
 * software centres show, instead of being kept twice.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "aero-release-notes.h"

/* One paragraph or list item of a release description, in one language. */
typedef struct
{
  char    *lang;    /* NULL: the untranslated original */
  GString *markup;  /* inner markup, already escaped */
  int      list;    /* index of the enclosing <ul>/<ol>, -1 for a <p> */
  gboolean ordered; /* the enclosing list is an <ol> */
  gboolean space_pending;
} Block;

typedef struct
{
  const char *wanted_version;
  char       *found_version;
  gboolean    in_wanted_release;
  gboolean    done;
  int         description_depth;  /* > 0 while inside the wanted <description> */
  int         lists;
  int         current_list;
  gboolean    current_ordered;
  Block      *block;              /* the <p> or <li> being read */
  GPtrArray  *blocks;
} Parser;

static void
block_free (Block *block)
{
  g_free (block->lang);
  g_string_free (block->markup, TRUE);
  g_free (block);
}

/* Appends markup to the block, with the space that was pending before it:
 * metainfo text is wrapped and indented for the source file, and the About
 * window wants the words, not the line breaks. */
static void
block_append (Block      *block,
              const char *markup)
{
  if (block->space_pending && block->markup->len > 0)
    g_string_append_c (block->markup, ' ');
  block->space_pending = FALSE;
  g_string_append (block->markup, markup);
}

static const char *
find_attribute (const char **names,
                const char **values,
                const char  *name)
{
  for (guint i = 0; names[i] != NULL; i++)
    if (strcmp (names[i], name) == 0)
      return values[i];
  return NULL;
}

static void
parser_start (GMarkupParseContext  *context,
              const char           *element,
              const char          **names,
              const char          **values,
              gpointer              user_data,
              GError              **error)
{
  Parser *self = user_data;

  if (self->done)
    return;

  if (strcmp (element, "release") == 0 && self->found_version == NULL)
    {
      const char *version = find_attribute (names, values, "version");

      /* Releases are listed newest first: without a wanted version the
       * first one is the newest. */
      if (version != NULL &&
          (self->wanted_version == NULL || strcmp (version, self->wanted_version) == 0))
        {
          self->found_version = g_strdup (version);
          self->in_wanted_release = TRUE;
        }
      return;
    }

  if (!self->in_wanted_release)
    return;

  if (self->description_depth == 0)
    {
      if (strcmp (element, "description") == 0)
        self->description_depth = 1;
      return;
    }

  self->description_depth++;

  if (self->block != NULL)
    {
      /* Inline markup the About window understands is kept; anything else
       * is dropped but its text stays. */
      if (strcmp (element, "em") == 0 || strcmp (element, "code") == 0)
        {
          g_autofree char *tag = g_strdup_printf ("<%s>", element);
          block_append (self->block, tag);
        }
      return;
    }

  if (strcmp (element, "ul") == 0 || strcmp (element, "ol") == 0)
    {
      self->current_list = self->lists++;
      self->current_ordered = element[0] == 'o';
    }
  else if (strcmp (element, "p") == 0 || strcmp (element, "li") == 0)
    {
      self->block = g_new0 (Block, 1);
      self->block->lang = g_strdup (find_attribute (names, values, "xml:lang"));
      self->block->markup = g_string_new (NULL);
      self->block->list = element[0] == 'l' ? self->current_list : -1;
      self->block->ordered = self->current_ordered;
    }
}

static void
parser_end (GMarkupParseContext  *context,
            const char           *element,
            gpointer              user_data,
            GError              **error)
{
  Parser *self = user_data;

  if (self->done || !self->in_wanted_release)
    return;

  if (strcmp (element, "release") == 0)
    {
      self->in_wanted_release = FALSE;
      self->done = TRUE;
      return;
    }

  if (self->description_depth == 0)
    return;

  self->description_depth--;

  if (self->block != NULL)
    {
      if (strcmp (element, "em") == 0 || strcmp (element, "code") == 0)
        {
          /* A space after the closing tag, not inside it. */
          gboolean space = self->block->space_pending;

          self->block->space_pending = FALSE;
          g_string_append_printf (self->block->markup, "</%s>", element);
          self->block->space_pending = space;
        }
      else if (strcmp (element, "p") == 0 || strcmp (element, "li") == 0)
        g_ptr_array_add (self->blocks, g_steal_pointer (&self->block));
    }
  else if (strcmp (element, "ul") == 0 || strcmp (element, "ol") == 0)
    {
      self->current_list = -1;
    }
}

static void
parser_text (GMarkupParseContext  *context,
             const char           *text,
             gsize                 len,
             gpointer              user_data,
             GError              **error)
{
  Parser *self = user_data;
  const char *end = text + len;

  if (self->block == NULL)
    return;

  while (text < end)
    {
      const char *word = text;
      g_autofree char *escaped = NULL;

      if (g_ascii_isspace (*text))
        {
          self->block->space_pending = TRUE;
          text++;
          continue;
        }
      while (text < end && !g_ascii_isspace (*text))
        text++;
      escaped = g_markup_escape_text (word, text - word);
      block_append (self->block, escaped);
    }
}

/* Lower is better; G_MAXINT for a language the user does not read. */
static int
language_rank (const char *lang)
{
  const char * const *names = g_get_language_names ();

  for (int i = 0; names[i] != NULL; i++)
    if (lang == NULL ? strcmp (names[i], "C") == 0 : strcmp (names[i], lang) == 0)
      return i;
  return lang == NULL ? G_MAXINT - 1 : G_MAXINT;
}

static char *
blocks_to_markup (GPtrArray *blocks)
{
  GString *out = g_string_new (NULL);
  int open_list = -1;
  gboolean open_ordered = FALSE;

  for (guint i = 0; i < blocks->len; i++)
    {
      Block *original = g_ptr_array_index (blocks, i);
      Block *best = original;
      int best_rank;

      /* Translations follow their original; a stray translated block with
       * no original before it is skipped. */
      if (original->lang != NULL)
        continue;

      best_rank = language_rank (NULL);
      for (guint j = i + 1; j < blocks->len; j++)
        {
          Block *variant = g_ptr_array_index (blocks, j);
          int rank;

          if (variant->lang == NULL)
            break;
          rank = language_rank (variant->lang);
          if (rank < best_rank)
            {
              best = variant;
              best_rank = rank;
            }
        }

      if (original->list != open_list)
        {
          if (open_list >= 0)
            g_string_append (out, open_ordered ? "</ol>" : "</ul>");
          if (original->list >= 0)
            g_string_append (out, original->ordered ? "<ol>" : "<ul>");
          open_list = original->list;
          open_ordered = original->ordered;
        }

      g_string_append_printf (out, original->list >= 0 ? "<li>%s</li>" : "<p>%s</p>",
                              best->markup->str);
    }

  if (open_list >= 0)
    g_string_append (out, open_ordered ? "</ol>" : "</ul>");

  return g_string_free (out, FALSE);
}

char *
aero_release_notes_from_metainfo (GBytes      *metainfo,
                                  const char  *version,
                                  char       **out_version,
                                  GError     **error)
{
  static const GMarkupParser callbacks = {
    .start_element = parser_start,
    .end_element = parser_end,
    .text = parser_text,
  };
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(GPtrArray) blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) block_free);
  g_autofree char *found_version = NULL;
  Parser parser = {
    .wanted_version = version,
    .current_list = -1,
    .blocks = blocks,
  };
  gsize size = 0;
  const char *data;
  gboolean parsed;

  g_return_val_if_fail (metainfo != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  data = g_bytes_get_data (metainfo, &size);
  context = g_markup_parse_context_new (&callbacks, G_MARKUP_TREAT_CDATA_AS_TEXT, &parser, NULL);
  parsed = g_markup_parse_context_parse (context, data, size, error) &&
           g_markup_parse_context_end_parse (context, error);

  found_version = g_steal_pointer (&parser.found_version);
  g_clear_pointer (&parser.block, block_free);
  if (!parsed)
    return NULL;

  if (found_version == NULL || blocks->len == 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   /* TRANSLATORS: %s is a version number such as 0.1.0 */
                   _("The application metadata has no release notes for version %s"),
                   version != NULL ? version : found_version != NULL ? found_version : "?");
      return NULL;
    }

  if (out_version != NULL)
    *out_version = g_steal_pointer (&found_version);

  return blocks_to_markup (blocks);
}

char *
aero_release_notes_from_resource (const char  *version,
                                  char       **out_version,
                                  GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;

  bytes = g_resources_lookup_data (AERO_RELEASE_NOTES_METAINFO_RESOURCE,
                                   G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return NULL;

  return aero_release_notes_from_metainfo (bytes, version, out_version, error);
}
