#include "hpa/profile.hpp"

#include <catch2/catch.hpp>

using namespace hpa;

TEST_CASE("profile: the Pingdingshan 2023 grading (§3.2.1, §4.1)", "[profile]") {
  const auto p = pingdingshan_2023();
  REQUIRE(p.levels.size() == 3);
  CHECK(p.level_name(0) == "none");
  CHECK(p.level_name(1) == "yellow");
  CHECK(p.level_tier(3) == "I");
  CHECK(p.levels[0].any_of[1].main.over.value == 150);
  CHECK(p.levels[0].any_of[1].main.hours == 48);
  CHECK(p.lift_hours == 36);
  CHECK(p.lead_hours == 48);
  CHECK(p.min_valid_hours == 20);
  CHECK(p.find_level("orange") == level_t{2});
  CHECK_FALSE(p.find_level("purple"));
  CHECK(builtin_profiles().front().name == p.name);
}

TEST_CASE("profile: thresholds are strict unless inclusive", "[profile]") {
  CHECK_FALSE((threshold{200, false}.passed_by(200)));
  CHECK((threshold{200, false}.passed_by(200.01)));
  CHECK((threshold{500, true}.passed_by(500)));
  CHECK_FALSE((threshold{200, false}.passed_by(std::nan(""))));
}

#include <fstream>
#include <map>

#include "helpers.hpp"
#include "hpa/io/csv.hpp"

using namespace hpa::test;

namespace {
// The segments of the episodes of a daily series (days from 0, unlisted 100) under profile p.
std::vector<std::vector<segment>> segments(const profile& p, const std::map<int, double>& days) {
  std::vector<std::vector<segment>> out;
  for (const auto& e : run_days(days, p).episodes) out.push_back(e.segments);
  return out;
}
using segs = std::vector<std::vector<segment>>;
}  // namespace

TEST_CASE("profile: mee-2017, four colours from its own rule text", "[profile]") {
  const auto p = mee_2017();
  const level_t blue = 1, yellow4 = 2, orange4 = 3, red4 = 4;
  CHECK(segments(p, {{0, 200}}).empty());                                          // strict: 200 is not over 200
  CHECK(segments(p, {{0, 201}}) == segs{{{blue, 0, 23}}});                         // > 200 for 24 h
  CHECK(segments(p, {{0, 250}, {1, 250}}) == segs{{{yellow4, 0, 47}}});            // > 200 for 48 h
  CHECK(segments(p, {{0, 250}, {1, 250}, {2, 250}}) == segs{{{yellow4, 0, 71}}});  // no day over 300
  CHECK(segments(p, {{0, 250}, {1, 310}, {2, 250}}) == segs{{{orange4, 0, 71}}});  // > 300 at least a day
  CHECK(segments(p, {{0, 250}, {1, 310}, {2, 310}, {3, 250}}) == segs{{{red4, 0, 95}}});
  CHECK(segments(p, {{0, 310}, {1, 250}, {2, 310}, {3, 250}}) == segs{{{orange4, 0, 95}}});  // 300s not 48 h
  SECTION("the 500 rule: reaching 500 is red at once") {
    CHECK(segments(p, {{0, 500}}) == segs{{{red4, 0, 23}}});
    CHECK(segments(p, {{0, 499.9}}) == segs{{{blue, 0, 23}}});
  }
  CHECK(p.lead_hours == 24);
  CHECK(p.levels[0].tier == "IV");
}

TEST_CASE("profile: mee-2018, three colours, blue dropped", "[profile]") {
  const auto p = mee_2018();
  CHECK(segments(p, {{0, 250}}).empty());
  CHECK(segments(p, {{0, 250}, {1, 250}}) == segs{{{yellow, 0, 47}}});
  CHECK(segments(p, {{0, 250}, {1, 250}, {2, 250}}) == segs{{{orange, 0, 71}}});
  CHECK(segments(p, {{0, 250}, {1, 310}, {2, 310}, {3, 250}}) == segs{{{red, 0, 95}}});
  CHECK(segments(p, {{0, 500}}) == segs{{{red, 0, 23}}});
  CHECK(segments(p, {{0, 180}, {1, 180}, {2, 180}}).empty());  // 150 plays no part
}

TEST_CASE("profile: beijing-2023 counts calendar days", "[profile]") {
  const auto p = beijing_2023();
  CHECK(p.mode == duration_mode::calendar_days);
  CHECK(segments(p, {{0, 210}}) == segs{{{yellow, 0, 23}}});
  CHECK(segments(p, {{0, 250}, {1, 320}, {2, 250}}) == segs{{{red, 0, 71}}});
  // hourly: 20 h of 300 from 14:00 to 09:00 (a rolling daily AQI of 255) split over two
  // calendar days of 142.5 each: a warning in blocks mode, none by calendar days
  auto episodes = [](const profile& prof) {
    rule_set rules(prof);
    collect out;
    station_pipeline<collect> pipe(prof, rules, 0, series_kind::hourly);
    for (hour_t h = 0; h < 96; ++h) pipe.push(h, h >= 38 && h < 58 ? 300 : 30, out);
    pipe.finish(out);
    return out.episodes.size();
  };
  CHECK(episodes(p) == 0);
  CHECK(episodes(pingdingshan_2023()) == 1);
}

TEST_CASE("profile: jiangsu-2026 pre-control below yellow", "[profile]") {
  const auto p = jiangsu_2026();
  const level_t pre = 1, y = 2;
  CHECK(p.levels[0].name == "pre-control");
  CHECK(segments(p, {{0, 160}}) == segs{{{pre, 0, 23}}});            // a forecast day > 150
  CHECK(segments(p, {{0, 120}, {1, 120}}) == segs{{{pre, 0, 47}}});  // > 100 for 48 h
  CHECK(segments(p, {{0, 100}, {1, 120}}).empty());
  // a yellow day, then days over 100: after 36 h below yellow the warning drops to pre-control
  CHECK(segments(p, {{0, 210}, {1, 120}, {2, 120}, {3, 120}}) == segs{{{y, 0, 23}, {pre, 24, 95}}});
}

TEST_CASE("profile: the profile in force on a date", "[profile]") {
  CHECK(profile_as_of("national", "2016-12-18")->name == "mee-2017");
  CHECK(profile_as_of("national", "2019-01-10")->name == "mee-2018");
  CHECK(profile_as_of("national", "2023-12-01")->name == "pingdingshan-2023");
  CHECK_FALSE(profile_as_of("national", "2015-01-01"));
  CHECK(profile_as_of("beijing", "2024-01-01")->name == "beijing-2023");
  for (const auto& p : builtin_profiles()) {
    INFO(p.name);
    CHECK_FALSE(p.source.empty());
    CHECK_FALSE(p.in_force_from.empty());
  }
}

TEST_CASE("profile: 平顶山 December 2016 is orange then, red now", "[profile][data]") {
  // city,date,AQI of December 2016, no header: an extract of the aqistudy daily file (tests/data/README.md)
  std::ifstream in(std::string(HPA_TEST_DATA) + "/extracts/pingdingshan_daily_2016-12.csv", std::ios::binary);
  REQUIRE(in);
  hpa::io::csv_reader csv(in, "平顶山.csv");
  std::map<std::string, double> daily;
  while (csv.next())
    if (csv.fields().size() > 2 && csv.fields()[1].substr(0, 7) == "2016-12")
      daily[std::string(csv.fields()[1])] = std::stod(std::string(csv.fields()[2]));
  REQUIRE(daily.size() == 31);
  CHECK(daily["2016-12-19"] == 429);
  auto run = [&](const profile& p) {
    rule_set rules(p);
    collect out;
    station_pipeline<collect> pipe(p, rules, parse_time("2016-12-01").hour, series_kind::daily);
    for (const auto& [date, aqi] : daily) pipe.push(parse_time(date).hour, aqi, out);
    pipe.finish(out);
    for (const auto& e : out.episodes)  // the episode holding 2016-12-19
      if (e.start <= parse_time("2016-12-19T12").hour && parse_time("2016-12-19T12").hour <= e.end) return e;
    FAIL("no episode on 2016-12-19");
    return episode{};
  };
  const auto then = run(mee_2017());
  CHECK(mee_2017().level_name(then.level) == "orange");
  CHECK(format_time(then.start) == "2016-12-16T00:00");
  CHECK(format_time(*then.lift) == "2016-12-21T00:00");
  const auto now = run(pingdingshan_2023());
  CHECK(pingdingshan_2023().level_name(now.level) == "red");
  CHECK(now.segments.front() == segment{red, parse_time("2016-12-15").hour, parse_time("2016-12-20T23").hour});
}

TEST_CASE("profile: beijing-2015, four colours by the days of heavy pollution (京政发〔2015〕11号)", "[profile]") {
  const auto p = beijing_2015();
  const level_t blue = 1, yellow4 = 2, orange4 = 3, red4 = 4;
  CHECK(p.mode == duration_mode::calendar_days);
  CHECK(segments(p, {{0, 200}}).empty());                                          // 空气重污染 is AQI > 200
  CHECK(segments(p, {{0, 201}}) == segs{{{blue, 0, 23}}});                         // 1 day (24 h)
  CHECK(segments(p, {{0, 320}}) == segs{{{blue, 0, 23}}});                         // severity alone does not raise it
  CHECK(segments(p, {{0, 250}, {1, 250}}) == segs{{{yellow4, 0, 47}}});            // 2 days (48 h)
  CHECK(segments(p, {{0, 250}, {1, 250}, {2, 250}}) == segs{{{orange4, 0, 71}}});  // 3 days (72 h)
  // "3天以上（72小时以上）", read as more than three days
  CHECK(segments(p, {{0, 250}, {1, 250}, {2, 250}, {3, 210}}) == segs{{{red4, 0, 95}}});
  CHECK(segments(p, {{0, 250}, {1, 250}, {2, 190}, {3, 250}}) == segs{{{yellow4, 0, 47}, {blue, 48, 95}}});
  CHECK(p.lead_hours == 24);  // red issued 24 h ahead
  CHECK(run_days({{0, 250}, {1, 250}, {2, 250}, {3, 250}}, p).episodes.front().issue_by == -24);
  CHECK(p.levels[3].tier == "I");
  CHECK(p.advisory_pollutants.empty());
}

TEST_CASE("profile: beijing-2016, the Beijing-Tianjin-Hebei unified grading by calendar days", "[profile]") {
  const auto p = beijing_2016();
  const level_t blue = 1, yellow4 = 2, orange4 = 3, red4 = 4;
  CHECK(p.mode == duration_mode::calendar_days);
  CHECK(segments(p, {{0, 201}}) == segs{{{blue, 0, 23}}});
  CHECK(segments(p, {{0, 250}, {1, 250}}) == segs{{{yellow4, 0, 47}}});
  CHECK(segments(p, {{0, 250}, {1, 250}, {2, 250}, {3, 250}}) == segs{{{yellow4, 0, 95}}});  // no day over 300
  CHECK(segments(p, {{0, 250}, {1, 310}, {2, 250}}) == segs{{{orange4, 0, 71}}});            // > 300 on one day
  CHECK(segments(p, {{0, 250}, {1, 310}, {2, 310}, {3, 250}}) == segs{{{red4, 0, 95}}});     // 4 days, 2 over 300
  CHECK(segments(p, {{0, 310}, {1, 250}, {2, 310}, {3, 250}}) == segs{{{orange4, 0, 95}}});  // the 300s not consecutive
  CHECK(segments(p, {{0, 500}}) == segs{{{red4, 0, 23}}});                                   // reaching 500
  CHECK(segments(p, {{0, 499.9}}) == segs{{{blue, 0, 23}}});
  CHECK(p.lead_hours == 24);
}

TEST_CASE("profile: the Beijing plan in force on a date", "[profile]") {
  CHECK_FALSE(profile_as_of("beijing", "2015-03-29"));
  CHECK(profile_as_of("beijing", "2015-03-30")->name == "beijing-2015");
  CHECK(profile_as_of("beijing", "2015-12-08")->name == "beijing-2015");  // the first red alert
  CHECK(profile_as_of("beijing", "2016-12-14")->name == "beijing-2015");
  CHECK(profile_as_of("beijing", "2016-12-16")->name == "beijing-2016");  // the red alert of 2016-12-16
  CHECK(profile_as_of("beijing", "2017-01-01")->name == "beijing-2016");
  CHECK(profile_as_of("beijing", "2023-11-01")->name == "beijing-2023");
}
