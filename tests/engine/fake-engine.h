/* fake-engine.h - a tiny oVirt engine on loopback for the AeroEngine tests
 *
 * Not the demo engine: a SoupServer on 127.0.0.1 (port chosen by the
 * kernel) with SSO, the API root, Bearer/Basic checks and per-test canned
 * responses; every request is recorded for the tests to inspect.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <libsoup/soup.h>

#include "aero-engine.h"

G_BEGIN_DECLS

typedef struct _FakeEngine FakeEngine;

typedef struct
{
  char               *method;
  char               *path;      /* full path, "/ovirt-engine/api/vms" */
  char               *query;     /* raw query string or NULL */
  SoupMessageHeaders *headers;
  GBytes             *body;
} FakeRequest;

#define FAKE_USER     "admin@internal"
#define FAKE_PASSWORD "p&ss w=rd%+"

/* Plain HTTP, or HTTPS with @certificate when non-NULL. */
FakeEngine  *fake_engine_new              (GTlsCertificate *certificate);
void         fake_engine_free             (FakeEngine      *self);
/* "http://127.0.0.1:PORT/ovirt-engine" (https:// with a certificate) */
const char  *fake_engine_get_base_url     (FakeEngine      *self);

/* FALSE: the SSO token URL answers 404 and Basic credentials are
 * accepted instead (an engine before 4.0). */
void         fake_engine_set_sso          (FakeEngine      *self,
                                           gboolean         enabled);
/* Every token handed out so far stops working (401 with an HTML body). */
void         fake_engine_expire_tokens    (FakeEngine      *self);
/* Answers the SSO token request with 400 invalid_request from now on
 * (the engine's refusal, whatever the credentials). */
void         fake_engine_set_login_refused (FakeEngine     *self,
                                            gboolean        refused);
/* The PEM served at /services/pki-resource. */
void         fake_engine_set_ca_pem       (FakeEngine      *self,
                                           const char      *pem);

/* What the API root says the engine's release is ("4.3.10.4-1.el7");
 * "4.5.4-1.el8" by default. Takes effect at the next login. */
void         fake_engine_set_full_version (FakeEngine      *self,
                                           const char      *full_version);

/* Queues one response for @method on @path (relative to
 * /ovirt-engine/api, "" for the root); queued responses are used once,
 * in order, before the sticky ones set with fake_engine_set_response.
 * A 3xx status redirects to @body. A sticky "POST" "/sso/oauth/token"
 * replaces the SSO. */
void         fake_engine_push_response    (FakeEngine      *self,
                                           const char      *method,
                                           const char      *path,
                                           guint            status,
                                           const char      *content_type,
                                           const char      *body);
void         fake_engine_set_response     (FakeEngine      *self,
                                           const char      *method,
                                           const char      *path,
                                           guint            status,
                                           const char      *content_type,
                                           const char      *body);
/* A chunked 200 response: @first is sent at once, @rest only after
 * fake_engine_release_stream(). */
void         fake_engine_set_held_stream  (FakeEngine      *self,
                                           const char      *path,
                                           const char      *first,
                                           const char      *rest);
void         fake_engine_release_stream   (FakeEngine      *self);
/* TRUE once a held stream's first part was sent. */
gboolean     fake_engine_stream_started   (FakeEngine      *self);
/* TRUE once the client dropped the connection of a held stream. */
gboolean     fake_engine_stream_disconnected (FakeEngine    *self);

/* Answers @method on @full_path ("/ovirt-engine/api/vms/vm-1", the SSO
 * token's "/ovirt-engine/sso/oauth/token") with "{" and @inflated_size
 * spaces, gzip-compressed: a small body that decodes to a huge one. */
void         fake_engine_set_gzip_bomb    (FakeEngine      *self,
                                           const char      *method,
                                           const char      *full_path,
                                           gsize            inflated_size);
/* Answers any request on @full_path with a 200 whose @body is sent one
 * byte every @interval_ms milliseconds. */
void         fake_engine_set_drip         (FakeEngine      *self,
                                           const char      *full_path,
                                           const char      *body,
                                           guint            interval_ms);

/* Answers @full_path with a VM list that never ends. */
void         fake_engine_set_endless_list (FakeEngine      *self,
                                           const char      *full_path);

GPtrArray   *fake_engine_get_requests     (FakeEngine      *self);
/* The last request with that method and full path, or NULL. */
FakeRequest *fake_engine_find_request     (FakeEngine      *self,
                                           const char      *method,
                                           const char      *path);
guint        fake_engine_count_requests   (FakeEngine      *self,
                                           const char      *method,
                                           const char      *path);
void         fake_engine_clear_requests   (FakeEngine      *self);

/* Helpers for the tests: run the default main context until an async
 * call completes. Pass fake_async_result_cb with &result as user data. */
void          fake_async_result_cb        (GObject         *object,
                                           GAsyncResult    *result,
                                           gpointer         user_data);
GAsyncResult *fake_wait_for_result        (GAsyncResult   **result);
void          fake_iterate_until          (gboolean       (*done) (gpointer data),
                                           gpointer         data);

/* A JSON document of @n VMs as an engine sends it, pretty-printed with
 * links, ids "vm-0" ... */
char        *fake_vm_collection_json      (guint            first,
                                           guint            n,
                                           gboolean         open,
                                           gboolean         close);

/* The body of a recorded request as a string. */
char        *fake_request_body_text       (FakeRequest     *request);

/* The fixture of the AeroEngine tests: a fake engine and a session with
 * it, for g_test_add(). */
typedef struct
{
  FakeEngine *fake;
  AeroEngine *engine;
} FakeFixture;

/* A fake engine (HTTPS with @certificate when non-NULL) and an engine on
 * its URL, not logged in. */
void         fake_fixture_open            (FakeFixture     *fixture,
                                           GTlsCertificate *certificate);
/* fake_fixture_open() over plain HTTP. */
void         fake_fixture_set_up          (FakeFixture     *fixture,
                                           gconstpointer    data);
/* fake_fixture_set_up(), logged in as FAKE_USER, the requests of the
 * login cleared. */
void         fake_fixture_set_up_logged_in (FakeFixture    *fixture,
                                            gconstpointer   data);
/* Checks that nothing holds the engine any more. */
void         fake_fixture_tear_down       (FakeFixture     *fixture,
                                           gconstpointer    data);
/* Logs in as FAKE_USER with @password, waiting for the result. */
gboolean     fake_fixture_login           (FakeFixture     *fixture,
                                           const char      *password,
                                           GError         **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FakeEngine, fake_engine_free)

G_END_DECLS
