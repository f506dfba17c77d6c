"""A second pair of eyes: "Zur Freigabe einreichen → freigeben / mit Kommentar zurückgeben".

What is reviewed is a pending version (editorial.pending) of a published object, or a draft of
new content. Approving publishes exactly that; returning keeps it as it is, with a comment for
its author. Requests, decisions and comments stay in the request's history, and the object's
admin log names each step.

Who needs approval (``approval_required``):
- Superusers never do.
- Town editors (members.editors) always need it for region-wide projects (every member town
  takes part): one town must not rewrite or withdraw what belongs to all twelve.
- Beyond that, ReviewSettings (edited by superusers in the admin) says which roles need it for
  everything they publish: the Kommunale Redaktion, the Redaktion, or both.
Who approves: everyone who may change the object and needs no approval for it.
"""

from collections.abc import Callable

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.mail import send_mail
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.staff import EDITOR_GROUP_NAME, TOWN_EDITOR_GROUP_NAME

_SETTINGS_ATTRIBUTE = "_review_settings"


class ReviewSettings(models.Model):
    """One row: which roles need approval. Edited by superusers alone (stadtregion.permissions
    keeps it out of the editors' permissions)."""

    town_editors_need_approval = models.BooleanField(
        _("Kommunale Redaktion braucht Freigabe"),
        default=False,
        help_text=_(
            "Änderungen und Meldungen der Kommunalen Redaktion gehen erst nach Freigabe durch "
            "die Geschäftsstelle online. Regionsweite Projekte (alle Kommunen beteiligt) "
            "brauchen immer eine Freigabe."
        ),
    )
    editors_need_approval = models.BooleanField(
        _("Redaktion braucht Freigabe"),
        default=False,
        help_text=_(
            "Auch Änderungen der Redaktion gehen erst nach Freigabe online; freigeben können "
            "dann nur Administratorinnen und Administratoren."
        ),
    )

    history = HistoricalRecords()

    changes_public_pages = False  # says who publishes, not what

    class Meta:
        verbose_name = _("Freigabe-Einstellung")
        verbose_name_plural = _("Freigabe-Einstellungen")

    def __str__(self):
        return gettext("Wer eine Freigabe braucht")

    @classmethod
    def load(cls) -> "ReviewSettings":
        return cls.objects.get_or_create(pk=1)[0]


def review_settings(request) -> ReviewSettings:
    """The settings, read once per request."""
    if not hasattr(request, _SETTINGS_ATTRIBUTE):
        setattr(request, _SETTINGS_ATTRIBUTE, ReviewSettings.load())
    return getattr(request, _SETTINGS_ATTRIBUTE)


def _no_town_editor(request) -> bool:
    return False


# Whether the request's user is a town editor, whose changes stay in their towns: the layer that
# knows (members.editors) sets it at start.
is_town_editor: Callable[[object], bool] = _no_town_editor


def approval_required(request, obj=None) -> bool:
    """Whether what ``request.user`` changes on ``obj`` (None: a new object) goes online only
    after someone else approves it."""
    if request.user.is_superuser:
        return False
    if is_town_editor(request):
        if obj is not None and getattr(obj, "is_region_wide", False):
            return True
        return review_settings(request).town_editors_need_approval
    return review_settings(request).editors_need_approval


def reviewers(exclude=None):
    """Who is told of a new request: active staff with an e-mail address who may approve."""
    may_approve = Q(is_superuser=True)
    if not ReviewSettings.load().editors_need_approval:
        may_approve |= Q(groups__name=EDITOR_GROUP_NAME) & ~Q(
            pk__in=get_user_model().objects.filter(groups__name=TOWN_EDITOR_GROUP_NAME)
        )
    users = get_user_model().objects.filter(may_approve, is_active=True, is_staff=True)
    users = users.exclude(email="")
    if exclude is not None:
        users = users.exclude(pk=exclude.pk)
    return users.distinct().order_by("pk")


class ReviewRequestQuerySet(models.QuerySet):
    def open(self):
        return self.filter(state=ReviewRequest.State.OPEN)

    def for_object(self, obj):
        return self.filter(
            content_type=ContentType.objects.get_for_model(obj), object_id=obj.pk
        ).select_related("requested_by", "decided_by")


class ReviewRequest(models.Model):
    class State(models.TextChoices):
        OPEN = "offen", _("zur Freigabe eingereicht")
        APPROVED = "freigegeben", _("freigegeben")
        RETURNED = "zurueckgegeben", _("mit Kommentar zurückgegeben")
        WITHDRAWN = "zurueckgezogen", _("zurückgezogen")

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    content_object = GenericForeignKey()
    state = models.CharField(_("Stand"), max_length=20, choices=State.choices, default=State.OPEN)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("eingereicht von"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    requested_at = models.DateTimeField(_("eingereicht am"), auto_now_add=True)
    message = models.TextField(_("Nachricht an die Prüfenden"), blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("entschieden von"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("entschieden am"), null=True, blank=True)
    comment = models.TextField(_("Kommentar"), blank=True)

    objects = ReviewRequestQuerySet.as_manager()
    history = HistoricalRecords()

    changes_public_pages = False  # approving publishes through the object's own save

    class Meta:
        verbose_name = _("Freigabe-Anfrage")
        verbose_name_plural = _("Freigabe-Anfragen")
        ordering = ["-requested_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id"],
                condition=Q(state="offen"),
                name="editorial_one_open_review_per_object",
            )
        ]

    def __str__(self):
        # No quotes of its own: the admin's messages put the name in „…“ already.
        return gettext("Freigabe-Anfrage zu %s") % self.content_object

    def decide(self, user, state, comment: str = "") -> None:
        from django.utils import timezone

        self.state = state
        self.decided_by = user
        self.decided_at = timezone.now()
        self.comment = comment
        self.save()


def _name(user) -> str:
    return (user.get_full_name() or user.get_username()) if user else gettext("jemand")


def _link(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


def mail_reviewers(review: ReviewRequest, review_path: str) -> None:
    recipients = list(reviewers(exclude=review.requested_by).values_list("email", flat=True))
    if not recipients:
        return
    obj = review.content_object
    body = gettext(
        "Guten Tag,\n\n%(author)s bittet um Freigabe von „%(object)s“ (%(kind)s).\n\n"
        "%(message)sPrüfen, freigeben oder mit Kommentar zurückgeben:\n%(link)s\n\n"
        "Diese Nachricht hat das Portal der Stadtregion Münster automatisch geschickt."
    ) % {
        "author": _name(review.requested_by),
        "object": obj,
        "kind": obj._meta.verbose_name,
        "message": gettext("Nachricht: %s\n\n") % review.message if review.message else "",
        "link": _link(review_path),
    }
    send_mail(gettext("Bitte um Freigabe: %s") % obj, body, None, recipients)


def mail_author(review: ReviewRequest, change_path: str) -> None:
    author = review.requested_by
    if author is None or not author.email or author == review.decided_by:
        return
    obj = review.content_object
    if review.state == ReviewRequest.State.APPROVED:
        subject = gettext("Freigegeben: %s") % obj
        outcome = gettext("hat „%s“ freigegeben; die Änderung ist veröffentlicht.") % obj
    else:
        subject = gettext("Zurückgegeben: %s") % obj
        outcome = gettext("hat „%s“ mit einem Kommentar an Sie zurückgegeben.") % obj
    comment = gettext("Kommentar: %s\n\n") % review.comment if review.comment else ""
    body = gettext(
        "Guten Tag,\n\n%(reviewer)s %(outcome)s\n\n%(comment)sZum Eintrag:\n%(link)s\n\n"
        "Diese Nachricht hat das Portal der Stadtregion Münster automatisch geschickt."
    ) % {
        "reviewer": _name(review.decided_by),
        "outcome": outcome,
        "comment": comment,
        "link": _link(change_path),
    }
    send_mail(subject, body, None, [author.email])
