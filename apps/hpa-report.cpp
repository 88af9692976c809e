// hpa-report: the post-episode assessment of §5, from the observed series and the warnings issued.
#include <fmt/format.h>

#include "hpa/io/aqi_csv.hpp"
#include "hpa/io/csv.hpp"
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

std::vector<issued_entry> read_log(const std::string& path, const profile& p) {
  auto in = tool::open_input(path);
  io::csv_reader csv(*in.stream, in.name);
  if (!csv.next()) throw error(in.name + ": empty issued log: expected station,level,issued_at,start,lift");
  std::vector<std::string> want = {"station", "level", "issued_at", "start", "lift"};
  std::vector<int> col(want.size(), -1);
  for (std::size_t i = 0; i < csv.fields().size(); ++i)
    for (std::size_t k = 0; k < want.size(); ++k)
      if (csv.fields()[i] == want[k]) col[k] = static_cast<int>(i);
  for (std::size_t k = 0; k < 4; ++k)
    if (col[k] < 0) throw error(location{in.name, 1, 0}, "missing column '" + want[k] + "' in the issued log");
  std::vector<issued_entry> log;
  while (csv.next()) {
    const auto& f = csv.fields();
    auto field = [&](std::size_t k) -> std::string_view {
      const auto c = static_cast<std::size_t>(col[k]);
      if (c >= f.size()) throw error(csv.at(c + 1), "missing field '" + want[k] + "'");
      return f[c];
    };
    auto hour = [&](std::size_t k) {
      const auto t = parse_time(field(k));
      if (!t) throw error(csv.at(static_cast<std::uint64_t>(col[k]) + 1), std::string(t.error) + ", got '" + std::string(field(k)) + "'");
      return t.hour;
    };
    const auto level = p.find_level(std::string(field(1)));
    if (!level || *level == 0) throw error(csv.at(static_cast<std::uint64_t>(col[1]) + 1), "no level '" + std::string(field(1)) + "' in profile " + p.name);
    issued_entry e{std::string(field(0)), *level, hour(2), hour(3), std::nullopt, csv.line()};
    if (col[4] >= 0 && static_cast<std::size_t>(col[4]) < f.size() && !f[static_cast<std::size_t>(col[4])].empty()) e.lift = hour(4);
    log.push_back(e);
  }
  return log;
}

}  // namespace

int main(int argc, char** argv) {
  tool::common_options o;
  std::string issued_path;
  CLI::App app;
  tool::describe(
      app, "hpa-report", "Write the post-episode assessment (§5) as Markdown.",
      "For each warning episode of an observed AQI series: the span, the highest level and the\n"
      "hours at each level, peak, lowest and mean daily AQI, and the assessment deadline (5 days\n"
      "after the lift, §5). With --issued LOG.csv (station,level,issued_at,start[,lift]: the\n"
      "warnings actually issued) it also checks each against the rules: the level, the start\n"
      "and lift hours, and the lead time achieved against the 48 h of §3.2.3; an episode with no\n"
      "warning issued, and a warning with no episode, are reported too.");
  tool::add_common(app, o);
  tool::add_threads(app, o);
  tool::add_as_of(app, o);
  app.add_option("--issued", issued_path, "CSV log of the warnings issued: station,level,issued_at,start,lift");
  return tool::run(app, argc, argv, [&] {
    const auto p = tool::load(o);
    const auto log = issued_path.empty() ? std::vector<issued_entry>{} : read_log(issued_path, p);
    auto in = tool::open_input(o.input);
    const auto table = io::read_stations<report_sink>(tool::reading(o, in), p, [](std::string_view) { return report_sink{}; });
    std::vector<bool> matched(log.size(), false);

    io::output out(o.output);
    out << fmt::format("# Heavy-pollution episodes: assessment (§5)\n\nProfile: {} ({}). Source: {}.\n", p.name, p.source, in.name);
    int count = 0;
    for (auto* st : table.sorted()) {
      for (const auto& e : st->sink.episodes) {
        ++count;
        const auto& lv = p.levels.at(e.level - 1u);
        out << fmt::format("\n## {}{}{} warning ({}预警), {} .. {}\n\n", st->name, st->name.empty() ? "" : ": ", lv.name,
                           lv.name_zh, format_time_readable(e.start), format_time_readable(e.end));
        out << "| item | value |\n|---|---|\n";
        out << fmt::format("| level, tier | {} ({}), tier {} |\n", lv.name, lv.name_zh, lv.tier);
        out << fmt::format("| in force | {} .. {} ({} h) |\n", format_time_readable(e.start), format_time_readable(e.end), e.end - e.start + 1);
        out << fmt::format("| lifted | {} |\n", e.lift ? format_time_readable(*e.lift) : "pending: " + io::pending_action(e, p));
        for (std::size_t l = p.levels.size(); l >= 1; --l) {
          hour_t hours = 0;
          for (const auto& s : e.segments)
            if (s.level == l) hours += s.to - s.from + 1;
          if (hours) out << fmt::format("| hours at {} | {} |\n", p.levels[l - 1].name, hours);
        }
        out << fmt::format("| daily AQI peak / lowest / mean | {} / {} / {} |\n", io::format_number(e.max_daily_aqi),
                           io::format_number(e.min_daily_aqi), io::format_number(e.mean_daily_aqi, 1));
        out << fmt::format("| processes merged | {} |\n", e.processes);
        out << fmt::format("| issue by (rules) | {} ({} h ahead) |\n", format_time_readable(e.issue_by), p.lead_hours);
        out << fmt::format("| assessment due | {} |\n", e.lift ? format_date(*e.lift + 5 * 24) + " (lift + 5 days)" : "5 days after the lift");
        if (log.empty()) continue;
        const issued_entry* w = nullptr;
        for (std::size_t i = 0; i < log.size(); ++i) {
          const auto& x = log[i];
          const hour_t x_end = x.lift ? *x.lift - 1 : x.start + 24 * 365;
          if (!matched[i] && x.station == st->name && x.start <= e.end && e.start <= x_end) {
            w = &x;
            matched[i] = true;
            break;
          }
        }
        if (!w) {
          out << "| issued | **no warning was issued** |\n";
          continue;
        }
        const hour_t lead = e.start - w->issued_at;
        out << fmt::format("| issued | {} at {} (log line {}) |\n", p.level_name(w->level), format_time_readable(w->issued_at), w->line);
        out << fmt::format("| level issued vs rules | {} vs {}: {} |\n", p.level_name(w->level), lv.name,
                           w->level == e.level ? "matches" : w->level < e.level ? "**too low**" : "**too high**");
        out << fmt::format("| start issued vs rules | {} vs {}: {} |\n", format_time_readable(w->start), format_time_readable(e.start),
                           w->start == e.start ? "matches" : fmt::format("**{:+} h**", w->start - e.start));
        if (w->lift && e.lift)
          out << fmt::format("| lift issued vs rules | {} vs {}: {} |\n", format_time_readable(*w->lift), format_time_readable(*e.lift),
                             *w->lift == *e.lift ? "matches" : fmt::format("**{:+} h**", *w->lift - *e.lift));
        out << fmt::format("| lead time achieved | {} h of {} h: {} |\n", lead, p.lead_hours,
                           lead >= p.lead_hours ? "on time" : fmt::format("**{} h late**", p.lead_hours - lead));
      }
    }
    if (count == 0) out << "\nNo warning episode in this series.\n";
    for (std::size_t i = 0; i < log.size(); ++i)
      if (!matched[i])
        out << fmt::format("\n**Issued with no episode under the rules**: {} {} from {} (log line {}).\n", log[i].station,
                           p.level_name(log[i].level), format_time_readable(log[i].start), log[i].line);
    out.commit();
  });
}
