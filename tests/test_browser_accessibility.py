"""Accessibility of every kind of page (issue 16): axe-core, run in Chromium on the seed site
with one more article, finds no violation whose impact is serious or critical, on a desktop
and a phone; each page is saved as a screenshot (``screenshot_path``) to look at.

axe-core is vendored in tests/vendor/ (``make vendor``) and injected from the file: no
network. A failure lists each violation with its rule, what it asks and the first elements
it found; the rule's page (``helpUrl``) says how to fix it.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.browser import screenshot_path
from tests.test_browser_reading import (
    ARTICLE,
    FOLLOW_UP,
    FOLLOW_UP_ARTICLE,
    VIEWPORTS,
    build_site,
)

pytestmark = pytest.mark.browser

AXE = Path(__file__).parent / "vendor" / "axe.min.js"
#: Impacts that fail the test ("minor" and "moderate" ones are left to review).
FAILING = ("serious", "critical")
#: Each kind of page a reader meets, by its path in the site.
PAGES = {
    "home": "",
    "article": ARTICLE,
    "dated article": FOLLOW_UP_ARTICLE,
    "person": "people/mike-pompeo/",
    "place": "places/pyongyang/",
    "organization": "organizations/white-house/",
    "tag": "tags/politics/diplomacy/",
    "dates of a year": "dates/2019/",
    "dates, year unknown": "dates/unresolved/",
    "archive": "archive/",
    "archive of a year": "archive/2019/",
    "people index": "people/",
    "map": "map/",
}
CASES = [(name, device) for name in PAGES for device in ("desktop", "phone")]
#: Each violation: its rule, impact, what it asks, its link, and the first elements found.
AXE_RUN = """async () => (await axe.run(document, {resultTypes: ["violations"]}))
    .violations.map(v => ({id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
                           nodes: v.nodes.length, targets: v.nodes.slice(0, 3)
                               .map(node => node.target.join(" "))}))"""


@pytest.fixture(scope="module")
def site(tmp_path_factory, blank_nlp, served) -> Path:
    return build_site(tmp_path_factory.mktemp("accessible-site"), blank_nlp,
                      {"follow-up.txt": FOLLOW_UP}, served)  # fmt: skip


def violations(page) -> list[dict]:
    """What axe-core finds on the page once its transitions are over (Material fades the
    tabs in one after another: a tab caught half-faded fails the contrast check)."""
    page.wait_for_function(
        "() => document.getAnimations().every(animation => animation.playState !== 'running')"
    )
    page.add_script_tag(path=str(AXE))
    return page.evaluate(AXE_RUN)


@pytest.mark.parametrize(("name", "device"), CASES, ids=[f"{n}-{d}" for n, d in CASES])
def test_no_serious_accessibility_violation(browser, served, site, name, device):
    visit = browser.visit(served(site) + PAGES[name])
    visit.page.set_viewport_size(VIEWPORTS[device])
    assert visit.status == 200
    if name == "map":
        visit.page.wait_for_selector("#newsdocs-map[data-markers]")  # Leaflet's markup too
    visit.page.screenshot(path=str(screenshot_path(f"{device}-{re.sub(r'[^a-z0-9]+', '-', name)}")),
                          full_page=True)  # fmt: skip
    found = [v for v in violations(visit.page) if v["impact"] in FAILING]
    report = [
        f"{v['id']} ({v['impact']}): {v['help']}; {v['nodes']} element(s), first"
        f" {', '.join(v['targets'])}; {v['helpUrl']}"
        for v in found
    ]
    assert report == [], f"{name} on a {device}:\n" + "\n".join(report)
