"""The ``actorgraph`` command line. Heavy imports live inside the commands so ``--help`` is instant."""

from __future__ import annotations

import contextlib
import sys
from pathlib import Path

import click

from actorgraph import __version__


class UserError(click.ClickException):
    """A mistake in the user's input: printed as one line, exit code 1, no traceback."""


class _Commands(click.Group):
    """The command group: output that cannot be written (a full disk) is one line, whatever the command, not
    an OSError from click.echo; a closed pipe ends the command quietly."""

    def invoke(self, ctx: click.Context) -> object:
        import errno

        try:
            return super().invoke(ctx)
        except OSError as err:
            if err.errno not in (errno.ENOSPC, errno.EDQUOT, errno.EPIPE):
                raise
            _drop_stdout()
            if err.errno == errno.EPIPE:
                raise SystemExit(1) from None  # the reader stopped (| head): quiet, as other Unix tools are
            raise UserError(f"cannot write the output: {err.strerror or err}") from None


def _drop_stdout() -> None:
    """Point stdout at /dev/null, so that the interpreter's last flush of what could not be written does
    not print a second error."""
    import os

    with contextlib.suppress(OSError, ValueError, AttributeError):
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


@click.group(cls=_Commands, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="actorgraph")
def main() -> None:
    """Build a knowledge graph of geopolitical actors from Arabic and English news."""
    from actorgraph.extract.read import show_warnings_as_lines

    show_warnings_as_lines()  # a date left out, bytes replaced: "warning: ..." on stderr


def _use_dictionaries(ctx: click.Context, param: click.Parameter, paths: tuple[Path, ...]) -> None:
    """--dictionary FILE...: read them now (a bad file is one line) and put them in force for this run and
    its worker processes (through the environment, which the loaders read)."""
    import os

    from actorgraph.ontology.dictionaries import ENV, DictionaryError, load_dictionaries

    if not paths:
        return
    resolved = tuple(p.resolve() for p in paths)
    try:
        loaded = load_dictionaries(resolved)
    except DictionaryError as err:
        raise UserError(str(err)) from None
    os.environ[ENV] = os.pathsep.join(str(p) for p in resolved)
    click.echo(f"dictionaries: {len(loaded.actors)} actors, {len(loaded.agents)} agents, "
               f"{len(loaded.verbs)} verbs ({sum(loaded.skipped.values())} entries skipped)", err=True)


_dictionary_option = click.option(
    "--dictionary", "dictionaries", multiple=True, type=click.Path(exists=True, dir_okay=False, path_type=Path),
    callback=_use_dictionaries, expose_value=False, is_eager=True,
    help="Extra actors and verbs: a CSV of actors, or PETRARCH actor, agent or verb dictionaries (repeatable; "
    "default: $ACTORGRAPH_DICTIONARIES, else 'dictionaries' in ~/.config/actorgraph/config.toml).")


def _set_document_date(ctx: click.Context, param: click.Parameter, value: str | None) -> None:
    """--date: the date of the articles that give none of their own (no JSONL date, page metadata or
    dateline), handed to the extraction (and its worker processes) through the environment."""
    import datetime as dt
    import os

    from actorgraph.extract.annotate import DATE_ENV

    if value is None:
        os.environ.pop(DATE_ENV, None)
        return
    try:
        os.environ[DATE_ENV] = dt.date.fromisoformat(value.strip()).isoformat()
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date (YYYY-MM-DD)") from None


def _date_option(f):  # type: ignore[no-untyped-def]
    return click.option("--date", metavar="YYYY-MM-DD", expose_value=False, callback=_set_document_date,
                        help="Publication date of articles that give none (JSONL date, page metadata, dateline); "
                        "events without a date of their own get it.")(f)


@main.command()
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path, allow_dash=True))
@_dictionary_option
@click.option("--format", "fmt", type=click.Choice(["tsv", "jsonl"]), default="tsv", show_default=True)
@click.option("--lang", type=click.Choice(["auto", "ar", "en"]), default="auto", show_default=True)
@_date_option
@click.option(
    "--model",
    default=None,
    metavar="NAME",
    help="English spaCy model whose NER adds unknown actors ('none': rules only). "
    "Default: $ACTORGRAPH_EN_MODEL, else en_core_web_sm when installed.",
)
def extract(file: Path, fmt: str, lang: str, model: str | None) -> None:
    """Extract actors and relations from one article FILE (- for stdin).

    tsv prints one triple a line: subject, relation, object, sentence index, modality,
    rule, PLOVER type, evidence text. jsonl prints the whole record.
    """
    from actorgraph.extract import ExtractionError, extract_path
    from actorgraph.extract.formats import to_jsonl, to_tsv

    try:
        extraction = extract_path(file, lang=None if lang == "auto" else lang, model=model)
    except ExtractionError as err:
        raise UserError(str(err)) from None
    except Exception as err:  # noqa: BLE001 - an article the extractor trips on: one line, as ingest says it
        raise UserError(f"{file}: extraction failed: {type(err).__name__}: {' '.join(str(err).split())}") from None
    click.echo(to_tsv(extraction) if fmt == "tsv" else to_jsonl(extraction), nl=False)


# --- the graph: build, ingest, query, export, stats, actors, explain --------------------------------

STORE_HELP = "Oxigraph store directory, 'memory', or the URL of a SPARQL 1.1 server."


@contextlib.contextmanager
def _open_store(  # type: ignore[no-untyped-def]
    spec: str, *, read_only: bool = False, upgrade: bool = False, layout: bool = True
):
    """The store, open for a with-block; a store that fails to open or while in use (a corrupt block is
    only found when read), or (``layout``) one in an older layout, is a one-line error."""
    from actorgraph.graph.store import StoreError, open_store

    try:
        store = open_store(spec, read_only=read_only, upgrade=upgrade)
    except StoreError as err:
        raise UserError(str(err)) from None
    try:
        with store:
            problem = store.layout_problem() if layout else ""
            if problem and upgrade:  # --upgrade converts what an older version wrote, layout included
                from actorgraph.graph.layout import migrate

                migrate(store)
            elif problem:
                raise UserError(problem)
            yield store
    except StoreError as err:
        raise UserError(str(err)) from None


def _scale_options(f):  # type: ignore[no-untyped-def]
    """--workers, --dask, --bulk, --progress, --model, --dictionary, --date: shared by build and ingest."""
    f = _date_option(f)
    f = _dictionary_option(f)
    f = click.option("--model", default=None, metavar="NAME",
                     help="English spaCy model whose NER adds unknown actors ('none': rules only, ~10x faster). "
                          "Default: $ACTORGRAPH_EN_MODEL, else en_core_web_sm when installed.")(f)
    f = click.option("--progress/--no-progress", default=None,
                     help="Progress bar on stderr (default: when stderr is a terminal).")(f)
    f = click.option("--bulk/--no-bulk", default=False,
                     help="Load through N-Quads and the bulk loader: faster for big corpora, but not "
                     "transactional (a killed run is repaired by the next one). Default: one "
                     "transaction per document.")(f)
    f = click.option("--dask", "dask_address", metavar="ADDRESS",
                     help="Extract on a Dask cluster: tcp://host:8786, or 'local' (one on this machine).")(f)
    f = click.option("--workers", "-j", default=1, show_default=True, type=click.IntRange(min=0),
                     help="Extraction processes; 0 = one per core.")(f)
    return f


def _upgrade_option(f):  # type: ignore[no-untyped-def]
    return click.option("--upgrade", is_flag=True,
                        help="Convert a store written by an older Oxigraph in place (the older version cannot "
                        "read it after); without it such a store is refused.")(f)  # fmt: skip


def _show_progress(progress: bool | None) -> bool:
    return sys.stderr.isatty() if progress is None else progress


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path), default=Path("out"),
              show_default=True, help="Output directory: store/, graph.html.")
@click.option("--store", default="oxigraph", show_default=True,
              help="oxigraph (OUT/store on disk), memory (OUT/graph.trig), or a SPARQL server URL.")
@click.option("--lang", type=click.Choice(["auto", "ar", "en"]), default="auto", show_default=True)
@click.option("--html/--no-html", default=True, show_default=True, help="Render OUT/graph.html.")
@click.option("--validate/--no-validate", default=True, show_default=True, help="Check the graph with SHACL.")
@_upgrade_option
@_scale_options
def build(paths: tuple[Path, ...], out_dir: Path, store: str, lang: str, html: bool, validate: bool,
          workers: int, dask_address: str | None, bulk: bool, progress: bool | None,
          model: str | None, upgrade: bool) -> None:
    """Build the knowledge graph of the articles in PATH... (folders, .txt/.md/.html files, JSONL files)."""
    from actorgraph.cluster import ClusterError
    from actorgraph.corpus import build as run
    from actorgraph.extract import ExtractionError
    from actorgraph.graph.store import StoreError

    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        raise UserError(f"no such file or directory: {', '.join(missing)}")
    try:
        summary = run(list(paths), out_dir, store=store, html=html, validate_shacl=validate,
                      lang=None if lang == "auto" else lang, workers=workers, dask=dask_address, bulk=bulk,
                      progress=_show_progress(progress), model=model, upgrade=upgrade)
    except (StoreError, ClusterError, ExtractionError, OSError) as err:
        raise UserError(str(err)) from None
    click.echo(summary.text(), nl=False)
    ing = summary.ingest
    if summary.failed and not (ing.added or ing.replaced or ing.unchanged):
        raise UserError(f"no article could be read ({len(summary.failed)} skipped)")


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--store", "store_spec", default="out/store", show_default=True, help=STORE_HELP)
@click.option("--lang", type=click.Choice(["auto", "ar", "en"]), default="auto", show_default=True)
@_upgrade_option
@_scale_options
def ingest(paths: tuple[Path, ...], store_spec: str, lang: str, workers: int, dask_address: str | None,
           bulk: bool, progress: bool | None, model: str | None, upgrade: bool) -> None:
    """Add articles to a store: unchanged ones are skipped, changed ones replace their graph."""
    from actorgraph.cluster import ClusterError
    from actorgraph.corpus import load_corpus
    from actorgraph.extract import ExtractionError
    from actorgraph.graph.store import StoreError

    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        raise UserError(f"no such file or directory: {', '.join(missing)}")
    with _open_store(store_spec, upgrade=upgrade) as store:
        try:
            result = load_corpus(list(paths), store, lang=None if lang == "auto" else lang, workers=workers,
                                 dask=dask_address, bulk=bulk, progress=_show_progress(progress), model=model)
            from actorgraph.graph.curation import apply_curation, curation_path

            apply_curation(store, curation_path(store_spec))  # the user's fixes to actors, at every ingest
            report = result.report
        except (StoreError, ClusterError, ExtractionError, OSError) as err:
            raise UserError(str(err)) from None
    for failure in result.failed:
        click.echo(f"skipped {failure.where}: {failure.reason}", err=True)
    for message in result.warnings:
        click.echo(f"warning: {message}", err=True)
    warned = len(result.warnings)
    click.echo(f"{len(report.added)} new, {len(report.replaced)} replaced, "
               f"{len(report.unchanged)} unchanged; "
               f"{report.quads} quads written to {store_spec}"  # counting a 10M-quad store would take seconds
               + (f"; {warned} warning{'s' * (warned != 1)}" if warned else ""))
    read = len(report.added) + len(report.replaced) + len(report.unchanged)
    if result.failed and not read:  # nothing could be read: a script must see that it failed
        raise UserError(f"no article could be read ({len(result.failed)} skipped)")


@main.command()
@click.argument("documents", nargs=-1, required=True)
@click.option("--store", "store_spec", default="out/store", show_default=True, help=STORE_HELP)
def remove(documents: tuple[str, ...], store_spec: str) -> None:
    """Take articles out of the store: each DOCUMENT is the path or URL an article was ingested from, or its
    IRI (agr:doc-...). Its statements go, and the facts and actors no other article supports; one
    transaction. A retracted story, or a file deleted from a watched folder."""
    from actorgraph.extract.records import Document
    from actorgraph.graph.rdf import document_iri
    from actorgraph.graph.store import StoreError
    from actorgraph.ontology.namespace import AGR_IRI

    wanted: dict[str, str] = {}
    for given in documents:
        iri = AGR_IRI + given[4:] if given.startswith("agr:") else given
        if not iri.startswith(AGR_IRI + "doc-"):
            iri = str(document_iri(Document(id="", text="", lang="", source=given)))
        wanted[iri] = given
    with _open_store(store_spec) as store:
        try:
            removed = store.remove_documents(list(wanted))
        except StoreError as err:
            raise UserError(str(err)) from None
    click.echo(f"{len(removed)} removed from {store_spec}")
    absent = [wanted[i] for i in wanted if i not in removed]
    if absent:
        raise UserError(f"not in the store: {', '.join(absent)}")


@main.command()
@click.argument("folders", nargs=-1, required=True, metavar="FOLDER...",
                type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--store", "store_spec", default="out/store", show_default=True, help=STORE_HELP)
@click.option("--lang", type=click.Choice(["auto", "ar", "en"]), default="auto", show_default=True)
@click.option("--model", default=None, metavar="NAME",
              help="English spaCy model whose NER adds unknown actors ('none': rules only, ~10x faster). "
                   "Default: $ACTORGRAPH_EN_MODEL, else en_core_web_sm when installed.")  # fmt: skip
@click.option("--once", is_flag=True, help="Ingest what is there now, then exit (for cron and scripts).")
@click.option("--quiet", "-q", is_flag=True, help="No line per document; errors and warnings still on stderr.")
@click.option("--settle", type=click.FloatRange(min=0), default=1.0, show_default=True, metavar="SECONDS",
              help="A file is read once its size and time have not changed for this long.")
@click.option("--poll", type=click.FloatRange(min=0.05), default=None, metavar="SECONDS",
              help="Look for changes every SECONDS instead of waiting for the kernel's notifications "
                   "(network shares: NFS, SMB).")  # fmt: skip
@_dictionary_option
@_date_option
@_upgrade_option
def watch(folders: tuple[Path, ...], store_spec: str, lang: str, model: str | None, once: bool, quiet: bool,
          settle: float, poll: float | None, upgrade: bool) -> None:  # fmt: skip
    """Ingest each article that lands in FOLDER... (.txt .md .html, JSONL lines) as it arrives.

    Unchanged files are skipped by content hash, so a restart changes nothing; a changed file replaces
    its document. Ctrl-C or SIGTERM stops after the document in hand. One line per document on stdout.
    """
    import threading

    from actorgraph.extract import ExtractionError
    from actorgraph.feed import Feed, FeedError, Listener, stop_on_signals
    from actorgraph.graph.curation import apply_curation, curation_path
    from actorgraph.graph.store import StoreError, open_store
    from actorgraph.parallel import warm_up

    language = None if lang == "auto" else lang
    stop = threading.Event()
    say = (lambda line: None) if quiet else click.echo
    with _open_store(store_spec, upgrade=upgrade) as store:  # first: a store in use is one line at once
        try:
            warm_up((language,) if language else ("ar", "en"), model)  # the pipelines, once for the whole feed
        except ExtractionError as err:
            raise UserError(str(err)) from None
        tell = Listener(
            outcome=lambda o: click.echo(o.line(), err=True) if o.status == "failed" else say(o.line()),
            warning=lambda message: click.echo(f"warning: {message}", err=True),
            note=say,
            after_change=lambda: apply_curation(feed.store, curation_path(store_spec)),
        )
        feed = Feed(folders, store, lang=language, model=model, settle=settle, stop=stop, listener=tell)
        if curation_path(store_spec) is not None:  # on disk: reopened now and then to let go of its logs
            feed.reopen = lambda: open_store(store_spec)
        if not once:
            say(f"watching {', '.join(map(str, folders))} (Ctrl-C to stop)")
        try:
            with stop_on_signals(stop, lambda: say("stopping after the current document")):
                feed.run_once() if once else feed.run(poll=poll)
        except (StoreError, FeedError, OSError, RuntimeError) as err:  # watchfiles' errors are RuntimeErrors
            raise UserError(" ".join(str(err).split())) from None
        finally:
            if feed.store is not store:  # reopened by the feed; the first one is closed by the with
                feed.store.close()
    n = feed.counts
    say(f"{n['added']} new, {n['replaced']} replaced, {n['unchanged']} unchanged, {n['failed']} failed")
    if once and n["failed"] and not (n["added"] or n["replaced"] or n["unchanged"]):
        raise UserError(f"no article could be read ({n['failed']} skipped)")


@main.command()
@click.argument("sparql", required=False)
@click.option("-f", "--file", "query_file", type=click.Path(dir_okay=False, path_type=Path),
              help="Read the query from FILE (e.g. queries/who_met_whom.rq).")
@click.option("--store", "store_spec", default="out/store", show_default=True, help=STORE_HELP)
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json", "turtle"]), default="table",
              show_default=True)
@click.option("--allow-update", is_flag=True, help="Allow SPARQL Update (INSERT, DELETE, DROP ...).")
@click.option("--allow-service", is_flag=True,
              help="Allow SERVICE (the store calls other SPARQL servers); refused on a local store otherwise.")
@click.option("--timeout", type=click.FloatRange(min=0), default=120, show_default=True, metavar="SECONDS",
              help="Stop the query after SECONDS (0: no limit). Ctrl-C stops it too.")
def query(sparql: str | None, query_file: Path | None, store_spec: str, fmt: str, allow_update: bool,
          allow_service: bool, timeout: float) -> None:  # fmt: skip
    """Run a SPARQL query over all documents (prefixes ag: agr: skos: prov: rdf: ... are predeclared)."""
    import os

    from actorgraph.deadline import Stopped, call_with_deadline
    from actorgraph.graph.guard import check_query_limits
    from actorgraph.graph.query import format_result
    from actorgraph.graph.remote import SparqlHttpStore
    from actorgraph.graph.store import OxigraphStore, StoreError, is_update

    sparql = _read_query(sparql, query_file)
    try:
        check_query_limits(sparql)
    except ValueError as err:
        raise UserError(str(err)) from None
    update = is_update(sparql)
    if update and not allow_update:
        raise UserError("this is a SPARQL Update; add --allow-update to change the store")
    with _open_store(store_spec, read_only=not update) as store:
        if isinstance(store, OxigraphStore):
            store.allow_service = allow_service
        elif isinstance(store, SparqlHttpStore) and timeout:
            store.timeout = timeout

        def run() -> str:
            if update:
                store.update(sparql)  # type: ignore[arg-type]
                return "update applied\n"
            return format_result(store.query(sparql), fmt)  # type: ignore[arg-type]

        try:
            output = call_with_deadline(run, timeout)
        except Stopped as err:  # the query may still run in Rust: end the process (a store is never half-written)
            click.echo(f"Error: {err}", err=True)
            os._exit(err.exit_code)
        except (StoreError, ValueError) as err:
            raise UserError(str(err)) from None
    _echo_output(output)


def _read_query(sparql: str | None, query_file: Path | None) -> str:
    """The query given, read from -f FILE, or from stdin for '-'; unreadable or not UTF-8: one line."""
    if (sparql is None) == (query_file is None):
        raise UserError("give a SPARQL query or -f FILE (one of them)")
    try:
        if query_file is not None:
            return query_file.read_bytes().decode("utf-8")
        if sparql == "-":
            return sys.stdin.buffer.read().decode("utf-8")
    except OSError as err:
        raise UserError(f"cannot read {query_file}: {err.strerror or err}") from None
    except UnicodeDecodeError as err:
        where = query_file or "standard input"
        raise UserError(f"{where} is not UTF-8 text (byte {err.start}): not a SPARQL query") from None
    assert sparql is not None
    return sparql


def _echo_output(text: str) -> None:
    """Print ``text`` to stdout; a failed write (a full disk) is a one-line error, not an OSError."""
    try:
        click.echo(text, nl=False)
        sys.stdout.flush()
    except OSError as err:
        _drop_stdout()
        raise UserError(f"cannot write the output: {err.strerror or err}") from None


def _check_output_path(path: Path) -> None:
    """An --out that is a device, folder, FIFO or socket is refused: the export is renamed over its path
    when complete, which would replace the node itself (/dev/full became a regular file)."""
    import stat

    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return  # a new path (or a dangling link, which the rename replaces)
    except OSError as err:
        raise UserError(f"cannot write {path}: {err.strerror or err}") from None
    if not stat.S_ISREG(mode):
        device = stat.S_ISCHR(mode) or stat.S_ISBLK(mode)
        kind = ("a folder" if stat.S_ISDIR(mode) else "a device" if device else "a FIFO" if stat.S_ISFIFO(mode)
                else "a socket" if stat.S_ISSOCK(mode) else "not a file")  # fmt: skip
        raise UserError(f"refusing to write {path}: it is {kind}, not a regular file")


def _umask_mode(path: str) -> None:
    """Give a file the permissions the user's umask gives new files (0666 less the umask)."""
    import os

    mask = os.umask(0)
    os.umask(mask)
    os.chmod(path, 0o666 & ~mask)


def _iso_date(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """--since/--until: an ISO date (2017-01-01), or a year-month or a year (their first or last day)."""
    import datetime as dt
    import re

    if value is None:
        return None
    m = re.fullmatch(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", value.strip())
    try:
        if not m:
            raise ValueError
        year, month, day = int(m.group(1)), int(m.group(2) or 0), int(m.group(3) or 0)
        if param.name == "until" and not day:  # the end of that month or year
            nxt = dt.date(year + (month == 12 or not month), (month % 12) + 1 if month else 1, 1)
            return (nxt - dt.timedelta(days=1)).isoformat()
        return dt.date(year, month or 1, day or 1).isoformat()
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date (YYYY-MM-DD, YYYY-MM or YYYY)") from None


def _period_options(f):  # type: ignore[no-untyped-def]
    """--since and --until: keep the events dated within them (both inclusive)."""
    f = click.option("--until", callback=_iso_date, metavar="DATE",
                     help="Only events dated on or before DATE (YYYY-MM-DD, YYYY-MM or YYYY).")(f)
    return click.option("--since", callback=_iso_date, metavar="DATE",
                        help="Only events dated on or after DATE (YYYY-MM-DD, YYYY-MM or YYYY).")(f)


@main.command()
@click.option("--store", "store_spec", default="out/store", show_default=True, help=STORE_HELP)
@click.option("--format", "fmt", type=click.Choice(["ttl", "trig", "nq", "jsonld", "graphml", "plover", "csv",
                                                   "parquet"]),
              default="trig", show_default=True,
              help="plover: one JSON event a line; csv, parquet: one row per event (parquet needs pyarrow).")
@click.option("--out", "out_file", type=click.Path(path_type=Path), help="A file (default: stdout).")
@_period_options
def export(store_spec: str, fmt: str, out_file: Path | None, since: str | None, until: str | None) -> None:
    """Export the whole graph (RDF, GraphML for network tools, or PLOVER events, also as CSV or Parquet)."""
    import os
    import tempfile

    from actorgraph.graph.export import DATED_FORMATS, export_to
    from actorgraph.graph.store import StoreError
    from actorgraph.graph.tables import MissingDependency

    if (since or until) and fmt not in DATED_FORMATS:
        raise UserError(f"--since/--until apply to the event formats ({', '.join(DATED_FORMATS)}), not {fmt}")
    if fmt == "parquet" and out_file is None:
        raise UserError("--format parquet is written to a file: add --out FILE")
    if out_file is not None:
        _check_output_path(out_file)
    with _open_store(store_spec, read_only=True) as store:
        if out_file is None:
            try:
                export_to(store, fmt, sys.stdout.buffer, since=since, until=until)
            except StoreError as err:
                raise UserError(str(err)) from None
            return
        # Written beside the target and renamed when complete: a failed export leaves no half file, and an
        # earlier export at that path stays whole.
        try:
            fd, partial = tempfile.mkstemp(prefix=f".{out_file.name}.", dir=out_file.parent)
        except OSError as err:
            raise UserError(f"cannot write {out_file}: {err.strerror or err}") from None
        try:
            with os.fdopen(fd, "wb") as out:
                export_to(store, fmt, out, since=since, until=until)
                size = out.tell()
            _umask_mode(partial)  # mkstemp makes it -rw-------: give it what a new file of the user gets
            _check_output_path(out_file)  # again: it may have changed during the export
            os.replace(partial, out_file)
        except (MissingDependency, UserError) as err:
            Path(partial).unlink(missing_ok=True)
            raise UserError(str(err)) from None
        except (StoreError, OSError) as err:
            Path(partial).unlink(missing_ok=True)
            reason = str(err) if isinstance(err, StoreError) else f"cannot write {out_file}: {err.strerror or err}"
            raise UserError(reason) from None
    click.echo(f"wrote {out_file} ({size} bytes)", err=True)


@main.command()
@click.option("--store", "store_spec", default="out/store", show_default=True, help=STORE_HELP)
@_period_options
@click.option("--quads", is_flag=True, help="Also count every quad in the store.")
def stats(store_spec: str, since: str | None, until: str | None, quads: bool) -> None:
    """Documents, sentences, actors by type, triples by relation and statements by modality (--quads: and the
    quads in the store, which takes a few seconds on a big store)."""
    from actorgraph.corpus import stats as run

    with _open_store(store_spec, read_only=True) as store:
        if since or until:
            from actorgraph.graph.period import period_stats

            click.echo("\n".join(period_stats(store, since, until)))
            return
        click.echo("\n".join(run(store, quads=quads).lines()))


@main.command()
@click.argument("search", required=False, default="")
@click.option("--store", "store_spec", default="out/store", show_default=True, help=STORE_HELP)
@click.option("--all", "all_entities", is_flag=True, help="Also documents, events, positions and places.")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table", show_default=True,
              help="csv: one row per actor for pandas or a spreadsheet (alternative labels joined by |).")
def actors(search: str, store_spec: str, all_entities: bool, fmt: str) -> None:
    """List actors with their labels and codes; SEARCH matches any label in either language."""
    import dataclasses
    import json

    from actorgraph.graph.query import list_actors, short, table

    with _open_store(store_spec, read_only=True) as store:
        rows = list_actors(store, search, all_entities=all_entities)
    if fmt == "json":
        click.echo(json.dumps([dataclasses.asdict(r) for r in rows], ensure_ascii=False, indent=1))
        return
    if fmt == "csv":
        from actorgraph.graph.tables import ACTOR_COLUMNS, actor_rows, write_csv

        write_csv(actor_rows(rows), ACTOR_COLUMNS, sys.stdout.buffer)
        return
    header = ["actor", "type", "english", "arabic", "country", "cameo", "statements"]
    body = [[short(_uri(r.iri)), r.type, r.label_en, r.label_ar, r.country, r.cameo, str(r.statements)]
            for r in rows]
    click.echo(table(header, body), nl=False)


def _uri(iri: str):  # type: ignore[no-untyped-def]
    from rdflib import URIRef

    return URIRef(iri)


@main.command()
@click.argument("subject")
@click.argument("relation")
@click.argument("obj", metavar="OBJECT")
@click.option("--store", "store_spec", default="out/store", show_default=True, help=STORE_HELP)
def explain(subject: str, relation: str, obj: str, store_spec: str) -> None:
    """Print the sentences behind SUBJECT RELATION OBJECT (labels in English or Arabic, or IRIs)."""
    from actorgraph.graph.query import NotFound
    from actorgraph.graph.query import explain as run

    with _open_store(store_spec, read_only=True) as store:
        try:
            evidence = run(store, subject, relation, obj)
        except NotFound as err:
            raise UserError(str(err)) from None
    if not evidence:
        raise UserError(f"no statement says {subject} {relation} {obj}")
    for ev in evidence:
        where = ev.location or ev.document
        click.echo(f"{ev.subject} {ev.relation} {ev.object}  [{ev.modality}, {ev.language}, "
                   f"confidence {ev.confidence:g}, rule {ev.rule}]")
        click.echo(f"  {where}, sentence {ev.sentence_index}" + (f", {ev.date}" if ev.date else ""))
        click.echo(f"  {ev.sentence}")


@main.command()
@click.argument("actor")
@click.option("--store", "store_spec", default="out/store", show_default=True, help=STORE_HELP)
@click.option("--depth", default=2, show_default=True, type=click.IntRange(min=1), help="Links from ACTOR.")
@click.option("--format", "fmt", type=click.Choice(["table", "tsv", "json"]), default="table", show_default=True)
@click.option("--limit", type=click.IntRange(min=0), default=50, show_default=True,
              help="At each hop keep the actors with the most facts linking them to the hop before (0: all).")
@_period_options
def ego(actor: str, store_spec: str, depth: int, fmt: str, limit: int, since: str | None, until: str | None) -> None:
    """The actors within --depth links of ACTOR and the asserted links between them (label or IRI); the
    strongest --limit at each hop, and how many there are in all."""
    import dataclasses
    import json

    from actorgraph.graph.period import period_ego
    from actorgraph.graph.query import NotFound, ego_network, find_actor_iri, short, table

    with _open_store(store_spec, read_only=True) as store:
        try:
            iri = find_actor_iri(store, actor)
            found = (period_ego(store, iri, depth, since, until) if since or until
                     else ego_network(store, iri, depth, limit=limit))  # fmt: skip
        except NotFound as err:
            raise UserError(str(err)) from None
    name = {iri: found.labels.get(iri) or short(_uri(iri)) for iri in found.distance}
    links = sorted(found.edges, key=lambda e: (min(found.distance[e[0]], found.distance[e[2]]), name[e[0]], e[1],
                                               name[e[2]]))  # fmt: skip
    if fmt == "json":
        click.echo(json.dumps(dataclasses.asdict(found), ensure_ascii=False, indent=1))
        return
    if fmt == "tsv":
        click.echo("subject\trelation\tobject\tsubject_label\tobject_label")
        for s, rel, o in links:
            click.echo(f"{s}\t{rel}\t{o}\t{name[s]}\t{name[o]}")
        return
    kept, plural = len(found.distance) - 1, "s" if depth > 1 else ""
    if found.within > kept:
        click.echo(f"{name[found.actor]}: {found.within} actors within {depth} link{plural}; {kept} shown, at each "
                   f"hop the {found.limit} with the most facts linking them to the hop before (--limit 0: all); "
                   f"{len(links)} links bring them in")  # fmt: skip
    else:
        click.echo(f"{name[found.actor]}: {kept} actors within {depth} link{plural}, {len(links)} links")
    body = [[name[s], rel, name[o], str(min(found.distance[s], found.distance[o]) + 1)] for s, rel, o in links]
    click.echo(table(["subject", "relation", "object", "hop"], body), nl=False)


@main.command()
@click.option("--store", "store_spec", default="out/store", show_default=True, help=STORE_HELP)
def reindex(store_spec: str) -> None:
    """Rebuild the graph of facts from the documents' asserted statements (after a change by hand)."""
    from actorgraph.graph.index import FACTS_GRAPH, rebuild_update
    from actorgraph.graph.store import StoreError

    with _open_store(store_spec) as store:
        try:
            store.update(rebuild_update())
            rows = store.select_values(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH {FACTS_GRAPH.n3()} {{ ?s ?p ?o }} }}")
        except StoreError as err:
            raise UserError(str(err)) from None
    click.echo(f"graph of facts rebuilt: {rows[0][0] if rows else 0} facts")


@main.command()
@click.option("--store", "store_spec", default="out/store", show_default=True, help=STORE_HELP)
def migrate(store_spec: str) -> None:
    """Move a store written in an older layout to the current one. A layout-1 store (entities repeated in every
    document) on disk is rebuilt beside itself with the bulk loader and swapped in (the old one is kept as
    DIR.layout1); a layout-2 store gets its documents' statement counts in place; a server's store is moved in
    one SPARQL Update request. A store in the current layout is left as it is."""
    from actorgraph.graph.layout import migrate as migrate_store
    from actorgraph.graph.layout import migrate_directory
    from actorgraph.graph.store import StoreError

    folder = Path(store_spec)
    kept = ""
    if (folder / "CURRENT").exists():  # on disk: rebuilt beside it by the bulk loader, then swapped in
        try:
            entities, before, after = migrate_directory(folder)
        except (StoreError, OSError) as err:
            raise UserError(str(err)) from None
        if entities:
            kept = f"; the old store is kept in {folder.name}.layout1 (remove it when satisfied)"
    else:  # in memory or on a server: one SPARQL Update request
        with _open_store(store_spec, layout=False) as store:
            try:
                before = store.count()
                entities = migrate_store(store)
                after = store.count()
            except StoreError as err:
                raise UserError(str(err)) from None
    if entities:
        click.echo(f"store {store_spec} migrated: {entities} entities described once; {before} -> {after} quads"
                   + kept)  # fmt: skip
    elif after != before:  # layout 2: each document's statement count added in place
        click.echo(f"store {store_spec} migrated: statement counts added; {before} -> {after} quads")
    else:
        click.echo(f"store {store_spec} is in the current layout already")


# --- curation: fixes to actors kept as data -------------------------------------------------------


@main.group()
def curate() -> None:
    """Fix actors by hand: merge, rename, alias, split. Each fix is kept in curation.ttl beside the store
    (out/curation.ttl for out/store), applied now and again at every build and ingest."""


def _curate(store_spec: str, curation_file: Path | None, make_fix):  # type: ignore[no-untyped-def]
    """Open the store, let ``make_fix(store, find)`` build the fix, save it and apply it."""
    from actorgraph.graph.curation import CurationError, add_fix, apply_fixes, curation_path
    from actorgraph.graph.query import NotFound, find_actor_iri

    path = curation_file or curation_path(store_spec)
    if path is None:
        raise UserError("a store in memory or on a server keeps no folder: give the curation file with --file")
    with _open_store(store_spec) as store:
        try:
            fix = make_fix(store, lambda name: find_actor_iri(store, name))
            add_fix(path, fix)
            apply_fixes(store, [fix])
        except (NotFound, CurationError) as err:
            raise UserError(str(err)) from None
    click.echo(f"{fix.describe()}; kept in {path}")


def _curate_options(f):  # type: ignore[no-untyped-def]
    f = click.option("--file", "curation_file", type=click.Path(dir_okay=False, path_type=Path),
                     help="The curation file (default: curation.ttl beside the store).")(f)
    return click.option("--store", "store_spec", default="out/store", show_default=True, help=STORE_HELP)(f)


@curate.command("merge")
@click.argument("keep")
@click.argument("drop")
@_curate_options
def curate_merge(keep: str, drop: str, store_spec: str, curation_file: Path | None) -> None:
    """DROP is the same actor as KEEP (labels or IRIs): its statements and names go to KEEP."""
    from actorgraph.graph.curation import Fix

    def make(store, find):  # type: ignore[no-untyped-def]
        kept, dropped = find(keep), find(drop)
        if kept == dropped:
            raise UserError(f"{keep!r} and {drop!r} are already one actor ({kept})")
        return Fix("merge", kept, dropped)

    _curate(store_spec, curation_file, make)


@curate.command("rename")
@click.argument("actor")
@click.argument("label")
@_curate_options
def curate_rename(actor: str, label: str, store_spec: str, curation_file: Path | None) -> None:
    """Give ACTOR the preferred LABEL (in its script's language); the old label stays an alternative."""
    from actorgraph.graph.curation import Fix, name_lang

    _curate(store_spec, curation_file, lambda store, find: Fix("rename", find(actor), label, name_lang(label)))


@curate.command("alias")
@click.argument("actor")
@click.argument("name")
@_curate_options
def curate_alias(actor: str, name: str, store_spec: str, curation_file: Path | None) -> None:
    """Add NAME as another name of ACTOR (found by it in the next articles)."""
    from actorgraph.graph.curation import Fix, name_lang

    _curate(store_spec, curation_file, lambda store, find: Fix("alias", find(actor), name, name_lang(name)))


@curate.command("split")
@click.argument("actor")
@click.argument("name")
@_curate_options
def curate_split(actor: str, name: str, store_spec: str, curation_file: Path | None) -> None:
    """The articles that name ACTOR as NAME are about another actor: they get one of their own."""
    from actorgraph.graph.curation import Fix, name_lang, names_of

    def make(store, find):  # type: ignore[no-untyped-def]
        iri = find(actor)
        names = names_of(store, iri)
        if name not in names:
            raise UserError(f"{actor!r} is never named {name!r} (its names: {', '.join(sorted(names))})")
        return Fix("split", iri, name, name_lang(name))

    _curate(store_spec, curation_file, make)


@curate.command("list")
@_curate_options
def curate_list(store_spec: str, curation_file: Path | None) -> None:
    """The fixes kept for the store, in the order they are applied."""
    from actorgraph.graph.curation import CurationError, curation_path, read_fixes

    path = curation_file or curation_path(store_spec)
    try:
        fixes = read_fixes(path)
    except CurationError as err:
        raise UserError(str(err)) from None
    for i, fix in enumerate(fixes, 1):
        click.echo(f"{i}. {fix.describe()}")
    if not fixes:
        click.echo(f"no fixes in {path}")


# --- exploring the graph: analyze, render --------------------------------------------------------


def _actor_network(store_spec: str, ego: str | None, depth: int, modalities: tuple[str, ...] | None,  # type: ignore[no-untyped-def]
                   since: str | None = None, until: str | None = None):
    """The store's networkx projection, filtered by modality and cut to ``ego``'s network, the ego's node, and
    how many actors (``network.actor_nodes``) the cut holds before the modality filter.

    An ego that names one entity is cut in the store, so only its neighbourhood is read (a large store is
    not projected whole for a few actors). A name several entities match, or one in no statement, is
    matched among the actors of the whole projection, whose error says which."""
    from actorgraph.graph.network import (
        ActorNotFound,
        actor_nodes,
        ego_network,
        filter_modality,
        find_actor,
        store_network,
    )
    from actorgraph.graph.query import find_entities
    from actorgraph.graph.store import StoreError

    center: str | None = ego
    with _open_store(store_spec, read_only=True) as store:
        try:
            found = find_entities(store, ego) if ego is not None else []
            G = store_network(store, around=found[0], radius=depth, modalities=modalities) if len(found) == 1 else None
            if G is not None and found[0] in G:
                center = found[0]
            else:
                G = store_network(store)
        except StoreError as err:
            raise UserError(str(err)) from None
    if since or until:  # only the statements dated in the period (graph.period)
        from actorgraph.graph.network import filter_dates

        G = filter_dates(G, since, until)
    unfiltered = G
    if modalities:
        G = filter_modality(G, modalities)
    if center is not None:
        try:
            center = find_actor(G, center)
            G = ego_network(G, center, radius=depth)
        except ActorNotFound as err:
            raise UserError(str(err)) from None
        unfiltered = ego_network(unfiltered, center, radius=depth)
    return G, center, len(actor_nodes(unfiltered))


@main.command()
@click.option("--store", "store_spec", default="out/store", show_default=True, help=STORE_HELP)
@click.option("--top", default=10, show_default=True, type=click.IntRange(min=1), help="Rows per table.")
@click.option("--ego", metavar="ACTOR", help="Only ACTOR and its neighbours (English/Arabic label or IRI).")
@click.option("--depth", default=1, show_default=True, type=click.IntRange(min=1), help="Links from --ego.")
@click.option("--modality", "modalities", multiple=True, default=("asserted",), show_default=True,
              type=click.Choice(["asserted", "negated", "hedged", "future"]),
              help="Statements to count (repeat the option for several).")
@_period_options
def analyze(store_spec: str, top: int, ego: str | None, depth: int, modalities: tuple[str, ...], since: str | None,
            until: str | None) -> None:
    """Centrality, communities and the cooperation/conflict balance of each pair of actors."""
    from actorgraph.graph.network import analyze as run

    G, _, actors = _actor_network(store_spec, ego, depth, modalities, since, until)
    click.echo("\n".join(run(G, top=top, actors=actors).lines()))


@main.command()
@click.option("--store", "store_spec", default="out/store", show_default=True, help=STORE_HELP)
@click.option("--out", "out_file", type=click.Path(dir_okay=False, path_type=Path),
              default=Path("out/graph.html"), show_default=True, help="The HTML file to write.")
@click.option("--ego", metavar="ACTOR", help="Only ACTOR and the actors within --depth links of it.")
@click.option("--depth", default=1, show_default=True, type=click.IntRange(min=1), help="Links from --ego.")
@click.option("--max-nodes", type=click.IntRange(min=1), help="Keep only the N best-connected actors.")
@_period_options
def render(store_spec: str, out_file: Path, ego: str | None, depth: int, max_nodes: int | None, since: str | None,
           until: str | None) -> None:
    """Write the actor network as one self-contained HTML page (works offline)."""
    from actorgraph.graph.network import ActorNotFound
    from actorgraph.graph.render import render_html

    graph, center, _ = _actor_network(store_spec, ego, depth, None, since, until)
    try:
        path = render_html(graph, out_file, ego=center, depth=depth, max_nodes=max_nodes)
    except ActorNotFound as err:
        raise UserError(str(err)) from None
    except OSError as err:
        raise UserError(f"cannot write {out_file}: {err.strerror or err}") from None
    click.echo(f"wrote {path}")


@main.command()
@click.argument("gold", type=click.Path(exists=True, path_type=Path), required=False)
@click.option("--events", "events_file", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Score PLOVER-style event records (JSON list or lines: text, event, source, target codes).")
@click.option("--pattern", default="*", show_default=True, help="Only gold documents whose name matches.")
@_dictionary_option
@click.option("--model", default=None, help="English spaCy package for NER; 'none' for the rule path.")
@click.option("-v", "--verbose", is_flag=True, help="List every missed and extra triple.")
def evaluate(gold: Path | None, events_file: Path | None, pattern: str, model: str | None, verbose: bool) -> None:
    """Score extraction on your own annotations: a GOLD folder of NAME.triples.tsv, or --events FILE."""
    from actorgraph.evaluate import EvaluationError, iter_lines, read_event_records, score_events, score_triples
    from actorgraph.extract import ExtractionError

    if (gold is None) == (events_file is None):
        raise UserError("give either a GOLD folder of triples or --events FILE")
    try:
        if events_file is not None:
            score = score_events(read_event_records(events_file), model=model)
            for gold_type, predicted in sorted(score.confusion.items()):
                click.echo(f"  {gold_type:10s} {dict(predicted.most_common())}")
            click.echo(score.line())
            return
        assert gold is not None
        scores = score_triples(gold, pattern, model=model)
    except (EvaluationError, ExtractionError) as err:
        raise UserError(str(err)) from None
    if verbose:
        for s in scores.values():
            for row in [*s.misses, *s.extras]:
                click.echo(row)
    for line in iter_lines(scores):
        click.echo(line)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
