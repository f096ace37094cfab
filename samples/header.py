"""Front matter of a generated ruling: web furniture, header table, sumilla, title, date line.

Header layouts (domain.md, "What rulings look like in the wild"; wild w04-w10):
``table`` (aligned label/colon/value), ``compact`` ("LABEL: value"), ``labels_first`` (all
labels, then all values), ``lagged`` (values shifted several lines off their labels),
``two_column`` (two labels per line, their values below), ``inline`` (one run-on
paragraph), and the Supreme Court layout with case-number line and SUMILLA.
"""

from __future__ import annotations

from datetime import timedelta

from samples import vocab
from samples.courts import superior_court
from samples.spanish import number_words
from samples.writer import Writer, join, the_court
from schemas import OutcomeKind as O

Block = tuple[str, str]
LOWER_LAYOUTS = ("table", "table", "compact", "labels_first", "lagged", "two_column", "inline")
_ACCENTS = str.maketrans("áéíóúÁÉÍÓÚ", "aeiouAEIOU")


def _court_lines(w: Writer) -> list[Block]:
    c = w.case
    lines = [("center", "PODER JUDICIAL DEL PERÚ")] if w.chance(0.3) else []
    lines.append(("title", superior_court(c.district, c.timeline.resolution.year).upper()))
    lines.append(("title", c.court_name.upper()))
    return lines


def _panel(w: Writer) -> list[str]:
    c = w.case
    names = []
    for i, judge in enumerate(c.judges):
        name = judge.surnames
        if i == c.director:
            name += w.pick(" (DD)", " (directora de debates)" if judge.female else " (director de debates)")
        elif i == c.president:
            name += " (presidenta)" if judge.female else " (presidente)"
        names.append(name)
    return [" / ".join(names)] if w.chance(0.6) else names


def _defendant_values(w: Writer) -> list[str]:
    ds = w.case.defendants
    forms = [d.person.header_form + (f", (a) «{d.nickname}», DNI N.° {d.dni}" if d.nickname else "")
             for d in ds]
    if w.chance(0.15):  # header spelling differs from the body (an accent dropped)
        forms[0] = forms[0].translate(_ACCENTS)
    if len(ds) > 1 and w.chance(0.45) and not ds[0].nickname:
        return [forms[0] + (" y otro" if len(ds) == 2 else " y otros")]
    return forms


def _rows(w: Writer) -> list[tuple[str, list[str]]]:
    c = w.case
    kind_key = {"vista": "sentencia_vista", "sobreseimiento": "auto", "prision": "auto",
                "terminacion": "auto", "oportunidad": "auto"}.get(c.variant, "sentencia")
    rows = [(w.pick(*vocab.EXPEDIENTE_LABELS), [c.number_raw])]
    if len(c.judges) == 1:
        labels = vocab.JUDGE_LABELS + (("JUEZA",) if c.judges[0].female else ())
        rows.append((w.pick(*labels), [c.judges[0].full]))
    else:
        labels = vocab.PANEL_LABELS if c.level.value == "corte_superior" else vocab.COLEGIADO_LABELS
        rows.append((w.pick(*labels), _panel(w)))
    rows.append((w.pick(*vocab.STAFF_LABELS), [c.especialista.full]))
    # the acting office in the header is the fiscal when no prosecutor is named (wild2 README):
    # it is written only where the truth has a fiscal
    if w.chance(0.2) and (c.fiscal is not None or c.office_is_fiscal):
        rows.append(("MINISTERIO PÚBLICO", [c.fiscal_office]))
    rows.append((w.pick(*vocab.DEFENDANT_LABELS[kind_key]), _defendant_values(w)))
    crime = c.charges[0].label
    other = " y otro" if len(c.charges) > 1 else ""
    rows.append((w.pick(*vocab.CRIME_LABELS), [crime[0].upper() + crime[1:] + other]))
    rows.append((w.pick(*vocab.VICTIM_LABELS), [w.victim_labels()]))
    if c.variant == "vista":
        rows.append((w.pick(*vocab.ORIGIN_LABELS), [c.lower_court]))
        rows.append((w.pick(*vocab.APPELLANT_LABELS),
                     ["Sentenciado" if c.recurrent == "defensa" else "Ministerio Público"]))
    elif c.variant in ("sobreseimiento", "prision", "terminacion", "oportunidad") and w.chance(0.7) \
            and "MATERIA" not in [label for label, _ in rows]:
        oportunidad = "Acuerdo reparatorio" if c.early is not None and c.early.value == "acuerdo_reparatorio" \
            else "Principio de oportunidad"
        rows.append(("MATERIA", [{"sobreseimiento": "Sobreseimiento", "prision": "Prisión preventiva",
                                  "terminacion": "Terminación anticipada",
                                  "oportunidad": oportunidad}[c.variant]]))
    order = rows[:1] + w.rng.sample(rows[1:], len(rows) - 1) if w.chance(0.3) else rows
    return order


def _layout(w: Writer, rows: list[tuple[str, list[str]]], layout: str) -> list[Block]:
    pad = max(len(label) for label, _ in rows) + w.rng.randint(2, 6)
    if layout == "table":
        out = []
        for label, values in rows:
            out.append(("line", f"{label.ljust(pad)}: {values[0]}"))
            out += [("line", " " * (pad + 2) + v) for v in values[1:]]
        return out
    if layout == "compact":
        sep = w.pick(": ", " : ", ":  ")
        return [("line", f"{label}{sep}{' / '.join(values)}") for label, values in rows]
    if layout == "labels_first":
        colon = w.chance(0.5)
        return ([("line", label.ljust(pad) + (":" if colon else "")) for label, _ in rows]
                + [("line", ("" if colon else ": ") + v) for _, values in rows for v in values])
    if layout == "lagged":  # values shifted by ``lag`` lines (PDF-extraction artefact)
        lag, labels = 3, [label for label, _ in rows]
        values = [": " + " / ".join(v) for _, v in rows]
        out = [("line", x) for x in labels[:lag]]
        for i, value in enumerate(values):
            out.append(("line", value))
            if i + lag < len(labels):
                out.append(("line", labels[i + lag]))
        return out
    if layout == "two_column":
        out = []
        for i in range(0, len(rows), 2):
            pair = rows[i:i + 2]
            if len(pair) == 1:
                out.append(("line", f"{pair[0][0].ljust(pad)}: {' / '.join(pair[0][1])}"))
                continue
            out.append(("line", pair[0][0].ljust(pad + 6) + pair[1][0]))
            out += [("line", ": " + " / ".join(values)) for _, values in pair]
        return out
    sep = w.pick(" - ", " | ", "; ")
    return [("para", sep.join(f"{label.title()}: {' y '.join(values)}" for label, values in rows))]


def furniture(w: Writer) -> list[Block]:
    """A legal-news page around the ruling: its dates and numbers are not this ruling's."""
    c = w.case
    topic = vocab.TOPIC_OF_FAMILY[c.family]
    published = c.timeline.resolution + timedelta(days=w.rng.randint(10, 400))
    if c.variant == "casacion":
        ref = f"Casación {c.number_norm.split()[1]}/{c.district.name}"
    elif c.variant == "rn":
        ref = f"R.N. {c.number_norm.split()[1]}, {c.district.name}"
    elif c.level.value == "corte_suprema":  # apelación, queja, calificación (formats.py)
        kind, n = c.number_norm.split()
        ref = f"{'Casación' if kind == 'casacion' else kind.capitalize()} {n}/{c.district.name}"
    else:
        ref = "Exp. " + "-".join(c.expediente.split("-")[:4])
    other = f"Casación {w.rng.randint(40, 3000)}-{w.rng.randint(min(2009, published.year - 1), published.year)}/" \
            f"{w.pick(*[d for d in vocab.PLACES])}"
    headline = w.pick(*vocab.HOLDINGS)
    blocks: list[Block] = []
    for part in w.pick(*vocab.PUBLISHERS).format(topic=topic).split("\n"):
        blocks.append(("small", part))
    blocks.append(("head", f"{headline[0].upper()}{headline[1:]} [{ref}]"))
    views = f"{w.rng.randint(1, 9)} {w.rng.randint(0, 999):03d}"
    blocks.append(("small", f"{w.pick(*vocab.AUTHORS)} | {w.date(published, 'long_digits')} | "
                            f"{views} vistas"))
    if w.chance(0.6):
        blocks.append(("para", f"Lea también: {w.pick(*vocab.LEA_TAMBIEN_TOPICS)} [{other}] - publicado "
                               f"el {w.date(published - timedelta(days=w.rng.randint(5, 90)), 'long_digits')}"))
    if w.chance(0.4):
        blocks.append(("small", "PUBLICIDAD"))
    blocks.append(("rule", "_" * w.rng.randint(30, 60)))
    return blocks


def sumilla(w: Writer) -> str:
    c = w.case
    kind = c.decided[0].outcome
    holding = {
        O.CASACION_FUNDADA: "En consecuencia, el recurso de casación es FUNDADO: se CASA la sentencia de vista",
        O.CASACION_INFUNDADA: "El recurso de casación es INFUNDADO y no corresponde casar la sentencia de vista",
        O.CASACION_IMPROCEDENTE: "El recurso de casación es IMPROCEDENTE, pues no satisface las exigencias del "
                                 "artículo 429 del Código Procesal Penal",
        O.CASACION_INADMISIBLE: "El recurso de casación es INADMISIBLE por no haberse fundamentado la causal",
        O.NO_HABER_NULIDAD: "Corresponde declarar NO HABER NULIDAD en la sentencia recurrida",
        O.HABER_NULIDAD: "Corresponde declarar HABER NULIDAD en la sentencia recurrida",
    }[kind]
    if kind == O.CASACION_FUNDADA:
        holding += ", y se ordena un nuevo juicio de apelación" if c.decided[0].detail == "reenvio" \
            else " y se absuelve al recurrente"
    label = w.pick("SUMILLA", "Sumilla", "SUMILLA")
    glue = w.note("La sumilla reproduce la elaborada por el propio órgano jurisdiccional.")
    lead = w.pick("Insuficiencia probatoria.", "Valoración de la prueba personal.",
                  "Motivación de las resoluciones judiciales.", "Presunción de inocencia.")
    return (f"{label}{glue}: {lead} {c.charges[0].label[0].upper()}{c.charges[0].label[1:]}. La Sala "
            f"examina si la sentencia impugnada valoró correctamente la prueba de cargo. {holding}.")


def supreme_header(w: Writer) -> list[Block]:
    c = w.case
    court = w.pick("CORTE SUPREMA DE JUSTICIA DE LA REPÚBLICA", "CORTE SUPREMA DE JUSTICIA")
    blocks: list[Block] = [("title", court), ("title", c.court_name.upper())]
    number = [("title", c.number_raw)]
    if c.district.name.upper() not in c.number_raw.upper() and w.chance(0.6):
        number.append(("title", c.district.name.upper()))
    sum_block = [("para", sumilla(w))]
    if w.chance(0.3):  # sumilla box printed before the case number (flattened column)
        blocks = sum_block + blocks + number
    else:
        blocks += number
        if w.chance(0.4):
            blocks.append(("line", f"PONENTE: {c.judges[c.ponente].surnames.upper()}"))
        blocks += sum_block
    title = {"casacion": ("SENTENCIA DE CASACIÓN", "SENTENCIA CASATORIA", ""),
             "rn": ("EJECUTORIA SUPREMA", "", "")}[c.variant]
    if t := w.pick(*title):
        blocks.append(("title", t))
    return blocks


def lower_header(w: Writer) -> list[Block]:
    layout = w.pick(*LOWER_LAYOUTS)
    return _court_lines(w) + _layout(w, _rows(w), layout)


def title(w: Writer) -> list[Block]:
    c = w.case
    year = c.timeline.resolution.year
    outcomes = {d.outcome for d in c.decided}
    options = {
        "sentencia": ["SENTENCIA", f"SENTENCIA N.° {w.rng.randint(1, 240):03d}-{year}"]
        + (["SENTENCIA CONDENATORIA"] if outcomes == {O.CONDENA} else [])
        + (["SENTENCIA ABSOLUTORIA"] if outcomes == {O.ABSOLUCION} else []),
        "sentencia_vista": ["SENTENCIA DE VISTA", f"SENTENCIA DE VISTA N.° {w.rng.randint(1, 150)}-{year}"],
        "sobreseimiento": ["AUTO DE SOBRESEIMIENTO", "AUTO QUE DECLARA FUNDADO EL REQUERIMIENTO DE SOBRESEIMIENTO"],
        "prision": ["AUTO DE PRISIÓN PREVENTIVA", "AUTO QUE RESUELVE EL REQUERIMIENTO DE PRISIÓN PREVENTIVA"],
        "terminacion": ["AUTO QUE APRUEBA ACUERDO DE TERMINACIÓN ANTICIPADA",
                        "AUTO DE APROBACIÓN DE TERMINACIÓN ANTICIPADA"],
        "oportunidad": ["AUTO DE SOBRESEIMIENTO",
                        "AUTO DE SOBRESEIMIENTO POR PRINCIPIO DE OPORTUNIDAD" if c.early and c.early.value ==
                        "principio_oportunidad" else "AUTO DE SOBRESEIMIENTO POR ACUERDO REPARATORIO"],
    }
    key = c.variant if c.kind.value == "auto" else c.kind.value
    blocks = [("title", w.pick(*options[key]))]
    n = c.resolution_no
    res = w.pick(f"RESOLUCIÓN NÚMERO: {number_words(n).upper()}", f"Resolución N.° {n}",
                 f"Resolución número {number_words(n)}", f"RESOLUCIÓN N° {n:02d}")
    blocks.append(("line", res))
    return blocks


def date_line(w: Writer) -> list[Block]:
    """'Puerto Maldonado, primero de junio del año dos mil dieciocho.-', maybe split in two."""
    c = w.case
    d = c.timeline.resolution
    if c.level.value != "corte_suprema" and d.day > 1 and w.chance(0.1):
        return [("para", f"En la ciudad de {c.city}, a los {w.date(d, 'dias_del_mes')}, "
                         f"{the_court(c.court_name)} emite la siguiente resolución:")]
    text = f"{c.city}, {w.date(d)}{w.pick('', '.', '.-', '.-', ' -')}"
    if " de dos mil" in text and w.chance(0.35):
        first, rest = text.split(" de dos mil", 1)
        return [("line", first), ("line", "de dos mil" + rest)]
    return [("line", text)]


def front(w: Writer) -> list[Block]:
    c = w.case
    blocks = furniture(w) if c.furniture else []
    if c.level.value == "corte_suprema":
        blocks += supreme_header(w) + [("blank", "")] + date_line(w)
    else:
        blocks += lower_header(w) + [("blank", "")] + title(w) + [("blank", "")] + date_line(w)
    return blocks + [("blank", "")]


__all__ = ["front", "Block", "join"]
