"""Demo content for the portal (``manage.py seed_demo``).

Real, public facts about the Stadtregion Münster (members, fields of action, bodies, people in
public roles, the Rätetreffen, the Chronik) plus invented examples that are flagged ``is_demo``
and shown as "Beispielinhalt". Every row is keyed on a natural key, so the seed is idempotent.
"""

import datetime

from django.db import transaction

from .base import SeedLog
from .documents import load_documents
from .fields import load_fields
from .figures import load_figures
from .governance import load_bodies, load_memberships, load_seat_quotas, load_timeline
from .meetings import load_meetings
from .members import load_contacts, load_municipalities
from .news import load_news
from .pages import load_pages
from .projects import load_projects, load_working_groups
from .synonyms import load_synonyms


@transaction.atomic
def seed_all(*, today: datetime.date) -> SeedLog:
    """Loads everything; demo meetings and planned projects are dated relative to ``today``."""
    log = SeedLog()
    municipalities = load_municipalities(log)
    contacts = load_contacts(log, municipalities)
    fields = load_fields(log)
    groups = load_working_groups(log, fields, municipalities, contacts)
    projects = load_projects(log, fields, groups, municipalities, today)
    bodies = load_bodies(log)
    load_seat_quotas(log, bodies["beirat"], municipalities)
    load_memberships(log, bodies, municipalities, contacts)
    meetings = load_meetings(log, bodies, today)
    documents = load_documents(
        log, bodies=bodies, meetings=meetings, projects=projects, fields=fields
    )
    load_figures(log, fields, municipalities, documents)
    load_timeline(log)
    load_pages(log)
    load_news(log, fields=fields, projects=projects, municipalities=municipalities)
    load_synonyms(log)
    return log


__all__ = ["SeedLog", "seed_all"]
