/* aero-credentials.c - engine passwords in the user's keyring (libsecret)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <libsecret/secret.h>

#include "aero-credentials.h"

static const SecretSchema *
aero_credentials_get_schema (void)
{
  static const SecretSchema schema = {
    "io.github.aerostat.Aerostat.Password",
    SECRET_SCHEMA_NONE,
    {
      { "engine", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "user", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    },
    0, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
  };

  return &schema;
}

static void
store_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  if (!secret_password_store_finish (result, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

void
aero_credentials_store_async (const char          *engine_url,
                              const char          *user,
                              const char          *password,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *label = NULL;

  g_return_if_fail (engine_url != NULL);
  g_return_if_fail (user != NULL);
  g_return_if_fail (password != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, aero_credentials_store_async);

  /* TRANSLATORS: label of the keyring item, e.g. "oVirt password for
   * admin@internal on https://engine.example.com/ovirt-engine" */
  label = g_strdup_printf (_("oVirt password for %s on %s"), user, engine_url);
  secret_password_store (aero_credentials_get_schema (),
                         SECRET_COLLECTION_DEFAULT, label, password,
                         cancellable, store_cb, g_steal_pointer (&task),
                         "engine", engine_url,
                         "user", user,
                         NULL);
}

gboolean
aero_credentials_store_finish (GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
lookup_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  char *password;

  password = secret_password_lookup_finish (result, &error);
  if (error != NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* Copied out of non-pageable memory: the engine session keeps its own
   * copy for the one re-login a 401 allows. */
  g_task_return_pointer (task, g_strdup (password), g_free);
  secret_password_free (password);
}

void
aero_credentials_lookup_async (const char          *engine_url,
                               const char          *user,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (engine_url != NULL);
  g_return_if_fail (user != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, aero_credentials_lookup_async);

  secret_password_lookup (aero_credentials_get_schema (), cancellable,
                          lookup_cb, g_steal_pointer (&task),
                          "engine", engine_url,
                          "user", user,
                          NULL);
}

char *
aero_credentials_lookup_finish (GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
clear_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  /* FALSE without error only means nothing was stored: not a failure. */
  if (!secret_password_clear_finish (result, &error) && error != NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

void
aero_credentials_clear_async (const char          *engine_url,
                              const char          *user,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (engine_url != NULL);
  g_return_if_fail (user != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, aero_credentials_clear_async);

  secret_password_clear (aero_credentials_get_schema (), cancellable,
                         clear_cb, g_steal_pointer (&task),
                         "engine", engine_url,
                         "user", user,
                         NULL);
}

gboolean
aero_credentials_clear_finish (GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
