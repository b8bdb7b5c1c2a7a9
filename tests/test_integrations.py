"""The distributed-engine steps, run locally: datatrove's local executor and Spark in ``local[2]``."""

from __future__ import annotations

import gzip
import json
import os
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import cleaner
from cleaner.errors import RuleError

from .batch_data import ARTICLE, REQUIRE_EXTRAS, TEXT_PAGE, need, numbered_page


def test_datatrove_step_in_the_local_executor(tmp_path: Path) -> None:
    need("datatrove", reason="the datatrove extra is not installed")
    need("orjson", reason="datatrove's JSONL reader and writer need orjson (datatrove extra)")
    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.readers import JsonlReader
    from datatrove.pipeline.writers import JsonlWriter

    from cleaner.integrations.datatrove import CleanerStep

    pages = [ARTICLE, TEXT_PAGE, numbered_page(1), "Skip to main content", numbered_page(2)]
    src = tmp_path / "in"
    src.mkdir()
    with (src / "pages.jsonl").open("w") as f:
        for i, page in enumerate(pages):
            f.write(json.dumps({"id": f"doc{i}", "text": page, "metadata": {"url": f"http://e.org/{i}"}}) + "\n")
    executor = LocalPipelineExecutor(
        pipeline=[
            JsonlReader(str(src)),
            CleanerStep(explain=True),
            JsonlWriter(str(tmp_path / "out"), output_filename="clean.jsonl", compression=None),
        ],
        tasks=1,
        logging_dir=str(tmp_path / "logs"),
    )
    executor.run()
    rows = [json.loads(line) for line in (tmp_path / "out" / "clean.jsonl").read_text().splitlines()]
    assert [r["id"] for r in rows] == ["doc0", "doc1", "doc2", "doc4"]  # a page with nothing left is dropped
    assert [r["text"] for r in rows] == [cleaner.clean(pages[i]) for i in (0, 1, 2, 4)]
    assert rows[0]["metadata"]["url"] == "http://e.org/0"
    assert rows[1]["metadata"]["cleaner_removals"] == dict(cleaner.clean_and_explain(TEXT_PAGE).removals())
    stats = json.loads((tmp_path / "logs" / "stats" / "00000.json").read_text())
    step = next(s for s in stats if "cleaner" in s["name"])
    assert step["stats"]["total"] == 5 and step["stats"]["forwarded"] == 4 and step["stats"]["dropped"] == 1


def test_datatrove_step_counts_a_failing_document_and_goes_on() -> None:
    need("datatrove", reason="the datatrove extra is not installed")
    from datatrove.data import Document

    from cleaner.integrations.datatrove import CleanerStep

    step = CleanerStep(max_bytes=300)
    texts = {"a": numbered_page(1), "big": "x" * 1000, "c": TEXT_PAGE}
    docs = [Document(text=text, id=ident) for ident, text in texts.items()]
    out = list(step.run(iter(docs)))
    assert [d.id for d in out] == ["a", "c"]
    assert step.stats["clean_error"].total == 1


def test_integrations_read_a_bad_rule_file_when_built_not_per_page(tmp_path: Path) -> None:
    need("datatrove", reason="the datatrove extra is not installed")
    need("pyspark", reason="the spark extra (pyspark) is not installed")
    from cleaner.integrations.datatrove import CleanerStep
    from cleaner.integrations.spark import clean_udf

    bad = tmp_path / "rules.toml"
    bad.write_text('version = 1\n[[rules]]\nid = "x"\nphrase = "donate"\naction = "hide"\n')
    with pytest.raises(RuleError, match="unknown action 'hide'"):
        CleanerStep(rules=bad)
    with pytest.raises(RuleError, match="unknown action 'hide'"):
        clean_udf(rules=bad)


@pytest.fixture(scope="module")
def spark() -> Iterator[Any]:
    need("pyspark", reason="the spark extra (pyspark) is not installed")
    need("pyarrow", reason="pandas UDFs need pyarrow (spark extra)")
    if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
        stop = pytest.fail if REQUIRE_EXTRAS else pytest.skip
        stop("Spark needs Java 17 (apt-get install openjdk-17-jre-headless; .ci/run installs it)")
    from pyspark.sql import SparkSession

    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)  # the workers use this interpreter and its cleaner
    session = (
        SparkSession.builder.master("local[2]")
        .appName("cleaner-test")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.driver.memory", "1g")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


def test_spark_pandas_udf_on_two_local_cores(spark: Any) -> None:
    from cleaner.integrations.spark import clean_udf

    pages = [ARTICLE, TEXT_PAGE, None, numbered_page(3), numbered_page(4)]
    df = spark.createDataFrame([(i, p) for i, p in enumerate(pages)], "id int, page string").repartition(2)
    rows = df.withColumn("text", clean_udf()("page")).orderBy("id").collect()
    assert [r["text"] for r in rows] == [None if p is None else cleaner.clean(p) for p in pages]
    rules = Path(__file__).parent.parent / "docs" / "examples" / "rules.toml"  # it drops the captions filter
    captioned = [numbered_page(5) + "\nPhoto: Jane Doe/Reuters\n\nA second paragraph adds what the farmers said.\n"]
    df = spark.createDataFrame([(0, captioned[0])], "id int, page string")
    row = df.withColumn("text", clean_udf(rules=str(rules))("page")).collect()[0]
    assert row["text"] == cleaner.clean(captioned[0], rules=rules) != cleaner.clean(captioned[0])


def test_spark_explain_udf_on_binary_pages_reports_errors(spark: Any) -> None:
    from cleaner.integrations.spark import clean_udf

    pages = [gzip.compress(b"not a page") * 3, TEXT_PAGE.encode(), b"x" * 2000]
    df = spark.createDataFrame([(i, p) for i, p in enumerate(pages)], "id int, page binary")
    udf = clean_udf(explain=True, max_bytes=1000)
    rows = df.select("id", udf("page").alias("c")).orderBy("id").collect()
    assert rows[1]["c"]["text"] == cleaner.clean(TEXT_PAGE)
    assert rows[1]["c"]["removals"] == dict(cleaner.clean_and_explain(TEXT_PAGE).removals())
    assert rows[2]["c"]["text"] is None and "InputTooLarge" in rows[2]["c"]["error"]
    assert rows[0]["c"]["error"] is None and rows[0]["c"]["text"] == cleaner.clean(pages[0], max_bytes=1000)
