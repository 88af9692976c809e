// io/fields.hpp: the one missing-value rule, the one number parser and its messages, and a CSV
// header mapped onto the columns a reader knows.
#include "hpa/io/fields.hpp"

#include <catch2/catch.hpp>
#include <cmath>
#include <sstream>
#include <string>
#include <vector>

using namespace hpa;
using namespace hpa::io;

TEST_CASE("fields: missing values as the files write them", "[fields]") {
  for (const char* m : {"", "  ", "NA", "na", "NaN", "nan", " NAN ", "-", "—"}) {
    INFO(m);
    CHECK(is_missing(m));
  }
  for (const char* v : {"0", "N", "NAN1", "--", "n/a"}) {
    INFO(v);
    CHECK_FALSE(is_missing(v));
  }
}

TEST_CASE("fields: numbers, with the field and its place in every message", "[fields]") {
  const location at{"a.csv", 3, 2};
  CHECK(parse_number("215", at, "aqi") == 215);
  CHECK(parse_number(" 87.5 ", at, "aqi") == 87.5);
  CHECK(parse_number("-3", at, "x", number_kind::any) == -3);
  CHECK_THROWS_WITH(parse_number("n/a", at, "aqi"), "a.csv:3:2: expected a number for aqi, got 'n/a'");
  CHECK_THROWS_WITH(parse_number("inf", at, "aqi"), "a.csv:3:2: expected a finite number for aqi, got 'inf'");
  CHECK_THROWS_WITH(parse_number("-1", at, "aqi"), "a.csv:3:2: aqi cannot be negative, got '-1'");
  CHECK_THROWS_WITH(parse_number("1e308", at, "pm25", number_kind::concentration),
                    Catch::StartsWith("a.csv:3:2: pm25 '1e308' is above "));
  CHECK(std::isnan(parse_value("NA", at, "aqi")));
  CHECK(parse_value("12", at, "aqi") == 12);
  CHECK(most_of(number_kind::concentration) == max_concentration_ug);
  CHECK(std::isinf(most_of(number_kind::any)));
}

TEST_CASE("fields: a header maps onto the known columns, in any case, aliases too", "[fields]") {
  const std::vector<known_column> known = {{"station"}, {"time", {"date"}}, {"aqi"}};
  auto map = [&](const std::string& header, std::vector<std::string>* warnings = nullptr,
                 std::vector<std::string> quiet = {}) {
    std::istringstream in(header + "\n");
    csv_reader csv(in, "h.csv");
    REQUIRE(csv.next());
    return header_map(
        csv, known, unknown_columns::warn,
        [&](const std::string& w) {
          if (warnings) warnings->push_back(w);
        },
        quiet);
  };
  SECTION("names and aliases") {
    const auto h = map(" AQI ,Date,extra");
    CHECK(h[0] == -1);
    CHECK(h[1] == 1);
    CHECK(h[2] == 0);
    CHECK(h.width() == 3);
    CHECK(h.name(0) == "AQI");
    CHECK(std::string(h.missing("station").what()) ==
          "h.csv:1: missing column station (the header has: aqi, date, extra)");
  }
  SECTION("an unknown column is ignored with a warning, unless quiet") {
    std::vector<std::string> warnings;
    map("time,aqi,extra,pm_x", &warnings, {"pm_"});
    CHECK(warnings == std::vector<std::string>{"h.csv:1:3: ignoring column 'extra'"});
  }
  SECTION("a near miss and a column given twice are errors") {
    CHECK_THROWS_WITH(map("tiem,aqi"), "h.csv:1:1: unknown column 'tiem': did you mean 'time'?");
    CHECK_THROWS_WITH(map("time,aqi,AQI"), "h.csv:1:3: column 'aqi' given twice");
  }
}
