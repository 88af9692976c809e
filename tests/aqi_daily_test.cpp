// The daily AQI of the 24 h window from concentrations (aqi_daily.hpp): validity, O3's 1 h and
// 8 h maxima, and exact means; cases of ../shared/bench/JOB.md (edge_conc.csv), worked by hand.
#include "hpa/aqi_daily.hpp"

#include <catch2/catch.hpp>

using namespace hpa;

namespace {
concentrations_milli pm25(std::int64_t milli) {
  concentrations_milli c;
  c.pm25 = milli;
  return c;
}
concentrations_milli o3(std::int64_t milli) {
  concentrations_milli c;
  c.o3 = milli;
  return c;
}
int daily(const daily_statistics& s) { return daily_breakdown(s, aqi_edition::hj633_2012).aqi; }
}  // namespace

TEST_CASE("aqi_daily: a mean is not rounded before the lookup", "[aqi_daily]") {
  SECTION("PM2.5 150 for 23 hours and 150.001 for one: over 200") {
    rolling_concentrations w(20);
    for (int h = 0; h < 23; ++h) w.push(pm25(150000));
    CHECK(daily(w.push(pm25(150001))) == 201);  // mean 150 + 1/24000: IAQI 200.0…2 -> 201
    for (int h = 0; h < 23; ++h) CHECK(daily(w.push(pm25(150000))) == 201);
    CHECK(daily(w.push(pm25(150000))) == 200);  // the 150.001 has left the window
  }
  SECTION("CO 2.04 for 23 hours and 2.05 for one") {
    rolling_concentrations w(20);
    concentrations_milli c;
    c.co = 2040;
    for (int h = 0; h < 23; ++h) w.push(c);
    c.co = 2050;
    CHECK(daily(w.push(c)) == 52);  // ceil(51.0104); the mean rounded to 0.001 (2.040) gives 51
  }
  SECTION("PM2.5 149.9 and 150.1 in turns of 12 h: every full window is exactly 150") {
    rolling_concentrations w(20);
    for (int h = 0; h < 48; ++h) {
      const int d = daily(w.push(pm25(h % 24 < 12 ? 149900 : 150100)));
      if (h >= 23) CHECK(d == 200);
    }
  }
}

TEST_CASE("aqi_daily: 20 of 24 hours make a mean, O3 counts from its first value", "[aqi_daily]") {
  rolling_concentrations w(20);
  concentrations_milli c;
  c.pm25 = 250000;  // 300
  c.pm10 = 100000;  // 75
  for (int h = 0; h < 19; ++h) CHECK(daily(w.push(c)) == -1);
  CHECK(daily(w.push(c)) == 300);  // the 20th hour
  c.pm25 = -1;
  for (int h = 0; h < 4; ++h) CHECK(daily(w.push(c)) == 300);  // 20 of 24 still
  CHECK(daily(w.push(c)) == 75);                               // 19 of 24: PM10 alone
  SECTION("one O3 value is enough for its 1 h maximum") {
    rolling_concentrations o(20);
    const auto s = o.push(o3(50000));
    CHECK(daily(s) == 16);  // 50/160 × 50 = 15.6
    CHECK(daily_breakdown(s, aqi_edition::hj633_2012).counted == part_bit(aqi_part::o3));
  }
}

TEST_CASE("aqi_daily: O3 8 h means need 6 of 8 and lie inside the window", "[aqi_daily]") {
  SECTION("six hours of 300 then nothing: the 8 h IAQI 207 from hour 5 to 23, the 1 h 150 to 28") {
    rolling_concentrations w(20);
    for (int h = 0; h < 30; ++h) {
      const int d = daily(w.push(h < 6 ? o3(300000) : concentrations_milli{}));
      INFO("hour " << h);
      CHECK(d == (h < 5 ? 150 : h < 24 ? 207 : h <= 28 ? 150 : -1));  // 8 h 300: 200 + 100 × 35/50 = 207
    }
  }
  SECTION("five hours: no 8 h mean") {
    rolling_concentrations w(20);
    for (int h = 0; h < 24; ++h) CHECK(daily(w.push(h < 5 ? o3(300000) : concentrations_milli{})) == 150);
  }
  SECTION("8 h mean above 800: 2012 leaves it to the 1 h IAQI, 2026 says 300") {
    rolling_concentrations w(20);
    daily_statistics s;
    for (int h = 0; h < 8; ++h) s = w.push(o3(900000));
    CHECK(daily_breakdown(s, aqi_edition::hj633_2012).aqi == 350);
    CHECK(daily_breakdown(s, aqi_edition::hj633_2026).aqi == 300);
  }
  SECTION("the largest 8 h mean is compared as a fraction") {
    rolling_concentrations w(20);
    daily_statistics s;
    for (std::int64_t v : {100000, 100000, 100000, 100000, 100000, 100001, -1, -1}) s = w.push(o3(v));
    REQUIRE(s.o3_8h_n == 6);
    CHECK(s.o3_8h_sum == 600001);
    CHECK(daily_breakdown(s, aqi_edition::hj633_2012).iaqi[static_cast<std::size_t>(aqi_part::o3_8h)] == 51);
  }
}

TEST_CASE("aqi_daily: an empty window stays empty", "[aqi_daily]") {
  rolling_concentrations w(20);
  CHECK(w.empty());
  w.push(o3(1000));
  CHECK_FALSE(w.empty());
  for (int h = 0; h < 23; ++h) w.push(concentrations_milli{});
  CHECK_FALSE(w.empty());
  w.push(concentrations_milli{});
  CHECK(w.empty());
}
