"""Run defaults shared by the CLI, the config file and the flows (a light module: the CLI
imports it before it knows whether it will need Prefect or pydantic)."""

# Each task costs Prefect about 140 ms of CPU (a settings object, two API clients, task-run
# records and events). 500 text documents take about 4 s to clean, so that is about 3%; at
# 200 documents it was 7%, and the text corpus ran 5% slower end to end. A batch also stops
# at DEFAULT_BATCH_BYTES, which is what bounds HTML batches (about 230 pages). The price is
# memory: up to two batches per worker in flight, one held back and one being filled, so
# two workers peaked at 1,840 MiB over 100k texts, against 1,499 MiB at 200 documents.
DEFAULT_BATCH_SIZE = 500
DEFAULT_BATCH_BYTES = 32 * 1024 * 1024
