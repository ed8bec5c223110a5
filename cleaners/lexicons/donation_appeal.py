"""Donation and membership appeals: from one-liners to letters with amount buttons."""

LABELS = {
    "en": [
        r"become an? (?:[\w'-]+ ){0,2}(?:member|supporter|patron)(?: today| now)?",
        r"(?:please )?(?:donate|contribute|give)(?: now| today| monthly| once)?",
        r"(?:make a |one time |one-time |monthly |annual )?(?:donation|contribution)s?",
        r"support (?:us|our (?:work|journalism|reporting|newsroom))(?: today| now)?",
        r"become a (?:member|supporter|patron|friend)(?: today| now)?",
        r"(?:other|custom|choose an?|select an?|enter an?) amount",
        r"make it monthly|give monthly|give once|contribute now|chip in(?: now)?",
        r"(?:no thanks|not now|maybe later|remind me later|no thanks maybe later)",
        r"(?:not ready to (?:support|give|donate)(?: today)?)",
        r"pa[iy]ment methods?|payment options?",
        r"before you go|a (?:message|note|word) from [\w' ]{2,40}|dear (?:reader|readers|friends)",
    ],
    "ru": [
        r"поддержать(?: нас| редакцию| проект| издание)?",
        r"поддержите(?: нас| редакцию)?",
        r"пожертвовать|сделать пожертвование|помочь (?:нам|редакции|изданию)",
        r"другая сумма|своя сумма|выберите сумму",
        r"напомнить позже|не сейчас|в другой раз",
        r"дорогие читатели|уважаемые читатели|дорогой читатель",
    ],
    "uk": [
        r"підтримати(?: нас| редакцію| проєкт| видання)?",
        r"підтримайте(?: нас| редакцію)?",
        r"задонатити|зробити внесок|допомогти (?:нам|редакції)",
        r"інша сума|своя сума|оберіть суму(?: внеску)?",
        r"нагадати пізніше|не зараз",
        r"шановні читачі|дорогі читачі|любі читачі",
    ],
    "de": [
        r"(?:jetzt )?(?:unterstützen|spenden)|(?:jetzt )?unterstützer(?:in)? werden",
        r"anderer betrag|betrag wählen|freier betrag",
        r"später erinnern|nicht jetzt|liebe leserinnen und leser|liebe leser(?:innen)?",
    ],
    "fr": [
        r"(?:je )?(?:soutiens|fais un don|faire un don|donner)|soutenez(?:-nous)?",
        r"autre montant|choisir un montant",
        r"me le rappeler plus tard|pas maintenant|chers lecteurs|chères lectrices",
    ],
    "es": [
        r"(?:haz|hacer) (?:una )?donación|dona(?:r)?(?: ahora)?|colabora(?:r)?(?: ahora)?",
        r"apóya(?:nos|me)|hazte (?:socio|socia|miembro)(?: [\w€ ]{0,30})?",
        r"otra cantidad|otro importe|elige (?:una )?cantidad",
        r"ahora no|recuérdamelo más tarde|más tarde|querid[oa]s? lector(?:es|as|a)?(?: querid[oa]s? lector(?:es|as|a)?)?",
    ],
    "it": [
        r"(?:fai una )?donazione|dona(?: ora)?|sostienici|abbonati per sostenerci",
        r"altro importo|non ora|ricordamelo più tardi",
        r"car[ie] lettor[ie]",
    ],
    "pl": [
        r"wesprzyj(?: nas)?|wpłać|przekaż darowiznę|dorzuć się",
        r"inna kwota|nie teraz|przypomnij później",
        r"drodzy czytelnicy|drogie czytelniczki",
    ],
    "pt": [
        r"(?:faça uma )?doação|doe(?: agora)?|apoie(?: o nosso trabalho)?|contribua",
        r"outro valor|agora não|lembrar mais tarde",
        r"car[oa]s? leitor(?:es|as)?",
    ],
}

PHRASES = {
    "any": [
        r"^(?:support|поддержите|поддержать|підтримайте|підтримати|unterstützen sie|soutenez|apoya|apoye|sostieni|wesprzyj) [^.?!]{2,50}!$",
        r"^(?:поддержать|підтримати|unterstützen|soutenir|apoyar|sostenere|wesprzyj) [«„\"“][^»\"”]{2,40}[»\"”]$",
    ],
    "en": [
        r"\bbefore you go\b.{0,20}\b(?:a small favou?r to ask|one (?:more )?thing)|\bwe have a small favou?r to ask\b",
        r"\bfree (?:to|for) (?:everyone|all readers)\b[^.]{0,40}\b(?:because|thanks to) (?:some )?(?:readers|supporters|members)\b",
        r"support (?:independent|quality|local|our|free|fearless|nonprofit) (?:journalism|news|reporting|media)",
        r"support (?:us|our (?:work|journalism|reporting|newsroom))\b",
        r"(?:your|reader) (?:support|donations?|contributions?|generosity)(?:,| is| keeps| helps| makes| means| matters| allows)",
        r"please consider (?:making a |a )?(?:donat|contribut|support|chip(?:ping)? in|giv(?:e|ing) to)|consider (?:chipping in|supporting us|a (?:small )?(?:donation|contribution))",
        r"chip in \W?\$?\d|gifts? of any size|readers like you|reader-funded|reader funded|funded by (?:our )?readers|paid for by readers",
        r"(?:make|making) a (?:one-time |monthly |recurring )?(?:donation|contribution)\b",
        r"(?:donate|contribute|give) (?:now|monthly|\$\d)(?! (?:to|for) (?:the|a) )",
        r"(?:become|join) (?:a |our )?(?:member|supporter|patron)s?\b(?! of (?:the )?(?:club|party|council|board))",
        r"(?:^|(?<=[.!?] ))(?:become|join) (?:an? |our )?(?:[\w'-]+ ){1,3}(?:member|supporter|patron)s? (?:for|from|today|now)\b",
        r"we need your (?:help|support)|(?:keep|keeps) (?:this|our) journalism (?:free|open|independent|going)",
        r"(?:every|any) contribution,? (?:however|no matter|big or small)|no matter how small",
        r"(?:as little as|starting (?:from|at) just) \$\d",
        r"(?:would you|will you|please) consider supporting (?:us|our work|our journalism)|support our work",
    ],
    "ru": [
        r"\bпомогите (?:редакции|нам|изданию|газете)\b|\bдаже \d+ (?:рубл|₽)\w*",
        r"поддерж(?:ите|ать) (?:нас|редакцию|независим\w+ журналистик\w+|наш\w* (?:работ|проект|издан)\w*)",
        r"(?:нам нужна|нуждаемся в) ваш\w+ (?:помощ|поддержк)\w*",
        r"(?:ваш\w*|читательск\w+) (?:поддержк|пожертвовани|донат|взнос)\w*",
        r"сделайте пожертвование|оформите (?:ежемесячное )?пожертвование|небольшой суммой|любой суммой|нас можно поддержать|станьте (?:другом|партнёром|партнером) «",
        r"(?:всё|все), что мы публикуем, оплачивают читатели|независим\w+ издани\w+",
    ],
    "uk": [
        r"\bдопоможіть (?:редакції|нам|виданню)\b|\bнавіть \d+ (?:грив|гривень|₴)\w*",
        r"підтрима(?:йте|ти) (?:нас|редакцію|незалежн\w+ журналістик\w+|наш\w* (?:робот|проєкт|видан)\w*)",
        r"(?:нам потрібна|потребуємо) ваш\w+ (?:допомог|підтримк)\w*",
        r"(?:ваш\w*|читацьк\w+) (?:підтримк|внеск|донат)\w*|внески читачів",
        r"зробіть внесок|невеликою сумою|без платного доступу|будь-якою сумою|нас можна підтримати|станьте (?:другом|другом чи подругою|партнером) «",
    ],
    "de": [
        r"unterstützen sie (?:uns|unsere arbeit|unabhängigen journalismus|[\w-]+ mit)",
        r"(?:ihre|eure) (?:unterstützung|spende)(?:,| hilft| ist| macht| sichert| ermöglicht)",
        r"(?:jetzt|bitte) (?:spenden|unterstützen)|unabhängige(?:n)? journalismus (?:unterstützen|stärken|ermöglichen)",
        r"werden sie (?:mitglied|unterstützer(?:in)?)|mit einem (?:kleinen )?beitrag",
        r"^(?:ihr|euer|dein) beitrag hilft\b",
        r"unterstütze (?:uns|[\w-]+) (?:bereits )?(?:mit|ab) \d|jetzt (?:spenden|unterstützen)",
        r"keine bezahlschranke|ohne bezahlschranke|gefällt (?:dir|ihnen) unser (?:magazin|\w+magazin|journalismus|blog)",
        r"^sie lesen gern [\w.-]+\?|^(?:du liest|lesen sie) gerne? [\w.-]+\?",
    ],
    "fr": [
        r"soutenez(?:-nous| notre| le| la| les| l')|faites un don|faire un don",
        r"(?:votre|vos) (?:soutien|don|dons|contribution)(?:,| est| nous| permet| compte)",
        r"(?:nous avons|on a) besoin de (?:vous|votre soutien)|journalisme indépendant",
        r"même (?:de )?\d+ ?€|à partir de \d+ ?€",
    ],
    "es": [
        r"apóyanos|ayúdanos a seguir|hazte (?:socio|socia|miembro)|haz una donación",
        r"(?:tu|su|vuestra) (?:aportación|donación|contribución|apoyo)(?:,| es| nos| se nota| hace| permite)",
        r"(?:necesitamos|contamos con) tu (?:ayuda|apoyo)|periodismo independiente|no tenemos muro de pago",
        r"sea la que sea",
        r"hazte miembro|hacemos periodismo desde hace|beneficios exclusivos",
    ],
    "it": [
        r"sostienici|sostieni (?:il nostro|l'informazione|il giornalismo)|fai una donazione",
        r"(?:il tuo|il vostro) (?:sostegno|contributo)(?:,| è| ci)|giornalismo indipendente",
    ],
    "pl": [
        r"wesprzyj(?: nas| naszą| niezależne)|przekaż darowiznę|(?:twoje|wasze) wsparcie",
        r"niezależne(?:go)? dziennikarstw\w+|potrzebujemy (?:twojej|waszej) pomocy",
    ],
    "pt": [
        r"apoie (?:o|a|nosso|nossa|o jornalismo)|faça uma doação|jornalismo independente",
        r"(?:seu|sua|o seu|a sua) (?:apoio|doação|contribuição)(?:,| é| nos| faz| permite)",
    ],
}

# The publisher's own voice: budgets, staff, independence, readers paying for the work.
WEAK = {
    "en": [
        r"\bour (?:work|staff|journalists|reporters|newsroom|journalism|mission|reporting)\b",
        r"\bindependent journalism\b|\bjournalism\b.*\b(?:we|our)\b|\b(?:we|our)\b.*\bjournalism\b",
        r"\bthank you for (?:standing|reading|supporting|your)\b|\bwith your help\b",
        r"\b(?:newsprint|salaries|hosting)\b.*\bcost\b|\bcost(?:s)? (?:more|money)\b",
        r"\bno (?:paywall|billionaire|owner)\b|\bnot by billionaires\b|\bhedge fund\b",
        r"\bwe\b.{0,200}\byour?\b|\byour?\b.{0,200}\bwe\b",
    ],
    "ru": [
        r"\bнаш\w* (?:работ|редакци|журналист|сотрудник|издани)\w*|\b(?:мы|нам|нас)\b.{0,200}\b(?:вы|ваш\w*)\b",
        r"\bредакци\w+ сможет\b|спасибо, что вы с нами|независим\w+",
        r"расходы на|выросли почти|богатого владельца",
    ],
    "uk": [
        r"\bнаш\w* (?:робот|редакці|журналіст|працівник|видан)\w*|\b(?:ми|нам|нас)\b.{0,200}\b(?:ви|ваш\w*)\b",
        r"залишатися незалежн\w+|дякуємо, що ви з нами|незалежн\w+",
    ],
    "de": [r"\bunser\w* (?:arbeit|redaktion|journalismus)\b|\bunabhängig"],
    "fr": [r"\bnotre (?:travail|rédaction|journalisme|indépendance)\b|\bindépendan\w+\b"],
    "es": [
        r"\bnuestr[oa]s? (?:trabajo|redacción|periodismo|equipo)\b|cuesta dinero|independiente|muro de pago",
    ],
    "it": [r"\bil nostro (?:lavoro|giornalismo)\b|\bla nostra redazione\b|indipendent\w+"],
    "pl": [r"\bnasz\w* (?:prac\w+|redakcj\w+|dziennikarstw\w+)\b|niezależn\w+"],
    "pt": [r"\bnosso (?:trabalho|jornalismo)\b|\bnossa redação\b|independente"],
}

# Payment-frequency toggles and generic buttons: only inside an appeal already found.
CONTEXT = {
    "en": [
        r"once|one time|one-time|monthly|annually|annual|yearly|every month|single|continue|next|yes|no"
    ],
    "ru": [r"разово|единоразово|ежемесячно|ежегодно|продолжить|далее"],
    "uk": [r"разово|одноразово|щомісяця|щороку|продовжити|далі"],
    "de": [r"einmalig|monatlich|jährlich|weiter"],
    "fr": [r"une fois|ponctuel|mensuel|mensuellement|annuel|continuer"],
    "es": [r"una vez|puntual|mensual|anual|continuar"],
    "it": [r"una tantum|mensile|annuale|continua"],
    "pl": [r"jednorazowo|miesięcznie|co miesiąc|rocznie|dalej"],
    "pt": [r"uma vez|mensal|anual|continuar"],
}
