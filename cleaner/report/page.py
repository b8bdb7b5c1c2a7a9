"""One page's report: the whole input, every block marked with its decision.

The document is self-contained: inline CSS and a small inline script (from
``cleaner/data/report``), system fonts, no request of any kind.  Every piece
of page text goes through `html.escape`; nothing from the page reaches CSS or
the script (filters are named there by their number in the legend).

Each removal decision (what `Result.removals` counts) is exactly one element
carrying ``data-rm="<filter>"``: a removed block, or a ``<del>`` span inside a
block for a trim or a later pass's removal.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import cache
from html import escape
from importlib import resources

from ..model import Action, Decision, Result
from . import colors
from .gold import Gold
from .layout import Cut, Layout, Row, layout


@cache
def asset(name: str) -> str:
    """A file of ``cleaner/data/report``."""
    return (resources.files("cleaner") / "data" / "report" / name).read_text(encoding="utf-8")


@dataclass(frozen=True, slots=True)
class Legend:
    """The filters of a result, in legend order, with their counts."""

    names: list[str]
    removals: Counter[str]
    words: Counter[str]
    keeps: Counter[str]

    def number(self, name: str) -> int:
        return self.names.index(name) if name in self.names else -1


def legend_of(result: Result) -> Legend:
    """Filters by removals (most first), then those that only kept blocks."""
    removals = result.removals()
    keeps = Counter(d.filter for d in result.decisions if d.action is Action.KEEP)
    words: Counter[str] = Counter()
    for d in result.decisions:
        if d.action in (Action.DROP, Action.TRIM):
            words[d.filter] += len(d.text.split())
    names = [name for name, _ in removals.most_common()]
    names += sorted(set(keeps) - set(names))
    return Legend(names, removals, words, keeps)


class Marks:
    """Gold marks: which removed text was lost and which kept text leaked."""

    def __init__(self, gold: Gold | None) -> None:
        self.gold = gold
        self.lost = 0
        self.leaked = 0

    def lost_text(self, text: str) -> bool:
        hit = self.gold is not None and self.gold.misses(text)
        self.lost += hit
        return hit

    def leaked_row(self, row: Row) -> bool:
        hit = self.gold is not None and any(not self.gold.contains(p) for _, p in row.pieces())
        self.leaked += hit
        return hit


def render_page(result: Result, *, gold: str | None = None, title: str = "") -> str:
    """A complete, self-contained HTML document explaining `result`."""
    lay = layout(result)
    legend = legend_of(result)
    marks = Marks(Gold(gold, result.text) if gold is not None else None)
    rows = "".join(_row(row, legend, marks) for row in lay.rows)
    unplaced = _unplaced(lay, legend) + _notes(lay)
    heading = f"What cleaner removed: {title}" if title else "What cleaner removed"
    parts = [
        _head(heading, legend),
        f'<body><a class="skip" href="#v-page">Skip to the page</a><header><h1>{escape(heading)}</h1>',
        _summary(result, lay),
        _gold_summary(result, marks),
        "</header><main>",
        _legend_table(legend),
        _controls(legend, marks),
        _tabs(gold is not None),
        f'<section id="v-page" role="tabpanel" aria-labelledby="t-page" tabindex="-1"><h2>The page, block by block</h2>'
        f'<div class="rows">{rows}</div>{unplaced}</section>',
        _text_panel("v-text", "t-text", "The cleaned text", _lines(result.text.replace("\n\n", "\n"))),
        _text_panel("v-gold", "t-gold", "The gold", _lines(gold)) if gold is not None else "",
        "</main>",
        _help(),
        f"<script>{asset('report.js')}</script></body></html>\n",
    ]
    return "".join(parts)


def _head(heading: str, legend: Legend) -> str:
    css = asset("report.css") + _filter_css(legend)
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        "style-src 'unsafe-inline'; script-src 'unsafe-inline'\">"
        f"<title>{escape(heading)}</title><style>{css}</style></head>"
    )


def _filter_css(legend: Legend) -> str:
    """The text colour the tints were checked against, colours per filter number, and the
    rules of the one-filter view."""
    rules = [f":root{{--ink:{colors.INK}}}"]
    for i, name in enumerate(legend.names):
        rules.append(f".f{i}{{--tint:{colors.tint(name)};--shade:{colors.shade(name)}}}")
        rules.append(f'body[data-only="{i}"] .b:not(.h{i}){{display:none}}')
    return "\n".join(rules)


def word_counts(result: Result) -> tuple[int, int]:
    """Words of the page's blocks, and words of the cleaned text."""
    return sum(len(s.split()) for s in result.segments), len(result.text.split())


def _summary(result: Result, lay: Layout) -> str:
    words_in, words_out = word_counts(result)
    share = 100 * (words_in - words_out) / words_in if words_in else 0.0
    gone = sum(row.gone for row in lay.rows)
    items = [
        f"{len(lay.rows)} blocks, {gone} removed whole",
        f"{words_in} words in, {words_out} kept ({share:.0f}% removed)",
        f"{sum(result.removals().values())} removals",
        f"mode {escape(result.mode)}, languages {escape(', '.join(result.languages))}",
        f"{lay.passes} pass{'es' if lay.passes > 1 else ''}",
        "fallback: the guard undid structural drops" if result.fallback else "no fallback",
    ]
    text = "".join(f"<li>{item}</li>" for item in items)
    return f'<ul class="summary" aria-label="Summary">{text}</ul>'


def _gold_summary(result: Result, marks: Marks) -> str:
    if marks.gold is None:
        return ""
    p, r, f1 = marks.gold.score(result.text)
    return (
        f'<p class="goldsum">Against the gold: <span class="gtag lost">lost</span> {marks.lost} '
        f'<span class="gtag leaked">leaked</span> {marks.leaked}; word precision {p:.3f}, recall {r:.3f}, '
        f"F1 {f1:.3f}.</p>"
    )


def _legend_table(legend: Legend) -> str:
    body = []
    for i, name in enumerate(legend.names):
        label = escape(name)
        body.append(
            f'<tr><th scope="row"><button type="button" class="chip f{i}" data-only="{i}" aria-pressed="false" '
            f'title="Show only what {label} decided">{label}</button></th>'
            f'<td class="count" data-filter="{label}">{legend.removals[name]}</td>'
            f"<td>{legend.words[name]}</td><td>{legend.keeps[name]}</td></tr>"
        )
    total = sum(legend.removals.values())
    return (
        '<section id="legend" aria-labelledby="legend-h"><h2 id="legend-h">Removals by filter</h2>'
        '<table class="legend"><thead><tr><th scope="col">filter (press to show only it)</th>'
        '<th scope="col">removals</th><th scope="col">words removed</th><th scope="col">kept or restored</th>'
        f'</tr></thead><tbody>{"".join(body)}</tbody><tfoot><tr><th scope="row">all</th>'
        f'<td class="count" data-filter="">{total}</td><td></td><td></td></tr></tfoot></table></section>'
    )


def _controls(legend: Legend, marks: Marks) -> str:
    options = "".join(
        f'<option value="{i}">{escape(name)} ({legend.removals[name]})</option>' for i, name in enumerate(legend.names)
    )
    gold = (
        '<label><input type="checkbox" id="c-gold"> only lost and leaked blocks</label>'
        if marks.gold is not None
        else ""
    )
    return (
        '<fieldset class="controls"><legend>Show</legend>'
        '<label><input type="checkbox" id="c-removed" checked> removed text</label>'
        '<label><input type="checkbox" id="c-reasons"> every reason inline</label>'
        f'<label>only the blocks of <select id="c-only"><option value="">every filter</option>{options}</select>'
        f"</label>{gold}</fieldset>"
    )


def _tabs(gold: bool) -> str:
    tabs = [("t-page", "v-page", "Page with decisions"), ("t-text", "v-text", "Cleaned text")]
    tabs += [("t-gold", "v-gold", "Gold")] if gold else []
    buttons = "".join(
        f'<button type="button" role="tab" id="{tid}" aria-controls="{pid}" aria-selected="false">{label}</button>'
        for tid, pid, label in tabs
    )
    return f'<div class="tabs" role="tablist" aria-label="Views">{buttons}</div>'


def _text_panel(pid: str, tid: str, heading: str, paragraphs: list[str]) -> str:
    text = "".join(f"<p>{escape(p)}</p>" for p in paragraphs)
    head = f'<section id="{pid}" role="tabpanel" aria-labelledby="{tid}" tabindex="-1">'
    return f"{head}<h2>{heading}</h2>{text}</section>"


def _lines(text: str | None) -> list[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def _unplaced(lay: Layout, legend: Legend) -> str:
    items = [_marked("li", d, legend, d.text, _tag(d), _reason(d)) for d in lay.unplaced]
    return _listing("Later-pass decisions not placed on a block", "unplaced", items)


def _notes(lay: Layout) -> str:
    """Decisions that changed nothing (a skipped rule, say), with their reasons."""
    items = [
        f'<li><span class="tag note">{escape(d.action.value)} · {escape(d.filter)}</span>{escape(d.reason)}'
        f"{' — ' + escape(d.text) if d.text else ''}</li>"
        for d in lay.notes
    ]
    return _listing("Notes (decisions that changed nothing)", "notes", items)


def _listing(heading: str, cls: str, items: list[str]) -> str:
    return f'<h3>{heading}</h3><ul class="{cls}">{"".join(items)}</ul>' if items else ""


def _help() -> str:
    return (
        "<footer><details><summary>Keyboard and reading help</summary><ul>"
        "<li><kbd>Tab</kbd> / <kbd>Shift</kbd>+<kbd>Tab</kbd> move from decision to decision; "
        "the reason shows while a block has focus or the pointer.</li>"
        "<li><kbd>n</kbd> / <kbd>p</kbd> jump to the next / previous visible decision.</li>"
        "<li><kbd>r</kbd> hides or shows removed text; <kbd>w</kbd> shows every reason inline.</li>"
        "<li>In the view tabs, <kbd>←</kbd> / <kbd>→</kbd> switch views.</li>"
        "<li>Every marked block carries a label (removed, trimmed, restored, kept, lost, leaked) "
        "and its filter's name: colour is never the only cue.</li></ul></details></footer>"
    )


# --- one block -----------------------------------------------------------------------------------


def _row(row: Row, legend: Legend, marks: Marks) -> str:
    """One block: its label, its text with trims marked, its reason."""
    body = _body(row, legend, marks)
    lead = row.drop or (row.keeps[0] if row.keeps else None)
    classes = ["b"]
    attrs = [f'id="b{row.index}" data-n="{row.index}"']
    tags, reasons = "", []
    if row.drop is not None:
        classes += ["rm" if row.restored is None else "undone", f"f{legend.number(row.drop.filter)}"]
        attrs.append(_rm(row.drop))
        tags += _row_tag(row)
        reasons.append(_reason(row.drop) if row.restored is None else _restored_why(row.drop, row.restored))
    elif lead is not None:
        classes += ["kept", f"f{legend.number(lead.filter)}"]
        tags += "".join(_tag(k) for k in row.keeps)
        reasons += [_reason(k) for k in row.keeps]
    gold = _row_gold(row, marks)
    if gold:
        attrs.append(f'data-gold="{gold}"')
        tags += _gold_tag(gold)
        reasons.append(_GOLD_WHY[gold])
    classes += _has(row, legend)
    if row.gone:
        classes.append("gone")
    if gold or 'data-gold="' in body:
        classes.append("g")
    if reasons:
        attrs.append('tabindex="0"')
    why = _why(" ".join(reasons)) if reasons else ""
    return f'<div class="{" ".join(classes)}" {" ".join(attrs)}>{tags}{body}{why}</div>'


def _body(row: Row, legend: Legend, marks: Marks) -> str:
    """The block's text, each cut as a ``<del>`` with its label and reason."""
    if not row.cuts:
        return escape(row.text)
    out, pos = [], 0
    for cut in sorted(row.cuts, key=lambda c: c.start):
        start = max(pos, cut.start)  # cuts of one block may overlap: show each character once
        out.append(escape(row.text[pos:start]))
        out.append(_cut(row, cut, start, legend, marks))
        pos = max(pos, cut.end)
    out.append(escape(row.text[pos:]))
    return "".join(out)


def _cut(row: Row, cut: Cut, start: int, legend: Legend, marks: Marks) -> str:
    text = row.text[start : cut.end]
    d = cut.decision
    if cut.restored is not None:  # removed and given back in the same pass: shown, not struck out
        label, reason = _restored_tag(d, cut.restored), _restored_why(d, cut.restored)
        return _marked("span", d, legend, text, label, reason, extra_class=" undone")
    lost = not row.dropped and marks.lost_text(text)
    gold = ' data-gold="lost"' if lost else ""
    reason = _reason(d) + (" " + _GOLD_WHY["lost"] if lost else "")
    label = _tag(d) + (_gold_tag("lost") if lost else "")
    return _marked("del", d, legend, text, label, reason, extra=gold)


def _marked(
    tag: str, d: Decision, legend: Legend, text: str, label: str, reason: str, extra: str = "", extra_class: str = ""
) -> str:
    """A decision's text, labelled, focusable, with its reason."""
    return (
        f'<{tag} class="cut{extra_class} f{legend.number(d.filter)}" {_rm(d)}{extra} tabindex="0">{label}'
        f"{escape(text)}{_why(reason)}</{tag}>"
    )


def _row_gold(row: Row, marks: Marks) -> str:
    if marks.gold is None:
        return ""
    if row.dropped:
        return "lost" if marks.lost_text(row.text) else ""
    return "leaked" if marks.leaked_row(row) else ""


def _has(row: Row, legend: Legend) -> list[str]:
    """``h<n>`` for every filter that decided on this block (the one-filter view)."""
    cuts = [d for c in row.cuts for d in (c.decision, c.restored) if d is not None]
    ds = cuts + row.keeps + [d for d in (row.drop, row.restored) if d is not None]
    return sorted({f"h{legend.number(d.filter)}" for d in ds})


_GOLD_WHY = {
    "lost": "Lost: this text is in the gold, so it should have been kept.",
    "leaked": "Leaked: kept, but not in the gold.",
}


def _rm(d: Decision) -> str:
    later = f' data-pass="{d.passno}"' if d.passno > 1 else ""
    return f'data-rm="{escape(d.filter)}"{later}'


def _verb(d: Decision) -> str:
    if d.action is Action.KEEP:
        return "kept"
    if d.action is Action.TRIM:
        return "trimmed"
    return "removed"


def _tag(d: Decision) -> str:
    later = f" (pass {d.passno})" if d.passno > 1 else ""
    return f'<span class="tag">{_verb(d)} · {escape(d.filter)}{later}</span>'


def _row_tag(row: Row) -> str:
    assert row.drop is not None
    return _tag(row.drop) if row.restored is None else _restored_tag(row.drop, row.restored)


def _restored_tag(drop: Decision, keep: Decision) -> str:
    return f'<span class="tag">restored · {escape(keep.filter)} (removed by {escape(drop.filter)})</span>'


def _gold_tag(kind: str) -> str:
    return f'<span class="gtag {kind}">{kind}</span>'


def _reason(d: Decision) -> str:
    later = f" (pass {d.passno})" if d.passno > 1 else ""
    return f"{_verb(d).capitalize()} by {d.filter}{later}: {d.reason}."


def _restored_why(drop: Decision, keep: Decision) -> str:
    return f"Removed by {drop.filter}: {drop.reason}; restored by {keep.filter}: {keep.reason}."


def _why(text: str) -> str:
    return f'<span class="why" role="tooltip">{escape(text)}</span>'
