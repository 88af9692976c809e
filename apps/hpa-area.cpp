// hpa-area: the hourly concentrations of areas (city, county) from their sites (HJ 663-2013).
#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <optional>
#include <set>
#include <unordered_map>

#include "hpa/area.hpp"
#include "hpa/io/national.hpp"
#include "hpa/io/output.hpp"
#include "hpa/io/site_map.hpp"
#include "hpa/stats.hpp"
#include "tool.hpp"

using namespace hpa;

namespace {

const tool::spec spec = {"hpa-area",
                         "Compute the hourly concentrations of areas (city, county) from their monitoring sites.",
                         "HJ 663-2013: an area's concentration of a pollutant at an hour is the mean of that hour's\n"
                         "valid values at the area's evaluation sites; background and control sites (对照点) are\n"
                         "left out. Its AQI is then computed from these means (hpa-aqi), never as a mean of the\n"
                         "sites' AQI, and its 24 h and 8 h statistics from its own hourly series (hpa-aqi --daily):\n"
                         "the input's aqi, primary, _24h and o3_8h columns are not averaged and are left empty.\n"
                         "Input: hpa-convert's long CSV (station,time,pm25,pm10,so2,no2,co,o3 …). The map (--map):\n"
                         "station,area[,background][,more area columns such as city,county] or the national site\n"
                         "list (监测点编码,监测点名称,城市,对照点; stations matched by code or name).\n"
                         "Output: the same CSV with station = the area and a sites column: the evaluation sites\n"
                         "with a value for any pollutant that hour. A pollutant with fewer valid sites than\n"
                         "--min-sites is empty for the hour. Stations missing from the map, and sites of the map\n"
                         "missing from the data, are reported with counts; a map in which no area has an evaluation\n"
                         "site (every site a control site, say) is an error.\n"
                         "--daily-means writes instead, per area and calendar day, HJ 663's daily values of the\n"
                         "area's hourly series (what hpa-aqi --daily-means writes for a station): the 24 h means of\n"
                         "PM2.5, PM10, SO2, NO2 and CO, each valid with 20 of 24 hours, the O3 daily maximum 8 h\n"
                         "mean, and the valid hours (8 h means for O3) each stands on.\n"
                         "Memory: an hour of an area is written once every site of the area has a later row, so\n"
                         "input ordered by time streams; input grouped by station (what hpa-convert writes) is held\n"
                         "until an area's last site is read, about 150 bytes per area and hour (a year of one city:\n"
                         "1.3 MB). Each station's rows must be in time order.",
                         tool::takes::input | tool::takes::output | tool::takes::quiet};

struct args {
  tool::common common;
  std::string map, level, min_sites = "1";
  bool daily_means = false;
};

void options(CLI::App& app, args& a) {
  app.add_option("--map", a.map, "Site map CSV: which site is in which area, which are background")->required();
  app.add_option("--level", a.level,
                 "The map column that groups: city, county or any column name (default: area, 城市, or the only one)");
  app.add_option("--min-sites", a.min_sites, "Valid sites a pollutant needs in an hour: a count (2) or a share (75%)")
      ->capture_default_str();
  app.add_flag("--daily-means", a.daily_means,
               "Per area and calendar day, HJ 663's 24 h means and O3 maximum 8 h mean with their valid hours");
}

// "3" (sites) or "75%" (of the area's evaluation sites).
site_quorum parse_min_sites(const std::string& s) {
  try {
    std::size_t used = 0;
    if (!s.empty() && s.back() == '%') {
      const double p = std::stod(s.substr(0, s.size() - 1), &used);
      if (used == s.size() - 1 && p > 0 && p <= 100) return site_quorum::percent(p);
    } else {
      const int n = std::stoi(s, &used);
      if (used == s.size() && n >= 1) return site_quorum::at_least(n);
    }
  } catch (const std::exception&) {
  }
  throw CLI::ValidationError("--min-sites", "expected a number of sites (3) or a share (75%), got '" + s + "'");
}

struct area_writer {
  io::output* out;
  const std::vector<std::string>* areas;
  io::record_writer* daily_rows = nullptr;  // --daily-means: the areas' calendar days go here
  std::vector<daily_concentrations> days;   // per area
  auto emit(std::size_t a) {
    return [this, a](std::int64_t day, const day_concentrations& c, const day_counts& n) {
      daily_rows->write(io::daily_concentration_fields((*areas)[a], day, c, n));
    };
  }
  void on_area_hour(std::size_t a, hour_t h, const area_value& v) {
    if (daily_rows) return days.at(a).push(h, v.c, emit(a));
    io::measurement m;
    m.station = (*areas)[a];
    m.hour = h;
    m.c = v.c;
    auto row = io::measurement_csv_row(m);
    row.pop_back();  // the newline: the sites column follows
    *out << row << "," << std::to_string(v.sites) << "\n";
  }
  void finish() {
    if (!daily_rows) return;
    for (std::size_t a = 0; a < days.size(); ++a) days[a].finish(emit(a));
  }
};

// What the map says of a station of the data, looked up once per station.
struct station_state {
  enum kind { evaluation, background, no_area, unknown } k = unknown;
  std::size_t site = 0;      // evaluation: the index in the area series
  std::size_t map_site = 0;  // the map's site, unless unknown
  std::uint64_t rows = 0, last_line = 0;
};

std::string names(const std::set<std::string>& s) {
  constexpr std::size_t shown = 10;  // enough to recognise a naming mismatch; the count says the rest
  std::string out;
  std::size_t i = 0;
  for (const auto& n : s) {
    if (i++ == shown) return out + ", …";
    out += (out.empty() ? "" : ", ") + n;
  }
  return out;
}

class area_run {
 public:
  area_run(const tool::context& cx, const io::site_map& map, site_quorum q, io::output& out,
           io::record_writer* daily_rows)
      : cx_(cx),
        map_(map),
        writer_{&out, &map.areas, daily_rows, std::vector<daily_concentrations>(daily_rows ? map.areas.size() : 0)},
        series_(evaluation_sites(), map.areas.size(), q) {}

  void feed(const io::measurement& m) {
    auto& st = state(m.station);
    ++st.rows;
    if (st.k != station_state::evaluation) return;
    if (!series_.push(st.site, m.hour, m.c, writer_))
      throw error(location{m.source, m.line, 0}, "station " + m.station + ": " + format_time(m.hour) +
                                                     " is not after line " + std::to_string(st.last_line) +
                                                     ": each station's rows must be in time order");
    st.last_line = m.line;
  }

  void finish() {
    series_.finish(writer_);
    writer_.finish();
    std::set<std::string> unknown, no_area;
    std::uint64_t unknown_rows = 0;
    std::vector<bool> seen(map_.sites.size(), false);
    for (const auto& [name, st] : stations_) {
      if (st.k == station_state::unknown) {
        unknown.insert(name);
        unknown_rows += st.rows;
      } else
        seen[st.map_site] = true;
      if (st.k == station_state::no_area) no_area.insert(name);
    }
    if (!unknown.empty())
      cx_.warn(fmt::format("{} station(s) of the data are not in {}, {} row(s) left out: {}", unknown.size(),
                           map_.source, unknown_rows, names(unknown)));
    if (!no_area.empty())
      cx_.warn(fmt::format("{} station(s) have no {} in {} (left out): {}", no_area.size(), map_.level, map_.source,
                           names(no_area)));
    std::set<std::string> absent;
    for (std::size_t i = 0; i < seen.size(); ++i)
      if (!seen[i] && !map_.sites[i].area.empty()) absent.insert(map_.sites[i].station);
    if (!absent.empty())
      cx_.warn(fmt::format("{} site(s) of {} never appear in the data: {}", absent.size(), map_.source, names(absent)));
  }

 private:
  std::vector<std::size_t> evaluation_sites() {
    std::vector<std::size_t> area_of;
    for (std::size_t i = 0; i < map_.sites.size(); ++i) {
      const auto& s = map_.sites[i];
      if (s.background || s.area.empty()) continue;
      eval_index_[i] = area_of.size();
      area_of.push_back(map_.area_index(s.area));
    }
    return area_of;
  }

  station_state& state(const std::string& station) {
    auto [it, fresh] = stations_.try_emplace(station);
    if (!fresh) return it->second;
    auto& st = it->second;
    const auto i = map_.find(station);
    if (i == io::site_map::npos) return st;
    st.map_site = i;
    const auto& s = map_.sites[i];
    if (s.background)
      st.k = station_state::background;
    else if (s.area.empty())
      st.k = station_state::no_area;
    else {
      st.k = station_state::evaluation;
      st.site = eval_index_.at(i);
    }
    return st;
  }

  const tool::context& cx_;
  const io::site_map& map_;
  std::unordered_map<std::size_t, std::size_t> eval_index_;  // map site -> evaluation site
  area_writer writer_;
  area_series<area_writer> series_;
  std::unordered_map<std::string, station_state> stations_;
};

// A map with no evaluation site in any area gives no area a value: an error, not a header
// alone that looks like a run that worked.
void check_evaluation_sites(const io::site_map& map) {
  const auto counts = map.evaluation_sites();
  if (std::any_of(counts.begin(), counts.end(), [](int n) { return n > 0; })) return;
  if (map.sites.empty()) throw error(map.source + ": the map lists no site");
  if (map.areas.empty())
    throw error(map.source + ": no site has a value in column '" + map.level + "': no area to compute");
  throw error(map.source + ": every site with a " + map.level + " is a background or control site (column '" +
              map.background + "'): HJ 663 leaves those out of an area's value, so no area has a site to average");
}

int run(const args& a, tool::context& cx) {
  const auto quorum = parse_min_sites(a.min_sites);
  auto map_in = cx.open(a.map);
  const auto map = io::read_site_map(*map_in.stream, map_in.name, a.level);
  check_evaluation_sites(map);
  auto in = cx.open_input();
  io::concentration_reader reader(*in.stream, in.name, cx.warner());
  io::output out(cx.options().output);
  std::optional<io::record_writer> daily_rows;
  if (a.daily_means)
    daily_rows.emplace(out, io::format::csv, io::daily_concentration_columns());
  else
    out << io::measurement_csv_header().substr(0, io::measurement_csv_header().size() - 1) << ",sites\n";
  area_run areas(cx, map, quorum, out, daily_rows ? &*daily_rows : nullptr);
  io::measurement m;
  while (reader.next(m)) areas.feed(m);
  areas.finish();
  if (daily_rows) daily_rows->finish();
  out.commit();
  return 0;
}

}  // namespace

int main(int argc, char** argv) { return tool::main<args>(argc, argv, spec, options, run); }
