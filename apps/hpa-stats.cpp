// hpa-stats: per station and period, the days by AQI category, the heavy-pollution days, the days
// and hours each warning level was in force, the episodes, the peak daily AQI and, from
// concentrations, HJ 663's annual statistics.
#include <fmt/format.h>

#include <memory>
#include <unordered_map>

#include "hpa/io/aqi_csv.hpp"
#include "hpa/io/national.hpp"
#include "hpa/io/output.hpp"
#include "hpa/io/station_table.hpp"
#include "hpa/stats.hpp"
#include "tool.hpp"

using namespace hpa;

namespace {

// Everything hpa-stats keeps of one station: its periods, and the calendar day being built from
// its hours.
struct station_data {
  explicit station_data(const station_stats& empty) : stats(empty) {}
  station_stats stats;
  daily_mean aqi_days;  // hourly AQI → calendar days
  bool any_aqi = false;
  hour_t last_aqi = 0;  // the last hour fed: a repeated row (the table warns of it) is skipped
  daily_concentrations conc_days;
  bool any_conc = false;
  hour_t last_conc = 0;
  std::uint64_t last_conc_line = 0;
};

class station_index {
 public:
  explicit station_index(station_stats empty) : empty_(std::move(empty)) {}
  station_data& at(std::string_view name) {
    if (last_ && last_name_ == name) return *last_;
    auto [it, fresh] = map_.try_emplace(std::string(name));
    if (fresh) it->second = std::make_unique<station_data>(empty_);
    last_name_ = it->first;
    return *(last_ = it->second.get());
  }
  /// The stations by name (byte order).
  std::vector<std::pair<std::string, station_data*>> sorted() const {
    std::vector<std::pair<std::string, station_data*>> v;
    for (const auto& [name, d] : map_) v.emplace_back(name, d.get());
    std::sort(v.begin(), v.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    return v;
  }
  bool basis = false;  ///< some value said what its daily AQI stands on (days_without_pm)

 private:
  station_stats empty_;
  std::unordered_map<std::string, std::unique_ptr<station_data>> map_;
  std::string last_name_;
  station_data* last_ = nullptr;
};

// A day counts when it meets the window of --since/--until.
bool in_window(const tool::filter& keep, std::int64_t day) { return keep.overlaps(day * 24, day * 24 + 23); }

// The pipeline's warnings go to the station's statistics (withheld and advisory ones put no
// warning in force), cut to the window: an episode counts when it starts in it, its hours
// in force where they fall in it.
struct stats_sink : station_sink {
  station_stats* stats = nullptr;
  const tool::filter* keep = nullptr;
  void on_episode(const episode& e) {
    if (!e.warns()) return;
    if (!keep->by_period()) return stats->add_episode(e);
    if (keep->hour(e.start)) {
      auto cut = e;
      cut.segments.clear();
      for (const auto& seg : e.segments)
        if (const auto [from, to] = keep->cut(seg.from, seg.to); from <= to) cut.segments.push_back({seg.level, from, to});
      return stats->add_episode(cut);
    }
    for (const auto& seg : e.segments)
      if (const auto [from, to] = keep->cut(seg.from, seg.to); from <= to) stats->add_warning(seg.level, from, to);
  }
};

// A calendar day of AQI into the station's statistics, when it meets the window.
auto add_day(station_data& s, const tool::filter& keep) {
  return [&s, &keep](std::int64_t d, double v, pm_basis with_pm) {
    if (in_window(keep, d)) s.stats.add_day_aqi(d, v, with_pm);
  };
}

// One row's value, as read (dust and ozone hours count: a day's category is its air, whatever the
// cause), into the station's calendar days.
void add_aqi(station_data& s, series_kind kind, const io::aqi_record& r, const profile& p, const tool::filter& keep) {
  if (s.any_aqi && r.hour <= s.last_aqi) return;  // a repeated row, the same value
  s.any_aqi = true;
  s.last_aqi = r.hour;
  const std::int64_t day = day_of(r.hour);
  const pm_basis with_pm = !r.basis ? pm_basis::unknown : (*r.basis & pm_parts) ? pm_basis::pm : pm_basis::no_pm;
  const auto add = add_day(s, keep);
  switch (kind) {
    case series_kind::hourly: s.aqi_days.push(r.hour, r.value(p), with_pm, add); break;
    case series_kind::daily: add(day, r.value(p), with_pm); break;
    case series_kind::rolling:  // the 24 h ending at 23:00 are the calendar day
      add(day, r.hour - day * 24 == 23 ? r.value(p) : no_value, with_pm);
      break;
  }
}

void read_aqi(const tool::context& cx, tool::input& in, const profile& p, station_index& stations) {
  io::aqi_reader reader(*in.stream, in.name, p, cx.warner(), cx.quiet_columns());
  const auto& keep = cx.filter();
  io::station_table<stats_sink> table(p, reader.kind(), in.name, [&](std::string_view name) {
    stats_sink s;
    s.stats = &stations.at(name).stats;
    s.keep = &keep;
    return s;
  }, cx.warner());
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
  for (auto& [name, s] : stations.sorted())
    s->aqi_days.finish(add_day(*s, keep));
}

void read_concentrations(const tool::context& cx, const std::string& path, station_index& stations) {
  auto in = cx.open(path);
  io::concentration_reader reader(*in.stream, in.name, cx.warner());
  io::measurement m;
  while (reader.next(m)) {
    auto& s = stations.at(m.station);
    if (s.any_conc && m.hour <= s.last_conc)
      throw error(location{m.source, m.line, 0}, (m.station.empty() ? std::string() : "station " + m.station + ": ") +
                                                     format_time(m.hour) + " is not after line " + std::to_string(s.last_conc_line) +
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

// ---- output: one record per station and period ----

const char* hj663_columns[] = {"pm25_mean", "pm10_mean", "so2_mean", "no2_mean", "co_p95", "o3_8h_p90"};
const char* hj663_day_columns[] = {"pm25_days", "pm10_days", "so2_days", "no2_days", "co_days", "o3_8h_days"};

struct row {
  std::string station;
  std::string label;
  period span;
  const period_stats& s;
  std::optional<bool> complete;
};

// With no concentrations read, hj663_complete is left empty rather than false.
std::vector<row> rows_of(const station_index& stations, const profile& p, bool concentrations, const tool::filter& keep) {
  std::vector<row> rows;
  for (const auto& [name, d] : stations.sorted()) {
    if (!keep.station(name)) continue;
    for (const auto& [id, s] : d->stats.periods()) {
      auto span = d->stats.span(id, s);
      // the days counted: the period's within the window
      const auto [from, to] = keep.cut(span.first_day * 24, span.last_day * 24 + 23);
      span.first_day = day_of(from);
      span.last_day = day_of(to);
      const auto complete = concentrations ? s.hj663_complete(d->stats.by(), span) : std::nullopt;
      rows.push_back({name, period_label(d->stats.by(), id, p.heating), span, s, complete});
    }
  }
  return rows;
}

std::vector<std::string> columns(const profile& p, bool basis) {
  std::vector<std::string> c = {"station", "period", "from", "to", "days_valid", "excellent_days", "good_days",
                                "light_days", "moderate_days", "heavy_days", "severe_days", "heavy_pollution_days",
                                "excellent_good_share", "peak_daily_aqi", "peak_date", "episodes", "warn_days",
                                "warn_hours"};
  c.insert(c.end(), std::begin(hj663_columns), std::end(hj663_columns));
  c.insert(c.end(), std::begin(hj663_day_columns), std::end(hj663_day_columns));
  c.emplace_back("hj663_complete");
  for (const auto& l : p.levels) {
    c.push_back("warn_" + l.name + "_days");
    c.push_back("warn_" + l.name + "_hours");
  }
  if (basis) c.emplace_back("days_without_pm");
  return c;
}

std::vector<io::field> fields(const row& r, std::size_t levels, bool basis) {
  using io::field;
  const auto& s = r.s;
  std::vector<field> f = {field::string(r.station), field::string(r.label), field::string(format_date(r.span.first_day * 24)),
                          field::string(format_date(r.span.last_day * 24)), field::integer(s.days_valid)};
  for (int c : s.category_days) f.push_back(field::integer(c));
  f.push_back(field::integer(s.heavy_pollution_days));
  f.push_back(field::number(s.excellent_good_share()));
  f.push_back(field::number(s.peak));
  f.push_back(field::string_or_null(std::isnan(s.peak) ? "" : format_date(s.peak_day * 24)));
  f.push_back(field::integer(s.episodes));
  f.push_back(field::integer(s.warning_days[0]));
  f.push_back(field::integer(s.warning_hours[0]));
  for (std::size_t i = 0; i < hj663_item_count; ++i) f.push_back(field::number(s.statistic(static_cast<hj663_item>(i))));
  for (int d : s.conc_days) f.push_back(field::integer(d));
  f.push_back(r.complete ? field::boolean(*r.complete) : field::custom("", nullptr));
  for (std::size_t l = 1; l <= levels; ++l) {
    f.push_back(field::integer(s.warning_days[l]));
    f.push_back(field::integer(s.warning_hours[l]));
  }
  if (basis) f.push_back(field::integer(s.days_without_pm));
  return f;
}

std::string text_block(const row& r, const profile& p, bool concentrations, bool basis) {
  const auto& s = r.s;
  std::string t = fmt::format("{} {} ({} .. {}): {} day{} with a daily AQI\n", r.station.empty() ? "(series)" : r.station,
                              r.label, format_date(r.span.first_day * 24), format_date(r.span.last_day * 24), s.days_valid,
                              s.days_valid == 1 ? "" : "s");
  std::string cats;
  for (std::size_t c = 0; c < 6; ++c) {
    const auto cat = category(category_lowest[c]);
    cats += fmt::format("{}{} {} {}", c ? ", " : "", cat.name_zh, cat.name_en, s.category_days[c]);
  }
  t += "  " + cats + "\n";
  t += fmt::format("  heavy-pollution days (AQI > 200) {}; 优良 (excellent or good) {}", s.heavy_pollution_days,
                   s.days_valid ? io::format_number(s.excellent_good_share()) + " %" : "-");
  t += std::isnan(s.peak) ? "\n" : fmt::format("; peak daily AQI {} on {}\n", io::format_number(s.peak), format_date(s.peak_day * 24));
  if (basis)
    t += fmt::format("  days whose daily AQI stands on neither PM2.5 nor PM10 (counted above too) {}\n", s.days_without_pm);
  t += fmt::format("  warnings: {} episode{} starting; in force {} d {} h", s.episodes, s.episodes == 1 ? "" : "s",
                   s.warning_days[0], s.warning_hours[0]);
  for (std::size_t l = 1; l <= p.levels.size(); ++l)
    t += fmt::format("{}{} {} d {} h", l == 1 ? ": " : ", ", p.levels[l - 1].name, s.warning_days[l], s.warning_hours[l]);
  t += "\n";
  if (concentrations) {
    const char* names[] = {"PM2.5", "PM10", "SO2", "NO2", "CO P95", "O3 8h P90"};
    std::string hj;
    for (std::size_t i = 0; i < hj663_item_count; ++i) {
      const double v = s.statistic(static_cast<hj663_item>(i));
      hj += fmt::format("{}{} {} ({} d)", i ? ", " : "", names[i], std::isnan(v) ? "-" : io::format_number(v), s.conc_days[i]);
    }
    t += "  HJ 663 (µg/m³, CO mg/m³): " + hj + "; " +
         (r.complete ? (*r.complete ? "complete" : "incomplete") : "no data-capture rule for this period") + "\n";
  }
  return t;
}

void write(const station_index& stations, const profile& p, io::format format, bool concentrations,
           const tool::filter& keep, io::output& out) {
  const auto rows = rows_of(stations, p, concentrations, keep);
  if (format == io::format::text) {
    for (std::size_t i = 0; i < rows.size(); ++i)
      out << (i ? "\n" : "") << text_block(rows[i], p, concentrations, stations.basis);
    if (rows.empty()) out << "no data in any period\n";
    return;
  }
  io::record_writer w(out, format, columns(p, stations.basis));
  for (const auto& r : rows) w.write(fields(r, p.levels.size(), stations.basis));
  w.finish();
}

const tool::spec spec = {
    "hpa-stats", "Count, per station and period, the days by AQI category, the heavy-pollution days and the warning days.",
    "Input: what hpa-episodes reads (hourly AQI, a daily series with a 'date' column, or the\n"
    "daily_aqi column of hpa-aqi --daily). A calendar day's AQI is the mean of its hourly AQI,\n"
    "valid with 20 of its 24 hours (HJ 663 data capture); a daily series gives its days, a\n"
    "daily_aqi column the value at 23:00. Dust and ozone hours count here: a day's category is\n"
    "its air. Per period (--by month, winter = October to March, heating-season = the\n"
    "profile's, year, all): days with a valid daily AQI, days per category (优 excellent,\n"
    "良 good, 轻度污染 light, 中度污染 moderate, 重度污染 heavy, 严重污染 severe), heavy-pollution\n"
    "days (daily AQI > 200), the share of 优良 days, the peak daily AQI, the warning episodes\n"
    "starting in the period, and the days and hours with a warning in force, in all and per\n"
    "level (a day counts for a level when that level is in force at any of its hours). A period\n"
    "between a station's first and last with no row of it is listed too, with 0 valid days.\n"
    "--concentrations FILE (hpa's long hourly CSV, as hpa-convert writes it) adds HJ 663's\n"
    "statistics, per station of the same name: the means of the daily PM2.5, PM10, SO2, NO2,\n"
    "the 95th percentile of daily CO, the 90th of the O3 daily maximum 8 h mean (HJ 663\n"
    "percentiles), the valid days of each, and whether a year or month meets HJ 663's data\n"
    "capture (324 days, 27 a month, 25 in February). CSV columns: every column up to\n"
    "hj663_complete is always there; the warn_<level>_days/_hours columns that follow are the\n"
    "profile's levels. Input that says what each daily AQI stands on (concentrations, or the\n"
    "basis column of hpa-aqi --daily) adds days_without_pm: the valid days whose daily AQI\n"
    "stands on neither PM2.5 nor PM10 (O3 alone, say), counted among the others too; a day of\n"
    "hourly AQI stands on PM when 20 of its hours do.\n"
    "Streams: memory is a few numbers per station and period (a year's daily\n"
    "CO and O3 for the percentiles).\n"
    "--since/--until count only the days that meet the window (a period's from and to are cut to\n"
    "it), the warning hours in it, and the episodes starting in it.",
    tool::takes::series | tool::takes::output | tool::takes::profile | tool::takes::as_of | tool::takes::quiet |
        tool::takes::format | tool::takes::stations | tool::takes::period,
    {io::format::csv, io::format::json, io::format::jsonl, io::format::text}};

struct args {
  tool::common common;
  std::string by = "year", concentrations;
};

void options(CLI::App& app, args& a) {
  app.add_option("--by", a.by, "month, winter, heating-season, year or all")
      ->check(CLI::IsMember({"month", "winter", "heating-season", "year", "all"}))
      ->capture_default_str();
  app.add_option("--concentrations", a.concentrations,
                 "Hourly concentrations (station,time,pm25,pm10,so2,no2,co,o3) for HJ 663's statistics");
}

int run(const args& a, tool::context& cx) {
  const auto& p = cx.profile();
  const auto& input = cx.options().inputs.front();
  if (a.concentrations == "-" && (input.empty() || input == "-"))
    throw CLI::ValidationError("--concentrations", "stdin can feed only one of the two inputs");
  station_index stations(station_stats(*parse_period_by(a.by), p.heating, p.levels.size()));
  auto in = cx.open_input();
  read_aqi(cx, in, p, stations);
  if (!a.concentrations.empty()) read_concentrations(cx, a.concentrations, stations);
  io::output out(cx.options().output);
  write(stations, p, cx.options().format, !a.concentrations.empty(), cx.filter(), out);
  out.commit();
  return 0;
}

}  // namespace

int main(int argc, char** argv) { return tool::main<args>(argc, argv, spec, options, run); }
