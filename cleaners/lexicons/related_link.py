"""Inline "read also" lines: a cue followed by another article's headline."""

# A related-link line starts with one of these cues, then a separator, then a headline.
PREFIXES = {
    "en": [
        r"more (?:in|from|on) [\w&'’ -]{1,30}",
        r"read (?:also|more|next)|also read|see also|related(?: (?:article|story|content|coverage|reading))?",
        r"more on (?:this|that)(?: story| topic)?|recommended|don't miss|you might also like|opinion|analysis|watch",
        r"(?:also|elsewhere) inside|also in (?:this|today's) (?:issue|edition)|inside|previously|more",
    ],
    "ru": [
        r"(?:больше|ещё|еще) по теме",
        r"читайте (?:также|ещё|еще)|смотрите также|по теме|рекомендуем|ранее|подробнее",
    ],
    "uk": [
        r"більше (?:на|за) тем(?:у|ою)|ще за темою",
        r"читайте (?:також|ще)|дивіться також|за темою|рекомендуємо|раніше|детальніше",
    ],
    "de": [
        r"mehr aus [\w -]{1,30}",
        r"lesen sie (?:auch|hier|mehr|weiter)|auch lesen|mehr zum thema|auch interessant|siehe auch|zum thema|empfehlung|lesetipp|zum weiterlesen|weiterlesen|passend dazu|das könnte sie interessieren",
    ],
    "fr": [
        r"(?:à )?lire (?:aussi|également)|(?:à )?voir aussi|sur le même sujet|à voir|notre sélection|à découvrir(?: aussi| également)?|découvrez aussi|lire la suite",
    ],
    "es": [
        r"más (?:sobre|de|en) [\w -]{1,30}",
        r"lee (?:también|más)|lea (?:también|además|más)|informate más|puedes ver|te recomendamos|mira también|leer más|(?:también )?(?:te|le) puede interesar|vea también|ver también|relacionad[oa]s?|mira|mire|lee|lea|noticia relacionada|puedes leer",
    ],
    "it": [
        r"leggi anche|potrebbe interessarti|vedi anche|approfondimento|guarda anche|leggi (?:di più|altro)"
    ],
    "pl": [
        r"czytaj (?:też|także|więcej)|zobacz (?:też|także)|polecamy|dowiedz się więcej|przeczytaj (?:też|także)"
    ],
    "pt": [r"leia (?:também|mais)|veja também|saiba mais|relacionad[oa]s?|confira (?:também)?"],
}
