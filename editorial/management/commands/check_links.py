"""Lists the internal links of published texts that lead nowhere (editorial.links)."""

from django.core.management.base import BaseCommand

from editorial.links import broken_links


class Command(BaseCommand):
    help = "Listet interne Links veröffentlichter Texte, die ins Leere führen."

    def handle(self, *args, **options):
        broken = broken_links()
        for link in broken:
            self.stdout.write(f"{link.status}  {link.path}  in „{link.source}“")
        self.stdout.write(f"{len(broken)} defekte interne Links.")
        if broken:
            raise SystemExit(1)
