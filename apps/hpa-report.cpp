// hpa-report: the post-episode assessment of §5, from the observed series and the warnings issued.
#include <fmt/format.h>

#include <limits>

#include "hpa/io/aqi_csv.hpp"
#include "hpa/io/csv.hpp"
#include "hpa/io/fields.hpp"
#include "hpa/io/episode_format.hpp"
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

/// One line of the log of warnings actually issued: station,level,issued_at,start[,lift].
struct issued_entry {
  std::string station;
  level_t level;
  hour_t issued_at, start;
  std::optional<hour_t> lift;
  std::uint64_t line;
};

std::vector<issued_entry> read_log(const tool::context& cx, const std::string& path, const profile& p) {
  auto in = cx.open(path);
  io::csv_reader csv(*in.stream, in.name);
  if (!csv.next()) throw error(in.name + ": empty issued log: expected station,level,issued_at,start,lift");
  static const io::known_column known[] = {{"station"}, {"level"}, {"issued_at"}, {"start"}, {"lift"}};
  const io::header_map h(csv, known, io::unknown_columns::ignore);
  for (std::size_t k = 0; k < 4; ++k)
    if (h[k] < 0) throw error(location{in.name, 1, 0}, "missing column '" + std::string(known[k].name) + "' in the issued log");
  std::vector<issued_entry> log;
  while (csv.next()) {
    csv.expect_fields(h.width());
    const auto& f = csv.fields();
    auto field = [&](std::size_t k) { return f[static_cast<std::size_t>(h[k])]; };
    auto hour = [&](std::size_t k) {
      const auto t = parse_time(field(k));
      if (!t) throw error(csv.at(static_cast<std::uint64_t>(h[k]) + 1), std::string(t.error) + ", got '" + std::string(field(k)) + "'");
      return t.hour;
    };
    const auto level = p.find_level(std::string(field(1)));
    if (!level || *level == 0)
      throw error(csv.at(static_cast<std::uint64_t>(h[1]) + 1), "no level '" + std::string(field(1)) + "' in profile " + p.name);
    issued_entry e{std::string(field(0)), *level, hour(2), hour(3), std::nullopt, csv.line()};
    if (h[4] >= 0 && !field(4).empty()) e.lift = hour(4);
    log.push_back(e);
  }
  return log;
}

const tool::spec spec = {
    "hpa-report", "Write the post-episode assessment (§5) as Markdown.",
    "For each warning episode of an observed AQI series: the span, the highest level and the\n"
    "hours at each level, peak, lowest and mean daily AQI, and the assessment deadline (5 days\n"
    "after the lift, §5). With --issued LOG.csv (station,level,issued_at,start[,lift]: the\n"
    "warnings actually issued) it also checks each against the rules: the level, the start\n"
    "and lift hours, and the lead time achieved against the 48 h of §3.2.3; an episode with no\n"
    "warning issued, and a warning with no episode, are reported too.",
    tool::takes::series | tool::takes::output | tool::takes::profile | tool::takes::as_of | tool::takes::threads |
        tool::takes::quiet};

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

// The table of one episode: what the rules give and, with a log, what was issued against it.
std::string episode_table(const std::string& station, const episode& e, const issued_entry* w, bool with_log,
                          const profile& p) {
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
  if (!with_log) return s;
  if (!w) return s + "| issued | **no warning was issued** |\n";
  const hour_t lead = e.start - w->issued_at;
  s += fmt::format("| issued | {} at {} (log line {}) |\n", p.level_name(w->level), format_time_readable(w->issued_at), w->line);
  s += fmt::format("| level issued vs rules | {} vs {}: {} |\n", p.level_name(w->level), lv.name,
                   w->level == e.level ? "matches" : w->level < e.level ? "**too low**" : "**too high**");
  s += fmt::format("| start issued vs rules | {} vs {}: {} |\n", format_time_readable(w->start), format_time_readable(e.start),
                   w->start == e.start ? "matches" : fmt::format("**{:+} h**", w->start - e.start));
  if (w->lift && e.lift)
    s += fmt::format("| lift issued vs rules | {} vs {}: {} |\n", format_time_readable(*w->lift), format_time_readable(*e.lift),
                     *w->lift == *e.lift ? "matches" : fmt::format("**{:+} h**", *w->lift - *e.lift));
  s += fmt::format("| lead time achieved | {} h of {} h: {} |\n", lead, p.lead_hours,
                   lead >= p.lead_hours ? "on time" : fmt::format("**{} h late**", p.lead_hours - lead));
  return s;
}

int run(const args& a, tool::context& cx) {
  const auto& p = cx.profile();
  const auto log = a.issued.empty() ? std::vector<issued_entry>{} : read_log(cx, a.issued, p);
  auto in = cx.open_input();
  const auto t = io::read_stations<report_sink>(cx.reading(in), p, [](std::string_view) { return report_sink{}; });
  std::vector<bool> matched(log.size(), false);
  io::output out(cx.options().output);
  out << fmt::format("# Heavy-pollution episodes: assessment (§5)\n\nProfile: {} ({}). Source: {}.\n", p.name, p.source, in.name);
  int count = 0;
  for (auto* st : t.sorted())
    for (const auto& e : st->sink.episodes) {
      ++count;
      out << episode_table(st->name, e, log.empty() ? nullptr : match(log, matched, st->name, e), !log.empty(), p);
    }
  if (count == 0) out << "\nNo warning episode in this series.\n";
  for (std::size_t i = 0; i < log.size(); ++i)
    if (!matched[i])
      out << fmt::format("\n**Issued with no episode under the rules**: {} {} from {} (log line {}).\n", log[i].station,
                         p.level_name(log[i].level), format_time_readable(log[i].start), log[i].line);
  out.commit();
  return 0;
}

}  // namespace

int main(int argc, char** argv) { return tool::main<args>(argc, argv, spec, options, run); }
