// Forecasts as issued (§3.2.2): the value a range counts as, the latest issue at an hour, its
// points in each kind of timeline, and a stale issue.
#include "hpa/forecast.hpp"

#include <cmath>

#include <catch2/catch.hpp>

using namespace hpa;

namespace {
forecast_row day(hour_t issued, hour_t first_hour, double low, double high) {
  return {issued, first_hour, true, low, high, no_value};
}
}  // namespace

TEST_CASE("forecast: the upper bound counts (§3.2.2), else the central value, else the middle", "[forecast]") {
  auto p = pingdingshan_2023();
  const double aqi = 200, low = 180, high = 230, none = no_value;
  CHECK(forecast_value(none, low, high, p) == 230);
  CHECK(forecast_value(aqi, low, high, p) == 230);
  CHECK(forecast_value(aqi, none, none, p) == 200);  // an observed value: no range
  CHECK(std::isnan(forecast_value(none, none, none, p)));
  p.forecast_upper_bound = false;
  CHECK(forecast_value(none, low, high, p) == 205);
  CHECK(forecast_value(aqi, low, high, p) == 200);
  CHECK(forecast_value(none, none, high, p) == 230);
  CHECK(forecast_value(none, low, none, p) == 180);
}

TEST_CASE("forecast: the latest issue by an hour, and when it is stale", "[forecast]") {
  const auto p = pingdingshan_2023();
  const forecast_book b({day(40, 48, 100, 120), day(16, 24, 100, 120), day(16, 48, 150, 170)});
  CHECK_FALSE(b.latest(15));
  CHECK(b.latest(16) == 16);
  CHECK(b.latest(39) == 16);
  CHECK(b.latest(40) == 40);
  CHECK(pick_forecast(b, 16 + 36, p).usable());
  CHECK(pick_forecast(b, 40 + 36, p).usable());
  const auto old = pick_forecast(b, 40 + 37, p);
  CHECK(old.stale);  // 37 h old: past forecast_stale_hours
  CHECK_FALSE(old.usable());
  CHECK_FALSE(pick_forecast(b, 10, p).usable());
}

TEST_CASE("forecast: a day's value in an hourly, rolling and daily timeline, after the observed hours", "[forecast]") {
  const auto p = pingdingshan_2023();
  const forecast_book b({day(16, 0, 100, 110), day(16, 24, 180, 230), day(16, 48, 150, 170)});
  SECTION("hourly: on each of its hours from the first not observed") {
    const auto v = b.points(16, 20, series_kind::hourly, p);
    REQUIRE(v.size() == 3 + 24 + 24);
    CHECK(v.front().hour == 21);
    CHECK(v.front().value == 110);
    CHECK(v[3].hour == 24);
    CHECK(v[3].value == 230);
    CHECK(v.back().hour == 71);
  }
  SECTION("rolling: at its last hour, the daily AQI of the 24 h ending there") {
    const auto v = b.points(16, 20, series_kind::rolling, p);
    REQUIRE(v.size() == 3);
    CHECK(v[0].hour == 23);
    CHECK(v[1].hour == 47);
    CHECK(v[1].value == 230);
  }
  SECTION("daily: the days after the last observed one") {
    const auto v = b.points(16, 23, series_kind::daily, p);
    REQUIRE(v.size() == 2);
    CHECK(v[0].hour == 24);
  }
  SECTION("up to its first gap: an hour it leaves out is not known to be clean") {
    const forecast_book gap({day(16, 24, 180, 230), day(16, 72, 150, 170)});
    CHECK(gap.points(16, 23, series_kind::hourly, p).size() == 24);
    CHECK(gap.points(16, 20, series_kind::hourly, p).empty());       // today's last hours are not in it
    CHECK(gap.points(16, 20, series_kind::rolling, p).empty());      // nor today's daily AQI at 23:00
    CHECK(gap.points(16, 23, series_kind::rolling, p).size() == 1);  // tomorrow's, then a day left out
  }
}
