"""Beacon collector throughput and latency on loopback, with PostgreSQL (a throw-away server) and SQLite.

    python bench/bench_collector.py [--seconds 15] [--rate 2000] [--connections 64] [--workers 2]

Starts ``ringfence-channel collect`` as a real subprocess (uvicorn worker processes), then drives it
from a separate load process over keep-alive HTTP/1.1 connections with real schema-1 beacons (each a
new beacon id; installs spread so no rate limit is hit):

1. **paced** — requests scheduled at ``--rate`` per second; latency is measured from each request's
   *scheduled* time, so a stalled server cannot hide its queueing (no coordinated omission);
2. **flat out** — every connection sends as fast as answers come back: the highest throughput.

Target (issue 12): ≥ 2,000 beacons/s with PostgreSQL, p99 < 50 ms at that rate. Writes its section
of docs/PERFORMANCE.md. A benchmark, not a test.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import multiprocessing
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from report import write_section  # noqa: E402

from tests.pgserver import find_bin_dir, temporary_postgres  # noqa: E402


def beacon(i: int) -> bytes:
    doc = {"schema": 1, "id": uuid.uuid4().hex, "install": f"{i % 20000:032x}", "sent_at": int(time.time()),
           "ring": "default", "decile": i % 10, "app": "0.1.0", "engine": "1.0", "content": 7, "kind": "state",
           "event": {"name": "activated", "version": 7, "code": ""}}
    body = json.dumps(doc, separators=(",", ":")).encode()
    return (b"POST /v1/beacons HTTP/1.1\r\nHost: bench\r\nContent-Type: application/json\r\nContent-Length: "
            + str(len(body)).encode() + b"\r\n\r\n" + body)


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


async def _drive(port: int, seconds: float, rate: float | None, connections: int, offset: int) -> dict:
    latencies: list[float] = []
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
            statuses[status] = statuses.get(status, 0) + 1
        writer.close()

    await asyncio.gather(*(conn(k) for k in range(connections)))
    elapsed = max(time.perf_counter(), stop) - start
    return {"latencies": latencies, "statuses": statuses, "elapsed": elapsed}


def _load(job: tuple[int, float, float | None, int, int], out: multiprocessing.Queue) -> None:
    import uvloop

    out.put(uvloop.run(_drive(*job)))


def load(port: int, seconds: float, rate: float | None, connections: int, offset: int) -> dict:
    queue: multiprocessing.Queue = multiprocessing.Queue()
    proc = multiprocessing.Process(target=_load, args=((port, seconds, rate, connections, offset), queue))
    proc.start()
    result = queue.get(timeout=seconds + 120)
    proc.join(30)
    lat = sorted(result["latencies"])
    ok = sum(v for k, v in result["statuses"].items() if k in (200, 202))
    return {"sent": len(lat), "ok": ok, "statuses": result["statuses"], "per_s": len(lat) / result["elapsed"],
            "p50": 1000 * lat[len(lat) // 2], "p99": 1000 * lat[int(len(lat) * 0.99)],
            "max": 1000 * lat[-1], "mean": 1000 * statistics.fmean(lat)}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def run_collector(db: str, workers: int) -> tuple[subprocess.Popen, int]:
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "app.channel.cli", "collect", "--db", db, "--port", str(port),
                             "--workers", str(workers), "--rate", "100000"], cwd=ROOT, stdout=subprocess.PIPE,
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


def bench(db: str, args: argparse.Namespace, label: str) -> list[str]:
    proc, port = run_collector(db, args.workers)
    try:
        load(port, 2, None, args.connections, 10_000_000)  # warm-up
        paced = load(port, args.seconds, args.rate, args.connections, 20_000_000)
        flat = load(port, args.seconds, None, args.connections, 30_000_000)
    finally:
        proc.terminate()
        proc.wait(30)
    rows = []
    for name, r in (("paced", paced), ("flat out", flat)):
        bad = {k: v for k, v in r["statuses"].items() if k not in (200, 202)}
        rows.append(f"| {label} | {name} | {r['sent']} | {r['per_s']:.0f} | {r['p50']:.1f} | {r['p99']:.1f} | "
                    f"{r['max']:.0f} | {bad or 'none'} |")
        print(rows[-1], flush=True)
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=15)
    parser.add_argument("--rate", type=float, default=2000)
    parser.add_argument("--connections", type=int, default=64)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--out", default=str(ROOT / "docs" / "PERFORMANCE.md"))
    args = parser.parse_args()
    rows: list[str] = []
    load_before = os.getloadavg()[0]
    if find_bin_dir() is not None:
        with temporary_postgres() as url:
            rows += bench(url, args, "PostgreSQL 15")
    else:
        print("PostgreSQL is not installed; only SQLite is measured", file=sys.stderr)
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
        "real schema-1 beacon with a new id, validated and stored (duplicate check, per-install rate slot, insert) in "
        "its own transaction. The 1-minute load average was "
        f"{load_before:.1f} before and {load_after:.1f} after the runs (other jobs on the same cores). "
        "*Paced* sends at the target rate and measures latency from each request's scheduled time; "
        "*flat out* measures the highest throughput. Target: ≥ 2,000 beacons/s with PostgreSQL, p99 < 50 ms at that rate.",
        "",
        "| database | run | beacons | beacons/s | p50 ms | p99 ms | max ms | errors |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | --- |",
        *rows,
        "",
    ])
    write_section(Path(args.out), section)
    return 0


if __name__ == "__main__":
    sys.exit(main())
