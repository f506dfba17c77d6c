from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """What every app shares and nothing domain-specific; depends on no app of ours."""

    name = "core"
    verbose_name = _("Grundlagen")
