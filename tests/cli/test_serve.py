"""`hifazat serve` as a person starts it: a new database, answers, and several workers on one port."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from pg import free_port


def wait_for(url: str, seconds: float = 60.0) -> dict[str, object]:
    deadline = time.monotonic() + seconds
    while True:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                data: dict[str, object] = json.loads(response.read())
                return data
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.3)


@pytest.mark.parametrize("workers", [1, 2])
def test_serve_migrates_a_new_database_and_answers(tmp_path: Path, workers: int) -> None:
    port = free_port()
    env = {
        **os.environ,
        "HIFAZAT_DATABASE_URL": f"sqlite:///{tmp_path / 'new.db'}",
        "HIFAZAT_DATA_DIR": str(tmp_path),
    }
    command = [
        sys.executable,
        "-m",
        "hifazat.cli.main",
        "serve",
        "--port",
        str(port),
        "--workers",
        str(workers),
    ]
    server = subprocess.Popen(
        command, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True
    )
    try:
        health = wait_for(f"http://127.0.0.1:{port}/healthz")
        assert health["status"] == "ok"
        for _ in range(20):
            request = urllib.request.Request(
                f"http://127.0.0.1:{port}/v1/moderate",
                data=json.dumps({"text": "jaan se maar dunga tujhe"}).encode(),
                headers={"Content-Type": "application/json", "Connection": "close"},
            )
            with urllib.request.urlopen(request, timeout=10) as response:
                assert json.loads(response.read())["action"] == "remove"
        assert (tmp_path / "new.db").exists()
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
