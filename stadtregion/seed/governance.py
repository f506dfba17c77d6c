"""Bodies of the cooperation, seats, memberships with public roles, and the Chronik."""

import datetime

from governance.models import Body, Membership, SeatQuota, TimelineEvent
from members.models import ContactPerson, Municipality

from .base import SeedLog

K = Body.Kind
BODIES = [
    ("buergermeisterrunde", "Bürgermeisterrunde", K.DECISION,
     "Die Bürgermeisterinnen und Bürgermeister der zwölf Kommunen entscheiden über die "
     "gemeinsame Arbeit.",
     "Den Vorsitz und das Amt der Sprecherin oder des Sprechers übernimmt alle zwei Jahre eine "
     "andere Kommune. Wer die Bürgermeisterrunde leitet, leitet auch den Beirat Stadtregion. "
     "Die Bürgermeisterrunde beruft die Rätetreffen ein."),
    ("ansprechpartnerrunde", "Ansprechpartnerrunde", K.COORDINATION,
     "Je eine Ansprechperson aus jeder Verwaltung bereitet die Arbeit mit der Geschäftsstelle "
     "vor.",
     "Die Ansprechpartnerrunde (auch Ansprechpartnerkreis) verbindet die zwölf Verwaltungen. "
     "Sie bereitet Themen für die Bürgermeisterrunde vor und begleitet die Projekte."),
    ("beirat", "Beirat Stadtregion", K.ADVISORY,
     "40 Ratsmitglieder aus den zwölf Kommunen beraten als Botschafterinnen und Botschafter "
     "der Stadtregion; dazu kommt der Vorsitz.",
     "Die Räte benennen ihre 40 Mitglieder im Beirat: je drei aus den elf Umlandkommunen und "
     "sieben aus Münster. Den Vorsitz hat zusätzlich die Sprecherin oder der Sprecher der "
     "Bürgermeisterrunde, die oder der keinen dieser Sitze belegt: Mit dem Vorsitz hat der "
     "Beirat 41 Mitglieder. Er tagt etwa zweimal im Jahr."),
    ("raetetreffen", "Rätetreffen", K.ASSEMBLY,
     "Alle Ratsmitglieder der zwölf Kommunen sind eingeladen, sich auszutauschen.",
     "Die Bürgermeisterrunde lädt zu den Rätetreffen ein. Das erste fand 2017 statt, das "
     "zweite 2022 und das dritte 2024."),
    ("geschaeftsstelle", "Geschäftsstelle", K.OFFICE,
     "Die Geschäftsstelle bei der Stadt Münster organisiert die tägliche Arbeit.",
     "Die Mitglieder teilen sich den Projekthaushalt und die Personalkosten der "
     "Geschäftsstelle nach einem vereinbarten Schlüssel."),
]  # fmt: skip

BEIRAT_SEATS_MUENSTER, BEIRAT_SEATS_OTHERS = 7, 3


def load_bodies(log: SeedLog) -> dict[str, Body]:
    return {
        slug: log.upsert(
            Body,
            {"slug": slug},
            {"name": name, "kind": kind, "summary": summary, "description": text, "order": order},
        )
        for order, (slug, name, kind, summary, text) in enumerate(BODIES, start=1)
    }


def load_seat_quotas(log: SeedLog, beirat: Body, municipalities: dict[str, Municipality]):
    for slug, municipality in municipalities.items():
        seats = BEIRAT_SEATS_MUENSTER if slug == "muenster" else BEIRAT_SEATS_OTHERS
        log.upsert(SeatQuota, {"body": beirat, "municipality": municipality}, {"seats": seats})


R = Membership.Role
D = datetime.date
# The Sprecher role for 2024 is public. The chair rotates every two years; start and end days
# are not published, so the periods below are approximations (and the earlier terms, whose
# order is inferred, are flagged as demo content).
# fmt: off
CHAIRS = [
    # person, function, municipality, role, start, end, is_demo
    ("Jörn Möltgen", "Bürgermeister", "havixbeck", R.CHAIR, D(2024, 1, 1), None, False),
    ("Katrin Reuscher", "Bürgermeisterin", "sendenhorst", R.DEPUTY, D(2024, 1, 1), None, False),
    ("Thomas Stohldreier", "Bürgermeister", "ascheberg", R.CHAIR, D(2022, 1, 1), D(2023, 12, 31), True),
    ("Carsten Grawunder", "Bürgermeister", "drensteinfurt", R.CHAIR, D(2020, 1, 1), D(2021, 12, 31), True),
]
# fmt: on


def load_memberships(log, bodies, municipalities, contacts: dict[str, ContactPerson]):
    for person, function, slug, role, start, end, is_demo in CHAIRS:
        log.upsert(
            Membership,
            {"body": bodies["buergermeisterrunde"], "person_name": person},
            {"function": function, "municipality": municipalities[slug], "role": role,
             "start_date": start, "end_date": end, "is_demo": is_demo},
        )  # fmt: skip
    # The Sprecher also chairs the Beirat; as a mayor he holds none of Havixbeck's council seats.
    log.upsert(
        Membership,
        {"body": bodies["beirat"], "person_name": "Jörn Möltgen"},
        {"function": "Bürgermeister der Gemeinde Havixbeck, Sprecher der Bürgermeisterrunde",
         "municipality": None, "role": R.CHAIR, "start_date": D(2024, 1, 1), "end_date": None,
         "is_demo": False},
    )  # fmt: skip
    _load_demo_members(log, bodies, municipalities, contacts)


def _load_demo_members(log, bodies, municipalities, contacts):
    """Invented people only, with names that cannot be mistaken for real ones."""
    for slug, municipality in municipalities.items():
        seats = BEIRAT_SEATS_MUENSTER if slug == "muenster" else BEIRAT_SEATS_OTHERS
        for seat in range(1, seats + 1):
            title = "Beispiel-Botschafterin" if seat % 2 else "Beispiel-Botschafter"
            log.upsert(
                Membership,
                {"body": bodies["beirat"], "person_name": f"{title} {municipality.name} {seat}"},
                {"function": "Ratsmitglied", "municipality": municipality, "role": R.MEMBER,
                 "start_date": None, "end_date": None, "is_demo": True},
            )  # fmt: skip
        log.upsert(
            Membership,
            {"body": bodies["ansprechpartnerrunde"], "person_name": contacts[slug].name},
            {"function": "Ansprechperson Stadtregion", "municipality": municipality,
             "role": R.MEMBER, "start_date": None, "end_date": None, "is_demo": True},
        )  # fmt: skip
    for key, role in (("geschaeftsstelle", R.LEAD), ("referat", R.MEMBER)):
        log.upsert(
            Membership,
            {"body": bodies["geschaeftsstelle"], "person_name": contacts[key].name},
            {"function": contacts[key].role, "municipality": None, "role": role,
             "start_date": None, "end_date": None, "is_demo": True},
        )  # fmt: skip


P = TimelineEvent.Precision
# date, precision, title, description, link. Keyed on the title.
TIMELINE = [
    (D(2001, 1, 1), P.YEAR, "Die Zusammenarbeit beginnt",
     "Münster und die Nachbarkommunen gründen ihr Netzwerk, aus dem die Stadtregion "
     "hervorgeht.", ""),
    (D(2007, 1, 1), P.YEAR, "Ostbevern tritt bei",
     "Mit Ostbevern arbeiten nun zwölf Kommunen in der Stadtregion zusammen.", ""),
    (D(2015, 6, 19), P.DAY, "Auszeichnung als „Energie- und Klimaschutzregion“",
     "Als erste Region in Deutschland erhält die Stadtregion das Label des European Energy "
     "Award. Ziel ist eine CO₂-neutrale Region bis 2050.", ""),
    (D(2017, 11, 6), P.DAY, "1. Rätetreffen: „Regionales Zukunftsforum Mobilität und Wohnen“",
     "Rund 200 Ratsmitglieder arbeiten im LWL-Museum für Kunst und Kultur in Münster in "
     "zwölf Arbeitsgruppen.", ""),
    (D(2018, 12, 31), P.YEAR, "Kontrakt und Handlungskonzept in allen zwölf Räten",
     "Ende 2018 beschließen alle zwölf Räte gleichlautend den Kontrakt zur Zusammenarbeit und "
     "beraten das Handlungskonzept mit den Leitprojekten „Wohnregion 2030“ und „Velorouten“.",
     ""),
    (D(2019, 12, 31), P.YEAR, "Kontrakt mit neuer Zusammensetzung des Beirats",
     "Die Räte beschließen den Kontrakt erneut, mit einer geänderten Zusammensetzung des "
     "Beirats Stadtregion.", ""),
    (D(2020, 10, 1), P.MONTH, "veloregion.de geht online",
     "Die Website stellt 14 Velorouten mit zusammen 218 Kilometern vor.",
     "https://www.veloregion.de"),
    (D(2020, 12, 31), P.YEAR, "Eine wachsende Region: Bilanz 2010 bis 2020",
     "Von 2010 bis 2020 steigt die Einwohnerzahl um 9 Prozent, die Zahl der Beschäftigten um "
     "25 Prozent und die Zahl der Pendlerinnen und Pendler um 17 Prozent.", ""),
    (D(2022, 6, 30), P.YEAR, "Bericht zur Wohnungsmarktbeobachtung in allen Räten",
     "Der Bericht „Entwicklungsorientierte Wohnungsmarktbeobachtung“ (eWoMaB) mit 45 lokalen "
     "Profilen wird in allen zwölf Räten beraten.", ""),
    (D(2022, 8, 26), P.YEAR, "2. Rätetreffen: „Sommerfest Stadtregion“",
     "Die Ratsmitglieder der zwölf Kommunen treffen sich zum Sommerfest.", ""),
    (D(2024, 9, 18), P.DAY, "3. Rätetreffen: „Kaleidoskop Stadtregion Münster“",
     "Rund 180 Ratsmitglieder kommen zum dritten Rätetreffen zusammen.", ""),
]  # fmt: skip


def load_timeline(log: SeedLog) -> None:
    for date, precision, title, description, link in TIMELINE:
        log.upsert(
            TimelineEvent,
            {"title": title},
            {"date": date, "precision": precision, "description": description, "link": link},
        )
