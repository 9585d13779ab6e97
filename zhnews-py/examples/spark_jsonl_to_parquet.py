"""JSONL news in, zhnews documents out as Parquet, with PySpark.

    PYSPARK_PYTHON="$(which python)" SPARK_LOCAL_IP=127.0.0.1 \
        python spark_jsonl_to_parquet.py INPUT.jsonl OUTPUT_DIR

INPUT is what `zhnews extract` reads: one {"id", "text", "date"?} per line.
OUTPUT_DIR gets one Parquet file per partition, one row per input record:
id, error, quantities, times, entities, claims (zhnews.spark.SCHEMA).
"""

import sys

from pyspark.sql import SparkSession

import zhnews.spark

src, dst = sys.argv[1], sys.argv[2]
spark = (
    SparkSession.builder.appName("zhnews")
    .master("local[2]")  # or your cluster; drop it under spark-submit
    .config("spark.driver.host", "127.0.0.1")  # local runs: stay on loopback
    .config("spark.sql.execution.arrow.maxRecordsPerBatch", "1000")
    .getOrCreate()
)

docs = (
    spark.read.schema("id string, text string, date string")  # no inference pass
    .json(src)
    # a JSON file under the block size (128 MB) is one partition: spread it
    # over the cores, 2-4 partitions per core
    .repartition(4 * spark.sparkContext.defaultParallelism)
    .mapInArrow(zhnews.spark.map_in_arrow, zhnews.spark.SPARK_SCHEMA)
)
docs.write.mode("overwrite").parquet(dst)

# for instance: every amount of money, with its document
(
    spark.read.parquet(dst)
    .selectExpr("id", "explode(quantities) AS q")
    .where("q.kind = 'money'")
    # exact values are decimal strings: CAST(q.value AS DECIMAL(38, 10)) to
    # compute with them, never DOUBLE if exactness matters
    .selectExpr("id", "q.text", "q.value", "q.unit")
    .show(5, truncate=False)
)
spark.stop()
