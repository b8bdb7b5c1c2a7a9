"""Each built-in filter alone: a case it must remove and a trap it must keep.

Every filter runs in isolation (``pipeline=[name]``), so a pass here is that
filter's own doing.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

import cleaner
from cleaner import Action

P = "\n\n".join

# (filter, page, text that must go, a phrase of the reason)
POSITIVE = [
    (
        "accessibility",
        P(["Skip to main content", "The report was published on Monday."]),
        "Skip to main content",
        "label",
    ),
    (
        "consent",
        P(["We use cookies to improve your experience. By clicking Accept, you agree.", "Accept all"]),
        "We use cookies",
        "wording",
    ),
    (
        "donation",
        P(["Donate now", "Make your year-end gift by December 31 and double your impact!"]),
        "double your impact",
        "donation",
    ),
    (
        "donation",
        P(["The article ends here with a full sentence.", "Support Snopes and make a difference for readers."]),
        "make a difference",
        "donation",
    ),
    ("take_action", P(["Take Action", "Tell Congress to stop the cuts!", "Sign now"]), "Tell Congress", "under"),
    ("newsletter", P(["Sign up for our newsletter", "* indicates required"]), "* indicates required", "under"),
    ("share_tags", P(["Share this:", "Facebook", "Twitter"]), "Facebook", "under"),
    (
        "related",
        P(["Related news", "Floods hit the valley", "New report on prisons"]),
        "Floods hit the valley",
        "under",
    ),
    (
        "related",
        P(["The article ends here with a full sentence.", "Most read in world news", "Prince parties in old pics"]),
        "Prince parties",
        "under",
    ),
    (
        "related",
        P(["The article goes on here with a sentence.", "More:", "Taliban talks resume in Doha", "Envoy meets youth"]),
        "Taliban talks",
        "under",
    ),
    (
        "captions",
        P(
            [
                "The article starts here.",
                "In this Dec. 12, 2006, file photo, made available by NASA, two astronauts work.",
            ]
        ),
        "two astronauts",
        "caption",
    ),
    (
        "comments",
        P(["Leave a Reply", "Your email address will not be published. Required fields are marked *"]),
        "Your email address",
        "comments",
    ),
    ("comments", P(["The post ends here.", "Discussion about this post", "CommentsRestacks"]), "Restacks", "under"),
    (
        "footer",
        P(["The article ends here with a full sentence.", "© 2024 Amnesty International. All rights reserved."]),
        "All rights reserved",
        "footer",
    ),
    ("bylines", P(["By Jane Doe", "Published: 25 January 2021", "The article starts here."]), "By Jane Doe", "byline"),
    ("read_more", P(["A teaser of a story that ends in the middle of a", "Read more"]), "Read more", "readmore"),
    ("navigation", P(["Home", "The article starts here."]), "Home", "navigation"),
    ("artifacts", P(["%d bloggers like this:", "The article starts here."]), "%d bloggers", "artifacts"),
    ("ads", P(["Advertisement", "The article starts here."]), "Advertisement", "ads"),
    (
        "captions",
        P(["The article starts here.", "© 2020 Brian Stauffer for Human Rights Watch"]),
        "Brian Stauffer",
        "caption",
    ),
    ("captions", P(["The article starts here.", "1 / 4", "Back to Gallery"]), "1 / 4", "caption"),
    (
        "captions",
        P(["The article starts here.", "A shopper looks at cords in Grass Valley. (Jane Doe/The Union via AP)"]),
        "A shopper",
        "caption",
    ),
]

# (filter, a page every line of which must survive that filter)
TRAPS = [
    # the clause inside a long paragraph of reporting on affiliate marketing is no notice
    (
        "ads",
        "Bloggers have long told readers that we may earn a commission when they buy through a link, but the "
        "regulator now wants the disclosure printed above every review, the agency said in a statement on "
        "Monday, and it will start fining sites that bury it at the bottom of the page next year, officials "
        "added, after a two-year study of more than four thousand websites in eleven countries found that "
        "most readers never see it.",
    ),
    # "let us know at" is an invitation only with an address after it
    ("newsletter", "Let us know at once, the mayor told the engineers."),
    # a tip box asks a question: advice about tipping is no tip line
    ("bylines", "Have a tip ready for the porter, the guide tells visitors to the old hotel."),
    # mailing-list wording inside reporting: one cue in a long sentence does not dominate it
    (
        "newsletter",
        "The company said the new bread would be delivered weekday mornings to shops across the country, "
        "a change that bakers say will cost them customers.",
    ),
    # an issue count is an offer only with a price after it: a subheading keeps it
    ("newsletter", "12 issues for the new council"),
    ("accessibility", "Screen readers help blind users, and skip links let keyboard users jump to the main content."),
    ("consent", "The court ruled that websites must ask before they set cookies, and regulators fined the company."),
    ("donation", "Donor governments cut funding for the appeal, which is only 30% funded, the UN said on Monday."),
    ("donation", "Voters were asked to support Smith so that he can continue as mayor, and the union backed him."),
    ("related", "The most popular section of the park is the rose garden, which draws thousands every week."),
    ("newsletter", "Users must confirm their email address before the bank lets them move money, the regulator said."),
    ("footer", "The supplement maker said its claims had been evaluated by the Food and Drug Administration."),
    ("related", "Next up in the trial is the testimony of the former finance minister, expected on Tuesday."),
    ("captions", "Flights between the two cities were cancelled on Monday (New York/London)."),
    ("bylines", "Reporting by the BBC revealed that the minister had misled parliament about the contracts."),
    ("bylines", "At 10:30, Monday, June 3, 2019, the dam broke and the water reached the town within an hour."),
    ("bylines", "Contact the clinic at info@clinic.org to book an appointment before the end of the month."),
    ("related", "Voters who read more about the candidates were likelier to vote, the study found."),
    ("related", "Most read in the library were the novels of Dickens, the librarian said on Monday."),
    ("related", "More: the council said it would meet again in March to decide on the new bridge."),
    ("captions", "In this case, the court ruled the photo was taken illegally, and the judge agreed with it."),
    ("comments", "New rules allow 6 comments per user each day, the platform said on Tuesday."),
    ("ads", "If you buy something through a broker, you pay a fee, the regulator warned investors on Monday."),
    ("footer", "Opinions expressed by the judges were their own, the court said, and not binding on the panel."),
    ("share_tags", "Did you like this story? Readers can share it with a friend by email, the editor said."),
    ("take_action", "'We must take action now,' said the activist, who signed the petition with 170,000 others."),
    ("newsletter", "The campaign asked supporters to subscribe to updates, and thousands signed up within a week."),
    ("share_tags", "She shared the photo on Facebook and Twitter before deleting it, her lawyer told the court."),
    ("related", "Related research by the university found that floods are becoming more frequent in the valley."),
    ("comments", "The ministry received 4,000 comments on the draft law, most of them critical of the new rules."),
    ("footer", "The charity's registration number was withdrawn after the regulator found all rights were reserved."),
    ("bylines", "By the end of the year, more than two million people had fled their homes, the agency said."),
    ("read_more", "Officials told parents to read more carefully the letter the school sent home last week."),
    ("navigation", "Families returned home after the floods, but many found their houses destroyed by the water."),
    ("navigation", "« Nous n'avons jamais vu ça », a déclaré la maire."),  # a guillemet is no breadcrumb »
    ("navigation", "«Abbiamo perso tutto» racconta Rosa, che vive nel villaggio da trent'anni."),
    ("artifacts", "The page kept loading for minutes, users said, before the site finally crashed on Tuesday."),
    ("ads", "The advertisement for the new clinic promised free care, but patients were later charged fees."),
    ("captions", "The photographer said the photo of the flooded village, taken in March, changed her career."),
    ("bylines", "Questions about this article were sent to the ministry, which did not reply by Tuesday."),
    ("newsletter", "There was a problem subscribing new customers, the bank said, after its website crashed."),
    ("related", "Top stories in the Nation magazine this year were about the election, its editor said."),
    ("related", "The most read stories of the year were about the floods, the editor said on Monday."),
    ("related", "Related coverage from the BBC showed the same crowds outside parliament on Tuesday."),
    ("ads", "We use affiliate links rarely, the editor said, because readers distrust them."),
    ("share_tags", "Subscribe to the channel on YouTube for more videos, the singer told her fans before the concert."),
    ("comments", "The site said that we are moderating comments more strictly now, according to its editor."),
    ("share_tags", "Readers who like this article? format of headlines complained to the editor, who changed it."),
    (
        "bylines",
        P(
            [
                "About Jane Doe",
                "Jane Doe was 34 when she left the village for the capital, where she found work in a textile mill.",
                "Her sister stayed behind and ran the family farm until the floods of 2012 destroyed the harvest.",
                "Years later the two women met again at a wedding, and they have not been apart since then.",
            ]
        ),
    ),
    (  # a title-case section heading is no name: a function word never starts one
        "bylines",
        P(
            [
                "The river rose above its banks on Monday and forced more than fifty families to leave their homes.",
                "About This Study",
                "This Study was carried out by researchers at the university over two rainy seasons.",
            ]
        ),
    ),
    (  # a topic subheading is no name: capitals are read case-sensitively
        "bylines",
        P(
            [
                "The river rose above its banks on Monday and forced more than fifty families to leave their homes.",
                "Officials said the rain would continue across the delta for a third straight day on Tuesday.",
                "About river floods",
                "Scientists say river floods like this one are becoming more frequent in the delta.",
            ]
        ),
    ),
]

STRUCTURAL_POSITIVE = {
    "title_repeat": (
        P(["Floods in the delta", "Floods in the delta", "Rivers rose above their banks on Monday."]),
        "Floods in the delta",
    ),
    "pull_quotes": (
        P(
            [
                "A title that leads into the text",
                "The standfirst of the story, which is one sentence long.",
                "The mechanism will be a lifeline to civil society in the country. We call on states to support it.",
                "The mechanism will be a lifeline to civil society in the country",
                "Jane Doe, Secretary General",
                "The vote today shows that the Council can address grave situations on their merits.",
            ]
        ),
        "Jane Doe, Secretary General",
    ),
}


def _removed(result: cleaner.Result) -> str:
    return " ".join(d.text for d in result.decisions if d.action is not Action.KEEP)


@pytest.mark.parametrize(("name", "page", "gone", "reason"), POSITIVE, ids=[p[0] for p in POSITIVE])
def test_filter_removes_its_boilerplate(name: str, page: str, gone: str, reason: str) -> None:
    result = cleaner.clean_and_explain(page, pipeline=[name])
    assert gone not in result.text
    assert gone in _removed(result)
    assert all(d.filter == name for d in result.decisions)
    assert any(reason in d.reason for d in result.decisions), [d.reason for d in result.decisions]


# (filter, a news site's widget line seen at the end of articles): each goes after the article
NEWS_WIDGETS = [
    # commission disclosures (ads [line]): the notice with the sentences around it
    (
        "ads",
        "Sometimes we include links to online retail stores. If you click on one and make a purchase we may "
        "receive a small commission.",
    ),
    # reader invitations under the article (newsletter [cue]), curly apostrophes included
    (
        "newsletter",
        "The Times publishes letters to the editor. We’d like to hear what you think about this article. "
        "And here’s our email: letters@example.com.",
    ),
    ("newsletter", "Join our forums! And if you have a news tip or a correction, let us know at: desk@example.com."),
    # a tip box and a privacy-policy update banner (bylines and consent [cue])
    ("bylines", "Have a tip? Jane Doe may be reached at jdoe@example.com. Follow her on Twitter @jdoe."),
    (
        "consent",
        "Your privacy is important to us. We have updated our privacy policy to better explain how we use data.",
    ),
    # mailing-list form sentences and print-magazine offers (newsletter [cue])
    ("newsletter", "I agree that Example Sports can send me the Pick Six newsletter."),
    ("newsletter", "Please check the opt-in box to acknowledge that you would like to subscribe."),
    ("newsletter", "Keep an eye on your inbox for the latest sports news."),
    (
        "newsletter",
        "Get breaking news alerts and special reports. The news and stories that matter, delivered weekday mornings.",
    ),
    ("newsletter", "This site is protected by reCAPTCHA Privacy Policy | Terms of Service"),
    ("newsletter", "Get Example Monthly delivered through your letterbox every month. 12 issues for £11.99."),
    ("newsletter", "Breaking News Emails"),
    ("newsletter", "You have succesfully subscribed. Thank you!"),
    ("newsletter", "An email with an activation link has just been sent. Please activate your subscription."),
    ("related", "Other news in this section"),
    ("related", "Most popular in the section"),
    ("related", "Partner news"),
    ("related", "Read more from this author | Follow @janedoe"),
    ("related", "More Great Tribune Stories"),
    ("related", "Next Up In Science & Health"),
    ("bylines", "(Reporting by Jane Doe in London; Editing by John Smith)"),
    ("bylines", "Associated Press writer Jane Doe in Lagos contributed to this report."),
    ("share_tags", "Follow The Daily Star on Facebook, Twitter and Instagram."),
    ("newsletter", "Subscribe to the Morning Review newsletter"),
    ("bylines", "PUBLISHED: 00:01, Tue, Nov 19, 2019 | UPDATED: 10:43, Tue, Nov 19, 2019"),
    ("bylines", "Updated 11:21 pm CST, Tuesday, November 19, 2019"),
    ("bylines", "Email Jane Doe at jdoe@example.com or follow her @janedoe. Follow us on Twitter @Example."),
    ("related", "READ MORE: Plague outbreak confirmed: two diagnosed in the capital"),
    ("related", "View all (23)"),
    ("related", "Explore further"),
    ("comments", "New, 6 comments"),
    ("bylines", "Mon 18 Nov 2019 18.54 GMT Last modified on Mon 18 Nov 2019 18.56 GMT"),
    ("bylines", "Write to Al Root at allen.root@example.com"),
    ("share_tags", "Like this story? Share it with a friend!"),
    ("ads", "This post may contain affiliate and/or referral links. Please see my disclosure page."),
    ("ads", "If you buy something through this post, the site may get a share of the sale."),
    (
        "footer",
        "Citation: Astronauts would sleep (2019, November 18) retrieved 20 November 2019 from https://example.org/a",
    ),
    ("footer", "This document is subject to copyright. Apart from any fair dealing no part may be reproduced."),
    ("footer", "Opinions expressed by Forbes Contributors are their own."),
    ("footer", "*These statements have not been evaluated by the Food and Drug Administration."),
    ("footer", "iPad and iPhone are registered trademarks of Apple Inc., registered in the U.S. and other countries."),
    ("bylines", "About this article"),
    ("newsletter", "You have been successfully subscribed!"),
    ("newsletter", "There was a problem subscribing you to the newsletter. Double check your email and try again."),
    ("related", "Top stories in Nation"),
    ("related", "Most read stories"),
    ("related", "Related coverage from How to Do Everything: Money:"),
    ("ads", "FTC: We use income earning auto affiliate links. More."),
    ("share_tags", "Subscribe to 9to5Mac on YouTube for more Apple news:"),
    ("comments", "Note: we are temporarily moderating all comments submitted to deal with a surge in spam."),
    ("share_tags", "Like this article?"),
    ("bylines", "About Jane Doe\n\nJane Doe is a staff writer who covers science and the environment for the paper."),
]


@pytest.mark.parametrize(("name", "line"), NEWS_WIDGETS, ids=[w[1][:24] for w in NEWS_WIDGETS])
def test_filter_removes_a_news_widget_line(name: str, line: str) -> None:
    assert cleaner.clean(P([LONG, line]), pipeline=[name]) == LONG + "\n"


@pytest.mark.parametrize(("name", "page"), TRAPS, ids=[t[0] for t in TRAPS])
def test_filter_keeps_the_same_words_in_prose(name: str, page: str) -> None:
    assert cleaner.clean(page, pipeline=[name]) == page + "\n"


@pytest.mark.parametrize("name", sorted(STRUCTURAL_POSITIVE))
def test_structural_filter_removes(name: str) -> None:
    page, gone = STRUCTURAL_POSITIVE[name]
    result = cleaner.clean_and_explain(page, pipeline=[name])
    assert result.text.count(gone) < page.count(gone)


def test_title_repeat_keeps_repeats_outside_the_head() -> None:
    refrain = "We shall not be moved."
    body = [f"Paragraph {i} of a long article about a choir that sings in the square." for i in range(45)]
    page = P([*body[:5], refrain, *body[5:], refrain])
    assert cleaner.clean(page, pipeline=["title_repeat"]).count(refrain) == 2


def test_pull_quotes_keep_a_standfirst_that_repeats_the_first_paragraph() -> None:
    page = P(
        [
            "Title of the report on the floods",
            "Heavy rains forced ten thousand families from their homes",
            "Heavy rains forced ten thousand families from their homes, officials said, as rivers rose.",
            "Aid groups set up shelters in schools and distributed water to the families.",
        ]
    )
    assert cleaner.clean(page, pipeline=["pull_quotes"]) == page + "\n"


def test_pull_quotes_keep_a_quotation_that_appears_once() -> None:
    page = P(
        [
            "Title of the statement",
            "The minister spoke to reporters in the capital on Tuesday morning.",
            "“We will not accept any delay in the inquiry,” she said, before leaving.",
            "The opposition welcomed the statement but asked for a timetable.",
        ]
    )
    assert cleaner.clean(page, pipeline=["pull_quotes"]) == page + "\n"


LONG = "Officials said the water had risen faster than at any time in the last fifty years, and more rain was expected."


def test_main_body_drops_menus_and_footers_outside_the_run() -> None:
    page = P(
        [
            "Home",
            "About us",
            "Our work",
            "Floods in the delta",
            LONG,
            LONG.replace("fifty", "forty"),
            "Contact",
            "Jobs",
            "Press",
        ]
    )
    out = cleaner.clean(page, pipeline=["main_body"])
    assert out == P(["Floods in the delta", LONG, LONG.replace("fifty", "forty")]) + "\n"


def test_main_body_keeps_a_text_with_no_chrome_beyond_its_run() -> None:
    # a list and nothing removed after the run: the text is already cut there (an HTML page's output read again)
    shelters = ["Relief centres", "Gymnasium", "Town hall", "Harbour school", "Library"]
    page = P(["Floods in the delta", LONG, LONG.replace("fifty", "forty"), *shelters])
    assert cleaner.clean(page, pipeline=["main_body"]) == page + "\n"


def test_main_body_cuts_a_menu_no_vocabulary_knows_above_the_run() -> None:
    menu = ["Главная", "Новости", "Спорт", "Погода", "Видео"]  # no filter before main_body names these
    page = P([*menu, "Floods in the delta", LONG, LONG.replace("fifty", "forty")])
    out = cleaner.clean(page, pipeline=["main_body"])
    assert out == P(["Floods in the delta", LONG, LONG.replace("fifty", "forty")]) + "\n"


def test_main_body_keeps_short_lines_above_the_run_that_are_no_menu() -> None:
    # a title, a standfirst-like list of four places: no five-line menu run, nothing removed
    head = ["Flood warnings", "Delta towns", "River villages", "Coastal farms", "Hill camps are safe for now."]
    page = P([*head, LONG, LONG.replace("fifty", "forty")])
    assert cleaner.clean(page, pipeline=["main_body"]) == page + "\n"


TABLE_CELLS = ["Town", "Homes lost", "Families", "Delta City", "1,200", "3,400", "Riverside", "800", "2,100"]
TABLE_CELLS += ["Harbour", "450", "990", "Hill camp", "0", "120"]


def test_main_body_keeps_a_table_flattened_one_cell_per_line_inside_the_article() -> None:
    article = P(["Floods in the delta", LONG, *TABLE_CELLS, LONG.replace("fifty", "forty")])
    page = P([article, "© 2024 Delta News. All rights reserved."])  # chrome after the run: it is cut there
    assert cleaner.clean(page, pipeline=["footer", "main_body"]) == article + "\n"


def test_flat_table_cells_need_a_column_of_bare_numbers() -> None:
    from cleaner.filters.tables import flat_table_cells
    from cleaner.signals import shape

    def cells(lines: list[str]) -> set[str]:
        doc = cleaner.api.text_document(P(lines), None, "en")
        shapes = [shape(b.text, frozenset()) for b in doc.blocks]
        return {doc.blocks[i].text for i in flat_table_cells(doc, shapes)}

    assert cells([LONG, *TABLE_CELLS, LONG]) == set(TABLE_CELLS)
    dated = [line for n in range(1, 6) for line in (f"Opening Bell 10.{n}.19", f"Markets move on day {n}.")]
    assert cells([LONG, *dated, LONG]) == set()  # dated headlines: no bare numbers
    assert cells([LONG, "Home", "News", "Sport", "Weather", "Video", "Contact", LONG]) == set()


def test_html_catalogue_keeps_its_link_lines_through_the_next_pass() -> None:
    # the links are in the article's element; the text pass that makes the output a fixed point keeps them
    items = "".join(f'<li>Pages {i}-{i + 9} - <a href="/p{i}">Part {i}</a></li>' for i in range(1, 60, 10))
    page = (
        "<html><body><nav><a href='/'>Home</a><a href='/shop'>Shop</a></nav>"
        f"<article><h1>The catalogue</h1><p>{LONG}</p><p>{LONG.replace('fifty', 'forty')}</p><ul>{items}</ul></article>"
        "<footer><a href='/privacy'>Privacy Policy</a></footer></body></html>"
    )
    out = cleaner.clean(page, mode="html")
    assert "Pages 51-60 - Part 51" in out and "Privacy" not in out
    assert cleaner.clean(out) == out


def test_main_body_keeps_short_lines_inside_the_run() -> None:
    page = P(
        [
            "Floods in the delta",
            LONG,
            "Background",
            LONG.replace("fifty", "forty"),
            "What happens next",
            LONG.replace("fifty", "sixty"),
        ]
    )
    assert cleaner.clean(page, pipeline=["main_body"]) == page + "\n"


def test_main_body_keeps_the_list_its_last_sentence_introduces() -> None:
    dates = ["June 9 - Coral Sky Amphitheatre, West Palm Beach", "June 10 - Credit Union Amphitheatre, Tampa"]
    article = ["Floods in the delta", LONG, LONG.replace("fifty", "forty"), "The band plays these dates:", *dates]
    # the footer lines the vocabulary removes are a gap that ends the list; "Home" after them is cut
    footer = ["Privacy Policy", "Terms of Use", "© 2024 Delta News. All rights reserved.", "Home"]
    assert cleaner.clean(P([*article, *footer])) == P(article) + "\n"


def test_main_body_keeps_the_rest_of_a_list_whose_first_item_ended_the_run() -> None:
    # the run takes the intro and item 1; the other items, each over its link, are the same list
    items = ["Lego Star Wars bomber", "Electric race track", "Film box set", "Blade Runner in 4K", "Travel board game"]
    links = "".join(
        f"<p>{n}) {t}</p><p><a href='https://amzn.to/x{n}'>amzn.to/x{n}</a></p>" for n, t in enumerate(items, 1)
    )
    page = (
        "<html><body><nav><a href='/'>Home</a><a href='/shop'>Shop</a></nav><article><h1>Gifts for the nostalgic</h1>"
        f"<p>{LONG}</p><p>{LONG.replace('fifty', 'forty')}</p><p>Here are the offers not to miss this week:</p>"
        f"{links}</article><footer><p>We are a blog about the eighties.</p></footer></body></html>"
    )
    out = cleaner.clean(page, mode="html")
    assert all(f"{n}) {t}" in out for n, t in enumerate(items, 1)) and "eighties" not in out


def test_main_body_does_not_reopen_an_unnumbered_list_for_the_lines_after_the_run() -> None:
    # the run ends on a sentence after a colon: without numbers nothing says a list goes on
    article = ["Floods in the delta", LONG, LONG.replace("fifty", "forty"), "The report lists the cause of the flood:"]
    article += ["Heavy rain fell for nine days and the old drains under the market could not carry it away."]
    page = P([*article, "June 9 - Tampa", "June 10 - Miami"])
    assert cleaner.clean(page, pipeline=["main_body"]) == P(article) + "\n"


def test_main_body_does_not_reopen_a_list_whose_intro_is_far_above_the_run_end() -> None:
    # three numbered paragraphs after the intro are the article's own; the lines after it are not items
    causes = ["Heavy rain", "Melting snow", "River water"]
    article = [
        "Floods in the delta",
        LONG,
        LONG.replace("fifty", "forty"),
        "The report lists three causes of the flood:",
    ]
    article += [
        f"{n}) {t} rose for nine days and the old drains could not carry it away." for n, t in enumerate(causes, 1)
    ]
    page = P([*article, "June 9 - Tampa", "June 10 - Miami"])
    assert cleaner.clean(page, pipeline=["main_body"]) == P(article) + "\n"


def test_main_body_cuts_short_lines_after_the_run_when_nothing_introduces_them() -> None:
    # the same lines after an article whose last sentence does not end in a colon are chrome
    article = ["Floods in the delta", LONG, LONG.replace("fifty", "forty")]
    page = P([*article, "June 9 - Tampa", "June 10 - Miami"])
    assert cleaner.clean(page, pipeline=["main_body"]) == P(article) + "\n"


def test_main_body_keeps_a_schedule_under_a_subheading_after_the_run() -> None:
    dates = [
        "June 9 – West Palm Beach, FL @ Coral Sky",
        "June 10 – Tampa, FL @ Credit Union",
        "June 14 – Alpharetta @ Ameris",
    ]
    article = ["Floods in the delta", LONG, LONG.replace("fifty", "forty"), "The Band Tour Dates", *dates]
    assert cleaner.clean(P([*article, "Home", "Contact"]), pipeline=["main_body"]) == P(article) + "\n"


def test_main_body_cuts_headlines_with_figures_under_a_subheading() -> None:
    # headlines carry a year or a price too, but no separator shared by every line
    article = ["Floods in the delta", LONG, LONG.replace("fifty", "forty")]
    more = [
        "More stories",
        "The best TV deals of 2019",
        "Now 50% off, this turntable is retro",
        "Pentagon signs $10 mln deal",
    ]
    assert cleaner.clean(P([*article, *more]), pipeline=["main_body"]) == P(article) + "\n"


def test_main_body_keeps_a_list_of_links_inside_the_article() -> None:
    # product picks or sources between paragraphs are linked list items: they cost like short lines
    picks = "".join(f"<li><a href='/p{n}'>Recommended tester model {n}</a></li>" for n in range(5))
    body = [LONG, LONG.replace("fifty", "forty"), LONG.replace("fifty", "sixty"), LONG.replace("fifty", "ten")]
    page = f"<body><h1>Floods in the delta</h1><p>{body[0]}</p><p>{body[1]}</p><ul>{picks}</ul>"
    page += f"<p>{body[2]}</p><p>{body[3]}</p><p><a href='/'>Home</a> <a href='/about'>About us</a></p></body>"
    out = cleaner.clean(page, pipeline=["main_body"])
    assert all(p in out for p in body) and "Recommended tester model 3" in out
    assert "About us" not in out  # a link line after the article still goes


def test_main_body_leaves_a_page_without_prose_alone() -> None:
    page = P(["Home", "About", "Contact"])
    assert cleaner.clean(page, pipeline=["main_body"]) == page + "\n"


def test_edges_trim_fused_notices_but_not_words_inside_sentences() -> None:
    fused = "Please ensure Javascript is enabled for purposes of website accessibility Floods in the delta DONATE"
    result = cleaner.clean_and_explain(fused, pipeline=["edges"])
    assert result.text == "Floods in the delta\n"
    assert {d.filter for d in result.decisions} == {"edges"}
    inside = "We asked readers to donate blankets, and the response was overwhelming."
    assert cleaner.clean(inside, pipeline=["edges"]) == inside + "\n"


def test_edges_leave_a_block_that_is_only_the_phrase() -> None:
    assert cleaner.clean("DONATE", pipeline=["edges"]) == "DONATE\n"


def test_context_restores_a_short_line_between_kept_paragraphs() -> None:
    page = P([LONG, "Background", LONG.replace("fifty", "forty")])
    doc = cleaner.api.build_document(page)
    doc.apply(cleaner.Decision(1, Action.DROP, "main_body", "test"))
    cleaner.Pipeline(["context"]).run(doc)
    assert doc.alive(1)


def test_context_drops_a_short_line_between_removed_boilerplate_only() -> None:
    page = P(["Donate now", "HOPE STARTS HERE", "Give monthly", LONG])
    out = cleaner.clean(page, pipeline=["donation", "context"])
    assert "HOPE STARTS HERE" not in out
    kept = P([LONG, "A short line", LONG])
    assert cleaner.clean(kept, pipeline=["donation", "context"]) == kept + "\n"


def test_guard_falls_back_when_almost_nothing_would_remain() -> None:
    page = P([LONG, LONG.replace("fifty", "forty"), LONG.replace("fifty", "sixty")])
    drop_all = cleaner.BlockFilter("everything", lambda b, d: "test")
    result = cleaner.clean_and_explain(page, pipeline=[_Aggressive(), "guard"])
    assert result.text == page + "\n"
    assert result.fallback
    assert any(d.filter == "guard" and "over-pruning" in d.reason for d in result.decisions)
    assert cleaner.clean(page, pipeline=[drop_all, "guard"]) == ""  # cue-like drops stay


class _Aggressive(cleaner.Filter):
    name = "main_body"  # registered as aggressive, so the guard may undo it
    aggressive = True

    def __call__(self, doc: cleaner.Document) -> Iterator[cleaner.Decision]:
        for block in doc.blocks:
            yield self.drop(block, "test")


HTML_PAGE = """<!doctype html><html><head><title>Floods</title></head>
<body class="one-sidebar cookies-not-set"><nav><a href="/">Home</a> <a href="/about">About us</a></nav>
<div class="site-wrapper"><article><header><h1>Floods in the delta</h1></header>
<p>{long}</p><div class="share-buttons"><a href="#">Facebook</a></div>
<figure><img src="a.jpg"><figcaption>Families wade through the water on Monday.</figcaption></figure>
<p>{long2}</p></article>
<aside><p>Most read: a different story about the election results in the capital city.</p></aside></div>
<footer><p>Charity number 12345. All content on this website is published by the organisation.</p></footer>
</body></html>"""


def test_dom_structure_drops_chrome_marked_in_the_html() -> None:
    page = HTML_PAGE.format(long=LONG, long2=LONG.replace("fifty", "forty"))
    result = cleaner.clean_and_explain(page, pipeline=["dom_structure"])
    assert result.text == P(["Floods in the delta", LONG, LONG.replace("fifty", "forty")]) + "\n"
    reasons = {d.text: d.reason for d in result.decisions}
    assert reasons["Home About us"] == "inside <nav>"
    assert reasons["Facebook"] == "inside an element marked 'share-buttons'"
    assert reasons["Families wade through the water on Monday."] == "inside <figure>/<figcaption>"


THREE_PARAGRAPHS = "".join(f"<p>{LONG.replace('fifty', str(n))}</p>" for n in range(3))


def _boxed(classes: dict[str, str]) -> str:
    """One <div> of each class, holding its text as a paragraph."""
    return "".join(f"<div class='{cls}'><p>{text}</p></div>" for cls, text in classes.items())


def _dom_removals(page: str) -> set[str]:
    """The texts `dom_structure` alone removes from the page."""
    return {d.text for d in cleaner.clean_and_explain(page, pipeline=["dom_structure"]).decisions}


def test_dom_structure_reads_bem_blocks_and_compound_chrome_words() -> None:
    chrome = {
        "footer__disclaimer-text": "Views expressed are the author's own and not the publisher's.",
        "abn-image-caption": "Families wade through the water on Monday.",
        "mm_related": "Another story about the election results in the capital city.",
        "contributor-bio__bio": "Jane Doe covers climate for the paper from its Dhaka bureau.",
    }
    article = f"<h1>Floods in the delta</h1>{THREE_PARAGRAPHS}{_boxed(chrome)}"
    page = f"<body><article class='article__body'>{article}</article></body>"
    result = cleaner.clean_and_explain(page, pipeline=["dom_structure"])
    assert result.text == P(["Floods in the delta", *(LONG.replace("fifty", str(n)) for n in range(3))]) + "\n"
    assert {d.text for d in result.decisions} == set(chrome.values())


def test_dom_structure_reads_the_two_names_of_a_css_modules_class() -> None:
    # bundlers write "<file>_<class>__<hash>": a comments or footer module marks its reviews and links
    chrome = {
        "comments_reviews__glyp1": "I bought two of these last spring and both still work after months of use.",
        "footer_links__pjq_u": "Careers Stores Student discount Help centre",
    }
    page = f"<body><main class='pdp_main__rr2_6'><h1>Rain boots</h1>{THREE_PARAGRAPHS}{_boxed(chrome)}</main></body>"
    result = cleaner.clean_and_explain(page, pipeline=["dom_structure"])
    assert {d.text for d in result.decisions} == set(chrome.values())
    assert result.text == P(["Rain boots", *(LONG.replace("fifty", str(n)) for n in range(3))]) + "\n"


def test_dom_structure_keeps_css_modules_classes_that_name_no_chrome() -> None:
    # the article's own modules, and a chrome word only inside a longer name ("sharedcontent")
    page = (
        f"<body><div class='articlelayout_content__vccwu'><p>{LONG}</p></div>"
        f"<div class='sharedcontent_body__ab12c'><p>{LONG}</p></div></body>"
    )
    assert cleaner.clean(page, pipeline=["dom_structure"]) == P([LONG, LONG]) + "\n"


def test_dom_structure_does_not_read_chrome_words_inside_other_words() -> None:
    page = f"<body><div class='biology-section'><p>{LONG}</p></div><div class='relatedness'><p>{LONG}</p></div></body>"
    assert cleaner.clean(page, pipeline=["dom_structure"]) == P([LONG, LONG]) + "\n"


def test_dom_structure_reads_a_chrome_class_far_above_the_text() -> None:
    # a review's text sits many wrappers below the element that marks the comment section
    review = "I bought two of these last spring and both still work well after months of daily use outdoors."
    deep = f"<div><div><div><div><div><p>{review}</p></div></div></div></div></div>"
    page = f"<body><article><h1>Rain boots</h1><p>{LONG}</p></article><div class='comments'>{deep}</div></body>"
    out = cleaner.clean(page, pipeline=["dom_structure"])
    assert LONG in out and review not in out


def _thread(reply_class: str) -> str:
    # a forum thread: the opening post and each reply in the same frame, the replies also marked as comments
    opening = "My laptop fan runs at full speed every time the battery drops below half, any idea why?"
    replies = [
        "Check the power plan first, some vendors switch to a performance profile on low battery.",
        "Updating the firmware fixed exactly this on my machine last winter, worth a try today.",
    ]
    posts = [f"<div class='topic-body crawler-post' id='post_1'><p>{opening}</p></div>"]
    posts += [
        f"<div class='topic-body crawler-post {reply_class}' id='post_{n + 2}'><p>{text}</p></div>"
        for n, text in enumerate(replies)
    ]
    return "<body><div class='topic'>" + "".join(posts) + "</div></body>"


def test_dom_structure_keeps_the_replies_of_a_thread_built_like_its_opening_post() -> None:
    out = cleaner.clean(_thread("comment"), pipeline=["dom_structure"])
    assert "power plan" in out and "firmware" in out


def test_dom_structure_drops_comments_built_unlike_the_article() -> None:
    # an article's comment section: the comments sit in their own frame, not the paragraphs'
    comment = "Great piece, the part about the delta villages matches what my family saw there last year."
    body = f"<div class='comment-body'><p>{comment}</p></div>"
    comments = f"<ol class='comment-list'><li class='comment'>{body}</li></ol>"
    page = f"<body><article><div class='entry-content'><p>{LONG}</p></div></article>{comments}</body>"
    out = cleaner.clean(page, pipeline=["dom_structure"])
    assert LONG in out and comment not in out


def test_dom_structure_drops_a_capitalised_link_between_paragraphs() -> None:
    promo = "GET THE NEWS APP BY CLICKING HERE"
    page = f"<body><article><p>{LONG}</p><p><a href='/app'>{promo}</a></p><p>{LONG}</p></article></body>"
    result = cleaner.clean_and_explain(page, pipeline=["dom_structure"])
    assert promo not in result.text and result.text.count(LONG) == 2
    assert [d.reason for d in result.decisions] == ["capitalised link line between paragraphs (a promo)"]


def test_dom_structure_keeps_a_capitalised_link_that_opens_the_text_or_a_linked_sentence() -> None:
    # after a date line the link opens the article; a linked sentence in lower case is text
    results = "<div>Updated: Sat 8:31 PM, Feb 17, 2018</div><p><a href='/r'>CLICK FOR FULL STATE SWIM RESULTS</a></p>"
    sentence = "<p><a href='/s'>The ministry published the full list of flooded villages.</a></p>"
    page = f"<body><article>{results}<p>{LONG}</p>{sentence}<p>{LONG}</p></article></body>"
    out = cleaner.clean(page, pipeline=["dom_structure"])
    assert "SWIM RESULTS" in out and "flooded villages" in out


def test_comments_link_in_the_post_meta_claims_nothing() -> None:
    meta = "<ul><li>October 5, 2018</li><li><a href='#respond'>Leave a comment</a></li></ul>"
    news = "<p>What is new in this pack?</p><ul><li>New tasks for the game</li><li>Bugs fixed</li></ul>"
    page = f"<body><article><header><h1>Game pack</h1>{meta}</header><div>{news}<p>{LONG}</p></div></article></body>"
    out = cleaner.clean(page, pipeline=["comments"])
    assert "Leave a comment" not in out and "New tasks for the game" in out and "Bugs fixed" in out


def test_comments_heading_claims_the_form_under_it() -> None:
    form = "<p>Name</p><p>Email</p><p>Website</p>"
    page = f"<body><article><p>{LONG}</p></article><div><h3>Leave a comment</h3>{form}</div></body>"
    out = cleaner.clean(page, pipeline=["comments"])
    assert "Website" not in out and LONG in out


def test_related_marker_lets_the_article_go_on_after_its_links() -> None:
    short = "The agency said the plague is treatable with antibiotics."
    links = "".join(f"<p><a href='/{n}'>Plague headline number {n} about other things</a></p>" for n in range(3))
    column = f"<div><p>{LONG}</p><p>Don't miss</p>{links}</div><div><p>{short}</p><p>{LONG}</p></div>"
    page = f"<body><article>{column}</article></body>"
    out = cleaner.clean(page, pipeline=["related"])
    assert "Plague headline" not in out and short in out


def test_related_marker_claims_the_blurbs_inside_teaser_cards() -> None:
    blurb = "The carrier announced a firm order for thirty new jets on Wednesday."
    card = f"<li><div><a href='/e'>Airline orders jets</a></div><div><p>{blurb}</p></div></li>"
    page = f"<body><article><p>{LONG}</p></article><div><p>Don't miss</p><ul>{card}</ul></div></body>"
    assert blurb not in cleaner.clean(page, pipeline=["related"])


def test_a_marker_at_the_page_top_stops_at_the_title_over_its_byline() -> None:
    # a consent button read as a heading claims the menu under it, but not the title: a byline,
    # a date and a reading time stand between the title and its two paragraphs
    menu = ["Cookie settings", "Donate", "Menu", "What we do", "News & stories", "Home / News / Yemen"]
    title = "Cholera cases among children double in six months"
    meta = ["Posted 12 March 2024", "By Sarah Holloway, Communications Manager", "4 min read"]
    page = P([*menu, title, *meta, LONG, LONG.replace("fifty", "forty")])
    out = cleaner.clean(page, pipeline=["consent"])
    assert title in out and "News & stories" not in out


def test_a_related_marker_still_claims_a_teaser_headline_over_its_date_and_blurb() -> None:
    # a card's headline over its date and blurb is followed by the next card, not a second paragraph
    blurb = (
        "Our teams report that clinics are overwhelmed and that families now travel for many hours to reach the few"
        " still open."
    )
    cards = ["Sudan: one year of war for children", "5 March 2024", blurb, "Gaza: a crisis deepens", "See all"]
    page = P([LONG, LONG.replace("fifty", "forty"), "Related stories", *cards, "Cookie policy"])
    out = cleaner.clean(page, pipeline=["related"])
    assert "Sudan: one year of war" not in out


def test_dom_structure_keeps_an_article_nested_in_a_nav() -> None:
    paragraphs = "".join(f"<p>{LONG.replace('fifty', str(n))}</p>" for n in range(3))
    page = f"<body><nav><a href='/'>Home</a><article><h1>Floods in the delta</h1>{paragraphs}</article></body>"
    result = cleaner.clean_and_explain(page, pipeline=["dom_structure"])
    assert "Floods in the delta" in result.text and LONG.replace("fifty", "2") in result.text
    assert [d.text for d in result.decisions] == ["Home"]  # the menu itself still goes


def test_dom_structure_keeps_the_paragraphs_an_unclosed_header_wraps() -> None:
    paragraphs = "".join(f"<p>{LONG} {LONG.replace('fifty', str(n))}</p>" for n in range(3))
    page = f"<body><header><a href='/'>Home</a><div class='post'>{paragraphs}</div></body>"
    assert LONG.replace("fifty", "2") in cleaner.clean(page, pipeline=["dom_structure"])


def test_dom_structure_keeps_paragraphs_whose_container_a_theme_marks_as_chrome() -> None:
    # a chrome word that covers most of the page's paragraphs is wrong about this page
    paragraphs = "".join(f"<p>{LONG} {LONG.replace('fifty', str(n))}</p>" for n in range(3))
    page = f"<body><div class='sidebar-container'>{paragraphs}</div><div class='sidebar'>Most read</div></body>"
    out = cleaner.clean(page, pipeline=["dom_structure"])
    assert LONG.replace("fifty", "2") in out and "Most read" not in out


def test_dom_structure_keeps_an_article_streamed_in_a_hidden_element() -> None:
    # streaming renderers send the article in <div hidden> and a script moves it into place
    paragraphs = "".join(f"<p>{LONG} {LONG.replace('fifty', str(n))}</p>" for n in range(3))
    page = f"<body><div hidden id='S:1'>{paragraphs}</div><div hidden><a href='#main'>Skip</a></div></body>"
    assert LONG.replace("fifty", "2") in cleaner.clean(page, pipeline=["dom_structure"])
    small = f"<body><p>{LONG}</p><div hidden><p>A modal template that a script opens on demand.</p></div></body>"
    assert "modal" not in cleaner.clean(small, pipeline=["dom_structure"])


def test_dom_structure_drops_a_footer_that_holds_most_of_a_short_page() -> None:
    # a page with little article text and long legal small print: the footer is still the footer
    legal = "".join(f"<p>{LONG.replace('fifty', str(n))} Terms apply.</p>" for n in range(3))
    page = f"<body><h1>Buy the phone</h1><p>From $999.</p><footer>{legal}</footer></body>"
    assert "Terms apply" not in cleaner.clean(page, pipeline=["dom_structure"])


def test_dom_structure_keeps_a_quote_or_table_framed_by_a_figure_but_not_its_caption() -> None:
    page = (
        "<body><article><p>The report gives the figures.</p><figure><table><tr><td>Rainfall 300 mm</td></tr>"
        "</table><figcaption>Source: the weather office</figcaption></figure><figure><blockquote><p>We lost "
        "everything.</p></blockquote></figure><figure><img src=a.jpg><div>Photo: Jane Doe</div></figure>"
        "</article></body>"
    )
    out = cleaner.clean(page, pipeline=["dom_structure"])
    assert "Rainfall 300 mm" in out and "We lost everything." in out
    assert "Source" not in out and "Jane Doe" not in out


def test_a_table_row_of_plain_cells_is_one_line_and_a_table_does_not_split_the_article() -> None:
    rows = "".join(f"<tr><td>Week {n}</td><td>{n * 40} mm</td><td>rising</td></tr>" for n in range(1, 13))
    body = [LONG, LONG.replace("fifty", "forty"), LONG.replace("fifty", "sixty"), LONG.replace("fifty", "ten")]
    page = f"<body><h1>Floods in the delta</h1><p>{body[0]}</p><p>{body[1]}</p>"
    page += f"<table><tr><th>Week</th><th>Rain</th><th>River</th></tr>{rows}</table>"
    page += f"<p>{body[2]}</p><p>{body[3]}</p></body>"
    out = cleaner.clean(page)
    assert "Week 3 | 120 mm | rising" in out.splitlines()
    assert all(p in out for p in body)  # twelve short rows do not cut the article in two
    assert cleaner.clean(out) == out  # the later text pass reads the rows the same way


def test_a_layout_table_keeps_its_cells_as_blocks() -> None:
    page = f"<body><table><tr><td><p>{LONG}</p></td><td><p>Sidebar text</p></td></tr></table></body>"
    assert cleaner.clean(page, pipeline=[]) == P([LONG, "Sidebar text"]) + "\n"


def test_a_button_that_swallowed_the_page_is_read_but_a_real_button_is_not() -> None:
    # libxml2 leaves a <button> open across a stray end tag: the article ends up inside it
    swallowed = f"<body><button><div><div></button><main><h1>Floods in the delta</h1><p>{LONG}</p></main></body>"
    assert LONG in cleaner.clean(swallowed)
    real = f"<body><p>{LONG}</p><button>Subscribe now</button></body>"
    assert cleaner.clean(real, pipeline=[]) == LONG + "\n"


def test_main_body_bridges_link_lines_inside_the_article_element_only() -> None:
    body = [LONG, LONG.replace("fifty", "forty"), LONG.replace("fifty", "sixty"), LONG.replace("fifty", "ten")]
    links = "".join(f"<p><a href='/s{n}'>See also: an earlier report number {n}</a></p>" for n in range(6))
    teaser = "A different story about the election count in the capital, where turnout was high."
    page = f"<body><article><h1>Floods in the delta</h1><p>{body[0]}</p><p>{body[1]}</p>{links}"
    most_read = links.replace("See also", "Most read")
    page += f"<p>{body[2]}</p><p>{body[3]}</p></article>"
    page += f"<div>{most_read}<p>{teaser}</p><p>{teaser} Again.</p></div></body>"
    result = cleaner.clean_and_explain(page, pipeline=["main_body"])
    assert all(p in result.text for p in body)  # six link lines do not cut the article in two
    assert teaser not in result.text  # prose outside the article's element is not carried in
    reasons = {d.reason for d in result.decisions if d.text.startswith("See also: an earlier report number 2")}
    assert reasons == {"link line between the article's paragraphs"}


def test_dom_structure_ignores_page_state_classes_and_plain_text() -> None:
    page = HTML_PAGE.format(long=LONG, long2=LONG).replace("site-wrapper", "modal-enabled pagination-first")
    assert LONG in cleaner.clean(page, pipeline=["dom_structure"])  # <body>/state classes do not count
    text = P(["Home", LONG])
    assert cleaner.clean(text, pipeline=["dom_structure"]) == text + "\n"


def test_dom_structure_keeps_a_drawer_or_modal_inside_main() -> None:
    # a product's description in a drawer (role="dialog") and its size guide in a modal, inside <main>
    description = "The shirt is cut slim from a light fabric that wicks sweat and dries fast after training."
    guide = "Our fitted sheets are made for mattresses up to sixteen inches deep, with room to tuck."
    page = (
        "<body><main><h1>Arrival T-Shirt</h1>"
        f"<aside class='sheet' role='dialog'><p>{description}</p></aside>"
        f"<div class='overlay__modal'><p>{guide}</p></div></main></body>"
    )
    out = cleaner.clean(page, pipeline=["dom_structure"])
    assert description in out and guide in out


def test_dom_structure_still_drops_pop_ups_outside_main_and_plain_asides_in_it() -> None:
    signup = "Sign up to our emails and get ten percent off your first order with us today."
    profile = "Member since 2019, two thousand posts and a reputation of eight thousand."
    hidden = "A modal template that a script opens on demand for the size guide."
    page = (
        f"<body><main><h1>Arrival T-Shirt</h1><p>{LONG}</p><aside><p>{profile}</p></aside>"
        f"<div class='modal' hidden><p>{hidden}</p></div></main>"
        f"<div class='popup'><p>{signup}</p></div></body>"
    )
    out = cleaner.clean(page, pipeline=["dom_structure"])
    assert LONG in out and signup not in out and profile not in out and hidden not in out


CONSENT = (
    "By entering your phone number you agree to receive recurring automated marketing text messages at the"
    " number provided; consent is not a condition of any purchase, and message and data rates may apply."
)


def test_main_body_prefers_main_over_a_lone_notice_after_it() -> None:
    # a shop's product text is short lines and one sentence; the longest prose is the consent notice below
    own = (
        "Crisp and cool cotton percale, woven from long-staple cotton for hot sleepers and washed once for a soft feel."
    )
    sizes = "".join(f"<p>{size}</p>" for size in ("Twin", "Full", "Queen", "King", "Cali King"))
    page = f"<body><main><h1>Classic Percale Sheets</h1><p>{own}</p>{sizes}</main><div><p>{CONSENT}</p></div></body>"
    out = cleaner.clean(page, pipeline=["main_body"])
    assert own in out and CONSENT not in out


def test_main_body_keeps_several_paragraphs_after_main() -> None:
    # a category page's buying guide below its product grid is the page's text
    own = "Crisp and cool cotton percale, woven for hot sleepers and washed for a soft feel."
    guide = f"<div><p>{LONG}</p><p>{LONG.replace('fifty', 'forty')}</p><p>{CONSENT}</p></div>"
    page = f"<body><main><h1>Sheets</h1><p>{own}</p><p>Queen</p></main>{guide}</body>"
    out = cleaner.clean(page, pipeline=["main_body"])
    assert LONG in out and CONSENT in out
    no_main = f"<body><div><h1>Sheets</h1><p>{own}</p></div><div><p>{CONSENT}</p></div></body>"
    assert CONSENT in cleaner.clean(no_main, pipeline=["main_body"])


def test_main_body_drops_byline_and_date_lines_under_the_title() -> None:
    page = P(["Floods in the delta", "Jane Doe", "May 24, 2017 | 6:00 PM", LONG, LONG.replace("fifty", "forty")])
    out = cleaner.clean(page, pipeline=["main_body"])
    assert out == P(["Floods in the delta", LONG, LONG.replace("fifty", "forty")]) + "\n"


_RUN_NAV = (
    "<nav><ul>" + "".join(f"<li><a href='/{w}'>{w}</a></li>" for w in ("World", "Politics", "Sport")) + "</ul></nav>"
)
_RUN_TITLE = "Floods in the delta displace thousands of families as the river rises"


def test_main_body_drops_a_date_line_under_a_title_that_opens_the_run() -> None:
    # the run starts at the title itself: the stamp between it and the first paragraph still goes
    stamp = "Updated on: May 24, 2017 / 6:00 PM / Daily News"
    body = f"<p>{stamp}</p><p>{LONG}</p><p>{LONG.replace('fifty', 'forty')}</p>"
    page = f"<html><body><header>{_RUN_NAV}</header><article><h1>{_RUN_TITLE}</h1>{body}</article></body></html>"
    out = cleaner.clean(page)
    assert stamp not in out and _RUN_TITLE in out and LONG in out


def test_main_body_keeps_a_dated_line_after_the_first_paragraph() -> None:
    # past the first paragraph a short line with a time and a date is the text's own
    own = "Water levels at 6:00 PM, May 24, 2017"
    body = f"<p>{LONG}</p><p>{own}</p><p>{LONG.replace('fifty', 'forty')}</p>"
    page = f"<html><body><header>{_RUN_NAV}</header><article><h1>{_RUN_TITLE}</h1>{body}</article></body></html>"
    assert own in cleaner.clean(page)


@pytest.mark.parametrize("stamp", ["Associated Press May 24, 2017, 9:02 AM", "Posted: Fri 6:45 PM, Feb 16, 2018 |"])
def test_main_body_drops_a_time_stamp_taken_for_the_title(stamp: str) -> None:
    # the title is gone (a caption, a repeat): the stamp left above the text is not a title
    body = f"<p>{stamp}</p><p>{LONG}</p><p>{LONG.replace('fifty', 'forty')}</p>"
    out = cleaner.clean(f"<html><body><header>{_RUN_NAV}</header><div>{body}</div></body></html>")
    assert stamp not in out and LONG in out


@pytest.mark.parametrize(
    ("tag", "title"),
    [("p", "Top 10 stories of 2017, ranked 1 to 10"), ("h1", "Trading halted at 9:30 on May 24, 2017")],
)
def test_main_body_keeps_a_title_with_numbers_or_a_headed_time(tag: str, title: str) -> None:
    # a title's numbers without a clock time, or a real heading with one, stay
    body = f"<{tag}>{title}</{tag}><p>{LONG}</p><p>{LONG.replace('fifty', 'forty')}</p>"
    out = cleaner.clean(f"<html><body><header>{_RUN_NAV}</header><div>{body}</div></body></html>")
    assert title in out


def test_main_body_ends_the_run_at_a_comment_section() -> None:
    comment = "I have lived by this river all my life and have never seen the water rise this fast, it is frightening."
    page = P(["Floods in the delta", LONG, LONG.replace("fifty", "forty"), "3 Comments", comment, comment + " Yes."])
    out = cleaner.clean(page, pipeline=["main_body"])
    assert comment not in out and LONG in out


def test_main_body_does_not_take_the_site_name_of_the_copyright_line_for_the_title() -> None:
    # no line above the text shares its words: the fallback title is not the name the footer signs
    page = P(["Amigos de la Tierra Sur", "Campañas", "Noticias", *FLOOD_REPORT[1:4], "© 2024 Amigos de la Tierra Sur"])
    out = cleaner.clean(page, pipeline=["main_body"])
    assert "Amigos" not in out and out.startswith(FLOOD_REPORT[1])


def test_main_body_keeps_a_title_that_an_attachment_line_repeats() -> None:
    # the article's title comes back under the text as a file's name: it is still the title
    title = "Colleges value civility over free expression"
    tail = [f"{title}, PDF, 140.1 KB", "Printer Friendly", "Privacy Policy | © 2006"]
    page = P(["Donate Now", "Summer 2007 Internships for students", title, *FLOOD_REPORT[1:4], *tail])
    assert cleaner.clean(page, pipeline=["main_body"]).startswith(title)


def test_main_body_run_that_opens_at_a_paragraph_still_takes_the_title_above() -> None:
    # no line shares the opening paragraphs' words: the farthest title-like line above is the title
    title = "Chad: la llegada de familias sudanesas desborda los campos"
    page = P(["Menu", "Search", title, *FLOOD_REPORT[1:4]])
    assert cleaner.clean(page, pipeline=["main_body"]).startswith(title)


DEMANDS = [
    "Was wir fordern",
    "ein gesetzliches Verbot von Exporten in Kriegs- und Krisengebiete,",
    "ein Klagerecht für Verbände gegen Exportgenehmigungen,",
    "vollständige Transparenz über erteilte Genehmigungen.",
]


def test_main_body_keeps_an_enumeration_under_a_subheading_after_the_run() -> None:
    # the page's demands, one sentence cut into items, close the article before the action form
    form = ["Vorname*", "Nachname*", "E-Mail*", "Nachricht senden", "Impressum | Datenschutz", "© 2025 Verein e.V."]
    out = cleaner.clean(P([*FLOOD_REPORT[:4], *DEMANDS, *form]))
    assert all(item in out for item in DEMANDS) and "Vorname" not in out


@pytest.mark.parametrize(
    "items",
    [
        # headlines over a closing sentence: the items do not continue a sentence
        ["Sudan: one year of war for children", "Gaza: a crisis deepens", "Read the full report on our site."],
        # teaser blurbs, each a sentence of its own: the first full stop ends the enumeration
        ["Sudan enters a second year of war.", "Gaza's children need care now.", "Cholera cases double in Yemen."],
        # an address cut by commas that no full stop closes
        ["Gerechte Welt, Hauptstraße 5,", "Postfach 12 34 56 in Bonn,", "53111 Bonn am Rhein,", "Deutschland"],
    ],
)
def test_main_body_drops_a_list_under_a_heading_that_is_no_enumeration(items: list[str]) -> None:
    page = P([*FLOOD_REPORT[:4], "Across the region", *items, "Impressum | Datenschutz", "© 2025 Verein e.V."])
    assert items[1] not in cleaner.clean(page)


def test_main_body_does_not_take_a_linked_headline_of_a_list_for_the_title() -> None:
    paragraphs = "".join(f"<p>{line}</p>" for line in FLOOD_REPORT[1:])
    related = "<ul><li><a href='/other'>Floods in the delta displace thousands of families</a></li></ul>"
    page = f"<html><head><title>Delta flood report</title></head><body>{related}{paragraphs}</body></html>"
    assert "displace thousands" not in cleaner.clean(page, pipeline=["main_body"])


def test_main_body_takes_a_linked_headline_that_is_the_page_s_title() -> None:
    paragraphs = "".join(f"<p>{line}</p>" for line in FLOOD_REPORT[1:])
    title = "Floods in the delta displace thousands of families"
    page = f"<html><head><title>{title} | Daily News</title></head><body><h2><a href='/this'>{title}</a></h2>"
    assert cleaner.clean(page + paragraphs + "</body></html>", pipeline=["main_body"]).startswith(title)


FLOOD_REPORT = (Path(__file__).parent / "data" / "flood-report.txt").read_text(encoding="utf-8").strip().split("\n\n")
TEASER_CARDS = [
    "More stories",
    "Election officials count ballots",
    "Turnout reached a record high as voters queued outside polling stations across the capital.",
    "2 hours ago",
    "Striker signs new contract",
    "The club confirmed the forward will stay until 2027 after weeks of transfer speculation.",
    "5 hours ago",
    "Phone maker unveils folding screen",
    "The device goes on sale next month with a larger battery and a faster processor.",
    "Yesterday",
]


def test_main_body_ends_the_run_before_teaser_cards_about_other_things() -> None:
    result = cleaner.clean_and_explain(P(FLOOD_REPORT + TEASER_CARDS), pipeline=["main_body"])
    assert result.text == P(FLOOD_REPORT) + "\n"
    reasons = {d.text: d.reason for d in result.decisions}
    assert reasons["Striker signs new contract"] == "teaser list after the article"


def test_main_body_keeps_cards_on_the_article_s_own_topic() -> None:
    # "what you can do" steps after a report share its words: they are the article's
    steps = [
        "What residents can do",
        "Step 1: move seed and rice above the water",
        "Store seed, rice and medicine on rooftops or in granaries above the flooded fields.",
        "Step 2: boil drinking water",
        "Cholera and dengue spread in crowded shelters where drinking water is not boiled.",
        "Step 3: report damaged embankments",
        "Tell district officials when levees, bridges or drainage canals near villages give way.",
    ]
    assert cleaner.clean(P(FLOOD_REPORT + steps), pipeline=["main_body"]) == P(FLOOD_REPORT + steps) + "\n"


def test_main_body_needs_a_full_article_above_the_cards() -> None:
    # a short page of headline + blurb items (a listing, a product page) is not cut
    page = P(FLOOD_REPORT[:3] + TEASER_CARDS[1:])
    assert "Phone maker unveils folding screen" in cleaner.clean(page, pipeline=["main_body"])


def test_main_body_cuts_cards_below_a_shorter_article_when_they_share_next_to_nothing() -> None:
    out = cleaner.clean(P(FLOOD_REPORT[:6] + TEASER_CARDS), pipeline=["main_body"])
    assert out == P(FLOOD_REPORT[:6]) + "\n"


def test_main_body_reads_a_long_headline_without_a_stop_as_a_card_label() -> None:
    longer = " as the government weighs its options"
    cards = [line + longer if n % 3 == 1 else line for n, line in enumerate(TEASER_CARDS)]
    assert cleaner.clean(P(FLOOD_REPORT + cards), pipeline=["main_body"]) == P(FLOOD_REPORT) + "\n"


MORE_CARDS = [
    "Rail strike called off",
    "Union leaders accepted a pay offer after talks that lasted through the night.",
    "1 day ago",
    "Museum reopens its doors",
    "The gallery spent two years restoring the painted ceiling of its great hall.",
    "2 days ago",
]


def test_main_body_does_not_start_the_cards_before_the_article_s_own_paragraph_pair() -> None:
    # a listicle's sections (a heading, one paragraph; a heading, two) end the article, not the cards
    sections = [
        "Other rivers to watch",
        "The Mekong crested two metres above normal on Sunday, and villages downstream moved their livestock.",
        "What the dams do",
        "Engineers said the dams upstream of the delta were releasing water at their maximum safe rate.",
        "They warned that the flooded reservoirs would be full by the end of the week if the rain went on.",
    ]
    out = cleaner.clean(P(FLOOD_REPORT + sections + TEASER_CARDS + MORE_CARDS), pipeline=["main_body"])
    assert out == P(FLOOD_REPORT + sections) + "\n"


LONG_BLURBS = [
    "Turnout reached a record high as voters queued outside polling stations across the capital, and officials said"
    " the count would run late into the night before any result could be announced to the crowds waiting outside"
    " the town hall in the rain.",
    "The club confirmed the forward will stay until 2027 after weeks of transfer speculation, ending talk of a move"
    " abroad that had unsettled supporters and teammates during a difficult run of results this autumn, when the"
    " side lost four of its six league games.",
    "The device goes on sale next month with a larger battery and a faster processor, and the company expects"
    " strong demand from business customers who have waited two years for a replacement model, despite a price"
    " that is higher than that of any rival phone.",
]


def test_main_body_cuts_cards_with_longer_blurbs_when_each_has_a_headline_and_a_byline() -> None:
    heads = ["Election officials count ballots", "Striker signs new contract", "Phone maker unveils folding screen"]
    cards = [line for head, blurb in zip(heads, LONG_BLURBS, strict=True) for line in (head, "Jane Doe", blurb)]
    out = cleaner.clean(P([*FLOOD_REPORT, "More stories", *cards]), pipeline=["main_body"])
    assert out == P(FLOOD_REPORT) + "\n"


def test_main_body_keeps_longer_sections_under_one_heading_each() -> None:
    heads = ["Count the ballots", "Sign the contract", "Build the screen"]
    sections = [line for head, blurb in zip(heads, LONG_BLURBS, strict=True) for line in (head, blurb)]
    page = P([*FLOOD_REPORT, "What else happened", *sections])
    assert cleaner.clean(page, pipeline=["main_body"]) == page + "\n"


CARDS_HTML = "".join(
    f"<li><a href='/story{n}'>{head}</a> {blurb}</li>"  # one line per card: its text shape is a paragraph
    for n, (head, blurb) in enumerate(zip(TEASER_CARDS[1::3], TEASER_CARDS[2::3], strict=True))
)


def test_main_body_drops_a_card_list_beside_the_article_element() -> None:
    # (a <div>: an <article> element would end the run itself, see below)
    report = "".join(f"<p>{p}</p>" for p in FLOOD_REPORT[1:])
    page = f"<body><div><h1>{FLOOD_REPORT[0]}</h1>{report}</div><ul>{CARDS_HTML}</ul></body>"
    result = cleaner.clean_and_explain(page, pipeline=["main_body"])
    assert result.text == P(FLOOD_REPORT) + "\n"
    reasons = {d.text[:26]: d.reason for d in result.decisions}
    assert reasons["Striker signs new contract"] == "teaser card list beside the article"


def test_main_body_ends_the_run_with_the_pages_one_article_element() -> None:
    # prose after the page's only <article> (a sales pitch, a form's fine print) is not the article's
    report = "".join(f"<p>{p}</p>" for p in FLOOD_REPORT[1:])
    pitch = "".join(f"<p>{LONG.replace('fifty', str(n))} Call our experts today.</p>" for n in range(3))
    page = f"<body><article><h1>{FLOOD_REPORT[0]}</h1>{report}</article><div>{pitch}</div></body>"
    result = cleaner.clean_and_explain(page, pipeline=["main_body"])
    assert result.text == P(FLOOD_REPORT) + "\n"


def test_main_body_keeps_a_card_list_inside_the_article_element() -> None:
    # picks or sources listed inside the article's own element are the article's
    report = "".join(f"<p>{p}</p>" for p in FLOOD_REPORT[1:])
    page = f"<body><article><h1>{FLOOD_REPORT[0]}</h1>{report}<ul>{CARDS_HTML}</ul><p>{LONG}</p></article></body>"
    out = cleaner.clean(page, pipeline=["main_body"])
    assert "The club confirmed the forward will stay until 2027" in out and LONG in out


THREAD_POSTS = [
    LONG,
    "I live by the river and the water reached our door on Monday night, so we moved upstairs with the children.",
    "Same here in the lower town: the pumps failed twice, and the council sent nobody until the morning after.",
    "Does anyone know whether the school on the hill is open as a shelter tonight, and who runs it?",
]
PROFILE_BOX = "<aside>" + "".join(f"<div>Member line {k}</div>" for k in range(8)) + "</aside>"


def test_main_body_spans_the_posts_of_a_thread_that_chrome_separates() -> None:
    thread = "".join(f"<article>{PROFILE_BOX}<div><p>{p}</p></div></article>" for p in THREAD_POSTS)
    page = f"<body><h1>Flooding in the lower town</h1><div>{thread}</div></body>"
    out = cleaner.clean(page, pipeline=["dom_structure", "main_body"])
    assert out == P(["Flooding in the lower town", *THREAD_POSTS]) + "\n"


def test_main_body_keeps_the_posts_that_a_repeated_reply_label_follows() -> None:
    # "Reply" under every post is a control of each post, not the start of a comment section
    page = P(["Flooding in the lower town", *(x for post in THREAD_POSTS for x in (post, "Reply"))])
    out = cleaner.clean(page, pipeline=["main_body"])
    assert all(post in out for post in THREAD_POSTS)


FORUM_MENU = ["Home", "Forums", "Members", "Search", "Help"]
FORUM_POSTS = [
    ("riverside_anna", "Our cellar took on water again last night, and the pump could not keep up with it."),
    ("tom_k", "Same here on Mill Street: the drain in the yard backed up around midnight."),
    ("delta_joe", "Did anyone call the council about the storm drains before the rain came?"),
    ("marta", "I called on Friday, and they said a crew would look at the drains this week."),
    ("old_harbour", "Sandbags at the door helped us, but the water still came up through the floor."),
    ("pete", "Thanks for the tips, everyone: we have ordered a second pump for the cellar now."),
]


def forum_thread(extra_first_post: str = "") -> list[str]:
    """A thread flattened to text: each post under its author, post count and join date, with a Quote button."""
    lines = []
    for k, (name, text) in enumerate(FORUM_POSTS):
        body = [text, extra_first_post] if k == 0 and extra_first_post else [text]
        lines += [name, f"Posts: {120 + 37 * k}", f"Joined: Mar {k + 3}, 2019", *body, "Quote"]
    return lines


def test_main_body_widens_a_run_that_is_one_post_over_the_thread() -> None:
    # the per-post lines score as chrome, and the first post, the longest, would be the run alone
    page = P([*FORUM_MENU, "Water in the cellar", *forum_thread(LONG), "Contact", "Jobs", "Press"])
    result = cleaner.clean_and_explain(page, pipeline=["main_body"])
    assert all(text in result.text for _, text in FORUM_POSTS)
    assert "Contact" not in result.text.split("\n") and "Forums" not in result.text.split("\n")


def test_main_body_does_not_widen_an_article_over_its_comments() -> None:
    # the same per-post lines under an article: its run starts long before the first comment
    article = [LONG, LONG.replace("fifty", "forty"), LONG.replace("fifty", "sixty"), LONG.replace("fifty", "ten")]
    article = [line for text in article for line in (text, "Photo: the river at dawn")]
    page = P([*FORUM_MENU, "Floods in the delta", *article, *forum_thread(), "Contact us", "Privacy policy"])
    out = cleaner.clean(page)
    assert LONG in out and not any(text in out for _, text in FORUM_POSTS)


def test_main_body_does_not_widen_over_lines_repeated_word_for_word() -> None:
    # the same thread, but its per-post lines never change (a menu's items, a section's "Back to top"): no posts
    # (five posts: six entries alike with a blurb each are a catalogue, which `cards.catalogue_span` keeps)
    page = P([*FORUM_MENU, "Water in the cellar", *forum_thread(LONG)[:-5], "Contact us", "Privacy policy"])
    page = re.sub(r"(Posts|Joined): .*", r"\1", page)
    out = cleaner.clean(page)
    assert FORUM_POSTS[0][1] in out and FORUM_POSTS[3][1] not in out


def test_main_body_keeps_the_posts_when_a_few_lack_a_paragraph_between_reply_labels() -> None:
    # "Reply" under six posts, one of them a one-liner: still a control of each post, not a comment section
    posts = [*THREAD_POSTS[:2], "Thanks!", *THREAD_POSTS[2:], LONG.replace("fifty", "forty")]
    page = P(["Flooding in the lower town", *(x for post in posts for x in (post, "Reply"))])
    out = cleaner.clean(page, pipeline=["main_body"])
    assert all(post in out for post in THREAD_POSTS)


ANSWERS = [
    ("Same here in the lower town.", THREAD_POSTS[1]),
    ("It depends on the pump.", THREAD_POSTS[2]),
    ("Call the council first.", THREAD_POSTS[3]),
    ("Sandbags helped us.", "Sandbags at the door helped us, but the water still came up through the cellar floor."),
    ("We bought a second pump.", "Thanks for the tips, everyone: we have ordered a second pump and a spare hose."),
]


def answer_thread(controls: tuple[str, ...] = ("Share", "Follow", "Add a comment")) -> list[str]:
    """A question and its answers flattened to text, each post under its vote count and over its controls."""
    lines = ["Water in the cellar after the storm", "14", LONG, *controls, "asked May 2, 2009", "anna_r"]
    for k, (opening, text) in enumerate(ANSWERS):
        lines += [str(9 - k), opening, text, *controls, f"answered May {k + 3}, 2009", f"user{k}"]
    return lines


def test_share_and_comment_labels_under_every_post_head_no_section() -> None:
    # "Share" and "Add a comment" under each answer are its buttons: the next answer's short opening stays
    out = cleaner.clean(P(answer_thread()), pipeline=["share_tags", "comments"])
    lines = out.split("\n")
    assert all(opening in lines for opening, _ in ANSWERS)
    assert "Share" not in lines and "Add a comment" not in lines


def test_share_heading_repeated_without_posts_still_claims_its_chips() -> None:
    # a share bar over the article, under it and in the footer right after: three copies, but a
    # paragraph in one gap only, so each is a share bar's heading and claims its chips
    bar = ["Share", "Send to a colleague", "Embed this story"]
    page = P(["Floods in the delta", *bar, LONG, LONG.replace("fifty", "forty"), *bar, "Site footer", *bar])
    result = cleaner.clean_and_explain(page, pipeline=["share_tags"])
    assert "Send to a colleague" not in result.text


HOT_QUESTIONS = [
    "Hot Network Questions",
    "Why does the pump in my cellar stop working when the water level rises quickly?",
    "Is it safe to use an extension cord for a sump pump during a storm at night?",
    "How do I find out whether my street is in a flood zone before buying a house?",
    "What is the best way to dry out a wooden floor after the cellar has flooded?",
    "Should I call the insurance company before or after I pump out the water?",
    "Can sandbags be reused after a flood, or do they have to be thrown away?",
]


def test_main_body_takes_the_thread_and_ends_it_before_the_related_questions() -> None:
    # the related questions after the last answer end in "?" and score as sentences: the run
    # found is theirs; the thread before them, with a "Share" under each post, is the text
    page = P([*FORUM_MENU, *answer_thread(), *HOT_QUESTIONS, "Contact", "Jobs", "Press"])
    out = cleaner.clean(page)
    assert LONG in out and all(text in out for _, text in ANSWERS)
    assert not any(q in out for q in HOT_QUESTIONS[1:])


def test_main_body_runs_over_each_answers_own_comment_bar() -> None:
    # "2 Comments" over each answer's comments, between two "Share" buttons: no comment section starts there
    thread = [x for o, t in ANSWERS for x in (o, t, "Share", f"{len(o)} Comments", f"Thanks, {o.lower()}")]
    out = cleaner.clean(P([*FORUM_MENU, "Water in the cellar", LONG, "Share", *thread, "Contact", "Jobs", "Press"]))
    assert LONG in out and all(text in out for _, text in ANSWERS)


def test_main_body_ends_an_article_at_a_lone_comment_heading_among_share_buttons() -> None:
    # an article's "Share", then one "Comments" heading over comments that each carry a "Share":
    # the heading opens the page's comment section, though it stands between two copies of the button
    article = [LONG.replace("fifty", n) for n in ("twenty", "thirty", "forty")]
    comments = [x for _, text in ANSWERS[:3] for x in (text, "Share")]
    page = P([*FORUM_MENU, "Floods in the delta", *article, "Share", "Comments", *comments, "Contact", "Jobs"])
    out = cleaner.clean(page)
    assert all(text in out for text in article) and not any(text in out for _, text in ANSWERS[:3])


def qa_page(question: str) -> str:
    """A question and its answers in HTML: the question in one element, the answers in another."""
    meta = "<div>Share</div><div>Improve this answer</div><div>answered May 2, 2009</div>"
    answers = "".join(
        f"<div class='answer'><p>{o}</p><p>{t}</p>{meta}<div>user{k}</div></div>" for k, (o, t) in enumerate(ANSWERS)
    )
    return (
        f"<body><h1>Water in the cellar</h1><div id='question'>{question}</div><div id='answers'>{answers}</div></body>"
    )


def test_main_body_keeps_a_question_above_its_answers() -> None:
    question = f"<p>{LONG}</p><p>Is the pump in the cellar enough?</p><div>Share</div><div>asked May 1, 2009</div>"
    out = cleaner.clean(qa_page(question))
    assert LONG in out and all(text in out for _, text in ANSWERS)


def _thread_run_start(lines: list[str], first: int) -> int:
    """Where `opening_post` starts a run that begins at `first` on a page of `lines` (prose scores 3)."""
    from cleaner.api import build_document
    from cleaner.filters.main_body import opening_post

    doc = build_document(P(lines), "text")
    scores = [3.0 if len(b.text.split()) >= 8 else -1.0 for b in doc.blocks]
    return opening_post(doc, scores, first, len(lines) - 1)


def test_main_body_starts_a_thread_run_at_the_question_above_the_answers() -> None:
    # the run carried over the answers starts after the question's "Share" and the sort controls below
    # it (a forum's first post and its replies sit in two elements): it starts again at the question
    question = "I was wondering whether anyone had a good first project for a beginner to build."
    answers = [x for _, text in ANSWERS[:4] for x in (text, "Share")]
    lines = ["Forums", "Log in", question, "Share", "Sort by", "Oldest first", *answers, "Contact"]
    assert _thread_run_start(lines, lines.index("Oldest first")) == lines.index(question)


def test_main_body_keeps_a_run_start_that_is_not_under_a_threads_first_control() -> None:
    # a run that starts above the thread's first control, or after its second, is left as it is
    question = "I was wondering whether anyone had a good first project for a beginner to build."
    answers = [x for _, text in ANSWERS[:4] for x in (text, "Share")]
    lines = ["Forums", "Log in", question, "Share", "Sort by", "Oldest first", *answers, "Contact"]
    assert _thread_run_start(lines, 1) == 1
    late = lines.index(ANSWERS[1][1])
    assert _thread_run_start(lines, late) == late


def test_main_body_does_not_start_an_article_run_in_a_box_of_posts_above_it() -> None:
    # a box of posts with a "Share" each above the article, which holds no copy: the run stays the article's
    box = "".join(f"<div><p>{t}</p><div>Share</div></div>" for _, t in ANSWERS)
    article = "".join(f"<p>{LONG.replace('fifty', n)} {THREAD_POSTS[1]}</p>" for n in ("twenty", "thirty", "forty"))
    menu = "".join(f"<li><a href='/{w}'>{w}</a></li>" for w in ("News", "Sport", "Weather", "Traffic", "Jobs", "Cars"))
    page = f"<body><div>{box}</div><ul>{menu}</ul><article><h1>Floods</h1>{article}</article></body>"
    out = cleaner.clean(page)
    assert THREAD_POSTS[1] in out and not any(t in out for _, t in ANSWERS[1:])


def test_main_body_keeps_an_article_whose_sections_each_end_with_a_share_button() -> None:
    # five sections, each with a "Share" under it, then the article's long last section: no thread ends there
    years = ["twenty", "thirty", "forty", "sixty", "seventy"]
    sections = [x for (_, t), n in zip(ANSWERS, years, strict=True) for x in (t, LONG.replace("fifty", n), "Share")]
    ending = [f"{LONG} {post}" for post in THREAD_POSTS[1:]] + [f"{post} {LONG}" for post in THREAD_POSTS[1:]]
    page = P([*FORUM_MENU, "Floods in the delta", *sections, *ending, "Contact", "Jobs", "Press"])
    out = cleaner.clean(page)
    assert all(text in out for text in ending)


def test_main_body_keeps_an_article_under_a_box_of_comments() -> None:
    # a thread of short comments above the article (a "latest comments" box): the article after it stays the text
    comments = [x for opening, text in ANSWERS for x in (opening, text, "Share")]
    article = [f"{LONG} {THREAD_POSTS[k]}" for k in range(1, 4)]
    menu = ["More from the forum", "Log in", "Register", "News", "Sport", "Weather", "Traffic"]
    page = P([*FORUM_MENU, *comments, *menu, "Floods in the delta", *article, "Contact", "Jobs", "Press"])
    out = cleaner.clean(page)
    assert all(text in out for text in article)


def test_main_body_does_not_span_siblings_built_unlike_the_article() -> None:
    # a form and a footer box beside the article are same-tag siblings, but not repeats of it
    article = f"<div><h1>Floods in the delta</h1><p>{LONG}</p><p>{LONG.replace('fifty', 'forty')}</p></div>"
    other = f"<div>{PROFILE_BOX}<form><label>{THREAD_POSTS[1]}</label></form></div>"
    other += f"<div>{PROFILE_BOX}<ul><li>{THREAD_POSTS[2]}</li></ul></div>"
    out = cleaner.clean(f"<body><div>{article}{other}</div></body>", pipeline=["dom_structure", "main_body"])
    assert THREAD_POSTS[1] not in out and THREAD_POSTS[2] not in out


def test_a_huge_block_is_measured_on_its_start_and_its_end() -> None:
    from cleaner.signals import LONG_BLOCK, shape

    huge = "the water rose in the valley and " * (LONG_BLOCK // 10) + "the rain went on."
    s = shape(huge, frozenset({"the", "and", "in", "on"}))
    assert s.terminal and s.prose and s.words >= LONG_BLOCK // 10
    assert not shape(huge[:-1] + " and", frozenset()).terminal  # the end is still read


def test_chinese_text_is_measured_in_words() -> None:
    from cleaner.signals import shape

    assert shape("北京今天下了一场大雨，很多人没有带伞，只好在商店里等雨停下来。", frozenset()).words >= 10


def test_context_keeps_a_title_between_removed_chrome_when_it_leads_into_text() -> None:
    page = P(["Donate now", "Floods in the delta today", "Give monthly", LONG])
    assert "Floods in the delta today" in cleaner.clean(page, pipeline=["donation", "context"])


def test_captions_drop_a_dated_caption_above_its_credit_line() -> None:
    # a figure flattened to text: its caption, then its credit on a line of its own
    caption = "Des manifestants encerclés par les forces de l'ordre à Lyon, le 6 avril 2024."
    page = P([LONG_IN["fr"], caption, "© Camille Roux / LSF", LONG_IN["fr"].replace("cinquante", "trente")])
    out = cleaner.clean(page, pipeline=["captions"], lang="fr")
    assert caption not in out and "Camille" not in out


@pytest.mark.parametrize(
    ("above", "credit"),
    [
        ("Sa situation n'a rien d'exceptionnel.", "© Camille Roux / LSF"),  # an undated one-line paragraph
        ("Deval Patrick takes his 2020 campaign to South Carolina", "1 / 5"),  # a gallery's counter
    ],
)
def test_captions_keep_a_line_above_a_credit_that_is_no_caption(above: str, credit: str) -> None:
    page = P([LONG_IN["fr"], above, credit, LONG_IN["fr"].replace("cinquante", "trente")])
    assert above in cleaner.clean(page, pipeline=["captions"], lang="fr")


def test_context_keeps_a_title_whose_byline_lines_were_removed() -> None:
    # breadcrumb above, then byline, reading time and a read-aloud button removed: the title
    # still leads into the text, four blocks down
    meta = ["Testo di Elena Rossi | Foto di Mehmet Kaya", "Lettura: 4 min", "Ascolta l'articolo"]
    title = "Turchia, due anni dopo il terremoto: la scuola nei container"
    page = P(["Ti trovi in: Home / Storie / Emergenze", title, *meta, LONG_IN["it"]])
    out = cleaner.clean(page, pipeline=["navigation", "bylines", "accessibility", "context"], lang="it")
    assert title in out


def test_context_drops_a_slogan_inside_a_long_banner() -> None:
    # a short line between removed widgets, with no paragraph within reach, is the banner's
    slogan = "HOPE STARTS HERE WITH YOU"
    page = P(["Donate now", slogan, *["Give monthly", "Donate now"] * 4, LONG])
    assert slogan not in cleaner.clean(page, pipeline=["donation", "context"])


RELATIVE_TIMES = [
    ("en", "32M ago"),
    ("en", "updated 16 mins ago"),
    ("fr", "il y a 3 heures"),
    ("es", "hace 2 h"),
    ("de", "vor 2 Stunden"),
    ("pt", "há 5 min"),
    ("it", "2 ore fa"),
]


@pytest.mark.parametrize(("lang", "stamp"), RELATIVE_TIMES, ids=[f"{lang}-{stamp}" for lang, stamp in RELATIVE_TIMES])
def test_bylines_remove_a_relative_time_standing_alone(lang: str, stamp: str) -> None:
    # teaser cards end in these stamps; as removed lines they keep a list of cards apart from the article
    result = cleaner.clean_and_explain(P(["The article starts here.", stamp]), pipeline=["bylines"], lang=lang)
    assert stamp in _removed(result)


def test_bylines_keep_a_sentence_that_opens_with_a_relative_time() -> None:
    page = "Vor 2 Stunden hat die Polizei den Mann festgenommen, wie ein Sprecher der Stadt sagte."
    assert cleaner.clean(page, pipeline=["bylines"], lang="de") == page + "\n"


SECTION_RAILS = [
    ("en", "More in World"),
    ("fr", "Plus dans Monde"),
    ("de", "Mehr aus Politik"),
    ("es", "Más en Mundo"),
    ("pt", "Mais em Esportes"),
    ("it", "Altro da Mondo"),
]


@pytest.mark.parametrize(("lang", "heading"), SECTION_RAILS, ids=[lang for lang, _ in SECTION_RAILS])
def test_related_removes_a_section_rail_and_its_headlines(lang: str, heading: str) -> None:
    # news templates end an article with rails of other stories from a section
    page = P(["The article ends here with a full sentence.", heading, "Another story", "A second story"])
    result = cleaner.clean_and_explain(page, pipeline=["related"], lang=lang)
    assert result.text == "The article ends here with a full sentence.\n"


def test_related_keeps_a_sentence_that_names_a_section_rail() -> None:
    page = "More in Common, a research charity, published the survey on Tuesday, and it was widely read."
    assert cleaner.clean(page, pipeline=["related"]) == page + "\n"


def test_repeats_drops_the_later_copy_of_a_paragraph() -> None:
    standfirst = "Retiring early takes time and discipline, and this guide walks through the steps that " + LONG
    page = P(["How to retire early", standfirst, LONG.replace("fifty", "forty"), "Share", standfirst])
    result = cleaner.clean_and_explain(page, pipeline=["repeats"])
    assert result.text.count(standfirst) == 1 and result.text.startswith("How to retire early")
    assert [d.reason for d in result.decisions] == ["repeats block 1"]


def test_repeats_drops_an_element_that_copies_its_sibling() -> None:
    # a responsive layout prints a section once per screen size; the first copy stays
    section = f"<section><h2>Floods in the delta</h2><p>{LONG}</p></section>"
    page = f"<body><div><p>{LONG.replace('fifty', 'forty')}</p>{section}{section}</div></body>"
    result = cleaner.clean_and_explain(page, pipeline=["repeats"])
    assert result.text == P([LONG.replace("fifty", "forty"), "Floods in the delta", LONG]) + "\n"
    assert [d.reason for d in result.decisions] == ["copy of the element before it"] * 2


@pytest.mark.parametrize(
    ("name", "line"),
    [
        ("accessibility", "Merci d\u2019activer JavaScript"),
        ("take_action", "Cela prend moins d\u2019une minute."),
        ("ads", "L\u2019article continue après la publicité"),
        ("accessibility", "Veuillez activer le\u00a0JavaScript"),
    ],
)
def test_vocabulary_regexes_match_typeset_apostrophes_and_spaces(name: str, line: str) -> None:
    # entries are written "d'une" and "le JavaScript"; pages are typeset "d\u2019une", "le\u00a0JavaScript"
    assert cleaner.clean(P([LONG_IN["fr"], line]), pipeline=[name], lang="fr") == LONG_IN["fr"] + "\n"


def test_repeats_keeps_the_copy_of_a_removed_sibling() -> None:
    # a hidden first rendering was removed: the second one is the page's
    section = f"<h2>Floods in the delta</h2><p>{LONG}</p></section>"
    page = f"<body><div><section hidden>{section}<section>{section}</div></body>"
    assert cleaner.clean(page, pipeline=["dom_structure", "repeats"]) == P(["Floods in the delta", LONG]) + "\n"


def test_repeats_drops_a_block_that_runs_the_kept_paragraphs_together() -> None:
    # a metadata dump of the article body: several paragraphs in one block, after them
    body = FLOOD_REPORT[1:5]
    result = cleaner.clean_and_explain(P([FLOOD_REPORT[0], *body, " ".join(body)]), pipeline=["repeats"])
    assert result.text == P([FLOOD_REPORT[0], *body]) + "\n"
    assert [d.reason for d in result.decisions] == ["repeats the kept text before it"]


def test_repeats_keeps_a_long_summary_in_its_own_words() -> None:
    # a closing paragraph that quotes a few phrases of the article is not a copy
    body = FLOOD_REPORT[1:5]
    quoted = " ".join(b.split(",")[0] + ", the report said, and more." for b in body)
    summary = " ".join([quoted, FLOOD_REPORT[7], FLOOD_REPORT[8]])
    page = P([FLOOD_REPORT[0], *body, summary])
    assert cleaner.clean(page, pipeline=["repeats"]) == page + "\n"


def test_a_short_block_that_opens_with_cue_wording_is_that_widget() -> None:
    # one cue covers under half of the sentence, but the sentence starts with it
    page = P([LONG, "Your tax-deductible gift can help protect families in crisis.", LONG.replace("fifty", "ten")])
    result = cleaner.clean_and_explain(page, pipeline=["donation"])
    assert _removed(result) == "Your tax-deductible gift can help protect families in crisis."


def test_cue_wording_opening_a_long_paragraph_is_only_mentioned() -> None:
    # the same opening in a paragraph of more than 25 words is the article's
    text = "Your tax-deductible gift can help, the charity told donors, but the regulator said many of the " + LONG
    assert cleaner.clean(P([LONG, text]), pipeline=["donation"]) == P([LONG, text]) + "\n"


def test_repeats_keeps_repeated_list_items() -> None:
    # a meal plan repeats its items day after day: short lines are not candidates
    page = P(["Day 1", "Asparagus and eggs, one cup of berries", "Day 2", "Asparagus and eggs, one cup of berries"])
    assert cleaner.clean(page, pipeline=["repeats"]) == page + "\n"


# a closing sentence of an article in each language, for widget lines after it
LONG_IN = {
    "en": "Officials said the water had risen faster than at any time in the last fifty years.",
    "fr": "Les autorités ont indiqué que l'eau était montée plus vite qu'à aucun moment depuis cinquante ans.",
    "es": "Las autoridades dijeron que el agua había subido más rápido que nunca en cincuenta años.",
    "de": "Die Behörden sagten, das Wasser sei schneller gestiegen als jemals in den vergangenen fünfzig Jahren.",
    "it": "Le autorità hanno detto che l'acqua era salita più in fretta che mai negli ultimi cinquant'anni.",
    "pt": "As autoridades disseram que a água tinha subido mais depressa do que nunca em cinquenta anos.",
}

# (filter, language, the local counterpart of an English news widget line): each goes after the article
NEWS_WIDGETS_ABROAD = [
    # ad-choice controls on an ad slot
    ("ads", "fr", "Pourquoi cette annonce ?"),
    ("ads", "es", "¿Por qué veo este anuncio?"),
    ("ads", "de", "Warum sehe ich diese Werbung?"),
    ("ads", "pt", "Anunciante: Loja Exemplo"),
    ("ads", "it", "Perché vedo questo annuncio?"),
    ("ads", "fr", "Si vous achetez via nos liens, nous pouvons percevoir une commission."),
    ("ads", "es", "Si compras a través de nuestros enlaces, podemos recibir una comisión."),
    ("ads", "de", "Wenn Sie über diese Links kaufen, erhalten wir eventuell eine kleine Provision."),
    ("ads", "pt", "Se você comprar pelos nossos links, podemos receber uma comissão."),
    ("ads", "it", "Se acquisti tramite i nostri link, potremmo ricevere una commissione."),
    ("newsletter", "fr", "Nous aimerions connaître votre avis. Écrivez-nous à : courrier@example.fr"),
    ("newsletter", "es", "Queremos conocer tu opinión. Escríbenos a cartas@example.es"),
    ("newsletter", "de", "Wir freuen uns auf Ihre Meinung. Schreiben Sie uns an leser@example.de"),
    ("newsletter", "pt", "Queremos ouvir a sua opinião. Escreva para o e-mail leitor@example.pt"),
    ("newsletter", "it", "Vogliamo conoscere la tua opinione. Scrivici a lettere@example.it"),
    (
        "consent",
        "fr",
        "Votre vie privée est importante pour nous. Nous avons mis à jour notre politique de confidentialité.",
    ),
    ("consent", "es", "Tu privacidad es importante para nosotros. Hemos actualizado nuestra política de privacidad."),
    ("consent", "de", "Ihre Privatsphäre ist uns wichtig. Wir haben unsere Datenschutzerklärung aktualisiert."),
    ("consent", "pt", "A sua privacidade é importante para nós. Atualizamos nossa política de privacidade."),
    ("consent", "it", "La tua privacy è importante per noi. Abbiamo aggiornato la nostra informativa sulla privacy."),
    ("bylines", "de", "Haben Sie einen Hinweis für uns? Max Muster ist erreichbar unter max@example.de."),
    # mailing-list form sentences (newsletter [cue]), the local counterparts of the English ones
    ("newsletter", "fr", "J'accepte que Le Journal m'envoie sa lettre d'information."),
    ("newsletter", "fr", "Surveillez votre boîte de réception pour confirmer."),
    ("newsletter", "es", "Revisa tu bandeja de entrada para confirmar la suscripción."),
    ("newsletter", "es", "Este sitio está protegido por reCAPTCHA."),
    ("newsletter", "de", "Ich bin damit einverstanden, dass die Zeitung mir den Newsletter schickt."),
    ("newsletter", "de", "Diese Seite ist durch reCAPTCHA geschützt."),
    ("newsletter", "pt", "Fique de olho na sua caixa de entrada."),
    ("newsletter", "pt", "Este site é protegido por reCAPTCHA."),
    ("newsletter", "it", "Controlla la tua casella di posta per confermare l'iscrizione."),
    ("newsletter", "it", "Questo sito è protetto da reCAPTCHA."),
    # author boxes: the heading words of the page's language ([person]) and a bio naming the person
    ("bylines", "de", "Über Max Muster\n\nAls Redakteur schreibt Max Muster seit 2015 über Wissenschaft und Umwelt."),
    ("bylines", "fr", "À propos de Marie Dupont\n\nMarie Dupont est journaliste au service sciences depuis 2015."),
    ("bylines", "es", "Acerca de Ana García\n\nAna García es periodista y escribe sobre ciencia y medio ambiente."),
    ("bylines", "it", "Informazioni su Marco Rossi\n\nMarco Rossi è giornalista e scrive di scienza e ambiente."),
    ("bylines", "pt", "Sobre Ana Souza\n\nAna Souza é jornalista e escreve sobre ciência e meio ambiente."),
    ("bylines", "fr", "(Avec AFP)"),
    ("bylines", "fr", "Le Monde avec AFP"),
    ("bylines", "es", "(Con información de EFE)"),
    ("bylines", "es", "Con información de Reuters y AFP"),
    ("bylines", "de", "Mit Material von dpa"),
    ("bylines", "de", "mit Material der Nachrichtenagenturen dpa und AFP"),
    ("bylines", "pt", "*Com informações da Agência Brasil"),
    ("bylines", "pt", "(Com Lusa)"),
    ("related", "fr", "Les plus lus dans la rubrique Sport"),
    ("related", "fr", "Du même auteur"),
    ("related", "fr", "Voir tout (23)"),
    ("related", "es", "Lo más leído en Deportes"),
    ("related", "es", "Más artículos de este autor"),
    ("related", "de", "Meistgelesen in Politik"),
    ("related", "de", "Weitere Artikel aus diesem Ressort"),
    ("related", "it", "Più letti in Cronaca"),
    ("related", "it", "Altri articoli dello stesso autore"),
    ("related", "pt", "Mais lidas em Esportes"),
    ("related", "pt", "Mais notícias desta editoria"),
    ("newsletter", "fr", "Vous êtes bien inscrit à la newsletter"),
    ("newsletter", "fr", "Votre inscription a bien été prise en compte"),
    ("newsletter", "es", "Te has suscrito correctamente"),
    ("newsletter", "de", "Vielen Dank für Ihre Anmeldung. Bitte bestätigen Sie Ihre Anmeldung."),
    ("newsletter", "it", "Iscrizione avvenuta con successo"),
    ("newsletter", "pt", "Inscrição realizada com sucesso"),
    ("newsletter", "pt", "Inscreva-se na newsletter do Público"),
    ("newsletter", "pt", "Receba as notícias direto no seu e-mail"),
    ("related", "fr", "Lire aussi | Le gouvernement adopte la réforme des retraites"),
    ("share_tags", "fr", "Suivez Le Monde sur Twitter, Facebook et Instagram"),
    ("share_tags", "es", "Sigue a EL PAÍS en Facebook, X e Instagram"),
    ("share_tags", "de", "Folgen Sie der Tagesschau auf Instagram"),
    ("share_tags", "it", "Segui Il Post su Instagram e Facebook"),
    ("share_tags", "pt", "Siga o g1 no Instagram"),
    ("footer", "fr", "Ces informations ne remplacent pas l'avis d'un médecin."),
    ("footer", "fr", "Les propos tenus dans cette tribune n'engagent que leur auteur."),
    ("footer", "es", "Este artículo es meramente informativo y no sustituye la consulta con un médico."),
    ("footer", "es", "Las opiniones expresadas en este artículo son responsabilidad exclusiva de su autor."),
    ("footer", "es", "Prohibida su reproducción total o parcial"),
    (
        "footer",
        "de",
        "Wichtiger Hinweis: Die Informationen ersetzen keinesfalls eine professionelle Beratung oder Behandlung"
        " durch ausgebildete und anerkannte Ärzte.",
    ),
    ("footer", "it", "Le informazioni riportate non sostituiscono il parere del medico."),
    ("footer", "it", "RIPRODUZIONE RISERVATA"),
    ("footer", "pt", "Este conteúdo é apenas informativo e não substitui a consulta médica."),
    ("footer", "pt", "Os artigos publicados com assinatura não traduzem a opinião do jornal."),
    ("ads", "fr", "Cet article contient des liens affiliés."),
    ("ads", "es", "Este artículo contiene enlaces de afiliados."),
    ("ads", "de", "Transparenz: Dieser Artikel enthält Affiliate-Links."),
    ("ads", "it", "Questo articolo contiene link di affiliazione."),
    ("ads", "pt", "Este artigo contém links de afiliados."),
    ("donation", "fr", "Soutenez le journalisme indépendant"),
    ("donation", "es", "Apoya el periodismo independiente"),
    ("donation", "de", "Unterstützen Sie unabhängigen Journalismus"),
    ("donation", "it", "Sostieni il giornalismo indipendente"),
    ("donation", "pt", "Apoie o jornalismo independente"),
    (
        "captions",
        "es",
        "En esta imagen de archivo del 20 de septiembre de 2019, dos astronautas trabajan en la estación.",
    ),
]

# (filter, language, a body sentence with the same words that must survive that filter)
TRAPS_ABROAD = [
    ("ads", "fr", "Pourquoi cette annonce a-t-elle choqué ? Les lecteurs ont écrit au journal par centaines."),
    (
        "newsletter",
        "fr",
        "Le ministre a demandé aux usagers de surveiller votre boîte de réception, comme le dit la publicité, "
        "avant de reconnaître que la campagne avait été un échec coûteux pour les services de l'État.",
    ),
    ("bylines", "fr", "Avec AFP et Reuters, le journal a signé un accord de partage de contenus l'an dernier."),
    ("bylines", "es", "Con información de la fiscalía, el juez ordenó la detención del sospechoso el lunes."),
    ("bylines", "de", "Mit Material von dpa und Reuters hat die Redaktion das Dossier über den Krieg erstellt."),
    ("bylines", "pt", "Com informações da polícia, os vizinhos encontraram o menino perto do rio na segunda-feira."),
    ("related", "fr", "Les plus lus dans la région restent les quotidiens gratuits, selon une étude publiée mardi."),
    ("related", "es", "Lo más leído en la biblioteca fueron las novelas de Galdós, dijo la bibliotecaria el lunes."),
    ("related", "de", "Meistgelesen in der Bibliothek waren die Romane von Fontane, sagte die Bibliothekarin."),
    (
        "newsletter",
        "fr",
        "Les électeurs doivent confirmer leur inscription sur les listes avant vendredi, a dit la mairie.",
    ),
    ("newsletter", "de", "Wähler müssen ihre Anmeldung bis Freitag bestätigen, teilte die Stadt am Montag mit."),
    ("share_tags", "es", "Sigue a su equipo en Twitter desde el hospital, contó su madre a los periodistas."),
    ("share_tags", "de", "Folgen Sie mir auf Twitter, sagte der Politiker im Scherz und verließ den Saal."),
    (
        "footer",
        "fr",
        "Les informations diffusées par l'application ne remplacent pas l'avis d'un médecin, a averti la ministre.",
    ),
    ("footer", "fr", "Les propos tenus n'engagent que leur auteur, a répliqué le porte-parole du gouvernement."),
    (
        "footer",
        "de",
        "Die Informationen ersetzen nicht den Besuch beim Arzt, warnte die Gesundheitsministerin am Montag.",
    ),
    (
        "footer",
        "it",
        "Le informazioni fornite dalla polizia non sostituiscono il parere del medico legale, ha detto il giudice.",
    ),
    ("footer", "es", "Queda prohibida la reproducción de especies protegidas en cautiverio, recuerda la ley."),
    ("ads", "de", "Der Artikel enthält Affiliate-Links, kritisierte die Verbraucherzentrale am Dienstag in Berlin."),
    ("donation", "de", "Die Stiftung unterstützt unabhängigen Journalismus in Osteuropa seit mehr als zehn Jahren."),
    ("footer", "pt", "Os artigos publicados não refletem a opinião do governo, disse o ministro na terça-feira."),
    ("footer", "es", "Las opiniones expresadas por los vecinos son responsabilidad de su autor, dijo el alcalde."),
    ("related", "it", "Più letti in classe erano i romanzi di Manzoni, ha raccontato la maestra ai genitori."),
    ("related", "pt", "Mais lidas em voz alta, as cartas emocionaram o público do teatro na noite de sábado."),
    ("share_tags", "pt", "Siga o dinheiro no Instagram, disse o investigador aos deputados da comissão."),
    (
        "newsletter",
        "pt",
        "O banco quer que os boletos cheguem direto no seu e-mail a partir de março, disse o ministro.",
    ),
    ("captions", "es", "En esta foto, tomada en 1945, se ve a mi abuelo frente a la casa, contó la mujer."),
]


@pytest.mark.parametrize(
    ("name", "lang", "line"), NEWS_WIDGETS_ABROAD, ids=[f"{lang}-{line[:24]}" for _, lang, line in NEWS_WIDGETS_ABROAD]
)
def test_filter_removes_a_news_widget_line_in_other_languages(name: str, lang: str, line: str) -> None:
    assert cleaner.clean(P([LONG_IN[lang], line]), pipeline=[name], lang=lang) == LONG_IN[lang] + "\n"


@pytest.mark.parametrize(
    ("name", "lang", "page"), TRAPS_ABROAD, ids=[f"{name}-{lang}" for name, lang, _ in TRAPS_ABROAD]
)
def test_filter_keeps_the_same_words_in_prose_in_other_languages(name: str, lang: str, page: str) -> None:
    assert cleaner.clean(page, pipeline=[name], lang=lang) == page + "\n"


# teaser cards flattened to one line, as scrapers hand over a "Latest Headlines" box: a title-case
# headline glued to its blurb, with or without a space between
ONE_LINE_CARDS = [
    "Latest Headlines",
    "Police Search For Driver After Crash On The Bridge Two people were hurt when a van hit the railing.",
    "Customers Leave Without Paying Bill At Steakhouse A party of six left the restaurant on Friday night.",
    "City To Mail Ballots To Voters In May The city will mail applications to every household before the spring vote.",
    "Tape Gaffe Ends Driver's Title RunThe champion's run was foiled by the tale of the tape at the final race.",
]


def test_main_body_cuts_one_line_teaser_cards_above_the_article() -> None:
    menu = ["News", "Sports", "Weather", "Video"]
    result = cleaner.clean_and_explain(P([*menu, *ONE_LINE_CARDS, *FLOOD_REPORT]), pipeline=["main_body"])
    assert result.text == P(FLOOD_REPORT) + "\n"
    reasons = {d.text: d.reason for d in result.decisions}
    assert reasons[ONE_LINE_CARDS[4]] == "teaser card before the main text"


def test_main_body_keeps_paragraphs_that_open_with_a_title_case_label_or_name() -> None:
    # a lead-in label ends in a colon, a name capitalizes no function words: both are the article's
    steps = [
        "What Residents Can Do Before The Water Rises: move seed and rice above the flooded fields today.",
        "Where To Find Clean Water In The Camps: boil drinking water, since cholera spreads in shelters.",
        "How To Report A Broken Embankment: tell district officials when levees or bridges give way.",
        "The Delta Flood Relief Fund paid for boats, blankets and medicine in the first week of the floods.",
    ]
    page = P(["News", "Sports", "Weather", "Video", "Latest", *steps, *FLOOD_REPORT])
    assert cleaner.clean(page, pipeline=["main_body"]) == P(steps + FLOOD_REPORT) + "\n"


def test_main_body_cuts_a_ticker_of_headlines_run_into_their_datelines() -> None:
    ticker = [
        "Breaking News",
        "Council approves new budget for schools CAPE TOWN: The city council voted to raise spending on schools.",
        "Court delays ruling on mining licence: report JOHANNESBURG: Judges said they needed more time to read.",
        "Rail strike enters its second week DURBAN: Commuters queued for buses as the union rejected the offer.",
    ]
    menu = ["News", "Sports", "Weather", "Video"]
    result = cleaner.clean_and_explain(P([*menu, *ticker, *FLOOD_REPORT]), pipeline=["main_body"])
    assert result.text == P(FLOOD_REPORT) + "\n"
    assert {d.text: d.reason for d in result.decisions}[ticker[1]] == "teaser card before the main text"


def test_main_body_keeps_paragraphs_that_open_with_a_dateline() -> None:
    # a story opens with its dateline; a sentence before a capitalized label ends with its stop
    report = [
        "The ministry issued a statement. WARNING: more rain is expected in the southern districts this week.",
        "The governor agreed on Tuesday. NOTE: helicopters will reach the isolated districts after the storm.",
        "Doctors at the hospital agreed. ADVICE: boil drinking water, since cholera spreads in crowded shelters.",
        "DHAKA: Rising water swept through riverside villages across the delta on Monday, officials said.",
    ]
    page = P(["News", "Sports", "Weather", "Video", "Latest", *report, *FLOOD_REPORT])
    assert cleaner.clean(page, pipeline=["main_body"]) == P(report + FLOOD_REPORT) + "\n"


HEADLINE_LIST = [
    "Follow us on",
    "Trending now",
    "Police arrest a man who drove a stolen tank through the streets of a small town in the north",
    "Schedule",
    "Why the price of the new stadium has doubled in the two years since the city first approved it",
    "Podcasts",
    "Scientists say the comet that passed close to the planet last week will return in the next decade",
    "Mayor tells tourists that the old quarter is not a theme park and asks them to show some respect",
]


def test_main_body_does_not_carry_the_run_over_long_headlines_without_a_stop() -> None:
    # 19-word headlines full of function words read like prose; unfinished, they are a list's, not paragraphs
    footer = "© 2024 Delta News. All rights reserved."
    out = cleaner.clean(P([*FLOOD_REPORT, *HEADLINE_LIST, footer]), pipeline=["footer", "main_body"])
    assert out == P(FLOOD_REPORT) + "\n"


def test_main_body_keeps_unfinished_lines_inside_the_article() -> None:
    # the same lines between the article's paragraphs (a list of findings) stay with it
    findings = [line for line in HEADLINE_LIST if len(line.split()) > 15]
    article = [*FLOOD_REPORT[:5], *findings, *FLOOD_REPORT[5:]]
    footer = "© 2024 Delta News. All rights reserved."
    assert cleaner.clean(P([*article, footer]), pipeline=["footer", "main_body"]) == P(article) + "\n"


def test_main_body_keeps_html_list_items_without_a_stop_as_the_article_s_text() -> None:
    # a product's feature bullets are list items: in HTML they keep a paragraph's weight
    items = "".join(f"<li>{line}</li>" for line in HEADLINE_LIST if len(line.split()) > 15)
    deals = "".join(f"<p><a href='/d{n}'>Deal {n}</a></p>" for n in range(4))  # link lines between
    page = f"<body><div><h1>The delta report</h1><p>{LONG}</p></div><div>{deals}</div><div><ul>{items}</ul></div>"
    out = cleaner.clean(page + "<p><a href='/'>Home</a></p></body>", mode="html", pipeline=["main_body"])
    assert HEADLINE_LIST[-1] in out and HEADLINE_LIST[2] in out


STANDINGS = ["Pos.", "Driver", "Points", "Wins", "Poles"]
for _n, _name in enumerate(["Ana Costa", "Bruno Lima", "Carla Dias", "Davi Rocha"], 1):
    STANDINGS += [str(_n), _name, str(5000 - 10 * _n), "0", "0"]  # no wins, no poles: "0" twice in a row


def test_captions_keep_a_repeated_figure_inside_a_flattened_table() -> None:
    page = P([LONG, *STANDINGS, LONG.replace("fifty", "forty")])
    assert cleaner.clean(page, pipeline=["captions"]) == page + "\n"


def test_captions_still_drop_a_repeated_line_outside_a_table() -> None:
    page = P([LONG, "Reply", "0", "0", "Flood victims on a rooftop", "Flood victims on a rooftop", LONG])
    out = cleaner.clean(page, pipeline=["captions"])
    assert out == P([LONG, "Reply", "0", "Flood victims on a rooftop", LONG]) + "\n"


ROWS = ["Pos. Driver Points Wins Poles", "1 Ana Costa 5040 5 1", "2 Bruno Lima 5035 7 0", "3 Carla Dias 5033 4 6"]
ROWS += ["4 Davi Rocha 5027 6 3", "5 Elisa Melo 2380 2 3", "6 Fabio Nunes 2339 1 1"]


def test_main_body_keeps_a_table_flattened_one_row_per_line_inside_the_article() -> None:
    # rows of bare numbers split by spaces are short lines: as chrome they split the article at the table
    more = [LONG.replace("fifty", "forty"), LONG.replace("fifty", "sixty")]
    article = P(["Floods in the delta", LONG, *ROWS, *ROWS[1:], *more])
    page = P(["Privacy Policy", article, "© 2024 Delta News. All rights reserved."])
    assert cleaner.clean(page, pipeline=["footer", "main_body"]) == article + "\n"


def test_spaced_rows_need_more_numbers_than_words_in_each_row() -> None:
    from cleaner.filters.tables import spaced_rows
    from cleaner.signals import shape

    def rows(lines: list[str]) -> set[str]:
        doc = cleaner.api.text_document(P(lines), None, "en")
        shapes = [shape(b.text, frozenset()) for b in doc.blocks]
        return {doc.blocks[i].text for i in spaced_rows(doc, shapes)}

    assert rows([LONG, *ROWS, LONG]) == set(ROWS[1:])
    dated = [f"Markets close higher on day {n} of 2019 at 4:30 pm" for n in range(1, 6)]
    assert rows([LONG, *dated, LONG]) == set()  # dated headlines: more words than numbers


def test_main_body_reads_a_title_case_question_as_a_card_label() -> None:
    # a headline that asks ends in "?": in title case it is still a card's label, not its blurb
    questions = [
        "Did Officials Count The Ballots Twice In The Capital?",
        "Will The Striker Sign A New Contract This Week?",
    ]
    questions += ["Is The New Folding Phone Worth Its High Price?"]
    cards = [c for pair in zip(questions, TEASER_CARDS[2::3], strict=True) for c in pair]  # no dates between
    assert cleaner.clean(P([*FLOOD_REPORT, "More stories", *cards]), pipeline=["main_body"]) == P(FLOOD_REPORT) + "\n"


def test_is_blurb_keeps_a_sentence_case_question_a_blurb() -> None:
    from cleaner.filters.cards import is_blurb
    from cleaner.signals import shape

    stops = cleaner.vocab.function_words(("en",))
    assert not is_blurb(shape("Did Officials Count The Ballots Twice In The Capital?", stops), cased=True)
    assert is_blurb(
        shape("Why did the embankment near the old cement factory give way before dawn?", stops), cased=True
    )
    assert is_blurb(shape("Did Officials Count The Ballots Twice In The Capital?", stops))  # HTML: a subheading


def test_main_body_ends_the_article_at_its_best_end_before_teaser_cards() -> None:
    # a staff list and an appeal between the article and the cards go with the cards
    staff = ["Editorial", "Ana Costa", "Bruno Lima", "Carla Dias", "Davi Rocha", "Operations", "Elisa Melo"]
    staff += ["Fabio Nunes", "Gina Alves"]
    appeal = [
        "Most of our reporting begins when readers ask us whether something is true, and we answer every one of them.",
        "We do this work every day at no cost to you, but it is far from free to produce, so please help us.",
    ]
    footer = "© 2024 Delta News. All rights reserved."
    page = P([*FLOOD_REPORT, *staff, *appeal, *TEASER_CARDS, *MORE_CARDS, footer])
    assert cleaner.clean(page, pipeline=["footer", "main_body"]) == P(FLOOD_REPORT) + "\n"


def test_main_body_ends_the_run_at_a_list_heading_over_lone_long_blurbs() -> None:
    # each card: a share bar (removed) and a long excerpt that reads like a paragraph
    cards = [line for blurb in LONG_BLURBS for line in ("Share this", blurb)]
    page = P([*FLOOD_REPORT, "You may also like", *cards, "© 2024 Delta News. All rights reserved."])
    out = cleaner.clean(page, pipeline=["share_tags", "related", "footer", "main_body"])
    assert out == P(FLOOD_REPORT) + "\n"


def test_main_body_keeps_the_article_after_an_in_text_related_box() -> None:
    # the article's paragraphs after the box follow each other: the heading ends nothing
    box = ["Related stories", "Share this"]
    article = [*FLOOD_REPORT[:4], *box, *FLOOD_REPORT[4:]]
    page = P([*article, "© 2024 Delta News. All rights reserved."])
    out = cleaner.clean(page, pipeline=["share_tags", "related", "footer", "main_body"])
    assert all(p in out for p in FLOOD_REPORT)


def test_main_body_judges_a_card_list_by_all_its_cards_not_only_those_inside_the_run() -> None:
    # the run ends inside the list, at a card whose headline ends with a stop ("... of Calif."): its
    # headline and blurb side by side look like a paragraph pair unless the cards past the run count too
    paired = ["Outages set to return to parts of Calif.", "Crews expect the power to be cut again as dry winds return."]
    links = ["Privacy Policy", "Terms of Use"]
    later = [*MORE_CARDS, "Bridge closes for repairs", "Engineers found cracks in two of its supports.", "3 days ago"]
    page = P([*FLOOD_REPORT, *TEASER_CARDS, *paired, *links, *later, "© 2024 Delta News. All rights reserved."])
    out = cleaner.clean(page, pipeline=["footer", "main_body"])
    assert out == P(FLOOD_REPORT) + "\n"


REVIEW_TEXT = "I bought two of these last spring and both still work well after months of daily use outdoors."


def test_dom_structure_drops_customer_reviews_marked_in_a_compound_class() -> None:
    # a shop's reviews are user content like comments, whatever the widget wraps them in
    boxes = {
        "product-reviews": REVIEW_TEXT,
        "customer-reviews_feature_div": "Great boots, my feet stayed dry through a whole week of rain.",
        "averagecustomerreviews": "4.6 out of 5 stars from 1,204 ratings",
        "yotpo-main-widget": "Runs a little small, order one size up if you wear thick socks.",
    }
    html = "".join(f"<div class='{cls}'><p>{text}</p></div>" for cls, text in boxes.items())
    page = f"<body><main><h1>Rain boots</h1><p>{LONG}</p><p>{LONG}</p><p>{LONG}</p>{html}</main></body>"
    result = cleaner.clean_and_explain(page, pipeline=["dom_structure"])
    assert {d.text for d in result.decisions} == set(boxes.values())


def test_dom_structure_keeps_an_editorial_review_and_its_review_classes() -> None:
    # a review article (class "review", its WordPress category "camera-product-reviews") and the
    # product cards of a buying guide are the text: only customer reviews are user content
    cards = "".join(f"<div class='product-review-card'><p>{LONG.replace('fifty', str(n))}</p></div>" for n in range(2))
    page = (
        "<body><article class='post review category-camera-product-reviews tag-customer-reviews'>"
        f"<h1>The best rain boots</h1><p>{LONG}</p>{cards}<div class='review-verdict'><p>{REVIEW_TEXT}</p></div>"
        "</article></body>"
    )
    result = cleaner.clean_and_explain(page, pipeline=["dom_structure"])
    assert not result.decisions


FEATURES = ["- Slim fit", "- Lightweight material", "- Sweat-wicking", "- Crew neck", "- 100% Polyester", "- Hem"]


def test_main_body_keeps_the_lines_that_follow_a_one_paragraph_description() -> None:
    # a product's description is one <p>; its features follow as lines of the next <p> in the same
    # element: they are the description's, the delivery box in the next element is not
    features = "<br>".join(FEATURES)
    delivery = "".join(f"<div>{t}</div>" for t in ["Delivery & Returns", "Standard Shipping", "Free returns"])
    page = (
        f"<body><main><div class='menu'>{''.join(f'<div>Item {n}</div>' for n in range(6))}</div>"
        f"<div class='description'><p>{LONG} It fits close and dries fast.</p><p>{features}</p></div>"
        f"<div class='delivery'>{delivery}</div></main></body>"
    )
    out = cleaner.clean(page, pipeline=["main_body"])
    assert all(f in out for f in FEATURES) and "Standard Shipping" not in out and "Item 3" not in out


def test_main_body_does_not_widen_a_one_paragraph_run_past_its_own_element() -> None:
    # the paragraph's <p> sits in a wrapper whose other lines follow removed chrome: they stay cut
    tail = "".join(f"<div>{t}</div>" for t in ["Stores", "Careers", "Gift cards", "Student discount"])
    page = f"<body><div><p>{LONG} It fits close and dries fast.</p><footer><div>Help</div></footer>{tail}</div></body>"
    out = cleaner.clean(page, pipeline=["dom_structure", "main_body"])
    assert LONG in out and "Careers" not in out


def test_main_body_keeps_the_detail_sections_after_a_one_paragraph_description() -> None:
    # the description's own element holds that paragraph only: the element holding it and what follows
    # (details, care) is the product's text, the page's <main> is not
    details = "".join(
        f"<div>{t}</div>"
        for t in ["Details", "Shell: 100% Polyamide", "Lining: 100% Polyester", "Care", "Wash cold", "Hang dry"]
    )
    related = "".join(f"<div>Other jacket {n}</div>" for n in range(4))
    page = (
        f"<body><main><div class='menu'>{''.join(f'<div>Item {n}</div>' for n in range(6))}</div>"
        f"<section><div><div class='richtext'>{LONG} It fits close and dries fast.</div></div>"
        f"<div class='details'>{details}</div></section><div class='more'>{related}</div></main></body>"
    )
    out = cleaner.clean(page, pipeline=["main_body"])
    assert "Shell: 100% Polyamide" in out and "Wash cold" in out and "Other jacket 2" not in out


def test_dom_structure_drops_customer_reviews_that_outweigh_a_short_description() -> None:
    # a product's reviews can be most of its long text: unlike other chrome marks, they are not
    # taken for a theme's wrapper of the article
    reviews = "".join(
        f"<div class='customer-review'><p>{REVIEW_TEXT.replace('two', str(n))} Would buy again for sure.</p></div>"
        for n in range(5)
    )
    page = (
        "<body><main><h1>Rain boots</h1><ul><li>Natural rubber</li><li>Cotton lining</li></ul>"
        f"<div class='js-product-reviews-preview'>{reviews}</div></main></body>"
    )
    out = cleaner.clean(page, pipeline=["dom_structure"])
    assert "Natural rubber" in out and "Would buy again" not in out


# an article of a few paragraphs in each language, for what closes it
ARTICLE_IN = {
    "en": [
        "The river rose by three metres overnight and the authorities evacuated four villages before dawn, "
        "officials said on Sunday.",
        "The rain is expected to continue for another two days across the whole region, forecasters warned, "
        "and schools will remain closed until Wednesday while engineers inspect the bridges.",
        "Residents were told to stay away from the river banks and to follow the instructions of the rescuers.",
    ],
    "fr": [
        "La rivière est montée de trois mètres pendant la nuit et les autorités ont évacué quatre villages "
        "avant l'aube, ont indiqué les services de la préfecture dimanche.",
        "La pluie devrait continuer pendant encore deux jours sur toute la région et les écoles resteront "
        "fermées jusqu'à mercredi pendant que les ingénieurs inspectent les ponts.",
        "Les habitants ont reçu la consigne de rester loin des berges et de suivre les instructions des secours.",
    ],
    "es": [
        "El río subió tres metros durante la noche y las autoridades evacuaron cuatro pueblos antes del "
        "amanecer, según informaron los servicios de emergencia el domingo.",
        "Se espera que la lluvia continúe durante otros dos días en toda la región y las escuelas seguirán "
        "cerradas hasta el miércoles mientras los ingenieros revisan los puentes.",
        "Se pidió a los vecinos que se mantuvieran lejos de las orillas y que siguieran las instrucciones "
        "de los rescatistas.",
    ],
    "de": [
        "Der Fluss ist in der Nacht um drei Meter gestiegen und die Behörden haben vor dem Morgengrauen vier "
        "Dörfer evakuiert, wie ein Sprecher der Stadt am Sonntag mitteilte.",
        "Der Regen soll noch zwei Tage in der ganzen Region anhalten und die Schulen bleiben bis Mittwoch "
        "geschlossen, während Ingenieure die Brücken und die Straßen prüfen.",
        "Die Anwohner sollen sich vom Ufer fernhalten und den Anweisungen der Rettungskräfte folgen, hieß es.",
    ],
    "pt": [
        "O rio subiu três metros durante a noite e as autoridades retiraram os moradores de quatro aldeias "
        "antes do amanhecer, informou a defesa civil no domingo.",
        "A chuva deve continuar por mais dois dias em toda a região e as escolas vão continuar fechadas até "
        "quarta-feira enquanto os engenheiros inspecionam as pontes.",
        "Os moradores foram orientados a ficar longe das margens e a seguir as instruções das equipes de resgate.",
    ],
    "it": [
        "Il fiume è salito di tre metri durante la notte e le autorità hanno evacuato quattro paesi prima "
        "dell'alba, ha comunicato la protezione civile domenica.",
        "La pioggia dovrebbe continuare per altri due giorni in tutta la regione e le scuole resteranno "
        "chiuse fino a mercoledì mentre gli ingegneri controllano i ponti.",
        "Ai residenti è stato chiesto di stare lontano dagli argini e di seguire le istruzioni dei soccorritori.",
    ],
}

CLOSING_BIOS = [
    ("en", "Phil Helsel is a reporter for NBC News."),
    ("en", "Molly Wood (@mollywood) is an Ideas contributor at WIRED and the host of a daily radio show."),
    ("en", "Eric Song is the site's deal curator and writes about gadgets."),
    ("fr", "Marie Dupont est journaliste au service sciences depuis 2015."),
    ("es", "Ana García es periodista y escribe sobre ciencia y medio ambiente."),
    ("de", "Max Muster ist Wissenschaftsredakteur und schreibt über Umwelt."),
    ("pt", "Ana Souza é jornalista e escreve sobre ciência e meio ambiente."),
    ("it", "Marco Rossi è giornalista e scrive di scienza e ambiente."),
]


@pytest.mark.parametrize(("lang", "bio"), CLOSING_BIOS, ids=[f"{lang}-{bio[:20]}" for lang, bio in CLOSING_BIOS])
def test_bylines_remove_a_writers_bio_that_closes_the_article(lang: str, bio: str) -> None:
    result = cleaner.clean_and_explain(P([*ARTICLE_IN[lang], bio]), pipeline=["bylines"], lang=lang)
    assert bio in _removed(result)
    assert ARTICLE_IN[lang][-1] in result.text


CLOSING_BIO_TRAPS = [
    # the article named the person before: a story about a journalist ends with her
    (
        "en",
        ["Police questioned Phil Helsel twice in the weeks before the flood, his lawyer said."],
        "Phil Helsel is a reporter for NBC News.",
    ),
    # a noun opening a sentence, written in lower case before, is no one's name
    (
        "en",
        ["Officials said that agriculture had suffered most of the losses in the valley."],
        "Agriculture is a major contributor to the damage.",
    ),
    # "is a fan of the writer": the job word must follow the verb closely, with no preposition between
    ("en", [], "Jane Roe is a great fan of the writer and lives near the river."),
    # no article before it: the page opens with the person
    ("en", None, "Phil Helsel is a reporter for NBC News."),
]


@pytest.mark.parametrize(("lang", "story", "closing"), CLOSING_BIO_TRAPS)
def test_bylines_keep_a_closing_sentence_that_is_no_writers_bio(
    lang: str, story: list[str] | None, closing: str
) -> None:
    paragraphs = [] if story is None else [*ARTICLE_IN[lang], *story]
    result = cleaner.clean_and_explain(P([*paragraphs, closing]), pipeline=["bylines"], lang=lang)
    assert closing in result.text


def test_bylines_keep_a_writers_introduction_with_the_article_after_it() -> None:
    # a bio closes the article: with as much prose after it as before, it is part of the story
    intro = "Phil Helsel is a reporter for NBC News."
    story = ARTICLE_IN["en"]
    result = cleaner.clean_and_explain(P([*story, intro, *story]), pipeline=["bylines"], lang="en")
    assert intro in result.text


COMPANY_NOTES = [
    (
        "en",
        "Acme is a global provider of alarm systems for hospitals and care homes across Europe.",
        "Acme is headquartered in Basel, employs around 1,300 people worldwide and its shares are listed "
        "on the SIX Swiss Exchange.",
    ),
    ("fr", "", "Acme, dont le siège est à Lyon, emploie 1 300 collaborateurs et est cotée en Bourse."),
    ("es", "", "Acme, con sede en Bilbao, emplea a 1.300 personas y cotiza en bolsa desde 2001."),
    ("de", "", "Acme mit Sitz in Basel beschäftigt rund 1.300 Mitarbeiter und ist an der SIX Börse notiert."),
    ("pt", "", "Acme, com sede em Lisboa, emprega 1.300 pessoas e está presente em 15 países."),
    ("it", "", "Acme, con sede a Milano, impiega 1.300 dipendenti ed è quotata in borsa dal 2001."),
]


@pytest.mark.parametrize(("lang", "lead", "facts"), COMPANY_NOTES, ids=[n[0] for n in COMPANY_NOTES])
def test_bylines_remove_a_company_note_that_closes_a_release(lang: str, lead: str, facts: str) -> None:
    note = [lead, facts] if lead else [facts]
    result = cleaner.clean_and_explain(P([*ARTICLE_IN[lang], *note]), pipeline=["bylines"], lang=lang)
    removed = _removed(result)
    assert all(n in removed for n in note)
    assert ARTICLE_IN[lang][-1] in result.text


def test_bylines_remove_a_typeset_company_note() -> None:
    # a typeset page puts a no-break space after a short name: the lead above the facts is the note's too
    lang, lead, facts = COMPANY_NOTES[0]
    note = [lead.replace(" ", "\u00a0", 1), facts.replace(" ", "\u00a0", 1)]
    removed = _removed(cleaner.clean_and_explain(P([*ARTICLE_IN[lang], *note]), pipeline=["bylines"], lang=lang))
    assert all(n in removed for n in note)


def test_bylines_keep_company_facts_with_the_story_after_them() -> None:
    # a news story gives the company's background and goes on: it closes nothing
    facts = "Acme is headquartered in Basel and employs around 1,300 people in 15 countries."
    story = ARTICLE_IN["en"]
    result = cleaner.clean_and_explain(P([*story, facts, *story]), pipeline=["bylines"], lang="en")
    assert facts in result.text


def test_bylines_keep_a_closing_sentence_with_one_company_fact() -> None:
    # "WeWork is headquartered in New York" ends many stories: one fact is background, not a note
    facts = "Acme is headquartered in Basel, a spokesman said after the hearing on Monday."
    result = cleaner.clean_and_explain(P([*ARTICLE_IN["en"], facts]), pipeline=["bylines"], lang="en")
    assert facts in result.text


EVENTS = [
    ("River Data Summit 2026", "Lisbon, Portugal"),
    ("Open Maps Conference", "Porto, Portugal"),
    ("Flood Models Workshop", "Delft, Netherlands"),
    ("Harbour Sensors Meetup", "Hamburg, Germany"),
    ("Coastal Risk Forum", "Bordeaux, France"),
    ("Water Policy Days", "Turin, Italy"),
    ("Rain Radar Hackathon", "Valencia, Spain"),
]
INTRO = (
    "Upcoming events on water data and flood risk, chosen by our editors: conferences, workshops and"
    " meetups where researchers, engineers and city officials meet."
)


def event_entries(months: tuple[str, ...] = ("Mar",)) -> list[str]:
    """A catalogue flattened to text: each entry's date, title, place line and the same button."""
    lines = []
    for month in months:
        for k, (title, place) in enumerate(EVENTS):
            date = f"{month} {k + 10}-{k + 12} 2026"
            lines += [date, f"{title} ({month})", f"Conference in {place}", "Get tickets now"]
    return lines


def test_main_body_keeps_the_catalogue_a_short_intro_leads_into() -> None:
    # the entries are short lines that score as chrome: the run alone would be the one-line intro
    page = P([*FORUM_MENU, "Water conferences", INTRO, *event_entries(), "Contact us", "Privacy policy"])
    out = cleaner.clean(page)
    assert INTRO in out and all(title in out and place in out for title, place in EVENTS)
    assert "Privacy policy" not in out


def test_main_body_does_not_widen_over_entries_that_are_all_links() -> None:
    # in HTML an archive's or a sidebar's entries are links throughout: only unlinked lines are a catalogue's text
    linked = "".join(f"<div><a href='/e{k}'>{line}</a></div>" for k, line in enumerate(event_entries(("Mar", "Apr"))))
    menu = "".join(f"<li><a href='/{w}'>{w}</a></li>" for w in ("News", "Sport", "Weather", "Traffic", "Jobs"))
    page = f"<body><ul>{menu}</ul><h1>Water conferences</h1><p>{INTRO}</p><div>{linked}</div><p>Contact us</p></body>"
    out = cleaner.clean(page)
    assert INTRO in out and not any(title in out for title, _ in EVENTS)


def test_main_body_keeps_html_entries_with_unlinked_lines() -> None:
    # the same catalogue with its titles linked and its dates and places as text: the run covers it
    lines = event_entries(("Mar", "Apr"))
    cells = "".join(f"<div><a href='/e'>{x}</a></div>" if "(" in x else f"<div>{x}</div>" for x in lines)
    menu = "".join(f"<li><a href='/{w}'>{w}</a></li>" for w in ("News", "Sport", "Weather", "Traffic", "Jobs"))
    page = f"<body><ul>{menu}</ul><h1>Water conferences</h1><p>{INTRO}</p><div>{cells}</div><p>Contact us</p></body>"
    out = cleaner.clean(page)
    assert INTRO in out and all(place in out for _, place in EVENTS)


def test_main_body_does_not_widen_an_article_over_the_cards_after_it() -> None:
    # the same entries after a full article: what follows an article is not its text
    article = [LONG, LONG.replace("fifty", "forty"), LONG.replace("fifty", "sixty"), LONG.replace("fifty", "ten")]
    article += [LONG.replace("fifty", "eighty"), LONG.replace("fifty", "thirty"), LONG.replace("fifty", "five")]
    entries = event_entries(("Mar", "Apr", "May"))  # more words than the article, so only the guard keeps them out
    page = P([*FORUM_MENU, "Floods in the delta", *article, *entries, "Contact us", "Privacy policy"])
    out = cleaner.clean(page)
    assert LONG in out and not any(title in out for title, _ in EVENTS)


def test_main_body_does_not_widen_over_a_menu_repeated_per_section() -> None:
    # a mega menu's sections repeat the same label, but its items are one to three words: no entries
    menu = [line for k in range(10) for line in (f"Section {k + 1}", f"News {k}", f"Sport {k}", f"Traffic {k}")]
    page = P([*menu, "Floods in the delta", LONG, LONG.replace("fifty", "forty"), "Contact us", "Privacy policy"])
    out = cleaner.clean(page)
    assert LONG in out and "Traffic" not in out


@pytest.mark.parametrize(
    ("stamp", "lang"),
    [
        ("Asked 6 years, 9 months ago", "en"),
        ("Modified today", "en"),
        ("Viewed 3k times", "en"),
        ("Perguntada há 6 anos, 9 meses", "pt"),
        ("Formulada hace 6 años", "es"),
    ],
)
def test_bylines_drop_a_questions_stamp_lines(stamp: str, lang: str) -> None:
    page = P([LONG, stamp, LONG.replace("fifty", "forty")])
    result = cleaner.clean_and_explain(page, pipeline=["bylines"], lang=lang)
    assert [d.text.strip() for d in result.decisions] == [stamp]


def test_bylines_keep_a_subheading_that_opens_with_a_stamp_verb() -> None:
    # the verb alone is no stamp: an age or a count must follow, and nothing else
    lines = ["Asked and answered", "Modified versions of the plan", "Viewed from the bridge at dawn"]
    page = P([LONG, *lines, LONG])
    assert cleaner.clean(page, pipeline=["bylines"], lang="en") == page + "\n"


def test_closing_bio_name_does_not_backtrack_on_run_together_tags() -> None:
    """A bio's opening still names its writer, and a run-together tag list (a store's genre tags
    with no spaces) fails at once: under full case folding, backtracking into the name's words
    took seven seconds on this line; now it takes a few milliseconds, so a bound of a second fails
    only on the backtracking, never on a loaded machine."""
    import time

    from cleaner.filters.bylines import closing_bio

    opening = closing_bio(("en",))
    assert opening is not None
    bio = opening.match("Jane Doe is a staff reporter for the Daily Planet.")
    assert bio is not None and bio.group("name") == "Jane Doe"
    tags = (
        "Field ShooterFPSFuturisticActionFirstPersonPvEGunCustomizationClassBasedCyberpunkSurvivalOnlineCoOpHorror"
        " ShooterFPSFuturisticActionFirstPersonPvEGun"
    )
    began = time.perf_counter()
    assert opening.match(tags) is None
    assert time.perf_counter() - began < 1.0


def test_author_box_name_does_not_backtrack_on_run_together_words() -> None:
    """An author-box heading names its writer, and a heading of run-together words fails at once:
    before the name's words were possessive, this 364-character heading took about 4 s, and each
    repeat of the word doubles it (30 s at 420 characters)."""
    import time

    from cleaner.filters.bylines import author_box

    heading = author_box(("en",))
    assert heading is not None
    box = heading.fullmatch("About Jane Doe")
    assert box is not None and box.group("name") == "Jane Doe"
    words = "About " + "ActionAdventureComedy" * 17 + "!"
    began = time.perf_counter()
    assert heading.fullmatch(words) is None
    assert time.perf_counter() - began < 1.0


SHARE_BUTTONS_WITH_AN_OBJECT = [
    ("en", "Share this on WhatsApp"),
    ("en", "Share this article on Facebook"),
    ("fr", "Partager cet article sur Facebook"),
    ("es", "Compartir esta noticia en WhatsApp"),
    ("de", "Diesen Artikel auf Facebook teilen"),
    ("pt", "Compartilhe esta notícia no WhatsApp"),
    ("it", "Condividi questo articolo su Facebook"),
]


MODERATION_NOTICES = [
    ("en", "Your comment is awaiting moderation."),
    ("en", "Comments that are abusive or off-topic will be removed."),
    ("fr", "Votre commentaire est en attente de modération."),
    ("fr", "Les commentaires qui ne respectent pas la charte ne seront pas publiés."),
    ("es", "Tu comentario está pendiente de moderación."),
    ("es", "Los comentarios ofensivos no serán publicados."),
    ("de", "Dein Kommentar muss noch freigegeben werden."),
    ("de", "Kommentare mit Beleidigungen werden nicht freigeschaltet."),
    ("pt", "O seu comentário aguarda moderação."),
    ("pt", "ATENÇÃO: Comentários com textos ofensivos ou fora do tema não serão aprovados pelo moderador."),
    ("it", "Il tuo commento è in attesa di moderazione."),
    ("it", "I commenti offensivi non saranno pubblicati."),
]
# a story's sentence about what someone's comments will be: the same words, not a comment form's policy
MODERATION_TRAPS = [
    ("en", "Comments that the minister made on Tuesday will be removed from the official record, a spokesman said."),
    ("fr", "Les commentaires du ministre ne seront pas publiés avant la fin de l'enquête, a précisé son cabinet."),
    ("es", "Los comentarios del ministro no serán publicados hasta que termine la investigación, según su oficina."),
    ("de", "Die Kommentare des Ministers werden nicht veröffentlicht, bis die Untersuchung abgeschlossen ist."),
    ("pt", "Os comentários do ministro não serão publicados antes do fim da investigação, informou a assessoria."),
    ("it", "I commenti del ministro non saranno pubblicati prima della fine dell'indagine, ha detto il portavoce."),
]


FAIR_USE_NOTICE = (
    "FAIR USE NOTICE. This site may contain copyrighted material the use of which has not always been "
    "specifically authorized by the copyright owner. We are making such material available in our efforts to "
    "advance understanding of environmental, political, human rights, economic and social justice issues. We "
    "believe this constitutes a 'fair use' of any such copyrighted material as provided for in section 107 of "
    "the US Copyright Law. If you wish to use copyrighted material from this site for purposes of your own "
    "that go beyond 'fair use', you must obtain permission from the copyright owner."
)


def test_footer_drops_a_reposting_sites_fair_use_notice() -> None:
    # one long paragraph of stock sentences: each is cue wording, and together they cover it
    article = ARTICLE_IN["en"]
    result = cleaner.clean_and_explain(P([*article, FAIR_USE_NOTICE]), pipeline=["footer"])
    assert FAIR_USE_NOTICE in _removed(result) and all(p in result.text for p in article)


def test_footer_keeps_a_story_about_fair_use() -> None:
    ruling = (
        "The court found that quoting four paragraphs of the report was a fair use under section 107 of the "
        "Copyright Act, because the newspaper used them to criticise the company's claims."
    )
    result = cleaner.clean_and_explain(P([*ARTICLE_IN["en"], ruling]), pipeline=["footer"])
    assert ruling in result.text


# NGO page widgets and furniture that a probe of typical lines found kept between two paragraphs
NGO_PAGE_FURNITURE = [
    "Available in: English Français Español",  # a language switcher with its lead words
    "Also available in: Español",
    "Disponible en : English, Español",
    "Other ways to share",  # the link to a share bar's longer list
    "Download the full report (PDF, 2.3 MB)",  # a download link that gives the file's format and size
    "Télécharger le rapport (PDF - 1,2 Mo)",
    "1,234 people have signed",  # a petition counter
    "Oxfam is a registered charity in England and Wales (no 202918) and Scotland (SC039042).",
    "We will never share your data with third parties.",  # a sign-up form's reassurance
    "Please enter a valid email address.",
    "Join our movement today.",
    "Update your browser for more security, speed and the best experience on this site.",
    "Footer navigation",  # a screen-reader landmark printed as text
    "Listen on Spotify",  # a podcast's platform buttons
    "Apple Podcasts",
    "Duration: 3:45",  # a media player's duration
    "Header image:",
    "For more information, please contact:",  # the press office's lead above a contact
]
# the same words in sentences of a story: no whole line of them, no file size, no "we ... your"
NGO_FURNITURE_TRAPS = [
    "The report is available in English, French and Spanish.",
    "Download the app to read the report, which runs to 120 pages and 2.3 MB of annexes.",
    "More than 1,234 people have signed up for the training since January, the organisers said.",
    "The company said it would never share users' data with third parties without their consent.",
    "For more information on the scheme, families can contact the council's housing office on weekdays.",
    "The podcast, which is on Spotify and Apple Podcasts, has been downloaded a million times.",
]


WIDGET_LINES = [*SHARE_BUTTONS_WITH_AN_OBJECT, *MODERATION_NOTICES, *(("en", line) for line in NGO_PAGE_FURNITURE)]
WIDGET_TRAPS = [*MODERATION_TRAPS, *(("en", sentence) for sentence in NGO_FURNITURE_TRAPS)]


def _between_paragraphs(lang: str, line: str) -> tuple[str, str]:
    """A page of the language's article with `line` between its first two paragraphs (no run's
    end takes it away there), and the page cleaned."""
    article = ARTICLE_IN[lang]
    page = P([article[0], line, *article[1:]])
    return page, cleaner.clean(page, lang=lang)


@pytest.mark.parametrize(("lang", "line"), WIDGET_LINES, ids=lambda v: str(v)[:24])
def test_widget_lines_go_from_between_paragraphs(lang: str, line: str) -> None:
    _, out = _between_paragraphs(lang, line)
    assert line not in out and all(p in out for p in ARTICLE_IN[lang])


@pytest.mark.parametrize(("lang", "sentence"), WIDGET_TRAPS, ids=lambda v: str(v)[:24])
def test_sentences_with_a_widgets_words_stay(lang: str, sentence: str) -> None:
    page, out = _between_paragraphs(lang, sentence)
    assert out == page + "\n"


def test_screen_reader_text_opening_a_paragraph_is_no_part_of_its_line() -> None:
    # "<span class='sr-only'>Quote: </span>" opening a paragraph gave the whole paragraph its
    # frame, and the paragraph went as screen-reader text; the inline text is unseen, the rest is not
    para = "“Nobody should freeze in this city this winter,” says the deacon who runs the cold-weather bus."
    page = (
        f"<body><article><h1>Cold-weather help at its limit</h1><p>{LONG}</p>"
        f"<p><span class='sr-only'>Quote: </span>{para}</p>"
        f"<p>Read <span hidden>more </span>on.</p>"
        "<div class='sr-only'><p>Skip the related stories</p></div></article></body>"
    )
    result = cleaner.clean_and_explain(page, pipeline=["dom_structure"])
    assert result.text == P(["Cold-weather help at its limit", LONG, para, "Read on."]) + "\n"
    # a block-level screen-reader element is still a block the filter drops, with its reason
    reasons = {d.text: d.reason for d in result.decisions}
    assert reasons["Skip the related stories"] == "inside an element marked 'sr-only'"


def test_dom_structure_reads_glued_component_names_of_css_modules_classes() -> None:
    # React components named in PascalCase ("DonateBox", "ShareBar") reach the parser lower-cased and
    # glued: read as owner + chrome word + region without separators, and only as whole names
    chrome = {
        "DonateBox_box__h5Jk8": "With 30 euros a family can buy food for a week.",
        "SiteFooter_inner__Ll0pq": "Registered charity number 1094521, 17 Farringdon Road.",
    }
    kept = {
        "Commentary_body__ab12c": "The minister's reply came two weeks after the letter was sent to her office.",
        "Shareholders_report__x1y2z": "The company's annual meeting voted against the new coal project.",
    }
    article = f"<h1>Drought</h1>{THREE_PARAGRAPHS}{_boxed({**chrome, **kept})}"
    page = f"<body><main class='Article_main__rr2_6'>{article}</main></body>"
    assert _dom_removals(page) == set(chrome.values())


def test_dom_structure_reads_chrome_classes_named_in_the_sites_language() -> None:
    chrome = {
        "partage": "Partager Facebook LinkedIn E-mail",
        "mots-cles": "Soudan Urgence",
        "fusszeile": "Stadtmission Nord e. V. Steindamm 12 Hamburg",
        "fil-ariane": "Accueil Actualités Soudan",
    }
    # a page-state class or a longer name holding such a word is no region
    kept = {"teilen-enabled": "Die Stadt öffnet zwei weitere Notunterkünfte.", "repartage": "Un texte de la rédaction."}
    page = f"<body><div class='contenu'><h1>Soudan</h1>{THREE_PARAGRAPHS}{_boxed({**chrome, **kept})}</div></body>"
    assert _dom_removals(page) == set(chrome.values())


def test_dom_structure_reads_drupal_regions_and_itcss_prefixes() -> None:
    # Drupal's "region-footer", "region-sidebar-second"; ITCSS/atomic "o-footer": chrome like "site-footer"
    chrome = {
        "region region-sidebar-second": "We are independent: we take no money from governments.",
        "region region-footer": "Labour Rights Watch, Rue Royale 100, 1000 Brussels.",
        "o-footer": "Registered charity in England and Wales (1012345).",
    }
    page = f"<body><div class='region region-content'><h1>Cobalt</h1>{THREE_PARAGRAPHS}</div>{_boxed(chrome)}</body>"
    assert _dom_removals(page) == set(chrome.values())
    # Bootstrap's "sticky-footer" wraps the whole page, footer and all: "sticky" owns no region
    wrapped = f"<h1>Cobalt</h1>{THREE_PARAGRAPHS}<footer><p>Imprint</p></footer>"
    assert _dom_removals(f"<body><div class='sticky-footer'>{wrapped}</div></body>") == {"Imprint"}


def test_dom_structure_reads_consent_managers_named_in_compounds() -> None:
    # the vendors' own ids: glued ("CybotCookiebotDialog", "tarteaucitronRoot") or in compounds
    body = THREE_PARAGRAPHS
    chrome = {
        "onetrust-banner-sdk": "We use cookies to improve your experience on our site.",
        "CybotCookiebotDialog": "Este sitio web utiliza cookies propias y de terceros.",
        "tarteaucitronRoot": "En poursuivant votre navigation, vous acceptez les cookies.",
        "iubenda-cs-banner": "Noi e terze parti selezionate utilizziamo cookie.",
    }
    boxes = "".join(f"<div id='{name}'><p>{text}</p></div>" for name, text in chrome.items())
    page = f"<body>{boxes}<article class='post tag-cookiebot'><h1>Floods</h1>{body}</article></body>"
    assert _dom_removals(page) == set(chrome.values())
    # a cookie policy page wrapped in the vendor's document element is the page's text, not its banner
    paras = [f"{LONG} {LONG.replace('fifty', str(n))}" for n in range(3)]
    policy = "".join(f"<p>{para}</p>" for para in paras)
    policy = f"<body><div id='cmplz-document' class='cmplz-document'><h1>Cookie policy</h1>{policy}</div></body>"
    assert cleaner.clean(policy, pipeline=["dom_structure"]) == P(["Cookie policy", *paras]) + "\n"
