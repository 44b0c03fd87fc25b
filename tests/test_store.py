"""The claim ledger: no extraction on an unchanged corpus, one per added article, consistent after a kill."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import textwrap

import pytest

import checker.pipeline as pipeline
from checker.models import Claim
from checker.pipeline import check_paths
from checker.report import Format, render
from checker.ruleset import load_ruleset
from checker.store import Store, cache_key

ARTICLE = """---
title: {title}
outlet: Daily {n}
published: 2025-07-0{n}
---
Alibaba Cloud runs {count} data centers in Malaysia.
"""


@pytest.fixture
def corpus(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    folder = tmp_path / "corpus"
    folder.mkdir()
    for n, count in ((1, "three"), (2, "five"), (3, "three")):
        (folder / f"{n}.md").write_text(ARTICLE.format(title=f"Story {n}", n=n, count=count), encoding="utf-8")
    return folder


@pytest.fixture
def extractions(monkeypatch):
    """Names of the sources extract_claims was called for."""
    calls: list[str] = []
    real = pipeline.extract_claims

    def counting(doc, lexicon):
        calls.append(doc.source.id)
        return real(doc, lexicon)

    monkeypatch.setattr(pipeline, "extract_claims", counting)
    return calls


def test_unchanged_corpus_is_not_extracted_again(corpus, extractions):
    ruleset = load_ruleset([])
    with Store("ledger.sqlite") as store:
        first = check_paths(["corpus/"], ruleset=ruleset, store=store)
    assert extractions == ["1.md", "2.md", "3.md"]
    with Store("ledger.sqlite") as store:
        second = check_paths(["corpus/"], ruleset=ruleset, store=store)
    assert extractions == ["1.md", "2.md", "3.md"]
    assert second == first
    for fmt in Format:
        assert render(fmt, second).encode() == render(fmt, first).encode()


def test_adding_one_article_extracts_only_that_one(corpus, extractions):
    ruleset = load_ruleset([])
    with Store("ledger.sqlite") as store:
        check_paths(["corpus/"], ruleset=ruleset, store=store)
        (corpus / "4.md").write_text(ARTICLE.format(title="Story 4", n=4, count="seven"), encoding="utf-8")
        check_paths(["corpus/"], ruleset=ruleset, store=store)
        assert extractions == ["1.md", "2.md", "3.md", "4.md"]
        (corpus / "2.md").write_text(ARTICLE.format(title="Story 2 corrected", n=2, count="three"), encoding="utf-8")
        check_paths(["corpus/"], ruleset=ruleset, store=store)
        assert extractions == ["1.md", "2.md", "3.md", "4.md", "2.md"]
        assert store.stats()["extractions"] == 5


def test_cache_key_changes_with_what_extraction_depends_on(corpus):
    from checker.sources import load_paths

    source = load_paths(["corpus/1.md"]).documents[0].source
    base = cache_key(source, "1", "lex")
    assert base != cache_key(source, "2", "lex")
    assert base != cache_key(source, "1", "lex2")
    assert base != cache_key(source.model_copy(update={"published": None}), "1", "lex")
    assert base != cache_key(source.model_copy(update={"sha256": "0" * 64}), "1", "lex")
    assert base == cache_key(source, "1", "lex")


def test_store_is_in_wal_mode_and_holds_claims_as_json(corpus):
    with Store("ledger.sqlite") as store:
        report = check_paths(["corpus/"], ruleset=load_ruleset([]), store=store)
    conn = sqlite3.connect("ledger.sqlite")
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    rows = conn.execute("SELECT claim FROM claims ORDER BY source_id, position").fetchall()
    assert [Claim.model_validate_json(r[0]) for r in rows] == sorted(report.claims, key=lambda c: c.source)


def test_a_failed_write_leaves_nothing_half_written(corpus, monkeypatch):
    import checker.store as store_mod
    from checker.sources import load_paths

    doc = load_paths(["corpus/1.md"]).documents[0]
    claims = pipeline.extract_claims(doc, load_ruleset([]).lexicon)
    claims = claims + [c.model_copy(update={"id": c.id + "-2"}) for c in claims]
    assert len(claims) >= 2
    real = store_mod._claim_json
    seen: list[str] = []

    def fail_on_second(claim):
        seen.append(claim.id)
        if len(seen) == 2:
            raise RuntimeError("disk full")
        return real(claim)

    monkeypatch.setattr(store_mod, "_claim_json", fail_on_second)
    with Store("ledger.sqlite") as store:
        with pytest.raises(RuntimeError, match="disk full"):
            store.put("k", doc.source, "1", "lex", claims)
        assert store.stats() == {"extractions": 0, "claims": 0}
        assert store.get("k") is None


def test_a_killed_run_leaves_the_database_consistent(tmp_path):
    """A process killed inside a write transaction: the next open sees the last committed state."""
    db = tmp_path / "ledger.sqlite"
    script = textwrap.dedent(f"""
        import os, signal
        from checker.store import Store
        from checker.models import Source
        s = Store({str(db)!r})
        src = Source(id="a.md", path="a.md", sha256="00")
        s.put("committed", src, "1", "lex", [])
        s.conn.execute("BEGIN IMMEDIATE")
        s.conn.execute("INSERT INTO extractions VALUES ('half', 'b.md', '11', '1', 'lex', NULL, 2)")
        s.conn.execute("INSERT INTO claims VALUES ('half', 0, 'c', 'b.md', '{{}}')")
        os.kill(os.getpid(), signal.SIGKILL)
    """)
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, timeout=60)
    assert done.returncode == -9
    with Store(db) as store:
        assert store.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert [r[0] for r in store.conn.execute("SELECT cache_key FROM extractions")] == ["committed"]
        assert store.stats() == {"extractions": 1, "claims": 0}
        assert store.get("committed") == []
        assert store.get("half") is None
