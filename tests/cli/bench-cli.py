#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Benchmark: `aerostat-cli --json vms --all-content` against the demo engine.

Usage: bench-cli.py AEROSTAT_CLI AEROSTAT_DEMO_ENGINE YAJL_TOKENISE [N ...]
For each N (default 1,000 / 10,000 / 50,000, or AEROSTAT_BENCH_SIZES), starts
aerostat-demo-engine --vms N, then measures the wall time and peak RSS of
  - aerostat-cli --json vms --all-content   (streamed, one VM at a time)
  - curl ... | yajl-tokenise   (the floor: the bytes fetched and only
    tokenised by yajl, nothing built or written)
  - curl ... | python3 -c 'import json,sys; json.load(sys.stdin)'
on the same response, side by side (each round runs all three), and prints
the ratio of aerostat-cli to the floor. Targets: 10,000 VMs under 1.0 s and
150 MB, faster than curl | python3 (issue 2), and within 1.5 times the floor
(issue 15). Exits 1 when a 10,000-VM target is missed.
"""

import json
import os
import re
import shlex
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request

PASSWORD = "demo"
tokenise = None
USER = "admin@internal"


def start_engine(program, n_vms):
    proc = subprocess.Popen([program, "--port", "0", "--vms", str(n_vms)],
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                            text=True)
    for line in proc.stdout:
        match = re.search(r"(http://\S+/ovirt-engine/api)", line)
        if match:
            threading.Thread(target=proc.stdout.read, daemon=True).start()
            return proc, match.group(1)
    proc.kill()
    raise RuntimeError("the demo engine printed no URL")


def measure(argv, env=None, shell=False, stdout=subprocess.DEVNULL):
    """Wall seconds, peak RSS (MB) and CPU seconds (user + system) of a
    command and its children. CPU time shows the cost apart from the load
    of the machine, which wall time does not."""
    start = time.monotonic()
    proc = subprocess.Popen(argv, env=env, shell=shell, stdout=stdout,
                            stderr=subprocess.PIPE)
    # wait4 reports the child's rusage including the children it waited for
    # (a shell pipeline), without mixing in earlier measurements.
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.monotonic() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    err = proc.stderr.read().decode(errors="replace")
    if proc.returncode != 0:
        raise RuntimeError(f"{argv!r} failed ({proc.returncode}): {err}")
    return wall, usage.ru_maxrss / 1024.0, usage.ru_utime + usage.ru_stime


def sso_token(api_url):
    base = api_url[: -len("/api")]
    data = urllib.parse.urlencode({
        "grant_type": "password", "scope": "ovirt-app-api",
        "username": USER, "password": PASSWORD}).encode()
    request = urllib.request.Request(base + "/sso/oauth/token", data=data,
                                     headers={"Accept": "application/json"})
    with urllib.request.urlopen(request) as response:
        return json.load(response)["access_token"]


def bench(cli, demo, n_vms):
    engine, url = start_engine(demo, n_vms)
    try:
        env = dict(os.environ, AEROSTAT_ENGINE=url, AEROSTAT_USER=USER,
                   AEROSTAT_PASSWORD=PASSWORD)
        # Once to warm up the engine, checked for completeness. The list is
        # counted in a process of its own: loaded here, it would grow this
        # one, and a process forked from it starts with its resident pages,
        # which ru_maxrss then reports as the command's (Linux keeps the
        # high-water mark across exec).
        with tempfile.TemporaryFile() as out:
            measure([cli, "--json", "vms", "--all-content"], env=env, stdout=out)
            out.seek(0)
            count = int(subprocess.run(
                [sys.executable, "-c", "import json,sys; print(len(json.load(sys.stdin)))"],
                stdin=out, capture_output=True, text=True, check=True).stdout)
        if count != n_vms:
            raise RuntimeError(f"aerostat-cli listed {count} VMs, expected {n_vms}")

        token = sso_token(url)
        curl = ("curl -sf -H 'Accept: application/json' -H 'Version: 4' "
                f"-H 'Authorization: Bearer {token}' "
                + shlex.quote(url + "/vms?all_content=true"))
        size = subprocess.run(curl + " -o /dev/null -w '%{size_download}'",
                              shell=True, capture_output=True, text=True,
                              check=True).stdout
        floor = curl + " | " + shlex.quote(tokenise)

        # Interleaved, so that a busy moment of the machine weighs on both;
        # the best of five of each.
        cli_runs, floor_runs = [], []
        for _ in range(5):
            cli_runs.append(measure([cli, "--json", "vms", "--all-content"], env=env))
            floor_runs.append(measure(floor, shell=True))
        cli_wall, cli_rss, cli_cpu = min(cli_runs, key=lambda m: m[0])
        floor_wall, _, floor_cpu = min(floor_runs, key=lambda m: m[0])

        pipeline = curl + " | python3 -c 'import json,sys; json.load(sys.stdin)'"
        py_wall, py_rss, py_cpu = min((measure(pipeline, shell=True) for _ in range(2)),
                              key=lambda m: m[0])
    finally:
        engine.terminate()
        engine.wait(30)

    mb = int(size) / 1e6
    print(f"{n_vms:>6} VMs ({mb:7.1f} MB of JSON): "
          f"aerostat-cli {cli_wall:6.2f} s ({cli_cpu:5.2f} s CPU) "
          f"{n_vms / cli_wall:7.0f} VMs/s peak RSS {cli_rss:6.1f} MB | "
          f"curl|python3 {py_wall:6.2f} s ({py_cpu:5.2f} s CPU) "
          f"{n_vms / py_wall:7.0f} VMs/s peak RSS {py_rss:6.1f} MB", flush=True)
    ratio = cli_wall / floor_wall
    print(f"{'':>6}      floor curl|yajl-tokenise {floor_wall:6.2f} s ({floor_cpu:5.2f} s CPU), "
          f"aerostat-cli {cli_wall:6.2f} s: {ratio:4.2f} x the floor", flush=True)
    return cli_wall, cli_rss, py_wall, ratio


def main():
    global tokenise
    cli, demo, tokenise = sys.argv[1], sys.argv[2], sys.argv[3]
    sizes = [int(n) for n in sys.argv[4:]] or \
        [int(n) for n in os.environ.get("AEROSTAT_BENCH_SIZES", "1000 10000 50000").split()]
    ok = True
    for n_vms in sizes:
        cli_wall, cli_rss, py_wall, ratio = bench(cli, demo, n_vms)
        if n_vms == 10000:
            met = cli_wall < 1.0 and cli_rss < 150 and cli_wall < py_wall
            print(f"10,000-VM target (< 1.0 s, < 150 MB, faster than curl|python3): "
                  f"{'met' if met else 'MISSED'}", flush=True)
            print(f"10,000-VM floor target (at most 1.5 x curl|yajl-tokenise): "
                  f"{ratio:.2f} x, {'met' if ratio <= 1.5 else 'MISSED'}", flush=True)
            ok = ok and met and ratio <= 1.5
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
