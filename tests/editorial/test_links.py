"""Issue 19, links that survive: withdrawing or deleting a linked object names the texts that
link to it; the link check lists broken internal links of published texts."""

import pytest
from django.core.management import call_command

from editorial.links import broken_links, internal_links
from pages.models import Page
from tests.admin_helpers import admin_url
from tests.factories import PageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def linked():
    target = PageFactory(slug="ziel", title="Zielseite")
    source = PageFactory(slug="quelle", title="Verweisende Seite", body="Siehe [Ziel](/ziel/).")
    return target, source


def test_internal_links_are_found():
    text = 'A [x](/a/ "Titel") b [y](https://example.org/) <a href="/c/#d">c</a> [z](/e/?f=1)'
    assert internal_links(text) == {"/a/", "/c/", "/e/"}


def test_delete_confirmation_names_the_linking_texts(editor_client, linked):
    target, _source = linked
    html = editor_client.get(admin_url(Page, "delete", target.pk)).content.decode()
    assert "veröffentlichte Texte verlinken hierher" in html
    assert "„Verweisende Seite“" in html


def test_withdrawing_names_the_linking_texts(editor_client, linked):
    target, _source = linked
    response = editor_client.post(
        admin_url(Page, "changelist"),
        {"action": "unpublish", "_selected_action": [target.pk]},
        follow=True,
    )
    assert "auf „Zielseite“ verlinken „Verweisende Seite“" in response.content.decode()


def test_link_check_lists_broken_internal_links(admin_client, linked, capsys):
    target, _source = linked
    Page.objects.filter(pk=target.pk).update(is_published=False)
    PageFactory(slug="heil", body="[Quelle](/quelle/) und [weg](/gibt-es-nicht/)")

    broken = {(str(link.source), link.path, link.status) for link in broken_links()}

    assert broken == {
        ("Verweisende Seite", "/ziel/", 404),
        (Page.objects.get(slug="heil").title, "/gibt-es-nicht/", 404),
    }
    html = admin_client.get("/admin/editorial/redirect/linkpruefung/").content.decode()
    assert "2 defekte interne Links" in html
    with pytest.raises(SystemExit):
        call_command("check_links")
    assert "/gibt-es-nicht/" in capsys.readouterr().out
