/* yajl-tokenise.c - the floor of the CLI benchmark: standard input run
 * through yajl_parse() with no callbacks, nothing built or written.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdio.h>
#include <stdlib.h>

#include <yajl/yajl_parse.h>

int
main (void)
{
  static unsigned char buffer[64 * 1024];
  yajl_handle handle = yajl_alloc (NULL, NULL, NULL);
  size_t n;
  int code = 0;

  while ((n = fread (buffer, 1, sizeof buffer, stdin)) > 0)
    if (yajl_parse (handle, buffer, n) != yajl_status_ok)
      {
        code = 1;
        break;
      }
  if (code == 0 && yajl_complete_parse (handle) != yajl_status_ok)
    code = 1;
  if (code != 0)
    fputs ("yajl-tokenise: not JSON\n", stderr);

  yajl_free (handle);
  return code;
}
