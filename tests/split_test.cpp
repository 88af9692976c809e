// Reading one file on several cores (split.hpp, station_reader.hpp): the same answer as one core.
#include "hpa/io/split.hpp"
#include "hpa/io/station_reader.hpp"

#include <unistd.h>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>

using namespace hpa;
using namespace hpa::io;
namespace fs = std::filesystem;

namespace {
// A file of this process's own, so that test runs side by side never share one.
fs::path write_file(const std::string& name, const std::string& text) {
  const auto p = fs::temp_directory_path() / (std::to_string(::getpid()) + "_" + name);
  std::ofstream(p, std::ios::binary) << text;
  return p;
}

// `stations` × `hours` of hourly AQI with an episode per station, grouped or interleaved.
std::string season(int stations, int hours, bool grouped) {
  std::string s = "station,time,aqi\n";
  auto row = [&](int st, int h) {
    const int aqi = (h / 24 + st) % 9 < 3 ? 260 : 90;
    s += "S" + std::to_string(st) + "," + format_time(h) + "," + std::to_string(aqi) + "\n";
  };
  if (grouped)
    for (int st = 0; st < stations; ++st)
      for (int h = 0; h < hours; ++h) row(st, h);
  else
    for (int h = 0; h < hours; ++h)
      for (int st = 0; st < stations; ++st) row(st, h);
  return s;
}

struct count_sink : station_sink {
  std::vector<episode> episodes;
  void on_episode(const episode& e) { episodes.push_back(e); }
};

std::vector<std::string> run(const fs::path& path, unsigned threads) {
  read_options o;
  o.path = path.string();
  o.source = "s.csv";
  o.threads = threads;
  const auto p = pingdingshan_2023();
  const auto r = read_stations<count_sink>(o, p, [](std::string_view) { return count_sink{}; });
  std::vector<std::string> out;
  for (auto* e : r.sorted())
    for (const auto& ep : e->sink.episodes)
      out.push_back(e->name + " " + format_time(ep.start) + " " + p.level_name(ep.level));
  return out;
}
}  // namespace

TEST_CASE("split: cuts fall where the station changes and cover the file", "[split]") {
  const auto path = write_file("hpa_split_test.csv", season(20, 200, true));
  const auto parts = split_by_station(path.string(), 4, 1000);
  REQUIRE(parts.size() == 4);
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  const std::string text = ss.str();
  CHECK(parts.front().begin == text.find('\n') + 1);
  CHECK(parts.back().end == text.size());
  for (std::size_t i = 1; i < parts.size(); ++i) {
    CHECK(parts[i].begin == parts[i - 1].end);
    const auto at = parts[i].begin;
    CHECK(text[at - 1] == '\n');
    const auto prev_line = text.rfind('\n', at - 2) + 1;  // the last row of the part before
    CHECK(text.substr(prev_line, 3) != text.substr(at, 3));
  }
  SECTION("a part reads as a file of its own, header first") {
    part_stream ps(path.string(), parts[1]);
    std::string first;
    std::getline(ps, first);
    CHECK(first == "station,time,aqi");
  }
  fs::remove(path);
}

TEST_CASE("split: no station column or quotes near a cut: one part", "[split]") {
  const auto single = write_file("hpa_split_single.csv", "time,aqi\n" + std::string(5000, '\n'));
  CHECK(split_by_station(single.string(), 2, 100).size() == 1);
  auto quoted = season(20, 200, true);
  quoted.insert(quoted.size() / 2, "\"x\",");
  const auto q = write_file("hpa_split_quoted.csv", quoted);
  CHECK(split_by_station(q.string(), 2, 1000).size() == 1);
  fs::remove(single);
  fs::remove(q);
}

TEST_CASE("read_stations: two cores give the one-core answer, grouped or interleaved", "[split]") {
  // over 8 MiB, so the file is worth splitting
  for (bool grouped : {true, false}) {
    INFO((grouped ? "grouped" : "interleaved"));
    const auto path = write_file("hpa_read_stations.csv", season(120, 3000, grouped));
    REQUIRE(fs::file_size(path) > (std::uintmax_t{8} << 20));
    CHECK(split_by_station(path.string(), 2).size() == 2);  // interleaved: split, then refused on overlap
    const auto one = run(path, 1), two = run(path, 2);
    CHECK(one.size() > 100);
    CHECK(two == one);
    fs::remove(path);
  }
}

TEST_CASE("read_stations: rows ordered by time are read on one core at once", "[split]") {
  const auto by_time = write_file("hpa_by_time.csv", season(120, 3000, false));
  const auto by_station = write_file("hpa_by_station.csv", season(120, 3000, true));
  CHECK(io::detail::ordered_by_time(by_time.string(), split_by_station(by_time.string(), 2)));
  CHECK(io::detail::ordered_by_time(by_time.string(), split_by_station(by_time.string(), 3)));
  CHECK_FALSE(io::detail::ordered_by_time(by_station.string(), split_by_station(by_station.string(), 2)));
  fs::remove(by_time);
  fs::remove(by_station);
}

TEST_CASE("split: a file whose rows interleave the stations is told apart", "[split]") {
  const auto by_time = write_file("hpa_split_by_time.csv", season(30, 100, false));
  const auto by_station = write_file("hpa_split_by_station.csv", season(30, 100, true));
  const auto one = write_file("hpa_split_one.csv", season(1, 100, false));
  CHECK(stations_interleave(by_time.string()));
  CHECK_FALSE(stations_interleave(by_station.string()));
  CHECK_FALSE(stations_interleave(one.string()));
  CHECK_FALSE(stations_interleave("/nonexistent/hpa.csv"));
  for (const auto& p : {by_time, by_station, one}) fs::remove(p);
}

TEST_CASE("read_stations: rows by time give the answer of rows by station, on one core or two", "[split]") {
  // more rows than a block, so that stations carry over from block to block
  const auto by_time = write_file("hpa_read_by_time.csv", season(70, 1200, false));
  const auto by_station = write_file("hpa_read_by_station.csv", season(70, 1200, true));
  const auto want = run(by_station, 1);
  CHECK(want.size() > 100);
  CHECK(run(by_time, 1) == want);
  CHECK(run(by_time, 2) == want);
  fs::remove(by_time);
  fs::remove(by_station);
}

TEST_CASE("read_stations: a station in two parts stops the parts and gives the one-core answer", "[split]") {
  // S0's first half, every other station whole, then S0's second half: grouped at each cut (the
  // time goes back there), yet the first and the last part share S0
  std::string s = "station,time,aqi\n";
  auto row = [&](int st, int h) {
    s +=
        "S" + std::to_string(st) + "," + format_time(h) + "," + std::to_string((h / 24 + st) % 9 < 3 ? 260 : 90) + "\n";
  };
  for (int h = 0; h < 1500; ++h) row(0, h);
  for (int st = 1; st < 120; ++st)
    for (int h = 0; h < 3000; ++h) row(st, h);
  for (int h = 1500; h < 3000; ++h) row(0, h);
  const auto path = write_file("hpa_shared_station.csv", s);
  const auto parts = split_by_station(path.string(), 2);
  REQUIRE(parts.size() == 2);
  CHECK_FALSE(io::detail::ordered_by_time(path.string(), parts));
  const auto one = run(path, 1), two = run(path, 2);
  CHECK(one.size() > 100);
  CHECK(two == one);
  fs::remove(path);
}

TEST_CASE("read_stations: messages of an interleaved file come as a plain reading gives them", "[split]") {
  auto text = season(40, 300, false);
  // repeated rows of two stations, the later station's first: warnings in file order
  const auto at = text.find("S7," + format_time(100));
  const auto line7 = text.substr(at, text.find('\n', at) - at + 1);
  const auto at3 = text.find("S3," + format_time(200));
  const auto line3 = text.substr(at3, text.find('\n', at3) - at3 + 1);
  text.insert(text.find('\n', at3) + 1, line3);
  text.insert(text.find('\n', at) + 1, line7);
  const auto path = write_file("hpa_read_warn.csv", text);
  for (unsigned threads : {1u, 2u}) {
    read_options o;
    o.path = path.string();
    o.source = "s.csv";
    o.threads = threads;
    std::vector<std::string> said;
    o.warn = [&](const std::string& w) { said.push_back(w); };
    const auto p = pingdingshan_2023();
    read_stations<count_sink>(o, p, [](std::string_view) { return count_sink{}; });
    REQUIRE(said.size() == 2);
    CHECK(said[0].find("station S7: duplicate row") != std::string::npos);
    CHECK(said[1].find("station S3: duplicate row") != std::string::npos);
  }
  fs::remove(path);
}
