#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""aerostat-cli against a broken or hostile engine, over loopback HTTP.

Usage: test-cli-hostile.py AEROSTAT_CLI
Prints TAP. A small engine of our own answers each request with what the
test put in place, so the CLI meets answers no real engine sends: items
without an id, another VM than the one asked for, names that match
several VMs, gzip bombs, lists that never end. Each must end with a clear
error, never a hang, a GLib critical, a request to the wrong VM or
memory without bound.
"""

import http.server
import json
import os
import struct
import subprocess
import sys
import threading
import time
import traceback
import urllib.parse
import zlib

API = "/ovirt-engine/api"
ROOT = {"product_info": {"name": "oVirt Engine",
                         "version": {"major": "4", "minor": "5", "build": "4",
                                     "revision": "0", "full_version": "4.5.4"}}}
CLUSTER = {"id": "cluster-1", "name": "Default", "version": {"major": "4", "minor": "7"},
           "ballooning_enabled": "true",
           "memory_policy": {"over_commit": {"percent": "100"}}}


def vm(vm_id, name):
    result = {"name": name, "status": "down", "memory": str(2 ** 30),
              "memory_policy": {"guaranteed": str(2 ** 30), "max": str(2 ** 31),
                                "ballooning": "true"},
              "cluster": {"id": "cluster-1"}, "type": "server"}
    if vm_id is not None:
        result["id"] = vm_id
    return result


def gzip_bomb(size):
    """A gzip body of a few hundred kB that decodes to "{" and @size
    spaces (a whole number of MiB): one 1 MiB block compressed after a
    full flush is the same every time, so it is repeated, not recomputed."""
    mib = 1 << 20
    compressor = zlib.compressobj(9, zlib.DEFLATED, 31)
    head = compressor.compress(b"{") + compressor.flush(zlib.Z_FULL_FLUSH)
    spaces = b" " * mib
    block = compressor.compress(spaces) + compressor.flush(zlib.Z_FULL_FLUSH)
    again = compressor.compress(spaces) + compressor.flush(zlib.Z_FULL_FLUSH)
    assert block == again
    end = compressor.flush()[:-8]
    crc = zlib.crc32(b"{")
    for _ in range(size // mib):
        crc = zlib.crc32(spaces, crc)
    trailer = struct.pack("<II", crc, (1 + size) & 0xffffffff)
    return head + block * (size // mib) + end + trailer


class Gzipped:
    """An answer sent with Content-Encoding: gzip as it is."""

    def __init__(self, data):
        self.data = data


class Endless:
    """A 200 whose VM list never ends (chunked, small VMs)."""


class Drip:
    """A 200 whose body comes one byte every half second: each read is
    quick, the whole answer takes for ever."""

    def __init__(self, body):
        self.data = json.dumps(body).encode()


class Engine(http.server.ThreadingHTTPServer):
    """Answers GET PATH with self.answers[PATH] (status, body); records
    every request as (method, path)."""

    def __init__(self):
        super().__init__(("127.0.0.1", 0), Handler)
        self.answers = {}
        self.requests = []
        self.lock = threading.Lock()
        threading.Thread(target=self.serve_forever, daemon=True).start()

    @property
    def url(self):
        return f"http://127.0.0.1:{self.server_address[1]}{API}"

    def handle_error(self, request, client_address):
        # A client that gives up on a bomb or an endless list is right to.
        if not isinstance(sys.exc_info()[1], (ConnectionError, BrokenPipeError)):
            super().handle_error(request, client_address)

    def reset(self, answers):
        with self.lock:
            self.answers = dict(answers)
            self.requests = []
            self.bodies = []
            self.headers = []


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def reply(self, status, body):
        data = body.encode() if isinstance(body, str) else json.dumps(body).encode()
        self.send_response(status)
        if status != 204:
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        if status != 204:
            self.wfile.write(data)

    def reply_gzipped(self, data):
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        try:
            self.wfile.write(data)
        except OSError:
            pass  # the client gave up, as it should

    def reply_endless(self):
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()

        def chunk(data):
            self.wfile.write(b"%x\r\n%s\r\n" % (len(data), data))

        try:
            chunk(b'{"vm": [')
            number = 0
            while True:
                items = ",".join(f'{{"id":"vm-{number + i}","name":"v{number + i}"}}'
                                 for i in range(2000))
                chunk((("," if number else "") + items).encode())
                number += 2000
                # At most 50,000 VMs a second: the CLI reads these small
                # VMs faster than that, and would reach the list's bound
                # (1,000,000 items) within the seconds a test watches it.
                time.sleep(0.04)
        except OSError:
            pass  # the client gave up, as it should
        self.close_connection = True

    def reply_drip(self, data):
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        try:
            for byte in data:
                self.wfile.write(bytes([byte]))
                self.wfile.flush()
                time.sleep(0.5)
        except OSError:
            pass  # the client gave up, as it should
        self.close_connection = True

    def answer(self, method):
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        path = urllib.parse.urlsplit(self.path).path
        with self.server.lock:
            self.server.requests.append((method, path))
            self.server.bodies.append((method, path, body))
            self.server.headers.append((method, path, dict(self.headers)))
            answer = self.server.answers.get((method, path))
        if callable(answer):
            answer = answer(self)
        if isinstance(answer, Gzipped):
            self.reply_gzipped(answer.data)
        elif isinstance(answer, Endless):
            self.reply_endless()
        elif isinstance(answer, Drip):
            self.reply_drip(answer.data)
        elif path == "/ovirt-engine/sso/oauth/token":
            self.reply(200, {"access_token": "token-1", "scope": "ovirt-app-api",
                             "exp": "9999999999999", "token_type": "bearer"})
        elif method == "GET" and path == API:
            self.reply(200, ROOT)
        elif method == "GET" and path == API + "/clusters/cluster-1":
            self.reply(200, CLUSTER)
        elif method == "GET" and path == API + "/clusters":
            self.reply(200, {"cluster": [CLUSTER]})
        elif answer is not None:
            self.reply(*answer)
        else:
            self.reply(404, {"reason": "Not Found", "detail": path})

    def do_GET(self):
        self.answer("GET")

    def do_PUT(self):
        self.answer("PUT")

    def do_POST(self):
        self.answer("POST")


class Cli:
    def __init__(self, program, url):
        self.program = program
        self.env = dict(os.environ)
        self.env.update({"AEROSTAT_ENGINE": url, "AEROSTAT_USER": "admin@internal",
                         "AEROSTAT_PASSWORD": "secret", "G_DEBUG": "fatal-criticals"})

    def run(self, *args):
        proc = subprocess.run([self.program, *args], env=self.env, capture_output=True,
                              text=True, timeout=30)
        return proc.returncode, proc.stdout, proc.stderr

    def run_measured(self, *args, timeout=60):
        """Runs with standard output discarded; (exit code, stderr, peak
        RSS in MiB, seconds). Killed after @timeout seconds (code None)."""
        env = dict(self.env)
        # AddressSanitizer keeps up to 256 MB of freed memory in
        # quarantine, which would hide what the program itself holds.
        env["ASAN_OPTIONS"] = ":".join(filter(None, [env.get("ASAN_OPTIONS"),
                                                     "quarantine_size_mb=4"]))
        start = time.monotonic()
        proc = subprocess.Popen([self.program, *args], env=env, stdout=subprocess.DEVNULL,
                                stderr=subprocess.PIPE)
        killed = []

        def kill():
            killed.append(True)
            proc.kill()

        timer = threading.Timer(timeout, kill)
        timer.start()
        err = proc.stderr.read().decode(errors="replace")
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
        timer.cancel()
        seconds = time.monotonic() - start
        code = None if killed else proc.returncode
        return code, err, usage.ru_maxrss / 1024, seconds


def check(condition, message):
    if not condition:
        raise AssertionError(message)


def puts(engine):
    return [r for r in engine.requests if r[0] == "PUT"]


# ---------------------------------------------------------------- tests

def test_listed_vm_without_id(cli, engine):
    # Used to hit a GLib critical and then wait for ever.
    engine.reset({("GET", API + "/vms"): (200, {"vm": [vm(None, "web-01")]})})
    code, out, err = cli.run("vm", "set", "web-01", "--memory", "2G")
    check(code == 1, f"exit {code}: {err}")
    check("no id" in err, err)
    check("CRITICAL" not in err, err)
    check(not puts(engine), f"sent {engine.requests}")


def test_vm_answer_without_id(cli, engine):
    for answer in ((200, vm(None, "web-01")), (200, ""), (204, ""), (200, {})):
        engine.reset({("GET", API + "/vms/vm-1"): answer,
                      ("GET", API + "/vms"): (200, {"vm": [vm("vm-1", "web-01")]})})
        code, out, err = cli.run("vm", "show", "web-01")
        check(code == 1, f"{answer}: exit {code}: {out} {err}")
        code, out, err = cli.run("vm", "set", "web-01", "--memory", "2G")
        check(code == 1, f"{answer}: exit {code}: {err}")
        check(not puts(engine), f"{answer}: sent {engine.requests}")


def test_answer_for_another_vm(cli, engine):
    engine.reset({("GET", API + "/vms"): (200, {"vm": [vm("vm-1", "web-01")]}),
                  ("GET", API + "/vms/vm-1"): (200, vm("vm-2", "web-01-shadow"))})
    code, out, err = cli.run("vm", "set", "web-01", "--memory", "2G")
    check(code == 1, f"exit {code}: {err}")
    check("vm-2" in err and "vm-1" in err, err)
    check(not puts(engine), f"sent {engine.requests}")


def test_list_not_a_list(cli, engine):
    engine.reset({("GET", API + "/vms"): (200, {"vm": vm("vm-1", "web-01")})})
    code, out, err = cli.run("--json", "vms")
    check(code == 1, f"exit {code}: {out}")
    check("list" in err, err)


def test_ambiguous_name(cli, engine):
    # Two VMs of the same name, and two that only differ in case from the
    # name asked for: no guess, the candidates are listed.
    for listed, candidates in (
            ([vm("vm-1", "web-01"), vm("vm-2", "web-01")], ["vm-1", "vm-2"]),
            ([vm("vm-1", "WEB-01"), vm("vm-2", "Web-01")], ["vm-1", "vm-2"])):
        engine.reset({("GET", API + "/vms"): (200, {"vm": listed}),
                      ("GET", API + "/vms/vm-1"): (200, vm("vm-1", "web-01")),
                      ("GET", API + "/vms/vm-2"): (200, vm("vm-2", "web-01"))})
        code, out, err = cli.run("vm", "set", "web-01", "--memory", "2G")
        check(code == 1, f"exit {code}: {err}")
        for candidate in candidates:
            check(candidate in err, f"{candidate} not listed: {err}")
        check(not puts(engine), f"sent {engine.requests}")

    # The exact name among names that differ in case is no ambiguity.
    engine.reset({("GET", API + "/vms"): (200, {"vm": [vm("vm-1", "WEB-01"),
                                                       vm("vm-2", "web-01")]}),
                  ("GET", API + "/vms/vm-2"): (200, vm("vm-2", "web-01"))})
    code, out, err = cli.run("--json", "vm", "show", "web-01")
    check(code == 0, f"exit {code}: {err}")
    check(json.loads(out)["id"] == "vm-2", out)


def test_terminal_escapes(cli, engine):
    # A name or fault text with terminal escapes is shown escaped.
    evil = "web-01\x1b]0;owned\x07\x1b[2J"
    engine.reset({("GET", API + "/vms/" + "1" * 8 + "-1111-1111-1111-" + "1" * 12):
                  (200, vm("11111111-1111-1111-1111-111111111111", evil)),
                  ("GET", API + "/vms"): (200, {"vm": [vm("vm-1", evil)]})})
    code, out, err = cli.run("vm", "show", "11111111-1111-1111-1111-111111111111")
    check(code == 0, f"exit {code}: {err}")
    check("\x1b" not in out and "\x07" not in out, repr(out))
    check("web-01\\x1b]0;owned\\x07" in out, repr(out))
    code, out, err = cli.run("vms")
    check(code == 0, f"exit {code}: {err}")
    check("\x1b" not in out, repr(out))
    code, out, err = cli.run("--json", "vms")
    check(json.loads(out)[0]["name"] == evil, out)

    engine.reset({("GET", API + "/vms"): (400, {"reason": "Bad\x1b[31m request",
                                                 "detail": "no\x1b]0;x\x07pe"})})
    code, out, err = cli.run("vms")
    check(code == 1, f"exit {code}")
    check("\x1b" not in err and "\x07" not in err, repr(err))
    check("Bad\\x1b[31m request" in err, repr(err))


# A bound far below the gigabyte the bombs decode to, far above the
# 64 MiB a whole answer may have (and the sanitizers' own memory).
MAX_RSS_MIB = 400


def test_gzip_bombs(cli, engine):
    # 1 MB on the wire, 1 GiB decoded: the CLI used to read it whole.
    bomb = Gzipped(gzip_bomb(1 << 30))
    listed = (200, {"vm": [vm("vm-1", "web-01")]})
    for what, answers in (
            ("one VM", {("GET", API + "/vms"): listed, ("GET", API + "/vms/vm-1"): bomb}),
            ("SSO token", {("POST", "/ovirt-engine/sso/oauth/token"): bomb}),
            ("API root", {("GET", API): bomb})):
        engine.reset(answers)
        code, err, rss, seconds = cli.run_measured("vm", "show", "web-01")
        print(f"# {what}: exit {code}, {rss:.0f} MiB, {seconds:.1f} s: {err.strip()}")
        check(code == 1, f"{what}: exit {code}: {err}")
        check("larger than" in err, f"{what}: {err}")
        check(rss < MAX_RSS_MIB, f"{what}: {rss:.0f} MiB")


def rss_mib(pid):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0


def test_endless_list(cli, engine):
    # Written out as it arrives and not kept: memory stays flat while the
    # VMs written go on growing. (That the list ends at its bound is
    # /engine/hostile/endless-list; the engine here sends too slowly to
    # get there while watched.)
    engine.reset({("GET", API + "/vms"): Endless()})
    env = dict(cli.env)
    env["ASAN_OPTIONS"] = ":".join(filter(None, [env.get("ASAN_OPTIONS"),
                                                 "quarantine_size_mb=4"]))
    for args in (("--json", "vms"), ("vms",)):
        proc = subprocess.Popen([cli.program, *args], env=env, stdout=subprocess.PIPE,
                                stderr=subprocess.DEVNULL)
        written = [0]

        def drain():
            while True:
                data = proc.stdout.read(65536)
                if not data:
                    return
                written[0] += len(data)

        reader = threading.Thread(target=drain, daemon=True)
        reader.start()
        try:
            samples = []
            for _ in range(3):
                time.sleep(3)
                check(proc.poll() is None, f"{args}: ended early with {proc.returncode}")
                samples.append((written[0], rss_mib(proc.pid)))
        finally:
            proc.kill()
            proc.wait()
            reader.join()
        print(f"# {' '.join(args)}: (bytes written, MiB) every 3 s: {samples}")
        (first_out, first_rss), _, (last_out, last_rss) = samples
        check(last_out > 1.5 * first_out, f"{args}: output stalled: {samples}")
        check(last_rss < first_rss + 16, f"{args}: memory grows: {samples}")


def test_non_object_items(cli, engine):
    for items in ([1, "x", None], [vm("vm-1", "web-01"), 42], [vm("vm-1", "web-01"), None]):
        engine.reset({("GET", API + "/vms"): (200, {"vm": items})})
        code, out, err = cli.run("--json", "vms")
        check(code == 1, f"{items}: exit {code}: {out}")
        check("not an object" in err, err)


def test_ballooning_unknown(cli, engine):
    # The engine leaves ballooning out unless asked for all content:
    # "--ballooning off" used to say "Nothing to change." and exit 0.
    def quiet():
        result = vm("vm-1", "web-01")
        del result["memory_policy"]["ballooning"]
        return result

    def single(handler):
        if handler.headers.get("All-Content") == "true":
            return (200, vm("vm-1", "web-01"))
        return (200, quiet())

    engine.reset({("GET", API + "/vms"): (200, {"vm": [quiet()]}),
                  ("GET", API + "/vms/vm-1"): single,
                  ("PUT", API + "/vms/vm-1"): (200, vm("vm-1", "web-01"))})
    code, out, err = cli.run("vm", "set", "web-01", "--ballooning", "off")
    check(code == 0, f"exit {code}: {out} {err}")
    check("Nothing to change" not in out, out)
    sent = [json.loads(b) for m, p, b in engine.bodies if m == "PUT"]
    check(len(sent) == 1, f"sent {engine.requests}")
    check(list(sent[0]) == ["memory_policy"] and list(sent[0]["memory_policy"]) == ["ballooning"]
          and str(sent[0]["memory_policy"]["ballooning"]).lower() == "false", sent)

    # Ballooning already on as the full VM says: nothing to send for "on".
    engine.reset({("GET", API + "/vms"): (200, {"vm": [quiet()]}),
                  ("GET", API + "/vms/vm-1"): single})
    code, out, err = cli.run("vm", "set", "web-01", "--ballooning", "on")
    check(code == 0, f"exit {code}: {err}")
    check(not puts(engine), f"sent {engine.requests}")

    # An engine that never says: an error, nothing sent, no success.
    engine.reset({("GET", API + "/vms"): (200, {"vm": [quiet()]}),
                  ("GET", API + "/vms/vm-1"): (200, quiet())})
    code, out, err = cli.run("vm", "set", "web-01", "--ballooning", "off")
    check(code == 1, f"exit {code}: {out} {err}")
    check("does not say" in err, err)
    check(not puts(engine), f"sent {engine.requests}")


def test_escapes_in_cluster_and_template_tables(cli, engine):
    evil = "prod\x1b]0;owned\x07\x1b[2J"
    cluster = dict(CLUSTER, id="cluster-2", name=evil)
    template = {"id": "tmpl-\x1b[31m1", "name": evil, "memory": str(2 ** 30),
                "memory_policy": {"ballooning": "true"}}
    engine.reset({("GET", API + "/templates"): (200, {"template": [template]})})
    code, out, err = cli.run("templates")
    check(code == 0, f"exit {code}: {err}")
    check("\x1b" not in out and "\x07" not in out, repr(out))
    check("prod\\x1b]0;owned\\x07" in out, repr(out))

    engine.reset({})
    saved = dict(CLUSTER)
    CLUSTER.clear()
    CLUSTER.update(cluster)
    try:
        code, out, err = cli.run("clusters")
    finally:
        CLUSTER.clear()
        CLUSTER.update(saved)
    check(code == 0, f"exit {code}: {err}")
    check("\x1b" not in out and "\x07" not in out, repr(out))
    check("prod\\x1b]0;owned\\x07" in out, repr(out))


def test_timeout(cli, engine):
    # One byte every half second: libsoup's idle timeout never fires, so
    # only the whole-answer deadline ends it, at --timeout.
    engine.reset({("GET", API + "/vms"): (200, {"vm": [vm("vm-1", "web-01")]}),
                  ("GET", API + "/vms/vm-1"): Drip(vm("vm-1", "web-01"))})
    start = time.monotonic()
    code, out, err = cli.run("--timeout", "2", "vm", "show", "web-01")
    seconds = time.monotonic() - start
    check(code == 1, f"exit {code}: {out} {err}")
    check("within 2 seconds" in err, err)
    # The deadline is a timer of whole seconds, which GLib may fire up to
    # a second early to group wake-ups.
    check(1 <= seconds < 15, f"{seconds:.1f} s")

    # The same from the environment; the option wins over it.
    cli.env["AEROSTAT_TIMEOUT"] = "1"
    try:
        code, out, err = cli.run("vm", "show", "web-01")
        check(code == 1 and "within 1 second" in err, f"exit {code}: {err}")
        code, out, err = cli.run("--timeout", "3", "vm", "show", "web-01")
        check(code == 1 and "within 3 seconds" in err, f"exit {code}: {err}")
    finally:
        del cli.env["AEROSTAT_TIMEOUT"]

    # Not a number of seconds: bad usage, nothing asked of the engine.
    for bad in ("0", "-1", "soon", "1.5"):
        engine.reset({})
        code, out, err = cli.run("--timeout", bad, "vm", "show", "web-01")
        check(code == 2 and "--timeout" in err, f"{bad}: exit {code}: {err}")
        check(not engine.requests, f"{bad}: {engine.requests}")


TESTS = [
    test_listed_vm_without_id,
    test_vm_answer_without_id,
    test_answer_for_another_vm,
    test_list_not_a_list,
    test_ambiguous_name,
    test_terminal_escapes,
    test_gzip_bombs,
    test_endless_list,
    test_non_object_items,
    test_ballooning_unknown,
    test_escapes_in_cluster_and_template_tables,
    test_timeout,
]


def main():
    cli_program = sys.argv[1]
    print(f"1..{len(TESTS)}", flush=True)
    engine = Engine()
    failed = 0
    try:
        cli = Cli(cli_program, engine.url)
        for number, test in enumerate(TESTS, 1):
            try:
                test(cli, engine)
                print(f"ok {number} - {test.__name__}", flush=True)
            except Exception:
                failed += 1
                print(f"not ok {number} - {test.__name__}")
                for line in traceback.format_exc().splitlines():
                    print("# " + line)
                sys.stdout.flush()
    finally:
        engine.shutdown()
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
