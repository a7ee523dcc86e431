#!/usr/bin/python3
"""office-check.py: re-open a rendered XLSX or DOCX annual report with
openpyxl / python-docx and compare it with the report JSON it came from.

    /usr/bin/python3 scripts/office-check.py REPORT.json OUT.xlsx|OUT.docx

This is a test oracle, written independently of the C renderers: the
official labels and spans are typed here from spec.md §1.3–1.5, the tables
are found by their labels (not by the renderer's coordinates), and every
cell of tables 2, 3 and 4 is compared with the JSON value:
  - XLSX: a number must be a numeric cell with the same value; a null (blank)
    cell must be empty; an unreadable cell must hold its text on a
    highlighted fill;
  - DOCX: the cell text must be the number as printed (the fee amount with
    up to 4 decimals), "" for a blank, the text for an unreadable cell.
It also checks the merged ranges of the three tables, the title, the six
section headings, the section text and the zh-CN East Asian language.

Exit status: 0 all equal, 1 differences (listed), 2 usage, 77 when Debian's
python3-openpyxl or python3-docx is missing (docs/stack.md trap T16: run it
with /usr/bin/python3).
"""
import json
import re
import sys
import zipfile

try:
    import openpyxl
    import docx
except ImportError as e:  # pragma: no cover
    print(f"SKIP: {e} (install python3-openpyxl and python3-docx)")
    sys.exit(77)

# ---------------------------------------------------------------- the form

T3_ROWS = [
    ("NEW", "一、本年新收政府信息公开申请数量", None),
    ("CARRIED_IN", "二、上年结转政府信息公开申请数量", None),
    ("R_GRANT", "（一）予以公开", None),
    ("R_PARTIAL", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", None),
    ("R_DENY_SECRET", "1.属于国家秘密", "（三）不予公开"),
    ("R_DENY_LAW", "2.其他法律行政法规禁止公开", "（三）不予公开"),
    ("R_DENY_3S1W", "3.危及“三安全一稳定”", "（三）不予公开"),
    ("R_DENY_THIRD", "4.保护第三方合法权益", "（三）不予公开"),
    ("R_DENY_INTERNAL", "5.属于三类内部事务信息", "（三）不予公开"),
    ("R_DENY_PROCESS", "6.属于四类过程性信息", "（三）不予公开"),
    ("R_DENY_CASEFILE", "7.属于行政执法案卷", "（三）不予公开"),
    ("R_DENY_QUERY", "8.属于行政查询事项", "（三）不予公开"),
    ("R_NA_NOTHELD", "1.本机关不掌握相关政府信息", "（四）无法提供"),
    ("R_NA_CREATE", "2.没有现成信息需要另行制作", "（四）无法提供"),
    ("R_NA_UNCLEAR", "3.补正后申请内容仍不明确", "（四）无法提供"),
    ("R_NP_PETITION", "1.信访举报投诉类申请", "（五）不予处理"),
    ("R_NP_REPEAT", "2.重复申请", "（五）不予处理"),
    ("R_NP_PUBLICATION", "3.要求提供公开出版物", "（五）不予处理"),
    ("R_NP_MASSIVE", "4.无正当理由大量反复申请", "（五）不予处理"),
    ("R_NP_CONFIRM", "5.要求行政机关确认或重新出具已获取信息", "（五）不予处理"),
    ("R_OT_NOCORRECT", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", "（六）其他处理"),
    ("R_OT_NOFEE", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "（六）其他处理"),
    ("R_OT_OTHER", "3.其他", "（六）其他处理"),
    ("R_TOTAL", "（七）总计", None),
    ("CARRIED_OUT", "四、结转下年度继续办理", None),
]
T3_COLS = ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]
T3_CORNER = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"

# (item, [(row label, json group)], [(column label, json field)], amount field)
T2_2021 = [
    ("第二十条第（一）项", [("规章", "rules"), ("行政规范性文件", "normative_docs")],
     [("本年制发件数", "issued"), ("本年废止件数", "repealed"), ("现行有效件数", "in_force")]),
    ("第二十条第（五）项", [("行政许可", "licensing")], [("本年处理决定数量", "decisions")]),
    ("第二十条第（六）项", [("行政处罚", "penalty"), ("行政强制", "enforcement")],
     [("本年处理决定数量", "decisions")]),
    ("第二十条第（八）项", [("行政事业性收费", "fees")],
     [("本年收费金额（单位：万元）", "amount_wan_yuan")]),
]
T2_2019 = [
    ("第二十条第（一）项", [("规章", "rules"), ("规范性文件", "normative_docs")],
     [("本年新制作数量", "made"), ("本年新公开数量", "published"), ("对外公开总数量", "total")]),
    ("第二十条第（五）项", [("行政许可", "licensing"), ("其他对外管理服务事项", "other_services")],
     [("上一年项目数量", "prev_items"), ("本年增/减", "delta"), ("处理决定数量", "decisions")]),
    ("第二十条第（六）项", [("行政处罚", "penalty"), ("行政强制", "enforcement")],
     [("上一年项目数量", "prev_items"), ("本年增/减", "delta"), ("处理决定数量", "decisions")]),
    ("第二十条第（八）项", [("行政事业性收费", "fees")],
     [("上一年项目数量", "prev_items"), ("本年增/减", "delta")]),
    ("第二十条第（九）项", [("政府集中采购", "procurement")],
     [("采购项目数量", "items"), ("采购总金额", "amount_wan_yuan")]),
]
T4_GROUPS = [("review", "行政复议"), ("litigation_direct", "未经复议直接起诉"),
             ("litigation_after_review", "复议后起诉")]
T4_COLS = [("upheld", "结果维持"), ("corrected", "结果纠正"), ("other", "其他结果"),
           ("pending", "尚未审结"), ("total", "总计")]
SECTIONS = [("一", "总体情况"), ("二", "主动公开政府信息情况"), ("三", "收到和处理政府信息公开申请情况"),
            ("四", "政府信息公开行政复议、行政诉讼情况"), ("五", "存在的主要问题及改进情况"),
            ("六", "其他需要报告的事项")]
HIGHLIGHT = "FFC7CE"


class Check:
    def __init__(self):
        self.errors, self.compared = [], 0

    def eq(self, what, got, want):
        self.compared += 1
        if got != want:
            self.errors.append(f"{what}: got {got!r}, expected {want!r}")

    def ok(self, what, cond):
        if not cond:
            self.errors.append(what)


# ------------------------------------------------------------ expectations

def collapsed(rep):
    return rep.get("format") == "2019" or bool(rep.get("table3_other_collapsed"))


def t3_rows(rep):
    """(key, label, group) as printed: （六） as one row when collapsed."""
    out = []
    for key, label, group in T3_ROWS:
        if collapsed(rep) and key in ("R_OT_NOCORRECT", "R_OT_NOFEE"):
            continue
        if collapsed(rep) and key == "R_OT_OTHER":
            label, group = "（六）其他处理", None
        out.append((key, label, group))
    return out


def unreadable(rep):
    return {u["cell"]: u["text"] for u in rep.get("unreadable", [])}


def expected_cell(rep, path, value):
    """('num', v) | ('blank', None) | ('text', s)."""
    bad = unreadable(rep)
    if path in bad:
        return ("text", bad[path])
    if value is None:
        return ("blank", None)
    return ("num", value)


def printed(v, amount):
    if amount:
        s = f"{v:.4f}".rstrip("0").rstrip(".")
        return "0" if s in ("-0", "") else s
    if float(v).is_integer():
        return str(int(v))
    return repr(float(v))


def t3_spans(rep, top):
    """Merged ranges of table 3 (0-based anchor row, col, rowspan, colspan),
    table starting at row `top` (spec §1.4)."""
    rows = t3_rows(rep)
    spans = {(top, 0, 3, 3), (top, 3, 1, 7), (top + 1, 3, 2, 1), (top + 1, 4, 1, 5),
             (top + 1, 9, 2, 1)}
    r = top + 3
    results = [k for k, _, _ in rows if k.startswith("R_")]
    prev = None
    for key, label, group in rows:
        if not key.startswith("R_"):
            spans.add((r, 0, 1, 3))
        else:
            if key == results[0]:
                spans.add((r, 0, len(results), 1))
            if group is None:
                spans.add((r, 1, 1, 2))
            elif group != prev:
                spans.add((r, 1, sum(1 for _, _, g in rows if g == group), 1))
        prev = group
        r += 1
    return spans


def t2_spans(layout, top):
    """Table 2: each caption spans the width; a block with fewer columns
    lets its last column span the rest (spec §1.3)."""
    width = 1 + max(len(cols) for _, _, cols in layout)
    spans, r = set(), top
    for _, rows, cols in layout:
        spans.add((r, 0, 1, width))
        if len(cols) < width - 1:
            for rr in range(r + 1, r + 2 + len(rows)):
                spans.add((rr, len(cols), 1, width - len(cols)))
        r += 2 + len(rows)
    return spans


def t4_spans(top):
    spans = {(top, 0, 1, 5), (top, 5, 1, 10), (top + 1, 5, 1, 5), (top + 1, 10, 1, 5)}
    spans |= {(top + 1, c, 2, 1) for c in range(5)}
    return spans


# ------------------------------------------------------- reading the files

class Grid:
    """A table as a logical grid: value[r][c] is what the anchor covering
    (r, c) holds; spans is the set of (row, col, rowspan, colspan) > 1x1;
    meta[(r, c)] has the anchor's extra properties (fill, type)."""

    def __init__(self, value, spans, meta):
        self.value, self.spans, self.meta = value, spans, meta

    def text(self, r, c):
        v = self.value[r][c] if r < len(self.value) and c < len(self.value[r]) else None
        return "" if v is None else str(v)

    def find_row(self, col_range, label, start=0):
        for r in range(start, len(self.value)):
            if any(self.text(r, c) == label for c in col_range):
                # the label cell must be the last label column holding text
                return r
        return -1


def xlsx_grids(path):
    wb = openpyxl.load_workbook(path)
    grids = []
    for ws in wb.worksheets:
        value = [[None] * ws.max_column for _ in range(ws.max_row)]
        meta = {}
        for row in ws.iter_rows():
            for cell in row:
                v = cell.value
                fill = cell.fill.fgColor.rgb if cell.fill and cell.fill.fill_type == "solid" else None
                value[cell.row - 1][cell.column - 1] = v
                meta[(cell.row - 1, cell.column - 1)] = {"type": cell.data_type,
                                                         "fill": str(fill or "")}
        spans = set()
        for rng in ws.merged_cells.ranges:
            r0, c0 = rng.min_row - 1, rng.min_col - 1
            spans.add((r0, c0, rng.max_row - rng.min_row + 1, rng.max_col - rng.min_col + 1))
            for r in range(rng.min_row - 1, rng.max_row):
                for c in range(rng.min_col - 1, rng.max_col):
                    value[r][c] = value[r0][c0]
                    meta[(r, c)] = meta.get((r0, c0), {})
        grids.append((ws.title, Grid(value, spans, meta)))
    return wb, grids


W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def docx_grid(table):
    """Logical grid of a python-docx table from its XML (gridSpan, vMerge)."""
    ncols = len(table._tbl.tblGrid.findall(W + "gridCol"))
    value, spans, meta, anchor = [], set(), {}, {}
    for r, tr in enumerate(table._tbl.findall(W + "tr")):
        row, c = [None] * ncols, 0
        for tc in tr.findall(W + "tc"):
            pr = tc.find(W + "tcPr")
            span = pr.find(W + "gridSpan") if pr is not None else None
            cs = int(span.get(W + "val")) if span is not None else 1
            vm = pr.find(W + "vMerge") if pr is not None else None
            shd = pr.find(W + "shd") if pr is not None else None
            text = "".join(t.text or "" if t.tag == W + "t" else "\t"
                           for t in tc.iter() if t.tag in (W + "t", W + "tab"))
            if vm is not None and vm.get(W + "val") != "restart":
                a = anchor[(r - 1, c)]
                a[2] += 1
                for k in range(cs):
                    anchor[(r, c + k)] = a
                    row[c + k] = a[4]
            else:
                a = [r, c, 1, cs, text]
                for k in range(cs):
                    anchor[(r, c + k)] = a
                    row[c + k] = text
                meta[(r, c)] = {"fill": shd.get(W + "fill") if shd is not None else ""}
            c += cs
        value.append(row)
    for a in {id(a): a for a in anchor.values()}.values():
        if a[2] > 1 or a[3] > 1:
            spans.add((a[0], a[1], a[2], a[3]))
    for (r, c), a in anchor.items():
        meta.setdefault((r, c), meta.get((a[0], a[1]), {}))
    return Grid(value, spans, meta)


# ------------------------------------------------------------- comparisons

def cmp_cell(ck, kind, grid, r, c, want, amount, where):
    exp_kind, exp = want
    ck.compared += 1
    inside = 0 <= r < len(grid.value) and 0 <= c < len(grid.value[r])
    got = grid.value[r][c] if inside else "<cell missing>"
    meta = grid.meta.get((r, c), {})
    if kind == "xlsx":
        if exp_kind == "num":
            if not (isinstance(got, (int, float)) and abs(got - exp) < 1e-9 and meta.get("type") == "n"):
                ck.errors.append(f"{where}: got {got!r}, expected the number {exp!r}")
        elif exp_kind == "blank":
            if got not in (None, ""):
                ck.errors.append(f"{where}: got {got!r}, expected an empty cell")
        else:
            if got != exp or not meta.get("fill", "").upper().endswith(HIGHLIGHT):
                ck.errors.append(f"{where}: got {got!r} fill {meta.get('fill')!r}, "
                                 f"expected {exp!r} highlighted")
    else:
        text = "" if got is None else got
        if exp_kind == "num":
            want_text = printed(exp, amount)
        elif exp_kind == "blank":
            want_text = ""
        else:
            want_text = exp
        if text != want_text:
            ck.errors.append(f"{where}: got {text!r}, expected {want_text!r}")
        if exp_kind == "text" and meta.get("fill", "").upper() != HIGHLIGHT:
            ck.errors.append(f"{where}: unreadable cell not highlighted")


def check_t2(ck, kind, grid, rep):
    fmt2019 = rep.get("format") == "2019"
    layout = T2_2019 if fmt2019 else T2_2021
    root = "proactive_2019" if fmt2019 else "proactive"
    data = rep.get(root, {})
    top = grid.find_row(range(1), layout[0][0])
    ck.ok("table 2: first caption not found", top >= 0)
    if top < 0:
        return
    ck.eq("table 2 spans", sorted(s for s in grid.spans if s[0] >= top),
          sorted(t2_spans(layout, top)))
    r = top
    for item, rows, cols in layout:
        ck.eq(f"table 2 caption row {r}", grid.text(r, 0), item)
        ck.eq(f"table 2 header row {r + 1}", grid.text(r + 1, 0), "信息内容")
        for j, (clabel, _) in enumerate(cols):
            ck.eq(f"table 2 {item} column {j}", grid.text(r + 1, 1 + j), clabel)
        for i, (rlabel, group) in enumerate(rows):
            rr = r + 2 + i
            ck.eq(f"table 2 row label {rr}", grid.text(rr, 0), rlabel)
            for j, (clabel, field) in enumerate(cols):
                path = f"{root}.{group}.{field}"
                v = data.get(group, {}).get(field) if group in data else None
                cmp_cell(ck, kind, grid, rr, 1 + j, expected_cell(rep, path, v),
                         field == "amount_wan_yuan", path)
        r += 2 + len(rows)


def check_t3(ck, kind, grid, rep):
    top = grid.find_row(range(3), T3_CORNER)
    ck.ok("table 3: the 勾稽关系 corner not found", top >= 0)
    if top < 0:
        return
    ck.eq("table 3 spans", sorted(s for s in grid.spans if s[0] >= top),
          sorted(t3_spans(rep, top)))
    ck.eq("table 3 header", grid.text(top, 3), "申请人情况")
    ck.eq("table 3 header", grid.text(top + 1, 4), "法人或其他组织")
    for j, label in enumerate(T3_COLS):
        ck.eq(f"table 3 column {j}", grid.text(top + 2, 3 + j), label)
    apps = rep.get("applications", {})
    r = top + 3
    for key, label, group in t3_rows(rep):
        labels = [grid.text(r, c) for c in range(3)]
        ck.ok(f"table 3 row {r}: label {label!r} not in {labels}", label in labels)
        if group:
            ck.eq(f"table 3 row {r} group", labels[1], group)
        if key.startswith("R_"):
            ck.eq(f"table 3 row {r} 三、", labels[0], "三、本年度办理结果")
        arr = apps.get(key, [None] * 7)
        for j in range(7):
            path = f"applications.{key}[{j}]"
            cmp_cell(ck, kind, grid, r, 3 + j, expected_cell(rep, path, arr[j]), False, path)
        r += 1
    ck.eq("table 3 row count", len(grid.value), r)


def check_t4(ck, kind, grid, rep):
    top = grid.find_row(range(1), "行政复议")
    ck.ok("table 4: 行政复议 not found", top >= 0)
    if top < 0:
        return
    ck.eq("table 4 spans", sorted(s for s in grid.spans if s[0] >= top), sorted(t4_spans(top)))
    ck.eq("table 4 header", grid.text(top, 5), "行政诉讼")
    data = rep.get("review_litigation", {})
    for g, (gkey, glabel) in enumerate(T4_GROUPS):
        ck.eq(f"table 4 group {g}", grid.text(top if g == 0 else top + 1, 5 * g), glabel)
        for c, (ckey, clabel) in enumerate(T4_COLS):
            ck.eq(f"table 4 header {g}.{c}", grid.text(top + 2, 5 * g + c), clabel)
            path = f"review_litigation.{gkey}.{ckey}"
            cmp_cell(ck, kind, grid, top + 3, 5 * g + c,
                     expected_cell(rep, path, data.get(gkey, {}).get(ckey)), False, path)


def title_of(rep):
    year = f"{rep['year']}年" if rep.get("year") else ""
    return f"{rep.get('agency', '')}{year}政府信息公开工作年度报告"


def check_xlsx(ck, path, rep):
    _, grids = xlsx_grids(path)
    ck.eq("sheet names", [t for t, _ in grids], ["表二 主动公开", "表三 依申请公开", "表四 复议诉讼"])
    for (name, grid), fn, (no, sec) in zip(grids, (check_t2, check_t3, check_t4), SECTIONS[1:4]):
        ck.eq(f"{name} title", grid.text(0, 0), title_of(rep))
        ck.eq(f"{name} heading", grid.text(1, 0), f"{no}、{sec}")
        fn(ck, "xlsx", grid, rep)


def clean(s):
    s = re.sub("[\x00-\x08\x0b-\x1f\ufffe\uffff]", "", s)
    return s


def check_docx(ck, path, rep):
    d = docx.Document(path)
    styles = zipfile.ZipFile(path).read("word/styles.xml").decode()
    ck.ok("styles.xml lacks w:lang eastAsia zh-CN", 'w:eastAsia="zh-CN"' in styles)
    paras = [p.text for p in d.paragraphs]
    ck.eq("title", paras[0] if paras else None, title_of(rep))
    heads = [p.text for p in d.paragraphs if p.style.name.lower() == "heading 1"]
    ck.eq("headings", heads[:6], [f"{no}、{t}" for no, t in SECTIONS])
    body = set(paras)
    for s in rep.get("sections", []):
        for line in s.get("text", "").split("\n"):
            line = clean(line.rstrip("\r "))
            if line:
                ck.compared += 1
                ck.ok(f"section {s['no']}: paragraph {line[:20]!r}… missing", line in body)
    ck.eq("number of tables", len(d.tables), 3)
    for t, fn in zip(d.tables, (check_t2, check_t3, check_t4)):
        fn(ck, "docx", docx_grid(t), rep)


def main(argv):
    if len(argv) != 3:
        print(__doc__)
        return 2
    with open(argv[1], encoding="utf-8") as f:
        rep = json.load(f)
    ck = Check()
    if argv[2].endswith(".xlsx"):
        check_xlsx(ck, argv[2], rep)
    elif argv[2].endswith(".docx"):
        check_docx(ck, argv[2], rep)
    else:
        print("expected a .xlsx or .docx file")
        return 2
    for e in ck.errors:
        print("DIFF", e)
    print(f"{'FAIL' if ck.errors else 'ok'}: {argv[2]}: {ck.compared} values compared, "
          f"{len(ck.errors)} differences")
    return 1 if ck.errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
