"""The claim ledger: extracted claims cached in SQLite by what they depend on.

Extraction is a pure function of a source's bytes, the extractor code, the
lexicon and the source's published date (relative dates resolve against it),
so those four, with the source id that claim ids are built from, make the
cache key. A re-run over an unchanged corpus reads every claim from here and
extracts nothing; adding one article extracts that one only.

The database runs in WAL mode and every write is one transaction (an
extraction row and all its claims together), so a run killed at any point
leaves either the whole extraction of a source or none of it.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from pathlib import Path

from checker.models import Claim, Source

#: Default location, relative to the working directory.
DEFAULT_PATH = Path(".claimcheck") / "claims.sqlite"

#: Bumped when the tables below change; an older file is emptied, not migrated.
SCHEMA_VERSION = "1"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS extractions (
    cache_key TEXT PRIMARY KEY,
    source_id TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    extractor_version TEXT NOT NULL,
    lexicon_digest TEXT NOT NULL,
    published TEXT,
    claim_count INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS claims (
    cache_key TEXT NOT NULL REFERENCES extractions(cache_key) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    claim_id TEXT NOT NULL,
    source_id TEXT NOT NULL,
    claim TEXT NOT NULL,
    PRIMARY KEY (cache_key, position)
);
CREATE INDEX IF NOT EXISTS claims_by_source ON claims(source_id);
"""


def cache_key(source: Source, extractor_version: str, lexicon_digest: str) -> str:
    """What an extraction depends on, hashed.

    >>> s = Source(id="a.md", path="a.md", sha256="00", published=None)
    >>> cache_key(s, "1", "abc") == cache_key(s, "1", "abc"), cache_key(s, "1", "abc") == cache_key(s, "2", "abc")
    (True, False)
    """
    published = source.published.isoformat() if source.published else ""
    raw = "\n".join([source.id, source.sha256, extractor_version, lexicon_digest, published])
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()


class Store:
    """An open claim ledger; use as a context manager or call :meth:`close`."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        # isolation_level=None: transactions are opened explicitly in put()
        self.conn = sqlite3.connect(self.path, isolation_level=None, timeout=30)
        self.conn.execute("PRAGMA journal_mode=WAL")
        self.conn.execute("PRAGMA synchronous=NORMAL")
        self.conn.execute("PRAGMA foreign_keys=ON")
        self._migrate()

    def _migrate(self) -> None:
        with self._transaction():
            for statement in filter(None, (s.strip() for s in _SCHEMA.split(";"))):
                self.conn.execute(statement)
            row = self.conn.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
            if row is None or row[0] != SCHEMA_VERSION:
                self.conn.execute("DELETE FROM claims")
                self.conn.execute("DELETE FROM extractions")
                self.conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('schema_version', ?)", (SCHEMA_VERSION,))

    def _transaction(self):
        conn = self.conn

        class _Tx:
            def __enter__(self):
                conn.execute("BEGIN IMMEDIATE")

            def __exit__(self, exc_type, exc, tb):
                conn.execute("ROLLBACK" if exc_type else "COMMIT")
                return False

        return _Tx()

    def get(self, key: str) -> list[Claim] | None:
        """The cached claims for a cache key, in text order; None when not cached."""
        row = self.conn.execute("SELECT claim_count FROM extractions WHERE cache_key=?", (key,)).fetchone()
        if row is None:
            return None
        rows = self.conn.execute("SELECT claim FROM claims WHERE cache_key=? ORDER BY position", (key,)).fetchall()
        if len(rows) != row[0]:
            return None
        return [Claim.model_validate_json(r[0]) for r in rows]

    def put(self, key: str, source: Source, extractor_version: str, lexicon_digest: str, claims: list[Claim]) -> None:
        """Record one source's extraction, all or nothing (older versions of the source stay in the ledger)."""
        published = source.published.isoformat() if source.published else None
        with self._transaction():
            self.conn.execute("DELETE FROM claims WHERE cache_key=?", (key,))
            self.conn.execute(
                "INSERT OR REPLACE INTO extractions(cache_key, source_id, sha256, extractor_version, lexicon_digest, published, claim_count) VALUES (?,?,?,?,?,?,?)",
                (key, source.id, source.sha256, extractor_version, lexicon_digest, published, len(claims)),
            )
            self.conn.executemany(
                "INSERT INTO claims(cache_key, position, claim_id, source_id, claim) VALUES (?,?,?,?,?)",
                [(key, i, c.id, c.source, _claim_json(c)) for i, c in enumerate(claims)],
            )

    def stats(self) -> dict[str, int]:
        """Rows in the ledger: {'extractions': n, 'claims': m}."""
        return {
            "extractions": self.conn.execute("SELECT COUNT(*) FROM extractions").fetchone()[0],
            "claims": self.conn.execute("SELECT COUNT(*) FROM claims").fetchone()[0],
        }

    def close(self) -> None:
        """Close the connection (the WAL is checkpointed by SQLite)."""
        self.conn.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def _claim_json(claim: Claim) -> str:
    return json.dumps(claim.model_dump(mode="json"), ensure_ascii=False, sort_keys=True)
