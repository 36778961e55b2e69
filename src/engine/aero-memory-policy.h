/* aero-memory-policy.h - memory_policy of a VM or template
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "aero-types.h"

G_BEGIN_DECLS

#define AERO_TYPE_MEMORY_POLICY (aero_memory_policy_get_type ())
G_DECLARE_FINAL_TYPE (AeroMemoryPolicy, aero_memory_policy, AERO, MEMORY_POLICY, GObject)

/* Properties (notify on change): "guaranteed" (gint64 bytes, AERO_UNSET),
 * "max" (gint64 bytes, AERO_UNSET), "ballooning" (AeroTristate, an enum
 * property of type AERO_TYPE_TRISTATE from aero-enum-types.h). */
AeroMemoryPolicy *aero_memory_policy_new            (void);
AeroMemoryPolicy *aero_memory_policy_copy           (AeroMemoryPolicy *self);
/* Copies the members of @other into @self, notifying only what changed. */
void              aero_memory_policy_update_from    (AeroMemoryPolicy *self,
                                                     AeroMemoryPolicy *other);
/* TRUE when both have the same members (NULLs are equal). */
gboolean          aero_memory_policy_equal          (AeroMemoryPolicy *a,
                                                     AeroMemoryPolicy *b);
gint64            aero_memory_policy_get_guaranteed (AeroMemoryPolicy *self);
void              aero_memory_policy_set_guaranteed (AeroMemoryPolicy *self,
                                                     gint64            bytes);
gint64            aero_memory_policy_get_max        (AeroMemoryPolicy *self);
void              aero_memory_policy_set_max        (AeroMemoryPolicy *self,
                                                     gint64            bytes);
AeroTristate      aero_memory_policy_get_ballooning (AeroMemoryPolicy *self);
void              aero_memory_policy_set_ballooning (AeroMemoryPolicy *self,
                                                     AeroTristate      ballooning);

G_END_DECLS
