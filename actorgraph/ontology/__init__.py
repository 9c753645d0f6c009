"""The ontology, SHACL shapes, gazetteer and lexicons, as data files with their loaders."""

from pathlib import Path

ONTOLOGY_DIR = Path(__file__).resolve().parent
DATA_DIR = ONTOLOGY_DIR / "data"
LEXICON_DIR = ONTOLOGY_DIR / "lexicon"
