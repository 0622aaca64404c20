#!/usr/bin/env python3
# Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.
"""Checks that the blank templates are packages office suites open without a repair prompt.

A developer tool, not part of CI: it needs third-party readers that the plugin build does not.
Run it after changing make_templates.py:

    python3 -m venv /tmp/tplvenv
    /tmp/tplvenv/bin/pip install python-docx openpyxl python-pptx odfpy openxml-audit
    /tmp/tplvenv/bin/python assets/templates/validate_templates.py [--require-all]

Three layers, each catching what the one before cannot:
1. Package rules, stdlib only: zip integrity, every XML part well-formed; for ODF the
   `mimetype` entry first, stored and without extra field (how suites sniff the format), and a
   manifest that matches the zip; for OOXML a content type for every part and every
   relationship target present.
2. Independent readers: python-docx, openpyxl, python-pptx and odfpy parse the documents
   the way a real consumer does (a part they cannot find or parse raises).
3. LibreOffice, when `soffice` is on PATH: the engine Collabora Online runs. Each template is
   converted to PDF, and each ODF template to its OOXML counterpart and back, and each OOXML
   template to ODF, so both import filters and both export filters see the files.
4. Schemas, when the `openxml-audit` package is installed (`pip install openxml-audit`): the
   OOXML parts against the ECMA-376 schemas and Office's part rules (the closest stand-in here
   for Microsoft Office itself, which cannot run on this platform), the ODF parts against the
   OASIS ODF 1.3 Relax NG schema. Errors fail; warnings are printed (LibreOffice's own files
   draw the same "no default-style for family 'table'" warning, so warnings are not failures).

A layer whose tool is missing is reported as skipped; with --require-all a skip is a failure.
Exit status: 0 when nothing failed.
"""

import json
import posixpath
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path
from xml.etree import ElementTree as ET

HERE = Path(__file__).resolve().parent
ODF_MIMES = {
    ".odt": "application/vnd.oasis.opendocument.text",
    ".ods": "application/vnd.oasis.opendocument.spreadsheet",
    ".odp": "application/vnd.oasis.opendocument.presentation",
}
OOXML_MAIN = {
    ".docx": ("word/document.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"),
    ".xlsx": ("xl/workbook.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"),
    ".pptx": ("ppt/presentation.xml", "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"),
}
# The OOXML format LibreOffice should write for each ODF template, and its filter name.
ODF_TO_OOXML = {".odt": ("docx", "MS Word 2007 XML"), ".ods": ("xlsx", "Calc MS Excel 2007 XML"),
                ".odp": ("pptx", "Impress MS PowerPoint 2007 XML")}
OOXML_TO_ODF = {".docx": "odt", ".xlsx": "ods", ".pptx": "odp"}
MANIFEST_NS = "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"
CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
RELS_NS = "http://schemas.openxmlformats.org/package/2006/relationships"


class Report:
    def __init__(self) -> None:
        self.failed = 0
        self.skipped = 0
        self.passed = 0

    def ok(self, name: str, what: str) -> None:
        self.passed += 1
        print(f"  ok    {name}: {what}")

    def fail(self, name: str, what: str) -> None:
        self.failed += 1
        print(f"  FAIL  {name}: {what}")

    def skip(self, name: str, what: str) -> None:
        self.skipped += 1
        print(f"  skip  {name}: {what}")

    def check(self, name: str, what: str, fn) -> object:
        """Runs fn; an exception or a returned error string is a failure."""
        try:
            result = fn()
        except Exception as e:  # noqa: BLE001 - any reader error means the file is bad
            self.fail(name, f"{what}: {type(e).__name__}: {e}")
            return None
        if isinstance(result, str):
            self.fail(name, f"{what}: {result}")
            return None
        self.ok(name, what)
        return result


# --- layer 1: package rules ------------------------------------------------------------------


def check_zip_and_xml(path: Path) -> str | None:
    with zipfile.ZipFile(path) as z:
        names = z.namelist()
        if len(names) != len(set(names)):
            return "duplicate zip entries"
        bad = z.testzip()
        if bad:
            return f"CRC error in {bad}"
        for n in names:
            if n.endswith((".xml", ".rels")):
                try:
                    ET.fromstring(z.read(n))
                except ET.ParseError as e:
                    return f"{n} is not well-formed: {e}"
    return None


def check_odf_package(path: Path) -> str | None:
    mime = ODF_MIMES[path.suffix]
    with zipfile.ZipFile(path) as z:
        infos = z.infolist()
        first = infos[0]
        if first.filename != "mimetype":
            return f"first entry is {first.filename!r}, not 'mimetype'"
        if first.compress_type != zipfile.ZIP_STORED:
            return "mimetype is compressed"
        if first.extra:
            return "mimetype has a zip extra field"
        if z.read("mimetype").decode("ascii") != mime:
            return f"mimetype is {z.read('mimetype')!r}, expected {mime}"
        names = {i.filename for i in infos}
        for required in ("META-INF/manifest.xml", "content.xml", "styles.xml", "meta.xml"):
            if required not in names:
                return f"{required} missing"
        manifest = ET.fromstring(z.read("META-INF/manifest.xml"))
        listed = {}
        for e in manifest.iter(f"{{{MANIFEST_NS}}}file-entry"):
            listed[e.get(f"{{{MANIFEST_NS}}}full-path")] = e.get(f"{{{MANIFEST_NS}}}media-type")
        if listed.get("/") != mime:
            return f"manifest root media type is {listed.get('/')!r}"
        # The manifest lists every file but itself and mimetype, and nothing that is absent.
        files = {n for n in names if not n.endswith("/")} - {"mimetype", "META-INF/manifest.xml"}
        unlisted = files - set(listed)
        missing = {p for p in listed if p != "/" and not p.endswith("/")} - names
        if unlisted:
            return f"not in manifest: {sorted(unlisted)}"
        if missing:
            return f"manifest lists absent files: {sorted(missing)}"
    # Format sniffers (file(1), libmagic, Collabora's own) read the mime type at offset 38.
    head = path.read_bytes()[:38 + len(mime)]
    if head[30:38] != b"mimetype" or head[38:] != mime.encode():
        return "mime type not at offset 38"
    return None


def check_ooxml_package(path: Path) -> str | None:
    main_part, main_type = OOXML_MAIN[path.suffix]
    with zipfile.ZipFile(path) as z:
        names = {n for n in z.namelist() if not n.endswith("/")}
        if "[Content_Types].xml" not in names:
            return "[Content_Types].xml missing"
        ct = ET.fromstring(z.read("[Content_Types].xml"))
        defaults = {e.get("Extension").lower(): e.get("ContentType") for e in ct.iter(f"{{{CT_NS}}}Default")}
        overrides = {e.get("PartName"): e.get("ContentType") for e in ct.iter(f"{{{CT_NS}}}Override")}
        for part in overrides:
            if part.lstrip("/") not in names:
                return f"content type override for absent part {part}"
        for n in names - {"[Content_Types].xml"}:
            if "/" + n not in overrides and n.rsplit(".", 1)[-1].lower() not in defaults:
                return f"no content type for {n}"
            # The xml Default (application/xml) fits only custom XML data; an Office part that
            # falls back to it is not recognised as what its relationship says it is.
            if n.endswith(".xml") and "/" + n not in overrides and not n.startswith("customXml/"):
                return f"{n} has no content type override"
        if overrides.get("/" + main_part) != main_type:
            return f"{main_part} has content type {overrides.get('/' + main_part)!r}"
        # Every internal relationship must point at a part that exists; a dangling one is what
        # makes Office offer to repair a file.
        reached = set()
        for rels in (n for n in names if n.endswith(".rels")):
            source_dir = posixpath.dirname(posixpath.dirname(rels))  # word/_rels/x.rels -> word
            for r in ET.fromstring(z.read(rels)).iter(f"{{{RELS_NS}}}Relationship"):
                if r.get("TargetMode") == "External":
                    continue
                target = posixpath.normpath(posixpath.join(source_dir, r.get("Target"))).lstrip("/")
                if target not in names:
                    return f"{rels} {r.get('Id')} points at absent {target}"
                reached.add(target)
        orphans = {n for n in names if not n.endswith(".rels")} - reached - {"[Content_Types].xml"}
        if orphans:
            return f"parts no relationship reaches: {sorted(orphans)}"
        if main_part not in reached:
            return f"{main_part} not reached from _rels/.rels"
    return None


# --- layer 2: independent readers ------------------------------------------------------------


def read_docx(path: Path) -> str | None:
    import docx  # python-docx
    d = docx.Document(str(path))
    if len(d.paragraphs) != 1 or d.paragraphs[0].text:
        return f"expected one empty paragraph, got {len(d.paragraphs)}"
    sec = d.sections[0]
    if (sec.page_width, sec.page_height) != (docx.shared.Twips(11906), docx.shared.Twips(16838)):
        return "page is not A4"
    d.styles["Normal"]  # raises KeyError when the default paragraph style is missing
    d.core_properties.title  # parses docProps/core.xml
    return None


def read_xlsx(path: Path) -> str | None:
    import openpyxl
    wb = openpyxl.load_workbook(str(path))
    if wb.sheetnames != ["Sheet1"]:
        return f"sheets are {wb.sheetnames}"
    ws = wb.active
    if ws.max_row != 1 or ws.max_column != 1 or ws["A1"].value is not None:
        return "sheet is not empty"
    return None


def read_pptx(path: Path) -> str | None:
    import pptx
    p = pptx.Presentation(str(path))
    if len(p.slides) != 1:
        return f"{len(p.slides)} slides, expected 1"
    if (p.slide_width, p.slide_height) != (12192000, 6858000):
        return "slides are not 16:9"
    slide = p.slides[0]
    if any(sh.has_text_frame and sh.text_frame.text for sh in slide.shapes):
        return "the slide has text"
    if not slide.shapes.title or slide.slide_layout.name != "Title Slide":
        return "the slide has no title placeholder from the Title Slide layout"
    return None


def read_odf(path: Path) -> str | None:
    from odf import opendocument, table, draw, text
    d = opendocument.load(str(path))
    if d.mimetype != ODF_MIMES[path.suffix]:
        return f"odfpy sees mime type {d.mimetype}"
    if path.suffix == ".odt" and len(d.text.getElementsByType(text.P)) != 1:
        return "expected one paragraph"
    if path.suffix == ".ods" and len(d.spreadsheet.getElementsByType(table.Table)) != 1:
        return "expected one sheet"
    if path.suffix == ".odp":
        pages = d.presentation.getElementsByType(draw.Page)
        if len(pages) != 1:
            return "expected one slide"
        # The title slide's placeholders, which Impress keeps only when it recognised them.
        classes = {f.getAttribute("class") for f in pages[0].getElementsByType(draw.Frame)}
        if not {"title", "subtitle"} <= classes:
            return f"the slide lacks title and subtitle placeholders (has {sorted(c for c in classes if c)})"
    if not d.masterstyles.childNodes:
        return "no master page"
    return None


def load_ooxml(path: Path) -> str | None:
    """Loads an OOXML file without expecting template content (for files LibreOffice wrote)."""
    if path.suffix == ".docx":
        import docx
        docx.Document(str(path))
    elif path.suffix == ".xlsx":
        import openpyxl
        openpyxl.load_workbook(str(path))
    else:
        import pptx
        if len(pptx.Presentation(str(path)).slides) != 1:
            return "expected one slide"
    return None


READERS = {".docx": ("python-docx", read_docx), ".xlsx": ("openpyxl", read_xlsx), ".pptx": ("python-pptx", read_pptx),
           ".odt": ("odfpy", read_odf), ".ods": ("odfpy", read_odf), ".odp": ("odfpy", read_odf)}
MODULE_OF = {"python-docx": "docx", "openpyxl": "openpyxl", "python-pptx": "pptx", "odfpy": "odf"}


def have_module(name: str) -> bool:
    try:
        __import__(name)
    except ImportError:
        return False
    return True


# --- layer 3: LibreOffice --------------------------------------------------------------------


class Soffice:
    def __init__(self, binary: str, work: Path) -> None:
        self.binary = binary
        self.work = work
        # A private profile: a developer's running LibreOffice would otherwise take the job
        # (and its exit status) or lock the profile.
        self.profile = (work / "profile").as_uri()

    def convert(self, src: Path, to: str, outdir: Path) -> Path:
        outdir.mkdir(parents=True, exist_ok=True)
        proc = subprocess.run(
            [self.binary, f"-env:UserInstallation={self.profile}", "--headless", "--norestore",
             "--convert-to", to, "--outdir", str(outdir), str(src)],
            capture_output=True, text=True, timeout=180)
        out = outdir / (src.stem + "." + to.split(":", 1)[0])
        # soffice exits 0 even when it cannot load the source; the output file is the evidence.
        if proc.returncode != 0 or not out.exists() or out.stat().st_size == 0 or "Error" in proc.stderr:
            raise RuntimeError(f"soffice exit {proc.returncode}: {(proc.stdout + proc.stderr).strip()[-300:]}")
        return out


# --- layer 4: schemas -----------------------------------------------------------------------


def audit(path: Path, fmt: list[str]) -> str | None:
    proc = subprocess.run([sys.executable, "-m", "openxml_audit", "--policy", "strict", "-m", "0", "-o", "json", *fmt,
                           str(path)], capture_output=True, text=True, timeout=180)
    try:
        result = json.loads(proc.stdout)[0]
    except (ValueError, IndexError):
        return f"exit {proc.returncode}: {(proc.stdout + proc.stderr).strip()[-300:]}"
    for finding in result["errors"]:
        if finding["severity"] == "warning":
            print(f"        warning ({path.name}): {finding['part_uri']}: {finding['description']}")
    errors = [e for e in result["errors"] if e["severity"] != "warning"]
    if errors or not result["valid"]:
        return "; ".join(f"{e['part_uri']}: {e['description']}" for e in errors) or result["verdict"]["headline"]
    return None


def pdf_pages(pdf: Path) -> str | None:
    data = pdf.read_bytes()
    if not data.startswith(b"%PDF-"):
        return "not a PDF"
    if b"/Type /Page" not in data and b"/Type/Page" not in data:
        return "PDF has no page"
    return None


def main() -> int:
    require_all = "--require-all" in sys.argv[1:]
    files = sorted(p for p in HERE.glob("blank.*") if p.suffix in ODF_MIMES or p.suffix in OOXML_MAIN)
    if len(files) != 6:
        print(f"expected 6 templates in {HERE}, found {[f.name for f in files]}; run make_templates.py", file=sys.stderr)
        return 1
    r = Report()

    print("1. package rules")
    for f in files:
        r.check(f.name, "zip intact, XML well-formed", lambda f=f: check_zip_and_xml(f))
        if f.suffix in ODF_MIMES:
            r.check(f.name, "ODF: mimetype first/stored/at offset 38, manifest matches zip", lambda f=f: check_odf_package(f))
        else:
            r.check(f.name, "OOXML: content types and relationships complete", lambda f=f: check_ooxml_package(f))

    print("2. independent readers")
    for f in files:
        lib, reader = READERS[f.suffix]
        if not have_module(MODULE_OF[lib]):
            r.skip(f.name, f"{lib} not installed")
            continue
        r.check(f.name, f"loads with {lib}", lambda reader=reader, f=f: reader(f))

    print("3. LibreOffice")
    binary = shutil.which("soffice") or shutil.which("libreoffice")
    if not binary:
        for f in files:
            r.skip(f.name, "soffice not on PATH")
    else:
        version = subprocess.run([binary, "--version"], capture_output=True, text=True).stdout.strip()
        print(f"  using {version}")
        with tempfile.TemporaryDirectory(prefix="tplcheck-") as tmp:
            so = Soffice(binary, Path(tmp))
            for f in files:
                # One output folder per file: blank.odt and blank.docx would both become blank.pdf.
                base = Path(tmp) / f.name.replace(".", "_")
                pdf = r.check(f.name, "converts to PDF", lambda f=f, base=base: so.convert(f, "pdf", base / "pdf"))
                if pdf:
                    r.check(f.name, "PDF has a page", lambda pdf=pdf: pdf_pages(pdf))
                if f.suffix in ODF_TO_OOXML:
                    ext, flt = ODF_TO_OOXML[f.suffix]
                    there = r.check(f.name, f"converts to {ext}",
                                    lambda f=f, base=base, ext=ext, flt=flt: so.convert(f, f"{ext}:{flt}", base / "there"))
                    if there:
                        lib, reader = READERS["." + ext]
                        if have_module(MODULE_OF[lib]):
                            r.check(f.name, f"the {ext} LibreOffice wrote passes the package rules and loads with {lib}",
                                    lambda there=there: check_ooxml_package(there) or load_ooxml(there))
                        back = r.check(f.name, f"{ext} converts back to {f.suffix[1:]}",
                                       lambda there=there, base=base, f=f: so.convert(there, f.suffix[1:], base / "back"))
                        if back and have_module("odf"):
                            r.check(f.name, "the round-tripped file loads with odfpy", lambda back=back: read_odf(back))
                else:
                    ext = OOXML_TO_ODF[f.suffix]
                    odf = r.check(f.name, f"converts to {ext}",
                                  lambda f=f, base=base, ext=ext: so.convert(f, ext, base / "odf"))
                    if odf and have_module("odf"):
                        r.check(f.name, f"the {ext} LibreOffice wrote loads with odfpy", lambda odf=odf: read_odf(odf))

    print("4. schemas (openxml-audit)")
    if not have_module("openxml_audit"):
        for f in files:
            r.skip(f.name, "openxml-audit not installed")
    else:
        for f in files:
            if f.suffix in ODF_MIMES:
                # The two levels are separate: schema-core is the Relax NG validation,
                # semantic-core the cross-part rules (manifest, style references).
                for level in ("schema-core", "semantic-core"):
                    r.check(f.name, f"ODF 1.3 {level}",
                            lambda f=f, level=level: audit(f, ["-f", "odf1.3", "--odf-level", level]))
            else:
                r.check(f.name, "ECMA-376 schemas and Office part rules (microsoft365)",
                        lambda f=f: audit(f, ["-f", "microsoft365"]))

    print(f"{r.passed} passed, {r.failed} failed, {r.skipped} skipped")
    if r.failed or (require_all and r.skipped):
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
