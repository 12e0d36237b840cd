#!/usr/bin/env python3
"""示例登记库的往届记录（samples/registry/*.json）由本脚本生成 / generates the sample registry history.

重新生成 / to rerun (from the repository root, any python3, standard library only):

    python3 samples/registry/tools/make_history.py

It writes two files, both in the import format of samples/README.md §14:

  * samples/registry/魏都区2024-2025年度评选记录.json — 魏都区 (pack "weidu") 2024 and 2025:
    applications with industry, township, size, stage_reached and category_scores; awards with
    prize money, certificate numbers, the pack's obligations and the yearly reports received
    (with figures) for the reporting years already past.
  * samples/registry/本溪市2018-2024年度评选记录.json — the 本溪市 history: the existing records
    are kept exactly as they are (codes, names, outcomes, awards, certificates, revocations,
    higher awards); this script only (re)writes the statistics facts of each application
    (industry, township, size, stage_reached, category_scores), so it can be rerun at will.

Everything is deterministic (no clock, no random state): scores and report figures come from
fixed targets plus a small "noise" derived from SHA-256 of the record, so a rerun gives the
same bytes. The script checks what it writes: GB 32100 check characters (and the GB 11714
check character of the organisation code for new codes), the pack's thresholds and quotas,
winners above non-winners, 4.6/4.7 the weakest categories, percents within 45–85.

Constraints from the 2026 sample cases (samples/weidu-2026, samples/benxi-2026): their
applicants appear in the 魏都区 history only as rejected or not awarded, except 许昌金桥食品
有限公司's 质量管理创新奖 of 2024-12-20, which applicants.json lists as a prior award too.
Their townships and sizes here must match those in the cases' applicants.json.
"""

import datetime
import hashlib
import json
import os

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", ".."))
REGISTRY = os.path.join(ROOT, "samples", "registry")
WEIDU_FILE = os.path.join(REGISTRY, "魏都区2024-2025年度评选记录.json")
BENXI_FILE = os.path.join(REGISTRY, "本溪市2018-2024年度评选记录.json")

# ---------------------------------------------------------------- codes

ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"  # GB 32100: no I, O, S, V, Z
WEIGHTS_32100 = [pow(3, i, 31) for i in range(17)]
WEIGHTS_11714 = [3, 7, 9, 10, 5, 8, 4, 2]


def check_32100(first17):
    total = sum(ALPHABET.index(c) * w for c, w in zip(first17, WEIGHTS_32100))
    return ALPHABET[(31 - total % 31) % 31]


def check_11714(body8):
    total = sum((int(c) if c.isdigit() else ord(c) - 55) * w for c, w in zip(body8, WEIGHTS_11714))
    r = 11 - total % 11
    return "X" if r == 10 else "0" if r == 11 else str(r)


def valid_32100(code):
    return len(code) == 18 and all(c in ALPHABET for c in code) and check_32100(code[:17]) == code[17]


def digest(*parts):
    return hashlib.sha256("|".join(str(p) for p in parts).encode("utf-8")).digest()


def make_code(name, area, new_style):
    """A fictional but valid code: 9 (企业) 1 (企业) + area + organisation code + check.

    new_style: registered after the 2015 reform (organisation code "MA" + 6), else 8 digits.
    The organisation code carries its GB 11714 check character, as the real ones do.
    """
    salt = 0
    while True:
        h = digest("code", name, salt)
        if new_style:
            letters = "0123456789ABCDEFGHJKLMNPQRTUWXY"
            body = "MA" + "".join(letters[b % len(letters)] for b in h[:6])
        else:
            body = str(5 + h[0] % 3) + "".join(str(b % 10) for b in h[1:8])
        org = body + check_11714(body)
        first17 = "91" + area + org
        if all(c in ALPHABET for c in first17):
            return first17 + check_32100(first17)
        salt += 1


# ---------------------------------------------------------------- packs

def load_pack(pack_id):
    with open(os.path.join(ROOT, "templates", "policies", pack_id + ".json"), encoding="utf-8") as f:
        return json.load(f)


WEIDU = load_pack("weidu")
BENXI = load_pack("benxi")


def categories(pack):
    return [(c["id"], c["name"], c["points"]) for c in pack["score_sheet"]["categories"]]


def stage_ids(pack):
    return [s["id"] for s in pack["review"]["stages"]]


# ---------------------------------------------------------------- category scores

# How each GB/T 19580 category stands against the applicant's overall level, in percentage
# points. 4.6 测量、分析与改进 and 4.7 结果 are the weak ones (the "policy signal" the yearly
# statistics should show); the gap narrows by a quarter point a year.
def offsets(year):
    drift = 0.25 * (year - 2018)
    return {"4.1": 3.0, "4.2": 2.0, "4.3": 2.5, "4.4": 1.5, "4.5": 2.0, "4.6": -6.0 + drift, "4.7": -5.5 + drift}


def noise(code, year, stage, category):
    h = digest("score", code, year, stage, category)
    u = int.from_bytes(h[:4], "big") / 2**32  # [0, 1)
    spread = 0.6 if category == "4.7" else 1.2  # 4.7 is 400 points over six items: steadier
    return (2 * u - 1) * spread


def category_scores(pack, code, year, targets):
    """targets: {stage id: total points (of 1000)} → category_scores entries and the totals got."""
    out, totals = [], {}
    cats = categories(pack)
    off = offsets(year)
    for stage in stage_ids(pack):
        if stage not in targets:
            continue
        t = targets[stage]
        shifted = {cid: off[cid] + noise(code, year, stage, cid) for cid, _, _ in cats}
        level = t / 10 - sum(shifted[cid] * pts for cid, _, pts in cats) / 1000
        got = 0.0
        for cid, name, pts in cats:
            percent = round(level + shifted[cid], 2)
            assert 45 <= percent <= 85, (code, year, stage, cid, percent)
            out.append({"stage": stage, "category": cid, "name": name, "percent": percent})
            got += percent * pts / 100
        totals[stage] = round(got, 1)
    return out, totals


# ---------------------------------------------------------------- JSON output

def dump(value, indent=0, key=None):
    """json.dumps(indent=2) layout, but each category score and each report figure on one line."""
    pad = "  " * indent
    if isinstance(value, dict):
        if not value:
            return "{}"
        items = [f'{pad}  {json.dumps(k, ensure_ascii=False)}: {dump(v, indent + 1, k)}' for k, v in value.items()]
        return "{\n" + ",\n".join(items) + "\n" + pad + "}"
    if isinstance(value, list):
        if not value:
            return "[]"
        if key in ("category_scores", "figures"):
            items = [f"{pad}  {json.dumps({k: number(x) for k, x in v.items()}, ensure_ascii=False)}" for v in value]
        else:
            items = [f"{pad}  {dump(v, indent + 1)}" for v in value]
        return "[\n" + ",\n".join(items) + "\n" + pad + "]"
    return json.dumps(number(value), ensure_ascii=False)


def number(value):
    """Whole numbers without ".0" (as award registry export writes them): 68.0 → 68."""
    return int(value) if isinstance(value, float) and value.is_integer() else value


def write(path, doc):
    with open(path, "w", encoding="utf-8") as f:
        f.write(dump(doc) + "\n")


# ================================================================ 魏都区 2024, 2025

# The 2026 case's applicants (codes as in samples/weidu-2026/applicants.json).
CASE = {
    "恒远": ("91411002175206385X", "许昌恒远电力装备有限公司", "电气机械和器材制造业", "七里店街道", "中型"),
    "智联": ("91411002MA47T3QD9A", "许昌智联精密传感技术有限公司", "仪器仪表制造业", "新兴街道", "小型"),
    "康泰": ("91411002MA4GK2N77C", "许昌康泰口腔医院有限公司", "卫生（口腔专科医院）", "文峰街道", "小型"),
    "华信": ("91411002MA3X8P6B24", "许昌华信软件技术有限公司", "软件和信息技术服务业", "西大街道", "小型"),
    "宏基": ("914110021754029177", "许昌宏基建设工程有限公司", "房屋建筑业", "东大街道", "中型"),
    "金桥": ("91411002779403566N", "许昌金桥食品有限公司", "食品制造业", "高桥营街道", "中型"),
    "豫通": ("914110020672815487", "许昌豫通汽车零部件有限公司", "汽车制造业", "七里店街道", "中型"),
    "绿源": ("91411002MA3XC5L994", "许昌绿源环保科技有限公司", "生态保护和环境治理业", "北大街道", "小型"),
    "天诚": ("914110025896324726", "许昌天诚医药连锁有限公司", "零售业（药品零售）", "南关街道", "中型"),
    "仁和": ("91411002MA3Y0E4U2W", "许昌仁和康复医院有限公司", "卫生（康复医院）", "南关街道", "小型"),
    "顺达": ("91411002698715322B", "许昌顺达物流有限公司", "道路运输业", "新兴街道", "中型"),
    "豫丰": ("91411002663578292N", "许昌豫丰陶瓷有限公司", "非金属矿物制品业", "丁庄街道", "小型"),
}

# New fictional organisations of 许昌市 (411002 魏都区, 411003 建安区): key → (name, area,
# registered after 2015, industry (GB/T 4754-2017 大类), township, size).
NEW = {
    "德源": ("许昌德源电气设备股份有限公司", "411002", False, "电气机械和器材制造业", "半截河街道", "大型"),
    "城建": ("许昌魏都城建集团有限公司", "411002", False, "土木工程建筑业", "南关街道", "大型"),
    "华兴": ("许昌华兴水务有限公司", "411002", False, "水的生产和供应业", "五一路街道", "中型"),
    "宏瑞": ("许昌宏瑞智能装备有限公司", "411002", False, "专用设备制造业", "丁庄街道", "中型"),
    "嘉禾": ("许昌嘉禾超市连锁有限公司", "411002", False, "零售业", "西大街道", "中型"),
    "东城": ("许昌东城数据科技有限公司", "411002", True, "软件和信息技术服务业", "文峰街道", "小型"),
    "颐和": ("许昌颐和医院有限公司", "411002", True, "卫生", "北大街道", "中型"),
    "通衢": ("许昌通衢物流有限公司", "411002", False, "道路运输业", "七里店街道", "中型"),
    "鼎诚": ("许昌鼎诚工程咨询有限公司", "411002", True, "专业技术服务业", "五一路街道", "小型"),
    "隆达": ("许昌隆达纺织有限公司", "411003", False, "纺织业", "建安区尚集镇", "中型"),
    "恒达": ("许昌恒达塑业有限公司", "411002", False, "橡胶和塑料制品业", "高桥营街道", "中型"),
    "永兴": ("许昌永兴精密铸造有限公司", "411002", False, "金属制品业", "半截河街道", "中型"),
    "瑞丰": ("许昌瑞丰面业有限公司", "411002", False, "农副食品加工业", "丁庄街道", "中型"),
    "万通": ("许昌万通医药有限公司", "411002", False, "批发业", "东大街道", "中型"),
    "老街": ("许昌老街餐饮管理有限公司", "411002", True, "餐饮业", "西大街道", "小型"),
    "云帆": ("许昌云帆网络科技有限公司", "411002", True, "互联网和相关服务", "文峰街道", "微型"),
    "汇丰": ("许昌汇丰建筑安装工程有限公司", "411002", False, "建筑安装业", "七里店街道", "小型"),
}

ORGS = {k: v for k, v in CASE.items()}
for key, (name, area, new_style, industry, township, size) in NEW.items():
    ORGS[key] = (make_code(name, area, new_style), name, industry, township, size)

REG = "《魏都区区长质量奖管理办法》"
MAIN, NOMINATION, INNOVATION = "区长质量奖", "区长质量提名奖", "质量管理创新奖"

# One cycle: (key, award applied for, outcome, {stage: total}, awards granted, reasons, articles).
# Totals are the score (of 1000) at 材料评审 and 现场评审; the 现场评审 score is the total
# (weidu.json review.total) and decides the awards: 区长质量奖 ≥600 within 2, 提名奖 ≥500
# within 4, 质量管理创新奖 to the others reaching 现场评审 with ≥500.
CYCLE_2024 = [
    ("德源", MAIN, "awarded", {"material": 712, "onsite": 718}, [MAIN], None, None),
    ("城建", MAIN, "awarded", {"material": 668, "onsite": 662}, [MAIN], None, None),
    ("华兴", MAIN, "awarded", {"material": 590, "onsite": 524}, [INNOVATION], None, None),
    ("宏瑞", NOMINATION, "awarded", {"material": 655, "onsite": 648}, [NOMINATION], None, None),
    ("嘉禾", NOMINATION, "awarded", {"material": 640, "onsite": 628}, [NOMINATION], None, None),
    ("东城", NOMINATION, "awarded", {"material": 622, "onsite": 606}, [NOMINATION], None, None),
    ("颐和", NOMINATION, "awarded", {"material": 615, "onsite": 585}, [NOMINATION], None, None),
    ("金桥", NOMINATION, "awarded", {"material": 598, "onsite": 552}, [INNOVATION], None, None),
    ("通衢", NOMINATION, "not_awarded", {"material": 575, "onsite": 494}, [], None, None),
    ("鼎诚", NOMINATION, "not_awarded", {"material": 548}, [], None, None),
    ("豫丰", NOMINATION, "not_awarded", {"material": 536}, [], None, None),
    ("智联", NOMINATION, "rejected", {}, [],
     f"贵单位成立于2023-09-18，截至申报截止日2024-09-18生产经营不满3年，不符合{REG}第九条关于“生产经营5年以上"
     "（专精特新“小巨人”企业可放宽至3年以上）”的规定。", "第九条"),
    ("豫通", NOMINATION, "rejected", {}, [],
     f"贵单位2024-03-01发生较大质量事故（一批制动软管爆裂，涉及整车召回1200余辆），不符合{REG}第十一条关于"
     "“近3年无较大质量、安全、环境污染、公共卫生、食品安全等事故，无重大质量投诉，无严重失信行为”的规定。", "第十一条"),
    ("仁和", NOMINATION, "rejected", {}, [],
     f"贵单位已于2022-09-18获得区长质量提名奖，至申报截止日2024-09-18未满4年（2026-09-18起方可重新申报），"
     f"不符合{REG}第十二条关于“获奖组织自获奖之日起4年内不得重复申报同一奖项”的规定。", "第十二条"),
    ("隆达", NOMINATION, "rejected", {}, [],
     f"贵单位注册地为建安区，不在魏都区行政区域内，不符合{REG}第九条关于“在魏都区行政区域内登记注册”的规定。", "第九条"),
]

CYCLE_2025 = [
    ("恒达", MAIN, "awarded", {"material": 718, "onsite": 706}, [MAIN], None, None),
    ("永兴", MAIN, "awarded", {"material": 610, "onsite": 566}, [INNOVATION], None, None),
    ("瑞丰", NOMINATION, "awarded", {"material": 668, "onsite": 651}, [NOMINATION], None, None),
    ("万通", NOMINATION, "awarded", {"material": 650, "onsite": 627}, [NOMINATION], None, None),
    ("通衢", NOMINATION, "awarded", {"material": 636, "onsite": 608}, [NOMINATION], None, None),
    ("老街", NOMINATION, "not_awarded", {"material": 598, "onsite": 496}, [], None, None),
    ("云帆", NOMINATION, "not_awarded", {"material": 574}, [], None, None),
    ("汇丰", NOMINATION, "not_awarded", {"material": 566}, [], None, None),
    ("鼎诚", NOMINATION, "not_awarded", {"material": 578}, [], None, None),
    ("恒远", NOMINATION, "not_awarded", {"material": 592}, [], None, None),
    ("华信", NOMINATION, "rejected", {}, [],
     f"贵单位2023年度未进行卓越绩效自评，未达到2023—2024年连续2年卓越绩效自评良好的要求，不符合{REG}第九条关于"
     "“积极实行卓越绩效管理，连续2年自评良好”的规定。", "第九条"),
    ("宏基", MAIN, "rejected", {}, [],
     f"贵单位未获得区长质量提名奖，亦无评委会同意特批的决定，不符合{REG}第十条关于“获得区长质量提名奖1年以上”的规定。\n"
     f"贵单位2022年度、2023年度未进行卓越绩效自评，未达到2022—2024年连续3年卓越绩效自评良好的要求，不符合{REG}第十条关于"
     "“卓越绩效连续3年自评良好”的规定。", "第十条"),
    ("绿源", NOMINATION, "rejected", {}, [],
     f"贵单位2023-09-18发生重大环境污染事故（污水处理站设备故障致出水超标排放），不符合{REG}第十一条关于"
     "“近3年无较大质量、安全、环境污染、公共卫生、食品安全等事故，无重大质量投诉，无严重失信行为”的规定。", "第十一条"),
    ("康泰", NOMINATION, "rejected", {}, [],
     f"贵单位成立于2021-09-19，截至申报截止日2025-09-18生产经营不满5年，不符合{REG}第九条关于“生产经营5年以上"
     "（专精特新“小巨人”企业可放宽至3年以上）”的规定。", "第九条"),
    ("天诚", NOMINATION, "rejected", {}, [],
     f"贵单位2025-06-01发生严重失信行为（因欠缴税款被列入重大税收违法失信主体名单），不符合{REG}第十一条关于"
     "“近3年无较大质量、安全、环境污染、公共卫生、食品安全等事故，无重大质量投诉，无严重失信行为”的规定。\n"
     f"贵单位已于2023-01-10获得区长质量提名奖，至申报截止日2025-09-18未满4年（2027-01-10起方可重新申报），"
     f"不符合{REG}第十二条关于“获奖组织自获奖之日起4年内不得重复申报同一奖项”的规定。", "第十一条、第十二条"),
    ("顺达", NOMINATION, "rejected", {}, [],
     f"贵单位所获区长质量提名奖称号已于2024-02-01被撤销，至申报截止日2025-09-18未满4年（2028-02-01起方可再次申报），"
     f"不符合{REG}第三十条、第三十一条关于撤销称号后“4年内不接受该组织再次申报”的规定。", "第三十条、第三十一条"),
]

AWARDED_ON = {2024: "2024-12-20", 2025: "2025-12-19"}  # 表彰决定（魏都区人民政府）

# Company profiles for the yearly report figures: revenue 2022 (万元), yearly growth, profit
# margin %, tax % of revenue, R&D intensity %, quality loss rate %, customer satisfaction %,
# employees 2022, value added % of revenue.
PROFILES = {
    "德源": (86500, 0.082, 7.4, 4.1, 4.6, 0.62, 93.5, 1180, 27),
    "城建": (128400, 0.035, 4.2, 3.6, 1.2, 1.35, 90.2, 2650, 22),
    "华兴": (18600, 0.041, 6.8, 5.2, 1.5, 0.95, 91.8, 410, 38),
    "宏瑞": (23800, 0.118, 8.9, 3.8, 5.8, 0.74, 94.1, 326, 31),
    "嘉禾": (41200, 0.026, 2.6, 2.1, 0.3, 0.48, 92.6, 870, 16),
    "东城": (3650, 0.164, 11.5, 5.6, 12.4, 0.21, 95.3, 96, 55),
    "颐和": (15800, 0.063, 5.9, 2.4, 1.8, 0.36, 96.1, 520, 48),
    "金桥": (27300, 0.047, 6.2, 4.4, 2.1, 1.12, 92.9, 610, 24),
    "恒达": (34800, 0.071, 6.6, 3.9, 3.4, 0.88, 93.2, 452, 26),
    "永兴": (21500, 0.052, 5.1, 3.7, 3.1, 1.46, 91.4, 388, 28),
    "瑞丰": (16900, 0.058, 4.8, 3.2, 1.6, 0.69, 94.6, 274, 21),
    "万通": (52600, 0.049, 2.9, 1.9, 0.4, 0.27, 93.8, 342, 12),
    "通衢": (9800, 0.067, 3.8, 3.1, 0.6, 0.55, 92.1, 236, 35),
}

# Reports received (year due → date received); a year missing from a dict was not received
# (overdue: the due date 03-31 has passed). Some came after 03-31.
REPORTS = {
    ("德源", 2024): {2025: "2025-03-20", 2026: "2026-03-25"},
    ("城建", 2024): {2025: "2025-03-28"},
    ("华兴", 2024): {2026: "2026-04-08"},
    ("宏瑞", 2024): {2025: "2025-03-18", 2026: "2026-03-30"},
    ("嘉禾", 2024): {2025: "2025-04-16", 2026: "2026-03-27"},
    ("东城", 2024): {2025: "2025-03-31"},
    ("颐和", 2024): {2025: "2025-03-24", 2026: "2026-03-19"},
    ("金桥", 2024): {2025: "2025-03-26", 2026: "2026-03-31"},
    ("恒达", 2025): {2026: "2026-03-20"},
    ("永兴", 2025): {2026: "2026-03-16"},
    ("瑞丰", 2025): {2026: "2026-03-27"},
    ("万通", 2025): {},
    ("通衢", 2025): {2026: "2026-03-30"},
}

FILERS = ["王丽", "赵磊", "陈静", "刘洋", "孙婷", "周强", "吴敏", "郑凯", "冯雪", "何鹏", "高翔", "马琳", "杨帆"]


def figures_for(key, data_year):
    """The indicators of one year for one winner, as the pack's report form asks."""
    rev0, growth, margin, tax_pct, rd_pct, qloss, csat, emp0, va_pct = PROFILES[key]
    n = data_year - 2022
    wobble = lambda tag, amp: (int.from_bytes(digest("fig", key, data_year, tag)[:4], "big") / 2**32 * 2 - 1) * amp
    revenue = round(rev0 * (1 + growth) ** n * (1 + wobble("rev", 0.015)), 2)
    m = margin + wobble("margin", 0.6) + (-2.4 if data_year == 2022 and key in ("通衢", "嘉禾") else 0)
    profit = round(revenue * m / 100, 2)
    tax = round(revenue * (tax_pct + wobble("tax", 0.3)) / 100, 2)
    rd_expense = round(revenue * (rd_pct + 0.12 * n + wobble("rd", 0.15)) / 100, 2)
    rd_intensity = round(rd_expense / revenue * 100, 2)
    quality_loss = round(max(0.05, qloss - 0.06 * n + wobble("q", 0.05)), 2)
    satisfaction = round(min(99.0, csat + 0.4 * n + wobble("c", 0.3)), 2)
    employees = int(round(emp0 * (1 + growth * 0.45) ** n + wobble("emp", 6)))
    productivity = round(revenue * (va_pct / 100) / employees, 2)
    values = {"revenue": revenue, "profit": profit, "tax": tax, "rd_expense": rd_expense,
              "rd_intensity": rd_intensity, "quality_loss_rate": quality_loss,
              "customer_satisfaction": satisfaction, "labour_productivity": productivity, "employees": employees}
    return values


def yearly_report_form():
    for o in WEIDU["obligations"]:
        if o["id"] == "yearly-report":
            return o["report_form"]
    raise SystemExit("weidu.json has no yearly-report obligation")


def weidu_obligations(key, year):
    form = yearly_report_form()
    shown = form.get("years_shown", 3)
    out = []
    for o in WEIDU["obligations"]:
        entry = {"id": o["id"], "article": o["article"], "first_year": year + 1, "years": o.get("years", 0)}
        if "report_form" in o:
            entry["due"] = o["report_form"]["due"]
            reports = []
            received = REPORTS[(key, year)]
            for due_year in sorted(received):
                assert year + 1 <= due_year <= year + o["years"]
                filer = FILERS[int.from_bytes(digest("filer", key)[:2], "big") % len(FILERS)]
                phone = "0374-" + str(2100000 + int.from_bytes(digest("phone", key)[:3], "big") % 900000)
                figures = []
                for data_year in range(due_year - shown, due_year):
                    values = figures_for(key, data_year)
                    for ind in form["indicators"]:
                        figures.append({"indicator": ind["id"], "year": data_year, "value": values[ind["id"]]})
                on = datetime.date.fromisoformat(received[due_year])
                filled = on - datetime.timedelta(days=2 + digest("filled", key, due_year)[0] % 5)
                reports.append({"year": due_year, "received_on": received[due_year], "filled_by": filer,
                                "phone": phone, "filled_on": filled.isoformat(), "figures": figures})
            if reports:
                entry["reports"] = reports
        out.append(entry)
    return out


def weidu_cycle(year, rows):
    certificate_code = {a["name"]: a["certificate_code"] for a in WEIDU["awards"]}
    prize = {a["name"]: a["prize_yuan"] for a in WEIDU["awards"]}
    applications, granted, onsite = [], [], {}
    for key, applied, outcome, targets, awards, reasons, articles in rows:
        code, name, industry, township, size = ORGS[key]
        assert valid_32100(code), code
        app = {"credit_code": code, "name": name, "award": applied, "outcome": outcome}
        if reasons:
            app["reasons"] = reasons
            app["articles"] = articles
        app.update({"industry": industry, "township": township, "size": size})
        if targets:
            stages = [s for s in stage_ids(WEIDU) if s in targets]
            app["stage_reached"] = stages[-1]
            scores, totals = category_scores(WEIDU, code, year, targets)
            app["category_scores"] = scores
            if "onsite" in totals:
                onsite[key] = (applied, totals["onsite"], awards)
        applications.append(app)
        for award in awards:
            granted.append((key, award, onsite.get(key, (None, 0))[1]))
    check_weidu_conferral(year, rows, onsite)
    # 材料评审: those who did not advance to 现场评审 scored below every one who did.
    advanced = [t["material"] for _, _, _, t, _, _, _ in rows if "onsite" in t]
    stayed = [t["material"] for _, _, _, t, _, _, _ in rows if t and "onsite" not in t]
    assert max(stayed) < min(advanced), year
    # Certificate numbers in the order of the commendation: by award, then by score.
    order = {a["name"]: i for i, a in enumerate(WEIDU["awards"])}
    granted.sort(key=lambda g: (order[g[1]], -g[2]))
    seq, awards_out = {}, []
    for key, award, _ in granted:
        code, name = ORGS[key][0], ORGS[key][1]
        seq[award] = seq.get(award, 0) + 1
        number = WEIDU["certificates"]["number_pattern"].replace("{year}", str(year)) \
            .replace("{award_code}", certificate_code[award]).replace("{seq:3}", f"{seq[award]:03d}")
        awards_out.append({
            "credit_code": code, "name": name, "award": award, "awarded_on": AWARDED_ON[year], "repeat": False,
            "prize_yuan": prize[award],
            "certificate": {"number": number, "issued_on": AWARDED_ON[year]},
            "obligations": weidu_obligations(key, year),
        })
    return {"pack": "weidu", "year": year, "applications": applications, "awards": awards_out}


def check_weidu_conferral(year, rows, onsite):
    """The awards follow from the 现场评审 totals as weidu.json says (quota, min_total, threshold)."""
    spec = {a["name"]: a for a in WEIDU["awards"]}
    winners = {}
    for award in (MAIN, NOMINATION):
        c = spec[award]["conferral"]
        ranked = sorted((t, k) for k, (applied, t, _) in onsite.items() if applied in c["candidates_from"])
        ranked.reverse()
        for t, k in ranked[: spec[award]["quota"]]:
            if t >= c["min_total"]:
                winners.setdefault(k, award)
    for k, (applied, t, _) in onsite.items():
        if k not in winners and t >= spec[INNOVATION]["conferral"]["min_total"]:
            winners[k] = INNOVATION
    for key, applied, outcome, targets, awards, _, _ in rows:
        expected = [winners[key]] if key in winners else []
        assert awards == expected, (year, key, awards, expected, onsite.get(key))
        assert (outcome == "awarded") == bool(awards), (year, key)
        if key in CASE:  # the 2026 case's applicants: only 金桥's 2024 创新奖 is a prior award
            assert not awards or (key, year, awards) == ("金桥", 2024, [INNOVATION]), (key, year)


# ================================================================ 本溪市 2018–2024 (enrich only)

# credit code → (industry, township, size); the township and size of an organisation that is
# also in samples/benxi-2026/applicants.json are the same as there.
BENXI_FACTS = {
    "912105032417562201": ("燃气生产和供应业", "彩屯街道", "中型"),            # 本溪宏达燃气
    "91210503742705931X": ("专用设备制造业", "石桥子街道", "中型"),            # 本溪博瑞医疗器械
    "9121050524175881X7": ("黑色金属矿采选业", "思山岭街道", "大型"),          # 本溪龙新矿业
    "9121050070164523YJ": ("医药制造业", "石桥子街道", "大型"),                # 本溪华晨药业
    "9121052124176234MN": ("酒、饮料和精制茶制造业", "小市镇", "中型"),        # 辽宁太子河酿造
    "91210502241758066C": ("黑色金属冶炼和压延加工业", "平山街道", "大型"),    # 本溪钢联特殊钢制品
    "91210504241757899U": ("电力、热力生产和供应业", "高峪街道", "大型"),      # 本溪天力热电
    "9121050212093811A9": ("汽车制造业", "千金街道", "中型"),                  # 本溪北方机械重汽
    "91210502MA0P4K2X35": ("卫生", "南地街道", "中型"),                        # 本溪市第一人民医院医疗服务
    "912105032417544527": ("电气机械和器材制造业", "东风街道", "中型"),        # 本溪东方电力设备
    "9121050324175306WT": ("公共设施管理业", "河西街道", "中型"),              # 本溪水洞旅游发展
    "9121052255943210K6": ("农副食品加工业", "八里甸子镇", "小型"),            # 桓仁五女山食品
    "91210504MA10T2L8QX": ("非金属矿物制品业", "辽阳市弓长岭区汤河镇", "小型"),  # 本溪恒泰建材（注册地不在本溪市）
    "91210522787312496N": ("酒、饮料和精制茶制造业", "桓仁镇", "小型"),        # 桓仁浑江冰葡萄酒业
    "91210504241753310E": ("房屋建筑业", "新明街道", "大型"),                  # 本溪山城建设工程
}

# (year, credit code) → {stage: total}: who entered which stage with what score. The winners
# of each cycle reached 现场评审; a 市长质量奖 above a 提名奖 above those who did not advance.
BENXI_SCORES = {
    (2018, "912105032417562201"): {"material": 735, "onsite": 742},
    (2018, "91210503742705931X"): {"material": 720, "onsite": 716},
    (2018, "9121050524175881X7"): {"material": 690, "onsite": 684},
    (2018, "9121050070164523YJ"): {"material": 641},
    (2020, "91210502241758066C"): {"material": 760, "onsite": 768},
    (2020, "91210504241757899U"): {"material": 742, "onsite": 745},
    (2020, "9121050070164523YJ"): {"material": 712, "onsite": 705},
    (2020, "9121050212093811A9"): {"material": 655},
    (2022, "912105032417544527"): {"material": 772, "onsite": 780},
    (2022, "9121052124176234MN"): {"material": 735, "onsite": 731},
    (2022, "9121052255943210K6"): {"material": 718, "onsite": 712},
    (2022, "9121050324175306WT"): {"material": 668},
    (2024, "9121050212093811A9"): {"material": 790, "onsite": 795},
    (2024, "91210522787312496N"): {"material": 768, "onsite": 772},
    (2024, "91210504241753310E"): {"material": 752, "onsite": 760},
    (2024, "9121050324175306WT"): {"material": 738, "onsite": 741},
    (2024, "91210502MA0P4K2X35"): {"material": 690},
}

ADDED = ("industry", "township", "size", "stage_reached", "category_scores")


def enrich_benxi(doc):
    weights = BENXI["review"]["total"]["weights"]
    for cycle in doc["cycles"]:
        year = cycle["year"]
        award_rank = {}
        for a in cycle.get("awards", []):
            award_rank[a["credit_code"]] = 0 if a["award"] == "市长质量奖" else 1
        totals = {}
        for app in cycle.get("applications", []):
            for k in ADDED:
                app.pop(k, None)
            industry, township, size = BENXI_FACTS[app["credit_code"]]
            app.update({"industry": industry, "township": township, "size": size})
            targets = BENXI_SCORES.get((year, app["credit_code"]))
            assert (targets is None) == (app["outcome"] == "rejected"), (year, app["name"])
            if targets:
                app["stage_reached"] = [s for s in stage_ids(BENXI) if s in targets][-1]
                scores, got = category_scores(BENXI, app["credit_code"], year, targets)
                app["category_scores"] = scores
                totals[app["credit_code"]] = (award_rank.get(app["credit_code"], 2), got)
        # Winners above the others: 市长质量奖 > 提名奖 by the combined score (资料评审 30%,
        # 现场评审 70%); those who did not advance scored below every one who did at 资料评审.
        advanced = [(rank, sum(got[s] * w for s, w in weights.items()) / 100)
                    for rank, got in totals.values() if "onsite" in got]
        ranked = sorted(advanced, key=lambda t: -t[1])
        assert [r for r, _ in ranked] == sorted(r for r, _ in ranked), (year, ranked)
        stayed = [got["material"] for _, got in totals.values() if "onsite" not in got]
        assert not stayed or max(stayed) < min(got["material"] for _, got in totals.values() if "onsite" in got), year
        # Every award went to an organisation that reached 现场评审.
        for a in cycle.get("awards", []):
            assert BENXI_SCORES.get((year, a["credit_code"]), {}).get("onsite"), (year, a["name"])
    return doc


# ================================================================ checks shared by both

def check_weak_categories(doc, pack):
    """Per cycle, the average of 4.6 and 4.7 at the first stage are the two lowest, and rise over the cycles."""
    first = stage_ids(pack)[0]
    previous = None
    for cycle in doc["cycles"]:
        sums = {}
        for app in cycle.get("applications", []):
            for s in app.get("category_scores", []):
                if s["stage"] == first:
                    sums.setdefault(s["category"], []).append(s["percent"])
        means = {c: sum(v) / len(v) for c, v in sums.items()}
        lowest = sorted(means, key=means.get)[:2]
        assert sorted(lowest) == ["4.6", "4.7"], (cycle["year"], means)
        if previous:
            assert means["4.6"] > previous["4.6"] and means["4.7"] > previous["4.7"], (cycle["year"], means, previous)
        previous = means


def check_case_consistency():
    """Townships and sizes of organisations also in the 2026 cases match the cases' applicants.json."""
    for case, facts in (("weidu-2026", {v[0]: (v[3], v[4]) for v in CASE.values()}),
                        ("benxi-2026", {k: (v[1], v[2]) for k, v in BENXI_FACTS.items()})):
        with open(os.path.join(ROOT, "samples", case, "applicants.json"), encoding="utf-8") as f:
            applicants = json.load(f)["applicants"]
        for a in applicants:
            if a["credit_code"] in facts and "township" in a:
                assert (a["township"], a.get("size")) == facts[a["credit_code"]], (case, a["name"])


def main():
    weidu = {"format": "award-registry/1", "cycles": [weidu_cycle(2024, CYCLE_2024), weidu_cycle(2025, CYCLE_2025)]}
    check_weak_categories(weidu, WEIDU)
    codes = [app["credit_code"] for c in weidu["cycles"] for app in c["applications"]]
    assert all(valid_32100(c) for c in codes)
    with open(BENXI_FILE, encoding="utf-8") as f:
        benxi = enrich_benxi(json.load(f))
    check_weak_categories(benxi, BENXI)
    check_case_consistency()
    write(WEIDU_FILE, weidu)
    write(BENXI_FILE, benxi)
    for path, doc in ((WEIDU_FILE, weidu), (BENXI_FILE, benxi)):
        counts = ", ".join(f"{c['year']}: {len(c.get('applications', []))} 申报 / {len(c.get('awards', []))} 获奖"
                           for c in doc["cycles"])
        print(f"{os.path.relpath(path, ROOT)}: {counts}")


if __name__ == "__main__":
    main()
