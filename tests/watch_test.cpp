// The hourly decision of hpa-watch (§3.2.2-§3.2.4): every action, from condition-level series.
#include "hpa/watch.hpp"

#include <catch2/catch.hpp>

#include "helpers.hpp"

using namespace hpa;
using namespace hpa::test;

namespace {
struct run {
  std::vector<episode> episodes;
  watch_decision d;
  run(std::initializer_list<segment> runs, hour_t last, hour_t now, issued_warning before = {}, air_now air = {}) {
    const auto p = pingdingshan_2023();
    const auto v = levels(runs, last);
    episodes = episodes_of(v, 0, p);
    if (now >= 0 && now <= last && air.condition_now == 0) air.condition_now = v[static_cast<std::size_t>(now)];
    d = decide(episodes, now, before, air, p);
  }
};
}  // namespace

TEST_CASE("watch: a forecast episode 60 h ahead is issued on time", "[watch]") {
  const run r({{yellow, 100, 150}}, 300, 40);
  REQUIRE(r.d.actions.size() == 1);
  const auto& a = r.d.actions[0];
  CHECK(a.kind == action_kind::issue);
  CHECK(a.to == yellow);
  CHECK(a.effective == 100);
  CHECK(a.deadline == 52);
  CHECK(a.late_hours == 0);
  CHECK(r.d.required == none);
  CHECK(r.d.next == issued_warning{yellow, 100, 0, std::nullopt});
}

TEST_CASE("watch: one 20 h ahead is issued now, 28 h late", "[watch]") {
  const run r({{orange, 100, 150}}, 300, 80);
  REQUIRE(r.d.actions.size() == 1);
  CHECK(r.d.actions[0].kind == action_kind::issue);
  CHECK(r.d.actions[0].late_hours == 28);
}

TEST_CASE("watch: issued and unchanged is no change", "[watch]") {
  const run r({{orange, 100, 150}}, 300, 80, {orange, 100, 0, std::nullopt});
  CHECK(r.d.actions.empty());
  CHECK(r.d.next == issued_warning{orange, 100, 0, std::nullopt});
}

TEST_CASE("watch: a higher condition upgrades at once", "[watch]") {
  // yellow issued; the data now give red: merged, the episode starts at red
  const run r({{yellow, 0, 20}, {red, 21, 100}}, 300, 30, {yellow, 0, 0, std::nullopt});
  REQUIRE(r.d.actions.size() == 1);
  CHECK(r.d.actions[0].kind == action_kind::upgrade);
  CHECK(r.d.actions[0].from == yellow);
  CHECK(r.d.actions[0].to == red);
  CHECK(r.d.next.level == red);
}

TEST_CASE("watch: a downgrade once 36 h of improvement are confirmed", "[watch]") {
  const run r({{red, 0, 50}, {orange, 51, 120}}, 300, 51, {red, 0, 0, std::nullopt});
  REQUIRE(r.d.actions.size() == 1);
  CHECK(r.d.actions[0].kind == action_kind::downgrade);
  CHECK(r.d.actions[0].to == orange);
  CHECK(r.d.required == orange);
}

TEST_CASE("watch: the lift is announced ahead, then done", "[watch]") {
  SECTION("announced once the forecast confirms it") {
    const run r({{orange, 0, 50}}, 300, 45, {orange, 0, 0, std::nullopt});
    REQUIRE(r.d.actions.size() == 1);
    CHECK(r.d.actions[0].kind == action_kind::announce_lift);
    CHECK(r.d.actions[0].effective == 51);
    const run again({{orange, 0, 50}}, 300, 46, r.d.next);
    CHECK(again.d.actions.empty());
  }
  SECTION("lifted when it comes") {
    const run r({{orange, 0, 50}}, 300, 51, {orange, 0, 0, 51});
    REQUIRE(r.d.actions.size() == 1);
    CHECK(r.d.actions[0].kind == action_kind::lift);
    CHECK(r.d.next == issued_warning{});
  }
}

TEST_CASE("watch: an improvement not yet confirmed holds the level", "[watch]") {
  const run r({{orange, 0, 50}}, 70, 60, {orange, 0, 0, std::nullopt});
  CHECK(r.d.actions.empty());
  CHECK(r.d.required == orange);
  CHECK(r.d.hold == "the air is below orange now, but the timeline confirms only 20 of the 36 h of improvement needed: orange is held");
}

TEST_CASE("watch: the monitoring override flags heavy pollution with no improvement ahead", "[watch]") {
  air_now air;
  air.daily_now = 250;
  air.daily_next_24h.assign(24, 240);
  const run r({{orange, 0, 100}}, 300, 10, {}, air);
  REQUIRE(r.d.actions.size() == 1);
  CHECK(r.d.actions[0].kind == action_kind::issue);
  CHECK(r.d.actions[0].monitoring_override);
  CHECK(r.d.actions[0].late_hours == 58);
  air.daily_next_24h.back() = 180;  // an improvement within 24 h: no override
  const run r2({{orange, 0, 100}}, 300, 10, {}, air);
  CHECK_FALSE(r2.d.actions[0].monitoring_override);
}

TEST_CASE("watch: a forecast that moves the start reschedules; one that vanishes lifts", "[watch]") {
  const run moved({{yellow, 110, 150}}, 300, 40, {yellow, 100, 0, std::nullopt});
  REQUIRE(moved.d.actions.size() == 1);
  CHECK(moved.d.actions[0].kind == action_kind::reschedule);
  CHECK(moved.d.next.start == 110);
  const run gone({}, 300, 40, {yellow, 100, 0, std::nullopt});
  REQUIRE(gone.d.actions.size() == 1);
  CHECK(gone.d.actions[0].kind == action_kind::lift);
}

TEST_CASE("watch: nothing ahead, nothing issued, nothing to do", "[watch]") {
  const run r({}, 300, 40);
  CHECK(r.d.actions.empty());
  CHECK(r.d.hold.empty());
}
