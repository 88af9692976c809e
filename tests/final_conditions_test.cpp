// Final conditions (RULES.md §9): C_min and C_max of a timeline cut at hour T, at the edges of the
// thresholds, in each duration mode and series kind, with missing hours; and the highest level in
// force any continuation can give, checked against the hindsight of random continuations.
#include "hpa/final_conditions.hpp"

#include <catch2/catch.hpp>

#include <random>

#include "helpers.hpp"

using namespace hpa;
using namespace hpa::test;

namespace {
// The bounds of a rolling daily-AQI series: `value` at every hour of [0, last].
condition_bounds rolling_flat(double value, hour_t last, const profile& p = pingdingshan_2023()) {
  std::vector<timeline_point> t;
  for (hour_t h = 0; h <= last; ++h) t.push_back({h, value});
  return final_conditions(t, series_kind::rolling, p);
}

// The first hour from which C_max is `level` to the end (T + 1 when it never is).
hour_t first_max_from(const condition_bounds& b, level_t level) {
  hour_t h = b.end();
  while (h > b.first && b.max_at(h - 1) == level) --h;
  return h;
}

bool all_min(const condition_bounds& b, level_t level) {
  for (hour_t h = b.first; h <= b.last(); ++h)
    if (b.min_at(h) != level) return false;
  return true;
}

// The condition of each hour of a whole series, as hpa-episodes sees it.
std::vector<level_t> conditions_of(std::span<const timeline_point> t, series_kind kind, const profile& p) {
  rule_set rules(p);
  collect out;
  station_pipeline<collect> pipe(p, rules, t.front().hour, kind);
  for (const auto& x : t) pipe.push(x.hour, x.value, out);
  pipe.finish(out);
  std::vector<level_t> v;
  for (const auto& [h, c] : out.hours) v.push_back(c.level);
  return v;
}

// A winter-like hourly AQI series: clean spells and pollution build-ups, a few missing hours.
std::vector<timeline_point> random_hourly(std::mt19937& rng, hour_t hours, hour_t first = 0) {
  std::uniform_real_distribution<double> u(0, 1);
  std::vector<timeline_point> t;
  double level = 80, target = 80;
  for (hour_t h = 0; h < hours; ++h) {
    if (u(rng) < 0.02) target = u(rng) < 0.5 ? 40 + 80 * u(rng) : 150 + 250 * u(rng);
    level += 0.08 * (target - level) + 25 * (u(rng) - 0.5);
    const double v = std::clamp(level, 5.0, 500.0);
    t.push_back({first + h, u(rng) < 0.03 ? no_value : std::round(v)});
  }
  return t;
}
}  // namespace

TEST_CASE("final_conditions: daily AQI just below and just above each threshold (blocks)", "[final_conditions]") {
  const hour_t T = 199;
  SECTION("150: nothing yet, but a chain ending after T can still cover the last 23 h") {
    const auto b = rolling_flat(150, T);
    CHECK(all_min(b, none));
    CHECK(first_max_from(b, red) == T - 22);
    CHECK(b.max_at(T - 23) == none);
    CHECK(b.is_final(T - 23));
    CHECK_FALSE(b.is_final(T - 22));
  }
  SECTION("just over 150: orange (> 150 lasting 72 h) throughout, red still possible at the end") {
    const auto b = rolling_flat(150.5, T);
    CHECK(all_min(b, orange));
    CHECK(first_max_from(b, red) == T - 22);
    CHECK(b.is_final(T - 23));
  }
  SECTION("200 is not over 200") {
    const auto b = rolling_flat(200, T);
    CHECK(all_min(b, orange));
    CHECK(first_max_from(b, red) == T - 22);
  }
  SECTION("just over 200: red needs only one window over 300 within, which can still come at T + 1") {
    const auto b = rolling_flat(200.5, T);
    CHECK(all_min(b, orange));
    CHECK(first_max_from(b, red) == T - 70);
    CHECK(b.is_final(T - 71));
  }
  SECTION("300 is not over 300") {
    const auto b = rolling_flat(300, T);
    CHECK(all_min(b, orange));
    CHECK(first_max_from(b, red) == T - 70);
  }
  SECTION("just over 300: red, final everywhere") {
    const auto b = rolling_flat(300.5, T);
    CHECK(all_min(b, red));
    for (hour_t h = 0; h <= T; ++h) CHECK(b.is_final(h));
  }
}

TEST_CASE("final_conditions: the quick check of RULES.md §9 on an hourly series", "[final_conditions]") {
  // RULES.md §8 example 20: 180 for hours 0-47, 100 around; the whole series gives yellow -8 … 55
  const auto p = pingdingshan_2023();
  std::vector<timeline_point> t;
  for (hour_t h = -48; h <= 100; ++h) t.push_back({h, h >= 0 && h <= 47 ? 180.0 : 100.0});
  const auto whole = final_conditions(t, series_kind::hourly, p);
  CHECK(whole.min_at(-8) == yellow);
  CHECK(whole.min_at(55) == yellow);
  CHECK(whole.min_at(56) == none);
  SECTION("cut at 40: yellow so far, orange or red still possible") {
    const std::span<const timeline_point> cut(t.data(), 89);  // hours -48 … 40
    const auto b = final_conditions(cut, series_kind::hourly, p);
    REQUIRE(b.last() == 40);
    CHECK(b.min_at(-8) == yellow);
    CHECK(b.min_at(40) == yellow);
    CHECK(b.min_at(-9) == none);
    CHECK(b.is_final(-9));
    CHECK(b.max_at(-8) == orange);  // a 3-chain over 150 ending at 63 covers -8 … 63
    CHECK(b.max_at(40) == red);
    CHECK_FALSE(b.is_final(0));
  }
  SECTION("cut at 100: every hour up to T - 23 whose windows stay at or below 150 is final") {
    const auto& b = whole;
    for (hour_t h = -48; h <= 100 - 23; ++h) CHECK(b.is_final(h));
    // hourly AQI at 500 after T lifts the window over 150 only from T + 4 (23 h of 100 and one
    // of 500 make 116.7): a 2-chain ending at T + 28 covers back to T - 19, no further
    CHECK(b.is_final(100 - 20));
    CHECK_FALSE(b.is_final(100 - 19));
  }
}

TEST_CASE("final_conditions: hourly_run mode covers nothing backwards: C_min = C_max", "[final_conditions]") {
  auto p = pingdingshan_2023();
  p.mode = duration_mode::hourly_run;
  for (double v : {150.0, 150.5, 200.5, 300.5}) {
    const auto b = rolling_flat(v, 199, p);
    for (hour_t h = 0; h <= 199; ++h) CHECK(b.is_final(h));
  }
  const auto b = rolling_flat(150.5, 199, p);
  CHECK(b.min_at(46) == none);  // 48 hours over 150 make yellow at the 48th
  CHECK(b.min_at(47) == yellow);
  CHECK(b.min_at(71) == orange);
}

TEST_CASE("final_conditions: calendar days, daily series", "[final_conditions]") {
  // RULES.md §8 example 1 cut at the end of day 1: yellow so far; a third day over 150 would
  // make days 0-2 orange (the beijing profile counts calendar days)
  for (const auto& p : {pingdingshan_2023(), beijing_2023()}) {
    std::vector<timeline_point> t;
    for (int d = -3; d <= 1; ++d) t.push_back({hour_t{d} * 24, d >= 0 ? 180.0 : 100.0});
    const auto b = final_conditions(t, series_kind::daily, p);
    REQUIRE(b.last() == 47);
    CHECK(b.min_at(0) == yellow);
    CHECK(b.min_at(47) == yellow);
    CHECK(b.max_at(0) == orange);
    CHECK(b.max_at(47) == orange);
    CHECK(b.min_at(-1) == none);
    CHECK(b.is_final(-1));
  }
}

TEST_CASE("final_conditions: missing hours stay missing, only hours after T are raised", "[final_conditions]") {
  // 180 from -48 to 47; with the last five hours missing, windows ending 47 … 66 hold 19 values
  // at most (no daily AQI), so a chain over 200 cannot reach back as far
  const auto p = pingdingshan_2023();
  auto series = [](bool gap) {
    std::vector<timeline_point> t;
    for (hour_t h = -48; h <= 47; ++h) t.push_back({h, gap && h >= 43 ? no_value : 180.0});
    return t;
  };
  const auto full = final_conditions(series(false), series_kind::hourly, p);
  const auto holed = final_conditions(series(true), series_kind::hourly, p);
  CHECK(full.min_at(0) == orange);
  CHECK(holed.min_at(0) == orange);
  CHECK(first_max_from(full, red) == 26);
  CHECK(first_max_from(holed, red) == 44);
  CHECK(holed.is_final(43));
}

TEST_CASE("final_conditions: C_min and C_max bound every continuation, and are reached", "[final_conditions]") {
  std::mt19937 rng(20231201);
  for (const auto& p : {pingdingshan_2023(), beijing_2023(), mee_2017()}) {
    for (int trial = 0; trial < 20; ++trial) {
      const auto t = random_hourly(rng, 300);
      const std::size_t cut = 100 + rng() % 150;
      const std::span<const timeline_point> head(t.data(), cut);
      const auto b = final_conditions(head, series_kind::hourly, p);
      // the data end at T, a continuation from the series, every hour after T at max_aqi
      auto raised = std::vector<timeline_point>(head.begin(), head.end());
      for (hour_t h = 0; h < 200; ++h) raised.push_back({b.last() + 1 + h, p.max_aqi});
      const auto c_real = conditions_of(t, series_kind::hourly, p);
      const auto c_max = conditions_of(raised, series_kind::hourly, p);
      for (hour_t h = b.first; h <= b.last(); ++h) {
        const auto i = std::size_t(h - b.first);
        CHECK(b.min_at(h) <= c_real[i]);
        CHECK(c_real[i] <= b.max_at(h));
        CHECK(b.max_at(h) == c_max[i]);
      }
      CHECK(conditions_of(head, series_kind::hourly, p) == b.lo);
    }
  }
}

TEST_CASE("final_conditions: the tracker gives the same bounds at every hour as a fresh cut", "[final_conditions]") {
  std::mt19937 rng(7);
  const auto p = pingdingshan_2023();
  const rule_set rules(p);
  const auto t = random_hourly(rng, 260);
  final_condition_tracker tracker(p, rules, t.front().hour, series_kind::hourly);
  for (std::size_t i = 0; i < t.size(); ++i) {
    tracker.push(t[i].hour, t[i].value);
    if (i % 7) continue;
    const auto& b = tracker.bounds();
    const auto fresh = final_conditions(std::span(t.data(), i + 1), series_kind::hourly, p);
    CHECK(b.lo == fresh.lo);
    CHECK(b.hi == fresh.hi);
  }
}

TEST_CASE("final_conditions: after a drained gap the bounds start again, as a fresh series would",
          "[final_conditions]") {
  std::mt19937 rng(11);
  const auto p = pingdingshan_2023();
  const rule_set rules(p);
  for (const auto kind : {series_kind::hourly, series_kind::rolling}) {
    auto before = random_hourly(rng, 300);
    for (auto& x : before) x.value = 320;  // an episode up to the gap: its chains must not leak over it
    final_condition_tracker probe(p, rules, 0, kind);
    const hour_t drain = probe.drain_hours();
    for (const hour_t gap : {drain, drain + 1, hour_t{10'000'000}}) {
      const hour_t t = before.back().hour + 1 + gap;
      const auto after = random_hourly(rng, 400, t);
      auto whole = before;
      whole.insert(whole.end(), after.begin(), after.end());
      const auto b = final_conditions(whole, kind, p);
      const auto fresh = final_conditions(after, kind, p);
      const bool restarted = gap > drain;  // the drain's missing hours are walked; then the rest is skipped
      CAPTURE(gap, restarted);
      CHECK((b.first > before.back().hour) == restarted);
      CHECK(b.lo.size() < 500 + (restarted ? 0 : std::size_t(gap) + 300));
      for (hour_t h = t; h <= fresh.last(); ++h) {
        CAPTURE(h);
        REQUIRE(b.min_at(h) == fresh.min_at(h));
        REQUIRE(b.max_at(h) == fresh.max_at(h));
        REQUIRE((b.daily_at(h) == fresh.daily_at(h) || (!has_value(b.daily_at(h)) && !has_value(fresh.daily_at(h)))));
      }
      for (hour_t h = t - p.lift_hours; h < t; ++h) CHECK(b.max_at(h) == 0);  // a quiet stretch: walks may start
    }
  }
}
