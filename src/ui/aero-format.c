/* aero-format.c - the words and units the lists and panes show
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "aero-engine-error.h"
#include "aero-format.h"

#define MIB (G_GINT64_CONSTANT (1024) * 1024)
#define GIB (MIB * 1024)
#define TIB (GIB * 1024)

/* "4", "1.5": one decimal, left out when it is zero. */
static char *
format_amount (gint64 bytes,
               gint64 unit)
{
  if (bytes % unit == 0)
    return g_strdup_printf ("%" G_GINT64_FORMAT, bytes / unit);
  return g_strdup_printf ("%.1f", (double) bytes / (double) unit);
}

char *
aero_format_bytes (gint64 bytes)
{
  g_autofree char *amount = NULL;

  if (bytes < 0)
    return g_strdup (AERO_FORMAT_UNKNOWN);

  /* Engines count memory in binary units, so the labels say so (GiB,
   * not GB), as the CLI does. A no-break space keeps number and unit
   * together when labels wrap. */
  if (bytes >= TIB)
    {
      amount = format_amount (bytes, TIB);
      /* TRANSLATORS: memory size in tebibytes; %s is the number */
      return g_strdup_printf (_("%s\u00a0TiB"), amount);
    }
  if (bytes >= GIB)
    {
      amount = format_amount (bytes, GIB);
      /* TRANSLATORS: memory size in gibibytes; %s is the number */
      return g_strdup_printf (_("%s\u00a0GiB"), amount);
    }

  /* TRANSLATORS: memory size in mebibytes */
  return g_strdup_printf (_("%.0f\u00a0MiB"), (double) bytes / (double) MIB);
}

gboolean
aero_format_mib_binding (GBinding     *binding,
                         const GValue *from,
                         GValue       *to,
                         gpointer      user_data)
{
  gint64 mb = g_value_get_int64 (from);

  /* The MiB value in the largest binary unit, as the lists show it
   * ("4 GiB", "1.5 GiB"). */
  g_value_take_string (to, aero_format_bytes (mb * 1024 * 1024));
  return TRUE;
}

const char *
aero_format_vm_status (AeroVmStatus status)
{
  switch (status)
    {
    case AERO_VM_STATUS_DOWN:               return C_("vm status", "Down");
    case AERO_VM_STATUS_UP:                 return C_("vm status", "Up");
    case AERO_VM_STATUS_POWERING_UP:        return C_("vm status", "Powering Up");
    case AERO_VM_STATUS_PAUSED:             return C_("vm status", "Paused");
    case AERO_VM_STATUS_MIGRATING:          return C_("vm status", "Migrating");
    case AERO_VM_STATUS_SUSPENDED:          return C_("vm status", "Suspended");
    case AERO_VM_STATUS_IMAGE_LOCKED:       return C_("vm status", "Image Locked");
    case AERO_VM_STATUS_POWERING_DOWN:      return C_("vm status", "Powering Down");
    case AERO_VM_STATUS_NOT_RESPONDING:     return C_("vm status", "Not Responding");
    case AERO_VM_STATUS_WAIT_FOR_LAUNCH:    return C_("vm status", "Wait for Launch");
    case AERO_VM_STATUS_REBOOT_IN_PROGRESS: return C_("vm status", "Rebooting");
    case AERO_VM_STATUS_SAVING_STATE:       return C_("vm status", "Saving State");
    case AERO_VM_STATUS_RESTORING_STATE:    return C_("vm status", "Restoring State");
    case AERO_VM_STATUS_UNASSIGNED:         return C_("vm status", "Unassigned");
    case AERO_VM_STATUS_UNKNOWN:
    default:
      return C_("vm status", "Unknown");
    }
}

const char *
aero_format_tristate (AeroTristate value)
{
  if (value == AERO_TRISTATE_TRUE)
    /* TRANSLATORS: a feature switched on, in a list cell */
    return C_("state", "On");
  if (value == AERO_TRISTATE_FALSE)
    return C_("state", "Off");
  return AERO_FORMAT_UNKNOWN;
}

char *
aero_format_version (AeroVersion *version)
{
  if (version == NULL)
    return g_strdup (AERO_FORMAT_UNKNOWN);

  return aero_version_to_string (version);
}

char *
aero_format_error (const GError *error)
{
  const char *reason;
  const char *detail;

  if (error == NULL)
    return g_strdup (_("Unknown error"));

  reason = aero_engine_error_get_reason (error);
  detail = aero_engine_error_get_detail (error);

  /* Faults carry the engine's sentences; they say more than our code. */
  if (reason != NULL && detail != NULL && *detail != '\0')
    return g_strdup_printf ("%s: %s", reason, detail);
  if (detail != NULL && *detail != '\0')
    return g_strdup (detail);
  if (reason != NULL && *reason != '\0')
    return g_strdup (reason);

  return g_strdup (error->message);
}
