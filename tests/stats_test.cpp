// Period statistics: periods and their labels, HJ 663's percentile and data capture, calendar
// days from hours, and the days and hours of warnings, every number worked out by hand.
#include "hpa/stats.hpp"

#include <catch2/catch.hpp>

using namespace hpa;

namespace {
std::int64_t day(const char* date) { return parse_time(date).hour / 24; }
hour_t hour(const char* time) { return parse_time(time).hour; }
const heating_season northern;  // 15 November to 15 March

std::string label_of(period_by by, const char* date, const heating_season& hs = northern) {
  const auto id = period_of(by, day(date), hs);
  return id ? period_label(by, *id, hs) : "none";
}
std::string span_of(period_by by, const char* date, const heating_season& hs = northern) {
  const auto s = period_span(by, *period_of(by, day(date), hs), hs);
  return format_date(s.first_day * 24) + ".." + format_date(s.last_day * 24);
}

// The days emitted by a daily_mean fed `hours` values from `first` on (NaN = missing).
std::vector<std::pair<std::int64_t, double>> days_of(hour_t first, const std::vector<double>& hours) {
  std::vector<std::pair<std::int64_t, double>> out;
  daily_mean m;
  auto emit = [&](std::int64_t d, double v) { out.emplace_back(d, v); };
  for (std::size_t i = 0; i < hours.size(); ++i) m.push(first + static_cast<hour_t>(i), hours[i], emit);
  m.finish(emit);
  return out;
}

// The O3 daily maximum 8 h mean of a day whose hours 0 … last hold `value` (the rest missing).
double o3_max(int last, double value) {
  daily_concentrations dc;
  double got = -1;
  auto emit = [&](std::int64_t, const day_concentrations& c) { got = c[static_cast<std::size_t>(hj663_item::o3_8h)]; };
  for (int h = 0; h <= last; ++h) {
    concentrations c;
    c.o3 = value;
    dc.push(hour("2017-07-01T00:00") + h, c, emit);
  }
  dc.finish(emit);
  return got;
}
}  // namespace

TEST_CASE("stats: periods by name", "[stats]") {
  CHECK(parse_period_by("heating-season") == period_by::heating_season);
  CHECK(parse_period_by("winter") == period_by::winter);
  CHECK_FALSE(parse_period_by("season"));
}

TEST_CASE("stats: the period of a day, its label and span", "[stats]") {
  SECTION("month and year") {
    CHECK(label_of(period_by::month, "2016-12-19") == "2016-12");
    CHECK(span_of(period_by::month, "2016-02-10") == "2016-02-01..2016-02-29");
    CHECK(label_of(period_by::year, "2016-12-31") == "2016");
    CHECK(span_of(period_by::year, "2016-07-01") == "2016-01-01..2016-12-31");
    CHECK(label_of(period_by::all, "2016-07-01") == "all");
  }
  SECTION("winter: October to March, named by both years") {
    CHECK(label_of(period_by::winter, "2016-10-01") == "2016-17");
    CHECK(label_of(period_by::winter, "2017-03-31") == "2016-17");
    CHECK(label_of(period_by::winter, "2017-04-01") == "none");
    CHECK(label_of(period_by::winter, "2016-09-30") == "none");
    CHECK(label_of(period_by::winter, "2000-01-15") == "1999-00");
    CHECK(span_of(period_by::winter, "2016-01-15") == "2015-10-01..2016-03-31");
  }
  SECTION("heating season: the profile's, both ends included") {
    CHECK(label_of(period_by::heating_season, "2016-11-14") == "none");
    CHECK(label_of(period_by::heating_season, "2016-11-15") == "2016-17");
    CHECK(label_of(period_by::heating_season, "2017-03-15") == "2016-17");
    CHECK(label_of(period_by::heating_season, "2017-03-16") == "none");
    CHECK(span_of(period_by::heating_season, "2017-01-01") == "2016-11-15..2017-03-15");
    const heating_season january{{1, 1}, {2, 28}};  // within one year: named by it
    CHECK(label_of(period_by::heating_season, "2017-02-28", january) == "2017");
    CHECK(label_of(period_by::heating_season, "2017-03-01", january) == "none");
  }
}

TEST_CASE("stats: HJ 663's percentile", "[stats]") {
  // the worked example: {2,3,4,4,5,8}, k = 1 + 5 × 0.9 = 5.5, 5 + (8 − 5) × 0.5
  CHECK(hj663_percentile({3, 4, 8, 2, 5, 4}, 90) == Approx(6.5));
  std::vector<double> twenty;
  for (int i = 1; i <= 20; ++i) twenty.push_back(i);
  CHECK(hj663_percentile(twenty, 95) == Approx(19.05));  // k = 1 + 19 × 0.95 = 19.05
  CHECK(hj663_percentile(twenty, 100) == 20);
  CHECK(hj663_percentile(twenty, 0) == 1);
  CHECK(hj663_percentile({7}, 90) == 7);
  CHECK(std::isnan(hj663_percentile({}, 90)));
}

TEST_CASE("stats: a calendar day's mean needs 20 of its 24 hours", "[stats]") {
  const double nan = std::nan("");
  std::vector<double> hours(48, 100);
  for (int h = 0; h < 4; ++h) hours[static_cast<std::size_t>(h)] = nan;    // day 1: 20 values
  for (int h = 24; h < 29; ++h) hours[static_cast<std::size_t>(h)] = nan;  // day 2: 19
  hours[5] = 300;                                                          // day 1: (19 × 100 + 300) / 20
  const auto d = days_of(hour("2016-12-01T00:00"), hours);
  REQUIRE(d.size() == 2);
  CHECK(d[0].first == day("2016-12-01"));
  CHECK(d[0].second == 110);
  CHECK(d[1].first == day("2016-12-02"));
  CHECK(std::isnan(d[1].second));
  // a series starting at 08:00: its first day has 16 hours, not a valid day
  const auto late = days_of(hour("2016-12-01T08:00"), std::vector<double>(40, 100));
  REQUIRE(late.size() == 2);
  CHECK(std::isnan(late[0].second));
  CHECK(late[1].second == 100);
}

TEST_CASE("stats: daily concentrations as HJ 663 takes them", "[stats]") {
  SECTION("24 h means with 20 hours, the others not valid") {
    daily_concentrations dc;
    day_concentrations got{};
    auto emit = [&](std::int64_t, const day_concentrations& c) { got = c; };
    for (int h = 0; h < 24; ++h) {
      concentrations c;
      c.pm25 = h < 20 ? 50 + h : std::nan("");  // hours 0 … 19: 50 … 69, mean 59.5
      c.co = h < 19 ? 1.0 : std::nan("");       // 19 hours: not valid
      c.so2 = 10;
      dc.push(hour("2017-01-05T00:00") + h, c, emit);
    }
    dc.finish(emit);
    CHECK(got[static_cast<std::size_t>(hj663_item::pm25)] == Approx(59.5));
    CHECK(std::isnan(got[static_cast<std::size_t>(hj663_item::co)]));
    CHECK(got[static_cast<std::size_t>(hj663_item::so2)] == 10);
    CHECK(std::isnan(got[static_cast<std::size_t>(hj663_item::pm10)]));
  }
  SECTION("what each value stands on: its valid hours, valid or not; O3 its valid 8 h means") {
    daily_concentrations dc;
    day_concentrations got{};
    day_counts n{};
    auto emit = [&](std::int64_t, const day_concentrations& c, const day_counts& k) { got = c, n = k; };
    for (int h = 0; h < 24; ++h) {
      concentrations c;
      c.pm25 = h < 20 ? 50 : std::nan("");
      c.co = h < 19 ? 1.0 : std::nan("");
      c.o3 = h <= 18 ? 100 : std::nan("");  // windows ending 07 … 20 have 6 hours or more: 14
      dc.push(hour("2017-01-05T00:00") + h, c, emit);
    }
    dc.finish(emit);
    CHECK(n[static_cast<std::size_t>(hj663_item::pm25)] == 20);
    CHECK(n[static_cast<std::size_t>(hj663_item::co)] == 19);
    CHECK(std::isnan(got[static_cast<std::size_t>(hj663_item::co)]));
    CHECK(n[static_cast<std::size_t>(hj663_item::pm10)] == 0);
    CHECK(n[static_cast<std::size_t>(hj663_item::o3_8h)] == 14);
    CHECK(got[static_cast<std::size_t>(hj663_item::o3_8h)] == 100);
  }
  SECTION("the O3 daily maximum 8 h mean: 14 of the day's 17 windows") {
    CHECK(o3_max(23, 100) == 100);
    CHECK(o3_max(18, 100) == 100);       // windows ending 07 … 20 have 6 hours: 14 valid
    CHECK(std::isnan(o3_max(17, 100)));  // 13 valid
    CHECK(o3_max(12, 200) == 200);       // 8 valid, but their maximum exceeds 160
    CHECK(std::isnan(o3_max(12, 160)));  // 160 is the limit, not above it
  }
  SECTION("the highest 8 h mean of the day, from its own hours") {
    daily_concentrations dc;
    double got = 0;
    auto emit = [&](std::int64_t, const day_concentrations& c) {
      got = c[static_cast<std::size_t>(hj663_item::o3_8h)];
    };
    for (int h = 0; h < 24; ++h) {
      concentrations c;
      c.o3 = h >= 12 && h <= 15 ? 200 : 40;  // 4 hours at 200: the best window holds them all
      dc.push(hour("2017-07-01T00:00") + h, c, emit);
    }
    dc.finish(emit);
    CHECK(got == Approx((4 * 200 + 4 * 40) / 8.0));
  }
}

TEST_CASE("stats: days, categories, heavy-pollution days and the peak", "[stats]") {
  station_stats s(period_by::month, northern, 3);
  const std::pair<const char*, double> days[] = {
      {"2016-12-01", 50},    {"2016-12-02", 51},  {"2016-12-03", 100}, {"2016-12-04", 100.5}, {"2016-12-05", 200},
      {"2016-12-06", 200.2}, {"2016-12-07", 300}, {"2016-12-08", 429}, {"2016-12-09", 429},   {"2017-01-01", 80}};
  for (auto [d, aqi] : days) s.add_day_aqi(day(d), aqi);
  s.add_day_aqi(day("2016-12-10"), std::nan(""));  // data, no valid daily AQI
  REQUIRE(s.periods().size() == 2);
  const auto& dec = s.periods().at(2016 * 12 + 11);
  CHECK(dec.days_valid == 9);
  // 50 优; 51, 100 良; 100.5 rounds up to 101: 轻度; 200 中度; 200.2, 300 重度; 429 × 2 严重
  CHECK(dec.category_days == std::array<int, 6>{1, 2, 1, 1, 2, 2});
  CHECK(dec.heavy_pollution_days == 4);  // over 200: 200 itself is not
  CHECK(dec.peak == 429);
  CHECK(dec.peak_day == day("2016-12-08"));  // the first of the tie
  CHECK(dec.excellent_good_share() == Approx(100.0 * 3 / 9));
  const auto span = s.span(2016 * 12 + 11, dec);
  CHECK(span.first_day == day("2016-12-01"));
  CHECK(span.last_day == day("2016-12-31"));
  CHECK(dec.last_day == day("2016-12-10"));  // the data's last day, invalid as it is
}

TEST_CASE("stats: a period without data inside the data's span counts 0 days", "[stats]") {
  SECTION("months") {
    station_stats s(period_by::month, northern, 3);
    s.add_day_aqi(day("2016-12-01"), 80);
    s.add_day_aqi(day("2017-03-01"), 90);
    REQUIRE(s.periods().size() == 4);  // December, January, February, March
    for (const auto id : {2017 * 12 + 0, 2017 * 12 + 1}) {
      const auto& empty = s.periods().at(id);
      CHECK(empty.days_valid == 0);
      CHECK(std::isnan(empty.peak));
      CHECK(empty.warning_days == std::vector<int>{0, 0, 0, 0});
    }
  }
  SECTION("a later day before the first fills the gap too") {
    station_stats s(period_by::winter, northern, 3);
    s.add_day_aqi(day("2017-01-01"), 80);
    s.add_day_aqi(day("2014-01-01"), 90);
    REQUIRE(s.periods().size() == 4);  // the winters 2013-14 … 2016-17
    CHECK(s.periods().at(2014).days_valid == 0);
    CHECK(s.periods().at(2015).days_valid == 0);
  }
}

TEST_CASE("stats: warning days and hours per level", "[stats]") {
  constexpr level_t yellow = 1, orange = 2, red = 3;
  SECTION("a day counts for each level in force at any of its hours") {
    station_stats s(period_by::month, northern, 3);
    episode e;
    e.start = hour("2016-12-15T12:00");
    e.segments = {{orange, hour("2016-12-15T12:00"), hour("2016-12-16T05:00")},
                  {red, hour("2016-12-16T06:00"), hour("2016-12-17T23:00")}};
    s.add_episode(e);
    const auto& p = s.periods().begin()->second;
    CHECK(p.episodes == 1);
    CHECK(p.warning_days == std::vector<int>{3, 0, 2, 2});  // any; yellow, orange (15, 16), red (16, 17)
    CHECK(p.warning_hours == std::vector<int>{60, 0, 18, 42});
  }
  SECTION("hours across a month's end fall in both months; the episode in the first") {
    station_stats s(period_by::month, northern, 3);
    episode e;
    e.start = hour("2016-11-30T20:00");
    e.segments = {{yellow, hour("2016-11-30T20:00"), hour("2016-12-01T03:00")}};
    s.add_episode(e);
    const auto& nov = s.periods().at(2016 * 12 + 10);
    const auto& dec = s.periods().at(2016 * 12 + 11);
    CHECK(nov.episodes == 1);
    CHECK(dec.episodes == 0);
    CHECK(nov.warning_hours[yellow] == 4);
    CHECK(dec.warning_hours[yellow] == 4);
    CHECK(nov.warning_days[yellow] == 1);
    CHECK(dec.warning_days[yellow] == 1);
  }
  SECTION("two episodes on one day: the day counts once") {
    station_stats s(period_by::all, northern, 3);
    episode a, b;
    a.start = hour("2016-12-01T00:00");
    a.segments = {{yellow, a.start, hour("2016-12-01T05:00")}};
    b.start = hour("2016-12-01T20:00");
    b.segments = {{yellow, b.start, hour("2016-12-02T01:00")}};
    s.add_episode(a);
    s.add_episode(b);
    const auto& p = s.periods().at(0);
    CHECK(p.episodes == 2);
    CHECK(p.warning_days[yellow] == 2);  // 1 and 2 December
    CHECK(p.warning_hours[yellow] == 12);
  }
  SECTION("a warning outside every winter is in no period") {
    station_stats s(period_by::winter, northern, 3);
    episode e;
    e.start = hour("2017-03-31T20:00");
    e.segments = {{orange, e.start, hour("2017-04-01T03:00")}};
    s.add_episode(e);
    REQUIRE(s.periods().size() == 1);
    const auto& w = s.periods().at(2016);
    CHECK(w.warning_hours[orange] == 4);
    CHECK(w.warning_days[0] == 1);
  }
}

TEST_CASE("stats: HJ 663 statistics and their data capture", "[stats]") {
  auto year_of = [](int missing_in_february) {
    station_stats s(period_by::year, northern, 3);
    for (auto d = day("2017-01-01"); d <= day("2017-12-31"); ++d) {
      const auto c = civil_from_days(d);
      if (c.month == 2 && static_cast<int>(c.day) <= missing_in_february) continue;
      const double v = c.day;  // 1 … 31
      s.add_day_concentrations(d, {v, 2 * v, 10, 20, 0.1 * v, 100 + v});
    }
    return s;
  };
  const auto full = year_of(0);
  const auto& y = full.periods().at(2017);
  CHECK(y.conc_days[0] == 365);
  CHECK(y.statistic(hj663_item::so2) == 10);
  CHECK(y.statistic(hj663_item::no2) == 20);
  // the day of the month over a year: 12 × (1 + … + 28) + 11 × 29 + 11 × 30 + 7 × 31 = 5,738, / 365
  CHECK(y.statistic(hj663_item::pm25) == Approx((12 * 28 * 29 / 2.0 + 11 * 29 + 11 * 30 + 7 * 31) / 365));
  CHECK(y.statistic(hj663_item::pm10) == Approx(2 * y.statistic(hj663_item::pm25)));
  CHECK(y.hj663_complete(period_by::year, full.span(2017, y)) == true);
  // 3 days missing in February leave 25: still complete; 4 leave 24 (and 361 days in the year)
  const auto three = year_of(3);
  CHECK(three.periods().at(2017).hj663_complete(period_by::year, three.span(2017, three.periods().at(2017))) == true);
  const auto four = year_of(4);
  CHECK(four.periods().at(2017).hj663_complete(period_by::year, four.span(2017, four.periods().at(2017))) == false);

  SECTION("percentiles of the daily values") {
    // CO: 0.1 × the day of the month. Sorted, the 365 values are 12 each of 0.1 … 2.8, 11 of
    // 2.9 and 3.0, 7 of 3.1: k = 1 + 364 × 0.95 = 346.8, and positions 337 … 347 hold 2.9
    CHECK(y.statistic(hj663_item::co) == Approx(2.9));
    // O3: 100 + the day: k = 1 + 364 × 0.9 = 328.6; 12 × 27 = 324 values up to 127, then 128
    CHECK(y.statistic(hj663_item::o3_8h) == Approx(128));
  }
  SECTION("a month needs 27 days (February 25); other periods have no rule") {
    station_stats m(period_by::month, northern, 3);
    station_stats w(period_by::winter, northern, 3);
    for (auto d = day("2017-02-01"); d <= day("2017-02-25"); ++d) {
      m.add_day_concentrations(d, {1, 1, 1, 1, 1, 1});
      w.add_day_concentrations(d, {1, 1, 1, 1, 1, 1});
    }
    const auto& feb = m.periods().begin()->second;
    CHECK(feb.hj663_complete(period_by::month, m.span(m.periods().begin()->first, feb)) == true);
    const auto& winter = w.periods().begin()->second;
    CHECK_FALSE(winter.hj663_complete(period_by::winter, w.span(2016, winter)).has_value());
  }
  SECTION("no valid day: no statistic") {
    station_stats s(period_by::year, northern, 3);
    s.add_day_aqi(day("2017-01-01"), 80);
    const auto& p = s.periods().at(2017);
    CHECK(std::isnan(p.statistic(hj663_item::pm25)));
    CHECK(std::isnan(p.statistic(hj663_item::co)));
  }
}

TEST_CASE("stats: days whose daily AQI stands on neither PM2.5 nor PM10 are counted apart", "[stats]") {
  station_stats s(period_by::year, heating_season{}, 3);
  const auto d = day_of(parse_time("2017-05-01T00:00").hour);
  s.add_day_aqi(d, 40, pm_basis::no_pm);  // O3 alone
  s.add_day_aqi(d + 1, 60, pm_basis::pm);
  s.add_day_aqi(d + 2, 70);                         // not said
  s.add_day_aqi(d + 3, no_value, pm_basis::no_pm);  // not valid: not counted
  const auto& p = s.periods().begin()->second;
  CHECK(p.days_valid == 3);
  CHECK(p.days_without_pm == 1);
  CHECK(p.days_with_basis == 2);
  SECTION("a day of hourly AQI stands on PM when 20 of its hours do") {
    daily_mean m;
    std::vector<pm_basis> said;
    const hour_t t0 = d * 24;
    for (int h = 0; h < 48; ++h)
      m.push(t0 + h, 50, (h < 24 ? h < 19 : h < 44) ? pm_basis::pm : pm_basis::no_pm,
             [&](std::int64_t, double, pm_basis pm) { said.push_back(pm); });
    m.finish([&](std::int64_t, double, pm_basis pm) { said.push_back(pm); });
    CHECK(said == std::vector<pm_basis>{pm_basis::no_pm, pm_basis::pm});  // 19 hours, then 20
  }
}
