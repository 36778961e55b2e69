/* aero-screenshot-compare.h - pixel comparison of a scene with its reference
 *
 * A module of functions, not a GObject. The rules are those of the
 * screenshot suite: both images must have the same size; a pixel differs
 * when one of its channels differs by more than
 * AERO_SCREENSHOT_CHANNEL_TOLERANCE; up to AERO_SCREENSHOT_PIXEL_TOLERANCE
 * differing pixels are tolerated; pixels inside an ignored rectangle never
 * count.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define AERO_SCREENSHOT_CHANNEL_TOLERANCE 2
#define AERO_SCREENSHOT_PIXEL_TOLERANCE   20

typedef struct
{
  /* Pixels over the channel tolerance, outside ignored rectangles. */
  guint n_differing;
  /* Pixels that differ but are forgiven: within the channel tolerance, or
   * inside an ignored rectangle. */
  guint n_tolerated;
} AeroScreenshotDiff;

/* Compares @actual with @reference. Returns TRUE when they match within
 * the tolerances. On FALSE, @error says why (size mismatch, or how many
 * pixels differ). @out_diff (may be NULL) receives the counts when the
 * sizes match. @out_delta (may be NULL) receives, when the sizes match and
 * any pixel differs, an image of the reference faded to grey with counted
 * differences in red and tolerated ones in green. */
gboolean    aero_screenshot_compare       (GdkTexture          *actual,
                                           GdkTexture          *reference,
                                           const GdkRectangle  *ignored,
                                           gsize                n_ignored,
                                           AeroScreenshotDiff  *out_diff,
                                           GdkTexture         **out_delta,
                                           GError             **error);

/* Compares @actual with "@reference_dir/@name.png". On a mismatch (or a
 * missing reference) writes "@name.png", "@name-reference.png" and, when
 * the sizes match, "@name-delta.png" into @output_dir, and names them in
 * @error. */
gboolean    aero_screenshot_check         (const char          *name,
                                           GdkTexture          *actual,
                                           const char          *reference_dir,
                                           const char          *output_dir,
                                           const GdkRectangle  *ignored,
                                           gsize                n_ignored,
                                           GError             **error);

G_END_DECLS
