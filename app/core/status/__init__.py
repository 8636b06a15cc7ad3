"""How protected the user is, gathered from every other service: the verdict — ok, attention or alert —
with its reasons (:mod:`.verdict`), and the full protection status the dashboard and ``ringfence
status`` show (:mod:`.protection`).

May import: any module of :mod:`app.core` (it reads all of them); nothing in the core imports it back.
"""
