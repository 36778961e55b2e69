#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Disable Ballooning on two running VMs of host-02, restart them so that
their next-run configuration applies, and the host's balloon headroom, as
its memory picture reads it out, drops by what their balloons could give
back: (2 - 1) + (8 - 4) GiB."""

import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import aerotest as t  # noqa: E402
import names as n  # noqa: E402

HOST = "host-02"
VMS = {"mon-01": 1, "ci-runner-02": 4}   # GiB each balloon could give back
GIB = 1024 ** 3
# Aerostat writes binary sizes with binary unit names ("4 GiB").
UNITS = {"B": 1, "KiB": 1024, "MiB": 1024 ** 2, "GiB": 1024 ** 3, "TiB": 1024 ** 4}


def tab(app, title):
    return t.find(app.app, None, title,
                  predicate=lambda node: t.role(node) in ("toggle button", "push button",
                                                          "radio button", "page tab"))


def headroom(app):
    """The balloon headroom in the host picture's accessible description."""
    # Within the Hosts list: the VM pane names the host too, on its
    # hidden page.
    table = t.find(app.app, None, n.HOST_LIST,
                   predicate=lambda node: t.role(node) in ("table", "tree table", "list", "grid"))
    t.click(t.find(table, "label", None,
                   predicate=lambda node: t.token_in(t.name(node), HOST)))
    chart = t.find(app.app, None, n.HOST_CHART)
    text = t.wait_for("the host picture's description",
                      lambda: t.description(chart) if "Balloon headroom" in t.description(chart) else None)
    t.log("host picture: " + text.replace("\n", " | "))
    match = re.search(r"Balloon headroom: ([\d.,]+)\s*(\w+)", text)
    if match is None:
        raise t.Failure(f"no headroom in {text!r}")
    return float(match.group(1).replace(",", ".")) * UNITS[match.group(2)]


def host_headroom(engine, start):
    app = start("--engine", engine.url, "--user", n.DEMO_USER)
    t.login(app, n.DEMO_PASSWORD)
    t.vm_cell(app, "mon-01")
    t.click(tab(app, "Hosts"))
    before = headroom(app)

    t.click(tab(app, "Virtual Machines"))
    t.select_vms(app, list(VMS))
    t.click(t.find(app.app, None, n.BALLOONING_MENU,
                   predicate=lambda node: t.role(node) in ("push button", "toggle button", "menu button")))
    t.click(t.find(app.app, "menu item", None,
                   predicate=lambda node: t.name(node).startswith("Disable Ballooning")))
    dialog = t.open_dialog(app, "mon-01")
    t.click(t.find(dialog, "push button", n.DIALOG_OK))
    for vm in VMS:
        running = engine.vm_by_name(vm)
        t.wait_for(f"{vm}'s next run to have ballooning off",
                   lambda running=running: t.ballooning(engine.vm_next_run(running["id"])) is False or None)
    # The results stage: its button now reads Close (the test runs in C).
    t.click(t.find(dialog, "push button", "Close"))
    t.wait_dialog_closed(app, dialog)

    # Running VMs keep their balloon until they restart: restart them.
    for vm in VMS:
        vm_id = engine.vm_by_name(vm)["id"]
        engine.request("POST", f"vms/{vm_id}/stop", {})
        engine.request("POST", f"vms/{vm_id}/start", {})
        if t.ballooning(engine.vm_by_name(vm)) is not False:
            raise t.Failure(f"{vm} still has its balloon after the restart")
        if engine.vm_by_name(vm).get("host", {}).get("id") is None:
            raise t.Failure(f"{vm} runs on no host")

    t.click(tab(app, "Hosts"))
    t.press_key(0xffc2)  # F5: refresh
    expected = before - sum(VMS.values()) * GIB
    # (A list, so that a headroom of 0 still counts as found.)
    after = t.wait_for("the headroom to drop",
                       lambda: (lambda h: [h] if abs(h - expected) < 0.06 * GIB else None)(headroom(app)))[0]
    t.log(f"headroom {before / GIB:.2f} GiB -> {after / GIB:.2f} GiB")


sys.exit(t.run(host_headroom))
