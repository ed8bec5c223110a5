"""Tag and topic lists."""

# A tag line starts with one of these words and a colon, or is a list of short topics.
PREFIXES = {
    "en": [r"tags?|topics?|filed under|keywords?|categories|category|more about"],
    "ru": [r"теги|метки|темы|тема|ключевые слова|рубрика"],
    "uk": [r"теги|мітки|теми|тема|ключові слова|рубрика"],
    "de": [r"schlagw(?:o|ö)rte?|themen|stichw(?:o|ö)rte?|tags?|kategorie"],
    "fr": [r"mots[- ]clés|thèmes?|tags?|sujets?|rubrique"],
    "es": [r"etiquetas|temas?|tags?|palabras clave|categoría"],
    "it": [r"tag|argomenti|parole chiave|categoria"],
    "pl": [r"tagi|tematy|słowa kluczowe|kategoria"],
    "pt": [r"tags?|etiquetas|tópicos|temas|palavras-chave|categoria"],
}
