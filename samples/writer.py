"""Phrase writer for one generated ruling: names, victims, charges, penalties, money, notes.

One ``Writer`` per document keeps that document's habits (date style, money style,
numbering) so a ruling reads consistently, while documents differ from each other.
Phrases follow the wild corpus (../shared/corpus/wild) and domain.md.
"""

from __future__ import annotations

import random
import re
import zlib
from datetime import date

from samples.model import (
    Case,
    ChargeText,
    Defendant,
    Person,
    Sentence,
    Victim,
)
from samples.spanish import (
    ROMAN,
    DateWriter,
    money,
    number_words,
    ordinal,
    years_words,
)

# How each doc kind calls the accused (domain.md, "Names and roles").
ROLE_WORDS = {
    "unipersonal": ("acusado", "acusada"), "colegiado": ("acusado", "acusada"),
    "sala": ("procesado", "procesada"), "sumario": ("procesado", "procesada"),
    "vista": ("sentenciado", "sentenciada"), "oportunidad": ("imputado", "imputada"),
    "casacion": ("encausado", "encausada"), "rn": ("encausado", "encausada"),
    "sobreseimiento": ("investigado", "investigada"), "prision": ("imputado", "imputada"),
    "terminacion": ("investigado", "investigada"),
    "apelacion_suprema": ("investigado", "investigada"), "queja": ("sentenciado", "sentenciada"),
    "calificacion": ("sentenciado", "sentenciada"), "auto_vista": ("investigado", "investigada"),
    "control_detencion": ("detenido", "detenida"), "enjuiciamiento": ("acusado", "acusada"),
}
NUMBERING = ("ordinal_dot", "ordinal_dash", "ordinal_colon", "arabic")
_PLURAL = {"autor": "autores", "coautor": "coautores", "cómplice primario": "cómplices primarios"}
_PLURAL_FEM = {"autor": "autoras", "coautor": "coautoras", "cómplice primario": "cómplices primarias"}


def the_court(name: str) -> str:
    """'la Sala Penal ...' / 'el Juzgado ...' (write "de el" freely: ``contract`` fixes it)."""
    return ("la " if name.split()[0] in ("Sala", "Primera", "Segunda", "Tercera") else "el ") + name


def contract(text: str) -> str:
    """Spanish contractions after free composition ('a el' -> 'al', 'de el' -> 'del', also
    after a bracket or a line start and in capitals), and one final period where an
    abbreviation ('Ch.') ends a sentence. "El" with a capital inside a sentence starts a
    proper name ("del local El Tigrillo") and is left alone, as is the pronoun "él"."""
    if " el" in text or "\nel" in text or " EL" in text or "\x00el" in text:
        text = _CONTRACTIONS.sub(_contracted, text)
    return _DOUBLE_PERIOD.sub(".", text) if ".." in text else text


_CONTRACTIONS = re.compile(r"(?<![\w.])(a|de|A|De|DE)(\s+)(el|EL)(?![\wÁÉÍÓÚáéíóúÑñ])")


def _contracted(m: re.Match) -> str:
    prep, el = m.group(1), m.group(3)
    if el == "EL" and not prep.isupper():
        return m.group()
    base = "a" if prep.lower() == "a" else "de"
    out = ("al" if base == "a" else "del")
    if prep.isupper() and el == "EL":
        return out.upper()
    return out[0].upper() + out[1:] if prep[0].isupper() else out
_DOUBLE_PERIOD = re.compile(r"(?<!\.)\.\.(?!\.)")


def join(items: list[str], last: str = "y") -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + f" {last} " + items[-1]


# How a ruling lets a protected victim's full name slip beside her identifier (the truth
# records it as a Redaction). Picked by a hash of the name, not the document's random
# stream, so that adding a way does not change any other document.
_LEAKS = (
    "{name} ({ident})",
    "{name}, {ident}",
    "{ident} ({name})",
    "{ident}, {name}",
)

class Writer:
    def __init__(self, case: Case, rng: random.Random):
        self.case = case
        self.rng = rng
        self.date_writer = DateWriter(rng)
        self.money_style = rng.randrange(4)
        self.numbering = rng.choice(NUMBERING)
        self.notes: list[str] = []
        self.note_budget = rng.choice((0, 0, 0, 1, 1, 2))
        self._articles: dict[str, str] = {}
        self.upper_digits = rng.random() < 0.5  # "QUINCE (15) AÑOS" or "QUINCE AÑOS"

    # -- small helpers -------------------------------------------------------------
    def pick(self, *options):
        return self.rng.choice(options)

    def chance(self, p: float) -> bool:
        return self.rng.random() < p

    def date(self, d: date, style: str | None = None) -> str:
        return self.date_writer(d, style)

    def note(self, text: str) -> str:
        """A footnote number to glue to the preceding word ("20192"), or "" when out of budget."""
        if len(self.notes) >= self.note_budget:
            return ""
        self.notes.append(text)
        return str(len(self.notes))

    def money(self, amount: float) -> str:
        return money(amount, self.rng, style=self.money_style)

    def heading(self, i: int) -> str:
        """Label of the i-th (0-based) considerando in this document's numbering."""
        style = self.numbering
        if style == "ordinal_dot":
            return f"{ordinal(i + 1)}."
        if style == "ordinal_dash":
            return f"{ordinal(i + 1)}.-"
        if style == "ordinal_colon":
            return f"{ordinal(i + 1).capitalize()}:"
        return f"{i + 1}."

    def roman(self, i: int) -> str:
        return ROMAN[i]

    # -- people --------------------------------------------------------------------
    def role(self, person: Person, plural: bool = False) -> str:
        masc, fem = ROLE_WORDS[self.case.variant]
        word = fem if person.female else masc
        return word + "s" if plural else word

    def the_role(self, d: Defendant) -> str:
        return ("la " if d.person.female else "el ") + self.role(d.person)

    def the_roles(self, ds: list[Defendant]) -> str:
        if len(ds) == 1:
            return self.the_role(ds[0])
        fem = all(d.person.female for d in ds)
        return ("las " if fem else "los ") + self.role(ds[0].person if fem else _MALE, plural=True)

    def participation(self, ds: list[Defendant]) -> str:
        """'autor', 'autora', 'coautores', 'cómplice primario' for one or several defendants."""
        word = ds[0].participation
        if len(ds) > 1:
            return (_PLURAL_FEM if all(d.person.female for d in ds) else _PLURAL)[word]
        return word + "a" if ds[0].person.female and word.endswith("autor") else word

    def names(self, ds: list[Defendant], upper: bool = False) -> str:
        return join([d.person.upper() if upper else d.person.full for d in ds])

    def surname_ref(self, d: Defendant) -> str:
        return f"{self.the_role(d)} {d.person.surnames}"

    # -- victims -------------------------------------------------------------------
    def victims(self, *, reveal: bool = False, article: bool = True) -> str:
        """'las adolescentes de iniciales G.S.T. y A. R. Y.', 'el Estado', a named victim.
        With ``reveal`` a leaked victim's full name is written once (truth: a Redaction)."""
        vs = self.case.victims
        if vs[0].estado:
            proc = self.case.procuraduria
            if proc and self.chance(0.6):
                return f"{'el ' if article else ''}Estado, representado por la {proc}"
            return "el Estado" if article else "Estado"
        if not vs[0].protected:
            v = vs[0]
            noun = "la agraviada" if v.person.female else "el agraviado"
            return f"{noun} {v.label}" if article and self.chance(0.4) else v.label
        minors = all(v.minor for v in vs)
        fem = all(v.person.female for v in vs)
        plural = len(vs) > 1
        if minors:
            noun = self.pick("adolescente", "menor")
            noun = noun + ("s" if plural and noun.endswith("e") else "es" if plural else "")
        else:
            noun = ("agraviada" if fem else "agraviado") + ("s" if plural else "")
        art = ("las " if fem else "los ") if plural else ("la " if fem else "el ")
        refs = [self._victim_ref(v, reveal) for v in vs]
        if all(r.startswith("de iniciales ") for r in refs):
            refs = [refs[0]] + [r.removeprefix("de iniciales ") for r in refs[1:]]
        return (art if article else "") + noun + " " + join(refs)

    def _victim_ref(self, v: Victim, reveal: bool) -> str:
        ident = f"identificada con {v.label}" if v.label.startswith("clave") else f"de iniciales {v.label}"
        if reveal and v.leak:
            return _LEAKS[zlib.crc32(v.person.full.encode()) % len(_LEAKS)].format(name=v.person.full, ident=ident)
        return ident

    def victim_labels(self) -> str:
        vs = self.case.victims
        if vs[0].estado:
            return self.pick("El Estado", "EL ESTADO", "Estado peruano")
        return join([v.label for v in vs])

    # -- charges -------------------------------------------------------------------
    def articles(self, ch: ChargeText) -> str:
        """'previsto en el artículo 153-A, numerales 4 y 5, del Código Penal' (fixed per doc)."""
        key = ch.crime.key
        if key not in self._articles:
            self._articles[key] = self._article_phrase(ch.articles)
        return self._articles[key]

    def _article_phrase(self, arts: list[str]) -> str:
        verb = self.pick("previsto en", "previsto en", "tipificado en", "previsto y sancionado en")
        if arts[0].startswith("DL"):
            nums = [a.split("-")[1] for a in arts]
            which = f"el artículo {nums[0]}" if len(nums) == 1 else f"los artículos {join(nums)}"
            return f"{verb} {which} del Decreto Legislativo N.° 1106"
        if len(arts) == 2 and self.chance(0.35):
            return f"{verb} los artículos {arts[0]} y {arts[1]} del Código Penal"
        pieces = [self._article_piece(a) for a in arts]
        body = pieces[0]
        if len(pieces) == 2:
            body += (" " if body.endswith(",") else ", ") + "concordante con " + pieces[1]
        return f"{verb} {body} del Código Penal"

    def _article_piece(self, article: str) -> str:
        k = self.rng.randint(1, 4)
        return self.pick(f"el artículo {article}", f"el primer párrafo del artículo {article}",
                         f"el inciso {k} del artículo {article}",
                         f"los incisos {k} y {k + 1} del primer párrafo del artículo {article}",
                         f"el artículo {article}, numerales {k} y {k + 1},")

    def charge(self, ch: ChargeText, *, long: bool = True) -> str:
        label = ch.label
        if not long:
            return f"delito de {label}"
        bien = ch.crime.bien_juridico.replace("\u2013", "-")
        if bien and self.chance(0.6):
            head = self.pick(f"delito {bien}, en la modalidad de {label}",
                             f"delito {bien}, en su forma de {label}")
        else:
            head = f"delito de {label}"
        return f"{head}, {self.articles(ch)}"

    def charges(self, *, long: bool = True) -> str:
        parts = [self.charge(ch, long=long) for ch in self.case.charges]
        return parts[0] if len(parts) == 1 else parts[0] + "; y del " + parts[1]

    # -- penalties -----------------------------------------------------------------
    def years(self, years: int, months: int = 0, *, upper: bool = True) -> str:
        return years_words(years, months, upper=upper, digits=upper and self.upper_digits)

    def penalty(self, s: Sentence, *, upper: bool = True) -> str:
        """'QUINCE (15) AÑOS de pena privativa de libertad efectiva' and the suspended form."""
        y = self.years(s.years, s.months, upper=upper)
        ppl = "PENA PRIVATIVA DE LIBERTAD" if upper and self.chance(0.4) else "pena privativa de libertad"
        if s.effective:
            text = f"{y} de {ppl} {'EFECTIVA' if ppl.isupper() else 'efectiva'}"
        else:
            periodo = self.pick("período", "periodo")
            text = (f"{y} de {ppl}, suspendida en su ejecución por el {periodo} de prueba de "
                    f"{self.years(s.probation, upper=upper)}")
        if s.dias_multa:
            n = s.dias_multa
            dm = f"{number_words(n, apocope=True)} ({n}) días-multa"
            text += f", y {dm.upper() if upper else dm}"
        if s.inhab_months or s.inhab_incisos:
            text += self.inhabilitacion(s, upper=upper)
        return text

    def inhabilitacion(self, s: Sentence, *, upper: bool = True) -> str:
        """', e INHABILITACIÓN por el plazo de DOS AÑOS, conforme a los incisos 1 y 2 del artículo 36
        del Código Penal' and its variants (CP art. 36)."""
        word = "INHABILITACIÓN" if upper and self.chance(0.6) else "inhabilitación"
        span = ""
        if s.inhab_months:
            y, m = divmod(s.inhab_months, 12)
            span = f" por el {self.pick('plazo', 'término')} de {self.years(y, m, upper=upper)}"
        rule = "el artículo 36 del Código Penal"
        if s.inhab_incisos:
            inc = s.inhab_incisos
            which = f"el inciso {inc[0]}" if len(inc) == 1 else f"los incisos {join([str(i) for i in inc])}"
            rule = self.pick(f"{which} del artículo 36 del Código Penal",
                             f"el artículo 36, {which.removeprefix('el ').removeprefix('los ')}, del Código Penal")
        conforme = f"conforme {'al' if rule.startswith('el ') else 'a'} {rule.removeprefix('el ')}"
        if self.chance(0.5):
            return f", e {word}{span}, {conforme}"
        return f", e {word} {conforme}{span}"

    def reparacion(self, s: Sentence, payer: str) -> str:
        amount = self.money(s.reparacion)
        if s.solidary:
            return (f"en {amount} el monto de la reparación civil que deberán pagar en forma "
                    f"solidaria los sentenciados a favor de {self.victims()}")
        verb = "deberán" if payer.startswith(("los ", "las ")) else "deberá"
        return (f"en {amount} el monto que por concepto de reparación civil {verb} pagar "
                f"{payer} a favor de {self.victims()}")


class _Male:
    female = False


_MALE = _Male()
