#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Every control a screen reader announces on the login page and in the
Edit VM dialog has one name: not empty, not GTK's fallback of the widget's
type name, and not its own words said twice ("Cancel Cancel").

GTK 4.8 joins a control's explicit accessible label and the label its
labelled-by relation points to (the visible label of a button, the mnemonic
label of a check box) with a space; a control given a stable name the
tests find it by was announced twice. This walks the real AT-SPI tree, so
it catches the doubling however a control got its names."""

import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import aerotest as t  # noqa: E402
import names as n  # noqa: E402

VM = "web-03"

# The roles of the controls a person operates; labels and containers are
# read, not operated, and are free to repeat words.
CONTROL_ROLES = {
    "push button",
    "toggle button",
    "check box",
    "radio button",
    "text",
    "entry",
    "password text",
    "spin button",
}

# GTK's name for an unlabelled element: its type name.
TYPE_NAME = re.compile(r"^(Gtk|Adw|Aero)[A-Z]\w*$")


# A mnemonic underline left in a name ("_Retry", "S_top"): screen readers
# read it out, and GTK 4.8 put it there next to the label's own words.
MNEMONIC = re.compile(r"(^|\s)_[^\W_]|[^\W\d_]_[^\W\d_]")


def repeated(text):
    """Whether @text is one phrase said twice: "X X", "X Y X Y", also when
    one of the two keeps its mnemonic underline ("_Retry Retry")."""
    words = [word.replace("_", "") for word in text.split()]
    half = len(words) // 2
    return len(words) >= 2 and len(words) % 2 == 0 and words[:half] == words[half:]


def problems_under(root, where):
    found = []
    for node in t.walk(root):
        try:
            node_role = t.role(node)
            if node_role not in CONTROL_ROLES:
                continue
            text = t.name(node)
        except Exception:
            continue  # the tree changed under us
        if not text.strip():
            found.append(f"{where}: {node_role} with no name")
        elif TYPE_NAME.match(text):
            found.append(f"{where}: {node_role} named after its type, {text!r}")
        elif repeated(text):
            found.append(f"{where}: {node_role} named twice, {text!r}")
        elif MNEMONIC.search(text):
            found.append(f"{where}: {node_role} name with a mnemonic underline, {text!r}")
    return found


def login_page(connect):
    """The login page around its Connect button: the largest ancestor that
    does not also hold the list of virtual machines (the window builds
    both pages at once)."""
    page = connect
    while page.parent is not None and t.role(page.parent) != "application":
        if t.find_all(page.parent, None, n.VM_LIST,
                      predicate=lambda node: t.role(node) in ("table", "tree table", "list", "grid")):
            break
        page = page.parent
    return page


def exact_names(root, where, expected):
    """The stable names the other scenarios find controls by, exactly:
    nothing before or after them."""
    found = []
    for roles, stable in expected:
        roles = (roles,) if isinstance(roles, str) else roles
        if not t.find_all(root, None, None,
                          predicate=lambda node, r=roles, s=stable: t.role(node) in r and t.name(node) == s):
            found.append(f"{where}: no {' or '.join(roles)} named exactly {stable!r}")
    return found


def controls_have_single_names(engine, start):
    app = start("--engine", engine.url, "--user", n.DEMO_USER)

    # The login page, once its controls are there.
    page = login_page(t.find(app.app, "push button", n.CONNECT))
    problems = problems_under(page, "login page")
    problems += exact_names(page, "login page",
                            (("push button", n.CONNECT), (("password text", "text"), n.PASSWORD)))

    t.login(app, n.DEMO_PASSWORD)
    t.select_vms(app, [VM])
    t.press_key(ord("e"), control=True)
    dialog = t.open_dialog(app, VM)
    # The pages of the dialog's stack are all in the tree, shown or not.
    t.find(dialog, "check box", n.BALLOON_CHECK)
    t.find(dialog, "push button", n.DIALOG_OK)
    problems += problems_under(dialog, "Edit VM dialog")
    problems += exact_names(dialog, "Edit VM dialog",
                            (("push button", n.DIALOG_OK), ("push button", n.DIALOG_CANCEL),
                             ("combo box", n.CLUSTER), ("text", n.VM_NAME),
                             ("text", n.VM_DESCRIPTION), ("check box", n.BALLOON_CHECK)))

    if problems:
        for problem in problems:
            t.log(problem)
        raise t.Failure(f"{len(problems)} controls without a single name")
    t.log("every control on the login page and in Edit VM has a single name")


sys.exit(t.run(controls_have_single_names))
