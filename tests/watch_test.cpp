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

issued_warning in_force(level_t l, hour_t start) { return {l, start, start, 0, std::nullopt, std::nullopt}; }
issued_warning ahead(level_t l, hour_t start) { return {l, start, std::nullopt, 0, std::nullopt, std::nullopt}; }
}  // namespace

TEST_CASE("watch: a forecast episode is issued at its deadline, its lift announced within announce_hours", "[watch]") {
  SECTION("60 h ahead: not yet due, and the decision says by when") {
    const run r({{yellow, 100, 150}}, 300, 40);
    CHECK(r.d.actions.empty());
    CHECK(r.d.hold == "yellow is forecast from 1970-01-05T04:00: to be issued by 1970-01-03T04:00");
    CHECK(r.d.next == issued_warning{});
  }
  SECTION("at its deadline (48 h ahead, §3.2.3): issued, on time") {
    const run r({{yellow, 100, 150}}, 300, 52);
    REQUIRE(r.d.actions.size() == 1);
    CHECK(r[0].kind == action_kind::issue);
    CHECK(r[0].to == yellow);
    CHECK(r[0].effective == 100);
    CHECK(r[0].deadline == 52);
    CHECK(r[0].late_hours == 0);
    CHECK(r.d.required == none);
    CHECK(r.d.upcoming->start == 100);
    CHECK(r.d.next == issued_warning{yellow, 100, std::nullopt, 0, std::nullopt, std::nullopt});
    const run early({{yellow, 100, 150}}, 300, 51);  // one hour before it: not yet
    CHECK(early.d.actions.empty());
  }
  SECTION("the lift at 151 is announced announce_hours (24) ahead of it, not before") {
    const run before({{yellow, 100, 150}}, 300, 126, in_force(yellow, 100));
    CHECK(before.d.actions.empty());
    const run at({{yellow, 100, 150}}, 300, 127, in_force(yellow, 100));
    REQUIRE(at.d.actions.size() == 1);
    CHECK(at[0].kind == action_kind::announce_lift);
    CHECK(at[0].effective == 151);
  }
}

TEST_CASE("watch: one 20 h ahead is issued now, 28 h late", "[watch]") {
  const run r({{orange, 100, 150}}, 300, 80);
  REQUIRE(r.d.actions.size() == 1);
  CHECK(r[0].kind == action_kind::issue);
  CHECK(r[0].late_hours == 28);
}

TEST_CASE("watch: what was issued and announced, unchanged, is no change", "[watch]") {
  const run r({{orange, 100, 150}}, 300, 80, {orange, 100, std::nullopt, 0, 151, std::nullopt});
  CHECK(r.d.actions.empty());
  CHECK(r.d.next == issued_warning{orange, 100, std::nullopt, 0, 151, std::nullopt});
}

TEST_CASE("watch: a known downgrade is announced within announce_hours, once, then the lift", "[watch]") {
  // red 100-150, orange to 200, then clean: everything is final in the forecast
  const auto b = bounds_of({{red, 100, 150}, {orange, 151, 200}}, 300);
  const run first(b, 52);
  REQUIRE(first.d.actions.size() == 1);
  CHECK(first[0].kind == action_kind::issue);
  CHECK(first[0].to == red);
  const run too_early(b, 126, first.d.next);  // announce_hours (24) before it: not yet
  CHECK(too_early.d.actions.empty());
  const run ahead_of_it(b, 127, first.d.next);
  REQUIRE(ahead_of_it.d.actions.size() == 1);
  CHECK(ahead_of_it[0].kind == action_kind::announce_downgrade);
  CHECK(ahead_of_it[0].to == orange);
  CHECK(ahead_of_it[0].effective == 151);
  const run again(b, 128, ahead_of_it.d.next);  // the same data again: nothing new
  CHECK(again.d.actions.empty());
  const run at_downgrade(b, 151, again.d.next);  // the downgrade; the lift at 201 is 50 h ahead
  REQUIRE(at_downgrade.d.actions.size() == 1);
  CHECK(at_downgrade[0].kind == action_kind::downgrade);
  CHECK_FALSE(at_downgrade.d.next.announced_at);  // the promise is kept
  CHECK(run(b, 176, at_downgrade.d.next).d.actions.empty());
  const run lift_ahead(b, 177, at_downgrade.d.next);
  REQUIRE(lift_ahead.d.actions.size() == 1);
  CHECK(lift_ahead[0].kind == action_kind::announce_lift);
  CHECK(lift_ahead[0].effective == 201);
  CHECK_FALSE(lift_ahead[0].replaces);
}

TEST_CASE("watch: an announcement is made again only when its hour moves by more than the tolerance", "[watch]") {
  const run first({{orange, 0, 50}}, 300, 45, in_force(orange, 0));
  REQUIRE(first.d.actions.size() == 1);
  CHECK(first[0].effective == 51);
  SECTION("12 h later: the promise stands, and the lift still comes at the rules' hour") {
    const run moved({{orange, 0, 62}}, 300, 46, first.d.next);
    CHECK(moved.d.actions.empty());
    CHECK(moved.d.next.announced_at == 51);
    const run at_old({{orange, 0, 62}}, 300, 51, moved.d.next);
    CHECK(at_old.d.required == orange);
    const run at_new({{orange, 0, 62}}, 300, 63, at_old.d.next);
    REQUIRE(at_new.d.actions.size() == 1);
    CHECK(at_new[0].kind == action_kind::lift);
  }
  SECTION("13 h later: made again, naming the hour it replaces") {
    const run moved({{orange, 0, 63}}, 300, 46, first.d.next);
    REQUIRE(moved.d.actions.size() == 1);
    CHECK(moved[0].kind == action_kind::announce_lift);
    CHECK(moved[0].effective == 64);
    CHECK(moved[0].replaces == 51);
  }
  SECTION("to another level: made again") {
    const run other({{orange, 0, 50}, {yellow, 51, 60}}, 300, 46, first.d.next);
    REQUIRE(other.d.actions.size() == 1);
    CHECK(other[0].kind == action_kind::announce_downgrade);
    CHECK(other[0].replaces == 51);
  }
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

TEST_CASE("watch: a downgrade is decided in the hour its 36th hour of improvement is final, not later", "[watch]") {
  // observed only: red to 50, orange from 51; the timeline ends at now
  const run at35({{red, 0, 50}, {orange, 51, 85}}, 85, 85, in_force(red, 0));
  CHECK(at35.d.actions.empty());
  CHECK(at35.d.hold == "35 of 36 h of improvement are final; the timeline ends there: red is held");
  const run at36({{red, 0, 50}, {orange, 51, 86}}, 86, 86, at35.d.next);
  REQUIRE(at36.d.actions.size() == 1);
  CHECK(at36[0].kind == action_kind::downgrade);
  CHECK(at36[0].to == orange);
  CHECK(at36[0].effective == 86);
  CHECK(at36.d.next.since == 51);  // the rules' hour
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
    const run r({{orange, 0, 50}}, 300, 51, {orange, 0, 0, 0, 51, std::nullopt});
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
  SECTION("nothing is held for what may come after the timeline: 36 final hours below orange downgrade") {
    const run r(bounds_of({{orange, 0, 50}, {yellow, 51, 100}}, 120, {{yellow, 101, 120}}), 120, in_force(orange, 0));
    REQUIRE(r.d.actions.size() == 1);
    CHECK(r[0].kind == action_kind::downgrade);
    CHECK(r[0].to == yellow);
    CHECK(r[0].effective == 120);
    CHECK(r.d.next.since == 51);  // the rules' hour
    CHECK(r.d.required == yellow);
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

TEST_CASE("watch: a forecast that moves the start reschedules, one that vanishes cancels", "[watch]") {
  SECTION("moved earlier by more than the tolerance (12 h): rescheduled at once") {
    const run moved({{yellow, 87, 150}}, 300, 40, ahead(yellow, 100));
    REQUIRE_FALSE(moved.d.actions.empty());
    CHECK(moved[0].kind == action_kind::reschedule);
    CHECK(moved[0].effective == 87);
    CHECK(moved[0].replaces == 100);
    CHECK(moved.d.next.start == 87);
    const run within({{yellow, 88, 150}}, 300, 40, ahead(yellow, 100));
    CHECK(within.d.actions.empty());
  }
  SECTION("moved within it: no notice; it still comes into force at the rules' hour") {
    const run moved({{yellow, 112, 150}}, 300, 40, ahead(yellow, 100));
    CHECK(std::none_of(moved.d.actions.begin(), moved.d.actions.end(),
                       [](const watch_action& a) { return a.kind == action_kind::reschedule; }));
    CHECK(moved.d.next.start == 100);
    const run at_old({{yellow, 112, 150}}, 300, 100, moved.d.next);
    CHECK(at_old.d.required == none);
    const run at_new({{yellow, 112, 150}}, 300, 112, moved.d.next);
    CHECK(at_new.d.required == yellow);
    CHECK(at_new.d.next.since == 112);
  }
  SECTION("gone from the forecast: cancelled") {
    const run gone({}, 300, 40, ahead(yellow, 100));
    REQUIRE(gone.d.actions.size() == 1);
    CHECK(gone[0].kind == action_kind::lift);
  }
}

TEST_CASE("watch: a warning in force whose next episode is in the forecast is lifted, then the next issued",
          "[watch]") {
  // orange 0-50 is over (36 h without any condition are final by 86); yellow 120-170 comes
  const run r({{orange, 0, 50}, {yellow, 120, 170}}, 300, 90, in_force(orange, 0));
  REQUIRE(r.d.actions.size() == 2);
  CHECK(r[0].kind == action_kind::lift);
  CHECK(r[0].effective == 90);
  CHECK(r[1].kind == action_kind::issue);
  CHECK(r[1].to == yellow);
  CHECK(r[1].effective == 120);
  CHECK(r[1].deadline == 72);
  CHECK(r[1].late_hours == 18);
  CHECK(r.d.next == issued_warning{yellow, 120, std::nullopt, 0, std::nullopt, std::nullopt});
  SECTION("when the lift is due at its hour and the next is due too, both in the same run") {
    const run at_lift({{orange, 0, 50}, {yellow, 99, 170}}, 300, 51, {orange, 0, 0, 0, 51, std::nullopt});
    REQUIRE(at_lift.d.actions.size() == 2);
    CHECK(at_lift[0].kind == action_kind::lift);
    CHECK(at_lift[1].kind == action_kind::issue);
    CHECK(at_lift[1].late_hours == 0);
  }
}

TEST_CASE("watch: a warning not yet in force follows the forecast at once, both ways", "[watch]") {
  SECTION("a lower forecast re-grades it now, effective at its start") {
    const run r({{yellow, 100, 150}}, 300, 40, ahead(orange, 100));
    REQUIRE_FALSE(r.d.actions.empty());
    CHECK(r[0].kind == action_kind::downgrade);
    CHECK(r[0].from == orange);
    CHECK(r[0].to == yellow);
    CHECK(r[0].effective == 100);
    CHECK(r.d.next.level == yellow);
  }
  SECTION("a higher forecast re-grades it now, effective at its start, not before") {
    const run r({{orange, 100, 150}}, 300, 40, ahead(yellow, 100));
    REQUIRE_FALSE(r.d.actions.empty());
    CHECK(r[0].kind == action_kind::upgrade);
    CHECK(r[0].to == orange);
    CHECK(r[0].effective == 100);
    CHECK(r.d.required == none);
  }
  SECTION("a lower forecast is followed even when the hours after it could still raise it") {
    // the forecast ends inside the episode: nothing is held for what may come after it
    const run r({{yellow, 100, 150}}, 150, 40, ahead(orange, 100));
    REQUIRE(r.d.actions.size() == 1);
    CHECK(r[0].kind == action_kind::downgrade);
    CHECK(r.d.next.level == yellow);
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

// --- with directives from above (§3.2.2(2), §3.2.3)

namespace {
directive asked(level_t l, hour_t received, hour_t start, std::optional<hour_t> end,
                std::string source = "豫环委办〔2023〕41号") {
  return {received, l, start, end, "A", std::move(source)};
}

// One run with directives, and the memory the next run starts from.
struct directed_run {
  directed_decision d;
  hour_t now;
  directed_run(const condition_bounds& b, hour_t at, const std::vector<directive>& ds,
               const issued_warning& before = {}, const directive_memory& m = {})
      : now(at) {
    const auto p = pingdingshan_2023();
    d = decide_with_directives(b, at, before, ds, m, p);
  }
  directive_memory memory() const { return {now, d.acted}; }
  const directed_action& operator[](std::size_t i) const { return d.actions.at(i); }
};
}  // namespace

TEST_CASE("watch: a directive alone is issued on receipt from its start, held, and lifted at its end", "[watch]") {
  const auto b = bounds_of({}, 300);
  const std::vector<directive> ds = {asked(orange, 40, 47, 100)};
  const directed_run first(b, 40, ds);
  REQUIRE(first.d.actions.size() == 1);
  CHECK(first[0].action.kind == action_kind::issue);
  CHECK(first[0].action.to == orange);
  CHECK(first[0].action.effective == 47);
  CHECK(first[0].action.deadline == 40);  // due on receipt, not 48 h before its start
  CHECK(first[0].action.late_hours == 0);
  CHECK(first[0].why == basis::directive);
  CHECK(first[0].source == "豫环委办〔2023〕41号");
  CHECK(first[0].reason == "per 豫环委办〔2023〕41号");
  CHECK(first.d.required == none);
  CHECK(first.d.acted == std::vector<std::string>{directive_key(ds[0])});

  SECTION("the same run again, and the runs after it, act on it no more") {
    CHECK(directed_run(b, 40, ds, first.d.next, first.memory()).d.actions.empty());
    const directed_run started(b, 60, ds, first.d.next, {59, first.d.acted});
    CHECK(started.d.actions.empty());
    CHECK(started.d.required == orange);
    CHECK(started.d.why == basis::directive);
    CHECK(started.d.note == "orange per 豫环委办〔2023〕41号 until 1970-01-05T04:00");
  }
  SECTION("at its end, with no warning of the rules, it is lifted there") {
    const directed_run end(b, 100, ds, first.d.next, {99, first.d.acted});
    REQUIRE(end.d.actions.size() == 1);
    CHECK(end[0].action.kind == action_kind::lift);
    CHECK(end[0].action.from == orange);
    CHECK(end[0].action.effective == 100);
    CHECK(end[0].why == basis::directive);
    CHECK(end[0].reason == "豫环委办〔2023〕41号 ends");
    CHECK(end.d.required == none);
    const directed_run late(b, 105, ds, first.d.next, {90, first.d.acted});  // runs missed: lifted at its end
    REQUIRE(late.d.actions.size() == 1);
    CHECK(late[0].action.effective == 100);
    CHECK(directed_run(b, 101, ds, first.d.next, end.memory()).d.actions.empty());
  }
}

TEST_CASE("watch: a directive received after its start is late from its receipt, not from its start", "[watch]") {
  const directed_run r(bounds_of({}, 300), 105, {asked(orange, 100, 90, std::nullopt)}, {}, {99, {}});
  REQUIRE(r.d.actions.size() == 1);
  CHECK(r[0].action.kind == action_kind::issue);
  CHECK(r[0].action.effective == 105);
  CHECK(r[0].action.deadline == 100);
  CHECK(r[0].action.late_hours == 5);
  CHECK(r.d.required == orange);
}

TEST_CASE("watch: a directive above the rules upgrades, at its end the rules' own level goes on", "[watch]") {
  const std::vector<directive> ds = {asked(orange, 120, 120, 150)};
  const directed_run up(bounds_of({{yellow, 0, 120}}, 120), 120, ds, in_force(yellow, 0), {119, {}});
  REQUIRE(up.d.actions.size() == 1);
  CHECK(up[0].action.kind == action_kind::upgrade);
  CHECK(up[0].action.from == yellow);
  CHECK(up[0].action.to == orange);
  CHECK(up[0].why == basis::directive);
  CHECK(up.d.next.level == yellow);  // the rules' own warning
  // the rules' own warning, as decide() holds it, is what goes on: not a level it never issued
  const directed_run end(bounds_of({{yellow, 0, 150}}, 150), 150, ds, up.d.next, {149, up.d.acted});
  REQUIRE(end.d.actions.size() == 1);
  CHECK(end[0].action.kind == action_kind::downgrade);
  CHECK(end[0].action.to == yellow);
  CHECK(end[0].action.effective == 150);
  CHECK(end[0].why == basis::rules);
  CHECK(end[0].source == "豫环委办〔2023〕41号");
  CHECK(end[0].reason == "豫环委办〔2023〕41号 ends; the rules hold yellow");
  CHECK(end.d.next == issued_warning{yellow, 0, 0, 0, std::nullopt, std::nullopt});
}

TEST_CASE("watch: a directive below the rules changes nothing until the rules would lift", "[watch]") {
  const std::vector<directive> ds = {asked(yellow, 30, 30, 200)};
  const directed_run asked_less(bounds_of({{orange, 0, 30}}, 30), 30, ds, in_force(orange, 0), {29, {}});
  CHECK(asked_less.d.actions.empty());
  CHECK(asked_less.d.why == basis::rules);
  CHECK(asked_less.d.note == "豫环委办〔2023〕41号 asks yellow from 1970-01-02T06:00: orange is in force");
  CHECK(asked_less.d.acted.size() == 1);
  // the rules' improvement is final (36 h without a condition after 50): their lift is the directive's yellow
  const directed_run lift(bounds_of({{orange, 0, 50}}, 120), 120, ds, in_force(orange, 0), {119, asked_less.d.acted});
  REQUIRE(lift.d.actions.size() == 1);
  CHECK(lift[0].action.kind == action_kind::downgrade);
  CHECK(lift[0].action.to == yellow);
  CHECK(lift[0].why == basis::directive);
  CHECK(lift[0].reason == "per 豫环委办〔2023〕41号");
  CHECK(lift.d.next.level == none);
  CHECK(lift.d.required == yellow);
}

TEST_CASE("watch: a directive that ends while the rules hold its level changes nothing", "[watch]") {
  const std::vector<directive> ds = {asked(orange, 0, 0, 150)};
  const auto key = std::vector<std::string>{directive_key(ds[0])};
  const directed_run r(bounds_of({{orange, 0, 150}}, 150), 150, ds, in_force(orange, 0), {149, key});
  CHECK(r.d.actions.empty());
  CHECK(r.d.required == orange);
  CHECK(r.d.why == basis::rules);
  CHECK(r.d.note == "豫环委办〔2023〕41号 ended at 1970-01-07T06:00; orange continues on the rules' basis");
}

TEST_CASE("watch: directives for another area, or none, leave the rules' decision as it is", "[watch]") {
  const auto b = bounds_of({{red, 100, 150}, {orange, 151, 200}}, 300);
  const auto p = pingdingshan_2023();
  const auto rules = decide(b, 40, {}, p);
  const std::vector<directive> all = {asked(red, 30, 40, 60)};
  const auto mine = directives_for(all, "B");
  CHECK(mine.empty());
  const auto d = decide_with_directives(b, 40, {}, mine, {}, p);
  REQUIRE(d.actions.size() == rules.actions.size());
  for (std::size_t i = 0; i < d.actions.size(); ++i) {
    CHECK(d.actions[i].action.kind == rules.actions[i].kind);
    CHECK(d.actions[i].action.to == rules.actions[i].to);
    CHECK(d.actions[i].action.effective == rules.actions[i].effective);
    CHECK(d.actions[i].why == basis::rules);
  }
  CHECK(d.next == rules.next);
}

TEST_CASE("watch: a rules' warning ahead that a directive covers is issued at the directive's level", "[watch]") {
  // the forecast shows yellow 100-150; a directive asks orange 90-120
  const directed_run r(bounds_of({{yellow, 100, 150}}, 300), 52, {asked(orange, 40, 90, 121)});
  REQUIRE(r.d.actions.size() == 1);  // the rules' own yellow at 100, due now, falls under the orange
  CHECK(r[0].action.kind == action_kind::issue);
  CHECK(r[0].action.effective == 90);
  CHECK(r[0].action.to == orange);
  CHECK(r[0].why == basis::directive);
  CHECK(r.d.next.level == yellow);
}

TEST_CASE("watch: a warning issued ahead whose process comes early is rescheduled by when it comes into force",
          "[watch]") {
  // issued for 100; the process turns out to have begun at 80, and the decision sees it at `now`
  SECTION("seen at 95, 5 h before the start issued: in force now, no notice (within the tolerance)") {
    const run r({{yellow, 80, 150}}, 300, 95, ahead(yellow, 100));
    CHECK(r.d.actions.empty());
    CHECK(r.d.required == yellow);
  }
  SECTION("seen at 87, 13 h before it: rescheduled to now") {
    const run r({{yellow, 80, 150}}, 300, 87, ahead(yellow, 100));
    REQUIRE(r.d.actions.size() == 1);
    CHECK(r[0].kind == action_kind::reschedule);
    CHECK(r[0].effective == 87);
    CHECK(r[0].replaces == 100);
  }
  SECTION("seen at 120, after the start issued: in force as issued, no notice") {
    const run r({{yellow, 80, 150}}, 300, 120, ahead(yellow, 100));
    CHECK(r.d.actions.empty());
    CHECK(r.d.required == yellow);
  }
}

TEST_CASE("watch: a warning issued ahead whose process moves later is rescheduled when the start issued comes",
          "[watch]") {
  // issued for 100; a revision of the forecast shows the process from 130 (RULES.md §9: a notice
  // of every revision is what announcements as promises avoid)
  SECTION("seen ahead, at 60: no notice yet, the start issued stands (the next revision may bring it back)") {
    const run r({{yellow, 130, 180}}, 300, 60, ahead(yellow, 100));
    CHECK(r.d.actions.empty());
    CHECK(r.d.next.start == 100);
    CHECK(r.d.required == none);
  }
  SECTION("the start issued comes without its process: rescheduled to the start the rules give") {
    const run r({{yellow, 130, 180}}, 300, 100, ahead(yellow, 100));
    REQUIRE(r.d.actions.size() == 1);
    CHECK(r[0].kind == action_kind::reschedule);
    CHECK(r[0].effective == 130);
    CHECK(r[0].replaces == 100);
    CHECK(r.d.next.start == 130);
    CHECK(r.d.required == none);
  }
  SECTION("the start issued comes and the process is now past the deadline horizon: cancelled") {
    // 149 is 49 h after 100, past lead_hours (48): not yet due, issued again at its deadline
    const run r({{yellow, 149, 180}}, 300, 100, ahead(yellow, 100));
    REQUIRE(r.d.actions.size() == 1);
    CHECK(r[0].kind == action_kind::lift);
    CHECK(r[0].effective == 100);
    CHECK(r.d.next.level == none);
    CHECK(r.d.hold.find("to be issued by") != std::string::npos);
    const run due({{yellow, 149, 180}}, 300, 101, r.d.next);
    REQUIRE(due.d.actions.size() == 1);
    CHECK(due[0].kind == action_kind::issue);
    CHECK(due[0].effective == 149);
    CHECK(due[0].late_hours == 0);
  }
  SECTION("at the deadline horizon exactly: rescheduled, still due now") {
    const run r({{yellow, 148, 180}}, 300, 100, ahead(yellow, 100));
    REQUIRE(r.d.actions.size() == 1);
    CHECK(r[0].kind == action_kind::reschedule);
    CHECK(r[0].effective == 148);
  }
  SECTION("later within the tolerance: no notice, in force when the process comes") {
    const run r({{yellow, 112, 180}}, 300, 100, ahead(yellow, 100));
    CHECK(r.d.actions.empty());
    const run then({{yellow, 112, 180}}, 300, 112, r.d.next);
    CHECK(then.d.actions.empty());
    CHECK(then.d.required == yellow);
  }
}
