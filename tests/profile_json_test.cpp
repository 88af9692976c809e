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
                    "/no/such.json: no such built-in profile (pingdingshan-2023, beijing-2023, mee-2018, mee-2017, jiangsu-2026) or readable file");
}

TEST_CASE("profile_json: a number out of range is an error, not a crash (fuzz finding)", "[profile_json]") {
  CHECK_THROWS_WITH(parse_profile("3e1111111111111111111111111111111111111111", "p.json"),
                    "p.json: number overflow parsing '3e1111111111111111111111111111111111111111'");
  CHECK_THROWS_AS(parse_profile(R"({"extends": "pingdingshan-2023", "lead_hours": 1e400})", "p.json"), hpa::error);
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
  CHECK_THROWS_WITH(parse_profile(objects + "1" + std::string(100000, '}') + "}", "p.json"), "p.json: nested deeper than 64 levels");
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
  CHECK(message == "p.json: /lead_hours: must be a whole number, got [" + zeros.substr(1, 79) + "… (an array of 200000 elements)");
  CHECK_THROWS_WITH(parse_profile(R"({"extends": "pingdingshan-2023", "title": )" + std::string(1, '"') + std::string(100000, 'x') + "\"", "p.json"),
                    Catch::StartsWith("p.json: parse error"));
  CHECK_THROWS_WITH(parse_profile(R"({"extends": "pingdingshan-2023", "lead_hours": ")" + std::string(100000, 'x') + "\"}", "p.json"),
                    "p.json: /lead_hours: must be a whole number, got \"" + std::string(79, 'x') + "… (100000 bytes)");
}

TEST_CASE("profile_json: a key given twice is an error, not the last one silently", "[profile_json]") {
  CHECK_THROWS_WITH(parse_profile(R"({"extends": "pingdingshan-2023", "lead_hours": 24, "lead_hours": 48})", "p.json"),
                    "p.json: /lead_hours: given twice in one object");
  CHECK_THROWS_WITH(parse_profile(R"({"levels": [{"name": "y", "any_of": [{"over": 200, "hours": 24}]},
                                                 {"name": "o", "any_of": [{"over": 200, "hours": 48, "over": 150}]}]})", "p.json"),
                    "p.json: /levels/1/any_of/0/over: given twice in one object");
  CHECK_NOTHROW(parse_profile(R"({"extends": "pingdingshan-2023", "reduction": {"required": {"III": 0.1}}, "title": "t"})", "p.json"));
}
