"""How the components pass their results on, in spaCy's own structures.

- Mentions: ``doc.spans["actors"]``, one ``Span`` a mention (label = entity type, ``kb_id`` = entity key); each
  span's ``span._.mention`` is the mention record (kind, coordination, the title's office and affiliation) and
  each token's ``token._.actor`` the index in that group of the mention that covers it (-1: none).
- Relations: ``doc._.relations``, a list of ``records.Relation``.
- The document's date: ``doc._.doc_date`` (ISO), set on the Doc before the pipeline runs.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from actorgraph.extract.mentions import Hit
from actorgraph.extract.records import Relation

ACTORS = "actors"

if not Doc.has_extension("relations"):
    Doc.set_extension("relations", default=None)
if not Doc.has_extension("doc_date"):
    Doc.set_extension("doc_date", default=None)
if not Doc.has_extension("mention_records"):
    Doc.set_extension("mention_records", default=None)
if not Span.has_extension("mention"):
    Span.set_extension("mention", getter=lambda span: span.doc._.mention_records[int(span.id_)])
if not Doc.has_extension("actor_cover"):
    Doc.set_extension("actor_cover", default=None)
if not Token.has_extension("actor"):
    Token.set_extension("actor", getter=lambda token: _cover(token.doc)[token.i])


def _cover(doc: Doc) -> list[int]:
    return doc._.actor_cover or [-1] * len(doc)


def publish_mentions(doc: Doc, hits: list[Hit], cover: list[int], positions: list[int]) -> None:
    """Write the mentions found over our token list (``positions``: our token index → the Doc's) as spans."""
    spans = []
    for index, hit in enumerate(hits):
        span_id = doc.vocab.strings.add(str(index))
        start, end = positions[hit.start], positions[hit.end - 1] + 1
        spans.append(Span(doc, start, end, label=hit.type, kb_id=hit.key, span_id=span_id))
    doc._.mention_records = list(hits)
    doc.spans[ACTORS] = spans
    owners = [-1] * len(doc)
    for k, owner in enumerate(cover):
        owners[positions[k]] = owner
    doc._.actor_cover = owners


def read_mentions(doc: Doc, positions: list[int]) -> tuple[list[Hit], list[int]]:
    """The mention records behind ``doc.spans["actors"]`` (``span._.mention`` of each span, in the group's order:
    read as one list, the group's spans are not rebuilt) and, over our token list, which one covers each token."""
    hits: list[Hit] = list(doc._.mention_records or [])
    owners = _cover(doc)
    return hits, [owners[p] for p in positions]


def relations_of(doc: Doc) -> list[Relation]:
    """``doc._.relations``, started when the first component that adds relations asks for it."""
    if doc._.relations is None:
        doc._.relations = []
    found: list[Relation] = doc._.relations
    return found
