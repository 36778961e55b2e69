/* aero-release-notes.h - release notes for the About window, from the metainfo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Where the merged AppStream metainfo lives in the application's GResource. */
#define AERO_RELEASE_NOTES_METAINFO_RESOURCE \
  "/io/github/aerostat/Aerostat/io.github.aerostat.Aerostat.metainfo.xml"

/* Reads the notes of one release from merged AppStream metainfo (the file
 * i18n.merge_file() writes, with xml:lang variants) and returns them as the
 * markup adw_about_window_set_release_notes() takes (<p>, <ul>, <ol>, <li>,
 * <em>, <code>), each paragraph and item in the best language of
 * g_get_language_names().
 *
 * @version: the release to read, or NULL for the newest one.
 * @out_version: (optional): the version found, for
 *   adw_about_window_set_release_notes_version().
 *
 * Returns: (transfer full): the markup, or NULL with @error set when the
 * metainfo does not parse or has no such release. */
char *aero_release_notes_from_metainfo (GBytes      *metainfo,
                                        const char  *version,
                                        char       **out_version,
                                        GError     **error);

/* The same, for the metainfo embedded at AERO_RELEASE_NOTES_METAINFO_RESOURCE. */
char *aero_release_notes_from_resource (const char  *version,
                                        char       **out_version,
                                        GError     **error);

G_END_DECLS
