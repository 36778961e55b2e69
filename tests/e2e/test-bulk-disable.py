#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Disable Ballooning on three VMs: one running (changes at its next run),
one on a 3.0 cluster (skipped, with the reason), one down (changes now)."""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import aerotest as t  # noqa: E402
import names as n  # noqa: E402

RUNNING, LEGACY, DOWN = "web-01", "legacy-web", "web-03"


def bulk_disable(engine, start):
    before = {vm: engine.vm_by_name(vm) for vm in (RUNNING, LEGACY, DOWN)}

    app = start("--engine", engine.url, "--user", n.DEMO_USER)
    t.login(app, n.DEMO_PASSWORD)
    t.select_vms(app, [RUNNING, LEGACY, DOWN])
    t.click(t.find(app.app, None, n.BALLOONING_MENU,
                   predicate=lambda node: t.role(node) in ("push button", "toggle button", "menu button")))
    t.click(t.find(app.app, "menu item", None,
                   predicate=lambda node: t.name(node).startswith("Disable Ballooning")))

    dialog = t.open_dialog(app, LEGACY)
    # The summary names each VM; nothing is sent before the confirmation.
    for vm in (RUNNING, LEGACY, DOWN):
        t.find(dialog, "label", None, predicate=lambda node, vm=vm: t.name(node) == vm)
    if t.ballooning(engine.vm_by_name(DOWN)) is not True:
        raise t.Failure("ballooning changed before the confirmation")
    t.log("summary: " + " | ".join(t.name(node) for node in t.find_all(dialog, "label")))
    t.click(t.find(dialog, "push button", n.DIALOG_OK))

    down = t.wait_for(f"{DOWN} to have ballooning off",
                      lambda: (lambda vm: vm if t.ballooning(vm) is False else None)(engine.vm_by_name(DOWN)))
    running = engine.vm_by_name(RUNNING)
    next_run = t.wait_for(f"{RUNNING}'s next-run configuration to have ballooning off",
                          lambda: (lambda vm: vm if t.ballooning(vm) is False else None)(
                              engine.vm_next_run(running["id"])))
    if t.balloon_device(engine, running["id"]) is not True:
        raise t.Failure(f"{RUNNING} changed while running instead of at its next run")
    t.log("results: " + " | ".join(t.name(node) for node in t.find_all(dialog, "label")))

    legacy = engine.vm_by_name(LEGACY)
    if t.differences(before[LEGACY], legacy):
        raise t.Failure(f"{LEGACY} (3.0) was changed: {t.differences(before[LEGACY], legacy)}")
    changed = t.differences(before[DOWN], down, ignore={"memory_policy.ballooning"})
    if changed:
        raise t.Failure(f"{DOWN}: members changed besides ballooning: {changed}")
    changed = t.differences(before[RUNNING], next_run, ignore={"memory_policy.ballooning"})
    if changed:
        raise t.Failure(f"{RUNNING}'s next run: members changed besides ballooning: {changed}")


sys.exit(t.run(bulk_disable))
