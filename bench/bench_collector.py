"""Beacon collector throughput and latency on loopback, with PostgreSQL (a throw-away server) and SQLite.

    python bench/bench_collector.py [--seconds 15] [--rate 2000] [--connections 64] [--workers 2]

Starts ``ringfence-channel collect`` as a real subprocess (uvicorn worker processes), then drives it
from a separate load process over keep-alive HTTP/1.1 connections with real schema-1 beacons (each a
new beacon id; installs spread so no rate limit is hit):

1. **paced** — requests scheduled at ``--rate`` per second; latency is measured from each request's
   *scheduled* time, so a stalled server cannot hide its queueing (no coordinated omission);
2. **flat out** — every connection sends as fast as answers come back: the highest throughput.

For each run it reports the CPU time per beacon of the load generator, of the collector's processes and
of the PostgreSQL server, so a result shows where the two shared cores went. ``--source DIR`` runs the
collector from another source tree (an older checkout) for a before/after comparison in the same run.

Target (issue 12): ≥ 2,000 beacons/s with PostgreSQL, p99 < 50 ms at that rate. Writes its section
of docs/PERFORMANCE.md. A benchmark, not a test.
"""

from __future__ import annotations

import argparse
import asyncio
import multiprocessing
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from report import write_section  # noqa: E402

from tests.pgserver import find_bin_dir, temporary_postgres  # noqa: E402

_BODY = (b'{"schema":1,"id":"%s","install":"%032x","sent_at":%d,"ring":"default","decile":%d,"app":"0.1.0",'
         b'"engine":"1.0","content":7,"kind":"state","event":{"name":"activated","version":7,"code":""}}')
_HEAD = b"POST /v1/beacons HTTP/1.1\r\nHost: bench\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n"


def beacon(i: int) -> bytes:
    """Request ``i``: a schema-1 state beacon with a new random id (formatted, not JSON-encoded: the load
    generator shares the cores with what it measures, so it is kept cheap)."""
    body = _BODY % (os.urandom(16).hex().encode(), i % 20000, int(time.time()), i % 10)
    return _HEAD % len(body) + body


async def _read_response(reader: asyncio.StreamReader) -> int:
    head = await reader.readuntil(b"\r\n\r\n")
    status = int(head.split(b" ", 2)[1])
    length = 0
    for line in head.split(b"\r\n"):
        if line.lower().startswith(b"content-length:"):
            length = int(line.split(b":")[1])
    if length:
        await reader.readexactly(length)
    return status


def tree_cpu(root: int | None) -> float:
    """CPU seconds (user + system) used so far by process ``root`` and all its living descendants."""
    if root is None:
        return 0.0
    parents: dict[int, int] = {}
    times: dict[int, float] = {}
    tick = os.sysconf("SC_CLK_TCK")
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as f:
                fields = f.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        parents[int(entry)] = int(fields[1])
        times[int(entry)] = (int(fields[11]) + int(fields[12])) / tick
    total, todo = 0.0, [root]
    while todo:
        pid = todo.pop()
        total += times.get(pid, 0.0)
        todo += [child for child, parent in parents.items() if parent == pid]
    return total


def postmaster_pid(url: str) -> int | None:
    import psycopg

    with psycopg.connect(url) as conn:
        row = conn.execute("SELECT current_setting('data_directory')").fetchone()
    try:
        return int((Path(str(row[0])) / "postmaster.pid").read_text(encoding="ascii").split()[0]) if row else None
    except (OSError, ValueError):
        return None


async def _drive(port: int, seconds: float, rate: float | None, connections: int, offset: int) -> dict:
    latencies: list[float] = []
    moments: list[float] = []  # when each request was due, seconds into the run
    statuses: dict[int, int] = {}
    start = time.perf_counter() + 0.2
    stop = start + seconds
    counter = [offset]

    async def conn(k: int) -> None:
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        n = 0
        while True:
            if rate is None:
                scheduled = time.perf_counter()
                if scheduled >= stop:
                    break
            else:
                scheduled = start + (n * connections + k) / rate
                if scheduled >= stop:
                    break
                delay = scheduled - time.perf_counter()
                if delay > 0:
                    await asyncio.sleep(delay)
            n += 1
            counter[0] += 1
            writer.write(beacon(counter[0]))
            status = await _read_response(reader)
            latencies.append(time.perf_counter() - scheduled)
            moments.append(scheduled - start)
            statuses[status] = statuses.get(status, 0) + 1
        writer.close()

    cpu = time.process_time()
    await asyncio.gather(*(conn(k) for k in range(connections)))
    elapsed = max(time.perf_counter(), stop) - start
    return {"latencies": latencies, "moments": moments, "statuses": statuses, "elapsed": elapsed,
            "cpu": time.process_time() - cpu}


def _load(job: tuple[int, float, float | None, int, int], out: multiprocessing.Queue) -> None:
    import uvloop

    out.put(uvloop.run(_drive(*job)))


def load(port: int, seconds: float, rate: float | None, connections: int, offset: int, *,
         watch: tuple[int | None, int | None] = (None, None)) -> dict:
    """One run from a separate load process; ``watch`` = (collector pid, postmaster pid) for CPU shares."""
    queue: multiprocessing.Queue = multiprocessing.Queue()
    proc = multiprocessing.Process(target=_load, args=((port, seconds, rate, connections, offset), queue))
    before = [tree_cpu(pid) for pid in watch]
    proc.start()
    result = queue.get(timeout=seconds + 120)
    after = [tree_cpu(pid) for pid in watch]
    proc.join(30)
    lat = sorted(result["latencies"])
    n = max(1, len(lat))
    seconds_p99 = []  # the p99 of each whole second of the run: is a bad tail one stall or all along?
    by_second: dict[int, list[float]] = {}
    for moment, latency in zip(result["moments"], result["latencies"], strict=True):
        by_second.setdefault(int(moment), []).append(latency)
    for values in by_second.values():
        values.sort()
        seconds_p99.append(1000 * values[int(len(values) * 0.99)])
    cpu_us = {"load": 1e6 * result["cpu"] / n, "collector": 1e6 * (after[0] - before[0]) / n,
              "database": 1e6 * (after[1] - before[1]) / n if watch[1] else None}
    ok = sum(v for k, v in result["statuses"].items() if k in (200, 202))
    return {"sent": len(lat), "ok": ok, "statuses": result["statuses"], "per_s": len(lat) / result["elapsed"],
            "p50": 1000 * lat[len(lat) // 2], "p99": 1000 * lat[int(len(lat) * 0.99)],
            "max": 1000 * lat[-1], "mean": 1000 * statistics.fmean(lat), "cpu_us": cpu_us,
            "median_second_p99": statistics.median(seconds_p99), "worst_second_p99": max(seconds_p99)}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def run_collector(db: str, workers: int, source: Path = ROOT) -> tuple[subprocess.Popen, int]:
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "app.channel.cli", "collect", "--db", db, "--port", str(port),
                             "--workers", str(workers), "--rate", "100000"], cwd=source, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                time.sleep(1.0)  # every worker up
                return proc, port
        except OSError:
            time.sleep(0.2)
    proc.kill()
    raise RuntimeError("the collector did not start")


def bench(db: str, args: argparse.Namespace, label: str, database_pid: int | None = None) -> list[str]:
    proc, port = run_collector(db, args.workers, Path(args.source))
    watch = (proc.pid, database_pid)
    offset = 10_000_000 * (1 + int(time.time()) % 1000)  # fresh beacon numbers on a database used before
    try:
        load(port, 2, None, args.connections, offset)  # warm-up
        paced = load(port, args.seconds, args.rate, args.connections, offset + 1_000_000, watch=watch)
        flat = load(port, args.seconds, None, args.connections, offset + 2_000_000, watch=watch)
    finally:
        proc.terminate()
        proc.wait(30)
    rows = []
    for name, r in (("paced", paced), ("flat out", flat)):
        bad = {k: v for k, v in r["statuses"].items() if k not in (200, 202)}
        cpu = r["cpu_us"]
        database = "–" if cpu["database"] is None else f"{cpu['database']:.0f}"
        rows.append(f"| {label} | {name} | {r['sent']} | {r['per_s']:.0f} | {r['p50']:.1f} | {r['p99']:.1f} | "
                    f"{r['max']:.0f} | {r['median_second_p99']:.1f} / {r['worst_second_p99']:.0f} | "
                    f"{cpu['load']:.0f} / {cpu['collector']:.0f} / {database} | {bad or 'none'} |")
        print(rows[-1], flush=True)
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=15)
    parser.add_argument("--rate", type=float, default=2000)
    parser.add_argument("--connections", type=int, default=64)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--out", default=str(ROOT / "docs" / "PERFORMANCE.md"))
    parser.add_argument("--source", default=str(ROOT), help="run the collector from this source tree")
    parser.add_argument("--databases", default="postgresql,sqlite", help="comma-separated: postgresql, sqlite")
    args = parser.parse_args()
    rows: list[str] = []
    load_before = os.getloadavg()[0]
    databases = args.databases.split(",")
    if "postgresql" in databases and find_bin_dir() is not None:
        with temporary_postgres() as url:
            rows += bench(url, args, "PostgreSQL 15", postmaster_pid(url))
    elif "postgresql" in databases:
        print("PostgreSQL is not installed; only SQLite is measured", file=sys.stderr)
    if "sqlite" in databases:
        with tempfile.TemporaryDirectory() as tmp:
            rows += bench(f"sqlite:///{tmp}/collector.db", args, "SQLite (WAL)")
    cpu = os.cpu_count()
    load_after = os.getloadavg()[0]
    section = "\n".join([
        "## Beacon collector on loopback",
        "",
        f"`python bench/bench_collector.py --seconds {args.seconds:g} --rate {args.rate:g} --connections "
        f"{args.connections} --workers {args.workers}` on this {cpu}-core machine (shared with other work; the load "
        "generator, the collector's worker processes and the database all run on the same cores). Each request is one "
        "real schema-1 beacon with a new id, validated and stored (duplicate check, per-install rate slot, insert). "
        "Beacons that arrive together are stored together — on PostgreSQL in one call and one commit, on SQLite in one "
        "transaction with a savepoint each — each with the outcome it would have alone. The 1-minute load average "
        "(it counts the bench's "
        f"own processes too) was {load_before:.1f} before and {load_after:.1f} after the runs. "
        "*Paced* sends at the target rate and measures latency from each request's scheduled time; "
        "*flat out* measures the highest throughput. Target: ≥ 2,000 beacons/s with PostgreSQL, p99 < 50 ms at that rate.",
        "",
        "*CPU µs per beacon* is the CPU time of the load generator / the collector's processes / the PostgreSQL "
        "server divided by the beacons of that run. *p99 by second* is the median and the worst of the p99s of each "
        "second of the run: a worst second far above the median is a stall (another job on the cores), not the "
        "steady state.",
        "",
        "| database | run | beacons | beacons/s | p50 ms | p99 ms | max ms | p99 by second: median / worst ms "
        "| CPU µs per beacon | errors |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
        *rows,
        "",
    ])
    write_section(Path(args.out), section)
    return 0


if __name__ == "__main__":
    sys.exit(main())
