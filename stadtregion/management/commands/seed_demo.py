from django.core.management.base import BaseCommand
from django.utils import timezone

from figures.models import Indicator, Value
from governance.models import (
    AgendaItem,
    Body,
    Document,
    Meeting,
    Membership,
    SeatQuota,
    TimelineEvent,
)
from members.models import ContactPerson, Municipality
from pages.models import Page
from projects.models import FieldOfAction, Project, WorkingGroup
from search.index import rebuild
from search.models import Synonym
from stadtregion.seed import seed_all

SUMMARY_MODELS = [
    Municipality, ContactPerson, FieldOfAction, WorkingGroup, Project, Body, SeatQuota, Membership,
    Meeting, AgendaItem, Document, TimelineEvent, Page, Indicator, Value, Synonym,
]  # fmt: skip


class Command(BaseCommand):
    help = (
        "Lädt die Inhalte des Portals (zwölf Kommunen, Handlungsfelder, Gremien, Termine, "
        "Dokumente, Seiten) samt gekennzeichneter Beispielinhalte. Mehrfaches Ausführen ist "
        "unbedenklich: Seiten legt es nur an, wenn sie fehlen, und überschreibt nie, was die "
        "Redaktion an ihnen geändert hat."
    )

    def add_arguments(self, parser):
        parser.add_argument("--quiet", action="store_true", help="Keine Zusammenfassung ausgeben.")

    def handle(self, *args, quiet=False, verbosity=1, **options):
        log = seed_all(today=timezone.localdate())
        # The index follows each save; rebuilt once more for the word list of everything live.
        indexed = rebuild()
        if quiet or verbosity == 0:
            return
        self.stdout.write(self.style.SUCCESS("Inhalte der Stadtregion Münster geladen."))
        for model in SUMMARY_MODELS:
            created, updated = log.created[model], log.updated[model]
            self.stdout.write(
                f"  {model._meta.verbose_name_plural}: {model._default_manager.count()} "
                f"({created} neu, {updated} aktualisiert)"
            )
        self.stdout.write(f"  Suchindex: {indexed} Einträge")
        self.stdout.write(
            "\nEin Konto für die Redaktion legen Sie an mit: make superuser (oder python "
            "manage.py createsuperuser und danach python manage.py enrolment_link NAME für den "
            "Link zur Zwei-Faktor-Anmeldung)"
        )
