"""The whole interface over the seeded portal: every object valid, nothing private."""

from members.models import ContactPerson
from tests.conftest import load_seeded_rows

from .oparl_schema import TYPE_PREFIX, validate
from .test_schema import crawl


def test_seeded_portal_is_valid_oparl(client, seeded_site, db, settings):
    load_seeded_rows(seeded_site.rows)
    settings.MEDIA_ROOT = seeded_site.media_root
    answers = crawl(client)
    objects = [found for data in answers.values() for obj in data.get("data", [data])
               for found in validate(obj)]  # fmt: skip
    types = [obj["type"].removeprefix(TYPE_PREFIX) for obj in objects if not obj.get("deleted")]
    for name in ("Meeting", "AgendaItem", "File", "Membership", "Organization", "Location"):
        assert types.count(name) >= 2, name
    text = str(answers)
    contacts = ContactPerson.objects.exclude(email="").values_list("email", flat=True)
    assert contacts and not any(email in text for email in contacts)
