// Area values from stations (HJ 663-2013), worked by hand.
#include "hpa/area.hpp"

#include <catch2/catch.hpp>
#include <vector>

using namespace hpa;

namespace {
concentrations conc(double pm25, double pm10 = NAN, double o3 = NAN, double co = NAN) {
  concentrations c;
  c.pm25 = pm25;
  c.pm10 = pm10;
  c.o3 = o3;
  c.co = co;
  return c;
}

struct collect {
  struct row {
    std::size_t area;
    hour_t hour;
    area_value v;
  };
  std::vector<row> rows;
  void on_area_hour(std::size_t a, hour_t h, const area_value& v) { rows.push_back({a, h, v}); }
};
}  // namespace

TEST_CASE("area: the quorum as a count or a share of the evaluation sites", "[area]") {
  CHECK(site_quorum{}.needed(11) == 1);
  CHECK(site_quorum::at_least(2).needed(3) == 2);
  CHECK(site_quorum::percent(75).needed(4) == 3);   // exactly 3
  CHECK(site_quorum::percent(75).needed(11) == 9);  // 8.25 rounds up
  CHECK(site_quorum::percent(75).needed(2) == 2);   // 1.5 rounds up
  CHECK(site_quorum::percent(50).needed(2) == 1);
  CHECK(site_quorum::percent(66.67).needed(3) == 3);  // 2.0001: a share above two thirds needs all 3
  CHECK(site_quorum::percent(1).needed(1) == 1);
  CHECK(site_quorum::at_least(0).needed(5) == 1);  // never fewer than one
}

// Three sites: A and B evaluate the city, C is its control site (对照点) and is left out by the
// caller; B has gaps. Hour 0: A 100, B 50 (PM2.5), C 10. Hour 1: A 80, B missing. Hour 2: both
// missing PM2.5 but B has PM10.
TEST_CASE("area: the mean of the evaluation sites, the control site left out", "[area]") {
  const concentrations a0 = conc(100, 150), b0 = conc(50, 90), c0 = conc(10, 20);
  SECTION("the mean of the evaluation sites only") {
    const concentrations eval[] = {a0, b0};
    const auto v = area_mean(eval, 1);
    CHECK(v.c.pm25 == 75);   // (100 + 50) / 2, not (100 + 50 + 10) / 3
    CHECK(v.c.pm10 == 120);  // (150 + 90) / 2
    CHECK(std::isnan(v.c.so2));
    CHECK(v.sites == 2);
    CHECK(v.sites_with[5] == 2);      // PM2.5
    CHECK(v.sites_with[0] == 0);      // SO2
    CHECK(std::isnan(v.c.pm25_24h));  // the 24 h statistics come from the area's own series
    (void)c0;
  }
  SECTION("a site with a gap: the mean of those that have a value, unless below the quorum") {
    const concentrations eval[] = {conc(80, 120), conc(NAN, 100)};
    CHECK(area_mean(eval, 1).c.pm25 == 80);
    CHECK(std::isnan(area_mean(eval, 2).c.pm25));  // min_sites 2: one site is too few
    CHECK(area_mean(eval, 2).c.pm10 == 110);       // PM10 has both
    CHECK(area_mean(eval, 2).sites == 2);
    CHECK(area_mean(eval, 2).sites_with[5] == 1);
  }
  SECTION("no site with a value: missing, and no site counted") {
    const concentrations eval[] = {conc(NAN), conc(NAN)};
    const auto v = area_mean(eval, 1);
    CHECK(std::isnan(v.c.pm25));
    CHECK(v.sites == 0);
  }
  SECTION("means are exact and do not depend on the order of the sites") {
    const concentrations ab[] = {conc(0.1, NAN, NAN, 0.7), conc(0.2, NAN, NAN, 1.4), conc(0.3, NAN, NAN, 0.6)};
    const concentrations ba[] = {ab[2], ab[0], ab[1]};
    CHECK(area_mean(ab, 1).c.pm25 == area_mean(ba, 1).c.pm25);
    CHECK(area_mean(ab, 1).c.pm25 == 0.2);
    CHECK(area_mean(ab, 1).c.co == 0.9);
  }
}

TEST_CASE("area: hour by hour, streamed when ordered by time, held when grouped by site", "[area]") {
  // sites 0 and 1 in area 0 (the city), site 2 in area 1 (a county with one site)
  const std::vector<std::size_t> site_area = {0, 0, 1};
  SECTION("ordered by time: each hour of an area leaves once its sites have moved on") {
    area_series<collect> series(site_area, 2, site_quorum::percent(75));
    collect out;
    REQUIRE(series.push(0, 0, conc(100), out));
    REQUIRE(series.push(1, 0, conc(50), out));
    REQUIRE(series.push(2, 0, conc(30), out));
    CHECK(out.rows.empty());  // hour 0 may still get rows
    REQUIRE(series.push(0, 1, conc(80), out));
    CHECK(out.rows.empty());                     // site 1 has not moved on
    REQUIRE(series.push(1, 1, conc(NAN), out));  // site 1 has a gap at hour 1
    REQUIRE(out.rows.size() == 1);
    CHECK(out.rows[0].area == 0);
    CHECK(out.rows[0].hour == 0);
    CHECK(out.rows[0].v.c.pm25 == 75);
    REQUIRE(series.push(2, 1, conc(40), out));
    REQUIRE(out.rows.size() == 2);
    CHECK(out.rows[1].area == 1);
    CHECK(out.rows[1].v.c.pm25 == 30);
    CHECK(series.held() == 2);  // hour 1 of both areas
    series.finish(out);
    REQUIRE(out.rows.size() == 4);
    // 75 % of 2 sites is 2: hour 1 of the city has one PM2.5 value and is missing
    CHECK(out.rows[2].area == 0);
    CHECK(out.rows[2].hour == 1);
    CHECK(std::isnan(out.rows[2].v.c.pm25));
    CHECK(out.rows[2].v.sites == 1);
    CHECK(out.rows[3].v.c.pm25 == 40);  // the county's single site is 100 % of it
    CHECK(series.held() == 0);
  }
  SECTION("grouped by site (what hpa-convert writes): held until the last site is read") {
    area_series<collect> series(site_area, 2, site_quorum{});
    collect out;
    for (hour_t h = 0; h < 3; ++h) REQUIRE(series.push(0, h, conc(100), out));
    CHECK(out.rows.empty());
    CHECK(series.held() == 3);
    REQUIRE(series.push(1, 0, conc(50), out));
    REQUIRE(series.push(1, 2, conc(60), out));  // hour 1 missing at site 1
    REQUIRE(out.rows.size() == 2);              // hours 0 and 1 are complete
    CHECK(out.rows[0].v.c.pm25 == 75);
    CHECK(out.rows[1].v.c.pm25 == 100);  // min_sites 1: site 0 alone
    CHECK(out.rows[1].v.sites == 1);
    series.finish(out);
    REQUIRE(out.rows.size() == 3);
    CHECK(out.rows[2].v.c.pm25 == 80);
  }
  SECTION("a site going back in time is refused") {
    area_series<collect> series(site_area, 2, site_quorum{});
    collect out;
    REQUIRE(series.push(0, 5, conc(1), out));
    CHECK_FALSE(series.push(0, 5, conc(2), out));
    CHECK_FALSE(series.push(0, 4, conc(2), out));
    series.finish(out);
    REQUIRE(out.rows.size() == 1);
    CHECK(out.rows[0].v.c.pm25 == 1);
  }
}
