"""The search index: every line of every role, found by its words, ranked by bm25."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from knowledge.files import DATA_DIR
from knowledge.index import Index, key, lines_of
from knowledge.load import INDEX_NAME, compiled, index_stamp, load_index, read_asked
from knowledge.text import to_text


@pytest.fixture(scope="module")
def index(kb):
    return Index.build(kb, "test")


def bare_headings(role) -> set[str]:
    """Words of group headings with nothing under them."""
    out: set[str] = set()

    def walk(group):
        if group.heading and not (group.paragraphs or group.items or group.groups):
            out.update(group.heading.split())
        for sub in group.groups:
            walk(sub)

    for section in role.sections:
        for group in section.groups:
            walk(group)
    return out


class TestLines:
    """lines_of: the knowledge base cut into searchable lines."""

    def test_every_word_of_every_role_is_in_some_line(self, kb):
        """No word is lost: the lines hold every word of each role (but a heading with nothing
        under it, such as "Geographic Variations" above its sibling lists)."""
        lines = lines_of(kb)
        for rid, role in kb.roles.items():
            held = " ".join(
                f"{ln.label or ''} {ln.text} {' '.join(ln.path)}" for ln in lines if ln.role == rid
            )
            words = {w.rstrip(":") for w in held.split()}
            headings = {w for s in role.sections for w in s.heading.split()} | bare_headings(role)
            missing = [w for w in to_text(role).split() if w.rstrip(":") not in words | headings]
            assert missing == [], (rid, missing[:5])

    def test_each_line_knows_its_role_topic_and_headings(self, kb):
        """A bullet under a heading carries that heading; ids follow document order."""
        lines = lines_of(kb)
        kafka = next(
            ln for ln in lines if "Apache Kafka and Spark" in ln.text and ln.topic == "responsibilities"
        )
        assert (kafka.role, kafka.path) == ("mlops-engineer", ("Infrastructure and Automation",))
        assert [ln.id for ln in lines] == list(range(len(lines)))


class TestSearch:
    """Index.search: bm25 over the lines, optionally within roles."""

    def test_a_rare_word_finds_its_lines_first(self, index):
        """'kafka' finds the two MLOps lines that name Apache Kafka."""
        hits = index.search(["kafka"])
        assert {h.line.role for h in hits} == {"mlops-engineer"} and len(hits) == 2
        assert all("Kafka" in h.line.text for h in hits)

    def test_stemming_finds_other_forms(self, index):
        """Porter stemming: 'certifications' finds lines saying 'certification' and vice versa."""
        assert index.matching("certifications") == index.matching("certification")

    def test_phrases_match_as_phrases(self, index):
        """A multi-word term matches the words together ('ph d' is how 'Ph.D.' is indexed)."""
        assert index.matching("ph d") and index.matching("ph d") <= index.matching("ph")

    def test_roles_restrict_and_scores_rank(self, index):
        """Within roles only; each hit says which terms it holds; best score first."""
        hits = index.search(["kubernetes", "docker"], roles=["ml-platform-engineer"])
        assert hits and {h.line.role for h in hits} == {"ml-platform-engineer"}
        assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)
        assert hits[0].terms == {"kubernetes", "docker"}

    def test_nothing_to_search_finds_nothing(self, index):
        """Empty, punctuation-only or no-role searches are empty results, not errors."""
        assert index.search([]) == [] and index.search(["!!!", ""]) == []
        assert index.search(["kafka"], roles=[]) == []

    def test_a_word_only_other_roles_say_finds_nothing_twice_alike(self, index):
        """'kafka' is MLOps only: within the platform role nothing; asked again, the same hits
        (the ranked rows are kept, not the list handed out)."""
        assert index.search(["kafka"], roles=["ml-platform-engineer"]) == []
        first = index.search(["kafka", "docker"], roles=["mlops-engineer", "ml-platform-engineer"])
        first.pop()
        again = index.search(["kafka", "docker"], roles=["mlops-engineer", "ml-platform-engineer"])
        assert len(again) == len(first) + 1 and again[: len(first)] == first

    def test_rarer_words_weigh_more(self, index):
        """bm25's idf: a word in two lines outweighs one in hundreds."""
        assert index.weight("kafka") > index.weight("data") > 0


class TestSavedIndex:
    """The index `python -m knowledge build` saves beside compiled.json."""

    def test_the_packaged_index_is_fresh_and_complete(self, kb):
        """It opens with the stamp of the YAML it was made from and holds every line."""
        fresh = compiled()
        assert fresh is not None
        saved = Index.open((DATA_DIR / INDEX_NAME).read_bytes(), index_stamp(fresh.stamps))
        assert saved is not None and len(saved) == len(lines_of(kb))
        assert load_index().search(["kafka"])

    def test_a_stale_or_damaged_file_is_refused(self, index):
        """Another stamp, a cut file or garbage: None, so the loader builds it afresh."""
        data = index.to_bytes()
        assert Index.open(data, "test") is not None
        assert Index.open(data, "other") is None
        assert Index.open(data[: len(data) // 2], "test") is None
        assert Index.open(b"not a database", "test") is None


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(max_size=40), max_size=8), st.one_of(st.none(), st.lists(st.text(max_size=20))))
def test_any_terms_and_roles_search_without_error(terms, roles):
    """Hostile terms (quotes, FTS5 operators, NUL, emoji) never raise: the query is always quoted."""
    index = load_index()
    hits = index.search(terms, roles=roles)
    asked = {key(t) for t in terms}
    for hit in hits:
        assert roles is None or hit.line.role in roles
        assert hit.terms and hit.terms <= asked


class TestAsked:
    """knowledge/asked/*.yaml: the questions people ask that a line answers find it too."""

    def test_a_line_is_found_by_the_words_people_ask_it_in_but_they_are_not_what_it_says(self, kb):
        line = next(ln for ln in lines_of(kb) if ln.text == "Addressing class imbalance in datasets")
        asked = Index.build(kb, "test", {(line.role, line.text): ("only 1% of my data is fraud, now what?",)})
        assert line.id in {h.line.id for h in asked.search(["fraud"], roles=[line.role])}
        assert line.id not in asked.matching("fraud")  # the document never says "fraud" there
        assert line.id not in {
            h.line.id for h in Index.build(kb, "test").search(["fraud"], roles=[line.role])
        }

    def test_the_commonest_words_of_the_questions_rank_but_find_nothing(self, kb):
        line = next(ln for ln in lines_of(kb) if ln.text == "Addressing class imbalance in datasets")
        asked = Index.build(kb, "test", {(line.role, line.text): ("what should we be following?",)})
        assert line.id not in {h.line.id for h in asked.search(["following"], roles=[line.role])}

    def test_every_line_asked_about_is_a_line_of_its_role(self, kb):
        """A line reworded in a seed leaves its questions behind: they must be moved with it."""
        lines = {(ln.role, ln.text) for ln in lines_of(kb)}
        stale = [pair for pair in read_asked() if pair not in lines]
        assert stale == []

    def test_each_role_is_one_run_of_line_ids(self, kb):
        """search() filters a role by its first and last line id."""
        ids: dict[str, list[int]] = {}
        for ln in lines_of(kb):
            ids.setdefault(ln.role, []).append(ln.id)
        assert all(found == list(range(found[0], found[-1] + 1)) for found in ids.values())
