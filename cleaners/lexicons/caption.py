"""Photo captions and credits."""

# A credit names the photographer or agency, usually after a keyword and a colon.
CREDIT_KEYWORDS = {
    "en": [
        r"photo(?:graph)?s?|image|picture|credit|illustration|graphic|video|pictured|(?:photo )?courtesy(?: of)?"
    ],
    "ru": [r"фото(?:графия)?|снимок|иллюстрация|кадр|источник фото"],
    "uk": [r"фото(?:графія)?|знімок|ілюстрація|кадр|джерело фото"],
    "de": [
        r"foto|bild|fotos|grafik|illustration|titelbild|titelfoto|bildquelle|fotoquelle|copyright"
    ],
    "fr": [r"photo|crédits?(?: photos?)?|illustration|image"],
    "es": [r"foto(?:grafía)?|imagen|ilustración|crédito"],
    "it": [r"foto|immagine|credito"],
    "pl": [r"fot\.?|zdjęcie|ilustracja"],
    "pt": [r"foto(?:grafia)?|imagem|crédito"],
    # Beyond the core languages, the commonest credit words of the other EU languages.
    "other": [r"kuva|kép|fotografie|φωτογραφία|nuotrauka|fotogrāfija"],
}

# Figure labels that open a figure's caption ("Abbildung 4: …", "Fig. 2. …", "Рис. 1 — …").
FIGURE_LABELS = (
    r"abbildung|abb\.|figure|fig\.|figura|rys\.|rysunek|ryc\.|рис\.|рисунок|мал\.|малюнок"
)

# Openers that only a group photo's caption uses ("Von links nach rechts: …").
CAPTION_OPENERS = (
    r"von links(?: nach rechts)?|from left(?: to right)?|left to right|l-r|de gauche à droite|"
    r"de izquierda a derecha|da sinistra(?: a destra)?|od lewej(?: do prawej)?|"
    r"da esquerda para a direita|слева направо|зліва направо"
)

# "Source" keywords: a source in parentheses at the end of a caption names the image's
# photographer and agency, separated by slashes ("(Quelle: Fleischmann/Unsplash/DJV)").
SOURCE_KEYWORDS = r"quelle|bildquelle|source|fuente|fonte|fonti|źródło|источник|джерело"

# Agencies and stock libraries that end a credit line.
AGENCIES = (
    r"getty images|afp|reuters|ap photo|associated press|epa|dpa|imago|shutterstock|istock|"
    r"alamy|picture alliance|keystone|ansa|efe|tass|тасс|риа новости|ria novosti|укрінформ|"
    r"unsplash|pexels|wikimedia commons|pool|pap|ap|ddp|apa|ips|europa press|bestimage|abaca|"
    # licences that stand where a credit would
    r"public domain|gemeinfrei|domena publiczna|domaine public|dominio público|pubblico dominio|"
    r"domínio público|общественное достояние|суспільне надбання"
)
