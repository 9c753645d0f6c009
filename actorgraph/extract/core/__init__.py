"""Relation finding, language-neutral: a few general frames over the mentions of a sentence.

Each frame is its own module; a language adds its grammar through ``lang/<lang>/relations.py`` (hooks) and its
words through ``ontology/lexicon/wordsets_<lang>_relations.tsv``. The layers, each building on the one before:

- ``context``       the sentence's tokens and mentions, word sets, the relations found so far, emitting a relation
- ``coordination``  lists and coordination ("X, Y and Z condemned", kull min X wa-Y), clause boundaries
- ``modality``      reported speech and the scope of modality cues (hedged, negated, future)
- ``titles``        titles and appositions: position, affiliation, delegations, membership
- ``arguments``     the subject and object groups of a trigger
- ``nominal``       act nouns and talks: "Russia's invasion of Ukraine", ziyarat X ila Y, "talks between X and Y"
- ``verbal``        agent–trigger–patient, the passive and the pronoun-dropped subject
"""
