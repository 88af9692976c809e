// hpa-report: the post-episode assessment of §5, from the observed series and the warnings issued.
#include <fmt/format.h>

#include <limits>

#include "hpa/io/aqi_csv.hpp"
#include "hpa/io/csv.hpp"
#include "hpa/io/fields.hpp"
#include "hpa/io/episode_format.hpp"
#include "hpa/io/issued_log.hpp"
#include "hpa/io/output.hpp"
#include "tool.hpp"

using namespace hpa;

namespace {

struct report_sink : station_sink {
  std::vector<episode> episodes;
  void on_episode(const episode& e) {
    if (e.warns()) episodes.push_back(e);
  }
};

using io::issued_entry;

std::vector<issued_entry> read_log(const tool::context& cx, const std::string& path, const profile& p) {
  auto in = cx.open(path);
  return io::read_issued_log(*in.stream, in.name, p);
}

const tool::spec spec = {
    "hpa-report", "Write the post-episode assessment (§5) as Markdown.",
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
    "turns a matched warning into one with no episode.",
    tool::takes::input | tool::takes::output | tool::takes::profile | tool::takes::as_of | tool::takes::threads |
        tool::takes::quiet | tool::takes::filters,
    {},
    "3 the log of warnings issued differs from the rules"};

struct args {
  tool::common common;
  std::string issued;
};

void options(CLI::App& app, args& a) {
  app.add_option("--issued", a.issued, "CSV log of the warnings issued: station,level,issued_at,start,lift");
}

// The logged warning that covers episode e, if any: the first of the station's not yet matched.
const issued_entry* match(const std::vector<issued_entry>& log, std::vector<bool>& matched, const std::string& station,
                          const episode& e) {
  for (std::size_t i = 0; i < log.size(); ++i) {
    const auto& x = log[i];
    // a warning logged without its lift is in force to the end of the data
    const hour_t x_end = x.lift ? *x.lift - 1 : std::numeric_limits<hour_t>::max();
    if (!matched[i] && x.station == station && x.start <= e.end && e.start <= x_end) {
      matched[i] = true;
      return &x;
    }
  }
  return nullptr;
}

// The log against the rules for one episode.
struct check {
  const issued_entry* w = nullptr;  // none: no warning was issued
  hour_t lead = 0;                  // hours from the issue to the start
  bool level = false, start = false, lift = true, on_time = false;

  check(const issued_entry* issued, const episode& e, const profile& p) : w(issued) {
    if (!w) return;
    lead = e.start - w->issued_at;
    level = w->level == e.level;
    start = w->start == e.start;
    if (w->lift && e.lift) lift = *w->lift == *e.lift;
    on_time = lead >= p.lead_hours;
  }
  bool matches() const noexcept { return w && level && start && lift && on_time; }
};

// The table of one episode: what the rules give and, with a log, what was issued against it.
std::string episode_table(const std::string& station, const episode& e, const check* c, const profile& p) {
  const auto& lv = p.levels.at(e.level - 1u);
  std::string s = fmt::format("\n## {}{}{} warning ({}预警), {} .. {}\n\n", station, station.empty() ? "" : ": ", lv.name,
                              lv.name_zh, format_time_readable(e.start), format_time_readable(e.end));
  s += "| item | value |\n|---|---|\n";
  s += fmt::format("| level, tier | {} ({}), tier {} |\n", lv.name, lv.name_zh, lv.tier);
  s += fmt::format("| in force | {} .. {} ({} h) |\n", format_time_readable(e.start), format_time_readable(e.end), e.end - e.start + 1);
  s += fmt::format("| lifted | {} |\n", e.lift ? format_time_readable(*e.lift) : "pending: " + io::pending_action(e, p));
  for (std::size_t l = p.levels.size(); l >= 1; --l) {
    hour_t hours = 0;
    for (const auto& seg : e.segments)
      if (seg.level == l) hours += seg.to - seg.from + 1;
    if (hours) s += fmt::format("| hours at {} | {} |\n", p.levels[l - 1].name, hours);
  }
  s += fmt::format("| daily AQI peak / lowest / mean | {} / {} / {} |\n", io::format_number(e.max_daily_aqi),
                   io::format_number(e.min_daily_aqi), io::format_number(e.mean_daily_aqi, 1));
  s += fmt::format("| processes merged | {} |\n", e.processes);
  s += fmt::format("| issue by (rules) | {} ({} h ahead) |\n", format_time_readable(e.issue_by), p.lead_hours);
  s += fmt::format("| assessment due | {} |\n", e.lift ? fmt::format("{} (lift + {} days)", format_date(*e.lift + hour_t{24} * p.assessment_days), p.assessment_days)
                                                          : fmt::format("{} days after the lift", p.assessment_days));
  if (!c) return s;
  const auto* w = c->w;
  if (!w) return s + "| issued | **no warning was issued** |\n";
  s += fmt::format("| issued | {} at {} (log line {}) |\n", p.level_name(w->level), format_time_readable(w->issued_at), w->line);
  s += fmt::format("| level issued vs rules | {} vs {}: {} |\n", p.level_name(w->level), lv.name,
                   c->level ? "matches" : w->level < e.level ? "**too low**" : "**too high**");
  s += fmt::format("| start issued vs rules | {} vs {}: {} |\n", format_time_readable(w->start), format_time_readable(e.start),
                   c->start ? "matches" : fmt::format("**{:+} h**", w->start - e.start));
  if (w->lift && e.lift)
    s += fmt::format("| lift issued vs rules | {} vs {}: {} |\n", format_time_readable(*w->lift), format_time_readable(*e.lift),
                     c->lift ? "matches" : fmt::format("**{:+} h**", *w->lift - *e.lift));
  s += fmt::format("| lead time achieved | {} h of {} h: {} |\n", c->lead, p.lead_hours,
                   c->on_time ? "on time" : fmt::format("**{} h late**", p.lead_hours - c->lead));
  return s;
}

// A logged warning that no episode matched, when the filters keep it: its station, its level,
// its hours in force (to the end of the data without a lift).
bool kept(const tool::filter& keep, const issued_entry& x) {
  return keep.station(x.station) && keep.level(x.level) &&
         keep.overlaps(x.start, x.lift ? *x.lift - 1 : std::numeric_limits<hour_t>::max());
}

int run(const args& a, tool::context& cx) {
  const auto& p = cx.profile();
  const auto& keep = cx.filter();
  const auto log = a.issued.empty() ? std::vector<issued_entry>{} : read_log(cx, a.issued, p);
  auto in = cx.open_input();
  const auto t = io::read_stations<report_sink>(cx.reading(in), p, [](std::string_view) { return report_sink{}; });
  std::vector<std::string_view> names;
  for (auto* st : t.sorted()) names.push_back(st->name);
  keep.check_stations(names, in.name);
  std::vector<bool> matched(log.size(), false);
  io::output out(cx.options().output);
  out << fmt::format("# Heavy-pollution episodes: assessment (§5)\n\nProfile: {} ({}). Source: {}.\n", p.name, p.source, in.name);
  int count = 0;
  bool differs = false;
  for (auto* st : t.sorted())
    for (const auto& e : st->sink.episodes) {
      // matched whether written or not: a warning that an episode left out covers is not one with no episode
      const auto* w = log.empty() ? nullptr : match(log, matched, st->name, e);
      if (!keep.station(st->name) || !keep.episode(e)) continue;
      ++count;
      const check c(w, e, p);
      differs |= !log.empty() && !c.matches();
      out << episode_table(st->name, e, log.empty() ? nullptr : &c, p);
    }
  if (count == 0)
    out << (keep.by_station() || keep.by_period() || keep.by_level() ? "\nNo warning episode the filters keep.\n"
                                                                       : "\nNo warning episode in this series.\n");
  for (std::size_t i = 0; i < log.size(); ++i)
    if (!matched[i] && kept(keep, log[i])) {
      differs = true;
      out << fmt::format("\n**Issued with no episode under the rules**: {} {} from {} (log line {}).\n", log[i].station,
                         p.level_name(log[i].level), format_time_readable(log[i].start), log[i].line);
    }
  out.commit();
  return differs ? 3 : 0;
}

}  // namespace

int main(int argc, char** argv) { return tool::main<args>(argc, argv, spec, options, run); }
