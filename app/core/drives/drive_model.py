"""One connected drive."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Drive:
    """A mounted removable or external drive.

    ``root`` is where its files are (a mount point, or ``E:\\``); ``place`` is how the user knows where it
    is (the mount point, or ``E:``); ``label`` is the volume's name exactly as the drive has it (shown
    through :mod:`app.core.text.names` like any name a stranger chose); ``identity`` stays the same when the
    same drive is connected again (its volume serial number or file system UUID where known)."""

    root: str
    place: str
    label: str
    identity: str
    device: str = ""
    fs_type: str = ""
