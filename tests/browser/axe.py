"""axe-core's WCAG 2.2 AA and best-practice rules, and AAA contrast, on the page as it is now."""

import os

from axe_playwright_python.base import AXE_SCRIPT

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
# AAA contrast (1.4.6, 7:1) goes beyond the tags above; the portal promises it.
EXTRA_RULES = {"color-contrast-enhanced": {"enabled": True}}
OPTIONS = {
    "runOnly": {"type": "tag", "values": WCAG_TAGS},
    "rules": EXTRA_RULES,
    "resultTypes": ["violations"],
}
# Only the violations cross over from the browser: axe's full result (passes, inapplicable
# rules) is several times larger and nothing here reads it.
# A frame is part of its page, which holds the main landmark and the heading.
PAGE_ONLY_RULES = {
    "landmark-one-main": {"enabled": False},
    "page-has-heading-one": {"enabled": False},
}
# The back office (BITV through EN 301 549): WCAG 2.2 AA, without the site's own best-practice
# and AAA promises.
ADMIN_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21aa", "wcag22aa"]},
    "resultTypes": ["violations"],
}
RUN = "options => axe.run(document, options).then(results => results.violations)"
# The first-visit crawl checks every public page in CI, one page per URL pattern elsewhere
# (a quarter of the cost). `CI=true make test` runs the full check locally.
EVERY_PAGE = os.environ.get("CI", "").lower() == "true"


def axe_violations(page, *, frame=False, admin=False) -> list[str]:
    """axe's findings in a page, or in a frame (both have evaluate and url); `admin` checks by
    the back office's standard."""
    page.evaluate(AXE_SCRIPT)  # as axe_playwright_python's Axe.run injects it
    options = {**OPTIONS, "rules": {**EXTRA_RULES, **PAGE_ONLY_RULES}} if frame else OPTIONS
    options = ADMIN_OPTIONS if admin else options
    violations = page.evaluate(RUN, options)
    return [
        f"{page.url}: {v['id']} ({v['impact']}): {v['help']} -> "
        + "; ".join(
            node["target"][0] if isinstance(node["target"][0], str) else str(node["target"])
            for node in v["nodes"][:3]
        )
        + f" [{len(v['nodes'])} nodes]"
        for v in violations
    ]
