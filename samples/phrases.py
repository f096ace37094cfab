"""Reasoning phrases of generated rulings: what precedents are cited for, generic reasoning
paragraphs, the elements of each crime, defence arguments, quoted article texts.

Written after the reasoning of the wild rulings (../shared/corpus/wild) and the subjects of
the real Acuerdos Plenarios; article quotes paraphrase the Código Penal.
"""

# What each Acuerdo Plenario is cited for (the real documents' subjects).
AP_HOLDINGS = {
    "3-2011/CJ-116": "precisó que la trata de personas es un delito de tendencia interna trascendente, "
                     "en el que basta que la explotación sea la finalidad de la captación, el traslado o la acogida",
    "6-2019/CJ-116": "abordó la relación entre la trata de personas y los delitos de explotación sexual, y "
                     "destacó que en ambos se tutela la dignidad de la persona",
    "1-2011/CJ-116": "estableció los criterios de valoración de la declaración de la víctima en los delitos "
                     "contra la libertad sexual",
    "4-2015/CJ-116": "fijó pautas para la valoración de la prueba pericial en los delitos sexuales",
    "2-2005/CJ-116": "estableció que la declaración de un agraviado o coimputado puede enervar la presunción "
                     "de inocencia si concurren ausencia de incredibilidad subjetiva, verosimilitud y "
                     "persistencia en la incriminación",
    "6-2006/CJ-116": "precisó que la reparación civil se determina en atención al daño causado y no a la "
                     "gravedad del delito",
    "4-2009/CJ-116": "desarrolló las reglas de determinación judicial de la pena",
    "3-2010/CJ-116": "enumeró los indicios de especial relevancia en el delito de lavado de activos",
    "1-2016/CJ-116": "desarrolló los alcances típicos del delito de feminicidio",
    "5-2008/CJ-116": "fijó los alcances de la conformidad procesal y la reducción de la pena hasta en un séptimo",
    "5-2009/CJ-116": "precisó el control judicial del acuerdo de terminación anticipada",
    "1-2019/CJ-116": "estableció los presupuestos materiales de la prisión preventiva y el estándar de sospecha "
                     "grave",
    "2-2012/CJ-116": "precisó las exigencias de la imputación necesaria",
    "6-2009/CJ-116": "desarrolló el control de la acusación fiscal y el sobreseimiento",
    "2-2016/CIJ-116": "fijó los presupuestos del proceso inmediato en casos de flagrancia",
}
PRECEDENT_HOLDINGS = (
    "según la cual la prueba indiciaria debe ser plural, concordante y convergente",
    "en la que se precisó que el juez de apelación no puede otorgar diferente valor probatorio a la prueba "
    "personal que fue objeto de inmediación",
    "que exige una motivación reforzada cuando se impone una medida que restringe la libertad",
    "según la cual la versión de la víctima debe ser coherente y estar periféricamente corroborada",
)
GENERIC = (
    "La presunción de inocencia, reconocida en el literal e) del inciso 24 del artículo 2 de la "
    "Constitución Política, exige que la condena se sustente en prueba de cargo suficiente, obtenida y "
    "actuada con las debidas garantías, que acredite la existencia del delito y la vinculación del acusado "
    "con él.",
    "El deber de motivación de las resoluciones judiciales, previsto en el inciso 5 del artículo 139 de la "
    "Constitución, impone al órgano jurisdiccional expresar las razones de hecho y de derecho que "
    "sustentan su decisión, de modo que las partes puedan conocerlas y, en su caso, cuestionarlas.",
    "La valoración de la prueba se rige por las reglas de la sana crítica, conforme a los principios de la "
    "lógica, las máximas de la experiencia y los conocimientos científicos, según lo previsto en el "
    "inciso 1 del artículo 158 del Código Procesal Penal.",
    "La prueba por indicios requiere que el hecho base esté plenamente probado, que los indicios sean "
    "plurales, concomitantes e interrelacionados, y que entre ellos y el hecho consecuencia exista un "
    "enlace preciso y directo según las reglas del criterio humano.",
    "Las contradicciones periféricas en el relato de un testigo no restan credibilidad a su versión cuando "
    "el núcleo de la imputación se mantiene coherente y persistente a lo largo del proceso.",
    "Corresponde al órgano jurisdiccional examinar la tesis de la defensa y contrastarla con la prueba "
    "actuada, pues la sola negación de los cargos no basta para desvirtuar la prueba de cargo.",
    "La declaración de la víctima, aun cuando sea la única testigo de los hechos, tiene entidad para "
    "enervar la presunción de inocencia si no existen razones objetivas que invaliden sus afirmaciones, "
    "siempre que se verifiquen las garantías de certeza exigidas por la jurisprudencia.",
    "El principio de imputación necesaria exige que la acusación describa de modo preciso los hechos "
    "atribuidos a cada acusado, su forma de intervención y los elementos de convicción que los sustentan, "
    "a fin de que la defensa pueda contradecirlos.",
    "La determinación de la pena debe respetar los principios de legalidad, lesividad, culpabilidad y "
    "proporcionalidad, previstos en los artículos II, IV, VII y VIII del Título Preliminar del Código Penal.",
    "Las actas levantadas por la policía con intervención del Ministerio Público constituyen prueba "
    "preconstituida cuando, por su naturaleza, no pueden reproducirse en el juicio, y su contenido fue "
    "sometido al contradictorio de las partes.",
    "La pericia oficial goza de una presunción de imparcialidad que solo puede ser desvirtuada mediante "
    "prueba idónea; la defensa no ofreció una pericia de parte ni cuestionó la idoneidad de los peritos.",
    "La coherencia interna del relato, su persistencia a lo largo del proceso y la existencia de "
    "corroboraciones periféricas son criterios que permiten atribuir credibilidad a un testimonio, sin "
    "que ello suponga una regla tasada de valoración.",
)
FAMILY_GENERIC = {
    "trata": "Los agentes que actúan en las zonas de extracción aurífera se valen de la distancia, de la "
             "ausencia del Estado y de la necesidad económica de las víctimas, circunstancias que el juzgador "
             "debe considerar al valorar la prueba.",
    "mineria": "La minería ilegal en las zonas de amortiguamiento de áreas naturales protegidas genera daños "
               "ambientales de difícil reparación, como la deforestación y la contaminación por mercurio.",
    "ambiental": "El comercio ilegal de especies silvestres amenaza la diversidad biológica y se vale de las "
                 "mismas rutas fluviales y terrestres que otras economías ilícitas de la Amazonía.",
}
STATE_EVIDENCE = {
    "seguridad": "El informe de la Superintendencia Nacional de Control de Servicios de Seguridad, Armas, "
                 "Municiones y Explosivos de Uso Civil acredita que el intervenido no tiene licencia, y la "
                 "pericia de balística forense, que el arma se encuentra operativa.",
    "mineria": "El informe de la Dirección Regional de Energía y Minas y el acta de constatación fiscal acreditan "
               "la ausencia de autorización y la magnitud del daño causado.",
    "ambiental": "El informe técnico del Servicio Nacional Forestal y de Fauna Silvestre acredita la ausencia de "
                 "autorización y el valor de los especímenes.",
    "drogas": "El dictamen pericial de química de drogas acredita la naturaleza, la cantidad y la pureza de la "
              "sustancia incautada.",
    "corrupcion": "El informe de control y la pericia contable acreditan el perjuicio patrimonial causado a la "
                  "entidad agraviada.",
    "crimen_organizado": "La pericia contable y el informe de inteligencia financiera acreditan el desbalance "
                         "patrimonial y la ausencia de ingresos lícitos que lo expliquen.",
}
OLD_CODE_GENERIC = (
    "Conforme al artículo 280 del Código de Procedimientos Penales, la sentencia debe apreciar la confesión "
    "del acusado y las demás pruebas producidas en la audiencia, así como los testimonios, peritajes y "
    "actuaciones de la instrucción.",
    "Según el artículo 283 del Código de Procedimientos Penales, los hechos y las pruebas se aprecian con "
    "criterio de conciencia, lo que no exime al juzgador de expresar las razones de su convicción.",
)


TIPICIDAD = {
    "familia": "El tipo penal sanciona a quien omite cumplir la obligación de prestar alimentos establecida "
               "en una resolución judicial; se trata de un delito de omisión propia que se consuma con el "
               "incumplimiento pese al requerimiento.",
    "seguridad": "El tipo penal sanciona a quien, sin estar debidamente autorizado, tiene en su poder armas "
                 "de fuego o municiones; es un delito de peligro abstracto que protege la seguridad pública.",
    "trata": "El tipo penal exige una conducta de captación, transporte, traslado, acogida, recepción o "
             "retención; un medio comisivo como la violencia, la amenaza, el engaño o el abuso de una situación "
             "de vulnerabilidad, que no se exige cuando la víctima es menor de edad; y la finalidad de "
             "explotación, que no necesita concretarse.",
    "sexual": "El tipo penal protege la libertad sexual o, cuando la víctima es menor de catorce años, su "
              "indemnidad sexual, supuesto en el que el consentimiento carece de toda relevancia.",
    "mineria": "El tipo penal sanciona a quien realiza actividad de exploración, extracción o explotación de "
               "recursos minerales sin la autorización de la entidad administrativa competente, siempre que "
               "cause o pueda causar perjuicio, alteración o daño al ambiente o a sus componentes.",
    "ambiental": "El tipo penal sanciona a quien adquiere, vende, transporta, almacena o comercializa "
                 "especímenes o productos de origen ilegal, conociendo o debiendo presumir dicho origen.",
    "patrimonio": "El robo exige el apoderamiento ilegítimo de un bien mueble ajeno mediante violencia o "
                  "amenaza contra la persona; las agravantes del artículo 189 se configuran, entre otros "
                  "supuestos, cuando el hecho se comete durante la noche, a mano armada o con el concurso de "
                  "dos o más personas.",
    "vida": "El tipo penal exige dar muerte a otro concurriendo alguna de las circunstancias que el "
            "legislador considera especialmente reprochables.",
    "drogas": "El tipo penal sanciona a quien promueve, favorece o facilita el consumo ilegal de drogas "
              "tóxicas mediante actos de fabricación o tráfico, o las posee con esa finalidad.",
    "corrupcion": "Se trata de un delito especial propio: exige la condición de funcionario público del agente "
                  "y su vinculación funcional con los caudales o con el acto.",
    "crimen_organizado": "El delito de lavado de activos es autónomo: no requiere que la actividad criminal "
                         "previa haya sido descubierta, investigada o juzgada, conforme al artículo 10 del "
                         "Decreto Legislativo N.° 1106.",
}
# Crimes of the "trata" family whose elements differ from trafficking itself.
TIPICIDAD_BY_CRIME = {
    "hurto_agravado": "El hurto exige el apoderamiento ilegítimo de un bien mueble ajeno, sustrayéndolo del "
                      "lugar donde se encuentra, sin violencia ni amenaza; el artículo 186 lo agrava, entre "
                      "otros supuestos, cuando se comete en casa habitada o mediante destreza o destrucción de "
                      "obstáculos.",
    "hurto_simple": "El hurto exige el apoderamiento ilegítimo de un bien mueble ajeno, sustrayéndolo del "
                    "lugar donde se encuentra, con el fin de obtener un provecho.",
    "extorsion": "La extorsión sanciona a quien, mediante violencia o amenaza, obliga a una persona a otorgar "
                 "una ventaja económica indebida o de cualquier otra índole.",
    "usurpacion": "La usurpación protege la posesión: sanciona a quien despoja a otro de un inmueble mediante "
                  "violencia, amenaza, engaño o abuso de confianza.",
    "usurpacion_agravada": "La usurpación protege la posesión; el artículo 204 la agrava cuando se realiza "
                           "con intervención de dos o más personas o con violencia.",
    "estafa": "La estafa exige que el agente, mediante engaño, induzca o mantenga en error al agraviado y "
              "obtenga de él un desprendimiento patrimonial en su perjuicio.",
    "apropiacion_ilicita": "La apropiación ilícita sanciona a quien se apropia de un bien que recibió con la "
                           "obligación de entregarlo, devolverlo o hacer un uso determinado de él.",
    "lesiones_graves": "Las lesiones graves exigen un daño en el cuerpo o en la salud que requiera treinta o "
                       "más días de asistencia o descanso, según prescripción facultativa.",
    "lesiones_leves": "Las lesiones leves exigen un daño en el cuerpo o en la salud que requiera más de diez y "
                      "menos de treinta días de asistencia o descanso.",
    "actos_contra_el_pudor_menor": "El tipo penal protege la indemnidad sexual del menor: sanciona los "
                                   "tocamientos o actos libidinosos realizados sobre un menor de catorce años.",
    "actos_contra_el_pudor": "El tipo penal sanciona los tocamientos o actos de connotación sexual realizados "
                             "sobre una persona sin su libre consentimiento.",
    "trabajo_forzoso": "El tipo penal sanciona a quien somete u obliga a otra persona, a través de cualquier "
                       "medio o contra su voluntad, a realizar un trabajo o prestar un servicio, sea retribuido "
                       "o no.",
    "explotacion_sexual": "El tipo penal sanciona a quien, mediante violencia, amenaza u otro medio, obliga a "
                          "una persona a ejercer actos de connotación sexual con la finalidad de obtener un "
                          "aprovechamiento económico o de otra índole.",
    "favorecimiento_prostitucion": "El tipo penal sanciona a quien promueve o favorece la prostitución de otra "
                                   "persona.",
    "proxenetismo": "El tipo penal sanciona a quien dirige o gestiona la prostitución de otra persona.",
    "rufianismo": "El tipo penal sanciona a quien explota la ganancia obtenida por una persona que ejerce la "
                  "prostitución.",
}
DEFENSE_ARGUMENTS = (
    "la prueba de cargo es insuficiente y contradictoria",
    "no se acreditó el elemento subjetivo del tipo",
    "la declaración incriminatoria no fue corroborada por prueba periférica",
    "no se valoró la prueba de descargo ofrecida oportunamente",
)


ARTICLE_QUOTES = {
    "trata": "«El que, mediante violencia, amenaza u otras formas de coacción, privación de la libertad, "
             "fraude, engaño, abuso de poder o de una situación de vulnerabilidad, concesión o recepción de "
             "pagos o de cualquier beneficio, capta, transporta, traslada, acoge, recibe o retiene a otro, en "
             "el territorio de la República o para su salida o entrada del país con fines de explotación, es "
             "reprimido con pena privativa de libertad no menor de ocho ni mayor de quince años».",
    "mineria": "«Será reprimido con pena privativa de libertad no menor de cuatro ni mayor de ocho años y con "
               "cien a seiscientos días-multa, el que realice actividad de exploración, extracción, explotación "
               "u otro acto similar de recursos minerales metálicos o no metálicos sin contar con la "
               "autorización de la entidad administrativa competente».",
    "ambiental": "«El que adquiere, vende, transporta, almacena, importa, exporta o reexporta productos o "
                 "especímenes de especies de flora o fauna silvestre protegidas por la legislación nacional, "
                 "sin un permiso o certificado válido, cuyo origen no autorizado conoce o puede presumir, será "
                 "reprimido con pena privativa de libertad no menor de tres ni mayor de cinco años».",
}
OCCUPATIONS = ("el comercio", "la minería artesanal", "el transporte fluvial", "la agricultura",
               "el transporte de carga", "las labores de su casa", "la construcción civil", "la venta de abarrotes")
