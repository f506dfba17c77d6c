"""gunicorn settings for production (the Dockerfile's CMD) and scripts/bench_login_flood.py.

Threaded workers: a request that waits (a password hash, which releases the GIL; the database; a
slow client) ties up one thread, not a whole process, so /healthz and pages keep being answered
while a few requests are slow. The address to bind is given on the command line.
"""

import os

# WEB_CONCURRENCY: worker processes (one per CPU core is a good start). An empty value is unset.
workers = int(os.environ.get("WEB_CONCURRENCY") or 3)
worker_class = "gthread"
threads = 4
# A request running longer than this is killed and its worker replaced.
timeout = 30
graceful_timeout = 30
keepalive = 5
accesslog = "-"
# Without query strings, and with secret URL arguments (preview and password-reset tokens)
# redacted in the request line and the referrer (operations.logs).
logger_class = "operations.accesslog.RedactingLogger"
access_log_format = '%(h)s %(l)s %(u)s %(t)s "%(r)s" %(s)s %(b)s "%(f)s" "%(a)s"'
