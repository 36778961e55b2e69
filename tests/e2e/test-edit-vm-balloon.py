#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Edit VM on a 4.7-cluster VM that is down: Resource Allocation, untick
"Memory Balloon Device Enabled", OK. The engine then says ballooning is
off, and nothing else about the VM changed."""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import aerotest as t  # noqa: E402
import names as n  # noqa: E402

VM = "web-03"


def edit_vm_balloon_off(engine, start):
    before = engine.vm_by_name(VM)
    if t.ballooning(before) is not True:
        raise t.Failure(f"{VM} should start with ballooning on")

    app = start("--engine", engine.url, "--user", n.DEMO_USER)
    t.login(app, n.DEMO_PASSWORD)
    t.select_vms(app, [VM])
    t.press_key(ord("e"), control=True)

    dialog = t.open_dialog(app, VM)
    t.switch_tab(dialog, "Resource Allocation")
    check = t.find(dialog, "check box", n.BALLOON_CHECK)
    t.wait_for("the balloon check box to be ticked", lambda: t.is_checked(check))
    t.click(check)
    t.wait_for("the balloon check box to be unticked", lambda: not t.is_checked(check))
    t.click(t.find(dialog, "push button", n.DIALOG_OK))
    t.wait_dialog_closed(app, dialog)

    after = t.wait_for("the engine to store ballooning off",
                       lambda: (lambda vm: vm if t.ballooning(vm) is False else None)(engine.vm_by_name(VM)))
    changed = t.differences(before, after, ignore={"memory_policy.ballooning"})
    if changed:
        raise t.Failure(f"members changed besides ballooning: {changed}")
    t.log("ballooning off, nothing else changed")


sys.exit(t.run(edit_vm_balloon_off))
