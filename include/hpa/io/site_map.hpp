#pragma once
// The site map: which monitoring site belongs to which area, and which sites are background or
// control sites (对照点) that HJ 663 leaves out of an area's value. Two forms are read:
//   station,area[,background][,<more area columns>]   e.g. station,city,county,background
//   the national site list: 监测点编码,监测点名称,城市[,经度,纬度],对照点[,…]   (stations are
//   matched by code or by name; a name such as 定陵(对照点) also matches 定陵)
// Column names are matched case-blind. Background cells: Y/N, 是/否, true/false, yes/no, 1/0, or
// empty (= not background).

#include <cstdint>
#include <istream>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace hpa::io {

struct site_map {
  struct site {
    std::string station;  ///< the code (national list) or the station name
    std::string name;     ///< the name (national list), else empty
    std::string area;     ///< at the chosen level; empty = in no area at this level
    bool background = false;
    std::uint64_t line = 0;
  };
  std::string source;
  std::string level;               ///< the column that groups: "area", "city", "城市", …
  std::string background;          ///< the column of background sites: "background", "对照点"; empty: none
  std::vector<site> sites;         ///< in file order
  std::vector<std::string> areas;  ///< distinct non-empty areas, in byte order

  static constexpr std::size_t npos = static_cast<std::size_t>(-1);

  /// The site a station of the data is (by code or name); npos when the map does not hold it.
  /// Throws hpa::error when the name is that of several sites in different areas.
  std::size_t find(std::string_view station) const;
  /// The index of `area` in areas.
  std::size_t area_index(std::string_view area) const;
  /// The evaluation sites (not background) of each area, counted.
  std::vector<int> evaluation_sites() const;

  std::map<std::string, std::vector<std::size_t>, std::less<>> keys;  ///< station key -> sites
};

/// Reads a site map; `level` names the column that groups ("" = `area`, or 城市 in the national
/// list, or the only area column there is; "city" and "county" also find 城市 and 区县). Throws
/// hpa::error naming source, line and column.
site_map read_site_map(std::istream& in, const std::string& source, const std::string& level = {});

}  // namespace hpa::io
