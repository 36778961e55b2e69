/* aero-cli-private.h - what the command files of aerostat-cli share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "aero-cli.h"
#include "aero-engine.h"

G_BEGIN_DECLS

#define PROGRAM "aerostat-cli"
#define DEFAULT_USER "admin@internal"

typedef struct {
  /* Global options */
  char         *engine_url;
  char         *user;
  char         *password_file;
  char         *ca_file;
  /* --timeout (or AEROSTAT_TIMEOUT), parsed once the engine is made. */
  char         *timeout;
  gboolean      json;
  gboolean      password_stdin;

  AeroEngine   *engine;
  GListModel   *clusters;
  GAsyncResult *result;
  /* Cancelled when the output is lost: nothing more is read. */
  GCancellable *cancellable;

  /* vms --json: the array is written as the VMs stream in. */
  guint         n_written;
  GString      *line;
} AeroCli;

typedef enum {
  VM_POWER_START,
  VM_POWER_SHUTDOWN,   /* POST /shutdown: the guest shuts itself down */
  VM_POWER_STOP,       /* POST /stop: power off, as pulling the plug */
} VmPower;

/* The columns of "vms" (aero-cli-output.c, aero-cli-vm.c). */
extern const int vm_widths[7];

/* aero-cli.c */
gboolean parse_command_options (AeroCli *cli,
                                const char *command,
                                const char *parameters,
                                GOptionEntry *entries,
                                int *argc,
                                char ***argv,
                                int *exit_code);
int parse_command_line (AeroCli *cli,
                        const char *command,
                        const char *parameter,
                        const char *missing,
                        GOptionEntry *entries,
                        int *argc,
                        char ***argv);

/* aero-cli-output.c */
int usage_error (const char *format, ...) G_GNUC_PRINTF (1, 2);
int failure (const char *format, ...) G_GNUC_PRINTF (1, 2);
int report_error (const GError *error);
void print_to_stdout (const char *text);
gboolean output_lost (void);
/* Pretty JSON and a newline on standard output. */
void print_json_node (JsonNode *node);
void print_json_list (GListModel *items);
JsonNode *vm_to_json (AeroVm *vm, GListModel *clusters);
void append_vm_json (GString *out, AeroVm *vm, GListModel *clusters);
/* "4 GiB", "2730 MiB", "-" when unset. */
char *format_mib (gint64 bytes);
/* "on", "off", "unknown": not translated, scripts read them. */
const char *tristate_text (AeroTristate value);
/* One table row, each cell padded to the terminal width of its column
 * (negative: aligned right; the last cell is not padded). */
void print_row (const int *widths, const char *const *cells, guint n_cells);
void print_vm_row (AeroVm *vm, GListModel *clusters);
void print_vm (AeroCli *cli, AeroVm *vm);

/* aero-cli-session.c */
void on_result (GObject *source, GAsyncResult *result, gpointer user_data);
GAsyncResult *wait_for_result (AeroCli *cli);
int connect_engine (AeroCli *cli);
int begin_list_command (AeroCli *cli,
                        const char *command,
                        GOptionEntry *entries,
                        int *argc,
                        char ***argv);
GListModel *get_clusters (AeroCli *cli, GError **error);
AeroCluster *find_cluster (AeroCli *cli, const char *ref, GError **error);
AeroVm *get_vm (AeroCli *cli, const char *id, gboolean next_run, GError **error);
AeroVm *get_vm_all_content (AeroCli *cli, AeroVm *vm, GError **error);
AeroVm *get_vm_by_id (AeroCli *cli, const char *id, GError **error);
AeroVm *find_vm (AeroCli *cli, const char *ref, GError **error);

/* aero-cli-vm.c */
int cmd_vms (AeroCli *cli, int argc, char **argv);
int cmd_vm_show (AeroCli *cli, int argc, char **argv);
int cmd_vm_set (AeroCli *cli, int argc, char **argv);
int cmd_vm_run_once (AeroCli *cli, int argc, char **argv);
int cmd_vm_power (AeroCli *cli, int argc, char **argv, VmPower power);

/* aero-cli-vm-search.c */
int vm_set_search_command (AeroCli *cli,
                           const char *search,
                           gboolean has_ballooning,
                           gboolean enable,
                           gboolean has_other,
                           gboolean dry_run,
                           int argc,
                           char **argv);

/* aero-cli-cluster.c */
int cmd_clusters (AeroCli *cli, int argc, char **argv);
int cmd_hosts (AeroCli *cli, int argc, char **argv);
int cmd_cluster_show (AeroCli *cli, int argc, char **argv);
int cmd_cluster_set (AeroCli *cli, int argc, char **argv);
int cmd_templates (AeroCli *cli, int argc, char **argv);

/* aero-cli-hosts.c: "hosts" and "cluster show", once logged in. FALSE
 * with @error when the engine could not be read. */
gboolean    aero_cli_print_hosts   (AeroEngine    *engine,
                                    GCancellable  *cancellable,
                                    GListModel    *clusters,
                                    const char    *search,
                                    gboolean       json,
                                    GError       **error);
gboolean    aero_cli_print_cluster (AeroEngine    *engine,
                                    GCancellable  *cancellable,
                                    AeroCluster   *cluster,
                                    gboolean       json,
                                    GError       **error);

G_END_DECLS
