"""The opening of a ruling (VISTOS / VISTA / AUTOS Y VISTOS) and its procedural history.

The VISTOS paragraph names who heard the case, the parties and their lawyers (wild w01-w12);
Supreme rulings pack appellant, lower ruling, court, defendant, crime and victim into one
sentence. The history recites the milestones of ``Timeline`` marked as recited, in NCPP or
1940-code vocabulary (domain.md, "What monitors measure").
"""

from __future__ import annotations

from datetime import date

from samples.courts import short_number
from samples.model import Defendant
from samples.spanish import number_words
from samples.writer import Writer, join, the_court


def _fiscal(w: Writer, level: str) -> str:
    c = w.case
    if c.fiscal is None and c.office_is_fiscal:  # the office acts: it is the fiscal (wild2 README)
        return f"de la {c.fiscal_office}"
    if c.fiscal is None:
        return "del representante del Ministerio Público"
    title = {"juzgado": ("Fiscal Provincial", "Fiscal Adjunta Provincial"),
             "superior": ("Fiscal Superior", "Fiscal Superior"),
             "suprema": ("Fiscal Supremo en lo Penal", "Fiscal Adjunta Suprema en lo Penal")}[level]
    who = f"{'de la' if c.fiscal.female else 'del'} {title[1] if c.fiscal.female else title[0]}"
    return f"{who} {c.fiscal.full}, de la {c.fiscal_office}"


def _lawyers(w: Writer) -> str:
    parts = []
    for d in w.case.defendants:
        law = d.lawyer
        if d.public_defender:
            noun = "de la defensora pública" if law.female else "del defensor público"
            parts.append(f"{noun} {law.full}, por {w.the_role(d)} {d.person.surnames}")
        else:
            noun = "de la abogada" if law.female else "del abogado"
            parts.append(f"{noun} {law.full}, {'defensora' if law.female else 'defensor'} de "
                         f"{w.the_role(d)} {d.person.surnames}")
    return join(parts)


def _actor_civil(w: Writer) -> str:
    c = w.case
    text = f"; y de la {c.procuraduria}, constituida en actor civil" if c.actor_civil else ""
    for company in c.companies:  # CP art. 95, NCPP art. 111: the company answers for the damages
        text += f"; y de {company}, incorporada como tercero civilmente responsable"
    return text


def _panel(w: Writer) -> str:
    c = w.case
    parts = []
    for i in range(len(c.judges)):
        name, tags = c.judge_name(i), []
        if i == c.president:
            tags.append("presidenta" if c.judges[i].female else "presidente")
        if i == c.director:
            tags.append("directora de debates" if c.judges[i].female else "director de debates")
        if i == c.ponente:
            tags.append("ponente")
        parts.append(f"{name} ({' y '.join(tags)})" if tags else name)
    return join(parts)


def lower_summary(w: Writer, d_list: list[Defendant]) -> str:
    """What the ruling under review decided: 'condenó a X como autor del delito ... a ...'."""
    d0 = d_list[0]
    names = w.names(d_list, upper=w.chance(0.4))
    if d0.lower == "absolucion":
        return (f"absolvió a {names} de la acusación fiscal por el {w.charges(long=False)}, en agravio de "
                f"{w.victims()}")
    text = f"condenó a {names} como {w.participation(d_list)} del {w.charges()}, en agravio de {w.victims()}"
    if d0.lower_penalty is not None and w.chance(0.8):
        text += f", a {w.penalty(d0.lower_penalty, upper=w.chance(0.5))}"
        if w.chance(0.6):
            payer = ("los sentenciados" if len(d_list) > 1 else
                     "la sentenciada" if d0.person.female else "el sentenciado")
            text += f", y fijó {w.reparacion(d0.lower_penalty, payer)}"
    return text


def vistos(w: Writer) -> list[str]:
    c = w.case
    v = c.variant
    ds, names_up = c.defendants, w.names(c.defendants, upper=True)
    if v in ("unipersonal", "colegiado"):
        court = (f"juicio llevado a cabo por {the_court(c.court_name)}, integrado por los jueces {_panel(w)}"
                 if v == "colegiado" else f"juicio a cargo {'de la jueza' if c.judges[0].female else 'del juez'} "
                 f"{c.judges[0].full}, de {the_court(c.court_name)}")
        dni = f", identificado con DNI N.° {w.rng.randint(40000000, 48999999)}," if w.chance(0.4) else ""
        return [f"{w.pick('VISTOS Y OÍDOS', 'VISTOS Y OIDOS', 'VISTOS')}: En audiencia pública, el juicio oral "
                f"seguido contra {names_up}{dni} a quien{'es' if len(ds) > 1 else ''} el Ministerio Público "
                f"acusa como {w.participation(ds)}"
                f" del {w.charges()}, en agravio de {w.victims()}; {court}; con la intervención "
                f"{_fiscal(w, 'juzgado')}; {_lawyers(w)}{_actor_civil(w)}."]
    if v == "sala":
        p = c.ponente
        others = [c.judge_name(i) for i in range(len(c.judges)) if i != p]
        return [f"VISTA: en audiencia pública la causa seguida contra {names_up}, por {w.charges()}, en "
                f"agravio de {w.victims()}; interviniendo como Juez Superior ponente el señor "
                f"{c.judge_name(p)}, con los señores Jueces Superiores {join(others)}; con la intervención "
                f"{_fiscal(w, 'superior')}; {_lawyers(w)}{_actor_civil(w)}."]
    if v == "sumario":  # old-code Juzgado Penal: the judge who instructed also sentences
        judge = c.judges[0]
        who = f"{'la señora Jueza' if judge.female else 'el señor Juez'} {judge.full}"
        return [f"{w.pick('VISTOS', 'VISTA')}: la instrucción seguida por la vía del proceso sumario contra "
                f"{names_up}, por {w.charges()}, en agravio de {w.victims()}; a cargo de {who}, de "
                f"{the_court(c.court_name)}; con la intervención {_fiscal(w, 'juzgado')}; "
                f"{_lawyers(w)}{_actor_civil(w)}; y puestos los autos en despacho para sentenciar."]
    if v == "vista":
        by = (f"{'los recursos' if len(ds) > 1 else 'el recurso'} de apelación interpuesto"
              f"{'s' if len(ds) > 1 else ''} por {w.the_roles(ds)} {w.names(ds)}"
              if c.recurrent == "defensa" else "el recurso de apelación interpuesto por el representante "
              "del Ministerio Público")
        k = w.rng.randint(5, max(6, c.resolution_no - 1))
        roles = ""
        if c.director is not None:
            fem = c.judges[c.director].female
            who = "directora de debates la Jueza" if fem else "director de debates el Juez"
            roles += f"; habiendo actuado como {who} Superior {c.judge_name(c.director)}"
        if c.ponente is not None:
            fem = c.judges[c.ponente].female
            roles += (f" e interviniendo como ponente {'la Jueza' if fem else 'el Juez'} Superior "
                      f"{c.judge_name(c.ponente)}")
        return [f"VISTOS Y OÍDOS: en audiencia pública de apelación, {by} contra la sentencia contenida en "
                f"la Resolución N.° {k}, de fecha {w.date(c.timeline.dates['sentencia_primera'])}, expedida "
                f"por {the_court(c.lower_court)}, que {lower_summary(w, ds)}; con la intervención "
                f"{_fiscal(w, 'superior')}, y {_lawyers(w)}{_actor_civil(w)}{roles}; con la concurrencia "
                f"de los jueces superiores {join([c.judge_name(i) for i in range(len(c.judges))])}; y,"]
    if v == "casacion":
        causal = w.pick("", ", por la causal de infracción de precepto material,",
                        ", por las causales de inobservancia de la garantía de motivación y de errónea "
                        "interpretación de la ley penal,")
        by = (f"la defensa de {w.the_roles(ds)} {names_up}"
              if c.recurrent == "defensa" else
              f"el señor FISCAL SUPERIOR de la Fiscalía Superior Penal de Apelaciones de {c.district.name.upper()}")
        first = c.timeline.dates["sentencia_primera"]
        if ds[0].lower == "condena":
            what = f"que confirmó la sentencia de primera instancia de {w.date(first)}, que {lower_summary(w, ds)}"
        else:
            what = (f"que revocó la sentencia de primera instancia de {w.date(first)}, que condenó a {names_up}, "
                    f"y {'la' if ds[0].person.female else 'lo'} absolvió de la acusación fiscal por el "
                    f"{w.charges()} en agravio de {w.victims()}")
        fojas = number_words(w.rng.randint(150, 1400))
        return [f"VISTOS; en audiencia pública: el recurso de casación{causal} interpuesto por {by} contra "
                f"la sentencia de vista de fojas {fojas}, de {w.date(c.timeline.dates['sentencia_vista'])}, "
                f"emitida por {the_court(c.appeal_court)}, {what}; con lo demás que al respecto contiene.",
                f"{w.pick('Intervino como', 'Ha sido')} ponente el señor juez supremo {c.judge_name(c.ponente)}."]
    if v == "rn":
        by = (f"{w.the_roles(ds)} {names_up}" if c.recurrent == "defensa"
              else "el señor Fiscal Superior")
        fiscal = (f", doctor{'a' if c.fiscal.female else ''} {c.fiscal.full}" if c.fiscal else "")
        opinion = "la señora Fiscal Suprema" if c.fiscal and c.fiscal.female else "el señor Fiscal Supremo"
        return [f"VISTOS: el recurso de nulidad interpuesto por {by} contra la sentencia de fojas "
                f"{number_words(w.rng.randint(150, 900))}, del {w.date(c.timeline.dates['sentencia_primera'])}, "
                f"expedida por {the_court(c.lower_court)}, que {lower_summary(w, ds)}; interviniendo como ponente el "
                f"señor Juez Supremo {c.judge_name(c.ponente)}; de conformidad con lo opinado por {opinion} "
                f"en lo Penal{fiscal}; y CONSIDERANDO:"]
    # autos of the Juzgado de Investigación Preparatoria
    mechanism = "acuerdo reparatorio" if c.early and c.early.value == "acuerdo_reparatorio" \
        else "principio de oportunidad"
    what = {"sobreseimiento": "el requerimiento de sobreseimiento formulado",
            "prision": "el requerimiento de prisión preventiva formulado",
            "terminacion": "el acuerdo de terminación anticipada celebrado",
            "oportunidad": f"el requerimiento de sobreseimiento por aplicación del {mechanism} formulado"}[v]
    who = f"la {c.fiscal_office}" if c.fiscal is None and c.office_is_fiscal else \
        "el Ministerio Público" if c.fiscal is None else \
        f"{'la Fiscal' if c.fiscal.female else 'el Fiscal'} Provincial {c.fiscal.full}, de la {c.fiscal_office}"
    hearing = c.timeline.dates.get("x_audiencia")
    heard = (f"; y OÍDOS los intervinientes en la audiencia {w.pick('pública', 'privada')} realizada el "
             f"{w.date(hearing)}" if hearing else "")
    return [f"AUTOS Y VISTOS: {what} por {who}, respecto de {w.the_roles(ds)} {names_up}, en la "
            f"investigación que se {'les' if len(ds) > 1 else 'le'} sigue por el {w.charges()}, en agravio "
            f"de {w.victims()}{heard}, con la presencia {_lawyers(w)}{_actor_civil(w)}; y,"]


def _step(w: Writer, step: str, d: date) -> str:
    """One sentence reciting a dated step (only the step asked for is composed)."""
    c = w.case
    old = c.code.value == "cdepp1940"
    ds = c.defendants
    t = w.date(d)
    by = "la defensa" if c.recurrent == "defensa" else "el Fiscal Superior"
    if step == "denuncia":
        s = (f"el señor Fiscal Provincial formalizó denuncia penal el {t}" if old else
             w.pick(f"El {t} se formuló denuncia ante la comisaría del sector, que derivó los actuados a la "
                    f"Fiscalía", f"Por denuncia de fecha {t} se dio inicio a las diligencias preliminares"))
    elif step == "apertura_instruccion":
        via = "sumaria" if c.variant == "sumario" else "ordinaria"
        s = w.pick(f"el Juzgado Penal, por auto de fecha {t}, abrió instrucción en la vía {via}",
                   f"se dictó auto de apertura de instrucción el {t}")
    elif step == "formalizacion":
        s = w.pick(f"Por disposición de fecha {t} se formalizó y continuó la investigación preparatoria "
                   f"contra {w.names(ds)}", f"La Fiscalía formalizó la investigación preparatoria el {t}")
        if c.level.value == "corte_suprema" and w.chance(0.6):  # the lower file's number, a look-alike
            s += f" (Expediente N.° {c.expediente})"
    elif step == "acusacion" and c.variant == "sumario":  # the provincial prosecutor accuses
        s = w.pick(f"concluida la instrucción, el Fiscal Provincial formuló acusación el {t}",
                   f"el representante del Ministerio Público emitió dictamen acusatorio el {t}")
    elif step == "acusacion":
        s = (f"el Fiscal Superior formuló acusación el {t}" if old else
             w.pick(f"El {t} el Ministerio Público presentó requerimiento acusatorio",
                    f"Concluida la investigación, por requerimiento de {t} formuló acusación"))
    elif step == "auto_enjuiciamiento":
        s = (f"la Sala dictó auto superior de enjuiciamiento el {t}" if old else
             f"el Juzgado de Investigación Preparatoria dictó auto de enjuiciamiento el {t}")
    elif step == "x_juicio":
        s = f"el juicio oral se instaló el {t}"
    elif step == "x_incoacion":
        s = f"el Ministerio Público requirió la incoación del proceso inmediato el {t}"
    elif step == "sentencia_primera":
        s = (f"{the_court(c.lower_court)} expidió sentencia el {t}" if c.lower_court
             else f"se expidió sentencia de primera instancia el {t}")
        if c.variant == "vista" and w.chance(0.5):  # the same number in its short local form
            s += f" en el Expediente N.° {short_number(c.expediente)}"
    elif step == "apelacion":
        s = (w.pick(f"la defensa interpuso recurso de apelación por escrito de {t}",
                    f"el recurso de apelación se interpuso el {t}") if c.recurrent == "defensa"
             else f"el Ministerio Público interpuso recurso de apelación el {t}")
    elif step == "sentencia_vista":
        s = f"{the_court(c.appeal_court)}, por sentencia de vista de {t}, resolvió la apelación"
    elif step == "casacion":
        s = (f"{by} interpuso recurso de casación el {t} e invocó la causal del inciso "
             f"{w.rng.randint(1, 5)} del artículo 429 del Código Procesal Penal")
    elif step == "recurso_nulidad":
        s = f"{by} interpuso recurso de nulidad el {t}"
    elif step == "x_requerimiento":
        s = {"sobreseimiento": f"mediante requerimiento de {t} el Fiscal solicitó el sobreseimiento de la causa",
             "prision": f"el requerimiento de prisión preventiva se presentó el {t}",
             "terminacion": f"mediante requerimiento presentado el {t} el Fiscal solicitó la audiencia de "
                            f"terminación anticipada",
             "oportunidad": f"mediante requerimiento de {t} el Fiscal solicitó el sobreseimiento de la causa, "
                            f"al haberse {'celebrado un acuerdo reparatorio' if c.early and c.early.value == 'acuerdo_reparatorio' else 'aplicado el principio de oportunidad'} "
                            f"y pagado la reparación convenida"}[c.variant]
    elif step == "x_audiencia":
        s = {"vista": f"la audiencia de apelación se llevó a cabo el {t}",
             "casacion": f"se realizó la audiencia de casación el {t}"}.get(c.variant,
                                                                          f"la audiencia se realizó el {t}")
    else:  # pragma: no cover - every plan step is handled above
        raise ValueError(step)
    return s[0].upper() + s[1:] + "."


def history(w: Writer) -> list[str]:
    """Paragraphs that recite the dated milestones before this decision."""
    tl = w.case.timeline
    steps = [(k, d) for k, d in tl.dates.items() if k != "resolution" and tl.has(k)]
    if w.case.variant == "vista" or w.case.variant in ("casacion", "rn"):
        steps = [(k, d) for k, d in steps if k != "x_audiencia"] + \
                [(k, d) for k, d in steps if k == "x_audiencia"]
    sentences = [_step(w, k, d) for k, d in steps]
    paras, size = [], w.rng.choice((2, 3, 4))
    for i in range(0, len(sentences), size):
        paras.append(" ".join(sentences[i:i + size]))
    return paras
