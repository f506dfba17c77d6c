from importlib import import_module

from django.apps import AppConfig, apps
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class StadtregionConfig(AppConfig):
    name = "stadtregion"
    verbose_name = _("Website")
    content = False  # no models editors edit (see the content apps)

    def ready(self):
        # The admin runs as SimpleAdminConfig (no autodiscovery: leaflet.admin needs GDAL), so
        # the site registers every admin module it composes here, explicitly.
        import axes.admin  # noqa: F401  (lockouts: staff unlock by deleting an attempt)
        import django.contrib.auth.admin  # noqa: F401

        import accounts.admin  # noqa: F401  (authenticator apps; users' towns, after auth's admin)

        # Every content app's admin (its AppConfig says content = True).
        for config in apps.get_app_configs():
            if getattr(config, "content", False):
                import_module(getattr(config, "admin_module", f"{config.name}.admin"))

        from .permissions import sync_editor_group_after_migrate

        # Once per migrate run, after every app: keeps the Redaktion group's permissions complete.
        post_migrate.connect(sync_editor_group_after_migrate, sender=self)

        # Registers the project's system checks, and navigation's check of its route names.
        from . import checks, navigation  # noqa: F401
