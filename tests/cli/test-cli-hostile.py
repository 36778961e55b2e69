#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""aerostat-cli against a broken or hostile engine, over loopback HTTP.

Usage: test-cli-hostile.py AEROSTAT_CLI
Prints TAP. A small engine of our own answers each request with what the
test put in place, so the CLI meets answers no real engine sends: items
without an id, another VM than the one asked for, names that match
several VMs. Each must end with a clear error, never a hang, a GLib
critical or a request to the wrong VM.
"""

import http.server
import json
import os
import subprocess
import sys
import threading
import traceback
import urllib.parse

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

    def reset(self, answers):
        with self.lock:
            self.answers = dict(answers)
            self.requests = []


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

    def answer(self, method):
        length = int(self.headers.get("Content-Length") or 0)
        if length:
            self.rfile.read(length)
        path = urllib.parse.urlsplit(self.path).path
        with self.server.lock:
            self.server.requests.append((method, path))
            answer = self.server.answers.get((method, path))
        if path == "/ovirt-engine/sso/oauth/token":
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


TESTS = [
    test_listed_vm_without_id,
    test_vm_answer_without_id,
    test_answer_for_another_vm,
    test_list_not_a_list,
    test_ambiguous_name,
    test_terminal_escapes,
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
