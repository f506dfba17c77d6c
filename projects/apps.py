from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProjectsConfig(AppConfig):
    name = "projects"
    verbose_name = _("Handlungsfelder und Projekte")
    # Editors edit its models: the Redaktion's permissions and the admin follow from this.
    content = True
