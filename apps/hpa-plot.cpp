// hpa-plot: the season as pictures (self-contained SVG): timeline, calendar, overview.
#include "hpa/io/output.hpp"
#include "hpa/io/plot.hpp"
#include "hpa/io/plot_input.hpp"
#include "tool.hpp"

using namespace hpa;
namespace plot = hpa::io::plot;

namespace {

// Small multiples stay readable up to this many panels; a larger file needs --station.
constexpr std::size_t max_panels = 24;

struct plot_args {
  std::vector<std::string> stations;
  std::string since, until, lang = "zh", sort = "name";
  double width = 1200;
};

// --since DATE[THH:MM] is the first hour drawn, --until the last (a date: its 23:00).
std::optional<plot::period> period_of(const plot_args& a) {
  if (a.since.empty() && a.until.empty()) return std::nullopt;
  auto parse = [](const std::string& text, const char* option, bool end) {
    const auto t = parse_time(text);
    if (!t) throw CLI::ValidationError(option, "expected a date (2023-12-01) or an hour (2023-12-01T08:00), got '" + text + "'");
    return t.date_only && end ? t.hour + 23 : t.hour;
  };
  if (a.since.empty() || a.until.empty())
    throw CLI::ValidationError(a.since.empty() ? "--until" : "--since", "give both --since and --until, or neither");
  plot::period p{parse(a.since, "--since", false), parse(a.until, "--until", true)};
  if (p.empty()) throw CLI::ValidationError("--until", "is before --since");
  return p;
}

plot::language language_of(const plot_args& a) { return a.lang == "en" ? plot::language::en : plot::language::zh; }

plot::selection selection_of(const plot_args& a) { return {a.stations}; }

const tool::spec spec = {
    "hpa-plot", "Draw the season as a self-contained SVG: a timeline, a calendar or an overview.",
    "timeline  per station: hourly AQI (faint), the rolling daily AQI, the profile's thresholds,\n"
    "          the warnings in force as bands by level (issue-by marked, an open end while\n"
    "          pending), excluded hours hatched, and strips of the condition level and the\n"
    "          level in force. Several stations share the time axis (at most 24).\n"
    "calendar  per station a month grid, each day coloured by the HJ 633 category of its AQI\n"
    "          (its 00:00-23:00 mean, rounded up) with the value printed; days under a warning\n"
    "          outlined in the warning's colour.\n"
    "overview  one row per station, one column per day, coloured by the level in force.\n"
    "The picture has no script and no external file or font; the same input gives the same\n"
    "bytes. Dates are the plan's local clock. The whole input is read (the rules need the\n"
    "history); --since/--until choose what is drawn. Memory: the hours of the stations drawn\n"
    "(timeline), a few bytes per station and day (calendar, overview).",
    tool::takes::series | tool::takes::output | tool::takes::profile | tool::takes::as_of | tool::takes::threads |
        tool::takes::quiet};

struct args {
  tool::common common;
  plot_args plot;
  CLI::App* timeline = nullptr;
  CLI::App* calendar = nullptr;
};

std::vector<plot::station_hours> read_hours(const tool::context& cx, const plot_args& a) {
  auto in = cx.open_input();
  return plot::read_hours(*in.stream, in.name, cx.profile(), selection_of(a), period_of(a), max_panels, cx.warner());
}

std::vector<plot::station_days> read_days(const tool::context& cx, const plot_args& a) {
  auto in = cx.open_input();
  return plot::read_days(cx.reading(in), cx.profile(), selection_of(a), period_of(a));
}

void write_timeline(const tool::context& cx, const plot_args& a) {
  const auto stations = read_hours(cx, a);
  if (stations.empty()) throw error("no data to draw");
  io::output out(cx.options().output);
  plot::timeline(stations, cx.profile(), {language_of(a), a.width, period_of(a)}, [&](std::string_view s) { out.write(s); });
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
  const auto stations = read_days(cx, a);
  if (stations.empty()) throw error("no data to draw");
  io::output out(cx.options().output);
  plot::overview_options oo;
  oo.lang = language_of(a);
  oo.width = a.width;
  oo.range = period_of(a);
  oo.order = a.sort == "days" ? plot::overview_order::warning_days : plot::overview_order::name;
  plot::overview(stations, cx.profile(), oo, [&](std::string_view s) { out.write(s); });
  out.commit();
}

void add_picture_options(CLI::App* sub, plot_args& a, bool width) {
  sub->fallthrough();  // the common options and the input may follow the picture's name
  sub->add_option("--station", a.stations, "Draw this station (repeat for several; default: all)")->allow_extra_args(false);
  sub->add_option("--since", a.since, "First day (or hour) drawn, as 2023-12-01 or 2023-12-01T08:00");
  sub->add_option("--until", a.until, "Last day (or hour) drawn");
  sub->add_option("--lang", a.lang, "zh or en")->check(CLI::IsMember({"zh", "en"}))->capture_default_str();
  if (width) sub->add_option("--width", a.width, "Width in px")->check(CLI::Range(600.0, 20000.0))->capture_default_str();
}

void options(CLI::App& app, args& a) {
  app.require_subcommand(1);
  a.timeline = app.add_subcommand("timeline", "Daily AQI, thresholds and warnings over time, per station");
  add_picture_options(a.timeline, a.plot, true);
  a.calendar = app.add_subcommand("calendar", "A month grid per station, days in their AQI category colour");
  add_picture_options(a.calendar, a.plot, false);
  auto* overview = app.add_subcommand("overview", "One row per station, one column per day, by level in force");
  add_picture_options(overview, a.plot, true);
  overview->add_option("--sort", a.plot.sort, "Row order: name, or days (most warning days first)")
      ->check(CLI::IsMember({"name", "days"}))
      ->capture_default_str();
}

int run(const args& a, tool::context& cx) {
  if (a.timeline->parsed()) write_timeline(cx, a.plot);
  else if (a.calendar->parsed()) write_calendar(cx, a.plot);
  else write_overview(cx, a.plot);
  return 0;
}

}  // namespace

int main(int argc, char** argv) { return tool::main<args>(argc, argv, spec, options, run); }
