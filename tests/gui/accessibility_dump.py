#!/usr/bin/python3
"""What a screen reader (Orca) sees of a running program, read through AT-SPI as Orca reads it.

Usage: accessibility_dump.py PID

For each request read from standard input, one per line: a file name, then optionally a tab and
a window title, writes to that file one line per accessible element of the top-level windows of
the program with process id PID (only the window with that title, when given), tab-separated: window name, depth, role, states (F focusable, S showing, E enabled),
name, description, and the names of the elements it is labelled by. Tabs and line breaks in
texts become spaces, then answers "done" (or "missing" when the program is not on the
accessibility bus) on standard output. One process serves every dump of a test, as starting
Python and pyatspi costs more than a dump. The caller judges the lines (accessibility_test.cpp);
this script only reads. The program must keep serving its event loop while this runs: every
read is a D-Bus call answered by the program's main loop.
"""
import sys
import time

import pyatspi

STATES = (("F", pyatspi.STATE_FOCUSABLE), ("S", pyatspi.STATE_SHOWING),
          ("E", pyatspi.STATE_ENABLED))


def clean(text):
    return (text or "").replace("\t", " ").replace("\n", " ").replace("\r", " ")


def labelled_by(element):
    names = []
    for relation in element.getRelationSet():
        if relation.getRelationType() == pyatspi.RELATION_LABELLED_BY:
            names += [clean(relation.getTarget(i).name) for i in range(relation.getNTargets())]
    return " | ".join(names)


def walk(element, window, depth, lines):
    states = element.getState()
    flags = "".join(letter for letter, state in STATES if states.contains(state))
    lines.append("\t".join([window, str(depth), element.getRoleName(), flags,
                            clean(element.name), clean(element.description),
                            labelled_by(element)]))
    for index in range(element.childCount):
        child = element.getChildAtIndex(index)
        if child is not None:
            walk(child, window, depth + 1, lines)


def find_application(pid, seconds):
    # A program registers with the registry a moment after its first window maps.
    deadline = time.monotonic() + seconds
    while True:
        desktop = pyatspi.Registry.getDesktop(0)
        for index in range(desktop.childCount):
            application = desktop.getChildAtIndex(index)
            try:
                if application is not None and application.get_process_id() == pid:
                    return application
            except Exception:  # an application that left while we asked
                continue
        if time.monotonic() > deadline:
            return None
        time.sleep(0.1)


def dump(pid, output, title):
    application = find_application(pid, 10)
    if application is None:
        return "missing"
    lines = []
    for index in range(application.childCount):
        window = application.getChildAtIndex(index)
        if window is not None and (not title or clean(window.name) == title):
            walk(window, clean(window.name), 0, lines)
    with open(output, "w", encoding="utf-8") as out:
        out.write("\n".join(lines) + "\n")
    return "done"


def main():
    pid = int(sys.argv[1])
    for line in sys.stdin:
        output, _, title = line.rstrip("\n").partition("\t")
        print(dump(pid, output, title), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
