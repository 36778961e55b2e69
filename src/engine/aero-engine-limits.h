/* aero-engine-limits.h - how much of an engine's answer Aerostat accepts
 *
 * An engine (or whatever answers in its place) is not trusted to keep its
 * answers sane: every read is bounded in size and time, far above what a
 * real engine sends, so that the CLI and the window fail with a clear
 * error instead of exhausting memory or waiting for ever. Both share
 * these limits: they are defined here only.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

/* A whole document read at once (one VM, the API root, the SSO token, an
 * error page), counted after gzip decoding: a VM with all its content is
 * about 8 kB, so 64 MiB is thousands of times any real answer. */
#define AERO_ENGINE_MAX_BODY_SIZE (64 * 1024 * 1024)

/* Items of one streamed collection. The engine's largest installations
 * hold tens of thousands of VMs; a list past this never ends. */
#define AERO_ENGINE_MAX_COLLECTION_ITEMS 1000000

/* One JSON string as the engine writes it (escapes included). The texts a
 * model holds (descriptions, comments) are a few thousand characters; the
 * longest strings an engine sends are the OVF it adds to each VM with all
 * content (BackendVmsResource.doPopulate), tens of kB even for big VMs.
 * Strings are read in linear time (aero-stream-parser.c), so this bound is
 * about memory only. */
#define AERO_ENGINE_MAX_STRING_LENGTH (16 * 1024 * 1024)

/* Containers open at once in a streamed list, in the members no model
 * reads as anywhere else. An engine nests about ten levels; yajl keeps a
 * byte per level for as long as the text goes on, so without a bound an
 * answer of nothing but "[" would take all memory. */
#define AERO_ENGINE_MAX_NESTING 65536

/* Seconds one request may take from sending to the end of its answer,
 * the whole body included (libsoup's own timeout only bounds the time
 * between two reads). A 100 MB list over a slow link fits; a drip of one
 * byte a minute does not. The "deadline" property of AeroEngine. */
#define AERO_ENGINE_DEFAULT_DEADLINE 300
