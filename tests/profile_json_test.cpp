#include "hpa/io/profile_json.hpp"
#include "hpa/error.hpp"

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
  const auto p = parse_profile(
      R"({"extends": "pingdingshan-2023", "name": "strict", "duration_mode": "hourly_run", "lead_hours": 72})",
      "s.json");
  CHECK(p.name == "strict");
  CHECK(p.mode == duration_mode::hourly_run);
  CHECK(p.lead_hours == 72);
  CHECK(p.levels.size() == 3);
}

TEST_CASE("profile_json: the measures, inherited with extends, none without, or named", "[profile_json]") {
  const auto strict = parse_profile(R"({"extends": "pingdingshan-2023", "name": "strict"})", "s.json");
  CHECK(strict.measures == "pingdingshan-2023");
  CHECK(parse_profile(R"({"extends": "mee-2017", "name": "m"})", "m.json").measures.empty());
  // a file of its own levels is not the Pingdingshan plan: its measures are not the default's
  const auto own = R"("levels": [{"name": "y", "tier": "III", "any_of": [{"over": 200, "hours": 24}]}])";
  CHECK(parse_profile(std::string(R"({"name": "o", )") + own + "}", "o.json").measures.empty());
  CHECK(
      parse_profile(std::string(R"({"name": "o", "measures": "pingdingshan-2023", )") + own + "}", "o.json").measures ==
      "pingdingshan-2023");
  CHECK(parse_profile(R"({"extends": "pingdingshan-2023", "name": "n", "measures": null})", "n.json").measures.empty());
  CHECK_THROWS_WITH(parse_profile(R"({"extends": "mee-2017", "measures": "beijing-2023"})", "b.json"),
                    "b.json: /measures: no catalogue of measures 'beijing-2023' (known: pingdingshan-2023; null for "
                    "none)");
  CHECK_THROWS_WITH(parse_profile(R"({"extends": "mee-2017", "measures": 1})", "b.json"),
                    "b.json: /measures: must be a string, got 1");
  CHECK(to_json(pingdingshan_2023())["measures"] == "pingdingshan-2023");
  CHECK(to_json(mee_2017())["measures"].is_null());
  for (const auto& p : builtin_profiles()) {
    INFO(p.name);
    CHECK(parse_profile(to_json(p).dump(), "x").measures == p.measures);
  }
}

TEST_CASE("profile_json: levels are data, four colours work", "[profile_json]") {
  const auto p = parse_profile(R"({"name": "four", "levels": [
      {"name": "blue", "tier": "IV", "any_of": [{"over": 200, "hours": 24}]},
      {"name": "yellow", "tier": "III", "any_of": [{"over": 200, "hours": 48}]},
      {"name": "orange", "tier": "II", "any_of": [{"over": 200, "hours": 72, "within": {"over": 300, "hours": 24}}]},
      {"name": "red", "tier": "I", "any_of": [{"over": 200, "hours": 96, "within": {"over": 300, "hours": 48}}, {"at_least": 500, "hours": 24}]}]})",
                               "f.json");
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
                    "/no/such.json: no such built-in profile (pingdingshan-2023, beijing-2023, beijing-2016, "
                    "beijing-2015, mee-2018, mee-2017, jiangsu-2026) or readable file");
  CHECK_THROWS_WITH(load_profile(HPA_TEST_DATA), std::string(HPA_TEST_DATA) + ": is a directory");
}

TEST_CASE("profile_json: a number out of range is an error, not a crash", "[profile_json]") {
  CHECK_THROWS_WITH(parse_profile("3e1111111111111111111111111111111111111111", "p.json"),
                    "p.json: number overflow parsing '3e1111111111111111111111111111111111111111'");
  CHECK_THROWS_AS(parse_profile(R"({"extends": "pingdingshan-2023", "lead_hours": 1e400})", "p.json"), hpa::error);
}

TEST_CASE("profile_json: the heating season, as MM-DD", "[profile_json]") {
  CHECK(to_json(pingdingshan_2023())["heating_season"].dump() == R"({"first":"11-15","last":"03-15"})");
  const auto p = parse_profile(
      R"({"extends": "pingdingshan-2023", "name": "h", "heating_season": {"first": "11-01", "last": "03-31"}})",
      "h.json");
  CHECK(p.heating.first == month_day{11, 1});
  CHECK(p.heating.last == month_day{3, 31});
  CHECK(parse_profile(to_json(p).dump(), "x").heating == p.heating);
  const auto only_last =
      parse_profile(R"({"extends": "pingdingshan-2023", "name": "h", "heating_season": {"last": "04-05"}})", "h.json");
  CHECK(only_last.heating.first == month_day{11, 15});
  CHECK(only_last.heating.last == month_day{4, 5});
  CHECK_THROWS_WITH(
      parse_profile(R"({"extends": "pingdingshan-2023", "heating_season": {"first": "02-29"}})", "h.json"),
      "h.json: /heating_season/first: must be a day of the year as MM-DD (29 February does not recur), got '02-29'");
  CHECK_THROWS_WITH(
      parse_profile(R"({"extends": "pingdingshan-2023", "heating_season": {"first": "1115"}})", "h.json"),
      "h.json: /heating_season/first: must be a day of the year as MM-DD (29 February does not recur), got '1115'");
  CHECK_THROWS_WITH(parse_profile(R"({"extends": "pingdingshan-2023", "heating_season": {"from": "11-15"}})", "h.json"),
                    "h.json: /heating_season/from: unknown key (known: first, last)");
}

TEST_CASE("profile_json: the monitoring override's threshold and look-ahead are profile fields", "[profile_json]") {
  const auto p = parse_profile(
      R"({"extends": "pingdingshan-2023", "name": "o", "override_over": 300, "override_hours": 48})", "o.json");
  CHECK(p.override_over == 300);
  CHECK(p.override_hours == 48);
  const auto back = profile_from_json(to_json(p), "again");
  CHECK(back.override_over == 300);
  CHECK(back.override_hours == 48);
  CHECK(pingdingshan_2023().override_over == 200);
  CHECK(pingdingshan_2023().override_hours == 24);
  CHECK_THROWS_WITH(parse_profile(R"({"extends": "pingdingshan-2023", "override_hours": 0})", "o.json"),
                    "o.json: /override_hours: must be a whole number from 1 to 168 (hours), got 0");
  CHECK_THROWS_WITH(parse_profile(R"({"extends": "pingdingshan-2023", "override_over": 600})", "o.json"),
                    "o.json: /override_over: must be a daily AQI from 0 to max_aqi (500), got 600");
}

TEST_CASE("profile_json: nesting deeper than 64 levels is refused at parse, not a crash", "[profile_json]") {
  const auto deep = [](std::size_t n) { return std::string(n, '[') + std::string(n, ']'); };
  CHECK_THROWS_WITH(parse_profile(deep(100000), "p.json"), "p.json: nested deeper than 64 levels");
  CHECK_THROWS_WITH(parse_profile(R"({"extends": "pingdingshan-2023", "lead_hours": )" + deep(100000) + "}", "p.json"),
                    "p.json: nested deeper than 64 levels");
  CHECK_THROWS_WITH(parse_profile(R"({"extends": "pingdingshan-2023", "lead_hours": )" + deep(63) + "}", "p.json"),
                    Catch::StartsWith("p.json: /lead_hours: must be a whole number, got [[[["));
  std::string objects = "{\"extends\": \"pingdingshan-2023\", \"name\": ";
  for (int i = 0; i < 100000; ++i) objects += "{\"a\": ";
  CHECK_THROWS_WITH(parse_profile(objects + "1" + std::string(100000, '}') + "}", "p.json"),
                    "p.json: nested deeper than 64 levels");
}

TEST_CASE("profile_json: a long wrong value is quoted short", "[profile_json]") {
  std::string zeros = "[0";
  for (int i = 1; i < 200000; ++i) zeros += ",0";
  std::string message;
  try {
    parse_profile(R"({"extends": "pingdingshan-2023", "lead_hours": )" + zeros + "]}", "p.json");
  } catch (const hpa::error& e) {
    message = e.what();
  }
  CHECK(message ==
        "p.json: /lead_hours: must be a whole number, got [" + zeros.substr(1, 79) + "… (an array of 200000 elements)");
  CHECK_THROWS_WITH(parse_profile(R"({"extends": "pingdingshan-2023", "title": )" + std::string(1, '"') +
                                      std::string(100000, 'x') + "\"",
                                  "p.json"),
                    Catch::StartsWith("p.json: parse error"));
  CHECK_THROWS_WITH(
      parse_profile(R"({"extends": "pingdingshan-2023", "lead_hours": ")" + std::string(100000, 'x') + "\"}", "p.json"),
      "p.json: /lead_hours: must be a whole number, got \"" + std::string(79, 'x') + "… (100000 bytes)");
}

TEST_CASE("profile_json: a key given twice is an error, not the last one silently", "[profile_json]") {
  CHECK_THROWS_WITH(parse_profile(R"({"extends": "pingdingshan-2023", "lead_hours": 24, "lead_hours": 48})", "p.json"),
                    "p.json: /lead_hours: given twice in one object");
  CHECK_THROWS_WITH(parse_profile(R"({"levels": [{"name": "y", "any_of": [{"over": 200, "hours": 24}]},
                                                 {"name": "o", "any_of": [{"over": 200, "hours": 48, "over": 150}]}]})",
                                  "p.json"),
                    "p.json: /levels/1/any_of/0/over: given twice in one object");
  CHECK_NOTHROW(parse_profile(
      R"({"extends": "pingdingshan-2023", "name": "t", "reduction": {"required": {"III": 0.1}}, "title": "t"})",
      "p.json"));
}

TEST_CASE("profile_json: every built-in passes the checks of a file", "[profile_json]") {
  for (const auto& p : builtin_profiles()) {
    INFO(p.name);
    CHECK_NOTHROW(parse_profile(to_json(p).dump(), p.name + ".json"));
  }
}

namespace {
// A profile of these levels (JSON objects, lowest first).
std::string levels_json(const std::string& levels) { return R"({"name": "t", "levels": [)" + levels + "]}"; }
}  // namespace

TEST_CASE("profile_json: every number is bounded, and integers beyond their type are errors", "[profile_json]") {
  const std::string ext = R"({"extends": "pingdingshan-2023", "name": "bounds", )";
  CHECK_THROWS_WITH(
      parse_profile(levels_json(R"({"name": "y", "any_of": [{"over": 200, "hours": 24000000}]})"), "p.json"),
      "p.json: /levels/0/any_of/0/hours: must be a whole number from 1 to 8760 (hours, at most a year), got 24000000");
  CHECK_THROWS_WITH(
      parse_profile(levels_json(R"({"name": "y", "any_of": [{"over": 200, "hours": 0}]})"), "p.json"),
      "p.json: /levels/0/any_of/0/hours: must be a whole number from 1 to 8760 (hours, at most a year), got 0");
  CHECK_THROWS_WITH(
      parse_profile(ext + R"("lift_hours": 4294967332})", "p.json"),  // 2^32 + 36: once read as 36
      "p.json: /lift_hours: must be a whole number from 1 to 8760 (hours, at most a year), got 4294967332");
  CHECK_THROWS_WITH(
      parse_profile(ext + R"("lead_hours": 2147483647})", "p.json"),
      "p.json: /lead_hours: must be a whole number from 0 to 8760 (hours, at most a year), got 2147483647");
  CHECK_THROWS_WITH(parse_profile(ext + R"("lead_hours": -1})", "p.json"),
                    "p.json: /lead_hours: must be a whole number from 0 to 8760 (hours, at most a year), got -1");
  CHECK_THROWS_WITH(
      parse_profile(ext + R"("lead_hours": 18446744073709551615})", "p.json"),
      "p.json: /lead_hours: must be a whole number from 0 to 8760 (hours, at most a year), got 18446744073709551615");
  CHECK_THROWS_WITH(parse_profile(ext + R"("window_hours": 169})", "p.json"),
                    "p.json: /window_hours: must be a whole number from 1 to 168 (hours), got 169");
  // A 12 h window would be half followed (the chains step whole days): refused, naming the field.
  CHECK_THROWS_WITH(parse_profile(ext + R"("window_hours": 12})", "p.json"),
                    "p.json: /window_hours: must be 24 (hours: the daily AQI of §3.2.1 is a day's mean, and the level "
                    "chains, daily series and forecast days step whole days), got 12");
  CHECK_THROWS_WITH(parse_profile(ext + R"("min_valid_hours": 25})", "p.json"),
                    "p.json: /min_valid_hours: must be 1 to window_hours (24), got 25");
  for (const char* bad : {"0", "-1", "99", "1e9"}) {
    INFO(bad);
    CHECK_THROWS_WITH(
        parse_profile(ext + R"("max_aqi": )" + bad + "}", "p.json"),
        Catch::StartsWith("p.json: /max_aqi: must be from 100 to 10000 (HJ 633's scale tops at 500), got "));
  }
  CHECK(parse_profile(ext + R"("lead_hours": 8760, "lift_hours": 8760, "max_aqi": 1000})", "p.json").lead_hours ==
        8760);
  CHECK_THROWS_WITH(parse_profile(ext + R"("reduction": {"required": {"III": 1.5}}})", "p.json"),
                    "p.json: /reduction/required/III: must be a share from 0 to 1, got 1.5");
}

TEST_CASE("profile_json: thresholds are above 0, within the scale, and an inner rule is higher", "[profile_json]") {
  CHECK_THROWS_WITH(parse_profile(levels_json(R"({"name": "y", "any_of": [{"over": -50, "hours": 24}]})"), "p.json"),
                    "p.json: /levels/0/any_of/0/over: a threshold must be above 0, got -50");
  CHECK_THROWS_WITH(parse_profile(levels_json(R"({"name": "y", "any_of": [{"at_least": 0, "hours": 24}]})"), "p.json"),
                    "p.json: /levels/0/any_of/0/at_least: a threshold must be above 0, got 0");
  CHECK_THROWS_WITH(parse_profile(levels_json(R"({"name": "y", "any_of": [{"over": 500, "hours": 24}]})"), "p.json"),
                    "p.json: /levels/0/any_of/0/over: daily AQI > 500 can never be passed: max_aqi is 500");
  CHECK_NOTHROW(parse_profile(levels_json(R"({"name": "y", "any_of": [{"at_least": 500, "hours": 24}]})"), "p.json"));
  CHECK_THROWS_WITH(
      parse_profile(
          levels_json(R"({"name": "r", "any_of": [{"over": 200, "hours": 72, "within": {"over": 150, "hours": 24}}]})"),
          "p.json"),
      "p.json: /levels/0/any_of/0/within: its threshold (> 150) must be above the rule's (> 200), else it adds "
      "nothing");
  CHECK_THROWS_WITH(
      parse_profile(
          levels_json(R"({"name": "r", "any_of": [{"over": 200, "hours": 72, "within": {"over": 200, "hours": 24}}]})"),
          "p.json"),
      "p.json: /levels/0/any_of/0/within: its threshold (> 200) must be above the rule's (> 200), else it adds "
      "nothing");
}

TEST_CASE("profile_json: levels must rise: no way to reach a level already reaches a higher one", "[profile_json]") {
  // yellow above red: > 300 for 24 h is also > 200 for 24 h, so it is always red
  CHECK_THROWS_WITH(parse_profile(levels_json(R"({"name": "yellow", "any_of": [{"over": 300, "hours": 24}]},
                                                 {"name": "red", "any_of": [{"over": 200, "hours": 24}]})"),
                                  "p.json"),
                    "p.json: /levels/0/any_of/0: reaching yellow this way always reaches red (/levels/1/any_of/0): "
                    "levels must rise, each harder to reach than the ones below");
  // the same condition at two levels
  CHECK_THROWS_WITH(
      parse_profile(levels_json(R"({"name": "a", "any_of": [{"over": 200, "hours": 48}]},
                                                 {"name": "b", "any_of": [{"over": 200, "hours": 48}]})"),
                    "p.json"),
      Catch::StartsWith("p.json: /levels/0/any_of/0: reaching a this way always reaches b (/levels/1/any_of/0)"));
  // longer at the same threshold reaches the inner rule of a higher level too
  CHECK_THROWS_WITH(parse_profile(levels_json(R"({"name": "a", "any_of": [{"over": 300, "hours": 96}]},
                                                 {"name": "b", "any_of": [{"over": 200, "hours": 72, "within": {"over": 300, "hours": 24}}]})"),
                                  "p.json"),
                    Catch::StartsWith("p.json: /levels/0/any_of/0: reaching a this way always reaches b"));
  // >= 200 does not pass > 200: a lower level may ask at least what a higher one asks more than
  CHECK_NOTHROW(parse_profile(levels_json(R"({"name": "a", "any_of": [{"at_least": 200, "hours": 24}]},
                                             {"name": "b", "any_of": [{"over": 200, "hours": 24}]})"),
                              "p.json"));
  // a shortcut to the top (MEE 2018: red when the daily AQI reaches 500) is a rise
  CHECK_NOTHROW(parse_profile(to_json(mee_2018()).dump(), "p.json"));
}

TEST_CASE("profile_json: names are safe to print in CSV, texts hold no control characters", "[profile_json]") {
  for (const char* name : {"yel,low", "Yellow", "yel low", "\\u00e9", "0123456789012345678901234567890123"}) {
    INFO(name);
    CHECK_THROWS_WITH(parse_profile(levels_json(R"({"name": ")" + std::string(name) +
                                                R"(", "any_of": [{"over": 200, "hours": 24}]})"),
                                    "p.json"),
                      Catch::StartsWith("p.json: /levels/0/name: must be 1 to 32 of a-z, 0-9, '_' and '-' (it names "
                                        "CSV columns such as yellow_h), got '"));
  }
  CHECK_THROWS_WITH(
      parse_profile(levels_json(R"({"name": "y", "tier": "I,II", "any_of": [{"over": 200, "hours": 24}]})"), "p.json"),
      "p.json: /levels/0/tier: must be up to 32 of A-Z, a-z, 0-9, '_' and '-' (it is printed in CSV), got 'I,II'");
  CHECK_THROWS_WITH(parse_profile(R"({"extends": "pingdingshan-2023", "title": "a\nb"})", "p.json"),
                    "p.json: /title: must not hold control characters, got 'a\\x0ab'");
  CHECK_THROWS_WITH(parse_profile(R"({"extends": "pingdingshan-2023", "duration_mode": ""})", "p.json"),
                    "p.json: /duration_mode: must be one of blocks, hourly_run, calendar_days, got ''");
  CHECK(
      parse_profile(levels_json(R"({"name": "pre-control_2", "tier": "pre", "any_of": [{"over": 200, "hours": 24}]})"),
                    "p.json")
          .levels[0]
          .name == "pre-control_2");
}

TEST_CASE("profile_json: conditions are bounded, well past 255", "[profile_json]") {
  const auto many = [](std::size_t n) {
    std::string any;
    for (std::size_t i = 0; i < n; ++i) any += std::string(i ? ", " : "") + R"({"over": 200, "hours": 24})";
    return levels_json(R"({"name": "y", "any_of": [)" + any + "]}");
  };
  CHECK(parse_profile(many(257), "p.json").levels[0].any_of.size() == 257);
  CHECK(parse_profile(many(1000), "p.json").levels[0].any_of.size() == 1000);
  CHECK_THROWS_WITH(parse_profile(many(1001), "p.json"),
                    "p.json: /levels: 1001 conditions in all; at most 1000 (each keeps a chain tracker per station)");
}

TEST_CASE("profile_json: how directives combine with the rules is a profile field", "[profile_json]") {
  const auto p = parse_profile(
      R"({"extends": "pingdingshan-2023", "name": "d", "directives": {"level": "as_directed", "issue_hours": 2}})",
      "d.json");
  CHECK(p.directives.level == directive_level::as_directed);
  CHECK(p.directives.issue_hours == 2);
  CHECK(to_json(p)["directives"] == nlohmann::ordered_json{{"level", "as_directed"}, {"issue_hours", 2}});
  CHECK(pingdingshan_2023().directives == directive_policy{});
  CHECK_THROWS_WITH(parse_profile(R"({"extends": "pingdingshan-2023", "directives": {"level": "at_most"}})", "d.json"),
                    "d.json: /directives/level: must be one of at_least, as_directed, got 'at_most'");
  CHECK_THROWS_WITH(parse_profile(R"({"extends": "pingdingshan-2023", "directives": {"issue_hours": -1}})", "d.json"),
                    "d.json: /directives/issue_hours: must be a whole number from 0 to 8760 (hours after receipt, at "
                    "most a year), got -1");
  CHECK_THROWS_WITH(parse_profile(R"({"extends": "pingdingshan-2023", "directives": {"end": "hold"}})", "d.json"),
                    "d.json: /directives/end: unknown key (known: level, issue_hours)");
}

TEST_CASE("profile_json: a profile that differs from a built-in needs a name of its own", "[profile_json]") {
  // reports print the profile's name and hpa-watch's state is checked against it: a changed rule
  // under the built-in's name would pass for the built-in
  CHECK_THROWS_WITH(
      parse_profile(R"({"extends": "pingdingshan-2023", "duration_mode": "hourly_run"})", "p.json"),
      "p.json: /name: missing, but this profile differs from built-in 'pingdingshan-2023' (duration_mode): "
      "give it a name of its own (reports and hpa-watch's state know a profile by its name)");
  CHECK_THROWS_WITH(
      parse_profile(R"({"extends": "pingdingshan-2023", "name": "pingdingshan-2023", "title": "mine"})", "p.json"),
      "p.json: /name: 'pingdingshan-2023' is a built-in's name, but this profile differs from built-in "
      "'pingdingshan-2023' (title): give it a name of its own (reports and hpa-watch's state know a "
      "profile by its name)");
  CHECK_THROWS_WITH(parse_profile(R"({"extends": "pingdingshan-2023", "name": "mee-2017"})", "p.json"),
                    Catch::StartsWith("p.json: /name: 'mee-2017' is a built-in's name, but this profile differs from "
                                      "built-in 'mee-2017' ("));
  // levels and no name: the default built-in's name would be kept
  CHECK_THROWS_WITH(
      parse_profile(R"({"levels": [{"name": "yellow", "tier": "III", "any_of": [{"over": 200, "hours": 24}]}]})",
                    "p.json"),
      Catch::StartsWith("p.json: /name: missing, but this profile differs from built-in 'pingdingshan-2023' (levels"));
  CHECK_THROWS_WITH(parse_profile(R"({"extends": "pingdingshan-2023", "name": ""})", "p.json"),
                    "p.json: /name: must not be empty");
  // the built-in itself, whole or by "extends" alone, keeps its name; a derived profile has its own
  CHECK(parse_profile(R"({"extends": "pingdingshan-2023"})", "p.json").name == "pingdingshan-2023");
  CHECK(parse_profile(R"({"extends": "pingdingshan-2023", "name": "strict", "lead_hours": 72})", "p.json").name ==
        "strict");
}
