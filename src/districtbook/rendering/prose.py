"""Sentences from findings: the main points a chapter opens with, and the comparisons it refuses.

Every sentence states its figures with their periods, keeps the articles' hedges ("hơn", "ước") and
cites the articles it rests on; its words come from the catalogues (:mod:`districtbook.rendering.i18n`).
"""
from __future__ import annotations

import math
import re
from dataclasses import replace

import pandas as pd

from districtbook.rendering import ledger
from districtbook.base.collate import sorted_names
from districtbook.analysis import headline
from districtbook.analysis.dataset import WHEN
from districtbook.analysis.revenue import scope_of
from districtbook.analysis.findings import Finding, Verdict, collect, direction, expected, goal, per_year, refusals
from districtbook.rendering.i18n import date_text, figure_period_text, period_text, plural, text
from districtbook.rendering.labels import cite, fmt_value, hedged, label, lower_first, round_for_prose
from districtbook.extraction.metrics import METRICS
from districtbook.extraction.periods import Period
from districtbook.rendering.report import MyST, escape, fmt_number, unescape
from districtbook.rendering.wording import RATED, article_words, holder_titles, recent_years

_PAREN = re.compile(r"\s*\([^)]*\)\s*$")
_NOUN = re.compile(r"^[\d.,]+\s+(?P<noun>\D+)$")


def metric_words(metric: str, lang: str) -> str:
    """A metric's label inside a sentence: lower case, without a trailing "(unit)"; a growth of a metric
    reads as one phrase ("growth in state budget revenue", not "state budget revenue, growth ...")."""
    if metric.endswith("_growth") and metric.removesuffix("_growth") in METRICS:
        return text(lang, "metric.growth_of", metric=metric_words(metric.removesuffix("_growth"), lang))
    if metric.endswith("_vs_term_start") and metric.removesuffix("_vs_term_start") in METRICS:
        return metric_words(metric.removesuffix("_vs_term_start"), lang)
    return lower_first(_PAREN.sub("", label(metric, lang)))


def amount_of(row: dict, lang: str, hedge: bool = True) -> str:
    """A figure's value as printed in prose: unit, counted noun (from the quote, Vietnamese edition) and hedge;
    "từ 90 đảng viên trở lên" stays "from … or more" (:func:`districtbook.rendering.wording.or_more`)."""
    v = fmt_value(row["value"], row["unit"], row.get("denominator"), lang)
    if row["unit"] == "ratio" and str(row.get("metric", "")).startswith("targets_") and row.get("denominator"):
        x, y = fmt_number(row["value"], lang), fmt_number(row["denominator"], lang)  # "met all 21", "19 of its 20"
        v = text(lang, "amount.all_of" if row["value"] == row["denominator"] else "amount.x_of_y", x=x, y=y)
    noun = counted_noun(row, lang)
    if noun:
        v = f"{v} {noun}"
    if row.get("words", {}).get("or_more"):
        return text(lang, "hedge.or_more", value=v)
    return _hedged(v, row, lang) if hedge else v


#: the hedges an article's own word gives a bound: "gần" (nearly), "từ"/"ít nhất" (at least) (wording.hedge_word)
_ARTICLE_HEDGES = {"nearly": "hedge.nearly", "at_least": "hedge.at_least"}


def _hedged(value: str, row: dict, lang: str) -> str:
    """A value with the figure's hedge in the article's word: "gần 4.300", "ít nhất 5", else the qualifier's."""
    words = row.get("words", {})
    key = next((key for word, key in _ARTICLE_HEDGES.items() if words.get(word)), "")
    return text(lang, key, value=value) if key else hedged(value, row.get("qualifier", ""), lang)


def counted_noun(row: dict, lang: str) -> str:
    """What a count counts, in the article's word after the number (Vietnamese edition: "đảng viên" of "145 đảng
    viên"); "" otherwise (the English messages carry the noun)."""
    m = _NOUN.match(str(row.get("quote", "")).strip()) if row["unit"] == "count" and lang == "vi" else None
    return m["noun"].strip() if m else ""


def value_of(row: dict, lang: str, hedge: bool = True, verb: bool = False) -> str:
    """A figure's value as a table or a comparison prints it, a yearly figure marked as such ("mỗi năm kết nạp
    mới từ 90 đảng viên": never read as a term total); ``verb`` puts "đạt" before an unhedged Vietnamese value."""
    v = amount_of(row, lang, hedge)
    if verb and v == fmt_value(row["value"], row["unit"], row.get("denominator"), lang):
        v = text(lang, "value.reached", value=v)
    if per_year(row):
        v = text(lang, _per_year_key(row), value=v)
    return v


def _per_year_key(row: dict) -> str:
    """How a yearly value is marked: "… mỗi năm", or "bình quân … mỗi năm" when its article says "bình quân" (an
    average over the years, not the figure of every year)."""
    return "value.per_year_average" if (row.get("words") or {}).get("average") else "value.per_year"


def derived(value: float, unit: str, lang: str, hedge: str = "", noun: str = "") -> str:
    """A value the book computed, rounded for prose, with its hedge and the ``noun`` it counts; a count in whole
    numbers ("khoảng 18 đảng viên mỗi tháng", not 17,5); a bound rounded the way that keeps it true.

    >>> derived(37016 / 3, "VND_bn", "vi", "more_than"), derived(37016 / 3, "VND_bn", "vi", "approx")
    ('hơn 12.338 tỷ đồng', 'khoảng 12.339 tỷ đồng')
    """
    v = fmt_value(_rounded_bound(value, unit, hedge), unit, None, lang)
    return hedged(f"{v} {noun}" if noun else v, hedge, lang)


def _rounded_bound(value: float, unit: str, hedge: str) -> float:
    """A computed value rounded for prose (whole counts; :func:`round_for_prose`), a bound rounded the way that keeps it
    true: "hơn 37.016 tỷ" over 3 years is more than 12.338, never "hơn 12.339"."""
    places = 0 if unit == "count" else round_for_prose(value) or 0
    step = 10.0 ** -places
    if hedge in ("more_than", "at_least"):
        value = math.floor(value / step + 1e-9) * step
    elif hedge in ("less_than", "at_most"):
        value = math.ceil(value / step - 1e-9) * step
    return round(value) if places == 0 else round(value, places)


def pct(x: float, lang: str) -> str:
    return fmt_number(round(x, 1), lang) + "%"


def _footing(prefix: str, footing: str, lang: str) -> str:
    return "" if footing == "as_reported" else text(lang, f"{prefix}.{footing}")


def _cites(rows: list[dict], lang: str) -> str:
    return " ".join(dict.fromkeys(escape(cite(r, lang)) for r in rows))  # the outlet comes from the article


# --- the clause "who did what": the place (or the actor) as its subject, the verb carrying the qualifier --------

def _message(lang: str, key: str, fallback: str, **fields: object) -> str:
    try:
        return text(lang, key, **fields)
    except KeyError:
        return text(lang, fallback, **fields)


#: the measures a sentence says with their own verb ("thu ngân sách", "kết nạp", "hoàn thành … chỉ tiêu"): their
#: ``act.did.<metric>`` (what was done) and ``act.do.<metric>`` (after "phấn đấu", "dự kiến", "còn cần") messages;
#: any other measure is said with its noun (``clause.<mood>.noun``: "Tây Hồ có tỷ lệ … đạt 99,9%")
ACTS = ("budget_revenue", "land_use_revenue", "public_investment_disbursement", "party_members_admitted",
        "targets_completed", "targets_exceeded", "confidence_votes", "economic_growth_rate",
        "production_value_growth", "party_units_excellent_share", "party_units_good_share", "new_enterprises",
        "targets_total", "confidence_votes_high")  # votes of high confidence: the article's "tín nhiệm cao"
#: shares of things counted ("100% chợ", "95% hồ sơ"): the share goes before the things, as reports write it
#: (``clause.<mood>.portion``: "Tây Hồ có 100% chợ thanh toán không dùng tiền mặt", "Tây Hồ phấn đấu 100% hồ sơ …")
PORTIONS = ("cashless_markets", "cashless_streets", "cashless_businesses", "cashless_vendors", "digitised_records",
            "records_on_time")
#: amounts of money: collected or spent (:func:`money_verb`), said with ``act.*.revenue`` / ``act.*.spending``
MONEY = frozenset({"VND_bn", "VND_mn", "VND_tn"})
MONEY_VERBS = ("revenue", "spending")
#: what the verb says of a figure (:func:`mood`), and "need" for what is left to reach a plan
MOODS = ("did", "aim", "expect", "need")
#: the house words for what a per cent of plan is measured against (:func:`plan_kind`)
PLAN_KINDS = ("plan_year", "plan", "estimate_year", "estimate", "assigned", "target")
#: the sectors of the economy's structure (``sector.<name>``)
SECTORS = ("services", "industry", "agriculture", "industry_construction")


def mood(row: dict) -> str:
    """What the verb says of a figure: achieved ("did"), aimed for ("aim": a target), expected ("expect": a
    forecast for a period not yet over)."""
    if row.get("metric") == "targets_total":  # "đề ra 27 chỉ tiêu": how many targets a resolution set is a fact of it
        return "did"
    if goal(row):
        return "aim"
    return "expect" if expected(row) else "did"


def _what(row: dict, lang: str) -> str:
    """The measure in the article's words (Vietnamese) or the house words of the edition."""
    words, m = row.get("words", {}), str(row.get("metric", ""))
    if m == "budget_revenue":
        word = words.get("revenue", "")
        if lang == "vi":
            return word or text(lang, "what.revenue.any")
        scope = {"state": "what.revenue.state", "local": "what.revenue.district"}.get(scope_of(word), "what.revenue.any")
        return text(lang, scope)
    if m == "economic_growth_rate":
        word = words.get("growth", "")
        if lang == "vi":
            return word or "kinh tế"
        return text(lang, "what.growth.production" if word == "giá trị sản xuất" else "what.growth.economy")
    if m in ("party_units_good_share", "party_units_excellent_share"):  # "100% chi bộ", "92% đảng viên"
        word = words.get("rated", "")
        key = dict(RATED).get(word, "rated.units")
        return word if lang == "vi" and word else text(lang, key)
    if m.startswith("targets_"):
        scope = words.get("scope", "")
        if m == "targets_exceeded" and lang == "vi":  # "6/21 chỉ tiêu hoàn thành vượt kế hoạch", said once
            return scope.removeprefix("chỉ tiêu").strip() if "vượt" in scope else "hoàn thành vượt mức"
        if lang == "vi":
            return scope.removeprefix("chỉ tiêu").strip()
        return target_scope(scope, lang)
    return ""


#: which targets an x/y count is of, in the article's words, and the catalogue's words for it
_TARGET_SCOPES = (("nhiệm kỳ", "what.targets.term"), ("kinh tế - xã hội", "what.targets.socio_economic"),
                  ("kinh tế-xã hội", "what.targets.socio_economic"), ("kinh tế, xã hội", "what.targets.socio_economic"),
                  ("xây dựng Đảng", "what.targets.party"), ("quốc phòng", "what.targets.defence"))


def target_scope(scope: str, lang: str) -> str:
    """Which targets, in an edition that does not print the article's words: " for the whole term", " for party
    building"; a scope the catalogue has no words for is kept in the article's words, quoted; "" when none is given.

    >>> target_scope("chỉ tiêu về công tác xây dựng Đảng", "en"), target_scope("chỉ tiêu về môi trường", "en")
    (' for party building', ' (“chỉ tiêu về môi trường”)')
    """
    for words, key in _TARGET_SCOPES:
        if words in scope:
            return text(lang, key)
    return text(lang, "what.targets.quoted", scope=escape(scope)) if scope.strip() not in ("", "chỉ tiêu") else ""


def _act_key(row: dict, metric: str) -> str:
    """The measure whose verb a clause uses (``act.<form>.<key>``): its own, money collected or spent, votes of
    high confidence ("tín nhiệm cao"); "" for a measure said with a noun."""
    key = metric if metric in ACTS else money_verb(metric) if row.get("unit") in MONEY else ""
    return "confidence_votes_high" if key == "confidence_votes" and row.get("words", {}).get("high") else key


def clause(row: dict, lang: str, who: str, amount: str | None = None, mood_: str | None = None) -> str:
    """"Tây Hồ thu ngân sách ước đạt 2.511 tỷ đồng", "Tây Hồ collected an estimated 2,511 billion VND in state budget
    revenue": the catalogue's verb for the measure (``act.<metric>``) or its noun (``clause.<mood>.noun``), the
    mood's verb (phấn đấu, dự kiến), the hedge with the value (ước đạt, hơn)."""
    mood_ = mood_ or mood(row)
    metric = str(row["metric"])
    if amount is not None:  # a value the book derived ("không quá 864 tỷ đồng"): its own hedge, no verb of the article
        value = amount
    else:
        amount, value = _amount_and_value(row, lang, mood_)
    holder = row.get("words", {}).get("holder", "")
    if metric == "confidence_votes" and holder:  # whose votes: the officials the article names
        who = _vote_holders(holder, who, lang)
    if metric.endswith("_change") and row.get("unit") in ("VND_bn", "count", "score", "pp") and mood_ == "did":
        return _change_clause(row, lang, who)
    fields = dict(who=who, amount=amount, value=value, what=_what(row, lang), metric=metric_words(metric, lang))
    act_key = _act_key(row, metric)
    yearly, key = per_year(row), _per_year_key(row)
    if yearly and (key == "value.per_year_average" or not act_key):  # the yearly mark with its value: "a target of
        # 10% a year for …", "tăng trưởng kinh tế bình quân 14,01% mỗi năm" (an average, said where its value is)
        fields.update(amount=text(lang, key, value=amount), value=text(lang, key, value=value))
        yearly = False
    if act_key:
        act = text(lang, f"act.{'did' if mood_ == 'did' else 'do'}.{act_key}", **fields)
        out = text(lang, f"clause.{mood_}.verb", act=act, **{k: v for k, v in fields.items() if k != "act"})
        out = re.sub(r"\s{2,}", " ", out).strip()
        return text(lang, "clause.per_year", clause=out) if yearly else out  # "kết nạp … mỗi năm"
    if metric in PORTIONS and row.get("unit") == "percent" and mood_ != "need":
        return text(lang, f"clause.{mood_}.portion", portion=text(lang, f"portion.{metric}"), **fields)
    counted = counted_thing(row, lang)
    if counted and mood_ != "need":  # "Kinh Môn có 25 tuyến phố văn minh", not "có tuyến phố văn minh đạt 25 tuyến phố"
        return text(lang, f"clause.{mood_}.count", who=who, amount=counted)
    return re.sub(r"\s{2,}", " ", text(lang, f"clause.{mood_}.noun", **fields)).strip()


def _vote_holders(holder: str, who: str, lang: str) -> str:
    """Whose votes of confidence: the officials as the article names them ("… và …" each: "đều"), or their offices in
    an edition that does not print the names."""
    if lang == "vi":
        return escape(holder) + (" đều" if " và " in holder else "")
    titles = [text(lang, f"who.title.{t}") for t in holder_titles(holder)]
    return text(lang, "who.holders_each" if len(titles) > 1 else "who.holders", district=who,  # two officials, each
                titles=text(lang, "who.title.and").join(titles) if titles else text(lang, "who.leaders"))


def _change_clause(row: dict, lang: str, who: str) -> str:
    """By how much a measure rose or fell ("tăng 1.377 doanh nghiệp so với cùng kỳ"): "Quận 12's enterprises rose by
    1,377 on the same period a year earlier", never "enterprises, change stood at 1,377"."""
    value = row["value"]  # typed by the reader (analysis.dataset)
    amount = amount_of({**row, "value": abs(value)}, lang)
    basis, metric = row.get("basis"), str(row["metric"])
    base = text(lang, "change.base.week") if metric.endswith("_wow_change") else text(lang, "change.base.yoy") \
        if basis == "yoy" else text(lang, "change.base.term_start") if basis == "term_start" else ""
    return text(lang, "clause.change.up" if value >= 0 else "clause.change.down", who=who, amount=amount, base=base,
                metric=lower_first(metric_words(metric.removesuffix("_change").removesuffix("_wow"), lang)))


def _amount_and_value(row: dict, lang: str, mood_: str) -> tuple[str, str]:
    """A figure's amount, and its value with the verb that carries the qualifier: "ước đạt", "đạt hơn", "đạt"
    (Vietnamese); English hedges the value itself."""
    words = row.get("words", {})
    amount = amount_of(row, lang, hedge=mood_ == "did" or row.get("qualifier") not in ("estimate", "target"))
    if mood_ == "did" and row.get("qualifier") == "estimate" and not words.get("or_more"):
        return amount, text(lang, "verb.estimate", value=fmt_value(row["value"], row["unit"], row.get("denominator"), lang))
    if mood_ == "did" and words.get("estimated"):
        return amount, text(lang, "verb.estimate_bound", value=amount)
    return amount, text(lang, "verb.reach", value=amount)


def counted_thing(row: dict, lang: str) -> str:
    """A count whose measure is the thing counted, in the Vietnamese edition ("25 tuyến phố" of "tuyến phố văn minh"):
    the number and the measure's words ("25 tuyến phố văn minh"); "" otherwise."""
    noun = "" if row.get("words", {}).get("or_more") else counted_noun(row, lang)
    words = metric_words(str(row["metric"]), lang)
    if not noun or not words.startswith(noun):
        return ""
    return _hedged(f"{fmt_number(row['value'], lang)} {words}", row, lang)


def money_verb(metric: str) -> str:
    """Whether an amount of a measure is collected ("revenue": "Thu nội địa") or spent ("spending": "Chi thường
    xuyên"), read from its Vietnamese label; "" for neither.

    >>> money_verb("domestic_revenue"), money_verb("recurrent_expenditure"), money_verb("total_social_investment")
    ('revenue', 'spending', '')
    >>> money_verb("income_per_capita")
    ''
    """
    words = label(metric, "vi")
    if words.startswith("Thu nhập"):  # income is earned, not collected
        return ""
    return "revenue" if words.startswith("Thu ") else "spending" if words.startswith("Chi ") else ""


def opening(p: Period | None, lang: str, label: str = "") -> str:
    """The period that opens the sentence, as reports do: "9 tháng năm 2024, " / "In the first 9 months of 2024, "
    (``label``: the period as printed, for a label that names no period the book knows)."""
    words = period_text(p, lang, label) if p is not None or label else ""
    if not words or words == text(lang, "period.unknown"):
        return ""
    if p is not None and p.granularity == "ytd":  # "So far in 2019, …", never "In 2019 to date, …"
        return text(lang, "open.ytd", year=p.start.year)
    out = text(lang, "open.period", period=words)
    return out[:1].upper() + out[1:]


def _said_before_the_end(row: dict, when: Period | None) -> bool:
    """Whether a result of a year was reported in its last month, before the year was over ("đã hoàn thành 19/20
    chỉ tiêu … năm 2023" on 12 December 2023): the year's result as things stood that day (an earlier month's report
    is no finding at all: :func:`~districtbook.analysis.dataset.year_not_over`).

    >>> from datetime import date
    >>> y = Period(date(2023, 1, 1), date(2023, 12, 31), "year", "2023")
    >>> r = dict(published="2023-12-12", qualifier="actual", when=y, period="2023", per_year="", basis="none")
    >>> _said_before_the_end(r, y), _said_before_the_end(dict(r, published="2024-01-05"), y), _said_before_the_end(dict(r, qualifier="estimate"), y)
    (True, False, False)
    """
    pub = str(row.get("published", ""))
    if when is None or when.granularity != "year" or not re.fullmatch(r"\d{4}-\d\d-\d\d", pub) or mood(row) != "did" \
            or row.get("qualifier") not in ("actual", "more_than", "less_than", ""):
        return False
    return pub[:7] == f"{when.end.year}-{when.end.month:02d}" and pub < when.end.isoformat()


def _first_upper(s: str) -> str:
    return s[:1].upper() + s[1:]


def recent_span(rows: list[dict], when: Period | None, lang: str, texts: dict[str, str] | None = None) -> str:
    """A span its article names only by its number of years ("trong 3 năm", in a report of April 2023), said so:
    "trong 3 năm tính đến tháng 4/2023" / "the 3 years to April 2023", never "2020-2022" ("" for any other).
    The rows' article words (:func:`with_words`), or ``texts`` to read them from."""
    def years(r: dict) -> str:
        if texts is not None and r.get("doc") in texts:
            return recent_years(r, texts[r["doc"]])
        return str((r.get("words") or {}).get("recent_years", ""))

    n, pub = {years(r) for r in rows}, {str(r.get("published", ""))[:7] for r in rows}
    if len(n) != 1 or len(pub) != 1 or when is None or when.granularity != "span":
        return ""
    (count,), (month,) = n, pub
    if not (count.isdigit() and re.fullmatch(r"\d{4}-\d{2}", month) and when.end.year - when.start.year + 1 == int(count)):
        return ""
    return text(lang, "period.recent_years", n=count, name=text(lang, f"month.{int(month[5:])}"), year=month[:4])


def _base(f: Finding, lang: str) -> dict:
    recent = recent_span(f.rows, f.when, lang)
    period = recent or period_text(f.when, lang, f.period)
    when = _first_upper(text(lang, "open.period", period=recent)) if recent else opening(f.when, lang, f.period)
    if not recent and f.rows and mood(f.rows[0]) == "aim" and f.when is not None and f.when.years > 1:
        when = _first_upper(text(lang, "open.aim", period=period))  # "For 2021-2025, …": a goal is set for a term
    elif f.kind == "share" and f.when is not None and f.when.years > 1:  # a structure reached, not a span's level
        when = _first_upper(text(lang, "open.end_of", period=period_text(f.when, lang, f.period)))
    elif f.rows and _said_before_the_end(f.rows[0], f.when):  # "Năm 2023 (tính đến 12/12/2023), …"
        when = _first_upper(text(lang, "open.so_far", period=period, date=date_text(str(f.rows[0]["published"]), lang)))
    if f.metric == "confidence_votes" and f.when is not None and f.when.granularity == "half_term":
        # a vote of confidence is taken at the term's mid-point ("lấy phiếu tín nhiệm giữa nhiệm kỳ"), not over its half
        y1, y2 = f.when.label.split("-")[:2]
        period, when = (text(lang, "period.mid_term", start=y1, end=y2), text(lang, "open.mid_term", start=y1, end=y2))
    return dict(district=escape(f.district), who=escape(f.district), metric=metric_words(f.metric, lang),
                period=period, when=when, cite=_cites(f.rows, lang), cites=_cites(f.rows, lang))


def _against(r: dict, s: dict, v: dict, lang: str) -> str:
    """"bằng 89% kế hoạch năm" / "89% of the annual plan": the plan in the article's words."""
    plan = _plan_words(s, lang)
    if s.get("words", {}).get("no_plan"):  # "đạt tỷ lệ 114,2%": no plan the book may name
        return text(lang, "against.unstated", pct=hedged(pct(v["pct"], lang), s.get("qualifier", ""), lang))
    if s.get("qualifier") == "estimate":  # "ước bằng 62,4% dự toán", never "bằng ước 62,4%"
        key = "against.over_estimate" if v["pct"] > 100 else "against.reach_estimate"
        return text(lang, key, pct=pct(v["pct"], lang), plan=plan)
    key = "against.over" if v["pct"] > 100 else "against.reach"
    return text(lang, key, pct=hedged(pct(v["pct"], lang), s.get("qualifier", ""), lang), plan=plan)


def _plan_words(row: dict, lang: str) -> str:
    """What a per cent of plan is measured against: the article's words (Vietnamese) or the house words."""
    word = row.get("words", {}).get("plan", "")
    return word if lang == "vi" and word else text(lang, "plan." + plan_kind(word, row.get(WHEN)))


def plan_kind(word: str, when: Period | None = None) -> str:
    """The house word for what a per cent of plan is measured against (``locale/STYLE.md``): a budget estimate
    ("dự toán"), a target set by the city ("chỉ tiêu … giao"), a target, or a plan; with no word of the article's,
    the year's plan unless the figure spans several years ("đạt tỷ lệ 114,2%" over a term: the term's plan).

    >>> plan_kind("dự toán năm"), plan_kind("chỉ tiêu thành phố giao"), plan_kind("kế hoạch năm"), plan_kind("")
    ('estimate_year', 'assigned', 'plan_year', 'plan_year')
    >>> plan_kind("", Period.parse("2016-2020")), plan_kind("", Period.parse("2024-9M"))
    ('plan', 'plan_year')
    """
    yearly = "_year" if "năm" in word or not word and (when is None or when.years <= 1) else ""
    if word.startswith("dự toán"):
        return "estimate" + yearly
    if word.startswith("chỉ tiêu"):
        return "assigned" if "giao" in word else "target"
    return "plan" + yearly


def _progress(f: Finding, lang: str) -> tuple[str, dict]:
    r, s = f.rows[0], f.rows[1]
    v = f.values
    yoy = v.get("yoy")  # the change on the year before the article gives for the same figure, in the same sentence
    fields = dict(_base(f, lang), clause=clause(r, lang, escape(f.district)), against=_against(r, s, v, lang),
                  yoy=text(lang, "progress.yoy", direction=text(lang, "direction.up" if yoy >= 0 else "direction.down"),
                           change=fmt_number(round(abs(yoy), 4), lang) + "%") if yoy is not None else "")
    if "lead" not in v:
        return "say.progress", dict(fields, pace="")
    lead = v["lead"]
    pace = text(lang, "pace.level") if abs(lead) < 1 else text(
        lang, "pace.ahead" if lead > 0 else "pace.behind", lead=plural(lang, "count.points", abs(lead)))
    return "say.progress", dict(fields, pace=text(lang, "pace.clause", pace=pace, elapsed=pct(v["elapsed"], lang)))


def _change(f: Finding, lang: str) -> tuple[str, dict]:
    r, v = f.rows[0], f.values
    prev = f.when
    return "say.change", dict(_base(f, lang), clause=clause(r, lang, escape(f.district)),
                              direction=text(lang, "direction.up" if v["change"] >= 0 else "direction.down"),
                              change=pct(abs(v["change"]), lang), previous=derived(v["previous"], r["unit"], lang),
                              previous_period=period_text(prev.previous_year() if prev else None, lang))


def _above_early(v: dict) -> bool | None:
    """Whether a quarter is above the quarterly average of the months before it; None when the bounds do not tell:
    at most 864 after a first half of more than 1.647 (more than 823,5 a quarter) may be either.

    >>> _above_early(dict(value=864.0, per_quarter_early=823.5, hedge="at_most")), _above_early(dict(value=864.0, per_quarter_early=823.5, hedge=""))
    (None, True)
    """
    above = v["value"] >= v["per_quarter_early"]
    if v["hedge"] == "at_most" and above or v["hedge"] == "at_least" and not above:
        return None  # the quarter's bound and the earlier months' own bound point the same way
    return above


def _quarter(f: Finding, lang: str) -> tuple[str, dict]:
    r, v, unit = f.rows[0], f.values, f.rows[0]["unit"]
    if not math.isnan(v.get("ratio", math.nan)):
        key = "quarter.vs_previous" if v["ratio"] >= 1 else "quarter.below_previous"
        compare = text(lang, key, ratio=fmt_number(round(v["ratio"], 1), lang), pct=pct(100 * v["ratio"], lang),
                       previous=derived(v["previous"], unit, lang), previous_span=period_text(v["previous_span"], lang))
    else:
        above = _above_early(v)
        compare = "" if above is None else text(lang, "quarter.vs_early.above" if above else "quarter.vs_early.below",
                                                early=period_text(v["early"], lang),
                                                average=derived(v["per_quarter_early"], unit, lang))
    amount = derived(v["value"], unit, lang, v["hedge"])
    return "say.quarter", dict(_base(f, lang), span=period_text(v["span"], lang),
                               clause=clause(dict(r, qualifier="actual"), lang, escape(f.district), amount, "did"),
                               late=period_text(v["late"], lang), early=period_text(v["early"], lang), compare=compare)


def _gap(f: Finding, lang: str) -> tuple[str, dict]:
    r, v, unit = f.rows[0], f.values, f.rows[0]["unit"]
    p = f.when
    assert p is not None  # a gap is only found for a year-to-date period (findings.progress)
    per_month, done = v["remaining"] / v["months_left"], r["value"] / v["months_done"]
    noun = counted_noun(r, lang)

    def amount(x: float, hedge: str = "") -> str:  # the book's arithmetic, in the figure's unit and noun
        return derived(x, unit, lang, hedge, noun)

    need = clause(dict(r, qualifier="actual"), lang, escape(f.district), amount(v["remaining"], "approx"), "need")
    return "say.gap", dict(_base(f, lang), year=p.start.year, plan=amount(v["plan"]), clause=need,
                           months_left=v["months_left"], per_month=amount(per_month),
                           done_per_month=amount(done), cmp=text(lang, "cmp.below" if per_month < done else "cmp.above"))


def _contradiction(f: Finding, lang: str) -> tuple[str, dict]:
    r, v, unit = f.rows[0], f.values, f.rows[0]["unit"]
    base = _base(f, lang)
    what = v["what"]
    if what == "component":
        return "say.contradiction.component", dict(base, cite=escape(cite(r, lang)), value=value_of(r, lang, hedge=False),
                                                   whole=metric_words(v["whole"], lang), plan=derived(v["plan"], unit, lang),
                                                   cite_whole=_cites(f.rows[1:], lang))
    if what == "differ":
        a, b = f.rows[0], f.rows[1]
        return "say.contradiction.differ", dict(base, a=value_of(a, lang), b=value_of(b, lang), cite_a=escape(cite(a, lang)),
                                                cite_b=escape(cite(b, lang)),
                                                diff=fmt_value(abs(b["value"] - a["value"]), unit, None, lang))
    key = "say.agreement" if f.kind == "agreement" else "say.contradiction.plans"
    return key, dict(base, year=f.period, a=derived(v["a"], unit, lang, v.get("hedge_a") or "approx"),
                     b=derived(v["b"], unit, lang, v.get("hedge_b") or "approx"),
                     cite_a=_cites(f.rows[:2], lang), cite_b=_cites(f.rows[2:], lang))


def _pair_values(f: Finding, lang: str) -> tuple[str, str]:
    a, b = f.rows[0], f.rows[1]
    unit, v = a["unit"], f.values
    shown = "percent" if unit == "ratio" else unit
    if v["footing"] == "as_reported" and unit not in ("ratio", "percent"):
        return value_of(a, lang), value_of(b, lang)
    return derived(v["a"], shown, lang, a["qualifier"]), derived(v["b"], shown, lang, b["qualifier"])


def _trend(f: Finding, lang: str) -> tuple[str, dict]:
    a, b = f.rows
    v, unit = f.values, a["unit"]
    shown = "percent" if unit == "ratio" else unit
    fa = derived(v["a"], shown, lang, a["qualifier"]) if v["footing"] != "as_reported" or unit == "ratio" else value_of(a, lang)
    fb = derived(v["b"], shown, lang, b["qualifier"]) if v["footing"] != "as_reported" or unit == "ratio" else value_of(b, lang)
    return ("say.trend.up" if v["b"] > v["a"] else "say.trend.down"), dict(
        _base(f, lang), a=fa, b=fb, pa=figure_period_text(a, lang), pb=figure_period_text(b, lang),
        footing=_footing("footing", v["footing"], lang))


def _share(f: Finding, lang: str) -> tuple[str, dict]:
    a, b = f.rows
    # the sector a share is of, in the article's grouping ("công nghiệp - xây dựng") or the metric's
    sector = lambda r: text(lang, "sector." + (r.get("words", {}).get("sector") or str(r["metric"]).rsplit("_", 1)[-1]))  # noqa: E731
    return "say.share", dict(_base(f, lang), a_label=sector(a), a=value_of(a, lang), b_label=sector(b), b=value_of(b, lang))


#: a per cent of plan aimed for or expected: "Quận 1 dự kiến giải ngân vốn đầu tư công đạt hơn 95% kế hoạch năm"
_VS_PLAN_AHEAD = {"aim": "say.vs_plan_aim", "expect": "say.vs_plan_expect"}


def _target(f: Finding, lang: str) -> tuple[str, dict]:
    r, v = f.rows[0], f.values
    base = re.sub(r"_vs_(?:plan|target)$", "", f.metric)
    if "past" not in v and base != f.metric and r["unit"] == "percent" and mood(r) in _VS_PLAN_AHEAD:
        return _VS_PLAN_AHEAD[mood(r)], dict(_base(f, lang), metric=metric_words(base, lang), against=_against_plan(r, lang))
    if "to" in v:  # "phấn đấu tăng trưởng kinh tế từ 11% đến 15%": a range, both ends
        ends = (fmt_value(v["target"], r["unit"], None, lang), fmt_value(v["to"], r["unit"], None, lang))
        amount = text(lang, "value.range", low=ends[0], high=ends[1])
        return "say.target", dict(_base(f, lang), clause=clause(r, lang, escape(f.district), amount=amount))
    fields = dict(_base(f, lang), clause=clause(r, lang, escape(f.district)))
    if "past" not in v:
        return "say.target", fields
    past = f.rows[1]
    cmp = {"level": "cmp.level", "above": "cmp.above", "below": "cmp.below", "beside": "cmp.beside"}[
        target_side(v["past"], past["qualifier"], v["target"], r["qualifier"])]
    return "say.target_past", dict(fields, cmp=text(lang, cmp), past=value_of(past, lang),
                                   past_period=figure_period_text(past, lang))


def _ratio(f: Finding, lang: str) -> tuple[str, dict]:
    r, v = f.rows[0], f.values
    p = f.when
    # "21/21" says all by itself; "12/16 chỉ tiêu cả nhiệm kỳ" at mid-term is not 75% of anything: counts of
    # targets stand as the article printed them, other parts get their share
    part = v["x"] != v["y"] and not str(f.metric).startswith("targets_") and not (p and p.granularity == "half_term")
    rest = text(lang, "ratio.part", pct=pct(v["pct"], lang)) if part else ""
    return "say.ratio", dict(_base(f, lang), clause=clause(r, lang, escape(f.district)), rest=rest)


def _full(f: Finding, lang: str) -> tuple[str, dict]:
    return "say.full", dict(_base(f, lang), clause=clause(f.rows[0], lang, escape(f.district)))


def _times(f: Finding, lang: str) -> tuple[str, dict]:
    r = f.rows[0]
    if r["unit"] == "rank" and not f.metric.endswith("_change"):  # "xếp thứ 12": a place in the ranking, not a move
        return "say.rank_level", dict(_base(f, lang), metric=metric_words(f.metric, lang), value=fmt_number(r["value"], lang))
    if r["unit"] == "rank":  # "moved up 1 place in the … ranking", "tăng 1 bậc": the ranking, not "the rank change"
        ranking = f.metric.removesuffix("_change")
        words = metric_words(ranking if ranking in METRICS else f.metric, lang)
        return "say.rank", dict(_base(f, lang), metric=words, value=plural(lang, "count.ranks", r["value"]))
    return ("say.vs_term_start" if r["basis"] == "term_start" else "say.times"), dict(_base(f, lang), value=value_of(r, lang))


def _ahead(f: Finding, lang: str) -> tuple[str, dict]:
    a = f.rows[0]
    v = f.values
    shown = "percent" if a["unit"] == "ratio" else a["unit"]
    va, vb = _pair_values(f, lang)
    metric = metric_words(f.metric, lang)
    if a.get("yoy_change"):
        metric = text(lang, "metric.change_on_year", metric=metric_words(f.metric.rsplit("_", 1)[0], lang))
    elif a["unit"] == "ratio":  # 21/21 against 19/20, compared as shares: "tỷ lệ chỉ tiêu hoàn thành"
        metric = text(lang, "metric.share_of", metric=metric)
    elif f.metric.endswith("_vs_plan") and f.metric.removesuffix("_vs_plan") in METRICS:  # not "…, so với kế hoạch/dự toán"
        metric = text(lang, "metric.plan_progress_of", metric=metric_words(f.metric.removesuffix("_vs_plan"), lang))
    key = "say.level_with" if v["equal"] else ("say.ahead_points" if shown == "percent" else "say.ahead")
    diff = plural(lang, "count.points", round(abs(v["a"] - v["b"]), 1))
    if key == "say.ahead" and v["b"] and v["ratio"] < 1.5:  # "gấp khoảng 1 lần" says nothing: the difference does
        key, diff = "say.ahead_points", derived(abs(v["a"] - v["b"]), shown, lang)
    return key, dict(a=escape(f.district), b=escape(f.other), metric=metric, diff=diff,
                     footing=_footing("ahead", v["footing"], lang), va=va, vb=vb, pa=figure_period_text(a, lang),
                     pb=figure_period_text(f.rows[1], lang),
                     ratio=fmt_number(round(v["ratio"], 1), lang) if v["b"] else "–", cites=_cites(f.rows, lang))


def _against_plan(r: dict, lang: str) -> str:
    """"hơn 95% kế hoạch năm" / "more than 95% of the annual plan": a per cent of plan with its hedge and the plan's words."""
    hedge = "" if r["qualifier"] == "estimate" and mood(r) != "did" else r["qualifier"]  # not "dự kiến đạt ước 95%"
    return text(lang, "against.amount", pct=hedged(pct(r["value"], lang), hedge, lang), plan=_plan_words(r, lang))


def _level(f: Finding, lang: str) -> tuple[str, dict]:
    r, v = f.rows[0], f.values
    base = re.sub(r"_vs_(?:plan|target)$", "", f.metric)
    if base != f.metric and r["unit"] == "percent":  # "giải ngân vốn đầu tư công đạt 61% kế hoạch vốn được giao"
        return "say.vs_plan", dict(_base(f, lang), metric=metric_words(base, lang), against=_against_plan(r, lang))
    per_year = text(lang, "level.per_year", value=derived(v["per_year"], r["unit"], lang, r["qualifier"])) if "per_year" in v else ""
    return "say.level", dict(_base(f, lang), clause=clause(r, lang, escape(f.district)), per_year=per_year)


#: the sentence of each kind of finding: a function giving the catalogue message (``say.<kind>…``) and its slots
SENTENCES = {"progress": _progress, "change": _change, "quarter": _quarter, "gap": _gap, "contradiction": _contradiction,
             "agreement": _contradiction, "trend": _trend, "share": _share, "target": _target, "ratio": _ratio,
             "full": _full, "times": _times, "ahead": _ahead, "level": _level}


_REPEATED = re.compile(r"\b(chỉ tiêu|đảng viên|targets) \1\b")


def sentence(f: Finding, lang: str = "vi") -> str:
    """One cited sentence for one finding: its kind's catalogue message, written for the edition's language."""
    key, fields = SENTENCES.get(f.kind, _level)(f, lang)
    out = _REPEATED.sub(r"\1", re.sub(r" {2,}", " ", text(lang, key, **fields)))  # the quote's noun and the verb's
    return _first_upper(out)


def say(f: Finding, lang: str, chapter: str | None = None, role: str = "point") -> str:
    """A finding's sentence; with ``chapter``, noted in the book's table of statements (:mod:`districtbook.rendering.ledger`)."""
    out = sentence(f, lang)
    if chapter:
        ledger.note(chapter, lang, f"{role}:{f.kind}", out, f.rows, f.district, f.other, f.metric, f.period)
    return out


def target_side(past: float, past_hedge: str, target: float, target_hedge: str) -> str:
    """Where a target stands against what was achieved: "level" when within rounding, "above"/"below" when
    the hedges allow saying so, else "beside" (no direction: "more than 10%" against 14%).

    >>> target_side(14.01, "actual", 14, "more_than"), target_side(11.4, "actual", 14, "more_than"), target_side(14, "actual", 10, "more_than")
    ('level', 'above', 'beside')
    """
    if abs(target - past) < 0.05:
        return "level"
    return {1: "above", -1: "below", 0: "beside"}[direction(past, past_hedge, target, target_hedge)]


def _scope(df: pd.DataFrame, metrics: tuple[str, ...] | None, districts: tuple[str, ...] | None) -> pd.DataFrame:
    if metrics is not None:
        df = df[df["metric"].isin(metrics)]
    if districts:
        df = df[df["district"].isin(districts)]
    return df


def chapter_findings(df: pd.DataFrame, texts: dict[str, str] | None, metrics: tuple[str, ...] | None = None,
                     districts: tuple[str, ...] | None = None) -> list[Finding]:
    """The findings of a chapter: over its metrics (None: all) and districts (None: all)."""
    found = collect(_scope(df, metrics, districts), texts)
    if metrics is not None:  # a component's contradiction needs the whole it belongs to, even outside the topic
        found = [f for f in found if f.metric in metrics]
    return found


def with_words(found: list[Finding], texts: dict[str, str] | None) -> list[Finding]:
    """The findings with the words their articles used (:mod:`districtbook.rendering.wording`) on each row."""
    if not texts:
        return found
    out = []
    for f in found:
        rows = [dict(r, words=article_words(r, texts.get(r.get("doc", "")))) for r in f.rows]
        out.append(replace(f, rows=rows))
    return out


def _rows_by_doc(df: pd.DataFrame) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {}
    for r in df[["doc", "unit", "value"]].to_dict("records"):
        out.setdefault(r["doc"], []).append(r)
    return out


def _spread(worthy: list[Finding]) -> list[Finding]:
    """The best-headlined fact of each place, then the second of each, … (the introduction covers every place)."""
    rank: dict[str, int] = {}
    order = []
    for i, f in enumerate(worthy):
        order.append((rank.get(f.district, 0), i, f))
        rank[f.district] = rank.get(f.district, 0) + 1
    return [f for _r, _i, f in sorted(order, key=lambda t: (t[0], t[1]))]


class _Points:
    """Main points picked one by one: at most ``n``, ``per_metric`` a measure, one per topic key."""

    def __init__(self, n: int, per_metric: int) -> None:
        self.n, self.per_metric = n, per_metric
        self.chosen: list[Finding] = []
        self.topics: set[tuple] = set()

    def take(self, f: Finding, unique: tuple) -> None:
        if len(self.chosen) >= self.n or f in self.chosen or unique in self.topics:
            return
        if sum(1 for c in self.chosen if c.metric == f.metric) >= self.per_metric:
            return
        self.chosen.append(f)
        self.topics.add(unique)


def _topic_key(f: Finding) -> tuple:
    return (f.districts, f.metric, f.period, f.kind)


def _classes(found: list[Finding], texts: dict[str, str] | None, rows_by_doc: dict[str, list[dict]] | None,
             spread: bool) -> tuple[list[Finding], list[Finding], list[Finding], list[Finding]]:
    """The findings by class: reported (best-headlined first), the headline-worthy among them (with ``spread``, the
    best of each place in turn), comparisons, derivations."""
    score = {id(f): headline.finding_score(f, texts, rows_by_doc) for f in found}
    reported = sorted((f for f in found if headline.kind_class(f) == "reported"),
                      key=lambda f: (-score[id(f)], f.kind == "target", -round(f.salience, 6), f.district, f.metric,
                                     f.period))  # a result before a goal as headlined
    worthy = [f for f in reported if score[id(f)] > 0]
    return (reported, _spread(worthy) if spread else worthy,
            [f for f in found if headline.kind_class(f) == "comparison"],
            [f for f in found if headline.kind_class(f) == "derived"])


def choose(found: list[Finding], texts: dict[str, str] | None, rows_by_doc: dict[str, list[dict]] | None, n: int = 5,
           districts: tuple[str, ...] = (), per_metric: int = 5, spread: bool = False) -> list[Finding]:
    """The main points as a bulletin editor picks them (:mod:`districtbook.analysis.headline`): the facts the articles
    headline first (title, subheading, lead, largest amount, result against plan; with ``spread``, the best of each
    place in turn), then the best comparison between the places, then other comparisons, then the book's derivations,
    a derivation only when every headlined fact of its topic is in; bare facts only to reach three points. Returned
    reported → comparison → derived."""
    reported, worthy, comparisons, derived_ = _classes(found, texts, rows_by_doc, spread)
    points = _Points(n, per_metric)
    for f in worthy:  # one fact per place, measure and kind first
        points.take(f, (f.districts, f.metric, f.kind))
    best = [f for f in comparisons if f.kind == "ahead" and len(districts) >= 2 and set(f.districts) <= set(districts)]
    if best and len(points.chosen) >= n:  # the best comparison between the places takes the last reported point
        points.chosen.pop()
    for f in [*best[:1], *worthy, *comparisons]:
        points.take(f, ("ahead",) if f in best[:1] else _topic_key(f))
    for f in derived_:
        if not [g for g in worthy if headline.topic(g) == headline.topic(f) and g not in points.chosen]:
            points.take(f, _topic_key(f))  # a derivation never displaces a fact the articles headline on its topic
    for f in reported:
        if len(points.chosen) >= 3:
            break
        points.take(f, _topic_key(f))
    klass = {c: i for i, c in enumerate(headline.ORDER)}
    return sorted(points.chosen, key=lambda f: klass[headline.kind_class(f)])


def _figure(row: dict) -> tuple:
    return (row.get("doc"), row.get("district"), row.get("metric"), row.get("period"), row.get("value", 0))


def merged(found: list[Finding]) -> list[Finding]:
    """One sentence per figure, as the article gives it: a change on the year before of the same figure as a
    progress against plan ("ước đạt 2.511 tỷ đồng, bằng 89% kế hoạch năm, bằng 142% so với cùng kỳ") joins the
    progress finding, and is not said again."""
    changes = {_figure(f.rows[0]): f for f in found if f.kind == "change"}
    out, joined = [], set()
    for f in found:
        g = changes.get(_figure(f.rows[0])) if f.kind == "progress" else None
        if g is not None and id(g) not in joined:
            joined.add(id(g))
            f = replace(f, rows=f.rows + g.rows[1:], values={**f.values, "yoy": g.values["change"]})
        out.append(f)
    return [f for f in out if id(f) not in joined]


def _grouped(points: list[Finding], lang: str, chapter: str | None, role: str = "point") -> list[str]:
    """The points as a list, each kind under its label: reported by the articles, compared, derived by the book."""
    out: list[str] = []
    for klass in headline.ORDER:
        group = [f for f in points if headline.kind_class(f) == klass]
        if group:
            out += ["", f"*{text(lang, 'points.kind.' + klass)}*", ""] + [f"- {say(f, lang, chapter, role)}" for f in group]
    return out


def chapter_points(df: pd.DataFrame, texts: dict[str, str] | None, metrics: tuple[str, ...] | None = None,
                   districts: tuple[str, ...] | None = None, n: int = 5,
                   per_metric: int = 5) -> tuple[list[Finding], list[Finding], tuple[str, ...]]:
    """A chapter's findings (with the articles' words), its main points (:func:`choose`) and the places in scope."""
    found = merged(with_words(chapter_findings(df, texts, metrics, districts), texts))
    present = tuple(sorted_names(_scope(df, metrics, districts)["district"]))
    return found, choose(found, texts, _rows_by_doc(df), n, present, per_metric), present


def intro_points(df: pd.DataFrame, texts: dict[str, str] | None, n: int = 5) -> list[Finding]:
    """The introduction's main points as findings: the facts the articles headline, the best of each place in turn."""
    found = merged(with_words(collect(df, texts), texts))
    districts = tuple(sorted_names(df["district"]))
    return choose(found, texts, _rows_by_doc(df), n, districts, per_metric=2, spread=True)[:n]


def main_points(df: pd.DataFrame, texts: dict[str, str] | None, lang: str = "vi", metrics: tuple[str, ...] | None = None,
                districts: tuple[str, ...] | None = None, n: int = 5, more: int = 6, per_metric: int = 5,
                chapter: str | None = None) -> MyST | None:
    """The chapter's opening: "Main points" with 3-5 cited findings, the articles' headlined facts first, each kind
    labelled, then further findings (each noted under ``chapter`` in the table of statements)."""
    found, points, present = chapter_points(df, texts, metrics, districts, n, per_metric)
    if not points:
        return None
    out = [f"**{text(lang, 'points.heading')}**"] + _grouped(points, lang, chapter)
    if len(present) >= 2 and not any(f.kind == "ahead" for f in found):  # no comparison at all, not only none chosen
        none = text(lang, "points.no_comparison", a=", ".join(escape(d) for d in present[:-1]), b=escape(present[-1]))
        if chapter:
            ledger.note(chapter, lang, "point:no_comparison", none, [], *present)
        out += ["", none]
    klass = {c: i for i, c in enumerate(headline.ORDER)}
    rest = sorted((f for f in found if f not in points and f.kind != "level"), key=lambda f: klass[headline.kind_class(f)])[:more]
    if rest:
        out += ["", f"**{text(lang, 'points.more')}**", ""] + [f"- {say(f, lang, chapter, 'more')}" for f in rest]
    return MyST("\n".join(out))


def point_sentences(df: pd.DataFrame, texts: dict[str, str] | None, lang: str = "vi", n: int = 5,
                    chapter: str | None = None) -> list[str]:
    """The book's main points (for the introduction): the facts the articles headline, the best of each place in
    turn, then comparisons, then the book's derivations. Plain text (no Markdown escapes): the introduction shows
    them with ``{glue:text}``, which prints text as it is."""
    return [unescape(say(f, lang, chapter, "headline")) for f in intro_points(df, texts, n)]


def reason_text(metric: str, a: dict, b: dict, v: Verdict, lang: str) -> str:
    """Why two figures are not set side by side, in a reader's words."""
    from districtbook.rendering.labels import unit_word

    def unit_name(u: str) -> str:
        return unit_word(u, lang) or text(lang, f"unitname.{u}")

    fields = dict(ua=unit_name(a["unit"]), ub=unit_name(b["unit"]),
                  a=escape(a["district"]), b=escape(b["district"]),
                  ba=text(lang, f"basis.{a['basis']}") if a["basis"] else "", bb=text(lang, f"basis.{b['basis']}") if b["basis"] else "",
                  pa=figure_period_text(a, lang), pb=figure_period_text(b, lang))
    if v.reason == "unfinished":
        from districtbook.analysis.findings import unfinished
        u = a if unfinished(a) else b
        fields.update(pu=figure_period_text(u, lang), date=date_text(u["published"], lang))
    if a["unit"] == "percent" and v.reason == "unit":
        fields["ua"] = "%"
    if v.reason == "scope":  # which revenue each article reports
        fields.update(sa=text(lang, f"scope.{a.get('scope') or 'none'}"), sb=text(lang, f"scope.{b.get('scope') or 'none'}"))
    if v.reason == "own_targets":  # which targets: each place's count, as its article gives it
        fields.update(pa=f"{fields['a']} {value_of(a, lang, hedge=False)}", pb=f"{fields['b']} {value_of(b, lang, hedge=False)}")
    return text(lang, f"reason.{v.reason}", **fields)


def refusal_lines(df: pd.DataFrame, a: str, b: str, lang: str = "vi", texts: dict[str, str] | None = None,
                  chapter: str | None = None) -> list[str]:
    out = []
    for m, x, y, v in refusals(df, a, b, texts):
        line = text(lang, "refuse.sentence", metric=label(m, lang), reason=reason_text(m, x, y, v, lang),
                    cites=_cites([x, y], lang))
        if chapter:
            ledger.note(chapter, lang, f"refused:{v.reason}", line, [x, y], a, b, m)
        out.append(line)
    return out


def comparison_points(df: pd.DataFrame, texts: dict[str, str] | None, a: str, b: str, lang: str = "vi",
                      n: int = 5, chapter: str | None = None) -> MyST:
    """The comparison chapter's main points: only comparisons between the two districts on a common
    footing; when there is none, one sentence that says so and why, reason by reason."""
    from districtbook.analysis.findings import ahead, usable_rows

    pairs = sorted(ahead(usable_rows(df[df["district"].isin((a, b))], texts)), key=lambda f: (-round(f.salience, 6), f.metric, f.period))
    out = [f"**{text(lang, 'points.heading')}**", ""]
    if pairs:
        return MyST("\n".join(out + [f"- {say(f, lang, chapter, 'compare')}" for f in pairs[:n]]))
    refused = refusals(df, a, b, texts)
    if not refused:
        return MyST("\n".join(out + [text(lang, "compare.no_figures", a=escape(a), b=escape(b))]))
    by_reason: dict[str, list[str]] = {}
    for m, _x, _y, v in refused:
        by_reason.setdefault(v.reason, []).append(lower_first(_PAREN.sub("", label(m, lang))))
    reasons = "; ".join(text(lang, "compare.reason_count", metrics=", ".join(ms), reason=text(lang, f"reason_short.{r}"))
                        for r, ms in by_reason.items())
    return MyST("\n".join(out + [text(lang, "compare.points_none", a=escape(a), b=escape(b), reasons=escape(reasons))]))


#: the columns that make two rows one figure repeated by its article
REPEAT = ["doc", "district", "metric", "value", "unit", "period", "basis", "qualifier"]


def period_cell(row, lang: str) -> str:
    """A figure's period for a table cell, marked when the value is a yearly figure over the period
    ("giai đoạn 2021-2025 (mỗi năm)"), so that it never reads as a total of the term."""
    p = figure_period_text(row, lang)
    return text(lang, "period.per_year_mark", period=p) if per_year(dict(row)) else p


def derived_average(row: dict, years: float, lang: str) -> dict | None:
    """The yearly average of a total over whole years, as printed: the article's hedge kept and rounded
    like the total ("hơn 15.000 tỷ đồng" over 5 years -> "hơn 3.000 tỷ đồng"); None for a running total
    (a period not over when the article appeared: no yearly average of a part of the span).

    >>> from districtbook.analysis.dataset import figure_row
    >>> r = lambda **k: figure_row(**dict(dict(value=15000.0, unit="VND_bn", qualifier="more_than", period="2016-2020", published="2021-02-13"), **k))
    >>> derived_average(r(), 5, "vi")["value"], derived_average(r(value=37016.0, period="2021-2023"), 3, "vi")
    ('hơn 3.000 tỷ đồng', None)
    >>> derived_average(r(value=37016.0, period="2021-2023", published="2024-02-01"), 3, "en")["value"]
    'more than 12,338 billion VND'
    """
    from districtbook.analysis.findings import unfinished

    if unfinished(row):
        return None
    avg = row["value"] / years
    hedge = row.get("qualifier", "")
    number = fmt_number(_rounded_bound(avg, "", hedge), lang)
    return {"number": hedged(number, hedge, lang), "amount": hedged(fmt_number(row["value"], lang), hedge, lang),
            "value": derived(avg, row["unit"], lang, hedge)}
