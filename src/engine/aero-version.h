/* aero-version.h - a compatibility version (major.minor)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define AERO_TYPE_VERSION (aero_version_get_type ())
G_DECLARE_FINAL_TYPE (AeroVersion, aero_version, AERO, VERSION, GObject)

AeroVersion *aero_version_new        (guint              major,
                                      guint              minor);
/* "4.7" or "4.7.1" (extra parts ignored); NULL when not a version. */
AeroVersion *aero_version_parse      (const char        *text);
guint        aero_version_get_major  (AeroVersion       *self);
guint        aero_version_get_minor  (AeroVersion       *self);
/* <0, 0, >0 like strcmp; NULL sorts before any version. */
int          aero_version_compare    (AeroVersion       *a,
                                      AeroVersion       *b);
gboolean     aero_version_at_least   (AeroVersion       *self,
                                      guint              major,
                                      guint              minor);
gboolean     aero_version_equal      (AeroVersion       *a,
                                      AeroVersion       *b);
/* "4.7" */
char        *aero_version_to_string  (AeroVersion       *self);

G_END_DECLS
