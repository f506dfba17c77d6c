from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccessibilityConfig(AppConfig):
    """BITV NRW beyond the pages: the feedback form and its reports, sign-language videos."""

    name = "accessibility"
    verbose_name = _("Barrierefreiheit")
    # Editors edit its models: the Redaktion's permissions and the admin follow from this.
    content = True
