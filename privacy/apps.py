from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PrivacyConfig(AppConfig):
    """Consent: the registry of external services, the consent cookie, the CSP that follows it, the
    settings page, the banner, the cookie table and the first-party frames for external media."""

    name = "privacy"
    verbose_name = _("Datenschutz")
    content = False  # no models editors edit (see the content apps)
