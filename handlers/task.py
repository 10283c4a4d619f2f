"""A request to do something else than answer about the roles ("write me a python function to
compute F1 score", "debug my pytorch code", "translate this to spanish"): said plainly, never
answered with whatever section its words happen to match."""

from __future__ import annotations

__all__ = ["task"]

_OPENERS = frozenset({"hey", "hi", "hello", "ok", "okay", "so", "yo", "rolebot", "please", "pls", "plz"})
_ASKING = (("can", "you"), ("could", "you"), ("would", "you"), ("will", "you"), ("can", "u"), ("could", "u"))
_TO_YOU = (("i", "need", "you", "to"), ("i", "want", "you", "to"))
_REACH = 6  # words after the verb where what it makes is named ("write me a quick python function")


def task(words: tuple[str, ...], lists: dict[str, frozenset[str]]) -> str | None:
    """The request as said ("write me a python function") when the message opens by asking to make
    or mend a thing (aliases.yaml `task_verbs`, `task_things`); else None."""
    at = 0
    while at < len(words):
        if words[at] in _OPENERS:
            at += 1
        elif (pair := tuple(words[at : at + 2])) in _ASKING:
            at += len(pair)
        elif (four := tuple(words[at : at + 4])) in _TO_YOU:
            at += len(four)
        else:
            break
    if at >= len(words) or words[at] not in lists["task_verbs"]:
        return None
    things = lists["task_things"]
    for end in range(at + 1, min(len(words), at + 1 + _REACH)):
        if words[end] in things or " ".join(words[end : end + 2]) in things:  # "cover letter"
            end += " ".join(words[end : end + 2]) in things
            while end + 1 < len(words) and words[end + 1] in things:  # "a sql query"
                end += 1
            return " ".join(words[at : end + 1])  # "write me a python function"
    return None
