"""Checks on a user's SPARQL before it reaches a store: no SERVICE on a local store, no query nested or
chained deeper than Oxigraph's recursive parser and evaluator survive."""

from __future__ import annotations

import re

# SERVICE asks the store to call another server. It is looked for as a keyword (not in a variable such as
# ?service nor a prefixed name such as ex:service) once strings, IRIs and comments are blanked out.
_SPARQL_QUOTED = re.compile(
    r'"""(?:[^"\\]|\\.|"(?!""))*"""'
    r"|'''(?:[^'\\]|\\.|'(?!''))*'''"
    r'|"(?:[^"\\\n]|\\.)*"'
    r"|'(?:[^'\\\n]|\\.)*'"
    r'|<[^<>"{}|^`\\\x00-\x20]*>'
    r"|#[^\n]*"
)
_SERVICE = re.compile(r"(?<![\w:?$])SERVICE(?![\w:-])", re.I)


class QueryLimitError(ValueError):
    """A query too deeply nested or too long a chain to parse safely; the message is one line."""


def uses_service(sparql: str) -> bool:
    """Whether ``sparql`` has a SERVICE clause (a call from the store to another server)."""
    return bool(_SERVICE.search(_SPARQL_QUOTED.sub(" ", sparql)))


# Oxigraph parses and evaluates recursively: 10,000 nested parentheses, or a chain of 10,000 UNIONs, &&s or
# path steps, overflow its stack and kill the process (SIGSEGV, no message). Checked before parsing; far
# above what a written query needs (a chain of 500 OPTIONALs already takes 40 s).
MAX_QUERY_NESTING = 64
MAX_QUERY_OPERATORS = 1000
_OPERATOR = re.compile(r"\b(?:UNION|OPTIONAL|MINUS)\b|&&|\|\||[/|+*.;,^!-]", re.I)


def check_query_limits(sparql: str) -> None:
    """Raise QueryLimitError when a user's query nests deeper than MAX_QUERY_NESTING brackets or chains
    more than MAX_QUERY_OPERATORS operators (UNION, &&, path steps, ...). Strings, IRIs and comments do
    not count."""
    bare = _SPARQL_QUOTED.sub(" ", sparql)
    depth = deepest = 0
    for char in re.findall(r"[(){}\[\]]", bare):
        depth = depth + 1 if char in "({[" else max(0, depth - 1)
        deepest = max(deepest, depth)
    if deepest > MAX_QUERY_NESTING:
        raise QueryLimitError(f"the query nests {deepest} brackets deep; the limit is {MAX_QUERY_NESTING}")
    operators = len(_OPERATOR.findall(bare))
    if operators > MAX_QUERY_OPERATORS:
        raise QueryLimitError(f"the query chains {operators} operators (UNION, OPTIONAL, &&, path steps, ...); "
                              f"the limit is {MAX_QUERY_OPERATORS}")  # fmt: skip
