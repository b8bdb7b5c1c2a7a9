"""Benchmark harness for ``cleaner``: corpora, metrics, anchors and reports."""
