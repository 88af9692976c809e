#include "stats_reading.hpp"

#include <sstream>

#include "hpa/io/aqi_csv.hpp"
#include "hpa/io/csv.hpp"
#include "hpa/io/fields.hpp"
#include "hpa/io/input.hpp"
#include "hpa/io/national.hpp"
#include "hpa/io/station_table.hpp"

namespace hpa::tool {

namespace {

// A day counts when it meets the window of --since/--until.
bool in_window(const filter& keep, std::int64_t day) { return keep.overlaps(day * 24, day * 24 + 23); }

// The pipeline's warnings go to the station's statistics (withheld and advisory ones put no
// warning in force), cut to the window: an episode counts when it starts in it, its hours
// in force where they fall in it.
struct stats_sink : station_sink {
  station_stats* stats = nullptr;
  const filter* keep = nullptr;
  void on_episode(const episode& e) {
    if (!e.warns()) return;
    if (!keep->by_period()) return stats->add_episode(e);
    if (keep->hour(e.start)) {
      auto cut = e;
      cut.segments.clear();
      for (const auto& seg : e.segments)
        if (const auto [from, to] = keep->cut(seg.from, seg.to); from <= to)
          cut.segments.push_back({seg.level, from, to});
      return stats->add_episode(cut);
    }
    for (const auto& seg : e.segments)
      if (const auto [from, to] = keep->cut(seg.from, seg.to); from <= to) stats->add_warning(seg.level, from, to);
  }
};

// A calendar day of AQI into the station's statistics, when it meets the window.
auto add_day(station_data& s, const filter& keep) {
  return [&s, &keep](std::int64_t d, double v, pm_basis with_pm) {
    if (in_window(keep, d)) s.stats.add_day_aqi(d, v, with_pm);
  };
}

// One row's value, as read (dust and ozone hours count: a day's category is its air, whatever the
// cause), into the station's calendar days.
void add_aqi(station_data& s, series_kind kind, const io::aqi_record& r, const profile& p, const filter& keep) {
  if (s.any_aqi && r.hour <= s.last_aqi) return;  // a repeated row, the same value
  s.any_aqi = true;
  s.last_aqi = r.hour;
  const std::int64_t day = hpa::day_of(r.hour);
  const pm_basis with_pm = !r.basis ? pm_basis::unknown : (*r.basis & pm_parts) ? pm_basis::pm : pm_basis::no_pm;
  const auto add = add_day(s, keep);
  switch (kind) {
    case series_kind::hourly:
      s.aqi_days.push(r.hour, r.value(p), with_pm, add);
      break;
    case series_kind::daily:
      add(day, r.value(p), with_pm);
      break;
    case series_kind::rolling:  // the 24 h ending at 23:00 are the calendar day
      add(day, r.hour - day * 24 == 23 ? r.value(p) : no_value, with_pm);
      break;
  }
}

}  // namespace

void read_statistics(const context& cx, input& in, const profile& p, station_index& stations) {
  io::aqi_reader reader(*in.stream, in.name, aqi_reading_of(p), cx.warner(), cx.quiet_columns());
  const auto& keep = cx.filter();
  io::station_table<stats_sink> table(
      p, reader.kind(), in.name,
      [&](std::string_view name) {
        stats_sink s;
        s.stats = &stations.at(name).stats;
        s.keep = &keep;
        return s;
      },
      cx.warner());
  io::aqi_record r;
  while (reader.next(r)) {
    table.feed(r);  // checks the order and repeats first
    add_aqi(stations.at(r.station), reader.kind(), r, p, keep);
    stations.basis |= r.basis.has_value();
  }
  table.finish();
  std::vector<std::string_view> names;
  for (auto* e : table.sorted()) names.push_back(e->name);
  keep.check_stations(names, in.name);
  for (auto& [name, s] : stations.sorted()) s->aqi_days.finish(add_day(*s, keep));
}

namespace {

// Whether a concentration file is of calendar days (a date column and no time column): hpa's
// daily concentrations, or hpa-convert's daily city rows.
bool is_daily(const std::string& header_line, const std::string& source) {
  std::istringstream line(header_line);
  io::csv_reader csv(line, source);
  if (!csv.next()) return false;
  static const io::known_column date_time[] = {{"date"}, {"time"}};
  const io::header_map h(csv, date_time, io::unknown_columns::ignore);
  return h[0] >= 0 && h[1] < 0;
}

void read_daily_concentrations(const context& cx, std::istream& in, const std::string& source,
                               station_index& stations) {
  io::daily_concentration_reader reader(in, source, cx.warner());
  io::daily_concentration_row r;
  while (reader.next(r)) {
    auto& s = stations.at(r.station);
    if (s.any_conc && r.day * 24 <= s.last_conc)
      throw error(location{r.source, r.line, 0}, (r.station.empty() ? std::string() : "station " + r.station + ": ") +
                                                     format_date(r.day * 24) + " is not after line " +
                                                     std::to_string(s.last_conc_line) +
                                                     ": sort the rows by station and date, one row per day");
    s.any_conc = true;
    s.last_conc = r.day * 24;
    s.last_conc_line = r.line;
    if (in_window(cx.filter(), r.day)) s.stats.add_day_concentrations(r.day, r.values);
  }
}
}  // namespace

void read_concentration_statistics(const context& cx, const std::string& path, station_index& stations) {
  auto file = cx.open(path);
  // The header line decides the reader; the readers then read it again, before the rest.
  std::string header;
  std::getline(*file.stream, header);
  std::istringstream first(header + "\n");
  io::input_chain chain({{&first, file.name}, {file.stream, file.name}});
  if (is_daily(header, file.name)) return read_daily_concentrations(cx, chain, file.name, stations);
  io::concentration_reader reader(chain, file.name, cx.warner());
  io::measurement m;
  while (reader.next(m)) {
    auto& s = stations.at(m.station);
    if (s.any_conc && m.hour <= s.last_conc)
      throw error(location{m.source, m.line, 0}, (m.station.empty() ? std::string() : "station " + m.station + ": ") +
                                                     format_time(m.hour) + " is not after line " +
                                                     std::to_string(s.last_conc_line) +
                                                     ": sort the rows by station and time, one row per hour");
    s.any_conc = true;
    s.last_conc = m.hour;
    s.last_conc_line = m.line;
    s.conc_days.push(m.hour, m.c, [&](std::int64_t d, const day_concentrations& c) {
      if (in_window(cx.filter(), d)) s.stats.add_day_concentrations(d, c);
    });
  }
  for (auto& [name, s] : stations.sorted())
    s->conc_days.finish([&](std::int64_t d, const day_concentrations& c) {
      if (in_window(cx.filter(), d)) s->stats.add_day_concentrations(d, c);
    });
}

// With no concentrations read, hj663_complete is left empty rather than false.
std::vector<stats_row> stats_rows(const station_index& stations, const profile& p, bool concentrations,
                                  const filter& keep) {
  std::vector<stats_row> rows;
  for (const auto& [name, d] : stations.sorted()) {
    if (!keep.station(name)) continue;
    for (const auto& [id, s] : d->stats.periods()) {
      auto span = d->stats.span(id, s);
      // the days counted: the period's within the window
      const auto [from, to] = keep.cut(span.first_day * 24, span.last_day * 24 + 23);
      span.first_day = hpa::day_of(from);
      span.last_day = hpa::day_of(to);
      const auto complete = concentrations ? s.hj663_complete(d->stats.by(), span) : std::nullopt;
      rows.push_back({name, period_label(d->stats.by(), id, p.heating), span, s, complete});
    }
  }
  return rows;
}

}  // namespace hpa::tool
