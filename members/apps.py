from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MembersConfig(AppConfig):
    name = "members"
    verbose_name = _("Kommunen")
    # Editors edit its models: the Redaktion's permissions and the admin follow from this.
    content = True

    def ready(self):
        from editorial import review

        from .editors import is_town_editor

        # The review workflow (a layer below) asks who is a town editor.
        review.is_town_editor = is_town_editor
