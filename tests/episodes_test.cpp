// RULES.md §8 examples 10-18: the warning in force from a condition-level series.
#include "hpa/episodes.hpp"

#include <catch2/catch.hpp>

#include "helpers.hpp"

using namespace hpa;
using namespace hpa::test;

namespace {
std::vector<episode> run(std::initializer_list<segment> runs, hour_t last = 300,
                         const profile& p = pingdingshan_2023()) {
  const auto v = levels(runs, last);
  return episodes_of(v, 0, p);
}
}  // namespace

TEST_CASE("episodes: 10. a 30 h gap merges two processes", "[episodes]") {
  const auto e = run({{orange, 0, 47}, {orange, 78, 125}});
  REQUIRE(e.size() == 1);
  CHECK(e[0].segments == std::vector<segment>{{orange, 0, 125}});
  CHECK(e[0].lift == 126);
  CHECK(e[0].processes == 2);
  CHECK(e[0].issue_by == -48);
}

TEST_CASE("episodes: 11. a 36 h gap makes two episodes", "[episodes]") {
  const auto e = run({{orange, 0, 47}, {orange, 84, 131}});
  REQUIRE(e.size() == 2);
  CHECK(e[0].segments == std::vector<segment>{{orange, 0, 47}});
  CHECK(e[0].lift == 48);
  CHECK(e[1].segments == std::vector<segment>{{orange, 84, 131}});
  CHECK(e[1].lift == 132);
  CHECK(e[1].issue_by == 84 - 48);
}

TEST_CASE("episodes: 12. merged processes start at the higher level", "[episodes]") {
  SECTION("merged_start = highest") {
    const auto e = run({{yellow, 0, 47}, {red, 68, 139}});
    REQUIRE(e.size() == 1);
    CHECK(e[0].segments == std::vector<segment>{{red, 0, 139}});
    CHECK(e[0].lift == 140);
    CHECK(e[0].trigger_hour == 68);
  }
  SECTION("merged_start = as_reached") {
    auto p = pingdingshan_2023();
    p.start = merged_start::as_reached;
    const auto e = run({{yellow, 0, 47}, {red, 68, 139}}, 300, p);
    REQUIRE(e.size() == 1);
    CHECK(e[0].segments == std::vector<segment>{{yellow, 0, 67}, {red, 68, 139}});
  }
}

TEST_CASE("episodes: 13. downgrade after a confirmed improvement, then upgrade", "[episodes]") {
  const auto e = run({{red, 0, 79}, {orange, 80, 159}, {red, 160, 240}});
  REQUIRE(e.size() == 1);
  CHECK(e[0].segments == std::vector<segment>{{red, 0, 79}, {orange, 80, 159}, {red, 160, 240}});
  CHECK(e[0].lift == 241);
  CHECK(e[0].level == red);
}

TEST_CASE("episodes: 14. an improvement of 21 h is no downgrade", "[episodes]") {
  const auto e = run({{red, 0, 79}, {orange, 80, 100}, {red, 101, 181}});
  REQUIRE(e.size() == 1);
  CHECK(e[0].segments == std::vector<segment>{{red, 0, 181}});
  CHECK(e[0].lift == 182);
}

TEST_CASE("episodes: 15. the data end before the lift is confirmed", "[episodes]") {
  const auto e = run({{orange, 0, 59}}, 80);
  REQUIRE(e.size() == 1);
  CHECK(e[0].segments == std::vector<segment>{{orange, 0, 80}});
  CHECK_FALSE(e[0].lift);
  CHECK(e[0].pending);
  CHECK(e[0].pending_to == none);
  CHECK(e[0].pending_seen == 21);
}

TEST_CASE("episodes: 16. downgrade to the highest level of the improving stretch", "[episodes]") {
  const auto e = run({{red, 0, 30}, {yellow, 31, 40}, {orange, 41, 70}});
  REQUIRE(e.size() == 1);
  CHECK(e[0].segments == std::vector<segment>{{red, 0, 30}, {orange, 31, 70}});
  CHECK(e[0].lift == 71);
}

TEST_CASE("episodes: 17. a later episode never props up an earlier one", "[episodes]") {
  const auto e = run({{orange, 0, 59}, {yellow, 120, 150}});
  REQUIRE(e.size() == 2);
  CHECK(e[0].segments == std::vector<segment>{{orange, 0, 59}});
  CHECK(e[0].lift == 60);
  CHECK(e[1].segments == std::vector<segment>{{yellow, 120, 150}});
  CHECK(e[1].lift == 151);
}

TEST_CASE("episodes: 18. a downgrade pending at the end of the data", "[episodes]") {
  const auto e = run({{red, 0, 59}, {orange, 60, 80}}, 80);
  REQUIRE(e.size() == 1);
  CHECK(e[0].segments == std::vector<segment>{{red, 0, 80}});
  CHECK(e[0].pending);
  CHECK(e[0].pending_to == orange);
  CHECK(e[0].pending_seen == 21);
}

TEST_CASE("episodes: 21. a downgrade goes to the highest level of the 36 h that justify it", "[episodes]") {
  // the 36 h from hour 60 show only yellow; the later orange is an upgrade at hour 100
  const auto e = run({{red, 0, 59}, {yellow, 60, 99}, {orange, 100, 150}});
  REQUIRE(e.size() == 1);
  CHECK(e[0].segments == std::vector<segment>{{red, 0, 59}, {yellow, 60, 99}, {orange, 100, 150}});
  CHECK(e[0].lift == 151);
  SECTION("orange at the 36th hour of the improvement counts; at the 37th it is an upgrade") {
    const auto in = run({{red, 0, 59}, {yellow, 60, 94}, {orange, 95, 150}});
    CHECK(in[0].segments == std::vector<segment>{{red, 0, 59}, {orange, 60, 150}});
    const auto out = run({{red, 0, 59}, {yellow, 60, 95}, {orange, 96, 150}});
    CHECK(out[0].segments == std::vector<segment>{{red, 0, 59}, {yellow, 60, 95}, {orange, 96, 150}});
  }
}

TEST_CASE("episodes: data ending inside a process leave the episode pending", "[episodes]") {
  const auto e = run({{yellow, 10, 50}}, 50);
  REQUIRE(e.size() == 1);
  CHECK(e[0].segments == std::vector<segment>{{yellow, 10, 50}});
  CHECK(e[0].pending);
  CHECK(e[0].pending_seen == 0);
}

TEST_CASE("episodes: a shorter lift span from the profile", "[episodes]") {
  auto p = pingdingshan_2023();
  p.lift_hours = 24;
  p.lead_hours = 24;
  const auto e = run({{orange, 0, 47}, {orange, 78, 125}}, 300, p);
  REQUIRE(e.size() == 2);  // the 30 h gap now lifts
  CHECK(e[0].lift == 48);
  CHECK(e[1].issue_by == 78 - 24);
}

TEST_CASE("episodes: nothing in, nothing out", "[episodes]") {
  CHECK(run({}).empty());
  CHECK(episodes_of(std::vector<level_t>{}, 0, pingdingshan_2023()).empty());
}

TEST_CASE("episodes: the deadlines of §3.2.3 and §5, from the profile", "[episodes]") {
  auto p = pingdingshan_2023();
  episode e;
  e.start = 100;
  e.issue_by = issue_by_rules(e.start, p);
  CHECK(e.issue_by == 100 - 48);
  CHECK_FALSE(issued_on_instruction(e, p));
  e.issue_by = 90;  // due on receipt of a directive, later than 48 h ahead
  CHECK(issued_on_instruction(e, p));
  CHECK_FALSE(assessment_due(e, p));  // pending: no lift yet
  e.lift = 200;
  CHECK(assessment_due(e, p) == 200 + 5 * 24);
  p.lead_hours = 72;
  p.assessment_days = 7;
  CHECK(issue_by_rules(e.start, p) == 100 - 72);
  CHECK(assessment_due(e, p) == 200 + 7 * 24);
}
