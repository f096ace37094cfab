"""The deciding court and its district: the 35-district table, organ names with their
qualifiers, and every signal of the district (court name, seat code, seat, place-date line)."""

from __future__ import annotations

from datetime import date

import pytest

from extractors.data.districts import BY_CODE, BY_NAME, DISTRICTS, GENERATED, NATIONAL, district_of_seat
from extractors.legal import extract
from extractors.legal.court import place_district
from extractors.legal.dates import find_dates
from extractors.legal.text import Context, fold
from schemas import CourtLevel, DocumentText, Page


def doc_of(*pages: str) -> DocumentText:
    return DocumentText(path="t.txt", sha256="0" * 64, file_type="text", page_count=len(pages),
                        pages=[Page(number=i + 1, text=t, method="text_layer") for i, t in enumerate(pages)])


def test_the_table_has_every_superior_court_once():
    assert len(DISTRICTS) == 35  # 34 Cortes Superiores de Justicia and the national one
    assert len({d.name for d in DISTRICTS}) == 35
    codes = [d.code for d in DISTRICTS]
    assert None not in codes and len(set(codes)) == 35
    for d in DISTRICTS:
        assert all(seat[:2] == d.code for seat in d.seats), d.name


def test_generated_districts_keep_their_order():
    # the sample generator draws by position: its districts come first, in their old order
    assert [d.name for d in GENERATED][:4] == ["Madre de Dios", "Puno", "Cusco", "Loreto"]
    assert all(d.weight > 0 for d in GENERATED) and len(GENERATED) == 15


@pytest.mark.parametrize("seat, district", [
    ("0401", "Arequipa"), ("1001", "Cusco"), ("1601", "La Libertad"), ("2701", "Madre de Dios"),
    ("1201", "Huánuco"), ("1501", "Junín"), ("0501", "Ayacucho"), ("3207", "Lima Este"),
    ("2111", "Puno"), ("1903", "Loreto"), ("2301", "Tacna"), ("5001", NATIONAL), ("5002", NATIONAL),
    ("5201", NATIONAL),
    ("0999", "Lima Norte"),  # an unlisted seat resolves by its district prefix
])
def test_seat_codes(seat, district):
    assert district_of_seat(seat).name == district


def test_unknown_prefix_is_none():
    assert district_of_seat("9901") is None and "99" not in BY_CODE


@pytest.mark.parametrize("place, district", [
    ("Huancayo", "Junín"), ("Tambopata", "Madre de Dios"), ("Puerto Maldonado", "Madre de Dios"),
    ("San Román – Juliaca", "Puno"), ("Juliaca", "Puno"), ("Trujillo", "La Libertad"),
    ("Huamanga", "Ayacucho"), ("Maynas", "Loreto"), ("San Juan de Lurigancho", "Lima Este"),
    ("Arequipa", "Arequipa"), ("Sede Central", None), ("Lima", "Lima"),
    # provincial seats: their region's district, or the one their courts answer to
    ("Jaén", "Lambayeque"), ("Pomabamba", "Áncash"), ("Huaycán", "Lima Este"), ("Cotahuasi", "Arequipa"),
    ("Contamana", "Loreto"), ("Llata", "Huánuco"), ("Candarave", "Tacna"),
    ("La Unión", None), ("Bellavista", None),  # names of provinces in several regions
])
def test_places_name_districts(place, district):
    assert place_district(place) == district


def test_no_provincial_seat_names_two_districts():
    from extractors.data.districts import DISTRICTS, NATIONAL, PROVINCIAL_SEATS
    from extractors.legal.text import fold_key

    named: dict[str, set[str]] = {}
    for d in DISTRICTS:
        if d.name != NATIONAL:
            for p in (*d.places, *d.seats.values()):
                named.setdefault(fold_key(p), set()).add(d.name)
    for district, seats in PROVINCIAL_SEATS.items():
        assert district in {d.name for d in DISTRICTS}
        for p in seats:
            named.setdefault(fold_key(p), set()).add(district)
    assert {p: ds for p, ds in named.items() if len(ds) > 1} == {}


def test_ncpp_dates_are_in_order_of_the_calendar():
    assert BY_NAME["Huaura"].ncpp_start < BY_NAME["La Libertad"].ncpp_start < BY_NAME["Arequipa"].ncpp_start
    assert BY_NAME["Madre de Dios"].ncpp_start == date(2009, 10, 1)


@pytest.mark.parametrize("header, name, level, district", [
    ("CORTE SUPERIOR NACIONAL DE JUSTICIA PENAL ESPECIALIZADA\nPRIMERA SALA PENAL DE APELACIONES NACIONAL "
     "PERMANENTE ESPECIALIZADA EN CRIMEN ORGANIZADO\n\nExpediente : 00041-2018-57-5002-JR-PE-01\n",
     "Primera Sala Penal de Apelaciones Nacional Permanente Especializada en Crimen Organizado",
     CourtLevel.CORTE_SUPERIOR, NATIONAL),
    ("SALA PENAL NACIONAL Y JUZGADOS PENALES NACIONALES\nSEGUNDO JUZGADO PENAL COLEGIADO SUPRAPROVINCIAL "
     "ESPECIALIZADO EN DELITOS DE CRIMEN ORGANIZADO\n\nEXPEDIENTE : 00093-2017-7-5001-JR-PE-02\n",
     "Segundo Juzgado Penal Colegiado Supraprovincial Especializado en Delitos de Crimen Organizado",
     CourtLevel.JUZGADO, NATIONAL),
    ("CORTE SUPERIOR DE JUSTICIA DE AYACUCHO\nJUZGADO DE INVESTIGACIÓN PREPARATORIA ESPECIALIZADO EN DELITOS "
     "DE CORRUPCIÓN DE\nFUNCIONARIOS DE HUAMANGA\n\nEXPEDIENTE N.° : 00842-2019-61-0501-JR-PE-01\n",
     "Juzgado de Investigación Preparatoria Especializado en Delitos de Corrupción de Funcionarios de Huamanga",
     CourtLevel.JUZGADO, "Ayacucho"),
    # no Corte Superior named: the seat code of the expediente gives the district
    ("PODER JUDICIAL DEL PERÚ\n\n1° SALA PENAL DE APELACIONES – SEDE CENTRAL\n\n"
     "EXPEDIENTE N° : 03215-2021-87-0401-JR-PE-01\n",
     "1° Sala Penal de Apelaciones – Sede Central", CourtLevel.CORTE_SUPERIOR, "Arequipa"),
    # flowed header without line breaks: the seat stops at the next label
    ("CORTE SUPERIOR DE JUSTICIA DE JUNÍN PRIMERA SALA PENAL DE APELACIONES DE HUANCAYO EXPEDIENTE N° : "
     "02347-2019-78-1501-JR-PE-03 SENTENCIADO : YAURI ROJAS, Elmer",
     "Primera Sala Penal de Apelaciones de Huancayo", CourtLevel.CORTE_SUPERIOR, "Junín"),
    # the seat names the district when nothing else does
    ("JUZGADO PENAL COLEGIADO SUPRAPROVINCIAL DE MADRE DE DIOS – SEDE PUERTO MALDONADO\n\nEXPEDIENTE : 612-2022\n",
     "Juzgado Penal Colegiado Supraprovincial de Madre de Dios", CourtLevel.JUZGADO, "Madre de Dios"),
    # the ruling opens on the organ with its ordinal (no Corte Superior line above it)
    ("PRIMERA SALA PENAL DE APELACIONES DE LA CORTE SUPERIOR DE JUSTICIA DE PUNO\n\nEXPEDIENTE : 00123-2022-0\n",
     "Primera Sala Penal de Apelaciones de la Corte Superior de Justicia de Puno", CourtLevel.CORTE_SUPERIOR, "Puno"),
    # a seat's article is part of its name; Pichanaki as well as Pichanaqui
    ("JUZGADO PENAL UNIPERSONAL DE LA MERCED\n\nEXPEDIENTE : 00123-2022-0\n",
     "Juzgado Penal Unipersonal de La Merced", CourtLevel.JUZGADO, "Selva Central"),
    ("JUZGADO DE INVESTIGACIÓN PREPARATORIA DE VILLA EL SALVADOR\n\nEXPEDIENTE : 00123-2022-0\n",
     "Juzgado de Investigación Preparatoria de Villa El Salvador", CourtLevel.JUZGADO, "Lima Sur"),
    ("JUZGADO PENAL UNIPERSONAL DE PICHANAKI\n\nEXPEDIENTE : 00123-2022-0\n",
     "Juzgado Penal Unipersonal de Pichanaki", CourtLevel.JUZGADO, "Selva Central"),
])
def test_court_and_district(header, name, level, district):
    text = header + "\nLima, cuatro de octubre de dos mil veintiuno\n\nVISTOS: el recurso.\n\nCONSIDERANDO: Primero.\n"
    r = extract(doc_of(text))
    assert (r.court.name, r.court.level, r.court.district) == (name, level, district)


def test_place_date_line_names_the_district_last():
    text = ("SALA PENAL DE APELACIONES\n\nEXPEDIENTE N.° 123-2019\n\n"
            "Huancayo, diecisiete de junio de dos mil veintiuno.-\n\nVISTOS: el recurso.\n")
    r = extract(doc_of(text))
    assert r.court.district == "Junín" and r.court.evidence[-1].rule == "court.place_date"


def test_supreme_court_has_no_district():
    text = ("CORTE SUPREMA DE JUSTICIA DE LA REPÚBLICA SALA PENAL PERMANENTE\nCASACIÓN N.° 1874-2022/LAMBAYEQUE\n\n"
            "Lima, cinco de mayo de dos mil veintitrés\n\nVISTOS: el recurso.\n")
    r = extract(doc_of(text))
    assert r.court.level == CourtLevel.CORTE_SUPREMA and r.court.district is None


@pytest.mark.parametrize("text, expected", [
    ("Arequipa, dos mil veintidós, setiembre veintiséis.-", date(2022, 9, 26)),
    ("Arequipa, 2021, mayo 3", date(2021, 5, 3)),
])
def test_year_first_dates(text, expected):
    assert [f.value for f in find_dates(fold(text))] == [expected]


def test_signature_stamp_leaves_the_sentence_whole_and_keeps_the_signer():
    page = ("Así lo precisó esta Sala: la excepción no es un juicio anticipado\n"
            "Firmado digitalmente por: VELARDE SOTIL Carmen Luz FAU 20159981216 soft\n"
            "Fecha: 12/06/2025 11:08:40,Razón: RESOLUCIÓN JUDICIAL,D.Judicial: CORTE SUPREMA / LIMA,FIRMA DIGITAL\n"
            "sobre la prueba.\n\nSecretaria de Sala: ALVA ROMERO\nLucía Beatriz /Servicio Digital -\n"
            "Poder Judicial del Perú\nFecha: 13/06/2025 09:02:47,Razón:\nRESOLUCIÓN JUDICIAL\n")
    ctx = Context.of(doc_of(page))
    assert "juicio anticipado\nsobre la prueba." in ctx.view.raw
    assert "Firmado" not in ctx.view.raw and "Servicio Digital" not in ctx.view.raw
    assert [(ctx.view.stamp_name(s), s.staff) for s in ctx.view.stamps] == [
        ("VELARDE SOTIL Carmen Luz", False), ("ALVA ROMERO Lucía Beatriz", True)]


def test_running_header_with_a_page_number_is_furniture():
    pages = [f"Exp. 3517-2023-41 – Prisión preventiva                Pág. {i} de 3\n\n{body}\n"
             for i, body in ((1, "AUTO DE PRISIÓN PREVENTIVA"), (2, "Por estos fundamentos, el Tercer Juzgado de "
                                                                     "Investigación Preparatoria de Trujillo"),
                             (3, "RESUELVE: Declarar FUNDADO."))]
    ctx = Context.of(doc_of("".join(pages)))
    assert ctx.view.raw.count("Prisión preventiva") == 1
    assert "de Trujillo\n\nRESUELVE" in ctx.view.raw


def test_a_header_after_a_signature_stamp_on_every_page_stays_once():
    stamp = ("Firmado digitalmente por: SAN MARTIN CASTRO Cesar Eugenio FAU 20159981216 soft\n"
             "Fecha: 14/03/2022 10:11:12,Razón: RESOLUCIÓN JUDICIAL,D.Judicial: CORTE SUPREMA / LIMA,FIRMA DIGITAL\n")
    head = ("CORTE SUPREMA DE JUSTICIA DE LA REPÚBLICA SALA PENAL PERMANENTE\n"
            "RECURSO DE NULIDAD N.° 1843-2019/LIMA NORTE\n")
    pages = [stamp + head + "\nLima, catorce de marzo de dos mil veintidós\n\nVISTOS: el recurso de nulidad.\n",
             stamp + head + "\nCONSIDERANDO: Primero. Que el recurso.\n",
             stamp + head + "\nDECISIÓN: declararon NO HABER NULIDAD en la sentencia.\n"]
    r = extract(doc_of(*pages))
    assert [c.normalized for c in r.case_numbers] == ["recurso_nulidad 1843-2019"]
    assert r.case_numbers[0].district == "Lima Norte"
    assert r.court.name == "Sala Penal Permanente" and r.doc_kind.value == "recurso_nulidad"
    ctx = Context.of(doc_of(*pages))
    assert ctx.view.raw.count("RECURSO DE NULIDAD N.° 1843-2019") == 1
