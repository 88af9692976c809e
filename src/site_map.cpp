#include "hpa/io/site_map.hpp"

#include <algorithm>
#include <set>

#include "hpa/error.hpp"
#include "hpa/io/aqi_csv.hpp"
#include "hpa/io/csv.hpp"
#include "hpa/io/utf8.hpp"
#include "text.hpp"

namespace hpa::io {

namespace {

// The national site list names its columns in Chinese; these are not areas.
constexpr std::string_view code_column = "监测点编码", name_column = "监测点名称", control_column = "对照点";
constexpr std::string_view not_areas[] = {"station", "background", "监测点编码", "监测点名称", "对照点", "经度",
                                          "纬度",    "longitude",  "latitude",   "lon",        "lat"};
// What --level city and --level county also find in the national list's columns.
const std::map<std::string, std::vector<std::string>> level_aliases = {{"city", {"城市", "地级行政区"}},
                                                                       {"county", {"区县", "县级行政区"}}};
// The suffix the national list gives control sites' names: 定陵(对照点).
constexpr std::string_view control_suffixes[] = {"(对照点)", "（对照点）"};

struct columns {
  bool national = false;
  std::size_t station = site_map::npos, name = site_map::npos, background = site_map::npos, area = site_map::npos;
  std::size_t width = 0;
};

bool parse_background(std::string_view text, const csv_reader& csv, std::size_t column) {
  const auto s = detail::lower(detail::trim(text));
  if (s.empty() || s == "n" || s == "no" || s == "false" || s == "0" || s == "否") return false;
  if (s == "y" || s == "yes" || s == "true" || s == "1" || s == "是") return true;
  throw error(csv.at(column + 1),
              "expected Y/N, 是/否 or true/false for background, got '" + std::string(detail::trim(text)) + "'");
}

std::string join(const std::vector<std::string>& names) {
  std::string s;
  for (const auto& n : names) s += (s.empty() ? "" : ", ") + n;
  return s;
}

// The column that groups: the one named `level` (or an alias of it), else the default.
std::size_t area_column(const std::vector<std::string>& header, const columns& c, const std::string& level,
                        const std::string& source) {
  std::vector<std::string> candidates;
  for (const auto& h : header)
    if (std::find(std::begin(not_areas), std::end(not_areas), h) == std::end(not_areas)) candidates.push_back(h);
  auto index = [&](std::string_view name) {
    auto it = std::find(header.begin(), header.end(), name);
    return it == header.end() ? site_map::npos : static_cast<std::size_t>(it - header.begin());
  };
  std::vector<std::string> wanted;
  if (!level.empty()) {
    wanted.push_back(detail::lower(level));
    if (auto a = level_aliases.find(wanted.front()); a != level_aliases.end())
      wanted.insert(wanted.end(), a->second.begin(), a->second.end());
  } else {
    wanted = {"area"};
    if (c.national) wanted.push_back("城市");
    if (candidates.size() == 1) wanted.push_back(candidates.front());
  }
  for (const auto& w : wanted)
    if (auto i = index(w);
        i != site_map::npos && std::find(candidates.begin(), candidates.end(), w) != candidates.end())
      return i;
  if (candidates.empty())
    throw error(location{source, 1, 0},
                "no area column: expected station,area[,background] or the national site list "
                "监测点编码,监测点名称,城市,对照点");
  if (level.empty())
    throw error(location{source, 1, 0}, "several area columns (" + join(candidates) + "): choose one with --level");
  throw error(location{source, 1, 0}, "no column '" + level + "' to group by (area columns: " + join(candidates) + ")");
}

columns read_columns(csv_reader& csv, const std::string& level, site_map& m) {
  if (!csv.next())
    throw error(location{csv.source(), 0, 0},
                "empty input: expected a header station,area[,background] or 监测点编码,监测点名称,城市,对照点");
  std::vector<std::string> header;
  for (auto f : csv.fields()) header.push_back(detail::lower(detail::trim(f)));
  columns c;
  c.width = header.size();
  auto find = [&](std::string_view name) {
    auto it = std::find(header.begin(), header.end(), name);
    return it == header.end() ? site_map::npos : static_cast<std::size_t>(it - header.begin());
  };
  c.national = find(code_column) != site_map::npos;
  c.station = c.national ? find(code_column) : find("station");
  if (c.station == site_map::npos)
    throw error(location{csv.source(), 1, 0},
                "missing column 'station': expected a header station,area[,background] or the national site list "
                "监测点编码,监测点名称,城市,对照点");
  c.name = c.national ? find(name_column) : site_map::npos;
  c.background = find(c.national ? control_column : "background");
  c.area = area_column(header, c, level, csv.source());
  m.level = header[c.area];
  if (c.background != site_map::npos) m.background = header[c.background];
  return c;
}

// The keys a site answers to: its code or station, its name, and its name without the suffix
// the national list gives control sites.
std::vector<std::string> keys_of(const site_map::site& s) {
  std::vector<std::string> k = {s.station};
  if (!s.name.empty() && s.name != s.station) k.push_back(s.name);
  for (auto suffix : control_suffixes)
    if (s.name.size() > suffix.size() && s.name.ends_with(suffix))
      k.push_back(s.name.substr(0, s.name.size() - suffix.size()));
  return k;
}

}  // namespace

std::size_t site_map::find(std::string_view station) const {
  auto it = keys.find(station);
  if (it == keys.end()) return npos;
  if (it->second.size() > 1) {
    std::string lines;
    for (auto i : it->second) lines += (lines.empty() ? "" : ", ") + std::to_string(sites[i].line);
    throw error(source + ": station '" + std::string(station) + "' is the name of several sites (lines " + lines +
                "): use the codes");
  }
  return it->second.front();
}

std::size_t site_map::area_index(std::string_view area) const {
  auto it = std::lower_bound(areas.begin(), areas.end(), area);
  return it != areas.end() && *it == area ? static_cast<std::size_t>(it - areas.begin()) : npos;
}

std::vector<int> site_map::evaluation_sites() const {
  std::vector<int> n(areas.size(), 0);
  for (const auto& s : sites)
    if (!s.background && !s.area.empty()) ++n[area_index(s.area)];
  return n;
}

site_map read_site_map(std::istream& in, const std::string& source, const std::string& level) {
  csv_reader csv(in, source);
  site_map m;
  m.source = source;
  const auto c = read_columns(csv, level, m);
  std::set<std::string> areas;
  std::map<std::string, std::uint64_t> stations;  // station or code -> line, for repeats
  while (csv.next()) {
    csv.expect_fields(c.width);
    const auto& f = csv.fields();
    site_map::site s;
    s.line = csv.line();
    s.station = detail::trimmed(f[c.station]);
    if (s.station.empty()) throw error(csv.at(c.station + 1), "empty station");
    check_name(s.station, csv.at(c.station + 1));
    if (auto [it, fresh] = stations.try_emplace(s.station, s.line); !fresh)
      throw error(csv.at(c.station + 1),
                  "station '" + s.station + "' is already on line " + std::to_string(it->second));
    if (c.name != site_map::npos) {
      s.name = detail::trimmed(f[c.name]);
      check_name(s.name, csv.at(c.name + 1));
    }
    s.area = detail::trimmed(f[c.area]);
    check_name(s.area, csv.at(c.area + 1), "an area");
    if (c.background != site_map::npos) s.background = parse_background(f[c.background], csv, c.background);
    if (!s.area.empty()) areas.insert(s.area);
    for (auto& k : keys_of(s)) {
      auto& v = m.keys[k];
      if (std::find(v.begin(), v.end(), m.sites.size()) == v.end()) v.push_back(m.sites.size());
    }
    m.sites.push_back(std::move(s));
  }
  m.areas.assign(areas.begin(), areas.end());
  return m;
}

}  // namespace hpa::io
