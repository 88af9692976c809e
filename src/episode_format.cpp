#include "hpa/io/episode_format.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "hpa/io/output.hpp"

namespace hpa::io {


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

std::vector<std::pair<episode, episode_status>> withheld_of(const std::vector<episode>& real,
                                                            const std::vector<episode>& shadow,
                                                            const std::vector<excluded_run>& excluded,
                                                            const profile& p) {
  std::vector<std::pair<episode, episode_status>> out;
  for (const auto& w : shadow) {
    bool overlaps = false;
    for (const auto& e : real) overlaps |= e.start <= w.end && w.start <= e.end;
    if (overlaps) continue;
    episode_status st;
    bool advisory_only = true;
    std::vector<std::string> seen;
    for (const auto& x : excluded) {  // the excluded hours whose windows reach into it
      if (x.to < w.start - p.window_hours || x.from > w.end) continue;
      if (std::find(seen.begin(), seen.end(), x.why) == seen.end()) seen.push_back(x.why);
      advisory_only &= std::find(p.excluded_causes.begin(), p.excluded_causes.end(), x.why) == p.excluded_causes.end();
      st.why += fmt::format("{}{} {}..{}", st.why.empty() ? "" : "; ", x.why, format_time(x.from), format_time(x.to));
    }
    st.status = advisory_only ? "advisory" : "withheld";
    out.emplace_back(w, st);
  }
  return out;
}

namespace {
const char* article(const std::string& word) {
  return !word.empty() && std::string_view("aeiou").find(word[0]) != std::string_view::npos ? "an" : "a";
}

std::string segments_text(const episode& e, const profile& p) {
  std::string s;
  for (const auto& seg : e.segments)
    s += fmt::format("{}{} {}..{}", s.empty() ? "" : "; ", p.level_name(seg.level), format_time(seg.from),
                     format_time(seg.to));
  return s;
}
}  // namespace

nlohmann::ordered_json episode_json(const std::string& station, const episode& e, const profile& p,
                                    const rule_set& rules, const episode_status& status) {
  nlohmann::ordered_json segs = nlohmann::ordered_json::array();
  for (const auto& s : e.segments)
    segs.push_back({{"level", p.level_name(s.level)}, {"from", format_time(s.from)}, {"to", format_time(s.to)}});
  nlohmann::ordered_json j = {
      {"station", station},
      {"status", status.status},
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
  if (!status.why.empty()) j["excluded"] = status.why;
  return j;
}

std::string episode_csv_header() {
  return "station,status,start,end,lift,level,tier,issue_by,pending,processes,max_daily_aqi,segments,rule,excluded\n";
}

std::string episode_csv_row(const std::string& station, const episode& e, const profile& p,
                            const rule_set& rules, const episode_status& status) {
  return fmt::format("{},{},{},{},{},{},{},{},{},{},{},{},{},{}\n", csv_field(station), status.status, format_time(e.start),
                     format_time(e.end), e.lift ? format_time(*e.lift) : "", p.level_name(e.level),
                     p.level_tier(e.level), format_time(e.issue_by), e.pending ? "true" : "false",
                     e.processes, format_number(e.max_daily_aqi), csv_field(segments_text(e, p)),
                     csv_field(episode_rule(e, p, rules)), csv_field(status.why));
}

std::string episode_text(const std::string& station, const episode& e, const profile& p,
                         const rule_set& rules, const episode_status& status) {
  const auto& lv = p.levels.at(e.level - 1u);
  const char* colon = station.empty() ? "" : ": ";
  std::string s;
  if (status.status == "warning")
    s = fmt::format("{}{}{} warning ({}), tier {} response\n", station, colon, lv.name, lv.name_zh, lv.tier);
  else if (status.status == "advisory")
    s = fmt::format("{}{}health advisory instead of {} {} warning: the hours behind it were {}-driven\n", station,
                    colon, article(lv.name), lv.name, status.why.substr(0, status.why.find(' ')));
  else
    s = fmt::format("{}{}no warning: {} {} warning withheld, the hours behind it were excluded (§1.3)\n", station,
                    colon, article(lv.name), lv.name);
  if (!status.why.empty()) s += fmt::format("  excluded   {}\n", status.why);
  const bool warning = status.status == "warning";
  s += fmt::format("  {} {} .. {} ({} h)", warning ? "in force  " : "would run ", format_time(e.start),
                   format_time(e.end), e.end - e.start + 1);
  s += e.lift ? fmt::format(", lifted {}\n", format_time(*e.lift)) : fmt::format(", pending: {}\n", pending_action(e, p));
  if (warning) s += fmt::format("  issue by   {} ({} h ahead, §3.2.3)\n", format_time(e.issue_by), p.lead_hours);
  if (e.segments.size() > 1)
    for (const auto& seg : e.segments)
      s += fmt::format("  {:<10} {} .. {}\n", p.level_name(seg.level), format_time(seg.from), format_time(seg.to));
  s += fmt::format("  peak daily AQI {}; {} process{} merged\n", format_number(e.max_daily_aqi), e.processes,
                   e.processes == 1 ? "" : "es");
  s += fmt::format("  because    {}\n", episode_rule(e, p, rules));
  return s;
}

}  // namespace hpa::io
