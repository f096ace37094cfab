import pytest

from schemas import QueryError
from search.embedded.fts5_engine import proximity_phrase, to_fts
from search.query.parser import And, Fielded, Or, Term, highlight_terms, parse_query


@pytest.mark.parametrize(("text", "match"), [
    ("personas", 'stem : "person"'),
    ("Acusación", 'stem : "acus"'),
    ("trata de personas", '(stem : "trat" AND stem : "person")'),            # stop word dropped
    ("TRATA AND personas", '(stem : "trat" AND stem : "person")'),
    ('"trata de personas"', 'exact : "trata de personas"'),
    ('“trata de personas”', 'exact : "trata de personas"'),                  # typographic quotes
    ("menor OR adolescente", '(stem : "menor" OR stem : "adolescent")'),
    ("trata -menor", '((stem : "trat") NOT (stem : "menor"))'),
    ("trata NOT menor", '((stem : "trat") NOT (stem : "menor"))'),
    ("(trata OR explotación) minería", '((stem : "trat" OR stem : "explot") AND stem : "mineri")'),
    ("acusa*", 'exact : "acusa" *'),
    ('"trata de pers"*', 'exact : "trata de pers" *'),
    ("153-A", 'exact : "153 a"'),                                              # identifier
    ("R.N.", 'exact : "r n"'),
    ("de", 'exact : "de"'),                                                    # only a stop word
    ("año", 'stem : "año"'),
    ("trata ; 'x'", '(stem : "trat" AND stem : "x")'),                          # punctuation ignored
    ('NEAR trata', '(stem : "near" AND stem : "trat")'),                      # FTS5 keywords are words
    ('trata-de-personas', 'exact : "trata de personas"'),
])
def test_renders_match(text, match):
    assert to_fts(parse_query(text)).match == match


@pytest.mark.parametrize(("text", "match"), [
    ("-menor", 'stem : "menor"'),
    ("-menor -adolescente", '(stem : "menor" OR stem : "adolescent")'),
])
def test_exclusions_only_are_a_negated_match(text, match):
    fts = to_fts(parse_query(text))
    assert (fts.match, fts.negated) == (match, True)


@pytest.mark.parametrize("text", ["", "   ", "\n"])
def test_blank_text_is_no_query(text):
    assert parse_query(text) is None


@pytest.mark.parametrize(("text", "message"), [
    ('"trata de personas', "Falta cerrar las comillas"),
    ('trata "', "Falta cerrar las comillas"),
    ("OR", "OR necesita una palabra a cada lado"),
    ("trata OR", "OR necesita una palabra a cada lado"),
    ("OR trata", "OR necesita una palabra a cada lado"),
    ("trata OR OR menor", "OR necesita una palabra a cada lado"),
    ("-", "El signo - debe ir pegado"),
    ("trata - menor", "El signo - debe ir pegado"),
    ("NOT", "Una exclusión (- o NOT) debe ir seguida"),
    ("*", "El comodín * va al final de una palabra"),
    ("NEAR(", "Falta cerrar un paréntesis"),
    ("(trata", "Falta cerrar un paréntesis"),
    ("trata)", "paréntesis de cierre ) sin su apertura"),
    ("()", "paréntesis vacío"),
    ('""', "Las comillas no contienen ninguna palabra"),
    (";;; '", "no contiene ninguna palabra"),
    ("trata OR -menor", "Una exclusión (-palabra) necesita al menos una palabra"),
    ("(" * 500 + "x" + ")" * 500, "demasiados paréntesis anidados"),
])
def test_malformed_raises_query_error_in_spanish(text, message):
    with pytest.raises(QueryError) as info:
        parse_query(text)
    assert message in info.value.message
    assert info.value.exit_code == 2


def test_rendered_terms_are_always_quoted():
    # Whatever the user types, FTS5 only sees quoted tokens of letters and digits.
    fts = to_fts(parse_query('a"b" c\'d ; DROP TABLE x; --y NEAR/3 {stem}:x ^y juez:"z ; DROP" articulo:153*'))
    assert "DROP" not in fts.match and "{" not in fts.match and "^" not in fts.match
    assert fts.match.count('"') % 2 == 0
    assert 'judges : "z drop"' in fts.match and 'keys : "article_153" *' in fts.match


@pytest.mark.parametrize(("text", "node"), [
    ("juez:chambi", Fielded("judges", parts=("chambi",))),
    ("JUEZA:Chambi", Fielded("judges", parts=("chambi",))),
    ('juez:"Chambi  Tuesta"', Fielded("judges", parts=("chambi", "tuesta"))),
    ("juez:cham*", Fielded("judges", parts=("cham",), prefix=True)),
    ("imputado:Ñahui", Fielded("defendants", parts=("ñahui",))),
    ("delito:trata", Fielded("crime_text", parts=("trata",))),
    ("delito:trata_de_personas", Fielded("crime", value="trata_de_personas")),
    ("delito:peculado_doloso", Or((Fielded("crime", value="peculado"), Fielded("crime", value="peculado_doloso")))),
    ("delito:trata_de*", Fielded("crime", value="trata_de", prefix=True)),
    ("distrito:Cuzco", Fielded("district_key", value="cusco")),
    ("distrito:madre*", Fielded("district_key", value="madre", prefix=True)),
    ("articulo:153a", Fielded("article", value="153-A")),
    ("artículo:307*", Fielded("article", value="307", prefix=True)),
    ("expediente:00123-2019-45-2701-JR-PE-01", Fielded("case_key", value="123-2019-45-2701-jr-pe-1")),
    ('expediente:"Casación 904-2019"', Fielded("case_key", value="casacion 904-2019")),
    ('distrito:"Madre de Dios"', Fielded("district_key", value="madre de dios")),
    ('cita:"R.N. N.° 2204-2018-Lima"', Fielded("citation", value="recurso_nulidad 2204-2018")),
    ("VISTOS: trata", And((Term(("vistos",)), Term(("trata",))))),   # a colon before a space is punctuation
    ("10:30", Term(("10", "30"))),
])
def test_fielded_terms(text, node):
    assert parse_query(text) == node


@pytest.mark.parametrize(("text", "message"), [
    ("color:rojo", "Campo desconocido: color:"),
    ("a:b:c", "Campo desconocido: a:"),
    ("juez:", "necesita un valor"),
    ("juez: chambi", "necesita un valor"),
    ('juez:""', "no contiene ninguna palabra"),
    ("articulo:trata", "No se reconoce el valor de articulo:trata"),
    ("cita:hola", "No se reconoce el valor de cita:hola"),
    ("expediente:abc", "No se reconoce el valor de expediente:abc"),
    ("juez:*", "El comodín * va al final"),
    ("delito:trata_personas", "¿Quiso decir trata_de_personas"),
    ("distrito:Pnuo", "Distrito judicial desconocido: «Pnuo». ¿Quiso decir Puno"),
])
def test_malformed_fielded_terms(text, message):
    with pytest.raises(QueryError) as info:
        parse_query(text)
    assert message in info.value.message


def test_highlight_terms_skip_exclusions():
    terms = highlight_terms(parse_query('trata "de personas" acusa* -menor'))
    assert terms.stems == {"trat"}
    assert terms.phrases == (("de", "personas"),)
    assert terms.prefixes == (("acusa",),)


@pytest.mark.parametrize(("text", "phrase"), [
    ("trata de personas", 'stem : "trat person"'),
    ("trata de personas -menor", 'stem : "trat person"'),
    ("trata", None),
    ('"trata de personas"', None),
    ("trata OR personas", None),
])
def test_proximity_phrase(text, phrase):
    assert proximity_phrase(parse_query(text)) == phrase
