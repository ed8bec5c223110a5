"""Paywall, metering and login prompts."""

LABELS = {
    "en": [
        r"subscribe(?: now| today| to (?:continue|read))?|(?:log|sign) ?in(?: to (?:continue|read))?",
        r"already (?:a )?(?:subscriber|member)s?(?: (?:log|sign) ?in)?|print subscribers?(?: activate[\w ]*)?",
        r"subscribers? only|for subscribers|premium|exclusive for subscribers|unlimited access",
        r"cancel any ?time[\w ]*|(?:start|begin) (?:your )?free trial",
    ],
    "ru": [r"оформить подписку|только для подписчиков|войти|уже подписаны[\w ]*"],
    "uk": [r"оформити передплату|лише для передплатників|увійти|вже передплатник[\w ]*"],
    "de": [
        r"(?:h )?exklusiv für abonnenten|jetzt abonnieren|abo abschließen|bereits abonnent[\w ]*|einloggen|anmelden"
    ],
    "fr": [
        r"je m'abonne|abonnez-vous|réservé aux abonnés|déjà abonné(?: se connecter)?|se connecter"
    ],
    "es": [
        r"suscríbete|hazte suscriptor|solo para suscriptores|ya soy suscriptor|iniciar sesión|inicia sesión"
    ],
    "it": [r"abbonati|riservato agli abbonati|sei già abbonato[\w ]*|accedi"],
    "pl": [r"wykup (?:dostęp|subskrypcję)|tylko dla subskrybentów|zaloguj się"],
    "pt": [r"assine já|exclusivo para assinantes|já é assinante[\w ]*|entrar"],
}

PHRASES = {
    "en": [
        r"\bcancel (?:at )?any ?time\b.{0,60}\b(?:per|a|/) ?(?:month|week)\b|\b(?:just |only )?[$£€]\s?\d+(?:[.,]\d\d)? for (?:the first|your first) (?:month|\d+ (?:weeks|months))\b",
        r"(?:you've|you have) (?:reached|read|used) (?:your|all your|\d+ of your)[\w ]{0,20} (?:free )?(?:articles?|stories|limit)",
        r"(?:you have|you've got) \d+ free (?:articles?|stories)",
        r"free (?:articles?|stories) (?:remaining|left)|unlimited (?:digital )?access|subscribe for unlimited",
        r"(?:this (?:article|story|content) is (?:for|available to|reserved for) (?:subscribers|members))",
        r"billed (?:[$£€]\s?\d|monthly|annually|yearly|every (?:week|month|four weeks|4 weeks))|per (?:week|month) after|introductory (?:offer|period|rate)",
        r"to (?:view|read|continue reading) (?:the|this) (?:full|rest of the|entire) (?:story|article)[, ]+(?:please )?(?:subscribe|log in|sign in)",
        r"(?:already|you're already) a subscriber|first-time subscribers|for the full story|log in for (?:immediate|full) access",
        r"this (?:article|story) is (?:free|unlocked) (?:to read |for you )?(?:until|for)",
        # the messages of a login or sign-up form
        r"\bpassword (?:must|should) (?:be|contain|have)|please (?:enter|provide) (?:a |your )?(?:valid )?(?:e-?mail|password|user ?name)|(?:e-?mail address|password) (?:is|was) (?:incorrect|invalid|already (?:registered|in use))",
    ],
    "ru": [r"(?:остал\w+|доступн\w+) \d+ бесплатн\w+|полный доступ|материал доступен только"],
    "uk": [r"(?:залишил\w+|доступн\w+) \d+ безкоштовн\w+|повний доступ|матеріал доступний лише"],
    "de": [
        r"\b(?:exklusiv|nur) für (?:abonnent\w*(?: und abonnent\w*)?|abo-?kunden|digital-?abonnent\w*)\b",
        r"\bjederzeit kündbar\b|\b(?:den )?ersten monat (?:für|nur) \d",
        r"weiterlesen mit|exklusiv für abonnenten|zugang zu allen artikeln|im ersten monat|sie sind (?:aktuell |derzeit )?nicht (?:eingeloggt|angemeldet)",
        r"passwort muss (?:mindestens|aus)|bitte (?:trage|gib|geben sie) (?:eine|deine|ihre) (?:gültige )?(?:e-?mail|passwort|benutzernamen?)|(?:e-?mail-adresse|passwort) (?:ist|scheint|wurde) (?:bereits|nicht korrekt|falsch)",
    ],
    "fr": [
        r"\boffre découverte\b|\brésiliable (?:à tout moment|en ligne|sans frais)\b|\b\d+ ?€ (?:le|les) (?:premier|premiers) mois\b",
        r"il vous reste \d+ ?% de cet article|la suite est réservée|sans engagement|essai gratuit|^pour (?:lire la suite|accéder en illimité)|la suite (?:de cet article )?est réservée|réservée? (?:à nos|aux) abonnés|cet article vous est offert",
    ],
    "es": [
        r"\bcancela cuando quieras\b|\b\d+ ?€ (?:el|los) primer(?:o|os)? mes(?:es)?\b",
        r"has (?:alcanzado|agotado) (?:el límite|tus artículos)|acceso ilimitado|sin permanencia",
    ],
    "it": [r"hai (?:raggiunto|esaurito)|accesso illimitato|articoli gratuiti"],
    "pl": [r"nieograniczony dostęp|darmowe artykuły"],
    "pt": [r"acesso ilimitado|atingiu o limite"],
}

WEAK = {
    "en": [r"\bsubscri(?:be|ption|ber)s?\b.*\b(?:access|trial|\$\d|month|week)\b|^✓|^✔"],
    "fr": [r"\babonn\w+\b.*\b(?:€|mois|accès)\b"],
    "es": [r"\bsuscri\w+\b.*\b(?:€|mes|acceso)\b"],
    "de": [r"\babo\w*\b.*\b(?:€|monat|zugang)\b"],
}
