/* fuzz-target.h - what every fuzz target shares
 *
 * Each target defines LLVMFuzzerTestOneInput (); fuzz-target.c defines
 * LLVMFuzzerInitialize () for all of them, and fuzz-replay.c calls both
 * where libFuzzer is not there.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <stddef.h>
#include <stdint.h>

#include <glib.h>

int LLVMFuzzerInitialize    (int           *argc,
                             char        ***argv);
int LLVMFuzzerTestOneInput  (const uint8_t *data,
                             size_t         size);

/* The next chunk size, 1 to 64, from a xorshift generator seeded by the
 * input, so that a crash replays with the same cuts. Never inside MIN (),
 * which would draw twice. */
static inline gsize
fuzz_next_chunk (guint32 *state)
{
  *state ^= *state << 13;
  *state ^= *state >> 17;
  *state ^= *state << 5;
  return 1 + *state % 64;
}
