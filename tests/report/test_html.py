"""HTML report: self-contained, every finding rendered, hostile article text inert (checked in headless Chromium)."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from checker.pipeline import check_paths
from checker.report import Format, render
from checker.report.html import safe_url
from checker.ruleset import load_ruleset

HOSTILE = """---
title: "<script>alert('title')</script> Alibaba Cloud <img src=x onerror=alert(1)>"
outlet: "<img src=x onerror=alert(2)>Evil Times"
url: "javascript:alert(3)"
published: 2025-07-04
---
<script>alert(4)</script> Alibaba Cloud runs seven data centers in Malaysia <img src=x onerror=alert(5)>, see [here](javascript:alert(6)) and <a href="javascript:alert(7)">this</a>.
"""


class Elements(HTMLParser):
    """Tags with their attributes, in document order."""

    def __init__(self, text: str):
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def all(self, tag: str) -> list[dict]:
        return [a for t, a in self.tags if t == tag]


def test_every_finding_is_rendered_in_chromium(report, descriptions, dom):
    dom = Elements(dom(render(Format.html, report, descriptions=descriptions)))
    findings = [a for a in dom.all("article") if "finding" in (a.get("class") or "").split()]
    assert len(findings) == len(report.findings) == 1
    assert [a["id"] for a in findings] == [f"finding-{f.id}" for f in report.findings]
    assert dom.all("body")[0]["data-js"] == "ready"  # the page's own script ran
    assert [a for a in findings if "hidden" in a] == []


def test_filters_follow_the_url_fragment(report, descriptions, dom):
    dom = Elements(dom(render(Format.html, report, descriptions=descriptions), "#severity=warning,info"))
    findings = [a for a in dom.all("article") if "finding" in (a.get("class") or "").split()]
    assert [("hidden" in a) for a in findings] == [True]
    boxes = {a["value"]: "checked" in a for a in dom.all("input") if a.get("name") == "severity"}
    assert boxes == {"error": False, "warning": True, "info": True}


def test_hostile_article_stays_inert_in_chromium(corpus, dom):
    (corpus / "evil.md").write_text(HOSTILE, encoding="utf-8")
    report = check_paths(["corpus/"], ruleset=load_ruleset([]))
    assert any("evil.md" in f.sources for f in report.findings), "the hostile article must be part of a finding"
    html = render(Format.html, report)
    dom = Elements(dom(html))
    assert len(dom.all("script")) == 1  # only the report's own script
    assert dom.all("img") == []
    assert [a["href"] for a in dom.all("a") if (a.get("href") or "").strip().lower().startswith("javascript")] == []
    assert [(t, k) for t, attrs in dom.tags for k in attrs if k.startswith("on")] == []
    # the hostile words are shown as text
    assert "&lt;script&gt;alert(4)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(2)&gt;Evil Times" in html
    assert "javascript:alert(3)" in html and 'href="javascript' not in html


def test_self_contained_no_network_references(report, descriptions):
    html = render(Format.html, report, descriptions=descriptions)
    dom = Elements(html)
    assert dom.all("link") == [] and dom.all("img") == [] and dom.all("iframe") == []
    assert [a for _, a in dom.tags if "src" in a] == []
    style = re.search(r"<style>(.*?)</style>", html, re.S).group(1)
    script = re.search(r"<script>(.*?)</script>", html, re.S).group(1)
    assert "url(" not in style and "@import" not in style
    assert "http" not in style and "http" not in script
    assert "fetch(" not in script and "XMLHttpRequest" not in script
    csp = [a["content"] for a in dom.all("meta") if a.get("http-equiv") == "Content-Security-Policy"][0]
    assert csp.startswith("default-src 'none'; style-src 'sha256-")
    # only http(s) URLs become links: the article link and the source table link
    assert [a["href"] for a in dom.all("a") if not a["href"].startswith("#")] == ["https://a.example/malaysia", "https://a.example/malaysia"]


def test_evidence_is_highlighted_with_the_figure_marked(report):
    html = render(Format.html, report)
    assert "Alibaba Cloud now runs <mark><strong>three</strong> data centers in Malaysia</mark>, the company said." in html
    assert "Alibaba Cloud operates <mark><strong>five</strong> data centers in Malaysia</mark>." in html


def test_sources_and_skipped_files_are_listed(corpus):
    (corpus / "empty.md").write_text("", encoding="utf-8")
    report = check_paths(["corpus/"], ruleset=load_ruleset([]))
    html = render(Format.html, report)
    assert html.count('class="source"') == 2
    assert '<li class="skipped">corpus/empty.md: empty file</li>' in html


def test_safe_url_accepts_only_http_and_https():
    assert safe_url("http://x.example/a?b=1") == "http://x.example/a?b=1"
    assert [safe_url(u) for u in ["javascript:alert(1)", "data:text/html,x", "vbscript:x", "java\nscript:x", "", None, "/relative"]] == [None] * 7
