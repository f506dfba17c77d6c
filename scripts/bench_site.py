"""Settings for scripts/bench_load.py: the site's own, with scripts/bench_urls.py as URLconf.

Never used by the site itself; the benchmark puts scripts/ on the Python path.
"""

from stadtregion.settings import *  # noqa: F403  (the site's settings, unchanged)

ROOT_URLCONF = "bench_urls"
