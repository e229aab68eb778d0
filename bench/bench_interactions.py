"""Latency and throughput of interaction checks (`decide_interaction` and `POST /v1/interactions/check`).

    python bench/bench_interactions.py [--accounts 2000] [--checks 20000] [--http-seconds 5] [--json OUT]

1. The pure core decision alone (p50/p99).
2. The in-process service check on a WAL SQLite file like `make run` uses: one query for both accounts,
   relationship, settings and pairings, then the strike ledger, then the core (p50/p99).
3. Over HTTP: uvicorn serving the real app on a free port; clients on threads post single checks
   (checks/s), then batches of 100 to `/v1/interactions/check-batch`.

Targets from the issue: in-process p99 < 1 ms; over HTTP ≥ 2,000 checks/s on this machine.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx

from hifazat.core.safety import (
    ActivePenalties,
    AgeBand,
    Party,
    Relationship,
    SafetySettings,
    decide_interaction,
)
from hifazat.services.safety import SafetyService
from hifazat.storage.database import make_engine, migrate

KINDS = ("comment", "message", "duet", "stitch", "mention", "follow", "view", "live", "gift")
NOW = datetime.now(UTC)


def percentiles(times_ms: list[float]) -> dict[str, float]:
    ordered = sorted(times_ms)
    return {
        "p50_ms": round(statistics.median(ordered), 4),
        "p90_ms": round(ordered[int(len(ordered) * 0.90) - 1], 4),
        "p95_ms": round(ordered[int(len(ordered) * 0.95) - 1], 4),
        "p99_ms": round(ordered[int(len(ordered) * 0.99) - 1], 4),
        "max_ms": round(ordered[-1], 4),
    }


def bench_core(n: int) -> dict[str, float]:
    rng = random.Random(1)
    bands = list(AgeBand)
    cases = [
        (
            Party("a", rng.choice(bands)),
            Party("b", rng.choice(bands)),
            rng.choice(KINDS),
            Relationship(
                follows=rng.random() < 0.5, followed_by=rng.random() < 0.3, restricted=rng.random() < 0.05
            ),
        )
        for _ in range(n)
    ]
    settings, penalties = SafetySettings(), ActivePenalties()
    times = []
    for actor, target, kind, rel in cases:
        t0 = time.perf_counter()
        decide_interaction(actor, target, kind, rel, settings, penalties)
        times.append((time.perf_counter() - t0) * 1000)
    return percentiles(times)


def populate(url: str, accounts: int) -> list[str]:
    """Accounts of every age, with follows, blocks, restricts, some pairings and settings."""
    engine = make_engine(url)
    migrate(engine)
    service = SafetyService(engine)
    rng = random.Random(7)
    ids = [f"u{i}" for i in range(accounts)]
    today = date.today()
    with service.store() as store:
        for account_id in ids:
            age = rng.choice([14, 15, 16, 17, 25, 35, 50])
            birth = today - timedelta(days=int(age * 365.25) + 40)
            store.ensure_account(account_id, handle=account_id, language="ur", birth_date=birth, now=NOW)
        for _ in range(accounts * 5):
            a, b = rng.sample(ids, 2)
            store.follow(a, b, approved=True, now=NOW)
        for _ in range(accounts // 5):
            a, b = rng.sample(ids, 2)
            store.add_pair(rng.choice(["block", "restrict", "mute"]), a, b, NOW)
    for account_id in rng.sample(ids, accounts // 10):
        page = service.settings(account_id=account_id)
        if page.band is AgeBand.ADULT:
            service.update_settings(account_id=account_id, by=account_id, changes={"comment": "followers"})
    engine.dispose()
    return ids


def bench_service(url: str, ids: list[str], n: int) -> dict[str, float]:
    engine = make_engine(url)
    service = SafetyService(engine)
    rng = random.Random(3)
    cases = [(rng.choice(ids), rng.choice(ids), rng.choice(KINDS)) for _ in range(n)]
    for actor, target, kind in cases[:500]:  # warm up caches and the connection pool
        service.check(actor_id=actor, target_id=target, kind=kind)
    times = []
    for actor, target, kind in cases:
        t0 = time.perf_counter()
        service.check(actor_id=actor, target_id=target, kind=kind)
        times.append((time.perf_counter() - t0) * 1000)
    engine.dispose()
    return percentiles(times)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def bench_http(data_dir: Path, ids: list[str], seconds: float, threads: int, batch: int) -> dict[str, float]:
    port = free_port()
    env = {"HIFAZAT_DATA_DIR": str(data_dir), "PATH": "/usr/bin:/bin"}
    server = subprocess.Popen(
        [sys.executable, "-m", "uvicorn", "hifazat.api.app:create_app", "--factory", "--port", str(port),
         "--log-level", "warning", "--no-access-log"],
        env=env,
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                if httpx.get(f"{base}/healthz", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.2)
        counts = [0] * threads
        stop = time.perf_counter() + seconds

        def worker(index: int) -> None:
            rng = random.Random(index)
            with httpx.Client(base_url=base, timeout=10) as client:
                while time.perf_counter() < stop:
                    checks = [
                        {"actor": rng.choice(ids), "target": rng.choice(ids), "kind": rng.choice(KINDS)}
                        for _ in range(batch)
                    ]
                    if batch == 1:
                        response = client.post("/v1/interactions/check", json=checks[0])
                    else:
                        response = client.post("/v1/interactions/check-batch", json={"checks": checks})
                    response.raise_for_status()
                    counts[index] += batch

        started = time.perf_counter()
        pool = [threading.Thread(target=worker, args=(i,)) for i in range(threads)]
        for t in pool:
            t.start()
        for t in pool:
            t.join()
        elapsed = time.perf_counter() - started
        return {"checks_per_s": round(sum(counts) / elapsed), "threads": threads, "batch": batch}
    finally:
        server.terminate()
        server.wait(timeout=10)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--accounts", type=int, default=2000)
    parser.add_argument("--checks", type=int, default=20000)
    parser.add_argument("--http-seconds", type=float, default=5.0)
    parser.add_argument("--threads", type=int, default=8)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        data_dir = Path(tmp)
        url = f"sqlite:///{(data_dir / 'hifazat.db').as_posix()}"
        ids = populate(url, args.accounts)
        results: dict[str, Any] = {
            "load_average_before": os.getloadavg()[0],
            "core": bench_core(args.checks),
            "service_sqlite_file": bench_service(url, ids, args.checks),
        }
        print(json.dumps(results, indent=2), flush=True)
        if args.http_seconds > 0:
            results["http_single"] = bench_http(data_dir, ids, args.http_seconds, args.threads, 1)
            print(json.dumps(results["http_single"]), flush=True)
            results["http_batch_100"] = bench_http(data_dir, ids, args.http_seconds, 4, 100)
            print(json.dumps(results["http_batch_100"]), flush=True)
    if args.json:
        args.json.write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
