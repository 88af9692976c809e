// The directives file: include/hpa/io/directives.hpp (CSV and JSON readers).
#include "hpa/io/directives.hpp"

#include <catch2/catch.hpp>
#include <sstream>

#include "hpa/error.hpp"

using namespace hpa;
using namespace hpa::io;

namespace {

std::vector<directive> csv(const std::string& text, std::vector<std::string>* warnings = nullptr) {
  std::istringstream in(text);
  return read_directives(in, "d.csv", pingdingshan_2023(), [&](const std::string& w) {
    if (warnings) warnings->push_back(w);
  });
}

std::vector<directive> json(const std::string& text) {
  std::istringstream in(text);
  return read_directives(in, "d.json", pingdingshan_2023());
}

hour_t at(const char* text) { return parse_time(text).hour; }

}  // namespace

TEST_CASE("directives_io: the CSV form", "[directives_io]") {
  const auto d =
      csv("received_at,level,start,end,area,source\n"
          "2016-12-29T08:00,orange,2016-12-29T15:00,,平顶山,豫气攻坚办〔2016〕153号\n"
          "2017-01-05 10:00, none ,2017-01-05T12:00,2017-01-06T00:00,,豫气攻坚办〔2017〕2号\n");
  REQUIRE(d.size() == 2);
  CHECK(d[0] == directive{at("2016-12-29T08:00"), 2, at("2016-12-29T15:00"), std::nullopt, "平顶山",
                          "豫气攻坚办〔2016〕153号"});
  CHECK(d[1].level == 0);
  CHECK(d[1].end == at("2017-01-06T00:00"));
  CHECK(d[1].area.empty());
  SECTION("columns in any order and case, end and area optional") {
    const auto e = csv("Source,START,level,received_at\nX号,2023-12-01T00:00,red,2023-11-30T20:00\n");
    REQUIRE(e.size() == 1);
    CHECK(e[0].level == 3);
    CHECK_FALSE(e[0].end);
  }
  SECTION("a header alone is no directive") { CHECK(csv("received_at,level,start,end,area,source\n").empty()); }
  SECTION("another column is ignored with a warning") {
    std::vector<std::string> w;
    CHECK(csv("received_at,level,start,source,note\n2023-11-30T20:00,red,2023-12-01T00:00,X号,urgent\n", &w).size() ==
          1);
    CHECK(w == std::vector<std::string>{"d.csv:1:5: ignoring column 'note'"});
  }
}

TEST_CASE("directives_io: CSV errors name file, line and column", "[directives_io]") {
  const std::string h = "received_at,level,start,end,area,source\n";
  CHECK_THROWS_WITH(csv(""),
                    "d.csv: empty directives file: expected the header received_at,level,start,end,area,source");
  CHECK_THROWS_WITH(csv("received_at,level,source\n"),
                    "d.csv:1: missing column 'start' (expected received_at,level,start,end,area,source) (the header "
                    "has: received_at, level, source)");
  CHECK_THROWS_WITH(csv(h + "2016-12-29T08:00,purple,2016-12-29T15:00,,,X号\n"),
                    "d.csv:2:2: no level 'purple' in profile pingdingshan-2023 (yellow, orange, red, or none to lift)");
  CHECK_THROWS_WITH(csv(h + "2016-12-29T08:00,orange,2016-02-30T15:00,,,X号\n"),
                    "d.csv:2:3: day out of range for the month, got '2016-02-30T15:00'");
  CHECK_THROWS_WITH(csv(h + "2016-12-29T08:00,orange,2016-12-29T15:00,2017-01-05,,X号\n"),
                    "d.csv:2:4: expected an hour such as 2017-01-05T00:00, got the date '2017-01-05'");
  CHECK_THROWS_WITH(csv(h + "2016-12-29T08:30,orange,2016-12-29T15:00,,,X号\n"),
                    "d.csv:2:1: time is not on the hour, got '2016-12-29T08:30'");
  CHECK_THROWS_WITH(csv(h + "2016-12-29T08:00,orange,2016-12-29T15:00,2016-12-29T15:00,,X号\n"),
                    "d.csv:2:4: end 2016-12-29T15:00 is not after start 2016-12-29T15:00");
  CHECK_THROWS_WITH(csv(h + "2016-12-29T08:00,orange,2016-12-29T15:00,,, \n"),
                    "d.csv:2:6: the source document is required (e.g. 豫环委办〔2023〕7号)");
  CHECK_THROWS_WITH(csv(h + "2016-12-29T08:00,orange,2016-12-29T15:00,,\xC6\xBD\xB6\xA5,X号\n"),
                    "d.csv:2:5: text is not UTF-8 (GBK? convert the file first: iconv -f GBK -t UTF-8)");
  CHECK_THROWS_WITH(csv(h + "2016-12-29T08:00,orange\n"), "d.csv:2: expected 6 fields, got 2");
  CHECK_THROWS_WITH(csv("received_at,levle,start,source\n"),
                    "d.csv:1:2: unknown column 'levle': did you mean 'level'?");
}

TEST_CASE("directives_io: the JSON form", "[directives_io]") {
  const auto d = json(R"([
    {"received_at": "2016-12-29T08:00", "level": "orange", "start": "2016-12-29T15:00", "end": null,
     "area": "平顶山", "source": "豫气攻坚办〔2016〕153号"},
    {"received_at": "2017-01-05T10:00", "level": "none", "start": "2017-01-05T12:00", "source": "豫气攻坚办〔2017〕2号"}
  ])");
  REQUIRE(d.size() == 2);
  CHECK(d[0] == directive{at("2016-12-29T08:00"), 2, at("2016-12-29T15:00"), std::nullopt, "平顶山",
                          "豫气攻坚办〔2016〕153号"});
  CHECK(d[1].area.empty());
  CHECK(json("\xEF\xBB\xBF  []").empty());
}

TEST_CASE("directives_io: JSON errors name the file and the path", "[directives_io]") {
  const std::string ok = R"("received_at": "2016-12-29T08:00", "start": "2016-12-29T15:00", "source": "X号")";
  CHECK_THROWS_WITH(
      json(R"([{"level": "purple", )" + ok + "}]"),
      "d.json: /0/level: no level 'purple' in profile pingdingshan-2023 (yellow, orange, red, or none to lift)");
  CHECK_THROWS_WITH(json(R"([{"level": "red", "lvl": 1, )" + ok + "}]"),
                    "d.json: /0/lvl: unknown key (known: received_at,level,start,end,area,source)");
  CHECK_THROWS_WITH(json(R"([{"level": "red", "end": 5, )" + ok + "}]"), "d.json: /0/end: must be a string, got 5");
  CHECK_THROWS_WITH(json(R"([{"level": "red", "end": "2016-12-29T15:00", )" + ok + "}]"),
                    "d.json: /0/end: end 2016-12-29T15:00 is not after start 2016-12-29T15:00");
  CHECK_THROWS_WITH(json(R"([{"level": "red", )" + ok + R"(}, {"level": "red"}])"),
                    "d.json: /1: missing key 'received_at'");
  CHECK_THROWS_WITH(json(R"([5])"), "d.json: /0: expected an object, got 5");
  CHECK_THROWS_WITH(json(R"([{"level": "red", )" + ok + ", \"level\": \"red\"}]"),
                    "d.json: /0/level: given twice in one object");
  CHECK_THROWS_WITH(json("[{"), Catch::StartsWith("d.json: parse error at line 1, column 3: syntax error"));
  CHECK_THROWS_WITH(read_directives_json(R"({"level": "red"})", "d.json", pingdingshan_2023()),
                    "d.json: expected a JSON array of directives, got {\"level\":\"red\"}");
}

TEST_CASE("directives_io: one received at or after its end is left out, with a warning naming its line",
          "[directives_io]") {
  std::vector<std::string> warnings;
  const auto d =
      csv("received_at,level,start,end,area,source\n"
          "2016-12-29T08:00,orange,2016-12-29T15:00,2016-12-30T00:00,,A\n"
          "2016-12-30T00:00,red,2016-12-29T15:00,2016-12-30T00:00,,B\n",
          &warnings);
  REQUIRE(d.size() == 1);
  CHECK(d[0].source == "A");
  CHECK(warnings == std::vector<std::string>{"d.csv:3: B received at 2016-12-30T00:00, at or after its end "
                                             "2016-12-30T00:00: it asks nothing any more, ignored"});
  SECTION("the JSON form names its path") {
    std::vector<std::string> said;
    std::istringstream in(R"([{"received_at": "2017-01-02T00:00", "level": "red", "start": "2016-12-29T15:00",
                               "end": "2016-12-30T00:00", "source": "C"}])");
    CHECK(read_directives(in, "d.json", pingdingshan_2023(), [&](const std::string& w) { said.push_back(w); }).empty());
    CHECK(said == std::vector<std::string>{"d.json: /0: C received at 2017-01-02T00:00, at or after its end "
                                           "2016-12-30T00:00: it asks nothing any more, ignored"});
  }
}
