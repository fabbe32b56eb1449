// Calendar dates (Boost.Date_Time gregorian). No function here reads the wall clock:
// every rule gets its date passed in, so every deadline is testable (R13).
#pragma once

#include "jmdcm/error.hpp"

#include <boost/date_time/gregorian/gregorian_types.hpp>

#include <algorithm>

#include <optional>
#include <string>
#include <string_view>

namespace jmdcm {

using Date = boost::gregorian::date;

/// Full years of age on a given day.
inline int age_on(Date birth, Date on) {
    int years = on.year() - birth.year();
    if (on.month() < birth.month() || (on.month() == birth.month() && on.day() < birth.day())) --years;
    return years;
}

/// Date plus whole months after German civil law (BGB §188, R13): the same day number in the
/// target month, or that month's last day when it is shorter (31 Jan + 1 = 28/29 Feb); never
/// snapped to a month's end (28 Feb + 6 = 28 Aug, not 31 Aug, which Boost's month arithmetic
/// gives). Outside Boost's calendar (1400..9999) errc::json_bad_date.
inline Date add_months(Date d, int months) {
    const auto ymd = d.year_month_day();
    const long total = static_cast<long>(ymd.year) * 12 + (ymd.month - 1) + months;
    const long year = total / 12, month = total % 12 + 1;
    if (total < 0 || year < 1400 || year > 9999)
        fail(errc::json_bad_date, "", "", "the date " + std::to_string(months) + " months after " + std::to_string(ymd.year) +
                                               " falls outside the calendar (1400..9999)");
    const auto y = static_cast<unsigned short>(year), m = static_cast<unsigned short>(month);
    const unsigned short last = boost::gregorian::gregorian_calendar::end_of_month_day(y, m);
    return Date(y, m, std::min<unsigned short>(ymd.day, last));
}

/// First day of the month: R13 coarsens surviving dates to the month.
inline Date month_start(Date d) { return Date(d.year(), d.month(), static_cast<unsigned short>(1)); }

/// A date from numbers; Boost throws std::out_of_range for an impossible one.
inline Date make_date(int y, int m, int d) {
    return Date(static_cast<unsigned short>(y), static_cast<unsigned short>(m), static_cast<unsigned short>(d));
}

inline std::string to_iso(Date d) {  // by hand: snprintf showed up in profiles of document writing
    const auto ymd = d.year_month_day();
    const unsigned y = ymd.year, m = ymd.month, day = ymd.day;
    const char s[10] = {char('0' + y / 1000 % 10), char('0' + y / 100 % 10), char('0' + y / 10 % 10), char('0' + y % 10), '-',
                        char('0' + m / 10), char('0' + m % 10), '-', char('0' + day / 10), char('0' + day % 10)};
    return std::string(s, sizeof s);
}

/// Strict ISO 8601 calendar date "YYYY-MM-DD"; nullopt for anything else, including 2017-02-30.
inline std::optional<Date> parse_iso(std::string_view s) {
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
    auto num = [&](std::size_t pos, std::size_t len) -> int {
        int v = 0;
        for (std::size_t i = pos; i < pos + len; ++i) {
            if (s[i] < '0' || s[i] > '9') return -1;
            v = v * 10 + (s[i] - '0');
        }
        return v;
    };
    const int y = num(0, 4), m = num(5, 2), d = num(8, 2);
    if (y < 1400 || m < 1 || m > 12 || d < 1) return std::nullopt;  // Boost's supported range starts at 1400
    if (d > boost::gregorian::gregorian_calendar::end_of_month_day(static_cast<unsigned short>(y), static_cast<unsigned short>(m)))
        return std::nullopt;
    return make_date(y, m, d);
}

}  // namespace jmdcm
