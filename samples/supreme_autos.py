"""Text of the Corte Suprema's autos: apelación suprema, queja de derecho, calificación de casación.

Shapes follow the Corte Suprema's published autos (issue 12; ../shared/corpus/wild2 w01, w03,
w05): chamber and number (the district after a slash or a comma, or on the next line), a
sumilla, "AUTOS Y VISTOS" packing appellant, lower ruling, court, crime and victim into one
sentence, "Intervino como ponente el señor juez supremo X", FUNDAMENTOS or CONSIDERANDO, a
decision in the plural ("Declararon ... CONFIRMARON") and the "S. S." block of surnames.
Legal rules cited: NCPP arts. 6, 268, 427-430, 437, 504; CP arts. 80 and 83.
"""

from __future__ import annotations

from samples import body, facts, header, reasoning
from samples.model import Defendant
from samples.spanish import number_words
from samples.writer import Writer, join, the_court
from schemas import OutcomeKind as O

Block = tuple[str, str]
TITLES = {"apelacion_suprema": ("AUTO DE APELACIÓN SUPREMA", "AUTO DE APELACIÓN", "AUTO SUPREMO"),
          "queja": ("AUTO SUPREMO", "AUTO DE QUEJA", ""),
          "calificacion": ("AUTO DE CALIFICACIÓN DEL RECURSO DE CASACIÓN", "CALIFICACIÓN DE CASACIÓN",
                           "AUTO DE CALIFICACIÓN")}
LOWER = {  # what the appealed auto of the Juzgado Superior de IP decided
    "excepcion": "declaró infundada la excepción de improcedencia de acción que dedujo",
    "prision": "declaró fundado el requerimiento de prisión preventiva formulado en su contra",
    "prescripcion": "declaró fundada la excepción de prescripción que dedujo y sobreseyó la causa",
}
REFORM = {  # what the Supreme Court puts in place of a revoked auto
    "excepcion": "declararon FUNDADA la excepción de improcedencia de acción y SOBRESEÍDA la causa",
    "prision": "declararon INFUNDADO el requerimiento de prisión preventiva e impusieron comparecencia con "
               "restricciones",
    "prescripcion": "declararon INFUNDADA la excepción de prescripción y DISPUSIERON que prosiga la causa",
}


def _defensa(w: Writer, ds: list[Defendant]) -> str:
    """'la defensa de X' / 'las defensas de X e Y': appellants named only through their lawyers."""
    names = w.names(ds, upper=True)
    return f"{'las defensas' if len(ds) > 1 else 'la defensa'} de {names}"


def _ponente(w: Writer) -> str:
    c = w.case
    verb = w.pick("Intervino", "Interviene", "Intervino")
    return f"{verb} como ponente el señor juez supremo {c.judge_name(c.ponente).upper()}."


def _fiscal(w: Writer) -> str:
    c = w.case
    if c.fiscal is None:
        return f"de la {c.fiscal_office}"
    fem = c.fiscal.female
    return (f"{'de la fiscal adjunta suprema' if fem else 'del fiscal adjunto supremo'} en lo penal, "
            f"{'doctora' if fem else 'doctor'} {c.fiscal.full}")


def front(w: Writer) -> list[Block]:
    c = w.case
    blocks = header.furniture(w) if c.furniture else []
    blocks += [("title", w.pick("CORTE SUPREMA DE JUSTICIA DE LA REPÚBLICA", "CORTE SUPREMA DE JUSTICIA")),
               ("title", c.court_name.upper()), ("title", c.number_raw)]
    if c.district.name.upper() not in c.number_raw.upper():
        blocks.append(("title", c.district.name.upper()))
    lead = {"apelacion_suprema": "Apelación de auto", "queja": "Queja de derecho",
            "calificacion": "Calificación del recurso de casación"}[c.variant]
    crime = c.charges[0].label
    blocks.append(("para", f"{crime[0].upper()}{crime[1:]}. {lead}"))
    blocks.append(("para", f"{w.pick('Sumilla', 'SUMILLA')}. {_holding(w)}"))
    if t := w.pick(*TITLES[c.variant]):
        blocks.append(("title", t))
    return blocks + [("blank", "")] + header.date_line(w) + [("blank", "")]


def _holding(w: Writer) -> str:
    c = w.case
    k = c.decided[0].outcome
    if c.variant == "apelacion_suprema":
        return ("El recurso no desvirtúa los fundamentos del auto impugnado, que se ajusta a la ley; debe "
                "confirmarse." if k == O.CONFIRMA else "El auto impugnado no examinó los presupuestos que la ley "
                "exige; el recurso es fundado y corresponde revocarlo.")
    if c.variant == "queja":
        return ("El recurrente no justificó el acceso excepcional a la casación: solo pretende una nueva "
                "valoración de la prueba. La queja es infundada." if k == O.QUEJA_INFUNDADA else
                "La Sala Superior exigió requisitos que la ley no prevé; la queja es fundada y el recurso de "
                "casación debe concederse.")
    return {O.BIEN_CONCEDIDO: "El recurso cumple los requisitos de los artículos 428 y 430 del Código Procesal "
                              "Penal y plantea un tema de desarrollo jurisprudencial: está bien concedido.",
            O.CASACION_INADMISIBLE: "El recurso no precisa la causal ni la expone en forma separada: es "
                                    "inadmisible.",
            O.CASACION_IMPROCEDENTE: "El recurso solo cuestiona la valoración de la prueba, lo que excede la "
                                     "casación: es improcedente."}[k]


def _vistos(w: Writer) -> list[str]:
    c = w.case
    ds, appellants = c.defendants, c.decided
    fojas = number_words(w.rng.randint(90, 900))
    crime, victims = w.charges(), w.victims()  # the article once, as the truth lists it
    if c.variant == "apelacion_suprema":
        by = _defensa(w, appellants) if c.recurrent == "defensa" else "el representante del Ministerio Público"
        return [f"AUTOS Y VISTOS; en audiencia pública: el recurso de apelación interpuesto por {by} contra el auto "
                f"de primera instancia de fojas {fojas}, de {w.date(c.timeline.dates['x_auto'])}, emitido por el "
                f"{c.lower_court}, que {LOWER[c.subject]}; en la investigación preparatoria que se "
                f"{'les' if len(ds) > 1 else 'le'} sigue por el {crime} en agravio de {victims}.", _ponente(w)]
    vista = w.date(c.timeline.dates["sentencia_vista"])
    summary = body.lower_summary(w, ds)
    if c.variant == "queja":
        return [f"AUTOS Y VISTOS: el recurso de queja interpuesto por {_defensa(w, appellants)} contra el auto "
                f"del {w.date(c.timeline.dates['x_improcedencia'])}, emitido por {the_court(c.appeal_court)}, que "
                f"declaró improcedente el recurso de casación que interpuso contra la sentencia de vista del "
                f"{vista}, que confirmó la de primera instancia que {summary}.", _ponente(w)]
    return [f"AUTOS Y VISTOS: el recurso de casación interpuesto por {_defensa(w, appellants)} contra la "
            f"sentencia de vista de fojas {fojas}, del {vista}, emitida por {the_court(c.appeal_court)}, que "
            f"confirmó la de primera instancia que {summary}.", _ponente(w)]


def _history(w: Writer) -> str:
    """Every recited step before this auto, in order; "x_" steps (the appealed auto, the
    calificación, the hearing, the refusal and the queja) are recited but are not milestones
    (wild2 README)."""
    c, tl = w.case, w.case.timeline
    parts = []
    lower = c.variant != "apelacion_suprema"  # the prosecutor below is the one the text names
    acting = lower
    f = c.fiscal
    prosecutor = f"la {c.fiscal_office}" if f is None else \
        f"{'la Fiscal' if f.female else 'el Fiscal'} Provincial {f.full}, de la {c.fiscal_office},"
    for step, when in tl.dates.items():
        if step == "resolution" or not tl.has(step) or step == "x_juicio":
            continue
        t = w.date(when)
        if step == "formalizacion":
            parts.append(f"{prosecutor if acting else 'la Fiscalía'} formalizó la investigación "
                         f"preparatoria el {t}")
            acting = False
        elif step == "x_auto":
            judge = c.lower_judge
            parts.append(f"el {c.lower_court}, a cargo {'de la jueza' if judge.female else 'del juez'} superior "
                         f"{judge.full}, por auto de {t}, {LOWER[c.subject]}")
        elif step == "apelacion" and c.variant == "apelacion_suprema":
            by = "la defensa" if c.recurrent == "defensa" else "el Ministerio Público"
            parts.append(f"{by} apeló por escrito de {t}")
        elif step == "x_calificacion":
            parts.append(f"por Ejecutoria de {t} este Tribunal Supremo declaró bien concedido el recurso")
        elif step == "x_audiencia":
            lawyers = join([d.lawyer.full for d in c.defendants])
            parts.append(f"la audiencia de apelación se realizó el {t} con la intervención {_fiscal(w)} y de "
                         f"{'los abogados defensores' if len(c.defendants) > 1 else 'la defensa técnica a cargo de'}"
                         f" {lawyers}")
        elif step == "x_improcedencia":
            parts.append(f"la Sala Superior declaró improcedente el recurso de casación por auto del {t}")
        elif step == "x_queja":
            lawyers = join([d.lawyer.full for d in c.decided])
            parts.append(f"contra este, {'los abogados' if len(c.decided) > 1 else 'el abogado'} {lawyers} "
                         f"{'interpusieron' if len(c.decided) > 1 else 'interpuso'} recurso de queja el {t}")
        elif not step.startswith("x_"):
            parts.append(body._step(w, step, when).rstrip("."))
    if acting:  # the office named as the acting prosecutor even without a dated step
        parts.insert(0, f"la investigación estuvo a cargo de {prosecutor.rstrip(',')}")
    for d in c.defendants if lower else ():
        if d.outcome is None:
            parts.append(f"{w.the_role(d)} {d.person.full}, con la defensa de {d.lawyer.full}, no recurrió")
    if c.variant == "queja" and "x_queja" not in tl.dates:
        lawyers = join([d.lawyer.full for d in c.decided])
        parts.append(f"la queja fue presentada por {'los abogados' if len(c.decided) > 1 else 'el abogado'} {lawyers}")
    if c.variant == "apelacion_suprema" and "x_audiencia" not in tl.dates:
        parts.append(f"en la audiencia intervinieron {_fiscal(w).removeprefix('de ')} y "
                     f"{'los abogados' if len(c.defendants) > 1 else 'el abogado'} "
                     f"{join([d.lawyer.full for d in c.defendants])}")
    if c.variant == "calificacion":
        lawyers = join([d.lawyer.full for d in c.decided])
        parts.append(f"la Sala Superior concedió el recurso, sustentado por {'los abogados' if len(c.decided) > 1 else 'el abogado'}"
                     f" {lawyers}, y elevó los actuados")
    text = "; ".join(p[0].lower() + p[1:] for p in parts) + "."
    return text[0].upper() + text[1:]


def _law(w: Writer) -> list[str]:
    c = w.case
    k = c.decided[0].outcome
    if c.variant == "apelacion_suprema":
        base = {"excepcion": "La excepción de improcedencia de acción procede cuando el hecho no constituye delito o "
                             "no es justiciable penalmente (artículo 6, apartado 1, literal b, del Código Procesal "
                             "Penal); es un juicio sobre el relato fáctico de la disposición fiscal, no sobre la prueba.",
                "prision": "La prisión preventiva exige fundados y graves elementos de convicción, una prognosis de "
                           "pena superior a cinco años y un peligro procesal concreto (artículo 268 del Código "
                           "Procesal Penal).",
                "prescripcion": "La acción penal prescribe en un tiempo igual al máximo de la pena fijada por la ley; "
                                "el plazo se duplica cuando el delito lo comete un funcionario contra el patrimonio "
                                "del Estado (artículos 80 y 83 del Código Penal)."}[c.subject]
        verdict = ("Los agravios no desvirtúan el razonamiento del auto impugnado; el recurso debe desestimarse, "
                   "con costas (artículo 504, apartado 2, del Código Procesal Penal)." if k == O.CONFIRMA else
                   "El auto impugnado no se ajusta a esas exigencias, por lo que el recurso debe ampararse.")
        return [base, verdict]
    rules = ("El recurso de casación procede contra las sentencias definitivas de las Salas Superiores cuando el "
             "delito más grave tiene una pena mínima superior a seis años (artículo 427, apartado 2, literal b, del "
             "Código Procesal Penal); excepcionalmente, cuando el recurrente justifica la necesidad de desarrollar "
             "la doctrina jurisprudencial (artículo 427, apartado 4, y artículo 430, apartado 3).")
    if c.variant == "queja":
        verdict = ("El recurrente se limitó a invocar garantías constitucionales para reclamar una nueva "
                   "valoración de la prueba personal; la Sala Superior declaró correctamente improcedente el "
                   "recurso y la queja de derecho (artículo 437 del Código Procesal Penal) debe desestimarse."
                   if k == O.QUEJA_INFUNDADA else
                   "El recurso expuso en forma específica las razones del acceso excepcional; la Sala Superior no "
                   "podía rechazarlo por su fondo, por lo que la queja de derecho (artículo 437 del Código Procesal "
                   "Penal) es fundada.")
        return [rules, verdict]
    verdict = {O.BIEN_CONCEDIDO: f"El recurso invoca la causal del inciso {w.rng.randint(1, 5)} del artículo 429 "
                                 f"del Código Procesal Penal y la desarrolla en forma autónoma; el tema propuesto "
                                 f"justifica un pronunciamiento de fondo.",
               O.CASACION_INADMISIBLE: "El recurso no indica separadamente cada causal invocada ni cita los "
                                       "preceptos que considera erróneamente aplicados (artículo 430, apartado 1, "
                                       "del Código Procesal Penal); el concesorio es nulo y el recurso inadmisible.",
               O.CASACION_IMPROCEDENTE: "Bajo la apariencia de una infracción de la garantía de motivación, el "
                                        "recurso pretende que se revalore la prueba personal, lo que el artículo 428, "
                                        "apartado 2, literal a, del Código Procesal Penal no permite."}[k]
    return [rules, verdict]


def _decision(w: Writer) -> list[str]:
    c = w.case
    ds = c.decided
    fem = len(ds) == 1 and ds[0].person.female
    costas = (f"CONDENARON {'a la recurrente' if fem else 'al recurrente' if len(ds) == 1 else 'a los recurrentes'}"
              f" al pago de las costas del recurso.")
    crime, victims = w.charges(long=False), w.victims()
    if c.variant == "apelacion_suprema":
        items, when = [], w.date(c.timeline.dates["x_auto"])
        for kind in (O.CONFIRMA, O.REVOCA):
            group = [d for d in ds if d.outcome == kind]
            if not group:
                continue
            by = _defensa(w, group) if c.recurrent == "defensa" else "el representante del Ministerio Público"
            if kind == O.CONFIRMA:
                items.append(f"Declararon INFUNDADO el recurso de apelación interpuesto por {by} contra el auto de "
                             f"primera instancia de {when}, que {LOWER[c.subject]}; en la investigación preparatoria "
                             f"que se le sigue por el {crime} en agravio de {victims}. En consecuencia, CONFIRMARON "
                             f"el referido auto.")
            else:
                items.append(f"Declararon FUNDADO el recurso de apelación interpuesto por {by}; en consecuencia, "
                             f"REVOCARON el auto de primera instancia de {when} y, reformándolo, {REFORM[c.subject]} "
                             f"respecto de {w.names(group, upper=True)}.")
        if any(d.outcome == O.CONFIRMA for d in ds) and c.recurrent == "defensa":
            items.append(costas)
        return items + ["DISPUSIERON que se lea en audiencia pública, se notifique y se publique en la página web "
                        "del Poder Judicial; y se devuelvan las actuaciones al órgano de origen. HÁGASE SABER."]
    if c.variant == "queja":
        when = w.date(c.timeline.dates["x_improcedencia"])
        if ds[0].outcome == O.QUEJA_INFUNDADA:
            return [f"Declararon INFUNDADO el recurso de queja interpuesto por {_defensa(w, ds)} contra el auto del "
                    f"{when}, que declaró improcedente su recurso de casación; en el proceso que se "
                    f"{'les' if len(ds) > 1 else 'le'} siguió por el {crime} en agravio de {victims}.", costas,
                    "MANDARON que se transcriba la presente ejecutoria al tribunal de origen y se archive el "
                    "cuadernillo. Hágase saber."]
        return [f"Declararon FUNDADO el recurso de queja interpuesto por {_defensa(w, ds)} contra el auto del {when}; "
                f"en consecuencia, CONCEDIERON el recurso de casación que interpuso contra la sentencia de vista.",
                "ORDENARON que la Sala Superior eleve los actuados a este Supremo Tribunal. Hágase saber."]
    by = _defensa(w, ds)
    k = ds[0].outcome
    if k == O.BIEN_CONCEDIDO:
        return [f"Declararon BIEN CONCEDIDO el recurso de casación interpuesto por {by} contra la sentencia de vista "
                f"que confirmó su condena por el {crime} en agravio de {victims}.",
                "DISPUSIERON que la causa permanezca en secretaría a disposición de las partes y SEÑALARON fecha para "
                "la audiencia de casación. Hágase saber."]
    word = ("NULO el concesorio e INADMISIBLE" if k == O.CASACION_INADMISIBLE and w.chance(0.6) else
            "INADMISIBLE" if k == O.CASACION_INADMISIBLE else "IMPROCEDENTE")
    return [f"Declararon {word} el recurso de casación interpuesto por {by} contra la sentencia de vista que "
            f"confirmó su condena por el {crime} en agravio de {victims}.", costas,
            "MANDARON que se devuelvan los actuados al órgano de origen. Hágase saber."]


def signatures(w: Writer) -> list[Block]:
    c = w.case
    ss = w.pick("S. S.", "S.S.", "Ss.") if c.look is None or not c.look.spaced_ss else "S. S."
    blocks: list[Block] = [("blank", ""), ("line", ss)]
    blocks += [("line", c.judges[i].surnames.upper()) for i in range(len(c.judges))]
    if c.ponente is not None and w.chance(0.5):
        p = c.judges[c.ponente]
        blocks.append(("line", f"{p.paternal[0]}{p.maternal[0]}/{w.pick('ecm', 'rmc', 'jlq', 'agh')}"))
    return blocks


def compose(w: Writer, length: str) -> list[Block]:
    """The whole auto as blocks: front, VISTOS, fundamentos, decision, signatures."""
    blocks = front(w) + [("para", p) for p in _vistos(w)]
    first, second = w.pick(("FUNDAMENTOS DE HECHO", "FUNDAMENTOS DE DERECHO"), ("CONSIDERANDO", ""),
                           ("I. ANTECEDENTES", "II. FUNDAMENTOS"))
    blocks.append(("head", first))
    paras = facts.facts(w) + [_history(w)]
    law = _law(w) + (reasoning.citations(w) if length == "full" else [])
    if not second:
        paras, law = paras + law, []
    for i, p in enumerate(paras):
        blocks.append(("para", f"{w.heading(i)} {p}"))
    if second:
        blocks.append(("head", second))
        for i, p in enumerate(law):
            blocks.append(("para", f"{w.heading(i)} {p}"))
    blocks += [("blank", ""), ("head", w.pick("DECISIÓN", "DECISIÓN", "PARTE RESOLUTIVA")),
               ("para", w.pick("Por estos motivos:", "Por estos fundamentos:", "Por estas razones:"))]
    for i, item in enumerate(_decision(w)):
        blocks.append(("para", f"{w.roman(i)}. {item}"))
    return blocks + signatures(w)
