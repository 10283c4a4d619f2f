"""Regular expressions compiled when first used: a slash command or a short question never pays
for the patterns only long messages need (cold start, bench/start_bench.py)."""

from __future__ import annotations

import re

__all__ = ["Lazy"]


class Lazy:
    """A pattern compiled on its first use; otherwise it is the compiled pattern."""

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self._args, self._re = (pattern, flags), None

    def __getattr__(self, name: str):
        if self._re is None:
            self._re = re.compile(*self._args)
        return getattr(self._re, name)
