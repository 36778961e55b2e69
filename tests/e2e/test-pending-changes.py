#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Edit VM on a running VM: unticking the balloon applies only after a
restart, so OK first shows "Pending Virtual Machine changes"; confirming
stores it as the VM's next-run configuration and leaves the running one
as it is."""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import aerotest as t  # noqa: E402
import names as n  # noqa: E402

VM = "web-02"


def pending_changes_next_run(engine, start):
    before = engine.vm_by_name(VM)
    if before.get("status") != "up" or t.ballooning(before) is not True:
        raise t.Failure(f"{VM} should be running with ballooning on")

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
    n_windows = len(t.windows(app))
    t.click(t.find(dialog, "push button", n.DIALOG_OK))

    # A window more: the confirmation, listing the balloon among what waits
    # for the restart.
    pending = t.wait_for("the pending changes dialog",
                         lambda: t.windows(app)[-1] if len(t.windows(app)) > n_windows else None)
    if t.ballooning(engine.vm_next_run(before["id"])) is not True:
        raise t.Failure("ballooning changed before the confirmation")
    t.click(t.find(pending, "push button", n.DIALOG_OK))
    t.wait_dialog_closed(app, dialog)

    next_run = t.wait_for("ballooning off in the next-run configuration",
                          lambda: (lambda vm: vm if t.ballooning(vm) is False else None)(
                              engine.vm_next_run(before["id"])))
    running = engine.vm_by_name(VM)
    if t.balloon_device(engine, running["id"]) is not True:
        raise t.Failure("the running configuration lost its balloon before a restart")
    changed = t.differences(before, next_run, ignore={"memory_policy.ballooning"})
    if changed:
        raise t.Failure(f"the next run changes more than ballooning: {changed}")
    t.log("ballooning off at the next run, the running VM unchanged")


sys.exit(t.run(pending_changes_next_run))
