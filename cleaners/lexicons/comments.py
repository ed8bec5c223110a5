"""Comment sections: their header, the comments, and the reply and load-more buttons."""

LABELS = {
    "en": [
        r"comments?|(?:show|view|load|see|read) (?:all |more )?(?:comments?|replies)|(?:all )?comments",
        r"(?:leave|add|write|post) a (?:comment|reply)|join the (?:conversation|discussion)|discussion",
        r"reply(?: likes?)?|like|report|sort by(?: oldest| newest| best| top)?|oldest|newest",
        r"view all comments|be the first to comment|no comments yet",
    ],
    "ru": [
        r"комментари[йия](?: к статье)?|показать (?:ещё|все) комментари[ий]|ответить|все комментарии",
        r"войдите,? чтобы (?:оставить|написать) комментарий|оставить комментарий",
    ],
    "uk": [r"коментар[іі](?:в)?|показати (?:ще|всі) коментарі|відповісти|залишити коментар"],
    "de": [r"kommentare?|alle kommentare(?: anzeigen)?|antworten|kommentieren|kommentar schreiben"],
    "fr": [r"commentaires?|voir (?:tous les|plus de) commentaires|répondre|réagir"],
    "es": [r"comentarios?|ver (?:más|todos los) comentarios|responder|comentar"],
    "it": [r"commenti|commenta|rispondi|mostra (?:altri|tutti i) commenti"],
    "pl": [r"komentarze?|odpowiedz|pokaż (?:więcej|wszystkie) komentarze|skomentuj"],
    "pt": [r"comentários?|responder|ver (?:mais|todos os) comentários|comentar"],
}

PHRASES = {
    "en": [
        r"^\d+ comments?$|^comments? \(\d+\)$",
        r"(?:please )?keep it civil|comments are moderated|(?:log|sign) in to (?:comment|reply)",
        r"community guidelines|^reply ·|· reply$",
    ],
    "ru": [r"^комментарии \(\d+\)$|^\d+ комментари\w+$|чтобы оставить комментарий"],
    "uk": [r"^коментарі \(\d+\)$|^\d+ коментар\w*$|щоб залишити коментар"],
    "de": [r"^kommentare \(\d+\)$|^\d+ kommentare?$|bitte beachten sie unsere netiquette|netiquette"],
    "fr": [r"^\d+ commentaires?$|^commentaires \(\d+\)$|charte de modération"],
    "es": [r"^\d+ comentarios?$|^comentarios \(\d+\)$|normas de participación"],
}
