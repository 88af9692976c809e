// Reading timelines for hpa-watch (io/timeline.hpp): each station's points in time order, the
// last observed hour, forecast rows and rows after the decision hour counted, and the tail kept
// for a decision at one hour.
#include "hpa/io/timeline.hpp"

#include <catch2/catch.hpp>

#include <sstream>

#include "hpa/error.hpp"
#include "hpa/profile.hpp"

using namespace hpa;

namespace {
io::timeline read(const std::string& text, const io::timeline_options& o = {}) {
  std::istringstream in(text);
  return io::read_timeline(in, "t.csv", pingdingshan_2023(), o);
}
}  // namespace

TEST_CASE("timeline io: stations by name, points in order, observed and forecast rows", "[timeline_io]") {
  const auto t = read(
      "station,time,aqi,origin\n"
      "B,2023-12-01T00:00,100,observed\n"
      "B,2023-12-01T01:00,120,observed\n"
      "B,2023-12-01T02:00,250,forecast\n"
      "A,2023-12-01T00:00,90,observed\n");
  REQUIRE(t.stations.size() == 2);
  CHECK(t.stations[0].name == "A");
  const auto& b = t.stations[1];
  REQUIRE(b.points.size() == 3);
  CHECK(b.points[1].value == 120);
  CHECK(b.points[2].value == 250);
  CHECK(format_time(*b.last_observed) == "2023-12-01T01:00");
  CHECK(t.forecast_rows == 1);
  CHECK(t.row_hours == 0);
}

TEST_CASE("timeline io: observed rows after now are left out and counted", "[timeline_io]") {
  io::timeline_options o;
  o.now = parse_time("2023-12-01T01:00").hour;
  const auto t = read("station,time,aqi\nA,2023-12-01T00:00,100\nA,2023-12-01T01:00,110\nA,2023-12-01T02:00,120\n", o);
  REQUIRE(t.stations.size() == 1);
  CHECK(t.stations[0].points.size() == 2);
  CHECK(t.after_now == 1);
}

TEST_CASE("timeline io: rows out of order are an error naming the line", "[timeline_io]") {
  CHECK_THROWS_WITH(read("station,time,aqi\nA,2023-12-01T01:00,100\nA,2023-12-01T00:00,110\n"),
                    Catch::Contains("t.csv:3:"));
}
