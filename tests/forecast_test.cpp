// Forecasts as issued (§3.2.2): the value a range counts as, the latest issue at an hour, its
// points in each kind of timeline, and a stale issue.
#include "hpa/forecast.hpp"

#include <cmath>
#include <vector>

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

TEST_CASE("forecast: in a rolling timeline the hours between a day's values are read on the line for C_max only",
          "[forecast]") {
  // The daily AQI 100, then 250 from hour 36 to 59 (yellow: over 200 for a day), then a forecast
  // of 100 for the day ending at hour 71 and the next. On the line from 250 at 59 to 100 at 71 the
  // daily AQI is 237.5 at 60, 225 at 61, 212.5 at 62 (over 200 a day after 36-38: orange), 200 at
  // 63 and over 150 up to 66 (over 150 a day after 42: yellow), 150 at 67.
  const auto p = pingdingshan_2023();
  std::vector<timeline_point> observed;
  for (hour_t h = 0; h < 60; ++h) observed.push_back({h, h < 36 ? 100.0 : 250.0});
  const std::vector<timeline_point> shown = {{71, 100}, {95, 100}};
  const auto b = forecast_bounds(observed, shown, series_kind::rolling, p);
  auto all = observed;
  all.insert(all.end(), shown.begin(), shown.end());
  const auto plain = final_conditions(all, series_kind::rolling, p);
  REQUIRE(b.last() == 95);
  for (hour_t h = b.first; h <= b.last(); ++h) {
    INFO("hour " << h);
    CHECK(b.min_at(h) == plain.min_at(h));  // C_min: what the forecast shows
    CHECK(b.max_at(h) >= plain.max_at(h));
    if (h >= 60 && h <= 72) {
      CHECK(plain.is_final(h));  // read as clean air, a lift could count them
      CHECK(b.min_at(h) == 0);
      CHECK(b.max_at(h) == (h <= 62 ? 2 : h <= 66 ? 1 : 0));
    }
  }
  CHECK(b.min_at(59) == 1);
  CHECK(b.daily_at(60) == 237.5);  // the line starts at the first hour after the observed
  CHECK(b.daily_at(61) == 225);
  CHECK(b.daily_at(67) == 150);
  CHECK(b.daily_at(70) == 112.5);  // and runs up to the hour before the day's value
  CHECK(b.daily_at(71) == 100);
  SECTION("the profile's forecast_line_between_days false: no hour is read between") {
    auto q = p;
    q.forecast_line_between_days = false;
    const auto off = forecast_bounds(observed, shown, series_kind::rolling, q);
    CHECK(off.hi == plain.hi);
    CHECK(off.lo == plain.lo);
  }
  SECTION("an hourly timeline holds a day's value on each of its hours: nothing is read between") {
    std::vector<timeline_point> hours;
    for (hour_t h = 60; h < 96; ++h) hours.push_back({h, 100});
    const auto hb = forecast_bounds(observed, hours, series_kind::hourly, p);
    auto joined = observed;
    joined.insert(joined.end(), hours.begin(), hours.end());
    const auto hp = final_conditions(joined, series_kind::hourly, p);
    CHECK(hb.lo == hp.lo);
    CHECK(hb.hi == hp.hi);
  }
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
