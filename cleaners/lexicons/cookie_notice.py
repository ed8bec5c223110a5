"""Cookie and consent banners."""

LABELS = {
    "en": [
        r"accept(?: all)?(?: cookies)?|reject(?: all| non-essential)?(?: cookies)?|allow all(?: cookies)?",
        r"(?:essential|necessary) (?:cookies )?only|manage (?:options|preferences|cookies|settings|choices)",
        r"cookie (?:settings|preferences|policy)|privacy settings|view (?:our )?(?:partners|vendors)",
        r"ok(?:ay)?,? (?:got it|i agree)|got it|i agree|agree and close|we care about your privacy",
    ],
    "ru": [r"принять(?: все)?|отклонить|настроить|понятно|настройки cookie"],
    "uk": [r"прийняти(?: все)?|відхилити|налаштувати|зрозуміло|налаштування cookie"],
    "de": [r"(?:alle )?akzeptieren|ablehnen|einstellungen|nur notwendige(?: cookies)?|zustimmen"],
    "fr": [
        r"tout accepter|tout refuser|continuer sans accepter|personnaliser(?: mes choix)?|j'accepte"
    ],
    "es": [r"aceptar(?: todo| todas)?|rechazar(?: todo)?|configurar|configuración de cookies"],
    "it": [r"accetta(?: tutto)?|rifiuta(?: tutto)?|personalizza|impostazioni cookie"],
    "pl": [r"akceptuj(?: wszystkie)?|odrzuć|ustawienia(?: cookies)?|zgadzam się"],
    "pt": [r"aceitar(?: todos)?|rejeitar|configurar|definições de cookies"],
}

PHRASES = {
    "en": [
        r"\bcookies?\b.{0,80}\b(?:your (?:device|browser|experience|consent)|we use|this (?:site|website) uses|partners|advertising|analytics)",
        r"\b(?:we|this (?:site|website)) uses? (?:\w+ ){0,3}cookies\b|by continuing to (?:browse|use)",
        r"the technical storage or access",  # the consent dialog of a common WordPress plugin
        r"\b(?:these|such) cookies (?:allow|enable|help|are used|collect)",
        r"(?:our|\d+) partners (?:store|use|process)|unique identifiers|personali[sz]ed ads|cookies help us",
        r"(?:change|manage|update) your (?:cookie |privacy |consent )?(?:choices|settings|preferences)",
    ],
    "ru": [r"(?:использу\w+|файл\w*) cookie|продолжая (?:пользоваться|использовать) сайт"],
    "uk": [r"(?:використову\w+|файл\w*) cookie|продовжуючи (?:користуватися|використовувати) сайт"],
    "de": [
        r"(?:verwende[tn]|nutze[nt]) (?:\w+ ){0,3}cookies|cookies? (?:und ähnliche|helfen uns)|ihre einwilligung",
        r"die technische speicherung oder der zug(?:ang|riff)",
        r"^wir respektieren (?:deine|ihre) privatsphäre",
        r"diese cookies (?:ermöglichen|helfen|werden|sammeln)|cookies werden (?:gesetzt|verwendet)",
    ],
    "fr": [
        r"(?:utilisons|utilisent|utilise) des cookies|traceurs|en poursuivant votre navigation",
        r"cookies? (?:sont|seront) déposés|dépôt (?:de|des) cookies|ces cookies (?:permettent|nous permettent|sont utilisés)",
    ],
    "es": [
        r"(?:utilizamos|usamos|utiliza) cookies|al continuar navegando|si continúas navegando",
        r"estas cookies (?:permiten|nos permiten|se utilizan)",
    ],
    "it": [
        r"(?:utilizziamo|usiamo|utilizza) (?:i )?cookie|proseguendo la navigazione",
        r"questi cookie (?:permettono|ci permettono|sono utilizzati)",
    ],
    "pl": [r"(?:używamy|wykorzystujemy|korzystamy z) (?:plików )?cookies?|pliki cookies?"],
    "pt": [
        r"(?:utilizamos|usamos) cookies|ao continuar a navegar",
        r"estes cookies (?:permitem|nos permitem|são utilizados)",
    ],
}

WEAK = {
    "en": [r"\bcookies?\b|\bprivacy (?:settings|policy)\b|\bconsent\b"],
    "ru": [r"\bcookie\b|конфиденциальност"],
    "uk": [r"\bcookie\b|конфіденційност"],
    "de": [r"\bcookies?\b|datenschutz"],
    "fr": [r"\bcookies?\b|confidentialité"],
    "es": [r"\bcookies?\b|privacidad"],
}
