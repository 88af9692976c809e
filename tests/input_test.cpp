// io/input.hpp: inputs as they come: --tz, --columns, several files read as one stream.
#include "hpa/io/input.hpp"

#include <catch2/catch.hpp>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

using namespace hpa;
using namespace hpa::io;

TEST_CASE("input: --tz takes UTC or an offset", "[input]") {
  CHECK(parse_tz("UTC") == 0);
  CHECK(parse_tz("Z") == 0);
  CHECK(parse_tz("+08:00") == 480);
  CHECK(parse_tz("UTC+8") == 480);
  CHECK(parse_tz("-05:00") == -300);
  CHECK_THROWS_WITH(parse_tz("Asia/Shanghai"),
                    "--tz: expected UTC or an offset such as +08:00, -05:00 or UTC+8, got 'Asia/Shanghai' (named time "
                    "zones are not read: give the offset)");
  CHECK_THROWS_WITH(parse_tz("+8h"), "--tz: expected UTC or an offset such as +08:00, -05:00 or UTC+8, got '+8h'");
}

TEST_CASE("input: --columns names the columns of headerless files", "[input]") {
  CHECK(parse_columns("station, time ,aqi") == std::vector<std::string>{"station", "time", "aqi"});
  CHECK_THROWS_WITH(parse_columns("station,,aqi"),
                    "--columns: expected names separated by commas, such as station,time,aqi, got 'station,,aqi'");
}

TEST_CASE("input: a layout says whether the files have a header and hpa's own time", "[input]") {
  input_layout own;
  CHECK(own.has_header());
  CHECK_FALSE(own.converts_time());
  input_layout utc;
  utc.utc_offset_minutes = 0;
  CHECK(utc.converts_time());
  input_layout headerless;
  headerless.columns = {"station", "time", "aqi"};
  CHECK_FALSE(headerless.has_header());
}

TEST_CASE("input: a chain reads its files one after the other", "[input]") {
  std::istringstream a("time,aqi\n2023-12-01T00:00,1\n"), b(""), c("time,aqi\n2023-12-01T01:00,2\n");
  input_chain chain({{&a, "a.csv"}, {&b, "b.csv"}, {&c, "c.csv"}});
  REQUIRE(chain.parts().size() == 3);
  CHECK(chain.parts()[1].name == "b.csv");
  const std::string all{std::istreambuf_iterator<char>(chain), std::istreambuf_iterator<char>()};
  CHECK(all == "time,aqi\n2023-12-01T00:00,1\ntime,aqi\n2023-12-01T01:00,2\n");
}

TEST_CASE("input: a step another tool must do first", "[input]") {
  const needs_step e("x.csv: no AQI value in 3 rows: compute it first", missing_step::compute_aqi, "x.csv");
  CHECK(std::string(e.what()) == "x.csv: no AQI value in 3 rows: compute it first");
  CHECK(e.step == missing_step::compute_aqi);
  CHECK(e.source == "x.csv");
}
