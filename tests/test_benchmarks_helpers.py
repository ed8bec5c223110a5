"""The benchmark helpers that decide figures: the C4 baseline, the HTML text dump, corpus
variation, sentence cutting and report formatting. No shared data, no Prefect, no timing."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks.baselines import (
    c4_filter,
    c4_keep_line,
    count_sentences,
    html_to_lines,
    keep_everything,
    lines_to_html,
)
from benchmarks.common import markdown_table, process_role
from benchmarks.corpus import HTML, SHARD_SIZE, TEXT, build_corpus, vary_html, vary_text
from benchmarks.detectors import declared_language, first_sentence

PROSE_LINES = [
    "The council approved the budget on Tuesday after a long debate.",
    "Residents asked for more evidence before the vote.",
    "The mayor promised to publish figures every quarter!",
    "Would the plan survive the winter?",
    'Officials said "yes, it will."',
]


def test_c4_keeps_punctuated_lines_of_three_words_or_more() -> None:
    assert c4_keep_line("The vote passed easily.")
    assert not c4_keep_line("Passed easily.")  # two words
    assert not c4_keep_line("Home News Sport Weather")  # no terminal punctuation
    assert not c4_keep_line("Please enable JavaScript to view the comments.")
    assert not c4_keep_line("This site uses cookies to improve your experience.")
    assert not c4_keep_line("Read more about it in our archive...")


def test_c4_drops_pages_with_few_sentences_braces_or_lorem_ipsum() -> None:
    assert c4_filter(["Menu", *PROSE_LINES, "Share this"]) == "\n".join(PROSE_LINES)
    assert c4_filter(PROSE_LINES[:3]) == ""  # fewer than five sentences
    assert c4_filter([*PROSE_LINES, "function() { return 1; }"]) == ""
    assert c4_filter([*PROSE_LINES, "Lorem ipsum dolor sit amet."]) == ""


def test_sentences_are_counted_by_their_ends() -> None:
    assert count_sentences("One. Two! Three? «Four.» Five…") == 5


def test_keep_everything_drops_only_blank_lines() -> None:
    assert keep_everything(["  a ", "", "b"]) == "a\nb"


def test_html_dump_has_one_line_per_block_and_no_scripts() -> None:
    page = (
        "<html><head><title>T</title><style>p{}</style></head><body>"
        "<nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
        "<p>First <b>bold</b> para.</p><script>var x = 1;</script><div>Second<br>line</div>"
        "<!-- a comment --></body></html>"
    )
    assert html_to_lines(page) == ["T", "Home News", "First bold para.", "Second", "line"]
    assert html_to_lines("") == []


def test_text_lines_become_escaped_paragraphs_for_justext() -> None:
    assert "<p>a &lt;b&gt; &amp; c</p>" in lines_to_html(["a <b> & c", ""])


def test_text_variation_marks_the_longest_line() -> None:
    varied = vary_text(b"Title\nA much longer body line.\nEnd", 42)
    assert varied == b"Title\nA much longer body line. (Ref. 0000042.)\nEnd"


def test_html_variation_goes_inside_the_first_paragraph() -> None:
    assert vary_html(b"<p>a</p><p>b</p>", 7) == b"<p>a (Ref. 0000007.)</p><p>b</p>"
    assert vary_html(b"<div>x</div></BODY>", 7) == b"<div>x</div> (Ref. 0000007.)</BODY>"
    assert vary_html(b"<div>x</div>", 7).endswith(b"<p> (Ref. 0000007.)</p>")


def test_corpus_cycles_bases_into_unique_documents_in_shards(tmp_path: Path) -> None:
    bases = []
    for name, content in (("a.txt", b"alpha line\nx"), ("b.txt", b"beta line\ny")):
        (tmp_path / name).write_bytes(content)
        bases.append(tmp_path / name)
    corpus = build_corpus(bases, TEXT, 5, tmp_path / "corpus")
    files = list(corpus.files())
    assert [f.name for f in files] == [f"doc-000000{i}.txt" for i in range(5)]
    contents = [f.read_bytes() for f in files]
    assert len(set(contents)) == 5
    assert contents[2].startswith(b"alpha line (Ref. 0000002.)")
    assert corpus.n_bytes == sum(map(len, contents))
    with pytest.raises(ValueError):
        corpus.shards_for(SHARD_SIZE)  # more than the corpus holds
    assert build_corpus(bases, HTML, 1, tmp_path / "html").root.joinpath("00000").is_dir()


def test_first_sentence_skips_datelines_and_abbreviations() -> None:
    text = "MOSCOW (Reuters) - U.S. officials said on Friday that talks would go on. More."
    assert first_sentence(text) == (
        "MOSCOW (Reuters) - U.S. officials said on Friday that talks would go on."
    )
    assert first_sentence("ВЕРХНЕКАМСК. Теплосеть заменит трубы до конца октября. Ещё.") == (
        "ВЕРХНЕКАМСК. Теплосеть заменит трубы до конца октября."
    )


def test_declared_language_reads_the_html_element() -> None:
    assert declared_language(b'<!doctype html><html class="x" lang="de-DE">') == "de"
    assert declared_language(b"<html lang=en>") == "en"
    assert declared_language(b"<html><body lang='fr'>") is None


def test_markdown_table_and_process_roles() -> None:
    assert markdown_table(["a", "b"], [[1, "x"]]) == "| a | b |\n|---|---|\n| 1 | x |"
    assert process_role(["python", "-m", "uvicorn", "prefect.server"]) == "prefect server"
    assert process_role([".venv/bin/newsclean", "ingest", "x"]) == "flow process"
    assert process_role(["python", "-c", "from multiprocessing.spawn import spawn_main"]) == (
        "worker"
    )


def test_idempotence_check_sees_what_settling_does() -> None:
    """On a page whose first pass keeps lines a second pass removes, the check reports the
    change with settling off, none with it on, and leaves the setting as it found it."""
    from benchmarks.idempotence import check_page, total
    from cleaners import pipeline

    page = sorted((Path(__file__).parent / "data" / "clean" / "settle").glob("*.txt"))[0]
    shipped = pipeline.MAX_SETTLE_PASSES
    settled, one_pass = check_page((page, shipped)), check_page((page, 0))
    assert shipped == pipeline.MAX_SETTLE_PASSES
    assert (settled.articles, settled.changed, settled.settled) == (1, 0, 1)
    assert settled.settled_chars > 0
    assert (one_pass.changed, one_pass.settled) == (1, 0)
    assert total([settled, one_pass]).articles == 2


def test_cleaners_ab_side_imports_the_cleaners_of_the_root_it_is_given(tmp_path: Path) -> None:
    """A side runs in a fresh process from the root it names: here a copy of the cleaners
    whose `clean` was made to raise, which must surface, so the side cannot have measured
    this checkout's cleaners instead."""
    import shutil
    import subprocess

    from benchmarks.cleaners_ab import run_side

    page = tmp_path / "page.txt"
    page.write_text("\n\n".join(PROSE_LINES), encoding="utf-8")
    project = Path(__file__).resolve().parents[1]
    timings = run_side(project, {"one": [str(page)]})
    assert set(timings) == {"one"} and timings["one"] > 0
    broken = tmp_path / "broken"
    shutil.copytree(project / "cleaners", broken / "cleaners")
    pipeline = broken / "cleaners" / "pipeline.py"
    pipeline.write_text(
        pipeline.read_text(encoding="utf-8") + "\n\ndef clean(*_a, **_k):\n    raise OSError\n",
        encoding="utf-8",
    )
    with pytest.raises(subprocess.CalledProcessError):
        run_side(broken, {"one": [str(page)]})


def test_bare_trafilatura_in_processes_extracts_every_page_once(tmp_path: Path) -> None:
    """All pages are shared out (more processes than pages too), and a failing process
    is an error, not a hang or a silently smaller count."""
    from benchmarks.timing import bare_trafilatura_in_processes

    pages = []
    for number in range(3):
        page = tmp_path / f"page-{number}.html"
        page.write_text(lines_to_html(PROSE_LINES), encoding="utf-8")
        pages.append(page)
    for processes in (2, 4):
        result = bare_trafilatura_in_processes(pages, processes)
        assert result.documents == 3 and result.seconds > 0
    with pytest.raises(RuntimeError, match="failed"):
        bare_trafilatura_in_processes([*pages, tmp_path / "missing.html"], 2)


@pytest.mark.parametrize(
    ("gold", "ours", "agree"),
    [
        ("Fünf HR-Trends 2023", "Fünf HR-Trends 2023", True),
        ("Daten von Rheinmetall gehackt | tagesschau.de", "Daten von Rheinmetall gehackt", True),
        ("Leadership Styles", "Business JargonsBusinessLeadership Styles", False),
        ("Bhindi masala (okra stir fry)", "Bhindi masala", False),
        ("Emden", "", False),
    ],
)
def test_htmldev_title_agreement_allows_a_site_suffix_only(
    gold: str, ours: str, agree: bool
) -> None:
    from benchmarks.quality import _fold, _titles_agree

    assert _titles_agree(_fold(gold), _fold(ours)) is agree
