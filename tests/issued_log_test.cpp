// The issued-warnings log: what hpa-report checks against the rules and hpa-plot draws.
#include "hpa/io/issued_log.hpp"

#include <catch2/catch.hpp>
#include <sstream>

#include "hpa/error.hpp"

using namespace hpa;

namespace {
std::vector<io::issued_entry> read(const std::string& text, const profile& p = pingdingshan_2023()) {
  std::istringstream in(text);
  return io::read_issued_log(in, "log.csv", p);
}
const hour_t dec1 = days_from_civil(2023, 12, 1) * 24;
}  // namespace

TEST_CASE("issued_log: one warning a line, the lift optional, other columns ignored", "[issued_log]") {
  const auto log = read(
      "Station,level,issued_at,start,lift,note\n"
      "A,yellow,2023-12-01T10:00,2023-12-02T00:00,2023-12-04T08:00,first\n"
      "B,red,2023-12-01 20:00,2023-12-03T12,,still in force\n");
  REQUIRE(log.size() == 2);
  CHECK(log[0].station == "A");
  CHECK(log[0].level == 1);
  CHECK(log[0].issued_at == dec1 + 10);
  CHECK(log[0].start == dec1 + 24);
  CHECK(log[0].lift == dec1 + 3 * 24 + 8);
  CHECK(log[0].line == 2);
  CHECK(log[1].level == 3);
  CHECK(log[1].issued_at == dec1 + 20);
  CHECK(log[1].start == dec1 + 2 * 24 + 12);
  CHECK_FALSE(log[1].lift);
  CHECK(read("station,level,issued_at,start\nA,orange,2023-12-01T00:00,2023-12-01T06:00\n").at(0).level == 2);
  CHECK(read("station,level,issued_at,start,lift\n").empty());
}

TEST_CASE("issued_log: levels are the profile's", "[issued_log]") {
  const std::string blue = "station,level,issued_at,start,lift\nA,blue,2016-12-01T10:00,2016-12-02T00:00,\n";
  CHECK(read(blue, mee_2017()).at(0).level == 1);
  CHECK_THROWS_WITH(read(blue), "log.csv:2:2: no level 'blue' in profile pingdingshan-2023");
  CHECK_THROWS_WITH(read("station,level,issued_at,start,lift\nA,none,2016-12-01T10:00,2016-12-02T00:00,\n"),
                    "log.csv:2:2: no level 'none' in profile pingdingshan-2023");
}

TEST_CASE("issued_log: what is not a log is an error naming line and column", "[issued_log]") {
  CHECK_THROWS_WITH(read(""), "log.csv: empty issued log: expected station,level,issued_at,start,lift");
  CHECK_THROWS_WITH(read("station,level,start,lift\n"), "log.csv:1: missing column 'issued_at' in the issued log");
  CHECK_THROWS_WITH(read("station,level,issued_at,start,lift\nA,red,2023-12-01T10:30,2023-12-02T00:00,\n"),
                    Catch::StartsWith("log.csv:2:3: "));
  CHECK_THROWS_WITH(read("station,level,issued_at,start,lift\nA,red,2023-12-01T10:00,2023-12-02T00:00,soon\n"),
                    Catch::StartsWith("log.csv:2:5: ") && Catch::EndsWith(", got 'soon'"));
  CHECK_THROWS_WITH(read("station,level,issued_at,start,lift\nA,red,2023-12-01T10:00\n"),
                    "log.csv:2: expected 5 fields, got 3");
  CHECK_THROWS_WITH(
      read("station,level,issued_at,start,lift\nA,red,2023-12-01T10:00,2023-12-02T00:00,2023-12-01T23:00\n"),
      "log.csv:2:5: lift 2023-12-01T23:00 is before start 2023-12-02T00:00");
  using namespace std::string_literals;
  CHECK_THROWS_WITH(read("level,station,issued_at,start\nred,A\0B,2023-12-01T10:00,2023-12-02T00:00\n"s),
                    "log.csv:2:2: a station name must not hold a NUL byte, got 'A\\x00B'");
}
