#include "hpa/io/reduction_io.hpp"

#include <catch2/catch.hpp>
#include <sstream>

using namespace hpa;
using namespace hpa::io;

namespace {
// Every required column of the sources CSV, in this order: cut_so2_iii is column 12.
const std::string required_header =
    "county,part,id,name,kind,grade,protected,so2 [t/d],nox [t/d],pm [t/d],vocs [t/d],"
    "cut_so2_iii,cut_nox_iii,cut_pm_iii,cut_vocs_iii,cut_so2_ii,cut_nox_ii,cut_pm_ii,cut_vocs_ii,"
    "cut_so2_i,cut_nox_i,cut_pm_i,cut_vocs_i";

// A row of `required_header`: the first eleven fields, then the twelve cuts (empty unless given).
std::string row(const std::string& first_eleven, std::vector<std::string> cuts = {}) {
  cuts.resize(12);
  std::string out = first_eleven;
  for (const auto& c : cuts) out += "," + c;
  return out;
}

std::vector<source> sources(const std::string& text, std::vector<std::string>* warnings = nullptr) {
  std::istringstream in(text);
  return read_sources_csv(in, "s.csv", {}, [&](const std::string& w) {
    if (warnings) warnings->push_back(w);
  });
}

reduction_input json(const std::string& text, std::vector<std::string>* warnings = nullptr) {
  return read_reduction_json(text, "l.json", [&](const std::string& w) {
    if (warnings) warnings->push_back(w);
  });
}

// A JSON document with one totals row and `sources` as its sources array.
std::string document(const std::string& sources) {
  return R"({"units": "t/d", "totals": [{"county": "X", "so2": 10, "nox": 10, "pm": 10, "vocs": 10}], "sources": )" +
         sources + "}";
}
}  // namespace

TEST_CASE("reduction_io: units in the header are converted to tonnes per day", "[reduction_io]") {
  std::istringstream in("county,so2 [t/a],nox [t/a],pm [t/a],vocs [t/a]\nX,365,730,36.5,0\n");
  const auto t = read_totals_csv(in, "t.csv");
  CHECK(t.at("X")[0] == Approx(1));
  CHECK(t.at("X")[1] == Approx(2));
  CHECK(t.at("X")[2] == Approx(0.1));
}

TEST_CASE("reduction_io: mixed or missing units are errors", "[reduction_io]") {
  std::istringstream mixed("county,so2 [t/a],nox [t/d],pm,vocs\n");
  CHECK_THROWS_WITH(read_totals_csv(mixed, "t.csv"),
                    "t.csv:1:3: mixed units: 'nox [t/d]' is in t/d, 'so2 [t/a]' in t/a");
  std::istringstream none("county,so2,nox,pm,vocs\nX,1,1,1,1\n");
  CHECK_THROWS_WITH(read_totals_csv(none, "t.csv"),
                    "t.csv:1: state the unit in the header, as 'so2 [t/d]' or 'so2 [t/a]', or with --units");
  std::istringstream given("county,so2,nox,pm,vocs\nX,1,1,1,1\n");
  CHECK(read_totals_csv(given, "t.csv", "t/d").at("X")[3] == 1);
}

TEST_CASE("reduction_io: a sources row with shares, tonnes and the Chinese names", "[reduction_io]") {
  const auto s = sources(
      required_header + ",measure_iii\n" +
      row("X,工业源,P1,厂,电厂,引领性,保障类,2,4,6,8", {"50%", "", "", "", "", "", "", "", "", "", "1.5"}) + ",限产\n");
  REQUIRE(s.size() == 1);
  CHECK(s[0].part == "industrial");
  CHECK(s[0].kind == "power_plant");
  CHECK(s[0].is_protected);
  CHECK(cut_of(s[0], "III", 0) == Approx(1));
  CHECK(cut_of(s[0], "I", 2) == Approx(1.5));
  CHECK(s[0].tiers.at("III").measure == "限产");
  CHECK(s[0].line == 2);
}

TEST_CASE("reduction_io: bad rows name line and column", "[reduction_io]") {
  auto read = [](const std::string& first_eleven, const std::string& cut = "") {
    return sources(required_header + "\n" + row(first_eleven, {cut}) + "\n");
  };
  CHECK_THROWS_WITH(read("X,factory,P,n,other,B,,1,1,1,1"),
                    "s.csv:2:2: part 'factory' is not one of industrial, dust, mobile, co-heating");
  CHECK_THROWS_WITH(read("X,工业源,P,n,other,E,,1,1,1,1"),
                    "s.csv:2:6: grade 'E' is not one of A, B, B-, C, D, 引领性, 非引领性, ");
  CHECK_THROWS_WITH(read("X,工业源,P,n,other,B,maybe,1,1,1,1"), "s.csv:2:7: protected must be yes or no, got 'maybe'");
  CHECK_THROWS_WITH(read("X,工业源,P,n,other,B,,x,1,1,1"), "s.csv:2:8: expected a number for so2, got 'x'");
  CHECK_THROWS_WITH(read("X,工业源,P,n,other,B,,1,1,1,1", "-2"), "s.csv:2:12: a cut cannot be negative, got '-2'");
  CHECK_THROWS_WITH(read("X,工业源,P,n,other,B,,1,1,1,1", "120%"), "s.csv:2:12: a share above 100%, got '120%'");
  CHECK_THROWS_WITH(read(",工业源,P,n,other,B,,1,1,1,1"), "s.csv:2:1: empty county");
}

TEST_CASE("reduction_io: missing required columns are errors naming every one", "[reduction_io]") {
  SECTION("a baseline") {
    CHECK_THROWS_WITH(
        sources("county,part,id,name,kind,grade,protected,so2 [t/d],pm [t/d],vocs [t/d],cut_so2_iii,cut_nox_iii,"
                "cut_pm_iii,cut_vocs_iii,cut_so2_ii,cut_nox_ii,cut_pm_ii,cut_vocs_ii,cut_so2_i,cut_nox_i,"
                "cut_pm_i,cut_vocs_i\n"),
        "s.csv:1: missing column 'nox'");
  }
  SECTION("a grade and a cut") {
    std::string header = required_header;
    header.erase(header.find(",grade"), 6);
    header.erase(header.rfind(",cut_vocs_i"), 11);
    CHECK_THROWS_WITH(sources(header + "\n"), "s.csv:1: missing columns 'grade', 'cut_vocs_i'");
  }
  SECTION("in totals and exceptions") {
    std::istringstream totals("county,so2 [t/d],nox [t/d],pm [t/d]\n");
    CHECK_THROWS_WITH(read_totals_csv(totals, "t.csv"), "t.csv:1: missing column 'vocs'");
    std::istringstream exceptions("county,tier,ratio\n");
    CHECK_THROWS_WITH(read_exceptions_csv(exceptions, "x.csv"),
                      "x.csv:1: missing columns 'pollutant', 'justification'");
  }
  SECTION("the plan's columns may be left out; unknown ones are ignored with a warning") {
    std::vector<std::string> warnings;
    const auto s = sources(
        required_header + ",remarks\n" + row("X,dust,D1,site,施工工地,,,0,0,1,0", {"", "", "0.1"}) + ",x\n", &warnings);
    REQUIRE(s.size() == 1);
    CHECK(s[0].contact.empty());
    CHECK(cut_of(s[0], "III", 2) == Approx(0.1));
    CHECK(warnings == std::vector<std::string>{"s.csv:1:24: ignoring column 'remarks'"});
  }
  SECTION("a column given twice") {
    CHECK_THROWS_WITH(sources(required_header + ",so2\n"), "s.csv:1:24: column 'so2' given twice");
  }
}

TEST_CASE("reduction_io: a tonnage cut above its baseline asks whether the unit is right", "[reduction_io]") {
  std::vector<std::string> warnings;
  const auto text = required_header + "\n" +
                    row("X,工业源,P1,n,other,B,,3,4,5,6", {"30", "40", "2", "", "", "", "", "", "", "", "", "150"}) +
                    "\n" + row("X,工业源,P2,n,other,B,,3,4,5,6", {"30%"}) + "\n";
  const auto s = sources(text, &warnings);
  CHECK(s.size() == 2);  // read all the same: the checks report the cuts as findings
  CHECK(warnings ==
        std::vector<std::string>{"s.csv:2:12: tier III SO2 cut of 30 t/d is larger than the baseline of 3 t/d: is "
                                 "the unit right? A share of the baseline is written 30%. Other cuts above their "
                                 "baselines: 2."});
  warnings.clear();
  sources(required_header + "\n" +
              row("X,工业源,P1,n,other,B,,3,4,5,6", {"", "", "", "", "", "", "", "", "", "", "", "150"}) + "\n",
          &warnings);
  CHECK(warnings ==
        std::vector<std::string>{"s.csv:2:23: tier I VOCs cut of 150 t/d is larger than the baseline of 6 t/d: "
                                 "is the unit right?"});
}

TEST_CASE("reduction_io: exceptions need a fraction and a justification", "[reduction_io]") {
  auto read = [](const std::string& row) {
    std::istringstream in("county,tier,pollutant,ratio,justification\n" + row + "\n");
    return read_exceptions_csv(in, "x.csv");
  };
  CHECK(read("X,I,VOCs,0.25,why").at(0).what == pollutant::vocs);
  CHECK_THROWS_WITH(read("X,I,vocs,25%,why"), "x.csv:2:4: give the ratio as a fraction (0.08), got '25%'");
  CHECK_THROWS_WITH(read("X,I,vocs,,why"), "x.csv:2:4: an exception needs its granted ratio (§4.2.1(3))");
  CHECK_THROWS_WITH(read("X,I,vocs,0.25,"), "x.csv:2:5: an exception needs its written justification (§4.2.1(3))");
  CHECK_THROWS_WITH(read("X,i,vocs,0.25,why"), "x.csv:2:2: tier must be III, II or I, got 'i'");
}

TEST_CASE("reduction_io: the JSON form, and its wrong types named by path", "[reduction_io]") {
  const auto ok = json(R"({"units": "t/d",
    "totals": [{"county": "X", "so2": 10, "nox": 10, "pm": 10, "vocs": 10}],
    "sources": [{"county": "X", "part": "industrial", "id": "P1", "name": "n", "kind": "other", "grade": "B",
                 "so2": 5, "nox": 5, "pm": 5, "vocs": 5,
                 "tiers": {"III": {"measure": "限产", "cut": {"so2": "20%", "pm": 1}}}}],
    "exceptions": [{"county": "X", "tier": "I", "pollutant": "vocs", "ratio": 0.2, "justification": "why"}]})");
  CHECK(ok.totals.at("X")[0] == 10);
  REQUIRE(ok.sources.size() == 1);
  CHECK(cut_of(ok.sources[0], "III", 0) == Approx(1));
  CHECK(cut_of(ok.sources[0], "III", 2) == Approx(1));
  CHECK(ok.sources[0].tiers.at("III").measure == "限产");
  CHECK(ok.exceptions.size() == 1);
  // a wrong value is never written out whole: a deep or long one would make the message unbounded
  CHECK_THROWS_WITH(
      json(R"({"units": "t/d", "totals": [{"county": "X", "so2": [1], "nox": 1, "pm": 1, "vocs": 1}], "sources": []})"),
      "l.json: /totals/0/so2: expected a string or a number, got an array");
  CHECK_THROWS_WITH(
      json(
          R"({"units": "t/d", "totals": [{"county": "X", "so2": "lots", "nox": 1, "pm": 1, "vocs": 1}], "sources": []})"),
      "l.json: /totals/0/so2: expected a number for so2, got 'lots'");
  CHECK_THROWS_WITH(json(R"({"units": "kg", "totals": [], "sources": []})"),
                    "l.json: /units: unit 'kg': use t/d (tonnes per day) or t/a (tonnes per year)");
  CHECK_THROWS_WITH(json(R"({"units": 1, "totals": [], "sources": []})"),
                    "l.json: /units: expected a string, got a number");
  CHECK_THROWS_WITH(json(R"({"units": "t/d", "totals": {}, "sources": []})"),
                    "l.json: /totals: expected an array, got an object");
  CHECK_THROWS_WITH(json(R"({"units": "t/d", "totals": [], "sources": [1]})"),
                    "l.json: /sources/0: expected an object, got a number");
  CHECK_THROWS_WITH(json(R"({"units": "t/d", "totals": []})"), "l.json: missing key 'sources'");
  CHECK_THROWS_WITH(json(R"({"units": "t/d", "totals": [], "sources": [], "source": []})"),
                    "l.json: /source: unknown key (known: units, totals, sources, exceptions)");
}

TEST_CASE("reduction_io: JSON keys are exact: a tier or cut key in another case, or unknown, is an error at its path",
          "[reduction_io]") {
  const auto with_tiers = [](const std::string& tiers) {
    return document(R"([{"county": "X", "part": "industrial", "id": "P1", "name": "n", "kind": "other", "tiers": )" +
                    tiers + "}]");
  };
  CHECK_THROWS_WITH(json(with_tiers(R"({"iii": {"measure": "m"}})")),
                    "l.json: /sources/0/tiers/iii: unknown tier (known: III, II, I)");
  CHECK_THROWS_WITH(json(with_tiers(R"({"IV": {"measure": "m"}})")),
                    "l.json: /sources/0/tiers/IV: unknown tier (known: III, II, I)");
  CHECK_THROWS_WITH(json(with_tiers(R"({"III": {"cut": {"SO2": 1}}})")),
                    "l.json: /sources/0/tiers/III/cut/SO2: unknown key (known: so2, nox, pm, vocs)");
  CHECK_THROWS_WITH(json(with_tiers(R"({"II": {"measures": "m"}})")),
                    "l.json: /sources/0/tiers/II/measures: unknown key (known: measure, stopped_lines, cut)");
  CHECK_THROWS_WITH(json(with_tiers(R"({"I": "stop"})")),
                    "l.json: /sources/0/tiers/I: expected an object, got a string");
  CHECK_THROWS_WITH(json(with_tiers(R"({"I": {"cut": [1]}})")),
                    "l.json: /sources/0/tiers/I/cut: expected an object, got an array");
  CHECK_THROWS_WITH(json(with_tiers(R"({"I": {"cut": {"so2": "lots"}}})")),
                    "l.json: /sources/0/tiers/I/cut/so2: expected tonnes or a share such as 30%, got 'lots'");
  CHECK_THROWS_WITH(
      json(document(R"([{"county": "X", "SO2": 1}])")),
      "l.json: /sources/0/SO2: unknown key (known: county, part, id, name, industry, kind, grade, protected, so2, "
      "nox, pm, vocs, tiers, key_indicators, prep_time, responsible, contact)");
  CHECK_THROWS_WITH(json(R"({"units": "t/d", "totals": [{"county": "X", "a/b~": 1}], "sources": []})"),
                    "l.json: /totals/0/a~1b~0: unknown key (known: county, so2, nox, pm, vocs)");
}

TEST_CASE("reduction_io: a newline inside an earlier string does not shift a JSON error's path", "[reduction_io]") {
  CHECK_THROWS_WITH(
      json(document(
          R"([{"county": "X", "part": "dust", "id": "D1", "name": "line one\nline two\nthree", "kind": "other"},
                                      {"county": "X", "part": "dust", "id": "D2", "name": "n", "kind": "other", "so2": "x"}])")),
      "l.json: /sources/1/so2: expected a number for so2, got 'x'");
}

TEST_CASE("reduction_io: the CSV and JSON forms read the same list the same way", "[reduction_io]") {
  std::istringstream totals_csv("county,so2,nox,pm,vocs\nX,3650,3650,3650,3650\n");
  std::string header = required_header;  // its unit from --units, here t/a
  for (auto at = header.find(" [t/d]"); at != std::string::npos; at = header.find(" [t/d]")) header.erase(at, 6);
  std::istringstream sources_csv(header +
                                 ",industry,measure_i,stopped_lines_i,key_indicators,prep_time,responsible,contact\n" +
                                 row("X,工业源,P1,\"厂, 一\",电厂,a,是,365,730,1095,1460",
                                     {"10%", "365", "", "", "", "", "", "", "", "", "", "50%"}) +
                                 ",焦化,停产,1#,用电量,2 h,王,1\n");
  std::istringstream exceptions_csv("county,tier,pollutant,ratio,justification\nX,I,vocs,0.25,测算\n");
  reduction_input csv;
  csv.totals = read_totals_csv(totals_csv, "t.csv", "t/a");
  for (auto& s : read_sources_csv(sources_csv, "s.csv", "t/a")) csv.sources.push_back(s);
  csv.exceptions = read_exceptions_csv(exceptions_csv, "x.csv");
  const auto j = read_reduction_json(R"({"units": "t/a",
    "totals": [{"county": "X", "so2": 3650, "nox": 3650, "pm": "3650", "vocs": 3650}],
    "sources": [{"county": "X", "part": "工业源", "id": "P1", "name": "厂, 一", "kind": "电厂", "grade": "a", "protected": true,
                 "so2": 365, "nox": 730, "pm": 1095, "vocs": 1460, "industry": "焦化",
                 "tiers": {"III": {"cut": {"so2": "10%", "nox": 365}},
                           "I": {"measure": "停产", "stopped_lines": "1#", "cut": {"vocs": "50%"}}},
                 "key_indicators": "用电量", "prep_time": "2 h", "responsible": "王", "contact": 1}],
    "exceptions": [{"county": "X", "tier": "I", "pollutant": "VOCs", "ratio": 0.25, "justification": "测算"}]})",
                                     "l.json");
  CHECK(j.totals == csv.totals);
  REQUIRE(j.sources.size() == 1);
  const auto &a = j.sources[0], &b = csv.sources[0];
  CHECK(std::tie(a.county, a.part, a.id, a.name, a.industry, a.kind, a.grade, a.is_protected, a.baseline) ==
        std::tie(b.county, b.part, b.id, b.name, b.industry, b.kind, b.grade, b.is_protected, b.baseline));
  CHECK(std::tie(a.key_indicators, a.prep_time, a.responsible, a.contact) ==
        std::tie(b.key_indicators, b.prep_time, b.responsible, b.contact));
  for (const char* tier : reduction_tiers) {
    CHECK(a.tiers.at(tier).measure == b.tiers.at(tier).measure);
    CHECK(a.tiers.at(tier).stopped_lines == b.tiers.at(tier).stopped_lines);
    for (std::size_t i = 0; i < 4; ++i) CHECK(cut_of(a, tier, i) == cut_of(b, tier, i));
  }
  CHECK(cut_of(a, "III", 1) == Approx(1));
  CHECK(a.grade == "A");
  CHECK(a.line == 0);
  CHECK(b.line == 2);
  REQUIRE(j.exceptions.size() == 1);
  CHECK(std::tie(j.exceptions[0].county, j.exceptions[0].tier, j.exceptions[0].what, j.exceptions[0].ratio) ==
        std::tie(csv.exceptions[0].county, csv.exceptions[0].tier, csv.exceptions[0].what, csv.exceptions[0].ratio));
}

TEST_CASE("reduction_io: a number out of range is an error, not a crash", "[reduction_io]") {
  CHECK_THROWS_WITH(read_reduction_json("{\"units\": 1e999}", "l.json"), "l.json: number overflow parsing '1e999'");
}

TEST_CASE("reduction_io: a short exceptions row is an error, not a read past the row", "[reduction_io]") {
  std::istringstream in("county,tier,pollutant,ratio,justification\nX,I\n");
  CHECK_THROWS_WITH(read_exceptions_csv(in, "x.csv"), "x.csv:2: expected 5 fields, got 2");
}
