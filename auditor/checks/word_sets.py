"""Fixed cue words, and whether a text contains any of them, in one regex search.

`WordSet(words).found_in(text)` is `any(word in text for word in words)`: an alternation of the
escaped words finds an occurrence exactly when one of them is a substring, in one linear scan
instead of one `in` test per word (the checks test dozens of cue words around every number).
"""

from __future__ import annotations

import re
from collections.abc import Iterable


class WordSet:
    """Literal words (case-sensitive substrings) to look for in short texts."""

    __slots__ = ("_pattern", "words")

    def __init__(self, words: Iterable[str]) -> None:
        self.words = tuple(dict.fromkeys(words))
        alternatives = "|".join(re.escape(word) for word in self.words)
        self._pattern = re.compile(alternatives) if all(self.words) and self.words else None

    def found_in(self, text: str) -> bool:
        """True when some word occurs in `text` (an empty word occurs in every text)."""
        if self._pattern is None:
            return bool(self.words)  # no words: False; an empty word: True
        return self._pattern.search(text) is not None
