"""Print-replica furniture: running heads, page numbers, jump lines, issue lines."""

# Source and reference lines under an article ("Quelle: Landesregierung", "Originalpublikation").
LABELS = {
    "any": [
        r"quellen(?:angaben?)?|originalpublikation|originalveröffentlichung|original publication|"
        r"sources?|references|fuentes|fontes|fonti|źródła|источники|джерела",
        # A bare "published in" label before the issue it names. ("Published on" and its
        # kin introduce a date: the header's dateline, which becomes `published_at`.)
        r"erschienen in|published in|paru dans|publié dans|publicado en|pubblicato su|"
        r"opublikowano w|publicado em",
    ],
}

PHRASES = {
    "any": [
        r"^(?:quelle|quellen|quellenangaben?|bildquelle|source|sources|fuente|fuentes|fonte|fontes|"
        r"fonti|źródło|źródła|источник|источники|джерело|джерела)\s?:"
    ],
    "en": [
        r"^page \d+(?: of \d+)?$|^p\. ?\d+$|^\d+ ?/ ?\d+$",
        r"(?:please )?see [\w ,'-]{1,40},? (?:page|p\.) ?[a-z]?\d+|continued (?:from|on) (?:page|p\.) ?[a-z]?\d+",
        r"\bvol\. \d+,? no\. \d+|\bvolume \d+,? (?:no\.|number) \d+",
        r"^(?:continued|cont'd)$|^\(continued\)$",
    ],
    "ru": [
        r"^страница \d+(?: из \d+)?$|^стр\. ?\d+$|продолжение на (?:стр\.|странице) ?\d+|начало на (?:стр\.|странице) ?\d+"
    ],
    "uk": [
        r"^сторінка \d+(?: з \d+)?$|^с\. ?\d+$|продовження на (?:с\.|сторінці) ?\d+|початок на (?:с\.|сторінці) ?\d+"
    ],
    "de": [
        r"^seite \d+(?: von \d+)?$|fortsetzung (?:auf|von) seite \d+|\bseite \d+$|\bnr\. \d+ · \d+\. jahrgang|\bjahrgang\b.*\d+[,.]\d\d ?(?:euro|€)"
    ],
    "fr": [r"^page \d+(?: sur \d+)?$|suite (?:en|de la) page \d+|lire la suite (?:en )?page \d+"],
    "es": [r"^página \d+(?: de \d+)?$|sigue en (?:la )?página \d+|viene de (?:la )?página \d+"],
    "it": [r"^pagina \d+(?: di \d+)?$|segue a pagina \d+|continua a pagina \d+"],
    "pl": [r"^strona \d+(?: z \d+)?$|ciąg dalszy na stronie \d+"],
    "pt": [r"^página \d+(?: de \d+)?$|continua na página \d+"],
}
