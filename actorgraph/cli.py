"""The ``actorgraph`` command line. Heavy imports live inside the commands so ``--help`` is instant."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from actorgraph import __version__


class UserError(click.ClickException):
    """A mistake in the user's input: printed as one line, exit code 1, no traceback."""


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="actorgraph")
def main() -> None:
    """Build a knowledge graph of geopolitical actors from Arabic and English news."""


@main.command()
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path, allow_dash=True))
@click.option("--format", "fmt", type=click.Choice(["tsv", "jsonl"]), default="tsv", show_default=True)
@click.option("--lang", type=click.Choice(["auto", "ar", "en"]), default="auto", show_default=True)
def extract(file: Path, fmt: str, lang: str) -> None:
    """Extract actors and relations from one article FILE (- for stdin).

    tsv prints one triple a line: subject, relation, object, sentence index, modality,
    rule, PLOVER type, evidence text. jsonl prints the whole record.
    """
    from actorgraph.extract import ExtractionError, extract_path
    from actorgraph.extract.formats import to_jsonl, to_tsv

    try:
        extraction = extract_path(file, lang=None if lang == "auto" else lang)
    except ExtractionError as err:
        raise UserError(str(err)) from None
    click.echo(to_tsv(extraction) if fmt == "tsv" else to_jsonl(extraction), nl=False)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
