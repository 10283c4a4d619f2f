"""`python -m knowledge build [--check]`: seeds/ -> knowledge/data/*.yaml."""

from __future__ import annotations

import argparse
import difflib
import sys
import tempfile
from pathlib import Path

import yaml

from knowledge import compiled
from knowledge.aliases import read_aliases
from knowledge.index import Index
from knowledge.intent import Model
from knowledge.load import (
    DATA_DIR,
    EXAMPLES,
    HERE,
    INDEX_NAME,
    INTENT_NAME,
    WORK_EXAMPLES,
    WORK_NAME,
    KnowledgeError,
    index_stamp,
    intent_stamp,
    load_kb,
    read_asked,
    read_yaml,
    work_stamp,
)
from knowledge.match import Matcher
from knowledge.models import Role, Topic
from knowledge.parse import ParseError, heading_lines, parse
from knowledge.schema import validate
from knowledge.skills import SKILLS_NAME, build_skills

__all__ = ["build", "dump", "main"]

SEEDS = HERE.parent / "seeds"


class _Dumper(yaml.SafeDumper):
    """Block style, long lines kept whole, keys in model order."""


def _str(dumper: yaml.SafeDumper, value: str):
    return dumper.represent_scalar("tag:yaml.org,2002:str", value)


_Dumper.add_representer(str, _str)


def dump(role: Role) -> str:
    """A role as readable YAML (defaults left out)."""
    data = role.model_dump(mode="json", exclude_defaults=True)
    header = f"# Built from seeds/{role.source} by `python -m knowledge build`. Do not edit.\n"
    return header + yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=10_000)


def build(seeds: Path = SEEDS, *, train_models: bool = True) -> dict[str, str | bytes]:
    """Parse every seed; return {file name: content}: one YAML per role, compiled.json, the index,
    the skills and the two models.

    Without train_models (as `--check` builds) each model is its stamp alone, as text: a model
    is checked by what it was trained from, and training is nine tenths of the build's time.
    """
    catalog = read_yaml(HERE / "catalog.yaml")
    topics = [validate(Topic, t) for t in catalog["topics"]]
    texts = {e["id"]: (seeds / e["seed"]).read_text(encoding="utf-8") for e in catalog["roles"]}
    known = frozenset().union(*(heading_lines(t) for t in texts.values()))
    out = {}
    for entry in catalog["roles"]:
        try:
            role = parse(
                texts[entry["id"]],
                role_id=entry["id"],
                title=entry["title"],
                source=entry["seed"],
                topics=topics,
                known_headings=known,
            )
        except ParseError as exc:
            raise KnowledgeError(f"seeds/{entry['seed']}: {exc}") from None
        out[f"{entry['id']}.yaml"] = dump(role)
    out.update(_compile(out, train_models))
    return out


def _compile(yaml_texts: dict[str, str], train_models: bool) -> dict[str, str | bytes]:
    """compiled.json, the search index, the skills and the intent and work models (or their
    stamps) for these role YAML texts."""
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp)
        for name, text in yaml_texts.items():
            (data / name).write_text(text, encoding="utf-8")
        kb = load_kb(data)
        aliases = read_aliases(HERE / "aliases.yaml")
        paths = compiled.sources(HERE, data)
        stamps = compiled.stamps(paths)
        out = {
            "compiled.json": compiled.dumps(kb, aliases, stamps),
            INDEX_NAME: Index.build(kb, index_stamp(stamps), read_asked()).to_bytes(),
            INTENT_NAME: intent_stamp(stamps),
            WORK_NAME: work_stamp(stamps),
            SKILLS_NAME: build_skills(kb),
        }
        if train_models:
            from knowledge import train  # scikit-learn: only when building
            from knowledge.text import doc_words

            matcher = Matcher(aliases, doc_words(kb))
            for name, folder, c in (
                (INTENT_NAME, EXAMPLES, train.INTENT_C),
                (WORK_NAME, WORK_EXAMPLES, train.WORK_C),
            ):
                pairs = train.examples(folder)
                meta = {"stamp": out[name], "examples": len(pairs)}
                out[name] = train.train(matcher, pairs, meta, c).to_bytes()
        return out


def _check(built: dict[str, str | bytes], data_dir: Path) -> list[str]:
    problems = []
    for name, text in built.items():
        path = data_dir / name
        if name in (INTENT_NAME, WORK_NAME):  # same stamp: the examples and aliases it was trained on
            want = text  # built without training, a model is its stamp
            try:
                have = Model.read(path).meta.get("stamp") if path.exists() else None
            except KnowledgeError:
                have = None
            if have != want:
                problems.append(f"{path}: trained on other examples or code (run python -m knowledge build)")
            continue
        if isinstance(text, bytes):  # the index: same stamp, not same bytes (SQLite versions differ)
            saved = Index.open(path.read_bytes(), Index.stamp_of(text)) if path.exists() else None
            if saved is None:
                problems.append(f"{path}: missing or made from other YAML (run python -m knowledge build)")
            continue
        have = path.read_text(encoding="utf-8") if path.exists() else ""
        if have != text:
            diff = difflib.unified_diff(have.splitlines(), text.splitlines(), lineterm="", n=0)
            first = next((d for d in diff if d[:1] in "+-" and d[:3] not in ("+++", "---")), "")
            problems.append(f"{path}: differs from what seeds build into (first: {first[:120]})")
    extra = {p.name for p in data_dir.glob("*.yaml")} - set(built)
    problems += [f"{data_dir / n}: not built from any seed" for n in sorted(extra)]
    return problems


def main(argv: list[str] | None = None) -> int:
    """Build the knowledge base, or with --check verify the committed one."""
    ap = argparse.ArgumentParser(prog="python -m knowledge")
    ap.add_argument("command", choices=["build"])
    ap.add_argument("--check", action="store_true", help="exit 1 if data/ is out of date")
    ap.add_argument("--seeds", type=Path, default=SEEDS)
    ap.add_argument("--out", type=Path, default=DATA_DIR)
    args = ap.parse_args(argv)
    try:
        built = build(args.seeds, train_models=not args.check)
    except (KnowledgeError, OSError) as exc:
        print(f"knowledge build: {exc}", file=sys.stderr)
        return 2
    if args.check:
        problems = _check(built, args.out)
        for p in problems:
            print(p, file=sys.stderr)
        print("knowledge base is up to date" if not problems else f"{len(problems)} file(s) differ")
        return 1 if problems else 0
    args.out.mkdir(parents=True, exist_ok=True)
    for name, text in built.items():
        if isinstance(text, bytes):
            (args.out / name).write_bytes(text)
        else:
            (args.out / name).write_text(text, encoding="utf-8")
    print(f"wrote {len(built)} files to {args.out}")
    return 0
