"""Benchmarks of newsclean against the bare tools and simple baselines.

Run from the repository root with the project's venv, for example
`.venv/bin/python -m benchmarks.quality`. Each benchmark takes the shared data directory as an
argument (default `../shared`); none of them is part of the test suite.
"""
