// hpa-stats: per station and period, the days by AQI category, the heavy-pollution days, the days
// and hours each warning level was in force, the episodes, the peak daily AQI and, from
// concentrations, HJ 663's annual statistics.
#include <fmt/format.h>

#include "hpa/io/aqi_csv.hpp"
#include "hpa/io/national.hpp"
#include "hpa/io/output.hpp"
#include "stats_reading.hpp"
#include "tool.hpp"

using namespace hpa;
using tool::station_index;
using tool::stats_row;

namespace {

// ---- output: one record per station and period ----

const char* hj663_columns[] = {"pm25_mean", "pm10_mean", "so2_mean", "no2_mean", "co_p95", "o3_8h_p90"};
const char* hj663_day_columns[] = {"pm25_days", "pm10_days", "so2_days", "no2_days", "co_days", "o3_8h_days"};

std::vector<std::string> columns(const profile& p, bool basis) {
  std::vector<std::string> c = {"station",
                                "period",
                                "from",
                                "to",
                                "days_valid",
                                "excellent_days",
                                "good_days",
                                "light_days",
                                "moderate_days",
                                "heavy_days",
                                "severe_days",
                                "heavy_pollution_days",
                                "excellent_good_share",
                                "peak_daily_aqi",
                                "peak_date",
                                "episodes",
                                "warn_days",
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

std::vector<io::field> fields(const stats_row& r, std::size_t levels, bool basis) {
  using io::field;
  const auto& s = r.s;
  std::vector<field> f = {field::string(r.station), field::string(r.label),
                          field::string(format_date(r.span.first_day * 24)),
                          field::string(format_date(r.span.last_day * 24)), field::integer(s.days_valid)};
  for (int c : s.category_days) f.push_back(field::integer(c));
  f.push_back(field::integer(s.heavy_pollution_days));
  f.push_back(field::number(s.excellent_good_share()));
  f.push_back(field::number(s.peak));
  f.push_back(field::string_or_null(std::isnan(s.peak) ? "" : format_date(s.peak_day * 24)));
  f.push_back(field::integer(s.episodes));
  f.push_back(field::integer(s.warning_days[0]));
  f.push_back(field::integer(s.warning_hours[0]));
  for (std::size_t i = 0; i < hj663_item_count; ++i)
    f.push_back(field::number(s.statistic(static_cast<hj663_item>(i))));
  for (int d : s.conc_days) f.push_back(field::integer(d));
  f.push_back(r.complete ? field::boolean(*r.complete) : field::custom("", nullptr));
  for (std::size_t l = 1; l <= levels; ++l) {
    f.push_back(field::integer(s.warning_days[l]));
    f.push_back(field::integer(s.warning_hours[l]));
  }
  if (basis) f.push_back(field::integer(s.days_without_pm));
  return f;
}

std::string text_block(const stats_row& r, const profile& p, bool concentrations, bool basis) {
  const auto& s = r.s;
  std::string t = fmt::format("{} {} ({} .. {}): {} day{} with a daily AQI\n",
                              r.station.empty() ? "(series)" : r.station, r.label, format_date(r.span.first_day * 24),
                              format_date(r.span.last_day * 24), s.days_valid, s.days_valid == 1 ? "" : "s");
  std::string cats;
  for (std::size_t c = 0; c < 6; ++c) {
    const auto cat = category(category_lowest[c]);
    cats += fmt::format("{}{} {} {}", c ? ", " : "", cat.name_zh, cat.name_en, s.category_days[c]);
  }
  t += "  " + cats + "\n";
  t += fmt::format("  heavy-pollution days (AQI > 200) {}; 优良 (excellent or good) {}", s.heavy_pollution_days,
                   s.days_valid ? io::format_number(s.excellent_good_share()) + " %" : "-");
  t += std::isnan(s.peak)
           ? "\n"
           : fmt::format("; peak daily AQI {} on {}\n", io::format_number(s.peak), format_date(s.peak_day * 24));
  if (basis)
    t += fmt::format("  days whose daily AQI stands on neither PM2.5 nor PM10 (counted above too) {}\n",
                     s.days_without_pm);
  t += fmt::format("  warnings: {} episode{} starting; in force {} d {} h", s.episodes, s.episodes == 1 ? "" : "s",
                   s.warning_days[0], s.warning_hours[0]);
  for (std::size_t l = 1; l <= p.levels.size(); ++l)
    t += fmt::format("{}{} {} d {} h", l == 1 ? ": " : ", ", p.levels[l - 1].name, s.warning_days[l],
                     s.warning_hours[l]);
  t += "\n";
  if (concentrations) {
    const char* names[] = {"PM2.5", "PM10", "SO2", "NO2", "CO P95", "O3 8h P90"};
    std::string hj;
    for (std::size_t i = 0; i < hj663_item_count; ++i) {
      const double v = s.statistic(static_cast<hj663_item>(i));
      hj += fmt::format("{}{} {} ({} d)", i ? ", " : "", names[i], std::isnan(v) ? "-" : io::format_number(v),
                        s.conc_days[i]);
    }
    t += "  HJ 663 (µg/m³, CO mg/m³): " + hj + "; " +
         (r.complete ? (*r.complete ? "complete" : "incomplete") : "no data-capture rule for this period") + "\n";
  }
  return t;
}

void write(const station_index& stations, const profile& p, io::format format, bool concentrations,
           const tool::filter& keep, io::output& out) {
  const auto rows = tool::stats_rows(stations, p, concentrations, keep);
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
    "hpa-stats",
    "Count, per station and period, the days by AQI category, the heavy-pollution days and the warning days.",
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
    "--concentrations FILE adds HJ 663's statistics, per station of the same name, from hourly\n"
    "concentrations (hpa's long CSV, as hpa-convert and hpa-area write it) or from calendar\n"
    "days (a date column: pm25_24h, pm10_24h, so2_24h, no2_24h, co_24h, o3_8h_max, as hpa-aqi\n"
    "--daily-means writes them; hpa-convert --from daily-city's days give no O3 8 h value): the\n"
    "means of the daily PM2.5, PM10, SO2, NO2,\n"
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
  app.add_option(
      "--concentrations", a.concentrations,
      "Hourly (station,time,pm25,…) or daily (station,date,pm25_24h,…) concentrations for HJ 663's statistics");
}

int run(const args& a, tool::context& cx) {
  const auto& p = cx.profile();
  const auto& input = cx.options().inputs.front();
  if (a.concentrations == "-" && (input.empty() || input == "-"))
    throw CLI::ValidationError("--concentrations", "stdin can feed only one of the two inputs");
  station_index stations(station_stats(*parse_period_by(a.by), p.heating, p.levels.size()));
  auto in = cx.open_input();
  tool::read_statistics(cx, in, p, stations);
  if (!a.concentrations.empty()) tool::read_concentration_statistics(cx, a.concentrations, stations);
  io::output out(cx.options().output);
  write(stations, p, cx.options().format, !a.concentrations.empty(), cx.filter(), out);
  out.commit();
  return 0;
}

}  // namespace

int main(int argc, char** argv) { return tool::main<args>(argc, argv, spec, options, run); }
