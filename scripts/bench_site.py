"""Settings for `make bench`: the site's own, plus a header that counts each answer's queries.

Never used by the site itself; the benchmark puts scripts/ on the Python path.
"""

from stadtregion.settings import *  # noqa: F403  (the site's settings, unchanged)
from stadtregion.settings import MIDDLEWARE

MIDDLEWARE = ["bench_queries.QueryCountMiddleware", *MIDDLEWARE]
