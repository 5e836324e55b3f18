"""What news and blog pages put around an article, as a reader copies it with the article:
16 site styles written for these tests (no site's text is copied), each a header (between
the title and the first paragraph) and a trailer (after the last paragraph), and the source
name the cleaner should find in them, if any.

The cleaner knows none of these lines: it strips them by what they are (a share bar, a
count, a prompt, a credit, a byline, a timestamp, short lines that are no sentence)."""

from __future__ import annotations

from typing import NamedTuple


class Style(NamedTuple):
    name: str
    header: tuple[str, ...]
    trailer: tuple[str, ...]
    source: str | None = None


STYLES = (
    Style(
        "public broadcaster",
        ("By Amelia Hart", "Political correspondent", "", "Published 3 hours ago", "",
         "Share", "", "Image source, Getty Images", "Image caption,", "Protesters outside"),
        ("", "Related topics", "", "Elections", "Parliament", "", "More on this story", "",
         "Ministers to publish plans for the new tax", "", "Published 2 days ago", "",
         "Top stories", "", "Floods close roads across the north"),
    ),
    Style(
        "wire service",
        ("Updated 3 min ago", ""),
        ("", "Reporting by Tom Reyes; Editing by Sara Klein", "",
         "Our Standards: The Trust Principles.", "", "Reuters"),
        "Reuters",
    ),
    Style(
        "agency with share bar",
        ("Share on Facebook  Share on Twitter  Share via Email", "",
         "By JOHN MILLER and ANA LOPEZ", "March 4, 2019", ""),
        ("", "___", "", "Associated Press writer Dana Cole contributed.", "", "AP",
         "", "Copyright 2019 The Associated Press. All rights reserved.", "",
         "Facebook Twitter Email Print"),
        "AP",
    ),
    Style(
        "international broadcaster",
        (),
        ("", "VOA News", "", "– – –", "", "Related posts", "", "Comments", "", "\u00a0",
         "\u00a0 \u00a0"),
        "VOA News",
    ),
    Style(
        "newspaper with comments",
        ("Fri 8 Mar 2019 06.00 GMT", "Last modified on Fri 8 Mar 2019 09.12 GMT", "",
         "Shares", "412", "", "Comments", "187", ""),
        ("", "Topics", "", "Economics", "Banking", "Europe", "", "Reuse this content", "",
         "comments (187)", "", "Sign in or create your account to join the discussion.", "",
         "PennyLane42", "12h ago", "", "This is exactly what everyone expected to happen.",
         "", "Reply", "Share", "Report", "", "oldtimer", "11h ago", "",
         "Nobody could have predicted it, apart from everybody.", "", "Reply"),
    ),
    Style(
        "blog on a hosted platform",
        ("Jane Park", "", "Follow", "", "5 min read", "·", "Mar 3, 2019", "", "--", "", "12",
         "", "Listen", "", "Share", ""),
        ("", "--", "", "--", "", "12", "", "Sign up to discover human stories that deepen your"
         " understanding of the world.", "", "Free", "", "Distraction-free reading. No ads.",
         "", "Get the app", "", "Written by Jane Park", "", "1.2K Followers", "",
         "More from Jane Park"),
    ),
    Style(
        "self-hosted blog",
        ("Posted on March 3, 2019 by admin", "", "Posted in News, Politics", ""),
        ("", "Share this:", "", "Twitter", "Facebook", "LinkedIn", "", "Like this:", "",
         "Like Loading...", "", "Related", "", "Why the vote was delayed", "March 1, 2019",
         "In \"Politics\"", "", "Tags: election, vote", "", "Leave a Reply Cancel reply", "",
         "Your email address will not be published. Required fields are marked *", "",
         "Comment", "", "Name *", "", "Email *", "", "Website", "",
         "Save my name, email, and website in this browser for the next time I comment.", "",
         "Post Comment"),
    ),
    Style(
        "newsletter platform",
        ("Subscribe", "", "Share", "", "Mar 3", "", "Share this post", ""),
        ("", "Thanks for reading! Subscribe for free to receive new posts and support my work.",
         "", "Subscribe", "", "Share", "", "12 Likes", "", "4 Comments", "", "Share",
         "", "Ready for more?", "", "Subscribe"),
    ),
    Style(
        "local newspaper",
        ("Photo: Staff photographer / The Courier", "", "By Mark Ellis, Staff Writer",
         "Updated 6:42 p.m. EST, March 3, 2019", ""),
        ("", "Mark Ellis covers city hall. Contact him at 555-0134.", "",
         "Most Popular", "", "1. Council delays vote on parking fees",
         "2. New bakery opens downtown", "3. School board names new head", "",
         "We use cookies to improve your experience. By continuing to browse you agree to our"
         " use of cookies.", "", "Accept"),
    ),
    Style(
        "magazine",
        ("By Lena Fischer", "", "6 minute read", "", "Illustration: Sam Wood", ""),
        ("", "More From This Issue", "", "The long road back", "", "Why cities are shrinking",
         "", "Sign up for our weekly newsletter", "", "Email address", "", "Sign up", "",
         "Advertisement"),
    ),
    Style(
        "business news",
        ("Updated on March 3, 2019 at 6:00 AM GMT", "", "Listen to this article", "",
         "Gift this article", ""),
        ("", "Read more: Markets slip as investors wait for data", "",
         "Before it's here, it's on the terminal.", "", "Terms of Service", "Privacy Policy",
         "© 2019 All Rights Reserved"),
    ),
    Style(
        "portal",
        ("Yesterday, 10:14 am", "", "Share", "", "Tweet", "", "Email", ""),
        ("", "View comments (48)", "", "Recommended stories", "", "Markets open higher",
         "", "Sports roundup", "", "Advertisement", "", "Download the app", "",
         "Get the news first: download our app for iPhone and Android."),
    ),
    Style(
        "tabloid",
        ("By KATE MORGAN FOR THE DAILY PAPER", "", "PUBLISHED: 10:14 GMT, 3 March 2019 |"
         " UPDATED: 12:01 GMT, 3 March 2019", "", "102", "shares", "", "View comments", ""),
        ("", "Share or comment on this article:", "", "Share", "", "Comments 102", "",
         "Most Read", "", "Star steps out in bold look", "", "Back to top"),
    ),
    Style(
        "regional broadcaster",
        ("Last updated on: March 3, 2019 | 10:14 am", "", "Follow us on Twitter", ""),
        ("", "More In This Section", "", "Police appeal after crash", "",
         "Weather warning for the weekend", "", "Follow @NewsDesk", "", "Send us your tips",
         "", "Contact us"),
    ),
    Style(
        "aggregator",
        ("Source: Example Wire", "", "2 hours ago", ""),
        ("", "Continue reading on the publisher's site", "", "Sponsored", "",
         "You may also like", "", "Ten tricks for a tidy kitchen", "",
         "The best walks in the hills"),
    ),
    Style(
        "news site with tags and author box",
        ("Filed under: Politics", "", "By Ravi Shah", "", "March 3, 2019", ""),
        ("", "Tags: budget, parliament, tax", "", "About the author", "",
         "Ravi Shah reports on politics and has covered three elections.", "",
         "Editor's note: This article was updated to correct the date of the vote.", "",
         "Related stories", "", "Budget day: what to expect", "", "Print this article"),
    ),
)  # fmt: skip


def wrap(title: str, paragraphs: list[str], style: Style) -> str:
    """The article as copied from a page of ``style``: title, header, paragraphs, trailer."""
    body = "\n\n".join(paragraphs)
    header = "\n".join(style.header)
    trailer = "\n".join(style.trailer)
    return f"{title}\n\n{header}\n\n{body}\n{trailer}\n"
