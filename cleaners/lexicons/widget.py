"""Audio and video players, reading-time badges, tickers and live-score strips."""

# A poll's own heading ("Umfrage", "ОПИТУВАННЯ"): its question follows.
_POLL_NAMES = r"poll|quick poll|sondage|encuesta|umfrage|опрос|опитування|sondaggio|ankieta"
POLL_LABELS = rf"{_POLL_NAMES}|reader poll"

LABELS = {
    "any": [POLL_LABELS],
    "en": [
        r"weather (?:for|in) your (?:area|town)|search (?:for )?your (?:town|location)|(?:see|view) (?:the )?(?:full )?(?:day )?forecast",
        r"mins?",
        r"vote|see (?:the )?results|view results|submit(?: your)? (?:rating|vote)|rate (?:this|the) [\w' ]{1,30}|(?:seen|read|tried) it rate [\w' ]{1,30}",
        r"(?:listen to|play|hear) (?:this )?(?:article|story|audio|podcast|the article)(?: min(?:utes?)?)?",
        r"(?:audio|voiced|narrated|read) by [\w ]{2,30}|(?:min|minutes?) (?:read|listen)|reading time(?: min(?:utes?)?)?",
        r"watch(?: video| now| live)?|play video|video|live|live scores?[\w ]*|loading|advertisement video",
        r"spot img|image|photo gallery|gallery|view gallery|open gallery|enlarge|zoom",
        r"external content|recommended editorial content|show image|close image",
    ],
    "ru": [
        r"голосовать|проголосовать|(?:посмотреть )?результаты(?: опроса)?",
        r"(?:слушать|прослушать) (?:статью|новость|материал)(?: мин)?|время чтения(?: мин(?:ут[аы]?)?)?|смотреть видео|видео|загрузка",
    ],
    "uk": [
        r"голосувати|проголосувати|(?:переглянути )?результати(?: опитування)?",
        r"(?:слухати|прослухати) (?:статтю|новину|матеріал)(?: хв)?|час читання(?: хв(?:илин[аи]?)?)?|дивитися відео|відео",
    ],
    "de": [
        r"(?:artikel )?vorlesen lassen|(?:artikel|beitrag) vorlesen",
        r"(?:das )?wetter (?:in|für) ihre[rmn]? (?:region|ort|stadt)|ort suchen|(?:zur )?(?:tages)?vorhersage(?: für tage)?",
        r"abstimmen|(?:zum )?ergebnis(?:se)? anzeigen|jetzt abstimmen|bewerten sie (?:diesen|dieses|diese) [\w ]{1,30}",
        r"(?:artikel|beitrag) (?:anhören|vorlesen)(?: min)?|lesezeit(?: min(?:uten?)?)?|vorlesen|video abspielen|video|bildergalerie|vergrößern|bild vergrößern",
        r"externer inhalt|empfohlener (?:redaktioneller )?inhalt|bild (?:anzeigen|schließen)(?: bild (?:anzeigen|schließen))?",
    ],
    "fr": [
        r"(?:la )?météo (?:de|dans) votre (?:commune|ville|région)|rechercher une (?:commune|ville)|voir les prévisions(?: à jours)?",
        r"voter|voir les résultats|(?:donnez|notez) votre (?:avis|note)|noter (?:cet|ce|cette) [\w' ]{1,30}",
        r"écouter (?:l'article|cet article)(?: min)?|temps de lecture(?: min(?:utes?)?)?|lecture min|vidéo|voir la vidéo",
    ],
    "es": [
        r"el tiempo en (?:tu|su) (?:municipio|ciudad|localidad)|busca tu (?:localidad|municipio|ciudad)|ver (?:la )?previsión(?: a días)?",
        r"escuchar (?:noticia|artículo)|escucha (?:la noticia|el artículo|esta noticia)",
        r"votar|ver (?:los )?resultados|vota|valora (?:este|esta) [\w ]{1,30}",
        r"escuchar (?:la noticia|el artículo|esta noticia)(?: min)?|tiempo de lectura(?: min(?:utos?)?)?|min de lectura|ver vídeo|vídeo",
    ],
    "it": [
        r"ascolta (?:l'articolo|la notizia)(?: min)?|tempo di lettura(?: min(?:ut[oi])?)?|guarda il video|video"
    ],
    "pl": [
        r"posłuchaj (?:artykułu)?(?: min)?|czas czytania(?: min(?:ut[ay]?)?)?|wideo|zobacz wideo|ten tekst przeczytasz w mniej niż minutę"
    ],
    "pt": [r"ouvir (?:a notícia|o artigo)(?: min)?|tempo de leitura(?: min(?:utos?)?)?|vídeo"],
}

PHRASES = {
    "en": [
        r"^(?:live scores?|scores?|ticker|markets?)\s*[▸►:|]",
        r"^▶\s*listen\b",
        r"click (?:the button )?below to load (?:the )?content|to load the content from|with this button you can",
    ],
    "de": [
        r"klicken sie auf den (?:unteren )?button,? um den inhalt|inhalt (?:von [\w. ]+ )?(?:zu )?laden|mit diesem button (?:kannst du|können sie)|video verfügbar bis|audio verfügbar bis"
    ],
    "any": [
        r"^live\s*[·|•:–—]\s*\S",
        # a live-score strip: two or more results ("«Нива» 2:1 «Поділля» · ..."), not the
        # times of a dateline
        r"^(?!.*\b(?:published|updated|posted|veröffentlicht|aktualisiert|publié|mis à jour|publicado|actualizado|опубликовано|обновлено|опубліковано|оновлено)\b)(?:[^·|]{0,80}(?<![\d.:])\d{1,3}:\d{1,3}(?![\d:])(?! ?(?:a\.?m|p\.?m|uhr|h|hrs?)\b)[^·|]{0,80}\s[·|]\s+){1,}[^·|]{0,80}(?<![\d.:])\d{1,3}:\d{1,3}(?![\d:])(?! ?(?:a\.?m|p\.?m|uhr|h|hrs?)\b)",
        rf"^(?:{_POLL_NAMES})\s*(?=[¿¡])",
        r"^(?:yes|no|oui|non|sí|si|ja|nein|да|нет|так|ні)\b[^·|]{0,40}(?:\s[·|]\s+(?:yes|no|oui|non|sí|si|ja|nein|да|нет|так|ні)\b[^·|]{0,40}){1,4}$",
        r"^(?=.{0,120}$)[^.!?]*[+−-]?\d{1,2}\s?°[^.!?]*[·|][^.!?]*$",
        rf"^(?:{_POLL_NAMES})\s*[—–:|·-]",
        r"^(?:[○●◯◉☐☑□■]\s*[^○●◯◉☐☑□■]{1,60}){2,}$|^(?:[☆★]\s*){3,}",
        # one radio-button answer per line ("○ Так, і не раз"); a video's title over its player
        r"^[○◯◉☐□]\s*[^○●◯◉☐☑□■.!?]{1,60}$",
        r"^(?:video|vidéo|vídeo|видео|відео)\s*(?:[.:|—–]|\s-)\s*\S",
        r"\bctrl\s?\+\s?enter\b|^\d+ (?:мин|хв)\.? (?:чтения|читання)\b",
        r"^(?:tabelle|table|tabla|classement|standings|турнирная таблица|турнірна таблиця)\b(?:[^.!?]|(?<=\d)\.){0,60}$",
        r"video (?:available until|disponible jusqu'au|disponible hasta)|^\d+:\d\d min$",
        r"(?:przeczytasz|lesezeit|reading time|temps de lecture|tiempo de lectura|tempo di lettura|tempo de leitura|czas czytania|время чтения|час читання)\W{0,3}(?:w |in |en )?(?:mniej niż |weniger als |less than )?(?:\d+|minut|minute)",
    ],
}
