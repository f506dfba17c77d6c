# The project package has no models. This module only makes Django send post_migrate for
# stadtregion (it skips apps without one), which keeps the Redaktion group in sync (apps.py).
