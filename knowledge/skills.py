"""Skills as typed records: which lines of each role's Requirements, Overview and Career
Development name which skill, and what skills a person's message says they have.

`python -m knowledge build` reads skills.yaml (how documents and people name each skill),
finds every line of those three sections that names one, and writes data/skills.json: the
skill names with their patterns and one `Skill` record per (skill, role, line), each with
its verbatim source line. Answering reads only that JSON (no yaml, no pydantic).
"""

from __future__ import annotations

import functools
import json
import re

from knowledge.files import DATA_DIR, HERE, KnowledgeError
from knowledge.models import KnowledgeBase, Record
from knowledge.patterns import Lazy

__all__ = [
    "names_of_kinds",
    "SECTIONS",
    "SKILLS_NAME",
    "Book",
    "Said",
    "Skill",
    "SkillName",
    "build_skills",
    "load_skills",
    "named_in",
    "read",
]

SECTIONS = ("requirements", "overview", "career", "responsibilities")  # where a role's skills are named
SKILLS_NAME = "skills.json"
_EDGE = r"(?<![\w+#])(?:{})(?![\w+#])"
_YEARS = Lazy(r"(\d+)\s*\+?\s*(?:-\s*\d+\s*)?(?:years?|yrs?)\b", re.I)
_DECADE = Lazy(r"\b(?:a|one) decade\b", re.I)
_CLAUSE = Lazy(r"[,.;:!?()\n]|\bbut\b|\band\b(?= i\b)|\bwhile\b", re.I)


class SkillName(Record):
    """One skill: its canonical name, kind, how documents and people name it (regexes)."""

    name: str
    kind: str
    doc: tuple[str, ...]
    say: tuple[str, ...] = ()
    implies: tuple[str, ...] = ()


class Skill(Record):
    """A line of a role's document that names a skill: the typed record of one requirement."""

    name: str  # canonical ("Kubernetes")
    kind: str  # language, tool, platform, maths, degree, ...
    says: tuple[str, ...]  # the names people use for it ("k8s", "kube")
    role: str
    topic: str  # requirements, overview or career
    heading: str = ""  # the heading above the line, if any
    line: str  # verbatim from the seed ("Label: text" for a labelled bullet)


class Book(Record):
    """data/skills.json: the skill names, the ambiguous names, negation words and the records."""

    names: tuple[SkillName, ...]
    ambiguous: dict[str, dict[str, list[str]]]
    negations: tuple[str, ...]  # quoted in the YAML: a bare no is false
    records: tuple[Skill, ...]


class Said(Record):
    """What a message says about the person: skills had, skills denied, names left unclear."""

    had: tuple[str, ...] = ()  # canonical names, in the order first said
    denied: tuple[str, ...] = ()  # "no degree", "never used docker"
    unclear: tuple[tuple[str, tuple[str, ...]], ...] = ()  # ("tf", ("TensorFlow", "Terraform"))
    years: int | None = None
    # (canonical name, each way the message wrote it): ("Snowflake", "dbt")
    typed: tuple[tuple[str, str], ...] = ()
    asked: tuple[str, ...] = ()  # asked about on their own ("kafka? terraform?"), so not had: in denied


def _compile(patterns: tuple[str, ...], flags: int = re.I) -> re.Pattern[str]:
    return re.compile(_EDGE.format("|".join(f"(?:{p})" for p in patterns)), flags)


def _lines(kb: KnowledgeBase):
    from knowledge.index import lines_of

    for ln in lines_of(kb):
        if ln.topic in SECTIONS:
            yield ln, (f"{ln.label}: {ln.text}" if ln.label else ln.text)


def build_skills(kb: KnowledgeBase, path=HERE / "skills.yaml") -> str:
    """The text of data/skills.json for a knowledge base (validated, deterministic)."""
    from knowledge.files import read_yaml
    from knowledge.schema import validate

    data = read_yaml(path)
    if not isinstance(data, dict) or not isinstance(data.get("skills"), dict):
        raise KnowledgeError(f"{path}: expected a mapping 'skills'")
    names = []
    for name, entry in data["skills"].items():
        if not isinstance(entry, dict):
            raise KnowledgeError(f"{path}: field skills.{name}: expected a mapping")
        names.append(validate(SkillName, {"name": name, **entry}, path))
    known = {n.name for n in names}
    for n in names:
        for other in n.implies:
            if other not in known:
                raise KnowledgeError(f"{path}: field skills.{n.name}.implies: unknown skill {other!r}")
        if not (n.doc or n.say):
            raise KnowledgeError(f"{path}: field skills.{n.name}: no pattern in doc or say")
        for p in (*n.doc, *n.say):
            try:
                re.compile(p)
            except re.error as exc:
                raise KnowledgeError(f"{path}: field skills.{n.name}: bad pattern {p!r} ({exc})") from None
    ambiguous = data.get("ambiguous") or {}
    for word, choices in ambiguous.items():
        for choice in choices:
            if choice not in known:
                raise KnowledgeError(f"{path}: field ambiguous.{word}: unknown skill {choice!r}")
    records = []
    found = [(n, _compile(n.doc)) for n in names if n.doc]
    for ln, text in _lines(kb):
        for n, rx in found:
            if rx.search(text):
                records.append(
                    validate(
                        Skill,
                        {
                            "name": n.name,
                            "kind": n.kind,
                            "says": [s.replace("\\", "") for s in n.say if s.isascii()][:6],
                            "role": ln.role,
                            "topic": ln.topic,
                            "heading": ln.path[-1] if ln.path else "",
                            "line": text,
                        },
                        path,
                    )
                )
    book = Book(
        names=tuple(names),
        ambiguous={k: {c: list(v) for c, v in cs.items()} for k, cs in ambiguous.items()},
        negations=tuple(data.get("negations") or ()),
        records=tuple(records),
    )
    return json.dumps(book.model_dump(mode="json"), ensure_ascii=False, indent=0, sort_keys=False) + "\n"


@functools.cache  # read once per process: a reply may ask for it several times
def load_skills(path=DATA_DIR / SKILLS_NAME) -> Book:
    """data/skills.json as records (KnowledgeError, one line, when missing or damaged); the same
    Book each time (treat it as read-only), so its compiled readers are made once."""
    try:
        return Book.from_data(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError, TypeError, KeyError) as exc:
        raise KnowledgeError(f"{path}: cannot read ({exc}); run `python -m knowledge build`") from None


def names_of_kinds(kinds: frozenset[str] | set[str]) -> frozenset[str]:
    """The lowercase names of the book's skills of these kinds ("rust", "kubernetes"), and the plain
    words the documents name them by ("cuda" for GPU programming)."""
    plain = re.compile(r"[a-z0-9][a-z0-9 +#.-]*")
    return frozenset(
        name
        for n in load_skills().names
        if n.kind in kinds
        for name in (n.name.lower(), *(d for d in n.doc if plain.fullmatch(d)))
    )


def named_in(topic: str | None, path=DATA_DIR / SKILLS_NAME) -> list[tuple[str, str, str, str]]:
    """(role, line, name, kind) of the skill records of one section (of all, for None), read
    without keeping the whole book in memory (a reply that only lists skills needs no more)."""
    try:
        records = json.loads(path.read_text(encoding="utf-8"))["records"]
        return [(r["role"], r["line"], r["name"], r["kind"]) for r in records if topic in (None, r["topic"])]
    except (OSError, ValueError, TypeError, KeyError) as exc:
        raise KnowledgeError(f"{path}: cannot read ({exc}); run `python -m knowledge build`") from None


_READERS: dict[int, tuple] = {}


def _readers(book: Book):
    """(name, pattern) for every skill, the negation pattern and what each skill implies."""
    made = _READERS.get(id(book))
    if made is not None and made[0] is book:
        return made[1:]
    readers = [(n.name, _compile((*n.doc, *n.say))) for n in book.names]
    negation = re.compile(_EDGE.format("|".join(re.escape(w) for w in book.negations)), re.I)
    implies = {n.name: n.implies for n in book.names}
    _READERS[id(book)] = (book, readers, negation, implies)
    return readers, negation, implies


_ASKED_ALONE = Lazy(r"^\s*(?:(?:or|and|what|about|how|also|maybe|like|plus|then)\s+)*$", re.I)
_LISTED_TO_MARK = Lazy(r"^(?:\s*(?:,|/|\bor\b|\band\b)\s*[\w+#.-]+(?:\s[\w+#.-]+)?){0,5}\s*\?")
_DASH = Lazy(r"\s[-–—|]\s")  # "monitoring stack - prometheus? grafana?": a new clause


def _bare_ask(text: str, clause: str, start: int, end: int) -> bool:
    """A skill (at text[start:end]) asked about on its own ("which tools should I learn? kafka? or
    terraform?", "k8s, kubeflow, gpus?"): its clause, and its sentence so far, say nothing of the
    person ("I know kafka, terraform?" does), and a question mark ends it or the short list it is in."""
    if not _LISTED_TO_MARK.match(text[end:]) or not _ASKED_ALONE.match(_DASH.split(clause)[-1]):
        return False
    opened = max((m.end() for m in _SENTENCE_END.finditer(text, 0, start)), default=0)
    return not _PERSON.search(_DASH.split(text[opened:start])[-1])


_PERSON = Lazy(r"\b(?:i|im|i'm|i’m|my|we|our)\b", re.I)
_SENTENCE_END = Lazy(r"[.!?\n]")


def read(text: str, book: Book) -> Said:
    """The skills a message says the person has (and those it says they lack)."""
    readers, negation, implies = _readers(book)
    spans: list[tuple[int, int, str]] = []
    for name, rx in readers:
        for m in rx.finditer(text):
            spans.append((m.start(), m.end(), name))
    spans.sort(key=lambda s: (s[0], -(s[1] - s[0])))
    had: dict[str, None] = {}
    denied: dict[str, None] = {}
    asked: dict[str, None] = {}
    typed: dict[tuple[str, str], None] = {}
    for start, end, name in spans:
        typed.setdefault((name, text[start:end]), None)
        cut = [m.end() for m in _CLAUSE.finditer(text, 0, start)]
        clause = text[cut[-1] if cut else 0 : start]
        if negation.search(clause):
            denied[name] = None
        elif _bare_ask(text, clause, start, end):
            denied[name] = asked[name] = None
        elif name not in denied:
            had[name] = None
    unclear = []
    low = set(re.findall(r"[a-z0-9+#]+", text.lower()))
    for word, choices in book.ambiguous.items():
        if word not in low:
            continue
        fits = [c for c, hints in choices.items() if low & set(hints)]
        if len(fits) == 1:
            had.setdefault(fits[0], None)
        elif not any(c in had for c in choices):
            unclear.append((word, tuple(choices)))
    for name in list(had):
        for other in implies.get(name, ()):
            if other not in denied:
                had.setdefault(other, None)
    years = _YEARS.search(text)
    n = int(years.group(1)) if years else (10 if _DECADE.search(text) else None)
    return Said(
        had=tuple(h for h in had if h not in denied),
        denied=tuple(denied),
        unclear=tuple(unclear),
        years=n if n is not None and n < 60 else None,
        typed=tuple(typed),
        asked=tuple(a for a in asked if a not in had),
    )
