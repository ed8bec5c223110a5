"""Inline "read also" lines: a cue followed by another article's headline."""

# A related-link line starts with one of these cues, then a separator, then a headline.
PREFIXES = {
    "en": [
        r"read (?:also|more|next)|also read|see also|related(?: (?:article|story|content|coverage|reading))?",
        r"more on (?:this|that)(?: story| topic)?|recommended|don't miss|you might also like|opinion|analysis|watch",
        r"(?:also|elsewhere) inside|also in (?:this|today's) (?:issue|edition)|inside|previously|more",
    ],
    "ru": [r"читайте (?:также|ещё|еще)|смотрите также|по теме|рекомендуем|ранее|подробнее"],
    "uk": [r"читайте (?:також|ще)|дивіться також|за темою|рекомендуємо|раніше|детальніше"],
    "de": [r"lesen sie auch|mehr zum thema|auch interessant|siehe auch|zum thema|empfehlung|lesetipp"],
    "fr": [r"(?:à )?lire aussi|lire également|voir aussi|sur le même sujet|à voir|notre sélection"],
    "es": [r"lee (?:también|más)|leer más|también te puede interesar|ver también|relacionad[oa]s?|te puede interesar"],
    "it": [r"leggi anche|potrebbe interessarti|vedi anche|approfondimento"],
    "pl": [r"czytaj (?:też|także|więcej)|zobacz (?:też|także)|polecamy"],
    "pt": [r"leia (?:também|mais)|veja também|saiba mais|relacionad[oa]s?"],
}
