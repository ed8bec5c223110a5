"""Where the article's main run of prose is chosen (cleaners/steps/structure.py).

Each page puts a competing run of text next to the real article, the way real pages do:
a teaser list whose every headline carries a date, a comment thread longer than the
article, another post's excerpt after the post's own meta line.
"""

from __future__ import annotations

import pytest

from tests.cleaning_helpers import (
    ARTICLES,
    assert_kept,
    assert_removed,
    clean_lines,
    clean_plain,
    in_body,
)

ARTICLE = ARTICLES["en"]

TEASERS = [
    ("Lifeboat crew rescues two kayakers off Skerry Head", "12 March 2024"),
    ("Fish plant workers vote on new shift pattern", "11 March 2024"),
    ("Ferry fares to rise by five percent from June", "9 March 2024"),
    ("Council approves plans for new harbour wall", "8 March 2024"),
    ("School bus timetable changes after the Easter break", "6 March 2024"),
    ("Museum reopens its maritime gallery to visitors", "5 March 2024"),
    ("New lighthouse keeper's cottage to become a cafe", "3 March 2024"),
    ("Storm damage repairs on the north pier completed", "1 March 2024"),
    ("Harbour festival returns with a longer programme", "28 February 2024"),
    ("Local sailing club celebrates its centenary year", "27 February 2024"),
]

COMMENTS = [
    "I have taken this ferry for years and I am glad it is back, although I still think "
    "the port authority should explain why the repairs took so long and why nobody told "
    "passengers about the delays until the very last minute, which made planning hard.",
    "The detour by road was awful for everyone working early shifts at the plants, and the "
    "buses were always full by the second stop, so many of us had to drive and pay for "
    "parking, which is not cheap at all when you do it every single day of the week.",
    "Twice the original estimate is not a surprise to anyone who has ever worked on a boat "
    "of that age, and I would bet the final bill will be higher still once the training "
    "and the reduced timetable are counted, but it is still cheaper than a new vessel.",
    "Good news for the town, and good to hear the crew are being trained properly on the "
    "new controls before the full service starts, because the last thing anyone wants is "
    "another breakdown in the middle of the estuary with a full load of passengers.",
    "Let us hope the new engines are more reliable than the old ones were, and that the "
    "authority keeps a spare part or two in stock this time instead of waiting for a "
    "shipment from Finland while the whole north shore waits and takes the long way round.",
    "My daughter starts at the plant next month and was dreading the drive, so this is a "
    "relief for our family, though I do wonder whether the reduced timetable will leave "
    "room for the early shift or whether she will still need a lift for the first weeks.",
    "Four months without a crossing showed how much the town depends on one old boat, and "
    "the council should now start planning for a second vessel, because the next winter "
    "storm could just as easily take this one out of service again for half a year or more.",
    "Nice to see a positive story for once, and credit to the mechanics who worked through "
    "the coldest months of the year in an open yard to get the engines fitted, because that "
    "cannot have been pleasant work and they rarely get thanked for any of it by anyone.",
]


def test_a_teaser_list_with_a_date_under_each_headline_is_not_the_article() -> None:
    teaser_lines = [line for teaser in TEASERS for line in teaser]
    result = clean_lines(ARTICLE.title, *ARTICLE.paragraphs, teaser_lines)
    assert_kept(result, *ARTICLE.paragraphs)
    for headline, _ in TEASERS:
        assert not in_body(result, headline), headline


def test_a_comment_thread_longer_than_the_article_does_not_replace_it() -> None:
    short_article = ARTICLE.paragraphs[:3]
    result = clean_lines(ARTICLE.title, *short_article, "5 Comments", *COMMENTS)
    assert_kept(result, *short_article)
    for comment in COMMENTS:
        assert not in_body(result, comment), comment


@pytest.mark.parametrize(
    "header",
    [
        "2 thoughts on “Harbour ferry returns to service”",
        "One thought on “Harbour ferry returns to service”",
        "8 Gedanken zu „Fähre fährt wieder“",
        "3 réflexions sur « Le bac reprend du service »",
        "5 commenti su “Il traghetto riparte”",
    ],
)
def test_a_blog_comment_header_ends_the_article(header: str) -> None:
    """Blog software titles a comment section "N thoughts on “Post title”" in each
    language; the comments after it are not the article, however long they are."""
    short_article = ARTICLE.paragraphs[:3]
    result = clean_lines(ARTICLE.title, *short_article, header, *COMMENTS)
    assert_removed(result, header, "comments")
    assert_kept(result, *short_article)
    for comment in COMMENTS:
        assert not in_body(result, comment), comment


def test_another_post_after_the_post_meta_line_is_not_part_of_the_article() -> None:
    other_post = (
        "Previous post: The harbour festival committee met on Thursday to agree the "
        "programme for the summer, which will include a longer regatta, two evening "
        "concerts on the quay and a craft market along the sea wall, and the organisers "
        "said they expected more visitors than last year because the ferry is running "
        "again and the car park by the old fish market has finally been resurfaced."
    )
    result = clean_lines(
        ARTICLE.title,
        *ARTICLE.paragraphs,
        "This entry was posted in Harbour News and tagged ferry. Bookmark the permalink.",
        other_post,
    )
    assert_kept(result, *ARTICLE.paragraphs)
    assert not in_body(result, other_post)


def test_a_paragraph_in_another_language_that_opens_the_article_stays() -> None:
    """Judged by the page's English stop list a French paragraph reads as noise; judged by
    its own it is prose, and it opens the article, so it stays."""
    french = (
        "« Nous attendions ce bateau depuis des mois, et tout le quartier nord en dépendait "
        "pour aller travailler », a déclaré une habitante venue de l'autre rive du fleuve."
    )
    result = clean_lines(ARTICLE.title, french, *ARTICLE.paragraphs)
    assert_kept(result, french, *ARTICLE.paragraphs)


def test_a_figure_line_above_the_article_is_not_its_title() -> None:
    """A measurement between the headline and the body is not a headline, however near
    the body it sits: the headline above it is."""
    headline = "Harbour ferry is back"
    for figure in ("488,90 g", "104 cm", "2.5x"):
        result = clean_lines(headline, figure, *ARTICLE.paragraphs)
        assert result.metadata.title == headline, figure


def test_a_headline_with_a_number_is_still_a_headline() -> None:
    for headline in ("Windows 11 arrives on older laptops", "Monstergespräche #1"):
        result = clean_lines(headline, *ARTICLE.paragraphs)
        assert result.metadata.title == headline


GERMAN = ARTICLES["de"]
# Two more paragraphs, so the German article is as long as a short news story.
GERMAN_BODY = (
    *GERMAN.paragraphs,
    "Für Gewerbekunden gelten eigene Preise, die der Versorger im Mai neu festlegen will. "
    "Betriebe mit hohem Verbrauch sollen vorab ein Angebot erhalten, kündigte Oltmanns an, "
    "damit sie ihre Kosten für das zweite Halbjahr planen können.",
    "Im Stadtrat stieß die Ankündigung auf geteiltes Echo. Die Opposition forderte, die "
    "Stadtwerke sollten einen Teil ihres Gewinns aus dem vergangenen Jahr an die Kunden "
    "zurückgeben, statt ihn in den Ausbau des Fernwärmenetzes zu stecken.",
)


def test_an_author_bio_behind_the_author_box_is_not_part_of_the_article() -> None:
    """After the article, pages print its topic tags and the author's name and role, then
    the author's bio as prose: that paragraph alone must not pull the run over the box."""
    bio = (
        "Schreibt seit 2011 über Verkehr, Energie und Stadtentwicklung. Lebt mit ihrer "
        "Familie am Stadtrand, fährt trotzdem jeden Tag mit dem Rad in die Redaktion und "
        "beschäftigt sich mit der Frage, wie Städte ohne Autos funktionieren können."
    )
    author_box = [
        "Schwerpunkt Verkehrswende",
        "Verkehr",
        "Stadtentwicklung",
        "Kommentar von",
        "Jana Holm",
        "Redakteurin für Verkehr und Umwelt",
    ]
    result = clean_lines(GERMAN.title, *GERMAN_BODY, author_box, bio)
    assert_kept(result, *GERMAN_BODY)
    assert not in_body(result, bio)


def test_a_closing_section_behind_a_long_list_stays() -> None:
    """A list of short items inside an article is as long as an author box; the prose
    after it is the article's own closing section when it is long."""
    items = ["Kiel", "Lübeck", "Flensburg", "Neumünster", "Husum", "Heide", "Itzehoe"]
    closing = (
        "In allen sieben Städten gilt der neue Tarif ab dem ersten Januar. Wer bereits einen "
        "Vertrag mit fester Laufzeit hat, wird nach Angaben des Versorgers schriftlich "
        "informiert und kann bis Ende Februar ohne Gebühren in den günstigeren Tarif "
        "wechseln. Die Verbraucherzentrale rät, die Abschläge zu prüfen, weil viele Kunden "
        "noch nach den Preisen des vergangenen Winters zahlen und damit dem Versorger über "
        "Monate Geld vorstrecken, das sie erst mit der Jahresabrechnung zurückbekommen."
    )
    result = clean_lines(GERMAN.title, *GERMAN_BODY, items, closing)
    assert_kept(result, *GERMAN_BODY, *items, closing)


RECIPE_STEPS = (
    "Den Backofen auf 180 Grad vorheizen. Mehl, Zucker und die kalte Butter in kleinen "
    "Stücken mit den Händen zu einem glatten Teig verkneten und eine halbe Stunde kühlen.",
    "Den Teig ausrollen, in eine gefettete Springform legen und dabei einen Rand hochziehen. "
    "Die Äpfel schälen, in dünne Spalten schneiden und dicht an dicht auf dem Boden verteilen.",
    "Den Kuchen etwa 45 Minuten backen, bis der Rand goldbraun ist, und vor dem Anschneiden "
    "vollständig auskühlen lassen. Dazu passt leicht gesüßte Schlagsahne.",
)


def test_an_ingredient_list_above_the_method_belongs_to_the_recipe() -> None:
    """Ingredients are short lines, so the prose run starts at the method; a list of
    quantities just above it is pulled in, with its "Für den Teig:" header."""
    ingredients = [
        "Für den Teig:",
        "250 g Mehl",
        "125 g Butter",
        "2 EL Zucker",
        "1 Prise Salz",
        "Für den Belag:",
        "4 Äpfel",
        "½ TL Zimt",
    ]
    result = clean_lines("Einfacher Apfelkuchen vom Blech", ingredients, *RECIPE_STEPS)
    assert_kept(result, *ingredients, *RECIPE_STEPS)


def test_a_numbered_headline_list_above_an_article_is_not_a_quantity_list() -> None:
    """Numbers alone are not quantities: a ranked list of headlines stays out."""
    ranked = [
        "1 Ferry fares to rise by five percent",
        "2 Council approves new harbour wall",
        "3 Museum reopens maritime gallery",
        "4 Storm repairs on north pier completed",
    ]
    result = clean_lines(ranked, ARTICLE.title, *ARTICLE.paragraphs)
    assert_kept(result, *ARTICLE.paragraphs)
    for headline in ranked:
        assert not in_body(result, headline), headline


RELATED_BOX = [
    "Related",
    "Council approves plans for new harbour wall",
    "Storm damage repairs on the north pier completed",
    "Museum reopens its maritime gallery to visitors",
]


def test_a_comments_link_above_the_article_does_not_start_a_comment_section() -> None:
    """Prose after a comment section counts half. A "Comments" link in the menu, above any
    prose, starts no comment section: the article after a related box still counts."""
    result = clean_lines(
        ["News", "Sport", "Comments", "Weather"],
        ARTICLE.title,
        *ARTICLE.paragraphs[:3],
        RELATED_BOX,
        *ARTICLE.paragraphs[3:],
    )
    assert_kept(result, *ARTICLE.paragraphs)


def test_a_comments_button_in_the_share_bar_does_not_start_a_comment_section() -> None:
    standfirst = (
        "Mechanics replaced both diesel engines and rebuilt the steering gear that failed "
        "in a November storm, at twice the estimated cost."
    )
    result = clean_lines(
        ARTICLE.title,
        standfirst,
        ["Email", "Copy link", "Comments"],
        *ARTICLE.paragraphs[:3],
        RELATED_BOX,
        *ARTICLE.paragraphs[3:],
    )
    assert_kept(result, *ARTICLE.paragraphs)


def test_the_paragraph_after_a_headline_only_box_is_not_its_last_blurb() -> None:
    """A "Related" box of bare headlines inside the article: the one-sentence paragraph
    after its last headline is the article going on, not that headline's blurb."""
    result = clean_lines(
        ARTICLE.title, *ARTICLE.paragraphs[:2], RELATED_BOX, *ARTICLE.paragraphs[2:]
    )
    assert_kept(result, *ARTICLE.paragraphs)
    for headline in RELATED_BOX[1:]:
        assert not in_body(result, headline), headline


def test_a_web_archive_banner_above_an_archived_page_is_not_its_article() -> None:
    """An archived page opens with the archive's banner, whose "About this capture" box
    describes the crawl in prose; the page's own article stays the article."""
    banner = [
        "12 captures",
        "03 Feb 2016 - 19 Nov 2021",
        "About this capture",
        "COLLECTED BY",
        "Organization: Internet Archive",
        "These crawls are part of an effort to archive pages as they are created and archive "
        "the pages that they refer to. That way, as the pages that are referenced are changed "
        "or taken from the web, a link to the version that was live when the page was written "
        "will be preserved.",
        "Collection: News sites and the pages they link to",
        "This collection holds pages from regional news sites and the external pages they "
        "link to, captured several times a year since the archive started crawling them.",
        "TIMESTAMPS",
    ]
    result = clean_lines(banner, ARTICLE.title, *ARTICLE.paragraphs[:2])
    assert_kept(result, *ARTICLE.paragraphs[:2])
    for line in banner:
        assert not in_body(result, line), line
    assert_removed(result, "About this capture", "page_furniture")


STANDFIRST = (
    "What the crew had hoped for since the storm in November was confirmed by the port "
    "authority on Friday morning"
)


def test_a_headline_above_its_standfirst_is_the_title_and_the_standfirst_stays() -> None:
    """Headline, dateline, then a long standfirst without a full stop: the standfirst is
    shaped like a headline too, but the line above it, across the dateline, is the
    headline, as it would be right on top of its standfirst."""
    headline = "Harbour ferry is back in service after a long winter of repairs"
    result = clean_lines(headline, "14.03.2025", STANDFIRST, *ARTICLE.paragraphs)
    assert result.metadata.title == headline
    assert_kept(result, STANDFIRST, *ARTICLE.paragraphs)


def test_a_site_name_above_a_long_headline_is_not_the_title() -> None:
    """A long headline under the site name and a breadcrumb stays the title."""
    long_headline = (
        "Harbour ferry returns to service after a winter of engine repairs and a long "
        "dispute over the cost"
    )
    result = clean_lines(
        "The Gullhaven Gazette", "News > Local > Harbour", long_headline, *ARTICLE.paragraphs
    )
    assert result.metadata.title == long_headline


def test_a_code_listing_inside_a_technical_post_does_not_cut_it() -> None:
    """A code block reads as noise to the prose measures; between two paragraphs of a
    technical post it must not split the article."""
    before = (
        "Python keeps a single copy of every small integer, so two names bound to the number "
        "five point at the same object. You can see it by reading the memory behind an id."
    )
    code = (
        "import ctypes def deref(addr, type_): return ctypes.cast(addr, "
        "ctypes.POINTER(type_)) deref(id(29), ctypes.c_int)[6] = 100"
    )
    after = (
        "Note that depending on the version of Python the value may sit at another offset "
        "in memory."
    )
    result = clean_lines("Interning of small integers in Python", before, code, after)
    assert_kept(result, before, code, after)


def test_a_post_of_short_sections_between_lists_keeps_its_last_sections() -> None:
    """Each section of this post is short and follows a list of short lines, as an
    appendix would; but no large body comes before them, so none is an appendix."""
    towns = [
        "Kiel", "Lübeck", "Flensburg", "Husum", "Heide", "Itzehoe", "Hamburg", "Bremen",
        "Hannover", "Lüneburg", "Celle", "Uelzen", "Rostock", "Wismar", "Schwerin", "Güstrow",
    ]  # fmt: skip
    parts: list = ["Nachtbusse im Norden: wo sie ab wann fahren"]
    paragraphs = []
    for town in towns[:8]:
        stops = [f"{town} {stop}" for stop in ("Bahnhof", "Markt", "Hafen", "Klinik", "Uni")]
        paragraph = (
            f"{town} bekommt ab April zwei Nachtlinien, die auch am Wochenende fahren; "
            f"der Verkehrsverbund rechnet dort mit {len(town) * 40} Fahrgästen pro Nacht."
        )
        parts += [[*stops, "Fahrplan"], paragraph]
        paragraphs.append(paragraph)
    result = clean_lines(*parts)
    assert_kept(result, *paragraphs)


DONATION_BOX = [
    "Our newsroom has stayed open all night so that you know which roads are closed. This "
    "coverage is free to everyone because some readers choose to pay for it.",
    "Become a supporter today",
]


def test_a_short_donation_box_inside_a_live_blog_does_not_cut_it() -> None:
    """A box with its own appeal prose, set between two updates, is a soft boundary: the
    updates on both sides stay and the box goes. As a hard boundary it kept only the
    longer side, since the header above the first updates is too long for them to be
    read as its standfirst."""
    header = [
        "Live: storm closes the harbour road",
        "By Staff reporters",
        "Key developments",
        "- The harbour road is closed in both directions",
        "- Ferries are cancelled until Friday",
        "- Schools in the valley are closed",
        "- Two shelters are open in the town hall",
        "- Power is out in 4,000 homes",
        "- Bus routes 3 and 7 are suspended",
        "- The bridge to the island is open to emergency traffic only",
    ]
    first, second, *rest = ARTICLE.paragraphs
    updates = [["9:41 a.m.", first], ["9:12 a.m.", second]]
    later = [["8:30 a.m.", paragraph] for paragraph in rest]
    result = clean_lines(*header, *updates, DONATION_BOX, *later)
    assert_kept(result, *ARTICLE.paragraphs)
    for line in DONATION_BOX:
        assert assert_removed(result, line).kind == "donation_appeal"


def test_a_lone_donation_header_still_ends_the_article() -> None:
    """A header alone ("Support our journalism") opens a letter whose lines the cues may
    not all catch: the text after it is not the article."""
    letter = (
        "For twenty years we have reported on this valley without owners or sponsors, and "
        "every month we ask the people who read us to keep it that way with a small sum."
    )
    result = clean_lines(ARTICLE.title, *ARTICLE.paragraphs, "Support our journalism", letter)
    assert_kept(result, *ARTICLE.paragraphs)
    assert not in_body(result, letter)


def test_a_long_question_headline_is_the_title_not_the_first_paragraph() -> None:
    """A question headline of 15 words weighs as prose. With no other headline above it,
    it is the page's headline, on the page and again when its clean text is re-read."""
    headline = (
        "Should the town spend 6.8 million pounds on a harbour ferry that is older than most "
        "of its passengers?"
    )
    dek = (
        "Voters decide on 14 September whether the 1961 vessel is rebuilt or retired for good. "
        "The council is split."
    )
    result = clean_lines(
        "THE GULLHAVEN GAZETTE", headline, dek, "By Rhona Keillor", "3 September 2025",
        *ARTICLE.paragraphs,
    )  # fmt: skip
    assert result.metadata.title == headline
    assert_kept(result, dek, *ARTICLE.paragraphs)
    again = clean_plain(result.article)
    assert again.metadata.title == headline
    assert again.paragraphs == result.paragraphs


def test_a_list_of_phone_numbers_before_the_last_paragraph_stays() -> None:
    """Numbered items under "... call:" are the article's list, not a gap after which
    the last paragraph would read as an appendix."""
    numbers = [
        "101 - fire and rescue service",
        "102 - police",
        "103 - ambulance",
        "1545 - government hotline",
    ]
    closing = (
        "Officials asked drivers not to cross flooded roads and residents of the lower "
        "villages to boil well water until further notice."
    )
    result = clean_lines(
        ARTICLE.title, *ARTICLE.paragraphs, "Where to get help",
        "If your house is flooded or you need help to leave it, call:", numbers, closing,
    )  # fmt: skip
    assert_kept(result, *ARTICLE.paragraphs, *numbers, closing)


def test_a_subscribe_button_under_a_newsletter_box_does_not_end_the_article() -> None:
    """ "Subscribe" is a paywall label too. Alone, under a newsletter box in the middle of
    the article, it must not cut the article in two as a paywall notice would."""
    before, after = ARTICLE.paragraphs[:3], ARTICLE.paragraphs[3:]
    box = [
        "Harbour Weekly: the week's news from the quays, every Friday.",
        "Enter your email",
        "Subscribe",
    ]
    result = clean_lines(ARTICLE.title, "By Rhona Keillor", *before, box, *after)
    assert_kept(result, *ARTICLE.paragraphs)
    for line in box:
        assert_removed(result, line)


def test_a_headline_saying_billed_is_not_a_paywall() -> None:
    headline = "Smart meters billed 870 homes twice after a software update"
    result = clean_lines(headline, "By Rhona Keillor", *ARTICLE.paragraphs)
    assert result.metadata.title == headline
