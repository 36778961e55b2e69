#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""In Edit VM, move the VM from the 4.7 cluster to the 3.0 one and back:
the balloon check box greys out at once with the reason, and coming back
restores the user's choice (here: unticked by the user before the move)."""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import aerotest as t  # noqa: E402
import names as n  # noqa: E402

VM = "web-03"


def choose_cluster(dialog, label):
    """Opens the Cluster drop-down and picks @label ("Legacy (3.0)": a
    cluster name and a number, never translated) from its pop-over."""
    combo = t.find(dialog, "combo box", n.CLUSTER)
    t.mouse_click(combo)

    def popover_item():
        # The pop-over's rows are list items under the combo row; the first
        # list under it only shows the current choice.
        items = [node for node in t.find_all(combo, "list item")
                 if t.find_all(node, "label", None, predicate=lambda x: t.name(x) == label)]
        return items[-1] if len(items) > 0 and t.find_all(combo, "list item") and len(t.find_all(combo, "list item")) > 1 else None
    t.mouse_click(t.wait_for(f"{label!r} in the cluster list", popover_item))
    t.wait_for(f"the drop-down to show {label!r}",
               lambda: t.find_all(t.children(combo)[0] if t.children(combo) else combo, "label", None,
                                  predicate=lambda x: t.name(x) == label))


def cluster_there_and_back(engine, start):
    before = engine.vm_by_name(VM)
    app = start("--engine", engine.url, "--user", n.DEMO_USER)
    t.login(app, n.DEMO_PASSWORD)
    t.select_vms(app, [VM])
    t.press_key(ord("e"), control=True)

    dialog = t.open_dialog(app, VM)
    t.switch_tab(dialog, "Resource Allocation")
    check = t.find(dialog, "check box", n.BALLOON_CHECK)
    t.wait_for("ticked at first", lambda: t.is_checked(check) and t.is_sensitive(check))

    t.switch_tab(dialog, "General")
    choose_cluster(dialog, "Legacy (3.0)")
    t.switch_tab(dialog, "Resource Allocation")
    check = t.find(dialog, "check box", n.BALLOON_CHECK)
    t.wait_for("insensitive on 3.0", lambda: not t.is_sensitive(check) and not t.is_checked(check))
    t.wait_for("the reason on 3.0", lambda: "3.0" in t.description(check))

    t.switch_tab(dialog, "General")
    choose_cluster(dialog, "Default (4.7)")
    t.switch_tab(dialog, "Resource Allocation")
    check = t.find(dialog, "check box", n.BALLOON_CHECK)
    t.wait_for("ticked again on 4.7", lambda: t.is_sensitive(check) and t.is_checked(check))

    # Nothing was saved.
    t.click(t.find(dialog, "push button", n.DIALOG_CANCEL))
    after = engine.vm_by_name(VM)
    if t.differences(before, after):
        raise t.Failure(f"the VM changed without OK: {t.differences(before, after)}")


sys.exit(t.run(cluster_there_and_back))
