#include "hpa/io/episode_format.hpp"
#include "hpa/io/output.hpp"

#include <catch2/catch.hpp>
#include <functional>

#include "helpers.hpp"

using namespace hpa;
using namespace hpa::test;

TEST_CASE("episode_format: the CSV row, JSON and text of RULES.md example 8", "[episode_format]") {
  const auto p = pingdingshan_2023();
  const auto c = run_days({{0, 250}, {1, 250}, {2, 320}, {3, 180}});
  REQUIRE(c.episodes.size() == 1);
  const auto& e = c.episodes[0];
  CHECK(io::episode_csv_row("S", e, p) ==
        "S,warning,1970-01-01T00:00,1970-01-04T23:00,1970-01-05T00:00,red,I,1969-12-30T00:00,false,1,320,"
        "red 1970-01-01T00:00..1970-01-03T23:00; orange 1970-01-04T00:00..1970-01-04T23:00,"
        "\"red: daily AQI > 200 lasting 72 h, with > 300 lasting 24 h within them; chain "
        "1970-01-01T00:00..1970-01-03T23:00\",\n");
  const auto j = io::episode_json("S", e, p);
  CHECK(j["segments"].size() == 2);
  CHECK(j["lift"] == "1970-01-05T00:00");
  CHECK(j["tier"] == "I");
  CHECK(j["pending"] == false);
  CHECK(io::episode_text("S", e, p).find("red warning (红色), tier I response") != std::string::npos);
}

TEST_CASE("episode_format: pending actions", "[episode_format]") {
  const auto p = pingdingshan_2023();
  auto v = levels({{red, 0, 59}, {orange, 60, 80}}, 80);
  const auto e = episodes_of(v, 0, p);
  CHECK(io::pending_action(e[0], p) == "downgrade to orange (21 of 36 h improvement seen)");
  CHECK(io::csv_field("a,b") == "\"a,b\"");
  CHECK(io::csv_field("say \"x\"") == "\"say \"\"x\"\"\"");
}

TEST_CASE("episode_format: the excluded hours of a withheld warning", "[episode_format]") {
  const auto p = pingdingshan_2023();
  auto e = episodes_of(levels({{orange, 10, 80}}), 0, p).at(0);
  e.status = episode_status::withheld;
  e.excluded = {{5, 70, "dust", exclusion::outside_plan}, {75, 76, "O3", exclusion::advisory}};
  CHECK(io::excluded_text(e) == "dust 1970-01-01T05:00..1970-01-03T22:00; O3 1970-01-04T03:00..1970-01-04T04:00");
  CHECK(io::episode_csv_row("S", e, p).find(",withheld,") != std::string::npos);
  CHECK(io::episode_text("S", e, p).find("S: no warning: an orange warning withheld") == 0);
}

TEST_CASE("episode_format: episodes JSON read back, and its errors", "[episode_format]") {
  const auto p = pingdingshan_2023();
  const auto c = run_days({{0, 250}, {1, 250}, {2, 320}, {3, 180}});
  const auto text = "[" + io::episode_json("S", c.episodes[0], p).dump() + "]";
  const auto back = io::episodes_from_json(text, "e.json", p);
  REQUIRE(back.size() == 1);
  CHECK(back[0].e.segments == c.episodes[0].segments);
  CHECK(back[0].e.lift == c.episodes[0].lift);
  CHECK(back[0].e.mean_daily_aqi == 250);
  CHECK_THROWS_WITH(io::episodes_from_json("[{\"station\": 1}]", "e.json", p),
                    Catch::StartsWith("e.json: /0: type must be string"));
  CHECK_THROWS_WITH(io::episodes_from_json("{}", "e.json", p), "e.json: expected a JSON array of episodes");
  CHECK_THROWS_AS(io::episodes_from_json("{}", "e.json", p), io::needs_step);  // the tool names hpa-episodes
  // a number out of range is a parse error, not an exception of another kind
  CHECK_THROWS_WITH(io::episodes_from_json("[1e999]", "e.json", p), "e.json: number overflow parsing '1e999'");
  auto nul = io::episode_json("S", c.episodes[0], p);
  nul["station"] = std::string("A\0B", 3);
  CHECK_THROWS_WITH(io::episodes_from_json("[" + nul.dump() + "]", "e.json", p),
                    "e.json: /0/station: a station name must not hold a NUL byte, got 'A\\x00B'");
}

TEST_CASE("episode_format: hours and daily AQI figures no run writes are refused, naming the field",
          "[episode_format]") {
  const auto p = pingdingshan_2023();
  const auto c = run_days({{0, 250}, {1, 250}, {2, 320}, {3, 180}});
  const auto good = nlohmann::json::parse(io::episode_json("S", c.episodes[0], p).dump());
  REQUIRE(good["segments"].size() == 2);
  REQUIRE(io::episodes_from_json(nlohmann::json::array({good}).dump(), "e.json", p).size() == 1);
  auto refused = [&](const std::function<void(nlohmann::json&)>& edit) {
    auto bad = good;
    edit(bad);
    try {
      io::episodes_from_json(nlohmann::json::array({bad}).dump(), "e.json", p);
    } catch (const error& e) {
      return std::string(e.what());
    }
    return std::string("accepted");
  };
  const auto start = good["start"].get<std::string>(), end = good["end"].get<std::string>();
  CHECK(refused([](auto& j) { j["end"] = "1969-12-31T05:00"; }) ==
        "e.json: /0/end: 1969-12-31T05:00 is before start " + start);
  CHECK(refused([&](auto& j) { j["lift"] = end; }) == "e.json: /0/lift: " + end + " is not after end " + end);
  CHECK(refused([&](auto& j) { j["segments"][0]["from"] = "1969-12-31T23:00"; }) ==
        "e.json: /0/segments/0/from: 1969-12-31T23:00 is before start " + start);
  CHECK(refused([&](auto& j) { j["segments"][1]["to"] = "1970-02-01T00:00"; }) ==
        "e.json: /0/segments/1/to: 1970-02-01T00:00 is after end " + end);
  CHECK(refused([&](auto& j) {
          j["segments"][0]["to"] = start;
          j["segments"][0]["from"] = end;
        }) == "e.json: /0/segments/0/to: " + start + " is before its from " + end);
  CHECK(refused([&](auto& j) { j["segments"][1]["from"] = j["segments"][0]["from"]; }) ==
        "e.json: /0/segments/1/from: " + start + " is not after the segment before it, to " +
            good["segments"][0]["to"].get<std::string>());
  // "AQI 100–": a range with no upper end
  CHECK(refused([](auto& j) { j.erase("max_daily_aqi"); }) ==
        "e.json: /0/max_daily_aqi: missing, where the other daily AQI figures are given");
  CHECK(refused([](auto& j) { j["min_daily_aqi"] = nullptr; }) ==
        "e.json: /0/min_daily_aqi: missing, where the other daily AQI figures are given");
  CHECK(refused([](auto& j) { j["max_daily_aqi"] = "320"; }) ==
        "e.json: /0/max_daily_aqi: expected a number, got \"320\"");
  CHECK(refused([](auto& j) { j["min_daily_aqi"] = 400; }) ==
        "e.json: /0/min_daily_aqi: 400 is above max_daily_aqi 320");
  CHECK(refused([](auto& j) { j["mean_daily_aqi"] = 100; }) ==
        "e.json: /0/mean_daily_aqi: 100 is outside min_daily_aqi..max_daily_aqi 180..320");
  // none of them (a directive's episode over hours without data): nothing to print, nothing wrong
  CHECK(refused([](auto& j) { j["min_daily_aqi"] = j["max_daily_aqi"] = j["mean_daily_aqi"] = nullptr; }) ==
        "accepted");
}

TEST_CASE("episode_format: episodes name the profile they were made under", "[episode_format]") {
  const auto p = mee_2017();
  const auto c = run_days({{0, 230}}, p);
  REQUIRE(c.episodes.size() == 1);
  const auto one = io::episode_json("S", c.episodes[0], p);
  CHECK(one["profile"] == "mee-2017");
  CHECK(io::episode_csv_row("S", c.episodes[0], p).find("mee-2017") == std::string::npos);  // JSON only
  const auto text = nlohmann::ordered_json::array({one}).dump();
  CHECK(io::episodes_profile(text, "e.json") == "mee-2017");
  CHECK(io::episodes_from_json(text, "e.json", p).size() == 1);
  CHECK_THROWS_WITH(io::episodes_from_json(text, "e.json", pingdingshan_2023()),
                    "e.json: /0/profile: made under profile 'mee-2017', not 'pingdingshan-2023'");
  // episodes written before they named their profile are read under the one given
  auto unnamed = one;
  unnamed.erase("profile");
  const auto old = nlohmann::ordered_json::array({unnamed}).dump();
  CHECK(io::episodes_profile(old, "e.json").empty());
  CHECK(io::episodes_profile(nlohmann::ordered_json::array({unnamed, one}).dump(), "e.json") == "mee-2017");
  auto other = one;
  other["profile"] = "mee-2018";
  CHECK_THROWS_WITH(io::episodes_profile(nlohmann::ordered_json::array({unnamed, one, other}).dump(), "e.json"),
                    "e.json: /2/profile: made under profile 'mee-2018', /1 under 'mee-2017': episodes of one "
                    "profile only");
  other["profile"] = 7;
  CHECK_THROWS_WITH(io::episodes_profile(nlohmann::ordered_json::array({other}).dump(), "e.json"),
                    "e.json: /0/profile: must be a string, got 7");
  CHECK_THROWS_AS(io::episodes_profile("{}", "e.json"), io::needs_step);
}

TEST_CASE("episode_format: episodes with directives carry their basis, and read back", "[episode_format]") {
  const auto p = pingdingshan_2023();
  const auto rules = episodes_of(levels({{orange, 50, 150}}), 0, p);
  const std::vector<directive> ds = {{12, red, 20, 100, "S", "豫环委办〔2023〕7号"}};
  const auto d = with_directives(rules, ds, 0, 300, p, [](hour_t) { return 210.0; });
  REQUIRE(d.size() == 1);
  const auto row = io::json_object(io::directed_episode_columns(), io::directed_episode_fields("S", d[0], p));
  CHECK(row["basis"] == "both");
  CHECK(row["issue_by"] == "1970-01-01T12:00");
  REQUIRE(row["segments"].size() == 3);
  CHECK(row["segments"][0] == nlohmann::ordered_json{{"level", "red"},
                                                     {"from", "1970-01-01T20:00"},
                                                     {"to", "1970-01-03T01:00"},
                                                     {"basis", "directive"},
                                                     {"rules", "none"},
                                                     {"directive", "red"},
                                                     {"source", "豫环委办〔2023〕7号"}});
  CHECK(row["segments"][2]["source"].is_null());
  CHECK(row["rule"].get<std::string>().ends_with(
      "; directive: red per 豫环委办〔2023〕7号 (received 1970-01-01T12:00) 1970-01-01T20:00..1970-01-05T03:00"));
  CHECK(io::csv_row(io::directed_episode_columns(), io::directed_episode_fields("S", d[0], p))
            .find(",both,1970-01-01T12:00,") != std::string::npos);
  const auto back = io::episodes_from_json(nlohmann::ordered_json::array({row}).dump(), "e.json", p);
  REQUIRE(back.size() == 1);
  CHECK(back[0].why == basis::both);
  CHECK(back[0].parts == d[0].parts);
  CHECK(back[0].e.segments == std::vector<segment>{{red, 20, 99}, {orange, 100, 150}});
  SECTION("the text says where each stretch comes from") {
    const auto text = io::directed_episode_text("S", d[0], p);
    CHECK(text.find("  issue by   1970-01-01T12:00 (on receipt of 豫环委办〔2023〕7号, §3.2.3)\n") !=
          std::string::npos);
    CHECK(text.find("  basis      both: rules 51 h, both 0 h, directive 80 h\n") != std::string::npos);
  }
  SECTION("an unknown basis is an error naming its path") {
    auto bad = row;
    bad["segments"][1]["basis"] = "province";
    CHECK_THROWS_WITH(io::episodes_from_json(nlohmann::ordered_json::array({bad}).dump(), "e.json", p),
                      "e.json: /0/segments: no basis 'province' (rules, directive or both)");
  }
}
