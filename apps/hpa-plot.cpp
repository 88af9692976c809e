// hpa-plot: the season as pictures (self-contained SVG): timeline, calendar, overview.
#include "hpa/io/issued_log.hpp"
#include "hpa/io/output.hpp"
#include "hpa/plot/input.hpp"
#include "hpa/plot/plot.hpp"
#include "tool.hpp"

using namespace hpa;
namespace plot = hpa::plot;

namespace {

// Small multiples stay readable up to this many panels; a larger file needs --station.
constexpr std::size_t max_panels = 24;

struct plot_args {
  std::vector<std::string> stations;
  std::string since, until, lang = "zh", sort = "name";
  std::string issued, decisions;  // timeline overlays
  double width = 1200;
  std::optional<double> aqi_max;   // timeline: one scale for a set of pictures
  std::string pollutant = "pm25";  // concentration
  std::string area;                // overview: hpa-area's rows, drawn above the sites
};

// --since DATE[THH:MM] is the first hour drawn, --until the last (a date: its 23:00).
std::optional<plot::period> period_of(const plot_args& a) {
  if (a.since.empty() && a.until.empty()) return std::nullopt;
  auto parse = [](const std::string& text, const char* option, bool end) {
    const auto t = parse_time(text);
    if (!t)
      throw CLI::ValidationError(option,
                                 "expected a date (2023-12-01) or an hour (2023-12-01T08:00), got '" + text + "'");
    return t.date_only && end ? t.hour + 23 : t.hour;
  };
  if (a.since.empty() || a.until.empty())
    throw CLI::ValidationError(a.since.empty() ? "--until" : "--since", "give both --since and --until, or neither");
  plot::period p{parse(a.since, "--since", false), parse(a.until, "--until", true)};
  if (p.empty()) throw CLI::ValidationError("--until", "is before --since");
  if (const auto days = plot::days_spanned(p); days > plot::max_picture_days)
    throw CLI::ValidationError("--until", std::to_string(days) + " days from --since: one picture shows at most " +
                                              std::to_string(plot::max_picture_days) + " days (20 years)");
  return p;
}

plot::language language_of(const plot_args& a) { return a.lang == "en" ? plot::language::en : plot::language::zh; }

plot::selection selection_of(const plot_args& a) { return {a.stations}; }

const tool::spec spec = {"hpa-plot", "Draw the season as a self-contained SVG: a timeline, a calendar or an overview.",
                         "timeline  per station: hourly AQI (faint), the rolling daily AQI, the profile's thresholds,\n"
                         "          the warnings in force as bands by level (issue-by marked, an open end while\n"
                         "          pending), excluded hours hatched, and strips of the condition level and the\n"
                         "          level in force; withheld (dust) and advisory (ozone) episodes outlined. Several\n"
                         "          stations share the time axis (at most 24). Overlays, each a lane under the\n"
                         "          strips: --issued LOG (station,level,issued_at,start,lift, as hpa-report reads it)\n"
                         "          the warnings actually issued, a dot at the hour each was announced;\n"
                         "          --decisions FILE (hpa-watch --replay: station,decided_at,action,from,to,\n"
                         "          effective; other columns ignored) a diamond per action at its decision hour,\n"
                         "          in the colour of the level it moves to. --aqi-max N puts the top of the AQI\n"
                         "          axis at N, so that pictures of several cities or seasons share one scale. A line\n"
                         "          under the axis names the input, the profile and the tool's version.\n"
                         "calendar  per station a month grid, each day coloured by the HJ 633 category of its AQI\n"
                         "          (its 00:00-23:00 mean, rounded up) with the value printed; days under a warning\n"
                         "          outlined in the warning's colour.\n"
                         "overview  one row per station, one column per day, coloured by the level in force;\n"
                         "          --area FILE (hpa-area's output) adds the area's own rows above its sites.\n"
                         "concentration  one pollutant (--pollutant, PM2.5 by default) from hpa's long hourly\n"
                         "          concentrations (station,time,pm25,pm10,so2,no2,co,o3): per station the hourly\n"
                         "          values, HJ 663's daily values, and the HJ 633 breakpoints of the daily value\n"
                         "          as lines in their category's colour (as openair's timePlot).\n"
                         "The picture has no script and no external file or font; the same input gives the same\n"
                         "bytes. Dates are the plan's local clock. The whole input is read (the rules need the\n"
                         "history); --since/--until choose what is drawn (give both, or neither), --station which\n"
                         "stations. Memory: the hours of the stations drawn (timeline), a few bytes per station and\n"
                         "day (calendar, overview); one picture spans at most 7305 days (20 years).",
                         tool::takes::series | tool::takes::output | tool::takes::profile | tool::takes::as_of |
                             tool::takes::threads | tool::takes::quiet | tool::takes::stations | tool::takes::period};

struct args {
  tool::common common;
  plot_args plot;
  CLI::App* timeline = nullptr;
  CLI::App* calendar = nullptr;
  CLI::App* concentration = nullptr;
};

// The stations' hours, and the input's name for the picture's source line.
std::vector<plot::station_hours> read_hours(const tool::context& cx, const plot_args& a, std::string& source) {
  auto in = cx.open_input();
  source = in.name;
  return plot::read_hours(*in.stream, in.name, cx.profile(), selection_of(a), period_of(a), max_panels, cx.warner(),
                          cx.quiet_columns());
}

std::vector<plot::station_days> read_days(const tool::context& cx, const plot_args& a) {
  auto in = cx.open_input();
  return plot::read_days(cx.reading(in), cx.profile(), selection_of(a), period_of(a));
}

// Hands the overlay's records to the stations drawn; says so when none of them is for one.
template <class T>
void overlay(tool::context& cx, std::vector<plot::station_hours>& stations, const std::vector<T>& records,
             const std::string& path) {
  if (!records.empty() && plot::attach(stations, records) == 0) cx.warn(path + ": no line is for a station drawn");
}

void write_timeline(tool::context& cx, const plot_args& a) {
  std::string source;
  auto stations = read_hours(cx, a, source);
  if (stations.empty()) throw error("no data to draw");
  plot::timeline_options o{language_of(a), a.width, period_of(a)};
  o.aqi_max = a.aqi_max;
  o.source = plot::source_line(o.lang, source, cx.profile(), "hpa-plot");
  if (!a.issued.empty()) {
    auto in = cx.open(a.issued);
    overlay(cx, stations, io::read_issued_log(*in.stream, in.name, cx.profile()), in.name);
    o.issued_lane = true;
  }
  if (!a.decisions.empty()) {
    auto in = cx.open(a.decisions);
    overlay(cx, stations, plot::read_decisions(*in.stream, in.name, cx.profile()), in.name);
    o.decisions_lane = true;
  }
  io::output out(cx.options().output);
  plot::timeline(stations, cx.profile(), o, [&](std::string_view s) { out.write(s); });
  out.commit();
}

void write_concentration(const tool::context& cx, const plot_args& a) {
  auto in = cx.open_input();
  plot::concentration_options o;
  o.lang = language_of(a);
  o.width = a.width;
  o.range = period_of(a);
  o.what = *plot::pollutant_named(a.pollutant);
  o.source = plot::source_line(o.lang, in.name, cx.profile(), "hpa-plot");
  const auto stations =
      plot::read_concentration_series(*in.stream, in.name, o.what, selection_of(a), o.range, max_panels, cx.warner());
  if (stations.empty()) throw error("no data to draw");
  io::output out(cx.options().output);
  plot::concentration_timeline(stations, o, [&](std::string_view s) { out.write(s); });
  out.commit();
}

void write_calendar(const tool::context& cx, const plot_args& a) {
  const auto stations = read_days(cx, a);
  if (stations.empty()) throw error("no data to draw");
  if (stations.size() > max_panels)
    throw error(std::to_string(stations.size()) + " stations: too many for one calendar; pick up to " +
                std::to_string(max_panels) + " with --station");
  io::output out(cx.options().output);
  plot::calendar_options co;
  co.lang = language_of(a);
  co.range = period_of(a);
  plot::calendar(stations, cx.profile(), co, [&](std::string_view s) { out.write(s); });
  out.commit();
}

void write_overview(const tool::context& cx, const plot_args& a) {
  auto stations = read_days(cx, a);
  if (stations.empty()) throw error("no data to draw");
  std::size_t areas = 0;
  if (!a.area.empty()) {  // the area's own rows first (hpa-area's output: every row of it)
    auto in = cx.open_beside(a.area, "--area");
    auto rows = plot::read_days(cx.reading(in), cx.profile(), {}, period_of(a));
    areas = rows.size();
    stations.insert(stations.begin(), std::make_move_iterator(rows.begin()), std::make_move_iterator(rows.end()));
  }
  io::output out(cx.options().output);
  plot::overview_options oo;
  oo.lang = language_of(a);
  oo.width = a.width;
  oo.range = period_of(a);
  oo.order = a.sort == "days" ? plot::overview_order::warning_days : plot::overview_order::name;
  oo.area_rows = areas;
  plot::overview(stations, cx.profile(), oo, [&](std::string_view s) { out.write(s); });
  out.commit();
}

void add_picture_options(CLI::App* sub, plot_args& a, bool width) {
  sub->fallthrough();  // the common options, the filters and the input may follow the picture's name
  sub->footer("The stations and days drawn (--station, --since, --until) and the common options: hpa-plot --help.");
  sub->add_option("--lang", a.lang, "zh or en")->check(CLI::IsMember({"zh", "en"}))->capture_default_str();
  if (width)
    sub->add_option("--width", a.width, "Width in px")->check(CLI::Range(600.0, 20000.0))->capture_default_str();
}

void options(CLI::App& app, args& a) {
  app.require_subcommand(1);
  a.timeline = app.add_subcommand("timeline", "Daily AQI, thresholds and warnings over time, per station");
  add_picture_options(a.timeline, a.plot, true);
  a.timeline->add_option("--issued", a.plot.issued, "Overlay the warnings issued: station,level,issued_at,start,lift");
  a.timeline
      ->add_option("--aqi-max", a.plot.aqi_max,
                   "Top of the AQI axis (default: the data's); the same for every picture of a set")
      ->check(CLI::Range(50.0, 1000.0));
  a.timeline->add_option(
      "--decisions", a.plot.decisions,
      "Overlay the online decisions (hpa-watch --replay): station,decided_at,action,from,to,effective");
  a.calendar = app.add_subcommand("calendar", "A month grid per station, days in their AQI category colour");
  add_picture_options(a.calendar, a.plot, false);
  a.concentration = app.add_subcommand(
      "concentration", "One pollutant's hourly and daily concentration against its HJ 633 breakpoints, per station");
  add_picture_options(a.concentration, a.plot, true);
  a.concentration->add_option("--pollutant", a.plot.pollutant, "pm25, pm10, so2, no2, co or o3")
      ->check(CLI::IsMember({"pm25", "pm10", "so2", "no2", "co", "o3"}))
      ->capture_default_str();
  auto* overview = app.add_subcommand("overview", "One row per station, one column per day, by level in force");
  add_picture_options(overview, a.plot, true);
  overview->add_option("--sort", a.plot.sort, "Row order: name, or days (most warning days first)")
      ->check(CLI::IsMember({"name", "days"}))
      ->capture_default_str();
  overview->add_option("--area", a.plot.area, "The area's own daily AQI (hpa-area's output), a row above its sites");
}

int run(const args& a, tool::context& cx) {
  auto picture = a.plot;  // the stations and the days drawn: the common filters
  picture.stations = cx.options().stations;
  picture.since = cx.options().since;
  picture.until = cx.options().until;
  if (a.timeline->parsed())
    write_timeline(cx, picture);
  else if (a.calendar->parsed())
    write_calendar(cx, picture);
  else if (a.concentration->parsed())
    write_concentration(cx, picture);
  else
    write_overview(cx, picture);
  return 0;
}

}  // namespace

int main(int argc, char** argv) { return tool::main<args>(argc, argv, spec, options, run); }
