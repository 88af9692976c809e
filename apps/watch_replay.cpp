// hpa-watch --replay: the decision at every hour of a past season from a fresh state, as a cron
// job would have taken it, each action with the hour it was decided at; or, with --summary, one
// row per station against the episodes of the whole season (RULES.md §9's test).
#include <fmt/format.h>

#include <algorithm>

#include "hpa/io/output.hpp"
#include "hpa/watch_replay.hpp"
#include "watch_tool.hpp"

namespace hpa::watch_tool {
namespace {

// --replay FROM..TO: dates (a day from 00:00 to 23:00) or hours; an empty end is the file's.
struct span_option {
  std::optional<hour_t> from, to;
};

span_option replay_span(const std::string& text) {
  const auto dots = text.find("..");
  if (dots == std::string::npos)
    throw CLI::ValidationError("--replay", "expected FROM..TO, as 2016-12-01..2017-01-15, got '" + text + "'");
  auto end = [&](const std::string& s, bool to) -> std::optional<hour_t> {
    if (s.empty()) return std::nullopt;
    const auto t = parse_time(s);
    if (!t)
      throw CLI::ValidationError("--replay", "expected a date or an hour such as 2016-12-01T08:00, got '" + s + "'");
    return t.hour + (t.date_only && to ? 23 : 0);
  };
  const span_option s{end(text.substr(0, dots), false), end(text.substr(dots + 2), true)};
  if (s.from && s.to && *s.to < *s.from)
    throw CLI::ValidationError("--replay", "the span ends before it starts: '" + text + "'");
  return s;
}

struct station_replay {
  std::string station;
  std::vector<replay_action> actions;
  replay_summary summary;
  std::vector<directed_replay_action> directed;  // with --directives: the same actions with their basis
};

std::vector<station_replay> replay_all(const std::vector<io::station_timeline>& stations, series_kind kind,
                                       const replay_options& o, const std::vector<directive>& directives,
                                       const forecast_books& books, const profile& p) {
  std::vector<station_replay> out;
  const forecast_book none;  // --forecasts without this station: no forecast at any hour
  for (const auto& in : stations) {
    const std::string& name = in.name;
    const auto ds = directives_for(directives, name);
    auto with = o;
    if (!books.empty()) with.forecasts = book_of(books, name) ? book_of(books, name) : &none;
    auto run = replay_season(in.points, kind, with, p, ds);
    const auto hindsight = hindsight_episodes(in.points, kind, p, ds);
    auto summary = compare_with_hindsight(run, hindsight, o);
    auto actions = plain_actions(run.actions);
    std::vector<directed_replay_action> directed;
    if (!ds.empty()) directed = std::move(run.actions);
    out.push_back({name, std::move(actions), std::move(summary), std::move(directed)});
  }
  return out;
}

// The basis and document of a replayed action (the rules' without directives for its station).
std::pair<basis, std::string> basis_of(const station_replay& s, std::size_t i) {
  if (s.directed.empty()) return {basis::rules, {}};
  return {s.directed[i].why, s.directed[i].source};
}

bool contradicted(const replay_summary& s, const replay_action& a) {
  for (const auto& c : s.contradictions)
    if (c.decided_at == a.decided_at && c.action.kind == a.action.kind && c.action.effective == a.action.effective)
      return true;
  return false;
}

void write_replay_actions(const std::vector<station_replay>& all, const profile& p, io::output& out, io::format f,
                          bool directed) {
  using io::field;
  if (f == io::format::text) {
    for (const auto& s : all)
      for (std::size_t i = 0; i < s.actions.size(); ++i) {
        const auto& r = s.actions[i];
        const auto& a = r.action;
        std::string line = fmt::format("{}{}{}: {} {} -> {}, effective {}", s.station, s.station.empty() ? "" : " at ",
                                       format_time(r.decided_at), to_string(a.kind), p.level_name(a.from),
                                       p.level_name(a.to), format_time(a.effective));
        if (a.replaces) line += " (in place of " + format_time(*a.replaces) + ")";
        if (a.deadline && a.late_hours > 0) line += fmt::format("; {} h late", a.late_hours);
        if (directed) {
          const auto [why, source] = basis_of(s, i);
          line += fmt::format("; basis {}{}", to_string(why), source.empty() ? "" : " (" + source + ")");
        }
        if (contradicted(s.summary, r)) line += "; CONTRADICTED by hindsight";
        out << line << "\n";
      }
    return;
  }
  std::vector<std::string> columns = {"station",    "decided_at", "action",        "from",
                                      "to",         "effective",  "replaces",      "issue_by",
                                      "late_hours", "override",   "warning_start", "contradicted"};
  if (directed) columns.insert(columns.begin() + 5, {"basis", "source"});
  io::record_writer rows(out, f, columns);
  for (const auto& s : all)
    for (std::size_t i = 0; i < s.actions.size(); ++i) {
      const auto& r = s.actions[i];
      const auto& a = r.action;
      std::vector<field> row = {field::string(s.station),
                                field::time(r.decided_at),
                                field::string(to_string(a.kind)),
                                field::string(p.level_name(a.from)),
                                field::string(p.level_name(a.to)),
                                field::time(a.effective),
                                field::time(a.replaces),
                                field::time(a.deadline),
                                a.deadline ? field::integer(a.late_hours) : field::number(no_value),
                                field::boolean(a.monitoring_override),
                                field::time(r.warning_start),
                                field::boolean(contradicted(s.summary, r))};
      if (directed) {
        const auto [why, source] = basis_of(s, i);
        row.insert(row.begin() + 5, {field::string(to_string(why)), field::string_or_null(source)});
      }
      rows.write(row);
    }
  rows.finish();
}

std::optional<int> median_of(const std::vector<int>& v) { return median_hours(v); }

// The columns of a summary row: the counts, then the median lags (none: no episode to measure).
// Then the site-hours against hindsight (RULES.md §9's test) and the notices a bureau gave.
const std::vector<std::string> summary_columns = {
    "station",       "episodes",     "issues",       "upgrades",       "downgrades",  "lifts",
    "announcements", "updates",      "reschedules",  "notices",        "per_episode", "reported_missed",
    "unannounced",   "contradicted", "issued_twice", "missed",         "issue_lag_h", "lift_lag_h",
    "hours_same",    "hours_above",  "hours_below",  "longest_above_h"};

// The values of a summary row; notices per episode with one decimal, the rest whole numbers.
std::vector<io::field> summary_values(const replay_summary& s) {
  std::vector<io::field> out;
  auto whole = [&](std::optional<int> v) { out.push_back(v ? io::field::integer(*v) : io::field::number(no_value)); };
  for (const auto v : {s.episodes, s.issues, s.upgrades, s.downgrades, s.lifts, s.announcements, s.updates,
                       s.reschedules, s.notices()})
    whole(v);
  out.push_back(io::field::number(s.episodes ? double(s.notices()) / s.episodes : no_value, 1));
  for (const auto v : {s.reported_missed, s.unannounced, s.contradicted, s.issued_twice, s.missed}) whole(v);
  whole(median_of(s.issue_lag));
  whole(median_of(s.lift_lag));
  for (const auto v : {s.hours_same, s.hours_above, s.hours_below, s.longest_above}) whole(v);
  return out;
}

// The stations pooled: counts added, lags pooled before their median.
replay_summary pooled(const std::vector<station_replay>& all) {
  replay_summary t;
  for (const auto& r : all) {
    const auto& s = r.summary;
    t.issues += s.issues, t.upgrades += s.upgrades, t.downgrades += s.downgrades, t.lifts += s.lifts;
    t.announcements += s.announcements, t.reschedules += s.reschedules, t.episodes += s.episodes;
    t.contradicted += s.contradicted, t.issued_twice += s.issued_twice, t.missed += s.missed;
    t.updates += s.updates, t.reported_missed += s.reported_missed, t.unannounced += s.unannounced;
    t.hours_same += s.hours_same, t.hours_above += s.hours_above, t.hours_below += s.hours_below;
    t.longest_above = std::max(t.longest_above, s.longest_above);
    t.issue_lag.insert(t.issue_lag.end(), s.issue_lag.begin(), s.issue_lag.end());
    t.lift_lag.insert(t.lift_lag.end(), s.lift_lag.begin(), s.lift_lag.end());
  }
  return t;
}

// The columns a name takes on a terminal: CJK and full-width characters two, others one.
std::size_t terminal_columns(std::string_view s) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    const std::size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    char32_t cp = len == 1 ? c : c & (0x7F >> len);
    for (std::size_t k = 1; k < len && i + k < s.size(); ++k)
      cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    const bool wide = (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) ||
                      (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
                      (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
                      (cp >= 0xFFE0 && cp <= 0xFFE6) || cp >= 0x20000;
    n += wide ? 2 : 1;
    i += len;
  }
  return n;
}

// A table for people: a column per count, right-aligned under its name, and a last row `all`.
void write_summary_text(const std::vector<station_replay>& all, io::output& out) {
  std::size_t w = std::string_view("station").size();
  for (const auto& r : all) w = std::max(w, terminal_columns(r.station));
  auto line = [&](const std::vector<std::string>& cells) {
    std::string s = cells[0] + std::string(w - terminal_columns(cells[0]), ' ');
    for (std::size_t i = 1; i < cells.size(); ++i) s += fmt::format(" {:>{}}", cells[i], summary_columns[i].size());
    out << s << "\n";
  };
  auto cells = [](const std::string& name, const replay_summary& s) {
    std::vector<std::string> c = {name};
    for (const auto& v : summary_values(s)) c.push_back(v.text.empty() ? "-" : v.text);
    return c;
  };
  line(summary_columns);
  for (const auto& r : all) line(cells(r.station, r.summary));
  line(cells("all", pooled(all)));
}

void write_replay_summary(const std::vector<station_replay>& all, io::output& out, io::format f) {
  if (f == io::format::text) return write_summary_text(all, out);
  io::record_writer rows(out, f, summary_columns);
  for (const auto& r : all) {
    std::vector<io::field> row = {io::field::string(r.station)};
    for (auto& v : summary_values(r.summary)) row.push_back(std::move(v));
    rows.write(row);
  }
  rows.finish();
}

}  // namespace

int replay(const args& a, tool::context& cx) {
  const auto& p = cx.profile();
  const auto span = replay_span(a.replay);  // a usage error before the input is read
  const auto directives = read_directives(a, cx);
  const auto books = read_forecasts(a, cx);
  const auto t = read_timeline(cx, {});
  const auto& stations = t.stations;
  const auto forecast = t.forecast_rows;
  if (forecast)
    cx.warn(fmt::format("{}: {} forecast row{} taken as what happened (a replay reads the file as the season)",
                        t.source, forecast, forecast == 1 ? "" : "s"));
  if (stations.empty()) throw error(t.source + ": no rows to replay");
  hour_t first = stations.front().points.front().hour, last = first;
  for (const auto& in : stations) {
    first = std::min(first, in.points.front().hour);
    last = std::max(last, in.points.back().hour + t.row_hours);
  }
  const replay_options o{span.from.value_or(first), span.to.value_or(last), a.forecast_hours};
  // A span without data would decide on none: every warning of the file issued late, or nothing.
  if (o.to < o.from || o.from > last || o.to < first)
    throw error(fmt::format("--replay {}: the file's data ({}..{}) are outside it", a.replay, format_time(first),
                            format_time(last)));
  if (!directives.empty()) tool::warn_unused_directives(cx, a.directives, directives, station_names(t));
  const auto all = replay_all(stations, t.kind, o, directives, books, p);
  io::output out(cx.options().output);
  if (a.summary)
    write_replay_summary(all, out, cx.options().format);
  else
    write_replay_actions(all, p, out, cx.options().format, !a.directives.empty());
  out.commit();
  return 0;
}

}  // namespace hpa::watch_tool
