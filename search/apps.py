from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = _("Suche")
    # Editors keep the synonyms (its index is written by the search itself: NOT_CONTENT).
    content = True

    def ready(self):
        from . import signals

        signals.connect()
