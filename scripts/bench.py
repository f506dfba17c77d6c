"""`make bench`: every figure as a share of a minimal Django view under the same server.

The yardstick is scripts/bench_minimal.py (a constant 20 KB page, two middleware classes), served
by the same gunicorn (gunicorn.conf.py, WEB_CONCURRENCY=2 on this 2-core machine) and venv as the
site. Measurements alternate between the yardstick and the site in short rounds, and each figure
is the median of its rounds, so a machine that gets busier or quieter moves both alike.

1. Load (wrk, 50 connections): requests per second of each page as a share of the minimal view
   (cached, cached with gzip as browsers ask, and rendered with the page cache off), and the p99
   latency. The cached site runs as in production: DEBUG off, Redis as the shared cache.
2. Data growth: single requests to the site on the demo seed and on 100 and 200 times as much
   data (each database ANALYZEd), interleaved page by page; the render time as a share of the
   minimal view's time, the ratios ×100/×1 and ×200/×100, and the queries per page (X-Queries).
   The house rules: a fixed number of queries per page whatever the data, and at most 1.5 times
   the time; a page that shows one page of a list costs more only until that page is full, so
   a ratio above 1.5 is "page filled" when the cost no longer grows from ×100 to ×200.

Nothing is asserted; docs/betrieb.md ("Messwerte") quotes a run. Databases bench_1, bench_100 and bench_200 on the
local PostgreSQL server, as in production; --sqlite uses SQLite files in a temporary folder.

Usage: make bench   (or .venv/bin/python scripts/bench.py [--seconds N] [--rounds N] [--quick])
"""

import argparse
import json
import os
import re
import secrets
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from contextlib import ExitStack
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parents[1]
HOST = "127.0.0.1"
REDIS_URL = "redis://127.0.0.1:6379/12"
POSTGRES = "postgres://postgres@127.0.0.1:5432"
LOAD_PAGES = ["/", "/kommunen/", "/projekte/", "/dokumente/", "/termine/", "/gremien/beirat/"]
GZIP = "gzip, deflate, br"  # what browsers send; the cache answers with Brotli then


def free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


SQLITE = "--sqlite" in sys.argv


def database_url(workdir: Path, factor: int) -> str:
    if SQLITE:
        return f"sqlite:///{workdir / f'bench-{factor}.sqlite3'}"
    return f"{POSTGRES}/bench_{factor}"


def environment(workdir: Path, factor: int, *, page_cache: bool, settings: str) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    env.pop("REDIS_URL", None)
    env.update(
        DJANGO_SETTINGS_MODULE=settings,
        PYTHONPATH=f"{BASE_DIR / 'scripts'}:{BASE_DIR}",
        DJANGO_DEBUG="false",
        DJANGO_SECRET_KEY="bench-" + secrets.token_urlsafe(50),
        DJANGO_ALLOWED_HOSTS=HOST,
        DJANGO_INSECURE_HTTP="true",
        DJANGO_LOG_LEVEL="WARNING",
        DJANGO_PAGE_CACHE="true" if page_cache else "false",
        DATABASE_URL=database_url(workdir, factor),
        DJANGO_MEDIA_ROOT=str(workdir / "media"),
        DJANGO_STATIC_ROOT=str(workdir / "static"),
        WEB_CONCURRENCY="2",
    )
    if page_cache:
        env["REDIS_URL"] = REDIS_URL
    return env


def build_databases(workdir: Path, factors: list[int]) -> dict[int, list]:
    """One database per factor, each built and ANALYZEd by scripts/bench_data.py."""
    urls = {}
    for factor in factors:
        started = time.perf_counter()
        if not SQLITE:
            subprocess.run(["psql", f"{POSTGRES}/postgres", "-q", "-c",
                            f"DROP DATABASE IF EXISTS bench_{factor} WITH (FORCE)", "-c",
                            f"CREATE DATABASE bench_{factor}"], check=True)  # fmt: skip
        env = environment(workdir, factor, page_cache=False, settings="stadtregion.settings")
        target = workdir / f"urls-{factor}.json"
        subprocess.run([sys.executable, "scripts/bench_data.py", str(factor), str(target)],
                       cwd=BASE_DIR, env=env, check=True)  # fmt: skip
        urls[factor] = json.loads(target.read_text())
        print(f"  database ×{factor}: {time.perf_counter() - started:.0f} s")
    env = environment(workdir, 1, page_cache=False, settings="stadtregion.settings")
    subprocess.run([sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
                   cwd=BASE_DIR, env=env, check=True)  # fmt: skip
    return urls


def start(stack: ExitStack, env: dict, app: str = "stadtregion.wsgi") -> str:
    port = free_port()
    url = f"http://{HOST}:{port}"
    env = {**env, "DJANGO_SITE_URL": url}  # the address pages are cached under
    gunicorn = str(Path(sys.executable).parent / "gunicorn")
    process = subprocess.Popen(
        [gunicorn, "--config", "gunicorn.conf.py", "--bind", f"{HOST}:{port}",
         "--access-logfile", "/dev/null", app],
        cwd=BASE_DIR, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    stack.callback(process.wait)
    stack.callback(process.terminate)
    for _ in range(300):
        try:
            urllib.request.urlopen(url + "/", timeout=10).read()
            return url
        except OSError:
            time.sleep(0.1)
    raise SystemExit(f"gunicorn ({env['DJANGO_SETTINGS_MODULE']}) did not start")


def fetch(url: str, headers: dict | None = None):
    request = urllib.request.Request(url, headers=headers or {})
    started = time.perf_counter()
    with urllib.request.urlopen(request, timeout=30) as response:
        response.read()
        return time.perf_counter() - started, response.headers


def wrk(url: str, seconds: int, connections: int, headers: dict | None = None) -> tuple:
    for _ in range(20):  # warm-up: first renders, caches, connections
        fetch(url, headers)
    extra = [arg for name, value in (headers or {}).items() for arg in ("-H", f"{name}: {value}")]
    out = subprocess.run(
        ["wrk", "-t", "2", "-c", str(connections), "-d", f"{seconds}s", "--latency", *extra, url],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    p99 = re.search(r"^\s*99%\s+([\d.]+)(us|ms|s)\s*$", out, re.M)
    scale = {"us": 0.001, "ms": 1.0, "s": 1000.0}
    if re.search(r"Non-2xx or 3xx responses: (\d+)", out):
        print(f"    errors at {url}")
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    return rps, float(p99.group(1)) * scale[p99.group(2)]


def load(servers: dict, pages: list[str], args) -> None:
    print(f"\nLoad: {args.connections} connections, {args.seconds} s a measurement, median of "
          f"{args.rounds} rounds, each next to the minimal view (share = requests/s of it)")  # fmt: skip
    header = (f"{'page':<20}{'cached':>9}{'gzipped':>9}{'rendered':>10}"
              f"{'p99 ms cached':>15}{'p99 rendered':>14}")  # fmt: skip
    print(header + "\n" + "-" * len(header))
    variants = [("cached", servers["cached"], None), ("gzipped", servers["cached"], GZIP),
                ("rendered", servers["rendered"], None)]  # fmt: skip
    minimal_rps = []
    for page in pages:
        shares = {name: [] for name, _, _ in variants}
        p99 = {name: [] for name, _, _ in variants}
        for _ in range(args.rounds):
            for name, server, encoding in variants:
                headers = {"Accept-Encoding": encoding} if encoding else None
                base, _ = wrk(servers["minimal"] + "/", args.seconds, args.connections, headers)
                rps, latency = wrk(server + page, args.seconds, args.connections, headers)
                minimal_rps.append(base)
                shares[name].append(rps / base)
                p99[name].append(latency)
        median = {name: statistics.median(values) for name, values in shares.items()}
        print(f"{page:<20}{median['cached']:>9.0%}{median['gzipped']:>9.0%}"
              f"{median['rendered']:>10.1%}{statistics.median(p99['cached']):>15.0f}"
              f"{statistics.median(p99['rendered']):>14.0f}")  # fmt: skip
    print(f"(minimal view: median {statistics.median(minimal_rps):.0f} requests/s)")


def growth(servers: dict, urls: list, factors: list[int], args) -> None:
    big, bigger = factors[1], factors[2]
    print(f"\nData growth: median of {args.repeat} single requests, interleaved across the "
          f"databases; time as a share of the minimal view's, ×{big}/×1, ×{bigger}/×{big}")  # fmt: skip
    header = (f"{'page':<24}{'×1':>7}{f'×{big}':>8}{f'×{bigger}':>8}{'ratio':>7}"
              f"{'ratio 2×':>9}{'queries':>10}")  # fmt: skip
    print(header + "\n" + "-" * len(header))
    slower, growing = [], []
    for label, path in urls:
        times = {factor: [] for factor in [0, *factors]}  # 0: the minimal view
        queries = {}
        try:
            for factor in factors:
                for _ in range(4):  # warm-up: each worker's shared fragments and templates
                    fetch(servers[factor] + path)
            for _ in range(args.repeat):
                times[0].append(fetch(servers["minimal"] + "/")[0])
                for factor in factors:
                    seconds, headers = fetch(servers[factor] + path)
                    times[factor].append(seconds)
                    queries[factor] = headers.get("X-Queries", "?")
        except OSError as error:
            print(f"{label:<24}  {error}")
            continue
        median = {factor: statistics.median(values) for factor, values in times.items()}
        ratio, ratio_double = median[big] / median[1], median[bigger] / median[big]
        flag = ""
        if len(set(queries.values())) > 1:
            flag += "  ← queries grow"
            growing.append(label)
        if ratio > 1.5:
            flag += "  ← slower" if ratio_double > 1.3 else "  (page filled)"
            if ratio_double > 1.3:
                slower.append(label)
        shares = "".join(f"{median[0] / median[f]:>{w}.1%}" for f, w in zip(factors, (7, 8, 8)))  # noqa: B905
        print(f"{label:<24}{shares}{ratio:>7.2f}{ratio_double:>9.2f}"
              f"{queries[1]:>6}→{queries[bigger]:<4}{flag}")  # fmt: skip
    print(f"Queries grow on: {', '.join(growing) or 'none'}.")
    print(f"Still slower from ×{big} to ×{bigger}: {', '.join(slower) or 'none'}.")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=5, help="length of one load measurement")
    parser.add_argument("--rounds", type=int, default=3, help="load measurements per figure")
    parser.add_argument("--connections", type=int, default=50)
    parser.add_argument("--repeat", type=int, default=15, help="single requests per page and size")
    parser.add_argument("--factor", type=int, default=100, help="large data = factor × today")
    parser.add_argument("--quick", action="store_true", help="load only, on the demo seed")
    parser.add_argument("--sqlite", action="store_true", help="SQLite files, not PostgreSQL")
    args = parser.parse_args()
    if not shutil.which("wrk"):
        prefix = [] if os.geteuid() == 0 else ["sudo"]
        subprocess.run([*prefix, "apt-get", "install", "-y", "-qq", "wrk"], check=True)
    import redis

    redis.Redis.from_url(REDIS_URL).flushdb()
    factors = [1] if args.quick else [1, args.factor, 2 * args.factor]
    with tempfile.TemporaryDirectory(prefix="stadtregion-bench-") as name, ExitStack() as stack:
        workdir = Path(name)
        print("Building the databases")
        urls = build_databases(workdir, factors)
        minimal = {**os.environ, "DJANGO_SETTINGS_MODULE": "bench_minimal",
                   "PYTHONPATH": str(BASE_DIR / "scripts"), "WEB_CONCURRENCY": "2"}  # fmt: skip
        site = "stadtregion.settings"
        servers = {
            "minimal": start(stack, minimal, "django.core.wsgi:get_wsgi_application()"),
            "cached": start(stack, environment(workdir, 1, page_cache=True, settings=site)),
            "rendered": start(stack, environment(workdir, 1, page_cache=False, settings=site)),
        }
        load(servers, LOAD_PAGES, args)
        if not args.quick:
            for factor in factors:
                env = environment(workdir, factor, page_cache=False, settings="bench_site")
                servers[factor] = start(stack, env)
            growth(servers, urls[1], factors, args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
