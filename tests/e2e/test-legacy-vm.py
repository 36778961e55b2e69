#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""A 3.0-cluster VM: the balloon check box is insensitive and unticked,
and its accessible description gives the reason."""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import aerotest as t  # noqa: E402
import names as n  # noqa: E402

VM = "legacy-web"


def legacy_vm_balloon_greyed(engine, start):
    app = start("--engine", engine.url, "--user", n.DEMO_USER)
    t.login(app, n.DEMO_PASSWORD)
    t.select_vms(app, [VM])
    t.press_key(ord("e"), control=True)

    dialog = t.open_dialog(app, VM)
    t.switch_tab(dialog, "Resource Allocation")
    check = t.find(dialog, "check box", n.BALLOON_CHECK)
    t.wait_for("the check box to be insensitive", lambda: not t.is_sensitive(check))
    if t.is_checked(check):
        raise t.Failure("the check box is ticked on a 3.0 cluster")
    reason = t.wait_for("a description with the reason",
                        lambda: t.description(check) if "3.1" in t.description(check) else None)
    if "3.0" not in reason:
        raise t.Failure(f"the reason does not name the cluster's level: {reason!r}")
    t.log(f"reason: {reason!r}")
    t.click(t.find(dialog, "push button", n.DIALOG_CANCEL))
    t.wait_dialog_closed(app, dialog)


sys.exit(t.run(legacy_vm_balloon_greyed))
