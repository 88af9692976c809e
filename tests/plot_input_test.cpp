#include "hpa/plot/input.hpp"

#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

using namespace hpa;
namespace plot = hpa::plot;

namespace {
const hour_t t0 = days_from_civil(2023, 12, 1) * 24;
const std::string season = std::string(HPA_TEST_DATA) + "/plot_season.csv";
}  // namespace

TEST_CASE("plot input: the stations selected, in the order named, a name not in the input is an error",
          "[plot_input]") {
  const auto p = pingdingshan_2023();
  auto hours = [&](plot::selection which, std::size_t max) {
    std::ifstream in(season, std::ios::binary);
    return plot::read_hours(in, "plot_season.csv", p, which, std::nullopt, max);
  };
  const auto all = hours({}, 24);
  REQUIRE(all.size() == 2);
  CHECK(all[0].name == "A");
  CHECK(all[1].name == "B");
  const auto named = hours({{"B", "A"}}, 24);
  REQUIRE(named.size() == 2);
  CHECK(named[0].name == "B");
  CHECK(named[1].name == "A");
  CHECK_THROWS_WITH(hours({{"C"}}, 24), "plot_season.csv: no station named 'C'");
  CHECK_THROWS_WITH(hours({}, 1),
                    "plot_season.csv: more than 1 stations for one picture: pick the ones to draw with --station");
  CHECK(plot::selection{{"A"}}.wants("A"));
  CHECK_FALSE(plot::selection{{"A"}}.wants("B"));
  CHECK(plot::selection{}.wants("B"));
}

TEST_CASE("plot input: days are kept within the period asked for, of the stations selected", "[plot_input]") {
  const auto p = pingdingshan_2023();
  std::ifstream in(season, std::ios::binary);
  io::read_options o;
  o.stream = &in;
  o.source = "plot_season.csv";
  const auto days = plot::read_days(o, p, {{"B"}}, plot::period{t0 + 48, t0 + 4 * 24 - 1});
  REQUIRE(days.size() == 1);
  CHECK(days[0].name == "B");
  CHECK(days[0].first_day == t0 / 24 + 2);
  CHECK(days[0].days() == 2);
}

TEST_CASE("plot input: decisions are read from hpa-watch's records, other columns ignored", "[plot_input]") {
  const auto p = pingdingshan_2023();
  auto read = [&](const std::string& text) {
    std::istringstream in(text);
    return plot::read_decisions(in, "d.csv", p);
  };
  const auto d = read(
      "station,decided_at,required,tier,action,from,to,effective,issue_by,late_hours,override,note\n"
      "A,2023-12-01T10:00,orange,II,issue,none,orange,2023-12-02T00:00,2023-11-30T00:00,10,false,\n"
      "A,2023-12-01T11:00,orange,II,none,,,,,,false,held\n"
      "station,decided_at,required,tier,action,from,to,effective,issue_by,late_hours,override,note\n"
      "A,2023-12-03T05:00,none,,lift,orange,none,2023-12-03T05:00,,,false,\n");
  REQUIRE(d.size() == 2);
  CHECK(d[0].station == "A");
  CHECK(d[0].at == t0 + 10);
  CHECK(d[0].action == "issue");
  CHECK(d[0].from == 0);
  CHECK(d[0].to == 2);
  CHECK(d[0].effective == t0 + 24);
  CHECK(d[0].line == 2);
  CHECK(d[1].action == "lift");
  CHECK(d[1].to == 0);
  CHECK(d[1].line == 5);
  // hpa-watch's own records name the decision hour `now`; from and effective may be left out
  const auto w = read("to,action,now,station\nred,upgrade,2023-12-01T00:00,B\n");
  REQUIRE(w.size() == 1);
  CHECK(w[0].at == t0);
  CHECK(w[0].to == 3);
  CHECK_FALSE(w[0].effective);
  CHECK_THROWS_WITH(read(""), "d.csv: empty decisions file: expected station,decided_at,action,from,to,effective");
  CHECK_THROWS_WITH(read("station,decided_at,action,from\n"),
                    "d.csv:1: missing column to (the header has: station, decided_at, action, from)");
  CHECK_THROWS_WITH(read("station,decided_at,action,to\nA,2023-12-01T00:00,issue,purple\n"),
                    "d.csv:2:4: no level 'purple' in profile pingdingshan-2023");
  CHECK_THROWS_WITH(read("station,decided_at,action,to\nA,soon,issue,red\n"), Catch::StartsWith("d.csv:2:2: "));
  using namespace std::string_literals;
  CHECK_THROWS_WITH(read("decided_at,station,action,to\n2023-12-01T00:00,A\0B,issue,red\n"s),
                    "d.csv:2:2: a station name must not hold a NUL byte, got 'A\\x00B'");
}

TEST_CASE("plot input: one pollutant's hours and HJ 663 daily values per station", "[plot_input]") {
  auto read = [](plot::pollutant what, std::optional<plot::period> keep = std::nullopt) {
    std::ifstream in(std::string(HPA_TEST_DATA) + "/stats_conc.csv", std::ios::binary);
    return plot::read_concentration_series(in, "stats_conc.csv", what, {}, keep, 24);
  };
  const hour_t jan1 = days_from_civil(2017, 1, 1) * 24;
  const auto pm25 = read(plot::pollutant::pm25);
  REQUIRE(pm25.size() == 1);
  CHECK(pm25[0].name == "H");
  CHECK(pm25[0].first == jan1);
  CHECK(pm25[0].hourly.size() == 72);
  CHECK(pm25[0].hourly[0] == 50);
  CHECK(pm25[0].daily == std::vector<double>{50, 150, 100});  // the 24 h means
  const auto pm10 = read(plot::pollutant::pm10);
  CHECK(pm10[0].daily[0] == 100);  // 20 hours of 24: a valid daily value (HJ 663)
  CHECK(std::isnan(pm10[0].hourly[23]));
  CHECK(pm10[0].daily[1] == 200);
  const auto one_day = read(plot::pollutant::pm25, plot::period{jan1 + 24, jan1 + 47});
  CHECK(one_day[0].first == jan1 + 24);
  CHECK(one_day[0].hourly.size() == 24);
  CHECK(one_day[0].daily == std::vector<double>{150});
  CHECK(plot::pollutant_named("o3") == plot::pollutant::o3);
  CHECK_FALSE(plot::pollutant_named("PM2.5"));
  std::istringstream unsorted("station,time,pm25\nH,2017-01-01T01:00,5\nH,2017-01-01T00:00,5\n");
  CHECK_THROWS_WITH(
      plot::read_concentration_series(unsorted, "u.csv", plot::pollutant::pm25, {}, std::nullopt, 24),
      "u.csv:3: station H: 2017-01-01T00:00 is not after the row before: sort the rows by station and time");
}
