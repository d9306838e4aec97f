"""The workbench in a real headless Chromium against ``diplokg serve`` on the ingested seeds,
with the site's strict Content-Security-Policy on every response (server/headers.py):
YASGUI with a cookbook query, labels, completion and downloads; the network view with its
filters, nodes and edges; timelines; phone width; entity pages without JavaScript."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from rdflib import Graph
from rdflib.plugins.parsers.jsonld import to_rdf

from server.cookbook import with_base
from server.headers import CONTENT_SECURITY_POLICY as CSP
from tests.fixtures_pages import ServedStore, seed_config  # noqa: F401
from tests.test_explore import ID, dated_facts
from tests.test_browser_pages import SHOTS, browser, labelled_results, page, query_text, run_query, set_query, shot  # noqa: F401

pytestmark = pytest.mark.slow
QUERIES = Path(__file__).parent.parent / "queries"


@pytest.fixture(scope="module")
def served(seed_config, tmp_path_factory) -> Iterator[ServedStore]:
    """``diplokg serve`` over the seeds (every response under the server's strict policy)."""
    with ServedStore(seed_config, tmp_path_factory.mktemp("serve") / "server.log") as server:
        yield server


def download(page, button: str, tmp_path: Path) -> tuple[str, str]:
    with page.expect_download() as info:
        page.get_by_role("button", name=button, exact=True).click()
    path = tmp_path / info.value.suggested_filename
    info.value.save_as(path)
    return info.value.suggested_filename, path.read_text(encoding="utf-8")


def no_sideways_scroll(page) -> bool:
    return page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth + 1")


def test_every_page_carries_the_policy(page, served):
    for path in ("/", "/explore/network", "/explore/timeline", "/id/actor/japan"):
        assert page.goto(served.url + path).headers["content-security-policy"] == CSP


def test_cookbook_query_in_yasgui_with_labels_and_every_download(page, served, tmp_path):
    page.goto(served.url + "/")
    page.get_by_role("button", name="Who met whom most often?").click()
    assert query_text(page) == with_base((QUERIES / "01-who-met-whom-most-often.rq").read_text(encoding="utf-8"),
                                         "https://w3id.org/diplokg/")
    run_query(page)
    table = labelled_results(page)
    first = table.locator("tbody tr").first.locator("td")
    assert first.nth(0).inner_text() == "Antony Blinken"  # a label, not id/actor/...
    assert first.nth(0).locator("a").get_attribute("href") == "/id/actor/antony-blinken"
    assert all("id/" not in t for t in table.locator("tbody td.iri").all_inner_texts())
    count = table.locator("tbody td.num").first
    assert count.evaluate("td => getComputedStyle(td).whiteSpace") == "nowrap"
    assert "?query=" in page.url
    rows = table.locator("tbody tr").count()
    shot(page, "workbench-query-labels")

    # Sorting by the count column, then paging at 10 rows.
    table.get_by_role("button", name="meetings").click()
    table.get_by_role("button", name="meetings").click()
    assert table.locator("th").nth(4).get_attribute("aria-sort") == "descending"
    counts = [int(t) for t in table.locator("tbody td.num").all_inner_texts()]
    assert counts == sorted(counts, reverse=True)
    page.get_by_label("Rows per page").select_option("10")
    assert table.locator("tbody tr").count() == min(rows, 10)
    if rows > 10:
        page.get_by_role("button", name="Next ›").click()
        assert table.locator("tbody tr").count() == rows - 10

    name, text = download(page, "CSV", tmp_path)
    parsed = list(csv.reader(io.StringIO(text)))
    assert name == "results.csv" and parsed[0] == ["person1", "name1", "person2", "name2", "meetings"]
    assert len(parsed) == rows + 1
    name, text = download(page, "JSON", tmp_path)
    assert name == "results.json" and len(json.loads(text)["results"]["bindings"]) == rows
    assert page.get_by_role("button", name="Turtle", exact=True).is_disabled()

    # The raw response view.
    page.locator(".yasr .select_response").click()
    assert '"bindings"' in page.locator(".yasr .CodeMirror").inner_text()
    page.locator(".yasr .select_table").click()

    # A CONSTRUCT result: labelled subject/predicate/object rows that stay inside the page.
    set_query(page, "CONSTRUCT { ?m dkg:participant ?p ; rdfs:label ?l } WHERE { ?m a dkg:Meeting ; "
                    "dkg:participant ?p ; rdfs:label ?l }")
    run_query(page)
    table = labelled_results(page)
    assert table.locator("th").all_inner_texts() == ["subject", "predicate", "object"]
    assert "participant" in table.locator("tbody td.iri").all_inner_texts()
    assert no_sideways_scroll(page)
    name, text = download(page, "Turtle", tmp_path)
    graph = Graph().parse(data=text, format="turtle")
    assert name == "results.ttl" and len(graph) > 10
    name, text = download(page, "JSON", tmp_path)
    from_jsonld = Graph()
    to_rdf(json.loads(text), from_jsonld)  # rdflib's parser front end warns (ConjunctiveGraph)
    assert name == "results.jsonld" and len(from_jsonld) == len(graph)
    name, text = download(page, "CSV", tmp_path)
    assert list(csv.reader(io.StringIO(text)))[0] == ["subject", "predicate", "object"]
    assert len(text.strip().splitlines()) == len(graph) + 1
    shot(page, "workbench-construct")

    # The query survives a reload (local storage) and is in the address.
    query = query_text(page)
    page.reload()
    assert query_text(page) == query
    assert page.problems == []


def test_editor_completes_ontology_terms_and_prefixes(page, served):
    page.goto(served.url + "/")
    for text, wanted in (("SELECT * WHERE {\n  ?m a dkg:Mee", "dkg:Meeting"),
                         ("SELECT * WHERE {\n  ?m dkg:parti", "dkg:participant"),
                         ("PREFIX dk", "dkg: <https://w3id.org/diplokg/ontology#>")):
        set_query(page, text)
        page.locator(".yasqe .CodeMirror").click()
        page.keyboard.press("Control+End")
        page.keyboard.press("Control+Space")
        hints = page.locator(".CodeMirror-hints li")
        hints.first.wait_for()
        assert wanted in hints.all_inner_texts()
        page.keyboard.press("Escape")
    assert page.problems == []


def issue_connections(served: ServedStore, issue: str) -> list[str]:
    """The rows the list of connections should show for an issue: pairs of participants of the
    meetings on it, with their number of meetings, straight from the store."""
    from diplokg.store import open_store
    with open_store(served.config, writable=False) as store:
        rows = store.query(f"""PREFIX dkg: <https://w3id.org/diplokg/ontology#>
            SELECT ?la ?lb (COUNT(DISTINCT ?m) AS ?n) WHERE {{
              ?m a dkg:Meeting ; dkg:topic <{ID}issue/{issue}> ; dkg:participant ?a, ?b .
              ?a rdfs:label ?la . ?b rdfs:label ?lb . FILTER(STR(?la) < STR(?lb)) }}
            GROUP BY ?la ?lb""").rows()
        return sorted(f"{la} – {lb}\t{n}" for la, lb, n in rows)


def test_network_view_filter_by_issue_and_click_through(page, served):
    page.goto(served.url + "/explore/network")
    canvas = page.locator("#network[data-ready=true]")
    canvas.wait_for()
    everything = page.locator("#connections tbody tr").count()
    assert everything >= 10
    shot(page, "workbench-network")

    page.get_by_label("Issue").select_option(label="Free and open Indo-Pacific")
    page.get_by_role("button", name="Show").click()
    page.wait_for_url("**/explore/network?*issue=%2Fid%2Fissue%2Findo-pacific*")
    page.locator("#network[data-ready=true]").wait_for()
    assert sorted(page.locator("#connections tbody tr").all_inner_texts()) == issue_connections(served, "indo-pacific")
    assert "Antony Blinken – Toshimitsu Motegi\t1" in issue_connections(served, "indo-pacific")

    # An edge (from the keyboard-usable list of connections) lists its meetings with evidence.
    button = page.get_by_role("button", name="Antony Blinken – Toshimitsu Motegi")
    button.focus()
    page.keyboard.press("Enter")
    meeting = page.locator("#edge-meetings .meeting-link")
    meeting.wait_for()
    assert meeting.inner_text() == "Phone call of Toshimitsu Motegi and Antony Blinken"
    assert page.locator("#edge-meetings mark").count() >= 1
    shot(page, "workbench-network-edge")
    meeting.click()
    page.wait_for_url(served.url + "/id/meeting/*")
    assert page.locator("h1").inner_text() == "Phone call of Toshimitsu Motegi and Antony Blinken"
    page.go_back()

    # A click on a node of the canvas opens that actor's page.
    page.locator("#network[data-ready=true]").wait_for()
    # where the node is once the page has settled: the same place over several frames (a page
    # restored by "back" may still be laying itself out when the canvas says it is ready)
    x, y = page.evaluate("""() => new Promise(resolve => {
        const id = "https://w3id.org/diplokg/id/actor/toshimitsu-motegi";
        const where = () => {
            const net = window.diplokgNetwork;
            const p = net.canvasToDOM(net.getPositions([id])[id]);
            const box = document.getElementById("network").getBoundingClientRect();
            return [Math.round(box.left + p.x), Math.round(box.top + p.y)];
        };
        let last = where(), same = 0;
        const tick = () => {
            const now = where();
            same = (now[0] === last[0] && now[1] === last[1]) ? same + 1 : 0;
            last = now;
            if (same >= 5) { resolve(now); } else { requestAnimationFrame(tick); }
        };
        requestAnimationFrame(tick);
    })""")
    page.mouse.click(x, y)
    page.wait_for_url(served.url + "/id/actor/toshimitsu-motegi")
    assert page.problems == []


def test_a_result_with_two_actor_columns_shows_as_a_network(page, served):
    page.goto(served.url + "/")
    page.get_by_role("button", name="Who met whom most often?").click()
    run_query(page)
    rows = labelled_results(page).locator("tbody tr").count()
    page.get_by_role("link", name="Show as network").click()
    page.wait_for_url("**/explore/network?query=*")
    page.locator("#network[data-ready=true]").wait_for()
    assert "columns person1 and person2" in page.locator("#network-status").inner_text()
    assert page.locator("#connections tbody tr").count() == rows
    assert page.problems == []


def test_timelines_of_a_country_a_person_an_issue_and_a_query_result(page, served):
    page.goto(served.url + "/explore/timeline?country=/id/actor/japan")
    view = page.locator("#timeline[data-ready=true]")
    view.wait_for()
    page.locator("#timeline .vis-item-content").first.wait_for()
    assert page.locator("h1").inner_text() == "Timeline of Japan"
    placed = page.locator("#timeline .vis-item-content").count()
    assert placed >= 3
    undated = page.locator("#timeline ul.undated li").all_inner_texts()
    assert any("Phone call of Toshimitsu Motegi and Antony Blinken" in u for u in undated)
    dated = page.locator("#timeline ol.dated li").all_inner_texts()
    assert not any("Phone call of Toshimitsu Motegi and Antony Blinken" in t for t in dated)
    assert page.locator("#timeline .vis-item.imprecise").count() >= 1  # known to the month: a span, no day
    shot(page, "workbench-timeline")

    page.goto(served.url + "/id/actor/toshimitsu-motegi")
    page.locator("#timeline[data-ready=true]").wait_for()
    assert page.locator(".timeline-embed").is_visible()
    page.locator("#timeline .vis-item-content").first.wait_for()
    assert page.locator("#timeline .vis-item-content").count() == len(dated_facts(served.config, ID + "actor/toshimitsu-motegi"))
    page.goto(served.url + "/id/issue/indo-pacific")
    page.locator("#timeline[data-ready=true]").wait_for()
    assert page.locator("#timeline .timeline-status").inner_text().endswith("undated")

    page.goto(served.url + "/")
    set_query(page, with_base((QUERIES / "02-meetings-of-a-person.rq").read_text(encoding="utf-8"),
                              "https://w3id.org/diplokg/"))
    run_query(page)
    labelled_results(page)
    page.get_by_role("link", name="Show as timeline").click()
    page.wait_for_url("**/explore/timeline?query=*")
    page.locator("#timeline[data-ready=true]").wait_for()
    page.locator("#timeline .vis-item-content").first.wait_for()
    assert page.locator("#timeline .vis-item-content").count() + page.locator("#timeline ul.undated li").count() >= 2
    assert page.problems == []


def test_phone_width_and_entity_pages_without_javascript(browser, served):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    phone = context.new_page()
    problems = []
    phone.on("console", lambda m: m.type == "error" and problems.append(m.text))
    # each page loaded, and a view drawn (its data-ready mark), before its width is measured
    for path, drawn in (("/", None), ("/explore/network", "#network"),
                        ("/explore/timeline?country=/id/actor/japan", "#timeline"), ("/id/actor/japan", None)):
        phone.goto(served.url + path, wait_until="load")
        if drawn:
            phone.locator(f"{drawn}[data-ready=true]").wait_for()
        assert no_sideways_scroll(phone), path
        shot(phone, "phone" + path.replace("/", "-").split("?")[0])
    context.close()
    assert problems == []

    context = browser.new_context(viewport={"width": 1280, "height": 900}, java_script_enabled=False)
    plain = context.new_page()
    plain.goto(served.url + "/id/actor/japan")
    assert "Yoko Kamikawa" in plain.locator("#people").inner_text()
    assert plain.locator("#meetings table.meetings tbody tr").count() >= 2
    assert not plain.locator(".timeline-embed").is_visible()
    plain.goto(served.url + "/")
    assert plain.locator("#plain-query").is_visible()
    context.close()
