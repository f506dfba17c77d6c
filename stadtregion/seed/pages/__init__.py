"""The pages office staff edit: Über uns, Kontakt and the legally required pages."""

from pages.models import Page

from ...navigation import SECTIONS
from ..base import SeedLog
from .about import KONTAKT, UEBER_UNS
from .access import BARRIEREFREIHEIT, GEBAERDENSPRACHE, LEICHTE_SPRACHE, easy_menu
from .legal import DATENSCHUTZ, IMPRESSUM

M = Page.Menu
# slug, title, menu, order, intro, body. Leichte Sprache and Gebärdensprache are linked from
# the header template, so they sit in no menu.
PAGES = [
    ("ueber-uns", "Über uns", M.MAIN, 1,
     "Die Stadtregion Münster ist eine freiwillige Kooperation von zwölf Städten und Gemeinden. "
     "Sie arbeiten zusammen, wo Aufgaben nicht an der Gemeindegrenze enden.", UEBER_UNS),
    ("kontakt", "Kontakt", M.FOOTER, 1,
     "So erreichen Sie die Geschäftsstelle der Stadtregion Münster.", KONTAKT),
    ("impressum", "Impressum", M.FOOTER, 2,
     "Anbieterkennzeichnung nach § 5 Digitale-Dienste-Gesetz und § 18 Medienstaatsvertrag.",
     IMPRESSUM),
    ("datenschutz", "Datenschutz", M.FOOTER, 3,
     "Welche personenbezogenen Daten wir verarbeiten, wenn Sie diese Website nutzen, und welche "
     "Rechte Sie haben.", DATENSCHUTZ),
    ("barrierefreiheit", "Erklärung zur Barrierefreiheit", M.FOOTER, 4,
     "Wie weit diese Website barrierefrei ist, welche Barrieren es noch gibt und wie Sie uns "
     "Barrieren melden können.", BARRIEREFREIHEIT),
    ("leichte-sprache", "Leichte Sprache", M.NONE, 0,
     "Hier erklären wir die Stadt-Region Münster und diese Internet-Seite in Leichter Sprache.",
     LEICHTE_SPRACHE),
    ("gebaerdensprache", "Gebärdensprache", M.NONE, 0,
     "Videos in Deutscher Gebärdensprache (DGS) erklären die Inhalte, die Navigation und die "
     "Erklärung zur Barrierefreiheit.", GEBAERDENSPRACHE),
]  # fmt: skip


def main_menu_labels() -> list[str]:
    """The main menu as the header shows it: the sections, then the pages of the main menu."""
    sections = [link.label for s in SECTIONS for link in s.links if link.in_main_nav]
    pages = sorted((p for p in PAGES if p[2] == M.MAIN), key=lambda p: p[3])
    return sections + [title for _, title, *_ in pages]


def load_pages(log: SeedLog) -> dict[str, Page]:
    """Creates the pages that are missing. A page that exists belongs to the editors: the seed
    never overwrites it, so rerunning seed_demo in production keeps their Impressum."""
    pages = {}
    for slug, title, menu, order, intro, body in PAGES:
        if slug == "leichte-sprache":
            body = body.replace("{menu}", easy_menu(main_menu_labels()))
        values = {"title": title, "menu": menu, "order": order, "intro": intro, "body": body}
        pages[slug] = log.create_missing(Page, {"slug": slug}, values | {"is_published": True})
    return pages
