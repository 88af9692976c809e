// HJ 633-2012 and -2026 (../shared/AQI.md), every value worked out by hand from the tables.
#include "hpa/aqi.hpp"

#include <catch2/catch.hpp>

using namespace hpa;

namespace {
const indicator all_indicators[] = {indicator::so2_24h,  indicator::so2_1h,  indicator::no2_24h, indicator::no2_1h,
                                    indicator::pm10_24h, indicator::co_24h,  indicator::co_1h,   indicator::o3_1h,
                                    indicator::o3_8h,    indicator::pm25_24h};
}

TEST_CASE("aqi: every breakpoint gives exactly its IAQI, in both editions", "[aqi]") {
  for (auto e : {aqi_edition::hj633_2012, aqi_edition::hj633_2026})
    for (auto i : all_indicators) {
      const auto& bp = breakpoints(e, i);
      for (std::size_t k = 0; k < bp.size(); ++k) {
        if (bp[k] < 0) continue;
        INFO("edition " << static_cast<int>(e) << " indicator " << static_cast<int>(i) << " breakpoint " << bp[k]);
        const auto v = iaqi(e, i, bp[k]);
        REQUIRE(v);
        CHECK(v.value == iaqi_steps[k]);
        CHECK_FALSE(v.above_scale);
      }
    }
}

TEST_CASE("aqi: the middle of every segment is the middle IAQI, just past a breakpoint is one more", "[aqi]") {
  for (auto e : {aqi_edition::hj633_2012, aqi_edition::hj633_2026})
    for (auto i : all_indicators) {
      const auto& bp = breakpoints(e, i);
      for (std::size_t k = 1; k < bp.size(); ++k) {
        if (bp[k] < 0) continue;
        INFO("indicator " << static_cast<int>(i) << " segment " << bp[k - 1] << ".." << bp[k]);
        CHECK(iaqi(e, i, (bp[k - 1] + bp[k]) / 2).value == (iaqi_steps[k - 1] + iaqi_steps[k]) / 2);
        CHECK(iaqi(e, i, bp[k - 1] + 0.001).value == iaqi_steps[k - 1] + 1);  // rounded up, never down
      }
    }
}

TEST_CASE("aqi: values worked by hand", "[aqi]") {
  const auto e12 = aqi_edition::hj633_2012, e26 = aqi_edition::hj633_2026;
  CHECK(iaqi(e12, indicator::pm25_24h, 44).value == 62);    // 50 + 50 × 9/40 = 61.25
  CHECK(iaqi(e12, indicator::pm25_24h, 100).value == 132);  // 100 + 50 × 25/40 = 131.25
  CHECK(iaqi(e26, indicator::pm25_24h, 100).value == 137);  // 2026: 100 + 50 × 40/55 = 136.4
  CHECK(iaqi(e12, indicator::co_1h, 2.4).value == 24);      // 50 × 2.4/5 = 24 exactly
  CHECK(iaqi(e12, indicator::co_1h, 9.9).value == 99);      // 50 + 50 × 4.9/5 = 99 exactly
  CHECK(iaqi(e12, indicator::no2_1h, 150).value == 75);
  CHECK(iaqi(e26, indicator::pm10_24h, 120).value == 100);  // 2026 moves PM10's 100 to 120
  CHECK(iaqi(e12, indicator::pm10_24h, 120).value == 85);   // 50 + 50 × 70/100
  CHECK(iaqi(e12, indicator::o3_1h, 0).value == 0);
}

TEST_CASE("aqi: special rules", "[aqi]") {
  concentrations c;
  c.so2 = 900;
  c.so2_24h = 200;
  c.co = 2;
  SECTION("SO2 1 h above 800") {
    const auto published = hourly_aqi(c, aqi_edition::hj633_2012);
    CHECK(published.aqi == 20);  // SO2 has no 1 h IAQI: CO's 20 is the AQI
    CHECK(hourly_aqi(c, aqi_edition::hj633_2012, {realtime_pm::hourly_vs_24h, false, true}).aqi ==
          108);  // SO2 24 h 200: 100 + 50 × 50/325 = 107.7
    CHECK(hourly_aqi(c, aqi_edition::hj633_2026).aqi == 200);
  }
  SECTION("O3 8 h above 800") {
    concentrations d;
    d.o3 = 900;
    d.o3_8h = 850;
    CHECK(daily_aqi_of(d, aqi_edition::hj633_2012).aqi == 350);  // left to O3 1 h: 300 + 100 × 100/200
    CHECK(daily_aqi_of(d, aqi_edition::hj633_2026).aqi == 300);
  }
  SECTION("above the scale: capped at 500 and said so") {
    const auto v = iaqi(aqi_edition::hj633_2012, indicator::pm25_24h, 600);
    CHECK(v.value == 500);
    CHECK(v.above_scale);
    CHECK_FALSE(iaqi(aqi_edition::hj633_2012, indicator::so2_1h, 801));  // the table ends at 800
  }
}

TEST_CASE("aqi: 2026 rounds concentrations half to even before the lookup", "[aqi]") {
  CHECK(round_concentration_2026(indicator::pm25_24h, 35.5) == 36);
  CHECK(round_concentration_2026(indicator::pm25_24h, 36.5) == 36);
  CHECK(round_concentration_2026(indicator::pm25_24h, 36.51) == 37);
  CHECK(round_concentration_2026(indicator::co_1h, 1.25) == Approx(1.2));
  CHECK(round_concentration_2026(indicator::co_1h, 1.35) == Approx(1.4));
  concentrations c;
  c.pm25 = 35.5;  // 2012: 50 + 50 × 0.5/25 -> 51; 2026: 36 -> 50 + 50 × 1/25 = 52
  c.so2 = 1;
  c.no2 = 1;
  c.co = 0.1;
  c.o3 = 1;
  c.pm10 = 1;
  CHECK(hourly_aqi(c, aqi_edition::hj633_2026).aqi == 52);
}

TEST_CASE("aqi: primary pollutants, missing pollutants, categories", "[aqi]") {
  concentrations c;
  c.pm25 = 75;   // 100
  c.pm10 = 150;  // 100
  c.no2 = 10;
  const auto r = hourly_aqi(c, aqi_edition::hj633_2012);
  CHECK(r.aqi == 100);
  CHECK(r.primary == std::vector<std::string>{"PM10", "PM2.5"});
  concentrations low;
  low.pm25 = 20;  // 29: no primary pollutant at AQI <= 50
  CHECK(hourly_aqi(low, aqi_edition::hj633_2012).primary.empty());
  CHECK(hourly_aqi(low, aqi_edition::hj633_2012).aqi == 29);
  CHECK_FALSE(hourly_aqi(low, aqi_edition::hj633_2026).aqi);  // 2026: pollutants missing and <= 100: NA
  CHECK_FALSE(hourly_aqi(concentrations{}, aqi_edition::hj633_2012).aqi);
  CHECK(std::string(category(201).name_zh) == "重度污染");
  CHECK(category(50).level == 1);
  CHECK(category(301).rgb == std::array<int, 3>{126, 0, 35});
  CHECK(edition_for(days_from_civil(2026, 2, 28) * 24 + 23) == aqi_edition::hj633_2012);
  CHECK(edition_for(days_from_civil(2026, 3, 1) * 24) == aqi_edition::hj633_2026);
}

TEST_CASE("aqi: the IAQI of a mean is exact, never the IAQI of a rounded mean", "[aqi]") {
  const auto e12 = aqi_edition::hj633_2012, e26 = aqi_edition::hj633_2026;
  // 23 hours of PM2.5 150 and one of 150.001: mean 150 + 1/24000, over the breakpoint 150
  CHECK(iaqi_of_mean(e12, indicator::pm25_24h, 23 * 150000 + 150001, 24).value == 201);
  CHECK(iaqi_of_mean(e12, indicator::pm25_24h, 24 * 150000, 24).value == 200);  // exactly 150
  // CO 23 × 2.04 + 2.05 = 48.97 over 24: 2.040416…, IAQI 50 × 2.040416/2 = 51.01 -> 52
  CHECK(iaqi_of_mean(e12, indicator::co_24h, 23 * 2040 + 2050, 24).value == 52);
  // means exactly at breakpoints from values around them (149.9 and 150.1, 12 each)
  CHECK(iaqi_of_mean(e12, indicator::pm25_24h, 12 * 149900 + 12 * 150100, 24).value == 200);
  CHECK(iaqi_of_mean(e12, indicator::co_24h, 12 * 13900 + 12 * 14100, 24).value == 150);
  // 2026 rounds the mean half to even, exactly: 35.5 -> 36 (52), 36.5 -> 36, just above -> 37
  auto pm25_2026 = [&](std::int64_t sum, int n) {
    daily_statistics s;
    s.pm25_sum = sum;
    s.pm25_n = n;
    return daily_breakdown(s, e26)
        .iaqi[static_cast<std::size_t>(aqi_part::pm25)];  // the AQI alone is NA (2026: <= 100, pollutants missing)
  };
  CHECK(pm25_2026(71000, 2) == 52);
  CHECK(pm25_2026(73000, 2) == iaqi(e26, indicator::pm25_24h, 36).value);
  CHECK(pm25_2026(73001, 2) == iaqi(e26, indicator::pm25_24h, 37).value);
  CHECK(detail::round_mean_2026(indicator::co_24h, 2 * 1250, 2) == 1200);
  CHECK(iaqi_of_mean(e12, indicator::pm25_24h, 0, 20).value == 0);
  const auto top = iaqi_of_mean(e12, indicator::pm10_24h, 24 * 600001, 24);
  CHECK(top.value == 500);
  CHECK(top.above_scale);
  CHECK_FALSE(iaqi_of_mean(e12, indicator::o3_8h, 8 * 800001, 8));  // past a table that ends early
}

TEST_CASE("aqi: the IAQI of a mean agrees with the definition as a fraction", "[aqi]") {
  // IAQI = lo + ceil(step × (S - Bl n) / ((Bh - Bl) n)) <=> v - 1 < exact <= v, checked with
  // integers for a sweep of sums and counts across every segment
  for (auto i : all_indicators) {
    const auto& bp = breakpoints(aqi_edition::hj633_2012, i);
    for (std::int64_t n : {1, 7, 20, 23, 24})
      for (std::size_t k = 1; k < bp.size() && bp[k] >= 0; ++k) {
        const std::int64_t lo = std::llround(bp[k - 1] * 1000), hi = std::llround(bp[k] * 1000);
        for (std::int64_t s : {lo * n + 1, lo * n + 7, (lo + hi) * n / 2, hi * n - 1, hi * n}) {
          const auto v = iaqi_of_mean(aqi_edition::hj633_2012, i, s, n);
          REQUIRE(v);
          const std::int64_t step = iaqi_steps[k] - iaqi_steps[k - 1], num = step * (s - lo * n), den = (hi - lo) * n;
          const std::int64_t above = v.value - iaqi_steps[k - 1];  // exact value - lo lies in (above - 1, above]
          INFO("indicator " << static_cast<int>(i) << " sum " << s << " n " << n);
          CHECK(num <= above * den);
          CHECK(num > (above - 1) * den);
        }
      }
  }
}

TEST_CASE("aqi: a breakdown names what the AQI stands on", "[aqi]") {
  concentrations c;
  c.o3 = 300;  // O3 1 h 300: 150
  c.co = 1;
  const auto b =
      daily_breakdown(daily_statistics{0, 0, 1000, 0, 0, 0, 0, 1, 0, 0, 300000, 0, 0}, aqi_edition::hj633_2012);
  CHECK(b.aqi == 150);
  CHECK(b.primary == part_bit(aqi_part::o3));
  CHECK(b.counted == (part_bit(aqi_part::o3) | part_bit(aqi_part::co)));
  CHECK(pollutant_list(b.counted) == "CO O3");
  CHECK(pollutant_list(0x7F) == "PM2.5 PM10 SO2 NO2 CO O3");
  CHECK(pollutant_list(0) == "");
  const auto r = to_result(b);
  REQUIRE(r.aqi);
  CHECK(*r.aqi == 150);
  CHECK(r.primary == std::vector<std::string>{"O3"});
  CHECK(r.iaqi.size() == 2);
}
