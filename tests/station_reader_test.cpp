// io/station_reader.hpp: an AQI CSV read into the stations driver, plainly or on several cores,
// always with the results of the plain sequential reading.
#include "hpa/io/station_reader.hpp"

#include <catch2/catch.hpp>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

using namespace hpa;
using namespace hpa::io;
namespace fs = std::filesystem;

namespace {
struct daily_sink : station_sink {
  std::vector<std::pair<hour_t, double>> daily;
  std::vector<hour_t> starts;  // of the warnings; withheld ones (dust, §1.3) are not
  void on_daily(hour_t t, double d, int) { daily.emplace_back(t, std::isnan(d) ? -1 : d); }  // NaN: none yet
  void on_episode(const episode& e) {
    if (e.warns()) starts.push_back(e.start);
  }
};

// Every station's daily values and episode starts, by name.
std::vector<std::pair<std::string, daily_sink>> results(const station_results<daily_sink>& r) {
  std::vector<std::pair<std::string, daily_sink>> out;
  for (const auto* e : r.sorted()) out.emplace_back(e->name, e->sink);
  return out;
}

bool same(const std::vector<std::pair<std::string, daily_sink>>& a,
          const std::vector<std::pair<std::string, daily_sink>>& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (a[i].first != b[i].first || a[i].second.daily != b[i].second.daily || a[i].second.starts != b[i].second.starts)
      return false;
  return true;
}

// 4 stations x 120 hours, rows by time then station (as the national site files are). With
// `causes`, S3's hours are dust and S2's alternate between two primary
// pollutants: texts the interleaved reading must keep past the reader's line.
std::string by_time(bool causes = false) {
  std::string text = causes ? "station,time,aqi,cause,primary\n" : "station,time,aqi\n";
  for (hour_t h = 0; h < 120; ++h)
    for (int s = 0; s < 4; ++s) {
      text += 'S';
      text += std::to_string(s);
      text += ',';
      text += format_time(h);
      text += ',';
      text += std::to_string(100 + 50 * s);
      if (causes) text += s == 3 ? ",dust," : s == 2 ? (h % 2 ? ",,PM10" : ",,PM2.5") : ",,";
      text += '\n';
    }
  return text;
}
}  // namespace

TEST_CASE("station_reader: a file by time reads as the plain reading of the same rows", "[station_reader]") {
  const auto p = pingdingshan_2023();
  const bool causes = GENERATE(false, true);
  const std::string text = by_time(causes);
  const fs::path path = fs::temp_directory_path() / "hpa_station_reader_test.csv";
  std::ofstream(path) << text;
  auto make = [](std::string_view) { return daily_sink{}; };

  std::istringstream in(text);
  read_options plain;
  plain.stream = &in;
  plain.source = "stdin";
  const auto a = results(read_stations<daily_sink>(plain, p, make));

  read_options file;
  file.path = path.string();
  file.source = file.path;
  file.threads = 2;
  const auto r = read_stations<daily_sink>(file, p, make);
  const auto b = results(r);
  fs::remove(path);

  REQUIRE(a.size() == 4);
  CHECK(a[3].second.starts.size() == (causes ? 0u : 1u));  // S3 at 250 for 5 days: one warning, unless dust
  CHECK(a[0].second.starts.empty());
  CHECK(same(a, b));
  CHECK(r.kind == series_kind::hourly);
}

TEST_CASE("station_reader: a file that cannot be read is an error naming it", "[station_reader]") {
  const auto p = pingdingshan_2023();
  read_options o;
  o.path = (fs::temp_directory_path() / "hpa_station_reader_test_absent.csv").string();
  o.source = o.path;
  CHECK_THROWS_WITH(read_stations<daily_sink>(o, p, [](std::string_view) { return daily_sink{}; }),
                    o.path + ": cannot open");
}

TEST_CASE("station_reader: the texts of an interleaved file's rows are kept once a pair, and kept apart",
          "[station_reader]") {
  hpa::io::detail::kept_texts kept;
  CHECK(kept.keep(nullptr) == nullptr);  // a row that gives neither
  std::vector<const row_texts*> first;
  for (int i = 0; i < 40; ++i) {  // past the ones looked along
    std::string cause = "c" + std::to_string(i), primary = "p" + std::to_string(i);
    const row_texts read{cause, primary};
    first.push_back(kept.keep(&read));
    cause = primary = "gone";  // the reader's text is gone by the next row
    CHECK(first.back()->cause == "c" + std::to_string(i));
    CHECK(first.back()->primary == "p" + std::to_string(i));
  }
  for (int i = 0; i < 40; ++i) {
    const std::string cause = "c" + std::to_string(i), primary = "p" + std::to_string(i);
    const row_texts again{cause, primary};
    CHECK(kept.keep(&again) == first[std::size_t(i)]);
  }
  const row_texts ab_c{"ab", "c"}, a_bc{"a", "bc"};  // the same letters, another pair
  const auto* x = kept.keep(&ab_c);
  const auto* y = kept.keep(&a_bc);
  CHECK(x != y);
  CHECK(y->cause == "a");
  CHECK(y->primary == "bc");
}
