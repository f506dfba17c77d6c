"""Marking matches and turning them into HTML, shared by both search backends."""

from search.highlight import START, STOP, mark_snippet, mark_title, parse, to_html


def test_parse_reads_a_query_like_websearch_to_tsquery():
    parsed = parse('Radweg "Beirat  Stadtregion" -Auto OR Veloroute')
    assert parsed.groups == (("Radweg", "Beirat Stadtregion"), ("Veloroute",))
    assert parsed.excluded == ("Auto",)
    assert parse('"" - OR or').groups == ()
    assert parse('"offen').groups == (("offen",),)


def test_to_html_escapes_everything_and_marks_only_whole_pairs():
    html = to_html(f"<b>{START}A&B{STOP}</b> {STOP}rest{START} {START}x")
    assert html == "&lt;b&gt;<mark>A&amp;B</mark>&lt;/b&gt; rest x"


def test_content_cannot_forge_markers():
    marked = mark_title(f"{START}<i>{STOP} Wohnen", ["wohnen"])
    assert to_html(marked) == "&lt;i&gt; <mark>Wohnen</mark>"


def test_a_snippet_is_a_window_around_the_first_match():
    text = " ".join(f"wort{i}" for i in range(200)) + " Klimaschutz " + "ende " * 100
    snippet = mark_snippet(text, ["klimaschutz"])
    assert snippet.startswith("… ") and snippet.endswith(" …")
    assert f"{START}Klimaschutz{STOP}" in snippet
    assert len(snippet) < 260


def test_a_snippet_without_a_match_is_the_start_of_the_text():
    assert mark_snippet("Kurzer Text.", ["fehlt"]) == "Kurzer Text."
    assert mark_snippet("a " * 300, []).endswith(" …")


def test_words_are_marked_in_every_spelling_the_search_accepts():
    text = "Die Stadt Münster und Energieberatungstage"
    for keys in (["muenster"], ["munster"], ["energieberatung"]):
        marked = mark_snippet(text, keys)
        assert marked.count(START) == 1, keys
    assert mark_title("Münster", ["munster"]) == f"{START}Münster{STOP}"
