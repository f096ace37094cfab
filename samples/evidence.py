"""Evidence examined at trial ("actuación probatoria"), one short valued item per paragraph.

Items follow what the wild rulings list (actas, pericias, cámara Gesell, SERFOR and DREM
reports, registers of boats and buses). No item carries a date or a person's name, so the
truth's events and parties are not affected; report numbers are look-alikes.
"""

from __future__ import annotations

from samples.writer import Writer

COMMON = (
    ("Acta de intervención", "describe el lugar, la hora y las circunstancias de la intervención, así como "
     "los bienes hallados; fue suscrita sin observaciones", "acredita el contexto de la intervención"),
    ("Certificado de antecedentes penales", "informa que no registra condenas anteriores",
     "se tendrá en cuenta al determinar la pena"),
    ("Declaración de los efectivos policiales", "ratificaron el contenido de las actas y explicaron el "
     "origen de la intervención", "corrobora la versión de cargo en cuanto a las circunstancias"),
    ("Acta de registro personal e incautación", "consigna los objetos hallados en poder del intervenido",
     "vincula materialmente al acusado con los hechos"),
)
BY_FAMILY = {
    "trata": (
        ("Entrevista única en cámara Gesell", "la víctima narró de modo detallado la captación, el traslado "
         "y las condiciones del local", "su relato es coherente y persistente"),
        ("Pericia psicológica N.° {n}-{y}-PSC", "concluye que presenta indicadores de afectación emocional "
         "compatibles con situaciones de explotación", "corrobora periféricamente el relato"),
        ("Partida de nacimiento", "acredita la edad de la víctima a la fecha de los hechos",
         "sustenta la circunstancia agravante"),
        ("Boletos de viaje y registro de pasajeros", "registran el traslado desde el lugar de captación",
         "confirma el itinerario descrito por la víctima"),
        ("Acta de constatación del local", "describe los ambientes, las fichas de consumo y el cuaderno de "
         "deudas hallado", "acredita la finalidad de explotación"),
    ),
    "sexual": (
        ("Certificado médico legal N.° {n}-{y}", "describe lesiones recientes compatibles con el relato",
         "corrobora la versión de la víctima"),
        ("Pericia psicológica", "concluye que presenta afectación emocional asociada a un evento de tipo "
         "sexual", "refuerza la credibilidad del testimonio"),
        ("Entrevista única en cámara Gesell", "la menor relató los hechos con detalles periféricos "
         "verificables", "cumple las garantías de certeza"),
    ),
    "mineria": (
        ("Informe de la Dirección Regional de Energía y Minas", "acredita que no cuenta con concesión ni "
         "autorización para la actividad", "prueba la falta de autorización administrativa"),
        ("Informe técnico N.° {n}-{y}-SERNANP", "ubica el punto de extracción dentro de la zona de "
         "amortiguamiento", "sustenta la agravante"),
        ("Registro fotográfico y fílmico", "muestra la maquinaria en funcionamiento y el área deforestada",
         "corrobora el acta de intervención"),
    ),
    "ambiental": (
        ("Informe técnico N.° {n}-{y}-SERFOR", "identifica las especies y determina su valor comercial",
         "prueba el objeto material del delito"),
        ("Guías de transporte presentadas por la defensa", "no corresponden a los productos intervenidos",
         "desvirtúa la tesis de origen lícito"),
    ),
    "drogas": (
        ("Dictamen pericial de química de drogas N.° {n}-{y}", "determina la naturaleza y el peso neto de "
         "la sustancia", "acredita el objeto material"),
        ("Acta de prueba de campo y lacrado", "consigna el resultado positivo para alcaloide de cocaína",
         "garantiza la cadena de custodia"),
    ),
    "corrupcion": (
        ("Informe de control N.° {n}-{y}-CG", "identifica los pagos sin sustento y el perjuicio económico",
         "prueba el desvío de fondos"),
        ("Resolución de designación", "acredita la condición de funcionario y sus atribuciones",
         "prueba la relación funcional"),
    ),
    "crimen_organizado": (
        ("Informe de inteligencia financiera N.° {n}-{y}-UIF", "determina un desbalance patrimonial "
         "significativo", "constituye indicio de origen ilícito"),
        ("Pericia contable N.° {n}-{y}", "compara ingresos declarados y adquisiciones",
         "confirma el incremento patrimonial injustificado"),
    ),
    "patrimonio": (
        ("Acta de reconocimiento", "la víctima reconoció al acusado entre varias personas de similares "
         "características", "la diligencia respetó las garantías legales"),
        ("Acta de recuperación del bien", "consigna la entrega del teléfono a su propietaria",
         "acredita la preexistencia del bien"),
    ),
    "vida": (
        ("Protocolo de necropsia N.° {n}-{y}", "establece la causa y el mecanismo de la muerte",
         "acredita el resultado típico"),
        ("Pericia de biología forense", "identifica restos hemáticos en la prenda del acusado",
         "vincula al acusado con el hecho"),
    ),
}


def evidence_items(w: Writer, *, count: int) -> list[str]:
    """``count`` evidence paragraphs: 'Title: what it shows. Valoración: why it matters.'"""
    pool = list(BY_FAMILY.get(w.case.family, ())) + list(COMMON)
    chosen = w.rng.sample(pool, min(count, len(pool)))
    out = []
    for title, content, value in chosen:
        title = title.format(n=f"{w.rng.randint(1, 9999):04d}", y=w.case.timeline.start.year)
        out.append(f"{title}: {content}. Valoración: {value}.")
    return out
