"""Starts and stops one portal process for the browser tests.

The portal runs exactly as a person would start it in development: the
embedded SQLite database in a fresh data directory, the demo data seeded, the
development eID simulator switched on. Only the timeouts are shortened so that
the idle-timeout warning can be tested in seconds instead of minutes, and the
registration's security delay so that a matching is decided within seconds.

Operator commands (`portal documents ...`) run against the same data
directory and database (`run_command`). `worker_stopped()` restarts the
portal without its job worker for a while, so that a state the worker would
leave within milliseconds ("angefordert", "in der Warteschlange") stays on the
page long enough to be seen.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parent.parent

# Short session limits for the run: the warning appears IDLE - WARNING seconds
# after the last request, the session ends IDLE seconds after it.
IDLE_SECONDS = 40
WARNING_SECONDS = 30
# The matching job of a registration runs this long after the form is sent.
REGISTRATION_DELAY_SECONDS = 2
# A restart for `worker_stopped()` waits this long for the portal to end by
# itself before it is killed (an orderly end takes well under a second).
RESTART_GRACE_SECONDS = 5


# scripts/e2e builds this one: `swift build -c release --product portal --scratch-path .build-release`.
RELEASE_BINARY = REPOSITORY / ".build-release" / "release" / "portal"


def portal_binary() -> Path:
    """PORTAL_BINARY if set, else the release build scripts/e2e makes."""
    configured = os.environ.get("PORTAL_BINARY")
    return Path(configured).resolve() if configured else RELEASE_BINARY


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class PortalServer:
    def __init__(self, binary: Path | None = None, log_dir: Path | None = None):
        self.binary = binary or portal_binary()
        self.log_dir = log_dir
        self.process: subprocess.Popen | None = None
        self.data_dir: str | None = None
        self.port = 0
        self.backoffice_port = 0
        self.log_path: Path | None = None
        self.environment: dict[str, str] = {}

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, timeout: float = 90) -> "PortalServer":
        if not (self.binary.is_file() and os.access(self.binary, os.X_OK)):
            raise RuntimeError(f"portal binary not found: {self.binary} (run scripts/e2e, which builds it, or set PORTAL_BINARY)")
        self.data_dir = tempfile.mkdtemp(prefix="portal-e2e-")
        self.port, self.backoffice_port = free_port(), free_port()
        log_dir = self.log_dir or Path(self.data_dir)
        log_dir.mkdir(parents=True, exist_ok=True)
        self.log_path = log_dir / "portal-e2e.log"
        self.log_path.write_bytes(b"")
        self.environment = dict(
            os.environ,
            PORTAL_DATA_DIR=self.data_dir,
            # E2E_RESOURCES_DIR: run a binary against another checkout's Resources/.
            PORTAL_RESOURCES_DIR=os.environ.get("E2E_RESOURCES_DIR", str(REPOSITORY)),
            PORTAL_PORT=str(self.port),
            PORTAL_BACKOFFICE_PORT=str(self.backoffice_port),
            PORTAL_SESSION_IDLE_SECONDS=str(IDLE_SECONDS),
            PORTAL_SESSION_WARNING_SECONDS=str(WARNING_SECONDS),
            PORTAL_REGISTRATION_DELAY_SECONDS=str(REGISTRATION_DELAY_SECONDS),
            # Every test signs in afresh; the production limit would throttle the run.
            PORTAL_SIGNIN_RATE_LIMIT="1000",
        )
        self._launch(timeout)
        return self

    def _launch(self, timeout: float, *arguments: str) -> None:
        """Starts `portal serve` on the run's data directory and ports (the
        log is appended to, so a restart keeps what came before)."""
        log = open(self.log_path, "ab")
        self.process = subprocess.Popen(
            [str(self.binary), "serve", *arguments], env=self.environment, stdout=log, stderr=subprocess.STDOUT,
            cwd=self.data_dir, start_new_session=True)
        log.close()
        self._wait_until_ready(timeout)

    def run_command(self, *arguments: str, timeout: float = 60) -> str:
        """Runs `portal <arguments>` as an operator would, on the same data
        directory and database as the running portal; returns its output.
        Raises if the command fails."""
        result = subprocess.run([str(self.binary), *arguments], env=self.environment, cwd=self.data_dir,
                                capture_output=True, text=True, timeout=timeout)
        if result.returncode != 0:
            raise RuntimeError(f"portal {' '.join(arguments)} exited with {result.returncode}:\n"
                               f"{result.stdout}\n{result.stderr}")
        return result.stdout

    @contextmanager
    def worker_stopped(self, timeout: float = 90) -> Iterator["PortalServer"]:
        """The portal without its job worker: pages and requests work, jobs
        wait in the queue. Afterwards the portal runs with its worker again,
        which takes up the waiting jobs. Sessions live in the database, so a
        signed-in browser stays signed in across the restarts."""
        self._terminate(grace=RESTART_GRACE_SECONDS)
        self._launch(timeout, "--no-worker")
        try:
            yield self
        finally:
            self._terminate(grace=RESTART_GRACE_SECONDS)
            self._launch(timeout)

    def _wait_until_ready(self, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"portal exited with {self.process.returncode} during start:\n{self.log_tail()}")
            try:
                with urllib.request.urlopen(self.base_url + "/readyz", timeout=2) as response:
                    if response.status == 200:
                        return
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                pass
            time.sleep(0.25)
        self.stop()
        raise RuntimeError(f"portal not ready after {timeout} s:\n{self.log_tail()}")

    def log_tail(self, lines: int = 40) -> str:
        if not self.log_path or not self.log_path.exists():
            return ""
        return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])

    def _terminate(self, grace: float = 30) -> None:
        """SIGTERM, and after `grace` seconds SIGKILL to the portal's process
        group (a crashing portal's backtracer child holds its sockets too)."""
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=grace)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=5)
        self.process = None

    def stop(self) -> None:
        self._terminate()
        if self.data_dir and not os.environ.get("E2E_KEEP_DATA"):
            shutil.rmtree(self.data_dir, ignore_errors=True)
