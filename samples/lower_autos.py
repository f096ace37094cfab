"""Text of the lower courts' autos: auto de vista, acta of control de legalidad de la detención,
auto de enjuiciamiento.

Shapes follow the published autos of the Salas de Apelaciones and Juzgados de Investigación
Preparatoria (issue 12; ../shared/corpus/wild2 w12, w13, w16, w19, w22, w30): a header table,
"AUTOS Y VISTOS; y OÍDOS", the appealed resolution and its judge (recited, not a party), a
decision per appellant (confirmar / revocar / improcedente por extemporáneo); the acta's clock
times, accreditation list and oral Resolución N.° 01; the auto de enjuiciamiento's admitted
evidence. Rules cited: NCPP arts. 259, 264, 268, 283, 344-353, 414, 468-471; Constitución art. 2.24.f.
"""

from __future__ import annotations

from samples import facts, header, reasoning, vocab
from samples.model import Defendant
from samples.writer import Writer, join, the_court
from schemas import OutcomeKind as O

Block = tuple[str, str]
LOWER_DECIDED = {  # what the appealed auto of the Juzgado de IP decided
    "prision": "declaró FUNDADO el requerimiento de prisión preventiva",
    "cese": "declaró IMPROCEDENTE la solicitud de cese de la prisión preventiva",
    "sobreseimiento": "declaró FUNDADO el requerimiento de sobreseimiento",
    "terminacion": "DESAPROBÓ el acuerdo de terminación anticipada",
}
LAW = {
    "prision": "Conforme al artículo 268 del Código Procesal Penal, la prisión preventiva exige fundados y graves "
               "elementos de convicción, una prognosis de pena superior a cinco años y un peligro procesal concreto.",
    "cese": "El artículo 283 del Código Procesal Penal permite revocar la prisión preventiva solo cuando nuevos "
            "elementos de convicción demuestren que no concurren los motivos que determinaron su imposición.",
    "sobreseimiento": "El sobreseimiento procede en los supuestos del artículo 344, apartado 2, del Código Procesal "
                      "Penal; si el juez no está de acuerdo con el requerimiento, lo eleva al Fiscal Superior "
                      "(artículo 346).",
    "terminacion": "El juez controla la legalidad del acuerdo de terminación anticipada y la razonabilidad de la pena "
                   "(artículo 468, apartado 5, del Código Procesal Penal); aprobado, la pena se reduce en una sexta "
                   "parte (artículo 471).",
}


def _clock(w: Writer) -> str:
    return f"{w.rng.randint(8, 17):02d}:{w.rng.choice((0, 10, 15, 20, 30, 40, 45, 50)):02d}"


def _fiscal(w: Writer, title: str) -> str:
    c = w.case
    if c.fiscal is None:
        return f"de la {c.fiscal_office}"
    fem = c.fiscal.female
    return f"{'de la' if fem else 'del'} {title}{'a' if fem and title.endswith('Adjunto') else ''} {c.fiscal.full}, " \
           f"de la {c.fiscal_office}"


def _lawyers(w: Writer, ds: list[Defendant]) -> str:
    parts = []
    for d in ds:
        law = d.lawyer
        noun = ("la defensora pública" if law.female else "el defensor público") if d.public_defender else \
            ("la abogada" if law.female else "el abogado")
        parts.append(f"{noun} {law.full} (por {d.person.surnames})")
    return join(parts)


def _header(w: Writer, materia: str, defendant_label: str) -> list[Block]:
    c = w.case
    rows = [(w.pick(*vocab.EXPEDIENTE_LABELS), [c.number_raw])]
    if len(c.judges) > 1:
        rows.append((w.pick(*vocab.PANEL_LABELS), [" / ".join(j.surnames for j in c.judges)]))
        if c.ponente is not None:
            rows.append(("PONENTE", [c.judge_name(c.ponente)]))
    else:
        rows.append(("JUEZA" if c.judges[0].female else "JUEZ", [c.judges[0].full]))
    rows.append((w.pick("ESPECIALISTA", "ESPECIALISTA DE AUDIENCIA", "Especialista"), [c.especialista.full]))
    forms = [d.person.header_form for d in c.defendants]
    rows.append((defendant_label, [forms[0] + (" y otros" if len(forms) > 2 else " y otro")] if len(forms) > 1
                 and w.chance(0.4) else forms))
    rows.append((w.pick(*vocab.CRIME_LABELS[:1] + ("DELITOS",)) if len(c.charges) > 1 else "DELITO",
                 [join([ch.label for ch in c.charges])[0].upper() + join([ch.label for ch in c.charges])[1:]]))
    rows.append((w.pick(*vocab.VICTIM_LABELS[:1]), [w.victim_labels()]))
    rows.append(("MATERIA", [materia]))
    return header._court_lines(w) + header._layout(w, rows, w.pick("table", "table", "compact"))


def _decision_head(w: Writer) -> list[Block]:
    return [("blank", ""), ("head", w.pick("DECISIÓN", "III. DECISIÓN", "PARTE RESOLUTIVA"))]


# -- auto de vista ------------------------------------------------------------------------------

def _vista_vistos(w: Writer) -> str:
    c = w.case
    ds = c.defendants
    k = w.rng.randint(2, 9)
    c.resolution_no = max(c.resolution_no, k + 1)
    w.appealed_no = k  # the appealed resolution, named again in the decision
    if c.recurrent == "defensa":
        by = (f"{'los recursos' if len(ds) > 1 else 'el recurso'} de apelación "
              f"{'interpuestos por las defensas' if len(ds) > 1 else 'interpuesto por la defensa'} de "
              f"{w.the_roles(ds)} {w.names(ds)}")
    else:
        by = (f"el recurso de apelación interpuesto por la {c.procuraduria}, actor civil" if c.actor_civil
              else f"el recurso de apelación interpuesto por la parte agraviada")
    judge = c.lower_judge
    hearing = w.date(c.timeline.dates["x_audiencia"])
    ponente = (f" Ponente: {'jueza' if c.judges[c.ponente].female else 'juez'} superior {c.judge_name(c.ponente)}."
               if c.ponente is not None else "")
    return (f"AUTOS Y VISTOS; y OÍDOS: en audiencia {w.pick('pública', 'virtual')} de apelación del {hearing}, {by} "
            f"contra la Resolución N.° {k}, de {w.date(c.timeline.dates['x_auto'])}, expedida por "
            f"{the_court(c.lower_court)}, a cargo {'de la jueza' if judge.female else 'del juez'} {judge.full}, que "
            f"{LOWER_DECIDED[c.subject]}, en la investigación que se {'les' if len(ds) > 1 else 'le'} sigue por el "
            f"{w.charges()}, en agravio de {w.victims()}; con la intervención {_fiscal(w, 'Fiscal Superior')}, y de "
            f"{_lawyers(w, ds)}{'; y de la ' + c.procuraduria + ', constituida en actor civil' if c.actor_civil else ''}."
            f"{ponente}")


def _vista_history(w: Writer) -> str:
    c, tl = w.case, w.case.timeline
    parts = []
    if tl.has("denuncia"):
        parts.append(f"la denuncia se presentó el {w.date(tl.dates['denuncia'])}")
    if tl.has("formalizacion"):
        parts.append(f"la investigación preparatoria se formalizó el {w.date(tl.dates['formalizacion'])}")
    if tl.has("apelacion"):
        who = "la defensa" if c.recurrent == "defensa" else "la parte recurrente"
        parts.append(f"{who} interpuso recurso de apelación el {w.date(tl.dates['apelacion'])}")
    late = [d for d in c.decided if d.outcome == O.IMPROCEDENTE]
    if late:
        parts.append(f"la defensa de {w.names(late)} apeló fuera del plazo de tres días del literal c) del inciso 1 "
                     f"del artículo 414 del Código Procesal Penal")
    if not parts:
        return ""
    text = "; ".join(parts) + "."
    return text[0].upper() + text[1:]


def _vista_analysis(w: Writer, d: Defendant) -> str:
    c = w.case
    ref = f"{w.the_role(d)} {d.person.full}"
    if d.outcome == O.IMPROCEDENTE:
        return f"Respecto de {ref}, el recurso fue mal concedido por extemporáneo y debe declararse improcedente."
    keep = d.outcome == O.CONFIRMA
    return {
        "prision": (f"Respecto de {ref}, subsisten los graves elementos de convicción y el peligro de fuga que valoró "
                    f"el juez; la medida es proporcional." if keep else
                    f"Respecto de {ref}, acreditó arraigo domiciliario, laboral y familiar; el peligro procesal no es "
                    f"concreto y basta la comparecencia con restricciones."),
        "cese": (f"Respecto de {ref}, los datos que ofrece no son nuevos elementos de convicción en el sentido del "
                 f"artículo 283." if keep else
                 f"Respecto de {ref}, la pericia incorporada desvirtúa el elemento que sustentó la medida, por lo que "
                 f"corresponde su cese."),
        "sobreseimiento": (f"Respecto de {ref}, no existe posibilidad razonable de incorporar nuevos datos y los "
                           f"elementos reunidos no bastan para acusar." if keep else
                           f"Respecto de {ref}, los elementos de convicción reunidos permiten sostener una "
                           f"acusación, por lo que el sobreseimiento no se ajusta a la ley."),
        "terminacion": (f"Respecto de {ref}, la pena acordada no respeta el marco legal, por lo que el acuerdo no "
                        f"puede aprobarse." if keep else
                        f"Respecto de {ref}, el acuerdo respeta la legalidad y la pena es razonable; la desaprobación "
                        f"carece de sustento y el acuerdo debe aprobarse."),
    }[c.subject]


def _vista_items(w: Writer) -> list[str]:
    c = w.case
    k = f"la Resolución N.° {w.appealed_no}"
    items, done = [], set()
    late = [d for d in c.decided if d.outcome == O.IMPROCEDENTE]
    if late:
        items.append(f"Declarar IMPROCEDENTE, por extemporáneo, el recurso de apelación interpuesto por la defensa de "
                     f"{w.names(late, upper=True)}.")
    keep = [d for d in c.decided if d.outcome == O.CONFIRMA]
    if keep:
        who = (f"las defensas de {w.names(keep, upper=True)}" if len(keep) > 1 else
               f"la defensa de {w.names(keep, upper=True)}") if c.recurrent == "defensa" else "la parte recurrente"
        items.append(f"Declarar INFUNDADO{'S los recursos' if len(keep) > 1 else ' el recurso'} de apelación "
                     f"{'interpuestos' if len(keep) > 1 else 'interpuesto'} por {who}; en consecuencia, CONFIRMAR "
                     f"{k}, que {LOWER_DECIDED[c.subject]} respecto de {w.names(keep, upper=True)}.")
    for d in c.decided:
        if d.outcome != O.REVOCA:
            continue
        name = d.person.upper()
        reform = {"prision": f"declararlo INFUNDADO respecto de {name} e imponerle comparecencia con restricciones",
                  "cese": f"declarar FUNDADA la solicitud de cese de la prisión preventiva de {name}",
                  "sobreseimiento": f"ORDENAR que el Fiscal Provincial formule acusación contra {name}, conforme al "
                                    f"artículo 346, apartado 1, del Código Procesal Penal",
                  "terminacion": f"APROBAR el acuerdo de terminación anticipada; en consecuencia, CONDENAR a {name} "
                                 f"como {w.participation([d])} del {w.charges(long=False)}, en agravio de "
                                 f"{w.victims()}, a {w.penalty(d.penalty) if d.penalty else ''}"}[c.subject]
        text = f"Declarar FUNDADO el recurso de apelación; REVOCAR {k} en el extremo referido a {name} y, " \
               f"REFORMÁNDOLA, {reform}."
        if d.penalty is not None and d.penalty.reparacion and not (d.penalty.solidary and "s" in done):
            done.add("s")
            text += f" FIJAR {w.reparacion(d.penalty, f'{w.the_role(d)} {d.person.surnames}')}."
        items.append(text)
    return items + ["Notifíquese y devuélvase."]


def auto_vista(w: Writer, length: str) -> list[Block]:
    c = w.case
    blocks = header.furniture(w) if c.furniture else []
    blocks += _header(w, f"Apelación de auto - {vocab.APPEAL_SUBJECTS[c.subject]}",
                      "INVESTIGADOS" if len(c.defendants) > 1 else "INVESTIGADO")
    year = c.timeline.resolution.year
    blocks += [("blank", ""), ("title", w.pick("AUTO DE VISTA", f"AUTO DE VISTA N.° {w.rng.randint(1, 300)}-{year}",
                                               "AUTO DE APELACIÓN"))]
    vistos = _vista_vistos(w)
    blocks += [("line", f"Resolución N.° {c.resolution_no}")] + header.date_line(w) + [("blank", ""), ("para", vistos)]
    paras = facts.facts(w) + [p for p in (_vista_history(w),) if p] + [LAW[c.subject]]
    paras += (reasoning.citations(w) if length == "full" else []) + [_vista_analysis(w, d) for d in c.decided]
    blocks.append(("head", "CONSIDERANDO:"))
    blocks += [("para", f"{w.heading(i)} {p}") for i, p in enumerate(paras)]
    blocks += _decision_head(w) + [("para", f"Por estos fundamentos, los integrantes de la {c.court_name} "
                                            f"{w.pick('RESUELVEN', 'RESOLVIERON')}:")]
    blocks += [("para", f"{w.roman(i)}. {item}") for i, item in enumerate(_vista_items(w))]
    names = [c.judges[i].surnames.upper() for i in range(len(c.judges))]
    if w.chance(0.5):
        return blocks + [("blank", ""), ("line", "       ".join(names))]
    return blocks + [("blank", ""), ("line", "S.S.")] + [("line", n) for n in names]


# -- acta de control de legalidad de la detención -------------------------------------------

def control_detencion(w: Writer, length: str) -> list[Block]:
    c = w.case
    judge, d0 = c.judges[0], c.defendants[0]
    blocks: list[Block] = [("center", "PODER JUDICIAL DEL PERÚ")] + header._court_lines(w)[-2:]
    blocks += [("blank", ""), ("title", "ACTA DE REGISTRO DE AUDIENCIA PÚBLICA DE CONTROL DE LEGALIDAD DE LA "
                                        "DETENCIÓN"), ("blank", "")]
    rows = [(w.pick("EXPEDIENTE N.°", "EXPEDIENTE"), [c.number_raw]), ("JUEZA" if judge.female else "JUEZ", [judge.full]),
            ("ESPECIALISTA DE AUDIENCIA", [c.especialista.full]),
            ("DETENIDOS" if len(c.defendants) > 1 else ("DETENIDA" if d0.person.female else "DETENIDO"),
             [d.person.full for d in c.defendants]),
            ("DELITO", [c.charges[0].label[0].upper() + c.charges[0].label[1:]]),
            ("AGRAVIADO", [w.victim_labels()])]
    blocks += header._layout(w, rows, "table")
    start, end = _clock(w), _clock(w)
    start, end = min(start, end), max(start, end)
    sr = "la señora Jueza" if judge.female else "el señor Juez"
    blocks += [("head", "I. INICIO"),
               ("para", f"En la ciudad de {c.city}, siendo las {start} horas del día {w.date(c.timeline.resolution)}, "
                        f"se constituye {sr} del {c.court_name}, a fin de realizar la audiencia de control de "
                        f"legalidad de la detención solicitada por el Ministerio Público. La audiencia se registra en "
                        f"audio y video."), ("head", "II. ACREDITACIÓN")]
    fiscal = (f"- Ministerio Público: {'Fiscal Adjunta' if c.fiscal.female else 'Fiscal Adjunto'} Provincial "
              f"{c.fiscal.full}, de la {c.fiscal_office}." if c.fiscal else
              f"- Ministerio Público: la {c.fiscal_office}, por su fiscal de turno.")
    blocks.append(("para", fiscal))
    for d in c.defendants:
        law = d.lawyer
        noun = ("defensora pública" if law.female else "defensor público") if d.public_defender else \
            ("abogada" if law.female else "abogado")
        blocks.append(("para", f"- Defensa técnica: {noun} {law.full}."))
        blocks.append(("para", f"- {'Detenida' if d.person.female else 'Detenido'}: {d.person.full}, con DNI N.° "
                               f"{w.rng.randint(40000000, 76999999)}, presente en sala."))
    blocks += [("head", "III. DESARROLLO")]
    blocks += [("para", f"3.1. Exposición del Ministerio Público. {p}") for p in facts.facts(w)[:1]]
    blocks.append(("para", f"3.2. Exposición de la defensa. Sostiene que la detención es irregular, pues las actas no "
                           f"consignan la hora de la lectura de derechos, y pide la inmediata libertad de su "
                           f"{'patrocinada' if d0.person.female else 'patrocinado'}."))
    names = w.names(c.defendants, upper=True)
    legal = c.decided[0].outcome == O.DETENCION_LEGAL
    blocks += [("head", "IV. DECISIÓN"), ("line", "RESOLUCIÓN N.° 01")] + header.date_line(w)
    blocks.append(("para", "AUTOS Y OÍDOS; Y ATENDIENDO:"))
    blocks.append(("para", "Primero. El literal f) del inciso 24 del artículo 2 de la Constitución y el artículo 259 "
                           "del Código Procesal Penal autorizan la detención policial sin mandato judicial en caso de "
                           "flagrancia, que supone inmediatez temporal y personal."))
    blocks.append(("para", "Segundo. " + (
        "La persecución fue continua y la intervención inmediata; se informaron los derechos al detenido y se lo puso "
        "a disposición dentro del plazo del artículo 264 del Código Procesal Penal; las observaciones de la defensa "
        "son errores materiales que no afectan derechos fundamentales." if legal else
        "Entre el hecho y la intervención transcurrió un lapso que rompe la inmediatez; no hay flagrancia y la "
        "privación de libertad carece de sustento legal.")))
    hechos = w.date(c.timeline.hechos[0])
    item = (f"1. DECLARAR LEGAL la detención policial en flagrancia de {names}, efectuada el {hechos}, por la presunta "
            f"comisión del {w.charges()}, en agravio de {w.victims()}." if legal else
            f"1. DECLARAR ILEGAL la detención de {names}, efectuada el {hechos}; en consecuencia, DISPONER su "
            f"inmediata libertad, sin perjuicio de que prosiga la investigación.")
    blocks += [("para", "Por estos fundamentos, SE RESUELVE:"), ("para", item),
               ("para", f"Las partes quedan notificadas en este acto. Siendo las {end} horas, se da por concluida la "
                        f"audiencia y se procede a firmar la presente acta."),
               ("blank", ""), ("sign", judge.full.upper()), ("sign", "Jueza" if judge.female else "Juez"),
               ("sign", c.especialista.full.upper()), ("sign", "Especialista de Audiencia")]
    return blocks


# -- auto de enjuiciamiento ---------------------------------------------------------------------

def enjuiciamiento(w: Writer, length: str) -> list[Block]:
    c = w.case
    ds = c.defendants
    blocks = _header(w, "Control de acusación", "ACUSADOS" if len(ds) > 1 else "ACUSADO")
    blocks += [("blank", ""), ("title", "AUTO DE ENJUICIAMIENTO"), ("line", f"Resolución N.° {c.resolution_no}")]
    blocks += header.date_line(w) + [("blank", "")]
    civil = "".join(f"; y de la {c.procuraduria}, constituida en actor civil" for _ in range(c.actor_civil))
    civil += "".join(f"; y de {x}, incorporada como tercero civilmente responsable" for x in c.companies)
    f = c.fiscal
    who = f"la {c.fiscal_office}" if f is None else \
        f"{'la Fiscal' if f.female else 'el Fiscal'} Provincial {f.full}, de la {c.fiscal_office}"
    blocks.append(("para", f"AUTOS Y VISTOS: concluida la audiencia de control de la acusación formulada por {who} "
                           f"contra {w.names(ds, upper=True)}, por el {w.charges()}, en agravio de {w.victims()}; "
                           f"con la intervención de {_lawyers(w, ds)}{civil}; y CONSIDERANDO:"))
    tl = c.timeline
    steps = []
    if tl.has("denuncia"):
        steps.append(f"la denuncia se presentó el {w.date(tl.dates['denuncia'])}")
    if tl.has("formalizacion"):
        steps.append(f"la investigación preparatoria se formalizó el {w.date(tl.dates['formalizacion'])}")
    steps.append(f"el requerimiento acusatorio se presentó el {w.date(tl.dates['acusacion'])}")
    asked = ds[0].lower_penalty
    history = "; ".join(steps) + "."
    paras = facts.facts(w) + [history[0].upper() + history[1:],
                              f"La Fiscalía solicita que se imponga a cada acusado {w.penalty(asked, upper=False)}; y "
                              f"el pago de {w.money(asked.reparacion)} por concepto de reparación civil.",
                              "Las observaciones formales y sustanciales de la defensa fueron absueltas en audiencia; la "
                              "acusación describe los hechos, la intervención de cada acusado y su calificación "
                              "jurídica (artículos 349 y 350 del Código Procesal Penal)."]
    witnesses = [f"la declaración testimonial de {p.full}" for p in c.witnesses]
    paras.append(f"Medios de prueba admitidos (artículo 352, apartado 5): {join(witnesses)}; y las documentales "
                 f"ofrecidas por las partes, por ser pertinentes, conducentes y útiles.")
    paras += reasoning.citations(w) if length == "full" else []
    blocks += [("para", f"{w.heading(i)} {p}") for i, p in enumerate(paras)]
    blocks += _decision_head(w) + [("para", f"Por estos fundamentos, el {c.court_name} RESUELVE:")]
    items = [f"DICTAR AUTO DE ENJUICIAMIENTO contra {w.names(ds, upper=True)}, como {w.participation(ds)} del "
             f"{w.charges()}, en agravio de {w.victims()}.",
             "ADMITIR los medios de prueba señalados en el considerando respectivo.",
             f"REMITIR los actuados al {c.lower_court}, para el juzgamiento. Notifíquese."]
    blocks += [("para", f"{i + 1}. {item}") for i, item in enumerate(items)]
    judge = c.judges[0]
    return blocks + [("blank", ""), ("sign", judge.full.upper()),
                     ("sign", f"{'Jueza' if judge.female else 'Juez'} del {c.court_name}")]


COMPOSERS = {"auto_vista": auto_vista, "control_detencion": control_detencion, "enjuiciamiento": enjuiciamiento}
