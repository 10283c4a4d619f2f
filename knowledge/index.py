"""A search index over every line of the knowledge base: SQLite FTS5, ranked by bm25().

Each line is one bullet, or one sentence of a paragraph, with its role, topic, the group
headings above it and its label. The index lives in an in-memory SQLite database, built
from the loaded knowledge base on first use (a few milliseconds; see bench/ask_bench.py).
FTS5's porter tokenizer stems both the lines and the query ("certifications" finds
"certification"), and bm25() ranks (rarer words weigh more, short lines win ties).
Each line also carries the questions people ask that it answers (knowledge/asked/*.yaml,
a down-weighted column): search() finds lines by them, matching() (what a document says)
never does.

Why FTS5: it is in the standard library (no wheel to install, nothing to load at start),
its bm25() is the well-tested Okapi BM25, and building 3,000 short lines in memory costs
about as much as reading one YAML file. A query is a handful of quoted terms (never FTS5
syntax from the user), so hostile text cannot break or slow it.
"""

from __future__ import annotations

import _thread  # threading's Lock without importing threading (~0.8 ms of a cold start)
import math
from collections.abc import Iterable, Mapping, Sequence

from knowledge.english import is_common
from knowledge.models import Group, Item, KnowledgeBase, Record
from knowledge.patterns import Lazy

TYPE_CHECKING = False  # without importing typing
if TYPE_CHECKING:
    import sqlite3

__all__ = ["Hit", "Index", "Line", "key", "lines_of"]

_SENTENCE = Lazy(r"(?<=[.!?])\s+(?=[A-Z(])")
_TERM = Lazy(r"[a-z0-9]+")
# bm25() column weights: the line's own words, its label, the headings above it, and the questions
# people ask that it answers (knowledge/asked/*.yaml): found by them, never said by them
_WEIGHTS = (1.0, 1.0, 0.8, 0.5)
_SAID = "{body label path}"  # the columns of what a document says
_SAID_OR_ASKED = "{body label path asked}"
_MAX_TERMS = 12
_RANKED = 512  # searches whose ranked rows are kept


class Line(Record):
    """One searchable line: a bullet (label, text) or one sentence of a paragraph."""

    id: int
    role: str
    topic: str
    path: tuple[str, ...]  # group headings from the section down, e.g. ("Education",)
    label: str | None
    text: str
    depth: int = 0  # nesting of a bullet under another bullet
    bullet: bool = True


class Hit(Record):
    """A line that matched, its bm25 score (higher is better) and the terms it holds."""

    line: Line
    score: float
    terms: frozenset[str]  # as key() writes them

    def __init__(self, line: Line, score: float, terms: frozenset[str]) -> None:
        self.__dict__.update(line=line, score=score, terms=terms)


def _heading(group: Group) -> str | None:
    if not group.heading:
        return None
    return f"{group.number}. {group.heading}" if group.number else group.heading


def _sentences(paragraph: str) -> list[str]:
    return [s for s in _SENTENCE.split(paragraph) if s.strip()]


def lines_of(kb: KnowledgeBase) -> list[Line]:
    """Every line of every role, in document order."""
    out: list[Line] = []

    def add(**kw) -> None:
        out.append(Line(id=len(out), **kw))

    def items(role: str, topic: str, path: tuple[str, ...], found: Iterable[Item], depth: int) -> None:
        for item in found:
            add(role=role, topic=topic, path=path, label=item.label, text=item.text, depth=depth)
            inner = (*path, item.label) if item.label else path
            items(role, topic, inner, item.items, depth + 1)

    def group(role: str, topic: str, path: tuple[str, ...], g: Group) -> None:
        here = (*path, h) if (h := _heading(g)) else path
        for paragraph in g.paragraphs:
            for s in _sentences(paragraph):
                add(role=role, topic=topic, path=here, label=None, text=s, bullet=False)
        items(role, topic, here, g.items, 0)
        for sub in g.groups:
            group(role, topic, here, sub)

    def paragraphs(role: str, topic: str, found: Iterable[str]) -> None:
        for paragraph in found:
            for s in _sentences(paragraph):
                add(role=role, topic=topic, path=(), label=None, text=s, bullet=False)

    for role in kb.roles.values():
        for section in role.sections:
            paragraphs(role.id, section.topic, section.intro)
            for g in section.groups:
                group(role.id, section.topic, (), g)
            paragraphs(role.id, section.topic, section.summary)
    return out


def key(term: str) -> str:
    """A term as the index compares it: its lowercase [a-z0-9] words, one space apart."""
    return " ".join(_TERM.findall(term.lower()))


def _common(quoted: str) -> bool:
    """Whether every word of a quoted term is among the commonest English words."""
    return all(is_common(w) for w in quoted.strip('"').split())


def _quote(term: str) -> str:
    """One FTS5 string: a word or a phrase, only [a-z0-9] words inside double quotes."""
    return f'"{key(term)}"'


_SCHEMA = (
    "CREATE VIRTUAL TABLE lines USING fts5("
    "body, label, path, asked, content = '', tokenize = 'porter unicode61')",  # the text is in `line`
    "CREATE TABLE line (id INTEGER PRIMARY KEY, role TEXT, topic TEXT, path TEXT, label TEXT,"
    " text TEXT, depth INTEGER, bullet INTEGER)",
    "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)",
)
_SEP = "\x1f"


class Index:
    """Every line of a knowledge base, searchable with bm25 ranking.

    `Index.build(kb)` makes it in memory; `python -m knowledge build` saves it next to the
    compiled knowledge base (`to_bytes`), and `Index.open` takes it back in about a
    millisecond while its stamp matches the YAML it was made from.
    """

    def __init__(self, db: sqlite3.Connection) -> None:
        self._db = db
        self._lock = _thread.allocate_lock()
        self._lines: dict[int, Line] = {}
        self._sections: dict[tuple[str, str], list[Line]] = {}
        self._matches: dict[str, frozenset[int]] = {}
        self._ranked: dict[tuple, tuple[tuple[int, float], ...]] = {}  # kept: the index never changes
        self._roles: dict[str, frozenset[int]] = {}
        self.size = db.execute("SELECT count(*) FROM line").fetchone()[0]
        row = db.execute("SELECT value FROM meta WHERE key = 'stamp'").fetchone()
        self.stamp = row[0] if row else ""

    @classmethod
    def build(
        cls, kb: KnowledgeBase, stamp: str = "", asked: Mapping[tuple[str, str], Sequence[str]] | None = None
    ) -> Index:
        """A fresh in-memory index of every line of kb; `asked`: (role, line text) -> the questions
        people ask that the line answers (knowledge/asked/*.yaml)."""
        asked = asked or {}
        import sqlite3  # only when a question needs the index: `/role mlops salary` never does

        db = sqlite3.connect(":memory:", check_same_thread=False)
        for statement in _SCHEMA:
            db.execute(statement)
        rows = [
            (ln.id, ln.role, ln.topic, _SEP.join(ln.path), ln.label, ln.text, ln.depth, int(ln.bullet))
            for ln in lines_of(kb)
        ]
        db.executemany("INSERT INTO line VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows)
        db.executemany(
            "INSERT INTO lines (rowid, body, label, path, asked) VALUES (?, ?, ?, ?, ?)",
            (
                (
                    r[0],
                    r[5],
                    r[4] or "",
                    r[3].replace(_SEP, " "),
                    " ".join(asked.get((r[1], r[5]), ())),
                )
                for r in rows
            ),
        )
        db.execute("INSERT INTO lines (lines) VALUES ('optimize')")
        db.execute("INSERT INTO meta VALUES ('stamp', ?)", (stamp,))
        db.commit()
        db.execute("VACUUM")  # compact pages: the saved file is about half the size
        return cls(db)

    @classmethod
    def open(cls, data: bytes, stamp: str) -> Index | None:
        """The saved index if it is whole and made for this stamp, else None."""
        import sqlite3

        db = sqlite3.connect(":memory:", check_same_thread=False)
        try:
            db.deserialize(data)
            index = cls(db)
            index.matching("engineer")  # touches the FTS5 tables: a damaged file fails here
        except (sqlite3.DatabaseError, TypeError):
            db.close()
            return None
        if index.stamp != stamp or not index.size:
            db.close()
            return None
        return index

    @staticmethod
    def stamp_of(data: bytes) -> str:
        """The stamp a saved index was made for ('' if it is not a whole index)."""
        import sqlite3

        db = sqlite3.connect(":memory:")
        try:
            db.deserialize(data)
            row = db.execute("SELECT value FROM meta WHERE key = 'stamp'").fetchone()
        except (sqlite3.DatabaseError, TypeError):
            return ""
        finally:
            db.close()
        return row[0] if row else ""

    def to_bytes(self) -> bytes:
        """The whole index as one SQLite database file."""
        with self._lock:
            return self._db.serialize()

    def __len__(self) -> int:
        return self.size

    def _rows(self, sql: str, args: tuple) -> list[tuple]:
        with self._lock:
            return self._db.execute(sql, args).fetchall()

    def line(self, line_id: int, row: tuple | None = None) -> Line:
        """One line by id (`row`: its database row, when already read)."""
        found = self._lines.get(line_id)
        if found is None:
            if row is None:
                (row,) = self._rows("SELECT * FROM line WHERE id = ?", (line_id,))
            found = self._lines[line_id] = Line(
                id=row[0],
                role=row[1],
                topic=row[2],
                path=tuple(p for p in row[3].split(_SEP) if p),
                label=row[4],
                text=row[5],
                depth=row[6],
                bullet=bool(row[7]),
            )
        return found

    def section(self, role: str, topic: str) -> list[Line]:
        """The lines of one role's section, in document order (kept: 50 sections at most)."""
        found = self._sections.get((role, topic))
        if found is None:
            rows = self._rows("SELECT * FROM line WHERE role = ? AND topic = ? ORDER BY id", (role, topic))
            found = [self.line(r[0], r) for r in rows]
            if len(self._sections) < 64:
                self._sections[(role, topic)] = found
        return list(found)

    def _of_role(self, role: str) -> frozenset[int]:
        """Ids of one role's lines (kept for the five roles; any other name holds none)."""
        found = self._roles.get(role)
        if found is None:
            found = frozenset(r[0] for r in self._rows("SELECT id FROM line WHERE role = ?", (role,)))
            if found:
                self._roles[role] = found
        return found

    def matching(self, term: str) -> frozenset[int]:
        """Ids of the lines that hold a term (a word or a phrase, stemmed)."""
        return self._where(_SAID, term)

    def asked_about(self, term: str) -> frozenset[int]:
        """Ids of the lines that hold a term or that people ask about in it (knowledge/asked)."""
        return self._where(_SAID_OR_ASKED, term)

    def _where(self, columns: str, term: str) -> frozenset[int]:
        key = _quote(term)
        query = f"{columns} : {key}"
        found = self._matches.get(query)
        if found is None:
            if key == '""':
                found = frozenset()
            else:
                rows = self._rows("SELECT rowid FROM lines WHERE lines MATCH ?", (query,))
                found = frozenset(r[0] for r in rows)
            if len(self._matches) < 4096:
                self._matches[query] = found
        return found

    def titled(self, term: str) -> bool:
        """Whether a heading or a bullet's label holds the term ("Overfitting and Model Accuracy",
        "Containerization:"): a thing the documents are about, not a word they happen to use."""
        key = _quote(term)
        if key == '""':
            return False
        titled = "{label path} : " + key
        found = self._matches.get(titled)
        if found is None:
            found = frozenset(
                r[0] for r in self._rows("SELECT rowid FROM lines WHERE lines MATCH ?", (titled,))
            )
            if len(self._matches) < 4096:
                self._matches[titled] = found
        return bool(found)

    def weight(self, term: str) -> float:
        """The term's inverse document frequency (as bm25 uses it); rarer is heavier."""
        return self.weight_of(len(self.matching(term)))

    def weight_of(self, df: int) -> float:
        """bm25's inverse document frequency of a term held by df lines."""
        return math.log((self.size - df + 0.5) / (df + 0.5) + 1)

    def search(
        self,
        terms: Iterable[str],
        *,
        roles: Iterable[str] | None = None,
        limit: int = 40,
        asked: bool = True,
    ) -> list[Hit]:
        """The lines holding any of the terms, best bm25 first (optionally within roles); with
        `asked`, the lines people ask about in the terms' words too (knowledge/asked)."""
        unique = list(dict.fromkeys(q for t in terms if (q := _quote(t)) != '""'))[:_MAX_TERMS]
        if not unique:
            return []
        wanted = tuple(roles) if roles is not None else None
        # a line that says a term, or that people ask about in its words: a rarer word only ("drift",
        # "rollback"), as the commonest ("following", "avoid") would find any question; those only rank
        holds = {q: self.asked_about(q) if asked and not _common(q) else self.matching(q) for q in unique}
        held = frozenset().union(*holds.values())
        if wanted is not None:
            held &= frozenset().union(*map(self._of_role, wanted))
        if not held:
            return []  # nothing to rank ("seattle" in a document that never names it)
        sql = f"SELECT rowid, -bm25(lines, {', '.join(map(str, _WEIGHTS))}) FROM lines WHERE lines MATCH ?"
        args: tuple = (" OR ".join(unique) if asked else f"{_SAID} : ({' OR '.join(unique)})",)
        if wanted is not None:  # a role's lines are one run of ids, in document order
            spans = [(min(ids), max(ids)) for ids in map(self._of_role, wanted) if ids]
            sql += f" AND ({' OR '.join(['rowid BETWEEN ? AND ?'] * len(spans))})"
            args += tuple(n for span in spans for n in span)
        args += (2 * limit,)  # less the rows only the commonest words of the questions find (dropped below)
        rows = self._ranked.get(args)
        if rows is None:  # bm25 costs ~1 µs a row in SQLite; the same words come back often ("senior")
            rows = tuple(self._rows(sql + " ORDER BY 2 DESC LIMIT ?", args))
            if len(self._ranked) < _RANKED:
                self._ranked[args] = rows
        return [
            Hit(self.line(rowid), score, frozenset(q.strip('"') for q, ids in holds.items() if rowid in ids))
            for rowid, score in rows
            if rowid in held
        ][:limit]
