// The hourly decision of hpa-watch (§3.2.2-§3.2.4, RULES.md §9): every action, from condition
// bounds given directly (final hours, and hours that a later chain may still cover).
#include "hpa/watch.hpp"

#include <catch2/catch.hpp>

#include "helpers.hpp"

using namespace hpa;
using namespace hpa::test;

namespace {
// Bounds of a timeline ending at `last`: C_min from `runs`; C_max the same, raised by `maybe`
// (hours a chain ending after the timeline could still cover).
condition_bounds bounds_of(std::initializer_list<segment> runs, hour_t last, std::initializer_list<segment> maybe = {},
                           double daily = no_value) {
  condition_bounds b;
  b.first = 0;
  b.top = red;
  b.lo = levels(runs, last);
  b.hi = b.lo;
  for (const auto& m : maybe)
    for (hour_t h = m.from; h <= m.to; ++h) b.hi[std::size_t(h)] = std::max(b.hi[std::size_t(h)], m.level);
  b.daily.assign(b.lo.size(), daily);
  return b;
}

struct run {
  watch_decision d;
  run(const condition_bounds& b, hour_t now, issued_warning before = {}) {
    d = decide(b, now, before, pingdingshan_2023());
  }
  run(std::initializer_list<segment> runs, hour_t last, hour_t now, issued_warning before = {})
      : run(bounds_of(runs, last), now, before) {}
  const watch_action& operator[](std::size_t i) const { return d.actions.at(i); }
};

issued_warning in_force(level_t l, hour_t start) { return {l, start, 0, std::nullopt, std::nullopt}; }
}  // namespace

TEST_CASE("watch: a forecast episode 60 h ahead is issued on time, its final lift announced at once", "[watch]") {
  const run r({{yellow, 100, 150}}, 300, 40);
  REQUIRE(r.d.actions.size() == 2);
  CHECK(r[0].kind == action_kind::issue);
  CHECK(r[0].to == yellow);
  CHECK(r[0].effective == 100);
  CHECK(r[0].deadline == 52);
  CHECK(r[0].late_hours == 0);
  CHECK(r[1].kind == action_kind::announce_lift);
  CHECK(r[1].effective == 151);
  CHECK(r.d.required == none);
  CHECK(r.d.upcoming->start == 100);
  CHECK(r.d.next == issued_warning{yellow, 100, 0, 151, std::nullopt});
}

TEST_CASE("watch: one 20 h ahead is issued now, 28 h late", "[watch]") {
  const run r({{orange, 100, 150}}, 300, 80);
  REQUIRE(r.d.actions.size() == 2);
  CHECK(r[0].kind == action_kind::issue);
  CHECK(r[0].late_hours == 28);
}

TEST_CASE("watch: what was issued and announced, unchanged, is no change", "[watch]") {
  const run r({{orange, 100, 150}}, 300, 80, {orange, 100, 0, 151, std::nullopt});
  CHECK(r.d.actions.empty());
  CHECK(r.d.next == issued_warning{orange, 100, 0, 151, std::nullopt});
}

TEST_CASE("watch: a known downgrade or lift comes out in the same run as the issue", "[watch]") {
  // red 100-150, orange to 200, then clean: everything is final in the forecast
  const auto b = bounds_of({{red, 100, 150}, {orange, 151, 200}}, 300);
  const run first(b, 40);
  REQUIRE(first.d.actions.size() == 2);
  CHECK(first[0].kind == action_kind::issue);
  CHECK(first[0].to == red);
  CHECK(first[1].kind == action_kind::announce_downgrade);
  CHECK(first[1].to == orange);
  CHECK(first[1].effective == 151);
  const run second(b, 40, first.d.next);  // the same data again: nothing new
  CHECK(second.d.actions.empty());
  const run at_downgrade(b, 151, first.d.next);  // the downgrade, and the lift now known ahead
  REQUIRE(at_downgrade.d.actions.size() == 2);
  CHECK(at_downgrade[0].kind == action_kind::downgrade);
  CHECK(at_downgrade[1].kind == action_kind::announce_lift);
  CHECK(at_downgrade[1].effective == 201);
}

TEST_CASE("watch: a higher condition upgrades at once", "[watch]") {
  // yellow issued; the data now give red: merged, the episode starts at red
  const run r({{yellow, 0, 20}, {red, 21, 100}}, 300, 30, in_force(yellow, 0));
  REQUIRE_FALSE(r.d.actions.empty());
  CHECK(r[0].kind == action_kind::upgrade);
  CHECK(r[0].from == yellow);
  CHECK(r[0].to == red);
  CHECK(r[0].effective == 30);
  CHECK(r.d.next.level == red);
  CHECK(r.d.required == red);
}

TEST_CASE("watch: a downgrade once 36 h of improvement are final", "[watch]") {
  const run r({{red, 0, 50}, {orange, 51, 120}}, 300, 51, in_force(red, 0));
  REQUIRE_FALSE(r.d.actions.empty());
  CHECK(r[0].kind == action_kind::downgrade);
  CHECK(r[0].to == orange);
  CHECK(r[0].effective == 51);
  CHECK(r.d.required == orange);
}

TEST_CASE("watch: the lift is announced ahead, then done", "[watch]") {
  SECTION("announced once it is final") {
    const run r({{orange, 0, 50}}, 300, 45, in_force(orange, 0));
    REQUIRE(r.d.actions.size() == 1);
    CHECK(r[0].kind == action_kind::announce_lift);
    CHECK(r[0].effective == 51);
    const run again({{orange, 0, 50}}, 300, 46, r.d.next);
    CHECK(again.d.actions.empty());
  }
  SECTION("lifted when it comes") {
    const run r({{orange, 0, 50}}, 300, 51, {orange, 0, 0, 51, std::nullopt});
    REQUIRE(r.d.actions.size() == 1);
    CHECK(r[0].kind == action_kind::lift);
    CHECK(r.d.next.level == none);
    CHECK(r.d.next.lifted_at == 51);
  }
}

TEST_CASE("watch: an improvement not yet final holds the level, and says how much is final", "[watch]") {
  SECTION("the last hours can still be covered") {
    // orange to 50, the timeline ends at 70; a chain ending after 70 could still cover 60-70
    const run r(bounds_of({{orange, 0, 50}}, 70, {{orange, 60, 70}}), 70, in_force(orange, 0));
    CHECK(r.d.actions.empty());
    CHECK(r.d.required == orange);
    CHECK(r.d.hold == "9 of 36 h of improvement are final; the last 11 h can still be covered: orange is held");
  }
  SECTION("the timeline ends") {
    const run r({{orange, 0, 50}}, 70, 60, in_force(orange, 0));
    CHECK(r.d.actions.empty());
    CHECK(r.d.hold == "20 of 36 h of improvement are final; the timeline ends there: orange is held");
  }
  SECTION("final hours below it do not lift it while the rest may still be covered") {
    // 40 h below orange are final, but the episode may go on after the data (merged start)
    const run r(bounds_of({{orange, 0, 50}, {yellow, 51, 100}}, 120, {{yellow, 101, 120}}), 120, in_force(orange, 0));
    CHECK(r.d.actions.empty());
    CHECK(r.d.required == orange);
    CHECK(r.d.hold == "70 h of improvement below orange are final, but a later process of this episode could still "
                      "raise it: orange is held until 36 h without any condition are final");
  }
}

TEST_CASE("watch: the monitoring override flags heavy pollution with no improvement ahead", "[watch]") {
  auto b = bounds_of({{orange, 0, 100}}, 300, {}, 250);
  for (hour_t h = 11; h <= 34; ++h) b.daily[std::size_t(h)] = 240;
  const run r(b, 10);
  REQUIRE_FALSE(r.d.actions.empty());
  CHECK(r[0].kind == action_kind::issue);
  CHECK(r[0].monitoring_override);
  CHECK(r[0].late_hours == 58);
  b.daily[34] = 180;  // an improvement within 24 h: no override
  const run r2(b, 10);
  CHECK_FALSE(r2[0].monitoring_override);
  auto p = pingdingshan_2023();
  p.override_hours = 23;  // the profile's look-ahead: 180 lies beyond it
  CHECK(decide(b, 10, {}, p).actions.at(0).monitoring_override);
  p.override_over = 245;
  CHECK_FALSE(decide(b, 10, {}, p).actions.at(0).monitoring_override);
}

TEST_CASE("watch: a forecast that moves the start reschedules; one that vanishes cancels", "[watch]") {
  const run moved({{yellow, 110, 150}}, 300, 40, in_force(yellow, 100));
  REQUIRE_FALSE(moved.d.actions.empty());
  CHECK(moved[0].kind == action_kind::reschedule);
  CHECK(moved[0].effective == 110);
  CHECK(moved.d.next.start == 110);
  const run gone({}, 300, 40, in_force(yellow, 100));
  REQUIRE(gone.d.actions.size() == 1);
  CHECK(gone[0].kind == action_kind::lift);
}

TEST_CASE("watch: a warning in force whose next episode is in the forecast is lifted, then the next issued", "[watch]") {
  // orange 0-50 is over (36 h without any condition are final by 86); yellow 120-170 comes
  const run r({{orange, 0, 50}, {yellow, 120, 170}}, 300, 90, in_force(orange, 0));
  REQUIRE(r.d.actions.size() == 3);
  CHECK(r[0].kind == action_kind::lift);
  CHECK(r[0].effective == 90);
  CHECK(r[1].kind == action_kind::issue);
  CHECK(r[1].to == yellow);
  CHECK(r[1].effective == 120);
  CHECK(r[1].deadline == 72);
  CHECK(r[1].late_hours == 18);
  CHECK(r[2].kind == action_kind::announce_lift);
  CHECK(r[2].effective == 171);
  CHECK(r.d.next == issued_warning{yellow, 120, 0, 171, std::nullopt});
  SECTION("when the lift is due at its hour, the next is issued in the same run") {
    const run at_lift({{orange, 0, 50}, {yellow, 120, 170}}, 300, 51, {orange, 0, 0, 51, std::nullopt});
    REQUIRE(at_lift.d.actions.size() == 3);
    CHECK(at_lift[0].kind == action_kind::lift);
    CHECK(at_lift[1].kind == action_kind::issue);
    CHECK(at_lift[1].late_hours == 0);
  }
}

TEST_CASE("watch: a warning not yet in force follows the forecast at once, both ways", "[watch]") {
  SECTION("a lower forecast re-grades it now, effective at its start") {
    const run r({{yellow, 100, 150}}, 300, 40, in_force(orange, 100));
    REQUIRE_FALSE(r.d.actions.empty());
    CHECK(r[0].kind == action_kind::downgrade);
    CHECK(r[0].from == orange);
    CHECK(r[0].to == yellow);
    CHECK(r[0].effective == 100);
    CHECK(r.d.next.level == yellow);
  }
  SECTION("a higher forecast re-grades it now, effective at its start, not before") {
    const run r({{orange, 100, 150}}, 300, 40, in_force(yellow, 100));
    REQUIRE_FALSE(r.d.actions.empty());
    CHECK(r[0].kind == action_kind::upgrade);
    CHECK(r[0].to == orange);
    CHECK(r[0].effective == 100);
    CHECK(r.d.required == none);
  }
  SECTION("a lower forecast that the hours after it could still raise holds the level") {
    // the forecast ends inside the episode: a later process could make it orange again
    const run r({{yellow, 100, 150}}, 150, 40, in_force(orange, 100));
    CHECK(r.d.actions.empty());
    CHECK(r.d.next.level == orange);
  }
}

TEST_CASE("watch: lateness counts from the start of the episode issued, not from an older one", "[watch]") {
  // one episode of C_min (a gap of 30 h), but the warning was lifted at 120 on an earlier
  // forecast: the new issue is for the process from 131
  issued_warning lifted;
  lifted.lifted_at = 120;
  const run r({{orange, 0, 100}, {orange, 131, 200}}, 300, 150, lifted);
  REQUIRE_FALSE(r.d.actions.empty());
  CHECK(r[0].kind == action_kind::issue);
  CHECK(r[0].deadline == 131 - 48);
  CHECK(r[0].late_hours == 150 - 83);
  CHECK(r.d.next.start == 131);
  CHECK_FALSE(r.d.next.lifted_at);
}

TEST_CASE("watch: a decision after the data end holds what is in force", "[watch]") {
  const run r({{orange, 0, 100}}, 100, 130, in_force(orange, 0));
  CHECK(r.d.actions.empty());
  CHECK(r.d.required == orange);
}

TEST_CASE("watch: nothing ahead, nothing issued, nothing to do", "[watch]") {
  const run r({}, 300, 40);
  CHECK(r.d.actions.empty());
  CHECK(r.d.hold.empty());
  CHECK_FALSE(r.d.current);
  CHECK_FALSE(r.d.upcoming);
}

TEST_CASE("watch: decide from timeline points cut at now", "[watch]") {
  // daily AQI series: days 0-1 at 180 (yellow, RULES.md §8 example 1), then clean; decided at the
  // end of day 1 with the next three days forecast
  std::vector<timeline_point> t;
  for (int d = -3; d <= 4; ++d) t.push_back({hour_t{d} * 24, d == 0 || d == 1 ? 180.0 : 100.0});
  const auto d = decide(t, series_kind::daily, 47, {}, pingdingshan_2023());
  REQUIRE(d.actions.size() == 2);
  CHECK(d.actions[0].kind == action_kind::issue);
  CHECK(d.actions[0].to == yellow);
  CHECK(d.actions[0].late_hours == 47 + 48);
  CHECK(d.actions[1].kind == action_kind::announce_lift);
  CHECK(d.actions[1].effective == 48);
}
