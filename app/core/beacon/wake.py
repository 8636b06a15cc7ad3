"""The one signal between the update client and the beacon sender: "something changed, look".

The update service calls :func:`notify` after every check, start-up and rollback; a running
:class:`app.core.beacon.sender.BeaconThread` wakes up, turns new history rows into beacons and sends
them. Setting an event never blocks, so updating never waits for the network.
"""

from __future__ import annotations

import threading

changed = threading.Event()


def notify() -> None:
    changed.set()
