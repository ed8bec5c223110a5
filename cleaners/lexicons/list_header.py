"""Headers that introduce a list of other articles ("Most read", "Главное за день")."""

LABELS = {
    "en": [
        r"(?:the )?most (?:read|popular|viewed|shared|commented)(?: (?:in|on|this) [\w ]{1,20})?|trending(?: now)?|popular(?: now| stories| categories)?",
        r"related(?: articles| stories| content| news| coverage| topics| posts)?|more (?:on|from|in|about) [\w' ]{1,40}|more (?:stories|news|articles|headlines)",
        r"(?:editor'?s?|editors') (?:picks|choice)|recommended(?: for you| stories| articles| reading)?|you (?:may|might) (?:also )?like|top stories|latest(?: news| stories| articles| headlines)?",
        r"(?:read|see) (?:next|more)|what to read next|in other news|don't miss|also (?:inside|in the news)|elsewhere|around the web|from (?:our|the) (?:network|partners)|partner news|sponsored stories",
        r"more on this story|recent posts|related posts|similar posts|popular posts|latest posts|more posts|recent comments|categories|archives|blogroll|meta|links|tag cloud|trending topics",
        r"want more|more (?:columns|features|videos|podcasts)|topics in this (?:article|story)|more about (?:this|these) topics?",
        r"see also|read also|also read|other (?:news|stories|articles)|more (?:stories|news|articles|headlines|columns) (?:from|on|at) [\w'. ]{1,40}|most read (?:on|at|from) [\w'. ]{1,40}",
    ],
    "ru": [
        r"(?:другие|все|ещё|еще) (?:материалы|статьи|публикации) (?:автора|от) ?[\w .'-]{0,40}",
        r"читайте также|самое (?:читаемое|популярное|интересное)|главное(?: за (?:день|неделю))?|популярное|по теме|новости партн[её]ров",
        r"другие новости|ещё (?:по теме|новости)|последние новости|рекомендуем|выбор редакции|лента новостей",
        r"похожие (?:записи|статьи|новости)|свежие записи|последние (?:записи|комментарии)|рубрики|архивы?|метки",
        r"смотрите также|читайте (?:ещё|еще)|другие материалы|материалы по теме",
    ],
    "uk": [
        r"(?:інші|усі|ще) (?:матеріали|статті|публікації) (?:автора|авторки|від) ?[\w .'-]{0,40}",
        r"читайте також|найпопулярніше|найчитаніше|головне(?: за (?:день|тиждень))?|популярне|за темою|новини партнерів",
        r"інші новини|більше новин|останні новини|рекомендуємо|вибір редакції|стрічка новин",
        r"схожі (?:записи|статті|новини)|останні (?:записи|коментарі)|рубрики|архіви?|мітки",
        r"дивіться також|читайте ще|інші матеріали|матеріали за темою",
    ],
    "de": [
        r"weitere (?:artikel|beiträge|texte) (?:von|der autorin|des autors) ?[\w .'-]{0,40}|mehr von [\w .'-]{1,40}",
        r"meistgelesen(?:e artikel)?|am meisten gelesen|beliebt(?:este artikel)?|mehr zum thema|mehr aus [\w ]{1,30}|das könnte sie (?:auch )?interessieren",
        r"weitere (?:artikel|nachrichten|meldungen|beiträge)|top[- ]themen|neueste artikel|empfehlungen|auch interessant",
        r"ähnliche (?:beiträge|artikel|themen)|verwandte (?:beiträge|artikel)|(?:neueste|letzte|aktuelle|beliebte|meistgelesene) (?:beiträge|artikel|kommentare)",
        r"das könnte (?:dich|sie|euch) (?:auch )?interessieren|kategorien|schlagwörter|archiv|blogroll|themen|weitere informationen|mehr (?:artikel|beiträge)",
        r"(?:weitere|mehr|top|aktuelle|verwandte|ähnliche)[- ](?:aktuelle )?themen(?: [\w ]{1,40})?|empfohlene (?:beiträge|artikel)|mehr zum thema(?: auf [\w ]+)?|weitere [\w]+tipps(?: [\w ]+)?",
        r"vorschau auf den nächsten artikel|nächster artikel|vorheriger artikel|teilnehmende blogs|beiträge aus dem forum|aus dem forum|über diese reihe|mehr aus dieser reihe|schon gelesen",
        r"viel gelesen(?: in [\w ]{1,30})?|mehr zu [\w ]{1,40}|(?:noch )?mehr infos(?: für (?:dich|sie)| zum thema)?|newsticker|(?:relevantes|mehr|weiteres) aus (?:dem|unserem) [\w-]+ ?archiv|weitere informationen (?:zu|zum|zur|über) [\w ]{1,40}",
        r"(?:zum )?weiterlesen|lesen sie (?:auch )?(?:die folgenden|diese) (?:beiträge|artikel)|weitere beiträge(?: aus [\w ]{1,40})?|kommentierte artikel|meist(?:-| )?(?:diskutiert|kommentiert|gelesen)",
        r"mehr (?:kolumnen|videos|podcasts|bilder)|themen in diesem artikel|interessantes aus unserem[\w ]*|mehr (?:über|zu) (?:diesem|diesen) themen?",
        r"lesen sie (?:auch|mehr)|siehe auch|auch lesen|empfehlungen (?:aus der|der) redaktion|(?:die )?meist ?gelesenen? (?:artikel|beiträge|nachrichten|news)(?: (?:bei|auf|von|in) [\w. ]{1,40})?|mehr (?:kolumnen|artikel|beiträge|news|nachrichten) (?:auf|bei|von|aus|zu) [\w. ]{1,40}|weitere beiträge zu (?:diesem|dem) (?:artikel|thema)|andere nachrichten|weitere nachrichten(?: aus [\w ]{1,30})?",
    ],
    "fr": [
        r"(?:plus d'articles|d'autres articles|les derniers articles|du même auteur) (?:de|par)? ?[\w .'-]{0,40}",
        r"les plus lus|(?:à )?lire aussi|dans la même rubrique|sur le même sujet|les plus populaires|à la une|nos (?:dernières|autres) actualités|vous aimerez aussi",
        r"articles? (?:similaires|récents|liés)|commentaires récents|catégories|archives|sur le même thème",
        r"voir aussi|autres (?:actualités|articles|infos)|d'autres articles|à lire (?:aussi|également)",
        r"pour (?:aller plus loin|approfondir|en savoir plus)",
    ],
    "es": [
        r"(?:más (?:artículos|noticias)|otros artículos|últimos artículos) (?:de|del autor|de la autora) ?[\w .'-]{0,40}",
        r"lo más (?:leído|visto|popular)|noticias relacionadas|te puede interesar|más noticias|también te puede interesar|últimas noticias|recomendados",
        r"entradas (?:recientes|relacionadas)|comentarios recientes|artículos relacionados|categorías|archivos",
        r"temas|contenido relacionado|más (?:noticias|leídas|vistas)(?: de [\w ]+)?|últimas noticias(?: de [\w ]+)?|te recomendamos|recomendamos",
        r"(?:las|los) más (?:vistas|vistos|leídas|leídos|populares)|notas relacionadas|otras noticias|artículos relacionados(?: [\w ]{1,40})?|más sobre [\w ]{1,40}|ver también|lee también|lea también|leé también|informate más",
    ],
    "it": [
        r"i più letti|più lett[ie]|articoli (?:correlati|recenti)|commenti recenti|potrebbe interessarti|ultime notizie|leggi anche|categorie|archivi",
        r"vedi anche|altre notizie|potrebbe interessarti anche",
    ],
    "pl": [
        r"najczęściej czytane|najpopularniejsze|powiązane artykuły|podobne wpisy|ostatnie wpisy|najnowsze komentarze|czytaj także|polecane|polecamy|kategorie|archiwa",
        r"zobacz (?:też|także|również)|czytaj (?:też|również)|przeczytaj (?:też|także|również)|inne artykuły|podobne artykuły|polecane artykuły|najnowsze artykuły",
    ],
    "pt": [
        r"mais lidas?|notícias relacionadas|posts (?:relacionados|recentes)|comentários recentes|veja também|últimas notícias|recomendados|categorias|arquivos",
        r"leia (?:também|mais)|outras notícias|matérias relacionadas|veja mais",
    ],
}

# A header may name its topic after the label: "Beliebte Beiträge zum Thema",
# "Related posts on this topic", "Articles similaires sur ce sujet".
_ON_THIS_TOPIC = (
    r"(?: (?:zum|zu diesem) thema| (?:on|about) (?:this|the) (?:topic|subject)"
    r"| sur (?:ce|le même) (?:sujet|thème)| (?:sobre|de) (?:este|el|esse|o) (?:tema|assunto)"
    r"| по (?:этой )?теме| на (?:эту|цю) тему| за (?:цією )?темою| su questo (?:tema|argomento)"
    r"| na (?:ten|podobny) temat)?"
)
LABELS = {
    language: [f"(?:{pattern}){_ON_THIS_TOPIC}" for pattern in patterns]
    for language, patterns in LABELS.items()
}
