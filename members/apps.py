from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MembersConfig(AppConfig):
    name = "members"
    verbose_name = _("Kommunen")
    # Editors edit its models: the Redaktion's permissions and the admin follow from this.
    content = True
