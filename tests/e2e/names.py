# SPDX-License-Identifier: GPL-3.0-or-later
"""Accessible names the end-to-end tests find controls by.

Each name in STABLE_NAMES must be set untranslated on its control
(tests/e2e/check-accessible-names.py checks data/ui and src/ui), so that
the tests keep working whatever the language and whatever a translator
does to the visible label. Rename a control here and there together.
"""

# The demo engine's account (not a UI string).
DEMO_USER = "admin@internal"
DEMO_PASSWORD = "demo"

# Login page
PASSWORD = "Password"
CONNECT = "Connect"
TRY_DEMO = "Try the Demo Engine"

# Main window, Virtual Machines view
VM_LIST = "Virtual machines"
BALLOONING_MENU = "Ballooning"
RUN_ONCE = "Run Once"
SHUT_DOWN = "Shut Down"
POWER_OFF = "Power Off"

# Main window, Hosts view
HOST_LIST = "Hosts"
HOST_SEARCH = "Search hosts"
HOST_CHART = "Host memory picture"
CLUSTER_CHART = "Cluster memory picture"
HOST_VMS = "Running VMs of the host"

# New / Edit VM dialog
CLUSTER = "Cluster"
VM_NAME = "Name"
VM_DESCRIPTION = "Description"
BALLOON_CHECK = "Memory Balloon Device Enabled"
DIALOG_OK = "OK"
DIALOG_CANCEL = "Cancel"

# Run Once dialog
RUN_ONCE_VOLATILE_CHECK = "Rollback this configuration during reboots"

STABLE_NAMES = [
    PASSWORD,
    CONNECT,
    TRY_DEMO,
    VM_LIST,
    BALLOONING_MENU,
    RUN_ONCE,
    RUN_ONCE_VOLATILE_CHECK,
    SHUT_DOWN,
    POWER_OFF,
    HOST_LIST,
    HOST_SEARCH,
    HOST_CHART,
    CLUSTER_CHART,
    HOST_VMS,
    CLUSTER,
    VM_NAME,
    VM_DESCRIPTION,
    BALLOON_CHECK,
    DIALOG_OK,
    DIALOG_CANCEL,
]
