"""Skills as typed records: every record's line is in its seed; a person's words are read honestly."""

from __future__ import annotations

import re
import shutil

import pytest

from knowledge.build import main
from knowledge.load import DATA_DIR
from knowledge.schema import validate
from knowledge.skills import SECTIONS, Skill, load_skills, read


@pytest.fixture(scope="module")
def book():
    return load_skills()


class TestRecords:
    """data/skills.json, as `python -m knowledge build` writes it."""

    def test_every_line_is_in_its_seed(self, book, seeds):
        """A record's line is copied verbatim from the role's seed (a labelled bullet as `Label: text`)."""
        missing = [(r.role, r.line) for r in book.records if r.line not in seeds[r.role]]
        assert missing == []

    def test_every_line_names_its_skill(self, book):
        """The line holds one of the skill's document names, and comes from the three fit sections."""
        doc = {n.name: n.doc for n in book.names}
        for r in book.records:
            assert r.topic in SECTIONS
            pattern = "|".join(f"(?:{p})" for p in doc[r.name])
            assert re.search(rf"(?<![\w+#])(?:{pattern})(?![\w+#])", r.line, re.I), (r.name, r.line)

    def test_records_validate_against_the_schema(self, book):
        """Each record is a typed Skill that the pydantic mirror accepts as it is."""
        for r in book.records[:50]:
            assert validate(Skill, r.model_dump(mode="json")) == r

    def test_the_documents_name_what_they_should(self, book):
        """Spot checks read from the seeds: Terraform only in MLOps, CUDA only in Platform, Go in Platform."""
        roles = lambda name: {r.role for r in book.records if r.name == name}  # noqa: E731
        assert roles("Terraform") == {"mlops-engineer"}
        assert roles("GPU programming") == {"ml-platform-engineer"}
        assert roles("Go") == {"ml-platform-engineer"}
        assert "production-ai-engineer" in roles("reinforcement learning")
        assert roles("Swift") == set()  # named by people, listed by no document

    def test_role_titles_are_not_skills(self, book):
        """ "Senior MLOps Engineer: ..." is a job title, not the MLOps skill."""
        assert not [
            r for r in book.records if r.name == "MLOps" and r.line.startswith("Senior MLOps Engineer")
        ]

    def test_check_names_a_stale_skills_file(self, tmp_path, capsys):
        """A hand edit of data/skills.json makes `build --check` exit 1 naming it."""
        out = tmp_path / "data"
        shutil.copytree(DATA_DIR, out)
        path = out / "skills.json"
        path.write_text(path.read_text().replace("Kubernetes", "Kubernetis", 1))
        assert main(["build", "--check", "--out", str(out)]) == 1
        assert "skills.json" in capsys.readouterr().err


class TestRead:
    """What a message says the person has."""

    @pytest.mark.parametrize(
        ("text", "names"),
        [
            ("I run k8s clusters and write sklearn pipelines", {"Kubernetes", "scikit-learn"}),
            ("python, R and a bit of SQL", {"Python", "R", "SQL"}),
            ("golang services on gke", {"Go", "Kubernetes", "GCP"}),
            ("I did a PhD in physics", {"Ph.D.", "master's degree", "bachelor's degree"}),
            ("tf + keras for image models", {"TensorFlow", "Keras"}),
            ("tf modules for our aws infra", {"Terraform", "AWS"}),
        ],
    )
    def test_names_people_use(self, book, text, names):
        assert names <= set(read(text, book).had)

    def test_everyday_words_are_not_skills(self, book):
        """ "go", "r" and "ms" as everyday words name nothing."""
        said = read("I want to go further, r u sure? ms office user", book)
        assert not {"Go", "R", "master's degree"} & set(said.had)

    def test_an_ambiguous_name_alone_is_left_unclear(self, book):
        """ "tf" with nothing around it could be TensorFlow or Terraform: counted as neither."""
        said = read("I use tf every day", book)
        assert ("tf", ("TensorFlow", "Terraform")) in said.unclear
        assert not {"TensorFlow", "Terraform"} & set(said.had)

    def test_what_the_person_lacks_is_not_theirs(self, book):
        said = read("self-taught, no degree, never used docker, but I ship python", book)
        assert {"bachelor's degree", "Docker"} <= set(said.denied)
        assert "Python" in said.had and "Docker" not in said.had

    @pytest.mark.parametrize(
        "text, asked",
        [
            (
                "what should an mlops person know? airflow? spark? I've used pandas a lot",
                {"data pipelines", "Apache Spark"},
            ),
            (
                "platform eng here - what to study next: kubernetes, kubeflow or ray?",
                {"Kubernetes", "Kubeflow"},
            ),
            ("do I need kafka for this job?", {"Apache Kafka"}),
        ],
    )
    def test_a_skill_asked_about_is_not_had(self, book, text, asked):
        """Asked on its own ("airflow? spark?"), in a short list ending in "?", or after "do I need": not
        the person's; what they say they use stays theirs."""
        said = read(text, book)
        assert asked <= set(said.denied) and not asked & set(said.had)
        if "pandas" in text:  # filed under Python
            assert "Python" in said.had

    def test_a_list_the_person_says_they_know_stays_theirs_though_it_ends_in_a_question_mark(self, book):
        said = read("I know spark, airflow and docker?", book)
        assert {"Apache Spark", "data pipelines", "Docker"} <= set(said.had) and not said.asked

    def test_years(self, book):
        assert read("7 yrs of backend java", book).years == 7
        assert read("a decade of c++", book).years == 10

    def test_canonical_names_read_back(self, book):
        """Every skill's own name is read as that skill (follow-ups and tests rely on it)."""
        for n in book.names:
            if n.name != "years of experience":
                assert n.name in read(f"I know {n.name}.", book).had, n.name
