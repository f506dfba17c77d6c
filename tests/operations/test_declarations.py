"""The models' declarations for the page cache, and the check that insists on them."""

from django.db.models import Q

from accessibility.models import AccessibilityFeedback
from core.project import project_app_configs
from governance.models import Meeting
from operations.checks import check_page_change_declarations


def test_the_project_apps_are_ours_and_no_library():
    labels = [config.label for config in project_app_configs()]
    assert labels[:3] == ["core", "uploads", "editorial"] and labels[-1] == "stadtregion"
    assert not {"auth", "axes", "simple_history", "leaflet", "otp_totp"} & set(labels)


def test_every_model_of_ours_declares_itself():
    assert check_page_change_declarations(None) == []


def test_a_model_without_declaration_fails_the_check(monkeypatch):
    monkeypatch.delattr(AccessibilityFeedback, "changes_public_pages")
    errors = check_page_change_declarations(None)
    assert [(error.id, error.obj) for error in errors] == [
        ("operations.E001", AccessibilityFeedback)
    ]


def test_a_moment_that_is_no_date_and_time_fails_the_check(monkeypatch):
    monkeypatch.setattr(Meeting, "page_change_moments", {"start": Q(), "title": Q()})
    errors = check_page_change_declarations(None)
    assert [(error.id, error.obj) for error in errors] == [("operations.E002", Meeting)]
