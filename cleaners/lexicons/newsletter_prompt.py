"""Newsletter, alert and messenger-channel sign-up prompts, with their fields and consent text."""

LABELS = {
    "en": [
        r"sign up (?:to|for) [\w' ]{1,30}",
        r"sign me up|subscribe me|keep me (?:posted|informed)",
        r"(?:sign up|subscribe|join|register)(?: now| free| for free| here| today| for (?:our|the) newsletters?)?",
        r"(?:your |work |enter (?:your )?)?e ?mail(?: address)?(?: here)?|email address|your email",
        r"count me in|i'm in|yes please|get (?:the|our) newsletters?|newsletters?",
        r"(?:sign up for|get|receive) (?:our|the) [\w' ]{0,40}(?:newsletter|briefing|digest|bulletin)",
    ],
    "ru": [
        r"подписаться|подпишитесь|ваш e ?mail|ваш email|электронная почта|введите (?:ваш )?e ?mail|рассылка",
    ],
    "uk": [
        r"підписатися|підпишіться|ваш e ?mail|ваш email|введіть (?:вашу )?електронну адресу|розсилка",
    ],
    "de": [
        r"(?:jetzt |kostenlos |gratis )*(?:anmelden|abonnieren|registrieren)|(?:jetzt |kostenlos |gratis )+bestellen|newsletter kostenlos bestellen|(?:[\w-]+ )?newsletter(?: bestellen| abonnieren| erhalten)?|zum newsletter anmelden|newsletter-?anmeldung|für den newsletter (?:anmelden|registrieren)",
        r"(?:ihre )?e ?mail ?adresse(?: eingeben)?|e ?mail",
    ],
    "fr": [
        r"(?:saisissez|entrez|indiquez|renseignez) votre (?:adresse )?e ?mail|je m'abonne|je m'inscris gratuitement",
        r"(?:je m'inscris|s'inscrire|inscrivez-vous|je m'abonne à la newsletter)|(?:votre )?adresse e ?mail|(?:votre )?e ?mail|newsletter",
    ],
    "es": [
        r"(?:escribe|introduce|indica|pon) tu (?:email|e ?mail|correo(?: electrónico)?)|apuntarme|me apunto|suscribirme gratis",
        r"(?:quiero )?suscribirme|suscríbete|apúntate|regístrate|(?:tu )?correo electrónico|(?:tu )?email|boletín|newsletter",
    ],
    "it": [r"iscriviti|iscrivimi|(?:il tuo )?indirizzo e ?mail|la tua e ?mail|newsletter"],
    "pl": [r"zapisz się|zapisuję się|(?:twój )?adres e ?mail|newsletter"],
    "pt": [r"inscreva-se|inscrever|assine|(?:seu )?e ?mail|newsletter"],
}

PHRASES = {
    "en": [
        r"\bsign up with your email(?: address)?\b|\benter your email (?:address )?(?:to|and|below)\b",
        r"sign(?:ing)? up (?:for|to) (?:our|the|a) (?:free |daily |weekly )?[\w' ]{0,40}(?:newsletter|briefing|digest|emails?|alerts?)",
        r"subscribe to (?:our|the) [\w' ]{0,30}(?:newsletter|briefing|digest|channel|alerts?)",
        r"(?:in|to|straight to|delivered to) your inbox|in your mailbox",
        r"by (?:signing up|subscribing|entering your email)[, ]|you (?:can|may) (?:opt out|unsubscribe)",
        r"unsubscribe (?:at any time|with one click|anytime)|we(?:'ll| will) never share your (?:email|address)",
        r"(?:follow|join) (?:us|our channel) on (?:telegram|whatsapp|viber|signal)|our (?:telegram|whatsapp) channel",
        r"get (?:the|our) [\w' ]{0,30}(?:newsletter|briefing|digest)\b",
        r"(?:subscribers|you) (?:agree|consent) to (?:the|our|receive)",
        r"\bsign up (?:here|now|today|for free)\b|\bsubscribe (?:now|today) to (?:our|the)\b|\bsubscribe to (?:our|the) [\w ]{1,30} edition\b",
        r"to follow this blog and receive notifications|enter your email address to (?:follow|subscribe)",
        r"i (?:would like|want|wish) to (?:receive|subscribe to) (?:the |your )?[\w-]*\s?newsletter",
        r"(?:daily|weekly|morning|evening) edition by email|never miss (?:our|a|another) (?:top |latest )?(?:stor(?:y|ies)|update)",
        r"\bwe use your sign-?up (?:to|in)\b",
    ],
    "ru": [
        r"\bсвежие новости (?:на|в) ваш\w* (?:почт|ящик)\w*",
        r"подпи(?:шитесь|сывайтесь) на (?:наш\w* )?(?:рассылк|канал|телеграм|«)",
        r"(?:в|на) ваш\w* (?:почт|ящик)\w*|согласие на обработку персональных данных",
        r"нажимая (?:кнопку|«)|наш\w* (?:telegram|телеграм)[-‑ ]канал\w*",
    ],
    "uk": [
        r"підпи(?:шіться|суйтеся) на (?:наш\w* )?(?:розсилк|канал|телеграм|«)",
        r"у вашій (?:скриньці|пошті)|на вашу (?:пошту|скриньку)|згоду на обробку персональних даних",
        r"наш\w* (?:telegram|телеграм)[-‑ ]канал\w*",
    ],
    "de": [
        r"\bjederzeit (?:abbestellbar|kündbar|abmeldbar|wieder abbestellen)\b",
        r"(?:kostenlos|gratis) (?:per|als|im) (?:e-mail|newsletter)|newsletter (?:abonnieren|bestellen)",
        r"mit der anmeldung (?:stimmen|akzeptieren)|abmeldung ist jederzeit|in ihr(?:em)? postfach",
        r"melden sie sich (?:jetzt )?(?:für|zum) (?:unseren )?newsletter",
        r"in (?:deinen|ihren|euren) posteingang|jede woche (?:in|per)|zum newsletter anmelden",
        r"per e-?mail über [\w ]{1,60} informiert (?:werden|bleiben)|^(?:immer|stets) (?:aktuell|bestens|gut) informiert(?: über| mit|!|$)",
        r"^(?:der |unser )?[\w-]*newsletter: (?:immer|jede|jeden|kostenlos|gratis|bleiben)",
        r"um diesem blog zu folgen|(?:hier|jetzt) kostenlos (?:anmelden|registrieren)",
        r"ich möchte (?:den |einen |ihren |euren )?[\w-]*\s?newsletter (?:erhalten|abonnieren|bekommen)",
        r"nichts mehr (?:verpassen|versäumen)!",
        r"melde (?:dich|dich hier) (?:für|zu) (?:unserem|unseren|den) newsletter an|abonniere (?:unseren|den) newsletter|schauen sie (?:mal )?in unseren \w*newsletter",
    ],
    "fr": [
        r"\bdésinscription (?:à tout moment|en un clic)\b",
        r"\bne manquez (?:plus )?rien\b|\brecevez [^.!?]{0,60}\b(?:chaque (?:matin|soir|jour|semaine)|gratuitement)\b|\blettre d'information gratuite\b",
        r"dans votre boîte (?:mail|e-mail|aux lettres)|en vous inscrivant|inscrivez-vous à (?:notre|la) (?:newsletter|lettre)",
        r"recevez (?:gratuitement |chaque )?[\w' ]{0,30}(?:newsletter|lettre)|vous pouvez vous désinscrire",
        r"je (?:souhaite|veux|voudrais) recevoir (?:la |les )?[\w' -]*(?:newsletter|lettre d'information)",
    ],
    "es": [
        r"\bdate de baja (?:cuando quieras|en cualquier momento)\b",
        r"\b(?:he leído y )?acepto la política de privacidad\b|\benvío (?:del|de la|de) (?:boletín|newsletter)\b|\bcada (?:mañana|semana|día) en tu (?:correo|email|bandeja)\b",
        r"recibe (?:gratis |gratuitamente |cada )?[\w' ]{0,40}(?:boletín|newsletter)|suscríbete (?:a|al) (?:nuestro )?(?:boletín|newsletter|canal)",
        r"en tu (?:correo|bandeja)|al suscribirte|puedes darte de baja",
        r"(?:quiero|deseo) recibir (?:el |la |los )?[\w -]*(?:boletín|newsletter)",
    ],
    "it": [r"iscriviti alla (?:nostra )?newsletter|nella tua (?:casella|email)|iscrivendoti"],
    "pl": [
        r"zapisz się na (?:nasz )?newsletter|na twoją skrzynkę|zapisując się|zapraszamy (?:też )?do subskrypcji"
    ],
    "pt": [
        r"assine (?:a nossa|nossa) newsletter|na sua caixa de (?:entrada|e-mail)|ao se inscrever"
    ],
}

# Frequencies and delivery promises: what a newsletter blurb says about itself.
WEAK = {
    "en": [
        r"\bevery (?:weekday|morning|evening|friday|monday|tuesday|wednesday|thursday|saturday|sunday|week)\b(?! (?:at|from) (?:the )?(?:city|council))",
        r"\bin (?:five|5|ten|10|three|3) minutes\b|\bdaily (?:briefing|digest)\b|\bweekly (?:newsletter|digest)\b",
        r"\bread our privacy (?:notice|policy)\b",
    ],
    "ru": [
        r"каждый (?:будний день|понедельник|вторник|четверг|пятницу)|каждую (?:неделю|пятницу|среду)",
    ],
    "uk": [
        r"щоп'ятниці|щопонеділка|щоранку|щотижня|кожного (?:ранку|тижня)",
    ],
    "de": [
        r"jeden (?:morgen|donnerstag|freitag|montag|dienstag|mittwoch|samstag|sonntag)|wöchentlich"
    ],
    "fr": [
        r"chaque (?:vendredi|lundi|mardi|mercredi|jeudi|samedi|dimanche|matin|semaine)",
    ],
    "es": [
        r"cada (?:lunes|martes|miércoles|jueves|viernes|sábado|domingo|mañana|semana)",
    ],
    "it": [
        r"ogni (?:lunedì|venerdì|mattina|settimana)",
    ],
    "pl": [
        r"w każd[ąy] (?:piątek|poniedziałek|środę|tydzień)|co tydzień",
    ],
    "pt": [
        r"toda (?:segunda|sexta|semana|manhã)",
    ],
}
