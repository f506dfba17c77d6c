"""Container health check (Docker HEALTHCHECK): exit 0 when /healthz answers 200, else 1.

The slim image has no curl, so this uses the standard library. Django answers 400 to a Host it
does not know, so the request carries the first entry of DJANGO_ALLOWED_HOSTS as its Host.
Usage: python scripts/healthcheck.py [URL]   (default http://127.0.0.1:8000/healthz)
"""

import os
import sys
import urllib.request

DEFAULT_URL = "http://127.0.0.1:8000/healthz"


def host_header() -> str | None:
    for entry in os.environ.get("DJANGO_ALLOWED_HOSTS", "").split(","):
        host = entry.strip().lstrip(".")  # ".example.org" allows example.org and its subdomains
        if host and host != "*":
            return host
    return None


def main(argv: list[str]) -> int:
    url = argv[1] if len(argv) > 1 else DEFAULT_URL
    request = urllib.request.Request(url)
    host = host_header()
    if host:
        request.add_header("Host", host)
    # Talk to the local server directly, even if the environment names an HTTP proxy.
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    try:
        with opener.open(request, timeout=4) as response:
            healthy = response.status == 200
    except OSError as error:  # connection refused, timeout, HTTP 4xx/5xx (HTTPError)
        print(f"unhealthy: {error}", file=sys.stderr)
        return 1
    return 0 if healthy else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
