"""Author bio boxes: "<Name> covers science for the Post", "Follow @name"."""

LABELS = {
    "en": [
        r"about the author|about (?:me|us)|author bio|more (?:from|by) (?:this|the) author|view all posts by[\w ]*|all posts by[\w ]*"
    ],
    "de": [
        r"über (?:den|die) autor(?:in)?|zur person|über mich|über uns|zeige alle beiträge von[\w ]*|alle beiträge von[\w ]*|mehr vom autor"
    ],
    "fr": [r"à propos de l'auteur|(?:l')?auteur|à propos"],
    "es": [r"sobre el autor|acerca del autor|sobre mí"],
    "it": [r"l'autore|sull'autore|chi sono"],
    "ru": [r"об авторе|обо мне|все записи автора"],
    "uk": [r"про автора|про мене|усі записи автора"],
    "pl": [r"o autorze|o mnie"],
    "pt": [r"sobre o autor|sobre mim"],
}

# "<First> <Last> covers ...": a name, not "The advisory covers the whole lake" (the
# patterns see lower-case text, so the name's capitals cannot tell).
_NOT_DETERMINER = r"(?!(?:the|a|an|this|that|these|those|its|our|their|his|her|each|every|no) )"
_NOT_ARTICLE_DE = r"(?!(?:der|die|das|ein|eine|dieser|diese|unser|unsere) )"
_NOT_ARTICLE_FR = r"(?!(?:le|la|les|un|une|ce|cette|notre) |l')"
_NOT_ARTICLE_ES = r"(?!(?:el|la|los|las|un|una|este|esta|nuestro|nuestra) )"

PHRASES = {
    "any": [
        r"^(?:tel(?:efon|ephone|éfono|éphone)?|phone|fax|e-?mail|kontakt|contact|pressekontakt|press contact|ansprechpartner(?:in)?(?: zum thema)?|pressesprecher(?:\*in|in)?)\s*[:.]",
        r"^(?:pressesprecher(?:\*in|in)?|press officer|media contact) [A-ZÄÖÜ]",
    ],
    "en": [
        rf"^{_NOT_DETERMINER}[\w'.-]+ [\w'.-]+(?: [\w'.-]+)? (?:has (?:covered|reported on|written about)|joined (?:the|our) [\w' -]{{1,40}} in \d{{4}})",
        r"^follow @\w+|^follow (?:him|her|them) on\b",
        r"\b(?:is|was) (?:a|an|the) [\w' -]{0,40}(?:reporter|correspondent|writer|editor|journalist|columnist|contributor)\b(?: (?:for|at|with) )",
        r"\b(?:is|was) the [\w' -]{0,40}(?:'s)? [\w -]{0,30}(?:correspondent|reporter|editor|writer)\b",
        rf"^{_NOT_DETERMINER}[\w'.-]+ [\w'.-]+(?: [\w'.-]+)? (?:covers|reports on|writes about)\b",
        rf"^{_NOT_DETERMINER}[\w'.-]+ [\w'.-]+ has been (?:testing|reviewing|covering|reporting on|writing about) [\w',/ -]{{1,80}} (?:for|at) [\w' -]{{1,40}} since \d{{4}}",
        r"\b(?:reach|contact|email) (?:him|her|them) at\b",
        rf"^{_NOT_DETERMINER}[\w'.-]+ [\w'.-]+ is an? [\w' -]{{0,40}}(?:expert|writer|journalist|editor|reporter|consultant|founder) (?:who|and|with|at|for)\b",
    ],
    "ru": [
        r"^\w+ \w+ (?:— )?(?:корреспондент|журналист|обозреватель|редактор)\w* (?:отдела|издания|газеты|редакции)\b",
        r"^\w+ \w+ — (?:\w+ )?(?:корреспондент|журналист|обозреватель|редактор)|пишет (?:для [^,.]{1,40} )?об?\b.*\bс \d{4}",
    ],
    "uk": [
        r"^\w+ \w+ (?:— )?(?:кореспондент|журналіст|оглядач|редактор)\w* (?:відділу|видання|газети|редакції)\b",
        r"^\w+ \w+ — (?:\w+ )?(?:кореспондент|журналіст|оглядач|редактор)|пише (?:для [^,.]{1,40} )?про\b.*\bз \d{4}",
    ],
    "de": [
        rf"^{_NOT_ARTICLE_DE}[\w'.-]+ [\w'.-]+ ist (?:\w+ )?(?:redakteur|reporter|korrespondent|journalist|autor)(?:in)?\b",
        r"^[\w'.-]+ [\w'.-]+ (?:berichtet|schreibt) (?:seit \d{4} )?(?:für|über)\b|^[\w'.-]+ [\w'.-]+ ist seit \d{4} (?:redakteur|reporter|korrespondent)",
        r"\bist (?:redakteur|reporter|korrespondent)(?:in)? (?:für|bei)\b|^folgen sie \w+ auf|^als [\w -]{3,60} betreue ich (?:den|das|die) (?:blog|magazin|ressort)",
    ],
    "fr": [
        rf"^{_NOT_ARTICLE_FR}[\w'.-]+ [\w'.-]+ est (?:journaliste|rédact\w+|correspondant\w*|reporter)\b",
        r"^[\w'.-]+ [\w'.-]+ (?:couvre|suit) [\w' -]{1,60} (?:depuis \d{4}|pour (?:le|la|l'))",
        r"\best (?:journaliste|reporter|correspondant\w*|rédact\w+) (?:à|pour|au)\b",
    ],
    "es": [
        rf"^{_NOT_ARTICLE_ES}[\w'.-]+ [\w'.-]+ es (?:periodista|redactor\w*|corresponsal|reporter\w*)\b",
        r"^[\w'.-]+ [\w'.-]+ (?:cubre|escribe sobre) [\w ]{1,60} desde \d{4}",
        r"\bes periodista\b|\bcubre [\w ]{0,40} para\b|^escríbele a\b|\bescríbele a\b",
    ],
    "it": [r"\bè (?:giornalista|corrispondente|redattore)\b"],
    "pl": [r"\bjest (?:dziennikarzem|dziennikarką|reporterem|reporterką|korespondentem)\b"],
    "pt": [r"\bé (?:jornalista|repórter|correspondente)\b"],
}
