"""``ringfence-channel collect``: the health beacon collector (reference §7.9).

A small stateless HTTP service (Starlette on uvicorn) that validates beacons and stores them in
PostgreSQL for a real fleet or SQLite on one machine, behind one storage interface
(:mod:`app.channel.collector.storage`); :mod:`app.channel.collector.stores` picks the back-end from the
database URL. Several collectors can run behind a load balancer: duplicate detection and per-install
rate limits live in the database, not in the process.
"""
