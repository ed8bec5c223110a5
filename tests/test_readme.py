"""The README documents every table and column of the schema, and its Quick start is what CI
runs: both drift silently unless a test compares them."""

from __future__ import annotations

import re
from pathlib import Path

import pyarrow as pa
import pytest

from flows.schema import PARTITION_COLUMN, TABLES

PROJECT = Path(__file__).resolve().parents[1]
README = (PROJECT / "README.md").read_text(encoding="utf-8")


def section(text: str, heading: str) -> str:
    """The body of a `## heading` section, up to the next `## ` heading."""
    match = re.search(rf"^## {re.escape(heading)}\n(.*?)(?=^## |\Z)", text, re.M | re.S)
    assert match, f"README has no '## {heading}' section"
    return match.group(1)


def table_section(table_name: str) -> str:
    dataset = section(README, "Dataset")
    match = re.search(rf"^### `{table_name}`.*?\n(.*?)(?=^### |\Z)", dataset, re.M | re.S)
    assert match, f"README's Dataset section has no '### `{table_name}`' heading"
    return match.group(1)


def documented_columns(table_name: str) -> dict[str, str]:
    """column -> documented type, from the rows of the table's markdown table."""
    rows = re.findall(r"^\| `(\w+)` \| ([^|]+) \|", table_section(table_name), re.M)
    return {name: doc_type.strip() for name, doc_type in rows}


def type_name(arrow_type: pa.DataType) -> str:
    if pa.types.is_timestamp(arrow_type):
        return f"timestamp[{arrow_type.unit}, {arrow_type.tz}]"
    if pa.types.is_floating(arrow_type):
        return f"float{arrow_type.bit_width}"
    if pa.types.is_list(arrow_type):
        return f"list&lt;{arrow_type.value_type}&gt;"
    return str(arrow_type)


@pytest.mark.parametrize("table_name", sorted(TABLES))
def test_every_column_is_documented_with_its_type(table_name: str) -> None:
    documented = documented_columns(table_name)
    schema = TABLES[table_name]
    assert list(documented) == schema.names
    for schema_field in schema:
        assert documented[schema_field.name] == type_name(schema_field.type), schema_field.name


def test_dataset_section_explains_partitioning_and_compression() -> None:
    dataset = section(README, "Dataset")
    assert f"{PARTITION_COLUMN}=" in dataset and "zstd" in dataset
    assert "union_by_name = true" in dataset


def quick_start_commands() -> list[str]:
    block = re.search(r"```(?:bash)?\n(.*?)```", section(README, "Quick start"), re.S)
    assert block, "the Quick start section has no code block"
    return [line for line in block.group(1).splitlines() if line.strip()]


def test_quick_start_is_two_commands_install_and_ingest_then_test() -> None:
    install, run_tests = quick_start_commands()
    assert 'pip install -e ".[dev]"' in install
    assert "newsclean ingest seeds/" in install and "output/" in install
    assert "pytest" in run_tests


def test_ci_runs_the_readme_test_command() -> None:
    _, run_tests = quick_start_commands()
    ci_lines = (PROJECT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert ci_lines[-1] == run_tests
    assert "set -euo pipefail" in ci_lines
