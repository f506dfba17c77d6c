"""German wording of the back office (issue 19, bug 12): phrases of Django's and django-axes'
German catalogues that read badly, corrected in locale/de."""

import pytest
from django.urls import reverse
from django.utils import translation

from pages.models import NewsArticle
from projects.models import Project
from tests.admin_helpers import admin_url
from tests.factories import MunicipalityFactory, ProjectFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("msgid", "bad", "good"),
    [
        (
            "Please enter the correct %(username)s and password for a staff account. Note "
            "that both fields may be case-sensitive.",
            "Staff-Account",
            "Redaktionszugangs",
        ),
        ("The password is too similar to the %(verbose_name)s.", "zu ähnlich zu", "ähnelt"),
        ("Cannot delete %(name)s", "Kann ", "Löschen nicht möglich"),
        ("access logs", "Zugriffslogs", "Anmeldeprotokolle"),
        ("Attempt Remaining", "Versuch(e)", "verbleibende Versuche"),
    ],
)
def test_catalogue_phrases(msgid, bad, good):
    with translation.override("de"):
        text = translation.gettext(msgid)
    assert bad not in text
    assert good in text


def test_filters_and_news_are_named_in_german(editor_client):
    ProjectFactory(municipalities=[MunicipalityFactory()])
    html = editor_client.get(admin_url(Project, "changelist")).content.decode()
    assert "Nach beteiligte Kommunen" not in html
    assert "Filter: beteiligte Kommunen" in html

    html = editor_client.get(reverse("admin:index")).content.decode()
    assert "Seiten und Meldungen" in html
    assert str(NewsArticle._meta.verbose_name_plural) == "Meldungen"
    html = editor_client.get(admin_url(NewsArticle, "changelist")).content.decode()
    assert "Aktuelles" not in html
