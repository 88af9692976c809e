#include "hpa/io/watch_state.hpp"

#include <catch2/catch.hpp>

using namespace hpa;
using namespace hpa::io;

TEST_CASE("watch_state: what is written reads back", "[watch_state]") {
  const auto p = pingdingshan_2023();
  watch_state s;
  s["A"] = {2, 100, 0, 140, std::nullopt};
  s["B"] = {0, 0, 0, std::nullopt, std::nullopt};  // nothing issued: not written
  s["C"] = {3, -50, 0, std::nullopt, std::nullopt};
  const auto text = format_watch_state(s, p, 120);
  const auto back = parse_watch_state(text, "s.json", p);
  CHECK(back.size() == 2);
  CHECK(back.at("A") == s["A"]);
  CHECK(back.at("C") == s["C"]);
}

TEST_CASE("watch_state: a lifted warning keeps its lift hour (an issue in the same episode counts from it)",
          "[watch_state]") {
  const auto p = pingdingshan_2023();
  watch_state s;
  s["L"] = {0, 0, 0, std::nullopt, 130};
  const auto text = format_watch_state(s, p, 140);
  CHECK(text.find("\"L\": {\n      \"level\": \"none\",\n      \"lifted_at\": \"1970-01-06T10:00\"") != std::string::npos);
  const auto back = parse_watch_state(text, "s.json", p);
  CHECK(back.at("L") == s["L"]);
}

TEST_CASE("watch_state: damaged and foreign files are errors", "[watch_state]") {
  const auto p = pingdingshan_2023();
  CHECK_THROWS_WITH(parse_watch_state("{\"a\": 1}", "s.json", p),
                    "s.json: not an hpa-watch state file (no \"format\": \"hpa-watch-state\"); refusing to replace it");
  CHECK_THROWS_WITH(parse_watch_state("{\"format\": 7}", "s.json", p), Catch::StartsWith("s.json: not an hpa-watch state file"));
  CHECK_THROWS_WITH(parse_watch_state("{\"format\": \"hpa-watch-state\", \"version\": 2}", "s.json", p),
                    "s.json: state file version 2 is not 1");
  CHECK_THROWS_WITH(parse_watch_state("{\"format\": \"hpa-watch-state\", \"version\": 1, \"profile\": \"mee-2017\", \"stations\": {}}", "s.json", p),
                    "s.json: state written under profile 'mee-2017', not 'pingdingshan-2023'");
  CHECK_THROWS_WITH(parse_watch_state("{\"format\": \"hpa-watch-state\", \"version\": 1, \"profile\": \"pingdingshan-2023\", \"stations\": {\"A\": {\"level\": 3}}}", "s.json", p),
                    Catch::StartsWith("s.json: damaged state file: type must be string"));
  CHECK_THROWS_WITH(parse_watch_state("{\"format\": \"hpa-watch-state\", \"version\": 1, \"profile\": \"pingdingshan-2023\", \"stations\": {\"A\": {\"level\": \"purple\", \"start\": \"2023-12-01T00:00\"}}}", "s.json", p),
                    "s.json: station A: unknown level \"purple\"");
}

TEST_CASE("watch_state: a number out of range is an error, not a crash", "[watch_state]") {
  CHECK_THROWS_WITH(parse_watch_state(" 3e111111111111111111111111111111111111111", "s.json", pingdingshan_2023()),
                    "s.json: damaged state file (number overflow parsing '3e111111111111111111111111111111111111111'); fix or remove it");
}
