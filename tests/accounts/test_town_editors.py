"""The Kommunale Redaktion (members.editors): with two towns and an editor for each, every editor
changes their own town's page, contacts and projects, and sees everything else read-only."""

from dataclasses import dataclass

import pytest
from django.contrib.auth.models import Group
from django.core.management.sql import emit_post_migrate_signal
from django.test import Client

from members.editors import TOWN_EDITOR_GROUP_NAME
from members.models import ContactPerson, Municipality, MunicipalityEditor
from pages.models import NewsArticle
from projects.models import Project
from stadtregion.permissions import content_app_labels
from tests.admin_helpers import (
    add_inline_row,
    admin_url,
    check_changelist_queries_constant,
    form_data,
    form_errors,
    post_change,
    result_ids,
    two_factor_login,
)
from tests.factories import (
    ContactPersonFactory,
    MeetingFactory,
    MunicipalityFactory,
    NewsArticleFactory,
    PageFactory,
    ProjectFactory,
)

pytestmark = pytest.mark.django_db

REFUSED = "Diese Seite oder Aktion ist Ihrem Konto nicht freigegeben"


@dataclass
class Town:
    municipality: Municipality
    contact: ContactPerson
    project: Project  # this town's alone
    user: object
    client: Client


def make_town_editor(django_user_model, username: str, *towns, groups=(TOWN_EDITOR_GROUP_NAME,)):
    user = django_user_model.objects.create_user(username, password="x", is_staff=True)
    user.groups.add(*Group.objects.filter(name__in=groups))
    for town in towns:
        MunicipalityEditor.objects.create(user=user, municipality=town)
    return user


def _town(django_user_model, name: str) -> Town:
    municipality = MunicipalityFactory(name=name)
    user = make_town_editor(django_user_model, f"redaktion-{municipality.slug}", municipality)
    client = Client()
    two_factor_login(client, user)
    return Town(
        municipality=municipality,
        contact=ContactPersonFactory(municipality=municipality),
        project=ProjectFactory(municipalities=[municipality]),
        user=user,
        client=client,
    )


@pytest.fixture
def towns(django_user_model) -> tuple[Town, Town]:
    return _town(django_user_model, "Havixbeck"), _town(django_user_model, "Telgte")


@pytest.fixture(params=["first", "second"])
def mine_and_other(request, towns) -> tuple[Town, Town]:
    """Each test runs for both editors, so neither town is special."""
    first, second = towns
    return (first, second) if request.param == "first" else (second, first)


def assert_read_only(client, obj) -> None:
    """The change form opens without a save button, and a POST to it is refused in German."""
    url = admin_url(type(obj), "change", obj.pk)
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'name="_save"' not in html
    assert 'name="_continue"' not in html
    data = form_data(response)
    response = client.post(url, data)
    assert response.status_code == 403
    assert REFUSED in response.content.decode()


def test_the_group_may_view_everything_but_change_only_town_content():
    group = Group.objects.get(name=TOWN_EDITOR_GROUP_NAME)
    codenames = {
        f"{p.content_type.app_label}.{p.codename}"
        for p in group.permissions.select_related("content_type")
    }

    changeable = {name for name in codenames if not name.split(".")[1].startswith("view_")}
    assert changeable == {
        "members.change_municipality",
        "members.add_contactperson",
        "members.change_contactperson",
        "members.delete_contactperson",
        "projects.change_project",
        "pages.add_newsarticle",
        "pages.change_newsarticle",
    }
    assert {
        "governance.view_meeting",
        "pages.view_page",
        "pages.view_newsarticle",
        "projects.view_workinggroup",
        "members.view_historicalmunicipality",
    } <= codenames
    # Visitors' accessibility reports hold personal data: for the Geschäftsstelle only.
    assert "accessibility.view_accessibilityfeedback" not in codenames
    assert {name.split(".")[0] for name in codenames} <= content_app_labels()


def test_post_migrate_restores_the_group():
    Group.objects.filter(name=TOWN_EDITOR_GROUP_NAME).delete()

    emit_post_migrate_signal(verbosity=0, interactive=False, db="default")

    group = Group.objects.get(name=TOWN_EDITOR_GROUP_NAME)
    assert group.permissions.filter(codename="change_project").exists()


def test_each_editor_changes_their_town_page(mine_and_other):
    mine, _other = mine_and_other

    response = post_change(mine.client, mine.municipality, population="12.512")

    assert response.status_code == 302, form_errors(response)
    mine.municipality.refresh_from_db()
    assert mine.municipality.population == 12512
    assert mine.municipality.history.first().history_user == mine.user


def test_the_other_town_page_is_read_only(mine_and_other):
    mine, other = mine_and_other

    assert_read_only(mine.client, other.municipality)
    other.municipality.refresh_from_db()
    assert other.municipality.population == 12000


def test_the_list_position_stays_with_the_redaktion(towns):
    mine = towns[0]

    response = post_change(mine.client, mine.municipality, order="99")

    assert response.status_code == 302, form_errors(response)
    mine.municipality.refresh_from_db()
    assert mine.municipality.order == 0


def test_contacts_inline_is_editable_for_the_own_town_only(mine_and_other):
    mine, other = mine_and_other
    url = admin_url(Municipality, "change", mine.municipality.pk)
    data = form_data(mine.client.get(url))
    data["contacts-0-role"] = "Bürgermeisterin"
    add_inline_row(data, "contacts", name="Neue Person", role="Stadtregion", order="1")

    response = mine.client.post(url, data)

    assert response.status_code == 302, form_errors(response)
    mine.contact.refresh_from_db()
    assert mine.contact.role == "Bürgermeisterin"
    assert mine.municipality.contacts.filter(name="Neue Person").exists()

    html = mine.client.get(admin_url(Municipality, "change", other.municipality.pk)).content
    assert other.contact.name.encode() in html  # shown, as text only
    assert b'name="contacts-0-role"' not in html


def test_contacts_of_the_own_town_only(mine_and_other):
    mine, other = mine_and_other

    response = post_change(mine.client, mine.contact, phone="02507 33-0")
    assert response.status_code == 302, form_errors(response)
    assert_read_only(mine.client, other.contact)

    # A contact can be moved only among the editor's own towns, never to the Geschäftsstelle.
    for municipality in (str(other.municipality.pk), ""):
        response = post_change(mine.client, mine.contact, municipality=municipality)
        assert response.status_code == 200
        assert form_errors(response)
    mine.contact.refresh_from_db()
    assert mine.contact.municipality == mine.municipality

    response = mine.client.post(
        admin_url(ContactPerson, "delete", other.contact.pk), {"post": "yes"}
    )
    assert response.status_code == 403
    response = mine.client.post(
        admin_url(ContactPerson, "delete", mine.contact.pk), {"post": "yes"}
    )
    assert response.status_code == 302
    assert ContactPerson.objects.filter(pk=other.contact.pk).exists()
    assert not ContactPerson.objects.filter(pk=mine.contact.pk).exists()


def test_new_contacts_go_to_the_own_town(towns):
    mine, other = towns
    url = admin_url(ContactPerson, "add")
    response = mine.client.get(url)
    choices = [
        value for value, _label in response.context["adminform"].form["municipality"].field.choices
    ]
    assert [str(value) for value in choices if value] == [str(mine.municipality.pk)]

    data = {"name": "Neu", "role": "Stadtregion", "order": "0"}
    response = mine.client.post(url, {**data, "municipality": other.municipality.pk})
    assert response.status_code == 200 and form_errors(response)
    response = mine.client.post(url, {**data, "municipality": mine.municipality.pk})
    assert response.status_code == 302, form_errors(response)


def test_projects_with_the_own_town_only(mine_and_other):
    mine, other = mine_and_other
    MunicipalityFactory(name="Senden")  # a project of all towns needs approval (editorial.review)
    shared = ProjectFactory(municipalities=[mine.municipality, other.municipality])

    for project in (mine.project, shared):
        response = post_change(mine.client, project, summary="Neu beschrieben.")
        assert response.status_code == 302, form_errors(response)
        project.refresh_from_db()
        assert project.summary == "Neu beschrieben."
    assert_read_only(mine.client, other.project)


def test_the_towns_of_a_project_stay_as_the_redaktion_set_them(towns):
    mine, other = towns
    shared = ProjectFactory(municipalities=[mine.municipality, other.municipality])

    # Leaving a shared project (locking the other town out), or putting one's own project on
    # the other town's page: the field is read-only, so the posted value is ignored.
    post_change(mine.client, shared, municipalities=[str(other.municipality.pk)])
    post_change(mine.client, mine.project, municipalities=[str(other.municipality.pk)])

    assert set(shared.municipalities.all()) == {mine.municipality, other.municipality}
    assert list(mine.project.municipalities.all()) == [mine.municipality]


@pytest.mark.parametrize(
    "make",
    [MeetingFactory, PageFactory, NewsArticleFactory],
    ids=["meeting", "page", "news"],
)
def test_other_content_is_read_only(towns, make):
    mine = towns[0]
    obj = make()

    assert_read_only(mine.client, obj)
    if not isinstance(obj, NewsArticle):  # they write news of their own towns
        assert mine.client.get(admin_url(type(obj), "add")).status_code == 403


def test_bulk_actions_only_on_own_rows(towns):
    mine, other = towns
    Project.objects.update(is_published=False)
    changelist = admin_url(Project, "changelist")
    action = {"action": "publish", "index": "0"}

    response = mine.client.post(
        changelist, {**action, "_selected_action": [mine.project.pk, other.project.pk]}
    )
    assert response.status_code == 403
    assert not Project.objects.filter(is_published=True).exists()

    response = mine.client.post(changelist, {**action, "_selected_action": [mine.project.pk]})
    assert response.status_code == 302
    assert list(Project.objects.filter(is_published=True)) == [mine.project]


def test_bulk_delete_of_other_towns_contacts_is_refused(towns):
    mine, other = towns
    data = {"action": "delete_selected", "_selected_action": [other.contact.pk], "post": "yes"}

    response = mine.client.post(admin_url(ContactPerson, "changelist"), data)

    assert response.status_code == 403
    assert ContactPerson.objects.filter(pk=other.contact.pk).exists()


def test_the_list_of_towns_is_not_editable_in_place(towns):
    mine, other = towns
    changelist = admin_url(Municipality, "changelist")

    response = mine.client.get(changelist)
    assert response.status_code == 200
    assert b'name="form-0-order"' not in response.content

    data = {
        "form-TOTAL_FORMS": "1",
        "form-INITIAL_FORMS": "1",
        "form-0-id": str(other.municipality.pk),
        "form-0-order": "99",
        "_save": "Sichern",
    }
    assert mine.client.post(changelist, data).status_code == 403
    other.municipality.refresh_from_db()
    assert other.municipality.order == 0


@pytest.mark.parametrize("model", [Municipality, ContactPerson, Project])
def test_changelists_offer_my_towns(towns, model):
    mine, other = towns
    ProjectFactory(municipalities=[mine.municipality, other.municipality])
    own = {
        Municipality: {mine.municipality.pk},
        ContactPerson: {mine.contact.pk},
        Project: set(
            Project.objects.filter(municipalities=mine.municipality).values_list("pk", flat=True)
        ),
    }[model]

    response = mine.client.get(admin_url(model, "changelist"), {"zustaendigkeit": "meine"})

    assert response.status_code == 200
    assert "Meine Kommune(n)" in response.content.decode()
    assert result_ids(response) == own


def test_changelist_queries_do_not_grow_with_rows(towns):
    mine = towns[0]
    check_changelist_queries_constant(
        mine.client, Project, lambda: ProjectFactory(municipalities=[mine.municipality])
    )


def _restore(client, obj, **changes):
    """Saves ``changes`` as the newest version, then posts the form of the previous version."""
    for name, value in changes.items():
        setattr(obj, name, value)
    obj.save()
    previous = obj.history.all()[1]
    url = admin_url(type(obj), "simple_history", obj.pk, previous.history_id)
    response = client.get(url)
    assert response.status_code == 200
    return client.post(url, form_data(response))


def test_restoring_a_version_is_a_change(towns):
    mine, other = towns

    assert _restore(mine.client, other.municipality, population=20000).status_code == 403
    other.municipality.refresh_from_db()
    assert other.municipality.population == 20000

    assert _restore(mine.client, mine.municipality, population=20000).status_code == 302
    mine.municipality.refresh_from_db()
    assert mine.municipality.population == 12000


def test_view_permission_alone_restores_nothing(towns):
    """simple-history's own view saves a version for anyone who may read the object."""
    page = PageFactory(title="Impressum")

    assert _restore(towns[0].client, page, title="Geändert").status_code == 403
    page.refresh_from_db()
    assert page.title == "Geändert"


def test_the_redaktion_restores_as_before(editor_client):
    page = PageFactory(title="Impressum", is_published=False)  # a draft restores directly

    assert _restore(editor_client, page, title="Geändert").status_code == 302
    page.refresh_from_db()
    assert page.title == "Impressum"


@pytest.mark.parametrize(
    "url",
    [
        "/admin/auth/user/",
        "/admin/auth/group/",
        "/admin/members/municipalityeditor/",
        "/admin/members/municipalityeditor/add/",
    ],
)
def test_town_editors_cannot_reach_accounts(towns, url):
    assert towns[0].client.get(url).status_code == 403


def test_town_editors_cannot_give_themselves_more(towns):
    mine = towns[0]
    url = admin_url(type(mine.user), "change", mine.user.pk)
    redaktion = Group.objects.get(name="Redaktion")

    assert (
        mine.client.post(
            url, {"username": mine.user.username, "groups": [redaktion.pk]}
        ).status_code
        == 403
    )
    assert not mine.user.groups.filter(pk=redaktion.pk).exists()


def test_the_role_narrows_even_within_the_redaktion(django_user_model, towns):
    mine, other = towns
    user = make_town_editor(
        django_user_model, "beides", mine.municipality, groups=("Redaktion", TOWN_EDITOR_GROUP_NAME)
    )
    client = Client()
    two_factor_login(client, user)

    assert_read_only(client, other.municipality)


def test_without_a_town_nothing_is_editable(django_user_model, towns):
    client = Client()
    two_factor_login(client, make_town_editor(django_user_model, "ohne-kommune"))

    for town in towns:
        assert_read_only(client, town.municipality)
        assert_read_only(client, town.project)


def test_the_redaktion_keeps_its_rights(editor_client, towns):
    mine, other = towns

    response = editor_client.get(admin_url(Municipality, "changelist"))
    assert b'name="form-0-order"' in response.content
    assert "Meine Kommune(n)" not in response.content.decode()
    response = post_change(
        editor_client,
        mine.project,
        municipalities=[str(mine.municipality.pk), str(other.municipality.pk)],
    )
    assert response.status_code == 302, form_errors(response)
    assert mine.project.municipalities.count() == 2


def test_the_geschaeftsstelle_assigns_towns_on_the_user_page(client, admin_user, towns):
    two_factor_login(client, admin_user)
    mine = towns[0]
    user = make_town_editor(type(admin_user), "neu-im-team")
    url = admin_url(type(user), "change", user.pk)

    response = client.get(url)
    assert "ist aber für keine Kommune zuständig" in response.content.decode()

    data = form_data(response)
    add_inline_row(data, "town_assignments", municipality=str(mine.municipality.pk))
    response = client.post(url, data)

    assert response.status_code == 302, form_errors(response)
    assert list(user.town_assignments.values_list("municipality", flat=True)) == [
        mine.municipality.pk
    ]
    assert "ist aber für keine Kommune zuständig" not in client.get(url).content.decode()


def test_only_superusers_assign_towns(client, editor, admin_user):
    # The Redaktion edits all content of the members app, but not who edits for which town.
    two_factor_login(client, editor)
    assert client.get("/admin/members/municipalityeditor/").status_code == 403
    two_factor_login(client, admin_user)
    assert client.get("/admin/members/municipalityeditor/").status_code == 200


def test_the_kommune_field_tells_town_editors_what_they_may_choose(towns, editor_client):
    """Not "leer lassen für die Geschäftsstelle": a town editor must pick a town of theirs."""
    mine = towns[0]
    html = mine.client.get(admin_url(ContactPerson, "add")).content.decode()
    assert "Leer lassen für die Geschäftsstelle" not in html
    assert "Eine Ihrer Kommunen" in html
    html = editor_client.get(admin_url(ContactPerson, "add")).content.decode()
    assert "Leer lassen für die Geschäftsstelle" in html
