"""Fixtures for handler tests: the packaged knowledge base and its engine."""

from __future__ import annotations

import pytest

from handlers import engine_for
from knowledge.load import load


@pytest.fixture(scope="session")
def kb():
    """The packaged knowledge base."""
    return load()


@pytest.fixture(scope="session")
def engine(kb):
    """The answering engine of the packaged knowledge base."""
    return engine_for(kb)
