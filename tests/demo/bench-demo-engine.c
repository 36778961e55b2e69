/* bench-demo-engine.c - how fast the demo engine serves 10,000 VMs
 *
 * A client that reads GET /vms?all_content=true and throws the bytes away,
 * so the figure is the server's: bytes, seconds and MB/s.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include <libsoup/soup.h>

#include "aero-demo-engine.h"

#define N_VMS 10000
#define ROUNDS 3

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AeroDemoEngine) engine = aero_demo_engine_new (N_VMS, 1);
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  double best = G_MAXDOUBLE;
  gsize bytes = 0;

  if (!aero_demo_engine_start (engine, "127.0.0.1", 0, &error))
    {
      g_printerr ("%s\n", error->message);
      return EXIT_FAILURE;
    }
  url = g_strdup_printf ("%s/vms?all_content=true", aero_demo_engine_get_api_url (engine));

  for (guint round = 0; round < ROUNDS; round++)
    {
      g_autoptr(SoupMessage) msg = soup_message_new ("GET", url);
      g_autoptr(GInputStream) stream = NULL;
      g_autofree char *buffer = g_malloc (256 * 1024);
      gint64 start = g_get_monotonic_time ();
      gssize n;
      double seconds;

      bytes = 0;
      soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization",
                                    "Basic YWRtaW5AaW50ZXJuYWw6ZGVtbw==");
      soup_message_headers_replace (soup_message_get_request_headers (msg), "Accept", "application/json");
      stream = soup_session_send (session, msg, NULL, &error);
      if (stream == NULL || soup_message_get_status (msg) != 200)
        {
          g_printerr ("request failed: %s\n", error != NULL ? error->message : "bad status");
          return EXIT_FAILURE;
        }
      while ((n = g_input_stream_read (stream, buffer, 256 * 1024, NULL, &error)) > 0)
        bytes += n;
      if (n < 0)
        {
          g_printerr ("%s\n", error->message);
          return EXIT_FAILURE;
        }
      seconds = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
      best = MIN (best, seconds);
      printf ("round %u: %u VMs, %" G_GSIZE_FORMAT " bytes in %.3f s, %.1f MB/s\n",
              round + 1, N_VMS, bytes, seconds, bytes / seconds / 1e6);
    }
  printf ("best: %" G_GSIZE_FORMAT " bytes, %.3f s, %.1f MB/s, %.0f bytes per VM\n",
          bytes, best, bytes / best / 1e6, (double) bytes / N_VMS);
  aero_demo_engine_stop (engine);
  return EXIT_SUCCESS;
}
