"""The publisher promoting itself: its app, its channels, its other products."""

LABELS = {
    "en": [r"app store(?: google play)?|google play|download (?:the|our) app|get the app"],
    "ru": [r"скачать приложение|app store|google play"],
    "uk": [r"завантажити застосунок|app store|google play"],
    "de": [r"app herunterladen|jetzt die app laden"],
    "fr": [r"télécharger l'application"],
    "es": [r"descarga(?:r)? la app"],
}

PHRASES = {
    "any": [
        r"\b(?:our|nuestro|notre|unser\w*|наш\w*)\s(?:[\w-]+\s)?(?:p[óo]d[ck]ast|подкаст)\w*\b.{0,80}\b(?:spotify|apple podcasts|ivoox|deezer|youtube)\b",
    ],
    "en": [
        r"\bpodcast\b.{0,80}\b(?:on|via) (?:apple podcasts|spotify)\b|\b(?:on|via) apple podcasts,? spotify\b",
        r"\bon (?:our )?(?:telegram|whatsapp|viber) channel\b.{0,80}\b(?:join|subscribe|follow)\b",
        r"download (?:the|our) [\w' -]{0,40}app|(?:our|the) app for (?:iphone|ios|android)",
        r"(?:follow|find) us on (?:facebook|twitter|instagram|telegram|x|youtube|tiktok)",
        r"tired of (?:biased|fake) news|is truthful,? factual news",
        r"download (?:the|our) [\w' -]{0,30}apps? for (?:ios|iphone|android)|apps? for (?:ios|iphone) and android",
        r"follow (?:the )?[\w' -]{1,30} on (?:twitter|facebook|instagram|telegram|tiktok|youtube)|send us a message",
        r"we want to hear what you think|submit a letter to the editor|write to letters@",
        r"(?:get|for) the latest news straight to your (?:phone|inbox)|with the [\w' -]{1,30} app\b",
        r"\bsend (?:them|it|your \w+) to (?:our|the) newsdesk\b|\bsend us your (?:pictures|photos|videos)\b",
    ],
    "ru": [
        r"\bподписывайтесь на [^.]{1,60} (?:в|во) (?:telegram|телеграм\w*|вконтакте|vk|дзен\w*|max)\b",
        r"\b(?:в|на) (?:telegram|телеграм|viber|вайбер)[-‑ ]?канал\w*\b.{0,80}\b(?:присоединяйтесь|подписывайтесь|подпишитесь)",
        r"\bв нашем (?:сообществе|паблике|канале|группе) (?:во? )?(?:вконтакте|vk|telegram|телеграм|одноклассниках)|\bподписывайтесь на (?:нас|наш\w*) (?:во? )?(?:вконтакте|vk|telegram|телеграм|дзен)",
        r"(?:в|на) наш\w* (?:telegram|телеграм|youtube|vk)[-‑ ]?канал\w*|скачайте (?:наше )?приложение|подписывайтесь!?$",
        r"подписывайтесь на (?:наш )?(?:telegram|телеграм|max|vk)[-‑ ]канал|пишите нам (?:в|во) (?:telegram|телеграм|whatsapp|вконтакте)",
    ],
    "uk": [
        r"\bпідписуйтеся на [^.]{1,60} (?:у|в) (?:telegram|телеграм\w*|viber|вайбер\w*|facebook|instagram)\b",
        r"\b(?:у|в) (?:telegram|телеграм|viber|вайбер)[-‑ ]?канал\w*\b.{0,80}\b(?:приєднуйтеся|підписуйтеся|підпишіться)",
        r"\bу нашій (?:спільноті|групі) (?:у |в )?(?:facebook|фейсбуці|telegram|телеграмі)|\bпідписуйтеся на (?:нас|наш\w*) (?:у|в) (?:facebook|telegram|телеграмі|instagram)",
        r"(?:у|в) наш\w* (?:telegram|телеграм)[-‑ ]?канал\w*|завантажте (?:наш )?застосунок",
        r"приєднуйтеся до (?:нашої |нашого )?(?:viber|telegram|телеграм|вайбер)[-‑ ]?(?:спільнот|канал)\w*|пишіть нам (?:у|в) (?:telegram|телеграм|viber|whatsapp)",
    ],
    "de": [
        r"\bunser(?:em|en)? (?:whatsapp|telegram)-kanal\b|\bzum (?:whatsapp|telegram)-kanal\b",
        r"\bfolgen sie (?:dem|der|uns|unserem|unserer) (?:[\w-]+\s){0,3}(?:jetzt )?(?:auch )?auf (?:whatsapp|instagram|facebook|telegram|tiktok|threads)\b",
        r"laden sie (?:unsere|die) [\w-]*app|folgen sie uns auf|jetzt auch digital|einfach hier klicken|kennt ihr schon unser",
        r"(?:aktuelle|neue) ausgabe .{0,40}(?:jetzt|ab sofort) (?:am|an jedem|im) (?:kiosk|bahnhofskiosk|handel)|als e-paper (?:erhältlich|lesen)",
        r"^(?:jetzt )?(?:das )?(?:buch|heft|ausgabe|e-paper) bestellen$|\babo oder (?:als )?einzelheft\b|^lesen sie (?:das|die|den) [\w-]+(?: [\w-]+)? (?:magazin|zeitung|heft)\b",
        r"^(?:online-)?pressemappe\b|rss-feed abonnieren",
    ],
    "fr": [
        r"\bnotre chaîne (?:whatsapp|telegram|youtube)\b|\brejoindre (?:la|notre) chaîne\b",
        r"\bsuivez(?:-nous)? [\w' ]{0,30}sur (?:whatsapp|instagram|facebook|telegram|tiktok)\b|\bpodcast\b.{0,80}\bsur (?:apple podcasts|spotify|deezer)\b",
        r"téléchargez (?:gratuitement |vite |dès maintenant )?(?:notre |l')appli(?:cation)?|suivez-nous sur",
        r"^\W{0,3}à (?:écouter|réécouter|voir)\s*:|\bretrouvez [\w' ]{0,40}\bdans l'appli",
    ],
    "es": [
        r"\búnete al canal\b",
        r"\bp[óo]dcast\b.{0,80}\ben (?:apple podcasts|spotify|ivoox)\b",
        r"descarga (?:nuestra|la) app|s[ií]guenos en|(?:nuestro|tenemos) canal de (?:telegram|youtube|whatsapp)|únete (?:a nuestro|desde)|puede escribirnos a",
    ],
    "it": [r"scarica (?:la nostra )?app|seguici su"],
    "pl": [r"pobierz (?:naszą )?aplikację|obserwuj nas na"],
    "pt": [r"baixe (?:o nosso )?app|siga-nos no"],
}
