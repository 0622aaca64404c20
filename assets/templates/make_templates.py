#!/usr/bin/env python3
# Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.
"""Writes the blank documents behind "New document", "New spreadsheet" and "New presentation".

Six templates: ODF text, spreadsheet and presentation (odt, ods, odp) and their OOXML
counterparts (docx, xlsx, pptx). Each is the smallest *complete* package rather than the
smallest one an office suite tolerates: a user edits these files and later opens them in
Microsoft Office or LibreOffice, where a missing part (a styles part, a slide layout, the
compatibility mode setting) shows up as a repair prompt or a "compatibility mode" banner.

Choices made for every template:
- No language is declared, so spell checking follows the editing user's locale.
- No author or dates are stored: they would be wrong for every document made from the
  template; the editor fills them in on the first save.
- A4 pages, Calibri for OOXML and Liberation fonts for ODF (the suites' own defaults; Collabora
  Online ships metric-compatible substitutes for Calibri).
- Presentations are 16:9 with one title slide whose title and subtitle placeholders are empty:
  the editor shows its "Click to add title" prompts, and the slide prints blank.

The zips are deterministic (fixed timestamps, order, attributes and compression level), so
re-running this script reproduces the committed bytes with the same zlib, and `--check` tells
whether the committed files still match the script.

Usage: make_templates.py [--check]
"""

import io
import sys
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
# 1980-01-01 is the earliest date a zip entry can carry; any fixed date makes the bytes stable.
FIXED_DATE = (1980, 1, 1, 0, 0, 0)
GENERATOR = "Collabora Online for Mattermost templates"

XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'

# ---------------------------------------------------------------------------------------------
# ODF (OpenDocument 1.3)
# ---------------------------------------------------------------------------------------------

ODF_VERSION = "1.3"
ODF_NS = {
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "style": "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "draw": "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0",
    "fo": "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0",
    "svg": "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0",
    "presentation": "urn:oasis:names:tc:opendocument:xmlns:presentation:1.0",
    "meta": "urn:oasis:names:tc:opendocument:xmlns:meta:1.0",
    "dc": "http://purl.org/dc/elements/1.1/",
}
# Every ODF root declares the same namespaces, so one attribute string serves all of them.
ODF_ROOT_ATTRS = " ".join(f'xmlns:{p}="{u}"' for p, u in ODF_NS.items()) + f' office:version="{ODF_VERSION}"'
ODF_MIME = "application/vnd.oasis.opendocument."


def odf_manifest(mime: str, parts: list[str]) -> str:
    entries = "".join(f'<manifest:file-entry manifest:full-path="{p}" manifest:media-type="text/xml"/>' for p in parts)
    return (XML + '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" '
            f'manifest:version="{ODF_VERSION}">'
            f'<manifest:file-entry manifest:full-path="/" manifest:version="{ODF_VERSION}" manifest:media-type="{mime}"/>'
            + entries + '</manifest:manifest>')


def odf_meta() -> str:
    return (XML + f'<office:document-meta {ODF_ROOT_ATTRS}><office:meta>'
            f'<meta:generator>{GENERATOR}</meta:generator>'
            '</office:meta></office:document-meta>')


def odf_package(kind: str, content: str, styles: str) -> list[tuple[str, str]]:
    mime = ODF_MIME + kind
    parts = ["content.xml", "styles.xml", "meta.xml"]
    return [
        # ODF 1.3 part 2, 3.3: `mimetype` first, stored, no extra field; write_package sees to that.
        ("mimetype", mime),
        ("content.xml", content),
        ("styles.xml", styles),
        ("meta.xml", odf_meta()),
        ("META-INF/manifest.xml", odf_manifest(mime, parts)),
    ]


def odf_styles(fonts: str, styles: str, automatic: str, master: str) -> str:
    return (XML + f'<office:document-styles {ODF_ROOT_ATTRS}>'
            f'<office:font-face-decls>{fonts}</office:font-face-decls>'
            f'<office:styles>{styles}</office:styles>'
            f'<office:automatic-styles>{automatic}</office:automatic-styles>'
            f'<office:master-styles>{master}</office:master-styles>'
            '</office:document-styles>')


def font_face(name: str, family_generic: str) -> str:
    return (f'<style:font-face style:name="{name}" svg:font-family="&apos;{name}&apos;" '
            f'style:font-family-generic="{family_generic}" style:font-pitch="variable"/>')


# A4 with 2 cm margins, the page LibreOffice uses outside North America.
A4_PAGE = ('fo:page-width="21cm" fo:page-height="29.7cm" style:print-orientation="portrait" '
           'fo:margin-top="2cm" fo:margin-bottom="2cm" fo:margin-left="2cm" fo:margin-right="2cm"')


def odt() -> list[tuple[str, str]]:
    styles = odf_styles(
        fonts=font_face("Liberation Serif", "roman") + font_face("Liberation Sans", "swiss"),
        styles=(
            '<style:default-style style:family="paragraph">'
            '<style:paragraph-properties style:tab-stop-distance="1.25cm" style:writing-mode="page"/>'
            '<style:text-properties style:font-name="Liberation Serif" fo:font-size="12pt"/>'
            '</style:default-style>'
            '<style:style style:name="Standard" style:family="paragraph" style:class="text"/>'
            # The style LibreOffice gives body text; offered in the style list from the start.
            '<style:style style:name="Text_20_body" style:display-name="Text body" style:family="paragraph" '
            'style:parent-style-name="Standard" style:class="text">'
            '<style:paragraph-properties fo:margin-top="0cm" fo:margin-bottom="0.247cm" fo:line-height="115%"/>'
            '</style:style>'
        ),
        automatic=f'<style:page-layout style:name="pm1"><style:page-layout-properties {A4_PAGE}/></style:page-layout>',
        master='<style:master-page style:name="Standard" style:page-layout-name="pm1"/>',
    )
    content = (XML + f'<office:document-content {ODF_ROOT_ATTRS}>'
               '<office:automatic-styles/>'
               '<office:body><office:text><text:p text:style-name="Standard"/></office:text></office:body>'
               '</office:document-content>')
    return odf_package("text", content, styles)


def ods() -> list[tuple[str, str]]:
    styles = odf_styles(
        fonts=font_face("Liberation Sans", "swiss"),
        styles=(
            '<style:default-style style:family="table-cell">'
            '<style:text-properties style:font-name="Liberation Sans" fo:font-size="10pt"/>'
            '</style:default-style>'
            '<style:style style:name="Default" style:family="table-cell"/>'
        ),
        automatic=(
            f'<style:page-layout style:name="pm1"><style:page-layout-properties {A4_PAGE}/></style:page-layout>'
        ),
        master='<style:master-page style:name="Default" style:page-layout-name="pm1"/>',
    )
    content = (XML + f'<office:document-content {ODF_ROOT_ATTRS}>'
               '<office:automatic-styles>'
               # The sheet's table style ties it to the master page and keeps it visible.
               '<style:style style:name="ta1" style:family="table" style:master-page-name="Default">'
               '<style:table-properties table:display="true" style:writing-mode="lr-tb"/>'
               '</style:style>'
               '</office:automatic-styles>'
               '<office:body><office:spreadsheet>'
               # ODF requires at least one column and one row in a table.
               '<table:table table:name="Sheet1" table:style-name="ta1">'
               '<table:table-column table:default-cell-style-name="Default"/>'
               '<table:table-row><table:table-cell/></table:table-row>'
               '</table:table>'
               '</office:spreadsheet></office:body>'
               '</office:document-content>')
    return odf_package("spreadsheet", content, styles)


def placeholder_frame(cls: str, x: float, y: float, w: float, h: float) -> str:
    """An empty presentation placeholder: Impress shows "Click to add ..." and prints nothing.

    Impress treats a frame as a placeholder only when it has a presentation:style-name; one
    with only presentation:class is imported as a plain text box (and dropped when empty).
    """
    style = {"subtitle": "Default-subtitle", "outline": "Default-outline1"}.get(cls, "Default-title")
    return (f'<draw:frame presentation:style-name="{style}" presentation:class="{cls}" presentation:placeholder="true" '
            f'svg:x="{x}cm" svg:y="{y}cm" svg:width="{w}cm" svg:height="{h}cm"><draw:text-box/></draw:frame>')


def odp() -> list[tuple[str, str]]:
    # The slide is a title slide with empty title and subtitle placeholders, like the pptx,
    # so both formats start the same way. Positions are the pptx ones scaled to 28 cm wide.
    title, subtitle = (3.5, 2.578, 21.0, 5.483), (3.5, 8.273, 21.0, 3.803)
    styles = odf_styles(
        fonts=font_face("Liberation Sans", "swiss"),
        styles=(
            '<style:default-style style:family="graphic">'
            '<style:text-properties style:font-name="Liberation Sans" fo:font-size="18pt"/>'
            '</style:default-style>'
            '<style:style style:name="standard" style:family="graphic"/>'
            # Impress names the text styles of a master page "<master>-title", "<master>-outline1"...
            '<style:style style:name="Default-title" style:family="presentation">'
            '<style:paragraph-properties fo:text-align="center"/>'
            '<style:text-properties fo:font-size="44pt"/></style:style>'
            '<style:style style:name="Default-subtitle" style:family="presentation">'
            '<style:paragraph-properties fo:text-align="center"/>'
            '<style:text-properties fo:font-size="24pt"/></style:style>'
            '<style:style style:name="Default-outline1" style:family="presentation">'
            '<style:text-properties fo:font-size="28pt"/></style:style>'
            # Impress's "Title Slide" layout (AL1T0 is the name Impress itself gives it).
            '<style:presentation-page-layout style:name="AL1T0">'
            '<presentation:placeholder presentation:object="title" svg:x="{}cm" svg:y="{}cm" svg:width="{}cm" svg:height="{}cm"/>'
            '<presentation:placeholder presentation:object="subtitle" svg:x="{}cm" svg:y="{}cm" svg:width="{}cm" svg:height="{}cm"/>'
            '</style:presentation-page-layout>'.format(*title, *subtitle)
        ),
        automatic=(
            # 16:9, the size LibreOffice Impress and PowerPoint give new presentations.
            '<style:page-layout style:name="PM1"><style:page-layout-properties '
            'fo:margin-top="0cm" fo:margin-bottom="0cm" fo:margin-left="0cm" fo:margin-right="0cm" '
            'fo:page-width="28cm" fo:page-height="15.75cm" style:print-orientation="landscape"/>'
            '</style:page-layout>'
            '<style:style style:name="Mdp1" style:family="drawing-page">'
            '<style:drawing-page-properties draw:background-size="full" draw:fill="solid" draw:fill-color="#ffffff"/>'
            '</style:style>'
        ),
        # The master's own title and outline areas are where other layouts put their text.
        master=('<style:master-page style:name="Default" style:page-layout-name="PM1" draw:style-name="Mdp1">'
                + placeholder_frame("title", 1.4, 0.628, 25.2, 2.629)
                + placeholder_frame("outline", 1.4, 3.685, 25.2, 9.134)
                + '</style:master-page>'),
    )
    content = (XML + f'<office:document-content {ODF_ROOT_ATTRS}>'
               '<office:automatic-styles/>'
               '<office:body><office:presentation>'
               '<draw:page draw:name="page1" draw:master-page-name="Default" '
               'presentation:presentation-page-layout-name="AL1T0">'
               + placeholder_frame("title", *title) + placeholder_frame("subtitle", *subtitle)
               + '</draw:page>'
               '</office:presentation></office:body>'
               '</office:document-content>')
    return odf_package("presentation", content, styles)


# ---------------------------------------------------------------------------------------------
# OOXML (ECMA-376, transitional, as Office 2013+ writes it)
# ---------------------------------------------------------------------------------------------

OOXML = "application/vnd.openxmlformats-officedocument."
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
REL_TYPE = REL + "/"
A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"
P_NS = "http://schemas.openxmlformats.org/presentationml/2006/main"
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
S_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


def content_types(overrides: list[tuple[str, str]]) -> str:
    parts = "".join(f'<Override PartName="{p}" ContentType="{t}"/>' for p, t in overrides)
    return (XML + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>' + parts + '</Types>')


def rels(targets: list[tuple[str, str]]) -> str:
    """targets: (full relationship type URI, target) pairs, numbered rId1.. in order."""
    items = "".join(f'<Relationship Id="rId{i}" Type="{kind}" Target="{target}"/>'
                    for i, (kind, target) in enumerate(targets, start=1))
    return XML + f'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{items}</Relationships>'


DOCPROPS_OVERRIDES = [
    ("/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"),
    ("/docProps/app.xml", OOXML + "extended-properties+xml"),
]


def package_rels(main_part: str) -> str:
    return rels([
        (REL_TYPE + "officeDocument", main_part),
        ("http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties", "docProps/core.xml"),
        (REL_TYPE + "extended-properties", "docProps/app.xml"),
    ])


def core_xml() -> str:
    # Empty on purpose: no author, title or dates that every document made from this would inherit.
    return (XML + '<cp:coreProperties '
            'xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
            'xmlns:dcmitype="http://purl.org/dc/dcmitype/" '
            'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"/>')


def app_xml() -> str:
    return (XML + '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
            'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
            f'<Application>{GENERATOR}</Application><DocSecurity>0</DocSecurity>'
            '</Properties>')


def theme_xml() -> str:
    # Office's own colour and font scheme, shared by the three OOXML templates, so text and shapes
    # look as users expect in both suites.
    colors = [
        ("dk1", '<a:sysClr val="windowText" lastClr="000000"/>'),
        ("lt1", '<a:sysClr val="window" lastClr="FFFFFF"/>'),
        ("dk2", '<a:srgbClr val="44546A"/>'), ("lt2", '<a:srgbClr val="E7E6E6"/>'),
        ("accent1", '<a:srgbClr val="4472C4"/>'), ("accent2", '<a:srgbClr val="ED7D31"/>'),
        ("accent3", '<a:srgbClr val="A5A5A5"/>'), ("accent4", '<a:srgbClr val="FFC000"/>'),
        ("accent5", '<a:srgbClr val="5B9BD5"/>'), ("accent6", '<a:srgbClr val="70AD47"/>'),
        ("hlink", '<a:srgbClr val="0563C1"/>'), ("folHlink", '<a:srgbClr val="954F72"/>'),
    ]
    clr = "".join(f"<a:{n}>{c}</a:{n}>" for n, c in colors)
    solid = '<a:solidFill><a:schemeClr val="phClr"/></a:solidFill>'

    def line(w: int) -> str:
        return f'<a:ln w="{w}" cap="flat" cmpd="sng" algn="ctr">{solid}<a:prstDash val="solid"/><a:miter lim="800000"/></a:ln>'

    # The schema asks for at least three entries in each style list (subtle, moderate, intense).
    fmt = ('<a:fmtScheme name="Office">'
           f'<a:fillStyleLst>{solid * 3}</a:fillStyleLst>'
           f'<a:lnStyleLst>{line(6350)}{line(12700)}{line(19050)}</a:lnStyleLst>'
           '<a:effectStyleLst>' + '<a:effectStyle><a:effectLst/></a:effectStyle>' * 3 + '</a:effectStyleLst>'
           f'<a:bgFillStyleLst>{solid * 3}</a:bgFillStyleLst>'
           '</a:fmtScheme>')
    fonts = ('<a:fontScheme name="Office">'
             '<a:majorFont><a:latin typeface="Calibri Light"/><a:ea typeface=""/><a:cs typeface=""/></a:majorFont>'
             '<a:minorFont><a:latin typeface="Calibri"/><a:ea typeface=""/><a:cs typeface=""/></a:minorFont>'
             '</a:fontScheme>')
    return (XML + f'<a:theme xmlns:a="{A_NS}" name="Office Theme"><a:themeElements>'
            f'<a:clrScheme name="Office">{clr}</a:clrScheme>{fonts}{fmt}'
            '</a:themeElements><a:objectDefaults/><a:extraClrSchemeLst/></a:theme>')


def docx() -> list[tuple[str, str]]:
    wml = OOXML + "wordprocessingml."
    document = (XML + f'<w:document xmlns:w="{W_NS}" xmlns:r="{REL}"><w:body>'
                '<w:p/>'
                # A4 in twentieths of a point, 2 cm (1134) margins, as the ODF template.
                '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/>'
                '<w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1134" '
                'w:header="709" w:footer="709" w:gutter="0"/>'
                '<w:cols w:space="708"/><w:docGrid w:linePitch="360"/></w:sectPr>'
                '</w:body></w:document>')
    styles = (XML + f'<w:styles xmlns:w="{W_NS}">'
              '<w:docDefaults>'
              '<w:rPrDefault><w:rPr><w:rFonts w:ascii="Calibri" w:eastAsia="Calibri" w:hAnsi="Calibri" w:cs="Calibri"/>'
              '<w:sz w:val="22"/><w:szCs w:val="22"/></w:rPr></w:rPrDefault>'
              '<w:pPrDefault><w:pPr><w:spacing w:after="160" w:line="259" w:lineRule="auto"/></w:pPr></w:pPrDefault>'
              '</w:docDefaults>'
              # The four default styles Word itself writes into every new document.
              '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>'
              '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont">'
              '<w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/></w:style>'
              '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/>'
              '<w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/>'
              '<w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/>'
              '<w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/>'
              '</w:tblCellMar></w:tblPr></w:style>'
              '<w:style w:type="numbering" w:default="1" w:styleId="NoList"><w:name w:val="No List"/>'
              '<w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/></w:style>'
              '</w:styles>')
    settings = (XML + f'<w:settings xmlns:w="{W_NS}">'
                '<w:zoom w:percent="100"/><w:defaultTabStop w:val="709"/>'
                '<w:characterSpacingControl w:val="doNotCompress"/>'
                # Without compatibilityMode 15 Word opens the file in "Compatibility Mode".
                '<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/>'
                '</w:compat>'
                '</w:settings>')
    # Word writes a font table and a theme into every document, and validators built on the
    # Open XML SDK's part constraints expect both; the theme is the one the pptx uses.
    font_table = (XML + f'<w:fonts xmlns:w="{W_NS}">'
                  '<w:font w:name="Calibri"><w:panose1 w:val="020F0502020204030204"/><w:charset w:val="00"/>'
                  '<w:family w:val="swiss"/><w:pitch w:val="variable"/></w:font>'
                  '<w:font w:name="Calibri Light"><w:panose1 w:val="020F0302020204030204"/><w:charset w:val="00"/>'
                  '<w:family w:val="swiss"/><w:pitch w:val="variable"/></w:font>'
                  '</w:fonts>')
    return [
        ("[Content_Types].xml", content_types([
            ("/word/document.xml", wml + "document.main+xml"),
            ("/word/styles.xml", wml + "styles+xml"),
            ("/word/settings.xml", wml + "settings+xml"),
            ("/word/fontTable.xml", wml + "fontTable+xml"),
            ("/word/theme/theme1.xml", OOXML + "theme+xml"),
        ] + DOCPROPS_OVERRIDES)),
        ("_rels/.rels", package_rels("word/document.xml")),
        ("word/document.xml", document),
        ("word/_rels/document.xml.rels", rels([
            (REL_TYPE + "styles", "styles.xml"),
            (REL_TYPE + "settings", "settings.xml"),
            (REL_TYPE + "fontTable", "fontTable.xml"),
            (REL_TYPE + "theme", "theme/theme1.xml"),
        ])),
        ("word/styles.xml", styles),
        ("word/settings.xml", settings),
        ("word/fontTable.xml", font_table),
        ("word/theme/theme1.xml", theme_xml()),
        ("docProps/core.xml", core_xml()),
        ("docProps/app.xml", app_xml()),
    ]


def xlsx() -> list[tuple[str, str]]:
    sml = OOXML + "spreadsheetml."
    workbook = (XML + f'<workbook xmlns="{S_NS}" xmlns:r="{REL}">'
                '<bookViews><workbookView/></bookViews>'
                '<sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets>'
                '</workbook>')
    sheet = (XML + f'<worksheet xmlns="{S_NS}" xmlns:r="{REL}">'
             '<dimension ref="A1"/>'
             '<sheetViews><sheetView tabSelected="1" workbookViewId="0"/></sheetViews>'
             '<sheetFormatPr defaultRowHeight="15"/>'
             '<sheetData/>'
             '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>'
             '</worksheet>')
    # Excel rejects a styles part without the two reserved fills (none and gray125) and one of
    # each font, border, cell style format, cell format and named cell style.
    styles = (XML + f'<styleSheet xmlns="{S_NS}">'
              '<fonts count="1"><font><sz val="11"/><color rgb="FF000000"/><name val="Calibri"/><family val="2"/></font></fonts>'
              '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>'
              '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
              '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
              '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>'
              '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
              '<dxfs count="0"/>'
              '<tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/>'
              '</styleSheet>')
    return [
        ("[Content_Types].xml", content_types([
            ("/xl/workbook.xml", sml + "sheet.main+xml"),
            ("/xl/worksheets/sheet1.xml", sml + "worksheet+xml"),
            ("/xl/styles.xml", sml + "styles+xml"),
            ("/xl/theme/theme1.xml", OOXML + "theme+xml"),
        ] + DOCPROPS_OVERRIDES)),
        ("_rels/.rels", package_rels("xl/workbook.xml")),
        ("xl/workbook.xml", workbook),
        ("xl/_rels/workbook.xml.rels", rels([
            (REL_TYPE + "worksheet", "worksheets/sheet1.xml"),
            (REL_TYPE + "styles", "styles.xml"),
            # Excel writes a theme into every workbook; cell colours picked from the palette refer to it.
            (REL_TYPE + "theme", "theme/theme1.xml"),
        ])),
        ("xl/worksheets/sheet1.xml", sheet),
        ("xl/styles.xml", styles),
        ("xl/theme/theme1.xml", theme_xml()),
        ("docProps/core.xml", core_xml()),
        ("docProps/app.xml", app_xml()),
    ]


# --- pptx ------------------------------------------------------------------------------------

PML_ROOT = f'xmlns:a="{A_NS}" xmlns:r="{REL}" xmlns:p="{P_NS}"'
# 16:9 widescreen in EMU (13.333 x 7.5 in), PowerPoint's default since 2013.
SLIDE_CX, SLIDE_CY = 12192000, 6858000


GROUP_HEAD = ('<p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr>'
              '<p:grpSpPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/>'
              '<a:chOff x="0" y="0"/><a:chExt cx="0" cy="0"/></a:xfrm></p:grpSpPr>')


def placeholder(shape_id: int, name: str, ph: str, xfrm: tuple[int, int, int, int] | None,
                body_pr: str, paragraphs: str) -> str:
    """One placeholder shape. The master and layout give a position; slides inherit theirs."""
    sppr = '<p:spPr/>'
    if xfrm:
        x, y, cx, cy = xfrm
        sppr = (f'<p:spPr><a:xfrm><a:off x="{x}" y="{y}"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm>'
                '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></p:spPr>')
    return (f'<p:sp><p:nvSpPr><p:cNvPr id="{shape_id}" name="{name}"/>'
            '<p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr>'
            f'<p:nvPr><p:ph {ph}/></p:nvPr></p:nvSpPr>{sppr}'
            f'<p:txBody>{body_pr}<a:lstStyle/>{paragraphs}</p:txBody></p:sp>')


def prompt(text: str, lvl: int = 0) -> str:
    ppr = f'<a:pPr lvl="{lvl}"/>' if lvl else ''
    return f'<a:p>{ppr}<a:r><a:rPr/><a:t>{text}</a:t></a:r></a:p>'


def level_style(lvl: int, size: int, bullet: bool) -> str:
    mar = 228600 + lvl * 457200 if bullet else 0
    bu = ('<a:buFont typeface="Arial"/><a:buChar char="&#8226;"/>' if bullet else '<a:buNone/>')
    return (f'<a:lvl{lvl + 1}pPr marL="{mar}" indent="{-228600 if bullet else 0}" algn="l" rtl="0">'
            '<a:lnSpc><a:spcPct val="90000"/></a:lnSpc>'
            f'<a:spcBef><a:spcPts val="{1000 if bullet else 0}"/></a:spcBef>{bu}'
            f'<a:defRPr sz="{size}" kern="1200"><a:solidFill><a:schemeClr val="tx1"/></a:solidFill>'
            '<a:latin typeface="+mn-lt"/><a:ea typeface="+mn-ea"/><a:cs typeface="+mn-cs"/></a:defRPr>'
            f'</a:lvl{lvl + 1}pPr>')


def slide_master_xml() -> str:
    title = placeholder(2, "Title Placeholder 1", 'type="title"', (838200, 365125, 10515600, 1325563),
                        '<a:bodyPr vert="horz" lIns="91440" tIns="45720" rIns="91440" bIns="45720" rtlCol="0" anchor="ctr">'
                        '<a:normAutofit/></a:bodyPr>', prompt("Click to edit Master title style"))
    body = placeholder(3, "Text Placeholder 2", 'type="body" idx="1"', (838200, 1825625, 10515600, 4351338),
                       '<a:bodyPr vert="horz" lIns="91440" tIns="45720" rIns="91440" bIns="45720" rtlCol="0">'
                       '<a:normAutofit/></a:bodyPr>',
                       prompt("Click to edit Master text styles") + prompt("Second level", 1) + prompt("Third level", 2))
    clr_map = ('<p:clrMap bg1="lt1" tx1="dk1" bg2="lt2" tx2="dk2" accent1="accent1" accent2="accent2" '
               'accent3="accent3" accent4="accent4" accent5="accent5" accent6="accent6" hlink="hlink" folHlink="folHlink"/>')
    title_style = ('<p:titleStyle><a:lvl1pPr algn="l" rtl="0"><a:lnSpc><a:spcPct val="90000"/></a:lnSpc>'
                   '<a:spcBef><a:spcPct val="0"/></a:spcBef><a:buNone/>'
                   '<a:defRPr sz="4400" kern="1200"><a:solidFill><a:schemeClr val="tx1"/></a:solidFill>'
                   '<a:latin typeface="+mj-lt"/><a:ea typeface="+mj-ea"/><a:cs typeface="+mj-cs"/></a:defRPr>'
                   '</a:lvl1pPr></p:titleStyle>')
    body_style = '<p:bodyStyle>' + "".join(level_style(i, s, True) for i, s in enumerate((2800, 2400, 2000))) + '</p:bodyStyle>'
    other_style = ('<p:otherStyle><a:defPPr><a:defRPr/></a:defPPr>'
                   + level_style(0, 1800, False) + '</p:otherStyle>')
    return (XML + f'<p:sldMaster {PML_ROOT}><p:cSld>'
            '<p:bg><p:bgRef idx="1001"><a:schemeClr val="bg1"/></p:bgRef></p:bg>'
            f'<p:spTree>{GROUP_HEAD}{title}{body}</p:spTree></p:cSld>{clr_map}'
            '<p:sldLayoutIdLst><p:sldLayoutId id="2147483649" r:id="rId1"/></p:sldLayoutIdLst>'
            f'<p:txStyles>{title_style}{body_style}{other_style}</p:txStyles>'
            '</p:sldMaster>')


def slide_layout_xml() -> str:
    # "Title Slide": the layout PowerPoint and Impress give the first slide of a new presentation.
    title = placeholder(2, "Title 1", 'type="ctrTitle"', (1524000, 1122363, 9144000, 2387600),
                        '<a:bodyPr anchor="b"/>', '<a:p><a:pPr algn="ctr"/><a:r><a:rPr/><a:t>Click to edit Master title style</a:t></a:r></a:p>')
    subtitle = placeholder(3, "Subtitle 2", 'type="subTitle" idx="1"', (1524000, 3602038, 9144000, 1655762),
                           '<a:bodyPr/>', '<a:p><a:pPr marL="0" indent="0" algn="ctr"><a:buNone/></a:pPr>'
                           '<a:r><a:rPr/><a:t>Click to edit Master subtitle style</a:t></a:r></a:p>')
    return (XML + f'<p:sldLayout {PML_ROOT} type="title" preserve="1">'
            f'<p:cSld name="Title Slide"><p:spTree>{GROUP_HEAD}{title}{subtitle}</p:spTree></p:cSld>'
            '<p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sldLayout>')


def slide_xml() -> str:
    # Empty placeholders: the editor shows "Click to add title" prompts, the slide has no content.
    empty = '<a:p><a:endParaRPr/></a:p>'
    title = placeholder(2, "Title 1", 'type="ctrTitle"', None, '<a:bodyPr/>', empty)
    subtitle = placeholder(3, "Subtitle 2", 'type="subTitle" idx="1"', None, '<a:bodyPr/>', empty)
    return (XML + f'<p:sld {PML_ROOT}><p:cSld><p:spTree>{GROUP_HEAD}{title}{subtitle}</p:spTree></p:cSld>'
            '<p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sld>')


def pptx() -> list[tuple[str, str]]:
    pml = OOXML + "presentationml."
    presentation = (XML + f'<p:presentation {PML_ROOT} saveSubsetFonts="1">'
                    '<p:sldMasterIdLst><p:sldMasterId id="2147483648" r:id="rId1"/></p:sldMasterIdLst>'
                    '<p:sldIdLst><p:sldId id="256" r:id="rId2"/></p:sldIdLst>'
                    f'<p:sldSz cx="{SLIDE_CX}" cy="{SLIDE_CY}"/><p:notesSz cx="6858000" cy="9144000"/>'
                    '<p:defaultTextStyle><a:defPPr><a:defRPr/></a:defPPr>'
                    + level_style(0, 1800, False) + '</p:defaultTextStyle>'
                    '</p:presentation>')
    view_props = (XML + f'<p:viewPr {PML_ROOT}>'
                  '<p:normalViewPr><p:restoredLeft sz="15620"/><p:restoredTop sz="94660"/></p:normalViewPr>'
                  '<p:gridSpacing cx="76200" cy="76200"/></p:viewPr>')
    return [
        ("[Content_Types].xml", content_types([
            ("/ppt/presentation.xml", pml + "presentation.main+xml"),
            ("/ppt/slideMasters/slideMaster1.xml", pml + "slideMaster+xml"),
            ("/ppt/slideLayouts/slideLayout1.xml", pml + "slideLayout+xml"),
            ("/ppt/slides/slide1.xml", pml + "slide+xml"),
            ("/ppt/theme/theme1.xml", OOXML + "theme+xml"),
            ("/ppt/presProps.xml", pml + "presProps+xml"),
            ("/ppt/viewProps.xml", pml + "viewProps+xml"),
            ("/ppt/tableStyles.xml", pml + "tableStyles+xml"),
        ] + DOCPROPS_OVERRIDES)),
        ("_rels/.rels", package_rels("ppt/presentation.xml")),
        ("ppt/presentation.xml", presentation),
        ("ppt/_rels/presentation.xml.rels", rels([
            (REL_TYPE + "slideMaster", "slideMasters/slideMaster1.xml"),
            (REL_TYPE + "slide", "slides/slide1.xml"),
            (REL_TYPE + "presProps", "presProps.xml"),
            (REL_TYPE + "viewProps", "viewProps.xml"),
            (REL_TYPE + "theme", "theme/theme1.xml"),
            (REL_TYPE + "tableStyles", "tableStyles.xml"),
        ])),
        ("ppt/slideMasters/slideMaster1.xml", slide_master_xml()),
        ("ppt/slideMasters/_rels/slideMaster1.xml.rels", rels([
            (REL_TYPE + "slideLayout", "../slideLayouts/slideLayout1.xml"),
            (REL_TYPE + "theme", "../theme/theme1.xml"),
        ])),
        ("ppt/slideLayouts/slideLayout1.xml", slide_layout_xml()),
        ("ppt/slideLayouts/_rels/slideLayout1.xml.rels", rels([
            (REL_TYPE + "slideMaster", "../slideMasters/slideMaster1.xml"),
        ])),
        ("ppt/slides/slide1.xml", slide_xml()),
        ("ppt/slides/_rels/slide1.xml.rels", rels([
            (REL_TYPE + "slideLayout", "../slideLayouts/slideLayout1.xml"),
        ])),
        ("ppt/theme/theme1.xml", theme_xml()),
        ("ppt/presProps.xml", XML + f'<p:presentationPr {PML_ROOT}/>'),
        ("ppt/viewProps.xml", view_props),
        # The GUID is Office's built-in "Medium Style 2 - Accent 1", the default for new tables.
        ("ppt/tableStyles.xml", XML + f'<a:tblStyleLst xmlns:a="{A_NS}" def="{{5C22544A-7EE6-4342-B048-85BDC9FD1C3A}}"/>'),
        ("docProps/core.xml", core_xml()),
        ("docProps/app.xml", app_xml()),
    ]


# ---------------------------------------------------------------------------------------------


def write_package(entries: list[tuple[str, str]]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for name, data in entries:
            info = zipfile.ZipInfo(name, date_time=FIXED_DATE)
            # mimetype must be readable at a fixed offset by tools that sniff ODF, hence stored.
            info.compress_type = zipfile.ZIP_STORED if name == "mimetype" else zipfile.ZIP_DEFLATED
            # ZipInfo takes these from the running platform; pin them so the bytes don't vary.
            info.create_system = 3
            info.create_version = 20
            info.extract_version = 20
            info.external_attr = 0o644 << 16
            z.writestr(info, data.encode("utf-8"), compresslevel=9)
    return buf.getvalue()


TEMPLATES = {
    "blank.odt": odt,
    "blank.ods": ods,
    "blank.odp": odp,
    "blank.docx": docx,
    "blank.xlsx": xlsx,
    "blank.pptx": pptx,
}


def main() -> int:
    check = "--check" in sys.argv[1:]
    stale = []
    for name, build in TEMPLATES.items():
        path = HERE / name
        data = write_package(build())
        if check:
            if not path.exists() or path.read_bytes() != data:
                stale.append(name)
        else:
            path.write_bytes(data)
    if stale:
        print(f"templates out of date (run {Path(__file__).name}): {', '.join(stale)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
