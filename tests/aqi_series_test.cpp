// A station's concentrations as the AQI series of each daily_aqi method (aqi_series.hpp).
#include "hpa/aqi_series.hpp"

#include <catch2/catch.hpp>
#include <vector>

using namespace hpa;

namespace {
struct emitted {
  hour_t hour;
  int aqi;
};
std::vector<emitted> push(concentration_series& s, hour_t t, const concentrations_milli& c) {
  std::vector<emitted> out;
  s.push(t, c, [&](hour_t h, const aqi_breakdown& b) { out.push_back({h, b.aqi}); });
  return out;
}
}  // namespace

TEST_CASE("aqi_series: the two methods on the same hours", "[aqi_series]") {
  concentrations_milli pm25, pm10;  // PM2.5 and PM10 peak in turns
  pm25.pm25 = 270000;               // IAQI 320
  pm25.pm10 = 0;
  pm10.pm25 = 0;
  pm10.pm10 = 440000;  // IAQI 325
  concentration_series hourly(daily_aqi_method::mean_of_hourly_aqi, 20, aqi_edition::hj633_2012);
  concentration_series daily(daily_aqi_method::aqi_of_mean_concentration, 20, aqi_edition::hj633_2012);
  CHECK(series_kind_of(hourly.method()) == series_kind::hourly);
  CHECK(series_kind_of(daily.method()) == series_kind::rolling);
  std::vector<emitted> h, d;
  for (hour_t t = 0; t < 24; ++t) {
    for (auto e : push(hourly, t, t % 2 ? pm10 : pm25)) h.push_back(e);
    for (auto e : push(daily, t, t % 2 ? pm10 : pm25)) d.push_back(e);
  }
  REQUIRE(h.size() == 24);
  CHECK(h[0].aqi == 320);
  CHECK(h[1].aqi == 325);  // the hourly AQI: the pipeline's mean of 24 of them is 322.5
  REQUIRE(d.size() == 24);
  CHECK(d[18].aqi == -1);   // 12 hours of each: no 24 h mean yet
  CHECK(d[23].aqi == 179);  // PM2.5 mean 135: 150 + 50 × 20/35 = 178.6
}

TEST_CASE("aqi_series: a gap is filled while the window holds a value, then skipped", "[aqi_series]") {
  concentrations_milli o3;
  o3.o3 = 100000;  // O3 1 h 100: 32 (2012)
  concentration_series s(daily_aqi_method::aqi_of_mean_concentration, 20, aqi_edition::hj633_2012);
  CHECK(push(s, 10, o3).size() == 1);
  const auto after = push(s, 100, o3);
  REQUIRE(after.size() == 25);  // hours 11 … 33 from the O3 of hour 10, 34 that lets it go, then 100
  CHECK(after.front().hour == 11);
  CHECK(after.front().aqi == 32);
  CHECK(after[22].hour == 33);
  CHECK(after[22].aqi == 32);
  CHECK(after[23].hour == 34);
  CHECK(after[23].aqi == -1);
  CHECK(after.back().hour == 100);
  CHECK(s.next_hour() == 101);
  concentration_series h(daily_aqi_method::mean_of_hourly_aqi, 20, aqi_edition::hj633_2012);
  push(h, 10, o3);
  CHECK(push(h, 100, o3).size() == 1);  // hourly AQI: a missing hour is just missing
}

TEST_CASE("aqi_series: the edition goes by the date of each hour", "[aqi_series]") {
  concentrations_milli c;
  c.pm25 = 100000;  // 2012: 132; 2026: 137 (pollutants missing, over 100: published)
  concentration_series s(daily_aqi_method::mean_of_hourly_aqi, 20);
  const hour_t change = days_from_civil(2026, 3, 1) * 24;
  CHECK(push(s, change - 1, c)[0].aqi == 132);
  CHECK(push(s, change, c)[0].aqi == 137);
  CHECK(std::string(to_string(daily_aqi_method::aqi_of_mean_concentration)) == "aqi_of_mean_concentration");
}
