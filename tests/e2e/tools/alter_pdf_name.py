#!/usr/bin/python3
"""Alters a certificate PDF as a forger with a PDF editor would: the first character of
the holder's name is drawn as another glyph of the same font, so the page shows (and a
text extractor reads) another name, while the QR code is left as issued.

usage: alter_pdf_name.py IN.pdf OUT.pdf NAME
Needs qpdf and fix-qdf (Debian's qpdf). Exits 1 when the name is not found.
"""
import re
import subprocess
import sys
import tempfile

src, dst, name = sys.argv[1], sys.argv[2], sys.argv[3]
with tempfile.TemporaryDirectory() as tmp:
    qdf = tmp + "/q.pdf"
    subprocess.run(["qpdf", "--qdf", "--object-streams=disable", src, qdf], check=True)
    data = open(qdf, "rb").read().decode("latin-1")

    def obj(n):
        m = re.search(r"\n%d 0 obj\n(.*?)\nendobj" % n, data, re.S)
        return m.group(1)

    # resource name -> {cid: char} from the font's ToUnicode map
    fonts = {}
    for res, ref in re.findall(r"/(F\d+) (\d+) 0 R", data):
        m = re.search(r"/ToUnicode (\d+) 0 R", obj(int(ref)))
        cmap = obj(int(m.group(1)))
        fonts[res] = {cid.lower(): chr(int(u, 16)) for cid, u in re.findall(r"<([0-9a-fA-F]{4})> <([0-9a-fA-F]{4})>", cmap)}

    # every glyph drawn: (font, cid, start of its hex string in data)
    glyphs, font = [], None
    for m in re.finditer(r"/(F\d+) [\d.]+ Tf|<([0-9a-fA-F]{4})> Tj", data):
        if m.group(1):
            font = m.group(1)
        else:
            glyphs.append((font, m.group(2).lower(), m.start(2)))
    text = "".join(fonts[f].get(c, "?") for f, c, _ in glyphs)
    at = text.find(name)
    if at < 0:
        sys.exit("name not found on the page: " + name)
    f, cid, pos = glyphs[at]
    other = next(c for c, ch in sorted(fonts[f].items()) if ch != fonts[f][cid] and "\u4e00" <= ch <= "\u9fff")
    data = data[:pos] + other + data[pos + 4:]
    open(qdf, "wb").write(data.encode("latin-1"))
    fixed = subprocess.run(["fix-qdf", qdf], check=True, capture_output=True).stdout
    open(dst, "wb").write(fixed)
