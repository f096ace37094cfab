"""The legal analysis of a generated ruling: framework, precedents, evidence, responsibility,
penalty and reparación civil, plus generic reasoning paragraphs that give rulings their length.

Penalty-rule articles (45, 45-A, 46, 57, 92, 93) and procedural articles are cited here but
are never charges (domain.md, "Crimes that matter most here").
"""

from __future__ import annotations

from datetime import date

from samples import vocab
from samples.evidence import evidence_items
from samples.phrases import (
    AP_HOLDINGS,
    ARTICLE_QUOTES,
    DEFENSE_ARGUMENTS,
    FAMILY_GENERIC,
    GENERIC,
    OCCUPATIONS,
    OLD_CODE_GENERIC,
    PRECEDENT_HOLDINGS,
    STATE_EVIDENCE,
    TIPICIDAD,
    TIPICIDAD_BY_CRIME,
)
from samples.writer import Writer, join
from schemas import Citation, CitationKind
from schemas import OutcomeKind as O


def _citation_sentence(w: Writer, cite: Citation) -> str:
    if cite.kind == CitationKind.ACUERDO_PLENARIO:
        number = cite.normalized.split(" ", 1)[1]
        return f"El {cite.raw} {AP_HOLDINGS.get(number, 'fijó criterios de observancia obligatoria')}."
    if cite.kind == CitationKind.TRIBUNAL_CONSTITUCIONAL:
        art = "la" if cite.raw.startswith(("sentencia", "STC")) else "el"
        return (f"En el mismo sentido, el Tribunal Constitucional, en {art} {cite.raw}, ha señalado que el "
                f"derecho a la debida motivación no garantiza una determinada extensión de la argumentación.")
    art = "el" if cite.kind == CitationKind.RECURSO_NULIDAD else "la"
    return f"Así lo ha sostenido la Corte Suprema en {art} {cite.raw}, {w.pick(*PRECEDENT_HOLDINGS)}."


def citations(w: Writer) -> list[str]:
    sentences = [_citation_sentence(w, c) for c in w.case.citations]
    if len(sentences) > 2 and w.chance(0.6):
        return [" ".join(sentences[:2]), " ".join(sentences[2:])]
    return [" ".join(sentences)] if sentences else []


def framework(w: Writer) -> str:
    ch = w.case.charges[0]
    text = (f"Marco normativo. El delito de {ch.label} se encuentra {w.articles(ch)}. Los hechos ocurrieron en "
            f"{w.case.timeline.start.year}, por lo que, conforme al artículo 6 del Código Penal, se aplica el "
            f"texto vigente en esa fecha.")
    if ch.crime.other_articles and ch.articles != list(ch.crime.other_articles):
        text += (f" Actualmente, por la Ley N.° 31146, la conducta se encuentra prevista en "
                 f"{_articles(ch.crime.other_articles)} del Código Penal.")
    elif ch.crime.other_articles:
        text += (f" Antes de la Ley N.° 31146, la conducta estaba prevista en "
                 f"{_articles(ch.crime.articles)} del Código Penal.")
    return text


def _articles(arts) -> str:
    return f"el artículo {arts[0]}" if len(arts) == 1 else f"los artículos {join(list(arts))}"


def positions(w: Writer) -> list[str]:
    """What the prosecutor asked for (a look-alike penalty) and what each defence argued."""
    c = w.case
    asked = w.rng.randint(6, 25)
    out = [f"Posición del Ministerio Público. El Fiscal sostuvo que se acreditó la responsabilidad de "
           f"{w.names(c.defendants)} y solicitó que se {'les' if len(c.defendants) > 1 else 'le'} imponga "
           f"{w.years(asked, upper=False)} de pena privativa de libertad y el pago de "
           f"{w.money(float(w.rng.choice((5000, 10000, 20000, 30000))))} por concepto de reparación civil."]
    for d in c.defendants:
        out.append(f"Posición de la defensa. La defensa de {w.surname_ref(d)} sostuvo que "
                   f"{w.pick(*DEFENSE_ARGUMENTS)}, y solicitó su absolución.")
    return out


def evidence_detail(w: Writer) -> list[str]:
    c, out = w.case, []
    v = c.victims[0]
    if v.protected:
        out.append(f"La declaración de {w.victims()} fue recibida en cámara Gesell y visualizada en juicio; su "
                   f"relato es coherente, persistente y se encuentra corroborado por la pericia psicológica, que "
                   f"concluyó que presenta indicadores de afectación emocional compatibles con los hechos.")
    elif v.estado:
        out.append(STATE_EVIDENCE[c.family])
    else:
        out.append(f"{'La agraviada' if v.person.female else 'El agraviado'} {v.label} declaró en juicio de modo "
                   f"circunstanciado y reconoció sin dudas a su agresor.")
    out.append("Los efectivos policiales que participaron en la intervención describieron en el plenario las "
               "circunstancias de la detención y ratificaron el contenido de las actas que suscribieron.")
    return out


def identification(w: Writer) -> list[str]:
    """Personal data of each defendant; birth dates and DNI numbers are look-alikes."""
    out = []
    for d in w.case.defendants:
        p = d.person
        born = date(w.case.timeline.start.year - w.rng.randint(19, 55), w.rng.randint(1, 12),
                    w.rng.randint(1, 28))
        a = "a" if p.female else "o"
        schooling = w.pick("secundaria completa", "primaria incompleta", "superior técnica")
        out.append(f"Identificación. {p.full.upper()}, identificad{a} con DNI N.° "
                   f"{w.rng.randint(40000000, 48999999)}, nacid{a} el {w.date(born)} en "
                   f"{w.pick(*vocab.ORIGIN_TOWNS)}, dedicad{a} a {w.pick(*OCCUPATIONS)}, con grado de instrucción "
                   f"{schooling}, sin antecedentes penales según el certificado que obra en autos.")
    return out


def quote(w: Writer) -> str | None:
    text = ARTICLE_QUOTES.get(w.case.family)
    if text is None:
        return None
    return f"El texto aplicable de la norma establece: {text}"


def thirds(w: Writer) -> str | None:
    """The 'sistema de tercios' arithmetic (art. 45-A CP), for cases after 2013."""
    from samples.decide import PENALTY_RANGES
    if w.case.timeline.start.year < 2014:
        return None
    lo, hi, _ = PENALTY_RANGES.get(w.case.charges[0].crime.key, (4, 10, False))
    third = (hi - lo) * 12 // 3
    edge = lo * 12 + third
    return (f"La pena conminada para el delito es no menor de {w.years(lo, upper=False)} ni mayor de "
            f"{w.years(hi, upper=False)}. Dividido dicho espacio punitivo en tres partes, el tercio inferior "
            f"se extiende de {w.years(lo, upper=False)} a {w.years(edge // 12, edge % 12, upper=False)}, conforme "
            f"al inciso 1 del artículo 45-A del Código Penal.")


def evidence(w: Writer) -> str:
    c = w.case
    y = c.timeline.start.year
    report = w.pick(*vocab.REPORTS).format(n=f"{w.rng.randint(1, 999):03d}", y=y,
                                           reg=c.district.name.upper().split()[0])
    items = ["el acta de intervención y registro", f"el {report}",
             w.pick("la pericia psicológica practicada a la agraviada", "el registro fotográfico del operativo",
                    "la declaración de los efectivos policiales intervinientes")]
    for wit in c.witnesses:
        items.append(f"la declaración {'de la testigo' if wit.female else 'del testigo'} {wit.full}, "
                     f"{w.pick(*vocab.WITNESS_ROLES)}")
    listed = "; ".join(f"({r}) {it}" for r, it in zip(("i", "ii", "iii", "iv", "v"), items))
    return f"Prueba actuada. En el proceso se incorporaron, entre otros medios: {listed}."


def responsibility(w: Writer) -> list[str]:
    """One paragraph per defendant, consistent with the outcome decided for them."""
    c, out = w.case, []
    old = c.code.value == "cdepp1940"
    for d in c.defendants:
        ref = f"{w.the_role(d)} {d.person.full}"
        k = d.outcome
        if k in (O.CONDENA, O.CONCLUSION_ANTICIPADA) and d.conformed:
            rule = ("aplica la conclusión anticipada del debate prevista en el artículo 5 de la Ley N.° 28122"
                    if old else "aprobó la conclusión anticipada del juicio conforme al artículo 372 del Código "
                    "Procesal Penal")
            text = (f"{ref}, previa consulta con su abogado defensor, aceptó los cargos y la reparación civil, "
                    f"por lo que se {rule}.")
        elif k in (O.CONDENA, O.RESERVA_FALLO, O.CONFIRMA, O.NO_HABER_NULIDAD, O.TERMINACION_ANTICIPADA_APROBADA,
                   O.PRISION_PREVENTIVA_FUNDADA, O.CASACION_INFUNDADA, O.CASACION_IMPROCEDENTE,
                   O.CASACION_INADMISIBLE) and d.lower != "absolucion":
            text = (f"Responsabilidad de {ref}. Está acreditado, más allá de toda duda razonable, que "
                    f"{'la' if d.person.female else 'el'} {w.role(d.person)} intervino en los hechos como "
                    f"{d.participation}; su versión exculpatoria quedó desvirtuada por la prueba actuada.")
        elif k in (O.CASACION_FUNDADA, O.NULA) or (k == O.HABER_NULIDAD and d.detail == "nuevo juicio"):
            text = (f"Respecto de {ref}, la resolución recurrida incurre en un vicio de motivación: omitió "
                    f"valorar prueba relevante y sustentó su conclusión en inferencias que no se desprenden "
                    f"de lo actuado, lo que determina su nulidad.")
        elif d.detail == "reduce":
            text = (f"Respecto de {ref}, su responsabilidad se encuentra acreditada; sin embargo, la pena "
                    f"impuesta no guarda proporción con las circunstancias del caso, por lo que debe "
                    f"reducirse prudencialmente.")
        elif d.detail == "condena":
            text = (f"Respecto de {ref}, la prueba de cargo, valorada en su conjunto, acredita su intervención "
                    f"dolosa en los hechos, por lo que la absolución no puede mantenerse.")
        elif k == O.PRISION_PREVENTIVA_FUNDADA:
            text = (f"Respecto de {ref}, concurren los presupuestos del artículo 268 del Código Procesal Penal: "
                    f"existen fundados y graves elementos de convicción sobre su intervención en los hechos, la "
                    f"prognosis de pena supera los cinco años y existe peligro de fuga, pues carece de arraigo "
                    f"domiciliario y laboral acreditado.")
        elif k == O.TERMINACION_ANTICIPADA_APROBADA:
            text = (f"{ref} aceptó los cargos en forma libre y voluntaria, con el asesoramiento de su abogado "
                    f"defensor; los elementos de convicción reunidos sustentan suficientemente el acuerdo.")
        elif k == O.PRISION_PREVENTIVA_INFUNDADA:
            text = (f"Respecto de {ref}, si bien existen elementos de convicción, no se acredita peligro "
                    f"procesal: cuenta con arraigo domiciliario, laboral y familiar, por lo que corresponde "
                    f"imponer comparecencia con restricciones.")
        elif k == O.SOBRESEIMIENTO and c.variant == "oportunidad":
            text = (f"Respecto de {ref}, concurren los presupuestos del artículo 2 del Código Procesal Penal: se "
                    f"trata de un delito que no afecta gravemente el interés público, {'el imputado' if not d.person.female else 'la imputada'} "
                    f"reparó el daño causado y el Ministerio Público solicitó el sobreseimiento, por lo que "
                    f"corresponde dictarlo conforme al inciso 7 de dicho artículo.")
        elif k == O.SOBRESEIMIENTO:
            text = (f"Respecto de {ref}, concurre la causal del literal d) del inciso 2 del artículo 344 del "
                    f"Código Procesal Penal: no existe razonablemente la posibilidad de incorporar nuevos datos "
                    f"a la investigación y no hay elementos de convicción suficientes para solicitar "
                    f"fundadamente el enjuiciamiento.")
        elif k is None:
            text = (f"{ref} no se acogió al proceso especial, por lo que la investigación prosigue en su "
                    f"contra.")
        else:
            law = ("el artículo 284 del Código de Procedimientos Penales" if old else
                   "el artículo II del Título Preliminar y el artículo 398 del Código Procesal Penal")
            text = (f"Situación jurídica de {ref}. La prueba actuada no acredita su intervención dolosa en los "
                    f"hechos; la sindicación carece de corroboración periférica y no se ha enervado la "
                    f"presunción de inocencia, conforme a {law}.")
        out.append(text)
    return out


def penalty_paragraph(w: Writer) -> str | None:
    c = w.case
    sentenced = [d for d in c.decided if d.penalty is not None and d.penalty.prison_years]
    if not sentenced:
        return None
    d = sentenced[0]
    s = d.penalty
    rule = ("el sistema de tercios del artículo 45-A del Código Penal"
            if c.timeline.start.year >= 2014 else "los artículos 45 y 46 del Código Penal")
    text = (f"Determinación de la pena. Conforme a {rule}, y atendiendo a la carencia de antecedentes "
            f"penales prevista en el literal a) del inciso 1 del artículo 46 del Código Penal, la pena "
            f"concreta se ubica en el tercio inferior.")
    if s.base_months:
        frac = "una sexta parte" if c.early and c.early.value == "terminacion_anticipada" else "un séptimo"
        text += (f" Las partes fijaron la pena en {w.years(s.base_months // 12, s.base_months % 12, upper=False)};"
                 f" aplicada la reducción de {frac}, la pena resultante es de "
                 f"{w.years(s.years, s.months, upper=False)} de pena privativa de libertad.")
    if not s.effective and s.probation:
        text += (" Al no superar los cuatro años y carecer de antecedentes, resulta razonable suspender su "
                 "ejecución conforme al artículo 57 del Código Penal.")
    return text


def reparacion_paragraph(w: Writer) -> str | None:
    if not any(d.penalty is not None and d.penalty.reparacion for d in w.case.decided):
        return None
    return ("Reparación civil. Conforme a los artículos 92 y 93 del Código Penal, la reparación civil "
            "comprende la restitución del bien o el pago de su valor y la indemnización de los daños y "
            "perjuicios; atendiendo al daño causado, se fija en el monto que se indica en la parte resolutiva.")


def analysis(w: Writer, *, length: str) -> list[str]:
    """The reasoning; ``length`` is "full", "short" (scans) or "brief" (one-page scans)."""
    c = w.case
    trial = c.variant in ("unipersonal", "colegiado", "sala", "sumario", "vista")
    paras = [framework(w)]
    if length != "brief":
        paras.append(TIPICIDAD_BY_CRIME.get(c.charges[0].crime.key, TIPICIDAD[c.family]))
    paras += citations(w)
    if trial and length == "full":
        paras += [p for p in (quote(w),) if p] + positions(w) + evidence_detail(w)
    if trial and length != "brief":
        paras.append(evidence(w))
    if trial and length == "full":
        paras += evidence_items(w, count=w.rng.randint(3, 7))
    pool = list(GENERIC) + (list(OLD_CODE_GENERIC) if c.code.value == "cdepp1940" else [])
    pool += [FAMILY_GENERIC[c.family]] if c.family in FAMILY_GENERIC else []
    n_generic = {"full": w.rng.randint(4, len(pool)), "short": w.rng.randint(0, 1), "brief": 0}[length]
    paras += w.rng.sample(pool, n_generic)
    paras += responsibility(w)
    sentencing = penalty_paragraph(w)
    extras = ((thirds(w) if sentencing and length == "full" else None), sentencing, reparacion_paragraph(w))
    if length == "brief":
        extras = ()
    for extra in extras:
        if extra:
            paras.append(extra)
    return paras
