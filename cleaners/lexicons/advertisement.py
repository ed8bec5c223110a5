"""Advertisement labels and the ad copy that follows them."""

LABELS = {
    "en": [
        r"(?:story|article|content|text) continues (?:below|after)(?: (?:this )?(?:advertisement|the ad|ad))?",
        r"advertisement|advertising|sponsored(?: content| by [\w ]+)?|ad|ads|promoted|partner content|paid (?:post|content)",
        r"check (?:amazon|price|prices)|view (?:deal|deals)|see (?:deal|all deals)",
    ],
    "ru": [
        r"(?:продолжение|статья продолжается|материал продолжается) (?:ниже|после рекламы)",
        r"реклама|на правах рекламы|партнёрский материал|партнерский материал|спецпроект",
    ],
    "uk": [
        r"(?:продовження|стаття продовжується|матеріал продовжується) (?:нижче|після реклами)",
        r"реклама|на правах реклами|партнерський матеріал|спецпроєкт",
    ],
    "de": [
        r"(?:der )?(?:artikel|text|beitrag) (?:geht|wird) (?:unter|nach) der (?:anzeige|werbung) weiter(?:geführt)?|weiterlesen nach der (?:anzeige|werbung)",
        r"anzeige|werbung|gesponsert|sponsored|promotion|zum shop|affiliate-?link|jetzt kaufen",
    ],
    "fr": [
        r"la suite (?:de l'article )?(?:après|sous) (?:cette |la )?publicité|l'article continue (?:après|sous) (?:cette |la )?publicité",
        r"publicité|contenu sponsorisé|sponsorisé|partenariat",
    ],
    "es": [
        r"(?:el artículo|la noticia|el texto) (?:continúa|sigue) (?:debajo|tras la publicidad|después de la publicidad)|sigue leyendo (?:debajo|tras la publicidad)",
        r"publicidad|contenido patrocinado|patrocinado",
    ],
    "it": [r"pubblicità|contenuto sponsorizzato|sponsorizzato"],
    "pl": [r"reklama|materiał sponsorowany|artykuł sponsorowany"],
    "pt": [r"publicidade|conteúdo patrocinado|patrocinado"],
}

# Disclosures of advertising and affiliate links.
PHRASES = {
    "en": [
        r"this (?:post|article|page|story) (?:contains|may contain|includes) (?:affiliate links|references to products|sponsored|paid)",
        r"advertisers do not influence|we may (?:receive|earn) (?:an? )?(?:affiliate )?(?:compensation|commission)|(?:contains|uses) affiliate links",
        # an affiliate price box: "$229 at BuyMart", "Today's best Lumen Rook 2 deals"
        r"^[$£€]\s?\d[\d.,]* at [\w&'. -]{2,30}$|^today's best [\w' -]{1,40} deals$|\bwe check over [\d,.]+ (?:million )?products\b",
    ],
    "de": [
        r"^\*?(?:werbung|anzeige)\b[.:,]|enthält (?:werbung|affiliate[- ]links?|anzeigen)|werbung für [\w-]+|\bunbezahlte werbung\b|\baffiliate[- ]links?\b"
    ],
    "fr": [
        r"\bjouer comporte des risques\b",
        r"contient des liens (?:affiliés|sponsorisés)|article sponsorisé|publi-?rédactionnel",
    ],
    "es": [r"contiene enlaces (?:de afiliados|patrocinados)|contenido patrocinado|publirreportaje"],
    "it": [r"contiene link (?:di affiliazione|affiliati)|contenuto sponsorizzato"],
    "pl": [r"zawiera linki afiliacyjne|artykuł sponsorowany|materiał partnera"],
    "pt": [r"contém links (?:de afiliados|patrocinados)|conteúdo patrocinado"],
    "ru": [
        r"\berid:? ?[\w-]{5}|\bинн:? ?\d{10}",
    ],
}

# Commercial wording of ad copy: prices, calls to action, offers.
WEAK = {
    "en": [
        r"\b\d+(?:\.\d+)?% finance\b|\bbook (?:your|a) (?:free )?(?:test drive|appointment|consultation)\b",
        r"\b\d+(?:\.\d+)?\s?% apr\b|\bapply (?:now|today|online|in minutes)\b|\bnmls\b",
        r"\bget (?:your )?tickets\b|\bfree parking\b|\bbook (?:now|today|online)\b",
        r"\b\d+ ?% off\b|\bin stores? and online\b|\bwhile supplies last\b|\bfree (?:delivery|shipping|trial)\b",
        r"(?:only|just|from|for) [$£€]\s?\d|[$£€]\d+(?:[.,]\d\d)?/mo\b|\bcall \d|\bcall (?:us|now|today)\b",
        r"\b(?:check availability|free quote|order now|shop now|buy now|learn more|limited time|book (?:a|your) free)\b",
        r"\bfree (?:\w+ )?(?:survey|quote|estimate|consultation|tasting|admission|entry|installation)\b|\bterms apply\b",
    ],
    "ru": [
        r"\bпромокод",
        r"\bзвоните\b|\bдоставка по\b|\bоптов\w+ цен|\bот производителя\b",
        r"\bбез предоплаты\b|\bбесплатн\w+ (?:доставк|консультац)\w*",
        r"\bтолько в\b|\bзакажите\b|\bскидк\w+|\b18\+|\bоставьте заявку\b",
        r"\bна заказ\b|\bбесплатн\w+ (?:замер|выезд|пробн\w+|установк\w+)",
    ],
    "uk": [
        r"\bпромокод|\bзі знижкою\b",
        r"\bтелефонуйте\b|\bдоставка по\b|\bоптов\w+ цін|\bвід виробника\b",
        r"\bбезкоштовн\w+ (?:доставк|консультаці)\w*",
        r"залиште заявку|\bзнижк\w+|\bзамовте\b|\bвід \d",
        r"\bна замовлення\b|\bбезкоштовн\w+ (?:замір|виїзд|встановленн\w+)",
    ],
    "de": [
        r"\b(?:frühjahrs|sommer|herbst|winter|sonder|rabatt|oster|weihnachts|jubiläums)aktion\b|\btel\.\s?\d|\b\d+\s?% auf (?:alle|das gesamte)\b",
        r"\bjetzt (?:tickets|karten) sichern\b|\bvergleichen sie (?:jetzt )?(?:die )?angebote\b",
        r"\bunverbindlich\w*\b|\bberatungstermin\b|\b\d+ ?% rabatt\b",
        r"\bjetzt\b.*\b(?:sichern|anfordern|bestellen|buchen)\b|\bnur \d+ ?€|\bkostenlos|\bangebot\b",
    ],
    "fr": [
        r"\bjusqu'à -?\d+ ?%|\bshowroom\b",
        r"\boffre réservée\b|\bjouer comporte des risques\b|\bappel non surtaxé\b|\bremboursés?\b.{0,40}\bpari",
        r"\bd'économies\b|\bcomparez (?:les )?offres\b|\bréservez (?:dès maintenant|vite)\b",
        r"\bsans engagement\b|\b\d+ ?% de réduction\b|\bintervient sous \d",
        r"\bdevis gratuit\b|\bà partir de \d|€ par mois|\bprofitez\b",
        r"\bdécouvrez (?:nos|notre|la nouvelle|le nouveau)\b|\b(?:entrée|dégustation|livraison|inscription) gratuite\b",
    ],
    "es": [
        r"\bllame (?:ya|ahora)\b|\bdesde \d+(?:[.,]\d+)? ?€ al mes\b",
        r"\bcompara (?:las )?ofertas\b|\bcompra (?:ya )?tus entradas\b",
        r"\bsin compromiso\b|\bpide (?:tu |un )?presupuesto\b|\b\d+ ?% de descuento\b",
        r"\bcalcula tu\b|\btae\b|\bdesde \d+ ?€|\bsolicita\b|\boferta\b",
        r"\bsin comisiones\b|\bconsulta (?:las )?condiciones\b|\bllévate\b|\bde regalo\b|\bde bienvenida\b",
    ],
    "it": [r"\bpreventivo gratuito\b|\ba partire da \d|\bofferta\b"],
    "pl": [r"\bjuż od \d|\bpromocja\b|\bzamów\b"],
    "pt": [r"\ba partir de \d|\bpromoção\b|\bsimule\b"],
}
