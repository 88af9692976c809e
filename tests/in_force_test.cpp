// The level in force hour by hour, as hpa-level --every-hour writes it.
#include "hpa/in_force.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <functional>
#include <map>
#include <vector>

#include "helpers.hpp"

using namespace hpa;
using namespace hpa::test;

namespace {

// What the sink emits, with how many hours it held when it did.
struct emitted {
  hour_in_force h;
  hour_t episode_start = -1;  // -1: no warning
  bool pending = false;
};

struct recorder {
  std::vector<emitted>* out;
  void operator()(const hour_in_force& h) {
    emitted e{h};
    e.h.warning = nullptr;
    if (h.warning) {
      e.episode_start = h.warning->start;
      e.pending = h.warning->pending;
    }
    out->push_back(e);
  }
};

// Both sinks at once: the reference (every hour and every episode) and the one under test.
struct both : station_sink {
  explicit both(std::vector<emitted>& rows) : sink(recorder{&rows}) {}
  collect reference;
  in_force_sink<recorder> sink;
  std::size_t most_held = 0;
  void on_hour(hour_t h, double d, const hour_condition& c) {
    reference.on_hour(h, d, c);
    sink.on_hour(h, d, c);
    most_held = std::max(most_held, sink.held());
  }
  void on_episode(const episode& e) {
    reference.on_episode(e);
    sink.on_episode(e);
  }
};

struct run_result {
  std::vector<emitted> rows;
  collect reference;
  std::size_t most_held = 0;
};

// An hourly series: value(h) for h in [first, last], NaN skipped as absent rows; gate(h) excludes.
run_result run_hours(
    hour_t first, hour_t last, const std::function<double(hour_t)>& value,
    const std::function<bool(hour_t)>& dust = [](hour_t) { return false; }, const profile& p = pingdingshan_2023()) {
  rule_set rules(p);
  run_result r;
  both b(r.rows);
  station_pipeline<both> pipe(p, rules, first, series_kind::hourly);
  for (hour_t h = first; h <= last; ++h) {
    const double v = value(h);
    if (std::isnan(v)) continue;
    pipe.push(h, v, dust(h) ? gate_result{exclusion::outside_plan, "dust"} : gate_result{}, b);
  }
  pipe.finish(b);
  r.reference = b.reference;
  r.most_held = b.most_held;
  return r;
}

// The level in force at h by hindsight: the warning episodes' segments.
level_t expected_level(const collect& c, hour_t h, hour_t& start, bool& pending) {
  for (const auto& e : c.episodes)
    if (e.warns() && level_in_force(e, h) > 0) {
      start = e.start;
      pending = e.pending;
      return level_in_force(e, h);
    }
  start = -1;
  pending = false;
  return 0;
}

// Every hour from first to last once, in order, agreeing with the episodes and the conditions.
void check_agrees(const run_result& r, hour_t first, hour_t last) {
  REQUIRE(r.rows.size() == static_cast<std::size_t>(last - first + 1));
  std::map<hour_t, level_t> condition;
  for (const auto& [h, c] : r.reference.hours) condition[h] = c.level;
  for (std::size_t i = 0; i < r.rows.size(); ++i) {
    const auto& row = r.rows[i];
    INFO("hour " << format_time(row.h.hour));
    REQUIRE(row.h.hour == first + static_cast<hour_t>(i));
    hour_t start;
    bool pending;
    CHECK(row.h.level == expected_level(r.reference, row.h.hour, start, pending));
    CHECK(row.episode_start == start);
    CHECK(row.pending == pending);
    const auto c = condition.find(row.h.hour);
    CHECK(row.h.condition == (c == condition.end() ? level_t{0} : c->second));
  }
}

// Daily AQI that climbs over 200 for `hours` hours from `from`: a process the rules warn of.
double hump(hour_t h, hour_t from, hour_t hours, double peak) { return h >= from && h < from + hours ? peak : 80.0; }

}  // namespace

TEST_CASE("in force: every hour once, in order, at the level of the episodes", "[in_force]") {
  // yellow, then an orange process 50 h later that merges into it, then a red one after a lift
  const auto value = [](hour_t h) {
    return std::max({hump(h, 100, 40, 210.0), hump(h, 190, 60, 260.0), hump(h, 500, 100, 330.0)});
  };
  const auto r = run_hours(0, 900, value);
  REQUIRE(r.reference.episodes.size() >= 2);
  check_agrees(r, 0, 900);
  CHECK(r.rows[50].h.level == none);
  CHECK(std::isnan(r.rows[10].h.daily));  // the first window is not yet valid
  CHECK(r.rows[50].h.daily == Approx(80));
}

TEST_CASE("in force: an hour outside an episode is written at once, memory is the open episode", "[in_force]") {
  const auto value = [](hour_t h) { return hump(h, 300, 72, 250.0); };
  const auto r = run_hours(0, 1000, value);
  REQUIRE(r.reference.episodes.size() == 1);
  const auto& e = r.reference.episodes[0];
  // held from the episode's first hour until it closes, lift_hours after its last condition hour
  CHECK(r.most_held > static_cast<std::size_t>(e.end - e.start));
  CHECK(r.most_held <= static_cast<std::size_t>(e.end - e.start + 1 + pingdingshan_2023().lift_hours));
  check_agrees(r, 0, 1000);
}

TEST_CASE("in force: the hours of a long gap are there, with nothing in force", "[in_force]") {
  // data, then 3000 h without a row (the pipeline skips most of them), then data with an episode
  const auto value = [](hour_t h) { return h > 200 && h < 3200 ? no_value : hump(h, 3300, 50, 230.0); };
  const auto r = run_hours(0, 3600, value);
  check_agrees(r, 0, 3600);
  for (hour_t h = 230; h < 3200; ++h) {
    const auto& row = r.rows[static_cast<std::size_t>(h)];
    CHECK(std::isnan(row.h.daily));
    CHECK(row.h.level == none);
  }
}

TEST_CASE("in force: the episode the data end in is pending on every hour of it", "[in_force]") {
  const auto value = [](hour_t h) { return hump(h, 100, 200, 260.0); };
  const auto r = run_hours(0, 250, value);
  REQUIRE(r.reference.episodes.size() == 1);
  REQUIRE(r.reference.episodes[0].pending);
  check_agrees(r, 0, 250);
  CHECK(r.rows.back().pending);
  CHECK(r.rows.back().episode_start == r.reference.episodes[0].start);
  CHECK_FALSE(r.rows[50].pending);
}

TEST_CASE("in force: a warning withheld for dust puts nothing in force", "[in_force]") {
  const auto value = [](hour_t h) { return hump(h, 100, 72, 260.0); };
  const auto r = run_hours(0, 400, value, [](hour_t h) { return h >= 90 && h < 180; });
  bool withheld = false;
  for (const auto& e : r.reference.episodes) withheld |= !e.warns();
  REQUIRE(withheld);
  check_agrees(r, 0, 400);
  for (const auto& row : r.rows) CHECK(row.h.level == none);
}

TEST_CASE("in force: a daily series gives its 24 hours a day", "[in_force]") {
  const auto p = pingdingshan_2023();
  rule_set rules(p);
  std::vector<emitted> rows;
  both b(rows);
  station_pipeline<both> pipe(p, rules, 0, series_kind::daily);
  for (int d = 0; d < 10; ++d) pipe.push(hour_t{d} * 24, d == 3 || d == 4 ? 250.0 : 100.0, b);
  pipe.finish(b);
  REQUIRE(rows.size() == 240);
  CHECK(rows[3 * 24 + 23].h.daily == 250);
  CHECK(std::isnan(rows[3 * 24 + 22].h.daily));
  CHECK(rows[3 * 24].h.level == orange);  // two days over 200 (RULES.md §8 example 4)
  CHECK(rows[5 * 24].h.level == none);
}
