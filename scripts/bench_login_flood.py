"""Login flood benchmark: does /healthz stay fast while clients loop wrong admin logins?

Starts gunicorn with the project's gunicorn.conf.py on a free loopback port, against a throwaway
SQLite database (with a staff account) in a temporary folder, production settings (DEBUG off,
the real password hasher). It measures /healthz latency at idle, then while N clients (default
20) loop wrong passwords for ~10 seconds, and prints p50/p99 under flood as a multiple of idle.

Each flood client claims its own address through X-Forwarded-For (gunicorn's address is made a
trusted proxy), so the flood looks like 20 different machines: each gets its few password hashes
until django-axes locks its address, then the rate limit (rows in the database, shared by every
worker) answers 429 before any hash.

Only 127.0.0.1, bounded in time (--seconds) and in requests per client (--max-requests).
Nothing is asserted beyond a verdict line; this is for reading, not for CI.

Usage: make bench-login   (or .venv/bin/python scripts/bench_login_flood.py [--clients N])
"""

import argparse
import http.client
import multiprocessing
import os
import re
import secrets
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from collections import Counter
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parents[1]
HOST = "127.0.0.1"
HEALTH_LIMIT = 4.0  # seconds: the container health check gives up after this


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def environment(workdir: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    env.pop("REDIS_URL", None)
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "stadtregion.settings",
            "DJANGO_DEBUG": "false",
            "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
            "DJANGO_ALLOWED_HOSTS": HOST,
            "DJANGO_INSECURE_HTTP": "true",
            "DJANGO_TRUSTED_PROXIES": HOST,
            "DJANGO_LOG_LEVEL": "ERROR",  # the log is shown only if a login failed with 500
            "DATABASE_URL": f"sqlite:///{workdir / 'bench.sqlite3'}",
            "DJANGO_MEDIA_ROOT": str(workdir / "media"),
            "DJANGO_STATIC_ROOT": str(workdir / "static"),
        }
    )
    return env


def prepare(env: dict[str, str]) -> None:
    manage = [sys.executable, "manage.py"]
    for command in (["migrate", "--noinput"], ["collectstatic", "--noinput"]):
        subprocess.run(manage + command, cwd=BASE_DIR, env=env, check=True, capture_output=True)
    create = (
        "from django.contrib.auth import get_user_model; "
        "get_user_model().objects.create_user("
        "'redaktion', 'r@example.org', 'Ein-langes-Passwort-2026', is_staff=True)"
    )
    subprocess.run(
        [*manage, "shell", "-c", create], cwd=BASE_DIR, env=env, check=True, capture_output=True
    )


def request(port, method, path, *, body=None, headers=None, timeout=30.0):
    """(status, body, cookies, seconds) of one request on a fresh connection."""
    connection = http.client.HTTPConnection(HOST, port, timeout=timeout)
    started = time.perf_counter()
    try:
        connection.request(method, path, body=body, headers={"Host": HOST, **(headers or {})})
        response = connection.getresponse()
        content = response.read()
        elapsed = time.perf_counter() - started
        cookies = [v.split(";")[0] for k, v in response.getheaders() if k.lower() == "set-cookie"]
        return response.status, content, cookies, elapsed
    finally:
        connection.close()


def wait_until_up(port: int, server: subprocess.Popen) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if server.poll() is not None:
            sys.exit("gunicorn exited; see its log above")
        try:
            if request(port, "GET", "/healthz", timeout=2)[0] == 200:
                return
        except OSError:
            time.sleep(0.2)
    sys.exit("gunicorn did not answer /healthz within 30 s")


def probe(port: int, stop: threading.Event, interval: float, samples: list[float]) -> None:
    while not stop.is_set():
        try:
            status, _, _, elapsed = request(port, "GET", "/healthz", timeout=HEALTH_LIMIT * 3)
            samples.append(elapsed if status == 200 else float("inf"))
        except OSError:
            samples.append(float("inf"))
        stop.wait(interval)


def flood_client(port, number, stop, max_requests, outcomes: Counter, lock) -> None:
    address = f"198.51.100.{number + 1}"
    forwarded = {"X-Forwarded-For": address}
    status, content, cookies, _ = request(port, "GET", "/admin/login/", headers=forwarded)
    token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', content).group(1).decode()
    headers = {
        **forwarded,
        "Cookie": "; ".join(cookies),
        "Content-Type": "application/x-www-form-urlencoded",
    }
    for attempt in range(max_requests):
        if stop.is_set():
            return
        body = urllib.parse.urlencode(
            {
                "csrfmiddlewaretoken": token,
                "username": f"rate{number}-{attempt}" if attempt % 2 else "redaktion",
                "password": f"falsch-{attempt}",
            }
        )
        try:
            status, content, _, _ = request(
                port, "POST", "/admin/login/", body=body, headers=headers
            )
        except OSError:
            status, content = "error", b""
        if status == 429:
            status = "429 gesperrt (axes)" if b"gesperrt" in content else "429 Limit"
        with lock:
            outcomes[str(status)] += 1


def flood(port, clients, seconds, max_requests, results) -> None:
    """The flood clients, in a process of their own so that their threads do not slow down the
    probe's measurements (one GIL per process)."""
    outcomes, lock, stop = Counter(), threading.Lock(), threading.Event()
    threads = [
        threading.Thread(target=flood_client, args=(port, n, stop, max_requests, outcomes, lock))
        for n in range(clients)
    ]
    for thread in threads:
        thread.start()
    time.sleep(seconds)
    stop.set()
    for thread in threads:
        thread.join()
    results.put(dict(outcomes))


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def report(name: str, samples: list[float]) -> tuple[float, float]:
    p50, p99 = statistics.median(samples), percentile(samples, 0.99)
    print(f"  {name:<12} n={len(samples):>4}  p50 {p50 * 1000:8.1f} ms  p99 {p99 * 1000:8.1f} ms")
    return p50, p99


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--max-requests", type=int, default=2000, help="per flood client")
    parser.add_argument("--idle-seconds", type=float, default=4.0)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="bench-login-") as tmp:
        workdir = Path(tmp)
        env = environment(workdir)
        print("Preparing a temporary database and static files …", flush=True)
        prepare(env)
        port = free_port()
        log = open(workdir / "gunicorn.log", "w")  # noqa: SIM115 (closed below)
        command = [sys.executable, "-m", "gunicorn", "--config", "gunicorn.conf.py"]
        server = subprocess.Popen(
            [*command, "--bind", f"{HOST}:{port}", "stadtregion.wsgi"],
            cwd=BASE_DIR,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        try:
            wait_until_up(port, server)
            for _ in range(5):  # warm up every worker
                request(port, "GET", "/healthz")

            idle, flooded = [], []
            stop = threading.Event()
            prober = threading.Thread(target=probe, args=(port, stop, 0.05, idle))
            prober.start()
            time.sleep(args.idle_seconds)
            stop.set()
            prober.join()

            results = multiprocessing.Queue()
            flooder = multiprocessing.Process(
                target=flood,
                args=(port, args.clients, args.seconds, args.max_requests, results),
            )
            stop = threading.Event()
            prober = threading.Thread(target=probe, args=(port, stop, 0.05, flooded))
            flooder.start()
            prober.start()
            outcomes = Counter(results.get(timeout=args.seconds + 120))
            stop.set()
            prober.join()
            flooder.join()
        finally:
            server.terminate()
            server.wait(timeout=30)
            log.close()
        if outcomes.get("500"):
            lines = (workdir / "gunicorn.log").read_text().splitlines()
            errors = [line for line in lines if "Error" in line or "error" in line]
            print("Errors in gunicorn's log:", *errors[-10:], sep="\n  ")

    print(f"\n/healthz latency, gunicorn.conf.py, {args.clients} clients looping wrong logins:")
    idle_p50, idle_p99 = report("idle", idle)
    flood_p50, flood_p99 = report("under flood", flooded)
    print(f"  ratio        p50 {flood_p50 / idle_p50:8.1f} x    p99 {flood_p99 / idle_p99:8.1f} x")
    total = sum(outcomes.values())
    print(f"\nLogin answers ({total} in {args.seconds:g} s):")
    for outcome, count in sorted(outcomes.items()):
        print(f"  {outcome:<22} {count:>6}")
    healthy = flood_p99 < HEALTH_LIMIT
    verdict = "within" if healthy else "OVER"
    print(f"\np99 under flood is {verdict} the health check's {HEALTH_LIMIT:g} s.")
    return 0 if healthy else 1


if __name__ == "__main__":
    sys.exit(main())
