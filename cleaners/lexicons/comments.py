"""Comment sections: their header, the comments, and the reply and load-more buttons."""

LABELS = {
    "en": [
        # A comment form's connect button ("Connecting to %s").
        r"connecting to s",
        r"comments?|(?:show|view|load|see|read) (?:all |more )?(?:comments?|replies)|(?:all )?comments",
        r"(?:leave|add|write|post) a (?:comment|reply)|join the (?:conversation|discussion)|discussion",
        r"reply(?: likes?)?|like|report|sort by(?: oldest| newest| best| top)?|oldest|newest",
        r"view all comments|be the first to comment|no comments(?: yet)?|leave a (?:reply|comment)|cancel reply|post comment|submit comment",
        r"name(?: required)?|e ?mail(?: required)?(?: will not be published)?|website|notify me (?:of|about|when)[\w ]*",
        r"comment on this (?:article|story|post)",
    ],
    "ru": [
        r"(?:уведомлять|уведомить|сообщать) меня о[\w ]*",
        r"комментари[йия](?: к статье)?|показать (?:ещё|все) комментари[ий]|ответить|все комментарии",
        r"войдите,? чтобы (?:оставить|написать) комментарий|оставить комментарий",
    ],
    "uk": [
        r"(?:сповіщати|повідомляти|сповістити) мене про[\w ]*",
        r"коментар[іі](?:в)?|показати (?:ще|всі) коментарі|відповісти|залишити коментар",
    ],
    "de": [
        r"benachrichtigung bei (?:weiteren|nachfolgenden|neuen) kommentaren[\w ]*|informiere mich über neue (?:beiträge|kommentare)[\w ]*|verbinde mit s",
        r"kommentare?|alle kommentare(?: anzeigen)?|antworten|kommentieren|kommentar (?:schreiben|verfassen|abschicken)|antwort abbrechen",
        r"(?:schreib|schreibe|hinterlasse|hinterlass)(?: jetzt| uns)? (?:einen|einen neuen|deinen|ihren) kommentar|hinterlasse eine antwort|kommentar hinterlassen(?: antworten abbrechen)?|keine kommentare(?: vorhanden)?|bisher keine kommentare",
        r"name(?: erforderlich)?|e ?mail(?: erforderlich)?[\w ]*|webseite|website|benachrichtige mich[\w ]*",
        r"(?:artikel|beitrag) kommentieren",
    ],
    "fr": [
        r"(?:prévenez|avertissez|notifiez) moi[\w ]*",
        r"commentaires?|vos réactions|réagissez|voir (?:tous les|plus de) commentaires|répondre|réagir|laisser un commentaire|annuler la réponse",
    ],
    "es": [
        r"(?:recibir un correo electrónico con|notificarme|avísame)[\w ]*(?:comentarios|entradas?|artículos)[\w ]*",
        r"comentarios?|ver (?:más|todos los) comentarios|responder|comentar|deja un comentario|cancelar respuesta",
        r"comentar (?:este|esta) (?:artículo|noticia|nota)(?: comentarios?)?",
    ],
    "it": [
        r"avvisami[\w ]*(?:commenti|articoli)[\w ]*",
        r"commenti|commenta|rispondi|mostra (?:altri|tutti i) commenti",
    ],
    "pl": [
        r"powiadom mnie o[\w ]*",
        r"komentarze?|odpowiedz|pokaż (?:więcej|wszystkie) komentarze|skomentuj",
    ],
    "pt": [
        r"(?:notifique|notificar|avise) me[\w ]*(?:comentários|posts|artigos)[\w ]*",
        r"comentários?|responder|ver (?:mais|todos os) comentários|comentar",
    ],
}

PHRASES = {
    "any": [
        r"akismet|^\d+ (?:responses?|replies|antworten|kommentare|comments|commentaires|comentarios|комментари\w*|коментар\w*) (?:to|zu|auf|à|a|к|до)\b",
        # Blog comment headers: "2 thoughts on “Title”", "Ein Gedanke zu „Titel“",
        # "3 réflexions sur « Titre »", "Un commento su “Titolo”"
        r"^(?:\d+|one|ein|eine|une|un|um|uma|uno|una|jedna|один|одна) (?:thoughts?|gedanken?|réflexions?|commentaires?|comentarios?|comentários?|commenti|commento|respuestas?|respostas?|risposte|myśli|myśl|komentarz[ey]?|komentarzy) (?:on|zu|sur|en|em|su|sobre|a|na temat|do)(?: |$)",
        r"(?:you are|du) (?:commenting|kommentierst) (?:using|mit)|(?:enter|gib) (?:your|hier deinen) (?:comment|kommentar)",
        r"(?:fill in your details|trage deine daten) |(?:your email address|deine e-mail-adresse|ihre e-mail-adresse) (?:will not|wird nicht)",
        r"(?:required fields|erforderliche felder) (?:are|sind) (?:marked|markiert)",
        r"(?:kommentare erscheinen|comments (?:will )?appear) (?:erst )?(?:nach|after)|(?:eingeloggt|angemeldet|logged in) sein,? um (?:kommentare|einen kommentar)",
        r"in den kommentaren|in the comments below|let us know in the comments",
        r"we ask that comments are|comments are (?:civil|moderated|welcome)|keep (?:your )?comments (?:civil|on topic)",
    ],
    "en": [
        r"^\d+ comments?$|^comments? \(\d+\)$",
        r"(?:please )?keep it civil|comments are moderated|(?:log|sign) in to (?:comment|reply)",
        r"community guidelines|^reply ·|· reply$",
    ],
    "ru": [r"^комментарии \(\d+\)$|^\d+ комментари\w+$|чтобы оставить комментарий"],
    "uk": [r"^коментарі \(\d+\)$|^\d+ коментар\w*$|щоб залишити коментар"],
    "de": [
        r"^kommentare \(\d+\)$|^\d+ kommentare?$|bitte beachten sie unsere netiquette|netiquette",
        r"^ihre meinung zu diesem (?:thema|artikel|beitrag)\b",
    ],
    "pl": [
        r"^czekamy na (?:wasze|państwa) (?:opinie|komentarze|maile|listy)\b|^prosimy o zaznaczenie checkboxa\b"
    ],
    "fr": [r"^\d+ commentaires?$|^commentaires \(\d+\)$|charte de modération"],
    "es": [
        r"^\d+ comentarios?$|^comentarios \(\d+\)$|normas de participación",
        r"^para comentar (?:debes|debe|tienes que|necesitas) (?:registrarte|iniciar sesión|estar registrado)",
    ],
}
