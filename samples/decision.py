"""The operative part of a generated ruling and its signatures.

Phrases per court follow the wild corpus: first instance "FALLA: CONDENANDO / ABSOLVIENDO",
appeal "RESUELVE: CONFIRMAR / REVOCAR ... REFORMÁNDOLA / declarar NULA", casación
"Declararon FUNDADO ... CASARON / NO CASARON", recurso de nulidad "declararon (NO) HABER
NULIDAD", autos "SOBRESEER", "FUNDADO el requerimiento de prisión preventiva", "APROBAR el
acuerdo de terminación anticipada".
"""

from __future__ import annotations

from samples.model import Defendant
from samples.spanish import number_words
from samples.writer import Writer, the_court
from schemas import OutcomeKind as O


def _him(d: Defendant) -> str:
    return "la" if d.person.female else "lo"


def _reparacion(w: Writer, d: Defendant, verb: str, done: set) -> str:
    s = d.penalty
    if s is None or not s.reparacion or (s.solidary and "solidary" in done):
        return ""
    if s.solidary:
        done.add("solidary")
    return f" {verb} {w.reparacion(s, f'{w.the_role(d)} {d.person.surnames}')}."


def _first_instance(w: Writer) -> list[str]:
    c, items, done = w.case, [], set()
    old = c.code.value == "cdepp1940"
    impone, fija = ("IMPUSIERON", "FIJARON") if old and w.chance(0.6) else ("IMPONE", "FIJA")
    for d in c.defendants:
        name = d.person.upper()
        if d.outcome in (O.CONDENA, O.CONCLUSION_ANTICIPADA):
            pre = (f"APROBANDO la conclusión anticipada del juicio respecto de {name}; en consecuencia, "
                   if d.conformed else "")
            items.append(f"{pre}CONDENANDO a {name} como {w.participation([d])} del {w.charges()}, en agravio de "
                         f"{w.victims()}; y, como tal, le {impone} {w.penalty(d.penalty)}."
                         + _reparacion(w, d, fija, done))
        elif d.outcome == O.RESERVA_FALLO:
            s = d.penalty
            items.append(f"RESERVANDO EL FALLO CONDENATORIO respecto de {name}, por el {w.charges(long=False)}, en "
                         f"agravio de {w.victims()}, por el período de prueba de "
                         f"{w.years(s.probation)}, bajo reglas de conducta." + _reparacion(w, d, fija, done))
        else:
            items.append(f"ABSOLVIENDO a {name} de la acusación fiscal formulada en su contra por el "
                         f"{w.charges(long=False)}, en agravio de {w.victims()}; DISPONE la anulación de sus "
                         f"antecedentes generados por este proceso.")
    items.append("MANDA que, consentida o ejecutoriada que sea la presente, se inscriba en el registro "
                 "respectivo. Notifíquese.")
    return items


def _appeal(w: Writer) -> list[str]:
    c, items, done = w.case, [], set()
    first = w.date(c.timeline.dates["sentencia_primera"])
    for d in c.defendants:
        name, ref = d.person.upper(), f"{w.the_role(d)} {d.person.full}"
        if d.outcome == O.CONFIRMA and d.lower == "condena":
            items.append(f"DECLARAR INFUNDADO el recurso de apelación interpuesto por {ref}; en consecuencia, "
                         f"CONFIRMAR la sentencia de fecha {first}, que CONDENA a {name} como "
                         f"{w.participation([d])} del {w.charges(long=False)}, en agravio de {w.victims()}, y le "
                         f"impone {w.penalty(d.penalty)}." + _reparacion(w, d, "Asimismo, fija", done)
                         + " Con lo demás que contiene.")
        elif d.outcome == O.CONFIRMA:
            items.append(f"DECLARAR INFUNDADO el recurso de apelación interpuesto por el Ministerio Público; en "
                         f"consecuencia, CONFIRMAR la sentencia que ABSOLVIÓ a {name} de la acusación fiscal "
                         f"por el {w.charges(long=False)}.")
        elif d.outcome == O.REVOCA and d.detail == "absuelve":
            items.append(f"DECLARAR FUNDADO el recurso de apelación interpuesto por {ref}; en consecuencia, "
                         f"REVOCAR la sentencia de fecha {first} que {_him(d)} condenó y, REFORMÁNDOLA, ABSOLVER "
                         f"a {name} de la acusación fiscal formulada en su contra por el "
                         f"{w.charges(long=False)}, en agravio de {w.victims()}.")
        elif d.outcome == O.REVOCA and d.detail == "reduce":
            items.append(f"DECLARAR FUNDADO EN PARTE el recurso de apelación interpuesto por {ref}; REVOCAR la "
                         f"sentencia en el extremo de la pena impuesta a {name} y, REFORMÁNDOLA, IMPONERLE "
                         f"{w.penalty(d.penalty)}." + _reparacion(w, d, "Se mantiene fijada", done)
                         + " CONFIRMARLA en lo demás que contiene.")
        elif d.outcome == O.REVOCA:
            items.append(f"DECLARAR FUNDADO el recurso de apelación interpuesto por el Ministerio Público; "
                         f"REVOCAR la sentencia que absolvió a {name} y, REFORMÁNDOLA, CONDENAR a {name} como "
                         f"{w.participation([d])} del {w.charges()}, en agravio de {w.victims()}, a "
                         f"{w.penalty(d.penalty)}." + _reparacion(w, d, "FIJAR", done))
        else:
            items.append(f"Declarar NULA la sentencia de fecha {first} en el extremo referido a {name}, y "
                         f"ORDENAR que otro órgano jurisdiccional realice un nuevo juicio oral.")
    items.append("Notifíquese y devuélvase.")
    return items


def _casacion(w: Writer) -> list[str]:
    c = w.case
    d = c.decided[0]
    who = (f"la defensa de {w.names(c.defendants, upper=True)}" if c.recurrent == "defensa"
           else "el Fiscal Superior")
    vista = w.date(c.timeline.dates["sentencia_vista"])
    k = d.outcome
    if k == O.CASACION_FUNDADA:
        text = (f"Declararon FUNDADO el recurso de casación interpuesto por {who}; en consecuencia, CASARON "
                f"la sentencia de vista de {vista}")
        if d.detail == "reenvio":
            text += (" y la declararon NULA; ORDENARON que otra Sala Penal de Apelaciones realice un nuevo "
                     "juicio de apelación.")
        else:
            text += (f"; y, actuando en sede de instancia, REVOCARON la sentencia de primera instancia y "
                     f"ABSOLVIERON a {w.names(c.defendants, upper=True)} de la acusación fiscal por el "
                     f"{w.charges(long=False)}.")
    elif k == O.CASACION_INFUNDADA:
        text = (f"Declararon INFUNDADO el recurso de casación interpuesto por {who}; en consecuencia, NO "
                f"CASARON la sentencia de vista de {vista}.")
    else:
        word = "IMPROCEDENTE" if k == O.CASACION_IMPROCEDENTE else "INADMISIBLE"
        text = (f"Declararon {word} el recurso de casación interpuesto por {who} contra la sentencia de vista "
                f"de {vista}.")
    return [text, "ORDENARON que la presente sentencia se lea en audiencia pública y se publique en la página "
                  "web del Poder Judicial. Hágase saber y devuélvase."]


def _nulidad(w: Writer) -> list[str]:
    c, items, done = w.case, [], set()
    first = w.date(c.timeline.dates["sentencia_primera"])
    for d in c.defendants:
        name = d.person.upper()
        if d.lower == "absolucion":
            if d.outcome == O.NO_HABER_NULIDAD:
                items.append(f"declararon NO HABER NULIDAD en la sentencia de {first}, que absolvió a {name} de "
                             f"la acusación fiscal por el {w.charges(long=False)}.")
            else:
                items.append(f"declararon HABER NULIDAD en la sentencia de {first}, que absolvió a {name}; y "
                             f"ORDENARON que se realice un nuevo juicio oral por otro Colegiado.")
        elif d.outcome == O.NO_HABER_NULIDAD:
            items.append(f"declararon NO HABER NULIDAD en la sentencia de {first}, que condenó a {name} como "
                         f"{w.participation([d])} del {w.charges(long=False)}, en agravio de {w.victims()}, a "
                         f"{w.penalty(d.penalty)}." + _reparacion(w, d, "Y fijó", done)
                         + " Con lo demás que contiene.")
        elif d.detail == "absuelve":
            items.append(f"declararon HABER NULIDAD en la sentencia de {first}, que condenó a {name} por el "
                         f"{w.charges(long=False)}; y, REFORMÁNDOLA, {_him(d)} ABSOLVIERON de la acusación "
                         f"fiscal formulada en su contra.")
        else:
            items.append(f"declararon HABER NULIDAD en la sentencia en el extremo que impuso a {name} "
                         f"{w.penalty(d.lower_penalty, upper=False)}; y, REFORMÁNDOLA, le IMPUSIERON "
                         f"{w.penalty(d.penalty)}; NO HABER NULIDAD en lo demás que contiene."
                         + _reparacion(w, d, "Se mantiene fijada", done))
    items.append("Y los devolvieron.")
    return items


def _auto(w: Writer) -> list[str]:
    c, items, done = w.case, [], set()
    names = w.names(c.decided, upper=True)
    if c.variant == "sobreseimiento":
        return [f"DECLARAR FUNDADO el requerimiento de sobreseimiento formulado por el Ministerio Público; en "
                f"consecuencia, SOBRESEER el proceso seguido contra {names} por el {w.charges(long=False)}, en "
                f"agravio de {w.victims()}.",
                "DISPONER el archivo definitivo de la causa y la anulación de los antecedentes generados. "
                "Regístrese y notifíquese."]
    if c.variant == "oportunidad":
        mechanism = ("del acuerdo reparatorio celebrado" if c.early and c.early.value == "acuerdo_reparatorio"
                     else "del principio de oportunidad")
        amount = w.money(float(c.defendants[0].detail))
        return [f"DECLARAR FUNDADO el requerimiento formulado por el Ministerio Público; en consecuencia, "
                f"{w.pick('DICTAR AUTO DE SOBRESEIMIENTO', 'SOBRESEER el proceso')} a favor de {names}, por "
                f"aplicación {mechanism}, en la investigación seguida por el {w.charges(long=False)}, en agravio de "
                f"{w.victims()}, al haberse acreditado el pago de {amount} por concepto de reparación.",
                "DISPONER el archivo definitivo de lo actuado y la anulación de los antecedentes generados. "
                "Regístrese y notifíquese."]
    if c.variant == "prision":
        for d in c.defendants:
            name = d.person.upper()
            if d.outcome == O.PRISION_PREVENTIVA_FUNDADA:
                months = int(d.detail)
                items.append(f"DECLARAR FUNDADO el requerimiento de prisión preventiva formulado por el Ministerio "
                             f"Público contra {name}, por el plazo de {number_words(months).upper()} ({months}) "
                             f"MESES, que se computará desde la fecha de su detención.")
            else:
                items.append(f"DECLARAR INFUNDADO el requerimiento de prisión preventiva respecto de {name}; en "
                             f"consecuencia, DICTAR mandato de comparecencia con restricciones.")
        return items + ["Regístrese y notifíquese."]
    items.append(f"APROBAR el acuerdo de terminación anticipada celebrado entre el Ministerio Público y "
                 f"{w.the_roles(c.decided)} {names}.")
    for d in c.decided:
        items.append(f"CONDENAR a {d.person.upper()} como {w.participation([d])} del {w.charges()}, en agravio "
                     f"de {w.victims()}, a {w.penalty(d.penalty)}." + _reparacion(w, d, "FIJAR", done))
    for d in c.defendants:
        if d.outcome is None:
            items.append(f"DISPONER la continuación de la investigación respecto de {d.person.upper()}.")
    return items + ["Regístrese y notifíquese."]


def operative(w: Writer) -> tuple[str, list[str]]:
    """(introductory sentence, numbered items) of this ruling's decision."""
    c = w.case
    v = c.variant
    if v in ("unipersonal", "colegiado", "sala", "sumario"):
        verb = "FALLARON" if v == "sala" and w.chance(0.5) else w.pick("FALLA", "FALLA", "RESUELVE")
        unanimity = "por unanimidad, " if len(c.judges) > 1 else ""
        return (f"Por estos fundamentos, {the_court(c.court_name)}, {unanimity}administrando justicia a nombre de la "
                f"Nación, {verb}:", _first_instance(w))
    if v == "vista":
        return (f"Por los fundamentos expuestos, {the_court(c.court_name)}, por unanimidad, "
                f"{w.pick('RESUELVE', 'RESUELVEN', 'RESOLVIERON')}:", _appeal(w))
    if v == "casacion":
        return (f"Por estos fundamentos, los señores jueces supremos de la {c.court_name}:", _casacion(w))
    if v == "rn":
        return ("Por estos fundamentos:", _nulidad(w))
    return (f"Por estas consideraciones, {the_court(c.court_name)} RESUELVE:", _auto(w))


def signatures(w: Writer) -> list[tuple[str, str]]:
    c = w.case
    if len(c.judges) == 1:
        judge = c.judges[0]
        role = "Jueza" if judge.female else "Juez"
        return [("blank", ""), ("sign", judge.full.upper()), ("sign", f"{role} de {the_court(c.court_name)}")]
    spaced = c.look is not None and c.look.spaced_ss  # "S. S." (formats.py)
    blocks = [("blank", ""), ("line", "S. S." if spaced else "S.S.")]
    blocks += [("line", c.judges[i].surnames.upper()) for i in range(len(c.judges))]
    if c.level.value == "corte_suprema" and w.chance(0.4):
        p = c.judges[c.ponente]
        blocks.append(("line", f"{p.paternal[0]}{p.maternal[0]}/{w.pick('ykp', 'rmc', 'jlq', 'agh')}"))
    return blocks
