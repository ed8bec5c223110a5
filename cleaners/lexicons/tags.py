"""Tag and topic lists."""

# A tag line starts with one of these words and a colon, or is a list of short topics.
PREFIXES = {
    "en": [
        r"tags?|topics?|filed under|keywords?|categories|category|more about|posted in|tagged(?: with)?"
    ],
    "ru": [r"теги|метки|темы|тема|ключевые слова|рубрика"],
    "uk": [r"теги|мітки|теми|тема|ключові слова|рубрика"],
    "de": [
        r"schlagw(?:o|ö)rt(?:e|er)?|themen|stichw(?:o|ö)rt(?:e|er)?|tags?|kategorien?|abgelegt unter|veröffentlicht in|getaggt mit|markiert mit"
    ],
    "fr": [r"mots[- ]clés|thèmes?|tags?|sujets?|rubrique"],
    "es": [r"etiquetas|temas?|tags?|palabras clave|categoría"],
    "it": [r"tag|argomenti|parole chiave|categoria"],
    "pl": [r"tagi|tematy|słowa kluczowe|kategoria"],
    "pt": [r"tags?|etiquetas|tópicos|temas|palavras-chave|categoria"],
}

# Post-meta lines under a blog post: "This entry was posted in X by Y on Z."
POST_META = [
    r"this entry was posted|posted (?:on|in|by) .{0,80}(?:\d{4}|by )|dieser (?:eintrag|beitrag) wurde .{0,60}veröffentlicht",
    r"abgelegt unter|veröffentlicht (?:am|in|von) .{0,60}\d{4}|publié (?:le|dans|par) .{0,60}\d{4}|publicado (?:el|en|por) .{0,60}\d{4}",
    r"^(?:posted|veröffentlicht|publié|publicado|опубликовано|опубліковано) (?:am |on |le |el )?\d",
]
