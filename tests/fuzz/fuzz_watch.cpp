// hpa-watch's path from its four inputs to its decisions, through the library calls the tool
// makes: a timeline (AQI CSV, io::read_timeline), a state (JSON, io::parse_watch_state),
// directives (CSV or JSON, io::read_directives) and forecasts as issued (io::read_forecasts) into
// the decision at one hour (forecast_bounds, decide, decide_with_directives), the state it leaves
// (io::format_watch_state), and the replay of a span (replay_watch, with the forecasts when a
// station has some; hindsight_episodes, compare_with_hindsight). The timeline is read twice,
// whole and as the tail a decision can look at (timeline_options::tail): a decision that differs
// between the two is a crash.
//
// Byte 0: bits 0-1 the duration mode (blocks, hourly_run, calendar_days, blocks with
// merged_start as_reached), bit 2 a --now that many hours (byte 1) before the last observed
// hour, bits 4-5 the replay's forecast hours (0, 24, 72, 168; a station with forecasts as issued
// replays on those). The rest is the timeline, the state, the directives and the forecasts, each
// ended by a byte 0x1E (record separator). Anything in, an
// hpa::error or a result out.
#include <algorithm>
#include <array>
#include <cstdlib>
#include <map>
#include <sstream>

#include "hpa/directives.hpp"
#include "hpa/error.hpp"
#include "hpa/io/directives.hpp"
#include "hpa/io/forecasts.hpp"
#include "hpa/io/timeline.hpp"
#include "hpa/io/watch_state.hpp"
#include "hpa/watch.hpp"
#include "hpa/watch_replay.hpp"

namespace {

// A replay costs a decision per hour: a few weeks of them, and a few stations, keep each input fast.
constexpr hpa::hour_t replay_hours = 24 * 21;
constexpr std::size_t max_stations = 8;
// The condition bounds hold every hour of a timeline (final_conditions.hpp): a row dated 4046
// makes millions of them, seconds under the sanitizers. Stations spanning more are left out.
constexpr hpa::hour_t max_span_hours = 24 * 366 * 3;

hpa::profile profile_of(unsigned mode) {
  auto p = hpa::pingdingshan_2023();  // one name, so that a state of the seeds reads under each
  if (mode == 1) p.mode = hpa::duration_mode::hourly_run;
  if (mode == 2) p.mode = hpa::duration_mode::calendar_days;
  if (mode == 3) p.start = hpa::merged_start::as_reached;
  return p;
}

bool same(const hpa::watch_decision& a, const hpa::watch_decision& b) {
  if (a.required != b.required || a.hold != b.hold || !(a.next == b.next) || a.actions.size() != b.actions.size())
    return false;
  for (std::size_t i = 0; i < a.actions.size(); ++i) {
    const auto &x = a.actions[i], &y = b.actions[i];
    if (x.kind != y.kind || x.from != y.from || x.to != y.to || x.effective != y.effective ||
        x.deadline != y.deadline || x.late_hours != y.late_hours || x.monitoring_override != y.monitoring_override)
      return false;
  }
  return true;
}

using books = std::map<std::string, hpa::forecast_book>;

// The points of the issue a decision at `now` takes, after the station's last observed hour.
std::vector<hpa::timeline_point> shown_at(const hpa::forecast_book* book, const hpa::io::station_timeline& in,
                                          hpa::series_kind kind, hpa::hour_t now, const hpa::profile& p) {
  if (!book) return {};
  const auto f = hpa::pick_forecast(*book, now, p);
  if (!f.usable()) return {};
  return book->points(*f.issued_at, in.points.back().hour + (kind == hpa::series_kind::daily ? 23 : 0), kind, p);
}

void decide_and_replay(const hpa::io::timeline& t, const hpa::io::timeline& tail, hpa::hour_t now,
                       hpa::io::watch_state& state, const std::vector<hpa::directive>& directives, const books& fs,
                       int forecast_hours, const hpa::profile& p) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < t.stations.size(); ++i) {
    const auto& in = t.stations[i];
    if (++n > max_stations) break;
    if (in.points.empty() || in.points.back().hour - in.points.front().hour > max_span_hours) continue;
    auto& s = state[in.name];
    const auto ds = hpa::directives_for(directives, in.name);
    const auto found = fs.find(in.name);
    const hpa::forecast_book* book = found == fs.end() ? nullptr : &found->second;
    const auto shown = shown_at(book, in, t.kind, now, p);
    const auto bounds = hpa::forecast_bounds(in.points, shown, t.kind, p);
    if (ds.empty() && s.directives.empty()) {
      const auto d = hpa::decide(bounds, now, s.issued, p);
      if (!same(d, hpa::decide(hpa::forecast_bounds(tail.stations[i].points, shown, t.kind, p), now, s.issued, p)))
        std::abort();
      s.issued = d.next;
    } else {
      auto d = hpa::decide_with_directives(bounds, now, s.issued, ds, {s.decided_at, s.directives}, p);
      s.issued = d.next;
      s.directives = std::move(d.acted);
    }
    s.decided_at = now;

    const hpa::hour_t first = in.points.front().hour;
    const hpa::hour_t last = std::min(in.points.back().hour + t.row_hours, first + replay_hours);
    hpa::replay_options o{first, last, book ? 0 : forecast_hours};
    o.forecasts = book;
    std::vector<hpa::directed_replay_action> directed;
    if (!ds.empty()) directed = hpa::replay_watch(in.points, t.kind, o, p, ds);
    const auto actions = ds.empty() ? hpa::replay_watch(in.points, t.kind, o, p) : hpa::plain_actions(directed);
    const auto hindsight = hpa::hindsight_episodes(in.points, t.kind, p, ds);
    (void)hpa::compare_with_hindsight(actions, hindsight, o);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 2) return 0;
  static const std::array<hpa::profile, 4> profiles = {profile_of(0), profile_of(1), profile_of(2), profile_of(3)};
  const unsigned flags = data[0];
  const auto& p = profiles[flags & 3];
  std::string_view text(reinterpret_cast<const char*>(data) + 2, size - 2);
  auto part = [&] {
    const auto end = std::min(text.find('\x1e'), text.size());
    const std::string out(text.substr(0, end));
    text.remove_prefix(std::min(end + 1, text.size()));
    return out;
  };
  const std::string timeline_text = part(), state_text = part(), directives_text = part(), forecasts_text = part();
  static constexpr std::array<int, 4> forecasts = {0, 24, 72, 168};
  const int forecast_hours = forecasts[(flags >> 4) & 3];
  const auto quiet = [](const std::string&) {};

  std::vector<hpa::directive> directives;
  try {
    std::istringstream in(directives_text);
    directives = hpa::io::read_directives(in, "d.csv", p, quiet);
  } catch (const hpa::error&) {
  }
  books issues;
  try {
    std::istringstream in(forecasts_text);
    for (auto& [station, rows] : hpa::io::read_forecasts(in, "f.csv", p, quiet))
      issues.emplace(station, hpa::forecast_book(std::move(rows)));
  } catch (const hpa::error&) {
  }
  hpa::io::watch_state state;
  try {
    state = hpa::io::parse_watch_state(state_text, "s.json", p);
  } catch (const hpa::error&) {
  }
  try {
    std::istringstream in(timeline_text);
    hpa::io::timeline_options o;
    auto t = hpa::io::read_timeline(in, "t.csv", p, o, quiet);
    if (!t.last_observed) return 0;
    hpa::hour_t now = *t.last_observed;
    if (flags & 4) {  // as --now: the observed rows after it left out
      now -= data[1];
      o.now = now;
      std::istringstream again(timeline_text);
      t = hpa::io::read_timeline(again, "t.csv", p, o, quiet);
    }
    o.tail = true;  // as hpa-watch reads it to decide: for the warnings of the state
    for (const auto& [name, s] : state)
      if (s.issued.level > 0) o.warning_starts.emplace(name, s.issued.start);
    std::istringstream once_more(timeline_text);
    const auto tail = hpa::io::read_timeline(once_more, "t.csv", p, o, quiet);
    decide_and_replay(t, tail, now, state, directives, issues, forecast_hours, p);
    (void)hpa::io::format_watch_state(state, p, now, "s.json");
  } catch (const hpa::error&) {
  }
  return 0;
}
