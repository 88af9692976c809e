// RULES.md §8 examples 1-9: daily series through the whole pipeline.
#include "hpa/pipeline.hpp"

#include <catch2/catch.hpp>

#include "helpers.hpp"

using namespace hpa;
using namespace hpa::test;

namespace {
episode only(const collect& c) {
  REQUIRE(c.episodes.size() == 1);
  return c.episodes[0];
}
}  // namespace

TEST_CASE("station: 1. two days over 150, yellow", "[station]") {
  const auto e = only(run_days({{0, 180}, {1, 180}}));
  CHECK(e.segments == std::vector<segment>{{yellow, 0, 47}});
  CHECK(e.lift == 48);
  CHECK(e.issue_by == -48);
  CHECK(e.max_daily_aqi == 180);
}

TEST_CASE("station: 2. one day over 150 is no warning", "[station]") { CHECK(run_days({{0, 180}}).episodes.empty()); }

TEST_CASE("station: 3. one day over 200, yellow", "[station]") {
  const auto e = only(run_days({{0, 210}}));
  CHECK(e.segments == std::vector<segment>{{yellow, 0, 23}});
  CHECK(e.lift == 24);
}

TEST_CASE("station: 4. two days over 200, orange", "[station]") {
  CHECK(only(run_days({{0, 210}, {1, 210}})).segments == std::vector<segment>{{orange, 0, 47}});
}

TEST_CASE("station: 5. three days over 150, orange", "[station]") {
  CHECK(only(run_days({{0, 180}, {1, 180}, {2, 180}})).segments == std::vector<segment>{{orange, 0, 71}});
}

TEST_CASE("station: 6. three days over 200 with one over 300, red", "[station]") {
  const auto e = only(run_days({{0, 250}, {1, 320}, {2, 250}}));
  CHECK(e.segments == std::vector<segment>{{red, 0, 71}});
  CHECK(e.level == red);
  CHECK(e.lift == 72);
}

TEST_CASE("station: 7. no day over 300 stays orange", "[station]") {
  const auto e = only(run_days({{0, 250}, {1, 250}, {2, 250}, {3, 180}}));
  CHECK(e.segments == std::vector<segment>{{orange, 0, 95}});
  CHECK(e.lift == 96);
}

TEST_CASE("station: 8. red, downgraded to orange, lifted", "[station]") {
  const auto e = only(run_days({{0, 250}, {1, 250}, {2, 320}, {3, 180}}));
  CHECK(e.segments == std::vector<segment>{{red, 0, 71}, {orange, 72, 95}});
  CHECK(e.lift == 96);
}

TEST_CASE("station: 9. one process starts at its highest level", "[station]") {
  const auto c = run_days({{0, 210}, {1, 210}, {2, 210}, {3, 320}});
  level_t day0 = 0, day1 = 0;
  for (const auto& [h, cond] : c.hours) {
    if (h == 0) day0 = cond.level;
    if (h == 24) day1 = cond.level;
  }
  CHECK(day0 == orange);
  CHECK(day1 == red);
  const auto e = only(c);
  CHECK(e.segments == std::vector<segment>{{red, 0, 95}});
  CHECK(e.lift == 96);
  CHECK(e.processes == 1);
}

TEST_CASE("station: hourly input, gaps are missing hours", "[station]") {
  const auto p = pingdingshan_2023();
  rule_set rules(p);
  collect out;
  station_pipeline<collect> pipe(p, rules, 0, series_kind::hourly);
  for (hour_t h = 0; h < 100; ++h)
    if (h % 10 != 3) pipe.push(h, 250, out);  // one hour in ten missing: still 21-22 of 24
  pipe.finish(out);
  REQUIRE(out.episodes.size() == 1);
  CHECK(out.episodes[0].segments.front().level == orange);
  CHECK(out.hours.size() == 100);
}

TEST_CASE("station: a long gap is skipped, not walked", "[station]") {
  const auto p = pingdingshan_2023();
  rule_set rules(p);
  collect out;
  station_pipeline<collect> pipe(p, rules, 0, series_kind::hourly);
  for (hour_t h = 0; h < 48; ++h) pipe.push(h, 250, out);
  const hour_t later = 24 * 365 * 50;
  for (hour_t h = later; h < later + 48; ++h) pipe.push(h, 250, out);
  pipe.finish(out);
  REQUIRE(out.episodes.size() == 2);
  // the chains after the gap cover back into its last hours, as in example 20
  CHECK(out.episodes[1].segments == std::vector<segment>{{orange, later - 4, later + 47}});
  CHECK(out.hours.size() < 1000);
}

TEST_CASE("station: example 20 from hour 0, the chain named is clipped to the data too", "[station]") {
  // 180 for hours 0-47, 100 for 48-100, nothing before: the daily AQI is valid from hour 19
  // (20 of 24), so the first 2-chain over 150 ends at 43 and would start at hour -4
  const auto p = pingdingshan_2023();
  rule_set rules(p);
  collect out;
  station_pipeline<collect> pipe(p, rules, 0, series_kind::hourly);
  for (hour_t h = 0; h <= 100; ++h) pipe.push(h, h <= 47 ? 180 : 100, out);
  pipe.finish(out);
  const auto e = only(out);
  CHECK(e.segments == std::vector<segment>{{yellow, 0, 55}});
  CHECK(e.trigger.level == yellow);
  CHECK(e.trigger.chain_from == 0);
  CHECK(e.trigger.chain_to == 43);
}

TEST_CASE("station: 30 hours of AQI 200.0004 are a day over 200", "[station]") {
  const auto p = pingdingshan_2023();
  rule_set rules(p);
  collect out;
  station_pipeline<collect> pipe(p, rules, 0, series_kind::hourly);
  for (hour_t h = 0; h < 30; ++h) pipe.push(h, 200.0004, out);
  pipe.finish(out);
  const auto e = only(out);
  CHECK(e.segments == std::vector<segment>{{yellow, 0, 29}});
  CHECK(e.max_daily_aqi > 200);
}

TEST_CASE("station: hourly_run red from hourly AQI, the run over 300 ending at t-48", "[station]") {
  // hourly AQI 400 for hours 0-27, 250 for 28-99, 100 for 100-147: the daily AQI is valid from
  // hour 19, over 300 at 19-42, over 200 at 19-106, over 150 to 114
  auto p = pingdingshan_2023();
  p.mode = duration_mode::hourly_run;
  rule_set rules(p);
  collect out;
  station_pipeline<collect> pipe(p, rules, 0, series_kind::hourly);
  for (hour_t h = 0; h < 148; ++h) pipe.push(h, h < 28 ? 400 : h < 100 ? 250 : 100, out);
  pipe.finish(out);
  std::vector<level_t> got;
  for (const auto& [h, c] : out.hours) got.push_back(c.level);
  std::vector<level_t> want(148, none);
  for (hour_t h = 42; h <= 65; ++h) want[std::size_t(h)] = yellow;   // 24 h over 200
  for (hour_t h = 66; h <= 114; ++h) want[std::size_t(h)] = orange;  // 48 h over 200, then 72 over 150
  want[90] = red;  // 72 h over 200 (19-90), the 24 over 300 (19-42) ending at 90-48
  CHECK(got == want);
  REQUIRE(out.episodes.size() == 1);
  CHECK(out.episodes[0].level == red);
}

TEST_CASE("station: a sink can have the daily AQI with the excluded hours counted, the air's", "[station]") {
  const auto p = pingdingshan_2023();
  rule_set rules(p);
  struct counting : station_sink {
    std::vector<std::pair<hour_t, double>> rules_daily, counted;
    void on_daily(hour_t t, double d, int) { rules_daily.emplace_back(t, d); }
    void on_daily_counted(hour_t t, double d, int) {
      REQUIRE(!rules_daily.empty());
      CHECK(rules_daily.back().first == t);  // after on_daily for the same hour
      counted.emplace_back(t, d);
    }
  } out;
  station_pipeline<counting> pipe(p, rules, 0, series_kind::hourly);
  const gate_result dust{exclusion::outside_plan, "dust"};
  for (hour_t h = 0; h < 48; ++h) {
    if (h >= 30 && h < 42)
      pipe.push(h, 400, dust, out);  // 12 dust hours of the second day
    else
      pipe.push(h, 100, out);
  }
  pipe.finish(out);
  CHECK(out.counted.size() == 48 - 30);  // from the first excluded hour on
  CHECK(out.counted.front().first == 30);
  CHECK(std::isnan(out.rules_daily.back().second));  // 12 of 24 valid: no daily AQI for the rules
  CHECK(out.counted.back() == std::pair<hour_t, double>{47, (12 * 400 + 12 * 100) / 24.0});
}
