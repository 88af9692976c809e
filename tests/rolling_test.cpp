#include "hpa/rolling.hpp"

#include <catch2/catch.hpp>

using namespace hpa;

TEST_CASE("rolling: RULES.md example 19, the 20-of-24 rule and the decay", "[rolling]") {
  std::vector<double> hourly(48, 0.0);
  for (int h = 0; h < 24; ++h) hourly[h] = 300;
  const auto d = daily_aqi(hourly);
  CHECK_FALSE(has_value(d[18]));  // 19 hours
  CHECK(d[19] == 300);            // first with 20 hours
  CHECK(d[23] == 300);
  CHECK(d[24] == 287.5);
  CHECK(d[35] == 150);
  CHECK(d[36] == 137.5);
}

TEST_CASE("rolling: missing hours count against validity", "[rolling]") {
  std::vector<double> hourly(30, 100.0);
  for (int h = 24; h < 29; ++h) hourly[h] = no_value;  // 5 missing: 19 of 24 left
  const auto d = daily_aqi(hourly);
  CHECK(d[23] == 100);
  CHECK(d[27] == 100);  // 4 missing: 20 of 24
  CHECK_FALSE(has_value(d[28]));
}

TEST_CASE("rolling: decimal AQI sums do not drift over a long series", "[rolling]") {
  rolling_daily roll;
  double last = 0;
  for (int h = 0; h < 100000; ++h) last = roll.push(h % 2 ? 150.1 : 149.9);
  CHECK(last == 150.0);
  CHECK(roll.valid_hours() == 24);
}

TEST_CASE("rolling: a shorter window from the profile", "[rolling]") {
  const auto d = daily_aqi(std::vector<double>{10, 20, 30, 40}, 2, 2);
  CHECK_FALSE(has_value(d[0]));
  CHECK(d[1] == 15);
  CHECK(d[3] == 35);
}
