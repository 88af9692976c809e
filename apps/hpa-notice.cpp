// hpa-notice: the warning notices of §3.2.3 (issue) and §3.2.4 (upgrade, downgrade, lift).
#include <fmt/format.h>

#include <sstream>

#include "hpa/io/episode_format.hpp"
#include "hpa/io/markdown.hpp"
#include "hpa/io/output.hpp"
#include "hpa/io/profile_json.hpp"
#include "hpa/io/utf8.hpp"
#include "hpa/measures.hpp"
#include "tool.hpp"

using namespace hpa;

namespace {

struct notice_options {
  bool zh = true, markdown = true;
  std::string authority, area;
};

// Input text (the station or --area, --authority, a document number, a profile's level names)
// as the notice writes it: inert in Markdown, as it is in plain text.
std::string shown(const notice_options& o, std::string_view text) {
  return o.markdown ? io::markdown_text(text) : std::string(text);
}
level_def shown(const notice_options& o, level_def l) {
  l.name = shown(o, l.name);
  l.name_zh = shown(o, l.name_zh);
  l.tier = shown(o, l.tier);
  return l;
}

std::string tier_zh(const std::string& tier) {
  return tier == "I" ? "Ⅰ" : tier == "II" ? "Ⅱ" : tier == "III" ? "Ⅲ" : tier == "IV" ? "Ⅳ" : tier;
}

std::string heading(const notice_options& o, const std::string& title) {
  return o.markdown ? "## " + title + "\n\n"
                    : title + "\n" + std::string(title.size() > 60 ? 60 : title.size(), '=') + "\n\n";
}

// The measures the profile lists for the level's tier, cumulative; their texts carry their own
// conditions (the school rule). A profile that lists none for it says so.
std::string measures_block(const notice_options& o, const profile& p, const level_def& lv) {
  std::string s;
  for (const auto& m : measures_for(p, lv.tier))
    s += o.zh ? fmt::format("- {}（{}）\n", m.text_zh, m.dept_zh) : fmt::format("- {} ({})\n", m.text_en, m.dept_en);
  if (!s.empty()) return s;
  return o.zh ? fmt::format("预案配置 {} 未列出{}预警（{}级应急响应）的措施。\n", p.name, lv.name_zh, tier_zh(lv.tier))
              : fmt::format("Profile {} lists no measures for the {} warning (tier {} response).\n", p.name, lv.name,
                            lv.tier);
}

// --- directives (§3.2.2(2), §3.2.3): a notice names the prompt it follows, as the plan's notices
// do: "根据省环委会办公室预警提示信息（豫环委办〔…〕N号）".

// The stretch of an episode read with directives holding hour t; nullptr without directives.
const basis_segment* part_of(const io::episode_record& r, hour_t t) {
  for (const auto& x : r.parts)
    if (x.from <= t && t <= x.to) return &x;
  return nullptr;
}

// "根据省环委会办公室预警提示信息（…号），" when a directive decides the level from hour t.
std::string instructed_by(const io::episode_record& r, hour_t t, const notice_options& o) {
  const auto* x = part_of(r, t);
  if (!x || x->why == basis::rules) return {};
  if (o.zh)
    return x->why == basis::both
               ? fmt::format("根据我市空气质量预测和省环委会办公室预警提示信息（{}），", shown(o, x->source))
               : fmt::format("根据省环委会办公室预警提示信息（{}），结合我市实际，", shown(o, x->source));
  return x->why == basis::both
             ? fmt::format("On the city's forecast and the provincial office's warning prompt ({}, §3.2.2(2)), ",
                           shown(o, x->source))
             : fmt::format("On the provincial office's warning prompt ({}, §3.2.2(2)), ", shown(o, x->source));
}

// The directive whose span ended at hour t, when the stretch before t was its alone.
std::string ended_directive(const io::episode_record& r, hour_t t) {
  const auto* before = part_of(r, t - 1);
  const auto* after = part_of(r, t);
  if (!before || before->why != basis::directive || (after && after->source == before->source)) return {};
  return before->source;
}

std::string issue_notice(const io::episode_record& r, const profile& p, const notice_options& o) {
  const auto& e = r.e;
  const level_t start_level = e.segments.front().level;
  const auto lv = shown(o, p.levels.at(start_level - 1u));
  const auto range = fmt::format("{}–{}", io::format_number(e.min_daily_aqi, 0), io::format_number(e.max_daily_aqi, 0));
  const auto mean = io::format_number(e.mean_daily_aqi, 0);
  const auto cite = instructed_by(r, e.start, o);
  const auto* first = part_of(r, e.start);
  const bool on_instruction = first && first->why == basis::directive && issued_on_instruction(e, p);
  std::string s;
  if (o.zh) {
    s += heading(o, fmt::format("{}重污染天气{}预警", o.area, lv.name_zh));
    if (on_instruction)
      s += fmt::format("发布机关：{}\n发布时间：收到预警提示信息后及时发布，不晚于 {}（§3.2.3）\n\n", o.authority,
                       format_time_readable(e.issue_by));
    else
      s += fmt::format("发布机关：{}\n发布时间：不晚于 {}（提前{}小时，§3.2.3）\n\n", o.authority,
                       format_time_readable(e.issue_by), p.lead_hours);
    s += fmt::format("预计 {} 至 {}，{}将出现一次重污染天气过程，日AQI范围 {}，日均值约 {}。\n",
                     format_time_readable(e.start), format_time_readable(e.end), o.area, range, mean);
    s += fmt::format("{}决定于 {} 启动{}预警，{}。\n", cite, format_time_readable(e.start), lv.name_zh,
                     e.lift ? "预计于 " + format_time_readable(*e.lift) + " 解除（以解除通知为准）"
                            : std::string("解除时间另行通知"));
    s +=
        fmt::format("预警期间启动{}级应急响应（§4.1），各县（市、区）和各有关部门落实以下措施：\n\n", tier_zh(lv.tier));
  } else {
    s += heading(o, fmt::format("{}: {} warning of heavy air pollution ({}预警)", o.area, lv.name, lv.name_zh));
    if (on_instruction)
      s += fmt::format("Issued by: {}\nIssue by: {} (at once on the prompt, §3.2.3)\n\n", o.authority,
                       format_time_readable(e.issue_by));
    else
      s += fmt::format("Issued by: {}\nIssue by: {} ({} h ahead, §3.2.3)\n\n", o.authority,
                       format_time_readable(e.issue_by), p.lead_hours);
    s += fmt::format("From {} to {} {} expects a heavy-pollution episode, daily AQI {} with a mean of about {}.\n",
                     format_time_readable(e.start), format_time_readable(e.end), o.area, range, mean);
    s += fmt::format(
        "{}{} {} warning takes effect at {}; {}.\n", cite,
        cite.empty() ? (std::string_view("aeiou").find(lv.name[0]) != std::string_view::npos ? "An" : "A")
                     : (std::string_view("aeiou").find(lv.name[0]) != std::string_view::npos ? "an" : "a"),
        lv.name, format_time_readable(e.start),
        e.lift ? "it is expected to be lifted at " + format_time_readable(*e.lift) + " (the lift notice decides)"
               : std::string("its lift will be announced"));
    s += fmt::format("Tier {} emergency response (§4.1): the counties and departments carry out these measures:\n\n",
                     lv.tier);
  }
  return s + measures_block(o, p, lv);
}

std::string change_notice(const io::episode_record& r, std::size_t i, const profile& p, const notice_options& o) {
  const auto from = shown(o, p.levels.at(r.e.segments[i - 1].level - 1u));
  const auto to = shown(o, p.levels.at(r.e.segments[i].level - 1u));
  const bool up = r.e.segments[i].level > r.e.segments[i - 1].level;
  const hour_t at = r.e.segments[i].from;
  const auto cite = instructed_by(r, at, o);
  const auto ended = ended_directive(r, at);
  std::string s;
  if (o.zh) {
    s += heading(o, fmt::format("{}重污染天气预警{}为{}预警", o.area, up ? "升级" : "降级", to.name_zh));
    s += fmt::format("发布机关：{}\n\n", o.authority);
    s += fmt::format("{}自 {} 起，{}由{}预警{}为{}预警（§3.2.4），应急响应由{}级调整为{}级。\n", cite,
                     format_time_readable(at), o.area, from.name_zh, up ? "升级" : "降级", to.name_zh,
                     tier_zh(from.tier), tier_zh(to.tier));
    if (!up && !ended.empty())
      s += fmt::format("省环委会办公室预警提示信息（{}）要求的预警期已结束，按我市预警条件调整。\n", shown(o, ended));
    else if (!up)
      s += fmt::format("空气质量已改善到原级别预警启动标准以下，且预测将持续{}小时以上。\n", p.lift_hours);
    s += fmt::format("{}级应急响应措施：\n\n", tier_zh(to.tier));
  } else {
    s += heading(o, fmt::format("{}: warning {} to {}", o.area, up ? "upgraded" : "downgraded", to.name));
    s += fmt::format("Issued by: {}\n\n", o.authority);
    s += fmt::format("{}{} {} the {} warning is {} to {} (§3.2.4); the response moves from tier {} to tier {}.\n", cite,
                     cite.empty() ? "From" : "from", format_time_readable(at), from.name,
                     up ? "upgraded" : "downgraded", to.name, from.tier, to.tier);
    if (!up && !ended.empty())
      s += fmt::format(
          "The period the provincial office's warning prompt ({}) asked for has ended; the city's own "
          "conditions decide the level.\n",
          shown(o, ended));
    else if (!up)
      s += fmt::format(
          "The air has improved below the start condition of the former level, and is forecast to stay so "
          "for {} h or more.\n",
          p.lift_hours);
    s += fmt::format("Tier {} measures:\n\n", to.tier);
  }
  return s + measures_block(o, p, to);
}

// The lift at the end of the span a directive alone held: the prompt's period is over and the
// city's own conditions do not hold a warning.
std::string directive_lift_notice(const level_def& lv, hour_t at, const std::string& source, const std::string& due,
                                  const profile& p, const notice_options& o) {
  if (o.zh)
    return heading(o, fmt::format("{}重污染天气{}预警解除", o.area, lv.name_zh)) +
           fmt::format(
               "发布机关：{}\n\n自 {} "
               "起解除{}预警，应急响应终止（§4.6）。省环委会办公室预警提示信息（{}）要求的预警期已结束，"
               "且空气质量未达到我市预警启动条件（§3.2.2）。\n应急响应终止后{}日内（{}前）完成总结评估（§5）。\n",
               o.authority, format_time_readable(at), lv.name_zh, shown(o, source), p.assessment_days, due);
  return heading(o, fmt::format("{}: {} warning lifted", o.area, lv.name)) +
         fmt::format(
             "Issued by: {}\n\nThe {} warning is lifted at {} and the emergency response ends (§4.6): the period\n"
             "the provincial office's warning prompt ({}) asked for has ended, and the air does not meet\n"
             "the city's own warning conditions (§3.2.2).\n"
             "The assessment is due within {} days of the end of the response, by {} (§5).\n",
             o.authority, lv.name, format_time_readable(at), shown(o, source), p.assessment_days, due);
}

std::string lift_notice(const io::episode_record& r, const profile& p, const notice_options& o) {
  const auto lv = shown(o, p.levels.at(r.e.segments.back().level - 1u));
  const hour_t at = *r.e.lift;
  const auto due = format_date(*assessment_due(r.e, p));
  if (const auto ended = ended_directive(r, at); !ended.empty()) return directive_lift_notice(lv, at, ended, due, p, o);
  if (o.zh)
    return heading(o, fmt::format("{}重污染天气{}预警解除", o.area, lv.name_zh)) +
           fmt::format(
               "发布机关：{}\n\n自 {} "
               "起解除{}预警，应急响应终止（§4.6）。空气质量已改善到预警启动标准以下，且预测将持续{}小时以上（§3.2."
               "4）。\n"
               "应急响应终止后{}日内（{}前）完成总结评估（§5）。\n",
               o.authority, format_time_readable(at), lv.name_zh, p.lift_hours, p.assessment_days, due);
  return heading(o, fmt::format("{}: {} warning lifted", o.area, lv.name)) +
         fmt::format(
             "Issued by: {}\n\nThe {} warning is lifted at {} and the emergency response ends (§4.6): the air has\n"
             "improved below the start condition and is forecast to stay so for {} h or more (§3.2.4).\n"
             "The assessment is due within {} days of the end of the response, by {} (§5).\n",
             o.authority, lv.name, format_time_readable(at), p.lift_hours, p.assessment_days, due);
}

const tool::spec spec = {
    "hpa-notice", "Draft the warning notices of episodes: issue, upgrade, downgrade, lift.",
    "Reads what `hpa-episodes --format json` writes (a file or stdin) and drafts, for each\n"
    "warning episode, the issue notice of §3.2.3 (time span and area, level, daily AQI range\n"
    "and mean, start and expected lift, issuing authority, response tier and its measures),\n"
    "the upgrade and downgrade notices of §3.2.4 and the lift notice (§4.6, with the §5\n"
    "assessment deadline). Withheld and advisory episodes get no notice. Markdown or plain\n"
    "text, Chinese or English. --area defaults to the station name (全市 when there is none).\n"
    "Episodes of `hpa-episodes --directives` carry the basis of each stretch: a warning, upgrade\n"
    "or lift a directive decides names it (\"根据省环委会办公室预警提示信息（…号）\", §3.2.2(2)).\n"
    "The notices follow the profile the episodes were made under (their `profile`): without\n"
    "--profile and --as-of the built-in of that name (one made from a file needs --profile FILE);\n"
    "with them it must be the one they give.",
    tool::takes::input | tool::takes::output | tool::takes::profile | tool::takes::as_of | tool::takes::quiet};

struct args {
  tool::common common;
  std::string lang = "zh", format = "markdown", kind = "all", authority, area;
};

void options(CLI::App& app, args& a) {
  app.add_option("--lang", a.lang, "zh or en")->check(CLI::IsMember({"zh", "en"}))->capture_default_str();
  app.add_option("-f,--format", a.format, "markdown or text")
      ->check(CLI::IsMember({"markdown", "text"}))
      ->capture_default_str();
  app.add_option("--kind", a.kind, "issue, change, lift or all")
      ->check(CLI::IsMember({"issue", "change", "lift", "all"}))
      ->capture_default_str();
  app.add_option("--authority", a.authority, "The issuing authority (default 市环委会办公室)");
  app.add_option("--area", a.area, "The area the notice covers (default: the station)");
}

// The profile the episodes were made under (`made_under`): without --profile and --as-of the
// built-in of that name, with them the one they give, which must be it. Episodes that name none
// are read under --profile.
profile profile_of_episodes(const std::string& made_under, const std::string& source, const tool::context& cx) {
  const auto& o = cx.options();
  std::string given = o.profile_given ? "--profile " + o.profile : "";
  if (!o.as_of.empty()) given += (given.empty() ? "" : " ") + ("--as-of " + o.as_of);
  if (made_under.empty() || made_under == cx.profile().name) return cx.profile();
  if (!given.empty())
    throw error(
        fmt::format("{}: the episodes were made under profile {}, not {} ({}): leave {} out to read them "
                    "under theirs",
                    source, io::quote(made_under), io::quote(cx.profile().name), given,
                    o.profile_given && !o.as_of.empty() ? "them" : "it"));
  if (const auto* builtin = io::find_builtin(made_under)) return *builtin;
  throw error(
      fmt::format("{}: the episodes were made under profile {}, which is not built in: give its file with "
                  "--profile FILE",
                  source, io::quote(made_under)));
}

int run(const args& a, tool::context& cx) {
  auto in = cx.open_input();
  std::stringstream ss;
  ss << in.stream->rdbuf();
  const auto text = ss.str();
  const auto p = profile_of_episodes(io::episodes_profile(text, in.name), in.name, cx);
  const auto records = io::episodes_from_json(text, in.name, p);
  notice_options no;
  no.zh = a.lang == "zh";
  no.markdown = a.format == "markdown";
  no.authority = shown(no, !a.authority.empty() ? a.authority
                           : no.zh              ? "市环委会办公室"
                                   : "the office of the city environment committee (市环委会办公室)");
  io::output out(cx.options().output);
  bool first = true;
  auto emit = [&](const std::string& text) {
    out << (first ? "" : "\n") << text;
    first = false;
  };
  for (const auto& r : records) {
    if (!r.e.warns()) {
      cx.warn(fmt::format("{}: {} episode from {} gets no notice", r.station.empty() ? in.name : r.station,
                          to_string(r.e.status), format_time(r.e.start)));
      continue;
    }
    no.area = shown(no, !a.area.empty() ? a.area : !r.station.empty() ? r.station : no.zh ? "全市" : "the city");
    if (a.kind == "issue" || a.kind == "all") emit(issue_notice(r, p, no));
    if (a.kind == "change" || a.kind == "all")
      for (std::size_t i = 1; i < r.e.segments.size(); ++i) emit(change_notice(r, i, p, no));
    if ((a.kind == "lift" || a.kind == "all") && r.e.lift) emit(lift_notice(r, p, no));
  }
  if (first) out << (no.zh ? "（无预警）\n" : "(no warning)\n");
  out.commit();
  return 0;
}

}  // namespace

int main(int argc, char** argv) { return tool::main<args>(argc, argv, spec, options, run); }
