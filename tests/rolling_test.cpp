#include "hpa/rolling.hpp"

#include <catch2/catch.hpp>

using namespace hpa;

TEST_CASE("rolling: RULES.md example 19, the 20-of-24 rule and the decay", "[rolling]") {
  std::vector<double> hourly(48, 0.0);
  for (int h = 0; h < 24; ++h) hourly[h] = 300;
  const auto d = daily_aqi(hourly, 24, 20);
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
  const auto d = daily_aqi(hourly, 24, 20);
  CHECK(d[23] == 100);
  CHECK(d[27] == 100);  // 4 missing: 20 of 24
  CHECK_FALSE(has_value(d[28]));
}

TEST_CASE("rolling: decimal AQI sums do not drift over a long series", "[rolling]") {
  rolling_daily roll(24, 20);
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

TEST_CASE("rolling: decimals up to millionths are held exactly", "[rolling]") {
  SECTION("30 hours of 200.0004: the mean is over 200") {
    const auto d = daily_aqi(std::vector<double>(30, 200.0004), 24, 20);
    CHECK(d[23] == 200.0004);  // the nearest double to the exact mean
    CHECK(d[29] > 200);
  }
  SECTION("one millionth over 200 in one hour of 24 puts the mean over 200") {
    std::vector<double> hourly(24, 200.0);
    hourly[23] = 200.000001;
    CHECK(daily_aqi(hourly, 24, 20)[23] > 200);
  }
  SECTION("decimals that cancel give the threshold itself, not a hair over or under") {
    std::vector<double> hourly;
    for (int h = 0; h < 24; ++h) hourly.push_back(h % 2 ? 200.123457 : 199.876543);
    CHECK(daily_aqi(hourly, 24, 20)[23] == 200);
  }
  SECTION("a seventh decimal is rounded to the nearest millionth first, half up") {
    std::vector<double> hourly(24, 200.0);
    hourly[23] = 200.0000004;
    CHECK(daily_aqi(hourly, 24, 20)[23] == 200);
    hourly[23] = 200.0000006;
    CHECK(daily_aqi(hourly, 24, 20)[23] > 200);
  }
}

TEST_CASE("rolling: whole AQI gives sum / count, correctly rounded", "[rolling]") {
  std::vector<double> hourly(24, 100.0);
  hourly[23] = 101;
  CHECK(daily_aqi(hourly, 24, 20)[23] == 2401.0 / 24);
  hourly.assign(24, 500.0);  // the top of the scale
  CHECK(daily_aqi(hourly, 24, 20)[23] == 500);
}

TEST_CASE("rolling: six-decimal sums do not drift over a long series", "[rolling]") {
  rolling_daily roll(24, 20);
  double last = 0;
  for (int h = 0; h < 100000; ++h) last = roll.push(h % 2 ? 150.000001 : 149.999999);
  CHECK(last == 150.0);
}

TEST_CASE("rolling: a value past any AQI is held at the largest held", "[rolling]") {
  CHECK(daily_aqi(std::vector<double>{1e300}, 1, 1)[0] == rolling_daily::max_held);
}
