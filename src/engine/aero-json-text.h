/* aero-json-text.h - the normalised VM written straight as JSON text
 *
 * aero_json_vm_to_normalised () builds a json-glib tree, which a
 * generator then turns into text: for `aerostat-cli --json vms` over
 * thousands of VMs that was most of the time spent writing. These write
 * the same members, in the same order, as compact JSON into a buffer.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "aero-vm.h"

G_BEGIN_DECLS

/* Opens an object holding the members of aero_json_vm_to_normalised ()
 * of @vm; more members may follow before aero_json_text_end_object (). */
void aero_json_text_begin_vm      (GString     *out,
                                   AeroVm      *vm);
/* ,"member":"value" (null for NULL) */
void aero_json_text_add_string    (GString     *out,
                                   const char  *member,
                                   const char  *value);
/* ,"member":true|false */
void aero_json_text_add_boolean   (GString     *out,
                                   const char  *member,
                                   gboolean     value);
void aero_json_text_end_object    (GString     *out);

G_END_DECLS
