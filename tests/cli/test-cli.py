#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""aerostat-cli against the real demo engine program, over loopback HTTP.

Usage: test-cli.py AEROSTAT_CLI AEROSTAT_DEMO_ENGINE
Prints TAP. Each test runs the CLI as a user would and checks its exit code,
its stdout (JSON where asked) and its stderr.
"""

import http.client
import http.server
import json
import os
import re
import subprocess
import sys
import tempfile
import threading
import time
import traceback
import urllib.parse

DEMO_PROGRAM = None
GUI_PROGRAM = None
GIB = 1024 ** 3
MIB = 1024 ** 2
REASON_30 = ("Memory ballooning requires cluster compatibility version 3.1 "
             "or later (this cluster: 3.0).")
REASON_CLUSTER_33 = ("Ballooning is only available for Cluster compatibility "
                     "version 3.3 and higher")


class DemoEngine:
    """Starts aerostat-demo-engine on a free port and reads its URL line."""

    def __init__(self, program, extra_args=()):
        self.proc = subprocess.Popen(
            [program, "--port", "0", *extra_args],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        self.url = None
        timer = threading.Timer(30, self.proc.kill)
        timer.start()
        try:
            for line in self.proc.stdout:
                match = re.search(r"(http://\S+/ovirt-engine/api)", line)
                if match:
                    self.url = match.group(1)
                    break
        finally:
            timer.cancel()
        if self.url is None:
            err = self.proc.stderr.read()
            raise RuntimeError("the demo engine printed no URL: " + err)
        # Keep draining its output so that it never blocks on a full pipe.
        threading.Thread(target=self.proc.stdout.read, daemon=True).start()
        threading.Thread(target=self.proc.stderr.read, daemon=True).start()

    def stop(self):
        self.proc.terminate()
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()


class Cli:
    def __init__(self, program, url):
        self.program = program
        self.env = dict(os.environ)
        self.env.update({
            "AEROSTAT_ENGINE": url,
            "AEROSTAT_USER": "admin@internal",
            "AEROSTAT_PASSWORD": "demo",
        })

    def run(self, *args, env=None, input=None):
        full_env = dict(self.env)
        for key, value in (env or {}).items():
            if value is None:
                full_env.pop(key, None)
            else:
                full_env[key] = value
        proc = subprocess.run([self.program, *args], env=full_env,
                              capture_output=True, text=True, timeout=60,
                              input=input if input is not None else "")
        return proc.returncode, proc.stdout, proc.stderr

    def json(self, *args):
        code, out, err = self.run("--json", *args)
        assert code == 0, f"{args}: exit {code}, stderr: {err}"
        return json.loads(out)

    def vm(self, name):
        return self.json("vm", "show", name)


def check(condition, message):
    if not condition:
        raise AssertionError(message)


# ---------------------------------------------------------------- tests

def test_bad_usage(cli):
    for args in ([], ["frobnicate"], ["vm"], ["vm", "explode", "web-03"],
                 ["vm", "set", "web-03", "--memory", "12Q"],
                 ["vm", "set", "web-03", "--ballooning", "maybe"],
                 ["vm", "set", "web-03", "--no-such-option"],
                 ["vm", "show"], ["vm", "show", "a", "b"],
                 ["cluster", "set", "Legacy"], ["cluster", "set"], ["cluster", "set", "a", "b"],
                 ["vms", "extra"], ["clusters", "extra"], ["templates", "extra"],
                 ["--no-such-global", "vms"]):
        code, out, err = cli.run(*args)
        check(code == 2, f"{args}: exit {code}, expected 2")
        check(err.strip() != "", f"{args}: nothing on stderr")
        check(out == "", f"{args}: unexpected stdout {out!r}")
    for args, words in ((["vm", "show"], '"vm show" needs a VM'),
                        (["vm", "start", "a", "b"], 'unexpected argument "b"'),
                        (["cluster", "set"], '"cluster set" needs a CLUSTER'),
                        (["clusters", "x"], 'unexpected argument "x"')):
        code, _, err = cli.run(*args)
        check(words in err, f"{args}: {err!r}")
    code, _, err = cli.run("vms", env={"AEROSTAT_ENGINE": None})
    check(code == 2 and "AEROSTAT_ENGINE" in err, f"no engine: {code} {err}")
    code, _, err = cli.run("vms", env={"AEROSTAT_PASSWORD": None})
    check(code == 2 and "password" in err, f"no password: {code} {err}")


def test_vms_json(cli):
    vms = cli.json("vms")
    check(isinstance(vms, list) and len(vms) >= 20, f"{len(vms)} VMs")
    by_name = {vm["name"]: vm for vm in vms}
    for vm in vms:
        for key in ("id", "name", "status", "memory", "memory_policy",
                    "effective_version", "ballooning_supported"):
            check(key in vm, f"{vm.get('name')}: no {key}")
        check(isinstance(vm["memory"], int), f"{vm['name']}: memory not a number")
        check(isinstance(vm["ballooning_supported"], bool), "ballooning_supported")
    legacy = by_name["legacy-db"]
    check(legacy["effective_version"] == "3.0", legacy["effective_version"])
    check(legacy["ballooning_supported"] is False, "legacy-db gated")
    check(by_name["web-03"]["effective_version"] == "4.7", "web-03 level")
    check(by_name["web-03"]["ballooning_supported"] is True, "web-03 allowed")
    # The VM's custom level wins over its cluster's.
    check(by_name["compat-legacy"]["effective_version"] == "3.0", "compat-legacy")
    check(by_name["app-42"]["effective_version"] == "4.2", "app-42")

    full = cli.json("vms", "--all-content")
    check(len(full) == len(vms), "all-content count")
    for vm in full:
        check(isinstance(vm["memory_policy"]["ballooning"], bool),
              f"{vm['name']}: ballooning unknown with all_content")
    # The list is written straight as text, "vm show" through json-glib:
    # the same object for each VM, member for member and in order.
    for vm in full:
        shown = cli.vm(vm["id"])
        check(list(shown.items()) == list(vm.items()),
              f"{vm['name']}: list {vm} but show {shown}")

    subset = cli.json("vms", "--search", "name=web*")
    check(sorted(vm["name"] for vm in subset) ==
          ["web-01", "web-02", "web-03", "web-04", "web-05"], "search")

    code, out, err = cli.run("vms")
    check(code == 0 and "web-03" in out and "NAME" in out, "text table")


def test_debug_messages_on_stderr(cli):
    # GLib's debug lines (G_MESSAGES_DEBUG=all) must not mix with --json.
    code, out, err = cli.run("--json", "vms", env={"G_MESSAGES_DEBUG": "all"})
    check(code == 0, f"exit {code}: {err}")
    check(isinstance(json.loads(out), list), out[:200])
    check("DEBUG" in err, f"no debug lines on stderr: {err[:200]}")


def test_vm_show(cli):
    vm = cli.vm("web-03")
    check(vm["name"] == "web-03", vm["name"])
    check(vm["memory"] == 4 * GIB, vm["memory"])
    check(vm["memory_policy"]["ballooning"] is True, "web-03 balloon on")
    check(vm["status"] == "down", vm["status"])
    check(vm["effective_version"] == "4.7", "level")
    check(vm["ballooning_supported"] is True, "supported")
    by_id = cli.vm(vm["id"])
    check(by_id["name"] == "web-03", "by id")
    code, out, err = cli.run("vm", "show", "web-03")
    check(code == 0 and "web-03" in out and "4 GiB" in out and "4096 MiB" not in out, out)
    code, out, err = cli.run("vm", "show", "no-such-vm")
    check(code == 1 and "no-such-vm" in err, f"{code} {err}")


def test_gate_refuses_before_sending(cli):
    before = cli.vm("legacy-web")
    code, out, err = cli.run("vm", "set", "legacy-web", "--ballooning", "on")
    check(code == 1, f"exit {code}")
    check(REASON_30 in err, err)
    after = cli.vm("legacy-web")
    check(before == after, "the VM changed although the gate refused")

    # No balloon override for Run Once at all: the engine ignores a Run
    # Once's memory policy in every release (ovirt-engine: backend/manager/
    # modules/restapi/types/.../VmMapper.java map(Vm, RunVmOnceParams)).
    for vm in ("legacy-web", "web-03"):
        code, out, err = cli.run("vm", "run-once", vm, "--ballooning", "off")
        check(code == 2 and "stored balloon setting" in err, f"run-once: {code} {err}")
        check(cli.vm(vm)["status"] == "down", "run-once started it")
    code, out, err = cli.run("vm", "run-once", "--help")
    check(code == 0 and "--ballooning" not in out, f"run-once --help: {out}")

    code, out, err = cli.run("cluster", "set", "Legacy", "--ballooning", "on")
    check(code == 1 and REASON_CLUSTER_33 in err, f"cluster: {code} {err}")


def test_engine_fault(cli):
    # Legacy has neither KSM nor ballooning: the engine refuses over-commit.
    code, out, err = cli.run("cluster", "set", "Legacy", "--overcommit", "150")
    check(code == 1, f"exit {code}")
    check("KSM or ballooning must be enabled to allow memory optimization." in err, err)
    lines = [line for line in err.splitlines() if line.strip()]
    check(len(lines) >= 2, f"reason and detail expected: {err!r}")
    clusters = {c["name"]: c for c in cli.json("clusters")}
    check(clusters["Legacy"]["overcommit_percent"] == 100, "Legacy changed")


def test_vm_set_sends_only_changes(cli):
    before = cli.vm("web-04")
    check(before["status"] == "down", "web-04 must be down")
    code, out, err = cli.run("vm", "set", "web-04", "--ballooning", "off")
    check(code == 0, f"exit {code}: {err}")
    check("Memory Balloon Device Enabled" in err, f"plan: {err}")
    after = cli.vm("web-04")
    check(after["memory_policy"]["ballooning"] is False, "not switched off")
    for key in ("memory", "name", "type", "cpu", "cpu_shares", "description"):
        check(after[key] == before[key], f"{key} changed")
    check(after["memory_policy"]["guaranteed"] == before["memory_policy"]["guaranteed"],
          "guaranteed changed")
    check(after["memory_policy"]["max"] == before["memory_policy"]["max"], "max changed")

    # Memory is sent alone: guaranteed and maximum stay as they were;
    # ballooning is not sent again (it stays off).
    code, out, err = cli.run("--json", "vm", "set", "web-04", "--memory", "8G")
    check(code == 0, f"exit {code}: {err}")
    check("Memory Size" in err and "Memory Balloon Device Enabled" not in err
          and "Physical Memory Guaranteed" not in err and "Maximum Memory" not in err,
          f"plan: {err}")
    result = json.loads(out)
    check(result["memory"] == 8 * GIB, "json result memory")
    after = cli.vm("web-04")
    check(after["memory"] == 8 * GIB, after["memory"])
    check(after["memory_policy"]["guaranteed"] == before["memory_policy"]["guaranteed"],
          after["memory_policy"]["guaranteed"])
    check(after["memory_policy"]["max"] == before["memory_policy"]["max"],
          after["memory_policy"]["max"])
    check(after["memory_policy"]["ballooning"] is False, "ballooning resent")

    # Out of guaranteed <= memory <= maximum: refused, naming the option.
    too_big = before["memory_policy"]["max"] // MIB + 1024
    code, out, err = cli.run("vm", "set", "web-04", "--memory", str(too_big))
    check(code == 2 and "--max" in err, f"above max: {code} {err}")
    code, out, err = cli.run("vm", "set", "web-04", "--memory", "1")
    check(code == 2 and "--guaranteed" in err, f"below guaranteed: {code} {err}")
    check(cli.vm("web-04")["memory"] == 8 * GIB, "refused change sent")

    # Given together, all three are sent.
    code, out, err = cli.run("vm", "set", "web-04", "--memory", "6144",
                             "--guaranteed", "1GiB", "--max", "12288MiB")
    check(code == 0, err)
    after = cli.vm("web-04")
    check(after["memory"] == 6 * GIB, "memory")
    check(after["memory_policy"]["guaranteed"] == GIB, "guaranteed")
    check(after["memory_policy"]["max"] == 12 * GIB, "max")

    code, out, err = cli.run("vm", "set", "web-04", "--memory", "6G")
    check(code == 0 and "Nothing to change" in out, f"no-op: {out} {err}")


def test_validation(cli):
    code, out, err = cli.run("vm", "set", "web-03", "--guaranteed", "64G")
    check(code == 1, f"exit {code}")
    check("Physical Memory Guaranteed cannot exceed Memory Size." in err, err)
    code, out, err = cli.run("vm", "set", "web-03", "--memory", "4G", "--max", "2G")
    check(code == 1, f"exit {code}")
    check("Maximum Memory has to be larger than or equal to Memory Size." in err, err)
    check(cli.vm("web-03")["memory"] == 4 * GIB, "web-03 changed")


def test_running_vm_next_run(cli):
    before = cli.vm("web-02")
    check(before["status"] == "up", "web-02 must be up")
    code, out, err = cli.run("vm", "set", "web-02", "--ballooning", "off")
    check(code == 0, err)
    check("next run" in err, f"plan: {err}")
    after = cli.vm("web-02")
    check(after["next_run_configuration_exists"] is True, "no next-run configuration")


def test_running_vm_edits_pending(cli):
    # web-02 now waits for its restart with ballooning off (the test
    # above): turning it back on edits that configuration, not the running
    # one, where it is already on.
    code, out, err = cli.run("vm", "set", "web-02", "--ballooning", "on")
    check(code == 0, err)
    check("Nothing to change" not in out, f"compared with the running configuration: {out}")
    check("Disabled -> Enabled (at the next run)" in err, f"plan: {err}")
    code, out, err = cli.run("vm", "set", "web-02", "--ballooning", "on")
    check(code == 0 and "Nothing to change" in out, f"second time: {out} {err}")


def test_running_vm_memory_not_in_steps(cli):
    # An increase that is not a whole number of 256 MiB steps cannot be hot
    # plugged: the engine refuses it unless it is sent for the next run.
    before = cli.vm("build-01")
    check(before["status"] == "up", "build-01 must be up")
    code, out, err = cli.run("vm", "set", "build-01", "--memory", str(before["memory"] // MIB + 300))
    check(code == 0, f"exit {code}: {err}")
    after = cli.vm("build-01")
    check(after["memory"] == before["memory"], "memory changed while running")
    check(after["next_run_configuration_exists"] is True, "no next-run configuration")


def test_power_and_run_once(cli):
    code, out, err = cli.run("vm", "start", "ci-runner-01")
    check(code == 0, err)
    check(out == "Started ci-runner-01.\n", f"start said {out!r}")
    check(cli.vm("ci-runner-01")["status"] in ("up", "powering_up", "wait_for_launch"),
          "not started")
    code, out, err = cli.run("vm", "stop", "ci-runner-01")
    check(code == 0, err)
    check(cli.vm("ci-runner-01")["status"] in ("down", "powering_down"), "not stopped")

    before = cli.vm("web-03")
    code, out, err = cli.run("--json", "vm", "run-once", "web-03", "--volatile")
    check(code == 0, err)
    check(json.loads(out)["name"] == "web-03", f"run-once --json: {out!r}")
    code, out, err = cli.run("vm", "stop", "web-03")
    check(code == 0, err)
    after = cli.vm("web-03")
    check(after["memory_policy"]["ballooning"] == before["memory_policy"]["ballooning"],
          "run-once persisted")


def test_clusters_and_templates(cli):
    clusters = cli.json("clusters")
    names = {c["name"] for c in clusters}
    check({"Legacy", "Production-3.1", "Stable", "Default"} <= names, names)
    templates = cli.json("templates")
    check(any(t["name"] == "Blank" for t in templates), "no Blank")
    code, out, err = cli.run("clusters")
    check(code == 0 and "Legacy" in out and "3.0" in out, out)

    code, out, err = cli.run("cluster", "set", "Stable", "--overcommit", "175")
    check(code == 0, err)
    stable = {c["name"]: c for c in cli.json("clusters")}["Stable"]
    check(stable["overcommit_percent"] == 175, f"over-commit not stored: {stable}")
    check(isinstance(stable["ballooning_enabled"], bool), "ballooning_enabled")


def cluster(cli, name):
    return {c["name"]: c for c in cli.json("clusters")}[name]


def test_cluster_set_sends_only_what_is_given(cli):
    # Production-3.1: 150 %, KSM on, THP off. A real engine switches THP on
    # when a memory_policy comes without it (ClusterMapper), so the CLI
    # restates it; nothing else it was not given changes.
    before = cluster(cli, "Production-3.1")
    check(before["transparent_hugepages"] is False, f"seed: {before}")
    code, out, err = cli.run("cluster", "set", "Production-3.1", "--overcommit", "50")
    check(code == 0, f"--overcommit 50: {code} {err}")
    after = cluster(cli, "Production-3.1")
    check(after["overcommit_percent"] == 50, f"not stored exactly: {after}")
    check(after["transparent_hugepages"] is False, f"THP switched: {after}")
    check(after["ksm_enabled"] is True, f"KSM changed: {after}")

    code, out, err = cli.run("cluster", "set", "Production-3.1", "--ksm", "off")
    check(code == 0, f"--ksm off: {code} {err}")
    after = cluster(cli, "Production-3.1")
    check(after["ksm_enabled"] is False, f"KSM not stored: {after}")
    check(after["overcommit_percent"] == 50, f"over-commit changed: {after}")
    check(after["transparent_hugepages"] is False, f"THP changed: {after}")

    code, out, err = cli.run("cluster", "set", "Production-3.1", "--transparent-hugepages", "on")
    check(code == 0, f"--transparent-hugepages on: {code} {err}")
    after = cluster(cli, "Production-3.1")
    check(after["transparent_hugepages"] is True, f"THP not stored: {after}")
    check(after["overcommit_percent"] == 50, f"over-commit changed: {after}")

    # The dialog's range: an engine would store 0 as 100.
    for bad in ("0", "-5"):
        code, out, err = cli.run("cluster", "set", "Production-3.1", "--overcommit", bad)
        check(code == 2 and "from 1 to 2147483647" in err, f"--overcommit {bad}: {code} {err}")
    code, out, err = cli.run("cluster", "set", "Production-3.1", "--ksm", "maybe")
    check(code == 2 and '--ksm takes "on" or "off"' in err, f"--ksm maybe: {code} {err}")
    check(cluster(cli, "Production-3.1") == after, "a refused command changed the cluster")


def wait_for_status(cli, name, status, seconds=10):
    deadline = time.monotonic() + seconds
    while True:
        now = cli.vm(name)["status"]
        if now == status:
            return
        check(time.monotonic() < deadline, f"{name} is {now}, not {status}")
        time.sleep(0.1)


def test_shutdown_and_power_off(cli):
    # Shut down asks the guest: powering down, then down.
    code, out, err = cli.run("vm", "shutdown", "ci-runner-02")
    check(code == 0, f"shutdown: {code} {err}")
    check(out == "Shutting down ci-runner-02.\n", f"shutdown said {out!r}")
    check(cli.vm("ci-runner-02")["status"] in ("powering_down", "down"), "not shutting down")
    wait_for_status(cli, "ci-runner-02", "down")

    # Stop is the power off: down at once.
    code, out, err = cli.run("vm", "stop", "win-test-02")
    check(code == 0, f"stop: {code} {err}")
    check(out == "Powered off win-test-02.\n", f"stop said {out!r}")
    check(cli.vm("win-test-02")["status"] == "down", "not powered off")

    code, out, err = cli.run("vm", "shutdown", "win-test-02")
    check(code == 1 and "VM is not running" in err, f"shutdown of a down VM: {code} {err}")

    code, out, err = cli.run("vm", "--help")
    check("vm shutdown VM" in out and "power off" in out, f"vm --help: {out}")


def test_credentials(cli):
    secret = "s3cr3t-Zq9-never-print"
    code, out, err = cli.run("vms", env={"AEROSTAT_PASSWORD": secret})
    check(code == 1, f"wrong password: exit {code}")
    check(secret not in out and secret not in err, "password printed")
    check(err.strip() != "", "no reason given")

    # Global options instead of the environment.
    url = cli.env["AEROSTAT_ENGINE"]
    code, out, err = cli.run("--engine", url, "--user", "admin@internal", "--json",
                             "templates", env={"AEROSTAT_ENGINE": None,
                                               "AEROSTAT_USER": None})
    check(code == 0 and json.loads(out), f"--engine/--user: {code} {err}")
    # Plain http:// only to loopback: refused before connecting.
    code, out, err = cli.run("--engine", "http://engine.example.org/ovirt-engine", "vms")
    check(code == 2 and err.strip() != "", f"http to a remote host: {code} {err}")

    with tempfile.NamedTemporaryFile("w", delete=False) as f:
        f.write("demo\n")
        path = f.name
    try:
        code, out, err = cli.run("--password-file", path, "--json", "clusters",
                                 env={"AEROSTAT_PASSWORD": None})
        check(code == 0, f"password file: {code} {err}")
        code, out, err = cli.run("--password-file", path + ".missing", "clusters")
        check(code == 2, f"missing password file: {code}")
    finally:
        os.unlink(path)


def test_password_stdin(cli):
    no_env = {"AEROSTAT_PASSWORD": None}
    # The first line is the password, its line end is not.
    for text in ("demo\n", "demo", "demo\r\nsomething else\n"):
        code, out, err = cli.run("--password-stdin", "--json", "clusters",
                                 env=no_env, input=text)
        check(code == 0 and json.loads(out), f"--password-stdin {text!r}: {code} {err}")
    # After the command too, like every global option.
    code, out, err = cli.run("clusters", "--password-stdin", env=no_env, input="demo\n")
    check(code == 0, f"clusters --password-stdin: {code} {err}")
    # It wins over the environment: a wrong one on stdin fails the login.
    secret = "Wr0ng-on-stdin"
    code, out, err = cli.run("--password-stdin", "clusters", input=secret + "\n")
    check(code == 1, f"wrong password on stdin: exit {code} {err}")
    check(secret not in out and secret not in err, "password printed")
    # Nothing on stdin is a usage error, not an empty password sent.
    code, out, err = cli.run("--password-stdin", "clusters", env=no_env, input="")
    check(code == 2 and "standard input" in err, f"empty stdin: {code} {err}")
    with tempfile.NamedTemporaryFile("w") as f:
        f.write("demo\n")
        f.flush()
        code, out, err = cli.run("--password-stdin", "--password-file", f.name,
                                 "clusters", env=no_env, input="demo\n")
        check(code == 2 and "--password-stdin" in err, f"both: {code} {err}")


def test_lost_output(cli):
    # A full disk: the table rows are flushed one by one, and each lost
    # one must still make the exit status 1.
    for args in (["vms"], ["--json", "vms"], ["vm", "show", "web-01"]):
        with open("/dev/full", "w") as full:
            proc = subprocess.run([cli.program, *args], env=cli.env, stdout=full,
                                  stderr=subprocess.PIPE, text=True, timeout=60)
        check(proc.returncode == 1, f"{args} > /dev/full: exit {proc.returncode}")
        check("cannot write the output" in proc.stderr, f"{args}: {proc.stderr!r}")


def test_closed_pipe(cli):
    # "... | head -1": the reader goes away; the CLI ends quietly, as a
    # program killed by SIGPIPE, and says nothing about a broken pipe.
    # 5,000 VMs are far more than a pipe buffer holds, so the CLI is
    # still writing when the reader leaves.
    engine = DemoEngine(DEMO_PROGRAM, ["--vms", "5000"])
    env = dict(cli.env, AEROSTAT_ENGINE=engine.url)
    try:
        for args in (["vms"], ["--json", "vms"]):
            proc = subprocess.Popen([cli.program, *args], env=env,
                                    stdout=subprocess.PIPE, stderr=subprocess.PIPE)
            proc.stdout.readline()
            proc.stdout.close()
            err = proc.stderr.read().decode()
            proc.wait(60)
            check(proc.returncode == -13, f"{args}: exit {proc.returncode}")
            check(err == "", f"{args}: stderr {err!r}")
    finally:
        engine.stop()


def test_options_after_command(cli):
    code, out, err = cli.run("vm", "show", "web-01", "--json")
    check(code == 0, f"exit {code}: {err}")
    check(json.loads(out)["name"] == "web-01", out)
    code, out, err = cli.run("vms", "--json", "--user", "admin@internal")
    check(code == 0 and isinstance(json.loads(out), list), f"vms --json: {code} {err}")
    code, out, err = cli.run("vm", "show", "web-01", "--engine", "http://192.0.2.1/")
    check(code == 2 and "http://" in err, f"--engine after the command: {code} {err}")
    # Given twice, the later one wins.
    code, out, err = cli.run("--engine", "http://192.0.2.1/", "clusters",
                             "--engine", cli.env["AEROSTAT_ENGINE"])
    check(code == 0, f"--engine twice: {code} {err}")
    code, out, err = cli.run("vm", "--help")
    check(code == 0 and err == "", f"vm --help: {code} {err}")
    for verb in ("show", "set", "run-once", "start", "shutdown", "stop"):
        check(f"  vm {verb} VM" in out, f"vm --help lacks {verb}: {out}")
    check("cluster set" not in out and "templates" not in out, out)
    code, out, err = cli.run("vm", "set", "--help")
    check(code == 0 and "--memory" in out, f"vm set --help: {code} {out}")


def test_version(cli):
    code, out, err = cli.run("--version")
    check(code == 0 and err == "", f"--version: {code} {err}")
    check(re.fullmatch(r"aerostat-cli \d+\.\d+\.\d+\n", out), repr(out))
    proc = subprocess.run([DEMO_PROGRAM, "--version"], capture_output=True,
                          text=True, timeout=60)
    check(proc.returncode == 0, f"demo --version: {proc.returncode} {proc.stderr}")
    check(proc.stdout == out.replace("aerostat-cli", "aerostat-demo-engine"),
          f"demo --version: {proc.stdout!r}")
    if GUI_PROGRAM is not None:
        # Answered before any display is opened.
        env = {k: v for k, v in os.environ.items()
               if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
        proc = subprocess.run([GUI_PROGRAM, "--version"], capture_output=True,
                              text=True, timeout=60, env=env)
        check(proc.returncode == 0, f"aerostat --version: {proc.returncode} {proc.stderr}")
        check(proc.stdout == out.replace("aerostat-cli", "aerostat"),
              f"aerostat --version: {proc.stdout!r}")


RUNNING = {"up", "powering_up", "powering_down", "migrating", "wait_for_launch",
           "reboot_in_progress", "paused", "saving_state", "restoring_state"}


def expected_picture(vms, host_ids):
    """The running VMs' sums, added up here from `vms --all-content`."""
    running = [vm for vm in vms
               if vm["status"] in RUNNING and vm["host_id"] in host_ids]
    return {
        "running_vms": len(running),
        "committed": sum(vm["memory"] for vm in running),
        "guaranteed": sum(vm["memory_policy"]["guaranteed"] for vm in running),
        "balloon_headroom": sum(vm["memory"] - vm["memory_policy"]["guaranteed"]
                                for vm in running
                                if vm["memory_policy"]["ballooning"]),
    }


def test_hosts(cli):
    hosts = cli.json("hosts")
    vms = cli.json("vms", "--all-content")
    names = [h["name"] for h in hosts]
    check(len(hosts) == 6 and "night-host-01" in names, names)
    for host in hosts:
        picture = host["memory_picture"]
        want = expected_picture(vms, {host["id"]})
        for key, value in want.items():
            check(picture[key] == value, f"{host['name']} {key}: {picture[key]} != {value}")
        check(picture["physical"] == host["memory"], host)
        check(picture["used"] == host["statistics"]["memory_used"], host)
        check(picture["shared"] == host["statistics"]["memory_shared"], host)
        check(picture["max_free"] == host["max_scheduling_memory"], host)
        check(picture["committed_percent"] == picture["committed"] * 100 // host["memory"], host)
        # Statistics came with the list: every one of them known.
        check(host["statistics"]["memory_total"] == host["memory"], host)
        check(host["statistics"]["memory_buffers"] is None, host)
    night = next(h for h in hosts if h["name"] == "night-host-01")
    check(night["memory_picture"]["committed_percent"] == 150, night)
    check(night["statistics"]["swap_used"] > 0, night)

    # The table: one header, one row per host, the same figures.
    code, out, err = cli.run("hosts", "--search", "cluster=Default")
    lines = out.splitlines()
    check(code == 0 and len(lines) == 3, out + err)
    check(lines[0].split()[:3] == ["NAME", "STATUS", "CLUSTER"], lines[0])
    check(lines[1].startswith("host-01") and "Default (4.7)" in lines[1], lines[1])
    row = next(h for h in hosts if h["name"] == "host-01")["memory_picture"]
    check(lines[1].rstrip().endswith(f"{row['committed_percent']} %"), lines[1])


def test_cluster_show(cli):
    hosts = cli.json("hosts")
    vms = cli.json("vms", "--all-content")
    default = cli.json("cluster", "show", "Default")
    mine = [h for h in hosts if h["cluster_id"] == default["id"]]
    picture = default["memory_picture"]
    check(sorted(default["hosts"]) == sorted(h["name"] for h in mine), default)
    check(picture["hosts"] == len(mine) == 2, picture)
    check(picture["physical"] == sum(h["memory"] for h in mine), picture)
    check(picture["used"] == sum(h["statistics"]["memory_used"] for h in mine), picture)
    for key, value in expected_picture(vms, {h["id"] for h in mine}).items():
        check(picture[key] == value, f"{key}: {picture[key]} != {value}")
    check(default["unprotected_overcommit"] is False, default)

    night = cli.json("cluster", "show", "Overnight")
    check(night["unprotected_overcommit"] is True, night)
    check(night["overcommit_percent"] == 200 and night["ksm_enabled"] is False
          and night["ballooning_enabled"] is False, night)

    code, out, err = cli.run("cluster", "show", "Overnight")
    check(code == 0 and "Cluster Overnight (4.2)" in out, out + err)
    check("Balloon headroom" in out and "8 GiB" in out, out)
    check("nothing takes memory back" in out, out)
    code, out, err = cli.run("cluster", "show", "Stable")
    check(code == 0 and "nothing takes memory back" not in out, out)

    code, out, err = cli.run("cluster", "show")
    check(code == 2 and "needs a CLUSTER" in err, err)
    code, out, err = cli.run("cluster", "show", "Nowhere")
    check(code == 1 and "Nowhere" in err, err)
    code, out, err = cli.run("cluster")
    check(code == 2, err)


class SecondWriter(http.server.ThreadingHTTPServer):
    """A proxy to the demo engine that lets another admin write between
    the CLI's GET of a VM and its PUT: just before it forwards the second
    GET of /vms/ID (the read again before the PUT), or the first PUT when
    no such GET comes, it runs @write once."""

    def __init__(self, engine_url, vm_id, write):
        super().__init__(("127.0.0.1", 0), ProxyHandler)
        target = urllib.parse.urlsplit(engine_url)
        self.target = (target.hostname, target.port)
        self.vm_path = urllib.parse.urlsplit(engine_url).path + "/vms/" + vm_id
        self.write = write
        self.gets = 0
        self.written = False
        self.lock = threading.Lock()
        threading.Thread(target=self.serve_forever, daemon=True).start()

    @property
    def url(self):
        return f"http://127.0.0.1:{self.server_address[1]}/ovirt-engine/api"

    def before(self, method, path):
        with self.lock:
            if method == "GET" and path == self.vm_path:
                self.gets += 1
            due = (not self.written
                   and ((method == "GET" and path == self.vm_path and self.gets == 2)
                        or (method == "PUT" and path.startswith(self.vm_path))))
            if due:
                self.written = True
        if due:
            self.write()


class ProxyHandler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def forward(self, method):
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else None
        self.server.before(method, urllib.parse.urlsplit(self.path).path)
        connection = http.client.HTTPConnection(*self.server.target, timeout=30)
        headers = {k: v for k, v in self.headers.items()
                   if k.lower() not in ("host", "connection")}
        connection.request(method, self.path, body=body, headers=headers)
        answer = connection.getresponse()
        data = answer.read()
        self.send_response(answer.status)
        for key, value in answer.getheaders():
            if key.lower() not in ("transfer-encoding", "connection", "content-length"):
                self.send_header(key, value)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)
        connection.close()

    def do_GET(self):
        self.forward("GET")

    def do_PUT(self):
        self.forward("PUT")

    def do_POST(self):
        self.forward("POST")


def test_vm_set_conflict(cli):
    # Another admin changes the memory of ci-runner-01 between this
    # command's GET and its PUT. It used to be overwritten silently.
    name = "ci-runner-01"
    before = cli.vm(name)
    check(before["status"] == "down", f"{name} must be down")
    check(before["memory"] == 8 * GIB, before["memory"])

    def other_admin(memory):
        def write():
            code, out, err = cli.run("vm", "set", name, "--memory", memory)
            check(code == 0, f"the other admin: exit {code}: {err}")
        return write

    proxy = SecondWriter(cli.env["AEROSTAT_ENGINE"], before["id"], other_admin("10G"))
    try:
        behind = Cli(cli.program, proxy.url)
        code, out, err = behind.run("vm", "set", name, "--memory", "12G")
        check(proxy.written, "the other admin never wrote")
        check(code == 1, f"exit {code}: {out} {err}")
        check("Memory Size: read 8192 MiB, now 10240 MiB (changed by someone else), yours 12288 MiB"
              in err, err)
        check("--force" in err and "nothing was sent" in err, err)
        check(cli.vm(name)["memory"] == 10 * GIB, "the other admin's memory was overwritten")
    finally:
        proxy.shutdown()
        proxy.server_close()

    # --force sends over them, and a change to another member is no
    # question at all: theirs stays.
    proxy = SecondWriter(cli.env["AEROSTAT_ENGINE"], before["id"], other_admin("11G"))
    try:
        behind = Cli(cli.program, proxy.url)
        code, out, err = behind.run("vm", "set", name, "--memory", "12G", "--force")
        check(proxy.written, "the other admin never wrote")
        check(code == 0, f"exit {code}: {out} {err}")
        check("now 11264 MiB (changed by someone else)" in err, err)
        check(cli.vm(name)["memory"] == 12 * GIB, "--force did not send")
    finally:
        proxy.shutdown()
        proxy.server_close()

    def other_guaranteed():
        code, out, err = cli.run("vm", "set", name, "--guaranteed", "2G")
        check(code == 0, f"the other admin: exit {code}: {err}")

    proxy = SecondWriter(cli.env["AEROSTAT_ENGINE"], before["id"], other_guaranteed)
    try:
        behind = Cli(cli.program, proxy.url)
        code, out, err = behind.run("vm", "set", name, "--max", "48G")
        check(proxy.written, "the other admin never wrote")
        check(code == 0, f"exit {code}: {out} {err}")
        after = cli.vm(name)
        check(after["memory_policy"]["max"] == 48 * GIB, "max not sent")
        check(after["memory_policy"]["guaranteed"] == 2 * GIB, "their guaranteed memory lost")
    finally:
        proxy.shutdown()
        proxy.server_close()



TESTS = [
    test_lost_output,
    test_closed_pipe,
    test_options_after_command,
    test_version,
    test_bad_usage,
    test_vms_json,
    test_debug_messages_on_stderr,
    test_vm_show,
    test_gate_refuses_before_sending,
    test_engine_fault,
    test_vm_set_sends_only_changes,
    test_vm_set_conflict,
    test_validation,
    test_running_vm_next_run,
    test_running_vm_edits_pending,
    test_running_vm_memory_not_in_steps,
    test_power_and_run_once,
    test_clusters_and_templates,
    test_cluster_set_sends_only_what_is_given,
    test_shutdown_and_power_off,
    test_hosts,
    test_cluster_show,
    test_credentials,
    test_password_stdin,
]


def main():
    global DEMO_PROGRAM, GUI_PROGRAM
    cli_program, demo_program = sys.argv[1], sys.argv[2]
    DEMO_PROGRAM = demo_program
    GUI_PROGRAM = sys.argv[3] if len(sys.argv) > 3 else None
    print(f"1..{len(TESTS)}", flush=True)
    engine = DemoEngine(demo_program)
    failed = 0
    try:
        cli = Cli(cli_program, engine.url)
        for number, test in enumerate(TESTS, 1):
            try:
                test(cli)
                print(f"ok {number} - {test.__name__}", flush=True)
            except Exception:
                failed += 1
                print(f"not ok {number} - {test.__name__}")
                for line in traceback.format_exc().splitlines():
                    print("# " + line)
                sys.stdout.flush()
    finally:
        engine.stop()
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
