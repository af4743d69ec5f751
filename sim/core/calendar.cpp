#include "core/calendar.hpp"

#include <charconv>
#include <cmath>
#include <cstdio>

namespace parcours::core {

namespace {

using std::chrono::days;
using std::chrono::sys_days;

int year_of(Date d) { return static_cast<int>(d.year()); }
int month_of(Date d) { return static_cast<int>(static_cast<unsigned>(d.month())); }

bool parse_int(std::string_view text, int& out) {
  if (text.empty()) return false;
  const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return ec == std::errc() && ptr == text.data() + text.size();
}

}  // namespace

FiscalQuarter FiscalQuarter::from_index(int index) {
  const int year = index >= 0 ? index / 4 : (index - 3) / 4;
  return FiscalQuarter{year, index - year * 4 + 1};
}

std::string FiscalQuarter::fiscal_year_label() const {
  return std::to_string(year) + "-" + std::to_string(year + 1);
}

std::string FiscalQuarter::label() const {
  return fiscal_year_label() + " Q" + std::to_string(quarter);
}

std::optional<Date> parse_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  int y = 0;
  int m = 0;
  int d = 0;
  if (!parse_int(text.substr(0, 4), y) || !parse_int(text.substr(5, 2), m) ||
      !parse_int(text.substr(8, 2), d)) {
    return std::nullopt;
  }
  const Date date{std::chrono::year{y}, std::chrono::month{static_cast<unsigned>(m)},
                  std::chrono::day{static_cast<unsigned>(d)}};
  if (!date.ok()) return std::nullopt;
  return date;
}

std::string format_date(Date date) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02u", year_of(date), month_of(date),
                static_cast<unsigned>(date.day()));
  return buffer;
}

FiscalQuarter fiscal_quarter_of(Date date) {
  const int m = month_of(date);
  const int y = year_of(date);
  // April (4) opens quarter 1; January-March belong to the fiscal year that began last April.
  if (m >= 4) return FiscalQuarter{y, (m - 4) / 3 + 1};
  return FiscalQuarter{y - 1, 4};
}

int agreement_year_of(Date date) { return month_of(date) >= 7 ? year_of(date) : year_of(date) - 1; }

Calendar::Calendar(Date start) : start_(start), start_days_(sys_days{start}) {}

Date Calendar::date_at(Time t) const {
  return Date{start_days_ + days{static_cast<long>(std::floor(t))}};
}

Time Calendar::time_of(Date date) const {
  return static_cast<Time>((sys_days{date} - start_days_).count());
}

FiscalQuarter Calendar::fiscal_quarter_at(Time t) const { return fiscal_quarter_of(date_at(t)); }

int Calendar::fiscal_year_at(Time t) const { return fiscal_quarter_at(t).year; }

int Calendar::agreement_year_at(Time t) const { return agreement_year_of(date_at(t)); }

Date FiscalQuarter::first_day() const {
  // Quarter q of fiscal year y starts on the first day of month 4 + 3(q-1) of year y
  // (months past December roll into the next calendar year).
  int month = 4 + 3 * (quarter - 1);
  int y = year;
  if (month > 12) {
    month -= 12;
    ++y;
  }
  return Date{std::chrono::year{y}, std::chrono::month{static_cast<unsigned>(month)},
              std::chrono::day{1}};
}

Time Calendar::start_of(FiscalQuarter q) const { return time_of(q.first_day()); }

Time Calendar::end_of(FiscalQuarter q) const {
  return start_of(FiscalQuarter::from_index(q.index() + 1));
}

int Calendar::month_at(Time t) const { return month_of(date_at(t)); }

}  // namespace parcours::core
