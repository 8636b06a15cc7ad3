"""USB sticks and external disks: noticed when they are connected, then ignored, asked about or scanned.

- :mod:`.drive_model` — :class:`~.drive_model.Drive`, one connected drive, and how its name is shown.
- :mod:`.linux_mounts` — the mount table (``/proc/self/mountinfo``) read and watched; which mounts are
  removable drives.
- :mod:`.windows_drives` — drive letters of removable and external drives (kernel32 through ctypes).
- :mod:`.drive_files` — what a quick drive scan looks at (the top levels: programs, scripts, shortcuts,
  ``autorun.inf``, under a size cap).
- :mod:`.drive_service` — :class:`~.drive_service.DriveService`: watches, applies the
  ``drives.on_connect`` setting and runs the drive scans; the console starts it with its other
  background services.
"""
