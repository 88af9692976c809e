// hpa-report: the post-episode assessment of §5, from the observed series and the warnings issued.
#include <fmt/format.h>

#include <limits>

#include "hpa/directives.hpp"
#include "hpa/io/aqi_csv.hpp"
#include "hpa/io/directives.hpp"
#include "hpa/io/document.hpp"
#include "hpa/io/episode_format.hpp"
#include "hpa/io/issued_log.hpp"
#include "hpa/io/markdown.hpp"
#include "hpa/io/output.hpp"
#include "hpa/plot/input.hpp"
#include "hpa/plot/plot.hpp"
#include "report_check.hpp"
#include "season_report.hpp"
#include "tool.hpp"

using namespace hpa;
namespace plot = hpa::plot;
using io::markdown_text;  // every text from the input (names, sources, the profile's words) goes through it

namespace {

std::string level_text(const profile& p, level_t l) { return markdown_text(p.level_name(l)); }

struct report_sink : station_sink {
  std::vector<episode> episodes;
  std::vector<directive> directives;             // --directives: those naming this station
  std::vector<std::pair<hour_t, double>> daily;  // with directives: the daily AQI, for their episodes
  std::optional<hour_t> first_hour, last_hour;
  void on_hour(hour_t h, double d, const hour_condition&) {
    if (!first_hour) first_hour = h;
    last_hour = h;
    if (!directives.empty() && has_value(d)) daily.emplace_back(h, d);
  }
  void on_episode(const episode& e) {
    if (e.warns()) episodes.push_back(e);
  }
};

/// One line of the log of warnings actually issued: station,level,issued_at,start[,lift].
using io::issued_entry;
using tool::check;
using tool::match;

std::vector<issued_entry> read_log(const tool::context& cx, const std::string& path, const profile& p) {
  auto in = cx.open(path);
  return io::read_issued_log(*in.stream, in.name, p);
}

const tool::spec spec = {"hpa-report",
                         "Write the post-episode assessment (§5) as Markdown.",
                         "For each warning episode of an observed AQI series: the span, the highest level and the\n"
                         "hours at each level, peak, lowest and mean daily AQI, and the assessment deadline (5 days\n"
                         "after the lift, §5). With --issued LOG.csv (station,level,issued_at,start[,lift]: the\n"
                         "warnings actually issued) it also checks each against the rules: the level, the start\n"
                         "and lift hours, and the lead time achieved against the 48 h of §3.2.3; an episode with no\n"
                         "warning issued, and a warning with no episode, are reported too. Like diff, the exit code\n"
                         "says whether the log matches: 0 when every warning written matches the rules, 3 when one\n"
                         "does not (issued too low or too high, late, at another start or lift, for no episode, or\n"
                         "an episode with no warning issued); without --issued, 0.\n"
                         "Filters: an episode is written whole when it is in force at some hour of --since..--until\n"
                         "and its highest level reaches --level; a logged warning with no episode, when its own\n"
                         "hours and level do. The log is matched against every episode first, so a filter never\n"
                         "turns a matched warning into one with no episode.\n"
                         "With --directives FILE (received_at,level,start,end,area,source: the directives from\n"
                         "above, §3.2.2(2), §3.2.3) the episodes are those of the rules and the directives combined\n"
                         "(see hpa-episodes), each with the hours the city's own rules give and the hours on\n"
                         "instruction, and each issued warning is told as issued on the rules or on instruction.\n"
                         "--season writes instead the season's report for the bureau, in Chinese (--lang zh) or\n"
                         "English: hpa-stats' statistics of the period (--by all: days per category, heavy-pollution\n"
                         "days, warning days per level; HJ 663's values with --concentrations FILE), one table of\n"
                         "the episodes (with --issued: issued vs rules, lead achieved), hpa-plot's calendar and\n"
                         "timeline, and the findings (§5). Markdown (pictures as data: addresses), or with --html\n"
                         "one HTML page with no script and no external file, which a browser prints to PDF. It\n"
                         "reads the input three times, as each of those tools does: a file, not stdin.",
                         tool::takes::series | tool::takes::output | tool::takes::profile | tool::takes::as_of |
                             tool::takes::threads | tool::takes::quiet | tool::takes::filters,
                         {},
                         "3 the log of warnings issued differs from the rules"};

struct args {
  tool::common common;
  std::string issued;
  std::string directives;
  // --season
  bool season = false, html = false, lang_given = false;
  std::string lang = "zh", concentrations;
};

void options(CLI::App& app, args& a) {
  app.add_option("--issued", a.issued, "CSV log of the warnings issued: station,level,issued_at,start,lift");
  app.add_option("--directives", a.directives, "Directives from above: received_at,level,start,end,area,source");
  app.add_flag("--season", a.season, "Write the season report: statistics, episodes, pictures, findings");
  app.add_flag("--html", a.html, "With --season: one self-contained HTML page instead of Markdown");
  app.add_option("--lang", a.lang, "With --season: zh or en")
      ->check(CLI::IsMember({"zh", "en"}))
      ->capture_default_str()
      ->each([&a](const std::string&) { a.lang_given = true; });
  app.add_option("--concentrations", a.concentrations,
                 "With --season: hourly concentrations (station,time,pm25,...) for HJ 663's statistics");
}

// The most stations one picture of the report draws, as hpa-plot.
constexpr std::size_t max_panels = 24;

// The pictures of the season, as hpa-plot draws them: the days of the report (the window, or the
// days with data), the stations the filters keep, the warnings issued in a lane of the timeline.
void season_pictures(const args& a, tool::context& cx, const std::vector<issued_entry>& log, tool::season_content& c) {
  const auto& p = cx.profile();
  const plot::selection which{cx.options().stations};
  std::optional<plot::period> range;
  if (!c.stats.empty()) {
    std::int64_t first = c.stats.front().span.first_day, last = c.stats.front().span.last_day;
    for (const auto& r : c.stats) {
      first = std::min(first, r.span.first_day);
      last = std::max(last, r.span.last_day);
    }
    if (first <= last) range = plot::period{first * 24, last * 24 + 23};
  }
  auto hours_in = cx.open_input();
  auto hours =
      plot::read_hours(*hours_in.stream, hours_in.name, p, which, range, max_panels, cx.warner(), cx.quiet_columns());
  plot::timeline_options t{c.lang, 1200, range};
  t.source = plot::source_line(c.lang, hours_in.name, p, "hpa-report");
  if (!a.issued.empty()) {
    plot::attach(hours, log);
    t.issued_lane = true;
  }
  c.timeline = plot::timeline(hours, p, t);
  auto days_in = cx.open_input();
  const auto days = plot::read_days(cx.reading(days_in), p, which, range);
  if (days.size() > max_panels)
    throw error(std::to_string(days.size()) + " stations: too many for one calendar; pick up to " +
                std::to_string(max_panels) + " with --station");
  plot::calendar_options k;
  k.lang = c.lang;
  k.range = range;
  c.calendar = plot::calendar(days, p, k);
}

// The table of one episode: what the rules give (`against`: "rules", or "rules and directives"
// for an episode of both) and, with a log, what was issued against it.
std::string episode_table(const std::string& station, const episode& e, const check* c, const profile& p,
                          const std::string& against = "rules") {
  const auto& lv = p.levels.at(e.level - 1u);
  const auto name = markdown_text(lv.name), name_zh = markdown_text(lv.name_zh);
  std::string s =
      fmt::format("\n## {}{}{} warning ({}预警), {} .. {}\n\n", markdown_text(station), station.empty() ? "" : ": ",
                  name, name_zh, format_time_readable(e.start), format_time_readable(e.end));
  s += "| item | value |\n|---|---|\n";
  s += fmt::format("| level, tier | {} ({}), tier {} |\n", name, name_zh, markdown_text(lv.tier));
  s += fmt::format("| in force | {} .. {} ({} h) |\n", format_time_readable(e.start), format_time_readable(e.end),
                   e.end - e.start + 1);
  s += fmt::format("| lifted | {} |\n",
                   e.lift ? format_time_readable(*e.lift) : "pending: " + markdown_text(io::pending_action(e, p)));
  for (std::size_t l = p.levels.size(); l >= 1; --l) {
    hour_t hours = 0;
    for (const auto& seg : e.segments)
      if (seg.level == l) hours += seg.to - seg.from + 1;
    if (hours) s += fmt::format("| hours at {} | {} |\n", level_text(p, l), hours);
  }
  s += fmt::format("| daily AQI peak / lowest / mean | {} / {} / {} |\n", io::format_number(e.max_daily_aqi),
                   io::format_number(e.min_daily_aqi), io::format_number(e.mean_daily_aqi, 1));
  s += fmt::format("| processes merged | {} |\n", e.processes);
  if (!issued_on_instruction(e, p))
    s += fmt::format("| issue by (rules) | {} ({} h ahead) |\n", format_time_readable(e.issue_by), p.lead_hours);
  else
    s += fmt::format("| issue by (on instruction) | {} (on receipt, §3.2.3) |\n", format_time_readable(e.issue_by));
  s += fmt::format("| assessment due | {} |\n",
                   e.lift ? fmt::format("{} (lift + {} days)", format_date(*assessment_due(e, p)), p.assessment_days)
                          : fmt::format("{} days after the lift", p.assessment_days));
  if (!c) return s;
  const auto* w = c->w;
  if (!w) return s + "| issued | **no warning was issued** |\n";
  s += fmt::format("| issued | {} at {} (log line {}) |\n", level_text(p, w->level), format_time_readable(w->issued_at),
                   w->line);
  s += fmt::format("| level issued vs {} | {} vs {}: {} |\n", against, level_text(p, w->level), name,
                   c->level             ? "matches"
                   : w->level < e.level ? "**too low**"
                                        : "**too high**");
  s += fmt::format("| start issued vs {} | {} vs {}: {} |\n", against, format_time_readable(w->start),
                   format_time_readable(e.start), c->start ? "matches" : fmt::format("**{:+} h**", w->start - e.start));
  if (w->lift && e.lift)
    s +=
        fmt::format("| lift issued vs {} | {} vs {}: {} |\n", against, format_time_readable(*w->lift),
                    format_time_readable(*e.lift), c->lift ? "matches" : fmt::format("**{:+} h**", *w->lift - *e.lift));
  const hour_t ahead = e.start - e.issue_by;  // lead_hours, or less for a warning due on instruction (§3.2.3)
  s += fmt::format("| lead time achieved | {} h of {} h: {} |\n", c->lead, ahead,
                   c->on_time ? "on time" : fmt::format("**{} h late**", ahead - c->lead));
  return s;
}

// --directives: the rules and the directives combined (§3.2.2(2), §3.2.3), and what came from which.

// A station's warnings with the directives naming it, in order of start.
std::vector<directed_episode> directed_warnings(const report_sink& s, const profile& p) {
  std::vector<directed_episode> out;
  if (s.directives.empty() || !s.last_hour) {
    for (const auto& e : s.episodes) out.push_back(from_rules(e));
    return out;
  }
  auto daily_at = [&](hour_t h) {
    auto it = std::lower_bound(s.daily.begin(), s.daily.end(), std::pair<hour_t, double>{h, -1.0});
    return it != s.daily.end() && it->first == h ? it->second : no_value;
  };
  return with_directives(s.episodes, s.directives, *s.first_hour, *s.last_hour, p, daily_at);
}

std::string span_text(const episode& e, const profile& p) {
  return fmt::format("{} {} .. {}, {}", level_text(p, e.level), format_time_readable(e.start),
                     format_time_readable(e.end), e.lift ? "lifted " + format_time_readable(*e.lift) : "lift pending");
}

// How an issued warning came: on instruction when a directive was in force at its start and had
// been received by the time it was issued; on the rules when they held a warning at its start.
std::string issued_how(const issued_entry& w, const directed_episode& d, const std::vector<directive>& ds) {
  const directive* by = directive_in_force(ds, w.start);
  const bool instructed = by && by->level > 0 && by->received_at <= w.issued_at;
  const auto* part = part_at(d, std::clamp(w.start, d.e.start, d.e.end));
  const bool rules = part && part->rules > 0;
  if (instructed && rules)
    return "on instruction (" + markdown_text(by->source) + "); the city's own rules called for a warning too";
  if (instructed) return "on instruction (" + markdown_text(by->source) + "); the city's own rules gave none then";
  return rules ? "on the city's own rules" : "neither on the rules nor on instruction";
}

// The rows a directed episode adds to its table: its basis, the rules' own warnings, the
// directives, and the deadline on instruction.
std::string directive_rows(const directed_episode& d, const issued_entry* w, const std::vector<directive>& ds,
                           const profile& p) {
  const auto h = hours_by_basis(d);
  std::string s = fmt::format("| basis | {}: the city's own rules {} h, both {} h, on instruction only {} h |\n",
                              to_string(d.why), h.rules, h.both, h.directive);
  std::string own;
  for (const auto& e : d.own) own += (own.empty() ? "" : "; ") + span_text(e, p);
  s += fmt::format("| the city's own rules | {} |\n", own.empty() ? "**no warning**" : own);
  for (const auto& x : d.directed_by)
    s += fmt::format("| on instruction | {} per {}, received {}, from {}{} |\n", level_text(p, x.level),
                     markdown_text(x.source), format_time_readable(x.received_at), format_time_readable(x.start),
                     x.end ? " to " + format_time_readable(*x.end) : std::string(" (no end)"));
  if (w) s += fmt::format("| issued | {} |\n", issued_how(*w, d, ds));
  return s;
}

// The closing summary: which warnings the city's own rules give, which came on instruction.
std::string directive_summary(const std::vector<std::pair<std::string, directed_episode>>& all, const profile& p) {
  std::string s =
      "\n## The city's own rules and the instructions (§3.2.2(2), §3.2.3)\n\n"
      "| station | warning | basis | hours on the rules | hours on instruction only | documents |\n"
      "|---|---|---|---|---|---|\n";
  for (const auto& [station, d] : all) {
    const auto h = hours_by_basis(d);
    std::string docs;
    for (const auto& x : d.directed_by) docs += (docs.empty() ? "" : ", ") + markdown_text(x.source);
    s += fmt::format("| {} | {} | {} | {} | {} | {} |\n", markdown_text(station), span_text(d.e, p), to_string(d.why),
                     h.rules + h.both, h.directive, docs.empty() ? "—" : docs);
  }
  return s;
}

// An issued warning no episode matches, when a directive asked for it: issued on instruction
// (with no data for its station here), not "with no episode". Empty when no directive did.
std::string instructed_without_episode(const issued_entry& w, const std::vector<directive>& all, const profile& p) {
  const auto ds = directives_for(all, w.station);
  const directive* by = directive_in_force(ds, w.start);
  if (!by || by->level == 0 || by->received_at > w.issued_at) return {};
  return fmt::format(
      "\n**Issued on instruction** ({} asks {} from {}): {} {} from {} (log line {}); no data for it here.\n",
      markdown_text(by->source), level_text(p, by->level), format_time_readable(by->start), markdown_text(w.station),
      level_text(p, w.level), format_time_readable(w.start), w.line);
}

// A logged warning that no episode matched, when the filters keep it: its station, its level,
// its hours in force (to the end of the data without a lift).
bool kept(const tool::filter& keep, const issued_entry& x) {
  return keep.station(x.station) && keep.level(x.level) &&
         keep.overlaps(x.start, x.lift ? *x.lift - 1 : std::numeric_limits<hour_t>::max());
}

// The episodes of the rules (and the directives) that the filters keep, each with the logged
// warning it matched, and the logged warnings no episode matched that the filters keep.
struct assessment {
  struct item {
    std::string station;
    directed_episode d;
    const issued_entry* w = nullptr;
    const std::vector<directive>* directives = nullptr;  // the station's
  };
  io::station_results<report_sink> stations;
  std::vector<item> items;
  std::vector<const issued_entry*> unmatched;
};

assessment assess(tool::context& cx, tool::input& in, const std::vector<issued_entry>& log,
                  const std::vector<directive>& directives) {
  const auto& p = cx.profile();
  const auto& keep = cx.filter();
  assessment r{io::read_stations<report_sink>(cx.reading(in), p,
                                              [&](std::string_view name) {
                                                report_sink s;
                                                s.directives = directives_for(directives, name);
                                                return s;
                                              }),
               {},
               {}};
  std::vector<std::string_view> names;
  for (auto* st : r.stations.sorted()) names.push_back(st->name);
  keep.check_stations(names, in.name);
  std::vector<bool> matched(log.size(), false);
  for (auto* st : r.stations.sorted())
    for (const auto& d : directed_warnings(st->sink, p)) {
      // matched whether written or not: a warning that an episode left out covers is not one with no episode
      const auto* w = log.empty() ? nullptr : match(log, matched, st->name, d.e);
      if (keep.station(st->name) && keep.episode(d.e)) r.items.push_back({st->name, d, w, &st->sink.directives});
    }
  for (std::size_t i = 0; i < log.size(); ++i)
    if (!matched[i] && kept(keep, log[i])) r.unmatched.push_back(&log[i]);
  return r;
}

std::vector<directive> read_directives(const args& a, tool::context& cx) {
  if (a.directives.empty()) return {};
  auto d = cx.open_beside(a.directives, "--directives");
  return io::read_directives(*d.stream, d.name, cx.profile(), cx.warner());
}

// --season: the statistics, the episodes and the pictures each read the input as their own tool
// does, so the document says what hpa-stats, hpa-report and hpa-plot say.
int run_season(const args& a, tool::context& cx) {
  const auto& p = cx.profile();
  if (cx.options().inputs.front() == "-")
    throw CLI::ValidationError("--season",
                               "reads the input three times (statistics, episodes, pictures): give a file, not stdin");
  const auto log = a.issued.empty() ? std::vector<issued_entry>{} : read_log(cx, a.issued, p);
  const auto directives = read_directives(a, cx);
  auto in = cx.open_input();
  const auto found = assess(cx, in, log, directives);
  tool::season_content c;
  c.lang = a.lang == "en" ? plot::language::en : plot::language::zh;
  c.source = in.name;
  c.issued_log = a.issued;
  bool differs = false;
  for (const auto& x : found.items) {
    tool::season_episode e{x.station, x.d.e, std::nullopt};
    if (!log.empty()) {
      e.checked.emplace(x.w, x.d.e);
      differs |= !e.checked->matches();
    }
    c.episodes.push_back(std::move(e));
  }
  for (const auto* w : found.unmatched)
    if (directives.empty() || instructed_without_episode(*w, directives, p).empty()) {
      c.no_episode.push_back(w);
      differs = true;
    }
  tool::station_index stats(station_stats(period_by::all, p.heating, p.levels.size()));
  auto again = cx.open_input();
  tool::read_statistics(cx, again, p, stats);
  if (!a.concentrations.empty()) tool::read_concentration_statistics(cx, a.concentrations, stats);
  c.concentrations = !a.concentrations.empty();
  c.stats = tool::stats_rows(stats, p, c.concentrations, cx.filter());
  season_pictures(a, cx, log, c);
  const auto document = tool::season_document(c, p);
  io::output out(cx.options().output);
  out << (a.html ? io::to_html(document) : io::to_markdown(document));
  out.commit();
  return differs ? 3 : 0;
}

int run(const args& a, tool::context& cx) {
  if (a.season) return run_season(a, cx);
  if (a.html || a.lang_given || !a.concentrations.empty())
    throw CLI::ValidationError(a.html         ? "--html"
                               : a.lang_given ? "--lang"
                                              : "--concentrations",
                               "is for --season only");
  const auto& p = cx.profile();
  const auto& keep = cx.filter();
  const auto log = a.issued.empty() ? std::vector<issued_entry>{} : read_log(cx, a.issued, p);
  const auto directives = read_directives(a, cx);
  auto in = cx.open_input();
  const auto found = assess(cx, in, log, directives);
  io::output out(cx.options().output);
  out << fmt::format("# Heavy-pollution episodes: assessment (§5)\n\nProfile: {} ({}). Source: {}.\n",
                     markdown_text(p.name), markdown_text(p.source), markdown_text(in.name));
  bool differs = false;
  std::vector<std::pair<std::string, directed_episode>> directed;
  for (const auto& x : found.items) {
    const check c(x.w, x.d.e);
    differs |= !log.empty() && !c.matches();
    const check* shown = log.empty() ? nullptr : &c;
    if (a.directives.empty()) {
      out << episode_table(x.station, x.d.e, shown, p);
      continue;
    }
    out << episode_table(x.station, x.d.e, shown, p, "rules and directives") +
               directive_rows(x.d, x.w, *x.directives, p);
    directed.emplace_back(x.station, x.d);
  }
  if (found.items.empty())
    out << (keep.by_station() || keep.by_period() || keep.by_level() ? "\nNo warning episode the filters keep.\n"
                                                                     : "\nNo warning episode in this series.\n");
  if (!directed.empty()) out << directive_summary(directed, p);
  for (const auto* w : found.unmatched) {
    const auto instructed = directives.empty() ? std::string() : instructed_without_episode(*w, directives, p);
    if (!instructed.empty()) {
      out << instructed;
      continue;
    }
    differs = true;
    out << fmt::format("\n**Issued with no episode under the rules**: {} {} from {} (log line {}).\n",
                       markdown_text(w->station), level_text(p, w->level), format_time_readable(w->start), w->line);
  }
  out.commit();
  return differs ? 3 : 0;
}

}  // namespace

int main(int argc, char** argv) { return tool::main<args>(argc, argv, spec, options, run); }
