"""A lazy pattern is compiled on its first use only, then answers as the compiled pattern does."""

from __future__ import annotations

import re

from knowledge.patterns import Lazy


def test_a_lazy_pattern_compiles_on_first_use_and_then_is_the_pattern(monkeypatch):
    compiled = []
    real = re.compile
    monkeypatch.setattr(re, "compile", lambda *a: compiled.append(a) or real(*a))
    pattern = Lazy(r"\bml\s?ops\b", re.I)
    assert compiled == []  # made at import, compiled at first use
    assert pattern.search("Ask the ML Ops folks").group() == "ML Ops"
    assert pattern.sub("mlops", "ml ops pay") == "mlops pay" and pattern.findall("MLOps or ml ops") == [
        "MLOps",
        "ml ops",
    ]
    assert [m.start() for m in pattern.finditer("mlops, ml ops")] == [
        0,
        7,
    ] and pattern.pattern == r"\bml\s?ops\b"
    assert pattern.groups == 0 and pattern.flags & re.I  # what is not bound is read from the pattern
    assert len(compiled) == 1  # once, however often it is used
    assert "search" in vars(pattern)  # later calls are plain attribute reads
