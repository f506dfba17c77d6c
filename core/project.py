"""Which installed apps are this repository's own, as opposed to the libraries'."""

import sysconfig
from pathlib import Path

from django.apps import apps
from django.conf import settings

_LIBRARY_DIRS = {Path(sysconfig.get_paths()[key]).resolve() for key in ("purelib", "platlib")}


def is_project_app(app_config) -> bool:
    path = Path(app_config.path).resolve()
    base = Path(settings.BASE_DIR).resolve()
    return path.is_relative_to(base) and not any(path.is_relative_to(d) for d in _LIBRARY_DIRS)


def project_app_configs() -> list:
    """The repository's apps, in INSTALLED_APPS order."""
    return [config for config in apps.get_app_configs() if is_project_app(config)]
