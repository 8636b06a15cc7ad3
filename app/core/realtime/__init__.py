"""Real-time protection in user mode: scan files once their writing has finished, lose no change.

The model is "open now, scan later": no driver, nothing blocked; new and changed files in the
protected folders are checked within a second of being written, and a stat-only sweep against the
scan cache catches whatever the OS's change notifications lost. Modules, one job each:

- :mod:`.roots` — default protected folders per platform, and our own folders, never watched.
- :mod:`.filters` — exclusions (folder, file, extension, pattern) and browser partial downloads.
- :mod:`.watcher` — watchdog with a narrow event filter; the overflow log record as a signal.
- :mod:`.stability` — Windows' quiet-and-stable rule with a hard cap.
- :mod:`.workqueue` — the bounded, de-duplicating priority queue.
- :mod:`.sweep` — the reconciliation sweep.
- :mod:`.engine_link` — scans through the supervised engine worker, and the on-detection action.
- :mod:`.pause` — pausing with automatic resume.
- :mod:`.realtime_service` — :class:`RealtimeService`, what the console and ``ringfence watch`` drive.
- :mod:`.realtime_status` — the status snapshot and the cross-process status file.
- :mod:`.realtime_messages` — the translatable texts it hands to the journal and the console.
"""
