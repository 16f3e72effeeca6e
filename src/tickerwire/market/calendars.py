"""Trading calendars: which days an exchange trades, and which exchange a listing trades on.

exchange_calendars knows every exchange's holidays (XHKG's lunar holidays and half days, XNYS's
early closes), but its calendars are slow to build (~0.1 s each) and its pandas-based lookups cost
tens of microseconds. So each calendar is built once per process, on first use, and turned into a
sorted tuple of `datetime.date` sessions: every question below is then a set lookup or a bisection.

Use the module functions (`is_session("XHKG", day)`, `previous_session`, ...) which share one
process-wide `TradingCalendars`, or pass a `TradingCalendars` around explicitly.

Half days (XHKG's Christmas and New Year's Eve mornings, XNYS's day after Thanksgiving) are full
sessions for daily prices: they have a close, so close-to-close changes are computed as usual;
`is_half_day` says so for messages. XHKG's lunch break does not matter to daily closes.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import warnings
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from tickerwire.errors import CalendarError
from tickerwire.link.reference import ReferenceData

# The earliest date we ask exchange_calendars for: the oldest price files we meet (Yahoo's AAPL
# history) start in December 1980. Calendars with a later bound start at their bound.
EARLIEST_CALENDAR_DATE = dt.date(1980, 1, 1)

# Exchange suffixes of Yahoo-style tickers, mapped to ISO 10383 MICs that exchange_calendars
# knows. Shenzhen (.SZ) has no calendar of its own there; it shares Shanghai's holidays.
SUFFIX_EXCHANGES: Mapping[str, str] = {
    "HK": "XHKG",
    "T": "XTKS",
    "L": "XLON",
    "SS": "XSHG",
    "SZ": "XSHG",
    "TW": "XTAI",
    "KS": "XKRX",
    "DE": "XETR",
    "F": "XFRA",
    "PA": "XPAR",
    "AS": "XAMS",
    "TO": "XTSE",
    "AX": "XASX",
    "SI": "XSES",
    "BO": "XBOM",
    "SW": "XSWX",
    "MI": "XMIL",
    "MC": "XMAD",
}

# Index codes of CONTRACT.md (and a few more) and the exchange whose sessions they follow.
INDEX_EXCHANGES: Mapping[str, str] = {
    "HSI": "XHKG",
    "HSTECH": "XHKG",
    "HSCEI": "XHKG",
    "SPX": "XNYS",
    "NDX": "XNYS",
    "COMP": "XNYS",
    "DJI": "XNYS",
    "RUT": "XNYS",
    "N225": "XTKS",
    "FTSE": "XLON",
    "SSEC": "XSHG",
}

# A plain ticker (no suffix) is a US listing. XNYS and XNAS share one calendar in
# exchange_calendars (XNAS is an alias), so the default needs no knowledge of the venue.
US_DEFAULT_EXCHANGE = "XNYS"


def exchange_for(ticker: str, reference: ReferenceData | None = None) -> str:
    """The MIC of the exchange a listing (or index code) trades on.

    The reference data's `Listing.exchange` wins when it knows the ticker; otherwise the Yahoo
    suffix rule (`9988.HK` -> XHKG, `7201.T` -> XTKS, `BABA` -> XNYS). Raises CalendarError for
    a suffix we do not know, rather than guessing a calendar.

    >>> exchange_for("9988.HK"), exchange_for("BABA"), exchange_for("HSI")
    ('XHKG', 'XNYS', 'XHKG')
    """
    code = ticker.strip().upper()
    if reference is not None:
        found = reference.by_ticker(code)
        if found is not None and found[1].exchange:
            return found[1].exchange
    if code in INDEX_EXCHANGES:
        return INDEX_EXCHANGES[code]
    if "." in code:
        suffix = code.rsplit(".", 1)[1]
        if suffix in SUFFIX_EXCHANGES:
            return SUFFIX_EXCHANGES[suffix]
        # US class shares are written BRK.B / BF.B: a one-letter suffix after a letters-only
        # root that is not an exchange suffix we know.
        root = code.rsplit(".", 1)[0]
        if len(suffix) == 1 and root.isalpha():
            return US_DEFAULT_EXCHANGE
        raise CalendarError(ticker, f"no exchange known for the ticker suffix .{suffix}")
    return US_DEFAULT_EXCHANGE


@dataclass(frozen=True)
class SessionCalendar:
    """The trading days of one exchange as plain dates (built by `TradingCalendars`)."""

    mic: str
    timezone: str
    sessions: tuple[dt.date, ...]
    half_days: frozenset[dt.date] = frozenset()
    closures: frozenset[dt.date] = frozenset()
    # Local opening and closing times as exchange_calendars states them: (first day of the
    # rule or None, time), oldest rule first; and the closing time of each early-closing day.
    open_times: tuple[tuple[dt.date | None, dt.time], ...] = ()
    close_times: tuple[tuple[dt.date | None, dt.time], ...] = ()
    early_closes: Mapping[dt.date, dt.time] = field(default_factory=dict, compare=False)
    _session_set: frozenset[dt.date] = field(default=frozenset(), repr=False, compare=False)

    def __post_init__(self) -> None:
        if not self._session_set:
            object.__setattr__(self, "_session_set", frozenset(self.sessions))

    @property
    def first(self) -> dt.date:
        return self.sessions[0]

    @property
    def last(self) -> dt.date:
        return self.sessions[-1]

    def covers(self, day: dt.date) -> bool:
        """True when the calendar knows whether `day` is a trading day."""
        return self.first <= day <= self.last

    def _check(self, day: dt.date) -> None:
        if not self.covers(day):
            raise CalendarError(
                self.mic, f"{day} is outside the calendar's range {self.first} .. {self.last}"
            )

    def is_session(self, day: dt.date) -> bool:
        """True when the exchange trades on `day` (half days included)."""
        self._check(day)
        return day in self._session_set

    def is_half_day(self, day: dt.date) -> bool:
        """True when `day` is a session that closes early."""
        return day in self.half_days

    def hours(self, day: dt.date) -> tuple[dt.time, dt.time] | None:
        """The local opening and closing times of session `day`; None when `day` is no session
        or the calendar was built without times."""
        if not self.is_session(day) or not self.open_times or not self.close_times:
            return None
        close = self.early_closes.get(day) or _time_on(self.close_times, day)
        return _time_on(self.open_times, day), close

    def previous_session(self, day: dt.date) -> dt.date:
        """The session on or before `day` (the trading day whose close was last known on `day`)."""
        self._check(day)
        index = bisect.bisect_right(self.sessions, day) - 1
        if index < 0:
            raise CalendarError(self.mic, f"no session on or before {day}")
        return self.sessions[index]

    def session_before(self, day: dt.date) -> dt.date:
        """The last session strictly before `day` (the base of `day`'s close-to-close change)."""
        self._check(day)
        index = bisect.bisect_left(self.sessions, day) - 1
        if index < 0:
            raise CalendarError(self.mic, f"no session before {day}")
        return self.sessions[index]

    def next_session(self, day: dt.date) -> dt.date:
        """The session on or after `day`."""
        self._check(day)
        index = bisect.bisect_left(self.sessions, day)
        if index >= len(self.sessions):
            raise CalendarError(self.mic, f"no session on or after {day}")
        return self.sessions[index]

    def sessions_between(self, start: dt.date, end: dt.date) -> tuple[dt.date, ...]:
        """The sessions from `start` to `end`, both included."""
        self._check(start)
        self._check(end)
        lo = bisect.bisect_left(self.sessions, start)
        hi = bisect.bisect_right(self.sessions, end)
        return self.sessions[lo:hi]

    def sessions_back(self, day: dt.date, count: int) -> tuple[dt.date, ...]:
        """The `count` sessions ending with the session on or before `day` (fewer at the start)."""
        end = bisect.bisect_right(self.sessions, day)
        return self.sessions[max(0, end - count) : end]

    def offset(self, day: dt.date, sessions: int) -> dt.date:
        """The session `sessions` trading days after (or, negative, before) session `day`."""
        if not self.is_session(day):
            raise CalendarError(self.mic, f"{day} is not a session")
        index = bisect.bisect_left(self.sessions, day) + sessions
        if not 0 <= index < len(self.sessions):
            raise CalendarError(self.mic, f"{sessions} sessions from {day} is outside the calendar")
        return self.sessions[index]

    def without(self, closures: frozenset[dt.date]) -> SessionCalendar:
        """This calendar with unscheduled closures (typhoons, days of mourning) removed."""
        if not closures:
            return self
        return SessionCalendar(
            mic=self.mic,
            timezone=self.timezone,
            sessions=tuple(d for d in self.sessions if d not in closures),
            half_days=self.half_days,
            closures=self.closures | closures,
            open_times=self.open_times,
            close_times=self.close_times,
            early_closes=self.early_closes,
        )

    def describe_non_session(self, day: dt.date) -> str:
        """Why `day` is not a session, in words: a weekend, a holiday or an unscheduled closure."""
        if day in self.closures:
            return f"{day} was an unscheduled closure of {self.mic} (no listing has a price)"
        if day.weekday() >= 5:
            return f"{day} is a {day.strftime('%A')}, not a trading day of {self.mic}"
        return f"{day} is an exchange holiday of {self.mic}"


def build_session_calendar(mic: str) -> SessionCalendar:
    """Build one exchange's SessionCalendar from exchange_calendars (slow: ~0.1 s)."""
    import exchange_calendars
    import pandas as pd

    if not exchange_calendars.calendar_utils.global_calendar_dispatcher.has_calendar(mic):
        raise CalendarError(mic, "no trading calendar known for this exchange code")
    # exchange_calendars calls pandas APIs that pandas 3 deprecates; the warnings say nothing
    # about our data, so they are silenced for the build only.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            start = pd.Timestamp(EARLIEST_CALENDAR_DATE)
            calendar = exchange_calendars.get_calendar(mic, start=start)
        except ValueError:
            # The exchange's calendar starts later than 1980 (XTKS: 1997): its default range.
            calendar = exchange_calendars.get_calendar(mic)
        sessions = tuple(ts.date() for ts in calendar.sessions)
        half_days = frozenset(ts.date() for ts in calendar.early_closes)
        early = calendar.closes.loc[calendar.early_closes]
        early_closes = {
            ts.date(): close.tz_convert(calendar.tz).time() for ts, close in early.items()
        }
    return SessionCalendar(
        mic=mic,
        timezone=str(calendar.tz),
        sessions=sessions,
        half_days=half_days,
        open_times=_rule_times(calendar.open_times),
        close_times=_rule_times(calendar.close_times),
        early_closes=early_closes,
    )


def _rule_times(
    rules: Iterable[tuple[object, dt.time]],
) -> tuple[tuple[dt.date | None, dt.time], ...]:
    """exchange_calendars' (start Timestamp or None, time) rules with plain dates."""
    return tuple(
        (None if start is None else start.date(), time)  # type: ignore[attr-defined]
        for start, time in rules
    )


def _time_on(rules: tuple[tuple[dt.date | None, dt.time], ...], day: dt.date) -> dt.time:
    """The time of the last rule that started on or before `day` (the first rule has no start)."""
    found = rules[0][1]
    for start, time in rules:
        if start is None or start <= day:
            found = time
    return found


class TradingCalendars:
    """Session calendars by MIC, each built on first use and kept for the life of the object.

    `extra_closures` removes sessions exchange_calendars does not know were closed (Hong Kong's
    typhoon and black-rainstorm days, such as 2023-09-01 and 2023-09-08); see
    `coverage.infer_closures`, which finds them in loaded price files.
    """

    def __init__(self, extra_closures: Mapping[str, Iterable[dt.date]] | None = None) -> None:
        self._built: dict[str, SessionCalendar] = {}
        self._base: dict[str, SessionCalendar] = {}
        self._closures = {
            mic.upper(): frozenset(days) for mic, days in (extra_closures or {}).items()
        }

    def with_closures(self, extra_closures: Mapping[str, Iterable[dt.date]]) -> TradingCalendars:
        """New calendars that also treat `extra_closures` as closed (calendars built are reused)."""
        merged = {mic: set(days) for mic, days in self._closures.items()}
        for mic, days in extra_closures.items():
            merged.setdefault(mic.upper(), set()).update(days)
        calendars = TradingCalendars(merged)
        calendars._base = {**self._base}
        return calendars

    def get(self, mic: str) -> SessionCalendar:
        """The SessionCalendar of `mic` (e.g. "XHKG"), built on first use."""
        key = mic.strip().upper()
        calendar = self._built.get(key)
        if calendar is None:
            base = self._base.get(key)
            if base is None:
                base = build_session_calendar(key)
                self._base[key] = base
            calendar = base.without(self._closures.get(key, frozenset()))
            self._built[key] = calendar
        return calendar

    def for_ticker(self, ticker: str, reference: ReferenceData | None = None) -> SessionCalendar:
        """The SessionCalendar of the exchange `ticker` trades on."""
        return self.get(exchange_for(ticker, reference))


@functools.lru_cache(maxsize=1)
def trading_calendars() -> TradingCalendars:
    """The process-wide TradingCalendars (calendars are immutable facts, so one is shared)."""
    return TradingCalendars()


def is_session(mic: str, day: dt.date) -> bool:
    """True when exchange `mic` trades on `day`."""
    return trading_calendars().get(mic).is_session(day)


def previous_session(mic: str, day: dt.date) -> dt.date:
    """The session of `mic` on or before `day`."""
    return trading_calendars().get(mic).previous_session(day)


def session_before(mic: str, day: dt.date) -> dt.date:
    """The last session of `mic` strictly before `day`."""
    return trading_calendars().get(mic).session_before(day)


def sessions_between(mic: str, start: dt.date, end: dt.date) -> tuple[dt.date, ...]:
    """The sessions of `mic` from `start` to `end`, both included."""
    return trading_calendars().get(mic).sessions_between(start, end)


def session_for_weekday(mic: str, reference_day: dt.date, weekday: int) -> dt.date | None:
    """The trading day a past-tense weekday name ("on Monday") means, written on `reference_day`.

    The latest date on or before `reference_day` falling on `weekday` (0 = Monday), if the
    exchange traded then; None when it was a holiday (the text then names a day with no close,
    and we do not guess which session was meant).

    >>> session_for_weekday("XHKG", dt.date(2025, 9, 6), 0)  # a Saturday, "on Monday"
    datetime.date(2025, 9, 1)
    """
    back = (reference_day.weekday() - weekday) % 7
    day = reference_day - dt.timedelta(days=back)
    return day if is_session(mic, day) else None
