// hpa-level: the level in force at one hour, or at every hour, per station.
#include <fmt/format.h>

#include <cmath>
#include <limits>
#include <memory>

#include "hpa/aqi_series.hpp"
#include "hpa/in_force.hpp"
#include "hpa/io/aqi_csv.hpp"
#include "hpa/io/episode_format.hpp"
#include "hpa/io/output.hpp"
#include "hpa/io/station_table.hpp"
#include "hpa/io/table.hpp"
#include "tool.hpp"

using namespace hpa;

namespace {

const tool::spec spec = {
    "hpa-level",
    "Tell the warning level in force at one hour (or at every hour), its tier and what it asks, per station.",
    "For each station: the daily AQI and the condition level at that hour, the warning level in\n"
    "force (after merging, holding and 36 h confirmation, §3.2.4), since when and until when,\n"
    "its response tier (§4.1), and whether the end of the data leaves a lift pending. --at\n"
    "defaults to each station's last hour. Reads the whole input once; memory is bounded by\n"
    "the stations and the longest episode.\n"
    "--every-hour writes the series instead, one record per station and hour from its first\n"
    "hour to its last (gaps included): station,time,daily_aqi,condition,level,tier,episode,\n"
    "pending. episode is the start of the warning in force (the start column of hpa-episodes),\n"
    "empty outside one; pending is true in a warning the data end before its lift is\n"
    "confirmed (more data may still lower or end it). Each row is the answer --at that hour\n"
    "gives. Streams: an hour is written once its level is known, at once outside a warning,\n"
    "when the episode closes inside one; memory holds the open episode's hours per station.\n"
    "One thread reads and applies the rules, another writes (--threads is for --at).\n"
    "--since/--until cut the series of --every-hour; --station and --level cut both forms.\n"
    "Rows come in input order: station by station for a file grouped by station, a station's\n"
    "hours always in time order. Every column is there under every profile; the values of\n"
    "condition, level and tier are the profile's level names and tiers.",
    tool::takes::series | tool::takes::output | tool::takes::profile | tool::takes::as_of | tool::takes::threads |
        tool::takes::quiet | tool::takes::format | tool::takes::filters,
    {io::format::csv, io::format::json, io::format::jsonl, io::format::text}};

struct args {
  tool::common common;
  std::string at;
  bool every_hour = false;
};

void options(CLI::App& app, args& a) {
  auto* at = app.add_option("--at", a.at, "The hour, as 2023-12-01T08:00 (default: each station's last hour)");
  app.add_flag("--every-hour", a.every_hour, "Every hour of every station: the series to plot or join")->excludes(at);
}

// ---- --at: one hour per station ----

struct level_sink : station_sink {
  std::optional<hour_t> at;  // none: the last hour of the data
  hour_t seen = 0;
  bool found = false;
  double daily = no_value;
  hour_condition cond;
  std::optional<episode> in_force;

  void on_hour(hour_t h, double d, const hour_condition& c) {
    if (at && h != *at) return;
    seen = h;
    found = true;
    daily = d;
    cond = c;
  }
  void on_episode(const episode& e) {
    if (e.warns() && (!at || (e.start <= *at && *at <= e.end))) in_force = e;
  }
};

// The answer for one station at its hour.
struct answer {
  hour_t time = 0;
  double daily = no_value;
  std::string condition, level = "none", tier, action;
  std::optional<hour_t> since, until;
  bool pending = false;
  level_t in_force = 0;
};

answer answer_for(const level_sink& s, const profile& p) {
  answer a;
  a.time = s.at ? *s.at : s.seen;
  if (!s.found) {
    a.action = "no data at this hour";
    return a;
  }
  a.daily = s.daily;
  a.condition = p.level_name(s.cond.level);
  const level_t l = s.in_force ? level_in_force(*s.in_force, a.time) : level_t{0};
  a.level = p.level_name(l);
  a.tier = p.level_tier(l);
  a.in_force = l;
  if (l == 0) {
    a.action = "no warning in force";
    return a;
  }
  for (const auto& seg : s.in_force->segments)
    if (seg.from <= a.time && a.time <= seg.to) {
      a.since = seg.from;
      a.until = seg.to;
    }
  a.pending = s.in_force->pending;
  a.action = fmt::format("{} warning in force since {}: tier {} emergency response (§4.1)", a.level,
                         format_time(*a.since), a.tier);
  a.action += a.pending ? "; " + io::pending_action(*s.in_force, p) : "; lift at " + format_time(*s.in_force->lift);
  return a;
}

std::string text_of(const std::string& station, const answer& a) {
  const auto daily = io::format_number(a.daily);
  return fmt::format("{}{}{}  daily AQI {}  condition {}  in force: {}{}\n  {}\n", station, station.empty() ? "" : " ",
                     format_time(a.time), daily.empty() ? "-" : daily, a.condition.empty() ? "-" : a.condition, a.level,
                     a.tier.empty() ? "" : " (tier " + a.tier + ")", a.action);
}

std::vector<io::field> fields_of(const std::string& station, const answer& a) {
  using io::field;
  return {field::string(station),    field::time(a.time),    field::number(a.daily), field::string_or_null(a.condition),
          field::string(a.level),    field::string(a.tier),  field::time(a.since),   field::time(a.until),
          field::boolean(a.pending), field::string(a.action)};
}

// The stations written: those --station names, whose level at the hour reaches --level.
std::vector<std::pair<const std::string*, answer>> answers(const io::station_results<level_sink>& t, const profile& p,
                                                           const tool::filter& keep) {
  std::vector<std::pair<const std::string*, answer>> v;
  for (auto* e : t.sorted()) {
    if (!keep.station(e->name)) continue;
    auto a = answer_for(e->sink, p);
    if (keep.level(a.in_force)) v.emplace_back(&e->name, std::move(a));
  }
  return v;
}

int run_at(const args& a, tool::context& cx) {
  if (cx.filter().by_period())
    throw CLI::ValidationError("--since/--until", "cut the series of --every-hour; for one hour, give --at");
  std::optional<hour_t> at;
  if (!a.at.empty()) at = tool::hour_option(a.at, "--at");
  const auto& p = cx.profile();
  auto in = cx.open_input();
  const auto t = io::read_stations<level_sink>(cx.reading(in), p, [&](std::string_view) {
    level_sink s;
    s.at = at;
    return s;
  });
  std::vector<std::string_view> names;
  for (auto* e : t.sorted()) names.push_back(e->name);
  cx.filter().check_stations(names, in.name);
  io::output out(cx.options().output);
  // from concentrations, every answer says how its daily AQI was made
  const std::string method = t.method ? to_string(*t.method) : "";
  if (cx.options().format == io::format::text) {
    for (const auto& [name, answer] : answers(t, p, cx.filter()))
      out << text_of(*name, answer) << (method.empty() ? "" : "  daily AQI by " + method + "\n");
  } else {
    std::vector<std::string> columns = {"station", "time",  "daily_aqi", "condition", "level",
                                        "tier",    "since", "until",     "pending",   "action"};
    if (t.method) columns.push_back("daily_aqi_method");
    io::record_writer rows(out, cx.options().format, columns);
    for (const auto& [name, answer] : answers(t, p, cx.filter())) {
      auto f = fields_of(*name, answer);
      if (t.method) f.push_back(io::field::string(method));
      rows.write(f);
    }
    rows.finish();
  }
  out.commit();
  return 0;
}

// ---- --every-hour: the series ----

// One decided hour on its way to be written: what its row needs (the warning by its start).
struct decided_hour {
  const std::string* station;  // its part of the row, hour_rows::station()
  hour_t hour;
  double daily;
  hour_t episode;  // the start of the warning in force, when level > 0
  level_t condition, level;
  bool pending;
};

// The rows of --every-hour, each written as its hour is decided. There are millions: a row is
// a few ready-made pieces copied into the output (the station's part, the time, the number, the
// part that depends only on the condition and the level, the episode, the end), as every other
// tool's records would write it (CSV, nlohmann's JSON, JSON Lines).
class hour_rows {
 public:
  hour_rows(io::output& out, io::format f, const profile& p) : out_(out), chunks_(out), format_(f) {
    for (level_t c = 0; c <= p.levels.size(); ++c)
      for (level_t l = 0; l <= p.levels.size(); ++l) middle_.push_back(middle(p, c, l));
    levels_ = p.levels.size() + 1;
    std::size_t longest = 0;
    for (const auto& m : middle_) longest = std::max(longest, m.size());
    row_fixed_ = 128 + longest;  // a row beside its station's part and its number: times, the middle
    if (format_ == io::format::csv) out_ << "station,time,daily_aqi,condition,level,tier,episode,pending\n";
  }

  /// The start of a station's rows, up to the time.
  std::string station(const std::string& name) const {
    const auto json = nlohmann::json(name).dump();
    switch (format_) {
      case io::format::csv:
        return io::csv_field(name) + ",";
      case io::format::jsonl:
        return "{\"station\":" + json + ",\"time\":\"";
      case io::format::json:
        return "  {\n    \"station\": " + json + ",\n    \"time\": \"";
      case io::format::text:
        break;
    }
    return name.empty() ? name : name + " ";
  }

  void write(const decided_hour& h) {
    const std::string& station = *h.station;
    const std::string_view time = time_.of(h.hour);
    const std::string_view daily = number_(h.daily, 2);
    const std::string_view episode = h.level > 0 ? episode_.of(h.episode) : std::string_view();
    const bool pending = h.pending;
    chunks_.begin(station.size() + daily.size() + row_fixed_);
    const auto& middle = middle_[h.condition * levels_ + h.level];
    switch (format_) {
      case io::format::csv:
        put(station, time, ",", daily, middle, episode, pending ? ",true\n" : ",false\n");
        break;
      case io::format::jsonl:
        put(station, time, "\",\"daily_aqi\":");
        json_values(daily, middle, episode);
        put(pending ? ",\"pending\":true}\n" : ",\"pending\":false}\n");
        break;
      case io::format::json:
        put(rows_ == 0 ? "[\n" : ",\n", station, time, "\",\n    \"daily_aqi\": ");
        json_values(daily, middle, episode);
        put(pending ? ",\n    \"pending\": true\n  }" : ",\n    \"pending\": false\n  }");
        break;
      case io::format::text:
        put(station, time, "  daily AQI ", daily.empty() ? "-" : daily, middle, episode,
            pending ? ", pending\n" : "\n");
        break;
    }
    chunks_.end();
    ++rows_;
  }

  /// Ends the output: closes the JSON array.
  void finish() {
    chunks_.flush();
    if (format_ == io::format::json) out_ << (rows_ == 0 ? "[]\n" : "\n]\n");
    if (format_ == io::format::text && rows_ == 0) out_ << "no hours\n";
  }

 private:
  // What stands between the number and the episode, for condition c and level in force l.
  std::string middle(const profile& p, level_t c, level_t l) const {
    const auto& cond = p.level_name(c);
    const auto& level = p.level_name(l);
    const auto& tier = p.level_tier(l);
    auto json = [](const std::string& s) { return nlohmann::json(s).dump(); };
    switch (format_) {
      case io::format::csv:
        return "," + io::csv_field(cond) + "," + io::csv_field(level) + "," + io::csv_field(tier) + ",";
      case io::format::jsonl:
        return ",\"condition\":" + json(cond) + ",\"level\":" + json(level) + ",\"tier\":" + json(tier) +
               ",\"episode\":";
      case io::format::json:
        return ",\n    \"condition\": " + json(cond) + ",\n    \"level\": " + json(level) +
               ",\n    \"tier\": " + json(tier) + ",\n    \"episode\": ";
      case io::format::text:
        break;
    }
    return "  condition " + cond + "  in force: " + level + (l > 0 ? " (tier " + tier + "), episode of " : "");
  }

  // The daily AQI as the CSV shows it, as a JSON double (nlohmann writes 180 as 180.0), then the
  // middle and the episode.
  void json_values(std::string_view daily, const std::string& middle, std::string_view episode) {
    if (daily.empty())
      put("null");
    else
      put(daily, daily.find('.') == std::string_view::npos ? ".0" : "");
    put(middle);
    if (episode.empty())
      put("null");
    else
      put("\"", episode, "\"");
  }

  // format_time(h), the date made once a day: hours come in order, station by station.
  struct time_text {
    hour_t day = std::numeric_limits<hour_t>::min();
    std::string text;
    std::string_view of(hour_t h) {
      const hour_t d = day_of(h);
      if (d != day) {
        text = format_time(day_start(h));
        day = d;
      }
      const auto hh = static_cast<unsigned>(h - d * 24);
      text[text.size() - 5] = static_cast<char>('0' + hh / 10);
      text[text.size() - 4] = static_cast<char>('0' + hh % 10);
      return text;
    }
  };

  template <class... Text>
  void put(const Text&... text) {
    chunks_.put(text...);
  }

  io::output& out_;
  io::row_chunks chunks_;
  io::format format_;
  std::vector<std::string> middle_;  // by condition and level in force
  std::size_t levels_ = 0;
  std::size_t row_fixed_ = 0;
  std::uint64_t rows_ = 0;
  time_text time_, episode_;
  io::number_text number_;
};

// The decided hours are written on a thread of their own (io::record_thread): on a long input
// the rules and the writing take about as long as each other, and so run side by side.
struct write_hour {
  hour_rows* rows;
  void operator()(const decided_hour& h) const { rows->write(h); }
};
using row_thread = io::record_thread<decided_hour, write_hour>;

// Where a station's hours go: to the writer, when the filters keep them.
struct hour_out {
  row_thread* rows;
  const tool::filter* keep;
  const std::string* name;  // hour_rows::station(), owned by the run
  bool wanted;
  void operator()(const hour_in_force& h) {
    if (!wanted || !keep->hour(h.hour, h.level)) return;
    const bool warning = h.level > 0;
    rows->add(
        {name, h.hour, h.daily, warning ? h.warning->start : 0, h.condition, h.level, warning && h.warning->pending});
  }
};

int run_every_hour(tool::context& cx) {
  const auto& p = cx.profile();
  const auto& keep = cx.filter();
  auto in = cx.open_input();
  io::aqi_reader reader(*in.stream, in.name, aqi_reading_of(p), cx.warner(), cx.quiet_columns());
  io::output out(cx.options().output);
  hour_rows rows(out, cx.options().format, p);
  std::vector<std::unique_ptr<std::string>> names;  // each station's part of its rows, where the writer reads it
  row_thread writer(write_hour{&rows});
  io::station_table<in_force_sink<hour_out>> table(
      p, reader.kind(), in.name,
      [&](std::string_view name) {
        names.push_back(std::make_unique<std::string>(rows.station(std::string(name))));
        return in_force_sink<hour_out>(hour_out{&writer, &keep, names.back().get(), keep.station(name)});
      },
      cx.warner());
  io::aqi_record r;
  while (reader.next(r)) table.feed(r);
  table.finish();
  writer.finish();
  std::vector<std::string_view> seen;
  for (auto* e : table.sorted()) seen.push_back(e->name);
  keep.check_stations(seen, in.name);
  rows.finish();
  out.commit();
  return 0;
}

int run(const args& a, tool::context& cx) { return a.every_hour ? run_every_hour(cx) : run_at(a, cx); }

}  // namespace

int main(int argc, char** argv) { return tool::main<args>(argc, argv, spec, options, run); }
