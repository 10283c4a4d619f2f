"""What kind of question a message is: a linear model over word and character n-grams.

Trained by `python -m knowledge build` (knowledge/train.py) from the project's own labelled
examples (knowledge/examples/*.yaml) and saved as data/intent.bin: one JSON header line (labels,
scale, stamp, cross-validated accuracy), then int8 weights, a row of one weight
per label for each hashed feature bucket, then the intercepts. Scoring is pure Python (no numpy
at run time): a query has a few dozen features, each a row added up.

Features are read from the matcher's masked tokens (role names, places and companies replaced
by placeholders, spelling fixed), so the model learns how people ask, not which role they name.
"""

from __future__ import annotations

import json
import math
import sys
import zlib
from array import array
from pathlib import Path

from knowledge.files import KnowledgeError
from knowledge.models import Record

__all__ = ["BUCKETS", "Guess", "Model", "features", "vector"]

BUCKETS = 1 << 14
FORMAT = 2
_CHAR = 4  # character n-grams of this length, for words of at least 5 letters


def features(tokens: tuple[str, ...] | list[str]) -> list[str]:
    """Word unigrams and bigrams (with start and end marks) and character 4-grams."""
    out: list[str] = []
    prev = "^"
    for t in tokens:
        out.append(t)
        out.append(f"{prev} {t}")
        prev = t
        if len(t) >= 5 and t[0] != "_":
            padded = f"<{t}>"
            out += [f"#{padded[i : i + _CHAR]}" for i in range(len(padded) - _CHAR + 1)]
    out.append(f"{prev} $")
    return out


def vector(tokens: tuple[str, ...] | list[str]) -> dict[int, float]:
    """bucket -> value: binary features, L2-normalised (the same at training and at run time)."""
    buckets = {zlib.crc32(f.encode()) & (BUCKETS - 1) for f in features(tokens)}
    if not buckets:
        return {}
    value = 1 / math.sqrt(len(buckets))
    return dict.fromkeys(buckets, value)


class Guess(Record):
    """The model's best labels for a message, most probable first."""

    ranked: tuple[tuple[str, float], ...]

    def __init__(self, ranked: tuple[tuple[str, float], ...]) -> None:
        self.__dict__.update(ranked=ranked)

    @property
    def label(self) -> str | None:
        return self.ranked[0][0] if self.ranked else None

    @property
    def confidence(self) -> float:
        return self.ranked[0][1] if self.ranked else 0.0

    def prob(self, label: str) -> float:
        return next((p for name, p in self.ranked if name == label), 0.0)


class Model:
    """A trained intent model: labels, quantised weights and intercepts."""

    def __init__(self, labels: list[str], weights: array, intercepts: list[float], scale: float, meta: dict):
        self.labels = labels
        self.weights = weights
        self._rows = memoryview(weights)  # a feature's row without copying it
        self.intercepts = intercepts
        self.scale = scale
        self.meta = meta

    @classmethod
    def parse(cls, data: bytes, where: str = "intent model") -> Model:
        """A model from its saved bytes; KnowledgeError (one line) when damaged."""
        try:
            at = data.index(b"\n")
            meta = json.loads(data[:at])
            labels, scale = meta["labels"], float(meta["scale"])
            n = len(labels)
            body = memoryview(data)[at + 1 :]  # no copies of the weights but the array's own
            weights = array("b")
            weights.frombytes(body[: BUCKETS * n])
            intercepts = array("f")
            intercepts.frombytes(body[BUCKETS * n :])
            if meta.get("format") != FORMAT or len(weights) != BUCKETS * n or len(intercepts) != n:
                raise ValueError("wrong size")
        except (ValueError, KeyError, TypeError) as exc:
            raise KnowledgeError(
                f"{where}: damaged ({exc}); rebuild with `python -m knowledge build`"
            ) from None
        if sys.byteorder != "little":  # int8 weights have no byte order; the float intercepts do
            intercepts.byteswap()
        return cls(labels, weights, list(intercepts), scale, meta)

    @classmethod
    def read(cls, path: Path) -> Model:
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise KnowledgeError(f"{path}: cannot read ({exc.strerror or exc})") from None
        return cls.parse(data, str(path))

    def to_bytes(self) -> bytes:
        head = json.dumps({**self.meta, "format": FORMAT, "labels": self.labels, "scale": self.scale})
        weights, intercepts = array("b", self.weights), array("f", self.intercepts)
        if sys.byteorder != "little":
            intercepts.byteswap()
        return head.encode() + b"\n" + weights.tobytes() + intercepts.tobytes()

    def weight(self, token: str, label: str) -> float:
        """How much the word alone counts for `label` (its unigram weight; 0.0 for an unknown label)."""
        if label not in self.labels:
            return 0.0
        n = len(self.labels)
        return (
            self.weights[(zlib.crc32(token.encode()) & (BUCKETS - 1)) * n + self.labels.index(label)]
            / self.scale
        )

    def guess(self, tokens: tuple[str, ...] | list[str]) -> Guess:
        """The labels with their probabilities (softmax of the linear scores)."""
        n, w = len(self.labels), self._rows
        v = vector(tokens)
        value = next(iter(v.values()), 0.0) / self.scale  # every feature has the same value
        rows = [w[b * n : (b + 1) * n] for b in v] or [array("b", bytes(n))]
        # column sums in C: a row per feature, a column per label (rows are all n long)
        sums = map(sum, zip(*rows, strict=False))
        scores = [value * a + c for a, c in zip(sums, self.intercepts, strict=True)]
        top = max(scores)
        exp = [math.exp(s - top) for s in scores]
        total = sum(exp)
        ranked = sorted(zip(self.labels, (e / total for e in exp), strict=True), key=lambda lp: -lp[1])
        return Guess(tuple(ranked))
