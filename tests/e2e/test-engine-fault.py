#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""An engine fault in Edit VM: renaming a VM to a name in use passes the
client's checks, the engine refuses it (409); the dialog shows the fault
and keeps every edit."""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import aerotest as t  # noqa: E402
import names as n  # noqa: E402

VM = "web-03"
TAKEN = "web-01"
DESCRIPTION = "edited before the fault"


def engine_fault_keeps_edits(engine, start):
    before = engine.vm_by_name(VM)
    app = start("--engine", engine.url, "--user", n.DEMO_USER)
    t.login(app, n.DEMO_PASSWORD)
    t.select_vms(app, [VM])
    t.press_key(ord("e"), control=True)

    dialog = t.open_dialog(app, VM)
    name_entry = t.find(dialog, None, n.VM_NAME, predicate=lambda node: t.role(node) in ("text", "entry"))
    description_entry = t.find(dialog, None, n.VM_DESCRIPTION,
                               predicate=lambda node: t.role(node) in ("text", "entry"))
    t.set_text(description_entry, DESCRIPTION)
    t.set_text(name_entry, TAKEN)
    t.click(t.find(dialog, "push button", n.DIALOG_OK))

    fault = t.find(dialog, "label", None, predicate=lambda node: "already in use" in t.name(node))
    t.log(f"fault shown: {t.name(fault)!r}")
    if dialog not in t.windows(app):
        raise t.Failure("the dialog closed on a fault")
    if t.text_of(name_entry) != TAKEN or t.text_of(description_entry) != DESCRIPTION:
        raise t.Failure("the edits were lost after the fault")
    if t.differences(before, engine.vm_by_name(VM)):
        raise t.Failure("the VM changed although the engine refused")


sys.exit(t.run(engine_fault_keeps_edits))
