"""Kill -9 the server while it writes decisions, restart it, retry: nothing lost, nothing doubled.

A real `uvicorn` process serves a file SQLite database. A client decides 40 claimed tasks with
Idempotency-Keys; the server is SIGKILLed part-way, restarted, and the client retries every decision with
the same keys. Afterwards there is exactly one decision, one strike (for removals) and one
`decision.made` audit entry per task, and the audit chain verifies.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path

import httpx

from builders import account, post
from hifazat.core.guidelines import default_catalogue
from hifazat.services.accounts import create_account
from hifazat.services.audit import verify_chain
from hifazat.services.reports import file_report
from hifazat.storage.database import make_engine, migrate
from hifazat.storage.unit import Database

TASKS = 40


def _port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def _serve(data: Path, port: int) -> subprocess.Popen[bytes]:
    env = {**os.environ, "HIFAZAT_DATA_DIR": str(data), "HIFAZAT_ENVIRONMENT": "development"}
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "uvicorn",
            "--factory",
            "hifazat.api.app:create_app",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--log-level",
            "warning",
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=1).status_code == 200:
                return process
        except httpx.HTTPError:
            time.sleep(0.1)
    process.kill()
    raise RuntimeError(f"server did not start: {process.stderr.read().decode() if process.stderr else ''}")


def test_sigkill_mid_write_loses_and_doubles_nothing(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'hifazat.db'}")
    migrate(engine)
    db = Database(engine)
    catalogue = default_catalogue()
    author, reporter = account(db, "author"), account(db, "reporter")
    with db.write() as stores:
        key = create_account(
            accounts=stores.accounts,
            api_keys=stores.api_keys,
            audit=stores.audit,
            actor_id="system",
            handle="mod",
            role="moderator",
            account_id="mod",
        ).key
    for i in range(TASKS):
        post(db, catalogue, author, f"c{i}", kind="video")
        with db.write() as stores:
            file_report(
                stores=stores,
                catalogue=catalogue,
                reporter=reporter,
                content_id=f"c{i}",
                policy_id="integrity.spam",
            )
    engine.dispose()

    port = _port()
    base = f"http://127.0.0.1:{port}"
    headers = {"Authorization": f"Bearer {key}"}
    server = _serve(tmp_path, port)
    tasks = []
    for _ in range(TASKS):
        claimed = httpx.post(
            f"{base}/v1/queue/claim", json={"lease_seconds": 7200}, headers=headers, timeout=10
        )
        tasks.append(claimed.json()["task"]["id"])

    def decide(task_id: int) -> int:
        body = {"policy": "integrity.spam", "outcome": "remove" if task_id % 2 else "no_violation"}
        response = httpx.post(
            f"{base}/v1/queue/{task_id}/decide",
            json=body,
            timeout=10,
            headers={**headers, "Idempotency-Key": f"decide-{task_id}"},
        )
        return response.status_code

    done: list[int] = []

    def client() -> None:
        for task_id in tasks:
            try:
                decide(task_id)
                done.append(task_id)
            except httpx.HTTPError:
                return

    worker = threading.Thread(target=client)
    worker.start()
    deadline = time.monotonic() + 60
    while len(done) < TASKS // 3 and worker.is_alive() and time.monotonic() < deadline:
        time.sleep(0.005)
    server.send_signal(signal.SIGKILL)
    server.wait()
    worker.join()
    assert TASKS // 3 <= len(done) < TASKS  # killed part-way

    server = _serve(tmp_path, port)
    try:
        statuses = [decide(task_id) for task_id in tasks]  # the client retries everything
    finally:
        server.send_signal(signal.SIGKILL)
        server.wait()
    assert statuses == [200] * TASKS

    engine = make_engine(f"sqlite:///{tmp_path / 'hifazat.db'}")
    db = Database(engine)
    with db.read() as stores:
        decisions = [d for i in range(TASKS) for d in stores.decisions.for_content(f"c{i}")]
        strikes = stores.strikes.for_account("author")
        entries = stores.audit.entries(limit=100_000)
        report = verify_chain(audit=stores.audit)
    engine.dispose()
    assert len(decisions) == TASKS and len({d.task_id for d in decisions}) == TASKS
    assert len(strikes) == sum(1 for t in tasks if t % 2) and len({s.decision_id for s in strikes}) == len(
        strikes
    )
    made = Counter(e.subject for e in entries if e.event == "decision.made")
    assert len(made) == TASKS and set(made.values()) == {1}
    assert report.ok, report.problems
