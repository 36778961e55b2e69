/* aero-demo-engine-private.h - what the files of AeroDemoEngine share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <libsoup/soup.h>

#include "aero-demo-engine.h"
#include "aero-demo-render.h"
#include "aero-demo-store.h"

G_BEGIN_DECLS

#define API_PATH "/ovirt-engine/api"
#define SSO_TOKEN_PATH "/ovirt-engine/sso/oauth/token"
#define SSO_LOGOUT_PATH "/ovirt-engine/services/sso-logout"
#define ADMIN_USER "admin@internal"
#define DEMO_PASSWORD "demo"
#define DEFAULT_TOKEN_LIFETIME 1800
/* About eight VMs per chunk. */
#define STREAM_CHUNK_SIZE (64 * 1024)

struct _AeroDemoEngine
{
  GObject        parent_instance;

  AeroDemoStore *store;
  guint          token_lifetime;

  /* Server thread. */
  GThread       *thread;
  GMainContext  *context;
  GMainLoop     *loop;
  SoupServer    *server;
  GHashTable    *tokens;      /* token -> Token */

  /* Start-up handshake. */
  GMutex         lock;
  GCond          cond;
  gboolean       ready;
  GError        *start_error;

  char          *address;
  guint          port;
  char          *api_url;
};

typedef struct
{
  char   *user;
  gint64  expires_us;   /* real time */
} Token;

/* aero-demo-engine-respond.c */
void respond_take (SoupServerMessage *msg, guint status, const char *content_type, GString *body);
void respond_fault_literal (SoupServerMessage *msg, guint status, const char *reason, const char *detail);
void respond_fault (SoupServerMessage *msg, const GError *error);
void respond_action_fault (SoupServerMessage *msg, const GError *error);
void respond_not_found (SoupServerMessage *msg, const char *id);
void respond_forbidden (SoupServerMessage *msg);
void respond_unauthorized (SoupServerMessage *msg);
void respond_sso_error (SoupServerMessage *msg, const char *code, const char *message);
gboolean truthy (const char *value);
JsonObject *read_json_body (SoupServerMessage *msg, JsonParser *parser, gboolean required);
void respond_object (SoupServerMessage *msg, guint status, GString *out);
guint vm_flags (AeroDemoEngine *self, SoupServerMessage *msg, GHashTable *query, gboolean single);
gboolean read_max (SoupServerMessage *msg, GHashTable *query, gint64 *max);
void respond_vm_stream (AeroDemoEngine *self, SoupServerMessage *msg, GPtrArray *vms, guint flags);

/* aero-demo-engine-auth.c */
void handle_sso_token (AeroDemoEngine *self, SoupServerMessage *msg, GHashTable *query);
void handle_sso_logout (AeroDemoEngine *self, SoupServerMessage *msg);
char *authenticate (AeroDemoEngine *self, SoupServerMessage *msg);

/* aero-demo-engine-vms.c */
gboolean is_filtered (const char *user);
void handle_vms (AeroDemoEngine *self, SoupServerMessage *msg, GHashTable *query, char **segs, const char *user);

/* aero-demo-engine-api.c */
void handle_api (AeroDemoEngine *self, SoupServerMessage *msg, const char *path, GHashTable *query);

G_END_DECLS
