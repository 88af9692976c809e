#pragma once
// Area values from stations (HJ 663-2013, ../shared/AQI.md "Area values"): the value of an area
// (a city, a county) for an hour is, per pollutant, the arithmetic mean of that hour's valid
// concentrations at the area's evaluation sites. Background and control sites (对照点) are not
// evaluation sites and take no part. The area's AQI is computed afterwards from these means (HJ
// 633, as for a station), never as a mean of site AQIs, and its 24 h and 8 h statistics come from
// its own hourly series. Means are taken on thousandths, so they do not depend on the order in
// which the sites arrive.

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <map>
#include <span>
#include <vector>

#include "hpa/aqi.hpp"
#include "hpa/time.hpp"

namespace hpa {

/// How many valid sites a pollutant needs in an hour for the area to have a value for it: a
/// count, or a share of the area's evaluation sites (75 % of 11 sites is 9: rounded up). Never
/// fewer than one, since a mean of no values is not a value.
struct site_quorum {
  /// A share is kept in hundredths of a percent (7500 = 75 %) so that "75 % of 4" is exactly 3.
  static constexpr int share_scale = 10000;
  int count = 1;  ///< used when share == 0
  int share = 0;  ///< in hundredths of a percent, 1 … 10000; 0 = use count

  static site_quorum at_least(int n) noexcept { return {n, 0}; }
  static site_quorum percent(double p) noexcept { return {0, static_cast<int>(std::llround(p * 100))}; }

  /// The sites needed in an area of `evaluation_sites` sites.
  int needed(int evaluation_sites) const noexcept {
    const int n =
        share > 0 ? static_cast<int>((std::int64_t{share} * evaluation_sites + share_scale - 1) / share_scale) : count;
    return std::max(1, n);
  }
};

/// The pollutants that are averaged over sites, in this order in area_value::sites_with.
inline constexpr std::size_t area_pollutants = 6;  // SO2, NO2, CO, O3, PM10, PM2.5

/// One area at one hour.
struct area_value {
  /// The mean hourly concentrations (µg/m³, CO mg/m³); NaN for a pollutant with fewer valid
  /// sites than the quorum. The 24 h and 8 h fields are left NaN: they come from the area's
  /// own hourly series, not from the sites'.
  concentrations c;
  std::array<int, area_pollutants> sites_with{};  ///< valid sites per pollutant (SO2 … PM2.5)
  int sites = 0;                                  ///< evaluation sites with a valid value for at least one pollutant
};

namespace detail {
inline std::array<double, area_pollutants> hourly_values(const concentrations& c) noexcept {
  return {c.so2, c.no2, c.co, c.o3, c.pm10, c.pm25};
}
inline std::array<double*, area_pollutants> hourly_slots(concentrations& c) noexcept {
  return {&c.so2, &c.no2, &c.co, &c.o3, &c.pm10, &c.pm25};
}
}  // namespace detail

/// The sums of one area's evaluation sites at one hour, to which sites are added one by one.
class area_sum {
 public:
  /// Adds one evaluation site's hour (NaN = that pollutant missing there).
  void add(const concentrations& c) noexcept {
    const auto v = detail::hourly_values(c);
    bool any = false;
    for (std::size_t p = 0; p < area_pollutants; ++p) {
      if (std::isnan(v[p])) continue;
      sum_[p] += std::llround(v[p] * 1000);
      ++n_[p];
      any = true;
    }
    sites_ += any;
  }

  /// The area's value, each pollutant needing `needed` valid sites.
  area_value value(int needed) const noexcept {
    area_value a;
    const auto out = detail::hourly_slots(a.c);
    for (std::size_t p = 0; p < area_pollutants; ++p) {
      a.sites_with[p] = n_[p];
      if (n_[p] >= needed && n_[p] > 0) *out[p] = static_cast<double>(sum_[p]) / (1000.0 * n_[p]);
    }
    a.sites = sites_;
    return a;
  }

 private:
  std::array<std::int64_t, area_pollutants> sum_{};  // thousandths of µg/m³ (CO: of mg/m³)
  std::array<int, area_pollutants> n_{};
  int sites_ = 0;
};

/// HJ 663: the value of an area at one hour from its evaluation sites' concentrations at that
/// hour (background sites must not be among them), each pollutant needing `needed` valid sites.
inline area_value area_mean(std::span<const concentrations> sites, int needed) noexcept {
  area_sum s;
  for (const auto& c : sites) s.add(c);
  return s.value(needed);
}

/// Turns the hourly rows of many evaluation sites into the hourly values of their areas, hour by
/// hour. Sites and areas are numbered by the caller; each site belongs to one area. Each site's
/// rows must come in time order (push says when one does not); sites may be interleaved in any
/// way. An hour of an area is complete, and is handed to the sink, once every evaluation site of
/// the area has reported a later hour, or at finish(). So input ordered by time streams with a
/// window of about one hour per area, while input grouped by station holds every hour of an area
/// until its last site has been read (held() says how many area-hours wait).
///
/// Sink: `void on_area_hour(std::size_t area, hour_t hour, const area_value& v)`, called for each
/// area in time order (areas may interleave), only for hours at which some site of the area had
/// a row.
template <class Sink>
class area_series {
 public:
  /// `site_area[s]` is the area of evaluation site s; areas are 0 … area count - 1.
  area_series(std::vector<std::size_t> site_area, std::size_t areas, site_quorum quorum)
      : site_area_(std::move(site_area)), last_(site_area_.size(), no_hour), areas_(areas) {
    std::vector<int> count(areas, 0);
    for (auto a : site_area_) ++count.at(a);
    for (std::size_t a = 0; a < areas; ++a) {
      areas_[a].needed = quorum.needed(count[a]);
      areas_[a].sites_left = count[a];
    }
    for (std::size_t s = 0; s < site_area_.size(); ++s) areas_[site_area_[s]].sites.push_back(s);
  }

  /// Adds site `site`'s concentrations at hour `h`. Returns false, and adds nothing, when `h` is
  /// not after that site's previous hour (the caller reports it).
  [[nodiscard]] bool push(std::size_t site, hour_t h, const concentrations& c, Sink& out) {
    if (last_[site] != no_hour && h <= last_[site]) return false;
    auto& area = areas_[site_area_[site]];
    const bool first = last_[site] == no_hour;
    last_[site] = h;
    auto [slot, fresh] = area.pending.try_emplace(h);
    slot->second.add(c);
    held_ += fresh;
    if (first) --area.sites_left;
    if (area.sites_left == 0) flush(site_area_[site], complete_before(area), out);
    return true;
  }

  /// Hands every hour still held to the sink.
  void finish(Sink& out) {
    for (std::size_t a = 0; a < areas_.size(); ++a) flush(a, no_hour_max, out);
  }

  /// Area-hours held in memory now (sums of sites waiting for the area's other sites).
  std::size_t held() const noexcept { return held_; }

 private:
  static constexpr hour_t no_hour = std::numeric_limits<hour_t>::min();
  static constexpr hour_t no_hour_max = std::numeric_limits<hour_t>::max();

  struct area_state {
    std::vector<std::size_t> sites;
    std::map<hour_t, area_sum> pending;  // hours not yet complete
    int needed = 1;
    int sites_left = 0;  // evaluation sites not yet seen: until then no hour is complete
  };

  // Hours before the earliest "last hour" of the area's sites have every site's row.
  hour_t complete_before(const area_state& area) const {
    hour_t lo = no_hour_max;
    for (auto s : area.sites) lo = std::min(lo, last_[s]);
    return lo;
  }

  void flush(std::size_t a, hour_t before, Sink& out) {
    auto& area = areas_[a];
    auto it = area.pending.begin();
    for (; it != area.pending.end() && it->first < before; ++it) {
      out.on_area_hour(a, it->first, it->second.value(area.needed));
      --held_;
    }
    area.pending.erase(area.pending.begin(), it);
  }

  std::vector<std::size_t> site_area_;
  std::vector<hour_t> last_;
  std::vector<area_state> areas_;
  std::size_t held_ = 0;
};

}  // namespace hpa
