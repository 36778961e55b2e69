#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The accessible names the end-to-end tests find controls by must not be
translated: a German run of the tests (or a translator's fix) must not
break them, and a renamed label must show up here, not as a time-out.

For every name in names.STABLE_NAMES, this checks data/ui/*.ui and
src/ui/*.c:
  - it is set at least once as an untranslated accessible label
    (<accessibility><property name="label">NAME</property> in a .ui file,
    or GTK_ACCESSIBLE_PROPERTY_LABEL, "NAME" or
    aero_accessible_set_name (widget, "NAME") in C);
  - it never appears as a translatable accessible label
    (translatable="yes" inside <accessibility>, or _("NAME") / N_("NAME")
    given to GTK_ACCESSIBLE_PROPERTY_LABEL or aero_accessible_set_name).
Prints TAP, one test per name.
"""

import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from names import STABLE_NAMES  # noqa: E402

ACCESSIBILITY_BLOCK = re.compile(r"<accessibility>(.*?)</accessibility>", re.S)
LABEL_PROPERTY = re.compile(r'<property\s+name="label"([^>]*)>([^<]*)</property>')
C_LABEL = re.compile(r'(?:GTK_ACCESSIBLE_PROPERTY_LABEL|aero_accessible_set_name\s*\([^,;]*)'
                     r'\s*,\s*(N?_\s*\(\s*)?"((?:[^"\\]|\\.)*)"')


def unescape_xml(text):
    return (text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"')
            .replace("&apos;", "'").replace("&amp;", "&"))


def scan(source_dir):
    """(name -> [places set untranslated], name -> [places set translatable])"""
    stable, translated = {}, {}
    ui_dir = os.path.join(source_dir, "data", "ui")
    c_dir = os.path.join(source_dir, "src", "ui")
    for directory, suffix in ((ui_dir, ".ui"), (c_dir, ".c")):
        if not os.path.isdir(directory):
            continue
        for entry in sorted(os.listdir(directory)):
            if not entry.endswith(suffix):
                continue
            path = os.path.join(directory, entry)
            with open(path, encoding="utf-8") as f:
                text = f.read()
            where = os.path.relpath(path, source_dir)
            if suffix == ".ui":
                for block in ACCESSIBILITY_BLOCK.finditer(text):
                    for attributes, value in LABEL_PROPERTY.findall(block.group(1)):
                        value = unescape_xml(value.strip())
                        target = translated if 'translatable="yes"' in attributes else stable
                        target.setdefault(value, []).append(where)
            else:
                for gettext, value in C_LABEL.findall(text):
                    target = translated if gettext else stable
                    target.setdefault(value, []).append(where)
    return stable, translated


def main():
    source_dir = os.environ.get("AERO_SOURCE_ROOT") or os.path.join(
        os.path.dirname(os.path.abspath(__file__)), "..", "..")
    stable, translated = scan(source_dir)
    names = sorted(set(STABLE_NAMES))
    print(f"1..{len(names)}")
    failures = 0
    for number, name in enumerate(names, 1):
        problems = []
        if name in translated:
            problems.append("marked translatable in " + ", ".join(translated[name]))
        if name not in stable:
            problems.append("not set as an untranslated accessible label anywhere")
        if problems:
            failures += 1
            print(f"not ok {number} {name!r}: " + "; ".join(problems))
        else:
            print(f"ok {number} {name!r} ({', '.join(sorted(set(stable[name])))})")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
