"""The facts charged ("hechos imputados"), one small template family per crime family.

Both fact dates of a case (``timeline.hechos``) are facts of the crime itself (the conduct,
a rescue, a second shipment, the victim's death), never investigative acts, so that the
truth's ``hechos`` events follow the wild README ("hechos lists every fact date").

Scenes follow domain.md (trafficking and forced labour in the mining camps of Madre de
Dios and Puno, illegal mining, wildlife and timber traffic) and the wild corpus. Every
fact date of the case (``timeline.hechos``) is recited here, and a leaked victim name
(``Victim.leak``) is written here once.
"""

from __future__ import annotations

from samples import vocab
from samples.spanish import number_words
from samples.vocab import MINING_DISTRICTS as MINING
from samples.writer import Writer, join

SPECIES = ("catorce ejemplares vivos de pihuicho ala amarilla (Brotogeris versicolurus)",
           "tres ejemplares de mono choro (Lagothrix lagothricha)",
           "veintidós ejemplares de tortuga taricaya (Podocnemis unifilis)",
           "dos pieles de otorongo (Panthera onca)", "seis ejemplares de guacamayo rojo (Ara macao)",
           "cuarenta kilos de carne de majaz y sajino")
TIMBER = ("shihuahuaco", "cedro", "caoba", "tornillo", "estoraque")
MACHINES = ("una draga de tipo «carranchera» con motor de cuarenta caballos de fuerza",
            "un cargador frontal y un equipo de succión conocido como «chupadera»",
            "dos motores de tipo «traca» y una zaranda", "una excavadora hidráulica y un volquete")
DRUGS = ("pasta básica de cocaína", "clorhidrato de cocaína", "marihuana")
OFFICES = (("tesorero", "tesorera", "de la Municipalidad Distrital de {t}"),
           ("jefe de logística", "jefa de logística", "de la Municipalidad Provincial de {t}"),
           ("alcalde", "alcaldesa", "del distrito de {t}"), ("director", "directora", "del hospital de {t}"))


def _place(w: Writer) -> str:
    return w.pick(*vocab.PLACES.get(w.case.district.name, vocab.PLACES["Madre de Dios"]))


def _intro(w: Writer) -> str:
    return w.pick("Según la acusación fiscal, ", f"Se {'les' if len(w.case.defendants) > 1 else 'le'} atribuye que ",
                  "Conforme al requerimiento acusatorio, ", "Según la tesis fiscal, ",
                  "De los actuados se desprende que ", "")


def _who(w: Writer) -> tuple[str, str]:
    """(main actor, "junto con ..." clause)."""
    ds = w.case.defendants
    main = f"{w.the_role(ds[0])} {ds[0].person.full}"
    rest = f", junto con {join([d.person.full for d in ds[1:]])}" if len(ds) > 1 else ""
    return main, rest


def _c(rest: str) -> str:
    """The comma that closes a 'junto con ...' clause before the verb."""
    return "," if rest else ""


def _second(w: Writer, text: str) -> str:
    hechos = w.case.timeline.hechos
    if len(hechos) < 2:
        return ""
    return text.format(d2=w.date(hechos[1]) + w.note(
        f"Fecha consignada en el acta de intervención de fojas {w.rng.randint(5, 400)}."))


def _start(w: Writer) -> str:
    return w.date(w.case.timeline.hechos[0])


def _trata(w: Writer) -> list[str]:
    main, rest = _who(w)
    v = w.victims(reveal=True)
    key = w.case.charges[0].crime.key
    plural = len(w.case.victims) > 1
    fem = all(x.person.female for x in w.case.victims)
    la = ("las" if fem else "los") if plural else ("la" if fem else "lo")
    if key == "trabajo_forzoso":
        first = (f"{_intro(w)}el {_start(w)}, {main}{rest}{_c(rest)} captó en la ciudad de "
                 f"{w.pick(*vocab.ORIGIN_TOWNS)} a {v}, a quien{'es' if plural else ''} ofreció trabajo en una "
                 f"concesión aurífera con un pago de {w.money(w.rng.choice((900, 1200, 1500)))} mensuales. "
                 f"Luego {la} trasladó hasta un campamento minero ubicado en {_place(w)}, donde {la} obligó a "
                 f"trabajar jornadas de catorce horas en la extracción de material aurífero, sin pago alguno, "
                 f"bajo amenaza y con sus documentos de identidad retenidos.")
    else:
        if key in ("favorecimiento_prostitucion", "proxenetismo", "rufianismo"):
            act = (f"promovió que {'las víctimas' if plural else 'la víctima'} mantuviera"
                   f"{'n' if plural else ''} relaciones sexuales con los clientes del local, y se quedó con un "
                   f"porcentaje de lo que estos pagaban")
        else:
            clients = "del campamento minero" if w.case.district.name in MINING else "del local"
            act = (f"{la} obligó a desempeñarse como «damas de compañía», a consumir licor con los clientes "
                   f"{clients} a cambio de fichas y a permanecer en el local hasta cancelar una "
                   f"supuesta deuda por pasajes y alimentación")
        first = (f"{_intro(w)}el {_start(w)}, {main}{rest}{_c(rest)} captó en la ciudad de "
                 f"{w.pick(*vocab.ORIGIN_TOWNS)} a {v}, a quien{'es' if plural else ''} ofreció trabajo como "
                 f"{w.pick(*vocab.JOBS)} con un pago de {w.money(w.rng.choice((800, 1000, 1200, 1500)))} "
                 f"mensuales. Luego {la} trasladó hasta {_place(w)}, donde {la} acogió en el local "
                 f"denominado «{w.pick(*vocab.BAR_NAMES)}», que administraba; allí {act}.")
    second = _second(w, "El {d2}, durante un operativo conjunto de la Policía Nacional y el Ministerio "
                        "Público, se intervino el local y se rescató a " + w.victims() + ".")
    return [first] + ([second] if second else [])


def _sexual(w: Writer) -> list[str]:
    main, _ = _who(w)
    v = w.victims(reveal=True)
    act = ("le realizó tocamientos indebidos en sus partes íntimas" if w.case.charges[0].crime.key.startswith("actos")
           else "mediante violencia, la sometió a acto sexual contra su voluntad")
    first = (f"{_intro(w)}el {_start(w)}, en horas de la noche, en un inmueble ubicado en {_place(w)}, "
             f"{main} aprovechó que {v} se encontraba sola y {act}. La víctima relató lo sucedido a su "
             f"madre, quien acudió a la comisaría del sector.")
    second = _second(w, "El {d2}, el agresor abordó nuevamente a la víctima y la amenazó para que no "
                        "contara lo sucedido.")
    return [first] + ([second] if second else [])


def _mineria(w: Writer) -> list[str]:
    main, rest = _who(w)
    first = (f"{_intro(w)}el {_start(w)}, durante un operativo de interdicción realizado por la Fiscalía "
             f"Especializada en Materia Ambiental y la Policía Nacional en {_place(w)}, se encontró a "
             f"{main}{rest} operando {w.pick(*MACHINES)} para la extracción de material aurífero, sin "
             f"contar con concesión, autorización de inicio de operaciones ni inscripción en el registro "
             f"del proceso de formalización minera. En el lugar se hallaron balones de mercurio y un área "
             f"de bosque deforestado de aproximadamente {w.pick('media hectárea', 'dos hectáreas', 'una hectárea')}.")
    second = _second(w, "El {d2}, en una segunda intervención en el mismo lugar, se encontró "
                        "nuevamente la maquinaria en funcionamiento.")
    return [first] + ([second] if second else [])


def _ambiental(w: Writer) -> list[str]:
    main, rest = _who(w)
    if w.case.charges[0].crime.key.startswith("trafico_productos"):
        cargo = (f"{w.rng.randint(2, 9)} mil pies tablares de madera aserrada de la especie "
                 f"{w.pick(*TIMBER)}, sin la guía de transporte forestal que acredite su origen legal")
        where = "a bordo de un camión en el puesto de control forestal de " + _place(w)
    else:
        cargo = f"{w.pick(*SPECIES)}, sin la autorización del Servicio Nacional Forestal y de Fauna Silvestre"
        where = "en " + _place(w)
    seized = "intervenida" if w.case.defendants[0].person.female else "intervenido"
    first = (f"{_intro(w)}el {_start(w)}, {main}{rest}{_c(rest)} fue {seized} {where}, en posesión de "
             f"{cargo}. El acta de intervención fue suscrita en presencia del representante del Ministerio "
             f"Público.")
    second = _second(w, "El {d2}, en el mismo puesto de control, se intervino un segundo cargamento "
                        "remitido por la misma persona.")
    return [first] + ([second] if second else [])


def _patrimonio(w: Writer) -> list[str]:
    key = w.case.charges[0].crime.key
    if key in _PATRIMONIO:
        return _PATRIMONIO[key](w)
    main, rest = _who(w)
    her = "la" if w.case.victims[0].person.female else "lo"
    first = (f"{_intro(w)}el {_start(w)}, aproximadamente a las veintiún horas, en {_place(w)}, "
             f"{main}{rest}{_c(rest)} interceptó a {w.victims()} y, amenazándo{her} con un cuchillo, le "
             f"arrebató su teléfono celular y la suma de {w.money(w.rng.choice((350, 600, 1200)))}. Alertados por "
             f"los gritos, agentes del serenazgo persiguieron al agresor y lo capturaron a pocos metros.")
    second = _second(w, "El {d2}, el agresor intentó vender el teléfono sustraído en un mercado de "
                        "la zona.")
    return [first] + ([second] if second else [])


def _hurto(w: Writer) -> list[str]:
    main, rest = _who(w)
    how = "tras forzar la chapa de la puerta" if w.case.charges[0].crime.key == "hurto_agravado" else \
        "aprovechando un descuido"
    first = (f"{_intro(w)}el {_start(w)}, en horas de la madrugada, {main}{rest}{_c(rest)} ingresó al "
             f"domicilio de {w.victims()}, ubicado en {_place(w)}, {how}, y se apoderó de un televisor, una "
             f"laptop y la suma de {w.money(w.rng.choice((600, 1500, 2300)))}. Los bienes fueron hallados "
             f"luego en poder del intervenido.")
    second = _second(w, "El {d2}, el acusado ofreció en venta los bienes sustraídos a un comerciante de la zona.")
    return [first] + ([second] if second else [])


def _extorsion(w: Writer) -> list[str]:
    main, rest = _who(w)
    first = (f"{_intro(w)}el {_start(w)}, {main}{rest}{_c(rest)} exigió a {w.victims()}, propietario de "
             f"una empresa de transporte en {_place(w)}, el pago de "
             f"{w.money(w.rng.choice((5000, 10000, 20000)))} a cambio de no atentar contra sus unidades y su "
             f"familia, mediante llamadas telefónicas y una carta con un proyectil de arma de fuego.")
    second = _second(w, "El {d2}, el acusado recibió parte del dinero exigido en un punto acordado con la víctima.")
    return [first] + ([second] if second else [])


def _usurpacion(w: Writer) -> list[str]:
    main, rest = _who(w)
    first = (f"{_intro(w)}el {_start(w)}, {main}{rest}{_c(rest)} ingresó al predio rústico de "
             f"{w.victims()}, ubicado en {_place(w)}, destruyó el cerco perimétrico y despojó a su "
             f"posesionario mediante violencia y amenaza, para luego levantar una vivienda precaria.")
    second = _second(w, "El {d2}, el acusado retiró los hitos que delimitaban el predio.")
    return [first] + ([second] if second else [])


def _defraudacion(w: Writer) -> list[str]:
    main, rest = _who(w)
    if w.case.charges[0].crime.key == "estafa":
        act = (f"indujo a error a {w.victims()} al ofrecerle en venta un vehículo que no le pertenecía, y "
               f"obtuvo de este modo la entrega de {w.money(w.rng.choice((3500, 8000, 12000)))}")
    else:
        act = (f"recibió de {w.victims()} la suma de {w.money(w.rng.choice((2500, 4000, 9000)))} para la "
               f"compra de mercadería y, pese a los requerimientos, no la devolvió ni rindió cuentas")
    first = f"{_intro(w)}el {_start(w)}, {main}{rest}{_c(rest)} {act}."
    second = _second(w, "El {d2}, el acusado reconoció la deuda mediante un documento privado que no cumplió.")
    return [first] + ([second] if second else [])


_PATRIMONIO = {"hurto_agravado": _hurto, "hurto_simple": _hurto, "extorsion": _extorsion,
               "usurpacion": _usurpacion, "usurpacion_agravada": _usurpacion, "estafa": _defraudacion,
               "apropiacion_ilicita": _defraudacion}


def _lesiones(w: Writer) -> list[str]:
    main, _ = _who(w)
    days = w.rng.choice((12, 15, 20)) if w.case.charges[0].crime.key == "lesiones_leves" else w.rng.choice((30, 45, 60))
    first = (f"{_intro(w)}el {_start(w)}, en {_place(w)}, {main} agredió a {w.victims()} con golpes de "
             f"puño y un objeto contundente, y le causó lesiones que, según el certificado médico legal, "
             f"requirieron {number_words(days)} días de incapacidad médico legal.")
    second = _second(w, "El {d2}, el agresor volvió a amenazar a la víctima en su domicilio.")
    return [first] + ([second] if second else [])


def _vida(w: Writer) -> list[str]:
    if w.case.charges[0].crime.key.startswith("lesiones"):
        return _lesiones(w)
    main, _ = _who(w)
    rel = "su conviviente" if w.case.charges[0].crime.key == "feminicidio" else "su vecino"
    first = (f"{_intro(w)}el {_start(w)}, en {_place(w)}, {main} atacó con un arma blanca a {rel} "
             f"{w.case.victims[0].label}, a quien ocasionó heridas que le causaron la muerte, tras una "
             f"discusión ocurrida en el interior de la vivienda.")
    second = _second(w, "La víctima falleció el {d2} en el hospital regional, a consecuencia de "
                        "las lesiones sufridas.")
    return [first] + ([second] if second else [])


def _drogas(w: Writer) -> list[str]:
    main, rest = _who(w)
    kilos = w.rng.randint(2, 40)
    first = (f"{_intro(w)}el {_start(w)}, en un operativo policial realizado en {_place(w)}, se intervino "
             f"a {main}{rest}, a quien se le encontró, oculto en el vehículo que conducía, "
             f"{number_words(kilos)} paquetes tipo ladrillo de {w.pick(*DRUGS)} con un peso neto "
             f"de {kilos} kilos con {w.rng.randint(10, 990)} gramos, según el Dictamen Pericial de Química "
             f"de Drogas N.° {w.case.timeline.start.year}-{w.rng.randint(100, 9999)}.")
    second = _second(w, "El {d2} se intervino en la misma ruta un segundo vehículo con un cargamento "
                        "similar, cuyo conductor sindicó al intervenido como propietario de la droga.")
    return [first] + ([second] if second else [])


def _corrupcion(w: Writer) -> list[str]:
    main, rest = _who(w)
    masc, fem, where = w.pick(*OFFICES)
    office = (fem if w.case.defendants[0].person.female else masc) + " " + where.format(t=w.pick(*vocab.ORIGIN_TOWNS))
    first = (f"{_intro(w)}{main}{rest}, en su condición de {office}, el {_start(w)} dispuso el pago de "
             f"{w.money(w.rng.choice((45000, 120000, 380000)))} a favor de una empresa proveedora por bienes "
             f"que no fueron entregados, con lo que se causó perjuicio patrimonial al Estado.")
    second = _second(w, "El {d2} dispuso un segundo pago a la misma empresa por el mismo concepto.")
    return [first] + ([second] if second else [])


def _crimen_organizado(w: Writer) -> list[str]:
    main, rest = _who(w)
    first = (f"{_intro(w)}{main}{rest}{_c(rest)} adquirió inmuebles, volquetes y una camioneta con dinero procedente "
             f"de la compra informal de oro extraído sin autorización en {_place(w)}. El {_start(w)}, "
             f"personal policial intervino su vehículo y halló {w.money(w.rng.choice((86400, 186400)))} "
             f"en efectivo sin documentación de origen.")
    second = _second(w, "El {d2} transfirió uno de los inmuebles a nombre de un tercero para ocultar "
                        "su origen.")
    return [first] + ([second] if second else [])


def _familia(w: Writer) -> list[str]:
    main, _ = _who(w)
    months = w.rng.randint(6, 30)
    first = (f"{_intro(w)}{main} no cumplió con pagar la pensión alimenticia fijada por el Juzgado de Paz "
             f"Letrado a favor de {w.victims(reveal=True)}, pese a haber sido requerido el {_start(w)} bajo "
             f"apercibimiento de ser denunciado; adeuda {number_words(months)} meses de pensiones devengadas, "
             f"que ascienden a {w.money(w.rng.choice((3600, 5400, 8750)))}.")
    second = _second(w, "El {d2} se le notificó nuevamente la liquidación de pensiones, sin que cumpliera con el pago.")
    return [first] + ([second] if second else [])


def _seguridad(w: Writer) -> list[str]:
    main, rest = _who(w)
    first = (f"{_intro(w)}el {_start(w)}, durante un patrullaje policial en {_place(w)}, se intervino a "
             f"{main}{rest}, a quien se le encontró en la cintura un revólver calibre 38 con cinco cartuchos, "
             f"sin contar con licencia para portar armas de fuego expedida por la SUCAMEC.")
    second = _second(w, "El {d2}, en el registro domiciliario, se halló una escopeta de fabricación artesanal.")
    return [first] + ([second] if second else [])


BY_FAMILY = {"familia": _familia, "seguridad": _seguridad, "trata": _trata, "sexual": _sexual, "mineria": _mineria, "ambiental": _ambiental,
             "patrimonio": _patrimonio, "vida": _vida, "drogas": _drogas, "corrupcion": _corrupcion,
             "crimen_organizado": _crimen_organizado}


def facts(w: Writer) -> list[str]:
    """One or two paragraphs of facts that recite every fact date of the case."""
    return [p[0].upper() + p[1:] for p in BY_FAMILY[w.case.family](w)]
