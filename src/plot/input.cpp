#include "hpa/plot/input.hpp"

#include <algorithm>
#include <memory>
#include <unordered_map>

#include "hpa/io/csv.hpp"
#include "hpa/io/fields.hpp"
#include "hpa/io/national.hpp"
#include "hpa/io/station_table.hpp"
#include "hpa/io/utf8.hpp"
#include "hpa/stats.hpp"

namespace hpa::plot {

using namespace io;  // the readers and text helpers the pictures use

bool selection::wants(std::string_view name) const {
  return names.empty() || std::find(names.begin(), names.end(), name) != names.end();
}

namespace {

// One station drawn: its recorder, and the stretches of excluded hours read so far.
struct drawn {
  hours_recorder rec;
  std::vector<excluded_hours> excluded;
  void excluded_hour(hour_t from, hour_t to, std::string_view why) {
    if (!excluded.empty() && excluded.back().why == why && excluded.back().to + 1 >= from)
      excluded.back().to = to;
    else
      excluded.push_back({from, to, std::string(why)});
  }
};

// Forwards a station's reports to its recorder, when it is one of those drawn.
struct forward_sink : station_sink {
  std::shared_ptr<drawn> rec;
  void on_daily(hour_t t, double d, int v) {
    if (rec) rec->rec.on_daily(t, d, v);
  }
  void on_hour(hour_t h, double d, const hour_condition& c) {
    if (rec) rec->rec.on_hour(h, d, c);
  }
  void on_episode(const episode& e) {
    if (rec) rec->rec.on_episode(e);
  }
};

// The stations selected, in the order named (by name without names).
template <class T>
std::vector<T> in_order(std::vector<T> all, const selection& which, const std::string& source) {
  std::sort(all.begin(), all.end(), [](const T& a, const T& b) { return a.name < b.name; });
  if (which.names.empty()) return all;
  std::vector<T> v;
  for (const auto& n : which.names) {
    auto it = std::find_if(all.begin(), all.end(), [&](const T& x) { return x.name == n; });
    if (it == all.end()) throw error(source + ": no station named '" + n + "'");
    v.push_back(*it);
  }
  return v;
}

}  // namespace

std::vector<station_hours> read_hours(std::istream& in, const std::string& source, const profile& p,
                                      const selection& which, std::optional<period> keep, std::size_t max_stations,
                                      io::warn_fn warn, std::span<const std::string> quiet_columns) {
  aqi_reader reader(in, source, aqi_reading_of(p), warn, quiet_columns);
  std::unordered_map<std::string, std::shared_ptr<drawn>> recs;
  station_table<forward_sink> table(
      p, reader.kind(), source,
      [&](std::string_view name) {
        forward_sink s;
        if (!which.wants(name)) return s;
        if (recs.size() == max_stations)
          throw error(source + ": more than " + std::to_string(max_stations) +
                      " stations for one picture: pick the ones to draw with --station");
        s.rec = std::make_shared<drawn>(drawn{hours_recorder(std::string(name), reader.kind(), keep), {}});
        recs.emplace(std::string(name), s.rec);
        return s;
      },
      warn);
  aqi_record r;
  drawn* last = nullptr;
  std::string last_name;
  bool first = true;
  const hour_t span = reader.kind() == series_kind::daily ? 24 : 1;
  while (reader.next(r)) {
    table.feed(r);
    if (first || r.station != last_name) {
      auto it = recs.find(std::string(r.station));
      last = it == recs.end() ? nullptr : it->second.get();
      last_name = r.station;
      first = false;
    }
    if (!last) continue;
    last->rec.hourly(r.hour, r.value(p));  // the hourly AQI as read, which the pipeline does not report
    if (const auto gate = r.gate(p)) last->excluded_hour(r.hour, r.hour + span - 1, gate.why);
  }
  table.finish();
  std::vector<station_hours> out;
  for (const auto& [name, d] : recs) out.push_back(d->rec.result(d->excluded));
  return in_order(std::move(out), which, source);
}

std::vector<station_series> read_concentration_series(std::istream& in, const std::string& source, pollutant what,
                                                      const selection& which, std::optional<period> keep,
                                                      std::size_t max_stations, io::warn_fn warn) {
  concentration_reader reader(in, source, warn);
  struct building {
    station_series s;
    daily_concentrations days;
    hour_t last = 0;
  };
  std::vector<building> all;
  building* at = nullptr;
  const auto item = static_cast<std::size_t>(what);  // pollutant follows hj663_item's order
  auto kept = [&](hour_t h) { return !keep || (h >= keep->from && h <= keep->to); };
  auto add_day = [&](building& b) {
    return [&b, &kept, item](std::int64_t day, const day_concentrations& c) {
      if (!kept(day * 24 + 23) && !kept(day * 24)) return;
      const std::int64_t first_day = b.s.first >= 0 ? b.s.first / 24 : (b.s.first - 23) / 24;
      const auto i = static_cast<std::size_t>(day - first_day);
      if (b.s.daily.size() <= i) b.s.daily.resize(i + 1, no_value);
      b.s.daily[i] = c[item];
    };
  };
  measurement m;
  while (reader.next(m)) {
    if (!which.wants(m.station)) continue;
    if (!at || at->s.name != m.station) {
      if (at) at->days.finish(add_day(*at));
      auto it = std::find_if(all.begin(), all.end(), [&](const building& b) { return b.s.name == m.station; });
      if (it != all.end())
        throw error(location{m.source, m.line, 0},
                    "station " + m.station + " again: sort the rows by station and time");
      if (all.size() == max_stations)
        throw error(source + ": more than " + std::to_string(max_stations) +
                    " stations for one picture: pick the ones to draw with --station");
      all.push_back({});
      at = &all.back();
      at->s.name = m.station;
    } else if (m.hour <= at->last) {
      throw error(location{m.source, m.line, 0}, "station " + m.station + ": " + format_time(m.hour) +
                                                     " is not after the row before: sort the rows by station and time");
    }
    at->last = m.hour;
    at->days.push(m.hour, m.c, add_day(*at));
    if (!kept(m.hour)) continue;
    auto& s = at->s;
    if (s.hourly.empty()) s.first = keep ? keep->from : m.hour - (m.hour % 24 + 24) % 24;  // from the day's start
    const auto i = static_cast<std::size_t>(m.hour - s.first);
    if (m.hour - s.first >= max_picture_days * 24) refuse_span("station " + quote(s.name), {s.first, m.hour});
    if (s.hourly.size() <= i) s.hourly.resize(i + 1, no_value);
    const double values[] = {m.c.pm25, m.c.pm10, m.c.so2, m.c.no2, m.c.co, m.c.o3};
    s.hourly[i] = values[item];
  }
  if (at) at->days.finish(add_day(*at));
  std::vector<station_series> out;
  for (auto& b : all)
    if (!b.s.hourly.empty()) out.push_back(std::move(b.s));
  return in_order(std::move(out), which, source);
}

std::vector<decision_mark> read_decisions(std::istream& in, const std::string& source, const profile& p) {
  csv_reader csv(in, source);
  if (!csv.next()) throw error(source + ": empty decisions file: expected station,decided_at,action,from,to,effective");
  enum { station, decided_at, action, from, to, effective };
  static const known_column known[] = {{"station"},  {"decided_at", {"now"}}, {"action"}, {"from"}, {"to"},
                                       {"effective"}};
  const header_map h(csv, known, unknown_columns::ignore);
  for (std::size_t k : {station, decided_at, action, to})
    if (h[k] < 0) throw h.missing(known[k].name);
  std::vector<decision_mark> out;
  while (csv.next()) {
    csv.expect_fields(h.width());
    const auto& f = csv.fields();
    auto field = [&](std::size_t k) { return h[k] < 0 ? std::string_view{} : f[static_cast<std::size_t>(h[k])]; };
    auto where = [&](std::size_t k) { return csv.at(static_cast<std::uint64_t>(h[k]) + 1); };
    const auto act = field(action);
    if (act.empty() || act == "none" || act == "action") continue;  // no change, or a header again
    auto hour = [&](std::size_t k) {
      const auto t = parse_time(field(k));
      if (!t) throw error(where(k), std::string(t.error) + ", got " + quote(field(k)));
      return t.hour;
    };
    auto level = [&](std::size_t k) {
      const auto l = p.find_level(std::string(field(k)));
      if (!l) throw error(where(k), "no level " + quote(field(k)) + " in profile " + p.name);
      return *l;
    };
    check_name(field(station), where(station));
    decision_mark m{
        std::string(field(station)), hour(decided_at), std::string(act), 0, level(to), std::nullopt, csv.line()};
    if (h[from] >= 0 && !field(from).empty()) m.from = level(from);
    if (h[effective] >= 0 && !field(effective).empty()) m.effective = hour(effective);
    out.push_back(std::move(m));
  }
  return out;
}

std::vector<station_days> read_days(const read_options& o, const profile& p, const selection& which,
                                    std::optional<period> keep) {
  const auto table = read_stations<days_recorder>(o, p, [&](std::string_view name) {
    return days_recorder(std::string(name), which.wants(name) ? keep : period{});  // nothing kept of the others
  });
  std::vector<station_days> out;
  for (auto* e : table.sorted())
    if (which.wants(e->name)) out.push_back(e->sink.result());
  return in_order(std::move(out), which, o.source);
}

}  // namespace hpa::plot
