import pytest

from accessibility.models import AccessibilityFeedback
from tests.admin_helpers import (
    AdminCase,
    admin_url,
    check_pages,
    check_save_recorded,
    form_errors,
    post_change,
    result_ids,
)
from tests.factories import AccessibilityFeedbackFactory, SignLanguageVideoFactory

pytestmark = pytest.mark.django_db


def _videos():
    return (
        SignLanguageVideoFactory(title="Navigation in Gebärdensprache", topic="navigation"),
        SignLanguageVideoFactory(title="Inhalte", topic="inhalt"),
    )


VIDEO_CASE = AdminCase(
    _videos,
    search="Navigation",
    filters={"topic__exact": "navigation"},
    change={"description": "Erklärt das Menü der Website."},
)


def test_editor_can_use_every_sign_language_video_admin_page(editor_client):
    check_pages(editor_client, VIDEO_CASE)


def test_editor_saves_to_sign_language_videos_are_kept_in_history(editor_client, editor):
    check_save_recorded(editor_client, editor, VIDEO_CASE)


def test_editor_works_through_feedback_but_cannot_alter_or_invent_reports(editor_client, editor):
    feedback = AccessibilityFeedbackFactory(message="Die Karte ist per Tastatur nicht bedienbar.")
    other = AccessibilityFeedbackFactory(status=AccessibilityFeedback.Status.DONE)
    changelist = admin_url(AccessibilityFeedback, "changelist")

    assert result_ids(editor_client.get(changelist, {"q": "Tastatur"})) == {feedback.pk}
    assert result_ids(editor_client.get(changelist, {"status__exact": "neu"})) == {feedback.pk}
    assert other.pk in result_ids(editor_client.get(changelist))
    # Reports come only from visitors through the public form.
    assert editor_client.get(admin_url(AccessibilityFeedback, "add")).status_code == 403

    response = post_change(
        editor_client,
        feedback,
        status="in_bearbeitung",
        message="Umgeschrieben",
        staff_note="Ticket 12",
    )

    assert response.status_code == 302, form_errors(response)
    feedback.refresh_from_db()
    assert feedback.status == AccessibilityFeedback.Status.IN_PROGRESS
    assert feedback.staff_note == "Ticket 12"
    assert feedback.message == "Die Karte ist per Tastatur nicht bedienbar."  # read-only
    assert feedback.history.first().history_user == editor
