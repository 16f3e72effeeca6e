from market_fixtures import d, table_from

from tickerwire.market.coverage import infer_closures, table_coverage
from tickerwire.market.returns import session_change
from tickerwire.market.series import PriceSeries

# Three Hong Kong files around the typhoon closure of Friday 2023-09-01 (no file has a row), and
# a fourth that also misses 2023-09-05 (a gap in that file only). One has a holiday filler row.
BASE = "Date,Close\n2023-08-30,10\n2023-08-31,10.2\n2023-09-04,10.5\n2023-09-05,10.4\n"


def tables():
    gap = BASE.replace("2023-09-05,10.4\n", "")
    filler = BASE + "2023-09-09,10.4\n"  # a Saturday
    return [
        table_from(BASE, "0001.HK", "a.csv"),
        table_from(BASE, "0002.HK", "b.csv"),
        table_from(filler, "0003.HK", "c.csv"),
        table_from(gap, "0005.HK", "d.csv"),
    ]


def test_coverage_reports_missing_sessions_and_off_calendar_rows(xhkg):
    a, _, c, _ = tables()
    coverage = table_coverage(a, xhkg)
    assert coverage.missing_sessions == (d("2023-09-01"),)
    assert table_coverage(c, xhkg).off_calendar_rows == (d("2023-09-09"),)
    assert "no price" in coverage.describe()


def test_a_session_every_file_lacks_is_a_closure_and_the_next_change_spans_it(calendars):
    loaded = tables()
    closures = infer_closures(loaded, calendars)
    assert closures == {"XHKG": frozenset({d("2023-09-01")})}
    series = PriceSeries.from_tables("0001.HK", [loaded[0]])
    before = session_change(series, calendars.get("XHKG"), d("2023-09-04"))
    assert before.pct is None
    adjusted = calendars.with_closures(closures).get("XHKG")
    after = session_change(series, adjusted, d("2023-09-04"))
    assert after.start == d("2023-08-31") and after.pct is not None
    # Two files are not enough to close an exchange.
    assert infer_closures(loaded[:2], calendars) == {}
