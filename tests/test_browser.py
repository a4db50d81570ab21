"""The HTML report in a real browser: headless Chromium (Debian's `chromium`,
driven by Playwright) opens the report of `examples/` and checks what a
coach sees: every finding of the JSON output highlighted on its own text,
filters that hide what they should, a note's `<script>` shown as text and
never run, nothing fetched, a phone-wide page that does not scroll sideways.

It saves a screenshot; with NOTELINT_UPDATE_SCREENSHOT=1 it writes the one
the README shows (docs/images/report.png). Without a browser it skips.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from notelint.cli import main
from notelint.core.model import LineIndex

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = os.environ.get("NOTELINT_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
NOW = "2026-12-10T12:00"
SCREENSHOT = ROOT / "docs" / "images" / "report.png"

sync_api = pytest.importorskip(
    "playwright.sync_api", reason="Playwright is not installed (pip install -e '.[test]')"
)
if not Path(CHROMIUM).is_file():
    pytest.skip(
        f"no Chromium at {CHROMIUM}: install Debian's chromium (as .ci/run does)",
        allow_module_level=True,
    )


def _check(folder: Path, where: Path, *args: str) -> str:
    with contextlib.chdir(where):
        result = CliRunner().invoke(main, ["check", str(folder), "--now", NOW, *args])
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    assert result.exit_code in (0, 1), result.output
    return result.stdout


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield launched
        launched.close()


@pytest.fixture(scope="module")
def examples(tmp_path_factory):
    """The JSON findings of examples/ and its HTML report, made from the
    repository's root so that paths read `examples/...`."""
    out = tmp_path_factory.mktemp("report")
    findings = json.loads(_check(Path("examples"), ROOT, "--format", "json"))["findings"]
    page = out / "report.html"
    _check(Path("examples"), ROOT, "--format", "html", "--output", str(page))
    return findings, page


@pytest.fixture
def page(browser):
    """A page that may load its own file and nothing else."""
    context = browser.new_context(viewport={"width": 1100, "height": 900})
    opened = context.new_page()
    fetched: list[str] = []
    errors: list[str] = []

    def refuse(route):
        fetched.append(route.request.url)
        route.abort()

    opened.route("http*://**/*", refuse)
    opened.on("pageerror", lambda error: errors.append(str(error)))
    opened.fetched, opened.errors = fetched, errors
    yield opened
    context.close()


def _expected(finding: dict) -> str:
    """The finding's span in the file on disk, from the JSON's positions."""
    text = (ROOT / finding["path"]).read_text(encoding="utf-8")
    lines = LineIndex.of(text)
    start = lines.offset(finding["line"], finding["column"])
    end = lines.offset(finding["end_line"], finding["end_column"])
    return text[start:end]


HIGHLIGHTED = """([path, line, column, rule]) => {
  const item = [...document.querySelectorAll('li.finding')].find(li =>
    li.dataset.path === path && li.dataset.line === String(line) &&
    li.dataset.column === String(column) && li.dataset.rule === rule);
  if (!item) return null;
  const note = [...document.querySelectorAll('pre.note')].find(p => p.dataset.path === path);
  const marks = [...note.querySelectorAll('mark.hl')].filter(m =>
    m.dataset.f.split(' ').includes(item.dataset.index));
  return {
    text: marks.map(m => m.textContent).join(''),
    painted: marks.every(m => getComputedStyle(m).backgroundColor !== 'rgba(0, 0, 0, 0)'),
    boxes: marks.every(m => m.getBoundingClientRect().width > 0),
    visible: !item.hidden,
  };
}"""


def test_every_finding_is_highlighted_on_its_own_text(examples, page):
    findings, report = examples
    assert findings, "examples/ is meant to have findings"
    page.goto(report.as_uri())
    assert page.locator("li.finding").count() == len(findings)
    for finding in findings:
        key = [finding["path"], finding["line"], finding["column"], finding["rule"]]
        shown = page.evaluate(HIGHLIGHTED, key)
        assert shown is not None, f"no list entry for {key}"
        expected = _expected(finding)
        # Confidential text is masked letter for letter: same length, stars.
        assert len(shown["text"]) == len(expected), (key, shown["text"], expected)
        assert all(a == b or a == "*" for a, b in zip(shown["text"], expected, strict=True)), (
            key,
            shown["text"],
            expected,
        )
        assert shown["painted"] and shown["boxes"] and shown["visible"], key
    assert page.fetched == [] and page.errors == []


def test_confidential_terms_never_reach_the_page(examples):
    _, report = examples
    html = report.read_text(encoding="utf-8")
    for folder in (ROOT / "examples").iterdir():
        interview = folder / "interview.yaml"
        if interview.is_file():
            import yaml

            for term in yaml.safe_load(interview.read_text(encoding="utf-8")).get(
                "confidential", []
            ):
                assert term not in html and term.lower() not in html.lower()


def test_filters_hide_what_they_should(examples, page):
    findings, report = examples
    page.goto(report.as_uri())
    warnings = sum(f["severity"] == "warning" for f in findings)
    assert 0 < warnings < len(findings)
    page.get_by_role("checkbox", name="warning").first.uncheck()
    hidden = page.evaluate(
        "[...document.querySelectorAll('li.finding')].map(li => [li.dataset.severity, li.hidden])"
    )
    assert all(h == (s == "warning") for s, h in hidden)
    # A highlight that only warnings cover loses its colour; others keep theirs.
    marks = page.evaluate(
        """[...document.querySelectorAll('mark.hl')].map(m => [
             m.dataset.f.split(' ').map(i => document.getElementById('f' + i).dataset.severity),
             getComputedStyle(m).backgroundColor === 'rgba(0, 0, 0, 0)'])"""
    )
    assert any(bare for _, bare in marks) and any(not bare for _, bare in marks)
    assert all(bare == all(s == "warning" for s in sevs) for sevs, bare in marks)
    assert page.get_by_role("status").inner_text() == (
        f"Showing {len(findings) - warnings} of {len(findings)} findings."
    )
    # A rule filter on top: the errors of one rule go too.
    error_rule = next(f["rule"] for f in findings if f["severity"] == "error")
    page.locator(f'input[name="rule"][value="{error_rule}"]').uncheck()
    left = page.evaluate(
        "[...document.querySelectorAll('li.finding')].filter(li => !li.hidden)"
        ".map(li => li.dataset.rule)"
    )
    expected = [f["rule"] for f in findings if f["severity"] != "warning"]
    assert sorted(left) == sorted(r for r in expected if r != error_rule)


def test_a_highlight_is_reached_by_keyboard_and_names_its_finding(examples, page):
    _, report = examples
    page.goto(report.as_uri())
    for _ in range(200):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('mark.hl')"):
            break
    else:
        pytest.fail("no highlight is reachable with the Tab key")
    described = page.evaluate(
        "document.activeElement.getAttribute('aria-describedby').split(' ')"
        ".map(id => document.getElementById(id).classList.contains('current'))"
    )
    assert described and all(described)
    tip = page.evaluate("getComputedStyle(document.activeElement, '::after').content")
    assert len(tip) > 10  # the message shows beside the text on focus


def test_colours_have_enough_contrast(examples, page):
    _, report = examples
    page.goto(report.as_uri())
    ratios = page.evaluate(
        """() => {
      const rgb = s => s.match(/[\\d.]+/g).slice(0, 3).map(Number);
      const lum = c => { const [r, g, b] = c.map(v => { v /= 255;
        return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
        return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
      const background = el => { for (; el; el = el.parentElement) {
        const c = getComputedStyle(el).backgroundColor;
        if (c !== 'rgba(0, 0, 0, 0)') return c; } return 'rgb(255, 255, 255)'; };
      const sel = 'mark, .badge, .muted, .echo, .message, a, code, th, td, .clear, .fix code';
      return [...document.querySelectorAll(sel)].map(el => {
        const [a, b] = [lum(rgb(getComputedStyle(el).color)), lum(rgb(background(el)))];
        return [el.className || el.tagName, (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05)];
      });
    }"""
    )
    assert ratios
    low = [(what, round(ratio, 2)) for what, ratio in ratios if ratio < 4.5]
    assert low == []


def test_landmarks_and_headings(examples, page):
    _, report = examples
    page.goto(report.as_uri())
    for role in ("banner", "navigation", "main", "contentinfo"):
        assert page.get_by_role(role).count() == 1, role
    assert page.get_by_role("heading", level=1).count() == 1
    names = page.evaluate("[...document.querySelectorAll('h2')].map(h => h.textContent)")
    assert "Summary" in names and any("Acme Robotics" in n for n in names)


def test_a_phone_does_not_scroll_sideways(examples, browser):
    _, report = examples
    context = browser.new_context(viewport={"width": 375, "height": 740}, is_mobile=True)
    phone = context.new_page()
    phone.goto(report.as_uri())
    assert phone.evaluate("document.scrollingElement.scrollWidth") <= 375
    context.close()


def test_a_script_in_a_note_is_shown_as_text_and_never_runs(tmp_path, page):
    folder = tmp_path / "notes" / "hostile"
    folder.mkdir(parents=True)
    (folder / "interview.yaml").write_text(
        "company: <img src=x onerror=\"window.pwned='company'\">\n"
        "interviewers:\n  - name: Ada Byron\n"
        "    points: [\"<script>window.pwned='point'</script> analytics\"]\n",
        encoding="utf-8",
    )
    script = "<script>window.pwned = 'note'; document.title = 'pwned'</script>"
    (folder / "ada-byron.md").write_text(
        f"---\nto: Ada Byron\n---\nDear Ada,\n\n{script}\n"
        "Thank you for the talk about analytics <b onmouseover=\"window.pwned='b'\">today</b>.\n",
        encoding="utf-8",
    )
    report = tmp_path / "report.html"
    _check(Path("notes"), tmp_path, "--format", "html", "--output", str(report))
    page.goto(report.as_uri())
    page.locator("pre.note").first.hover()
    assert page.evaluate("window.pwned") is None
    assert page.title() != "pwned"
    assert page.evaluate("document.scripts.length") == 1  # the report's own
    assert page.locator("img, b").count() == 0
    shown = page.locator("pre.note").first.text_content()
    assert script in shown
    assert page.get_by_text("<img src=x", exact=False).count() >= 1


def test_the_screenshot(examples, page, tmp_path):
    """What the README shows: a note with its findings, one in focus."""
    _, report = examples
    target = SCREENSHOT if os.environ.get("NOTELINT_UPDATE_SCREENSHOT") else tmp_path / "report.png"
    target.parent.mkdir(parents=True, exist_ok=True)
    page.set_viewport_size({"width": 960, "height": 640})
    page.goto(report.as_uri())
    card = page.locator("article.note-card", has_text="maria-gonzalez.md").first
    card.scroll_into_view_if_needed()
    page.evaluate("window.scrollBy(0, -8)")
    card.locator("mark.hl").first.focus()
    page.screenshot(path=str(target))
    assert target.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
