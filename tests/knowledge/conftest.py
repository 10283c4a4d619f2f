"""Fixtures for the knowledge tests: the seeds and the built knowledge base."""

from __future__ import annotations

from pathlib import Path

import pytest

from knowledge.load import load_kb

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def kb():
    """The committed knowledge base."""
    return load_kb()


@pytest.fixture(scope="session")
def seeds(kb):
    """role id -> the seed document's text."""
    return {rid: (ROOT / "seeds" / role.source).read_text(encoding="utf-8") for rid, role in kb.roles.items()}
