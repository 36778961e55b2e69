#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The bash completion of aerostat-cli, driven as bash drives it.

Usage: test-completion.py COMPLETION_SCRIPT AEROSTAT_CLI AEROSTAT_DEMO_ENGINE
Prints TAP. Each case sets COMP_WORDS and COMP_CWORD, calls the completion
function in a fresh bash and compares COMPREPLY. VM and cluster names come
from a real demo engine when AEROSTAT_ENGINE and AEROSTAT_PASSWORD are set,
and nothing is asked of any engine when they are not.
"""

import importlib.util
import os
import subprocess
import sys
import traceback

HERE = os.path.dirname(os.path.abspath(__file__))
SCRIPT = CLI = DEMO = None

DRIVER = r'''
source "$1"
shift
COMP_WORDS=("$@")
COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
COMP_LINE="${COMP_WORDS[*]}"
COMP_POINT=${#COMP_LINE}
_aerostat_cli
printf '%s\n' "${COMPREPLY[@]}"
'''


def complete(*words, env=None):
    """COMPREPLY for a command line whose last word is being completed."""
    full_env = {k: v for k, v in os.environ.items() if not k.startswith("AEROSTAT_")}
    full_env.update(env or {})
    proc = subprocess.run(["bash", "--norc", "--noprofile", "-c", DRIVER, "bash", SCRIPT,
                           CLI, *words], capture_output=True, text=True, env=full_env,
                          timeout=60)
    if proc.returncode != 0 or proc.stderr:
        raise AssertionError(f"{words}: exit {proc.returncode}, stderr {proc.stderr!r}")
    return sorted(line for line in proc.stdout.splitlines() if line)


def check(condition, message):
    if not condition:
        raise AssertionError(message)


def expect(words, wanted, env=None):
    got = complete(*words, env=env)
    check(got == sorted(wanted), f"{words}: {got}, expected {sorted(wanted)}")


def test_commands():
    expect([""], ["cluster", "clusters", "hosts", "templates", "vm", "vms"])
    expect(["cl"], ["cluster", "clusters"])
    expect(["vm", ""], ["run-once", "set", "show", "shutdown", "start", "stop"])
    expect(["--json", "vm", "s"], ["set", "show", "shutdown", "start", "stop"])
    expect(["cluster", ""], ["set", "show"])


def test_options():
    expect(["vms", "--"], ["--all-content", "--search", "--engine", "--user",
                           "--password-file", "--password-stdin", "--ca-file", "--timeout",
                           "--json", "--help", "--version"])
    got = complete("vm", "set", "web-01", "--")
    for option in ("--ballooning", "--memory", "--guaranteed", "--max", "--next-run",
                   "--force", "--search", "--dry-run", "--password-stdin", "--timeout"):
        check(option in got, f"vm set: {option} missing from {got}")
    expect(["vm", "set", "--ballooning", ""], ["off", "on"])
    expect(["cluster", "set", "Default", "--ballooning", "o"], ["off", "on"])
    expect(["cluster", "set", "Default", "--ksm", ""], ["off", "on"])
    expect(["cluster", "set", "Default", "--transparent-hugepages", ""], ["off", "on"])
    got = complete("cluster", "set", "Default", "--")
    for option in ("--ballooning", "--overcommit", "--ksm", "--transparent-hugepages"):
        check(option in got, f"cluster set: {option} missing from {got}")
    expect(["hosts", "--s"], ["--search"])
    # Values the admin types are not completed, and are no command word.
    expect(["vm", "set", "--memory", ""], [])
    expect(["--timeout", ""], [])
    expect(["--engine", "x", "vm", "st"], ["start", "stop"])
    expect(["--ksm", "on", "vm", "sh"], ["show", "shutdown"])
    expect(["vm", "run-once", "web-01", "--v"], ["--version", "--volatile"])


def test_names_without_credentials():
    # No engine in the environment: no names, and nothing is run.
    expect(["vm", "show", "web"], [])
    expect(["vm", "show", "web"], [], env={"AEROSTAT_ENGINE": "http://127.0.0.1:9/ovirt-engine"})


def test_names_from_engine():
    spec = importlib.util.spec_from_file_location("cli_demo", os.path.join(HERE, "test-cli.py"))
    demo = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(demo)
    engine = demo.DemoEngine(DEMO)
    try:
        env = {"AEROSTAT_ENGINE": engine.url, "AEROSTAT_PASSWORD": "demo"}
        expect(["vm", "show", "web-0"], ["web-01", "web-02", "web-03", "web-04", "web-05"],
               env=env)
        expect(["vm", "set", "--json", "legacy-"], ["legacy-db", "legacy-mail", "legacy-web"],
               env=env)
        # Only the one VM argument is a name.
        expect(["vm", "show", "web-01", "web"], [], env=env)
        expect(["cluster", "set", "Pro"], ["Production-3.1"], env=env)
        expect(["cluster", "show", "St"], ["Stable"], env=env)
        expect(["vm", "shutdown", "db-"], ["db-01"], env=env)
        expect(["cluster", "set", ""], ["Default", "Legacy", "Overnight", "Production-3.1", "Stable"],
               env=env)
        # A wrong password gives no names and no noise.
        expect(["vm", "show", "web"], [], env=dict(env, AEROSTAT_PASSWORD="wrong"))
    finally:
        engine.stop()


TESTS = [test_commands, test_options, test_names_without_credentials, test_names_from_engine]


def main():
    global SCRIPT, CLI, DEMO
    SCRIPT, CLI, DEMO = sys.argv[1:4]
    print(f"1..{len(TESTS)}", flush=True)
    failed = 0
    for number, test in enumerate(TESTS, 1):
        try:
            test()
            print(f"ok {number} - {test.__name__}", flush=True)
        except Exception:
            failed += 1
            print(f"not ok {number} - {test.__name__}")
            for line in traceback.format_exc().splitlines():
                print("# " + line)
            sys.stdout.flush()
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
