from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GovernanceConfig(AppConfig):
    name = "governance"
    verbose_name = _("Gremien, Termine und Dokumente")
    # Editors edit its models: the Redaktion's permissions and the admin follow from this.
    content = True
