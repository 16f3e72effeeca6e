import datetime as dt

from tickerwire.extract.dates import find_dates, find_periods
from tickerwire.extract.sentences import split_sentences
from tickerwire.extract.trading_days import is_session, last_session_on_or_before

FRIDAY = dt.date(2024, 3, 8)
MONDAY = dt.date(2024, 3, 11)


def days(text: str, published: dt.date | None) -> list[dt.date | None]:
    return [m.date for m in find_dates(text, published)]


def test_weekday_is_the_latest_on_or_before_publication():
    assert days("the stock slid on Friday", FRIDAY) == [FRIDAY]
    assert days("the stock slid on Friday", MONDAY) == [FRIDAY]
    assert days("trading resumed on Monday", MONDAY) == [MONDAY]
    assert days("it fell last Monday", MONDAY) == [dt.date(2024, 3, 4)]


def test_relative_words_without_publication_date_are_unknown():
    assert days("the shares fell yesterday and again on Tuesday", None) == [None, None]
    assert days("results are due Thursday next week", MONDAY)[0] is None


def test_yesterday_and_today():
    assert days("Yesterday the index closed higher", MONDAY) == [dt.date(2024, 3, 10)]
    assert days("today", MONDAY) == [MONDAY]


def test_explicit_dates_and_year_from_context():
    assert days("on March 1, 2024", None) == [dt.date(2024, 3, 1)]
    assert days("on 2024-03-01", None) == [dt.date(2024, 3, 1)]
    assert days("after touching a 2023 low on Oct. 26", None) == [dt.date(2023, 10, 26)]
    # without a year the date nearest to publication: December is last year in January
    assert days("since Dec. 28", dt.date(2024, 1, 9)) == [dt.date(2023, 12, 28)]
    assert days("since Dec. 28", None) == [None]


def test_reporting_periods():
    periods = find_periods("revenue for the three months ended September 30", dt.date(2024, 11, 5))
    assert periods[0].period_end == dt.date(2024, 9, 30)
    periods = find_periods("sales in the June quarter fell", dt.date(2024, 8, 20))
    assert periods[0].period_end == dt.date(2024, 6, 30)
    assert find_periods("in the June quarter", None)[0].period_end is None
    texts = [p.text for p in find_periods("fiscal first quarter and Q4 2024 and fiscal 2023", None)]
    assert texts == ["fiscal first quarter", "Q4 2024", "fiscal 2023"]


def test_trading_days_skip_weekends_and_holidays():
    assert last_session_on_or_before("XHKG", dt.date(2024, 3, 10)) == FRIDAY
    assert not is_session("XHKG", dt.date(2024, 2, 12))  # Lunar New Year holiday
    assert is_session("XNYS", dt.date(2024, 2, 12))


def test_sentences_keep_abbreviations_together():
    text = "Alibaba Group Holding Ltd. shares rose 3% on Jan. 5 in the U.S. market. Tencent fell."
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == [
        "Alibaba Group Holding Ltd. shares rose 3% on Jan. 5 in the U.S. market.",
        "Tencent fell.",
    ]
    assert text[sentences[1].start : sentences[1].end] == "Tencent fell."


def test_since_a_month_and_day_is_that_day_not_the_month():
    assert days("the stock has slid 9% since February 5.", MONDAY) == [dt.date(2024, 2, 5)]
    assert days("up 4% since February", MONDAY) == [dt.date(2024, 2, 1)]
    # a year after the month, then a number of something else: still the month
    assert days("in February 2023 12 analysts rated it a buy", MONDAY) == [dt.date(2023, 2, 1)]


def test_a_quarter_of_a_fiscal_year_is_one_period():
    # "second-quarter fiscal 2025": the quarter, not the whole fiscal year after it
    texts = [p.text for p in find_periods("Oracle posted second-quarter fiscal 2025 revenue", None)]
    assert texts == ["second-quarter fiscal 2025"]
    texts = [p.text for p in find_periods("its fourth quarter fiscal year 2023 sales", None)]
    assert texts == ["fourth quarter fiscal year 2023"]
    texts = [p.text for p in find_periods("a third-quarter FY24 loss", None)]
    assert texts == ["third-quarter FY24"]


def test_a_fiscal_year_apart_from_a_quarter_stays_its_own_period():
    texts = [p.text for p in find_periods("the first quarter, and fiscal 2024 as a whole", None)]
    assert texts == ["the first quarter", "fiscal 2024"]
    texts = [p.text for p in find_periods("fourth-quarter sales beat; fiscal 2024 guidance", None)]
    assert texts == ["fourth-quarter", "fiscal 2024"]


def test_a_year_naming_a_period_does_not_date_the_day_after_it():
    published = dt.date(2025, 1, 28)
    # the year of a reported period, of a split fiscal year or of another month is not the day's
    assert days("will report fourth-quarter 2024 results on Feb. 6", published) == [
        dt.date(2025, 2, 6)
    ]
    assert days("Q4 2024 sales, due on Feb. 6", published) == [dt.date(2025, 2, 6)]
    assert days("its 2024/25 fiscal year ending March 31", published)[-1] == dt.date(2025, 3, 31)
    assert days("from December 2023 to Jan. 10", published)[-1] == dt.date(2025, 1, 10)


def test_a_year_written_before_the_day_still_dates_it():
    published = dt.date(2025, 1, 28)
    assert days("after touching a 2023 low on Oct. 26", published) == [dt.date(2023, 10, 26)]
    assert days("In 2023, the shares peaked on July 19", published) == [dt.date(2023, 7, 19)]
