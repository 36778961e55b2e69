#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Run Once a VM that is down, rolled back during reboots. The dialog
offers no balloon override, and says why: the engine's REST start ignores
the memory policy of a Run Once in every release (ovirt-engine:
backend/manager/modules/restapi/types/src/main/java/org/ovirt/engine/api/
restapi/types/VmMapper.java map(Vm, RunVmOnceParams)). The start is a
real Run Once (the engine's plain RunVm would drop "volatile":
BackendVmResource.start), the VM runs with its stored balloon, and once
powered off its stored configuration is unchanged."""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import aerotest as t  # noqa: E402
import names as n  # noqa: E402

VM = "web-04"
REASON = "A run cannot change it"


def run_once_without_balloon_override(engine, start):
    before = engine.vm_by_name(VM)
    if t.ballooning(before) is not True or before.get("status") != "down":
        raise t.Failure(f"{VM} should be down with ballooning on")

    app = start("--engine", engine.url, "--user", n.DEMO_USER)
    t.login(app, n.DEMO_PASSWORD)
    t.select_vms(app, [VM])
    t.click(t.find(app.app, "push button", n.RUN_ONCE))

    dialog = t.open_dialog(app, VM)
    volatile = t.find(dialog, "check box", n.RUN_ONCE_VOLATILE_CHECK)
    if t.find_all(dialog, "check box", n.BALLOON_CHECK):
        raise t.Failure("the Run Once dialog still offers a balloon override")
    t.find(dialog, "label", predicate=lambda node: REASON in t.text_of(node))
    t.click(volatile)
    t.wait_for("the rollback ticked", lambda: t.is_checked(volatile))
    t.click(t.find(dialog, "push button", n.DIALOG_OK))
    t.wait_dialog_closed(app, dialog)

    running = t.wait_for("the VM to start",
                         lambda: (lambda vm: vm if vm.get("status") != "down" else None)(engine.vm_by_name(VM)))
    if str(running.get("run_once")).lower() != "true":
        raise t.Failure("the start was not a Run Once")
    if t.ballooning(running) is not True:
        raise t.Failure("the VM does not run with its stored balloon")

    # Volatile: a reboot ends the Run Once.
    engine.request("POST", f"vms/{running['id']}/reboot", {})
    rebooted = engine.vm_by_name(VM)
    if str(rebooted.get("run_once")).lower() != "false":
        raise t.Failure("the run was not rolled back at the reboot")

    engine.request("POST", f"vms/{running['id']}/stop", {})
    after = t.wait_for("the VM to stop",
                       lambda: (lambda vm: vm if vm.get("status") == "down" else None)(engine.vm_by_name(VM)))
    changed = t.differences(before, after)
    if changed:
        raise t.Failure(f"Run Once changed the stored VM: {changed}")
    t.log(f"{VM} ran once, rolled back at reboot; its stored configuration is unchanged")


sys.exit(t.run(run_once_without_balloon_override))
