#!/usr/bin/env bash
# CI of the Python package: builds the wheel (maturin, sharing the
# workspace's target/), installs it into a fresh venv with what the tests
# need from PyPI, and runs pytest: the bindings, the Arrow helper, and a
# local[2] Spark job checked against `zhnews extract`. .ci/run calls it as
# `bash zhnews-py/ci.sh`; it runs alone too (from anywhere).
#
# Under CI=true a test that cannot run (no Java, no pyspark, no shared news
# part file) fails instead of being skipped.
set -euxo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

python="${PYTHON:-python3}"
venv="${ZHNEWS_PY_VENV:-${TMPDIR:-/tmp}/zhnews-py-ci-venv}"
"$python" -m venv --clear "$venv"
py="$venv/bin/python"
# pyspark's mapInArrow wants pandas (>= 2.2, and it warns on 3.x)
"$py" -m pip install --quiet --disable-pip-version-check --no-compile \
  "maturin>=1.9.4,<2" "pytest>=7" "pyarrow>=14" "pyspark>=3.5,<5" "pandas>=2.2,<3" "mypy>=1.10"

# the CLI whose output the tests compare with: default features, as
# .ci/run's `cargo run --release` built it just before (then a no-op)
cargo build --release -p zhnews-cli

wheels="$(mktemp -d)"
trap 'rm -rf "$wheels"' EXIT
"$venv/bin/maturin" build --release --manifest-path zhnews-py/Cargo.toml \
  --interpreter "$py" --out "$wheels"
"$py" -m pip install --quiet --disable-pip-version-check --no-deps "$wheels"/zhnews-*.whl

# the README's first line of Python, from outside the source tree
(cd "$wheels" && "$py" -c "import zhnews; print(zhnews.Analyzer().analyze('营收 889 亿元，同比增长 32%'))")

# the type stubs against the built module, the Python code under --strict
(cd "$wheels" && "$py" -m mypy.stubtest --mypy-config-file "$root/zhnews-py/pyproject.toml" zhnews)
"$py" -m mypy --config-file zhnews-py/pyproject.toml --strict zhnews-py/python/zhnews

# Spark on loopback only, its workers on this venv's Python
export SPARK_LOCAL_IP=127.0.0.1 PYSPARK_PYTHON="$py" PYSPARK_DRIVER_PYTHON="$py"
"$py" -m pytest -rs -p no:cacheprovider zhnews-py/tests
