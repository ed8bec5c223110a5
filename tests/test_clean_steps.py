"""The cleaning steps, one by one and inside the whole pipeline.

Every case inserts boilerplate written for this file (not copied from the labelled pages:
a rule that only matches the devset's sentences would be worthless) into a made-up article
of `tests.cleaning_helpers.ARTICLES`, in one of the nine core languages, and checks:

- the step alone (`step.find(doc)`) finds the boilerplate, with the step's kind, and takes
  no article paragraph;
- the whole pipeline (`cleaners.clean`) removes it, keeps every article paragraph and the
  title, and records every removed block (kind + rule), losing nothing silently;

then hard negatives that must stay: donation asks quoted in an article about a charity
drive, a newspaper's newsletter as news, Q&A turns, subheadings, bullet lists introduced
by a colon, one-line paragraphs and "declined to comment" lines.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from cleaners.steps import DEFAULT_STEPS
from tests.cleaning_helpers import (
    ARTICLES,
    assert_accounted,
    assert_kept,
    assert_removed,
    clean_lines,
    clean_plain,
    describe,
    doc_of,
    in_body,
    page,
    removal_for,
)

STEPS = {step.name: step for step in DEFAULT_STEPS}
AUTHORED_TUNED = Path(__file__).parent.parent / "benchmarks" / "data" / "authored" / "tuned"


@dataclass(frozen=True)
class Case:
    id: str
    step: str  # the step that must find the boilerplate on its own
    kind: str  # the kind the step records
    lang: str
    lines: tuple[str, ...]  # the boilerplate, in page order
    where: str = "end"  # start (above the title), top (under the title), middle, end
    # The lines the step itself must find (default: all); the pipeline must remove all.
    step_lines: tuple[str, ...] | None = None
    xfail: str | None = None  # a known bug: the reason

    @property
    def must_find(self) -> tuple[str, ...]:
        return self.lines if self.step_lines is None else self.step_lines

    def page_lines(self) -> list[str]:
        article = ARTICLES[self.lang]
        paragraphs = list(article.paragraphs)
        boiler = list(self.lines)
        if self.where == "start":
            return [*boiler, article.title, *paragraphs]
        if self.where == "top":
            return [article.title, *boiler, *paragraphs]
        if self.where == "middle":
            return [article.title, *paragraphs[:2], *boiler, *paragraphs[2:]]
        return [article.title, *paragraphs, *boiler]


CASES = [
    # --- zones: cookie banners ---
    Case(
        "cookie-en",
        "cookie_notice",
        "cookie_notice",
        "en",
        (
            "This website stores cookies on your computer to improve your browsing "
            "experience and for analytics about our visitors.",
            "Accept cookies",
            "Manage preferences",
        ),
        "start",
    ),
    Case(
        "cookie-de",
        "cookie_notice",
        "cookie_notice",
        "de",
        (
            "Wir verwenden Cookies, um Inhalte zu personalisieren und die Zugriffe auf "
            "unsere Website zu analysieren.",
            "Alle akzeptieren",
            "Nur notwendige Cookies",
        ),
        "end",
    ),
    Case(
        "cookie-it",
        "cookie_notice",
        "cookie_notice",
        "it",
        (
            "Questo sito utilizza cookie tecnici e di profilazione. Proseguendo la "
            "navigazione accetti il loro uso.",
            "Accetta tutto",
            "Rifiuta",
        ),
        "start",
    ),
    Case(
        "cookie-pl",
        "cookie_notice",
        "cookie_notice",
        "pl",
        (
            "Używamy plików cookies, aby zapewnić prawidłowe działanie serwisu.",
            "Akceptuj wszystkie",
        ),
        "start",
    ),
    Case(
        "cookie-pl-notice",
        "cookie_notice",
        "cookie_notice",
        "pl",
        ("Zachęcamy do regularnych odwiedzin. Informujemy, że korzystamy z cookies.",),
        "start",
    ),
    Case(
        "cookie-de-privacy",
        "cookie_notice",
        "cookie_notice",
        "de",
        (
            "Wir respektieren deine Privatsphäre. Mit deiner Zustimmung speichern wir Daten "
            "auf deinem Gerät.",
            "Alle akzeptieren",
        ),
    ),
    Case(
        "cookie-de-consent-dialog",
        "cookie_notice",
        "cookie_notice",
        "de",
        (
            "Wir verwenden Technologien wie Cookies, um Geräteinformationen zu speichern.",
            "Die technische Speicherung oder der Zugang ist für den rechtmäßigen Zweck "
            "unbedingt erforderlich.",
        ),
    ),
    Case(
        "cookie-fr-consent-dialog",
        "cookie_notice",
        "cookie_notice",
        "fr",
        (
            "Sur ce site, des cookies sont déposés par l'éditeur et par des tiers.",
            "Ces cookies permettent d'établir des statistiques de fréquentation du site.",
        ),
    ),
    # --- zones: paywalls ---
    Case(
        "paywall-en",
        "paywall",
        "paywall",
        "en",
        (
            "This story is available to subscribers only.",
            "Subscribe now for just $2 a week",
            "Already a subscriber? Sign in",
        ),
    ),
    Case(
        "paywall-en-full-story",
        "paywall",
        "paywall",
        "en",
        ("To read the full story, please subscribe to the Gullhaven Gazette.",),
    ),
    Case(
        "paywall-de-login-form",
        "paywall",
        "paywall",
        "de",
        (
            "Bitte trage eine E-Mail-Adresse ein.",
            "Das Passwort muss mindestens 8 Zeichen lang sein.",
            "Diese E-Mail-Adresse ist bereits registriert.",
        ),
    ),
    Case(
        "paywall-en-login-form",
        "paywall",
        "paywall",
        "en",
        ("Please enter a valid email address.", "Password must contain at least one digit."),
    ),
    Case(
        "paywall-fr",
        "paywall",
        "paywall",
        "fr",
        (
            "Il vous reste 72 % de cet article à lire.",
            "Je m'abonne",
            "Déjà abonné ? Se connecter",
        ),
    ),
    Case(
        "paywall-fr-reserved",
        "paywall",
        "paywall",
        "fr",
        (
            "Cet article vous est offert jusqu'à demain.",
            "La suite de cet article est réservée à nos abonnés.",
            "Je m'abonne",
        ),
    ),
    Case(
        "paywall-es",
        "paywall",
        "paywall",
        "es",
        (
            "Has alcanzado el límite de artículos gratuitos de este mes.",
            "Suscríbete",
            "Ya soy suscriptor",
        ),
    ),
    Case(
        "paywall-ru",
        "paywall",
        "paywall",
        "ru",
        ("Материал доступен только подписчикам.", "Оформить подписку", "Уже подписаны? Войти"),
    ),
    # --- zones: newsletter prompts ---
    Case(
        "newsletter-en-mid",
        "newsletter_prompt",
        "newsletter_prompt",
        "en",
        (
            "The Harbour Briefing",
            "Tides, timetables and the week's local stories, delivered to your inbox every Friday.",
            "Enter your email",
            "Sign up",
            "You can unsubscribe at any time.",
        ),
        "middle",
    ),
    Case(
        "newsletter-de",
        "newsletter_prompt",
        "newsletter_prompt",
        "de",
        (
            "Der Lindenau-Newsletter: Melden Sie sich für unseren Newsletter an und erhalten "
            "Sie jeden Morgen die wichtigsten Nachrichten aus der Region.",
            "E-Mail-Adresse",
        ),
    ),
    Case(
        "newsletter-it",
        "newsletter_prompt",
        "newsletter_prompt",
        "it",
        (
            "Iscriviti alla nostra newsletter per ricevere ogni mattina le notizie della "
            "provincia.",
            "Il tuo indirizzo email",
            "Iscriviti",
        ),
    ),
    Case(
        "newsletter-pt",
        "newsletter_prompt",
        "newsletter_prompt",
        "pt",
        (
            "Assine a nossa newsletter e receba as principais notícias na sua caixa de entrada.",
            "Inscreva-se",
        ),
        # "Inscreva-se" is left to the article span: see test_hyphenated_button_labels_match.
        step_lines=(
            "Assine a nossa newsletter e receba as principais notícias na sua caixa de entrada.",
        ),
    ),
    Case(
        "newsletter-ru",
        "newsletter_prompt",
        "newsletter_prompt",
        "ru",
        (
            "Подпишитесь на нашу рассылку — главные новости города каждую пятницу.",
            "Ваш e-mail",
            "Подписаться",
        ),
    ),
    Case(
        "newsletter-uk-telegram",
        "newsletter_prompt",
        "newsletter_prompt",
        "uk",
        ("Підписуйтеся на наш телеграм-канал, щоб першими дізнаватися новини громади.",),
    ),
    # --- zones: donation appeals ---
    Case(
        "donation-en-letter",
        "donation_appeal",
        "donation_appeal",
        "en",
        (
            "A note from our editor",
            "The Gullhaven Gazette is owned by nobody but its readers. We have no paywall, "
            "because we think local news should be free for everyone who lives here.",
            "If you value our reporting, please consider making a contribution. Even £3 a "
            "month helps us keep a reporter at every council meeting.",
            "£3",
            "£7",
            "£15",
            "Choose an amount",
            "Give monthly",
            "Support us",
        ),
    ),
    Case(
        "donation-de",
        "donation_appeal",
        "donation_appeal",
        "de",
        (
            "Liebe Leserinnen und Leser,",
            "unabhängiger Lokaljournalismus kostet Geld. Unterstützen Sie unsere Arbeit mit "
            "einem freiwilligen Beitrag.",
            "5 €",
            "10 €",
            "Jetzt unterstützen",
        ),
    ),
    Case(
        "donation-pl",
        "donation_appeal",
        "donation_appeal",
        "pl",
        (
            "Drodzy Czytelnicy,",
            "nasza redakcja utrzymuje się z wpłat czytelników. Wesprzyj niezależne "
            "dziennikarstwo lokalne dowolną kwotą.",
            "20 zł",
            "50 zł",
            "Inna kwota",
            "Wesprzyj nas",
        ),
    ),
    Case(
        "donation-uk",
        "donation_appeal",
        "donation_appeal",
        "uk",
        (
            "Дорогі читачі!",
            "Наша редакція працює без платного доступу. Підтримайте незалежну журналістику — "
            "кожен внесок важливий.",
            "100 грн",
            "200 грн",
            "Інша сума",
            "Підтримати",
        ),
    ),
    Case(
        "donation-es-one-line",
        "donation_appeal",
        "donation_appeal",
        "es",
        ("Apóyanos: necesitamos tu ayuda para seguir haciendo periodismo independiente.",),
    ),
    # --- comments: header, meta lines and buttons (the comments' text goes with the span) ---
    Case(
        "comments-en",
        "comments",
        "comments",
        "en",
        (
            "23 comments",
            "Sort by: Newest",
            "harbourwatcher · 3 hours ago",
            "About time. The detour added an hour to my commute every single day.",
            "Reply · 4 likes",
            "seagull_sam · 5 hours ago",
            "Twice the estimate and nobody is accountable, as usual.",
            "Reply",
            "Show more comments",
        ),
        step_lines=(
            "23 comments",
            "Sort by: Newest",
            "harbourwatcher · 3 hours ago",
            "Reply · 4 likes",
            "seagull_sam · 5 hours ago",
            "Reply",
            "Show more comments",
        ),
    ),
    Case(
        "comments-fr",
        "comments",
        "comments",
        "fr",
        (
            "Commentaires (6)",
            "Laisser un commentaire",
            "Paulo31 · il y a 2 heures",
            "Enfin ! Mes enfants vont pouvoir nager à côté de la maison.",
            "Répondre",
        ),
        step_lines=(
            "Commentaires (6)",
            "Laisser un commentaire",
            "Paulo31 · il y a 2 heures",
            "Répondre",
        ),
    ),
    Case(
        "comments-de",
        "comments",
        "comments",
        "de",
        (
            "Kommentare (7)",
            "Kommentar schreiben",
            "Heinz K. · vor 3 Stunden",
            "Elf Prozent nach drei Jahren Erhöhungen sind ein Witz.",
            "Antworten",
        ),
        step_lines=(
            "Kommentare (7)",
            "Kommentar schreiben",
            "Heinz K. · vor 3 Stunden",
            "Antworten",
        ),
    ),
    # A comment form's check boxes, after the article.
    Case(
        "comments-form-notify-en",
        "comments",
        "comments",
        "en",
        ("Leave a Reply", "Notify me when new comments are posted"),
    ),
    Case(
        "comments-form-notify-de",
        "comments",
        "comments",
        "de",
        ("Kommentar verfassen", "Benachrichtigung bei weiteren Kommentaren per E-Mail senden."),
    ),
    Case(
        "comments-form-notify-fr",
        "comments",
        "comments",
        "fr",
        ("Laisser un commentaire", "Prévenez-moi de tous les nouveaux commentaires par e-mail."),
    ),
    Case(
        "comments-form-notify-es",
        "comments",
        "comments",
        "es",
        (
            "Deja un comentario",
            "Recibir un correo electrónico con los siguientes comentarios a esta entrada.",
        ),
    ),
    Case(
        "comments-form-notify-it",
        "comments",
        "comments",
        "it",
        ("Commenta", "Avvisami via e-mail alla presenza di nuovi commenti."),
    ),
    Case(
        "comments-form-notify-pl",
        "comments",
        "comments",
        "pl",
        ("Skomentuj", "Powiadom mnie o kolejnych komentarzach."),
    ),
    Case(
        "comments-form-notify-pt",
        "comments",
        "comments",
        "pt",
        ("Comentar", "Notifique-me sobre novos comentários por e-mail."),
    ),
    Case(
        "comments-form-notify-ru",
        "comments",
        "comments",
        "ru",
        ("Оставить комментарий", "Уведомлять меня о новых комментариях по почте."),
    ),
    Case(
        "comments-form-notify-uk",
        "comments",
        "comments",
        "uk",
        ("Залишити коментар", "Сповіщати мене про нові коментарі поштою."),
    ),
    Case(
        "comments-form-connect-de",
        "comments",
        "comments",
        "de",
        (
            "Kommentar verfassen",
            "Verbinde mit %s",
            "Informiere mich über neue Beiträge per E-Mail.",
        ),
    ),
    Case(
        "comments-cta-de",
        "comments",
        "comments",
        "de",
        ("Ihre Meinung zu diesem Thema",),
    ),
    Case(
        "comments-login-es",
        "comments",
        "comments",
        "es",
        ("Para comentar debes registrarte y completar los datos generales.",),
    ),
    Case(
        "share-cta-de",
        "social_share",
        "social_share",
        "de",
        ("Teile diesen Beitrag auf Social Media.",),
    ),
    Case(
        "share-cta-fr",
        "social_share",
        "social_share",
        "fr",
        ("Vous avez aimé cet article ?",),
    ),
    Case(
        "donation-one-liner-de",
        "donation_appeal",
        "donation_appeal",
        "de",
        (
            "Ihr Beitrag hilft, unsere Berichterstattung weiter auszubauen und sie weiterhin "
            "kostenlos für alle anzubieten.",
        ),
    ),
    Case(
        "newsletter-never-miss-de",
        "newsletter_prompt",
        "newsletter_prompt",
        "de",
        ("Mit unserem Newsletter nichts mehr verpassen!",),
    ),
    Case(
        "newsletter-edition-en",
        "newsletter_prompt",
        "newsletter_prompt",
        "en",
        ("Get the Gazette's Daily Edition by email and never miss our top stories",),
    ),
    Case(
        "newsletter-brand-de",
        "newsletter_prompt",
        "newsletter_prompt",
        "de",
        ("Cicero Newsletter",),
    ),
    Case(
        "newsletter-informed-de",
        "newsletter_prompt",
        "newsletter_prompt",
        "de",
        (
            "Wenn du per E-Mail über Neues aus dem Verein informiert werden willst, kannst du "
            "unseren Newsletter abonnieren.",
        ),
    ),
    Case(
        "newsletter-named-de",
        "newsletter_prompt",
        "newsletter_prompt",
        "de",
        ("Der Stadtwerke-Newsletter: immer bestens informiert!",),
    ),
    Case("comments-leave-reply-de", "comments", "comments", "de", ("Hinterlasse eine Antwort",)),
    Case("comments-reactions-fr", "comments", "comments", "fr", ("Vos réactions",)),
    Case(
        "share-cta-de-liked",
        "social_share",
        "social_share",
        "de",
        ("Dir hat der Artikel gefallen? Jetzt teilen...",),
    ),
    Case(
        "newsletter-consent-de",
        "newsletter_prompt",
        "newsletter_prompt",
        "de",
        ("Ja, ich möchte den personalisierten Newsletter erhalten.",),
    ),
    Case(
        "newsletter-consent-en",
        "newsletter_prompt",
        "newsletter_prompt",
        "en",
        ("Yes, I would like to receive the Gazette newsletter.",),
    ),
    # --- share bars ---
    Case(
        "share-en",
        "social_share",
        "social_share",
        "en",
        ("Share on WhatsApp", "Share on LinkedIn", "Copy link"),
        "top",
    ),
    Case(
        "share-en-end",
        "social_share",
        "social_share",
        "en",
        ("Share this article", "Facebook · X · Email"),
    ),
    Case("share-ru", "social_share", "social_share", "ru", ("Поделиться", "Скопировать ссылку")),
    Case("share-es", "social_share", "social_share", "es", ("Compartir en Facebook",), "top"),
    Case(
        "share-de", "social_share", "social_share", "de", ("Artikel teilen", "Link kopieren"), "top"
    ),
    # --- widgets ---
    Case("widget-en", "widget", "widget", "en", ("Listen to this story", "5 min read"), "top"),
    Case("widget-en-video", "widget", "widget", "en", ("Watch video",), "middle"),
    Case("widget-de", "widget", "widget", "de", ("Artikel anhören", "Lesezeit: 3 Min."), "top"),
    Case(
        "widget-it-reading-time", "widget", "widget", "it", ("Tempo di lettura: 3 minuti",), "top"
    ),
    Case(
        "widget-pt-reading-time", "widget", "widget", "pt", ("Tempo de leitura: 4 minutos",), "top"
    ),
    Case("widget-de-reading-time", "widget", "widget", "de", ("Lesezeit: 5 Minuten",), "top"),
    Case(
        "share-row-de-recipe",
        "social_share",
        "social_share",
        "de",
        ("Rezept drucken Bei Pinterest speichern",),
        "middle",
    ),
    Case(
        "share-cta-de-friends",
        "social_share",
        "social_share",
        "de",
        ("Der Artikel gefällt dir?", "Mit Freunden teilen"),
        "top",
    ),
    Case(
        "widget-fr",
        "widget",
        "widget",
        "fr",
        ("Écouter cet article", "Temps de lecture : 4 min"),
        "top",
    ),
    Case(
        "widget-es", "widget", "widget", "es", ("Escuchar esta noticia", "3 min de lectura"), "top"
    ),
    # The placeholder a consent layer leaves where an embed was.
    Case("widget-de-embed", "widget", "widget", "de", ("Externer Inhalt",), "middle"),
    # --- advertisements: the label and the ad copy after it ---
    Case(
        "ad-de",
        "advertisements",
        "advertisement",
        "de",
        ("Anzeige", "Solaranlage für Ihr Dach: jetzt kostenloses Angebot anfordern!"),
        "middle",
    ),
    Case(
        "ad-de-affiliate",
        "advertisements",
        "advertisement",
        "de",
        ("Affiliatelink", "Zum Shop"),
        "middle",
    ),
    Case(
        "ad-it",
        "advertisements",
        "advertisement",
        "it",
        ("Pubblicità", "Mutuo a tasso fisso: preventivo gratuito in 24 ore"),
        "middle",
    ),
    Case(
        "ad-pl",
        "advertisements",
        "advertisement",
        "pl",
        ("Reklama", "Kredyt gotówkowy już od 0% – zamów online"),
        "middle",
    ),
    Case(
        "ad-en-dollar",
        "advertisements",
        "advertisement",
        "en",
        ("Advertisement", "Seaside cottages for rent from $99 a night. Book now"),
        "middle",
    ),
    Case(
        "ad-en-caps",
        "advertisements",
        "advertisement",
        "en",
        ("Sponsored", "HARBOUR MARINE SUPPLIES: ROPES, PAINT AND CHANDLERY"),
        "middle",
    ),
    Case(
        "ad-en-disclosure",
        "advertisements",
        "advertisement",
        "en",
        ("This article contains affiliate links. We may earn a commission on purchases.",),
        "top",
    ),
    # --- publisher promo ---
    Case(
        "promo-en-app",
        "publisher_promo",
        "publisher_promo",
        "en",
        ("Download our app for iPhone and Android to get breaking news alerts.",),
    ),
    Case(
        "promo-es",
        "publisher_promo",
        "publisher_promo",
        "es",
        ("Síguenos en Instagram y en nuestro canal de WhatsApp.",),
    ),
    Case(
        "promo-de-magazine",
        "publisher_promo",
        "publisher_promo",
        "de",
        (
            "Lesen Sie das Lindenauer Magazin: digital in der App oder im Shop als Abo oder "
            "Einzelheft.",
        ),
    ),
    Case("promo-de-order", "publisher_promo", "publisher_promo", "de", ("Buch bestellen",)),
    Case(
        "promo-pl",
        "publisher_promo",
        "publisher_promo",
        "pl",
        ("Pobierz naszą aplikację i bądź na bieżąco.",),
    ),
    Case(
        "promo-fr",
        "publisher_promo",
        "publisher_promo",
        "fr",
        ("Suivez-nous sur Instagram et Facebook.",),
    ),
    # --- "Read also:" lines between paragraphs ---
    Case(
        "related-en",
        "related_links",
        "unrelated_headline",
        "en",
        ("Read more: Council approves new ferry timetable for the summer season",),
        "middle",
    ),
    Case(
        "related-en-see-also",
        "related_links",
        "unrelated_headline",
        "en",
        ("See also: How the estuary bridge plan stalled",),
        "middle",
    ),
    Case(
        "related-de",
        "related_links",
        "unrelated_headline",
        "de",
        ("Lesen Sie auch: Warum die Fernwärme in Lindenau teurer wird",),
        "middle",
    ),
    Case(
        "related-fr",
        "related_links",
        "unrelated_headline",
        "fr",
        ("À lire aussi : Le centre aquatique de Marmande ferme pour l'été",),
        "middle",
    ),
    Case(
        "related-it",
        "related_links",
        "unrelated_headline",
        "it",
        ("Leggi anche: Il museo diocesano apre le sale restaurate",),
        "middle",
    ),
    Case(
        "related-pt",
        "related_links",
        "unrelated_headline",
        "pt",
        ("Leia também: Hospital distrital abre nova urgência pediátrica",),
        "middle",
    ),
    Case(
        "related-pl",
        "related_links",
        "unrelated_headline",
        "pl",
        ("Czytaj też: Nowa szkoła w Lipnie gotowa przed terminem",),
        "middle",
    ),
    Case(
        "related-uk",
        "related_links",
        "unrelated_headline",
        "uk",
        ("Читайте також: На Черкащині ремонтують дорогу до Сміли",),
        "middle",
    ),
    Case(
        "related-es-lea",
        "related_links",
        "unrelated_headline",
        "es",
        ("Lea: El ayuntamiento aprueba el nuevo plan de movilidad",),
        "middle",
    ),
    Case(
        "related-es-lea-mas",
        "related_links",
        "unrelated_headline",
        "es",
        ("Lea más: El gobierno regional propone ampliar el puerto de Caldera",),
        "middle",
    ),
    Case(
        "related-es-puedes-ver",
        "related_links",
        "unrelated_headline",
        "es",
        ("PUEDES VER: ¿Qué es la tarjeta de movilidad y para qué sirve?",),
        "middle",
    ),
    # --- list headers and the headline list under them ---
    Case(
        "list-header-en",
        "list_headers",
        "navigation",
        "en",
        (
            "Most popular",
            "Lifeboat crew rescues two kayakers off Skerry Head",
            "Fish plant workers vote on new shift pattern",
            "Ferry fares to rise by 5% from June",
        ),
        step_lines=("Most popular",),
    ),
    Case(
        "list-header-de-with-topic",
        "list_headers",
        "navigation",
        "de",
        (
            "Beliebte Beiträge zum Thema:",
            "Neuer Radweg zwischen Altdorf und Neustadt eröffnet",
            "Stadtwerke erhöhen die Wasserpreise ab Juli",
            "Freibad öffnet zwei Wochen früher als geplant",
        ),
        step_lines=("Beliebte Beiträge zum Thema:",),
    ),
    Case(
        "list-header-de-weiterlesen",
        "list_headers",
        "navigation",
        "de",
        (
            "Weiterlesen",
            "Experte: Gaspreise werden weiter steigen",
            "Standort Lindenau – zu großes Risiko für Betriebe?",
            "Stadtwerke verschieben den Bau des Solarparks",
        ),
        step_lines=("Weiterlesen",),
    ),
    Case(
        "list-header-de-newsticker",
        "list_headers",
        "navigation",
        "de",
        (
            "Newsticker",
            "Stadtwerke verschieben den Bau des Solarparks",
            "Neuer Radweg zwischen Altdorf und Neustadt eröffnet",
            "Freibad öffnet zwei Wochen früher als geplant",
        ),
        step_lines=("Newsticker",),
    ),
    Case(
        "list-header-de-mehr-zu",
        "list_headers",
        "navigation",
        "de",
        (
            "Mehr zu Energie und Wohnen",
            "Stadtwerke verschieben den Bau des Solarparks",
            "Heizkosten: Was Mieter jetzt wissen müssen",
            "Fernwärme wird im Winter teurer",
        ),
        step_lines=("Mehr zu Energie und Wohnen",),
    ),
    Case(
        "list-header-es-informate",
        "list_headers",
        "navigation",
        "es",
        (
            "Informate más",
            "El puerto de Caldera amplía su muelle de cruceros",
            "Nueva ciclovía une el centro con la playa",
            "El mercado municipal abre los domingos",
        ),
        step_lines=("Informate más",),
    ),
    Case(
        "list-header-de-viel-gelesen",
        "list_headers",
        "navigation",
        "de",
        (
            "Viel gelesen in Handel",
            "Supermarkt des Jahres: die Gewinner",
            "Discounter testen Kassen ohne Personal",
            "Wochenmärkte verlieren Stammkunden",
        ),
        step_lines=("Viel gelesen in Handel",),
    ),
    Case(
        "list-header-fr-approfondir",
        "list_headers",
        "navigation",
        "fr",
        (
            "Pour approfondir",
            "La piscine de Marmande ferme pour l'été",
            "Le marché couvert rouvre après deux ans de travaux",
            "Un nouveau pont pour relier les deux rives du Lot",
        ),
        step_lines=("Pour approfondir",),
    ),
    Case(
        "list-header-fr-with-topic",
        "list_headers",
        "navigation",
        "fr",
        (
            "Articles similaires sur ce sujet",
            "Le marché couvert rouvre ses portes après travaux",
            "Grève des bus : le trafic perturbé jusqu'à jeudi",
            "La piscine municipale ferme pour l'été",
        ),
        step_lines=("Articles similaires sur ce sujet",),
    ),
    Case(
        "list-header-ru",
        "list_headers",
        "navigation",
        "ru",
        (
            "Самое читаемое",
            "В Заречном закрыли на ремонт единственный мост",
            "Цены на проезд в автобусах вырастут с первого июня",
            "Городской пляж откроют раньше обычного",
        ),
        step_lines=("Самое читаемое",),
    ),
    Case(
        "list-header-de",
        "list_headers",
        "navigation",
        "de",
        (
            "Meistgelesen",
            "Neue Buslinie verbindet Lindenau mit dem Flughafen",
            "Stadtwerke suchen Auszubildende für den Netzbetrieb",
        ),
        step_lines=("Meistgelesen",),
    ),
    Case(
        "list-header-pt",
        "list_headers",
        "navigation",
        "pt",
        (
            "Mais lidas",
            "Obras na estrada nacional obrigam a desvios até junho",
            "Escola secundária recebe novos laboratórios de ciências",
        ),
        step_lines=("Mais lidas",),
    ),
    Case(
        "list-header-pl-see-also",
        "list_headers",
        "navigation",
        "pl",
        (
            "Zobacz także",
            "Nowa linia tramwajowa połączy centrum z lotniskiem",
            "Szkoła w Lipnie otrzyma nową salę gimnastyczną",
        ),
        step_lines=("Zobacz także",),
    ),
    Case(
        "list-header-es-most-viewed",
        "list_headers",
        "navigation",
        "es",
        (
            "Las más vistas",
            "El mercado central reabre tras las obras de reforma",
            "Huelga de autobuses: el servicio, alterado hasta el jueves",
        ),
        step_lines=("Las más vistas",),
    ),
    Case(
        "list-header-de-editors",
        "list_headers",
        "navigation",
        "de",
        (
            "Empfehlungen aus der Redaktion",
            "Neuer Radweg zwischen Altdorf und Neustadt eröffnet",
            "Freibad öffnet zwei Wochen früher als geplant",
        ),
        step_lines=("Empfehlungen aus der Redaktion",),
    ),
    # --- headline + blurb teaser lists without a header ---
    Case(
        "teasers-en",
        "headline_blurb_pairs",
        "unrelated_headline",
        "en",
        (
            "Lighthouse keeper retires after 31 years",
            "Morag Dunleavy kept the Skerryvane light long after it was automated.",
            "Fish plant expands night shift",
            "The company says it will hire 40 more workers before the summer.",
            "New lifeboat arrives in Gullhaven",
            "The all-weather boat replaces a vessel that served for 25 years.",
        ),
    ),
    Case(
        "teasers-es",
        "headline_blurb_pairs",
        "unrelated_headline",
        "es",
        (
            "El puerto de Montealto bate su récord de cruceros",
            "Más de 300.000 pasajeros desembarcaron en la ciudad el año pasado.",
            "Abre el nuevo mercado de abastos del Ensanche",
            "El edificio reúne 45 puestos de productos frescos.",
        ),
    ),
    # --- tags ---
    Case("tags-en", "tags", "tags", "en", ("Tags: ferries, Gullhaven, transport, harbour",)),
    Case("tags-fr", "tags", "tags", "fr", ("Mots-clés : piscine, Castelmoron, sport, travaux",)),
    Case("tags-es-bare-label", "tags", "tags", "es", ("Etiquetas:",)),
    Case("tags-de-bare-label", "tags", "tags", "de", ("MARKIERT MIT",)),
    Case("tags-it", "tags", "tags", "it", ("Argomenti: biblioteca, Valdorso, restauro",)),
    Case("tags-pl", "tags", "tags", "pl", ("Tagi: przedszkole, Borków, edukacja",)),
    Case("tags-ru", "tags", "tags", "ru", ("Теги: поликлиника, Заречный, здравоохранение",)),
    Case("tags-de", "tags", "tags", "de", ("Schlagworte: Energie, Gaspreis, Stadtwerke",)),
    Case(
        "tags-de-plural",
        "tags",
        "tags",
        "de",
        ("Schlagwörter: Energie, Gaspreis, Stadtwerke",),
    ),
    # --- captions and credits ---
    Case(
        "caption-en",
        "captions",
        "caption",
        "en",
        ("The refitted ferry leaves the north slipway on Monday. Photo: Alison Greer",),
        "middle",
    ),
    Case(
        "caption-de",
        "captions",
        "caption",
        "de",
        ("Die Zentrale der Stadtwerke in Lindenau. Foto: Markus Fendt",),
        "middle",
    ),
    Case(
        "caption-ru",
        "captions",
        "caption",
        "ru",
        ("Новое здание поликлиники на улице Лесозаводской. Фото: Андрей Мельников",),
        "middle",
    ),
    Case(
        "caption-es-agency",
        "captions",
        "caption",
        "es",
        ("Un tranvía en la parada de la plaza Mayor. (EFE)",),
        "middle",
    ),
    Case(
        "caption-fr-copyright",
        "captions",
        "caption",
        "fr",
        ("Le nouveau bassin de vingt-cinq mètres. © Julien Roussel",),
        "middle",
    ),
    # --- author bio ---
    Case(
        "bio-en",
        "author_bio",
        "author_bio",
        "en",
        (
            "Rhona Keillor covers transport and the coast for the Gullhaven Gazette.",
            "Follow @rhonakeillor",
        ),
    ),
    Case(
        "bio-de",
        "author_bio",
        "author_bio",
        "de",
        (
            "Über den Autor",
            "Jonas Brettschneider ist Redakteur für Wirtschaft bei der Lindenauer Rundschau.",
        ),
    ),
    Case(
        "bio-es",
        "author_bio",
        "author_bio",
        "es",
        (
            "Sobre el autor",
            "Marta Lozano es periodista y cubre movilidad y urbanismo para este diario.",
        ),
    ),
    Case(
        "bio-fr",
        "author_bio",
        "author_bio",
        "fr",
        ("Élodie Marchal est journaliste au service sports du quotidien depuis 2015.",),
    ),
    # --- menus and breadcrumbs ---
    Case(
        "menu-en",
        "menus",
        "navigation",
        "en",
        ("Home | News | Sport | Weather | Business | Culture", "News › Local › Transport"),
        "start",
    ),
    Case(
        "menu-en-footer",
        "menus",
        "navigation",
        "en",
        ("About us · Contact · Careers · Advertise with us",),
    ),
    Case(
        "menu-de-crumbs",
        "menus",
        "navigation",
        "de",
        ("Startseite › Wirtschaft › Energie",),
        "start",
    ),
    Case(
        "menu-de-footer", "menus", "navigation", "de", ("Impressum | Datenschutz | Kontakt | AGB",)
    ),
    Case("menu-ru", "menus", "navigation", "ru", ("Новости · Город · Спорт · Культура",), "start"),
    # --- navigation labels ---
    Case(
        "nav-en-top",
        "navigation",
        "navigation",
        "en",
        ("Menu", "Search", "Skip to content"),
        "start",
    ),
    # Skip links: the first line of many page dumps, in every language.
    Case(
        "nav-skip-links-en",
        "navigation",
        "navigation",
        "en",
        ("Skip to main content", "Skip to primary sidebar"),
        "start",
    ),
    Case(
        "nav-skip-links-de",
        "navigation",
        "navigation",
        "de",
        ("Zum Inhalt springen", "Direkt zur Suche", "Zum Hauptinhalt wechseln"),
        "start",
    ),
    Case("nav-skip-link-fr", "navigation", "navigation", "fr", ("Aller au contenu",), "start"),
    Case("nav-skip-link-es", "navigation", "navigation", "es", ("Saltar al contenido",), "start"),
    Case("nav-skip-link-it", "navigation", "navigation", "it", ("Vai al contenuto",), "start"),
    Case("nav-skip-link-pl", "navigation", "navigation", "pl", ("Przejdź do treści",), "start"),
    Case("nav-skip-link-pt", "navigation", "navigation", "pt", ("Pular para o conteúdo",), "start"),
    Case("nav-skip-link-ru", "navigation", "navigation", "ru", ("Перейти к содержанию",), "start"),
    Case("nav-skip-link-uk", "navigation", "navigation", "uk", ("Перейти до вмісту",), "start"),
    Case(
        "nav-en-end",
        "navigation",
        "navigation",
        "en",
        ("Back to top", "Previous article", "Next article"),
    ),
    Case(
        "nav-de-more-info-link",
        "navigation",
        "navigation",
        "de",
        ("Weitere Infos unter www.stadtwerke-lindenau.de.",),
    ),
    Case("nav-fr", "navigation", "navigation", "fr", ("Article précédent", "Haut de page")),
    # "Back to <somewhere>" closes many pages, in every language.
    Case("nav-de-back-to", "navigation", "navigation", "de", ("Zurück zur Übersicht",)),
    Case("nav-es-back-to", "navigation", "navigation", "es", ("Volver al listado de noticias",)),
    Case("nav-pl-back-to", "navigation", "navigation", "pl", ("Wróć do strony głównej",)),
    Case("nav-en-back-to", "navigation", "navigation", "en", ("Back to all stories",)),
    Case("nav-ru", "navigation", "navigation", "ru", ("Следующая статья", "Наверх")),
    Case("nav-es", "navigation", "navigation", "es", ("Volver arriba", "Artículo siguiente")),
    # --- print furniture ---
    Case(
        "furniture-en",
        "page_furniture",
        "page_furniture",
        "en",
        ("Continued on page B4",),
        "middle",
    ),
    Case(
        "furniture-de",
        "page_furniture",
        "page_furniture",
        "de",
        ("Fortsetzung auf Seite 12",),
        "middle",
    ),
    Case(
        "furniture-es",
        "page_furniture",
        "page_furniture",
        "es",
        ("Sigue en la página 14",),
        "middle",
    ),
    Case(
        "furniture-ru",
        "page_furniture",
        "page_furniture",
        "ru",
        ("Продолжение на стр. 5",),
        "middle",
    ),
    Case("furniture-en-page", "page_furniture", "page_furniture", "en", ("Page 3 of 12",), "start"),
    Case("update-line-en", "update_lines", "page_furniture", "en", ("Last updated: 14.03.2025",)),
    Case("update-line-de", "update_lines", "page_furniture", "de", ("Aktualisiert am 17.01.2025",)),
    Case(
        "source-line-de",
        "page_furniture",
        "page_furniture",
        "de",
        ("Quelle: Landesregierung Baden-Württemberg",),
    ),
    Case("source-header-de", "page_furniture", "page_furniture", "de", ("Originalpublikation",)),
    Case(
        "source-line-es", "page_furniture", "page_furniture", "es", ("Fuente: Ministerio de Salud",)
    ),
    Case("published-in-de", "page_furniture", "page_furniture", "de", ("ERSCHIENEN IN",)),
    # --- legal footers ---
    Case(
        "legal-en", "legal", "legal", "en", ("© 2025 Gullhaven Media Group. All rights reserved.",)
    ),
    Case(
        "legal-de",
        "legal",
        "legal",
        "de",
        ("© Lindenauer Verlagsgesellschaft 2025. Alle Rechte vorbehalten.",),
    ),
    Case(
        "legal-en-recaptcha",
        "legal",
        "legal",
        "en",
        ("This site is protected by reCAPTCHA and the Google Privacy Policy apply.",),
    ),
    Case(
        "legal-de-site-licence",
        "legal",
        "legal",
        "de",
        ("Die Inhalte dieser Website sind unter einer Creative Commons-Lizenz lizenziert.",),
    ),
    Case(
        "legal-de-licence",
        "legal",
        "legal",
        "de",
        ("Dieser Text wurde veröffentlicht unter der Lizenz CC-BY-NC-ND-4.0-DE.",),
    ),
    Case(
        "legal-ru",
        "legal",
        "legal",
        "ru",
        (
            "© 2025 «Заречные вести». Все права защищены. Использование материалов "
            "разрешено только с согласия редакции.",
        ),
    ),
    Case(
        "legal-it",
        "legal",
        "legal",
        "it",
        ("© Gazzetta di Valdorso – Tutti i diritti riservati – P.IVA 01234567890",),
    ),
    Case(
        "legal-es",
        "legal",
        "legal",
        "es",
        ("© Diario de Montealto. Todos los derechos reservados.",),
    ),
    # --- consent banners, sign-up forms, ad breaks and boxes worded as real sites word them
    # (the held-out pages of 2026-11-23 found each of these missing) ---
    Case(
        "cookie-en-partners",
        "cookie_notice",
        "cookie_notice",
        "en",
        (
            "We value your privacy",
            "The Gazette and its partners use cookies and similar technologies to measure "
            "traffic and personalise the adverts you see.",
            "Agree    Only essential cookies",
        ),
        "start",
    ),
    Case(
        "cookie-de-pur-abo",
        "cookie_notice",
        "cookie_notice",
        "de",
        (
            "Mit Werbung weiterlesen",
            "Wir und bis zu 212 Partner speichern Informationen auf Ihrem Gerät und "
            "verarbeiten personenbezogene Daten wie Ihre IP-Adresse.",
            "Zustimmen und weiter | Pur-Abo abschließen",
        ),
        "start",
    ),
    Case(
        "cookie-es-device",
        "cookie_notice",
        "cookie_notice",
        "es",
        (
            "Valoramos tu privacidad",
            "Nosotros y nuestros socios tecnológicos almacenamos y accedemos a información en "
            "tu dispositivo para medir la audiencia.",
            "Aceptar y cerrar",
            "Configurar opciones",
        ),
        "start",
    ),
    Case(
        "cookie-fr-partners",
        "cookie_notice",
        "cookie_notice",
        "fr",
        (
            "Nous respectons votre vie privée",
            "Nos partenaires et nous utilisons des cookies pour vous proposer des publicités "
            "personnalisées et mesurer l'audience.",
            "Accepter et fermer",
            "Refuser",
        ),
        "start",
    ),
    Case(
        "cookie-ru-staying",
        "cookie_notice",
        "cookie_notice",
        "ru",
        (
            "Оставаясь на сайте, вы соглашаетесь на использование файлов cookie.",
            "Принять и закрыть",
        ),
        "start",
    ),
    Case(
        "newsletter-en-sign-me-up",
        "newsletter_prompt",
        "newsletter_prompt",
        "en",
        ("Enter your email address    Sign me up",),
    ),
    Case(
        "newsletter-de-kostenlos-abonnieren",
        "newsletter_prompt",
        "newsletter_prompt",
        "de",
        ("Ihre E-Mail-Adresse | Jetzt kostenlos abonnieren",),
    ),
    Case(
        "newsletter-fr-ne-manquez-rien",
        "newsletter_prompt",
        "newsletter_prompt",
        "fr",
        (
            "Ne manquez rien de l'actualité de votre ville : recevez notre lettre chaque soir.",
            "Entrez votre adresse e-mail",
        ),
    ),
    Case(
        "newsletter-es-form",
        "newsletter_prompt",
        "newsletter_prompt",
        "es",
        (
            "Introduce tu correo electrónico",
            "Me apunto",
            "Acepto la política de privacidad y el envío del boletín.",
        ),
    ),
    Case(
        "ad-en-continues-below",
        "advertisements",
        "advertisement",
        "en",
        ("Article continues below this advertisement",),
        "middle",
    ),
    Case(
        "ad-en-percent-off",
        "advertisements",
        "advertisement",
        "en",
        ("Advertisement", "Harbor Tire Center: 25% off winter tires, free shipping on orders."),
        "middle",
    ),
    Case(
        "ad-es-presupuesto",
        "advertisements",
        "advertisement",
        "es",
        ("Publicidad", "Cambia tus ventanas este invierno. Pide presupuesto sin compromiso."),
        "middle",
    ),
    Case(
        "ad-fr-suite-apres",
        "advertisements",
        "advertisement",
        "fr",
        ("La suite après cette publicité",),
        "middle",
    ),
    Case(
        "ad-en-button-row",
        "advertisements",
        "advertisement",
        "en",
        ("Ad · Story continues below",),
        "middle",
    ),
    Case(
        "ad-es-sponsored-label-with-copy",
        "advertisements",
        "advertisement",
        "es",
        (
            "Contenido patrocinado",
            "Reforma tu baño en una semana. Pide presupuesto sin compromiso.",
        ),
        "middle",
    ),
    Case(
        "widget-de-league-table",
        "widget",
        "widget",
        "de",
        ("Tabelle 3. Liga Süd",),
        "middle",
    ),
    Case(
        "related-fr-pipe",
        "related_links",
        "unrelated_headline",
        "fr",
        ("À lire aussi | Le marché couvert rouvrira ses portes au printemps",),
        "middle",
    ),
    Case(
        "related-uk-more-on-topic",
        "related_links",
        "unrelated_headline",
        "uk",
        ("Більше на тему: Як підготуватися до відключень світла взимку",),
        "middle",
    ),
    Case(
        "related-en-more-in-section",
        "related_links",
        "unrelated_headline",
        "en",
        ("More in Business: Harbor bakery chain files for bankruptcy protection",),
        "middle",
    ),
    Case(
        "widget-fr-poll",
        "widget",
        "widget",
        "fr",
        ("Sondage : faut-il piétonniser le centre-ville ?", "○ Oui   ○ Non   ○ Sans avis", "Voter"),
        "middle",
    ),
    Case(
        "widget-en-rating",
        "widget",
        "widget",
        "en",
        ("★ ★ ★ ☆ ☆", "Submit your rating"),
        step_lines=("Submit your rating",),  # the stars have no letters: no_letters takes them
    ),
    Case(
        "author-bio-en-has-covered",
        "author_bio",
        "author_bio",
        "en",
        ("Dana Whitfield has covered city hall for the Gazette since 2017.",),
    ),
    Case(
        "promo-ru-vk",
        "publisher_promo",
        "publisher_promo",
        "ru",
        ("Подписывайтесь на нас во ВКонтакте: там ещё больше новостей города.",),
    ),
    Case(
        "promo-uk-telegram-channel",
        "publisher_promo",
        "publisher_promo",
        "uk",
        ("Усі новини громади — у Telegram-каналі «Вісника». Підписуйтеся, щоб бути в курсі.",),
    ),
    Case(
        "newsletter-de-box-with-blurb",
        "newsletter_prompt",
        "newsletter_prompt",
        "de",
        (
            "Jeden Montag die Themen der Woche aus dem Rathaus. Kostenlos und jederzeit "
            "abbestellbar.",
            "Ihre E-Mail-Adresse",
            "Kostenlos anmelden",
        ),
    ),
    Case(
        "author-bio-de-ist-redakteurin",
        "author_bio",
        "author_bio",
        "de",
        ("Jana Roth ist Redakteurin im Lokalressort und schreibt über Verkehr und Bauen.",),
    ),
    Case(
        "ad-ru-erid-marking",
        "advertisements",
        "advertisement",
        "ru",
        ("Реклама. ООО «Ромашка». ИНН 7700000000. erid: 4CQwVszH9pSZ",),
        "middle",
    ),
    Case(
        "ad-en-copy-tickets",
        "advertisements",
        "advertisement",
        "en",
        (
            "Advertisement",
            "Harbour Jazz Weekend, June 6-8. Free parking for all visitors. Get tickets",
        ),
        "middle",
    ),
    Case(
        "donation-en-before-you-go",
        "donation_appeal",
        "donation_appeal",
        "en",
        ("Before you go, we have a small favour to ask.",),
    ),
    Case(
        "widget-es-poll-options",
        "widget",
        "widget",
        "es",
        ("Encuesta ¿Usará el nuevo carril bici?", "Sí, a diario · Sí, a veces · No"),
        "middle",
    ),
    Case(
        "widget-ru-weather-currency",
        "widget",
        "widget",
        "ru",
        ("Новоград +3° · Курсы: USD 92,10 · EUR 99,80",),
        "start",
    ),
    Case(
        "promo-ru-subscribe-telegram",
        "publisher_promo",
        "publisher_promo",
        "ru",
        ("Подписывайтесь на «Вечерний город» в Telegram — главное за день.",),
    ),
    Case(
        "cookie-de-einstellungen-verwalten",
        "cookie_notice",
        "cookie_notice",
        "de",
        (
            "Wir und unsere Partner verwenden Cookies, um Inhalte und Anzeigen zu personalisieren.",
            "Alle akzeptieren",
            "Einstellungen verwalten",
        ),
        "start",
    ),
    Case(
        "widget-es-listen-row",
        "widget",
        "widget",
        "es",
        ("Escuchar noticia · 4 min",),
        "top",
    ),
    Case(
        "widget-uk-score-ticker",
        "widget",
        "widget",
        "uk",
        ("Перша ліга, 12-й тур: «Нива» 2:1 «Поділля» · «Кремінь» 0:0 «Буковина»",),
        "start",
    ),
    Case(
        "ad-fr-betting-copy",
        "advertisements",
        "advertisement",
        "fr",
        (
            "Publicité",
            "Misez sur le Top 14 : jusqu'à 50 € remboursés sur votre premier pari.",
            "Jouer comporte des risques : endettement, dépendance. Appelez le 09 74 75 13 13.",
        ),
        "middle",
    ),
    Case(
        "ad-uk-delivery-copy",
        "advertisements",
        "advertisement",
        "uk",
        ("Реклама", "Пісок і щебінь від виробника. Доставка по району за добу — телефонуйте!"),
        "middle",
    ),
    Case(
        "promo-de-whatsapp",
        "publisher_promo",
        "publisher_promo",
        "de",
        (
            "Folgen Sie dem Tagblatt jetzt auch auf WhatsApp – die Nachrichten des Tages "
            "aufs Handy.",
        ),
    ),
    Case(
        "widget-es-weather-box",
        "widget",
        "widget",
        "es",
        ("El tiempo en tu localidad", "Busca tu municipio", "Ver previsión a 10 días"),
        "middle",
    ),
    Case(
        "author-bio-uk-adjective",
        "author_bio",
        "author_bio",
        "uk",
        ("Ірина Коваль — економічна журналістка «Вісника». Пише про бізнес і податки.",),
    ),
    Case(
        "widget-live-ticker",
        "widget",
        "widget",
        "en",
        ("LIVE · League Cup, quarter-final: Harbour 1 Rovers 0 (62')",),
        "start",
    ),
    Case(
        "widget-de-vorlesen-lassen",
        "widget",
        "widget",
        "de",
        ("Artikel vorlesen lassen · 4:12 Min.",),
        "top",
    ),
    Case(
        "paywall-de-exklusiv-gendered",
        "paywall",
        "paywall",
        "de",
        ("Tagblatt+ · Exklusiv für Abonnentinnen und Abonnenten",),
        "start",
    ),
    Case(
        "newsletter-en-sign-up-to-named",
        "newsletter_prompt",
        "newsletter_prompt",
        "en",
        ("Sign up to Morning Tide", "The day's local news in five minutes, every weekday."),
    ),
    Case(
        "ad-ru-promo-code",
        "advertisements",
        "advertisement",
        "ru",
        ("Реклама", "Велосипеды по промокоду ВЕСНА — минус 15% и доставка за день"),
        "middle",
    ),
    Case(
        "promo-fr-whatsapp-channel",
        "publisher_promo",
        "publisher_promo",
        "fr",
        ("Suivez l'actualité du canton sur notre chaîne WhatsApp. Rejoindre la chaîne →",),
    ),
    Case(
        "donation-ru-even-100",
        "donation_appeal",
        "donation_appeal",
        "ru",
        ("Помогите редакции оставаться независимой: даже 50 рублей в месяц важны.",),
    ),
    # Gaps found on the sixth and seventh authored rounds (benchmarks/data/authored).
    Case(
        "widget-en-poll-answers-between-question-and-vote",
        "poll_options",
        "widget",
        "en",
        (
            "Quick poll: Will you keep your family away from the river this summer?",
            "Yes, until it tests clean",
            "No, I'll use my own judgment",
            "Vote",
        ),
        "middle",
        step_lines=("Yes, until it tests clean", "No, I'll use my own judgment"),
    ),
    Case(
        "widget-uk-poll-heading-question-radio-answers",
        "poll_options",
        "widget",
        "uk",
        ("Опитування", "Чи доводилося вам знімати кліща?", "○ Так, і не раз", "○ Ні, ніколи"),
        "middle",
        step_lines=("Чи доводилося вам знімати кліща?",),
    ),
    Case(
        "ad-ru-copy-after-erid-marking",
        "advertisements",
        "advertisement",
        "ru",
        (
            "Реклама. ООО «Мебельная мастерская Кедр», ИНН 5401234567, erid: 2SDnjcVm8Qp",
            "Кухни и шкафы на заказ за 14 дней. Бесплатный замер по городу — звоните!",
        ),
        "middle",
    ),
    Case(
        "ad-fr-copy-exclaiming-free-entry",
        "advertisements",
        "advertisement",
        "fr",
        (
            "Publicité",
            "Salon de l'habitat du 14 au 17 novembre : entrée gratuite sur inscription !",
        ),
        "middle",
    ),
    Case(
        "ad-fr-copy-decouvrez-nos",
        "advertisements",
        "advertisement",
        "fr",
        (
            "Publicité",
            "Caves de la Vaunage – Découvrez nos vins primeurs. Dégustation gratuite le samedi.",
        ),
        "middle",
    ),
    Case(
        "ad-es-copy-sin-comisiones",
        "advertisements",
        "advertisement",
        "es",
        (
            "PUBLICIDAD",
            "Cuenta Negocios sin comisiones: ábrela en 10 minutos. Consulta condiciones.",
        ),
        "middle",
    ),
    Case(
        "ad-en-affiliate-price-box",
        "advertisements",
        "advertisement",
        "en",
        (
            "Today's best Lumen Rook 2 deals",
            "$229 at Lumen",
            "$249 at Page & Pixel",
            "Check Amazon",
        ),
        "middle",
    ),
    Case(
        "widget-fr-video-title",
        "widget",
        "widget",
        "fr",
        ("VIDÉO. « Les Balcons » en live au Silo, samedi soir",),
        "middle",
    ),
    Case(
        "widget-uk-ctrl-enter",
        "widget",
        "widget",
        "uk",
        ("Помітили помилку? Виділіть її мишкою та натисніть Ctrl+Enter.",),
        "middle",
    ),
    Case(
        "promo-ru-subscribe-telegram-channel",
        "publisher_promo",
        "publisher_promo",
        "ru",
        ("Первыми узнавайте о перекрытиях — подписывайтесь на Telegram-канал «Город Онлайн».",),
        "middle",
    ),
    Case(
        "promo-ru-write-to-us-in-telegram",
        "publisher_promo",
        "publisher_promo",
        "ru",
        ("Есть новость? Пишите нам в Telegram или WhatsApp: +7 900 000-14-14.",),
        "middle",
    ),
    Case(
        "promo-uk-join-viber-community",
        "publisher_promo",
        "publisher_promo",
        "uk",
        ("Приєднуйтеся до Viber-спільноти «Наших Верболозів»: лише найважливіше.",),
        "middle",
    ),
    Case(
        "promo-de-follow-paper-on-whatsapp",
        "publisher_promo",
        "publisher_promo",
        "de",
        ("Folgen Sie dem Wendelstädter Anzeiger jetzt auch auf WhatsApp – kostenlos.",),
        "middle",
    ),
    Case(
        "promo-en-send-pictures-to-newsdesk",
        "publisher_promo",
        "publisher_promo",
        "en",
        ("Have you got pictures of the fire? Send them to our newsdesk on WhatsApp.",),
        "middle",
    ),
]

CASE_IDS = [c.id for c in CASES]
CASE_PARAMS = [
    pytest.param(
        c,
        id=c.id,
        marks=[pytest.mark.xfail(raises=AssertionError, reason=c.xfail, strict=True)]
        if c.xfail
        else [],
    )
    for c in CASES
]


def test_case_ids_are_unique() -> None:
    assert len(set(CASE_IDS)) == len(CASE_IDS)


@pytest.mark.parametrize("case", CASE_PARAMS)
def test_step_alone_finds_its_boilerplate(case: Case) -> None:
    """The named step, run by itself, removes the boilerplate with its kind and no
    article paragraph."""
    lines = case.page_lines()
    removed = {r.text: r for r in STEPS[case.step].find(doc_of(*lines))}
    for line in case.must_find:
        assert line in removed, f"{case.step} missed {line!r}"
        assert removed[line].kind == case.kind, f"{line!r}: {removed[line]}"
        assert removed[line].rule, f"{line!r} removed without a rule"
    for paragraph in ARTICLES[case.lang].paragraphs:
        assert paragraph not in removed, f"{case.step} took an article paragraph: {paragraph!r}"


@pytest.mark.parametrize("blank", [True, False], ids=["blank-lines", "no-blank-lines"])
@pytest.mark.parametrize("case", CASE_PARAMS)
def test_pipeline_removes_boilerplate_and_keeps_article(case: Case, blank: bool) -> None:
    article = ARTICLES[case.lang]
    text = page(*case.page_lines(), blank=blank)
    result = clean_plain(text)
    assert result.ok, describe(result)
    for line in case.lines:
        removed = assert_removed(result, line)
        if line in case.must_find:
            assert removed.kind == case.kind, f"{line!r} removed as {removed.kind}/{removed.rule}"
    assert_kept(result, *article.paragraphs)
    assert len(result.paragraphs) == len(article.paragraphs), describe(result)
    assert result.metadata.title == article.title
    assert result.language == case.lang
    assert_accounted(text, result)


# --- ad copy ----------------------------------------------------------------------------------


def test_ad_copy_stops_at_the_next_article_paragraph() -> None:
    """Only short commercial lines after the label are ad copy, at most a few of them."""
    article = ARTICLES["de"]
    result = clean_lines(
        article.title,
        article.paragraphs[0],
        "Anzeige",
        "Ferienwohnungen an der Ostsee ab 59 € pro Nacht – jetzt buchen",
        *article.paragraphs[1:],
    )
    assert_removed(result, "Anzeige", "advertisement")
    assert_removed(result, "Ferienwohnungen an der Ostsee", "advertisement")
    assert_kept(result, *article.paragraphs)


def test_english_ad_copy_priced_in_pounds_is_removed() -> None:
    article = ARTICLES["en"]
    result = clean_lines(
        article.title,
        *article.paragraphs[:2],
        "Advertisement",
        "Coastal Kitchens: fitted kitchens from £2,999. Book a free design visit",
        *article.paragraphs[2:],
    )
    assert_removed(result, "Coastal Kitchens: fitted kitchens", "advertisement")


# --- captions ---------------------------------------------------------------------------------


def test_caption_line_above_a_standalone_credit_goes_with_it() -> None:
    article = ARTICLES["en"]
    result = clean_lines(
        article.title,
        *article.paragraphs[:2],
        ["Passengers queue for the first crossing.", "Photograph: Tom Reilly/Gullhaven Gazette"],
        *article.paragraphs[2:],
    )
    assert_removed(result, "Passengers queue for the first crossing.", "caption")
    assert_removed(result, "Photograph: Tom Reilly/Gullhaven Gazette", "caption")
    assert_kept(result, *article.paragraphs)


def test_a_two_sentence_paragraph_above_a_standalone_credit_stays() -> None:
    """Where the image between two paragraphs has no caption, its credit follows a
    paragraph: only a one-sentence line above a credit is taken for the caption."""
    article = ARTICLES["en"]
    paragraph = (
        "Firefighters rescued four people from the burning house. Investigators are "
        "trying to find out whether a faulty heater started the fire."
    )
    result = clean_lines(
        article.title,
        *article.paragraphs[:2],
        [paragraph, "Photo: Tom Reilly/Gullhaven Gazette"],
        *article.paragraphs[2:],
    )
    assert_removed(result, "Photo: Tom Reilly/Gullhaven Gazette", "caption")
    assert_kept(result, paragraph, *article.paragraphs)


def test_polish_caption_with_fot_credit_is_removed() -> None:
    article = ARTICLES["pl"]
    result = clean_lines(
        article.title,
        article.paragraphs[0],
        "Nowy budynek przedszkola w Borkowie. Fot. Jan Nowicki",
        *article.paragraphs[1:],
    )
    assert_removed(result, "Nowy budynek przedszkola w Borkowie.", "caption")


@pytest.mark.parametrize(
    ("lang", "caption"),
    [
        ("de", "Der neue Zähler im Heizungskeller eines Kunden. © AFP / MARTINA KELLER"),
        ("de", "Geschäftsführerin Dagmar Oltmanns bei der Vorstellung© Stadtwerke/Jens Brandt"),
        ("de", "Die Stadtwerke senken den Preis zum ersten Mal. (Quelle: Brandt/Unsplash/SWL)"),
        # a photographer and an outlet in parentheses, closing the caption
        ("en", "The harbour master speaks at the ferry terminal. (Ray Odum/Harbour Courier)"),
        ("de", "Der neue Zähler im Heizungskeller. (Symbolbild: Alex T./AdobeStock)"),
        # a licence stands where the credit would
        ("pl", "Budynek przedszkola w Borkowie przed przebudową, rok 1975 /domena publiczna"),
        # an agency name in capitals after the caption's sentence
        ("es", "Vecinos en la nueva plaza del mercado, el pasado 11 de febrero. EFE"),
        # an opener only a group photo's caption uses
        (
            "de",
            "Von links nach rechts: Jana Holm, Dagmar Oltmanns und Kurt Sander bei der Eröffnung",
        ),
        # the commonest credit word of a language beyond the core ones (Finnish)
        ("en", "The ferry leaves the harbour on Monday morning. Kuva: ALEXANDER BECHER"),
    ],
)
def test_captions_ending_in_a_credit_are_removed(lang: str, caption: str) -> None:
    article = ARTICLES[lang]
    result = clean_lines(article.title, article.paragraphs[0], caption, *article.paragraphs[1:])
    assert_removed(result, caption, "caption")
    assert_kept(result, *article.paragraphs)


def test_a_paragraph_ending_on_its_agency_name_stays() -> None:
    """Agency copy may sign its last paragraph ("… mañana. EFE"): longer than a caption,
    it stays."""
    article = ARTICLES["es"]
    signed = (
        "El ayuntamiento prevé abrir la segunda fase del mercado en otoño, cuando terminen "
        "las obras del aparcamiento subterráneo y de los accesos desde la avenida del "
        "puerto, según informó el concejal de urbanismo. EFE"
    )
    result = clean_lines(article.title, *article.paragraphs, signed)
    assert_kept(result, signed)


def test_figure_captions_are_removed_and_figure_references_stay() -> None:
    """ "Abbildung 4: …" labels a figure; "Abbildung 4 zeigt …" in a sentence refers to it."""
    article = ARTICLES["de"]
    caption = "Abbildung 4: Gaspreise der Stadtwerke seit 2019, in Cent je Kilowattstunde."
    reference = (
        "Abbildung 4 zeigt, wie stark die Preise seit 2019 gestiegen sind; erst in diesem "
        "Frühjahr fielen sie wieder unter den Stand vor der Energiekrise."
    )
    result = clean_lines(
        article.title, article.paragraphs[0], caption, reference, *article.paragraphs[1:]
    )
    assert_removed(result, caption, "caption")
    assert_kept(result, reference, *article.paragraphs)


def test_a_sentence_naming_its_news_agency_source_is_not_a_caption() -> None:
    """A one- or two-part source ("Quelle: dpa/lnw") names a news agency, not a
    photographer: the sentence stays."""
    article = ARTICLES["de"]
    sourced = "Die Stadtwerke wollen die Preise im Herbst erneut prüfen. (Quelle: dpa/lnw)"
    result = clean_lines(article.title, article.paragraphs[0], sourced, *article.paragraphs[1:])
    assert_kept(result, sourced)


# --- article span: header, title, byline, dateline, outside blocks ------------------------------


def test_article_span_removes_header_and_footer_and_extracts_metadata() -> None:
    article = ARTICLES["en"]
    text = page(
        "THE GULLHAVEN GAZETTE",
        "Home | News | Sport | Weather | Business",
        article.title,
        "The crossing had been closed since a storm damaged the steering gear in November",
        "By Rhona Keillor",
        "4 March 2025, 18:20 GMT",
        *article.paragraphs,
        "Gullhaven Media Group, 14 Quay Street, Gullhaven",
    )
    result = clean_plain(text)
    assert result.metadata.title == article.title
    assert result.metadata.authors == ["Rhona Keillor"]
    assert result.metadata.published_at is not None
    assert result.metadata.published_at.isoformat() == "2025-03-04T18:20:00+00:00"
    assert_removed(result, article.title, "title")
    assert_removed(result, "By Rhona Keillor", "byline")
    assert_removed(result, "4 March 2025, 18:20 GMT", "dateline")
    assert_removed(result, "THE GULLHAVEN GAZETTE")
    assert_removed(result, "Home | News | Sport | Weather | Business", "navigation")
    assert_removed(result, "Gullhaven Media Group, 14 Quay Street")
    # The dek (standfirst) is a sentence about the article: it stays.
    assert_kept(result, "The crossing had been closed since a storm damaged the steering gear")
    assert_kept(result, *article.paragraphs)
    assert_accounted(text, result)


@pytest.mark.parametrize(
    "dateline",
    ["Veröffentlicht am 12.03.2025", "Erschienen am 12.03.2025", "Opublikowano: 12.03.2025"],
)
def test_a_published_on_dateline_becomes_the_date_not_furniture(dateline: str) -> None:
    """ "Erschienen in" names an issue (furniture); "Erschienen am" names the date."""
    article = ARTICLES["de"]
    result = clean_lines(article.title, dateline, *article.paragraphs)
    assert_removed(result, dateline, "dateline")
    assert result.metadata.published_at is not None
    assert result.metadata.published_at.date().isoformat() == "2025-03-12"


@pytest.mark.parametrize(
    ("lang", "strap"),
    [
        ("en", "Weather: 12°C, showers later"),
        ("en", "Breaking news from the coast"),
        ("de", "Nachrichten aus der Region"),
    ],
)
def test_strap_line_above_the_headline_is_not_the_title(lang: str, strap: str) -> None:
    article = ARTICLES[lang]
    result = clean_lines(strap, article.title, *article.paragraphs)
    assert result.metadata.title == article.title
    assert not in_body(result, article.title)


@pytest.mark.parametrize(
    ("lang", "byline", "dateline", "author", "published"),
    [
        (
            "de",
            "Von Jonas Brettschneider",
            "04.03.2025, 14:30 Uhr",
            "Jonas Brettschneider",
            "2025-03-04T14:30",
        ),
        (
            "ru",
            "Текст: Ирина Соколова",
            "5 марта 2025, 09:40",
            "Ирина Соколова",
            "2025-03-05T09:40",
        ),
        ("uk", "Автор: Олена Гуменюк", "12 травня 2025", "Олена Гуменюк", "2025-05-12T00:00"),
        (
            "pl",
            "Autor: Tomasz Zieliński",
            "3 czerwca 2025, 12:10",
            "Tomasz Zieliński",
            "2025-06-03T12:10",
        ),
        (
            "pt",
            "Por Joana Figueiredo",
            "2 de junho de 2025",
            "Joana Figueiredo",
            "2025-06-02T00:00",
        ),
        ("ru", "Ирина Соколова", "5 марта 2025", "Ирина Соколова", "2025-03-05T00:00"),
        (
            "en",
            "Rhona Keillor, Transport Correspondent",
            "Tuesday 4 March 2025 18:20 BST",
            "Rhona Keillor",
            "2025-03-04T17:20",
        ),
        (
            "en",
            "By Rhona Keillor",
            "Mar. 4, 2025 at 9:05 p.m. EST",
            "Rhona Keillor",
            "2025-03-05T02:05",
        ),
        pytest.param(
            "en",
            "By Rhona Keillor",
            "March 4, 2025, 7:45 a.m.",
            "Rhona Keillor",
            "2025-03-04T07:45",
            id="en-dateline-ending-am",
        ),
        pytest.param(
            "fr",
            "Par Élodie Marchal",
            "Publié le 12 juin 2025 à 08h15",
            "Élodie Marchal",
            "2025-06-12T08:15",
            id="fr-publie-le",
        ),
        pytest.param(
            "es",
            "Por Marta Lozano",
            "Montealto, 3 de abril de 2025 - 10:05",
            "Marta Lozano",
            "2025-04-03T10:05",
            id="es-dateline-dash-time",
        ),
        pytest.param(
            "it",
            "di Lucia Ferraris",
            "14 maggio 2025",
            "Lucia Ferraris",
            "2025-05-14T00:00",
            id="it-lowercase-di-byline",
        ),
        pytest.param(
            "en",
            "By Rhona Keillor",
            "2025-03-04",
            "Rhona Keillor",
            "2025-03-04T00:00",
            id="en-numeric-dateline",
        ),
    ],
)
def test_header_byline_and_dateline_become_metadata(
    lang: str, byline: str, dateline: str, author: str, published: str
) -> None:
    article = ARTICLES[lang]
    text = page(article.title, byline, dateline, *article.paragraphs)
    result = clean_plain(text)
    assert result.metadata.title == article.title, describe(result)
    assert result.metadata.authors == [author], describe(result)
    assert result.metadata.published_at is not None, describe(result)
    assert result.metadata.published_at.utcoffset().total_seconds() == 0
    assert result.metadata.published_at.strftime("%Y-%m-%dT%H:%M") == published
    assert not in_body(result, byline) and not in_body(result, dateline), describe(result)
    assert_kept(result, *article.paragraphs)
    assert len(result.paragraphs) == len(article.paragraphs), describe(result)


def test_one_line_paragraph_starting_with_by_is_not_a_byline() -> None:
    article = ARTICLES["en"]
    result = clean_lines(
        article.title,
        article.paragraphs[0],
        "By noon, both crossings were full.",
        *article.paragraphs[1:],
    )
    assert_kept(result, "By noon, both crossings were full.")
    assert result.metadata.authors == []


def test_page_without_an_article_is_rejected_as_boilerplate() -> None:
    result = clean_lines(
        "THE GULLHAVEN GAZETTE",
        "Home | News | Sport | Weather",
        "We use cookies to personalise content and ads and to analyse our traffic.",
        "Accept all",
        "Most popular",
        "Lifeboat crew rescues two kayakers off Skerry Head",
        "Fish plant workers vote on new shift pattern",
        "© 2025 Gullhaven Media Group. All rights reserved.",
    )
    assert not result.ok
    assert result.reject is not None and result.reject.reason == "only_boilerplate"
    assert result.paragraphs == []
    assert len(result.removed) == 8


# --- duplicate lead -----------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "de", "es"])
def test_truncated_teaser_of_the_lead_above_the_title_is_removed(lang: str) -> None:
    article = ARTICLES[lang]
    lead = article.paragraphs[0]
    teaser = lead[:110].rsplit(" ", 1)[0] + " …"
    text = page(teaser, article.title, *article.paragraphs)
    result = clean_plain(text)
    assert_removed(result, teaser, "duplicate_lead")
    assert result.paragraphs[0] == lead
    assert result.text.count(lead[:60]) == 1
    assert_accounted(text, result)


@pytest.mark.parametrize(
    ("lang", "dateline"),
    [("en", "GULLHAVEN — "), ("de", "BERLIN (dpa) – "), ("ru", "МОСКВА — ")],
)
def test_teaser_of_the_lead_above_the_title_matches_a_lead_opening_with_a_dateline(
    lang: str, dateline: str
) -> None:
    """The teaser (cut or whole) drops the wire dateline that opens the article's own
    first paragraph: it is still the same lead, and the copy in the article stays."""
    article = ARTICLES[lang]
    lead, *rest = article.paragraphs
    for teaser in (lead, lead[:110].rsplit(" ", 1)[0] + " …"):
        text = page(teaser, article.title, dateline + lead, *rest)
        result = clean_plain(text)
        found = removal_for(result, teaser)
        assert found is not None and found.kind == "duplicate_lead", describe(result)
        assert result.paragraphs[0] == dateline + lead
        assert result.text.count(lead[:60]) == 1
        assert result.metadata.title == article.title


def test_a_dash_after_an_ordinary_opening_word_is_not_a_dateline() -> None:
    """Only an upper-case place name opens a dateline: "Ein Jahr — ..." is prose."""
    article = ARTICLES["de"]
    lead, *rest = article.paragraphs
    text = page(lead, article.title, "Ein Jahr später — " + lead, *rest)
    result = clean_plain(text)
    assert not any(r.kind == "duplicate_lead" for r in result.removed)


def test_duplicate_lead_step_ignores_a_paragraph_that_is_not_repeated() -> None:
    article = ARTICLES["fr"]
    removed = STEPS["duplicate_lead"].find(doc_of(article.title, *article.paragraphs))
    assert removed == []


# --- hard negatives: must stay ------------------------------------------------------------------

CHARITY_EN = [
    "Toy appeal for sick children falls behind as Christmas nears",
    "The Westbrook Children's Hospital toy appeal has collected about 1,900 gifts so far this "
    "year, barely half of what it gathered by the same point last December, organisers said "
    "on Tuesday.",
    '"Please consider a donation, however small, because every parcel reaches a child who '
    "will spend the holidays on a ward,\" said the appeal's coordinator, Hannah Osei, at the "
    "drop-off point in the hospital car park.",
    "Give what you can, when you can",
    "Volunteers have set up collection boxes at six supermarkets and the central library. "
    "Local businesses have offered to match cash donations made before 20 December, up to a "
    "total of 10,000 pounds.",
    "The hospital's charity said it would buy gifts with any money left over and pass unused "
    "toys to a family shelter in the spring.",
    "Donations can be left at any collection point or sent to the hospital charity office on "
    "Mill Lane, which is open from 9 a.m. to 5 p.m. on weekdays.",
]

CHARITY_RU = [
    "Волонтёры собирают деньги на ремонт приюта для собак",
    "Волонтёры приюта «Верный друг» в Кировском районе начали сбор средств на ремонт "
    "вольеров, которые пострадали во время весеннего паводка. Им нужно собрать около 800 "
    "тысяч рублей до конца июня.",
    "«Поддержите нас, пожалуйста, даже небольшой суммой — каждая сотня рублей превращается в "
    "доски и утеплитель», — обратилась к жителям руководитель приюта Светлана Круглова.",
    "По словам волонтёров, за две недели удалось собрать чуть больше трети нужной суммы. "
    "Часть стройматериалов уже передали местные предприятия.",
    "Помочь приюту можно переводом на счёт благотворительного фонда или принести корм и "
    "старые одеяла по адресу: улица Садовая, 14.",
]

CHARITY_DE = [
    "Tafel in Brunnstedt sucht dringend neue Spender",
    "Die Tafel in Brunnstedt kann seit Wochen nicht mehr alle Bedürftigen versorgen. Die Zahl "
    "der Kundinnen und Kunden ist seit dem Sommer um ein Drittel gestiegen, die Spenden der "
    "Supermärkte gehen dagegen zurück.",
    "„Bitte spenden Sie, was Sie entbehren können, auch eine Packung Nudeln hilft uns "
    "weiter“, sagte die Vorsitzende Renate Hollmann am Montag bei einem Pressetermin in der "
    "Ausgabestelle.",
    "Jede Spende zählt",
    "Geldspenden nimmt der Verein auf sein Konto bei der Sparkasse entgegen. Lebensmittel "
    "können montags bis freitags zwischen neun und zwölf Uhr in der Bahnhofstraße abgegeben "
    "werden.",
]

PRESS_REVIEW_EN = [
    "Press review: what the morning papers say about the budget",
    "The national papers are united on one point this morning: the chancellor's budget gave "
    'little to anyone. The Daily Courier calls it "a budget for nobody", while the Morning '
    'Ledger says it "ducked every hard choice".',
    "The Northern Star focuses on the freeze in fuel duty, which it describes as a quiet win "
    "for rural drivers. Its editorial argues that the measure will cost the Treasury far more "
    "than ministers admit.",
    "The Evening Record leads with the cut to the arts budget and a front-page photograph of a "
    "shuttered theatre in Hull. Its columnist says regional culture is paying for London's "
    "savings.",
    'Only the City Observer finds much to praise, calling the plan "sober and serious" and '
    "predicting that markets will welcome it when trading opens later today.",
]

PRESS_REVIEW_FR = [
    "Revue de presse : la réforme des retraites à la une",
    "La presse régionale est sévère ce matin avec le gouvernement. Le Courrier du Centre titre "
    "sur « une réforme à marche forcée » et dénonce l'absence de concertation avec les "
    "syndicats.",
    "Plus mesuré, L'Écho des Landes estime que le texte contient « quelques avancées réelles » "
    "pour les carrières longues, mais regrette le flou sur le financement.",
    "Le Républicain lorrain consacre sa une aux manifestations de la veille, qui ont réuni "
    "plusieurs milliers de personnes à Metz et à Nancy selon la police.",
    "Enfin, Ouest-Littoral publie un sondage selon lequel deux Français sur trois restent "
    "opposés au report de l'âge légal.",
]

QA_EN = [
    "Interview: the lighthouse keeper who stayed",
    "For 31 years Morag Dunleavy kept the light at Skerryvane Point, long after the beam was "
    "automated. She retired last month. We asked her about the job.",
    "Q: Did you ever get lonely?",
    "A: Rarely. There was always weather to watch.",
    "Q: Every winter?",
    "A: Yes.",
    "Q: What will you miss most?",
    "A: The sound of the foghorn at four in the morning, strangely. Nobody else in the village "
    "will miss it.",
    "Q: And the least?",
    "A: Painting the railings.",
]

QA_RU = [
    ARTICLES["ru"].title,
    ARTICLES["ru"].paragraphs[0],
    "Когда вы решили стать врачом?",
    "— В девятом классе.",
    "Не жалеете?",
    "— Нет.",
    "А что было самым трудным?",
    "— Ночные дежурства в первый год, когда я ещё ничего не умела и боялась каждого звонка.",
    *ARTICLES["ru"].paragraphs[1:],
]

_EN = ARTICLES["en"].paragraphs
_DE = ARTICLES["de"].paragraphs
_ES = ARTICLES["es"].paragraphs

BODY_STRUCTURE_EN = [
    ARTICLES["en"].title,
    _EN[0],
    _EN[1],
    "What changes for passengers",
    _EN[2],
    "The new timetable includes:",
    "- a first crossing at 6.10 a.m. on weekdays",
    "- a late sailing at 11 p.m. on Fridays",
    "- half-price tickets for schoolchildren",
    _EN[3],
    "Nobody was hurt.",
    _EN[4],
    "The owner of the old engines declined to comment.",
]

BULLETS_DE = [
    ARTICLES["de"].title,
    _DE[0],
    "Das ändert sich für die Kunden:",
    "– der Grundpreis sinkt um drei Euro im Monat",
    "– der Arbeitspreis sinkt um elf Prozent",
    "– die Abschläge werden automatisch angepasst",
    *_DE[1:],
]

ONE_LINERS_ES = [
    ARTICLES["es"].title,
    _ES[0],
    "Nadie resultó herido.",
    _ES[1],
    "La decisión no fue unánime.",
    *_ES[2:],
]

HARD_NEGATIVES = {
    "charity-drive-en": (CHARITY_EN, CHARITY_EN[1:]),
    "charity-drive-ru": (CHARITY_RU, CHARITY_RU[1:]),
    "charity-drive-de": (CHARITY_DE, CHARITY_DE[1:]),
    "press-review-en": (PRESS_REVIEW_EN, PRESS_REVIEW_EN[1:]),
    "press-review-fr": (PRESS_REVIEW_FR, PRESS_REVIEW_FR[1:]),
    "qa-short-turns-en": (QA_EN, QA_EN[1:]),
    "qa-dash-answers-ru": (QA_RU, QA_RU[1:]),
    "subheading-bullets-one-liners-en": (BODY_STRUCTURE_EN, BODY_STRUCTURE_EN[1:]),
    "bullets-after-colon-de": (BULLETS_DE, BULLETS_DE[1:]),
    "one-line-paragraphs-es": (ONE_LINERS_ES, ONE_LINERS_ES[1:]),
    "declined-en": (
        [ARTICLES["en"].title, *_EN, "He declined to comment."],
        ["He declined to comment."],
    ),
    "declined-ru": (
        [ARTICLES["ru"].title, *ARTICLES["ru"].paragraphs, "От комментариев он отказался."],
        ["От комментариев он отказался."],
    ),
    "declined-es": (
        [ARTICLES["es"].title, *_ES, "No quiso hacer declaraciones."],
        ["No quiso hacer declaraciones."],
    ),
    "declined-uk": (
        [ARTICLES["uk"].title, *ARTICLES["uk"].paragraphs, "Від коментарів він відмовився."],
        ["Від коментарів він відмовився."],
    ),
    "declined-de": (
        [ARTICLES["de"].title, *_DE, "Eine Stellungnahme lehnte er ab."],
        ["Eine Stellungnahme lehnte er ab."],
    ),
}


@pytest.mark.parametrize("blank", [True, False], ids=["blank-lines", "no-blank-lines"])
@pytest.mark.parametrize("name", sorted(HARD_NEGATIVES))
def test_hard_negatives_stay(name: str, blank: bool) -> None:
    lines, must_stay = HARD_NEGATIVES[name]
    text = page(*lines, blank=blank)
    result = clean_plain(text)
    assert result.ok, describe(result)
    for line in must_stay:
        assert line in result.paragraphs, (
            f"{line!r} is not a paragraph of the body{describe(result)}"
        )
    assert result.metadata.title == lines[0]
    assert_accounted(text, result)


def test_charity_drive_quotes_survive_next_to_a_real_appeal() -> None:
    """The publisher's own appeal under an article about a charity drive goes; the drive's
    quoted asks and the 'where to give' paragraph stay."""
    appeal = [
        "Before you close this tab",
        "The Westbrook Echo is funded by readers like you. Please consider supporting us "
        "with a monthly contribution.",
        "£5",
        "£10",
        "Give monthly",
    ]
    result = clean_lines(*CHARITY_EN, *appeal)
    assert_kept(result, *CHARITY_EN[1:])
    assert_removed(result, appeal[0])
    for line in appeal[1:]:
        assert_removed(result, line, "donation_appeal")


def test_last_paragraph_mentioning_a_newsletter_survives_the_prompt_below_it() -> None:
    """Zones grow backwards only over short blocks: the article's last paragraph may talk
    about newsletters without being part of the sign-up box under it."""
    article = ARTICLES["en"]
    last = (
        "The port authority said it would publish the new timetable on its website and in "
        "the weekly email newsletter it sends to residents, and would post paper copies at "
        "both terminals."
    )
    box = ["Sign up to The Harbour Briefing", "Your email", "Subscribe"]
    result = clean_lines(article.title, *article.paragraphs, last, *box)
    assert_kept(result, last, *article.paragraphs)
    assert_removed(result, "Sign up to The Harbour Briefing", "newsletter_prompt")
    assert_removed(result, "Your email", "newsletter_prompt")
    # A bare "Subscribe" button is also a paywall label; the paywall step runs first.
    assert_removed(result, "Subscribe", "newsletter_prompt", "paywall")


NEWSLETTER_AS_NEWS = [
    "Regional daily drops its Sunday print edition for an email digest",
    "The Northfield Examiner will stop printing its Sunday edition in September and replace "
    "it with an email newsletter sent to subscribers every Sunday morning, the paper's owner "
    "announced on Wednesday.",
    "Readers who sign up for the newsletter will receive a selection of weekend features, the "
    "week's court reports and a puzzle page, editor Marcus Feld said. Print subscribers will "
    "be moved to the digital package at no extra cost until the end of the year.",
    "The company said the Sunday paper had lost more than half of its buyers since 2019, while "
    "the number of people opening its free weekday newsletter had doubled to about 27,000.",
    'Media analyst Joanna Price said the move reflected a wider trend. "Subscriptions now '
    'come through the inbox, not the letterbox," she said.',
]


def test_article_about_a_newspapers_newsletter_keeps_its_body() -> None:
    result = clean_lines(*NEWSLETTER_AS_NEWS)
    assert_kept(result, *NEWSLETTER_AS_NEWS[1:])


SUBHEADED_EN = [
    ARTICLES["en"].title,
    _EN[0],
    _EN[1],
    "What changes for passengers",
    _EN[2],
    "Costs doubled",
    _EN[3],
    _EN[4],
]


@pytest.mark.parametrize(
    "lines",
    [
        SUBHEADED_EN,
        [ARTICLES["en"].title, _EN[0], "What changes for passengers", *_EN[1:]],
        [
            ARTICLES["ru"].title,
            ARTICLES["ru"].paragraphs[0],
            "Что изменится для жителей",
            *ARTICLES["ru"].paragraphs[1:],
        ],
    ],
    ids=["en-two-subheadings", "en-subheading-after-lead", "ru-subheading-after-lead"],
)
def test_subheadings_between_short_paragraphs_are_not_a_teaser_list(lines: list[str]) -> None:
    result = clean_lines(*lines)
    assert_kept(result, *lines[1:])


def test_colon_introduced_list_of_headline_and_sentence_pairs_stays() -> None:
    """A body list introduced by a colon is the article's own, even when its items look
    like headline + blurb pairs."""
    article = ARTICLES["en"]
    items = [
        "Harbour View Hotel",
        "A forty-room hotel on the quay that reopened last spring.",
        "The Net Loft",
        "A restaurant in a former fish store, run by two local brothers.",
        "Skerry Head Hostel",
        "Bunk rooms for walkers on the coastal path.",
    ]
    lines = [
        article.title,
        *article.paragraphs[:3],
        "The three businesses shortlisted for the harbour's tourism award are:",
        *items,
        *article.paragraphs[3:],
    ]
    result = clean_lines(*lines)
    assert_kept(
        result, "The three businesses shortlisted for the harbour's tourism award are:", *items
    )
    assert_kept(result, *article.paragraphs)


@pytest.mark.parametrize(
    ("step", "lang", "button"),
    [
        ("paywall", "fr", "Abonnez-vous"),
        ("newsletter_prompt", "fr", "Inscrivez-vous"),
        ("newsletter_prompt", "pt", "Inscreva-se"),
        ("newsletter_prompt", "de", "Newsletter-Anmeldung"),
    ],
)
def test_hyphenated_button_labels_match(step: str, lang: str, button: str) -> None:
    article = ARTICLES[lang]
    removed = {
        r.text: r for r in STEPS[step].find(doc_of(article.title, *article.paragraphs, button))
    }
    assert button in removed and removed[button].kind == step


def test_co_authors_under_the_dek_are_not_the_title() -> None:
    """Two names with no "By" between the dek and the dateline: the nearest title-shaped
    line to the body, but a byline."""
    article = ARTICLES["uk"]
    result = clean_lines(
        article.title,
        "Богдан Петрук, Олена Савчин",
        "24 червня 2025, 21:15",
        *article.paragraphs,
    )
    assert result.metadata.title == article.title
    assert result.metadata.authors == ["Богдан Петрук", "Олена Савчин"]


@pytest.mark.parametrize("label", ["Pin it", "Text herunterladen", "Article history"])
def test_a_two_word_label_under_the_headline_is_not_the_title(label: str) -> None:
    """Share and tool labels the cue lexicons do not know sit between many headlines and
    their body: a longer headline-shaped line in the header wins over them."""
    article = ARTICLES["en"]
    result = clean_lines(article.title, "4 min read", label, *article.paragraphs)
    assert result.metadata.title == article.title
    assert_kept(result, *article.paragraphs)


def test_a_teaser_between_the_headline_and_a_long_standfirst_does_not_hide_the_headline() -> None:
    """Headline, teaser copy of the lead, then a 20-word standfirst without a full stop:
    once the teaser is removed the headline sits right above the standfirst, as it does
    when the clean text is re-read, so the title search climbs to it."""
    article = ARTICLES["es"]
    lead, *rest = article.paragraphs
    dek = (
        "Los vecinos calculan pérdidas de hasta cuatro mil euros por familia y reclaman al "
        "ayuntamiento una línea de ayudas directas"
    )
    text = page(article.title, lead, dek, "Marta Villalobos", "27/01/2025 - 07:30 h",
                "MONTEALTO. " + lead, *rest)  # fmt: skip
    result = clean_plain(text)
    assert result.metadata.title == article.title
    found = removal_for(result, lead)
    assert found is not None and found.kind == "duplicate_lead", describe(result)


def test_a_headline_the_page_repeats_further_down_is_still_the_title() -> None:
    """Blogs repeat the post's headline in a "previous post" link or a comment header;
    the first copy is removed as a repeat, and the title search still takes it."""
    article = ARTICLES["de"]
    headline = "Laufen im Winter: Von der Qual zur Gewohnheit in zwölf Monaten"
    result = clean_lines(
        "Zum Inhalt springen", "Ein Ostfriese in Franken", "Menü", headline,
        "Veröffentlicht am 10. Februar 2019 von Heiko", *article.paragraphs,
        "Vorheriger Beitrag", headline,
    )  # fmt: skip
    assert result.metadata.title == headline
    assert_kept(result, *article.paragraphs)
    assert not in_body(result, headline)


# --- gaps found on the sixth authored round (benchmarks/data/authored) --------------------------


def test_short_lines_under_a_question_without_a_vote_button_stay() -> None:
    """Only both ends make a poll: a question subheading over a short list is the article."""
    article = ARTICLES["en"]
    result = clean_lines(
        article.title,
        *article.paragraphs[:2],
        "What should residents do now?",
        "Keep dogs on a leash near the shore",
        "Rinse pets with clean tap water",
        *article.paragraphs[2:],
    )
    assert_kept(result, "Keep dogs on a leash", "Rinse pets with clean tap water")


def test_a_sentence_opening_on_a_determiner_is_not_an_author_bio() -> None:
    """ "<First> <Last> covers ...": "The advisory covers the whole lake" names no one."""
    article = ARTICLES["en"]
    advisory = (
        "The advisory covers the whole lake, including the beaches at Heron Point and Millrace "
        "Park, which will stay closed until two consecutive weekly samples fall below the "
        "threshold."
    )
    result = clean_lines(
        article.title,
        *article.paragraphs[:2],
        advisory,
        *article.paragraphs[2:],
        "Jane Holloway covers health for the Northshore Daily Press.",
    )
    assert_kept(result, "The advisory covers the whole lake", *article.paragraphs)
    assert_removed(result, "Jane Holloway covers health", "author_bio")


def test_a_membership_ask_naming_the_paper_is_removed_and_a_nato_bid_stays() -> None:
    article = ARTICLES["en"]
    bid = "Officials said the country still hopes to become a NATO member before the decade ends."
    result = clean_lines(
        article.title,
        *article.paragraphs,
        bid,
        "Local reporting isn't cheap. Become a Daily Press member for $6 a month and help "
        "keep it free for everyone →",
    )
    assert_removed(result, "Become a Daily Press member", "donation_appeal")
    assert_kept(result, bid)


def test_a_menu_running_into_a_breadcrumb_is_navigation_not_the_title() -> None:
    article = ARTICLES["de"]
    result = clean_lines(
        "SPORTKURIER NIEDERRHEIN",
        "Startseite | Fußball | VfL Emscherau | Amateure | Mehr Sport | E-Paper Startseite > "
        "Fußball > VfL Emscherau",
        article.title,
        "Der 23-jährige Stürmer unterschreibt bis 2030. Finanziert wird der Wechsel vor allem "
        "durch einen Verkauf.",
        "Von Björn Tiedemann",
        "01.09.2025, 17:40 Uhr",
        *article.paragraphs,
    )
    assert_removed(result, "Startseite | Fußball | VfL Emscherau", "navigation")
    assert result.metadata.title == article.title


def test_an_english_headline_ending_on_die_is_not_joined_with_its_dek() -> None:
    """ "die" ends a German line unfinished, not an English one (an authored page)."""
    path = AUTHORED_TUNED / "raw" / "sx_q2_en_lake-algae-warning.txt"
    result = clean_plain(path.read_text(encoding="utf-8"))
    assert result.metadata.title == "Toxic algae warning issued for Lake Tamsin after two dogs die"


def test_a_tester_bio_at_the_end_is_removed() -> None:
    article = ARTICLES["en"]
    bio = (
        "Jordan Abernethy-Li has been testing e-readers, tablets and anything with a battery "
        "for Wireframe since 2019."
    )
    result = clean_lines(article.title, *article.paragraphs, bio)
    assert_removed(result, "Jordan Abernethy-Li has been testing", "author_bio")
