"""The matcher finds roles, topics and focus words the way people type them."""

from __future__ import annotations

import pytest

import handlers
from knowledge.match import normalize, stem

PROD, AIML, SYS, MLOPS, PLAT = (
    "production-ai-engineer",
    "ai-ml-engineer",
    "ai-systems-engineer",
    "mlops-engineer",
    "ml-platform-engineer",
)


class TestNormalize:
    """Text is reduced to plain lowercase words."""

    def test_markup_emoji_and_punctuation_go(self):
        """Mentions, specials, emoji codes and punctuation are removed."""
        assert normalize("<@U0BOT> :rocket: MLOps, <!channel> Salary?!") == ["mlops", "salary", "?"]

    def test_letters_joined_by_an_ampersand_are_one_word(self, kb):
        """'R&D', 'Q&A' and 'P&L' read as people type them ("rnd", "qna", "pnl"), and R&D finds the
        documents' research and development."""
        assert normalize("R&D, Q &amp; A or P&L at AT&T?") == [
            "rnd",
            "qna",
            "or",
            "pnl",
            "at",
            "at",
            "t",
            "?",
        ]
        reply = handlers.ask("can a production ai engineer go into R&D later?", kb)
        assert "Focus on research and development or product development." in reply.text[:600]

    def test_slash_separated_names_split(self):
        """'AI/ML' reads as two words, like the alias 'ai ml'."""
        assert normalize("AI/ML Engineer's pay") == ["ai", "ml", "engineer", "pay"]

    def test_artificial_intelligence_is_read_as_ai(self, kb):
        """'Artificial Intelligence' is the field's name spelled out: read as 'AI' is, never as a word
        'artificial' the documents happen to say ('4 of 5 roles mention artificial')."""
        assert normalize("Artificial Intelligence engineer") == ["ai", "engineer"]
        assert handlers.ask("artificial intelligence engineer salary", kb).intent == "clarify"
        reply = handlers.ask("Better career path: Computer Science or Artificial Intelligence?", kb)
        assert "mention artificial" not in reply.text and "“artificial”" not in reply.text

    def test_a_slash_between_names_is_either(self, engine):
        """'Platform Eng / MLOps', 'devops/mlops': one or the other, so both roles are named."""
        assert normalize("Platform Eng / MLOps") == ["platform", "eng", "or", "mlops"]
        assert normalize("CI/CD for ai/ml") == ["ci", "cd", "for", "ai", "ml"]
        assert set(engine.matcher.match("upskilling from DevOps to Platform Eng / MLOps").roles) == {
            "mlops-engineer",
            "ml-platform-engineer",
        }

    def test_a_qualifier_in_brackets_is_no_second_role(self, engine):
        """'platform eng (ML) pay': the platform engineer, "(ML)" says which platform."""
        assert engine.matcher.match("platform eng (ML) pay washington dc").roles == ("ml-platform-engineer",)
        assert engine.matcher.match("AI/Machine Learning (ML) Engineer").roles == ("ai-ml-engineer",)

    def test_or_beside_a_role_name_compares_it_or_anywhere_does_not(self, engine):
        """'mlops or ml engineer' names two roles; 'MLOps ... cloud ML services? ... or should I plan an
        exit?' names MLOps ("ML" there is a word of the subject)."""
        match = engine.matcher.match
        assert match("mlops or ml engineer, which pays more").roles == ("mlops-engineer", "ai-ml-engineer")
        asked = (
            "will MLOps get automated away by cloud ML services? is it a safe career or should I plan an exit"
        )
        assert match(asked).roles == ("mlops-engineer",)
        asked = "ELI5 'AI systems engineer': I can't tell if it's ML, infra, or just a fancy SWE title"
        assert match(asked).roles == ("ai-systems-engineer",)  # "or" beside "infra", a word of the question
        assert set(match("is k8s more of a must for platform or for mlops").roles) == {
            "ml-platform-engineer",
            "mlops-engineer",
        }  # "or for mlops"

    def test_escaped_slack_text_is_unescaped(self):
        """Slack sends &lt; &gt; &amp;; they are read as the characters."""
        assert normalize("R&amp;D &lt;!here&gt; trends") == ["rnd", "trends"]

    def test_plural_stems(self):
        """Plurals match singular aliases; short words and -ss words are kept."""
        assert [stem(w) for w in ("engineers", "ops", "class", "roles", "jobs")] == [
            "engineer",
            "ops",
            "class",
            "role",
            "jobs",
        ]

    def test_every_stopword_is_dropped_in_its_plural_form_too(self, engine):
        """Tokens are stemmed ("folks" -> "folk"), so a stopword ending in s is dropped as its token
        is: "any devops folks here adapting?" has no subject "folks" (twelve such stopwords did
        nothing: folks, peeps, sometimes, nowadays, ...)."""
        match = engine.matcher.match
        assert match("any devops folks here who adapted").subject == ("devops", "adapted")
        alive = [w for w in engine.matcher.stopwords if " " not in w and match(w).subject]
        assert alive == []


class TestRolesAndTopics:
    """Query -> (roles, topic), for slash text and natural questions."""

    @pytest.mark.parametrize(
        ("query", "roles", "topic"),
        [
            ("mlops salary", (MLOPS,), "salary"),
            ("salary mlops", (MLOPS,), "salary"),
            ("ML Ops   PAY", (MLOPS,), "salary"),
            ("model ops outlook", (MLOPS,), "demand"),
            ("ai model operations engineer duties", (MLOPS,), "responsibilities"),
            ("platform trends", (PLAT,), "trends"),
            ("ai/ml platform engineer best practices", (PLAT,), "best-practices"),
            ("ml infra challenges", (PLAT,), "challenges"),
            ("prod ai soft skills", (PROD,), "soft-skills"),
            ("machine learning engineer career path", (AIML,), "career"),
            ("ai systems requirements", (SYS,), "requirements"),
            ("what does a machine learning engineer do, in normal-person words?", (AIML,), "overview"),
            ("ml platform engineer in a nutshell", (PLAT,), "overview"),
            ("what makes that hard for mlops engineers in practice", (MLOPS,), "challenges"),
            ("mid career ai sys engineer, what should i be earning", (SYS,), "salary"),
            ("mlops-engineer best-practices", (MLOPS,), "best-practices"),
            ("how much does an ML engineer make?", (AIML,), "salary"),
            ("what do ai systems engineers do all day", (SYS,), "responsibilities"),
            ("how do I become an MLOps engineer?", (MLOPS,), "requirements"),
            ("what are the hardest parts of being an mlops engineer", (MLOPS,), "challenges"),
            ("are ai systems engineers in demand?", (SYS,), "demand"),
            ("where is ml platform engineering heading", (PLAT,), "trends"),
            ("what people skills do mlops engineers need", (MLOPS,), "soft-skills"),
            ("any advice for new mlops engineers?", (MLOPS,), "best-practices"),
            ("tell me about the ai systems engineer role", (SYS,), "overview"),
            ("which pays better, platform or mlops?", (PLAT, MLOPS), "salary"),
            ("compare production ai systems challenges", (PROD, SYS), "challenges"),
            ("is ml engineering well paid", (AIML,), "salary"),
            ("what's a typical day for an ai systems engineer", (SYS,), "responsibilities"),
            ("what makes a great ml engineer", (AIML,), "requirements"),
            ("will ai systems engineers still be needed in 5 years", (SYS,), "demand"),
        ],
    )
    def test_query(self, engine, query, roles, topic):
        """Roles in order of mention, and the topic the words point to."""
        m = engine.matcher.match(query)
        assert (m.roles, m.topic) == (roles, topic)

    @pytest.mark.parametrize(
        ("query", "roles", "topic"),
        [
            ("mlosp salery", (MLOPS,), "salary"),
            ("platfrom trnds", (PLAT,), "trends"),
            ("ai systms enginer responsabilities", (SYS,), "responsibilities"),
            ("productoin ai trneds", (PROD,), "trends"),
            ("machine lerning engineer carreer", (AIML,), "career"),
            ("mlops best practises", (MLOPS,), "best-practices"),
            ("prodution ai chalenges", (PROD,), "challenges"),
            ("platform sallary", (PLAT,), "salary"),
            ("mops salary", (MLOPS,), "salary"),
        ],
    )
    def test_typos(self, engine, query, roles, topic):
        """One or two slips per word are corrected."""
        m = engine.matcher.match(query)
        assert (m.roles, m.topic) == (roles, topic)

    @pytest.mark.parametrize(
        "query",
        [
            "model salary",  # 'model' is a real word, not 'modelops'
            "pat salary",  # three letters are never fuzzy-matched ('pat' is not 'pay')
            "make trends",  # 'make' is not 'mlops'
            "pops salary",  # four letters need the same first letter
            "plat salary",  # a prefix is not a name
            "senior salary",  # focus words are not roles
            "data scientist salary",
        ],
    )
    def test_near_misses_name_no_role(self, engine, query):
        """Words that only look like a role name match no role."""
        assert engine.matcher.match(query).roles == ()

    def test_ai_engineer_is_ambiguous(self, engine):
        """'ai engineer' fits three roles; the longer 'production ai engineer' fits one."""
        amb = engine.matcher.match("ai engineer salary").ambiguous
        assert amb == (("ai engineer", (PROD, AIML, SYS)),)
        assert engine.matcher.match("production ai engineer").ambiguous == ()
        assert engine.matcher.match("ai eng salary").ambiguous == (("ai eng", (PROD, AIML, SYS)),)
        short = engine.matcher.match("hey wat do prod ai engs need to kno")  # "engs": the plural of "eng"
        assert short.roles == (PROD,) and short.ambiguous == ()

    def test_lead_as_a_verb_is_no_level(self, engine):
        """'I want to lead a team': no lead level; 'team lead salary', 'promoted to lead' are."""
        match = engine.matcher.match
        assert match("i want to lead a team as mlops").focus.levels == ()
        assert match("mlops team lead salary").focus.levels == ("lead",)
        assert match("how do i get promoted to lead").focus.levels == ("lead",)

    def test_a_side_of_ml_names_its_role(self, engine):
        """'the ops side of ML' is MLOps and 'the infra side of ML' the platform, not the ML engineer."""
        assert engine.matcher.match("what does the ops side of ML look like day to day?").roles == (
            "mlops-engineer",
        )
        assert engine.matcher.match("moving to the infra side of ml, what to learn").roles == (
            "ml-platform-engineer",
        )

    def test_an_everyday_role_word_with_eng_after_it_names_the_role(self, engine):
        """'platform eng' is the role outright, not the everyday word: beside another role it stays."""
        m = engine.matcher.match("platform eng summary, and who do they work with")
        assert m.roles == ("ml-platform-engineer",) and m.weak_roles == ()
        m = engine.matcher.match("switching to mlops, platform eng skills?")
        assert m.roles == ("mlops-engineer", "ml-platform-engineer") and m.weak_roles == ()

    def test_an_ai_system_is_the_thing_not_its_engineer(self, engine):
        """'when an AI system misbehaves' names no role; 'an AI systems role', 'our AI system team' and
        'ai system salary' do."""
        match = engine.matcher.match
        assert match("who gets paged when an ai system misbehaves?").roles == ()
        for said in (
            "an ai systems role pays how much",
            "our ai system team lead salary",
            "ai system salary",
        ):
            assert match(said).roles == ("ai-systems-engineer",), said

    def test_unknown_words_are_reported(self, engine):
        """Words that are neither names, topics nor filler are returned as typed."""
        assert engine.matcher.match("astronaut salary").unknown == ("astronaut",)
        assert engine.matcher.match("what does an mlops engineer earn?").unknown == ()


class TestFocus:
    """Salary focus words: level, place, company, kind, years, percentile."""

    @pytest.mark.parametrize(
        ("query", "words"),
        [
            ("mlops salary senior", ("senior",)),
            ("ml engineer salary new grad", ("entry",)),
            ("platform salary nyc", ("New York",)),
            ("production salary bay area", ("San Francisco",)),
            ("ai systems salary google", ("Google",)),
            ("mlops total comp", ("total",)),
            ("ml engineer pay 7 years", ("7 years",)),
            ("ai/ml engineer salary 5-7 years", ("5 years",)),
            ("ai systems pay tesla vs google", ("Tesla", "Google")),
            ("ml engineer salary 90th percentile", ("90th Percentile",)),
            ("senior ml engineer salary in seattle", ("senior", "Seattle")),
        ],
    )
    def test_focus_words(self, engine, query, words):
        """Focus words are read, in canonical form."""
        assert engine.matcher.match(query).focus.words() == words

    def test_focus_words_are_never_typo_targets(self, engine):
        """'stuff' is not corrected to the level word 'staff'."""
        assert not engine.matcher.match("mlops stuff").focus

    def test_places_do_not_read_as_topics(self, engine):
        """'new york' is a place, not the trends word 'new'."""
        m = engine.matcher.match("mlops new york")
        assert m.topic is None and m.focus.locations == ("New York",)


@pytest.mark.parametrize(
    "text",
    [
        "how do ml engineers vs platform engineers make deploys safe? rollbacks?",
        "im introverted, how much talking to people is there for a production ai engineer",
        "hiring mgr here: what does an mlops engineer need to know?",
        "how can the platform team make data scientists' life easier",
        "how do ai systems engineers use user feedback to make the model better?",
        "what's the difference between an ML engineer and people who make dashboards?",
        "every morning i'm opening a dozen notebooks to rerun jobs by hand. mlops folks, what should we do?",
        "I have budget for one hire to keep our models running. MLOps engineer or ML engineer?",
    ],
)
def test_words_that_only_look_like_pay_or_the_market(kb, text):
    """'make' a verb, 'how much' of talking, a hiring manager, opening notebooks: none asks the pay or
    the market."""
    assert handlers.ask(text, kb).topic not in ("salary", "demand")


def test_a_demand_forecast_is_a_model_not_the_market(engine):
    """'demand forecasting' is what a model does; 'demand' alone is the job market."""
    assert "demand" not in engine.matcher.match("we run a demand forecasting model").topic_scores
    assert engine.matcher.match("is there demand for ml engineers").topic == "demand"


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("what's the going rate for an ai systems engineer", "salary"),
        ("what do production ai engineers hate about their job?", "challenges"),
        ("is there room to grow as a production ai engineer?", "career"),
        ("any rules of thumb for ml platform engineers?", "best-practices"),
        ("what's the typical background of an ml platform engineer?", "requirements"),
        (
            "relocating to new york soon. im a platform engineer for ml. how much of a jump should i expect?",
            "salary",
        ),
        ("typical ai systems engineer paycheck", "salary"),
        ("do mlops engineers make a lot?", "salary"),
        ("prod ai eng here, how do i explain ML stuff to non tech ppl??", "soft-skills"),
        ("how do mlops engineers justify the monitoring budget to leadership?", "soft-skills"),
        ("tips for presenting drift results to the execs as an ml engineer", "soft-skills"),
        ("what do ml engineers spend their time on", "responsibilities"),
        ("explain the mlops job to me like im a product manager", "overview"),  # "manager": no lead rung
        ("plant managers dont get ML. how do i explain my models to them (prod ai)", "soft-skills"),
        ("what's a production ai engineer on the hook for", "responsibilities"),
        ("new tech ml engineers should watch", "trends"),
        ("platform eng (ML) future trends", "trends"),
        ("which of these jobs list a specific number of years?", "requirements"),
        ("ml platform jobs say 5+ yrs, i have 3, should i still apply", "requirements"),
        ("which role has more stress, mlops or production ai engineer?", "challenges"),
        ("how do platform engineers and mlops engineers differ in what they build", "responsibilities"),
    ],
)
def test_everyday_names_of_a_topic(kb, text, topic):
    assert handlers.ask(text, kb).topic == topic


@pytest.mark.parametrize(
    ("text", "kept", "gone"),
    [
        ("data scientists throw models over the wall", "over the wall", "wall"),
        ("im burned out from on-call", "burned out", "burned"),
    ],
)
def test_a_synonym_of_several_words_is_one_subject(engine, text, kept, gone):
    """A phrase the synonyms know ("over the wall": collaboration) stays whole in the subject, its
    stopwords and all, so the documents' word for it is looked up, not its everyday words apart."""
    subject = engine.matcher.match(text).subject
    assert kept in subject
    assert gone not in subject


@pytest.mark.parametrize(
    ("text", "roles"),
    [
        ("is mentoring DS/MLEs on tooling actually expected of platform engineers?", (PLAT,)),
        ("as an mlops engineer do i have to keep teaching data scientists and ML engineers docker", (MLOPS,)),
        ("mlops or ml engineer: which pays more?", (MLOPS, AIML)),  # asked side by side: both
        ("ml engineer salary vs mlops engineer salary", (AIML, MLOPS)),
    ],
)
def test_a_role_the_work_is_for_is_not_a_role_asked(engine, text, roles):
    """'mentoring MLEs', 'teaching ... ML engineers': the people served; a role asked beside stands."""
    assert set(engine.matcher.match(text).roles) == set(roles)


def test_a_short_form_names_its_role_and_fixes_no_typo(engine):
    """'ml plat eng', 'plat engineer': the platform role; 'plant' stays a plant, not 'plat'."""
    assert engine.matcher.match("ml plat eng reqs").roles == (PLAT,)
    assert engine.matcher.match("plat engineer salary").roles == (PLAT,)
    assert engine.matcher.correct("plant") == "plant"


@pytest.mark.parametrize(
    ("word", "fixed"),
    [
        ("maker", "maker"),  # "a car maker", not "make" (what they make)
        ("slide", "slide"),
        ("yearly", "yearly"),  # not "early"
        ("leaning", "leaning"),
        ("principle", "principal"),  # "principle engineer": written for ours
        ("staring", "starting"),
        ("earner", "earners"),  # "top earner"
        ("mops", "mlops"),  # no everyday word is fixed to
    ],
)
def test_an_everyday_word_is_fixed_only_to_a_word_no_dictionary_holds(engine, word, fixed):
    assert engine.matcher.correct(word) == fixed


def test_a_maker_in_the_story_asks_no_pay(kb):
    """'we build for a toy maker': the company, not 'what do they make'."""
    reply = handlers.ask("i work for a toy maker. what trends should mlops engineers watch?", kb)
    assert reply.topic == "trends"


def test_the_middle_of_the_pack_is_the_median_not_a_level(engine):
    """'middle-of-the-pack pay': the median figure, not the mid level ("middle" alone is a level)."""
    focus = engine.matcher.match("ml platform eng: what's the middle-of-the-pack pay?").focus
    assert focus.kinds == ("median",) and not focus.levels
    assert engine.matcher.match("middle level mlops pay").focus.levels == ("mid",)


@pytest.mark.parametrize(
    ("text", "place"), [("moving to ATX, mlops pay?", "Austin"), ("windy city mlops pay", "Chicago")]
)
def test_a_city_by_its_nickname(engine, text, place):
    """'ATX', 'the windy city': the city the documents give pay for."""
    assert engine.matcher.match(text).focus.locations == (place,)


@pytest.mark.parametrize(
    ("text", "years"), [("ml engineer salary with 10yoe", 10), ("backend dev 5yrs, mlops?", 5)]
)
def test_years_glued_to_their_number_are_read(engine, text, years):
    """'10yoe', '5yrs': the number of years, as '10 yoe' would be."""
    assert engine.matcher.match(text).focus.years == years


@pytest.mark.parametrize(
    ("text", "levels"),
    [
        ("my manager keeps saying i should learn kubernetes. what do mlops engineers need to know?", ()),
        ("our team lead said mlops pays well, what do mlops engineers make", ()),
        ("how much does a team lead in mlops make", ("lead",)),
        ("which of these roles expect you to coach the junior people on the team?", ()),
        ("mentoring juniors as an mlops engineer", ()),
        ("junior mlops salary", ("entry",)),
    ],
)
def test_a_level_word_naming_people_is_no_level(engine, text, levels):
    """'my manager', 'our team lead': someone the person knows, not the level whose pay is asked;
    'coach the junior people', 'mentoring juniors': the people helped."""
    assert engine.matcher.match(text).focus.levels == levels


@pytest.mark.parametrize(
    ("text", "years"),
    [
        ("what do mlops engineers make after 5 years", 5),  # the pay of that experience
        ("after 5 year how much?", 5),
        ("where do they end up after 10 years?", None),  # a time ahead
        ("in 5 years how much will they make", None),
        ("is mlops a stable bet for the next 10 years?", None),  # a horizon, no experience
        ("over the coming 5 years will platform roles grow", None),
        ("i have 10 years in backend, mlops pay?", 10),
    ],
)
def test_after_n_years_with_pay_is_experience(engine, text, years):
    assert engine.matcher.match(text).focus.years == years


@pytest.mark.parametrize(
    "word", ["building", "focused", "running", "strong", "starting", "terms", "perspective"]
)
def test_words_that_tell_how_something_is_asked_are_no_subject(engine, word):
    """'focused on deployment', 'building models', 'in terms of pay': the object is the subject, not these."""
    assert word not in engine.matcher.match(f"mlops engineers {word} on deploying models").subject


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("tech skills aside, what makes someone good at mlops people-wise?", "soft-skills"),
        (
            "beyond the tech stack, what non-technical qualities matter for ml platform engineers?",
            "soft-skills",
        ),
        ("besides coding, what personal qualities make a good prod AI engineer?", "soft-skills"),
        # nothing else is asked: what is set aside still says the topic (the other items of it)
        ("beyond a cs degree, what do mlops jobs want?", "requirements"),
    ],
)
def test_what_a_question_sets_aside_is_not_its_topic(engine, text, topic):
    """'besides X', 'beyond X', 'X aside': X is left out of what is asked."""
    assert engine.matcher.match(text).topic == topic


@pytest.mark.parametrize(("typed", "kept"), [("aside", "aside"), ("teach", "teach"), ("ahead", "ahead")])
def test_an_everyday_word_is_not_made_another_of_a_role_name(engine, typed, kept):
    """'aside' is no typo for 'side' (of "ops side"), nor 'teach' for 'tech'; 'mops' still reads mlops."""
    assert kept in engine.matcher.match(f"{typed} the rest, mlops").tokens
    assert engine.matcher.match("mops salary").roles == (MLOPS,)


def test_the_plural_of_an_everyday_word_is_no_typo(engine, kb):
    """'refreshers' (stock refreshers) is no typo for 'freshers' (entry level); 'senoirs' is still fixed."""
    m = engine.matcher.match("what do equity refreshers look like for ai systems engineers?")
    assert m.focus.levels == () and "refresher" in m.tokens
    assert engine.matcher.match("pay for senoirs in mlops").focus.levels == ("senior",)
    reply = handlers.ask("ai systems engineer offer: what do equity refreshers look like after year one?", kb)
    assert "entry level" not in reply.text.lower()
