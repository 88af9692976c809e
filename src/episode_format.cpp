#include "hpa/io/episode_format.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "hpa/error.hpp"
#include "hpa/io/output.hpp"
#include "json_text.hpp"

namespace hpa::io {


std::string episode_rule(const episode& e, const profile& p) {
  const auto& t = e.trigger;
  if (t.level == 0) return {};
  return fmt::format("{}: {}; chain {}..{}", p.level_name(t.level), describe(t.cond), format_time(t.chain_from),
                     format_time(t.chain_to));
}

std::string pending_action(const episode& e, const profile& p) {
  if (!e.pending) return {};
  if (e.pending_seen == 0) return "lift (no improvement seen yet)";
  const auto what = e.pending_to == 0 ? std::string("lift") : "downgrade to " + p.level_name(e.pending_to);
  return fmt::format("{} ({} of {} h improvement seen)", what, e.pending_seen, p.lift_hours);
}

std::string excluded_text(const episode& e) {
  std::string s;
  for (const auto& x : e.excluded)
    s += fmt::format("{}{} {}..{}", s.empty() ? "" : "; ", x.why, format_time(x.from), format_time(x.to));
  return s;
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

const std::vector<column>& episode_columns() {
  static const std::vector<column> columns = {
      {"station"}, {"status"}, {"start"}, {"end"}, {"lift"}, {"level"}, {"level_zh", column_in::json_only},
      {"tier"}, {"issue_by"}, {"pending"}, {"pending_action", column_in::json_only}, {"processes"},
      {"hours", column_in::json_only}, {"max_daily_aqi"}, {"min_daily_aqi", column_in::json_only},
      {"mean_daily_aqi", column_in::json_only}, {"segments"}, {"rule"}, {"excluded"}};
  return columns;
}

std::vector<field> episode_fields(const std::string& station, const episode& e, const profile& p) {
  nlohmann::ordered_json segs = nlohmann::ordered_json::array();
  for (const auto& s : e.segments)
    segs.push_back({{"level", p.level_name(s.level)}, {"from", format_time(s.from)}, {"to", format_time(s.to)}});
  return {field::string(station),
          field::string(to_string(e.status)),
          field::time(e.start),
          field::time(e.end),
          field::time(e.lift),
          field::string(p.level_name(e.level)),
          field::string(p.levels.at(e.level - 1u).name_zh),
          field::string(p.level_tier(e.level)),
          field::time(e.issue_by),
          field::boolean(e.pending),
          field::string_or_null(pending_action(e, p)),
          field::integer(e.processes),
          field::integer(e.end - e.start + 1),
          field::number(e.max_daily_aqi),
          field::number(e.min_daily_aqi),
          field::number(e.mean_daily_aqi),
          field::custom(csv_field(segments_text(e, p)), std::move(segs)),
          field::string(episode_rule(e, p)),
          field::string_or_omitted(excluded_text(e))};
}

nlohmann::ordered_json episode_json(const std::string& station, const episode& e, const profile& p) {
  return json_object(episode_columns(), episode_fields(station, e, p));
}

std::string episode_csv_header() { return csv_header(episode_columns()) + "\n"; }

std::string episode_csv_row(const std::string& station, const episode& e, const profile& p) {
  return csv_row(episode_columns(), episode_fields(station, e, p)) + "\n";
}

std::string episode_text(const std::string& station, const episode& e, const profile& p) {
  const auto& lv = p.levels.at(e.level - 1u);
  const char* colon = station.empty() ? "" : ": ";
  const auto why = excluded_text(e);
  std::string s;
  if (e.status == episode_status::warning)
    s = fmt::format("{}{}{} warning ({}), tier {} response\n", station, colon, lv.name, lv.name_zh, lv.tier);
  else if (e.status == episode_status::advisory)
    s = fmt::format("{}{}health advisory instead of {} {} warning: the hours behind it were {}-driven\n", station,
                    colon, article(lv.name), lv.name, why.substr(0, why.find(' ')));
  else
    s = fmt::format("{}{}no warning: {} {} warning withheld, the hours behind it were excluded (§1.3)\n", station,
                    colon, article(lv.name), lv.name);
  if (!why.empty()) s += fmt::format("  excluded   {}\n", why);
  const bool warning = e.warns();
  s += fmt::format("  {} {} .. {} ({} h)", warning ? "in force  " : "would run ", format_time(e.start),
                   format_time(e.end), e.end - e.start + 1);
  s += e.lift ? fmt::format(", lifted {}\n", format_time(*e.lift)) : fmt::format(", pending: {}\n", pending_action(e, p));
  if (warning) s += fmt::format("  issue by   {} ({} h ahead, §3.2.3)\n", format_time(e.issue_by), p.lead_hours);
  if (e.segments.size() > 1)
    for (const auto& seg : e.segments)
      s += fmt::format("  {:<10} {} .. {}\n", p.level_name(seg.level), format_time(seg.from), format_time(seg.to));
  s += fmt::format("  peak daily AQI {}; {} process{} merged\n", format_number(e.max_daily_aqi), e.processes,
                   e.processes == 1 ? "" : "es");
  s += fmt::format("  because    {}\n", episode_rule(e, p));
  return s;
}

std::vector<episode_record> episodes_from_json(std::string_view text, const std::string& source, const profile& p) {
  const auto j = detail::parse_json(text, source);
  if (!j.is_array()) throw error(source + ": expected the JSON array of hpa-episodes --format json");
  std::vector<episode_record> out;
  for (std::size_t i = 0; i < j.size(); ++i) {
    const std::string path = source + ": /" + std::to_string(i);
    try {
      const auto& o = j[i];
      episode_record r;
      auto hour = [&](const char* key) {
        const auto s = o.at(key).get<std::string>();
        const auto t = parse_time(s);
        if (!t) throw error(path + "/" + key + ": " + t.error + ", got '" + s + "'");
        return t.hour;
      };
      auto level = [&](const std::string& name) {
        const auto l = p.find_level(name);
        if (!l || *l == 0) throw error(path + ": no level '" + name + "' in profile " + p.name);
        return *l;
      };
      auto number = [&](const char* key) {
        return o.contains(key) && o.at(key).is_number() ? o.at(key).get<double>() : no_value;
      };
      r.station = o.at("station").get<std::string>();
      const auto status = o.value("status", "warning");
      if (!from_string(status, r.e.status)) throw error(path + "/status: no status '" + status + "'");
      r.e.start = hour("start");
      r.e.end = hour("end");
      if (!o.at("lift").is_null()) r.e.lift = hour("lift");
      r.e.level = level(o.at("level").get<std::string>());
      r.e.issue_by = hour("issue_by");
      r.e.pending = o.at("pending").get<bool>();
      r.e.processes = o.value("processes", 1);
      r.e.max_daily_aqi = number("max_daily_aqi");
      r.e.min_daily_aqi = number("min_daily_aqi");
      r.e.mean_daily_aqi = number("mean_daily_aqi");
      for (const auto& s : o.at("segments")) {
        const auto from = parse_time(s.at("from").get<std::string>()), to = parse_time(s.at("to").get<std::string>());
        if (!from || !to) throw error(path + "/segments: bad time");
        r.e.segments.push_back({level(s.at("level").get<std::string>()), from.hour, to.hour});
      }
      if (r.e.segments.empty()) throw error(path + "/segments: empty");
      out.push_back(std::move(r));
    } catch (const nlohmann::json::exception& e) {
      throw error(path + ": " + detail::json_message(e));
    }
  }
  return out;
}

}  // namespace hpa::io
