// RULES.md §3: condition levels from the daily AQI, and example 20 in both duration modes.
#include "hpa/levels.hpp"

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
  SECTION("inside") {
    CHECK(level_of(condition_levels(days({250, 250, 320}), 0, p)) == repeat({{red, 72}}));
  }
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
  CHECK(describe(c[0].rule->cond) ==
        "daily AQI > 200 lasting 72 h, with > 300 lasting 24 h within them");
}

TEST_CASE("levels: example 20, a 2-chain over 150 at any hour of the day", "[levels]") {
  // hours -48 … 100: 100, then 180 for hours 0-47, then 100
  std::vector<double> hourly;
  for (hour_t h = -48; h <= 100; ++h) hourly.push_back(h >= 0 && h <= 47 ? 180 : 100);
  const auto d = daily_aqi(hourly);
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
