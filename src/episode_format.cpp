#include "hpa/io/episode_format.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "hpa/error.hpp"
#include "hpa/io/output.hpp"
#include "hpa/io/utf8.hpp"
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
  static const std::vector<column> columns = {{"station"},
                                              {"profile", column_in::json_only},
                                              {"status"},
                                              {"start"},
                                              {"end"},
                                              {"lift"},
                                              {"level"},
                                              {"level_zh", column_in::json_only},
                                              {"tier"},
                                              {"issue_by"},
                                              {"pending"},
                                              {"pending_action", column_in::json_only},
                                              {"processes"},
                                              {"hours", column_in::json_only},
                                              {"max_daily_aqi"},
                                              {"min_daily_aqi", column_in::json_only},
                                              {"mean_daily_aqi", column_in::json_only},
                                              {"segments"},
                                              {"rule"},
                                              {"excluded"}};
  return columns;
}

std::vector<field> episode_fields(const std::string& station, const episode& e, const profile& p) {
  nlohmann::ordered_json segs = nlohmann::ordered_json::array();
  for (const auto& s : e.segments)
    segs.push_back({{"level", p.level_name(s.level)}, {"from", format_time(s.from)}, {"to", format_time(s.to)}});
  return {field::string(station),
          field::string(p.name),
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
  s += e.lift ? fmt::format(", lifted {}\n", format_time(*e.lift))
              : fmt::format(", pending: {}\n", pending_action(e, p));
  if (warning) s += fmt::format("  issue by   {} ({} h ahead, §3.2.3)\n", format_time(e.issue_by), p.lead_hours);
  if (e.segments.size() > 1)
    for (const auto& seg : e.segments)
      s += fmt::format("  {:<10} {} .. {}\n", p.level_name(seg.level), format_time(seg.from), format_time(seg.to));
  s += fmt::format("  peak daily AQI {}; {} process{} merged\n", format_number(e.max_daily_aqi), e.processes,
                   e.processes == 1 ? "" : "es");
  s += fmt::format("  because    {}\n", episode_rule(e, p));
  return s;
}

namespace {
// The daily AQI range and mean a notice prints: both ends or neither, in order, the mean within.
void check_daily_figures(const episode& e, const std::string& path) {
  const bool lo = has_value(e.min_daily_aqi), hi = has_value(e.max_daily_aqi), mean = has_value(e.mean_daily_aqi);
  if (lo != hi || lo != mean) {
    const char* missing = !lo ? "min_daily_aqi" : !hi ? "max_daily_aqi" : "mean_daily_aqi";
    throw error(path + "/" + missing + ": missing, where the other daily AQI figures are given");
  }
  if (!lo) return;
  if (e.min_daily_aqi > e.max_daily_aqi)
    throw error(path + "/min_daily_aqi: " + format_number(e.min_daily_aqi) + " is above max_daily_aqi " +
                format_number(e.max_daily_aqi));
  if (e.mean_daily_aqi < e.min_daily_aqi || e.mean_daily_aqi > e.max_daily_aqi)
    throw error(path + "/mean_daily_aqi: " + format_number(e.mean_daily_aqi) + " is outside min_daily_aqi.." +
                "max_daily_aqi " + format_number(e.min_daily_aqi) + ".." + format_number(e.max_daily_aqi));
}

// A segment of hpa-episodes --directives: its basis, the rules' level and the document.
template <class Level>
basis_segment basis_part(const nlohmann::json& s, const std::string& path, level_t l, hour_t from, hour_t to,
                         Level& level) {
  basis_segment b{l, from, to, basis::rules, 0, 0, {}};
  const auto why = s.at("basis").get<std::string>();
  if (!from_string(why, b.why)) throw error(path + "/segments: no basis '" + why + "' (rules, directive or both)");
  auto level_or_none = [&](const char* key) -> level_t {
    if (!s.contains(key) || s.at(key).is_null()) return 0;
    const auto name = s.at(key).get<std::string>();
    return name == "none" ? level_t{0} : level(name);
  };
  b.rules = level_or_none("rules");
  b.directed = level_or_none("directive");
  if (s.contains("source") && !s.at("source").is_null()) b.source = s.at("source").get<std::string>();
  return b;
}
}  // namespace

namespace {
nlohmann::json episodes_array(std::string_view text, const std::string& source) {
  auto j = detail::parse_json(text, source);
  if (!j.is_array())
    throw needs_step(source + ": expected a JSON array of episodes", missing_step::write_episodes_json, source);
  return j;
}

// The `profile` of episode o ("" when it names none); `path` names it in errors.
std::string profile_of(const nlohmann::json& o, const std::string& path) {
  if (!o.is_object() || !o.contains("profile")) return {};
  if (!o.at("profile").is_string())
    throw error(path + "/profile: must be a string, got " + detail::json_quote(o.at("profile")));
  return o.at("profile").get<std::string>();
}
}  // namespace

std::string episodes_profile(std::string_view text, const std::string& source) {
  const auto j = episodes_array(text, source);
  std::string name;
  std::size_t named = 0;
  for (std::size_t i = 0; i < j.size(); ++i) {
    const std::string path = source + ": /" + std::to_string(i);
    const auto own = profile_of(j[i], path);
    if (own.empty()) continue;
    if (name.empty()) {
      name = own;
      named = i;
    } else if (own != name) {
      throw error(path + "/profile: made under profile " + quote(own) + ", /" + std::to_string(named) + " under " +
                  quote(name) + ": episodes of one profile only");
    }
  }
  return name;
}

std::vector<episode_record> episodes_from_json(std::string_view text, const std::string& source, const profile& p) {
  const auto j = episodes_array(text, source);
  std::vector<episode_record> out;
  for (std::size_t i = 0; i < j.size(); ++i) {
    const std::string path = source + ": /" + std::to_string(i);
    try {
      const auto& o = j[i];
      if (const auto own = profile_of(o, path); !own.empty() && own != p.name)
        throw error(path + "/profile: made under profile " + quote(own) + ", not " + quote(p.name));
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
        if (!o.contains(key) || o.at(key).is_null()) return no_value;
        if (!o.at(key).is_number())
          throw error(path + "/" + key + ": expected a number, got " + detail::json_quote(o.at(key)));
        return o.at(key).get<double>();
      };
      // A hand-edited file can hold hours no run of the rules writes; a notice would print them as they are.
      auto check = [&](bool ok, const std::string& key, hour_t t, const char* is, hour_t other) {
        if (!ok) throw error(path + "/" + key + ": " + format_time(t) + " is " + is + " " + format_time(other));
      };
      r.station = o.at("station").get<std::string>();
      check_name(r.station, location{path + "/station"});
      const auto status = o.value("status", "warning");
      if (!from_string(status, r.e.status)) throw error(path + "/status: no status '" + status + "'");
      r.e.start = hour("start");
      r.e.end = hour("end");
      check(r.e.end >= r.e.start, "end", r.e.end, "before start", r.e.start);
      if (!o.at("lift").is_null()) r.e.lift = hour("lift");
      if (r.e.lift) check(*r.e.lift > r.e.end, "lift", *r.e.lift, "not after end", r.e.end);
      r.e.level = level(o.at("level").get<std::string>());
      r.e.issue_by = hour("issue_by");
      r.e.pending = o.at("pending").get<bool>();
      r.e.processes = o.value("processes", 1);
      r.e.max_daily_aqi = number("max_daily_aqi");
      r.e.min_daily_aqi = number("min_daily_aqi");
      r.e.mean_daily_aqi = number("mean_daily_aqi");
      check_daily_figures(r.e, path);
      const auto& segments = o.at("segments");
      for (std::size_t k = 0; k < segments.size(); ++k) {
        const auto& s = segments[k];
        const auto from = parse_time(s.at("from").get<std::string>()), to = parse_time(s.at("to").get<std::string>());
        if (!from || !to) throw error(path + "/segments: bad time");
        const auto at = "segments/" + std::to_string(k) + "/";
        check(from.hour >= r.e.start, at + "from", from.hour, "before start", r.e.start);
        if (!r.e.segments.empty())
          check(from.hour > r.e.segments.back().to, at + "from", from.hour, "not after the segment before it, to",
                r.e.segments.back().to);
        check(to.hour >= from.hour, at + "to", to.hour, "before its from", from.hour);
        check(to.hour <= r.e.end, at + "to", to.hour, "after end", r.e.end);
        const level_t l = level(s.at("level").get<std::string>());
        // with directives a level may span several segments, one per basis
        if (!r.e.segments.empty() && r.e.segments.back().level == l && r.e.segments.back().to + 1 == from.hour)
          r.e.segments.back().to = to.hour;
        else
          r.e.segments.push_back({l, from.hour, to.hour});
        if (s.contains("basis")) r.parts.push_back(basis_part(s, path, l, from.hour, to.hour, level));
      }
      if (r.e.segments.empty()) throw error(path + "/segments: empty");
      if (o.contains("basis") && !from_string(o.at("basis").get<std::string>(), r.why))
        throw error(path + "/basis: no basis " + detail::json_quote(o.at("basis")) + " (rules, directive or both)");
      out.push_back(std::move(r));
    } catch (const nlohmann::json::exception& e) {
      throw error(path + ": " + detail::json_message(e));
    }
  }
  return out;
}

// Episodes with directives.

namespace {

// The hours of directive d within the episode: its start to its end, clipped to the episode.
std::pair<hour_t, hour_t> hours_within(const directive& d, const episode& e) {
  const hour_t to = d.end ? std::min(*d.end - 1, e.end) : e.end;
  return {std::max(d.start, e.start), to};
}

std::string level_or_none(level_t l, const profile& p) { return l == 0 ? "none" : p.level_name(l); }

std::string directed_segments_text(const directed_episode& d, const profile& p) {
  std::string s;
  for (const auto& x : d.parts) {
    s += fmt::format("{}{} {}..{} {}", s.empty() ? "" : "; ", p.level_name(x.level), format_time(x.from),
                     format_time(x.to), to_string(x.why));
    if (x.why == basis::rules && !x.source.empty())
      s += fmt::format(" ({} asks {})", x.source, level_or_none(x.directed, p));
    else if (x.why != basis::rules)
      s += " " + x.source;
    if (x.why == basis::directive) s += fmt::format(" (rules {})", level_or_none(x.rules, p));
  }
  return s;
}

nlohmann::ordered_json directed_segments_json(const directed_episode& d, const profile& p) {
  auto segs = nlohmann::ordered_json::array();
  for (const auto& x : d.parts)
    segs.push_back({{"level", p.level_name(x.level)},
                    {"from", format_time(x.from)},
                    {"to", format_time(x.to)},
                    {"basis", to_string(x.why)},
                    {"rules", level_or_none(x.rules, p)},
                    {"directive", x.source.empty() ? nlohmann::ordered_json()
                                                   : nlohmann::ordered_json(level_or_none(x.directed, p))},
                    {"source", x.source.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(x.source)}});
  return segs;
}

nlohmann::ordered_json directives_json(const directed_episode& d, const profile& p) {
  auto out = nlohmann::ordered_json::array();
  for (const auto& x : d.directed_by)
    out.push_back({{"source", x.source},
                   {"level", level_or_none(x.level, p)},
                   {"received_at", format_time(x.received_at)},
                   {"start", format_time(x.start)},
                   {"end", x.end ? nlohmann::ordered_json(format_time(*x.end)) : nlohmann::ordered_json()},
                   {"area", x.area}});
  return out;
}

std::size_t column_of(const std::vector<column>& columns, std::string_view name) {
  for (std::size_t i = 0; i < columns.size(); ++i)
    if (columns[i].name == name) return i;
  throw error("no column " + std::string(name));
}

}  // namespace

std::string directed_rule(const directed_episode& d, const profile& p) {
  std::string s = episode_rule(d.e, p);
  for (const auto& x : d.directed_by) {
    const auto [from, to] = hours_within(x, d.e);
    s += fmt::format("{}directive: {} per {} (received {}) {}..{}", s.empty() ? "" : "; ", level_or_none(x.level, p),
                     x.source, format_time(x.received_at), format_time(from), format_time(to));
  }
  return s;
}

std::string directed_pending_action(const directed_episode& d, const profile& p) {
  if (!d.e.pending || d.pending_on.empty()) return pending_action(d.e, p);
  return "lift when a later directive ends " + d.pending_on + " (it has no end)";
}

const std::vector<column>& directed_episode_columns() {
  static const std::vector<column> columns = [] {
    auto c = episode_columns();
    c.insert(c.begin() + static_cast<std::ptrdiff_t>(column_of(c, "tier")) + 1, column{"basis"});
    c.push_back({"directives", column_in::json_only});
    return c;
  }();
  return columns;
}

std::vector<field> directed_episode_fields(const std::string& station, const directed_episode& d, const profile& p) {
  const auto& base = episode_columns();
  auto f = episode_fields(station, d.e, p);
  f[column_of(base, "pending_action")] =
      field::string_or_null(d.e.pending ? directed_pending_action(d, p) : std::string());
  f[column_of(base, "segments")] = field::custom(csv_field(directed_segments_text(d, p)), directed_segments_json(d, p));
  f[column_of(base, "rule")] = field::string(directed_rule(d, p));
  f.insert(f.begin() + static_cast<std::ptrdiff_t>(column_of(base, "tier")) + 1, field::string(to_string(d.why)));
  f.push_back(field::custom({}, directives_json(d, p)));
  return f;
}

std::string directed_episode_text(const std::string& station, const directed_episode& d, const profile& p) {
  const auto& e = d.e;
  if (!e.warns()) return episode_text(station, e, p);
  const auto& lv = p.levels.at(e.level - 1u);
  std::string s = fmt::format("{}{}{} warning ({}), tier {} response\n", station, station.empty() ? "" : ": ", lv.name,
                              lv.name_zh, lv.tier);
  s += fmt::format("  in force   {} .. {} ({} h)", format_time(e.start), format_time(e.end), e.end - e.start + 1);
  s += e.lift ? fmt::format(", lifted {}\n", format_time(*e.lift))
              : fmt::format(", pending: {}\n", directed_pending_action(d, p));
  const auto& first = d.parts.front();
  if (first.why == basis::directive && issued_on_instruction(e, p))
    s += fmt::format("  issue by   {} (on receipt of {}, §3.2.3)\n", format_time(e.issue_by), first.source);
  else
    s += fmt::format("  issue by   {} ({} h ahead, §3.2.3)\n", format_time(e.issue_by), p.lead_hours);
  s += fmt::format("  peak daily AQI {}; {}\n", format_number(e.max_daily_aqi),
                   e.processes == 0 ? std::string("on instruction alone")
                                    : fmt::format("{} process{} merged", e.processes, e.processes == 1 ? "" : "es"));
  if (const auto rule = episode_rule(e, p); !rule.empty()) s += fmt::format("  because    {}\n", rule);
  for (const auto& x : d.directed_by) {
    const auto [from, to] = hours_within(x, e);
    s += fmt::format("  directive  {} per {}, received {}, {} .. {}\n", level_or_none(x.level, p), x.source,
                     format_time(x.received_at), format_time(from), format_time(to));
  }
  if (std::all_of(d.parts.begin(), d.parts.end(), [](const basis_segment& x) { return x.source.empty(); }))
    return s + "  basis      rules\n";
  const auto h = hours_by_basis(d);
  s += fmt::format("  basis      {}: rules {} h, both {} h, directive {} h\n", to_string(d.why), h.rules, h.both,
                   h.directive);
  for (const auto& x : d.parts) {
    s += fmt::format("    {:<10} {:<7} {} .. {}", to_string(x.why), p.level_name(x.level), format_time(x.from),
                     format_time(x.to));
    if (x.why == basis::directive)
      s += fmt::format("  (rules: {})", level_or_none(x.rules, p));
    else if (x.why == basis::rules && !x.source.empty())
      s += fmt::format("  ({} asks {})", x.source, level_or_none(x.directed, p));
    s += "\n";
  }
  return s;
}

}  // namespace hpa::io
