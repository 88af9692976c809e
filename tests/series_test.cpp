// series.hpp: the pipeline over a series held in memory (daily AQI, levels, episodes).
#include "hpa/series.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <vector>

using namespace hpa;

TEST_CASE("series: the daily AQI follows the profile's window and validity", "[series]") {
  const auto p = pingdingshan_2023();
  std::vector<double> hourly(48, 100.0);
  for (std::size_t h = 24; h < 48; ++h) hourly[h] = 200;
  const auto d = daily_aqi(hourly, p);
  REQUIRE(d.size() == 48);
  CHECK(std::isnan(d[p.min_valid_hours - 2]));  // fewer than min_valid_hours values so far
  CHECK(d[p.min_valid_hours - 1] == 100);
  CHECK(d[23] == 100);
  CHECK(d[35] == 150);  // 12 h of 100 and 12 h of 200
  CHECK(d[47] == 200);
}

TEST_CASE("series: levels() gives each hour's condition level (§3.2.1)", "[series]") {
  const auto p = pingdingshan_2023();
  // 96 h of 250 from hour 0
  const std::vector<double> hourly(96, 250.0);
  const auto l = levels(hourly, 0, p);
  REQUIRE(l.size() == hourly.size());
  const auto highest = *std::max_element(l.begin(), l.end());
  CHECK(p.level_name(highest) == "orange");                     // as the umbrella test's 72 h of 250: 2-chains over 200
  const auto c = condition_levels(daily_aqi(hourly, p), 0, p);  // what levels() stands for, hour by hour
  REQUIRE(c.size() == l.size());
  for (std::size_t h = 0; h < l.size(); ++h) CHECK(l[h] == c[h].level);
  CHECK(levels(std::vector<double>(96, 50.0), 0, p) == std::vector<level_t>(96, 0));
}

TEST_CASE("series: episodes() of a series, as the streaming pipeline gives them", "[series]") {
  const auto p = pingdingshan_2023();
  const auto e = episodes(std::vector<double>(72, 250.0), 0, p);
  REQUIRE(e.size() == 1);
  CHECK(p.level_name(e[0].level) == "orange");
  CHECK(episodes(std::vector<double>(72, 50.0), 0, p).empty());
}
