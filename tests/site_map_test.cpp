// The site map: station -> area, background sites, the national site list's own header.
#include "hpa/io/site_map.hpp"

#include <catch2/catch.hpp>
#include <sstream>

#include "hpa/error.hpp"

using namespace hpa::io;

namespace {
site_map read(const std::string& text, const std::string& level = {}) {
  std::istringstream in(text);
  return read_site_map(in, "map.csv", level);
}
}  // namespace

TEST_CASE("site_map: station,area with a background column", "[site_map]") {
  const auto m = read("station,area,background\nDongsi,北京,N\nDingling,北京,Y\nTiantan,北京,\nWuqing,天津,否\n");
  CHECK(m.level == "area");
  CHECK(m.background == "background");
  CHECK(m.areas == std::vector<std::string>{"北京", "天津"});
  REQUIRE(m.sites.size() == 4);
  CHECK(m.sites[1].background);
  CHECK_FALSE(m.sites[2].background);  // empty: not background
  CHECK(m.find("Dingling") == 1);
  CHECK(m.find("dongsi") == site_map::npos);  // names are matched exactly
  CHECK(m.evaluation_sites() == std::vector<int>{2, 1});
  CHECK(m.sites[3].line == 5);
}

TEST_CASE("site_map: background spellings", "[site_map]") {
  const auto m = read("Station,Area,Background\na,X,是\nb,X,true\nc,X,YES\nd,X,1\ne,X,false\nf,X,0\n");
  std::vector<bool> bg;
  for (const auto& s : m.sites) bg.push_back(s.background);
  CHECK(bg == std::vector<bool>{true, true, true, true, false, false});
  CHECK_THROWS_WITH(read("station,area,background\na,X,Y\nb,X,maybe\n"),
                    "map.csv:3:3: expected Y/N, 是/否 or true/false for background, got 'maybe'");
}

TEST_CASE("site_map: several area columns, --level picks one", "[site_map]") {
  const std::string text = "station,city,county,background\n1,平顶山,新华区,N\n2,平顶山,卫东区,N\n3,平顶山,,N\n";
  CHECK_THROWS_WITH(read(text), "map.csv:1: several area columns (city, county): choose one with --level");
  const auto city = read(text, "city");
  CHECK(city.level == "city");
  CHECK(city.areas == std::vector<std::string>{"平顶山"});
  CHECK(city.evaluation_sites() == std::vector<int>{3});
  const auto county = read(text, "County");
  CHECK(county.areas == std::vector<std::string>{"卫东区", "新华区"});
  CHECK(county.sites[2].area.empty());  // a city site in no county
  CHECK(county.evaluation_sites() == std::vector<int>{1, 1});
  CHECK_THROWS_WITH(read(text, "district"), "map.csv:1: no column 'district' to group by (area columns: city, county)");
  CHECK(read("station,region\na,north\n").level == "region");  // the only area column
}

TEST_CASE("site_map: the national site list, by code or by name", "[site_map]") {
  const auto m = read(
      "监测点编码,监测点名称,城市,经度,纬度,对照点\n"
      "1001A,万寿西宫,北京,116.3621,39.8784,N\n"
      "1002A,定陵(对照点),北京,116.2202,40.2915,Y\n"
      "1229A,市监测站,平顶山,113.3,33.7,N\n"
      "1300A,市监测站,鹤壁,114.3,35.7,N\n");
  CHECK(m.level == "城市");
  CHECK(m.background == "对照点");
  CHECK(m.areas == std::vector<std::string>{"北京", "平顶山", "鹤壁"});
  CHECK(m.find("1001A") == 0);
  CHECK(m.find("万寿西宫") == 0);
  CHECK(m.find("定陵(对照点)") == 1);
  CHECK(m.find("定陵") == 1);  // the control suffix dropped
  CHECK(m.sites[1].background);
  CHECK(m.find("1229A") == 2);
  CHECK_THROWS_WITH(m.find("市监测站"),
                    "map.csv: station '市监测站' is the name of several sites (lines 4, 5): use the codes");
  CHECK(read("监测点编码,监测点名称,城市,对照点\n1001A,万寿西宫,北京,N\n", "city").level == "城市");
}

TEST_CASE("site_map: errors name the file, line and column", "[site_map]") {
  CHECK_THROWS_WITH(
      read(""),
      "map.csv: empty input: expected a header station,area[,background] or 监测点编码,监测点名称,城市,对照点");
  CHECK_THROWS_WITH(read("Dongsi,北京,N\nTiantan,北京,N\n"),
                    "map.csv:1: missing column 'station': expected a header station,area[,background] or the national "
                    "site list 监测点编码,监测点名称,城市,对照点");
  CHECK_THROWS_WITH(read("station,area\na,X\na,Y\n"), "map.csv:3:1: station 'a' is already on line 2");
  CHECK_THROWS_WITH(read("station,area\na,X,Y\n"), "map.csv:2: expected 2 fields, got 3");
  CHECK_THROWS_WITH(read("station,background\na,N\n"),
                    "map.csv:1: no area column: expected station,area[,background] or the national site list "
                    "监测点编码,监测点名称,城市,对照点");
  CHECK_THROWS_WITH(read("station,area\n,X\n"), "map.csv:2:1: empty station");
}

TEST_CASE("site_map: a NUL in a station, a name or an area is an error naming line and column", "[site_map]") {
  using namespace std::string_literals;
  CHECK_THROWS_WITH(read("station,area\nA\0B,X\n"s),
                    "map.csv:2:1: a station name must not hold a NUL byte, got 'A\\x00B'");
  CHECK_THROWS_WITH(read("station,area\nA,X\0Y\n"s), "map.csv:2:2: an area must not hold a NUL byte, got 'X\\x00Y'");
  CHECK_THROWS_WITH(read("监测点编码,监测点名称,城市,对照点\n1001A,万寿\0西宫,北京,N\n"s),
                    "map.csv:2:2: a station name must not hold a NUL byte, got '万寿\\x00西宫'");
}
