"""Loading validates; a bad file is one line naming the file and the field."""

from __future__ import annotations

import shutil

import pytest

from knowledge.aliases import read_aliases
from knowledge.load import DATA_DIR, HERE, KnowledgeError, load, load_kb


@pytest.fixture
def data(tmp_path):
    """A writable copy of the knowledge base data."""
    out = tmp_path / "data"
    shutil.copytree(DATA_DIR, out)
    return out


class TestLoad:
    """load_kb() turns every fault into a one-line KnowledgeError."""

    def test_loads_five_roles_and_ten_topics(self):
        """The packaged knowledge base has every role and topic, once."""
        kb = load()
        assert list(kb.roles) == [
            "production-ai-engineer",
            "ai-ml-engineer",
            "ai-systems-engineer",
            "mlops-engineer",
            "ml-platform-engineer",
        ]
        assert len(kb.topics) == 10 and load() is kb

    def test_corrupt_yaml_names_file_and_line(self, data):
        """Broken YAML syntax gives the file and line."""
        (data / "mlops-engineer.yaml").write_text("id: [unclosed\nsections: x\n")
        with pytest.raises(KnowledgeError) as err:
            load_kb(data)
        assert "mlops-engineer.yaml" in str(err.value) and "line" in str(err.value)
        assert "\n" not in str(err.value)

    def test_invalid_field_names_the_field(self, data):
        """A wrong type names the field path."""
        path = data / "ai-ml-engineer.yaml"
        path.write_text(path.read_text().replace("  heading: Overview\n", "  heading: [1, 2]\n", 1))
        with pytest.raises(KnowledgeError, match=r"ai-ml-engineer\.yaml: field sections\.0\.heading"):
            load_kb(data)

    def test_unknown_field_is_refused(self, data):
        """A typo'd key is an error, not silently ignored."""
        path = data / "ai-ml-engineer.yaml"
        path.write_text(path.read_text().replace("title: AI/ML Engineer", "titel: AI/ML Engineer"))
        with pytest.raises(KnowledgeError, match="titel"):
            load_kb(data)

    def test_missing_file(self, data):
        """A missing role file is named."""
        (data / "ml-platform-engineer.yaml").unlink()
        with pytest.raises(KnowledgeError, match="ml-platform-engineer.yaml: cannot read"):
            load_kb(data)

    def test_not_a_mapping(self, data):
        """A file that is a list, not a mapping, is refused."""
        (data / "ml-platform-engineer.yaml").write_text("- 1\n- 2\n")
        with pytest.raises(KnowledgeError, match="expected a mapping"):
            load_kb(data)

    def test_missing_topic(self, data):
        """A role missing a section is refused, naming the topic."""
        path = data / "mlops-engineer.yaml"
        text = path.read_text()
        path.write_text(text[: text.index("- topic: challenges")])
        with pytest.raises(KnowledgeError, match="missing topic 'challenges'"):
            load_kb(data)


class TestAliases:
    """aliases.yaml is validated when it is read; a fault is one line naming the field."""

    def test_unknown_key_is_refused(self, tmp_path):
        """A typo'd top-level key is an error naming it."""
        path = tmp_path / "aliases.yaml"
        path.write_text((HERE / "aliases.yaml").read_text().replace("stopwords:", "stopword:", 1))
        with pytest.raises(KnowledgeError, match=r"aliases\.yaml: field (stopwords|stopword)") as err:
            read_aliases(path)
        assert "\n" not in str(err.value)

    def test_wrong_type_names_the_field(self, tmp_path):
        """A topic weight that is not a number names its path."""
        path = tmp_path / "aliases.yaml"
        path.write_text("roles: {}\nambiguous: {}\ntopics: {salary: {pay: lots}}\n")
        with pytest.raises(KnowledgeError, match=r"field topics\.salary\.pay"):
            read_aliases(path)


@pytest.mark.parametrize(
    "path", sorted(p for pkg in ("bot", "handlers", "knowledge") for p in (HERE.parent / pkg).rglob("*.yaml"))
)
def test_every_yaml_file_reads_the_same_without_libyaml(path):
    """The data reads the same with PyYAML's pure-Python loader as with libyaml's: a machine whose
    PyYAML lacks libyaml loads the same knowledge ("a bubble ?" in a list once split them)."""
    yaml = pytest.importorskip("yaml")
    text = path.read_text("utf-8")
    fast = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    assert yaml.load(text, Loader=yaml.SafeLoader) == yaml.load(text, Loader=fast)


@pytest.mark.parametrize(
    "text",
    [
        "- line: A line\n  asked: just one question\n",
        "A line: [a question]\n",
        "- line: A line\n  asked: [a question]\n  extra: 1\n",
        "- {line: [",
    ],
)
def test_a_malformed_asked_file_is_one_line_error(tmp_path, text):
    """knowledge/asked/*.yaml: a list of {line, asked: [questions]}; anything else names the file."""
    from knowledge.load import read_asked

    (tmp_path / "mlops-engineer.yaml").write_text(text)
    with pytest.raises(KnowledgeError, match=r"mlops-engineer\.yaml") as err:
        read_asked(tmp_path)
    assert "\n" not in str(err.value)


def test_the_asked_files_are_read_per_role(tmp_path):
    from knowledge.load import read_asked

    (tmp_path / "mlops-engineer.yaml").write_text('- line: "A line"\n  asked: ["q one", "q two"]\n')
    assert read_asked(tmp_path) == {("mlops-engineer", "A line"): ("q one", "q two")}


def test_a_key_given_twice_in_a_yaml_file_is_a_one_line_error(tmp_path):
    """YAML keeps the last of two equal keys without a word: a word list added under a name already
    used silently replaced the older one. read_yaml refuses it, naming the file and the line."""
    from knowledge.files import read_yaml

    path = tmp_path / "aliases.yaml"
    path.write_text("word_lists:\n  degree_words: [how, so]\n  other: [x]\n  degree_words: [high]\n")
    with pytest.raises(KnowledgeError, match=r"aliases\.yaml: line 4: key 'degree_words' given twice"):
        read_yaml(path)
