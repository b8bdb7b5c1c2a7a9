"""A datatrove pipeline step that replaces each document's text by its article body.

    from datatrove.pipeline.readers import WarcReader
    from datatrove.pipeline.writers import JsonlWriter
    from cleaner.integrations.datatrove import CleanerStep

    pipeline = [WarcReader("s3://bucket/crawl/"), CleanerStep(), JsonlWriter("s3://bucket/clean/")]

Per-filter removal counts go to the step's stats (``removed_<filter>``), and
with ``explain=True`` to each document's ``metadata["cleaner_removals"]``. A
document that fails is counted (``clean_error``) and dropped, never stopping
the task; a document left empty is dropped unless ``keep_empty=True``.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..api import clean_and_explain, with_rules_merged

try:
    from datatrove.pipeline.base import PipelineStep
    from datatrove.utils.logging import logger
except ImportError:  # the module still imports (docs, doctest collection); creating the step says what is missing

    class PipelineStep:  # type: ignore[no-redef]
        def __init__(self) -> None:
            raise ImportError("CleanerStep needs datatrove: pip install 'boilerplate-cleaner[datatrove]'")

    logger = None


class CleanerStep(PipelineStep):  # type: ignore[misc,unused-ignore]  # datatrove is untyped
    """Clean ``doc.text`` (HTML or plain text) in place; ``options`` go to `clean_and_explain`."""

    name = "🧹 cleaner"
    type = "🛢 - EXTRAC"

    def __init__(self, *, keep_empty: bool = False, explain: bool = False, **options: Any) -> None:
        super().__init__()
        self.keep_empty = keep_empty
        self.explain = explain
        self.options = with_rules_merged(options)  # a rule file is read once, and a bad one fails here
        self._warned = False

    def run(self, data: Iterator[Any], rank: int = 0, world_size: int = 1) -> Iterator[Any]:
        for doc in data:
            self.stat_update("total")
            with self.track_time():
                cleaned = self._clean(doc)
            if not cleaned:
                continue
            if not doc.text and not self.keep_empty:
                self.stat_update("dropped")
                continue
            self.stat_update("forwarded")
            self.update_doc_stats(doc)
            yield doc

    def _clean(self, doc: Any) -> bool:
        """Clean one document in place; False when it failed (counted, logged once per task)."""
        try:
            result = clean_and_explain(doc.text, url=doc.metadata.get("url"), **self.options)
        except Exception as err:
            self.stat_update("clean_error")
            if not self._warned and logger is not None:
                logger.warning(f"cleaner failed on document {doc.id!r}: {type(err).__name__}: {err} (reported once)")
                self._warned = True
            return False
        doc.text = result.text
        removals = result.removals()
        for name, count in removals.items():
            self.stat_update(f"removed_{name}", value=count)
        if self.explain:
            doc.metadata["cleaner_removals"] = dict(removals)
        return True
