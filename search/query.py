"""User query text → a small AST → FTS5 ``MATCH`` syntax.

What a user may type (documented in the CLI and the web UI):

- ``trata personas``: every word must appear (AND); words are matched by their stem, so
  accents, case and plurals do not matter.
- ``"trata de personas"``: an exact phrase (accents and case still do not matter).
- ``menor OR adolescente``: either word; ``(trata OR explotación) minería`` groups.
- ``-menor``: without that word (``NOT menor`` is the same; ``AND`` is accepted and ignored).
- ``acusa*``: words that begin with ``acusa``; ``"trata de pers"*`` for a phrase.
- ``153-A``, ``R.N.``, ``2045-2018``: a word with inner punctuation is an identifier and
  matches its parts as an exact phrase.

The parser owns the syntax: user text never reaches FTS5 as is. Every term is rendered
double-quoted from analysed tokens (letters and digits only), and anything malformed (a
quote or parenthesis left open, an operator with nothing to work on) raises
``QueryError`` with a message in Spanish saying what to fix.
"""

from __future__ import annotations

from dataclasses import dataclass

from schemas import QueryError, Reason

from search.analysis import STOP_WORDS, exact_terms, stem

# ---------------------------------------------------------------------------- the AST


@dataclass(frozen=True)
class Term:
    """A word typed without quotes: ``parts`` are its folded tokens (several for ``153-A``)."""

    parts: tuple[str, ...]
    prefix: bool = False

    @property
    def is_stop_word(self) -> bool:
        return len(self.parts) == 1 and not self.prefix and self.parts[0] in STOP_WORDS

    @property
    def stemmed(self) -> bool:
        """Matched by stem (one ordinary word) rather than as exact folded tokens."""
        return len(self.parts) == 1 and not self.prefix and not self.is_stop_word


@dataclass(frozen=True)
class Phrase:
    parts: tuple[str, ...]
    prefix: bool = False


@dataclass(frozen=True)
class Not:
    child: Node


@dataclass(frozen=True)
class And:
    children: tuple[Node, ...]


@dataclass(frozen=True)
class Or:
    children: tuple[Node, ...]


Node = Term | Phrase | Not | And | Or


def _fail(message: str) -> QueryError:
    return QueryError(message, reason=Reason.QUERY)


# ---------------------------------------------------------------------------- lexer

# Typographic quotes pasted from word processors open and close phrases too.
_QUOTES = str.maketrans({c: '"' for c in "“”„«»"})
_OPEN, _CLOSE, _OR, _NOT, _WORD, _PHRASE = "(", ")", "OR", "NOT", "WORD", "PHRASE"


@dataclass(frozen=True)
class _Lexeme:
    kind: str
    text: str = ""
    prefix: bool = False


def _lex(text: str) -> list[_Lexeme]:
    text = text.translate(_QUOTES)
    out: list[_Lexeme] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch.isspace():
            i += 1
        elif ch in "()":
            out.append(_Lexeme(ch))
            i += 1
        elif ch == '"':
            close = text.find('"', i + 1)
            if close < 0:
                raise _fail('Falta cerrar las comillas: escriba la frase exacta entre dos comillas, '
                            'como en "trata de personas".')
            j = close + 1
            while j < n and text[j] == "*":
                j += 1
            out.append(_Lexeme(_PHRASE, text[i + 1:close], prefix=j > close + 1))
            i = j
        elif ch == "-" and _starts_term(text, i):
            j = i
            while j < n and text[j] == "-":
                j += 1
            if j == n or text[j].isspace() or text[j] == ")":
                raise _fail("El signo - debe ir pegado a la palabra que quiere excluir, como en -menor.")
            out.append(_Lexeme(_NOT))
            i = j
        else:
            j = i
            while j < n and not text[j].isspace() and text[j] not in '()"':
                j += 1
            word = text[i:j]
            if word == "OR":
                out.append(_Lexeme(_OR))
            elif word == "NOT":
                out.append(_Lexeme(_NOT))
            elif word == "AND":
                pass  # words are ANDed anyway
            else:
                stripped = word.rstrip("*")
                if not stripped:
                    raise _fail("El comodín * va al final de una palabra, como en acusa*.")
                out.append(_Lexeme(_WORD, stripped, prefix=len(stripped) < len(word)))
            i = j
    return out


def _starts_term(text: str, i: int) -> bool:
    """A ``-`` is an operator only at the start of a term (not inside ``153-A``)."""
    return i == 0 or text[i - 1].isspace() or text[i - 1] == "("


# ---------------------------------------------------------------------------- parser

MAX_DEPTH = 10  # nested parentheses


class _Parser:
    def __init__(self, lexemes: list[_Lexeme]) -> None:
        self.lex = lexemes
        self.pos = 0
        self.depth = 0

    def peek(self) -> _Lexeme | None:
        return self.lex[self.pos] if self.pos < len(self.lex) else None

    def take(self) -> _Lexeme:
        lexeme = self.lex[self.pos]
        self.pos += 1
        return lexeme

    def parse(self) -> Node:
        node = self.or_expr()
        if self.peek() is not None:  # only a stray ')' can stop or_expr early
            raise _fail("Hay un paréntesis de cierre ) sin su apertura (.")
        return node

    def or_expr(self) -> Node:
        children = [self.and_expr(after_or=False)]
        while (lexeme := self.peek()) is not None and lexeme.kind == _OR:
            self.take()
            children.append(self.and_expr(after_or=True))
        return children[0] if len(children) == 1 else Or(tuple(children))

    def and_expr(self, *, after_or: bool) -> Node:
        children: list[Node] = []
        while (lexeme := self.peek()) is not None and lexeme.kind not in (_OR, _CLOSE):
            children.append(self.unary())
        if not children:
            nxt = self.peek()
            if after_or or (nxt is not None and nxt.kind == _OR):
                raise _fail("OR necesita una palabra a cada lado, como en menor OR adolescente.")
            if nxt is not None and nxt.kind == _CLOSE:
                raise _fail("Hay un paréntesis vacío o una ) sin su apertura (.")
        return children[0] if len(children) == 1 else And(tuple(children))

    def unary(self) -> Node:
        if self.peek().kind == _NOT:
            self.take()
            nxt = self.peek()
            if nxt is None or nxt.kind in (_OR, _CLOSE, _NOT):
                raise _fail("Una exclusión (- o NOT) debe ir seguida de la palabra que quiere excluir, "
                            "como en -menor.")
            return Not(self.atom())
        return self.atom()

    def atom(self) -> Node:
        lexeme = self.take()
        if lexeme.kind == _OPEN:
            self.depth += 1
            if self.depth > MAX_DEPTH:
                raise _fail(f"Hay demasiados paréntesis anidados (más de {MAX_DEPTH}).")
            node = self.or_expr()
            self.depth -= 1
            nxt = self.peek()
            if nxt is None or nxt.kind != _CLOSE:
                raise _fail("Falta cerrar un paréntesis (.")
            self.take()
            return node
        if lexeme.kind == _PHRASE:
            parts = tuple(exact_terms(lexeme.text))
            if not parts:
                raise _fail("Las comillas no contienen ninguna palabra que buscar.")
            return Phrase(parts, lexeme.prefix)
        return Term(tuple(exact_terms(lexeme.text)), lexeme.prefix)


# ---------------------------------------------------------------------------- simplify


def _simplify(node: Node) -> Node | None:
    """Drop words that are only punctuation, flatten groups, drop stop words next to real words."""
    if isinstance(node, Term):
        return node if node.parts else None
    if isinstance(node, Phrase):
        return node
    if isinstance(node, Not):
        child = _simplify(node.child)
        return None if child is None else Not(child)
    children = [c for c in (_simplify(c) for c in node.children) if c is not None]
    flat: list[Node] = []
    for child in children:  # (a b) c → a b c; (a OR b) OR c → a OR b OR c
        flat.extend(child.children if type(child) is type(node) else (child,))
    if isinstance(node, And) and any(not _is_stop(c) and not isinstance(c, Not) for c in flat):
        flat = [c for c in flat if not _is_stop(c)]  # "trata de personas" → trata personas
    if not flat:
        return None
    return flat[0] if len(flat) == 1 else type(node)(tuple(flat))


def _is_stop(node: Node) -> bool:
    return isinstance(node, Term) and node.is_stop_word


def parse_query(text: str) -> Node | None:
    """The AST of ``text``; None when it is blank (a filter-only query).

    Raises ``QueryError`` when ``text`` is malformed or has nothing to search for.
    """
    if not text or not text.strip():
        return None
    node = _simplify(_Parser(_lex(text)).parse())
    if node is None:
        raise _fail("La búsqueda no contiene ninguna palabra que buscar.")
    _check_negations(node, top=True)
    return node


def _check_negations(node: Node, *, top: bool) -> None:
    """A group made only of exclusions means "everything except ...": allowed only for the
    whole query (rendered as a complement), not inside an OR or parentheses."""
    if isinstance(node, Not):
        if not top:
            raise _fail("Una exclusión (-palabra) necesita al menos una palabra que buscar a su lado, "
                        "como en trata -menor.")
        _check_negations(node.child, top=False)
    elif isinstance(node, And):
        only_negative = all(isinstance(c, Not) for c in node.children)
        if only_negative and not top:
            raise _fail("Una exclusión (-palabra) necesita al menos una palabra que buscar a su lado, "
                        "como en trata -menor.")
        for child in node.children:
            _check_negations(child.child if isinstance(child, Not) else child, top=False)
    elif isinstance(node, Or):
        for child in node.children:
            _check_negations(child, top=False)


# ---------------------------------------------------------------------------- FTS5


@dataclass(frozen=True)
class FtsQuery:
    """An FTS5 MATCH expression; ``negated``: the query wants the documents it does NOT match."""

    match: str
    negated: bool = False


def _quote(token: str) -> str:
    return '"' + token.replace('"', '""') + '"'


def _render(node: Node) -> str:
    if isinstance(node, Term):
        if node.stemmed:
            return f"stem : {_quote(stem(node.parts[0]))}"
        return f"exact : {_quote(' '.join(node.parts))}" + (" *" if node.prefix else "")
    if isinstance(node, Phrase):
        return f"exact : {_quote(' '.join(node.parts))}" + (" *" if node.prefix else "")
    if isinstance(node, Or):
        return "(" + " OR ".join(_render(c) for c in node.children) + ")"
    if isinstance(node, And):
        positive = [c for c in node.children if not isinstance(c, Not)]
        negative = [c.child for c in node.children if isinstance(c, Not)]
        expr = "(" + " AND ".join(_render(c) for c in positive) + ")"
        if not negative:
            return expr
        return "(" + expr + " NOT (" + " OR ".join(_render(c) for c in negative) + "))"
    raise AssertionError(f"unexpected node {node!r}")  # Not is handled by to_fts / And


def to_fts(node: Node) -> FtsQuery:
    """Render a parsed query; a query of exclusions only becomes a negated match."""
    if isinstance(node, Not):
        return FtsQuery(_render(node.child), negated=True)
    if isinstance(node, And) and all(isinstance(c, Not) for c in node.children):
        return FtsQuery(_render(Or(tuple(c.child for c in node.children))), negated=True)
    return FtsQuery(_render(node))


def proximity_words(node: Node | None) -> list[str]:
    """The folded words of a query of two or more plain words (``trata de personas``), whose
    documents rank first when the words stand side by side; else []."""
    if not isinstance(node, And):
        return []
    words = [c for c in node.children if not isinstance(c, Not)]
    if len(words) < 2 or not all(isinstance(c, Term) and c.stemmed for c in words):
        return []
    return [c.parts[0] for c in words]


def proximity_phrase(node: Node | None) -> str | None:
    """``proximity_words`` as an FTS5 phrase over the stem column, which has no stop words:
    "trata de personas" and "trata de persona" are adjacent there."""
    words = proximity_words(node)
    return f"stem : {_quote(' '.join(stem(w) for w in words))}" if words else None


# ---------------------------------------------------------------------------- highlighting


@dataclass(frozen=True)
class HighlightTerms:
    """What a snippet should mark: stems, exact phrases (folded tokens) and prefixes."""

    stems: frozenset[str] = frozenset()
    phrases: tuple[tuple[str, ...], ...] = ()
    prefixes: tuple[tuple[str, ...], ...] = ()

    def __bool__(self) -> bool:
        return bool(self.stems or self.phrases or self.prefixes)


def highlight_terms(node: Node | None) -> HighlightTerms:
    """The positive terms of a query (excluded words are never highlighted)."""
    stems: set[str] = set()
    phrases: list[tuple[str, ...]] = []
    prefixes: list[tuple[str, ...]] = []

    def walk(n: Node) -> None:
        if isinstance(n, Term) and n.stemmed:
            stems.add(stem(n.parts[0]))
        elif isinstance(n, (Term, Phrase)):
            (prefixes if n.prefix else phrases).append(n.parts)
        elif isinstance(n, (And, Or)):
            for child in n.children:
                walk(child)
        # Not: skipped

    if node is not None:
        walk(node)
    return HighlightTerms(frozenset(stems), tuple(phrases), tuple(prefixes))
