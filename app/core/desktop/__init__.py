"""Ringfence on the user's desktop: starting at log-in (:mod:`.autostart`), the freedesktop.org desktop
entry menus and autostart use (:mod:`.desktop_entry`), "Scan with Ringfence" in the file managers' menus
(:mod:`.scan_menu`), and the priority of engine workers, so that the
user's own work comes first (:mod:`.priority`). One small backend per platform, chosen in one place.

May import: :mod:`app.core.text` and :mod:`app.core.foundation`.
"""
