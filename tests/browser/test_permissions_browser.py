"""Permissions-Policy in a real browser: the features the site never uses are off everywhere,
while the map frame and the YouTube player in our video frame may still go fullscreen."""

import pytest

from projects.models import Project

pytestmark = pytest.mark.browser

ALLOWS = "name => document.featurePolicy.allowsFeature(name)"


def frame(page, url_part: str):
    return next(f for f in page.frames if url_part in f.url)


def test_frames_keep_what_they_need_and_nothing_else(site, new_context):
    context = new_context()
    page = context.new_page()
    page.goto("/karte/")
    page.get_by_role("button", name="Alle akzeptieren").click()
    page.frame_locator("iframe.embed-frame").first.locator(".map-marker").first.wait_for()
    map_frame = frame(page, "/einbettung/karte/")
    assert map_frame.evaluate("document.fullscreenEnabled")
    for document in (page.main_frame, map_frame):
        for feature in ("camera", "geolocation", "microphone", "payment", "usb"):
            assert document.evaluate(ALLOWS, feature) is False, feature

    video = Project.objects.published().exclude(video_url="").first()
    page.goto(video.get_absolute_url())
    player = page.frame_locator("iframe.embed-frame").frame_locator("iframe.video-player")
    player.locator("text=external stub").wait_for()
    youtube = frame(page, "youtube-nocookie.com")
    for feature in ("fullscreen", "picture-in-picture", "encrypted-media"):
        assert youtube.evaluate(ALLOWS, feature) is True, feature
    for feature in ("camera", "autoplay", "geolocation"):
        assert youtube.evaluate(ALLOWS, feature) is False, feature
