"""Drives the admin like a browser does: read a rendered form, change some values, post it."""

from dataclasses import dataclass, field
from typing import Any

from django import forms
from django.urls import reverse


def two_factor_login(client, user):
    """Signs ``user`` in on ``client`` with a confirmed TOTP device, as a login with a one-time
    code does (staff may use the admin and see drafts only so; see core.staff)."""
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    client.force_login(user)
    device, _ = TOTPDevice.objects.get_or_create(user=user, defaults={"name": "Test"})
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return device


def admin_url(model, view: str, *args) -> str:
    opts = model._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_{view}", args=args)


def _field_data(form, name: str, form_field) -> dict[str, Any]:
    key = form.add_prefix(name)
    value = form[name].value()
    if isinstance(form_field, forms.FileField):
        return {}  # nothing uploaded: the stored file stays
    if isinstance(form_field, forms.SplitDateTimeField):
        # A re-shown (bound) form holds the two posted parts already.
        day, time = value if isinstance(value, list) else form_field.widget.decompress(value)
        return {f"{key}_0": day or "", f"{key}_1": time or ""}
    if isinstance(form_field, forms.BooleanField):
        return {key: "on"} if value else {}
    if isinstance(value, list | tuple):
        return {key: [str(item) for item in value]}
    return {key: "" if value is None else str(value)}


def form_data(response) -> dict[str, Any]:
    """The data a browser posts for the admin form in ``response`` when nothing is changed."""
    data = {}
    if response.context.get("base_version"):  # the version the form started from
        data["_base_version"] = response.context["base_version"]
    forms_ = [response.context["adminform"].form]
    for inline in response.context.get("inline_admin_formsets", []):
        management = inline.formset.management_form
        data.update({management.add_prefix(n): management[n].value() for n in management.fields})
        forms_.extend(inline.formset.forms)
    for form in forms_:
        for name, form_field in form.fields.items():
            data.update(_field_data(form, name, form_field))
    return data


def add_inline_row(data: dict[str, Any], prefix: str, **values) -> None:
    """Appends a filled-in row to the inline formset ``prefix``, as "Weitere hinzufügen" does."""
    index = int(data[f"{prefix}-TOTAL_FORMS"])
    data[f"{prefix}-TOTAL_FORMS"] = str(index + 1)
    data.update({f"{prefix}-{index}-{name}": value for name, value in values.items()})


def form_errors(response) -> list[str]:
    """Every error message on an admin add/change page (empty when it redirected)."""
    if response.status_code != 200 or not response.context:
        return []
    messages = []
    for error_list in response.context["adminform"].form.errors.values():
        messages.extend(error_list)
    for inline in response.context.get("inline_admin_formsets", []):
        messages.extend(inline.formset.non_form_errors())
        for form_errors_ in inline.formset.errors:
            for error_list in form_errors_.values():
                messages.extend(error_list)
    return [str(message) for message in messages]


def post_change(client, obj, **changes):
    url = admin_url(type(obj), "change", obj.pk)
    data = form_data(client.get(url))
    data.update(changes)
    return client.post(url, data)


def publish_pending(client, obj, **kwargs):
    """Opens "Änderung veröffentlichen" of a live object's draft and confirms what it shows."""
    url = admin_url(type(obj), "publish_pending", obj.pk)
    confirm = client.get(url)
    if confirm.status_code != 200:
        return confirm
    return client.post(url, {"_base_version": confirm.context["base_version"]}, **kwargs)


@dataclass
class AdminCase:
    """One model's admin as the Redaktion uses it.

    ``make`` builds the object under test and a second one that neither ``search`` nor
    ``filters`` match, so both narrow the changelist visibly. ``change`` is posted to the
    object's change form.
    """

    make: Any
    search: str
    filters: dict[str, str] | None
    change: dict[str, str] = field(default_factory=dict)

    def __str__(self):
        return self.search


def result_ids(response) -> set[int]:
    return {obj.pk for obj in response.context["cl"].result_list}


def check_pages(client, case: AdminCase) -> None:
    """Changelist (plain, searched, filtered), add, change and history pages all render."""
    obj, other = case.make()
    model = type(obj)
    changelist = admin_url(model, "changelist")

    response = client.get(changelist)
    assert response.status_code == 200
    assert {obj.pk, other.pk} <= result_ids(response)

    response = client.get(changelist, {"q": case.search})
    assert response.status_code == 200
    assert obj.pk in result_ids(response)
    assert other.pk not in result_ids(response)

    if case.filters is not None:
        response = client.get(changelist, case.filters)
        assert response.status_code == 200  # an unknown filter would redirect with ?e=1
        assert obj.pk in result_ids(response)
        assert other.pk not in result_ids(response)

    assert client.get(admin_url(model, "add")).status_code == 200
    assert client.get(admin_url(model, "change", obj.pk)).status_code == 200
    response = client.get(admin_url(model, "history", obj.pk))
    assert response.status_code == 200


def check_save_recorded(client, user, case: AdminCase) -> None:
    """A change saved in the admin lands in the object's history, with the editor's name."""
    obj, _other = case.make()
    versions = obj.history.count()

    response = post_change(client, obj, **case.change)

    assert response.status_code == 302, form_errors(response)
    obj.refresh_from_db()
    for name, value in case.change.items():
        assert str(getattr(obj, name)) == value
    assert obj.history.count() == versions + 1
    latest = obj.history.first()
    assert latest.history_type == "~"
    assert latest.history_user == user
    response = client.get(admin_url(type(obj), "history", obj.pk))
    assert response.status_code == 200
    assert "redaktion" in response.content.decode()
    # The previous version opens as a form from which it can be restored.
    previous = obj.history.all()[1]
    response = client.get(admin_url(type(obj), "simple_history", obj.pk, previous.history_id))
    assert response.status_code == 200


def changelist_query_count(client, model) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        assert client.get(admin_url(model, "changelist")).status_code == 200
    return len(queries)


def check_changelist_queries_constant(client, model, make) -> None:
    """The list costs the same number of queries for one row as for many (no query per row)."""
    make()
    few = changelist_query_count(client, model)
    for _ in range(4):
        make()
    assert changelist_query_count(client, model) == few
