"""The three real Rätetreffen and demo meetings around the seed date, with agenda items.

Results and votes are seeded only for the past demo meetings (invented, like the meetings
themselves, which the site marks as demo content); the real Rätetreffen were forums without
votes.
"""

import datetime
from dataclasses import dataclass

from django.utils import timezone

from governance.models import AgendaItem, Body, Meeting

from .base import SeedLog

TIME_NOTE = "Datum nach öffentlichen Quellen; die angegebene Uhrzeit ist ungefähr."
DEMO_PLACE = "Sitzungsraum (Beispielort)"
PUBLIC = Meeting.Attendance.PUBLIC
COUNCILS = Meeting.Attendance.COUNCILS  # Rätetreffen: open to every council member of the twelve
CLOSED = Meeting.Attendance.CLOSED


@dataclass(frozen=True)
class Venue:
    """Where a demo meeting takes place and how to get in: invented, marked as examples."""

    location: str
    room: str
    address: str
    step_free_access: str
    directions: str


DEMO_VENUE = Venue(
    "Stadthaus 1 (Beispielort)",
    "Sitzungssaal im Erdgeschoss (Beispiel)",
    "Klemensstraße 10, 48143 Münster",
    "Stufenloser Eingang an der Klemensstraße, Aufzug zu allen Etagen, barrierefreie Toilette "
    "im Erdgeschoss. Eine mobile Höranlage oder Gebärdensprachdolmetschung bitte bis zwei "
    "Wochen vorher bei der Geschäftsstelle anfragen. (Beispielangaben)",
    "Bus: Haltestelle „Prinzipalmarkt“, etwa 200 Meter zu Fuß. Parkhaus „Stubengasse“ mit "
    "Behindertenparkplätzen, etwa 300 Meter. (Beispielangaben)",
)
NO_VENUE = Venue("", "", "", "", "")


@dataclass(frozen=True)
class Decision:
    result: str
    text: str = ""
    votes: tuple[int, int, int] | None = None  # yes, no, abstentions


NOTED = Decision(AgendaItem.Result.NOTED)


@dataclass
class MeetingData:
    slug: str
    body: str
    title: str
    day: datetime.date
    hour: int
    description: str
    hours: int | None = None  # duration, where known or invented
    location: str = ""
    address: str = ""
    is_demo: bool = False
    agenda: tuple = ()  # (title, is_public) or (title, is_public, Decision)
    attendance: str = ""
    venue: Venue = NO_VENUE  # a demo venue replaces location and address
    minutes_within: int | None = None  # days after the meeting the minutes should follow


def at(day: datetime.date, hour: int) -> datetime.datetime:
    """A local (Europe/Berlin) time as an aware datetime."""
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def weekday_from(day: datetime.date) -> datetime.date:
    """The first Tuesday, Wednesday or Thursday on or after ``day``: a typical meeting day."""
    while day.weekday() not in (1, 2, 3):
        day += datetime.timedelta(days=1)
    return day


def real_meetings() -> list[MeetingData]:
    return [
        MeetingData(
            "2017-11-06-raetetreffen", "raetetreffen",
            "1. Rätetreffen: Regionales Zukunftsforum Mobilität und Wohnen",
            datetime.date(2017, 11, 6), 17,
            "Rund 200 Ratsmitglieder aus den zwölf Kommunen berieten in zwölf Arbeitsgruppen "
            f"über Mobilität und Wohnen in der Region.\n\n*{TIME_NOTE}*",
            location="LWL-Museum für Kunst und Kultur", address="Domplatz 10, 48143 Münster",
            attendance=COUNCILS,
            agenda=(("Arbeit in zwölf Arbeitsgruppen zu Mobilität und Wohnen", True),),
        ),
        # The 2nd Rätetreffen took place in summer 2022; its day is not public, so the date
        # is an approximation and the entry is flagged as demo content.
        MeetingData(
            "2022-sommerfest-stadtregion", "raetetreffen", "2. Rätetreffen: Sommerfest Stadtregion",
            datetime.date(2022, 8, 26), 17,
            "Das zweite Rätetreffen fand im Sommer 2022 als Sommerfest statt. Das genaue Datum "
            "ist nicht überliefert; Tag und Uhrzeit sind hier ungefähr angegeben.",
            is_demo=True, attendance=COUNCILS,
        ),
        MeetingData(
            "2024-09-18-raetetreffen", "raetetreffen",
            "3. Rätetreffen: Kaleidoskop Stadtregion Münster", datetime.date(2024, 9, 18), 17,
            "Rund 180 Ratsmitglieder aus den zwölf Kommunen kamen zum dritten Rätetreffen "
            f"zusammen.\n\n*{TIME_NOTE}*",
            attendance=COUNCILS,
        ),
    ]  # fmt: skip


def demo_meetings(today: datetime.date) -> list[MeetingData]:
    """Dates move with the seed day, so there are always upcoming and past meetings.

    The slugs are fixed: running the seed again updates the dates instead of adding meetings.
    """

    def shift(days: int) -> datetime.date:
        return weekday_from(today + datetime.timedelta(days=days))

    return [
        MeetingData(
            "beirat-naechste-sitzung-demo", "beirat", "Sitzung des Beirats Stadtregion",
            shift(21), 17, "Regelmäßige Sitzung des Beirats.", hours=2, is_demo=True,
            attendance=PUBLIC, venue=DEMO_VENUE, minutes_within=42,
            agenda=(
                ("Begrüßung und Feststellung der Tagesordnung", True),
                ("Bericht aus der Bürgermeisterrunde", True),
                ("Sachstand Leitprojekt „Velorouten“", True),
                ("Wohnungsmarktbeobachtung: nächste Schritte", True),
                ("Verschiedenes", True),
            ),
        ),
        MeetingData(
            "buergermeisterrunde-naechste-sitzung-demo", "buergermeisterrunde",
            "Sitzung der Bürgermeisterrunde", shift(45), 10,
            "Regelmäßige Sitzung der Bürgermeisterinnen und Bürgermeister.", hours=2,
            location=DEMO_PLACE, is_demo=True, attendance=CLOSED,
            agenda=(
                ("Genehmigung der Niederschrift der letzten Sitzung", True),
                ("Projekthaushalt und Kostenschlüssel der Geschäftsstelle", True),
                ("Bericht aus den Handlungsfeldern", True),
                ("Personalangelegenheiten der Geschäftsstelle", False),
            ),
        ),
        MeetingData(
            "ansprechpartnerrunde-letzte-sitzung-demo", "ansprechpartnerrunde",
            "Sitzung der Ansprechpartnerrunde", shift(-30), 9,
            "Abstimmung der Verwaltungen mit der Geschäftsstelle.", hours=3,
            location=DEMO_PLACE, is_demo=True, attendance=CLOSED,
            agenda=(
                ("Stand der Projekte in den vier Handlungsfeldern", True, NOTED),
                ("Vorbereitung der Sitzung der Bürgermeisterrunde", True, Decision(
                    AgendaItem.Result.ADOPTED,
                    "Die Ansprechpartnerrunde empfiehlt der Bürgermeisterrunde, den Sachstand "
                    "der Velorouten in ihrer nächsten Sitzung zu beraten.",
                )),
                ("Termine und Verschiedenes", True, NOTED),
            ),
        ),
        MeetingData(
            "beirat-letzte-sitzung-demo", "beirat", "Sitzung des Beirats Stadtregion",
            shift(-150), 17, "Regelmäßige Sitzung des Beirats.", hours=2, is_demo=True,
            attendance=PUBLIC, venue=DEMO_VENUE,
            agenda=(
                ("Begrüßung und Feststellung der Tagesordnung", True, Decision(
                    AgendaItem.Result.ADOPTED, "Die Tagesordnung wird festgestellt.", (34, 0, 0),
                )),
                ("Klimaschutz in der Bauleitplanung: Erfahrungen aus den Kommunen", True, Decision(
                    AgendaItem.Result.ADOPTED_AMENDED,
                    "Der Beirat empfiehlt den Räten der zwölf Kommunen, gemeinsame Leitlinien "
                    "für den Klimaschutz in der Bauleitplanung zu erarbeiten. Die Leitlinien "
                    "sollen dem Beirat vor der Beratung in den Räten vorgestellt werden.",
                    (29, 3, 2),
                )),
                ("Schulentwicklung in der Region", True, Decision(
                    AgendaItem.Result.POSTPONED,
                    "Der Punkt wird auf die nächste Sitzung vertagt.",
                )),
            ),
        ),
    ]  # fmt: skip


def outcome(decision: Decision | None = None) -> dict:
    """The result fields of an agenda item; empty ones where nothing was decided yet."""
    if decision is None:
        decision = Decision(AgendaItem.Result.NONE)
    yes, no, abstain = decision.votes or (None, None, None)
    return {
        "result": decision.result,
        "resolution_text": decision.text,
        "votes_yes": yes,
        "votes_no": no,
        "votes_abstain": abstain,
    }


def load_meetings(log: SeedLog, bodies: dict[str, Body], today: datetime.date):
    meetings = {}
    for data in real_meetings() + demo_meetings(today):
        start = at(data.day, data.hour)
        end = start + datetime.timedelta(hours=data.hours) if data.hours else None
        venue = data.venue
        minutes_by = (
            data.day + datetime.timedelta(days=data.minutes_within) if data.minutes_within else None
        )
        meeting = log.upsert(
            Meeting,
            {"slug": data.slug},
            {
                "body": bodies[data.body],
                "title": data.title,
                "start": start,
                "end": end,
                "location": venue.location or data.location,
                "room": venue.room,
                "address": venue.address or data.address,
                "step_free_access": venue.step_free_access,
                "directions": venue.directions,
                "attendance": data.attendance,
                "minutes_expected": minutes_by,
                "description": data.description,
                "cancelled": False,
                "is_demo": data.is_demo,
                "is_published": True,
            },
        )
        for number, (title, is_public, *decision) in enumerate(data.agenda, start=1):
            log.upsert(
                AgendaItem,
                {"meeting": meeting, "number": str(number)},
                {"title": title, "is_public": is_public, "order": number, **outcome(*decision)},
            )
        meetings[data.slug] = meeting
    return meetings
