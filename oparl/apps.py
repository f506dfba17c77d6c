from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OparlConfig(AppConfig):
    name = "oparl"
    verbose_name = _("OParl-Schnittstelle")
    content = False  # no models editors edit (see the content apps)
