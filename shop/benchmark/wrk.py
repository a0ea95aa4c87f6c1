"""wrk, the load generator (Debian's ``wrk`` package): a C program, so on a 2-core
machine it takes little of the CPU the servers need, unlike a Python client."""

import re
import shutil
import subprocess
import tempfile
from dataclasses import asdict, dataclass

UNITS_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}


@dataclass(frozen=True)
class Measurement:
    requests_per_second: float
    p50_ms: float
    p99_ms: float
    requests: int
    errors: int  # non-2xx/3xx answers plus socket errors

    def as_dict(self) -> dict:
        return asdict(self)


def available() -> bool:
    return shutil.which("wrk") is not None


def run(url: str, *, seconds: int, connections: int, headers=(), lua: str = "") -> Measurement:
    """``url`` under ``connections`` keep-alive connections for ``seconds``."""
    command = ["wrk", "--latency", f"-t{min(2, connections)}", f"-c{connections}",
               f"-d{seconds}s", "--timeout", "10s"]  # fmt: skip
    for header in headers:
        command += ["-H", header]
    with tempfile.NamedTemporaryFile("w", suffix=".lua") as script:
        if lua:
            script.write(lua)
            script.flush()
            command += ["-s", script.name]
        output = subprocess.run(  # noqa: S603 (our arguments, no shell)
            [*command, url], capture_output=True, text=True, check=True, timeout=seconds + 30
        ).stdout
    return parse(output)


def parse(output: str) -> Measurement:
    """wrk's report, as numbers."""

    def latency(percent: str) -> float:
        value, unit = re.search(rf"^\s*{percent}%\s+([\d.]+)(us|ms|s|m)\s*$", output, re.M).groups()
        return float(value) * UNITS_MS[unit]

    requests = int(re.search(r"(\d+) requests in", output).group(1))
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    sockets = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )
    errors = (int(non_2xx.group(1)) if non_2xx else 0) + (
        sum(int(n) for n in sockets.groups()) if sockets else 0
    )
    return Measurement(rate, latency("50"), latency("99"), requests, errors)
