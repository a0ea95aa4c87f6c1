"""Gunicorn servers for the benchmark: the store and the bare view, the same way (sync
workers, the count `make serve` uses), each on a free loopback port, stopped on exit."""

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings

WORKERS = 2


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def gunicorn(app: str, settings_module: str, env: dict | None = None):
    """Serve ``app`` (a WSGI path) on a free port; yields the base URL."""
    port = free_port()
    environment = {**os.environ, "DJANGO_SETTINGS_MODULE": settings_module, **(env or {})}
    command = [
        sys.executable,
        "-m",
        "gunicorn",
        app,
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        str(WORKERS),
        "--worker-class",
        "sync",
        "--log-level",
        "warning",
    ]
    process = subprocess.Popen(command, cwd=settings.BASE_DIR, env=environment)  # noqa: S603
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(url, process)
        yield Server(url, process.pid)
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()


class Server:
    def __init__(self, url: str, pid: int):
        self.url, self.pid = url, pid

    def worker_rss_mb(self) -> list[float]:
        """Each worker's resident memory (Linux /proc), largest first."""
        children = Path(f"/proc/{self.pid}/task/{self.pid}/children").read_text().split()
        sizes = []
        for child in children:
            for line in Path(f"/proc/{child}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    sizes.append(int(line.split()[1]) / 1024)
        return sorted(sizes, reverse=True)


def wait_until_up(url: str, process, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"gunicorn exited with {process.returncode} before serving")
        try:
            urllib.request.urlopen(url + "/", timeout=2)  # noqa: S310 (our own loopback)
            return
        except urllib.error.HTTPError:
            return  # it answers: whether the answer is right is the benchmark's business
        except OSError:
            time.sleep(0.25)
    raise RuntimeError(f"gunicorn did not answer on {url} within {timeout:.0f}s")
