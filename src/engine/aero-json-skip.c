/* aero-json-skip.c - checks and passes over one JSON value, in pieces
 *
 * yajl's lexer takes every byte through a table and a call; for the
 * values no model reads that was most of the CLI's time on a long list.
 * Here the bytes of a string or of indentation are taken sixteen at a
 * time, and the grammar is a small state machine that can stop at any
 * byte and go on with the next piece.
 *
 * What yajl 2.1 accepts, with the stream parser's settings (no comments,
 * UTF-8 checked):
 * - whitespace is tab, newline, vertical tab, form feed, return, space;
 * - a string holds no byte below 0x20; its escapes are \" \\ \/ \b \f \n
 *   \r \t and \u with four hex digits; a byte of 0x80 or more starts a
 *   sequence of two to four bytes by its high bits (yajl_lex_utf8_char ()
 *   does not look for overlong forms or surrogates, so neither do we);
 * - a number is -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?, and
 *   only ends at a byte that cannot go on with it;
 * - objects and arrays take no comma before their close, and object
 *   names are strings.
 * yajl lets containers nest as deep as memory allows; the stream parser
 * stops at AERO_ENGINE_MAX_NESTING, here as in what yajl reads.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include <glib/gi18n.h>

#include "aero-json-skip.h"

typedef enum {
  S_VALUE,          /* a value must begin */
  S_ARRAY_FIRST,    /* after "[": a value or "]" */
  S_OBJECT_FIRST,   /* after "{": a name or "}" */
  S_NAME,           /* after "," in an object: a name */
  S_COLON,          /* after a name */
  S_AFTER,          /* after a value in a container: "," or the close */
  S_STRING,
  S_ESCAPE,         /* after a backslash */
  S_HEX,            /* in \uXXXX */
  S_UTF8,           /* in a multi-byte sequence */
  S_MINUS,          /* "-": a digit must follow */
  S_ZERO,           /* a leading 0: no more digits before "." */
  S_INT,
  S_POINT,          /* ".": a digit must follow */
  S_FRACTION,
  S_EXPONENT,       /* "e": a sign or a digit */
  S_EXPONENT_SIGN,  /* "e+": a digit must follow */
  S_EXPONENT_DIGITS,
  S_LITERAL,        /* the rest of true, false or null */
  S_DONE,
} State;

struct _AeroJsonSkip
{
  State state;
  /* One byte per open container, TRUE for an object. */
  GByteArray *stack;
  /* The string being read is an object's name. */
  gboolean in_name;
  /* Hex digits or continuation bytes still to come; the rest of a literal. */
  guint left;
  const char *literal;
  gsize string_length;
  gsize max_string_length;
  guint max_nesting;
  const char *error;
};

AeroJsonSkip *
aero_json_skip_new (gsize max_string_length,
                    guint max_nesting)
{
  AeroJsonSkip *self = g_new0 (AeroJsonSkip, 1);

  self->stack = g_byte_array_new ();
  self->max_string_length = max_string_length;
  self->max_nesting = max_nesting;
  self->state = S_DONE;
  return self;
}

void
aero_json_skip_free (AeroJsonSkip *self)
{
  if (self == NULL)
    return;

  g_byte_array_unref (self->stack);
  g_free (self);
}

void
aero_json_skip_start (AeroJsonSkip *self)
{
  g_return_if_fail (self != NULL);

  g_byte_array_set_size (self->stack, 0);
  self->state = S_VALUE;
  self->error = NULL;
}

const char *
aero_json_skip_get_error (AeroJsonSkip *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->error;
}

static inline gboolean
is_space (guint8 c)
{
  return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\v' || c == '\f';
}

gsize
aero_json_whitespace_end (const guint8 *text,
                          gsize         i,
                          gsize         length)
{
  while (i < length && is_space (text[i]))
    i++;
  return i;
}

static inline gboolean
is_digit (guint8 c)
{
  return c >= '0' && c <= '9';
}

static inline gboolean
is_hex (guint8 c)
{
  return is_digit (c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

/* Where the run of bytes that a string takes as they are (not a quote, a
 * backslash, a control byte or a byte of a multi-byte sequence) ends. */
static inline gsize
plain_end (const guint8 *text,
           gsize         i,
           gsize         length)
{
#ifdef __SSE2__
  const __m128i quote = _mm_set1_epi8 ('"');
  const __m128i backslash = _mm_set1_epi8 ('\\');
  const __m128i below = _mm_set1_epi8 (0x20);

  while (i + 16 <= length)
    {
      /* Through void *: an unaligned load (see aero-stream-parser.c). */
      __m128i block = _mm_loadu_si128 ((const void *) (text + i));
      /* A signed compare: bytes of 0x80 and more count as below 0x20,
       * which is what we want of them too. */
      __m128i special = _mm_or_si128 (_mm_or_si128 (_mm_cmpeq_epi8 (block, quote),
                                                    _mm_cmpeq_epi8 (block, backslash)),
                                      _mm_cmplt_epi8 (block, below));
      guint mask = (guint) _mm_movemask_epi8 (special);

      if (mask != 0)
        return i + (gsize) __builtin_ctz (mask);
      i += 16;
    }
#endif

  for (; i < length; i++)
    if (text[i] == '"' || text[i] == '\\' || text[i] < 0x20 || text[i] >= 0x80)
      break;
  return i;
}

/* Where the run of spaces (the engine's indentation) ends. */
static inline gsize
spaces_end (const guint8 *text,
            gsize         i,
            gsize         length)
{
#ifdef __SSE2__
  const __m128i space = _mm_set1_epi8 (' ');

  while (i + 16 <= length)
    {
      __m128i block = _mm_loadu_si128 ((const void *) (text + i));
      guint other = ~(guint) _mm_movemask_epi8 (_mm_cmpeq_epi8 (block, space)) & 0xffff;

      if (other != 0)
        return i + (gsize) __builtin_ctz (other);
      i += 16;
    }
#endif

  while (i < length && text[i] == ' ')
    i++;
  return i;
}

static AeroJsonSkipResult
invalid (AeroJsonSkip *self,
         const char   *why)
{
  self->error = why;
  return AERO_JSON_SKIP_INVALID;
}

/* A value ended: the container it is in goes on, or the whole value is done. */
static inline void
end_value (AeroJsonSkip *self)
{
  self->state = self->stack->len == 0 ? S_DONE : S_AFTER;
}

static inline void
open_container (AeroJsonSkip *self,
                gboolean      object)
{
  guint8 kind = object ? 1 : 0;

  g_byte_array_append (self->stack, &kind, 1);
  self->state = object ? S_OBJECT_FIRST : S_ARRAY_FIRST;
}

static inline gboolean
close_container (AeroJsonSkip *self,
                 gboolean      object)
{
  guint n = self->stack->len;

  if (n == 0 || (self->stack->data[n - 1] != 0) != object)
    return FALSE;
  g_byte_array_set_size (self->stack, n - 1);
  end_value (self);
  return TRUE;
}

static inline void
begin_string (AeroJsonSkip *self,
              gboolean      name)
{
  self->in_name = name;
  self->string_length = 0;
  self->state = S_STRING;
}

/* The first byte of a value; FALSE when no value begins with it. */
static gboolean
begin_value (AeroJsonSkip *self,
             guint8        c)
{
  switch (c)
    {
    case '{':
    case '[':
      if (self->stack->len >= self->max_nesting)
        {
          self->error = _("the document is nested too deeply");
          return FALSE;
        }
      open_container (self, c == '{');
      return TRUE;
    case '"':
      begin_string (self, FALSE);
      return TRUE;
    case '-':
      self->state = S_MINUS;
      return TRUE;
    case '0':
      self->state = S_ZERO;
      return TRUE;
    case 't':
      self->literal = "rue";
      self->state = S_LITERAL;
      return TRUE;
    case 'f':
      self->literal = "alse";
      self->state = S_LITERAL;
      return TRUE;
    case 'n':
      self->literal = "ull";
      self->state = S_LITERAL;
      return TRUE;
    default:
      if (c >= '1' && c <= '9')
        {
          self->state = S_INT;
          return TRUE;
        }
      return FALSE;
    }
}

/* Inside a string, from @i on; returns where reading stopped. */
static gsize
read_string (AeroJsonSkip       *self,
             const guint8       *text,
             gsize               i,
             gsize               length,
             AeroJsonSkipResult *result)
{
  gsize start = i;

  *result = AERO_JSON_SKIP_MORE;
  while (i < length)
    {
      guint8 c;

      i = plain_end (text, i, length);
      if (i == length)
        break;

      c = text[i];
      if (c == '"')
        {
          self->string_length += i - start;
          if (self->string_length > self->max_string_length)
            *result = AERO_JSON_SKIP_TOO_LONG;
          else if (self->in_name)
            self->state = S_COLON;
          else
            end_value (self);
          return i + 1;
        }
      if (c == '\\')
        {
          self->state = S_ESCAPE;
          i++;
          break;
        }
      if (c < 0x20)
        {
          *result = invalid (self, _("a control character inside a string"));
          return i;
        }

      /* yajl_lex_utf8_char (): the lead byte's high bits give the length. */
      if ((c >> 5) == 0x6)
        self->left = 1;
      else if ((c >> 4) == 0xe)
        self->left = 2;
      else if ((c >> 3) == 0x1e)
        self->left = 3;
      else
        {
          *result = invalid (self, _("invalid UTF-8 inside a string"));
          return i;
        }
      self->state = S_UTF8;
      i++;
      break;
    }

  self->string_length += i - start;
  if (self->string_length > self->max_string_length)
    *result = AERO_JSON_SKIP_TOO_LONG;
  return i;
}

AeroJsonSkipResult
aero_json_skip_feed (AeroJsonSkip *self,
                     const guint8 *text,
                     gsize         length,
                     gsize        *used)
{
  AeroJsonSkipResult result = AERO_JSON_SKIP_MORE;
  gsize i = 0;

  g_return_val_if_fail (self != NULL, AERO_JSON_SKIP_INVALID);
  g_return_val_if_fail (text != NULL || length == 0, AERO_JSON_SKIP_INVALID);
  g_return_val_if_fail (used != NULL, AERO_JSON_SKIP_INVALID);

  while (i < length && self->state != S_DONE)
    {
      guint8 c = text[i];

      switch (self->state)
        {
        case S_STRING:
          i = read_string (self, text, i, length, &result);
          if (result != AERO_JSON_SKIP_MORE)
            goto out;
          continue;

        case S_ESCAPE:
          self->string_length++;
          if (c == 'u')
            {
              self->left = 4;
              self->state = S_HEX;
            }
          else if (c == '"' || c == '\\' || c == '/' || c == 'b' || c == 'f' ||
                   c == 'n' || c == 'r' || c == 't')
            self->state = S_STRING;
          else
            {
              result = invalid (self, _("an unknown escape inside a string"));
              goto out;
            }
          break;

        case S_HEX:
          self->string_length++;
          if (!is_hex (c))
            {
              result = invalid (self, _("an unknown escape inside a string"));
              goto out;
            }
          if (--self->left == 0)
            self->state = S_STRING;
          break;

        case S_UTF8:
          self->string_length++;
          if ((c >> 6) != 0x2)
            {
              result = invalid (self, _("invalid UTF-8 inside a string"));
              goto out;
            }
          if (--self->left == 0)
            self->state = S_STRING;
          break;

        case S_VALUE:
        case S_ARRAY_FIRST:
        case S_OBJECT_FIRST:
        case S_NAME:
        case S_COLON:
        case S_AFTER:
          if (c == ' ')
            {
              i = spaces_end (text, i, length);
              continue;
            }
          if (is_space (c))
            break;

          if (self->state == S_COLON)
            {
              if (c != ':')
                {
                  result = invalid (self, _("a name without a colon"));
                  goto out;
                }
              self->state = S_VALUE;
            }
          else if (self->state == S_OBJECT_FIRST && c == '}')
            close_container (self, TRUE);
          else if (self->state == S_OBJECT_FIRST || self->state == S_NAME)
            {
              if (c != '"')
                {
                  result = invalid (self, _("an object member without a name"));
                  goto out;
                }
              begin_string (self, TRUE);
            }
          else if (self->state == S_ARRAY_FIRST && c == ']')
            close_container (self, FALSE);
          else if (self->state == S_AFTER)
            {
              gboolean object = self->stack->data[self->stack->len - 1] != 0;

              if (c == ',')
                self->state = object ? S_NAME : S_VALUE;
              else if ((c != '}' && c != ']') || !close_container (self, c == '}'))
                {
                  result = invalid (self, _("a value not followed by a comma or a close"));
                  goto out;
                }
            }
          else if (!begin_value (self, c))
            {
              result = invalid (self, self->error != NULL ? self->error
                                                          : _("no value where one belongs"));
              goto out;
            }
          break;

        case S_MINUS:
          if (c == '0')
            self->state = S_ZERO;
          else if (is_digit (c))
            self->state = S_INT;
          else
            {
              result = invalid (self, _("a malformed number"));
              goto out;
            }
          break;

        case S_ZERO:
        case S_INT:
          if (c == '.')
            self->state = S_POINT;
          else if (c == 'e' || c == 'E')
            self->state = S_EXPONENT;
          else if (self->state == S_INT && is_digit (c))
            ;
          else
            {
              /* The byte after the number is not the number's. */
              end_value (self);
              continue;
            }
          break;

        case S_POINT:
        case S_EXPONENT_SIGN:
          if (!is_digit (c))
            {
              result = invalid (self, _("a malformed number"));
              goto out;
            }
          self->state = self->state == S_POINT ? S_FRACTION : S_EXPONENT_DIGITS;
          break;

        case S_FRACTION:
          if (c == 'e' || c == 'E')
            self->state = S_EXPONENT;
          else if (!is_digit (c))
            {
              end_value (self);
              continue;
            }
          break;

        case S_EXPONENT:
          if (c == '+' || c == '-')
            self->state = S_EXPONENT_SIGN;
          else if (is_digit (c))
            self->state = S_EXPONENT_DIGITS;
          else
            {
              result = invalid (self, _("a malformed number"));
              goto out;
            }
          break;

        case S_EXPONENT_DIGITS:
          if (!is_digit (c))
            {
              end_value (self);
              continue;
            }
          break;

        case S_LITERAL:
          if (c != (guint8) *self->literal)
            {
              result = invalid (self, _("a misspelt true, false or null"));
              goto out;
            }
          if (*++self->literal == '\0')
            end_value (self);
          break;

        case S_DONE:
        default:
          g_assert_not_reached ();
        }
      i++;
    }

  if (self->state == S_DONE)
    result = AERO_JSON_SKIP_DONE;

out:
  *used = i;
  return result;
}
