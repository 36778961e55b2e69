#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Log in with a wrong password, see the engine's message on the page, then
log in with the right one and reach the list of virtual machines."""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import aerotest as t  # noqa: E402
import names as n  # noqa: E402


def login_wrong_then_right(engine, start):
    app = start("--engine", engine.url, "--user", n.DEMO_USER)

    t.login(app, "not-the-password")
    # The engine's own words ("Cannot authenticate user ...") on the page.
    error = t.find(app.app, "label", None,
                   predicate=lambda node: "authenticate" in t.name(node).lower())
    t.log(f"error shown: {t.name(error)!r}")
    # Still on the login page: nothing listed.
    if t.find_all(app.app, "label", None, predicate=lambda node: t.token_in(t.name(node), "web-01")):
        raise t.Failure("VMs were listed after a wrong password")

    t.login(app, n.DEMO_PASSWORD)
    t.vm_cell(app, "web-01")
    t.log("logged in, web-01 listed")


sys.exit(t.run(login_wrong_then_right))
