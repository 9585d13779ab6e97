"""PySpark local[2]: mapInArrow over the sample and over a news part file
gives the documents of `zhnews extract`, count and content."""

from __future__ import annotations

import os
import shutil
import sys

import pytest

from conftest import NEWS_PART, SAMPLE, by_id, cli_documents, need

INPUT_SCHEMA = "id string, text string, date string"


@pytest.fixture(scope="module")
def spark():
    need(shutil.which("java") is not None, "no java on PATH: the Spark tests need Java 17")
    try:
        from pyspark.sql import SparkSession
    except ImportError as e:
        need(False, f"pyspark is not installed ({e})")
    # workers must run this Python, where zhnews is installed, and Spark
    # must not bind to a non-loopback address
    os.environ["PYSPARK_PYTHON"] = sys.executable
    os.environ["PYSPARK_DRIVER_PYTHON"] = sys.executable
    os.environ["SPARK_LOCAL_IP"] = "127.0.0.1"
    session = (
        SparkSession.builder.master("local[2]")
        .appName("zhnews-py tests")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


def test_sample_in_spark_equals_the_cli(spark):
    import zhnews.spark as zs

    df = spark.read.schema(INPUT_SCHEMA).json(str(SAMPLE)).repartition(2)
    assert df.rdd.getNumPartitions() == 2
    out = df.mapInArrow(zs.map_in_arrow, zs.SPARK_SCHEMA).toArrow()
    assert out.num_rows == 6
    cli = by_id(cli_documents(SAMPLE))
    got = by_id(zs.documents(out))
    assert sorted(got) == ["s1", "s2", "s3", "s4", "s5", "s6"]
    assert got == cli
    assert got["s1"]["claims"][0]["value"]["value"] == "88900000000"


def test_news_part_in_spark_to_parquet_equals_the_cli(spark, tmp_path):
    need(NEWS_PART.exists(), f"{NEWS_PART} is absent (set ZHNEWS_SHARED to the shared folder)")
    import pyarrow.parquet as pq

    import zhnews.spark as zs

    # a 3 MB file is one partition: spread it over both cores
    df = spark.read.schema(INPUT_SCHEMA).json(str(NEWS_PART)).repartition(4)
    out = df.mapInArrow(zs.map_in_arrow, zs.SPARK_SCHEMA)
    out.write.mode("overwrite").parquet(str(tmp_path / "docs"))
    parts = sorted((tmp_path / "docs").glob("part-*.parquet"))
    assert len(parts) == 4
    table = pq.read_table(tmp_path / "docs")
    assert table.num_rows == 590
    assert table.schema.names == ["id", "error", "quantities", "times", "entities", "claims"]
    assert table.column("error").null_count == 590
    cli = by_id(cli_documents(NEWS_PART))
    got = by_id(zs.documents(table))
    assert len(cli) == len(got) == 590
    assert sorted(got) == sorted(cli)
    for key in cli:
        assert got[key] == cli[key], key
