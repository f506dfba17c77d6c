from django.apps import AppConfig


class OperationsConfig(AppConfig):
    """Running the site: backup and restore, request logs, health, answers during outages."""

    name = "operations"
    verbose_name = "Betrieb"
    content = False  # no models editors edit (see the content apps)

    def ready(self):
        from core import interfaces

        from . import checks  # noqa: F401  (registers the check of the models' declarations)
        from .pagecache import connect_signals, content_state

        connect_signals()
        # Conditional GET of the machine-read interfaces follows the page cache's version.
        interfaces.content_state = content_state
