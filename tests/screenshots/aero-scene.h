/* aero-scene.h - the screenshot scenes and how one is brought on screen
 *
 * A scene is a named, fixed state of Aerostat's UI: what to open against
 * the in-process demo engine, in light or dark, in which direction and
 * language. aero_scene_render() brings it on screen and returns the
 * pixels of the window it shows.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef struct _AeroScene AeroScene;
typedef struct _AeroSceneContext AeroSceneContext;

/* Brings the scene on screen and returns the window to capture (owned by
 * GTK's list of toplevels), or NULL with @error set. */
typedef GtkWidget *(*AeroSceneShowFunc) (AeroSceneContext  *context,
                                         const AeroScene   *scene,
                                         GError           **error);

struct _AeroScene
{
  const char        *name;        /* "edit-vm-general-light": file name of the reference */
  AeroSceneShowFunc  show;
  const char        *object;      /* what to open: a VM, template or cluster name */
  const char        *page;        /* which tab or stage, for scenes that have them */
  gboolean           dark;
  gboolean           rtl;
  const char        *language;    /* LANGUAGE value, NULL for untranslated */
  int                width;       /* window size; 0 keeps the window's own */
  int                height;
  const char        *appstream;   /* file name under data/screenshots/, or NULL */
  GdkRectangle       ignored[2];  /* areas that may differ (a clock...) */
  gsize              n_ignored;
};

/* The scenes, terminated by an entry with a NULL name. */
const AeroScene *aero_scene_get_all    (void);
const AeroScene *aero_scene_lookup     (const char       *name);

/* Starts the demo engine, shows @scene, waits until it is complete and
 * settled, and renders its window. Needs gtk_init() and adw_init(). */
GdkTexture      *aero_scene_render     (const AeroScene  *scene,
                                        GError          **error);

G_END_DECLS
