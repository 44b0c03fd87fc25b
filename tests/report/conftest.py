"""Shared fixtures for reporter tests: a small conflicting corpus, its report, and headless Chromium."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from checker.pipeline import check_paths
from checker.ruleset import load_ruleset

SCHEMAS = Path(__file__).resolve().parents[2].parent / "shared" / "schemas"

ARTICLES = {
    "a.md": """---
title: Alibaba Cloud expands in Malaysia
outlet: Daily A
url: https://a.example/malaysia
published: 2025-07-02
---
Alibaba Cloud now runs three data centers in Malaysia, the company said.
""",
    "b.md": """---
title: Alibaba expands
outlet: Daily B
published: 2025-07-03
---
Alibaba Cloud operates five data centers in Malaysia.
""",
}


def write_corpus(folder: Path, articles: dict[str, str] = ARTICLES) -> Path:
    """Write articles into ``folder`` and return it."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in articles.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.fixture
def corpus(tmp_path, monkeypatch) -> Path:
    """Two articles that disagree on a count; the working directory is tmp_path."""
    monkeypatch.chdir(tmp_path)
    return write_corpus(tmp_path / "corpus")


@pytest.fixture
def report(corpus):
    """The report of :func:`corpus`, read as ``corpus/`` from tmp_path."""
    return check_paths(["corpus/"], ruleset=load_ruleset([]))


@pytest.fixture
def descriptions():
    return {r.id: r.spec.description for r in load_ruleset([]).rules}


@pytest.fixture(scope="session")
def chromium() -> str:
    """Path of a headless-capable Chromium; installed with apt when missing and we are root."""
    found = shutil.which("chromium")
    if found:
        return found
    if hasattr(os, "geteuid") and os.geteuid() == 0 and shutil.which("apt-get"):
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        subprocess.run(["apt-get", "update"], check=False, capture_output=True, env=env, timeout=600)
        done = subprocess.run(["apt-get", "install", "-y", "chromium"], check=False, capture_output=True, env=env, timeout=1200)
        found = shutil.which("chromium")
        if found:
            return found
        pytest.skip(f"!!! HTML REPORT NOT TESTED IN A BROWSER: `apt-get install -y chromium` failed: {done.stderr.decode(errors='replace')[-300:]}")
    pytest.skip("!!! HTML REPORT NOT TESTED IN A BROWSER: chromium is missing and cannot be installed here (needs root and apt-get); run `apt-get install -y chromium`")


def dump_dom(chromium: str, html: Path, tmp_path: Path, fragment: str = "") -> str:
    """The DOM after the page's script ran, as Chromium serialises it."""
    profile = tmp_path / "chromium-profile"
    cmd = [
        chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        f"--user-data-dir={profile}", "--dump-dom", html.resolve().as_uri() + fragment,
    ]
    done = subprocess.run(cmd, capture_output=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr.decode(errors="replace")[-2000:]
    return done.stdout.decode("utf-8")


@pytest.fixture
def dom(chromium, tmp_path):
    """dom(html_text, fragment='') -> the DOM Chromium builds from it after scripts ran."""
    def run(html: str, fragment: str = "") -> str:
        page = tmp_path / "report.html"
        page.write_text(html, encoding="utf-8")
        return dump_dom(chromium, page, tmp_path, fragment)
    return run


@pytest.fixture(scope="session")
def sarif_schema() -> dict:
    """The official SARIF 2.1.0 schema from ../shared/schemas."""
    import json

    return json.loads((SCHEMAS / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
