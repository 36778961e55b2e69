#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""aerostat-cli vm set --search: many VMs, one login, the bulk plan.

Usage: test-cli-search.py AEROSTAT_CLI AEROSTAT_DEMO_ENGINE
Prints TAP. A mixed selection is served by the small engine of
test-cli-hostile.py (so that one VM can be refused and every request and
body is seen); --dry-run also runs against the real demo engine, whose
VMs must come out unchanged.
"""

import importlib.util
import io
import json
import os
import sys
import traceback
import urllib.parse

HERE = os.path.dirname(os.path.abspath(__file__))


def load(name, filename):
    spec = importlib.util.spec_from_file_location(name, os.path.join(HERE, filename))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


hostile = load("cli_hostile", "test-cli-hostile.py")
demo = load("cli_demo", "test-cli.py")
API = hostile.API
check = hostile.check


class RecordingHandler(hostile.Handler):
    """The hostile engine's handler, keeping each request's query and body."""

    def answer(self, method):
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        split = urllib.parse.urlsplit(self.path)
        with self.server.lock:
            self.server.recorded.append((method, split.path, split.query, body))
        # The connection stays open for the next request: give the body
        # to the parent to read, then the socket back.
        connection, self.rfile = self.rfile, io.BytesIO(body)
        try:
            super().answer(method)
        finally:
            self.rfile = connection


hostile.Handler = RecordingHandler


def vm(vm_id, name, status="down", ballooning=True, level=None):
    result = hostile.vm(vm_id, name)
    result["status"] = status
    if ballooning is None:
        del result["memory_policy"]["ballooning"]
    else:
        result["memory_policy"]["ballooning"] = "true" if ballooning else "false"
    if level is not None:
        result["custom_compatibility_version"] = {"major": str(level[0]),
                                                  "minor": str(level[1])}
    return result


# Enabling ballooning over this selection: one VM of each kind of plan
# and outcome.
MIXED = [
    vm("vm-a", "a-down-off", ballooning=False),              # now
    vm("vm-b", "b-up-off", status="up", ballooning=False),   # at the next run
    vm("vm-c", "c-on"),                                      # already enabled
    vm("vm-d", "d-old", ballooning=False, level=(3, 0)),     # level below 3.1
    vm("vm-e", "e-refused", ballooning=False),               # the engine refuses
    vm("vm-f", "f-unknown", ballooning=None),                # read, then now
    vm("vm-g", "g-unreadable", ballooning=None),             # cannot be read
]
REFUSAL = {"reason": "Operation Failed", "detail": "[Cannot edit VM. Demo refusal.]"}


def mixed_answers():
    answers = {("GET", API + "/vms"): (200, {"vm": MIXED}),
               ("GET", API + "/vms/vm-f"): (200, vm("vm-f", "f-unknown", ballooning=False)),
               ("GET", API + "/vms/vm-g"): (404, {"reason": "Not Found",
                                                  "detail": "Entity not found: vm-g"})}
    for listed in MIXED:
        path = API + "/vms/" + listed["id"]
        answers[("PUT", path)] = (200, vm(listed["id"], listed["name"], ballooning=True))
    answers[("PUT", API + "/vms/vm-e")] = (409, REFUSAL)
    return answers


def sent(engine):
    return [(path.rsplit("/", 1)[1], query, json.loads(body))
            for method, path, query, body in engine.recorded if method == "PUT"]


def reset(engine):
    engine.reset(mixed_answers())
    with engine.lock:
        engine.recorded = []


# ---------------------------------------------------------------- tests

def test_usage(cli, engine):
    reset(engine)
    for args, words in (
            (["vm", "set", "--dry-run", "a-down-off", "--ballooning", "on"], "--search"),
            (["vm", "set", "a-down-off", "--search", "name=*", "--ballooning", "on"], "not both"),
            (["vm", "set", "--search", "name=*", "--memory", "2G", "--ballooning", "on"],
             "only --ballooning"),
            (["vm", "set", "--search", "name=*"], "--ballooning")):
        code, out, err = cli.run(*args)
        check(code == 2, f"{args}: exit {code}")
        check(words in err, f"{args}: {err!r}")
    check(engine.requests == [], f"usage errors reached the engine: {engine.requests}")


def test_dry_run_sends_nothing(cli, engine):
    reset(engine)
    code, out, err = cli.run("vm", "set", "--search", "name=*", "--ballooning", "on",
                             "--dry-run")
    # A VM that cannot be read fails the dry run too: its plan is unknown.
    check(code == 1, f"exit {code}: {err}")
    check(sent(engine) == [], f"a dry run sent {sent(engine)}")
    check("nothing was sent" in err, err)
    lines = out.splitlines()
    check(lines == [
        "a-down-off: now: ballooning on",
        "b-up-off: at the next run: ballooning on (not shut down)",
        "c-on: skipped: Ballooning is already enabled.",
        "d-old: skipped: Memory ballooning requires cluster compatibility version 3.1 "
        "or later (this cluster: 3.0).",
        "e-refused: now: ballooning on",
        "f-unknown: now: ballooning on",
        "g-unreadable: failed: Not Found: Entity not found: vm-g",
    ], "\n".join(lines))
    # The search went to the engine as given, with all content.
    listing = [query for method, path, query, _ in engine.recorded
               if method == "GET" and path == API + "/vms"]
    check(len(listing) == 1 and "search=name%3D%2A" in listing[0].replace("*", "%2A"),
          f"list queries: {listing}")

    code, out, err = cli.run("--json", "vm", "set", "--search", "name=*",
                             "--ballooning", "on", "--dry-run")
    plan = {item["name"]: item for item in json.loads(out)}
    check(plan["a-down-off"]["action"] == "now"
          and plan["a-down-off"]["outcome"] == "planned", out)
    check(plan["b-up-off"]["action"] == "next-run", out)
    check(plan["d-old"]["action"] == "skip" and "3.1" in plan["d-old"]["reason"], out)
    check(plan["g-unreadable"]["outcome"] == "failed", out)
    check(sent(engine) == [], f"a dry run sent {sent(engine)}")


def test_mixed_selection(cli, engine):
    reset(engine)
    code, out, err = cli.run("vm", "set", "--search", "name=*", "--ballooning", "on")
    check(code == 1, f"one VM failed, yet exit {code}: {err}")
    lines = out.splitlines()
    check(lines == [
        "a-down-off: changed now: ballooning on",
        "b-up-off: changed for the next run: ballooning on (not shut down)",
        "c-on: skipped: Ballooning is already enabled.",
        "d-old: skipped: Memory ballooning requires cluster compatibility version 3.1 "
        "or later (this cluster: 3.0).",
        "e-refused: failed: Operation Failed: Cannot edit VM. Demo refusal.",
        "f-unknown: changed now: ballooning on",
        "g-unreadable: failed: Not Found: Entity not found: vm-g",
    ], "\n".join(lines))
    check("2 virtual machines failed, 3 changed" in err, err)
    # Only the balloon is sent, only to the VMs that change, next_run for
    # the running one.
    puts = sent(engine)
    check([p[0] for p in puts] == ["vm-a", "vm-b", "vm-e", "vm-f"], f"{puts}")
    for vm_id, query, body in puts:
        check(body == {"memory_policy": {"ballooning": "true"}}
              or body == {"memory_policy": {"ballooning": True}}, f"{vm_id}: {body}")
        check(("next_run=true" in query) == (vm_id == "vm-b"), f"{vm_id}: {query}")

    # All changed: exit 0.
    answers = mixed_answers()
    answers[("GET", API + "/vms")] = (200, {"vm": MIXED[:4]})
    engine.reset(answers)
    code, out, err = cli.run("--json", "vm", "set", "--search", "name=*",
                             "--ballooning", "on")
    check(code == 0, f"exit {code}: {err}")
    outcomes = [(item["name"], item["outcome"]) for item in json.loads(out)]
    check(outcomes == [("a-down-off", "changed"), ("b-up-off", "changed"),
                       ("c-on", "skipped"), ("d-old", "skipped")], f"{outcomes}")

    # Nothing matches: an error, not a silent success.
    engine.reset({("GET", API + "/vms"): (200, {"vm": []})})
    code, out, err = cli.run("vm", "set", "--search", "name=nothing*", "--ballooning", "on")
    check(code == 1 and "No virtual machine matches" in err, f"{code} {err}")


def test_terminal_escapes(cli, engine):
    # Engine text in the per-VM lines cannot drive the terminal or break
    # the one line per VM; --json keeps it as it came.
    evil = "web\x1b]0;owned\x07"
    answers = {("GET", API + "/vms"): (200, {"vm": [vm("vm-x", evil, ballooning=False)]}),
               ("PUT", API + "/vms/vm-x"): (409, {"reason": "Refused\x1b[2J",
                                                  "detail": "line one\nline two"})}
    engine.reset(answers)
    code, out, err = cli.run("vm", "set", "--search", "name=*", "--ballooning", "on")
    check(code == 1, f"exit {code}: {err}")
    check("\x1b" not in out and "\x07" not in out, repr(out))
    check(out == "web\\x1b]0;owned\\x07: failed: Refused\\x1b[2J: line one\\x0aline two\n",
          repr(out))
    engine.reset(answers)
    code, out, err = cli.run("--json", "vm", "set", "--search", "name=*", "--ballooning", "on")
    item = json.loads(out)[0]
    check(item["name"] == evil and item["error"] == "Refused\x1b[2J: line one\nline two",
          repr(item))


def test_dry_run_on_demo_engine(program, demo_program):
    engine = demo.DemoEngine(demo_program)
    try:
        cli = demo.Cli(program, engine.url)
        before = cli.json("vms", "--all-content")
        code, out, err = cli.run("vm", "set", "--search", "name=*", "--ballooning", "off",
                                 "--dry-run")
        check(code == 0, f"exit {code}: {err}")
        check(len(out.splitlines()) == len(before), out)
        check("legacy-web: skipped: Memory ballooning requires cluster compatibility "
              "version 3.1 or later (this cluster: 3.0)." in out, out)
        check("web-03: now: ballooning off" in out, out)
        check("web-01: at the next run: ballooning off (not shut down)" in out, out)
        after = cli.json("vms", "--all-content")
        check(before == after, "a dry run changed VMs on the demo engine")

        # And for real: every planned VM changes, the rest stays.
        code, out, err = cli.run("vm", "set", "--search", "name=web-0*", "--ballooning", "off")
        check(code == 0, f"exit {code}: {err}")
        check(cli.vm("web-03")["memory_policy"]["ballooning"] is False, "web-03 kept its balloon")
        check(cli.vm("web-01")["next_run_configuration_exists"] is True,
              "web-01 has no next-run configuration")
    finally:
        engine.stop()


def main():
    program, demo_program = sys.argv[1], sys.argv[2]
    tests = [test_usage, test_dry_run_sends_nothing, test_mixed_selection,
             test_terminal_escapes]
    print(f"1..{len(tests) + 1}", flush=True)
    engine = hostile.Engine()
    engine.recorded = []
    cli = hostile.Cli(program, engine.url)
    failed = 0
    runs = [(test, (cli, engine)) for test in tests]
    runs.append((test_dry_run_on_demo_engine, (program, demo_program)))
    for number, (test, args) in enumerate(runs, 1):
        try:
            test(*args)
            print(f"ok {number} - {test.__name__}", flush=True)
        except Exception:
            failed += 1
            print(f"not ok {number} - {test.__name__}")
            for line in traceback.format_exc().splitlines():
                print("# " + line)
            sys.stdout.flush()
    engine.shutdown()
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
