#include "hpa/error.hpp"
#include "hpa/io/profile_json.hpp"

#include <catch2/catch.hpp>

using namespace hpa;
using namespace hpa::io;

TEST_CASE("profile_json: the default round-trips through JSON", "[profile_json]") {
  const auto p = pingdingshan_2023();
  const auto back = parse_profile(to_json(p).dump(), "x");
  CHECK(to_json(back) == to_json(p));
  CHECK(back.levels.size() == 3);
  CHECK(back.levels[2].any_of[0].within->over.value == 300);
}

TEST_CASE("profile_json: extends a built-in and changes what differs", "[profile_json]") {
  const auto p = parse_profile(R"({"extends": "pingdingshan-2023", "name": "strict", "duration_mode": "hourly_run", "lead_hours": 72})", "s.json");
  CHECK(p.name == "strict");
  CHECK(p.mode == duration_mode::hourly_run);
  CHECK(p.lead_hours == 72);
  CHECK(p.levels.size() == 3);
}

TEST_CASE("profile_json: levels are data, four colours work", "[profile_json]") {
  const auto p = parse_profile(R"({"name": "four", "levels": [
      {"name": "blue", "tier": "IV", "any_of": [{"over": 200, "hours": 24}]},
      {"name": "yellow", "tier": "III", "any_of": [{"over": 200, "hours": 48}]},
      {"name": "orange", "tier": "II", "any_of": [{"over": 200, "hours": 72, "within": {"over": 300, "hours": 24}}]},
      {"name": "red", "tier": "I", "any_of": [{"over": 200, "hours": 96, "within": {"over": 300, "hours": 48}}, {"at_least": 500, "hours": 24}]}]})", "f.json");
  CHECK(p.levels.size() == 4);
  CHECK(p.levels[3].any_of[1].main.over.inclusive);
  CHECK(p.find_level("blue") == level_t{1});
}

TEST_CASE("profile_json: errors name the file and the path", "[profile_json]") {
  CHECK_THROWS_WITH(parse_profile(R"({"extends": "pingdingshan-2023", "lead_hour": 3})", "p.json"),
                    Catch::StartsWith("p.json: /lead_hour: unknown key (known: extends, name,"));
  CHECK_THROWS_WITH(parse_profile(R"({"extends": "pingdingshan-2023", "lead_hours": "48"})", "p.json"),
                    "p.json: /lead_hours: must be a whole number, got \"48\"");
  CHECK_THROWS_WITH(parse_profile(R"({"name": "x"})", "p.json"),
                    "p.json: /levels: missing (or name a built-in to start from with \"extends\")");
  CHECK_THROWS_WITH(parse_profile(R"({"levels": [{"name": "y", "any_of": [{"over": 150, "hours": 30}]}]})", "p.json"),
                    "p.json: /levels/0/any_of/0: 30 h is not a multiple of 24, as blocks mode counts whole windows");
  CHECK_THROWS_WITH(parse_profile(R"({"levels": [{"name": "y", "any_of": [{"hours": 24}]}]})", "p.json"),
                    "p.json: /levels/0/any_of/0: needs exactly one of 'over' (strict >) and 'at_least' (>=)");
  CHECK_THROWS_WITH(parse_profile(R"({"extends": "pingdingshan-2023", "duration_mode": "weeks"})", "p.json"),
                    "p.json: /duration_mode: must be one of blocks, hourly_run, calendar_days, got 'weeks'");
  CHECK_THROWS_WITH(parse_profile("{\"levels\": [", "p.json"),
                    Catch::StartsWith("p.json: parse error at line 1, column 13"));
  CHECK_THROWS_WITH(parse_profile(R"({"extends": "atlantis"})", "p.json"),
                    "p.json: /extends: no built-in profile 'atlantis'");
}

TEST_CASE("profile_json: built-ins by name, files by path", "[profile_json]") {
  CHECK(load_profile("pingdingshan-2023").name == "pingdingshan-2023");
  CHECK_THROWS_WITH(load_profile("/no/such.json"),
                    "/no/such.json: no such built-in profile (pingdingshan-2023, beijing-2023, beijing-2016, beijing-2015, mee-2018, mee-2017, jiangsu-2026) or readable file");
}

TEST_CASE("profile_json: a number out of range is an error, not a crash (fuzz finding)", "[profile_json]") {
  CHECK_THROWS_WITH(parse_profile("3e1111111111111111111111111111111111111111", "p.json"),
                    "p.json: number overflow parsing '3e1111111111111111111111111111111111111111'");
  CHECK_THROWS_AS(parse_profile(R"({"extends": "pingdingshan-2023", "lead_hours": 1e400})", "p.json"), hpa::error);
}

TEST_CASE("profile_json: the heating season, as MM-DD", "[profile_json]") {
  CHECK(to_json(pingdingshan_2023())["heating_season"].dump() == R"({"first":"11-15","last":"03-15"})");
  const auto p = parse_profile(R"({"extends": "pingdingshan-2023", "heating_season": {"first": "11-01", "last": "03-31"}})", "h.json");
  CHECK(p.heating.first == month_day{11, 1});
  CHECK(p.heating.last == month_day{3, 31});
  CHECK(parse_profile(to_json(p).dump(), "x").heating == p.heating);
  const auto only_last = parse_profile(R"({"extends": "pingdingshan-2023", "heating_season": {"last": "04-05"}})", "h.json");
  CHECK(only_last.heating.first == month_day{11, 15});
  CHECK(only_last.heating.last == month_day{4, 5});
  CHECK_THROWS_WITH(parse_profile(R"({"extends": "pingdingshan-2023", "heating_season": {"first": "02-29"}})", "h.json"),
                    "h.json: /heating_season/first: must be a day of the year as MM-DD (29 February does not recur), got '02-29'");
  CHECK_THROWS_WITH(parse_profile(R"({"extends": "pingdingshan-2023", "heating_season": {"first": "1115"}})", "h.json"),
                    "h.json: /heating_season/first: must be a day of the year as MM-DD (29 February does not recur), got '1115'");
  CHECK_THROWS_WITH(parse_profile(R"({"extends": "pingdingshan-2023", "heating_season": {"from": "11-15"}})", "h.json"),
                    "h.json: /heating_season/from: unknown key (known: first, last)");
}

TEST_CASE("profile_json: the monitoring override's threshold and look-ahead are profile fields", "[profile_json]") {
  const auto p = parse_profile(R"({"extends": "pingdingshan-2023", "override_over": 300, "override_hours": 48})", "o.json");
  CHECK(p.override_over == 300);
  CHECK(p.override_hours == 48);
  const auto back = profile_from_json(to_json(p), "again");
  CHECK(back.override_over == 300);
  CHECK(back.override_hours == 48);
  CHECK(pingdingshan_2023().override_over == 200);
  CHECK(pingdingshan_2023().override_hours == 24);
  CHECK_THROWS_WITH(parse_profile(R"({"extends": "pingdingshan-2023", "override_hours": 0})", "o.json"),
                    "o.json: /override_hours: must be 1 to 168, got 0");
  CHECK_THROWS_WITH(parse_profile(R"({"extends": "pingdingshan-2023", "override_over": 600})", "o.json"),
                    "o.json: /override_over: must be a daily AQI from 0 to max_aqi (500), got 600");
}
