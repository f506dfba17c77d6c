"""The Redaktion's own admin pages, registered at start (stadtregion.apps): the image library and
the redirects. editorial.admin holds the bases every content app's admin shares."""

from . import image_admin, redirect_admin  # noqa: F401
