"""Documents of the cooperation, each with a generated placeholder PDF.

The original files are not available to the seed, so every document carries a one-page PDF
that says so, and is flagged as demo content. An existing file is never replaced.
"""

import datetime
from dataclasses import dataclass

from django.core.files.base import ContentFile

from governance.models import Document

from .base import SeedLog
from .pdf import build_pdf

PLACEHOLDER = "Beispieldatei – das Originaldokument ist bei der Geschäftsstelle erhältlich."
K = Document.Kind
D = datetime.date


@dataclass
class DocumentData:
    slug: str
    title: str
    kind: str
    date: datetime.date
    about: str
    body: str | None = None
    meeting: str | None = None
    project: str | None = None
    field: str | None = None


# "Ende 2018" and the 2019/2022 decisions have no published day: the dates are approximate.
DOCUMENTS = [
    DocumentData(
        "kontrakt-zusammenarbeit-stadtregion-muenster",
        "Kontrakt zur Zusammenarbeit in der Stadtregion Münster", K.CONTRACT, D(2018, 12, 31),
        "Grundlage der Zusammenarbeit: Ende 2018 von allen zwölf Räten gleichlautend "
        "beschlossen.",
        body="buergermeisterrunde",
    ),
    DocumentData(
        "handlungskonzept-leitprojekte-2018",
        "Handlungskonzept für die Leitprojekte „Wohnregion 2030“ und „Velorouten“", K.CONCEPT,
        D(2018, 12, 31),
        "Ende 2018 in allen zwölf Räten beraten, als sie den Kontrakt beschlossen.",
        project="wohnregion-2030",
    ),
    DocumentData(
        "beschluss-kontrakt-2019",
        "Beschluss: Kontrakt in geänderter Fassung (Zusammensetzung des Beirats)", K.RESOLUTION,
        D(2019, 12, 31),
        "2019 haben die Räte den Kontrakt mit einer geänderten Zusammensetzung des Beirats "
        "erneut beschlossen.",
        body="beirat",
    ),
    DocumentData(
        "bericht-ewomab-2022",
        "Bericht Entwicklungsorientierte Wohnungsmarktbeobachtung (eWoMaB) 2022", K.REPORT,
        D(2022, 6, 30),
        "Der Bericht mit 45 lokalen Profilen wurde 2022 in allen zwölf Räten beraten.",
        project="ewomab", field="wohnen",
    ),
    DocumentData(
        "dokumentation-raetetreffen-2017",
        "Dokumentation des 1. Rätetreffens „Regionales Zukunftsforum Mobilität und Wohnen“",
        K.MINUTES, D(2017, 11, 6),
        "Ergebnisse der zwölf Arbeitsgruppen vom 6. November 2017.",
        body="raetetreffen", meeting="2017-11-06-raetetreffen",
    ),
    DocumentData(
        "dokumentation-raetetreffen-2024",
        "Dokumentation des 3. Rätetreffens „Kaleidoskop Stadtregion Münster“", K.MINUTES,
        D(2024, 9, 18),
        "Dokumentation des Rätetreffens vom 18. September 2024 mit rund 180 Teilnehmenden.",
        body="raetetreffen", meeting="2024-09-18-raetetreffen",
    ),
    DocumentData(
        "beschluss-kostenschluessel-demo",
        "Beschluss der Bürgermeisterrunde zum Kostenschlüssel", K.RESOLUTION, D(2025, 1, 15),
        "Beispiel für einen Beschluss: Verteilung des Projekthaushalts und der Personalkosten "
        "der Geschäftsstelle auf die zwölf Mitglieder.",
        body="buergermeisterrunde",
    ),
    DocumentData(
        "praesentation-velorouten-demo",
        "Präsentation: Die Velorouten der Stadtregion", K.PRESENTATION, D(2021, 3, 10),
        "Beispiel für eine Präsentation: 14 Velorouten mit zusammen 218 Kilometern.",
        project="velorouten", field="mobilitaet",
    ),
]  # fmt: skip


def placeholder_pdf(data: DocumentData) -> ContentFile:
    lines = ["Stadtregion Münster", f"Datum: {data.date:%d.%m.%Y}", "", data.about, "", PLACEHOLDER]
    return ContentFile(build_pdf(data.title, lines), name=f"{data.slug}.pdf")


def load_documents(log: SeedLog, *, bodies, meetings, projects, fields) -> dict[str, Document]:
    documents = {}
    for data in DOCUMENTS:
        document = log.upsert(
            Document,
            {"slug": data.slug},
            {
                "title": data.title,
                "kind": data.kind,
                "date": data.date,
                "description": f"{data.about}\n\n{PLACEHOLDER}",
                "body": bodies[data.body] if data.body else None,
                "meeting": meetings[data.meeting] if data.meeting else None,
                "project": projects[data.project] if data.project else None,
                "field_of_action": fields[data.field] if data.field else None,
                "is_demo": True,
                "is_published": True,
            },
            create_only={"file": placeholder_pdf(data)},
        )
        if not document.file or not document.file.storage.exists(document.file.name):
            # The row survived but its file is gone (e.g. a fresh media volume): restore it.
            document.file.save(f"{data.slug}.pdf", placeholder_pdf(data), save=True)
            log.mark_updated(document)
        documents[data.slug] = document
    return documents
