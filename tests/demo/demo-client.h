/* demo-client.h - raw HTTP helpers for the demo engine tests
 *
 * The tests speak plain HTTP with libsoup and read JSON with json-glib:
 * nothing from the client library, so that the wire format is checked
 * independently.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "aero-demo-engine.h"

G_BEGIN_DECLS

#define DEMO_ADMIN_BASIC "Basic YWRtaW5AaW50ZXJuYWw6ZGVtbw=="   /* admin@internal:demo */
#define DEMO_USER_BASIC "Basic dXNlckBpbnRlcm5hbDpkZW1v"        /* user@internal:demo */
#define DEMO_NO_AUTH ""

typedef struct
{
  AeroDemoEngine *engine;
  SoupSession    *session;
  char           *base;       /* http://127.0.0.1:PORT */
} DemoFixture;

typedef struct
{
  guint               status;
  char               *body;
  gsize               length;
  SoupMessageHeaders *headers;
  JsonNode           *json;   /* NULL unless the body is JSON */
} DemoReply;

void        demo_fixture_start     (DemoFixture    *fx,
                                    AeroDemoEngine *engine);
void        demo_fixture_stop      (DemoFixture    *fx);

/* @auth: an Authorization value, DEMO_NO_AUTH for none, NULL for admin. */
DemoReply  *demo_request_full      (DemoFixture    *fx,
                                    const char     *method,
                                    const char     *path,
                                    const char     *auth,
                                    const char     *body,
                                    const char     *header_name,
                                    const char     *header_value);
DemoReply  *demo_request           (DemoFixture    *fx,
                                    const char     *method,
                                    const char     *path,
                                    const char     *body);
void        demo_reply_free        (DemoReply      *reply);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DemoReply, demo_reply_free)

JsonObject *demo_reply_object      (DemoReply      *reply);
/* A member path like "memory_policy.ballooning"; NULL when absent. */
const char *demo_get_string        (JsonObject     *object,
                                    const char     *path);
gboolean    demo_has_member        (JsonObject     *object,
                                    const char     *path);
/* The members of a collection ("vm", "cluster"...), empty when absent. */
JsonArray  *demo_collection        (DemoReply      *reply,
                                    const char     *key);
/* The id of the VM called @name (admin view). */
char       *demo_vm_id             (DemoFixture    *fx,
                                    const char     *name);
char       *demo_search_path       (const char     *collection,
                                    const char     *search,
                                    const char     *extra_query);
void        demo_assert_fault      (DemoReply      *reply,
                                    guint           status,
                                    const char     *reason,
                                    const char     *detail);

G_END_DECLS
