#include "hpa/io/aqi_csv.hpp"

#include <catch2/catch.hpp>
#include <sstream>

using namespace hpa;
using namespace hpa::io;

namespace {
std::vector<aqi_record> read_all(const std::string& text, const profile& p = pingdingshan_2023(),
                                 std::vector<std::string>* warnings = nullptr) {
  std::istringstream in(text);
  aqi_reader r(in, "a.csv", p, [&](const std::string& w) { if (warnings) warnings->push_back(w); });
  std::vector<aqi_record> out;
  aqi_record rec;
  while (r.next(rec)) out.push_back(rec);
  return out;
}
}  // namespace

TEST_CASE("aqi_csv: columns in any order, any case, station optional", "[aqi_csv]") {
  const auto a = read_all("AQI,Time\n120,2023-12-01 08:00\n,2023-12-01T09\nNA,2023-12-01T10:00\n");
  REQUIRE(a.size() == 3);
  CHECK(a[0].line == 2);
  CHECK(a[0].value == 120);
  CHECK(a[0].hour == parse_time("2023-12-01T08:00").hour);
  CHECK(std::isnan(a[1].value));
  CHECK(std::isnan(a[2].value));
}

TEST_CASE("aqi_csv: the forecast upper bound wins (§3.2.2)", "[aqi_csv]") {
  const std::string text = "station,time,aqi,aqi_low,aqi_high,origin\nS,2023-12-01T00:00,150,120,220,forecast\n";
  CHECK(read_all(text)[0].value == 220);
  CHECK(read_all(text)[0].from == origin::forecast);
  auto p = pingdingshan_2023();
  p.forecast_upper_bound = false;
  CHECK(read_all(text, p)[0].value == 150);
}

TEST_CASE("aqi_csv: the cause gate's verdict comes with each row (§1.3)", "[aqi_csv]") {
  const auto p = pingdingshan_2023();  // the verdict's `why` is the profile's own text
  const auto a = read_all("station,time,aqi,cause,primary\nS,2023-12-01T00:00,400,Dust,\nS,2023-12-01T01:00,400,,O3_8h\n"
                          "S,2023-12-01T02:00,400,,PM2.5\n", p);
  CHECK(a[0].gate.kind == exclusion::outside_plan);
  CHECK(a[0].gate.why == "dust");
  CHECK(a[0].value == 400);
  CHECK(a[1].gate.kind == exclusion::advisory);
  CHECK_FALSE(a[2].gate);
}

TEST_CASE("aqi_csv: a daily series has a date column", "[aqi_csv]") {
  std::istringstream in("date,aqi\n2023-12-01,180\n");
  const auto p = pingdingshan_2023();
  aqi_reader r(in, "d.csv", p);
  CHECK(r.kind() == series_kind::daily);
}

TEST_CASE("aqi_csv: bad values name line and column", "[aqi_csv]") {
  CHECK_THROWS_WITH(read_all("station,time,aqi\nS,2023-12-01T00:00,n/a\n"),
                    "a.csv:2:3: expected a number for aqi, got 'n/a'");
  CHECK_THROWS_WITH(read_all("station,time,aqi\nS,2023-12-01T00:00,-1\n"),
                    "a.csv:2:3: aqi cannot be negative, got '-1'");
  CHECK_THROWS_WITH(read_all("station,time,aqi\nS,2023-12-01T00:00,1,2\n"), "a.csv:2:4: expected 3 fields, got 4");
  CHECK_THROWS_WITH(read_all("station,time,aqi\n,2023-12-01T00:00,1\n"), "a.csv:2:1: empty station name");
  CHECK_THROWS_WITH(read_all("station,time,aqi,origin\nS,2023-12-01T00:00,1,model\n"),
                    "a.csv:2:4: origin must be 'observed' or 'forecast', got 'model'");
  CHECK_THROWS_WITH(read_all("station,time,aqi,aqi\n"), "a.csv:1:4: column 'aqi' given twice");
}

TEST_CASE("aqi_csv: above the scale, by the profile's choice", "[aqi_csv]") {
  CHECK_THROWS_WITH(read_all("time,aqi\n2023-12-01T00:00,501\n"),
                    "a.csv:2:2: aqi 501 is above the scale's top of 500 (set the profile's cap_above_max to cap it)");
  auto p = pingdingshan_2023();
  p.cap_above_max = true;
  CHECK(read_all("time,aqi\n2023-12-01T00:00,501\n", p)[0].value == 500);
}

TEST_CASE("aqi_csv: station names must be UTF-8", "[aqi_csv]") {
  std::istringstream in("station,time,aqi\n平顶山,2023-12-01T00:00,1\n");
  const auto p = pingdingshan_2023();
  aqi_reader r(in, "a.csv", p);
  aqi_record rec;
  REQUIRE(r.next(rec));
  CHECK(rec.station == "平顶山");  // a view into the reader's buffer: read it while the reader lives
  CHECK_THROWS_WITH(read_all("station,time,aqi\n\xC6\xBD\xB6\xA5\xC9\xBD,2023-12-01T00:00,1\n"),
                    "a.csv:2:1: text is not UTF-8 (GBK? convert the file first: iconv -f GBK -t UTF-8)");
}

TEST_CASE("aqi_csv: unknown columns are ignored with a warning", "[aqi_csv]") {
  std::vector<std::string> w;
  read_all("time,aqi,pm25\n2023-12-01T00:00,1,3\n", pingdingshan_2023(), &w);
  CHECK(w == std::vector<std::string>{"a.csv:1:3: ignoring column 'pm25'"});
}
