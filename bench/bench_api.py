"""Load test on loopback: `POST /v1/content` (moderate + persist the item and its verdict) and the stateless
`POST /v1/moderate`, served by uvicorn workers over SQLite (WAL file) and PostgreSQL.

    python bench/bench_api.py [--backend sqlite|postgres|both] [--endpoint content|moderate|both]
                              [--mix ordinary|mixed|realistic] [--keys] [--pg-unsafe]
                              [--workers 2] [--concurrency 32] [--seconds 10] [--json OUT]

The client is a minimal asyncio HTTP/1.1 keep-alive client in its own process (so it costs as little CPU
as possible on the same 2 cores). PostgreSQL is a throwaway server started like the test suite does
(`tests/pg.py`), but with its crash-safe defaults (fsync, synchronous commit, full-page writes) unless
`--pg-unsafe` asks for the test suite's settings. Targets from the issue: ≥ 1,000 requests/s, p99 < 50 ms.

Besides the rate and the latency percentiles, each result gives the CPU time spent per request (user +
system, from /proc/PID/stat before and after the timed run): `server_cpu_ms` for the uvicorn workers,
`db_cpu_ms` for the PostgreSQL server processes and `client_cpu_ms` for the load generator. On a shared
machine the rate moves with the neighbours' load; CPU time per request does not, so compare those.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import multiprocessing
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx

from hifazat.services.accounts import create_account
from hifazat.storage.database import make_engine, migrate
from hifazat.storage.unit import Database

sys.path.insert(0, str(Path(__file__).parents[1] / "tests"))  # the throwaway PostgreSQL helper
from pg import PgServer, find_bin

AUTHORS = 300
TEXTS = [  # our own examples: mostly ordinary, some borderline, in English, Urdu and Roman Urdu
    "What a lovely recipe, I will try it this weekend!",
    "Great video bhai, bohat maza aya dekh kar",
    "آج کی ویڈیو بہت اچھی لگی، شکریہ",
    "Where did you buy that jacket? Looks amazing",
    "yeh gaana kis film ka hai? please batao",
    "کل میچ کون جیتے گا؟ میرا خیال ہے پاکستان",
    "First time here, loved the editing on this one",
    "Masha Allah, aap ki awaz bohat achi hai",
    "tum bohat bewakoof ho, chup raho",
    "Claim your BISP money now, send your CNIC and OTP to this number",
]

MIXES = {"mixed": TEXTS, "ordinary": TEXTS[:8], "realistic": TEXTS[:8] * 5 + TEXTS[8:]}
"""ordinary: the eight ordinary texts; mixed: 2 in 10 harmful (an insult queued for review, a scam removed
with a strike); realistic: 1 in 21 harmful (half insults, half scams), nearer a real comment stream."""
RETRY_SHARE = 0.01
"""With `--keys`: the share of requests that are a client's retry (the previous request and key again)."""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def prepare(url: str) -> str:
    """Migrate, create a service client and authors; return the service key."""
    engine = make_engine(url)
    migrate(engine)
    db = Database(engine)
    with db.write() as stores:
        key = create_account(
            accounts=stores.accounts,
            api_keys=stores.api_keys,
            audit=stores.audit,
            actor_id="bench",
            handle="bench_service",
            role="service",
            account_id="bench_service",
        ).key
        for i in range(AUTHORS):
            create_account(
                accounts=stores.accounts,
                api_keys=stores.api_keys,
                audit=stores.audit,
                actor_id="bench",
                handle=f"author{i}",
                role="user",
                account_id=f"author{i}",
                follower_count=i * 10,
            )
    engine.dispose()
    return key


def minimal_app() -> Any:
    """The real app with an engine that has no detectors (normalise, language id and decide only), to
    measure the API and persistence path apart from detector cost (`--engine minimal`)."""
    from hifazat.api.app import create_app
    from hifazat.api.deps import Runtime
    from hifazat.core.guidelines import default_catalogue
    from hifazat.core.moderator import Moderator
    from hifazat.settings import Settings
    from hifazat.storage.database import session_factory

    settings = Settings()
    engine = make_engine(settings.resolved_database_url)
    migrate(engine)
    moderator = Moderator([], default_catalogue(), max_chars=settings.max_text_chars)
    runtime = Runtime(
        settings=settings, engine=engine, sessions=session_factory(engine), _moderator=moderator
    )
    return create_app(settings, runtime=runtime)


def serve_workers(port: int, workers: int, engine: str) -> None:
    """Serve as `hifazat serve --workers N --no-access-log` does: the app is made, warmed up (every detector
    loaded) and frozen out of garbage collection once, then `workers` processes forked from it share one
    listening socket made with IPPROTO_TCP (see `hifazat.cli.server.serve_forked`)."""
    import gc

    from hifazat.api.app import create_app
    from hifazat.cli.server import serve_forked

    app = minimal_app() if engine == "minimal" else create_app()
    app.state.runtime.moderator.check("warm up")
    gc.freeze()
    serve_forked(app, "127.0.0.1", port, workers=workers, access_log=False)


def serve(url: str, port: int, workers: int, data: Path, engine: str) -> subprocess.Popen[bytes]:
    env = {
        **os.environ,
        "HIFAZAT_DATABASE_URL": url,
        "HIFAZAT_DATA_DIR": str(data),
        "HIFAZAT_ENVIRONMENT": "development",
        "PYTHONPATH": os.pathsep.join([str(Path(__file__).parent), os.environ.get("PYTHONPATH", "")]),
    }
    command = [sys.executable, __file__, "--serve", str(port), "--workers", str(workers), "--engine", engine]
    process = subprocess.Popen(command, env=env, start_new_session=True)
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=1).status_code == 200:
                return process
        except httpx.HTTPError:
            time.sleep(0.2)
    stop(process)
    raise RuntimeError("server did not start")


def stop(process: subprocess.Popen[bytes]) -> None:
    """Stop the server and its workers (its own process group)."""
    os.killpg(process.pid, 15)
    process.wait(timeout=30)


_TICK = os.sysconf("SC_CLK_TCK")


def _stat(pid: int) -> list[str] | None:
    """The fields of /proc/PID/stat after the command name (field 3 onwards), or None when gone."""
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    return text[text.rindex(")") + 2 :].split()


def tree_cpu(root: int) -> float:
    """CPU seconds (user + system) of `root` and its live descendants, plus its reaped children's."""
    parents: dict[int, int] = {}
    cpu: dict[int, float] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        fields = _stat(int(entry.name))
        if fields is None:
            continue
        parents[int(entry.name)] = int(fields[1])
        cpu[int(entry.name)] = (int(fields[11]) + int(fields[12])) / _TICK
    root_fields = _stat(root)
    total = 0.0 if root_fields is None else (int(root_fields[13]) + int(root_fields[14])) / _TICK
    todo = [root]
    while todo:
        pid = todo.pop()
        total += cpu.get(pid, 0.0)
        todo.extend(child for child, parent in parents.items() if parent == pid)
    return total


def _request(path: str, body: dict[str, Any], key: str, idempotency: str | None = None) -> bytes:
    payload = json.dumps(body).encode()
    keyed = "" if idempotency is None else f"Idempotency-Key: {idempotency}\r\n"
    head = (
        f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
        f"Authorization: Bearer {key}\r\n{keyed}Content-Length: {len(payload)}\r\n\r\n"
    )
    return head.encode() + payload


async def _one_connection(
    port: int,
    path: str,
    key: str,
    stop_at: float,
    record: list[tuple[float, int]],
    texts: list[str],
    keys: bool = False,
) -> None:
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    rng = random.Random()
    prefix = f"{os.getpid()}-{id(record)}-{rng.getrandbits(48):x}"
    sent = 0
    request = b""
    while time.perf_counter() < stop_at:
        if not (keys and request and rng.random() < RETRY_SHARE):  # else a retry: the same request again
            text = rng.choice(texts)
            body: dict[str, Any] = {"text": text}
            if path == "/v1/content":
                body = {"kind": "comment", "text": text, "author_id": f"author{rng.randrange(AUTHORS)}"}
            sent += 1
            request = _request(path, body, key, f"{prefix}-{sent}" if keys else None)
        started = time.perf_counter()
        writer.write(request)
        status_line = await reader.readline()
        length = 0
        while True:
            line = await reader.readline()
            if line in (b"\r\n", b""):
                break
            name, _, value = line.decode().partition(":")
            if name.lower() == "content-length":
                length = int(value)
        await reader.readexactly(length)
        record.append((time.perf_counter() - started, int(status_line.split()[1])))
    writer.close()


def _client(
    port: int,
    path: str,
    key: str,
    seconds: float,
    concurrency: int,
    out: Any,
    texts: list[str],
    keys: bool = False,
) -> None:
    async def main() -> list[tuple[float, int]]:
        record: list[tuple[float, int]] = []
        stop_at = time.perf_counter() + seconds
        await asyncio.gather(
            *(_one_connection(port, path, key, stop_at, record, texts, keys) for _ in range(concurrency))
        )
        return record

    out.put(asyncio.run(main()))


def load(
    port: int,
    path: str,
    key: str,
    seconds: float,
    concurrency: int,
    texts: list[str] = TEXTS,
    watched: dict[str, int] | None = None,
    keys: bool = False,
) -> dict[str, Any]:
    """Run the client for `seconds`; `watched` names process trees (name -> root pid) whose CPU time per
    request is reported as `<name>_cpu_ms`."""
    queue: Any = multiprocessing.Queue()
    process = multiprocessing.Process(
        target=_client, args=(port, path, key, seconds, concurrency, queue, texts, keys)
    )
    watched = watched or {}
    before = {name: tree_cpu(pid) for name, pid in watched.items()}
    started = time.perf_counter()
    process.start()
    client_pid = process.pid
    assert client_pid is not None
    record: list[tuple[float, int]] = queue.get()
    client = _stat(client_pid)
    client_cpu = 0.0 if client is None else (int(client[11]) + int(client[12])) / _TICK
    after = {name: tree_cpu(pid) for name, pid in watched.items()}
    process.join()
    elapsed = time.perf_counter() - started
    latencies = sorted(r[0] * 1000 for r in record)
    statuses: dict[int, int] = {}
    for _, status in record:
        statuses[status] = statuses.get(status, 0) + 1

    def pct(p: float) -> float:
        return round(latencies[min(len(latencies) - 1, int(p * len(latencies)))], 2) if latencies else 0.0

    return {
        "requests": len(record),
        "rps": round(len(record) / max(elapsed - 0.2, 0.001), 1),
        "p50_ms": pct(0.50),
        "p95_ms": pct(0.95),
        "p99_ms": pct(0.99),
        "mean_ms": round(statistics.fmean(latencies), 2) if latencies else 0.0,
        "statuses": statuses,
        **{
            f"{name}_cpu_ms": round((after[name] - before[name]) * 1000 / max(len(record), 1), 3)
            for name in watched
        },
        "client_cpu_ms": round(client_cpu * 1000 / max(len(record), 1), 3),
    }


def run_backend(name: str, endpoints: list[str], args: argparse.Namespace) -> list[dict[str, Any]]:
    data = Path(tempfile.mkdtemp(prefix=f"hifazat-bench-{name}-"))
    server_pg: PgServer | None = None
    if name == "postgres":
        bin_dir = find_bin()
        if bin_dir is None:
            raise SystemExit("PostgreSQL is not installed (apt-get install postgresql)")
        server_pg = PgServer.start(bin_dir, durable=not args.pg_unsafe)
        server_pg.execute("CREATE DATABASE bench")
        url = server_pg.url("bench")
    else:
        url = f"sqlite:///{data / 'hifazat.db'}"
    results = []
    try:
        key = prepare(url)
        port = free_port()
        server = serve(url, port, args.workers, data, args.engine)
        watched = {"server": server.pid}
        if server_pg is not None:
            watched["db"] = int((server_pg.root / "data" / "postmaster.pid").read_text().split()[0])
        try:
            for endpoint in endpoints:
                path = "/v1/content" if endpoint == "content" else "/v1/moderate"
                texts = MIXES[args.mix]
                load(
                    port, path, key, min(2.0, args.seconds), args.concurrency, texts, keys=args.keys
                )  # warm-up
                result = load(port, path, key, args.seconds, args.concurrency, texts, watched, args.keys)
                result.update(
                    {
                        "backend": name,
                        "endpoint": path,
                        "workers": args.workers,
                        "concurrency": args.concurrency,
                        "mix": args.mix,
                        "keys": args.keys,
                        "pg_durable": name == "postgres" and not args.pg_unsafe,
                    }
                )
                results.append(result)
                print(json.dumps(result), flush=True)
        finally:
            stop(server)
        if "content" in endpoints:
            engine = make_engine(url)
            with engine.connect() as connection:
                stored = connection.exec_driver_sql("SELECT count(*) FROM content_items").scalar_one()
                verdicts = connection.exec_driver_sql("SELECT count(*) FROM verdicts").scalar_one()
            engine.dispose()
            print(f"{name}: {stored} items and {verdicts} verdicts persisted", flush=True)
    finally:
        if server_pg is not None:
            server_pg.stop()
    return results


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--backend", choices=["sqlite", "postgres", "both"], default="both")
    parser.add_argument("--endpoint", choices=["content", "moderate", "both"], default="both")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--concurrency", type=int, default=32)
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument(
        "--engine",
        choices=["default", "minimal"],
        default="default",
        help="default: every built-in detector; minimal: no detectors (API + persistence cost only).",
    )
    parser.add_argument(
        "--mix",
        choices=sorted(MIXES),
        default="mixed",
        help="mixed: 1 in 5 posts is harassment (queued for review) or a scam (removed with a strike), and "
        "authors hit by strikes get 403s; ordinary: only ordinary posts (the everyday case); realistic: 1 in "
        "21 posts is harmful (half insults, half scams).",
    )
    parser.add_argument(
        "--keys",
        action="store_true",
        help=f"Send an Idempotency-Key with every request, as a platform's backend would; {RETRY_SHARE:.0%} "
        "of the requests are a client's retry of its previous request (the same key: replayed).",
    )
    parser.add_argument(
        "--pg-unsafe",
        action="store_true",
        help="Run the throwaway PostgreSQL as the test suite does (fsync, synchronous_commit and "
        "full_page_writes off): a committed post can be lost in a crash. Off by default: measure durably.",
    )
    parser.add_argument("--json", type=Path, default=None, help="Write the results here as JSON.")
    parser.add_argument("--serve", type=int, default=None, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve is not None:
        serve_workers(args.serve, args.workers, args.engine)
        return
    backends = ["sqlite", "postgres"] if args.backend == "both" else [args.backend]
    endpoints = ["content", "moderate"] if args.endpoint == "both" else [args.endpoint]
    results = [r for backend in backends for r in run_backend(backend, endpoints, args)]
    print(
        f"\n{'backend':<9} {'endpoint':<13} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} "
        f"{'server CPU ms/req':>18} {'db CPU ms/req':>14}  statuses"
    )
    for r in results:
        print(
            f"{r['backend']:<9} {r['endpoint']:<13} {r['rps']:>8} {r['p50_ms']:>8} {r['p95_ms']:>8} "
            f"{r['p99_ms']:>8} {r['server_cpu_ms']:>18} {r.get('db_cpu_ms', '-'):>14}  {r['statuses']}"
        )
    if args.json:
        args.json.write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
