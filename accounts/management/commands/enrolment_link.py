from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.utils.formats import date_format

from accounts import enrolment


class Command(BaseCommand):
    help = (
        "Gibt einen Einrichtungslink für die Zwei-Faktor-Anmeldung eines Kontos aus: einmal "
        "gültig, für ENROLMENT_LINK_MAX_AGE Sekunden; frühere Links des Kontos werden ungültig. "
        "Wer Zugang zum Server hat, gibt ihn der Person auf sicherem Weg weiter."
    )

    def add_arguments(self, parser):
        parser.add_argument("username", help="Benutzername des Kontos")
        parser.add_argument(
            "--site",
            default=settings.SITE_URL,
            help="Adresse der Website vor dem Link (Vorgabe: %(default)s)",
        )

    def handle(self, *args, username, site, **options):
        user_model = get_user_model()
        try:
            user = user_model._default_manager.get_by_natural_key(username)
        except user_model.DoesNotExist as error:
            raise CommandError(f"Ein Konto „{username}“ gibt es nicht.") from error
        if not (user.is_active and user.is_staff):
            raise CommandError(
                f"„{username}“ ist kein aktives Konto der Redaktion („Mitarbeiter-Status“ fehlt)."
            )
        path, expires = enrolment.issue(user)
        self.stdout.write(
            f"Einrichtungslink für „{username}“, einmal gültig bis "
            f"{date_format(expires, 'j. F Y, H:i')} Uhr:"
        )
        self.stdout.write(site.rstrip("/") + path)
