#include "hpa/io/watch_state.hpp"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>

using namespace hpa;
using namespace hpa::io;

namespace {
namespace fs = std::filesystem;

issued_warning warning(level_t l, hour_t start) { return {l, start, start, 0, std::nullopt, std::nullopt}; }

// A fresh folder for one test case, under the system's temporary folder.
fs::path fresh_dir(const std::string& name) {
  const fs::path dir = fs::temp_directory_path() / ("hpa_watch_state_test_" + name);
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

const std::string state_of_a =
    "{\"format\": \"hpa-watch-state\", \"version\": 1, \"profile\": \"pingdingshan-2023\", "
    "\"decided_at\": \"2023-12-01T08:00\", \"stations\": {\"A\": {\"level\": \"orange\", "
    "\"start\": \"2023-12-01T00:00\"}}}\n";
}  // namespace

TEST_CASE("watch_state: what is written reads back", "[watch_state]") {
  const auto p = pingdingshan_2023();
  watch_state s;
  s["A"] = {{2, 100, std::nullopt, 0, 140, std::nullopt}, 120};         // issued ahead, its lift announced
  s["B"] = {{0, 0, std::nullopt, 0, std::nullopt, std::nullopt}, 120};  // nothing issued: not written
  s["C"] = {warning(3, -50), 120};
  s["D"] = {{2, 100, 110, 0, std::nullopt, std::nullopt}, 120};  // in force at its level since 110
  const auto text = format_watch_state(s, p, 120);
  const auto back = parse_watch_state(text, "s.json", p);
  CHECK(back.size() == 3);
  CHECK(back.at("A") == s["A"]);
  CHECK(back.at("C") == s["C"]);
  CHECK(back.at("D") == s["D"]);
}

TEST_CASE("watch_state: a lifted warning keeps its lift hour (an issue in the same episode counts from it)",
          "[watch_state]") {
  const auto p = pingdingshan_2023();
  watch_state s;
  s["L"] = {{0, 0, std::nullopt, 0, std::nullopt, 130}, 140};
  const auto text = format_watch_state(s, p, 140);
  CHECK(text.find("\"L\": {\n      \"level\": \"none\",\n      \"lifted_at\": \"1970-01-06T10:00\"\n    }") !=
        std::string::npos);
  const auto back = parse_watch_state(text, "s.json", p);
  CHECK(back.at("L") == s["L"]);
}

TEST_CASE("watch_state: a station keeps the hour it was last decided at, written where it is not the file's",
          "[watch_state]") {
  const auto p = pingdingshan_2023();
  watch_state s;
  s["A"] = {warning(2, 100), 150};  // decided by this run
  s["B"] = {warning(1, 90), 140};   // by an earlier run (another feed's station)
  const auto text = format_watch_state(s, p, 150);
  CHECK(text.find("\"A\": {\n      \"level\": \"orange\",\n      \"start\": \"1970-01-05T04:00\"\n    }") !=
        std::string::npos);
  CHECK(text.find("\"decided_at\": \"1970-01-06T20:00\"") != std::string::npos);
  const auto back = parse_watch_state(text, "s.json", p);
  CHECK(back.at("A").decided_at == 150);
  CHECK(back.at("B").decided_at == 140);
  SECTION("a file without it: every station was decided at the file's hour") {
    const auto old = parse_watch_state(state_of_a, "s.json", p);
    REQUIRE(old.at("A").decided_at);
    CHECK(format_time(*old.at("A").decided_at) == "2023-12-01T08:00");
  }
}

TEST_CASE("watch_state: the directives acted on are kept, a file without them has none", "[watch_state]") {
  const auto p = pingdingshan_2023();
  watch_state s;
  s["A"] = {warning(1, 100), 150, {"豫环委办〔2023〕41号|A|1970-01-05T04:00|1970-01-05T10:00"}};
  s["D"] = {{}, 150, {"豫环委办〔2023〕42号||1970-01-06T00:00|1970-01-06T06:00"}};  // acted on, nothing in force
  const auto text = format_watch_state(s, p, 150);
  CHECK(text.find("\"directives\": [\n        \"豫环委办〔2023〕41号|A|1970-01-05T04:00|1970-01-05T10:00\"\n      ]") !=
        std::string::npos);
  const auto back = parse_watch_state(text, "s.json", p);
  CHECK(back.at("A") == s["A"]);
  CHECK(back.at("D") == s["D"]);
  CHECK(parse_watch_state(state_of_a, "s.json", p).at("A").directives.empty());
  auto bad = state_of_a;
  bad.replace(bad.find("\"start\""), 0, "\"directives\": 41, ");
  CHECK_THROWS_WITH(parse_watch_state(bad, "s.json", p), Catch::Matchers::StartsWith("s.json: damaged state file: "));
}

TEST_CASE("watch_state: a station that cannot be kept is an error before anything is written", "[watch_state]") {
  const auto p = pingdingshan_2023();
  watch_state s;
  s["A\xff"] = {warning(2, 100), 100};
  CHECK_THROWS_WITH(format_watch_state(s, p, 100, "s.json"),
                    "s.json: station 'A\\xff' cannot be kept in the state file: not UTF-8");
}

TEST_CASE("watch_state: damaged and foreign files are errors", "[watch_state]") {
  const auto p = pingdingshan_2023();
  CHECK_THROWS_WITH(parse_watch_state("{\"a\": 1}", "s.json", p),
                    "s.json: not a watch state file (no \"format\": \"hpa-watch-state\"); refusing to replace it");
  CHECK_THROWS_WITH(parse_watch_state("{\"format\": 7}", "s.json", p),
                    Catch::StartsWith("s.json: not a watch state file"));
  CHECK_THROWS_WITH(parse_watch_state("{\"format\": \"hpa-watch-state\", \"version\": 2}", "s.json", p),
                    "s.json: state file version 2 is not 1");
  // only the whole number written: 1.0 equals 1 in JSON, but hpa-watch never writes it
  const std::pair<const char*, const char*> versions[] = {{"1.0", "1.0"},         {"1e0", "1.0"},   {"\"1\"", "\"1\""},
                                                          {"\"1.0\"", "\"1.0\""}, {"true", "true"}, {"[1]", "[1]"}};
  for (const auto& [version, shown] : versions) {
    INFO(version);
    CHECK_THROWS_WITH(parse_watch_state(std::string("{\"format\": \"hpa-watch-state\", \"version\": ") + version +
                                            ", \"profile\": \"pingdingshan-2023\", \"stations\": {}}",
                                        "s.json", p),
                      std::string("s.json: state file version ") + shown + " is not 1");
  }
  CHECK_THROWS_WITH(
      parse_watch_state(
          "{\"format\": \"hpa-watch-state\", \"version\": 1, \"profile\": \"mee-2017\", \"stations\": {}}", "s.json",
          p),
      "s.json: state written under profile 'mee-2017', not 'pingdingshan-2023'");
  CHECK_THROWS_WITH(parse_watch_state("{\"format\": \"hpa-watch-state\", \"version\": 1, \"profile\": "
                                      "\"pingdingshan-2023\", \"stations\": {\"A\": {\"level\": 3}}}",
                                      "s.json", p),
                    Catch::StartsWith("s.json: damaged state file: type must be string"));
  CHECK_THROWS_WITH(
      parse_watch_state("{\"format\": \"hpa-watch-state\", \"version\": 1, \"profile\": \"pingdingshan-2023\", "
                        "\"stations\": {\"A\": {\"level\": \"purple\", \"start\": \"2023-12-01T00:00\"}}}",
                        "s.json", p),
      "s.json: station A: unknown level \"purple\"");
  CHECK_THROWS_WITH(
      parse_watch_state(
          "{\"format\": \"hpa-watch-state\", \"version\": 1, \"profile\": \"pingdingshan-2023\", \"stations\": {\"A\": "
          "{\"level\": \"none\", \"lifted_at\": \"2023-12-01T00:00\", \"decided_at\": \"now\"}}}",
          "s.json", p),
      "s.json: station A: bad time \"now\"");
}

TEST_CASE("watch_state: a number out of range is an error, not a crash", "[watch_state]") {
  CHECK_THROWS_WITH(parse_watch_state(" 3e111111111111111111111111111111111111111", "s.json", pingdingshan_2023()),
                    "s.json: damaged state file (number overflow parsing '3e111111111111111111111111111111111111111'); "
                    "fix or remove it");
}

TEST_CASE("watch_state: the state's place is checked before anything is decided", "[watch_state]") {
  const auto dir = fresh_dir("place");
  const std::string d = dir.string();
  CHECK_THROWS_WITH(watch_state_file(d + "/none/s.json"),
                    d + "/none/s.json: cannot keep the state there: the folder '" + d + "/none' does not exist");
  std::ofstream(dir / "plain") << "x\n";
  CHECK_THROWS_WITH(watch_state_file(d + "/plain/s.json"),
                    d + "/plain/s.json: cannot keep the state there: '" + d + "/plain' is not a folder");
  CHECK_THROWS_WITH(watch_state_file(d), d + ": is a folder, not a state file");
  CHECK_THROWS_WITH(watch_state_file(d + "/"), d + "/: is a folder, not a state file");
  CHECK_THROWS_WITH(watch_state_file("/dev/null"), "/dev/null: is not a plain file; a state file must be one");
  CHECK_NOTHROW(watch_state_file(d + "/s.json"));
  CHECK(watch_state_file(d + "/s.json").lock_path() == d + "/s.json.lock");
  fs::create_directories(dir / "real");
  fs::create_symlink("real/s.json", dir / "link.json");
  CHECK(watch_state_file(d + "/link.json").lock_path() == d + "/real/s.json.lock");  // beside the file itself
}

TEST_CASE("watch_state: one run at a time holds the lock", "[watch_state]") {
  const auto dir = fresh_dir("lock");
  const std::string path = (dir / "s.json").string();
  {
    watch_state_file first(path), second(path);
    REQUIRE(first.lock(true));
    CHECK_FALSE(second.lock(false));  // another open of the lock file: flock says busy
    CHECK(fs::exists(path + ".lock"));
  }
  watch_state_file third(path);  // the first was released with its object
  CHECK(third.lock(false));
}

TEST_CASE("watch_state: restore puts back what was read, or no file", "[watch_state]") {
  const auto p = pingdingshan_2023();
  const auto dir = fresh_dir("restore");
  const std::string path = (dir / "s.json").string();
  SECTION("a first run: no file before") {
    watch_state_file f(path);
    REQUIRE(f.lock(true));
    CHECK(f.read(p).empty());
    f.write(state_of_a);
    CHECK(fs::exists(path));
    CHECK(f.restore());
    CHECK_FALSE(fs::exists(path));
  }
  SECTION("a file before") {
    std::ofstream(path) << state_of_a;
    watch_state_file f(path);
    REQUIRE(f.lock(true));
    CHECK(f.read(p).size() == 1);
    f.write("{}\n");
    CHECK(f.restore());
    CHECK(slurp(path) == state_of_a);
  }
}
