"""The cooperation's bodies, meetings and documents.

Names map onto OParl 1.1 so that an OParl API is a thin layer later:
Municipality = oparl:Body, Body (Gremium) = oparl:Organization, Membership = oparl:Membership,
Meeting = oparl:Meeting, AgendaItem = oparl:AgendaItem, Document = oparl:File.
"""

import re

from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Prefetch, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from simple_history.models import HistoricalRecords

from core.models import PublishableModel, PublishedQuerySet, TimestampedModel
from core.urls import reverse
from editorial.fields import MarkdownField
from members.models import Municipality
from projects.models import FieldOfAction, Project
from uploads.fields import UploadField, stored_size
from uploads.pdftext import field_file_text

from .querysets import AgendaItemQuerySet, MeetingQuerySet


def _end_after_start(name: str, start: str, end: str) -> models.CheckConstraint:
    return models.CheckConstraint(
        condition=Q(**{f"{end}__isnull": True}) | Q(**{f"{end}__gte": F(start)}),
        name=name,
        violation_error_message=_("Das Ende darf nicht vor dem Beginn liegen."),
    )


class Body(TimestampedModel):
    class Kind(models.TextChoices):
        DECISION = "entscheidung", _("Entscheidungsgremium")
        COORDINATION = "koordination", _("Arbeits- und Abstimmungsrunde")
        ADVISORY = "beirat", _("Beirat")
        ASSEMBLY = "versammlung", _("Versammlung")
        OFFICE = "geschaeftsstelle", _("Geschäftsstelle")

    name = models.CharField(_("Name"), max_length=200, unique=True)
    slug = models.SlugField(_("Kürzel in der Adresse"), max_length=200, unique=True)
    kind = models.CharField(_("Art"), max_length=30, choices=Kind.choices)
    summary = models.CharField(_("Kurztext"), max_length=300)
    description = MarkdownField(_("Beschreibung"), blank=True, help_text=_("Markdown möglich."))
    order = models.PositiveSmallIntegerField(_("Reihenfolge"), default=0)

    history = HistoricalRecords()

    changes_public_pages = True

    class Meta:
        verbose_name = _("Gremium")
        verbose_name_plural = _("Gremien")
        ordering = ["order", "name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("governance:body_detail", kwargs={"slug": self.slug})

    def seat_limit(self, municipality_id: int) -> int | None:
        """Seats the municipality holds in this body, or None where the body sets no quota."""
        for quota in self.seat_quotas.all():
            if quota.municipality_id == municipality_id:
                return quota.seats
        return None


class SeatQuota(models.Model):
    """How many seats a municipality has in a body (Beirat: 3 each, 7 for Münster)."""

    body = models.ForeignKey(
        Body, verbose_name=_("Gremium"), related_name="seat_quotas", on_delete=models.CASCADE
    )
    municipality = models.ForeignKey(
        Municipality,
        verbose_name=_("Kommune"),
        related_name="seat_quotas",
        on_delete=models.CASCADE,
    )
    seats = models.PositiveSmallIntegerField(_("Sitze"))

    history = HistoricalRecords()

    changes_public_pages = True

    class Meta:
        verbose_name = _("Sitzkontingent")
        verbose_name_plural = _("Sitzkontingente")
        ordering = ["body", "municipality"]
        constraints = [
            models.UniqueConstraint(
                fields=["body", "municipality"],
                name="seatquota_unique",
                violation_error_message=_("Für diese Kommune gibt es schon ein Sitzkontingent."),
            )
        ]

    def __str__(self):
        return f"{self.body}: {self.municipality} ({self.seats})"


class MembershipQuerySet(models.QuerySet):
    def current(self, on=None):
        day = on or timezone.localdate()
        return self.filter(Q(start_date__isnull=True) | Q(start_date__lte=day)).filter(
            Q(end_date__isnull=True) | Q(end_date__gte=day)
        )

    def former(self, on=None):
        return self.filter(end_date__lt=on or timezone.localdate())


class Membership(TimestampedModel):
    class Role(models.TextChoices):
        CHAIR = "vorsitz", _("Vorsitz und Sprecher/in")
        DEPUTY = "stellvertretung", _("stellvertretender Vorsitz")
        LEAD = "leitung", _("Leitung")
        MEMBER = "mitglied", _("Mitglied")

    body = models.ForeignKey(
        Body, verbose_name=_("Gremium"), related_name="memberships", on_delete=models.CASCADE
    )
    person_name = models.CharField(_("Name"), max_length=150)
    function = models.CharField(
        _("Amt"), max_length=200, blank=True, help_text=_("z. B. „Bürgermeister“")
    )
    role = models.CharField(_("Rolle"), max_length=20, choices=Role.choices, default=Role.MEMBER)
    municipality = models.ForeignKey(
        Municipality,
        verbose_name=_("Kommune"),
        related_name="memberships",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
    )
    start_date = models.DateField(_("von"), null=True, blank=True)
    end_date = models.DateField(_("bis"), null=True, blank=True)
    is_demo = models.BooleanField(_("Beispielinhalt"), default=False)

    objects = MembershipQuerySet.as_manager()
    history = HistoricalRecords()

    changes_public_pages = True

    class Meta:
        verbose_name = _("Mitgliedschaft")
        verbose_name_plural = _("Mitgliedschaften")
        ordering = ["body", "-start_date", "person_name"]
        constraints = [_end_after_start("membership_end_after_start", "start_date", "end_date")]

    def __str__(self):
        return f"{self.person_name} – {self.get_role_display()} ({self.body})"

    def is_current(self, on=None) -> bool:
        day = on or timezone.localdate()
        started = self.start_date is None or self.start_date <= day
        return started and (self.end_date is None or self.end_date >= day)


class Meeting(PublishableModel):
    body = models.ForeignKey(
        Body, verbose_name=_("Gremium"), related_name="meetings", on_delete=models.PROTECT
    )
    title = models.CharField(_("Titel"), max_length=200)
    slug = models.SlugField(
        _("Kürzel in der Adresse"),
        max_length=220,
        unique=True,
        help_text=_("z. B. „2024-09-18-raetetreffen“"),
    )
    start = models.DateTimeField(_("Beginn"))
    end = models.DateTimeField(_("Ende"), null=True, blank=True)
    location = models.CharField(_("Ort"), max_length=200, blank=True)
    address = models.CharField(_("Anschrift"), max_length=300, blank=True)

    # What a citizen who wants to attend needs to know.
    class Attendance(models.TextChoices):
        PUBLIC = "oeffentlich", _("Öffentlich: Alle dürfen zuhören, ohne Anmeldung.")
        COUNCILS = "raete", _("Für die Ratsmitglieder der zwölf Kommunen, nicht für alle.")
        CLOSED = "nicht-oeffentlich", _("Nicht öffentlich.")

    attendance = models.CharField(
        _("Wer teilnehmen kann"),
        max_length=20,
        choices=Attendance.choices,
        blank=True,
        help_text=_("Leer lassen, solange es nicht feststeht."),
    )
    room = models.CharField(_("Raum"), max_length=200, blank=True)
    step_free_access = models.TextField(
        _("Barrierefreier Zugang"),
        blank=True,
        help_text=_("z. B. stufenloser Eingang, Aufzug, barrierefreie Toilette, Höranlage."),
    )
    directions = models.TextField(
        _("Anfahrt"), blank=True, help_text=_("Bus und Bahn, Parken, welcher Eingang.")
    )
    minutes_expected = models.DateField(
        _("Niederschrift voraussichtlich bis"),
        null=True,
        blank=True,
        help_text=_("Bis die Niederschrift als Dokument der Sitzung veröffentlicht ist."),
    )
    description = MarkdownField(_("Beschreibung"), blank=True, help_text=_("Markdown möglich."))
    cancelled = models.BooleanField(_("abgesagt"), default=False)

    objects = MeetingQuerySet.as_manager()
    history = HistoricalRecords()

    # Lists and calendars move a meeting from "next" to "past" when it starts and ends.
    page_change_moments = {**PublishableModel.page_change_moments, "start": Q(), "end": Q()}

    class Meta:
        verbose_name = _("Sitzung/Termin")
        verbose_name_plural = _("Sitzungen und Termine")
        ordering = ["-start"]
        constraints = [_end_after_start("meeting_end_after_start", "start", "end")]
        # Lists read meetings by time (next ones, a year, a month); feeds by their last change.
        indexes = [
            models.Index(fields=["body", "start"], name="meeting_body_start"),
            models.Index(fields=["start"], name="meeting_start"),
            models.Index(fields=["updated_at"], name="meeting_updated_at"),
        ]

    def __str__(self):
        return f"{self.title} ({timezone.localtime(self.start):%d.%m.%Y})"

    def get_absolute_url(self):
        return reverse("governance:meeting_detail", kwargs={"slug": self.slug})

    @property
    def is_upcoming(self) -> bool:
        return self.start >= timezone.now()

    @property
    def attendance_short(self) -> str:
        """For lists: "öffentlich", "für Ratsmitglieder", "nicht öffentlich" or ""."""
        return {
            self.Attendance.PUBLIC: "öffentlich",
            self.Attendance.COUNCILS: "für Ratsmitglieder",
            self.Attendance.CLOSED: "nicht öffentlich",
        }.get(self.attendance, "")

    @property
    def published_minutes(self):
        """The published minutes among the documents the detail view prefetched, or None."""
        documents = getattr(self, "published_documents", [])
        return next((d for d in documents if d.kind == Document.Kind.MINUTES), None)

    def save(self, *args, **kwargs):
        adding = self._state.adding
        super().save(*args, **kwargs)
        if not adding:
            # Documents of a meeting belong to its body, also after the meeting moved to another.
            self.documents.exclude(body_id=self.body_id).update(body_id=self.body_id)


def natural_sort_key(number: str) -> str:
    """A text that sorts agenda numbers as people read them: 1, 2, 2.1, 2.10, 3, 10.

    Every run of digits is zero-padded to six places, everything else is lower-cased, so
    "2.10" becomes "000002.000010" and sorts after "000002.000002" and before "000010".
    """
    parts = re.findall(r"\d+|\D+", number.strip().lower())
    return "".join(part.zfill(6) if part.isdigit() else part for part in parts)


class NaturalSortKeyField(models.CharField):
    """Filled from another field on every save, bulk_create included; never typed by editors."""

    def __init__(self, *args, source: str, **kwargs):
        self.source = source
        kwargs.update(editable=False, blank=True, default="")
        kwargs.setdefault("db_index", True)
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs["source"] = self.source
        for fixed in ("editable", "blank", "default"):
            kwargs.pop(fixed, None)
        return name, path, args, kwargs

    def pre_save(self, model_instance, add):
        value = natural_sort_key(getattr(model_instance, self.source))[: self.max_length]
        setattr(model_instance, self.attname, value)
        return value


class AgendaItem(TimestampedModel):
    class Result(models.TextChoices):
        NONE = "", _("– noch offen –")
        ADOPTED = "beschlossen", _("beschlossen")
        ADOPTED_AMENDED = "beschlossen-geaendert", _("mit Änderungen beschlossen")
        REJECTED = "abgelehnt", _("abgelehnt")
        POSTPONED = "vertagt", _("vertagt")
        NOTED = "kenntnisnahme", _("zur Kenntnis genommen")
        REFERRED = "verwiesen", _("verwiesen")
        WITHDRAWN = "zurueckgezogen", _("zurückgezogen")

    meeting = models.ForeignKey(
        Meeting, verbose_name=_("Sitzung"), related_name="agenda_items", on_delete=models.CASCADE
    )
    number = models.CharField(_("Nummer"), max_length=10, help_text=_("z. B. „1“ oder „2.1“"))
    # "10" sorts after "2" only as a number; ten characters pad to at most 60.
    number_sort_key = NaturalSortKeyField(
        _("Sortierschlüssel der Nummer"), max_length=60, source="number"
    )
    title = models.CharField(_("Titel"), max_length=300)
    description = models.TextField(_("Erläuterung"), blank=True)
    is_public = models.BooleanField(_("öffentlich"), default=True)
    order = models.PositiveSmallIntegerField(
        _("Reihenfolge"),
        default=0,
        help_text=_("Nur nötig, um von der Reihenfolge der Nummern abzuweichen."),
    )
    paper = models.ForeignKey(
        "Document",
        verbose_name=_("Vorlage"),
        related_name="agenda_items",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        limit_choices_to={"kind__in": ["vorlage", "beschlussvorlage"]},
        help_text=_("Die Vorlage oder Beschlussvorlage, die unter diesem Punkt beraten wird."),
    )
    result = models.CharField(
        _("Ergebnis"), max_length=30, choices=Result.choices, blank=True, default=""
    )
    resolution_text = models.TextField(
        _("Beschlusstext"), blank=True, help_text=_("Der Wortlaut des Beschlusses.")
    )
    votes_yes = models.PositiveSmallIntegerField(_("Ja-Stimmen"), null=True, blank=True)
    votes_no = models.PositiveSmallIntegerField(_("Nein-Stimmen"), null=True, blank=True)
    votes_abstain = models.PositiveSmallIntegerField(_("Enthaltungen"), null=True, blank=True)

    objects = AgendaItemQuerySet.as_manager()
    history = HistoricalRecords()

    changes_public_pages = True

    class Meta:
        verbose_name = _("Tagesordnungspunkt")
        verbose_name_plural = _("Tagesordnungspunkte")
        ordering = ["meeting", "order", "number_sort_key"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "number"],
                name="agendaitem_unique_number",
                violation_error_message=_("Diese Nummer ist in der Sitzung schon vergeben."),
            )
        ]

    def __str__(self):
        return f"{self.number}. {self.title}"

    VOTE_FIELDS = ("votes_yes", "votes_no", "votes_abstain")

    @property
    def has_votes(self) -> bool:
        return self.votes_yes is not None

    def clean(self):
        super().clean()
        given = [getattr(self, name) is not None for name in self.VOTE_FIELDS]
        if any(given) and not all(given):
            raise ValidationError(
                _("Bitte Ja-Stimmen, Nein-Stimmen und Enthaltungen gemeinsam angeben (auch 0).")
            )
        if any(given) and not self.result:
            raise ValidationError(
                {"result": _("Bitte zum Abstimmungsergebnis das Ergebnis angeben.")}
            )


class DocumentQuerySet(PublishedQuerySet):
    def for_list(self, user=None):
        """With its relations; a draft meeting or project is None unless the user may see it."""
        user = user or AnonymousUser()
        return self.select_related("body", "field_of_action").prefetch_related(
            Prefetch("meeting", queryset=Meeting.objects.visible_to(user)),
            Prefetch("project", queryset=Project.objects.visible_to(user)),
        )


class Document(PublishableModel):
    class Kind(models.TextChoices):
        CONTRACT = "kontrakt", _("Kontrakt")
        REPORT = "bericht", _("Bericht/Berichtswesen")
        INVITATION = "einladung", _("Einladung")
        AGENDA = "tagesordnung", _("Tagesordnung")
        PROPOSAL = "vorlage", _("Vorlage")
        DRAFT_RESOLUTION = "beschlussvorlage", _("Beschlussvorlage")
        # Niederschrift is the term of the municipal code (GO NRW § 52); the stored value stays
        # "protokoll", so links filtered by it keep working.
        MINUTES = "protokoll", _("Niederschrift (Protokoll)")
        RESOLUTION = "beschluss", _("Beschluss")
        CONCEPT = "konzept", _("Konzept")
        PRESENTATION = "praesentation", _("Präsentation")
        OTHER = "sonstiges", _("Sonstiges")

    title = models.CharField(_("Titel"), max_length=250)
    slug = models.SlugField(_("Kürzel in der Adresse"), max_length=250, unique=True)
    kind = models.CharField(_("Art"), max_length=20, choices=Kind.choices)
    date = models.DateField(_("Datum"))
    description = models.TextField(_("Beschreibung"), blank=True)
    file = UploadField(
        _("PDF-Datei"),
        kind="pdf",
        directory="dokumente",
        original_name_field="file_name",
        help_text=_("Möglichst barrierefrei (PDF/UA)."),
    )
    file_name = models.CharField(
        _("Dateiname beim Hochladen"),
        max_length=255,
        blank=True,
        editable=False,
        help_text=_("Nur zur Anzeige; gespeichert wird die Datei unter einem Zufallsnamen."),
    )
    text_content = models.TextField(
        _("Volltext der PDF-Datei"),
        blank=True,
        editable=False,
        help_text=_("Beim Hochladen ausgelesen; die Suche findet Dokumente auch darüber."),
    )
    body = models.ForeignKey(
        Body,
        verbose_name=_("Gremium"),
        related_name="documents",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        help_text=_("Bei Unterlagen einer Sitzung leer lassen: Es gilt das Gremium der Sitzung."),
    )
    meeting = models.ForeignKey(
        Meeting,
        verbose_name=_("Sitzung"),
        related_name="documents",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
    )
    project = models.ForeignKey(
        Project,
        verbose_name=_("Projekt"),
        related_name="documents",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
    )
    field_of_action = models.ForeignKey(
        FieldOfAction,
        verbose_name=_("Handlungsfeld"),
        related_name="documents",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
    )

    objects = DocumentQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("Dokument")
        verbose_name_plural = _("Dokumente")
        ordering = ["-date", "title"]
        # The list's order, a body's and a project's newest; the feed's last changes.
        indexes = [
            models.Index(fields=["-date", "title"], name="document_list_order"),
            models.Index(fields=["body", "-date", "title"], name="document_body_order"),
            models.Index(fields=["project", "-date", "title"], name="document_project_order"),
            models.Index(fields=["updated_at"], name="document_updated_at"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("governance:document_detail", kwargs={"slug": self.slug})

    def get_download_url(self):
        return reverse("governance:document_download", kwargs={"slug": self.slug})

    def clean(self):
        super().clean()
        meeting = self.meeting if self.meeting_id else None
        if meeting is not None and self.body_id and self.body_id != meeting.body_id:
            message = _(
                "Die Sitzung „%(meeting)s“ gehört zum Gremium „%(body)s“. Bitte dieses "
                "Gremium wählen oder das Feld leer lassen."
            )
            params = {"meeting": meeting.title, "body": meeting.body.name}
            raise ValidationError(
                {"body": ValidationError(message, code="body_mismatch", params=params)}
            )

    @classmethod
    def from_db(cls, db, field_names, values):
        document = super().from_db(db, field_names, values)
        # The stored name as loaded (absent when deferred): save() reads a PDF only when new.
        # A str, not the FieldFile (django-cleanup may have made one), whose name changes.
        loaded = document.__dict__.get("file")
        document._loaded_file_name = getattr(loaded, "name", loaded)
        return document

    def _file_replaced(self, update_fields) -> bool:
        if not self.file or (update_fields is not None and "file" not in update_fields):
            return False
        return not self.file._committed or self.file.name != getattr(
            self, "_loaded_file_name", None
        )

    def save(self, *args, **kwargs):
        update_fields = kwargs.get("update_fields")
        # A document filed with a meeting belongs to the meeting's body, however it was saved
        # (the meeting's document inline has no body field).
        if self.meeting_id and not self.body_id:
            self.body_id = self.meeting.body_id
            if update_fields is not None and "meeting" in update_fields:
                kwargs["update_fields"] = update_fields = {*update_fields, "body"}
        # The search reads the PDF's text: taken from each new or replaced file, whichever way it
        # came (admin, seed, ORM); an unreadable file leaves it empty (uploads.pdftext).
        if self._file_replaced(update_fields):
            self.text_content = field_file_text(self.file)
            if update_fields is not None:
                kwargs["update_fields"] = {*update_fields, "text_content"}
        super().save(*args, **kwargs)
        self._loaded_file_name = self.file.name

    @property
    def file_size(self) -> int | None:
        return stored_size(self.file)


class TimelineEvent(TimestampedModel):
    """One entry of the cooperation's Chronik."""

    class Precision(models.TextChoices):
        YEAR = "jahr", _("Jahr")
        MONTH = "monat", _("Monat")
        DAY = "tag", _("Tag")

    date = models.DateField(_("Datum"))
    precision = models.CharField(
        _("Genauigkeit"),
        max_length=10,
        choices=Precision.choices,
        default=Precision.DAY,
        help_text=_("Wie genau das Datum angezeigt wird."),
    )
    title = models.CharField(_("Titel"), max_length=250)
    description = models.TextField(_("Beschreibung"), blank=True)
    link = models.URLField(_("weiterführender Link"), blank=True)

    history = HistoricalRecords()

    changes_public_pages = True

    class Meta:
        verbose_name = _("Chronik-Eintrag")
        verbose_name_plural = _("Chronik")
        ordering = ["date"]

    def __str__(self):
        return f"{self.date.year}: {self.title}"


def validate_quota(
    body: Body,
    municipality: Municipality | None,
    members: list[Membership],
    *,
    quotas: dict[int, int] | None = None,
):
    """Raises when more members of one municipality sit in a body than its quota allows.

    Checks today and each later day someone joins, so members entered in advance for the next
    term count as well; former members do not. ``quotas`` maps municipality ids to seats and
    defaults to the body's stored quotas (the admin passes the quotas edited in the same form).
    """
    if municipality is None:
        return
    limit = body.seat_limit(municipality.pk) if quotas is None else quotas.get(municipality.pk)
    if limit is None:
        return
    seated = [m for m in members if m.municipality_id == municipality.pk]
    today = timezone.localdate()
    joining = sorted({m.start_date for m in seated if m.start_date and m.start_date > today})
    for day in [today, *joining]:
        count = sum(m.is_current(day) for m in seated)
        if count <= limit:
            continue
        params = {
            "municipality": municipality.name,
            "body": body.name,
            "limit": limit,
            "count": count,
            "day": f"{day:%d.%m.%Y}",
        }
        if day == today:
            message = ngettext(
                "%(municipality)s hat in „%(body)s“ nur %(limit)s Sitz; "
                "eingetragen sind %(count)s Mitglieder.",
                "%(municipality)s hat in „%(body)s“ nur %(limit)s Sitze; "
                "eingetragen sind %(count)s Mitglieder.",
                limit,
            )
        else:
            message = ngettext(
                "%(municipality)s hat in „%(body)s“ nur %(limit)s Sitz; "
                "ab dem %(day)s wären es %(count)s Mitglieder.",
                "%(municipality)s hat in „%(body)s“ nur %(limit)s Sitze; "
                "ab dem %(day)s wären es %(count)s Mitglieder.",
                limit,
            )
        raise ValidationError(message, code="seat_quota", params=params)
