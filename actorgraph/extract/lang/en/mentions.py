"""The English mention rules: the hooks the language-neutral finder calls (see ``mentions/rules.py``)."""

from __future__ import annotations

from actorgraph.extract.lang.en import appositions, heads, names, places, titles
from actorgraph.extract.mentions.rules import MentionRules

RULES = MentionRules(
    cased=True,
    head_initial=False,
    coord=names.coord,
    title_at=titles.title_at,
    place_at=places.place_at,
    head_at=heads.head_at,
    unknown_name=names.unknown_name,
    apposition_at=appositions.apposition_at,
    apposition_after=appositions.apposition_after,
    country_anaphor_at=names.country_anaphor_at,
    adjective_kind=names.adjective_kind,
    courtesy=names.courtesy,
    stacked_title=lambda f, i, k, end, office, pro: None,  # one title before an English name
    qualifier_stop=lambda f, q, start: False,
    new_person=names.new_person,
    person_alias=names.person_alias,
    place_label=places.place_label,
    same_head=lambda f, hit, head: True,
    group_at=names.group_at,
    group_of_place_at=names.group_of_place_at,
)
