#pragma once
// hpa-watch in two files: the decision at one hour (hpa-watch.cpp) and the replay of a season
// (watch_replay.cpp). What both take: the options, and how the inputs are read.
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "hpa/directives.hpp"
#include "hpa/forecast.hpp"
#include "hpa/io/timeline.hpp"
#include "tool.hpp"

namespace hpa::watch_tool {

// An hourly feed is published within the hour; three hours without a new hour is a fault of the
// feed, not a delay, and a decision on it would be taken at an old hour.
constexpr int default_max_age_hours = 3;

struct args {
  tool::common common;
  std::string now, state, replay;
  int max_age = default_max_age_hours;
  bool no_wait = false;
  std::vector<std::string> forget;
  int forecast_hours = 0;
  bool summary = false;
  std::string directives;
  std::string forecasts;
};

// The forecasts of each station (--forecasts), every issue.
using forecast_books = std::map<std::string, forecast_book>;
forecast_books read_forecasts(const args& a, tool::context& cx);
const forecast_book* book_of(const forecast_books& books, const std::string& station);  // null: none
// --directives: read once, before the timeline (stdin feeds one of the two at most).
std::vector<directive> read_directives(const args& a, tool::context& cx);
// The input: every station's timeline, its rows checked as they are read (io/timeline.hpp).
io::timeline read_timeline(tool::context& cx, const io::timeline_options& o);
// The stations of the input, for --station and for the directives that name none of them.
std::vector<std::string_view> station_names(const io::timeline& t);

// --replay: the decision at every hour of a span, or its summary against hindsight.
int replay(const args& a, tool::context& cx);

}  // namespace hpa::watch_tool
