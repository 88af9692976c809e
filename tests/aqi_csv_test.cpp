#include "hpa/io/aqi_csv.hpp"

#include <catch2/catch.hpp>
#include <deque>
#include <sstream>

#include "hpa/io/output.hpp"

using namespace hpa;
using namespace hpa::io;

namespace {
std::vector<aqi_record> read_all(const std::string& text, const profile& p = pingdingshan_2023(),
                                 std::vector<std::string>* warnings = nullptr) {
  std::istringstream in(text);
  aqi_reader r(in, "a.csv", aqi_reading_of(p), [&](const std::string& w) {
    if (warnings) warnings->push_back(w);
  });
  std::vector<aqi_record> out;
  aqi_record rec;
  static std::deque<std::string> texts;  // a row's texts are the reader's until its next row
  static std::deque<row_texts> pairs;
  while (r.next(rec)) {
    rec.station = texts.emplace_back(rec.station);
    if (rec.texts) {
      pairs.push_back(row_texts{texts.emplace_back(rec.cause()), texts.emplace_back(rec.primary())});
      rec.texts = &pairs.back();
    }
    out.push_back(rec);
  }
  return out;
}
}  // namespace

TEST_CASE("aqi_csv: columns in any order, any case, station optional", "[aqi_csv]") {
  const auto a = read_all("AQI,Time\n120,2023-12-01 08:00\n,2023-12-01T09\nNA,2023-12-01T10:00\n");
  REQUIRE(a.size() == 3);
  CHECK(a[0].line == 2);
  CHECK(a[0].aqi == 120);
  CHECK(a[0].hour == parse_time("2023-12-01T08:00").hour);
  CHECK(std::isnan(a[1].aqi));
  CHECK(std::isnan(a[2].aqi));
}

TEST_CASE("aqi_csv: the reader hands back the range as read, the profile picks the value (§3.2.2)", "[aqi_csv]") {
  const std::string text = "station,time,aqi,aqi_low,aqi_high,origin\nS,2023-12-01T00:00,150,120,220,forecast\n";
  const auto r = read_all(text)[0];
  CHECK(r.aqi == 150);
  CHECK(r.aqi_low == 120);
  CHECK(r.aqi_high == 220);
  CHECK(r.from == origin::forecast);
  auto p = pingdingshan_2023();
  CHECK(r.value(p) == 220);
  p.forecast_upper_bound = false;
  CHECK(read_all(text, p)[0].value(p) == 150);
}

TEST_CASE("aqi_csv: each row's cause and primary pollutant, for the cause gate (§1.3)", "[aqi_csv]") {
  const auto p = pingdingshan_2023();  // the verdict's `why` is the profile's own text
  const auto a = read_all(
      "station,time,aqi,cause,primary\nS,2023-12-01T00:00,400,Dust,\nS,2023-12-01T01:00,400,,O3_8h\n"
      "S,2023-12-01T02:00,400,,PM2.5\n",
      p);
  CHECK(a[0].cause() == "Dust");
  CHECK(a[0].gate(p).kind == exclusion::outside_plan);
  CHECK(a[0].gate(p).why == "dust");
  CHECK(a[0].aqi == 400);
  CHECK(a[1].primary() == "O3_8h");
  CHECK(a[2].primary() == "PM2.5");
  CHECK(a[1].gate(p).kind == exclusion::advisory);
  CHECK_FALSE(a[2].gate(p));
}

TEST_CASE("aqi_csv: a daily series has a date column", "[aqi_csv]") {
  std::istringstream in("date,aqi\n2023-12-01,180\n");
  const auto p = pingdingshan_2023();
  aqi_reader r(in, "d.csv", aqi_reading_of(p));
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
  CHECK(read_all("time,aqi\n2023-12-01T00:00,501\n", p)[0].aqi == 500);
}

TEST_CASE("aqi_csv: station names must be UTF-8", "[aqi_csv]") {
  std::istringstream in("station,time,aqi\n平顶山,2023-12-01T00:00,1\n");
  const auto p = pingdingshan_2023();
  aqi_reader r(in, "a.csv", aqi_reading_of(p));
  aqi_record rec;
  REQUIRE(r.next(rec));
  CHECK(rec.station == "平顶山");  // a view into the reader's buffer: read it while the reader lives
  CHECK_THROWS_WITH(read_all("station,time,aqi\n\xC6\xBD\xB6\xA5\xC9\xBD,2023-12-01T00:00,1\n"),
                    "a.csv:2:1: text is not UTF-8 (GBK? convert the file first: iconv -f GBK -t UTF-8)");
  using namespace std::string_literals;
  CHECK_THROWS_WITH(read_all("time,station,aqi\n2023-12-01T00:00,A\0B,1\n"s),
                    "a.csv:2:2: a station name must not hold a NUL byte, got 'A\\x00B'");
}

TEST_CASE("aqi_csv: unknown columns are ignored with a warning", "[aqi_csv]") {
  std::vector<std::string> w;
  read_all("time,aqi,pm25\n2023-12-01T00:00,1,3\n", pingdingshan_2023(), &w);
  CHECK(w == std::vector<std::string>{"a.csv:1:3: ignoring column 'pm25'"});
}

namespace {
// The rows of an input chain of (name, text) files in a layout, with the warnings.
std::vector<std::string> read_chain(const std::vector<std::pair<std::string, std::string>>& files,
                                    input_layout layout = {}, std::vector<std::string>* warnings = nullptr) {
  std::vector<std::unique_ptr<std::istringstream>> streams;
  std::vector<input_chain::part> parts;
  for (const auto& [name, text] : files) {
    streams.push_back(std::make_unique<std::istringstream>(text));
    parts.push_back({streams.back().get(), name});
  }
  input_chain chain(parts, std::move(layout));
  const auto p = pingdingshan_2023();
  aqi_reader r(chain, files.front().first, aqi_reading_of(p), [&](const std::string& w) {
    if (warnings) warnings->push_back(w);
  });
  std::vector<std::string> out;
  aqi_record rec;
  while (r.next(rec))
    out.push_back(*rec.source + ":" + std::to_string(rec.line) + " " + std::string(rec.station) + " " +
                  format_time(rec.hour) + " " + (std::isnan(rec.aqi) ? std::string("-") : format_number(rec.aqi)));
  return out;
}

input_layout layout_of(const char* pattern, int offset = plan_utc_offset_minutes,
                       std::vector<std::string> columns = {}) {
  input_layout l;
  if (pattern) {
    const auto c = time_layout::compile(pattern);
    REQUIRE(c);
    l.time = c.layout;
    l.time_format = pattern;
  }
  l.utc_offset_minutes = offset;
  l.columns = std::move(columns);
  return l;
}
}  // namespace

TEST_CASE("aqi_csv: several files are one input, each with its own header", "[aqi_csv]") {
  std::vector<std::string> w;
  const auto rows = read_chain({{"a.csv", "station,time,aqi,note\nS,2023-12-01T00:00,1,x\n"},
                                {"b.csv", "aqi,time,station,note\n2,2023-12-01T01:00,S,y\n"},
                                {"c.csv", "aqi,time,station,note\n3,2023-12-01T02:00,S,y\n"}},
                               {}, &w);
  CHECK(rows == std::vector<std::string>{"a.csv:2 S 2023-12-01T00:00 1", "b.csv:2 S 2023-12-01T01:00 2",
                                         "c.csv:2 S 2023-12-01T02:00 3"});
  // a new header warns again of what it ignores; the same header again does not
  CHECK(w == std::vector<std::string>{"a.csv:1:4: ignoring column 'note'", "b.csv:1:4: ignoring column 'note'"});
  CHECK_THROWS_WITH(read_chain({{"a.csv", "time,aqi\n2023-12-01T00:00,1\n"}, {"b.csv", "date,aqi\n2023-12-02,1\n"}}),
                    "b.csv:1: a daily series after an hourly one (a.csv): give them to separate runs");
  CHECK_THROWS_WITH(read_chain({{"a.csv", "time,aqi\n2023-12-01T00:00,1\n"}, {"b.csv", ""}}),
                    "b.csv: empty input: expected a header such as station,time,aqi");
  CHECK_THROWS_WITH(
      read_chain({{"a.csv", "time,aqi\n2023-12-01T00:00,1\n"}, {"b.csv", "time,aqi\n2023-12-01T01:00,n/a\n"}}),
      "b.csv:2:2: expected a number for aqi, got 'n/a'");
}

TEST_CASE("aqi_csv: files joined with cat: the header again is skipped, another one is taken", "[aqi_csv]") {
  std::vector<std::string> w;
  const auto rows = read_chain({{"j.csv",
                                 "station,time,aqi\nS,2023-12-01T00:00,1\nStation, Time ,AQI\nS,2023-12-01T01:00,2\n"
                                 "time,station,aqi\n2023-12-01T02:00,S,3\n"}},
                               {}, &w);
  CHECK(rows == std::vector<std::string>{"j.csv:2 S 2023-12-01T00:00 1", "j.csv:4 S 2023-12-01T01:00 2",
                                         "j.csv:6 S 2023-12-01T02:00 3"});
  CHECK(w ==
        std::vector<std::string>{"j.csv:3: the header again (files joined with cat?), skipped",
                                 "j.csv:5: another header (files joined with cat?): the rows after it are read by it"});
  // a line of text that is not a header stays an error
  CHECK_THROWS_WITH(read_chain({{"j.csv", "station,time,aqi\nS,yesterday,1\n"}}),
                    "j.csv:2:2: expected a date as YYYY-MM-DD, got 'yesterday'");
  CHECK_THROWS_WITH(read_chain({{"j.csv", "station,time,aqi\nS,2023-12-01T00:00,1,9\n"}}),
                    "j.csv:2:4: expected 3 fields, got 4");
}

TEST_CASE("aqi_csv: no header: the columns are given", "[aqi_csv]") {
  std::vector<std::string> w;
  const auto l = layout_of(nullptr, plan_utc_offset_minutes, {"station", "time", "aqi"});
  CHECK(read_chain({{"n.csv", "S,2023-12-01T00:00,1\nS,2023-12-01T01:00,\n"}}, l) ==
        std::vector<std::string>{"n.csv:1 S 2023-12-01T00:00 1", "n.csv:2 S 2023-12-01T01:00 -"});
  CHECK(read_chain({{"n.csv", "station,time,aqi\nS,2023-12-01T00:00,1\n"}}, l, &w) ==
        std::vector<std::string>{"n.csv:2 S 2023-12-01T00:00 1"});
  CHECK(w == std::vector<std::string>{"n.csv:1: a header line, though --no-header says there is none, skipped"});
  CHECK_THROWS_WITH(
      read_chain({{"n.csv", "time,aqi,station\n2023-12-01T00:00,1,S\n"}}, l),
      "n.csv:1: a header line ('time,aqi,station'), though --no-header says there is none: leave out --no-header "
      "and --columns");
  CHECK_THROWS_WITH(read_chain({{"n.csv", "S,2023-12-01T00:00,1\n"}},
                               layout_of(nullptr, plan_utc_offset_minutes, {"station", "tiem", "aqi"})),
                    "--columns:1:2: unknown column 'tiem': did you mean 'time'?");
  CHECK_THROWS_WITH(read_chain({{"n.csv", "S,1\n"}}, layout_of(nullptr, plan_utc_offset_minutes, {"station", "aqi"})),
                    "--columns:1: missing column 'time' (or 'date' for a daily series) (the header has: station, aqi)");
}

TEST_CASE("aqi_csv: a file whose first line is data says how to read it", "[aqi_csv]") {
  CHECK_THROWS_WITH(read_all("S,2023-12-01T00:00,100\n"),
                    "a.csv:1: the header is missing: line 1 is data ('S,2023-12-01T00:00,100'); give a header such as "
                    "station,time,aqi, or the columns: --no-header --columns station,time,aqi");
}

TEST_CASE("aqi_csv: timestamps in a layout and another clock", "[aqi_csv]") {
  CHECK(read_chain({{"x.csv", "station,time,aqi\nS,2023/12/1 8:00,1\nS,2023/12/1 9:00,2\n"}},
                   layout_of("%Y/%m/%d %H:%M")) ==
        std::vector<std::string>{"x.csv:2 S 2023-12-01T08:00 1", "x.csv:3 S 2023-12-01T09:00 2"});
  CHECK_THROWS_WITH(read_chain({{"x.csv", "station,time,aqi\nS,2023-12-01 08:00,1\n"}}, layout_of("%Y/%m/%d %H:%M")),
                    "x.csv:2:2: the text does not match the time layout (%Y/%m/%d %H:%M), got '2023-12-01 08:00'");
  // UTC without offsets (--tz UTC), and offsets written in the text: both in the plan's clock
  CHECK(read_chain({{"u.csv", "time,aqi\n2023-12-01T00:00,1\n2023-12-01T16:00,2\n"}}, layout_of(nullptr, 0)) ==
        std::vector<std::string>{"u.csv:2  2023-12-01T08:00 1", "u.csv:3  2023-12-02T00:00 2"});
  CHECK(read_all("time,aqi\n2023-12-01T00:00Z,1\n2023-12-01T01:00+00:00,2\n2023-12-01T10:00+08:00,3\n")[1].hour ==
        parse_time("2023-12-01T09:00").hour);
  // the same-day shortcut never keeps a day an offset moved
  const auto moved = read_all("time,aqi\n2023-12-01T20:00Z,1\n2023-12-02T05:00,2\n");
  CHECK(format_time(moved[0].hour) == "2023-12-02T04:00");
  CHECK(format_time(moved[1].hour) == "2023-12-02T05:00");
  CHECK_THROWS_WITH(
      read_chain({{"d.csv", "date,aqi\n2023-12-01,1\n"}}, layout_of(nullptr, 0)),
      "d.csv:1: a daily series has dates, which are calendar days: no clock converts them (leave out --tz)");
  CHECK(read_chain({{"d.csv", "date,aqi\n1.12.2023,1\n"}}, layout_of("%d.%m.%Y")) ==
        std::vector<std::string>{"d.csv:2  2023-12-01T00:00 1"});
  CHECK_THROWS_WITH(read_chain({{"d.csv", "date,aqi\n2023/12/1 8:00,1\n"}}, layout_of("%Y/%m/%d %H:%M")),
                    "d.csv:2:1: expected a date (%Y/%m/%d %H:%M) in a daily series, got '2023/12/1 8:00'");
}

namespace {
profile conc_profile(daily_aqi_method m) {
  auto p = pingdingshan_2023();
  p.daily_aqi = m;
  return p;
}
std::optional<daily_aqi_method> method_of(const std::string& text, const profile& p = pingdingshan_2023()) {
  std::istringstream in(text);
  return aqi_reader(in, "a.csv", aqi_reading_of(p)).method();
}
}  // namespace

TEST_CASE("aqi_csv: concentrations are read as the AQI the profile's daily_aqi asks for", "[aqi_csv]") {
  SECTION("which files hold concentrations") {
    CHECK(method_of("station,time,pm25,pm10,so2,no2,co,o3\n") == daily_aqi_method::mean_of_hourly_aqi);
    CHECK(method_of("time,pm2.5\n", conc_profile(daily_aqi_method::aqi_of_mean_concentration)) ==
          daily_aqi_method::aqi_of_mean_concentration);
    // all six beside an aqi column (hpa-convert's long CSV): the concentrations decide
    CHECK(method_of("station,time,primary,aqi,pm25,pm10,so2,no2,co,o3,sites\n"));
    CHECK_FALSE(method_of("time,aqi,pm25\n"));                     // a stray pm25 beside the AQI
    CHECK_FALSE(method_of("date,aqi,pm25,pm10,so2,no2,co,o3\n"));  // a daily series keeps its AQI
  }
  const std::string text =
      "station,time,pm25,pm10,so2,no2,co,o3\n"
      "S,2023-06-01T00:00,270,,,,,\n"      // PM2.5 270: hourly AQI 320
      "S,2023-06-01T01:00,10,20,,,,320\n"  // O3 320: 160
      "S,2023-06-01T03:00,,,,,,\n";        // an hour with nothing measured, after one with no row
  SECTION("mean_of_hourly_aqi: each hour's own AQI, its primary pollutant gating it") {
    const auto p = conc_profile(daily_aqi_method::mean_of_hourly_aqi);
    const auto r = read_all(text, p);
    REQUIRE(r.size() == 3);
    CHECK(r[0].aqi == 320);
    CHECK(r[0].basis == part_bit(aqi_part::pm25));
    CHECK(r[0].primary() == "PM2.5");
    CHECK_FALSE(r[0].gate(p));
    CHECK(r[1].aqi == 160);
    CHECK(r[1].gate(p).kind == exclusion::advisory);  // primary pollutant O3 (RULES.md §1)
    CHECK(pollutant_list(*r[1].basis) == "PM2.5 PM10 O3");
    CHECK(r[2].hour == r[0].hour + 3);
    CHECK(std::isnan(r[2].aqi));
  }
  SECTION("aqi_of_mean_concentration: the daily AQI of every hour, the hours without a row too") {
    const auto p = conc_profile(daily_aqi_method::aqi_of_mean_concentration);
    const auto r = read_all(text, p);
    REQUIRE(r.size() == 4);       // 00, 01, 02 (no row: the window still holds O3), 03
    CHECK(std::isnan(r[0].aqi));  // PM2.5 needs 20 hours, and no O3 yet: nothing to stand on
    CHECK(r[1].aqi == 160);       // the O3 1 h maximum from its first value on
    CHECK(r[2].hour == r[0].hour + 2);
    CHECK(r[2].aqi == 160);
    CHECK(r[2].line == 4);  // said at the row that shows the gap
    CHECK(r[3].aqi == 160);
    CHECK(r[3].gate(p).kind == exclusion::advisory);
  }
}

TEST_CASE("aqi_csv: a repeated hour of concentrations", "[aqi_csv]") {
  const auto p = conc_profile(daily_aqi_method::aqi_of_mean_concentration);
  const std::string head = "station,time,pm25,pm10,so2,no2,co,o3\nS,2023-06-01T00:00,10,20,3,4,0.5,60\n";
  const auto same = read_all(head + "S,2023-06-01T00:00,10,20,3,4,0.5,60\n", p);
  REQUIRE(same.size() == 2);  // handed on with the same value: the station table drops it, warning
  CHECK(same[1].hour == same[0].hour);
  CHECK(same[1].aqi == same[0].aqi);
  CHECK_THROWS_WITH(read_all(head + "S,2023-06-01T00:00,10,20,3,4,0.6,60\n", p),
                    "a.csv:3:2: station S: two rows for 2023-06-01T00:00 with other concentrations (line 2)");
  const auto before = read_all(head + "S,2023-06-01T01:00,1,,,,,\nS,2023-05-31T23:00,1,,,,,\n", p);
  REQUIRE(before.size() == 3);  // an earlier hour: the station table's error
  CHECK(before[2].hour < before[1].hour);
}

TEST_CASE("aqi_csv: decimals of concentrations are exact to 0.001", "[aqi_csv]") {
  // 23 hours of PM2.5 150 and one of 150.001: daily AQI 201, over 200 (AQI.md, 2012)
  std::string text = "time,pm25\n";
  for (int h = 0; h < 23; ++h) text += "2017-01-01T" + std::string(h < 10 ? "0" : "") + std::to_string(h) + ":00,150\n";
  text += "2017-01-01T23:00,150.001\n";
  const auto r = read_all(text, conc_profile(daily_aqi_method::aqi_of_mean_concentration));
  CHECK(r.back().aqi == 201);
  CHECK_THROWS_WITH(read_all("time,pm25\n2017-01-01T00:00,-1\n"), "a.csv:2:2: pm25 cannot be negative, got '-1'");
}

TEST_CASE("aqi_csv: a concentration past the weight of air is an error, not an AQI of 500", "[aqi_csv]") {
  CHECK_THROWS_WITH(read_all("time,pm25\n2017-01-01T00:00,1e308\n"),
                    "a.csv:2:2: pm25 '1e308' is above 1e+09 µg/m³, more than air itself weighs: not a concentration");
  CHECK_THROWS_WITH(
      read_all("time,pm25\n2017-01-01T00:00,999999999999\n"),  // twelve digits: past the fast path too
      "a.csv:2:2: pm25 '999999999999' is above 1e+09 µg/m³, more than air itself weighs: not a concentration");
  CHECK_THROWS_WITH(read_all("time,co\n2017-01-01T00:00,1000000.5\n"),
                    "a.csv:2:2: co '1000000.5' is above 1e+06 mg/m³, more than air itself weighs: not a concentration");
  CHECK(read_all("time,pm25\n2017-01-01T00:00,1000000000\n").size() == 1);  // the bound itself: above the scale
}

TEST_CASE("aqi_csv: AQI input under a profile that asks for the AQI of mean concentrations", "[aqi_csv]") {
  std::vector<std::string> w;
  read_all("time,aqi\n2023-12-01T00:00,1\n", conc_profile(daily_aqi_method::aqi_of_mean_concentration), &w);
  CHECK(w == std::vector<std::string>{"a.csv: the profile's daily_aqi is aqi_of_mean_concentration, but the input "
                                      "holds AQI, not concentrations: the daily AQI is the mean of the hourly AQI"});
}

TEST_CASE("aqi_csv: the basis column of hpa-aqi --daily says what each value stands on", "[aqi_csv]") {
  const auto r = read_all(
      "time,daily_aqi,basis\n2017-05-01T00:00,19,O3\n2017-05-01T01:00,80,PM2.5 PM10 SO2 NO2 CO O3\n"
      "2017-05-01T02:00,,\n");
  REQUIRE(r.size() == 3);
  CHECK(r[0].basis == part_bit(aqi_part::o3));
  CHECK(pollutant_list(*r[1].basis) == "PM2.5 PM10 SO2 NO2 CO O3");
  CHECK(r[2].basis == aqi_parts{0});
  CHECK_THROWS_WITH(read_all("time,daily_aqi,basis\n2017-05-01T00:00,19,O3 dust\n"),
                    "a.csv:2:3: basis names the pollutants PM2.5 PM10 SO2 NO2 CO O3, got 'dust'");
  CHECK_FALSE(read_all("time,aqi\n2017-05-01T00:00,19\n")[0].basis);
}
