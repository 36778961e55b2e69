#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Start without options, press "Try the Demo Engine" on the login page,
and reach the demo engine's virtual machines: the window asks the
application for its embedded demo engine through the app.demo action."""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import aerotest as t  # noqa: E402
import names as n  # noqa: E402


def try_the_demo_engine(engine, start):
    app = start()

    t.click(t.find(app.app, "push button", n.TRY_DEMO))
    t.vm_cell(app, "web-01")
    t.log("the embedded demo engine's web-01 is listed")


sys.exit(t.run(try_the_demo_engine))
