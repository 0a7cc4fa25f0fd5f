"""The page around the briefing's sections: HTML escaping, embedded images,
and the style sheet (inline, for the screen and for print through WeasyPrint:
A4 pages with page numbers). Nothing is loaded from the network."""
import base64
import html

CSS = """
@page { size: A4; margin: 16mm 15mm 18mm 15mm;
  @bottom-left { content: "Kompetanseforum Østfold · kfsim-briefing"; font: 8pt 'DejaVu Sans', sans-serif; color: #777; }
  @bottom-right { content: "Side " counter(page) " av " counter(pages); font: 8pt 'DejaVu Sans', sans-serif; color: #777; } }
html { font-family: 'DejaVu Sans', Verdana, sans-serif; font-size: 10pt; color: #1d1d1d; line-height: 1.42; }
body { max-width: 190mm; margin: 0 auto; padding: 0 4mm 10mm 4mm; }
h1 { font-size: 19pt; margin: 0 0 2pt 0; color: #14365d; }
h2 { font-size: 13.5pt; color: #14365d; border-bottom: 1.5pt solid #14365d; padding-bottom: 2pt; margin: 16pt 0 6pt 0; }
h3 { font-size: 11pt; color: #14365d; margin: 12pt 0 4pt 0; }
p { margin: 4pt 0 6pt 0; }
.subtitle { color: #555; margin: 0 0 8pt 0; font-size: 9.5pt; }
.keys { background: #eef3f9; border-left: 4pt solid #14365d; padding: 6pt 10pt 6pt 10pt; margin: 8pt 0; }
.keys h2 { border: none; margin: 2pt 0 4pt 0; }
.keys ol { margin: 0; padding-left: 16pt; }
.keys li { margin: 0 0 6pt 0; }
.keys li b { color: #14365d; }
table { border-collapse: collapse; width: 100%; font-size: 8.3pt; margin: 4pt 0 8pt 0; page-break-inside: auto; }
thead { display: table-header-group; }
tr { page-break-inside: avoid; }
th { background: #14365d; color: white; text-align: left; font-weight: bold; padding: 3pt 4pt; }
td { border-bottom: 0.5pt solid #cfd6de; padding: 2.5pt 4pt; vertical-align: top; }
td.num, th.num { text-align: right; white-space: nowrap; }
td.code { color: #666; font-size: 7.3pt; white-space: nowrap; }
.r-mangel { background: #f6d5d1; }
.r-balanse { background: #eceff1; }
.r-overskudd { background: #d3e3f2; }
.cell-rating { font-weight: bold; white-space: nowrap; }
.keys ul { margin: 2pt 0 0 0; padding-left: 12pt; }
.keys ul li { margin: 0 0 2pt 0; }
.cell-detail { color: #444; font-size: 7.3pt; white-space: nowrap; }
figure { margin: 6pt 0 10pt 0; page-break-inside: avoid; }
figure img { width: 100%; height: auto; }
figcaption { font-size: 8.3pt; color: #444; margin-top: 2pt; }
.note { font-size: 8.5pt; color: #444; }
.scenario { page-break-before: always; }
.page-break { page-break-before: always; }
table.keep, div.keep { page-break-inside: avoid; }
.policies { margin: 2pt 0 6pt 0; }
code { font-family: 'DejaVu Sans Mono', monospace; font-size: 8pt; background: #f3f3f3; padding: 0 2pt; }
dl.prov { display: grid; grid-template-columns: max-content auto; gap: 1pt 10pt; font-size: 8.5pt; }
dl.prov dt { font-weight: bold; }
dl.prov dd { margin: 0; }
@media print { body { max-width: none; padding: 0; } }
"""


def esc(text):
    return html.escape(str(text), quote=True)


def image(png_bytes, alt, caption=None):
    data = base64.b64encode(png_bytes).decode("ascii")
    figure = f'<figure><img src="data:image/png;base64,{data}" alt="{esc(alt)}">'
    if caption:
        figure += f"<figcaption>{caption}</figcaption>"
    return figure + "</figure>"


def document(title, body):
    return ("<!DOCTYPE html>\n<html lang=\"nb\">\n<head>\n<meta charset=\"utf-8\">\n"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
            f"<title>{esc(title)}</title>\n<style>{CSS}</style>\n</head>\n<body>\n"
            f"{body}\n</body>\n</html>\n")
