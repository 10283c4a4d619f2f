"""What a conversation keeps of one answer: plain JSON, so it can live in a database."""

from __future__ import annotations

from handlers.plan import Plan
from knowledge.models import Record

TYPE_CHECKING = False  # without importing typing
if TYPE_CHECKING:
    from typing import Any

__all__ = ["FOCUS_DIMS", "Turn"]

FOCUS_DIMS = ("levels", "locations", "companies", "kinds")  # the focus a turn keeps


class Turn(Record):
    """What a conversation keeps of one answer."""

    intent: str
    roles: tuple[str, ...] = ()
    topic: str | None = None
    focus: dict[str, tuple[str, ...]] | None = None  # dimension -> words ("locations": ("Seattle",))
    said: str = ""  # a role-fit question: the person's message about themselves (handlers/fit.py)
    across: bool = False  # the roles that mention a subject ("which roles need kubernetes?")
    point: tuple[str, ...] = ()  # what was asked of the topic ("do they need certs?": "certs")
    shown: tuple[int, ...] = ()  # the lines a one-role answer led with, in order ("the second point")
    picked: str | None = (
        None  # the one role a ranking put first ("AI/ML Platform Engineer asks for the most")
    )

    def __init__(
        self,
        intent: str,
        roles: tuple[str, ...] = (),
        topic: str | None = None,
        focus: dict[str, tuple[str, ...]] | None = None,
        said: str = "",
        across: bool = False,
        point: tuple[str, ...] = (),
        shown: tuple[int, ...] = (),
        picked: str | None = None,
    ) -> None:
        self.__dict__.update(
            intent=intent,
            roles=roles,
            topic=topic,
            focus=focus,
            said=said,
            across=across,
            point=point,
            shown=shown,
            picked=picked,
        )

    @classmethod
    def of(cls, plan: Plan, places: tuple[str, ...] = ()) -> Turn:
        """The turn an answer leaves behind; `places`: those the message names that no document gives
        figures for ("Canada"), kept with the focus for the question after ("salary there?")."""
        f = plan.focus
        focus = {d: tuple(getattr(f, d)) for d in FOCUS_DIMS if getattr(f, d)}
        known = {p.lower() for p in focus.get("locations", ())}
        places = tuple(p for p in places if p.lower() not in known)
        if places:
            focus["locations"] = (*focus.get("locations", ()), *places)
        if f.years is not None:
            focus["years"] = (f"{f.years} years",)
        if f.percentiles:
            focus["percentile"] = f.percentiles
        said = plan.asked if plan.mode == "fit" else ""
        point = _point(plan)
        return cls(
            plan.intent,
            tuple(plan.roles),
            plan.topic,
            focus or None,
            said,
            plan.mode == "cross",
            point,
            _shown(plan),
        )

    def same_answer(self, other: Turn) -> bool:
        """Whether two turns answered alike: the same lines of the same section, the point's words in
        any order ("core responsibilities", then "responsibilities ... core" carried)."""
        mine = {**self.__dict__, "point": frozenset(self.point)}
        return mine == {**other.__dict__, "point": frozenset(other.point)}

    def to_json(self) -> dict[str, Any]:
        return {
            "intent": self.intent,
            "roles": list(self.roles),
            "topic": self.topic,
            "focus": {k: list(v) for k, v in (self.focus or {}).items()},
            **({"said": self.said} if self.said else {}),
            **({"across": True} if self.across else {}),
            **({"point": list(self.point)} if self.point else {}),
            **({"shown": list(self.shown)} if self.shown else {}),
            **({"picked": self.picked} if self.picked else {}),
        }

    @classmethod
    def from_json(cls, data: Any) -> Turn | None:
        """A turn read back from storage; None for anything malformed (it is then ignored)."""
        if not isinstance(data, dict) or not isinstance(data.get("intent"), str):
            return None
        roles = data.get("roles") or []
        focus = data.get("focus") or {}
        if not isinstance(roles, list) or not isinstance(focus, dict):
            return None
        return cls(
            data["intent"],
            tuple(r for r in roles if isinstance(r, str)),
            data.get("topic") if isinstance(data.get("topic"), str) else None,
            {k: tuple(str(w) for w in v) for k, v in focus.items() if isinstance(v, list)} or None,
            data["said"] if isinstance(data.get("said"), str) else "",
            data.get("across") is True,
            tuple(w for w in data.get("point") or () if isinstance(w, str))[:_POINT_WORDS]
            if isinstance(data.get("point"), list)
            else (),
            tuple(i for i in data.get("shown") or () if type(i) is int)[:_SHOWN]
            if isinstance(data.get("shown"), list)
            else (),
            data["picked"] if isinstance(data.get("picked"), str) else None,
        )

    def with_picked(self, role: str) -> Turn:
        """The turn, with the one role its ranking put first."""
        return Turn(**{**self.__dict__, "picked": role})


_POINT_WORDS = 4
_SHOWN = 8  # lines of an answer a follow-up can point at by position


def _shown(plan: Plan) -> tuple[int, ...]:
    """The ids of the lines a one-role answer led with, in the order shown; () otherwise."""
    if plan.intent != "answer" or plan.mode != "lead" or len(plan.groups) != 1:
        return ()
    return tuple(h.line.id for h in plan.groups[0][1])[:_SHOWN]


def _point(plan: Plan) -> tuple[str, ...]:
    """The words an answer on a point was about: its subject, or the topic words that named the point
    ("certs", "math"); () for a whole section or a reply that answers nothing."""
    if plan.intent == "clarify" and plan.match is not None:  # "what skills do AI engineers need for
        # kubernetes?" -> "mlops": the point asked, kept for the answer that picks the role
        return tuple(dict.fromkeys(plan.match.subject))[:_POINT_WORDS]
    if plan.intent not in ("answer", "compare") or plan.mode not in ("lead", "cross") or plan.match is None:
        return ()
    # "how do they fix model drift" (no terms: the problem's lines): its subject, as the lines say it
    words = [t.word for t in plan.terms] or _said_in_lead(plan) or list(plan.match.topic_words)
    return tuple(dict.fromkeys(words))[:_POINT_WORDS]


def _said_in_lead(plan: Plan) -> list[str]:
    """The subject words the lines an answer led with say ("drift" in "Manual monitoring and model
    drift"); [] when they say none (the subject was colour: "is all that effort worth it?")."""
    if plan.match is None or not plan.match.subject or not plan.groups:
        return []
    said = set(" ".join(h.line.text for h in plan.groups[0][1]).lower().replace(",", " ").split())
    return [w for w in plan.match.subject if w in said]
