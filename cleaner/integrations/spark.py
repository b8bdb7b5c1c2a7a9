"""A PySpark pandas UDF that cleans a column of pages (HTML or plain text, string or binary).

    from cleaner.integrations.spark import clean_udf

    df = spark.read.parquet("s3://bucket/pages/")
    df = df.withColumn("text", clean_udf()("html"))

``clean_udf(explain=True)`` returns a struct column instead: ``text``, the
per-filter ``removals`` and the ``error`` of a page that failed. A page that
fails (or is null) gives null text and never fails the task. `cleaner` must
be installed on the executors (see docs/distributed.md).
"""

from typing import Any

from ..api import clean_and_explain, with_rules_merged

EXPLAIN_SCHEMA = "text string, removals map<string,int>, error string"


def clean_udf(*, explain: bool = False, **options: Any) -> Any:
    """A pandas UDF over one column of pages; ``options`` go to `clean_and_explain`."""
    import pandas as pd
    from pyspark.sql.pandas.functions import pandas_udf

    with_rules_merged(options)  # a bad rule file fails here, on the driver, not in every task

    if explain:

        def explained(pages: pd.Series) -> pd.DataFrame:
            merged = with_rules_merged(options)  # once per batch of rows, on the executor that has the file
            return pd.DataFrame([_explain_one(page, merged) for page in pages], columns=["text", "removals", "error"])

        return pandas_udf(explained, EXPLAIN_SCHEMA)  # type: ignore[call-overload,unused-ignore]

    def cleaned(pages: pd.Series) -> pd.Series:
        merged = with_rules_merged(options)
        return pd.Series([_explain_one(page, merged)[0] for page in pages], dtype=object)

    return pandas_udf(cleaned, "string")  # type: ignore[call-overload,unused-ignore]


# No `from __future__ import annotations` here: Spark reads the UDFs' type hints to pick the UDF kind.


def _explain_one(page: Any, options: dict[str, Any]) -> tuple[str | None, dict[str, int] | None, str | None]:
    """(text, removals, error) of one cell; a null cell gives nulls."""
    if page is None or (isinstance(page, float) and page != page):  # None or NaN from pandas
        return None, None, None
    try:
        result = clean_and_explain(page, **options)
    except Exception as err:
        return None, None, f"{type(err).__name__}: {err}"
    return result.text, dict(result.removals()), None
