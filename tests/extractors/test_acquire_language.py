"""The cheap Spanish test before langdetect (``extractors.acquire.language.plainly_spanish``)
calls Spanish only pages that langdetect calls Spanish: on every page of the generated
corpus and of the wild corpora, and on texts in the languages nearest to Spanish. A page
it does not call Spanish goes to langdetect as before, so the pages called Spanish stay
exactly the same."""

from __future__ import annotations

from pathlib import Path

import pytest

from extractors.acquire import acquire
from extractors.acquire.language import MIN_LETTERS, SAMPLE_CHARS, detect_language, langdetect_language, letters, \
    plainly_spanish
from samples import generate

_HERE = Path(__file__).resolve()
_SHARED = next((p for p in (_HERE.parents[2].parent / "shared", Path("/work/shared")) if (p / "corpus").is_dir()), None)
WILD = sorted(p for p in (_SHARED / "corpus").glob("wild*") if p.is_dir()) if _SHARED else []


def _compare(texts: list[str]) -> tuple[int, int]:
    """(pages the cheap test called Spanish, pages compared); fails on a page where it says
    Spanish and langdetect does not, or where the answer of ``detect_language`` changed."""
    said, compared = 0, 0
    for text in texts:
        if letters(text) < MIN_LETTERS:
            continue
        compared += 1
        before = langdetect_language(text[:SAMPLE_CHARS])  # what every page got before
        if plainly_spanish(text[:SAMPLE_CHARS]):
            said += 1
            assert before == "es", text[:300]
        assert detect_language(text) == before, text[:300]
    return said, compared


def _pages(paths: list[Path]) -> list[str]:
    return [page.text for path in paths for page in acquire(path).pages]


def test_same_pages_are_spanish_on_the_generated_corpus(tmp_path):
    docs = generate(tmp_path, count=60, seed=3, text_only=True)
    said, compared = _compare(_pages([d.path for d in docs]))
    assert compared > 100 and said >= 0.8 * compared  # the cheap test does answer for most pages


@pytest.mark.slow
def test_same_pages_are_spanish_on_generated_scans(tmp_path):
    docs = generate(tmp_path, count=3, seed=3, scanned_ratio=1.0)
    said, compared = _compare(_pages([d.path for d in docs]))
    assert compared >= 3


@pytest.mark.skipif(not WILD, reason="shared/corpus/wild* not found beside the repository")
def test_same_pages_are_spanish_on_the_wild_corpora():
    files = [f for folder in WILD for f in sorted(folder.glob("*.txt"))]
    said, compared = _compare(_pages(files))
    assert compared >= len(files) and said >= 0.8 * compared


SPANISH = ("La Sala Penal de Apelaciones confirma la sentencia que condenó al acusado como autor del "
           "delito de robo agravado en agravio de los trabajadores de la empresa, y le impuso doce años "
           "de pena privativa de libertad, con lo demás que contiene; sin embargo, revoca el extremo de la "
           "reparación civil, que fija en cinco mil soles a favor de las víctimas y de sus familiares, pues "
           "la defensa no acreditó el pago ni la capacidad económica que alegó en la audiencia.")

NEIGHBOURS = [
    ("pt", "A Turma Criminal do Tribunal de Justiça negou provimento ao recurso interposto pela defesa e "
           "manteve a sentença que condenou o réu pelo crime de roubo qualificado, com a pena de doze anos "
           "de reclusão em regime fechado, por não estarem presentes os requisitos da absolvição. A "
           "reparação dos danos foi fixada em cinco mil reais a favor das vítimas e dos seus familiares, "
           "e o réu não comprovou o pagamento nem a sua capacidade econômica durante a audiência."),
    ("gl", "A Sala do Penal confirma a sentenza que condenou o acusado como autor dun delito de roubo con "
           "violencia, e impúxolle doce anos de prisión, polo que desestima o recurso da defensa. A "
           "reparación civil fíxase en cinco mil euros a favor das vítimas e dos seus familiares, pois a "
           "defensa non acreditou o pagamento nin a capacidade económica que alegou na vista oral, e "
           "tampouco achegou proba ningunha coa que sustentar a súa pretensión."),
    ("ca", "La Sala Penal confirma la sentència que va condemnar l'acusat com a autor d'un delicte de robatori "
           "amb violència, i li va imposar dotze anys de presó, amb la resta de pronunciaments. Tanmateix, "
           "revoca la part de la responsabilitat civil, que fixa en cinc mil euros a favor de les víctimes "
           "i dels seus familiars, perquè la defensa no va acreditar el pagament ni la capacitat econòmica "
           "que va al·legar a la vista, i és per aquest motiu que es desestima el recurs."),
    ("it", "La Corte d'Appello conferma la sentenza che ha condannato l'imputato come autore del reato di "
           "rapina aggravata ai danni dei lavoratori della società, e gli ha inflitto dodici anni di "
           "reclusione; tuttavia riforma la parte relativa al risarcimento, che fissa in cinquemila euro a "
           "favore delle vittime e dei loro familiari, poiché la difesa non ha provato il pagamento né la "
           "capacità economica che aveva allegato in udienza, e il ricorso è respinto."),
    ("fr", "La chambre des appels correctionnels confirme le jugement qui a condamné le prévenu comme auteur "
           "du délit de vol aggravé au préjudice des salariés de la société, et lui a infligé douze ans "
           "d'emprisonnement; elle infirme toutefois la partie relative aux dommages et intérêts, qui sont "
           "fixés à cinq mille euros au profit des victimes et de leurs proches, car la défense n'a pas "
           "prouvé le paiement ni la capacité économique qu'elle a invoquée à l'audience."),
    ("en", "The Court of Appeal upheld the judgment that convicted the defendant of aggravated robbery against "
           "the workers of the company, and imposed twelve years of imprisonment; it reversed, however, the "
           "order for civil compensation, which is set at five thousand soles in favour of the victims and "
           "of their families, because the defence did not prove the payment or the means it alleged."),
]
QUOTE = ("\n\nThe Court of Appeal upheld the judgment that convicted the defendant, and it was held that the "
         "payment of the compensation is a condition of the suspended sentence, with the reasons given for it.")
LATIN = " Rige el principio non bis in idem y el in dubio pro reo, que la Sala aplica de oficio."


@pytest.mark.parametrize(("language", "text"), NEIGHBOURS + [
    ("es+en", SPANISH + QUOTE),  # a quotation in English: langdetect decides, as before
    ("en+es", NEIGHBOURS[-1][1] + "\n\n" + SPANISH),
], ids=lambda v: v if isinstance(v, str) and len(v) < 8 else "")
def test_the_cheap_test_leaves_other_languages_and_mixtures_to_langdetect(language, text):
    assert not plainly_spanish(text[:SAMPLE_CHARS])
    assert detect_language(text) == langdetect_language(text[:SAMPLE_CHARS])
    if "+" not in language:  # the text is what it claims to be (langdetect has no Galician: "es")
        assert langdetect_language(text) == ("es" if language == "gl" else language)


@pytest.mark.parametrize("text", [SPANISH, SPANISH + LATIN, (SPANISH + " ") * 6])
def test_plain_spanish_is_told_without_langdetect_and_agrees_with_it(text):
    assert plainly_spanish(text[:SAMPLE_CHARS])
    assert detect_language(text) == langdetect_language(text[:SAMPLE_CHARS]) == "es"


@pytest.mark.parametrize("text", [
    "Lima, 3 de mayo de 2021. Exp. N.° 00123-2019-45-2101-JR-PE-01. Juez: Ana Quispe Mamani. " * 3,
    "I. ANTECEDENTES\n1.1. Con fecha 12 de enero de 2020 se formalizó la investigación.",
])
def test_a_page_with_few_function_words_goes_to_langdetect(text):
    assert not plainly_spanish(text[:SAMPLE_CHARS])
