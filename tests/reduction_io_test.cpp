#include "hpa/io/reduction_io.hpp"

#include <catch2/catch.hpp>
#include <sstream>

using namespace hpa;
using namespace hpa::io;

TEST_CASE("reduction_io: units in the header are converted to tonnes per day", "[reduction_io]") {
  std::istringstream in("county,so2 [t/a],nox [t/a],pm [t/a],vocs [t/a]\nX,365,730,36.5,0\n");
  const auto t = read_totals_csv(in, "t.csv");
  CHECK(t.at("X")[0] == Approx(1));
  CHECK(t.at("X")[1] == Approx(2));
  CHECK(t.at("X")[2] == Approx(0.1));
}

TEST_CASE("reduction_io: mixed or missing units are errors", "[reduction_io]") {
  std::istringstream mixed("county,so2 [t/a],nox [t/d],pm,vocs\n");
  CHECK_THROWS_WITH(read_totals_csv(mixed, "t.csv"), "t.csv:1:3: mixed units: 'nox [t/d]' is in t/d, 'so2 [t/a]' in t/a");
  std::istringstream none("county,so2,nox,pm,vocs\nX,1,1,1,1\n");
  CHECK_THROWS_WITH(read_totals_csv(none, "t.csv"),
                    "t.csv:1: state the unit in the header, as 'so2 [t/d]' or 'so2 [t/a]', or with --units");
  std::istringstream given("county,so2,nox,pm,vocs\nX,1,1,1,1\n");
  CHECK(read_totals_csv(given, "t.csv", "t/d").at("X")[3] == 1);
}

TEST_CASE("reduction_io: a sources row with shares, tonnes and the Chinese names", "[reduction_io]") {
  std::istringstream in(
      "county,part,id,name,kind,grade,protected,so2 [t/d],nox [t/d],pm [t/d],vocs [t/d],measure_iii,cut_so2_iii,cut_pm_i\n"
      "X,工业源,P1,厂,电厂,引领性,保障类,2,4,6,8,限产,50%,1.5\n");
  const auto s = read_sources_csv(in, "s.csv");
  REQUIRE(s.size() == 1);
  CHECK(s[0].part == "industrial");
  CHECK(s[0].kind == "power_plant");
  CHECK(s[0].is_protected);
  CHECK(cut_of(s[0], "III", 0) == Approx(1));
  CHECK(cut_of(s[0], "I", 2) == Approx(1.5));
  CHECK(s[0].line == 2);
}

TEST_CASE("reduction_io: bad rows name line and column", "[reduction_io]") {
  auto read = [](const std::string& row) {
    std::istringstream in("county,part,id,name,kind,grade,so2 [t/d],nox [t/d],pm [t/d],vocs [t/d],cut_so2_iii\n" + row + "\n");
    return read_sources_csv(in, "s.csv");
  };
  CHECK_THROWS_WITH(read("X,factory,P,n,other,B,1,1,1,1,"), "s.csv:2:2: part 'factory' is not one of industrial, dust, mobile, co-heating");
  CHECK_THROWS_WITH(read("X,工业源,P,n,other,E,1,1,1,1,"), "s.csv:2:6: grade 'E' is not one of A, B, B-, C, D, 引领性, 非引领性, ");
  CHECK_THROWS_WITH(read("X,工业源,P,n,other,B,x,1,1,1,"), "s.csv:2:7: expected a number for so2, got 'x'");
  CHECK_THROWS_WITH(read("X,工业源,P,n,other,B,1,1,1,1,-2"), "s.csv:2:11: a cut cannot be negative, got '-2'");
  CHECK_THROWS_WITH(read("X,工业源,P,n,other,B,1,1,1,1,120%"), "s.csv:2:11: a share above 100%, got '120%'");
}

TEST_CASE("reduction_io: the JSON form, and its wrong types named by path", "[reduction_io]") {
  const auto ok = read_reduction_json(R"({"units": "t/d",
    "totals": [{"county": "X", "so2": 10, "nox": 10, "pm": 10, "vocs": 10}],
    "sources": [{"county": "X", "part": "industrial", "id": "P1", "name": "n", "kind": "other", "grade": "B",
                 "so2": 5, "nox": 5, "pm": 5, "vocs": 5,
                 "tiers": {"III": {"measure": "限产", "cut": {"so2": "20%", "pm": 1}}}}],
    "exceptions": [{"county": "X", "tier": "I", "pollutant": "vocs", "ratio": 0.2, "justification": "why"}]})", "l.json");
  CHECK(ok.totals.at("X")[0] == 10);
  REQUIRE(ok.sources.size() == 1);
  CHECK(cut_of(ok.sources[0], "III", 0) == Approx(1));
  CHECK(cut_of(ok.sources[0], "III", 2) == Approx(1));
  CHECK(ok.sources[0].tiers.at("III").measure == "限产");
  CHECK(ok.exceptions.size() == 1);
  CHECK_THROWS_WITH(read_reduction_json(R"({"units": "t/d", "totals": [{"county": "X", "so2": [1], "nox": 1, "pm": 1, "vocs": 1}], "sources": []})", "l.json"),
                    "l.json: /totals/0: expected a string or a number, got [1]");
  CHECK_THROWS_WITH(read_reduction_json(R"({"units": "t/d", "totals": [{"county": "X", "so2": "lots", "nox": 1, "pm": 1, "vocs": 1}], "sources": []})", "l.json"),
                    "l.json: /totals/0/so2: expected a number for so2, got 'lots'");
  CHECK_THROWS_WITH(read_reduction_json(R"({"units": "kg", "totals": [], "sources": []})", "l.json"),
                    "l.json: /units: unit 'kg': use t/d (tonnes per day) or t/a (tonnes per year)");
  CHECK_THROWS_WITH(read_reduction_json(R"({"units": "t/d", "totals": []})", "l.json"),
                    "l.json: missing key 'sources'");
}

TEST_CASE("reduction_io: a number out of range is an error, not a crash (fuzz finding)", "[reduction_io]") {
  CHECK_THROWS_WITH(read_reduction_json("{\"units\": 1e999}", "l.json"), "l.json: number overflow parsing '1e999'");
}

TEST_CASE("reduction_io: a short exceptions row is an error, not a read past the row (fuzz finding)", "[reduction_io]") {
  std::istringstream in("county,tier,pollutant,ratio,justification\nX,I\n");
  CHECK_THROWS_WITH(read_exceptions_csv(in, "x.csv"), "x.csv:2: expected 5 fields, got 2");
}
