/* aero-screenshot-compare.c - pixel comparison of a scene with its reference
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "aero-screenshot-compare.h"

/* Pixels as gdk_texture_download() gives them: native-endian 0xAARRGGBB
 * (premultiplied), the layout of GDK_MEMORY_DEFAULT. Comparing
 * premultiplied values is what the eye sees on an opaque background. */
static guint32 *
download (GdkTexture *texture)
{
  int width = gdk_texture_get_width (texture);
  int height = gdk_texture_get_height (texture);
  guint32 *pixels = g_new (guint32, (gsize) width * height);

  gdk_texture_download (texture, (guchar *) pixels, (gsize) width * 4);
  return pixels;
}

static guint
channel_distance (guint32 a,
                  guint32 b)
{
  guint max = 0;

  for (guint shift = 0; shift < 32; shift += 8)
    {
      int ca = (a >> shift) & 0xff;
      int cb = (b >> shift) & 0xff;
      guint d = (guint) ABS (ca - cb);

      max = MAX (max, d);
    }
  return max;
}

static gboolean
is_ignored (int                 x,
            int                 y,
            const GdkRectangle *ignored,
            gsize               n_ignored)
{
  for (gsize i = 0; i < n_ignored; i++)
    {
      const GdkRectangle *r = &ignored[i];

      if (x >= r->x && x < r->x + r->width && y >= r->y && y < r->y + r->height)
        return TRUE;
    }
  return FALSE;
}

/* The reference faded towards white, so that the red and green marks stand
 * out while the layout stays recognisable. */
static guint32
faded (guint32 pixel)
{
  guint r = (pixel >> 16) & 0xff;
  guint g = (pixel >> 8) & 0xff;
  guint b = pixel & 0xff;
  guint grey = (r * 30 + g * 59 + b * 11) / 100;
  guint v = 255 - (255 - grey) / 4;

  return 0xff000000u | (v << 16) | (v << 8) | v;
}

#define COUNTED_COLOUR   0xffff0000u
#define TOLERATED_COLOUR 0xff00c000u

gboolean
aero_screenshot_compare (GdkTexture          *actual,
                         GdkTexture          *reference,
                         const GdkRectangle  *ignored,
                         gsize                n_ignored,
                         AeroScreenshotDiff  *out_diff,
                         GdkTexture         **out_delta,
                         GError             **error)
{
  int width, height;
  g_autofree guint32 *a = NULL;
  g_autofree guint32 *b = NULL;
  g_autofree guint32 *delta = NULL;
  AeroScreenshotDiff diff = { 0, 0 };

  g_return_val_if_fail (GDK_IS_TEXTURE (actual), FALSE);
  g_return_val_if_fail (GDK_IS_TEXTURE (reference), FALSE);

  if (out_delta != NULL)
    *out_delta = NULL;

  width = gdk_texture_get_width (actual);
  height = gdk_texture_get_height (actual);
  if (width != gdk_texture_get_width (reference) ||
      height != gdk_texture_get_height (reference))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "size differs: %d×%d, reference %d×%d",
                   width, height,
                   gdk_texture_get_width (reference),
                   gdk_texture_get_height (reference));
      return FALSE;
    }

  a = download (actual);
  b = download (reference);
  delta = g_new (guint32, (gsize) width * height);

  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        gsize i = (gsize) y * width + x;
        guint d = channel_distance (a[i], b[i]);

        if (d == 0)
          delta[i] = faded (b[i]);
        else if (d > AERO_SCREENSHOT_CHANNEL_TOLERANCE &&
                 !is_ignored (x, y, ignored, n_ignored))
          {
            diff.n_differing++;
            delta[i] = COUNTED_COLOUR;
          }
        else
          {
            diff.n_tolerated++;
            delta[i] = TOLERATED_COLOUR;
          }
      }

  if (out_diff != NULL)
    *out_diff = diff;

  if (out_delta != NULL && (diff.n_differing > 0 || diff.n_tolerated > 0))
    {
      g_autoptr(GBytes) bytes = g_bytes_new_take (g_steal_pointer (&delta),
                                                  (gsize) width * height * 4);

      *out_delta = gdk_memory_texture_new (width, height, GDK_MEMORY_DEFAULT,
                                           bytes, (gsize) width * 4);
    }

  if (diff.n_differing > AERO_SCREENSHOT_PIXEL_TOLERANCE)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   "%u pixels differ (at most %d tolerated)",
                   diff.n_differing, AERO_SCREENSHOT_PIXEL_TOLERANCE);
      return FALSE;
    }

  return TRUE;
}

static gboolean
save (GdkTexture *texture,
      const char *dir,
      const char *name,
      const char *suffix,
      GString    *written)
{
  g_autofree char *basename = g_strconcat (name, suffix, ".png", NULL);
  g_autofree char *path = g_build_filename (dir, basename, NULL);

  if (!gdk_texture_save_to_png (texture, path))
    return FALSE;

  g_string_append_printf (written, "%s%s", written->len > 0 ? ", " : "", path);
  return TRUE;
}

gboolean
aero_screenshot_check (const char          *name,
                       GdkTexture          *actual,
                       const char          *reference_dir,
                       const char          *output_dir,
                       const GdkRectangle  *ignored,
                       gsize                n_ignored,
                       GError             **error)
{
  g_autofree char *basename = g_strconcat (name, ".png", NULL);
  g_autofree char *reference_path = g_build_filename (reference_dir, basename, NULL);
  g_autoptr(GdkTexture) reference = NULL;
  g_autoptr(GdkTexture) delta = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GString) written = g_string_new (NULL);

  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (GDK_IS_TEXTURE (actual), FALSE);

  g_mkdir_with_parents (output_dir, 0755);
  reference = gdk_texture_new_from_filename (reference_path, &local_error);
  if (reference == NULL)
    {
      save (actual, output_dir, name, "", written);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   "no usable reference %s (%s); actual written to %s",
                   reference_path, local_error->message, written->str);
      return FALSE;
    }

  if (aero_screenshot_compare (actual, reference, ignored, n_ignored,
                               NULL, &delta, &local_error))
    return TRUE;

  save (actual, output_dir, name, "", written);
  save (reference, output_dir, name, "-reference", written);
  if (delta != NULL)
    save (delta, output_dir, name, "-delta", written);

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
               "scene %s: %s; see %s", name, local_error->message, written->str);
  return FALSE;
}
