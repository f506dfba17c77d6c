from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = _("Suche")
    content = False  # no models editors edit (see the content apps)

    def ready(self):
        from . import signals  # noqa: F401  (the stored vectors of documents' PDF text)
