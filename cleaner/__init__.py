r"""cleaner: turn a scraped web page (text or HTML) into its article body.

>>> import cleaner
>>> page = "Skip to main content\n\nA title\n\nA paragraph of the article, long enough to read like prose."
>>> cleaner.clean(page)
'A title\n\nA paragraph of the article, long enough to read like prose.\n'
"""

from __future__ import annotations

from .api import clean, clean_and_explain
from .errors import CleanerError, InputTooLarge, RuleError, UnknownFilterError, VocabularyError
from .filter import BlockFilter, Filter
from .model import Action, Block, Decision, Document, Hints, Result
from .pipeline import DEFAULT_FILTERS, Pipeline
from .registry import available as available_filters
from .registry import register
from .rulefile import RuleSet
from .rules import Rule, RulesFilter, Scope

__version__ = "0.1.0"

__all__ = [
    "DEFAULT_FILTERS",
    "Action",
    "Block",
    "BlockFilter",
    "CleanerError",
    "Decision",
    "Document",
    "Filter",
    "Hints",
    "InputTooLarge",
    "Pipeline",
    "Result",
    "Rule",
    "RuleError",
    "RuleSet",
    "RulesFilter",
    "Scope",
    "UnknownFilterError",
    "VocabularyError",
    "__version__",
    "available_filters",
    "clean",
    "clean_and_explain",
    "register",
]
