"""What a value measures: the indicator named before it, the verb between, the hedge over it."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import cache, lru_cache

from mubiao.extract.segment import ESCAPED_SPACES
from mubiao.knowledge import load
from mubiao.numbers.numerals import narrow
from mubiao.wordfinder import AnchoredWords

_MARKS = load("marks")
_HEAD = load("cues")["head"]
# Characters that only join members of a list of values (15%、8%以上).
LIST_JOINERS = _MARKS["value_list_joiners"]
YEAR_PREFIX = re.compile(_HEAD["year_prefix"])
# a value stated for each year of its period, and one held through every year of a multi-year period
_PERIOD_CUES = load("cues")["period"]
ANNUAL = re.compile(_PERIOD_CUES["annual"])
HELD_VERB = re.compile(_PERIOD_CUES["held_verb"])
HELD_BEFORE = re.compile(_PERIOD_CUES["held_before"])
# the forms of a baseline (人均地区生产总值比2020年翻一番, 较“十三五”末) and of a span (5年增长) written
# between an indicator and its value; the words that may stand there too are in cues.toml
BASELINE_FORMS = "|".join(_HEAD["baseline_forms"])
# the characters those forms end in: words ending in none of them end in no baseline
BASELINE_ENDS = _HEAD["baseline_ends"]
EDGE_PUNCT = _MARKS["head_edges"]
BRACKETS = tuple(_MARKS["brackets"])
BRACKET_CHARS = "".join(BRACKETS)
# marks that open and close a quote or a bracket, and the mark between the members of a list of names
_OPENING, _CLOSING, _LIST_MARK = _MARKS["nesting_openings"], _MARKS["nesting_closings"], _MARKS["enumeration"]
_NESTING = re.compile(f"[{re.escape(_OPENING + _CLOSING)}]")
# what is trimmed off the edges of the words before a value, and of a name
_HEAD_EDGES = EDGE_PUNCT + _LIST_MARK
_HEAD_EDGE_SET = frozenset(_HEAD_EDGES + BRACKET_CHARS)
_NAME_EDGES = _MARKS["name_edges"]
_NAME_EDGE_SET = frozenset(_NAME_EDGES + BRACKET_CHARS)
_QUOTES = re.compile("[“”]")


@dataclass(slots=True, frozen=True)
class Head:
    """The words before a value (or a list of values): indicator names and the verb. One Head is shared by
    every value whose words are the same (parse_head keeps it), so neither it nor its names change."""

    names: list[str]
    verb: str
    respectively: bool
    leading_verb: str = ""  # a verb written before the names (新增…、…): it governs every pair after it
    flow: str = ""  # of those, a verb of items built or brought in, part of the names (新建绿道…、绿地…)
    base: str = ""  # the base of per-person values (每人每月), written in brackets after each name


def with_base(name: str, base: str) -> str:
    """补贴标准 → 补贴标准（每人每月）; a name that has it already (read from an earlier value) as it is."""
    if not (name and base):
        return name
    bracketed = f"{BRACKETS[0][0]}{base}{BRACKETS[0][1]}"
    return name if name.endswith(bracketed) else name + bracketed


def _alternation(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _trie(words: list[str]) -> str:
    """A pattern of the same words as ``_alternation``, with the openings they share written once
    (增(?:长|加)): tried a character at a time rather than a word at a time. (A word ending where a longer
    one goes on is tried after it, as longer words are first in ``_alternation``.)"""
    tree: dict = {}
    for word in words:
        node = tree
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}  # a word ends here

    def pattern(node: dict) -> str:
        branches = [re.escape(ch) + pattern(child) for ch, child in node.items() if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
        return f"(?:{body})?" if "" in node else body

    return pattern(tree)


def _fixed_names(names: list[str], breaks: dict[str, list[str]]) -> str:
    """The pattern of names kept whole at a name's start; one followed by a character that makes a word of its last
    one (fixed_name_breaks: 共建立 is 共 and 建立) is none there."""
    broken = [
        f"{re.escape(w)}(?![{re.escape(''.join(breaks[w]))}])" for w in sorted(breaks, key=len, reverse=True)
    ]
    return "|".join([*broken, _alternation([w for w in names if w not in breaks])])


@cache
def _words() -> dict:
    cues = load("cues")
    indicator, measure = cues["indicator"], cues["measure"]
    return {
        # verbs between the indicator and the value, peeled from the end (…分别增长)
        "trailing_verbs": re.compile(rf"(?:{_trie(indicator['verbs'])})+$"),
        # the last characters of those verbs: words ending in none of them end in no verb, and need no
        # search (which tries every character that begins a verb)
        "verb_ends": frozenset(verb[-1] for verb in indicator["verbs"]),
        # …and of the words and forms between a name and its value (and a line end, before which a pattern
        # anchored with $ matches too), and the bases of per-person values with a line end
        "between_ends": frozenset(
            BASELINE_ENDS
            + _HEAD["circumstance_ends"]
            + "".join(w[-1] for w in indicator["between_words"])
            + "\n"
        ),
        "per_base_ends": (*indicator["per_bases"], *indicator["per_bases_after_verb"], "\n"),
        # time and place words, and verbs written before the indicator (推动全年净增…)
        "leading": re.compile(
            rf"^(?:[{re.escape(EDGE_PUNCT + BRACKET_CHARS)}]+|{_alternation(ESCAPED_SPACES)}|{YEAR_PREFIX.pattern[1:]}"
            rf"|(?P<exempt>{_fixed_names(measure['change_exempt'] + indicator['fixed_names'], indicator['fixed_name_breaks'])})"
            rf"|(?P<verb>{_alternation(indicator['leading_verbs'])})|(?:{_alternation(indicator['strip_leading'])})(?=.)"
            rf"|(?P<whole>{_alternation(indicator['whole_region'])})(?=.)"
            rf"|(?P<core>{_alternation(indicator['city_cores'])})(?=[^{indicator['city_core_joiners']}])|{indicator['list_marker']})"
        ),
        "flow_verbs": frozenset(indicator["flow_verbs"]),
        "flow_endings": tuple(indicator["flow_verbs"]),
        "object_verb": re.compile(
            rf"^(?!{_alternation(indicator['nouns_opening_with_verbs'])})"
            rf"(?:{_alternation(indicator['object_verbs'] + indicator['flow_verbs'])})"
        ),
        "per_base": re.compile(rf"(?:{_alternation(indicator['per_bases'])})$"),
        "per_base_after_verb": re.compile(
            rf"(?:{_alternation(indicator['baseline_to'])})(?P<base>{_alternation(indicator['per_bases_after_verb'])})$"
        ),
        "between": re.compile(
            rf"(?:{BASELINE_FORMS}|{'|'.join(_HEAD['circumstance_forms'])}|{_alternation(indicator['between_words'])})+$"
        ),
        "inner_clause": re.compile(_alternation(indicator["inner_clause_verbs"])),
        "growth_head": re.compile(
            rf"(?:{_alternation(indicator['growth_heads'] + indicator['price_indices'])})"
            rf"(?:{_alternation(measure['goal_suffixes'])})?$"
        ),
        "growth_rate_verb": re.compile(rf"(?:{_alternation(indicator['growth_rate_verbs'])})"),
        "growth_after": re.compile(
            rf"{_HEAD['de']}?(?:{_alternation(indicator['growth_heads'] + indicator['growth_after'])})"
        ),
        "ellipsis": set(indicator["ellipsis_heads"]),
        "partial_heads": sorted(indicator["partial_heads"], key=len, reverse=True),
        "partial_head_set": frozenset(indicator["partial_heads"]),
        "shared_heads": tuple(sorted(indicator["shared_heads"], key=len, reverse=True)),
        "quantity_endings": tuple(indicator["quantity_endings"]),
        "named_like_quantities": frozenset(indicator["named_like_quantities"]),
        "own_quantity_words": (*indicator["shared_heads"], *indicator["quantity_words"]),
        "head_kinds": sorted(indicator["head_kinds"], key=len, reverse=True),
        "achieve_verbs": tuple(indicator["achieve_verbs"]),
        "list_count": re.compile(indicator["list_count"]),
        "threshold_first": re.compile(rf"(.+?)({indicator['threshold_amount']})"),
        "threshold_amount": re.compile(indicator["threshold_amount"]),
        "threshold_last": re.compile(rf"({indicator['threshold_amount']})(.+)"),
        "respectively": tuple(indicator["respectively"]),
        "value_verbs": tuple(
            sorted([*indicator["verbs"], *cues["bounds"]["leading"]], key=len, reverse=True)
        ),
        "bare_value_after": tuple(cues["bounds"]["bare_value_after"]),
        "acts_left_out": tuple(sorted(indicator["acts_left_out"], key=len, reverse=True)),
        "field_list_openings": tuple(indicator["field_list_openings"]),
        "owned": frozenset(indicator["owned_quantities"]),
        "spread_openings": tuple(indicator["spread_openings"]),
        "growth_names": indicator["growth_names"],
        "count_words": tuple(indicator["count_words"]),
        # 等 after examples, or inside a word that holds it (not_examples_marks: a match of no group)
        "examples": indicator["examples_mark"],
        "examples_mark": re.compile(
            f"(?:{_alternation(indicator['not_examples_marks'])})|({re.escape(indicator['examples_mark'])})"
        ),
        "growth": re.compile(_alternation(measure["growth"])),
        "decrease": re.compile(_alternation(measure["decrease"])),
        "change": re.compile(_alternation(measure["change"])),
        "change_exempt": re.compile(_alternation(measure["change_exempt"])),
        "change_in_name": re.compile(_alternation(measure["change_in_name"])),
        "change_in_name_words": frozenset(measure["change_in_name"]),
        "new_flows": tuple(measure["new_flows"] + measure["stocks"]),
        # 可使农民减轻负担: a verb of a fall before the name's last words, its object
        "fall_in_name": re.compile(
            rf"(?:{_alternation(measure['fall_in_name'])})[^{_MARKS['object_stops']}]{{1,{measure['fall_object_reach']}}}$"
        ),
        "fall_not_units": frozenset(measure["fall_not_units"]),
        "rise_in_name": re.compile(
            rf"{measure['rise_in_name']}[^{_MARKS['object_stops']}]{{0,{measure['fall_object_reach']}}}$"
        ),
    }


def flow_verbs() -> frozenset[str]:
    return _words()["flow_verbs"]


def object_verb(name: str) -> str:
    """The verb of an act done on a thing that opens ``name`` (办理省人大代表建议 → 办理), or ""."""
    m = _words()["object_verb"].match(name)
    return m.group() if m else ""


def is_list_joiner(segment: str) -> bool:
    return bool(segment) and not segment.strip(LIST_JOINERS)  # (one pass in C, not one a character)


# the words before the values of a batch repeat (、增长, 城镇新增就业, 提高到): each is parsed once in this many
HEADS_KEPT = 4096


@lru_cache(maxsize=HEADS_KEPT)
def parse_head(segment: str) -> Head:
    """Split the words before a value into indicator names and the verb that governs the value."""
    words = _words()
    text, verb, base = segment, "", ""
    if text[:1] in _HEAD_EDGE_SET or text[-1:] in _HEAD_EDGE_SET:
        text = _trim(text, _HEAD_EDGES)
    while True:  # 比上年末增加, 较“十三五”末改善: baselines and verbs, from the end, till none is left
        before = text
        if text[-1:] in words["between_ends"]:
            text = words["between"].sub("", text)
        if text[-1:] in words["verb_ends"] and (m := words["trailing_verbs"].search(text)):
            verb, text = m.group() + verb, text[: m.start()]
        if text.endswith(words["per_base_ends"]) and (m := words["per_base"].search(text)):
            # 补贴标准从每人每月209元: the base of a per-person value, written in brackets after the name
            base, text = m.group(), text[: m.start()]
        elif text.endswith(words["per_base_ends"]) and (m := words["per_base_after_verb"].search(text)):
            # 低保标准提高至每月791元: the period of the amount the verb sets, in brackets as a base is
            base, text = m["base"], text[: m.start("base")]
        if text == before:
            break
    growth = words["growth_names"].get(text)
    if growth and verb.startswith(growth):
        text += growth  # 经济增长5.5%左右: the name is the growth
    leading_verbs, kept, core = "", "", ""
    while text:
        # read on the width-normalised name (one to one), so that ２００１年 is a year as 2001年 is
        m = words["leading"].match(narrow(text))
        if not m or m["exempt"] or not m.group():
            break
        leading_verbs += m["verb"] or ""
        written, text = text[: m.end()], text[m.end() :]
        if m["core"]:
            core += (
                written  # 中心城区新增公园绿地: the part of the city the figure is for, whatever word follows
            )
        elif m["whole"] or m["verb"] in words["flow_verbs"]:
            # 全市地区生产总值, 新建绿道: words of the name as written (the key drops them)
            kept += written
        else:
            kept = ""  # 全省累计接待游客: a word stripped after 全省 leaves it apart from the name
        if m["verb"] in words["flow_verbs"]:
            break
    text = core + kept + text if text else text  # a lone 全省 or 建成 names nothing
    verb = leading_verbs + verb
    respectively = False
    for mark in words["respectively"] if verb or text.endswith(words["respectively"]) else ():
        if text.endswith(mark) or mark in verb:
            respectively = respectively or mark == words["respectively"][0]
            text = text.removesuffix(mark)
    names = []
    for member in _members(text) if text else ():
        # 粮食产量连续: the name before the verb of a clause inside it
        inner = words["inner_clause"].search(member)
        if name := balanced(member[: inner.start()] if inner else member):
            names.append(name)
    # 建成3000多个…: with no name, the verb before a count is peeled as a trailing one
    flow = ""
    if kept.endswith(words["flow_endings"]) or verb.endswith(words["flow_endings"]):
        flow = next(w for w in words["flow_verbs"] if kept.endswith(w) or verb.endswith(w))
    # a flow verb before a count governs the pairs after it as one written before names does
    return Head(names, verb, respectively, leading_verbs or (flow if not names else ""), flow, base)


def _members(text: str) -> list[str]:
    """The names of a 、-list, but for a 、 inside quotes or brackets (“直播带货、带岗”等…技能培训 is one name)."""
    if _LIST_MARK not in text:
        return [text]
    if not _NESTING.search(text):
        return text.split(_LIST_MARK)
    members, depth, start = [], 0, 0
    for at, ch in enumerate(text):
        depth += (ch in _OPENING) - (ch in _CLOSING)
        if ch == _LIST_MARK and depth <= 0:
            members.append(text[start:at])
            start = at + 1
    return [*members, text[start:]]


@cache
def _split_prefixes() -> dict[str, list[str]]:
    return load("cues")["indicator"]["split_prefixes"]


def split_names(names: list[str], respectively: bool) -> list[str]:
    """Names written once for several values: 城乡居民人均可支配收入分别… (城镇…, 农村…), and
    城镇、农村居民人均可支配收入分别… where the shared head is written only after the last.
    With no names at all (分别增长29% opening a text) there is nothing to split: the indicator stays unknown."""
    if not respectively or not names:
        return names
    if len(names) == 1:
        for prefix, parts in _split_prefixes().items():
            if names[0].startswith(prefix):
                return [part + names[0][len(prefix) :] for part in parts]
        split = _split_inside(names[0])
        if split:
            return split
        first, joined, rest = names[0].partition(_HEAD["pair_joiner"])
        if not joined or not first or not rest:
            return names
        names = [first, rest]  # 城镇和农村居民人均可支配收入分别…, 全部财政收入和地方一般预算收入分别…
    split = _split_list(names)
    # 新开工、新竣工亿元工业项目分别…: a first member that is only its verb is one of the verbs the object after the last
    # is shared by, not an opening of each member
    return split if object_verb(names[0]) == names[0] else _spread_opening(split)


def _split_inside(name: str) -> list[str]:
    """金融机构各项存贷款余额分别… → 存款余额, 贷款余额; 天然饮用水产销分别… → 产量, 销量: words that join two
    indicators inside a name (split_infixes) or at its end (split_endings); [] where none is written."""
    cues = load("cues")["indicator"]
    for infix, parts in cues["split_infixes"].items():
        at = name.find(infix)
        if at >= 0:
            return [name[:at] + part + name[at + len(infix) :] for part in parts]
    for ending, parts in cues["split_endings"].items():
        if name.endswith(ending) and len(name) > len(ending):
            return [name[: -len(ending)] + part for part in parts]
    return []


def _spread_opening(names: list[str]) -> list[str]:
    """对东盟、欧盟进出口分别… → 对欧盟进出口; 认定跨国公司地区总部、外资研发中心分别… → 认定外资研发中心:
    the preposition or the act verb opening the first member opens each (spread_openings, object_verbs)."""
    first = names[0]
    opening = object_verb(first) or next((w for w in _words()["spread_openings"] if first.startswith(w)), "")
    if not opening or len(first) <= len(opening):
        return names
    return [first] + [n if n.startswith(opening) else opening + n for n in names[1:]]


def _ordinal_list(short: list[str], last: str) -> list[str]:
    """一、二、三产增加值, 第一、二、三产业增加值: members that are bare ordinals share all of the last
    member after its ordinal, and a 第 written once before the first is every member's; else []."""
    writing = load("numerals")["writing"]
    prefix, ordinals = writing["ordinal_prefix"], writing["ordinals"]
    first = short[0].removeprefix(prefix)
    if not first or first[0] not in ordinals:
        return []  # (most lists: the first member is no ordinal)
    bare = [first, *short[1:]]
    own = last.removeprefix(prefix)
    if not all(n and all(ch in ordinals for ch in n) for n in bare) or own[:1] not in ordinals:
        return []
    tail = own[1:]
    if not tail:
        return []
    written_prefix = prefix if short[0].startswith(prefix) else ""
    return [written_prefix + n + tail for n in bare] + [written_prefix + own]


def examples_at(name: str, start: int = 0) -> int:
    """Where 等 marks the examples before it in ``name`` (from ``start``), not inside a word that holds it
    (中等职业学校, 高等教育: not_examples_marks); -1 if nowhere."""
    return next((m.start() for m in _words()["examples_mark"].finditer(name, start) if m.group(1)), -1)


def _split_list(names: list[str]) -> list[str]:
    *short, last = names
    at = examples_at(last)
    member, head = (last[:at], last[at + len(_words()["examples"]) :]) if at >= 0 else ("", "")
    if member and head:
        # 食品、石化、医药、信息等产业增加值分别…: the head after 等 is every member's
        return [n + head for n in short] + [member + head]
    ordinal = _ordinal_list(short, last)
    if ordinal:
        return ordinal
    owner = owner_of(short[0])
    if owner and all(n in _words()["owned"] for n in names[1:]):
        # 生产安全事故起数、死亡人数分别…: a quantity of what the first member counted
        return [short[0]] + [owner + n for n in names[1:]]
    heads = _words()["shared_heads"] if last.endswith(_words()["shared_heads"]) else ()
    head = next((h for h in heads if last.endswith(h) and len(last) > len(h)), "")
    if head and not any(_says_its_quantity(n) for n in short):
        body, kinds = _kinds_before_head(last[: -len(head)])
        return [_with_head(n, kinds, head) for n in _shared_opening([*short, body])]
    mark = _words()["respectively"][0]
    at = last.find(mark, 1)
    if at > 0:
        # 煤炭、电解铝分别淘汰落后生产能力 → 煤炭淘汰落后生产能力, 电解铝淘汰…: the last member ends at 分别, and the words
        # after it are every member's, but for a verb of the value (…排放强度分别约为全国的60% → 主要污染物排放强度;
        # …恢复到2019年的114%, …不少于城市建成区面积的45%: of the value too)
        tail = last[at + len(mark) :]
        left_out = next(
            (w for w in _words()["acts_left_out"] if tail.startswith(w) and len(tail) > len(w)), ""
        )
        if left_out:  # 竺山湖、滆湖分别实施清淤 → 滆湖清淤 (docs/gold-conventions.md 5)
            tail = tail[len(left_out) :]
        elif tail.startswith(_words()["value_verbs"]) or tail.endswith(_words()["bare_value_after"]):
            tail = ""
        return [n + tail for n in short] + [last[:at] + tail]
    fields = _fields_after_opening(short, last)
    if fields:
        return fields
    thresholds = _threshold_list(names)
    if thresholds:
        return thresholds
    parallel = [_parallel_member(names[0], n) for n in names[1:]]
    if all(parallel):
        # 规上工业企业亩均税收、营收分别… → 规上工业企业亩均营收: a short member ending as the first does stands for its ending
        return [names[0], *parallel]
    width = len(short[0])
    # the ending shared is three characters or more (城镇、农村居民人均可支配收入), two after members of three or fewer, nouns too
    # short to be a name of their own (汽车、餐饮消费 → 汽车消费, 风力、光伏电站; not 入州游客、过夜游客、旅游人均花费)
    shared = 2 if width <= 3 else 3
    if all(len(n) == width <= 4 and not _says_its_quantity(n) for n in short) and len(last) >= width + shared:
        return [n + last[_shared_from(n, last, width) :] for n in short] + [last]
    return names


def _shared_from(member: str, last: str, width: int) -> int:
    """Where the words every member shares begin in the last one: after its width, or after the noun the member ends
    in where the last member's own word is longer and ends in it too (绿色建筑、装配式建筑占新建建筑比例 → 绿色建筑占…)."""
    noun = member[-2:]
    at = last.find(noun) if len(member) > len(noun) else -1  # (市、县市政设施完好率: 市 is the whole member)
    return at + len(noun) if at > 0 and at + len(noun) > width else width


def _threshold_list(names: list[str]) -> list[str]:
    """产值超50亿元、10亿元企业 → 产值超50亿元企业, 产值超10亿元企业: thresholds of one class, the measure written before the
    first and the things after the last; [] where the list is no such one."""
    words = _words()
    first = words["threshold_first"].fullmatch(names[0])
    last = words["threshold_last"].fullmatch(names[-1])
    if not first or not last or not all(words["threshold_amount"].fullmatch(n) for n in names[1:-1]):
        return []
    amounts = [first[2], *names[1:-1], last[1]]
    return [first[1] + amount + last[2] for amount in amounts]


# the lengths of a member that stands for the ending of the first (营收 after …亩均税收, 授权量 after 专利申请量): a longer
# one names a thing of its own
_PARALLEL_SIZES = (2, 3)


def _parallel_member(first: str, member: str) -> str:
    """The name a short member stands for after a longer first one ending as it does (亩均税收、营收 → 亩均营收,
    全省专利申请量、授权量 → 全省专利授权量); "" where it is no such member."""
    size = len(member)
    if not _PARALLEL_SIZES[0] <= size <= _PARALLEL_SIZES[1] or len(first) <= size + 1:
        return ""
    if first[-1] != member[-1] or first.endswith(member):
        return ""
    return first[:-size] + member


def _fields_after_opening(short: list[str], last: str) -> list[str]:
    """中央财政用于科技、教育、卫生和文化事业的支出分别… → 中央财政用于教育事业的支出: a list of fields of one width
    written after a word that opens such lists (field_list_openings) in the first member, the last joined by 和 and
    followed by what every member is; the opening and the ending are every member's. [] where the list is not so."""
    first, middle = short[0], short[1:]
    left, joined, right = last.partition(_HEAD["pair_joiner"])
    if joined and middle and len(left) == len(middle[0]):
        middle, last = [*middle, left], right  # the 和 before the last member of a 、-list
    width = len(middle[0]) if middle else 0
    if not width or any(len(n) != width for n in middle) or len(last) <= width + 1:
        return []
    prefix = first[:-width]
    if not prefix.endswith(_words()["field_list_openings"]):
        return []
    tail = last[width:]
    return [first + tail] + [prefix + n + tail for n in middle] + [prefix + last]


def _says_its_quantity(name: str) -> bool:
    """起数, 死亡人数, 固定资产投资: a member that ends in a quantity of its own (not 化学需氧量, a thing so
    named)."""
    if name in _words()["named_like_quantities"]:
        return False
    return name.endswith(_words()["quantity_endings"]) or name.endswith(_words()["own_quantity_words"])


def _kinds_before_head(body: str) -> tuple[str, list[str]]:
    """The last member of a list before its shared head, and the kinds of thing written between them
    (交通建设分别完成投资 → 交通, [建设]; 畜牧水产两大产业集群营收 → 畜牧水产, [产业集群]): 分别, a verb of achieving
    after it (汽车零部件五大产业集群分别实现产值) and a count of the list (两大) are no part of either."""
    respectively = _words()["respectively"][0]
    achieved = next((v for v in _words()["achieve_verbs"] if body.endswith(respectively + v)), "")
    body, kinds = body.removesuffix(achieved).removesuffix(respectively), []
    while kind := next((k for k in _words()["head_kinds"] if body.endswith(k) and len(body) > len(k)), ""):
        body, kinds = body[: -len(kind)], [kind, *kinds]
    return _words()["list_count"].sub("", body) or body, kinds


def _with_head(member: str, kinds: list[str], head: str) -> str:
    """A member with the kinds and the head written once after the list, but for a kind the member
    already ends as (制造业、战略性新兴产业增加值 → 制造业增加值, not 制造业产业增加值)."""
    if member.endswith(head):
        return member
    return member + "".join(k for k in kinds if not member.endswith(k[-1])) + head


def _shared_opening(members: list[str]) -> list[str]:
    """城镇职工基本养老保险、基本医疗保险 → 城镇职工基本医疗保险: a member that parallels the end of the first
    (opening and ending as it does from a word on) takes the words before that word, written once."""
    first, spread = members[0], [members[0]]
    for member in members[1:]:
        at = first.find(member[:2], 2)
        parallel = at > 0 and len(member) >= 4 and first.endswith(member[-2:])
        spread.append(first[:at] + member if parallel and not member.startswith(first[:at]) else member)
    return spread


def owner_of(name: str) -> str:
    """生产安全事故起数 → 生产安全事故: the thing a count word ending a name counts, whose quantities
    (owned_quantities) are named with it; "" when the name ends in no count word."""
    if not name.endswith(_words()["count_words"]):
        return ""  # (most names)
    for word in _words()["count_words"]:
        if name.endswith(word) and len(name) > len(word):
            return name[: -len(word)]
    return ""


def is_owned(name: str) -> bool:
    """死亡人数, 在校学生: a quantity that is a quantity of something named before it."""
    return name in _words()["owned"]


def _trim(text: str, chars: str) -> str:
    """``text`` without ``chars`` and brackets at its edges, but for a closing bracket whose opening
    one it holds (地区生产总值（GDP）: the gloss belongs to the name)."""
    edges = chars + BRACKET_CHARS
    if not text or (text[0] not in edges and text[-1] not in edges):
        return text  # most words: nothing at either edge to take off
    while True:
        before = text
        text = text.strip(chars)
        for opening, closing in BRACKETS:
            text = text.lstrip(closing).rstrip(opening)
            if text.endswith(closing) and text.count(closing) > text.count(opening):
                text = text[:-1]
            if text.startswith(opening) and text.count(opening) > text.count(closing):
                text = text[1:]
        if text == before:
            return text


def balanced(name: str) -> str:
    """A name without stray edge punctuation, keeping quotes and brackets that belong to it
    (“小巨人”企业, 地区生产总值（GDP）)."""
    if name[:1] not in _NAME_EDGE_SET and name[-1:] not in _NAME_EDGE_SET and not _QUOTES.search(name):
        return name.strip()  # most names: nothing at either edge, no quote
    name = _trim(name, _NAME_EDGES).rstrip("“")  # an opening quote at the end opens a slogan
    if name.count("“") > name.count("”"):
        name = name.lstrip("“")
    if name.count("”") > name.count("“"):
        name = name.rstrip("”")
    return name.strip()


def part_of(before: str, name: str) -> str:
    """A head naming a part of what the name before it measures: 粮食播种面积…、总产量 → 粮食总产量."""
    if name not in _words()["partial_head_set"]:
        return name
    heads = _words()["partial_heads"]
    for head in heads:
        if before.endswith(head) and len(before) > len(head):
            return before[: -len(head)] + name
    return name


def all_ellipsis(names: list[str]) -> bool:
    """Whether every name stands for the indicator named before (总数, 增速); true of no names at all."""
    return _words()["ellipsis"].issuperset(names)


# the words before the values of a batch repeat (增长, 地区生产总值): what they decide of a value's measure
# is read once in this many
MEASURES_KEPT = 8192
# a bound word written before the whole a share is of, the share right after (超过全球一半, 接近全国十分之一): the measures
# stage bounds the share by it, the names stage names the share of that whole (cues [bounds.before_whole])
_BEFORE_WHOLE = load("cues")["bounds"]["before_whole"]
BOUND_BEFORE_WHOLE = re.compile(
    rf"(?P<word>{'|'.join(sorted(_BEFORE_WHOLE['words'], key=len, reverse=True))})"
    rf"(?P<whole>{'|'.join(_BEFORE_WHOLE['wholes'])}){_BEFORE_WHOLE['of']}?$"
)
BOUND_BEFORE_WHOLE_WORDS: dict[str, str] = _BEFORE_WHOLE["words"]
BOUND_BEFORE_WHOLE_REACH = (
    max(map(len, _BEFORE_WHOLE["words"])) + max(map(len, _BEFORE_WHOLE["wholes"])) + len(_BEFORE_WHOLE["of"])
)
# the characters such a whole ends in right before the share: before any other, none is looked for
BOUND_BEFORE_WHOLE_ENDS = frozenset(whole[-1] for whole in _BEFORE_WHOLE["wholes"]) | {_BEFORE_WHOLE["of"]}
Measure = tuple[str, bool]  # (measure, is_decrease)
# how far after a value the words that name its rate or fall (measure_of) are read
MEASURE_AFTER = 8


@lru_cache(maxsize=MEASURES_KEPT)
def measure_of(
    verb: str, unit: str, kind: str, indicator_text: str
) -> tuple[Measure, re.Pattern[str] | None, Measure]:
    """(measure, is_decrease) of a value from its verb, unit and kind, and the words right after it
    (保持20%以上增长, 7%左右的增速: a rate named after the value): the measure the words before it decide,
    and, where the words right after it (MEASURE_AFTER characters) decide another, the pattern they match
    then (else None) and that measure. A pure function of a few short strings that recur, read once for
    each of them."""
    measure = _measure(verb, unit, kind, indicator_text, False)
    if kind == "number" and unit == "%":
        after_words = _words()["growth_after"]  # 7%左右的增速
    elif kind != "number" and kind != "bare":
        after_words = _words()["decrease"]  # 两位数下降
    else:
        return measure, None, measure
    if_after = _measure(verb, unit, kind, indicator_text, True)
    return measure, (after_words if if_after != measure else None), if_after


def _measure(verb: str, unit: str, kind: str, indicator_text: str, named_after: bool) -> Measure:
    """(measure, is_decrease) of a value (``measure_of``), ``named_after`` telling whether the words right
    after it name its rate or fall."""
    if kind == "bare":
        return "level", False
    words = _words()
    decrease = words["decrease"].search(verb) is not None
    if kind != "number":  # 两位数增长, 实现双位数下降: a rate in words, its verb perhaps after it
        return "growth", decrease or named_after
    to_level = verb.endswith(tuple(_HEAD["to_level_endings"])) and not words["growth_rate_verb"].match(verb)
    if unit == "pp":
        moving = words["growth"].search(verb) is not None and not to_level
        # a rate's name as the verb says no direction: a verb of a fall in the name before it does (拉低了…增速约4个百分点)
        named_fall = (
            bool(words["growth_rate_verb"].match(verb))
            and words["fall_in_name"].search(indicator_text) is not None
        )
        return ("change" if moving else "level"), (decrease or named_fall) and moving
    if unit == "%":
        if words["growth_head"].search(indicator_text):
            return (
                "growth",
                decrease,
            )  # a rate of growth named (年均增长率要达到8—9％): whatever verb reaches it
        if to_level:
            return "level", False
        if words["growth"].search(verb) or named_after:
            return "growth", decrease
        if not verb and words["fall_in_name"].search(indicator_text):
            return "growth", True  # 精简办事材料36.5%: the verb is written inside the name
        if not verb and words["rise_in_name"].search(indicator_text):
            return "growth", False  # 招生规模比上年扩大47.4%
        return "level", False
    exempt = words["change_exempt"].search(indicator_text) is not None or (
        # 新增…就业, 新增…资金: a flow whose new amount is the flow, and a stock (…、存量突破100万户), unless a
        # verb of its own compares it
        indicator_text.endswith(words["new_flows"])
        and words["change_in_name_words"].issuperset(words["change"].findall(verb))
    )
    if (
        not to_level
        and not exempt
        and (words["change"].search(verb) or words["change_in_name"].search(indicator_text))
    ):
        return "change", decrease
    if not verb and unit not in words["fall_not_units"] and words["fall_in_name"].search(indicator_text):
        return "change", True  # 每年可使农民减轻负担48亿元: the verb is written inside the name
    if not verb and unit not in words["fall_not_units"] and words["rise_in_name"].search(indicator_text):
        return "change", False  # 国家财政共增加支出540多亿元
    return "level", False


def annual_average(written: bool, context: str, verb: str, period: str | None) -> bool:
    """年均/每年 or a streak of years (连续两年) written at the value (``written``: ANNUAL found in the
    words before it, ``context``), but not where 年均 belongs to the indicator (年均浓度); or a value
    held (稳定在, 一直控制在, 持续超过) through a period of several years."""
    if written:
        return True
    if period is None or "-" not in period:
        return False  # (most values: of one year)
    return HELD_VERB.search(verb) is not None or HELD_BEFORE.search(context) is not None


@cache
def _hedge_words() -> AnchoredWords:
    """The commitment words and the words that hold one but are none (not_hedges), looked for near the
    commitment words only (every other word holds one)."""
    hedges = load("cues")["hedges"]
    words = sorted(hedges["words"] + hedges["not_hedges"], key=len, reverse=True)
    pattern = re.compile("|".join(_not_after_adverb(w, hedges["adverbs"]) for w in words))
    return AnchoredWords(pattern, words)


def _not_after_adverb(word: str, adverbs: list[str]) -> str:
    """The word's pattern, not matching where its first character ends an adverb (the 力 of 大力争取):
    the adverb is looked behind for once that character is read."""
    lookbehinds = "".join(f"(?<!{re.escape(a)})" for a in adverbs if word.startswith(a[-1]))
    return re.escape(word[0]) + lookbehinds + re.escape(word[1:])


# 争取 is read with the words after it (争取中央资金, 争取5%): at most this many, up to the value
HEDGE_FOLLOWING = 4


def _governs(word: str, following: str, obtained_context: bool) -> bool:
    """Whether a commitment word governs goals: 争取 does not where something is obtained (争取中央
    资金, anything in a review) or before a number it only governs as written (争取5%)."""
    if word != load("cues")["hedges"]["obtaining"]:
        return True
    hedges = load("cues")["hedges"]
    obtained = obtained_context or following.startswith(tuple(hedges["obtained_after"]))
    return not obtained and not following[:1].isdigit()


def _quoted(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] stands inside a short quoted name (落实“两个确保”)."""
    hedges = load("cues")["hedges"]
    (opening, closing), reach = hedges["quotes"], hedges["quoted_reach"]
    before, after = text[max(0, start - reach) : start], text[end : end + reach]
    return (
        opening in before
        and closing not in before.rpartition(opening)[2]
        and closing in after
        and (opening not in after.partition(closing)[0])
    )


class Commitments:
    """The commitment words of a text (力争, 确保…), found in one pass, and the last of them before a
    value in its sentence that governs goals. Searching each value's sentence up to the value instead
    takes, in one long sentence of values, time in its length squared."""

    def __init__(self, text: str) -> None:
        not_hedges = load("cues")["hedges"]["not_hedges"]
        self.text = text
        self.words = [(m.start(), m.end(), m.group()) for m in _hedge_words().finditer(text)]
        self.words = [w for w in self.words if w[2] not in not_hedges and not _quoted(text, w[0], w[1])]
        self.ends = [end for _, end, _ in self.words]
        # what governs, read with all HEDGE_FOLLOWING characters after it: in a review part, elsewhere
        self.governing = {
            review: [w for w in self.words if _governs(w[2], text[w[1] : w[1] + HEDGE_FOLLOWING], review)]
            for review in (False, True)
        }
        self.governing_ends = {review: [w[1] for w in found] for review, found in self.governing.items()}

    def before(self, sentence_start: int, start: int, obtained_context: bool) -> str | None:
        """The last commitment word from ``sentence_start`` up to a value at ``start`` that governs it."""
        i = bisect_right(self.ends, start)
        if not i or self.words[i - 1][0] < sentence_start:
            return None  # (most values: no commitment word in their sentence before them)
        # a word closer to the value than HEDGE_FOLLOWING is read with the words up to the value only
        while i and self.ends[i - 1] > start - HEDGE_FOLLOWING:
            i -= 1
            word_start, end, word = self.words[i]
            if word_start < sentence_start:
                return None
            if _governs(word, self.text[end:start], obtained_context):
                return word
        j = bisect_right(self.governing_ends[obtained_context], start - HEDGE_FOLLOWING)
        if j and self.governing[obtained_context][j - 1][0] >= sentence_start:
            return self.governing[obtained_context][j - 1][2]
        return None
