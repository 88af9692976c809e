#include "hpa/io/timeline.hpp"

#include <algorithm>
#include <functional>
#include <unordered_map>

#include "hpa/io/aqi_csv.hpp"
#include "hpa/io/station_reader.hpp"  // detail::name_hash
#include "hpa/io/station_table.hpp"
#include "hpa/timeline_tail.hpp"

namespace hpa::io {

timeline read_timeline(std::istream& in, const std::string& source, const profile& p, const timeline_options& o,
                       const warn_fn& warn, std::span<const std::string> quiet_columns) {
  aqi_reader reader(in, source, aqi_reading_of(p), warn, quiet_columns);
  timeline t;
  t.source = source;
  t.kind = reader.kind();
  t.row_hours = t.kind == series_kind::daily ? 23 : 0;
  t.method = reader.method();
  // The table checks each row while the reader that the row points into still lives.
  station_table<station_sink> table(
      p, t.kind, source, [](std::string_view) { return station_sink{}; }, warn);
  struct station {
    station_timeline line;
    std::optional<hour_t> last_fed;  // the last hour the table took (a repeat of it is dropped)
    std::optional<timeline_tail> tail;
    std::optional<hour_t> warning_start;
  };
  std::vector<station> stations;
  std::unordered_map<std::string, std::size_t, detail::name_hash, std::equal_to<>> index;
  std::size_t last = 0;
  aqi_record r;
  while (reader.next(r)) {
    table.feed(r);
    if (stations.empty() || stations[last].line.name != r.station) {
      auto it = index.find(r.station);
      if (it == index.end()) {
        it = index.emplace(std::string(r.station), stations.size()).first;
        stations.push_back(
            {{std::string(r.station), {}, std::nullopt, std::nullopt}, std::nullopt, std::nullopt, std::nullopt});
        if (o.tail) {
          stations.back().tail.emplace(p, t.kind);
          if (const auto w = o.warning_starts.find(r.station); w != o.warning_starts.end())
            stations.back().warning_start = w->second;
        }
      }
      last = it->second;
    }
    auto& s = stations[last];
    const bool observed = r.from != origin::forecast;
    const hour_t end = r.hour + t.row_hours;
    t.forecast_rows += !observed;
    if (observed && (!t.last_observed || end > *t.last_observed)) t.last_observed = end;
    if (s.last_fed && r.hour <= *s.last_fed) continue;  // a repeat the table dropped
    s.last_fed = r.hour;
    if (observed && o.now && end > *o.now) {
      ++t.after_now;
      continue;
    }
    const timeline_point x{r.hour, r.gate(p) ? no_value : r.value(p)};
    if (s.tail) {
      // No decision comes before now (at least the last observed hour so far), nor for a warning before its start.
      auto decided_from = o.now ? o.now : t.last_observed;
      if (decided_from && s.warning_start) decided_from = std::min(*decided_from, *s.warning_start);
      s.tail->push(x, decided_from);
    } else {
      s.line.points.push_back(x);
    }
    if (observed) s.line.last_observed = std::max(s.line.last_observed.value_or(end), end);
  }
  table.finish();
  std::sort(stations.begin(), stations.end(),
            [](const station& a, const station& b) { return a.line.name < b.line.name; });
  t.stations.reserve(stations.size());
  for (auto& s : stations) {
    if (s.tail) {
      s.line.points = s.tail->take();
      s.line.exact_from = s.tail->exact_from();
    }
    t.stations.push_back(std::move(s.line));
  }
  return t;
}

}  // namespace hpa::io
