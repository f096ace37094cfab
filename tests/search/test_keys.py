"""Normal forms of citations, articles and case numbers (``search.query.keys``)."""

import pytest

from search.query.keys import case_identity, case_keys, case_query_key, keyword_token, normalize_article, normalize_citation


@pytest.mark.parametrize(("text", "expected"), [
    ("Casación N.° 904-2019/Puno", "casacion 904-2019"),
    ("Cas. 904-2019", "casacion 904-2019"),
    ("casacion 904-2019", "casacion 904-2019"),
    ("CASACIÓN Nº 0904-2019, Madre de Dios", "casacion 904-2019"),
    ("Casación 412-2020, Madre de Dios", "casacion 412-2020"),
    ("R.N. N.° 2204-2018-Lima", "recurso_nulidad 2204-2018"),
    ("R. N. N° 2085-2002, Puno", "recurso_nulidad 2085-2002"),
    ("RN 2204-2018", "recurso_nulidad 2204-2018"),
    # the plenary casación (NCPP art. 433.4), as written and as stored
    ("Sentencia Plenaria Casatoria N.° 1-2017/CIJ-433", "sentencia_plenaria 1-2017/CIJ-433"),
    ("sentencia_plenaria 1-2017/CIJ-433", "sentencia_plenaria 1-2017/CIJ-433"),
    ("Sentencia Plenaria 1-2017", "sentencia_plenaria 1-2017/CIJ-433"),
    ("Recurso de Nulidad Nro. 2204-2018", "recurso_nulidad 2204-2018"),
    ("recurso_nulidad 2204-2018", "recurso_nulidad 2204-2018"),
    ("Acuerdo Plenario N.° 3-2011/CJ-116", "acuerdo_plenario 3-2011/CJ-116"),
    ("Acuerdo Plenario número 6-2006/CJ-116", "acuerdo_plenario 6-2006/CJ-116"),
    ("acuerdo_plenario 3-2011/CJ-116", "acuerdo_plenario 3-2011/CJ-116"),
    ("Acuerdo Plenario Extraordinario N.° 2-2016/CIJ-116", "acuerdo_plenario 2-2016/CIJ-116"),
    ("Acuerdo Plenario 1-2019", "acuerdo_plenario 1-2019/CJ-116"),
    ("Exp. N.° 00728-2008-PHC/TC", "tribunal_constitucional 00728-2008-PHC/TC"),
    ("STC 728-2008-PHC/TC", "tribunal_constitucional 00728-2008-PHC/TC"),
    ("tribunal_constitucional 04295-2019-PHC/TC", "tribunal_constitucional 04295-2019-PHC/TC"),
    ("Expediente 00123-2019-45-2701-JR-PE-01", None),
    ("trata de personas", None),
    ("", None),
])
def test_normalize_citation(text, expected):
    assert normalize_citation(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("153-A", "153-A"), ("153A", "153-A"), ("153 a", "153-A"), ("art. 153-a", "153-A"),
    ("artículo 307-B", "307-B"), ("181", "181"), ("DL1106-1", "DL1106-1"), ("trata", None), ("", None),
])
def test_normalize_article(text, expected):
    assert normalize_article(text) == expected


@pytest.mark.parametrize(("normalized", "keys", "identity"), [
    ("00123-2019-45-2701-JR-PE-01",
     ("123-2019", "123-2019-45", "123-2019-45-2701", "123-2019-45-2701-jr-pe-1"), "123-2019-45-2701"),
    ("00123-2019-45-2701-SP-PE-01",
     ("123-2019", "123-2019-45", "123-2019-45-2701", "123-2019-45-2701-sp-pe-1"), "123-2019-45-2701"),
    ("00953-2018-70", ("953-2018", "953-2018-70"), "953-2018-70"),
    ("casacion 904-2019", ("casacion 904-2019", "904-2019"), "casacion 904-2019"),
    ("recurso_nulidad 121-2005", ("recurso_nulidad 121-2005", "121-2005"), "recurso_nulidad 121-2005"),
])
def test_case_keys_and_identity(normalized, keys, identity):
    assert case_keys(normalized) == keys
    assert case_identity(normalized) == identity


@pytest.mark.parametrize(("text", "key"), [
    ("00123-2019-45-2701-JR-PE-01", "123-2019-45-2701-jr-pe-1"),
    ("Exp. N.° 123-2019", "123-2019"),
    ("123-2019-45", "123-2019-45"),
    ("Casación N.° 904-2019/Puno", "casacion 904-2019"),
    ("R.N. 121-2005", "recurso_nulidad 121-2005"),
    ("sin número", None),
])
def test_case_query_key(text, key):
    assert case_query_key(text) == key


def test_keyword_token():
    assert keyword_token("153-A") == "153_a"
    assert keyword_token("Madre de Dios") == "madre_de_dios"
    assert keyword_token("acuerdo_plenario 3-2011/CJ-116") == "acuerdo_plenario_3_2011_cj_116"
