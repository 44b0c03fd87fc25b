"""Loading sources: front matter, manifests, JSONL, HTML, and bad input that never stops the run."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from checker.errors import InputError
from checker.sources import load_paths

SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "seeds"


def write(path: Path, data: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, bytes):
        path.write_bytes(data)
    else:
        path.write_text(data, encoding="utf-8")
    return path


def test_front_matter_metadata_and_title_region(tmp_path):
    write(tmp_path / "a.md", '---\ntitle: "Alibaba opens third data center"\noutlet: Daily\npublished: 2025-07-02\nsection: tech\n---\nBody text here.\n')
    result = load_paths([tmp_path])
    (doc,) = result.documents
    src = doc.source
    assert (src.id, src.title, src.outlet, src.published, src.metadata) == ("a.md", "Alibaba opens third data center", "Daily", dt.date(2025, 7, 2), {"section": "tech"})
    assert [doc.text[a:b] for a, b in doc.regions] == ["Alibaba opens third data center", "Body text here.\n"]
    assert len(src.sha256) == 64 and result.skipped == []


def test_ids_are_relative_to_folder_and_sorted(tmp_path):
    write(tmp_path / "b" / "z.md", "Zed.")
    write(tmp_path / "a.txt", "Ay.")
    write(tmp_path / ".hidden" / "x.md", "hidden")
    write(tmp_path / "README.md", "About this corpus.")
    ids = [d.source.id for d in load_paths([tmp_path]).documents]
    assert ids == ["a.txt", "b/z.md"]
    assert [d.source.id for d in load_paths([tmp_path / "b" / "z.md"]).documents] == ["z.md"]


def test_bad_files_are_skipped_with_path_and_line(tmp_path):
    write(tmp_path / "bin.md", b"PK\x03\x04\x00\x00binary")
    write(tmp_path / "empty.md", "  \n")
    write(tmp_path / "latin.md", b"line one\ncaf\xe9\n")
    write(tmp_path / "good.md", "Fine.")
    result = load_paths([tmp_path])
    assert [d.source.id for d in result.documents] == ["good.md"]
    reasons = [s.reason for s in result.skipped]
    assert reasons == [
        f"{tmp_path}/bin.md: binary file (NUL byte at offset 4)",
        f"{tmp_path}/empty.md: empty file",
        f"{tmp_path}/latin.md:2: not valid UTF-8 (byte 0xe9 at offset 12) (accepted: UTF-8 text)",
    ]


def test_invalid_front_matter_and_date_are_warnings(tmp_path):
    write(tmp_path / "a.md", "---\ntitle: [unclosed\n---\nBody.\n")
    write(tmp_path / "b.md", "---\ntitle: B\npublished: last Tuesday\n---\nBody.\n")
    docs = load_paths([tmp_path]).documents
    assert docs[0].source.warnings[0].startswith(f"{tmp_path}/a.md:3: invalid front matter, metadata ignored")
    assert docs[0].text[docs[0].regions[0][0]:] == "Body.\n"
    assert docs[1].source.published is None
    assert docs[1].source.warnings == [f"{tmp_path}/b.md:3: unparseable published date 'last Tuesday'; time-dependent findings will say the date is unknown (accepted: YYYY-MM-DD)"]


def test_jsonl_records_and_malformed_lines(tmp_path):
    write(tmp_path / "feed.jsonl", '{"id": "x1", "title": "T", "text": "Body one.", "published": "2025-01-02"}\n{broken\n{"id": "x3"}\n')
    result = load_paths([tmp_path])
    (doc,) = result.documents
    assert (doc.source.id, doc.text, doc.source.published) == ("feed.jsonl#x1", "T\n\nBody one.", dt.date(2025, 1, 2))
    assert [s.line for s in result.skipped] == [2, 3]
    assert result.skipped[0].reason.startswith(f"{tmp_path}/feed.jsonl:2: malformed JSON")
    assert result.skipped[1].reason == f"{tmp_path}/feed.jsonl:3: record needs a non-empty 'text' string (accepted: id, text, title, outlet, url, published)"


def test_html_text_nodes_keep_offsets(tmp_path):
    html = "<html><head><title>Big news</title><script>var x = 5;</script></head><body><p>It runs 3 data centers.</p></body></html>"
    (doc,) = load_paths([write(tmp_path / "a.html", html)]).documents
    assert [doc.text[a:b] for a, b in doc.regions] == ["Big news", "It runs 3 data centers."]
    assert doc.source.title == "Big news"


def test_manifest_gives_metadata(tmp_path):
    write(tmp_path / "sources.yaml", "a.txt:\n  title: From manifest\n  published: 2025-10-28\n  outlet: Paper\n")
    write(tmp_path / "a.txt", "Text.")
    (doc,) = load_paths([tmp_path]).documents
    assert (doc.source.title, doc.source.published, doc.source.outlet) == ("From manifest", dt.date(2025, 10, 28), "Paper")


def test_seed_manifest():
    result = load_paths([SEEDS])
    assert result.skipped == []
    assert [(d.source.id, d.source.published) for d in result.documents] == [
        ("000_2a4ac31d79f18ac2.txt", dt.date(2025, 7, 3)),
        ("001_e504311b7943b92d.txt", dt.date(2025, 7, 2)),
        ("002_3e21896d5572ad35.txt", dt.date(2025, 10, 28)),
        ("003_204eb8dc75dbc403.txt", None),
        ("004_3ad7fe316cd719d9.txt", dt.date(2026, 6, 18)),
    ]
    assert result.documents[3].source.metadata["published_note"].startswith("no date shown")


def test_missing_path_is_a_usage_error(tmp_path):
    with pytest.raises(InputError, match="no such file or folder"):
        load_paths([tmp_path / "nope"])
