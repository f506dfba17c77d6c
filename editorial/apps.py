from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EditorialConfig(AppConfig):
    """The Redaktion's workflow, shared by every content app's admin: the admin base and publish
    actions, history, previews and preview links, pending versions, the Markdown editor and
    rendering, the image library, the map picker, and the admin's German names."""

    name = "editorial"
    verbose_name = _("Redaktion")
    # Editors edit its models: the Redaktion's permissions and the admin follow from this.
    content = True
    # Its admin module holds the bases; the library and the redirects register here.
    admin_module = "editorial.registered_admins"

    def ready(self):
        from django.db.models.signals import post_migrate

        from uploads import media

        from . import preview, redirects
        from .admin_labels import label_split_datetimes
        from .library_german import germanize_library_names
        from .permission_names import rename_permissions_after_migrate

        if preview.granted_file_response not in media.FILE_GRANTS:
            media.FILE_GRANTS.append(preview.granted_file_response)

        redirects.connect_signals()
        germanize_library_names()
        # Before any admin is registered (stadtregion's ready): each copies the defaults.
        label_split_datetimes()
        # For every app: auth's create_permissions (connected earlier) writes English names.
        post_migrate.connect(rename_permissions_after_migrate, dispatch_uid="german_permissions")
