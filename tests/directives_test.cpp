// Directives from above combined with the rules (§3.2.2(2), §3.2.3): include/hpa/directives.hpp.
#include "hpa/directives.hpp"

#include <catch2/catch.hpp>
#include <cmath>

#include "helpers.hpp"
#include "hpa/watch.hpp"  // what a watch run does with them

using namespace hpa;
using namespace hpa::test;

namespace Catch {
template <>
struct StringMaker<segment> {
  static std::string convert(const segment& s) {
    return std::to_string(s.level) + " " + std::to_string(s.from) + ".." + std::to_string(s.to);
  }
};
template <>
struct StringMaker<basis_segment> {
  static std::string convert(const basis_segment& s) {
    return std::to_string(s.level) + " " + std::to_string(s.from) + ".." + std::to_string(s.to) + " " +
           to_string(s.why) + " rules " + std::to_string(s.rules) + " directed " + std::to_string(s.directed) + " '" +
           s.source + "'";
  }
};
}  // namespace Catch

namespace {

const std::string doc = "豫环委办〔2023〕7号";

directive dir(level_t level, hour_t start, std::optional<hour_t> end, hour_t received, std::string area = {},
              std::string source = doc) {
  return {received, level, start, end, std::move(area), std::move(source)};
}

// The rules' episodes of a condition-level series (hours 0 … last), then the directives.
std::vector<directed_episode> run(std::initializer_list<segment> conditions, std::vector<directive> ds,
                                  hour_t last = 300, const profile& p = pingdingshan_2023()) {
  const auto rules = episodes_of(levels(conditions, last), 0, p);
  return with_directives(rules, ds, 0, last, p, [](hour_t h) { return 100.0 + double(h); });
}

basis_segment part(level_t level, hour_t from, hour_t to, basis why, level_t rules, level_t directed,
                   std::string source = doc) {
  return {level, from, to, why, rules, directed, directed || why != basis::rules ? std::move(source) : std::string()};
}

}  // namespace

TEST_CASE("directives: a directive alone is a warning on instruction, lifted at its end", "[directives]") {
  const auto d = run({}, {dir(orange, 100, 150, 93)});
  REQUIRE(d.size() == 1);
  CHECK(d[0].e.start == 100);
  CHECK(d[0].e.end == 149);
  CHECK(d[0].e.lift == 150);
  CHECK(d[0].e.level == orange);
  CHECK(d[0].why == basis::directive);
  CHECK(d[0].parts == std::vector<basis_segment>{part(orange, 100, 149, basis::directive, none, orange)});
  CHECK(d[0].own.empty());
  CHECK(d[0].e.processes == 0);
  REQUIRE(d[0].directed_by.size() == 1);
  CHECK(d[0].directed_by[0].source == doc);
  SECTION("due on receipt, §3.2.3 及时启动") { CHECK(d[0].e.issue_by == 93); }
  SECTION("the daily AQI over its hours") {
    CHECK(d[0].e.max_daily_aqi == 249.0);
    CHECK(d[0].e.min_daily_aqi == 200.0);
    CHECK(d[0].e.mean_daily_aqi == Approx(224.5));
  }
  CHECK(hours_by_basis(d[0]).directive == 50);
}

TEST_CASE("directives: received long before its start, it is due lead_hours ahead", "[directives]") {
  const auto d = run({}, {dir(yellow, 200, 240, 100)});
  REQUIRE(d.size() == 1);
  CHECK(d[0].e.issue_by == 200 - 48);
  SECTION("the profile's hours after receipt") {
    auto p = pingdingshan_2023();
    p.directives.issue_hours = 6;
    const auto late = run({}, {dir(yellow, 200, 240, 190)}, 300, p);
    CHECK(late[0].e.issue_by == 196);
  }
}

TEST_CASE("directives: one below the rules' level changes nothing but the audit trail", "[directives]") {
  const auto d = run({{orange, 0, 89}}, {dir(yellow, 50, 81, 40)});
  REQUIRE(d.size() == 1);
  CHECK(d[0].e.segments == std::vector<segment>{{orange, 0, 89}});
  CHECK(d[0].e.lift == 90);
  CHECK(d[0].why == basis::rules);
  CHECK(d[0].parts == std::vector<basis_segment>{part(orange, 0, 49, basis::rules, orange, none),
                                                 part(orange, 50, 80, basis::rules, orange, yellow),
                                                 part(orange, 81, 89, basis::rules, orange, none)});
  CHECK(d[0].directed_by.empty());
  CHECK(d[0].e.issue_by == -48);
  CHECK(d[0].e.processes == 1);
  CHECK(std::isnan(d[0].e.max_daily_aqi));  // the rules' own figures (none, from levels alone)
}

TEST_CASE("directives: one above the rules' level raises it for its span", "[directives]") {
  const auto d = run({{yellow, 0, 60}}, {dir(red, 20, 41, 10)});
  REQUIRE(d.size() == 1);
  CHECK(d[0].e.segments == std::vector<segment>{{yellow, 0, 19}, {red, 20, 40}, {yellow, 41, 60}});
  CHECK(d[0].e.level == red);
  CHECK(d[0].e.lift == 61);
  CHECK(d[0].why == basis::both);
  CHECK(d[0].parts[1] == part(red, 20, 40, basis::directive, yellow, red));
  CHECK(d[0].e.trigger.level == yellow);  // the rules' own trigger
  CHECK(d[0].own.size() == 1);
  const auto h = hours_by_basis(d[0]);
  CHECK(h.rules == 20 + 20);
  CHECK(h.directive == 21);
  CHECK(h.both == 0);
  SECTION("the same level from both") {
    const auto same = run({{orange, 0, 60}}, {dir(orange, 20, 41, 10)});
    CHECK(same[0].parts[1] == part(orange, 20, 40, basis::both, orange, orange));
    CHECK(same[0].why == basis::both);
    CHECK(same[0].e.segments == std::vector<segment>{{orange, 0, 60}});
  }
}

TEST_CASE("directives: when one ends while the rules still hold, they decide again", "[directives]") {
  SECTION("it starts the warning early, the rules carry it on") {
    const auto d = run({{orange, 50, 150}}, {dir(orange, 20, 100, 12)});
    REQUIRE(d.size() == 1);
    CHECK(d[0].parts == std::vector<basis_segment>{part(orange, 20, 49, basis::directive, none, orange),
                                                   part(orange, 50, 99, basis::both, orange, orange),
                                                   part(orange, 100, 150, basis::rules, orange, none)});
    CHECK(d[0].e.lift == 151);
    CHECK(d[0].e.issue_by == 12);  // on receipt: the rules alone would have been due at 50 - 48 = 2
  }
  SECTION("a higher one ends: down at once to the rules' level, no 36 h wait") {
    const auto d = run({{orange, 0, 150}}, {dir(red, 20, 100, 12)});
    REQUIRE(d.size() == 1);
    CHECK(d[0].e.segments == std::vector<segment>{{orange, 0, 19}, {red, 20, 99}, {orange, 100, 150}});
  }
  SECTION("the rules hold nothing: lifted at its end") {
    const auto d = run({{orange, 0, 47}}, {dir(orange, 20, 150, 12)});
    REQUIRE(d.size() == 1);
    CHECK(d[0].e.start == 0);
    CHECK(d[0].e.lift == 150);
    CHECK(d[0].parts.back() == part(orange, 48, 149, basis::directive, none, orange));
  }
}

TEST_CASE("directives: one bridging two of the rules' episodes makes one", "[directives]") {
  REQUIRE(run({{orange, 0, 47}, {yellow, 150, 197}}, {}).size() == 2);
  const auto d = run({{orange, 0, 47}, {yellow, 150, 197}}, {dir(orange, 40, 160, 35)});
  REQUIRE(d.size() == 1);
  CHECK(d[0].own.size() == 2);
  CHECK(d[0].e.processes == 2);
  CHECK(d[0].e.segments == std::vector<segment>{{orange, 0, 159}, {yellow, 160, 197}});
  CHECK(d[0].e.lift == 198);
}

TEST_CASE("directives: one for another area does not apply", "[directives]") {
  const std::vector<directive> all = {dir(orange, 100, 150, 93, "汝州市"), dir(yellow, 10, 20, 5, "新华区")};
  CHECK(directives_for(all, "新华区").size() == 1);
  CHECK(directives_for(all, "卫东区").empty());
  CHECK(run({}, directives_for(all, "卫东区")).empty());
  SECTION("an area left empty names every one") {
    const std::vector<directive> every = {dir(orange, 100, 150, 93)};
    CHECK(directives_for(every, "卫东区").size() == 1);
  }
}

TEST_CASE("directives: a later one takes over from its start", "[directives]") {
  const std::vector<directive> ds = {dir(orange, 10, std::nullopt, 5, {}, "A"), dir(red, 30, 40, 20, {}, "B"),
                                     dir(0, 60, std::nullopt, 55, {}, "C")};
  CHECK(directive_in_force(ds, 9) == nullptr);
  CHECK(directive_in_force(ds, 10)->source == "A");
  CHECK(directive_in_force(ds, 30)->source == "B");
  CHECK(directive_in_force(ds, 45) == nullptr);  // B took over from A and ended
  CHECK(directive_in_force(ds, 60)->source == "C");
  const auto d = run({}, ds);
  REQUIRE(d.size() == 1);
  CHECK(d[0].e.segments == std::vector<segment>{{orange, 10, 29}, {red, 30, 39}});
  CHECK(d[0].e.lift == 40);
  REQUIRE(d[0].directed_by.size() == 2);
  CHECK(d[0].directed_by[1].source == "B");
  SECTION("an open one lifted by a row of level none") {
    const auto lifted = run({}, {dir(orange, 10, std::nullopt, 5, {}, "A"), dir(0, 60, std::nullopt, 55, {}, "C")});
    REQUIRE(lifted.size() == 1);
    CHECK(lifted[0].e.lift == 60);
  }
}

TEST_CASE("directives: at the end of the data", "[directives]") {
  SECTION("one without an end still in force: pending on it") {
    const auto d = run({}, {dir(orange, 250, std::nullopt, 245)});
    REQUIRE(d.size() == 1);
    CHECK(d[0].e.pending);
    CHECK_FALSE(d[0].e.lift);
    CHECK(d[0].e.end == 300);
    CHECK(d[0].pending_on == doc);
  }
  SECTION("one whose end is past the data: in force to its end") {
    const auto d = run({}, {dir(orange, 250, 340, 245)});
    REQUIRE(d.size() == 1);
    CHECK_FALSE(d[0].e.pending);
    CHECK(d[0].e.end == 339);
    CHECK(d[0].e.lift == 340);
    CHECK(d[0].e.mean_daily_aqi == Approx((350.0 + 400.0) / 2));  // hours past the data have no value
  }
  SECTION("the rules still hold their warning: pending on them") {
    const auto d = run({{orange, 200, 290}}, {dir(red, 250, 340, 245)});
    REQUIRE(d.size() == 1);
    CHECK(d[0].e.pending);
    CHECK(d[0].e.end == 300);
    CHECK(d[0].pending_on.empty());
    CHECK(d[0].e.pending_seen == 10);
  }
}

TEST_CASE("directives: as_directed, a directive's level is the level in force", "[directives]") {
  auto p = pingdingshan_2023();
  p.directives.level = directive_level::as_directed;
  const auto d = run({{red, 0, 100}}, {dir(yellow, 40, 60, 30), dir(0, 80, 91, 70, {}, "lift")}, 300, p);
  REQUIRE(d.size() == 2);
  CHECK(d[0].e.segments == std::vector<segment>{{red, 0, 39}, {yellow, 40, 59}, {red, 60, 79}});
  CHECK(d[0].parts[1] == part(yellow, 40, 59, basis::directive, red, yellow));
  CHECK(d[0].e.lift == 80);   // the lift row ends the rules' warning over its span …
  CHECK(d[1].e.start == 91);  // … and they decide again after it
  CHECK(d[1].e.lift == 101);
}

TEST_CASE("directives: what a watch run acts on", "[directives]") {
  const std::vector<directive> ds = {dir(orange, 10, 50, 5, {}, "A"), dir(red, 30, 40, 20, {}, "B")};
  const auto got = directives_received(ds, 5, 20);
  REQUIRE(got.size() == 1);
  CHECK(got[0]->source == "B");
  CHECK(directives_received(ds, 20, 30).empty());
  CHECK(directive_issue_by(ds[1], pingdingshan_2023()) == 20);
  CHECK(directive_key(ds[0]) == "A||1970-01-01T05:00|1970-01-01T10:00");
  const auto c = level_with_directives(yellow, ds, 35, pingdingshan_2023());
  CHECK(c.level == red);
  CHECK(c.why == basis::directive);
  CHECK(c.by->source == "B");
  CHECK(level_with_directives(red, ds, 35, pingdingshan_2023()).why == basis::both);
  CHECK(level_with_directives(red, ds, 45, pingdingshan_2023()).why == basis::rules);
}

TEST_CASE("directives: one that starts before the data counts from the first hour", "[directives]") {
  const auto rules = episodes_of(levels({}, 100), 0, pingdingshan_2023());
  const std::vector<directive> ds = {dir(orange, -100000, 20, -100010)};
  int asked = 0;
  const auto d = with_directives(rules, ds, 0, 100, pingdingshan_2023(), [&](hour_t) {
    ++asked;
    return 150.0;
  });
  REQUIRE(d.size() == 1);
  CHECK(d[0].e.start == 0);
  CHECK(d[0].e.lift == 20);
  CHECK(asked == 20);
}

// --- overlaps and late ones: a directive received later supersedes the earlier from its start;
// one received at or after its end asks nothing

TEST_CASE("directives: one received later supersedes the earlier from its start", "[directives]") {
  // red asked from 20 to 100; six hours after it, yellow from 10 to 60
  const std::vector<directive> ds = {dir(red, 20, 100, 5, {}, "red"), dir(yellow, 10, 60, 11, {}, "yellow")};
  CHECK(directive_in_force(ds, 15)->source == "yellow");
  CHECK(directive_in_force(ds, 30)->source == "yellow");  // red never comes: replaced before it starts
  CHECK(directive_in_force(ds, 70) == nullptr);           // and yellow's end leaves none in force
  const auto d = run({}, ds);
  REQUIRE(d.size() == 1);
  CHECK(d[0].e.segments == std::vector<segment>{{yellow, 10, 59}});
  CHECK(d[0].e.lift == 60);
  SECTION("a later one starting later replaces it from there") {
    const auto later = run({}, {dir(red, 20, 100, 5, {}, "red"), dir(yellow, 40, 60, 11, {}, "yellow")});
    REQUIRE(later.size() == 1);
    CHECK(later[0].e.segments == std::vector<segment>{{red, 20, 39}, {yellow, 40, 59}});
  }
}

TEST_CASE("directives: one received at or after its end asks nothing: left out, never applied to the past",
          "[directives]") {
  const std::vector<directive> ds = {dir(orange, 10, 50, 50, {}, "at its end"), dir(red, 10, 50, 70, {}, "after"),
                                     dir(yellow, 10, 50, 49, {}, "just in time")};
  CHECK(received_after_end(ds[0]));
  CHECK(received_after_end(ds[1]));
  CHECK_FALSE(received_after_end(ds[2]));
  CHECK_FALSE(received_after_end(dir(yellow, 10, std::nullopt, 900)));  // without an end it never is
  const auto mine = directives_for(ds, "卫东区");
  REQUIRE(mine.size() == 1);
  CHECK(mine[0].source == "just in time");
  const auto d = run({}, mine);
  REQUIRE(d.size() == 1);
  CHECK(d[0].e.segments == std::vector<segment>{{yellow, 10, 49}});
}

namespace {
// Decisions at `now` for a station whose air is clean throughout, with directives `ds`, from
// what the run before left.
struct clean_run {
  directed_decision d;
  hour_t now;
  clean_run(hour_t at, const std::vector<directive>& ds, const directive_memory& m = {}, const issued_warning& w = {})
      : now(at) {
    const auto p = pingdingshan_2023();
    std::vector<timeline_point> points;
    for (hour_t h = 0; h <= at; ++h) points.push_back({h, 100});
    d = decide_with_directives(final_conditions(points, series_kind::hourly, p), at, w, directives_for(ds, "卫东区"), m,
                               p);
  }
  directive_memory memory() const { return {now, d.acted}; }
};
}  // namespace

TEST_CASE("directives: a watch run that learns of one replacing an acted one announces the drop", "[directives]") {
  SECTION("red issued for 100; yellow received at 60 from 70: issued beside red no more") {
    const std::vector<directive> ds = {dir(red, 100, 200, 50, {}, "red"), dir(yellow, 70, 150, 60, {}, "yellow")};
    const clean_run first(55, ds);
    REQUIRE(first.d.actions.size() == 1);
    CHECK(first.d.actions[0].action.kind == action_kind::issue);
    CHECK(first.d.actions[0].action.to == red);
    const clean_run second(61, ds, first.memory(), first.d.next);
    REQUIRE(second.d.actions.size() == 2);
    const auto& issue = second.d.actions[0];
    CHECK(issue.action.kind == action_kind::issue);
    CHECK(issue.action.to == yellow);
    CHECK(issue.action.effective == 70);
    const auto& drop = second.d.actions[1];
    CHECK(drop.action.kind == action_kind::announce_downgrade);
    CHECK(drop.action.from == red);
    CHECK(drop.action.to == yellow);
    CHECK(drop.action.effective == 100);  // the red announced for 100 does not come
    CHECK(drop.source == "yellow");
    CHECK(drop.reason == "yellow replaces red");
    const clean_run third(62, ds, second.memory(), second.d.next);  // said once
    CHECK(third.d.actions.empty());
  }
  SECTION("red in force; yellow received from later on: the downgrade at its start, announced") {
    const std::vector<directive> ds = {dir(red, 20, 200, 10, {}, "red"), dir(yellow, 70, 150, 60, {}, "yellow")};
    const clean_run first(30, ds);
    const clean_run second(61, ds, first.memory(), first.d.next);
    REQUIRE(second.d.actions.size() == 1);
    CHECK(second.d.actions[0].action.kind == action_kind::announce_downgrade);
    CHECK(second.d.actions[0].action.effective == 70);
    CHECK(second.d.actions[0].reason == "yellow replaces red");
    CHECK(second.d.required == red);
    const clean_run at_start(75, ds, second.memory(), second.d.next);
    REQUIRE(at_start.d.actions.size() == 1);
    CHECK(at_start.d.actions[0].action.kind == action_kind::downgrade);
    CHECK(at_start.d.required == yellow);
  }
  SECTION("one that replaced red and ended before any run saw it leaves none in force") {
    const std::vector<directive> ds = {dir(red, 20, 200, 10, {}, "red"), dir(yellow, 70, 100, 60, {}, "yellow")};
    const clean_run first(30, ds);
    const clean_run later(120, ds, first.memory(), first.d.next);
    CHECK(later.d.required == none);
    REQUIRE(later.d.actions.size() == 1);
    CHECK(later.d.actions[0].action.kind == action_kind::lift);
    CHECK(clean_run(120, ds).d.required == none);  // without a state: the same
  }
}
