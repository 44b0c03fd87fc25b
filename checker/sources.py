"""Find and load sources: articles as files, manifests and JSONL records.

A path argument is a file or a folder (walked recursively, in sorted order).
Accepted files:

- ``.md`` / ``.txt``: optional YAML front matter between ``---`` lines with
  ``title``, ``outlet``, ``url``, ``published``, ``language``; other keys are kept
  as metadata. The title counts as article text.
- ``sources.yaml`` in a folder: a manifest mapping file names to the same keys,
  for files without front matter.
- ``.jsonl``: one article a line with ``id``, ``text``, ``title``, ``outlet``,
  ``url``, ``published``.
- ``.html`` / ``.htm``: the text outside tags (script and style left out).

A file that cannot be read becomes a :class:`SkippedSource` with
``path:line: reason``; a recoverable problem (bad front matter, unparseable
date) becomes a warning on the source. Nothing here raises for bad content.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import yaml

from checker.errors import InputError, located
from checker.models import SkippedSource, Source

TEXT_SUFFIXES = (".md", ".markdown", ".txt")
HTML_SUFFIXES = (".html", ".htm")
JSONL_SUFFIXES = (".jsonl",)
MANIFEST_NAME = "sources.yaml"
# a corpus folder's own documentation, not articles (a file argument is always read)
NOT_ARTICLES = frozenset({"README", "CHANGELOG", "LICENSE", "LICENCE", "CONTRIBUTING"})
KNOWN_KEYS = ("title", "outlet", "url", "published", "language")
_FRONT_MATTER = re.compile(r"\A(?:\ufeff)?---[ \t]*\r?\n(.*?)^(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S | re.M)


@dataclass(frozen=True)
class Document:
    """A loaded source with the text claims are extracted from.

    ``text`` is the decoded file text that evidence offsets index (for a JSONL
    record, ``title`` and ``text`` joined by a blank line). ``regions`` are the
    ``(start, end)`` slices of ``text`` that hold article text: the title and
    the body, never the rest of the front matter.
    """

    source: Source
    text: str
    regions: tuple[tuple[int, int], ...]


@dataclass
class LoadResult:
    """Documents that were read and sources that were skipped, in path order."""

    documents: list[Document] = field(default_factory=list)
    skipped: list[SkippedSource] = field(default_factory=list)


def sha256(data: bytes) -> str:
    """Hex SHA-256 of bytes."""
    return hashlib.sha256(data).hexdigest()


def parse_date(value: object) -> dt.date | None:
    """A front-matter date: a YAML date, a datetime, or an ISO string.

    >>> parse_date("2025-07-02"), parse_date("2025-07-02T10:00:00Z")
    (datetime.date(2025, 7, 2), datetime.date(2025, 7, 2))
    >>> parse_date("July 2") is None
    True
    """
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        s = value.strip()
        try:
            return dt.datetime.fromisoformat(s.replace("Z", "+00:00")).date()
        except ValueError:
            pass
        for fmt in ("%Y-%m-%d", "%d %B %Y", "%B %d, %Y", "%d %b %Y", "%b %d, %Y", "%Y/%m/%d"):
            try:
                return dt.datetime.strptime(s, fmt).date()
            except ValueError:
                continue
    return None


def iter_files(path: Path) -> Iterator[Path]:
    """The source files under ``path`` (itself if a file), sorted; manifests, hidden files and README-style docs excluded."""
    if path.is_file():
        yield path
        return
    for p in sorted(path.rglob("*")):
        if p.is_file() and p.name != MANIFEST_NAME and p.stem.upper() not in NOT_ARTICLES and p.suffix.lower() in TEXT_SUFFIXES + HTML_SUFFIXES + JSONL_SUFFIXES:
            if not any(part.startswith(".") for part in p.relative_to(path).parts):
                yield p


def load_paths(paths: Iterable[str | Path]) -> LoadResult:
    """Load every source under the given paths.

    Raises :class:`InputError` only for a path that does not exist (a usage error).
    """
    result = LoadResult()
    seen: set[Path] = set()
    for arg in paths:
        root = Path(arg)
        if not root.exists():
            raise InputError(f"{arg}: no such file or folder")
        manifests: dict[Path, dict] = {}
        for file in iter_files(root):
            if file.resolve() in seen:
                continue
            seen.add(file.resolve())
            rel = file.name if root.is_file() else file.relative_to(root).as_posix()
            meta = _manifest_entry(file, manifests, result)
            _load_file(file, rel, meta, result)
    return result


def _manifest_entry(file: Path, cache: dict[Path, dict], result: LoadResult) -> dict:
    """Metadata for ``file`` from a sources.yaml beside it, read once per folder."""
    folder = file.parent
    if folder not in cache:
        cache[folder] = {}
        mf = folder / MANIFEST_NAME
        if mf.is_file():
            try:
                data = yaml.safe_load(mf.read_text(encoding="utf-8"))
            except (yaml.YAMLError, UnicodeDecodeError, ValueError, TypeError, AttributeError, KeyError, OverflowError) as exc:
                # PyYAML's constructors raise plain ValueError etc. for values like 2025-02-30
                line = getattr(getattr(exc, "problem_mark", None), "line", None)
                result.skipped.append(_skip(str(mf), None if line is None else line + 1, f"invalid manifest: {_first_line(exc)}"))
                data = None
            if isinstance(data, dict):
                cache[folder] = {str(k): v for k, v in data.items() if isinstance(v, dict)}
            elif data is not None:
                result.skipped.append(_skip(str(mf), 1, "manifest must map file names to metadata"))
    return dict(cache[folder].get(file.name, {}))


def _skip(path: str, line: int | None, reason: str) -> SkippedSource:
    return SkippedSource(path=path, line=line, reason=located(path, line, reason))


def _first_line(exc: Exception) -> str:
    return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__


def decode(data: bytes, path: str) -> tuple[str | None, SkippedSource | None]:
    """Decode file bytes as UTF-8, or say why the file is skipped.

    >>> decode(b"", "a.md")[1].reason
    'a.md: empty file'
    >>> decode(b"ab\\x00cd", "a.md")[1].reason
    'a.md: binary file (NUL byte at offset 2)'
    >>> decode(b"ok\\n\\xff", "a.md")[1].reason
    'a.md:2: not valid UTF-8 (byte 0xff at offset 3) (accepted: UTF-8 text)'
    """
    if not data.strip():
        return None, _skip(path, None, "empty file")
    nul = data.find(b"\x00", 0, 8192)
    if nul >= 0:
        return None, _skip(path, None, f"binary file (NUL byte at offset {nul})")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        what = f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start})"
        return None, SkippedSource(path=path, line=line, reason=located(path, line, what, ["UTF-8 text"]))
    # Offsets are kept over \n-only text; \r\n files are read with \r kept as-is.
    return text, None


def _load_file(file: Path, rel: str, meta: dict, result: LoadResult) -> None:
    path = str(file)
    try:
        data = file.read_bytes()
    except OSError as exc:
        result.skipped.append(_skip(path, None, f"cannot read: {exc.strerror or exc}"))
        return
    suffix = file.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        _load_jsonl(data, path, rel, result)
        return
    text, skipped = decode(data, path)
    if skipped:
        result.skipped.append(skipped)
        return
    assert text is not None
    warnings: list[str] = []
    if suffix in HTML_SUFFIXES:
        regions, html_meta = _html_regions(text)
        meta = {**html_meta, **meta}
        title_region = None
    else:
        fm_meta, body_start, title_region = _front_matter(text, path, warnings)
        meta = {**meta, **fm_meta}
        regions = [(body_start, len(text))]
    if title_region:
        regions = [title_region] + regions
    source = _make_source(rel, path, sha256(data), meta, warnings)
    result.documents.append(Document(source=source, text=text, regions=tuple(r for r in regions if r[0] < r[1])))


def _make_source(rel: str, path: str, digest: str, meta: dict, warnings: list[str]) -> Source:
    """Build a Source from metadata, turning an unreadable date into a warning."""
    published = None
    if meta.get("published") not in (None, ""):
        published = parse_date(meta["published"])
        if published is None:
            warnings.append(located(path, meta.get("__published_line"), f"unparseable published date {meta['published']!r}; time-dependent findings will say the date is unknown", ["YYYY-MM-DD"]))
    extra = {k: _plain(v) for k, v in meta.items() if k not in KNOWN_KEYS and not k.startswith("__")}
    return Source(
        id=rel,
        path=path,
        title=_str_or_none(meta.get("title")),
        outlet=_str_or_none(meta.get("outlet")),
        url=_str_or_none(meta.get("url")),
        published=published,
        language=_str_or_none(meta.get("language")),
        sha256=digest,
        metadata=extra,
        warnings=warnings,
    )


def _plain(value: object) -> object:
    """Metadata made JSON-safe (dates as ISO strings)."""
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def _str_or_none(value: object) -> str | None:
    return None if value is None else str(value)


def _front_matter(text: str, path: str, warnings: list[str]) -> tuple[dict, int, tuple[int, int] | None]:
    """Parse front matter: (metadata, offset where the body starts, title value's slice)."""
    m = _FRONT_MATTER.match(text)
    if not m:
        return {}, 0, None
    body_start = m.end()
    try:
        node = yaml.compose(m.group(1))
        data = yaml.safe_load(m.group(1))
    except (yaml.YAMLError, ValueError, TypeError, AttributeError, KeyError, OverflowError) as exc:
        mark = getattr(exc, "problem_mark", None)
        line = None if mark is None else mark.line + 2  # +1 for 1-based, +1 for the '---' line
        warnings.append(located(path, line, f"invalid front matter, metadata ignored: {getattr(exc, 'problem', None) or _first_line(exc)}"))
        return {}, body_start, None
    if data is None:
        return {}, body_start, None
    if not isinstance(data, dict):
        warnings.append(located(path, 2, "front matter is not a mapping, metadata ignored", ["title", "outlet", "url", "published", "language"]))
        return {}, body_start, None
    meta = {str(k): v for k, v in data.items()}
    title_region = None
    fm_offset = m.start(1)
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if key.value in ("title", "outlet", "url", "language") and isinstance(value, yaml.ScalarNode) and value.value:
                meta[key.value] = value.value  # as written: "title: yes" is the word, not a boolean
            if key.value == "published":
                meta["__published_line"] = value.start_mark.line + 2
            if key.value == "title" and isinstance(value, yaml.ScalarNode):
                a, b = fm_offset + value.start_mark.index, fm_offset + value.end_mark.index
                raw = text[a:b]
                # a quoted title: evidence covers the words inside the quotes
                if len(raw) >= 2 and raw[0] in "'\"" and raw[-1] == raw[0]:
                    a, b = a + 1, b - 1
                if text[a:b] == str(value.value):
                    title_region = (a, b)
    return meta, body_start, title_region


def _load_jsonl(data: bytes, path: str, rel: str, result: LoadResult) -> None:
    """One article a line; a bad line is skipped with its line number, the rest are read."""
    if not data.strip():
        result.skipped.append(_skip(path, None, "empty file"))
        return
    for lineno, raw in enumerate(data.split(b"\n"), start=1):
        if not raw.strip():
            continue
        try:
            rec = json.loads(raw.decode("utf-8"))
        except UnicodeDecodeError as exc:
            result.skipped.append(_skip(path, lineno, f"not valid UTF-8 (byte 0x{raw[exc.start]:02x})"))
            continue
        except json.JSONDecodeError as exc:
            result.skipped.append(_skip(path, lineno, f"malformed JSON: {exc.msg} at column {exc.colno}"))
            continue
        if not isinstance(rec, dict) or not isinstance(rec.get("text"), str) or not rec["text"].strip():
            result.skipped.append(SkippedSource(path=path, line=lineno, reason=located(path, lineno, "record needs a non-empty 'text' string", ["id", "text", "title", "outlet", "url", "published"])))
            continue
        rid = str(rec.get("id", lineno))
        title = rec.get("title")
        body = rec["text"]
        text = f"{title}\n\n{body}" if isinstance(title, str) and title.strip() else body
        regions = ((0, len(text)),)
        meta = {k: v for k, v in rec.items() if k not in ("id", "text")}
        if "published" in meta:
            meta["__published_line"] = lineno
        warnings: list[str] = []
        source = _make_source(f"{rel}#{rid}", path, sha256(raw), meta, warnings)
        result.documents.append(Document(source=source, text=text, regions=regions))


class _TextNodes(HTMLParser):
    """Collect (start, end) offsets of text outside tags, script and style."""

    def __init__(self, text: str):
        super().__init__(convert_charrefs=False)
        self.text = text
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
        self.regions: list[tuple[int, int]] = []
        self.skip = 0
        self.meta: dict[str, str] = {}
        self._in_title = False

    def _offset(self) -> int:
        line, col = self.getpos()
        return self.line_starts[line - 1] + col

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self.skip += 1
        self._in_title = tag == "title"
        if tag == "meta":
            d = dict(attrs)
            key = (d.get("property") or d.get("name") or "").lower()
            if key in ("article:published_time", "date", "og:site_name", "og:url") and d.get("content"):
                name = {"article:published_time": "published", "date": "published", "og:site_name": "outlet", "og:url": "url"}[key]
                self.meta.setdefault(name, d["content"])

    def handle_endtag(self, tag):
        if tag in ("script", "style") and self.skip:
            self.skip -= 1
        self._in_title = False

    def handle_data(self, data):
        if self.skip or not data.strip():
            return
        start = self._offset()
        if self.text[start : start + len(data)] == data:
            self.regions.append((start, start + len(data)))
            if self._in_title:
                self.meta.setdefault("title", data.strip())


def _html_regions(text: str) -> tuple[list[tuple[int, int]], dict]:
    parser = _TextNodes(text)
    parser.feed(text)
    parser.close()
    return parser.regions, parser.meta
