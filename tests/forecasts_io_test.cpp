// The forecasts file (io/forecasts.hpp): every issue of a station's forecast as read, daily and
// hourly rows, and the errors that name line and column.
#include "hpa/io/forecasts.hpp"

#include <catch2/catch.hpp>

#include <sstream>

#include "hpa/error.hpp"
#include "hpa/profile.hpp"

using namespace hpa;

namespace {
std::map<std::string, std::vector<forecast_row>> read(const std::string& text) {
  std::istringstream in(text);
  return io::read_forecasts(in, "f.csv", pingdingshan_2023());
}
}  // namespace

TEST_CASE("forecasts io: daily and hourly rows of two issues, by station, as read", "[forecasts_io]") {
  const auto m = read(
      "issued_at,station,date,aqi_low,aqi_high\n"
      "2016-12-01T16:00,Dongsi,2016-12-02,180,230\n"
      "2016-12-02T16:00,Dongsi,2016-12-02,150,190\n"
      "2016-12-01T16:00,Wanliu,2016-12-03,90,110\n");
  REQUIRE(m.size() == 2);
  const auto& d = m.at("Dongsi");
  REQUIRE(d.size() == 2);
  CHECK(d[0].daily);
  CHECK(format_time(d[0].issued_at) == "2016-12-01T16:00");
  CHECK(format_time(d[0].hour) == "2016-12-02T00:00");
  CHECK(d[0].low == 180);
  CHECK(d[0].high == 230);
  CHECK_FALSE(has_value(d[0].aqi));
  CHECK(d[1].high == 190);
  const auto h = read("issued_at,station,time,aqi\n2016-12-01T16:00,A,2016-12-01T20:00,210\n");
  REQUIRE(h.at("A").size() == 1);
  CHECK_FALSE(h.at("A")[0].daily);
  CHECK(h.at("A")[0].aqi == 210);
}

TEST_CASE("forecasts io: a bad row is an error naming its line and column", "[forecasts_io]") {
  CHECK_THROWS_WITH(read("issued_at,station,date,aqi_low,aqi_high\n2016-12-01T16:00,A,2016-12-02,230,180\n"),
                    Catch::Contains("f.csv:2:"));
  CHECK_THROWS_WITH(read("issued_at,station,date,aqi_low,aqi_high\n2016-12-01T16:00,A,2016-12-02,180,900\n"),
                    Catch::Contains("f.csv:2:"));
  CHECK_THROWS_WITH(read("issued_at,station,date,aqi_low,aqi_high\nyesterday,A,2016-12-02,180,230\n"),
                    Catch::Contains("f.csv:2:1"));
  CHECK_THROWS_AS(read("issued_at,station,date,aqi_low,aqi_high\n2016-12-01T16:00,A,2016-12-02,,\n"), error);
}
