/* aero-demo-render.h - the inventory as the engine writes it (JSON)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "aero-demo-store.h"
#include "aero-demo-writer.h"

G_BEGIN_DECLS

typedef enum
{
  /* memory_policy.ballooning: single GETs and all_content only, like
   * engines up to 4.4.5. */
  AERO_DEMO_RENDER_BALLOONING      = 1 << 0,
  AERO_DEMO_RENDER_ALL_CONTENT     = 1 << 1,
  AERO_DEMO_RENDER_FOLLOW_CLUSTER  = 1 << 2,
  AERO_DEMO_RENDER_FOLLOW_TEMPLATE = 1 << 3,
  /* GET /vms/{id};next_run: the pending configuration. */
  AERO_DEMO_RENDER_NEXT_RUN        = 1 << 4,
  /* follow=statistics on hosts: embedded as at /hosts/{id}/statistics. */
  AERO_DEMO_RENDER_FOLLOW_STATISTICS = 1 << 5,
} AeroDemoRenderFlags;

void aero_demo_render_vm         (AeroDemoWriter   *w,
                                  AeroDemoStore    *store,
                                  AeroDemoVm       *vm,
                                  guint             flags);
void aero_demo_render_template   (AeroDemoWriter   *w,
                                  AeroDemoStore    *store,
                                  AeroDemoTemplate *tmpl,
                                  guint             flags,
                                  const char       *key);
void aero_demo_render_cluster    (AeroDemoWriter   *w,
                                  AeroDemoStore    *store,
                                  AeroDemoCluster  *cluster,
                                  const char       *key);
void aero_demo_render_data_center (AeroDemoWriter  *w,
                                   AeroDemoStore   *store);
void aero_demo_render_api        (AeroDemoWriter   *w,
                                  AeroDemoStore    *store,
                                  const char       *owner);
void aero_demo_render_statistics (AeroDemoWriter   *w,
                                  AeroDemoStore    *store,
                                  AeroDemoVm       *vm);
void aero_demo_render_host       (AeroDemoWriter   *w,
                                  AeroDemoStore    *store,
                                  AeroDemoHost     *host,
                                  guint             flags);
/* {"statistic": [...]}, as the member @key or (NULL) a document. */
void aero_demo_render_host_statistics (AeroDemoWriter *w,
                                       AeroDemoStore  *store,
                                       AeroDemoHost   *host,
                                       const char     *key);
void aero_demo_render_devices    (AeroDemoWriter   *w,
                                  AeroDemoStore    *store,
                                  AeroDemoVm       *vm);

G_END_DECLS
