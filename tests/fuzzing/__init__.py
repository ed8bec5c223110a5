"""Helpers for the hostile-input tests: hypothesis strategies, oracles and fault counters.

- `strategies`: realistic page text (sentences in several scripts, short lines, blank
  lines, URLs, odd spaces, RTL, emoji, combining marks, hyphenated and hard-wrapped lines,
  boilerplate) and arbitrary bytes/str for the cleaners and readers.
- `oracles`: independent re-statements of what the cleaner promises about its output
  (never invents text, keeps order, idempotent), written against the documented rules
  rather than by calling the code under test.
- `search`: the hypothesis settings every hostile-input test shares.
- `tally`: counts of inputs fuzzed and faults injected, reported by `tests.fault_report`.
"""
