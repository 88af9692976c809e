// stations.hpp: the core driver that runs the rules over the stations of an input; the rows
// come from the AQI reader (io/aqi_csv.hpp) or are made by hand.
#include "hpa/stations.hpp"

#include <catch2/catch.hpp>
#include <cmath>
#include <map>
#include <span>
#include <sstream>

#include "helpers.hpp"
#include "hpa/io/aqi_csv.hpp"

using namespace hpa;
using namespace hpa::io;

namespace {
struct count_sink : station_sink {
  int episodes = 0;
  void on_episode(const episode&) { ++episodes; }
};
}  // namespace

TEST_CASE("stations: interleaved stations are kept apart and sorted by name", "[stations]") {
  std::string text = "station,time,aqi\n";
  for (int h = 0; h < 100; ++h) {
    const auto t = format_time(h);
    text += "b," + t + ",250\n" + "a," + t + ",90\n";
  }
  std::istringstream in(text);
  const auto p = pingdingshan_2023();
  aqi_reader reader(in, "s.csv", aqi_reading_of(p));
  station_driver<count_sink> table(p, reader.kind(), "s.csv", [](std::string_view) { return count_sink{}; });
  aqi_record r;
  while (reader.next(r)) table.feed(r);
  table.finish();
  const auto s = table.sorted();
  REQUIRE(s.size() == 2);
  CHECK(s[0]->name == "a");
  CHECK(s[0]->sink.episodes == 0);
  CHECK(s[1]->sink.episodes == 1);
}

TEST_CASE("stations: duplicates and order", "[stations]") {
  const auto p = pingdingshan_2023();
  std::vector<std::string> warnings;
  auto run = [&](const std::string& text) {
    std::istringstream in(text);
    aqi_reader reader(in, "s.csv", aqi_reading_of(p));
    station_driver<count_sink> table(
        p, reader.kind(), "s.csv", [](std::string_view) { return count_sink{}; },
        [&](const std::string& w) { warnings.push_back(w); });
    aqi_record r;
    while (reader.next(r)) table.feed(r);
  };
  run("station,time,aqi\nS,2023-12-01T00:00,\nS,2023-12-01T00:00,NaN\n");
  CHECK(warnings ==
        std::vector<std::string>{"s.csv:3:2: station S: duplicate row for 2023-12-01T00:00 (same as line 2), ignored"});
  CHECK_THROWS_WITH(run("station,time,aqi\nS,2023-12-01T00:00,1\nS,2023-12-01T00:00,\n"),
                    "s.csv:3:2: station S: two values for 2023-12-01T00:00: 1 (line 2) and ");
  CHECK_THROWS_WITH(
      run("time,aqi\n2023-12-01T01:00,1\n2023-12-01T00:00,1\n"),
      "s.csv:3:1: 2023-12-01T00:00 comes after 2023-12-01T01:00 (line 2): sort the rows by station and time");
}

TEST_CASE("stations: rows without one AQI value are an error at the end", "[stations]") {
  const auto p = pingdingshan_2023();
  auto run = [&](const std::string& text) {
    std::istringstream in(text);
    aqi_reader reader(in, "s.csv", aqi_reading_of(p));
    station_driver<count_sink> table(p, reader.kind(), "s.csv", [](std::string_view) { return count_sink{}; });
    aqi_record r;
    while (reader.next(r)) table.feed(r);
    table.finish();
  };
  // the tool adds the step: hpa-aqi --daily s.csv | the tool (tests/expected/bad_no_aqi.err)
  CHECK_THROWS_AS(run("station,time,aqi\nS,2023-12-01T00:00,\nS,2023-12-01T01:00,NA\nT,2023-12-01T00:00,\n"),
                  needs_step);
  CHECK_THROWS_WITH(run("station,time,aqi\nS,2023-12-01T00:00,\nS,2023-12-01T01:00,NA\nT,2023-12-01T00:00,\n"),
                    "s.csv: no AQI value in 3 rows: compute it first");
  CHECK_THROWS_WITH(run("station,time,daily_aqi\nS,2023-12-01T00:00,\n"),
                    "s.csv: no AQI value in 1 rows: compute it first");
  try {
    run("station,time,aqi\nS,2023-12-01T00:00,\n");
  } catch (const needs_step& e) {
    CHECK(e.step == missing_step::compute_aqi);
  }
  CHECK_NOTHROW(run("station,time,aqi\n"));  // no rows: no data, not an error
  CHECK_NOTHROW(run("station,time,aqi\nS,2023-12-01T00:00,\nS,2023-12-01T01:00,7\n"));  // one value is data
  CHECK_NOTHROW(run("station,time,aqi,pm25\nS,2023-12-01T00:00,,35\n"));  // concentrations: the AQI can come from them
}

TEST_CASE("stations: a row out of order names the file of the row before it", "[stations]") {
  const auto p = pingdingshan_2023();
  std::istringstream a("station,time,aqi\nS,2023-12-01T05:00,1\n"), b("station,time,aqi\nS,2023-12-01T04:00,1\n");
  input_chain chain({{&a, "a.csv"}, {&b, "b.csv"}});
  aqi_reader reader(chain, "a.csv", aqi_reading_of(p));
  station_driver<count_sink> table(p, reader.kind(), "a.csv", [](std::string_view) { return count_sink{}; });
  aqi_record r;
  REQUIRE(reader.next(r));
  table.feed(r);
  REQUIRE(reader.next(r));
  CHECK_THROWS_WITH(table.feed(r),
                    "b.csv:2:2: station S: 2023-12-01T04:00 comes after 2023-12-01T05:00 (a.csv:2): sort the rows "
                    "by station and time");
}

TEST_CASE("stations: rows of several files without one AQI value: the AQI is to be computed, file by file",
          "[stations]") {
  const auto p = pingdingshan_2023();
  std::istringstream a("station,time,aqi\nS,2023-12-01T00:00,\n"), b("station,time,aqi\nS,2023-12-01T01:00,\n");
  input_chain chain({{&a, "a.csv"}, {&b, "b.csv"}});
  aqi_reader reader(chain, "a.csv + b.csv", aqi_reading_of(p));
  station_driver<count_sink> table(p, reader.kind(), "a.csv + b.csv", [](std::string_view) { return count_sink{}; });
  aqi_record r;
  while (reader.next(r)) table.feed(r);
  try {
    table.finish();
    FAIL("no error");
  } catch (const needs_step& e) {
    CHECK(std::string(e.what()) == "a.csv + b.csv: no AQI value in 2 rows: compute it first");
    CHECK(e.source == "a.csv + b.csv");
    CHECK(e.step == missing_step::compute_aqi_each_file);  // the tool says: hpa-aqi --daily FILE > FILE-aqi.csv
  }
}

namespace {
struct level_sink : station_sink {
  std::vector<std::pair<hour_t, double>>* daily = nullptr;
  void on_daily(hour_t t, double d, int) { daily->emplace_back(t, std::isnan(d) ? -1 : d); }  // NaN: none yet
};

station_row row(std::string_view station, hour_t h, double aqi, double low = no_value, double high = no_value) {
  station_row r;
  r.station = station;
  r.hour = h;
  r.aqi = aqi;
  r.aqi_low = low;
  r.aqi_high = high;
  r.line = static_cast<std::uint64_t>(h) + 2;
  return r;
}
}  // namespace

TEST_CASE("stations: the driver picks each row's value by the profile (§3.2.2)", "[stations]") {
  auto p = pingdingshan_2023();
  std::vector<std::pair<hour_t, double>> daily;
  auto run = [&] {
    daily.clear();
    station_driver<level_sink> d(p, series_kind::hourly, "rows", [&](std::string_view) {
      return level_sink{{}, &daily};
    });
    for (hour_t h = 0; h < 24; ++h) d.feed(row("S", h, 150, 120, 220));  // a forecast range around 150
    d.finish();
    return daily.back().second;
  };
  CHECK(run() == 220);  // the upper bound
  p.forecast_upper_bound = false;
  CHECK(run() == 150);  // the central value
}

TEST_CASE("stations: whether a row counts is the profile's, from its cause and primary pollutant as read (§1.3)",
          "[stations]") {
  auto p = pingdingshan_2023();
  const row_texts dust_text{" Dust", ""}, ozone_text{"", "O3_8h"}, plain_text{"", "PM2.5"};
  station_row dust, ozone, plain, none;
  dust.texts = &dust_text;
  ozone.texts = &ozone_text;
  plain.texts = &plain_text;
  CHECK_FALSE(none.gate(p));  // a row that gives neither
  CHECK(dust.gate(p).kind == exclusion::outside_plan);
  CHECK(dust.gate(p).why == "dust");  // the profile's own text
  CHECK(ozone.gate(p).kind == exclusion::advisory);
  CHECK_FALSE(plain.gate(p));
  p.advisory_pollutants.clear();
  CHECK_FALSE(ozone.gate(p));
  CHECK(dust.gate(p).kind == exclusion::outside_plan);
  p.excluded_causes.clear();
  CHECK_FALSE(dust.gate(p));
  const auto how = aqi_reading_of(p);  // what a reader takes of the profile, and no more
  CHECK(how.max_aqi == p.max_aqi);
  CHECK(how.daily_aqi == p.daily_aqi);
  CHECK(how.min_valid_hours == p.min_valid_hours);
}

TEST_CASE("stations: rows fed grouped by station give what rows fed one by one give", "[stations]") {
  const auto p = pingdingshan_2023();
  std::vector<station_row> rows;
  std::vector<std::uint32_t> ids;
  for (hour_t h = 0; h < 30; ++h)
    for (std::uint32_t s = 0; s < 3; ++s) {
      rows.push_back(row(s == 0 ? "a" : s == 1 ? "b" : "c", h, 100.0 + 60 * s + h));
      ids.push_back(s);
    }
  std::map<std::string, std::vector<std::pair<hour_t, double>>> plain, grouped;
  auto driver = [&](auto& out) {
    return station_driver<level_sink>(p, series_kind::hourly, "rows", [&](std::string_view name) {
      return level_sink{{}, &out[std::string(name)]};
    });
  };
  auto one = driver(plain);
  for (const auto& r : rows) one.feed(r);
  one.finish();
  auto two = driver(grouped);
  station_driver<level_sink>::grouped_scratch scratch;
  const std::span<const station_row> all(rows);
  const std::span<const std::uint32_t> all_ids(ids);
  two.feed_grouped(all.first(45), all_ids.first(45), 3, scratch);  // two blocks
  two.feed_grouped(all.subspan(45), all_ids.subspan(45), 3, scratch);
  two.finish();
  CHECK(plain.size() == 3);
  CHECK(plain == grouped);
}
