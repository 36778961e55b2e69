# SPDX-License-Identifier: GPL-3.0-or-later
"""End-to-end test harness: the real aerostat binary, a demo engine, and
the accessibility tree.

A scenario starts the demo engine program and aerostat (logged in to it or
at the login page), then drives the UI only through AT-SPI, as a person
would: find a control by role and accessible name, click it, type into it,
read its state. Every wait polls the tree against a deadline; nothing
sleeps for a fixed time to "let the UI catch up".

The harness needs the session bus and the AT-SPI bus that tests/with-display
provides (./run test), and the programs named by the AEROSTAT and
AEROSTAT_DEMO_ENGINE environment variables (set by tests/e2e/meson.build).
"""

import base64
import ctypes
import ctypes.util
import json
import os
import re
import select
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request

import gi

gi.require_version("Atspi", "2.0")
import pyatspi  # noqa: E402

from names import CONNECT, DEMO_PASSWORD, DEMO_USER, PASSWORD, VM_LIST  # noqa: E402

# Seconds a step may take on a quiet machine. Every deadline is stretched
# by how busy the machine is when the wait starts (see patience()): a
# fixed deadline failed e2e-login once while other builds kept both cores
# busy, when starting the application and logging in took longer than it.
DEFAULT_TIMEOUT = float(os.environ.get("AERO_E2E_TIMEOUT", "20"))


class Failure(Exception):
    """A scenario's expectation did not hold."""


def log(message):
    print("# " + message, flush=True)


def patience():
    """How many times longer than on a quiet machine a step may take now:
    the runnable processes per processor over the last minute, at least 1,
    at most 10."""
    try:
        load = os.getloadavg()[0]
    except OSError:
        return 1.0
    return min(10.0, max(1.0, load / (os.cpu_count() or 1)))


def wait_for(what, predicate, timeout=DEFAULT_TIMEOUT, interval=0.05):
    """Polls @predicate until it returns a true value and returns that
    value; raises Failure naming @what after @timeout seconds."""
    timeout *= patience()
    deadline = time.monotonic() + timeout
    last_error = None
    while True:
        try:
            value = predicate()
            if value:
                return value
        except Exception as error:  # the tree changes under us: try again
            last_error = error
        if time.monotonic() > deadline:
            detail = f" (last error: {last_error})" if last_error else ""
            raise Failure(f"timed out after {timeout:.0f} s waiting for {what}{detail}")
        time.sleep(interval)


# --- the demo engine -------------------------------------------------------


class DemoEngine:
    """The aerostat-demo-engine program on a free loopback port, with its
    fixed seed inventory."""

    def __init__(self):
        program = os.environ.get("AEROSTAT_DEMO_ENGINE")
        if not program:
            raise Failure("AEROSTAT_DEMO_ENGINE is not set")
        self.process = subprocess.Popen(
            [program, "--port", "0"],
            stdout=subprocess.PIPE, stderr=sys.stderr, text=True)
        self.url = None
        deadline = time.monotonic() + DEFAULT_TIMEOUT * patience()
        while self.url is None:
            remaining = deadline - time.monotonic()
            if remaining <= 0 or self.process.poll() is not None:
                self.stop()
                raise Failure("the demo engine did not print its address")
            ready, _, _ = select.select([self.process.stdout], [], [], remaining)
            if ready:
                line = self.process.stdout.readline()
                match = re.search(r"demo engine: (\S+)", line)
                if match:
                    self.url = match.group(1)
        log(f"demo engine at {self.url}")

    def stop(self):
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(5)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()

    # REST, with Basic authentication, as an independent observer of what
    # the application sent.
    def request(self, method, path, body=None):
        url = self.url.rstrip("/") + "/" + path.lstrip("/")
        credentials = base64.b64encode(f"{DEMO_USER}:{DEMO_PASSWORD}".encode()).decode()
        headers = {
            "Accept": "application/json",
            "Version": "4",
            "Authorization": "Basic " + credentials,
        }
        data = None
        if body is not None:
            data = json.dumps(body).encode()
            headers["Content-Type"] = "application/json"
        request = urllib.request.Request(url, data=data, headers=headers, method=method)
        with urllib.request.urlopen(request, timeout=10) as response:
            text = response.read().decode()
        return json.loads(text) if text else {}

    def vm_by_name(self, name):
        result = self.request("GET", f"vms?search=name%3D{name}&all_content=true")
        for vm in result.get("vm", []):
            if vm.get("name") == name:
                return self.request("GET", f"vms/{vm['id']}")
        raise Failure(f"the demo engine has no VM named {name}")

    def vm_next_run(self, vm_id):
        return self.request("GET", f"vms/{vm_id};next_run")


def ballooning(vm):
    """The VM's memory_policy.ballooning as a Python bool (the engine sends
    booleans as strings), or None when absent."""
    value = vm.get("memory_policy", {}).get("ballooning")
    if value is None:
        return None
    if isinstance(value, bool):
        return value
    return str(value).lower() in ("true", "1")


def balloon_device(engine, vm_id):
    """Whether the VM runs with a balloon, as the host sees it (the demo
    engine's /vms/{id}/devices). Up to 4.4.6.4 a real engine's GET of a VM
    reports the balloon of its next-run configuration when there is one
    (IsBalloonEnabledQuery), so memory_policy.ballooning cannot tell."""
    devices = engine.request("GET", f"vms/{vm_id}/devices").get("device", [])
    for device in devices:
        if device.get("type") == "balloon":
            return device.get("model") != "none"
    return None


# Members that change by themselves (status of a starting VM, statistics
# links, timestamps) and so are not part of "nothing else changed".
VOLATILE_MEMBERS = {"status", "start_time", "stop_time", "next_run_configuration_exists",
                    "host", "run_once", "statistics"}


def differences(before, after, ignore=()):
    """Paths of the members that differ between two JSON objects."""
    found = []

    def walk(a, b, path):
        if isinstance(a, dict) and isinstance(b, dict):
            for key in sorted(set(a) | set(b)):
                if not path and key in VOLATILE_MEMBERS:
                    continue
                sub = f"{path}.{key}" if path else key
                if sub in ignore:
                    continue
                walk(a.get(key), b.get(key), sub)
        elif a != b:
            found.append(path)

    walk(before, after, "")
    return found


# --- X11: where the windows are -------------------------------------------


class _X11:
    """Just enough of Xlib to find a window's position on the screen: GTK 4
    reports extents relative to its window only, and with no window manager
    a dialog is not always at the origin."""

    def __init__(self):
        path = ctypes.util.find_library("X11")
        self.lib = ctypes.CDLL(path) if path else None
        self.display = None
        if self.lib:
            self.lib.XOpenDisplay.restype = ctypes.c_void_p
            self.lib.XDefaultRootWindow.restype = ctypes.c_ulong
            self.lib.XDefaultRootWindow.argtypes = [ctypes.c_void_p]
            self.lib.XQueryTree.argtypes = [
                ctypes.c_void_p, ctypes.c_ulong, ctypes.POINTER(ctypes.c_ulong),
                ctypes.POINTER(ctypes.c_ulong), ctypes.POINTER(ctypes.POINTER(ctypes.c_ulong)),
                ctypes.POINTER(ctypes.c_uint)]
            self.lib.XFree.argtypes = [ctypes.c_void_p]
            self.lib.XGetWindowAttributes.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_void_p]
            self.display = self.lib.XOpenDisplay(None)

    class _Attributes(ctypes.Structure):
        _fields_ = [("x", ctypes.c_int), ("y", ctypes.c_int),
                    ("width", ctypes.c_int), ("height", ctypes.c_int),
                    ("border_width", ctypes.c_int), ("depth", ctypes.c_int),
                    ("visual", ctypes.c_void_p), ("root", ctypes.c_ulong),
                    ("class_", ctypes.c_int), ("bit_gravity", ctypes.c_int),
                    ("win_gravity", ctypes.c_int), ("backing_store", ctypes.c_int),
                    ("backing_planes", ctypes.c_ulong), ("backing_pixel", ctypes.c_ulong),
                    ("save_under", ctypes.c_int), ("colormap", ctypes.c_ulong),
                    ("map_installed", ctypes.c_int), ("map_state", ctypes.c_int),
                    ("all_event_masks", ctypes.c_long), ("your_event_mask", ctypes.c_long),
                    ("do_not_propagate_mask", ctypes.c_long),
                    ("override_redirect", ctypes.c_int), ("screen", ctypes.c_void_p)]

    def mapped_windows(self):
        """(x, y, width, height) of the mapped top-level windows, topmost
        last."""
        if not self.display:
            return []
        root = self.lib.XDefaultRootWindow(self.display)
        root_ret, parent_ret = ctypes.c_ulong(), ctypes.c_ulong()
        children = ctypes.POINTER(ctypes.c_ulong)()
        count = ctypes.c_uint()
        if not self.lib.XQueryTree(self.display, root, ctypes.byref(root_ret), ctypes.byref(parent_ret),
                                   ctypes.byref(children), ctypes.byref(count)):
            return []
        result = []
        for i in range(count.value):
            attributes = self._Attributes()
            if self.lib.XGetWindowAttributes(self.display, children[i], ctypes.byref(attributes)):
                if attributes.map_state == 2 and attributes.width > 1 and attributes.height > 1:
                    result.append((attributes.x, attributes.y, attributes.width, attributes.height))
        if children:
            self.lib.XFree(children)
        return result


_x11 = None


def _anchor(node):
    """The surface @node is drawn on: its pop-over, or its window."""
    while node is not None:
        if role(node) in ("frame", "dialog", "window"):
            return node
        # The type names GTK gives pop-overs without a name of their own.
        if (role(node), name(node)) in (("filler", "GtkPopover"), ("menu", "GtkPopoverMenu")):
            return node
        node = node.parent
    return None


def screen_offset(anchor):
    """What to add to the extents GTK 4 reports (relative to the window,
    and for pop-overs not even that) to get screen coordinates: the X
    window of @anchor's size tells where it really is; client-side
    decorations may add a few pixels around it."""
    global _x11
    if _x11 is None:
        _x11 = _X11()
    ax, ay, aw, ah = anchor.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
    offset = (0, 0)
    for x, y, w, h in _x11.mapped_windows():
        if 0 <= w - aw <= 24 and 0 <= h - ah <= 24:
            offset = (x + (w - aw) // 2 - ax, y + (h - ah) // 2 - ay)
    return offset


# --- the accessibility tree ------------------------------------------------


def role(node):
    return node.getRoleName()


def name(node):
    return node.name or ""


def states(node):
    return node.getState()


def is_showing(node):
    return states(node).contains(pyatspi.STATE_SHOWING)


def is_sensitive(node):
    return states(node).contains(pyatspi.STATE_SENSITIVE)


def is_checked(node):
    return states(node).contains(pyatspi.STATE_CHECKED)


def children(node):
    try:
        return [child for child in node if child is not None]
    except Exception:
        return []


def walk(node, depth=0, max_depth=60):
    yield node
    if depth < max_depth:
        for child in children(node):
            yield from walk(child, depth + 1, max_depth)


def named(node, stable):
    """Whether @node's accessible name is @stable. GTK 4.8 joins the
    visible label of a button (its labelled-by relation) and an explicit
    accessible label with a space ("Verbinden Connect"), so the stable name
    may come first or last."""
    text = name(node)
    return text == stable or text.endswith(" " + stable) or text.startswith(stable + " ")


# GTK 4.8 sets "showing" on windows only and "visible" from the widget's
# own flag (a widget on a hidden stack page is "visible"): searches do not
# filter on either by default; scope them to the right window instead.
def find_all(root, role_name=None, name_=None, showing=False, predicate=None):
    found = []
    for node in walk(root):
        try:
            if role_name is not None and role(node) != role_name:
                continue
            if name_ is not None and not named(node, name_):
                continue
            if showing and not is_showing(node):
                continue
            if predicate is not None and not predicate(node):
                continue
            found.append(node)
        except Exception:
            continue
    return found


def find(root, role_name=None, name_=None, showing=False, predicate=None, timeout=DEFAULT_TIMEOUT):
    """The first node under @root with that role and accessible name,
    waiting for it to appear."""
    what = f"{role_name or 'any role'} named {name_!r}" if name_ else f"a {role_name}"
    nodes = wait_for(what, lambda: find_all(root, role_name, name_, showing, predicate), timeout)
    return nodes[0]


def text_of(node):
    text = node.queryText()
    # GTK 4.8 does not accept -1 for "to the end".
    return text.getText(0, text.characterCount)


def description(node):
    return node.description or ""


def click(node):
    """Clicks a control: its "click" action where GTK offers one, else the
    pointer at its centre (GTK 4.8 gives check buttons no action)."""
    try:
        action = node.queryAction()
        for i in range(action.nActions):
            if action.getName(i) in ("click", "press", "activate"):
                action.doAction(i)
                return
    except NotImplementedError:
        pass
    mouse_click(node)


def mouse_click(node):
    anchor = _anchor(node)
    ox, oy = screen_offset(anchor) if anchor is not None else (0, 0)
    x, y, width, height = node.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
    if width <= 0 or height <= 0:
        raise Failure(f"{role(node)} {name(node)!r} has no area to click")
    # Check boxes: the box is at the start of the row, the label may be
    # long; aim inside the indicator.
    if role(node) in ("check box", "radio button"):
        px = x + min(10, width // 2)
    else:
        px = x + width // 2
    pyatspi.Registry.generateMouseEvent(ox + px, oy + y + height // 2, "abs")
    pyatspi.Registry.generateMouseEvent(ox + px, oy + y + height // 2, "b1c")


def set_text(node, value):
    """Types into an entry: replaces its whole text."""
    node.queryEditableText().setTextContents(value)
    wait_for(f"{name(node)!r} to read {value!r}", lambda: text_of(node) == value)


# --- the application -------------------------------------------------------


class Aerostat:
    """The aerostat program with a private configuration, found in the
    accessibility tree by its process id."""

    def __init__(self, args):
        program = os.environ.get("AEROSTAT")
        if not program:
            raise Failure("AEROSTAT is not set")
        self.home = tempfile.mkdtemp(prefix="aerostat-e2e-")
        env = dict(os.environ)
        # Through the accessibility bus, not GTK's test backend.
        env.pop("GTK_A11Y", None)
        env.pop("NO_AT_BRIDGE", None)
        env["XDG_CONFIG_HOME"] = os.path.join(self.home, "config")
        env["XDG_DATA_HOME"] = os.path.join(self.home, "data")
        env["XDG_CACHE_HOME"] = os.path.join(self.home, "cache")
        env.setdefault("GSETTINGS_BACKEND", "memory")
        self.process = subprocess.Popen([program] + list(args), env=env,
                                        stdout=subprocess.PIPE, stderr=sys.stderr, text=True)
        self.app = wait_for("aerostat on the accessibility bus", self._find_app)

    def _find_app(self):
        if self.process.poll() is not None:
            raise Failure(f"aerostat exited with status {self.process.returncode}")
        desktop = pyatspi.Registry.getDesktop(0)
        for app in desktop:
            try:
                if app is not None and app.get_process_id() == self.process.pid:
                    if children(app):
                        return app
            except Exception:
                continue
        return None

    def window(self, role_name="frame", name_=None, timeout=DEFAULT_TIMEOUT):
        return find(self.app, role_name, name_, timeout=timeout)

    def stop(self):
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(5)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        shutil.rmtree(self.home, ignore_errors=True)


def dump(node, depth=0, out=sys.stdout):
    """The tree under @node, one line per node, for failure reports."""
    try:
        state = []
        if not is_sensitive(node):
            state.append("insensitive")
        if is_checked(node):
            state.append("checked")
        if not is_showing(node):
            state.append("hidden")
        desc = f" desc={description(node)!r}" if description(node) else ""
        out.write("# " + "  " * depth + f"{role(node)} {name(node)!r}{desc} {' '.join(state)}\n")
    except Exception:
        return
    for child in children(node):
        dump(child, depth + 1, out)


def run(scenario):
    """Runs @scenario(engine) as one TAP test and returns the exit status."""
    if not os.environ.get("DISPLAY"):
        print("1..0 # SKIP no display (run under tests/with-display)")
        return 0
    print("1..1", flush=True)
    engine = None
    apps = []
    status = 0
    try:
        engine = DemoEngine()

        def start(*args):
            app = Aerostat(args)
            apps.append(app)
            return app

        scenario(engine, start)
        print(f"ok 1 {scenario.__name__}")
    except Exception as error:
        print(f"not ok 1 {scenario.__name__}: {error}")
        for app in apps:
            log("accessibility tree at the failure:")
            try:
                dump(app.app)
            except Exception:
                pass
        status = 1
    finally:
        for app in apps:
            app.stop()
        if engine is not None:
            engine.stop()
    return status


# --- keyboard --------------------------------------------------------------

# X keycodes of the modifiers on Xvfb's default (evdev) keymap.
KEYCODE_CONTROL = 37


def press_key(keysym, control=False):
    """Presses and releases @keysym (an X keysym number, e.g. ord("e") or
    0xff0d for Return), with Control held if asked."""
    if control:
        pyatspi.Registry.generateKeyboardEvent(KEYCODE_CONTROL, None, pyatspi.KEY_PRESS)
    try:
        pyatspi.Registry.generateKeyboardEvent(keysym, None, pyatspi.KEY_SYM)
    finally:
        if control:
            pyatspi.Registry.generateKeyboardEvent(KEYCODE_CONTROL, None, pyatspi.KEY_RELEASE)


# --- Aerostat's screens ----------------------------------------------------

def token_in(text, token):
    """Whether @token (a VM name: data, never translated) appears in
    @text as a whole word."""
    return re.search(r"(^|[^\w-])" + re.escape(token) + r"($|[^\w-])", text) is not None


def login(app, password):
    """Fills the password on the login page (address and user come from
    --engine and --user) and presses Connect."""
    entry = find(app.app, None, PASSWORD, predicate=lambda n: role(n) in ("password text", "text"))
    set_text(entry, password)
    click(find(app.app, "push button", CONNECT))


def vm_cell(app, vm_name):
    """The Name cell of @vm_name's row in the Virtual Machines list."""
    table = find(app.app, None, VM_LIST, predicate=lambda n: role(n) in ("table", "tree table", "list", "list box", "grid"))
    return find(table, "label", None, predicate=lambda n: token_in(name(n), vm_name))


def select_vms(app, vm_names):
    """Selects exactly these rows of the VM list through the list's AT-SPI
    Selection, as assistive technologies do (GTK 4.8 ignores the Control
    key of a synthesised click)."""
    rows = []
    for vm_name in vm_names:
        row = vm_cell(app, vm_name)
        while row is not None and role(row) != "table row":
            row = row.parent
        if row is None:
            raise Failure(f"no row for {vm_name}")
        rows.append(row)
    selection = rows[0].parent.querySelection()
    selection.clearSelection()
    for row in rows:
        selection.selectChild(row.getIndexInParent())
    wait_for(f"{len(rows)} rows selected",
             lambda: rows[0].parent.querySelection().nSelectedChildren == len(rows))


def windows(app):
    return [w for w in children(app.app) if role(w) in ("frame", "dialog", "window")]


def open_dialog(app, label, timeout=DEFAULT_TIMEOUT):
    """The newest window other than the main one that shows a label
    reading @label (data such as a VM name: never translated)."""
    def dialog():
        for window in reversed(windows(app)[1:]):
            if find_all(window, "label", None, predicate=lambda n: name(n) == label):
                return window
        return None
    return wait_for(f"a dialog showing {label!r}", dialog, timeout)


def wait_dialog_closed(app, dialog, timeout=DEFAULT_TIMEOUT):
    def closed():
        try:
            return all(w != dialog for w in windows(app))
        except Exception:
            return True
    wait_for("the dialog to close", closed, timeout)


TAB_POSITIONS = {"General": 0, "System": 1, "Resource Allocation": 2}


def switch_tab(dialog, title):
    """Selects a tab of the VM dialog by its position in the side bar: the
    rows of a GtkStackSidebar carry the translated page title and GTK gives
    no way to name them otherwise."""
    def sidebar_rows():
        # The side bar comes before the pages in the tree: the first list
        # with one row per tab.
        for node in find_all(dialog, "list"):
            rows = [c for c in children(node) if role(c) == "list item"]
            if len(rows) == len(TAB_POSITIONS):
                return rows
        return None
    rows = wait_for("the dialog's side bar", sidebar_rows)
    mouse_click(rows[TAB_POSITIONS[title]])
