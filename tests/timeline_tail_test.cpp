// The tail of a timeline a decision can still look at: include/hpa/timeline_tail.hpp. Decisions
// on the tail are those on the whole timeline, on long random series, under every duration
// reading and series kind.
#include "hpa/timeline_tail.hpp"

#include <catch2/catch.hpp>
#include <cmath>
#include <random>

#include "helpers.hpp"
#include "hpa/watch.hpp"

using namespace hpa;
using namespace hpa::test;

namespace {

// A long series of clean spells and episodes, with missing values, gaps and excluded hours:
// `hours` hours from 0 (a value per day at each day's first hour for a daily series).
std::vector<timeline_point> random_series(std::mt19937& rng, series_kind kind, hour_t hours) {
  std::uniform_real_distribution<double> u(0, 1);
  std::vector<timeline_point> out;
  const hour_t step = kind == series_kind::daily ? 24 : 1;
  double level = 80;
  hour_t spell = 0;
  for (hour_t h = 0; h < hours; h += step) {
    if (spell-- <= 0) {  // a new spell: clean, borderline, polluted or heavy, from an hour to ten days
      const double r = u(rng);
      level = r < 0.45   ? 40 + 100 * u(rng)
              : r < 0.65 ? 130 + 40 * u(rng)
              : r < 0.88 ? 150 + 110 * u(rng)
                         : 250 + 200 * u(rng);
      spell = static_cast<hour_t>(std::pow(u(rng), 3) * 240) / step + 1;
    }
    const double r = u(rng);
    if (r < 0.01) h += step * static_cast<hour_t>(u(rng) * 40);  // a gap
    if (r < 0.03) {
      out.push_back({h, no_value});
      continue;
    }
    double v = std::max(0.0, level + 40 * (u(rng) - 0.5));
    if (u(rng) < 0.2) v = std::round(v);
    if (u(rng) < 0.02) v = 150;  // on a threshold
    out.push_back({h, v});
  }
  return out;
}

issued_warning random_state(std::mt19937& rng, hour_t now) {
  std::uniform_int_distribution<int> level(0, 3), back(0, 1500);
  issued_warning w;
  w.level = static_cast<level_t>(level(rng));
  if (w.level > 0) w.start = now - back(rng) + 100;  // started, or still to start
  if (w.level > 0 && level(rng) == 3) {
    w.announced_at = now + back(rng) % 80;
    w.announced_to = static_cast<level_t>(w.level - 1);
  }
  if (w.level == 0 && level(rng) > 0) w.lifted_at = now - back(rng);
  return w;
}

void same_action(const watch_action& a, const watch_action& b) {
  CHECK(a.kind == b.kind);
  CHECK(a.from == b.from);
  CHECK(a.to == b.to);
  CHECK(a.effective == b.effective);
  CHECK(a.deadline == b.deadline);
  CHECK(a.late_hours == b.late_hours);
  CHECK(a.monitoring_override == b.monitoring_override);
}

void same_episode(const std::optional<episode>& a, const std::optional<episode>& b) {
  REQUIRE(a.has_value() == b.has_value());
  if (!a) return;
  CHECK(a->start == b->start);
  CHECK(a->end == b->end);
  CHECK(a->lift == b->lift);
  CHECK(a->level == b->level);
  CHECK(a->segments == b->segments);
  CHECK(a->pending == b->pending);
  CHECK((a->mean_daily_aqi == b->mean_daily_aqi || (std::isnan(a->mean_daily_aqi) && std::isnan(b->mean_daily_aqi))));
}

void same_decision(const watch_decision& a, const watch_decision& b) {
  CHECK(a.required == b.required);
  REQUIRE(a.actions.size() == b.actions.size());
  for (std::size_t i = 0; i < a.actions.size(); ++i) same_action(a.actions[i], b.actions[i]);
  CHECK(a.hold == b.hold);
  CHECK(a.next == b.next);
  same_episode(a.current, b.current);
  same_episode(a.upcoming, b.upcoming);
}

profile with_mode(profile p, duration_mode m) {
  p.mode = m;
  return p;
}

}  // namespace

TEST_CASE("timeline_tail: decisions on the tail are those on the whole timeline", "[timeline_tail]") {
  auto as_reached = pingdingshan_2023();
  as_reached.start = merged_start::as_reached;
  const std::vector<profile> profiles = {pingdingshan_2023(), with_mode(pingdingshan_2023(), duration_mode::hourly_run),
                                         beijing_2023(), as_reached, beijing_2015()};
  std::mt19937 rng(20231201);
  int decisions = 0, trimmed = 0, actions = 0;
  for (const auto& p : profiles)
    for (const auto kind : {series_kind::hourly, series_kind::daily, series_kind::rolling}) {
      for (int round = 0; round < 30; ++round) {
        const auto series = random_series(rng, kind, 24 * 120);
        if (series.size() < 2) continue;
        for (int k = 0; k < 10; ++k) {
          std::uniform_int_distribution<std::size_t> pick(series.size() / 3, series.size() - 1);
          const hour_t now = series[pick(rng)].hour + (kind == series_kind::daily ? 23 : 0);
          const hour_t last = now + std::uniform_int_distribution<hour_t>(0, 170)(rng);  // the forecast after now
          std::vector<timeline_point> whole;
          for (const auto& x : series)
            if (x.hour <= last) whole.push_back(x);
          const auto before = random_state(rng, now);
          const hour_t bound = before.level > 0 ? std::min(now, before.start) : now;
          timeline_tail tail(p, kind);
          for (const auto& x : whole) tail.push(x, bound);
          const auto kept = tail.points();
          INFO("profile " << p.name << " mode " << int(p.mode) << " kind " << int(kind) << " now " << now << " kept "
                          << kept.size() << " of " << whole.size() << " from " << tail.exact_from().value_or(-1)
                          << " warning " << int(before.level) << " from " << before.start);
          const auto full = decide(whole, kind, now, before, p);
          same_decision(decide(kept, kind, now, before, p), full);
          ++decisions;
          trimmed += kept.size() < whole.size();
          actions += !full.actions.empty();
        }
      }
    }
  // the check holds something: most decisions stand on a short tail, and many act
  INFO(decisions << " decisions, " << trimmed << " on a tail, " << actions << " acting");
  CHECK(trimmed > decisions / 2);
  CHECK(actions > decisions / 10);
}

TEST_CASE("timeline_tail: what is kept", "[timeline_tail]") {
  const auto p = pingdingshan_2023();
  auto series = [](std::initializer_list<std::pair<hour_t, double>> spells, hour_t hours) {
    std::vector<timeline_point> v;
    for (hour_t h = 0; h < hours; ++h) {
      double x = 100;
      for (const auto& [from, value] : spells)
        if (h >= from) x = value;
      v.push_back({h, x});
    }
    return v;
  };
  SECTION("clean air: from the last calm hour (its windows within the data), lift_hours and a window before it") {
    timeline_tail t(p, series_kind::hourly);
    for (const auto& x : series({}, 1000)) t.push(x, 999);
    REQUIRE(t.exact_from());
    CHECK(*t.exact_from() == 999 - 22);
    CHECK(t.points()[1].hour == 999 - 22 - 36 - 23);
    CHECK(t.points().front().hour == 999 - 22 - 36 - 23 - 1);  // the first hour stays before the cut …
    CHECK(std::isnan(t.points().front().value));               // … as a missing value
  }
  SECTION("a warning issued long ago: kept from the calm before its start") {
    timeline_tail t(p, series_kind::hourly);
    for (const auto& x : series({{300, 250}, {800, 100}}, 1000)) t.push(x, 400);
    REQUIRE(t.exact_from());
    CHECK(*t.exact_from() == 300 - 23);  // the last hour whose stretch is clean before 300
    CHECK(t.points()[1].hour == 300 - 23 - 36 - 23);
  }
  SECTION("no calm stretch, or no bound: everything") {
    timeline_tail polluted(p, series_kind::hourly);
    for (const auto& x : series({{0, 250}}, 1000)) polluted.push(x, 999);
    CHECK_FALSE(polluted.exact_from());
    CHECK(polluted.points().size() == 1000);
    timeline_tail unbound(p, series_kind::hourly);
    for (const auto& x : series({}, 1000)) unbound.push(x, std::nullopt);
    CHECK(unbound.points().size() == 1000);
  }
  SECTION("a value just over the threshold is not calm") {
    timeline_tail t(p, series_kind::hourly);
    for (const auto& x : series({{0, 150.0000004}}, 1000)) t.push(x, 999);
    CHECK_FALSE(t.exact_from());
  }
}
