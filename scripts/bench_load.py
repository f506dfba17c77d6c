"""Load benchmark: throughput and p99 latency of real pages under 50 concurrent connections,
side by side with a bare Django view that returns a constant 20 KB page.

Starts gunicorn with the project's gunicorn.conf.py (WEB_CONCURRENCY=2 on this 2-core machine)
on a loopback port, against a throwaway SQLite database seeded with the demo content, with
production settings (DEBUG off, hashed static files) and the local Redis as the shared cache
(REDIS_URL; a database of its own, emptied first), as in production. `wrk` generates the load
(installed on demand from Debian's package).

For every page it prints requests per second as a share of the bare view and the p99 latency,
once served by the page cache (anonymous visitors) and once rendered (the cache off, as for
logged-in staff). Nothing is asserted; the README's "Performance" section quotes a run.

Usage: make bench   (or .venv/bin/python scripts/bench_load.py [--seconds N] [--connections N])
"""

import argparse
import os
import re
import secrets
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from bench_login_flood import HOST, free_port  # scripts/ is on the path of its scripts

BASE_DIR = Path(__file__).resolve().parents[1]
REDIS_URL = "redis://127.0.0.1:6379/12"


def environment(workdir: Path, *, page_cache: bool) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    env.update(
        {
            # bench_site: the site plus a bare view (scripts/bench_urls.py) on the path.
            "DJANGO_SETTINGS_MODULE": "bench_site",
            "PYTHONPATH": f"{BASE_DIR / 'scripts'}:{BASE_DIR}",
            "DJANGO_DEBUG": "false",
            "DJANGO_SECRET_KEY": "bench-" + secrets.token_urlsafe(50),
            "DJANGO_ALLOWED_HOSTS": HOST,
            "DJANGO_INSECURE_HTTP": "true",
            "DJANGO_LOG_LEVEL": "WARNING",
            "DJANGO_PAGE_CACHE": "true" if page_cache else "false",
            "DATABASE_URL": f"sqlite:///{workdir / 'bench.sqlite3'}",
            "DJANGO_MEDIA_ROOT": str(workdir / "media"),
            "DJANGO_STATIC_ROOT": str(workdir / "static"),
            "REDIS_URL": REDIS_URL,
            "WEB_CONCURRENCY": "2",
        }
    )
    return env


def prepare(env: dict[str, str]) -> None:
    manage = [sys.executable, "manage.py"]
    for command in (["migrate", "--noinput"], ["collectstatic", "--noinput"], ["seed_demo"]):
        subprocess.run(manage + command, cwd=BASE_DIR, env=env, check=True, capture_output=True)


def ensure_wrk() -> str:
    if not shutil.which("wrk"):
        print("Installing wrk (Debian package) for the load generator ...")
        prefix = [] if os.geteuid() == 0 else ["sudo"]
        subprocess.run([*prefix, "apt-get", "install", "-y", "-qq", "wrk"], check=True)
    return shutil.which("wrk")


def start_server(env: dict[str, str]) -> tuple[subprocess.Popen, str]:
    port = free_port()
    gunicorn = str(Path(sys.executable).parent / "gunicorn")
    process = subprocess.Popen(
        [gunicorn, "--config", "gunicorn.conf.py", "--bind", f"{HOST}:{port}",
         "--access-logfile", "/dev/null", "stadtregion.wsgi"],
        cwd=BASE_DIR, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    url = f"http://{HOST}:{port}"
    for _ in range(300):
        try:
            urllib.request.urlopen(f"{url}/healthz", timeout=5)
            return process, url
        except OSError:
            time.sleep(0.1)
    process.kill()
    raise SystemExit("gunicorn did not start")


def load(wrk: str, url: str, seconds: int, connections: int) -> dict:
    for _ in range(20):  # warm-up: first renders, caches, connections
        urllib.request.urlopen(url, timeout=10).read()
    result = subprocess.run(
        [wrk, "-t", "2", "-c", str(connections), "-d", f"{seconds}s", "--latency", url],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    out = result.stdout
    p99 = re.search(r"^\s*99%\s+([\d.]+)(us|ms|s)\s*$", out, re.M)
    scale = {"us": 0.001, "ms": 1.0, "s": 1000.0}
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    socket_errors = re.search(r"Socket errors: (.*)", out)
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
        "p99_ms": float(p99.group(1)) * scale[p99.group(2)],
        "errors": int(errors.group(1)) if errors else 0,
        "socket_errors": socket_errors.group(1) if socket_errors else "",
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=10, help="load per page")
    parser.add_argument("--connections", type=int, default=50)
    args = parser.parse_args()
    wrk = ensure_wrk()
    import redis

    redis.Redis.from_url(REDIS_URL).flushdb()
    pages = ["/", "/projekte/", "/termine/", "/gremien/beirat/", "/kommunen/havixbeck/"]
    print(
        f"{args.connections} connections, {args.seconds}s per page, gunicorn 2 workers × 4 threads"
    )
    with tempfile.TemporaryDirectory(prefix="stadtregion-load-") as workdir:
        results = {}
        for page_cache in (True, False):
            env = environment(Path(workdir), page_cache=page_cache)
            if page_cache:
                prepare(env)
            process, url = start_server(env)
            try:
                bare = load(wrk, f"{url}/bench/bare/", args.seconds, args.connections)
                results[page_cache] = [("bare view (20 KB)", bare)] + [
                    (page, load(wrk, url + page, args.seconds, args.connections)) for page in pages
                ]
            finally:
                process.terminate()
                process.wait()
    # Two baselines: the bare view in the same run (the same middleware, page cache included),
    # and the bare view of the run without the page cache (nothing in front of it at all).
    bare_without_cache = results[False][0][1]["rps"]
    for page_cache, rows in results.items():
        print(f"\n{'Page cache (anonymous visitors)' if page_cache else 'Rendered (cache off)'}")
        header = (f"{'page':<28}{'req/s':>8}{'of bare':>9}{'of bare, no cache':>19}"
                  f"{'p99 ms':>8}{'errors':>8}")  # fmt: skip
        print(header + "\n" + "-" * len(header))
        bare_rps = rows[0][1]["rps"]
        for page, row in rows:
            errors = row["errors"] + (1 if row["socket_errors"] else 0)
            print(f"{page:<28}{row['rps']:>8.0f}{row['rps'] / bare_rps:>9.0%}"
                  f"{row['rps'] / bare_without_cache:>19.0%}{row['p99_ms']:>8.0f}{errors:>8}")  # fmt: skip
            if row["socket_errors"]:
                print(f"    socket errors: {row['socket_errors']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
