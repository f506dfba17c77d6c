"""axe-core's WCAG 2.1 AA rules on the page as it is now."""

import os

from axe_playwright_python.base import AXE_SCRIPT

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
OPTIONS = {"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]}
# Only the violations cross over from the browser: axe's full result (passes, inapplicable
# rules) is several times larger and nothing here reads it.
RUN = "options => axe.run(document, options).then(results => results.violations)"
# The first-visit crawl checks every public page in CI, one page per URL pattern elsewhere
# (a quarter of the cost). `CI=true make test` runs the full check locally.
EVERY_PAGE = os.environ.get("CI", "").lower() == "true"


def axe_violations(page) -> list[str]:
    page.evaluate(AXE_SCRIPT)  # as axe_playwright_python's Axe.run injects it
    violations = page.evaluate(RUN, OPTIONS)
    return [
        f"{page.url}: {v['id']} ({v['impact']}): {v['help']} -> "
        + "; ".join(
            node["target"][0] if isinstance(node["target"][0], str) else str(node["target"])
            for node in v["nodes"][:3]
        )
        for v in violations
    ]
