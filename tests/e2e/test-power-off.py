#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Power Off two running VMs from the toolbar: a question lists both;
Cancel sends nothing; Power Off stops both at once."""

import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import aerotest as t  # noqa: E402
import names as n  # noqa: E402

VMS = ("web-02", "build-01")


def statuses(engine):
    return {vm: engine.vm_by_name(vm).get("status") for vm in VMS}


def question(app):
    """The newest window besides the main one."""
    return t.wait_for("the question", lambda: (t.windows(app)[1:] or [None])[-1])


def power_off(engine, start):
    if set(statuses(engine).values()) != {"up"}:
        raise t.Failure(f"{VMS} should be up: {statuses(engine)}")

    app = start("--engine", engine.url, "--user", n.DEMO_USER)
    t.login(app, n.DEMO_PASSWORD)
    t.select_vms(app, list(VMS))
    window = t.windows(app)[0]
    button = t.find(window, "push button", n.POWER_OFF, predicate=t.is_sensitive)

    t.click(button)
    dialog = question(app)
    body = " ".join(t.name(node) for node in t.find_all(dialog, "label"))
    t.log("question: " + body)
    for vm in VMS:
        if vm not in body:
            raise t.Failure(f"the question does not name {vm}")
    # Cancel sends nothing. (That it has the focus is checked by the
    # widget test: GTK 4.8 reports no focus through AT-SPI.)
    t.click(t.find(dialog, "push button", n.DIALOG_CANCEL))
    t.wait_dialog_closed(app, dialog)
    time.sleep(1)
    if set(statuses(engine).values()) != {"up"}:
        raise t.Failure(f"Enter on the question sent something: {statuses(engine)}")

    t.click(button)
    dialog = question(app)
    t.click(t.find(dialog, "push button", n.POWER_OFF))
    t.wait_dialog_closed(app, dialog)
    t.wait_for("both VMs down", lambda: set(statuses(engine).values()) == {"down"})
    t.log(f"{', '.join(VMS)} powered off after the question")


sys.exit(t.run(power_off))
