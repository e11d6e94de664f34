"""What a person sees: the home page and an entity page in headless Chromium (Debian's package).

Playwright drives ``/usr/bin/chromium`` (no browser is downloaded). Every request the page makes
is watched: anything not for the test server is aborted and fails the test. Thai text must be
drawn with the Noto Sans Thai font the server serves: the machine has no Thai font of its own,
so without it the Thai would be empty boxes; the test checks that the font face loaded, that the
text is laid out by it (a Thai string measures differently in it than in the fallback), and
writes screenshots (``ADGMIN_KG_SCREENSHOTS=DIR`` keeps them) for a person to look at.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from adgmin_kg.paths import releases_dir
from adgmin_kg.serve import Limits

CHROMIUM = Path(os.environ.get("ADGMIN_KG_CHROMIUM", "/usr/bin/chromium"))
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage"]
THAI = "ความร่วมมือด้านดิจิทัลอาเซียน"

# Measures THAI in the page's font and in a font that does not exist (the fallback), and
# lists the state of the page's Noto Sans Thai faces.
FONT_PROBE = """async (thai) => {
  await document.fonts.ready;
  const faces = [...document.fonts].filter(f => f.family.replace(/["']/g, "") === "Noto Sans Thai");
  await Promise.all(faces.map(f => f.status === "loaded" ? f : f.load().catch(() => f)));
  const width = (family) => {
    const span = document.createElement("span");
    span.style.font = `32px ${family}`;
    span.style.whiteSpace = "nowrap";
    span.textContent = thai;
    document.body.appendChild(span);
    const w = span.getBoundingClientRect().width;
    span.remove();
    return w;
  };
  return {
    statuses: faces.map(f => f.status),
    check: document.fonts.check('16px "Noto Sans Thai"', thai),
    noto: width('"Noto Sans Thai"'),
    fallback: width('"No Such Font Anywhere", sans-serif'),
    body: getComputedStyle(document.body).fontFamily,
  };
}"""


def _need_chromium() -> None:
    if CHROMIUM.is_file():
        return
    message = f"{CHROMIUM} not found: install Debian's chromium package (apt-get install chromium)"
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory, serving) -> Iterator[str]:
    from adgmin_kg import pipeline

    path = tmp_path_factory.mktemp("browser") / "kg.trig"
    pipeline.build_dataset([releases_dir() / "thaigov-66419.txt"]).serialize(path, format="trig")
    with serving(path, Limits(workers=1, time_limit=10)) as server:
        yield f"http://127.0.0.1:{server.server_address[1]}"


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    _need_chromium()
    playwright_api = pytest.importorskip("playwright.sync_api")
    with playwright_api.sync_playwright() as p:
        launched = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=ARGS, timeout=60_000)
        try:
            yield launched
        finally:
            launched.close()


@pytest.fixture
def page(browser, base_url: str):  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="th-TH")
    tab = context.new_page()
    tab.set_default_timeout(20_000)
    foreign: list[str] = []
    errors: list[str] = []

    def route(r) -> None:  # type: ignore[no-untyped-def]
        if r.request.url.startswith(base_url + "/"):
            r.continue_()
        else:
            foreign.append(r.request.url)
            r.abort()

    tab.route("**/*", route)
    tab.on("pageerror", lambda error: errors.append(str(error)))
    yield tab
    context.close()
    assert foreign == [], f"the page asked for something not on the server: {foreign}"
    assert errors == [], f"script errors: {errors}"


def _shot(tab, name: str, tmp_path: Path) -> Path:  # type: ignore[no-untyped-def]
    folder = Path(os.environ.get("ADGMIN_KG_SCREENSHOTS", tmp_path))
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{name}.png"
    tab.screenshot(path=str(target), full_page=False)
    assert target.stat().st_size > 10_000
    return target


def _assert_thai_font(tab) -> None:  # type: ignore[no-untyped-def]
    probe = tab.evaluate(FONT_PROBE, THAI)
    assert "loaded" in probe["statuses"], probe
    assert probe["check"], probe
    assert probe["body"].startswith('"Noto Sans Thai"'), probe
    assert abs(probe["noto"] - probe["fallback"]) > 2, f"Thai is not laid out in Noto Sans Thai: {probe}"


def test_home_page_runs_a_stored_query(page, base_url: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    font_responses: list[int] = []
    page.on("response", lambda r: font_responses.append(r.status) if r.url.endswith("/static/NotoSansThai.ttf") else None)
    page.goto(base_url + "/")
    section = page.locator("#q-meeting-details")
    section.get_by_role("button", name="Run").click()
    rows = section.locator("table.results-table tbody tr")
    rows.first.wait_for()
    assert rows.count() >= 1
    headers = section.locator("table.results-table thead th").all_inner_texts()
    assert headers[:2] == ["meeting", "meeting_label"]
    table_text = section.locator("table.results-table").inner_text()
    assert "Digital Ministers" in table_text and "การผนึกกำลัง" in table_text  # the theme, in Thai
    assert section.locator("table.results-table a[href^='/id/meeting/']").count() >= 1
    # prefixed names and dates stay on one line
    assert section.locator("td.nowrap a[href='/id/meeting/adgmin-3']").first.inner_text() == "meeting:adgmin-3"
    assert "2023-02-09" in section.locator("td.nowrap").all_inner_texts()
    assert section.locator("td.nowrap a[href='/id/release/thaigov-66419']").count() >= 1  # the row's source, linked
    _assert_thai_font(page)
    assert 200 in font_responses
    section.scroll_into_view_if_needed()
    _shot(page, "home-meeting-details", tmp_path)


def test_home_page_shows_a_refusal(page, base_url: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(base_url + "/")
    form = page.locator("#sparql-form")
    form.locator("textarea").fill("DROP ALL")
    form.get_by_role("button", name="Run").click()
    error = form.locator(".error")
    error.wait_for()
    assert error.inner_text().startswith("403: SPARQL Update (DROP) is refused")


def test_entity_page_shows_labels_facts_and_quotes(page, base_url: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    page.goto(base_url + "/id/meeting/adgmin-3")
    heading = page.locator("h1")
    assert "ASEAN Digital Ministers" in heading.inner_text()
    assert "การประชุมรัฐมนตรีอาเซียนด้านดิจิทัล" in heading.locator("[lang=th]").inner_text()
    facts = page.locator("table.facts")
    assert facts.locator("a[href='/id/place/boracay']").count() >= 1
    assert facts.locator("a[href='/id/release/thaigov-66419']").count() >= 1
    assert facts.locator("q[lang=th]").count() >= 3
    _assert_thai_font(page)
    _shot(page, "entity-adgmin-3", tmp_path)
    page.locator("a[href='/id/place/boracay']").first.click()
    page.wait_for_url("**/id/place/boracay")
    assert "Boracay" in page.locator("h1").inner_text()


def test_editor_is_yasgui_and_runs_a_query(page, base_url: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """YASGUI, served from /static, runs the opening query on /sparql; nothing else is asked for
    (the fixture fails the test on any request off the server) and the page breaks no CSP rule."""
    console: list[str] = []
    page.on("console", lambda m: console.append(m.text) if m.type in ("error", "warning") else None)
    sparql_posts: list[str] = []
    page.on("request", lambda r: sparql_posts.append(r.method) if r.url.startswith(base_url + "/sparql") else None)
    page.goto(base_url + "/editor")
    page.locator(".yasqe .CodeMirror").wait_for()
    editor_text = page.evaluate("() => window.adgminYasgui.getTab().getYasqe().getValue()")
    assert "organisation:asean-ict-fund" in editor_text
    page.locator(".yasqe_queryButton").click()
    rows = page.locator(".yasr table tbody tr")
    rows.first.wait_for()
    table = page.locator(".yasr table").inner_text()
    assert "Towards ASEAN regional analysis" in table and "57900" in table
    assert "country:thailand" in table  # the model's prefixes shorten IRIs in the results
    assert sparql_posts and set(sparql_posts) == {"POST"}
    # prefix completion comes from the model's list, not from a look-up service
    completers = page.evaluate("() => window.adgminYasgui.getTab().getYasqe().config.autocompleters")
    assert completers == ["variables", "model-prefixes"]
    assert not [m for m in console if "Content Security Policy" in m or "Refused" in m], console
    _shot(page, "editor-query", tmp_path)


def test_home_page_screenshot(page, base_url: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    page.goto(base_url + "/")
    page.locator("#q-meeting-details").wait_for()
    assert page.locator("header nav a[href='/editor']").count() == 1
    assert "triples in" in page.locator("main p").first.inner_text()
    _assert_thai_font(page)
    _shot(page, "home", tmp_path)


def test_query_page_keeps_its_form_and_does_not_wrap_dates(page, base_url: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(base_url + "/query/meeting-details?meeting=ADGMIN+3")
    field = page.locator("form.again input[name=meeting]")
    assert field.input_value() == "ADGMIN 3"
    dates = page.locator("table.results-table td.nowrap > span")  # the text, not the cell: a long quote makes the row tall
    assert dates.count() >= 2
    box = dates.first.bounding_box()
    line = page.evaluate("(el) => parseFloat(getComputedStyle(el).lineHeight)", dates.first.element_handle())
    assert box["height"] < 2 * line + 12  # one line of text
    field.fill("ADGMIN 3")
    page.locator("form.again button").click()
    page.wait_for_url("**/query/meeting-details?meeting=ADGMIN+3")
