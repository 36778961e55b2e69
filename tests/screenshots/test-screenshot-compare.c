/* test-screenshot-compare.c - the tolerance rules of the screenshot suite
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "aero-screenshot-compare.h"

#define W 40
#define H 30

/* An opaque image with a gradient, so that neighbouring pixels differ. */
static guint32 *
make_pixels (void)
{
  guint32 *pixels = g_new (guint32, W * H);

  for (int y = 0; y < H; y++)
    for (int x = 0; x < W; x++)
      pixels[y * W + x] = 0xff000000u | ((guint32) (x * 6) << 16) | ((guint32) (y * 8) << 8) | 0x80;
  return pixels;
}

static GdkTexture *
texture_from (const guint32 *pixels,
              int            width,
              int            height)
{
  g_autoptr(GBytes) bytes = g_bytes_new (pixels, (gsize) width * height * 4);

  return gdk_memory_texture_new (width, height, GDK_MEMORY_DEFAULT, bytes, (gsize) width * 4);
}

static guint32
pixel_at (GdkTexture *texture,
          int         x,
          int         y)
{
  int width = gdk_texture_get_width (texture);
  g_autofree guint32 *pixels = g_new (guint32, (gsize) width * gdk_texture_get_height (texture));

  gdk_texture_download (texture, (guchar *) pixels, (gsize) width * 4);
  return pixels[y * width + x];
}

/* Changes the blue channel of the first @n pixels by @by. */
static void
disturb (guint32 *pixels,
         int      n,
         int      by)
{
  for (int i = 0; i < n; i++)
    pixels[i] = (pixels[i] & 0xffffff00u) | (guint32) ((pixels[i] & 0xff) + by);
}

static void
test_identical (void)
{
  g_autofree guint32 *pixels = make_pixels ();
  g_autoptr(GdkTexture) a = texture_from (pixels, W, H);
  g_autoptr(GdkTexture) b = texture_from (pixels, W, H);
  g_autoptr(GdkTexture) delta = NULL;
  g_autoptr(GError) error = NULL;
  AeroScreenshotDiff diff = { 99, 99 };

  g_assert_true (aero_screenshot_compare (a, b, NULL, 0, &diff, &delta, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (diff.n_differing, ==, 0);
  g_assert_cmpuint (diff.n_tolerated, ==, 0);
  g_assert_null (delta);
}

static void
test_size_mismatch (void)
{
  g_autofree guint32 *pixels = make_pixels ();
  g_autoptr(GdkTexture) a = texture_from (pixels, W, H);
  g_autoptr(GdkTexture) b = texture_from (pixels, W, H - 1);
  g_autoptr(GdkTexture) delta = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_false (aero_screenshot_compare (a, b, NULL, 0, NULL, &delta, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_assert_null (delta);
}

static void
test_channel_tolerance (void)
{
  g_autofree guint32 *pixels = make_pixels ();
  g_autofree guint32 *changed = g_memdup2 (pixels, W * H * 4);
  g_autoptr(GdkTexture) a = NULL;
  g_autoptr(GdkTexture) b = NULL;
  g_autoptr(GdkTexture) delta = NULL;
  g_autoptr(GError) error = NULL;
  AeroScreenshotDiff diff;

  /* Every pixel off by 2 in one channel: all tolerated. */
  disturb (changed, W * H, 2);
  a = texture_from (changed, W, H);
  b = texture_from (pixels, W, H);
  g_assert_true (aero_screenshot_compare (a, b, NULL, 0, &diff, &delta, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (diff.n_differing, ==, 0);
  g_assert_cmpuint (diff.n_tolerated, ==, W * H);
  g_assert_nonnull (delta);
  g_assert_cmphex (pixel_at (delta, 5, 5), ==, 0xff00c000u);
}

static void
test_pixel_tolerance (void)
{
  g_autofree guint32 *pixels = make_pixels ();
  g_autofree guint32 *changed = g_memdup2 (pixels, W * H * 4);
  g_autoptr(GdkTexture) reference = texture_from (pixels, W, H);
  g_autoptr(GdkTexture) actual = NULL;
  g_autoptr(GdkTexture) delta = NULL;
  g_autoptr(GError) error = NULL;
  AeroScreenshotDiff diff;

  /* 20 pixels off by 3: counted, but tolerated as a whole. */
  disturb (changed, 20, 3);
  actual = texture_from (changed, W, H);
  g_assert_true (aero_screenshot_compare (actual, reference, NULL, 0, &diff, &delta, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (diff.n_differing, ==, 20);
  g_assert_cmphex (pixel_at (delta, 0, 0), ==, 0xffff0000u);
  g_assert_cmphex (pixel_at (delta, 19, 0), ==, 0xffff0000u);
  /* An unchanged pixel is the reference, faded to a light grey. */
  g_assert_cmphex (pixel_at (delta, 20, 0) & 0xff000000u, ==, 0xff000000u);
  g_assert_cmpuint ((pixel_at (delta, 20, 0) >> 16) & 0xff, >=, 0xc0);
  g_clear_object (&actual);
  g_clear_object (&delta);

  /* The 21st fails. */
  changed[20] = pixels[20] ^ 0x00ff0000u;
  actual = texture_from (changed, W, H);
  g_assert_false (aero_screenshot_compare (actual, reference, NULL, 0, &diff, &delta, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
  g_assert_cmpuint (diff.n_differing, ==, 21);
  g_assert_nonnull (delta);
}

static void
test_ignored_rectangles (void)
{
  g_autofree guint32 *pixels = make_pixels ();
  g_autofree guint32 *changed = g_memdup2 (pixels, W * H * 4);
  g_autoptr(GdkTexture) reference = texture_from (pixels, W, H);
  g_autoptr(GdkTexture) actual = NULL;
  g_autoptr(GError) error = NULL;
  AeroScreenshotDiff diff;
  /* Covers the whole first row but its last pixel. */
  const GdkRectangle ignored[] = { { 0, 0, 20, 1 }, { 20, 0, W - 21, 1 } };

  /* The first row entirely different. */
  for (int x = 0; x < W; x++)
    changed[x] = ~pixels[x] | 0xff000000u;
  actual = texture_from (changed, W, H);

  g_assert_true (aero_screenshot_compare (actual, reference, ignored, G_N_ELEMENTS (ignored),
                                          &diff, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (diff.n_differing, ==, 1);
  g_assert_cmpuint (diff.n_tolerated, ==, W - 1);

  /* Without the rectangles the row counts. */
  g_assert_false (aero_screenshot_compare (actual, reference, NULL, 0, &diff, NULL, &error));
  g_assert_cmpuint (diff.n_differing, ==, W);
}

static gboolean
exists_in (const char *dir,
           const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);

  return g_file_test (path, G_FILE_TEST_IS_REGULAR);
}

static void
remove_dir (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (dir);
}

static void
test_check_writes_files (void)
{
  g_autofree guint32 *pixels = make_pixels ();
  g_autofree guint32 *changed = g_memdup2 (pixels, W * H * 4);
  g_autofree char *refs = g_dir_make_tmp ("aero-refs-XXXXXX", NULL);
  g_autofree char *out = g_build_filename (refs, "out", NULL);
  g_autofree char *ref_path = g_build_filename (refs, "scene.png", NULL);
  g_autoptr(GdkTexture) reference = texture_from (pixels, W, H);
  g_autoptr(GdkTexture) actual = NULL;
  g_autoptr(GdkTexture) reloaded = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (refs);
  g_assert_true (gdk_texture_save_to_png (reference, ref_path));

  /* A PNG round trip is exact: the reference matches itself. */
  reloaded = gdk_texture_new_from_filename (ref_path, &error);
  g_assert_no_error (error);
  g_assert_true (aero_screenshot_check ("scene", reloaded, refs, out, NULL, 0, &error));
  g_assert_no_error (error);
  g_assert_false (exists_in (out, "scene-delta.png"));

  disturb (changed, 100, 50);
  actual = texture_from (changed, W, H);
  g_assert_false (aero_screenshot_check ("scene", actual, refs, out, NULL, 0, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "100 pixels differ"));
  g_assert_nonnull (strstr (error->message, "scene-delta.png"));
  g_assert_true (exists_in (out, "scene.png"));
  g_assert_true (exists_in (out, "scene-reference.png"));
  g_assert_true (exists_in (out, "scene-delta.png"));
  g_clear_error (&error);

  /* A scene with no reference fails and leaves the actual image. */
  g_assert_false (aero_screenshot_check ("other", actual, refs, out, NULL, 0, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_true (exists_in (out, "other.png"));

  remove_dir (out);
  remove_dir (refs);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/screenshot-compare/identical", test_identical);
  g_test_add_func ("/screenshot-compare/size-mismatch", test_size_mismatch);
  g_test_add_func ("/screenshot-compare/channel-tolerance", test_channel_tolerance);
  g_test_add_func ("/screenshot-compare/pixel-tolerance", test_pixel_tolerance);
  g_test_add_func ("/screenshot-compare/ignored-rectangles", test_ignored_rectangles);
  g_test_add_func ("/screenshot-compare/check-writes-files", test_check_writes_files);

  return g_test_run ();
}
