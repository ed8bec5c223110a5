"""Menus, breadcrumbs, pagination and "back to top" links."""

LABELS = {
    "en": [
        # Skip links, the first line of many page dumps ("Skip to main content").
        r"skip (?:to )?(?:the )?(?:main |primary )?(?:content|navigation|menu|sidebar|search|footer)(?: skip to [\w ]{1,30})?|skip navigation",
        r"(?:☰ )?menu|search|home|sections?|back to top|(?:main )?navigation|sign in|log in|log out|register|my account",
        r"(?:previous|next|prev) (?:article|story|post|page)?|previous|next|older posts|newer posts|page \w+ of \w+",
        r"read (?:full|the full|more)(?: article| story)?(?: on [\w. ]+)?|continue reading|read more|more|show more|load more|see all|view all",
        r"about(?: us)?|contact(?: us)?|advertise(?: with us)?|careers|jobs|privacy(?: policy)?|terms(?: of (?:use|service))?|imprint|impressum|sitemap|rss|faq|help",
        r"corrections(?: policy)?|cookie policy|accessibility|do not sell[\w ]*|subscriptions?|e ?edition|archives?",
        r"contact your elected officials",
        r"(?:table of )?contents|on this page|jump to(?: section)?",
        r"back to [\w' ]{1,30}|go to (?:the )?(?:homepage|home page|top)",
    ],
    "ru": [
        r"перейти к (?:основному )?(?:содержанию|содержимому|навигации|меню|поиску)",
        r"содержание|оглавление|главная|меню|поиск|войти|выйти|регистрация|назад|вперёд|далее|наверх|предыдущая статья|следующая статья|все новости|о проекте|контакты|реклама на сайте",
        r"вернуться (?:к|в|на) [\w ]{1,30}|назад к [\w ]{1,30}",
    ],
    "uk": [
        r"перейти до (?:основного )?(?:вмісту|змісту|навігації|меню|пошуку)",
        r"зміст|головна|меню|пошук|увійти|вийти|реєстрація|назад|далі|нагору|попередня стаття|наступна стаття|усі новини|всі новини|про проєкт|контакти",
        r"повернутися (?:до|на) [\w ]{1,30}",
    ],
    "de": [
        r"(?:direkt |springe )?zu[mr]? (?:haupt)?(?:inhalt|navigation|menü|hauptmenü|suche|seitenanfang|fußzeile)(?: springen| wechseln| überspringen)?|springe direkt zu",
        r"inhaltsverzeichnis|inhalt|auf dieser seite|startseite|menü|suche|suchen|anmelden|abmelden|zurück|weiter|nach oben|vorheriger artikel|nächster artikel|alle artikel|kontakt|impressum|datenschutz(?:erklärung)?|agb|mediadaten",
        r"zurück (?:zu[rm]?) [\w ]{1,30}|zur startseite|zur übersicht",
    ],
    "fr": [
        r"(?:aller|passer) (?:au|à la) (?:contenu|navigation|menu|recherche)(?: principale?)?",
        r"sommaire|table des matières|accueil|menu|rechercher|recherche|se connecter|retour|suivant|précédent|haut de page|article précédent|article suivant|mentions légales|plan du site|contact",
        r"retour (?:à|au|aux) [\w' ]{1,30}",
    ],
    "es": [
        r"(?:ir|saltar) (?:al?|a la) (?:contenido|navegación|menú|búsqueda)(?: principal)?",
        r"índice|tabla de contenidos|inicio|portada|menú|buscar|búsqueda|iniciar sesión|volver|siguiente|anterior|volver arriba|artículo anterior|artículo siguiente|aviso legal|contacto",
        r"volver (?:a|al) [\w ]{1,30}|ir a (?:la )?portada",
    ],
    "it": [
        r"(?:vai|salta|passa) (?:al|alla) (?:contenuto|navigazione|menu|ricerca)(?: principale)?",
        r"home|menu|cerca|accedi|indietro|avanti|torna su|articolo precedente|articolo successivo|contatti|note legali",
        r"torna (?:a|al|alla|all|alle|ai) [\w ]{1,30}",
    ],
    "pl": [
        r"przejdź do (?:głównej )?(?:treści|zawartości|nawigacji|menu|wyszukiwarki)",
        r"spis treści|strona główna|menu|szukaj|zaloguj|wstecz|dalej|do góry|poprzedni artykuł|następny artykuł|kontakt|regulamin",
        r"(?:wróć|powrót) do [\w ]{1,30}",
    ],
    "pt": [
        r"(?:ir|saltar|pular) para o (?:conteúdo|menu|navegação)(?: principal)?",
        r"início|página inicial|menu|pesquisar|buscar|entrar|voltar|próximo|anterior|voltar ao topo|contato|contacto",
        r"voltar (?:a|ao|à|para) [\w ]{1,30}",
    ],
}

# Lines that start like a breadcrumb trail or a pager.
PHRASES = {
    "en": [
        r"^(?:previous|next) (?:article|story|post)\s*[:›»>]",
        r"^(?:home|start|main)\s*[›»>/|]",
    ],
    "ru": [r"^(?:главная|новости)\s*[›»>/|]", r"^(?:предыдущая|следующая) (?:статья|новость)"],
    "uk": [r"^(?:головна|новини)\s*[›»>/|]", r"^(?:попередня|наступна) (?:стаття|новина)"],
    "de": [
        r"^(?:startseite|home)\s*[›»>/|]",
        r"^(?:vorheriger|nächster) artikel",
        r"^(?:weitere )?infos?(?:rmationen)? (?:gibt es )?(?:unter|auf|bei) (?:www\.|https?:)",
    ],
    "fr": [r"^(?:accueil|actualité)\s*[›»>/|]", r"^article (?:précédent|suivant)"],
    "es": [r"^(?:inicio|portada)\s*[›»>/|]", r"^(?:artículo|noticia) (?:anterior|siguiente)"],
}
