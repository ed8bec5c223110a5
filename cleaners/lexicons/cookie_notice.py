"""Cookie and consent banners."""

LABELS = {
    "en": [
        r"your privacy (?:choices|options|settings|preferences)|we value your privacy|privacy (?:preferences|cent(?:er|re)|choices)",
        r"agree(?: and (?:close|continue))?|accept and (?:close|continue)|decline (?:all|optional|non-essential)(?: cookies)?|(?:only|strictly) (?:necessary|essential)(?: cookies)?",
        r"accept(?: all)?(?: cookies)?|reject(?: all| non-essential)?(?: cookies)?|allow all(?: cookies)?",
        r"(?:essential|necessary) (?:cookies )?only|manage (?:options|preferences|cookies|settings|choices)",
        r"cookie (?:settings|preferences|policy)|privacy settings|view (?:our )?(?:partners|vendors)",
        r"ok(?:ay)?,? (?:got it|i agree)|got it|i agree|we care about your privacy",
    ],
    "ru": [
        r"управл(?:ять|ение) (?:настройками|cookie)|настроить cookie",
        r"принять и (?:закрыть|продолжить)|принять все cookie",
        r"принять(?: все)?|отклонить|настроить|понятно|настройки cookie",
    ],
    "uk": [
        r"керувати (?:налаштуваннями|cookie)",
        r"прийняти та (?:закрити|продовжити)|прийняти всі cookie",
        r"прийняти(?: все)?|відхилити|налаштувати|зрозуміло|налаштування cookie",
    ],
    "de": [
        r"einstellungen (?:verwalten|anpassen|ändern)|(?:cookie|datenschutz) ?einstellungen (?:verwalten|anpassen|öffnen)|optionen verwalten",
        r"mit werbung (?:weiter)?lesen(?: oder (?:werbefrei|ohne werbung) (?:weiter)?lesen)?|werbefrei (?:weiter)?lesen|(?:akzeptieren|zustimmen) und weiter(?:lesen)?",
        r"details anzeigen|datenschutz ?einstellungen|privatsphäre ?einstellungen|(?:nur )?(?:notwendige|erforderliche) cookies(?: akzeptieren| zulassen)?|pur ?abo(?: für(?: im monat)?| abschließen)?",
        r"(?:alle )?akzeptieren|ablehnen|einstellungen|nur notwendige|zustimmen",
    ],
    "fr": [
        r"(?:accepter|j'accepte) et (?:fermer|continuer)|je refuse|refuser(?: tout)?|paramétrer(?: les cookies)?|(?:gérer|personnaliser) (?:mes|les) (?:choix|préférences|cookies)|gérer (?:les|mes) (?:paramètres|options)",
        r"(?:nous respectons|le respect de) votre vie privée|vos choix en matière de (?:cookies|confidentialité)|paramètres (?:des cookies|de confidentialité)",
        r"tout accepter|tout refuser|continuer sans accepter|personnaliser|j'accepte",
    ],
    "es": [
        r"gestionar (?:preferencias|opciones|cookies|ajustes)|administrar (?:preferencias|cookies)",
        r"aceptar y (?:continuar|cerrar)|rechazar(?: todo| todas)?|configurar (?:preferencias|cookies|opciones)|(?:tu|su) privacidad es importante(?: para nosotros)?|(?:valoramos|respetamos) (?:tu|su) privacidad",
        r"aceptar(?: todo| todas)?|configurar|configuración de cookies",
    ],
    "it": [r"accetta(?: tutto)?|rifiuta(?: tutto)?|personalizza|impostazioni cookie"],
    "pl": [r"akceptuj(?: wszystkie)?|odrzuć|ustawienia(?: cookies)?|zgadzam się"],
    "pt": [r"aceitar(?: todos)?|rejeitar|configurar|definições de cookies"],
}

PHRASES = {
    "en": [
        r"\bcookies and (?:similar|other) (?:technologies|tools|trackers|tracking technologies)\b",
        r"\b(?:partners|third parties|vendors) (?:\w+ ){0,2}(?:use|set|store|place|read)s? (?:\w+ ){0,2}cookies\b",
        r"\b(?:store|access|store and/or access) information on (?:a|your) device\b",
        r"\bcookies?\b.{0,80}\b(?:your (?:device|browser|experience|consent)|we use|this (?:site|website) uses|partners|advertising|analytics)",
        r"\b(?:we|this (?:site|website)) uses? (?:\w+ ){0,3}cookies\b|by continuing to (?:browse|use)",
        r"the technical storage or access",  # the consent dialog of a common WordPress plugin
        r"\b(?:these|such) cookies (?:allow|enable|help|are used|collect)",
        r"(?:our|\d+) partners (?:store|use|process)|unique identifiers|personali[sz]ed ads|cookies help us",
        r"(?:change|manage|update) your (?:cookie |privacy |consent )?(?:choices|settings|preferences)",
    ],
    "ru": [
        r"\bоставаясь на (?:сайте|странице)|\bвы соглашаетесь (?:на|с) (?:их |обработк|использовани|применени)|\bмы и наши партн[её]ры\b",
        r"(?:использу\w+|файл\w*) cookie|продолжая (?:пользоваться|использовать) сайт",
    ],
    "uk": [
        r"\bзалишаючись на (?:сайті|сторінці)|\bви погоджуєтеся (?:на|з) (?:їх |обробк|використанн)|\bми та наші партнери\b",
        r"(?:використову\w+|файл\w*) cookie|продовжуючи (?:користуватися|використовувати) сайт",
    ],
    "de": [
        r"\bwir und (?:unsere |bis zu \d+ |\d+ )?partner\b|\bpersonenbezogene daten wie (?:ihre |deine )?(?:ip-adresse|geräte)",
        r"\binformationen auf (?:einem|ihrem|deinem) (?:endgerät|gerät) (?:speichern|abrufen|zugreifen)|\b(?:mit|per) (?:dem |einem )?pur-abo\b|\bohne werbetracking\b",
        r"(?:verwende[tn]|nutze[nt]) (?:\w+ ){0,3}cookies|cookies? (?:und ähnliche|helfen uns)|ihre einwilligung",
        r"die technische speicherung oder der zug(?:ang|riff)",
        r"^wir respektieren (?:deine|ihre) privatsphäre",
        r"diese cookies (?:ermöglichen|helfen|werden|sammeln)|cookies werden (?:gesetzt|verwendet)",
    ],
    "fr": [
        r"\b(?:nous et |et )?(?:nos|ses) partenaires (?:\w+ ){0,3}(?:utilisons|utilisent|déposons|déposent|stockons|stockent)\b",
        r"\bstocker et/ou accéder à des informations|\bidentifiants uniques\b|\bpublicités? (?:personnalisées?|ciblées?)\b.{0,80}\b(?:cookies|traceurs|consentement)",
        r"(?:utilisons|utilisent|utilise) des cookies|traceurs|en poursuivant votre navigation",
        r"cookies? (?:sont|seront) déposés|dépôt (?:de|des) cookies|ces cookies (?:permettent|nous permettent|sont utilisés)",
    ],
    "es": [
        r"\b(?:almacenar|almacenamos|guardar)(?: y/o| y| o) (?:acceder|accedemos|consultamos|consultar) (?:a )?(?:la )?información (?:en|de) (?:tu|su|un) dispositivo",
        r"\bidentificadores (?:únicos|de navegación)\b|\b(?:nuestros|sus) socios (?:tecnológicos|publicitarios)\b",
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
