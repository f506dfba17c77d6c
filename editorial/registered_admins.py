"""The Redaktion's own admin pages, registered at start (stadtregion.apps): the image library,
the redirects and who needs approval. editorial.admin holds the bases every content app's admin
shares."""

from django.contrib import admin

from . import image_admin, redirect_admin  # noqa: F401
from .admin_review import ReviewSettingsAdmin
from .review import ReviewSettings

admin.site.register(ReviewSettings, ReviewSettingsAdmin)
