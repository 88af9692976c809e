// RULES.md §3: condition levels from the daily AQI, and example 20 in both duration modes.
#include "hpa/levels.hpp"
#include "hpa/series.hpp"

#include <catch2/catch.hpp>

#include "helpers.hpp"

using namespace hpa;
using namespace hpa::test;

namespace {
// Daily AQI at one value per day (at hour 23 of each day), from day 0.
std::vector<double> days(std::initializer_list<double> values) {
  std::vector<double> d;
  for (double v : values) {
    for (int i = 0; i < 23; ++i) d.push_back(no_value);
    d.push_back(v);
  }
  return d;
}
std::vector<level_t> level_of(const std::vector<hour_condition>& c) {
  std::vector<level_t> v;
  for (const auto& x : c) v.push_back(x.level);
  return v;
}
std::vector<level_t> repeat(std::initializer_list<std::pair<level_t, int>> runs) {
  std::vector<level_t> v;
  for (auto [l, n] : runs) v.insert(v.end(), static_cast<std::size_t>(n), l);
  return v;
}
}  // namespace

TEST_CASE("levels: thresholds are strict", "[levels]") {
  const auto p = pingdingshan_2023();
  CHECK(level_of(condition_levels(days({200, 100}), 0, p)) == repeat({{none, 48}}));
  CHECK(level_of(condition_levels(days({200.001, 100}), 0, p)) == repeat({{yellow, 24}, {none, 24}}));
  CHECK(level_of(condition_levels(days({150, 150, 150}), 0, p)) == repeat({{none, 72}}));
}

TEST_CASE("levels: the red chain needs its > 300 window inside the 72 h", "[levels]") {
  const auto p = pingdingshan_2023();
  SECTION("inside") { CHECK(level_of(condition_levels(days({250, 250, 320}), 0, p)) == repeat({{red, 72}})); }
  SECTION("a > 300 day before the chain does not count") {
    const auto c = level_of(condition_levels(days({320, 140, 250, 250, 250}), 0, p));
    CHECK(c == repeat({{yellow, 24}, {none, 24}, {orange, 72}}));
  }
}

TEST_CASE("levels: the audit trail names the rule and the chain", "[levels]") {
  const auto p = pingdingshan_2023();
  const rule_set rules(p);
  const auto c = condition_levels(days({250, 320, 250}), 0, rules);
  REQUIRE(c[0].level == red);
  CHECK(c[0].chain_end == 71);
  REQUIRE(c[0].rule);
  CHECK(describe(c[0].rule->cond) == "daily AQI > 200 lasting 72 h, with > 300 lasting 24 h within them");
}

TEST_CASE("levels: example 20, a 2-chain over 150 at any hour of the day", "[levels]") {
  // hours -48 … 100: 100, then 180 for hours 0-47, then 100
  std::vector<double> hourly;
  for (hour_t h = -48; h <= 100; ++h) hourly.push_back(h >= 0 && h <= 47 ? 180 : 100);
  const auto d = daily_aqi(hourly, pingdingshan_2023());
  for (hour_t t = -48; t <= 100; ++t) {
    INFO(t);
    CHECK((d[std::size_t(t + 48)] > 150) == (t >= 15 && t <= 55));
  }
  SECTION("blocks") {
    const auto c = level_of(condition_levels(d, -48, pingdingshan_2023()));
    CHECK(c == repeat({{none, 40}, {yellow, 64}, {none, 45}}));  // yellow -8 … 55
    const auto e = episodes_of(c, -48, pingdingshan_2023());
    REQUIRE(e.size() == 1);
    CHECK(e[0].segments == std::vector<segment>{{yellow, -8, 55}});
    CHECK(e[0].lift == 56);
  }
  SECTION("hourly_run: only 41 hours over 150, no warning") {
    auto p = pingdingshan_2023();
    p.mode = duration_mode::hourly_run;
    const auto c = level_of(condition_levels(d, -48, p));
    CHECK(c == repeat({{none, 149}}));
  }
}

TEST_CASE("levels: hourly_run counts consecutive hours", "[levels]") {
  auto p = pingdingshan_2023();
  p.mode = duration_mode::hourly_run;
  std::vector<double> d(60, 160.0);  // daily AQI 160 for 60 hours straight
  const auto c = level_of(condition_levels(d, 0, p));
  CHECK(c == repeat({{none, 47}, {yellow, 13}}));  // from the 48th hour
}

TEST_CASE("levels: calendar_days looks at natural-day means only", "[levels]") {
  auto p = pingdingshan_2023();
  p.mode = duration_mode::calendar_days;
  // a rolling daily AQI over 200 from 12:00 of day 0 to 11:00 of day 1, never at 23:00
  std::vector<double> d(72, 100.0);
  for (int h = 12; h < 36; ++h) d[h] = 210;
  d[23] = 190;
  CHECK(level_of(condition_levels(d, 0, p)) == repeat({{none, 72}}));
  d[23] = 210;
  CHECK(level_of(condition_levels(d, 0, p)) == repeat({{yellow, 24}, {none, 48}}));
}

TEST_CASE("levels: coverage is clipped to the start of the data", "[levels]") {
  // the series starts at hour 0 already two days over 150
  std::vector<double> d(48, no_value);
  d[23] = 160;
  d[47] = 160;
  const auto c = level_of(condition_levels(std::span(d).subspan(10), 10, pingdingshan_2023()));
  CHECK(c == repeat({{yellow, 38}}));
}

namespace {
// A daily-AQI series of `hours` hours from hour 0: 100, except the runs {from, to, value} given
// (later runs overwrite earlier ones; NaN = an invalid hour).
struct run {
  hour_t from, to;
  double value;
};
std::vector<double> series(hour_t hours, std::initializer_list<run> runs) {
  std::vector<double> d(static_cast<std::size_t>(hours), 100.0);
  for (const auto& r : runs)
    for (hour_t h = r.from; h <= r.to; ++h) d[static_cast<std::size_t>(h)] = r.value;
  return d;
}
profile hourly(profile p = pingdingshan_2023()) {
  p.mode = duration_mode::hourly_run;
  return p;
}
}  // namespace

TEST_CASE("levels: hourly_run yellow needs 24 hours over 200", "[levels]") {
  const auto p = hourly();
  CHECK(level_of(condition_levels(series(50, {{10, 32, 250}}), 0, p)) == repeat({{none, 50}}));
  CHECK(level_of(condition_levels(series(50, {{10, 33, 250}}), 0, p)) ==
        repeat({{none, 33}, {yellow, 1}, {none, 16}}));  // the run's 24th hour only
}

TEST_CASE("levels: hourly_run red, 24 h over 300 anywhere within the 72 h over 200", "[levels]") {
  // 72 h over 200 exactly, hours 10-81: r200 reaches 24 at 33, 48 at 57, 72 at 81 alone
  const auto p = hourly();
  const auto expected = repeat({{none, 33}, {yellow, 24}, {orange, 24}, {red, 1}, {none, 18}});
  SECTION("at the start of the 72 h (the run over 300 ends at t-48)") {
    CHECK(level_of(condition_levels(series(100, {{10, 81, 250}, {10, 33, 320}}), 0, p)) == expected);
  }
  SECTION("in the middle") {
    CHECK(level_of(condition_levels(series(100, {{10, 81, 250}, {40, 63, 320}}), 0, p)) == expected);
  }
  SECTION("at the end (ending at t)") {
    CHECK(level_of(condition_levels(series(100, {{10, 81, 250}, {58, 81, 320}}), 0, p)) == expected);
  }
  SECTION("23 h over 300 is not enough") {
    CHECK(level_of(condition_levels(series(100, {{10, 81, 250}, {40, 62, 320}}), 0, p)) ==
          repeat({{none, 33}, {yellow, 24}, {orange, 25}, {none, 18}}));
  }
}

TEST_CASE("levels: hourly_run red lasts while the run over 300 ends at t-48 or later", "[levels]") {
  const auto p = hourly();
  SECTION("24 h over 300 at the start of a 130 h run: red at t = 81 only, orange at t-49") {
    const auto c = level_of(condition_levels(series(150, {{10, 139, 250}, {10, 33, 320}}), 0, p));
    CHECK(c == repeat({{none, 33}, {yellow, 24}, {orange, 24}, {red, 1}, {orange, 58}, {none, 10}}));
  }
  SECTION("28 h over 300 early in a 90 h run: red from its 72nd hour to 48 h after the last 24 over 300") {
    // r300 >= 24 at s = 33 … 37, so red at t = 81 … 85
    const auto c = level_of(condition_levels(series(110, {{10, 99, 250}, {10, 37, 320}}), 0, p));
    CHECK(c == repeat({{none, 33}, {yellow, 24}, {orange, 24}, {red, 5}, {orange, 14}, {none, 10}}));
  }
  SECTION("the run over 300 late in a long run over 200: red until the run over 200 ends") {
    const auto c = level_of(condition_levels(series(150, {{10, 139, 250}, {100, 123, 320}}), 0, p));
    CHECK(c == repeat({{none, 33}, {yellow, 24}, {orange, 66}, {red, 17}, {none, 10}}));
  }
}

TEST_CASE("levels: hourly_run, an invalid hour breaks every run and has no level", "[levels]") {
  const auto p = hourly();
  // 200 h over 200 with 24 h over 300 at 90-113
  auto d = series(210, {{0, 199, 250}, {90, 113, 320}});
  CHECK(level_of(condition_levels(d, 0, p)) ==
        repeat({{none, 23}, {yellow, 24}, {orange, 66}, {red, 49}, {orange, 38}, {none, 10}}));
  // invalid at hour 100: over 300 only 10 + 13 h in a row, the run over 200 restarts at 101
  d[100] = no_value;
  CHECK(level_of(condition_levels(d, 0, p)) ==
        repeat({{none, 23}, {yellow, 24}, {orange, 53}, {none, 24}, {yellow, 24}, {orange, 52}, {none, 10}}));
}

TEST_CASE("levels: hourly_run names the rule and the hour that ends the run", "[levels]") {
  const auto p = hourly();
  const rule_set rules(p);
  const auto c = condition_levels(series(150, {{10, 139, 250}, {10, 37, 320}}), 0, rules);
  REQUIRE(c[85].level == red);
  CHECK(c[85].chain_end == 85);
  REQUIRE(c[85].rule);
  CHECK(c[85].rule->span == 1);
  CHECK(describe(c[85].rule->cond) == "daily AQI > 200 lasting 72 h, with > 300 lasting 24 h within them");
}

TEST_CASE("levels: the within rule lies in the main rule's last hours, in every mode", "[levels]") {
  SECTION("hourly_run, MEE 2018: 48 h over 300 within 96 h over 200 may end 48 h before t") {
    const auto p = hourly(mee_2018());  // yellow 200/48 h, orange 200/72 h, red 200/96 h + 300/48 h
    const auto c = level_of(condition_levels(series(130, {{0, 119, 250}, {0, 47, 320}}), 0, p));
    CHECK(c == repeat({{none, 47}, {yellow, 24}, {orange, 24}, {red, 1}, {orange, 24}, {none, 10}}));
  }
  SECTION("blocks, MEE 2018: a 2-chain over 300 ending at t-48 lies inside the 4-chain") {
    // days 0-3 over 200, days 0-1 over 300: red; days 1-4 over 200 hold only day 1 over 300
    const auto c = level_of(condition_levels(days({320, 320, 250, 250, 250, 100}), 0, mee_2018()));
    CHECK(c == repeat({{red, 96}, {orange, 24}, {none, 24}}));
  }
}

TEST_CASE("levels: the audit trail names the rule that fired among hundreds", "[levels]") {
  // 300 conditions that never fire (> 400 for 24 h), then the one that does: its number does
  // not fit in a byte, and the trail must still name it.
  auto p = pingdingshan_2023();
  p.levels.resize(1);
  p.levels[0].any_of.clear();
  for (int i = 0; i < 300; ++i) p.levels[0].any_of.push_back({{threshold{400, false}, 24}, {}});
  p.levels[0].any_of.push_back({{threshold{150, false}, 48}, {}});
  const rule_set rules(p);
  const auto c = condition_levels(days({180, 180}), 0, rules);
  REQUIRE(c[0].level == yellow);
  REQUIRE(c[0].rule);
  CHECK(describe(c[0].rule->cond) == "daily AQI > 150 lasting 48 h");
}
