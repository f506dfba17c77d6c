from decimal import Decimal

from figures import charts, summaries
from figures.models import Aggregation, Indicator
from figures.numbers import german


def _indicator(**values):
    defaults = {"name": "Bevölkerung", "subject": "Die Einwohnerzahl", "unit": "Personen"}
    return Indicator(**{**defaults, **values})


def test_numbers_are_written_the_german_way():
    assert german(Decimal("512345")) == "512.345"
    assert german(Decimal("6.75"), 1) == "6,8"
    assert german(Decimal("-1200")) == "−1.200"


def test_nice_ticks_cover_the_range_in_round_steps():
    assert charts.nice_ticks(481_938, 512_873) == [480_000, 490_000, 500_000, 510_000, 520_000]


def test_the_development_is_told_in_a_german_sentence():
    series = [(2014, Decimal(480000)), (2019, Decimal(500000)), (2023, Decimal(512345))]
    text = summaries.development(_indicator(), series)
    assert text == (
        "Die Einwohnerzahl der Region stieg von 480.000 Personen im Jahr 2014 auf 512.345 "
        "Personen im Jahr 2023, das sind plus 6,7 Prozent."
    )


def test_a_plural_subject_gets_a_plural_verb_and_a_fall_is_a_fall():
    indicator = _indicator(subject="Die fertiggestellten Wohnungen", subject_plural=True)
    text = summaries.development(indicator, [(2020, Decimal(900)), (2023, Decimal(600))])
    assert text.startswith("Die fertiggestellten Wohnungen der Region sanken von 900 Personen")
    assert "minus 33,3 Prozent" in text


def test_the_comparison_names_the_highest_and_lowest_town_and_missing_values():
    class Town:
        def __init__(self, name):
            self.name = name

    latest = [(Town("Münster"), Decimal(320946)), (Town("Havixbeck"), Decimal(12357)),
              (Town("Greven"), None)]  # fmt: skip
    text = summaries.comparison(_indicator(aggregation=Aggregation.SUM), 2023, latest, None)
    assert text == (
        "Im Jahr 2023 hatte Münster den höchsten Wert (320.946 Personen), Havixbeck den "
        "niedrigsten (12.357 Personen). Für 1 von 3 Kommunen fehlt der Wert."
    )


def test_bars_start_at_zero_and_missing_values_are_labelled_not_drawn():
    chart = charts.bar_chart([("A", Decimal(100)), ("B", Decimal(-50)), ("C", None)], 0)
    a, b, c = chart.bars
    assert a.x == chart.zero and a.width > b.width > 0
    assert b.x + b.width == chart.zero
    assert c.missing and c.value_label == "keine Angabe"


def test_the_line_runs_left_to_right_with_labels_away_from_it():
    series = [(2014 + i, Decimal(480_000 + 3_000 * i)) for i in range(10)]
    chart = charts.line_chart(series, 0)
    xs = [point.x for point in chart.points]
    assert xs == sorted(xs) and xs[0] == chart.left and xs[-1] == chart.right
    first, last = chart.points[0], chart.points[-1]
    assert first.show_label and last.show_label and not chart.points[1].show_label
    assert first.label_below and first.label_y > first.y  # the line rises from it
    assert not last.label_below and last.label_y < last.y
    assert chart.bottom > first.label_y  # clear of the year labels
    assert [tick.label for tick in chart.x_ticks] == ["2014", "2016", "2018", "2020", "2023"]
