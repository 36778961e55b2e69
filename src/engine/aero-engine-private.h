/* aero-engine-private.h - the instance of AeroEngine and the internal
 * request machinery shared by its source files
 *
 * AeroEngine is one GObject split by concern: aero-engine.c (the object,
 * addresses, TLS settings), aero-engine-request.c (sending, the 401 retry,
 * mapping responses to errors), aero-engine-auth.c (login, logout, CA
 * download), aero-engine-stream.c (collections read as a stream) and
 * aero-engine-calls.c (the VM, cluster and template calls).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <libsoup/soup.h>

#include "aero-engine.h"
#include "aero-engine-version.h"
#include "aero-engine-limits.h"
#include "aero-json.h"

G_BEGIN_DECLS

struct _AeroEngine
{
  GObject      parent_instance;

  SoupSession *session;
  char        *base_url;           /* https://host/ovirt-engine */
  char        *api_url;            /* https://host/ovirt-engine/api */

  char        *user;               /* the "user" property: set once logged in */
  /* The credentials of the current login, kept in memory only for the
   * one re-login a 401 triggers; never logged, never part of a URL. */
  char        *auth_user;
  char        *password;
  char        *token;
  gboolean     basic_auth;         /* the engine has no SSO endpoint */
  GPtrArray   *reauth_waiting;     /* GTasks waiting for the new login */
  gboolean     logged_in;

  char        *product_name;
  char        *product_version;
  char        *blank_template_id;
  /* What the engine's rules are, from product_info at login. */
  AeroEngineVersion engine_version;
  guint        deadline;           /* seconds, see aero-engine-limits.h */
};

/* Bodies above this size are parsed in a worker thread. */
#define AERO_ENGINE_THREAD_PARSE_SIZE (256 * 1024)

typedef enum {
  AERO_REQUEST_READ_ALL = 0,       /* the whole body as GBytes */
  AERO_REQUEST_STREAM   = 1 << 0,  /* a 2xx body as a GInputStream */
  AERO_REQUEST_NO_RETRY = 1 << 1,  /* no re-login on 401 */
  /* "All-Content: true": the engine adds what it leaves out by default,
   * such as a VM's memory_policy.ballooning in a list before 4.4.6.5; the
   * header is the one way every release reads (a query parameter only
   * from 4.4.3.8): ovirt-engine: backend/manager/modules/restapi/jaxrs/
   * .../BackendResource.java isPopulate. */
  AERO_REQUEST_ALL_CONTENT = 1 << 2,
} AeroRequestFlags;

/* What aero_engine_send_finish() hands over: the message (for its status
 * and headers) and either the whole body or, for a successful streamed
 * request, the body stream. */
typedef struct
{
  SoupMessage  *msg;
  GBytes       *body;
  GInputStream *stream;
} AeroResponse;

void          aero_response_free (AeroResponse *response);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AeroResponse, aero_response_free)

/* aero-engine.c */
GTask        *aero_engine_new_task       (AeroEngine          *self,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data,
                                          gpointer             source_tag);
/* The end of a task from aero_engine_new_task(): checks that @result is
 * the task of @source_tag on @self, then hands over its value. */
gpointer      aero_engine_propagate_pointer (AeroEngine    *self,
                                             GAsyncResult  *result,
                                             gpointer       source_tag,
                                             GError       **error);
gboolean      aero_engine_propagate_boolean (AeroEngine    *self,
                                             GAsyncResult  *result,
                                             gpointer       source_tag,
                                             GError       **error);
char         *aero_engine_dup_api_uri    (AeroEngine  *self,
                                          const char  *path_and_query);
char         *aero_engine_dup_base_uri   (AeroEngine  *self,
                                          const char  *path_and_query);
void          aero_engine_set_token      (AeroEngine  *self,
                                          const char  *token,
                                          gboolean     basic_auth);
void          aero_engine_set_logged_in  (AeroEngine  *self,
                                          gboolean     logged_in);
void          aero_engine_set_user       (AeroEngine  *self,
                                          const char  *user);
void          aero_engine_set_product    (AeroEngine  *self,
                                          const char  *name,
                                          const char  *version,
                                          const char  *blank_template_id);
void          aero_engine_forget_credentials (AeroEngine *self);
char         *aero_engine_normalise_address  (const char  *address,
                                              GError     **error);
char         *aero_engine_dup_certificate_fingerprint (GTlsCertificate *certificate);
SoupSession  *aero_engine_new_session    (void);

/* aero-engine-request.c: the engine's deadline for one request (see
 * aero-engine-limits.h). */
typedef struct
{
  guint         seconds;
  gboolean      passed;
  GCancellable *cancellable;       /* cancelled at the deadline or by the caller */
  GCancellable *caller;
  gulong        caller_handler;
  GSource      *timer;
} AeroDeadline;

AeroDeadline *aero_deadline_new          (AeroEngine   *self,
                                          GCancellable *caller);
void          aero_deadline_free         (AeroDeadline *deadline);
GCancellable *aero_deadline_get_cancellable (AeroDeadline *deadline);
GError       *aero_deadline_map_error    (AeroDeadline *deadline,
                                          GError       *error,
                                          SoupMessage  *msg);
GError       *aero_engine_error_new_too_large (guint       http_status,
                                               const char *what);

/* A whole answer, bounded in size (AERO_ENGINE_MAX_BODY_SIZE, after
 * decoding) and time (the deadline); errors already AERO_ENGINE_ERROR. */
void          aero_engine_read_message_async  (AeroEngine          *self,
                                               SoupSession         *session,
                                               SoupMessage         *msg,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
void          aero_engine_read_stream_async   (AeroEngine          *self,
                                               SoupMessage         *msg,
                                               GInputStream        *stream,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
GBytes       *aero_engine_read_message_finish (AeroEngine          *self,
                                               GAsyncResult        *result,
                                               GError             **error);


SoupMessage  *aero_engine_new_message    (AeroEngine  *self,
                                          const char  *method,
                                          const char  *uri);
void          aero_engine_watch_certificate (SoupMessage *msg,
                                             gboolean     accept);
GError       *aero_engine_error_new_own  (AeroEngineErrorCode  code,
                                          guint                http_status,
                                          const char          *message,
                                          const char          *cause);
GError       *aero_engine_error_from_transport (GError      *error,
                                                SoupMessage *msg);
GError       *aero_engine_error_from_status (guint        status,
                                             GBytes      *body);
JsonObject   *aero_engine_parse_response (guint        status,
                                          GBytes      *body,
                                          GError     **error);
GBytes       *aero_engine_serialise_body (JsonNode    *body);

void          aero_engine_send_async     (AeroEngine          *self,
                                          const char          *method,
                                          const char          *path_and_query,
                                          GBytes              *json_body,
                                          AeroRequestFlags     flags,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data);
AeroResponse *aero_engine_send_finish    (AeroEngine          *self,
                                          GAsyncResult        *result,
                                          GError             **error);

/* Sends and parses a small document: the root object, or an error. */
void          aero_engine_call_async     (AeroEngine          *self,
                                          const char          *method,
                                          const char          *path_and_query,
                                          GBytes              *json_body,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data);
/* As aero_engine_call_async() with @flags (AERO_REQUEST_STREAM aside);
 * finish with aero_engine_call_finish(). */
void          aero_engine_call_full_async (AeroEngine          *self,
                                           const char          *method,
                                           const char          *path_and_query,
                                           GBytes              *json_body,
                                           AeroRequestFlags     flags,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
JsonObject   *aero_engine_call_finish    (AeroEngine          *self,
                                          GAsyncResult        *result,
                                          GError             **error);

/* aero-engine-auth.c: obtains a token with the kept user and password
 * (SSO, or Basic when the engine has no SSO endpoint). */
void          aero_engine_authenticate_async  (AeroEngine          *self,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
gboolean      aero_engine_authenticate_finish (AeroEngine          *self,
                                               GAsyncResult        *result,
                                               GError             **error);

/* aero-engine-stream.c: GET a collection and read it as a stream. */
void          aero_engine_read_collection_async  (AeroEngine          *self,
                                                  const char          *path_and_query,
                                                  const char          *element,
                                                  GType                item_type,
                                                  AeroJsonReadFunc     read,
                                                  AeroRequestFlags     flags,
                                                  AeroBatchFunc        batch_func,
                                                  gpointer             batch_data,
                                                  gboolean             keep_items,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data);
GListModel   *aero_engine_read_collection_finish (AeroEngine          *self,
                                                  GAsyncResult        *result,
                                                  GError             **error);

G_END_DECLS
