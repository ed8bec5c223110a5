"""Prefect flows, the CLI, sources and sinks: every byte of I/O in newsclean lives here."""
