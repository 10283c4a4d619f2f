"""Regular expressions compiled when first used: a slash command or a short question never pays
for the patterns only other questions need (cold start, bench/start_bench.py)."""

from __future__ import annotations

import re

__all__ = ["Lazy"]

# what answering asks of a pattern: bound on the instance at the first use, so later calls are
# plain attribute reads (no __getattr__ per call)
_BOUND = ("search", "match", "fullmatch", "sub", "subn", "split", "findall", "finditer", "pattern", "flags")


class Lazy:
    """A pattern compiled on its first use; otherwise it is the compiled pattern."""

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self._args = (pattern, flags)

    def __getattr__(self, name: str):
        compiled = self.__dict__.get("_re")
        if compiled is None:
            compiled = self._re = re.compile(*self._args)
            for method in _BOUND:
                setattr(self, method, getattr(compiled, method))
        return getattr(compiled, name)
