#include "hpa/io/episode_format.hpp"

#include <fmt/format.h>

#include "hpa/io/output.hpp"

namespace hpa::io {

std::string csv_field(const std::string& s) {
  if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
  std::string q = "\"";
  for (char c : s) q += c == '"' ? std::string("\"\"") : std::string(1, c);
  return q + '"';
}

std::string episode_rule(const episode& e, const profile& p, const rule_set& rules) {
  const auto& c = e.trigger;
  if (c.level == 0) return {};
  const int span = rules.rules().at(c.rule).span;
  return fmt::format("{}: {}; chain {}..{}", p.level_name(c.level), describe_rule(p, rules, c.rule),
                     format_time(c.chain_end - span + 1), format_time(c.chain_end));
}

std::string pending_action(const episode& e, const profile& p) {
  if (!e.pending) return {};
  if (e.pending_seen == 0) return "lift (no improvement seen yet)";
  const auto what = e.pending_to == 0 ? std::string("lift") : "downgrade to " + p.level_name(e.pending_to);
  return fmt::format("{} ({} of {} h improvement seen)", what, e.pending_seen, p.lift_hours);
}

namespace {
std::string segments_text(const episode& e, const profile& p) {
  std::string s;
  for (const auto& seg : e.segments)
    s += fmt::format("{}{} {}..{}", s.empty() ? "" : "; ", p.level_name(seg.level), format_time(seg.from),
                     format_time(seg.to));
  return s;
}
}  // namespace

nlohmann::ordered_json episode_json(const std::string& station, const episode& e, const profile& p,
                            const rule_set& rules) {
  nlohmann::ordered_json segs = nlohmann::ordered_json::array();
  for (const auto& s : e.segments)
    segs.push_back({{"level", p.level_name(s.level)}, {"from", format_time(s.from)}, {"to", format_time(s.to)}});
  nlohmann::ordered_json j = {
      {"station", station},
      {"start", format_time(e.start)},
      {"end", format_time(e.end)},
      {"lift", e.lift ? nlohmann::ordered_json(format_time(*e.lift)) : nlohmann::ordered_json(nullptr)},
      {"level", p.level_name(e.level)},
      {"level_zh", p.levels.at(e.level - 1u).name_zh},
      {"tier", p.level_tier(e.level)},
      {"issue_by", format_time(e.issue_by)},
      {"pending", e.pending},
      {"pending_action", e.pending ? nlohmann::ordered_json(pending_action(e, p)) : nlohmann::ordered_json(nullptr)},
      {"processes", e.processes},
      {"hours", e.end - e.start + 1},
      {"max_daily_aqi", has_value(e.max_daily_aqi) ? nlohmann::ordered_json(std::stod(format_number(e.max_daily_aqi)))
                                                   : nlohmann::ordered_json(nullptr)},
      {"segments", segs},
      {"rule", episode_rule(e, p, rules)},
  };
  return j;
}

std::string episode_csv_header() {
  return "station,start,end,lift,level,tier,issue_by,pending,processes,max_daily_aqi,segments,rule\n";
}

std::string episode_csv_row(const std::string& station, const episode& e, const profile& p,
                            const rule_set& rules) {
  return fmt::format("{},{},{},{},{},{},{},{},{},{},{},{}\n", csv_field(station), format_time(e.start),
                     format_time(e.end), e.lift ? format_time(*e.lift) : "", p.level_name(e.level),
                     p.level_tier(e.level), format_time(e.issue_by), e.pending ? "true" : "false",
                     e.processes, format_number(e.max_daily_aqi), csv_field(segments_text(e, p)),
                     csv_field(episode_rule(e, p, rules)));
}

std::string episode_text(const std::string& station, const episode& e, const profile& p,
                         const rule_set& rules) {
  const auto& lv = p.levels.at(e.level - 1u);
  std::string s = fmt::format("{}{} {} warning ({}), tier {} response\n", station, station.empty() ? "" : ":",
                              lv.name, lv.name_zh, lv.tier);
  s += fmt::format("  in force   {} .. {} ({} h)", format_time(e.start), format_time(e.end), e.end - e.start + 1);
  s += e.lift ? fmt::format(", lifted {}\n", format_time(*e.lift)) : fmt::format(", pending: {}\n", pending_action(e, p));
  s += fmt::format("  issue by   {} ({} h ahead, §3.2.3)\n", format_time(e.issue_by), p.lead_hours);
  if (e.segments.size() > 1)
    for (const auto& seg : e.segments)
      s += fmt::format("  {:<10} {} .. {}\n", p.level_name(seg.level), format_time(seg.from), format_time(seg.to));
  s += fmt::format("  peak daily AQI {}; {} process{} merged\n", format_number(e.max_daily_aqi), e.processes,
                   e.processes == 1 ? "" : "es");
  s += fmt::format("  because    {}\n", episode_rule(e, p, rules));
  return s;
}

}  // namespace hpa::io
