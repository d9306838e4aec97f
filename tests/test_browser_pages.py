"""The web pages in a real headless Chromium against ``diplokg serve`` on 127.0.0.1."""

from __future__ import annotations

import os
import shutil

from pathlib import Path
from urllib.parse import quote

import pytest

from server.cookbook import with_base
from playwright.sync_api import sync_playwright

from tests.fixtures_pages import ARTICLE_ID, pages_config, seed_config, served_example, served_seeds  # noqa: F401

# Debian's chromium, found on PATH (tests/run.sh installs it); DIPLOKG_CHROMIUM names another binary.
CHROMIUM = os.environ.get("DIPLOKG_CHROMIUM") or shutil.which("chromium") or "chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
SHOTS = Path(__file__).parent / "screenshots"

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def browser():
    if shutil.which(CHROMIUM) is None:
        pytest.fail(f"{CHROMIUM} is missing: run tests/run.sh (it installs Debian's chromium)")
    SHOTS.mkdir(exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, request):
    """A fresh page that records console errors, failed requests and requests leaving 127.0.0.1."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    page = context.new_page()
    page.problems = []
    page.on("console", lambda m: m.type == "error" and page.problems.append(f"console: {m.text}"))
    page.on("pageerror", lambda e: page.problems.append(f"page error: {e}"))
    page.on("requestfailed", lambda r: page.problems.append(f"request failed: {r.url}"))
    page.on("request", lambda r: r.url.startswith(("http://127.0.0.1:", "data:", "blob:"))
            or page.problems.append(f"outside request: {r.url}"))
    yield page
    context.close()


def shot(page, name: str) -> None:
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def set_query(page, text: str) -> None:
    """Put a query in YASGUI's current tab."""
    page.evaluate("q => { window.diplokgYasgui.getTab().setQuery(q); }", text)


def query_text(page) -> str:
    return page.evaluate("() => window.diplokgYasgui.getTab().getQuery()")


def run_query(page) -> None:
    """Run the editor's query from the keyboard, as a user would (a table already shown is
    marked stale, so that the next one waited for is the new result's)."""
    page.evaluate("() => document.querySelectorAll('table.dkg-results').forEach(t => { t.dataset.stale = 'yes'; })")
    page.locator(".yasqe .CodeMirror").click()
    page.keyboard.press("Control+Enter")


def labelled_results(page):
    """The result table once the labels of its page have arrived."""
    table = page.locator("table.dkg-results:not([data-stale])[data-labels=done]")
    table.wait_for()
    return table


def test_query_person_meeting_evidence_journey(page, served_example):
    page.goto(served_example.url + "/")
    page.get_by_role("button", name="Who met whom most often?").click()
    assert query_text(page) == with_base((Path(__file__).parent.parent / "queries"
                                          / "01-who-met-whom-most-often.rq").read_text(encoding="utf-8"),
                                         "https://w3id.org/diplokg/")
    assert page.locator(".yasqe .cm-keyword", has_text="SELECT").count() == 1
    shot(page, "01-query-page-recipe")

    run_query(page)
    table = labelled_results(page)
    assert table.locator("th").all_inner_texts() == ["person1", "name1", "person2", "name2", "meetings"]
    assert table.locator("tbody tr").count() == 1
    assert table.locator("tbody td").all_inner_texts() == [
        "Stephen Biegun", "Stephen Biegun", "Toshimitsu Motegi", "Toshimitsu Motegi", "1"]
    assert page.locator(".table-count").inner_text() == "rows 1–1 of 1"
    query = query_text(page)
    shared = page.url
    assert shared == served_example.url + "/?query=" + quote(query, safe="-_.!~*'()")
    shot(page, "02-query-results")

    page.get_by_role("link", name="Stephen Biegun").click()
    page.wait_for_url(served_example.url + "/id/actor/stephen-biegun")
    assert page.locator("h1").inner_text() == "Stephen Biegun"
    meetings = page.locator("#meetings table.meetings tbody tr")
    assert meetings.count() == 1
    assert meetings.first.locator("td").all_inner_texts()[:5] == [
        "2020-07-10", "Meeting of Toshimitsu Motegi and Stephen Biegun, 2020-07-10",
        "Toshimitsu Motegi", "Tokyo", "in person"]
    assert "Deputy Secretary of State of United States" in page.locator("#posts").inner_text()
    shot(page, "03-person")

    meetings.first.get_by_role("link", name="Meeting of Toshimitsu Motegi and Stephen Biegun, 2020-07-10").click()
    page.wait_for_url(served_example.url + "/id/meeting/8f7a675ae103da19")
    marks = page.locator("#evidence mark")
    assert marks.all_inner_texts() == ["In a meeting in Tokyo", "meet in Tokyo on July 10, 2020"]
    assert marks.first.evaluate("m => getComputedStyle(m).backgroundColor") == "rgb(255, 229, 138)"
    shot(page, "04-meeting")

    page.locator("#evidence a.evidence-link").first.click()
    page.wait_for_url(f"{served_example.url}/id/article/{ARTICLE_ID}#char=239,260")
    target = page.locator(".article-text mark.target")
    assert target.all_inner_texts() == ["In a meeting in Tokyo"]
    assert page.locator(".article-text mark").count() == 5
    shot(page, "05-article-evidence")
    # Back to the query page: the query and its results are still there (local storage).
    page.go_back()
    page.go_back()
    page.go_back()
    page.wait_for_url(shared)
    assert query_text(page) == query
    assert labelled_results(page).locator("tbody td").first.inner_text() == "Stephen Biegun"
    page.goto(shared)
    assert query_text(page) == query
    assert page.problems == []


def test_query_errors_are_shown_next_to_the_query(page, served_example):
    page.goto(served_example.url + "/")
    set_query(page, "SELECT * WHERE { ?s ?p }")
    run_query(page)
    error = page.locator(".query-error")
    error.wait_for()
    assert "error at 1:25: expected" in error.inner_text()  # the endpoint's one-line message
    assert page.locator("table.dkg-results").count() == 0
    shot(page, "06-query-error")
    # The endpoint's 400 is logged by Chromium as a failed resource; nothing else may be.
    assert [p for p in page.problems if "status of 400" not in p] == []


def test_results_download_as_csv_and_json(page, served_example, tmp_path):
    page.goto(served_example.url + "/")
    page.get_by_role("button", name="Which posts did each person hold, according to which articles (and their dates)?").click()
    run_query(page)
    labelled_results(page)
    with page.expect_download() as info:
        page.get_by_role("button", name="CSV", exact=True).click()
    download = info.value
    assert download.suggested_filename == "results.csv"
    path = tmp_path / "results.csv"
    download.save_as(path)
    assert path.read_text(encoding="utf-8").splitlines() == [
        "person,name,title,of,firstReported,articles",
        "https://w3id.org/diplokg/id/actor/stephen-biegun,Stephen Biegun,Deputy Secretary of State,United States,2020-07-10,1",
        "https://w3id.org/diplokg/id/actor/toshimitsu-motegi,Toshimitsu Motegi,Foreign Minister,Japan,2020-07-10,1",
    ]
    with page.expect_download() as info:
        page.get_by_role("button", name="JSON", exact=True).click()
    assert info.value.suggested_filename == "results.json"
    assert page.problems == []


PAGES = [
    ("person", "/id/actor/toshimitsu-motegi", "Toshimitsu Motegi"),
    ("country", "/id/actor/japan", "Japan"),
    ("meeting", "/id/meeting/8f7a675ae103da19", "Meeting of Toshimitsu Motegi and Stephen Biegun, 2020-07-10"),
    ("statement", "/id/statement/e9fa422cf728ef62", "Toshimitsu Motegi: It is crucial that Japan and the United "
     "States work together to maintain and bolster a free and open Indo-Pacific region"),
    ("issue", "/id/issue/indo-pacific", "Free and open Indo-Pacific"),
    ("article", f"/id/article/{ARTICLE_ID}", "Japan, U.S. confirm cooperation on North Korea"),
    ("place", "/id/place/tokyo", "Tokyo"),
    ("role", "/id/role/23abe8936d91201a", "Foreign Minister of Japan"),
]


@pytest.mark.parametrize("name,path,heading", PAGES, ids=[p[0] for p in PAGES])
def test_every_entity_page_renders_without_console_errors(page, served_example, name, path, heading):
    response = page.goto(served_example.url + path)
    assert response.status == 200
    assert page.locator("h1").inner_text() == heading
    shot(page, f"entity-{name}")
    assert page.problems == []


def test_links_on_entity_pages_lead_to_pages(page, served_example):
    page.goto(served_example.url + "/id/actor/toshimitsu-motegi")
    local = sorted({h.split("#")[0] for h in page.locator("a[href^='/id/']").evaluate_all(
        "links => links.map(a => a.getAttribute('href'))")})
    assert "/id/actor/japan" in local and "/id/meeting/8f7a675ae103da19" in local
    for href in local:
        assert page.request.get(served_example.url + href, headers={"Accept": "text/html"}).status == 200, href
    external = page.locator("a.ext").evaluate_all("links => links.map(a => a.href)")
    assert all(not h.startswith(served_example.url) for h in external)
    assert page.problems == []


def test_unknown_entity_shows_a_404_page(page, served_example):
    response = page.goto(served_example.url + "/id/actor/nobody-at-all")
    assert response.status == 404
    assert page.locator("#error-message").inner_text() == (
        "no such entity: https://w3id.org/diplokg/id/actor/nobody-at-all")
    shot(page, "07-not-found")


def test_seed_pages_person_meeting_article(page, served_seeds):
    page.goto(served_seeds.url + "/id/actor/toshimitsu-motegi")
    rows = page.locator("#meetings table.meetings tbody tr")
    assert rows.count() >= 2
    assert "Antony Blinken" in page.locator("#meetings").inner_text()
    shot(page, "seed-person-motegi")
    page.locator("#meetings a", has_text="Phone call of Toshimitsu Motegi and Antony Blinken").first.click()
    page.wait_for_url(served_seeds.url + "/id/meeting/*")
    assert page.locator("#evidence mark").count() >= 1
    shot(page, "seed-meeting-phone-call")
    page.locator("#evidence a.evidence-link").first.click()
    page.wait_for_url(served_seeds.url + "/id/article/003_ec01ec311e190c74#char=*")
    assert page.locator(".article-text mark.target").count() >= 1
    shot(page, "seed-article-003")
    page.goto(served_seeds.url + "/id/actor/japan")
    assert "Yoko Kamikawa" in page.locator("#people").inner_text()
    shot(page, "seed-country-japan")
    page.goto(served_seeds.url + "/")
    page.get_by_role("button", name="Which issues come up most, in meetings and in statements?").click()
    run_query(page)
    assert labelled_results(page).locator("tbody tr").count() >= 5
    shot(page, "seed-query-issues")
    assert page.problems == []
