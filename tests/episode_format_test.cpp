#include "hpa/io/episode_format.hpp"
#include "hpa/io/output.hpp"

#include <catch2/catch.hpp>

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
  CHECK_THROWS_WITH(io::episodes_from_json("[{\"station\": 1}]", "e.json", p), Catch::StartsWith("e.json: /0: type must be string"));
  CHECK_THROWS_WITH(io::episodes_from_json("{}", "e.json", p), "e.json: expected the JSON array of hpa-episodes --format json");
  // a number out of range is a parse error, not an exception of another kind
  CHECK_THROWS_WITH(io::episodes_from_json("[1e999]", "e.json", p), "e.json: number overflow parsing '1e999'");
}
