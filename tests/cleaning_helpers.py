"""Shared code for the cleaning-library tests (`tests/test_clean_*.py`).

- `clean_plain` / `clean_lines`: run the real `cleaners.clean` on inline page text.
- `doc_of`: a `Document` of one block per text, to run one step's `find` on.
- `words`, `shingles`, `body_f1`, `leaked_lines`: a re-implementation of the body metric of
  the project's scorer (`eval/score.py`: multiset F1 over word 4-shingles, after removing
  neutral lines and the title from the prediction), so the labelled pages can be scored
  without the shared directory.
- `ARTICLES`: short, made-up article bodies in the nine core languages, written for these
  tests (none of their sentences appear in the labelled data), into which the tests insert
  boilerplate.
"""

from __future__ import annotations

import collections
import json
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from cleaners import Block, CleanResult, Document, RawDocument, Removal, clean
from cleaners.segment import split_blocks
from cleaners.text import normalize_text, squeeze_spaces

DATA = Path(__file__).parent / "data" / "clean"
LABELLED_DIR = DATA / "labelled"


# --- running the library --------------------------------------------------------------------


def clean_plain(text: str, *, source: str = "page.txt") -> CleanResult:
    """Clean inline page text exactly as the CLI would clean a .txt file."""
    return clean(RawDocument(text.encode("utf-8"), source=source, media_type="text/plain"))


def clean_lines(*parts: str | list[str], blank: bool = True) -> CleanResult:
    """Clean a page built from lines (a list is a group of lines, joined without gaps)."""
    return clean_plain(page(*parts, blank=blank))


def page(*parts: str | list[str], blank: bool = True) -> str:
    """Join page parts: each part (a line or a list of lines) separated by a blank line
    (`blank=True`) or by a single newline."""
    chunks = ["\n".join(p) if isinstance(p, list) else p for p in parts]
    return ("\n\n" if blank else "\n").join(chunks) + "\n"


def doc_of(*texts: str) -> Document:
    """A document of one block per text, as segmentation would give for a one-line-per-
    paragraph page."""
    return Document(blocks=[Block(i, t) for i, t in enumerate(texts)])


def norm(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).split())


def removal_for(result: CleanResult, snippet: str) -> Removal | None:
    """The removal whose text contains `snippet` (whitespace-normalised), if any."""
    wanted = norm(snippet)
    return next((r for r in result.removed if wanted in norm(r.text)), None)


def in_body(result: CleanResult, snippet: str) -> bool:
    return norm(snippet) in norm(result.text)


def paragraph_with(result: CleanResult, snippet: str) -> str | None:
    wanted = norm(snippet)
    return next((p for p in result.paragraphs if wanted in norm(p)), None)


def describe(result: CleanResult) -> str:
    """A readable dump for assertion messages."""
    kept = "\n".join(f"  KEPT {p[:90]}" for p in result.paragraphs)
    removed = "\n".join(f"  DROP [{r.kind}/{r.rule}] {r.text[:80]}" for r in result.removed)
    return f"\n{kept}\n{removed}\n  reject={result.reject}"


def assert_kept(result: CleanResult, *snippets: str) -> None:
    for snippet in snippets:
        assert in_body(result, snippet), f"expected in the body: {snippet!r}{describe(result)}"


def assert_removed(result: CleanResult, snippet: str, *kinds: str) -> Removal:
    """`snippet` is not in the body and a removal records it, with one of `kinds` if given."""
    assert not in_body(result, snippet), f"expected removed: {snippet!r}{describe(result)}"
    found = removal_for(result, snippet)
    assert found is not None, f"no removal records {snippet!r}{describe(result)}"
    if kinds:
        assert found.kind in kinds, f"{snippet!r} removed as {found.kind}/{found.rule}, not {kinds}"
    return found


# --- accounting: nothing silently lost -----------------------------------------------------

KIND_RE = re.compile(r"^[a-z][a-z_]*$")


def assert_accounted(text: str, result: CleanResult) -> None:
    """Every removal is recorded with a kind and a rule, and every non-empty input block is
    either in the body (as a paragraph or part of a rejoined one) or in exactly one removal.
    """
    blocks, _ = split_blocks(normalize_text(text))
    by_position: dict[int, Removal] = {}
    for item in result.removed:
        assert KIND_RE.match(item.kind), f"bad kind {item.kind!r} for {item.text!r}"
        assert item.rule.strip(), f"removal without a rule: {item}"
        assert item.position not in by_position, f"block {item.position} removed twice"
        by_position[item.position] = item
    body = norm(result.text)
    # A page may repeat a line (a byline at the top and the bottom): a removed block's text
    # may stay in the body only as often as blocks with that text were kept.
    paragraphs = collections.Counter(norm(p) for p in result.paragraphs)
    kept_copies = collections.Counter(norm(b.text) for b in blocks if b.position not in by_position)
    for block in blocks:
        removed = by_position.get(block.position)
        if removed is not None:
            assert removed.text == block.text, f"removal {removed} does not hold block {block}"
            text = norm(block.text)
            assert paragraphs[text] <= kept_copies[text], (
                f"removed block still in the body: {block.text!r}"
            )
        else:
            assert norm(squeeze_spaces(block.text)) in body, (
                f"block {block.position} neither kept nor removed: {block.text!r}{describe(result)}"
            )
    assert set(by_position) <= {b.position for b in blocks}


# --- the scorer's body metric ------------------------------------------------------------------

WORD = re.compile(r"\w+", re.UNICODE)


def words(text: str | None) -> list[str]:
    return WORD.findall(unicodedata.normalize("NFKC", text or "").lower())


def shingles(ws: list[str], n: int = 4) -> collections.Counter[tuple[str, ...]]:
    if len(ws) < n:
        return collections.Counter([tuple(ws)]) if ws else collections.Counter()
    return collections.Counter(tuple(ws[i : i + n]) for i in range(len(ws) - n + 1))


def remove_spans(pred: list[str], spans: list[list[str]]) -> list[str]:
    """Drop each span (a word list) from `pred` wherever it occurs."""
    out = list(pred)
    for span in spans:
        if not span:
            continue
        kept, i, n = [], 0, len(span)
        while i < len(out):
            if out[i : i + n] == span:
                i += n
            else:
                kept.append(out[i])
                i += 1
        out = kept
    return out


def prf(gold: collections.Counter, pred: collections.Counter) -> tuple[float, float, float]:
    inter = sum((gold & pred).values())
    g, p = sum(gold.values()), sum(pred.values())
    if g == 0 and p == 0:
        return 1.0, 1.0, 1.0
    precision = inter / p if p else (1.0 if g == 0 else 0.0)
    recall = inter / g if g else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def body_f1(gold: dict, text: str) -> float:
    """The scorer's body F1 of `text` against a gold record."""
    neutral = [words(x) for x in gold.get("neutral", [])] + [words(gold.get("title") or "")]
    predicted = remove_spans(words(text), sorted(neutral, key=len, reverse=True))
    return prf(shingles(words(" ".join(gold["body"]))), shingles(predicted))[2]


def leaked_lines(gold: dict, text: str, kind: str) -> list[str]:
    """Gold boilerplate lines of `kind` still present in `text`, judged as the scorer does:
    a short line leaks if it is a whole output line; a longer one if at least half of its
    shingles are in the output beyond the gold body."""
    gold_shingles = shingles(words(" ".join(gold["body"])))
    out_lines = {norm(x).lower() for x in text.split("\n") if x.strip()}
    extra = shingles(words(text)) - gold_shingles
    leaked = []
    for line in gold.get("boilerplate", {}).get(kind, []):
        lw = words(line)
        if not lw:
            continue
        if len(lw) < 4:
            present = norm(line).lower() in out_lines
        else:
            ls = shingles(lw)
            present = sum((ls & extra).values()) / max(1, sum(ls.values())) >= 0.5
        if present:
            leaked.append(line)
    return leaked


@dataclass(frozen=True)
class Labelled:
    name: str
    raw: bytes
    gold: dict

    @property
    def text(self) -> str:
        return self.raw.decode("utf-8")


def labelled_pages() -> list[Labelled]:
    """The copied seeds and devset pages with their gold records."""
    pages = []
    for raw in sorted(LABELLED_DIR.glob("*.txt")):
        gold = json.loads(raw.with_suffix(".json").read_text(encoding="utf-8"))
        pages.append(Labelled(raw.name, raw.read_bytes(), gold))
    return pages


def labelled(name_prefix: str) -> Labelled:
    matches = [p for p in labelled_pages() if p.name.startswith(name_prefix)]
    assert len(matches) == 1, f"{name_prefix!r} matches {[p.name for p in matches]}"
    return matches[0]


# --- made-up articles in the core languages ---------------------------------------------------


@dataclass(frozen=True)
class Article:
    language: str
    title: str
    paragraphs: tuple[str, ...]


ARTICLES: dict[str, Article] = {
    "en": Article(
        "en",
        "Harbour ferry returns to service after a winter of engine repairs",
        (
            "The Gullhaven harbour ferry carried its first passengers in four months on "
            "Monday morning, after mechanics replaced both of its diesel engines and "
            "rebuilt the steering gear that failed during a storm in November.",
            "About 1,300 people a day used the crossing before the breakdown, most of them "
            "workers at the fish processing plants on the north shore, who have since "
            "faced a forty-minute detour around the estuary by road.",
            '"It feels like getting an hour of my life back every day," said Ingrid '
            "Maalouf, a quality inspector who has taken the ferry to work for nine years. "
            '"The bus was fine, but nobody chose to live here for the bus."',
            "The repairs cost the port authority about 2.4 million pounds, roughly twice "
            "the original estimate, because the replacement engines had to be shipped from "
            "a manufacturer in Finland and the hull needed new mountings.",
            "Harbour master Colin Achterberg said the vessel would run on a reduced "
            "timetable for the first two weeks while the crew completed their training on "
            "the new controls, with the full service expected to resume in April.",
        ),
    ),
    "ru": Article(
        "ru",
        "В Заречном открыли первую за двадцать лет детскую поликлинику",
        (
            "В микрорайоне Заречный в понедельник начала принимать пациентов новая детская "
            "поликлиника, первая за последние двадцать лет в этой части города. До сих пор "
            "родителям приходилось возить детей через реку в центральную больницу.",
            "Здание на улице Лесозаводской рассчитано на четыреста посещений в смену. В нём "
            "работают педиатры, окулист, невролог и стоматолог, а также кабинет для "
            "прививок и дневной стационар на двенадцать мест.",
            "«Раньше на приём к неврологу мы записывались за месяц и тратили на дорогу "
            "полдня», — рассказала мама двоих детей Ольга Веснина, которая пришла на "
            "открытие вместе с сыном.",
            "Строительство обошлось областному бюджету в 640 миллионов рублей. По словам "
            "главного врача Игоря Сабурова, штат укомплектован на девяносто процентов, "
            "оставшиеся вакансии планируют закрыть до конца лета.",
        ),
    ),
    "uk": Article(
        "uk",
        "У Березівці відкрили міст, який чекали п'ять років",
        (
            "У селі Березівка в неділю відкрили новий міст через річку Тясмин, будівництво "
            "якого тривало п'ять років і двічі зупинялося через брак коштів. Старий "
            "дерев'яний міст закрили для руху ще навесні дві тисячі двадцятого року.",
            "Відтепер мешканцям лівого берега не доведеться їздити до районного центру "
            "через сусіднє село, що додавало до кожної поїздки майже двадцять кілометрів. "
            "Шкільний автобус також повернеться на свій звичний маршрут.",
            "«Ми вже не вірили, що доживемо до цього дня», — сказала пенсіонерка Ганна "
            "Ткачук, яка щотижня їздить до лікарні в місті. За її словами, торік узимку "
            "швидка не могла дістатися до її сусіда понад годину.",
            "Роботи коштували громаді та обласному бюджету понад сорок мільйонів гривень. "
            "Підрядник надав гарантію на десять років і пообіцяв до осені облаштувати "
            "тротуари та освітлення на під'їздах до мосту.",
        ),
    ),
    "de": Article(
        "de",
        "Stadtwerke Lindenau senken den Gaspreis zum ersten Mal seit drei Jahren",
        (
            "Die Stadtwerke Lindenau senken zum ersten April den Gaspreis für rund 42.000 "
            "Haushalte um durchschnittlich elf Prozent. Das teilte der kommunale Versorger "
            "am Dienstag nach einer Sitzung des Aufsichtsrats mit.",
            "Ein Haushalt mit einem Jahresverbrauch von 15.000 Kilowattstunden spare damit "
            "etwa 190 Euro im Jahr, sagte Geschäftsführerin Dagmar Oltmanns. Grund seien "
            "die gesunkenen Einkaufspreise an den Energiebörsen.",
            "Die Verbraucherzentrale begrüßte den Schritt, hält ihn aber für überfällig. "
            "Andere Anbieter in der Region hätten ihre Preise bereits im Herbst gesenkt, "
            "sagte der Energieberater Thorsten Kuhlmann.",
            "Kunden müssen nichts unternehmen, der neue Tarif gilt automatisch. Wer bereits "
            "einen Festpreisvertrag abgeschlossen hat, profitiert allerdings erst nach "
            "dessen Ablauf von der Senkung.",
        ),
    ),
    "fr": Article(
        "fr",
        "À Castelmoron, la piscine municipale rouvre après deux ans de travaux",
        (
            "La piscine municipale de Castelmoron a rouvert ses portes samedi matin, après "
            "deux années de travaux de rénovation qui ont coûté près de 3,8 millions "
            "d'euros à la commune et à la communauté d'agglomération.",
            "Le bassin de vingt-cinq mètres a été entièrement refait, et un petit bassin "
            "d'apprentissage a été ajouté pour les écoles primaires du secteur, qui "
            "devaient jusqu'ici emmener les élèves à plus de trente kilomètres.",
            "« Nos enfants vont enfin pouvoir apprendre à nager ici, près de chez eux », "
            "s'est réjouie Mireille Fabrègue, directrice de l'école Jean-Moulin, venue "
            "assister à l'inauguration avec une classe de CM2.",
            "Les tarifs restent inchangés pour les habitants de la commune. L'équipement "
            "sera ouvert tous les jours de la semaine pendant l'été, avec des horaires "
            "élargis le mercredi et le samedi.",
        ),
    ),
    "es": Article(
        "es",
        "El tranvía de Montealto amplía su horario nocturno los fines de semana",
        (
            "El tranvía de Montealto funcionará hasta las dos de la madrugada los viernes y "
            "sábados a partir del próximo mes, según anunció este martes la empresa "
            "municipal de transportes tras una consulta con los vecinos.",
            "La ampliación costará unos 420.000 euros al año y supondrá contratar a doce "
            "conductores más. La concejala de Movilidad, Araceli Montoya, explicó que la "
            "medida responde a una petición reiterada de los jóvenes y de la hostelería.",
            "«Hasta ahora, quien salía por la noche tenía que coger un taxi o conducir, y "
            "eso no es seguro para nadie», dijo Daniel Ruiz, portavoz de una asociación de "
            "estudiantes de la universidad.",
            "Los trenes circularán cada veinte minutos en el tramo nocturno. La empresa "
            "evaluará el número de viajeros durante seis meses antes de decidir si mantiene "
            "el servicio de forma permanente.",
        ),
    ),
    "it": Article(
        "it",
        "A Valdorso riapre la biblioteca civica dopo il restauro del chiostro",
        (
            "La biblioteca civica di Valdorso ha riaperto al pubblico lunedì mattina, dopo "
            "diciotto mesi di lavori di restauro del chiostro cinquecentesco che ospita le "
            "sale di lettura e l'archivio storico della città.",
            "Il cantiere è costato circa 1,2 milioni di euro, finanziati in gran parte con "
            "fondi regionali. Durante i lavori sono emersi alcuni affreschi che erano stati "
            "coperti da uno strato di intonaco nell'Ottocento.",
            "«È stata una sorpresa bellissima, non ce lo aspettavamo», ha raccontato la "
            "direttrice Lucia Benedetti, che ha accompagnato i primi visitatori lungo il "
            "porticato restaurato.",
            "La biblioteca sarà aperta tutti i giorni tranne la domenica. Da settembre "
            "partiranno anche i laboratori di lettura per le scuole elementari del "
            "comune e dei paesi vicini.",
        ),
    ),
    "pl": Article(
        "pl",
        "W Borkowie otwarto nowe przedszkole dla dwustu dzieci",
        (
            "W Borkowie w poniedziałek otwarto nowe przedszkole publiczne, które pomieści "
            "dwieście dzieci w ośmiu oddziałach. Budowa trwała niecałe dwa lata i "
            "kosztowała gminę oraz województwo ponad dwadzieścia milionów złotych.",
            "Do tej pory wielu rodziców musiało wozić dzieci do placówek w sąsiednich "
            "miejscowościach, ponieważ w starym budynku brakowało miejsc dla "
            "najmłodszych mieszkańców szybko rosnącego osiedla.",
            "„Wreszcie nie będę musiała jeździć codziennie dwadzieścia kilometrów w jedną "
            "stronę” – powiedziała Katarzyna Wilk, mama trzyletniego Antka, która przyszła "
            "na uroczyste otwarcie.",
            "Przedszkole ma własną kuchnię, salę gimnastyczną i ogród z placem zabaw. "
            "Dyrekcja zapowiada, że nabór na kolejny rok szkolny rozpocznie się w marcu.",
        ),
    ),
    "pt": Article(
        "pt",
        "Câmara de Vilarinho inaugura novo centro de saúde no bairro da Estação",
        (
            "A Câmara Municipal de Vilarinho inaugurou na segunda-feira um novo centro de "
            "saúde no bairro da Estação, que vai servir cerca de doze mil utentes que até "
            "agora tinham de se deslocar ao hospital do concelho vizinho.",
            "O edifício custou 3,1 milhões de euros e tem consultórios de medicina geral, "
            "enfermagem e saúde infantil, além de uma sala de tratamentos aberta até às "
            "dez da noite durante a semana.",
            "«Esperámos quase dez anos por isto, mas valeu a pena», disse Manuela Serrão, "
            "moradora do bairro e presidente da associação de reformados local.",
            "A autarquia garante que todos os médicos já foram contratados e que o centro "
            "funcionará em pleno a partir do próximo mês, com marcações por telefone e "
            "através da aplicação do serviço nacional de saúde.",
        ),
    ),
}
