"""Train the intent model (knowledge/intent.py) from knowledge/examples/*.yaml, at build time.

scikit-learn's logistic regression (multinomial, lbfgs: deterministic for the same input) on the
hashed features of each example's masked tokens. Only the build imports scikit-learn (the
`build` extra); answering reads the saved weights. `report` gives k-fold cross-validated
accuracy, per label, for the closing figures and for anyone changing the examples.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from knowledge.files import KnowledgeError, read_yaml
from knowledge.intent import BUCKETS, Model, vector
from knowledge.match import Matcher

__all__ = ["cross_validate", "examples", "train"]

INTENT_C = 16.0  # inverse regularisation: chosen by 5-fold cross-validation over 2, 4, 8, 16, 32
WORK_C = 8.0  # the work model's (examples/work/), over 2, 4, 8, 16: 16 gains 0.7 points, surer of itself
_FOLDS = 5
_SEED = 0


def examples(path: Path) -> list[tuple[str, str]]:
    """(text, label) pairs of an examples file, or of every *.yaml of a folder (sorted by name),
    in file order; KnowledgeError when malformed."""
    if path.is_dir():
        return [pair for f in sorted(path.glob("*.yaml")) for pair in examples(f)]
    data = read_yaml(path)
    if not isinstance(data, dict) or not all(
        isinstance(k, str) and isinstance(v, list) and all(isinstance(t, str) for t in v)
        for k, v in data.items()
    ):
        raise KnowledgeError(f"{path}: expected label -> list of example messages")
    return [(text, label) for label, texts in data.items() for text in texts]


def _matrix(matcher: Matcher, texts: Sequence[str]):
    from scipy.sparse import csr_matrix

    rows, cols, vals = [], [], []
    for i, text in enumerate(texts):
        for b, v in sorted(vector(matcher.match(text).masked).items()):
            rows.append(i)
            cols.append(b)
            vals.append(v)
    return csr_matrix((vals, (rows, cols)), shape=(len(texts), BUCKETS))


def _fit(x, y: Sequence[str], c: float = INTENT_C):
    from sklearn.linear_model import LogisticRegression

    return LogisticRegression(C=c, max_iter=3000, tol=1e-4).fit(x, y)


def train(
    matcher: Matcher, pairs: Sequence[tuple[str, str]], meta: Mapping[str, object], c: float = INTENT_C
) -> Model:
    """The model for these examples; weights quantised to int8."""
    from array import array

    texts, labels = [t for t, _ in pairs], [lab for _, lab in pairs]
    clf = _fit(_matrix(matcher, texts), labels, c)
    coef = clf.coef_  # (labels, buckets)
    top = float(abs(coef).max()) or 1.0
    scale = round(127 / top, 3)  # int8: a weight to within 1/254 of the largest (argmax is unchanged)
    weights = array("b", (int(round(v * scale)) for v in coef.T.ravel()))
    intercepts = [float(v) for v in clf.intercept_]
    return Model([str(label) for label in clf.classes_], weights, intercepts, scale, dict(meta))


def cross_validate(
    matcher: Matcher,
    pairs: Sequence[tuple[str, str]],
    folds: int = _FOLDS,
    c: float = INTENT_C,
    topics: Mapping[str, str] | None = None,
) -> tuple[float, dict[str, float]]:
    """Stratified k-fold accuracy overall and per label (fixed seed); with `topics` (label ->
    topic), a guess counts as right when it names the same topic (what routing needs)."""
    from sklearn.model_selection import StratifiedKFold

    texts, labels = [t for t, _ in pairs], [lab for _, lab in pairs]
    x = _matrix(matcher, texts)
    right: dict[str, list[bool]] = {}
    for train_idx, test_idx in StratifiedKFold(folds, shuffle=True, random_state=_SEED).split(texts, labels):
        clf = _fit(x[train_idx], [labels[i] for i in train_idx], c)
        for i, got in zip(test_idx, clf.predict(x[test_idx]), strict=True):
            same = got == labels[i] or (topics is not None and topics.get(got, got) == topics.get(labels[i]))
            right.setdefault(labels[i], []).append(bool(same))
    every = [r for rs in right.values() for r in rs]
    return sum(every) / len(every), {k: sum(v) / len(v) for k, v in sorted(right.items())}


def main() -> None:
    """`python -m knowledge.train`: print the cross-validated accuracy of the shipped examples."""
    import argparse

    from knowledge.load import EXAMPLES, WORK_EXAMPLES, load, load_aliases, load_words

    ap = argparse.ArgumentParser(prog="python -m knowledge.train")
    ap.add_argument("--folds", type=int, default=_FOLDS)
    ap.add_argument("--c", type=float, nargs="*")
    ap.add_argument("--work", action="store_true", help="the work model (examples/work/)")
    args = ap.parse_args()
    kb = load()
    matcher = Matcher(load_aliases(), load_words(kb))
    pairs = examples(WORK_EXAMPLES if args.work else EXAMPLES)
    for c in args.c or [WORK_C if args.work else INTENT_C]:
        overall, per = cross_validate(matcher, pairs, args.folds, c)
        print(f"C={c}: {args.folds}-fold accuracy {overall:.1%} on {len(pairs)} examples")
        print("  " + ", ".join(f"{k} {v:.0%}" for k, v in per.items()))
        if args.work:
            continue
        by_topic, _ = cross_validate(matcher, pairs, args.folds, c, load_aliases().label_topics)
        print(f"  the same topic (what routing uses): {by_topic:.1%}")


if __name__ == "__main__":
    main()
