"""Compose a ruling's text from a ``Case``: blocks (style, text) plus page chrome.

The section plan depends on the court (domain.md, "How a ruling usually reads"): lower
courts open with a header table, NCPP rulings split facts / procedural history /
reasoning / decision, old-code Salas recite "RESULTA DE AUTOS", Supreme rulings have
"FUNDAMENTOS DE HECHO / DE DERECHO" or "CONSIDERANDO: Primero: Que ...".
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import timedelta

from samples import body, decision, facts, header, lower_autos, reasoning, stamps, supreme_autos
from samples.courts import short_number, superior_court
from samples.model import Case
from samples.spanish import latin1
from samples.writer import Writer, contract, join

Block = tuple[str, str]


@dataclass(frozen=True)
class Chrome:
    """What repeats on every page: running header, footer style, signature stamp."""

    header: str | None
    header_on_first: bool
    footer: str  # "pagina_de", "dashes", "number", "pag_slash"
    stamp: str | None
    stamps: tuple[str, ...] = ()  # digital-signature stamps placed through the pages (stamps.py)


@dataclass(frozen=True)
class Composed:
    blocks: list[Block]
    chrome: Chrome


def _numbered(w: Writer, paras: list[str], start: int = 0, *, sub: int | None = None) -> list[Block]:
    out = []
    for i, p in enumerate(paras):
        label = f"{sub}.{i + 1}." if sub is not None else w.heading(start + i)
        if w.numbering == "ordinal_colon" and sub is None and w.case.level.value == "corte_suprema":
            p = "Que " + p[0].lower() + p[1:] if not p.startswith("Que") else p
        out.append(("para", f"{label} {p}"))
    return out


def _supreme_people(w: Writer) -> str:
    """The hearing paragraph that names the Supreme prosecutor and the defence lawyers."""
    c = w.case
    lawyers = join([f"{'la abogada' if d.lawyer.female else 'el abogado'} {d.lawyer.full}"
                    for d in c.defendants])
    fiscal = ""
    if c.fiscal is not None and c.variant == "casacion":
        fem = c.fiscal.female
        fiscal = (f"con la intervención de {'la señora Fiscal Adjunta Suprema' if fem else 'el señor Fiscal Supremo'} "
                  f"en lo Penal, {'doctora' if fem else 'doctor'} {c.fiscal.full}, y ")
    verb = "Realizada la audiencia" if c.variant == "casacion" else "Absuelto el grado"
    civil = f", y con la participación de la {c.procuraduria}, constituida en actor civil" if c.actor_civil else ""
    return (f"{verb}, {fiscal}con la defensa a cargo de {lawyers}{civil}, la causa quedó expedita para su "
            f"resolución.")


def _pretensiones(w: Writer) -> str:
    c = w.case
    if c.recurrent == "defensa":
        return (f"La defensa de {w.the_roles(c.defendants)} {w.names(c.defendants)} solicita que se revoque la "
                f"sentencia y se {'les' if len(c.defendants) > 1 else 'le'} absuelva; sostiene que la prueba de "
                f"cargo es insuficiente y que no se valoró la prueba de descargo. El Fiscal Superior solicita que "
                f"se confirme la recurrida.")
    return ("El Ministerio Público solicita que se revoque la absolución; sostiene que la prueba de cargo fue "
            "valorada de manera fragmentaria. La defensa solicita que se confirme la recurrida.")


def _body(w: Writer, length: str) -> list[Block]:
    c = w.case
    v = c.variant
    fact_paras = facts.facts(w)
    if v in ("unipersonal", "colegiado", "sala", "sumario") and length == "full":
        fact_paras = reasoning.identification(w) + fact_paras
    hist = body.history(w)
    analysis = reasoning.analysis(w, length=length)
    blocks: list[Block] = [("para", p) for p in body.vistos(w)]
    if v in ("casacion", "rn"):
        if v == "casacion":
            first_head, second_head = w.pick(("FUNDAMENTOS DE HECHO", "FUNDAMENTOS DE DERECHO"),
                                             ("I. ANTECEDENTES", "II. FUNDAMENTOS"),
                                             ("CONSIDERANDO", "ANÁLISIS DEL CASO"))
            blocks.append(("head", first_head))
        elif not blocks[-1][1].endswith("CONSIDERANDO:"):
            blocks.append(("head", "CONSIDERANDO:"))
        first = fact_paras + hist + [_supreme_people(w)]
        blocks += _numbered(w, first)
        if v == "casacion":
            blocks.append(("head", second_head))
            blocks += _numbered(w, analysis, 0)
        else:
            blocks += _numbered(w, analysis, len(first))
        return blocks
    if v in ("sala", "sumario"):
        blocks.append(("para", "RESULTA DE AUTOS: " + " ".join(hist)))
        blocks.append(("head", "CONSIDERANDO:"))
        return blocks + _numbered(w, fact_paras + analysis)
    plan = w.pick("roman", "flat", "ordinal_sections")
    sections = [("HECHOS IMPUTADOS", fact_paras), ("ITINERARIO DEL PROCESO", hist)]
    if v == "vista":
        sections.append(("PRETENSIONES IMPUGNATORIAS", [_pretensiones(w)]))
    sections.append(("FUNDAMENTOS", analysis))
    if plan == "flat":
        blocks.append(("head", "CONSIDERANDO:"))
        return blocks + _numbered(w, [p for _, ps in sections for p in ps])
    if not blocks[-1][1].endswith("y,") and w.chance(0.5):
        blocks.append(("head", "CONSIDERANDO:"))
    for i, (title, paras) in enumerate(sections):
        if not paras:
            continue
        if plan == "roman":
            blocks.append(("head", f"{w.roman(i)}. {title}"))
        else:
            blocks.append(("head", f"{w.heading(i).rstrip('.:-')}.- {title}"))
        blocks += _numbered(w, paras, sub=i + 1)
    return blocks


def _decision(w: Writer) -> list[Block]:
    c = w.case
    intro, items = decision.operative(w)
    heading = w.pick("FALLO", "DECISIÓN", "PARTE RESOLUTIVA", "DECISIÓN", "III. DECISIÓN")
    blocks: list[Block] = [("head", heading)]
    if c.variant == "rn":  # one running paragraph: "declararon ...; Asimismo, declararon ..."
        *rulings, closing = items
        joined = " ".join(r if i == 0 else "Asimismo, " + r for i, r in enumerate(rulings))
        return blocks + [("para", f"{intro} {joined} {closing}")]
    blocks.append(("para", intro))
    style = w.pick("roman", "ordinal", "arabic")
    for i, item in enumerate(items):
        label = {"roman": f"{w.roman(i)}.", "ordinal": f"{w.heading(i).rstrip('.:-')}:", "arabic": f"{i + 1}."}[style]
        blocks.append(("para", f"{label} {item}"))
    return blocks


def _tail(w: Writer) -> list[Block]:
    c = w.case
    blocks: list[Block] = []
    if c.truncated:
        blocks += [("para", "[...]"),
                   ("small", f"Descargue aquí la resolución completa en PDF ({w.rng.randint(8, 30)} páginas).")]
    else:
        blocks += _decision(w) + decision.signatures(w)
    if w.notes:
        blocks.append(("rule", "_" * 24))
        blocks += [("small", f"{i + 1} {text}") for i, text in enumerate(w.notes)]
    if c.furniture and w.chance(0.6):
        blocks.append(("small", f"Etiquetas: {c.charges[0].label} · {c.district.name} · "
                                f"{'Casación' if c.variant == 'casacion' else 'Jurisprudencia'}"))
        blocks.append(("small", "Comparte esta nota:  Facebook  |  X  |  WhatsApp"))
    return blocks


def _notes(w: Writer) -> list[Block]:
    """Footnotes and the web page's tags after an auto of the new formats."""
    blocks: list[Block] = []
    if w.notes:
        blocks.append(("rule", "_" * 24))
        blocks += [("small", f"{i + 1} {text}") for i, text in enumerate(w.notes)]
    if w.case.furniture:
        blocks.append(("small", f"Etiquetas: {w.case.charges[0].label} · Jurisprudencia"))
    return blocks


def _chrome(w: Writer) -> Chrome:
    c = w.case
    options = ["PODER JUDICIAL DEL PERÚ", None]
    if c.level.value == "corte_suprema":
        options += [f"{c.court_name.upper()} - {c.number_raw}", c.number_raw]
    else:
        options += [f"{superior_court(c.district)} - {c.court_name}",
                    f"Expediente N.° {c.expediente}", f"Exp. {c.expediente}"]
        if c.kind.value == "auto":
            materia = {"sobreseimiento": "Sobreseimiento", "prision": "Prisión preventiva",
                       "terminacion": "Terminación anticipada", "oportunidad": "Sobreseimiento",
                       "auto_vista": "Apelación de auto", "control_detencion": "Control de detención",
                       "enjuiciamiento": "Auto de enjuiciamiento"}.get(c.variant, "Auto")
            options.append(f"Exp. {short_number(c.expediente)} - {materia}")
    stamp = None
    if c.level.value != "corte_suprema" and w.chance(0.2):
        signer = c.judges[0]
        when = c.timeline.resolution + timedelta(days=w.rng.randint(0, 6))
        stamp = (f"Firmado digitalmente por {signer.surnames.upper()} {signer.first} FAU 20159981216 soft - "
                 f"Fecha: {when.day:02d}/{when.month:02d}/{when.year} {w.rng.randint(8, 18):02d}:"
                 f"{w.rng.randint(0, 59):02d}:{w.rng.randint(0, 59):02d}")
    chrome = Chrome(header=w.pick(*options), header_on_first=w.chance(0.5),
                    footer=w.pick("pagina_de", "pagina_de", "dashes", "number", "pag_slash"), stamp=stamp)
    if c.look is not None and c.look.stamps:  # a Poder Judicial PDF: the number on every page, stamps
        head = c.number_raw if c.level.value == "corte_suprema" else chrome.header
        chrome = Chrome(header=head, header_on_first=True, footer=w.pick("dashes", "pagina_de"), stamp=None,
                        stamps=stamps.stamps(w))
    return chrome


def compose(case: Case, rng: random.Random, *, length: str = "full") -> Composed:
    """The whole ruling as styled blocks, every text mapped to latin-1.

    ``length``: "full", "short" (scanned documents) or "brief" (one-page scans)."""
    w = Writer(case, rng)
    if case.variant in supreme_autos.TITLES:
        blocks = supreme_autos.compose(w, length) + _notes(w)
    elif case.variant in lower_autos.COMPOSERS:
        blocks = lower_autos.COMPOSERS[case.variant](w, length) + _notes(w)
    else:
        blocks = header.front(w) + _body(w, length) + [("blank", "")] + _tail(w)
    if length != "brief" and rng.random() < 0.6:  # paragraphs separated by a blank line
        spaced: list[Block] = []
        for block in blocks:
            if block[0] in ("para", "head") and spaced and spaced[-1][0] == "para":
                spaced.append(("blank", ""))
            spaced.append(block)
        blocks = spaced
    chrome = _chrome(w)
    # one pass over the whole text: latin-1 for the core PDF fonts, Spanish contractions
    texts = contract(latin1("\x00".join(text for _, text in blocks))).split("\x00")
    return Composed([(style, text) for (style, _), text in zip(blocks, texts)], Chrome(
        header=latin1(chrome.header) if chrome.header else None, header_on_first=chrome.header_on_first,
        footer=chrome.footer, stamp=latin1(chrome.stamp) if chrome.stamp else None,
        stamps=tuple(latin1(s) for s in chrome.stamps)))
