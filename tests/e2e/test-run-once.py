#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Run Once a VM that is down with ballooning off: the VM runs without the
balloon, and once powered off its stored configuration is unchanged
(ballooning on)."""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import aerotest as t  # noqa: E402
import names as n  # noqa: E402

VM = "web-04"


def run_once_balloon_off(engine, start):
    before = engine.vm_by_name(VM)
    if t.ballooning(before) is not True or before.get("status") != "down":
        raise t.Failure(f"{VM} should be down with ballooning on")

    app = start("--engine", engine.url, "--user", n.DEMO_USER)
    t.login(app, n.DEMO_PASSWORD)
    t.select_vms(app, [VM])
    t.click(t.find(app.app, "push button", n.RUN_ONCE))

    dialog = t.open_dialog(app, VM)
    check = t.find(dialog, "check box", n.RUN_ONCE_BALLOON_CHECK)
    t.wait_for("the override to start from the VM's value", lambda: t.is_checked(check))
    t.click(check)
    t.wait_for("the override unticked", lambda: not t.is_checked(check))
    t.click(t.find(dialog, "push button", n.DIALOG_OK))
    t.wait_dialog_closed(app, dialog)

    running = t.wait_for("the VM to start",
                         lambda: (lambda vm: vm if vm.get("status") != "down" else None)(engine.vm_by_name(VM)))
    # While it runs, the engine shows the run's configuration: the override.
    if t.ballooning(running) is not False:
        raise t.Failure("the VM does not run with ballooning off")

    # Powered off, the VM is back to its stored configuration, unchanged.
    engine.request("POST", f"vms/{running['id']}/stop", {})
    after = t.wait_for("the VM to stop",
                       lambda: (lambda vm: vm if vm.get("status") == "down" else None)(engine.vm_by_name(VM)))
    if t.ballooning(after) is not True:
        raise t.Failure("Run Once changed the stored ballooning")
    changed = t.differences(before, after)
    if changed:
        raise t.Failure(f"Run Once changed the stored VM: {changed}")
    t.log(f"{VM} ran with ballooning off; its stored configuration is unchanged")

sys.exit(t.run(run_once_balloon_off))
