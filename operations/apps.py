from django.apps import AppConfig


class OperationsConfig(AppConfig):
    """Running the site: backup and restore, request logs, health, answers during outages."""

    name = "operations"
    verbose_name = "Betrieb"

    def ready(self):
        from . import checks  # noqa: F401  (registers the check of the models' declarations)
        from .pagecache import connect_signals

        connect_signals()
