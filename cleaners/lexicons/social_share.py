"""Share bars, share counters and follow-us links."""

_NETWORKS = (
    r"facebook|twitter|x|linkedin|whatsapp|telegram|viber|reddit|pinterest|email|e mail|mail|"
    r"messenger|vk|vkontakte|ok|odnoklassniki|xing|threads|bluesky|mastodon|flipboard|print|"
    r"copy link|copy|f|in|tumblr|pocket|sms|sina weibo|wechat|line|skype"
)

LABELS = {
    "en": [
        rf"(?:share|post|tweet|email|print|save|gift article|copy link|send)(?: (?:on|via|by|to|this|the) [\w ]{{0,20}})?(?: (?:{_NETWORKS}|story|article|page))*",
        rf"(?:{_NETWORKS})(?: (?:{_NETWORKS}))+",
        r"share this(?: story| article| page| post)?|shares?|send by email|follow us(?: on [\w ]+)?",
        r"like this|like loading|loading|rate this|click to (?:share|print|email)[\w ]*|share on [\w ]+|tweet this",
        r"be sociable share|permalink|permalien|short url|kurz-?url|share with (?:your )?friends",
    ],
    "ru": [
        rf"поделиться(?: (?:в|на) [\w ]+)?|(?:{_NETWORKS}) (?:поделиться)|скопировать ссылку|отправить"
    ],
    "uk": [r"поділитися(?: (?:в|у|на) [\w ]+)?|скопіювати посилання|надіслати"],
    "de": [
        r"teilen(?: auf [\w ]+)?|(?:link )?kopieren|per e ?mail (?:teilen|senden)|(?:rezept |artikel |seite )?drucken|weiterempfehlen|merken",
        r"(?:(?:rezept |artikel |seite )?drucken|(?:bei|auf) pinterest (?:speichern|merken)|pinnen)(?: (?:(?:rezept |artikel |seite )?drucken|(?:bei|auf) pinterest (?:speichern|merken)|pinnen|teilen|merken))+",
        r"(?:diesen )?(?:beitrag|artikel|seite) teilen|teilen mit|(?:mit (?:freunden|anderen) )?teilen|teile dies(?: mit)?|teilen sie dies mit|gefällt mir|liken(?: lade)?|lade|bewerten|klick(?:e|en sie)? (?:zum|um)[\w ]*",
    ],
    "fr": [
        r"partager(?: sur [\w ]+| cet article| la publication| avec (?:vos|tes) amis)?|copier le lien|envoyer par e ?mail|imprimer|j'aime(?: chargement)?"
    ],
    "es": [
        r"compartir(?: en [\w ]+| esto| con (?:tus|sus) amigos)?|copiar enlace|enviar por (?:correo|e ?mail)|imprimir|me gusta(?: cargando)?"
    ],
    "it": [r"condividi(?: su [\w ]+)?|copia link|stampa"],
    "pl": [r"udostępnij(?: na [\w ]+)?|kopiuj link|drukuj"],
    "pt": [r"compartilh(?:e|ar)(?: no [\w ]+)?|partilhar|copiar link|imprimir"],
}

PHRASES = {
    "en": [
        r"^share (?:on|via) \w+(?: · share (?:on|via) \w+)+",
        r"^(?:did you )?(?:like|enjoy)(?:ed)? this (?:article|post|story)\?|^share this (?:article|post|story) (?:on|with)\b",
    ],
    "de": [
        r"^teilen? (?:sie )?diesen (?:beitrag|artikel)\b|^gefällt (?:ihnen|dir) (?:dieser|der|unser) (?:beitrag|artikel)\?",
        r"^(?:artikel|beitrag) gefallen\?|^(?:der|dieser) (?:artikel|beitrag) gefällt (?:dir|ihnen)\?",
        r"^(?:dir|ihnen) hat (?:der|dieser) (?:artikel|beitrag) gefallen\?",
    ],
    "fr": [r"^partagez cet article\b|^vous avez aimé cet article\s?\?"],
    "es": [
        r"^comparte (?:este artículo|esta nota|esta noticia)\b|^¿te gustó (?:este artículo|esta nota)\?"
    ],
    "it": [
        r"^condividi (?:questo articolo|l'articolo)\b|^ti è piaciuto (?:questo articolo|l'articolo)\?"
    ],
    "pl": [r"^udostępnij (?:ten )?artykuł\b|^podobał ci się (?:ten )?artykuł\?"],
    "pt": [
        r"^compartilhe (?:este artigo|esta matéria|esta notícia)\b|^gostou (?:deste artigo|desta matéria)\?"
    ],
}
