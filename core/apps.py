from django.apps import AppConfig
from django.db.models.signals import post_save, pre_save
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """What every app shares and nothing domain-specific; depends on no app of ours."""

    name = "core"
    verbose_name = _("Grundlagen")
    content = False  # no models editors edit (see the content apps)

    def ready(self):
        from .text import clean_before_save
        from .unchanged import end_skip, skip_unchanged_history

        # First, so that the history check below compares the text as it will be stored.
        pre_save.connect(clean_before_save, dispatch_uid="core.clean_text")
        # Connected after simple-history's own post_save handlers (they are connected when
        # the models are prepared), so end_skip runs after the entry would have been written.
        pre_save.connect(skip_unchanged_history, dispatch_uid="core.skip_unchanged_history")
        post_save.connect(end_skip, dispatch_uid="core.end_skip_unchanged_history")
