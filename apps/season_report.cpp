#include "season_report.hpp"

#include <fmt/format.h>

#include "hpa/io/output.hpp"
#include "hpa/version.hpp"

namespace hpa::tool {

namespace {

using plot::language;

const char* tr(language l, const char* zh, const char* en) { return l == language::zh ? zh : en; }

std::string level_name(const profile& p, level_t l, language lang) {
  const auto& lv = p.levels.at(l - 1u);
  return lang == language::zh ? lv.name_zh : lv.name;
}

// "橙色预警" or "orange warning".
std::string warning_text(const profile& p, level_t l, language lang) {
  return level_name(p, l, lang) + tr(lang, "预警", " warning");
}

std::string number(double v, int decimals = 2) { return std::isnan(v) ? "-" : io::format_number(v, decimals); }

std::string date_text(std::int64_t day) { return format_date(day * 24); }

// The days the report covers: the window, or from the first day with data to the last.
std::string period_text(const season_content& c) {
  std::int64_t first = std::numeric_limits<std::int64_t>::max(), last = std::numeric_limits<std::int64_t>::min();
  for (const auto& r : c.stats) {
    first = std::min(first, r.span.first_day);
    last = std::max(last, r.span.last_day);
  }
  if (first > last) return tr(c.lang, "无数据", "no data");
  return date_text(first) + " .. " + date_text(last);
}

void statistics(io::document& d, const season_content& c, const profile& p) {
  const auto l = c.lang;
  d.heading(2, tr(l, "1 统计", "1 Statistics"));
  d.paragraph(tr(l,
                 "日 AQI 为自然日 0-23 时 AQI 的均值（HJ 663，至少 20 小时有效）；重污染日为日 AQI > 200 的天数；"
                 "预警天数为当日任一小时有预警生效的天数。",
                 "A day's AQI is the mean of its hourly AQI from 00:00 to 23:00 (HJ 663, valid with 20 hours); "
                 "heavy-pollution days have a daily AQI over 200; a warning day has a warning in force at some hour."));
  std::vector<std::string> header = {tr(l, "站点", "station"), tr(l, "有效天数", "valid days")};
  for (const int lowest : category_lowest)
    header.emplace_back(l == language::zh ? category(lowest).name_zh : category(lowest).name_en);
  header.insert(header.end(), {tr(l, "重污染天数", "heavy-pollution days"), tr(l, "优良比例 %", "excellent or good %"),
                               tr(l, "日 AQI 峰值", "peak daily AQI"), tr(l, "峰值日期", "peak date"),
                               tr(l, "预警过程", "episodes"), tr(l, "预警天数", "warning days")});
  for (std::size_t lv = 1; lv <= p.levels.size(); ++lv)
    header.push_back(level_name(p, lv, l) + tr(l, "预警天数", " warning days"));
  std::vector<std::vector<io::doc_text>> rows;
  for (const auto& r : c.stats) {
    const auto& s = r.s;
    std::vector<io::doc_text> row = {r.station, std::to_string(s.days_valid)};
    for (const int n : s.category_days) row.emplace_back(std::to_string(n));
    row.emplace_back(std::to_string(s.heavy_pollution_days));
    row.emplace_back(number(s.excellent_good_share()));
    row.emplace_back(number(s.peak));
    row.emplace_back(std::isnan(s.peak) ? "-" : date_text(s.peak_day));
    row.emplace_back(std::to_string(s.episodes));
    row.emplace_back(std::to_string(s.warning_days[0]));
    for (std::size_t lv = 1; lv <= p.levels.size(); ++lv) row.emplace_back(std::to_string(s.warning_days[lv]));
    rows.push_back(std::move(row));
  }
  d.table(std::move(header), std::move(rows));
  if (!c.concentrations) return;
  d.paragraph(
      tr(l,
         "HJ 663 统计（µg/m³，CO 为 mg/m³）：PM2.5、PM10、SO2、NO2 为日均值的平均，CO 为日均值的第 95 百分位数，"
         "O3 为日最大 8 小时平均的第 90 百分位数；括号内为有效天数。",
         "HJ 663 statistics (µg/m³, CO mg/m³): PM2.5, PM10, SO2 and NO2 the mean of the daily values, CO the "
         "95th percentile of the daily means, O3 the 90th percentile of the daily maximum 8 h means; valid "
         "days in brackets."));
  std::vector<std::string> hj = {tr(l, "站点", "station"), "PM2.5", "PM10", "SO2", "NO2", "CO P95", "O3 8h P90"};
  std::vector<std::vector<io::doc_text>> hj_rows;
  for (const auto& r : c.stats) {
    std::vector<io::doc_text> row = {r.station};
    for (std::size_t i = 0; i < hj663_item_count; ++i)
      row.emplace_back(fmt::format("{} ({})", number(r.s.statistic(static_cast<hj663_item>(i))), r.s.conc_days[i]));
    hj_rows.push_back(std::move(row));
  }
  d.table(std::move(hj), std::move(hj_rows));
}

// What the log says of one episode, against the rules: empty when it matches.
std::vector<std::string> differences(const check& k, const episode& e, const profile& p, language l) {
  std::vector<std::string> v;
  if (!k.w) return {tr(l, "未发布预警", "no warning was issued")};
  if (!k.level)
    v.push_back(fmt::format("{} {} {} {}", tr(l, "级别", "level"), level_name(p, k.w->level, l),
                            tr(l, "对照规则", "vs rules"), level_name(p, e.level, l)) +
                (k.w->level < e.level ? tr(l, "（偏低）", " (too low)") : tr(l, "（偏高）", " (too high)")));
  if (!k.start) v.push_back(fmt::format("{} {:+} h", tr(l, "启动", "start"), k.w->start - e.start));
  if (!k.lift && k.w->lift && e.lift)
    v.push_back(fmt::format("{} {:+} h", tr(l, "解除", "lift"), *k.w->lift - *e.lift));
  if (!k.on_time) v.push_back(fmt::format("{} {} h", tr(l, "发布迟", "late by"), (e.start - e.issue_by) - k.lead));
  return v;
}

std::string joined(const std::vector<std::string>& v, language l) {
  std::string s;
  for (const auto& x : v) s += (s.empty() ? "" : tr(l, "；", "; ")) + x;
  return s;
}

void episodes(io::document& d, const season_content& c, const profile& p) {
  const auto l = c.lang;
  const bool log = !c.issued_log.empty();
  d.heading(2, tr(l, "2 预警过程", "2 Warning episodes"));
  if (c.episodes.empty()) {
    d.paragraph(tr(l, "本期无预警过程。", "No warning episode in this period."));
    return;
  }
  std::vector<std::string> header = {tr(l, "站点", "station"),
                                     tr(l, "级别", "level"),
                                     tr(l, "响应", "tier"),
                                     tr(l, "启动", "start"),
                                     tr(l, "解除", "lift"),
                                     tr(l, "小时数", "hours"),
                                     tr(l, "日 AQI 峰值", "peak daily AQI")};
  if (log)
    header.insert(header.end(),
                  {tr(l, "已发布", "issued"), tr(l, "对照规则", "issued vs rules"), tr(l, "提前量", "lead achieved")});
  std::vector<std::vector<io::doc_text>> rows;
  for (const auto& x : c.episodes) {
    const auto& e = x.e;
    std::vector<io::doc_text> row = {x.station,
                                     level_name(p, e.level, l),
                                     p.level_tier(e.level),
                                     format_time_readable(e.start),
                                     e.lift ? format_time_readable(*e.lift) : std::string(tr(l, "未解除", "pending")),
                                     std::to_string(e.end - e.start + 1),
                                     number(e.max_daily_aqi)};
    if (log) {
      const auto& k = *x.checked;
      if (!k.w) {
        row.insert(row.end(),
                   {{tr(l, "未发布", "none"), true}, {tr(l, "未发布预警", "no warning was issued"), true}, "-"});
      } else {
        const auto diff = differences(k, e, p, l);
        row.emplace_back(level_name(p, k.w->level, l) + " " + format_time_readable(k.w->issued_at));
        row.emplace_back(diff.empty() ? std::string(tr(l, "一致", "matches")) : joined(diff, l), !diff.empty());
        row.emplace_back(fmt::format("{} h / {} h", k.lead, e.start - e.issue_by), !k.on_time);
      }
    }
    rows.push_back(std::move(row));
  }
  d.table(std::move(header), std::move(rows));
}

void pictures(io::document& d, const season_content& c) {
  const auto l = c.lang;
  d.heading(2, tr(l, "3 图", "3 Pictures"));
  d.picture(c.calendar, tr(l, "日历：每日 AQI 及其类别颜色，预警日加框",
                           "Calendar: each day's AQI in its category colour, warning days outlined"));
  d.picture(c.timeline, tr(l, "时间线：日 AQI、阈值与生效的预警",
                           "Timeline: the daily AQI, the thresholds and the warnings in force"));
}

void findings(io::document& d, const season_content& c, const profile& p) {
  const auto l = c.lang;
  d.heading(2, tr(l, "4 评估结论（§5）", "4 Findings (§5)"));
  std::vector<io::doc_text> items;
  const auto count = c.episodes.size();
  items.emplace_back(fmt::format(
      fmt::runtime(tr(l, "本期按规则共有 {} 次预警过程。", "The rules give {} warning episode{} in this period.")),
      count, l == language::en && count != 1 ? "s" : ""));
  if (c.issued_log.empty()) {
    items.emplace_back(tr(l, "未提供已发布预警记录（--issued），无法对照。",
                          "No log of the warnings issued was given (--issued): nothing to check against the rules."));
  } else {
    std::size_t differing = 0;
    for (const auto& x : c.episodes) {
      const auto diff = differences(*x.checked, x.e, p, l);
      if (diff.empty()) continue;
      ++differing;
      items.emplace_back(
          fmt::format("{} {}{}{}{}{}", x.station, warning_text(p, x.e.level, l), tr(l, "，启动 ", " from "),
                      format_time_readable(x.e.start), tr(l, "：", ": "), joined(diff, l)),
          true);
    }
    for (const auto* w : c.no_episode)
      items.emplace_back(fmt::format("{} {}{}{}{}{}", w->station, warning_text(p, w->level, l),
                                     tr(l, "，启动 ", " from "), format_time_readable(w->start), tr(l, "：", ": "),
                                     tr(l, "已发布，但规则下无预警过程", "issued with no episode under the rules")),
                         true);
    if (differing == 0 && c.no_episode.empty())
      items.emplace_back(tr(l, "已发布的每次预警均与规则一致。", "Every warning issued matches the rules."));
  }
  for (const auto& x : c.episodes)
    if (x.e.lift)
      items.emplace_back(fmt::format(
          fmt::runtime(tr(l, "{} {}（{} 解除）的评估应于 {} 前完成。", "{} {} (lifted {}): assessment due {}.")),
          x.station, warning_text(p, x.e.level, l), format_time_readable(*x.e.lift),
          format_date(*x.e.lift + hour_t{24} * p.assessment_days)));
  d.list(std::move(items));
}

}  // namespace

io::document season_document(const season_content& c, const profile& p) {
  const auto l = c.lang;
  io::document d;
  d.lang = l == language::zh ? "zh-CN" : "en";
  d.heading(
      1, std::string(tr(l, "重污染天气预警季度报告：", "Heavy-pollution warnings: season report, ")) + period_text(c));
  std::string source = fmt::format(fmt::runtime(tr(l, "数据：{}{}{}。预案：{}（{}）。hpa-report {}。",
                                                   "Data: {}{}{}. Profile: {} ({}). hpa-report {}.")),
                                   c.source, c.issued_log.empty() ? "" : tr(l, "；已发布预警：", "; warnings issued: "),
                                   c.issued_log, p.name, p.source, version);
  d.paragraph(std::move(source));
  statistics(d, c, p);
  episodes(d, c, p);
  pictures(d, c);
  findings(d, c, p);
  return d;
}

}  // namespace hpa::tool
