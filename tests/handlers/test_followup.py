"""Follow-ups: a message that leaves out the role, topic or focus takes it from the thread."""

from __future__ import annotations

import pytest

import handlers
from handlers import Turn
from knowledge.match import normalize


def talk(kb, *messages):
    """The replies to messages sent in one conversation, in order."""
    turns, replies = [], []
    for text in messages:
        reply, turn = handlers.converse(text, kb, turns)
        turns.append(turn)
        replies.append(reply)
    return replies


class TestCompleting:
    """What each kind of follow-up inherits."""

    def test_a_place_given_before_the_role_is_picked_asks_again_and_is_kept(self, kb):
        """'ai engineer salary' -> which role? -> 'in detroit?': no role called Detroit, but the same
        question again; 'production' then answers its pay, Detroit named as not covered."""
        _, again, pay = talk(kb, "ai engineer salary", "in detroit?", "production")
        assert again.intent == "clarify" and "Which role do you mean by “ai engineer”" in again.text
        assert "role called" not in again.text
        assert (
            pay.roles == ("production-ai-engineer",) and pay.topic == "salary" and "Detroit" in pay.uncovered
        )

    def test_a_role_described_in_reply_to_which_role_answers_the_question_asked(self, kb):
        """'which role?' answered by a description ('keeps models running in prod - deployment,
        monitoring, that ops kind of stuff'): the challenges asked, whole, not lines on monitoring."""
        _, picked = talk(
            kb,
            "what challenges do ai engineers usually run into?",
            "the one who keeps models running in prod - deployment, monitoring, retraining, that ops stuff",
        )
        assert (picked.roles, picked.topic) == (("mlops-engineer",), "challenges")
        assert picked.text.index("Data discrepancies") < picked.text.index("Manual monitoring")
        _, priced = talk(
            kb, "what do ai engineers earn?", "the one in factories, in new york"
        )  # a place kept
        assert priced.roles == ("production-ai-engineer",) and "$226,857" in priced.text

    def test_the_one_doing_something_picks_a_role_offered(self, kb):
        """'which role?' answered 'the one building chatbots and vision stuff': that role, the topic kept;
        "one thing" is no description."""
        _, picked = talk(kb, "ai engineer skills?", "the one building chatbots and vision stuff")
        assert (picked.intent, picked.roles, picked.topic) == (
            "answer",
            ("ai-systems-engineer",),
            "requirements",
        )

    def test_expand_on_that_after_a_point_is_that_point_again_not_the_whole_section(self, kb):
        """'can you expand on that?' after the lines on one problem: those lines and the ones beside
        them; after a section in brief, the rest of the section."""
        *_, fixed, more = talk(
            kb,
            "what are the common challenges for mlops engineers?",
            "how would I fix the second one?",
            "say more about that",
        )
        assert "Complex integration with existing systems" in fixed.text[:300]
        assert "Use API-driven integrations, modular architecture" in more.text[:400]
        assert "Data discrepancies" not in more.text
        _, rest = talk(kb, "mlops salary", "can you expand on that?")
        assert rest.topic == "salary" and "$157,969" in rest.text

    def test_how_another_role_does_it_keeps_the_topic(self, kb):
        """'best practices for mlops?' then 'how do platform engineers do it?': their best practices."""
        _, theirs = talk(kb, "best practices for mlops?", "how do platform engineers do it?")
        assert theirs.roles == ("ml-platform-engineer",) and theirs.topic == "best-practices"

    def test_a_new_topic_of_the_roles_an_across_answer_found_leaves_its_subject(self, kb):
        """'which roles need kubernetes?' then 'which of those pays best?': the pay of those roles, not
        their Kubernetes lines again."""
        _, pay = talk(kb, "which roles need kubernetes?", "which of those pays best?")
        assert pay.intent == "compare" and pay.topic == "salary"
        assert set(pay.roles) == {"ml-platform-engineer", "mlops-engineer", "production-ai-engineer"}
        said = ("pays most", "pay about the same", "No clear winner")
        assert "Kubernetes" not in pay.text and any(v in pay.text[:300] for v in said)

    def test_a_point_looked_up_in_the_last_answer_carries_to_the_next_topic(self, kb):
        """'anything about security in there?' searches the challenges just shown; 'how do they handle
        that, any best practices' is on security too; a new topic leaves the old topic's words."""
        _, inside, practices = talk(
            kb,
            "challenges for the platform engineer job?",
            "anything about security in there?",
            "how are they supposed to handle that, any best practices",
        )
        assert inside.topic == "challenges" and "security measures" in inside.text[:300]
        assert practices.topic == "best-practices" and "robust security" in practices.text[:300]
        *_, pay = talk(
            kb, "what soft skills does a production ai engineer need?", "what's the pay like for that one"
        )
        assert pay.topic == "salary"

    def test_that_different_from_another_role_compares_the_two(self, kb):
        """'how is that different from what mlops ppl do' after one role's best practices: the two side
        by side on it; a question naming its own role beside a title is its own."""
        *_, reply = talk(
            kb, "best practices for ai systems engineers?", "how is that different from what mlops ppl do"
        )
        assert reply.intent == "compare" and reply.roles == ("ai-systems-engineer", "mlops-engineer")
        assert reply.topic == "best-practices"
        *_, reply = talk(
            kb,
            "what do production ai engineers do?",
            "how is an ml engineer different from a data scientist?",
        )
        assert reply.roles == ("ai-ml-engineer",)

    def test_another_language_asked_after_one_stays_on_the_role(self, kb):
        """'what about rust?' after 'do they need go?': Rust, of the platform engineer's requirements,
        which its document never names (said so), not "I couldn't tell what you mean"."""
        *_, reply = talk(kb, "what skills do platform engineers need", "do they need go?", "what about rust?")
        assert reply.roles == ("ml-platform-engineer",) and reply.topic == "requirements"
        assert reply.uncovered == ("Rust",) and "couldn't tell" not in reply.text

    def test_the_legacy_systems_one_is_the_outdated_technologies(self, kb):
        """'how do they fix the legacy systems one?' after the production AI challenges: the challenge
        its document words as "outdated technologies", not best practices at large."""
        *_, reply = talk(
            kb,
            "what are the biggest challenges for production ai engineers?",
            "how do they fix the legacy systems one?",
        )
        assert "Diverse and outdated technologies in manufacturing sites" in reply.text[:300]

    def test_a_point_with_an_interjection_stays_on_the_thread(self, kb):
        """'public speaking too? ugh' after the soft skills (which came after a senior's rung): the
        public-speaking lines; "ugh" is no subject, and the rung's level stays with the ladder."""
        *_, reply = talk(
            kb,
            "what would a senior ml platform engineer be doing",
            "soft skills they look for?",
            "public speaking too? ugh",
        )
        assert reply.topic == "soft-skills" and "Confidence in presenting work" in reply.text[:300]

    def test_a_point_of_the_last_answer_asked_in_words_of_meaning_stays_there(self, kb):
        """'digital twins? what does that mean in practice' after the trends: the trend's line, not the
        overview that "mean" would name."""
        *_, reply = talk(
            kb, "whats trending for production ai engineers", "digital twins? what does that mean in practice"
        )
        assert reply.topic == "trends" and "Digital twins allow manufacturers" in reply.text[:300]

    def test_a_new_place_no_figure_names_replaces_the_last(self, kb):
        """'and in denver?' after Austin: Denver alone is named as not covered, not both."""
        *_, reply = talk(kb, "what does an mlops engineer earn in austin", "and in denver?")
        assert "“Denver”" in reply.text[:200] and "Austin" not in reply.text

    def test_a_city_is_added_to_the_last_role_and_topic(self, kb):
        """'and in seattle?' after platform pay: the Seattle figure of platform engineers."""
        _, reply = talk(kb, "how much do ml platform engineers make?", "and in seattle?")
        assert (reply.roles, reply.topic) == (("ml-platform-engineer",), "salary")
        assert "$173,517 per year" in reply.text[:600]

    def test_a_new_role_keeps_the_topic_and_focus(self, kb):
        """'what about production ai engineers?' keeps salary and Seattle."""
        replies = talk(
            kb, "how much do ml platform engineers make?", "and in seattle?", "what about production ai?"
        )
        assert (replies[-1].roles, replies[-1].topic) == (("production-ai-engineer",), "salary")
        assert "Seattle" in replies[-1].text[:600]

    def test_a_follow_up_after_thanks_and_a_preamble_keeps_the_thread(self, kb):
        """'thanks!!', then 'wait one more, what about ml engineers there': Seattle pay of ML engineers."""
        *_, reply = talk(
            kb, "platform engineer pay in seattle", "thanks!!", "wait one more, what about ml engineers there"
        )
        assert (reply.roles, reply.topic) == (("ai-ml-engineer",), "salary") and "Seattle" in reply.text

    def test_a_question_about_oneself_stays_on_the_thread(self, kb):
        """'how long till im hireable usually' after how to become an MLOps engineer: its requirements,
        not "I don't know"."""
        *_, reply = talk(
            kb, "how do i become an mlops engineer coming from QA?", "how long till im hireable usually"
        )
        assert (reply.intent, reply.roles) == ("answer", ("mlops-engineer",))

    def test_top_ten_percent_is_the_90th_percentile(self, kb):
        """'top 10% then?': the 90th percentile line; platform's "Top 10%" is the same figure."""
        _, ml = talk(kb, "ml engineer pay", "top 10% then?")
        assert "90th Percentile: $135,000" in ml.text[:600]
        *_, platform = talk(kb, "ml engineer pay", "top 10% then?", "and for platform engineers?")
        assert "Top 10%: $275,000" in platform.text[:600]
        assert "Bottom 10%: $100,000" in handlers.ask("platform engineer bottom 10% salary", kb).text[:600]

    def test_a_title_none_of_the_five_asked_in_a_thread_is_said_so(self, kb):
        """'what about for cybersecurity analysts?' after a role's requirements: not that role."""
        _, reply = talk(
            kb,
            "what degree or certs do production ai engineers need",
            "what about for cybersecurity analysts?",
        )
        assert reply.intent == "unknown" and "“cybersecurity analyst” isn't one of them" in reply.text
        # "how is that different from a data scientist?": the thread's role, beside the title
        _, reply = talk(
            kb, "how fast is demand growing for ml engineers?", "how is that different from a data scientist?"
        )
        assert reply.roles == ("ai-ml-engineer",) and "AI/ML Engineer vs. Data Scientist" in reply.text[:600]

    def test_a_sloppy_role_switch_keeps_the_topic(self, kb):
        """'wat about the ml folks' after best practices: the ML engineer's best practices."""
        *_, reply = talk(kb, "best practices for ai systems engineers?", "wat about the ml folks")
        assert (reply.roles, reply.topic) == (("ai-ml-engineer",), "best-practices")

    def test_a_new_topic_keeps_the_role(self, kb):
        """'and what do they need to know?' stays with the production AI engineer."""
        _, reply = talk(kb, "what does a production ai engineer do?", "and what do they need to know?")
        assert (reply.roles, reply.topic) == (("production-ai-engineer",), "requirements")

    def test_a_bare_number_picks_from_the_roles_offered(self, kb):
        replies = talk(kb, "what's the career path like?", "#2", "wait, what do they actually do day to day?")
        assert replies[1].roles == ("ai-ml-engineer",) and replies[1].topic == "career"
        assert replies[2].roles == ("ai-ml-engineer",) and replies[2].topic == "responsibilities"

    def test_the_other_one_is_the_other_role_of_the_comparison(self, kb):
        replies = talk(
            kb,
            "what's the difference between an mlops engineer and an ml platform engineer?",
            "ok tell me more about the mlops one's challenges",
            "and the other one?",
            "which of those two needs more experience",
        )
        assert replies[2].roles == ("ml-platform-engineer",) and replies[2].topic == "challenges"
        assert set(replies[3].roles) == {"mlops-engineer", "ml-platform-engineer"}

    def test_ml_stuff_is_the_field_not_the_ml_engineer(self, kb):
        replies = talk(
            kb, "how hard is it to switch from devops into MLOps?", "what ML stuff would i need to learn?"
        )
        assert replies[-1].roles == ("mlops-engineer",)

    def test_ok_and_how_much_is_a_question_not_thanks(self, kb):
        replies = talk(
            kb, "what does an ml platform engineer do?", "ok and how much do they make", "same for snr"
        )
        assert replies[1].roles == ("ml-platform-engineer",) and replies[1].topic == "salary"
        assert "senior" in replies[2].text[:200].lower()

    def test_a_place_without_pay_is_named_and_the_pay_kept(self, kb):
        """'and in europe how much?': the document names Europe as a hotspot, with no pay for it."""
        replies = talk(kb, "what's the salary for a junior ai systems engineer?", "and in europe how much?")
        assert replies[-1].topic == "salary" and replies[-1].uncovered == ("Europe pay",)

    def test_where_the_person_is_from_is_no_subject(self, kb):
        reply = handlers.ask(
            "hello, i am from brazil, i want know what ai systems engineer is doing in the day", kb
        )
        assert reply.uncovered == () and reply.topic == "responsibilities"  # no topic word: the model's
        assert "Design, develop, and implement AI models" in reply.text[:600]

    def test_a_role_described_by_what_it_does(self, kb):
        replies = talk(
            kb, "is the market for ML engineers saturated?", "and the people who keep the models running?"
        )
        assert replies[-1].roles == ("mlops-engineer",)

    def test_a_longer_turn_about_the_person_stays_on_the_role(self, kb):
        replies = talk(
            kb,
            "which frameworks should i learn for ML eng",
            "and where do i even get experience as a student",
        )
        assert replies[-1].roles == ("ai-ml-engineer",)

    def test_what_about_another_subject_after_an_across_answer_asks_across_again(self, kb):
        replies = talk(kb, "which roles need kubernetes?", "what about python?", "and terraform?")
        assert "mention python" in replies[1].text[:200] and len(replies[1].roles) == 5
        assert replies[2].roles == ("mlops-engineer",) and "Terraform" in replies[2].text[:200]

    def test_all_of_them_after_which_role_compares_the_roles_offered(self, kb):
        for answer in ("all of them", "all", "compare them all"):
            replies = talk(kb, "what do ai engineers earn", answer)
            assert replies[1].intent == "compare" and replies[1].topic == "salary"
            assert set(replies[1].roles) == set(replies[0].roles) and len(replies[1].roles) == 3

    def test_a_reply_to_which_role_keeps_the_topic_asked(self, kb):
        """'how much do the engineers make' ... 'the ops one, mlops': MLOps pay, then its seniors'."""
        replies = talk(kb, "how much do the engineers make", "the ops one, mlops", "senoir level?")
        assert replies[0].intent == "clarify"
        assert (replies[1].roles, replies[1].topic) == (("mlops-engineer",), "salary")
        assert "$200,000 - $220,000" in replies[2].text[:600]

    def test_why_alone_asks_what_drives_the_last_answer(self, kb):
        """'is the job market good for them' ... 'why tho?': what drives the demand."""
        replies = talk(kb, "whats a production ai engineer", "is the job market good for them", "why tho?")
        assert (replies[2].roles, replies[2].topic) == (("production-ai-engineer",), "demand")
        assert "Key Factors Driving Demand" in replies[2].text[:300]

    def test_how_they_deal_with_a_challenge_is_its_solutions_where_given(self, kb):
        """MLOps lists a solution beside each challenge: those answer "how do they deal with it"."""
        replies = talk(kb, "what are the biggest challenges for mlops engineers", "how do they deal with it")
        assert replies[1].topic == "challenges" and "Solution:" in replies[1].text[:200]

    def test_how_they_deal_with_a_challenge_is_the_best_practices(self, kb):
        replies = talk(
            kb, "what are the hardest parts of being a production ai engineer", "how do they deal with that"
        )
        assert (replies[1].roles, replies[1].topic) == (("production-ai-engineer",), "best-practices")

    def test_the_role_named_in_a_follow_up_is_no_skill_of_the_person(self, kb):
        """'what about the mlops one, what else does it need': MLOps' requirements, not "your gaps"
        as if the person had said they know MLOps."""
        replies = talk(kb, "which roles need spark?", "what about the mlops one, what else does it need")
        assert replies[1].roles == ("mlops-engineer",) and "your gaps" not in replies[1].text

    def test_how_come_asks_why_and_a_misspelt_percentile_is_one(self, kb):
        replies = talk(kb, "ai systems engineer salary in sf?", "how come so high there")
        text = replies[1].text
        assert (
            text.index("Up to $300,600") < text.index("Factors Influencing Salary") < 600
        )  # the place first
        replies = talk(kb, "ml engineer salary in sf", "wait and 90th percentil?", "vs the ops folks")
        assert "90th Percentile" in replies[1].text[:300]
        assert set(replies[2].roles) == {"ai-ml-engineer", "mlops-engineer"} and replies[2].topic == "salary"

    def test_chit_chat_in_a_thread_is_not_answered_from_the_role(self, kb):
        replies = talk(kb, "hola, what is the work of ml engineer?", "sorry, how is the weather in madrid")
        assert replies[1].intent == "unknown" and "weather" in replies[1].text

    def test_outside_the_us_is_the_world_regions(self, kb):
        """'is there demand for them outside us': the document's regions, not its "US$" figures."""
        replies = talk(kb, "ai systems engineer salary in sf?", "is there demand for them outside us")
        assert "Growing AI ecosystem with increasing demand" in replies[1].text[:300]

    def test_they_keep_the_role_over_a_weak_role_word(self, kb):
        """'how come they need devops stuff too, i thought it is ml job': they are the MLOps engineers
        just discussed, not ML engineers."""
        replies = talk(
            kb,
            "mlops engineers need how many yrs exp",
            "how come they need devops stuff too, i thought it is ml job",
        )
        assert replies[1].roles == ("mlops-engineer",)

    def test_the_x_one_points_at_the_last_list(self, kb):
        """'how do people deal with the drift one' after the challenges: the drift lines, not advice
        on careers that "how do people usually" sounds like."""
        replies = talk(
            kb, "what are the common challenges for mlops engineers?", "how do people deal with the drift one"
        )
        assert (
            replies[-1].topic in ("challenges", "best-practices")
            and "drift" in replies[-1].text[:400].lower()
        )
        assert (
            "Automate monitoring processes and implement periodic model retraining" in replies[-1].text[:600]
        )

    def test_go_after_a_skill_is_the_language(self, kb):
        """'what about go?' after 'which roles need kubernetes?': Go the language, which one role
        names; then "how much do they make" is that role's pay."""
        replies = talk(kb, "which roles need kubernetes?", "what about go?", "ok and how much do they make")
        assert (
            replies[1].roles == ("ml-platform-engineer",) and "Python, Go, or Java" in replies[1].text[:400]
        )
        assert (replies[2].intent, replies[2].roles) == ("answer", ("ml-platform-engineer",))
        assert normalize("ready to go? where do they go") == [
            "ready",
            "to",
            "go",
            "?",
            "where",
            "do",
            "they",
            "go",
        ]

    def test_a_turn_keeps_whether_it_asked_across_when_stored(self):
        turn = Turn("compare", ("mlops-engineer", "ml-platform-engineer"), "requirements", None, "", True)
        assert Turn.from_json(turn.to_json()) == turn and Turn.from_json({"intent": "answer"}).across is False

    def test_a_turn_keeps_its_point_when_stored(self):
        """The point survives storage; a stored turn without one (or with junk) reads as none."""
        turn = Turn("answer", ("mlops-engineer",), "requirements", point=("certs",))
        assert Turn.from_json(turn.to_json()) == turn
        assert Turn.from_json({"intent": "answer", "point": "certs"}).point == ()
        assert Turn.from_json({"intent": "answer", "point": ["certs", 3]}).point == ("certs",)

    def test_how_they_fix_a_problem_after_their_challenges_names_it(self, kb):
        """'for mlops' (their challenges), then 'how do they fix the drift problem': the drift challenge
        with its solution; 'how do they deal w bias' after AI Systems' challenges: the bias line."""
        *_, reply = talk(
            kb, "what are mlops engineers' common challenges?", "how do they fix the drift problem"
        )
        assert "Automate monitoring processes and implement periodic model retraining" in reply.text[:600]
        *_, reply = talk(kb, "what challenges do ai systems engineers run into", "how do they deal w bias")
        assert "Mitigating bias and ensuring fairness in AI systems" in reply.text[:600]

    def test_which_of_those_on_a_subject_picks_from_the_last_answer(self, kb):
        """'which of those are about security?' after the platform's practices: the platform's lines on
        security, not a comparison with the role asked about before it."""
        *_, reply = talk(kb, "What best practices should production AI engineers follow?",
                         "and the platform crowd?", "which of those are about security?")  # fmt: skip
        assert reply.roles == ("ml-platform-engineer",) and "secur" in reply.text[:600].lower()
        *_, reply = talk(kb, "mlops salary", "and platform engineers?", "which of those pays more?")
        assert reply.intent == "compare"

    def test_compare_that_keeps_the_point_asked(self, kb):
        """'do they need certs?' then 'compare that with ai/ml engineers': the certifications of both."""
        *_, reply = talk(kb, "production ai engineer requirements", "do they need certs?",
                         "compare that with ai/ml engineers")  # fmt: skip
        assert reply.intent == "compare" and "certifications" in reply.text[:600].lower()
        *_, reply = talk(kb, "what does a platform engineer in ml do", "compare w mlops")
        assert reply.roles == ("ml-platform-engineer", "mlops-engineer")  # "ml" is no point to carry

    def test_outside_the_us_stays_on_the_role_and_topic(self, kb):
        replies = talk(
            kb, "what does the job market look like for ai systems engineers?", "and outside the US?"
        )
        assert (replies[-1].roles, replies[-1].topic) == (("ai-systems-engineer",), "demand")
        assert replies[-1].uncovered == ()  # its document names world regions

    def test_a_new_topic_leaves_the_pays_city_behind(self, kb):
        replies = talk(
            kb,
            "production ai engineer vs ai systems engineer - what's the difference?",
            "how much do both make in nyc",
            "and what industries hire each of them?",
        )
        assert replies[-1].topic == "demand" and "New York" not in replies[-1].text
        assert "healthcare, finance, automotive" in replies[-1].text[:600]

    def test_a_policy_question_stays_on_the_role(self, kb):
        """'what about PTO?' after a production AI question: that document is silent on it."""
        replies = talk(kb, "what does a production ai engineer do?", "hm ok. what about PTO?")
        assert replies[-1].roles == ("production-ai-engineer",) and "pto" in replies[-1].uncovered
        assert "for Production AI Engineer" in replies[-1].text

    def test_compare_that_with_adds_a_role(self, kb):
        """'compare that with mlops' compares the last role with MLOps on the last topic and city."""
        _, reply = talk(kb, "platform engineer salary in nyc", "compare that with mlops")
        assert reply.intent == "compare" and set(reply.roles) == {"ml-platform-engineer", "mlops-engineer"}
        assert "Around $268,000" in reply.text[:600]

    def test_answering_the_bots_own_question(self, kb):
        """After 'which role?', 'the mlops one' answers with the topic asked before."""
        first, reply = talk(kb, "/role engineer salary", "the mlops one")
        assert first.intent == "clarify" and (reply.roles, reply.topic) == (("mlops-engineer",), "salary")

    def test_a_new_city_replaces_the_old_one(self, kb):
        """SF then New York: the New York figure, not San Francisco's."""
        *_, reply = talk(kb, "prod ai engineer pay in san francisco?", "cool, thx", "oh and new york?")
        assert "$226,857" in reply.text[:600] and "San Francisco" not in reply.text[:300]

    def test_a_city_after_a_percentile_moves_to_the_city(self, kb):
        """'what about in new york?' after 'and the 90th?': New York's figure, not the 90th again."""
        *_, reply = talk(
            kb, "75th percentile pay for ml engineers?", "and the 90th?", "what about in new york?"
        )
        assert "$123,403" in reply.text[:600] and "Percentile" not in reply.text

    def test_a_role_switch_in_words_gets_the_pay_in_brief(self, kb):
        """'ok and ml platform engineers?' after a pay question: platform pay in brief, as the
        question in words would get, not the whole section a command gets."""
        _, reply = talk(kb, "what's the salary of an mlops engineer?", "ok and ml platform engineers?")
        assert reply.roles == ("ml-platform-engineer",) and "$165,780 per year" in reply.text[:600]

    def test_a_level_in_a_whole_question_takes_its_own_topic(self, kb):
        """'how would i get to senior from there' asks the career ladder, not the last topic;
        'for seniors?' alone keeps it."""
        _, reply = talk(kb, "what do mlops engineers need to know?", "how would i get to senior from there")
        assert reply.topic == "career" and "Senior MLOps Engineer" in reply.text[:600]
        _, reply = talk(kb, "what do mlops engineers earn?", "for seniors?")
        assert reply.topic == "salary"

    def test_words_that_only_look_like_a_topic(self, kb):
        """'what makes that hard for them in practice?': challenges, not pay or best practices."""
        _, reply = talk(
            kb, "what does a production ai engineer do?", "what makes that hard for them in practice?"
        )
        assert reply.topic == "challenges" and reply.roles == ("production-ai-engineer",)

    def test_which_one_after_a_turn_on_each_of_two_roles(self, kb):
        """'which one pays more?' after systems requirements, then 'same for ops?': those two."""
        *_, reply = talk(
            kb, "what are the requirements for ai systems engineers?", "same for ops?", "which one pays more?"
        )
        assert reply.intent == "compare" and set(reply.roles) == {"ai-systems-engineer", "mlops-engineer"}
        assert reply.topic == "salary"

    def test_ai_the_field_beside_a_pronoun_for_the_role(self, kb):
        _, reply = talk(
            kb, "What do industry trends look like for AI systems engineers?", "will AI replace them?"
        )
        assert (reply.intent, reply.roles) == ("answer", ("ai-systems-engineer",))

    def test_a_city_keeps_the_thread_topic_in_a_longer_turn(self, kb):
        _, reply = talk(
            kb, "AI systems engineer vs MLOps engineer salaries?", "what do the two get in san fran?"
        )
        assert (reply.intent, reply.topic) == ("compare", "salary") and "Up to $300,600" in reply.text

    def test_an_option_number_picks_from_the_roles_offered(self, kb):
        first, reply = talk(kb, "what does an ai engineer earn?", "option 2")
        assert first.intent == "clarify" and reply.roles == (first.roles[1],) and reply.topic == "salary"

    def test_why_so_high_gets_what_drives_the_pay(self, kb):
        """'why so high?' after senior pay: the factors behind the pay, not the same figures again."""
        first, reply = talk(kb, "how much can a senior ai systems engineer make?", "why so high?")
        assert "Factors Influencing Salary" in reply.text[:600] and reply.text != first.text
        # after the bonus ("additional comp"), and "toward the top of the range": the same factors
        *_, reply = talk(kb, "what's the additional comp like for ml engineers", "what drives it up")
        assert "Factors Influencing Salaries" in reply.text[:600]
        *_, reply = talk(
            kb, "how much do ml platform engineers make", "what would push me toward the top of the range"
        )
        assert "Factors Influencing Salaries" in reply.text[:600]
        *_, reply = talk(kb, "mlops salary in nyc", "chicago?", "what drives the diff")
        assert "Factors Affecting Salary" in reply.text[:300]
        reply = handlers.ask(
            "whats the diff in skills between mlops and platform eng", kb
        )  # "diff", no subject
        assert "different versions" not in reply.text and "Docker and Kubernetes" in reply.text[:400]
        reply = handlers.ask("I'm ML engineer 3 years, salary is stuck. what should I do to earn more", kb)
        assert "Specialization in high-demand areas" in reply.text[:600]
        for text in (
            "how do i bump my pay as an ml engineer",
            "how can mlops engineers push their salary up",
        ):
            assert "Experience level" in handlers.ask(text, kb).text[:300], text
        # a pay bump between levels is the levels' figures
        reply = handlers.ask("what's the pay bump from senior to staff for mlops", kb)
        assert "Figures for senior level" in reply.text[:300]

    def test_a_role_switch_keeps_the_place_and_topic(self, kb):
        """'what about the mlops folks there?' after SF pay: MLOps pay in SF, not what MLOps is."""
        *_, reply = talk(kb, "prod ai engineer salary in san francisco", "what about the mlops folks there?")
        assert (
            reply.roles == ("mlops-engineer",) and reply.topic == "salary" and "$300,600" in reply.text[:600]
        )

    def test_i_mean_a_role_after_which_role_keeps_the_topic(self, kb):
        """'I mean the AI/ML Platform Engineer, sorry' after "which AI engineer?" on requirements."""
        *_, reply = talk(
            kb,
            "what is the requirements for AI engineer position?",
            "I mean the AI/ML Platform Engineer, sorry",
        )
        assert reply.roles == ("ml-platform-engineer",) and reply.topic == "requirements"

    def test_regular_is_no_subject(self, kb):
        """'ok and regular machine learning engineers?': their duties, not lines saying "regular"."""
        *_, reply = talk(
            kb, "what does an mlops engineer do day to day?", "ok and regular machine learning engineers?"
        )
        assert reply.roles == ("ai-ml-engineer",) and "conduct regular evaluations" not in reply.text[:300]

    def test_is_there_a_junior_version_is_the_first_rung(self, kb):
        *_, reply = talk(kb, "what do mlops engineers need to know", "is there a junior version then")
        assert reply.topic == "career" and "Junior" in reply.text[:400]

    def test_the_pay_for_a_role_after_its_career_is_the_pay(self, kb):
        """'what's the pay for a regular mlops engineer?' after its career path: the pay (a noun here),
        not the career again; 'should i pay for a course?' is paying for something."""
        *_, reply = talk(
            kb, "mlops engineer career path", "ok, what's the pay for a regular mlops engineer, not junior"
        )
        assert reply.topic == "salary" and "$" in reply.text[:300]
        *_, reply = talk(kb, "mlops engineer career path", "should i pay for a course first?")
        assert reply.topic != "salary" and "$" not in reply.text[:600]

    def test_will_ai_replace_them_is_the_trends(self, kb):
        """'will AI replace them?' after a role's pay: its trends, where the document says AI enhances."""
        *_, reply = talk(kb, "what do ai systems engineers make?", "will AI replace them?")
        assert reply.topic == "trends" and "rather than replacing human developers" in reply.text[:600]

    def test_how_do_i_get_there_is_the_way_to_it(self, kb):
        """'how do i get there?' after senior pay: the career path, not the pay again; 'from SRE': a
        person with a job already gets the skills to add, not the junior rung or a bachelor's degree."""
        *_, reply = talk(kb, "how much can a senior ai systems engineer make?", "how do i get there?")
        assert reply.topic == "career" and "$150,000" not in reply.text[:600]
        *_, reply = talk(kb, "what do production ai engineers make?", "how do i get there from SRE")
        lead = reply.text[:600]
        assert "Master programming languages" in lead and "Junior AI Engineer" not in lead
        assert "Pursue a bachelor's degree" not in lead

    def test_where_in_the_world_asks_of_the_role_discussed(self, kb):
        """'which part of the world is leading?' after a role's demand: that role's regions."""
        reply = handlers.ask("Where in the world is the demand for AI system engineers most strong?", kb)
        assert "Leading in AI investments" in reply.text[:600]
        *_, reply = talk(kb, "is ai systems engineering a growing field?", "where are those jobs?")
        assert reply.topic == "demand" and "Leading in AI investments" in reply.text[:600]
        *_, reply = talk(kb, "how's the job market for ai systems engineers?", "which regions are hot")
        assert reply.topic == "demand" and "Leading in AI investments" in reply.text[:600]  # "hot": no trends
        *_, reply = talk(kb, "is mlops in demand", "why is that?", "which part of the world is leading")
        assert reply.roles == ("mlops-engineer",) and reply.topic == "demand"
        *_, reply = talk(kb, "is mlops in demand", "which region is leading?")
        assert reply.topic == "demand" and "North America" in reply.text[:600]

    def test_roles_described_in_everyday_words(self, kb):
        """'the folks who run the infra', 'the ones putting ai on factory floors', 'the model
        builders': those roles, on the thread's topic; 'sanfrancisco' is San Francisco."""
        for said, role in (
            ("what about the folks who run the infra", "ml-platform-engineer"),
            ("and the ones putting ai on factory floors", "production-ai-engineer"),
            ("and the model builders?", "ai-ml-engineer"),
        ):
            _, reply = talk(kb, "mlops salary", said)
            assert (reply.roles, reply.topic) == ((role,), "salary"), said
        _, reply = talk(kb, "mlops engineer salary", "in sanfrancisco?")
        assert "$300,600" in reply.text[:300]

    def test_a_place_typed_as_one_word_and_misspelt(self, kb):
        """'in sanfransisco?' after entry pay: San Francisco, not "couldn't tell what you mean"."""
        _, reply = talk(kb, "new grad here. entry level pay for ai systems engineer?", "in sanfransisco?")
        assert (reply.intent, reply.roles, reply.topic) == ("answer", ("ai-systems-engineer",), "salary")
        assert "San Francisco, CA: Up to $300,600" in reply.text[:400]

    def test_ok_then_a_question_asks_on(self, kb):
        """'ok and the least?' after who pays most: the least paid, not "You're welcome!"."""
        _, reply = talk(kb, "which role pays the most?", "ok and the least?")
        assert reply.intent == "compare" and reply.topic == "salary"
        assert "pays least" in reply.text[:300] and "welcome" not in reply.text

    def test_how_that_affects_pay_asks_what_drives_pay(self, kb):
        _, reply = talk(kb, "what trends matter for ml engineers", "how does that affect pay")
        assert reply.topic == "salary" and "Factors Influencing" in reply.text[:300]

    def test_how_hard_to_break_in_asks_the_way_in(self, kb):
        _, reply = talk(kb, "what does an mlops engineer do", "is it hard to break in")
        assert reply.roles == ("mlops-engineer",) and reply.topic == "career"

    def test_ok_then_a_question_is_a_question(self, kb):
        """'ok how do i get there' after a role's requirements asks the way in; 'ok' alone thanks."""
        _, reply = talk(kb, "what does an mlops engineer need to know?", "ok how do i get there")
        assert reply.roles == ("mlops-engineer",) and reply.topic == "career"
        _, reply = talk(kb, "what does an mlops engineer need to know?", "ok cool")
        assert reply.roles == ()

    def test_a_role_picked_with_a_level_keeps_the_topic(self, kb):
        """'just the AI systems one, senior level' after a pay comparison: that role's senior pay."""
        *_, reply = talk(
            kb, "ml engineer vs ai systems engineer pay", "just the AI systems one, senior level"
        )
        assert reply.roles == ("ai-systems-engineer",) and reply.topic == "salary"
        assert "$150,000 - $207,479" in reply.text[:400]

    def test_once_in_asks_the_way_up(self, kb):
        _, reply = talk(kb, "how do i become an mlops engineer coming from QA?", "and then what, once im in?")
        assert reply.roles == ("mlops-engineer",) and reply.topic == "career"

    def test_they_after_a_role_named_in_the_same_message_is_that_role(self, kb):
        """'and the platform people, how do they handle it?' names who "they" are."""
        _, reply = talk(
            kb, "mlops engineer best practices", "and the platform people, how do they handle testing?"
        )
        assert reply.roles == ("ml-platform-engineer",)

    def test_the_ambiguous_name_again_is_the_role_its_document_calls_so(self, kb):
        """'which role do you mean?' ... 'ai eng': AI Systems Engineer, "often referred to as an AI
        Engineer" in its document; then 'how to overcome tht' asks how, of those challenges."""
        first, reply, how = talk(kb, "challanges for an ai engineer", "ai eng", "how to overcome tht")
        assert first.intent == "clarify"
        assert (reply.intent, reply.roles, reply.topic) == ("answer", ("ai-systems-engineer",), "challenges")
        assert how.roles == ("ai-systems-engineer",) and how.topic == "best-practices"
        for asked in ("how to fix that", "how do they handle that"):
            _, mlops = talk(kb, "mlops engineer challenges", asked)
            assert mlops.topic == "challenges" and mlops.text.split("\n")[3].startswith("• *Solution:*"), (
                asked
            )

    def test_any_role_asks_across_inside_a_one_role_thread(self, kb):
        """'does any of the roles mention X?' after one role's answer is asked across the roles;
        'any certs?' stays with the role just discussed."""
        _, reply = talk(kb, "mlops engineer challenges", "does any of the roles mention kubernetes?")
        assert reply.intent == "compare" and len(reply.roles) > 1 and "mention Kubernetes" in reply.text
        _, reply = talk(kb, "mlops engineer challenges", "any certs?")
        assert reply.roles == ("mlops-engineer",)

    def test_why_so_high_there_gets_what_the_document_says_of_places(self, kb):
        """'how come so high there' after a city's pay: the city's line, then why pay differs by
        place (the number explained beside its reasons); asked in one message, the same."""
        first, reply = talk(kb, "ai systems engineer salary in sf?", "how come so high there")
        assert (
            "Coastal tech hubs (e.g., San Francisco, New York) generally offer higher salaries"
            in reply.text[:500]
        )
        assert reply.text.count("Up to $300,600") == 1 and reply.text.index("Up to $300,600") < 100
        reply = handlers.ask("why are production ai engineers paid more in seattle", kb)
        assert reply.topic == "salary" and "• Geographic location" in reply.text[:400]

    def test_a_line_with_several_amounts_is_shown_once(self, kb):
        reply = handlers.ask("how much can a senior ai systems engineer make?", kb)
        assert reply.text.count("top positions potentially exceeding $300,000") == 1

    def test_an_ordinal_picks_from_the_roles_offered_turns_ago(self, kb):
        """'and for the third one you listed?' after answering the second: the third of the list."""
        first, _, reply = talk(
            kb, "best practices for an ai engineer?", "option 2", "and for the third one you listed?"
        )
        assert (
            first.intent == "clarify" and reply.roles == (first.roles[2],) and reply.topic == "best-practices"
        )

    def test_the_pick_alone_is_answered_as_the_question_in_words_was(self, kb):
        """'the 3rd' after 'ai engineer career path?': the career section in brief, from its start."""
        first, reply = talk(kb, "ai engineer career path?", "the 3rd")
        assert reply.roles == ("ai-systems-engineer",) and reply.topic == "career"
        assert len(reply.text) < 1500 and "Bachelor's degree" in reply.text[:600]

    def test_each_after_a_comparison_is_those_roles(self, kb):
        _, reply = talk(
            kb,
            "How do AI systems engineers and ML engineers differ in what they do?",
            "main headaches for each?",
        )
        assert set(reply.roles) == {"ai-systems-engineer", "ai-ml-engineer"} and reply.topic == "challenges"

    @pytest.mark.parametrize(
        ("first", "then", "topic"),
        [
            # "how does that stack up": the point kept, another role beside it
            (
                "how much do ml platform engineers get paid in seattle?",
                "how does that stack up against the prod ai folks",
                "salary",
            ),
            # "which one has better growth?": the jobs' growth of the two compared
            (
                "mlops vs ml platform engineer — which one is more about infrastructure?",
                "which one has better growth?",
                "demand",
            ),
        ],
    )
    def test_a_comparison_goes_on(self, kb, first, then, topic):
        _, reply = talk(kb, first, then)
        assert reply.intent == "compare" and reply.topic == topic

    def test_a_pick_keeps_the_question_asked_and_and_after_goes_on(self, kb):
        """'the first one' answers the pay question asked; 'and after a few years?' stays on it."""
        first, pick, later = talk(
            kb,
            "hi! new grad here. how much do AI engineers make starting out?",
            "the first one",
            "and after a few years?",
        )
        assert first.intent == "clarify" and (pick.roles, pick.topic) == (
            ("production-ai-engineer",),
            "salary",
        )
        assert (later.intent, later.roles, later.topic) == ("answer", ("production-ai-engineer",), "salary")

    def test_a_specific_subject_finds_its_own_section(self, kb):
        """'can they work remotely?' after requirements: the remote-work line, under its section."""
        _, reply = talk(kb, "what does an mlops engineer need to know?", "can they work remotely?")
        assert reply.roles == ("mlops-engineer",) and reply.topic == "career"
        assert "Potential for remote work" in reply.text[:300]

    def test_is_the_outlook_good_leads_with_the_outlook(self, kb):
        _, reply = talk(kb, "what does a production ai engineer do?", "is the job outlook good?")
        assert reply.topic == "demand" and "Job outlook is extremely positive" in reply.text[:600]
        assert "$" not in reply.text[:600]

    @pytest.mark.parametrize(
        "first,then,roles,topic",
        [
            ("mlops salary", "and for the folks who build models?", ("ai-ml-engineer",), "salary"),
            (
                "platform vs mlops salary",
                "which is harder?",
                ("ml-platform-engineer", "mlops-engineer"),
                "challenges",
            ),
            (
                "what are the requirements for platform engineers?",
                "any certs?",
                ("ml-platform-engineer",),
                "requirements",
            ),
        ],
    )
    def test_everyday_follow_ups(self, kb, first, then, roles, topic):
        _, reply = talk(kb, first, then)
        assert (reply.roles, reply.topic) == (roles, topic)


class TestNotInheriting:
    """What must not be carried over."""

    def test_a_complete_question_stands_alone(self, kb):
        """A new role and topic: one role, not a comparison with the last."""
        _, reply = talk(
            kb, "what challenges do mlops engineers run into?", "soft skills of a production ai engineer"
        )
        assert (reply.intent, reply.roles, reply.topic) == (
            "answer",
            ("production-ai-engineer",),
            "soft-skills",
        )

    def test_thanks_is_not_a_question(self, kb):
        """A short friendly reply about no role, without the last answer."""
        _, reply = talk(kb, "what about at google for ai systems engineers salary", "thanks!")
        assert reply.roles == () and "$" not in reply.text and len(reply.text) < 200

    def test_thanks_with_a_few_more_words_is_still_thanks(self, kb):
        for said in ("thx, that's what i needed", "thank you, very clear"):
            _, reply = talk(kb, "mlops vs platform salary", said)
            assert reply.roles == () and "$" not in reply.text

    @pytest.mark.parametrize("said", ["haha thx", "great stuff ty", "tyvm!", "gracias", "thnx"])
    def test_slang_and_foreign_thanks_get_a_welcome_not_a_puzzle(self, kb, said):
        """Not "Sorry, I couldn't tell what you mean by “haha”"."""
        _, reply = talk(kb, "what do mlops engineers do?", said)
        assert reply.text.startswith("You're welcome") and "couldn't tell" not in reply.text

    def test_thanks_that_goes_on_to_ask_is_a_question(self, kb):
        _, reply = talk(kb, "mlops salary", "thanks, and what about platform engineers?")
        assert reply.roles == ("ml-platform-engineer",)

    def test_a_label_of_the_lines_just_shown_asks_that_part_of_the_answer(self, kb):
        """'what tools help?' after the interpretability challenge: its 'Tools:' line, not the
        requirements that 'tools' names by itself."""
        *_, reply = talk(
            kb, "ml engineer challenges?", "more on the interpretability one please", "what tools help?"
        )
        assert reply.topic == "challenges" and "SHAP, LIME" in reply.text[:300]

    def test_a_follow_up_naming_no_topic_keeps_the_thread_topic_the_model_is_torn_on(self, kb):
        """'which companies specifically?' after the industries hiring: the model leans to requirements
        at even odds, its second reading the thread's market; the market holds."""
        *_, reply = talk(
            kb,
            "what sectors hire ai systems engineers?",
            "and ml engineers?",
            "which companies specifically?",
        )
        assert reply.topic == "demand" and "Top tech companies like Google" in reply.text[:600]

    @pytest.mark.parametrize(
        "said", ["thanks. what about relocation packages for them", "thx! how much do they earn"]
    )
    def test_thanks_then_a_question_without_its_mark_is_answered(self, kb, said):
        _, reply = talk(kb, "what does an mlops engineer do", said)
        assert reply.roles == ("mlops-engineer",) and not reply.text.startswith("You're welcome")

    def test_a_comparison_of_its_own_keeps_only_its_roles(self, kb):
        *_, reply = talk(
            kb,
            "ai systems engineer salary?",
            "separate question, how do requirements for mlops engineers differ from production ai's?",
        )
        assert set(reply.roles) == {"mlops-engineer", "production-ai-engineer"}

    def test_a_role_rolebot_does_not_know_is_said_plainly(self, kb):
        """'what about nurses?' is not answered with the last role again."""
        _, reply = talk(kb, "what do mlops engineers earn in chicago", "what about nurses?")
        assert reply.intent in ("unknown", "clarify") and "mlops-engineer" not in reply.roles

    def test_no_turns_is_the_plain_answer(self, kb):
        """Without context, converse answers exactly as ask does."""
        reply, _ = handlers.converse("/role mlops salary", kb, [])
        assert reply.text == handlers.ask("/role mlops salary", kb).text


class TestTurn:
    """Turns are stored as JSON and read back defensively."""

    def test_round_trip(self, kb):
        """A turn survives to_json/from_json."""
        _, turn = handlers.converse("platform engineer salary in nyc", kb, [])
        assert Turn.from_json(turn.to_json()) == turn and turn.focus == {"locations": ("New York",)}
        _, turn = handlers.converse("what challenges do production ai engineers face", kb, [])
        assert turn.shown and Turn.from_json(turn.to_json()) == turn  # the lines led with, by id
        assert Turn.from_json({**turn.to_json(), "shown": ["x", 2.5, True]}).shown == ()

    def test_malformed_stored_turns_are_ignored(self):
        """Garbage from storage is None, never an exception."""
        for bad in (None, 3, "x", [], {"intent": 1}, {"intent": "answer", "roles": "mlops"}):
            assert Turn.from_json(bad) is None


class TestEverydayFollowUps:
    """How people go on in a thread: everyday role words, ordinals, both, typos, pointers."""

    def test_a_role_in_everyday_words(self, kb):
        """'what about the ops side?' after platform duties: MLOps duties, and 'ops' is no subject."""
        _, reply = talk(kb, "what does an ml platform engineer do?", "what about the ops side?")
        assert (reply.roles, reply.topic) == (("mlops-engineer",), "responsibilities")
        assert "Deploy and integrate ML models in production environments" in reply.text[:600]

    def test_a_fragment_in_the_last_roles_terms_asks_on(self, kb):
        """'which langs mostly' after what an ML platform engineer needs: its languages, not "I don't
        know a role called 'langs mostly'"; a word no document holds is still a new subject."""
        _, reply = talk(kb, "what does it take to get hired as an ML platform engineer", "which langs mostly")
        assert (reply.intent, reply.roles) == ("answer", ("ml-platform-engineer",))
        assert "Python, Go, C++, Java, or R" in reply.text[:600] and "role called" not in reply.text
        _, reply = talk(kb, "what does it take to get hired as an ML platform engineer", "what about nurses?")
        assert reply.roles == ()

    def test_an_ordinal_with_a_bullet_picks_a_line_of_the_last_answer(self, kb):
        """'what does the first bullet mean?', 'say more about the second point': that line with its
        heading's other lines; after "which AI engineer?", "the 2nd one" still picks a role."""
        *_, reply = talk(
            kb, "what challenges do production ai engineers face", "what does the first bullet mean"
        )
        assert reply.roles == ("production-ai-engineer",) and reply.topic == "challenges"
        assert reply.text.split("\n\n")[1].startswith("_Talent and Skills Shortage_")
        *_, reply = talk(kb, "what do ml engineers do all day", "say more about the second point")
        assert "Implement appropriate ML algorithms and conduct experiments" in reply.text[:600]
        *_, reply = talk(kb, "soft skills for production ai engineers?", "whats the 3rd one about")
        assert not reply.uncovered and "_Problem-Solving and Critical Thinking_" in reply.text[:200]

    def test_years_of_experience_after_pay_are_a_focus_of_the_pay(self, kb):
        """'and with like 2 yoe' after platform pay for 8 years: the pay for 1-3 years."""
        *_, reply = talk(kb, "how much do ml platform engineers make", "with 8 years?", "and with like 2 yoe")
        assert reply.topic == "salary" and "$132,326 - $181,999" in reply.text[:600]
        *_, reply = talk(kb, "how much do ml platform engineers make", "how do i get to senior")
        assert reply.topic == "career" and "Lead projects, mentor juniors" in reply.text[:600]  # the way up
        *_, reply = talk(kb, "how much do ml platform engineers make", "for seniors?")
        assert reply.topic == "salary"  # the senior pay

    def test_it_after_a_ranking_is_the_role_put_first(self, kb):
        """'which of the five asks for the most years?' then 'what does it pay seniors?': the role the
        verdict named, kept through storage; 'they' still means every role."""
        first, *_, reply = talk(kb, "which of the five asks for the most years?", "what does it pay seniors?")
        assert first.text.split("\n\n")[1].startswith("*AI/ML Platform Engineer asks for the most")
        assert reply.roles == ("ml-platform-engineer",) and reply.topic == "salary"
        turn = handlers.converse("which of the five asks for the most years?", kb, [])[1]
        assert turn.picked == "ml-platform-engineer" and Turn.from_json(turn.to_json()) == turn
        *_, they = talk(kb, "which of the five asks for the most years?", "what do they pay seniors?")
        assert len(they.roles) == 5

    def test_those_three_are_the_last_three_roles(self, kb):
        """'which of those three needs the most experience?' after a turn on each of three roles: the
        three side by side, not the last two."""
        *_, reply = talk(
            kb,
            "what do mlops engineers need to know?",
            "and platform engineers?",
            "ok and ai systems engineers?",
            "which of those three pays the most at senior level?",
        )
        assert reply.intent == "compare"
        assert set(reply.roles) == {"mlops-engineer", "ml-platform-engineer", "ai-systems-engineer"}

    def test_a_place_no_document_has_stays_with_the_thread(self, kb):
        """'any visa help for platform engineers moving to canada?' ... 'how's the pay over there?':
        the pay, said to be none of Canada's, not US figures passed off as Canada's."""
        *_, reply = talk(
            kb, "any visa help for platform engineers moving to canada?", "how's the pay over there?"
        )
        assert (reply.roles, reply.topic, reply.uncovered) == (
            ("ml-platform-engineer",),
            "salary",
            ("Canada",),
        )
        assert "says nothing about “Canada”" in reply.text[:300]
        *_, reply = talk(kb, "is there demand for mlops people in new zealand?", "and what do they earn?")
        assert reply.uncovered == ("New Zealand",)

    def test_roles_of_a_kind_are_positions_of_the_ladder_not_the_five(self, kb):
        """'ok and leadership roles?', 'what about executive roles' in an AI Systems thread: its
        Leadership Roles, not every role's mention of leadership nor the list of the five; 'which
        roles need python?' is still across."""
        for asked in ("ok and leadership roles?", "what about executive roles"):
            *_, reply = talk(kb, "ai systems engineer career path", asked)
            assert (reply.intent, reply.roles) == ("answer", ("ai-systems-engineer",))
            assert "Director of AI or similar executive positions" in reply.text[:600]
        *_, across = talk(kb, "ai systems engineer career path", "which roles need python?")
        assert len(across.roles) > 1

    def test_a_numbered_pick_is_the_pick_alone(self, kb):
        """'#3' after "which AI engineer?" reads as 'the 3rd': no "#3" left over as a subject."""
        *_, numbered = talk(kb, "ai engineer career path?", "#3")
        *_, worded = talk(kb, "ai engineer career path?", "the 3rd")
        assert numbered.roles == ("ai-systems-engineer",) and numbered.text == worded.text

    def test_an_ordinal_said_as_when_picks_nothing(self, kb):
        """'what shud i learn first then' after "#3" picked AI Systems: "first" says when, the role stays."""
        *_, reply = talk(kb, "ai engineer career path?", "#3", "what shud i learn first then")
        assert reply.roles == ("ai-systems-engineer",)

    def test_an_ordinal_picks_from_the_roles_offered(self, kb):
        """'2nd one' after 'which AI engineer?' is the second role offered, on the same topic."""
        asked, reply = talk(kb, "how much do AI engineers make?", "the 2nd one")
        assert asked.intent == "clarify"
        assert (reply.intent, reply.roles, reply.topic) == ("answer", (asked.roles[1],), "salary")

    def test_the_latter_and_the_former_pick_from_a_comparison(self, kb):
        """'the latter in seattle' after a pay comparison is the second role's Seattle pay; 'and the
        former' then the first role's, the city kept."""
        compared, latter, former = talk(
            kb,
            "which pays better in sf, prod ai eng or ml platform eng",
            "the latter in seattle",
            "and the former",
        )
        assert compared.roles == ("production-ai-engineer", "ml-platform-engineer")
        assert (latter.intent, latter.roles, latter.topic) == ("answer", ("ml-platform-engineer",), "salary")
        assert "Seattle, WA: $173,517 per year" in latter.text[:600]
        assert (former.intent, former.roles) == ("answer", ("production-ai-engineer",))
        assert "Around $180,000" in former.text[:600]

    def test_the_role_one_picks_it_from_an_across_roles_answer(self, kb):
        """'the platform one, how many yrs do they ask for' after 'which roles want kubernetes': that
        role's years; 'they' is the role picked, not the three found."""
        _, picked = talk(
            kb,
            "which of these roles want kubernetes experience",
            "the platform one, how many yrs do they ask for",
        )
        assert (picked.intent, picked.roles, picked.topic) == (
            "answer",
            ("ml-platform-engineer",),
            "requirements",
        )
        assert "5+ years of relevant experience" in picked.text[:600]

    def test_the_words_naming_a_role_are_no_subject_of_the_follow_up(self, kb):
        """'what about the infra/platform folks' after MLOps duties: the platform duties in brief, not
        lines saying "infrastructure"."""
        _, reply = talk(
            kb, "what are the day to day duties of an mlops engineer", "what about the infra/platform folks"
        )
        assert (reply.roles, reply.topic) == (("ml-platform-engineer",), "responsibilities")
        assert "Develop and maintain reusable frameworks for AI/ML model development" in reply.text[:600]

    def test_an_everyday_role_word_beside_the_role_s_name_is_no_subject(self, kb):
        """'and the ops side, mlops?' after soft skills: MLOps's soft skills, not the lines saying
        "operations" ("ops" names the role, as "mlops" does)."""
        *_, reply = talk(
            kb,
            "what soft skills do ai systems engineers need",
            "same for the ml infra people?",
            "and the ops side, mlops?",
        )
        assert (reply.roles, reply.topic) == (("mlops-engineer",), "soft-skills")

    def test_anything_about_a_subject_the_last_section_says_stays_in_it(self, kb):
        """'anything about regulation?' after MLOps's trends: the trend on regulation, not the
        compliance challenge, since the trends say it too."""
        *_, reply = talk(kb, "what trends are affecting mlops engineers", "anything about regulation?")
        assert (reply.roles, reply.topic) == (("mlops-engineer",), "trends")
        assert "Growing need for governance frameworks" in reply.text[:600]

    def test_a_weak_topic_word_yields_to_the_last_section_that_says_the_subject(self, kb):
        """'any tips to negotiate more' after the pay: "tips" names best practices only weakly, and only
        the pay section says "negotiation": the pay's negotiation line."""
        _, reply = talk(kb, "what do ai systems engineers make", "any tips to negotiate more")
        assert reply.topic == "salary" and "Negotiation skills, proven track record" in reply.text[:300]

    def test_each_step_is_no_question_across_the_roles(self, kb):
        """'and in terms of pay at each step?' after the ML engineer's ladder: that role's pay, not all
        five roles side by side ("each" is of the steps)."""
        _, reply = talk(
            kb, "whats the career ladder look like for ml engineers", "and in terms of pay at each step?"
        )
        assert (reply.intent, reply.roles, reply.topic) == ("answer", ("ai-ml-engineer",), "salary")

    def test_an_item_of_the_last_answer_pointed_at_leans_on_the_thread(self, kb):
        """'the specialization part — which areas are we talking': the role just discussed, not "I couldn't
        tell what you mean"."""
        *_, reply = talk(
            kb,
            "whats the career path for ml engineers",
            "the specialization part — which areas are we talking",
        )
        assert reply.intent == "answer" and reply.roles == ("ai-ml-engineer",)
        assert "Specializing in specific technologies" in reply.text[:600]

    @pytest.mark.parametrize(
        "asked",
        ["and in terms of pay?", "and from a pay perspective?", "pay-wise, from a standpoint of money?"],
    )
    def test_in_terms_of_pay_compares_the_pay(self, kb, asked):
        """'and in terms of pay?' after a comparison of duties: the pay side by side, no "terms" lines."""
        _, reply = talk(
            kb, "ai systems engineer vs ml platform engineer, what do they actually do differently?", asked
        )
        assert (reply.intent, reply.topic) == ("compare", "salary")
        assert "Nothing on this point" not in reply.text

    def test_after_a_level_s_own_words_is_that_level(self, kb):
        """'and after a few yrs?' after the junior rung: the mid level ("after a few yrs" names it), not
        the rungs after it."""
        *_, reply = talk(kb, "what do junior ml engineers usually work on", "and after a few yrs?")
        assert reply.topic == "career"
        assert (
            reply.text.index("Mid-Level") < reply.text.find("Senior-Level")
            or "Senior-Level" not in reply.text
        )

    def test_a_topic_s_name_is_no_point_carried_along(self, kb):
        """'any emerging skills' (routed to demand) then 'what about on the infra/platform side' then 'vs
        the systems engineers': still the market demand, not the trends a carried-over "trends" named."""
        *_, reply = talk(
            kb,
            "whats the job market like for ml engineers",
            "any emerging skills they should pick up",
            "what about on the infra/platform side",
            "vs the systems engineers",
        )
        assert reply.intent == "compare" and reply.topic == "demand"

    def test_at_that_level_keeps_the_level_on_a_new_topic(self, kb):
        """'what do they actually do at that level' after the director's pay: the director's rung of
        the ladder, not the role's duties in general."""
        *_, reply = talk(
            kb,
            "whats a senior mlops engineer paid",
            "director level?",
            "what do they actually do at that level",
        )
        assert reply.topic == "career"
        assert "Leads overall MLOps strategy, aligning with company vision." in reply.text[:300]

    def test_ok_and_the_other_one_asks_on_not_thanks(self, kb):
        """'ok and for the other one' after 'the former, how do people get promoted': the other role's
        career, not "You're welcome!"."""
        *_, reply = talk(
            kb,
            "im choosing between production ai eng and ml eng. how do their day-to-day jobs compare?",
            "which one pays more in chicago",
            "the former, how do people get promoted",
            "ok and for the other one",
        )
        assert (reply.intent, reply.roles, reply.topic) == ("answer", ("ai-ml-engineer",), "career")
        assert "You're welcome" not in reply.text

    def test_a_described_pick_after_which_role_is_one_of_the_roles_offered(self, kb):
        """'the one that deploys models in factories' after "which AI engineer?": Production AI, which
        was offered; "deploys models" also describes MLOps, which was not."""
        asked, picked = talk(kb, "what does an AI engineer make?", "the one that deploys models in factories")
        assert asked.intent == "clarify"
        assert (picked.intent, picked.roles, picked.topic) == (
            "answer",
            ("production-ai-engineer",),
            "salary",
        )

    def test_both_roles_of_a_comparison_on_a_new_topic(self, kb):
        """'what do both need?' after a pay comparison compares the same two on requirements."""
        _, reply = talk(kb, "compare mlops and platform engineer salaries", "what do both need?")
        assert reply.intent == "compare" and reply.topic == "requirements"
        assert set(reply.roles) == {"mlops-engineer", "ml-platform-engineer"}

    def test_a_misspelt_city(self, kb):
        _, reply = talk(kb, "how much do ml platform engineers make?", "and in seatle?")
        assert "$173,517 per year" in reply.text[:600]

    def test_a_pointer_with_a_new_topic(self, kb):
        """'is it in demand?' stays with the role just discussed."""
        _, reply = talk(kb, "what does an mlops engineer do?", "is it in demand?")
        assert (reply.roles, reply.topic) == (("mlops-engineer",), "demand")

    def test_a_short_message_in_the_documents_words(self, kb):
        """'how many yrs exp tho' goes on about the last role."""
        _, reply = talk(kb, "what do prod ai engineers need to know", "how many yrs exp tho")
        assert reply.roles == ("production-ai-engineer",) and "3+ years of experience" in reply.text[:600]

    def test_another_percentile(self, kb):
        _, reply = talk(kb, "what's the 90th percentile salary for an ml engineer?", "and the 25th?")
        assert reply.roles == ("ai-ml-engineer",) and "25th Percentile" in reply.text[:600]

    def test_a_title_that_is_none_of_the_five_is_not_the_last_role(self, kb):
        _, reply = talk(kb, "how much do ml engineers make?", "what about data analysts?")
        assert reply.intent == "unknown" and reply.uncovered == ("data analyst",) and reply.roles == ()

    def test_a_role_described_by_what_its_people_do(self, kb):
        """'how about the people who build the platform' switches role; the description is no
        subject (no lines about 'build' from other sections), and a city after it still counts."""
        _, reply = talk(
            kb, "how much does an ml engineer make?", "how about the people who build the platform"
        )
        assert (reply.roles, reply.topic) == (("ml-platform-engineer",), "salary")
        assert "Build data ingestion" not in reply.text[:600]
        _, reply = talk(
            kb, "how much does an ml engineer make?", "and the folks running the platform in seattle?"
        )
        assert "$173,517 per year" in reply.text[:600]

    def test_both_roles_need_their_skills_named(self, kb):
        """'what do both need?' shows each role's concrete skills, not one line per heading."""
        _, reply = talk(kb, "compare mlops and platform engineer salaries", "what do both need?")
        assert "Experience with Docker and Kubernetes" in reply.text
        assert "5+ years of relevant experience in AI/ML infrastructure and systems" in reply.text

    def test_a_question_about_the_last_answer_keeps_its_topic(self, kb):
        """'why is that so high?' after pay is still about pay; 'is it stressful?' is a new topic."""
        replies = talk(kb, "how much do mlops engineers make?", "why is that so high?", "is it stressful?")
        assert [r.topic for r in replies] == ["salary", "salary", "soft-skills"]
        assert all(r.roles == ("mlops-engineer",) for r in replies)

    def test_a_level_alone_keeps_the_threads_topic(self, kb):
        """'entry level?' and a misspelt 'for senoirs?' after pay are pay at that level."""
        replies = talk(kb, "how much do production ai engineers make?", "entry level?", "and mid?")
        assert [r.topic for r in replies] == ["salary", "salary", "salary"]
        _, reply = talk(kb, "how much do mlops engineers make?", "for senoirs?")
        assert reply.topic == "salary" and "$200,000 - $220,000 per year" in reply.text[:600]

    def test_a_role_and_level_with_a_question_mark_keep_the_threads_topic(self, kb):
        """'so for mlops at senior level?' after pay: a role and a level, the pay asked; the question
        mark is not one more word that lets the model's reading of 'senior' as a climb win."""
        _, reply = talk(kb, "what do ai systems engineers earn?", "so for mlops at senior level?")
        assert (reply.roles, reply.topic) == (("mlops-engineer",), "salary")
        assert "$200,000 - $220,000 per year" in reply.text[:600]

    def test_a_bonus_is_found_where_the_documents_say_bonuses(self, kb):
        _, reply = talk(kb, "how much do ml engineers make?", "how much bonus on top of that")
        assert "additional cash compensation" in reply.text[:600]

    def test_the_topic_survives_a_title_that_is_none_of_the_five(self, kb):
        """After 'what about a data engineer?' (not covered), 'ok and ml platform engineers?' is
        still about pay."""
        replies = talk(
            kb,
            "what's the salary of an mlops engineer?",
            "what about a data engineer?",
            "ok and ml platform engineers?",
        )
        assert replies[1].intent == "unknown"
        assert (replies[2].roles, replies[2].topic) == (("ml-platform-engineer",), "salary")


@pytest.mark.parametrize("more", ["anything else?", "tell me more", "what else?", "go on"])
def test_asking_for_more_shows_the_whole_section(kb, more):
    """'anything else?' after one role's answer: the rest of it, its whole section; before any
    answer it asks nothing about the roles."""
    first, rest = talk(kb, "what does an mlops engineer do?", more)
    assert rest.intent == "answer" and rest.roles == ("mlops-engineer",) and rest.topic == "responsibilities"
    assert len(rest.text) > len(first.text) and "Whole section" not in rest.text
    (alone,) = talk(kb, more)
    assert alone.intent == "help" and alone.roles == ()


@pytest.mark.parametrize(
    "example", ["give me an example", "examples?", "like what?", "can you give an example"]
)
def test_asking_for_an_example_shows_the_section_not_the_usage(kb, example):
    """'give me an example' after the trends: the section's concrete items, never the usage text."""
    first, rest = talk(kb, "what are the industry trends for production ai engineers?", example)
    assert (rest.intent, rest.roles, rest.topic) == ("answer", ("production-ai-engineer",), "trends")
    assert "Predictive Maintenance" in rest.text[:600] and "Slash command" not in rest.text


def test_how_alone_after_the_challenges_is_how_to_handle_them(kb):
    """'do they deal with bias?' ... 'how?': the best practices, not the usage text."""
    _, how = talk(kb, "do production ai engineers deal with ethics or bias?", "how?")
    assert (how.intent, how.roles, how.topic) == ("answer", ("production-ai-engineer",), "best-practices")
    _, more = talk(kb, "what do platform engineers do?", "how so?")
    assert (more.roles, more.topic) == (("ml-platform-engineer",), "responsibilities")


def test_how_alone_after_challenges_a_document_solves_is_its_solutions(kb):
    """'what are the common challenges for mlops engineers?' ... 'how?': the MLOps document gives
    a "Solution:" beside each challenge; those lead, not its general best practices."""
    _, how = talk(kb, "what are the common challenges for mlops engineers?", "how?")
    assert (how.roles, how.topic) == (("mlops-engineer",), "challenges")
    first = how.text[:500]
    assert "*Solution:* Centralize data storage, implement universal mappings, and version data" in first
    assert "*Challenge:*" not in first


def test_the_same_stuff_of_another_role_keeps_the_threads_topic(kb):
    """'what tools do mlops engineers use?' ... 'do platform engineers use the same stuff?': the
    platform engineer's tools, not what the role does."""
    _, same = talk(kb, "what tools do mlops engineers use?", "do platform engineers use the same stuff?")
    assert (same.roles, same.topic) == (("ml-platform-engineer",), "requirements")


def test_more_about_some_items_of_the_last_list_stays_on_its_topic(kb):
    """'what challenges do ai systems engineers face?' ... 'tell me more about the ethical ones': the
    ethical challenges, not the overview ("tell me about") lines that say "ethical"."""
    _, more = talk(kb, "what challenges do ai systems engineers face?", "tell me more about the ethical ones")
    assert (more.roles, more.topic) == (("ai-systems-engineer",), "challenges")
    assert "Navigating complex ethical considerations in AI applications" in more.text[:400]


@pytest.mark.parametrize(
    ("asked", "item"),
    [
        ("what does adaptability mean?", "_Adaptability_"),
        ("what mean self-awareness here?", "_Self-Awareness_"),
    ],
)
def test_what_a_word_of_the_last_list_means_is_that_item(kb, asked, item):
    """'what does adaptability mean?' after the soft skills: that soft skill, not the overview
    ("mean") lines that happen to say it."""
    _, meant = talk(kb, "what soft skills do production ai engineers need?", asked)
    assert (meant.roles, meant.topic) == (("production-ai-engineer",), "soft-skills")
    assert item in meant.text[:200]


def test_the_other_roles_after_one_roles_answer_are_all_of_them_on_its_topic_and_focus(kb):
    """'that seems low compared to the other roles, why?' after the pay in San Francisco: every
    role's San Francisco pay side by side, not the same figure again."""
    *_, others = talk(
        kb,
        "how much do ml engineers make?",
        "in san francisco?",
        "that seems low compared to the other roles, why?",
    )
    assert others.intent == "compare" and len(others.roles) == 5 and others.topic == "salary"
    assert "Up to $300,600" in others.text[:400] and "$136,287" in others.text


def test_whether_a_pay_figure_holds_everywhere_is_the_places_it_varies_with(kb):
    """'is that true everywhere?' after a level's pay: the document's places, not the same figure."""
    _, places = talk(kb, "what do mlops engineers earn at senior level?", "is that true everywhere?")
    assert (places.roles, places.topic) == (("mlops-engineer",), "salary")
    assert "San Francisco:* Up to $300,600" in places.text[:400] and "Senior-level" not in places.text[:400]
    varies = handlers.ask("does mlops pay vary by location?", kb)
    assert "New York City:* Around $268,000" in varies.text[:600]


def test_a_follow_up_answered_by_the_last_reply_again_says_so(kb):
    """A follow-up whose answer is the last reply again ("which of them matters most?" where the
    document ranks nothing) says it cannot answer more closely; it is not repeated silently."""
    first, again = talk(kb, "what soft skills do ai systems engineers need?", "which is most important?")
    assert again.text != first.text
    assert (
        "The AI Systems Engineer document doesn't answer that more closely than my last reply"
        in again.text[:200]
    )
    assert handlers.ask("which is most important?", kb).intent != "answer"  # alone: nothing to repeat


def test_by_when_after_the_market_is_its_figures_with_their_years(kb):
    """'is mlops demand growing?' ... 'why?' ... 'by when?': the market's figures, which say their
    years, not the usage text."""
    *_, when = talk(kb, "is mlops demand growing?", "why?", "by when?")
    assert (when.intent, when.roles, when.topic) == ("answer", ("mlops-engineer",), "demand")
    assert "by the end of 2030" in when.text[:600]


def test_what_one_would_cost_us_is_the_pay_not_the_cost_of_living(kb):
    """'do we need an ml platform engineer?' ... 'how much would one cost us?': the role's pay figures,
    not the salary factor 'cost of living'."""
    _, cost = talk(kb, "do we need an ml platform engineer?", "how much would one cost us?")
    assert (cost.roles, cost.topic) == (("ml-platform-engineer",), "salary")
    assert "$165,780" in cost.text[:300] and "cost of living" not in cost.text[:300]


def test_the_model_deployment_folks_are_the_mlops_engineers(kb):
    """'what do ml engineers do?' ... 'and the model deployment folks?': the MLOps engineer, named by
    the work, not deployment lines of the ML engineer."""
    _, switched = talk(kb, "what do ml engineers do?", "and the model deployment folks?")
    assert (switched.roles, switched.topic) == (("mlops-engineer",), "responsibilities")


def test_which_of_two_roles_is_cheaper_is_their_pay_not_a_word_not_covered(kb):
    """'which is cheaper to hire, an mlops or a platform engineer?', and 'which of those is cheaper?'
    after the two roles' pay: the pay side by side, who pays less first; not "cheaper" refused."""
    one = handlers.ask("which is cheaper to hire, an mlops or a platform engineer?", kb)
    assert (one.intent, one.topic, one.uncovered) == ("compare", "salary", ())
    *_, cheaper = talk(
        kb,
        "how much does an ml platform engineer cost?",
        "and an mlops engineer?",
        "which of those is cheaper?",
    )
    assert (cheaper.intent, cheaper.topic, cheaper.uncovered) == ("compare", "salary", ())
    assert "pays less" in cheaper.text[:300]


def test_them_beside_a_role_named_compares_the_two(kb):
    """'who makes more there, them or platform engineers?': the role just discussed and the one
    named, side by side in the place asked before."""
    *_, reply = talk(
        kb,
        "machine learning engineer pay?",
        "in san francisco",
        "who makes more there, them or platform engineers?",
    )
    assert reply.intent == "compare" and set(reply.roles) == {"ai-ml-engineer", "ml-platform-engineer"}
    assert "San Francisco" in reply.text[:300]


def test_growing_from_a_rung_is_the_way_up_from_it(kb):
    """'how do they grow from junior' after the requirements: the way up, the rungs above junior."""
    *_, reply = talk(kb, "do ai systems engineers need sql?", "how do they grow from junior")
    assert reply.topic == "career" and "Design and implement sophisticated AI models" in reply.text[:300]
    assert "Assist in AI model development" not in reply.text[:300]


def test_anything_on_a_subject_is_asked_of_what_was_just_discussed(kb):
    """'anything on regulation?' after the MLOps trends: that document's lines on it (the
    "Regulatory Challenges" trend), not "I couldn't tell"."""
    *_, reply = talk(kb, "what trends affect mlops engineers", "anything on regulation?")
    assert reply.intent == "answer" and reply.roles == ("mlops-engineer",)
    assert "Regulatory Challenges" in reply.text[:300]


def test_on_that_front_asks_the_same_of_another_role(kb):
    """'how does the platform engineer world look on that front' after the MLOps trends: the
    platform engineer's trends, not a question of its own."""
    *_, reply = talk(
        kb, "what trends affect mlops engineers", "how does the platform engineer world look on that front"
    )
    assert reply.roles == ("ml-platform-engineer",) and reply.topic == "trends"


@pytest.mark.parametrize("ask", ["how fast?", "by how much?", "what percent?"])
def test_a_short_question_for_a_figure_asks_it_of_the_last_answer(kb, ask):
    """'how fast?' after the market: the growth figures of the same role and topic, not the help
    or "I couldn't tell what you mean by percent"; 'by how much' is no pay question."""
    _, reply = talk(kb, "is demand for ml platform engineers growing", ask)
    assert reply.intent == "answer" and reply.roles == ("ml-platform-engineer",)
    assert reply.topic == "demand" and "% annual growth in AI and ML job postings" in reply.text[:400]


def test_how_much_somewhere_after_the_market_asks_the_pay_there(kb):
    """'and how much in nyc' after the demand: the pay in New York; 'and in seattle?' after the
    trends keeps the trends."""
    *_, nyc = talk(kb, "ai systems engineer demand", "thanks!", "and how much in nyc")
    assert nyc.topic == "salary" and "$268,000" in nyc.text[:300]
    *_, seattle = talk(kb, "mlops trends", "and in seattle?")
    assert seattle.topic == "trends"


def test_which_challenge_is_hardest_to_solve_stays_on_the_challenges(kb):
    """'which of those is the hardest to solve?' ranks the challenges just shown; 'how do they
    solve those?' asks what they do about them."""
    *_, hardest = talk(
        kb,
        "what are the usual headaches for ml platform engineers",
        "which of those is the hardest to solve?",
    )
    assert hardest.topic == "challenges"
    *_, how = talk(kb, "what are the usual headaches for ml platform engineers", "how do they solve those?")
    assert how.topic == "best-practices"


def test_which_challenge_is_worst_after_switching_roles_ranks_that_roles_challenges(kb):
    """After the platform challenges, then the MLOps ones, 'which of those is the worst?' asks
    which of the MLOps challenges just shown, not which of the two roles."""
    *_, worst = talk(
        kb,
        "what goes wrong most for ml platform engineers",
        "and for mlops folks?",
        "which of those is the worst?",
    )
    assert worst.intent == "answer" and list(worst.roles) == ["mlops-engineer"]
    assert worst.topic == "challenges" and "MLOps Engineer" in worst.text[:80]
    # ... and "which of those two roles is harder?" still sets the two side by side
    *_, roles = talk(
        kb,
        "what goes wrong most for ml platform engineers",
        "and for mlops folks?",
        "which of those two roles is harder?",
    )
    assert roles.intent == "compare"


def test_a_level_added_in_words_that_also_name_a_topic_keeps_the_topic(kb):
    """'and for someone just starting out' after the pay in SF: the entry-level pay ("starting out"
    alone asks the way in); 'and entry pay?' and 'and what do seniors make' stay pay too."""
    *_, entry = talk(kb, "production ai engineer salary in sf?", "and for someone just starting out")
    assert entry.topic == "salary" and "$113,992 to $115,458" in entry.text[:300]
    # ... and "starting out" with no pay word asks the way in (what to learn first, or the first rung)
    way_in = handlers.ask("what should i focus on when starting out as a production ai engineer", kb)
    assert way_in.topic in ("career", "requirements") and "$" not in way_in.text[:300]


def test_how_they_fix_one_of_the_challenges_shown_is_that_challenge_and_its_solution(kb):
    """'how do they fix the drift one?' after the MLOps challenges: the drift challenge with the
    solution the document gives beside it, not the best practices that also say drift."""
    *_, fix = talk(
        kb, "what are the biggest headaches for mlops engineers?", "how do they fix the drift one?"
    )
    assert fix.topic == "challenges"
    assert (
        "*Challenge:* Manual monitoring and model drift\n• *Solution:* Automate monitoring" in fix.text[:400]
    )


def test_a_role_told_by_its_work_mid_thread_keeps_the_topic(kb):
    """'what about someone who turns research notebooks into production apis and chatbots?' after
    a pay answer: the work says which role (the work model), the pay is still asked."""
    _, systems, factory = talk(
        kb,
        "mlops engineer salary",
        "what about someone who turns research notebooks into production apis and chatbots for customers?",
        "how about those of us who put vision models on a factory line to catch defects",
    )
    assert systems.roles == ("ai-systems-engineer",) and systems.topic == "salary"
    assert factory.roles == ("production-ai-engineer",) and factory.topic == "salary"


def test_a_short_reply_to_which_role_that_describes_the_work_picks_it(kb):
    """'the one that does llm apps' (six words) after "which role do you mean by 'ai engineer'?": the
    work model weighs the roles offered however short the pick, not "3 of 5 roles mention LLMs"."""
    asked, picked = talk(kb, "what do ai engineers earn?", "the one doing llm apps")
    assert asked.intent == "clarify"
    assert picked.roles == ("ai-systems-engineer",) and picked.topic == "salary", picked.text


def test_a_reply_to_which_role_that_describes_the_work_picks_it(kb):
    """'the one that builds chatbots and llm apps' after "which role do you mean by 'ai engineer'?":
    AI Systems Engineer, on the topic asked; 'the kind that trains and tunes models': AI/ML Engineer."""
    asked, picked = talk(
        kb, "how much do ai engineers make?", "the one that builds chatbots and llm apps for customers"
    )
    assert asked.intent == "clarify"
    assert picked.roles == ("ai-systems-engineer",) and picked.topic == "salary"
    *_, trained = talk(
        kb, "what skills do ai engineers need", "the kind that trains and tunes models all day"
    )
    assert trained.roles == ("ai-ml-engineer",) and trained.topic == "requirements"


def test_a_subject_said_in_the_last_section_keeps_it(kb):
    """'what about coastal vs midwest?' after the pay by city: "coastal" is said in the pay section,
    so the pay is still asked (not the overview a "vs" would give)."""
    _, regions = talk(kb, "which cities pay ai systems engineers the most", "what about coastal vs midwest?")
    assert regions.roles == ("ai-systems-engineer",) and regions.topic == "salary"
    assert "Coastal tech hubs" in regions.text[:600]


def test_a_role_named_in_everyday_words_keeps_the_point_asked(kb):
    """'best practices ... when deploying models?' then 'and for the ops side?', 'same for production
    ai engineers': each role's lines on deploying, not its section from the top ("ops" named the role,
    it is no subject of its own)."""
    first, ops, prod = talk(
        kb,
        "best practices for ml engineers when deploying models?",
        "and for the ops side?",
        "same for production ai engineers",
    )
    assert (ops.roles, ops.topic) == (("mlops-engineer",), "best-practices")
    assert "deploying" in ops.query and "deploying" in prod.query
    assert "Enable shadow deployment and automatic rollbacks" in prod.text[:400]


def test_the_biggest_deal_among_the_challenges_stays_on_them(kb):
    """'which of those is the biggest deal?': "deal" is a noun here, no asking how they cope."""
    *_, biggest, coping = talk(
        kb,
        "production ai engineer challenges?",
        "which of those is the biggest deal?",
        "how do they deal?",
    )
    assert biggest.topic == "challenges"
    assert coping.topic == "best-practices"  # the verb: how they cope


def test_the_testing_part_of_the_last_answer_is_asked_about(kb):
    """'say more about the testing part' after the best practices: "part" points at a piece of the
    answer, it is no subject the documents lack (it had answered "couldn't tell what you mean")."""
    *_, part = talk(kb, "best practices for production ai engineers?", "say more about the testing part")
    assert (part.intent, part.roles, part.topic) == ("answer", ("production-ai-engineer",), "best-practices")
    assert "Implement unit, integration, performance, and A/B testing" in part.text[:600]


def test_how_to_get_better_at_the_first_one_picks_that_line(kb):
    """'how do I get better at the first one?' after the soft skills: the first line shown, with its
    heading's lines (Communication), not the career section a "get better" would name alone."""
    *_, first = talk(
        kb,
        "ai systems engineer soft skills?",
        "which of those matters most for someone who leads a small team?",
        "how do I get better at the first one?",
    )
    assert (first.roles, first.topic) == (("ai-systems-engineer",), "soft-skills")
    assert "Breaking down technical ideas into simplified language" in first.text[:400]


def test_existing_systems_in_a_follow_up_are_no_role_switch(kb):
    """'how would I fix complex integration with existing systems?' after the MLOps challenges: "systems"
    is the work's, not the AI systems engineer that "the systems one" would name."""
    *_, fix = talk(
        kb, "mlops engineer challenges", "how would I fix complex integration with existing systems?"
    )
    assert fix.roles == ("mlops-engineer",)
    assert "Use API-driven integrations, modular architecture, and cross-functional collaboration" in fix.text


def test_the_role_picked_after_which_role_answers_the_point_first_asked(kb):
    """'what skills do AI engineers need for deploying models on kubernetes' -> which role? -> 'mlosp':
    MLOps answered on deploying models on Kubernetes, not its whole requirements section."""
    _, picked = talk(kb, "what skills do AI engineers need for deploying models on kubernetes", "mlosp")
    assert (picked.roles, picked.topic) == (("mlops-engineer",), "requirements")
    assert "Experience with Docker and Kubernetes" in picked.text[:300] and len(picked.text) < 800


def test_a_junior_starting_keeps_the_level_when_the_thread_gives_the_role(kb):
    """'I start in 3 weeks as a junior ... What will the first few months look like?' in a thread on AI
    systems engineers: the junior rung leads, as it does when the role is named in the message (a level
    with no topic word had been dropped as "no pay asked")."""
    *_, first = talk(
        kb,
        "what does an ai systems engineer do in healthcare?",
        "I start in 3 weeks as a junior at a hospital network, coming straight from a physics masters. "
        "What will the first few months look like for me?",
    )
    assert first.roles == ("ai-systems-engineer",)
    assert "Assist in AI model development and data preparation" in first.text[:300]


def test_another_role_asked_to_do_that_differently_is_a_comparison_then_both_are_kept(kb):
    """'does mlops handle that any differently?' after production AI testing practices: the two side by
    side; 'do both of them care about keeping cloud costs down?' then asks both."""
    *_, differently, both = talk(
        kb,
        "what are good habits for shipping models as a production AI engineer",
        "and what kind of testing",
        "does mlops handle that any differently?",
        "do both of them care about keeping cloud costs down?",
    )
    assert differently.intent == "compare"
    assert set(differently.roles) == {"production-ai-engineer", "mlops-engineer"}
    assert "Best Practices: Production AI Engineer vs MLOps Engineer*" in differently.text
    assert both.intent == "compare" and set(both.roles) == set(differently.roles)
    assert "Optimize resource utilization and manage costs effectively" in both.text


def test_what_the_bot_said_quoted_back_is_asked_of_the_thread(kb):
    """'u said 30% surge - by when, and who says so?': the production AI line that said it, not every
    document that says "surge"; '$$$' then asks the pay, and 'is that a lot for chicago?' the pay there."""
    *_, quoted, money, chicago = talk(
        kb,
        "is there real demand for production AI engineers or is it a niche thing",
        "u said 30% surge — by when, and who says so?",
        "k and $$$?",
        "is that a lot for chicago?",
    )
    assert (quoted.intent, quoted.roles) == ("answer", ("production-ai-engineer",))
    assert "projected to surge by over 30% by the end of 2030 (US Bureau of Labor Statistics)" in quoted.text
    assert (money.roles, money.topic) == (("production-ai-engineer",), "salary")
    assert (chicago.roles, chicago.topic) == (("production-ai-engineer",), "salary")
    assert "Chicago, IL and Seattle, WA: Around $180,000" in chicago.text[:400]


@pytest.mark.parametrize(
    ("ask", "level", "figure"),
    [
        ("what about when youre only just starting out tho", "entry level", "$113,992 to $115,458 per year"),
        ("how about a few yrs in", "mid level", "$140,000 to $153,788 per year"),
        ("and for somebody fresh out of uni?", "entry level", "$113,992 to $115,458 per year"),
    ],
)
def test_a_level_said_in_everyday_words_after_the_pay_keeps_the_pay(kb, ask, level, figure):
    *_, reply = talk(kb, "Production AI engineer salary in new york?", ask)
    assert (reply.roles, reply.topic) == (("production-ai-engineer",), "salary")
    assert f"*Figures for {level}:*" in reply.text and figure in reply.text[:400]


_MLOPS_DAY = ("what does an mlops engineer actually do day to day?", "mlops-engineer")
_SYSTEMS_DAY = ("what does an ai systems engineer do?", "ai-systems-engineer")


@pytest.mark.parametrize(
    ("first", "ask", "topic"),
    [
        (_MLOPS_DAY, "what trips people up there?", "challenges"),
        (_MLOPS_DAY, "whats the hard part of that job", "challenges"),
        (_MLOPS_DAY, "Recruiter here - what experience should i screen for?", "requirements"),
        (_SYSTEMS_DAY, "ok which skills are they hungriest for rn", "demand"),
        (_SYSTEMS_DAY, "what do the good ones do to avoid that mess", "best-practices"),
    ],
)
def test_everyday_words_for_a_section_after_a_role(kb, first, ask, topic):
    opening, role = first
    *_, reply = talk(kb, opening, ask)
    assert (reply.roles, reply.topic) == ((role,), topic)


def test_both_of_them_with_a_subject_asks_the_two_roles_just_discussed(kb):
    """'is regulation a big deal for both of them' after MLOps, then platform trends: the two roles on
    regulation, not the last one's trends."""
    *_, both = talk(
        kb,
        "mlops — where is the field heading next couple years?",
        "how about for the platform engineering crowd",
        "is regulation a big deal for both of them",
    )
    assert both.intent == "compare" and set(both.roles) == {"mlops-engineer", "ml-platform-engineer"}
    assert "*Regulatory Challenges:* Growing need for governance frameworks" in both.text[:600]


def test_a_yes_no_question_about_oneself_leans_on_the_thread(kb):
    """'would i get bored tho, sounds like just babysitting pipelines' after MLOps: MLOps, not "which
    role?"; 'which of the two pays more when ur new' then compares the entry pay."""
    *_, bored, _, _, new = talk(
        kb,
        "thinking of moving from devops into MLOps, is that a natural jump?",
        "would i get bored tho, sounds like just babysitting pipelines",
        "what ml stuff would i have to pick up",
        "vs production ai engineer for someone with my background?",
        "which of the two pays more when ur new",
    )
    assert bored.intent == "answer" and bored.roles == ("mlops-engineer",)
    assert new.intent == "compare" and new.topic == "salary" and "for entry" in new.text[:200]
    assert "$110,000 - $120,000" in new.text[:400]


def test_just_one_of_the_roles_compared_narrows_to_it(kb):
    """'ok just production — what do they actually do once hired' after a comparison: production AI
    alone, on what the job is ("they" are the role narrowed to; "once hired" is the job, not getting it)."""
    *_, narrowed = talk(
        kb,
        "skills needed for a production ai engineer role?",
        "and ai systems engineers, do they care about certs",
        "how many yrs of experience do the two want",
        "ok just production — what do they actually do once hired",
    )
    assert (narrowed.intent, narrowed.roles, narrowed.topic) == (
        "answer",
        ("production-ai-engineer",),
        "responsibilities",
    )


def test_back_to_a_role_with_the_same_question_asks_the_last_question(kb):
    """'ok back to the ml engineer one, same q' after the platform engineer's day: the ML engineer's day,
    not the requirements first asked of it ("back" is no subject)."""
    *_, back = talk(
        kb,
        "what do ml engineers usually need for education / experience?",
        "what about the folks who keep the gpu cluster and the training infra up for everyone else",
        "what do they do all day then",
        "ok back to the ml engineer one, same q",
    )
    assert (back.roles, back.topic) == (("ai-ml-engineer",), "responsibilities")


def test_a_hiring_managers_budget_for_a_level_is_the_pay_and_the_city_after_it_stays_pay(kb):
    *_, budget, houston = talk(
        kb,
        "Recruiter here - hiring an MLOps engineer, what experience should i screen for?",
        "what should i budget for a mid level one",
        "role is in houston fwiw",
    )
    assert (budget.topic, houston.topic) == ("salary", "salary")
    assert "$145,000 - $155,000 per year" in budget.text[:300]
    assert "Other cities (e.g., Chicago, Houston)" in houston.text[:300]


def test_how_senior_one_must_be_is_the_experience_asked_for(kb):
    """'how senior should they be' after the platform engineer's work: the years its requirements ask
    for, first; alone, 'how experienced do mlops engineers need to be' leads with them too."""
    *_, senior = talk(kb, "what do ml platform engineers do", "how senior should they be")
    assert (senior.roles, senior.topic) == (("ml-platform-engineer",), "requirements")
    assert "5+ years of relevant experience in AI/ML infrastructure and systems" in senior.text[:300]
    alone = handlers.ask("how experienced do mlops engineers need to be", kb)
    assert alone.topic == "requirements" and "Typically 3-6 years in managing ML projects" in alone.text[:200]


def test_a_kind_of_pay_named_in_a_follow_up_keeps_the_pay(kb):
    """'do they usually get stock on top of that?' after the pay at Amazon: stock is a kind of pay, which
    names the pay as surely as "salary" (the intent model had read "do they usually ..." as the duties)."""
    *_, stock = talk(kb, "ai systems engineer pay at amazon", "do they usually get stock on top of that?")
    assert (stock.roles, stock.topic) == (("ai-systems-engineer",), "salary")
    assert "Stock options" in stock.text[:500] or "stock" in stock.text[:500].lower()


@pytest.mark.parametrize("turn", ["source?", "where does that number come from?", "says who?"])
def test_asking_the_source_keeps_the_last_answer(kb, turn):
    """'source?' after the demand figures: that section again, under its document's name; not the
    Overview's 'Open Source Technologies'."""
    _, reply = talk(kb, "is demand for ml platform engineers growing?", turn)
    assert (reply.roles, reply.topic) == (("ml-platform-engineer",), "demand")
    assert "(LinkedIn data)" in reply.text and "AI/ML Platform Engineer document" in reply.text


def test_the_source_of_a_figure_named_leads_with_its_line(kb):
    """'where does the 74% number come from?' after the platform demand: that section, the line that
    gives the figure and its source first (not the usage text)."""
    _, reply = talk(kb, "market demand for AI/ML platform engineers", "where does the 74% number come from?")
    assert (reply.roles, reply.topic) == (("ml-platform-engineer",), "demand")
    assert (
        "74% annual growth in AI and ML job postings over the past four years (LinkedIn data)"
        in reply.text[:300]
    )


def test_which_is_higher_after_two_answers_sets_the_two_side_by_side(kb):
    """'which is higher?' after one role's pay in SF, then NY: both cities' figures; after two roles'
    pay: the two compared; 'which of those is hardest?' is still of the items just shown."""
    *_, cities = talk(kb, "ai systems engineer salary in SF", "and NY?", "which is higher?")
    assert cities.intent == "answer" and cities.topic == "salary"
    assert "Up to $300,600" in cities.text[:400] and "Around $268,000" in cities.text[:400]
    *_, roles = talk(kb, "mlops engineer salary", "what about platform engineers?", "who makes more?")
    assert roles.intent == "compare" and roles.roles == ("mlops-engineer", "ml-platform-engineer")
    *_, items = talk(kb, "mlops challenges", "and for ml engineers?", "which of those is hardest?")
    assert items.roles == ("ai-ml-engineer",) and items.topic == "challenges"


def test_a_hiring_managers_thread_stays_with_its_role(kb):
    """After one role's requirements: 'certs worth getting?' is of that role (not which roles mention
    certs), 'what should we offer a senior hire?' is its pay, and 'same experience bar for the platform
    folks?' the platform role's requirements."""
    replies = talk(
        kb,
        "we're hiring an ai systems engineer. what skills should we screen for?",
        "certs worth getting?",
        "what should we offer a senior hire?",
    )
    assert [r.roles for r in replies] == [("ai-systems-engineer",)] * 3
    assert replies[2].topic == "salary"
    reply = handlers.ask("same experience bar for ml platform engineers?", kb)
    assert reply.topic == "requirements"


def test_a_title_switching_into_the_threads_role_is_the_persons_own(kb):
    """'could a sysadmin switch into it?' after the MLOps overview: the way in, not 'sysadmin isn't
    one of the roles I know'."""
    _, reply = talk(kb, "tell me about the mlops engineer role", "could a sysadmin switch into it?")
    assert (reply.intent, reply.roles) == ("answer", ("mlops-engineer",)) and not reply.uncovered


def test_ai_said_of_a_thing_in_a_thread_asks_no_role(kb):
    """'do devs actually like the ai copilots' after the platform trends: AI names the copilots, not a
    role to ask 'which one?' about; 'what about ai engineers?' still asks."""
    _, reply = talk(
        kb, "what trends are shaping ml platform engineering rn", "do devs actually like the ai copilots"
    )
    assert (reply.intent, reply.roles) == ("answer", ("ml-platform-engineer",))
    _, reply = talk(kb, "mlops salary", "what about ai engineers?")
    assert reply.intent == "clarify"


def test_what_they_go_for_in_a_city_asks_the_pay_there(kb):
    """'what do they go for in dc' after the work: the going rate there; 'and the top of the
    market?' after the pay: what the best paid make."""
    *_, dc = talk(kb, "what does an ai systems engineer do", "what do they go for in dc")
    assert dc.topic == "salary" and "Washington, DC: $182,094" in dc.text[:300]
    *_, top = talk(kb, "how much do ai/ml engineers make", "and the top of the market?")
    assert top.topic == "salary" and "Top earners may make up to $338,000" in top.text[:300]


def test_which_of_the_two_has_it_worse_compares_the_two_roles_just_discussed(kb):
    """'which of the two has it worse on security' after the challenges of one role, then of
    another: the two roles side by side on that subject."""
    *_, worse = talk(
        kb,
        "what's hard about being an ml platform engineer",
        "and the mlops one, same q",
        "which of the two has it worse on security",
    )
    assert worse.intent == "compare" and set(worse.roles) == {"ml-platform-engineer", "mlops-engineer"}
    assert worse.topic == "challenges"


def test_which_of_those_overlap_sets_the_two_roles_challenges_side_by_side(kb):
    """'which of those overlap' after the challenges of one role, then another's: the two roles'
    challenges side by side (not the market of the last one)."""
    *_, both = talk(
        kb,
        "what problems do production ai engineers run into",
        "and the people building the shared ml platform, what do they struggle with?",
        "which of those overlap",
    )
    assert both.intent == "compare" and both.topic == "challenges"
    assert set(both.roles) == {"production-ai-engineer", "ml-platform-engineer"}
    # ... and "share" asked of two roles is no subject ("a shared backlog" is no answer)
    shared = handlers.ask("which challenges do production ai engineers and ml platform engineers share?", kb)
    assert shared.topic == "challenges" and "shared backlog" not in shared.text


def test_a_role_described_after_a_comma_keeps_the_threads_topic(kb):
    """'is that the same for the infra people, the ones building our internal ML platform?' after the
    soft skills: the description says who, not what; the platform's soft skills."""
    *_, same = talk(
        kb,
        "which people skills matter for ml engineers? I lead a team of them",
        "is that the same for the infra people, the ones building our internal ML platform?",
    )
    assert list(same.roles) == ["ml-platform-engineer"] and same.topic == "soft-skills"
    assert same.text.startswith("*AI/ML Platform Engineer · Soft Skills*")


def test_which_of_those_matters_most_weighs_the_items_just_shown(kb):
    """'which of those matters most day to day' after the soft skills: of those skills ("day to
    day" names no new topic here)."""
    *_, most = talk(
        kb, "what kind of soft skills do mlops engineers need?", "which of those matters most day to day"
    )
    assert most.topic == "soft-skills" and most.text.startswith("*MLOps Engineer · Soft Skills*")


def test_that_pay_beside_another_title_keeps_the_threads_role_and_place(kb):
    """'is that more than what SREs get?' after the pay in Seattle: the role's Seattle figure, with
    SRE pay named as not covered (it answered only that SRE is none of the five roles)."""
    *_, sre = talk(
        kb, "how much do ml platform engineers make in seattle", "is that more than what SREs get?"
    )
    assert sre.intent == "answer" and list(sre.roles) == ["ml-platform-engineer"] and sre.topic == "salary"
    assert sre.uncovered == ("SRE",) and "Seattle, WA: $173,517" in sre.text[:400]
    *_, devops = talk(kb, "what do mlops engineers earn", "and does it pay better than devops?")
    assert list(devops.roles) == ["mlops-engineer"] and devops.uncovered
    # ... after the gaps of someone with 6 years in DevOps: the pay (named in words), the years theirs
    *_, fit = talk(
        kb,
        "6 years as a devops engineer: terraform, jenkins, k8s. what would i need to pick up for mlops?",
        "and does it pay better than devops?",
    )
    assert fit.topic == "salary" and list(fit.roles) == ["mlops-engineer"] and fit.uncovered


def test_our_ops_folks_are_the_askers_people_not_a_role_switch(kb):
    """'how do I tell if a candidate will be good with our non-technical ops folks' while hiring a
    production AI engineer: the plant's operations staff, not the MLOps role."""
    *_, ops = talk(
        kb,
        "we're hiring our first production AI engineer, what should they know?",
        "last thing: how do I tell if a candidate will be good with our non-technical ops folks",
    )
    assert list(ops.roles) == ["production-ai-engineer"] and ops.topic == "soft-skills"
    assert "non-technical stakeholders" in ops.text[:300]


def test_the_people_who_train_the_models_switch_to_the_ml_engineer(kb):
    """'and the people who train the models?' after MLOps pay: the AI/ML Engineer's pay (it answered
    the duties, "train" read as the point asked)."""
    _, turn = handlers.converse("what do mlops engineers earn?", kb, [])
    reply, _ = handlers.converse("and the people who train the models?", kb, [turn])
    assert reply.roles == ("ai-ml-engineer",) and reply.topic == "salary"
    assert reply.text.startswith("*AI/ML Engineer · Salary*")


def test_the_folks_who_run_the_gpu_cluster_are_the_platform_engineers(kb):
    """'and the folks who run the gpu cluster?' after MLOps pay: the ML platform engineer's pay (it
    stayed on MLOps, answering its overview)."""
    _, turn = handlers.converse("what do mlops engineers earn?", kb, [])
    reply, _ = handlers.converse("and the folks who run the gpu cluster?", kb, [turn])
    assert reply.roles == ("ml-platform-engineer",) and reply.topic == "salary"


def test_roles_or_positions_asked_in_a_thread_are_asked_across_roles(kb):
    """'which positions need docker?' after MLOps pay asks across the roles: the thread's across
    words are matched as tokens are ("positions" -> "position"), so "roles" and "positions" never
    counted and the MLOps engineer's requirements came back alone."""
    reply = talk(kb, "mlops engineer salary", "which positions need docker?")[-1]
    assert reply.topic == "requirements" and len(reply.roles) > 1


def test_best_practices_asked_for_a_challenge_are_practices(kb):
    """'any best practices for dealing with that?' after the legacy-systems challenge: the practices
    the words find, not the challenge again; 'how do they deal with bias?' after the challenges,
    with no practice on bias, still the bias challenge."""
    *_, fix = talk(
        kb,
        "what makes the AI systems engineer job hard?",
        "the legacy systems part, is it common?",
        "any best practices for dealing with that?",
    )
    assert fix.topic == "best-practices"
    assert "Ensure seamless integration with existing systems" in fix.text[:300]
    _, bias = talk(kb, "what challenges do AI systems engineers run into?", "how do they deal with bias?")
    assert "Mitigating bias and ensuring fairness in AI systems" in bias.text[:300]


def test_an_item_of_the_answer_named_by_its_words_stays_in_its_section(kb):
    """'the adaptability one, what does that mean in practice?' after the soft skills: that item of
    the soft skills, though the overview lists adaptability too and 'mean' asks what a thing is."""
    _, item = talk(
        kb,
        "what soft skills do mlops engineers need",
        "the adaptability one, what does that mean in practice?",
    )
    assert item.topic == "soft-skills"
    assert "Adaptability and Continuous Learning" in item.text[:300]


def test_an_item_named_by_a_topic_word_stays_in_the_last_section(kb):
    """'how to solve the collaboration one?' after MLOps's challenges: the challenge just shown (its
    solution leads), though 'collaboration' alone names the soft skills; 'what about scalability?'
    then stays there too."""
    _, item, scale = talk(
        kb,
        "what are common challenges for MLOps",
        "how to solve the collaboration one?",
        "what about scalability?",
    )
    assert item.topic == "challenges"
    assert "Foster clear communication, shared goals, and understanding of team priorities" in item.text[:300]
    assert scale.topic == "challenges" and "Design for scalability from the start" in scale.text[:300]


def test_a_role_described_in_a_follow_up_names_no_topic(kb):
    """'the folks whose whole job is looking after models once they are live, the mlops crowd?' after the
    best practices: MLOps's best practices (the description names the role, not a topic); a question
    after a dash is no part of the description ('the folks who run the training platform - what do
    they earn in austin?': the pay)."""
    _, practices = talk(
        kb,
        "what are best practices for AI/ML engineers?",
        "and the folks whose whole job is looking after models once they are live, the mlops crowd?",
    )
    assert (practices.roles, practices.topic) == (("mlops-engineer",), "best-practices")
    _, pay = talk(
        kb,
        "what do ai systems engineers need to know?",
        "and the folks who run the training platform - what do they earn?",
    )
    assert (pay.roles, pay.topic) == (("ml-platform-engineer",), "salary")


@pytest.mark.parametrize(
    ("asked", "reply", "topic"),
    [
        (
            "how much does an ai engineer make",
            "the one who runs the shared platform our data scientists train models on",
            "salary",
        ),
        (
            "what skills does an ai engineer need",
            "the one who builds the training and serving platform for everyone",
            "requirements",
        ),
    ],
)
def test_a_role_described_in_reply_to_which_role_keeps_the_question(kb, asked, reply, topic):
    """'the one who runs the shared platform ...' after "which role do you mean?": the platform
    engineer, on the question asked (the words that describe the work ask nothing)."""
    first, picked = talk(kb, asked, reply)
    assert first.intent == "clarify"
    assert (picked.roles, picked.topic) == (("ml-platform-engineer",), topic)


@pytest.mark.parametrize("picks", ["both 1 and 3", "the first and the third"])
def test_several_roles_picked_by_position_are_compared(kb, picks):
    """'which role do you mean?' -> 'both 1 and 3': the first and third roles offered, side by side
    (not all three)."""
    first, both = talk(kb, "what does an ai engineer earn", picks)
    assert first.intent == "clarify" and len(first.roles) == 3
    assert (both.intent, both.roles) == ("compare", (first.roles[0], first.roles[2]))


@pytest.mark.parametrize("reply", ["whichever builds the chatbots", "chatbots"])
def test_the_work_of_one_role_offered_picks_it(kb, reply):
    """'which role do you mean by ai engineer?' -> 'whichever builds the chatbots': the AI systems
    engineer, whose work it names, on the question asked (its pay), not its overview."""
    first, picked = talk(kb, "what does an ai engineer earn", reply)
    assert first.intent == "clarify"
    assert (picked.roles, picked.topic) == (("ai-systems-engineer",), "salary")


def test_a_point_the_new_role_does_not_say_stays_behind_on_a_role_switch(kb):
    """'is it still safe after the layoffs?' on ML engineers, then 'and for the ops side?': the
    MLOps market, not "I don't have anything on 'layoff'" (its document never says layoffs)."""
    *_, ops = talk(
        kb, "ml engineer demand", "i read there were layoffs, is it still safe?", "and for the ops side?"
    )
    assert (ops.intent, ops.roles, ops.topic) == ("answer", ("mlops-engineer",), "demand")
    assert "Bureau of Labor Statistics forecasts a 21% increase" in ops.text[:600]


@pytest.mark.parametrize("pick", ["ok tell me more about the first one", "ok, the first please"])
def test_ok_then_a_pick_of_the_first_role_is_no_thanks(kb, pick):
    """'ok tell me more about the first one' after a compare: the first role, not "You're welcome!"
    ('ok' thanks, and 'first' is also a word of time)."""
    _, picked = talk(kb, "compare mlops and ml engineers", pick)
    assert (picked.intent, picked.roles) == ("answer", ("mlops-engineer",))
    assert "You're welcome" not in picked.text


def test_is_that_more_than_another_roles_pay_there_compares_the_pay_there(kb):
    """'... and nyc?' then 'is that more than ml engineers get there?': the two roles' New York pay
    ('get there' is no way into the role here)."""
    *_, beside = talk(
        kb,
        "how much does a production AI engineer make?",
        "and nyc?",
        "is that more than ml engineers get there?",
    )
    assert (beside.intent, beside.topic) == ("compare", "salary")
    assert "$226,857" in beside.text[:400] and "$123,403" in beside.text[:400]


def test_which_one_of_two_on_a_work_point_stays_with_the_two(kb):
    """'which one is more hands-on with building models?' after AI systems vs MLOps: the two roles on
    that point, not the ML engineer (whose everyday words 'building models' are); 'pay for both' then
    compares the same two."""
    _, which, both = talk(
        kb,
        "how does the ai systems engineer role compare with mlops on responsibilities?",
        "which one is more hands-on with building models?",
        "what about pay for both?",
    )
    assert which.roles == ("ai-systems-engineer", "mlops-engineer")
    assert "Train AI models using prepared datasets" in which.text[:400]
    assert (both.roles, both.topic) == (("ai-systems-engineer", "mlops-engineer"), "salary")


def test_two_roles_picked_in_words_after_which_role_are_compared(kb):
    """'AI engineer job growth?' -> 'which role?' -> 'both production and systems please': the two,
    side by side ('systems' names the AI systems engineer among those offered), not Production AI alone."""
    first, both = talk(kb, "AI engineer job growth?", "both production and systems please")
    assert first.intent == "clarify"
    assert (both.intent, both.roles, both.topic) == (
        "compare",
        ("production-ai-engineer", "ai-systems-engineer"),
        "demand",
    )


def test_the_top_rung_after_the_ladder_is_its_last_rungs_pay(kb):
    """'what's the career ladder for an mlops engineer' then 'what does the top rung pay?': the
    Director of MLOps' range, not "no salary figure for top" (the top of a pay range)."""
    _, top = talk(kb, "what's the career ladder for an mlops engineer", "what does the top rung pay?")
    assert "$198,125 - $237,500" in top.text[:400] and "no salary figure for top" not in top.text


def test_the_hardest_of_those_just_shown_stays_with_them(kb):
    """'which of those is the hardest to pick up?' after the soft skills: of the soft skills just shown,
    not the challenges section ('hardest' names it in a message of its own)."""
    *_, hardest = talk(
        kb,
        "what are the main headaches for ML engineers?",
        "thanks! what soft skills do they need?",
        "which of those is the hardest to pick up?",
    )
    assert (hardest.roles, hardest.topic) == (("ai-ml-engineer",), "soft-skills")


def test_a_tool_the_new_role_lacks_is_named_with_the_documents_that_hold_it(kb):
    """'do mlops engineers need kubernetes?' then 'is that true for ml engineers too?': the AI/ML
    document's lack of Kubernetes is said, with the documents that name it (a tool goes along on a
    role switch; a story word like 'layoffs' does not)."""
    _, ml = talk(kb, "do mlops engineers need kubernetes?", "is that true for ml engineers too?")
    assert (ml.intent, ml.roles) == ("answer", ("ai-ml-engineer",))
    assert "The AI/ML Engineer document doesn't mention “Kubernetes”" in ml.text[:300]


def test_what_the_junior_job_is_in_a_thread_is_its_rung(kb):
    """'can i become mlops engineer directly?' ... 'what is the junior job do?': the junior rung,
    not the MLOps overview."""
    _, junior = talk(
        kb,
        "i am fresh graduate from india, can i become mlops engineer directly?",
        "what is the junior job do?",
    )
    assert junior.roles == ("mlops-engineer",)
    assert "Entry-level position focusing on learning fundamentals" in junior.text[:300]


def test_how_alone_after_a_point_is_how_that_point_is_handled(kb):
    """'mlops best practices' ... 'what's the drift thing' ... 'how?': how drift is handled (the
    challenge's solution beside the drift practice), not the whole Best Practices section again."""
    *_, how = talk(kb, "mlops best practices", "what's the drift thing", "how?")
    assert how.roles == ("mlops-engineer",)
    first = how.text[:500]
    assert "Automate monitoring processes and implement periodic model retraining" in first
    assert "Establish a well-defined project structure" not in first


def test_why_of_growing_demand_is_what_drives_it(kb):
    """'why is demand for ai systems engineers growing?', and 'why is that?' after 'is demand for ai
    systems engineers growing': the drivers of demand, not the job-growth figure again or the ladder."""
    asked = handlers.ask("why is demand for ai systems engineers growing?", kb)
    assert asked.topic == "demand" and "Increasing AI integration in healthcare" in asked.text[:400]
    _, why = talk(kb, "is demand for ai systems engineers growing", "why is that?")
    assert why.topic == "demand" and "Increasing AI integration in healthcare" in why.text[:400]
    assert "Optimize algorithms" not in why.text[:400]


def test_how_much_for_a_level_after_the_ladder_is_its_pay(kb):
    """'what would my first title be as a production ai engineer?' ... 'how much is that mid
    level?': the mid level's pay, not the ladder again."""
    _, pay = talk(
        kb, "what would my first title be as a production ai engineer?", "how much is that mid level?"
    )
    assert pay.topic == "salary" and "$140,000 to $153,788" in pay.text[:300]


def test_why_of_what_was_just_shown_in_words_the_tables_do_not_read(kb):
    """'why such a wide range' after a role's pay: why, of the last answer (what moves pay leads),
    not the usage text."""
    _, why = talk(kb, "ai systems engineer salary", "why such a wide range")
    assert why.roles == ("ai-systems-engineer",) and why.topic == "salary"
    assert why.intent == "answer" and "Factors Influencing Salary" in why.text[:200]


def test_by_a_breakdown_after_the_pay_is_the_pay_broken_down(kb):
    """'what about by yoe' after a role's pay percentiles: the pay by experience, not the requirements
    ('yoe' alone names them)."""
    *_, by = talk(kb, "ml engineer salary percentiles?", "what about by yoe")
    assert by.topic == "salary" and "2-4 Years:* ~$106,894" in by.text[:300]


def test_after_a_level_after_its_pay_is_the_rungs_above(kb):
    """'ok and after senior?' after a level's pay: the rungs above senior (not 'the document doesn't
    answer that more closely' and the senior figures again); pay said is still the pay."""
    _, after = talk(kb, "production ai engineer salary at senior level", "ok and after senior?")
    assert after.topic == "career" and "AI Team Lead, AI Director" in after.text[:400]
    _, paid = talk(kb, "mlops salary", "what do they make past senior?")
    assert paid.topic == "salary"


def test_which_city_after_a_companys_pay_asks_every_city(kb):
    """'ok which city pays the most for them' after Microsoft's pay: the top-paying cities, not
    Microsoft's figure again."""
    *_, cities = talk(kb, "does tesla pay ai systems engineers more than google", "and microsoft?",
                      "ok which city pays the most for them")  # fmt: skip
    assert cities.topic == "salary" and "San Francisco, CA:* Up to $300,600" in cities.text[:300]
    assert "Microsoft" not in cities.text[:300]


def test_the_ei_one_is_the_emotional_intelligence_just_shown(kb):
    """'what does the EI one mean' after the AI Systems soft skills: its Emotional Intelligence lines."""
    _, ei = talk(kb, "what soft skills do ai systems engineers need", "what does the EI one mean")
    assert ei.topic == "soft-skills" and "Self-awareness and understanding of how actions" in ei.text[:300]


def test_a_short_follow_up_naming_a_heading_of_the_last_section_stays_there(kb):
    """'and risk?' after AI Systems's best practices: their Risk Management heading, though 'risk'
    alone names the challenges; 'and their skills?' still names the requirements."""
    _, risk = talk(kb, "ai systems best practices", "and risk?")
    assert (
        risk.topic == "best-practices" and "Address licensing, ownership, and maintenance" in risk.text[:300]
    )
    _, skills = talk(kb, "ai systems best practices", "and their skills?")
    assert skills.topic == "requirements"


def test_the_closest_role_named_for_a_persons_title_is_the_one_the_thread_goes_on_about(kb):
    """'I'm a data scientist wanting to switch. which role is closest?' names AI/ML Engineer; 'what
    would i need to learn' then asks that role's requirements, not "which role?"."""
    closest, learn, pay = talk(
        kb, "I'm a data scientist wanting to switch. which role is closest?", "what would i need to learn",
        "what's the pay")  # fmt: skip
    assert "the closest of the five roles is *AI/ML Engineer*" in closest.text
    assert (learn.intent, learn.roles, learn.topic) == ("answer", ("ai-ml-engineer",), "requirements")
    assert "Proficiency in languages such as Python, Java, C++, and R" in learn.text[:400]
    assert pay.roles == ("ai-ml-engineer",) and pay.topic == "salary"


def test_what_how_asks_is_no_role_name(kb):
    """'how long would it take': "long" is what is asked, not a role called "long"; with no role in
    the thread, which role is asked."""
    reply = handlers.ask("how long would it take", kb)
    assert "role called" not in reply.text
    assert reply.intent == "clarify" and reply.text.startswith("Which role do you want to know about")
    _, again = talk(kb, "mlops requirements", "how long would it take to switch")
    assert again.roles == ("mlops-engineer",) and "role called" not in again.text


def test_which_role_after_one_role_is_asked_of_all_roles(kb):
    """'ok which role has most demand overall' after MLOps's demand: every role's demand, not
    MLOps's again; 'which role pays more?' after two roles is still between those two."""
    *_, overall = talk(kb, "what's the demand like for mlops", "is it growing in europe?",
                       "ok which role has most demand overall")  # fmt: skip
    assert len(overall.roles) == 5 and overall.topic == "demand"
    _, pair = talk(kb, "mlops vs platform salary", "which role pays more?")
    assert set(pair.roles) == {"mlops-engineer", "ml-platform-engineer"}


def test_the_problem_a_fix_was_asked_for_carries_to_the_next_role(kb):
    """'how do they fix model drift' (MLOps), then 'and the ml eng?': the AI/ML lines on drift
    (changing data patterns), not its challenges from the top."""
    *_, other = talk(kb, "mlops challenges", "how do they fix model drift", "and the ml eng?")
    assert other.roles == ("ai-ml-engineer",)
    assert "Adapting to changing data patterns and business needs" in other.text[:400]


def test_a_figure_only_another_document_gives_is_quoted_in_the_note(kb):
    """'what about at google?' after ML engineer pay: the note that the AI Systems document has it
    quotes its figure, so the person need not ask again."""
    _, google = talk(kb, "how much do ml engineers make", "what about at google?")
    assert "the AI Systems Engineer document does: Google: $204,579 per year." in google.text[:400]


def test_which_of_the_two_after_a_turn_on_each_role_asks_both(kb):
    """'which of the two needs public speaking?' after the soft skills of Platform, then MLOps: the two
    set side by side on it (only Platform's list has it), not MLOps's requirements."""
    *_, which = talk(kb, "soft skills for platform engineers", "what about mlops?",
                     "which of the two needs public speaking?")  # fmt: skip
    assert which.intent == "compare" and set(which.roles) == {"ml-platform-engineer", "mlops-engineer"}
    assert "Confidence in presenting work to various audiences" in which.text[:400]


def test_what_a_role_faces_is_its_challenges(kb):
    """'and what does the platform engineer face with security?' after MLOps's challenges: Platform's
    security risks, not the duty to set security policies."""
    *_, faced = talk(kb, "mlops common challenges", "what about security?",
                     "and what does the platform engineer face with security?")  # fmt: skip
    assert faced.roles == ("ml-platform-engineer",) and faced.topic == "challenges"
    assert "Implementing robust security measures and adversarial testing" in faced.text[:400]


def test_which_one_pays_least_after_the_pay_by_company_ranks_those_figures(kb):
    """'which one pays the least?' after AI Systems pay by company: the companies, lowest first
    (Microsoft), not the section from its top; 'and the highest?' then puts Tesla first."""
    _, least, most = talk(kb, "ai systems engineer salary by company", "which one pays the least?",
                          "and the highest?")  # fmt: skip
    assert least.roles == ("ai-systems-engineer",) and least.topic == "salary"
    assert least.text.index("Microsoft") < least.text.index("Tesla") < 400
    assert most.text.index("Tesla") < most.text.index("Microsoft") < 400


def test_why_after_the_job_outlook_is_what_drives_demand(kb):
    """'why?' after AI Systems's job outlook (a career line, 23% growth): the drivers of demand, not
    the career section from its start (education)."""
    _, why = talk(kb, "what's the job outlook for ai systems engineers?", "why?")
    assert why.topic == "demand" and "Increasing AI integration in healthcare" in why.text[:400]


def test_which_has_after_a_turn_on_each_role_compares_the_two(kb):
    """'which has the better job outlook?' after Platform's pay, then 'and for the ops folks?': the two
    roles side by side on demand, not MLOps alone."""
    *_, which = talk(kb, "what's the salary range for ML platform engineers?", "and for the ops folks?",
                     "which has the better job outlook?")  # fmt: skip
    assert which.intent == "compare" and set(which.roles) == {"ml-platform-engineer", "mlops-engineer"}


def test_a_point_asked_after_a_fit_answer_is_a_question_of_its_own(kb):
    """'what's the education requirement for AI systems engineer?' after 'which role fits me?': the
    education lines, not the person's gaps again."""
    _, education = talk(kb, "I'm a PhD student in NLP. Which of these roles would fit me best?",
                        "what's the education requirement for AI systems engineer?")  # fmt: skip
    assert education.topic == "requirements" and "your gaps" not in education.text
    assert "Bachelor's degree in computer science, data science, IT" in education.text[:600]


def test_compare_them_after_a_turn_on_each_of_two_roles_compares_those_two(kb):
    """'compare them' after what Production AI engineers do, then ML engineers: those two side by side
    on their duties, not all five; 'how do the two differ' keeps the duties too, not a topic the
    model guesses from 'differ'."""
    *_, both = talk(kb, "what do production ai engineers do", "what about ml engineers", "compare them")
    assert both.intent == "compare" and set(both.roles) == {"production-ai-engineer", "ai-ml-engineer"}
    assert both.topic == "responsibilities" and "all 5 roles" not in both.text
    *_, differ = talk(kb, "what does a platform engineer do", "and mlops engineers?", "how do the two differ")
    assert set(differ.roles) == {"ml-platform-engineer", "mlops-engineer"}
    assert differ.topic == "responsibilities" and differ.text.startswith("*Responsibilities:")


def test_why_after_the_trends_gets_what_drives_them(kb):
    """'ai systems engineer trends' then 'why?': what drives them (the demand's drivers: industry
    adoption, R&D investment), not the trends again."""
    trends, why = talk(kb, "ai systems engineer trends", "why?")
    assert why.topic == "demand" and "Increased R&amp;D investments in AI" in why.text[:600]
    assert why.text != trends.text


def test_a_pay_verdict_names_the_figures_its_chart_draws(kb):
    """'what about entry level?' after MLOps vs Platform pay: the verdict quotes the figures the bars
    below it draw ($113,992 - $115,458 against $110,000 - $120,000: about the same), not an 'up to
    $169,050 in top tech companies' the chart does not show."""
    *_, entry = talk(kb, "mlops vs platform engineer salaries?", "what about entry level?")
    verdict = entry.text.split("\n\n")[1]
    assert "$169,050" not in verdict and "$113,992 - $115,458" in verdict and "about the same" in verdict
    chart = entry.text[entry.text.index("```") :]
    assert "$113,992 - $115,458" in chart and "$110,000 - $120,000" in chart


def test_why_after_two_roles_pay_gets_what_sets_each_ones_pay(kb):
    """'why is one higher?' after MLOps vs Platform pay: each document's salary factors, not the same
    comparison of figures again."""
    pay, why = talk(kb, "mlops vs platform engineer salaries?", "why is one higher?")
    assert why.intent == "compare" and why.text != pay.text
    screen = why.text[:700]
    assert "Geographic location" in screen and "Company size and type" in screen


def test_an_ordinal_after_the_list_of_roles_picks_that_role(kb):
    """'tell me more about the second one' after 'which roles do you know about?': the second role of
    the list as shown (AI/ML Engineer), not the help text; 'its challenges' then stays on it."""
    listed, second, its = talk(
        kb,
        "which roles do you know about?",
        "tell me more about the second one",
        "what are its biggest challenges?",
    )
    names = [line for line in listed.text.splitlines() if line.startswith("• ")]
    assert names[1].startswith("• *AI/ML Engineer*")
    assert second.intent == "answer" and second.roles == ("ai-ml-engineer",) and second.topic == "overview"
    assert its.roles == ("ai-ml-engineer",) and its.topic == "challenges"


def test_having_it_easier_asks_how_hard_the_job_is(kb):
    """'do the ops guys have it easier?' after AI Systems challenges and their fixes: MLOps's challenges
    (how hard the job is), not the last turn's best practices; one-shot, two roles set side by side."""
    *_, ops = talk(
        kb,
        "biggest challenges for ai systems engineers?",
        "how do they deal with them?",
        "do the ops guys have it easier?",
    )
    assert ops.roles == ("mlops-engineer",) and ops.topic == "challenges"
    both = handlers.ask("do mlops engineers have it easier than platform engineers?", kb)
    assert both.intent == "compare" and both.topic == "challenges"


def test_a_new_question_after_an_unanswered_which_role_does_not_echo_the_first_ones_words(kb):
    """ "what trends are reinventing the job for ai engineers?" -> which role? -> "will it replace us
    then?": the first question's point ('reinventing') waits for a pick, and "us" is no one's name;
    never 'I don't know a role called “reinventing”' (nor “us”)."""
    opening = "what trends are reinventing the job for ai engineers?"
    for follow in ("will it replace us then?", "will it replace people like us?"):
        first, second = talk(kb, opening, follow)
        assert first.intent == "clarify"
        assert second.intent != "unknown" and "role called" not in second.text
        assert "reinventing" not in second.text


def test_which_pays_more_after_which_role_sets_the_roles_offered_side_by_side(kb):
    """'what do ai developers make?' -> which role? -> 'which one pays better?': the three offered."""
    _, ranked = talk(kb, "what do ai developers make?", "which one pays better?")
    assert ranked.intent == "compare" and ranked.topic == "salary"
    assert set(ranked.roles) == {"production-ai-engineer", "ai-ml-engineer", "ai-systems-engineer"}


def test_which_of_those_after_one_roles_list_asks_of_its_items_not_the_two_roles(kb):
    """'what does an mlops engineer need?' -> 'what about the platform folks?' -> 'which of these is
    most important?': the platform list again, said to be no closer an answer; not mlops vs platform.
    'which of those pays more?' (a topic of its own) still sets the two side by side."""
    *_, items = talk(
        kb,
        "what does an mlops engineer need?",
        "and the platform folks?",
        "which of these is most important?",
    )
    assert items.roles == ("ml-platform-engineer",) and items.intent == "answer"
    *_, pay = talk(
        kb, "what do mlops engineers earn?", "and platform engineers?", "which of those pays more?"
    )
    assert pay.intent == "compare" and set(pay.roles) == {"mlops-engineer", "ml-platform-engineer"}


def test_a_topic_after_a_fit_answer_is_asked_of_the_role_that_fits(kb):
    """'what's the pay like?' after "MLOps Engineer fits you best": that role's pay, not all five side
    by side; after a tie, the tied roles."""
    _, pay, hard = talk(
        kb,
        "I'm a data engineer, lots of Spark, Kafka, SQL and Airflow. Which role suits me?",
        "what's the pay like",
        "and what's hard about it day to day",
    )
    assert (pay.intent, pay.roles, pay.topic) == ("answer", ("mlops-engineer",), "salary")
    assert "$200,000 - $220,000" in pay.text[:600]
    assert (hard.roles, hard.topic) == (("mlops-engineer",), "challenges")
    fit, pay = talk(kb, "i know kubernetes. which role fits me?", "what's the pay like")
    assert "tie" in fit.text[:200] and pay.intent == "compare" and len(pay.roles) == 3


def test_what_to_learn_after_asking_the_fitting_roles_pay_is_still_the_gaps(kb):
    """'what would I need to learn?' after the fit answer and 'what's the pay like?' (of the role that
    fits): what the person still lacks for it, not its plain requirements (Python and Docker again)."""
    *_, learn = talk(
        kb,
        "I know Python, Docker, Kubernetes, Terraform and Prometheus. Which role fits me?",
        "what's the pay like?",
        "what would I need to learn?",
    )
    assert learn.roles == ("mlops-engineer",) and "your gaps" in learn.text[:80]
    assert "Proficiency in Python" not in learn.text[:600]


def test_which_matters_most_of_a_list_just_shown_is_said_to_be_all_there_is(kb):
    """'which of those is most important?' after the core responsibilities: the same lines again, said
    to be no closer an answer (the point's words carried in another order are the same point)."""
    _, again = talk(
        kb,
        "What are the core responsibilities of a production AI engineer?",
        "which of those is most important?",
    )
    assert "doesn't answer that more closely than my last reply" in again.text[:200]


def test_a_role_described_with_two_tasks_keeps_the_threads_topic(kb):
    """ "and the ones who keep models running after deployment and automate retraining?" after the
    soft skills of one role: the soft skills of MLOps (the whole phrase describes its work), not the
    best practices its second task's words would find."""
    replies = talk(
        kb,
        "which soft skills matter for ai systems engineers?",
        "and the ones who keep models running after deployment and automate retraining?",
    )
    assert replies[-1].roles == ("mlops-engineer",) and replies[-1].topic == "soft-skills"


def test_a_question_after_a_description_is_still_asked(kb):
    """ "... the people who build the platform, do they use kubernetes?": the question after the
    description is asked (Kubernetes in the platform role's requirements)."""
    replies = talk(
        kb,
        "what soft skills do mlops engineers need?",
        "and the people who build the platform, do they use kubernetes?",
    )
    assert replies[-1].roles == ("ml-platform-engineer",) and "Kubernetes" in replies[-1].text[:600]


def test_which_of_those_companies_after_company_pay_ranks_them(kb):
    """ "which of those companies pays most?" after two companies' pay: every company's figure, best
    first, not the last company's figure again."""
    replies = talk(
        kb, "ai systems engineer pay at google?", "and at amazon?", "which of these companies pays most?"
    )
    screen = replies[-1].text[:600]
    assert "doesn't answer that more closely" not in screen
    assert "*Tesla:* $219,122" in screen and "*Google:* $204,579" in screen
