/* test-keyring.c - "Remember password" against a real Secret Service
 *
 * Runs its own D-Bus session (GTestDBus) with a gnome-keyring-daemon in
 * it, so the tests never see the developer's keyring: the password is
 * stored on a successful login with the box ticked and not otherwise,
 * --engine/--user finds and uses it, a stored password the engine refuses
 * is forgotten, and no password ever lands in GSettings.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <unistd.h>

#include "aero-credentials.h"
#include "aero-test-demo.h"
#include "aero-test-wait.h"
#include "aero-window-private.h"

#define USER "admin@internal"
#define PASSWORD "demo"

static AeroDemoEngine *demo;
static char *base_url;
/* Why the tests cannot run here, or NULL. */
static const char *skip_reason;

#define REQUIRE_KEYRING() \
  G_STMT_START { if (skip_reason != NULL) { g_test_skip (skip_reason); return; } } G_STMT_END

/* The keyring, synchronously for the tests */

typedef struct
{
  gboolean  done;
  gboolean  ok;
  char     *password;
  GError   *error;
} Result;

static void
lookup_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  Result *res = user_data;

  res->password = aero_credentials_lookup_finish (result, &res->error);
  res->done = TRUE;
}

static char *
stored_password (GError **error)
{
  Result res = { 0 };

  aero_credentials_lookup_async (base_url, USER, NULL, lookup_cb, &res);
  aero_test_wait_flag (&res.done, "the keyring lookup");
  if (res.error != NULL)
    g_propagate_error (error, res.error);
  return res.password;
}

static void
bool_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  Result *res = user_data;

  if (g_task_get_source_tag (G_TASK (result)) == aero_credentials_store_async)
    res->ok = aero_credentials_store_finish (result, &res->error);
  else
    res->ok = aero_credentials_clear_finish (result, &res->error);
  res->done = TRUE;
}

static void
store_password (const char *password)
{
  Result res = { 0 };

  aero_credentials_store_async (base_url, USER, password, NULL, bool_cb, &res);
  aero_test_wait_flag (&res.done, "the keyring store");
  g_assert_no_error (res.error);
  g_assert_true (res.ok);
}

static void
clear_password (void)
{
  Result res = { 0 };

  aero_credentials_clear_async (base_url, USER, NULL, bool_cb, &res);
  aero_test_wait_flag (&res.done, "the keyring clear");
  g_clear_error (&res.error);
}

/* No key of the settings holds the password, in any form. */
static void
assert_password_not_in_settings (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GSettingsSchema) schema = NULL;
  g_auto(GStrv) keys = NULL;

  g_object_get (settings, "settings-schema", &schema, NULL);
  keys = g_settings_schema_list_keys (schema);
  g_assert_cmpuint (g_strv_length (keys), >, 0);
  for (guint i = 0; keys[i] != NULL; i++)
    {
      g_autoptr(GVariant) value = g_settings_get_value (settings, keys[i]);
      g_autofree char *printed = g_variant_print (value, FALSE);

      g_test_message ("%s = %s", keys[i], printed);
      g_assert_null (strstr (printed, PASSWORD));
    }
}

/* The window */

static void
connect_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  Result *res = user_data;

  res->ok = aero_window_connect_finish (AERO_WINDOW (object), result, &res->error);
  res->done = TRUE;
}

static AeroWindow *
new_window (void)
{
  AeroWindow *window = aero_window_new (NULL);

  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  gtk_window_present (GTK_WINDOW (window));
  return window;
}

static gboolean
login (AeroWindow *window,
       const char *password,
       gboolean    remember)
{
  Result res = { 0 };

  aero_window_connect_async (window, aero_demo_engine_get_api_url (demo), USER,
                             password, remember, NULL, connect_cb, &res);
  aero_test_wait_flag (&res.done, "the login");
  g_clear_error (&res.error);
  return res.ok;
}

static gboolean
password_stored (gpointer data)
{
  g_autofree char *password = stored_password (NULL);

  return g_strcmp0 (password, PASSWORD) == 0;
}

static gboolean
in_session (gpointer data)
{
  return g_strcmp0 (aero_window_get_page (data), "session") == 0;
}

static void
test_remember_stores (void)
{
  AeroWindow *window;

  REQUIRE_KEYRING ();
  window = new_window ();

  clear_password ();
  g_assert_true (login (window, PASSWORD, TRUE));
  /* The store runs after the login: give it a moment. */
  aero_test_wait_for (password_stored, NULL, 30, "the password in the keyring");
  assert_password_not_in_settings ();

  gtk_window_destroy (GTK_WINDOW (window));
  clear_password ();
}

static void
test_no_remember_stores_nothing (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *password = NULL;
  AeroWindow *window;

  REQUIRE_KEYRING ();
  window = new_window ();

  clear_password ();
  g_assert_true (login (window, PASSWORD, FALSE));
  /* Nothing will come: wait as long as a store would take, then look. */
  g_assert_false (aero_test_wait_for (password_stored, NULL, 2, NULL));
  password = stored_password (&error);
  g_assert_no_error (error);
  g_assert_null (password);
  assert_password_not_in_settings ();

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_prefill_uses_stored (void)
{
  AeroWindow *window;

  REQUIRE_KEYRING ();
  window = new_window ();

  store_password (PASSWORD);
  /* aerostat --engine URL --user USER */
  aero_window_prefill (window, aero_demo_engine_get_api_url (demo), USER);
  aero_test_wait_for (in_session, window, 30, "the login with the stored password");
  g_assert_cmpstr (aero_engine_get_user (aero_window_get_engine (window)), ==, USER);
  assert_password_not_in_settings ();

  gtk_window_destroy (GTK_WINDOW (window));
  clear_password ();
}

static void
test_wrong_stored_is_cleared (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *password = NULL;
  AeroWindow *window;

  REQUIRE_KEYRING ();
  window = new_window ();

  store_password ("stale-password");
  g_assert_false (login (window, "stale-password", FALSE));
  g_assert_cmpstr (aero_window_get_page (window), ==, "login");
  g_assert_nonnull (aero_login_page_get_error (aero_window_get_login_page (window)));
  password = stored_password (&error);
  g_assert_no_error (error);
  g_assert_null (password);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_wrong_typed_keeps_stored (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *password = NULL;
  AeroWindow *window;

  REQUIRE_KEYRING ();
  window = new_window ();

  /* A typo must not cost the admin the stored, right password. */
  store_password (PASSWORD);
  g_assert_false (login (window, "typo", FALSE));
  password = stored_password (&error);
  g_assert_no_error (error);
  g_assert_cmpstr (password, ==, PASSWORD);

  gtk_window_destroy (GTK_WINDOW (window));
  clear_password ();
}

/* Setup: a private bus with a keyring on it */

static gboolean
secrets_owned (gpointer data)
{
  return *(gboolean *) data;
}

static void
name_appeared_cb (GDBusConnection *connection,
                  const char      *name,
                  const char      *owner,
                  gpointer         user_data)
{
  *(gboolean *) user_data = TRUE;
}

static GPid
start_keyring (const char *dir)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *program = g_find_program_in_path ("gnome-keyring-daemon");
  const char *argv[] = { NULL, "--foreground", "--unlock", "--components=secrets", NULL };
  gboolean appeared = FALSE;
  GPid pid = 0;
  int in_fd = -1;
  guint watch;

  if (program == NULL)
    return 0;

  argv[0] = program;
  if (!g_spawn_async_with_pipes (dir, (char **) argv, NULL,
                                 G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL,
                                 NULL, NULL, &pid, &in_fd, NULL, NULL, &error))
    {
      g_printerr ("# gnome-keyring-daemon: %s\n", error->message);
      return 0;
    }
  /* --unlock reads the login keyring's password from standard input
   * (it creates the keyring with it), up to end of file. */
  if (write (in_fd, "aerostat-test", strlen ("aerostat-test")) < 0)
    g_printerr ("# could not hand the keyring its password\n");
  close (in_fd);

  watch = g_bus_watch_name (G_BUS_TYPE_SESSION, "org.freedesktop.secrets",
                            G_BUS_NAME_WATCHER_FLAGS_NONE,
                            name_appeared_cb, NULL, &appeared, NULL);
  aero_test_wait_for (secrets_owned, &appeared, 20, NULL);
  g_bus_unwatch_name (watch);
  if (!appeared)
    {
      kill (pid, SIGTERM);
      g_spawn_close_pid (pid);
      return 0;
    }

  return pid;
}

static gboolean
keyring_works (void)
{
  Result res = { 0 };

  aero_credentials_store_async (base_url, "probe@internal", "probe", NULL, bool_cb, &res);
  aero_test_wait_flag (&res.done, "the keyring probe");
  if (!res.ok)
    {
      g_printerr ("# keyring refuses to store: %s\n", res.error ? res.error->message : "?");
      g_clear_error (&res.error);
      return FALSE;
    }
  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  GTestDBus *bus;
  g_autoptr(AeroEngine) engine = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *data_home = NULL;
  g_autofree char *runtime_dir = NULL;
  g_autofree char *display = NULL;
  GPid keyring = 0;
  int ret;

  g_setenv ("GSETTINGS_SCHEMA_DIR", AERO_TEST_SCHEMA_DIR, TRUE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  /* The keyring files, trusted CAs and the daemon's socket live here. */
  dir = g_dir_make_tmp ("aerostat-keyring-XXXXXX", NULL);
  g_assert_nonnull (dir);
  data_home = g_build_filename (dir, "data", NULL);
  runtime_dir = g_build_filename (dir, "run", NULL);
  g_mkdir_with_parents (data_home, 0700);
  g_mkdir_with_parents (runtime_dir, 0700);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_setenv ("XDG_RUNTIME_DIR", runtime_dir, TRUE);
  g_setenv ("HOME", dir, TRUE);

  /* Never the developer's session bus, nor their keyring; up before
   * GTK, which connects to the session bus as it starts. */
  display = g_strdup (g_getenv ("DISPLAY"));
  bus = g_test_dbus_new (G_TEST_DBUS_NONE);
  g_test_dbus_up (bus);
  /* g_test_dbus_up() unsets it; the X server of the tests is wanted. */
  if (display != NULL)
    g_setenv ("DISPLAY", display, TRUE);

  gtk_test_init (&argc, &argv, NULL);
  g_main_context_acquire (g_main_context_default ());
  adw_init ();

  demo = aero_demo_engine_new (0, 1);
  aero_test_demo_start (demo);
  engine = aero_engine_new (aero_demo_engine_get_api_url (demo), &error);
  g_assert_no_error (error);
  base_url = g_strdup (aero_engine_get_base_url (engine));

  keyring = start_keyring (dir);
  if (keyring == 0 || !keyring_works ())
    {
      skip_reason = "no Secret Service: gnome-keyring-daemon could not be started on a private bus";
    }

  g_test_add_func ("/keyring/remember-stores", test_remember_stores);
  g_test_add_func ("/keyring/no-remember-stores-nothing", test_no_remember_stores_nothing);
  g_test_add_func ("/keyring/prefill-uses-stored", test_prefill_uses_stored);
  g_test_add_func ("/keyring/wrong-stored-is-cleared", test_wrong_stored_is_cleared);
  g_test_add_func ("/keyring/wrong-typed-keeps-stored", test_wrong_typed_keeps_stored);

  ret = g_test_run ();

  aero_demo_engine_stop (demo);
  g_clear_object (&demo);
  if (keyring != 0)
    {
      kill (keyring, SIGTERM);
      g_spawn_close_pid (keyring);
    }
  /* GTK keeps its bus connection to the end: do not wait for it to go
   * (g_test_dbus_down() would, and finalizing the GTestDBus calls it). */
  g_test_dbus_stop (bus);
  g_free (base_url);

  return ret;
}
